/*
 * The portable backend: compiles the op list into bytecode in the code
 * buffer and interprets it.  It is also the reference the x86-64 backend
 * is tested against.
 *
 * Each temp of the TB owns a 64-bit slot in a frame (slot 0 holds env);
 * i32 values are kept zero-extended.  An instruction is a 16-byte header
 * (opcode, two small constants, five slot numbers, length) followed by
 * 64-bit words: an immediate, an offset, a branch target, a helper.
 * Binary ops whose second input is a constant use an immediate form;
 * other constant inputs are first copied into their slot with "movi".
 *
 * Guest memory accesses use the softmmu TLB inline when the context knows
 * where it is (nb_mmu_modes > 0), and the helpers otherwise.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "exec/tlb-common.h"
#include "tcg-internal.h"

enum {
    TCI_IMM = 0x100,            /* second input is word[0] (or word[1]) */
    TCI_MOVI = 0x200,           /* r0 = word[0] */
    TCI_EXIT0,                  /* the epilogue: return 0 */
};

typedef struct TCIInsn {
    uint16_t opc;
    uint8_t c1, c2;             /* condition, or bit position and length */
    uint16_t r[5];              /* frame slots */
    uint16_t len;               /* size in 8-byte units, header included */
} TCIInsn;

QEMU_BUILD_BUG_ON(sizeof(TCIInsn) != 16);

#define NO_SLOT 0      /* void call: never written */

/* --- Compilation --------------------------------------------------------- */

static TCIInsn *emit_insn(TCGContext *s, unsigned opc, unsigned nwords)
{
    TCIInsn *in = (TCIInsn *)s->code_ptr;

    memset(in, 0, sizeof(*in) + nwords * 8);
    in->opc = opc;
    in->len = 2 + nwords;
    s->code_ptr += sizeof(*in) + nwords * 8;
    return in;
}

static uint64_t *insn_words(TCIInsn *in)
{
    return (uint64_t *)(in + 1);
}

static uint64_t const_bits(TCGTemp *ts)
{
    return ts->type == TCG_TYPE_I32 ? (uint32_t)ts->val : (uint64_t)ts->val;
}

/* The slot holding @ts, copying a constant into its slot first. */
static uint16_t slot(TCGContext *s, TCGTemp *ts)
{
    uint16_t n = ts - s->temps;

    if (ts->kind == TEMP_CONST) {
        TCIInsn *in = emit_insn(s, TCI_MOVI, 1);

        in->r[0] = n;
        insn_words(in)[0] = const_bits(ts);
    }
    return n;
}

static void add_label_ref(TCGContext *s, TCGLabel *l, uint64_t *word)
{
    tcg_label_add_reloc(l, (uint8_t *)word - s->code_buf);
}

static void patch_labels(TCGContext *s)
{
    for (unsigned i = 0; i < s->labels->len; i++) {
        TCGLabel *l = g_ptr_array_index(s->labels, i);

        if (!l->relocs) {
            continue;
        }
        g_assert(l->has_value);
        for (unsigned j = 0; j < l->relocs->len; j++) {
            uint64_t dest = (uintptr_t)s->code_buf + s->code_rx_diff +
                            l->value;

            memcpy(s->code_buf + g_array_index(l->relocs, uint32_t, j),
                   &dest, 8);
        }
    }
}

