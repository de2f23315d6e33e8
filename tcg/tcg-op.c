/*
 * The tcg_gen_* API: turns frontend requests into ops.
 *
 * The i32 and i64 forms share one implementation working on TCGTemps
 * with a TCGType.  Trivial cases (add 0, and -1...) are folded here so the
 * op list stays readable; everything else is left to the optimizer.
 * Division and the 64-bit high multiply become helper calls, so no
 * backend needs the host's awkward fixed-register divide.
 */
#include "qemu/osdep.h"
#include "tcg/tcg-op.h"
#include "tcg-internal.h"

#define T32(x) tcgv_i32_temp(x)
#define T64(x) tcgv_i64_temp(x)
#define TP(x)  tcgv_ptr_temp(x)

static TCGOpcode opc_t(TCGOpcode opc32, TCGType type)
{
    return tcg_op_for_type(opc32, type);
}

static TCGOp *op1(TCGOpcode opc, TCGTemp *a)
{
    TCGOp *op = tcg_emit_op(opc, 1);

    op->args[0] = temp_arg(a);
    return op;
}

static TCGOp *op2(TCGOpcode opc, TCGTemp *a, TCGTemp *b)
{
    TCGOp *op = tcg_emit_op(opc, tcg_op_defs[opc].nb_args);

    op->args[0] = temp_arg(a);
    op->args[1] = temp_arg(b);
    return op;
}

static TCGOp *op3(TCGOpcode opc, TCGTemp *a, TCGTemp *b, TCGTemp *c)
{
    TCGOp *op = tcg_emit_op(opc, tcg_op_defs[opc].nb_args);

    op->args[0] = temp_arg(a);
    op->args[1] = temp_arg(b);
    op->args[2] = temp_arg(c);
    return op;
}

static TCGOp *op4(TCGOpcode opc, TCGTemp *a, TCGTemp *b, TCGTemp *c,
                  TCGTemp *d)
{
    TCGOp *op = tcg_emit_op(opc, tcg_op_defs[opc].nb_args);

    op->args[0] = temp_arg(a);
    op->args[1] = temp_arg(b);
    op->args[2] = temp_arg(c);
    op->args[3] = temp_arg(d);
    return op;
}

static TCGTemp *cst(TCGType type, int64_t v)
{
    return tcg_constant_internal(type, v);
}

static int type_bits(TCGType type)
{
    return type == TCG_TYPE_I32 ? 32 : 64;
}

/* --- Helpers used for division and high multiplication ------------------- */

/*
 * Division by zero and INT_MIN / -1 are undefined in C and trap on x86;
 * the frontend must test for them (as the guest ISA defines).  These
 * helpers still give a fixed answer so a buggy frontend cannot crash the
 * host: x / 0 = -1 and x % 0 = x; INT_MIN / -1 = INT_MIN, remainder 0.
 */
static int32_t tcg_helper_div_i32(int32_t a, int32_t b)
{
    return b == 0 ? -1 : (b == -1 ? (int32_t)(0u - (uint32_t)a) : a / b);
}

static int32_t tcg_helper_rem_i32(int32_t a, int32_t b)
{
    return b == 0 ? a : (b == -1 ? 0 : a % b);
}

static uint32_t tcg_helper_divu_i32(uint32_t a, uint32_t b)
{
    return b == 0 ? UINT32_MAX : a / b;
}

static uint32_t tcg_helper_remu_i32(uint32_t a, uint32_t b)
{
    return b == 0 ? a : a % b;
}

static int64_t tcg_helper_div_i64(int64_t a, int64_t b)
{
    return b == 0 ? -1 : (b == -1 ? (int64_t)(0ull - (uint64_t)a) : a / b);
}

static int64_t tcg_helper_rem_i64(int64_t a, int64_t b)
{
    return b == 0 ? a : (b == -1 ? 0 : a % b);
}

static uint64_t tcg_helper_divu_i64(uint64_t a, uint64_t b)
{
    return b == 0 ? UINT64_MAX : a / b;
}

static uint64_t tcg_helper_remu_i64(uint64_t a, uint64_t b)
{
    return b == 0 ? a : a % b;
}

