/*
 * The qtest protocol server.
 *
 * A test program (tests/qtest/libqtest.c) sends one command per line
 * and gets one reply line per command:
 *
 *   OK [values]     the command was done
 *   FAIL reason     well formed, but it could not be done (no such
 *                   device, no timer pending, ...)
 *   ERR reason      the line itself was wrong (unknown command, missing
 *                   or malformed argument); nothing was done
 *
 * Between replies the server may send "IRQ raise N" / "IRQ lower N" for
 * GPIO lines the test intercepted; they can arrive before the reply of
 * the command that caused them.  The session never ends because of a bad
 * line: fuzzing the protocol must not take the emulator down.
 *
 * Memory commands go through address_space_memory exactly like a bus
 * master's accesses would, so MMIO callbacks run and unmapped bytes read
 * as zero.  Multi-byte values are guest-endian (little for CR16).
 *
 * The command set, its argument syntax and reply formats are documented
 * in docs/devel/testing.rst.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/bswap.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/notify.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "system/runstate.h"
#include "system/system.h"
#include "system/qtest.h"

/* Lines numbered beyond this are intercepted but not reported. */
#define QTEST_MAX_IRQ 256
/*
 * A line longer than this is thrown away with ERR: it protects the
 * emulator from a runaway client, yet leaves room for b64write of a few
 * MiB, more than any test moves at once.
 */
#define QTEST_MAX_LINE (64 * 1024 * 1024)
/* Largest "read"/"b64read"/"write"/"b64write"/"memset" in one command. */
#define QTEST_MAX_XFER (16 * 1024 * 1024)
/* Most words a command takes (set_irq_in: 5). */
#define QTEST_MAX_WORDS 8

typedef struct QTestServer {
    CharBackend chr;
    GString *inbuf;
    /* True while the rest of an overlong line is being skipped. */
    bool discarding;
    FILE *log;
    int64_t log_start_ns;

    /*
     * IRQ interception: one device per session, in or out.  The device is
     * remembered by path, not by reference: holding it would keep an
     * unplugged device from being finalized (and DEVICE_DELETED sent).
     */
    char *icpt_path;
    bool icpt_out;
    char *icpt_name;                /* out: the GPIO name, or NULL */
    bool irq_levels[QTEST_MAX_IRQ];

    Notifier shutdown;
} QTestServer;

static QTestServer *qtest;

bool qtest_server_running(void)
{
    return qtest != NULL;
}

/* ---- sending and logging -------------------------------------------- */

static void qtest_log_line(char dir, const char *line, size_t len)
{
    double t;

    if (!qtest->log) {
        return;
    }
    t = (get_clock() - qtest->log_start_ns) / 1e9;
    fprintf(qtest->log, "[%c +%f] %.*s\n", dir, t, (int)len, line);
    fflush(qtest->log);
}

/* Send one line (without its newline in @fmt). */
static void G_GNUC_PRINTF(1, 2) qtest_sendf(const char *fmt, ...)
{
    g_autofree char *line = NULL;
    g_autofree char *out = NULL;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_log_line('S', line, strlen(line));
    out = g_strconcat(line, "\n", NULL);
    qemu_chr_fe_write_all(&qtest->chr, (const uint8_t *)out, strlen(out));
}

/* ---- IRQ interception -------------------------------------------------- */

static void qtest_irq_report(int n, int level)
{
    /* Lines may toggle during teardown, after the server is gone. */
    if (!qtest || n < 0 || n >= QTEST_MAX_IRQ) {
        return;
    }
    if (qtest->irq_levels[n] == !!level) {
        return;
    }
    qtest->irq_levels[n] = !!level;
    qtest_sendf("IRQ %s %d", level ? "raise" : "lower", n);
}

/* Intercepted input line: pass the level on, then tell the test. */
static void qtest_irq_in_handler(void *opaque, int n, int level)
{
    qemu_irq orig = *(qemu_irq *)opaque;

    qemu_set_irq(orig, level);
    qtest_irq_report(n, level);
}

/*
 * An intercepted output is rewired to one of these: it reports the level
 * and forwards it to whatever the output was connected to before, so the
 * machine keeps working while the test watches.  The device's output
 * link owns it; it owns a reference to the old connection.
 */
#define TYPE_QTEST_IRQ_OUT "qtest-irq-out"
OBJECT_DECLARE_SIMPLE_TYPE(QTestIrqOut, QTEST_IRQ_OUT)

