#!/usr/bin/env python3
"""device_add / device_del over QMP on the virt board.

For every device that plugs into the virt board's expansion slots (bus
cr16-slot-bus in "device_add help"), plug it with device_add, unplug it with device_del,
and wait for DEVICE_DELETED with the right id and path; afterwards
"info mtree" must be what it was before.  Skipped (TAP "1..0 # SKIP")
while the binary has no virt machine.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, machines, parse_args  # noqa: E402

CYCLES = 3


def main():
    opts = parse_args(asm=False)
    h = Harness(sep=' ')
    if 'virt' not in machines(opts.qemu):
        return h.skip_all('virt machine not available yet')
    check = h.check

    def deleted(dev_id):
        return lambda e: e.get('data', {}).get('device') == dev_id

    with Emulator([opts.qemu, '-M', 'virt', '-display', 'none',
                   '-serial', 'null'], qmp=True) as emu:
        try:
            q = emu.connect_qmp()
            before = q.hmp('info mtree')
            listing = q.hmp('device_add help')
            # Only the expansion slots take hotplug; sysbus devices such
            # as cr16-testdev are cold-plug only and are refused by
            # design.
            drivers = re.findall(r'^name "([^"]+)", bus cr16-slot-bus',
                                 listing, re.M)
            check(bool(drivers), 'virt offers pluggable devices', listing)
            for drv in drivers:
                for i in range(CYCLES):
                    dev_id = '%s-%d' % (drv, i)
                    r = q.cmd('device_add', {'driver': drv, 'id': dev_id})
                    if 'error' in r:
                        check(False, 'device_add %s' % drv, r)
                        break
                    r = q.cmd('device_del', {'id': dev_id})
                    ev = q.wait_event('DEVICE_DELETED', deleted(dev_id),
                                      timeout=10) if 'return' in r else None
                    if not ev or ev['data'].get('path') != \
                            '/machine/peripheral/' + dev_id:
                        check(False, 'device_del %s' % drv, (r, ev))
                        break
                else:
                    check(True, '%s: %d plug/unplug cycles with '
                          'DEVICE_DELETED' % (drv, CYCLES))
            check(q.hmp('info mtree') == before,
                  'info mtree unchanged after the cycles')
            r = q.cmd('device_del', {'id': 'no-such-device'})
            check(r.get('error', {}).get('class') == 'DeviceNotFound',
                  'device_del of an unknown id', r)
            q.cmd('quit')
            emu.wait(timeout=10)
        except Exception as e:
            check(False, 'unexpected exception', repr(e))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
