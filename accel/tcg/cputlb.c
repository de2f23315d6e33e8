/*
 * The softmmu TLB: a per-CPU, per-MMU-index cache from guest-virtual
 * pages to what backs them, read directly by generated code (RAM pages:
 * host address = guest address + addend) and by the C slow paths below
 * for everything else (MMIO through the memory API, writes to pages
 * holding translated code, watchpoints, page-crossing accesses).
 *
 * Entries describe the memory map as it was when they were filled, so a
 * MemoryListener flushes the TLB of a CPU whenever its address space
 * changes (device plugged in, region moved or disabled).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/cpu-ldst.h"
#include "exec/ramblock.h"
#include "system/memory.h"
#include "internal.h"

/* The comparators are 64-bit: widen the flag mask before inverting it. */
#define TLB_FLAGS64 ((uint64_t)TLB_FLAGS_MASK)

QEMU_BUILD_BUG_ON(TARGET_PAGE_BITS < TLB_FLAGS_MIN_PAGE_BITS);

typedef struct TLBListener {
    MemoryListener listener;
    CPUState *cpu;
} TLBListener;

static inline uintptr_t tlb_index(vaddr addr)
{
    return (addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1);
}

static inline CPUTLBEntry *tlb_entry(CPUState *cpu, int mmu_idx, vaddr addr)
{
    return &cpu->neg.tlb.f[mmu_idx].table[tlb_index(addr)];
}

static inline CPUTLBEntryFull *tlb_full(CPUState *cpu, int mmu_idx,
                                        vaddr addr)
{
    return &cpu->neg.tlb.d[mmu_idx].fulltlb[tlb_index(addr)];
}

static inline uint64_t tlb_read_idx(const CPUTLBEntry *e,
                                    MMUAccessType type)
{
    switch (type) {
    case MMU_DATA_LOAD:
        return e->addr_read;
    case MMU_DATA_STORE:
        return e->addr_write;
    default:
        return e->addr_code;
    }
}

/* Does comparator @tlb_addr map the page of @addr (flags aside)? */
static inline bool tlb_hit(uint64_t tlb_addr, vaddr addr)
{
    return (addr & TARGET_PAGE_MASK) ==
           (tlb_addr & (TARGET_PAGE_MASK | TLB_INVALID_MASK));
}

/* Host byte order to use for an access with @mop. */
static inline bool memop_is_big_endian(MemOp mop)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return !(mop & MO_BSWAP);
#else
    return (mop & MO_BSWAP) != 0;
#endif
}

static uint64_t bytes_to_value(const uint8_t *buf, unsigned size, bool be)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? (size - 1 - i) * 8 : i * 8;

        v |= (uint64_t)buf[i] << shift;
    }
    return v;
}

static void value_to_bytes(uint8_t *buf, uint64_t v, unsigned size, bool be)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? (size - 1 - i) * 8 : i * 8;

        buf[i] = v >> shift;
    }
}

/* ---- flushing -------------------------------------------------------- */

static void tlb_flush_one_mmuidx(CPUState *cpu, int mmu_idx)
{
    CPUTLBDescFast *f = &cpu->neg.tlb.f[mmu_idx];
    CPUTLBDesc *d = &cpu->neg.tlb.d[mmu_idx];

    if (!f->table) {
        return;
    }
    /* All ones: every comparator has TLB_INVALID_MASK set. */
    memset(f->table, 0xff, CPU_TLB_SIZE * sizeof(CPUTLBEntry));
    memset(d->fulltlb, 0, CPU_TLB_SIZE * sizeof(CPUTLBEntryFull));
    d->large_page_addr = -1;
    d->large_page_mask = -1;
}

void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap)
{
    for (int i = 0; i < NB_MMU_MODES; i++) {
        if (idxmap & (1u << i)) {
            tlb_flush_one_mmuidx(cpu, i);
        }
    }
    /* The jump cache maps virtual PCs without checking the mapping. */
    tb_jmp_cache_clear(cpu);
    cpu->neg.tlb.c.full_flush_count++;
}

void tlb_flush(CPUState *cpu)
{
    tlb_flush_by_mmuidx(cpu, (1u << NB_MMU_MODES) - 1);
}

void tlb_flush_all_cpus(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        tlb_flush(cpu);
    }
}

static bool tlb_entry_matches_page(const CPUTLBEntry *e, vaddr page)
{
    return tlb_hit(e->addr_read, page) || tlb_hit(e->addr_write, page) ||
           tlb_hit(e->addr_code, page);
}