static void compile_op(TCGContext *s, TranslationBlock *tb, TCGOp *op)
{
    const TCGOpDef *def = op_def(op);
    int nout = op_nb_oargs(op), nin = op_nb_iargs(op);
    TCGTemp *in1 = nin > 0 ? arg_temp(op->args[nout]) : NULL;
    TCGTemp *in2 = nin > 1 ? arg_temp(op->args[nout + 1]) : NULL;
    uint16_t sl[6];
    TCIInsn *in;

    switch (op->opc) {
    case INDEX_op_mov_i32:
    case INDEX_op_mov_i64:
        if (in1->kind == TEMP_CONST) {
            in = emit_insn(s, TCI_MOVI, 1);
            insn_words(in)[0] = const_bits(in1);
        } else {
            in = emit_insn(s, op->opc, 0);
            in->r[1] = slot(s, in1);
        }
        in->r[0] = arg_temp(op->args[0]) - s->temps;
        return;

    case INDEX_op_discard:
    case INDEX_op_mb:
        return;

    case INDEX_op_br:
        in = emit_insn(s, INDEX_op_br, 1);
        add_label_ref(s, arg_label(op->args[0]), &insn_words(in)[0]);
        return;

    case INDEX_op_brcond_i32:
    case INDEX_op_brcond_i64:
        sl[0] = slot(s, in1);
        if (in2->kind == TEMP_CONST) {
            in = emit_insn(s, op->opc | TCI_IMM, 2);
            insn_words(in)[1] = const_bits(in2);
        } else {
            sl[1] = slot(s, in2);
            in = emit_insn(s, op->opc, 1);
            in->r[1] = sl[1];
        }
        in->r[0] = sl[0];
        in->c1 = op->args[2];
        add_label_ref(s, arg_label(op->args[3]), &insn_words(in)[0]);
        return;

    case INDEX_op_exit_tb:
        in = emit_insn(s, INDEX_op_exit_tb, 1);
        insn_words(in)[0] = op->args[0];
        return;

    case INDEX_op_goto_tb: {
        unsigned n = op->args[0];

        in = emit_insn(s, INDEX_op_goto_tb, 1);
        tb->jmp_insn_offset[n] = (uint8_t *)&insn_words(in)[0] - s->code_buf;
        tb->jmp_reset_offset[n] = s->code_ptr - s->code_buf;
        /* Unchained: continue with the next instruction. */
        insn_words(in)[0] = tcg_code_ptr_rx(s);
        return;
    }

    case INDEX_op_call: {
        const TCGHelperInfo *info = tcg_call_info(op);

        for (int i = 0; i < nin; i++) {
            sl[i] = slot(s, arg_temp(op->args[nout + i]));
        }
        in = emit_insn(s, INDEX_op_call, 4);
        in->r[0] = nout ? arg_temp(op->args[0]) - s->temps : NO_SLOT;
        in->c1 = nin;
        for (int i = 0; i < nin; i++) {
            insn_words(in)[2 + i / 4] |= (uint64_t)sl[i] << (16 * (i % 4));
        }
        insn_words(in)[0] = (uintptr_t)tcg_call_func(op);
        insn_words(in)[1] = info->typemask;
        return;
    }

    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_negsetcond_i32: case INDEX_op_negsetcond_i64:
        sl[1] = slot(s, in1);
        if (in2->kind == TEMP_CONST) {
            in = emit_insn(s, op->opc | TCI_IMM, 1);
            insn_words(in)[0] = const_bits(in2);
        } else {
            sl[2] = slot(s, in2);
            in = emit_insn(s, op->opc, 0);
            in->r[2] = sl[2];
        }
        in->r[0] = arg_temp(op->args[0]) - s->temps;
        in->r[1] = sl[1];
        in->c1 = op->args[3];
        return;

    default:
        break;
    }

    /* Loads/stores to host memory: the constant is an offset. */
    if (def->nb_cargs == 1 && nin + nout == 2 &&
        op->opc != INDEX_op_insn_start) {
        sl[0] = slot(s, arg_temp(op->args[0]));
        sl[1] = slot(s, arg_temp(op->args[1]));
        in = emit_insn(s, op->opc, 1);
        in->r[0] = sl[0];
        in->r[1] = sl[1];
        insn_words(in)[0] = op->args[2];
        return;
    }

    /* Binary ALU ops with a constant second input. */
    if (nout == 1 && nin == 2 && def->nb_cargs == 0 &&
        in2->kind == TEMP_CONST) {
        sl[1] = slot(s, in1);
        in = emit_insn(s, op->opc | TCI_IMM, 1);
        in->r[0] = arg_temp(op->args[0]) - s->temps;
        in->r[1] = sl[1];
        insn_words(in)[0] = const_bits(in2);
        return;
    }

    /* Everything else: all operands in slots, constants in c1/c2. */
    g_assert(nout + nin <= 5);
    for (int i = nout; i < nout + nin; i++) {
        sl[i] = slot(s, arg_temp(op->args[i]));
    }
    in = emit_insn(s, op->opc, 0);
    for (int i = 0; i < nout; i++) {
        in->r[i] = arg_temp(op->args[i]) - s->temps;
    }
    for (int i = nout; i < nout + nin; i++) {
        in->r[i] = sl[i];
    }
    if (def->nb_cargs >= 1) {
        in->c1 = op->args[nout + nin];
    }
    if (def->nb_cargs >= 2) {
        in->c2 = op->args[nout + nin + 1];
    }
}

