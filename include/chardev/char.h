/*
 * Character devices (chardevs): the host end of a byte stream.
 *
 * A Chardev is a QOM object of a type derived from TYPE_CHARDEV
 * ("chardev"); each backend is a subtype called "chardev-<backend>"
 * (stdio, file, null, socket, pty, mux).  User-created chardevs live at
 * /chardevs/<id>.  A device (the "front end") talks to one through a
 * CharBackend (chardev/char-fe.h); bytes from the host reach the front
 * end through its can_read/read handlers, bytes from the guest go out
 * with qemu_chr_fe_write().
 *
 * Backends are configured with QemuOpts of the "chardev" group, the
 * same options -chardev takes: "socket,id=s0,port=4444,server=on".
 * See docs/system/invocation.rst for the list.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qom/object.h"
#include "qemu/option.h"

/* Events a chardev reports to its front end. */
typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,        /* a serial BREAK (mux: C-a b) */
    CHR_EVENT_OPENED,       /* the host end connected / became usable */
    CHR_EVENT_MUX_IN,       /* this front end got the mux's focus */
    CHR_EVENT_MUX_OUT,      /* this front end lost the mux's focus */
    CHR_EVENT_CLOSED,       /* the host end went away (socket client) */
} QEMUChrEvent;

/* Most bytes a backend reads from its host fd at once. */
#define CHR_READ_BUF_LEN 4096

typedef struct CharBackend CharBackend;

#define TYPE_CHARDEV "chardev"
OBJECT_DECLARE_TYPE(Chardev, ChardevClass, CHARDEV)

#define TYPE_CHARDEV_NULL   "chardev-null"
#define TYPE_CHARDEV_STDIO  "chardev-stdio"
#define TYPE_CHARDEV_FILE   "chardev-file"
#define TYPE_CHARDEV_SOCKET "chardev-socket"
#define TYPE_CHARDEV_PTY    "chardev-pty"
#define TYPE_CHARDEV_MUX    "chardev-mux"

struct Chardev {
    Object parent_obj;

    /* The id ("serial0", "s0"). */
    char *label;
    /* A description of the host end for "info chardev", e.g. "pty:..". */
    char *filename;
    /* logfile=: everything written to the host end is copied here. */
    int logfd;
    /* The host end is open (a socket has a client, a pty a reader). */
    int be_open;
    /* The front end using us, or NULL (a mux has its own list). */
    CharBackend *be;
};

struct ChardevClass {
    ObjectClass parent_class;

    /* Not creatable by -chardev (e.g. a mux is made by mux=on). */
    bool internal;
    /*
     * Open the host end from @opts (the "chardev" group).  Set
     * *be_opened to false if the host end is not usable yet (a socket
     * waiting for its client); CHR_EVENT_OPENED is then sent later with
     * qemu_chr_be_event().  Fails through @errp.
     */
    void (*open)(Chardev *chr, QemuOpts *opts, bool *be_opened,
                 Error **errp);
    /*
     * Write up to @len bytes to the host end.  Returns the number written
     * (possibly 0 when the host end would block), or -1 with errno set
     * (EAGAIN: try again later).  A backend whose host end is gone
     * returns @len: the guest's output simply disappears.
     */
    int (*chr_write)(Chardev *chr, const uint8_t *buf, int len);
    /* The front end's read handlers changed: start or stop reading. */
    void (*chr_update_read_handler)(Chardev *chr);
    /* The front end opened or closed its side. */
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    /* An event for the front end(s); a mux fans it out. */
    void (*chr_be_event)(Chardev *chr, QEMUChrEvent event);
    /* The front end can take more input now. */
    void (*chr_accept_input)(Chardev *chr);
    /* Turn terminal echo on or off (stdio). */
    void (*chr_set_echo)(Chardev *chr, bool echo);
    /* Drop the connection (socket); returns -1 if there is none. */
    int (*chr_disconnect)(Chardev *chr);
};

/* ---- creating and finding chardevs --------------------------------- */

/* The "chardev" option group (registered with qemu_add_opts on use). */
extern QemuOptsList qemu_chardev_opts;

/*
 * Translate the legacy one-string syntax of -serial / -monitor / -qmp
 * ("stdio", "null", "pty", "file:PATH", "tcp:HOST:PORT[,opts]",
 * "unix:PATH[,opts]", "mon:<rest>", "vc", "none") into "chardev" options
 * with id @label.  "mon:" sets mux=on; *is_mon_mux is set in that case
 * (may be NULL).  Returns NULL with @errp set for an unknown syntax.
 * The QemuOpts are not put on any list; free them with qemu_opts_del().
 */
QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool *is_mon_mux, Error **errp);

/*
 * Create a chardev from @opts (a -chardev entry; "backend" and "id"
 * required).  With mux=on the backend is created as "<id>-base" and a
 * mux called <id> is put on top of it.  The chardev is added at
 * /chardevs/<id>.  Returns NULL with @errp set on failure, leaving
 * nothing behind.
 */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp);

/*
 * Create a chardev called @label from a legacy string (see
 * qemu_chr_parse_compat); "chardev:ID" returns the existing chardev ID
 * instead.  Returns NULL with @errp set on failure.
 */
Chardev *qemu_chr_new_err(const char *label, const char *filename,
                          Error **errp);
/* Same; errors are reported with error_report(). */
Chardev *qemu_chr_new(const char *label, const char *filename,
                      GMainContext *context);
/* Same, for a mux ("mon:..."): the caller attaches a monitor too. */
Chardev *qemu_chr_new_mux_mon(const char *label, const char *filename,
                              GMainContext *context);

/* The chardev with id @name, or NULL. */
Chardev *qemu_chr_find(const char *name);

/*
 * Remove the chardev @id (it must not be in use by a front end).  false
 * with @errp set if it does not exist or is busy.
 */
bool qemu_chr_delete(const char *id, Error **errp);

/* Unparent every chardev (at exit): /chardevs is emptied. */
void qemu_chr_cleanup(void);

/* List the backends (-chardev help) on stdout. */
void qemu_chr_print_backends(void);

/* Whether a backend called @name exists (and may be created by users). */
bool qemu_chr_backend_exists(const char *name);

/* Call @fn for each chardev at /chardevs, in creation order. */
void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque);

/* ---- the backend side (used by backend implementations) ------------ */

/* How many bytes the front end can take now (0: stop reading). */
int qemu_chr_be_can_write(Chardev *chr);
/* Hand @len bytes read from the host to the front end. */
void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len);
/* Report @event to the front end (tracks be_open for OPENED/CLOSED). */
void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event);

/*
 * Write @len bytes through @chr's backend.  With @write_all, retry
 * until everything is written (waiting for the host end when it would
 * block); otherwise write what fits.  Also copies to the logfile.
 * Returns the bytes written or -1.
 */
int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len,
                   bool write_all);

/* Whether @chr is a mux. */
bool qemu_chr_is_mux(Chardev *chr);

/* "disconnected:tcp:..." etc.: the host end for messages. */
const char *qemu_chr_get_filename(Chardev *chr);

#endif /* CHARDEV_CHAR_H */
