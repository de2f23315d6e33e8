/*
 * accel/tcg: the execution loop, TB cache, chaining, SMC, softmmu TLB,
 * precise exceptions, breakpoints, single-step and instruction counting,
 * driven by a tiny fake CPU so that no real target is needed.
 *
 * The fake ISA: 16-bit little-endian instructions, opcode in bits 15:12,
 * register (r0..r3) in bits 9:8, an 8-bit operand in bits 7:0.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/core/cpu.h"
#include "hw/core/tcg-cpu-ops.h"
#include "hw/qdev-core.h"
#include "exec/exec-all.h"
#include "exec/translator.h"
#include "exec/cpu-ldst.h"
#include "exec/helper-head.h"
#include "system/memory.h"
#include "system/tcg.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"

/* ---- the fake ISA ------------------------------------------------------ */

#define LI(r, i)    (0x1000 | (r) << 8 | ((i) & 0xff))  /* r = i */
#define ADDI(r, i)  (0x2000 | (r) << 8 | ((i) & 0xff))  /* r += sext(i) */
#define ADD(r, s)   (0x3000 | (r) << 8 | (s))           /* r += s */
#define SHLI(r, i)  (0x4000 | (r) << 8 | (i))           /* r <<= i */
#define STW(r, s)   (0x5000 | (r) << 8 | (s))           /* m16[s] = r */
#define LDW(r, s)   (0x6000 | (r) << 8 | (s))           /* r = m16[s] */
#define STB(r, s)   (0x7000 | (r) << 8 | (s))           /* m8[s] = r */
#define BR(o)       (0x8000 | ((o) & 0xff))             /* pc += 2 + 2*o */
#define BNZ(r, o)   (0x9000 | (r) << 8 | ((o) & 0xff))  /* if r: same */
#define HALT        0xa000                              /* wait for irq */
#define TRAP(n)     (0xb000 | (n))                      /* exception n */
#define JR(r)       (0xc000 | (r) << 8)                 /* pc = r */
#define SETIE(v)    (0xd000 | (v))                      /* irq enable */
#define ORI(r, i)   (0xf000 | (r) << 8 | (i))           /* r |= i */
#define NOP         0x0000

#define TEST_EXCP_FAULT     2       /* data access beyond the address limit */
#define TEST_EXCP_ILLEGAL   3
#define TEST_ADDR_LIMIT     0x10000
#define TEST_EXC_HANDLER    0x40    /* where exceptions go */
#define TEST_IRQ_HANDLER    0x60    /* where the interrupt goes */
#define TEST_MMIO_BASE      0x8000

/* ---- the fake CPU ------------------------------------------------------ */

struct CPUArchState {
    uint32_t pc;
    uint32_t r[4];
    uint32_t ie;
    uint32_t exc_count, last_exc, exc_pc;
    uint32_t fault_addr;
    uint32_t irq_count, irq_ret;
};

struct ArchCPU {
    CPUState parent_obj;
    CPUArchState env;
};
typedef struct ArchCPU TestCPU;

QEMU_BUILD_BUG_ON(offsetof(TestCPU, env) != sizeof(CPUState));

#define TYPE_TEST_CPU "test-cpu"

static CPUArchState *test_env(CPUState *cs)
{
    return &((TestCPU *)cs)->env;
}

static TCGv_i32 cpu_pc;
static TCGv_i32 cpu_r[4];

static void test_tcg_initialize(void)
{
    static const char *const names[4] = { "r0", "r1", "r2", "r3" };

    cpu_pc = tcg_global_mem_new_i32(tcg_env, offsetof(CPUArchState, pc),
                                    "pc");
    for (int i = 0; i < 4; i++) {
        cpu_r[i] = tcg_global_mem_new_i32(tcg_env,
                                          offsetof(CPUArchState, r[i]),
                                          names[i]);
    }
}