void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap)
{
    vaddr page = addr & TARGET_PAGE_MASK;

    for (int i = 0; i < NB_MMU_MODES; i++) {
        CPUTLBDesc *d = &cpu->neg.tlb.d[i];
        CPUTLBEntry *e;

        if (!(idxmap & (1u << i)) || !cpu->neg.tlb.f[i].table) {
            continue;
        }
        /* A large page is cached as many entries: drop them all. */
        if (d->large_page_addr != (vaddr)-1 &&
            (page & d->large_page_mask) == d->large_page_addr) {
            tlb_flush_one_mmuidx(cpu, i);
            continue;
        }
        e = tlb_entry(cpu, i, page);
        if (tlb_entry_matches_page(e, page)) {
            memset(e, 0xff, sizeof(*e));
            memset(tlb_full(cpu, i, page), 0, sizeof(CPUTLBEntryFull));
        }
    }
    tb_jmp_cache_clear(cpu);
    cpu->neg.tlb.c.page_flush_count++;
}

void tlb_flush_page(CPUState *cpu, vaddr addr)
{
    tlb_flush_page_by_mmuidx(cpu, addr, (1u << NB_MMU_MODES) - 1);
}

/* ---- code pages ------------------------------------------------------ */

void tlb_protect_code(ram_addr_t ram_addr)
{
    ram_addr_t page = ram_addr & TARGET_PAGE_MASK;
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        for (int i = 0; i < NB_MMU_MODES; i++) {
            CPUTLBEntry *table = cpu->neg.tlb.f[i].table;
            CPUTLBEntryFull *full = cpu->neg.tlb.d[i].fulltlb;

            if (!table) {
                continue;
            }
            for (int j = 0; j < CPU_TLB_SIZE; j++) {
                uint64_t w = table[j].addr_write;

                if (!(w & (TLB_INVALID_MASK | TLB_MMIO)) &&
                    full[j].host && full[j].ram_addr == page) {
                    table[j].addr_write = w | TLB_NOTDIRTY;
                }
            }
        }
    }
}

/* The page of @addr holds no code any more: stores may go fast again. */
static void tlb_set_dirty(CPUState *cpu, vaddr addr)
{
    vaddr page = addr & TARGET_PAGE_MASK;

    for (int i = 0; i < NB_MMU_MODES; i++) {
        CPUTLBEntry *e = tlb_entry(cpu, i, page);

        if (tlb_hit(e->addr_write, page)) {
            e->addr_write &= ~(uint64_t)TLB_NOTDIRTY;
        }
    }
}

/* ---- filling --------------------------------------------------------- */

static void tlb_add_large_page(CPUState *cpu, int mmu_idx, vaddr addr,
                               vaddr size)
{
    CPUTLBDesc *d = &cpu->neg.tlb.d[mmu_idx];
    vaddr mask = ~(size - 1);

    if (d->large_page_addr == (vaddr)-1) {
        d->large_page_addr = addr & mask;
        d->large_page_mask = mask;
        return;
    }
    /* Grow the remembered region until it covers both pages. */
    mask &= d->large_page_mask;
    while (((d->large_page_addr ^ addr) & mask) != 0) {
        mask <<= 1;
    }
    d->large_page_addr &= mask;
    d->large_page_mask = mask;
}

