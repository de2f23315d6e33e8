#!/usr/bin/env python3
"""device_add / device_del over QMP on the virt board.

For every device that plugs into the virt board's expansion slots (bus
cr16-slot-bus in "device_add help"), plug it with device_add, unplug it with device_del,
and wait for DEVICE_DELETED with the right id and path; afterwards
"info mtree" must be what it was before.  Skipped (TAP "1..0 # SKIP")
while the binary has no virt machine.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_qmp_protocol import QMP  # noqa: E402

CYCLES = 3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()
    out = subprocess.run([opts.qemu, '-machine', 'help'],
                         capture_output=True, text=True).stdout
    if not re.search(r'^virt\b', out, re.M):
        print('1..0 # SKIP virt machine not available yet')
        return 0

    tmp = tempfile.mkdtemp(prefix='hotplug-test-')
    path = os.path.join(tmp, 'qmp.sock')
    proc = subprocess.Popen([opts.qemu, '-M', 'virt', '-display', 'none',
                             '-serial', 'null',
                             '-qmp', 'unix:%s,server=on,wait=off' % path],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    n = failed = 0

    def check(ok, name, detail=''):
        nonlocal n, failed
        n += 1
        print('%s %d %s' % ('ok' if ok else 'not ok', n, name))
        if not ok:
            failed += 1
            print('# ' + repr(detail))
        sys.stdout.flush()

    def hmp(q, line):
        return q.cmd('human-monitor-command',
                     {'command-line': line}).get('return', '')

    def wait_deleted(q, dev_id, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            for e in q.events:
                if (e['event'] == 'DEVICE_DELETED' and
                        e.get('data', {}).get('device') == dev_id):
                    q.events.remove(e)
                    return e
            q.sock.settimeout(max(0.1, end - time.time()))
            try:
                msg = q.line()
            except OSError:
                break
            if 'event' in msg:
                q.events.append(msg)
        return None

    try:
        q = QMP(path)
        q.line()
        q.cmd('qmp_capabilities')
        before = hmp(q, 'info mtree')
        listing = hmp(q, 'device_add help')
        # Only the expansion slots take hotplug; sysbus devices such as
        # cr16-testdev are cold-plug only and are refused by design.
        drivers = re.findall(r'^name "([^"]+)", bus cr16-slot-bus', listing,
                             re.M)
        check(bool(drivers), 'virt offers pluggable devices', listing)
        for drv in drivers:
            for i in range(CYCLES):
                dev_id = '%s-%d' % (drv, i)
                r = q.cmd('device_add', {'driver': drv, 'id': dev_id})
                if 'error' in r:
                    check(False, 'device_add %s' % drv, r)
                    break
                r = q.cmd('device_del', {'id': dev_id})
                ev = wait_deleted(q, dev_id) if 'return' in r else None
                if not ev or ev['data'].get('path') != \
                        '/machine/peripheral/' + dev_id:
                    check(False, 'device_del %s' % drv, (r, ev))
                    break
            else:
                check(True, '%s: %d plug/unplug cycles with DEVICE_DELETED'
                      % (drv, CYCLES))
        check(hmp(q, 'info mtree') == before,
              'info mtree unchanged after the cycles')
        r = q.cmd('device_del', {'id': 'no-such-device'})
        check(r.get('error', {}).get('class') == 'DeviceNotFound',
              'device_del of an unknown id', r)
        q.cmd('quit')
        proc.wait(timeout=10)
    except Exception as e:
        check(False, 'unexpected exception', repr(e))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        try:
            os.unlink(path)
        except OSError:
            pass
        os.rmdir(tmp)
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
