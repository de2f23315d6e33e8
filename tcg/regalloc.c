/*
 * A local register allocator for native backends.
 *
 * It walks the op list once.  Every temp is either dead, in a register,
 * in its spill slot, or a constant; liveness (op->life) says when a value
 * is read for the last time so its register can be reused at once.
 * Within an extended basic block values stay in registers; TB temps are
 * written back to their slots before a branch or label, because code
 * after a label can be reached with any register assignment.  Calls
 * clobber the caller-saved registers, so live values move to callee-saved
 * registers (or their slots) first.  Globals never reach this point:
 * tcg_lower_globals() has turned them into explicit loads and stores.
 *
 * The backend supplies the register sets and small emitters through
 * TCGRegAllocHooks, and emits each op given the registers chosen here.
 */
#include "qemu/osdep.h"
#include "tcg-internal.h"

typedef struct RA {
    TCGContext *s;
    const TCGRegAllocHooks *h;
    TCGTemp *reg_to_temp[32];
    uint32_t locked;            /* registers the current op is using */
    intptr_t frame_used;
    bool frame_overflow;
} RA;

#define BIT32(n) (1u << (n))

static void ra_init(RA *r)
{
    TCGContext *s = r->s;

    memset(r->reg_to_temp, 0, sizeof(r->reg_to_temp));
    r->frame_used = 0;
    r->frame_overflow = false;
    for (int i = 0; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];

        ts->mem_allocated = false;
        ts->mem_coherent = false;
        switch (ts->kind) {
        case TEMP_FIXED:
            ts->val_type = TEMP_VAL_REG;
            ts->reg = r->h->env_reg;
            break;
        case TEMP_CONST:
            ts->val_type = TEMP_VAL_CONST;
            break;
        case TEMP_GLOBAL:
            ts->val_type = TEMP_VAL_MEM;
            ts->mem_allocated = true;
            ts->mem_coherent = true;
            break;
        default:
            ts->val_type = TEMP_VAL_DEAD;
            break;
        }
    }
}

static void temp_alloc_frame(RA *r, TCGTemp *ts)
{
    if (r->frame_used + 8 > r->h->frame_size) {
        /* Too many spilled values: abandon the TB (-2) after this. */
        r->frame_overflow = true;
        ts->mem_offset = r->h->frame_start;
    } else {
        ts->mem_offset = r->h->frame_start + r->frame_used;
        r->frame_used += 8;
    }
    ts->mem_allocated = true;
}

/* Make memory hold the value too (the register keeps it). */
static void temp_sync(RA *r, TCGTemp *ts)
{
    if (ts->val_type == TEMP_VAL_REG && !ts->mem_coherent &&
        ts->kind != TEMP_FIXED) {
        if (!ts->mem_allocated) {
            temp_alloc_frame(r, ts);
        }
        r->h->st(r->s, ts->type, ts->reg, r->h->frame_reg, ts->mem_offset);
        ts->mem_coherent = true;
    }
}

/* Move the value to memory and free its register. */
static void temp_spill(RA *r, TCGTemp *ts)
{
    if (ts->val_type == TEMP_VAL_REG) {
        temp_sync(r, ts);
        r->reg_to_temp[ts->reg] = NULL;
        ts->val_type = TEMP_VAL_MEM;
    }
}

static void temp_dead(RA *r, TCGTemp *ts)
{
    if (ts->kind != TEMP_EBB && ts->kind != TEMP_TB) {
        return;
    }
    if (ts->val_type == TEMP_VAL_REG &&
        r->reg_to_temp[ts->reg] == ts) {
        r->reg_to_temp[ts->reg] = NULL;
    }
    ts->val_type = TEMP_VAL_DEAD;
}

static void assign_reg(RA *r, TCGTemp *ts, int reg)
{
    if (ts->val_type == TEMP_VAL_REG && r->reg_to_temp[ts->reg] == ts) {
        r->reg_to_temp[ts->reg] = NULL;
    }
    r->reg_to_temp[reg] = ts;
    ts->reg = reg;
    ts->val_type = TEMP_VAL_REG;
    ts->mem_coherent = false;
}

