/*
 * The optimizer: one forward pass over the op list.
 *
 * It tracks, per temp, whether the value is a known constant, a copy of
 * another temp, and which bits may be nonzero ("z_mask").  With that it
 * folds constant expressions, replaces uses of copies by the original,
 * applies algebraic identities (x + 0, x & 0, x ^ x, ...), decides
 * branches and comparisons with known operands, and deletes code that
 * can no longer be reached.  Dead results are deleted later, by liveness.
 *
 * Knowledge is forgotten where control flow merges (set_label), and for
 * globals wherever a helper may write them.  Instead of clearing tables,
 * every fact carries an epoch (bumped at each merge and each TB) and each
 * temp a version (bumped at each write), so a stale fact simply fails to
 * match.
 */
#include "qemu/osdep.h"
#include "tcg-internal.h"

typedef struct TempInfo {
    uint32_t epoch;         /* facts below valid only in this epoch */
    uint32_t version;       /* bumped on each write; never reset */
    TCGTemp *copy_of;       /* same value as this temp... */
    uint32_t copy_ver;      /* ...as long as its version is still this */
    uint64_t z_mask;        /* bits that may be nonzero */
} TempInfo;

typedef struct OptContext {
    TCGContext *s;
    TempInfo *info;
    uint32_t epoch;
} OptContext;

static inline TempInfo *ti(OptContext *c, TCGTemp *ts)
{
    return &c->info[ts - c->s->temps];
}

static uint64_t type_mask(TCGType t)
{
    return t == TCG_TYPE_I32 ? UINT32_MAX : UINT64_MAX;
}

/* The oldest known temp holding the same value as @ts (maybe itself). */
static TCGTemp *rep(OptContext *c, TCGTemp *ts)
{
    TempInfo *i = ti(c, ts);

    if (ts->kind != TEMP_CONST && i->epoch == c->epoch && i->copy_of &&
        ti(c, i->copy_of)->version == i->copy_ver) {
        return i->copy_of;
    }
    return ts;
}

static bool is_const(OptContext *c, TCGTemp *ts)
{
    return rep(c, ts)->kind == TEMP_CONST;
}

static uint64_t const_val(OptContext *c, TCGTemp *ts)
{
    TCGTemp *r = rep(c, ts);

    return (uint64_t)r->val & type_mask(ts->type);
}

static bool is_const_val(OptContext *c, TCGTemp *ts, uint64_t v)
{
    return is_const(c, ts) && const_val(c, ts) == (v & type_mask(ts->type));
}

static uint64_t z_mask(OptContext *c, TCGTemp *ts)
{
    TCGTemp *r = rep(c, ts);
    TempInfo *i = ti(c, ts);

    if (r->kind == TEMP_CONST) {
        return (uint64_t)r->val & type_mask(ts->type);
    }
    if (i->epoch == c->epoch) {
        return i->z_mask & type_mask(ts->type);
    }
    return type_mask(ts->type);
}

/* @ts was just written with a value whose nonzero bits are in @zm. */
static void set_written(OptContext *c, TCGTemp *ts, uint64_t zm)
{
    TempInfo *i = ti(c, ts);

    i->version++;
    i->epoch = c->epoch;
    i->copy_of = NULL;
    i->z_mask = zm & type_mask(ts->type);
}

static void set_copy(OptContext *c, TCGTemp *dst, TCGTemp *src)
{
    TCGTemp *r = rep(c, src);
    uint64_t zm = z_mask(c, src);
    TempInfo *i = ti(c, dst);

    set_written(c, dst, zm);
    if (r != dst) {
        i->copy_of = r;
        i->copy_ver = ti(c, r)->version;
    }
}

/* Forget everything about globals (a helper may have changed them). */
static void forget_globals(OptContext *c)
{
    for (int k = 0; k < c->s->nb_globals; k++) {
        TCGTemp *ts = &c->s->temps[k];

        if (ts->kind == TEMP_GLOBAL) {
            set_written(c, ts, type_mask(ts->type));
        }
    }
}

static TCGType op_type(TCGOp *op)
{
    return op_def(op)->flags & TCG_OPF_64BIT ? TCG_TYPE_I64 : TCG_TYPE_I32;
}

