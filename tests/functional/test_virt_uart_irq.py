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

import argparse
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, 'cr16', 'uart-irq.S')
LOAD_ADDR = 0x20000
WD_TICKS_ADDR = 0x40100     # WD_TICKS in uart-irq.S

GREETING = b'uart-irq: hello from the THRE interrupt handler\r\n'
HANDOVER = b'Starting the program at 0x%06x\r\n' % LOAD_ADDR
STATS_RE = re.compile(rb'irqs=([0-9a-f]{4}) idles=([0-9a-f]{4}) '
                      rb'rda=([0-9a-f]{4}) cti=([0-9a-f]{4}) '
                      rb'thre=([0-9a-f]{4})\r\n')
SANITIZER_RE = re.compile(rb'(Address|Leak|Undefined|Memory|Thread)'
                          rb'Sanitizer|runtime error:')

# uart-irq.S exit statuses
ST_PASS = 0
ST_WATCHDOG = 5


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if not ok:
            self.failed += 1
            for line in str(detail).splitlines():
                print('# ' + line)
        sys.stdout.flush()
        return ok

    def run(self, name, fn):
        try:
            fn()
        except (AssertionError, subprocess.TimeoutExpired, OSError) as e:
            return self.result(False, name, e)
        return self.result(True, name)

    def finish(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def emulator_env():
    env = dict(os.environ)
    # Harmless without sanitizers; with them, leaks and UB must show up.
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1')
    return env


class Emulator:
    """qemu-system-cr16 with pipes on stdin, stdout and stderr.

    Everything read is kept: .out (stdout, the serial line under
    -nographic) and .err.  .mark is where the next expect() starts
    looking in .out."""

    def __init__(self, args):
        self.args = args
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE,
                                     env=emulator_env())
        self.out = b''
        self.err = b''
        self.mark = 0
        self.open = {self.proc.stdout.fileno(): 'out',
                     self.proc.stderr.fileno(): 'err'}
        for fd in self.open:
            os.set_blocking(fd, False)

    def pump(self, timeout):
        """Read whatever arrives within @timeout s; False at EOF on both."""
        if not self.open:
            return False
        ready, _, _ = select.select(list(self.open), [], [], max(0, timeout))
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if not data:
                del self.open[fd]
            elif self.open[fd] == 'out':
                self.out += data
            else:
                self.err += data
        return True

    def expect(self, want, timeout=20):
        """Wait for @want (bytes, or a compiled regex) in the output after
        .mark; move .mark past it and return what came before it (or the
        match object)."""
        end = time.monotonic() + timeout
        while True:
            if isinstance(want, bytes):
                i = self.out.find(want, self.mark)
                if i >= 0:
                    before = self.out[self.mark:i]
                    self.mark = i + len(want)
                    return before
            else:
                m = want.search(self.out, self.mark)
                if m:
                    self.mark = m.end()
                    return m
            left = end - time.monotonic()
            check(left > 0, 'timed out after %d s waiting for %r; got %r'
                  '\nstderr: %r' % (timeout, want, self.out[self.mark:],
                                    self.err))
            if not self.pump(left):
                check(False, 'the emulator closed its output while we '
                      'waited for %r; got %r\nstatus %r, stderr %r' %
                      (want, self.out[self.mark:], self.proc.poll(),
                       self.err))

    def quiet(self, seconds):
        """Keep reading for @seconds without expecting anything."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if not self.pump(end - time.monotonic()):
                time.sleep(max(0, end - time.monotonic()))

    def send(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def wait(self, timeout=30):
        """Wait for the emulator to end by itself; return its status."""
        end = time.monotonic() + timeout
        while self.pump(end - time.monotonic()):
            check(time.monotonic() < end, 'the emulator did not exit '
                  'within %d s; output %r' % (timeout, self.out[self.mark:]))
        return self.proc.wait(timeout=max(1, end - time.monotonic()))

    def stop(self):
        """End the emulator: SIGTERM first (a clean exit, so the sanitizers
        report), SIGKILL if it does not go."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.wait(timeout=30)
            except (AssertionError, subprocess.TimeoutExpired):
                self.proc.kill()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait(timeout=30)
        # Collect the rest, e.g. a sanitizer report written at exit.
        while self.pump(1):
            pass
        self.proc.stdout.close()
        self.proc.stderr.close()

    def sanitizer_report(self):
        m = SANITIZER_RE.search(self.err)
        return self.err[max(0, m.start() - 200):].decode('utf-8', 'replace') \
            if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    h = Harness()
    tmp = tempfile.TemporaryDirectory(prefix='virt-uart-irq-')
    elf = os.path.join(tmp.name, 'uart-irq.elf')

    def assemble():
        r = subprocess.run([sys.executable, opts.asm, '-Ttext',
                            '0x%x' % LOAD_ADDR, '-o', elf, SOURCE],
                           capture_output=True, text=True, timeout=120)
        check(r.returncode == 0, 'cr16-as failed: %s' % r.stderr)
    if not h.run('assemble uart-irq.S', assemble):
        return h.finish()

    def qemu_args(extra=()):
        return [opts.qemu, '-M', 'virt', '-nographic', '-kernel', elf] + \
            list(extra)

    # ---- run 1: the whole conversation ---------------------------------
    emu = Emulator(qemu_args())
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

        for i, (name, fn) in enumerate(steps):
            if not h.run(name, fn):
                for rest, _ in steps[i + 1:]:
                    h.result(False, rest, 'not run: an earlier step failed')
                break
    finally:
        emu.stop()
    report = emu.sanitizer_report()
    h.result(report is None, 'no sanitizer report (conversation)', report)

    # ---- run 2: the newline never comes --------------------------------
    # A 2 s watchdog put in place with the generic loader; the program
    # echoes what it got and then the watchdog ends it with status 5.
    emu = Emulator(qemu_args(['-device', 'loader,addr=0x%x,data=%d,'
                              'data-len=4' % (WD_TICKS_ADDR, 2000000)]))
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
    h.result(report is None, 'no sanitizer report (watchdog)', report)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
