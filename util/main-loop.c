/*
 * The glib-based main loop; see include/qemu/main-loop.h.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"

#include <poll.h>
#include <sys/eventfd.h>

/* Idle bottom halves wait at most this long for something else to wake us. */
#define IDLE_BH_MAX_DELAY_NS (10 * SCALE_MS)

static bool main_loop_initialized;
/* eventfd written by qemu_notify_event(); -1 until initialised. */
static int notify_fd = -1;
/* Reused poll array, resized as the number of GSource fds grows. */
static GArray *gpollfds;

/* --- File descriptor handlers --- */

/*
 * One GSource per watched fd.  The handler fields live inside the GSource,
 * which glib keeps referenced while it dispatches it, so a handler may
 * remove itself without pulling the record out from under us.
 */
typedef struct IOHandlerSource {
    GSource source;
    int fd;
    gpointer tag;
    IOHandler *fd_read;
    IOHandler *fd_write;
    void *opaque;
    bool deleted;
} IOHandlerSource;

/* fd -> IOHandlerSource *; the table owns one reference to each source. */
static GHashTable *fd_handlers;

static gboolean ioh_dispatch(GSource *source, GSourceFunc callback,
                             gpointer user_data)
{
    IOHandlerSource *ioh = (IOHandlerSource *)source;
    GIOCondition rev = g_source_query_unix_fd(source, ioh->tag);

    if (ioh->fd_read && (rev & (G_IO_IN | G_IO_HUP | G_IO_ERR))) {
        ioh->fd_read(ioh->opaque);
    }
    /* The read handler may have removed or replaced us. */
    if (!ioh->deleted && ioh->fd_write && (rev & (G_IO_OUT | G_IO_ERR))) {
        ioh->fd_write(ioh->opaque);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs ioh_source_funcs = {
    .dispatch = ioh_dispatch,
};

static void ioh_source_release(gpointer data)
{
    IOHandlerSource *ioh = data;

    ioh->deleted = true;
    g_source_destroy(&ioh->source);
    g_source_unref(&ioh->source);
}

static GIOCondition ioh_condition(IOHandler *fd_read, IOHandler *fd_write)
{
    GIOCondition cond = 0;

    if (fd_read) {
        cond |= G_IO_IN | G_IO_HUP | G_IO_ERR;
    }
    if (fd_write) {
        cond |= G_IO_OUT | G_IO_ERR;
    }
    return cond;
}

void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque)
{
    IOHandlerSource *ioh;

    g_assert(fd >= 0);
    if (!fd_handlers) {
        fd_handlers = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                            NULL, ioh_source_release);
    }
    ioh = g_hash_table_lookup(fd_handlers, GINT_TO_POINTER(fd));

    if (!fd_read && !fd_write) {
        if (ioh) {
            g_hash_table_remove(fd_handlers, GINT_TO_POINTER(fd));
        }
        return;
    }

    if (!ioh) {
        ioh = (IOHandlerSource *)g_source_new(&ioh_source_funcs,
                                              sizeof(IOHandlerSource));
        g_source_set_name(&ioh->source, "qemu-fd-handler");
        ioh->fd = fd;
        ioh->tag = g_source_add_unix_fd(&ioh->source, fd,
                                        ioh_condition(fd_read, fd_write));
        g_source_attach(&ioh->source, NULL);
        g_hash_table_insert(fd_handlers, GINT_TO_POINTER(fd), ioh);
    } else {
        g_source_modify_unix_fd(&ioh->source, ioh->tag,
                                ioh_condition(fd_read, fd_write));
    }
    ioh->fd_read = fd_read;
    ioh->fd_write = fd_write;
    ioh->opaque = opaque;
}

/* --- Wake-up notifier --- */

void qemu_notify_event(void)
{
    uint64_t one = 1;
    int saved_errno = errno;
    ssize_t ret;

    if (notify_fd < 0) {
        return;
    }
    /*
     * write() is async-signal-safe.  EAGAIN means the counter is already
     * huge, i.e. a wake-up is pending anyway.
     */
    do {
        ret = write(notify_fd, &one, sizeof(one));
    } while (ret < 0 && errno == EINTR);
    errno = saved_errno;
}

