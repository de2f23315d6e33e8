/*
 * Chardev tests: the backends a user picks with -chardev/-serial, driven
 * through the front-end API a UART uses, with real host sockets, files
 * and ptys on the other side.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/config-file.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "hw/qdev-properties.h"
#include "system/runstate.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

/* C-a x in the mux asks for a shutdown; record it instead. */
static int shutdown_requests;
static ShutdownCause last_shutdown_cause;

void qemu_system_shutdown_request(ShutdownCause reason)
{
    shutdown_requests++;
    last_shutdown_cause = reason;
}

/* ---- a front end that records what it gets ------------------------- */

typedef struct TestFe {
    CharBackend be;
    GString *got;
    int room;               /* what can_read answers; -1: unlimited */
    int opened, closed, breaks, mux_in, mux_out;
} TestFe;

static int fe_can_read(void *opaque)
{
    TestFe *fe = opaque;

    return fe->room < 0 ? 4096 : fe->room;
}

static void fe_read(void *opaque, const uint8_t *buf, int size)
{
    TestFe *fe = opaque;

    g_assert_cmpint(size, <=, fe_can_read(fe));
    g_string_append_len(fe->got, (const char *)buf, size);
    if (fe->room > 0) {
        fe->room -= size;
    }
}

static void fe_event(void *opaque, QEMUChrEvent event)
{
    TestFe *fe = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        fe->opened++;
        break;
    case CHR_EVENT_CLOSED:
        fe->closed++;
        break;
    case CHR_EVENT_BREAK:
        fe->breaks++;
        break;
    case CHR_EVENT_MUX_IN:
        fe->mux_in++;
        break;
    case CHR_EVENT_MUX_OUT:
        fe->mux_out++;
        break;
    }
}

static void fe_attach(TestFe *fe, Chardev *chr)
{
    memset(fe, 0, sizeof(*fe));
    fe->got = g_string_new("");
    fe->room = -1;
    g_assert_true(qemu_chr_fe_init(&fe->be, chr, &error_abort));
    qemu_chr_fe_set_handlers(&fe->be, fe_can_read, fe_read, fe_event, NULL,
                             fe, NULL, true);
}

static void fe_detach(TestFe *fe)
{
    qemu_chr_fe_deinit(&fe->be, false);
    g_string_free(fe->got, true);
}

/* Run the main loop until @cond holds (or fail after 5 s). */
#define RUN_UNTIL(cond) \
    do { \
        gint64 deadline_ = g_get_monotonic_time() + 5 * G_USEC_PER_SEC; \
        while (!(cond)) { \
            g_assert_cmpint(g_get_monotonic_time(), <, deadline_); \
            main_loop_wait(true); \
            g_usleep(500); \
        } \
    } while (0)

/* Let the loop run a little without expecting anything. */
static void run_briefly(void)
{
    for (int i = 0; i < 20; i++) {
        main_loop_wait(true);
        g_usleep(500);
    }
}

static Chardev *chr_from_opts(const char *params)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_chardev_opts, params, true,
                                     &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, &error_abort);

    qemu_opts_del(opts);
    return chr;
}

/* ---- sockets ----------------------------------------------------------- */

/* The port a "tcp:...:PORT,server=on" chardev listens on. */
static int chr_tcp_port(Chardev *chr)
{
    const char *fn = qemu_chr_get_filename(chr);
    const char *comma = strstr(fn, ",server");
    const char *colon;

    g_assert_nonnull(comma);
    colon = g_strrstr_len(fn, comma - fn, ":");
    g_assert_nonnull(colon);
    return atoi(colon + 1);
}

static int tcp_connect(int port)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_port = htons(port),
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    return fd;
}

static void sock_send(int fd, const char *s)
{
    g_assert_cmpint(send(fd, s, strlen(s), 0), ==, strlen(s));
}

