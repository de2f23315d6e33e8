/*
 * The front-end API: see include/chardev/char-fe.h.
 *
 * A front end holds a reference on its chardev, so a chardev deleted
 * from /chardevs (or a mux's shared chardev) stays valid until the last
 * front end lets go of it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"

bool qemu_chr_fe_init(CharBackend *b, Chardev *chr, Error **errp)
{
    int tag = 0;

    if (chr && qemu_chr_is_mux(chr)) {
        tag = mux_chr_attach_frontend(MUX_CHARDEV(chr), b, errp);
        if (tag < 0) {
            return false;
        }
    } else if (chr) {
        if (chr->be) {
            error_setg(errp, "chardev '%s' is already in use", chr->label);
            return false;
        }
        chr->be = b;
    }
    b->chr = chr ? CHARDEV(object_ref(chr)) : NULL;
    b->tag = tag;
    b->fe_is_open = 0;
    b->chr_can_read = NULL;
    b->chr_read = NULL;
    b->chr_event = NULL;
    b->chr_be_change = NULL;
    b->opaque = NULL;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *b, bool del)
{
    Chardev *chr = b->chr;

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(b, NULL, NULL, NULL, NULL, NULL, NULL, false);
    if (qemu_chr_is_mux(chr)) {
        mux_chr_detach_frontend(MUX_CHARDEV(chr), b->tag);
    } else if (chr->be == b) {
        chr->be = NULL;
    }
    b->chr = NULL;
    if (del && OBJECT(chr)->parent) {
        object_unparent(OBJECT(chr));
    }
    object_unref(chr);
}

Chardev *qemu_chr_fe_get_driver(CharBackend *be)
{
    return be->chr;
}

bool qemu_chr_fe_backend_connected(CharBackend *be)
{
    return be->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharBackend *be)
{
    return be->chr && be->chr->be_open;
}

void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open)
{
    Chardev *chr = b->chr;
    ChardevClass *cc;
    bool fe_open;

    g_assert(!context);
    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    fe_open = fd_can_read || fd_read || fd_event;
    b->chr_can_read = fd_can_read;
    b->chr_read = fd_read;
    b->chr_event = fd_event;
    b->chr_be_change = be_change;
    b->opaque = opaque;

    if (cc->chr_update_read_handler) {
        cc->chr_update_read_handler(chr);
    }
    if (set_open) {
        qemu_chr_fe_set_open(b, fe_open);
    }
    if (fe_open) {
        /* The front end that set up its handlers last gets the input. */
        if (qemu_chr_is_mux(chr)) {
            mux_set_focus(chr, b->tag);
        }
        /* Connecting to a host end that is already open: say so. */
        if (chr->be_open && fd_event &&
            (!qemu_chr_is_mux(chr) || qemu_chr_muxes_opened())) {
            fd_event(opaque, CHR_EVENT_OPENED);
        }
    }
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;

    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    if (cc->chr_accept_input) {
        cc->chr_accept_input(chr);
    }
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return len;
    }
    return qemu_chr_write(be->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return len;
    }
    return qemu_chr_write(be->chr, buf, len, true);
}

void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
{
    g_autofree char *s = NULL;
    va_list ap;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_chr_fe_write_all(be, (const uint8_t *)s, strlen(s));
}

void qemu_chr_fe_set_echo(CharBackend *be, bool echo)
{
    Chardev *chr = be->chr;

    if (chr && CHARDEV_GET_CLASS(chr)->chr_set_echo) {
        CHARDEV_GET_CLASS(chr)->chr_set_echo(chr, echo);
    }
}

void qemu_chr_fe_set_open(CharBackend *be, bool is_open)
{
    Chardev *chr = be->chr;

    if (!chr || be->fe_is_open == is_open) {
        return;
    }
    be->fe_is_open = is_open;
    if (CHARDEV_GET_CLASS(chr)->chr_set_fe_open) {
        CHARDEV_GET_CLASS(chr)->chr_set_fe_open(chr, is_open);
    }
}

void qemu_chr_fe_disconnect(CharBackend *be)
{
    Chardev *chr = be->chr;

    if (chr && CHARDEV_GET_CLASS(chr)->chr_disconnect) {
        CHARDEV_GET_CLASS(chr)->chr_disconnect(chr);
    }
}
