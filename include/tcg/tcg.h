/*
 * TCG: the Tiny Code Generator.
 *
 * A frontend (target/cr16/translate.c) describes one translation block as
 * a list of ops over temporaries through the tcg_gen_* API in tcg-op.h;
 * tcg_gen_code() optimizes that list and hands it to a backend (x86-64
 * host code, or bytecode for the portable interpreter).  This header holds
 * the IR data structures, temporaries, labels, the context and the TB
 * interface used by accel/tcg.  docs/devel/tcg.rst describes the design.
 */
#ifndef TCG_TCG_H
#define TCG_TCG_H

#include "qemu/bitops.h"
#include "exec/memop.h"
#include "exec/translation-block.h"
#include "tcg/tcg-cond.h"
#include "tcg/tcg-ldst.h"

typedef uint64_t TCGArg;
typedef uint64_t tcg_target_ulong;
typedef int64_t tcg_target_long;

#define TCG_TARGET_REG_BITS 64

#define TCG_MAX_TEMPS      2048
#define TCG_MAX_INSNS      512
#define TCG_MAX_INSN_DATA  2
#define TCG_MAX_OP_ARGS    16
#define TCG_MAX_CALL_IARGS 6       /* helper inputs, env included */

/* Code and data words are never moved once generated. */
typedef uint8_t tcg_insn_unit;

typedef enum TCGType {
    TCG_TYPE_I32,
    TCG_TYPE_I64,
    TCG_TYPE_COUNT,

    TCG_TYPE_PTR = TCG_TYPE_I64,   /* host pointers are 64-bit */
    TCG_TYPE_REG = TCG_TYPE_I64,
} TCGType;

/*
 * Lifetime of a temporary:
 *  EBB    - dead at the end of its extended basic block (the next label,
 *           br or TB exit; a brcond does not end it)
 *  TB     - keeps its value across labels until the end of the TB
 *  GLOBAL - backed by a field of the CPU state (env + offset), valid
 *           across TBs
 *  FIXED  - lives in a fixed host register (only env)
 *  CONST  - a read-only constant, interned per TB
 */
typedef enum TCGTempKind {
    TEMP_EBB,
    TEMP_TB,
    TEMP_GLOBAL,
    TEMP_FIXED,
    TEMP_CONST,
} TCGTempKind;

/* Where the register allocator currently keeps a temp's value. */
typedef enum TCGTempVal {
    TEMP_VAL_DEAD,
    TEMP_VAL_REG,
    TEMP_VAL_MEM,
    TEMP_VAL_CONST,
} TCGTempVal;

typedef struct TCGTemp {
    TCGType type;
    TCGTempKind kind;
    bool allocated;             /* EBB/TB: handed out and not yet freed */
    bool demoted;               /* TB temp found to live in one EBB */
    const char *name;           /* globals only */
    int64_t val;                /* CONST: i32 values are sign-extended */
    struct TCGTemp *mem_base;   /* GLOBAL: base pointer temp (env) */
    intptr_t mem_offset;        /* GLOBAL: offset; others: frame slot */

    /* Register allocator state. */
    TCGTempVal val_type;
    int8_t reg;
    bool mem_coherent;
    bool mem_allocated;

    /* Scratch for the passes (liveness state, optimizer info, ...). */
    uintptr_t state;
    void *state_ptr;
} TCGTemp;

/*
 * Handles for temps.  They are byte offsets of the TCGTemp from the start
 * of the current TCGContext, disguised as distinct pointer types so the
 * compiler catches i32/i64 mix-ups.  Because globals are created in the
 * same order in every context, one handle names the same global in each
 * (a test can run the same frontend code on two contexts).  A null handle
 * means "no temp" (e.g. a void helper's result).
 */
typedef struct TCGv_i32_d *TCGv_i32;
typedef struct TCGv_i64_d *TCGv_i64;
typedef struct TCGv_ptr_d *TCGv_ptr;
typedef TCGv_i32 TCGv;          /* CR16 guest addresses are 32-bit */