/* Turn @op into "mov dst, src", or delete it if dst already holds src. */
static void opt_mov(OptContext *c, TCGOp *op, TCGTemp *dst, TCGTemp *src)
{
    if (rep(c, dst) == rep(c, src)) {
        tcg_op_remove(c->s, op);
        return;
    }
    op->opc = tcg_op_for_type(INDEX_op_mov_i32, dst->type);
    op->nargs = 2;
    op->args[0] = temp_arg(dst);
    op->args[1] = temp_arg(rep(c, src));
    set_copy(c, dst, src);
}

static void opt_movi(OptContext *c, TCGOp *op, TCGTemp *dst, uint64_t v)
{
    opt_mov(c, op, dst, tcg_constant_internal(dst->type, v));
}

static uint64_t bswap_n(uint64_t x, int bytes)
{
    uint64_t r = 0;

    for (int i = 0; i < bytes; i++) {
        r = (r << 8) | ((x >> (8 * i)) & 0xff);
    }
    return r;
}

/* Evaluate a one- or two-input op on constants; false if not foldable. */
static bool fold_value(TCGOpcode opc, TCGType t, uint64_t x, uint64_t y,
                       uint64_t *res)
{
    int bits = t == TCG_TYPE_I32 ? 32 : 64;
    uint64_t m = type_mask(t);
    int sh = y & (bits - 1);
    int64_t sx = t == TCG_TYPE_I32 ? (int32_t)x : (int64_t)x;
    uint64_t r;

    switch (opc) {
#define CASE(n) case INDEX_op_##n##_i32: case INDEX_op_##n##_i64:
    CASE(add) r = x + y; break;
    CASE(sub) r = x - y; break;
    CASE(mul) r = x * y; break;
    CASE(and) r = x & y; break;
    CASE(or) r = x | y; break;
    CASE(xor) r = x ^ y; break;
    CASE(andc) r = x & ~y; break;
    CASE(orc) r = x | ~y; break;
    CASE(shl) r = x << sh; break;
    CASE(shr) r = (x & m) >> sh; break;
    CASE(sar) r = (uint64_t)(sx >> sh); break;
    CASE(rotl) r = sh ? (x << sh) | ((x & m) >> (bits - sh)) : x; break;
    CASE(rotr) r = sh ? ((x & m) >> sh) | (x << (bits - sh)) : x; break;
    CASE(neg) r = -x; break;
    CASE(not) r = ~x; break;
    CASE(ext8s) r = (int8_t)x; break;
    CASE(ext8u) r = (uint8_t)x; break;
    CASE(ext16s) r = (int16_t)x; break;
    CASE(ext16u) r = (uint16_t)x; break;
#undef CASE
    case INDEX_op_bswap16_i32: case INDEX_op_bswap16_i64:
        r = bswap_n(x, 2);
        break;
    case INDEX_op_bswap32_i32: case INDEX_op_bswap32_i64:
        r = bswap_n(x, 4);
        break;
    case INDEX_op_bswap64_i64:
        r = bswap_n(x, 8);
        break;
    case INDEX_op_ext32s_i64: case INDEX_op_ext_i32_i64:
        r = (int32_t)x;
        break;
    case INDEX_op_ext32u_i64: case INDEX_op_extu_i32_i64:
    case INDEX_op_extrl_i64_i32:
        r = (uint32_t)x;
        break;
    case INDEX_op_extrh_i64_i32:
        r = x >> 32;
        break;
    default:
        return false;
    }
    *res = r;
    return true;
}

static bool eval_cond(TCGCond cond, TCGType t, uint64_t x, uint64_t y)
{
    int64_t sx = t == TCG_TYPE_I32 ? (int32_t)x : (int64_t)x;
    int64_t sy = t == TCG_TYPE_I32 ? (int32_t)y : (int64_t)y;

    x &= type_mask(t);
    y &= type_mask(t);
    switch (cond) {
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_NEVER: return false;
    case TCG_COND_EQ: return x == y;
    case TCG_COND_NE: return x != y;
    case TCG_COND_LT: return sx < sy;
    case TCG_COND_GE: return sx >= sy;
    case TCG_COND_LE: return sx <= sy;
    case TCG_COND_GT: return sx > sy;
    case TCG_COND_LTU: return x < y;
    case TCG_COND_GEU: return x >= y;
    case TCG_COND_LEU: return x <= y;
    case TCG_COND_GTU: return x > y;
    }
    g_assert_not_reached();
}