/*
 * A register from @allowed that the current op does not use: a free one
 * (outside @avoid if possible), else evict the first in preference order.
 */
static int reg_alloc(RA *r, uint32_t allowed, uint32_t avoid)
{
    const TCGRegAllocHooks *h = r->h;

    allowed = (allowed ? allowed : h->allocatable) & h->allocatable &
              ~r->locked;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < h->nb_order; i++) {
            int reg = h->order[i];

            if ((allowed & BIT32(reg)) && !r->reg_to_temp[reg] &&
                (pass || !(avoid & BIT32(reg)))) {
                return reg;
            }
        }
    }
    for (int i = 0; i < h->nb_order; i++) {
        int reg = h->order[i];

        if (allowed & BIT32(reg)) {
            temp_spill(r, r->reg_to_temp[reg]);
            return reg;
        }
    }
    g_assert_not_reached();
}

/* Get @ts into a register from @allowed (0: any); returns it. */
static int temp_load(RA *r, TCGTemp *ts, uint32_t allowed)
{
    const TCGRegAllocHooks *h = r->h;
    int reg;

    if (ts->kind == TEMP_FIXED) {
        return ts->reg;
    }
    if (!allowed) {
        allowed = h->allocatable;
    }
    if (ts->val_type == TEMP_VAL_REG && (allowed & BIT32(ts->reg))) {
        return ts->reg;
    }
    reg = reg_alloc(r, allowed, 0);
    switch (ts->val_type) {
    case TEMP_VAL_CONST:
        /* Only for this op: the register stays unowned but locked. */
        h->movi(r->s, ts->type, reg, ts->val);
        return reg;
    case TEMP_VAL_REG:
        h->mov(r->s, ts->type, reg, ts->reg);
        r->reg_to_temp[ts->reg] = NULL;
        r->reg_to_temp[reg] = ts;
        ts->reg = reg;
        return reg;
    case TEMP_VAL_MEM:
        h->ld(r->s, ts->type, reg, h->frame_reg, ts->mem_offset);
        r->reg_to_temp[reg] = ts;
        ts->reg = reg;
        ts->val_type = TEMP_VAL_REG;
        ts->mem_coherent = true;
        return reg;
    case TEMP_VAL_DEAD:
    default:
        /* Read before any write: the value is undefined anyway. */
        r->reg_to_temp[reg] = ts;
        ts->reg = reg;
        ts->val_type = TEMP_VAL_REG;
        ts->mem_coherent = false;
        return reg;
    }
}

/* Before control may reach a label: TB temps must be in their slots. */
static void sync_tb_temps(RA *r)
{
    TCGContext *s = r->s;

    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        if (s->temps[i].kind == TEMP_TB) {
            temp_sync(r, &s->temps[i]);
        }
    }
}

/* At a label (or after an unconditional jump): nothing is in registers. */
static void reset_bb(RA *r)
{
    TCGContext *s = r->s;

    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];

        if (ts->kind == TEMP_EBB) {
            temp_dead(r, ts);
        } else if (ts->kind == TEMP_TB) {
            if (ts->val_type == TEMP_VAL_REG) {
                r->reg_to_temp[ts->reg] = NULL;
            }
            ts->val_type = ts->mem_allocated ? TEMP_VAL_MEM : TEMP_VAL_DEAD;
        }
    }
}

static void ra_mov(RA *r, TCGOp *op)
{
    TCGTemp *dst = arg_temp(op->args[0]);
    TCGTemp *src = arg_temp(op->args[1]);
    const TCGRegAllocHooks *h = r->h;
    int reg;

    r->locked = 0;
    if (src->val_type == TEMP_VAL_REG && (op->life & DEAD_ARG(1)) &&
        src->kind != TEMP_FIXED && src != dst) {
        /* The source dies: rename its register instead of copying. */
        reg = src->reg;
        r->reg_to_temp[reg] = NULL;
        src->val_type = TEMP_VAL_DEAD;
        assign_reg(r, dst, reg);
    } else if (src->val_type == TEMP_VAL_CONST) {
        reg = dst->val_type == TEMP_VAL_REG ? dst->reg
                                           : reg_alloc(r, 0, 0);
        h->movi(r->s, dst->type, reg, src->val);
        assign_reg(r, dst, reg);
    } else {
        int sreg = temp_load(r, src, 0);

        r->locked = BIT32(sreg);
        if (op->life & DEAD_ARG(1)) {
            temp_dead(r, src);
        }
        reg = dst->val_type == TEMP_VAL_REG ? dst->reg : reg_alloc(r, 0, 0);
        if (reg != sreg) {
            h->mov(r->s, dst->type, reg, sreg);
        }
        assign_reg(r, dst, reg);
    }
    if (op->life & DEAD_ARG(0)) {
        temp_dead(r, dst);
    }
}

