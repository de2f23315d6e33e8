/*
 * Register allocator tests: more live values than host registers, values
 * live across helper calls and guest memory slow paths, TB temps across
 * labels, and the "too large" / "buffer full" exits of tcg_gen_code().
 * Everything runs on both backends and is checked against C.
 */
#include "test-tcg-common.h"

#define HELPER_H "test-tcg-helpers.h"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"
#include "exec/helper-info.c.inc"

static unsigned count_calls;

uint32_t helper_t_add(uint32_t a, uint32_t b) { return a + b; }
uint64_t helper_t_mix5(uint64_t a, uint32_t b, int32_t c, uint64_t d,
                       void *p)
{
    return a + b + (uint64_t)(int64_t)c + d + (uintptr_t)p;
}
uint32_t helper_t_pure(uint32_t a) { return a; }
uint32_t helper_t_read_r3(CPUArchState *env) { return env->r[3]; }
void helper_t_write_r4(CPUArchState *env) { env->r[4] = 0x4444; }
uint32_t helper_t_peek_r5(CPUArchState *env) { return env->r[5]; }
void helper_t_count(void) { count_calls++; }
void helper_t_raise(CPUArchState *env, uint32_t code) { abort(); }
int64_t helper_t_mul64(int32_t a, int32_t b) { return (int64_t)a * b; }

#define NLIVE 48

/* Value i of the pressure tests, computed the same way in C. */
static uint32_t ref_val(const uint32_t *r, int i)
{
    return r[i % 8] * (uint32_t)(i + 1) + (uint32_t)i * 0x01010101u;
}

static void gen_values(TCGv_i32 *t, int n)
{
    for (int i = 0; i < n; i++) {
        t[i] = tcg_temp_new_i32();
        tcg_gen_muli_i32(t[i], cpu_r[i % 8], i + 1);
        tcg_gen_addi_i32(t[i], t[i], i * 0x01010101);
    }
}

/* Consume in an order that keeps every value live until its last use. */
static void gen_fold_values(TCGv_i32 *t, int n, TCGv_i32 out)
{
    TCGv_i32 acc = tcg_temp_new_i32();

    tcg_gen_movi_i32(acc, 0);
    for (int i = n - 1; i >= 0; i--) {
        tcg_gen_rotli_i32(acc, acc, 3);
        tcg_gen_xor_i32(acc, acc, t[i]);
    }
    tcg_gen_mov_i32(out, acc);
}

static uint32_t ref_fold(const uint32_t *r, int n)
{
    uint32_t acc = 0;

    for (int i = n - 1; i >= 0; i--) {
        acc = rol32(acc, 3) ^ ref_val(r, i);
    }
    return acc;
}

static void set_inputs(CPUArchState *env)
{
    env_init(env);
    for (int i = 0; i < 8; i++) {
        env->r[i] = 0x9e3779b9u * (i + 1);
    }
}

static void gen_pressure(const void *o)
{
    TCGv_i32 t[NLIVE];

    tcg_gen_insn_start(0);
    gen_values(t, NLIVE);
    gen_fold_values(t, NLIVE, cpu_r[8]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_many_live_values(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_pressure, NULL);
        CPUArchState env;
        uint32_t in[8];

        set_inputs(&env);
        memcpy(in, env.r, sizeof(in));
        trun(tctx[k], &env, tb);
        g_assert_cmphex(env.r[8], ==, ref_fold(in, NLIVE));
    }
}

/* Live values on both sides of calls with every kind of argument. */
static void gen_across_calls(const void *o)
{
    TCGv_i32 t[24];
    TCGv_i64 q = tcg_temp_new_i64();

    tcg_gen_insn_start(0);
    gen_values(t, 24);
    gen_helper_t_add(cpu_r[9], t[0], t[23]);
    gen_helper_t_count();
    gen_helper_t_mix5(q, cpu_q[0], t[5], t[6], cpu_q[1], tcg_constant_ptr(3));
    tcg_gen_mov_i64(cpu_q[2], q);
    gen_helper_t_write_r4(tcg_env);
    gen_fold_values(t, 24, cpu_r[8]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_values_across_calls(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_across_calls, NULL);
        CPUArchState env;
        uint32_t in[8];

        set_inputs(&env);
        env.q[0] = 0x1000000000ull;
        env.q[1] = 0x20;
        memcpy(in, env.r, sizeof(in));
        count_calls = 0;
        trun(tctx[k], &env, tb);
        g_assert_cmphex(env.r[8], ==, ref_fold(in, 24));
        g_assert_cmphex(env.r[9], ==, ref_val(in, 0) + ref_val(in, 23));
        g_assert_cmphex(env.q[2], ==, 0x1000000000ull + ref_val(in, 5) +
                        (uint64_t)(int64_t)(int32_t)ref_val(in, 6) + 0x20 + 3);
        g_assert_cmphex(env.r[4], ==, 0x4444);
        g_assert_cmpuint(count_calls, ==, 1);
    }
}