typedef struct TCGContext TCGContext;
extern TCGContext *tcg_ctx;
extern TCGv_ptr tcg_env;

/* A branch target inside the TB. */
typedef struct TCGLabel {
    unsigned id;
    bool present;               /* set_label emitted */
    bool has_value;             /* code offset known (backend) */
    uintptr_t value;
    unsigned refs;              /* branches to it still in the op list */
    GArray *relocs;             /* backend: code offsets to patch */
} TCGLabel;

/* Call flags (TCGHelperInfo.flags); the passes must honour them. */
#define TCG_CALL_NO_READ_GLOBALS  0x0001  /* helper reads no globals */
#define TCG_CALL_NO_WRITE_GLOBALS 0x0002  /* helper writes no globals */
#define TCG_CALL_NO_SIDE_EFFECTS  0x0004  /* removable if result unused */
#define TCG_CALL_NO_RETURN        0x0008  /* never returns (longjmps) */

#define TCG_CALL_NO_RWG    (TCG_CALL_NO_READ_GLOBALS | \
                            TCG_CALL_NO_WRITE_GLOBALS)
#define TCG_CALL_NO_WG     TCG_CALL_NO_WRITE_GLOBALS
#define TCG_CALL_NO_SE     TCG_CALL_NO_SIDE_EFFECTS
#define TCG_CALL_NO_RWG_SE (TCG_CALL_NO_RWG | TCG_CALL_NO_SE)
#define TCG_CALL_NO_WG_SE  (TCG_CALL_NO_WG | TCG_CALL_NO_SE)

/*
 * Helper argument/return type codes, 3 bits each in
 * TCGHelperInfo.typemask: bits 0-2 the return type, bits 3n..3n+2 the
 * type of argument n (1-based); 0 ends the argument list.
 */
enum {
    dh_typecode_void = 0,
    dh_typecode_noreturn = 0,
    dh_typecode_i32 = 1,
    dh_typecode_s32 = 2,
    dh_typecode_i64 = 3,
    dh_typecode_s64 = 4,
    dh_typecode_ptr = 5,
};

typedef struct TCGHelperInfo {
    void *func;
    const char *name;
    unsigned flags;
    unsigned typemask;
} TCGHelperInfo;

/* Op flags (TCGOpDef.flags). */
#define TCG_OPF_BB_EXIT      0x01   /* leaves the TB */
#define TCG_OPF_BB_END       0x02   /* ends a basic block */
#define TCG_OPF_CALL_CLOBBER 0x04   /* clobbers call-saved state */
#define TCG_OPF_SIDE_EFFECTS 0x08   /* never removed even if unused */
#define TCG_OPF_64BIT        0x10   /* operates on 64-bit values */
#define TCG_OPF_NOT_PRESENT  0x20   /* handled by the common code */
#define TCG_OPF_COND_BRANCH  0x40   /* conditional branch */

typedef enum TCGOpcode {
#define DEF(name, oargs, iargs, cargs, flags) INDEX_op_##name,
#include "tcg/tcg-opc.h"
#undef DEF
    NB_OPS,
} TCGOpcode;

typedef struct TCGOpDef {
    const char *name;
    uint8_t nb_oargs, nb_iargs, nb_cargs, nb_args;
    uint8_t flags;
} TCGOpDef;

extern const TCGOpDef tcg_op_defs[NB_OPS];

/* Liveness result per op: bit n set = argument n is dead after the op. */
typedef uint32_t TCGLifeData;
#define DEAD_ARG(n)  (1u << (n))

typedef struct TCGOp {
    struct TCGOp *prev, *next;
    TCGOpcode opc;
    uint8_t nargs;
    uint8_t callo, calli;       /* call: number of outputs / inputs */
    TCGLifeData life;
    TCGArg args[TCG_MAX_OP_ARGS];
} TCGOp;

#define TCGOP_CALLO(op) ((op)->callo)
#define TCGOP_CALLI(op) ((op)->calli)

