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

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

# The sim machine's exit system call with status 3.
EXIT3 = '''
    .text
    .global _start
_start:
    movw $3, r2
    movw $0x410, r0
    excp bpt
'''


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if not ok:
            self.failed += 1
            for line in str(detail).splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def finish(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


class QMP:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(200):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError('cannot connect to ' + path)
        self.sock.settimeout(10)
        self.buf = b''
        self.events = []
        self.line()
        self.cmd('qmp_capabilities')

    def line(self):
        while b'\n' not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('QMP closed')
            self.buf += chunk
        text, self.buf = self.buf.split(b'\n', 1)
        return json.loads(text)

    def cmd(self, name, args=None):
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        self.sock.sendall(json.dumps(msg).encode() + b'\n')
        while True:
            r = self.line()
            if 'event' in r:
                self.events.append(r)
            else:
                return r

    def wait_events(self, count, timeout=10):
        """Collect events until @count have arrived (or EOF/timeout)."""
        end = time.monotonic() + timeout
        try:
            while len(self.events) < count and time.monotonic() < end:
                r = self.line()
                if 'event' in r:
                    self.events.append(r)
        except (EOFError, OSError):
            pass
        return [e['event'] for e in self.events]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()

    src = os.path.join(tmp, 'exit3.S')
    elf = os.path.join(tmp, 'exit3.elf')
    with open(src, 'w') as f:
        f.write(EXIT3)
    subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o', elf, src],
                   check=True)
    path = os.path.join(tmp, 'qmp.sock')

    def start(extra):
        if os.path.exists(path):
            os.unlink(path)
        return subprocess.Popen(
            [opts.qemu, '-M', 'sim', '-S', '-display', 'none', '-nodefaults',
             '-kernel', elf, '-qmp', 'unix:%s,server=on,wait=off' % path] +
            extra, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)

    # -no-shutdown: SHUTDOWN, then STOP, then state "shutdown".
    proc = start(['-no-shutdown'])
    try:
        q = QMP(path)
        q.cmd('cont')
        q.events = []
        names = q.wait_events(2)
        h.check(names == ['SHUTDOWN', 'STOP'],
                '-no-shutdown: SHUTDOWN then STOP', q.events)
        h.check(bool(q.events) and q.events[0].get('data') ==
                {'guest': True, 'reason': 'guest-shutdown'},
                '-no-shutdown: SHUTDOWN says the guest did it', q.events)
        st = q.cmd('query-status').get('return', {})
        h.check(st.get('status') == 'shutdown' and st.get('running') is False,
                '-no-shutdown: query-status reports "shutdown"', st)
        h.check(proc.poll() is None, '-no-shutdown: the process stays')

        # system_reset makes it startable again; it shuts down once more.
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
        rc = proc.wait(timeout=20)
        # As in QEMU, the status the guest gave is kept for the exit.
        h.check(r == {'return': {}} and names[-1] == 'SHUTDOWN' and
                rc == 3, '-no-shutdown: quit ends the process',
                (r, q.events, rc))
    except (OSError, EOFError, RuntimeError,
            subprocess.TimeoutExpired) as e:
        h.check(False, '-no-shutdown session', repr(e))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()

    # The default: SHUTDOWN, then the process ends with the guest status.
    proc = start([])
    try:
        q = QMP(path)
        q.cmd('cont')
        q.events = []
        names = q.wait_events(2, timeout=5)
        rc = proc.wait(timeout=20)
        h.check(names == ['SHUTDOWN'] and rc == 3,
                'default: SHUTDOWN, no STOP, exit status 3',
                (q.events, rc))
    except (OSError, EOFError, RuntimeError,
            subprocess.TimeoutExpired) as e:
        h.check(False, 'default session', repr(e))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