static uint64_t tcg_helper_muluh_i64(uint64_t a, uint64_t b)
{
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t tcg_helper_mulsh_i64(uint64_t a, uint64_t b)
{
    return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
}

#define TM3(r, a, b) (dh_typecode_##r | dh_typecode_##a << 3 | \
                      dh_typecode_##b << 6)
#define INFO(fn, r, a, b) { .func = (void *)fn, .name = #fn, \
                            .flags = TCG_CALL_NO_RWG_SE, \
                            .typemask = TM3(r, a, b) }

static const TCGHelperInfo info_div_i32 =
    INFO(tcg_helper_div_i32, s32, s32, s32);
static const TCGHelperInfo info_rem_i32 =
    INFO(tcg_helper_rem_i32, s32, s32, s32);
static const TCGHelperInfo info_divu_i32 =
    INFO(tcg_helper_divu_i32, i32, i32, i32);
static const TCGHelperInfo info_remu_i32 =
    INFO(tcg_helper_remu_i32, i32, i32, i32);
static const TCGHelperInfo info_div_i64 =
    INFO(tcg_helper_div_i64, s64, s64, s64);
static const TCGHelperInfo info_rem_i64 =
    INFO(tcg_helper_rem_i64, s64, s64, s64);
static const TCGHelperInfo info_divu_i64 =
    INFO(tcg_helper_divu_i64, i64, i64, i64);
static const TCGHelperInfo info_remu_i64 =
    INFO(tcg_helper_remu_i64, i64, i64, i64);
static const TCGHelperInfo info_muluh_i64 =
    INFO(tcg_helper_muluh_i64, i64, i64, i64);
static const TCGHelperInfo info_mulsh_i64 =
    INFO(tcg_helper_mulsh_i64, i64, i64, i64);

/* The execution loop's lookup: reads the PC global, writes nothing. */
static const TCGHelperInfo info_lookup_tb_ptr = {
    .func = (void *)helper_lookup_tb_ptr, .name = "lookup_tb_ptr",
    .flags = TCG_CALL_NO_WG_SE,
    .typemask = dh_typecode_ptr | dh_typecode_ptr << 3,
};

static void gen_call2(const TCGHelperInfo *info, TCGTemp *r, TCGTemp *a,
                      TCGTemp *b)
{
    TCGTemp *args[2] = { a, b };

    tcg_gen_callN(info, r, args);
}

/* --- Type-generic implementations ---------------------------------------- */

static void gen_mov(TCGType t, TCGTemp *r, TCGTemp *a)
{
    if (r != a) {
        op2(opc_t(INDEX_op_mov_i32, t), r, a);
    }
}

static void gen_movi(TCGType t, TCGTemp *r, int64_t v)
{
    gen_mov(t, r, cst(t, v));
}

static void gen_binop(TCGOpcode opc32, TCGType t, TCGTemp *r, TCGTemp *a,
                      TCGTemp *b)
{
    op3(opc_t(opc32, t), r, a, b);
}

static void gen_unop(TCGOpcode opc32, TCGType t, TCGTemp *r, TCGTemp *a)
{
    op2(opc_t(opc32, t), r, a);
}

static void gen_addi(TCGType t, TCGTemp *r, TCGTemp *a, int64_t b)
{
    if (b == 0) {
        gen_mov(t, r, a);
    } else {
        gen_binop(INDEX_op_add_i32, t, r, a, cst(t, b));
    }
}

static void gen_muli(TCGType t, TCGTemp *r, TCGTemp *a, int64_t b)
{
    if (b == 0) {
        gen_movi(t, r, 0);
    } else if (b > 0 && !(b & (b - 1))) {
        int sh = __builtin_ctzll(b);

        if (sh == 0) {
            gen_mov(t, r, a);
        } else {
            gen_binop(INDEX_op_shl_i32, t, r, a, cst(t, sh));
        }
    } else {
        gen_binop(INDEX_op_mul_i32, t, r, a, cst(t, b));
    }
}

static void gen_andi(TCGType t, TCGTemp *r, TCGTemp *a, int64_t b)
{
    uint64_t m = t == TCG_TYPE_I32 ? (uint32_t)b : (uint64_t)b;
    uint64_t all = t == TCG_TYPE_I32 ? UINT32_MAX : UINT64_MAX;

    if (m == 0) {
        gen_movi(t, r, 0);
    } else if (m == all) {
        gen_mov(t, r, a);
    } else if (m == 0xff) {
        gen_unop(INDEX_op_ext8u_i32, t, r, a);
    } else if (m == 0xffff) {
        gen_unop(INDEX_op_ext16u_i32, t, r, a);
    } else if (m == UINT32_MAX) {
        op2(INDEX_op_ext32u_i64, r, a);
    } else {
        gen_binop(INDEX_op_and_i32, t, r, a, cst(t, b));
    }
}

