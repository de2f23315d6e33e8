/*
 * cr16-timer on the virt board: counting, one-shot and periodic expiry,
 * the prescaler and the interrupt lines, all in virtual time moved with
 * clock_step.  Register map: include/hw/timer/cr16-timer.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/timer/cr16-timer.h"

typedef struct TimerTest {
    QTestState *qts;
    uint64_t base;
    char *path;
    int64_t tick_ns;        /* one tick with PRESCALE = 0 */
} TimerTest;

static bool timer_setup(TimerTest *t)
{
    json_t *freq;

    t->qts = cr16_virt_init(NULL);
    if (!t->qts) {
        return false;
    }
    t->path = cr16_find_object(t->qts, "/machine", TYPE_CR16_TIMER);
    g_assert_nonnull(t->path);
    t->base = cr16_region_base(t->qts, "cr16-timer");
    freq = qtest_qmp_assert_success_ref(t->qts, "{'execute': 'qom-get',"
        " 'arguments': {'path': %s, 'property': 'clock-frequency'}}",
        t->path);
    g_assert_cmpint(json_integer_value(freq), >, 0);
    /* The tests below use frequencies that divide a second exactly. */
    g_assert_cmpint(1000000000 % json_integer_value(freq), ==, 0);
    t->tick_ns = 1000000000 / json_integer_value(freq);
    json_decref(freq);
    return true;
}

static void timer_teardown(TimerTest *t)
{
    qtest_quit(t->qts);
    g_free(t->path);
}

static uint32_t rd(TimerTest *t, unsigned reg)
{
    return qtest_readl(t->qts, t->base + reg);
}

static void wr(TimerTest *t, unsigned reg, uint32_t val)
{
    qtest_writel(t->qts, t->base + reg, val);
}

static void test_id(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    g_assert_cmphex(rd(&t, CR16_TIMER_ID), ==, CR16_TIMER_ID_VALUE);
    /* Reset state: everything stopped and clear. */
    for (int n = 0; n < CR16_TIMER_CHANNELS; n++) {
        g_assert_cmphex(rd(&t, CR16_TIMER_CTRL(n)), ==, 0);
        g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(n)), ==, 0);
        g_assert_cmphex(rd(&t, CR16_TIMER_COUNT(n)), ==, 0);
    }
    timer_teardown(&t);
}

/* COUNT goes down one per tick while enabled and holds when disabled. */
static void test_count_down(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    wr(&t, CR16_TIMER_LOAD(0), 1000);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN);
    qtest_clock_step(t.qts, 250 * t.tick_ns);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 750);
    /* Stopped: the count holds however long we wait. */
    wr(&t, CR16_TIMER_CTRL(0), 0);
    qtest_clock_step(t.qts, 100 * t.tick_ns);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 750);
    /* Host time does not count either: only clock_step moves it. */
    g_usleep(10 * 1000);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 750);
    timer_teardown(&t);
}

/* A one-shot counter expires after exactly LOAD ticks, then stops at 0. */
static void test_oneshot(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    wr(&t, CR16_TIMER_LOAD(1), 10);
    wr(&t, CR16_TIMER_CTRL(1), CR16_TIMER_CTRL_EN);
    qtest_clock_step(t.qts, 9 * t.tick_ns);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(1)), ==, 0);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(1)), ==, 1);
    qtest_clock_step(t.qts, t.tick_ns);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(1)), ==, CR16_TIMER_ST_EXPIRED);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(1)), ==, 0);
    g_assert_cmphex(rd(&t, CR16_TIMER_CTRL(1)) & CR16_TIMER_CTRL_EN, ==, 0);
    /* STATUS is write-one-to-clear. */
    wr(&t, CR16_TIMER_STATUS(1), 0);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(1)), ==, CR16_TIMER_ST_EXPIRED);
    wr(&t, CR16_TIMER_STATUS(1), CR16_TIMER_ST_EXPIRED);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(1)), ==, 0);
    /* Channel 0 was never touched. */
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(0)), ==, 0);
    timer_teardown(&t);
}

