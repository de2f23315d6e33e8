/*
 * TCG core: contexts, temporaries, labels, the op list, dumps, and the
 * tcg_gen_code() driver that runs the passes and a backend.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "tcg/tcg-op.h"
#include "tcg-internal.h"

TCGContext *tcg_ctx;
TCGv_ptr tcg_env;
__thread uintptr_t tci_tb_ptr;

const TCGOpDef tcg_op_defs[NB_OPS] = {
#define DEF(n, o, i, c, f) \
    [INDEX_op_##n] = { #n, o, i, c, (o) + (i) + (c), f },
#include "tcg/tcg-opc.h"
#undef DEF
};

#define OPS_PER_CHUNK 512

static const TCGBackend *backend_for(TCGBackendKind kind)
{
    switch (kind) {
    case TCG_BACKEND_X86_64:
#ifdef HOST_X86_64
        return &tcg_backend_x86_64;
#else
        return NULL;
#endif
    case TCG_BACKEND_INTERP:
        return &tcg_backend_interp;
    }
    return NULL;
}

bool tcg_backend_available(TCGBackendKind kind)
{
    return backend_for(kind) != NULL;
}

const char *tcg_backend_name(TCGBackendKind kind)
{
    const TCGBackend *be = backend_for(kind);

    return be ? be->name : "unavailable";
}

static void label_free(gpointer p)
{
    TCGLabel *l = p;

    if (l->relocs) {
        g_array_free(l->relocs, true);
    }
    g_free(l);
}

TCGContext *tcg_context_create(TCGBackendKind kind)
{
    TCGContext *s = g_new0(TCGContext, 1);
    TCGTemp *ts;

    s->backend_kind = kind;
    s->backend = backend_for(kind);
    g_assert(s->backend);
    s->op_chunks = g_ptr_array_new_with_free_func(g_free);
    s->labels = g_ptr_array_new_with_free_func(label_free);
    for (int t = 0; t < TCG_TYPE_COUNT; t++) {
        s->const_table[t] = g_hash_table_new(g_int64_hash, g_int64_equal);
    }
    s->page_bits = 12;
    tcg_ctx = s;

    /* env is always the first temp, so tcg_env is the same everywhere. */
    ts = &s->temps[s->nb_temps++];
    ts->type = TCG_TYPE_PTR;
    ts->kind = TEMP_FIXED;
    ts->name = "env";
    ts->val_type = TEMP_VAL_REG;
    s->nb_globals = s->nb_temps;
    tcg_env = temp_tcgv_ptr(ts);

    s->backend->init(s);
    return s;
}

void tcg_set_current(TCGContext *s)
{
    tcg_ctx = s;
}

void tcg_context_init(TCGBackendKind kind)
{
    if (!tcg_ctx) {
        tcg_context_create(kind);
    }
}


void tcg_context_destroy(TCGContext *s)
{
    TCGContext *saved = tcg_ctx;

    tcg_ctx = s;
    s->backend->destroy(s);
    tcg_region_unmap(s);
    g_ptr_array_free(s->op_chunks, true);
    g_ptr_array_free(s->labels, true);
    g_free(s->opt_info);
    for (int t = 0; t < TCG_TYPE_COUNT; t++) {
        g_hash_table_destroy(s->const_table[t]);
    }
    tcg_ctx = saved == s ? NULL : saved;
    g_free(s);
}

/* --- Temporaries -------------------------------------------------------- */

/* Index of the first set bit below @n, or @n. */
static int first_set_bit(const unsigned long *map, int n)
{
    for (int w = 0; w < (int)BITS_TO_LONGS(n); w++) {
        if (map[w]) {
            int b = w * BITS_PER_LONG + __builtin_ctzl(map[w]);

            return b < n ? b : n;
        }
    }
    return n;
}

static TCGTemp *temp_alloc(TCGContext *s)
{
    if (s->nb_temps >= TCG_MAX_TEMPS) {
        /*
         * Out of temps: keep going with a scratch temp so the frontend
         * need not check; tcg_gen_code() then reports "TB too large" and
         * the caller retries with fewer instructions.
         */
        s->temps_overflow = true;
        return &s->temps[TCG_MAX_TEMPS - 1];
    }
    return &s->temps[s->nb_temps++];
}

