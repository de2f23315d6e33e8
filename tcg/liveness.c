/*
 * The passes between the optimizer and a backend:
 *
 *  1. demotion: a TB temp whose every use sits in one extended basic
 *     block behaves exactly like an EBB temp, which backends need not
 *     preserve across labels;
 *  2. global lowering: uses of globals become explicit loads from and
 *     stores to env around an EBB-local shadow temp, so backends only
 *     ever see temps, constants and env;
 *  3. liveness: a backward walk that marks each op's last uses (the
 *     register allocator frees those registers) and deletes ops whose
 *     results nobody reads.
 */
#include "qemu/osdep.h"
#include "tcg-internal.h"

/* --- 1. Demotion --------------------------------------------------------- */

void tcg_demote_tb_temps(TCGContext *s)
{
    uintptr_t ebb = 1;

    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        s->temps[i].state = 0;
    }
    for (TCGOp *op = s->first_op; op; op = op->next) {
        int n = op_nb_oargs(op) + op_nb_iargs(op);

        if (op->opc == INDEX_op_set_label) {
            ebb++;
            continue;
        }
        for (int i = 0; i < n; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);

            if (ts->kind != TEMP_TB) {
                continue;
            }
            if (ts->state == 0) {
                ts->state = ebb;
            } else if (ts->state != ebb) {
                ts->state = UINTPTR_MAX;    /* used in several EBBs */
            }
        }
    }
    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];

        if (ts->kind == TEMP_TB && ts->state != UINTPTR_MAX) {
            ts->kind = TEMP_EBB;
            ts->demoted = true;
        }
    }
}

/* --- 2. Global lowering -------------------------------------------------- */

typedef struct GlobalState {
    TCGTemp *shadow;
    bool loaded;        /* shadow holds the current value */
    bool dirty;         /* shadow is newer than memory */
} GlobalState;

static TCGTemp *shadow_of(TCGContext *s, GlobalState *g, TCGTemp *ts)
{
    GlobalState *gs = &g[ts - s->temps];

    if (!gs->shadow) {
        gs->shadow = tcg_temp_new_pass(s, ts->type);
    }
    return gs->shadow;
}

static void emit_global_ldst(TCGContext *s, TCGOp *before, TCGTemp *ts,
                             TCGTemp *shadow, bool store)
{
    TCGOpcode opc;
    TCGOp *op;

    if (ts->type == TCG_TYPE_I32) {
        opc = store ? INDEX_op_st_i32 : INDEX_op_ld_i32;
    } else {
        opc = store ? INDEX_op_st_i64 : INDEX_op_ld_i64;
    }
    if (before) {
        op = tcg_op_insert_before(s, before, opc, 3);
    } else {
        op = tcg_emit_op(opc, 3);
    }
    op->args[0] = temp_arg(shadow);
    op->args[1] = temp_arg(ts->mem_base);
    op->args[2] = ts->mem_offset;
}

/* Store every modified global before @before (NULL: at the end). */
static void sync_globals(TCGContext *s, GlobalState *g, TCGOp *before)
{
    for (int i = 0; i < s->nb_globals; i++) {
        if (g[i].dirty) {
            emit_global_ldst(s, before, &s->temps[i], g[i].shadow, true);
            g[i].dirty = false;
        }
    }
}

static void unload_globals(TCGContext *s, GlobalState *g)
{
    for (int i = 0; i < s->nb_globals; i++) {
        g[i].loaded = false;
    }
}

/* Does @op need memory to hold the current value of every global? */
static bool op_reads_global_memory(TCGOp *op)
{
    switch (op->opc) {
    case INDEX_op_call:
        return !(tcg_call_flags(op) & TCG_CALL_NO_READ_GLOBALS);
    case INDEX_op_qemu_ld_i32:
    case INDEX_op_qemu_st_i32:
    case INDEX_op_qemu_ld_i64:
    case INDEX_op_qemu_st_i64:
        /* May fault: the CPU state must be exact at that point. */
        return true;
    default:
        return op_def(op)->flags & (TCG_OPF_BB_END | TCG_OPF_BB_EXIT);
    }
}