/* Read from @fd until @want bytes arrived (pumping the main loop). */
static char *sock_recv(int fd, size_t want)
{
    GString *got = g_string_new("");
    gint64 deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    while (got->len < want) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        char buf[256];

        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        main_loop_wait(true);
        if (poll(&pfd, 1, 1) == 1) {
            ssize_t n = recv(fd, buf, sizeof(buf), 0);

            g_assert_cmpint(n, >, 0);
            g_string_append_len(got, buf, n);
        }
    }
    return g_string_free(got, false);
}

static void test_socket_server_client(void)
{
    Chardev *chr = chr_from_opts("socket,id=s0,host=127.0.0.1,port=0,"
                                 "server=on,wait=off");
    g_autofree char *reply = NULL;
    TestFe fe;
    int fd;

    fe_attach(&fe, chr);
    /* No client yet: not open, and guest output is silently dropped. */
    g_assert_cmpint(fe.opened, ==, 0);
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (uint8_t *)"lost", 4),
                    ==, 4);

    fd = tcp_connect(chr_tcp_port(chr));
    RUN_UNTIL(fe.opened == 1);
    g_assert_true(qemu_chr_fe_backend_open(&fe.be));

    /* Host to guest. */
    sock_send(fd, "hello");
    RUN_UNTIL(fe.got->len == 5);
    g_assert_cmpstr(fe.got->str, ==, "hello");

    /* Guest to host. */
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"world", 5);
    reply = sock_recv(fd, 5);
    g_assert_cmpstr(reply, ==, "world");

    close(fd);
    RUN_UNTIL(fe.closed == 1);
    fe_detach(&fe);
    qemu_chr_cleanup();
}

static void test_socket_client_disconnect_survives(void)
{
    Chardev *chr = chr_from_opts("socket,id=s1,host=127.0.0.1,port=0,"
                                 "server=on,wait=off");
    g_autofree char *reply = NULL;
    TestFe fe;
    int port = chr_tcp_port(chr);
    int fd;

    fe_attach(&fe, chr);
    fd = tcp_connect(port);
    RUN_UNTIL(fe.opened == 1);
    close(fd);
    RUN_UNTIL(fe.closed == 1);
    g_assert_false(qemu_chr_fe_backend_open(&fe.be));

    /* Writing while nobody is connected must not fail or block. */
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (uint8_t *)"x", 1), ==, 1);

    /* The server listens again: a second client gets a working line. */
    fd = tcp_connect(port);
    RUN_UNTIL(fe.opened == 2);
    sock_send(fd, "again");
    RUN_UNTIL(fe.got->len == 5);
    g_assert_cmpstr(fe.got->str, ==, "again");
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"ok", 2);
    reply = sock_recv(fd, 2);
    g_assert_cmpstr(reply, ==, "ok");

    close(fd);
    RUN_UNTIL(fe.closed == 2);
    fe_detach(&fe);
    qemu_chr_cleanup();
}

static void test_socket_client_leaves_while_fe_blocked(void)
{
    Chardev *chr = chr_from_opts("socket,id=s2,host=127.0.0.1,port=0,"
                                 "server=on,wait=off");
    TestFe fe;
    int port = chr_tcp_port(chr);
    int fd;

    fe_attach(&fe, chr);
    fe.room = 0;        /* the guest is not reading */
    fd = tcp_connect(port);
    RUN_UNTIL(fe.opened == 1);
    sock_send(fd, "unread");
    close(fd);
    /* The hang-up is seen although no input is being taken. */
    RUN_UNTIL(fe.closed == 1);
    fd = tcp_connect(port);
    RUN_UNTIL(fe.opened == 2);
    close(fd);
    RUN_UNTIL(fe.closed == 2);
    fe_detach(&fe);
    qemu_chr_cleanup();
}