TCGTemp *tcg_global_mem_new_internal(TCGType type, TCGv_ptr base,
                                     intptr_t offset, const char *name)
{
    TCGContext *s = tcg_ctx;
    TCGTemp *ts;

    /* Globals must come before any per-TB temp. */
    g_assert(s->nb_temps == s->nb_globals);
    g_assert(s->nb_temps < TCG_MAX_TEMPS / 2);
    ts = &s->temps[s->nb_temps++];
    s->nb_globals = s->nb_temps;
    ts->type = type;
    ts->kind = TEMP_GLOBAL;
    ts->mem_base = tcgv_ptr_temp(base);
    g_assert(ts->mem_base->kind == TEMP_FIXED);
    ts->mem_offset = offset;
    ts->name = name;
    ts->val_type = TEMP_VAL_MEM;
    ts->mem_coherent = true;
    ts->mem_allocated = true;
    return ts;
}

TCGTemp *tcg_temp_new_internal(TCGType type, TCGTempKind kind)
{
    TCGContext *s = tcg_ctx;
    int k = kind == TEMP_TB;
    TCGTemp *ts;
    int n;

    g_assert(kind == TEMP_EBB || kind == TEMP_TB);
    n = first_set_bit(s->free_temps[k][type], s->nb_temps);
    if (n < s->nb_temps) {
        clear_bit(n, s->free_temps[k][type]);
        ts = &s->temps[n];
        ts->allocated = true;
        return ts;
    }
    ts = temp_alloc(s);
    memset(ts, 0, sizeof(*ts));
    ts->type = type;
    ts->kind = kind;
    ts->allocated = true;
    ts->val_type = TEMP_VAL_DEAD;
    return ts;
}

TCGTemp *tcg_temp_new_pass(TCGContext *s, TCGType type)
{
    TCGTemp *ts = temp_alloc(s);

    memset(ts, 0, sizeof(*ts));
    ts->type = type;
    ts->kind = TEMP_EBB;
    ts->allocated = true;
    ts->val_type = TEMP_VAL_DEAD;
    return ts;
}

void tcg_temp_free_internal(TCGTemp *ts)
{
    TCGContext *s = tcg_ctx;
    size_t n = ts - s->temps;

    if (ts->kind != TEMP_EBB && ts->kind != TEMP_TB) {
        return;
    }
    if (s->temps_overflow && n == TCG_MAX_TEMPS - 1) {
        return;
    }
    g_assert(ts->allocated);
    ts->allocated = false;
    set_bit(n, s->free_temps[ts->kind == TEMP_TB][ts->type]);
}

TCGTemp *tcg_constant_internal(TCGType type, int64_t val)
{
    TCGContext *s = tcg_ctx;
    TCGTemp *ts;

    if (type == TCG_TYPE_I32) {
        val = (int32_t)val;
    }
    ts = g_hash_table_lookup(s->const_table[type], &val);
    if (ts) {
        return ts;
    }
    ts = temp_alloc(s);
    if (s->temps_overflow) {
        return ts;
    }
    memset(ts, 0, sizeof(*ts));
    ts->type = type;
    ts->kind = TEMP_CONST;
    ts->val = val;
    ts->val_type = TEMP_VAL_CONST;
    g_hash_table_insert(s->const_table[type], &ts->val, ts);
    return ts;
}

TCGv_i32 tcg_const_i32(int32_t val)
{
    TCGv_i32 t = tcg_temp_new_i32();

    tcg_gen_movi_i32(t, val);
    return t;
}

TCGv_i64 tcg_const_i64(int64_t val)
{
    TCGv_i64 t = tcg_temp_new_i64();

    tcg_gen_movi_i64(t, val);
    return t;
}

/* --- Labels -------------------------------------------------------------- */

TCGLabel *gen_new_label(void)
{
    TCGContext *s = tcg_ctx;
    TCGLabel *l = g_new0(TCGLabel, 1);

    l->id = s->labels->len;
    g_ptr_array_add(s->labels, l);
    return l;
}

void tcg_label_add_reloc(TCGLabel *l, size_t code_off)
{
    uint32_t off = code_off;

    if (!l->relocs) {
        l->relocs = g_array_new(false, false, sizeof(uint32_t));
    }
    g_array_append_val(l->relocs, off);
}

/* --- The op list --------------------------------------------------------- */