struct QTestIrqOut {
    IRQState parent_obj;
    qemu_irq orig;
};

static void qtest_irq_out_handler(void *opaque, int n, int level)
{
    QTestIrqOut *s = opaque;

    qemu_set_irq(s->orig, level);
    qtest_irq_report(n, level);
}

static void qtest_irq_out_finalize(Object *obj)
{
    QTestIrqOut *s = QTEST_IRQ_OUT(obj);

    if (s->orig) {
        object_unref(OBJECT(s->orig));
    }
}

static const TypeInfo qtest_irq_out_info = {
    .name = TYPE_QTEST_IRQ_OUT,
    .parent = TYPE_IRQ,
    .instance_size = sizeof(QTestIrqOut),
    .instance_finalize = qtest_irq_out_finalize,
};

static void qtest_register_types(void)
{
    type_register_static(&qtest_irq_out_info);
}

type_init(qtest_register_types)

static void qtest_intercept_out_one(DeviceState *dev, const char *name,
                                    int i)
{
    QTestIrqOut *icpt = QTEST_IRQ_OUT(object_new(TYPE_QTEST_IRQ_OUT));
    qemu_irq orig = qdev_get_gpio_out_connector(dev, name, i);

    icpt->parent_obj.handler = qtest_irq_out_handler;
    icpt->parent_obj.opaque = icpt;
    icpt->parent_obj.n = i;
    if (orig) {
        icpt->orig = orig;
        object_ref(OBJECT(orig));
    }
    qdev_connect_gpio_out_named(dev, name, i, &icpt->parent_obj);
    /* The output link holds it now. */
    object_unref(OBJECT(icpt));
}

static NamedGPIOList *qtest_find_gpios(DeviceState *dev, const char *name)
{
    for (NamedGPIOList *ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (!g_strcmp0(ngl->name, name)) {
            return ngl;
        }
    }
    return NULL;
}

static DeviceState *qtest_find_device(const char *path)
{
    Object *obj = object_resolve_path(path, NULL);

    if (!obj) {
        return NULL;
    }
    return (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
}

static void qtest_irq_intercept(int argc, char **argv, bool out)
{
    const char *name = argc > 2 ? argv[2] : NULL;
    DeviceState *dev = qtest_find_device(argv[1]);
    g_autofree char *path = NULL;
    bool any = false;

    if (!dev) {
        qtest_sendf("FAIL unknown device '%s'", argv[1]);
        return;
    }
    path = object_get_canonical_path(OBJECT(dev));
    if (qtest->icpt_path) {
        if (!g_strcmp0(qtest->icpt_path, path) && qtest->icpt_out == out &&
            !g_strcmp0(qtest->icpt_name, name)) {
            qtest_sendf("OK");      /* asking twice is harmless */
        } else {
            qtest_sendf("FAIL IRQ intercept already enabled");
        }
        return;
    }
    if (out) {
        NamedGPIOList *ngl = qtest_find_gpios(dev, name);

        for (int i = 0; ngl && i < ngl->num_out; i++) {
            qtest_intercept_out_one(dev, name, i);
            any = true;
        }
    } else {
        /* Every input list: the numbers are each line's own index. */
        for (NamedGPIOList *ngl = dev->gpios; ngl; ngl = ngl->next) {
            if (ngl->num_in) {
                qemu_irq_intercept_in(ngl->in, qtest_irq_in_handler,
                                      ngl->num_in);
                any = true;
            }
        }
    }
    if (!any) {
        qtest_sendf("FAIL '%s' has no %s GPIO lines%s%s", argv[1],
                    out ? "output" : "input", name ? " named " : "",
                    name ? name : "");
        return;
    }
    qtest->icpt_path = g_steal_pointer(&path);
    qtest->icpt_out = out;
    qtest->icpt_name = g_strdup(name);
    qtest_sendf("OK");
}

/* ---- argument parsing ----------------------------------------------- */

static bool qtest_parse_u64(const char *word, const char *what,
                            uint64_t *val)
{
    if (qemu_strtou64(word, NULL, 0, val) < 0) {
        qtest_sendf("ERR bad %s '%s'", what, word);
        return false;
    }
    return true;
}

static bool qtest_parse_i64(const char *word, const char *what,
                            int64_t *val)
{
    if (qemu_strtoi64(word, NULL, 0, val) < 0) {
        qtest_sendf("ERR bad %s '%s'", what, word);
        return false;
    }
    return true;
}

/* A transfer size: 0..QTEST_MAX_XFER. */
static bool qtest_parse_size(const char *word, uint64_t *size)
{
    if (!qtest_parse_u64(word, "size", size)) {
        return false;
    }
    if (*size > QTEST_MAX_XFER) {
        qtest_sendf("ERR size %" PRIu64 " larger than %d", *size,
                    QTEST_MAX_XFER);
        return false;
    }
    return true;
}

static void qtest_mem_read(hwaddr addr, void *buf, hwaddr len)
{
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       buf, len);
}