static void test_socket_unix_server(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *params = g_strdup_printf("socket,id=u0,path=%s,"
                                              "server=on,wait=off", path);
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    Chardev *chr = chr_from_opts(params);
    TestFe fe;
    int fd;

    fe_attach(&fe, chr);
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    RUN_UNTIL(fe.opened == 1);
    sock_send(fd, "unix");
    RUN_UNTIL(fe.got->len == 4);
    g_assert_cmpstr(fe.got->str, ==, "unix");
    close(fd);
    RUN_UNTIL(fe.closed == 1);
    fe_detach(&fe);
    qemu_chr_cleanup();
    /* The socket file goes away with the chardev. */
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

static void test_socket_client_mode(void)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    socklen_t len = sizeof(sin);
    g_autofree char *params = NULL;
    g_autofree char *reply = NULL;
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    Chardev *chr;
    TestFe fe;
    int fd;

    g_assert_cmpint(bind(lfd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);
    getsockname(lfd, (struct sockaddr *)&sin, &len);
    params = g_strdup_printf("socket,id=c0,host=127.0.0.1,port=%d",
                             ntohs(sin.sin_port));
    chr = chr_from_opts(params);
    fe_attach(&fe, chr);
    /* Connected during creation: the front end hears OPENED at once. */
    g_assert_cmpint(fe.opened, ==, 1);
    fd = accept(lfd, NULL, NULL);
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"to-server", 9);
    reply = sock_recv(fd, 9);
    g_assert_cmpstr(reply, ==, "to-server");
    close(fd);
    RUN_UNTIL(fe.closed == 1);
    fe_detach(&fe);
    qemu_chr_cleanup();
    close(lfd);
}

static void test_socket_client_refused(void)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_chardev_opts,
                                     "socket,id=c1,host=127.0.0.1,port=1",
                                     true, &error_abort);
    Error *err = NULL;

    g_assert_null(qemu_chr_new_from_opts(opts, &err));
    g_assert_nonnull(err);
    error_free(err);
    qemu_opts_del(opts);
    /* Nothing is left behind by the failed creation. */
    g_assert_null(qemu_chr_find("c1"));
}

/* ---- mux ---------------------------------------------------------------- */

typedef struct MuxFixture {
    Chardev *chr;
    TestFe serial, monitor;
    int fd;
} MuxFixture;

/*
 * A mux over a TCP server, with two front ends; the test plays the
 * terminal through the socket.  The front end attached last (serial)
 * has the input, as the UART does with -nographic.
 */
static void mux_setup(MuxFixture *f)
{
    f->chr = chr_from_opts("socket,id=mx,host=127.0.0.1,port=0,server=on,"
                           "wait=off,mux=on");
    g_assert_true(qemu_chr_is_mux(f->chr));
    fe_attach(&f->monitor, f->chr);
    fe_attach(&f->serial, f->chr);
    /* vl.c does this once the machine is built: front ends hear OPENED. */
    qemu_chr_open_muxes();
    f->fd = tcp_connect(chr_tcp_port(qemu_chr_find("mx-base")));
    RUN_UNTIL(f->serial.opened == 1 && f->monitor.opened == 1);
}

static void mux_teardown(MuxFixture *f)
{
    close(f->fd);
    fe_detach(&f->serial);
    fe_detach(&f->monitor);
    qemu_chr_cleanup();
}

static void test_mux_focus_switch(void)
{
    MuxFixture f;

    mux_setup(&f);
    sock_send(f.fd, "ab");
    RUN_UNTIL(f.serial.got->len == 2);
    g_assert_cmpstr(f.serial.got->str, ==, "ab");

    /* C-a c: the monitor gets the input, with MUX_OUT/MUX_IN events. */
    sock_send(f.fd, "\x01" "cxy");
    RUN_UNTIL(f.monitor.got->len == 2);
    g_assert_cmpstr(f.monitor.got->str, ==, "xy");
    g_assert_cmpstr(f.serial.got->str, ==, "ab");
    g_assert_cmpint(f.serial.mux_out, ==, 1);
    g_assert_cmpint(f.monitor.mux_in, >=, 1);

    /* And back. */
    sock_send(f.fd, "\x01" "cz");
    RUN_UNTIL(f.serial.got->len == 3);
    g_assert_cmpstr(f.serial.got->str, ==, "abz");
    mux_teardown(&f);
}