static void helper_test_halt(CPUArchState *env)
{
    CPUState *cs = env_cpu(env);

    cs->halted = 1;
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

static void helper_test_raise(CPUArchState *env, uint32_t excp)
{
    CPUState *cs = env_cpu(env);

    cs->exception_index = excp;
    cpu_loop_exit(cs);
}

static TCGHelperInfo info_test_halt = {
    .func = helper_test_halt, .name = "test_halt",
    .typemask = dh_typemask(void, 0) | dh_typemask(env, 1),
};

static TCGHelperInfo info_test_raise = {
    .func = helper_test_raise, .name = "test_raise",
    .typemask = dh_typemask(void, 0) | dh_typemask(env, 1) |
                dh_typemask(i32, 2),
};

static void gen_call(TCGHelperInfo *info, TCGv_i32 arg)
{
    TCGTemp *args[2] = { tcgv_ptr_temp(tcg_env),
                         arg ? tcgv_i32_temp(arg) : NULL };

    tcg_gen_callN(info, NULL, args);
}

static void gen_goto(DisasContextBase *db, int n, uint32_t dest)
{
    if (translator_use_goto_tb(db, dest)) {
        tcg_gen_goto_tb(n);
        tcg_gen_movi_i32(cpu_pc, dest);
        tcg_gen_exit_tb(db->tb, n);
    } else {
        tcg_gen_movi_i32(cpu_pc, dest);
        tcg_gen_lookup_and_goto_ptr();
    }
}

static void test_tr_init_disas_context(DisasContextBase *db, CPUState *cs)
{
}

static void test_tr_tb_start(DisasContextBase *db, CPUState *cs)
{
}

static void test_tr_insn_start(DisasContextBase *db, CPUState *cs)
{
    tcg_gen_insn_start(db->pc_next);
}

static void test_tr_translate_insn(DisasContextBase *db, CPUState *cs)
{
    uint32_t pc = db->pc_next;
    uint16_t insn = translator_lduw(test_env(cs), db, pc);
    unsigned rd = (insn >> 8) & 3, imm = insn & 0xff, rs = imm & 3;
    uint32_t next = pc + 2, dest = next + (int8_t)imm * 2;
    TCGLabel *l;

    db->pc_next = next;
    switch (insn >> 12) {
    case 0x0:
        if (insn != NOP) {
            goto illegal;
        }
        break;
    case 0x1:
        tcg_gen_movi_i32(cpu_r[rd], imm);
        break;
    case 0x2:
        tcg_gen_addi_i32(cpu_r[rd], cpu_r[rd], (int8_t)imm);
        break;
    case 0x3:
        tcg_gen_add_i32(cpu_r[rd], cpu_r[rd], cpu_r[rs]);
        break;
    case 0x4:
        tcg_gen_shli_i32(cpu_r[rd], cpu_r[rd], imm & 31);
        break;
    case 0x5:
        tcg_gen_qemu_st_i32(cpu_r[rd], cpu_r[rs], 0, MO_TEUW);
        break;
    case 0x6:
        tcg_gen_qemu_ld_i32(cpu_r[rd], cpu_r[rs], 0, MO_TEUW);
        break;
    case 0x7:
        tcg_gen_qemu_st_i32(cpu_r[rd], cpu_r[rs], 0, MO_UB);
        break;
    case 0x8:
        gen_goto(db, 0, dest);
        db->is_jmp = DISAS_NORETURN;
        break;
    case 0x9:
        l = gen_new_label();
        tcg_gen_brcondi_i32(TCG_COND_EQ, cpu_r[rd], 0, l);
        gen_goto(db, 0, dest);
        tcg_gen_set_label(l);
        gen_goto(db, 1, next);
        db->is_jmp = DISAS_NORETURN;
        break;
    case 0xa:
        tcg_gen_movi_i32(cpu_pc, next);
        gen_call(&info_test_halt, NULL);
        db->is_jmp = DISAS_NORETURN;
        break;
    case 0xb:
        tcg_gen_movi_i32(cpu_pc, pc);
        gen_call(&info_test_raise, tcg_constant_i32(imm));
        db->is_jmp = DISAS_NORETURN;
        break;
    case 0xc:
        tcg_gen_mov_i32(cpu_pc, cpu_r[rd]);
        tcg_gen_lookup_and_goto_ptr();
        db->is_jmp = DISAS_NORETURN;
        break;
    case 0xd: {
        TCGv_i32 t = tcg_constant_i32(imm & 1);

        tcg_gen_st_i32(t, tcg_env, offsetof(CPUArchState, ie));
        /* Back to the loop, which looks at pending interrupts. */
        db->is_jmp = DISAS_TARGET_0;
        break;
    }
    case 0xf:
        tcg_gen_ori_i32(cpu_r[rd], cpu_r[rd], imm);
        break;
    default:
    illegal:
        tcg_gen_movi_i32(cpu_pc, pc);
        gen_call(&info_test_raise, tcg_constant_i32(TEST_EXCP_ILLEGAL));
        db->is_jmp = DISAS_NORETURN;
        break;
    }
}

static void test_tr_tb_stop(DisasContextBase *db, CPUState *cs)
{
    switch (db->is_jmp) {
    case DISAS_TOO_MANY:
    case DISAS_NEXT:
        gen_goto(db, 0, db->pc_next);
        break;
    case DISAS_TARGET_0:
        tcg_gen_movi_i32(cpu_pc, db->pc_next);
        tcg_gen_exit_tb(NULL, 0);
        break;
    default:
        break;
    }
}

static const TranslatorOps test_tr_ops = {
    .init_disas_context = test_tr_init_disas_context,
    .tb_start = test_tr_tb_start,
    .insn_start = test_tr_insn_start,
    .translate_insn = test_tr_translate_insn,
    .tb_stop = test_tr_tb_stop,
};

static void test_translate_code(CPUState *cs, TranslationBlock *tb,
                                int *max_insns, vaddr pc, void *host_pc)
{
    DisasContextBase db;

    translator_loop(cs, tb, max_insns, pc, host_pc, &test_tr_ops, &db);
}

static void test_get_tb_cpu_state(CPUArchState *env, vaddr *pc,
                                  uint64_t *cs_base, uint32_t *flags)
{
    *pc = env->pc;
    *cs_base = 0;
    *flags = 0;
}

static void test_restore_state_to_opc(CPUState *cs,
                                      const TranslationBlock *tb,
                                      const uint64_t *data)
{
    test_env(cs)->pc = data[0];
}

static void test_do_interrupt(CPUState *cs)
{
    CPUArchState *env = test_env(cs);

    env->exc_count++;
    env->last_exc = cs->exception_index;
    env->exc_pc = env->pc;
    env->pc = TEST_EXC_HANDLER;
}

static bool test_cpu_exec_interrupt(CPUState *cs, int request)
{
    CPUArchState *env = test_env(cs);

    if ((request & CPU_INTERRUPT_HARD) && env->ie) {
        env->irq_count++;
        env->irq_ret = env->pc;
        env->ie = 0;
        env->pc = TEST_IRQ_HANDLER;
        cpu_reset_interrupt(cs, CPU_INTERRUPT_HARD);
        return true;
    }
    return false;
}

static bool test_tlb_fill(CPUState *cs, vaddr addr, int size,
                          MMUAccessType type, int mmu_idx, bool probe,
                          uintptr_t ra)
{
    if (addr >= TEST_ADDR_LIMIT) {
        if (probe) {
            return false;
        }
        test_env(cs)->fault_addr = addr;
        cs->exception_index = TEST_EXCP_FAULT;
        cpu_loop_exit_restore(cs, ra);
    }
    tlb_set_page(cs, addr, addr, PAGE_RWX, mmu_idx, TARGET_PAGE_SIZE);
    return true;
}

static bool test_cpu_has_work(CPUState *cs)
{
    return cs->interrupt_request & CPU_INTERRUPT_HARD;
}

static void test_cpu_set_pc(CPUState *cs, vaddr pc)
{
    test_env(cs)->pc = pc;
}

static vaddr test_cpu_get_pc(CPUState *cs)
{
    return test_env(cs)->pc;
}

static const TCGCPUOps test_tcg_ops = {
    .initialize = test_tcg_initialize,
    .translate_code = test_translate_code,
    .get_tb_cpu_state = test_get_tb_cpu_state,
    .restore_state_to_opc = test_restore_state_to_opc,
    .cpu_exec_interrupt = test_cpu_exec_interrupt,
    .do_interrupt = test_do_interrupt,
    .tlb_fill = test_tlb_fill,
};

static void test_cpu_class_init(ObjectClass *oc, void *data)
{
    CPUClass *cc = CPU_CLASS(oc);

    cc->has_work = test_cpu_has_work;
    cc->set_pc = test_cpu_set_pc;
    cc->get_pc = test_cpu_get_pc;
    cc->tcg_ops = &test_tcg_ops;
}

static const TypeInfo test_cpu_info = {
    .name = TYPE_TEST_CPU,
    .parent = TYPE_CPU,
    .instance_size = sizeof(TestCPU),
    .class_init = test_cpu_class_init,
};

/* ---- fixture: RAM at 0, an MMIO window, the CPU, TCG ------------------- */

typedef struct Fixture {
    int backend;
    Object *owner;
    MemoryRegion *root, *ram, *mmio;
    AddressSpace as;
    CPUState *cs;
    CPUArchState *env;
    /* The fake device: a byte array behind callbacks. */
    uint8_t mmio_mem[0x100];
    unsigned mmio_reads, mmio_writes;
    uint64_t mmio_last_write;
    bool mmio_write_exits;
} Fixture;

static uint64_t mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    Fixture *fx = opaque;
    uint64_t v = 0;

    fx->mmio_reads++;
    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)fx->mmio_mem[(addr + i) & 0xff] << (8 * i);
    }
    return v;
}

