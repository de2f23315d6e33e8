/*
 * Optimizer tests: each case builds a little op list, runs the optimizer
 * (alone, or all passes), and checks the resulting op dump; then runs the
 * same code on both backends to check the result did not change.
 */
#include "test-tcg-common.h"
#include "tcg/tcg-internal.h"

#define HELPER_H "test-tcg-helpers.h"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"
#include "exec/helper-info.c.inc"

/* Only the helpers these tests call do anything. */
uint32_t helper_t_add(uint32_t a, uint32_t b) { return a + b; }
uint64_t helper_t_mix5(uint64_t a, uint32_t b, int32_t c, uint64_t d,
                       void *p) { return 0; }
uint32_t helper_t_pure(uint32_t a) { return a; }
uint32_t helper_t_read_r3(CPUArchState *env) { return env->r[3]; }
void helper_t_write_r4(CPUArchState *env) { env->r[4] = 0x4444; }
uint32_t helper_t_peek_r5(CPUArchState *env) { return env->r[5]; }
void helper_t_count(void) { }
void helper_t_raise(CPUArchState *env, uint32_t code) { abort(); }
int64_t helper_t_mul64(int32_t a, int32_t b) { return (int64_t)a * b; }

/* Build @fn's ops, optimize, and return the dump (without insn_start). */
static char *optimized_dump(TestGenFn fn, bool all_passes)
{
    TCGContext *s = tctx[0];
    char *buf = NULL;
    size_t len = 0;
    FILE *f;

    tcg_set_current(s);
    tcg_func_start(s);
    s->gen_tb = NULL;
    fn(NULL);
    if (all_passes) {
        tcg_run_passes(s);
    } else {
        tcg_optimize(s);
    }
    f = open_memstream(&buf, &len);
    for (TCGOp *op = s->first_op; op; op = op->next) {
        op->life = 0;       /* keep "dead:" notes out of the comparison */
    }
    tcg_dump_ops(s, f, false);
    fclose(f);
    {
        char *copy = g_strdup(buf);

        free(buf);
        return copy;
    }
}

static void assert_dump(TestGenFn fn, bool all_passes, const char *expect)
{
    g_autofree char *got = optimized_dump(fn, all_passes);
    const char *body = strchr(got, '\n');

    /* Skip the insn_start line every case starts with. */
    g_assert_nonnull(body);
    g_assert_cmpstr(body + 1, ==, expect);
}

/* Run @fn on every backend with r1 = @a, r2 = @b; return r0 (must agree). */
static uint32_t run_all(TestGenFn fn, uint32_t a, uint32_t b)
{
    uint32_t result = 0;

    for (int k = 0; k < tctx_n; k++) {
        TranslationBlock *tb = tgen(tctx[k], fn, NULL);
        CPUArchState env;

        env_init(&env);
        env.r[1] = a;
        env.r[2] = b;
        trun(tctx[k], &env, tb);
        if (k) {
            g_assert_cmphex(env.r[0], ==, result);
        }
        result = env.r[0];
    }
    return result;
}

