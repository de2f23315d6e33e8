/*
 * libqtest: the client side of the qtest protocol and of QMP, for test
 * programs that drive a qemu-system-cr16 process.  See libqtest.h.
 *
 * How a session is set up: the test listens on two Unix sockets in a
 * fresh temporary directory and starts the emulator with
 *   -qtest unix:DIR/qtest.sock  -chardev socket,path=DIR/qmp.sock,id=..
 *   -mon chardev=..,mode=control  -accel qtest
 * so the emulator connects to us as a client.  Listening on our side
 * means there is no race with the emulator's start-up: its connects land
 * in our backlog whenever it gets to them, and we notice if it exits
 * before that.
 *
 * The emulator's stderr goes to a file in the same directory.  It is
 * copied to our stderr when the session ends (or aborts), and scanned
 * for sanitizer reports, which fail the test.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "libqtest.h"

#define QTEST_MAX_IRQ 256
#define QTEST_DEFAULT_TIMEOUT 60

struct QTestState {
    pid_t pid;
    bool exited;
    int wstatus;
    int expected_status;

    int fd;                 /* qtest protocol */
    int qmp_fd;
    GString *rx;            /* qtest bytes not yet consumed */
    GString *qmp_rx;
    GQueue events;          /* QMP events not yet asked for */

    bool irq_level[QTEST_MAX_IRQ];
    char *last_cmd;         /* for error messages */
    bool qmp_log;

    char *tmpdir;
    char *stderr_path;
};

/*
 * Sessions still running, so that a test that aborts (a failed g_assert)
 * kills its emulators and removes their files from the SIGABRT handler.
 */
#define QTEST_MAX_SESSIONS 32
static QTestState *live_sessions[QTEST_MAX_SESSIONS];

static void qtest_remove_files(QTestState *s);

static void qtest_abort_handler(int sig)
{
    for (int i = 0; i < QTEST_MAX_SESSIONS; i++) {
        QTestState *s = live_sessions[i];

        if (s) {
            live_sessions[i] = NULL;
            if (!s->exited) {
                kill(s->pid, SIGKILL);
            }
            qtest_remove_files(s);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void qtest_track(QTestState *s, bool live)
{
    static bool handler_installed;

    if (!handler_installed) {
        signal(SIGABRT, qtest_abort_handler);
        handler_installed = true;
    }
    for (int i = 0; i < QTEST_MAX_SESSIONS; i++) {
        if (live ? !live_sessions[i] : live_sessions[i] == s) {
            live_sessions[i] = live ? s : NULL;
            return;
        }
    }
}

/* ---- small helpers --------------------------------------------------- */

int qtest_timeout_seconds(void)
{
    const char *env = getenv("QTEST_TIMEOUT");
    int t = env ? atoi(env) : 0;

    return t > 0 ? t : QTEST_DEFAULT_TIMEOUT;
}

static int64_t qtest_deadline(int timeout_ms)
{
    return g_get_monotonic_time() + (int64_t)timeout_ms * 1000;
}

static int64_t qtest_default_deadline(void)
{
    return qtest_deadline(qtest_timeout_seconds() * 1000);
}

const char *qtest_qemu_binary(void)
{
    const char *bin = getenv("QTEST_QEMU_BINARY");

    if (!bin || !*bin) {
        fprintf(stderr, "libqtest: set QTEST_QEMU_BINARY to the path of "
                "qemu-system-cr16 (meson test does it for you)\n");
        exit(1);
    }
    return bin;
}

/*
 * The emulator's stderr so far (g_free it).  With @show, or when
 * $QTEST_LOG is set, it is also copied to ours, once.
 */
static char *qtest_flush_stderr(QTestState *s, bool show)
{
    char *text = NULL;
    gsize len = 0;

    if (!s->stderr_path ||
        !g_file_get_contents(s->stderr_path, &text, &len, NULL)) {
        return g_strdup("");
    }
    if (!show && !getenv("QTEST_LOG")) {
        return text;
    }
    if (len) {
        fprintf(stderr, "--- emulator stderr (pid %d) ---\n%s%s"
                "--- end of emulator stderr ---\n", (int)s->pid, text,
                text[len - 1] == '\n' ? "" : "\n");
    }
    /* Printed once: later calls only see what came since. */
    if (truncate(s->stderr_path, 0) < 0) {
        /* Nothing to do: at worst it is printed twice. */
    }
    return text;
}

static bool qtest_has_sanitizer_report(const char *text)
{
    return strstr(text, "ERROR: AddressSanitizer") ||
           strstr(text, "ERROR: LeakSanitizer") ||
           strstr(text, "runtime error:") ||
           strstr(text, "ERROR: UndefinedBehaviorSanitizer");
}

static char *qtest_describe_status(int wstatus)
{
    if (WIFSIGNALED(wstatus)) {
        return g_strdup_printf("was killed by signal %d (%s)%s",
                               WTERMSIG(wstatus),
                               strsignal(WTERMSIG(wstatus)),
                               WCOREDUMP(wstatus) ? ", core dumped" : "");
    }
    return g_strdup_printf("exited with status %d%s", WEXITSTATUS(wstatus),
                           WEXITSTATUS(wstatus) == 23 ?
                           " (LeakSanitizer found leaks)" : "");
}

/* Collect the child if it exited, waiting until @deadline at most. */
static bool qtest_reap(QTestState *s, int64_t deadline)
{
    while (!s->exited) {
        pid_t r = waitpid(s->pid, &s->wstatus, WNOHANG);

        if (r == s->pid) {
            s->exited = true;
            break;
        }
        if (r < 0 && errno != EINTR) {
            /* Not our child any more: treat as gone, status unknown. */
            s->exited = true;
            s->wstatus = 0xff00;
            break;
        }
        if (g_get_monotonic_time() >= deadline) {
            return false;
        }
        g_usleep(2000);
    }
    return true;
}

static void qtest_remove_files(QTestState *s)
{
    if (s->stderr_path) {
        unlink(s->stderr_path);
    }
    if (s->tmpdir) {
        g_autofree char *q = g_build_filename(s->tmpdir, "qtest.sock", NULL);
        g_autofree char *m = g_build_filename(s->tmpdir, "qmp.sock", NULL);

        unlink(q);
        unlink(m);
        rmdir(s->tmpdir);
    }
}

/*
 * Something went wrong that the test cannot recover from: say what,
 * show the emulator's stderr, kill it and abort the test program.
 */
static void G_GNUC_PRINTF(2, 3) G_GNUC_NORETURN
qtest_fatal(QTestState *s, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "libqtest: %s\n", msg);
    if (s) {
        if (s->last_cmd) {
            fprintf(stderr, "libqtest: last command sent: %s\n",
                    s->last_cmd);
        }
        if (!s->exited) {
            kill(s->pid, SIGKILL);
            qtest_reap(s, qtest_deadline(5000));
        } else {
            g_autofree char *st = qtest_describe_status(s->wstatus);

            fprintf(stderr, "libqtest: the emulator %s\n", st);
        }
        g_free(qtest_flush_stderr(s, true));
        qtest_remove_files(s);
    }
    abort();
}

/* Fail the running test (or the program, outside a test) softly. */
static void G_GNUC_PRINTF(1, 2) qtest_fail(const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    const char *path = g_test_get_path();
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "libqtest: %s\n", msg);
    if (path && *path) {
        g_test_fail_printf("%s", msg);
    } else {
        exit(1);
    }
}

/* The socket reached EOF or broke: the emulator is gone. */
static void G_GNUC_NORETURN qtest_lost(QTestState *s, const char *what)
{
    g_autofree char *st = NULL;

    qtest_reap(s, qtest_deadline(2000));
    st = s->exited ? qtest_describe_status(s->wstatus)
                   : g_strdup("closed the socket but is still running");
    qtest_fatal(s, "the emulator went away while we were using the %s "
                "socket: it %s", what, st);
}

static void qtest_write_all(QTestState *s, int fd, const char *what,
                            const char *buf, size_t len)
{
    while (len) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            qtest_lost(s, what);
        }
        buf += n;
        len -= n;
    }
}