static void qtest_mem_write(hwaddr addr, const void *buf, hwaddr len)
{
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, len);
}

/* ---- commands -------------------------------------------------------- */

/* readb/readw/readl/readq ADDR -> OK 0x<16 hex digits> */
static void qtest_cmd_read_n(int argc, char **argv)
{
    unsigned size = argv[0][4] == 'b' ? 1 : argv[0][4] == 'w' ? 2 :
                    argv[0][4] == 'l' ? 4 : 8;
    uint64_t addr, val = 0;
    uint8_t buf[8] = { 0 };

    if (!qtest_parse_u64(argv[1], "address", &addr)) {
        return;
    }
    qtest_mem_read(addr, buf, size);
    val = ldq_le_p(buf);
    qtest_sendf("OK 0x%016" PRIx64, val);
}

/* writeb/writew/writel/writeq ADDR VAL */
static void qtest_cmd_write_n(int argc, char **argv)
{
    unsigned size = argv[0][5] == 'b' ? 1 : argv[0][5] == 'w' ? 2 :
                    argv[0][5] == 'l' ? 4 : 8;
    uint64_t addr, val;
    uint8_t buf[8];

    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_u64(argv[2], "value", &val)) {
        return;
    }
    if (size < 8 && val >> (size * 8) &&
        (int64_t)val >> (size * 8 - 1) != -1) {
        qtest_sendf("ERR value %s does not fit in %u bytes", argv[2], size);
        return;
    }
    stq_le_p(buf, val);
    qtest_mem_write(addr, buf, size);
    qtest_sendf("OK");
}

/* read ADDR SIZE -> OK 0x<hex bytes, lowest address first> */
static void qtest_cmd_read(int argc, char **argv)
{
    uint64_t addr, size;
    g_autofree uint8_t *data = NULL;
    g_autoptr(GString) hex = NULL;

    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_size(argv[2], &size)) {
        return;
    }
    data = g_malloc0(size ? size : 1);
    qtest_mem_read(addr, data, size);
    hex = g_string_sized_new(size * 2 + 3);
    g_string_append(hex, "0x");
    /* Not printf per byte: a 16 MiB read took seconds. */
    for (uint64_t i = 0; i < size; i++) {
        g_string_append_c(hex, "0123456789abcdef"[data[i] >> 4]);
        g_string_append_c(hex, "0123456789abcdef"[data[i] & 0xf]);
    }
    qtest_sendf("OK %s", hex->str);
}

static int qtest_hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = g_ascii_tolower(c);
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/*
 * write ADDR SIZE 0xHEX: the bytes, lowest address first; missing
 * trailing bytes are written as zero, extra ones are an error.
 */
static void qtest_cmd_write(int argc, char **argv)
{
    uint64_t addr, size;
    const char *hex = argv[3];
    size_t ndigits;
    g_autofree uint8_t *data = NULL;

    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_size(argv[2], &size)) {
        return;
    }
    if (hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) {
        qtest_sendf("ERR data must start with 0x");
        return;
    }
    hex += 2;
    ndigits = strlen(hex);
    if (ndigits % 2 || ndigits / 2 > size) {
        qtest_sendf("ERR %zu hex digits do not make at most %" PRIu64
                    " bytes", ndigits, size);
        return;
    }
    data = g_malloc0(size ? size : 1);
    for (size_t i = 0; i < ndigits / 2; i++) {
        int hi = qtest_hex_digit(hex[2 * i]);
        int lo = qtest_hex_digit(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            qtest_sendf("ERR bad hex digit in data");
            return;
        }
        data[i] = hi << 4 | lo;
    }
    qtest_mem_write(addr, data, size);
    qtest_sendf("OK");
}

