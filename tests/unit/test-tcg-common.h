/*
 * Shared scaffolding for the TCG unit tests: a tiny fake CPU state with
 * globals, a flat guest memory behind a softmmu TLB, the slow-path
 * helpers accel/tcg would normally provide, and one context per backend
 * so each test can run the same IR on both.
 *
 * Include from exactly one .c per test program.
 */
#ifndef TEST_TCG_COMMON_H
#define TEST_TCG_COMMON_H

#include "qemu/osdep.h"
#include <setjmp.h>
#include "qemu/bswap.h"
#include "qemu/log.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "exec/tlb-common.h"

#define TMEM_SIZE   0x10000         /* guest RAM: [0, TMEM_SIZE) */
#define TPAGE_BITS  12
#define TTLB_SIZE   16              /* one entry per page of tmem */
#define TMMIO_PAGE  0xf000          /* this page takes the slow path */
#define TNB_REGS    16

struct CPUArchState {
    uint32_t r[TNB_REGS];
    uint64_t q[8];
    uint32_t pc;
    uint8_t bytes[16];              /* for ld/st to env */
    CPUTLBDescFast tlb_fast[2];
    CPUTLBEntry tlb[TTLB_SIZE];
    CPUTLBEntry tlb_invalid;

    /* Test bookkeeping, not seen by generated code. */
    sigjmp_buf fault_jmp;
    bool fault_armed;
    uint64_t fault_addr;
    uintptr_t fault_ra;
    unsigned slow_loads, slow_stores;
};
typedef struct CPUArchState CPUArchState;

static uint8_t tmem[TMEM_SIZE];

static TCGv_i32 cpu_r[TNB_REGS];
static TCGv_i64 cpu_q[8];
static TCGv_i32 cpu_pc;

static TCGContext *tctx[2];
static int tctx_n;

static const char *const reg_names[TNB_REGS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};
static const char *const q_names[8] = {
    "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7",
};

/* --- Guest memory helpers (accel/tcg/cputlb.c in the real thing) ----- */

static bool tmem_fault(CPUArchState *env, uint64_t addr, unsigned size,
                       uintptr_t ra)
{
    if (addr + size <= TMEM_SIZE) {
        return false;
    }
    env->fault_addr = addr;
    env->fault_ra = ra;
    if (env->fault_armed) {
        env->fault_armed = false;
        siglongjmp(env->fault_jmp, 1);
    }
    return true;
}

static uint64_t tmem_load(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                          uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);

    env->slow_loads++;
    if (tmem_fault(env, addr, size, ra)) {
        return 0;
    }
    return (mop & MO_BSWAP) == MO_BE ? ldn_be_p(tmem + addr, size)
                                     : ldn_le_p(tmem + addr, size);
}

static void tmem_store(CPUArchState *env, uint64_t addr, uint64_t val,
                       MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);

    env->slow_stores++;
    if (tmem_fault(env, addr, size, ra)) {
        return;
    }
    if ((mop & MO_BSWAP) == MO_BE) {
        stn_be_p(tmem + addr, size, val);
    } else {
        stn_le_p(tmem + addr, size, val);
    }
}

uint64_t helper_ldub_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t ra)
{
    return tmem_load(env, addr, oi, ra);
}

uint64_t helper_lduw_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t ra)
{
    return tmem_load(env, addr, oi, ra);
}

uint64_t helper_ldul_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t ra)
{
    return tmem_load(env, addr, oi, ra);
}

uint64_t helper_ldq_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                        uintptr_t ra)
{
    return tmem_load(env, addr, oi, ra);
}

void helper_stb_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t ra)
{
    tmem_store(env, addr, val, oi, ra);
}

void helper_stw_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t ra)
{
    tmem_store(env, addr, val, oi, ra);
}

void helper_stl_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t ra)
{
    tmem_store(env, addr, val, oi, ra);
}

void helper_stq_mmu(CPUArchState *env, uint64_t addr, uint64_t val,
                    MemOpIdx oi, uintptr_t ra)
{
    tmem_store(env, addr, val, oi, ra);
}

/* lookup_and_goto_ptr: a tiny pc -> code table the tests fill in. */
static struct {
    uint32_t pc;
    const void *code;
} lookup_table[4];