/* Iterate over the op list (safe against removing @op). */
#define tcg_op_foreach_safe(s, op, nxt)                                  \
    for ((op) = (s)->first_op; (op) && ((nxt) = (op)->next, 1);          \
         (op) = (nxt))

typedef enum TCGBackendKind {
    TCG_BACKEND_X86_64,
    TCG_BACKEND_INTERP,
} TCGBackendKind;

/* The backend chosen by configure (--enable-tcg-interpreter). */
#if defined(CONFIG_TCG_INTERPRETER) || !defined(HOST_X86_64)
#define TCG_BACKEND_DEFAULT TCG_BACKEND_INTERP
#else
#define TCG_BACKEND_DEFAULT TCG_BACKEND_X86_64
#endif

typedef struct TCGBackend TCGBackend;

struct TCGContext {
    TCGBackendKind backend_kind;
    const TCGBackend *backend;
    void *be_data;              /* backend private state */

    /* Temporaries: globals first, then per-TB ones. */
    int nb_globals;
    int nb_temps;
    unsigned long free_temps[2][TCG_TYPE_COUNT][BITS_TO_LONGS(TCG_MAX_TEMPS)];
    GHashTable *const_table[TCG_TYPE_COUNT];
    bool temps_overflow;        /* ran out of temps: TB too large */

    /* The op list of the TB being built, and its storage. */
    TCGOp *first_op, *last_op;
    int nb_ops;
    GPtrArray *op_chunks;
    unsigned op_chunk_used;
    TCGOp *free_ops;

    GPtrArray *labels;
    int nb_insns;               /* insn_start ops emitted */

    /* Code buffer: one mapping seen twice (rw for writing, rx for
     * executing) or a single mapping whose protection is toggled. */
    uint8_t *code_gen_buffer;       /* rw view */
    size_t code_gen_buffer_size;
    ptrdiff_t code_rx_diff;         /* rx address - rw address */
    bool code_split_wx;
    bool code_writable;             /* toggle mode: currently rw */
    uint8_t *code_gen_start;        /* first byte after the prologue */
    uint8_t *code_gen_ptr;          /* next free byte (rw view) */
    uint8_t *code_gen_highwater;    /* start flushing above this */
    size_t tb_count;                /* TBs generated since the last flush */
    size_t flush_count;
    bool no_split_wx;               /* set before tcg_region_init(): use
                                     * the mprotect-toggling fallback */
    GPtrArray *tb_chunks;           /* TranslationBlock structs */
    size_t tb_used;

    /* Entry points (rx view). */
    const void *code_gen_prologue;
    const void *code_gen_epilogue;  /* goto_ptr target meaning "exit" */
    const void *tb_ret_addr;        /* exit_tb path */

    /* Per-TB code generation state. */
    uint8_t *code_buf;              /* start of this TB's code (rw) */
    uint8_t *code_ptr;              /* emission point (rw) */
    TranslationBlock *gen_tb;
    uint32_t gen_insn_end_off[TCG_MAX_INSNS];
    uint64_t gen_insn_data[TCG_MAX_INSNS][TCG_MAX_INSN_DATA];

    /*
     * Softmmu fast path: the CPUTLBDescFast array lives at
     * env + tlb_fast_offset (the offset may be negative), one per MMU
     * index.  nb_mmu_modes == 0 (the default) disables the inline lookup:
     * every access then calls the helpers.
     */
    intptr_t tlb_fast_offset;
    int page_bits;
    int nb_mmu_modes;

    /* Skip tcg_optimize() (tests compare optimized and plain code). */
    bool disable_optimizer;

    /* Optimizer scratch, kept between TBs (see tcg/optimize.c). */
    void *opt_info;
    uint32_t opt_epoch;

    /* Statistics for benchmarks. */
    uint64_t stat_ops_in, stat_ops_opt, stat_code_bytes;

    TCGTemp temps[TCG_MAX_TEMPS];
};

static inline size_t temp_idx(TCGTemp *ts)
{
    return ts - tcg_ctx->temps;
}

static inline TCGTemp *tcgv_i32_temp(TCGv_i32 v)
{
    return (TCGTemp *)((char *)tcg_ctx + (uintptr_t)v);
}

