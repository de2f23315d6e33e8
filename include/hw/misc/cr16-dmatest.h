/*
 * cr16-dmatest: a DMA engine for tests.  The guest programs a source, a
 * destination and a length and starts it; the device copies guest memory
 * chunk by chunk and raises its interrupt when done.
 *
 * Register map (0x20 bytes, little-endian; 16- or 32-bit access; 32-bit
 * registers may be written one half at a time):
 *
 *   0x00 ID        RO   DMATEST_ID_VALUE
 *   0x04 SRC       RW   source address
 *   0x08 DST       RW   destination address
 *   0x0C LEN       RW   bytes to copy
 *   0x10 CMD       WO   DMATEST_CMD_START / DMATEST_CMD_ABORT
 *   0x14 STATUS    R/W1C  BUSY (RO), DONE, ERROR, ABORTED
 *   0x18 CTRL      RW   bit 0 IE: interrupt on DONE or ERROR
 *   0x1C COPIED    RO   bytes copied so far
 *
 * The interrupt (sysbus IRQ 0) is high while CTRL.IE is set and STATUS
 * has DONE or ERROR; writing those bits back clears them.
 *
 * How it copies: the destination range is mapped with address_space_map()
 * for the whole transfer (RAM directly, MMIO through the bounce buffer)
 * and unmapped when the transfer ends, is aborted, or the device is
 * unrealized (hot-unplug in the middle of a transfer leaves no mapping
 * behind); if it cannot be mapped, each chunk is written with
 * address_space_write().  Sources are read with address_space_read().
 * A bus error on either side ends the transfer with ERROR.
 *
 * Properties: "chunk-size" (bytes per step, 1..4096, default 64),
 * "chunk-ns" (virtual time per step; 0 copies everything at once inside
 * the START write; default 1000), "memory" (a link to the MemoryRegion
 * to work on; default: the system address space).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_MISC_CR16_DMATEST_H
#define HW_MISC_CR16_DMATEST_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_CR16_DMATEST "cr16-dmatest"
OBJECT_DECLARE_SIMPLE_TYPE(CR16DMATestState, CR16_DMATEST)

#define DMATEST_ID          0x00
#define DMATEST_SRC         0x04
#define DMATEST_DST         0x08
#define DMATEST_LEN         0x0c
#define DMATEST_CMD         0x10
#define DMATEST_STATUS      0x14
#define DMATEST_CTRL        0x18
#define DMATEST_COPIED      0x1c
#define DMATEST_MMIO_SIZE   0x20

#define DMATEST_ID_VALUE    0x444d

#define DMATEST_CMD_START   1
#define DMATEST_CMD_ABORT   2

#define DMATEST_ST_BUSY     0x01
#define DMATEST_ST_DONE     0x02
#define DMATEST_ST_ERROR    0x04
#define DMATEST_ST_ABORTED  0x08

#define DMATEST_CTRL_IE     0x01

#define DMATEST_CHUNK_MAX   4096

struct CR16DMATestState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    QEMUTimer chunk_timer;
    AddressSpace own_as;
    AddressSpace *as;           /* &own_as, or the system address space */
    uint8_t *buf;               /* one chunk */

    /* Properties. */
    uint32_t chunk_size;
    uint64_t chunk_ns;
    MemoryRegion *dma_mr;

    /* Registers. */
    uint32_t src;
    uint32_t dst;
    uint32_t len;
    uint32_t status;
    uint32_t ctrl;
    uint32_t copied;

    /* The transfer in progress (latched at START). */
    uint32_t cur_src;
    uint32_t cur_dst;
    uint32_t cur_len;
    void *map;                  /* destination mapping, or NULL */
    hwaddr map_addr;
    hwaddr map_len;
    hwaddr map_used;            /* bytes written through it */
};

/* Whether a destination mapping is currently held (for tests). */
bool cr16_dmatest_has_mapping(CR16DMATestState *s);

#endif /* HW_MISC_CR16_DMATEST_H */
