/*
 * vaddr: a guest virtual address, wide enough for any guest.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_VADDR_H
#define EXEC_VADDR_H

#include <stdint.h>
#include <inttypes.h>

/*
 * Always 64 bits so that generic code (TLB, TB cache, gdbstub) never needs
 * to know the guest's address width; CR16 addresses fit in the low 32.
 */
typedef uint64_t vaddr;
#define VADDR_PRId PRId64
#define VADDR_PRIu PRIu64
#define VADDR_PRIo PRIo64
#define VADDR_PRIx PRIx64
#define VADDR_PRIX PRIX64
#define VADDR_MAX UINT64_MAX

#endif /* EXEC_VADDR_H */
