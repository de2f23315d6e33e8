/*
 * CR16C translator: guest instructions to TCG ops.
 *
 * The decoder (generated from insn.decode into decode-insn.c.inc) calls one
 * trans_<NAME>() per instruction family; those live in the .c.inc files
 * included at the end, one per ISA chapter.  This file holds what they
 * share: the TCG globals, register and register-pair access with the
 * 16-bit-view rules, effective addresses, flags, conditions and the ways
 * a translation block ends.
 *
 * Register model (isa.md 2): cpu_r[0..11] hold 16-bit values (bits 31:16
 * always zero), cpu_r[12..15] are 32-bit; cpu_r[15] is the active SP (the
 * SP bank swaps in helpers when PSR.U changes).  The condition flags C, F,
 * Z, N and L are separate globals holding 0 or 1, so arithmetic writes
 * them with one setcond/extract and branches test them directly.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/cr16/cpu.h"
#include "exec/exec-all.h"
#include "exec/translator.h"
#include "tcg/tcg-op.h"
#include "target/cr16/disas.h"

#define HELPER_H "target/cr16/helper.h"
#include "exec/helper-gen.h"

/* tb_stop reasons of our own. */
#define DISAS_JUMP      DISAS_TARGET_0  /* cpu_pc set: look up the next TB */
#define DISAS_EXIT      DISAS_TARGET_1  /* cpu_pc set: back to the loop */
#define DISAS_EXIT_NEXT DISAS_TARGET_2  /* continue at npc via the loop */

typedef struct DisasContext {
    DisasContextBase base;
    CPUCR16State *env;
    uint32_t pc;        /* address of the instruction being translated */
    uint32_t npc;       /* address of the next one */
    uint32_t tbflags;
    int mem_idx;
} DisasContext;

static TCGv cpu_r[CR16_NUM_GPRS];
static TCGv cpu_pc;
static TCGv cpu_psr_c;
static TCGv cpu_psr_f;
static TCGv cpu_psr_z;
static TCGv cpu_psr_n;
static TCGv cpu_psr_l;

void cr16_translate_init(void)
{
    static const char *const names[CR16_NUM_GPRS] = {
        "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10",
        "r11", "r12", "r13", "ra", "sp",
    };

    for (int i = 0; i < CR16_NUM_GPRS; i++) {
        cpu_r[i] = tcg_global_mem_new_i32(tcg_env,
                                          offsetof(CPUCR16State, r[i]),
                                          names[i]);
    }
    cpu_pc = tcg_global_mem_new_i32(tcg_env, offsetof(CPUCR16State, pc),
                                    "pc");
    cpu_psr_c = tcg_global_mem_new_i32(tcg_env,
                                       offsetof(CPUCR16State, psr_c), "C");
    cpu_psr_f = tcg_global_mem_new_i32(tcg_env,
                                       offsetof(CPUCR16State, psr_f), "F");
    cpu_psr_z = tcg_global_mem_new_i32(tcg_env,
                                       offsetof(CPUCR16State, psr_z), "Z");
    cpu_psr_n = tcg_global_mem_new_i32(tcg_env,
                                       offsetof(CPUCR16State, psr_n), "N");
    cpu_psr_l = tcg_global_mem_new_i32(tcg_env,
                                       offsetof(CPUCR16State, psr_l), "L");
}

/* ---- operand sizes -------------------------------------------------------- */

/* Decoder operand size codes (insn.decode "sz"). */
enum { SZ_B = 0, SZ_W = 1, SZ_D = 2 };

static unsigned sz_bits(int sz)
{
    return 8u << sz;
}

static uint32_t sz_mask(int sz)
{
    return sz == SZ_D ? 0xFFFFFFFFu : (1u << sz_bits(sz)) - 1;
}

static MemOp sz_memop(int sz)
{
    /* Little-endian, no alignment requirement (isa.md 4). */
    return (sz == SZ_B ? MO_UB : sz == SZ_W ? MO_UW : MO_UL) | MO_TE;
}

/* ---- registers ------------------------------------------------------------ */

/* Word write: r0-r11 whole, r12-r15 only bits 15:0 (isa.md 2.1). */
static void gen_set_w(int reg, TCGv val)
{
    if (reg < CR16_REG_R12 || !CR16_U_WORD_WRITE_KEEPS_HIGH) {
        tcg_gen_ext16u_i32(cpu_r[reg], val);
    } else {
        tcg_gen_deposit_i32(cpu_r[reg], cpu_r[reg], val, 0, 16);
    }
}