/* A periodic counter's deadlines are exactly LOAD ticks apart. */
static void test_periodic(void)
{
    TimerTest t;
    int64_t start;

    if (!timer_setup(&t)) {
        return;
    }
    start = qtest_clock_step(t.qts, 0);
    wr(&t, CR16_TIMER_LOAD(0), 50);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_PERIODIC);
    for (int i = 1; i <= 5; i++) {
        /* The next deadline is the timer's own: no drift. */
        g_assert_cmpint(qtest_clock_step_next(t.qts), ==,
                        start + i * 50 * t.tick_ns);
        g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(0)), ==,
                        CR16_TIMER_ST_EXPIRED);
        wr(&t, CR16_TIMER_STATUS(0), CR16_TIMER_ST_EXPIRED);
        g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 50);
    }
    g_assert_cmphex(rd(&t, CR16_TIMER_CTRL(0)) & CR16_TIMER_CTRL_EN, ==,
                    CR16_TIMER_CTRL_EN);
    timer_teardown(&t);
}

/* PRESCALE = p slows the tick by p + 1. */
static void test_prescale(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    wr(&t, CR16_TIMER_PRESCALE, 3);
    g_assert_cmpuint(rd(&t, CR16_TIMER_PRESCALE), ==, 3);
    wr(&t, CR16_TIMER_LOAD(0), 100);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN);
    qtest_clock_step(t.qts, 40 * t.tick_ns);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 90);
    /* Changing it mid-count keeps the ticks already counted. */
    wr(&t, CR16_TIMER_PRESCALE, 0);
    qtest_clock_step(t.qts, 40 * t.tick_ns);
    g_assert_cmpuint(rd(&t, CR16_TIMER_COUNT(0)), ==, 50);
    timer_teardown(&t);
}

/* LOAD = 0 never expires: no deadline is armed at all. */
static void test_load_zero(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    wr(&t, CR16_TIMER_LOAD(0), 0);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_PERIODIC);
    qtest_clock_step(t.qts, 1000 * t.tick_ns);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(0)), ==, 0);
    timer_teardown(&t);
}

/* The interrupt is high while EXPIRED and IE; clearing either lowers it. */
static void test_irq(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    qtest_irq_intercept_out_named(t.qts, t.path, "sysbus-irq");
    wr(&t, CR16_TIMER_LOAD(1), 5);
    wr(&t, CR16_TIMER_CTRL(1), CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_IE);
    g_assert_false(qtest_get_irq(t.qts, 1));
    qtest_clock_step(t.qts, 5 * t.tick_ns);
    g_assert_true(qtest_get_irq(t.qts, 1));
    /* Only channel 1's line. */
    g_assert_false(qtest_get_irq(t.qts, 0));
    /* Masking IE lowers it, unmasking raises it again. */
    wr(&t, CR16_TIMER_CTRL(1), 0);
    g_assert_false(qtest_get_irq(t.qts, 1));
    wr(&t, CR16_TIMER_CTRL(1), CR16_TIMER_CTRL_IE);
    g_assert_true(qtest_get_irq(t.qts, 1));
    /* Acknowledging the expiry lowers it. */
    wr(&t, CR16_TIMER_STATUS(1), CR16_TIMER_ST_EXPIRED);
    g_assert_false(qtest_get_irq(t.qts, 1));
    timer_teardown(&t);
}

/* system_reset stops the counters and clears the registers. */
static void test_reset(void)
{
    TimerTest t;

    if (!timer_setup(&t)) {
        return;
    }
    wr(&t, CR16_TIMER_LOAD(0), 7);
    wr(&t, CR16_TIMER_PRESCALE, 9);
    wr(&t, CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_EN);
    /* The request is acted on before the next command is read. */
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    g_assert_cmpuint(rd(&t, CR16_TIMER_LOAD(0)), ==, 0);
    g_assert_cmpuint(rd(&t, CR16_TIMER_PRESCALE), ==, 0);
    g_assert_cmphex(rd(&t, CR16_TIMER_CTRL(0)), ==, 0);
    qtest_clock_step(t.qts, 100 * t.tick_ns);
    g_assert_cmphex(rd(&t, CR16_TIMER_STATUS(0)), ==, 0);
    timer_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-timer/id", test_id);
    qtest_add_func("cr16-timer/count-down", test_count_down);
    qtest_add_func("cr16-timer/oneshot", test_oneshot);
    qtest_add_func("cr16-timer/periodic", test_periodic);
    qtest_add_func("cr16-timer/prescale", test_prescale);
    qtest_add_func("cr16-timer/load-zero", test_load_zero);
    qtest_add_func("cr16-timer/irq", test_irq);
    qtest_add_func("cr16-timer/reset", test_reset);
    return g_test_run();
}
