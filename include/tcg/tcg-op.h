/*
 * The op generator API: what a frontend calls to describe guest code.
 *
 * Every tcg_gen_<op>_<type>() appends one or a few ops to the current
 * context's op list.  Forms ending in "i" take a constant operand; the
 * optimizer folds whatever becomes constant, so frontends need not
 * special-case constants themselves.  Names and argument order follow
 * QEMU's so that frontend code reads the same.
 */
#ifndef TCG_TCG_OP_H
#define TCG_TCG_OP_H

#include "tcg/tcg.h"

/* --- 32-bit ----------------------------------------------------------- */

void tcg_gen_mov_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_movi_i32(TCGv_i32 ret, int32_t arg);
void tcg_gen_add_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_addi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_sub_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_subi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_subfi_i32(TCGv_i32 ret, int32_t a, TCGv_i32 b);   /* a - b */
void tcg_gen_neg_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_mul_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_muli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_div_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rem_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_divu_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_remu_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_and_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_andi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_or_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_ori_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_xor_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_xori_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_not_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_andc_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);   /* a & ~b */
void tcg_gen_orc_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);    /* a | ~b */
void tcg_gen_eqv_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);    /* ~(a^b) */
void tcg_gen_nand_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_nor_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shl_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_shr_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shri_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_sar_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_sari_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_rotl_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rotli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_rotr_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rotri_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_deposit_i32(TCGv_i32 ret, TCGv_i32 base, TCGv_i32 field,
                         unsigned pos, unsigned len);
void tcg_gen_deposit_z_i32(TCGv_i32 ret, TCGv_i32 field,
                           unsigned pos, unsigned len);
void tcg_gen_extract_i32(TCGv_i32 ret, TCGv_i32 a, unsigned pos,
                         unsigned len);
void tcg_gen_sextract_i32(TCGv_i32 ret, TCGv_i32 a, unsigned pos,
                          unsigned len);
void tcg_gen_ext8s_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_ext8u_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_ext16s_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_ext16u_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_bswap16_i32(TCGv_i32 ret, TCGv_i32 a);   /* zero-extended */
void tcg_gen_bswap32_i32(TCGv_i32 ret, TCGv_i32 a);
void tcg_gen_setcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                         TCGv_i32 b);
void tcg_gen_setcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                          int32_t b);
void tcg_gen_negsetcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                            TCGv_i32 b);
void tcg_gen_negsetcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                             int32_t b);
/* ret = cond(c1, c2) ? v1 : v2 */
void tcg_gen_movcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 c1,
                         TCGv_i32 c2, TCGv_i32 v1, TCGv_i32 v2);
void tcg_gen_smin_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_smax_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_umin_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_umax_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_abs_i32(TCGv_i32 ret, TCGv_i32 a);
/* Widening multiplies: (rh:rl) = a * b. */
void tcg_gen_mulu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_muls2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b);
/* Double-word add/sub: (rh:rl) = (ah:al) +/- (bh:bl). */
void tcg_gen_add2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_sub2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_brcond_i32(TCGCond cond, TCGv_i32 a, TCGv_i32 b, TCGLabel *l);
void tcg_gen_brcondi_i32(TCGCond cond, TCGv_i32 a, int32_t b, TCGLabel *l);
/* Loads/stores relative to a host pointer (normally tcg_env). */
void tcg_gen_ld8u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld8s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld16u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld16s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_st8_i32(TCGv_i32 val, TCGv_ptr base, intptr_t off);
void tcg_gen_st16_i32(TCGv_i32 val, TCGv_ptr base, intptr_t off);
void tcg_gen_st_i32(TCGv_i32 val, TCGv_ptr base, intptr_t off);
void tcg_gen_discard_i32(TCGv_i32 a);

/* --- 64-bit ----------------------------------------------------------- */

void tcg_gen_mov_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_movi_i64(TCGv_i64 ret, int64_t arg);
void tcg_gen_add_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_addi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_sub_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_subi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_subfi_i64(TCGv_i64 ret, int64_t a, TCGv_i64 b);
void tcg_gen_neg_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_mul_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_muli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_div_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rem_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_divu_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_remu_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_and_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_andi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_or_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_ori_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_xor_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_xori_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_not_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_andc_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_orc_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shl_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_shr_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shri_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_sar_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_sari_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_rotl_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rotli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_rotr_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rotri_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_deposit_i64(TCGv_i64 ret, TCGv_i64 base, TCGv_i64 field,
                         unsigned pos, unsigned len);
void tcg_gen_extract_i64(TCGv_i64 ret, TCGv_i64 a, unsigned pos,
                         unsigned len);
void tcg_gen_sextract_i64(TCGv_i64 ret, TCGv_i64 a, unsigned pos,
                          unsigned len);
