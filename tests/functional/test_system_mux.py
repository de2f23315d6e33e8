#!/usr/bin/env python3
#
# The console as a user meets it: -nographic on a real terminal (a pty
# here), the C-a escapes, the terminal left as it was found; and a socket
# chardev whose clients come and go while the emulator keeps running.
#
#   test_system_mux.py --qemu PATH
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import os
import pty
import select
import signal
import socket
import subprocess
import sys
import termios
import time


class Harness:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def run(self, name, fn):
        self.n += 1
        try:
            fn()
            print('ok %d - %s' % (self.n, name))
        except (AssertionError, subprocess.TimeoutExpired, OSError) as e:
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


def read_until(fd, want, timeout=10):
    """Read from @fd until @want (bytes) was seen; return all of it."""
    got = b''
    end = time.monotonic() + timeout
    while want not in got:
        left = end - time.monotonic()
        check(left > 0, 'timed out waiting for %r; got %r' % (want, got))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            got += chunk
    return got


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()
    h = Harness()

    def on_pty(args):
        master, slave = pty.openpty()
        before = termios.tcgetattr(slave)
        p = subprocess.Popen([opts.qemu] + args, stdin=slave, stdout=slave,
                             stderr=subprocess.PIPE, start_new_session=True)
        return p, master, slave, before

    def mux_help_and_quit():
        p, master, slave, before = on_pty(['-M', 'none', '-nographic'])
        try:
            # Wait until the emulator made the terminal raw.
            end = time.monotonic() + 10
            while termios.tcgetattr(slave)[3] & termios.ICANON:
                check(time.monotonic() < end, 'terminal never went raw')
                time.sleep(0.05)
            os.write(master, b'\x01h')
            read_until(master, b'C-a x')
            os.write(master, b'\x01x')
            out = read_until(master, b'Terminated')
            check(b'Terminated' in out, 'output %r' % out)
            p.wait(timeout=20)
            err = p.stderr.read().decode()
            check(p.returncode == 0, 'status %d, stderr %r' %
                  (p.returncode, err))
            check(termios.tcgetattr(slave) == before,
                  'terminal settings not restored')
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            os.close(master)
            os.close(slave)
    h.run('nographic-escapes-and-quit', mux_help_and_quit)

    def signal_restores_tty():
        p, master, slave, before = on_pty(['-M', 'none', '-nographic'])
        try:
            end = time.monotonic() + 10
            while termios.tcgetattr(slave)[3] & termios.ICANON:
                check(time.monotonic() < end, 'terminal never went raw')
                time.sleep(0.05)
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=20)
            check(p.returncode == 0, 'status %d' % p.returncode)
            check(termios.tcgetattr(slave) == before,
                  'terminal settings not restored after SIGTERM')
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            os.close(master)
            os.close(slave)
    h.run('sigterm-restores-terminal', signal_restores_tty)

    def socket_clients_come_and_go():
        port = free_port()
        p = subprocess.Popen([opts.qemu, '-M', 'none', '-display', 'none',
                              '-chardev',
                              'socket,id=s0,host=127.0.0.1,port=%d,'
                              'server=on,wait=off' % port],
                             stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            end = time.monotonic() + 10
            for i in range(5):
                while True:
                    try:
                        c = socket.create_connection(('127.0.0.1', port))
                        break
                    except ConnectionRefusedError:
                        check(time.monotonic() < end, 'never listened')
                        time.sleep(0.05)
                c.sendall(b'hello %d\n' % i)
                if i % 2:
                    # An abortive close (RST) must not hurt either.
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                 b'\x01\x00\x00\x00\x00\x00\x00\x00')
                c.close()
                time.sleep(0.1)
                check(p.poll() is None, 'emulator died after client %d' % i)
            p.send_signal(signal.SIGTERM)
            out, err = p.communicate(timeout=20)
            check(p.returncode == 0, 'status %d, stderr %r' %
                  (p.returncode, err))
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    h.run('socket-clients-come-and-go', socket_clients_come_and_go)

    def console_starts_on_serial():
        # -nographic puts the guest's serial line in front: the firmware
        # banner comes first and the monitor stays silent until C-a c,
        # which then greets the user with the banner and the prompt.
        p, master, slave, before = on_pty(['-M', 'virt', '-nographic'])
        try:
            out = read_until(master, b'boot monitor')
            check(b'(qemu)' not in out and b'monitor - type' not in out,
                  'monitor spoke before being switched to: %r' % out)
            check(out.lstrip().startswith(b'qemu-cr16 virt firmware'),
                  'first output is not the firmware banner: %r' % out)
            os.write(master, b'\x01c')
            out = read_until(master, b'(qemu) ')
            check(b"monitor - type 'help'" in out, 'no banner: %r' % out)
            os.write(master, b'info status\r')
            read_until(master, b'VM status: running')
            os.write(master, b'\x01x')
            read_until(master, b'Terminated')
            p.wait(timeout=20)
            check(p.returncode == 0, 'status %d' % p.returncode)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            os.close(master)
            os.close(slave)
    h.run('nographic-starts-on-serial', console_starts_on_serial)

    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
