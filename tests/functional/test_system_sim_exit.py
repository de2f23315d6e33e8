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

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble, check,  # noqa: E402
                       parse_args, run_qemu)

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


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    h = Harness()

    def build(name, text):
        return assemble(opts.asm, text, tmpdir.name, ['-O', 'elf'],
                        name=name)

    def run(args, want):
        r = run_qemu([opts.qemu, '-nographic'] + args,
                     stdin=subprocess.DEVNULL, timeout=20)
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
        with Emulator([opts.qemu, '-nographic', '-no-shutdown'] + sim +
                      ['-kernel', build('ns', FALL_OFF)]) as emu:
            try:
                emu.wait(timeout=1)
                raise AssertionError('exited with %d despite -no-shutdown' %
                                     emu.poll())
            except subprocess.TimeoutExpired:
                pass

    h.run('sim: -no-shutdown keeps the stopped machine', no_shutdown)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
