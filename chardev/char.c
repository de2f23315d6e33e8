/*
 * Chardev core: the base type, creation from options, the /chardevs
 * registry and the backend-side helpers.  See include/chardev/char.h.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/config-file.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"

/* ---- the option group ------------------------------------------------ */

/*
 * Every key any backend understands; each backend reads the ones it
 * needs.  Shared by -chardev and by the private list the legacy
 * syntax is parsed into.
 */
#define CHARDEV_OPT_DESCS \
    { .name = "backend", .type = QEMU_OPT_STRING, \
      .help = "the backend type (null, stdio, file, socket, pty)" }, \
    { .name = "path", .type = QEMU_OPT_STRING, \
      .help = "file name (file) or socket path (unix socket)" }, \
    { .name = "host", .type = QEMU_OPT_STRING, \
      .help = "TCP host name or address" }, \
    { .name = "port", .type = QEMU_OPT_STRING, \
      .help = "TCP port number or service name" }, \
    { .name = "server", .type = QEMU_OPT_BOOL, \
      .help = "listen for a client instead of connecting" }, \
    { .name = "wait", .type = QEMU_OPT_BOOL, \
      .help = "server: wait for a client before starting" }, \
    { .name = "nodelay", .type = QEMU_OPT_BOOL, \
      .help = "disable Nagle's algorithm (TCP)" }, \
    { .name = "reconnect", .type = QEMU_OPT_NUMBER, \
      .help = "client: seconds between reconnection attempts" }, \
    { .name = "mux", .type = QEMU_OPT_BOOL, \
      .help = "share the chardev between several front ends" }, \
    { .name = "signal", .type = QEMU_OPT_BOOL, \
      .help = "stdio: let Ctrl-C raise SIGINT (default on)" }, \
    { .name = "append", .type = QEMU_OPT_BOOL, \
      .help = "file: append instead of truncating" }, \
    { .name = "logfile", .type = QEMU_OPT_STRING, \
      .help = "copy all output to this file" }, \
    { .name = "logappend", .type = QEMU_OPT_BOOL, \
      .help = "append to the logfile instead of truncating" }, \
    { .name = "chardev", .type = QEMU_OPT_STRING, \
      .help = "mux: the chardev to multiplex" }, \
    { }

QemuOptsList qemu_chardev_opts = {
    .name = "chardev",
    .implied_opt_name = "backend",
    .desc = { CHARDEV_OPT_DESCS },
};

/*
 * Options made from legacy strings (-serial tcp:...) and for internal
 * muxes.  A separate list keeps them away from the -chardev entries the
 * start-up code walks.
 */
static QemuOptsList qemu_chardev_internal_opts = {
    .name = "chardev-internal",
    .implied_opt_name = "backend",
    .desc = { CHARDEV_OPT_DESCS },
};

/*
 * The backends are in files nothing else references: a static library
 * would leave them out of the link and their types unregistered.
 * Referencing their TypeInfos from here pulls them in wherever the
 * chardev core is linked.
 */
extern const TypeInfo char_null_type_info;
extern const TypeInfo char_stdio_type_info;
extern const TypeInfo char_file_type_info;
extern const TypeInfo char_socket_type_info;
extern const TypeInfo char_pty_type_info;
extern const TypeInfo char_mux_type_info;
const TypeInfo *const chardev_builtin_types[] = {
    &char_null_type_info, &char_stdio_type_info, &char_file_type_info,
    &char_socket_type_info, &char_pty_type_info, &char_mux_type_info,
};

/* ---- the backend side ------------------------------------------------- */

