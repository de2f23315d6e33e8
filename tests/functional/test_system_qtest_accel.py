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

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble,  # noqa: E402
                       listen_unix, parse_args, run_qemu)

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


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()
    elf = assemble(opts.asm, COUNTER, tmp, ['-O', 'elf'], name='counter')
    sim = ['-M', 'sim', '-kernel', elf]

    def session(args, fn):
        # qemu-system-cr16 -qtest unix:PATH connects to us, as in QEMU.
        with Emulator([opts.qemu, '-display', 'none', '-nodefaults'] + args,
                      qtest=True, tmpdir=tmp) as emu:
            try:
                fn(emu.connect_qtest())
            except (AssertionError, OSError, EOFError) as e:
                h.check(False, 'session %r' % args, repr(e))

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

    r = run_qemu([opts.qemu, '-M', 'virt', '-display', 'none',
                  '-bios', 'no-such-firmware.bin'],
                 stdin=subprocess.DEVNULL, timeout=20)
    h.check(r.returncode == 1 and r.stderr.count('\n') == 1 and
            r.stderr.startswith("qemu-system-cr16: could not find the "
                                "firmware 'no-such-firmware.bin'"),
            'virt under tcg: missing firmware is one line, status 1',
            (r.returncode, r.stderr))
    # -qtest connects before the board is built: someone must listen.
    lpath = os.path.join(tmp, 'listener.sock')
    listener = listen_unix(lpath)
    try:
        r = run_qemu([opts.qemu, '-M', 'virt', '-display', 'none',
                      '-accel', 'tcg', '-qtest', 'unix:' + lpath,
                      '-bios', 'no-such-firmware.bin'],
                     stdin=subprocess.DEVNULL, timeout=20)
    finally:
        listener.close()
    h.check(r.returncode == 1 and 'could not find the firmware' in r.stderr,
            'virt with -qtest but -accel tcg still needs firmware',
            (r.returncode, r.stderr))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
