#!/usr/bin/env python3
#
# Hotplug on the virt board as a management tool and a guest see it
# together: the board boots its own firmware (no -kernel), whose boot
# monitor on the serial line is the guest's hotplug driver, and a plain
# QMP client on a unix socket plugs and unplugs devices.
#
#   qemu-system-cr16 -M virt -display none -serial stdio \
#       -qmp unix:SOCK,server=on,wait=off
#
# For an ns16550a and a cr16-memcard, each in a slot of its own:
# device_add, the firmware's "[slot N: plugged: ...]" report, the guest
# reading the new device's registers through the slot window (the boot
# monitor's md/mw commands), device_del, the firmware acknowledging the
# eject request (with the VM stopped nothing is removed: the removal
# waits for the guest), DEVICE_DELETED with the device's id and QOM path;
# and afterwards "info mtree" exactly as before the first plug.  The run ends
# with QMP quit, exit status 0 and no sanitizer report.
#
#   test_virt_hotplug_e2e.py --qemu PATH
#
# Output is TAP.  Every wait is bounded and the emulator is killed in a
# finally block if it is still running.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, check, parse_args  # noqa: E402

PROMPT = b'\r\n> '
MONITOR_READY = b"No program given (-kernel); boot monitor, type 'help'."
SLOT_WIN0 = 0xff4000
SLOT_WIN_SIZE = 0x1000

# What we plug: driver, id, slot, what the firmware calls it.
DEVICES = [
    ('ns16550a', 'hp-uart', 1, 'ns16550a UART'),
    ('cr16-memcard', 'hp-card', 2, 'cr16-memcard memory card'),
]


def window(slot):
    """Address of expansion slot @slot's MMIO window."""
    return SLOT_WIN0 + slot * SLOT_WIN_SIZE