/*
 * Result of comparing @a and @b with @cond: 1 true, 0 false, -1 unknown.
 * Equal temps compare equal whatever their value.
 */
static int decide_cond(OptContext *c, TCGCond cond, TCGType t, TCGTemp *a,
                       TCGTemp *b)
{
    if (is_const(c, a) && is_const(c, b)) {
        return eval_cond(cond, t, const_val(c, a), const_val(c, b));
    }
    if (rep(c, a) == rep(c, b)) {
        return eval_cond(cond, t, 0, 0);
    }
    if (is_const_val(c, b, 0)) {
        if (cond == TCG_COND_LTU) {
            return 0;
        }
        if (cond == TCG_COND_GEU) {
            return 1;
        }
    }
    return -1;
}

/* Put a constant operand second, as the identities below expect. */
static bool swap_commutative(OptContext *c, TCGArg *a, TCGArg *b)
{
    if (is_const(c, arg_temp(*a)) && !is_const(c, arg_temp(*b))) {
        TCGArg t = *a;

        *a = *b;
        *b = t;
        return true;
    }
    return false;
}

/* Delete everything up to the next label: nothing can branch there. */
static void remove_unreachable(OptContext *c, TCGOp *op)
{
    TCGOp *next;

    for (op = op->next; op && op->opc != INDEX_op_set_label; op = next) {
        next = op->next;
        /* Keep the instruction boundaries: icount and search data. */
        if (op->opc != INDEX_op_insn_start) {
            tcg_op_remove(c->s, op);
        }
    }
}

static bool fold_identity(OptContext *c, TCGOp *op, TCGTemp *d, TCGTemp *a,
                          TCGTemp *b)
{
    TCGType t = d->type;
    bool same = rep(c, a) == rep(c, b);
    uint64_t m = type_mask(t);

    switch (op->opc) {
    case INDEX_op_add_i32: case INDEX_op_add_i64:
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
    case INDEX_op_sub_i32: case INDEX_op_sub_i64:
    case INDEX_op_andc_i32: case INDEX_op_andc_i64:
    case INDEX_op_shl_i32: case INDEX_op_shl_i64:
    case INDEX_op_shr_i32: case INDEX_op_shr_i64:
    case INDEX_op_sar_i32: case INDEX_op_sar_i64:
    case INDEX_op_rotl_i32: case INDEX_op_rotl_i64:
    case INDEX_op_rotr_i32: case INDEX_op_rotr_i64:
        if (is_const_val(c, b, 0)) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    default:
        break;
    }

    switch (op->opc) {
    case INDEX_op_sub_i32: case INDEX_op_sub_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
    case INDEX_op_andc_i32: case INDEX_op_andc_i64:
        if (same) {
            opt_movi(c, op, d, 0);
            return true;
        }
        if ((op->opc == INDEX_op_xor_i32 || op->opc == INDEX_op_xor_i64) &&
            is_const_val(c, b, -1)) {
            op->opc = tcg_op_for_type(INDEX_op_not_i32, t);
            op->nargs = 2;
            set_written(c, d, m);
            return true;
        }
        break;
    case INDEX_op_and_i32: case INDEX_op_and_i64:
        if (is_const_val(c, b, 0)) {
            opt_movi(c, op, d, 0);
            return true;
        }
        /* Masking bits that are already zero changes nothing. */
        if (same || (is_const(c, b) &&
                     !(z_mask(c, a) & ~const_val(c, b) & m))) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    case INDEX_op_or_i32: case INDEX_op_or_i64:
        if (is_const_val(c, b, -1)) {
            opt_movi(c, op, d, -1);
            return true;
        }
        if (same) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    case INDEX_op_orc_i32: case INDEX_op_orc_i64:
        if (same || is_const_val(c, b, 0)) {
            opt_movi(c, op, d, -1);
            return true;
        }
        if (is_const_val(c, b, -1)) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    case INDEX_op_mul_i32: case INDEX_op_mul_i64:
        if (is_const_val(c, b, 0)) {
            opt_movi(c, op, d, 0);
            return true;
        }
        if (is_const_val(c, b, 1)) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    case INDEX_op_shl_i32: case INDEX_op_shl_i64:
    case INDEX_op_shr_i32: case INDEX_op_shr_i64:
    case INDEX_op_sar_i32: case INDEX_op_sar_i64:
    case INDEX_op_rotl_i32: case INDEX_op_rotl_i64:
    case INDEX_op_rotr_i32: case INDEX_op_rotr_i64:
        if (is_const_val(c, a, 0) ||
            ((op->opc == INDEX_op_sar_i32 || op->opc == INDEX_op_sar_i64 ||
              op->opc == INDEX_op_rotl_i32 || op->opc == INDEX_op_rotl_i64 ||
              op->opc == INDEX_op_rotr_i32 || op->opc == INDEX_op_rotr_i64)
             && is_const_val(c, a, -1))) {
            opt_mov(c, op, d, a);
            return true;
        }
        break;
    default:
        break;
    }
    return false;
}