void tlb_set_page_with_attrs(CPUState *cpu, vaddr addr, uint64_t paddr,
                             MemTxAttrs attrs, int prot, int mmu_idx,
                             vaddr size)
{
    vaddr page = addr & TARGET_PAGE_MASK;
    hwaddr ppage = paddr & TARGET_PAGE_MASK;
    MemoryRegionSection sec = address_space_lookup_section(cpu->as, ppage);
    MemoryRegion *mr = sec.mr;
    CPUTLBEntry *e = tlb_entry(cpu, mmu_idx, page);
    CPUTLBEntryFull *full = tlb_full(cpu, mmu_idx, page);
    uint64_t read_flags = 0, write_flags = 0, code_flags = 0;
    bool whole_page, direct_read = false, direct_write = false;
    hwaddr off_in_mr = 0;
    int wp;

    g_assert(mmu_idx >= 0 && mmu_idx < NB_MMU_MODES);
    if (size > TARGET_PAGE_SIZE) {
        tlb_add_large_page(cpu, mmu_idx, addr, size);
    }

    whole_page = mr && sec.offset_within_address_space <= ppage &&
                 ppage + TARGET_PAGE_SIZE <=
                 sec.offset_within_address_space + sec.size;
    memset(full, 0, sizeof(*full));
    full->phys_addr = ppage;
    full->attrs = attrs;
    full->prot = prot;
    full->lg_page_size = size > TARGET_PAGE_SIZE ? __builtin_ctzll(size)
                                                 : TARGET_PAGE_BITS;
    full->ram_addr = RAM_ADDR_INVALID;
    if (whole_page) {
        off_in_mr = sec.offset_within_region +
                    (ppage - sec.offset_within_address_space);
        full->mr = mr;
        full->mr_offset = off_in_mr;
        /*
         * Direct access needs the page to line up with a RAM page, as
         * code tracking works on whole RAM pages.
         */
        if ((memory_region_is_ram(mr) || memory_region_is_romd(mr)) &&
            !(off_in_mr & ~TARGET_PAGE_MASK)) {
            full->host = (uint8_t *)memory_region_get_ram_ptr(mr) + off_in_mr;
            full->ram_addr = memory_region_get_ram_addr(mr) + off_in_mr;
            direct_read = true;
            direct_write = memory_region_is_ram(mr) && !sec.readonly &&
                           !memory_region_is_rom(mr);
        }
    }
    if (!direct_read) {
        read_flags |= TLB_MMIO;
        code_flags |= TLB_MMIO;
    }
    if (!direct_write) {
        write_flags |= TLB_MMIO;
    } else if (cpu_physical_memory_is_code(full->ram_addr) ||
               tb_page_has_code(full->ram_addr)) {
        /* Translated code lives here: stores must invalidate it. */
        write_flags |= TLB_NOTDIRTY;
    }
    wp = cpu_watchpoint_address_matches(cpu, page, TARGET_PAGE_SIZE);
    if (wp & BP_MEM_READ) {
        read_flags |= TLB_WATCHPOINT;
    }
    if (wp & BP_MEM_WRITE) {
        write_flags |= TLB_WATCHPOINT;
    }

    e->addr_read = (prot & PAGE_READ) ? page | read_flags : (uint64_t)-1;
    e->addr_write = (prot & PAGE_WRITE) ? page | write_flags : (uint64_t)-1;
    e->addr_code = (prot & PAGE_EXEC) ? page | code_flags : (uint64_t)-1;
    e->addend = direct_read ? (uintptr_t)full->host - (uintptr_t)page : 0;
    cpu->neg.tlb.c.fill_count++;
    qemu_log_mask(CPU_LOG_MMU, "tlb_set_page: vaddr=%016" VADDR_PRIx
                  " paddr=0x%016" PRIx64 " prot=%x idx=%d%s\n", page,
                  (uint64_t)ppage, prot, mmu_idx,
                  direct_read ? "" : " (io)");
}

void tlb_set_page(CPUState *cpu, vaddr addr, uint64_t paddr, int prot,
                  int mmu_idx, vaddr size)
{
    tlb_set_page_with_attrs(cpu, addr, paddr, MEMTXATTRS_UNSPECIFIED, prot,
                            mmu_idx, size);
}

/* Ask the target to map @addr; identity mapping when it has no hook. */
static bool tlb_fill(CPUState *cpu, vaddr addr, int size,
                     MMUAccessType type, int mmu_idx, bool probe,
                     uintptr_t ra)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    if (ops->tlb_fill) {
        return ops->tlb_fill(cpu, addr, size, type, mmu_idx, probe, ra);
    }
    tlb_set_page(cpu, addr, addr, PAGE_RWX, mmu_idx, TARGET_PAGE_SIZE);
    return true;
}

/*
 * Make sure the page of @addr is in the TLB for @type and return its
 * TLB_* flags, with the host address for RAM in *phost and the full
 * entry in *pfull.  With @nonfault a failed fill returns
 * TLB_INVALID_MASK instead of raising the guest fault.
 */
static int probe_access_internal(CPUState *cpu, vaddr addr, int size,
                                 MMUAccessType type, int mmu_idx,
                                 bool nonfault, void **phost,
                                 CPUTLBEntryFull **pfull, uintptr_t ra)
{
    CPUTLBEntry *e = tlb_entry(cpu, mmu_idx, addr);
    uint64_t tlb_addr = tlb_read_idx(e, type);
    int flags;

    if (!tlb_hit(tlb_addr, addr)) {
        if (!tlb_fill(cpu, addr, size, type, mmu_idx, nonfault, ra)) {
            *phost = NULL;
            *pfull = NULL;
            return TLB_INVALID_MASK;
        }
        e = tlb_entry(cpu, mmu_idx, addr);
        tlb_addr = tlb_read_idx(e, type);
        if (!tlb_hit(tlb_addr, addr)) {
            /* The target mapped the page without this permission. */
            qemu_log_mask(LOG_GUEST_ERROR, "%s access to 0x%" VADDR_PRIx
                          " not permitted by the mapping: ignored\n",
                          type == MMU_DATA_STORE ? "write" :
                          type == MMU_DATA_LOAD ? "read" : "fetch", addr);
            *phost = NULL;
            *pfull = NULL;
            return TLB_INVALID_MASK;
        }
    }
    flags = tlb_addr & TLB_FLAGS_MASK;
    *pfull = tlb_full(cpu, mmu_idx, addr);
    *phost = (flags & TLB_MMIO) ? NULL
                                : (void *)((uintptr_t)addr + e->addend);
    return flags;
}

