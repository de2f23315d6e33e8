#!/usr/bin/env python3
#
# The gdbstub under bad input: corrupted and malformed packets, hex
# errors, memory outside the guest's RAM, absurd lengths, unknown
# packets, garbage, and clients that vanish mid-packet.  After each, the
# stub must still answer and the guest must be exactly as it was (and
# still run to its normal exit).
#
#   test_gdb_badinput.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Harness, arg_parser, check, eq  # noqa: E402
from rsp_client import (GdbEmulator, build_guest, frame, le_hex,  # noqa: E402
                        le_int, GUEST_EXIT, REG_PC)

OPTS = None
ELF = None
SYM = None
TIMEOUT = 30
# The sim board's RAM: 20 MiB from address 0.
RAM_END = 20 * 1024 * 1024
# Byte offset of the pc in the g packet: r0-r11 are 2 bytes, r12-sp 4.
REG_PC_OFFSET = 12 * 2 + 4 * 4


def start(tap, noack=True):
    emu = GdbEmulator(OPTS.qemu, ELF)
    tap.defer(emu.stop)
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake(noack=noack)
    return emu, c


def snapshot(c):
    """What must not change: every register and the data area."""
    return (c.read_registers(), c.read_memory(SYM['var'], 0x40),
            c.read_memory(RAM_END - 0x10, 0x10))


def intact(emu, c, before):
    eq(snapshot(c), before, 'guest state after bad input')
    check(emu.alive(), 'emulator alive')


def park(c):
    """
    Send the guest to its spin loop.  A client that goes away lets the
    guest run (docs/system/gdb.rst); spinning, it changes only r3 and pc.
    """
    eq(c.write_register(REG_PC, le_hex(SYM['spin'], 4)), 'OK', 'P pc')
    return parked_snapshot(c)


def parked_snapshot(c):
    regs = c.read_registers()
    pc = le_int(regs[2 * REG_PC_OFFSET:2 * REG_PC_OFFSET + 8])
    check(pc in (SYM['spin'], SYM['spin'] + 2), 'pc %#x in spin' % pc)
    # Blank r3 (the counter) and pc, which a spinning guest changes.
    regs = regs[:12] + '????' + regs[16:2 * REG_PC_OFFSET] + '?' * 8 + \
        regs[2 * REG_PC_OFFSET + 8:]
    return (regs, c.read_memory(SYM['var'], 0x40),
            c.read_memory(RAM_END - 0x10, 0x10))


def reconnect(tap, emu):
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    return c


def runs_to_exit(emu, c):
    """The guest still works: it runs to its normal exit."""
    stop = c.cont(TIMEOUT)
    eq((stop.kind, stop.exit_code), ('W', GUEST_EXIT), 'exit')
    eq(emu.wait(TIMEOUT), GUEST_EXIT, 'exit status')


def expect_all(c, cases):
    for pkt, want in cases:
        eq(c.command(pkt), want, repr(pkt))


# ---- the ack layer ----------------------------------------------------------------------


def test_bad_checksum_nack(tap):
    emu, c = start(tap, noack=False)
    before = snapshot(c)
    c.send_raw(b'$g#00')
    eq(c._read_byte(TIMEOUT), ord('-'), 'nack for a bad checksum')
    c.send_raw(b'$g#6x')
    eq(c._read_byte(TIMEOUT), ord('-'), 'nack for a non-hex checksum')
    # A corrupted write is not applied.
    bad = frame('M%x,2:ffff' % SYM['var'])[:-2] + b'00'
    c.send_raw(bad)
    eq(c._read_byte(TIMEOUT), ord('-'), 'nack for a corrupted M')
    check(c.nothing_pending(), 'no reply to a rejected packet')
    intact(emu, c, before)
    runs_to_exit(emu, c)


def test_nack_retransmits(tap):
    emu, c = start(tap, noack=False)
    first = c.command('?')
    c.send_raw(b'-')
    eq(c.recv_packet(TIMEOUT), first, 'the same reply again')
    c.send_raw(b'-')
    eq(c.recv_packet(TIMEOUT), first, 'and again')
    eq(c.command('qC'), 'QC1', 'then business as usual')


def test_client_acks(tap):
    # The client's side of the same rule: it resends on '-'.
    emu, c = start(tap, noack=False)
    eq(c.command('qC'), 'QC1', 'qC')
    eq(c.retransmits, 0, 'no retransmission on a clean line')
    check(set(c.acks) == {ord('+')}, 'the stub acked every packet')


def test_noack_mode(tap):
    emu, c = start(tap, noack=True)
    before = snapshot(c)
    c.acks.clear()
    # Without acks, a corrupted packet is simply dropped.
    c.send_raw(b'$g#00')
    check(c.nothing_pending(), 'no reply and no nack without acks')
    eq(c.command('qC'), 'QC1', 'next packet answered')
    check(not c.acks, 'no acks after QStartNoAckMode')
    intact(emu, c, before)