/* Nonzero bits of the result of a non-folded op, as far as we can tell. */
static uint64_t result_z_mask(OptContext *c, TCGOp *op)
{
    TCGType t = op_type(op);
    TCGTemp *a = op_def(op)->nb_iargs ? arg_temp(op->args[1]) : NULL;
    TCGTemp *b = op_def(op)->nb_iargs > 1 ? arg_temp(op->args[2]) : NULL;
    uint64_t all = type_mask(t);

    switch (op->opc) {
    case INDEX_op_and_i32: case INDEX_op_and_i64:
        return z_mask(c, a) & z_mask(c, b);
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
        return z_mask(c, a) | z_mask(c, b);
    case INDEX_op_shr_i32: case INDEX_op_shr_i64:
        return is_const(c, b) ?
            z_mask(c, a) >> (const_val(c, b) & (t ? 63 : 31)) : all;
    case INDEX_op_shl_i32: case INDEX_op_shl_i64:
        return is_const(c, b) ?
            z_mask(c, a) << (const_val(c, b) & (t ? 63 : 31)) : all;
    case INDEX_op_ext8u_i32: case INDEX_op_ext8u_i64:
    case INDEX_op_ld8u_i32: case INDEX_op_ld8u_i64:
        return 0xff;
    case INDEX_op_ext16u_i32: case INDEX_op_ext16u_i64:
    case INDEX_op_ld16u_i32: case INDEX_op_ld16u_i64:
    case INDEX_op_bswap16_i32: case INDEX_op_bswap16_i64:
        return 0xffff;
    case INDEX_op_ext32u_i64: case INDEX_op_ld32u_i64:
    case INDEX_op_extu_i32_i64:
        return UINT32_MAX;
    case INDEX_op_extract_i32: case INDEX_op_extract_i64:
        return MAKE_64BIT_MASK(0, op->args[3]);
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
        return 1;
    case INDEX_op_qemu_ld_i32: case INDEX_op_qemu_ld_i64: {
        MemOp mop = get_memop(op->args[2]);

        return mop & MO_SIGN ? all : MAKE_64BIT_MASK(0, 8 * memop_size(mop));
    }
    default:
        return all;
    }
}

