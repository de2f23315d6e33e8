#!/usr/bin/env python3
#
# HMP as a user sees it on every machine:
#  - "info mtree" shows the system address space, even on a board that
#    maps nothing (-M none), as QEMU does;
#  - errors of a command go to the monitor that ran it, without the
#    "qemu-system-cr16: " prefix that only makes sense on stderr, both on
#    an HMP socket and through QMP's human-monitor-command.
#
#   test_hmp_machines.py --qemu PATH
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, machines, parse_args  # noqa: E402

PROG = 'qemu-system-cr16:'
SYSTEM_LINE = '  0000000000000000-ffffffffffffffff (prio 0, i/o): system'


def main():
    opts = parse_args(asm=False)
    h = Harness()

    for mach in machines(opts.qemu):
        with Emulator([opts.qemu, '-M', mach, '-S', '-display', 'none',
                       '-nodefaults'], hmp=True, qmp=True) as emu:
            try:
                hmp = emu.connect_hmp()

                def hmp_cmd(line):
                    return hmp.cmd(line).replace('\r\n', '\n')

                out = hmp_cmd('info mtree')
                lines = out.split('\n')
                h.check(lines[:2] == ['address-space: memory', SYSTEM_LINE],
                        '%s: info mtree shows the system address space' %
                        mach, out)

                out = hmp_cmd('device_add no-such-device')
                h.check(out == "Error: 'no-such-device' is not a valid "
                               "device model name\n",
                        '%s: HMP error without the program name' % mach, out)
                out = hmp_cmd('qom-get /nowhere foo')
                h.check(out.startswith('Error: ') and PROG not in out,
                        '%s: qom-get error without the program name' % mach,
                        out)

                qmp = emu.connect_qmp()
                r = qmp.cmd('human-monitor-command',
                            {'command-line': 'device_add no-such-device'})
                h.check(r.get('return') == "Error: 'no-such-device' is not "
                                           "a valid device model name\r\n",
                        '%s: human-monitor-command error without the program '
                        'name' % mach, r)
                qmp.cmd('quit')
                rc = emu.wait(timeout=20)
                err = emu.err
                h.check(rc == 0 and 'no-such-device' not in err,
                        '%s: errors went to the monitor, not to stderr' %
                        mach, 'status %d, stderr %r' % (rc, err))
            except (OSError, EOFError, RuntimeError, AssertionError,
                    subprocess.TimeoutExpired) as e:
                h.check(False, '%s: session' % mach, repr(e))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
