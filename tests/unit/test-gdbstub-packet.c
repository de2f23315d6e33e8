/*
 * Tests for the GDB remote protocol byte layer (gdbstub/packet.c):
 * framing, checksums, acks, escapes, run-length decoding, limits, and
 * the hex helpers.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "gdbstub/packet.h"

#define TEST_MAX 64

/*
 * Feed @len bytes; return the last event that was not GDB_RX_NONE (or
 * GDB_RX_NONE if there was none) and count the events in *@nevents.
 */
static GdbRxEvent feed_bytes(GdbPacketReader *r, const void *data,
                             size_t len, int *nevents)
{
    const uint8_t *p = data;
    GdbRxEvent last = GDB_RX_NONE;
    int n = 0;

    for (size_t i = 0; i < len; i++) {
        GdbRxEvent ev = gdb_packet_reader_feed(r, p[i]);

        if (ev != GDB_RX_NONE) {
            last = ev;
            n++;
        }
    }
    if (nevents) {
        *nevents = n;
    }
    return last;
}

static GdbRxEvent feed(GdbPacketReader *r, const char *s)
{
    return feed_bytes(r, s, strlen(s), NULL);
}

/* "$<raw>#cc" with the right checksum over @raw as sent. */
static char *frame(const char *raw)
{
    return g_strdup_printf("$%s#%02x", raw,
                           gdb_packet_checksum((const uint8_t *)raw,
                                               strlen(raw)));
}

static GdbRxEvent feed_framed(GdbPacketReader *r, const char *raw)
{
    g_autofree char *f = frame(raw);

    return feed(r, f);
}

/* ---- framing and checksums ------------------------------------------------ */