static void ra_call(RA *r, TCGOp *op)
{
    const TCGRegAllocHooks *h = r->h;
    const TCGHelperInfo *info = tcg_call_info(op);
    int nout = op->callo, nin = op->calli;
    uint32_t saved = h->allocatable & ~h->call_clobbered;

    r->locked = 0;
    g_assert(nin <= h->nb_call_args);
    /* Nothing may stay in a register the callee can overwrite. */
    for (int reg = 0; reg < 32; reg++) {
        TCGTemp *ts = r->reg_to_temp[reg];
        int dst = -1;

        if (!ts || !(h->call_clobbered & BIT32(reg))) {
            continue;
        }
        for (int i = 0; i < h->nb_order; i++) {
            int c = h->order[i];

            if ((saved & BIT32(c)) && !r->reg_to_temp[c]) {
                dst = c;
                break;
            }
        }
        if (dst >= 0) {
            h->mov(r->s, ts->type, dst, reg);
            r->reg_to_temp[reg] = NULL;
            r->reg_to_temp[dst] = ts;
            ts->reg = dst;
        } else {
            temp_spill(r, ts);
        }
    }
    /* Arguments: every source is now in a preserved register or memory. */
    for (int i = 0; i < nin; i++) {
        TCGTemp *ts = arg_temp(op->args[nout + i]);
        int areg = h->call_args[i];

        switch (ts->val_type) {
        case TEMP_VAL_CONST:
            h->movi(r->s, ts->type, areg, ts->val);
            break;
        case TEMP_VAL_REG:
            h->mov(r->s, ts->kind == TEMP_FIXED ? TCG_TYPE_PTR : ts->type,
                   areg, ts->reg);
            break;
        case TEMP_VAL_MEM:
            h->ld(r->s, ts->type, areg, h->frame_reg, ts->mem_offset);
            break;
        default:
            break;
        }
    }
    for (int i = 0; i < nin; i++) {
        if (op->life & DEAD_ARG(nout + i)) {
            temp_dead(r, arg_temp(op->args[nout + i]));
        }
    }
    h->out_call(r->s, tcg_call_func(op), info);
    if (nout) {
        TCGTemp *ts = arg_temp(op->args[0]);

        assign_reg(r, ts, h->call_ret);
        if (op->life & DEAD_ARG(0)) {
            temp_dead(r, ts);
        }
    }
}