/*
 * The next line from @fd (without "\r\n"), or NULL if @deadline passed
 * first.  EOF is fatal.
 */
static char *qtest_read_line(QTestState *s, int fd, GString *rx,
                             const char *what, int64_t deadline)
{
    for (;;) {
        char *nl = memchr(rx->str, '\n', rx->len);
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        int64_t left_ms;
        char buf[4096];
        ssize_t n;
        int r;

        if (nl) {
            size_t len = nl - rx->str;
            char *line = g_strndup(rx->str, len);

            g_string_erase(rx, 0, len + 1);
            if (len && line[len - 1] == '\r') {
                line[len - 1] = '\0';
            }
            return line;
        }
        left_ms = (deadline - g_get_monotonic_time()) / 1000;
        if (left_ms <= 0) {
            return NULL;
        }
        r = poll(&pfd, 1, MIN(left_ms, 1000));
        if (r < 0 && errno != EINTR) {
            qtest_fatal(s, "poll: %s", strerror(errno));
        }
        if (r <= 0) {
            continue;
        }
        n = read(fd, buf, sizeof(buf));
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (n <= 0) {
            qtest_lost(s, what);
        }
        g_string_append_len(rx, buf, n);
    }
}

/* ---- starting the emulator ------------------------------------------- */

static int qtest_listen(QTestState *s, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(addr.sun_path)) {
        qtest_fatal(NULL, "socket path too long: %s", path);
    }
    strcpy(addr.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(fd, 1) < 0) {
        qtest_fatal(NULL, "cannot listen on %s: %s", path, strerror(errno));
    }
    return fd;
}