static void test_mux_escape_escape(void)
{
    MuxFixture f;

    mux_setup(&f);
    /* C-a C-a sends one C-a; unknown escapes are swallowed. */
    sock_send(f.fd, "\x01\x01" "\x01" "q" "k");
    RUN_UNTIL(f.serial.got->len == 2);
    g_assert_cmpstr(f.serial.got->str, ==, "\x01" "k");
    mux_teardown(&f);
}

static void test_mux_help_and_break(void)
{
    g_autofree char *help = NULL;
    MuxFixture f;

    mux_setup(&f);
    sock_send(f.fd, "\x01" "h");
    help = sock_recv(f.fd, 40);
    g_assert_nonnull(strstr(help, "C-a h"));
    sock_send(f.fd, "\x01" "b");
    RUN_UNTIL(f.serial.breaks == 1);
    g_assert_cmpint(f.monitor.breaks, ==, 0);
    g_assert_cmpstr(f.serial.got->str, ==, "");
    mux_teardown(&f);
}

static void test_mux_quit(void)
{
    g_autofree char *msg = NULL;
    MuxFixture f;

    shutdown_requests = 0;
    mux_setup(&f);
    sock_send(f.fd, "\x01" "x");
    RUN_UNTIL(shutdown_requests == 1);
    g_assert_cmpint(last_shutdown_cause, ==, SHUTDOWN_CAUSE_HOST_UI);
    msg = sock_recv(f.fd, strlen("\r\nQEMU: Terminated"));
    g_assert_nonnull(strstr(msg, "Terminated"));
    mux_teardown(&f);
}

static void test_mux_output_from_both(void)
{
    g_autofree char *out = NULL;
    MuxFixture f;

    mux_setup(&f);
    qemu_chr_fe_write_all(&f.serial.be, (const uint8_t *)"S", 1);
    qemu_chr_fe_write_all(&f.monitor.be, (const uint8_t *)"M", 1);
    out = sock_recv(f.fd, 2);
    g_assert_cmpstr(out, ==, "SM");
    mux_teardown(&f);
}

static void test_mux_buffers_while_blocked(void)
{
    MuxFixture f;

    mux_setup(&f);
    f.serial.room = 0;
    sock_send(f.fd, "1234");
    run_briefly();
    g_assert_cmpstr(f.serial.got->str, ==, "");
    /* The guest reads its receive register: input resumes, in order. */
    f.serial.room = -1;
    qemu_chr_fe_accept_input(&f.serial.be);
    sock_send(f.fd, "56");
    RUN_UNTIL(f.serial.got->len == 6);
    g_assert_cmpstr(f.serial.got->str, ==, "123456");
    mux_teardown(&f);
}

static void test_mux_too_many_frontends(void)
{
    Chardev *chr = chr_from_opts("null,id=m5,mux=on");
    CharBackend be[MAX_MUX + 1];
    Error *err = NULL;

    for (int i = 0; i < MAX_MUX; i++) {
        g_assert_true(qemu_chr_fe_init(&be[i], chr, &error_abort));
    }
    g_assert_false(qemu_chr_fe_init(&be[MAX_MUX], chr, &err));
    g_assert_nonnull(err);
    error_free(err);
    for (int i = 0; i < MAX_MUX; i++) {
        qemu_chr_fe_deinit(&be[i], false);
    }
    qemu_chr_cleanup();
}

/* ---- file, null, pty, stdio ------------------------------------------- */

