#!/usr/bin/env python3
#
# An interrupt-driven serial driver on the virt board, end to end:
#
#   cr16-as -Ttext 0x20000 -o uart-irq.elf tests/functional/cr16/uart-irq.S
#   qemu-system-cr16 -M virt -nographic -kernel uart-irq.elf
#
# The firmware boots and hands over; the program (see the header of
# uart-irq.S) greets through its THRE interrupt handler, echoes what we
# type upper-cased through its receive interrupt handler, reports how
# often its idle loop slept in EIWAIT and how many interrupts woke it,
# and leaves through cr16-testdev.  We check the serial output byte for
# byte, the counts (the idle loop really halts; both the received-data
# and the character-timeout interrupt were used) and the exit status.
# A second run never sends the newline, so the program's watchdog must
# end it with its own status.
#
#   test_virt_uart_irq.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.  Every wait is bounded; the emulator is stopped with
# SIGTERM (so LeakSanitizer gets to run in a sanitizer build) and killed
# only if that does not work; a sanitizer report on its stderr fails the
# test.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble, check,  # noqa: E402
                       parse_args)

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, 'cr16', 'uart-irq.S')
LOAD_ADDR = 0x20000
WD_TICKS_ADDR = 0x40100     # WD_TICKS in uart-irq.S

GREETING = b'uart-irq: hello from the THRE interrupt handler\r\n'
HANDOVER = b'Starting the program at 0x%06x\r\n' % LOAD_ADDR
STATS_RE = re.compile(rb'irqs=([0-9a-f]{4}) idles=([0-9a-f]{4}) '
                      rb'rda=([0-9a-f]{4}) cti=([0-9a-f]{4}) '
                      rb'thre=([0-9a-f]{4})\r\n')

# uart-irq.S exit statuses
ST_PASS = 0
ST_WATCHDOG = 5


def main():
    opts = parse_args()
    h = Harness()
    tmp = tempfile.TemporaryDirectory(prefix='virt-uart-irq-')
    elf = os.path.join(tmp.name, 'uart-irq.elf')

    def build():
        assemble(opts.asm, SOURCE, tmp.name, ['-Ttext', '0x%x' % LOAD_ADDR])
    if not h.run('assemble uart-irq.S', build):
        return h.finish()

    def qemu_args(extra=()):
        return [opts.qemu, '-M', 'virt', '-nographic', '-kernel', elf] + \
            list(extra)

    # ---- run 1: the whole conversation ---------------------------------
    emu = Emulator(qemu_args(), serial=True, check_sanitizers=False)
    stats = {}
    try:
        steps = []

        def handover():
            emu.expect(HANDOVER)
        steps.append(('the firmware hands over to the program at 0x%x'
                      % LOAD_ADDR, handover))

        def greeting():
            # The very next bytes on the line are the program's.
            before = emu.expect(GREETING)
            check(before == b'', 'unexpected output before the greeting: '
                  '%r' % before)
        steps.append(('the THRE interrupt handler sends the greeting',
                      greeting))

        def burst():
            # Keep the line quiet for a while first: the program can only
            # wait, and a CPU that did not halt in EIWAIT would go round
            # its idle loop many times meanwhile (counted below).
            emu.quiet(0.5)
            check(emu.out[emu.mark:] == b'', 'output while idle: %r' %
                  emu.out[emu.mark:])
            # 11 bytes at once: above the trigger level of 4, so they
            # arrive by the received-data interrupt.
            emu.send(b'hello, cr16')
            before = emu.expect(b'HELLO, CR16')
            check(before == b'', 'unexpected output before the echo: %r' %
                  before)
        steps.append(('a burst is echoed upper-cased by the RX handler',
                      burst))

        def short_tail():
            # Only once the burst has been echoed: 3 bytes, below the
            # trigger level, which only the character timeout brings in.
            emu.send(b'go\n')
            before = emu.expect(b'GO\n')
            check(before == b'', 'unexpected output before the echo: %r' %
                  before)
        steps.append(('a short tail is echoed after the character timeout',
                      short_tail))

        def report():
            start = emu.mark
            m = emu.expect(STATS_RE)
            check(m.start() == start, 'bytes between the echo and the '
                  'report: %r' % emu.out[start:m.start()])
            for key, val in zip(('irqs', 'idles', 'rda', 'cti', 'thre'),
                                m.groups()):
                stats[key] = int(val, 16)
            print('# guest counts: %s' % ' '.join(
                '%s=%d' % kv for kv in stats.items()))
        steps.append(('the program reports its interrupt counts', report))

        def halted():
            # Every EIWAIT is followed by at least one interrupt when the
            # CPU really sleeps until one comes.
            check(stats['idles'] >= 1, 'the idle loop never waited: %r' %
                  stats)
            check(stats['idles'] <= stats['irqs'], 'the idle loop ran '
                  'without halting in EIWAIT: %r' % stats)
        steps.append(('the idle loop halts in EIWAIT until an interrupt',
                      halted))

        def irq_kinds():
            check(stats['rda'] >= 1, 'no received-data interrupt: %r' %
                  stats)
            check(stats['cti'] >= 1, 'no character-timeout interrupt: %r' %
                  stats)
            # One THRE per byte sent plus the last one, which finds the
            # ring empty and turns THRE off, at least once per message.
            sent = len(GREETING) + len(b'HELLO, CR16GO\n')
            check(stats['thre'] >= sent, 'fewer THRE interrupts (%d) '
                  'than bytes sent (%d)' % (stats['thre'], sent))
        steps.append(('received-data, timeout and THRE interrupts all '
                      'served', irq_kinds))

        def exit_status():
            status = emu.wait(timeout=30)
            check(status == ST_PASS, 'exit status %r (uart-irq.S lists '
                  'the failure codes); stderr %r' % (status, emu.err))
        steps.append(('the program exits through cr16-testdev with 0',
                      exit_status))

        h.run_steps(steps)
    finally:
        emu.stop()
    report = emu.sanitizer_report()
    h.check(report is None, 'no sanitizer report (conversation)', report)

    # ---- run 2: the newline never comes --------------------------------
    # A 2 s watchdog put in place with the generic loader; the program
    # echoes what it got and then the watchdog ends it with status 5.
    emu = Emulator(qemu_args(['-device', 'loader,addr=0x%x,data=%d,'
                              'data-len=4' % (WD_TICKS_ADDR, 2000000)]),
                   serial=True, check_sanitizers=False)
    try:
        def watchdog():
            emu.expect(GREETING)
            emu.send(b'abc')
            emu.expect(b'ABC')
            status = emu.wait(timeout=60)
            check(status == ST_WATCHDOG, 'exit status %r, wanted %d; '
                  'stderr %r' % (status, ST_WATCHDOG, emu.err))
            check(b'irqs=' not in emu.out[emu.mark:],
                  'a report without input: %r' % emu.out[emu.mark:])
        h.run('without a newline the watchdog exits with status %d' %
              ST_WATCHDOG, watchdog)
    finally:
        emu.stop()
    report = emu.sanitizer_report()
    h.check(report is None, 'no sanitizer report (watchdog)', report)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