/* ---- watchpoints ------------------------------------------------------ */

void cpu_check_watchpoint(CPUState *cpu, vaddr addr, vaddr len,
                          MemTxAttrs attrs, int flags, uintptr_t ra)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    if (!cpu->watchpoints) {
        return;
    }
    if (cpu->watchpoint_hit) {
        /*
         * We are re-executing the instruction that hit, on its own:
         * let the access happen and stop right after the instruction.
         */
        cpu_interrupt(cpu, CPU_INTERRUPT_DEBUG);
        return;
    }
    if (ops->adjust_watchpoint_address) {
        addr = ops->adjust_watchpoint_address(cpu, addr, len);
    }
    for (GList *l = cpu->watchpoints; l; l = l->next) {
        CPUWatchpoint *wp = l->data;
        vaddr wp_last = wp->vaddr + wp->len - 1;

        if (!(addr <= wp_last && wp->vaddr <= addr + len - 1) ||
            !(wp->flags & flags)) {
            continue;
        }
        if ((wp->flags & BP_CPU) && ops->debug_check_watchpoint &&
            !ops->debug_check_watchpoint(cpu, wp)) {
            continue;
        }
        wp->flags |= (flags & BP_MEM_ACCESS) << BP_HIT_SHIFT;
        wp->hitaddr = MAX(addr, wp->vaddr);
        wp->hitattrs = attrs;
        cpu->watchpoint_hit = wp;
        if ((wp->flags & BP_STOP_BEFORE_ACCESS) ||
            cpu->cc->gdb_stop_before_watchpoint) {
            cpu->exception_index = EXCP_DEBUG;
            cpu_loop_exit_restore(cpu, ra);
        }
        /* Re-run just this instruction; the check above then stops. */
        if (ra) {
            cpu_restore_state(cpu, ra);
        }
        cpu->cflags_next_tb = (curr_cflags(cpu) & ~CF_COUNT_MASK) |
                              CF_NOIRQ | 1;
        cpu_loop_exit_noexc(cpu);
    }
}

/* ---- the slow paths --------------------------------------------------- */

static void check_alignment(CPUState *cpu, vaddr addr, MemOp mop,
                            int mmu_idx, MMUAccessType type, uintptr_t ra)
{
    unsigned align = memop_alignment_bytes(mop);

    if (align > 1 && (addr & (align - 1)) &&
        cpu->cc->tcg_ops->do_unaligned_access) {
        cpu->cc->tcg_ops->do_unaligned_access(cpu, addr, type, mmu_idx, ra);
        g_assert_not_reached();
    }
}

static uint64_t io_read(CPUState *cpu, CPUTLBEntryFull *full, vaddr addr,
                        unsigned size, MemOp mop)
{
    hwaddr off = addr & ~TARGET_PAGE_MASK;
    bool be = memop_is_big_endian(mop);
    uint64_t val = 0;

    if (full->mr) {
        MemOp op = size_memop(size) | (be ? MO_BE : MO_LE);

        memory_region_dispatch_read(full->mr, full->mr_offset + off, &val,
                                    op, full->attrs);
        return val;
    } else {
        uint8_t buf[8];

        address_space_read(cpu->as, full->phys_addr + off, full->attrs, buf,
                           size);
        return bytes_to_value(buf, size, be);
    }
}

static void io_write(CPUState *cpu, CPUTLBEntryFull *full, vaddr addr,
                     uint64_t val, unsigned size, MemOp mop)
{
    hwaddr off = addr & ~TARGET_PAGE_MASK;
    bool be = memop_is_big_endian(mop);

    if (full->mr) {
        MemOp op = size_memop(size) | (be ? MO_BE : MO_LE);

        memory_region_dispatch_write(full->mr, full->mr_offset + off, val, op,
                                     full->attrs);
    } else {
        uint8_t buf[8];

        value_to_bytes(buf, val, size, be);
        address_space_write(cpu->as, full->phys_addr + off, full->attrs, buf,
                            size);
    }
}

