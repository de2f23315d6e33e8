/*
 * CR16C translator end to end: guest programs run on a real cr16c-cpu
 * with TCG, in a machine reduced to RAM plus an interrupt-acknowledge
 * register.
 *
 * The guest tests in tests/tcg/cr16/ are assembled with scripts/cr16-as
 * and run here with semihosting on, so each one reports its own status
 * (0, or the number of the failing check).  A few small programs built
 * in this file check what needs the harness: interrupts from the input
 * line with the vector read at 0xFFFE00, WAIT wake-up, NMI.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "target/cr16/cpu.h"
#include "exec/exec-all.h"
#include "system/memory.h"
#include "system/tcg.h"
#include "tcg/tcg.h"
#include "hw/qdev-core.h"
#include "hw/irq.h"

/* The GNU simulator's memory: 20 MiB of RAM at 0 (toolchain-abi.md 5.1). */
#define RAM_SIZE        (20 * MiB)
#define RUN_BUDGET      2000000

static MemoryRegion ram;
static MemoryRegion icu;
static CR16CPU *cpu;
static uint8_t icu_vector;
static unsigned icu_acks;

/*
 * Guest programs in tests/tcg/cr16 that need interrupts drive the lines
 * through registers next to IVCT (docs/devel/cr16-tests.rst).  On the
 * sim machine the same addresses are plain RAM, so a program reads the
 * ID register first and skips its interrupt checks when it reads 0.
 */
#define ICU_IVCT        0x0     /* r: vector; counts acknowledges */
#define ICU_LINE        0x2     /* w: bits 7:0 vector, bit 8 IRQ level */
#define ICU_NMI         0x4     /* w: bit 0 pulses NMI */
#define ICU_ID          0x6     /* r: ICU_ID_VALUE */
#define ICU_ON_HALT     0x8     /* w: like ICU_LINE/ICU_NMI, done at WAIT */
#define ICU_ACKS        0xa     /* r: number of acknowledge cycles */
#define ICU_ID_VALUE    0x4352
#define ICU_LINE_HIGH   0x100
#define ICU_HALT_NMI    0x200
static unsigned icu_on_halt;

static void set_line(int n, int level);

/* The ICU's IVCT: the byte the CPU reads in its acknowledge cycle. */
static uint64_t icu_read(void *opaque, hwaddr addr, unsigned size)
{
    switch (addr) {
    case ICU_IVCT:
        icu_acks++;
        return icu_vector;
    case ICU_ID:
        return ICU_ID_VALUE;
    case ICU_ACKS:
        return icu_acks & 0xffff;
    }
    return 0;
}

static void icu_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    switch (addr) {
    case ICU_LINE:
        icu_vector = val & 0xff;
        set_line(CR16_CPU_IRQ, !!(val & ICU_LINE_HIGH));
        break;
    case ICU_NMI:
        if (val & 1) {
            set_line(CR16_CPU_NMI, 1);
            set_line(CR16_CPU_NMI, 0);
        }
        break;
    case ICU_ON_HALT:
        icu_on_halt = val;
        break;
    }
}

/* The CPU halted in WAIT: do what the guest armed in ICU_ON_HALT. */
static bool icu_halted(void)
{
    unsigned v = icu_on_halt;

    if (!v) {
        return false;
    }
    icu_on_halt = 0;
    if (v & ICU_LINE_HIGH) {
        icu_vector = v & 0xff;
        set_line(CR16_CPU_IRQ, 1);
    }
    if (v & ICU_HALT_NMI) {
        set_line(CR16_CPU_NMI, 1);
        set_line(CR16_CPU_NMI, 0);
    }
    return true;
}

/* Lines low and nothing armed, before each program. */
static void icu_reset(void)
{
    set_line(CR16_CPU_IRQ, 0);
    set_line(CR16_CPU_NMI, 0);
    icu_on_halt = 0;
    icu_vector = 0;
    icu_acks = 0;
}