static void mmio_write(void *opaque, hwaddr addr, uint64_t val,
                       unsigned size)
{
    Fixture *fx = opaque;

    fx->mmio_writes++;
    fx->mmio_last_write = val;
    if (fx->mmio_write_exits) {
        /* As a timer or QMP would: ask the running CPU to come back. */
        cpu_exit(current_cpu);
    }
}

static const MemoryRegionOps mmio_ops = {
    .read = mmio_read,
    .write = mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static void fixture_setup(Fixture *fx, gconstpointer data)
{
    memset(fx, 0, sizeof(*fx));
    fx->backend = GPOINTER_TO_INT(data);
    tcg_exec_init_backend(fx->backend, 1 * MiB);
    tb_reset_statistics();

    fx->owner = object_new(TYPE_CONTAINER);
    fx->root = memory_region_new(fx->owner, "test-root", TEST_ADDR_LIMIT);
    fx->ram = memory_region_new_ram(fx->owner, "test-ram", 0x8000,
                                    &error_abort);
    fx->mmio = memory_region_new_io(fx->owner, &mmio_ops, fx, "test-mmio",
                                    0x100);
    memory_region_add_subregion(fx->root, 0, fx->ram);
    memory_region_add_subregion(fx->root, TEST_MMIO_BASE, fx->mmio);
    address_space_init(&fx->as, fx->root, "test-as");

    fx->cs = CPU(object_new(TYPE_TEST_CPU));
    fx->cs->as = &fx->as;
    qdev_realize(DEVICE(fx->cs), NULL, &error_abort);
    fx->env = test_env(fx->cs);
    /* Every exception lands on a HALT. */
    address_space_stw_le(&fx->as, TEST_EXC_HANDLER, HALT,
                         MEMTXATTRS_UNSPECIFIED, NULL);
}

static void fixture_teardown(Fixture *fx, gconstpointer data)
{
    object_unparent(OBJECT(fx->cs));
    object_unref(OBJECT(fx->cs));
    tcg_exec_cleanup();
    address_space_destroy(&fx->as);
    object_unref(fx->owner);
    memory_reclaim_run();
    qemu_loglevel = 0;
}

/* Write a program (instruction words) at @addr, as a loader would. */
static void load(Fixture *fx, hwaddr addr, const uint16_t *prog, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        address_space_stw_le(&fx->as, addr + 2 * i, prog[i],
                             MEMTXATTRS_UNSPECIFIED, NULL);
    }
}

