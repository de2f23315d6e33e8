/*
 * libqtest: drive a qemu-system-cr16 process from a test program.
 *
 * qtest_init() starts the emulator named by $QTEST_QEMU_BINARY with
 * "-accel qtest" (no CPU runs; the virtual clock moves only when the test
 * moves it), one socket speaking the qtest protocol (memory, clock and
 * IRQ commands, see docs/devel/testing.rst) and one speaking QMP.  Every
 * blocking read has a timeout ($QTEST_TIMEOUT seconds, 60 by default):
 * a hung emulator fails the test, it never hangs it.
 *
 * Error handling follows QEMU's libqtest: a protocol error, an
 * unexpected "FAIL"/"ERR" reply, a timeout or the emulator dying is a
 * bug in the test or the emulator, so it kills the emulator and aborts
 * the test program with a message.  qtest_quit() turns a crash, an
 * unexpected exit status or a sanitizer report of the emulator into a
 * failure of the current test.
 *
 * JSON values are jansson's json_t; every function returning one gives
 * the caller a reference to drop with json_decref().
 *
 * $QTEST_LOG set: the emulator logs the qtest traffic to stderr and
 * libqtest logs the QMP traffic there too.
 */
#ifndef LIBQTEST_H
#define LIBQTEST_H

#include <glib.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct QTestState QTestState;

/* ---- starting and stopping ------------------------------------------- */

/*
 * Start the emulator with @extra_args appended to its command line
 * (split like a shell would: quotes work) and finish QMP capability
 * negotiation.  Without a -M/-machine in @extra_args the default machine
 * is used.
 */
QTestState *qtest_init(const char *extra_args);
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/*
 * Same, but leave QMP alone: the greeting is the first message the test
 * receives, and capabilities are not negotiated (for QMP tests).
 */
QTestState *qtest_init_without_qmp_handshake(const char *extra_args);
/*
 * Start the emulator with a QMP socket only: no qtest socket and no
 * "-accel qtest", so the guest CPU runs (TCG) and virtual time flows.
 * For booting firmware (boot-serial-test); the memory, clock and IRQ
 * functions abort on such a session.
 */
QTestState *qtest_init_with_cpu(const char *extra_args);

/*
 * Stop the emulator (SIGTERM unless it already exited), wait for it and
 * free @s.  Fails the current test if the emulator crashed, exited with
 * a status other than the expected one (0 unless changed), or reported
 * a sanitizer error or a leak.
 */
void qtest_quit(QTestState *s);
/* The exit status qtest_quit() should accept (a guest-chosen exit). */
void qtest_set_expected_status(QTestState *s, int status);
/*
 * Wait up to the timeout for the emulator to exit on its own (the guest
 * or a QMP "quit" ended it); true if it did.  qtest_quit() then only
 * checks the status.
 */
bool qtest_wait_qemu(QTestState *s);
/* Whether the emulator is still running. */
bool qtest_probe_child(QTestState *s);
pid_t qtest_pid(QTestState *s);

/*
 * Run the emulator with @args (no qtest or QMP socket added) until it
 * exits, with a timeout; returns its exit status (-1 if a signal killed
 * it) and, if @err is not NULL, what it wrote to stderr (g_free it).
 * For tests of command-line errors.
 */
int qtest_run_qemu(const char *args, char **err);

/* ---- QMP ----------------------------------------------------------------- */

/*
 * The QMP helpers take a printf-like format that must produce a JSON
 * object.  Like QEMU's, it may use 'single quotes' for strings, and
 * these conversions, which insert JSON values (never raw text):
 *   %s                  a string, quoted and escaped (NULL: null)
 *   %d %i %u            int / unsigned
 *   %ld %li %lu         long (PRId64 / PRIu64 on this host)
 *   %lld %lli %llu      long long
 *   %p                  a json_t *, whose reference is taken
 *   %%                  a literal '%'
 * Inside a quoted string literal '%' has no special meaning.  A format
 * that does not make valid JSON aborts the test.
 */

/* Send a command and return its response ({"return": ...} or
 * {"error": ...}); events that arrive meanwhile are kept for
 * qtest_qmp_eventwait(). */