static const MemoryRegionOps icu_ops = {
    .read = icu_read,
    .write = icu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void harness_init(void)
{
    /* CR16_TEST_LOG=in_asm,int,cpu etc. traces the guest programs. */
    if (getenv("CR16_TEST_LOG")) {
        qemu_set_log(qemu_str_to_log_mask(getenv("CR16_TEST_LOG")),
                     &error_abort);
    }
    memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    memory_region_init_io(&icu, NULL, &icu_ops, NULL, "icu", 0x10);
    memory_region_add_subregion_overlap(get_system_memory(), 0xFFFE00, &icu,
                                        1);

    /* Also pulls cpu.c (and its type registration) out of libcr16. */
    g_assert_nonnull(cr16_cpu_class_by_name("cr16c"));
    cpu = CR16_CPU(object_new(TYPE_CR16C_CPU));
    object_property_set_bool(OBJECT(cpu), "semihosting", true, &error_abort);
    object_property_set_uint(OBJECT(cpu), "addr-limit", RAM_SIZE - 1,
                             &error_abort);
    qdev_realize(DEVICE(cpu), NULL, &error_abort);
}

static void load_image(const void *image, size_t len)
{
    /*
     * Every program starts on fresh zeroed RAM, as on the sim machine,
     * and with no translation left over from the previous one.
     */
    memset(memory_region_get_ram_ptr(&ram), 0, RAM_SIZE);
    tb_flush(CPU(cpu));
    g_assert_cmpint(cpu_memory_rw_debug(CPU(cpu), 0, (void *)image, len,
                                        true), ==, 0);
    cpu_reset(CPU(cpu));
    CPU(cpu)->halted = 0;
}

/* Run until the guest exits through semihosting or halts; return status. */
static int run_until_exit(void)
{
    CPUState *cs = CPU(cpu);

    for (int i = 0; i < 50 && !cpu->env.exited; i++) {
        int ret = tcg_cpu_exec_slice(cs, RUN_BUDGET, NULL);

        if ((ret == EXCP_HLT || ret == EXCP_HALTED) && !icu_halted()) {
            break;
        }
    }
    g_assert_true(cpu->env.exited);
    return cr16_semihosting_exit_status();
}

/* Switch the TCG backend (x86-64 code or the interpreter) if needed. */
static void use_backend(int kind)
{
    static int current = -1;

    if (current == kind) {
        return;
    }
    tcg_exec_cleanup();
    tcg_exec_init_backend(kind, 0);
    current = kind;
}

/* Run scripts/cr16-as on @src (with @incdir for .include); raw image. */
static gchar *assemble_file(const char *src, const char *incdir, gsize *len)
{
    g_autofree char *as = g_build_filename(CONFIG_SOURCE_DIR, "scripts",
                                           "cr16-as", NULL);
    g_autofree char *tmp = g_dir_make_tmp("cr16-tcg-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(tmp, "prog.bin", NULL);
    g_autofree char *err = NULL;
    const char *argv[] = {
        "python3", as, "-I", incdir, "-O", "binary", "-o", out, src, NULL,
    };
    gchar *image = NULL;
    int status = -1;

    g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, &err, &status, NULL));
    if (!g_spawn_check_wait_status(status, NULL)) {
        g_test_message("cr16-as failed: %s", err);
        g_assert_not_reached();
    }
    g_assert_true(g_file_get_contents(out, &image, len, NULL));
    unlink(out);
    rmdir(tmp);
    return image;
}

static char *guest_test_dir(void)
{
    return g_build_filename(CONFIG_SOURCE_DIR, "tests", "tcg", "cr16", NULL);
}

/* Assemble the program text @text and load it at address 0. */
static void load_source(const char *text)
{
    g_autofree char *dir = guest_test_dir();
    g_autofree char *tmp = g_dir_make_tmp("cr16-src-XXXXXX", NULL);
    g_autofree char *src = g_build_filename(tmp, "prog.S", NULL);
    g_autofree gchar *image = NULL;
    gsize len;

    use_backend(TCG_BACKEND_DEFAULT);
    g_assert_true(g_file_set_contents(src, text, -1, NULL));
    image = assemble_file(src, dir, &len);
    unlink(src);
    rmdir(tmp);
    load_image(image, len);
}

typedef struct GuestTest {
    const char *name;
    int backend;
} GuestTest;

static void run_guest_test(gconstpointer data)
{
    const GuestTest *t = data;
    const char *name = t->name;
    g_autofree char *dir = guest_test_dir();
    g_autofree char *src = g_strdup_printf("%s/%s.S", dir, name);
    g_autofree gchar *image = NULL;
    gsize len;
    int status;

    use_backend(t->backend);
    image = assemble_file(src, dir, &len);
    icu_reset();
    load_image(image, len);
    status = run_until_exit();
    if (status != 0) {
        g_test_message("%s.S: check %d failed; registers at exit:", name,
                       status);
        cpu_dump_state(CPU(cpu), stderr, 0);
    }
    g_assert_cmpint(status, ==, 0);
}

/* ---- interrupts ---------------------------------------------------------- */

static void set_line(int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), n), level);
}

/*
 * Common start: stacks, a 16-bit dispatch table at 0x800 whose entries
 * 1 (NMI) and 0x20 point at "handler".  The handler compares the saved
 * return address (>> 1) with (r5,r4) and exits with status 7 when they
 * match, 8 when they do not.
 */
