/*
 * Tests for clocks and timers (util/qemu-timer.c).
 *
 * Most tests drive QEMU_CLOCK_VIRTUAL in qtest mode, where time only moves
 * when the test says so, which makes ordering checks exact.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"

/* Records which timers fired, and the virtual time each one saw. */
typedef struct FireLog {
    GString *order;
    int64_t seen[8];
    int n;
} FireLog;

typedef struct TestTimer {
    QEMUTimer timer;
    FireLog *log;
    char name;
    /* Optional action from inside the callback. */
    QEMUTimer *to_delete;
    int64_t rearm_at;       /* > 0: re-arm self at this time (ns) */
} TestTimer;

static void test_timer_cb(void *opaque)
{
    TestTimer *t = opaque;

    g_string_append_c(t->log->order, t->name);
    if (t->log->n < (int)ARRAY_SIZE(t->log->seen)) {
        t->log->seen[t->log->n++] = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    }
    if (t->to_delete) {
        timer_del(t->to_delete);
    }
    if (t->rearm_at > 0) {
        int64_t when = t->rearm_at;

        t->rearm_at = 0;
        timer_mod_ns(&t->timer, when);
    }
}

static void test_timer_init(TestTimer *t, FireLog *log, char name)
{
    memset(t, 0, sizeof(*t));
    t->log = log;
    t->name = name;
    timer_init_ns(&t->timer, QEMU_CLOCK_VIRTUAL, test_timer_cb, t);
}

/* Start each test from virtual time 0 in qtest mode. */
static void qtest_clock_setup(void)
{
    qemu_clock_set_qtest_mode(true);
    qtest_set_virtual_clock(0);
}

static void qtest_clock_teardown(void)
{
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);
    qemu_clock_set_qtest_mode(false);
}

static void test_order_by_deadline(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b, c;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    test_timer_init(&c, &log, 'c');
    timer_mod_ns(&a.timer, 30);
    timer_mod_ns(&b.timer, 10);
    timer_mod_ns(&c.timer, 20);
    qtest_set_virtual_clock(100);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "bca");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_equal_deadlines_in_arming_order(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b, c;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    test_timer_init(&c, &log, 'c');
    timer_mod_ns(&c.timer, 50);
    timer_mod_ns(&a.timer, 50);
    timer_mod_ns(&b.timer, 50);
    qtest_set_virtual_clock(50);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "cab");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_rearm_moves_to_end_of_ties(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    timer_mod_ns(&a.timer, 10);
    timer_mod_ns(&b.timer, 10);
    /* Re-arming counts as arming again: a now comes after b. */
    timer_mod_ns(&a.timer, 10);
    qtest_set_virtual_clock(10);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "ba");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_not_yet_expired(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    timer_mod_ns(&a.timer, 10);
    qtest_set_virtual_clock(9);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "");
    qtest_set_virtual_clock(10);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "a");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_rearm_from_callback(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    a.rearm_at = 20;
    timer_mod_ns(&a.timer, 10);
    qtest_set_virtual_clock(15);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    /* Fired once and is pending again for 20. */
    g_assert_cmpstr(log.order->str, ==, "a");
    g_assert_true(timer_pending(&a.timer));
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, 20);
    qtest_set_virtual_clock(20);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "aa");
    g_assert_false(timer_pending(&a.timer));
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void free_self_cb(void *opaque)
{
    QEMUTimer **slot = opaque;

    /* ASan would catch the timer code touching it afterwards. */
    timer_free(*slot);
    *slot = NULL;
}

static void test_delete_self(void)
{
    QEMUTimer *t;

    qtest_clock_setup();
    t = timer_new_ns(QEMU_CLOCK_VIRTUAL, free_self_cb, &t);
    timer_mod_ns(t, 5);
    qtest_set_virtual_clock(5);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_null(t);
    qtest_clock_teardown();
}

