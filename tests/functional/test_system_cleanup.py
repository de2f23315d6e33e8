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

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, assemble, parse_args  # noqa: E402

EXIT5 = '''
    .text
    .global _start
_start:
    movw $5, r2
    movw $0x410, r0
    excp bpt
'''


def main():
    opts = parse_args()
    tmpdir = tempfile.TemporaryDirectory()
    tmp = tmpdir.name
    h = Harness()
    elf = assemble(opts.asm, EXIT5, tmp, ['-O', 'elf'], name='exit5')

    def scenario(name, machine_args, how, want_status, want_reason):
        # The sanitizer check is one of this test's own checks.
        with Emulator([opts.qemu, '-S', '-display', 'none', '-nodefaults'] +
                      machine_args, qmp=True, hmp=True, tmpdir=tmp,
                      check_sanitizers=False) as emu:
            try:
                q = emu.connect_qmp()
                m = emu.connect_hmp()
                m.raw('info status')

                if how == 'qmp':
                    q.send('quit')
                elif how == 'hmp':
                    m.send('quit')
                elif how == 'signal':
                    emu.terminate()
                elif how == 'guest':
                    q.send('cont')
                msgs = q.drain()
                rc = emu.wait(timeout=60)
                err = emu.err
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
                h.check(emu.sanitizer_report() is None,
                        '%s: no sanitizer report' % name, err)
            except (OSError, EOFError, RuntimeError, ValueError,
                    subprocess.TimeoutExpired) as e:
                h.check(False, '%s: session' % name, repr(e))

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