static int interp_gen_code(TCGContext *s, TranslationBlock *tb)
{
    int insn = -1;

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

            l->has_value = true;
            l->value = tcg_current_code_size(s);
            break;
        }
        default:
            compile_op(s, tb, op);
            break;
        }
    }
    if (insn >= 0) {
        s->gen_insn_end_off[insn] = tcg_current_code_size(s);
    }
    /* Falling off the end of a TB is a frontend bug; exit cleanly. */
    emit_insn(s, INDEX_op_exit_tb, 1);
    patch_labels(s);
    return 0;
}

static void interp_emit_prologue(TCGContext *s)
{
    s->code_gen_prologue = (void *)tcg_code_ptr_rx(s);
    s->code_gen_epilogue = (void *)tcg_code_ptr_rx(s);
    s->tb_ret_addr = s->code_gen_epilogue;
    emit_insn(s, TCI_EXIT0, 0);
}

static void interp_set_jmp_target(const TranslationBlock *tb, int n,
                                  uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    __atomic_store_n((uint64_t *)jmp_rw, tb->jmp_target_addr[n],
                     __ATOMIC_RELEASE);
}

/* --- Execution ----------------------------------------------------------- */

static bool cond32(unsigned c, uint32_t a, uint32_t b)
{
    switch (c) {
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_LT: return (int32_t)a < (int32_t)b;
    case TCG_COND_GE: return (int32_t)a >= (int32_t)b;
    case TCG_COND_LE: return (int32_t)a <= (int32_t)b;
    case TCG_COND_GT: return (int32_t)a > (int32_t)b;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    default: return false;
    }
}

static bool cond64(unsigned c, uint64_t a, uint64_t b)
{
    switch (c) {
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_LT: return (int64_t)a < (int64_t)b;
    case TCG_COND_GE: return (int64_t)a >= (int64_t)b;
    case TCG_COND_LE: return (int64_t)a <= (int64_t)b;
    case TCG_COND_GT: return (int64_t)a > (int64_t)b;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    default: return false;
    }
}

static uint32_t tci_rol32(uint32_t x, unsigned n)
{
    n &= 31;
    return n ? (x << n) | (x >> (32 - n)) : x;
}

static uint64_t tci_rol64(uint64_t x, unsigned n)
{
    n &= 63;
    return n ? (x << n) | (x >> (64 - n)) : x;
}

/* Extend a loaded value as the MemOp says (helpers return it zero-extended). */
static uint64_t ld_extend(uint64_t v, MemOp mop)
{
    switch (mop & (MO_SIZE | MO_SIGN)) {
    case MO_SB: return (int8_t)v;
    case MO_SW: return (int16_t)v;
    case MO_SL: return (int32_t)v;
    default: return v;
    }
}

/* Host address for a RAM access hitting the TLB, or NULL. */
static void *tlb_fast(TCGContext *s, void *env, uint64_t addr, MemOpIdx oi,
                      bool store)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    unsigned a_bits = memop_alignment_bytes(mop) - 1;
    const CPUTLBDescFast *f;
    const CPUTLBEntry *e;
    uint64_t cmp, page;

    if (s->nb_mmu_modes == 0) {
        return NULL;
    }
    f = (const CPUTLBDescFast *)((char *)env + s->tlb_fast_offset) +
        get_mmuidx(oi);
    e = (const CPUTLBEntry *)((char *)f->table +
        ((addr >> (s->page_bits - CPU_TLB_ENTRY_BITS)) & f->mask));
    cmp = store ? e->addr_write : e->addr_read;
    /* The last byte must be on the same page; misalignment never hits. */
    page = (addr + size - 1) & ~(((uint64_t)1 << s->page_bits) - 1);
    if ((addr & a_bits) || page != cmp ||
        ((addr ^ (addr + size - 1)) >> s->page_bits)) {
        return NULL;
    }
    return (void *)(uintptr_t)(addr + e->addend);
}

