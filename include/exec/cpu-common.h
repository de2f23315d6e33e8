/*
 * Types shared by the memory API and the execution machinery.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_CPU_COMMON_H
#define EXEC_CPU_COMMON_H

#include "exec/hwaddr.h"

/*
 * An offset in the "RAM address space": every block of guest RAM gets a
 * distinct range of ram_addr_t when it is created, independent of where
 * (or whether, or how many times) it is mapped in an AddressSpace.  The
 * TB cache and the code-page bitmap are keyed by it, so aliases of the
 * same RAM share their translated code.
 */
typedef uint64_t ram_addr_t;
#define RAM_ADDR_MAX UINT64_MAX
#define RAM_ADDR_FMT "%" PRIx64
#define RAM_ADDR_INVALID (~(ram_addr_t)0)

/*
 * Shorthands for address_space_rw() on address_space_memory with
 * unspecified attributes, for loaders and simple devices that do not
 * care about the transaction result.
 */
void cpu_physical_memory_rw(hwaddr addr, void *buf, hwaddr len,
                            bool is_write);

static inline void cpu_physical_memory_read(hwaddr addr, void *buf,
                                            hwaddr len)
{
    cpu_physical_memory_rw(addr, buf, len, false);
}

static inline void cpu_physical_memory_write(hwaddr addr, const void *buf,
                                             hwaddr len)
{
    cpu_physical_memory_rw(addr, (void *)buf, len, true);
}

#endif /* EXEC_CPU_COMMON_H */