#define IRQ_PROLOGUE \
    "    .include \"cr16-test.inc\"\n" \
    "    .text\n" \
    "_start:\n" \
    "    movd $0x10000, (sp)\n" \
    "    movd $0x7000, (r1,r0)\n" \
    "    lprd (r1,r0), isp\n" \
    "    movd $0x800, (r1,r0)\n" \
    "    lprd (r1,r0), intbase\n"
#define IRQ_EPILOGUE \
    "handler:\n" \
    "    sprd isp, (r1,r0)\n" \
    "    loadd 0(r1,r0), (r3,r2)\n" \
    "    movw $8, r6\n" \
    "    cmpd (r5,r4), (r3,r2)\n" \
    "    bne 1f\n" \
    "    movw $7, r6\n" \
    "1:  movw r6, r2\n" \
    "    movw $SYS_EXIT, r0\n" \
    "    excp bpt\n" \
    "    .org 0x800 + 2\n" \
    "    .word handler@c\n" \
    "    .org 0x800 + 2 * 0x20\n" \
    "    .word handler@c\n"

static void test_irq_wakes_eiwait(void)
{
    CPUState *cs = CPU(cpu);
    int ret;

    load_source(IRQ_PROLOGUE
                "    movd $after@c, (r5,r4)\n"
                "    movw $0x0800, r0\n"        /* PSR.I */
                "    lpr r0, psr\n"
                "    di\n"
                "    eiwait\n"
                "after:\n"
                "    movw $1, r2\n"
                "    movw $SYS_EXIT, r0\n"
                "    excp bpt\n"
                IRQ_EPILOGUE);
    icu_vector = 0x20;
    icu_acks = 0;

    /* Run into EIWAIT: the CPU halts with nothing pending, E now set. */
    ret = tcg_cpu_exec_slice(cs, RUN_BUDGET, NULL);
    g_assert_cmpint(ret, ==, EXCP_HLT);
    g_assert_true(cs->halted);
    g_assert_false(cpu->env.exited);
    g_assert_true(cpu->env.psr & CR16_PSR_E);

    /* The ICU raises the line: the CPU wakes and takes vector 0x20. */
    set_line(CR16_CPU_IRQ, 1);
    g_assert_cmpint(run_until_exit(), ==, 7);
    set_line(CR16_CPU_IRQ, 0);
    g_assert_cmpuint(icu_acks, ==, 1);

    /* Status 7: the saved PC was the instruction after EIWAIT. */
    /* Entry cleared I; E is never touched. */
    g_assert_false(cpu->env.psr & CR16_PSR_I);
    g_assert_true(cpu->env.psr & CR16_PSR_E);
}

static void test_irq_masked_by_i(void)
{
    /* Reset leaves PSR.I clear: a raised line is not taken. */
    load_source(IRQ_PROLOGUE
                "    ei\n"
                "    nop\n"
                "    nop\n"
                "    movw $3, r2\n"
                "    movw $SYS_EXIT, r0\n"
                "    excp bpt\n"
                IRQ_EPILOGUE);
    icu_acks = 0;
    icu_vector = 0x20;
    set_line(CR16_CPU_IRQ, 1);
    g_assert_cmpint(run_until_exit(), ==, 3);
    set_line(CR16_CPU_IRQ, 0);
    g_assert_cmpuint(icu_acks, ==, 0);
}

static void test_nmi_ignores_masks(void)
{
    CPUState *cs = CPU(cpu);

    load_source(IRQ_PROLOGUE
                "    movd $spin@c, (r5,r4)\n"
                "    di\n"
                "spin:\n"
                "    br spin\n"
                IRQ_EPILOGUE);
    /* Spin a while with nothing pending. */
    tcg_cpu_exec_slice(cs, 10000, NULL);
    g_assert_false(cpu->env.exited);
    /* A rising edge on the NMI input: vector 1, whatever E and I say. */
    set_line(CR16_CPU_NMI, 1);
    g_assert_cmpint(run_until_exit(), ==, 7);
    set_line(CR16_CPU_NMI, 0);
}

/* ---- EXCP as a real trap (semihosting off) ------------------------------- */

static uint32_t read_guest32(uint32_t addr)
{
    uint8_t b[4] = { 0 };

    g_assert_cmpint(cpu_memory_rw_debug(CPU(cpu), addr, b, 4, false), ==, 0);
    return ldl_le_p(b);
}

