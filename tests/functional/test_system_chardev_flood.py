#!/usr/bin/env python3
#
# A monitor client that stops reading must not stop the emulator.  The
# guest resets itself in a loop (through cr16-testdev), so every QMP
# monitor receives a flood of RESET events; one QMP client negotiates
# and then never reads again.  Meanwhile a second QMP client and an HMP
# client must keep getting prompt answers, the guest must keep running,
# and the stuck client must eventually be disconnected (its unread output
# is bounded) with a warning on stderr.
#
#   test_system_chardev_flood.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import json
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time

PROMPT = 1.0
FLOOD_SECONDS = 3.0

# Reset the machine as fast as it will go: one RESET event per round.
RESET_LOOP = '''
    .text
    .global _start
_start:
    movd $0xff0000, (r1,r0)
    movw $0x7776, r2
    storw r2, 0(r1,r0)
loop:
    br loop
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


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(200):
        try:
            s.connect(path)
            return s
        except OSError:
            time.sleep(0.05)
    raise RuntimeError('cannot connect to ' + path)


class QMP:
    """A client that reads all the time (a thread drains the events), as
    a well-behaved one does: only the stuck client may be dropped."""

    def __init__(self, path):
        self.sock = connect(path)
        self.events = 0
        self.replies = queue.Queue()
        self.reader = threading.Thread(target=self.read_loop, daemon=True)
        self.reader.start()
        self.reply()        # the greeting

    def read_loop(self):
        buf = b''
        try:
            while True:
                chunk = self.sock.recv(1 << 20)
                if not chunk:
                    break
                buf += chunk
                while b'\n' in buf:
                    text, buf = buf.split(b'\n', 1)
                    msg = json.loads(text)
                    if 'event' in msg:
                        self.events += 1
                    else:
                        self.replies.put(msg)
        except OSError:
            pass
        self.replies.put(None)

    def reply(self):
        try:
            r = self.replies.get(timeout=PROMPT)
        except queue.Empty:
            raise socket.timeout('no QMP reply within %.1fs' % PROMPT)
        if r is None:
            self.replies.put(None)
            raise EOFError('QMP connection closed')
        return r

    def cmd(self, name):
        self.sock.sendall(json.dumps({'execute': name}).encode() + b'\n')
        return self.reply()


def hmp_cmd(sock, line, want):
    sock.sendall(line.encode() + b'\r')
    buf = b''
    while want not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError('HMP connection closed')
        buf += chunk
    return buf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()

    src = os.path.join(tmp, 'reset.S')
    elf = os.path.join(tmp, 'reset.elf')
    with open(src, 'w') as f:
        f.write(RESET_LOOP)
    subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o', elf, src],
                   check=True)

    stuck_path = os.path.join(tmp, 'stuck.sock')
    live_path = os.path.join(tmp, 'live.sock')
    hmp_path = os.path.join(tmp, 'hmp.sock')
    proc = subprocess.Popen(
        [opts.qemu, '-M', 'sim', '-display', 'none', '-nodefaults', '-S',
         '-device', 'cr16-testdev,addr=0xff0000', '-kernel', elf,
         '-qmp', 'unix:%s,server=on,wait=off' % stuck_path,
         '-qmp', 'unix:%s,server=on,wait=off' % live_path,
         '-monitor', 'unix:%s,server=on,wait=off' % hmp_path],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    stuck = live = hmp = None
    try:
        # The stuck client: negotiates, then never reads again, and keeps
        # its receive buffer small so that it fills up early.
        stuck = connect(stuck_path)
        stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stuck.sendall(b'{"execute": "qmp_capabilities"}\n')

        live = QMP(live_path)
        live.cmd('qmp_capabilities')
        hmp = connect(hmp_path)
        hmp.settimeout(PROMPT)
        hmp_cmd(hmp, '', b'(qemu) ')
        time.sleep(0.2)
        live.cmd('cont')

        slowest = 0.0
        answered = 0
        error = None
        end = time.monotonic() + FLOOD_SECONDS
        while time.monotonic() < end:
            try:
                t = time.monotonic()
                r = live.cmd('query-status')
                assert r.get('return', {}).get('running'), r
                hmp_cmd(hmp, 'info status', b'VM status: running')
                slowest = max(slowest, time.monotonic() - t)
                answered += 1
            except (socket.timeout, EOFError, AssertionError) as e:
                error = e
                break
            time.sleep(0.05)
        h.check(error is None and slowest < PROMPT,
                'QMP and HMP stay responsive while a client is stuck',
                'error %r, slowest %.2fs after %d rounds' %
                (error, slowest, answered))
        h.check(live.events > 1000,
                'the guest kept running (resets reported)',
                '%d RESET events' % live.events)

        # The stuck client was dropped: draining its socket reaches EOF.
        stuck.settimeout(5)
        got, eof = 0, False
        try:
            while got < 64 * 1024 * 1024:
                chunk = stuck.recv(1 << 20)
                if not chunk:
                    eof = True
                    break
                got += len(chunk)
        except socket.timeout:
            pass
        h.check(eof, 'the client that stopped reading was disconnected',
                'read %d bytes without EOF' % got)

        r = live.cmd('quit')
        h.check(r == {'return': {}}, 'quit', r)
        rc = proc.wait(timeout=20)
        err = proc.stderr.read().decode(errors='replace')
        h.check(rc == 0 and 'disconnecting it' in err,
                'clean exit, disconnection reported on stderr',
                'status %d, stderr %r' % (rc, err[-2000:]))
    except (OSError, EOFError, socket.timeout,
            subprocess.TimeoutExpired) as e:
        h.check(False, 'session', repr(e) + '\n' + (
            proc.stderr.read().decode(errors='replace')
            if proc.poll() is not None else ''))
    finally:
        for s in (stuck, hmp):
            if s:
                s.close()
        if live:
            try:
                live.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            live.sock.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
