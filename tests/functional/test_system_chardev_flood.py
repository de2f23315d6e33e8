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

import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble,  # noqa: E402
                       connect_unix, parse_args)

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


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()
    elf = assemble(opts.asm, RESET_LOOP, tmp, ['-O', 'elf'], name='reset')

    stuck_path = os.path.join(tmp, 'stuck.sock')
    emu = Emulator(
        [opts.qemu, '-M', 'sim', '-display', 'none', '-nodefaults', '-S',
         '-device', 'cr16-testdev,addr=0xff0000', '-kernel', elf,
         '-qmp', 'unix:%s,server=on,wait=off' % stuck_path],
        qmp=True, hmp=True, tmpdir=tmp)
    stuck = None
    with emu:
        try:
            # The stuck client: negotiates, then never reads again, and
            # keeps its receive buffer small so that it fills up early.
            stuck = connect_unix(stuck_path)
            stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            stuck.sendall(b'{"execute": "qmp_capabilities"}\n')

            # The others read all the time (the QMP client drains its
            # socket in a thread), as well-behaved clients do: only the
            # stuck client may be dropped.
            live = emu.connect_qmp(timeout=PROMPT, keep_events=False)
            hmp = emu.connect_hmp(timeout=PROMPT)
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
                    out = hmp.raw('info status')
                    assert 'VM status: running' in out, out
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
            h.check(live.event_count > 1000,
                    'the guest kept running (resets reported)',
                    '%d RESET events' % live.event_count)

            # The stuck client was dropped: draining its socket reaches
            # EOF.
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
            rc = emu.wait(timeout=20)
            err = emu.err
            h.check(rc == 0 and 'disconnecting it' in err,
                    'clean exit, disconnection reported on stderr',
                    'status %d, stderr %r' % (rc, err[-2000:]))
        except (OSError, EOFError, socket.timeout,
                subprocess.TimeoutExpired) as e:
            h.check(False, 'session', repr(e) + '\n' + (
                emu.err if emu.poll() is not None else ''))
        finally:
            if stuck:
                stuck.close()
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
