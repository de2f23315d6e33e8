/*
 * Generic parameters of the emulated CPU that the execution machinery
 * needs at compile time: page size, MMU modes, address width, and the
 * special exception numbers cpu_exec() returns.
 *
 * There is one target per build, so the target's own numbers come from
 * target/cr16/cpu-param.h when it exists; the defaults below are used by
 * the generic unit tests before (or without) a target.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_CPU_DEFS_H
#define EXEC_CPU_DEFS_H

#include "exec/vaddr.h"

#if defined(__has_include)
# if __has_include("target/cr16/cpu-param.h")
#  include "target/cr16/cpu-param.h"
# endif
#endif

/* Width of the guest's general registers and addresses (TCG i32 vs i64). */
#ifndef TARGET_LONG_BITS
#define TARGET_LONG_BITS 32
#endif

/*
 * Guest page size for the softmmu TLB and for code-page tracking.  CR16
 * has no MMU, so this is purely an emulator choice: small pages keep RAM
 * next to a small MMIO window on the fast path.  The TLB flag bits below
 * live in the page-offset bits, so at least 8 bits are needed.
 */
#ifndef TARGET_PAGE_BITS
#define TARGET_PAGE_BITS 10
#endif
QEMU_BUILD_BUG_ON(TARGET_PAGE_BITS < 8);

#define TARGET_PAGE_SIZE    ((vaddr)1 << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK    (~(vaddr)(TARGET_PAGE_SIZE - 1))
#define TARGET_PAGE_ALIGN(a) (((a) + TARGET_PAGE_SIZE - 1) & TARGET_PAGE_MASK)

/* Number of MMU indexes (privilege views) with their own TLB. */
#ifndef NB_MMU_MODES
#define NB_MMU_MODES 2
#endif

/* log2 of the number of entries in each mode's TLB. */
#ifndef CPU_TLB_BITS
#define CPU_TLB_BITS 8
#endif
#define CPU_TLB_SIZE (1 << CPU_TLB_BITS)

/* log2 of the per-CPU jump cache size (virtual PC -> TB). */
#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1 << TB_JMP_CACHE_BITS)

/*
 * Exception numbers >= 0x10000 are not guest exceptions: they are the
 * reasons cpu_exec() returns to its caller.
 */
#define EXCP_INTERRUPT  0x10000 /* exit request (main loop, timer, QMP) */
#define EXCP_HLT        0x10001 /* the CPU halted itself (WAIT) */
#define EXCP_DEBUG      0x10002 /* breakpoint, watchpoint or single-step */
#define EXCP_HALTED     0x10003 /* the CPU is halted and has no work */
#define EXCP_YIELD      0x10004 /* give other vCPUs (or the loop) a turn */

/* MMU access types, as passed to tlb_fill. */
typedef enum MMUAccessType {
    MMU_DATA_LOAD  = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

#endif /* EXEC_CPU_DEFS_H */
