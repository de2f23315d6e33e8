/*
 * bench-tcg: raw speed of the TCG backends, without any guest frontend.
 *
 * Each workload is a TB that stands for a loop body of a 32-bit guest
 * (globals for registers, insn_start per "instruction"), chained to itself
 * with goto_tb exactly like the execution loop would chain it.  Prints
 * guest MIPS and TCG ops per second per backend, and the translation rate
 * for a large straight-line TB.  Never fails on speed.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "exec/tlb-common.h"

#define MEM_SIZE   0x10000
#define PAGE_BITS  12
#define TLB_SIZE   16

struct CPUArchState {
    uint32_t r[16];
    uint32_t pc;
    CPUTLBDescFast tlb_fast[1];
    CPUTLBEntry tlb[TLB_SIZE];
};
typedef struct CPUArchState CPUArchState;

static uint8_t mem[MEM_SIZE];
static TCGv_i32 cpu_r[16], cpu_pc;

/* Slow paths: only reached if the TLB misses, which it should not. */
static uint64_t slow_ld(uint64_t addr, MemOpIdx oi)
{
    return ldn_le_p(mem + (addr & (MEM_SIZE - 8)), memop_size(get_memop(oi)));
}

static void slow_st(uint64_t addr, uint64_t v, MemOpIdx oi)
{
    stn_le_p(mem + (addr & (MEM_SIZE - 8)), memop_size(get_memop(oi)), v);
}

uint64_t helper_ldub_mmu(CPUArchState *e, uint64_t a, MemOpIdx oi,
                         uintptr_t ra) { return slow_ld(a, oi); }
uint64_t helper_lduw_mmu(CPUArchState *e, uint64_t a, MemOpIdx oi,
                         uintptr_t ra) { return slow_ld(a, oi); }
uint64_t helper_ldul_mmu(CPUArchState *e, uint64_t a, MemOpIdx oi,
                         uintptr_t ra) { return slow_ld(a, oi); }
uint64_t helper_ldq_mmu(CPUArchState *e, uint64_t a, MemOpIdx oi,
                        uintptr_t ra) { return slow_ld(a, oi); }
void helper_stb_mmu(CPUArchState *e, uint64_t a, uint32_t v, MemOpIdx oi,
                    uintptr_t ra) { slow_st(a, v, oi); }
void helper_stw_mmu(CPUArchState *e, uint64_t a, uint32_t v, MemOpIdx oi,
                    uintptr_t ra) { slow_st(a, v, oi); }
void helper_stl_mmu(CPUArchState *e, uint64_t a, uint32_t v, MemOpIdx oi,
                    uintptr_t ra) { slow_st(a, v, oi); }
void helper_stq_mmu(CPUArchState *e, uint64_t a, uint64_t v, MemOpIdx oi,
                    uintptr_t ra) { slow_st(a, v, oi); }
const void *helper_lookup_tb_ptr(CPUArchState *env)
{
    return tcg_code_gen_epilogue;
}

static void env_init(CPUArchState *env)
{
    memset(env, 0, sizeof(*env));
    env->tlb_fast[0].mask = (TLB_SIZE - 1) << CPU_TLB_ENTRY_BITS;
    env->tlb_fast[0].table = env->tlb;
    for (int p = 0; p < TLB_SIZE; p++) {
        env->tlb[p].addr_read = env->tlb[p].addr_write =
            (uint64_t)p << PAGE_BITS;
        env->tlb[p].addend = (uintptr_t)mem;
    }
}

/* The loop tail every workload shares: count down r0, chain to itself. */
static void gen_loop_tail(uint32_t pc)
{
    TCGLabel *done = gen_new_label();

    tcg_gen_insn_start(pc);
    tcg_gen_subi_i32(cpu_r[0], cpu_r[0], 1);
    tcg_gen_brcondi_i32(TCG_COND_EQ, cpu_r[0], 0, done);
    tcg_gen_goto_tb(0);
    tcg_gen_movi_i32(cpu_pc, 0x100);
    tcg_gen_exit_tb(tcg_ctx->gen_tb, 0);
    tcg_gen_set_label(done);
    tcg_gen_movi_i32(cpu_pc, pc + 2);
    tcg_gen_exit_tb(NULL, 0);
}

/* 8 guest instructions of register arithmetic. */
static int gen_alu_loop(void)
{
    tcg_gen_insn_start(0x100);
    tcg_gen_add_i32(cpu_r[1], cpu_r[1], cpu_r[2]);
    tcg_gen_insn_start(0x102);
    tcg_gen_xor_i32(cpu_r[3], cpu_r[3], cpu_r[1]);
    tcg_gen_insn_start(0x104);
    tcg_gen_rotli_i32(cpu_r[4], cpu_r[4], 1);
    tcg_gen_insn_start(0x106);
    tcg_gen_sub_i32(cpu_r[5], cpu_r[5], cpu_r[3]);
    tcg_gen_insn_start(0x108);
    tcg_gen_andi_i32(cpu_r[6], cpu_r[5], 0xff0f);
    tcg_gen_insn_start(0x10a);
    tcg_gen_addi_i32(cpu_r[7], cpu_r[7], 3);
    tcg_gen_insn_start(0x10c);
    tcg_gen_or_i32(cpu_r[2], cpu_r[2], cpu_r[6]);
    gen_loop_tail(0x10e);
    return 8;
}

