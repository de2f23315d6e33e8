/*
 * cr16-testdev: the guest's exit door; register map in
 * include/hw/misc/cr16-testdev.h.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/qdev-properties.h"
#include "hw/misc/cr16-testdev.h"
#include "system/runstate.h"

static uint64_t testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    switch (addr) {
    case TESTDEV_R_ID:
        return TESTDEV_ID;
    default:
        return 0;
    }
}

static void testdev_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    if (addr != TESTDEV_R_EXIT) {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-testdev: write of 0x%" PRIx64
                      " to read-only offset 0x%" HWADDR_PRIx "\n", val, addr);
        return;
    }
    if (val & 1) {
        qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                               (int)(val >> 1));
        return;
    }
    switch (val) {
    case TESTDEV_PASS:
        qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                               0);
        break;
    case TESTDEV_FAIL:
        qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                               1);
        break;
    case TESTDEV_RESET:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-testdev: unknown command "
                      "0x%" PRIx64 " (exit codes need bit 0 set)\n", val);
        break;
    }
}

static const MemoryRegionOps testdev_ops = {
    .read = testdev_read,
    .write = testdev_write,
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

static void testdev_init(Object *obj)
{
    CR16TestDevState *s = CR16_TESTDEV(obj);

    memory_region_init_io(&s->iomem, obj, &testdev_ops, s, "cr16-testdev",
                          TESTDEV_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

static void testdev_realize(DeviceState *dev, Error **errp)
{
    CR16TestDevState *s = CR16_TESTDEV(dev);

    if (s->addr == UINT64_MAX) {
        return;     /* the board maps it */
    }
    if (s->addr & 1) {
        error_setg(errp, "cr16-testdev: addr 0x%" PRIx64 " is not 16-bit "
                   "aligned", s->addr);
        return;
    }
    /* Above RAM: tests put it wherever is convenient. */
    sysbus_mmio_map_overlap(SYS_BUS_DEVICE(dev), 0, s->addr, 1);
}

static const Property testdev_props[] = {
    DEFINE_PROP_UINT64("addr", CR16TestDevState, addr, UINT64_MAX),
};

static void testdev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "exit the emulator with a guest-chosen status";
    dc->realize = testdev_realize;
    dc->user_creatable = true;
    /* An exit door that vanishes under a running test helps nobody. */
    dc->hotpluggable = false;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    device_class_set_props(dc, testdev_props);
}

static const TypeInfo testdev_info = {
    .name = TYPE_CR16_TESTDEV,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16TestDevState),
    .instance_init = testdev_init,
    .class_init = testdev_class_init,
};

static void testdev_register_types(void)
{
    type_register_static(&testdev_info);
}

type_init(testdev_register_types)
