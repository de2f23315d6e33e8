/*
 * The x86-64 backend: host code from the op list.
 *
 * Register use: RBP holds env for the whole TB, RSP points at the spill
 * area, R11 and RCX are scratch registers private to this file (RCX
 * because variable shifts need their count in CL), and the remaining
 * twelve registers are allocated by tcg/regalloc.c, callee-saved ones
 * first so values survive helper calls without moving.
 *
 * Invariant: a register holding an i32 value has its upper 32 bits
 * clear.  All 32-bit operations below write 32-bit registers (which the
 * CPU zero-extends), so an i32 guest address can index memory directly.
 */
#include "qemu/osdep.h"
#include "exec/tlb-common.h"
#include <capstone/capstone.h>
#include "../tcg-internal.h"

enum {
    R_RAX, R_RCX, R_RDX, R_RBX, R_RSP, R_RBP, R_RSI, R_RDI,
    R_R8, R_R9, R_R10, R_R11, R_R12, R_R13, R_R14, R_R15,
};

#define TCG_AREG0   R_RBP
#define TCG_TMP0    R_R11
#define TCG_TMP1    R_RCX

/* Spill area: [rsp, rsp + FRAME_SIZE). */
#define FRAME_SIZE  (1024 * 8)
/* Pushed by the prologue: rbp rbx r12 r13 r14 r15. */
#define PUSHED_REGS 6
/* Keep rsp 16-byte aligned at calls: return address + pushes + pad. */
#define STACK_ADJ   (FRAME_SIZE + 8)

static const int8_t alloc_order[] = {
    R_RBX, R_R12, R_R13, R_R14, R_R15,
    R_R10, R_R9, R_R8, R_RDX, R_RSI, R_RDI, R_RAX,
};

static const int8_t call_arg_regs[] = {
    R_RDI, R_RSI, R_RDX, R_RCX, R_R8, R_R9,
};

#define CALL_CLOBBERED ((1u << R_RAX) | (1u << R_RCX) | (1u << R_RDX) | \
                        (1u << R_RSI) | (1u << R_RDI) | (1u << R_R8) |  \
                        (1u << R_R9) | (1u << R_R10) | (1u << R_R11))
#define ALLOCATABLE    (0xffffu & ~((1u << R_RSP) | (1u << R_RBP) |     \
                                    (1u << TCG_TMP0) | (1u << TCG_TMP1)))

/* --- Instruction encoding ------------------------------------------------ */

#define P_EXT     0x100     /* 0x0f escape */
#define P_DATA16  0x400     /* operand-size prefix */
#define P_REXW    0x1000    /* 64-bit operand */
#define P_REXB_R  0x2000    /* the reg field is a byte register */
#define P_REXB_RM 0x4000    /* the r/m field is a byte register */

enum {
    OPC_ARITH_EvIz = 0x81,
    OPC_ARITH_EvIb = 0x83,
    OPC_ARITH_GvEv = 0x03,  /* | (ext << 3) */
    OPC_BSWAP      = 0xc8 | P_EXT,
    OPC_CALL_Jz    = 0xe8,
    OPC_CMOVCC     = 0x40 | P_EXT,
    OPC_GRP3_Ev    = 0xf7,
    OPC_GRP5       = 0xff,
    OPC_IMUL_GvEv  = 0xaf | P_EXT,
    OPC_IMUL_GvEvIz = 0x69,
    OPC_JCC_long   = 0x80 | P_EXT,
    OPC_JMP_long   = 0xe9,
    OPC_LEA        = 0x8d,
    OPC_MOVB_EvGv  = 0x88,
    OPC_MOVL_EvGv  = 0x89,
    OPC_MOVL_GvEv  = 0x8b,
    OPC_MOVL_EvIz  = 0xc7,
    OPC_MOVB_EvIz  = 0xc6,
    OPC_MOVL_Iv    = 0xb8,
    OPC_MOVSBL     = 0xbe | P_EXT,
    OPC_MOVSWL     = 0xbf | P_EXT,
    OPC_MOVSLQ     = 0x63 | P_REXW,
    OPC_MOVZBL     = 0xb6 | P_EXT,
    OPC_MOVZWL     = 0xb7 | P_EXT,
    OPC_POP_r32    = 0x58,
    OPC_PUSH_r32   = 0x50,
    OPC_RET        = 0xc3,
    OPC_SETCC      = 0x90 | P_EXT | P_REXB_RM,
    OPC_SHIFT_Ib   = 0xc1,
    OPC_SHIFT_cl   = 0xd3,
    OPC_TESTL      = 0x85,
};

enum { ARITH_ADD = 0, ARITH_OR = 1, ARITH_AND = 4, ARITH_SUB = 5,
       ARITH_XOR = 6, ARITH_CMP = 7 };
enum { SHIFT_ROL = 0, SHIFT_ROR = 1, SHIFT_SHL = 4, SHIFT_SHR = 5,
       SHIFT_SAR = 7 };