/* Byte write: bits 7:0 only. */
static void gen_set_b(int reg, TCGv val)
{
    tcg_gen_deposit_i32(cpu_r[reg], cpu_r[reg], val, 0, 8);
}

/* 32-bit value of pair code p (isa.md 2.2). */
static void gen_get_pair(TCGv dst, int p)
{
    if (p >= CR16_REG_R12) {
        tcg_gen_mov_i32(dst, cpu_r[p]);
    } else {
        /* r[p] has bits 31:16 clear; (r12,r11) takes only r12[15:0]. */
        tcg_gen_deposit_i32(dst, cpu_r[p], cpu_r[p + 1], 16, 16);
    }
}

static void gen_set_pair(int p, TCGv val)
{
    TCGv hi;

    if (p >= CR16_REG_R12) {
        tcg_gen_mov_i32(cpu_r[p], val);
        return;
    }
    hi = tcg_temp_new_i32();
    tcg_gen_shri_i32(hi, val, 16);
    tcg_gen_ext16u_i32(cpu_r[p], val);
    if (p + 1 == CR16_REG_R12) {
        /* (r12,r11): r12 keeps bits 31:16 (isa.md 9.2). */
        tcg_gen_deposit_i32(cpu_r[CR16_REG_R12], cpu_r[CR16_REG_R12], hi,
                            0, 16);
    } else {
        tcg_gen_mov_i32(cpu_r[p + 1], hi);
    }
}

/* Operand of size sz: a register's low byte/word, or a pair. */
static void gen_get_sz(TCGv dst, int reg, int sz)
{
    switch (sz) {
    case SZ_B:
        tcg_gen_ext8u_i32(dst, cpu_r[reg]);
        break;
    case SZ_W:
        tcg_gen_ext16u_i32(dst, cpu_r[reg]);
        break;
    default:
        gen_get_pair(dst, reg);
        break;
    }
}

static void gen_set_sz(int reg, TCGv val, int sz)
{
    switch (sz) {
    case SZ_B:
        gen_set_b(reg, val);
        break;
    case SZ_W:
        gen_set_w(reg, val);
        break;
    default:
        gen_set_pair(reg, val);
        break;
    }
}

static TCGv get_sz(int reg, int sz)
{
    TCGv t = tcg_temp_new_i32();

    gen_get_sz(t, reg, sz);
    return t;
}

/* ---- conditions (isa.md 6) ------------------------------------------------- */

typedef struct DisasCompare {
    TCGCond cond;       /* compare value with 0 */
    TCGv value;
} DisasCompare;

static void gen_compare_cc(DisasCompare *c, int cc)
{
    static const struct {
        TCGv *flag;
        TCGCond cond;
    } simple[10] = {
        { &cpu_psr_z, TCG_COND_NE }, { &cpu_psr_z, TCG_COND_EQ },
        { &cpu_psr_c, TCG_COND_NE }, { &cpu_psr_c, TCG_COND_EQ },
        { &cpu_psr_l, TCG_COND_NE }, { &cpu_psr_l, TCG_COND_EQ },
        { &cpu_psr_n, TCG_COND_NE }, { &cpu_psr_n, TCG_COND_EQ },
        { &cpu_psr_f, TCG_COND_NE }, { &cpu_psr_f, TCG_COND_EQ },
    };

    if (cc < 10) {
        c->cond = simple[cc].cond;
        c->value = *simple[cc].flag;
        return;
    }
    if (cc >= 14) {
        c->cond = TCG_COND_ALWAYS;
        c->value = tcg_constant_i32(0);
        return;
    }
    /* lo/hs test Z|L, lt/ge test Z|N: "below" means neither is set. */
    c->value = tcg_temp_new_i32();
    tcg_gen_or_i32(c->value, cpu_psr_z, cc < 12 ? cpu_psr_l : cpu_psr_n);
    c->cond = (cc & 1) ? TCG_COND_NE : TCG_COND_EQ;
}

/* ---- effective addresses (instructions.md 7) ------------------------------- */

/*
 * The decoder's common memory-operand shape: EA = r12/r13 (rx) + pair (rp)
 * + zext16(rb) + disp, each part optional; abs20 is already remapped.
 * Computed in 32 bits: anything above the address limit raises IAD from
 * tlb_fill.
 */