static inline TCGTemp *tcgv_i64_temp(TCGv_i64 v)
{
    return (TCGTemp *)((char *)tcg_ctx + (uintptr_t)v);
}

static inline TCGTemp *tcgv_ptr_temp(TCGv_ptr v)
{
    return (TCGTemp *)((char *)tcg_ctx + (uintptr_t)v);
}

static inline TCGArg tcgv_i32_arg(TCGv_i32 v)
{
    return (TCGArg)(uintptr_t)tcgv_i32_temp(v);
}

static inline TCGArg tcgv_i64_arg(TCGv_i64 v)
{
    return (TCGArg)(uintptr_t)tcgv_i64_temp(v);
}

static inline TCGArg tcgv_ptr_arg(TCGv_ptr v)
{
    return (TCGArg)(uintptr_t)tcgv_ptr_temp(v);
}

static inline TCGv_i32 temp_tcgv_i32(TCGTemp *t)
{
    return (TCGv_i32)(uintptr_t)((char *)t - (char *)tcg_ctx);
}

static inline TCGv_i64 temp_tcgv_i64(TCGTemp *t)
{
    return (TCGv_i64)(uintptr_t)((char *)t - (char *)tcg_ctx);
}

static inline TCGv_ptr temp_tcgv_ptr(TCGTemp *t)
{
    return (TCGv_ptr)(uintptr_t)((char *)t - (char *)tcg_ctx);
}

/* Op arguments that are temps hold the TCGTemp pointer. */
static inline TCGTemp *arg_temp(TCGArg a)
{
    return (TCGTemp *)(uintptr_t)a;
}

static inline TCGArg temp_arg(TCGTemp *ts)
{
    return (TCGArg)(uintptr_t)ts;
}

static inline TCGArg label_arg(TCGLabel *l)
{
    return (TCGArg)(uintptr_t)l;
}

static inline TCGLabel *arg_label(TCGArg a)
{
    return (TCGLabel *)(uintptr_t)a;
}

/* --- Contexts and the code buffer ------------------------------------ */

/*
 * Create a context using @kind's backend and make it current (tcg_ctx).
 * It creates the "env" global first, so tcg_env is the same handle in
 * every context.  A code buffer must be added with tcg_region_init().
 */
TCGContext *tcg_context_create(TCGBackendKind kind);
/* Free a context and its code buffer; tcg_ctx becomes NULL if it was. */
void tcg_context_destroy(TCGContext *s);
/* Make @s the current context. */
void tcg_set_current(TCGContext *s);
/* Create the process-wide context once, if there is none yet. */
void tcg_context_init(TCGBackendKind kind);
bool tcg_backend_available(TCGBackendKind kind);
const char *tcg_backend_name(TCGBackendKind kind);

/*
 * Map a code buffer of @bytes (0: a default of 32 MiB) for the current
 * context and generate its prologue/epilogue.  Never RWX: the buffer is
 * mapped twice (memfd) or its protection is toggled around writes.
 */
void tcg_region_init(size_t bytes);
/* Forget all generated code (after a full TB flush by the caller). */
void tcg_region_reset_all(void);
size_t tcg_code_size(void);         /* bytes used since the last flush */
size_t tcg_code_capacity(void);     /* bytes usable for TBs */
size_t tcg_tb_count(void);          /* TBs generated since the last flush */

/*
 * Carve a TranslationBlock struct from the code buffer, or NULL when the
 * buffer is full (flush with tcg_region_reset_all() and retry).  The
 * pointer is writable; it is the value that exit_tb reports.
 */
TranslationBlock *tcg_tb_alloc(TCGContext *s);

/* Convert between the two views of the code buffer. */
const void *tcg_splitwx_to_rx(void *rw);
void *tcg_splitwx_to_rw(const void *rx);

/* --- Building a TB ----------------------------------------------------- */

/* Start a new op list (frees the previous TB's temps, labels and ops). */
void tcg_func_start(TCGContext *s);