/* Accept the emulator's connection, noticing if it exits instead. */
static int qtest_accept(QTestState *s, int lfd, const char *what)
{
    int64_t deadline = qtest_default_deadline();

    for (;;) {
        struct pollfd pfd = { .fd = lfd, .events = POLLIN };
        int r = poll(&pfd, 1, 20);

        if (r > 0) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

            if (fd >= 0) {
                return fd;
            }
            if (errno != EINTR && errno != EAGAIN) {
                qtest_fatal(s, "accept: %s", strerror(errno));
            }
        }
        if (qtest_reap(s, 0)) {
            g_autofree char *st = qtest_describe_status(s->wstatus);

            qtest_fatal(s, "the emulator %s before connecting its %s "
                        "socket", st, what);
        }
        if (g_get_monotonic_time() >= deadline) {
            qtest_fatal(s, "the emulator did not connect its %s socket "
                        "within %d s", what, qtest_timeout_seconds());
        }
    }
}

/* Start @argv with stdout on stderr and stderr into s->stderr_path. */
static void qtest_spawn(QTestState *s, char **argv)
{
    int errfd = open(s->stderr_path, O_WRONLY | O_CREAT | O_TRUNC |
                     O_CLOEXEC, 0600);

    if (errfd < 0) {
        qtest_fatal(NULL, "cannot create %s: %s", s->stderr_path,
                    strerror(errno));
    }
    fflush(stdout);
    fflush(stderr);
    s->pid = fork();
    if (s->pid < 0) {
        qtest_fatal(NULL, "fork: %s", strerror(errno));
    }
    if (s->pid == 0) {
        /* Die with the test program, even if it is killed or aborts. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        /* Keep TAP on our stdout clean: the emulator never writes there. */
        dup2(errfd, STDERR_FILENO);
        dup2(errfd, STDOUT_FILENO);
        execv(argv[0], argv);
        fprintf(stderr, "libqtest: cannot run %s: %s\n", argv[0],
                strerror(errno));
        _exit(127);
    }
    close(errfd);
}

static QTestState *qtest_new_state(void)
{
    QTestState *s = g_new0(QTestState, 1);
    GError *err = NULL;

    s->fd = s->qmp_fd = -1;
    s->rx = g_string_new(NULL);
    s->qmp_rx = g_string_new(NULL);
    g_queue_init(&s->events);
    s->qmp_log = getenv("QTEST_LOG") != NULL;
    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", &err);
    if (!s->tmpdir) {
        qtest_fatal(NULL, "cannot make a temporary directory: %s",
                    err->message);
    }
    s->stderr_path = g_build_filename(s->tmpdir, "stderr", NULL);
    qtest_track(s, true);
    return s;
}

static char **qtest_build_argv(const char *fixed, const char *extra)
{
    g_autoptr(GPtrArray) args = g_ptr_array_new();
    g_auto(GStrv) a = NULL, b = NULL;
    GError *err = NULL;

    g_ptr_array_add(args, g_strdup(qtest_qemu_binary()));
    if (fixed && *fixed && !g_shell_parse_argv(fixed, NULL, &a, &err)) {
        qtest_fatal(NULL, "bad arguments '%s': %s", fixed, err->message);
    }
    if (extra && *extra && strspn(extra, " \t\n") != strlen(extra) &&
        !g_shell_parse_argv(extra, NULL, &b, &err)) {
        qtest_fatal(NULL, "bad arguments '%s': %s", extra, err->message);
    }
    for (int i = 0; a && a[i]; i++) {
        g_ptr_array_add(args, g_strdup(a[i]));
    }
    for (int i = 0; b && b[i]; i++) {
        g_ptr_array_add(args, g_strdup(b[i]));
    }
    g_ptr_array_add(args, NULL);
    return (char **)g_ptr_array_free(g_steal_pointer(&args), false);
}

static void qtest_qmp_send_text(QTestState *s, const char *text);

static QTestState *qtest_init_internal(const char *extra_args,
                                       bool handshake, bool with_qtest)
{
    QTestState *s = qtest_new_state();
    g_autofree char *qpath = g_build_filename(s->tmpdir, "qtest.sock",
                                              NULL);
    g_autofree char *mpath = g_build_filename(s->tmpdir, "qmp.sock", NULL);
    g_autofree char *fixed = NULL;
    g_auto(GStrv) argv = NULL;
    json_t *greeting;
    int qlfd = with_qtest ? qtest_listen(s, qpath) : -1;
    int mlfd = qtest_listen(s, mpath);

    if (with_qtest) {
        fixed = g_strdup_printf("-qtest unix:%s -qtest-log %s "
                                "-chardev socket,path=%s,id=qtest-qmp "
                                "-mon chardev=qtest-qmp,mode=control "
                                "-display none -accel qtest",
                                qpath, getenv("QTEST_LOG") ? "-" : "none",
                                mpath);
    } else {
        fixed = g_strdup_printf("-chardev socket,path=%s,id=qtest-qmp "
                                "-mon chardev=qtest-qmp,mode=control "
                                "-display none", mpath);
    }
    argv = qtest_build_argv(fixed, extra_args);
    if (s->qmp_log) {
        g_autofree char *cmd = g_strjoinv(" ", argv);

        fprintf(stderr, "libqtest: starting %s\n", cmd);
    }
    qtest_spawn(s, argv);
    s->qmp_fd = qtest_accept(s, mlfd, "QMP");
    close(mlfd);
    unlink(mpath);
    if (with_qtest) {
        s->fd = qtest_accept(s, qlfd, "qtest");
        close(qlfd);
        unlink(qpath);
    }

    if (handshake) {
        json_t *rsp;

        greeting = qtest_qmp_receive_dict(s);
        if (!json_object_get(greeting, "QMP")) {
            qtest_fatal(s, "the QMP greeting has no \"QMP\" member");
        }
        json_decref(greeting);

        qtest_qmp_send_text(s, "{\"execute\": \"qmp_capabilities\"}");
        rsp = qtest_qmp_receive(s);
        if (!json_object_get(rsp, "return")) {
            qtest_fatal(s, "qmp_capabilities failed");
        }
        json_decref(rsp);
    }
    return s;
}

