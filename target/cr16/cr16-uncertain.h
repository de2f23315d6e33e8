/*
 * CR16C: every architectural choice the reference marks as tentative.
 *
 * docs/cr16/isa.md and instructions.md tag facts that no machine-readable
 * source confirms with [U].  Each such fact the emulator depends on is a
 * named constant here, so that correcting one is a one-line change and a
 * grep for CR16_U_ shows every place that relies on a guess.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_UNCERTAIN_H
#define TARGET_CR16_UNCERTAIN_H

/*
 * isa.md 2.1 / 9.1: a word (16-bit) result written to r12..r15 changes
 * bits 15:0 only and keeps bits 31:16 (the manual calls the view R12_L).
 * 0 would zero the upper half instead, as the GNU simulator's ALU does.
 */
#define CR16_U_WORD_WRITE_KEEPS_HIGH    1

/*
 * isa.md 9.6: IAD leaves PSR.I alone (PRM Table 3-2) rather than clearing
 * it like an interrupt (PRM 3.4.4 prose).
 */
#define CR16_U_IAD_CLEARS_I             0

/*
 * instructions.md 1.5: the PRM does not say which PC an IAD raised by a
 * branch whose target leaves 0..0xFFFFFF saves.  We save the address of
 * the instruction after the branch, as for any other IAD ("next").
 */
#define CR16_U_IAD_BRANCH_SAVES_NEXT    1

/*
 * instructions.md 5: immediate right shifts by the full width (-8, -16,
 * -32) are encodable but outside the PRM's range; shift by the full amount
 * (ASHU fills with the sign, LSH gives 0).  Register counts are the low
 * byte read as signed; counts beyond the width behave the same way.
 */
#define CR16_U_FULL_WIDTH_SHIFT         1

/*
 * instructions.md 9: Scond with cc = 14/15 is not on the PRM's Scond page.
 * We treat them as reserved encodings (UND) if the decoder hands them to
 * us; set to 1 to make them "always" (write 1) instead.
 */
#define CR16_U_SCOND_14_15_ALWAYS       0

/*
 * instructions.md 10: LPR/SPR of DBS and the reserved LPRD/SPRD codes 3, 5,
 * 7, 11, 13, 15.  Unimplemented registers read as zero (PRM 2.3) and
 * writes are ignored.
 */
#define CR16_U_RESERVED_PREG_READS_ZERO 1

/* instructions.md 10: SPR/SPRD may read USP in either mode. */
#define CR16_U_SPR_USP_IN_USER_MODE     1

/*
 * instructions.md 8.2: PUSH/POP/POPRET register runs that would reach SP
 * (start at r15, r14 with cnt > 2, ...) are invalid per the PRM, behaviour
 * unstated.  1 = raise UND, 0 = just transfer the registers.
 */
#define CR16_U_PUSH_INTO_SP_IS_UND      1

/*
 * isa.md 7.1: a misaligned LOADM/STORM pointer is not an IAD cause.
 * isa.md 2.6: debug registers (DSR, DCR, CAR0/1, DBS) are plain storage
 * with no breakpoint side effects.
 */
#define CR16_U_DEBUG_REGS_ARE_STORAGE   1

/*
 * isa.md 7.8: the interrupt-acknowledge read of 0xFFFE00 clears nothing in
 * the core; a vector outside 16..127 is logged as a guest error and used
 * as a table index anyway (the core does not validate it).
 */
#define CR16_U_IACK_VECTOR_MIN          16
#define CR16_U_IACK_VECTOR_MAX          127

/*
 * toolchain-abi.md 5.3 (semihosting): open() flags use newlib's default
 * <sys/_default_fcntl.h> values, and newlib errno numbers equal the Linux
 * host's for every errno a host call can return here.
 */
#define CR16_U_NEWLIB_O_WRONLY          0x0001
#define CR16_U_NEWLIB_O_RDWR            0x0002
#define CR16_U_NEWLIB_O_APPEND          0x0008
#define CR16_U_NEWLIB_O_CREAT           0x0200
#define CR16_U_NEWLIB_O_TRUNC           0x0400
#define CR16_U_NEWLIB_O_EXCL            0x0800
/* newlib errno values that differ from Linux's (1..34 are identical). */
#define CR16_U_NEWLIB_ENOSYS            88
#define CR16_U_NEWLIB_ENOTEMPTY         90
#define CR16_U_NEWLIB_ENAMETOOLONG      91
#define CR16_U_NEWLIB_ELOOP             92

#endif /* TARGET_CR16_UNCERTAIN_H */