enum { EXT3_NOT = 2, EXT3_NEG = 3 };
enum { EXT5_CALLN_Ev = 2, EXT5_JMPN_Ev = 4 };

enum { JCC_JO, JCC_JNO, JCC_JB, JCC_JAE, JCC_JE, JCC_JNE, JCC_JBE, JCC_JA,
       JCC_JS, JCC_JNS, JCC_JP, JCC_JNP, JCC_JL, JCC_JGE, JCC_JLE,
       JCC_JG };

static int x86_cond(TCGCond c)
{
    switch (c) {
    case TCG_COND_EQ: return JCC_JE;
    case TCG_COND_NE: return JCC_JNE;
    case TCG_COND_LT: return JCC_JL;
    case TCG_COND_GE: return JCC_JGE;
    case TCG_COND_LE: return JCC_JLE;
    case TCG_COND_GT: return JCC_JG;
    case TCG_COND_LTU: return JCC_JB;
    case TCG_COND_GEU: return JCC_JAE;
    case TCG_COND_LEU: return JCC_JBE;
    case TCG_COND_GTU: return JCC_JA;
    default: g_assert_not_reached();
    }
}

static void out_opc(TCGContext *s, int opc, int r, int rm, int x)
{
    int rex = 0;

    if (opc & P_DATA16) {
        tcg_out8(s, 0x66);
    }
    rex |= (opc & P_REXW) ? 8 : 0;
    rex |= (r & 8) >> 1;
    rex |= (x & 8) >> 2;
    rex |= (rm & 8) >> 3;
    /* Without REX, byte registers 4-7 would be AH..BH. */
    if (((opc & P_REXB_R) && r >= 4) || ((opc & P_REXB_RM) && rm >= 4)) {
        rex |= 0x40;
    }
    if (rex) {
        tcg_out8(s, 0x40 | rex);
    }
    if (opc & P_EXT) {
        tcg_out8(s, 0x0f);
    }
    tcg_out8(s, opc & 0xff);
}

static void out_modrm(TCGContext *s, int opc, int r, int rm)
{
    out_opc(s, opc, r, rm, 0);
    tcg_out8(s, 0xc0 | ((r & 7) << 3) | (rm & 7));
}

/* [base + index + disp]; index < 0 for none. */
static void out_modrm_sib(TCGContext *s, int opc, int r, int base, int index,
                          intptr_t disp)
{
    int mod;

    g_assert(disp == (int32_t)disp);
    out_opc(s, opc, r, base, index < 0 ? 0 : index);
    if (disp == 0 && (base & 7) != R_RBP) {
        mod = 0x00;
    } else if (disp == (int8_t)disp) {
        mod = 0x40;
    } else {
        mod = 0x80;
    }
    if (index < 0 && (base & 7) != R_RSP) {
        tcg_out8(s, mod | ((r & 7) << 3) | (base & 7));
    } else {
        tcg_out8(s, mod | ((r & 7) << 3) | 4);
        tcg_out8(s, ((index < 0 ? 4 : index) & 7) << 3 | (base & 7));
    }
    if (mod == 0x40) {
        tcg_out8(s, disp);
    } else if (mod == 0x80) {
        tcg_out32(s, disp);
    }
}

static void out_modrm_offset(TCGContext *s, int opc, int r, int base,
                             intptr_t disp)
{
    out_modrm_sib(s, opc, r, base, -1, disp);
}

static int rexw(TCGType t)
{
    return t == TCG_TYPE_I64 ? P_REXW : 0;
}

static void out_mov(TCGContext *s, TCGType t, int dst, int src)
{
    if (dst != src) {
        out_modrm(s, OPC_MOVL_GvEv | rexw(t), dst, src);
    }
}

static void out_movi(TCGContext *s, TCGType t, int reg, int64_t val)
{
    uint64_t u = t == TCG_TYPE_I32 ? (uint32_t)val : (uint64_t)val;

    if (u == 0) {
        out_modrm(s, OPC_ARITH_GvEv | (ARITH_XOR << 3), reg, reg);
    } else if (u == (uint32_t)u) {
        out_opc(s, OPC_MOVL_Iv + (reg & 7), 0, reg, 0);
        tcg_out32(s, u);
    } else if ((int64_t)u == (int32_t)u) {
        out_modrm(s, OPC_MOVL_EvIz | P_REXW, 0, reg);
        tcg_out32(s, u);
    } else {
        out_opc(s, (OPC_MOVL_Iv + (reg & 7)) | P_REXW, 0, reg, 0);
        tcg_out64(s, u);
    }
}

static void out_ld(TCGContext *s, TCGType t, int reg, int base, intptr_t off)
{
    out_modrm_offset(s, OPC_MOVL_GvEv | rexw(t), reg, base, off);
}