/*
 * Optimize the op list and generate code for @tb at the code buffer's
 * current position; sets tb->tc, the jump offsets and the search data and
 * advances the buffer.  Returns the code size, -1 if the buffer is full
 * (flush everything and retry) or -2 if the TB is too large (retry with
 * fewer guest instructions).
 */
int tcg_gen_code(TCGContext *s, TranslationBlock *tb, uint64_t pc_start);

/*
 * Run translated code starting at @tb_code_ptr (a tc.ptr) until it
 * leaves through exit_tb or goto_ptr to the epilogue.  Returns the last
 * TB | exit index (TB_EXIT_*), or 0.
 */
uintptr_t tcg_qemu_tb_exec(void *env, const void *tb_code_ptr);

/*
 * Point goto_tb slot @n of @tb at @addr (rx address of another TB's code,
 * or tc.ptr + jmp_reset_offset[n] to unchain).  The patch is a single
 * atomic store, safe while other code runs.
 */
void tb_set_jmp_target(TranslationBlock *tb, int n, uintptr_t addr);
/* The backend hook behind it: @jmp_rx/@jmp_rw locate the patch site. */
void tb_target_set_jmp_target(const TranslationBlock *tb, int n,
                              uintptr_t jmp_rx, uintptr_t jmp_rw);

/*
 * Recover the insn_start data of the guest instruction whose code
 * contains @host_pc (a return address from a helper: generated code, or
 * the interpreter's tci_tb_ptr).  false if @host_pc is not in @tb.
 */
bool tcg_tb_find_insn_data(const TranslationBlock *tb, uintptr_t host_pc,
                           uint64_t data[TCG_MAX_INSN_DATA]);

/* The code address goto_ptr jumps to for "no TB found: exit". */
#define tcg_code_gen_epilogue (tcg_ctx->code_gen_epilogue)

/*
 * Defined by accel/tcg: the code pointer of the TB for the current CPU
 * state, or tcg_code_gen_epilogue.  Called by lookup_and_goto_ptr.
 */
const void *helper_lookup_tb_ptr(struct CPUArchState *env);

/*
 * While the interpreter runs a helper, the bytecode position to use as
 * the helper's return address.  Helpers should get their retaddr with
 * TCG_GETPC(), which picks the right source for the current backend.
 */
extern __thread uintptr_t tci_tb_ptr;

#define TCG_GETPC()                                                     \
    (tcg_ctx->backend_kind == TCG_BACKEND_INTERP ? tci_tb_ptr :        \
     (uintptr_t)__builtin_return_address(0))

/* --- Temporaries ------------------------------------------------------- */

TCGTemp *tcg_global_mem_new_internal(TCGType type, TCGv_ptr base,
                                     intptr_t offset, const char *name);
TCGTemp *tcg_temp_new_internal(TCGType type, TCGTempKind kind);
void tcg_temp_free_internal(TCGTemp *ts);
TCGTemp *tcg_constant_internal(TCGType type, int64_t val);

static inline TCGv_i32 tcg_global_mem_new_i32(TCGv_ptr base, intptr_t off,
                                              const char *name)
{
    return temp_tcgv_i32(tcg_global_mem_new_internal(TCG_TYPE_I32, base,
                                                     off, name));
}

static inline TCGv_i64 tcg_global_mem_new_i64(TCGv_ptr base, intptr_t off,
                                              const char *name)
{
    return temp_tcgv_i64(tcg_global_mem_new_internal(TCG_TYPE_I64, base,
                                                     off, name));
}

static inline TCGv_ptr tcg_global_mem_new_ptr(TCGv_ptr base, intptr_t off,
                                              const char *name)
{
    return temp_tcgv_ptr(tcg_global_mem_new_internal(TCG_TYPE_PTR, base,
                                                     off, name));
}

static inline TCGv tcg_global_mem_new(TCGv_ptr base, intptr_t off,
                                      const char *name)
{
    return tcg_global_mem_new_i32(base, off, name);
}