def main():
    opts = parse_args(asm=False)
    h = Harness()
    # The sanitizer check is a line of this test's own.
    emu = Emulator([opts.qemu, '-M', 'virt', '-display', 'none',
                    '-serial', 'stdio'], qmp=True, serial=True,
                   check_sanitizers=False)
    qmp = None
    state = {}

    def monitor_cmd(line, timeout=20):
        """Type @line into the firmware's boot monitor; return its output
        (the lines between the echoed command and the next prompt)."""
        emu.send(line.encode() + b'\r')
        emu.expect(line.encode() + b'\r\n', timeout)
        return emu.expect(PROMPT, timeout).decode('ascii', 'replace')

    def md(addr, length):
        """Bytes the guest reads at @addr, from the md command's dump."""
        out = monitor_cmd('md %x %x' % (addr, length))
        data = []
        for line in out.splitlines():
            m = re.fullmatch(r'([0-9a-f]{6}): ((?:[0-9a-f]{2} )+)', line)
            check(m, 'md %x %x: unexpected line %r in %r' %
                  (addr, length, line, out))
            check(int(m.group(1), 16) == addr + len(data),
                  'md: line at the wrong address: %r' % out)
            data += [int(b, 16) for b in m.group(2).split()]
        check(len(data) == length, 'md: %d bytes instead of %d: %r' %
              (len(data), length, out))
        return bytes(data)

    def slot_listing():
        out = monitor_cmd('slots')
        return dict(re.findall(r'slot (\d) @ 0x[0-9a-f]{6}: ([^\r\n]*)', out))

    try:
        steps = []

        def connect():
            nonlocal qmp
            qmp = emu.connect_qmp(timeout=60, connect_timeout=30,
                                  negotiate=False)
            greeting = qmp.greeting
            check('QMP' in greeting and 'version' in greeting['QMP'],
                  'greeting %r' % greeting)
            check(qmp.ok('qmp_capabilities') == {}, 'qmp_capabilities')
        steps.append(('QMP greeting and capabilities negotiation', connect))

        def firmware_prompt():
            emu.expect(MONITOR_READY)
            emu.expect(PROMPT)
            listing = slot_listing()
            check(listing and all(v == 'empty' for v in listing.values()),
                  'slots before plugging: %r' % listing)
            state['mtree'] = qmp.hmp('info mtree')
            for _, _, slot, _ in DEVICES:
                check(re.search(r'^ *%016x-[0-9a-f]{16} \(prio 0, i/o\): '
                                r'slot\.%d\r?$' % (window(slot), slot),
                                state['mtree'], re.M),
                      'info mtree has no window for slot %d:\n%s' %
                      (slot, state['mtree']))
        steps.append(('the firmware boot monitor is up with empty slots',
                      firmware_prompt))

        def plug():
            for drv, dev_id, slot, what in DEVICES:
                r = qmp.ok('device_add', {'driver': drv, 'id': dev_id,
                                          'bus': 'slot.%d' % slot})
                check(r == {}, 'device_add %s: %r' % (drv, r))
                emu.expect(b'[slot %d: plugged: %s]\r\n' %
                           (slot, what.encode()))
                emu.expect(b'> ')
        steps.append(('device_add: the firmware reports each plugged slot',
                      plug))

        def guest_sees():
            listing = slot_listing()
            for drv, dev_id, slot, what in DEVICES:
                check(listing.get(str(slot)) == what, 'slot %d: %r' %
                      (slot, listing))
            # Each device's region at the start of its slot's window.
            mtree = qmp.hmp('info mtree')
            for drv, dev_id, slot, what in DEVICES:
                check(re.search(r'^ *%016x-[0-9a-f]{16} \(prio 0, '
                                r'[a-z/]+\): %s\r?$' % (window(slot), drv),
                                mtree, re.M),
                      '%s not in slot %d in info mtree:\n%s' %
                      (drv, slot, mtree))
            # The UART's LSR through its slot window: THR and the
            # transmitter empty, nothing received.
            uart = window(DEVICES[0][2])
            lsr = md(uart + 5, 1)[0]
            check(lsr == 0x60, 'hot-plugged UART: LSR 0x%02x' % lsr)
            # The memory card's information ROM, and a word written into
            # its RAM and read back.
            card = window(DEVICES[1][2])
            info = md(card + 0x100, 16)
            check(info.startswith(b'cr16-memcard\0'), 'memcard info ROM '
                  '%r' % info)
            check('ok' in monitor_cmd('mw %x beef' % (card + 0x800)),
                  'mw into the memcard RAM')
            check(md(card + 0x800, 2) == b'\xef\xbe', 'memcard RAM does '
                  'not keep a word')
        steps.append(('the guest reaches the plugged devices through their '
                      'slot windows', guest_sees))

        def peripherals():
            return [p['name'] for p in
                    qmp.ok('qom-list', {'path': '/machine/peripheral'})]

        def unplug():
            for n, (drv, dev_id, slot, what) in enumerate(DEVICES):
                if n == 1:
                    # With the guest stopped nobody acknowledges: the
                    # device must stay until the guest runs again.
                    qmp.ok('stop')
                r = qmp.ok('device_del', {'id': dev_id})
                check(r == {}, 'device_del %s: %r' % (dev_id, r))
                if n == 1:
                    qmp.collect_events(0.5)
                    check(not [e for e in qmp.events
                               if e['event'] == 'DEVICE_DELETED'],
                          'removed without the guest: %r' % qmp.events)
                    check(dev_id in peripherals(), '%s left without the '
                          'guest\'s acknowledge' % dev_id)
                    qmp.ok('cont')
                # The firmware is the hotplug driver (CTRL.EN set): the
                # device goes only once it acknowledges the request.
                emu.expect(b'[slot %d: removal requested, acknowledged]\r\n'
                           % slot)
                e = qmp.wait_event('DEVICE_DELETED', lambda e, i=dev_id:
                                   e.get('data', {}).get('device') == i,
                                   timeout=30)
                check(e, 'no DEVICE_DELETED event for %s within 30 s; got '
                      '%r' % (dev_id, qmp.events))
                path = '/machine/peripheral/%s' % dev_id
                check(e['data'].get('path') == path, 'DEVICE_DELETED %r, '
                      'wanted path %s' % (e, path))
                emu.expect(b'[slot %d: device removed]\r\n' % slot)
                emu.expect(b'> ')
        steps.append(('device_del: removal waits for the firmware\'s '
                      'acknowledge; DEVICE_DELETED has the id and path',
                      unplug))

        def gone():
            listing = slot_listing()
            check(all(listing.get(str(s)) == 'empty'
                      for _, _, s, _ in DEVICES),
                  'slots after unplugging: %r' % listing)
            left = peripherals()
            for _, dev_id, _, _ in DEVICES:
                check(dev_id not in left, '%s still in the QOM tree: %r' %
                      (dev_id, left))
            r = qmp.cmd('device_del', {'id': DEVICES[0][1]})
            check(r.get('error', {}).get('class') == 'DeviceNotFound',
                  'device_del of a removed device: %r' % r)
        steps.append(('the devices are gone for the guest and for QOM',
                      gone))

        def mtree_restored():
            after = qmp.hmp('info mtree')
            check(after == state['mtree'], 'info mtree changed.\nbefore:\n'
                  '%s\nafter:\n%s' % (state['mtree'], after))
        steps.append(('info mtree is identical to before plugging',
                      mtree_restored))

        def quit_cleanly():
            check(qmp.ok('quit') == {}, 'quit')
            status = emu.wait(timeout=60)
            check(status == 0, 'exit status %r, stderr %r' %
                  (status, emu.err))
            check(not [e for e in qmp.events
                       if e['event'] == 'DEVICE_DELETED'],
                  'stray DEVICE_DELETED events: %r' % qmp.events)
        steps.append(('QMP quit ends the emulator with status 0',
                      quit_cleanly))

        h.run_steps(steps)
    except Exception as e:
        h.check(False, 'unexpected exception', repr(e))
    finally:
        # SIGTERM, then SIGKILL: only if quit did not end it already.
        emu.stop()
    report = emu.sanitizer_report()
    h.check(report is None, 'no sanitizer report', report)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