QTestState *qtest_init(const char *extra_args)
{
    return qtest_init_internal(extra_args, true, true);
}

QTestState *qtest_init_without_qmp_handshake(const char *extra_args)
{
    return qtest_init_internal(extra_args, false, true);
}

QTestState *qtest_init_with_cpu(const char *extra_args)
{
    return qtest_init_internal(extra_args, true, false);
}

QTestState *qtest_initf(const char *fmt, ...)
{
    g_autofree char *args = NULL;
    va_list ap;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return qtest_init(args);
}

/* ---- stopping -------------------------------------------------------- */

void qtest_set_expected_status(QTestState *s, int status)
{
    s->expected_status = status;
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

bool qtest_probe_child(QTestState *s)
{
    return !qtest_reap(s, 0);
}

bool qtest_wait_qemu(QTestState *s)
{
    return qtest_reap(s, qtest_default_deadline());
}

void qtest_quit(QTestState *s)
{
    g_autofree char *err = NULL;

    if (!s) {
        return;
    }
    if (!s->exited) {
        kill(s->pid, SIGTERM);
        if (!qtest_reap(s, qtest_default_deadline())) {
            kill(s->pid, SIGKILL);
            qtest_reap(s, qtest_deadline(5000));
            qtest_fail("the emulator did not exit within %d s of SIGTERM",
                       qtest_timeout_seconds());
        }
    }
    err = qtest_flush_stderr(s, false);
    if (WIFSIGNALED(s->wstatus) ||
        WEXITSTATUS(s->wstatus) != s->expected_status) {
        g_autofree char *st = qtest_describe_status(s->wstatus);

        g_free(qtest_flush_stderr(s, true));
        qtest_fail("the emulator %s (expected status %d)", st,
                   s->expected_status);
    } else if (qtest_has_sanitizer_report(err)) {
        g_free(qtest_flush_stderr(s, true));
        qtest_fail("the emulator reported a sanitizer error (see its "
                   "stderr above)");
    }

    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->qmp_fd >= 0) {
        close(s->qmp_fd);
    }
    qtest_remove_files(s);
    qtest_track(s, false);
    g_queue_clear_full(&s->events, (GDestroyNotify)json_decref);
    g_string_free(s->rx, true);
    g_string_free(s->qmp_rx, true);
    g_free(s->last_cmd);
    g_free(s->tmpdir);
    g_free(s->stderr_path);
    g_free(s);
}

int qtest_run_qemu(const char *args, char **err)
{
    QTestState *s = qtest_new_state();
    g_auto(GStrv) argv = qtest_build_argv("-display none", args);
    g_autofree char *text = NULL;
    int status;

    qtest_spawn(s, argv);
    if (!qtest_reap(s, qtest_default_deadline())) {
        kill(s->pid, SIGKILL);
        qtest_reap(s, qtest_deadline(5000));
        qtest_fail("the emulator did not exit within %d s",
                   qtest_timeout_seconds());
    }
    g_file_get_contents(s->stderr_path, &text, NULL, NULL);
    if (text && qtest_has_sanitizer_report(text)) {
        fprintf(stderr, "%s", text);
        qtest_fail("the emulator reported a sanitizer error");
    }
    status = WIFEXITED(s->wstatus) ? WEXITSTATUS(s->wstatus) : -1;
    if (err) {
        *err = text ? g_steal_pointer(&text) : g_strdup("");
    }
    qtest_remove_files(s);
    qtest_track(s, false);
    g_string_free(s->rx, true);
    g_string_free(s->qmp_rx, true);
    g_free(s->tmpdir);
    g_free(s->stderr_path);
    g_free(s);
    return status;
}

/* ---- the qtest protocol ---------------------------------------------- */

static void G_GNUC_PRINTF(2, 3) qtest_sendf(QTestState *s,
                                            const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    va_start(ap, fmt);
    g_free(s->last_cmd);
    s->last_cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (s->fd < 0) {
        qtest_fatal(s, "this session has no qtest socket "
                    "(qtest_init_with_cpu)");
    }
    line = g_strconcat(s->last_cmd, "\n", NULL);
    qtest_write_all(s, s->fd, "qtest", line, strlen(line));
}

