/*
 * TCG op tests: every op on edge values, on both backends, against C
 * arithmetic; branches, helper calls and their flags, guest memory on the
 * fast and slow paths, chaining, exits, and state recovery at a fault.
 * A final test runs random op sequences on both backends and compares.
 */
#include "test-tcg-common.h"

#define HELPER_H "test-tcg-helpers.h"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"
#include "exec/helper-info.c.inc"

/* --- Helpers called by the tests ----------------------------------------- */

static unsigned pure_calls, count_calls;

uint32_t helper_t_add(uint32_t a, uint32_t b)
{
    return a + b;
}

uint64_t helper_t_mix5(uint64_t a, uint32_t b, int32_t c, uint64_t d,
                       void *p)
{
    return a * 3 + (uint64_t)b * 5 + (uint64_t)((int64_t)c * 7) + d * 11 +
           (uintptr_t)p;
}

uint32_t helper_t_pure(uint32_t a)
{
    pure_calls++;
    return a * 2;
}

uint32_t helper_t_read_r3(CPUArchState *env)
{
    return env->r[3];
}

void helper_t_write_r4(CPUArchState *env)
{
    env->r[4] = 0x4444;
}

uint32_t helper_t_peek_r5(CPUArchState *env)
{
    return env->r[5];
}

void helper_t_count(void)
{
    count_calls++;
}

void helper_t_raise(CPUArchState *env, uint32_t code)
{
    env->fault_addr = code;
    env->fault_ra = TCG_GETPC();
    siglongjmp(env->fault_jmp, 2);
}

int64_t helper_t_mul64(int32_t a, int32_t b)
{
    return (int64_t)a * b;
}

/* --- Edge values and reporting ------------------------------------------- */

static const uint32_t v32[] = {
    0, 1, 2, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000, 0x8000,
    0xffff, 0x7fff, 0x12345678, 0xdeadbeef, 0x80, 0xff, 31, 32,
};
static const uint32_t sh32[] = { 0, 1, 2, 7, 8, 15, 16, 31 };
static const uint64_t v64[] = {
    0, 1, UINT64_MAX, INT64_MAX, (uint64_t)INT64_MIN, 0x80000000,
    0xffffffff, 0x100000000ull, 0x123456789abcdef0ull, 0xffff, 63, 64,
};
static const uint64_t sh64[] = { 0, 1, 31, 32, 33, 63 };

static void check64(TCGContext *s, const char *what, uint64_t a, uint64_t b,
                    uint64_t got, uint64_t exp)
{
    if (got != exp) {
        g_test_message("%s on %s: a=0x%" PRIx64 " b=0x%" PRIx64
                       ": got 0x%" PRIx64 ", expected 0x%" PRIx64,
                       what, tname(s), a, b, got, exp);
        g_test_fail();
    }
}

/* --- Binary i32 ops ------------------------------------------------------ */

typedef struct Bin32 {
    const char *name;
    void (*gen)(TCGv_i32, TCGv_i32, TCGv_i32);
    void (*geni)(TCGv_i32, TCGv_i32, int32_t);
    uint32_t (*ref)(uint32_t, uint32_t);
    bool shift;
} Bin32;

static uint32_t r_add(uint32_t a, uint32_t b) { return a + b; }
static uint32_t r_sub(uint32_t a, uint32_t b) { return a - b; }
static uint32_t r_mul(uint32_t a, uint32_t b) { return a * b; }
static uint32_t r_and(uint32_t a, uint32_t b) { return a & b; }
static uint32_t r_or(uint32_t a, uint32_t b) { return a | b; }
static uint32_t r_xor(uint32_t a, uint32_t b) { return a ^ b; }
static uint32_t r_andc(uint32_t a, uint32_t b) { return a & ~b; }
static uint32_t r_orc(uint32_t a, uint32_t b) { return a | ~b; }
static uint32_t r_eqv(uint32_t a, uint32_t b) { return ~(a ^ b); }
static uint32_t r_shl(uint32_t a, uint32_t b) { return a << b; }
static uint32_t r_shr(uint32_t a, uint32_t b) { return a >> b; }
static uint32_t r_sar(uint32_t a, uint32_t b) { return (int32_t)a >> b; }
static uint32_t r_rotl(uint32_t a, uint32_t b) { return rol32(a, b); }
static uint32_t r_rotr(uint32_t a, uint32_t b) { return ror32(a, b); }
static uint32_t r_div(uint32_t a, uint32_t b)
{
    return b == 0 ? UINT32_MAX : b == UINT32_MAX ? -a
                  : (uint32_t)((int32_t)a / (int32_t)b);
}
static uint32_t r_rem(uint32_t a, uint32_t b)
{
    return b == 0 ? a : b == UINT32_MAX ? 0
                  : (uint32_t)((int32_t)a % (int32_t)b);
}
static uint32_t r_divu(uint32_t a, uint32_t b)
{
    return b == 0 ? UINT32_MAX : a / b;
}
static uint32_t r_remu(uint32_t a, uint32_t b)
{
    return b == 0 ? a : a % b;
}
static uint32_t r_smin(uint32_t a, uint32_t b)
{
    return (int32_t)a < (int32_t)b ? a : b;
}
static uint32_t r_umax(uint32_t a, uint32_t b) { return a > b ? a : b; }

