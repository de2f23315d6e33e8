/*
 * cr16-rtc on the virt board: the seconds counter, setting it, the alarm
 * and its interrupt.  With clock=vm the RTC follows the virtual clock and
 * the alarm is tested in virtual time; with clock=host (the default)
 * SECONDS follows the host's clock and the alarm test waits about a
 * second of real time.  Register map: include/hw/rtc/cr16-rtc.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/rtc/cr16-rtc.h"

#define NS_PER_SEC INT64_C(1000000000)

typedef struct RtcTest {
    QTestState *qts;
    uint64_t base;
    char *path;
    bool vm_clock;
} RtcTest;

/* @data: NULL for the board's default clock, or a -machine option. */
static bool rtc_setup(RtcTest *t, const void *data)
{
    json_t *clock;

    t->qts = cr16_virt_init(data ? data : "");
    if (!t->qts) {
        return false;
    }
    t->path = cr16_find_object(t->qts, "/machine", TYPE_CR16_RTC);
    g_assert_nonnull(t->path);
    t->base = cr16_region_base(t->qts, "cr16-rtc");
    clock = qtest_qmp_assert_success_ref(t->qts, "{'execute': 'qom-get',"
        " 'arguments': {'path': %s, 'property': 'clock'}}", t->path);
    t->vm_clock = !g_strcmp0(json_string_value(clock), "vm");
    json_decref(clock);
    return true;
}

static void rtc_teardown(RtcTest *t)
{
    qtest_quit(t->qts);
    g_free(t->path);
}

static uint32_t rd(RtcTest *t, unsigned reg)
{
    return qtest_readl(t->qts, t->base + reg);
}

static void wr(RtcTest *t, unsigned reg, uint32_t val)
{
    qtest_writel(t->qts, t->base + reg, val);
}

static void test_id(const void *data)
{
    RtcTest t;

    if (!rtc_setup(&t, data)) {
        return;
    }
    g_assert_cmphex(rd(&t, CR16_RTC_ID), ==, CR16_RTC_ID_VALUE);
    g_assert_cmphex(rd(&t, CR16_RTC_CTRL), ==, 0);
    g_assert_cmphex(rd(&t, CR16_RTC_STATUS), ==, 0);
    rtc_teardown(&t);
}

/* At start SECONDS is the host's Unix time (host) or 0 (vm). */
static void test_initial_time(const void *data)
{
    RtcTest t;
    uint32_t secs;

    if (!rtc_setup(&t, data)) {
        return;
    }
    secs = rd(&t, CR16_RTC_SECONDS);
    if (t.vm_clock) {
        g_assert_cmpuint(secs, <=, 1);
    } else {
        int64_t host = g_get_real_time() / G_USEC_PER_SEC;

        g_assert_cmpint(llabs((int64_t)secs - host), <=, 2);
    }
    rtc_teardown(&t);
}

/* A written time reads back and keeps counting from there. */
static void test_set_time(const void *data)
{
    RtcTest t;

    if (!rtc_setup(&t, data)) {
        return;
    }
    wr(&t, CR16_RTC_SECONDS, 1000000);
    g_assert_cmpuint(rd(&t, CR16_RTC_SECONDS) - 1000000, <=, 1);
    /* The halves can be written separately. */
    qtest_writew(t.qts, t.base + CR16_RTC_SECONDS + 2, 0x1234);
    g_assert_cmphex(rd(&t, CR16_RTC_SECONDS) >> 16, ==, 0x1234);
    if (t.vm_clock) {
        wr(&t, CR16_RTC_SECONDS, 500);
        qtest_clock_step(t.qts, 3 * NS_PER_SEC);
        g_assert_cmpuint(rd(&t, CR16_RTC_SECONDS), ==, 503);
    }
    rtc_teardown(&t);
}

/* The alarm sets AF when SECONDS reaches ALARM; AIE routes it out. */
static void test_alarm(const void *data)
{
    RtcTest t;
    uint32_t now;

    if (!rtc_setup(&t, data)) {
        return;
    }
    qtest_irq_intercept_out_named(t.qts, t.path, "sysbus-irq");
    wr(&t, CR16_RTC_CTRL, CR16_RTC_CTRL_AIE);
    now = rd(&t, CR16_RTC_SECONDS);
    wr(&t, CR16_RTC_ALARM, now + 1);
    g_assert_cmphex(rd(&t, CR16_RTC_STATUS), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    if (t.vm_clock) {
        qtest_clock_step(t.qts, 2 * NS_PER_SEC);
    } else {
        /* Host time: poll for up to 5 s of real time. */
        for (int i = 0; i < 100 && !rd(&t, CR16_RTC_STATUS); i++) {
            g_usleep(50 * 1000);
        }
    }
    g_assert_cmphex(rd(&t, CR16_RTC_STATUS), ==, CR16_RTC_ST_AF);
    g_assert_true(qtest_get_irq(t.qts, 0));
    /* Write one to clear. */
    wr(&t, CR16_RTC_STATUS, CR16_RTC_ST_AF);
    g_assert_cmphex(rd(&t, CR16_RTC_STATUS), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    rtc_teardown(&t);
}

/* An alarm in the past never fires. */
static void test_alarm_in_past(const void *data)
{
    RtcTest t;

    if (!rtc_setup(&t, data)) {
        return;
    }
    wr(&t, CR16_RTC_SECONDS, 100000);
    wr(&t, CR16_RTC_ALARM, 99990);
    if (t.vm_clock) {
        qtest_clock_step(t.qts, 5 * NS_PER_SEC);
    }
    g_assert_cmphex(rd(&t, CR16_RTC_STATUS), ==, 0);
    rtc_teardown(&t);
}

/* A reset clears the alarm but keeps the time (battery-backed). */
static void test_reset_keeps_time(const void *data)
{
    RtcTest t;

    if (!rtc_setup(&t, data)) {
        return;
    }
    wr(&t, CR16_RTC_SECONDS, 777777);
    wr(&t, CR16_RTC_ALARM, 888888);
    wr(&t, CR16_RTC_CTRL, CR16_RTC_CTRL_AIE);
    /* The request is acted on before the next command is read. */
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    g_assert_cmpuint(rd(&t, CR16_RTC_SECONDS) - 777777, <=, 1);
    g_assert_cmpuint(rd(&t, CR16_RTC_ALARM), ==, 0);
    g_assert_cmphex(rd(&t, CR16_RTC_CTRL), ==, 0);
    rtc_teardown(&t);
}

static void add_tests(const char *variant, const char *args)
{
    static const struct {
        const char *name;
        void (*fn)(const void *);
    } tests[] = {
        { "id", test_id },
        { "initial-time", test_initial_time },
        { "set-time", test_set_time },
        { "alarm", test_alarm },
        { "alarm-in-past", test_alarm_in_past },
        { "reset-keeps-time", test_reset_keeps_time },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(tests); i++) {
        g_autofree char *path = g_strdup_printf("cr16-rtc/%s/%s", variant,
                                                tests[i].name);

        qtest_add_data_func(path, args, tests[i].fn);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    /* The board's default (host time), and the reproducible VM clock. */
    add_tests("host", NULL);
    add_tests("vm", "-machine rtc-clock=vm");
    return g_test_run();
}