/* TB-lifetime temps: keep their value across labels. */
static inline TCGv_i32 tcg_temp_new_i32(void)
{
    return temp_tcgv_i32(tcg_temp_new_internal(TCG_TYPE_I32, TEMP_TB));
}

static inline TCGv_i64 tcg_temp_new_i64(void)
{
    return temp_tcgv_i64(tcg_temp_new_internal(TCG_TYPE_I64, TEMP_TB));
}

static inline TCGv_ptr tcg_temp_new_ptr(void)
{
    return temp_tcgv_ptr(tcg_temp_new_internal(TCG_TYPE_PTR, TEMP_TB));
}

static inline TCGv tcg_temp_new(void)
{
    return tcg_temp_new_i32();
}

/* EBB temps: dead at the next label; cheaper for short-lived values. */
static inline TCGv_i32 tcg_temp_ebb_new_i32(void)
{
    return temp_tcgv_i32(tcg_temp_new_internal(TCG_TYPE_I32, TEMP_EBB));
}

static inline TCGv_i64 tcg_temp_ebb_new_i64(void)
{
    return temp_tcgv_i64(tcg_temp_new_internal(TCG_TYPE_I64, TEMP_EBB));
}

static inline TCGv_ptr tcg_temp_ebb_new_ptr(void)
{
    return temp_tcgv_ptr(tcg_temp_new_internal(TCG_TYPE_PTR, TEMP_EBB));
}

/*
 * Freeing is optional (all temps die with the TB) but lets a long TB
 * reuse the slot.  Freeing a global or constant does nothing.
 */
static inline void tcg_temp_free_i32(TCGv_i32 v)
{
    tcg_temp_free_internal(tcgv_i32_temp(v));
}

static inline void tcg_temp_free_i64(TCGv_i64 v)
{
    tcg_temp_free_internal(tcgv_i64_temp(v));
}

static inline void tcg_temp_free_ptr(TCGv_ptr v)
{
    tcg_temp_free_internal(tcgv_ptr_temp(v));
}

static inline void tcg_temp_free(TCGv v)
{
    tcg_temp_free_i32(v);
}

/* Read-only constants, shared within the TB: never write to them. */
static inline TCGv_i32 tcg_constant_i32(int32_t val)
{
    return temp_tcgv_i32(tcg_constant_internal(TCG_TYPE_I32, val));
}

static inline TCGv_i64 tcg_constant_i64(int64_t val)
{
    return temp_tcgv_i64(tcg_constant_internal(TCG_TYPE_I64, val));
}

static inline TCGv_ptr tcg_constant_ptr_int(intptr_t val)
{
    return temp_tcgv_ptr(tcg_constant_internal(TCG_TYPE_PTR, val));
}

#define tcg_constant_ptr(x) tcg_constant_ptr_int((intptr_t)(x))

static inline TCGv tcg_constant_tl(int32_t val)
{
    return tcg_constant_i32(val);
}

/* Writable temps initialised to a value (older QEMU API). */
TCGv_i32 tcg_const_i32(int32_t val);
TCGv_i64 tcg_const_i64(int64_t val);

/* --- Labels ------------------------------------------------------------ */

TCGLabel *gen_new_label(void);

/* --- Ops (used by tcg-op.c, the passes and the backends) --------------- */

TCGOp *tcg_emit_op(TCGOpcode opc, unsigned nargs);
TCGOp *tcg_op_insert_before(TCGContext *s, TCGOp *old, TCGOpcode opc,
                            unsigned nargs);
TCGOp *tcg_op_insert_after(TCGContext *s, TCGOp *old, TCGOpcode opc,
                           unsigned nargs);
void tcg_op_remove(TCGContext *s, TCGOp *op);
void tcg_gen_callN(const TCGHelperInfo *info, TCGTemp *ret,
                   TCGTemp **args);

/* Print the op list in QEMU's "-d op" format. */
void tcg_dump_ops(TCGContext *s, FILE *f, bool have_prefs);
/* Number of ops in the current list (tests, statistics). */
int tcg_op_count(TCGContext *s);

#endif /* TCG_TCG_H */