#define DEP(p, l)                                                         \
static void g_dep_##p##_##l(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)          \
{ tcg_gen_deposit_i32(r, a, b, p, l); }                                   \
static uint32_t r_dep_##p##_##l(uint32_t a, uint32_t b)                  \
{ return deposit32(a, p, l, b); }
DEP(0, 8) DEP(8, 8) DEP(4, 12) DEP(16, 16) DEP(31, 1) DEP(0, 31) DEP(1, 30)

static const Bin32 bin32[] = {
    { "add", tcg_gen_add_i32, tcg_gen_addi_i32, r_add },
    { "sub", tcg_gen_sub_i32, tcg_gen_subi_i32, r_sub },
    { "mul", tcg_gen_mul_i32, tcg_gen_muli_i32, r_mul },
    { "and", tcg_gen_and_i32, tcg_gen_andi_i32, r_and },
    { "or", tcg_gen_or_i32, tcg_gen_ori_i32, r_or },
    { "xor", tcg_gen_xor_i32, tcg_gen_xori_i32, r_xor },
    { "andc", tcg_gen_andc_i32, NULL, r_andc },
    { "orc", tcg_gen_orc_i32, NULL, r_orc },
    { "eqv", tcg_gen_eqv_i32, NULL, r_eqv },
    { "shl", tcg_gen_shl_i32, tcg_gen_shli_i32, r_shl, true },
    { "shr", tcg_gen_shr_i32, tcg_gen_shri_i32, r_shr, true },
    { "sar", tcg_gen_sar_i32, tcg_gen_sari_i32, r_sar, true },
    { "rotl", tcg_gen_rotl_i32, tcg_gen_rotli_i32, r_rotl, true },
    { "rotr", tcg_gen_rotr_i32, tcg_gen_rotri_i32, r_rotr, true },
    { "div", tcg_gen_div_i32, NULL, r_div },
    { "rem", tcg_gen_rem_i32, NULL, r_rem },
    { "divu", tcg_gen_divu_i32, NULL, r_divu },
    { "remu", tcg_gen_remu_i32, NULL, r_remu },
    { "smin", tcg_gen_smin_i32, NULL, r_smin },
    { "umax", tcg_gen_umax_i32, NULL, r_umax },
    { "deposit-0-8", g_dep_0_8, NULL, r_dep_0_8 },
    { "deposit-8-8", g_dep_8_8, NULL, r_dep_8_8 },
    { "deposit-4-12", g_dep_4_12, NULL, r_dep_4_12 },
    { "deposit-16-16", g_dep_16_16, NULL, r_dep_16_16 },
    { "deposit-31-1", g_dep_31_1, NULL, r_dep_31_1 },
    { "deposit-0-31", g_dep_0_31, NULL, r_dep_0_31 },
    { "deposit-1-30", g_dep_1_30, NULL, r_dep_1_30 },
};

enum {
    M_REG,          /* r0 = op(r1, r2) */
    M_IMM,          /* r0 = opi(r1, imm) */
    M_CONST,        /* r0 = op($a, $b): folded by the optimizer */
    M_ALIAS_A,      /* r1 = op(r1, r2) */
    M_ALIAS_B,      /* r2 = op(r1, r2) */
    M_SAME,         /* r0 = op(r1, r1) */
    M_TEMPS,        /* through EBB temps that die at the op */
};

typedef struct BinCtx {
    const Bin32 *op;
    int mode;
    uint32_t a, b;
} BinCtx;

static void gen_bin32(const void *opaque)
{
    const BinCtx *c = opaque;
    const Bin32 *op = c->op;

    tcg_gen_insn_start(0x1000);
    switch (c->mode) {
    case M_REG:
        op->gen(cpu_r[0], cpu_r[1], cpu_r[2]);
        break;
    case M_IMM:
        if (op->geni) {
            op->geni(cpu_r[0], cpu_r[1], c->b);
        } else {
            op->gen(cpu_r[0], cpu_r[1], tcg_constant_i32(c->b));
        }
        break;
    case M_CONST:
        op->gen(cpu_r[0], tcg_constant_i32(c->a), tcg_constant_i32(c->b));
        break;
    case M_ALIAS_A:
        op->gen(cpu_r[1], cpu_r[1], cpu_r[2]);
        break;
    case M_ALIAS_B:
        op->gen(cpu_r[2], cpu_r[1], cpu_r[2]);
        break;
    case M_SAME:
        op->gen(cpu_r[0], cpu_r[1], cpu_r[1]);
        break;
    case M_TEMPS: {
        TCGv_i32 x = tcg_temp_ebb_new_i32(), y = tcg_temp_ebb_new_i32();

        tcg_gen_mov_i32(x, cpu_r[1]);
        tcg_gen_mov_i32(y, cpu_r[2]);
        op->gen(x, x, y);
        tcg_gen_mov_i32(cpu_r[0], x);
        break;
    }
    }
    tcg_gen_exit_tb(NULL, 0);
}

