/*
 * The generic translation loop and code fetching for frontends.
 *
 * Every TB starts with the same check, emitted here and not by the
 * frontend: the 32-bit value of cpu->neg.icount_decr minus the number of
 * instructions in the TB must not be negative.  It is negative when the
 * main loop (or an interrupt) set the high half to ask the CPU to leave,
 * or when the instruction budget of the slice cannot pay for the whole
 * TB; the TB then exits with TB_EXIT_REQUESTED before running anything.
 * Otherwise the low half is decremented, so the counter always says how
 * many instructions the slice may still execute.
 *
 * The decrement is a load/modify/store of the whole word; something that
 * sets the high half between the two would be lost.  Nothing can: the
 * CPU and every caller of cpu_exit()/cpu_interrupt() share one thread,
 * and no signal handler calls them.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/translator.h"
#include "exec/cpu-ldst.h"
#include "tcg/tcg-op.h"
#include "internal.h"

/*
 * A TB stops growing once it has this many ops, well before the op
 * storage or the code size limits of TCG get close.
 */
#define TRANSLATOR_MAX_OPS 3000

/* State of the TB being translated (one at a time). */
static struct {
    TCGOp *count_op;        /* the subtraction whose constant is patched */
    TCGLabel *exit_label;   /* NULL for CF_NOIRQ TBs */
} tb_check;

void translator_tb_start_check(DisasContextBase *db)
{
    TCGv_i32 count = tcg_temp_ebb_new_i32();
    /* Placeholder: the instruction count is known only at the end. */
    TCGv_i32 n = tcg_constant_i32(TCG_MAX_INSNS + 1);

    tcg_gen_ld_i32(count, tcg_env, NEG_ENV_OFFSET(icount_decr.u32));
    tcg_gen_sub_i32(count, count, n);
    tb_check.count_op = tcg_ctx->last_op;
    g_assert(tb_check.count_op->opc == INDEX_op_sub_i32 &&
             tb_check.count_op->args[2] == tcgv_i32_arg(n));
    if (db->tb->cflags & CF_NOIRQ) {
        /*
         * Must run no matter what is pending (it re-executes one
         * instruction after a restart); still counts.
         */
        tb_check.exit_label = NULL;
    } else {
        tb_check.exit_label = gen_new_label();
        tcg_gen_brcondi_i32(TCG_COND_LT, count, 0, tb_check.exit_label);
    }
    /*
     * Store all 32 bits: the high half is unchanged (0 when we got here
     * through the check), and a 16-bit store followed by the next TB's
     * 32-bit load of the same word would defeat store forwarding.
     */
    tcg_gen_st_i32(count, tcg_env, NEG_ENV_OFFSET(icount_decr.u32));
    tcg_temp_free_i32(count);
}

void translator_tb_end_check(DisasContextBase *db)
{
    tb_check.count_op->args[2] =
        tcgv_i32_arg(tcg_constant_i32(db->num_insns));
    if (tb_check.exit_label) {
        tcg_gen_set_label(tb_check.exit_label);
        tcg_gen_exit_tb(db->tb, TB_EXIT_REQUESTED);
    }
}

bool translator_is_same_page(const DisasContextBase *db, vaddr addr)
{
    return ((db->pc_first ^ addr) & TARGET_PAGE_MASK) == 0;
}

bool translator_use_goto_tb(DisasContextBase *db, vaddr dest)
{
    if (db->tb->cflags & CF_NO_GOTO_TB) {
        return false;
    }
    /*
     * Another page may be mapped differently next time: only jumps
     * within the page are chained directly.
     */
    return translator_is_same_page(db, dest);
}

bool translator_io_start(DisasContextBase *db)
{
    return false;
}

static void translator_log_in_asm(DisasContextBase *db, CPUState *cpu,
                                  const TranslatorOps *ops)
{
    FILE *f = qemu_log_trylock();

    if (!f) {
        return;
    }
    fprintf(f, "----------------\n");
    fprintf(f, "IN: \n");
    if (!ops->disas_log || !ops->disas_log(db, cpu, f)) {
        vaddr size = db->pc_next - db->pc_first;
        g_autofree uint8_t *buf = g_malloc0(MAX(size, 1));

        cpu_memory_rw_debug(cpu, db->pc_first, buf, size, false);
        for (vaddr i = 0; i < size; i += 16) {
            fprintf(f, "0x%08" VADDR_PRIx ": ", db->pc_first + i);
            for (vaddr j = i; j < size && j < i + 16; j++) {
                fprintf(f, " %02x", buf[j]);
            }
            fprintf(f, "\n");
        }
    }
    fprintf(f, "\n");
    qemu_log_unlock(f);
}

