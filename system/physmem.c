/*
 * Guest-physical memory: RAM blocks, code-page tracking, the system
 * address space, and accesses through an address space (buffers, single
 * values, DMA mappings, TLB lookups).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/bitops.h"
#include "system/memory.h"
#include "system/memory-internal.h"

/* ------------------------------------------------------------------ */
/* RAM blocks                                                          */
/* ------------------------------------------------------------------ */

/*
 * Blocks at least this big come from mmap, so their pages go back to the
 * host as soon as the region is freed (hot-unplug soak tests watch RSS).
 */
#define RAM_MMAP_THRESHOLD (64 * KiB)

#define RAM_CODE_PAGE_SIZE ((ram_addr_t)1 << RAM_CODE_PAGE_BITS)

/* All blocks, sorted by offset. */
static GPtrArray *ram_blocks;
static RAMBlock *ram_block_mru;
/* Number of code bits set in all blocks: 0 makes every check trivial. */
static uint64_t ram_code_pages;
static MemoryCodeWriteNotify *code_write_notify;

/* Number of code pages covering @len bytes (at least one). */
static ram_addr_t ram_pages_for(ram_addr_t len)
{
    ram_addr_t pages = (len + RAM_CODE_PAGE_SIZE - 1) >> RAM_CODE_PAGE_BITS;

    return pages ? pages : 1;
}

static ram_addr_t ram_block_pages(const RAMBlock *block)
{
    return ram_pages_for(block->used_length);
}

/* The lowest page-aligned offset with room for @size bytes. */
static ram_addr_t find_ram_offset(ram_addr_t size)
{
    ram_addr_t span = ram_pages_for(size) << RAM_CODE_PAGE_BITS;
    ram_addr_t candidate = 0;
    guint i;

    for (i = 0; i < ram_blocks->len; i++) {
        RAMBlock *b = g_ptr_array_index(ram_blocks, i);

        if (b->offset >= candidate + span) {
            break;
        }
        candidate = b->offset + (ram_block_pages(b) << RAM_CODE_PAGE_BITS);
    }
    return candidate;
}

RAMBlock *qemu_ram_alloc_internal(MemoryRegion *mr, uint64_t size,
                                  void *host, Error **errp)
{
    RAMBlock *block;
    guint pos;

    if (!ram_blocks) {
        ram_blocks = g_ptr_array_new();
    }
    block = g_new0(RAMBlock, 1);
    if (host) {
        block->storage = RAM_STORAGE_FOREIGN;
        block->host = host;
    } else if (size >= RAM_MMAP_THRESHOLD) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

        if (p == MAP_FAILED) {
            error_setg(errp, "cannot allocate %" PRIu64 " bytes of RAM "
                       "for '%s': %s", size, memory_region_name(mr),
                       strerror(errno));
            g_free(block);
            return NULL;
        }
        block->storage = RAM_STORAGE_MMAP;
        block->host = p;
    } else {
        block->host = g_try_malloc0(size ? size : 1);
        if (!block->host) {
            error_setg(errp, "cannot allocate %" PRIu64 " bytes of RAM "
                       "for '%s'", size, memory_region_name(mr));
            g_free(block);
            return NULL;
        }
        block->storage = RAM_STORAGE_MALLOC;
    }
    block->mr = mr;
    block->used_length = size;
    block->offset = find_ram_offset(size);
    block->code_bitmap = g_new0(unsigned long,
                                BITS_TO_LONGS(ram_block_pages(block)));
    g_strlcpy(block->idstr, memory_region_name(mr), sizeof(block->idstr));

    for (pos = 0; pos < ram_blocks->len; pos++) {
        RAMBlock *b = g_ptr_array_index(ram_blocks, pos);

        if (b->offset > block->offset) {
            break;
        }
    }
    g_ptr_array_insert(ram_blocks, pos, block);
    return block;
}

void qemu_ram_free(RAMBlock *block)
{
    ram_addr_t pages = ram_block_pages(block);

    for (ram_addr_t p = 0; p < pages; p++) {
        if (test_bit(p, block->code_bitmap)) {
            ram_code_pages--;
        }
    }
    g_ptr_array_remove(ram_blocks, block);
    if (ram_block_mru == block) {
        ram_block_mru = NULL;
    }
    switch (block->storage) {
    case RAM_STORAGE_MMAP:
        munmap(block->host, block->used_length);
        break;
    case RAM_STORAGE_MALLOC:
        g_free(block->host);
        break;
    case RAM_STORAGE_FOREIGN:
        break;
    }
    g_free(block->code_bitmap);
    g_free(block);
}