int qemu_chr_be_can_write(Chardev *chr)
{
    CharBackend *be = chr->be;

    if (!be || !be->chr_can_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len)
{
    CharBackend *be = chr->be;

    if (be && be->chr_read) {
        be->chr_read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    CharBackend *be = chr->be;

    switch (event) {
    case CHR_EVENT_OPENED:
        chr->be_open = 1;
        break;
    case CHR_EVENT_CLOSED:
        chr->be_open = 0;
        break;
    default:
        break;
    }
    if (cc->chr_be_event) {
        cc->chr_be_event(chr, event);
        return;
    }
    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len,
                   bool write_all)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    int done = 0;
    int res = 0;

    while (done < len) {
        res = cc->chr_write(chr, buf + done, len - done);
        if (res < 0 && errno == EAGAIN && write_all) {
            /* The host end is full: wait for it, like a blocking write. */
            g_usleep(100);
            continue;
        }
        if (res == 0 && write_all) {
            g_usleep(100);
            continue;
        }
        if (res <= 0) {
            break;
        }
        done += res;
        if (!write_all) {
            break;
        }
    }
    if (done > 0 && chr->logfd >= 0) {
        if (write(chr->logfd, buf, done) < 0) {
            /* A failing logfile must not stop the guest's output. */
        }
    }
    return done > 0 ? done : res;
}

bool qemu_chr_is_mux(Chardev *chr)
{
    return object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX) != NULL;
}

const char *qemu_chr_get_filename(Chardev *chr)
{
    return chr->filename ? chr->filename : "";
}

/* ---- the base type ---------------------------------------------------- */

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void chardev_instance_init(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    chr->logfd = -1;
}

static void chardev_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    if (chr->be) {
        chr->be->chr = NULL;
    }
    if (chr->logfd >= 0) {
        close(chr->logfd);
    }
    g_free(chr->label);
    g_free(chr->filename);
}

static void chardev_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = null_chr_write;
}

static const TypeInfo char_type_info = {
    .name = TYPE_CHARDEV,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Chardev),
    .instance_init = chardev_instance_init,
    .instance_finalize = chardev_finalize,
    .abstract = true,
    .class_size = sizeof(ChardevClass),
    .class_init = chardev_class_init,
};

static void char_register_types(void)
{
    type_register_static(&char_type_info);
}

type_init(char_register_types)

/* ---- the registry ----------------------------------------------------- */

static Object *chardev_container(void)
{
    return object_get_container("chardevs");
}

Chardev *qemu_chr_find(const char *name)
{
    Object *obj = object_resolve_path_component(chardev_container(), name);

    return obj ? (Chardev *)object_dynamic_cast(obj, TYPE_CHARDEV) : NULL;
}

typedef struct ChrForeach {
    void (*fn)(Chardev *chr, void *opaque);
    void *opaque;
} ChrForeach;

static int chr_foreach_one(Object *child, void *opaque)
{
    ChrForeach *f = opaque;
    Chardev *chr = (Chardev *)object_dynamic_cast(child, TYPE_CHARDEV);

    if (chr) {
        f->fn(chr, f->opaque);
    }
    return 0;
}

void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque)
{
    ChrForeach f = { fn, opaque };

    object_child_foreach(chardev_container(), chr_foreach_one, &f);
}

static bool qemu_chr_is_busy(Chardev *chr)
{
    if (qemu_chr_is_mux(chr)) {
        return MUX_CHARDEV(chr)->mux_cnt > 0;
    }
    return chr->be != NULL;
}

bool qemu_chr_delete(const char *id, Error **errp)
{
    Chardev *chr = qemu_chr_find(id);

    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", id);
        return false;
    }
    if (qemu_chr_is_busy(chr)) {
        error_setg(errp, "Chardev '%s' is busy", id);
        return false;
    }
    object_unparent(OBJECT(chr));
    return true;
}

static int chr_unparent_one(Object *child, void *opaque)
{
    object_unparent(child);
    return 0;
}

void qemu_chr_cleanup(void)
{
    object_child_foreach(chardev_container(), chr_unparent_one, NULL);
}

/* ---- backends --------------------------------------------------------- */

static void chr_list_one(gpointer data, gpointer user_data)
{
    ObjectClass *oc = data;
    const char *name = object_class_get_name(oc);

    if (!CHARDEV_CLASS(oc)->internal) {
        printf("  %s\n", name + strlen("chardev-"));
    }
}

void qemu_chr_print_backends(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_CHARDEV, false);

    printf("Available chardev backend types:\n");
    g_slist_foreach(list, chr_list_one, NULL);
    g_slist_free(list);
}

