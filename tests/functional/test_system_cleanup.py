#!/usr/bin/env python3
#
# Orderly exit with monitors attached: a QMP client and an HMP client are
# connected when the emulator ends (QMP quit, HMP quit, SIGTERM, or the
# guest's own exit).  Each way must exit with the right status, deliver
# the reply and the SHUTDOWN event before closing the QMP connection,
# send no events from the machine's teardown (no DEVICE_DELETED on quit),
# and -- in the sanitizer build -- leave nothing leaked or misused.
#
#   test_system_cleanup.py --qemu PATH --as scripts/cr16-as
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

EXIT5 = '''
    .text
    .global _start
_start:
    movw $5, r2
    movw $0x410, r0
    excp bpt
'''

SANITIZER_MARKS = ('LeakSanitizer', 'AddressSanitizer', 'runtime error:')


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if not ok:
            self.failed += 1
            for line in str(detail).splitlines()[:60]:
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


def read_all(sock):
    """Everything until the peer closes."""
    data = b''
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data, True
            data += chunk
    except socket.timeout:
        return data, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()
    env = dict(os.environ)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1')

    src = os.path.join(tmp, 'exit5.S')
    elf = os.path.join(tmp, 'exit5.elf')
    with open(src, 'w') as f:
        f.write(EXIT5)
    subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o', elf, src],
                   check=True)

    def scenario(name, machine_args, how, want_status, want_reason):
        qpath = os.path.join(tmp, 'qmp.sock')
        hpath = os.path.join(tmp, 'hmp.sock')
        for p in (qpath, hpath):
            if os.path.exists(p):
                os.unlink(p)
        proc = subprocess.Popen(
            [opts.qemu, '-S', '-display', 'none', '-nodefaults',
             '-qmp', 'unix:%s,server=on,wait=off' % qpath,
             '-monitor', 'unix:%s,server=on,wait=off' % hpath] +
            machine_args, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        try:
            q = connect(qpath)
            qf = q.makefile('rwb')
            qf.readline()
            qf.write(b'{"execute": "qmp_capabilities"}\n')
            qf.flush()
            qf.readline()
            m = connect(hpath)
            m.recv(4096)
            m.sendall(b'info status\r')
            time.sleep(0.1)
            m.recv(4096)

            if how == 'qmp':
                qf.write(b'{"execute": "quit"}\n')
                qf.flush()
            elif how == 'hmp':
                m.sendall(b'quit\r')
            elif how == 'signal':
                proc.terminate()
            elif how == 'guest':
                qf.write(b'{"execute": "cont"}\n')
                qf.flush()
            rest = qf.read()
            rc = proc.wait(timeout=60)
            err = proc.stderr.read().decode(errors='replace')
            msgs = [json.loads(l) for l in rest.splitlines() if l.strip()]
            events = [x['event'] for x in msgs if 'event' in x]
            shutdown = [x for x in msgs if x.get('event') == 'SHUTDOWN']
            h.check(rc == want_status,
                    '%s: exit status %d' % (name, want_status),
                    'status %d, stderr %r' % (rc, err))
            h.check(len(shutdown) == 1 and
                    shutdown[0]['data']['reason'] == want_reason and
                    events[-1] == 'SHUTDOWN' and
                    'DEVICE_DELETED' not in events,
                    '%s: SHUTDOWN is the last thing QMP hears' % name,
                    msgs)
            if how == 'qmp':
                h.check({'return': {}} in msgs,
                        '%s: the quit reply arrives' % name, msgs)
            h.check(not any(mark in err for mark in SANITIZER_MARKS),
                    '%s: no sanitizer report' % name, err)
            m.close()
            q.close()
        except (OSError, EOFError, RuntimeError, ValueError,
                subprocess.TimeoutExpired) as e:
            h.check(False, '%s: session' % name, repr(e))
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stderr.close()

    for mach in (['-M', 'none'], ['-M', 'virt'], ['-M', 'sim']):
        label = mach[1]
        scenario('%s, QMP quit' % label, mach, 'qmp', 0, 'host-qmp-quit')
        scenario('%s, HMP quit' % label, mach, 'hmp', 0, 'host-qmp-quit')
        scenario('%s, SIGTERM' % label, mach, 'signal', 0, 'host-signal')
    scenario('sim, guest exit', ['-M', 'sim', '-kernel', elf], 'guest', 5,
             'guest-shutdown')
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