static void out_st(TCGContext *s, TCGType t, int reg, int base, intptr_t off)
{
    out_modrm_offset(s, OPC_MOVL_EvGv | rexw(t), reg, base, off);
}

static void out_arithi(TCGContext *s, int ext, int reg, int64_t val, int rw)
{
    if (val == (int8_t)val) {
        out_modrm(s, OPC_ARITH_EvIb | rw, ext, reg);
        tcg_out8(s, val);
    } else {
        out_modrm(s, OPC_ARITH_EvIz | rw, ext, reg);
        tcg_out32(s, val);
    }
}

static void out_jmp_abs(TCGContext *s, int opc, uintptr_t target_rx)
{
    /* rel32 from the end of the 5-byte (or 6-byte jcc) instruction. */
    int len = (opc & P_EXT) ? 6 : 5;
    intptr_t disp = target_rx - (tcg_code_ptr_rx(s) + len);

    g_assert(disp == (int32_t)disp);
    out_opc(s, opc, 0, 0, 0);
    tcg_out32(s, disp);
}

static void out_call_abs(TCGContext *s, const void *func)
{
    intptr_t disp = (uintptr_t)func - (tcg_code_ptr_rx(s) + 5);

    if (disp == (int32_t)disp) {
        tcg_out8(s, OPC_CALL_Jz);
        tcg_out32(s, disp);
    } else {
        out_movi(s, TCG_TYPE_I64, TCG_TMP0, (uintptr_t)func);
        out_modrm(s, OPC_GRP5, EXT5_CALLN_Ev, TCG_TMP0);
    }
}

/* A branch to a label: rel32, patched when the label is bound. */
static void out_jmp_label(TCGContext *s, int opc, TCGLabel *l)
{
    if (l->has_value) {
        out_jmp_abs(s, opc, (uintptr_t)s->code_buf + s->code_rx_diff +
                    l->value);
        return;
    }
    out_opc(s, opc, 0, 0, 0);
    tcg_label_add_reloc(l, tcg_current_code_size(s));
    tcg_out32(s, 0);
}

static void patch_rel32(TCGContext *s, uint32_t site, uintptr_t target_off)
{
    int32_t disp = target_off - (site + 4);

    memcpy(s->code_buf + site, &disp, 4);
}

static void x86_bind_label(TCGContext *s, TCGLabel *l)
{
    if (l->relocs) {
        for (unsigned i = 0; i < l->relocs->len; i++) {
            patch_rel32(s, g_array_index(l->relocs, uint32_t, i), l->value);
        }
        g_array_set_size(l->relocs, 0);
    }
}

static void out_nopn(TCGContext *s, int n)
{
    /* Plain one-byte nops: only used to align goto_tb's displacement. */
    while (n-- > 0) {
        tcg_out8(s, 0x90);
    }
}

/* --- Softmmu slow paths -------------------------------------------------- */

typedef struct SlowPath {
    bool is_ld;
    TCGType type;
    MemOpIdx oi;
    int data_reg, addr_reg;
    uint32_t save;              /* registers to preserve around the call */
    uint32_t jcc_site;          /* rel32 to point at the slow path */
    uint32_t ret_off;           /* where to resume */
} SlowPath;

typedef struct X86State {
    GArray *slow_paths;
    csh cs;
    bool cs_open;
} X86State;

static const void *const ld_helpers[4] = {
    helper_ldub_mmu, helper_lduw_mmu, helper_ldul_mmu, helper_ldq_mmu,
};

static const void *const st_helpers[4] = {
    helper_stb_mmu, helper_stw_mmu, helper_stl_mmu, helper_stq_mmu,
};

/* Load/store @size bytes at [base + index], with the value in @reg. */
static void out_host_ld(TCGContext *s, TCGType t, MemOp mop, int reg,
                        int base, int index)
{
    bool bswap = (mop & MO_BSWAP) && (mop & MO_SIZE) != MO_8;
    int w = rexw(t);

    switch (mop & (MO_SIZE | (bswap ? 0 : MO_SIGN))) {
    case MO_8:
        out_modrm_sib(s, OPC_MOVZBL, reg, base, index, 0);
        break;
    case MO_8 | MO_SIGN:
        out_modrm_sib(s, OPC_MOVSBL | w, reg, base, index, 0);
        break;
    case MO_16:
        out_modrm_sib(s, OPC_MOVZWL, reg, base, index, 0);
        break;
    case MO_16 | MO_SIGN:
        out_modrm_sib(s, OPC_MOVSWL | w, reg, base, index, 0);
        break;
    case MO_32:
        out_modrm_sib(s, OPC_MOVL_GvEv, reg, base, index, 0);
        break;
    case MO_32 | MO_SIGN:
        out_modrm_sib(s, t == TCG_TYPE_I64 ? OPC_MOVSLQ : OPC_MOVL_GvEv,
                      reg, base, index, 0);
        break;
    default:
        out_modrm_sib(s, OPC_MOVL_GvEv | P_REXW, reg, base, index, 0);
        break;
    }
    if (bswap) {
        switch (mop & MO_SIZE) {
        case MO_16:
            /* rol $8 on the low 16 bits, then extend. */
            out_modrm(s, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, reg);
            tcg_out8(s, 8);
            out_modrm(s, (mop & MO_SIGN) ? OPC_MOVSWL | w : OPC_MOVZWL,
                      reg, reg);
            break;
        case MO_32:
            out_opc(s, OPC_BSWAP + (reg & 7), 0, reg, 0);
            if (mop & MO_SIGN && t == TCG_TYPE_I64) {
                out_modrm(s, OPC_MOVSLQ, reg, reg);
            }
            break;
        default:
            out_opc(s, (OPC_BSWAP + (reg & 7)) | P_REXW, 0, reg, 0);
            break;
        }
    }
}

