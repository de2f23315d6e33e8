/*
 * chardev-socket: a TCP or Unix stream socket, as server or client.
 *
 * Options: host=/port= (TCP) or path= (Unix); server=on to listen;
 * wait=off so start-up does not block until the first client connects;
 * nodelay=on; reconnect=SECONDS for a client that should retry.
 *
 * A server takes one client at a time.  When the client goes away the
 * chardev reports CHR_EVENT_CLOSED, drops guest output, and listens
 * again: a client disconnecting never harms the emulator.  SIGPIPE is
 * avoided with MSG_NOSIGNAL, so a write racing with a disconnect is
 * just a lost write.
 *
 * Writes never block.  What the socket does not take at once waits in
 * an output buffer that the main loop sends as the client reads; a
 * client that stops reading while the buffer grows past
 * SOCKET_OUTBUF_MAX is disconnected.  Without this, one stuck QMP or
 * gdb client would stop the whole emulator (every front end writes with
 * write_all, on the main loop's only thread).  "Stops reading" means no
 * progress for SOCKET_STALL_MS: a client that is reading may receive a
 * single reply larger than SOCKET_OUTBUF_MAX (a qtest "read" of 16 MiB
 * is 32 MiB of hex), up to SOCKET_OUTBUF_HARD_MAX.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-io.h"
#include "chardev/char-fe.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

/* Output a client that has stopped reading may leave unread. */
#define SOCKET_OUTBUF_MAX       (1024 * 1024)
/* Output waiting for any client, even one that is reading. */
#define SOCKET_OUTBUF_HARD_MAX  (64 * 1024 * 1024)
/* A client that took no output for this long has stopped reading. */
#define SOCKET_STALL_MS         500
/* At exit, how long a slow (but reading) client gets to drain the rest. */
#define SOCKET_FINAL_FLUSH_MS   1000

#define TYPE_SOCKET_CHARDEV TYPE_CHARDEV_SOCKET
OBJECT_DECLARE_SIMPLE_TYPE(SocketChardev, SOCKET_CHARDEV)

struct SocketChardev {
    Chardev parent_obj;

    bool is_unix;
    bool is_listen;
    bool nodelay;
    char *host;             /* TCP */
    char *port;             /* TCP; the bound port once listening */
    char *path;             /* Unix */
    int listen_fd;
    int fd;                 /* the connection, -1 if none */
    GSource *conn_watch;
    int64_t reconnect_ms;   /* client: 0 = do not retry */
    QEMUTimer *reconnect_timer;
    /* Accepted output the socket has not taken yet (see the top). */
    GByteArray *outbuf;
    /* The client let outbuf overflow: the watch disconnects it. */
    bool out_overflow;
    /* When the client last took output (or had nothing left to take). */
    int64_t out_progress_ms;
};

/* ---- the connection's watch ---------------------------------------- */

/*
 * Like char-io's read watch, but always polling for a hang-up so that a
 * client that leaves is noticed even while the front end takes no input
 * (a server must notice to accept the next client).
 */
typedef struct SocketWatch {
    GSource source;
    SocketChardev *s;
    gpointer tag;
} SocketWatch;

#define SOCKET_HUP_EVENTS (POLLRDHUP | G_IO_HUP | G_IO_ERR)

static void tcp_chr_disconnect_now(Chardev *chr);

/*
 * Send what the output buffer holds, as far as the socket takes it.
 * false if the connection is broken.
 */
static bool tcp_chr_flush_outbuf(SocketChardev *s)
{
    while (s->outbuf->len) {
        ssize_t ret = send(s->fd, s->outbuf->data, s->outbuf->len,
                           MSG_NOSIGNAL);

        if (ret < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno == EAGAIN;
        }
        g_byte_array_remove_range(s->outbuf, 0, ret);
        s->out_progress_ms = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
    }
    return true;
}

static gboolean socket_watch_prepare(GSource *source, gint *timeout)
{
    SocketWatch *w = (SocketWatch *)source;
    GIOCondition ev = SOCKET_HUP_EVENTS;

    if (qemu_chr_be_can_write(CHARDEV(w->s)) > 0) {
        ev |= G_IO_IN;
    }
    if (w->s->outbuf->len) {
        ev |= G_IO_OUT;
    }
    g_source_modify_unix_fd(source, w->tag, ev);
    *timeout = -1;
    /* An overflow is dealt with at once, whatever the fd says. */
    return w->s->out_overflow;
}