static void test_packet_simple(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* 'g' is 0x67: the checksum of a one-byte packet is the byte. */
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    g_assert_cmpuint(r.len, ==, 1);
    g_assert_cmpstr((char *)r.buf, ==, "g");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_empty(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed(&r, "$#00"), ==, GDB_RX_PACKET);
    g_assert_cmpuint(r.len, ==, 0);
    g_assert_cmpstr((char *)r.buf, ==, "");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_checksum_upper_case(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* "m0,4": 0x6d + 0x30 + 0x2c + 0x34 = 0xfd. */
    g_assert_cmpint(feed(&r, "$m0,4#FD"), ==, GDB_RX_PACKET);
    g_assert_cmpstr((char *)r.buf, ==, "m0,4");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_bad_checksum(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed(&r, "$g#68"), ==, GDB_RX_BAD_CHECKSUM);
    /* The reader is ready for the retransmission. */
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    g_assert_cmpstr((char *)r.buf, ==, "g");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_checksum_not_hex(void)
{
    GdbPacketReader r;
    int n;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_bytes(&r, "$g#6x", 5, &n), ==,
                    GDB_RX_BAD_CHECKSUM);
    g_assert_cmpint(n, ==, 1);
    g_assert_cmpint(feed(&r, "$g#zz"), ==, GDB_RX_BAD_CHECKSUM);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_acks_and_interrupt(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(gdb_packet_reader_feed(&r, '+'), ==, GDB_RX_ACK);
    g_assert_cmpint(gdb_packet_reader_feed(&r, '-'), ==, GDB_RX_NACK);
    g_assert_cmpint(gdb_packet_reader_feed(&r, 0x03), ==, GDB_RX_INTERRUPT);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_noise_skipped(void)
{
    GdbPacketReader r;
    int n;
    static const char noise[] = "hello\r\n\x7f#41";

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_bytes(&r, noise, sizeof(noise) - 1, &n), ==,
                    GDB_RX_NONE);
    g_assert_cmpint(n, ==, 0);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_interrupt_inside_is_data(void)
{
    GdbPacketReader r;
    static const uint8_t raw[] = { 'X', 0x03, 'Y' };
    g_autoptr(GString) s = g_string_new(NULL);

    /* 0x03 is only an interrupt between packets; inside one it is data. */
    gdb_packet_reader_init(&r, TEST_MAX);
    g_string_append_printf(s, "$X\003Y#%02x",
                           gdb_packet_checksum(raw, sizeof(raw)));
    g_assert_cmpint(feed(&r, s->str), ==, GDB_RX_PACKET);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmpmem(r.buf, 3, raw, 3);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_dollar_restarts(void)
{
    GdbPacketReader r;
    int n;

    /* A client cut off mid-packet sends a fresh one: keep the new one. */
    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_bytes(&r, "$m10,$g#67", 10, &n), ==,
                    GDB_RX_PACKET);
    g_assert_cmpint(n, ==, 1);
    g_assert_cmpstr((char *)r.buf, ==, "g");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_truncated_then_reset(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed(&r, "$m1000,"), ==, GDB_RX_NONE);
    /* The client disconnected: the next client starts clean. */
    gdb_packet_reader_reset(&r);
    g_assert_cmpint(gdb_packet_reader_feed(&r, '+'), ==, GDB_RX_ACK);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

/* ---- escapes --------------------------------------------------------------- */

static void test_packet_escape_decoded(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* "}\x03" is '#', "}\x04" '$', "}]" '}', "}\x0a" '*'. */
    g_assert_cmpint(feed_framed(&r, "X}\003}\004}]}\012"), ==, GDB_RX_PACKET);
    g_assert_cmpuint(r.len, ==, 5);
    g_assert_cmpmem(r.buf, r.len, "X#$}*", 5);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_escape_at_end(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_framed(&r, "X}"), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_BAD_RLE);
    g_assert_cmpuint(r.len, ==, 0);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

/* ---- run-length decoding ----------------------------------------------------- */

static void test_packet_rle(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* ' ' is 32: three more copies, so "0* " is "0000". */
    g_assert_cmpint(feed_framed(&r, "0* 1"), ==, GDB_RX_PACKET);
    g_assert_cmpstr((char *)r.buf, ==, "00001");
    /* '"' is 34: five more copies. */
    g_assert_cmpint(feed_framed(&r, "a*\""), ==, GDB_RX_PACKET);
    g_assert_cmpstr((char *)r.buf, ==, "aaaaaa");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_rle_of_escaped_byte(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* The byte repeated is the decoded one. */
    g_assert_cmpint(feed_framed(&r, "}\003* "), ==, GDB_RX_PACKET);
    g_assert_cmpstr((char *)r.buf, ==, "####");
    gdb_packet_reader_destroy(&r);
}

static void test_packet_rle_nothing_to_repeat(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_framed(&r, "* "), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_BAD_RLE);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_rle_bad_count(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* A control character cannot be a count. */
    g_assert_cmpint(feed_framed(&r, "0*\001"), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_BAD_RLE);
    /* '*' right before '#'. */
    g_assert_cmpint(feed_framed(&r, "0*"), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_BAD_RLE);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

/* ---- limits ------------------------------------------------------------------- */

static void test_packet_exactly_max(void)
{
    GdbPacketReader r;
    g_autofree char *raw = g_strnfill(TEST_MAX, 'a');

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_framed(&r, raw), ==, GDB_RX_PACKET);
    g_assert_cmpuint(r.len, ==, TEST_MAX);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_too_long(void)
{
    GdbPacketReader r;
    g_autofree char *raw = g_strnfill(TEST_MAX * 100, 'a');

    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_framed(&r, raw), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_TOO_LONG);
    g_assert_cmpuint(r.len, ==, 0);
    g_assert_cmpint(feed(&r, "$g#67"), ==, GDB_RX_PACKET);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_too_long_bad_checksum(void)
{
    GdbPacketReader r;
    g_autofree char *raw = g_strnfill(TEST_MAX + 1, 'a');
    g_autofree char *s = g_strdup_printf("$%s#00", raw);

    /* A corrupted overlong packet is a checksum error like any other. */
    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed(&r, s), ==, GDB_RX_BAD_CHECKSUM);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_rle_expands_past_max(void)
{
    GdbPacketReader r;

    gdb_packet_reader_init(&r, TEST_MAX);
    /* Three bytes on the wire, 98 decoded. */
    g_assert_cmpint(feed_framed(&r, "a*~"), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_TOO_LONG);
    gdb_packet_reader_destroy(&r);
}

static void test_packet_escapes_count_raw(void)
{
    GdbPacketReader r;
    g_autoptr(GString) raw = g_string_new(NULL);

    /* 40 escaped bytes are 80 on the wire: more than 64 as sent. */
    for (int i = 0; i < 40; i++) {
        g_string_append(raw, "}\003");
    }
    gdb_packet_reader_init(&r, TEST_MAX);
    g_assert_cmpint(feed_framed(&r, raw->str), ==, GDB_RX_ERROR);
    g_assert_cmpint(r.error, ==, GDB_RX_ERR_TOO_LONG);
    gdb_packet_reader_destroy(&r);
}

/* ---- encoding ------------------------------------------------------------------- */

static void test_encode_plain(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    g_assert_cmpuint(gdb_packet_encode(out, (const uint8_t *)"OK", 2), ==, 2);
    g_assert_cmpstr(out->str, ==, "$OK#9a");
}

static void test_encode_escapes(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    static const uint8_t data[] = { 'l', '#', '$', '}', '*', 0x00, 0xff };
    size_t n = gdb_packet_encode(out, data, sizeof(data));

    g_assert_cmpuint(n, ==, 11);
    g_assert_cmpuint(gdb_packet_escaped_len(data, sizeof(data)), ==, 11);
    g_assert_cmpmem(out->str, 12, "$l}\003}\004}]}\012\000\377", 12);
    /* The checksum covers the escaped form. */
    g_assert_cmpint(strtoul(out->str + out->len - 2, NULL, 16), ==,
                    gdb_packet_checksum((uint8_t *)out->str + 1, n));
}

static void test_encode_round_trip_all_bytes(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    uint8_t data[256];
    GdbPacketReader r;

    for (int i = 0; i < 256; i++) {
        data[i] = i;
    }
    gdb_packet_encode(out, data, sizeof(data));
    gdb_packet_reader_init(&r, 512);
    g_assert_cmpint(feed_bytes(&r, out->str, out->len, NULL), ==,
                    GDB_RX_PACKET);
    g_assert_cmpmem(r.buf, r.len, data, sizeof(data));
    gdb_packet_reader_destroy(&r);
}

/* ---- hex ---------------------------------------------------------------------------- */

static void test_hex_digit(void)
{
    g_assert_cmpint(gdb_hex_digit('0'), ==, 0);
    g_assert_cmpint(gdb_hex_digit('9'), ==, 9);
    g_assert_cmpint(gdb_hex_digit('a'), ==, 10);
    g_assert_cmpint(gdb_hex_digit('F'), ==, 15);
    g_assert_cmpint(gdb_hex_digit('g'), ==, -1);
    g_assert_cmpint(gdb_hex_digit(0), ==, -1);
}

static void test_hex_round_trip(void)
{
    static const uint8_t data[] = { 0x00, 0x12, 0xab, 0xff };
    g_autoptr(GString) out = g_string_new(NULL);
    uint8_t back[4];

    gdb_hex_encode(out, data, sizeof(data));
    g_assert_cmpstr(out->str, ==, "0012abff");
    g_assert_true(gdb_hex_decode("0012ABff", 4, back));
    g_assert_cmpmem(back, 4, data, 4);
}

static void test_hex_decode_errors(void)
{
    uint8_t b[2];

    g_assert_false(gdb_hex_decode("0x", 1, b));
    g_assert_false(gdb_hex_decode("x0", 1, b));
    /* Too short: the NUL is not a digit, and nothing past it is read. */
    g_assert_false(gdb_hex_decode("123", 2, b));
    g_assert_false(gdb_hex_decode("", 1, b));
}

static void test_hex_parse_number(void)
{
    const char *s = "1f00,4";
    uint64_t v = 0;

    g_assert_true(gdb_parse_hex(&s, &v));
    g_assert_cmphex(v, ==, 0x1f00);
    g_assert_cmpstr(s, ==, ",4");

    s = "ffffffffffffffff";
    g_assert_true(gdb_parse_hex(&s, &v));
    g_assert_cmphex(v, ==, UINT64_MAX);
}

static void test_hex_parse_number_errors(void)
{
    const char *s = ",4";
    const char *big = "10000000000000000";
    uint64_t v = 7;

    g_assert_false(gdb_parse_hex(&s, &v));
    g_assert_cmpstr(s, ==, ",4");
    g_assert_cmpuint(v, ==, 7);
    /* 65 bits do not fit. */
    s = big;
    g_assert_false(gdb_parse_hex(&s, &v));
    g_assert_true(s == big);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/gdbstub/packet/simple", test_packet_simple);
    g_test_add_func("/gdbstub/packet/empty", test_packet_empty);
    g_test_add_func("/gdbstub/packet/checksum-upper-case",
                    test_packet_checksum_upper_case);
    g_test_add_func("/gdbstub/packet/bad-checksum", test_packet_bad_checksum);
    g_test_add_func("/gdbstub/packet/checksum-not-hex",
                    test_packet_checksum_not_hex);
    g_test_add_func("/gdbstub/packet/acks-and-interrupt",
                    test_packet_acks_and_interrupt);
    g_test_add_func("/gdbstub/packet/noise-skipped",
                    test_packet_noise_skipped);
    g_test_add_func("/gdbstub/packet/interrupt-inside-is-data",
                    test_packet_interrupt_inside_is_data);
    g_test_add_func("/gdbstub/packet/dollar-restarts",
                    test_packet_dollar_restarts);
    g_test_add_func("/gdbstub/packet/truncated-then-reset",
                    test_packet_truncated_then_reset);
    g_test_add_func("/gdbstub/packet/escape-decoded",
                    test_packet_escape_decoded);
    g_test_add_func("/gdbstub/packet/escape-at-end",
                    test_packet_escape_at_end);
    g_test_add_func("/gdbstub/packet/rle", test_packet_rle);
    g_test_add_func("/gdbstub/packet/rle-of-escaped-byte",
                    test_packet_rle_of_escaped_byte);
    g_test_add_func("/gdbstub/packet/rle-nothing-to-repeat",
                    test_packet_rle_nothing_to_repeat);
    g_test_add_func("/gdbstub/packet/rle-bad-count",
                    test_packet_rle_bad_count);
    g_test_add_func("/gdbstub/packet/exactly-max", test_packet_exactly_max);
    g_test_add_func("/gdbstub/packet/too-long", test_packet_too_long);
    g_test_add_func("/gdbstub/packet/too-long-bad-checksum",
                    test_packet_too_long_bad_checksum);
    g_test_add_func("/gdbstub/packet/rle-expands-past-max",
                    test_packet_rle_expands_past_max);
    g_test_add_func("/gdbstub/packet/escapes-count-raw",
                    test_packet_escapes_count_raw);
    g_test_add_func("/gdbstub/encode/plain", test_encode_plain);
    g_test_add_func("/gdbstub/encode/escapes", test_encode_escapes);
    g_test_add_func("/gdbstub/encode/round-trip-all-bytes",
                    test_encode_round_trip_all_bytes);
    g_test_add_func("/gdbstub/hex/digit", test_hex_digit);
    g_test_add_func("/gdbstub/hex/round-trip", test_hex_round_trip);
    g_test_add_func("/gdbstub/hex/decode-errors", test_hex_decode_errors);
    g_test_add_func("/gdbstub/hex/parse-number", test_hex_parse_number);
    g_test_add_func("/gdbstub/hex/parse-number-errors",
                    test_hex_parse_number_errors);
    return g_test_run();
}