/* b64read ADDR SIZE -> OK <base64> */
static void qtest_cmd_b64read(int argc, char **argv)
{
    uint64_t addr, size;
    g_autofree uint8_t *data = NULL;
    g_autofree char *enc = NULL;

    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_size(argv[2], &size)) {
        return;
    }
    data = g_malloc0(size ? size : 1);
    qtest_mem_read(addr, data, size);
    enc = g_base64_encode(data, size);
    qtest_sendf("OK %s", enc);
}

static bool qtest_is_base64(const char *s)
{
    size_t len = strlen(s);

    if (len % 4) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];

        if (c == '=') {
            /* Padding only at the end, at most two. */
            if (len - i > 2 || (i + 1 < len && s[i + 1] != '=')) {
                return false;
            }
        } else if (!g_ascii_isalnum(c) && c != '+' && c != '/') {
            return false;
        }
    }
    return true;
}

/* b64write ADDR SIZE B64: the decoded data must be exactly SIZE bytes. */
static void qtest_cmd_b64write(int argc, char **argv)
{
    uint64_t addr, size;
    gsize len = 0;
    g_autofree uint8_t *data = NULL;

    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_size(argv[2], &size)) {
        return;
    }
    if (!qtest_is_base64(argv[3])) {
        qtest_sendf("ERR data is not base64");
        return;
    }
    data = g_base64_decode(argv[3], &len);
    if (len != size) {
        qtest_sendf("ERR data decodes to %zu bytes, not %" PRIu64,
                    (size_t)len, size);
        return;
    }
    qtest_mem_write(addr, data, size);
    qtest_sendf("OK");
}

/* memset ADDR SIZE VAL */
static void qtest_cmd_memset(int argc, char **argv)
{
    uint64_t addr, size, val;
    uint8_t chunk[4096];

    /*
     * The size is capped like a transfer's: without a cap one line could
     * keep the main loop writing for ever (2^52 chunks for size ~0).
     */
    if (!qtest_parse_u64(argv[1], "address", &addr) ||
        !qtest_parse_size(argv[2], &size) ||
        !qtest_parse_u64(argv[3], "value", &val)) {
        return;
    }
    if (val > 0xff) {
        qtest_sendf("ERR value %s is not a byte", argv[3]);
        return;
    }
    memset(chunk, val, sizeof(chunk));
    while (size) {
        uint64_t n = MIN(size, sizeof(chunk));

        qtest_mem_write(addr, chunk, n);
        addr += n;
        size -= n;
    }
    qtest_sendf("OK");
}

/*
 * The clock commands need the qtest accelerator: under TCG the virtual
 * clock belongs to the running CPU (-qtest with an explicit -accel tcg).
 */
static bool qtest_check_clock_owned(void)
{
    if (!qtest_enabled()) {
        qtest_sendf("FAIL the virtual clock is only under test control "
                    "with -accel qtest");
        return false;
    }
    return true;
}

/* clock_step [NS]: by NS, or to the next virtual-clock deadline. */
static void qtest_cmd_clock_step(int argc, char **argv)
{
    int64_t ns, now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (argc > 1) {
        if (!qtest_parse_i64(argv[1], "time step", &ns)) {
            return;
        }
        if (ns < 0) {
            qtest_sendf("ERR time step %s is negative", argv[1]);
            return;
        }
    } else {
        ns = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);
        if (ns < 0) {
            qtest_sendf("FAIL no timer is pending");
            return;
        }
    }
    if (!qtest_check_clock_owned()) {
        return;
    }
    if (ns > INT64_MAX - now) {
        qtest_sendf("ERR time step %" PRIi64 " overflows the clock", ns);
        return;
    }
    qtest_sendf("OK %" PRIi64, qemu_clock_advance_virtual_time(now + ns));
}

/* clock_set NS: run the clock forward to NS (never backwards). */
static void qtest_cmd_clock_set(int argc, char **argv)
{
    int64_t ns;

    if (!qtest_parse_i64(argv[1], "time", &ns) ||
        !qtest_check_clock_owned()) {
        return;
    }
    qtest_sendf("OK %" PRIi64, qemu_clock_advance_virtual_time(ns));
}

static void qtest_cmd_irq_intercept_in(int argc, char **argv)
{
    if (argc > 2) {
        qtest_sendf("ERR irq_intercept_in takes no GPIO name");
        return;
    }
    qtest_irq_intercept(argc, argv, false);
}