#define LOAD(fx, addr, ...) do { \
        const uint16_t prog_[] = { __VA_ARGS__ }; \
        load((fx), (addr), prog_, ARRAY_SIZE(prog_)); \
    } while (0)

/* Start at @pc and run a slice of at most @budget instructions. */
static int run_from(Fixture *fx, uint32_t pc, int64_t budget,
                    int64_t *executed)
{
    fx->env->pc = pc;
    fx->cs->halted = 0;
    return tcg_cpu_exec_slice(fx->cs, budget, executed);
}

static TBStatistics stats(void)
{
    TBStatistics st;

    tb_get_statistics(&st);
    return st;
}

/* The counting loop used by several tests: r0 = N after N iterations. */
static void load_loop(Fixture *fx, uint8_t n)
{
    LOAD(fx, 0x100,
         LI(0, 0),          /* 0x100 */
         LI(1, n),          /* 0x102 */
         ADDI(0, 1),        /* 0x104: loop */
         ADDI(1, -1),       /* 0x106 */
         BNZ(1, -3),        /* 0x108: back to 0x104 */
         HALT);             /* 0x10a */
}

/* ---- tests ------------------------------------------------------------- */

static void test_straight_line(Fixture *fx, gconstpointer data)
{
    int64_t n;

    LOAD(fx, 0x100, LI(0, 5), ADDI(0, 3), LI(1, 2), ADD(0, 1), HALT);
    g_assert_cmpint(run_from(fx, 0x100, 1000, &n), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 10);
    g_assert_cmpuint(fx->env->pc, ==, 0x10a);
    g_assert_cmpint(n, ==, 5);
    g_assert_true(fx->cs->halted);
}

static void test_tb_cache_hit_miss(Fixture *fx, gconstpointer data)
{
    TBStatistics st;

    load_loop(fx, 200);
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 200);
    st = stats();
    /* Entry block, loop body, HALT. */
    g_assert_cmpuint(st.translations, ==, 3);
    g_assert_cmpuint(st.live_tbs, ==, 3);

    /* The second run finds everything in the cache. */
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 200);
    g_assert_cmpuint(stats().translations, ==, 3);
    g_assert_cmpuint(stats().jc_hits + stats().htable_hits, >,
                     st.jc_hits + st.htable_hits);
}

