/*
 * Tests for the main loop (util/main-loop.c): fd handlers, bottom halves,
 * wake-ups from other threads and signal handlers, timers and glib
 * sources driven by main_loop_wait().
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"

#include <pthread.h>

/*
 * A safety net for tests that block: a realtime timer that ends any wait
 * after this long, so that a broken wake-up fails an elapsed-time check
 * instead of hanging the suite.
 */
#define SAFETY_NS (10LL * 1000 * SCALE_MS)

static void noop_cb(void *opaque)
{
}

static QEMUTimer *arm_safety_timer(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, noop_cb, NULL);

    timer_mod_ns(t, qemu_clock_get_ns(QEMU_CLOCK_REALTIME) + SAFETY_NS);
    return t;
}

/* Run the loop until nothing is immediately ready. */
static void drain_loop(void)
{
    for (int i = 0; i < 10; i++) {
        main_loop_wait(true);
    }
}

/* --- fd handlers --- */

typedef struct PipeState {
    int fds[2];
    int reads;
    int writes;
    bool remove_self;
} PipeState;

static void pipe_read_cb(void *opaque)
{
    PipeState *ps = opaque;
    char buf[16];

    ps->reads++;
    g_assert_cmpint(read(ps->fds[0], buf, sizeof(buf)), >, 0);
    if (ps->remove_self) {
        qemu_set_fd_handler(ps->fds[0], NULL, NULL, NULL);
    }
}

static void pipe_write_cb(void *opaque)
{
    PipeState *ps = opaque;

    ps->writes++;
    /* Writable forever: stop watching after the first call. */
    qemu_set_fd_handler(ps->fds[1], NULL, NULL, NULL);
}

static void pipe_open(PipeState *ps)
{
    memset(ps, 0, sizeof(*ps));
    g_assert_cmpint(pipe(ps->fds), ==, 0);
}

static void pipe_close(PipeState *ps)
{
    qemu_set_fd_handler(ps->fds[0], NULL, NULL, NULL);
    qemu_set_fd_handler(ps->fds[1], NULL, NULL, NULL);
    close(ps->fds[0]);
    close(ps->fds[1]);
}

static void test_fd_read_handler_fires(void)
{
    PipeState ps;

    pipe_open(&ps);
    qemu_set_fd_handler(ps.fds[0], pipe_read_cb, NULL, &ps);
    main_loop_wait(true);
    g_assert_cmpint(ps.reads, ==, 0);       /* nothing written yet */
    g_assert_cmpint(write(ps.fds[1], "x", 1), ==, 1);
    main_loop_wait(false);                  /* readable: must not block */
    g_assert_cmpint(ps.reads, ==, 1);
    pipe_close(&ps);
}

static void test_fd_write_handler_fires(void)
{
    PipeState ps;

    pipe_open(&ps);
    qemu_set_fd_handler(ps.fds[1], NULL, pipe_write_cb, &ps);
    main_loop_wait(false);
    g_assert_cmpint(ps.writes, ==, 1);
    drain_loop();
    g_assert_cmpint(ps.writes, ==, 1);      /* it removed itself */
    pipe_close(&ps);
}

static void test_fd_handler_removed(void)
{
    PipeState ps;

    pipe_open(&ps);
    qemu_set_fd_handler(ps.fds[0], pipe_read_cb, NULL, &ps);
    qemu_set_fd_handler(ps.fds[0], NULL, NULL, NULL);
    g_assert_cmpint(write(ps.fds[1], "x", 1), ==, 1);
    drain_loop();
    g_assert_cmpint(ps.reads, ==, 0);
    pipe_close(&ps);
}

static void test_fd_handler_removes_itself(void)
{
    PipeState ps;

    pipe_open(&ps);
    ps.remove_self = true;
    qemu_set_fd_handler(ps.fds[0], pipe_read_cb, NULL, &ps);
    g_assert_cmpint(write(ps.fds[1], "x", 1), ==, 1);
    main_loop_wait(false);
    g_assert_cmpint(ps.reads, ==, 1);
    g_assert_cmpint(write(ps.fds[1], "y", 1), ==, 1);
    drain_loop();
    g_assert_cmpint(ps.reads, ==, 1);
    pipe_close(&ps);
}

static void other_read_cb(void *opaque)
{
    PipeState *ps = opaque;
    char c;

    ps->reads += 100;
    g_assert_cmpint(read(ps->fds[0], &c, 1), ==, 1);
}

