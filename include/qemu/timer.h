/*
 * Clocks and timers.
 *
 * Four clocks, all in nanoseconds:
 *
 *  QEMU_CLOCK_REALTIME    host monotonic time; runs even while the VM is
 *                         stopped.  For things the user sees (monitor
 *                         timeouts), never for guest-visible state.
 *  QEMU_CLOCK_VIRTUAL     guest time; device models use this one.  It only
 *                         moves while the VM runs, in one of three modes:
 *                           normal: with host time, frozen while stopped
 *                                   (cpu_enable_ticks/cpu_disable_ticks);
 *                           icount: from the executed instruction count,
 *                                   ns = icount << shift (deterministic);
 *                           qtest:  only when a test moves it
 *                                   (qtest_set_virtual_clock,
 *                                   qemu_clock_advance_virtual_time).
 *                         qtest wins over icount, icount over normal.
 *  QEMU_CLOCK_HOST        host wall-clock time (may jump); for RTCs that
 *                         follow the host's date.
 *  QEMU_CLOCK_VIRTUAL_RT  like the normal-mode virtual clock (host time
 *                         while running) even under icount or qtest.
 *
 * A QEMUTimer calls its callback once the clock reaches its expiry time.
 * Timers are run by the main loop (main_loop_wait) or explicitly with
 * qemu_clock_run_timers().  Expired timers fire in deadline order, equal
 * deadlines in the order they were armed.  A callback may re-arm, delete or
 * free any timer, its own included.
 *
 * The timer lists are protected by a lock, so a timer may be armed or
 * deleted from another thread; callbacks always run in the thread that
 * runs the timers.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

typedef enum {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_VIRTUAL_RT = 3,
    QEMU_CLOCK_MAX
} QEMUClockType;

/* Multipliers from a timer's unit to nanoseconds. */
#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

/*
 * Timer attributes.  EXTERNAL marks timers that let the outside world
 * observe the guest (kept for QEMU compatibility; nothing filters on it).
 */
#define QEMU_TIMER_ATTR_EXTERNAL ((int)(1u << 0))
#define QEMU_TIMER_ATTR_ALL      0xffffffff

typedef struct QEMUTimerList QEMUTimerList;
typedef struct QEMUTimer QEMUTimer;
typedef void QEMUTimerCB(void *opaque);

/* One timer list per clock; the main loop owns main_loop_tlg. */
typedef struct QEMUTimerListGroup {
    QEMUTimerList *tl[QEMU_CLOCK_MAX];
} QEMUTimerListGroup;

extern QEMUTimerListGroup main_loop_tlg;

/*
 * Public so that timers can be embedded in device state; only the
 * functions below should touch the fields.
 */
struct QEMUTimer {
    int64_t expire_time;        /* ns; -1 when not pending */
    QEMUTimerList *timer_list;
    QEMUTimerCB *cb;
    void *opaque;
    QEMUTimer *next;            /* next on the list, by expire_time */
    int attributes;
    int scale;                  /* ns per unit of timer_mod() */
};

/* Host clocks, in ns. */
int64_t get_clock(void);            /* monotonic */
int64_t get_clock_realtime(void);   /* wall clock */

int64_t qemu_clock_get_ns(QEMUClockType type);

static inline int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

static inline int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

/*
 * A disabled clock keeps counting but its timers do not run and it has no
 * deadline.  Clocks start enabled.
 */
void qemu_clock_enable(QEMUClockType type, bool enabled);
bool qemu_clock_is_enabled(QEMUClockType type);

/*
 * ns until the earliest pending timer on @type's clock (0 if one has
 * already expired), or -1 if none is pending or the clock is disabled.
 */
int64_t qemu_clock_deadline_ns_all(QEMUClockType type);
/*
 * The earliest deadline over every clock that can expire on its own while
 * the main loop sleeps (see qemu_clock_use_for_deadline), or -1.
 */
int64_t timerlistgroup_deadline_ns(QEMUTimerListGroup *tlg);
/*
 * False for the virtual clock when it cannot move while the main loop
 * sleeps: it is frozen (ticks disabled), driven by icount, or by qtest.
 */
bool qemu_clock_use_for_deadline(QEMUClockType type);

