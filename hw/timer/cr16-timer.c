/*
 * cr16-timer: two down-counters on the virtual clock (register map in
 * include/hw/timer/cr16-timer.h).
 *
 * A running counter is not ticked one step at a time: it remembers the
 * value it had at base_ns and computes the present value from the clock,
 * and one QEMUTimer fires at the moment it reaches zero.  A periodic
 * counter's next period starts at the exact expiry instant, so late
 * callbacks never make it drift.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/timer/cr16-timer.h"
#include "hw/qdev-properties.h"

#define NS_PER_SEC 1000000000ULL

static int64_t timer_now(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

/* Nanoseconds for @ticks counter ticks, rounded up. */
static int64_t ticks_to_ns(CR16TimerState *s, uint64_t ticks)
{
    unsigned __int128 num = (unsigned __int128)ticks * (s->prescale + 1u) *
                            NS_PER_SEC;

    return (int64_t)((num + s->freq - 1) / s->freq);
}

/* Whole ticks in @ns nanoseconds. */
static uint64_t ns_to_ticks(CR16TimerState *s, int64_t ns)
{
    unsigned __int128 num = (unsigned __int128)ns * s->freq;

    return (uint64_t)(num / ((unsigned __int128)(s->prescale + 1u) *
                             NS_PER_SEC));
}

static uint32_t ch_current(CR16TimerChannel *ch)
{
    uint64_t gone;

    if (!(ch->ctrl & CR16_TIMER_CTRL_EN)) {
        return ch->count;
    }
    gone = ns_to_ticks(ch->parent, timer_now() - ch->base_ns);
    return gone >= ch->count ? 0 : ch->count - gone;
}

static void ch_update_irq(CR16TimerChannel *ch)
{
    qemu_set_irq(ch->irq, (ch->status & CR16_TIMER_ST_EXPIRED) &&
                          (ch->ctrl & CR16_TIMER_CTRL_IE));
}

static void ch_arm(CR16TimerChannel *ch)
{
    if ((ch->ctrl & CR16_TIMER_CTRL_EN) && ch->count) {
        timer_mod_ns(&ch->timer,
                     ch->base_ns + ticks_to_ns(ch->parent, ch->count));
    } else {
        timer_del(&ch->timer);
    }
}

/* Fold the time gone by into count (before the tick rate changes). */
static void ch_rebase(CR16TimerChannel *ch)
{
    if (ch->ctrl & CR16_TIMER_CTRL_EN) {
        ch->count = ch_current(ch);
        ch->base_ns = timer_now();
    }
}

static void ch_expire_cb(void *opaque)
{
    CR16TimerChannel *ch = opaque;

    if (!(ch->ctrl & CR16_TIMER_CTRL_EN) || !ch->count) {
        return;
    }
    if (ch_current(ch)) {
        ch_arm(ch);     /* woken early by rounding: not zero yet */
        return;
    }
    ch->status |= CR16_TIMER_ST_EXPIRED;
    if ((ch->ctrl & CR16_TIMER_CTRL_PERIODIC) && ch->load) {
        ch->base_ns += ticks_to_ns(ch->parent, ch->count);
        ch->count = ch->load;
    } else {
        ch->ctrl &= ~CR16_TIMER_CTRL_EN;
        ch->count = 0;
    }
    ch_arm(ch);
    ch_update_irq(ch);
}

static void ch_write_ctrl(CR16TimerChannel *ch, uint16_t val)
{
    bool was_on = ch->ctrl & CR16_TIMER_CTRL_EN;
    bool on = val & CR16_TIMER_CTRL_EN;

    if (was_on && !on) {
        ch->count = ch_current(ch);
    }
    ch->ctrl = val & (CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_PERIODIC |
                      CR16_TIMER_CTRL_IE);
    if (!was_on && on) {
        if (!ch->count) {
            ch->count = ch->load;
        }
        ch->base_ns = timer_now();
    }
    ch_arm(ch);
    ch_update_irq(ch);
}

static void ch_write_load(CR16TimerChannel *ch, uint32_t val)
{
    ch->load = val;
    ch->count = val;
    ch->base_ns = timer_now();
    ch_arm(ch);
}

/* ---- register access ------------------------------------------------ */