static void qtest_cmd_irq_intercept_out(int argc, char **argv)
{
    qtest_irq_intercept(argc, argv, true);
}

/*
 * set_irq_in QOM-PATH NAME N LEVEL: drive input line N of the GPIO list
 * NAME ("unnamed-gpio-in" for the unnamed one) to LEVEL.
 */
static void qtest_cmd_set_irq_in(int argc, char **argv)
{
    DeviceState *dev = qtest_find_device(argv[1]);
    const char *name = strcmp(argv[2], "unnamed-gpio-in") ? argv[2] : NULL;
    NamedGPIOList *ngl;
    int64_t n, level;

    if (!qtest_parse_i64(argv[3], "line number", &n) ||
        !qtest_parse_i64(argv[4], "level", &level)) {
        return;
    }
    if (!dev) {
        qtest_sendf("FAIL unknown device '%s'", argv[1]);
        return;
    }
    ngl = qtest_find_gpios(dev, name);
    if (!ngl || n < 0 || n >= ngl->num_in) {
        qtest_sendf("FAIL '%s' has no input line %s[%" PRIi64 "]", argv[1],
                    argv[2], n);
        return;
    }
    qemu_set_irq(ngl->in[n], level);
    qtest_sendf("OK");
}

static void qtest_cmd_endianness(int argc, char **argv)
{
    qtest_sendf("OK little");
}

typedef struct QTestCommand {
    const char *name;
    int min_args;           /* not counting the command word */
    int max_args;
    void (*fn)(int argc, char **argv);
} QTestCommand;

static const QTestCommand qtest_commands[] = {
    { "readb", 1, 1, qtest_cmd_read_n },
    { "readw", 1, 1, qtest_cmd_read_n },
    { "readl", 1, 1, qtest_cmd_read_n },
    { "readq", 1, 1, qtest_cmd_read_n },
    { "writeb", 2, 2, qtest_cmd_write_n },
    { "writew", 2, 2, qtest_cmd_write_n },
    { "writel", 2, 2, qtest_cmd_write_n },
    { "writeq", 2, 2, qtest_cmd_write_n },
    { "read", 2, 2, qtest_cmd_read },
    { "write", 3, 3, qtest_cmd_write },
    { "b64read", 2, 2, qtest_cmd_b64read },
    { "b64write", 3, 3, qtest_cmd_b64write },
    { "memset", 3, 3, qtest_cmd_memset },
    { "clock_step", 0, 1, qtest_cmd_clock_step },
    { "clock_set", 1, 1, qtest_cmd_clock_set },
    { "irq_intercept_in", 1, 1, qtest_cmd_irq_intercept_in },
    { "irq_intercept_out", 1, 2, qtest_cmd_irq_intercept_out },
    { "set_irq_in", 4, 4, qtest_cmd_set_irq_in },
    { "endianness", 0, 0, qtest_cmd_endianness },
};

/* Split @line in place into words separated by blanks. */
static int qtest_split(char *line, char **words, int max)
{
    int n = 0;
    char *p = line;

    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r') {
            *p++ = '\0';
        }
        if (!*p) {
            return n;
        }
        if (n == max) {
            return max + 1;     /* too many */
        }
        words[n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r') {
            p++;
        }
    }
}

static void qtest_process_line(char *line, size_t len)
{
    char *words[QTEST_MAX_WORDS];
    int argc;

    qtest_log_line('R', line, len);
    if (strlen(line) != len) {
        qtest_sendf("ERR NUL byte in command line");
        return;
    }
    argc = qtest_split(line, words, QTEST_MAX_WORDS);
    if (argc == 0) {
        qtest_sendf("ERR empty command line");
        return;
    }
    for (size_t i = 0; i < ARRAY_SIZE(qtest_commands); i++) {
        const QTestCommand *cmd = &qtest_commands[i];

        if (strcmp(words[0], cmd->name)) {
            continue;
        }
        if (argc - 1 < cmd->min_args || argc - 1 > cmd->max_args) {
            if (cmd->min_args == cmd->max_args) {
                qtest_sendf("ERR %s takes %d argument%s", cmd->name,
                            cmd->min_args, cmd->min_args == 1 ? "" : "s");
            } else {
                qtest_sendf("ERR %s takes %d to %d arguments", cmd->name,
                            cmd->min_args, cmd->max_args);
            }
            return;
        }
        cmd->fn(argc, words);
        return;
    }
    qtest_sendf("ERR unknown command '%.64s'", words[0]);
}