static void test_fd_handler_replaced(void)
{
    PipeState ps;

    pipe_open(&ps);
    qemu_set_fd_handler(ps.fds[0], pipe_read_cb, NULL, &ps);
    qemu_set_fd_handler(ps.fds[0], other_read_cb, NULL, &ps);
    g_assert_cmpint(write(ps.fds[1], "x", 1), ==, 1);
    main_loop_wait(false);
    g_assert_cmpint(ps.reads, ==, 100);
    pipe_close(&ps);
}

/* --- bottom halves --- */

typedef struct BHState {
    QEMUBH *bh;
    int runs;
    bool delete_self;
    QEMUBH *schedule_other;
    QEMUBH *delete_other;
} BHState;

static void bh_cb(void *opaque)
{
    BHState *s = opaque;

    s->runs++;
    if (s->schedule_other) {
        qemu_bh_schedule(s->schedule_other);
    }
    if (s->delete_other) {
        qemu_bh_delete(s->delete_other);
    }
    if (s->delete_self) {
        qemu_bh_delete(s->bh);
        s->bh = NULL;
    }
}

static void test_bh_runs_once(void)
{
    BHState s = { 0 };

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule(s.bh);
    qemu_bh_schedule(s.bh);             /* already scheduled: no-op */
    main_loop_wait(false);              /* a pending BH means no sleep */
    g_assert_cmpint(s.runs, ==, 1);
    drain_loop();
    g_assert_cmpint(s.runs, ==, 1);
    qemu_bh_delete(s.bh);
}

static void test_bh_reschedule_runs_again(void)
{
    BHState s = { 0 };

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule(s.bh);
    main_loop_wait(true);
    qemu_bh_schedule(s.bh);
    main_loop_wait(true);
    g_assert_cmpint(s.runs, ==, 2);
    qemu_bh_delete(s.bh);
}

static void test_bh_cancel(void)
{
    BHState s = { 0 };

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule(s.bh);
    qemu_bh_cancel(s.bh);
    drain_loop();
    g_assert_cmpint(s.runs, ==, 0);
    qemu_bh_delete(s.bh);
}

static void test_bh_delete_self(void)
{
    BHState s = { .delete_self = true };

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule(s.bh);
    main_loop_wait(true);
    g_assert_cmpint(s.runs, ==, 1);
    g_assert_null(s.bh);
    /* ASan/LSan check that it was freed once and only after running. */
    drain_loop();
}

static void test_bh_delete_scheduled(void)
{
    BHState s = { 0 };

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule(s.bh);
    qemu_bh_delete(s.bh);
    drain_loop();
    g_assert_cmpint(s.runs, ==, 0);
}

static void test_bh_delete_other_in_same_batch(void)
{
    BHState a = { 0 }, b = { 0 };

    a.bh = qemu_bh_new(bh_cb, &a);
    b.bh = qemu_bh_new(bh_cb, &b);
    a.delete_other = b.bh;
    qemu_bh_schedule(a.bh);
    qemu_bh_schedule(b.bh);
    main_loop_wait(true);
    g_assert_cmpint(a.runs, ==, 1);
    g_assert_cmpint(b.runs, ==, 0);
    qemu_bh_delete(a.bh);
}

static void test_bh_scheduled_from_bh_runs_next_wait(void)
{
    BHState a = { 0 }, b = { 0 };
    QEMUTimer *safety = arm_safety_timer();
    int64_t start;

    a.bh = qemu_bh_new(bh_cb, &a);
    b.bh = qemu_bh_new(bh_cb, &b);
    a.schedule_other = b.bh;
    qemu_bh_schedule(a.bh);
    main_loop_wait(true);
    g_assert_cmpint(a.runs, ==, 1);
    g_assert_cmpint(b.runs, ==, 0);      /* deferred to the next wait */
    start = get_clock();
    main_loop_wait(false);              /* and that wait does not sleep */
    g_assert_cmpint(b.runs, ==, 1);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    qemu_bh_delete(a.bh);
    qemu_bh_delete(b.bh);
    timer_free(safety);
}

static void schedule_bh_from_timer(void *opaque)
{
    qemu_bh_schedule(opaque);
}

static void test_bh_scheduled_from_timer(void)
{
    BHState s = { 0 };
    QEMUTimer *safety = arm_safety_timer();
    QEMUTimer *t;
    int64_t start;

    s.bh = qemu_bh_new(bh_cb, &s);
    t = timer_new_ns(QEMU_CLOCK_REALTIME, schedule_bh_from_timer, s.bh);
    timer_mod_ns(t, 0);                 /* already due */
    main_loop_wait(true);               /* runs the timer */
    start = get_clock();
    main_loop_wait(false);
    g_assert_cmpint(s.runs, ==, 1);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    timer_free(t);
    qemu_bh_delete(s.bh);
    timer_free(safety);
}