/* The slow path of a guest load must preserve every live register. */
static void gen_across_slow_path(const void *o)
{
    TCGv_i32 t[20];
    TCGv_i32 v = tcg_temp_new_i32();

    tcg_gen_insn_start(0);
    gen_values(t, 20);
    tcg_gen_qemu_ld_i32(v, cpu_r[10], 0, MO_LEUL);
    tcg_gen_qemu_st_i32(t[3], cpu_r[11], 0, MO_LEUL);
    tcg_gen_add_i32(cpu_r[9], v, t[19]);
    gen_fold_values(t, 20, cpu_r[8]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_values_across_slow_path(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_across_slow_path, NULL);
        static const uint32_t addrs[] = { 0x100, TMMIO_PAGE + 4 };

        for (size_t i = 0; i < ARRAY_SIZE(addrs); i++) {
            CPUArchState env;
            uint32_t in[8];

            set_inputs(&env);
            env.r[10] = addrs[i];
            env.r[11] = addrs[i] + 8;
            memcpy(in, env.r, sizeof(in));
            stl_le_p(tmem + addrs[i], 0x1234567);
            trun(tctx[k], &env, tb);
            g_assert_cmphex(env.r[8], ==, ref_fold(in, 20));
            g_assert_cmphex(env.r[9], ==, 0x1234567 + ref_val(in, 19));
            g_assert_cmphex(ldl_le_p(tmem + addrs[i] + 8), ==,
                            ref_val(in, 3));
            g_assert_cmpuint(env.slow_loads, ==, i);
        }
    }
}

/* TB temps that survive a loop's labels while registers are scarce. */
static void gen_loop_pressure(const void *o)
{
    TCGv_i32 t[20];
    TCGv_i32 i = tcg_temp_new_i32();
    TCGLabel *top = gen_new_label();

    tcg_gen_insn_start(0);
    gen_values(t, 20);
    tcg_gen_movi_i32(i, 5);
    tcg_gen_set_label(top);
    for (int j = 0; j < 20; j++) {
        tcg_gen_addi_i32(t[j], t[j], j);
    }
    tcg_gen_subi_i32(i, i, 1);
    tcg_gen_brcondi_i32(TCG_COND_NE, i, 0, top);
    gen_fold_values(t, 20, cpu_r[8]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_tb_temps_across_labels(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_loop_pressure, NULL);
        CPUArchState env;
        uint32_t in[8], acc = 0;

        set_inputs(&env);
        memcpy(in, env.r, sizeof(in));
        trun(tctx[k], &env, tb);
        for (int j = 19; j >= 0; j--) {
            acc = rol32(acc, 3) ^ (ref_val(in, j) + 5 * j);
        }
        g_assert_cmphex(env.r[8], ==, acc);
    }
}

/* Shifts and widening multiplies whose operands compete for registers. */
static void gen_constrained(const void *o)
{
    TCGv_i32 t[16];

    tcg_gen_insn_start(0);
    gen_values(t, 16);
    for (int j = 0; j < 16; j++) {
        tcg_gen_shl_i32(t[j], t[j], t[(j + 1) % 16]);
        tcg_gen_mulu2_i32(t[j], t[(j + 5) % 16], t[j], t[(j + 3) % 16]);
    }
    gen_fold_values(t, 16, cpu_r[8]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_constrained_ops(void)
{
    uint32_t expect = 0;

    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], gen_constrained, NULL);
        CPUArchState env;
        uint32_t in[8], v[16];

        set_inputs(&env);
        memcpy(in, env.r, sizeof(in));
        for (int j = 0; j < 16; j++) {
            v[j] = ref_val(in, j);
        }
        for (int j = 0; j < 16; j++) {
            uint64_t p;

            v[j] <<= v[(j + 1) % 16] & 31;
            p = (uint64_t)v[j] * v[(j + 3) % 16];
            v[j] = p;
            v[(j + 5) % 16] = p >> 32;
        }
        expect = 0;
        for (int j = 15; j >= 0; j--) {
            expect = rol32(expect, 3) ^ v[j];
        }
        trun(tctx[k], &env, tb);
        g_assert_cmphex(env.r[8], ==, expect);
    }
}