static void out_host_st(TCGContext *s, MemOp mop, int reg, int base,
                        int index)
{
    int size = mop & MO_SIZE;

    if ((mop & MO_BSWAP) && size != MO_8) {
        out_mov(s, TCG_TYPE_I64, TCG_TMP1, reg);
        reg = TCG_TMP1;
        if (size == MO_16) {
            out_modrm(s, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, reg);
            tcg_out8(s, 8);
        } else {
            out_opc(s, (OPC_BSWAP + (reg & 7)) | (size == MO_64 ? P_REXW : 0),
                    0, reg, 0);
        }
    }
    switch (size) {
    case MO_8:
        out_modrm_sib(s, OPC_MOVB_EvGv | P_REXB_R, reg, base, index, 0);
        break;
    case MO_16:
        out_modrm_sib(s, OPC_MOVL_EvGv | P_DATA16, reg, base, index, 0);
        break;
    case MO_32:
        out_modrm_sib(s, OPC_MOVL_EvGv, reg, base, index, 0);
        break;
    default:
        out_modrm_sib(s, OPC_MOVL_EvGv | P_REXW, reg, base, index, 0);
        break;
    }
}

/*
 * Inline TLB lookup, then the access; a miss jumps to a slow path emitted
 * at the end of the TB.  With no TLB configured (nb_mmu_modes == 0),
 * always take the slow path.
 */
static void out_qemu_ldst(TCGContext *s, const TCGRAOp *ro, bool is_ld,
                          TCGType t)
{
    X86State *x = s->be_data;
    int data = ro->a[0], addr = ro->a[1];
    MemOpIdx oi = ro->op->args[2];
    MemOp mop = get_memop(oi);
    SlowPath sp = {
        .is_ld = is_ld, .type = t, .oi = oi, .data_reg = data,
        .addr_reg = addr, .save = ro->live_clobbered,
    };

    if (s->nb_mmu_modes > 0) {
        unsigned s_mask = memop_size(mop) - 1;
        unsigned a_mask = memop_alignment_bytes(mop) - 1;
        intptr_t fast = s->tlb_fast_offset +
                        get_mmuidx(oi) * sizeof(CPUTLBDescFast);
        int64_t cmp_mask = -((int64_t)1 << s->page_bits) | a_mask;

        /* r11 = &table[(addr >> page_bits) & (n - 1)] */
        out_modrm(s, OPC_MOVL_GvEv, TCG_TMP0, addr);
        out_modrm(s, OPC_SHIFT_Ib | P_REXW, SHIFT_SHR, TCG_TMP0);
        tcg_out8(s, s->page_bits - CPU_TLB_ENTRY_BITS);
        out_modrm_offset(s, OPC_ARITH_GvEv | (ARITH_AND << 3) | P_REXW,
                         TCG_TMP0, TCG_AREG0,
                         fast + offsetof(CPUTLBDescFast, mask));
        out_modrm_offset(s, OPC_ARITH_GvEv | (ARITH_ADD << 3) | P_REXW,
                         TCG_TMP0, TCG_AREG0,
                         fast + offsetof(CPUTLBDescFast, table));
        /*
         * rcx = page of the last byte, keeping the low alignment bits:
         * a misaligned or page-crossing access cannot match.
         */
        if (s_mask > a_mask) {
            out_modrm_offset(s, OPC_LEA | P_REXW, TCG_TMP1, addr,
                             s_mask - a_mask);
        } else {
            out_modrm(s, OPC_MOVL_GvEv, TCG_TMP1, addr);
        }
        out_modrm(s, OPC_ARITH_EvIz | P_REXW, ARITH_AND, TCG_TMP1);
        tcg_out32(s, cmp_mask);
        out_modrm_offset(s, OPC_ARITH_GvEv | (ARITH_CMP << 3) | P_REXW,
                         TCG_TMP1, TCG_TMP0,
                         is_ld ? offsetof(CPUTLBEntry, addr_read)
                               : offsetof(CPUTLBEntry, addr_write));
        out_opc(s, OPC_JCC_long + JCC_JNE, 0, 0, 0);
        sp.jcc_site = tcg_current_code_size(s);
        tcg_out32(s, 0);
        out_modrm_offset(s, OPC_MOVL_GvEv | P_REXW, TCG_TMP0, TCG_TMP0,
                         offsetof(CPUTLBEntry, addend));
        if (is_ld) {
            out_host_ld(s, t, mop, data, TCG_TMP0, addr);
        } else {
            out_host_st(s, mop, data, TCG_TMP0, addr);
        }
    } else {
        out_opc(s, OPC_JMP_long, 0, 0, 0);
        sp.jcc_site = tcg_current_code_size(s);
        tcg_out32(s, 0);
    }
    sp.ret_off = tcg_current_code_size(s);
    g_array_append_val(x->slow_paths, sp);
}