static TCGOp *op_alloc(TCGContext *s)
{
    unsigned chunk = s->op_chunk_used / OPS_PER_CHUNK;
    unsigned idx = s->op_chunk_used % OPS_PER_CHUNK;
    TCGOp *op;

    if (chunk >= s->op_chunks->len) {
        g_ptr_array_add(s->op_chunks, g_new(TCGOp, OPS_PER_CHUNK));
    }
    op = (TCGOp *)g_ptr_array_index(s->op_chunks, chunk) + idx;
    s->op_chunk_used++;
    memset(op, 0, offsetof(TCGOp, args));
    return op;
}

static TCGOp *op_new(TCGContext *s, TCGOpcode opc, unsigned nargs)
{
    TCGOp *op = op_alloc(s);

    g_assert(nargs <= TCG_MAX_OP_ARGS);
    op->opc = opc;
    op->nargs = nargs;
    s->nb_ops++;
    return op;
}

TCGOp *tcg_emit_op(TCGOpcode opc, unsigned nargs)
{
    TCGContext *s = tcg_ctx;
    TCGOp *op = op_new(s, opc, nargs);

    op->prev = s->last_op;
    op->next = NULL;
    if (s->last_op) {
        s->last_op->next = op;
    } else {
        s->first_op = op;
    }
    s->last_op = op;
    return op;
}

TCGOp *tcg_op_insert_before(TCGContext *s, TCGOp *old, TCGOpcode opc,
                            unsigned nargs)
{
    TCGOp *op = op_new(s, opc, nargs);

    op->next = old;
    op->prev = old->prev;
    if (old->prev) {
        old->prev->next = op;
    } else {
        s->first_op = op;
    }
    old->prev = op;
    return op;
}

TCGOp *tcg_op_insert_after(TCGContext *s, TCGOp *old, TCGOpcode opc,
                           unsigned nargs)
{
    TCGOp *op = op_new(s, opc, nargs);

    op->prev = old;
    op->next = old->next;
    if (old->next) {
        old->next->prev = op;
    } else {
        s->last_op = op;
    }
    old->next = op;
    return op;
}

void tcg_op_remove(TCGContext *s, TCGOp *op)
{
    switch (op->opc) {
    case INDEX_op_br:
        arg_label(op->args[0])->refs--;
        break;
    case INDEX_op_brcond_i32:
    case INDEX_op_brcond_i64:
        arg_label(op->args[3])->refs--;
        break;
    default:
        break;
    }
    if (op->prev) {
        op->prev->next = op->next;
    } else {
        s->first_op = op->next;
    }
    if (op->next) {
        op->next->prev = op->prev;
    } else {
        s->last_op = op->prev;
    }
    s->nb_ops--;
}

int tcg_op_count(TCGContext *s)
{
    return s->nb_ops;
}

void tcg_gen_callN(const TCGHelperInfo *info, TCGTemp *ret, TCGTemp **args)
{
    int nin = 0;
    int nout = tcg_typemask_code(info->typemask, 0) != dh_typecode_void;
    TCGOp *op;
    int i = 0;

    while (nin < TCG_MAX_CALL_IARGS &&
           tcg_typemask_code(info->typemask, nin + 1)) {
        nin++;
    }
    g_assert(nin < TCG_MAX_CALL_IARGS || !(info->typemask >> (3 * 7)));
    g_assert(!nout == !ret);

    op = tcg_emit_op(INDEX_op_call, nout + nin + 2);
    op->callo = nout;
    op->calli = nin;
    if (nout) {
        op->args[i++] = temp_arg(ret);
    }
    for (int j = 0; j < nin; j++) {
        op->args[i++] = temp_arg(args[j]);
    }
    op->args[i++] = (TCGArg)(uintptr_t)info->func;
    op->args[i++] = (TCGArg)(uintptr_t)info;
}

TCGOpcode tcg_op_for_type(TCGOpcode opc32, TCGType type)
{
    if (type == TCG_TYPE_I32) {
        return opc32;
    }
    switch (opc32) {
#define PAIR(x) case INDEX_op_##x##_i32: return INDEX_op_##x##_i64;
    PAIR(mov) PAIR(add) PAIR(sub) PAIR(mul) PAIR(and) PAIR(or) PAIR(xor)
    PAIR(andc) PAIR(orc) PAIR(shl) PAIR(shr) PAIR(sar) PAIR(rotl)
    PAIR(rotr) PAIR(neg) PAIR(not) PAIR(setcond) PAIR(negsetcond)
    PAIR(movcond) PAIR(brcond) PAIR(ext8s) PAIR(ext8u) PAIR(ext16s)
    PAIR(ext16u) PAIR(deposit) PAIR(extract) PAIR(sextract)
    PAIR(st8) PAIR(st16) PAIR(ld8u) PAIR(ld8s) PAIR(ld16u) PAIR(ld16s)
    PAIR(ld) PAIR(st)
#undef PAIR
    default:
        g_assert_not_reached();
    }
}