static uint32_t run_bin32(TCGContext *s, TranslationBlock *tb, int mode,
                          uint32_t a, uint32_t b)
{
    CPUArchState env;

    env_init(&env);
    env.r[1] = a;
    env.r[2] = b;
    g_assert_cmpuint(trun(s, &env, tb), ==, 0);
    switch (mode) {
    case M_ALIAS_A:
        return env.r[1];
    case M_ALIAS_B:
        return env.r[2];
    default:
        return env.r[0];
    }
}

static void test_bin32(const void *data)
{
    const Bin32 *op = data;
    const uint32_t *bv = op->shift ? sh32 : v32;
    size_t nb = op->shift ? ARRAY_SIZE(sh32) : ARRAY_SIZE(v32);
    static const int reg_modes[] = {
        M_REG, M_ALIAS_A, M_ALIAS_B, M_SAME, M_TEMPS,
    };

    for (int k = 0; k < tctx_n; k++) {
        TCGContext *s = tctx[k];

        for (unsigned m = 0; m < ARRAY_SIZE(reg_modes); m++) {
            BinCtx c = { .op = op, .mode = reg_modes[m] };
            TranslationBlock *tb = tgen(s, gen_bin32, &c);

            for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
                for (size_t j = 0; j < nb; j++) {
                    uint32_t a = v32[i];
                    uint32_t b = c.mode == M_SAME ? a : bv[j];

                    if (c.mode == M_SAME && op->shift && b >= 32) {
                        continue;
                    }
                    check64(s, op->name, a, b,
                            run_bin32(s, tb, c.mode, a, b), op->ref(a, b));
                }
            }
        }
        for (size_t j = 0; j < nb; j++) {
            BinCtx c = { .op = op, .mode = M_IMM, .b = bv[j] };
            TranslationBlock *tb = tgen(s, gen_bin32, &c);

            for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
                check64(s, op->name, v32[i], bv[j],
                        run_bin32(s, tb, M_IMM, v32[i], 0),
                        op->ref(v32[i], bv[j]));
            }
            for (size_t i = 0; i < ARRAY_SIZE(v32); i += 3) {
                BinCtx cc = { .op = op, .mode = M_CONST, .a = v32[i],
                              .b = bv[j] };

                tb = tgen(s, gen_bin32, &cc);
                check64(s, op->name, v32[i], bv[j],
                        run_bin32(s, tb, M_CONST, 0, 0),
                        op->ref(v32[i], bv[j]));
            }
        }
    }
}

/* --- Unary i32 ops ------------------------------------------------------- */

typedef struct Un32 {
    const char *name;
    void (*gen)(TCGv_i32, TCGv_i32);
    uint32_t (*ref)(uint32_t);
} Un32;

static uint32_t r_neg(uint32_t a) { return -a; }
static uint32_t r_not(uint32_t a) { return ~a; }
static uint32_t r_ext8s(uint32_t a) { return (int8_t)a; }
static uint32_t r_ext8u(uint32_t a) { return (uint8_t)a; }
static uint32_t r_ext16s(uint32_t a) { return (int16_t)a; }
static uint32_t r_ext16u(uint32_t a) { return (uint16_t)a; }
static uint32_t r_bswap16(uint32_t a) { return bswap16(a); }
static uint32_t r_bswap32(uint32_t a) { return bswap32(a); }
static uint32_t r_abs(uint32_t a) { return (int32_t)a < 0 ? -a : a; }

#define EXT(p, l)                                                         \
static void g_ext_##p##_##l(TCGv_i32 r, TCGv_i32 a)                      \
{ tcg_gen_extract_i32(r, a, p, l); }                                      \
static uint32_t r_ext_##p##_##l(uint32_t a) { return extract32(a, p, l); } \
static void g_sext_##p##_##l(TCGv_i32 r, TCGv_i32 a)                     \
{ tcg_gen_sextract_i32(r, a, p, l); }                                     \
static uint32_t r_sext_##p##_##l(uint32_t a) { return sextract32(a, p, l); }
EXT(0, 1) EXT(4, 4) EXT(8, 8) EXT(3, 13) EXT(16, 16) EXT(31, 1) EXT(1, 30)
EXT(0, 24)

