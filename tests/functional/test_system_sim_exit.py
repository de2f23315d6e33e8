#!/usr/bin/env python3
#
# The GNU simulator ends a program that runs into an undecodable word
# whose high byte is 0x00 (0x0000 above all) as if it had called exit
# with r2 (toolchain-abi.md 5.2).  -M sim does the same; the other boards
# take the UND trap as the architecture says.
#
#   test_system_sim_exit.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import os
import subprocess
import sys
import tempfile

# Falls off its end: the words after it are zero-filled RAM.
FALL_OFF = '''
    .text
    .global _start
_start:
    movw $7, r2
'''

# 0x0001 is no instruction either (0x0003..0x0007 are).
WORD_0001 = '''
    .text
    .global _start
_start:
    movw $0x2a, r2
    .word 0x0001
    movw $1, r2
'''

# A valid instruction with high byte 0x00 (DI) must just run.
AFTER_DI = '''
    .text
    .global _start
_start:
    movw $3, r2
    di
    .word 0x0000
    movw $4, r2
'''

# With a dispatch table installed (INTBASE != 0) the program wants real
# traps: an undecodable word takes UND, whose handler exits with 9
# through the exit system call.
COMMON = '''
    .text
    .global _start
_start:
    movd $0x7000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
    movw $3, r2
    %s
    movw $4, r2
    movw $0x410, r0
    excp bpt
und:
    movw $9, r2
    movw $0x410, r0
    excp bpt
    .align 2
vtab:
    .word und@c, und@c, und@c, und@c, und@c, und@c, und@c, und@c
    .word und@c, und@c, und@c, und@c, und@c, und@c, und@c, und@c
'''


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def run(self, name, fn):
        self.n += 1
        try:
            fn()
            print('ok %d - %s' % (self.n, name))
        except (AssertionError, subprocess.TimeoutExpired) as e:
            self.failed += 1
            print('not ok %d - %s' % (self.n, name))
            for line in str(e).splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def finish(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    h = Harness()

    def build(name, text):
        src = os.path.join(tmpdir.name, name + '.S')
        out = os.path.join(tmpdir.name, name + '.elf')
        with open(src, 'w') as f:
            f.write(text)
        r = subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o',
                            out, src], capture_output=True, text=True)
        check(r.returncode == 0, 'cr16-as failed: %s' % r.stderr)
        return out

    def run(args, want):
        r = subprocess.run([opts.qemu, '-nographic'] + args,
                           stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=20)
        check(r.returncode == want, 'status %d (want %d), stderr %r' %
              (r.returncode, want, r.stderr))
        return r

    sim = ['-M', 'sim']
    # -M none with semihosting: the same system calls, no sim quirks.
    none = ['-M', 'none', '-cpu', 'cr16c', '-m', '1M', '-semihosting']

    h.run('sim: falling off the end exits with r2',
          lambda: run(sim + ['-kernel', build('fall', FALL_OFF)], 7))
    h.run('sim: 0x0001 exits with r2',
          lambda: run(sim + ['-kernel', build('w1', WORD_0001)], 42))
    h.run('sim: zero word after a valid 0x00xx insn exits with r2',
          lambda: run(sim + ['-kernel', build('zero', AFTER_DI)], 3))
    h.run('sim: 0xffff still takes the UND trap',
          lambda: run(sim + ['-kernel',
                             build('ffff', COMMON % '.word 0xffff')], 9))
    h.run('sim: with INTBASE set the zero word takes the UND trap',
          lambda: run(sim + ['-kernel',
                             build('zero1', COMMON % '.word 0x0000')], 9))
    h.run('sim: no program at all exits with 0',
          lambda: run(sim, 0))
    h.run('none: the zero word takes the UND trap',
          lambda: run(none + ['-kernel',
                              build('zero2', COMMON % '.word 0x0000')], 9))

    def no_shutdown():
        # The exit is a guest shutdown: -no-shutdown keeps us alive.
        p = subprocess.Popen([opts.qemu, '-nographic', '-no-shutdown'] +
                             sim + ['-kernel', build('ns', FALL_OFF)],
                             stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=1)
            raise AssertionError('exited with %d despite -no-shutdown' %
                                 p.returncode)
        except subprocess.TimeoutExpired:
            pass
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()

    h.run('sim: -no-shutdown keeps the stopped machine', no_shutdown)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
