#!/usr/bin/env python3
"""HMP over a Unix socket against the real qemu-system-cr16.

For every machine the binary offers, start it stopped (-S) with a
readline monitor, check the banner and prompt, run every "info"
subcommand that "help info" lists (none may fail), then a few commands,
and quit.  Prints TAP.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, machines, parse_args  # noqa: E402


def main():
    opts = parse_args(asm=False)
    h = Harness(sep=' ')
    check = h.check

    for mach in machines(opts.qemu):
        with Emulator([opts.qemu, '-M', mach, '-S', '-display', 'none'],
                      hmp=True) as emu:
            try:
                m = emu.connect_hmp()
                hello = m.banner
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
                # "none" builds no memory map, so there may be nothing to
                # show.
                check(mtree.startswith('address-space') or
                      (mach == 'none' and mtree == ''),
                      '%s: info mtree' % mach, mtree)
                m.send('quit')
                rc = emu.wait(timeout=10)
                check(rc == 0, '%s: quit exits with status 0' % mach, rc)
            except Exception as e:
                check(False, '%s: unexpected exception' % mach, repr(e))
    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