static gboolean socket_watch_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    SocketWatch *w = (SocketWatch *)source;
    Chardev *chr = CHARDEV(w->s);
    GIOCondition rev = g_source_query_unix_fd(source, w->tag);
    int len = qemu_chr_be_can_write(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    ssize_t ret;

    if (w->s->out_overflow) {
        warn_report("chardev '%s': the client has not read %u bytes of "
                    "output; disconnecting it", chr->label,
                    SOCKET_OUTBUF_MAX);
        tcp_chr_disconnect_now(chr);
        return G_SOURCE_CONTINUE;
    }
    if ((rev & G_IO_OUT) && !tcp_chr_flush_outbuf(w->s)) {
        tcp_chr_disconnect_now(chr);
        return G_SOURCE_CONTINUE;
    }
    rev &= ~G_IO_OUT;
    if (!rev) {
        return G_SOURCE_CONTINUE;
    }
    if (len <= 0) {
        if (rev & SOCKET_HUP_EVENTS) {
            /* The client is gone. */
            tcp_chr_disconnect_now(chr);
        }
        return G_SOURCE_CONTINUE;
    }
    /* Input, or a hang-up with data possibly still queued: read it. */
    do {
        ret = recv(w->s->fd, buf, MIN(len, CHR_READ_BUF_LEN), 0);
    } while (ret < 0 && errno == EINTR);
    if (ret < 0 && errno == EAGAIN) {
        return G_SOURCE_CONTINUE;
    }
    if (ret <= 0) {
        tcp_chr_disconnect_now(chr);
        return G_SOURCE_CONTINUE;
    }
    qemu_chr_be_write(chr, buf, ret);
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs socket_watch_funcs = {
    .prepare = socket_watch_prepare,
    .dispatch = socket_watch_dispatch,
};

static void socket_watch_add(SocketChardev *s)
{
    SocketWatch *w = (SocketWatch *)g_source_new(&socket_watch_funcs,
                                                 sizeof(SocketWatch));

    g_source_set_name(&w->source, "chardev-socket");
    w->s = s;
    w->tag = g_source_add_unix_fd(&w->source, s->fd, SOCKET_HUP_EVENTS);
    g_source_attach(&w->source, NULL);
    s->conn_watch = &w->source;
}

/* ---- state changes ---------------------------------------------------- */

static void tcp_chr_update_filename(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);

    g_free(chr->filename);
    chr->filename = g_strdup_printf("%s%s:%s%s%s%s",
                                    s->fd < 0 ? "disconnected:" : "",
                                    s->is_unix ? "unix" : "tcp",
                                    s->is_unix ? s->path : s->host,
                                    s->is_unix ? "" : ":",
                                    s->is_unix ? "" : s->port,
                                    s->is_listen ? ",server=on" : "");
}

static void tcp_chr_accept(void *opaque);
static void tcp_chr_reconnect_timer(void *opaque);

static void tcp_chr_connected(SocketChardev *s, int fd)
{
    int one = 1;

    s->fd = fd;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    qemu_chr_set_nonblock(fd, true);
    if (s->nodelay && !s->is_unix) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    if (s->listen_fd >= 0) {
        /* One client at a time: the next one waits in the backlog. */
        qemu_set_fd_handler(s->listen_fd, NULL, NULL, NULL);
    }
    socket_watch_add(s);
    tcp_chr_update_filename(s);
    qemu_chr_be_event(CHARDEV(s), CHR_EVENT_OPENED);
}

static void tcp_chr_disconnect_now(Chardev *chr)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    if (s->fd < 0) {
        return;
    }
    qemu_chr_read_watch_remove(&s->conn_watch);
    close(s->fd);
    s->fd = -1;
    /* Output for this client dies with its connection. */
    g_byte_array_set_size(s->outbuf, 0);
    s->out_overflow = false;
    tcp_chr_update_filename(s);
    if (s->listen_fd >= 0) {
        qemu_set_fd_handler(s->listen_fd, tcp_chr_accept, NULL, s);
    } else if (s->reconnect_ms) {
        timer_mod(s->reconnect_timer,
                  qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + s->reconnect_ms);
    }
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
}

static int tcp_chr_disconnect(Chardev *chr)
{
    if (SOCKET_CHARDEV(chr)->fd < 0) {
        return -1;
    }
    tcp_chr_disconnect_now(chr);
    return 0;
}

static void tcp_chr_accept(void *opaque)
{
    SocketChardev *s = opaque;
    int fd;

    do {
        fd = accept(s->listen_fd, NULL, NULL);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        return;     /* the client gave up already; keep listening */
    }
    tcp_chr_connected(s, fd);
}

/* ---- addresses ---------------------------------------------------------- */