# ---- framing -----------------------------------------------------------------------------


def test_garbage_between_packets(tap):
    emu, c = start(tap)
    before = snapshot(c)
    c.send_raw(b'hello\r\n#00##  junk +++ ---\x7f\xff\x00')
    eq(c.command('qC'), 'QC1', 'served after garbage')
    intact(emu, c, before)


def test_overlong_packet(tap):
    emu, c = start(tap, noack=False)
    before = snapshot(c)
    c.send_raw(frame('m' + '0' * 8000 + ',4'))
    eq(c._read_byte(TIMEOUT), ord('+'), 'framing was fine')
    eq(c.recv_packet(TIMEOUT), 'E22', 'too long for PacketSize')
    # Just below the limit is accepted (an unknown packet here).
    eq(c.command('J' + 'x' * 4000), '', 'a long unknown packet')
    intact(emu, c, before)
    runs_to_exit(emu, c)


def test_endless_packet_then_disconnect(tap):
    emu, c = start(tap)
    before = park(c)
    # Megabytes with no end: the stub keeps a bounded buffer.
    c.send_raw(b'$' + b'm' * (4 * 1024 * 1024))
    c.close()
    c2 = reconnect(tap, emu)
    eq(parked_snapshot(c2), before, 'guest state')


def test_rle_input(tap):
    emu, c = start(tap)
    # "f* " is "ffff": the run-length form of M var,2:ffff.
    eq(c.command('M%x,2:f* ' % SYM['var']), 'OK', 'run-length M')
    eq(c.read_memory(SYM['var'], 2), b'\xff\xff', 'decoded data')
    eq(c.command('* '), 'E22', 'nothing to repeat')
    eq(c.command('m0*\x01'), 'E22', 'bad repeat count')


def test_escape_input(tap):
    emu, c = start(tap)
    before = snapshot(c)
    # A '}' at the end escapes nothing.
    eq(c.command(b'X%x,1:}' % SYM['var']), 'E22', 'dangling escape')
    # "}\x03" is '#'.
    eq(c.command(b'X%x,1:}\x03' % SYM['var2']), 'OK', 'escaped #')
    eq(c.read_memory(SYM['var2'], 1), b'#', 'decoded')
    eq(c.command(b'X%x,1:%s' % (SYM['var2'], bytes([0xef]))), 'OK',
       'restore')
    intact(emu, c, before)


# ---- malformed and unknown packets ----------------------------------------------------------


def test_malformed_packets(tap):
    emu, c = start(tap)
    before = snapshot(c)
    var = SYM['var']
    expect_all(c, [
        ('m', 'E22'), ('m10', 'E22'), ('m10,', 'E22'), ('mzz,2', 'E22'),
        ('m10,2x', 'E22'), ('m10000000000000000,1', 'E22'),
        ('M%x,2:zzzz' % var, 'E22'), ('M%x,2:00' % var, 'E22'),
        ('M%x,2:000000' % var, 'E22'), ('M%x,2' % var, 'E22'),
        ('M%x,1:0g' % var, 'E22'),
        ('X%x,4:ab' % var, 'E22'), ('X%x' % var, 'E22'),
        ('p', 'E22'), ('pzz', 'E22'), ('p3x', 'E22'),
        ('p1b', 'E14'), ('p100000000', 'E14'),
        ('P3', 'E22'), ('P3=12', 'E22'), ('P3=zzzz', 'E22'),
        ('P3=123456', 'E22'), ('P1b=0000', 'E14'), ('Pzz=0000', 'E22'),
        ('G00', 'E22'), ('G' + 'zz' * 84, 'E22'), ('G' + '00' * 85, 'E22'),
        ('Z0', 'E22'), ('Z0,10', 'E22'), ('Z0,zz,2', 'E22'),
        ('Z0,10,2x', 'E22'), ('Z0,10,0', 'E22'), ('Z2,%x,0' % var, 'E22'),
        ('z0,10,2', 'E22'), ('z2,%x,2' % var, 'E22'),
        ('Hg2', 'E22'), ('Hx1', 'E22'), ('H', 'E22'), ('T2', 'E22'),
        ('T', 'E22'),
        ('czz', 'E22'), ('c100000000', 'E22'), ('C', 'E22'),
        ('Czz', 'E22'), ('C05;zz', 'E22'), ('C100', 'E22'), ('S05x', 'E22'),
        ('szz', 'E22'),
        ('vCont;', 'E22'), ('vCont;Czz', 'E22'), ('vCont;c:', 'E22'),
        ('qXfer:features:read:target.xml', 'E22'),
        ('qXfer:features:read:target.xml:zz,10', 'E22'),
        ('qRcmd,6', 'E22'), ('qRcmd,00', 'E22'), ('qRcmd,zz', 'E22'),
        ('Qqemu.sstep=', 'E22'), ('Qqemu.sstep=zz', 'E22'),
    ])
    intact(emu, c, before)
    eq(le_int(c.read_register(REG_PC)), SYM['_start'], 'still at reset')
    runs_to_exit(emu, c)


