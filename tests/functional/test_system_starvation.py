#!/usr/bin/env python3
#
# Whatever the guest does, the main loop keeps being served: QMP, HMP and
# quit must answer promptly while the CPU runs guests that never give
# control back on their own -- a CPU executing zeroed memory (an UND storm
# through a dispatch table of zeros), a `br .` self-loop, an EXCP loop
# whose handler returns to the EXCP, and a handler that traps again
# before completing a single instruction.
#
#   test_system_starvation.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble, check,  # noqa: E402
                       parse_args)

# How long a command may take while the guest runs.  A slice is a few
# milliseconds; a second leaves room for slow sanitizer builds.
PROMPT = 1.0

STACKS = '''
    .text
    .global _start
_start:
    movd $0x7000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
'''

VTAB = '''
    .align 2
vtab:
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
'''

SELF_LOOP = '''
    .text
    .global _start
_start:
    br _start
'''

# excp svc saves its own address; retx goes straight back to it.
SVC_RETX = STACKS + '''
loop:
    excp svc
    br loop
handler:
    retx
''' + VTAB

# The handler is itself an EXCP: trap after trap, no instruction ever
# completes (the interrupt stack just keeps descending).
SVC_STORM = STACKS + '''
    excp svc
handler:
    excp svc
''' + VTAB


def prompt_cmd(q, name, args=None):
    """Run a command; its reply must come within PROMPT seconds."""
    start = time.monotonic()
    try:
        r = q.cmd(name, args)
    except TimeoutError:
        raise AssertionError('%s: no answer within %.1fs' % (name, PROMPT))
    took = time.monotonic() - start
    check(took < PROMPT, '%s took %.2fs' % (name, took))
    return r


def start_and_check(emu, q):
    """cont, let the guest spin, then query-status and quit."""
    check(prompt_cmd(q, 'cont') == {'return': {}}, 'cont')
    time.sleep(0.3)
    for _ in range(3):
        r = prompt_cmd(q, 'query-status')
        check(r.get('return', {}).get('status') == 'running',
              'query-status: %r' % r)
    quit_and_wait(emu, q)


def quit_and_wait(emu, q):
    check(prompt_cmd(q, 'quit') == {'return': {}}, 'quit')
    rc = emu.wait(timeout=10)
    check(rc == 0, 'exit status %d, stderr %r' % (rc, emu.err))


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()

    def build(name, text):
        return assemble(opts.asm, text, tmp, ['-O', 'elf'], name=name)

    def scenario(args, hmp=False, extra=start_and_check):
        # qemu-system-cr16 -S with a QMP socket (and optionally HMP).
        def fn():
            with Emulator([opts.qemu, '-S', '-display', 'none',
                           '-nodefaults'] + args, qmp=True, hmp=hmp,
                          tmpdir=tmp) as emu:
                q = emu.connect_qmp(timeout=PROMPT, negotiate=False)
                check(prompt_cmd(q, 'qmp_capabilities') == {'return': {}},
                      'qmp_capabilities')
                extra(emu, q)
        return fn

    none = ['-M', 'none', '-cpu', 'cr16c', '-m', '1M']

    h.run('zeroed memory (UND storm through a zero dispatch table)',
          scenario(none))
    h.run('zeroed memory under -icount',
          scenario(none + ['-icount', 'shift=0']))
    h.run('br . self-loop on sim',
          scenario(['-M', 'sim', '-kernel', build('self', SELF_LOOP)]))
    h.run('excp svc loop, handler returns to the excp',
          scenario(none + ['-kernel', build('svcretx', SVC_RETX)]))
    h.run('excp svc storm, handler traps again',
          scenario(none + ['-kernel', build('storm', SVC_STORM)]))
    h.run('excp svc storm with the tcg interpreter',
          scenario(none + ['-accel', 'tcg,tcg-backend=interp',
                           '-kernel', build('storm2', SVC_STORM)]))

    def hmp_during_storm(emu, q):
        check(prompt_cmd(q, 'cont') == {'return': {}}, 'cont')
        try:
            hmp = emu.connect_hmp(timeout=PROMPT)
            start = time.monotonic()
            out = hmp.raw('info status', eol='\n')
            check('VM status: running' in out, 'HMP: %r' % out)
            took = time.monotonic() - start
            check(took < PROMPT, 'info status took %.2fs' % took)
        except TimeoutError:
            raise AssertionError('HMP: no answer within %.1fs' % PROMPT)
        quit_and_wait(emu, q)

    h.run('HMP answers during an UND storm',
          scenario(none, hmp=True, extra=hmp_during_storm))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