/* --- Dumps --------------------------------------------------------------- */

const char *tcg_temp_name(TCGContext *s, TCGTemp *ts, char *buf,
                          size_t size)
{
    size_t idx = ts - s->temps;

    switch (ts->kind) {
    case TEMP_FIXED:
    case TEMP_GLOBAL:
        snprintf(buf, size, "%s", ts->name);
        break;
    case TEMP_TB:
        snprintf(buf, size, "loc%zu", idx - s->nb_globals);
        break;
    case TEMP_EBB:
        snprintf(buf, size, "tmp%zu", idx - s->nb_globals);
        break;
    case TEMP_CONST:
        if (ts->type == TCG_TYPE_I32) {
            snprintf(buf, size, "$0x%x", (uint32_t)ts->val);
        } else {
            snprintf(buf, size, "$0x%" PRIx64, (uint64_t)ts->val);
        }
        break;
    }
    return buf;
}

static const char *const cond_names[16] = {
    [TCG_COND_NEVER] = "never", [TCG_COND_ALWAYS] = "always",
    [TCG_COND_EQ] = "eq", [TCG_COND_NE] = "ne",
    [TCG_COND_LT] = "lt", [TCG_COND_GE] = "ge",
    [TCG_COND_LE] = "le", [TCG_COND_GT] = "gt",
    [TCG_COND_LTU] = "ltu", [TCG_COND_GEU] = "geu",
    [TCG_COND_LEU] = "leu", [TCG_COND_GTU] = "gtu",
};

const char *tcg_memop_name(MemOp op, char *buf, size_t size)
{
    static const char *const sizes[] = { "b", "w", "l", "q" };
    unsigned a = op & MO_AMASK;
    char align[16] = "";

    if (a == MO_ALIGN) {
        snprintf(align, sizeof(align), "al%u+", memop_size(op));
    } else if (a) {
        snprintf(align, sizeof(align), "al%u+", 1u << (a >> MO_ASHIFT));
    }
    snprintf(buf, size, "%s%s%s%s", align,
             (op & MO_SIZE) == MO_8 ? "" : (op & MO_BSWAP) == MO_BE ?
             "be" : "le",
             op & MO_SIGN ? "s" : "u", sizes[op & MO_SIZE]);
    return buf;
}

static int dump_op(TCGContext *s, FILE *f, TCGOp *op)
{
    const TCGOpDef *def = op_def(op);
    char buf[64];
    int col = 0;
    int nout, nin, k = 0;

    if (op->opc == INDEX_op_insn_start) {
        return fprintf(f, " ---- %016" PRIx64 " %016" PRIx64,
                       (uint64_t)op->args[0], (uint64_t)op->args[1]);
    }
    if (op->opc == INDEX_op_call) {
        const TCGHelperInfo *info = tcg_call_info(op);

        nout = op->callo;
        nin = op->calli;
        col += fprintf(f, " call %s,$0x%x,$%d", info->name, info->flags,
                       nout);
        for (int i = 0; i < nout + nin; i++) {
            col += fprintf(f, ",%s", tcg_temp_name(s, arg_temp(op->args[i]),
                                                   buf, sizeof(buf)));
        }
        return col;
    }

    nout = def->nb_oargs;
    nin = def->nb_iargs;
    col += fprintf(f, " %s ", def->name);
    for (int i = 0; i < nout + nin; i++) {
        col += fprintf(f, "%s%s", k++ ? "," : "",
                       tcg_temp_name(s, arg_temp(op->args[i]), buf,
                                     sizeof(buf)));
    }
    {
        const TCGArg *c = &op->args[nout + nin];

        switch (op->opc) {
        case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
        case INDEX_op_negsetcond_i32: case INDEX_op_negsetcond_i64:
        case INDEX_op_movcond_i32: case INDEX_op_movcond_i64:
            col += fprintf(f, ",%s", cond_names[c[0] & 15]);
            break;
        case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
            col += fprintf(f, ",%s,$L%u", cond_names[c[0] & 15],
                           arg_label(c[1])->id);
            break;
        case INDEX_op_br: case INDEX_op_set_label:
            col += fprintf(f, "$L%u", arg_label(c[0])->id);
            break;
        case INDEX_op_qemu_ld_i32: case INDEX_op_qemu_st_i32:
        case INDEX_op_qemu_ld_i64: case INDEX_op_qemu_st_i64: {
            MemOpIdx oi = c[0];

            col += fprintf(f, ",%s,%u",
                           tcg_memop_name(get_memop(oi), buf, sizeof(buf)),
                           get_mmuidx(oi));
            break;
        }
        default:
            for (int i = 0; i < def->nb_cargs; i++) {
                col += fprintf(f, "%s$0x%" PRIx64, k++ ? "," : "",
                               (uint64_t)c[i]);
            }
            break;
        }
    }
    return col;
}