/* One access that does not cross a page. */
static uint64_t do_ld_page(CPUState *cpu, vaddr addr, unsigned size,
                           MemOp mop, int mmu_idx, MMUAccessType type,
                           uintptr_t ra)
{
    CPUTLBEntryFull *full;
    void *host;
    int flags;

    flags = probe_access_internal(cpu, addr, size, type, mmu_idx, false,
                                  &host, &full, ra);
    if (flags & TLB_INVALID_MASK) {
        return 0;
    }
    if ((flags & TLB_WATCHPOINT) && type == MMU_DATA_LOAD) {
        cpu_check_watchpoint(cpu, addr, size, full->attrs, BP_MEM_READ, ra);
    }
    if (flags & TLB_MMIO) {
        return io_read(cpu, full, addr, size, mop);
    }
    return bytes_to_value(host, size, memop_is_big_endian(mop));
}

static uint64_t do_ld_mmu(CPUState *cpu, vaddr addr, MemOp mop, int mmu_idx,
                          MMUAccessType type, uintptr_t ra)
{
    unsigned size = memop_size(mop);
    bool be = memop_is_big_endian(mop);
    uint8_t buf[8];

    check_alignment(cpu, addr, mop, mmu_idx, type, ra);
    if ((addr & ~TARGET_PAGE_MASK) + size <= TARGET_PAGE_SIZE) {
        return do_ld_page(cpu, addr, size, mop, mmu_idx, type, ra);
    }
    /* Crossing a page: byte by byte, each through its own page. */
    for (unsigned i = 0; i < size; i++) {
        buf[i] = do_ld_page(cpu, addr + i, 1, MO_8, mmu_idx, type, ra);
    }
    return bytes_to_value(buf, size, be);
}

/* A store to RAM holding code: invalidate first (may restart the insn). */
static void notdirty_write(CPUState *cpu, vaddr addr, unsigned size,
                           CPUTLBEntryFull *full, uintptr_t ra)
{
    ram_addr_t ram = full->ram_addr + (addr & ~TARGET_PAGE_MASK);

    tb_invalidate_phys_range_fast(cpu, ram, size, ra);
}

static void do_st_page(CPUState *cpu, vaddr addr, uint64_t val,
                       unsigned size, MemOp mop, int mmu_idx, uintptr_t ra)
{
    CPUTLBEntryFull *full;
    void *host;
    int flags;

    flags = probe_access_internal(cpu, addr, size, MMU_DATA_STORE, mmu_idx,
                                  false, &host, &full, ra);
    if (flags & TLB_INVALID_MASK) {
        return;
    }
    if (flags & TLB_WATCHPOINT) {
        cpu_check_watchpoint(cpu, addr, size, full->attrs, BP_MEM_WRITE, ra);
    }
    if (flags & TLB_MMIO) {
        io_write(cpu, full, addr, val, size, mop);
        return;
    }
    if (flags & TLB_DISCARD_WRITE) {
        return;
    }
    if (flags & TLB_NOTDIRTY) {
        notdirty_write(cpu, addr, size, full, ra);
    }
    value_to_bytes(host, val, size, memop_is_big_endian(mop));
    if ((flags & TLB_NOTDIRTY) && !tb_page_has_code(full->ram_addr)) {
        tlb_set_dirty(cpu, addr);
    }
}

static void do_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOp mop,
                      int mmu_idx, uintptr_t ra)
{
    unsigned size = memop_size(mop);
    unsigned first;
    uint8_t buf[8];
    CPUTLBEntryFull *full;
    void *host;

    check_alignment(cpu, addr, mop, mmu_idx, MMU_DATA_STORE, ra);
    first = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
    if (size <= first) {
        do_st_page(cpu, addr, val, size, mop, mmu_idx, ra);
        return;
    }
    /*
     * Crossing a page: make sure both pages are writable before changing
     * anything, so a fault on the second leaves memory untouched.
     */
    probe_access_internal(cpu, addr, first, MMU_DATA_STORE, mmu_idx, false,
                          &host, &full, ra);
    probe_access_internal(cpu, addr + first, size - first, MMU_DATA_STORE,
                          mmu_idx, false, &host, &full, ra);
    value_to_bytes(buf, val, size, memop_is_big_endian(mop));
    for (unsigned i = 0; i < size; i++) {
        do_st_page(cpu, addr + i, buf[i], 1, MO_8, mmu_idx, ra);
    }
}

/* ---- helpers called by generated code ----------------------------------- */

static inline MemOp oi_memop_sized(MemOpIdx oi, MemOp size)
{
    return (get_memop(oi) & ~(MO_SIZE | MO_SIGN)) | size;
}