static ChardevClass *chr_backend_class(const char *name)
{
    g_autofree char *type = g_strconcat("chardev-", name, NULL);
    ObjectClass *oc = object_class_by_name(type);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return CHARDEV_CLASS(oc);
}

bool qemu_chr_backend_exists(const char *name)
{
    ChardevClass *cc = chr_backend_class(name);

    return cc && !cc->internal;
}

/*
 * Create, open and register one chardev of type @typename called @id.
 * Nothing is left behind on failure.
 */
static Chardev *chardev_new(const char *id, const char *typename,
                            QemuOpts *opts, Error **errp)
{
    ChardevClass *cc = CHARDEV_CLASS(object_class_by_name(typename));
    Chardev *chr;
    const char *logfile;
    bool be_opened = true;
    Error *local_err = NULL;

    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev '%s' already exists", id);
        return NULL;
    }
    chr = CHARDEV(object_new(typename));
    chr->label = g_strdup(id);

    logfile = qemu_opt_get(opts, "logfile");
    if (logfile) {
        int flags = O_WRONLY | O_CREAT | O_CLOEXEC;

        flags |= qemu_opt_get_bool(opts, "logappend", false) ? O_APPEND
                                                              : O_TRUNC;
        chr->logfd = open(logfile, flags, 0666);
        if (chr->logfd < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", logfile);
            object_unref(OBJECT(chr));
            return NULL;
        }
    }

    cc->open(chr, opts, &be_opened, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        object_unref(OBJECT(chr));
        return NULL;
    }
    object_property_add_child(chardev_container(), id, OBJECT(chr));
    object_unref(OBJECT(chr));
    if (be_opened) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
    return chr;
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp)
{
    const char *backend = qemu_opt_get(opts, "backend");
    const char *id = qemu_opts_id(opts);
    ChardevClass *cc;
    g_autofree char *type = NULL;
    g_autofree char *base_id = NULL;
    QemuOpts *mux_opts;
    Chardev *base, *mux;

    if (!backend) {
        error_setg(errp, "chardev: \"%s\" missing backend",
                   id ? id : "<anonymous>");
        return NULL;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    cc = chr_backend_class(backend);
    if (!cc || cc->internal) {
        error_setg(errp, "'%s' is not a valid char driver name", backend);
        return NULL;
    }
    type = g_strconcat("chardev-", backend, NULL);
    if (!qemu_opt_get_bool(opts, "mux", false)) {
        return chardev_new(id, type, opts, errp);
    }

    /* mux=on: the backend becomes "<id>-base" under a mux called <id>. */
    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev '%s' already exists", id);
        return NULL;
    }
    base_id = g_strdup_printf("%s-base", id);
    base = chardev_new(base_id, type, opts, errp);
    if (!base) {
        return NULL;
    }
    mux_opts = qemu_opts_create(&qemu_chardev_internal_opts, NULL, 0,
                                &error_abort);
    qemu_opt_set(mux_opts, "chardev", base_id, &error_abort);
    mux = chardev_new(id, TYPE_CHARDEV_MUX, mux_opts, errp);
    qemu_opts_del(mux_opts);
    if (!mux) {
        object_unparent(OBJECT(base));
    }
    return mux;
}

/* ---- the legacy syntax -------------------------------------------------- */

/* Parse "host:port" into @opts; false with @errp set. */
static bool chr_parse_host_port(QemuOpts *opts, const char *hostport,
                                Error **errp)
{
    const char *colon = strrchr(hostport, ':');
    g_autofree char *host = NULL;

    if (!colon || !colon[1]) {
        error_setg(errp, "'%s' is not host:port", hostport);
        return false;
    }
    host = g_strndup(hostport, colon - hostport);
    if (host[0] == '[' && host[strlen(host) - 1] == ']') {
        /* [::1]:4444 */
        char *inner = g_strndup(host + 1, strlen(host) - 2);

        g_free(host);
        host = inner;
    }
    return qemu_opt_set(opts, "host", host, errp) &&
           qemu_opt_set(opts, "port", colon + 1, errp);
}

QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool *is_mon_mux, Error **errp)
{
    QemuOpts *opts;
    const char *p;
    g_autofree char *head = NULL;
    const char *rest;
    bool mux = false;

    if (is_mon_mux) {
        *is_mon_mux = false;
    }
    if (strstart(filename, "mon:", &p)) {
        filename = p;
        mux = true;
        if (is_mon_mux) {
            *is_mon_mux = true;
        }
    }

    opts = qemu_opts_create(&qemu_chardev_internal_opts, label, 1, errp);
    if (!opts) {
        return NULL;
    }
    if (mux && !qemu_opt_set(opts, "mux", "on", errp)) {
        goto fail;
    }

    /* "tcp:host:port,server=on": options follow the first comma. */
    rest = strchr(filename, ',');
    head = rest ? g_strndup(filename, rest - filename) : g_strdup(filename);

    if (!strcmp(head, "null") || !strcmp(head, "stdio") ||
        !strcmp(head, "pty")) {
        qemu_opt_set(opts, "backend", head, &error_abort);
    } else if (!strcmp(head, "vc") || strstart(head, "vc:", NULL)) {
        /* No graphical console exists: a virtual console goes nowhere. */
        qemu_opt_set(opts, "backend", "null", &error_abort);
    } else if (strstart(head, "file:", &p)) {
        qemu_opt_set(opts, "backend", "file", &error_abort);
        if (!*p) {
            error_setg(errp, "file: needs a file name");
            goto fail;
        }
        qemu_opt_set(opts, "path", p, &error_abort);
    } else if (strstart(head, "tcp:", &p)) {
        qemu_opt_set(opts, "backend", "socket", &error_abort);
        if (!chr_parse_host_port(opts, p, errp)) {
            goto fail;
        }
    } else if (strstart(head, "unix:", &p)) {
        qemu_opt_set(opts, "backend", "socket", &error_abort);
        if (!*p) {
            error_setg(errp, "unix: needs a socket path");
            goto fail;
        }
        qemu_opt_set(opts, "path", p, &error_abort);
    } else {
        error_setg(errp, "'%s' is not a valid char driver", filename);
        goto fail;
    }
    if (rest && !qemu_opts_do_parse(opts, rest + 1, NULL, errp)) {
        goto fail;
    }
    return opts;

fail:
    qemu_opts_del(opts);
    return NULL;
}

static Chardev *qemu_chr_new_common(const char *label, const char *filename,
                                    bool *is_mon_mux, Error **errp)
{
    const char *id;
    QemuOpts *opts;
    Chardev *chr;

    if (strstart(filename, "chardev:", &id)) {
        chr = qemu_chr_find(id);
        if (!chr) {
            error_setg(errp, "chardev '%s' not found", id);
        }
        return chr;
    }
    opts = qemu_chr_parse_compat(label, filename, is_mon_mux, errp);
    if (!opts) {
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, errp);
    qemu_opts_del(opts);
    return chr;
}

Chardev *qemu_chr_new_err(const char *label, const char *filename,
                          Error **errp)
{
    return qemu_chr_new_common(label, filename, NULL, errp);
}

Chardev *qemu_chr_new(const char *label, const char *filename,
                      GMainContext *context)
{
    Error *err = NULL;
    Chardev *chr;

    g_assert(!context);
    chr = qemu_chr_new_common(label, filename, NULL, &err);
    if (!chr) {
        error_report_err(err);
    }
    return chr;
}

Chardev *qemu_chr_new_mux_mon(const char *label, const char *filename,
                              GMainContext *context)
{
    g_autofree char *muxed = NULL;
    Error *err = NULL;
    Chardev *chr;

    g_assert(!context);
    muxed = strstart(filename, "mon:", NULL) ? g_strdup(filename)
                                             : g_strconcat("mon:", filename,
                                                           NULL);
    chr = qemu_chr_new_common(label, muxed, NULL, &err);
    if (!chr) {
        error_report_err(err);
    }
    return chr;
}
