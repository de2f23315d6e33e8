/*
 * The TCG opcode table.
 *
 * One line per opcode: DEF(name, outputs, inputs, constant args, flags).
 * The includer defines DEF() to build whatever table it needs (the enum,
 * the op definitions, dump names), so this is the one list to edit when an
 * opcode is added.  Argument order in an op is always: outputs, inputs,
 * constant arguments.
 */

/* Control and bookkeeping. */
DEF(discard, 1, 0, 0, TCG_OPF_NOT_PRESENT)      /* value becomes undefined */
DEF(set_label, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_NOT_PRESENT)
/* call: variable arity; see TCGOp.callo / TCGOp.calli */
DEF(call, 0, 0, 2, TCG_OPF_CALL_CLOBBER | TCG_OPF_NOT_PRESENT)
DEF(br, 0, 0, 1, TCG_OPF_BB_END)                /* label */
DEF(mb, 0, 0, 1, TCG_OPF_SIDE_EFFECTS)          /* barrier kind */
DEF(insn_start, 0, 0, 2, TCG_OPF_NOT_PRESENT)   /* guest data words */
DEF(exit_tb, 0, 0, 1, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)   /* tb | idx */
DEF(goto_tb, 0, 0, 1, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)   /* slot 0/1 */
DEF(goto_ptr, 0, 1, 0, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)  /* host code */

/* Guest memory: const arg is a MemOpIdx. */
DEF(qemu_ld_i32, 1, 1, 1, TCG_OPF_SIDE_EFFECTS)
DEF(qemu_st_i32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(qemu_ld_i64, 1, 1, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)
DEF(qemu_st_i64, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)

/* 32-bit. */
DEF(mov_i32, 1, 1, 0, TCG_OPF_NOT_PRESENT)
DEF(setcond_i32, 1, 2, 1, 0)                    /* cond */
DEF(negsetcond_i32, 1, 2, 1, 0)                 /* cond; result 0 or -1 */
DEF(movcond_i32, 1, 4, 1, 0)                    /* c1, c2, v1, v2, cond */
DEF(brcond_i32, 0, 2, 2, TCG_OPF_BB_END | TCG_OPF_COND_BRANCH)  /* cond, label */
DEF(ld8u_i32, 1, 1, 1, 0)                       /* base, offset */
DEF(ld8s_i32, 1, 1, 1, 0)
DEF(ld16u_i32, 1, 1, 1, 0)
DEF(ld16s_i32, 1, 1, 1, 0)
DEF(ld_i32, 1, 1, 1, 0)
DEF(st8_i32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)     /* value, base, offset */
DEF(st16_i32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(st_i32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(add_i32, 1, 2, 0, 0)
DEF(sub_i32, 1, 2, 0, 0)
DEF(mul_i32, 1, 2, 0, 0)
DEF(div_i32, 1, 2, 0, 0)       /* divisor 0 or INT_MIN/-1: frontend's job */
DEF(divu_i32, 1, 2, 0, 0)
DEF(rem_i32, 1, 2, 0, 0)
DEF(remu_i32, 1, 2, 0, 0)
DEF(and_i32, 1, 2, 0, 0)
DEF(or_i32, 1, 2, 0, 0)
DEF(xor_i32, 1, 2, 0, 0)
DEF(andc_i32, 1, 2, 0, 0)
DEF(orc_i32, 1, 2, 0, 0)
DEF(shl_i32, 1, 2, 0, 0)       /* count taken modulo 32 */
DEF(shr_i32, 1, 2, 0, 0)
DEF(sar_i32, 1, 2, 0, 0)
DEF(rotl_i32, 1, 2, 0, 0)
DEF(rotr_i32, 1, 2, 0, 0)
DEF(deposit_i32, 1, 2, 2, 0)                    /* base, field; pos, len */
DEF(extract_i32, 1, 1, 2, 0)                    /* pos, len */
DEF(sextract_i32, 1, 1, 2, 0)
DEF(mulu2_i32, 2, 2, 0, 0)                      /* lo, hi = a * b */
DEF(muls2_i32, 2, 2, 0, 0)
DEF(neg_i32, 1, 1, 0, 0)
DEF(not_i32, 1, 1, 0, 0)
DEF(ext8s_i32, 1, 1, 0, 0)
DEF(ext8u_i32, 1, 1, 0, 0)
DEF(ext16s_i32, 1, 1, 0, 0)
DEF(ext16u_i32, 1, 1, 0, 0)
DEF(bswap16_i32, 1, 1, 0, 0)                    /* result zero-extended */
DEF(bswap32_i32, 1, 1, 0, 0)

/* 64-bit. */
DEF(mov_i64, 1, 1, 0, TCG_OPF_64BIT | TCG_OPF_NOT_PRESENT)
DEF(setcond_i64, 1, 2, 1, TCG_OPF_64BIT)
DEF(negsetcond_i64, 1, 2, 1, TCG_OPF_64BIT)
DEF(movcond_i64, 1, 4, 1, TCG_OPF_64BIT)
DEF(brcond_i64, 0, 2, 2, TCG_OPF_BB_END | TCG_OPF_COND_BRANCH | TCG_OPF_64BIT)
DEF(ld8u_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld8s_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld16u_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld16s_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld32u_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld32s_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(st8_i64, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)
DEF(st16_i64, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)
DEF(st32_i64, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)
DEF(st_i64, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_64BIT)
DEF(add_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(sub_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(mul_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(div_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(divu_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(rem_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(remu_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(and_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(or_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(xor_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(andc_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(orc_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(shl_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(shr_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(sar_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(rotl_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(rotr_i64, 1, 2, 0, TCG_OPF_64BIT)
DEF(deposit_i64, 1, 2, 2, TCG_OPF_64BIT)
DEF(extract_i64, 1, 1, 2, TCG_OPF_64BIT)
DEF(sextract_i64, 1, 1, 2, TCG_OPF_64BIT)
DEF(mulu2_i64, 2, 2, 0, TCG_OPF_64BIT)
DEF(muls2_i64, 2, 2, 0, TCG_OPF_64BIT)
DEF(neg_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(not_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext8s_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext8u_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext16s_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext16u_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext32s_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(ext32u_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(bswap16_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(bswap32_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(bswap64_i64, 1, 1, 0, TCG_OPF_64BIT)

/* Between the sizes: output is i64 for the first two, i32 for the rest. */
DEF(ext_i32_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(extu_i32_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(extrl_i64_i32, 1, 1, 0, 0)
DEF(extrh_i64_i32, 1, 1, 0, 0)
