/*
 * GDB remote serial protocol: framing, checksums, escapes, run-length
 * decoding and hex helpers.  See include/gdbstub/packet.h.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "gdbstub/packet.h"

/* A run-length count character N stands for N - 29 extra copies. */
#define GDB_RLE_BIAS 29

void gdb_packet_reader_init(GdbPacketReader *r, size_t max)
{
    memset(r, 0, sizeof(*r));
    r->max = max;
    r->buf = g_malloc0(max + 1);
}

void gdb_packet_reader_destroy(GdbPacketReader *r)
{
    g_free(r->buf);
    r->buf = NULL;
}

static void rx_start_packet(GdbPacketReader *r)
{
    r->state = GDB_RXS_DATA;
    r->len = 0;
    r->raw_len = 0;
    r->sum = 0;
    r->rx_sum = 0;
    r->error = GDB_RX_ERR_NONE;
    r->have_prev = false;
    r->buf[0] = 0;
}

void gdb_packet_reader_reset(GdbPacketReader *r)
{
    rx_start_packet(r);
    r->state = GDB_RXS_IDLE;
}

static void rx_set_error(GdbPacketReader *r, GdbRxError err)
{
    /* Keep the first one: it is the one worth reporting. */
    if (r->error == GDB_RX_ERR_NONE) {
        r->error = err;
    }
}

/* Append one decoded byte, unless the packet already overflowed. */
static void rx_put(GdbPacketReader *r, uint8_t byte)
{
    if (r->error != GDB_RX_ERR_NONE) {
        return;
    }
    if (r->len >= r->max) {
        rx_set_error(r, GDB_RX_ERR_TOO_LONG);
        return;
    }
    r->buf[r->len++] = byte;
    r->have_prev = true;
}

/* Account for one byte of DATA as sent (checksum and raw length). */
static void rx_count_raw(GdbPacketReader *r, uint8_t byte)
{
    r->sum += byte;
    if (++r->raw_len > r->max) {
        rx_set_error(r, GDB_RX_ERR_TOO_LONG);
    }
}

static void rx_repeat(GdbPacketReader *r, uint8_t count_char)
{
    size_t n;

    /* Control characters and DEL are not valid counts. */
    if (count_char < ' ' || count_char > '~' || !r->have_prev) {
        rx_set_error(r, GDB_RX_ERR_BAD_RLE);
        return;
    }
    if (r->error != GDB_RX_ERR_NONE) {
        return;
    }
    n = count_char - GDB_RLE_BIAS;
    if (n > r->max - r->len) {
        rx_set_error(r, GDB_RX_ERR_TOO_LONG);
        return;
    }
    memset(r->buf + r->len, r->buf[r->len - 1], n);
    r->len += n;
}

static GdbRxEvent rx_idle(GdbPacketReader *r, uint8_t byte)
{
    switch (byte) {
    case '$':
        rx_start_packet(r);
        return GDB_RX_NONE;
    case '+':
        return GDB_RX_ACK;
    case '-':
        return GDB_RX_NACK;
    case 0x03:
        return GDB_RX_INTERRUPT;
    default:
        /* Line noise between packets (a stray newline, say): skip it. */
        return GDB_RX_NONE;
    }
}

static GdbRxEvent rx_finish(GdbPacketReader *r)
{
    r->state = GDB_RXS_IDLE;
    if (r->sum != r->rx_sum) {
        return GDB_RX_BAD_CHECKSUM;
    }
    if (r->error != GDB_RX_ERR_NONE) {
        r->len = 0;
        r->buf[0] = 0;
        return GDB_RX_ERROR;
    }
    r->buf[r->len] = 0;
    return GDB_RX_PACKET;
}

