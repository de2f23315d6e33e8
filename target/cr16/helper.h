/*
 * CR16C TCG helpers (see exec/helper-head.h for the notation).
 *
 * Helpers without flags may read and write the register globals (they
 * change the PSR, SP bank or PC); the arithmetic ones touch no globals.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

/* Take exception (vector, saved pc). */
DEF_HELPER_3(raise, noreturn, env, i32, i32)
/* Stop for the gdbstub after a single step. */
DEF_HELPER_1(debug, noreturn, env)
/* Undefined/reserved encoding at pc: log it, take UND. */
DEF_HELPER_2(und, noreturn, env, i32)
/* EXCP vec at pc: semihosting call or trap. */
DEF_HELPER_3(excp, void, env, i32, i32)
DEF_HELPER_1(retx, void, env)
/* Trace check before the instruction at pc (isa.md 7.6). */
DEF_HELPER_2(trace, void, env, i32)
/* WAIT: halt, resuming at next pc. */
DEF_HELPER_2(wait, noreturn, env, i32)
/* JUSR: enter user mode (swaps the SP bank). */
DEF_HELPER_1(jusr, void, env)

/* LPR/LPRD (code, value) and SPR/SPRD (code). */
DEF_HELPER_3(lpr, void, env, i32, i32)
DEF_HELPER_3(lprd, void, env, i32, i32)
DEF_HELPER_FLAGS_2(spr, TCG_CALL_NO_WG, i32, env, i32)
DEF_HELPER_FLAGS_2(sprd, TCG_CALL_NO_WG, i32, env, i32)

/* Multiply-accumulate: (acc, rs1, rs2) -> new acc. */
DEF_HELPER_FLAGS_3(macqw, TCG_CALL_NO_RWG_SE, i32, i32, i32, i32)
DEF_HELPER_FLAGS_3(macuw, TCG_CALL_NO_RWG_SE, i32, i32, i32, i32)
DEF_HELPER_FLAGS_3(macsw, TCG_CALL_NO_RWG_SE, i32, i32, i32, i32)

/* Shifts by a register count: (value, count register, width 8/16/32). */
DEF_HELPER_FLAGS_3(ashu, TCG_CALL_NO_RWG_SE, i32, i32, i32, i32)
DEF_HELPER_FLAGS_3(lsh, TCG_CALL_NO_RWG_SE, i32, i32, i32, i32)
