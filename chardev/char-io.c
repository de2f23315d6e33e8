/*
 * fd helpers for chardev backends; see include/chardev/char-io.h.
 */
#include "qemu/osdep.h"
#include "chardev/char-io.h"

typedef struct ChrReadWatch {
    GSource source;
    Chardev *chr;
    int fd;
    gpointer tag;           /* the fd's poll record, NULL while paused */
    ChrReadWatchFunc *fn;
} ChrReadWatch;

static gboolean chr_read_watch_prepare(GSource *source, gint *timeout)
{
    ChrReadWatch *w = (ChrReadWatch *)source;
    bool want = qemu_chr_be_can_write(w->chr) > 0;

    /*
     * Poll the fd only while the front end has room.  Removing the fd
     * (rather than polling it with no events) matters: poll() reports
     * a hang-up even for an empty event mask, which would spin.
     */
    if (want && !w->tag) {
        w->tag = g_source_add_unix_fd(source, w->fd,
                                      G_IO_IN | G_IO_HUP | G_IO_ERR);
    } else if (!want && w->tag) {
        g_source_remove_unix_fd(source, w->tag);
        w->tag = NULL;
    }
    *timeout = -1;
    return FALSE;
}

static gboolean chr_read_watch_dispatch(GSource *source, GSourceFunc cb,
                                        gpointer data)
{
    ChrReadWatch *w = (ChrReadWatch *)source;
    int len;

    if (!w->tag || !g_source_query_unix_fd(source, w->tag)) {
        return G_SOURCE_CONTINUE;
    }
    len = qemu_chr_be_can_write(w->chr);
    if (len > 0) {
        w->fn(w->chr, w->fd, MIN(len, CHR_READ_BUF_LEN));
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs chr_read_watch_funcs = {
    .prepare = chr_read_watch_prepare,
    .dispatch = chr_read_watch_dispatch,
};

GSource *qemu_chr_read_watch_new(Chardev *chr, int fd, ChrReadWatchFunc *fn)
{
    ChrReadWatch *w = (ChrReadWatch *)g_source_new(&chr_read_watch_funcs,
                                                   sizeof(ChrReadWatch));

    g_source_set_name(&w->source, "chardev-read");
    w->chr = chr;
    w->fd = fd;
    w->fn = fn;
    g_source_attach(&w->source, NULL);
    return &w->source;
}

void qemu_chr_read_watch_remove(GSource **watch)
{
    if (*watch) {
        g_source_destroy(*watch);
        g_source_unref(*watch);
        *watch = NULL;
    }
}

int qemu_chr_write_fd(int fd, const uint8_t *buf, int len)
{
    int done = 0;

    while (done < len) {
        ssize_t ret = write(fd, buf + done, len - done);

        if (ret < 0) {
            if (errno == EINTR) {
                continue;
            }
            return done ? done : -1;
        }
        done += ret;
    }
    return done;
}

void qemu_chr_set_nonblock(int fd, bool nonblock)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0) {
        return;
    }
    flags = nonblock ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    fcntl(fd, F_SETFL, flags);
}
