#!/usr/bin/env python3
#
# device_add "slot=N" on the virt board: the same as bus=slot.N, with
# clear errors for a busy slot, a slot the board does not have, a bad
# value, and slot together with bus.  Over QMP (integer and string
# values), through HMP's device_add, and on the command line.
#
#   test_qmp_slots.py --qemu PATH
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, parse_args, run_qemu  # noqa: E402


def error_desc(r):
    return r.get('error', {}).get('desc')


def main():
    opts = parse_args(asm=False)
    h = Harness()

    def parent_bus(q, dev_id):
        return q.cmd('qom-get', {'path': '/machine/peripheral/' + dev_id,
                                 'property': 'parent_bus'}).get('return')

    with Emulator([opts.qemu, '-M', 'virt', '-S', '-display', 'none',
                   '-nodefaults'], qmp=True) as emu:
        try:
            q = emu.connect_qmp()

            r = q.cmd('device_add', {'driver': 'ns16550a', 'id': 'u2',
                                     'slot': 2})
            h.check(r == {'return': {}} and
                    parent_bus(q, 'u2') == '/machine/expansion/slot.2',
                    'slot=2 (integer) plugs into slot.2', r)

            r = q.cmd('device_add', {'driver': 'cr16-memcard', 'id': 'm3',
                                     'slot': '3'})
            h.check(r == {'return': {}} and
                    parent_bus(q, 'm3') == '/machine/expansion/slot.3',
                    "slot='3' (string) plugs into slot.3", r)

            r = q.cmd('device_add', {'driver': 'cr16-memcard', 'id': 'busy',
                                     'slot': 2})
            h.check(error_desc(r) == "Expansion slot 2 ('slot.2') is "
                                     "already occupied",
                    'a busy slot is refused', r)

            for bad in (4, 100, -1):
                r = q.cmd('device_add', {'driver': 'cr16-memcard',
                                         'slot': bad})
                h.check(error_desc(r) == 'Expansion slot %d does not exist '
                                         '(the board has slots 0-3)' % bad,
                        'slot %d is out of range' % bad, r)

            r = q.cmd('device_add', {'driver': 'cr16-memcard',
                                     'slot': 'one'})
            h.check(error_desc(r) == "Invalid parameter type for 'slot', "
                                     "expected: integer",
                    'a slot that is no number is refused', r)

            r = q.cmd('device_add', {'driver': 'cr16-memcard', 'slot': 0,
                                     'bus': 'slot.0'})
            h.check(error_desc(r) == "Give either 'bus' or 'slot', not both",
                    'slot and bus together are refused', r)

            # Nothing was left behind by the failures: slot 0 is still
            # free.
            r = q.cmd('human-monitor-command',
                      {'command-line': 'device_add cr16-dmatest,slot=0,'
                                       'id=d0'})
            h.check(r == {'return': ''} and
                    parent_bus(q, 'd0') == '/machine/expansion/slot.0',
                    'HMP device_add slot=0', r)

            # Unplugged, the slot takes a device again.
            q.events = []
            r = q.cmd('device_del', {'id': 'u2'})
            if not q.wait_event('DEVICE_DELETED', lambda e: e.get(
                    'data', {}).get('device') == 'u2'):
                raise RuntimeError('no DEVICE_DELETED for u2: %r' % r)
            r = q.cmd('device_add', {'driver': 'cr16-memcard', 'id': 'again',
                                     'slot': 2})
            h.check(r == {'return': {}} and
                    parent_bus(q, 'again') == '/machine/expansion/slot.2',
                    'a freed slot can be named again', r)
            q.cmd('quit')
            emu.wait(timeout=20)
        except (OSError, EOFError, RuntimeError,
                subprocess.TimeoutExpired) as e:
            h.check(False, 'session', repr(e))

    # The command line takes the same argument.
    r = run_qemu([opts.qemu, '-M', 'virt', '-display', 'none',
                  '-device', 'cr16-memcard,slot=9'],
                 stdin=subprocess.DEVNULL, timeout=20)
    h.check(r.returncode == 1 and r.stderr ==
            'qemu-system-cr16: -device cr16-memcard,slot=9: Expansion slot '
            '9 does not exist (the board has slots 0-3)\n',
            '-device slot=9: one-line error, status 1',
            (r.returncode, r.stderr))
    r = run_qemu([opts.qemu, '-M', 'none', '-display', 'none',
                  '-device', 'cr16-memcard,slot=0'],
                 stdin=subprocess.DEVNULL, timeout=20)
    h.check(r.returncode == 1 and
            "Machine 'none' has no expansion slots" in r.stderr,
            '-M none: no expansion slots', (r.returncode, r.stderr))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