uint64_t helper_ldub_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr)
{
    return do_ld_mmu(env_cpu(env), addr, oi_memop_sized(oi, MO_8),
                     get_mmuidx(oi), MMU_DATA_LOAD, retaddr);
}

uint64_t helper_lduw_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr)
{
    return do_ld_mmu(env_cpu(env), addr, oi_memop_sized(oi, MO_16),
                     get_mmuidx(oi), MMU_DATA_LOAD, retaddr);
}

uint64_t helper_ldul_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr)
{
    return do_ld_mmu(env_cpu(env), addr, oi_memop_sized(oi, MO_32),
                     get_mmuidx(oi), MMU_DATA_LOAD, retaddr);
}

uint64_t helper_ldq_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                        uintptr_t retaddr)
{
    return do_ld_mmu(env_cpu(env), addr, oi_memop_sized(oi, MO_64),
                     get_mmuidx(oi), MMU_DATA_LOAD, retaddr);
}

void helper_stb_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi_memop_sized(oi, MO_8),
              get_mmuidx(oi), retaddr);
}

void helper_stw_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val & 0xffff, oi_memop_sized(oi, MO_16),
              get_mmuidx(oi), retaddr);
}

void helper_stl_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi_memop_sized(oi, MO_32),
              get_mmuidx(oi), retaddr);
}

void helper_stq_mmu(CPUArchState *env, uint64_t addr, uint64_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi_memop_sized(oi, MO_64),
              get_mmuidx(oi), retaddr);
}

/* ---- accesses from C ---------------------------------------------------- */

uint8_t cpu_ldb_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return helper_ldub_mmu(env, addr, oi, ra);
}

uint16_t cpu_ldw_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra)
{
    return helper_lduw_mmu(env, addr, oi, ra);
}

uint32_t cpu_ldl_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra)
{
    return helper_ldul_mmu(env, addr, oi, ra);
}

uint64_t cpu_ldq_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra)
{
    return helper_ldq_mmu(env, addr, oi, ra);
}

void cpu_stb_mmu(CPUArchState *env, vaddr addr, uint8_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    helper_stb_mmu(env, addr, val, oi, ra);
}

void cpu_stw_mmu(CPUArchState *env, vaddr addr, uint16_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    helper_stw_mmu(env, addr, val, oi, ra);
}

void cpu_stl_mmu(CPUArchState *env, vaddr addr, uint32_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    helper_stl_mmu(env, addr, val, oi, ra);
}

void cpu_stq_mmu(CPUArchState *env, vaddr addr, uint64_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    helper_stq_mmu(env, addr, val, oi, ra);
}

#define MIDX(op, idx) make_memop_idx((op), (idx))

uint32_t cpu_ldub_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                            uintptr_t ra)
{
    return cpu_ldb_mmu(env, addr, MIDX(MO_UB, mmu_idx), ra);
}

int cpu_ldsb_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                       uintptr_t ra)
{
    return (int8_t)cpu_ldb_mmu(env, addr, MIDX(MO_UB, mmu_idx), ra);
}

uint32_t cpu_lduw_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                            uintptr_t ra)
{
    return cpu_ldw_mmu(env, addr, MIDX(MO_TEUW, mmu_idx), ra);
}

int cpu_ldsw_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                       uintptr_t ra)
{
    return (int16_t)cpu_ldw_mmu(env, addr, MIDX(MO_TEUW, mmu_idx), ra);
}

uint32_t cpu_ldl_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                           uintptr_t ra)
{
    return cpu_ldl_mmu(env, addr, MIDX(MO_TEUL, mmu_idx), ra);
}

uint64_t cpu_ldq_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                           uintptr_t ra)
{
    return cpu_ldq_mmu(env, addr, MIDX(MO_TEUQ, mmu_idx), ra);
}

void cpu_stb_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra)
{
    cpu_stb_mmu(env, addr, val, MIDX(MO_UB, mmu_idx), ra);
}

void cpu_stw_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra)
{
    cpu_stw_mmu(env, addr, val, MIDX(MO_TEUW, mmu_idx), ra);
}

void cpu_stl_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra)
{
    cpu_stl_mmu(env, addr, val, MIDX(MO_TEUL, mmu_idx), ra);
}

void cpu_stq_mmuidx_ra(CPUArchState *env, vaddr addr, uint64_t val,
                       int mmu_idx, uintptr_t ra)
{
    cpu_stq_mmu(env, addr, val, MIDX(MO_TEUQ, mmu_idx), ra);
}

static inline int data_idx(CPUArchState *env)
{
    return cpu_mmu_index(env_cpu(env), false);
}

