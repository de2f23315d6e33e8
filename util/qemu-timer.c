/*
 * Clocks and timers; see include/qemu/timer.h.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/main-loop.h"

#include <time.h>

struct QEMUTimerList {
    QEMUClockType type;
    /* Guards active_timers and every expire_time/next of its timers. */
    GMutex lock;
    /* Pending timers sorted by expire_time; ties in arming order. */
    QEMUTimer *active_timers;
};

/*
 * The lists live in static storage (a static GMutex needs no init), so
 * timers work before the main loop is set up and nothing needs freeing.
 */
static QEMUTimerList timer_lists[QEMU_CLOCK_MAX] = {
    [QEMU_CLOCK_REALTIME] = { .type = QEMU_CLOCK_REALTIME },
    [QEMU_CLOCK_VIRTUAL] = { .type = QEMU_CLOCK_VIRTUAL },
    [QEMU_CLOCK_HOST] = { .type = QEMU_CLOCK_HOST },
    [QEMU_CLOCK_VIRTUAL_RT] = { .type = QEMU_CLOCK_VIRTUAL_RT },
};

QEMUTimerListGroup main_loop_tlg = {
    .tl = {
        &timer_lists[QEMU_CLOCK_REALTIME],
        &timer_lists[QEMU_CLOCK_VIRTUAL],
        &timer_lists[QEMU_CLOCK_HOST],
        &timer_lists[QEMU_CLOCK_VIRTUAL_RT],
    },
};

static bool clock_enabled[QEMU_CLOCK_MAX] = { true, true, true, true };

static void (*timer_notify_cb)(void *opaque, QEMUClockType type);
static void *timer_notify_opaque;

/*
 * Virtual clock state.  vm_clock_lock guards the normal-mode fields; the
 * mode switches are plain flags set at start-up.
 */
static GMutex vm_clock_lock;
static bool ticks_enabled;
/*
 * Normal mode: while ticking, virtual = get_clock() + clock_offset; while
 * frozen, clock_offset holds the frozen value itself.
 */
static int64_t clock_offset;

static int icount_shift = -1;               /* < 0: icount mode off */
static int64_t (*icount_source)(void);

static bool qtest_mode;
static int64_t qtest_clock_ns;              /* accessed atomically */

/* --- Host clocks --- */

int64_t get_clock(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t get_clock_realtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* --- Virtual clock modes --- */

int64_t cpu_get_clock(void)
{
    int64_t v;

    g_mutex_lock(&vm_clock_lock);
    v = ticks_enabled ? get_clock() + clock_offset : clock_offset;
    g_mutex_unlock(&vm_clock_lock);
    return v;
}

void cpu_enable_ticks(void)
{
    g_mutex_lock(&vm_clock_lock);
    if (!ticks_enabled) {
        /* Resume from the frozen value, not from where host time is. */
        clock_offset -= get_clock();
        ticks_enabled = true;
    }
    g_mutex_unlock(&vm_clock_lock);
    /* Virtual timers may now come due while the main loop sleeps. */
    qemu_notify_event();
}

void cpu_disable_ticks(void)
{
    g_mutex_lock(&vm_clock_lock);
    if (ticks_enabled) {
        clock_offset += get_clock();
        ticks_enabled = false;
    }
    g_mutex_unlock(&vm_clock_lock);
}

void icount_configure_shift(int shift)
{
    g_assert(shift < 63);
    icount_shift = shift;
}

bool icount_enabled(void)
{
    return icount_shift >= 0;
}

void qemu_clock_set_icount_source(int64_t (*get_icount)(void))
{
    icount_source = get_icount;
}

int64_t icount_to_ns(int64_t icount)
{
    return icount << (icount_shift < 0 ? 0 : icount_shift);
}

int64_t icount_get(void)
{
    return icount_to_ns(icount_source ? icount_source() : 0);
}

void qemu_clock_set_qtest_mode(bool enabled)
{
    qtest_mode = enabled;
}

bool qemu_clock_get_qtest_mode(void)
{
    return qtest_mode;
}

void qtest_set_virtual_clock(int64_t count)
{
    __atomic_store_n(&qtest_clock_ns, count, __ATOMIC_SEQ_CST);
}

int64_t qtest_get_virtual_clock(void)
{
    return __atomic_load_n(&qtest_clock_ns, __ATOMIC_SEQ_CST);
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_VIRTUAL:
        if (qtest_mode) {
            return qtest_get_virtual_clock();
        }
        if (icount_enabled()) {
            return icount_get();
        }
        return cpu_get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    case QEMU_CLOCK_VIRTUAL_RT:
        return cpu_get_clock();
    default:
        g_assert_not_reached();
    }
}