/* A connected or listening socket, or -1 with @errp set. */
static int tcp_chr_open_fd(SocketChardev *s, bool listen_on, Error **errp)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC,
        .ai_socktype = SOCK_STREAM,
        .ai_flags = listen_on ? AI_PASSIVE : 0,
    };
    struct addrinfo *res, *ai;
    const char *host = s->host[0] ? s->host : NULL;
    int fd = -1, err, saved_errno = 0;
    int one = 1;

    if (listen_on && !host) {
        /* "tcp::4444,server=on" listens on every IPv4 address. */
        hints.ai_family = AF_INET;
    }
    if (!listen_on && !host) {
        host = "localhost";
    }
    err = getaddrinfo(host, s->port, &hints, &res);
    if (err) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   host ? host : "", s->port, gai_strerror(err));
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved_errno = errno;
            continue;
        }
        if (listen_on) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
                listen(fd, 1) == 0) {
                break;
            }
        } else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        saved_errno = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, saved_errno, "Failed to %s socket %s:%s",
                         listen_on ? "bind" : "connect to",
                         host ? host : "", s->port);
    }
    return fd;
}

static int unix_chr_open_fd(SocketChardev *s, bool listen_on, Error **errp)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(s->path) >= sizeof(un.sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", s->path);
        return -1;
    }
    strcpy(un.sun_path, s->path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create a socket");
        return -1;
    }
    if (listen_on) {
        /* A stale socket file from an earlier run would block bind(). */
        unlink(s->path);
        if (bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0 ||
            listen(fd, 1) < 0) {
            error_setg_errno(errp, errno, "Failed to bind socket to %s",
                             s->path);
            close(fd);
            return -1;
        }
    } else if (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        error_setg_errno(errp, errno, "Failed to connect to '%s'", s->path);
        close(fd);
        return -1;
    }
    return fd;
}

static int socket_chr_open_fd(SocketChardev *s, bool listen_on, Error **errp)
{
    return s->is_unix ? unix_chr_open_fd(s, listen_on, errp)
                      : tcp_chr_open_fd(s, listen_on, errp);
}

/* The port the kernel picked for "port=0". */
static void tcp_chr_learn_port(SocketChardev *s)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int port;

    if (getsockname(s->listen_fd, (struct sockaddr *)&ss, &len) < 0) {
        return;
    }
    if (ss.ss_family == AF_INET) {
        port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    } else {
        return;
    }
    g_free(s->port);
    s->port = g_strdup_printf("%d", port);
}

/* ---- the chardev -------------------------------------------------------- */

static void tcp_chr_reconnect_timer(void *opaque)
{
    SocketChardev *s = opaque;
    int fd = socket_chr_open_fd(s, false, NULL);

    if (fd >= 0) {
        tcp_chr_connected(s, fd);
    } else {
        timer_mod(s->reconnect_timer,
                  qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + s->reconnect_ms);
    }
}

/*
 * Always takes all of @buf: what the socket does not accept now is
 * queued (and sent by the watch), so a writer never waits for the client.
 */
static int tcp_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    int done = 0;

    if (s->fd < 0 || s->out_overflow) {
        /*
         * Nobody listening, or a client about to be dropped: the output
         * is lost, as on an open line.
         */
        return len;
    }
    /*
     * Give the client what it made room for first: the main loop may have
     * been busy for a while, and a client that read meanwhile has not
     * stalled.
     */
    if (s->outbuf->len && !tcp_chr_flush_outbuf(s)) {
        return len;     /* gone: the watch sees the hang-up */
    }
    if (!s->outbuf->len) {
        /* The client has taken everything so far. */
        s->out_progress_ms = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
    }
    /* Anything queued goes first, or the client would see it reordered. */
    while (!s->outbuf->len && done < len) {
        ssize_t ret = send(s->fd, buf + done, len - done, MSG_NOSIGNAL);

        if (ret < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                break;
            }
            /*
             * The client is gone.  Leave the disconnect to the watch
             * (it sees the hang-up) rather than calling the front end's
             * event handler from inside its own write.
             */
            return len;
        }
        done += ret;
    }
    if (done < len) {
        size_t pending = s->outbuf->len + (len - done);
        bool stalled = qemu_clock_get_ms(QEMU_CLOCK_REALTIME) -
                       s->out_progress_ms >= SOCKET_STALL_MS;

        if (pending > SOCKET_OUTBUF_HARD_MAX ||
            (pending > SOCKET_OUTBUF_MAX && stalled)) {
            /* Not from inside the front end's write: the watch does it. */
            s->out_overflow = true;
            g_byte_array_set_size(s->outbuf, 0);
            g_main_context_wakeup(NULL);
        } else {
            g_byte_array_append(s->outbuf, buf + done, len - done);
        }
    }
    return len;
}

