#!/usr/bin/env python3
#
# qtest protocol fuzzing against a live emulator.
#
#   test_fuzz_qtest.py --qemu QEMU [--seed N] [--case K]
#
# Each case starts "virt" under -accel qtest with a ns16550a, a
# cr16-dmatest and a cr16-memcard in its slots, and sends batches of qtest
# lines: every command with random, wrong or missing arguments (addresses
# anywhere in the 64-bit space, sizes up to and past the limits, bad
# numbers, bad hex and base64, unknown QOM paths and GPIO names), random
# device register accesses in the peripheral page (so DMA transfers with
# random addresses run while the clock is stepped), raw garbage and
# overlong lines, with device_add/device_del on the QMP side in between.
# After each batch the session must still answer; at the end a value
# written to RAM must read back, QMP must answer and "quit" must end the
# emulator with status 0 and no sanitizer report.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import base64
import os
import select
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

COMMANDS = ['readb', 'readw', 'readl', 'readq', 'writeb', 'writew',
            'writel', 'writeq', 'read', 'write', 'b64read', 'b64write',
            'memset', 'clock_step', 'clock_set', 'irq_intercept_in',
            'irq_intercept_out', 'set_irq_in', 'endianness']
MAX_XFER = 16 << 20
TESTDEV = 0xFF0300
PATHS = ['/machine/icu', '/machine/uart0', '/machine/timer',
         '/machine/rtc', '/machine/expansion', '/machine/peripheral/dma0',
         '/machine/peripheral/uart2', '/machine/peripheral/card0',
         '/machine/unattached/device[0]', '/machine', '/', '',
         '/machine/nothing', 'icu', '/machine/icu/']

# Lines that once hung or crashed the emulator: sent first in case 0.
REGRESSIONS = [
    # memset with a size near 2^64 looped for ever (fixed: capped).
    'memset 0 0xffffffffffffffff 0',
    'memset 0xff4000 0xfffffffffffff000 0xff',
]


def number(rng, bits=64):
    pick = rng.random()
    if pick < 0.6:
        return hex(rng.getrandbits(bits))
    if pick < 0.75:
        return str(rng.getrandbits(bits))
    return rng.choice(['-1', '0x', '', '0xZZ', '1e3', '+5', '0777', '08',
                       '0x10000000000000000', '18446744073709551616',
                       '-9223372036854775809', ' ', '0b101', '0X1F',
                       '0xffffffffffffffff', '9223372036854775807'])


def address(rng):
    pick = rng.random()
    if pick < 0.35:
        while True:
            a = 0xFF0000 + rng.randrange(0x10000)
            if not TESTDEV <= a < TESTDEV + 0x10:
                return hex(a)
    if pick < 0.5:
        return hex(0xFF4000 + rng.randrange(3) * 0x1000 +
                   rng.randrange(0x40))
    if pick < 0.7:
        return hex(0x10000 + rng.randrange(0x100000))
    if pick < 0.8:
        return hex(rng.choice([0, 0xfffff0, 0xffffff, 0x1000000,
                               2**32 - 1, 2**64 - 1, 2**64 - 8,
                               0xffffffffff000000]))
    return number(rng)


def size(rng):
    return rng.choice([hex(rng.randrange(0, 64)), hex(rng.randrange(4096)),
                       hex(MAX_XFER + 1), '0', hex(2**64 - 1), hex(2**63),
                       '-1', number(rng, 32)])


def hexdata(rng, n):
    pick = rng.random()
    data = ''.join('%02x' % rng.getrandbits(8) for _ in range(n))
    if pick < 0.6:
        return '0x' + data
    if pick < 0.7:
        return data
    if pick < 0.8:
        return '0x' + data + 'a'
    if pick < 0.9:
        return '0x' + data[:-1] + 'g' if data else '0xg'
    return '0x' + data + '00' * rng.randrange(1, 4)