static void count_cb(void *opaque)
{
    (*(int *)opaque)++;
}

static void test_bh_oneshot(void)
{
    int n = 0;

    qemu_bh_schedule_oneshot(count_cb, &n);
    main_loop_wait(true);
    g_assert_cmpint(n, ==, 1);
    /* LSan checks that the one-shot BH freed itself. */
    drain_loop();
    g_assert_cmpint(n, ==, 1);
}

static void test_bh_idle_runs_without_wakeup(void)
{
    BHState s = { 0 };
    QEMUTimer *safety = arm_safety_timer();
    int64_t start = get_clock();

    s.bh = qemu_bh_new(bh_cb, &s);
    qemu_bh_schedule_idle(s.bh);
    while (s.runs == 0 && get_clock() - start < SAFETY_NS) {
        main_loop_wait(false);
    }
    g_assert_cmpint(s.runs, ==, 1);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    qemu_bh_delete(s.bh);
    timer_free(safety);
}

/* --- wake-ups --- */

static gpointer notify_later_thread(gpointer opaque)
{
    g_usleep(50 * 1000);
    qemu_notify_event();
    return NULL;
}

static void test_notify_from_thread(void)
{
    QEMUTimer *safety = arm_safety_timer();
    GThread *th;
    int64_t start;

    drain_loop();
    start = get_clock();
    th = g_thread_new("notifier", notify_later_thread, NULL);
    main_loop_wait(false);              /* nothing else to wake us */
    /* It really slept until the thread's wake-up, and no longer. */
    g_assert_cmpint(get_clock() - start, >=, 45 * SCALE_MS);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    g_thread_join(th);
    timer_free(safety);
}

static volatile sig_atomic_t signal_seen;

static void sigusr1_handler(int sig)
{
    signal_seen = 1;
    qemu_notify_event();
}

static gpointer signal_later_thread(gpointer opaque)
{
    g_usleep(50 * 1000);
    /* Delivered to this thread, so the main thread's poll is not EINTRed. */
    pthread_kill(pthread_self(), SIGUSR1);
    return NULL;
}

static void test_notify_from_signal_handler(void)
{
    QEMUTimer *safety = arm_safety_timer();
    struct sigaction sa = { .sa_handler = sigusr1_handler };
    struct sigaction old;
    GThread *th;
    int64_t start;

    sigaction(SIGUSR1, &sa, &old);
    drain_loop();
    start = get_clock();
    th = g_thread_new("signaller", signal_later_thread, NULL);
    main_loop_wait(false);
    /* Woken by the handler: after the signal, long before the net. */
    g_assert_true(signal_seen);
    g_assert_cmpint(get_clock() - start, >=, 45 * SCALE_MS);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    g_thread_join(th);
    sigaction(SIGUSR1, &old, NULL);
    timer_free(safety);
}

static void test_notify_before_wait_not_lost(void)
{
    QEMUTimer *safety = arm_safety_timer();
    int64_t start;

    drain_loop();
    qemu_notify_event();
    start = get_clock();
    main_loop_wait(false);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    timer_free(safety);
}

/* --- timers and glib sources --- */

static void test_timer_driven_by_wait(void)
{
    QEMUTimer *safety = arm_safety_timer();
    int fired = 0;
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, count_cb, &fired);
    int64_t start = get_clock();

    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 5);
    while (!fired && get_clock() - start < SAFETY_NS) {
        main_loop_wait(false);
    }
    g_assert_cmpint(fired, ==, 1);
    /* The loop slept until the deadline, not past the safety net. */
    g_assert_cmpint(get_clock() - start, >=, 4 * SCALE_MS);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    timer_free(t);
    timer_free(safety);
}

typedef struct ArmLater {
    QEMUTimer *timer;
} ArmLater;

static gpointer arm_timer_later_thread(gpointer opaque)
{
    ArmLater *al = opaque;

    g_usleep(50 * 1000);
    timer_mod_ns(al->timer, qemu_clock_get_ns(QEMU_CLOCK_REALTIME));
    return NULL;
}