static uint64_t do_qemu_ld(TCGContext *s, void *env, uint64_t addr,
                           MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    void *host = tlb_fast(s, env, addr, oi, false);
    uint64_t v;

    if (host) {
        v = (mop & MO_BSWAP) == MO_BE ? ldn_be_p(host, memop_size(mop))
                                      : ldn_le_p(host, memop_size(mop));
    } else {
        struct CPUArchState *cs = env;

        tci_tb_ptr = ra;
        switch (mop & MO_SIZE) {
        case MO_8: v = helper_ldub_mmu(cs, addr, oi, ra); break;
        case MO_16: v = helper_lduw_mmu(cs, addr, oi, ra); break;
        case MO_32: v = helper_ldul_mmu(cs, addr, oi, ra); break;
        default: v = helper_ldq_mmu(cs, addr, oi, ra); break;
        }
    }
    return ld_extend(v, mop);
}

static void do_qemu_st(TCGContext *s, void *env, uint64_t addr, uint64_t v,
                       MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    void *host = tlb_fast(s, env, addr, oi, true);

    if (host) {
        if ((mop & MO_BSWAP) == MO_BE) {
            stn_be_p(host, memop_size(mop), v);
        } else {
            stn_le_p(host, memop_size(mop), v);
        }
        return;
    }
    tci_tb_ptr = ra;
    switch (mop & MO_SIZE) {
    case MO_8: helper_stb_mmu(env, addr, v, oi, ra); break;
    case MO_16: helper_stw_mmu(env, addr, v, oi, ra); break;
    case MO_32: helper_stl_mmu(env, addr, v, oi, ra); break;
    default: helper_stq_mmu(env, addr, v, oi, ra); break;
    }
}

typedef uint64_t (*tci_func)(uint64_t, uint64_t, uint64_t, uint64_t,
                             uint64_t, uint64_t);

/*
 * Call a helper.  Every argument and result is an integer or pointer of
 * at most 64 bits, so on the 64-bit hosts we support all of them travel
 * in integer registers and one six-argument signature can call any
 * helper; 32-bit arguments are extended as their C type would be.
 */
static void do_call(uint64_t *regs, const TCIInsn *in, const uint64_t *w)
{
    uint64_t a[TCG_MAX_CALL_IARGS] = { 0 };
    unsigned mask = w[1];
    uint64_t r;

    for (int i = 0; i < in->c1; i++) {
        uint16_t sl = w[2 + i / 4] >> (16 * (i % 4));

        switch (tcg_typemask_code(mask, i + 1)) {
        case dh_typecode_i32: a[i] = (uint32_t)regs[sl]; break;
        case dh_typecode_s32: a[i] = (int64_t)(int32_t)regs[sl]; break;
        default: a[i] = regs[sl]; break;
        }
    }
    r = ((tci_func)(uintptr_t)w[0])(a[0], a[1], a[2], a[3], a[4], a[5]);
    switch (tcg_typemask_code(mask, 0)) {
    case dh_typecode_void:
        break;
    case dh_typecode_i32:
    case dh_typecode_s32:
        regs[in->r[0]] = (uint32_t)r;
        break;
    default:
        regs[in->r[0]] = r;
        break;
    }
}

