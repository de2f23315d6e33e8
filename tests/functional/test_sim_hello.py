#!/usr/bin/env python3
#
# End-to-end runs on the sim machine: programs written for the GNU
# simulator (cr16-elf-run), assembled with the project's assembler and
# run with "qemu-system-cr16 -M sim -nographic -kernel prog.elf".  Each
# checks what the simulator would give: the program's output on stdout
# and its exit status.
#
#   test_sim_hello.py --qemu PATH --as scripts/cr16-as [--accel ACCEL]
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Harness, arg_parser, assemble, check,  # noqa: E402
                       run_qemu)

# The simulator's syscall numbers (toolchain-abi.md 5.3).
PRELUDE = '''
    .equ SYS_EXIT, 0x410
    .equ SYS_READ, 0x403
    .equ SYS_WRITE, 0x404
    .text
    .global _start
_start:
    movd $0x100000, (sp)
'''

HELLO = PRELUDE + '''
    movw $1, r2
    movd $msg, (r4,r3)
    movw $14, r5
    movw $SYS_WRITE, r0
    excp bpt
    movw $0, r2
    movw $SYS_EXIT, r0
    excp bpt
msg:
    .ascii "Hello, world!\\n"
'''

EXIT42 = PRELUDE + '''
    movw $42, r2
    movw $SYS_EXIT, r0
    excp bpt
'''

# Output on stderr (fd 2) goes to the host's stderr.
STDERR = PRELUDE + '''
    movw $2, r2
    movd $msg, (r4,r3)
    movw $4, r5
    movw $SYS_WRITE, r0
    excp bpt
    movw $0, r2
    movw $SYS_EXIT, r0
    excp bpt
msg:
    .ascii "err\\n"
'''

# Echo what arrives on stdin (up to 16 bytes) to stdout.
ECHO = PRELUDE + '''
    movw $0, r2
    movd $buf, (r4,r3)
    movw $16, r5
    movw $SYS_READ, r0
    excp bpt
    movw r0, r5
    movw $1, r2
    movd $buf, (r4,r3)
    movw $SYS_WRITE, r0
    excp bpt
    movw $0, r2
    movw $SYS_EXIT, r0
    excp bpt
    .data
buf:
    .space 16
'''

# WAIT with no interrupt source: the run ends (status 5, like SIGTRAP).
WAIT = PRELUDE + '''
    wait
    br _start
'''

# Exit through the test device mapped with -device.
TESTDEV = PRELUDE + '''
    movd $0xff0000, (r1,r0)
    movw $15, r2
    storw r2, 0(r1,r0)
loop:
    br loop
'''

# Reset the machine through the test device, then exit with 3: a word
# outside the loaded image tells the two runs apart (the image itself is
# restored at reset).
RESET = PRELUDE + '''
    movd $0x80000, (r1,r0)
    loadw 0(r1,r0), r2
    cmpw $0, r2
    bne second
    movw $1, r2
    storw r2, 0(r1,r0)
    movd $0xff0000, (r1,r0)
    movw $0x7776, r2
    storw r2, 0(r1,r0)
loop:
    br loop
second:
    movw $3, r2
    movw $SYS_EXIT, r0
    excp bpt
'''

# Exit with the 16-bit word at 0x80000 (put there by -device loader).
PEEK = PRELUDE + '''
    movd $0x80000, (r1,r0)
    loadw 0(r1,r0), r2
    movw $SYS_EXIT, r0
    excp bpt
'''

# Two ways out: from _start with 1, from "alt" (0x100) with 9.
ALT = PRELUDE + '''
    movw $1, r2
    movw $SYS_EXIT, r0
    excp bpt
    .org 0x100
alt:
    movw $9, r2
    movw $SYS_EXIT, r0
    excp bpt
'''


