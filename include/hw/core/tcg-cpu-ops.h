/*
 * TCGCPUOps: what a target CPU provides to the TCG execution machinery.
 *
 * The target's CPUClass points tcg_ops at one static const instance.
 * Hooks marked optional may be NULL.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_TCG_CPU_OPS_H
#define HW_CORE_TCG_CPU_OPS_H

#include "hw/core/cpu.h"

struct TCGCPUOps {
    /*
     * Called once, the first time a CPU of this class is realized with
     * TCG: create the TCG globals for the registers.
     */
    void (*initialize)(void);

    /*
     * Translate guest code starting at @pc into TCG ops for @tb (usually
     * one call to translator_loop).  @host_pc is the host address of @pc
     * when it is in RAM/ROM, else NULL.  *@max_insns is the limit on input
     * and the number of instructions translated on output.
     */
    void (*translate_code)(CPUState *cpu, TranslationBlock *tb,
                           int *max_insns, vaddr pc, void *host_pc);

    /*
     * The state that selects a translation: PC, a second value (cs_base,
     * usually 0) and the flags the translator depends on (privilege mode,
     * ...).  Two executions with equal values may share a TB.
     */
    void (*get_tb_cpu_state)(CPUArchState *env, vaddr *pc,
                             uint64_t *cs_base, uint32_t *flags);

    /*
     * Optional: set the CPU state from @tb when leaving it without a
     * precise restore (an exit request at its start).  Default: set_pc
     * with tb->pc.
     */
    void (*synchronize_from_tb)(CPUState *cpu, const TranslationBlock *tb);

    /*
     * Restore the state at the start of the instruction whose insn_start
     * words are @data (the PC is data[0] by convention).
     */
    void (*restore_state_to_opc)(CPUState *cpu, const TranslationBlock *tb,
                                 const uint64_t *data);

    /* Optional: called when entering / leaving cpu_exec(). */
    void (*cpu_exec_enter)(CPUState *cpu);
    void (*cpu_exec_exit)(CPUState *cpu);

    /*
     * Optional: look at cpu->interrupt_request (@interrupt_request is a
     * copy) and take an interrupt if one is deliverable.  Returns true if
     * it changed the control flow (the loop then looks up a new TB).
     */
    bool (*cpu_exec_interrupt)(CPUState *cpu, int interrupt_request);

    /*
     * Optional: called while halted with work pending; return true to
     * leave the halted state (default: always).
     */
    bool (*cpu_exec_halt)(CPUState *cpu);

    /* Deliver cpu->exception_index (a target exception number). */
    void (*do_interrupt)(CPUState *cpu);

    /*
     * Resolve @address for an access of @size bytes: on success call
     * tlb_set_page() and return true.  On failure: with @probe return
     * false; otherwise raise the guest fault, normally with
     * cpu_loop_exit_restore(cpu, retaddr), and do not return.
     */
    bool (*tlb_fill)(CPUState *cpu, vaddr address, int size,
                     MMUAccessType access_type, int mmu_idx, bool probe,
                     uintptr_t retaddr);

    /*
     * Optional: an access that violates its MO_ALIGN requirement.  Must
     * raise a guest exception (not return).  Without this hook, unaligned
     * accesses are performed anyway.
     */
    void (*do_unaligned_access)(CPUState *cpu, vaddr addr,
                                MMUAccessType access_type, int mmu_idx,
                                uintptr_t retaddr);

    /* Optional: called with EXCP_DEBUG before cpu_exec() returns it. */
    void (*debug_excp_handler)(CPUState *cpu);

    /* Optional: the address a watchpoint compares with (default: addr). */
    vaddr (*adjust_watchpoint_address)(CPUState *cpu, vaddr addr, int len);

    /* Optional: whether a BP_CPU watchpoint / breakpoint really fires. */
    bool (*debug_check_watchpoint)(CPUState *cpu, CPUWatchpoint *wp);
    bool (*debug_check_breakpoint)(CPUState *cpu);
};

#endif /* HW_CORE_TCG_CPU_OPS_H */