def b64data(rng, n):
    raw = bytes(rng.getrandbits(8) for _ in range(n))
    enc = base64.b64encode(raw).decode()
    pick = rng.random()
    if pick < 0.6:
        return enc
    if pick < 0.7:
        return enc[:-1]
    if pick < 0.8:
        return enc + '='
    if pick < 0.9:
        return '*' + enc[1:]
    return '=' + enc


def line(rng):
    """One qtest line, usually a real command with plausible arguments."""
    pick = rng.random()
    if pick < 0.05:
        return ''.join(chr(rng.randrange(1, 256)) for _ in range(
            rng.randrange(0, 60))).replace('\n', ' ')
    if pick < 0.08:
        return rng.choice(['', ' ', '\t\t', '\r', 'READB 0', 'readb',
                           'readb 0 0', 'write 0 1', 'set_irq_in a b c',
                           'clock_step 1 2', 'endianness x',
                           'readb\x00 0', 'irq_intercept_in a b c d e f g h '
                           'i j k'])
    cmd = rng.choice(COMMANDS)
    if cmd.startswith('read') and cmd != 'read':
        args = [address(rng)]
    elif cmd.startswith('write') and cmd != 'write':
        width = {'b': 8, 'w': 16, 'l': 32, 'q': 64}[cmd[5]]
        args = [address(rng), rng.choice([hex(rng.getrandbits(width)),
                                          number(rng)])]
    elif cmd in ('read', 'b64read'):
        args = [address(rng), size(rng)]
    elif cmd == 'write':
        n = rng.randrange(0, 64)
        args = [address(rng), rng.choice([hex(n), size(rng)]),
                hexdata(rng, n)]
    elif cmd == 'b64write':
        n = rng.randrange(0, 64)
        args = [address(rng), rng.choice([str(n), size(rng)]),
                b64data(rng, n)]
    elif cmd == 'memset':
        args = [address(rng), size(rng),
                rng.choice([hex(rng.getrandbits(8)), '0x100', '-1'])]
    elif cmd == 'clock_step':
        # Small steps only: a periodic timer set up by random register
        # writes may expire every 100 ns.
        args = rng.choice([[], [str(rng.randrange(0, 10**7))],
                           ['-5'], ['x'], ['99999999999999999999']])
    elif cmd == 'clock_set':
        args = [rng.choice(['0', '-1', 'abc', '99999999999999999999',
                            str(rng.randrange(10**6))])]
    elif cmd.startswith('irq_intercept'):
        args = [rng.choice(PATHS)]
        if rng.random() < 0.3:
            args.append(rng.choice(['sysbus-irq', 'unnamed-gpio-out',
                                    'x', 'irq']))
    elif cmd == 'set_irq_in':
        args = [rng.choice(PATHS), rng.choice(['unnamed-gpio-in', 'irq',
                                               'x']),
                number(rng, 8), rng.choice(['0', '1', '-1', '2', 'x'])]
    else:
        args = []
    if rng.random() < 0.05:
        args = args[:-1] if args and rng.random() < 0.5 else \
            args + [number(rng)]
    return ' '.join([cmd] + args)


class Qtest:
    """A qtest client that keeps reading while it writes.

    The emulator drops a client that leaves more than 1 MiB of replies
    unread, so a long batch of lines is written while the replies that
    come back in the meantime are collected.
    """

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.setblocking(False)
        self.partial = []
        self.lines = []

    def _take(self, chunk):
        if not chunk:
            raise EOFError('qtest connection closed by the emulator')
        while True:
            nl = chunk.find(b'\n')
            if nl < 0:
                self.partial.append(chunk)
                return
            self.lines.append(b''.join(self.partial) + chunk[:nl])
            self.partial = []
            chunk = chunk[nl + 1:]

    def _pump(self, out, timeout):
        """Write @out (may be empty) and read whatever arrives."""
        r, w, _ = select.select([self.sock], [self.sock] if out else [],
                                [], timeout)
        if not r and not w:
            raise fz.CaseFailure('qtest: no progress for %d s' % timeout)
        if r:
            self._take(self.sock.recv(1 << 20))
        if w:
            return self.sock.send(out[:1 << 16])
        return 0

    def send(self, text):
        if isinstance(text, str):
            text = text.encode('latin-1')
        view = memoryview(text)
        while len(view):
            view = view[self._pump(view, 30):]

    def reply(self, timeout=30):
        """The next line that is not an IRQ notification."""
        while True:
            while not self.lines:
                self._pump(b'', timeout)
            text = self.lines.pop(0).decode('latin-1')
            if not text.startswith('IRQ '):
                return text

    def sync(self, timeout=30):
        """Every earlier line has been answered once this returns.

        The probe is a bad number the error reply quotes back: a token
        no generated line contains.
        """
        self.tag = getattr(self, 'tag', 0) + 1
        want = "ERR bad time step 'sync-%d'" % self.tag
        self.send('clock_step sync-%d\n' % self.tag)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.reply(timeout) == want:
                return
        raise fz.CaseFailure('qtest stopped answering')