#define EXT_ENTRIES(p, l)                                                 \
    { "extract-" #p "-" #l, g_ext_##p##_##l, r_ext_##p##_##l },           \
    { "sextract-" #p "-" #l, g_sext_##p##_##l, r_sext_##p##_##l },

static const Un32 un32[] = {
    { "neg", tcg_gen_neg_i32, r_neg },
    { "not", tcg_gen_not_i32, r_not },
    { "ext8s", tcg_gen_ext8s_i32, r_ext8s },
    { "ext8u", tcg_gen_ext8u_i32, r_ext8u },
    { "ext16s", tcg_gen_ext16s_i32, r_ext16s },
    { "ext16u", tcg_gen_ext16u_i32, r_ext16u },
    { "bswap16", tcg_gen_bswap16_i32, r_bswap16 },
    { "bswap32", tcg_gen_bswap32_i32, r_bswap32 },
    { "abs", tcg_gen_abs_i32, r_abs },
    EXT_ENTRIES(0, 1) EXT_ENTRIES(4, 4) EXT_ENTRIES(8, 8)
    EXT_ENTRIES(3, 13) EXT_ENTRIES(16, 16) EXT_ENTRIES(31, 1)
    EXT_ENTRIES(1, 30) EXT_ENTRIES(0, 24)
};

typedef struct UnCtx {
    const Un32 *op;
    bool konst, alias;
    uint32_t a;
} UnCtx;

static void gen_un32(const void *opaque)
{
    const UnCtx *c = opaque;

    tcg_gen_insn_start(0x1000);
    if (c->konst) {
        c->op->gen(cpu_r[0], tcg_constant_i32(c->a));
    } else if (c->alias) {
        c->op->gen(cpu_r[1], cpu_r[1]);
    } else {
        c->op->gen(cpu_r[0], cpu_r[1]);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void test_un32(const void *data)
{
    const Un32 *op = data;

    for (int k = 0; k < tctx_n; k++) {
        TCGContext *s = tctx[k];

        for (int alias = 0; alias < 2; alias++) {
            UnCtx c = { .op = op, .alias = alias };
            TranslationBlock *tb = tgen(s, gen_un32, &c);

            for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
                CPUArchState env;

                env_init(&env);
                env.r[1] = v32[i];
                trun(s, &env, tb);
                check64(s, op->name, v32[i], 0, env.r[alias ? 1 : 0],
                        op->ref(v32[i]));
            }
        }
        for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
            UnCtx c = { .op = op, .konst = true, .a = v32[i] };
            TranslationBlock *tb = tgen(s, gen_un32, &c);
            CPUArchState env;

            env_init(&env);
            trun(s, &env, tb);
            check64(s, op->name, v32[i], 0, env.r[0], op->ref(v32[i]));
        }
    }
}

/* --- Comparisons: setcond, negsetcond, movcond, brcond ------------------- */

static const TCGCond all_conds[] = {
    TCG_COND_EQ, TCG_COND_NE, TCG_COND_LT, TCG_COND_GE, TCG_COND_LE,
    TCG_COND_GT, TCG_COND_LTU, TCG_COND_GEU, TCG_COND_LEU, TCG_COND_GTU,
    TCG_COND_ALWAYS, TCG_COND_NEVER,
};

static bool ref_cond(TCGCond c, uint64_t a, uint64_t b, bool is64)
{
    int64_t sa = is64 ? (int64_t)a : (int32_t)a;
    int64_t sb = is64 ? (int64_t)b : (int32_t)b;

    switch (c) {
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_LT: return sa < sb;
    case TCG_COND_GE: return sa >= sb;
    case TCG_COND_LE: return sa <= sb;
    case TCG_COND_GT: return sa > sb;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    case TCG_COND_ALWAYS: return true;
    default: return false;
    }
}

typedef struct CondCtx {
    TCGCond cond;
    bool imm;
    uint32_t b;
} CondCtx;

/* r0 = setcond, r3 = negsetcond, r4 = movcond(r6, r7), r5 = branch taken */
static void gen_cond32(const void *opaque)
{
    const CondCtx *c = opaque;
    TCGv_i32 b = c->imm ? tcg_constant_i32(c->b) : cpu_r[2];
    TCGLabel *l = gen_new_label();

    tcg_gen_insn_start(0x1000);
    tcg_gen_setcond_i32(c->cond, cpu_r[0], cpu_r[1], b);
    tcg_gen_negsetcond_i32(c->cond, cpu_r[3], cpu_r[1], b);
    tcg_gen_movcond_i32(c->cond, cpu_r[4], cpu_r[1], b, cpu_r[6], cpu_r[7]);
    tcg_gen_movi_i32(cpu_r[5], 1);
    if (c->imm) {
        tcg_gen_brcondi_i32(c->cond, cpu_r[1], c->b, l);
    } else {
        tcg_gen_brcond_i32(c->cond, cpu_r[1], cpu_r[2], l);
    }
    tcg_gen_movi_i32(cpu_r[5], 0);
    tcg_gen_set_label(l);
    tcg_gen_exit_tb(NULL, 0);
}

static void check_cond32(TCGContext *s, TranslationBlock *tb, TCGCond cond,
                         uint32_t a, uint32_t b)
{
    CPUArchState env;
    bool t = ref_cond(cond, a, b, false);

    env_init(&env);
    env.r[1] = a;
    env.r[2] = b;
    env.r[6] = 0x66;
    env.r[7] = 0x77;
    trun(s, &env, tb);
    check64(s, "setcond", a, b, env.r[0], t);
    check64(s, "negsetcond", a, b, env.r[3], t ? 0xffffffff : 0);
    check64(s, "movcond", a, b, env.r[4], t ? 0x66 : 0x77);
    check64(s, "brcond", a, b, env.r[5], t);
}

static void test_cond32(void)
{
    for (int k = 0; k < tctx_n; k++) {
        for (unsigned ci = 0; ci < ARRAY_SIZE(all_conds); ci++) {
            CondCtx c = { .cond = all_conds[ci] };
            TranslationBlock *tb = tgen(tctx[k], gen_cond32, &c);

            for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
                for (size_t j = 0; j < ARRAY_SIZE(v32); j++) {
                    check_cond32(tctx[k], tb, c.cond, v32[i], v32[j]);
                }
            }
            for (size_t j = 0; j < ARRAY_SIZE(v32); j += 2) {
                c.imm = true;
                c.b = v32[j];
                tb = tgen(tctx[k], gen_cond32, &c);
                for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
                    check_cond32(tctx[k], tb, c.cond, v32[i], v32[j]);
                }
            }
        }
    }
}

