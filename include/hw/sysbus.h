/*
 * System bus devices: devices that sit directly on the CPU's bus, with
 * MMIO regions mapped at fixed addresses of system memory and interrupt
 * lines wired by the board.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev-core.h"
#include "hw/irq.h"
#include "system/memory.h"

#define TYPE_SYSTEM_BUS "System"
DECLARE_INSTANCE_CHECKER(BusState, SYSTEM_BUS, TYPE_SYSTEM_BUS)

#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
OBJECT_DECLARE_TYPE(SysBusDevice, SysBusDeviceClass, SYS_BUS_DEVICE)

/* The name of the output GPIO array that holds a sysbus device's IRQs. */
#define SYSBUS_DEVICE_GPIO_IRQ "sysbus-irq"

#define QDEV_MAX_MMIO 32

struct SysBusDeviceClass {
    DeviceClass parent_class;
};

struct SysBusDevice {
    DeviceState parent_obj;

    /* private: */
    int num_mmio;
    struct {
        hwaddr addr;            /* where it is mapped, or -1 */
        MemoryRegion *memory;   /* not referenced: owned by the device */
    } mmio[QDEV_MAX_MMIO];
};

/* The bus every sysbus device plugs into (created on first use). */
BusState *sysbus_get_default(void);

/*
 * Declare MMIO region number n (in call order) of the device, usually in
 * instance_init; the board maps it with sysbus_mmio_map().  The region
 * stays the device's: qdev takes it off the map after unrealize.
 */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory);
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);
bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n);
/* Map region @n into system memory at @addr (moving it if mapped). */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);
void sysbus_mmio_unmap(SysBusDevice *dev, int n);

/* Declare the next interrupt output; *@p is driven by the device. */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);
bool sysbus_has_irq(SysBusDevice *dev, int n);
/* Wire interrupt output @n to @irq (an input of the interrupt controller). */
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);
bool sysbus_is_irq_connected(SysBusDevice *dev, int n);
qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n);

/* Realize on the system bus. */
bool sysbus_realize(SysBusDevice *dev, Error **errp);
bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp);

/*
 * Create, realize (aborting on error), map region 0 at @addr (unless it is
 * (hwaddr)-1) and connect the NULL-terminated list of IRQs in order.
 */
DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...);

static inline DeviceState *sysbus_create_simple(const char *name,
                                                hwaddr addr, qemu_irq irq)
{
    return sysbus_create_varargs(name, addr, irq, NULL);
}

#endif /* HW_SYSBUS_H */