void tcg_dump_ops(TCGContext *s, FILE *f, bool have_prefs)
{
    for (TCGOp *op = s->first_op; op; op = op->next) {
        int col = dump_op(s, f, op);

        if (have_prefs && op->life) {
            fprintf(f, "%*s dead:", col < 40 ? 40 - col : 1, "");
            for (int i = 0; i < 32; i++) {
                if (op->life & DEAD_ARG(i)) {
                    fprintf(f, " %d", i);
                }
            }
        }
        fputc('\n', f);
    }
}

/* --- Building and generating a TB ---------------------------------------- */

void tcg_func_start(TCGContext *s)
{
    tcg_ctx = s;
    s->nb_temps = s->nb_globals;
    memset(s->free_temps, 0, sizeof(s->free_temps));
    for (int t = 0; t < TCG_TYPE_COUNT; t++) {
        g_hash_table_remove_all(s->const_table[t]);
    }
    s->temps_overflow = false;
    s->first_op = s->last_op = NULL;
    s->nb_ops = 0;
    s->op_chunk_used = 0;
    g_ptr_array_set_size(s->labels, 0);
    s->nb_insns = 0;
}

void tcg_run_passes(TCGContext *s)
{
    /*
     * Lower globals first: the optimizer then sees the explicit loads
     * and stores, so a constant or copy reaches the store itself.
     */
    tcg_demote_tb_temps(s);
    tcg_lower_globals(s);
    if (!s->disable_optimizer) {
        tcg_optimize(s);
    }
    tcg_liveness_analysis(s);
}

/* Signed LEB128, for the compact per-insn search data. */
static void put_sleb128(uint8_t **p, int64_t v)
{
    bool more;

    do {
        uint8_t byte = v & 0x7f;

        v >>= 7;
        more = !((v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40)));
        **p = byte | (more ? 0x80 : 0);
        (*p)++;
    } while (more);
}

static int64_t get_sleb128(const uint8_t **p)
{
    int64_t v = 0;
    int shift = 0;
    uint8_t byte;

    do {
        byte = *(*p)++;
        v |= (int64_t)(byte & 0x7f) << shift;
        shift += 7;
    } while (byte & 0x80);
    if (shift < 64 && (byte & 0x40)) {
        v |= -((int64_t)1 << shift);
    }
    return v;
}

static void encode_search(TCGContext *s, TranslationBlock *tb)
{
    uint64_t prev[TCG_MAX_INSN_DATA] = { tb->pc, 0 };
    uint32_t prev_end = 0;
    uint8_t *p = s->code_ptr;

    for (int i = 0; i < s->nb_insns; i++) {
        for (int j = 0; j < TCG_MAX_INSN_DATA; j++) {
            put_sleb128(&p, s->gen_insn_data[i][j] - prev[j]);
            prev[j] = s->gen_insn_data[i][j];
        }
        put_sleb128(&p, (int64_t)s->gen_insn_end_off[i] - prev_end);
        prev_end = s->gen_insn_end_off[i];
    }
    s->code_ptr = p;
}

bool tcg_tb_find_insn_data(const TranslationBlock *tb, uintptr_t host_pc,
                           uint64_t data[TCG_MAX_INSN_DATA])
{
    uintptr_t start = (uintptr_t)tb->tc.ptr;
    const uint8_t *p;
    uint64_t cur[TCG_MAX_INSN_DATA] = { tb->pc, 0 };
    uint64_t end = 0;

    if (host_pc <= start || host_pc > start + tb->tc.size) {
        return false;
    }
    /* A return address points just past the call: look one byte back. */
    p = (const uint8_t *)start + tb->search_offset;
    for (unsigned i = 0; i < tb->icount; i++) {
        for (int j = 0; j < TCG_MAX_INSN_DATA; j++) {
            cur[j] += get_sleb128(&p);
        }
        end += get_sleb128(&p);
        if (host_pc - start <= end) {
            memcpy(data, cur, sizeof(cur));
            return true;
        }
    }
    return false;
}

