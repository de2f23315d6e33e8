/*
 * cr16-memcard: a small memory card for the virt expansion slots.  It is
 * built to exercise the memory-region lifetime rules when it is
 * unplugged: its window is a container (embedded in the device) holding
 * three heap subregions (registers, an info ROM, the RAM) and an alias of
 * the RAM, all owned by the card.
 *
 * Window layout (0x1000 bytes):
 *
 *   0x000 regs     MMIO, 16-bit registers:
 *                    0x00 ID          RO  MEMCARD_ID_VALUE
 *                    0x02 SIZE        RO  RAM size in bytes
 *                    0x04 CTRL        RW  bit 0 MIRROR: the alias is mapped
 *                    0x06 SCRATCH     RW
 *                    0x08 RAM_OFF     RO  MEMCARD_RAM_OFF
 *                    0x0A MIRROR_OFF  RO  MEMCARD_MIRROR_OFF
 *   0x100 info     ROM, 0x100 bytes: "cr16-memcard\0", then the RAM size
 *                  as a 32-bit little-endian word at +0x10
 *   0x400 mirror   alias of the RAM's first min(size, 0x400) bytes,
 *                  present while CTRL.MIRROR is set (the reset value)
 *   0x800 ram      RAM, "size" bytes (a power of two, 256..2048;
 *                  default 2048); keeps its contents across resets
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_MISC_CR16_MEMCARD_H
#define HW_MISC_CR16_MEMCARD_H

#include "hw/sysbus.h"

#define TYPE_CR16_MEMCARD "cr16-memcard"
OBJECT_DECLARE_SIMPLE_TYPE(CR16MemCardState, CR16_MEMCARD)

#define MEMCARD_WINDOW_SIZE 0x1000
#define MEMCARD_REGS_OFF    0x000
#define MEMCARD_INFO_OFF    0x100
#define MEMCARD_MIRROR_OFF  0x400
#define MEMCARD_RAM_OFF     0x800
#define MEMCARD_REGS_SIZE   0x100
#define MEMCARD_INFO_SIZE   0x100
#define MEMCARD_MIRROR_MAX  0x400
#define MEMCARD_SIZE_MIN    0x100
#define MEMCARD_SIZE_MAX    0x800

#define MEMCARD_R_ID        0x00
#define MEMCARD_R_SIZE      0x02
#define MEMCARD_R_CTRL      0x04
#define MEMCARD_R_SCRATCH   0x06
#define MEMCARD_R_RAM_OFF   0x08
#define MEMCARD_R_MIRROR_OFF 0x0a

#define MEMCARD_ID_VALUE    0x3c4d
#define MEMCARD_CTRL_MIRROR 0x0001

struct CR16MemCardState {
    SysBusDevice parent_obj;

    MemoryRegion container;
    /* Heap regions (memory_region_new_*): borrowed pointers. */
    MemoryRegion *regs;
    MemoryRegion *info;
    MemoryRegion *ram;
    MemoryRegion *mirror;

    uint32_t size;
    uint16_t ctrl;
    uint16_t scratch;
};

#endif /* HW_MISC_CR16_MEMCARD_H */
