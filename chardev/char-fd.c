/*
 * chardev-fd: backends made of host file descriptors; see
 * include/chardev/char-fd.h.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fd.h"
#include "chardev/char-fe.h"
#include "chardev/char-io.h"

static void fd_chr_read(Chardev *chr, int fd, int len)
{
    FDChardev *s = FD_CHARDEV(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    ssize_t ret;

    do {
        ret = read(fd, buf, len);
    } while (ret < 0 && errno == EINTR);
    if (ret < 0 && errno == EAGAIN) {
        return;
    }
    if (ret <= 0) {
        /* End of input (or a dead fd): stop reading, keep writing. */
        qemu_chr_read_watch_remove(&s->read_watch);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
        return;
    }
    qemu_chr_be_write(chr, buf, ret);
}

static int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    FDChardev *s = FD_CHARDEV(chr);

    if (s->fd_out < 0) {
        return len;
    }
    return qemu_chr_write_fd(s->fd_out, buf, len);
}

static void fd_chr_update_read_handler(Chardev *chr)
{
    FDChardev *s = FD_CHARDEV(chr);

    /* The watch itself asks the front end before every poll. */
    if (s->fd_in >= 0 && !s->read_watch && chr->be && chr->be->chr_read) {
        s->read_watch = qemu_chr_read_watch_new(chr, s->fd_in, fd_chr_read);
    } else if (s->read_watch && !(chr->be && chr->be->chr_read)) {
        qemu_chr_read_watch_remove(&s->read_watch);
    }
}

void qemu_chr_fd_attach(Chardev *chr, int fd_in, int fd_out, bool own)
{
    FDChardev *s = FD_CHARDEV(chr);

    s->fd_in = fd_in;
    s->fd_out = fd_out;
    s->own_fds = own;
    fd_chr_update_read_handler(chr);
}

static void fd_chr_init(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    s->fd_in = -1;
    s->fd_out = -1;
}

static void fd_chr_finalize(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    qemu_chr_read_watch_remove(&s->read_watch);
    if (s->own_fds) {
        if (s->fd_in >= 0) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0 && s->fd_out != s->fd_in) {
            close(s->fd_out);
        }
    }
}

static void fd_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = fd_chr_write;
    cc->chr_update_read_handler = fd_chr_update_read_handler;
}

static const TypeInfo char_fd_type_info = {
    .name = TYPE_CHARDEV_FD,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(FDChardev),
    .instance_init = fd_chr_init,
    .instance_finalize = fd_chr_finalize,
    .abstract = true,
    .class_init = fd_chr_class_init,
};

static void char_fd_register_types(void)
{
    type_register_static(&char_fd_type_info);
}

type_init(char_fd_register_types)