void qemu_clock_enable(QEMUClockType type, bool enabled)
{
    bool was = clock_enabled[type];

    clock_enabled[type] = enabled;
    if (enabled && !was) {
        /* Its timers count again: the main loop must recompute its wait. */
        qemu_notify_event();
    }
}

bool qemu_clock_is_enabled(QEMUClockType type)
{
    return clock_enabled[type];
}

bool qemu_clock_use_for_deadline(QEMUClockType type)
{
    if (type != QEMU_CLOCK_VIRTUAL) {
        return true;
    }
    if (qtest_mode || icount_enabled()) {
        return false;
    }
    return ticks_enabled;
}

/* --- Timer lists --- */

void qemu_timer_set_notify_cb(void (*cb)(void *opaque, QEMUClockType type),
                              void *opaque)
{
    timer_notify_cb = cb;
    timer_notify_opaque = opaque;
}

/* A new earliest deadline exists on @tl: whoever is waiting must know. */
static void timerlist_notify(QEMUTimerList *tl)
{
    if (timer_notify_cb) {
        timer_notify_cb(timer_notify_opaque, tl->type);
    }
    qemu_notify_event();
}

static int64_t timerlist_deadline_ns(QEMUTimerList *tl)
{
    int64_t expire;
    int64_t now;

    if (!clock_enabled[tl->type]) {
        return -1;
    }
    g_mutex_lock(&tl->lock);
    expire = tl->active_timers ? tl->active_timers->expire_time : -1;
    g_mutex_unlock(&tl->lock);
    if (expire < 0) {
        return -1;
    }
    now = qemu_clock_get_ns(tl->type);
    return expire <= now ? 0 : expire - now;
}

int64_t qemu_clock_deadline_ns_all(QEMUClockType type)
{
    return timerlist_deadline_ns(main_loop_tlg.tl[type]);
}

int64_t timerlistgroup_deadline_ns(QEMUTimerListGroup *tlg)
{
    int64_t deadline = -1;

    for (int type = 0; type < QEMU_CLOCK_MAX; type++) {
        if (qemu_clock_use_for_deadline(type)) {
            deadline = qemu_soonest_timeout(deadline,
                                            timerlist_deadline_ns(tlg->tl[type]));
        }
    }
    return deadline;
}

/* Unlink @ts if it is on its list.  Call with the list lock held. */
static void timer_del_locked(QEMUTimerList *tl, QEMUTimer *ts)
{
    QEMUTimer **pt = &tl->active_timers;

    ts->expire_time = -1;
    for (; *pt; pt = &(*pt)->next) {
        if (*pt == ts) {
            *pt = ts->next;
            ts->next = NULL;
            return;
        }
    }
}

/*
 * Insert @ts after every timer expiring at or before @expire_time (so
 * equal deadlines keep arming order).  Returns true if it became the head.
 */
static bool timer_insert_locked(QEMUTimerList *tl, QEMUTimer *ts,
                                int64_t expire_time)
{
    QEMUTimer **pt = &tl->active_timers;

    while (*pt && (*pt)->expire_time <= expire_time) {
        pt = &(*pt)->next;
    }
    ts->expire_time = expire_time;
    ts->next = *pt;
    *pt = ts;
    return pt == &tl->active_timers;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    QEMUTimerList *tl = main_loop_tlg.tl[type];
    bool progress = false;
    int64_t now;

    if (!clock_enabled[type]) {
        return false;
    }
    now = qemu_clock_get_ns(type);
    for (;;) {
        QEMUTimer *ts;
        QEMUTimerCB *cb;
        void *opaque;

        /*
         * Take one timer at a time and drop the lock around its callback:
         * the callback may arm, delete or free timers, itself included,
         * and must not find a half-walked list.
         */
        g_mutex_lock(&tl->lock);
        ts = tl->active_timers;
        if (!ts || ts->expire_time > now) {
            g_mutex_unlock(&tl->lock);
            break;
        }
        tl->active_timers = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;
        cb = ts->cb;
        opaque = ts->opaque;
        g_mutex_unlock(&tl->lock);

        cb(opaque);
        progress = true;
    }
    return progress;
}

