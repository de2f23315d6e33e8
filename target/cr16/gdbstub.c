/*
 * CR16C gdb registers: the GNU simulator's numbering (toolchain-abi.md 4),
 * r0-r11 as 2 bytes, everything else as 4, little-endian.  The layout and
 * the target description live in cr16-arch.c.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "target/cr16/cpu.h"

int cr16_cpu_gdb_read_register(CPUState *cs, GByteArray *buf, int reg)
{
    uint8_t tmp[4];
    int n = cr16_gdb_read_reg(cpu_env(cs), reg, tmp);

    if (n > 0) {
        g_byte_array_append(buf, tmp, n);
    }
    return n;
}

int cr16_cpu_gdb_write_register(CPUState *cs, uint8_t *buf, int reg)
{
    return cr16_gdb_write_reg(cpu_env(cs), reg, buf);
}