/* reg = rx address of code offset @target_off (lea reg, [rip + disp]). */
static void out_lea_rip(TCGContext *s, int reg, uint32_t target_off)
{
    out_opc(s, OPC_LEA | P_REXW, reg, 0, 0);
    tcg_out8(s, ((reg & 7) << 3) | 5);
    tcg_out32(s, (int32_t)(target_off - (tcg_current_code_size(s) + 4)));
}

static void out_slow_path(TCGContext *s, const SlowPath *sp)
{
    MemOp mop = get_memop(sp->oi);
    int size = mop & MO_SIZE;
    int pushed = 0;

    patch_rel32(s, sp->jcc_site, tcg_current_code_size(s));
    for (int reg = 0; reg < 16; reg++) {
        if (sp->save & (1u << reg)) {
            out_opc(s, OPC_PUSH_r32 + (reg & 7), 0, reg, 0);
            pushed++;
        }
    }
    if (pushed & 1) {
        out_arithi(s, ARITH_SUB, R_RSP, 8, P_REXW);
    }
    /* Arguments; the value goes through r11 in case it sits in rsi. */
    if (!sp->is_ld) {
        out_mov(s, TCG_TYPE_I64, TCG_TMP0, sp->data_reg);
    }
    out_modrm(s, OPC_MOVL_GvEv, R_RSI, sp->addr_reg);
    out_mov(s, TCG_TYPE_I64, R_RDI, TCG_AREG0);
    if (sp->is_ld) {
        out_movi(s, TCG_TYPE_I32, R_RDX, sp->oi);
        out_lea_rip(s, R_RCX, sp->ret_off);
        out_call_abs(s, ld_helpers[size]);
        switch (mop & (MO_SIZE | MO_SIGN)) {
        case MO_SB:
            out_modrm(s, OPC_MOVSBL | rexw(sp->type) | P_REXB_RM,
                      sp->data_reg, R_RAX);
            break;
        case MO_SW:
            out_modrm(s, OPC_MOVSWL | rexw(sp->type), sp->data_reg, R_RAX);
            break;
        case MO_SL:
            out_modrm(s, sp->type == TCG_TYPE_I64 ? OPC_MOVSLQ
                                                  : OPC_MOVL_GvEv,
                      sp->data_reg, R_RAX);
            break;
        default:
            out_modrm(s, OPC_MOVL_GvEv | rexw(sp->type), sp->data_reg,
                      R_RAX);
            break;
        }
    } else {
        out_mov(s, TCG_TYPE_I64, R_RDX, TCG_TMP0);
        out_movi(s, TCG_TYPE_I32, R_RCX, sp->oi);
        out_lea_rip(s, R_R8, sp->ret_off);
        out_call_abs(s, st_helpers[size]);
    }
    if (pushed & 1) {
        out_arithi(s, ARITH_ADD, R_RSP, 8, P_REXW);
    }
    for (int reg = 15; reg >= 0; reg--) {
        if (sp->save & (1u << reg)) {
            out_opc(s, OPC_POP_r32 + (reg & 7), 0, reg, 0);
        }
    }
    out_jmp_abs(s, OPC_JMP_long,
                (uintptr_t)s->code_buf + s->code_rx_diff + sp->ret_off);
}

/* --- Ops ----------------------------------------------------------------- */

static TCGType ro_type(const TCGRAOp *ro)
{
    return op_def(ro->op)->flags & TCG_OPF_64BIT ? TCG_TYPE_I64
                                                 : TCG_TYPE_I32;
}

/* cmp a, b (b a register or a constant) */
static void out_cmp(TCGContext *s, TCGType t, int a, TCGArg b, bool bconst)
{
    if (bconst) {
        if (b == 0) {
            out_modrm(s, OPC_TESTL | rexw(t), a, a);
        } else {
            out_arithi(s, ARITH_CMP, a, (int64_t)b, rexw(t));
        }
    } else {
        out_modrm(s, OPC_ARITH_GvEv | (ARITH_CMP << 3) | rexw(t), a, b);
    }
}

/*
 * dst = a OP b for the ALU group (add, sub, and, or, xor), any aliasing
 * between dst, a and b.
 */
