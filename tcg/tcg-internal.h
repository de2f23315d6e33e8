/*
 * Interfaces between the pieces of tcg/: the passes, the register
 * allocator and the two backends.  Not for frontends or accel/.
 */
#ifndef TCG_INTERNAL_H
#define TCG_INTERNAL_H

#include "tcg/tcg.h"

/*
 * A backend turns the optimized, lowered op list into something
 * tcg_qemu_tb_exec() can run.  Both backends are always built; each
 * context picks one at creation.
 */
struct TCGBackend {
    const char *name;
    void (*init)(TCGContext *s);
    void (*destroy)(TCGContext *s);
    /* Emit prologue/epilogue at s->code_ptr; set the entry points. */
    void (*emit_prologue)(TCGContext *s);
    /*
     * Emit the TB at s->code_ptr.  Must fill s->gen_insn_end_off[] and
     * the tb's jmp offsets.  0 on success, -1 buffer full, -2 too large.
     */
    int (*gen_code)(TCGContext *s, TranslationBlock *tb);
    uintptr_t (*exec)(TCGContext *s, void *env, const void *code);
    void (*set_jmp_target)(const TranslationBlock *tb, int n,
                           uintptr_t jmp_rx, uintptr_t jmp_rw);
    /* -d out_asm: print @size bytes of generated code. */
    void (*disas)(TCGContext *s, FILE *f, const void *code_rx,
                  size_t size);
};

extern const TCGBackend tcg_backend_x86_64;
extern const TCGBackend tcg_backend_interp;

/* --- Passes (tcg_run_passes has the order) ------------------------------- */

/* TB temps used within a single EBB become EBB temps (cheaper). */
void tcg_demote_tb_temps(TCGContext *s);
/* Constant folding, copy propagation, algebraic identities, dead branches. */
void tcg_optimize(TCGContext *s);
/*
 * Replace every use of a global by an EBB "shadow" temp, with explicit
 * ld/st to env: loads where a value is first needed in an EBB, stores
 * of modified globals before anything that may observe memory (calls
 * that read globals, guest memory access, branches, TB exit).
 */
void tcg_lower_globals(TCGContext *s);
/* Compute op->life (dead inputs/outputs) and delete dead ops. */
void tcg_liveness_analysis(TCGContext *s);

/* Run all of the above (used by tcg_gen_code and by tests). */
void tcg_run_passes(TCGContext *s);

/* --- Helpers for passes and backends ------------------------------------ */

static inline const TCGOpDef *op_def(const TCGOp *op)
{
    return &tcg_op_defs[op->opc];
}

static inline int op_nb_oargs(const TCGOp *op)
{
    return op->opc == INDEX_op_call ? op->callo : op_def(op)->nb_oargs;
}

static inline int op_nb_iargs(const TCGOp *op)
{
    return op->opc == INDEX_op_call ? op->calli : op_def(op)->nb_iargs;
}

static inline const TCGHelperInfo *tcg_call_info(const TCGOp *op)
{
    return (const TCGHelperInfo *)(uintptr_t)
        op->args[op->callo + op->calli + 1];
}

static inline void *tcg_call_func(const TCGOp *op)
{
    return (void *)(uintptr_t)op->args[op->callo + op->calli];
}

static inline unsigned tcg_call_flags(const TCGOp *op)
{
    return tcg_call_info(op)->flags;
}

static inline bool temp_readonly(const TCGTemp *ts)
{
    return ts->kind >= TEMP_FIXED;
}

/* Type code of helper argument @n (0 = return value). */
static inline unsigned tcg_typemask_code(unsigned typemask, int n)
{
    return (typemask >> (3 * n)) & 7;
}

/* The i32/i64 op that matches @opc for @type (add_i32 <-> add_i64). */
TCGOpcode tcg_op_for_type(TCGOpcode opc32, TCGType type);

/* Temps created by the passes themselves. */
TCGTemp *tcg_temp_new_pass(TCGContext *s, TCGType type);

/* Code emission, shared by both backends. */
static inline void tcg_out8(TCGContext *s, uint8_t v)
{
    *s->code_ptr++ = v;
}

