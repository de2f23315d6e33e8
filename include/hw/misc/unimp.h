/*
 * "unimplemented-device": a stand-in for hardware nobody modelled.  It
 * covers an address range, reads as zero, ignores writes, and logs every
 * access under "-d unimp" (LOG_UNIMP) with its name, so a guest poking
 * at missing hardware is visible instead of silently hitting nothing.
 *
 * Map it with a low priority (create_unimplemented_device() does) so
 * that real devices placed over the same range win.
 *
 * Properties: "name" (for the log and "info mtree"), "size" (bytes).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_MISC_UNIMP_H
#define HW_MISC_UNIMP_H

#include "hw/sysbus.h"

#define TYPE_UNIMPLEMENTED_DEVICE "unimplemented-device"
OBJECT_DECLARE_SIMPLE_TYPE(UnimplementedDeviceState, UNIMPLEMENTED_DEVICE)

/* Priority create_unimplemented_device() maps with. */
#define UNIMP_PRIORITY (-1000)

struct UnimplementedDeviceState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    char *name;
    uint64_t size;
};

/*
 * Create, realize and map an unimplemented-device called @name over
 * [@base, @base + @size) of system memory, below everything else there.
 */
DeviceState *create_unimplemented_device(const char *name, hwaddr base,
                                         hwaddr size);

#endif /* HW_MISC_UNIMP_H */
