#!/usr/bin/env python3
#
# Run states over QMP, as QEMU reports them:
#  - with -no-shutdown a guest that shuts down emits SHUTDOWN (guest:
#    true) and then STOP, and the VM waits in state "shutdown" (not
#    running) until the monitor resets or quits it;
#  - without -no-shutdown the same guest ends the process after the
#    SHUTDOWN event.
#
#   test_qmp_runstate.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, assemble, parse_args  # noqa: E402

# The sim machine's exit system call with status 3.
EXIT3 = '''
    .text
    .global _start
_start:
    movw $3, r2
    movw $0x410, r0
    excp bpt
'''


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()
    elf = assemble(opts.asm, EXIT3, tmp, ['-O', 'elf'], name='exit3')

    def start(extra):
        return Emulator([opts.qemu, '-M', 'sim', '-S', '-display', 'none',
                         '-nodefaults', '-kernel', elf] + extra,
                        qmp=True, tmpdir=tmp)

    # -no-shutdown: SHUTDOWN, then STOP, then state "shutdown".
    with start(['-no-shutdown']) as emu:
        try:
            q = emu.connect_qmp()
            q.cmd('cont')
            q.events = []
            names = q.wait_events(2)
            h.check(names == ['SHUTDOWN', 'STOP'],
                    '-no-shutdown: SHUTDOWN then STOP', q.events)
            h.check(bool(q.events) and q.events[0].get('data') ==
                    {'guest': True, 'reason': 'guest-shutdown'},
                    '-no-shutdown: SHUTDOWN says the guest did it', q.events)
            st = q.cmd('query-status').get('return', {})
            h.check(st.get('status') == 'shutdown' and
                    st.get('running') is False,
                    '-no-shutdown: query-status reports "shutdown"', st)
            h.check(emu.alive(), '-no-shutdown: the process stays')

            # system_reset makes it startable again; it shuts down once
            # more.
            q.events = []
            r1 = q.cmd('system_reset')
            r2 = q.cmd('cont')
            names = q.wait_events(4)
            h.check(r1 == {'return': {}} and r2 == {'return': {}} and
                    names == ['RESET', 'RESUME', 'SHUTDOWN', 'STOP'],
                    '-no-shutdown: reset, cont, and the same sequence again',
                    (r1, r2, q.events))
            r = q.cmd('quit')
            names = q.wait_events(len(q.events) + 2, timeout=5)
            rc = emu.wait(timeout=20)
            # As in QEMU, the status the guest gave is kept for the exit.
            h.check(r == {'return': {}} and names[-1] == 'SHUTDOWN' and
                    rc == 3, '-no-shutdown: quit ends the process',
                    (r, q.events, rc))
        except (OSError, EOFError, RuntimeError,
                subprocess.TimeoutExpired) as e:
            h.check(False, '-no-shutdown session', repr(e))

    # The default: SHUTDOWN, then the process ends with the guest status.
    with start([]) as emu:
        try:
            q = emu.connect_qmp()
            q.cmd('cont')
            q.events = []
            names = q.wait_events(2, timeout=5)
            rc = emu.wait(timeout=20)
            h.check(names == ['SHUTDOWN'] and rc == 3,
                    'default: SHUTDOWN, no STOP, exit status 3',
                    (q.events, rc))
        except (OSError, EOFError, RuntimeError,
                subprocess.TimeoutExpired) as e:
            h.check(False, 'default session', repr(e))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