void tcg_lower_globals(TCGContext *s)
{
    GlobalState *g = g_new0(GlobalState, s->nb_globals);
    TCGOp *op, *next;

    for (op = s->first_op; op; op = next) {
        int nout = op_nb_oargs(op), nin = op_nb_iargs(op);

        next = op->next;
        if (op->opc == INDEX_op_discard) {
            TCGTemp *ts = arg_temp(op->args[0]);

            if (ts->kind == TEMP_GLOBAL) {
                /* The value is undefined: memory is as good as anything. */
                g[ts - s->temps].dirty = false;
                g[ts - s->temps].loaded = false;
                tcg_op_remove(s, op);
            }
            continue;
        }
        for (int i = nout; i < nout + nin; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);

            if (ts->kind == TEMP_GLOBAL) {
                GlobalState *gs = &g[ts - s->temps];
                TCGTemp *sh = shadow_of(s, g, ts);

                if (!gs->loaded) {
                    emit_global_ldst(s, op, ts, sh, false);
                    gs->loaded = true;
                }
                op->args[i] = temp_arg(sh);
            }
        }
        if (op_reads_global_memory(op)) {
            sync_globals(s, g, op);
        }
        if (op->opc == INDEX_op_set_label ||
            (op->opc == INDEX_op_call &&
             !(tcg_call_flags(op) & TCG_CALL_NO_WRITE_GLOBALS))) {
            unload_globals(s, g);
        }
        for (int i = 0; i < nout; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);

            if (ts->kind == TEMP_GLOBAL) {
                GlobalState *gs = &g[ts - s->temps];

                op->args[i] = temp_arg(shadow_of(s, g, ts));
                gs->loaded = true;
                gs->dirty = true;
            }
        }
    }
    /* A TB should end in an exit, but never lose a store if it does not. */
    sync_globals(s, g, NULL);
    g_free(g);
}

/* --- 3. Liveness --------------------------------------------------------- */

enum { DEAD = 0, LIVE = 1 };

static void set_all(TCGContext *s, TCGTempKind kind, uintptr_t state)
{
    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        if (s->temps[i].kind == kind) {
            s->temps[i].state = state;
        }
    }
}

/* Constants and env never die: the allocator must not free them. */
static bool never_dies(TCGTemp *ts)
{
    return ts->kind == TEMP_CONST || ts->kind == TEMP_FIXED;
}

void tcg_liveness_analysis(TCGContext *s)
{
    TCGOp *op, *prev;

    for (int i = 0; i < s->nb_temps; i++) {
        s->temps[i].state = DEAD;
    }

    for (op = s->last_op; op; op = prev) {
        const TCGOpDef *def = op_def(op);
        int nout = op_nb_oargs(op), nin = op_nb_iargs(op);
        bool removable;
        TCGLifeData life = 0;

        prev = op->prev;
        switch (op->opc) {
        case INDEX_op_insn_start:
            continue;
        case INDEX_op_exit_tb:
        case INDEX_op_goto_ptr:
            /* Leaving the TB: nothing but memory survives. */
            set_all(s, TEMP_EBB, DEAD);
            set_all(s, TEMP_TB, DEAD);
            break;
        case INDEX_op_br:
        case INDEX_op_set_label:
            /* EBB temps die at labels; TB temps may be read after one. */
            set_all(s, TEMP_EBB, DEAD);
            set_all(s, TEMP_TB, LIVE);
            break;
        case INDEX_op_brcond_i32:
        case INDEX_op_brcond_i64:
            set_all(s, TEMP_TB, LIVE);
            break;
        default:
            break;
        }

        if (op->opc == INDEX_op_call) {
            removable = (tcg_call_flags(op) & TCG_CALL_NO_SIDE_EFFECTS) &&
                        nout > 0;
        } else {
            removable = !(def->flags & (TCG_OPF_SIDE_EFFECTS |
                                        TCG_OPF_BB_END | TCG_OPF_BB_EXIT)) &&
                        nout > 0;
        }
        if (removable) {
            for (int i = 0; i < nout; i++) {
                if (arg_temp(op->args[i])->state != DEAD) {
                    removable = false;
                }
            }
            if (removable) {
                tcg_op_remove(s, op);
                continue;
            }
        }

        for (int i = 0; i < nout; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);

            if (ts->state == DEAD) {
                life |= DEAD_ARG(i);
            }
            ts->state = DEAD;
        }
        for (int i = nout; i < nout + nin; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);

            if (ts->state == DEAD && !never_dies(ts)) {
                life |= DEAD_ARG(i);
            }
            ts->state = LIVE;
        }
        op->life = life;
    }
}