static void test_chaining(Fixture *fx, gconstpointer data)
{
    TBStatistics st;

    load_loop(fx, 200);
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    st = stats();
    /* The loop jumps to itself directly: few trips through the loop. */
    g_assert_cmpuint(st.chains, >=, 2);
    g_assert_cmpuint(st.lookups, <, 20);
}

static void test_nochain(Fixture *fx, gconstpointer data)
{
    TBStatistics st;

    qemu_loglevel |= CPU_LOG_TB_NOCHAIN;
    load_loop(fx, 200);
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 200);
    st = stats();
    g_assert_cmpuint(st.chains, ==, 0);
    g_assert_cmpuint(st.lookups, >=, 200);
}

static void test_smc_same_tb(Fixture *fx, gconstpointer data)
{
    int64_t n;

    /* The store rewrites the instruction right after it, in its own TB. */
    LOAD(fx, 0x200,
         LI(1, 0x02), SHLI(1, 8), ORI(1, 0x0e),   /* r1 = 0x20e */
         LI(2, 0x10), SHLI(2, 8), ORI(2, 0x63),   /* r2 = LI(0, 0x63) */
         STW(2, 1),                               /* 0x20c */
         LI(0, 0x11),                             /* 0x20e: replaced */
         HALT);
    g_assert_cmpint(run_from(fx, 0x200, 1000, &n), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 0x63);
    /* The store was re-executed on its own but counted once. */
    g_assert_cmpint(n, ==, 9);
    g_assert_cmpuint(stats().invalidations, >=, 1);
}

