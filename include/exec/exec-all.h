/*
 * accel/tcg services for targets and for the system: leaving the CPU loop
 * with precise state, the softmmu TLB, and translated-code invalidation.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_EXEC_ALL_H
#define EXEC_EXEC_ALL_H

#include "hw/core/cpu.h"
#include "exec/translation-block.h"
#include "tcg/tcg.h"

/*
 * A guest-physical code address as the TB cache tracks it: the RAM
 * address (memory API ram_addr space) of the byte, or -1 when the code is
 * not in RAM/ROM.
 */
typedef uint64_t tb_page_addr_t;
#define TB_PAGE_ADDR_INVALID ((tb_page_addr_t)-1)

/* ---- leaving the execution loop ---------------------------------- */

/*
 * Unwind to cpu_exec() with cpu->exception_index as set by the caller.
 * The guest state must already be right (helpers that know the PC).
 */
QEMU_NORETURN void cpu_loop_exit(CPUState *cpu);

/*
 * Restore the guest state of the instruction that called the helper
 * running at host address @retaddr (GETPC() in the helper), then
 * cpu_loop_exit().  @retaddr 0 means "not called from translated code".
 */
QEMU_NORETURN void cpu_loop_exit_restore(CPUState *cpu, uintptr_t retaddr);

/* Leave without an exception: the loop looks up the next TB. */
QEMU_NORETURN void cpu_loop_exit_noexc(CPUState *cpu);

/*
 * Restore the guest state of the instruction at host address @host_pc.
 * Returns false if @host_pc is not inside translated code.
 */
bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc);

/*
 * The return address of a helper inside translated code, for the above
 * (with the interpreter backend: its position in the bytecode).  Use it
 * in the helper itself, not in a function the helper calls.
 */
#define GETPC() TCG_GETPC()

/* Compile flags for the next TB in the current CPU mode. */
uint32_t curr_cflags(CPUState *cpu);

/* ---- the translation-block cache --------------------------------- */

/*
 * Throw away all translations.  Safe from helpers: if @cpu is executing,
 * the flush is deferred to the next TB boundary and the CPU leaves its TB.
 */
void tb_flush(CPUState *cpu);

/*
 * Invalidate every TB with code in the RAM range [start, last].  Used by
 * the memory API when something other than the CPU writes code pages.
 */
void tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t last);

/* Invalidate the TBs whose guest-virtual code covers @addr (breakpoints). */
void tb_invalidate_virt_addr(CPUState *cpu, vaddr addr);

/* Counters for tests, "info jit" and the bench. */
typedef struct TBStatistics {
    uint64_t translations;      /* TBs generated */
    uint64_t lookups;           /* TB lookups by the execution loop */
    uint64_t jc_hits;           /* ... satisfied by the jump cache */
    uint64_t htable_hits;       /* ... satisfied by the hash table */
    uint64_t chains;            /* direct jumps patched */
    uint64_t invalidations;     /* TBs invalidated */
    uint64_t flushes;           /* full flushes */
    uint64_t full_buffer_flushes; /* ... because the code buffer was full */
    uint64_t code_bytes;        /* host code bytes currently in use */
    uint64_t code_buffer_size;
    double last_flush_ms;       /* how long the last full flush took */
    size_t live_tbs;            /* TBs in the hash table */
} TBStatistics;

void tb_get_statistics(TBStatistics *st);
void tb_reset_statistics(void);

/* ---- the softmmu TLB ---------------------------------------------- */

/*
 * Map the guest-virtual page containing @addr to guest-physical @paddr
 * for @mmu_idx with PAGE_* protection @prot.  @size is the mapping size
 * (>= TARGET_PAGE_SIZE for a large page).  Called by the target's
 * tlb_fill hook.
 */
void tlb_set_page_with_attrs(CPUState *cpu, vaddr addr, uint64_t paddr,
                             MemTxAttrs attrs, int prot, int mmu_idx,
                             vaddr size);
void tlb_set_page(CPUState *cpu, vaddr addr, uint64_t paddr, int prot,
                  int mmu_idx, vaddr size);

/* Forget every mapping (all MMU indexes) of @cpu. */
void tlb_flush(CPUState *cpu);
/* Forget the mappings of the page containing @addr. */
void tlb_flush_page(CPUState *cpu, vaddr addr);
/* The same, only for the MMU indexes in the bitmap @idxmap. */
void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap);
void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap);
/* Flush the TLB of every CPU. */
void tlb_flush_all_cpus(void);

/*
 * The RAM address of the code at @addr for a TB lookup, filling the TLB
 * (which may raise the target's fetch fault).  TB_PAGE_ADDR_INVALID when
 * the code is not in RAM/ROM; *hostp gets the host address or NULL.
 */
tb_page_addr_t get_page_addr_code_hostp(CPUArchState *env, vaddr addr,
                                        void **hostp);
tb_page_addr_t get_page_addr_code(CPUArchState *env, vaddr addr);

/*
 * Check that [addr, addr + size) is accessible, filling the TLB (and
 * raising the guest fault unless @nonfault) as a real access would.
 * Returns the host address for RAM, NULL for I/O or (with @nonfault)
 * when inaccessible; for probe_access_flags the TLB_* flags say which.
 */
void *probe_access(CPUArchState *env, vaddr addr, int size,
                   MMUAccessType access_type, int mmu_idx,
                   uintptr_t retaddr);
int probe_access_flags(CPUArchState *env, vaddr addr, int size,
                       MMUAccessType access_type, int mmu_idx,
                       bool nonfault, void **phost, uintptr_t retaddr);

/* The host address of @addr if it is RAM mapped in the TLB, else NULL. */
void *tlb_vaddr_to_host(CPUArchState *env, vaddr addr,
                        MMUAccessType access_type, int mmu_idx);

/*
 * Watchpoint check for an access the slow path is about to make.  On a
 * hit it does not return (the CPU stops with EXCP_DEBUG).
 */
void cpu_check_watchpoint(CPUState *cpu, vaddr addr, vaddr len,
                          MemTxAttrs attrs, int flags, uintptr_t ra);

/* ---- the execution loop ------------------------------------------- */

/*
 * Run @cpu until something needs the caller: returns EXCP_INTERRUPT (exit
 * request, slice over), EXCP_HLT / EXCP_HALTED (halted), EXCP_DEBUG
 * (breakpoint, watchpoint, single-step) or EXCP_YIELD.
 */
int cpu_exec(CPUState *cpu);

#endif /* EXEC_EXEC_ALL_H */