static inline void tcg_out16(TCGContext *s, uint16_t v)
{
    memcpy(s->code_ptr, &v, 2);
    s->code_ptr += 2;
}

static inline void tcg_out32(TCGContext *s, uint32_t v)
{
    memcpy(s->code_ptr, &v, 4);
    s->code_ptr += 4;
}

static inline void tcg_out64(TCGContext *s, uint64_t v)
{
    memcpy(s->code_ptr, &v, 8);
    s->code_ptr += 8;
}

static inline size_t tcg_current_code_size(TCGContext *s)
{
    return s->code_ptr - s->code_buf;
}

/* rx address of the current emission point. */
static inline uintptr_t tcg_code_ptr_rx(TCGContext *s)
{
    return (uintptr_t)s->code_ptr + s->code_rx_diff;
}

/* Too close to the end of the buffer: the TB must be abandoned (-1). */
static inline bool tcg_code_full(TCGContext *s)
{
    return s->code_ptr > s->code_gen_highwater;
}

/* Record a branch site to patch once @l's offset is known. */
void tcg_label_add_reloc(TCGLabel *l, size_t code_off);

/* Make the code buffer writable / executable (toggle mode only). */
void tcg_code_begin_write(TCGContext *s);
void tcg_code_end_write(TCGContext *s);

/* Release the code buffer (tcg_context_destroy). */
void tcg_region_unmap(TCGContext *s);

/* Name of a temp for dumps ("env", "tmp3", "$0x10"...). */
const char *tcg_temp_name(TCGContext *s, TCGTemp *ts, char *buf,
                          size_t size);
/* Name of a MemOp for dumps ("leul", "al4+sb"...). */
const char *tcg_memop_name(MemOp op, char *buf, size_t size);

/* --- The register allocator (tcg/regalloc.c), for native backends ------- */

#define TCG_RA_MAX_ARGS 8

/* What the allocator decided for one op, handed to the backend. */
typedef struct TCGRAOp {
    TCGOp *op;
    int nout, nin;
    TCGArg a[TCG_RA_MAX_ARGS];      /* register number, or the constant */
    bool is_const[TCG_RA_MAX_ARGS];
    /* Call-clobbered registers still holding live values after the op
     * (a slow path that calls out must preserve them). */
    uint32_t live_clobbered;
} TCGRAOp;

typedef struct TCGRegAllocHooks {
    uint32_t allocatable;           /* registers the allocator may use */
    uint32_t call_clobbered;        /* not preserved across calls */
    const int8_t *order;            /* allocation preference */
    int nb_order;
    const int8_t *call_args;        /* integer argument registers */
    int nb_call_args;
    int call_ret;
    int env_reg;                    /* holds env for the whole TB */
    int frame_reg;                  /* base of spill slots */
    intptr_t frame_start, frame_size;

    void (*mov)(TCGContext *s, TCGType t, int dst, int src);
    void (*movi)(TCGContext *s, TCGType t, int reg, int64_t val);
    void (*ld)(TCGContext *s, TCGType t, int reg, int base, intptr_t off);
    void (*st)(TCGContext *s, TCGType t, int reg, int base, intptr_t off);
    /* May input @i of @op be the constant @val instead of a register? */
    bool (*const_ok)(const TCGOp *op, int i, int64_t val);
    /* Registers allowed for input @i / output @i (0 = any). */
    uint32_t (*in_regs)(const TCGOp *op, int i);
    /* Emit one op (not call/label/insn_start). */
    void (*out_op)(TCGContext *s, const TCGRAOp *ra);
    void (*out_call)(TCGContext *s, const void *func,
                     const TCGHelperInfo *info);
    /* Start of a TB, end of a TB (emit slow paths, resolve labels). */
    void (*tb_start)(TCGContext *s);
    int (*tb_end)(TCGContext *s);
    /* A label's code offset became known. */
    void (*bind_label)(TCGContext *s, TCGLabel *l);
} TCGRegAllocHooks;

/* Allocate registers for the op list and drive @h's emitters. */
int tcg_regalloc_gen_code(TCGContext *s, TranslationBlock *tb,
                          const TCGRegAllocHooks *h);

#endif /* TCG_INTERNAL_H */