/* An "IRQ raise N" / "IRQ lower N" line: remember the level. */
static bool qtest_handle_irq_line(QTestState *s, const char *line)
{
    int n;
    char dir[8];

    if (strncmp(line, "IRQ ", 4)) {
        return false;
    }
    if (sscanf(line, "IRQ %7s %d", dir, &n) != 2 || n < 0 ||
        n >= QTEST_MAX_IRQ ||
        (strcmp(dir, "raise") && strcmp(dir, "lower"))) {
        qtest_fatal(s, "bad IRQ message '%s'", line);
    }
    s->irq_level[n] = !strcmp(dir, "raise");
    return true;
}

/* The next reply line that is not an IRQ message. */
static char *qtest_reply_line(QTestState *s)
{
    for (;;) {
        char *line = qtest_read_line(s, s->fd, s->rx, "qtest",
                                     qtest_default_deadline());

        if (!line) {
            qtest_fatal(s, "no qtest reply within %d s",
                        qtest_timeout_seconds());
        }
        if (!qtest_handle_irq_line(s, line)) {
            return line;
        }
        g_free(line);
    }
}

/* The words of an OK reply (words[0] is "OK"); anything else aborts. */
static char **qtest_rsp(QTestState *s)
{
    g_autofree char *line = qtest_reply_line(s);
    char **words = g_strsplit(line, " ", 0);

    if (strcmp(words[0], "OK")) {
        g_strfreev(words);
        qtest_fatal(s, "qtest command failed: %s", line);
    }
    return words;
}

static void qtest_rsp_ok(QTestState *s)
{
    g_strfreev(qtest_rsp(s));
}

/* An OK reply carrying one number. */
static uint64_t qtest_rsp_u64(QTestState *s)
{
    g_auto(GStrv) words = qtest_rsp(s);
    char *end;
    uint64_t v;

    if (!words[1]) {
        qtest_fatal(s, "reply without a value");
    }
    errno = 0;
    v = strtoull(words[1], &end, 0);
    if (errno || *end) {
        qtest_fatal(s, "bad number '%s' in reply", words[1]);
    }
    return v;
}

char *qtest_raw_cmd(QTestState *s, const char *line)
{
    qtest_sendf(s, "%s", line);
    return qtest_reply_line(s);
}

static uint64_t qtest_read(QTestState *s, const char *cmd, uint64_t addr)
{
    qtest_sendf(s, "%s 0x%" PRIx64, cmd, addr);
    return qtest_rsp_u64(s);
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readb", addr);
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readw", addr);
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readl", addr);
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readq", addr);
}

static void qtest_write(QTestState *s, const char *cmd, uint64_t addr,
                        uint64_t value)
{
    qtest_sendf(s, "%s 0x%" PRIx64 " 0x%" PRIx64, cmd, addr, value);
    qtest_rsp_ok(s);
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value)
{
    qtest_write(s, "writeb", addr, value);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t value)
{
    qtest_write(s, "writew", addr, value);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t value)
{
    qtest_write(s, "writel", addr, value);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value)
{
    qtest_write(s, "writeq", addr, value);
}

static int qtest_hexval(QTestState *s, char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    qtest_fatal(s, "bad hex digit '%c' in reply", c);
}

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_auto(GStrv) words = NULL;
    uint8_t *out = data;
    const char *hex;

    if (!size) {
        return;
    }
    qtest_sendf(s, "read 0x%" PRIx64 " 0x%zx", addr, size);
    words = qtest_rsp(s);
    hex = words[1];
    if (!hex || strncmp(hex, "0x", 2) || strlen(hex + 2) != size * 2) {
        qtest_fatal(s, "bad reply to read of %zu bytes", size);
    }
    hex += 2;
    for (size_t i = 0; i < size; i++) {
        out[i] = qtest_hexval(s, hex[2 * i]) << 4 |
                 qtest_hexval(s, hex[2 * i + 1]);
    }
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    const uint8_t *in = data;
    GString *hex;

    if (!size) {
        return;
    }
    hex = g_string_sized_new(size * 2 + 40);
    g_string_printf(hex, "write 0x%" PRIx64 " 0x%zx 0x", addr, size);
    for (size_t i = 0; i < size; i++) {
        g_string_append_printf(hex, "%02x", in[i]);
    }
    qtest_sendf(s, "%s", hex->str);
    g_string_free(hex, true);
    qtest_rsp_ok(s);
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_auto(GStrv) words = NULL;
    g_autofree uint8_t *dec = NULL;
    gsize len = 0;

    qtest_sendf(s, "b64read 0x%" PRIx64 " 0x%zx", addr, size);
    words = qtest_rsp(s);
    dec = g_base64_decode(words[1] ? words[1] : "", &len);
    if (len != size) {
        qtest_fatal(s, "b64read returned %zu bytes, not %zu", (size_t)len,
                    size);
    }
    memcpy(data, dec, size);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    g_autofree char *enc = g_base64_encode(data, size);

    qtest_sendf(s, "b64write 0x%" PRIx64 " 0x%zx %s", addr, size,
                size ? enc : "");
    qtest_rsp_ok(s);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size)
{
    qtest_sendf(s, "memset 0x%" PRIx64 " 0x%zx 0x%02x", addr, size, patt);
    qtest_rsp_ok(s);
}