static void gen_fold_consts(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32();

    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(t, 6);
    tcg_gen_muli_i32(t, t, 7);
    tcg_gen_addi_i32(t, t, -2);
    tcg_gen_shli_i32(t, t, 4);
    tcg_gen_xori_i32(cpu_r[0], t, 0xff);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_fold_constants(void)
{
    assert_dump(gen_fold_consts, true,
                " st_i32 $0x27f,env,$0x0\n"
                " exit_tb $0x0\n");
    g_assert_cmphex(run_all(gen_fold_consts, 0, 0), ==, 0x27f);
}

/* Identities: each line below must become a mov or a constant. */
static void gen_identities(const void *o)
{
    tcg_gen_insn_start(0);
    tcg_gen_add_i32(cpu_r[3], cpu_r[1], tcg_constant_i32(0));
    tcg_gen_mul_i32(cpu_r[4], cpu_r[1], tcg_constant_i32(1));
    tcg_gen_and_i32(cpu_r[5], cpu_r[1], tcg_constant_i32(0));
    tcg_gen_or_i32(cpu_r[6], cpu_r[1], tcg_constant_i32(-1));
    tcg_gen_xor_i32(cpu_r[7], cpu_r[1], cpu_r[1]);
    tcg_gen_sub_i32(cpu_r[8], cpu_r[2], cpu_r[2]);
    tcg_gen_and_i32(cpu_r[9], cpu_r[2], cpu_r[2]);
    tcg_gen_andc_i32(cpu_r[10], cpu_r[2], cpu_r[2]);
    tcg_gen_shl_i32(cpu_r[11], cpu_r[2], tcg_constant_i32(0));
    tcg_gen_setcond_i32(TCG_COND_GEU, cpu_r[12], cpu_r[1], cpu_r[1]);
    tcg_gen_movcond_i32(TCG_COND_EQ, cpu_r[13], cpu_r[1], cpu_r[2],
                        cpu_r[2], cpu_r[2]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_identities(void)
{
    assert_dump(gen_identities, false,
                " mov_i32 r3,r1\n"
                " mov_i32 r4,r1\n"
                " mov_i32 r5,$0x0\n"
                " mov_i32 r6,$0xffffffff\n"
                " mov_i32 r7,$0x0\n"
                " mov_i32 r8,$0x0\n"
                " mov_i32 r9,r2\n"
                " mov_i32 r10,$0x0\n"
                " mov_i32 r11,r2\n"
                " mov_i32 r12,$0x1\n"
                " mov_i32 r13,r2\n"
                " exit_tb $0x0\n");
}

/* A copy is replaced by its source, and the dead copy disappears. */
static void gen_copy_prop(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32(), u = tcg_temp_new_i32();

    tcg_gen_insn_start(0);
    tcg_gen_mov_i32(t, cpu_r[1]);
    tcg_gen_mov_i32(u, t);
    tcg_gen_add_i32(cpu_r[0], u, cpu_r[2]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_copy_propagation(void)
{
    g_autofree char *d = optimized_dump(gen_copy_prop, true);

    /* Only the loads of r1/r2, the add and its store remain. */
    g_assert_null(strstr(d, "mov_i32"));
    g_assert_nonnull(strstr(d, "add_i32"));
    g_assert_cmphex(run_all(gen_copy_prop, 40, 2), ==, 42);
}

/* brcond on constants becomes br or nothing; dead code goes too. */
static void gen_const_branch(const void *o)
{
    TCGLabel *l1 = gen_new_label(), *l2 = gen_new_label();

    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(cpu_r[0], 1);
    tcg_gen_brcond_i32(TCG_COND_LT, tcg_constant_i32(-5),
                       tcg_constant_i32(3), l1);
    tcg_gen_movi_i32(cpu_r[0], 2);           /* unreachable */
    tcg_gen_set_label(l1);
    tcg_gen_brcondi_i32(TCG_COND_GTU, tcg_constant_i32(-5), 3, l2);
    tcg_gen_movi_i32(cpu_r[0], 3);           /* skipped */
    tcg_gen_set_label(l2);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_constant_branches(void)
{
    g_autofree char *d = optimized_dump(gen_const_branch, false);

    g_assert_null(strstr(d, "brcond"));
    g_assert_null(strstr(d, "$0x2"));
    g_assert_null(strstr(d, "$0x3\n"));
    g_assert_cmphex(run_all(gen_const_branch, 0, 0), ==, 1);
}

/* Known zero bits make an extension or mask redundant. */
static void gen_known_bits(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32();

    tcg_gen_insn_start(0);
    tcg_gen_ext8u_i32(t, cpu_r[1]);
    tcg_gen_ext16u_i32(t, t);
    tcg_gen_andi_i32(t, t, 0x1ff);
    tcg_gen_shri_i32(cpu_r[0], t, 1);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_known_bits(void)
{
    g_autofree char *d = optimized_dump(gen_known_bits, true);

    g_assert_nonnull(strstr(d, "ext8u_i32"));
    g_assert_null(strstr(d, "ext16u_i32"));
    g_assert_null(strstr(d, "and_i32"));
    g_assert_cmphex(run_all(gen_known_bits, 0x12345, 0), ==, 0x45 >> 1);
}

/* Facts do not survive a label that something branches to. */
static void gen_label_merge(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32();
    TCGLabel *l = gen_new_label();

    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(t, 5);
    tcg_gen_brcondi_i32(TCG_COND_EQ, cpu_r[1], 0, l);
    tcg_gen_movi_i32(t, 9);
    tcg_gen_set_label(l);
    tcg_gen_addi_i32(cpu_r[0], t, 1);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_label_stops_propagation(void)
{
    g_autofree char *d = optimized_dump(gen_label_merge, false);

    g_assert_nonnull(strstr(d, "add_i32 r0,loc"));
    g_assert_cmphex(run_all(gen_label_merge, 0, 0), ==, 6);
    g_assert_cmphex(run_all(gen_label_merge, 1, 0), ==, 10);
}

/* An unreferenced label merges the blocks, so folding continues. */
static void gen_unused_label(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32();
    TCGLabel *l = gen_new_label();

    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(t, 5);
    tcg_gen_set_label(l);
    tcg_gen_addi_i32(cpu_r[0], t, 1);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_unused_label_removed(void)
{
    assert_dump(gen_unused_label, false,
                " mov_i32 loc0,$0x5\n"
                " mov_i32 r0,$0x6\n"
                " exit_tb $0x0\n");
}

/* A helper that may write globals invalidates what we knew about them. */
static void gen_call_clobber(const void *o)
{
    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(cpu_r[4], 5);
    gen_helper_t_write_r4(tcg_env);
    tcg_gen_addi_i32(cpu_r[0], cpu_r[4], 1);
    tcg_gen_exit_tb(NULL, 0);
}

static void gen_call_nowg(const void *o)
{
    tcg_gen_insn_start(0);
    tcg_gen_movi_i32(cpu_r[3], 5);
    gen_helper_t_read_r3(cpu_r[1], tcg_env);
    tcg_gen_addi_i32(cpu_r[0], cpu_r[3], 1);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_calls_and_globals(void)
{
    g_autofree char *d1 = optimized_dump(gen_call_clobber, false);
    g_autofree char *d2 = optimized_dump(gen_call_nowg, false);

    g_assert_nonnull(strstr(d1, "add_i32 r0,r4,$0x1"));
    g_assert_cmphex(run_all(gen_call_clobber, 0, 0), ==, 0x4445);
    g_assert_nonnull(strstr(d2, "mov_i32 r0,$0x6"));
    g_assert_cmphex(run_all(gen_call_nowg, 0, 0), ==, 6);
}

/* Liveness deletes values nobody reads, and side-effect-free calls. */
static void gen_dead_code(const void *o)
{
    TCGv_i32 t = tcg_temp_new_i32();

    tcg_gen_insn_start(0);
    tcg_gen_mul_i32(t, cpu_r[1], cpu_r[2]);
    gen_helper_t_add(t, cpu_r[1], cpu_r[2]);
    tcg_gen_mov_i32(cpu_r[0], cpu_r[1]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_dead_code(void)
{
    g_autofree char *d = optimized_dump(gen_dead_code, true);

    g_assert_null(strstr(d, "mul_i32"));
    g_assert_null(strstr(d, "call"));
    g_assert_cmphex(run_all(gen_dead_code, 3, 4), ==, 3);
}

/* Both halves of a constant widening multiply fold. */
static void gen_mul2_const(const void *o)
{
    tcg_gen_insn_start(0);
    tcg_gen_muls2_i32(cpu_r[0], cpu_r[3], tcg_constant_i32(-3),
                      tcg_constant_i32(0x40000000));
    tcg_gen_exit_tb(NULL, 0);
}

static void test_mul2_folds(void)
{
    assert_dump(gen_mul2_const, false,
                " mov_i32 r0,$0x40000000\n"
                " mov_i32 r3,$0xffffffff\n"
                " exit_tb $0x0\n");
    g_assert_cmphex(run_all(gen_mul2_const, 0, 0), ==, 0x40000000);
}

/* A whole TB that is all constant still counts ops for -d op_opt. */
static void test_op_counts_shrink(void)
{
    TCGContext *s = tctx[0];
    int before;

    tcg_set_current(s);
    tcg_func_start(s);
    gen_fold_consts(NULL);
    before = tcg_op_count(s);
    tcg_run_passes(s);
    g_assert_cmpint(before, ==, 7);
    g_assert_cmpint(tcg_op_count(s), ==, 3);
}

/* -d op,op_opt write both dumps in QEMU's format. */
static void test_log_dumps(void)
{
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    int fd = g_file_open_tmp("tcg-log-XXXXXX", &path, NULL);

    g_assert_cmpint(fd, >=, 0);
    close(fd);
    g_assert_true(qemu_set_log_filename(path, &error_abort));
    g_assert_true(qemu_set_log(CPU_LOG_TB_OP | CPU_LOG_TB_OP_OPT |
                               CPU_LOG_TB_OUT_ASM, &error_abort));
    for (int k = 0; k < tctx_n; k++) {
        tgen(tctx[k], gen_fold_consts, NULL);
    }
    g_assert_true(qemu_set_log(0, &error_abort));
    qemu_log_close();
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    unlink(path);
    g_assert_nonnull(strstr(text, "OP:\n ---- 0000000000000000"));
    g_assert_nonnull(strstr(text, " mul_i32 loc0,loc0,$0x7\n"));
    g_assert_nonnull(strstr(text, "OP after optimization and liveness "
                                  "analysis:\n"));
    g_assert_nonnull(strstr(text, " st_i32 $0x27f,env,$0x0"));
    g_assert_nonnull(strstr(text, "OUT: [size="));
    if (tctx_n > 1) {
        /* capstone's rendering of the x86-64 code */
        g_assert_nonnull(strstr(text, "dword ptr [rbp]"));
    }
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tcg_test_setup();
    g_test_add_func("/tcg/optimize/fold-constants", test_fold_constants);
    g_test_add_func("/tcg/optimize/identities", test_identities);
    g_test_add_func("/tcg/optimize/copy-propagation", test_copy_propagation);
    g_test_add_func("/tcg/optimize/constant-branches",
                    test_constant_branches);
    g_test_add_func("/tcg/optimize/known-bits", test_known_bits);
    g_test_add_func("/tcg/optimize/label-stops-propagation",
                    test_label_stops_propagation);
    g_test_add_func("/tcg/optimize/unused-label-removed",
                    test_unused_label_removed);
    g_test_add_func("/tcg/optimize/calls-and-globals",
                    test_calls_and_globals);
    g_test_add_func("/tcg/optimize/dead-code", test_dead_code);
    g_test_add_func("/tcg/optimize/mul2-folds", test_mul2_folds);
    g_test_add_func("/tcg/optimize/op-counts-shrink", test_op_counts_shrink);
    g_test_add_func("/tcg/optimize/log-dumps", test_log_dumps);
    ret = g_test_run();
    tcg_test_teardown();
    return ret;
}
