/*
 * CR16C parameters the execution machinery needs at compile time
 * (included by include/exec/cpu-defs.h).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_CPU_PARAM_H
#define TARGET_CR16_CPU_PARAM_H

/*
 * Data addresses are formed in 32-bit registers and pairs (isa.md 4), so
 * guest addresses are 32 bits wide even though only 24 reach the bus:
 * anything above the limit is caught in tlb_fill and raises IAD.
 */
#define TARGET_LONG_BITS 32

/*
 * CR16 has no MMU; 1 KiB pages keep a small MMIO window next to RAM on the
 * fast path and make self-modifying-code invalidation fine-grained.
 */
#define TARGET_PAGE_BITS 10

/*
 * MMU index 0 = supervisor, 1 = user (PSR.U).  The core has no memory
 * protection, but a board MPU watching the SFUSR pin could use the index.
 */
#define NB_MMU_MODES 2

#endif /* TARGET_CR16_CPU_PARAM_H */
