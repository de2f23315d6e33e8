/*
 * The front-end side of a chardev: what a UART or a monitor uses.
 *
 * A device embeds a CharBackend (usually filled by DEFINE_PROP_CHR from
 * "chardev=<id>"), installs its handlers with qemu_chr_fe_set_handlers()
 * at realize, writes guest output with qemu_chr_fe_write()/write_all(),
 * and calls qemu_chr_fe_deinit() when it goes away.
 *
 * Flow control: the backend asks can_read() before delivering bytes and
 * hands read() at most that many.  When can_read() returns 0 the backend
 * stops reading its host fd; the front end calls
 * qemu_chr_fe_accept_input() once it has room again (a guest read of the
 * receive register), and reading resumes.
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "chardev/char.h"

typedef int IOCanReadHandler(void *opaque);
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
/* The chardev behind the front end was replaced (returns 0 or -1). */
typedef int BackendChangeHandler(void *opaque);

struct CharBackend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    BackendChangeHandler *chr_be_change;
    void *opaque;
    /* Index among the front ends of a mux. */
    int tag;
    int fe_is_open;
};

/*
 * Attach @b to @chr (NULL: a front end with nothing behind it, whose
 * writes are discarded).  A chardev takes one front end, a mux several
 * (up to MUX_MAX).  false with @errp set if @chr is busy.
 */
bool qemu_chr_fe_init(CharBackend *b, Chardev *chr, Error **errp);
/*
 * Detach: clear the handlers and release the chardev.  With @del, also
 * delete the chardev (for chardevs the front end created itself).
 */
void qemu_chr_fe_deinit(CharBackend *b, bool del);

/* The chardev, or NULL. */
Chardev *qemu_chr_fe_get_driver(CharBackend *be);
/* Whether a chardev is attached. */
bool qemu_chr_fe_backend_connected(CharBackend *be);
/* Whether the host end is open (a socket has a client). */
bool qemu_chr_fe_backend_open(CharBackend *be);

/*
 * Install the handlers (any may be NULL; all NULL stops input).
 * @context must be NULL (the main loop's).  With @set_open the front
 * end is marked open (and CHR_EVENT_OPENED is delivered at once if the
 * host end is already open).
 */
void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open);

/* Room for input again: resume reading from the host end. */
void qemu_chr_fe_accept_input(CharBackend *be);

/*
 * Write what fits now; returns the bytes written (may be fewer than
 * @len), or -1.  Without a chardev, returns @len.
 */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);
/* Write everything, waiting for the host end if needed. */
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);
/* printf-style convenience (write_all). */
void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

void qemu_chr_fe_set_echo(CharBackend *be, bool echo);
void qemu_chr_fe_set_open(CharBackend *be, bool is_open);
/* Drop the host end's connection, if it has one. */
void qemu_chr_fe_disconnect(CharBackend *be);

#endif /* CHARDEV_CHAR_FE_H */