/* --- Widening multiplies ------------------------------------------------- */

static void gen_mul2(const void *opaque)
{
    tcg_gen_insn_start(0x1000);
    tcg_gen_mulu2_i32(cpu_r[0], cpu_r[3], cpu_r[1], cpu_r[2]);
    tcg_gen_muls2_i32(cpu_r[4], cpu_r[5], cpu_r[1], cpu_r[2]);
    /* Outputs overwriting the inputs. */
    tcg_gen_mulu2_i32(cpu_r[6], cpu_r[7], cpu_r[1], cpu_r[2]);
    tcg_gen_muls2_i32(cpu_r[1], cpu_r[2], cpu_r[1], cpu_r[2]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_mul2(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_mul2, NULL);

        for (size_t i = 0; i < ARRAY_SIZE(v32); i++) {
            for (size_t j = 0; j < ARRAY_SIZE(v32); j++) {
                uint32_t a = v32[i], b = v32[j];
                uint64_t u = (uint64_t)a * b;
                uint64_t sp = (uint64_t)((int64_t)(int32_t)a * (int32_t)b);
                CPUArchState env;

                env_init(&env);
                env.r[1] = a;
                env.r[2] = b;
                trun(tctx[k], &env, tb);
                check64(tctx[k], "mulu2", a, b,
                        (uint64_t)env.r[3] << 32 | env.r[0], u);
                check64(tctx[k], "muls2", a, b,
                        (uint64_t)env.r[5] << 32 | env.r[4], sp);
                check64(tctx[k], "mulu2-again", a, b,
                        (uint64_t)env.r[7] << 32 | env.r[6], u);
                check64(tctx[k], "muls2-alias", a, b,
                        (uint64_t)env.r[2] << 32 | env.r[1], sp);
            }
        }
    }
}

/* (r3:r0) = (r2:r1) + (r5:r4), (r7:r6) = (r2:r1) - (r5:r4), and the
 * carry-out idiom: add2 with zero high words. */
static void gen_addsub2(const void *opaque)
{
    TCGv_i32 zero = tcg_constant_i32(0);

    tcg_gen_insn_start(0x1000);
    tcg_gen_add2_i32(cpu_r[0], cpu_r[3], cpu_r[1], cpu_r[2], cpu_r[4],
                     cpu_r[5]);
    tcg_gen_sub2_i32(cpu_r[6], cpu_r[7], cpu_r[1], cpu_r[2], cpu_r[4],
                     cpu_r[5]);
    tcg_gen_add2_i32(cpu_r[8], cpu_r[9], cpu_r[1], zero, cpu_r[4], zero);
    tcg_gen_sub2_i32(cpu_r[10], cpu_r[11], cpu_r[1], zero, cpu_r[4], zero);
    /* Outputs overwriting inputs. */
    tcg_gen_add2_i32(cpu_r[1], cpu_r[2], cpu_r[1], cpu_r[2], cpu_r[4],
                     cpu_r[5]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_addsub2(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_addsub2, NULL);

        for (size_t i = 0; i + 1 < ARRAY_SIZE(v32); i++) {
            for (size_t j = 0; j + 1 < ARRAY_SIZE(v32); j++) {
                uint64_t a = (uint64_t)v32[i + 1] << 32 | v32[i];
                uint64_t b = (uint64_t)v32[j + 1] << 32 | v32[j];
                CPUArchState env;

                env_init(&env);
                env.r[1] = a;
                env.r[2] = a >> 32;
                env.r[4] = b;
                env.r[5] = b >> 32;
                trun(tctx[k], &env, tb);
                check64(tctx[k], "add2", a, b,
                        (uint64_t)env.r[3] << 32 | env.r[0], a + b);
                check64(tctx[k], "sub2", a, b,
                        (uint64_t)env.r[7] << 32 | env.r[6], a - b);
                check64(tctx[k], "add2-carry", a, b,
                        (uint64_t)env.r[9] << 32 | env.r[8],
                        (uint64_t)(uint32_t)a + (uint32_t)b);
                check64(tctx[k], "sub2-borrow", a, b,
                        (uint64_t)env.r[11] << 32 | env.r[10],
                        (uint64_t)(uint32_t)a - (uint32_t)b);
                check64(tctx[k], "add2-alias", a, b,
                        (uint64_t)env.r[2] << 32 | env.r[1], a + b);
            }
        }
    }
}