static void gen_ori(TCGType t, TCGTemp *r, TCGTemp *a, int64_t b)
{
    if (b == -1 || (t == TCG_TYPE_I32 && (uint32_t)b == UINT32_MAX)) {
        gen_movi(t, r, -1);
    } else if (b == 0) {
        gen_mov(t, r, a);
    } else {
        gen_binop(INDEX_op_or_i32, t, r, a, cst(t, b));
    }
}

static void gen_xori(TCGType t, TCGTemp *r, TCGTemp *a, int64_t b)
{
    if (b == 0) {
        gen_mov(t, r, a);
    } else if (b == -1 || (t == TCG_TYPE_I32 && (uint32_t)b == UINT32_MAX)) {
        gen_unop(INDEX_op_not_i32, t, r, a);
    } else {
        gen_binop(INDEX_op_xor_i32, t, r, a, cst(t, b));
    }
}

static void gen_shifti(TCGOpcode opc32, TCGType t, TCGTemp *r, TCGTemp *a,
                       int64_t b)
{
    g_assert(b >= 0 && b < type_bits(t));
    if (b == 0) {
        gen_mov(t, r, a);
    } else {
        gen_binop(opc32, t, r, a, cst(t, b));
    }
}

static void gen_deposit(TCGType t, TCGTemp *r, TCGTemp *base, TCGTemp *f,
                        unsigned pos, unsigned len)
{
    TCGOp *op;

    g_assert(len > 0 && pos + len <= (unsigned)type_bits(t));
    if (len == (unsigned)type_bits(t)) {
        gen_mov(t, r, f);
        return;
    }
    op = op3(opc_t(INDEX_op_deposit_i32, t), r, base, f);
    op->args[3] = pos;
    op->args[4] = len;
}

static void gen_extract(TCGType t, TCGTemp *r, TCGTemp *a, unsigned pos,
                        unsigned len, bool sign)
{
    unsigned bits = type_bits(t);
    TCGOp *op;

    g_assert(len > 0 && pos + len <= bits);
    if (pos + len == bits) {
        gen_shifti(sign ? INDEX_op_sar_i32 : INDEX_op_shr_i32, t, r, a, pos);
        return;
    }
    if (pos == 0 && (len == 8 || len == 16 || len == 32)) {
        if (len == 32) {
            op2(sign ? INDEX_op_ext32s_i64 : INDEX_op_ext32u_i64, r, a);
        } else if (len == 8) {
            gen_unop(sign ? INDEX_op_ext8s_i32 : INDEX_op_ext8u_i32, t, r, a);
        } else {
            gen_unop(sign ? INDEX_op_ext16s_i32 : INDEX_op_ext16u_i32,
                     t, r, a);
        }
        return;
    }
    op = op2(opc_t(sign ? INDEX_op_sextract_i32 : INDEX_op_extract_i32, t),
             r, a);
    op->args[2] = pos;
    op->args[3] = len;
}

static void gen_setcond(TCGOpcode opc32, TCGType t, TCGCond c, TCGTemp *r,
                        TCGTemp *a, TCGTemp *b)
{
    bool neg = opc32 == INDEX_op_negsetcond_i32;
    TCGOp *op;

    if (c == TCG_COND_ALWAYS) {
        gen_movi(t, r, neg ? -1 : 1);
    } else if (c == TCG_COND_NEVER) {
        gen_movi(t, r, 0);
    } else {
        op = op3(opc_t(opc32, t), r, a, b);
        op->args[3] = c;
    }
}

static void gen_movcond(TCGType t, TCGCond c, TCGTemp *r, TCGTemp *c1,
                        TCGTemp *c2, TCGTemp *v1, TCGTemp *v2)
{
    TCGOp *op;

    if (c == TCG_COND_ALWAYS) {
        gen_mov(t, r, v1);
    } else if (c == TCG_COND_NEVER) {
        gen_mov(t, r, v2);
    } else {
        op = tcg_emit_op(opc_t(INDEX_op_movcond_i32, t), 6);
        op->args[0] = temp_arg(r);
        op->args[1] = temp_arg(c1);
        op->args[2] = temp_arg(c2);
        op->args[3] = temp_arg(v1);
        op->args[4] = temp_arg(v2);
        op->args[5] = c;
    }
}

