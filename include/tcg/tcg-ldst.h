/*
 * Guest memory access: the MemOpIdx encoding and the slow-path helpers
 * that generated code calls when the inline TLB lookup misses (or always,
 * from the interpreter).
 *
 * The helpers are declared here and DEFINED by accel/tcg/cputlb.c; unit
 * tests that only exercise tcg/ define them over a flat test array.
 */
#ifndef TCG_TCG_LDST_H
#define TCG_TCG_LDST_H

#include "exec/memop.h"

/* A MemOp and an MMU index packed into one constant op argument. */
typedef uint32_t MemOpIdx;

static inline MemOpIdx make_memop_idx(MemOp op, unsigned idx)
{
    return ((MemOpIdx)op << 4) | (idx & 15);
}

static inline MemOp get_memop(MemOpIdx oi)
{
    return (MemOp)(oi >> 4);
}

static inline unsigned get_mmuidx(MemOpIdx oi)
{
    return oi & 15;
}

struct CPUArchState;

/*
 * Loads return the value zero-extended from the access size; the caller
 * (generated code) sign-extends when the MemOp asks for it.  @retaddr is
 * the host address inside the TB's code (for the interpreter: inside its
 * bytecode) from which the guest state can be recovered with
 * tcg_tb_find_insn_data(); it is 0 when called from C outside any TB.
 * The byte order to use is get_memop(oi) & MO_BSWAP.
 */
uint64_t helper_ldub_mmu(struct CPUArchState *env, uint64_t addr,
                         MemOpIdx oi, uintptr_t retaddr);
uint64_t helper_lduw_mmu(struct CPUArchState *env, uint64_t addr,
                         MemOpIdx oi, uintptr_t retaddr);
uint64_t helper_ldul_mmu(struct CPUArchState *env, uint64_t addr,
                         MemOpIdx oi, uintptr_t retaddr);
uint64_t helper_ldq_mmu(struct CPUArchState *env, uint64_t addr,
                        MemOpIdx oi, uintptr_t retaddr);

void helper_stb_mmu(struct CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stw_mmu(struct CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stl_mmu(struct CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stq_mmu(struct CPUArchState *env, uint64_t addr, uint64_t val,
                    MemOpIdx oi, uintptr_t retaddr);

#endif /* TCG_TCG_LDST_H */