GdbRxEvent gdb_packet_reader_feed(GdbPacketReader *r, uint8_t byte)
{
    int digit;

    if (r->state == GDB_RXS_IDLE) {
        return rx_idle(r, byte);
    }
    /*
     * '$' never appears raw inside a packet: the client gave up on the
     * packet it was sending (or we joined mid-stream) and starts anew.
     */
    if (byte == '$') {
        rx_start_packet(r);
        return GDB_RX_NONE;
    }

    switch (r->state) {
    case GDB_RXS_DATA:
        if (byte == '#') {
            r->state = GDB_RXS_CSUM1;
            break;
        }
        rx_count_raw(r, byte);
        if (byte == '}') {
            r->state = GDB_RXS_ESCAPE;
        } else if (byte == '*') {
            r->state = GDB_RXS_RLE;
        } else {
            rx_put(r, byte);
        }
        break;
    case GDB_RXS_ESCAPE:
    case GDB_RXS_RLE:
        if (byte == '#') {
            /* The packet ended after '}' or '*': nothing to apply it to. */
            rx_set_error(r, GDB_RX_ERR_BAD_RLE);
            r->state = GDB_RXS_CSUM1;
            break;
        }
        rx_count_raw(r, byte);
        if (r->state == GDB_RXS_ESCAPE) {
            rx_put(r, byte ^ 0x20);
        } else {
            rx_repeat(r, byte);
        }
        r->state = GDB_RXS_DATA;
        break;
    case GDB_RXS_CSUM1:
    case GDB_RXS_CSUM2:
        digit = gdb_hex_digit(byte);
        if (digit < 0) {
            /* Cannot match any sum: force a mismatch. */
            r->rx_sum = ~r->sum;
            r->state = GDB_RXS_IDLE;
            return GDB_RX_BAD_CHECKSUM;
        }
        r->rx_sum = (r->rx_sum << 4) | digit;
        if (r->state == GDB_RXS_CSUM1) {
            r->state = GDB_RXS_CSUM2;
            break;
        }
        return rx_finish(r);
    default:
        g_assert_not_reached();
    }
    return GDB_RX_NONE;
}

uint8_t gdb_packet_checksum(const uint8_t *data, size_t len)
{
    uint8_t sum = 0;

    for (size_t i = 0; i < len; i++) {
        sum += data[i];
    }
    return sum;
}

static bool gdb_needs_escape(uint8_t c)
{
    return c == '#' || c == '$' || c == '}' || c == '*';
}

size_t gdb_packet_escaped_len(const uint8_t *data, size_t len)
{
    size_t n = len;

    for (size_t i = 0; i < len; i++) {
        n += gdb_needs_escape(data[i]);
    }
    return n;
}

size_t gdb_packet_encode(GString *out, const uint8_t *data, size_t len)
{
    size_t start, n;
    uint8_t sum;

    g_string_append_c(out, '$');
    start = out->len;
    for (size_t i = 0; i < len; i++) {
        if (gdb_needs_escape(data[i])) {
            g_string_append_c(out, '}');
            g_string_append_c(out, data[i] ^ 0x20);
        } else {
            g_string_append_c(out, data[i]);
        }
    }
    n = out->len - start;
    sum = gdb_packet_checksum((const uint8_t *)out->str + start, n);
    g_string_append_printf(out, "#%02x", sum);
    return n;
}

/* ---- hex helpers --------------------------------------------------------- */

int gdb_hex_digit(int c)
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
    return -1;
}

void gdb_hex_encode(GString *out, const uint8_t *data, size_t len)
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < len; i++) {
        g_string_append_c(out, digits[data[i] >> 4]);
        g_string_append_c(out, digits[data[i] & 15]);
    }
}

bool gdb_hex_decode(const char *hex, size_t nbytes, uint8_t *out)
{
    for (size_t i = 0; i < nbytes; i++) {
        int hi = gdb_hex_digit(hex[2 * i]);
        int lo = hi < 0 ? -1 : gdb_hex_digit(hex[2 * i + 1]);

        if (lo < 0) {
            return false;
        }
        out[i] = (hi << 4) | lo;
    }
    return true;
}

bool gdb_parse_hex(const char **p, uint64_t *val)
{
    const char *s = *p;
    uint64_t v = 0;
    int d;

    if (gdb_hex_digit(*s) < 0) {
        return false;
    }
    while ((d = gdb_hex_digit(*s)) >= 0) {
        if (v >> 60) {
            return false;
        }
        v = (v << 4) | d;
        s++;
    }
    *val = v;
    *p = s;
    return true;
}