static bool ram_block_contains(const RAMBlock *b, ram_addr_t addr)
{
    return addr >= b->offset && addr - b->offset < b->used_length;
}

RAMBlock *qemu_get_ram_block(ram_addr_t addr)
{
    if (ram_block_mru && ram_block_contains(ram_block_mru, addr)) {
        return ram_block_mru;
    }
    for (guint i = 0; ram_blocks && i < ram_blocks->len; i++) {
        RAMBlock *b = g_ptr_array_index(ram_blocks, i);

        if (ram_block_contains(b, addr)) {
            ram_block_mru = b;
            return b;
        }
    }
    return NULL;
}

void *qemu_map_ram_ptr(ram_addr_t addr)
{
    RAMBlock *b = qemu_get_ram_block(addr);

    return b ? b->host + (addr - b->offset) : NULL;
}

RAMBlock *qemu_ram_block_from_host(void *ptr, ram_addr_t *offset)
{
    uint8_t *p = ptr;

    for (guint i = 0; ram_blocks && i < ram_blocks->len; i++) {
        RAMBlock *b = g_ptr_array_index(ram_blocks, i);

        if (p >= b->host && (ram_addr_t)(p - b->host) < b->used_length) {
            if (offset) {
                *offset = p - b->host;
            }
            return b;
        }
    }
    return NULL;
}

ram_addr_t qemu_ram_addr_from_host(void *ptr)
{
    ram_addr_t offset;
    RAMBlock *b = qemu_ram_block_from_host(ptr, &offset);

    return b ? b->offset + offset : RAM_ADDR_INVALID;
}

/* ------------------------------------------------------------------ */
/* Code pages                                                          */
/* ------------------------------------------------------------------ */

void cpu_physical_memory_set_code(ram_addr_t addr)
{
    RAMBlock *b = qemu_get_ram_block(addr);
    unsigned long page;

    if (!b) {
        return;
    }
    page = (addr - b->offset) >> RAM_CODE_PAGE_BITS;
    if (!test_bit(page, b->code_bitmap)) {
        set_bit(page, b->code_bitmap);
        ram_code_pages++;
    }
}

/*
 * Visit the pages of [start, start + length) block by block; @fn returns
 * true to stop.  Returns whether it was stopped.
 */
static bool code_pages_foreach(ram_addr_t start, ram_addr_t length,
                               bool (*fn)(RAMBlock *b, unsigned long page))
{
    ram_addr_t end = start + length;

    if (!length || end < start) {
        end = length ? RAM_ADDR_MAX : start;
    }
    for (guint i = 0; ram_blocks && i < ram_blocks->len; i++) {
        RAMBlock *b = g_ptr_array_index(ram_blocks, i);
        ram_addr_t lo = MAX(start, b->offset);
        ram_addr_t hi = MIN(end, b->offset + b->used_length);

        if (lo >= hi) {
            continue;
        }
        for (unsigned long p = (lo - b->offset) >> RAM_CODE_PAGE_BITS;
             p <= (hi - 1 - b->offset) >> RAM_CODE_PAGE_BITS; p++) {
            if (fn(b, p)) {
                return true;
            }
        }
    }
    return false;
}

static bool code_page_clear(RAMBlock *b, unsigned long page)
{
    if (test_bit(page, b->code_bitmap)) {
        clear_bit(page, b->code_bitmap);
        ram_code_pages--;
    }
    return false;
}

static bool code_page_test(RAMBlock *b, unsigned long page)
{
    return test_bit(page, b->code_bitmap);
}

void cpu_physical_memory_clear_code(ram_addr_t start, ram_addr_t length)
{
    if (ram_code_pages) {
        code_pages_foreach(start, length, code_page_clear);
    }
}

bool cpu_physical_memory_is_code(ram_addr_t addr)
{
    return cpu_physical_memory_range_has_code(addr, 1);
}

bool cpu_physical_memory_range_has_code(ram_addr_t start, ram_addr_t length)
{
    return ram_code_pages && code_pages_foreach(start, length, code_page_test);
}

MemoryCodeWriteNotify *memory_set_code_write_notify(MemoryCodeWriteNotify *fn)
{
    MemoryCodeWriteNotify *old = code_write_notify;

    code_write_notify = fn;
    return old;
}

