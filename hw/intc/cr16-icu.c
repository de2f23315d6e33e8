/*
 * cr16-icu: vectored interrupt controller (register map and priority
 * rule in include/hw/intc/cr16-icu.h).
 *
 * The CPU takes a maskable interrupt by reading one byte at 0xFFFE00; we
 * answer with the vector of the most important pending, enabled input.
 * The read has no side effect (isa.md 7.8: nothing suggests the
 * acknowledge clears anything on the real parts), so level sources are
 * cleared at the device and edge sources through IECLR.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/intc/cr16-icu.h"
#include "hw/qdev-properties.h"

uint32_t cr16_icu_pending(CR16ICUState *s)
{
    return (s->level & ~s->edge) | (s->latched & s->edge);
}

static void icu_update(CR16ICUState *s)
{
    qemu_set_irq(s->cpu_irq, (cr16_icu_pending(s) & s->enable) != 0);
}

static uint8_t icu_vector(CR16ICUState *s)
{
    uint32_t active = cr16_icu_pending(s) & s->enable;

    if (!active) {
        return 0;
    }
    return CR16_ICU_VECTOR_BASE + 31 - clz32(active);
}

static void icu_set_irq(void *opaque, int n, int level)
{
    CR16ICUState *s = opaque;
    uint32_t bit = 1u << n;

    if (level && !(s->level & bit)) {
        s->latched |= bit;      /* a rising edge; used if n is edge-mode */
    }
    s->level = level ? s->level | bit : s->level & ~bit;
    icu_update(s);
}

static void icu_set_nmi(void *opaque, int n, int level)
{
    CR16ICUState *s = opaque;
    bool rising = level && !s->nmi_pin;

    s->nmi_pin = level;
    if (!rising || !(s->exnmi & (CR16_ICU_EXNMI_EN | CR16_ICU_EXNMI_ENLCK))) {
        return;
    }
    s->nmistat |= CR16_ICU_NMISTAT_EXT;
    /* EN allows one NMI; ENLCK keeps the door open until reset. */
    if (!(s->exnmi & CR16_ICU_EXNMI_ENLCK)) {
        s->exnmi &= ~CR16_ICU_EXNMI_EN;
    }
    /* The CPU latches an NMI on the rising edge of its input. */
    qemu_irq_pulse(s->cpu_nmi);
}

static uint64_t icu_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16ICUState *s = opaque;
    uint16_t v;

    switch (addr) {
    case CR16_ICU_IVCT:
        return icu_vector(s);
    case CR16_ICU_NMISTAT:
        v = s->nmistat;
        s->nmistat = 0;
        return v;
    case CR16_ICU_EXNMI:
        return s->exnmi | (s->nmi_pin ? CR16_ICU_EXNMI_PIN : 0);
    case CR16_ICU_ISTAT0:
        return cr16_icu_pending(s) & 0xffff;
    case CR16_ICU_ISTAT1:
        return cr16_icu_pending(s) >> 16;
    case CR16_ICU_IENAM0:
        return s->enable & 0xffff;
    case CR16_ICU_IENAM1:
        return s->enable >> 16;
    case CR16_ICU_IECLR0:
    case CR16_ICU_IECLR1:
        return 0;
    case CR16_ICU_IEDGE0:
        return s->edge & 0xffff;
    case CR16_ICU_IEDGE1:
        return s->edge >> 16;
    case CR16_ICU_NMI_ACK:
        return 0;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-icu: read at bad offset 0x%"
                      HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void icu_write(void *opaque, hwaddr addr, uint64_t val64,
                      unsigned size)
{
    CR16ICUState *s = opaque;
    uint32_t val = val64 & 0xffff;

    switch (addr) {
    case CR16_ICU_EXNMI:
        s->exnmi = (s->exnmi & CR16_ICU_EXNMI_ENLCK) |
                   (val & (CR16_ICU_EXNMI_EN | CR16_ICU_EXNMI_ENLCK));
        break;
    case CR16_ICU_IENAM0:
        s->enable = (s->enable & 0xffff0000u) | val;
        break;
    case CR16_ICU_IENAM1:
        s->enable = (s->enable & 0xffffu) | (val << 16);
        break;
    case CR16_ICU_IECLR0:
        s->latched &= ~val;
        break;
    case CR16_ICU_IECLR1:
        s->latched &= ~(val << 16);
        break;
    case CR16_ICU_IEDGE0:
        s->edge = (s->edge & 0xffff0000u) | val;
        break;
    case CR16_ICU_IEDGE1:
        s->edge = (s->edge & 0xffffu) | (val << 16);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-icu: write of 0x%x to "
                      "read-only or bad offset 0x%" HWADDR_PRIx "\n",
                      val, addr);
        return;
    }
    icu_update(s);
}

/* IVCT is read as a byte by the CPU; everything else is 16-bit. */
static const MemoryRegionOps icu_ops = {
    .read = icu_read,
    .write = icu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 4,
    },
    .impl = {
        .min_access_size = 2,
        .max_access_size = 2,
    },
};

static void icu_reset(DeviceState *dev)
{
    CR16ICUState *s = CR16_ICU(dev);

    s->latched = 0;
    s->enable = 0;
    s->edge = s->edge_mask_reset;
    s->nmistat = 0;
    s->exnmi = 0;
    icu_update(s);
}

static void icu_init(Object *obj)
{
    CR16ICUState *s = CR16_ICU(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &icu_ops, s, "cr16-icu",
                          CR16_ICU_MMIO_SIZE);
    sysbus_init_mmio(sbd, &s->iomem);
    sysbus_init_irq(sbd, &s->cpu_irq);
    sysbus_init_irq(sbd, &s->cpu_nmi);
    qdev_init_gpio_in(DEVICE(obj), icu_set_irq, CR16_ICU_NUM_IRQS);
    qdev_init_gpio_in_named(DEVICE(obj), icu_set_nmi, CR16_ICU_GPIO_NMI, 1);
}

static const Property icu_props[] = {
    DEFINE_PROP_UINT32("edge-mask", CR16ICUState, edge_mask_reset, 0),
};

static void icu_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "CR16 interrupt control unit (IVCT vectoring)";
    device_class_set_legacy_reset(dc, icu_reset);
    dc->user_creatable = false;
    dc->hotpluggable = false;
    device_class_set_props(dc, icu_props);
}

static const TypeInfo icu_info = {
    .name = TYPE_CR16_ICU,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16ICUState),
    .instance_init = icu_init,
    .class_init = icu_class_init,
};

static void icu_register_types(void)
{
    type_register_static(&icu_info);
}

type_init(icu_register_types)