bool qemu_clock_run_all_timers(void)
{
    bool progress = false;

    for (int type = 0; type < QEMU_CLOCK_MAX; type++) {
        progress |= qemu_clock_run_timers(type);
    }
    return progress;
}

/* --- Timers --- */

void timer_init_tl(QEMUTimer *ts, QEMUTimerList *timer_list, int scale,
                   QEMUTimerCB *cb, void *opaque)
{
    g_assert(scale > 0);
    ts->timer_list = timer_list;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->scale = scale;
    ts->attributes = 0;
    ts->next = NULL;
    ts->expire_time = -1;
}

void timer_init_full(QEMUTimer *ts, QEMUTimerListGroup *tlg,
                     QEMUClockType type, int scale, int attributes,
                     QEMUTimerCB *cb, void *opaque)
{
    if (!tlg) {
        tlg = &main_loop_tlg;
    }
    timer_init_tl(ts, tlg->tl[type], scale, cb, opaque);
    ts->attributes = attributes;
}

QEMUTimer *timer_new_full(QEMUTimerListGroup *tlg, QEMUClockType type,
                          int scale, int attributes, QEMUTimerCB *cb,
                          void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init_full(ts, tlg, type, scale, attributes, cb, opaque);
    return ts;
}

void timer_del(QEMUTimer *ts)
{
    QEMUTimerList *tl = ts->timer_list;

    if (!tl) {
        return;
    }
    g_mutex_lock(&tl->lock);
    timer_del_locked(tl, ts);
    g_mutex_unlock(&tl->lock);
}

void timer_deinit(QEMUTimer *ts)
{
    timer_del(ts);
    ts->timer_list = NULL;
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time)
{
    QEMUTimerList *tl = ts->timer_list;
    bool new_head;

    g_assert(tl);
    expire_time = MAX(expire_time, 0);
    g_mutex_lock(&tl->lock);
    timer_del_locked(tl, ts);
    new_head = timer_insert_locked(tl, ts, expire_time);
    g_mutex_unlock(&tl->lock);
    if (new_head) {
        timerlist_notify(tl);
    }
}

/* @expire_time in the timer's unit, in ns, saturating instead of wrapping. */
static int64_t timer_scale_to_ns(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        return INT64_MAX;
    }
    if (expire_time < 0) {
        return 0;
    }
    return expire_time * ts->scale;
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_ns(ts, timer_scale_to_ns(ts, expire_time));
}

void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time)
{
    QEMUTimerList *tl = ts->timer_list;
    bool new_head = false;

    g_assert(tl);
    expire_time = MAX(expire_time, 0);
    g_mutex_lock(&tl->lock);
    if (ts->expire_time < 0 || expire_time < ts->expire_time) {
        timer_del_locked(tl, ts);
        new_head = timer_insert_locked(tl, ts, expire_time);
    }
    g_mutex_unlock(&tl->lock);
    if (new_head) {
        timerlist_notify(tl);
    }
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_anticipate_ns(ts, timer_scale_to_ns(ts, expire_time));
}

bool timer_pending(QEMUTimer *ts)
{
    return __atomic_load_n(&ts->expire_time, __ATOMIC_RELAXED) >= 0;
}

bool timer_expired(QEMUTimer *ts, int64_t current_time)
{
    int64_t expire = __atomic_load_n(&ts->expire_time, __ATOMIC_RELAXED);

    return expire >= 0 && expire <= timer_scale_to_ns(ts, current_time);
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    return __atomic_load_n(&ts->expire_time, __ATOMIC_RELAXED);
}

int64_t qemu_clock_advance_virtual_time(int64_t dest)
{
    int64_t now = qtest_get_virtual_clock();

    g_assert(qtest_mode);
    /*
     * Step from deadline to deadline so that each timer sees the clock at
     * (not past) its expiry, as it would have in a real run, and timers it
     * arms on the way fire in order too.
     */
    for (;;) {
        int64_t deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);
        int64_t step = dest - now;

        if (deadline >= 0 && deadline < step) {
            step = deadline;
        }
        now += MAX(step, 0);
        qtest_set_virtual_clock(now);
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
        if (now >= dest) {
            break;
        }
    }
    return now;
}