static void test_delete_other_from_callback(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    a.to_delete = &b.timer;
    timer_mod_ns(&a.timer, 10);
    timer_mod_ns(&b.timer, 10);
    qtest_set_virtual_clock(10);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    /* b was due as well, but a cancelled it first. */
    g_assert_cmpstr(log.order->str, ==, "a");
    g_assert_false(timer_pending(&b.timer));
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_del_and_pending(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    g_assert_false(timer_pending(&a.timer));
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, -1);
    timer_mod_ns(&a.timer, 10);
    g_assert_true(timer_pending(&a.timer));
    timer_del(&a.timer);
    timer_del(&a.timer);    /* harmless twice */
    g_assert_false(timer_pending(&a.timer));
    qtest_set_virtual_clock(100);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_deadline(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);
    timer_mod_ns(&a.timer, 1000);
    timer_mod_ns(&b.timer, 300);
    qtest_set_virtual_clock(100);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 200);
    qtest_set_virtual_clock(400);
    /* Overdue timers give a zero deadline, never a negative one. */
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 0);
    timer_del(&a.timer);
    timer_del(&b.timer);
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_expired_and_scale(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    QEMUTimer *t;

    qtest_clock_setup();
    t = timer_new_ms(QEMU_CLOCK_VIRTUAL, test_timer_cb, NULL);
    timer_mod(t, 5);
    g_assert_cmpint(timer_expire_time_ns(t), ==, 5 * SCALE_MS);
    /* timer_expired() takes the time in the timer's own unit. */
    g_assert_false(timer_expired(t, 4));
    g_assert_true(timer_expired(t, 5));
    timer_free(t);
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_us_timer(void)
{
    QEMUTimer *t;

    qtest_clock_setup();
    t = timer_new_us(QEMU_CLOCK_VIRTUAL, test_timer_cb, NULL);
    timer_mod(t, 7);
    g_assert_cmpint(timer_expire_time_ns(t), ==, 7 * SCALE_US);
    timer_free(t);
    qtest_clock_teardown();
}

static void test_mod_anticipate(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    timer_mod_anticipate_ns(&a.timer, 100);
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, 100);
    timer_mod_anticipate_ns(&a.timer, 200);     /* later: ignored */
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, 100);
    timer_mod_anticipate_ns(&a.timer, 50);      /* earlier: taken */
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, 50);
    timer_del(&a.timer);
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_negative_expiry_clamped(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    timer_mod_ns(&a.timer, -5);
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, 0);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "a");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_deinit(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    timer_mod_ns(&a.timer, 10);
    timer_deinit(&a.timer);
    g_assert_false(timer_pending(&a.timer));
    g_assert_null(a.timer.timer_list);
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_clock_disable(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    timer_mod_ns(&a.timer, 10);
    qtest_set_virtual_clock(10);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    g_assert_false(qemu_clock_is_enabled(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "");
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "a");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_qtest_set_clock(void)
{
    qemu_clock_set_qtest_mode(true);
    g_assert_true(qemu_clock_get_qtest_mode());
    qtest_set_virtual_clock(123456);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 123456);
    g_assert_cmpint(qemu_clock_get_us(QEMU_CLOCK_VIRTUAL), ==, 123);
    /* It does not move by itself. */
    g_usleep(2000);
    g_assert_cmpint(qtest_get_virtual_clock(), ==, 123456);
    g_assert_false(qemu_clock_use_for_deadline(QEMU_CLOCK_VIRTUAL));
    qemu_clock_set_qtest_mode(false);
}

static void test_qtest_advance_steps_through_deadlines(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a, b, c;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    test_timer_init(&c, &log, 'c');
    a.rearm_at = 15;        /* a fires at 10 and again at 15 */
    timer_mod_ns(&a.timer, 10);
    timer_mod_ns(&b.timer, 20);
    timer_mod_ns(&c.timer, 40);
    g_assert_cmpint(qemu_clock_advance_virtual_time(30), ==, 30);
    g_assert_cmpstr(log.order->str, ==, "aab");
    /* Each callback saw the clock at its own deadline, not at 30. */
    g_assert_cmpint(log.seen[0], ==, 10);
    g_assert_cmpint(log.seen[1], ==, 15);
    g_assert_cmpint(log.seen[2], ==, 20);
    g_assert_true(timer_pending(&c.timer));
    g_assert_cmpint(qemu_clock_advance_virtual_time(40), ==, 40);
    g_assert_cmpstr(log.order->str, ==, "aabc");
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_virtual_frozen_while_ticks_disabled(void)
{
    int64_t t0, t1, t2;

    cpu_disable_ticks();
    t0 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(5000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, t0);
    g_assert_false(qemu_clock_use_for_deadline(QEMU_CLOCK_VIRTUAL));

    cpu_enable_ticks();
    g_usleep(5000);
    t1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t1, >=, t0 + 5 * SCALE_MS);
    g_assert_true(qemu_clock_use_for_deadline(QEMU_CLOCK_VIRTUAL));

    cpu_disable_ticks();
    t2 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(5000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, t2);
    /* Resuming continues from the frozen value, with no jump. */
    cpu_enable_ticks();
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), <,
                    t2 + 1000 * SCALE_MS);
    cpu_disable_ticks();
}

static int64_t fake_icount;

static int64_t get_fake_icount(void)
{
    return fake_icount;
}

static void test_icount_source(void)
{
    qemu_clock_set_icount_source(get_fake_icount);
    icount_configure_shift(3);
    g_assert_true(icount_enabled());
    fake_icount = 100;
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 800);
    fake_icount = 101;
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 808);
    g_assert_cmpint(icount_to_ns(5), ==, 40);
    g_assert_false(qemu_clock_use_for_deadline(QEMU_CLOCK_VIRTUAL));
    icount_configure_shift(-1);
    qemu_clock_set_icount_source(NULL);
    g_assert_false(icount_enabled());
}

static void test_qtest_overrides_icount(void)
{
    qemu_clock_set_icount_source(get_fake_icount);
    icount_configure_shift(0);
    fake_icount = 5;
    qemu_clock_set_qtest_mode(true);
    qtest_set_virtual_clock(777);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 777);
    qemu_clock_set_qtest_mode(false);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 5);
    icount_configure_shift(-1);
    qemu_clock_set_icount_source(NULL);
}