static void test_timer_armed_from_thread_wakes_loop(void)
{
    QEMUTimer *safety = arm_safety_timer();
    int fired = 0;
    ArmLater al = {
        .timer = timer_new_ns(QEMU_CLOCK_REALTIME, count_cb, &fired),
    };
    int64_t start;
    GThread *th;

    drain_loop();
    start = get_clock();
    th = g_thread_new("armer", arm_timer_later_thread, &al);
    while (!fired && get_clock() - start < SAFETY_NS) {
        main_loop_wait(false);
    }
    g_thread_join(th);
    g_assert_cmpint(fired, ==, 1);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    timer_free(al.timer);
    timer_free(safety);
}

static void test_frozen_virtual_timer_not_run(void)
{
    int fired = 0;
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, count_cb, &fired);

    cpu_disable_ticks();
    timer_mod_ns(t, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + 1);
    g_usleep(2000);
    drain_loop();
    g_assert_cmpint(fired, ==, 0);
    timer_free(t);
}

static gboolean io_watch_cb(GIOChannel *chan, GIOCondition cond,
                            gpointer opaque)
{
    char c;

    (*(int *)opaque)++;
    g_assert_cmpint(read(g_io_channel_unix_get_fd(chan), &c, 1), ==, 1);
    return G_SOURCE_REMOVE;
}

static void test_glib_io_watch(void)
{
    int fds[2];
    int calls = 0;
    GIOChannel *chan;

    g_assert_cmpint(pipe(fds), ==, 0);
    chan = g_io_channel_unix_new(fds[0]);
    g_io_add_watch(chan, G_IO_IN, io_watch_cb, &calls);
    g_assert_cmpint(write(fds[1], "x", 1), ==, 1);
    main_loop_wait(false);
    g_assert_cmpint(calls, ==, 1);
    g_io_channel_unref(chan);
    close(fds[0]);
    close(fds[1]);
}

static gboolean timeout_source_cb(gpointer opaque)
{
    (*(int *)opaque)++;
    return G_SOURCE_REMOVE;
}

static void test_glib_timeout_source(void)
{
    QEMUTimer *safety = arm_safety_timer();
    int calls = 0;
    int64_t start = get_clock();

    g_timeout_add(5, timeout_source_cb, &calls);
    while (!calls && get_clock() - start < SAFETY_NS) {
        main_loop_wait(false);
    }
    g_assert_cmpint(calls, ==, 1);
    g_assert_cmpint(get_clock() - start, <, SAFETY_NS / 2);
    timer_free(safety);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_init_main_loop(&error_abort);

    g_test_add_func("/main-loop/fd-handler/read", test_fd_read_handler_fires);
    g_test_add_func("/main-loop/fd-handler/write",
                    test_fd_write_handler_fires);
    g_test_add_func("/main-loop/fd-handler/removed", test_fd_handler_removed);
    g_test_add_func("/main-loop/fd-handler/remove-self",
                    test_fd_handler_removes_itself);
    g_test_add_func("/main-loop/fd-handler/replaced",
                    test_fd_handler_replaced);
    g_test_add_func("/main-loop/bh/runs-once", test_bh_runs_once);
    g_test_add_func("/main-loop/bh/reschedule", test_bh_reschedule_runs_again);
    g_test_add_func("/main-loop/bh/cancel", test_bh_cancel);
    g_test_add_func("/main-loop/bh/delete-self", test_bh_delete_self);
    g_test_add_func("/main-loop/bh/delete-scheduled",
                    test_bh_delete_scheduled);
    g_test_add_func("/main-loop/bh/delete-other",
                    test_bh_delete_other_in_same_batch);
    g_test_add_func("/main-loop/bh/from-bh-next-wait",
                    test_bh_scheduled_from_bh_runs_next_wait);
    g_test_add_func("/main-loop/bh/from-timer", test_bh_scheduled_from_timer);
    g_test_add_func("/main-loop/bh/oneshot", test_bh_oneshot);
    g_test_add_func("/main-loop/bh/idle", test_bh_idle_runs_without_wakeup);
    g_test_add_func("/main-loop/notify/thread", test_notify_from_thread);
    g_test_add_func("/main-loop/notify/signal",
                    test_notify_from_signal_handler);
    g_test_add_func("/main-loop/notify/before-wait",
                    test_notify_before_wait_not_lost);
    g_test_add_func("/main-loop/timers/driven", test_timer_driven_by_wait);
    g_test_add_func("/main-loop/timers/armed-from-thread",
                    test_timer_armed_from_thread_wakes_loop);
    g_test_add_func("/main-loop/timers/frozen-virtual",
                    test_frozen_virtual_timer_not_run);
    g_test_add_func("/main-loop/glib/io-watch", test_glib_io_watch);
    g_test_add_func("/main-loop/glib/timeout", test_glib_timeout_source);

    return g_test_run();
}