static void test_file_backend(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *label = g_strdup_printf("file:%s", path);
    g_autofree char *params = NULL;
    g_autofree char *contents = NULL;
    Chardev *chr;
    TestFe fe;

    chr = qemu_chr_new("f0", label, NULL);
    g_assert_nonnull(chr);
    fe_attach(&fe, chr);
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"line1\n", 6);
    fe_detach(&fe);
    qemu_chr_cleanup();
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "line1\n");
    g_clear_pointer(&contents, g_free);

    /* append=on keeps what was there. */
    params = g_strdup_printf("file,id=f1,path=%s,append=on", path);
    chr = chr_from_opts(params);
    fe_attach(&fe, chr);
    qemu_chr_fe_printf(&fe.be, "line%d\n", 2);
    fe_detach(&fe);
    qemu_chr_cleanup();
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "line1\nline2\n");
    unlink(path);
    rmdir(dir);
}

static void test_file_unwritable(void)
{
    Error *err = NULL;

    g_assert_null(qemu_chr_new_err("f2", "file:/nonexistent-dir/x", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "/nonexistent-dir/x"));
    error_free(err);
    g_assert_null(qemu_chr_find("f2"));
}

static void test_logfile(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *params = g_strdup_printf("null,id=l0,logfile=%s", path);
    g_autofree char *contents = NULL;
    TestFe fe;

    fe_attach(&fe, chr_from_opts(params));
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"logged", 6);
    fe_detach(&fe);
    qemu_chr_cleanup();
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "logged");
    unlink(path);
    rmdir(dir);
}

static void test_null_backend(void)
{
    Chardev *chr = qemu_chr_new("n0", "null", NULL);
    TestFe fe;

    g_assert_nonnull(chr);
    fe_attach(&fe, chr);
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (uint8_t *)"abc", 3), ==, 3);
    run_briefly();
    /* Nothing ever arrives, and the line never opens. */
    g_assert_cmpstr(fe.got->str, ==, "");
    g_assert_cmpint(fe.opened, ==, 0);
    fe_detach(&fe);
    qemu_chr_cleanup();
}

static void test_pty_backend(void)
{
    Chardev *chr = qemu_chr_new("p0", "pty", NULL);
    const char *fn;
    char buf[8] = "";
    TestFe fe;
    int fd;

    g_assert_nonnull(chr);
    fn = qemu_chr_get_filename(chr);
    g_assert_true(g_str_has_prefix(fn, "pty:/dev/"));
    fe_attach(&fe, chr);
    fd = open(fn + strlen("pty:"), O_RDWR | O_NOCTTY);
    g_assert_cmpint(fd, >=, 0);
    /* A guest write notices the reader and reaches it. */
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"pt", 2);
    g_assert_cmpint(fe.opened, ==, 1);
    g_assert_cmpint(read(fd, buf, 2), ==, 2);
    g_assert_cmpstr(buf, ==, "pt");
    g_assert_cmpint(write(fd, "in", 2), ==, 2);
    RUN_UNTIL(fe.got->len == 2);
    g_assert_cmpstr(fe.got->str, ==, "in");
    close(fd);
    RUN_UNTIL(fe.closed == 1);
    fe_detach(&fe);
    qemu_chr_cleanup();
}

static void test_stdio_only_once(void)
{
    Error *err = NULL;

    g_assert_nonnull(qemu_chr_new_err("io0", "stdio", &error_abort));
    g_assert_null(qemu_chr_new_err("io1", "stdio", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "multiple"));
    error_free(err);
    qemu_chr_cleanup();
    /* Once the first is gone, stdio can be used again. */
    g_assert_nonnull(qemu_chr_new_err("io2", "stdio", &error_abort));
    qemu_chr_cleanup();
}

/* ---- options, registry ----------------------------------------------- */

