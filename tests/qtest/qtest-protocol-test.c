/*
 * The qtest protocol itself (system/qtest.c): reply formats, memory
 * commands in all their forms, the clock commands, and bad input, which
 * must get ERR or FAIL and leave the session usable.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* 64 KiB of RAM at 0 and nothing else. */
#define PROTO_ARGS "-machine none -m 64K"
#define RAM_SIZE 0x10000

static QTestState *proto_init(void)
{
    return qtest_init(PROTO_ARGS);
}

/* A raw command's reply must start with @prefix. */
static void assert_reply(QTestState *qts, const char *line,
                         const char *prefix)
{
    g_autofree char *reply = qtest_raw_cmd(qts, line);

    if (!g_str_has_prefix(reply, prefix)) {
        g_test_message("'%s' got '%s', expected '%s...'", line, reply,
                       prefix);
    }
    g_assert_true(g_str_has_prefix(reply, prefix));
}

/* Each access size round-trips, little-endian, without touching more. */
static void test_sized_access(void)
{
    QTestState *qts = proto_init();

    qtest_memset(qts, 0x100, 0xee, 16);
    qtest_writeb(qts, 0x100, 0x11);
    qtest_writew(qts, 0x102, 0x2233);
    qtest_writel(qts, 0x104, 0x44556677);
    qtest_writeq(qts, 0x108, 0x8899aabbccddeeffULL);
    g_assert_cmphex(qtest_readb(qts, 0x100), ==, 0x11);
    g_assert_cmphex(qtest_readb(qts, 0x101), ==, 0xee);
    g_assert_cmphex(qtest_readw(qts, 0x102), ==, 0x2233);
    g_assert_cmphex(qtest_readb(qts, 0x102), ==, 0x33);   /* little end */
    g_assert_cmphex(qtest_readl(qts, 0x104), ==, 0x44556677);
    g_assert_cmphex(qtest_readq(qts, 0x108), ==, 0x8899aabbccddeeffULL);
    /* Bytes 11 ee 33 22 77 66 55 44 read back as one quadword. */
    g_assert_cmphex(qtest_readq(qts, 0x100), ==, 0x445566772233ee11ULL);
    qtest_quit(qts);
}

/* read/write (hex) and b64read/b64write agree with each other. */
static void test_buffers(void)
{
    QTestState *qts = proto_init();
    uint8_t in[300], out[300];

    for (size_t i = 0; i < sizeof(in); i++) {
        in[i] = i * 7 + 3;
    }
    qtest_memwrite(qts, 0x1000, in, sizeof(in));
    qtest_bufread(qts, 0x1000, out, sizeof(out));
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));

    qtest_memset(qts, 0x2000, 0, sizeof(in));
    qtest_bufwrite(qts, 0x2000, in, sizeof(in));
    qtest_memread(qts, 0x2000, out, sizeof(out));
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));

    /* Odd sizes, and a range that ends exactly at the end of RAM. */
    qtest_bufwrite(qts, RAM_SIZE - 5, in, 5);
    qtest_bufread(qts, RAM_SIZE - 5, out, 5);
    g_assert_cmpmem(in, 5, out, 5);
    qtest_quit(qts);
}

/* memset fills exactly the range asked for. */
static void test_memset(void)
{
    QTestState *qts = proto_init();
    uint8_t buf[12];

    qtest_memset(qts, 0x300, 0x00, sizeof(buf));
    qtest_memset(qts, 0x302, 0xa5, 8);
    qtest_memread(qts, 0x300, buf, sizeof(buf));
    g_assert_cmphex(buf[1], ==, 0);
    for (int i = 2; i < 10; i++) {
        g_assert_cmphex(buf[i], ==, 0xa5);
    }
    g_assert_cmphex(buf[10], ==, 0);
    qtest_quit(qts);
}

/* Unmapped addresses read as zero and ignore writes (no FAIL). */
static void test_unmapped(void)
{
    QTestState *qts = proto_init();

    qtest_writel(qts, 0x800000, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, 0x800000), ==, 0);
    /* An access straddling the end of RAM keeps the RAM half. */
    qtest_writew(qts, RAM_SIZE - 1, 0xbbaa);
    g_assert_cmphex(qtest_readb(qts, RAM_SIZE - 1), ==, 0xaa);
    g_assert_cmphex(qtest_readw(qts, RAM_SIZE - 1), ==, 0x00aa);
    qtest_quit(qts);
}

/* Reply formats as documented: OK 0x<16 digits>, OK 0x<bytes>, ... */
static void test_reply_formats(void)
{
    QTestState *qts = proto_init();

    qtest_writel(qts, 0x40, 0x04030201);
    assert_reply(qts, "readb 0x40", "OK 0x0000000000000001");
    assert_reply(qts, "readl 64", "OK 0x0000000004030201");
    assert_reply(qts, "read 0x40 3", "OK 0x010203");
    assert_reply(qts, "b64read 0x40 4", "OK AQIDBA==");
    assert_reply(qts, "write 0x40 4 0x0a0b", "OK");
    /* Missing trailing bytes of a write are zero. */
    assert_reply(qts, "read 0x40 4", "OK 0x0a0b0000");
    assert_reply(qts, "endianness", "OK little");
    assert_reply(qts, "read 0x40 0", "OK 0x");
    qtest_quit(qts);
}