static uintptr_t interp_exec(TCGContext *s, void *env, const void *code)
{
    uint64_t regs[TCG_MAX_TEMPS];
    const uint8_t *pc = code;

    regs[0] = (uintptr_t)env;
    for (;;) {
        const TCIInsn *in = (const TCIInsn *)pc;
        const uint64_t *w = (const uint64_t *)(in + 1);
        uint64_t *r0 = &regs[in->r[0]];
        uint64_t x = regs[in->r[1]];
        uint64_t y = regs[in->r[2]];
        uint64_t imm = w[0];

        pc += in->len * 8;

/* Cases for an i32 op in both register and immediate forms. */
#define BIN32(name, expr)                                                  \
        case INDEX_op_##name##_i32 | TCI_IMM: y = imm; QEMU_FALLTHROUGH;    \
        case INDEX_op_##name##_i32: {                                      \
            uint32_t a = x, b = y;                                         \
            *r0 = (uint32_t)(expr);                                        \
            break;                                                         \
        }
#define BIN64(name, expr)                                                  \
        case INDEX_op_##name##_i64 | TCI_IMM: y = imm; QEMU_FALLTHROUGH;    \
        case INDEX_op_##name##_i64: {                                      \
            uint64_t a = x, b = y;                                         \
            *r0 = (expr);                                                  \
            break;                                                         \
        }
#define UN32(name, expr)                                                   \
        case INDEX_op_##name##_i32: { uint32_t a = x; *r0 = (uint32_t)(expr); break; }