def main():
    ap = arg_parser()
    ap.add_argument('--accel', default=None)
    opts = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    h = Harness()

    def build(name, text, fmt='elf'):
        return assemble(opts.asm, text, tmp.name, ['-O', fmt], name=name,
                        suffix='.elf' if fmt == 'elf' else '.bin')

    def run(kernel, extra=(), stdin=None, machine='sim'):
        args = [opts.qemu, '-M', machine, '-nographic', '-kernel', kernel]
        if opts.accel:
            args += ['-accel', opts.accel]
        args += list(extra)
        return run_qemu(args, input=stdin, timeout=60)

    def hello():
        r = run(build('hello', HELLO))
        check(r.stdout == 'Hello, world!\n', 'stdout %r, stderr %r' %
              (r.stdout, r.stderr))
        check(r.returncode == 0, 'status %d' % r.returncode)
        check(r.stderr == '', 'stderr %r' % r.stderr)
    h.run('hello-world', hello)

    def exit42():
        r = run(build('exit42', EXIT42))
        check(r.returncode == 42, 'status %d, stderr %r' %
              (r.returncode, r.stderr))
    h.run('exit-status', exit42)

    def to_stderr():
        r = run(build('stderr', STDERR))
        check(r.stderr == 'err\n' and r.stdout == '',
              'stdout %r stderr %r' % (r.stdout, r.stderr))
    h.run('write-stderr', to_stderr)

    def echo():
        r = run(build('echo', ECHO), stdin='ping\n')
        check(r.stdout == 'ping\n', 'stdout %r, stderr %r' %
              (r.stdout, r.stderr))
        check(r.returncode == 0, 'status %d' % r.returncode)
    h.run('read-stdin', echo)

    def raw_image():
        r = run(build('hello-bin', HELLO, fmt='binary'))
        check(r.stdout == 'Hello, world!\n' and r.returncode == 0,
              'status %d stdout %r stderr %r' % (r.returncode, r.stdout,
                                                 r.stderr))
    h.run('raw-image', raw_image)

    def wait():
        r = run(build('wait', WAIT))
        check(r.returncode == 5, 'status %d, stderr %r' %
              (r.returncode, r.stderr))
        check('WAIT' in r.stderr and len(r.stderr.splitlines()) == 1,
              'stderr %r' % r.stderr)
    h.run('wait-stops', wait)

    def testdev():
        r = run(build('testdev', TESTDEV),
                extra=['-device', 'cr16-testdev,addr=0xff0000'])
        check(r.returncode == 7, 'status %d, stderr %r' %
              (r.returncode, r.stderr))
    h.run('testdev-exit-code', testdev)

    def reset():
        elf = build('reset', RESET)
        r = run(elf, extra=['-device', 'cr16-testdev,addr=0xff0000'])
        check(r.returncode == 3, 'status %d, stderr %r' %
              (r.returncode, r.stderr))
        # -no-reboot: the reset request ends the run instead.
        r = run(elf, extra=['-device', 'cr16-testdev,addr=0xff0000',
                            '-no-reboot'])
        check(r.returncode == 0, '-no-reboot: status %d, stderr %r' %
              (r.returncode, r.stderr))
    h.run('testdev-reset', reset)

    def loader():
        peek = build('peek', PEEK)
        r = run(peek, extra=['-device',
                             'loader,addr=0x80000,data=0x2a,data-len=2'])
        check(r.returncode == 42, 'data: status %d, stderr %r' %
              (r.returncode, r.stderr))
        # Big-endian 0x0700 lands as bytes 07 00: the word reads 7.
        r = run(peek, extra=['-device', 'loader,addr=0x80000,data=0x0700,'
                             'data-len=2,data-be=on'])
        check(r.returncode == 7, 'data-be: status %d, stderr %r' %
              (r.returncode, r.stderr))
        raw = os.path.join(tmp.name, 'word.bin')
        with open(raw, 'wb') as f:
            f.write(bytes([5, 0]))
        r = run(peek, extra=['-device', 'loader,file=%s,addr=0x80000' % raw])
        check(r.returncode == 5, 'file: status %d, stderr %r' %
              (r.returncode, r.stderr))
        r = run(build('alt', ALT), extra=['-device',
                                          'loader,addr=0x100,cpu-num=0'])
        check(r.returncode == 9, 'cpu-num: status %d, stderr %r' %
              (r.returncode, r.stderr))
    h.run('generic-loader', loader)

    def icount():
        r = run(build('hello-icount', HELLO), extra=['-icount', 'shift=3'])
        check(r.stdout == 'Hello, world!\n' and r.returncode == 0,
              'status %d stdout %r' % (r.returncode, r.stdout))
    h.run('icount', icount)

    def load_vma():
        # .data linked to run at 0x40000 but stored right after the code:
        # the program reads its message at the VMA.
        text = HELLO.replace('msg:\n', '    .data\nmsg:\n')
        out = assemble(opts.asm, text, tmp.name, ['-Tdata', '0x40000'],
                       name='vma')
        r = run(out, machine='sim,load-vma=on')
        check(r.stdout == 'Hello, world!\n' and r.returncode == 0,
              'status %d stdout %r stderr %r' % (r.returncode, r.stdout,
                                                 r.stderr))
    h.run('load-vma', load_vma)

    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