void memory_notify_code_write(ram_addr_t start, ram_addr_t length)
{
    if (code_write_notify && cpu_physical_memory_range_has_code(start,
                                                                length)) {
        code_write_notify(start, length);
    }
}

/* ------------------------------------------------------------------ */
/* The system address space                                            */
/* ------------------------------------------------------------------ */

static MemoryRegion *system_memory;
AddressSpace address_space_memory;

void memory_map_init(void)
{
    if (system_memory) {
        return;
    }
    system_memory = memory_region_new(NULL, "system", UINT64_MAX);
    /*
     * Keep a reference of our own: the map outlives a QOM parent that
     * machine teardown may unparent first.
     */
    if (OBJECT(system_memory)->parent) {
        object_ref(OBJECT(system_memory));
    }
    address_space_init(&address_space_memory, system_memory, "memory");
}

MemoryRegion *get_system_memory(void)
{
    memory_map_init();
    return system_memory;
}

void memory_map_teardown(void)
{
    MemoryRegion *mr = system_memory;

    if (!mr) {
        return;
    }
    address_space_destroy(&address_space_memory);
    memset(&address_space_memory, 0, sizeof(address_space_memory));
    memory_region_transaction_begin();
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions);
    }
    memory_region_transaction_commit();
    system_memory = NULL;
    object_unref(OBJECT(mr));
    memory_reclaim_run();
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    if (as == &address_space_memory && !system_memory) {
        memory_map_init();
    }
    return as->current_map;
}

/* ------------------------------------------------------------------ */
/* Buffer accesses                                                     */
/* ------------------------------------------------------------------ */

/* Widest access the device accepts at @off for @left bytes. */
static unsigned mmio_access_size(MemoryRegion *mr, hwaddr off, hwaddr left)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned max = ops && ops->valid.max_access_size
                   ? ops->valid.max_access_size : 4;
    unsigned s;

    max = MIN(max, 8);
    if (!(ops && ops->valid.unaligned) && off) {
        hwaddr align = off & -off;

        if (align < max) {
            max = align;
        }
    }
    if (left < max) {
        max = left;
    }
    for (s = 1; s * 2 <= max; s *= 2) {
        /* the largest power of two not above max */
    }
    return s;
}

static bool range_reads_direct(const FlatRange *fr)
{
    return fr->mr->ram || (fr->mr->rom_device && fr->romd_mode);
}

static void log_unassigned(bool is_write, hwaddr addr, hwaddr len)
{
    qemu_log_mask(LOG_GUEST_ERROR,
                  "memory: %s of %" HWADDR_PRIu " bytes at 0x%" HWADDR_PRIx
                  ": nothing is mapped there\n",
                  is_write ? "write" : "read", len, addr);
}

/* One piece inside range @fr: [addr, addr + l). */
static MemTxResult flatview_access_range(const FlatRange *fr, hwaddr addr,
                                         MemTxAttrs attrs, uint8_t *buf,
                                         hwaddr l, bool is_write, bool rom_ok)
{
    MemoryRegion *mr = fr->mr;
    hwaddr off = fr->offset_in_region + (addr - fr->start);
    MemTxResult r = MEMTX_OK;

    if (is_write) {
        if ((mr->ram && (!fr->readonly || rom_ok)) ||
            (mr->rom_device && rom_ok)) {
            memcpy(mr->ram_block->host + off, buf, l);
            memory_notify_code_write(mr->ram_block->offset + off, l);
            return MEMTX_OK;
        }
        if (mr->ram) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "memory: write of %" HWADDR_PRIu " bytes at 0x%"
                          HWADDR_PRIx " to ROM '%s' ignored\n",
                          l, addr, memory_region_name(mr));
            return MEMTX_OK;
        }
    } else if (range_reads_direct(fr)) {
        memcpy(buf, mr->ram_block->host + off, l);
        return MEMTX_OK;
    }

    /* MMIO (or a ROM device's write side): one device access at a time. */
    while (l > 0) {
        unsigned s = mmio_access_size(mr, off, l);
        MemOp op = size_memop(s) | MO_LE;
        uint64_t v;

        if (is_write) {
            v = memory_ldn(buf, s, false);
            r |= memory_region_dispatch_write(mr, off, v, op, attrs);
        } else {
            r |= memory_region_dispatch_read(mr, off, &v, op, attrs);
            memory_stn(buf, s, false, v);
        }
        buf += s;
        off += s;
        l -= s;
    }
    return r;
}

