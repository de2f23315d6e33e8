/*
 * The execution loop: find or translate the TB for the current guest
 * state, chain it to the previous one, run it, and deal with whatever
 * made it stop (exception, interrupt, exit request, end of the
 * instruction budget, breakpoint, single-step).  docs/devel/tcg-exec.rst
 * describes the contract with the main loop.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "internal.h"

void tb_jmp_cache_clear(CPUState *cpu)
{
    if (cpu->tb_jmp_cache) {
        memset(cpu->tb_jmp_cache, 0, sizeof(*cpu->tb_jmp_cache));
    }
}

uint32_t curr_cflags(CPUState *cpu)
{
    uint32_t cflags = 0;

    if (cpu->singlestep_enabled) {
        /* One instruction per TB, and always back to the loop after it. */
        cflags |= CF_NO_GOTO_TB | CF_NO_GOTO_PTR | CF_SINGLE_STEP | 1;
    } else if (qemu_loglevel_mask(CPU_LOG_TB_NOCHAIN)) {
        cflags |= CF_NO_GOTO_TB;
    }
    return cflags;
}

static void cpu_get_tb_state(CPUState *cpu, vaddr *pc, uint64_t *cs_base,
                             uint32_t *flags)
{
    *cs_base = 0;
    *flags = 0;
    cpu->cc->tcg_ops->get_tb_cpu_state(cpu_env(cpu), pc, cs_base, flags);
}

TranslationBlock *tb_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                            uint32_t flags, uint32_t cflags)
{
    CPUJumpCacheEntry *e;
    TranslationBlock *tb;
    tb_page_addr_t phys_pc;

    tb_stats.lookups++;
    e = &cpu->tb_jmp_cache->array[tb_jmp_cache_hash_func(pc)];
    tb = e->tb;
    if (tb && e->pc == pc && tb->flags == flags &&
        (tb->cflags & (CF_HASH_MASK | CF_INVALID)) == cflags) {
        tb_stats.jc_hits++;
        return tb;
    }
    phys_pc = get_page_addr_code(cpu_env(cpu), pc);
    if (phys_pc == TB_PAGE_ADDR_INVALID) {
        return NULL;
    }
    tb = tb_htable_lookup(phys_pc, pc, flags, cflags);
    if (!tb) {
        return NULL;
    }
    if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
        /* The second page may now map to different RAM. */
        vaddr page2 = (pc & TARGET_PAGE_MASK) + TARGET_PAGE_SIZE;

        if (get_page_addr_code(cpu_env(cpu), page2) != tb->page_addr[1]) {
            tb_phys_invalidate(tb);
            return NULL;
        }
    }
    tb_stats.htable_hits++;
    e->tb = tb;
    e->pc = pc;
    return tb;
}

/*
 * Is there a breakpoint at @pc that must stop the CPU before executing
 * it?  Breakpoints inside a TB end the TB before them (translator_loop),
 * so checking where a TB starts is enough.
 */
static bool breakpoint_hit(CPUState *cpu, vaddr pc)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    for (GList *l = cpu->breakpoints; l; l = l->next) {
        CPUBreakpoint *bp = l->data;

        if (bp->pc != pc) {
            continue;
        }
        if (bp->flags & BP_GDB) {
            return true;
        }
        if ((bp->flags & BP_CPU) &&
            (!ops->debug_check_breakpoint ||
             ops->debug_check_breakpoint(cpu))) {
            return true;
        }
    }
    return false;
}

const void *helper_lookup_tb_ptr(CPUArchState *env)
{
    CPUState *cpu = env_cpu(env);
    TranslationBlock *tb;
    vaddr pc;
    uint64_t cs_base;
    uint32_t flags, cflags;

    cpu_get_tb_state(cpu, &pc, &cs_base, &flags);
    cflags = curr_cflags(cpu);
    if (unlikely(cpu->breakpoints) && breakpoint_hit(cpu, pc)) {
        /* Let the loop report it. */
        return tcg_code_gen_epilogue;
    }
    tb = tb_lookup(cpu, pc, cs_base, flags, cflags);
    if (!tb) {
        return tcg_code_gen_epilogue;
    }
    qemu_log_mask(CPU_LOG_EXEC, "Trace %d: %p [%08" PRIx64 "/%016" VADDR_PRIx
                  "/%08x/%08x] (goto_ptr)\n", cpu->cpu_index, tb->tc.ptr,
                  cs_base, pc, flags, tb->cflags);
    return tb->tc.ptr;
}

/* ---- the loop -------------------------------------------------------- */

static void cpu_handle_debug_exception(CPUState *cpu)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    if (!cpu->watchpoint_hit) {
        for (GList *l = cpu->watchpoints; l; l = l->next) {
            CPUWatchpoint *wp = l->data;

            wp->flags &= ~BP_WATCHPOINT_HIT;
        }
    }
    if (ops->debug_excp_handler) {
        ops->debug_excp_handler(cpu);
    }
}