json_t *qtest_qmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
json_t *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
/* Send without waiting for the response. */
void qtest_qmp_send(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void qtest_qmp_vsend(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
/* Send @fmt's expansion as it is, valid JSON or not (bad-input tests). */
void qtest_qmp_send_raw(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
/* The next response, keeping events for later. */
json_t *qtest_qmp_receive(QTestState *s);
/* The next message of any kind (response, event or greeting). */
json_t *qtest_qmp_receive_dict(QTestState *s);
/*
 * Like qtest_qmp_receive_dict() but waiting at most @timeout_ms; NULL
 * if nothing came (the stream stays usable).
 */
json_t *qtest_qmp_receive_timeout(QTestState *s, int timeout_ms);

/* Send a command, assert it succeeded, drop or return "return". */
void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
json_t *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
/*
 * Send a command, assert it failed, return the "error" member
 * ({"class": ..., "desc": ...}).
 */
json_t *qtest_qmp_assert_failure_ref(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/*
 * Wait for event @event (taking it from the events kept so far first);
 * aborts the test after the timeout.  The _ref form returns the whole
 * event message.
 */
void qtest_qmp_eventwait(QTestState *s, const char *event);
json_t *qtest_qmp_eventwait_ref(QTestState *s, const char *event);
/* Same with an explicit timeout; NULL (no abort) when it expires. */
json_t *qtest_qmp_eventwait_timeout(QTestState *s, const char *event,
                                    int timeout_ms);
/* A kept event called @event, or NULL; nothing is read. */
json_t *qtest_qmp_event_ref(QTestState *s, const char *event);
/* Drop every kept event. */
void qtest_qmp_clear_events(QTestState *s);

/* Run an HMP command; returns its output (g_free it). */
char *qtest_hmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * device_add @driver with id @id (NULL: none) and the properties of
 * the JSON object @fmt (NULL or "{}" for none); asserts success.
 */
void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...) G_GNUC_PRINTF(4, 5);
/* Same with the arguments as one object; its reference is taken. */
void qtest_qmp_device_add_json(QTestState *s, const char *driver,
                               json_t *arguments);
/*
 * device_del @id and wait for its DEVICE_DELETED.  If the event does not
 * come within the timeout the current test FAILS (it does not hang) and
 * false is returned.
 */
bool qtest_qmp_device_del(QTestState *s, const char *id);
/* Only send device_del and assert it was accepted. */
void qtest_qmp_device_del_send(QTestState *s, const char *id);

/* True if @rsp is an error response; drops @rsp. */
bool qmp_rsp_is_err(json_t *rsp);
/* Assert @rsp is an error of class @class; drops @rsp. */
void qmp_expect_error_and_unref(json_t *rsp, const char *class);

/* ---- the qtest protocol -------------------------------------------------- */

uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);

/* Byte buffers, in hex ("read"/"write") or base64 ("b64read"/...). */
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size);

/*
 * Move the virtual clock by @step ns (running every timer due on the
 * way), to the next timer deadline, or to @val; return the new time.
 * clock_step_next aborts if no timer is pending.
 */
int64_t qtest_clock_step(QTestState *s, int64_t step);
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_set(QTestState *s, int64_t val);

/*
 * Watch the GPIO inputs (every list) or the outputs (the unnamed list, or
 * @name) of the device at QOM path @qom_path: each change of level
 * arrives as an IRQ message, and qtest_get_irq() returns the level last
 * reported for line @num.  One device per session.
 */
void qtest_irq_intercept_in(QTestState *s, const char *qom_path);
void qtest_irq_intercept_out(QTestState *s, const char *qom_path);
void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name);
bool qtest_get_irq(QTestState *s, int num);
/* Drive input line @num of GPIO list @name (NULL: unnamed). */
void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level);
bool qtest_big_endian(QTestState *s);

/*
 * Send one raw protocol line (no newline) and return the reply line
 * ("OK ...", "FAIL ...", "ERR ..."), IRQ messages skipped; g_free it.
 * Does not abort on FAIL/ERR: for tests of the protocol itself.
 */
char *qtest_raw_cmd(QTestState *s, const char *line);

/* ---- registering tests --------------------------------------------------- */

/* $QTEST_QEMU_BINARY; exits with a message if it is not set. */
const char *qtest_qemu_binary(void);
/* "cr16", from $QTEST_QEMU_BINARY (qemu-system-ARCH). */
const char *qtest_get_arch(void);
/* Register @fn as test "/cr16/@str" (the g_test_add_* wrappers). */
void qtest_add_func(const char *str, void (*fn)(void));
void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *));
void qtest_add_data_func_full(const char *str, void *data,
                              void (*fn)(const void *),
                              GDestroyNotify data_free_func);
#define qtest_add(testpath, Fixture, tdata, fsetup, ftest, fteardown) \
    do { \
        char *path_ = g_strdup_printf("/%s/%s", qtest_get_arch(), \
                                      testpath); \
        g_test_add(path_, Fixture, tdata, fsetup, ftest, fteardown); \
        g_free(path_); \
    } while (0)

/*
 * What the binary offers, asked once (with -M none) and remembered:
 * machine names (query-machines), and whether a type exists.
 */
void qtest_cb_for_every_machine(void (*cb)(const char *machine),
                                bool skip_old_versioned);
bool qtest_has_machine(const char *machine);
bool qtest_has_device(const char *device);
/* The default machine's name, or NULL. */
const char *qtest_default_machine(void);

/* The timeout libqtest uses, in seconds. */
int qtest_timeout_seconds(void);

#endif /* LIBQTEST_H */
