/*
 * hwaddr: a guest physical (bus) address, and Int128 for sizes.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_HWADDR_H
#define EXEC_HWADDR_H

#include <stdint.h>
#include <inttypes.h>
#include <assert.h>

/*
 * Physical addresses are always 64 bits wide, whatever the guest: the
 * memory API, DMA and the monitor then never depend on the target.
 */
typedef uint64_t hwaddr;
#define HWADDR_BITS 64
#define HWADDR_MAX UINT64_MAX
#define HWADDR_PRId PRId64
#define HWADDR_PRIi PRIi64
#define HWADDR_PRIo PRIo64
#define HWADDR_PRIu PRIu64
#define HWADDR_PRIx PRIx64
#define HWADDR_PRIX PRIX64
/* Zero-padded, as "info mtree" prints addresses. */
#define HWADDR_FMT_plx "%016" PRIx64

/*
 * A region can cover the whole 64-bit address space, whose size (2^64)
 * does not fit in a hwaddr.  Sizes and range ends inside the memory API
 * therefore use a 128-bit integer; the compiler's native type does all
 * the arithmetic, these helpers only make the conversions explicit.
 */
typedef unsigned __int128 Int128;

static inline Int128 int128_make64(uint64_t v)
{
    return v;
}

static inline Int128 int128_2_64(void)
{
    return (Int128)1 << 64;
}

/* @v must fit in 64 bits. */
static inline uint64_t int128_get64(Int128 v)
{
    assert(v <= UINT64_MAX);
    return (uint64_t)v;
}

#endif /* EXEC_HWADDR_H */