/* --- 64-bit ops and conversions ------------------------------------------ */

typedef struct Bin64 {
    const char *name;
    void (*gen)(TCGv_i64, TCGv_i64, TCGv_i64);
    void (*geni)(TCGv_i64, TCGv_i64, int64_t);
    uint64_t (*ref)(uint64_t, uint64_t);
    bool shift;
} Bin64;

static uint64_t q_add(uint64_t a, uint64_t b) { return a + b; }
static uint64_t q_sub(uint64_t a, uint64_t b) { return a - b; }
static uint64_t q_mul(uint64_t a, uint64_t b) { return a * b; }
static uint64_t q_and(uint64_t a, uint64_t b) { return a & b; }
static uint64_t q_or(uint64_t a, uint64_t b) { return a | b; }
static uint64_t q_xor(uint64_t a, uint64_t b) { return a ^ b; }
static uint64_t q_andc(uint64_t a, uint64_t b) { return a & ~b; }
static uint64_t q_shl(uint64_t a, uint64_t b) { return a << b; }
static uint64_t q_shr(uint64_t a, uint64_t b) { return a >> b; }
static uint64_t q_sar(uint64_t a, uint64_t b) { return (int64_t)a >> b; }
static uint64_t q_rotl(uint64_t a, uint64_t b)
{
    return b ? (a << b) | (a >> (64 - b)) : a;
}
static uint64_t q_divu(uint64_t a, uint64_t b)
{
    return b == 0 ? UINT64_MAX : a / b;
}
static void g_q_dep(TCGv_i64 r, TCGv_i64 a, TCGv_i64 b)
{
    tcg_gen_deposit_i64(r, a, b, 20, 33);
}
static uint64_t q_dep(uint64_t a, uint64_t b)
{
    return deposit64(a, 20, 33, b);
}
static void g_q_muluh(TCGv_i64 r, TCGv_i64 a, TCGv_i64 b)
{
    TCGv_i64 lo = tcg_temp_new_i64();

    tcg_gen_mulu2_i64(lo, r, a, b);
}
static uint64_t q_muluh(uint64_t a, uint64_t b)
{
    return ((unsigned __int128)a * b) >> 64;
}

static const Bin64 bin64[] = {
    { "add", tcg_gen_add_i64, tcg_gen_addi_i64, q_add },
    { "sub", tcg_gen_sub_i64, tcg_gen_subi_i64, q_sub },
    { "mul", tcg_gen_mul_i64, tcg_gen_muli_i64, q_mul },
    { "and", tcg_gen_and_i64, tcg_gen_andi_i64, q_and },
    { "or", tcg_gen_or_i64, tcg_gen_ori_i64, q_or },
    { "xor", tcg_gen_xor_i64, tcg_gen_xori_i64, q_xor },
    { "andc", tcg_gen_andc_i64, NULL, q_andc },
    { "shl", tcg_gen_shl_i64, tcg_gen_shli_i64, q_shl, true },
    { "shr", tcg_gen_shr_i64, tcg_gen_shri_i64, q_shr, true },
    { "sar", tcg_gen_sar_i64, tcg_gen_sari_i64, q_sar, true },
    { "rotl", tcg_gen_rotl_i64, tcg_gen_rotli_i64, q_rotl, true },
    { "divu", tcg_gen_divu_i64, NULL, q_divu },
    { "deposit-20-33", g_q_dep, NULL, q_dep },
    { "mulu2-high", g_q_muluh, NULL, q_muluh },
};

typedef struct Bin64Ctx {
    const Bin64 *op;
    bool imm;
    uint64_t b;
} Bin64Ctx;

