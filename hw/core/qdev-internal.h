/*
 * Internal helpers shared by the files of hw/core/.
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/qdev-core.h"

/* bus.c: the bus's side of plugging (a reference and a child[N] link). */
void bus_add_child(BusState *bus, DeviceState *child);
void bus_remove_child(BusState *bus, DeviceState *child);

/* qdev.c: take @dev off its parent bus, dropping both references. */
void qdev_detach_from_bus(DeviceState *dev);

/* qdev-properties.c: add one static property to a class. */
void qdev_class_add_property(DeviceClass *klass, const char *name,
                             const Property *prop);

#endif /* HW_CORE_QDEV_INTERNAL_H */