int64_t qtest_clock_step(QTestState *s, int64_t step)
{
    qtest_sendf(s, "clock_step %" PRIi64, step);
    return qtest_rsp_u64(s);
}

int64_t qtest_clock_step_next(QTestState *s)
{
    qtest_sendf(s, "clock_step");
    return qtest_rsp_u64(s);
}

int64_t qtest_clock_set(QTestState *s, int64_t val)
{
    qtest_sendf(s, "clock_set %" PRIi64, val);
    return qtest_rsp_u64(s);
}

void qtest_irq_intercept_in(QTestState *s, const char *qom_path)
{
    qtest_sendf(s, "irq_intercept_in %s", qom_path);
    qtest_rsp_ok(s);
}

void qtest_irq_intercept_out(QTestState *s, const char *qom_path)
{
    qtest_sendf(s, "irq_intercept_out %s", qom_path);
    qtest_rsp_ok(s);
}

void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name)
{
    qtest_sendf(s, "irq_intercept_out %s %s", qom_path, name);
    qtest_rsp_ok(s);
}

bool qtest_get_irq(QTestState *s, int num)
{
    g_assert(num >= 0 && num < QTEST_MAX_IRQ);
    /* A round trip collects IRQ messages that are already on their way. */
    qtest_sendf(s, "endianness");
    qtest_rsp_ok(s);
    return s->irq_level[num];
}

void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level)
{
    qtest_sendf(s, "set_irq_in %s %s %d %d", qom_path,
                name ? name : "unnamed-gpio-in", num, level);
    qtest_rsp_ok(s);
}

bool qtest_big_endian(QTestState *s)
{
    g_auto(GStrv) words = NULL;

    qtest_sendf(s, "endianness");
    words = qtest_rsp(s);
    return words[1] && !strcmp(words[1], "big");
}

/* ---- QMP ------------------------------------------------------------- */

static void qtest_qmp_send_text(QTestState *s, const char *text)
{
    g_autofree char *line = g_strconcat(text, "\n", NULL);

    if (s->qmp_log) {
        fprintf(stderr, "qmp> %s\n", text);
    }
    g_free(s->last_cmd);
    s->last_cmd = g_strdup(text);
    qtest_write_all(s, s->qmp_fd, "QMP", line, strlen(line));
}

/* Append @v (reference taken) as JSON text. */
static void qtest_json_append(GString *out, json_t *v)
{
    char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

    g_string_append(out, text);
    free(text);
    json_decref(v);
}

/*
 * Expand a QMP format (see libqtest.h) into JSON text.  Strings in
 * single quotes become double-quoted ones; conversions outside string
 * literals become JSON values.
 */
static char *qtest_json_expand(const char *fmt, va_list ap)
{
    GString *out = g_string_new(NULL);
    const char *p = fmt;

    while (*p) {
        if (*p == '\'' || *p == '"') {
            char quote = *p++;
            GString *str = g_string_new(NULL);

            /* Collect the literal's characters, then quote them anew. */
            while (*p && *p != quote) {
                if (*p == '\\' && p[1]) {
                    if (p[1] == '\'' || p[1] == '"' || p[1] == '\\' ||
                        p[1] == '/') {
                        g_string_append_c(str, p[1]);
                        p += 2;
                        continue;
                    }
                    /* \n, \t, \uXXXX...: let the JSON parser decode. */
                    g_string_append_c(str, '\x01');
                    g_string_append_c(str, p[1]);
                    p += 2;
                    continue;
                }
                g_string_append_c(str, *p++);
            }
            if (!*p) {
                qtest_fatal(NULL, "unterminated string in QMP format: %s",
                            fmt);
            }
            p++;
            g_string_append_c(out, '"');
            for (const char *c = str->str; *c; c++) {
                if (*c == '\x01') {
                    g_string_append_c(out, '\\');
                } else if (*c == '"' || *c == '\\') {
                    g_string_append_c(out, '\\');
                    g_string_append_c(out, *c);
                } else if ((unsigned char)*c < 0x20) {
                    g_string_append_printf(out, "\\u%04x", *c);
                } else {
                    g_string_append_c(out, *c);
                }
            }
            g_string_append_c(out, '"');
            g_string_free(str, true);
            continue;
        }
        if (*p != '%') {
            g_string_append_c(out, *p++);
            continue;
        }
        p++;
        if (*p == '%') {
            g_string_append_c(out, '%');
            p++;
        } else if (*p == 's') {
            const char *sv = va_arg(ap, const char *);

            qtest_json_append(out, sv ? json_string(sv) : json_null());
            p++;
        } else if (*p == 'p') {
            json_t *v = va_arg(ap, json_t *);

            qtest_json_append(out, v ? v : json_null());
            p++;
        } else {
            int longs = 0;

            while (*p == 'l' && longs < 2) {
                longs++;
                p++;
            }
            if (*p == 'd' || *p == 'i') {
                long long v = longs == 2 ? va_arg(ap, long long) :
                              longs == 1 ? va_arg(ap, long) :
                              va_arg(ap, int);

                g_string_append_printf(out, "%lld", v);
            } else if (*p == 'u') {
                unsigned long long v =
                    longs == 2 ? va_arg(ap, unsigned long long) :
                    longs == 1 ? va_arg(ap, unsigned long) :
                    va_arg(ap, unsigned int);

                g_string_append_printf(out, "%llu", v);
            } else {
                qtest_fatal(NULL, "unsupported conversion in QMP format: "
                            "%s", fmt);
            }
            p++;
        }
    }
    return g_string_free(out, false);
}

