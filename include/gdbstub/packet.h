/*
 * The byte layer of the GDB remote serial protocol: framing, checksums,
 * escapes and run-length decoding, and the hex helpers every command
 * handler needs.
 *
 * Nothing here does I/O or knows about CPUs, so the whole layer can be
 * driven byte by byte from a unit test (tests/unit/test-gdbstub-packet.c).
 *
 * A packet on the wire is "$" DATA "#" CC, where CC is the modulo-256 sum
 * of the bytes of DATA as sent, in two hex digits.  Inside DATA:
 *   "}" X      stands for the byte X ^ 0x20 (used for '#', '$', '}', '*'
 *              and, by some clients, for any byte);
 *   C "*" N    repeats the previous byte N - 29 more times (run-length
 *              encoding; N is a printable character other than '#', '$').
 * Outside a packet, "+" and "-" acknowledge the last packet sent and the
 * byte 0x03 asks a running target to stop.  Anything else there is noise
 * and is skipped.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef GDBSTUB_PACKET_H
#define GDBSTUB_PACKET_H

/*
 * The largest packet we accept and advertise as PacketSize: the bytes
 * between '$' and '#' as sent, and also after decoding.  Replies are kept
 * to the same size so a client can use one buffer for both directions.
 */
#define GDB_PACKET_SIZE 4096

/* What one byte of input completed. */
typedef enum GdbRxEvent {
    GDB_RX_NONE,            /* nothing yet: inside a packet, or noise */
    GDB_RX_PACKET,          /* a packet with a good checksum: see rx->buf */
    GDB_RX_BAD_CHECKSUM,    /* a packet whose checksum did not match */
    GDB_RX_ERROR,           /* checksum fine, contents unusable: rx->error */
    GDB_RX_ACK,             /* '+' */
    GDB_RX_NACK,            /* '-' */
    GDB_RX_INTERRUPT,       /* 0x03 between packets */
} GdbRxEvent;

/* Why a packet with a good checksum was still dropped (GDB_RX_ERROR). */
typedef enum GdbRxError {
    GDB_RX_ERR_NONE,
    GDB_RX_ERR_TOO_LONG,    /* more than the reader's limit */
    GDB_RX_ERR_BAD_RLE,     /* '*' with nothing to repeat, or a bad count */
} GdbRxError;

typedef enum GdbRxState {
    GDB_RXS_IDLE,
    GDB_RXS_DATA,
    GDB_RXS_ESCAPE,         /* after '}' */
    GDB_RXS_RLE,            /* after '*': the count comes next */
    GDB_RXS_CSUM1,
    GDB_RXS_CSUM2,
} GdbRxState;

/*
 * Reassembles packets from a byte stream.  @buf holds the decoded DATA of
 * the last complete packet (@len bytes, plus a NUL after them so text
 * packets can be parsed as strings; binary packets may contain NULs).
 */
typedef struct GdbPacketReader {
    GdbRxState state;
    uint8_t *buf;
    size_t len;
    size_t max;             /* limit on DATA, raw and decoded */
    size_t raw_len;         /* bytes of DATA as sent so far */
    uint8_t sum;            /* running checksum of DATA as sent */
    uint8_t rx_sum;         /* the checksum the client sent */
    GdbRxError error;       /* first problem seen in this packet */
    bool have_prev;         /* a decoded byte exists for '*' to repeat */
} GdbPacketReader;

/* Prepare @r for packets of at most @max bytes (allocates @max + 1). */
void gdb_packet_reader_init(GdbPacketReader *r, size_t max);
/* Free the buffer. */
void gdb_packet_reader_destroy(GdbPacketReader *r);
/* Forget any half-received packet (a new client connected). */
void gdb_packet_reader_reset(GdbPacketReader *r);
/* Consume one byte; see GdbRxEvent. */
GdbRxEvent gdb_packet_reader_feed(GdbPacketReader *r, uint8_t byte);

/* Checksum of @len bytes as they appear between '$' and '#'. */
uint8_t gdb_packet_checksum(const uint8_t *data, size_t len);

/*
 * Append the framed packet "$<data escaped>#cc" to @out.  '#', '$', '}'
 * and '*' in @data are escaped, so any bytes may be sent (binary replies
 * such as qXfer).  Returns the length of the escaped DATA.
 */
size_t gdb_packet_encode(GString *out, const uint8_t *data, size_t len);
/* Length of @data once escaped by gdb_packet_encode. */
size_t gdb_packet_escaped_len(const uint8_t *data, size_t len);

/* ---- hex helpers --------------------------------------------------------- */

/* Value of hex digit @c (either case), or -1. */
int gdb_hex_digit(int c);
/* Append @len bytes to @out as lower-case hex pairs. */
void gdb_hex_encode(GString *out, const uint8_t *data, size_t len);
/*
 * Decode exactly @nbytes bytes from the 2 * @nbytes hex digits at @hex.
 * Returns false (with @out partly written) if any digit is not hex.
 */
bool gdb_hex_decode(const char *hex, size_t nbytes, uint8_t *out);
/*
 * Parse a hex number at *@p, advancing *@p past it.  At least one digit
 * is required; a value above UINT64_MAX is an error.  Returns false on
 * error, leaving *@p unchanged.
 */
bool gdb_parse_hex(const char **p, uint64_t *val);

#endif /* GDBSTUB_PACKET_H */