static MemTxResult flatview_rw(FlatView *fv, hwaddr addr, MemTxAttrs attrs,
                               uint8_t *buf, hwaddr len, bool is_write,
                               bool rom_ok)
{
    MemTxResult r = MEMTX_OK;

    /* The view (and the regions it holds) outlives anything we call. */
    memory_dispatch_enter();
    while (len > 0) {
        const FlatRange *fr = flatview_lookup(fv, addr);
        Int128 avail;
        hwaddr l;

        if (fr) {
            avail = flatrange_end(fr) - addr;
        } else {
            avail = flatview_next_start(fv, addr) - addr;
        }
        l = avail < len ? (hwaddr)avail : len;
        if (fr) {
            r |= flatview_access_range(fr, addr, attrs, buf, l, is_write,
                                       rom_ok);
        } else {
            log_unassigned(is_write, addr, l);
            if (!is_write) {
                memset(buf, 0, l);
            }
            r |= MEMTX_DECODE_ERROR;
        }
        buf += l;
        len -= l;
        addr += l;
    }
    memory_dispatch_exit();
    return r;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write)
{
    return flatview_rw(address_space_get_flatview(as), addr, attrs, buf, len,
                       is_write, false);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return address_space_rw(as, addr, attrs, buf, len, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len)
{
    return address_space_rw(as, addr, attrs, (void *)buf, len, true);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len)
{
    return flatview_rw(address_space_get_flatview(as), addr, attrs,
                       (void *)buf, len, true, true);
}

void cpu_physical_memory_rw(hwaddr addr, void *buf, hwaddr len,
                            bool is_write)
{
    address_space_rw(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                     buf, len, is_write);
}

/* ------------------------------------------------------------------ */
/* Single values                                                       */
/* ------------------------------------------------------------------ */

/*
 * The flat range holding all of [addr, addr + size), or NULL when the
 * access is unmapped or straddles ranges (then it goes byte by byte).
 */
static const FlatRange *range_for_value(FlatView *fv, hwaddr addr,
                                        unsigned size)
{
    const FlatRange *fr = flatview_lookup(fv, addr);

    if (fr && (Int128)addr + size <= flatrange_end(fr)) {
        return fr;
    }
    return NULL;
}

static uint64_t address_space_load(AddressSpace *as, hwaddr addr,
                                   MemTxAttrs attrs, MemTxResult *result,
                                   MemOp op)
{
    FlatView *fv = address_space_get_flatview(as);
    unsigned size = memop_size(op);
    const FlatRange *fr = range_for_value(fv, addr, size);
    MemTxResult r;
    uint64_t v;

    if (fr) {
        hwaddr off = fr->offset_in_region + (addr - fr->start);

        if (range_reads_direct(fr)) {
            v = memory_ldn(fr->mr->ram_block->host + off, size,
                           memop_big_endian(op));
            r = MEMTX_OK;
        } else {
            memory_dispatch_enter();
            r = memory_region_dispatch_read(fr->mr, off, &v, op, attrs);
            memory_dispatch_exit();
        }
    } else {
        uint8_t b[8];

        r = flatview_rw(fv, addr, attrs, b, size, false, false);
        v = memory_ldn(b, size, memop_big_endian(op));
    }
    if (result) {
        *result = r;
    }
    return v;
}

static void address_space_store(AddressSpace *as, hwaddr addr, uint64_t v,
                                MemTxAttrs attrs, MemTxResult *result,
                                MemOp op)
{
    FlatView *fv = address_space_get_flatview(as);
    unsigned size = memop_size(op);
    const FlatRange *fr = range_for_value(fv, addr, size);
    MemTxResult r;

    if (fr && !(fr->mr->ram && fr->readonly)) {
        hwaddr off = fr->offset_in_region + (addr - fr->start);

        memory_dispatch_enter();
        r = memory_region_dispatch_write(fr->mr, off, v, op, attrs);
        memory_dispatch_exit();
    } else {
        uint8_t b[8];

        memory_stn(b, size, memop_big_endian(op), v);
        r = flatview_rw(fv, addr, attrs, b, size, true, false);
    }
    if (result) {
        *result = r;
    }
}

uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_8);
}

uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_LEUW);
}

uint16_t address_space_lduw_be(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_BEUW);
}

uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_LEUL);
}

uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_BEUL);
}

uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_LEUQ);
}

uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr,
                              MemTxAttrs attrs, MemTxResult *result)
{
    return address_space_load(as, addr, attrs, result, MO_BEUQ);
}