/* ---- the chardev front end ------------------------------------------- */

static int qtest_can_read(void *opaque)
{
    return 4096;
}

static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    GString *in = qtest->inbuf;
    /*
     * What was buffered before holds no newline: look only at the new
     * bytes, or a line of many megabytes costs quadratic time.
     */
    size_t scanned = in->len;
    char *nl;

    g_string_append_len(in, (const char *)buf, size);
    while ((nl = memchr(in->str + scanned, '\n', in->len - scanned))) {
        size_t len = nl - in->str;

        *nl = '\0';
        if (qtest->discarding) {
            qtest->discarding = false;
        } else {
            qtest_process_line(in->str, len);
        }
        /* A command may have stopped the server (none does yet). */
        if (!qtest) {
            return;
        }
        g_string_erase(in, 0, len + 1);
        scanned = 0;
    }
    if (in->len > QTEST_MAX_LINE) {
        if (!qtest->discarding) {
            qtest_sendf("ERR line longer than %d bytes", QTEST_MAX_LINE);
        }
        qtest->discarding = true;
        g_string_truncate(in, 0);
    }
}

static void qtest_event(void *opaque, QEMUChrEvent event)
{
    switch (event) {
    case CHR_EVENT_OPENED:
        /* A new session: the test has seen no IRQ levels yet. */
        memset(qtest->irq_levels, 0, sizeof(qtest->irq_levels));
        g_string_truncate(qtest->inbuf, 0);
        qtest->discarding = false;
        qtest->log_start_ns = get_clock();
        if (qtest->log) {
            fprintf(qtest->log, "[I %" PRIi64 "] OPENED\n",
                    qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
            fflush(qtest->log);
        }
        break;
    case CHR_EVENT_CLOSED:
        if (qtest->log) {
            fprintf(qtest->log, "[I +%f] CLOSED\n",
                    (get_clock() - qtest->log_start_ns) / 1e9);
            fflush(qtest->log);
        }
        break;
    default:
        break;
    }
}

/* ---- start and stop ---------------------------------------------------- */

/*
 * The emulator is exiting: let go of the chardev before start-up's
 * cleanup deletes the chardevs.  Intercepted lines stay rewired; they
 * report nothing once the server is gone.
 */
static void qtest_server_shutdown(Notifier *n, void *data)
{
    QTestServer *s = qtest;

    if (!s) {
        return;
    }
    qtest = NULL;
    notifier_remove(&s->shutdown);
    qemu_chr_fe_deinit(&s->chr, true);
    if (s->log && s->log != stderr) {
        fclose(s->log);
    }
    g_free(s->icpt_path);
    g_free(s->icpt_name);
    g_string_free(s->inbuf, true);
    g_free(s);
}

void qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp)
{
    QTestServer *s;
    Chardev *chr;
    FILE *log = NULL;

    if (qtest) {
        error_setg(errp, "the qtest server is already running");
        return;
    }
    if (qtest_log && strcmp(qtest_log, "none")) {
        if (!strcmp(qtest_log, "-")) {
            log = stderr;
        } else {
            log = fopen(qtest_log, "w");
            if (!log) {
                error_setg_errno(errp, errno, "cannot open qtest log '%s'",
                                 qtest_log);
                return;
            }
        }
    }
    chr = qemu_chr_new_err("qtest", qtest_chrdev, errp);
    if (!chr) {
        if (log && log != stderr) {
            fclose(log);
        }
        return;
    }

    s = g_new0(QTestServer, 1);
    s->inbuf = g_string_new(NULL);
    s->log = log;
    s->log_start_ns = get_clock();
    if (!qemu_chr_fe_init(&s->chr, chr, errp)) {
        qemu_chr_delete(chr->label, NULL);
        if (log && log != stderr) {
            fclose(log);
        }
        g_string_free(s->inbuf, true);
        g_free(s);
        return;
    }
    qtest = s;
    s->shutdown.notify = qtest_server_shutdown;
    qemu_register_shutdown_notifier(&s->shutdown);
    qemu_chr_fe_set_handlers(&s->chr, qtest_can_read, qtest_read,
                             qtest_event, NULL, s, NULL, true);
}
