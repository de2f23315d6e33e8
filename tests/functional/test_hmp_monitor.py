#!/usr/bin/env python3
"""HMP over a Unix socket against the real qemu-system-cr16.

For every machine the binary offers, start it stopped (-S) with a
readline monitor, check the banner and prompt, run every "info"
subcommand that "help info" lists (none may fail), then a few commands,
and quit.  Prints TAP.
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time

PROMPT = b'(qemu) '


class HMP:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError('cannot connect to ' + path)
        self.sock.settimeout(10)

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
        assert out.startswith(echo), (line, out)
        return out[len(echo):-len(PROMPT)]


def machines(qemu):
    out = subprocess.run([qemu, '-machine', 'help'], capture_output=True,
                         text=True, check=True).stdout
    return [l.split()[0] for l in out.splitlines()[1:] if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()
    n = 0
    failed = 0

    def check(ok, name, detail=''):
        nonlocal n, failed
        n += 1
        print('%s %d %s' % ('ok' if ok else 'not ok', n, name))
        if not ok:
            failed += 1
            print('# ' + repr(detail))
        sys.stdout.flush()

    for mach in machines(opts.qemu):
        tmp = tempfile.mkdtemp(prefix='hmp-test-')
        path = os.path.join(tmp, 'hmp.sock')
        proc = subprocess.Popen(
            [opts.qemu, '-M', mach, '-S', '-display', 'none',
             '-monitor', 'unix:%s,server=on,wait=off' % path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            m = HMP(path)
            hello = m.until_prompt()
            check(hello.startswith('QEMU ') and
                  "monitor - type 'help' for more information" in hello,
                  '%s: banner and prompt' % mach, hello)
            subs = [l.split()[1] for l in m.cmd('help info').splitlines()
                    if l.startswith('info ')]
            check('status' in subs and 'qtree' in subs,
                  '%s: help info lists the subcommands' % mach, subs)
            bad = {}
            for sub in subs:
                out = m.cmd('info ' + sub)
                if 'Error' in out or 'unknown command' in out:
                    bad[sub] = out
            check(not bad, '%s: every info subcommand runs' % mach, bad)
            check(m.cmd('info status') ==
                  'VM status: paused (prelaunch)\r\n',
                  '%s: info status under -S' % mach)
            check(m.cmd('info qom-tree').startswith('/machine ('),
                  '%s: info qom-tree' % mach)
            mtree = m.cmd('info mtree')
            # "none" builds no memory map, so there may be nothing to show.
            check(mtree.startswith('address-space') or
                  (mach == 'none' and mtree == ''),
                  '%s: info mtree' % mach, mtree)
            m.sock.sendall(b'quit\r')
            rc = proc.wait(timeout=10)
            check(rc == 0, '%s: quit exits with status 0' % mach, rc)
        except Exception as e:
            check(False, '%s: unexpected exception' % mach, repr(e))
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