static void test_compat_parse(void)
{
    Error *err = NULL;
    bool mon;
    QemuOpts *o;

    o = qemu_chr_parse_compat("a", "tcp::4444,server=on,wait=off", &mon,
                              &error_abort);
    g_assert_cmpstr(qemu_opt_get(o, "backend"), ==, "socket");
    g_assert_cmpstr(qemu_opt_get(o, "host"), ==, "");
    g_assert_cmpstr(qemu_opt_get(o, "port"), ==, "4444");
    g_assert_true(qemu_opt_get_bool(o, "server", false));
    g_assert_false(qemu_opt_get_bool(o, "wait", true));
    g_assert_false(mon);
    qemu_opts_del(o);

    o = qemu_chr_parse_compat("b", "mon:stdio", &mon, &error_abort);
    g_assert_cmpstr(qemu_opt_get(o, "backend"), ==, "stdio");
    g_assert_true(qemu_opt_get_bool(o, "mux", false));
    g_assert_true(mon);
    qemu_opts_del(o);

    o = qemu_chr_parse_compat("c", "unix:/tmp/s,server=on", NULL,
                              &error_abort);
    g_assert_cmpstr(qemu_opt_get(o, "path"), ==, "/tmp/s");
    qemu_opts_del(o);

    o = qemu_chr_parse_compat("d", "file:/tmp/f", NULL, &error_abort);
    g_assert_cmpstr(qemu_opt_get(o, "backend"), ==, "file");
    qemu_opts_del(o);

    g_assert_null(qemu_chr_parse_compat("e", "bogus", NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "bogus"));
    g_clear_pointer(&err, error_free);

    /* A key no backend knows is refused at parse time. */
    g_assert_null(qemu_chr_parse_compat("f", "tcp::1,colour=red", NULL,
                                        &err));
    g_assert_nonnull(err);
    error_free(err);
}

static void test_bad_opts(void)
{
    const char *bad[] = {
        "nosuch,id=b0",                 /* unknown backend */
        "null",                         /* no id */
        "mux,id=b1,chardev=x",          /* internal type */
        "socket,id=b2",                 /* no address */
        "file,id=b3",                   /* no path */
    };

    for (int i = 0; i < ARRAY_SIZE(bad); i++) {
        QemuOpts *o = qemu_opts_parse(&qemu_chardev_opts, bad[i], true,
                                      &error_abort);
        Error *err = NULL;

        g_assert_null(qemu_chr_new_from_opts(o, &err));
        g_assert_nonnull(err);
        error_free(err);
        qemu_opts_del(o);
    }
}

static void test_find_and_delete(void)
{
    Chardev *chr = qemu_chr_new("d0", "null", NULL);
    Error *err = NULL;
    CharBackend be;

    g_assert_true(qemu_chr_find("d0") == chr);
    g_assert_true(qemu_chr_new_err("d0x", "chardev:d0", &error_abort) == chr);
    g_assert_null(qemu_chr_new_err("d1", "chardev:none", &err));
    g_clear_pointer(&err, error_free);

    /* Duplicate ids are refused. */
    g_assert_null(qemu_chr_new_err("d0", "null", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "d0"));
    g_clear_pointer(&err, error_free);

    /* In use: cannot be deleted, nor shared by a second front end. */
    g_assert_true(qemu_chr_fe_init(&be, chr, &error_abort));
    g_assert_false(qemu_chr_delete("d0", &err));
    g_clear_pointer(&err, error_free);
    {
        CharBackend be2;

        g_assert_false(qemu_chr_fe_init(&be2, chr, &err));
        g_clear_pointer(&err, error_free);
    }
    qemu_chr_fe_deinit(&be, false);
    g_assert_true(qemu_chr_delete("d0", &error_abort));
    g_assert_null(qemu_chr_find("d0"));
    g_assert_false(qemu_chr_delete("d0", &err));
    error_free(err);
}

static void test_fe_without_chardev(void)
{
    CharBackend be;

    /* A UART with no chardev: writes vanish, nothing crashes. */
    g_assert_true(qemu_chr_fe_init(&be, NULL, &error_abort));
    g_assert_cmpint(qemu_chr_fe_write_all(&be, (uint8_t *)"x", 1), ==, 1);
    g_assert_false(qemu_chr_fe_backend_connected(&be));
    qemu_chr_fe_set_handlers(&be, fe_can_read, fe_read, fe_event, NULL,
                             NULL, NULL, true);
    qemu_chr_fe_accept_input(&be);
    qemu_chr_fe_deinit(&be, false);
}

