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

import os
import pty
import select
import socket
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, check, free_port,  # noqa: E402
                       parse_args)


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


def wait_raw(tty, timeout=10):
    """Wait until the emulator made the terminal raw."""
    end = time.monotonic() + timeout
    while termios.tcgetattr(tty)[3] & termios.ICANON:
        check(time.monotonic() < end, 'terminal never went raw')
        time.sleep(0.05)


def main():
    opts = parse_args(asm=False)
    h = Harness()

    def on_pty(args):
        master, slave = pty.openpty()
        before = termios.tcgetattr(slave)
        emu = Emulator([opts.qemu] + args, stdin=slave, stdout=slave,
                       start_new_session=True)
        return emu, master, slave, before

    def mux_help_and_quit():
        emu, master, slave, before = on_pty(['-M', 'none', '-nographic'])
        try:
            wait_raw(slave)
            os.write(master, b'\x01h')
            read_until(master, b'C-a x')
            os.write(master, b'\x01x')
            out = read_until(master, b'Terminated')
            check(b'Terminated' in out, 'output %r' % out)
            status = emu.wait(timeout=20)
            check(status == 0, 'status %d, stderr %r' % (status, emu.err))
            check(termios.tcgetattr(slave) == before,
                  'terminal settings not restored')
        finally:
            emu.stop()
            os.close(master)
            os.close(slave)
    h.run('nographic-escapes-and-quit', mux_help_and_quit)

    def signal_restores_tty():
        emu, master, slave, before = on_pty(['-M', 'none', '-nographic'])
        try:
            wait_raw(slave)
            emu.terminate()
            status = emu.wait(timeout=20)
            check(status == 0, 'status %d' % status)
            check(termios.tcgetattr(slave) == before,
                  'terminal settings not restored after SIGTERM')
        finally:
            emu.stop()
            os.close(master)
            os.close(slave)
    h.run('sigterm-restores-terminal', signal_restores_tty)

    def socket_clients_come_and_go():
        port = free_port()
        with Emulator([opts.qemu, '-M', 'none', '-display', 'none',
                       '-chardev', 'socket,id=s0,host=127.0.0.1,port=%d,'
                       'server=on,wait=off' % port]) as emu:
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
                check(emu.alive(), 'emulator died after client %d' % i)
            emu.terminate()
            status = emu.wait(timeout=20)
            check(status == 0, 'status %d, stderr %r' % (status, emu.err))
    h.run('socket-clients-come-and-go', socket_clients_come_and_go)

    def console_starts_on_serial():
        # -nographic puts the guest's serial line in front: the firmware
        # banner comes first and the monitor stays silent until C-a c,
        # which then greets the user with the banner and the prompt.
        emu, master, slave, before = on_pty(['-M', 'virt', '-nographic'])
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
            status = emu.wait(timeout=20)
            check(status == 0, 'status %d' % status)
        finally:
            emu.stop()
            os.close(master)
            os.close(slave)
    h.run('nographic-starts-on-serial', console_starts_on_serial)

    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