static TCGv gen_ea(int rx, int rp, int rb, int disp)
{
    TCGv ea = tcg_temp_new_i32();
    TCGv t = tcg_temp_new_i32();

    tcg_gen_movi_i32(ea, disp);
    if (rx >= 0) {
        tcg_gen_add_i32(ea, ea, cpu_r[rx]);
    }
    if (rp >= 0) {
        gen_get_pair(t, rp);
        tcg_gen_add_i32(ea, ea, t);
    }
    if (rb >= 0) {
        tcg_gen_ext16u_i32(t, cpu_r[rb]);
        tcg_gen_add_i32(ea, ea, t);
    }
    return ea;
}

static void gen_ld(DisasContext *ctx, TCGv val, TCGv ea, int sz)
{
    tcg_gen_qemu_ld_i32(val, ea, ctx->mem_idx, sz_memop(sz));
}

static void gen_st(DisasContext *ctx, TCGv val, TCGv ea, int sz)
{
    tcg_gen_qemu_st_i32(val, ea, ctx->mem_idx, sz_memop(sz));
}

/* ---- ending the TB ------------------------------------------------------- */

/* UND for an encoding we do not accept (saves its own address). */
static bool gen_und(DisasContext *ctx)
{
    gen_helper_und(tcg_env, tcg_constant_i32(ctx->pc));
    ctx->base.is_jmp = DISAS_NORETURN;
    return true;
}

static void gen_debug_or(DisasContext *ctx, bool lookup)
{
    if (ctx->base.singlestep_enabled) {
        gen_helper_debug(tcg_env);
    } else if (lookup) {
        tcg_gen_lookup_and_goto_ptr();
    } else {
        tcg_gen_exit_tb(NULL, 0);
    }
}

static void gen_goto_tb(DisasContext *ctx, unsigned n, uint32_t dest)
{
    if (!ctx->base.singlestep_enabled &&
        translator_use_goto_tb(&ctx->base, dest)) {
        tcg_gen_goto_tb(n);
        tcg_gen_movi_i32(cpu_pc, dest);
        tcg_gen_exit_tb(ctx->base.tb, n);
    } else {
        tcg_gen_movi_i32(cpu_pc, dest);
        gen_debug_or(ctx, true);
    }
}

/*
 * Whether PC-relative target pc + disp lies outside 0..0xFFFFFF; such a
 * branch raises IAD when taken (instructions.md 1.5).
 */
static bool branch_target_bad(DisasContext *ctx, int disp)
{
    int64_t t = (int64_t)ctx->pc + disp;

    return t < 0 || t > CR16_ADDR_MAX;
}

static void gen_iad_branch(DisasContext *ctx, int disp)
{
    uint32_t saved = CR16_U_IAD_BRANCH_SAVES_NEXT ? ctx->npc
                     : (uint32_t)(ctx->pc + disp) & CR16_PC_MASK;

    gen_helper_raise(tcg_env, tcg_constant_i32(CR16_VEC_IAD),
                     tcg_constant_i32(saved));
}

/*
 * Branch to pc + disp when c holds, else fall through to the next
 * instruction.
 */
static void gen_branch_cmp(DisasContext *ctx, DisasCompare *c, int disp)
{
    uint32_t dest = (ctx->pc + disp) & CR16_PC_MASK;
    TCGLabel *taken;

    ctx->base.is_jmp = DISAS_NORETURN;
    if (c->cond == TCG_COND_ALWAYS) {
        if (branch_target_bad(ctx, disp)) {
            gen_iad_branch(ctx, disp);
        } else {
            gen_goto_tb(ctx, 0, dest);
        }
        return;
    }
    taken = gen_new_label();
    tcg_gen_brcondi_i32(c->cond, c->value, 0, taken);
    gen_goto_tb(ctx, 1, ctx->npc);
    tcg_gen_set_label(taken);
    if (branch_target_bad(ctx, disp)) {
        gen_iad_branch(ctx, disp);
    } else {
        gen_goto_tb(ctx, 0, dest);
    }
}

/* Register jump target: pair bits 22:0 shifted left (never IAD). */
static TCGv gen_jump_target(int rt)
{
    TCGv t = tcg_temp_new_i32();

    gen_get_pair(t, rt);
    tcg_gen_shli_i32(t, t, 1);
    tcg_gen_andi_i32(t, t, CR16_PC_MASK);
    return t;
}

/* Link value of BAL/JAL: the next instruction's address >> 1. */
static void gen_link(DisasContext *ctx, int rl)
{
    gen_set_pair(rl, tcg_constant_i32(ctx->npc >> 1));
}

/* ---- the decoder ---------------------------------------------------------- */

#include "target/cr16/decode-insn.c.inc"

#include "target/cr16/translate-alu.c.inc"
#include "target/cr16/translate-mem.c.inc"
#include "target/cr16/translate-branch.c.inc"