static void gen_brcond(TCGType t, TCGCond c, TCGTemp *a, TCGTemp *b,
                       TCGLabel *l)
{
    TCGOp *op;

    if (c == TCG_COND_ALWAYS) {
        tcg_gen_br(l);
    } else if (c != TCG_COND_NEVER) {
        op = op2(opc_t(INDEX_op_brcond_i32, t), a, b);
        op->args[2] = c;
        op->args[3] = label_arg(l);
        l->refs++;
    }
}

static void gen_ldst(TCGOpcode opc, TCGTemp *v, TCGTemp *base, intptr_t off)
{
    TCGOp *op = op2(opc, v, base);

    op->args[2] = off;
}

/* --- Wrappers: one line per API entry ------------------------------------ */

#define W_MOV(sfx, T, TY)                                                  \
void tcg_gen_mov_##sfx(TCGv_##sfx r, TCGv_##sfx a)                         \
{ gen_mov(TY, T(r), T(a)); }
#define W_MOVI(sfx, T, TY, CT)                                             \
void tcg_gen_movi_##sfx(TCGv_##sfx r, CT v)                                \
{ gen_movi(TY, T(r), v); }
#define W_BIN(name, sfx, T, TY)                                            \
void tcg_gen_##name##_##sfx(TCGv_##sfx r, TCGv_##sfx a, TCGv_##sfx b)     \
{ gen_binop(INDEX_op_##name##_i32, TY, T(r), T(a), T(b)); }
#define W_UN(name, sfx, T, TY)                                             \
void tcg_gen_##name##_##sfx(TCGv_##sfx r, TCGv_##sfx a)                    \
{ gen_unop(INDEX_op_##name##_i32, TY, T(r), T(a)); }
#define W_SHI(name, sfx, T, TY, CT)                                        \
void tcg_gen_##name##i_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)             \
{ gen_shifti(INDEX_op_##name##_i32, TY, T(r), T(a), b); }
#define W_CALL(name, sfx, T)                                               \
void tcg_gen_##name##_##sfx(TCGv_##sfx r, TCGv_##sfx a, TCGv_##sfx b)     \
{ gen_call2(&info_##name##_##sfx, T(r), T(a), T(b)); }

#define W_ALL(sfx, T, TY, CT)                                              \
W_MOV(sfx, T, TY)                                                          \
W_MOVI(sfx, T, TY, CT)                                                     \
W_BIN(add, sfx, T, TY) W_BIN(sub, sfx, T, TY) W_BIN(mul, sfx, T, TY)       \
W_BIN(and, sfx, T, TY) W_BIN(or, sfx, T, TY) W_BIN(xor, sfx, T, TY)        \
W_BIN(andc, sfx, T, TY) W_BIN(orc, sfx, T, TY) W_BIN(shl, sfx, T, TY)      \
W_BIN(shr, sfx, T, TY) W_BIN(sar, sfx, T, TY) W_BIN(rotl, sfx, T, TY)      \
W_BIN(rotr, sfx, T, TY)                                                    \
W_UN(neg, sfx, T, TY) W_UN(not, sfx, T, TY) W_UN(ext8s, sfx, T, TY)        \
W_UN(ext8u, sfx, T, TY) W_UN(ext16s, sfx, T, TY) W_UN(ext16u, sfx, T, TY)  \
W_SHI(shl, sfx, T, TY, CT) W_SHI(shr, sfx, T, TY, CT)                      \
W_SHI(sar, sfx, T, TY, CT) W_SHI(rotl, sfx, T, TY, CT)                     \
W_CALL(div, sfx, T) W_CALL(rem, sfx, T) W_CALL(divu, sfx, T)               \
W_CALL(remu, sfx, T)                                                       \
void tcg_gen_addi_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                  \
{ gen_addi(TY, T(r), T(a), b); }                                           \
void tcg_gen_subi_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                  \
{ gen_addi(TY, T(r), T(a), (CT)(0 - (u##CT)b)); }                          \
void tcg_gen_subfi_##sfx(TCGv_##sfx r, CT a, TCGv_##sfx b)                 \
{ gen_binop(INDEX_op_sub_i32, TY, T(r), cst(TY, a), T(b)); }               \
void tcg_gen_muli_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                  \
{ gen_muli(TY, T(r), T(a), b); }                                           \
void tcg_gen_andi_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                  \
{ gen_andi(TY, T(r), T(a), b); }                                           \
void tcg_gen_ori_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                   \
{ gen_ori(TY, T(r), T(a), b); }                                            \
void tcg_gen_xori_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                  \
{ gen_xori(TY, T(r), T(a), b); }                                           \
void tcg_gen_rotri_##sfx(TCGv_##sfx r, TCGv_##sfx a, CT b)                 \
{                                                                          \
    g_assert(b >= 0 && b < type_bits(TY));                                 \
    gen_shifti(INDEX_op_rotl_i32, TY, T(r), T(a),                          \
               b ? type_bits(TY) - b : 0);                                 \
}                                                                          \
void tcg_gen_deposit_##sfx(TCGv_##sfx r, TCGv_##sfx base, TCGv_##sfx f,   \
                           unsigned pos, unsigned len)                     \
{ gen_deposit(TY, T(r), T(base), T(f), pos, len); }                        \
void tcg_gen_extract_##sfx(TCGv_##sfx r, TCGv_##sfx a, unsigned pos,       \
                           unsigned len)                                   \
{ gen_extract(TY, T(r), T(a), pos, len, false); }                          \
void tcg_gen_sextract_##sfx(TCGv_##sfx r, TCGv_##sfx a, unsigned pos,      \
                            unsigned len)                                  \
{ gen_extract(TY, T(r), T(a), pos, len, true); }                           \
void tcg_gen_setcond_##sfx(TCGCond c, TCGv_##sfx r, TCGv_##sfx a,          \
                           TCGv_##sfx b)                                   \
{ gen_setcond(INDEX_op_setcond_i32, TY, c, T(r), T(a), T(b)); }            \
void tcg_gen_setcondi_##sfx(TCGCond c, TCGv_##sfx r, TCGv_##sfx a, CT b)   \
{ gen_setcond(INDEX_op_setcond_i32, TY, c, T(r), T(a), cst(TY, b)); }      \
void tcg_gen_negsetcond_##sfx(TCGCond c, TCGv_##sfx r, TCGv_##sfx a,       \
                              TCGv_##sfx b)                                \
{ gen_setcond(INDEX_op_negsetcond_i32, TY, c, T(r), T(a), T(b)); }         \
void tcg_gen_movcond_##sfx(TCGCond c, TCGv_##sfx r, TCGv_##sfx c1,         \
                           TCGv_##sfx c2, TCGv_##sfx v1, TCGv_##sfx v2)    \
{ gen_movcond(TY, c, T(r), T(c1), T(c2), T(v1), T(v2)); }                  \
void tcg_gen_brcond_##sfx(TCGCond c, TCGv_##sfx a, TCGv_##sfx b,           \
                          TCGLabel *l)                                     \
{ gen_brcond(TY, c, T(a), T(b), l); }                                      \
void tcg_gen_brcondi_##sfx(TCGCond c, TCGv_##sfx a, CT b, TCGLabel *l)     \
{ gen_brcond(TY, c, T(a), cst(TY, b), l); }                                \
void tcg_gen_discard_##sfx(TCGv_##sfx a)                                   \
{ op1(INDEX_op_discard, T(a)); }

W_ALL(i32, T32, TCG_TYPE_I32, int32_t)
W_ALL(i64, T64, TCG_TYPE_I64, int64_t)

void tcg_gen_negsetcondi_i32(TCGCond c, TCGv_i32 r, TCGv_i32 a, int32_t b)
{
    gen_setcond(INDEX_op_negsetcond_i32, TCG_TYPE_I32, c, T32(r), T32(a),
                cst(TCG_TYPE_I32, b));
}

void tcg_gen_eqv_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_xor_i32(r, a, b);
    tcg_gen_not_i32(r, r);
}

void tcg_gen_nand_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_and_i32(r, a, b);
    tcg_gen_not_i32(r, r);
}

void tcg_gen_nor_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_or_i32(r, a, b);
    tcg_gen_not_i32(r, r);
}

void tcg_gen_deposit_z_i32(TCGv_i32 r, TCGv_i32 f, unsigned pos,
                           unsigned len)
{
    g_assert(len > 0 && pos + len <= 32);
    if (len == 32) {
        tcg_gen_mov_i32(r, f);
    } else {
        tcg_gen_andi_i32(r, f, (1u << len) - 1);
        tcg_gen_shli_i32(r, r, pos);
    }
}

void tcg_gen_bswap16_i32(TCGv_i32 r, TCGv_i32 a)
{
    op2(INDEX_op_bswap16_i32, T32(r), T32(a));
}

void tcg_gen_bswap32_i32(TCGv_i32 r, TCGv_i32 a)
{
    op2(INDEX_op_bswap32_i32, T32(r), T32(a));
}

void tcg_gen_bswap64_i64(TCGv_i64 r, TCGv_i64 a)
{
    op2(INDEX_op_bswap64_i64, T64(r), T64(a));
}

void tcg_gen_ext32s_i64(TCGv_i64 r, TCGv_i64 a)
{
    op2(INDEX_op_ext32s_i64, T64(r), T64(a));
}

void tcg_gen_ext32u_i64(TCGv_i64 r, TCGv_i64 a)
{
    op2(INDEX_op_ext32u_i64, T64(r), T64(a));
}

void tcg_gen_smin_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_movcond_i32(TCG_COND_LT, r, a, b, a, b);
}

void tcg_gen_smax_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_movcond_i32(TCG_COND_LT, r, a, b, b, a);
}

void tcg_gen_umin_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_movcond_i32(TCG_COND_LTU, r, a, b, a, b);
}

void tcg_gen_umax_i32(TCGv_i32 r, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_movcond_i32(TCG_COND_LTU, r, a, b, b, a);
}

void tcg_gen_abs_i32(TCGv_i32 r, TCGv_i32 a)
{
    TCGv_i32 t = tcg_temp_ebb_new_i32();

    /* (a ^ s) - s with s = a >> 31: no branch, no movcond. */
    tcg_gen_sari_i32(t, a, 31);
    tcg_gen_xor_i32(r, a, t);
    tcg_gen_sub_i32(r, r, t);
    tcg_temp_free_i32(t);
}

void tcg_gen_mulu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b)
{
    op4(INDEX_op_mulu2_i32, T32(rl), T32(rh), T32(a), T32(b));
}

void tcg_gen_muls2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b)
{
    op4(INDEX_op_muls2_i32, T32(rl), T32(rh), T32(a), T32(b));
}