static void test_excp_vectors(void)
{
    /*
     * Seven EXCPs in a row; each stub records its vector and the saved
     * PC (>> 1) at 0xa00 + 8 * n, then RETX resumes after the EXCP.  The
     * program ends halted in WAIT with interrupts off.
     */
    static const unsigned expect[7] = {
        CR16_VEC_SVC, CR16_VEC_DVZ, CR16_VEC_FLG, CR16_VEC_UND,
        CR16_VEC_UND, CR16_VEC_UND, CR16_VEC_BPT,
    };
    CPUState *cs = CPU(cpu);
    uint32_t first;

    load_source("    .text\n"
                "_start:\n"
                "    movd $0x10000, (sp)\n"
                "    movd $0x7000, (r1,r0)\n"
                "    lprd (r1,r0), isp\n"
                "    movd $vt, (r1,r0)\n"
                "    lprd (r1,r0), intbase\n"
                "    movw $0x100, r0\n"
                "    lpr r0, cfg\n"
                "    movd $e1@c, (r1,r0)\n"
                "    stord (r1,r0), 0x9f0\n"
                "    movd $0xa00, (r7,r6)\n"
                "e1: excp svc\n"
                "    excp dvz\n"
                "    excp flg\n"
                "    excp und\n"
                "    excp trc\n"           /* reserved for EXCP: UND */
                "    excp iad\n"           /* likewise */
                "    excp bpt\n"
                "    di\n"
                "    wait\n"
                "h5: movw $5, r8\n  br h\n"
                "h6: movw $6, r8\n  br h\n"
                "h7: movw $7, r8\n  br h\n"
                "h8: movw $8, r8\n  br h\n"
                "h10: movw $10, r8\n"
                "h:  sprd isp, (r1,r0)\n"
                "    loadd 0(r1,r0), (r3,r2)\n"
                "    stord (r3,r2), 0(r7,r6)\n"
                "    storw r8, 4(r7,r6)\n"
                "    addd $8, (r7,r6)\n"
                "    addd $1, (r3,r2)\n"       /* resume after the EXCP */
                "    stord (r3,r2), 0(r1,r0)\n"
                "    retx\n"
                "    .align 4\n"
                "vt: .long 0, 0, 0, 0, 0, h5@c, h6@c, h7@c\n"
                "    .long h8@c, 0, h10@c, 0, 0, 0, 0, 0\n");
    cpu->env.semihosting = false;
    g_assert_cmpint(tcg_cpu_exec_slice(cs, RUN_BUDGET, NULL), ==, EXCP_HLT);
    cpu->env.semihosting = true;

    first = read_guest32(0x9f0);
    for (int i = 0; i < 7; i++) {
        /* isa.md 7.1: the EXCP's own address is saved, UND included. */
        g_assert_cmphex(read_guest32(0xa00 + 8 * i), ==, first + i);
        g_assert_cmpuint(read_guest32(0xa04 + 8 * i) & 0xFFFF, ==,
                         expect[i]);
    }
    g_assert_cmphex(read_guest32(0xa00 + 8 * 7), ==, 0);
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

/* Every tests/tcg/cr16/NAME.S, sorted, as a NULL-terminated list. */
static char **list_guest_programs(void)
{
    g_autofree char *dir = guest_test_dir();
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new();
    const char *ent;

    g_assert_nonnull(d);
    while ((ent = g_dir_read_name(d))) {
        if (g_str_has_suffix(ent, ".S")) {
            g_ptr_array_add(names, g_strndup(ent, strlen(ent) - 2));
        }
    }
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, false);
}

int main(int argc, char **argv)
{
    g_auto(GStrv) programs = NULL;
    g_autofree GuestTest *tests = NULL;
    guint n;

    g_test_init(&argc, &argv, NULL);
    harness_init();

    programs = list_guest_programs();
    n = g_strv_length(programs);
    tests = g_new0(GuestTest, 2 * n);
    for (int b = 0; b < 2; b++) {
#ifndef HOST_X86_64
        if (b == 0) {
            continue;   /* the x86-64 backend needs an x86-64 host */
        }
#endif
        for (guint i = 0; i < n; i++) {
            g_autofree char *path = NULL;
            GuestTest *t = &tests[b * n + i];

            t->name = programs[i];
            t->backend = b ? TCG_BACKEND_INTERP : TCG_BACKEND_X86_64;
            path = g_strdup_printf("/cr16/tcg/%s/%s",
                                   b ? "interp" : "x86-64", programs[i]);
            g_test_add_data_func(path, t, run_guest_test);
        }
    }
    g_test_add_func("/cr16/tcg/excp/vectors", test_excp_vectors);
    g_test_add_func("/cr16/tcg/irq/wakes-eiwait", test_irq_wakes_eiwait);
    g_test_add_func("/cr16/tcg/irq/masked-by-psr-i", test_irq_masked_by_i);
    g_test_add_func("/cr16/tcg/irq/nmi-ignores-masks", test_nmi_ignores_masks);

    return g_test_run();
}