def run_case(opts, rng, index, workdir):
    qpath = os.path.join(workdir, 'qtest.sock')
    if os.path.exists(qpath):
        os.unlink(qpath)
    args = ['-M', 'virt', '-display', 'none', '-serial', 'null',
            '-monitor', 'none', '-no-shutdown', '-accel', 'qtest',
            '-qtest', 'unix:%s,server=on,wait=off' % qpath,
            '-device', 'cr16-dmatest,slot=0,id=dma0,chunk-ns=%d' %
            rng.choice([0, 100, 1000]),
            '-device', 'cr16-memcard,slot=1,id=card0',
            '-device', 'ns16550a,slot=2,id=uart2',
            '-d', 'guest_errors,unimp', '-D', os.devnull]
    q = fz.Qemu(opts.qemu, args, workdir)
    sent = 0
    try:
        mon = q.qmp()
        mon.negotiate()
        qt = Qtest(qpath)
        if index == 0:
            for text in REGRESSIONS:
                qt.send(text + '\n')
                fz.check(qt.reply(30).startswith('ERR'),
                         '%r was not refused' % text)
        for batch in range(rng.randrange(8, 16)):
            lines = [line(rng) for _ in range(rng.randrange(10, 80))]
            if batch == 0 and index == 1:
                # Longer than the line limit: thrown away with one ERR.
                lines.append('write 0 1 0x' + '0' * (65 << 20))
            if batch == 1 and index == 3:
                # The largest transfers: a 32 MiB reply the client must
                # be able to drain, a 32 MiB line, a 16 MiB memset.
                lines += ['read 0x10000 %#x' % MAX_XFER,
                          'b64read 0 %#x' % MAX_XFER,
                          'write 0x10000 %#x 0x%s' % (MAX_XFER,
                                                       '5a' * MAX_XFER),
                          'memset 0x10000 %#x 0x11' % MAX_XFER]
            qt.send(''.join(text + '\n' for text in lines))
            sent += len(lines)
            qt.sync()
            if rng.random() < 0.4:
                dev = rng.choice(['dma0', 'card0', 'uart2'])
                mon.cmd('device_del', {'id': dev})
                mon.cmd('device_add', {
                    'driver': rng.choice(['cr16-dmatest', 'cr16-memcard',
                                          'ns16550a']), 'id': dev})
            mon.ping()
        # Still a working session: a value written to RAM reads back.
        value = rng.getrandbits(32)
        qt.send('writel 0x20000 %#x\nreadl 0x20000\n' % value)
        r = qt.reply()
        fz.check(r == 'OK', 'writel: %r' % r[:200])
        r = qt.reply()
        fz.check(int(r.split()[1], 16) == value, 'readl: %r' % r)
        state = mon.ping()['status']
        mon.quit()
        mon.drain()
        q.finish(want_status=None if state == 'shutdown' else (0,))
    finally:
        q.kill()
    return '%d lines' % sent


def main():
    ap = fz.arg_parser('qtest fuzzing', cases=30)
    opts = fz.parse_args(ap)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-qtest-') as workdir:
        fz.run_cases(tap, 'qtest', opts.cases,
                     lambda rng, i: run_case(opts, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
