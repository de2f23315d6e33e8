/*
 * accel/tcg private interfaces between the execution loop, the TB cache,
 * the translator driver and the softmmu TLB.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef ACCEL_TCG_INTERNAL_H
#define ACCEL_TCG_INTERNAL_H

#include "exec/exec-all.h"
#include "exec/translator.h"
#include "exec/cpu-common.h"
#include "hw/core/tcg-cpu-ops.h"
#include "tcg/tcg.h"

/* cflags that select a different translation (part of the TB key). */
#define CF_HASH_MASK \
    (CF_COUNT_MASK | CF_NO_GOTO_TB | CF_NO_GOTO_PTR | CF_SINGLE_STEP | \
     CF_NOIRQ | CF_CLUSTER_MASK)

/* ---- per-CPU jump cache (virtual PC -> TB) -------------------------- */

typedef struct CPUJumpCacheEntry {
    TranslationBlock *tb;
    vaddr pc;
} CPUJumpCacheEntry;

struct CPUJumpCache {
    CPUJumpCacheEntry array[TB_JMP_CACHE_SIZE];
};

static inline unsigned tb_jmp_cache_hash_func(vaddr pc)
{
    /*
     * Instructions are at least 2-byte aligned on the targets we care
     * about; fold in the higher bits so code at the same offset of
     * different pages does not collide.
     */
    vaddr v = pc >> 1;

    return (v ^ (v >> TB_JMP_CACHE_BITS)) & (TB_JMP_CACHE_SIZE - 1);
}

void tb_jmp_cache_clear(CPUState *cpu);

/* ---- TB cache (tb-maint.c) ------------------------------------------ */

extern TBStatistics tb_stats;
/* Incremented by every full flush: TB pointers from before are stale. */
extern unsigned tb_flush_count;

void tb_cache_init(void);
void tb_cache_destroy(void);

/* The TB for (phys_pc, pc, flags, cflags) in the hash table, or NULL. */
TranslationBlock *tb_htable_lookup(tb_page_addr_t phys_pc, vaddr pc,
                                   uint32_t flags, uint32_t cflags);
/*
 * Make a freshly generated TB findable: hash table, page lists (marking
 * its pages as code), host-address index.  Uncacheable TBs (code not in
 * RAM) only go in the host-address index.
 */
void tb_link(TranslationBlock *tb);
/* Invalidate one TB: unchain, unhash, drop from its pages. */
void tb_phys_invalidate(TranslationBlock *tb);
/* Patch goto_tb slot @n of @tb to jump to @tb_next. */
void tb_add_jump(TranslationBlock *tb, int n, TranslationBlock *tb_next);
/* The TB whose host code contains @host_pc (a return address), or NULL. */
TranslationBlock *tcg_tb_lookup(uintptr_t host_pc);
/*
 * The slow path of a store to RAM page(s) holding code: invalidate what
 * [ram_addr, ram_addr + len) overlaps.  With @retaddr inside the TB that
 * is running and that TB is hit, the CPU is sent back to re-execute the
 * store on its own (does not return).
 */
void tb_invalidate_phys_range_fast(CPUState *cpu, ram_addr_t ram_addr,
                                   unsigned len, uintptr_t retaddr);
/* Whether any TB has code in the page of @ram_addr. */
bool tb_page_has_code(ram_addr_t ram_addr);
/* Full flush, now (only where no translated code is running). */
void tb_flush_now(void);
/* A flush requested while code was running; done at the next boundary. */
extern bool tb_flush_pending;

/* Record the PC offset of each instruction of a TB being translated. */
void tb_insn_offsets_begin(TranslationBlock *tb);
void tb_insn_offsets_add(TranslationBlock *tb, vaddr pc);
/* Index of the instruction at @pc in @tb (0-based), or -1. */
int tb_insn_index(const TranslationBlock *tb, vaddr pc);

/* ---- translation (translate-all.c) ---------------------------------- */

TranslationBlock *tb_gen_code(CPUState *cpu, vaddr pc, uint64_t cs_base,
                              uint32_t flags, uint32_t cflags);
/* Restore from a known TB; returns false if @host_pc is not in it. */
bool cpu_restore_state_from_tb(CPUState *cpu, TranslationBlock *tb,
                               uintptr_t host_pc);
/*
 * A code fetch by translator_ld* in a page the TB cannot use: restart
 * the translation with fewer instructions (does not return).
 */
QEMU_NORETURN void tb_gen_code_restart(int max_insns);

/* ---- translator.c -------------------------------------------------- */

/*
 * Slice budget, in instructions, that one exception or interrupt delivery
 * uses up (see cpu_charge_delivery in cpu-exec.c).
 */
#define TCG_DELIVERY_COST 32

/* Per-TB bookkeeping for the icount/exit check at the start of a TB. */
void translator_tb_start_check(DisasContextBase *db);
void translator_tb_end_check(DisasContextBase *db);

/* ---- softmmu TLB (cputlb.c) ---------------------------------------- */

void tlb_init(CPUState *cpu);
void tlb_destroy(CPUState *cpu);
/* The RAM page of @ram_addr now holds code: writes must trap. */
void tlb_protect_code(ram_addr_t ram_addr);

/* ---- execution loop (cpu-exec.c) ----------------------------------- */

/* Look up (without translating) the TB for a CPU state. */
TranslationBlock *tb_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                            uint32_t flags, uint32_t cflags);

/* ---- the accelerator (tcg-accel-ops.c) ------------------------------ */

extern const CPUAccelHooks tcg_cpu_accel_hooks;

#endif /* ACCEL_TCG_INTERNAL_H */