static bool cpu_handle_halt(CPUState *cpu)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    if (cpu->halted) {
        if (!cpu_has_work(cpu)) {
            return true;
        }
        if (ops->cpu_exec_halt && !ops->cpu_exec_halt(cpu)) {
            return true;
        }
        cpu->halted = 0;
    }
    return false;
}

/*
 * Charge one delivered exception or interrupt to the slice, as if it were
 * an instruction, and say whether that used up the budget.  The guest
 * controls how many deliveries happen without any instruction completing
 * (a fault whose handler faults again, an UND at the vector the UND
 * dispatches to, a fetch from an illegal address): without this charge
 * such a storm would never reach the end of the slice, and on our single
 * thread the main loop (QMP, HMP, gdb, timers) would never run again.
 * A delivery (leaving the TB, restoring state, pushing the frame,
 * reading the dispatch table) costs about as much host time as a few
 * dozen simple instructions, hence TCG_DELIVERY_COST.  The charge is
 * counted apart so that icount stays instructions only.
 */
static bool cpu_charge_delivery(CPUState *cpu)
{
    int64_t left = cpu->neg.icount_decr.u16.low + cpu->icount_extra;
    int64_t cost = MIN(left, TCG_DELIVERY_COST);

    left -= cost;
    cpu->icount_deliveries += cost;
    cpu->neg.icount_decr.u16.low = MIN(left, 0xffff);
    cpu->icount_extra = left - cpu->neg.icount_decr.u16.low;
    return left == 0;
}

/* Returns true (with *ret set) when cpu_exec must return. */
static bool cpu_handle_exception(CPUState *cpu, int *ret)
{
    if (cpu->exception_index < 0) {
        return false;
    }
    if (cpu->exception_index >= EXCP_INTERRUPT) {
        *ret = cpu->exception_index;
        if (*ret == EXCP_DEBUG) {
            cpu_handle_debug_exception(cpu);
        }
        cpu->exception_index = -1;
        return true;
    }
    qemu_log_mask(CPU_LOG_INT, "cpu %d: servicing exception %d\n",
                  cpu->cpu_index, cpu->exception_index);
    cpu->cc->tcg_ops->do_interrupt(cpu);
    cpu->exception_index = -1;
    if (unlikely(cpu->singlestep_enabled)) {
        /* A step that raised an exception stops at the handler. */
        *ret = EXCP_DEBUG;
        cpu_handle_debug_exception(cpu);
        return true;
    }
    if (cpu_charge_delivery(cpu)) {
        /* The handler starts in the next slice, after the main loop. */
        *ret = EXCP_INTERRUPT;
        return true;
    }
    return false;
}

/* Returns true when the inner loop must stop (exception_index says why). */
static bool cpu_handle_interrupt(CPUState *cpu, TranslationBlock **last_tb)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;

    /* Whatever set the high half is handled below; clear it first. */
    cpu->neg.icount_decr.u16.high = 0;

    if (unlikely(cpu->interrupt_request)) {
        int ir = cpu->interrupt_request;

        if (ir & CPU_INTERRUPT_DEBUG) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_DEBUG;
            cpu->exception_index = EXCP_DEBUG;
            return true;
        }
        if (ir & CPU_INTERRUPT_HALT) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_HALT;
            cpu->halted = 1;
            cpu->exception_index = EXCP_HLT;
            return true;
        }
        if (cpu->singlestep_enabled & SSTEP_NOIRQ) {
            ir &= ~CPU_INTERRUPT_SSTEP_MASK;
        }
        ir &= ~CPU_INTERRUPT_EXITTB;
        if (ir && ops->cpu_exec_interrupt && ops->cpu_exec_interrupt(cpu, ir)) {
            /* Control flow changed: do not chain from the old TB. */
            *last_tb = NULL;
            cpu->exception_index = -1;
            if (unlikely(cpu->singlestep_enabled)) {
                cpu->exception_index = EXCP_DEBUG;
                return true;
            }
            if (cpu_charge_delivery(cpu)) {
                cpu->exception_index = EXCP_INTERRUPT;
                return true;
            }
        }
        if (cpu->interrupt_request & CPU_INTERRUPT_EXITTB) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_EXITTB;
            *last_tb = NULL;
        }
    }
    if (unlikely(cpu->exit_request)) {
        cpu->exit_request = 0;
        if (cpu->exception_index == -1) {
            cpu->exception_index = EXCP_INTERRUPT;
        }
        return true;
    }
    return false;
}

/*
 * The TB at @tb did not start because its entry check failed: an exit
 * request (high half set, handled by the loop), or not enough budget
 * left in the 16-bit counter for all its instructions.
 */
static void cpu_budget_exhausted(CPUState *cpu, TranslationBlock *tb)
{
    int64_t left;

    if (cpu->neg.icount_decr.u16.high) {
        return;
    }
    left = cpu->neg.icount_decr.u16.low + cpu->icount_extra;
    if (left == 0) {
        /* The slice is over. */
        cpu->exception_index = EXCP_INTERRUPT;
        cpu_loop_exit(cpu);
    }
    cpu->neg.icount_decr.u16.low = MIN(left, 0xffff);
    cpu->icount_extra = left - cpu->neg.icount_decr.u16.low;
    if (left < tb->icount) {
        /* Execute exactly the instructions that remain. */
        cpu->cflags_next_tb = (curr_cflags(cpu) & ~CF_COUNT_MASK) | left;
    }
}

