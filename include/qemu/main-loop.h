/*
 * The main loop (design.md section 3): one thread that waits for file
 * descriptors, timers and bottom halves, built on glib's default
 * GMainContext so that code using g_io_add_watch(), g_timeout_add() or
 * any other GSource on the default context is served by the same loop.
 *
 * One iteration, main_loop_wait():
 *   1. work out how long it may sleep: not at all if a bottom half is
 *      scheduled or @nonblocking is set, else until the earliest timer
 *      deadline or glib source timeout, whichever is sooner;
 *   2. poll every file descriptor (fd handlers, GSources, the wake-up
 *      notifier) for at most that long;
 *   3. dispatch ready fd handlers and GSources;
 *   4. run the bottom halves that were scheduled when this step began (one
 *      scheduled during this step runs in the next iteration, which then
 *      does not sleep);
 *   5. run expired timers on every clock.
 *
 * All callbacks run in the thread calling main_loop_wait().  From any
 * other thread, or a signal handler, only qemu_notify_event() and
 * qemu_bh_schedule() may be used; timers may also be armed from another
 * thread (see qemu/timer.h).
 */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

#include "qapi/error.h"

/*
 * Set up the main loop (the wake-up notifier).  Returns 0, or -1 with
 * @errp set.  Calling it again is harmless; main_loop_wait() calls it on
 * first use.
 */
int qemu_init_main_loop(Error **errp);

/* Run one iteration; with @nonblocking, never sleep. */
void main_loop_wait(int nonblocking);

/*
 * Wake up a main_loop_wait() that is sleeping, so that it re-evaluates
 * what to wait for.  Async-signal-safe and callable from any thread.
 */
void qemu_notify_event(void);

/* --- File descriptor handlers --- */

typedef void IOHandler(void *opaque);

/*
 * Call @fd_read when @fd is readable (or hung up / in error) and
 * @fd_write when it is writable.  Replaces any previous handlers for @fd;
 * both NULL removes them.  Safe to call from inside a handler, including
 * to remove the handler that is running.
 */
void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque);

/* --- Bottom halves --- */

/*
 * A bottom half is a callback to run soon from the main loop, outside the
 * code that scheduled it: the standard way to defer work out of a device
 * callback, or to hand work from another thread to the main loop.
 */
typedef void QEMUBHFunc(void *opaque);
typedef struct QEMUBH QEMUBH;

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);
/*
 * Run @bh once at the next opportunity.  Scheduling an already scheduled
 * BH does nothing.  Wakes up the main loop; callable from any thread.
 */
void qemu_bh_schedule(QEMUBH *bh);
/*
 * Like qemu_bh_schedule(), but for work that is not urgent: the main loop
 * is not woken for it and will run it within about 10 ms.
 */
void qemu_bh_schedule_idle(QEMUBH *bh);
/* Unschedule @bh if it has not run yet. */
void qemu_bh_cancel(QEMUBH *bh);
/*
 * Cancel and free @bh.  Safe from inside any BH callback, @bh's own
 * included; NULL is ignored.
 */
void qemu_bh_delete(QEMUBH *bh);
/* Run @cb(@opaque) once from the main loop; the BH frees itself. */
void qemu_bh_schedule_oneshot(QEMUBHFunc *cb, void *opaque);

#endif /* QEMU_MAIN_LOOP_H */
