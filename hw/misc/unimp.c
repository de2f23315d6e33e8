/*
 * unimplemented-device: logs accesses to hardware nobody modelled (see
 * include/hw/misc/unimp.h).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"

static uint64_t unimp_read(void *opaque, hwaddr addr, unsigned size)
{
    UnimplementedDeviceState *s = opaque;

    qemu_log_mask(LOG_UNIMP, "%s: unimplemented device read "
                  "(size %u, offset 0x%05" HWADDR_PRIx ")\n",
                  s->name, size, addr);
    return 0;
}

static void unimp_write(void *opaque, hwaddr addr, uint64_t value,
                        unsigned size)
{
    UnimplementedDeviceState *s = opaque;

    qemu_log_mask(LOG_UNIMP, "%s: unimplemented device write "
                  "(size %u, offset 0x%05" HWADDR_PRIx
                  ", value 0x%0*" PRIx64 ")\n",
                  s->name, size, addr, size * 2, value);
}

static const MemoryRegionOps unimp_ops = {
    .read = unimp_read,
    .write = unimp_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 8,
        .unaligned = true,
    },
    .impl = {
        .min_access_size = 1,
        .max_access_size = 8,
        .unaligned = true,
    },
};

static void unimp_realize(DeviceState *dev, Error **errp)
{
    UnimplementedDeviceState *s = UNIMPLEMENTED_DEVICE(dev);

    if (!s->size) {
        error_setg(errp, "unimplemented-device: property 'size' not "
                   "specified or zero");
        return;
    }
    if (!s->name) {
        s->name = g_strdup("unimp");
    }
    memory_region_init_io(&s->iomem, OBJECT(dev), &unimp_ops, s, s->name,
                          s->size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

static const Property unimp_props[] = {
    DEFINE_PROP_SIZE("size", UnimplementedDeviceState, size, 0),
    DEFINE_PROP_STRING("name", UnimplementedDeviceState, name),
};

static void unimp_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "placeholder for unmodelled hardware (logs accesses)";
    dc->realize = unimp_realize;
    /* Only boards know where to map it. */
    dc->user_creatable = false;
    dc->hotpluggable = false;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    device_class_set_props(dc, unimp_props);
}

static const TypeInfo unimp_info = {
    .name = TYPE_UNIMPLEMENTED_DEVICE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(UnimplementedDeviceState),
    .class_init = unimp_class_init,
};

static void unimp_register_types(void)
{
    type_register_static(&unimp_info);
}

type_init(unimp_register_types)

DeviceState *create_unimplemented_device(const char *name, hwaddr base,
                                         hwaddr size)
{
    DeviceState *dev = qdev_new(TYPE_UNIMPLEMENTED_DEVICE);

    qdev_prop_set_string(dev, "name", name);
    qdev_prop_set_uint64(dev, "size", size);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map_overlap(SYS_BUS_DEVICE(dev), 0, base, UNIMP_PRIORITY);
    return dev;
}