static void out_alu(TCGContext *s, TCGType t, int ext, int dst, int a,
                    TCGArg b, bool bconst)
{
    int w = rexw(t);

    if (bconst) {
        int64_t v = t == TCG_TYPE_I32 ? (int32_t)b : (int64_t)b;

        if (ext == ARITH_ADD && dst != a) {
            out_modrm_offset(s, OPC_LEA | w, dst, a, v);
            return;
        }
        out_mov(s, t, dst, a);
        out_arithi(s, ext, dst, v, w);
        return;
    }
    if (dst == b && dst != a) {
        if (ext == ARITH_SUB) {
            out_mov(s, t, TCG_TMP0, a);
            out_modrm(s, OPC_ARITH_GvEv | (ext << 3) | w, TCG_TMP0, b);
            out_mov(s, t, dst, TCG_TMP0);
        } else {
            /* Commutative: dst = b OP a. */
            out_modrm(s, OPC_ARITH_GvEv | (ext << 3) | w, dst, a);
        }
        return;
    }
    if (ext == ARITH_ADD && dst != a) {
        out_modrm_sib(s, OPC_LEA | w, dst, a, b, 0);
        return;
    }
    out_mov(s, t, dst, a);
    out_modrm(s, OPC_ARITH_GvEv | (ext << 3) | w, dst, b);
}

static void out_shift(TCGContext *s, TCGType t, int ext, int dst, int a,
                      TCGArg b, bool bconst)
{
    int w = rexw(t);
    int bits = t == TCG_TYPE_I32 ? 32 : 64;

    if (bconst) {
        out_mov(s, t, dst, a);
        out_modrm(s, OPC_SHIFT_Ib | w, ext, dst);
        tcg_out8(s, b & (bits - 1));
        return;
    }
    out_mov(s, TCG_TYPE_I64, TCG_TMP1, b);
    out_mov(s, t, dst, a);
    out_modrm(s, OPC_SHIFT_cl | w, ext, dst);
}

static void out_setcond(TCGContext *s, TCGType t, TCGCond c, int dst, int a,
                        TCGArg b, bool bconst, bool neg)
{
    out_cmp(s, t, a, b, bconst);
    out_modrm(s, OPC_SETCC | x86_cond(c), 0, dst);
    out_modrm(s, OPC_MOVZBL | P_REXB_RM, dst, dst);
    if (neg) {
        out_modrm(s, OPC_GRP3_Ev | rexw(t), EXT3_NEG, dst);
    }
}

static void out_ext(TCGContext *s, TCGType t, TCGOpcode opc, int dst, int a)
{
    int w = rexw(t);

    switch (opc) {
    case INDEX_op_ext8s_i32: case INDEX_op_ext8s_i64:
        out_modrm(s, OPC_MOVSBL | w | P_REXB_RM, dst, a);
        break;
    case INDEX_op_ext8u_i32: case INDEX_op_ext8u_i64:
        out_modrm(s, OPC_MOVZBL | P_REXB_RM, dst, a);
        break;
    case INDEX_op_ext16s_i32: case INDEX_op_ext16s_i64:
        out_modrm(s, OPC_MOVSWL | w, dst, a);
        break;
    case INDEX_op_ext16u_i32: case INDEX_op_ext16u_i64:
        out_modrm(s, OPC_MOVZWL, dst, a);
        break;
    case INDEX_op_ext32s_i64: case INDEX_op_ext_i32_i64:
        out_modrm(s, OPC_MOVSLQ, dst, a);
        break;
    case INDEX_op_extu_i32_i64:
        /* An i32 register is already zero-extended (see the top). */
        if (dst != a) {
            out_modrm(s, OPC_MOVL_GvEv, dst, a);
        }
        break;
    case INDEX_op_ext32u_i64: case INDEX_op_extrl_i64_i32:
        out_modrm(s, OPC_MOVL_GvEv, dst, a);
        break;
    default:
        g_assert_not_reached();
    }
}