#define UN64(name, expr)                                                   \
        case INDEX_op_##name##_i64: { uint64_t a = x; *r0 = (expr); break; }

        switch (in->opc) {
        case TCI_MOVI:
            *r0 = imm;
            break;
        case TCI_EXIT0:
            return 0;
        case INDEX_op_mov_i32:
        case INDEX_op_mov_i64:
            *r0 = x;
            break;

        BIN32(add, a + b) BIN32(sub, a - b) BIN32(mul, a * b)
        BIN32(and, a & b) BIN32(or, a | b) BIN32(xor, a ^ b)
        BIN32(andc, a & ~b) BIN32(orc, a | ~b)
        BIN32(shl, a << (b & 31)) BIN32(shr, a >> (b & 31))
        BIN32(sar, (int32_t)a >> (b & 31))
        BIN32(rotl, tci_rol32(a, b)) BIN32(rotr, tci_rol32(a, 32 - (b & 31)))
        BIN64(add, a + b) BIN64(sub, a - b) BIN64(mul, a * b)
        BIN64(and, a & b) BIN64(or, a | b) BIN64(xor, a ^ b)
        BIN64(andc, a & ~b) BIN64(orc, a | ~b)
        BIN64(shl, a << (b & 63)) BIN64(shr, a >> (b & 63))
        BIN64(sar, (uint64_t)((int64_t)a >> (b & 63)))
        BIN64(rotl, tci_rol64(a, b)) BIN64(rotr, tci_rol64(a, 64 - (b & 63)))

        UN32(neg, -a) UN32(not, ~a) UN32(ext8s, (int8_t)a)
        UN32(ext8u, (uint8_t)a) UN32(ext16s, (int16_t)a)
        UN32(ext16u, (uint16_t)a) UN32(bswap16, bswap16(a))
        UN32(bswap32, bswap32(a))
        UN64(neg, -a) UN64(not, ~a) UN64(ext8s, (uint64_t)(int8_t)a)
        UN64(ext8u, (uint8_t)a) UN64(ext16s, (uint64_t)(int16_t)a)
        UN64(ext16u, (uint16_t)a) UN64(ext32s, (uint64_t)(int32_t)a)
        UN64(ext32u, (uint32_t)a) UN64(bswap16, bswap16(a))
        UN64(bswap32, bswap32(a)) UN64(bswap64, bswap64(a))

        case INDEX_op_ext_i32_i64:
            *r0 = (uint64_t)(int32_t)x;
            break;
        case INDEX_op_extu_i32_i64:
        case INDEX_op_extrl_i64_i32:
            *r0 = (uint32_t)x;
            break;
        case INDEX_op_extrh_i64_i32:
            *r0 = x >> 32;
            break;

        case INDEX_op_setcond_i32 | TCI_IMM:
            y = imm;
            QEMU_FALLTHROUGH;
        case INDEX_op_setcond_i32:
            *r0 = cond32(in->c1, x, y);
            break;
        case INDEX_op_negsetcond_i32 | TCI_IMM:
            y = imm;
            QEMU_FALLTHROUGH;
        case INDEX_op_negsetcond_i32:
            *r0 = cond32(in->c1, x, y) ? UINT32_MAX : 0;
            break;
        case INDEX_op_setcond_i64 | TCI_IMM:
            y = imm;
            QEMU_FALLTHROUGH;
        case INDEX_op_setcond_i64:
            *r0 = cond64(in->c1, x, y);
            break;
        case INDEX_op_negsetcond_i64 | TCI_IMM:
            y = imm;
            QEMU_FALLTHROUGH;
        case INDEX_op_negsetcond_i64:
            *r0 = cond64(in->c1, x, y) ? UINT64_MAX : 0;
            break;
        case INDEX_op_movcond_i32:
            *r0 = cond32(in->c1, x, y) ? regs[in->r[3]] : regs[in->r[4]];
            break;
        case INDEX_op_movcond_i64:
            *r0 = cond64(in->c1, x, y) ? regs[in->r[3]] : regs[in->r[4]];
            break;

        case INDEX_op_deposit_i32:
            *r0 = deposit32(x, in->c1, in->c2, y);
            break;
        case INDEX_op_deposit_i64: {
            uint64_t m = MAKE_64BIT_MASK(in->c1, in->c2);

            *r0 = (x & ~m) | ((y << in->c1) & m);
            break;
        }
        case INDEX_op_extract_i32:
        case INDEX_op_extract_i64:
            *r0 = extract64(x, in->c1, in->c2);
            break;
        case INDEX_op_sextract_i32:
            *r0 = (uint32_t)sextract32(x, in->c1, in->c2);
            break;
        case INDEX_op_sextract_i64:
            *r0 = sextract64(x, in->c1, in->c2);
            break;
        case INDEX_op_mulu2_i32: {
            uint64_t p = (uint64_t)(uint32_t)y * (uint32_t)regs[in->r[3]];

            *r0 = (uint32_t)p;
            regs[in->r[1]] = p >> 32;
            break;
        }
        case INDEX_op_muls2_i32: {
            int64_t p = (int64_t)(int32_t)y * (int32_t)regs[in->r[3]];

            *r0 = (uint32_t)p;
            regs[in->r[1]] = (uint32_t)((uint64_t)p >> 32);
            break;
        }

        /* Host memory: r0 = value, r1 = base, imm = offset. */
#define HOSTP ((char *)(uintptr_t)x + (intptr_t)imm)
        case INDEX_op_ld8u_i32: case INDEX_op_ld8u_i64:
            *r0 = *(uint8_t *)HOSTP;
            break;
        case INDEX_op_ld8s_i32:
            *r0 = (uint32_t)*(int8_t *)HOSTP;
            break;
        case INDEX_op_ld8s_i64:
            *r0 = *(int8_t *)HOSTP;
            break;
        case INDEX_op_ld16u_i32: case INDEX_op_ld16u_i64: {
            uint16_t v;

            memcpy(&v, HOSTP, 2);
            *r0 = v;
            break;
        }
        case INDEX_op_ld16s_i32: case INDEX_op_ld16s_i64: {
            int16_t v;

            memcpy(&v, HOSTP, 2);
            *r0 = in->opc == INDEX_op_ld16s_i32 ? (uint32_t)v : (uint64_t)v;
            break;
        }
        case INDEX_op_ld_i32: case INDEX_op_ld32u_i64: {
            uint32_t v;

            memcpy(&v, HOSTP, 4);
            *r0 = v;
            break;
        }
        case INDEX_op_ld32s_i64: {
            int32_t v;

            memcpy(&v, HOSTP, 4);
            *r0 = (int64_t)v;
            break;
        }
        case INDEX_op_ld_i64:
            memcpy(r0, HOSTP, 8);
            break;
        case INDEX_op_st8_i32: case INDEX_op_st8_i64:
            *(uint8_t *)HOSTP = *r0;
            break;
        case INDEX_op_st16_i32: case INDEX_op_st16_i64: {
            uint16_t v = *r0;

            memcpy(HOSTP, &v, 2);
            break;
        }
        case INDEX_op_st_i32: case INDEX_op_st32_i64: {
            uint32_t v = *r0;

            memcpy(HOSTP, &v, 4);
            break;
        }
        case INDEX_op_st_i64:
            memcpy(HOSTP, r0, 8);
            break;
#undef HOSTP

        case INDEX_op_qemu_ld_i32:
        case INDEX_op_qemu_ld_i64: {
            uint64_t v = do_qemu_ld(s, env, (uint32_t)x, imm, (uintptr_t)pc);

            *r0 = in->opc == INDEX_op_qemu_ld_i32 ? (uint32_t)v : v;
            break;
        }
        case INDEX_op_qemu_st_i32:
        case INDEX_op_qemu_st_i64:
            do_qemu_st(s, env, (uint32_t)x, *r0, imm, (uintptr_t)pc);
            break;

        case INDEX_op_call:
            tci_tb_ptr = (uintptr_t)pc;
            do_call(regs, in, w);
            break;

        case INDEX_op_br:
            pc = (const uint8_t *)(uintptr_t)imm;
            break;
        case INDEX_op_brcond_i32:
            y = regs[in->r[1]];
            if (cond32(in->c1, *r0, y)) {
                pc = (const uint8_t *)(uintptr_t)imm;
            }
            break;
        case INDEX_op_brcond_i32 | TCI_IMM:
            if (cond32(in->c1, *r0, w[1])) {
                pc = (const uint8_t *)(uintptr_t)imm;
            }
            break;
        case INDEX_op_brcond_i64:
            y = regs[in->r[1]];
            if (cond64(in->c1, *r0, y)) {
                pc = (const uint8_t *)(uintptr_t)imm;
            }
            break;
        case INDEX_op_brcond_i64 | TCI_IMM:
            if (cond64(in->c1, *r0, w[1])) {
                pc = (const uint8_t *)(uintptr_t)imm;
            }
            break;

        case INDEX_op_exit_tb:
            return imm;
        case INDEX_op_goto_tb:
            pc = (const uint8_t *)(uintptr_t)
                __atomic_load_n(&w[0], __ATOMIC_ACQUIRE);
            break;
        case INDEX_op_goto_ptr:
            pc = (const uint8_t *)(uintptr_t)*r0;
            break;

        default:
            g_assert_not_reached();
        }
