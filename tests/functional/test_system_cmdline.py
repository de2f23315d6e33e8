#!/usr/bin/env python3
#
# The qemu-system-cr16 command line as a user meets it: the help forms,
# and every kind of bad input, which must give exactly one line on
# stderr ("qemu-system-cr16: -opt value: why") and exit status 1.
#
#   test_system_cmdline.py --qemu PATH [--as cr16-as]
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Emulator, Harness, assemble, check,  # noqa: E402
                       parse_args, run_qemu)

PROG = 'qemu-system-cr16: '


def qemu(args, timeout=30, **kw):
    return run_qemu([QEMU] + args, stdin=subprocess.DEVNULL,
                    timeout=timeout, **kw)


def expect_ok(args, want_in_stdout):
    r = qemu(args)
    check(r.returncode == 0, '%s: status %d, stderr %r' %
          (args, r.returncode, r.stderr))
    for w in want_in_stdout:
        check(w in r.stdout, '%s: %r missing from stdout:\n%s' %
              (args, w, r.stdout))


def expect_error(args, *words):
    """Status 1 and one line 'qemu-system-cr16: ...' with all of @words."""
    r = qemu(args)
    err = r.stderr
    check(r.returncode == 1, '%s: status %d (want 1), stderr %r' %
          (args, r.returncode, err))
    lines = err.splitlines()
    check(len(lines) == 1, '%s: want one line on stderr, got:\n%s' %
          (args, err))
    check(lines[0].startswith(PROG), '%s: %r lacks the program name' %
          (args, lines[0]))
    for w in words:
        check(w in lines[0], '%s: %r not in %r' % (args, w, lines[0]))
    check(r.stdout == '', '%s: unexpected stdout %r' % (args, r.stdout))