/* ---- DEFINE_PROP_CHR ----------------------------------------------- */

#define TYPE_TEST_UART "test-char-uart"
OBJECT_DECLARE_SIMPLE_TYPE(TestUart, TEST_UART)

struct TestUart {
    DeviceState parent_obj;
    CharBackend chr;
};

static const Property test_uart_props[] = {
    DEFINE_PROP_CHR("chardev", TestUart, chr),
};

static void test_uart_class_init(ObjectClass *oc, void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), test_uart_props);
}

static const TypeInfo test_uart_info = {
    .name = TYPE_TEST_UART,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TestUart),
    .class_init = test_uart_class_init,
};

static void test_prop_chr(void)
{
    Chardev *chr = qemu_chr_new("pc0", "null", NULL);
    Object *a = OBJECT(qdev_new(TYPE_TEST_UART));
    Object *b = OBJECT(qdev_new(TYPE_TEST_UART));
    g_autofree char *val = NULL;
    Error *err = NULL;

    g_assert_true(object_property_parse(a, "chardev", "pc0", &error_abort));
    g_assert_true(TEST_UART(a)->chr.chr == chr);
    val = object_property_get_str(a, "chardev", &error_abort);
    g_assert_cmpstr(val, ==, "pc0");

    /* A chardev has one user, and unknown ids are refused. */
    g_assert_false(object_property_parse(b, "chardev", "pc0", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "in use"));
    g_clear_pointer(&err, error_free);
    g_assert_false(object_property_parse(b, "chardev", "nope", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "can't find"));
    g_clear_pointer(&err, error_free);

    /* Finalizing the device releases the chardev. */
    object_unref(a);
    g_assert_true(qemu_chr_delete("pc0", &error_abort));
    object_unref(b);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);
    type_register_static(&test_uart_info);

    g_test_add_func("/char/socket/server-client", test_socket_server_client);
    g_test_add_func("/char/socket/client-disconnect-survives",
                    test_socket_client_disconnect_survives);
    g_test_add_func("/char/socket/client-leaves-while-fe-blocked",
                    test_socket_client_leaves_while_fe_blocked);
    g_test_add_func("/char/socket/unix-server", test_socket_unix_server);
    g_test_add_func("/char/socket/client-mode", test_socket_client_mode);
    g_test_add_func("/char/socket/client-refused",
                    test_socket_client_refused);
    g_test_add_func("/char/mux/focus-switch", test_mux_focus_switch);
    g_test_add_func("/char/mux/escape-escape", test_mux_escape_escape);
    g_test_add_func("/char/mux/help-and-break", test_mux_help_and_break);
    g_test_add_func("/char/mux/quit", test_mux_quit);
    g_test_add_func("/char/mux/output-from-both", test_mux_output_from_both);
    g_test_add_func("/char/mux/buffers-while-blocked",
                    test_mux_buffers_while_blocked);
    g_test_add_func("/char/mux/too-many-frontends",
                    test_mux_too_many_frontends);
    g_test_add_func("/char/file/write-and-append", test_file_backend);
    g_test_add_func("/char/file/unwritable", test_file_unwritable);
    g_test_add_func("/char/logfile", test_logfile);
    g_test_add_func("/char/null", test_null_backend);
    g_test_add_func("/char/pty", test_pty_backend);
    g_test_add_func("/char/stdio/only-once", test_stdio_only_once);
    g_test_add_func("/char/opts/compat-parse", test_compat_parse);
    g_test_add_func("/char/opts/bad", test_bad_opts);
    g_test_add_func("/char/registry/find-and-delete", test_find_and_delete);
    g_test_add_func("/char/fe/no-chardev", test_fe_without_chardev);
    g_test_add_func("/char/prop/chardev", test_prop_chr);
    return g_test_run();
}