static uint64_t cr16_timer_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16TimerState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t v = 0;

    if (reg < CR16_TIMER_PRESCALE) {
        CR16TimerChannel *ch = &s->ch[reg / 0x10];

        switch (reg % 0x10) {
        case CR16_TIMER_LOAD(0):
            v = ch->load;
            break;
        case CR16_TIMER_COUNT(0):
            v = ch_current(ch);
            break;
        case CR16_TIMER_CTRL(0):
            v = ch->ctrl;
            break;
        case CR16_TIMER_STATUS(0):
            v = ch->status;
            break;
        }
    } else if (reg == CR16_TIMER_PRESCALE) {
        v = s->prescale;
    } else if (reg == CR16_TIMER_ID) {
        v = CR16_TIMER_ID_VALUE;
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-timer: read at bad offset 0x%"
                      HWADDR_PRIx "\n", addr);
    }
    return (v >> shift) & (size == 4 ? 0xffffffffu : 0xffffu);
}

static void cr16_timer_write(void *opaque, hwaddr addr, uint64_t val64,
                             unsigned size)
{
    CR16TimerState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t mask = (size == 4 ? 0xffffffffu : 0xffffu) << shift;
    uint32_t val = (uint32_t)val64 << shift;

    if (reg < CR16_TIMER_PRESCALE) {
        CR16TimerChannel *ch = &s->ch[reg / 0x10];

        switch (reg % 0x10) {
        case CR16_TIMER_LOAD(0):
            ch_write_load(ch, (ch->load & ~mask) | (val & mask));
            return;
        case CR16_TIMER_CTRL(0):
            if (mask & 0xffff) {
                ch_write_ctrl(ch, val);
            }
            return;
        case CR16_TIMER_STATUS(0):
            ch->status &= ~(val & mask);
            ch_update_irq(ch);
            return;
        }
    } else if (reg == CR16_TIMER_PRESCALE) {
        if (mask & 0xffff) {
            for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
                ch_rebase(&s->ch[i]);
            }
            s->prescale = val;
            for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
                ch_arm(&s->ch[i]);
            }
        }
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "cr16-timer: write to read-only or bad "
                  "offset 0x%" HWADDR_PRIx "\n", addr);
}

static const MemoryRegionOps cr16_timer_ops = {
    .read = cr16_timer_read,
    .write = cr16_timer_write,
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

/* ---- the device ----------------------------------------------------- */

static void cr16_timer_reset(DeviceState *dev)
{
    CR16TimerState *s = CR16_TIMER(dev);

    s->prescale = 0;
    for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
        CR16TimerChannel *ch = &s->ch[i];

        timer_del(&ch->timer);
        ch->load = 0;
        ch->count = 0;
        ch->base_ns = 0;
        ch->ctrl = 0;
        ch->status = 0;
        ch_update_irq(ch);
    }
}

static void cr16_timer_init(Object *obj)
{
    CR16TimerState *s = CR16_TIMER(obj);

    memory_region_init_io(&s->iomem, obj, &cr16_timer_ops, s, "cr16-timer",
                          CR16_TIMER_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
        s->ch[i].parent = s;
        timer_init_ns(&s->ch[i].timer, QEMU_CLOCK_VIRTUAL, ch_expire_cb,
                      &s->ch[i]);
        sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->ch[i].irq);
    }
}

static void cr16_timer_realize(DeviceState *dev, Error **errp)
{
    CR16TimerState *s = CR16_TIMER(dev);

    if (!s->freq) {
        error_setg(errp, "cr16-timer: clock-frequency must not be 0");
    }
}

static void cr16_timer_unrealize(DeviceState *dev)
{
    CR16TimerState *s = CR16_TIMER(dev);

    for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
        timer_del(&s->ch[i].timer);
    }
}

static void cr16_timer_finalize(Object *obj)
{
    CR16TimerState *s = CR16_TIMER(obj);

    for (int i = 0; i < CR16_TIMER_CHANNELS; i++) {
        timer_deinit(&s->ch[i].timer);
    }
}

static const Property cr16_timer_props[] = {
    DEFINE_PROP_UINT32("clock-frequency", CR16TimerState, freq, 10000000),
};

static void cr16_timer_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "two 32-bit down-counters";
    dc->realize = cr16_timer_realize;
    dc->unrealize = cr16_timer_unrealize;
    device_class_set_legacy_reset(dc, cr16_timer_reset);
    /* A board part: its interrupts need wiring by the board. */
    dc->user_creatable = false;
    dc->hotpluggable = false;
    device_class_set_props(dc, cr16_timer_props);
}

static const TypeInfo cr16_timer_info = {
    .name = TYPE_CR16_TIMER,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16TimerState),
    .instance_init = cr16_timer_init,
    .instance_finalize = cr16_timer_finalize,
    .class_init = cr16_timer_class_init,
};

static void cr16_timer_register_types(void)
{
    type_register_static(&cr16_timer_info);
}

type_init(cr16_timer_register_types)