#undef BIN32
#undef BIN64
#undef UN32
#undef UN64
    }
}

/* --- Disassembly (-d out_asm) -------------------------------------------- */

static void interp_disas(TCGContext *s, FILE *f, const void *code,
                         size_t size)
{
    const uint8_t *p = code, *end = p + size;

    while (p < end) {
        const TCIInsn *in = (const TCIInsn *)p;
        unsigned opc = in->opc & ~TCI_IMM;
        const char *name = in->opc == TCI_MOVI ? "movi" :
                           in->opc == TCI_EXIT0 ? "exit0" :
                           opc < NB_OPS ? tcg_op_defs[opc].name : "?";

        fprintf(f, "0x%08" PRIxPTR ":  %-16s r%u,r%u,r%u,r%u,r%u c=%u,%u",
                (uintptr_t)p, name, in->r[0], in->r[1], in->r[2], in->r[3],
                in->r[4], in->c1, in->c2);
        for (int i = 0; i < in->len - 2; i++) {
            fprintf(f, " $0x%" PRIx64, ((const uint64_t *)(in + 1))[i]);
        }
        fputc('\n', f);
        g_assert(in->len >= 2);
        p += in->len * 8;
    }
}

static void interp_init(TCGContext *s)
{
}

static void interp_destroy(TCGContext *s)
{
}

const TCGBackend tcg_backend_interp = {
    .name = "interpreter",
    .init = interp_init,
    .destroy = interp_destroy,
    .emit_prologue = interp_emit_prologue,
    .gen_code = interp_gen_code,
    .exec = interp_exec,
    .set_jmp_target = interp_set_jmp_target,
    .disas = interp_disas,
};