static void fold_op(OptContext *c, TCGOp *op)
{
    const TCGOpDef *def = op_def(op);
    TCGType t = op_type(op);
    int nout = def->nb_oargs, nin = def->nb_iargs;
    TCGTemp *d, *a, *b;
    uint64_t v;
    int dec;

    switch (op->opc) {
    case INDEX_op_add_i32: case INDEX_op_add_i64:
    case INDEX_op_mul_i32: case INDEX_op_mul_i64:
    case INDEX_op_and_i32: case INDEX_op_and_i64:
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
        swap_commutative(c, &op->args[1], &op->args[2]);
        break;
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_negsetcond_i32: case INDEX_op_negsetcond_i64:
        if (swap_commutative(c, &op->args[1], &op->args[2])) {
            op->args[3] = tcg_swap_cond(op->args[3]);
        }
        break;
    case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
        if (swap_commutative(c, &op->args[0], &op->args[1])) {
            op->args[2] = tcg_swap_cond(op->args[2]);
        }
        break;
    case INDEX_op_movcond_i32: case INDEX_op_movcond_i64:
        if (swap_commutative(c, &op->args[1], &op->args[2])) {
            op->args[5] = tcg_swap_cond(op->args[5]);
        }
        break;
    default:
        break;
    }

    d = nout ? arg_temp(op->args[0]) : NULL;
    a = nin ? arg_temp(op->args[nout]) : NULL;
    b = nin > 1 ? arg_temp(op->args[nout + 1]) : NULL;

    switch (op->opc) {
    case INDEX_op_mov_i32: case INDEX_op_mov_i64:
        opt_mov(c, op, d, a);
        return;

    case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
        dec = decide_cond(c, op->args[2], t, a, b);
        if (dec == 0) {
            tcg_op_remove(c->s, op);
        } else if (dec == 1) {
            TCGLabel *l = arg_label(op->args[3]);

            op->opc = INDEX_op_br;
            op->nargs = 1;
            op->args[0] = label_arg(l);
            remove_unreachable(c, op);
            if (op->next && op->next->opc == INDEX_op_set_label &&
                op->next->args[0] == op->args[0]) {
                tcg_op_remove(c->s, op);
            }
        }
        return;

    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_negsetcond_i32: case INDEX_op_negsetcond_i64:
        dec = decide_cond(c, op->args[3], t, a, b);
        if (dec >= 0) {
            bool neg = op->opc == INDEX_op_negsetcond_i32 ||
                       op->opc == INDEX_op_negsetcond_i64;

            opt_movi(c, op, d, dec ? (neg ? -1 : 1) : 0);
            return;
        }
        break;

    case INDEX_op_movcond_i32: case INDEX_op_movcond_i64: {
        TCGTemp *v1 = arg_temp(op->args[3]), *v2 = arg_temp(op->args[4]);

        dec = decide_cond(c, op->args[5], t, a, b);
        if (dec >= 0 || rep(c, v1) == rep(c, v2)) {
            opt_mov(c, op, d, dec != 0 ? v1 : v2);
            return;
        }
        set_written(c, d, z_mask(c, v1) | z_mask(c, v2));
        return;
    }

    case INDEX_op_deposit_i32: case INDEX_op_deposit_i64: {
        unsigned pos = op->args[3], len = op->args[4];
        uint64_t fm = MAKE_64BIT_MASK(pos, len);

        if (is_const(c, a) && is_const(c, b)) {
            v = (const_val(c, a) & ~fm) | ((const_val(c, b) << pos) & fm);
            opt_movi(c, op, d, v);
            return;
        }
        set_written(c, d, (z_mask(c, a) & ~fm) | fm);
        return;
    }

    case INDEX_op_extract_i32: case INDEX_op_extract_i64:
    case INDEX_op_sextract_i32: case INDEX_op_sextract_i64: {
        unsigned pos = op->args[2], len = op->args[3];
        bool sign = op->opc == INDEX_op_sextract_i32 ||
                    op->opc == INDEX_op_sextract_i64;

        if (is_const(c, a)) {
            v = sign ? (uint64_t)sextract64(const_val(c, a), pos, len)
                     : extract64(const_val(c, a), pos, len);
            opt_movi(c, op, d, v);
            return;
        }
        break;
    }

    case INDEX_op_mulu2_i32: case INDEX_op_muls2_i32: {
        TCGTemp *x = arg_temp(op->args[2]), *y = arg_temp(op->args[3]);
        TCGTemp *hi = arg_temp(op->args[1]);

        if (is_const(c, x) && is_const(c, y)) {
            uint64_t p;
            TCGOp *op2;

            if (op->opc == INDEX_op_mulu2_i32) {
                p = (uint64_t)(uint32_t)const_val(c, x) *
                    (uint32_t)const_val(c, y);
            } else {
                p = (uint64_t)((int64_t)(int32_t)const_val(c, x) *
                               (int32_t)const_val(c, y));
            }
            /* Two movs: the low half first, as the op would write it. */
            op2 = tcg_op_insert_after(c->s, op, INDEX_op_mov_i32, 2);
            op2->args[0] = temp_arg(hi);
            op2->args[1] = temp_arg(tcg_constant_internal(TCG_TYPE_I32,
                                                          p >> 32));
            opt_movi(c, op, d, (uint32_t)p);
            return;
        }
        set_written(c, d, UINT32_MAX);
        set_written(c, hi, UINT32_MAX);
        return;
    }

    default:
        break;
    }

    if (nout == 1 && nin >= 1 && nin <= 2 && !(def->flags &
                                               TCG_OPF_SIDE_EFFECTS)) {
        bool all_const = is_const(c, a) && (nin == 1 || is_const(c, b));

        if (all_const && fold_value(op->opc, t, const_val(c, a),
                                    nin > 1 ? const_val(c, b) : 0, &v)) {
            opt_movi(c, op, d, v);
            return;
        }
        if (nin == 2 && fold_identity(c, op, d, a, b)) {
            return;
        }
        /* Extending a value whose upper bits are already zero. */
        if (nin == 1) {
            uint64_t keep = 0;

            switch (op->opc) {
            case INDEX_op_ext8u_i32: case INDEX_op_ext8u_i64:
                keep = 0xff;
                break;
            case INDEX_op_ext16u_i32: case INDEX_op_ext16u_i64:
                keep = 0xffff;
                break;
            case INDEX_op_ext32u_i64:
                keep = UINT32_MAX;
                break;
            default:
                break;
            }
            if (keep && !(z_mask(c, a) & ~keep)) {
                opt_mov(c, op, d, a);
                return;
            }
        }
    }

    for (int i = 0; i < nout; i++) {
        TCGTemp *o = arg_temp(op->args[i]);

        set_written(c, o, i == 0 ? result_z_mask(c, op) : type_mask(o->type));
    }
}

