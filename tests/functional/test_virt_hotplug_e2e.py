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

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_virt_uart_irq import Emulator, Harness, check  # noqa: E402

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


class QMPClient:
    """Just enough QMP: one request at a time, matched to its reply by
    "id"; events that arrive meanwhile are kept in .events."""

    def __init__(self, path, timeout=30):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        end = time.monotonic() + timeout
        while True:
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                check(time.monotonic() < end, 'no QMP socket at %s after '
                      '%d s' % (path, timeout))
                time.sleep(0.05)
        self.buf = b''
        self.events = []
        self.next_id = 0

    def close(self):
        self.sock.close()

    def recv(self, timeout=30):
        """The next JSON message (one line)."""
        end = time.monotonic() + timeout
        while b'\n' not in self.buf:
            left = end - time.monotonic()
            check(left > 0, 'no QMP message within %d s (have %r)' %
                  (timeout, self.buf))
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            check(data, 'QMP connection closed (have %r)' % self.buf)
            self.buf += data
        line, self.buf = self.buf.split(b'\n', 1)
        return json.loads(line)

    def cmd(self, name, args=None, timeout=60):
        self.next_id += 1
        req = {'execute': name, 'id': self.next_id}
        if args is not None:
            req['arguments'] = args
        self.sock.sendall(json.dumps(req).encode() + b'\n')
        while True:
            msg = self.recv(timeout)
            if 'event' in msg:
                self.events.append(msg)
            elif msg.get('id') == self.next_id:
                return msg
            else:
                check(False, 'reply to someone else: %r' % msg)

    def ok(self, name, args=None):
        r = self.cmd(name, args)
        check('return' in r, '%s %r: %r' % (name, args, r))
        return r['return']

    def hmp(self, line):
        return self.ok('human-monitor-command', {'command-line': line})

    def collect_events(self, seconds):
        """Read events for @seconds."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                return
            check(data, 'QMP connection closed')
            self.buf += data
            while b'\n' in self.buf:
                line, self.buf = self.buf.split(b'\n', 1)
                self.events.append(json.loads(line))

    def wait_event(self, name, match=None, timeout=30):
        end = time.monotonic() + timeout
        while True:
            for e in self.events:
                if e['event'] == name and (match is None or match(e)):
                    self.events.remove(e)
                    return e
            left = end - time.monotonic()
            check(left > 0, 'no %s event within %d s; got %r' %
                  (name, timeout, self.events))
            self.events.append(self.recv(left))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()
    h = Harness()
    tmp = tempfile.TemporaryDirectory(prefix='virt-hotplug-')
    qmp_path = os.path.join(tmp.name, 'qmp.sock')
    emu = Emulator([opts.qemu, '-M', 'virt', '-display', 'none',
                    '-serial', 'stdio',
                    '-qmp', 'unix:%s,server=on,wait=off' % qmp_path])
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
            qmp = QMPClient(qmp_path)
            greeting = qmp.recv()
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
                                   e.get('data', {}).get('device') == i)
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

        for i, (name, fn) in enumerate(steps):
            if not h.run(name, fn):
                for rest, _ in steps[i + 1:]:
                    h.result(False, rest, 'not run: an earlier step failed')
                break
    except Exception as e:
        h.result(False, 'unexpected exception', repr(e))
    finally:
        if qmp:
            qmp.close()
        # SIGTERM, then SIGKILL: only if quit did not end it already.
        emu.stop()
    report = emu.sanitizer_report()
    h.result(report is None, 'no sanitizer report', report)
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
