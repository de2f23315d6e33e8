#!/usr/bin/env python3
#
# Whatever the guest does, the main loop keeps being served: QMP, HMP and
# quit must answer promptly while the CPU runs guests that never give
# control back on their own -- a CPU executing zeroed memory (an UND storm
# through a dispatch table of zeros), a `br .` self-loop, an EXCP loop
# whose handler returns to the EXCP, and a handler that traps again
# before completing a single instruction.
#
#   test_system_starvation.py --qemu PATH --as scripts/cr16-as
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

# How long a command may take while the guest runs.  A slice is a few
# milliseconds; a second leaves room for slow sanitizer builds.
PROMPT = 1.0

STACKS = '''
    .text
    .global _start
_start:
    movd $0x7000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
'''

VTAB = '''
    .align 2
vtab:
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
    .word handler@c, handler@c, handler@c, handler@c
'''

SELF_LOOP = '''
    .text
    .global _start
_start:
    br _start
'''

# excp svc saves its own address; retx goes straight back to it.
SVC_RETX = STACKS + '''
loop:
    excp svc
    br loop
handler:
    retx
''' + VTAB

# The handler is itself an EXCP: trap after trap, no instruction ever
# completes (the interrupt stack just keeps descending).
SVC_STORM = STACKS + '''
    excp svc
handler:
    excp svc
''' + VTAB


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def run(self, name, fn):
        self.n += 1
        try:
            fn()
            print('ok %d - %s' % (self.n, name))
        except (AssertionError, OSError, EOFError,
                subprocess.TimeoutExpired) as e:
            self.failed += 1
            print('not ok %d - %s' % (self.n, name))
            for line in str(e).splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def finish(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(200):
        try:
            s.connect(path)
            return s
        except OSError:
            time.sleep(0.05)
    raise AssertionError('cannot connect to ' + path)


class QMP:
    def __init__(self, path):
        self.sock = connect(path)
        self.sock.settimeout(PROMPT)
        self.buf = b''
        self.line()     # greeting

    def line(self):
        while b'\n' not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('QMP connection closed')
            self.buf += chunk
        text, self.buf = self.buf.split(b'\n', 1)
        return json.loads(text)

    def cmd(self, name, args=None):
        """Run a command; its reply must come within PROMPT seconds."""
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        start = time.monotonic()
        self.sock.sendall(json.dumps(msg).encode() + b'\n')
        try:
            while True:
                r = self.line()
                if 'event' not in r:
                    break
        except socket.timeout:
            raise AssertionError('%s: no answer within %.1fs' %
                                 (name, PROMPT))
        took = time.monotonic() - start
        check(took < PROMPT, '%s took %.2fs' % (name, took))
        return r


class Guest:
    """qemu-system-cr16 -S with a QMP socket (and optionally HMP)."""

    def __init__(self, qemu, tmp, args, hmp=False):
        self.qmp_path = os.path.join(tmp, 'qmp.sock')
        self.hmp_path = os.path.join(tmp, 'hmp.sock')
        for p in (self.qmp_path, self.hmp_path):
            if os.path.exists(p):
                os.unlink(p)
        cmd = [qemu, '-S', '-display', 'none', '-nodefaults',
               '-qmp', 'unix:%s,server=on,wait=off' % self.qmp_path]
        if hmp:
            cmd += ['-monitor', 'unix:%s,server=on,wait=off' % self.hmp_path]
        self.proc = subprocess.Popen(cmd + args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.qmp = QMP(self.qmp_path)
        check(self.qmp.cmd('qmp_capabilities') == {'return': {}},
              'qmp_capabilities')

    def start_and_check(self):
        """cont, let the guest spin, then query-status and quit."""
        check(self.qmp.cmd('cont') == {'return': {}}, 'cont')
        time.sleep(0.3)
        for _ in range(3):
            r = self.qmp.cmd('query-status')
            check(r.get('return', {}).get('status') == 'running',
                  'query-status: %r' % r)
        self.quit()

    def quit(self):
        check(self.qmp.cmd('quit') == {'return': {}}, 'quit')
        rc = self.proc.wait(timeout=10)
        err = self.proc.stderr.read().decode(errors='replace')
        check(rc == 0, 'exit status %d, stderr %r' % (rc, err))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()
        self.qmp.sock.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--as', dest='asm', required=True)
    opts = ap.parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()

    def build(name, text):
        src = os.path.join(tmp, name + '.S')
        out = os.path.join(tmp, name + '.elf')
        with open(src, 'w') as f:
            f.write(text)
        r = subprocess.run([sys.executable, opts.asm, '-O', 'elf', '-o',
                            out, src], capture_output=True, text=True)
        check(r.returncode == 0, 'cr16-as failed: %s' % r.stderr)
        return out

    def scenario(args, hmp=False, extra=None):
        def fn():
            g = None
            try:
                g = Guest(opts.qemu, tmp, args, hmp)
                if extra:
                    extra(g)
                else:
                    g.start_and_check()
            finally:
                if g:
                    g.kill()
        return fn

    none = ['-M', 'none', '-cpu', 'cr16c', '-m', '1M']

    h.run('zeroed memory (UND storm through a zero dispatch table)',
          scenario(none))
    h.run('zeroed memory under -icount',
          scenario(none + ['-icount', 'shift=0']))
    h.run('br . self-loop on sim',
          scenario(['-M', 'sim', '-kernel', build('self', SELF_LOOP)]))
    h.run('excp svc loop, handler returns to the excp',
          scenario(none + ['-kernel', build('svcretx', SVC_RETX)]))
    h.run('excp svc storm, handler traps again',
          scenario(none + ['-kernel', build('storm', SVC_STORM)]))
    h.run('excp svc storm with the tcg interpreter',
          scenario(none + ['-accel', 'tcg,tcg-backend=interp',
                           '-kernel', build('storm2', SVC_STORM)]))

    def hmp_during_storm(g):
        check(g.qmp.cmd('cont') == {'return': {}}, 'cont')
        s = connect(g.hmp_path)
        s.settimeout(PROMPT)
        try:
            buf = b''
            while b'(qemu) ' not in buf:
                buf += s.recv(4096)
            start = time.monotonic()
            s.sendall(b'info status\n')
            buf = b''
            while b'VM status: running' not in buf:
                chunk = s.recv(4096)
                check(chunk, 'HMP closed: %r' % buf)
                buf += chunk
            took = time.monotonic() - start
            check(took < PROMPT, 'info status took %.2fs' % took)
        except socket.timeout:
            raise AssertionError('HMP: no answer within %.1fs' % PROMPT)
        finally:
            s.close()
        g.quit()

    h.run('HMP answers during an UND storm',
          scenario(none, hmp=True, extra=hmp_during_storm))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