void tcg_optimize(TCGContext *s)
{
    OptContext c = { .s = s };
    TCGOp *op;

    if (!s->opt_info) {
        s->opt_info = g_new0(TempInfo, TCG_MAX_TEMPS);
    }
    c.info = s->opt_info;
    c.epoch = ++s->opt_epoch;

    /*
     * A removed op keeps its ->next, and removal never touches the ops
     * after it except in remove_unreachable(), which leaves @op in place;
     * so op->next is always the right successor here.
     */
    for (op = s->first_op; op; op = op->next) {
        const TCGOpDef *def = op_def(op);
        int nout = op_nb_oargs(op), nin = op_nb_iargs(op);

        /* Read the oldest copy: it may let the newer one die. */
        for (int i = nout; i < nout + nin; i++) {
            op->args[i] = temp_arg(rep(&c, arg_temp(op->args[i])));
        }

        switch (op->opc) {
        case INDEX_op_set_label:
            if (arg_label(op->args[0])->refs == 0) {
                /* Nobody jumps here: the blocks merge. */
                tcg_op_remove(s, op);
            } else {
                c.epoch = ++s->opt_epoch;
            }
            continue;
        case INDEX_op_br:
            /* A branch to the very next op is a fall-through. */
            if (op->next && op->next->opc == INDEX_op_set_label &&
                op->next->args[0] == op->args[0]) {
                tcg_op_remove(s, op);
            } else {
                remove_unreachable(&c, op);
            }
            continue;
        case INDEX_op_exit_tb:
        case INDEX_op_goto_ptr:
            remove_unreachable(&c, op);
            continue;
        case INDEX_op_call: {
            unsigned flags = tcg_call_flags(op);

            if (!(flags & TCG_CALL_NO_WRITE_GLOBALS)) {
                forget_globals(&c);
            }
            for (int i = 0; i < nout; i++) {
                TCGTemp *o = arg_temp(op->args[i]);

                set_written(&c, o, type_mask(o->type));
            }
            if (flags & TCG_CALL_NO_RETURN) {
                remove_unreachable(&c, op);
            }
            continue;
        }
        case INDEX_op_discard:
            set_written(&c, arg_temp(op->args[0]), UINT64_MAX);
            continue;
        default:
            break;
        }
        if (def->flags & TCG_OPF_NOT_PRESENT && op->opc != INDEX_op_mov_i32 &&
            op->opc != INDEX_op_mov_i64) {
            continue;
        }
        fold_op(&c, op);
    }
}