/*
 * The chardev goes away (normally at exit): give a client that is
 * reading, only slowly, a bounded time to receive the rest, e.g. the
 * reply to "quit" and the SHUTDOWN event.
 */
static void tcp_chr_final_flush(SocketChardev *s)
{
    int64_t deadline = g_get_monotonic_time() +
                       SOCKET_FINAL_FLUSH_MS * 1000;

    while (s->fd >= 0 && s->outbuf->len && !s->out_overflow &&
           tcp_chr_flush_outbuf(s) && s->outbuf->len) {
        int64_t left = deadline - g_get_monotonic_time();
        struct pollfd pfd = { .fd = s->fd, .events = POLLOUT };

        if (left <= 0 || poll(&pfd, 1, left / 1000 + 1) <= 0 ||
            (pfd.revents & (POLLERR | POLLHUP))) {
            break;
        }
    }
}

static void socket_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                            Error **errp)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *port = qemu_opt_get(opts, "port");
    bool wait = qemu_opt_get_bool(opts, "wait", true);
    int fd;

    s->is_listen = qemu_opt_get_bool(opts, "server", false);
    s->nodelay = qemu_opt_get_bool(opts, "nodelay", false);
    s->reconnect_ms = qemu_opt_get_number(opts, "reconnect", 0) * 1000;
    *be_opened = false;

    if (path && (host || port)) {
        error_setg(errp, "chardev: socket: use either path= or host=/port=");
        return;
    }
    if (!path && !port) {
        error_setg(errp, "chardev: socket: no port given");
        return;
    }
    if (s->is_listen && s->reconnect_ms) {
        error_setg(errp, "'reconnect' option is incompatible with "
                   "'server=on'");
        return;
    }
    s->is_unix = path != NULL;
    s->path = g_strdup(path);
    s->host = g_strdup(host ? host : "");
    s->port = g_strdup(port);

    if (!s->is_listen) {
        Error *local_err = NULL;

        s->reconnect_timer = timer_new_ms(QEMU_CLOCK_REALTIME,
                                          tcp_chr_reconnect_timer, s);
        fd = socket_chr_open_fd(s, false, &local_err);
        if (fd < 0 && !s->reconnect_ms) {
            error_propagate(errp, local_err);
            return;
        }
        error_free(local_err);
        tcp_chr_update_filename(s);
        if (fd >= 0) {
            tcp_chr_connected(s, fd);
        } else {
            timer_mod(s->reconnect_timer,
                      qemu_clock_get_ms(QEMU_CLOCK_REALTIME) +
                      s->reconnect_ms);
        }
        return;
    }

    s->listen_fd = socket_chr_open_fd(s, true, errp);
    if (s->listen_fd < 0) {
        g_clear_pointer(&s->path, g_free);     /* not ours to unlink */
        return;
    }
    if (!s->is_unix) {
        tcp_chr_learn_port(s);
    }
    tcp_chr_update_filename(s);
    if (wait) {
        info_report("QEMU waiting for connection on: %s", chr->filename);
        do {
            fd = accept(s->listen_fd, NULL, NULL);
        } while (fd < 0 && errno == EINTR);
        if (fd >= 0) {
            tcp_chr_connected(s, fd);
            return;
        }
    }
    qemu_set_fd_handler(s->listen_fd, tcp_chr_accept, NULL, s);
}

static void socket_chr_init(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    s->fd = -1;
    s->listen_fd = -1;
    s->outbuf = g_byte_array_new();
}

static void socket_chr_finalize(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    qemu_chr_read_watch_remove(&s->conn_watch);
    if (s->fd >= 0) {
        tcp_chr_final_flush(s);
        close(s->fd);
    }
    g_byte_array_unref(s->outbuf);
    if (s->listen_fd >= 0) {
        qemu_set_fd_handler(s->listen_fd, NULL, NULL, NULL);
        close(s->listen_fd);
        if (s->is_unix && s->path) {
            unlink(s->path);
        }
    }
    timer_free(s->reconnect_timer);
    g_free(s->host);
    g_free(s->port);
    g_free(s->path);
}

static void socket_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = socket_chr_open;
    cc->chr_write = tcp_chr_write;
    cc->chr_disconnect = tcp_chr_disconnect;
}

const TypeInfo char_socket_type_info = {
    .name = TYPE_CHARDEV_SOCKET,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(SocketChardev),
    .instance_init = socket_chr_init,
    .instance_finalize = socket_chr_finalize,
    .class_init = socket_chr_class_init,
};

static void char_socket_register_types(void)
{
    type_register_static(&char_socket_type_info);
}

type_init(char_socket_register_types)