void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_8);
}

void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_LEUW);
}

void address_space_stw_be(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_BEUW);
}

void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_LEUL);
}

void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_BEUL);
}

void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_LEUQ);
}

void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    address_space_store(as, addr, val, attrs, result, MO_BEUQ);
}

/* ------------------------------------------------------------------ */
/* DMA mappings                                                        */
/* ------------------------------------------------------------------ */

/* Bounce buffers are at most this long; callers loop for more. */
#define BOUNCE_BUFFER_MAX (4 * KiB)

static struct {
    bool in_use;
    uint8_t *buffer;
    MemoryRegion *mr;       /* referenced while the mapping exists */
    hwaddr addr;
    hwaddr len;
    MemTxAttrs attrs;
} bounce;

void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs)
{
    FlatView *fv = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(fv, addr);
    Int128 avail;
    hwaddr len = *plen;
    hwaddr off;
    MemoryRegion *mr;

    if (!len || !fr) {
        *plen = 0;
        return NULL;
    }
    mr = fr->mr;
    off = fr->offset_in_region + (addr - fr->start);
    avail = flatrange_end(fr) - addr;
    if (avail < len) {
        len = avail;
    }

    if (is_write ? (mr->ram && !fr->readonly) : range_reads_direct(fr)) {
        /* Rule 5: the region (and its owner) stays until unmap. */
        memory_region_ref(mr);
        *plen = len;
        return mr->ram_block->host + off;
    }

    if (bounce.in_use) {
        *plen = 0;
        return NULL;
    }
    len = MIN(len, BOUNCE_BUFFER_MAX);
    bounce.in_use = true;
    bounce.buffer = g_malloc(len);
    bounce.mr = mr;
    bounce.addr = addr;
    bounce.len = len;
    bounce.attrs = attrs;
    memory_region_ref(mr);
    if (!is_write) {
        flatview_rw(fv, addr, attrs, bounce.buffer, len, false, false);
    }
    *plen = len;
    return bounce.buffer;
}

void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len)
{
    MemoryRegion *mr;

    if (!buffer) {
        return;
    }
    if (bounce.in_use && buffer == bounce.buffer) {
        if (is_write && access_len) {
            flatview_rw(address_space_get_flatview(as), bounce.addr,
                        bounce.attrs, bounce.buffer,
                        MIN(access_len, bounce.len), true, false);
        }
        mr = bounce.mr;
        g_free(bounce.buffer);
        memset(&bounce, 0, sizeof(bounce));
        memory_region_unref(mr);
        return;
    }

    {
        ram_addr_t offset;
        RAMBlock *block = qemu_ram_block_from_host(buffer, &offset);

        /* Programming error: not a pointer address_space_map returned. */
        g_assert(block);
        mr = block->mr;
        if (is_write && access_len) {
            memory_notify_code_write(block->offset + offset, access_len);
        }
        memory_region_unref(mr);
    }
}

/* ------------------------------------------------------------------ */
/* Lookups for the TLB                                                 */
/* ------------------------------------------------------------------ */

MemoryRegionSection address_space_lookup_section(AddressSpace *as,
                                                 hwaddr addr)
{
    FlatView *fv = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(fv, addr);
    MemoryRegionSection s = { .fv = fv };

    if (fr) {
        s.mr = fr->mr;
        s.size = fr->size;
        s.offset_within_region = fr->offset_in_region;
        s.offset_within_address_space = fr->start;
        s.readonly = fr->readonly;
        s.nonvolatile = fr->nonvolatile;
    } else {
        /* Describe the hole, so the caller knows how far it reaches. */
        unsigned i = 0;
        hwaddr start = 0;

        while (fv && i < fv->nr && fv->ranges[i].start <= addr) {
            start = (hwaddr)flatrange_end(&fv->ranges[i]);
            i++;
        }
        s.offset_within_address_space = start;
        s.size = flatview_next_start(fv, addr) - start;
    }
    return s;
}

MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs)
{
    FlatView *fv = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(fv, addr);
    Int128 avail;

    if (!fr) {
        avail = flatview_next_start(fv, addr) - addr;
        *xlat = addr;
        if (plen && avail < *plen) {
            *plen = avail;
        }
        return NULL;
    }
    *xlat = fr->offset_in_region + (addr - fr->start);
    avail = flatrange_end(fr) - addr;
    if (plen && avail < *plen) {
        *plen = avail;
    }
    return fr->mr;
}