const void *helper_lookup_tb_ptr(CPUArchState *env)
{
    for (unsigned i = 0; i < ARRAY_SIZE(lookup_table); i++) {
        if (lookup_table[i].code && lookup_table[i].pc == env->pc) {
            return lookup_table[i].code;
        }
    }
    return tcg_code_gen_epilogue;
}

/* --- Contexts, TBs and the fake CPU -------------------------------------- */

static void env_init(CPUArchState *env)
{
    memset(env, 0, sizeof(*env));
    env->tlb_fast[0].mask = (TTLB_SIZE - 1) << CPU_TLB_ENTRY_BITS;
    env->tlb_fast[0].table = env->tlb;
    for (int p = 0; p < TTLB_SIZE; p++) {
        uint64_t page = (uint64_t)p << TPAGE_BITS;

        env->tlb[p].addr_read = page;
        env->tlb[p].addr_write = page;
        env->tlb[p].addr_code = page;
        env->tlb[p].addend = (uintptr_t)tmem;
        if (page == TMMIO_PAGE) {
            env->tlb[p].addr_read |= TLB_MMIO;
            env->tlb[p].addr_write |= TLB_MMIO;
        }
    }
    /* MMU index 1 has no mappings at all: every access is slow. */
    env->tlb_invalid.addr_read = env->tlb_invalid.addr_write = -1;
    env->tlb_fast[1].mask = 0;
    env->tlb_fast[1].table = &env->tlb_invalid;
}

static void tcg_test_setup(void)
{
    static const TCGBackendKind kinds[] = {
        TCG_BACKEND_INTERP, TCG_BACKEND_X86_64,
    };

    for (unsigned k = 0; k < ARRAY_SIZE(kinds); k++) {
        TCGContext *s;

        if (!tcg_backend_available(kinds[k])) {
            continue;
        }
        s = tcg_context_create(kinds[k]);
        tcg_region_init(16 * MiB);
        s->tlb_fast_offset = offsetof(CPUArchState, tlb_fast);
        s->page_bits = TPAGE_BITS;
        s->nb_mmu_modes = 2;
        for (int i = 0; i < TNB_REGS; i++) {
            TCGv_i32 v = tcg_global_mem_new_i32(
                tcg_env, offsetof(CPUArchState, r[i]), reg_names[i]);

            /* Same creation order, same handle in every context. */
            g_assert(tctx_n == 0 || v == cpu_r[i]);
            cpu_r[i] = v;
        }
        for (int i = 0; i < 8; i++) {
            cpu_q[i] = tcg_global_mem_new_i64(
                tcg_env, offsetof(CPUArchState, q[i]), q_names[i]);
        }
        cpu_pc = tcg_global_mem_new_i32(tcg_env, offsetof(CPUArchState, pc),
                                        "pc");
        tctx[tctx_n++] = s;
    }
}

static void tcg_test_teardown(void)
{
    for (int i = 0; i < tctx_n; i++) {
        tcg_context_destroy(tctx[i]);
    }
    tctx_n = 0;
}

typedef void (*TestGenFn)(const void *opaque);

/* Translate what @fn emits into a TB of context @s. */
static TranslationBlock *tgen_pc(TCGContext *s, uint32_t pc, TestGenFn fn,
                                 const void *opaque)
{
    TranslationBlock *tb;
    int n;

    tcg_set_current(s);
    if (tcg_code_size() > tcg_code_capacity() / 2) {
        tcg_region_reset_all();
    }
    tb = tcg_tb_alloc(s);
    g_assert(tb);
    tb->pc = pc;
    tcg_func_start(s);
    s->gen_tb = tb;
    fn(opaque);
    n = tcg_gen_code(s, tb, pc);
    g_assert_cmpint(n, >, 0);
    return tb;
}

static TranslationBlock *tgen(TCGContext *s, TestGenFn fn, const void *opaque)
{
    return tgen_pc(s, 0x1000, fn, opaque);
}

static uintptr_t trun(TCGContext *s, CPUArchState *env, TranslationBlock *tb)
{
    tcg_set_current(s);
    return tcg_qemu_tb_exec(env, tb->tc.ptr);
}

static inline const char *tname(TCGContext *s)
{
    return tcg_backend_name(s->backend_kind);
}

#endif /* TEST_TCG_COMMON_H */