static void test_icount_timer_fires_on_count(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    TestTimer a;

    qemu_clock_set_icount_source(get_fake_icount);
    icount_configure_shift(1);
    fake_icount = 0;
    test_timer_init(&a, &log, 'a');
    timer_mod_ns(&a.timer, 20);             /* instruction 10 */
    fake_icount = 9;
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 2);
    fake_icount = 10;
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "a");
    icount_configure_shift(-1);
    qemu_clock_set_icount_source(NULL);
    g_string_free(log.order, true);
}

typedef struct NotifyCount {
    int calls;
    QEMUClockType last_type;
} NotifyCount;

static void count_notify(void *opaque, QEMUClockType type)
{
    NotifyCount *nc = opaque;

    nc->calls++;
    nc->last_type = type;
}

static void test_notify_on_earlier_deadline(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    NotifyCount nc = { 0 };
    TestTimer a, b, c;

    qtest_clock_setup();
    test_timer_init(&a, &log, 'a');
    test_timer_init(&b, &log, 'b');
    test_timer_init(&c, &log, 'c');
    qemu_timer_set_notify_cb(count_notify, &nc);
    timer_mod_ns(&a.timer, 100);            /* first timer: new deadline */
    g_assert_cmpint(nc.calls, ==, 1);
    g_assert_cmpint(nc.last_type, ==, QEMU_CLOCK_VIRTUAL);
    timer_mod_ns(&b.timer, 200);            /* later: no notification */
    g_assert_cmpint(nc.calls, ==, 1);
    timer_mod_ns(&c.timer, 50);             /* earlier: notify */
    g_assert_cmpint(nc.calls, ==, 2);
    qemu_timer_set_notify_cb(NULL, NULL);
    timer_del(&a.timer);
    timer_del(&b.timer);
    timer_del(&c.timer);
    g_string_free(log.order, true);
    qtest_clock_teardown();
}

static void test_realtime_advances(void)
{
    int64_t a = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);

    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_REALTIME), >=,
                    a + 2 * SCALE_MS);
    g_assert_cmpint(qemu_clock_get_ms(QEMU_CLOCK_REALTIME), >=,
                    a / SCALE_MS);
}

static void test_host_is_wall_clock(void)
{
    int64_t host = qemu_clock_get_ns(QEMU_CLOCK_HOST);
    int64_t wall = g_get_real_time() * SCALE_US;

    g_assert_cmpint(llabs(host - wall), <, 10LL * 1000 * SCALE_MS);
}

static void test_realtime_timer_runs(void)
{
    FireLog log = { .order = g_string_new(NULL) };
    QEMUTimer *t;
    TestTimer holder = { .log = &log, .name = 'r' };

    t = timer_new_ms(QEMU_CLOCK_REALTIME, test_timer_cb, &holder);
    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 1);
    g_usleep(3000);
    g_assert_true(qemu_clock_run_all_timers());
    g_assert_cmpstr(log.order->str, ==, "r");
    timer_free(t);
    g_string_free(log.order, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/timers/order/deadline", test_order_by_deadline);
    g_test_add_func("/timers/order/equal-deadlines",
                    test_equal_deadlines_in_arming_order);
    g_test_add_func("/timers/order/rearm-is-new-arming",
                    test_rearm_moves_to_end_of_ties);
    g_test_add_func("/timers/run/not-yet-expired", test_not_yet_expired);
    g_test_add_func("/timers/callback/rearm-self", test_rearm_from_callback);
    g_test_add_func("/timers/callback/free-self", test_delete_self);
    g_test_add_func("/timers/callback/delete-other",
                    test_delete_other_from_callback);
    g_test_add_func("/timers/del/pending", test_del_and_pending);
    g_test_add_func("/timers/deadline/remaining", test_deadline);
    g_test_add_func("/timers/scale/ms", test_expired_and_scale);
    g_test_add_func("/timers/scale/us", test_us_timer);
    g_test_add_func("/timers/mod/anticipate", test_mod_anticipate);
    g_test_add_func("/timers/mod/negative-clamped",
                    test_negative_expiry_clamped);
    g_test_add_func("/timers/deinit", test_deinit);
    g_test_add_func("/timers/clock/disable", test_clock_disable);
    g_test_add_func("/timers/qtest/set-clock", test_qtest_set_clock);
    g_test_add_func("/timers/qtest/advance-in-order",
                    test_qtest_advance_steps_through_deadlines);
    g_test_add_func("/timers/virtual/frozen-while-disabled",
                    test_virtual_frozen_while_ticks_disabled);
    g_test_add_func("/timers/icount/source", test_icount_source);
    g_test_add_func("/timers/icount/qtest-wins", test_qtest_overrides_icount);
    g_test_add_func("/timers/icount/timer-fires",
                    test_icount_timer_fires_on_count);
    g_test_add_func("/timers/notify/earlier-deadline",
                    test_notify_on_earlier_deadline);
    g_test_add_func("/timers/realtime/advances", test_realtime_advances);
    g_test_add_func("/timers/host/wall-clock", test_host_is_wall_clock);
    g_test_add_func("/timers/realtime/timer-runs", test_realtime_timer_runs);

    return g_test_run();
}
