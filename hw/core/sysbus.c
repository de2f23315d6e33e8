/*
 * System bus devices (see include/hw/sysbus.h).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"

static BusState *main_system_bus;

static void system_bus_class_init(ObjectClass *oc, void *data)
{
    /* Nothing to add: sysbus devices are addressed by their regions. */
}

static const TypeInfo system_bus_info = {
    .name = TYPE_SYSTEM_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(BusState),
    .class_init = system_bus_class_init,
};

BusState *sysbus_get_default(void)
{
    if (!main_system_bus) {
        Object *machine = object_resolve_path_component(object_get_root(),
                                                        "machine");

        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        /*
         * Our reference keeps the pointer valid for the whole run; the
         * machine's "unattached" container shows it in the QOM tree.
         */
        if (machine) {
            object_property_add_child(container_get(machine, "/unattached"),
                                      "sysbus", OBJECT(main_system_bus));
        }
        qbus_realize(main_system_bus, &error_abort);
    }
    return main_system_bus;
}

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    int n = dev->num_mmio++;

    g_assert(n < QDEV_MAX_MMIO);
    dev->mmio[n].addr = (hwaddr)-1;
    dev->mmio[n].memory = memory;
}

bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n)
{
    return n < (unsigned int)dev->num_mmio;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    return dev->mmio[n].memory;
}

static void sysbus_mmio_map_common(SysBusDevice *dev, int n, hwaddr addr,
                                   bool may_overlap, int priority)
{
    MemoryRegion *mr = sysbus_mmio_get_region(dev, n);

    if (mr->container == get_system_memory() && dev->mmio[n].addr == addr &&
        mr->priority == priority) {
        return;
    }
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    dev->mmio[n].addr = addr;
    if (may_overlap) {
        memory_region_add_subregion_overlap(get_system_memory(), addr, mr,
                                            priority);
    } else {
        memory_region_add_subregion(get_system_memory(), addr, mr);
    }
    memory_region_transaction_commit();
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_common(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    sysbus_mmio_map_common(dev, n, addr, true, priority);
}

void sysbus_mmio_unmap(SysBusDevice *dev, int n)
{
    MemoryRegion *mr = sysbus_mmio_get_region(dev, n);

    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    dev->mmio[n].addr = (hwaddr)-1;
}

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

bool sysbus_has_irq(SysBusDevice *dev, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(DEVICE(dev),
                                                  SYSBUS_DEVICE_GPIO_IRQ);

    return ngl && n >= 0 && n < ngl->num_out;
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
}

qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ,
                                       n);
}

bool sysbus_is_irq_connected(SysBusDevice *dev, int n)
{
    return sysbus_get_connected_irq(dev, n) != NULL;
}

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);
    qemu_irq irq;
    va_list va;
    int n = 0;

    sysbus_realize_and_unref(s, &error_fatal);
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    va_start(va, addr);
    while ((irq = va_arg(va, qemu_irq)) != NULL) {
        sysbus_connect_irq(s, n++, irq);
    }
    va_end(va);
    return dev;
}

static void sys_bus_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_SYSTEM_BUS;
}

static const TypeInfo sys_bus_device_info = {
    .name = TYPE_SYS_BUS_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(SysBusDevice),
    .abstract = true,
    .class_size = sizeof(SysBusDeviceClass),
    .class_init = sys_bus_device_class_init,
};

static void sysbus_register_types(void)
{
    type_register_static(&system_bus_info);
    type_register_static(&sys_bus_device_info);
}

type_init(sysbus_register_types)