static void gen_bin64(const void *opaque)
{
    const Bin64Ctx *c = opaque;

    tcg_gen_insn_start(0x1000);
    if (!c->imm) {
        c->op->gen(cpu_q[0], cpu_q[1], cpu_q[2]);
    } else if (c->op->geni) {
        c->op->geni(cpu_q[0], cpu_q[1], c->b);
    } else {
        c->op->gen(cpu_q[0], cpu_q[1], tcg_constant_i64(c->b));
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void test_bin64(const void *data)
{
    const Bin64 *op = data;
    const uint64_t *bv = op->shift ? sh64 : v64;
    size_t nb = op->shift ? ARRAY_SIZE(sh64) : ARRAY_SIZE(v64);

    for (int k = 0; k < tctx_n; k++) {
        for (int imm = 0; imm < 2; imm++) {
            for (size_t j = 0; j < nb; j++) {
                Bin64Ctx c = { .op = op, .imm = imm, .b = bv[j] };
                TranslationBlock *tb;

                if (!imm && j > 0) {
                    break;
                }
                tb = tgen(tctx[k], gen_bin64, &c);
                for (size_t i = 0; i < ARRAY_SIZE(v64); i++) {
                    for (size_t jj = imm ? j : 0; jj < (imm ? j + 1 : nb);
                         jj++) {
                        CPUArchState env;

                        env_init(&env);
                        env.q[1] = v64[i];
                        env.q[2] = bv[jj];
                        trun(tctx[k], &env, tb);
                        check64(tctx[k], op->name, v64[i], bv[jj], env.q[0],
                                op->ref(v64[i], bv[jj]));
                    }
                }
            }
        }
    }
}

static void gen_conv(const void *opaque)
{
    tcg_gen_insn_start(0x1000);
    tcg_gen_ext_i32_i64(cpu_q[0], cpu_r[1]);
    tcg_gen_extu_i32_i64(cpu_q[2], cpu_r[1]);
    tcg_gen_extrl_i64_i32(cpu_r[3], cpu_q[1]);
    tcg_gen_extrh_i64_i32(cpu_r[4], cpu_q[1]);
    tcg_gen_concat_i32_i64(cpu_q[3], cpu_r[1], cpu_r[2]);
    tcg_gen_ext32s_i64(cpu_q[4], cpu_q[1]);
    tcg_gen_ext32u_i64(cpu_q[5], cpu_q[1]);
    tcg_gen_ext8s_i64(cpu_q[6], cpu_q[1]);
    tcg_gen_ext16u_i64(cpu_q[7], cpu_q[1]);
    tcg_gen_extr_i64_i32(cpu_r[5], cpu_r[6], cpu_q[1]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_conversions(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_conv, NULL);

        for (size_t i = 0; i < ARRAY_SIZE(v64); i++) {
            uint64_t q = v64[i];
            uint32_t a = v32[i], b = v32[i + 1];
            CPUArchState env;

            env_init(&env);
            env.q[1] = q;
            env.r[1] = a;
            env.r[2] = b;
            trun(tctx[k], &env, tb);
            check64(tctx[k], "ext_i32_i64", a, 0, env.q[0],
                    (uint64_t)(int64_t)(int32_t)a);
            check64(tctx[k], "extu_i32_i64", a, 0, env.q[2], a);
            check64(tctx[k], "extrl", q, 0, env.r[3], (uint32_t)q);
            check64(tctx[k], "extrh", q, 0, env.r[4], q >> 32);
            check64(tctx[k], "concat", a, b, env.q[3],
                    (uint64_t)b << 32 | a);
            check64(tctx[k], "ext32s", q, 0, env.q[4],
                    (uint64_t)(int64_t)(int32_t)q);
            check64(tctx[k], "ext32u", q, 0, env.q[5], (uint32_t)q);
            check64(tctx[k], "ext8s_i64", q, 0, env.q[6],
                    (uint64_t)(int64_t)(int8_t)q);
            check64(tctx[k], "ext16u_i64", q, 0, env.q[7], (uint16_t)q);
            check64(tctx[k], "extr", q, 0,
                    (uint64_t)env.r[6] << 32 | env.r[5], q);
        }
    }
}

static void gen_cond64(const void *opaque)
{
    const CondCtx *c = opaque;
    TCGLabel *l = gen_new_label();
    TCGv_i64 one = tcg_temp_new_i64();

    tcg_gen_insn_start(0x1000);
    tcg_gen_setcond_i64(c->cond, cpu_q[0], cpu_q[1], cpu_q[2]);
    tcg_gen_movcond_i64(c->cond, cpu_q[3], cpu_q[1], cpu_q[2], cpu_q[6],
                        cpu_q[7]);
    tcg_gen_negsetcond_i64(c->cond, cpu_q[4], cpu_q[1], cpu_q[2]);
    tcg_gen_movi_i64(one, 1);
    tcg_gen_mov_i64(cpu_q[5], one);
    tcg_gen_brcond_i64(c->cond, cpu_q[1], cpu_q[2], l);
    tcg_gen_movi_i64(cpu_q[5], 0);
    tcg_gen_set_label(l);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_cond64(void)
{
    for (int k = 0; k < tctx_n; k++) {
        for (unsigned ci = 0; ci < ARRAY_SIZE(all_conds); ci++) {
            CondCtx c = { .cond = all_conds[ci] };
            TranslationBlock *tb = tgen(tctx[k], gen_cond64, &c);

            for (size_t i = 0; i < ARRAY_SIZE(v64); i++) {
                for (size_t j = 0; j < ARRAY_SIZE(v64); j++) {
                    uint64_t a = v64[i], b = v64[j];
                    bool t = ref_cond(c.cond, a, b, true);
                    CPUArchState env;

                    env_init(&env);
                    env.q[1] = a;
                    env.q[2] = b;
                    env.q[6] = 0x6666666666ull;
                    env.q[7] = 0x7777777777ull;
                    trun(tctx[k], &env, tb);
                    check64(tctx[k], "setcond_i64", a, b, env.q[0], t);
                    check64(tctx[k], "movcond_i64", a, b, env.q[3],
                            t ? env.q[6] : env.q[7]);
                    check64(tctx[k], "negsetcond_i64", a, b, env.q[4],
                            t ? UINT64_MAX : 0);
                    check64(tctx[k], "brcond_i64", a, b, env.q[5], t);
                }
            }
        }
    }
}

/* --- Host memory: ld/st relative to env ---------------------------------- */

static void gen_env_ldst(const void *opaque)
{
    tcg_gen_insn_start(0x1000);
    tcg_gen_ld8u_i32(cpu_r[0], tcg_env, offsetof(CPUArchState, bytes[1]));
    tcg_gen_ld8s_i32(cpu_r[1], tcg_env, offsetof(CPUArchState, bytes[1]));
    tcg_gen_ld16u_i32(cpu_r[2], tcg_env, offsetof(CPUArchState, bytes[2]));
    tcg_gen_ld16s_i32(cpu_r[3], tcg_env, offsetof(CPUArchState, bytes[2]));
    tcg_gen_ld_i32(cpu_r[4], tcg_env, offsetof(CPUArchState, bytes[4]));
    tcg_gen_ld32s_i64(cpu_q[0], tcg_env, offsetof(CPUArchState, bytes[4]));
    tcg_gen_ld32u_i64(cpu_q[1], tcg_env, offsetof(CPUArchState, bytes[4]));
    tcg_gen_ld16s_i64(cpu_q[2], tcg_env, offsetof(CPUArchState, bytes[2]));
    tcg_gen_ld8u_i64(cpu_q[3], tcg_env, offsetof(CPUArchState, bytes[1]));
    tcg_gen_ld_i64(cpu_q[4], tcg_env, offsetof(CPUArchState, bytes[8]));
    tcg_gen_st8_i32(cpu_r[8], tcg_env, offsetof(CPUArchState, bytes[8]));
    tcg_gen_st16_i32(cpu_r[8], tcg_env, offsetof(CPUArchState, bytes[10]));
    tcg_gen_st_i32(tcg_constant_i32(0x5a5a5a5a), tcg_env,
                   offsetof(CPUArchState, bytes[12]));
    tcg_gen_st32_i64(cpu_q[5], tcg_env, offsetof(CPUArchState, bytes[0]));
    tcg_gen_exit_tb(NULL, 0);
}

static void test_env_ldst(void)
{
    static const uint8_t init[16] = {
        0x11, 0x92, 0x34, 0x86, 0x78, 0x56, 0x34, 0xf2,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    };

    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_env_ldst, NULL);
        CPUArchState env;

        env_init(&env);
        memcpy(env.bytes, init, 16);
        env.r[8] = 0xcafebabe;
        env.q[5] = 0x1122334455667788ull;
        trun(tctx[k], &env, tb);
        g_assert_cmphex(env.r[0], ==, 0x92);
        g_assert_cmphex(env.r[1], ==, 0xffffff92);
        g_assert_cmphex(env.r[2], ==, 0x8634);
        g_assert_cmphex(env.r[3], ==, 0xffff8634);
        g_assert_cmphex(env.r[4], ==, 0xf2345678);
        g_assert_cmphex(env.q[0], ==, 0xfffffffff2345678ull);
        g_assert_cmphex(env.q[1], ==, 0xf2345678);
        g_assert_cmphex(env.q[2], ==, 0xffffffffffff8634ull);
        g_assert_cmphex(env.q[3], ==, 0x92);
        g_assert_cmphex(env.q[4], ==, 0x0807060504030201ull);
        g_assert_cmphex(env.bytes[8], ==, 0xbe);
        g_assert_cmphex(env.bytes[10] | env.bytes[11] << 8, ==, 0xbabe);
        g_assert_cmphex(ldl_le_p(&env.bytes[12]), ==, 0x5a5a5a5a);
        g_assert_cmphex(ldl_le_p(&env.bytes[0]), ==, 0x55667788);
    }
}

#include "test-tcg-ops-ctl.c.inc"