static void ra_op(RA *r, TCGOp *op)
{
    const TCGRegAllocHooks *h = r->h;
    const TCGOpDef *def = op_def(op);
    TCGRAOp ro = { .op = op, .nout = def->nb_oargs, .nin = def->nb_iargs };
    int nout = ro.nout, nin = ro.nin;
    uint32_t live_in = 0, out_regs = 0;
    int prefer = -1;

    g_assert(nout + nin <= TCG_RA_MAX_ARGS);
    r->locked = 0;
    for (int i = 0; i < nin; i++) {
        TCGTemp *ts = arg_temp(op->args[nout + i]);
        int reg;

        if (ts->kind == TEMP_CONST && h->const_ok(op, i, ts->val)) {
            ro.a[nout + i] = ts->val;
            ro.is_const[nout + i] = true;
            continue;
        }
        reg = temp_load(r, ts, h->in_regs(op, i));
        r->locked |= BIT32(reg);
        ro.a[nout + i] = reg;
    }
    if (op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
        op->opc == INDEX_op_brcond_i64) {
        sync_tb_temps(r);
    }

    /* Last uses: their registers may hold the results. */
    for (int i = 0; i < nin; i++) {
        TCGTemp *ts = arg_temp(op->args[nout + i]);

        if (ro.is_const[nout + i]) {
            continue;
        }
        if (op->life & DEAD_ARG(nout + i)) {
            temp_dead(r, ts);
        }
    }
    for (int i = 0; i < nin; i++) {
        TCGTemp *ts = arg_temp(op->args[nout + i]);

        if (!ro.is_const[nout + i] && ts->val_type == TEMP_VAL_REG &&
            r->reg_to_temp[ts->reg] == ts) {
            live_in |= BIT32(ts->reg);
        }
    }
    r->locked = live_in;
    if (nin && !ro.is_const[nout] && !(live_in & BIT32(ro.a[nout])) &&
        !r->reg_to_temp[ro.a[nout]] &&
        (h->allocatable & BIT32(ro.a[nout]))) {
        /* Two-address hosts like the result where the first input was. */
        prefer = ro.a[nout];
    }
    for (int i = 0; i < nout; i++) {
        TCGTemp *ts = arg_temp(op->args[i]);
        int reg;

        if (prefer >= 0 && i == 0) {
            reg = prefer;
        } else {
            reg = reg_alloc(r, 0, 0);
        }
        assign_reg(r, ts, reg);
        r->locked |= BIT32(reg);
        out_regs |= BIT32(reg);
        ro.a[i] = reg;
    }
    if (op->opc == INDEX_op_qemu_ld_i32 || op->opc == INDEX_op_qemu_ld_i64 ||
        op->opc == INDEX_op_qemu_st_i32 || op->opc == INDEX_op_qemu_st_i64) {
        /* Only the guest memory slow paths call out behind our back. */
        for (int reg = 0; reg < 32; reg++) {
            if (r->reg_to_temp[reg] && !(out_regs & BIT32(reg))) {
                ro.live_clobbered |= BIT32(reg);
            }
        }
        ro.live_clobbered &= h->call_clobbered & h->allocatable;
    }

    h->out_op(r->s, &ro);

    for (int i = 0; i < nout; i++) {
        if (op->life & DEAD_ARG(i)) {
            temp_dead(r, arg_temp(op->args[i]));
        }
    }
    if (op->opc == INDEX_op_br || op->opc == INDEX_op_exit_tb ||
        op->opc == INDEX_op_goto_ptr) {
        reset_bb(r);
    }
}

int tcg_regalloc_gen_code(TCGContext *s, TranslationBlock *tb,
                          const TCGRegAllocHooks *h)
{
    RA r = { .s = s, .h = h };
    int insn = -1;

    ra_init(&r);
    h->tb_start(s);
    for (TCGOp *op = s->first_op; op; op = op->next) {
        if (tcg_code_full(s)) {
            return -1;
        }
        switch (op->opc) {
        case INDEX_op_insn_start:
            if (insn >= 0) {
                s->gen_insn_end_off[insn] = tcg_current_code_size(s);
            }
            insn++;
            s->gen_insn_data[insn][0] = op->args[0];
            s->gen_insn_data[insn][1] = op->args[1];
            break;
        case INDEX_op_set_label: {
            TCGLabel *l = arg_label(op->args[0]);

            sync_tb_temps(&r);
            l->has_value = true;
            l->value = tcg_current_code_size(s);
            h->bind_label(s, l);
            reset_bb(&r);
            break;
        }
        case INDEX_op_discard:
            temp_dead(&r, arg_temp(op->args[0]));
            break;
        case INDEX_op_mb:
            break;
        case INDEX_op_mov_i32:
        case INDEX_op_mov_i64:
            ra_mov(&r, op);
            break;
        case INDEX_op_call:
            ra_call(&r, op);
            break;
        default:
            ra_op(&r, op);
            break;
        }
    }
    if (insn >= 0) {
        s->gen_insn_end_off[insn] = tcg_current_code_size(s);
    }
    if (r.frame_overflow) {
        return -2;
    }
    return h->tb_end(s);
}