void tcg_gen_ext8s_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_ext8u_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_ext16s_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_ext16u_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_ext32s_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_ext32u_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_bswap64_i64(TCGv_i64 ret, TCGv_i64 a);
void tcg_gen_setcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 a,
                         TCGv_i64 b);
void tcg_gen_setcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 a,
                          int64_t b);
void tcg_gen_negsetcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 a,
                            TCGv_i64 b);
void tcg_gen_movcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 c1,
                         TCGv_i64 c2, TCGv_i64 v1, TCGv_i64 v2);
void tcg_gen_mulu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_muls2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_brcond_i64(TCGCond cond, TCGv_i64 a, TCGv_i64 b, TCGLabel *l);
void tcg_gen_brcondi_i64(TCGCond cond, TCGv_i64 a, int64_t b, TCGLabel *l);
void tcg_gen_ld8u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld8s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld16u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld16s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld32u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld32s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_ld_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t off);
void tcg_gen_st8_i64(TCGv_i64 val, TCGv_ptr base, intptr_t off);
void tcg_gen_st16_i64(TCGv_i64 val, TCGv_ptr base, intptr_t off);
void tcg_gen_st32_i64(TCGv_i64 val, TCGv_ptr base, intptr_t off);
void tcg_gen_st_i64(TCGv_i64 val, TCGv_ptr base, intptr_t off);
void tcg_gen_discard_i64(TCGv_i64 a);

/* --- Between sizes ------------------------------------------------------ */

void tcg_gen_ext_i32_i64(TCGv_i64 ret, TCGv_i32 a);     /* sign-extend */
void tcg_gen_extu_i32_i64(TCGv_i64 ret, TCGv_i32 a);    /* zero-extend */
void tcg_gen_extrl_i64_i32(TCGv_i32 ret, TCGv_i64 a);   /* low half */
void tcg_gen_extrh_i64_i32(TCGv_i32 ret, TCGv_i64 a);   /* high half */
void tcg_gen_extr_i64_i32(TCGv_i32 lo, TCGv_i32 hi, TCGv_i64 a);
void tcg_gen_concat_i32_i64(TCGv_i64 ret, TCGv_i32 lo, TCGv_i32 hi);

/* --- Host pointers ------------------------------------------------------- */

void tcg_gen_mov_ptr(TCGv_ptr ret, TCGv_ptr a);
void tcg_gen_add_ptr(TCGv_ptr ret, TCGv_ptr a, TCGv_ptr b);
void tcg_gen_addi_ptr(TCGv_ptr ret, TCGv_ptr a, intptr_t b);
void tcg_gen_ld_ptr(TCGv_ptr ret, TCGv_ptr base, intptr_t off);
void tcg_gen_st_ptr(TCGv_ptr val, TCGv_ptr base, intptr_t off);
void tcg_gen_ext_i32_ptr(TCGv_ptr ret, TCGv_i32 a);
void tcg_gen_extu_i32_ptr(TCGv_ptr ret, TCGv_i32 a);

/* --- Control flow ------------------------------------------------------- */

void tcg_gen_br(TCGLabel *l);
void tcg_gen_set_label(TCGLabel *l);

/*
 * Record the start of a guest instruction and up to two data words
 * (normally the guest PC, plus any other state needed to restore the CPU
 * at a fault): tcg_gen_insn_start(pc) or tcg_gen_insn_start(pc, extra).
 */
void tcg_gen_insn_start_words(uint64_t w0, uint64_t w1);
#define TCG_INSN_START_PICK_(a, b, ...) tcg_gen_insn_start_words(a, b)
#define tcg_gen_insn_start(...) TCG_INSN_START_PICK_(__VA_ARGS__, 0, 0)

/* Leave the TB; the execution loop receives (tb | idx), or 0 for NULL. */
void tcg_gen_exit_tb(const TranslationBlock *tb, unsigned idx);
/*
 * Direct jump slot @idx (0 or 1), chainable by the execution loop.  Must
 * be followed by the code for the unchained case, normally setting the PC
 * and tcg_gen_exit_tb(tb, idx).
 */
void tcg_gen_goto_tb(unsigned idx);
/* Jump to host code: a TB's tc.ptr, or tcg_code_gen_epilogue to exit. */
void tcg_gen_goto_ptr(TCGv_ptr dest);
/*
 * Find the TB for the current CPU state (helper_lookup_tb_ptr) and jump
 * to it, or exit.  With CF_NO_GOTO_PTR in tcg_ctx->gen_tb's cflags, it
 * just exits.
 */
void tcg_gen_lookup_and_goto_ptr(void);

/* Memory ordering barrier kinds (the generated code is single-threaded,
 * so they compile to nothing, but frontends may still say what they need). */