uint32_t cpu_ldub_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_ldub_mmuidx_ra(env, addr, data_idx(env), ra);
}

int cpu_ldsb_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_ldsb_mmuidx_ra(env, addr, data_idx(env), ra);
}

uint32_t cpu_lduw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_lduw_mmuidx_ra(env, addr, data_idx(env), ra);
}

int cpu_ldsw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_ldsw_mmuidx_ra(env, addr, data_idx(env), ra);
}

uint32_t cpu_ldl_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_ldl_mmuidx_ra(env, addr, data_idx(env), ra);
}

uint64_t cpu_ldq_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_ldq_mmuidx_ra(env, addr, data_idx(env), ra);
}

void cpu_stb_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra)
{
    cpu_stb_mmuidx_ra(env, addr, val, data_idx(env), ra);
}

void cpu_stw_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra)
{
    cpu_stw_mmuidx_ra(env, addr, val, data_idx(env), ra);
}

void cpu_stl_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra)
{
    cpu_stl_mmuidx_ra(env, addr, val, data_idx(env), ra);
}

void cpu_stq_data_ra(CPUArchState *env, vaddr addr, uint64_t val,
                     uintptr_t ra)
{
    cpu_stq_mmuidx_ra(env, addr, val, data_idx(env), ra);
}

uint32_t cpu_ldub_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldub_data_ra(env, addr, 0);
}

uint32_t cpu_lduw_data(CPUArchState *env, vaddr addr)
{
    return cpu_lduw_data_ra(env, addr, 0);
}

uint32_t cpu_ldl_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldl_data_ra(env, addr, 0);
}

uint64_t cpu_ldq_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldq_data_ra(env, addr, 0);
}

void cpu_stb_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stb_data_ra(env, addr, val, 0);
}

void cpu_stw_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stw_data_ra(env, addr, val, 0);
}

void cpu_stl_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stl_data_ra(env, addr, val, 0);
}

void cpu_stq_data(CPUArchState *env, vaddr addr, uint64_t val)
{
    cpu_stq_data_ra(env, addr, val, 0);
}

static uint64_t ld_code(CPUArchState *env, vaddr addr, MemOp mop)
{
    CPUState *cpu = env_cpu(env);

    return do_ld_mmu(cpu, addr, mop, cpu_mmu_index(cpu, true),
                     MMU_INST_FETCH, 0);
}

uint32_t cpu_ldub_code(CPUArchState *env, vaddr addr)
{
    return ld_code(env, addr, MO_UB);
}

uint32_t cpu_lduw_code(CPUArchState *env, vaddr addr)
{
    return ld_code(env, addr, MO_TEUW);
}

uint32_t cpu_ldl_code(CPUArchState *env, vaddr addr)
{
    return ld_code(env, addr, MO_TEUL);
}

uint64_t cpu_ldq_code(CPUArchState *env, vaddr addr)
{
    return ld_code(env, addr, MO_TEUQ);
}

/* ---- probes ------------------------------------------------------------- */

tb_page_addr_t get_page_addr_code_hostp(CPUArchState *env, vaddr addr,
                                        void **hostp)
{
    CPUState *cpu = env_cpu(env);
    CPUTLBEntryFull *full;
    void *host;
    int flags;

    flags = probe_access_internal(cpu, addr, 1, MMU_INST_FETCH,
                                  cpu_mmu_index(cpu, true), false, &host,
                                  &full, 0);
    if (flags & (TLB_MMIO | TLB_INVALID_MASK)) {
        if (hostp) {
            *hostp = NULL;
        }
        return TB_PAGE_ADDR_INVALID;
    }
    if (hostp) {
        *hostp = host;
    }
    return full->ram_addr + (addr & ~TARGET_PAGE_MASK);
}

tb_page_addr_t get_page_addr_code(CPUArchState *env, vaddr addr)
{
    return get_page_addr_code_hostp(env, addr, NULL);
}

int probe_access_flags(CPUArchState *env, vaddr addr, int size,
                       MMUAccessType access_type, int mmu_idx,
                       bool nonfault, void **phost, uintptr_t retaddr)
{
    CPUState *cpu = env_cpu(env);
    CPUTLBEntryFull *full;
    int flags;

    flags = probe_access_internal(cpu, addr, size, access_type, mmu_idx,
                                  nonfault, phost, &full, retaddr);
    if (flags & TLB_INVALID_MASK) {
        *phost = NULL;
        return flags;
    }
    if ((flags & TLB_NOTDIRTY) && access_type == MMU_DATA_STORE) {
        /* The caller will write through the pointer: invalidate now. */
        notdirty_write(cpu, addr, size, full, retaddr);
        flags &= ~TLB_NOTDIRTY;
    }
    return flags;
}

