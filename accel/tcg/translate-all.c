/*
 * Generating translation blocks, and getting back from the middle of one
 * to the guest state of the instruction that was running (precise
 * exceptions).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "internal.h"

/* Where translator_ld* jumps to when the TB must stop before an insn. */
static sigjmp_buf tb_gen_restart_env;
static bool tb_gen_active;

void tb_gen_code_restart(int max_insns)
{
    g_assert(tb_gen_active && max_insns > 0);
    siglongjmp(tb_gen_restart_env, max_insns);
}

static void tb_init_fields(TranslationBlock *tb, vaddr pc, uint32_t flags,
                           uint32_t cflags, tb_page_addr_t phys_pc)
{
    memset(tb, 0, sizeof(*tb));
    tb->pc = pc;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->page_addr[0] = phys_pc == TB_PAGE_ADDR_INVALID
                       ? TB_PAGE_ADDR_INVALID : phys_pc & TARGET_PAGE_MASK;
    tb->page_addr[1] = TB_PAGE_ADDR_INVALID;
    tb->jmp_reset_offset[0] = TB_JMP_OFFSET_INVALID;
    tb->jmp_reset_offset[1] = TB_JMP_OFFSET_INVALID;
    tb->jmp_insn_offset[0] = TB_JMP_OFFSET_INVALID;
    tb->jmp_insn_offset[1] = TB_JMP_OFFSET_INVALID;
}

/*
 * Translate and generate host code once.  Returns tcg_gen_code's result,
 * or -3 with *max_insns lowered when translator_ld* asked for a restart.
 * Kept separate so no local of the caller lives across the sigsetjmp.
 */
static int tb_translate_once(CPUState *cpu, TranslationBlock *tb,
                             int *max_insns, vaddr pc, void *host_pc)
{
    int ret = sigsetjmp(tb_gen_restart_env, 0);

    if (ret != 0) {
        tb_gen_active = false;
        *max_insns = ret;
        return -3;
    }
    tb_gen_active = true;
    tcg_func_start(tcg_ctx);
    tcg_ctx->gen_tb = tb;
    tb_insn_offsets_begin(tb);
    cpu->cc->tcg_ops->translate_code(cpu, tb, max_insns, pc, host_pc);
    tb_gen_active = false;
    g_assert(tb->icount > 0);
    return tcg_gen_code(tcg_ctx, tb, pc);
}

TranslationBlock *tb_gen_code(CPUState *cpu, vaddr pc, uint64_t cs_base,
                              uint32_t flags, uint32_t cflags)
{
    CPUArchState *env = cpu_env(cpu);
    void *host_pc = NULL;
    tb_page_addr_t phys_pc;
    TranslationBlock *tb;
    int max_insns, size;

    /* TBs are keyed without cs_base: targets using it need a TB field. */
    g_assert(cs_base == 0);

    phys_pc = get_page_addr_code_hostp(env, pc, &host_pc);
    if (phys_pc == TB_PAGE_ADDR_INVALID) {
        /*
         * Code outside RAM/ROM (an MMIO window): fetch through the memory
         * API, one instruction at a time, and never cache the result, as
         * the device may answer differently next time.
         */
        cflags = (cflags & ~CF_COUNT_MASK) | 1;
        host_pc = NULL;
    }
    max_insns = cflags & CF_COUNT_MASK;
    if (max_insns == 0) {
        max_insns = TCG_MAX_INSNS;
    }
    if (cflags & CF_SINGLE_STEP) {
        max_insns = 1;
    }

    tb = tcg_tb_alloc(tcg_ctx);
    if (!tb) {
        goto buffer_full;
    }
    for (;;) {
        tb_init_fields(tb, pc, flags, cflags, phys_pc);
        size = tb_translate_once(cpu, tb, &max_insns, pc, host_pc);
        if (size >= 0) {
            break;
        }
        switch (size) {
        case -1:
            goto buffer_full;
        case -2:
            /* Too much host code for one TB: try half as many insns. */
            g_assert(tb->icount > 1);
            max_insns = tb->icount / 2;
            break;
        default:
            /* -3: translator_ld* lowered max_insns. */
            break;
        }
    }
    tb_stats.translations++;
    tb_link(tb);
    return tb;

buffer_full:
    /*
     * The code buffer is full: throw everything away and start again.
     * We are at a TB boundary (translation only happens in the loop), so
     * nothing in the buffer is running.
     */
    tb_stats.full_buffer_flushes++;
    tb_flush_now();
    qemu_log_mask(CPU_LOG_EXEC, "tb_gen_code: code buffer full, flushed in "
                  "%.3f ms\n", tb_stats.last_flush_ms);
    /* Starting from an empty buffer, one TB must always fit. */
    tb = tcg_tb_alloc(tcg_ctx);
    g_assert(tb);
    tb_init_fields(tb, pc, flags, cflags, phys_pc);
    size = tb_translate_once(cpu, tb, &max_insns, pc, host_pc);
    while (size < 0) {
        g_assert(size != -1);
        if (size == -2) {
            max_insns = MAX(tb->icount / 2, 1);
        }
        tb_init_fields(tb, pc, flags, cflags, phys_pc);
        size = tb_translate_once(cpu, tb, &max_insns, pc, host_pc);
    }
    tb_stats.translations++;
    tb_link(tb);
    return tb;
}

bool cpu_restore_state_from_tb(CPUState *cpu, TranslationBlock *tb,
                               uintptr_t host_pc)
{
    uint64_t data[TCG_MAX_INSN_DATA] = { 0 };
    int index;

    if (!tcg_tb_find_insn_data(tb, host_pc, data)) {
        return false;
    }
    /*
     * The whole TB was counted when it started.  Give back the
     * instructions from the interrupted one on: they did not complete.
     */
    index = tb_insn_index(tb, data[0]);
    if (index >= 0) {
        cpu->neg.icount_decr.u16.low += tb->icount - index;
    }
    cpu->cc->tcg_ops->restore_state_to_opc(cpu, tb, data);
    return true;
}

bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc)
{
    TranslationBlock *tb = tcg_tb_lookup(host_pc);

    if (!tb) {
        return false;
    }
    return cpu_restore_state_from_tb(cpu, tb, host_pc);
}

void cpu_loop_exit(CPUState *cpu)
{
    /* Whatever TB we were in, the next one starts with I/O allowed. */
    cpu->neg.can_do_io = true;
    siglongjmp(cpu->jmp_env, 1);
}

void cpu_loop_exit_restore(CPUState *cpu, uintptr_t retaddr)
{
    if (retaddr) {
        cpu_restore_state(cpu, retaddr);
    }
    cpu_loop_exit(cpu);
}

void cpu_loop_exit_noexc(CPUState *cpu)
{
    cpu->exception_index = -1;
    cpu_loop_exit(cpu);
}
