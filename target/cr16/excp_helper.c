/*
 * CR16C exceptions and interrupts: delivery (isa.md 7), interrupt
 * acceptance at instruction boundaries, WAIT wake-up and IAD from the
 * softmmu.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/cr16/cpu.h"
#include "exec/exec-all.h"
#include "exec/cpu-ldst.h"
#include "target/cr16/disas.h"

/* ---- the softmmu as a CR16Mem --------------------------------------------- */

static uint32_t cr16_softmem_load(void *opaque, uint32_t addr, unsigned size)
{
    CR16SoftMem *sm = opaque;

    switch (size) {
    case 1:
        return cpu_ldub_mmuidx_ra(sm->env, addr, sm->mmu_idx, sm->ra);
    case 2:
        return cpu_lduw_mmuidx_ra(sm->env, addr, sm->mmu_idx, sm->ra);
    default:
        return cpu_ldl_mmuidx_ra(sm->env, addr, sm->mmu_idx, sm->ra);
    }
}

static void cr16_softmem_store(void *opaque, uint32_t addr, uint32_t val,
                               unsigned size)
{
    CR16SoftMem *sm = opaque;

    switch (size) {
    case 1:
        cpu_stb_mmuidx_ra(sm->env, addr, val, sm->mmu_idx, sm->ra);
        break;
    case 2:
        cpu_stw_mmuidx_ra(sm->env, addr, val, sm->mmu_idx, sm->ra);
        break;
    default:
        cpu_stl_mmuidx_ra(sm->env, addr, val, sm->mmu_idx, sm->ra);
        break;
    }
}

static bool cr16_softmem_rw(void *opaque, uint32_t addr, void *buf,
                            size_t len, bool is_write)
{
    CR16SoftMem *sm = opaque;

    /* Semihosting buffers: only what the guest itself could address. */
    if (addr > sm->env->addr_limit || len > sm->env->addr_limit - addr + 1) {
        return false;
    }
    return cpu_memory_rw_debug(env_cpu(sm->env), addr, buf, len,
                               is_write) == 0;
}

void cr16_softmem_init(CR16SoftMem *sm, CPUCR16State *env, uintptr_t ra,
                       int mmu_idx)
{
    sm->mem.load = cr16_softmem_load;
    sm->mem.store = cr16_softmem_store;
    sm->mem.rw = cr16_softmem_rw;
    sm->mem.opaque = sm;
    sm->env = env;
    sm->ra = ra;
    sm->mmu_idx = mmu_idx;
}

/* ---- raising ------------------------------------------------------------ */

void cr16_raise_exception(CPUCR16State *env, unsigned vector, uint32_t pc,
                          uintptr_t ra)
{
    CPUState *cs = env_cpu(env);

    /* Bring the globals back to the faulting instruction, then override
     * the PC with the one the exception saves. */
    if (ra) {
        cpu_restore_state(cs, ra);
    }
    env->pc = pc & CR16_PC_MASK;
    cs->exception_index = vector;
    cpu_loop_exit(cs);
}

void cr16_cpu_do_interrupt(CPUState *cs)
{
    CPUCR16State *env = cpu_env(cs);
    unsigned vector = cs->exception_index;
    uint32_t ret_pc = env->pc;
    CR16SoftMem sm;
    char name[16];

    g_assert(vector < 256);
    cr16_softmem_init(&sm, env, 0, CR16_MMU_IDX_SUPER);
    cr16_exception_entry(env, &sm.mem, vector, ret_pc,
                         cr16_vector_clears_i(vector));
    qemu_log_mask(CPU_LOG_INT, "cr16: exception %s (vector %u): saved "
                  "pc=0x%06x, handler pc=0x%06x, isp=0x%06x\n",
                  cr16_vector_name(vector, name, sizeof(name)), vector,
                  ret_pc, env->pc, env->isp);
    cs->exception_index = -1;
}

/* ---- interrupts at instruction boundaries --------------------------------- */

bool cr16_cpu_has_work(CPUState *cs)
{
    CPUCR16State *env = cpu_env(cs);

    /* WAIT ends only for an interrupt the CPU will accept (isa.md 8). */
    return !env->exited && cr16_pick_interrupt(env) != 0;
}

bool cr16_cpu_exec_interrupt(CPUState *cs, int interrupt_request)
{
    CPUCR16State *env = cpu_env(cs);
    int pick = cr16_pick_interrupt(env);
    unsigned vector;
    char name[16];

    if (!pick || env->exited) {
        return false;
    }
    if (pick == CR16_VEC_NMI) {
        /* The NMI acknowledge is a dummy byte read (isa.md 7.3 step 1). */
        env->nmi_pending = 0;
        cpu_reset_interrupt(cs, CPU_INTERRUPT_NMI);
        cpu_ldub_mmuidx_ra(env, CR16_IACK_NMI, CR16_MMU_IDX_SUPER, 0);
        vector = CR16_VEC_NMI;
    } else {
        /*
         * The interrupt-acknowledge cycle: the board's ICU answers the
         * byte read at 0xFFFE00 with the vector (isa.md 7.8).
         */
        vector = cpu_ldub_mmuidx_ra(env, CR16_IACK_MASKABLE,
                                    CR16_MMU_IDX_SUPER, 0);
        if (vector < CR16_U_IACK_VECTOR_MIN ||
            vector > CR16_U_IACK_VECTOR_MAX) {
            qemu_log_mask(LOG_GUEST_ERROR, "cr16: interrupt acknowledge "
                          "returned vector %u (expected 16..127)\n", vector);
        }
    }
    qemu_log_mask(CPU_LOG_INT, "cr16: accepting %s (vector %u) at pc=0x%06x\n",
                  cr16_vector_name(vector, name, sizeof(name)), vector,
                  env->pc);
    cs->exception_index = vector;
    cr16_cpu_do_interrupt(cs);
    cs->halted = 0;
    return true;
}

/* ---- IAD from the softmmu ------------------------------------------------- */

bool cr16_cpu_tlb_fill(CPUState *cs, vaddr address, int size,
                       MMUAccessType access_type, int mmu_idx, bool probe,
                       uintptr_t retaddr)
{
    CPUCR16State *env = cpu_env(cs);
    vaddr last = address + (size > 0 ? size - 1 : 0);
    uint32_t pc, next;

    /* No MMU: every legal address maps to itself with full rights. */
    if (last <= env->addr_limit && last >= address) {
        vaddr page = address & TARGET_PAGE_MASK;
        tlb_set_page(cs, page, page, PAGE_RWX, mmu_idx, TARGET_PAGE_SIZE);
        return true;
    }
    if (probe) {
        return false;
    }

    /*
     * isa.md 4 / 7.3: an address beyond 0xFFFFFF raises IAD, taken before
     * the next instruction: the saved PC is that of the next instruction.
     */
    if (retaddr) {
        cpu_restore_state(cs, retaddr);
    }
    pc = env->pc;
    next = (pc + cr16_disas_insn_length(cpu_lduw_code(env, pc))) & CR16_PC_MASK;
    qemu_log_mask(LOG_GUEST_ERROR, "cr16: illegal address 0x%08" VADDR_PRIx
                  " (%s) at pc=0x%06x: IAD\n", address,
                  access_type == MMU_DATA_STORE ? "store" :
                  access_type == MMU_INST_FETCH ? "fetch" : "load", pc);
    cr16_raise_exception(env, CR16_VEC_IAD, next, 0);
}
