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

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

PROMPT = b'(qemu) '
PROG = 'qemu-system-cr16:'
SYSTEM_LINE = '  0000000000000000-ffffffffffffffff (prio 0, i/o): system'


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


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(200):
        try:
            s.connect(path)
            s.settimeout(10)
            return s
        except OSError:
            time.sleep(0.05)
    raise RuntimeError('cannot connect to ' + path)


class HMP:
    def __init__(self, path):
        self.sock = connect(path)
        self.until_prompt()

    def until_prompt(self):
        buf = b''
        while not buf.endswith(PROMPT):
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('monitor closed')
            buf += chunk
        return buf.decode(errors='replace')

    def cmd(self, line):
        """What @line printed, without its echo and the next prompt."""
        self.sock.sendall(line.encode() + b'\r')
        out = self.until_prompt()
        echo = line + '\r\n'
        if out.startswith(echo):
            out = out[len(echo):]
        return out[:-len(PROMPT)].replace('\r\n', '\n')


class QMP:
    def __init__(self, path):
        self.sock = connect(path)
        self.buf = b''
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
            if 'event' not in r:
                return r


def machines(qemu):
    out = subprocess.run([qemu, '-machine', 'help'], capture_output=True,
                         text=True, check=True).stdout
    return [l.split()[0] for l in out.splitlines()[1:] if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()
    h = Harness()

    for mach in machines(opts.qemu):
        tmp = tempfile.TemporaryDirectory()
        hpath = os.path.join(tmp.name, 'hmp.sock')
        qpath = os.path.join(tmp.name, 'qmp.sock')
        proc = subprocess.Popen(
            [opts.qemu, '-M', mach, '-S', '-display', 'none', '-nodefaults',
             '-monitor', 'unix:%s,server=on,wait=off' % hpath,
             '-qmp', 'unix:%s,server=on,wait=off' % qpath],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        try:
            hmp = HMP(hpath)
            out = hmp.cmd('info mtree')
            lines = out.split('\n')
            h.check(lines[:2] == ['address-space: memory', SYSTEM_LINE],
                    '%s: info mtree shows the system address space' % mach,
                    out)

            out = hmp.cmd('device_add no-such-device')
            h.check(out == "Error: 'no-such-device' is not a valid device "
                           "model name\n",
                    '%s: HMP error without the program name' % mach, out)
            out = hmp.cmd('qom-get /nowhere foo')
            h.check(out.startswith('Error: ') and PROG not in out,
                    '%s: qom-get error without the program name' % mach,
                    out)

            qmp = QMP(qpath)
            r = qmp.cmd('human-monitor-command',
                        {'command-line': 'device_add no-such-device'})
            h.check(r.get('return') == "Error: 'no-such-device' is not a "
                                       "valid device model name\r\n",
                    '%s: human-monitor-command error without the program '
                    'name' % mach, r)
            qmp.cmd('quit')
            rc = proc.wait(timeout=20)
            err = proc.stderr.read().decode(errors='replace')
            h.check(rc == 0 and 'no-such-device' not in err,
                    '%s: errors went to the monitor, not to stderr' % mach,
                    'status %d, stderr %r' % (rc, err))
        except (OSError, EOFError, RuntimeError,
                subprocess.TimeoutExpired) as e:
            h.check(False, '%s: session' % mach, repr(e))
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stderr.close()
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
