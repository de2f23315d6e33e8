/*
 * bench-cr16: guest MIPS of the CR16 workloads in tests/bench/cr16 on a
 * real cr16c-cpu, with the x86-64 TCG backend and with the interpreter,
 * and the translation rate (TBs per second) on a large straight-line
 * program.
 *
 * The machine is the one test-cr16-tcg uses: 20 MiB of RAM at 0 and the
 * GNU simulator's system calls, so a workload ends with its exit call.
 * Each workload reads its iteration count from ITERS (bench.inc); a
 * short calibration run picks a count that takes about BENCH_SECONDS.
 * The instruction count is the one the execution loop reports, so MIPS
 * are executed guest instructions per second of host time.
 *
 * Prints numbers; never fails on speed.  It does fail (exit 1) when a
 * workload reports a wrong result, since that is a bug.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/bswap.h"
#include "target/cr16/cpu.h"
#include "exec/exec-all.h"
#include "system/memory.h"
#include "system/tcg.h"
#include "tcg/tcg.h"
#include "hw/qdev-core.h"

#define RAM_SIZE        (20 * MiB)
#define ITERS_ADDR      0xf000      /* tests/bench/cr16/bench.inc */
#define SLICE           (64 * 1000 * 1000)
/* Host time each measurement aims at. */
#define BENCH_SECONDS   0.5
/* The straight-line program: this many 16-bit instructions. */
#define STRAIGHT_INSNS  32768

static MemoryRegion ram;
static CR16CPU *cpu;

static const char *const workloads[] = {
    "alu-loop", "crc32", "bubble-sort", "memcpy", "sieve",
};

static double now(void)
{
    return g_get_monotonic_time() / 1e6;
}

static void machine_init(void)
{
    memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    g_assert_nonnull(cr16_cpu_class_by_name("cr16c"));
    cpu = CR16_CPU(object_new(TYPE_CR16C_CPU));
    object_property_set_bool(OBJECT(cpu), "semihosting", true, &error_abort);
    object_property_set_uint(OBJECT(cpu), "addr-limit", RAM_SIZE - 1,
                             &error_abort);
    qdev_realize(DEVICE(cpu), NULL, &error_abort);
}

static void use_backend(TCGBackendKind kind)
{
    tcg_exec_cleanup();
    tcg_exec_init_backend(kind, 0);
}

/* Assemble tests/bench/cr16/NAME.S into a raw image at 0. */
static gchar *assemble(const char *name, gsize *len)
{
    g_autofree char *dir = g_build_filename(CONFIG_SOURCE_DIR, "tests",
                                            "bench", "cr16", NULL);
    g_autofree char *src = g_strdup_printf("%s/%s.S", dir, name);
    g_autofree char *as = g_build_filename(CONFIG_SOURCE_DIR, "scripts",
                                           "cr16-as", NULL);
    g_autofree char *tmp = g_dir_make_tmp("bench-cr16-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(tmp, "prog.bin", NULL);
    g_autofree char *err = NULL;
    const char *argv[] = {
        "python3", as, "-I", dir, "-O", "binary", "-o", out, src, NULL,
    };
    gchar *image = NULL;
    int status = -1;

    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                      NULL, NULL, &err, &status, NULL) ||
        !g_spawn_check_wait_status(status, NULL) ||
        !g_file_get_contents(out, &image, len, NULL)) {
        fprintf(stderr, "bench-cr16: cannot assemble %s: %s\n", src,
                err ? err : "");
        exit(1);
    }
    unlink(out);
    rmdir(tmp);
    return image;
}

/*
 * Load @image at 0 on fresh RAM, with @iters at ITERS_ADDR unless it is 0
 * (the straight-line program has code there); reset.
 */
static void load(const void *image, size_t len, uint32_t iters)
{
    uint8_t word[4];

    memset(memory_region_get_ram_ptr(&ram), 0, RAM_SIZE);
    tb_flush(CPU(cpu));
    cpu_memory_rw_debug(CPU(cpu), 0, (void *)image, len, true);
    if (iters) {
        stl_le_p(word, iters);
        cpu_memory_rw_debug(CPU(cpu), ITERS_ADDR, word, 4, true);
    }
    cpu_reset(CPU(cpu));
    CPU(cpu)->halted = 0;
}

/* Run to the exit call; the guest's status, *insns executed, *secs. */
static int run(uint64_t *insns, double *secs)
{
    CPUState *cs = CPU(cpu);
    double t0 = now();

    *insns = 0;
    while (!cpu->env.exited) {
        int64_t n = 0;
        int ret = tcg_cpu_exec_slice(cs, SLICE, &n);

        *insns += n;
        if ((ret == EXCP_HLT || ret == EXCP_HALTED) && !cpu->env.exited) {
            fprintf(stderr, "bench-cr16: the guest halted at 0x%06x\n",
                    cpu->env.pc);
            exit(1);
        }
    }
    *secs = now() - t0;
    return cr16_semihosting_exit_status();
}

