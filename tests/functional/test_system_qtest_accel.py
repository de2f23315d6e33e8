#!/usr/bin/env python3
#
# -qtest and the accelerator, as in QEMU:
#  - "-qtest DEV" alone implies the qtest accelerator: no CPU runs;
#  - "-qtest DEV -accel tcg" runs the CPU under TCG and still serves the
#    qtest protocol (memory commands; the clock is the CPU's);
#  - under the qtest accelerator the virt board starts without its
#    firmware, while without qtest a missing firmware is still a one-line
#    error with exit status 1.
#
#   test_system_qtest_accel.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time

# Counts up in the word at 0x80000 forever.
COUNTER = '''
    .text
    .global _start
_start:
    movd $0x80000, (r1,r0)
    movw $0, r2
loop:
    addw $1, r2
    storw r2, 0(r1,r0)
    br loop
'''

COUNTER_ADDR = 0x80000


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if not ok:
            self.failed += 1
            for line in str(detail).splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def finish(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


class QTest:
    """qemu-system-cr16 -qtest unix:PATH connects to us, as in QEMU."""

    def __init__(self, qemu, tmp, args):
        path = os.path.join(tmp, 'qtest.sock')
        if os.path.exists(path):
            os.unlink(path)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(1)
        self.listener.settimeout(20)
        self.proc = subprocess.Popen(
            [qemu, '-display', 'none', '-nodefaults',
             '-qtest', 'unix:' + path] + args,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        try:
            self.sock, _ = self.listener.accept()
        except socket.timeout:
            self.close()
            raise AssertionError('qemu did not connect: %r' %
                                 self.stderr())
        self.sock.settimeout(10)
        self.buf = b''

    def cmd(self, line):
        self.sock.sendall(line.encode() + b'\n')
        while True:
            while b'\n' not in self.buf:
                chunk = self.sock.recv(4096)
                if not chunk:
                    raise EOFError('qtest connection closed')
                self.buf += chunk
            reply, self.buf = self.buf.split(b'\n', 1)
            reply = reply.decode()
            if not reply.startswith('IRQ'):
                return reply

    def readw(self, addr):
        r = self.cmd('readw 0x%x' % addr)
        assert r.startswith('OK '), r
        return int(r.split()[1], 16)

    def stderr(self):
        if self.proc.poll() is None:
            return ''
        return self.proc.stderr.read().decode(errors='replace')

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()
        self.listener.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()

    src = os.path.join(tmp, 'counter.S')
    elf = os.path.join(tmp, 'counter.elf')
    with open(src, 'w') as f:
        f.write(COUNTER)
    subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o', elf, src],
                   check=True)
    sim = ['-M', 'sim', '-kernel', elf]

    def session(args, fn):
        q = None
        try:
            q = QTest(opts.qemu, tmp, args)
            fn(q)
        except (AssertionError, OSError, EOFError) as e:
            h.check(False, 'session %r' % args, repr(e))
        finally:
            if q:
                q.close()

    def with_tcg(q):
        first = q.readw(COUNTER_ADDR)
        time.sleep(0.3)
        second = q.readw(COUNTER_ADDR)
        h.check(first != second, '-qtest -accel tcg: the CPU runs',
                (first, second))
        r1 = q.cmd('writew 0x90000 0xbeef')
        h.check(r1 == 'OK' and q.readw(0x90000) == 0xbeef,
                '-qtest -accel tcg: qtest memory commands work', r1)
        r = q.cmd('clock_step 1000')
        h.check(r.startswith('FAIL'),
                '-qtest -accel tcg: the clock is not the test\'s', r)

    session(sim + ['-accel', 'tcg'], with_tcg)

    def implied(q):
        first = q.readw(COUNTER_ADDR)
        time.sleep(0.3)
        second = q.readw(COUNTER_ADDR)
        r = q.cmd('clock_step 1000')
        h.check(first == 0 and second == 0 and r.startswith('OK'),
                '-qtest alone: qtest accelerator, no CPU runs',
                (first, second, r))

    session(sim, implied)

    def virt_no_fw(q):
        # The UART's scratch register answers: the board is up.
        r1 = q.cmd('writeb 0xff0007 0x5a')
        r2 = q.cmd('readb 0xff0007')
        h.check(r1 == 'OK' and r2 == 'OK 0x000000000000005a',
                'virt under qtest starts without its firmware', (r1, r2))

    session(['-M', 'virt', '-bios', 'no-such-firmware.bin'], virt_no_fw)
    session(['-M', 'virt', '-bios', 'none'], lambda q: h.check(
        q.cmd('readb 0xff0007').startswith('OK'),
        'virt under qtest: -bios none needs no -kernel'))

    r = subprocess.run([opts.qemu, '-M', 'virt', '-display', 'none',
                        '-bios', 'no-such-firmware.bin'],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=20)
    h.check(r.returncode == 1 and r.stderr.count('\n') == 1 and
            r.stderr.startswith("qemu-system-cr16: could not find the "
                                "firmware 'no-such-firmware.bin'"),
            'virt under tcg: missing firmware is one line, status 1',
            (r.returncode, r.stderr))
    # -qtest connects before the board is built: someone must listen.
    lpath = os.path.join(tmp, 'listener.sock')
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(lpath)
    listener.listen(1)
    try:
        r = subprocess.run([opts.qemu, '-M', 'virt', '-display', 'none',
                            '-accel', 'tcg', '-qtest', 'unix:' + lpath,
                            '-bios', 'no-such-firmware.bin'],
                           stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=20)
    finally:
        listener.close()
    h.check(r.returncode == 1 and 'could not find the firmware' in r.stderr,
            'virt with -qtest but -accel tcg still needs firmware',
            (r.returncode, r.stderr))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
