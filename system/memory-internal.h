/*
 * Internals shared by system/memory.c, physmem.c and memory-mtree.c.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#include "system/memory.h"

/* One range of a flat view: [start, start + size) shows @mr at @offset. */
typedef struct FlatRange {
    MemoryRegion *mr;           /* a leaf region, referenced by the view */
    hwaddr offset_in_region;
    hwaddr start;
    Int128 size;
    bool readonly;
    bool romd_mode;
    bool nonvolatile;
} FlatRange;

/*
 * The rendering of one root region: sorted, non-overlapping ranges.
 * Address spaces whose roots render the same way share one view.
 */
struct FlatView {
    unsigned ref;
    FlatRange *ranges;
    unsigned nr;
    unsigned nr_allocated;
    MemoryRegion *root;         /* referenced; NULL renders nothing */
    unsigned mru;               /* index of the last range a lookup hit */
    FlatView *reclaim_next;     /* in the deferred-reclamation queue */
};

static inline Int128 flatrange_end(const FlatRange *fr)
{
    return (Int128)fr->start + fr->size;
}

/* All address spaces, in the order they were created. */
extern AddressSpace *memory_address_spaces;

/*
 * Dispatch nesting: while > 0, a FlatView whose last reference drops is
 * queued instead of freed (see memory_reclaim_run()).
 */
extern unsigned memory_dispatch_depth;

static inline void memory_dispatch_enter(void)
{
    memory_dispatch_depth++;
}

static inline void memory_dispatch_exit(void)
{
    memory_dispatch_depth--;
}

/* The current view of @as (creating the system map on first use). */
FlatView *address_space_get_flatview(AddressSpace *as);
/* The range containing @addr, or NULL in a hole. */
const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr);
/* Start of the first range above @addr; 2^64 when there is none. */
Int128 flatview_next_start(FlatView *fv, hwaddr addr);
void flatview_ref(FlatView *fv);
void flatview_unref(FlatView *fv);

/* Re-render every address space now (flatview.c; called at commit). */
void memory_region_update_topology(void);
/* Open and commit a transaction that re-renders even if nothing changed. */
void memory_region_request_update(void);

/* "ram", "rom", "romd", "i/o": the kind shown by info mtree. */
const char *memory_region_type_name(const MemoryRegion *mr);

/* Byte lanes <-> numbers, in either byte order. */
static inline uint64_t memory_ldn(const uint8_t *p, unsigned size, bool big)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)p[big ? size - 1 - i : i] << (8 * i);
    }
    return v;
}

static inline void memory_stn(uint8_t *p, unsigned size, bool big,
                              uint64_t v)
{
    for (unsigned i = 0; i < size; i++) {
        p[big ? size - 1 - i : i] = v >> (8 * i);
    }
}

static inline bool memop_big_endian(MemOp op)
{
    return (op & MO_BSWAP) == MO_BE;
}

/* RAM blocks (physmem.c). */
RAMBlock *qemu_ram_alloc_internal(MemoryRegion *mr, uint64_t size,
                                  void *host, Error **errp);
void qemu_ram_free(RAMBlock *block);

#endif /* SYSTEM_MEMORY_INTERNAL_H */