void *probe_access(CPUArchState *env, vaddr addr, int size,
                   MMUAccessType access_type, int mmu_idx, uintptr_t retaddr)
{
    CPUState *cpu = env_cpu(env);
    CPUTLBEntryFull *full;
    void *host;
    int flags;

    if (size == 0) {
        return NULL;
    }
    flags = probe_access_internal(cpu, addr, size, access_type, mmu_idx,
                                  false, &host, &full, retaddr);
    if (flags & TLB_INVALID_MASK) {
        return NULL;
    }
    if (flags & TLB_WATCHPOINT) {
        cpu_check_watchpoint(cpu, addr, size, full->attrs,
                             access_type == MMU_DATA_STORE ? BP_MEM_WRITE
                                                           : BP_MEM_READ,
                             retaddr);
    }
    if ((flags & TLB_NOTDIRTY) && access_type == MMU_DATA_STORE) {
        notdirty_write(cpu, addr, size, full, retaddr);
    }
    if (flags & (TLB_MMIO | TLB_DISCARD_WRITE)) {
        return NULL;
    }
    return host;
}

void *tlb_vaddr_to_host(CPUArchState *env, vaddr addr,
                        MMUAccessType access_type, int mmu_idx)
{
    CPUTLBEntry *e = tlb_entry(env_cpu(env), mmu_idx, addr);
    uint64_t tlb_addr = tlb_read_idx(e, access_type);

    if (!tlb_hit(tlb_addr, addr) || (tlb_addr & TLB_FLAGS64)) {
        return NULL;
    }
    return (void *)((uintptr_t)addr + e->addend);
}

/* ---- setup -------------------------------------------------------------- */

static void tlb_listener_commit(MemoryListener *listener)
{
    TLBListener *tl = container_of(listener, TLBListener, listener);
    CPUState *cpu = tl->cpu;

    tlb_flush(cpu);
    if (cpu->running) {
        /*
         * The code running now may continue into TBs chained under the
         * old map; make the next TB entry go back to the loop.
         */
        cpu_interrupt(cpu, CPU_INTERRUPT_EXITTB);
    }
}

/*
 * RAM that leaves the address space may be freed, and its RAM addresses
 * reused by a new block: translations keyed by them must go now.
 */
static void tlb_listener_region_del(MemoryListener *listener,
                                    MemoryRegionSection *section)
{
    MemoryRegion *mr = section->mr;
    ram_addr_t start;

    if (!mr || !(memory_region_is_ram(mr) || memory_region_is_rom_device(mr))
        || section->size == 0) {
        return;
    }
    start = memory_region_get_ram_addr(mr);
    if (start == RAM_ADDR_INVALID) {
        return;
    }
    start += section->offset_within_region;
    tb_invalidate_phys_range(start, start + (ram_addr_t)section->size - 1);
}

void tlb_init(CPUState *cpu)
{
    TLBListener *tl;

    for (int i = 0; i < NB_MMU_MODES; i++) {
        CPUTLBDescFast *f = &cpu->neg.tlb.f[i];
        CPUTLBDesc *d = &cpu->neg.tlb.d[i];

        f->table = g_new(CPUTLBEntry, CPU_TLB_SIZE);
        f->mask = (uintptr_t)(CPU_TLB_SIZE - 1) << CPU_TLB_ENTRY_BITS;
        d->fulltlb = g_new0(CPUTLBEntryFull, CPU_TLB_SIZE);
        tlb_flush_one_mmuidx(cpu, i);
    }
    tl = g_new0(TLBListener, 1);
    tl->cpu = cpu;
    tl->listener.commit = tlb_listener_commit;
    tl->listener.region_del = tlb_listener_region_del;
    tl->listener.name = "tcg-tlb";
    cpu->tlb_priv = tl;
    if (cpu->as) {
        memory_listener_register(&tl->listener, cpu->as);
    }
}

void tlb_destroy(CPUState *cpu)
{
    TLBListener *tl = cpu->tlb_priv;

    if (tl) {
        if (tl->listener.address_space) {
            memory_listener_unregister(&tl->listener);
        }
        g_free(tl);
        cpu->tlb_priv = NULL;
    }
    for (int i = 0; i < NB_MMU_MODES; i++) {
        g_free(cpu->neg.tlb.f[i].table);
        cpu->neg.tlb.f[i].table = NULL;
        cpu->neg.tlb.f[i].mask = 0;
        g_free(cpu->neg.tlb.d[i].fulltlb);
        cpu->neg.tlb.d[i].fulltlb = NULL;
    }
}