/*
 * Run the expired timers of @type's clock; true if any ran.  "Expired" is
 * judged against the clock value read once on entry, so a callback that
 * re-arms its timer for later does not run again in the same call.
 */
bool qemu_clock_run_timers(QEMUClockType type);
bool qemu_clock_run_all_timers(void);

/* The smaller of two timeouts where -1 means "infinite". */
static inline int64_t qemu_soonest_timeout(int64_t a, int64_t b)
{
    return (uint64_t)a < (uint64_t)b ? a : b;
}

/*
 * Called (besides waking the main loop) whenever a timer is armed so that
 * it becomes the earliest on its clock, so that a running CPU loop can cut
 * its time slice short.  One hook for the whole process; NULL removes it.
 */
void qemu_timer_set_notify_cb(void (*cb)(void *opaque, QEMUClockType type),
                              void *opaque);

/* --- Timer objects --- */

void timer_init_full(QEMUTimer *ts, QEMUTimerListGroup *tlg,
                     QEMUClockType type, int scale, int attributes,
                     QEMUTimerCB *cb, void *opaque);
void timer_init_tl(QEMUTimer *ts, QEMUTimerList *timer_list, int scale,
                   QEMUTimerCB *cb, void *opaque);

static inline void timer_init(QEMUTimer *ts, QEMUClockType type, int scale,
                              QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, NULL, type, scale, 0, cb, opaque);
}

static inline void timer_init_ns(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_NS, cb, opaque);
}

static inline void timer_init_us(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_US, cb, opaque);
}

static inline void timer_init_ms(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_MS, cb, opaque);
}

/* Heap timers: free with timer_free(). */
QEMUTimer *timer_new_full(QEMUTimerListGroup *tlg, QEMUClockType type,
                          int scale, int attributes, QEMUTimerCB *cb,
                          void *opaque);

static inline QEMUTimer *timer_new(QEMUClockType type, int scale,
                                   QEMUTimerCB *cb, void *opaque)
{
    return timer_new_full(NULL, type, scale, 0, cb, opaque);
}

static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_NS, cb, opaque);
}

static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_US, cb, opaque);
}

static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_MS, cb, opaque);
}

/* Disarm and detach an embedded timer; it may be initialised again. */
void timer_deinit(QEMUTimer *ts);
/* Disarm and free a heap timer.  NULL is ignored. */
void timer_free(QEMUTimer *ts);

/* Arm (or re-arm) to fire at absolute time @expire_time, in ns. */
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time);
/* Arm at @expire_time in the timer's own unit (its scale). */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
/* Only move the expiry earlier: leave a sooner pending expiry alone. */
void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time);
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);
/* Disarm; harmless if not pending. */
void timer_del(QEMUTimer *ts);

bool timer_pending(QEMUTimer *ts);
/* Pending and due at @current_time (in the timer's unit). */
bool timer_expired(QEMUTimer *ts, int64_t current_time);
/* Expiry in ns, or -1 if not pending. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

/* --- The virtual clock's modes --- */

/* Normal mode: let the virtual clock follow host time, or freeze it. */
void cpu_enable_ticks(void);
void cpu_disable_ticks(void);
/* The normal-mode virtual clock (what VIRTUAL_RT reads), in ns. */
int64_t cpu_get_clock(void);

/*
 * icount mode: virtual ns = instructions << @shift.  A negative @shift
 * turns icount mode off.  The count comes from the hook (the CPU loop
 * installs it); without a hook the count reads as 0.
 */
void icount_configure_shift(int shift);
bool icount_enabled(void);
void qemu_clock_set_icount_source(int64_t (*get_icount)(void));
int64_t icount_to_ns(int64_t icount);
/* The icount-based virtual time, in ns. */
int64_t icount_get(void);

/*
 * qtest mode: the virtual clock holds whatever value the test set.
 * qemu_clock_advance_virtual_time() moves it forward to @dest, stopping at
 * each timer deadline on the way to run the timers that expire there, and
 * returns the new time.
 */
void qemu_clock_set_qtest_mode(bool enabled);
bool qemu_clock_get_qtest_mode(void);
void qtest_set_virtual_clock(int64_t count);
int64_t qtest_get_virtual_clock(void);
int64_t qemu_clock_advance_virtual_time(int64_t dest);

#endif /* QEMU_TIMER_H */