void translator_loop(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                     vaddr pc, void *host_pc, const TranslatorOps *ops,
                     DisasContextBase *db)
{
    db->tb = tb;
    db->pc_first = pc;
    db->pc_next = pc;
    db->is_jmp = DISAS_NEXT;
    db->num_insns = 0;
    db->max_insns = *max_insns;
    db->singlestep_enabled = (tb->cflags & CF_SINGLE_STEP) != 0;
    db->host_addr[0] = host_pc
        ? (uint8_t *)host_pc - (pc & ~TARGET_PAGE_MASK) : NULL;
    db->host_addr[1] = NULL;
    db->page_addr[0] = pc & TARGET_PAGE_MASK;
    db->page_addr[1] = (vaddr)-1;

    ops->init_disas_context(db, cpu);
    g_assert(db->is_jmp == DISAS_NEXT);

    translator_tb_start_check(db);
    ops->tb_start(db, cpu);
    g_assert(db->is_jmp == DISAS_NEXT);

    for (;;) {
        tb_insn_offsets_add(tb, db->pc_next);
        db->num_insns++;
        ops->insn_start(db, cpu);
        ops->translate_insn(db, cpu);
        if (db->is_jmp != DISAS_NEXT) {
            break;
        }
        if (db->num_insns >= db->max_insns ||
            tcg_ctx->nb_ops >= TRANSLATOR_MAX_OPS ||
            /* Only the last instruction may reach into a second page. */
            !translator_is_same_page(db, db->pc_next) ||
            /* Stop before a breakpoint so the loop sees it. */
            (cpu->breakpoints &&
             cpu_breakpoint_test(cpu, db->pc_next, BP_ANY))) {
            db->is_jmp = DISAS_TOO_MANY;
            break;
        }
    }
    ops->tb_stop(db, cpu);
    translator_tb_end_check(db);

    tb->size = db->pc_next - db->pc_first;
    tb->icount = db->num_insns;
    *max_insns = db->num_insns;

    if (qemu_loglevel_mask(CPU_LOG_TB_IN_ASM)) {
        translator_log_in_asm(db, cpu, ops);
    }
}

/*
 * Host address of the code byte at @pc, or NULL to fetch it through the
 * slow path.  Sets up the TB's second page on first use.
 */
static uint8_t *translator_host_byte(CPUArchState *env, DisasContextBase *db,
                                     vaddr pc)
{
    vaddr page = pc & TARGET_PAGE_MASK;
    TranslationBlock *tb = db->tb;

    if (page == db->page_addr[0]) {
        return db->host_addr[0] ? (uint8_t *)db->host_addr[0] +
                                  (pc - page) : NULL;
    }
    if (page == db->page_addr[1]) {
        return db->host_addr[1] ? (uint8_t *)db->host_addr[1] +
                                  (pc - page) : NULL;
    }
    g_assert(db->page_addr[1] == (vaddr)-1 &&
             page == db->page_addr[0] + TARGET_PAGE_SIZE);
    if (tb->page_addr[0] == TB_PAGE_ADDR_INVALID) {
        /* Uncached TB (code in MMIO): everything by the slow path. */
        db->page_addr[1] = page;
        return NULL;
    }
    if (db->num_insns > 1) {
        /*
         * Not the first instruction: if the next page is not plain
         * memory, end the TB before this instruction; it will then be
         * the first of a TB of its own, where a fault is precise.
         */
        void *host = NULL;
        int flags = probe_access_flags(env, page, 1, MMU_INST_FETCH,
                                       cpu_mmu_index(env_cpu(env), true),
                                       true, &host, 0);

        if (flags & (TLB_INVALID_MASK | TLB_MMIO)) {
            tb_gen_code_restart(db->num_insns - 1);
        }
    }
    db->page_addr[1] = page;
    tb->page_addr[1] = get_page_addr_code_hostp(env, page,
                                                &db->host_addr[1]);
    if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
        tb->page_addr[1] &= TARGET_PAGE_MASK;
    }
    return db->host_addr[1] ? (uint8_t *)db->host_addr[1] + (pc - page)
                            : NULL;
}

static uint64_t translator_ld(CPUArchState *env, DisasContextBase *db,
                              vaddr pc, unsigned size)
{
    uint8_t buf[8];

    for (unsigned i = 0; i < size; i++) {
        uint8_t *p = translator_host_byte(env, db, pc + i);

        buf[i] = p ? *p : cpu_ldub_code(env, pc + i);
    }
    /* The target's byte order (little-endian for CR16). */
    if (MO_TE == MO_BE) {
        uint64_t v = 0;

        for (unsigned i = 0; i < size; i++) {
            v = (v << 8) | buf[i];
        }
        return v;
    } else {
        uint64_t v = 0;

        for (unsigned i = size; i-- > 0; ) {
            v = (v << 8) | buf[i];
        }
        return v;
    }
}

uint8_t translator_ldub(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return translator_ld(env, db, pc, 1);
}

uint16_t translator_lduw(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return translator_ld(env, db, pc, 2);
}

uint32_t translator_ldl(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return translator_ld(env, db, pc, 4);
}

uint64_t translator_ldq(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return translator_ld(env, db, pc, 8);
}