static void gen_mul2_i64(const TCGHelperInfo *hi, TCGv_i64 rl, TCGv_i64 rh,
                         TCGv_i64 a, TCGv_i64 b)
{
    TCGv_i64 lo = tcg_temp_ebb_new_i64();

    /* Compute both halves before writing either: rl may alias a or b. */
    tcg_gen_mul_i64(lo, a, b);
    gen_call2(hi, T64(rh), T64(a), T64(b));
    tcg_gen_mov_i64(rl, lo);
    tcg_temp_free_i64(lo);
}

void tcg_gen_mulu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b)
{
    gen_mul2_i64(&info_muluh_i64, rl, rh, a, b);
}

void tcg_gen_muls2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b)
{
    gen_mul2_i64(&info_mulsh_i64, rl, rh, a, b);
}

static void gen_addsub2_i32(bool sub, TCGv_i32 rl, TCGv_i32 rh,
                            TCGv_i32 al, TCGv_i32 ah, TCGv_i32 bl,
                            TCGv_i32 bh)
{
    TCGv_i64 x = tcg_temp_ebb_new_i64();
    TCGv_i64 y = tcg_temp_ebb_new_i64();

    tcg_gen_concat_i32_i64(x, al, ah);
    tcg_gen_concat_i32_i64(y, bl, bh);
    if (sub) {
        tcg_gen_sub_i64(x, x, y);
    } else {
        tcg_gen_add_i64(x, x, y);
    }
    tcg_gen_extr_i64_i32(rl, rh, x);
    tcg_temp_free_i64(x);
    tcg_temp_free_i64(y);
}