/* Malformed lines get ERR with a reason; nothing is done. */
static void test_bad_lines(void)
{
    static const char *const bad[] = {
        "",                             /* empty */
        "   ",
        "frobnicate 1 2",               /* unknown command */
        "READB 0",                      /* commands are case-sensitive */
        "readb",                        /* missing argument */
        "readb 0 0",                    /* extra argument */
        "readb zero",                   /* not a number */
        "readb 0x",
        "readl 0x10junk",
        "writeb 0x10 0x100",            /* value does not fit */
        "writew 0x10 0x10000",
        "writel 0x10 0x100000000",
        "write 0x10 2 0x123",           /* odd number of digits */
        "write 0x10 1 0x1234",          /* more data than size */
        "write 0x10 2 1234",            /* no 0x */
        "write 0x10 2 0xzz12",
        "b64write 0x10 3 AQID=",         /* bad padding */
        "b64write 0x10 3 A*ID",
        "b64write 0x10 4 AQID",          /* decodes to 3, not 4 */
        "read 0x10 0x7fffffffffffffff",  /* absurd size */
        "memset 0x10 4 0x100",           /* not a byte */
        "clock_step -5",
        "clock_step 1 2",
        "clock_set soon",
        "set_irq_in /machine x 0",
        "irq_intercept_in",
        "irq_intercept_in /machine name",
    };
    QTestState *qts = proto_init();

    qtest_writel(qts, 0x10, 0x5a5a5a5a);
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        assert_reply(qts, bad[i], "ERR ");
    }
    /* None of them wrote anything. */
    g_assert_cmphex(qtest_readl(qts, 0x10), ==, 0x5a5a5a5a);
    qtest_quit(qts);
}

/* Garbage bytes and overlong words do not end the session. */
static void test_garbage(void)
{
    QTestState *qts = proto_init();
    g_autofree char *longword = g_strnfill(10000, 'x');

    assert_reply(qts, "\x01\x02\xff\xfe", "ERR ");
    assert_reply(qts, longword, "ERR ");
    assert_reply(qts, "readb 0 \t ", "OK ");   /* trailing blanks are fine */
    qtest_writeb(qts, 0, 0x42);
    g_assert_cmphex(qtest_readb(qts, 0), ==, 0x42);
    qtest_quit(qts);
}

/* Well-formed requests that cannot be done get FAIL. */
static void test_fail_replies(void)
{
    QTestState *qts = proto_init();

    assert_reply(qts, "irq_intercept_in /machine/no-such-device", "FAIL ");
    assert_reply(qts, "irq_intercept_out /no/where", "FAIL ");
    assert_reply(qts, "set_irq_in /no/where unnamed-gpio-in 0 1", "FAIL ");
    /* /machine exists but is not a device with GPIO lines. */
    assert_reply(qts, "irq_intercept_in /machine", "FAIL ");
    /* Nothing is armed on an empty board. */
    assert_reply(qts, "clock_step", "FAIL ");
    qtest_quit(qts);
}

/* The virtual clock moves only when the test moves it. */
static void test_clock(void)
{
    QTestState *qts = proto_init();
    int64_t t0 = qtest_clock_step(qts, 0);

    g_usleep(20 * 1000);
    /* 20 ms of host time did not move it. */
    g_assert_cmpint(qtest_clock_step(qts, 0), ==, t0);
    g_assert_cmpint(qtest_clock_step(qts, 1000), ==, t0 + 1000);
    g_assert_cmpint(qtest_clock_set(qts, t0 + 5000), ==, t0 + 5000);
    /* It never runs backwards. */
    g_assert_cmpint(qtest_clock_set(qts, t0), ==, t0 + 5000);
    qtest_quit(qts);
}

/* -qtest-log records what was received and sent. */
static void test_log(void)
{
    g_autofree char *dir = g_dir_make_tmp("qtest-log-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *log = NULL;
    QTestState *qts;

    qts = qtest_initf(PROTO_ARGS " -qtest-log %s", path);
    qtest_writeb(qts, 0x20, 0x77);
    g_assert_cmphex(qtest_readb(qts, 0x20), ==, 0x77);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(path, &log, NULL, NULL));
    g_assert_nonnull(strstr(log, "] writeb 0x20 0x77"));
    g_assert_nonnull(strstr(log, "] readb 0x20"));
    g_assert_nonnull(strstr(log, "] OK 0x0000000000000077"));
    unlink(path);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("qtest/sized-access", test_sized_access);
    qtest_add_func("qtest/buffers", test_buffers);
    qtest_add_func("qtest/memset", test_memset);
    qtest_add_func("qtest/unmapped", test_unmapped);
    qtest_add_func("qtest/reply-formats", test_reply_formats);
    qtest_add_func("qtest/bad-lines", test_bad_lines);
    qtest_add_func("qtest/garbage", test_garbage);
    qtest_add_func("qtest/fail-replies", test_fail_replies);
    qtest_add_func("qtest/clock", test_clock);
    qtest_add_func("qtest/log", test_log);
    return g_test_run();
}
