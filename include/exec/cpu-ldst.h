/*
 * Guest memory accesses from C (helpers, exception entry, the loader):
 * the same path as generated code, through the softmmu TLB.
 *
 * Naming: cpu_{ld,st}{ub,sb,uw,sw,l,q}_{data,mmuidx}[_ra].  "data" uses
 * the CPU's current MMU index; "_ra" takes the host return address of the
 * helper (GETPC()) so that a guest fault restores the exact state of the
 * instruction; without "_ra" (retaddr 0) the guest state must already be
 * exact.  Multi-byte accesses use the target's byte order (little-endian
 * for CR16); _le_/_be_ variants exist through the MemOpIdx forms.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_CPU_LDST_H
#define EXEC_CPU_LDST_H

#include "exec/exec-all.h"
#include "exec/memop.h"
#include "tcg/tcg-ldst.h"

/* Full control: @oi packs the MemOp (size, order, alignment) and index. */
uint8_t cpu_ldb_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                    uintptr_t ra);
uint16_t cpu_ldw_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra);
uint32_t cpu_ldl_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra);
uint64_t cpu_ldq_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi,
                     uintptr_t ra);
void cpu_stb_mmu(CPUArchState *env, vaddr addr, uint8_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stw_mmu(CPUArchState *env, vaddr addr, uint16_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stl_mmu(CPUArchState *env, vaddr addr, uint32_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stq_mmu(CPUArchState *env, vaddr addr, uint64_t val, MemOpIdx oi,
                 uintptr_t ra);

/* Explicit MMU index. */
uint32_t cpu_ldub_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                            uintptr_t ra);
int cpu_ldsb_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                       uintptr_t ra);
uint32_t cpu_lduw_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                            uintptr_t ra);
int cpu_ldsw_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                       uintptr_t ra);
uint32_t cpu_ldl_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                           uintptr_t ra);
uint64_t cpu_ldq_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,
                           uintptr_t ra);
void cpu_stb_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra);
void cpu_stw_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra);
void cpu_stl_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val,
                       int mmu_idx, uintptr_t ra);
void cpu_stq_mmuidx_ra(CPUArchState *env, vaddr addr, uint64_t val,
                       int mmu_idx, uintptr_t ra);

/* Current data MMU index, with and without a return address. */
uint32_t cpu_ldub_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
int cpu_ldsb_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_lduw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
int cpu_ldsw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_ldl_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint64_t cpu_ldq_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
void cpu_stb_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra);
void cpu_stw_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra);
void cpu_stl_data_ra(CPUArchState *env, vaddr addr, uint32_t val,
                     uintptr_t ra);
void cpu_stq_data_ra(CPUArchState *env, vaddr addr, uint64_t val,
                     uintptr_t ra);

uint32_t cpu_ldub_data(CPUArchState *env, vaddr addr);
uint32_t cpu_lduw_data(CPUArchState *env, vaddr addr);
uint32_t cpu_ldl_data(CPUArchState *env, vaddr addr);
uint64_t cpu_ldq_data(CPUArchState *env, vaddr addr);
void cpu_stb_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stw_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stl_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stq_data(CPUArchState *env, vaddr addr, uint64_t val);

/* Code fetches (the code MMU index; a fault raises the fetch fault). */
uint32_t cpu_ldub_code(CPUArchState *env, vaddr addr);
uint32_t cpu_lduw_code(CPUArchState *env, vaddr addr);
uint32_t cpu_ldl_code(CPUArchState *env, vaddr addr);
uint64_t cpu_ldq_code(CPUArchState *env, vaddr addr);

#endif /* EXEC_CPU_LDST_H */