static void bench_workload(const char *backend, const char *name,
                           const void *image, size_t len)
{
    uint64_t insns;
    double secs;
    uint32_t iters = 1;

    /* Calibrate: grow the count until a run takes a tenth of the goal. */
    for (;;) {
        load(image, len, iters);
        if (run(&insns, &secs) != 0) {
            fprintf(stderr, "bench-cr16: %s: wrong result\n", name);
            exit(1);
        }
        if (secs >= BENCH_SECONDS / 10 || iters >= (1u << 30)) {
            break;
        }
        iters *= secs > 0.001 ? MIN(16, MAX(2, BENCH_SECONDS / 10 / secs))
                              : 16;
    }
    iters = MAX(1, iters * (BENCH_SECONDS / MAX(secs, 1e-6)));
    load(image, len, iters);
    if (run(&insns, &secs) != 0) {
        fprintf(stderr, "bench-cr16: %s: wrong result\n", name);
        exit(1);
    }
    printf("bench-cr16: %-12s %-12s %8.1f guest MIPS  (%" PRIu64
           " insns in %.2f s)\n", backend, name, insns / secs / 1e6, insns,
           secs);
}

/*
 * A straight-line program of STRAIGHT_INSNS 16-bit ALU instructions and
 * the exit call; run repeatedly with every translation thrown away, it
 * measures the translator (the run itself is a small part).
 */
static uint8_t *straight_program(size_t *len)
{
    /* addw $1, r1; xorw r1, r2; adduw $1, r3; orw r2, r4; movw r4, r5 */
    static const uint16_t body[] = { 0x3211, 0x2b12, 0x2e13, 0x2724, 0x5b45 };
    /* movw $0, r2; movw $0x410, r0; excp bpt */
    static const uint16_t tail[] = { 0x5a02, 0x5ab0, 0x0410, 0x00c8 };
    size_t n = STRAIGHT_INSNS + ARRAY_SIZE(tail);
    uint8_t *p = g_malloc(2 * n);

    for (size_t i = 0; i < STRAIGHT_INSNS; i++) {
        stw_le_p(p + 2 * i, body[i % ARRAY_SIZE(body)]);
    }
    for (size_t i = 0; i < ARRAY_SIZE(tail); i++) {
        stw_le_p(p + 2 * (STRAIGHT_INSNS + i), tail[i]);
    }
    *len = 2 * n;
    return p;
}

static void bench_translate(const char *backend)
{
    g_autofree uint8_t *image = NULL;
    size_t len;
    uint64_t insns, tbs = 0, runs = 0;
    double secs, total = 0;

    image = straight_program(&len);
    do {
        load(image, len, 0);
        if (run(&insns, &secs) != 0) {
            fprintf(stderr, "bench-cr16: straight-line program failed\n");
            exit(1);
        }
        tbs += tcg_tb_count();
        total += secs;
        runs++;
    } while (total < BENCH_SECONDS);
    printf("bench-cr16: %-12s %-12s %8.0f TBs/s  %8.2f guest Minsns/s "
           "translated  (%" PRIu64 " TBs of %.0f insns on average)\n",
           backend, "translate", tbs / total,
           runs * (double)insns / total / 1e6, tbs,
           (double)runs * insns / tbs);
}

int main(int argc, char **argv)
{
    static const struct {
        TCGBackendKind kind;
        const char *name;
    } backends[] = {
        { TCG_BACKEND_X86_64, "x86-64" },
        { TCG_BACKEND_INTERP, "interpreter" },
    };
    gchar *images[ARRAY_SIZE(workloads)];
    gsize lens[ARRAY_SIZE(workloads)];

    machine_init();
    for (size_t w = 0; w < ARRAY_SIZE(workloads); w++) {
        images[w] = assemble(workloads[w], &lens[w]);
    }
    for (size_t b = 0; b < ARRAY_SIZE(backends); b++) {
        if (!tcg_backend_available(backends[b].kind)) {
            printf("bench-cr16: %-12s not available on this host\n",
                   backends[b].name);
            continue;
        }
        use_backend(backends[b].kind);
        for (size_t w = 0; w < ARRAY_SIZE(workloads); w++) {
            bench_workload(backends[b].name, workloads[w], images[w],
                           lens[w]);
        }
        bench_translate(backends[b].name);
    }
    for (size_t w = 0; w < ARRAY_SIZE(workloads); w++) {
        g_free(images[w]);
    }
    return 0;
}