static void out_ldst_env(TCGContext *s, TCGOpcode opc, int reg, int base,
                         intptr_t off, TCGArg cval, bool is_const)
{
    static const struct { TCGOpcode opc; int x86; } loads[] = {
        { INDEX_op_ld8u_i32, OPC_MOVZBL }, { INDEX_op_ld8u_i64, OPC_MOVZBL },
        { INDEX_op_ld8s_i32, OPC_MOVSBL },
        { INDEX_op_ld8s_i64, OPC_MOVSBL | P_REXW },
        { INDEX_op_ld16u_i32, OPC_MOVZWL }, { INDEX_op_ld16u_i64, OPC_MOVZWL },
        { INDEX_op_ld16s_i32, OPC_MOVSWL },
        { INDEX_op_ld16s_i64, OPC_MOVSWL | P_REXW },
        { INDEX_op_ld_i32, OPC_MOVL_GvEv }, { INDEX_op_ld32u_i64, OPC_MOVL_GvEv },
        { INDEX_op_ld32s_i64, OPC_MOVSLQ },
        { INDEX_op_ld_i64, OPC_MOVL_GvEv | P_REXW },
    };
    int size;

    for (unsigned i = 0; i < ARRAY_SIZE(loads); i++) {
        if (loads[i].opc == opc) {
            out_modrm_offset(s, loads[i].x86, reg, base, off);
            return;
        }
    }
    switch (opc) {
    case INDEX_op_st8_i32: case INDEX_op_st8_i64:
        size = 1;
        break;
    case INDEX_op_st16_i32: case INDEX_op_st16_i64:
        size = 2;
        break;
    case INDEX_op_st_i32: case INDEX_op_st32_i64:
        size = 4;
        break;
    default:
        size = 8;
        break;
    }
    if (is_const) {
        switch (size) {
        case 1:
            out_modrm_offset(s, OPC_MOVB_EvIz, 0, base, off);
            tcg_out8(s, cval);
            break;
        case 2:
            out_modrm_offset(s, OPC_MOVL_EvIz | P_DATA16, 0, base, off);
            tcg_out16(s, cval);
            break;
        default:
            out_modrm_offset(s, OPC_MOVL_EvIz | (size == 8 ? P_REXW : 0),
                             0, base, off);
            tcg_out32(s, cval);
            break;
        }
        return;
    }
    switch (size) {
    case 1:
        out_modrm_offset(s, OPC_MOVB_EvGv | P_REXB_R, reg, base, off);
        break;
    case 2:
        out_modrm_offset(s, OPC_MOVL_EvGv | P_DATA16, reg, base, off);
        break;
    case 4:
        out_modrm_offset(s, OPC_MOVL_EvGv, reg, base, off);
        break;
    default:
        out_modrm_offset(s, OPC_MOVL_EvGv | P_REXW, reg, base, off);
        break;
    }
}

#include "tcg-target-ops.c.inc"

/* --- Hooks for the register allocator ------------------------------------ */

static bool x86_const_ok(const TCGOp *op, int i, int64_t val)
{
    bool is64 = op_def(op)->flags & TCG_OPF_64BIT;
    bool s32 = !is64 || val == (int32_t)val;

    switch (op->opc) {
    case INDEX_op_add_i32: case INDEX_op_add_i64:
    case INDEX_op_sub_i32: case INDEX_op_sub_i64:
    case INDEX_op_and_i32: case INDEX_op_and_i64:
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
    case INDEX_op_mul_i32: case INDEX_op_mul_i64:
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_negsetcond_i32: case INDEX_op_negsetcond_i64:
    case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
    case INDEX_op_movcond_i32: case INDEX_op_movcond_i64:
        return i == 1 && s32;
    case INDEX_op_shl_i32: case INDEX_op_shl_i64:
    case INDEX_op_shr_i32: case INDEX_op_shr_i64:
    case INDEX_op_sar_i32: case INDEX_op_sar_i64:
    case INDEX_op_rotl_i32: case INDEX_op_rotl_i64:
    case INDEX_op_rotr_i32: case INDEX_op_rotr_i64:
        return i == 1;
    case INDEX_op_andc_i32: case INDEX_op_andc_i64:
    case INDEX_op_orc_i32: case INDEX_op_orc_i64:
        return i == 1 && (!is64 || ~val == (int32_t)~val);
    case INDEX_op_st8_i32: case INDEX_op_st8_i64:
    case INDEX_op_st16_i32: case INDEX_op_st16_i64:
    case INDEX_op_st_i32: case INDEX_op_st32_i64:
    case INDEX_op_st_i64:
        return i == 0 && s32;
    default:
        return false;
    }
}

static uint32_t x86_in_regs(const TCGOp *op, int i)
{
    return 0;
}

static void x86_out_call(TCGContext *s, const void *func,
                         const TCGHelperInfo *info)
{
    unsigned ret = tcg_typemask_code(info->typemask, 0);

    out_call_abs(s, func);
    if (ret == dh_typecode_i32 || ret == dh_typecode_s32) {
        /* The ABI leaves bits 32-63 of rax undefined. */
        out_modrm(s, OPC_MOVL_GvEv, R_RAX, R_RAX);
    }
}

static void x86_tb_start(TCGContext *s)
{
    X86State *x = s->be_data;

    g_array_set_size(x->slow_paths, 0);
}

static int x86_tb_end(TCGContext *s)
{
    X86State *x = s->be_data;

    for (unsigned i = 0; i < x->slow_paths->len; i++) {
        if (tcg_code_full(s)) {
            return -1;
        }
        out_slow_path(s, &g_array_index(x->slow_paths, SlowPath, i));
    }
    return 0;
}