/* Too many temps for one TB: -2, and a smaller TB still works. */
static void test_too_large_tb(void)
{
    for (int k = 0; k < tctx_n; k++) {
        TCGContext *s = tctx[k];
        TranslationBlock *tb;

        tcg_set_current(s);
        tcg_func_start(s);
        tb = tcg_tb_alloc(s);
        s->gen_tb = tb;
        tcg_gen_insn_start(0);
        for (int i = 0; i < TCG_MAX_TEMPS; i++) {
            TCGv_i32 t = tcg_temp_new_i32();

            tcg_gen_addi_i32(t, cpu_r[0], i);
            tcg_gen_add_i32(cpu_r[1], cpu_r[1], t);
        }
        tcg_gen_exit_tb(NULL, 0);
        g_assert_cmpint(tcg_gen_code(s, tb, 0), ==, -2);

        tb = tgen(s, gen_pressure, NULL);
        g_assert_nonnull(tb);
    }
}

/* Fill a small buffer: -1 asks for a flush; after it, generation works. */
static void test_buffer_full(void)
{
    static const TCGBackendKind kinds[] = {
        TCG_BACKEND_INTERP, TCG_BACKEND_X86_64,
    };

    for (unsigned k = 0; k < ARRAY_SIZE(kinds); k++) {
        TCGContext *s;
        int n = 0, ret;

        if (!tcg_backend_available(kinds[k])) {
            continue;
        }
        s = tcg_context_create(kinds[k]);
        /* Exercise the mprotect-toggling fallback with real host code. */
        s->no_split_wx = kinds[k] == TCG_BACKEND_X86_64;
        tcg_region_init(256 * KiB);
        for (int i = 0; i < TNB_REGS; i++) {
            tcg_global_mem_new_i32(tcg_env, offsetof(CPUArchState, r[i]),
                                   reg_names[i]);
        }
        do {
            TranslationBlock *tb = tcg_tb_alloc(s);

            if (!tb) {
                ret = -1;
                break;
            }
            tcg_func_start(s);
            gen_pressure(NULL);
            ret = tcg_gen_code(s, tb, 0);
            n += ret > 0;
        } while (ret > 0);
        g_assert_cmpint(ret, ==, -1);
        g_assert_cmpint(n, >, 10);
        g_assert_cmpuint(tcg_tb_count(), ==, n);

        tcg_region_reset_all();
        g_assert_cmpuint(tcg_code_size(), ==, 0);
        {
            TranslationBlock *tb = tcg_tb_alloc(s);
            CPUArchState env;
            uint32_t in[8];

            tcg_func_start(s);
            gen_pressure(NULL);
            g_assert_cmpint(tcg_gen_code(s, tb, 0), >, 0);
            set_inputs(&env);
            memcpy(in, env.r, sizeof(in));
            g_assert_cmpuint(tcg_qemu_tb_exec(&env, tb->tc.ptr), ==, 0);
            g_assert_cmphex(env.r[8], ==, ref_fold(in, NLIVE));
        }
        tcg_context_destroy(s);
    }
    /* Leave a valid current context for the tests that follow. */
    tcg_set_current(tctx[0]);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tcg_test_setup();
    g_test_add_func("/tcg/regalloc/many-live-values", test_many_live_values);
    g_test_add_func("/tcg/regalloc/values-across-calls",
                    test_values_across_calls);
    g_test_add_func("/tcg/regalloc/values-across-slow-path",
                    test_values_across_slow_path);
    g_test_add_func("/tcg/regalloc/tb-temps-across-labels",
                    test_tb_temps_across_labels);
    g_test_add_func("/tcg/regalloc/constrained-ops", test_constrained_ops);
    g_test_add_func("/tcg/regalloc/too-large-tb", test_too_large_tb);
    g_test_add_func("/tcg/regalloc/buffer-full-then-flush",
                    test_buffer_full);
    ret = g_test_run();
    tcg_test_teardown();
    return ret;
}