void tcg_gen_add2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh)
{
    gen_addsub2_i32(false, rl, rh, al, ah, bl, bh);
}

void tcg_gen_sub2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh)
{
    gen_addsub2_i32(true, rl, rh, al, ah, bl, bh);
}

/* --- Loads and stores relative to a host pointer ------------------------- */

#define W_LD(name, sfx, T)                                                 \
void tcg_gen_##name##_##sfx(TCGv_##sfx r, TCGv_ptr base, intptr_t off)     \
{ gen_ldst(INDEX_op_##name##_##sfx, T(r), TP(base), off); }
#define W_ST(name, sfx, T)                                                 \
void tcg_gen_##name##_##sfx(TCGv_##sfx v, TCGv_ptr base, intptr_t off)     \
{ gen_ldst(INDEX_op_##name##_##sfx, T(v), TP(base), off); }

W_LD(ld8u, i32, T32) W_LD(ld8s, i32, T32) W_LD(ld16u, i32, T32)
W_LD(ld16s, i32, T32) W_LD(ld, i32, T32)
W_ST(st8, i32, T32) W_ST(st16, i32, T32) W_ST(st, i32, T32)
W_LD(ld8u, i64, T64) W_LD(ld8s, i64, T64) W_LD(ld16u, i64, T64)
W_LD(ld16s, i64, T64) W_LD(ld32u, i64, T64) W_LD(ld32s, i64, T64)
W_LD(ld, i64, T64)
W_ST(st8, i64, T64) W_ST(st16, i64, T64) W_ST(st32, i64, T64)
W_ST(st, i64, T64)

/* --- Between sizes and pointers ------------------------------------------ */

void tcg_gen_ext_i32_i64(TCGv_i64 r, TCGv_i32 a)
{
    op2(INDEX_op_ext_i32_i64, T64(r), T32(a));
}

void tcg_gen_extu_i32_i64(TCGv_i64 r, TCGv_i32 a)
{
    op2(INDEX_op_extu_i32_i64, T64(r), T32(a));
}

void tcg_gen_extrl_i64_i32(TCGv_i32 r, TCGv_i64 a)
{
    op2(INDEX_op_extrl_i64_i32, T32(r), T64(a));
}

void tcg_gen_extrh_i64_i32(TCGv_i32 r, TCGv_i64 a)
{
    op2(INDEX_op_extrh_i64_i32, T32(r), T64(a));
}

void tcg_gen_extr_i64_i32(TCGv_i32 lo, TCGv_i32 hi, TCGv_i64 a)
{
    TCGv_i64 t = tcg_temp_ebb_new_i64();

    /* @a may be written through @lo's or @hi's aliases: copy it first. */
    tcg_gen_mov_i64(t, a);
    tcg_gen_extrl_i64_i32(lo, t);
    tcg_gen_extrh_i64_i32(hi, t);
    tcg_temp_free_i64(t);
}

void tcg_gen_concat_i32_i64(TCGv_i64 r, TCGv_i32 lo, TCGv_i32 hi)
{
    TCGTemp *h = T32(hi);
    TCGv_i64 t;

    /* add2/sub2 with a zero high word are how carries get computed. */
    if (h->kind == TEMP_CONST && h->val == 0) {
        tcg_gen_extu_i32_i64(r, lo);
        return;
    }
    t = tcg_temp_ebb_new_i64();
    tcg_gen_extu_i32_i64(t, hi);
    tcg_gen_shli_i64(t, t, 32);
    tcg_gen_extu_i32_i64(r, lo);
    tcg_gen_or_i64(r, r, t);
    tcg_temp_free_i64(t);
}

void tcg_gen_mov_ptr(TCGv_ptr r, TCGv_ptr a)
{
    gen_mov(TCG_TYPE_PTR, TP(r), TP(a));
}

void tcg_gen_add_ptr(TCGv_ptr r, TCGv_ptr a, TCGv_ptr b)
{
    gen_binop(INDEX_op_add_i32, TCG_TYPE_PTR, TP(r), TP(a), TP(b));
}

void tcg_gen_addi_ptr(TCGv_ptr r, TCGv_ptr a, intptr_t b)
{
    gen_addi(TCG_TYPE_PTR, TP(r), TP(a), b);
}

void tcg_gen_ld_ptr(TCGv_ptr r, TCGv_ptr base, intptr_t off)
{
    gen_ldst(INDEX_op_ld_i64, TP(r), TP(base), off);
}

void tcg_gen_st_ptr(TCGv_ptr v, TCGv_ptr base, intptr_t off)
{
    gen_ldst(INDEX_op_st_i64, TP(v), TP(base), off);
}

void tcg_gen_ext_i32_ptr(TCGv_ptr r, TCGv_i32 a)
{
    op2(INDEX_op_ext_i32_i64, TP(r), T32(a));
}

void tcg_gen_extu_i32_ptr(TCGv_ptr r, TCGv_i32 a)
{
    op2(INDEX_op_extu_i32_i64, TP(r), T32(a));
}

/* --- Control flow -------------------------------------------------------- */

void tcg_gen_br(TCGLabel *l)
{
    TCGOp *op = tcg_emit_op(INDEX_op_br, 1);

    op->args[0] = label_arg(l);
    l->refs++;
}

void tcg_gen_set_label(TCGLabel *l)
{
    TCGOp *op = tcg_emit_op(INDEX_op_set_label, 1);

    g_assert(!l->present);
    l->present = true;
    op->args[0] = label_arg(l);
}

void tcg_gen_insn_start_words(uint64_t w0, uint64_t w1)
{
    TCGOp *op = tcg_emit_op(INDEX_op_insn_start, 2);

    op->args[0] = w0;
    op->args[1] = w1;
    tcg_ctx->nb_insns++;
}

void tcg_gen_exit_tb(const TranslationBlock *tb, unsigned idx)
{
    TCGOp *op = tcg_emit_op(INDEX_op_exit_tb, 1);

    g_assert(idx <= TB_EXIT_MASK);
    g_assert(tb || idx == 0);
    op->args[0] = (uintptr_t)tb + idx;
}

void tcg_gen_goto_tb(unsigned idx)
{
    TCGOp *op;

    g_assert(idx <= TB_EXIT_IDXMAX);
    op = tcg_emit_op(INDEX_op_goto_tb, 1);
    op->args[0] = idx;
}

void tcg_gen_goto_ptr(TCGv_ptr dest)
{
    op1(INDEX_op_goto_ptr, TP(dest));
}

void tcg_gen_lookup_and_goto_ptr(void)
{
    TCGContext *s = tcg_ctx;
    TCGTemp *env = TP(tcg_env);
    TCGv_ptr t;

    if (s->gen_tb && (s->gen_tb->cflags & CF_NO_GOTO_PTR)) {
        tcg_gen_exit_tb(NULL, 0);
        return;
    }
    t = tcg_temp_ebb_new_ptr();
    tcg_gen_callN(&info_lookup_tb_ptr, TP(t), &env);
    tcg_gen_goto_ptr(t);
    tcg_temp_free_ptr(t);
}

void tcg_gen_mb(TCGBar type)
{
    TCGOp *op = tcg_emit_op(INDEX_op_mb, 1);

    op->args[0] = type;
}

/* --- Guest memory -------------------------------------------------------- */

/* Drop MemOp bits that cannot matter, so equal accesses compare equal. */
static MemOp canonicalize_memop(MemOp op, bool is64, bool st)
{
    MemOp size = op & MO_SIZE;

    g_assert(is64 || size != MO_64);
    if (size == MO_8) {
        op &= ~MO_BSWAP;
    }
    if (st || size == (is64 ? MO_64 : MO_32)) {
        op &= ~MO_SIGN;
    }
    return op;
}

static void gen_qemu_ldst(TCGOpcode opc, TCGTemp *v, TCGTemp *addr,
                          TCGArg idx, MemOp memop, bool is64, bool st)
{
    TCGOp *op = op2(opc, v, addr);

    g_assert(idx < 16);
    op->args[2] = make_memop_idx(canonicalize_memop(memop, is64, st), idx);
}

void tcg_gen_qemu_ld_i32(TCGv_i32 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop)
{
    gen_qemu_ldst(INDEX_op_qemu_ld_i32, T32(val), T32(addr), mem_idx, memop,
                  false, false);
}

void tcg_gen_qemu_st_i32(TCGv_i32 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop)
{
    gen_qemu_ldst(INDEX_op_qemu_st_i32, T32(val), T32(addr), mem_idx, memop,
                  false, true);
}

void tcg_gen_qemu_ld_i64(TCGv_i64 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop)
{
    gen_qemu_ldst(INDEX_op_qemu_ld_i64, T64(val), T32(addr), mem_idx, memop,
                  true, false);
}

void tcg_gen_qemu_st_i64(TCGv_i64 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop)
{
    gen_qemu_ldst(INDEX_op_qemu_st_i64, T64(val), T32(addr), mem_idx, memop,
                  true, true);
}