def main():
    global QEMU
    opts = parse_args(asm='optional')
    QEMU = opts.qemu
    tmp = tempfile.TemporaryDirectory()
    h = Harness()

    # ---- help and version -------------------------------------------------
    h.run('version', lambda: expect_ok(['--version'],
                                       ['QEMU emulator version']))
    h.run('version-single-dash', lambda: expect_ok(['-version'],
                                                   ['qemu-cr16']))
    h.run('help', lambda: expect_ok(['--help'],
                                    ['-machine', '-kernel', '-nographic',
                                     '-chardev', '-icount', '-semihosting']))
    h.run('machine-help', lambda: expect_ok(['-machine', 'help'],
                                            ['sim ', 'none ']))
    h.run('M-help', lambda: expect_ok(['-M', 'help'], ['sim ']))
    h.run('machine-props-help',
          lambda: expect_ok(['-M', 'sim,help'], ['load-vma=<bool>']))
    h.run('cpu-help', lambda: expect_ok(['-cpu', 'help'],
                                        ['cr16c ', 'cr16c-plus']))
    h.run('device-help', lambda: expect_ok(['-device', 'help'],
                                           ['"cr16-testdev"']))
    h.run('device-props-help',
          lambda: expect_ok(['-device', 'cr16-testdev,help'],
                            ['addr=<uint64>']))
    h.run('d-help', lambda: expect_ok(['-d', 'help'], ['guest_errors']))
    h.run('chardev-help', lambda: expect_ok(['-chardev', 'help'],
                                            ['socket', 'stdio', 'pty']))
    h.run('accel-help', lambda: expect_ok(['-accel', 'help'],
                                          ['tcg', 'qtest']))

    # ---- bad input: one line, status 1 ------------------------------------
    h.run('unknown-option', lambda: expect_error(['-foo'], '-foo'))
    h.run('missing-argument', lambda: expect_error(['-m'], '-m'))
    h.run('stray-argument', lambda: expect_error(['disk.img'], 'disk.img'))
    h.run('unknown-machine',
          lambda: expect_error(['-M', 'nosuch'], 'nosuch', 'machine'))
    h.run('unknown-machine-prop',
          lambda: expect_error(['-M', 'sim,colour=red'], 'colour'))
    h.run('unknown-device',
          lambda: expect_error(['-M', 'sim', '-device', 'nosuch'],
                               '-device nosuch', 'nosuch'))
    h.run('bad-property-value',
          lambda: expect_error(['-M', 'sim', '-device',
                                'cr16-testdev,addr=zzz'], 'addr', 'zzz'))
    h.run('unknown-property',
          lambda: expect_error(['-M', 'sim', '-device',
                                'cr16-testdev,colour=red'], 'colour'))
    h.run('duplicate-device-id',
          lambda: expect_error(['-M', 'sim',
                                '-device', 'cr16-testdev,id=t,addr=0xff0000',
                                '-device', 'cr16-testdev,id=t,addr=0xff0010'],
                               "'t'"))
    h.run('missing-kernel',
          lambda: expect_error(['-M', 'sim', '-kernel',
                                os.path.join(tmp.name, 'nope.elf')],
                               'nope.elf'))

    trunc = os.path.join(tmp.name, 'trunc.elf')
    with open(trunc, 'wb') as f:
        # A CR16 ELF header cut short after 30 bytes.
        f.write(b'\x7fELF\x01\x01\x01' + bytes(9) + b'\x02\x00\xb1\x00'
                + bytes(10))
    h.run('truncated-elf',
          lambda: expect_error(['-M', 'sim', '-kernel', trunc],
                               'trunc.elf', 'truncated'))

    # The interpreter running this script is an ELF for another machine.
    h.run('non-cr16-elf',
          lambda: expect_error(['-M', 'sim', '-kernel',
                                os.path.realpath(sys.executable)],
                               'machine'))
    if opts.asm:
        elf = assemble(opts.asm, '    .text\n    .global _start\n_start:\n'
                       '    br _start\n', tmp.name, name='seg')
        with open(elf, 'rb') as f:
            data = f.read()
        # Keep the headers, cut inside the first segment's data.
        phoff = struct.unpack_from('<I', data, 28)[0]
        seg_off = struct.unpack_from('<I', data, phoff + 4)[0]
        cut = os.path.join(tmp.name, 'cut.elf')
        with open(cut, 'wb') as f:
            f.write(data[:seg_off + 1])
        h.run('elf-segment-past-eof',
              lambda: expect_error(['-M', 'sim', '-kernel', cut],
                                   'cut.elf', 'truncated'))

    h.run('loader-nothing-to-do',
          lambda: expect_error(['-M', 'sim', '-device', 'loader'],
                               '-device loader', 'nothing'))
    h.run('loader-no-such-cpu',
          lambda: expect_error(['-M', 'sim', '-device',
                                'loader,addr=0,cpu-num=5'], 'CPU 5'))
    h.run('loader-missing-file',
          lambda: expect_error(['-M', 'sim', '-device',
                                'loader,file=/nonexistent.bin,addr=0'],
                               'nonexistent'))
    h.run('loader-outside-memory',
          lambda: expect_error(['-M', 'sim', '-device',
                                'loader,addr=0x7fff0000,data=1,data-len=1'],
                               'memory'))
    h.run('ram-too-large',
          lambda: expect_error(['-M', 'sim', '-m', '8G'], '-m 8G', 'large'))
    h.run('ram-bad-size',
          lambda: expect_error(['-M', 'sim', '-m', 'lots'], '-m lots'))
    h.run('unknown-cpu',
          lambda: expect_error(['-M', 'sim', '-cpu', 'z80'], '-cpu z80'))
    h.run('unknown-log-item',
          lambda: expect_error(['-d', 'nosuch'], '-d nosuch', 'nosuch'))
    h.run('bad-serial',
          lambda: expect_error(['-serial', 'bogus:x'], '-serial bogus:x'))
    h.run('bad-chardev-backend',
          lambda: expect_error(['-chardev', 'nosuch,id=c'], 'nosuch'))
    h.run('chardev-without-id',
          lambda: expect_error(['-chardev', 'null'], 'id'))
    h.run('bad-accel', lambda: expect_error(['-accel', 'kvm'], 'kvm'))
    h.run('bad-icount',
          lambda: expect_error(['-icount', 'shift=99'], '-icount'))
    h.run('bad-display',
          lambda: expect_error(['-display', 'gtk'], 'gtk'))

    # ---- orderly shutdown on a signal --------------------------------------
    def sigterm():
        with Emulator([QEMU, '-M', 'none', '-display', 'none']) as emu:
            time.sleep(0.5)
            emu.terminate()
            status = emu.wait(timeout=20)
            check(status == 0, 'status %d, stderr %r' % (status, emu.err))
            check('terminating on signal 15' in emu.err,
                  'stderr %r' % emu.err)
    h.run('sigterm-exits-cleanly', sigterm)

    return h.finish()


if __name__ == '__main__':
    sys.exit(main())