def test_unknown_packets(tap):
    emu, c = start(tap)
    before = snapshot(c)
    expect_all(c, [
        ('J', ''), ('vMustReplyEmpty', ''), ('qOffsets', ''),
        ('QNonStop:1', ''), ('!', ''), ('bc', ''), ('R00', ''),
        ('vFile:open:2f,0,0', ''), ('qXfer:memory-map:read::0,100', ''),
        ('qTStatus', ''), ('Z5,10,2', ''), ('\x01\x02', ''),
    ])
    # The empty packet gets the empty reply too.
    eq(c.command(''), '', 'empty packet')
    intact(emu, c, before)


# ---- memory out of range -------------------------------------------------------------------


def test_memory_out_of_range(tap):
    emu, c = start(tap)
    # Known bytes at the very end of RAM, to see they stay.
    eq(c.write_memory(RAM_END - 2, b'\x5a\xa5'), 'OK', 'last RAM bytes')
    before = snapshot(c)
    expect_all(c, [
        ('m%x,4' % RAM_END, 'E14'),
        ('m%x,4' % (RAM_END - 2), 'E14'),       # straddles the end
        ('mffffffff,2', 'E14'),                 # wraps around
        ('mffffffffffffffff,1', 'E14'),
        ('M%x,4:11223344' % (RAM_END - 2), 'E14'),
        ('M%x,2:1122' % RAM_END, 'E14'),
        ('Mfffffffe,4:11223344', 'E14'),
        (b'X%x,4:abcd' % (RAM_END - 2), 'E14'),
        ('m0,100000', 'E22'),                   # absurd length
        ('m0,ffffffffffffffff', 'E22'),
        ('M0,100000:00', 'E22'),
        ('Z2,%x,100000' % SYM['var'], 'E22'),
        ('Z2,ffffffff,4', 'E22'),
    ])
    # The RAM half of the straddling writes was not written.
    eq(c.read_memory(RAM_END - 2, 2), b'\x5a\xa5', 'RAM end untouched')
    eq(c.command('m0,0'), '', 'zero-length read')
    intact(emu, c, before)
    runs_to_exit(emu, c)


# ---- clients that go away ----------------------------------------------------------------------


def test_client_vanishes_mid_packet(tap):
    emu, c = start(tap)
    before = park(c)
    c.send_raw(b'$M%x,2:ff' % SYM['var'])
    c.close()
    # The half-sent write never happened, and the new client starts clean.
    c2 = reconnect(tap, emu)
    eq(parked_snapshot(c2), before, 'after a cut in the data')
    c2.close()
    # Cut in the checksum, too.
    c3 = emu.connect(timeout=TIMEOUT)
    tap.defer(c3.close)
    c3.send_raw(frame('M%x,2:ffff' % SYM['var'])[:-1])
    c3.close()
    c4 = reconnect(tap, emu)
    eq(parked_snapshot(c4), before, 'after a cut in the checksum')
    eq(c4.command('qC'), 'QC1', 'served')


def test_random_garbage_client(tap):
    emu, c = start(tap)
    park(c)
    rng = random.Random(1234)
    # Bytes skewed towards the protocol's special characters.
    alphabet = b'$#}*+-\x03' * 8 + bytes(range(256))
    for _ in range(20):
        c.send_raw(bytes(rng.choice(alphabet) for _ in range(500)))
    c.close()
    # Random bytes are not valid packets (the checksums do not match), so
    # nothing reached the guest: it still spins.
    c2 = reconnect(tap, emu)
    check(emu.alive(), 'emulator alive after garbage')
    eq(c2.command('qC'), 'QC1', 'served after garbage')
    parked_snapshot(c2)


TESTS = [
    ('bad-checksum-nack', test_bad_checksum_nack),
    ('nack-retransmits', test_nack_retransmits),
    ('client-acks', test_client_acks),
    ('noack-mode', test_noack_mode),
    ('garbage-between-packets', test_garbage_between_packets),
    ('overlong-packet', test_overlong_packet),
    ('endless-packet-then-disconnect', test_endless_packet_then_disconnect),
    ('rle-input', test_rle_input),
    ('escape-input', test_escape_input),
    ('malformed-packets', test_malformed_packets),
    ('unknown-packets', test_unknown_packets),
    ('memory-out-of-range', test_memory_out_of_range),
    ('client-vanishes-mid-packet', test_client_vanishes_mid_packet),
    ('random-garbage-client', test_random_garbage_client),
]


def main():
    global OPTS, ELF, SYM
    ap = arg_parser()
    ap.add_argument('tests', nargs='*', help='names of tests to run')
    OPTS = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    ELF, SYM = build_guest(OPTS.asm, tmp.name)
    tap = Harness(sep=' ')
    for name, fn in TESTS:
        if not OPTS.tests or name in OPTS.tests:
            tap.run(name, lambda: fn(tap))
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
