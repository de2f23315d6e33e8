/*
 * The TCG accelerator driver: set-up and teardown, per-CPU state, and
 * running a CPU for a bounded slice of instructions.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "qemu/main-loop.h"
#include "exec/ramblock.h"
#include "system/tcg.h"
#include "internal.h"

bool tcg_allowed;

/* TCGCPUOps whose initialize() already ran in the current context. */
static GSList *tcg_initialized_ops;
/* Whether cpu_kick_notify is ours (removed again at cleanup). */
static bool tcg_owns_kick_notify;

/* ---- per-CPU hooks (called by hw/core/cpu-common.c) ------------------- */

static void tcg_cpu_init_state(CPUState *cpu)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    /* The generated code finds neg.* right below env. */
    g_assert(cpu->env_ptr == (char *)cpu + sizeof(CPUState));
    g_assert(ops && ops->translate_code && ops->get_tb_cpu_state &&
             ops->restore_state_to_opc);
    if (ops->initialize && !g_slist_find(tcg_initialized_ops, ops)) {
        tcg_initialized_ops = g_slist_prepend(tcg_initialized_ops,
                                              (gpointer)ops);
        ops->initialize();
    }
    if (!cpu->tb_jmp_cache) {
        cpu->tb_jmp_cache = g_new0(CPUJumpCache, 1);
        tlb_init(cpu);
    }
}

static void tcg_cpu_free_state(CPUState *cpu)
{
    if (cpu->tb_jmp_cache) {
        tlb_destroy(cpu);
        g_free(cpu->tb_jmp_cache);
        cpu->tb_jmp_cache = NULL;
    }
}

static void tcg_cpu_reset(CPUState *cpu)
{
    if (cpu->tb_jmp_cache) {
        tlb_flush(cpu);
    }
}

static void tcg_breakpoint_changed(CPUState *cpu, vaddr pc)
{
    /* Translations covering @pc must be redone to stop (or not) there. */
    tb_invalidate_virt_addr(cpu, pc);
}

static void tcg_watchpoint_changed(CPUState *cpu, vaddr addr, vaddr len)
{
    /* TLB entries carry TLB_WATCHPOINT: recompute them. */
    if (cpu->tb_jmp_cache) {
        tlb_flush(cpu);
    }
}

const CPUAccelHooks tcg_cpu_accel_hooks = {
    .realize = tcg_cpu_init_state,
    .unrealize = tcg_cpu_free_state,
    .reset = tcg_cpu_reset,
    .breakpoint_changed = tcg_breakpoint_changed,
    .watchpoint_changed = tcg_watchpoint_changed,
};

/* ---- hooks into the memory API and the clocks -------------------------- */

static void tcg_code_write_notify(ram_addr_t start, ram_addr_t length)
{
    if (length) {
        tb_invalidate_phys_range(start, start + length - 1);
    }
}

static void tcg_timer_notify(void *opaque, QEMUClockType type)
{
    /*
     * A timer now expires earlier than when the current slice was
     * planned to end: end it at the next TB boundary so the main loop
     * can run the timer on time.
     */
    if (current_cpu && current_cpu->running) {
        cpu_exit(current_cpu);
    }
}

static void tcg_kick_notify(CPUState *cpu)
{
    qemu_notify_event();
}

/* ---- set-up ------------------------------------------------------------ */

void tcg_exec_init_backend(int backend_kind, unsigned long tb_size)
{
    CPUState *cpu;

    if (tcg_allowed) {
        return;
    }
    tcg_context_create((TCGBackendKind)backend_kind);
    /* What the inline TLB lookup needs to know about the target. */
    tcg_ctx->tlb_fast_offset = NEG_ENV_OFFSET(tlb.f);
    tcg_ctx->page_bits = TARGET_PAGE_BITS;
    tcg_ctx->nb_mmu_modes = NB_MMU_MODES;
    tcg_region_init(tb_size);

    tb_cache_init();
    tb_flush_pending = false;
    cpu_accel_hooks = &tcg_cpu_accel_hooks;
    memory_set_code_write_notify(tcg_code_write_notify);
    qemu_clock_set_icount_source(tcg_icount_get_raw);
    qemu_timer_set_notify_cb(tcg_timer_notify, NULL);
    if (!cpu_kick_notify) {
        cpu_kick_notify = tcg_kick_notify;
        tcg_owns_kick_notify = true;
    }
    tcg_allowed = true;

    CPU_FOREACH(cpu) {
        tcg_cpu_init_state(cpu);
    }
}

void tcg_exec_init(unsigned long tb_size)
{
    tcg_exec_init_backend(TCG_BACKEND_DEFAULT, tb_size);
}

void tcg_exec_cleanup(void)
{
    CPUState *cpu;

    if (!tcg_allowed) {
        return;
    }
    CPU_FOREACH(cpu) {
        tcg_cpu_free_state(cpu);
    }
    tb_flush_now();
    tb_cache_destroy();
    g_slist_free(tcg_initialized_ops);
    tcg_initialized_ops = NULL;
    memory_set_code_write_notify(NULL);
    qemu_clock_set_icount_source(NULL);
    qemu_timer_set_notify_cb(NULL, NULL);
    if (tcg_owns_kick_notify) {
        cpu_kick_notify = NULL;
        tcg_owns_kick_notify = false;
    }
    cpu_accel_hooks = NULL;
    tcg_context_destroy(tcg_ctx);
    tcg_allowed = false;
}

/* ---- running ----------------------------------------------------------- */

int tcg_cpu_exec_slice(CPUState *cpu, int64_t max_insns, int64_t *executed)
{
    int64_t budget = MAX(max_insns, 0);
    int64_t left;
    int ret;

    g_assert(tcg_allowed && cpu->tb_jmp_cache);
    cpu->icount_budget = budget;
    cpu->icount_deliveries = 0;
    cpu->neg.icount_decr.u16.low = MIN(budget, 0xffff);
    cpu->icount_extra = budget - cpu->neg.icount_decr.u16.low;

    ret = cpu_exec(cpu);

    /* What the slice used, less exception deliveries: instructions. */
    left = cpu->neg.icount_decr.u16.low + cpu->icount_extra +
           cpu->icount_deliveries;
    cpu->icount_executed += budget - left;
    if (executed) {
        *executed = budget - left;
    }
    /* icount_deliveries stays readable until the next slice starts. */
    cpu->icount_budget = 0;
    cpu->icount_extra = 0;
    cpu->neg.icount_decr.u16.low = 0;
    return ret;
}

int64_t tcg_icount_get_raw(void)
{
    CPUState *cpu;
    int64_t total = 0;

    CPU_FOREACH(cpu) {
        total += cpu->icount_executed;
        if (cpu->icount_budget) {
            /* Mid-slice: what the slice has used so far. */
            total += cpu->icount_budget -
                     (cpu->neg.icount_decr.u16.low + cpu->icount_extra +
                      cpu->icount_deliveries);
        }
    }
    return total;
}

int64_t tcg_slice_budget(int64_t deadline_ns)
{
    int64_t unit;

    if (!icount_enabled() || deadline_ns < 0) {
        return TCG_SLICE_DEFAULT_INSNS;
    }
    /* Instructions whose duration reaches the deadline (at least one). */
    unit = icount_to_ns(1);
    return (deadline_ns + unit - 1) / unit;
}