static const TCGRegAllocHooks x86_hooks = {
    .allocatable = ALLOCATABLE,
    .call_clobbered = CALL_CLOBBERED,
    .order = alloc_order,
    .nb_order = ARRAY_SIZE(alloc_order),
    .call_args = call_arg_regs,
    .nb_call_args = ARRAY_SIZE(call_arg_regs),
    .call_ret = R_RAX,
    .env_reg = TCG_AREG0,
    .frame_reg = R_RSP,
    .frame_start = 0,
    .frame_size = FRAME_SIZE,
    .mov = out_mov,
    .movi = out_movi,
    .ld = out_ld,
    .st = out_st,
    .const_ok = x86_const_ok,
    .in_regs = x86_in_regs,
    .out_op = x86_out_op,
    .out_call = x86_out_call,
    .tb_start = x86_tb_start,
    .tb_end = x86_tb_end,
    .bind_label = x86_bind_label,
};

/* --- Backend entry points ------------------------------------------------ */

static int x86_gen_code(TCGContext *s, TranslationBlock *tb)
{
    return tcg_regalloc_gen_code(s, tb, &x86_hooks);
}

static void x86_emit_prologue(TCGContext *s)
{
    static const int8_t saved[PUSHED_REGS] = {
        R_RBP, R_RBX, R_R12, R_R13, R_R14, R_R15,
    };

    /* uintptr_t prologue(void *env, const void *code) */
    s->code_gen_prologue = (const void *)tcg_code_ptr_rx(s);
    for (int i = 0; i < PUSHED_REGS; i++) {
        out_opc(s, OPC_PUSH_r32 + (saved[i] & 7), 0, saved[i], 0);
    }
    out_mov(s, TCG_TYPE_PTR, TCG_AREG0, R_RDI);
    out_modrm(s, OPC_ARITH_EvIz | P_REXW, ARITH_SUB, R_RSP);
    tcg_out32(s, STACK_ADJ);
    out_modrm(s, OPC_GRP5, EXT5_JMPN_Ev, R_RSI);

    /* goto_ptr to here means "no TB": return 0. */
    s->code_gen_epilogue = (const void *)tcg_code_ptr_rx(s);
    out_modrm(s, OPC_ARITH_GvEv | (ARITH_XOR << 3), R_RAX, R_RAX);

    /* exit_tb arrives here with its value in rax. */
    s->tb_ret_addr = (const void *)tcg_code_ptr_rx(s);
    out_modrm(s, OPC_ARITH_EvIz | P_REXW, ARITH_ADD, R_RSP);
    tcg_out32(s, STACK_ADJ);
    for (int i = PUSHED_REGS - 1; i >= 0; i--) {
        out_opc(s, OPC_POP_r32 + (saved[i] & 7), 0, saved[i], 0);
    }
    tcg_out8(s, OPC_RET);
}

static uintptr_t x86_exec(TCGContext *s, void *env, const void *code)
{
    uintptr_t (*prologue)(void *, const void *) =
        (uintptr_t (*)(void *, const void *))s->code_gen_prologue;

    return prologue(env, code);
}

static void x86_set_jmp_target(const TranslationBlock *tb, int n,
                               uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    intptr_t disp = tb->jmp_target_addr[n] - (jmp_rx + 4);

    g_assert(disp == (int32_t)disp);
    /* Aligned 4-byte store: other CPUs see the old or the new jump. */
    __atomic_store_n((int32_t *)jmp_rw, (int32_t)disp, __ATOMIC_RELEASE);
}

static void x86_disas(TCGContext *s, FILE *f, const void *code, size_t size)
{
    X86State *x = s->be_data;
    cs_insn *insn;
    size_t n;

    if (!x->cs_open) {
        if (cs_open(CS_ARCH_X86, CS_MODE_64, &x->cs) != CS_ERR_OK) {
            fprintf(f, "  (capstone unavailable)\n");
            return;
        }
        x->cs_open = true;
    }
    n = cs_disasm(x->cs, code, size, (uintptr_t)code, 0, &insn);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "0x%08" PRIx64 ":  %-8s %s\n", insn[i].address,
                insn[i].mnemonic, insn[i].op_str);
    }
    if (n) {
        cs_free(insn, n);
    }
}

static void x86_init(TCGContext *s)
{
    X86State *x = g_new0(X86State, 1);

    x->slow_paths = g_array_new(false, false, sizeof(SlowPath));
    s->be_data = x;
}

static void x86_destroy(TCGContext *s)
{
    X86State *x = s->be_data;

    if (x->cs_open) {
        cs_close(&x->cs);
    }
    g_array_free(x->slow_paths, true);
    g_free(x);
    s->be_data = NULL;
}

const TCGBackend tcg_backend_x86_64 = {
    .name = "x86-64",
    .init = x86_init,
    .destroy = x86_destroy,
    .emit_prologue = x86_emit_prologue,
    .gen_code = x86_gen_code,
    .exec = x86_exec,
    .set_jmp_target = x86_set_jmp_target,
    .disas = x86_disas,
};