typedef enum TCGBar {
    TCG_MO_LD_LD = 0x01,
    TCG_MO_ST_LD = 0x02,
    TCG_MO_LD_ST = 0x04,
    TCG_MO_ST_ST = 0x08,
    TCG_MO_ALL   = 0x0f,
    TCG_BAR_ACQ  = 0x10,
    TCG_BAR_REL  = 0x20,
    TCG_BAR_SC   = 0x30,
} TCGBar;

void tcg_gen_mb(TCGBar type);

/* --- Guest memory -------------------------------------------------------- */

/*
 * @memop gives size, sign, byte order and alignment; @mem_idx the MMU
 * index.  Loads narrower than the value are zero- or sign-extended.
 */
void tcg_gen_qemu_ld_i32(TCGv_i32 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop);
void tcg_gen_qemu_st_i32(TCGv_i32 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop);
void tcg_gen_qemu_ld_i64(TCGv_i64 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop);
void tcg_gen_qemu_st_i64(TCGv_i64 val, TCGv addr, TCGArg mem_idx,
                         MemOp memop);

/* --- target_long (32-bit for CR16) aliases ------------------------------- */

#define tcg_gen_qemu_ld_tl      tcg_gen_qemu_ld_i32
#define tcg_gen_qemu_st_tl      tcg_gen_qemu_st_i32
#define tcg_gen_mov_tl          tcg_gen_mov_i32
#define tcg_gen_movi_tl         tcg_gen_movi_i32
#define tcg_gen_add_tl          tcg_gen_add_i32
#define tcg_gen_addi_tl         tcg_gen_addi_i32
#define tcg_gen_sub_tl          tcg_gen_sub_i32
#define tcg_gen_subi_tl         tcg_gen_subi_i32
#define tcg_gen_subfi_tl        tcg_gen_subfi_i32
#define tcg_gen_neg_tl          tcg_gen_neg_i32
#define tcg_gen_mul_tl          tcg_gen_mul_i32
#define tcg_gen_muli_tl         tcg_gen_muli_i32
#define tcg_gen_and_tl          tcg_gen_and_i32
#define tcg_gen_andi_tl         tcg_gen_andi_i32
#define tcg_gen_or_tl           tcg_gen_or_i32
#define tcg_gen_ori_tl          tcg_gen_ori_i32
#define tcg_gen_xor_tl          tcg_gen_xor_i32
#define tcg_gen_xori_tl         tcg_gen_xori_i32
#define tcg_gen_not_tl          tcg_gen_not_i32
#define tcg_gen_andc_tl         tcg_gen_andc_i32
#define tcg_gen_orc_tl          tcg_gen_orc_i32
#define tcg_gen_shl_tl          tcg_gen_shl_i32
#define tcg_gen_shli_tl         tcg_gen_shli_i32
#define tcg_gen_shr_tl          tcg_gen_shr_i32
#define tcg_gen_shri_tl         tcg_gen_shri_i32
#define tcg_gen_sar_tl          tcg_gen_sar_i32
#define tcg_gen_sari_tl         tcg_gen_sari_i32
#define tcg_gen_rotl_tl         tcg_gen_rotl_i32
#define tcg_gen_rotli_tl        tcg_gen_rotli_i32
#define tcg_gen_rotr_tl         tcg_gen_rotr_i32
#define tcg_gen_rotri_tl        tcg_gen_rotri_i32
#define tcg_gen_deposit_tl      tcg_gen_deposit_i32
#define tcg_gen_extract_tl      tcg_gen_extract_i32
#define tcg_gen_sextract_tl     tcg_gen_sextract_i32
#define tcg_gen_ext8s_tl        tcg_gen_ext8s_i32
#define tcg_gen_ext8u_tl        tcg_gen_ext8u_i32
#define tcg_gen_ext16s_tl       tcg_gen_ext16s_i32
#define tcg_gen_ext16u_tl       tcg_gen_ext16u_i32
#define tcg_gen_setcond_tl      tcg_gen_setcond_i32
#define tcg_gen_setcondi_tl     tcg_gen_setcondi_i32
#define tcg_gen_negsetcond_tl   tcg_gen_negsetcond_i32
#define tcg_gen_movcond_tl      tcg_gen_movcond_i32
#define tcg_gen_brcond_tl       tcg_gen_brcond_i32
#define tcg_gen_brcondi_tl      tcg_gen_brcondi_i32
#define tcg_gen_ld_tl           tcg_gen_ld_i32
#define tcg_gen_st_tl           tcg_gen_st_i32
#define tcg_gen_discard_tl      tcg_gen_discard_i32
#define tcg_gen_ext_tl_i64      tcg_gen_ext_i32_i64
#define tcg_gen_extu_tl_i64     tcg_gen_extu_i32_i64
#define tcg_gen_trunc_i64_tl    tcg_gen_extrl_i64_i32

#endif /* TCG_TCG_OP_H */
