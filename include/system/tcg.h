/*
 * The TCG accelerator as the system emulator drives it.
 *
 * Contract (docs/devel/tcg-exec.rst has the long version): one thread
 * runs everything.  The main loop calls tcg_cpu_exec_slice() between two
 * main_loop_wait() calls; the slice runs at most the given number of
 * guest instructions and returns early for anything the main loop must
 * look at (cpu_exit() from a timer, QMP or the gdbstub, a breakpoint, the
 * CPU halting).  A halted CPU returns at once with EXCP_HALTED: the main
 * loop then sleeps until a device raises an interrupt.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_TCG_H
#define SYSTEM_TCG_H

#include "hw/core/cpu.h"

extern bool tcg_allowed;
#define tcg_enabled() (tcg_allowed)

/*
 * Set up the accelerator: the TCG context with the configured backend,
 * a code buffer of @tb_size bytes (0: the default), the TB cache, and the
 * hooks into hw/core (CPU realize), the memory API (code writes) and the
 * virtual clock (icount source).  CPUs realized before this get their
 * TLB here.  Idempotent.
 */
void tcg_exec_init(unsigned long tb_size);
/*
 * The same with an explicit backend (a TCGBackendKind from tcg/tcg.h):
 * unit tests run the same programs on both backends, calling
 * tcg_exec_cleanup() in between.
 */
void tcg_exec_init_backend(int backend_kind, unsigned long tb_size);
/* Undo tcg_exec_init: free the code buffer, TBs and every CPU's TLB. */
void tcg_exec_cleanup(void);

/*
 * Run @cpu for at most @max_insns guest instructions (exactly that many
 * if nothing stops it earlier).  Returns why it stopped: EXCP_INTERRUPT
 * (budget used up or exit requested), EXCP_HLT / EXCP_HALTED (halted),
 * EXCP_DEBUG (breakpoint, watchpoint, single-step).  *@executed (may be
 * NULL) gets the number of instructions executed.
 */
int tcg_cpu_exec_slice(CPUState *cpu, int64_t max_insns, int64_t *executed);

/* Instructions for a slice that is not bounded by a timer deadline. */
#define TCG_SLICE_DEFAULT_INSNS 1000000

/*
 * The slice length for a virtual-clock deadline @deadline_ns ns away
 * (-1: none): under -icount the exact number of instructions to reach
 * it, otherwise TCG_SLICE_DEFAULT_INSNS.
 */
int64_t tcg_slice_budget(int64_t deadline_ns);

/*
 * Guest instructions executed by all CPUs so far (the icount source of
 * the virtual clock; the instructions of the TB running now count as
 * soon as it starts).
 */
int64_t tcg_icount_get_raw(void);

#endif /* SYSTEM_TCG_H */
