/*
 * cr16-memcard: RAM behind a container (layout in
 * include/hw/misc/cr16-memcard.h).
 *
 * Every region is owned by the card and none is ever deleted here: on
 * unplug, qdev unparents them after unrealize (design.md section 5, rule
 * 3); the container and its same-owner subregions and alias may then be
 * finalized in any order (rule 4), and whatever the guest or a DMA
 * mapping still reaches stays alive until it lets go (rules 2 and 5).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/misc/cr16-memcard.h"
#include "hw/cr16/virt-slots.h"
#include "hw/qdev-properties.h"

static void memcard_set_mirror(CR16MemCardState *s, bool on)
{
    if (s->mirror) {
        memory_region_set_enabled(s->mirror, on);
    }
}

static uint64_t memcard_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16MemCardState *s = opaque;

    switch (addr) {
    case MEMCARD_R_ID:
        return MEMCARD_ID_VALUE;
    case MEMCARD_R_SIZE:
        return s->size;
    case MEMCARD_R_CTRL:
        return s->ctrl;
    case MEMCARD_R_SCRATCH:
        return s->scratch;
    case MEMCARD_R_RAM_OFF:
        return MEMCARD_RAM_OFF;
    case MEMCARD_R_MIRROR_OFF:
        return MEMCARD_MIRROR_OFF;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-memcard: read at bad offset "
                      "0x%" HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void memcard_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    CR16MemCardState *s = opaque;

    switch (addr) {
    case MEMCARD_R_CTRL:
        s->ctrl = val & MEMCARD_CTRL_MIRROR;
        memcard_set_mirror(s, s->ctrl & MEMCARD_CTRL_MIRROR);
        break;
    case MEMCARD_R_SCRATCH:
        s->scratch = val;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-memcard: write to read-only or "
                      "bad offset 0x%" HWADDR_PRIx "\n", addr);
        break;
    }
}

static const MemoryRegionOps memcard_ops = {
    .read = memcard_read,
    .write = memcard_write,
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

static void memcard_reset(DeviceState *dev)
{
    CR16MemCardState *s = CR16_MEMCARD(dev);

    s->ctrl = MEMCARD_CTRL_MIRROR;
    s->scratch = 0;
    memcard_set_mirror(s, true);
}

static void memcard_init(Object *obj)
{
    CR16MemCardState *s = CR16_MEMCARD(obj);

    memory_region_init(&s->container, obj, "cr16-memcard",
                       MEMCARD_WINDOW_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->container);
}

static void memcard_realize(DeviceState *dev, Error **errp)
{
    CR16MemCardState *s = CR16_MEMCARD(dev);
    Object *obj = OBJECT(dev);
    uint8_t *info;

    if (s->size < MEMCARD_SIZE_MIN || s->size > MEMCARD_SIZE_MAX ||
        !is_power_of_2(s->size)) {
        error_setg(errp, "cr16-memcard: size must be a power of two from %d "
                   "to %d bytes, not %u", MEMCARD_SIZE_MIN, MEMCARD_SIZE_MAX,
                   s->size);
        return;
    }
    s->ram = memory_region_new_ram(obj, "cr16-memcard.ram", s->size, errp);
    if (!s->ram) {
        return;
    }
    s->info = memory_region_new_rom(obj, "cr16-memcard.info",
                                    MEMCARD_INFO_SIZE, errp);
    if (!s->info) {
        /* qdev unparents the RAM region on this error path. */
        s->ram = NULL;
        return;
    }
    info = memory_region_get_ram_ptr(s->info);
    memcpy(info, "cr16-memcard", sizeof("cr16-memcard"));
    info[0x10] = s->size & 0xff;
    info[0x11] = s->size >> 8;

    s->regs = memory_region_new_io(obj, &memcard_ops, s, "cr16-memcard.regs",
                                   MEMCARD_REGS_SIZE);
    s->mirror = memory_region_new_alias(obj, "cr16-memcard.mirror", s->ram,
                                        0, MIN(s->size, MEMCARD_MIRROR_MAX));

    memory_region_transaction_begin();
    memory_region_add_subregion(&s->container, MEMCARD_REGS_OFF, s->regs);
    memory_region_add_subregion(&s->container, MEMCARD_INFO_OFF, s->info);
    memory_region_add_subregion(&s->container, MEMCARD_MIRROR_OFF,
                                s->mirror);
    memory_region_add_subregion(&s->container, MEMCARD_RAM_OFF, s->ram);
    memory_region_transaction_commit();
    memcard_reset(dev);
}

static void memcard_unrealize(DeviceState *dev)
{
    CR16MemCardState *s = CR16_MEMCARD(dev);

    /*
     * Nothing to delete: qdev detaches and unparents all our regions
     * next.  Forget the borrowed pointers, which die with those regions.
     */
    s->regs = s->info = s->ram = s->mirror = NULL;
}

static const Property memcard_props[] = {
    DEFINE_PROP_UINT32("size", CR16MemCardState, size, MEMCARD_SIZE_MAX),
};

static void memcard_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "memory card (RAM, info ROM and a mirror behind a container)";
    dc->realize = memcard_realize;
    dc->unrealize = memcard_unrealize;
    device_class_set_legacy_reset(dc, memcard_reset);
    dc->bus_type = TYPE_CR16_SLOT_BUS;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    set_bit(DEVICE_CATEGORY_STORAGE, dc->categories);
    device_class_set_props(dc, memcard_props);
}

static const TypeInfo memcard_info = {
    .name = TYPE_CR16_MEMCARD,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16MemCardState),
    .instance_init = memcard_init,
    .class_init = memcard_class_init,
};

static void memcard_register_types(void)
{
    type_register_static(&memcard_info);
}

type_init(memcard_register_types)
