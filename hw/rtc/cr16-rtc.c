/*
 * cr16-rtc: seconds counter with alarm (register map in
 * include/hw/rtc/cr16-rtc.h).
 *
 * SECONDS is not stored: it is the chosen clock's seconds plus an
 * offset, and setting it moves the offset.  The alarm is a timer on the
 * same clock, armed for the instant SECONDS becomes ALARM.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/rtc/cr16-rtc.h"
#include "hw/qdev-properties.h"

#define NS_PER_SEC INT64_C(1000000000)

static int64_t rtc_clock_secs(CR16RTCState *s)
{
    return qemu_clock_get_ns(s->clock_type) / NS_PER_SEC;
}

static uint32_t rtc_seconds(CR16RTCState *s)
{
    return (uint32_t)(s->offset + rtc_clock_secs(s));
}

static void rtc_update_irq(CR16RTCState *s)
{
    qemu_set_irq(s->irq, (s->status & CR16_RTC_ST_AF) &&
                         (s->ctrl & CR16_RTC_CTRL_AIE));
}

/* Arm the alarm for when SECONDS reaches ALARM (if still ahead). */
static void rtc_arm_alarm(CR16RTCState *s)
{
    uint32_t now = rtc_seconds(s);
    uint32_t ahead = s->alarm - now;

    /* "Ahead" within half the counter's range; else it has passed. */
    if (s->alarm == now || ahead >= 0x80000000u) {
        timer_del(s->alarm_timer);
        return;
    }
    timer_mod_ns(s->alarm_timer,
                 (rtc_clock_secs(s) + ahead) * NS_PER_SEC);
}

static void rtc_alarm_cb(void *opaque)
{
    CR16RTCState *s = opaque;

    /* Not there yet: the time was set back meanwhile. */
    if ((int32_t)(s->alarm - rtc_seconds(s)) > 0) {
        rtc_arm_alarm(s);
        return;
    }
    s->status |= CR16_RTC_ST_AF;
    rtc_update_irq(s);
}

static uint64_t rtc_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16RTCState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t v;

    switch (reg) {
    case CR16_RTC_SECONDS:
        v = rtc_seconds(s);
        break;
    case CR16_RTC_ALARM:
        v = s->alarm;
        break;
    case CR16_RTC_CTRL:
        v = s->ctrl;
        break;
    case CR16_RTC_STATUS:
        v = s->status;
        break;
    case CR16_RTC_ID:
        v = CR16_RTC_ID_VALUE;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-rtc: read at bad offset 0x%"
                      HWADDR_PRIx "\n", addr);
        return 0;
    }
    return (v >> shift) & (size == 4 ? 0xffffffffu : 0xffffu);
}

static void rtc_write(void *opaque, hwaddr addr, uint64_t val64,
                      unsigned size)
{
    CR16RTCState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t mask = (size == 4 ? 0xffffffffu : 0xffffu) << shift;
    uint32_t val = (uint32_t)val64 << shift;
    uint32_t secs;

    switch (reg) {
    case CR16_RTC_SECONDS:
        secs = (rtc_seconds(s) & ~mask) | (val & mask);
        s->offset = (int64_t)secs - rtc_clock_secs(s);
        rtc_arm_alarm(s);
        break;
    case CR16_RTC_ALARM:
        s->alarm = (s->alarm & ~mask) | (val & mask);
        rtc_arm_alarm(s);
        break;
    case CR16_RTC_CTRL:
        if (mask & 0xffff) {
            s->ctrl = val & CR16_RTC_CTRL_AIE;
        }
        break;
    case CR16_RTC_STATUS:
        s->status &= ~(val & mask);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-rtc: write to read-only or bad "
                      "offset 0x%" HWADDR_PRIx "\n", addr);
        return;
    }
    rtc_update_irq(s);
}

static const MemoryRegionOps rtc_ops = {
    .read = rtc_read,
    .write = rtc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 2,
        .max_access_size = 4,
    },
    .impl = {
        .min_access_size = 2,
        .max_access_size = 4,
    },
};

static void rtc_reset(DeviceState *dev)
{
    CR16RTCState *s = CR16_RTC(dev);

    /* Like a battery-backed clock, the time survives; the alarm does not. */
    s->alarm = 0;
    s->ctrl = 0;
    s->status = 0;
    if (s->alarm_timer) {
        timer_del(s->alarm_timer);
    }
    rtc_update_irq(s);
}

static void rtc_init(Object *obj)
{
    CR16RTCState *s = CR16_RTC(obj);

    memory_region_init_io(&s->iomem, obj, &rtc_ops, s, "cr16-rtc",
                          CR16_RTC_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void rtc_realize(DeviceState *dev, Error **errp)
{
    CR16RTCState *s = CR16_RTC(dev);

    if (!s->clock || !strcmp(s->clock, "host")) {
        s->clock_type = QEMU_CLOCK_HOST;
    } else if (!strcmp(s->clock, "vm")) {
        s->clock_type = QEMU_CLOCK_VIRTUAL;
    } else {
        error_setg(errp, "cr16-rtc: clock must be 'host' or 'vm', not '%s'",
                   s->clock);
        return;
    }
    s->offset = 0;
    s->alarm_timer = timer_new_ns(s->clock_type, rtc_alarm_cb, s);
    rtc_reset(dev);
}

static void rtc_unrealize(DeviceState *dev)
{
    CR16RTCState *s = CR16_RTC(dev);

    timer_free(s->alarm_timer);
    s->alarm_timer = NULL;
}

static const Property rtc_props[] = {
    DEFINE_PROP_STRING("clock", CR16RTCState, clock),
};

static void rtc_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "real-time clock: seconds counter with alarm";
    dc->realize = rtc_realize;
    dc->unrealize = rtc_unrealize;
    device_class_set_legacy_reset(dc, rtc_reset);
    dc->user_creatable = false;
    dc->hotpluggable = false;
    device_class_set_props(dc, rtc_props);
}

static const TypeInfo rtc_info = {
    .name = TYPE_CR16_RTC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16RTCState),
    .instance_init = rtc_init,
    .class_init = rtc_class_init,
};

static void rtc_register_types(void)
{
    type_register_static(&rtc_info);
}

type_init(rtc_register_types)