/* Expand and check a QMP format: the JSON object it makes. */
static json_t *qtest_json_build(const char *fmt, va_list ap)
{
    g_autofree char *text = qtest_json_expand(fmt, ap);
    json_error_t jerr;
    json_t *v = json_loads(text, 0, &jerr);

    if (!v || !json_is_object(v)) {
        qtest_fatal(NULL, "QMP format does not make a JSON object (%s): "
                    "%s", v ? "not an object" : jerr.text, text);
    }
    return v;
}

void qtest_qmp_vsend(QTestState *s, const char *fmt, va_list ap)
{
    json_t *msg = qtest_json_build(fmt, ap);
    char *text = json_dumps(msg, JSON_COMPACT);

    qtest_qmp_send_text(s, text);
    free(text);
    json_decref(msg);
}

void qtest_qmp_send(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_qmp_vsend(s, fmt, ap);
    va_end(ap);
}

void qtest_qmp_send_raw(QTestState *s, const char *fmt, ...)
{
    g_autofree char *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (s->qmp_log) {
        fprintf(stderr, "qmp raw> %s\n", text);
    }
    qtest_write_all(s, s->qmp_fd, "QMP", text, strlen(text));
}

static json_t *qtest_qmp_parse(QTestState *s, const char *line)
{
    json_error_t jerr;
    json_t *v = json_loads(line, 0, &jerr);

    if (s->qmp_log) {
        fprintf(stderr, "qmp< %s\n", line);
    }
    if (!v || !json_is_object(v)) {
        qtest_fatal(s, "bad JSON from QMP (%s): %s",
                    v ? "not an object" : jerr.text, line);
    }
    return v;
}

json_t *qtest_qmp_receive_timeout(QTestState *s, int timeout_ms)
{
    g_autofree char *line = NULL;

    do {
        g_free(line);
        line = qtest_read_line(s, s->qmp_fd, s->qmp_rx, "QMP",
                               qtest_deadline(timeout_ms));
        if (!line) {
            return NULL;
        }
    } while (!line[strspn(line, " \t")]);     /* blank lines */
    return qtest_qmp_parse(s, line);
}

json_t *qtest_qmp_receive_dict(QTestState *s)
{
    json_t *v = qtest_qmp_receive_timeout(s, qtest_timeout_seconds() * 1000);

    if (!v) {
        qtest_fatal(s, "no QMP message within %d s",
                    qtest_timeout_seconds());
    }
    return v;
}

json_t *qtest_qmp_receive(QTestState *s)
{
    for (;;) {
        json_t *v = qtest_qmp_receive_dict(s);

        if (!json_object_get(v, "event")) {
            return v;
        }
        g_queue_push_tail(&s->events, v);
    }
}

json_t *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
{
    qtest_qmp_vsend(s, fmt, ap);
    return qtest_qmp_receive(s);
}

json_t *qtest_qmp(QTestState *s, const char *fmt, ...)
{
    json_t *rsp;
    va_list ap;

    va_start(ap, fmt);
    rsp = qtest_vqmp(s, fmt, ap);
    va_end(ap);
    return rsp;
}

static json_t *qtest_take_return(QTestState *s, json_t *rsp)
{
    json_t *ret = json_object_get(rsp, "return");

    if (!ret) {
        char *text = json_dumps(rsp, JSON_COMPACT);

        qtest_fatal(s, "QMP command failed: %s", text);
    }
    json_incref(ret);
    json_decref(rsp);
    return ret;
}

void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    json_decref(qtest_take_return(s, qtest_vqmp(s, fmt, ap)));
    va_end(ap);
}

json_t *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
{
    json_t *ret;
    va_list ap;

    va_start(ap, fmt);
    ret = qtest_take_return(s, qtest_vqmp(s, fmt, ap));
    va_end(ap);
    return ret;
}

json_t *qtest_qmp_assert_failure_ref(QTestState *s, const char *fmt, ...)
{
    json_t *rsp, *err;
    va_list ap;

    va_start(ap, fmt);
    rsp = qtest_vqmp(s, fmt, ap);
    va_end(ap);
    err = json_object_get(rsp, "error");
    if (!err) {
        char *text = json_dumps(rsp, JSON_COMPACT);

        qtest_fatal(s, "QMP command succeeded but should have failed: %s",
                    text);
    }
    json_incref(err);
    json_decref(rsp);
    return err;
}