static void notify_fd_read(void *opaque)
{
    uint64_t count;
    ssize_t ret;

    do {
        ret = read(notify_fd, &count, sizeof(count));
    } while (ret < 0 && errno == EINTR);
}

int qemu_init_main_loop(Error **errp)
{
    if (main_loop_initialized) {
        return 0;
    }
    notify_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (notify_fd < 0) {
        error_setg_errno(errp, errno, "Failed to create the main loop's "
                         "event notifier");
        return -1;
    }
    qemu_set_fd_handler(notify_fd, notify_fd_read, NULL, NULL);
    gpollfds = g_array_new(false, false, sizeof(GPollFD));
    main_loop_initialized = true;
    return 0;
}

/* --- Bottom halves --- */

struct QEMUBH {
    QEMUBHFunc *cb;
    void *opaque;
    /* All flags are guarded by bh_lock. */
    bool scheduled;     /* should run at the next bh_poll() */
    bool idle;          /* scheduled without waking the loop */
    bool queued;        /* on bh_pending or in a bh_poll() batch */
    bool running;       /* its callback is executing */
    bool deleted;       /* qemu_bh_delete() was called */
    bool oneshot;       /* delete after running once */
};

static GMutex bh_lock;
static GQueue bh_pending = G_QUEUE_INIT;   /* of QEMUBH *, schedule order */

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = g_new0(QEMUBH, 1);

    bh->cb = cb;
    bh->opaque = opaque;
    return bh;
}

/* Mark @bh scheduled and queue it if needed.  Call with bh_lock held. */
static void bh_schedule_locked(QEMUBH *bh, bool idle)
{
    if (bh->deleted) {
        return;
    }
    if (bh->scheduled) {
        /* An urgent schedule upgrades a pending idle one. */
        bh->idle = bh->idle && idle;
        return;
    }
    bh->scheduled = true;
    bh->idle = idle;
    if (!bh->queued) {
        bh->queued = true;
        g_queue_push_tail(&bh_pending, bh);
    }
}

void qemu_bh_schedule(QEMUBH *bh)
{
    g_mutex_lock(&bh_lock);
    bh_schedule_locked(bh, false);
    g_mutex_unlock(&bh_lock);
    qemu_notify_event();
}

void qemu_bh_schedule_idle(QEMUBH *bh)
{
    g_mutex_lock(&bh_lock);
    bh_schedule_locked(bh, true);
    g_mutex_unlock(&bh_lock);
}

void qemu_bh_cancel(QEMUBH *bh)
{
    g_mutex_lock(&bh_lock);
    bh->scheduled = false;
    g_mutex_unlock(&bh_lock);
}

void qemu_bh_delete(QEMUBH *bh)
{
    bool free_now;

    if (!bh) {
        return;
    }
    g_mutex_lock(&bh_lock);
    bh->deleted = true;
    bh->scheduled = false;
    /* A queue entry or a running callback still points at it. */
    free_now = !bh->queued && !bh->running;
    g_mutex_unlock(&bh_lock);
    if (free_now) {
        g_free(bh);
    }
}

void qemu_bh_schedule_oneshot(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = qemu_bh_new(cb, opaque);

    bh->oneshot = true;
    qemu_bh_schedule(bh);
}

/*
 * Run the BHs that are scheduled now.  The pending queue is swapped out
 * first, so a BH scheduled by one of these callbacks waits for the next
 * call instead of starving everything else.  Returns true if any ran.
 */
