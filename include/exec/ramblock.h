/*
 * RAM blocks: the host storage behind RAM, ROM and ROM-device regions,
 * and the per-page "holds translated code" bitmap the TB cache uses to
 * notice writes to guest code that do not go through the softmmu TLB.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_RAMBLOCK_H
#define EXEC_RAMBLOCK_H

#include "exec/cpu-common.h"
#include "exec/cpu-defs.h"

typedef struct MemoryRegion MemoryRegion;

/* How the host storage of a block was obtained (so it is freed the same way). */
typedef enum RAMBlockStorage {
    RAM_STORAGE_MALLOC,     /* g_malloc0: small blocks */
    RAM_STORAGE_MMAP,       /* anonymous mmap: large blocks, returned to the OS */
    RAM_STORAGE_FOREIGN,    /* memory_region_init_ram_ptr: the caller's */
} RAMBlockStorage;

typedef struct RAMBlock {
    MemoryRegion *mr;           /* the region this block backs (not a ref) */
    uint8_t *host;              /* host address of the first byte */
    ram_addr_t offset;          /* start in the RAM address space */
    ram_addr_t used_length;     /* bytes of guest RAM */
    RAMBlockStorage storage;
    unsigned long *code_bitmap; /* one bit per target page holding code */
    char idstr[64];             /* the region's name, for messages */
} RAMBlock;

/*
 * Granularity of code-page tracking: the softmmu TLB page, so a TLB entry
 * covers whole tracking pages.
 */
#define RAM_CODE_PAGE_BITS TARGET_PAGE_BITS

/*
 * Code pages.  The TB cache marks the pages that hold translated code
 * with cpu_physical_memory_set_code() and clears them when no TB is left
 * on a page.  Every write to RAM that does not go through the TLB fast
 * path (address_space_write/rw/st*, memory_region_dispatch_write on RAM,
 * the end of an address_space_map() for writing) checks the bitmap and,
 * if the written range touches a marked page, calls the notifier set
 * with memory_set_code_write_notify() BEFORE returning to the caller.
 * The notifier is expected to invalidate the TBs of that range and, once
 * a page holds no TB any more, to clear its bit; the memory API never
 * clears bits by itself.  The TLB fast path needs its own check: fill
 * the TLB entry of a page for which cpu_physical_memory_range_has_code()
 * is true with a "not dirty" flag so stores take the slow path.
 *
 * Addresses outside any RAM block are ignored.
 */
void cpu_physical_memory_set_code(ram_addr_t addr);
void cpu_physical_memory_clear_code(ram_addr_t start, ram_addr_t length);
bool cpu_physical_memory_is_code(ram_addr_t addr);
bool cpu_physical_memory_range_has_code(ram_addr_t start, ram_addr_t length);

/* Called with the written RAM range (ram_addr_t) when it touches code. */
typedef void MemoryCodeWriteNotify(ram_addr_t start, ram_addr_t length);
/* Install the notifier (NULL removes it); returns the previous one. */
MemoryCodeWriteNotify *memory_set_code_write_notify(MemoryCodeWriteNotify *fn);

/*
 * Report a write of @length bytes at @start that bypassed the TLB; the
 * memory API calls it itself, devices that write guest RAM through a
 * pointer they got some other way must call it too.
 */
void memory_notify_code_write(ram_addr_t start, ram_addr_t length);

/* The block holding @addr, or NULL. */
RAMBlock *qemu_get_ram_block(ram_addr_t addr);
/* Host pointer for @addr, or NULL when no block holds it. */
void *qemu_map_ram_ptr(ram_addr_t addr);
/*
 * The block whose host storage contains @ptr (and the offset of @ptr in
 * it), or NULL.
 */
RAMBlock *qemu_ram_block_from_host(void *ptr, ram_addr_t *offset);
/* RAM address of a host pointer into guest RAM, or RAM_ADDR_INVALID. */
ram_addr_t qemu_ram_addr_from_host(void *ptr);

#endif /* EXEC_RAMBLOCK_H */