static bool qtest_is_event(json_t *msg, const char *event)
{
    const char *name = json_string_value(json_object_get(msg, "event"));

    return name && !strcmp(name, event);
}

json_t *qtest_qmp_event_ref(QTestState *s, const char *event)
{
    for (GList *l = s->events.head; l; l = l->next) {
        if (qtest_is_event(l->data, event)) {
            json_t *v = l->data;

            g_queue_delete_link(&s->events, l);
            return v;
        }
    }
    return NULL;
}

void qtest_qmp_clear_events(QTestState *s)
{
    g_queue_clear_full(&s->events, (GDestroyNotify)json_decref);
}

json_t *qtest_qmp_eventwait_timeout(QTestState *s, const char *event,
                                    int timeout_ms)
{
    int64_t deadline = qtest_deadline(timeout_ms);
    json_t *v = qtest_qmp_event_ref(s, event);

    while (!v) {
        int64_t left_ms = (deadline - g_get_monotonic_time()) / 1000;

        if (left_ms <= 0) {
            return NULL;
        }
        v = qtest_qmp_receive_timeout(s, left_ms);
        if (!v) {
            return NULL;
        }
        if (json_object_get(v, "event") && !qtest_is_event(v, event)) {
            g_queue_push_tail(&s->events, v);
            v = NULL;
        } else if (!json_object_get(v, "event")) {
            /* A response nobody waits for: nothing to keep it for. */
            json_decref(v);
            v = NULL;
        }
    }
    return v;
}

json_t *qtest_qmp_eventwait_ref(QTestState *s, const char *event)
{
    json_t *v = qtest_qmp_eventwait_timeout(s, event,
                                            qtest_timeout_seconds() * 1000);

    if (!v) {
        qtest_fatal(s, "no %s event within %d s", event,
                    qtest_timeout_seconds());
    }
    return v;
}

void qtest_qmp_eventwait(QTestState *s, const char *event)
{
    json_decref(qtest_qmp_eventwait_ref(s, event));
}

char *qtest_hmp(QTestState *s, const char *fmt, ...)
{
    g_autofree char *cmd = NULL;
    json_t *ret;
    char *out;
    va_list ap;

    va_start(ap, fmt);
    cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    ret = qtest_qmp_assert_success_ref(s,
            "{'execute': 'human-monitor-command',"
            " 'arguments': {'command-line': %s}}", cmd);
    if (!json_is_string(ret)) {
        qtest_fatal(s, "human-monitor-command did not return a string");
    }
    out = g_strdup(json_string_value(ret));
    json_decref(ret);
    return out;
}

void qtest_qmp_device_add_json(QTestState *s, const char *driver,
                               json_t *arguments)
{
    json_t *args = arguments ? arguments : json_object();

    json_object_set_new(args, "driver", json_string(driver));
    json_decref(qtest_take_return(s, qtest_qmp(s,
        "{'execute': 'device_add', 'arguments': %p}", args)));
}

void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...)
{
    json_t *args = json_object();

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        json_decref(args);
        args = qtest_json_build(fmt, ap);
        va_end(ap);
    }
    if (id) {
        json_object_set_new(args, "id", json_string(id));
    }
    qtest_qmp_device_add_json(s, driver, args);
}

void qtest_qmp_device_del_send(QTestState *s, const char *id)
{
    qtest_qmp_assert_success(s, "{'execute': 'device_del', "
                             "'arguments': {'id': %s}}", id);
}

bool qtest_qmp_device_del(QTestState *s, const char *id)
{
    int64_t deadline = qtest_default_deadline();

    qtest_qmp_device_del_send(s, id);
    for (;;) {
        int64_t left_ms = (deadline - g_get_monotonic_time()) / 1000;
        json_t *ev = qtest_qmp_eventwait_timeout(s, "DEVICE_DELETED",
                                                 MAX(left_ms, 0));
        const char *dev;
        bool match;

        if (!ev) {
            qtest_fail("device_del '%s': no DEVICE_DELETED within %d s",
                       id, qtest_timeout_seconds());
            return false;
        }
        dev = json_string_value(json_object_get(
                  json_object_get(ev, "data"), "device"));
        /* Children without an id are announced too; skip them. */
        match = dev && !strcmp(dev, id);
        json_decref(ev);
        if (match) {
            return true;
        }
    }
}

bool qmp_rsp_is_err(json_t *rsp)
{
    bool err = json_object_get(rsp, "error") != NULL;

    json_decref(rsp);
    return err;
}

void qmp_expect_error_and_unref(json_t *rsp, const char *class)
{
    json_t *err = json_object_get(rsp, "error");

    g_assert(err);
    g_assert_cmpstr(json_string_value(json_object_get(err, "class")), ==,
                    class);
    g_assert(json_is_string(json_object_get(err, "desc")));
    json_decref(rsp);
}