static void test_smc_other_tb(Fixture *fx, gconstpointer data)
{
    LOAD(fx, 0x300, LI(0, 1), HALT);
    g_assert_cmpint(run_from(fx, 0x300, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 1);

    /* Guest code patches the block that already ran, then jumps to it. */
    LOAD(fx, 0x320,
         LI(1, 0x03), SHLI(1, 8),                 /* r1 = 0x300 */
         LI(2, 0x10), SHLI(2, 8), ORI(2, 0x02),   /* r2 = LI(0, 2) */
         STW(2, 1), JR(1));
    g_assert_cmpint(run_from(fx, 0x320, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 2);
}

static void test_smc_dma_write(Fixture *fx, gconstpointer data)
{
    LOAD(fx, 0x300, LI(0, 1), HALT);
    g_assert_cmpint(run_from(fx, 0x300, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 1);
    /* A write that bypasses the CPU (loader, DMA, debugger). */
    address_space_stw_le(&fx->as, 0x300, LI(0, 3), MEMTXATTRS_UNSPECIFIED,
                         NULL);
    g_assert_cmpint(run_from(fx, 0x300, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 3);
}

static void test_mmio_slow_path(Fixture *fx, gconstpointer data)
{
    fx->mmio_mem[0] = 0x34;
    fx->mmio_mem[1] = 0x12;
    LOAD(fx, 0x700,
         LI(1, 0x80), SHLI(1, 8),                 /* r1 = 0x8000 */
         LDW(0, 1),
         LI(3, 0x5a), STW(3, 1),
         HALT);
    g_assert_cmpint(run_from(fx, 0x700, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 0x1234);
    g_assert_cmpuint(fx->mmio_reads, ==, 1);
    g_assert_cmpuint(fx->mmio_writes, ==, 1);
    g_assert_cmphex(fx->mmio_last_write, ==, 0x5a);
}

static void test_exec_from_mmio(Fixture *fx, gconstpointer data)
{
    /* The device answers instruction fetches too: LI r2,0x56; HALT. */
    fx->mmio_mem[0] = 0x56;
    fx->mmio_mem[1] = 0x12;
    fx->mmio_mem[2] = 0x00;
    fx->mmio_mem[3] = 0xa0;
    LOAD(fx, 0x780, LI(1, 0x80), SHLI(1, 8), JR(1));
    g_assert_cmpint(run_from(fx, 0x780, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[2], ==, 0x56);
    g_assert_cmphex(fx->env->pc, ==, TEST_MMIO_BASE + 4);

    /* Nothing was cached: a changed answer is seen the next time. */
    fx->mmio_mem[0] = 0x57;
    g_assert_cmpint(run_from(fx, TEST_MMIO_BASE, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[2], ==, 0x57);
}

static void test_exec_unmapped(Fixture *fx, gconstpointer data)
{
    int64_t n;

    /* A hole reads as zeroes, which are NOPs here: no crash, no loop. */
    g_assert_cmpint(run_from(fx, 0x9000, 16, &n), ==, EXCP_INTERRUPT);
    g_assert_cmpint(n, ==, 16);
    g_assert_cmphex(fx->env->pc, ==, 0x9020);
}

static void test_tlb_remap(Fixture *fx, gconstpointer data)
{
    MemoryRegion *overlay = memory_region_new_ram(fx->owner, "test-overlay",
                                                  TARGET_PAGE_SIZE,
                                                  &error_abort);
    uint16_t *p = memory_region_get_ram_ptr(overlay);

    p[0] = LI(0, 2);
    p[1] = HALT;
    LOAD(fx, 0x1000, LI(0, 1), HALT);
    g_assert_cmpint(run_from(fx, 0x1000, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 1);

    /* Hotplug-like change: other RAM now answers at 0x1000. */
    memory_region_add_subregion_overlap(fx->root, 0x1000, overlay, 1);
    g_assert_cmpint(run_from(fx, 0x1000, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 2);

    memory_region_del_subregion(fx->root, overlay);
    g_assert_cmpint(run_from(fx, 0x1000, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 1);
}

static void test_exception_precise_pc(Fixture *fx, gconstpointer data)
{
    int64_t n;

    LOAD(fx, 0x400,
         LI(0, 7),                  /* 0x400 */
         LI(1, 1), SHLI(1, 20),     /* r1 = 0x100000: beyond the limit */
         LDW(2, 1),                 /* 0x406: faults */
         LI(0, 9),                  /* never runs */
         HALT);
    g_assert_cmpint(run_from(fx, 0x400, 1000, &n), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->exc_count, ==, 1);
    g_assert_cmpuint(fx->env->last_exc, ==, TEST_EXCP_FAULT);
    g_assert_cmphex(fx->env->exc_pc, ==, 0x406);
    g_assert_cmphex(fx->env->fault_addr, ==, 0x100000);
    /* State before the fault is there, nothing after it. */
    g_assert_cmpuint(fx->env->r[0], ==, 7);
    g_assert_cmphex(fx->env->r[1], ==, 0x100000);
    /* Three instructions, then the handler's HALT. */
    g_assert_cmpint(n, ==, 4);
    g_assert_cmphex(fx->env->pc, ==, TEST_EXC_HANDLER + 2);
}

static void test_trap(Fixture *fx, gconstpointer data)
{
    LOAD(fx, 0x400, LI(0, 1), TRAP(5), LI(0, 2), HALT);
    g_assert_cmpint(run_from(fx, 0x400, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->last_exc, ==, 5);
    g_assert_cmphex(fx->env->exc_pc, ==, 0x402);
    g_assert_cmpuint(fx->env->r[0], ==, 1);
}

static void test_breakpoint(Fixture *fx, gconstpointer data)
{
    int64_t n;

    LOAD(fx, 0x500, LI(0, 1), LI(0, 2), LI(0, 3), HALT);
    g_assert_cmpint(run_from(fx, 0x500, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 3);

    /* In the middle of a TB that is already translated. */
    g_assert_cmpint(cpu_breakpoint_insert(fx->cs, 0x504, BP_GDB, NULL), ==,
                    0);
    g_assert_cmpint(run_from(fx, 0x500, 1000, &n), ==, EXCP_DEBUG);
    g_assert_cmphex(fx->env->pc, ==, 0x504);
    g_assert_cmpuint(fx->env->r[0], ==, 2);
    g_assert_cmpint(n, ==, 2);

    /* Removing it lets the CPU go on from there. */
    g_assert_cmpint(cpu_breakpoint_remove(fx->cs, 0x504, BP_GDB), ==, 0);
    fx->cs->halted = 0;
    g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 3);
}

static void test_breakpoint_at_tb_start(Fixture *fx, gconstpointer data)
{
    int64_t n;

    LOAD(fx, 0x500, LI(0, 1), HALT);
    cpu_breakpoint_insert(fx->cs, 0x500, BP_GDB, NULL);
    g_assert_cmpint(run_from(fx, 0x500, 1000, &n), ==, EXCP_DEBUG);
    g_assert_cmpint(n, ==, 0);
    g_assert_cmphex(fx->env->pc, ==, 0x500);
    cpu_breakpoint_remove_all(fx->cs, BP_GDB);
    g_assert_null(fx->cs->breakpoints);
}

static void test_single_step(Fixture *fx, gconstpointer data)
{
    int64_t n;

    LOAD(fx, 0x500, LI(0, 1), LI(0, 2), LI(0, 3), HALT);
    cpu_single_step(fx->cs, SSTEP_ENABLE);
    fx->env->pc = 0x500;
    for (int i = 1; i <= 3; i++) {
        g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, &n), ==, EXCP_DEBUG);
        g_assert_cmpint(n, ==, 1);
        g_assert_cmphex(fx->env->pc, ==, 0x500 + 2 * i);
        g_assert_cmpuint(fx->env->r[0], ==, i);
    }
    cpu_single_step(fx->cs, 0);
    g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, &n), ==, EXCP_HLT);
    g_assert_cmpint(n, ==, 1);
}

static void test_icount_exact_slices(Fixture *fx, gconstpointer data)
{
    int64_t n, total;
    int ret;

    load_loop(fx, 200);
    g_assert_cmpint(run_from(fx, 0x100, 100, &n), ==, EXCP_INTERRUPT);
    g_assert_cmpint(n, ==, 100);
    /* 2 + 32 iterations of 3 + the first 2 of the next. */
    g_assert_cmpuint(fx->env->r[0], ==, 33);
    g_assert_cmpuint(fx->env->r[1], ==, 167);
    g_assert_cmphex(fx->env->pc, ==, 0x108);

    total = n;
    do {
        ret = tcg_cpu_exec_slice(fx->cs, 100, &n);
        total += n;
    } while (ret == EXCP_INTERRUPT);
    g_assert_cmpint(ret, ==, EXCP_HLT);
    g_assert_cmpint(total, ==, 2 + 3 * 200 + 1);
    g_assert_cmpint(tcg_icount_get_raw(), ==, total);
}

static void test_halt_and_wake(Fixture *fx, gconstpointer data)
{
    LOAD(fx, TEST_IRQ_HANDLER, LI(3, 0x99), HALT);
    LOAD(fx, 0x600, SETIE(1), HALT, LI(0, 0x42), HALT);
    g_assert_cmpint(run_from(fx, 0x600, 1000, NULL), ==, EXCP_HLT);
    /* Halted with nothing pending: returns at once. */
    g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, NULL), ==, EXCP_HALTED);
    g_assert_cmpuint(fx->env->irq_count, ==, 0);

    cpu_interrupt(fx->cs, CPU_INTERRUPT_HARD);
    g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->irq_count, ==, 1);
    g_assert_cmphex(fx->env->irq_ret, ==, 0x604);
    g_assert_cmpuint(fx->env->r[3], ==, 0x99);
}

static void test_exit_request(Fixture *fx, gconstpointer data)
{
    int64_t n;

    fx->mmio_write_exits = true;
    LOAD(fx, 0x700,
         LI(1, 0x80), SHLI(1, 8), STW(0, 1),
         BR(-1));                   /* spins forever */
    g_assert_cmpint(run_from(fx, 0x700, 1000000, &n), ==, EXCP_INTERRUPT);
    /* The request is honoured at the end of the TB holding the store. */
    g_assert_cmpint(n, ==, 4);
    g_assert_cmphex(fx->env->pc, ==, 0x706);
}

static void test_watchpoint(Fixture *fx, gconstpointer data)
{
    uint8_t buf[2];

    LOAD(fx, 0x700,
         LI(1, 0x20), SHLI(1, 8),   /* r1 = 0x2000 */
         LI(2, 0x77), STW(2, 1),    /* 0x706 */
         LI(0, 5), HALT);
    cpu_watchpoint_insert(fx->cs, 0x2000, 2, BP_GDB | BP_MEM_WRITE, NULL);
    g_assert_cmpint(run_from(fx, 0x700, 1000, NULL), ==, EXCP_DEBUG);
    g_assert_nonnull(fx->cs->watchpoint_hit);
    g_assert_cmphex(fx->cs->watchpoint_hit->hitaddr, ==, 0x2000);
    g_assert_true(fx->cs->watchpoint_hit->flags & BP_WATCHPOINT_HIT_WRITE);
    /* Stopped after the store, which happened. */
    g_assert_cmphex(fx->env->pc, ==, 0x708);
    g_assert_cmpint(cpu_memory_rw_debug(fx->cs, 0x2000, buf, 2, false), ==,
                    0);
    g_assert_cmphex(buf[0], ==, 0x77);
    g_assert_cmpuint(fx->env->r[0], ==, 0);

    fx->cs->watchpoint_hit = NULL;
    cpu_watchpoint_remove_all(fx->cs, BP_GDB);
    g_assert_cmpint(tcg_cpu_exec_slice(fx->cs, 1000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, 5);
}

static void test_flush_when_full(Fixture *fx, gconstpointer data)
{
    const unsigned blocks = 3000;
    g_autofree uint16_t *prog = g_new(uint16_t, 2 * blocks + 1);
    TBStatistics st;

    /* A small buffer and thousands of two-instruction TBs. */
    tcg_exec_cleanup();
    tcg_exec_init_backend(fx->backend, 128 * KiB);
    for (unsigned i = 0; i < blocks; i++) {
        prog[2 * i] = LI(0, i);
        prog[2 * i + 1] = BR(0);
    }
    prog[2 * blocks] = HALT;
    load(fx, 0x100, prog, 2 * blocks + 1);
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, (blocks - 1) & 0xff);
    st = stats();
    g_assert_cmpuint(st.full_buffer_flushes, >=, 1);
    g_assert_cmpuint(st.translations, >=, blocks);
    /* And everything still runs correctly afterwards. */
    g_assert_cmpint(run_from(fx, 0x100, 100000, NULL), ==, EXCP_HLT);
    g_assert_cmpuint(fx->env->r[0], ==, (blocks - 1) & 0xff);
}

static void test_rw_debug(Fixture *fx, gconstpointer data)
{
    uint8_t out[4] = { 1, 2, 3, 4 }, in[4] = { 0 };

    g_assert_cmpint(cpu_memory_rw_debug(fx->cs, 0x3000, out, 4, true), ==, 0);
    g_assert_cmpint(cpu_memory_rw_debug(fx->cs, 0x3000, in, 4, false), ==, 0);
    g_assert_cmpmem(in, 4, out, 4);
    /* Nothing mapped there: an error, and zeroes. */
    g_assert_cmpint(cpu_memory_rw_debug(fx->cs, 0x20000, in, 4, false), ==,
                    -1);
    g_assert_cmpuint(in[0], ==, 0);
}

static void test_cpu_list(Fixture *fx, gconstpointer data)
{
    CPUState *cpu;
    int n = 0;

    g_assert_true(qemu_get_cpu(fx->cs->cpu_index) == fx->cs);
    g_assert_null(qemu_get_cpu(fx->cs->cpu_index + 1));
    CPU_FOREACH(cpu) {
        n++;
    }
    g_assert_cmpint(n, ==, 1);
}

/* ---- registration ------------------------------------------------------ */

typedef void (*FixtureTest)(Fixture *, gconstpointer);

static void add_test(int backend, const char *name, FixtureTest fn)
{
    g_autofree char *path = g_strdup_printf("/accel-tcg/%s/%s",
                                            tcg_backend_name(backend), name);

    g_test_add(path, Fixture, GINT_TO_POINTER(backend), fixture_setup, fn,
               fixture_teardown);
}

int main(int argc, char **argv)
{
    static const int backends[] = { TCG_BACKEND_X86_64, TCG_BACKEND_INTERP };

    g_test_init(&argc, &argv, NULL);
    type_register_static(&test_cpu_info);

    for (size_t i = 0; i < ARRAY_SIZE(backends); i++) {
        int be = backends[i];

        if (!tcg_backend_available(be)) {
            continue;
        }
        add_test(be, "exec/straight-line", test_straight_line);
        add_test(be, "tb-cache/hit-miss", test_tb_cache_hit_miss);
        add_test(be, "tb-cache/chaining", test_chaining);
        add_test(be, "tb-cache/nochain", test_nochain);
        add_test(be, "tb-cache/flush-when-full", test_flush_when_full);
        add_test(be, "smc/store-into-own-tb", test_smc_same_tb);
        add_test(be, "smc/store-into-other-tb", test_smc_other_tb);
        add_test(be, "smc/dma-write", test_smc_dma_write);
        add_test(be, "tlb/mmio-slow-path", test_mmio_slow_path);
        add_test(be, "tlb/remap-flushes", test_tlb_remap);
        add_test(be, "tlb/exec-from-mmio", test_exec_from_mmio);
        add_test(be, "tlb/exec-unmapped", test_exec_unmapped);
        add_test(be, "exception/precise-pc", test_exception_precise_pc);
        add_test(be, "exception/trap", test_trap);
        add_test(be, "debug/breakpoint-mid-tb", test_breakpoint);
        add_test(be, "debug/breakpoint-tb-start", test_breakpoint_at_tb_start);
        add_test(be, "debug/single-step", test_single_step);
        add_test(be, "debug/watchpoint-write", test_watchpoint);
        add_test(be, "icount/exact-slices", test_icount_exact_slices);
        add_test(be, "loop/halt-and-wake", test_halt_and_wake);
        add_test(be, "loop/exit-request", test_exit_request);
        add_test(be, "cpu/memory-rw-debug", test_rw_debug);
        add_test(be, "cpu/list", test_cpu_list);
    }
    return g_test_run();
}