/* 8 guest instructions: two loads, two stores, address arithmetic. */
static int gen_mem_loop(void)
{
    TCGv_i32 t = tcg_temp_new_i32();

    tcg_gen_insn_start(0x100);
    tcg_gen_qemu_ld_i32(cpu_r[1], cpu_r[2], 0, MO_LEUL);
    tcg_gen_insn_start(0x102);
    tcg_gen_add_i32(cpu_r[3], cpu_r[3], cpu_r[1]);
    tcg_gen_insn_start(0x104);
    tcg_gen_addi_i32(t, cpu_r[2], 4);
    tcg_gen_qemu_st_i32(cpu_r[3], t, 0, MO_LEUL);
    tcg_gen_insn_start(0x106);
    tcg_gen_qemu_ld_i32(cpu_r[4], cpu_r[2], 0, MO_LEUW);
    tcg_gen_insn_start(0x108);
    tcg_gen_qemu_st_i32(cpu_r[4], cpu_r[5], 0, MO_UB);
    tcg_gen_insn_start(0x10a);
    tcg_gen_addi_i32(cpu_r[2], cpu_r[2], 8);
    tcg_gen_insn_start(0x10c);
    tcg_gen_andi_i32(cpu_r[2], cpu_r[2], 0x3ff8);
    gen_loop_tail(0x10e);
    return 8;
}

/* A long straight-line TB: the translation-cost workload. */
static int gen_straight(void)
{
    for (int i = 0; i < 100; i++) {
        TCGv_i32 a = cpu_r[i % 16], b = cpu_r[(i * 7 + 3) % 16];

        tcg_gen_insn_start(0x100 + 2 * i);
        switch (i % 4) {
        case 0:
            tcg_gen_add_i32(a, a, b);
            break;
        case 1:
            tcg_gen_qemu_ld_i32(a, b, 0, MO_LEUW);
            break;
        case 2:
            tcg_gen_setcondi_i32(TCG_COND_LTU, a, b, 100);
            break;
        default:
            tcg_gen_shli_i32(a, b, 3);
            break;
        }
    }
    tcg_gen_movi_i32(cpu_pc, 0x200);
    tcg_gen_exit_tb(NULL, 0);
    return 100;
}

static double now(void)
{
    return g_get_monotonic_time() / 1e6;
}

static void bench_loop(TCGContext *s, const char *name, int (*gen)(void),
                       uint32_t iters)
{
    TranslationBlock *tb = tcg_tb_alloc(s);
    CPUArchState env;
    int insns, ops;
    double t0, t;

    tcg_func_start(s);
    s->gen_tb = tb;
    insns = gen() + 1;
    g_assert(tcg_gen_code(s, tb, 0x100) > 0);
    ops = tcg_op_count(s) - tb->icount;     /* executed ops, not markers */
    tb_set_jmp_target(tb, 0, (uintptr_t)tb->tc.ptr);

    env_init(&env);
    env.r[0] = iters;
    env.r[2] = 0x100;
    env.r[5] = 0x2000;
    t0 = now();
    tcg_qemu_tb_exec(&env, tb->tc.ptr);
    t = now() - t0;
    g_assert(env.r[0] == 0);
    printf("bench-tcg: %-12s %-10s %8.1f guest MIPS  %8.1f Mops/s"
           "  (%d insns, %d ops, %zu code bytes per iteration)\n",
           tcg_backend_name(s->backend_kind), name,
           (double)iters * insns / t / 1e6, (double)iters * ops / t / 1e6,
           insns, ops, tb->tc.size);
}

static void bench_translate(TCGContext *s, double seconds)
{
    unsigned n = 0;
    double t0 = now(), t;

    do {
        for (int i = 0; i < 100; i++) {
            TranslationBlock *tb = tcg_tb_alloc(s);

            if (!tb) {
                tcg_region_reset_all();
                tb = tcg_tb_alloc(s);
            }
            tcg_func_start(s);
            s->gen_tb = tb;
            gen_straight();
            if (tcg_gen_code(s, tb, 0x100) == -1) {
                tcg_region_reset_all();
            }
            n++;
        }
        t = now() - t0;
    } while (t < seconds);
    printf("bench-tcg: %-12s %-10s %8.0f TBs/s  %8.2f guest Minsns/s "
           "translated (100-insn TBs)\n",
           tcg_backend_name(s->backend_kind), "translate", n / t,
           n * 100.0 / t / 1e6);
}

int main(int argc, char **argv)
{
    static const TCGBackendKind kinds[] = {
        TCG_BACKEND_X86_64, TCG_BACKEND_INTERP,
    };
    uint32_t iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000000;

    for (unsigned k = 0; k < ARRAY_SIZE(kinds); k++) {
        TCGContext *s;

        if (!tcg_backend_available(kinds[k])) {
            continue;
        }
        s = tcg_context_create(kinds[k]);
        tcg_region_init(32 * MiB);
        s->tlb_fast_offset = offsetof(CPUArchState, tlb_fast);
        s->page_bits = PAGE_BITS;
        s->nb_mmu_modes = 1;
        for (int i = 0; i < 16; i++) {
            static char names[16][4];

            snprintf(names[i], sizeof(names[i]), "r%d", i);
            cpu_r[i] = tcg_global_mem_new_i32(tcg_env,
                                              offsetof(CPUArchState, r[i]),
                                              names[i]);
        }
        cpu_pc = tcg_global_mem_new_i32(tcg_env, offsetof(CPUArchState, pc),
                                        "pc");
        bench_loop(s, "alu-loop", gen_alu_loop,
                   kinds[k] == TCG_BACKEND_INTERP ? iters / 10 : iters);
        bench_loop(s, "mem-loop", gen_mem_loop,
                   kinds[k] == TCG_BACKEND_INTERP ? iters / 10 : iters);
        bench_translate(s, 0.5);
        tcg_context_destroy(s);
    }
    return 0;
}