/* ---- TranslatorOps -------------------------------------------------------- */

static void cr16_tr_init_disas_context(DisasContextBase *db, CPUState *cs)
{
    DisasContext *ctx = container_of(db, DisasContext, base);

    ctx->env = cpu_env(cs);
    ctx->tbflags = db->tb->flags;
    ctx->mem_idx = (ctx->tbflags & CR16_TBFLAG_USER) ? CR16_MMU_IDX_USER
                                                     : CR16_MMU_IDX_SUPER;
    /* Under trace every instruction is checked on its own (isa.md 7.6). */
    if (ctx->tbflags & CR16_TBFLAG_TRACE) {
        db->max_insns = 1;
    }
}

static void cr16_tr_tb_start(DisasContextBase *db, CPUState *cs)
{
}

static void cr16_tr_insn_start(DisasContextBase *db, CPUState *cs)
{
    tcg_gen_insn_start(db->pc_next);
}

static void cr16_tr_translate_insn(DisasContextBase *db, CPUState *cs)
{
    DisasContext *ctx = container_of(db, DisasContext, base);
    uint16_t w[3] = { 0, 0, 0 };
    unsigned len;
    int decoded;

    ctx->pc = db->pc_next;
    w[0] = translator_lduw(ctx->env, db, ctx->pc);
    len = cr16_insn_length(w[0]);
    for (unsigned i = 1; i < len / 2; i++) {
        w[i] = translator_lduw(ctx->env, db, ctx->pc + 2 * i);
    }
    ctx->npc = (ctx->pc + len) & CR16_PC_MASK;
    db->pc_next = ctx->pc + len;

    if (ctx->tbflags & CR16_TBFLAG_TRACE) {
        gen_helper_trace(tcg_env, tcg_constant_i32(ctx->pc));
    }

    decoded = decode_insn(ctx, w);
    if (decoded == 0) {
        gen_und(ctx);
    } else if (decoded != (int)len) {
        /* The table and cr16_insn_length disagree: a bug, not the guest. */
        qemu_log_mask(LOG_UNIMP, "cr16: length mismatch for 0x%04x at "
                      "0x%06x (%d vs %u)\n", w[0], ctx->pc, decoded, len);
        gen_und(ctx);
    }

    /* Keep a TB within the page it started in (plus one straddler). */
    if (db->is_jmp == DISAS_NEXT &&
        (db->pc_next & TARGET_PAGE_MASK) != (db->pc_first & TARGET_PAGE_MASK)) {
        db->is_jmp = DISAS_TOO_MANY;
    }
}

static void cr16_tr_tb_stop(DisasContextBase *db, CPUState *cs)
{
    DisasContext *ctx = container_of(db, DisasContext, base);

    switch (db->is_jmp) {
    case DISAS_NEXT:
    case DISAS_TOO_MANY:
        gen_goto_tb(ctx, 0, db->pc_next & CR16_PC_MASK);
        break;
    case DISAS_JUMP:
        gen_debug_or(ctx, true);
        break;
    case DISAS_EXIT_NEXT:
        tcg_gen_movi_i32(cpu_pc, db->pc_next & CR16_PC_MASK);
        gen_debug_or(ctx, false);
        break;
    case DISAS_EXIT:
        gen_debug_or(ctx, false);
        break;
    case DISAS_NORETURN:
        break;
    default:
        g_assert_not_reached();
    }
}

/* -d in_asm: GNU as syntax from the table-driven disassembler. */
static bool cr16_tr_disas_log(const DisasContextBase *db, CPUState *cs,
                              FILE *f)
{
    size_t len = db->pc_next - db->pc_first;
    g_autofree uint8_t *buf = g_malloc(len ? len : 1);

    if (cpu_memory_rw_debug(cs, db->pc_first, buf, len, false) < 0) {
        return false;
    }
    cr16_disas_fprintf(f, db->pc_first, buf, len, 0);
    return true;
}

static const TranslatorOps cr16_tr_ops = {
    .init_disas_context = cr16_tr_init_disas_context,
    .tb_start = cr16_tr_tb_start,
    .insn_start = cr16_tr_insn_start,
    .translate_insn = cr16_tr_translate_insn,
    .tb_stop = cr16_tr_tb_stop,
    .disas_log = cr16_tr_disas_log,
};

void cr16_translate_code(CPUState *cs, TranslationBlock *tb, int *max_insns,
                         vaddr pc, void *host_pc)
{
    DisasContext ctx = { 0 };

    translator_loop(cs, tb, max_insns, pc, host_pc, &cr16_tr_ops, &ctx.base);
}
