/*
 * cr16-icu on the virt board: level and edge inputs, masking, the vector
 * priority rule and the external NMI.  The inputs are driven with
 * set_irq_in and the two outputs (0: the CPU's IRQ, 1: its NMI) are
 * watched with irq_intercept_out.  Register map:
 * include/hw/intc/cr16-icu.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/intc/cr16-icu.h"

#define OUT_IRQ 0
#define OUT_NMI 1

typedef struct IcuTest {
    QTestState *qts;
    uint64_t base;
    char *path;
} IcuTest;

static bool icu_setup(IcuTest *t)
{
    t->qts = cr16_virt_init(NULL);
    if (!t->qts) {
        return false;
    }
    t->path = cr16_find_object(t->qts, "/machine", TYPE_CR16_ICU);
    g_assert_nonnull(t->path);
    t->base = cr16_region_base(t->qts, "cr16-icu");
    qtest_irq_intercept_out_named(t->qts, t->path, "sysbus-irq");
    /* Level mode everywhere unless a test says otherwise. */
    qtest_writew(t->qts, t->base + CR16_ICU_IEDGE0, 0);
    qtest_writew(t->qts, t->base + CR16_ICU_IEDGE1, 0);
    return true;
}

static void icu_teardown(IcuTest *t)
{
    qtest_quit(t->qts);
    g_free(t->path);
}

static uint16_t rd(IcuTest *t, unsigned reg)
{
    return qtest_readw(t->qts, t->base + reg);
}

static void wr(IcuTest *t, unsigned reg, uint16_t val)
{
    qtest_writew(t->qts, t->base + reg, val);
}

static void set_input(IcuTest *t, int n, int level)
{
    qtest_set_irq_in(t->qts, t->path, NULL, n, level);
}

/* After reset nothing is enabled, pending or requested. */
static void test_reset_state(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    g_assert_cmphex(rd(&t, CR16_ICU_IENAM0), ==, 0);
    g_assert_cmphex(rd(&t, CR16_ICU_IENAM1), ==, 0);
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, OUT_IRQ));
    g_assert_false(qtest_get_irq(t.qts, OUT_NMI));
    icu_teardown(&t);
}

/* A level input is pending exactly while its line is high. */
static void test_level(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    wr(&t, CR16_ICU_IENAM0, 1 << 3);
    set_input(&t, 3, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 1 << 3);
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==,
                    CR16_ICU_VECTOR_BASE + 3);
    g_assert_true(qtest_get_irq(t.qts, OUT_IRQ));
    /* Reading IVCT acknowledged nothing. */
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 1 << 3);
    set_input(&t, 3, 0);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, OUT_IRQ));
    icu_teardown(&t);
}

/* A masked input shows in ISTAT but neither interrupts nor vectors. */
static void test_mask(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    set_input(&t, 17, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT1), ==, 1 << 1);
    g_assert_false(qtest_get_irq(t.qts, OUT_IRQ));
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==, 0);
    /* Unmasking a pending input interrupts at once. */
    wr(&t, CR16_ICU_IENAM1, 1 << 1);
    g_assert_true(qtest_get_irq(t.qts, OUT_IRQ));
    wr(&t, CR16_ICU_IENAM1, 0);
    g_assert_false(qtest_get_irq(t.qts, OUT_IRQ));
    icu_teardown(&t);
}

/* The highest-numbered pending enabled input gives the vector. */
static void test_priority(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    wr(&t, CR16_ICU_IENAM0, 0xffff);
    wr(&t, CR16_ICU_IENAM1, 0xffff);
    set_input(&t, 2, 1);
    set_input(&t, 20, 1);
    set_input(&t, 9, 1);
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==,
                    CR16_ICU_VECTOR_BASE + 20);
    set_input(&t, 20, 0);
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==,
                    CR16_ICU_VECTOR_BASE + 9);
    /* Masking the winner hands the vector to the next one. */
    wr(&t, CR16_ICU_IENAM0, 0xffff & ~(1 << 9));
    g_assert_cmphex(qtest_readb(t.qts, t.base + CR16_ICU_IVCT), ==,
                    CR16_ICU_VECTOR_BASE + 2);
    icu_teardown(&t);
}

/* An edge input latches a rising edge until IECLR. */
static void test_edge(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    wr(&t, CR16_ICU_IEDGE0, 1 << 5);
    wr(&t, CR16_ICU_IENAM0, 1 << 5);
    set_input(&t, 5, 1);
    set_input(&t, 5, 0);
    /* The line is low again, but the edge is remembered. */
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 1 << 5);
    g_assert_true(qtest_get_irq(t.qts, OUT_IRQ));
    /* IECLR is write-one-to-clear: other bits are left alone. */
    wr(&t, CR16_ICU_IECLR0, 1 << 4);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 1 << 5);
    wr(&t, CR16_ICU_IECLR0, 1 << 5);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, OUT_IRQ));
    /* A line that stays high makes no new edge. */
    set_input(&t, 5, 1);
    wr(&t, CR16_ICU_IECLR0, 1 << 5);
    set_input(&t, 5, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_ISTAT0), ==, 0);
    icu_teardown(&t);
}

/* EXNMI.EN lets one rising edge of the pin through, then closes. */
static void test_nmi(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    /* Disabled: the pin shows, nothing is latched. */
    qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_EXNMI), ==, CR16_ICU_EXNMI_PIN);
    g_assert_cmphex(rd(&t, CR16_ICU_NMISTAT), ==, 0);
    qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 0);

    wr(&t, CR16_ICU_EXNMI, CR16_ICU_EXNMI_EN);
    qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_NMISTAT), ==, CR16_ICU_NMISTAT_EXT);
    /* NMISTAT clears when read; EN was used up. */
    g_assert_cmphex(rd(&t, CR16_ICU_NMISTAT), ==, 0);
    g_assert_cmphex(rd(&t, CR16_ICU_EXNMI) & CR16_ICU_EXNMI_EN, ==, 0);
    /* The NMI output is a pulse: low again once it is over. */
    g_assert_false(qtest_get_irq(t.qts, OUT_NMI));
    qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 0);
    qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 1);
    g_assert_cmphex(rd(&t, CR16_ICU_NMISTAT), ==, 0);
    icu_teardown(&t);
}

/* ENLCK keeps the NMI enabled for every edge, and cannot be cleared. */
static void test_nmi_lock(void)
{
    IcuTest t;

    if (!icu_setup(&t)) {
        return;
    }
    wr(&t, CR16_ICU_EXNMI, CR16_ICU_EXNMI_ENLCK);
    for (int i = 0; i < 3; i++) {
        qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 1);
        g_assert_cmphex(rd(&t, CR16_ICU_NMISTAT), ==, CR16_ICU_NMISTAT_EXT);
        qtest_set_irq_in(t.qts, t.path, CR16_ICU_GPIO_NMI, 0, 0);
    }
    wr(&t, CR16_ICU_EXNMI, 0);
    g_assert_cmphex(rd(&t, CR16_ICU_EXNMI) & CR16_ICU_EXNMI_ENLCK, ==,
                    CR16_ICU_EXNMI_ENLCK);
    icu_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-icu/reset-state", test_reset_state);
    qtest_add_func("cr16-icu/level", test_level);
    qtest_add_func("cr16-icu/mask", test_mask);
    qtest_add_func("cr16-icu/priority", test_priority);
    qtest_add_func("cr16-icu/edge", test_edge);
    qtest_add_func("cr16-icu/nmi", test_nmi);
    qtest_add_func("cr16-icu/nmi-lock", test_nmi_lock);
    return g_test_run();
}