int tcg_gen_code(TCGContext *s, TranslationBlock *tb, uint64_t pc_start)
{
    size_t code_size = 0;
    int ret;

    tcg_ctx = s;
    g_assert(s->code_gen_buffer);
    if (s->temps_overflow || s->nb_insns > TCG_MAX_INSNS) {
        return -2;
    }
    if (s->code_gen_ptr > s->code_gen_highwater) {
        return -1;
    }
    s->stat_ops_in += s->nb_ops;
    if (qemu_loglevel_mask(CPU_LOG_TB_OP)) {
        FILE *f = qemu_log_trylock();

        if (f) {
            fprintf(f, "OP:\n");
            tcg_dump_ops(s, f, false);
            fprintf(f, "\n");
            qemu_log_unlock(f);
        }
    }

    tcg_run_passes(s);
    if (s->temps_overflow) {
        return -2;
    }
    s->stat_ops_opt += s->nb_ops;
    if (qemu_loglevel_mask(CPU_LOG_TB_OP_OPT)) {
        FILE *f = qemu_log_trylock();

        if (f) {
            fprintf(f, "OP after optimization and liveness analysis:\n");
            tcg_dump_ops(s, f, true);
            fprintf(f, "\n");
            qemu_log_unlock(f);
        }
    }

    tb->pc = pc_start;
    tb->icount = s->nb_insns;
    tb->jmp_reset_offset[0] = tb->jmp_reset_offset[1] =
        TB_JMP_OFFSET_INVALID;
    tb->jmp_insn_offset[0] = tb->jmp_insn_offset[1] = TB_JMP_OFFSET_INVALID;
    tb->jmp_target_addr[0] = tb->jmp_target_addr[1] = 0;
    s->gen_tb = tb;
    s->code_buf = s->code_ptr = s->code_gen_ptr;

    tcg_code_begin_write(s);
    ret = s->backend->gen_code(s, tb);
    if (ret == 0) {
        code_size = tcg_current_code_size(s);
        if (code_size >= TB_JMP_OFFSET_INVALID) {
            ret = -2;
        } else if (s->code_ptr + s->nb_insns * 3 * 10 >
                   s->code_gen_buffer + s->code_gen_buffer_size) {
            ret = -1;
        } else {
            tb->tc.ptr = tcg_splitwx_to_rx(s->code_buf);
            tb->tc.size = code_size;
            tb->search_offset = code_size;
            encode_search(s, tb);
        }
    }
    tcg_code_end_write(s);
    if (ret < 0) {
        return ret;
    }

    if (qemu_loglevel_mask(CPU_LOG_TB_OUT_ASM)) {
        FILE *f = qemu_log_trylock();

        if (f) {
            fprintf(f, "OUT: [size=%zu]\n", code_size);
            s->backend->disas(s, f, tb->tc.ptr, code_size);
            fprintf(f, "\n");
            qemu_log_unlock(f);
        }
    }

    s->code_gen_ptr = (uint8_t *)QEMU_ALIGN_UP((uintptr_t)s->code_ptr, 16);
    s->tb_count++;
    s->stat_code_bytes += code_size;
    return code_size;
}

uintptr_t tcg_qemu_tb_exec(void *env, const void *tb_code_ptr)
{
    TCGContext *s = tcg_ctx;

    return s->backend->exec(s, env, tb_code_ptr);
}

void tb_target_set_jmp_target(const TranslationBlock *tb, int n,
                              uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    tcg_ctx->backend->set_jmp_target(tb, n, jmp_rx, jmp_rw);
}

void tb_set_jmp_target(TranslationBlock *tb, int n, uintptr_t addr)
{
    TCGContext *s = tcg_ctx;
    uintptr_t rx = (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[n];

    g_assert(tb->jmp_insn_offset[n] != TB_JMP_OFFSET_INVALID);
    tb->jmp_target_addr[n] = addr;
    tcg_code_begin_write(s);
    tb_target_set_jmp_target(tb, n, rx, rx - s->code_rx_diff);
    tcg_code_end_write(s);
}