static bool bh_poll(void)
{
    GQueue batch = G_QUEUE_INIT;
    bool progress = false;
    QEMUBH *bh;

    g_mutex_lock(&bh_lock);
    batch = bh_pending;
    g_queue_init(&bh_pending);
    g_mutex_unlock(&bh_lock);

    while ((bh = g_queue_pop_head(&batch))) {
        bool run, free_it;

        g_mutex_lock(&bh_lock);
        bh->queued = false;
        run = bh->scheduled && !bh->deleted;
        bh->scheduled = false;
        bh->running = run;
        g_mutex_unlock(&bh_lock);

        if (run) {
            bh->cb(bh->opaque);
            progress = true;
            g_mutex_lock(&bh_lock);
            bh->running = false;
            if (bh->oneshot) {
                bh->deleted = true;
                bh->scheduled = false;
            }
            g_mutex_unlock(&bh_lock);
        }
        /*
         * Deleted while queued or running: qemu_bh_delete() left the free
         * to us, and nothing else points at it any more.
         */
        g_mutex_lock(&bh_lock);
        free_it = bh->deleted && !bh->queued && !bh->running;
        g_mutex_unlock(&bh_lock);
        if (free_it) {
            g_free(bh);
        }
    }
    return progress;
}

/* How long pending BHs let us sleep: 0, the idle delay, or -1 (forever). */
static int64_t bh_timeout_ns(void)
{
    int64_t timeout = -1;

    g_mutex_lock(&bh_lock);
    for (GList *l = bh_pending.head; l; l = l->next) {
        QEMUBH *bh = l->data;

        if (!bh->scheduled) {
            continue;
        }
        if (!bh->idle) {
            timeout = 0;
            break;
        }
        timeout = IDLE_BH_MAX_DELAY_NS;
    }
    g_mutex_unlock(&bh_lock);
    return timeout;
}

/* --- The loop --- */

/* Wait for @fds for up to @timeout_ns (-1: forever). */
static int poll_ns(GPollFD *fds, guint nfds, int64_t timeout_ns)
{
    struct timespec ts;
    int ret;

    QEMU_BUILD_BUG_ON(sizeof(GPollFD) != sizeof(struct pollfd));
    if (timeout_ns >= 0) {
        ts.tv_sec = timeout_ns / 1000000000LL;
        ts.tv_nsec = timeout_ns % 1000000000LL;
    }
    ret = ppoll((struct pollfd *)fds, nfds, timeout_ns >= 0 ? &ts : NULL,
                NULL);
    if (ret < 0 && errno != EINTR) {
        g_error("main loop: ppoll failed: %s", g_strerror(errno));
    }
    return ret;
}

void main_loop_wait(int nonblocking)
{
    GMainContext *ctx = g_main_context_default();
    gint max_priority;
    gint glib_timeout_ms;
    int64_t timeout_ns;
    gint nfds;

    qemu_init_main_loop(&error_fatal);
    if (!g_main_context_acquire(ctx)) {
        g_error("main loop: the default GMainContext is owned by "
                "another thread");
    }

    if (g_main_context_prepare(ctx, &max_priority)) {
        /* A GSource is ready already: do not sleep. */
        nonblocking = true;
    }
    for (;;) {
        nfds = g_main_context_query(ctx, max_priority, &glib_timeout_ms,
                                    (GPollFD *)gpollfds->data,
                                    gpollfds->len);
        if ((guint)nfds <= gpollfds->len) {
            break;
        }
        g_array_set_size(gpollfds, nfds);
    }

    if (nonblocking) {
        timeout_ns = 0;
    } else {
        timeout_ns = glib_timeout_ms < 0 ? -1
                     : (int64_t)glib_timeout_ms * SCALE_MS;
        timeout_ns = qemu_soonest_timeout(timeout_ns, bh_timeout_ns());
        timeout_ns = qemu_soonest_timeout(
            timeout_ns, timerlistgroup_deadline_ns(&main_loop_tlg));
    }

    poll_ns((GPollFD *)gpollfds->data, nfds, timeout_ns);

    if (g_main_context_check(ctx, max_priority, (GPollFD *)gpollfds->data,
                             nfds)) {
        g_main_context_dispatch(ctx);
    }
    g_main_context_release(ctx);

    bh_poll();
    qemu_clock_run_all_timers();
}
