/*
 * chardev-pty: a pseudo-terminal; the guest's side is the master, the
 * user connects a terminal program to the slave (/dev/pts/N, printed at
 * start-up).
 *
 * Until someone opens the slave, and after they close it, the master
 * reports a hang-up on every poll.  So while nobody is connected the fd
 * is not watched at all; a once-a-second timer looks for a reader, and
 * output is dropped in the meantime (as on a serial line with nothing
 * plugged in).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-io.h"
#include "chardev/char-fe.h"

#include <poll.h>
#include <pty.h>
#include <termios.h>

#define PTY_POLL_MS 1000

#define TYPE_PTY_CHARDEV TYPE_CHARDEV_PTY
OBJECT_DECLARE_SIMPLE_TYPE(PtyChardev, PTY_CHARDEV)

struct PtyChardev {
    Chardev parent_obj;

    int fd;                 /* the master */
    bool connected;
    GSource *read_watch;
    QEMUTimer *timer;
};

static void pty_chr_state(Chardev *chr, bool connected);

static void pty_chr_read(Chardev *chr, int fd, int len)
{
    uint8_t buf[CHR_READ_BUF_LEN];
    ssize_t ret;

    do {
        ret = read(fd, buf, len);
    } while (ret < 0 && errno == EINTR);
    if (ret < 0 && errno == EAGAIN) {
        return;
    }
    if (ret <= 0) {
        /* EIO: the last user of the slave closed it. */
        pty_chr_state(chr, false);
        return;
    }
    qemu_chr_be_write(chr, buf, ret);
}

static void pty_chr_update_read_handler(Chardev *chr)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    bool want = s->connected && chr->be && chr->be->chr_read;

    if (want && !s->read_watch) {
        s->read_watch = qemu_chr_read_watch_new(chr, s->fd, pty_chr_read);
    } else if (!want && s->read_watch) {
        qemu_chr_read_watch_remove(&s->read_watch);
    }
}

static void pty_chr_state(Chardev *chr, bool connected)
{
    PtyChardev *s = PTY_CHARDEV(chr);

    if (s->connected == connected) {
        return;
    }
    s->connected = connected;
    pty_chr_update_read_handler(chr);
    if (connected) {
        timer_del(s->timer);
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    } else {
        timer_mod(s->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) +
                            PTY_POLL_MS);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    }
}

/* Is anyone holding the slave open? */
static bool pty_chr_has_reader(PtyChardev *s)
{
    struct pollfd pfd = { .fd = s->fd, .events = POLLOUT };

    return poll(&pfd, 1, 0) >= 0 && !(pfd.revents & POLLHUP);
}

static void pty_chr_timer(void *opaque)
{
    Chardev *chr = opaque;
    PtyChardev *s = PTY_CHARDEV(chr);

    if (pty_chr_has_reader(s)) {
        pty_chr_state(chr, true);
    } else {
        timer_mod(s->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) +
                            PTY_POLL_MS);
    }
}

static int pty_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    PtyChardev *s = PTY_CHARDEV(chr);

    if (!s->connected && pty_chr_has_reader(s)) {
        pty_chr_state(chr, true);
    }
    if (!s->connected) {
        return len;
    }
    return qemu_chr_write_fd(s->fd, buf, len);
}

static void pty_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    struct termios tty;
    char name[PATH_MAX];
    int slave;

    if (openpty(&s->fd, &slave, name, NULL, NULL) < 0) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        s->fd = -1;
        return;
    }
    /* The guest decides about echo and line editing, not the pty. */
    if (tcgetattr(slave, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(slave, TCSAFLUSH, &tty);
    }
    close(slave);
    fcntl(s->fd, F_SETFD, FD_CLOEXEC);
    qemu_chr_set_nonblock(s->fd, true);

    chr->filename = g_strdup_printf("pty:%s", name);
    error_printf("char device redirected to %s (label %s)\n", name,
                 chr->label);
    s->timer = timer_new_ms(QEMU_CLOCK_REALTIME, pty_chr_timer, chr);
    timer_mod(s->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) +
                        PTY_POLL_MS);
    *be_opened = false;
}

static void pty_chr_init(Object *obj)
{
    PTY_CHARDEV(obj)->fd = -1;
}

static void pty_chr_finalize(Object *obj)
{
    PtyChardev *s = PTY_CHARDEV(obj);

    qemu_chr_read_watch_remove(&s->read_watch);
    timer_free(s->timer);
    if (s->fd >= 0) {
        close(s->fd);
    }
}

static void pty_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = pty_chr_open;
    cc->chr_write = pty_chr_write;
    cc->chr_update_read_handler = pty_chr_update_read_handler;
}

const TypeInfo char_pty_type_info = {
    .name = TYPE_CHARDEV_PTY,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(PtyChardev),
    .instance_init = pty_chr_init,
    .instance_finalize = pty_chr_finalize,
    .class_init = pty_chr_class_init,
};

static void char_pty_register_types(void)
{
    type_register_static(&char_pty_type_info);
}

type_init(char_pty_register_types)