static void cpu_loop_exec_tb(CPUState *cpu, TranslationBlock *tb,
                             vaddr pc, TranslationBlock **last_tb,
                             int *tb_exit)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;
    TranslationBlock *last;
    uintptr_t ret;

    if (qemu_loglevel_mask(CPU_LOG_EXEC)) {
        qemu_log("Trace %d: %p [%08" PRIx64 "/%016" VADDR_PRIx
                 "/%08x/%08x]\n", cpu->cpu_index, tb->tc.ptr, (uint64_t)0,
                 pc, tb->flags, tb->cflags);
    }
    if (qemu_loglevel_mask(CPU_LOG_TB_CPU)) {
        FILE *f = qemu_log_trylock();

        if (f) {
            cpu_dump_state(cpu, f, 0);
            qemu_log_unlock(f);
        }
    }

    ret = tcg_qemu_tb_exec(cpu_env(cpu), tb->tc.ptr);
    last = (TranslationBlock *)(ret & ~(uintptr_t)TB_EXIT_MASK);
    *tb_exit = ret & TB_EXIT_MASK;
    if (*tb_exit != TB_EXIT_REQUESTED) {
        *last_tb = last;
        return;
    }
    /* @last did not run at all: the guest state is at its start. */
    *last_tb = NULL;
    if (ops->synchronize_from_tb) {
        ops->synchronize_from_tb(cpu, last);
    } else {
        cpu->cc->set_pc(cpu, last->pc);
    }
    cpu_budget_exhausted(cpu, last);
}

static int cpu_exec_loop(CPUState *cpu)
{
    int ret;

    while (!cpu_handle_exception(cpu, &ret)) {
        TranslationBlock *last_tb = NULL;
        int tb_exit = 0;

        while (!cpu_handle_interrupt(cpu, &last_tb)) {
            TranslationBlock *tb;
            vaddr pc;
            uint64_t cs_base;
            uint32_t flags, cflags;
            unsigned flush_gen;

            if (unlikely(tb_flush_pending)) {
                tb_flush_now();
                last_tb = NULL;
            }
            cpu_get_tb_state(cpu, &pc, &cs_base, &flags);
            cflags = cpu->cflags_next_tb;
            if (cflags == (uint32_t)-1) {
                cflags = curr_cflags(cpu);
            } else {
                cpu->cflags_next_tb = -1;
            }
            if (unlikely(cpu->breakpoints) && breakpoint_hit(cpu, pc)) {
                cpu->exception_index = EXCP_DEBUG;
                break;
            }

            flush_gen = tb_flush_count;
            tb = tb_lookup(cpu, pc, cs_base, flags, cflags);
            if (!tb) {
                tb = tb_gen_code(cpu, pc, cs_base, flags, cflags);
                if (tb->page_addr[0] != TB_PAGE_ADDR_INVALID) {
                    CPUJumpCacheEntry *e =
                        &cpu->tb_jmp_cache->array[tb_jmp_cache_hash_func(pc)];

                    e->tb = tb;
                    e->pc = pc;
                }
            }
            if (flush_gen != tb_flush_count) {
                /* The previous TB's memory was reused by the flush. */
                last_tb = NULL;
            }
            if (last_tb) {
                tb_add_jump(last_tb, tb_exit, tb);
            }

            cpu_loop_exec_tb(cpu, tb, pc, &last_tb, &tb_exit);

            if (unlikely(tb->cflags & CF_SINGLE_STEP) &&
                tb_exit != TB_EXIT_REQUESTED) {
                /* The frontend did not stop by itself: one insn is done. */
                cpu->exception_index = EXCP_DEBUG;
                break;
            }
        }
    }
    return ret;
}

static int cpu_exec_setjmp(CPUState *cpu)
{
    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        /*
         * Back from cpu_loop_exit.  A helper may have run a nested
         * cpu_exec-free path that changed current_cpu; restore it.
         */
        current_cpu = cpu;
    }
    return cpu_exec_loop(cpu);
}

int cpu_exec(CPUState *cpu)
{
    const TCGCPUOps *ops = cpu->cc->tcg_ops;
    int ret;

    if (cpu_handle_halt(cpu)) {
        return EXCP_HALTED;
    }
    current_cpu = cpu;
    cpu->running = true;
    if (ops->cpu_exec_enter) {
        ops->cpu_exec_enter(cpu);
    }
    ret = cpu_exec_setjmp(cpu);
    if (ops->cpu_exec_exit) {
        ops->cpu_exec_exit(cpu);
    }
    cpu->running = false;
    current_cpu = NULL;
    if (tb_flush_pending) {
        tb_flush_now();
    }
    return ret;
}
