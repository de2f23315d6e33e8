#!/usr/bin/env python3
#
# Command-line fuzzing.
#
#   test_fuzz_cmdline.py --qemu QEMU [--seed N] [--case K]
#
# Each case picks a handful of valid options (machines and their
# properties, -m, -cpu, -device with properties, -chardev of several
# backends, -serial, -icount, -accel, -d, ...), damages some of them
# (characters changed, dropped or repeated, values replaced by extreme
# numbers, empty strings or "help", option names swapped or unknown,
# a missing last argument) and starts the emulator with a QMP socket.
# It must either
#   - exit with status 1 and one error line "qemu-system-cr16: ..."
#     (warnings may come before it, a hint after it),
#   - exit with status 0 (help output, or a guest that ends at once), or
#   - start, answer QMP and exit with status 0 on "quit",
# never crash, hang or report a sanitizer error.  Mutations never create
# host files outside the test directory (no "/" in any argument) and
# never ask the emulator to wait for a socket client.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

BOARDS = [['-M', 'virt'], ['-M', 'virt,slots=6'],
          ['-machine', 'virt,surprise-removal=3,rtc-clock=vm'],
          ['-M', 'sim'], ['-machine', 'sim,load-vma=on'],
          ['-M', 'none'], ['-machine', 'type=virt'],
          ['-M', 'virt', '-bios', 'none']]

OPTIONS = [
    ['-m', '2M'], ['-m', '512K'], ['-m', 'size=1M'], ['-m', '1.5M'],
    ['-cpu', 'cr16c-plus'], ['-cpu', 'cr16c'],
    ['-chardev', 'null,id=c0'],
    ['-chardev', 'file,id=c1,path=out.txt,append=on'],
    ['-chardev', 'socket,id=c2,path=c2.sock,server=on,wait=off'],
    ['-chardev', 'null,id=c4,mux=on,logfile=mux.log'],
    ['-device', 'ns16550a,chardev=c0,slot=1'],
    ['-device', 'ns16550a,chardev=c0,regshift=2,baudbase=9600'],
    ['-device', 'cr16-memcard,bus=slot.2,size=1024,id=card'],
    ['-device', 'cr16-dmatest,chunk-size=16,chunk-ns=0'],
    ['-device', 'cr16-testdev,addr=0xff8000'],
    ['-device', 'loader,addr=0x20000,data=0x1234,data-len=2'],
    ['-device', 'loader,addr=0x10000,cpu-num=0'],
    ['-device', 'ns16550a,help'],
    ['-serial', 'null'], ['-serial', 'chardev:c0'],
    ['-serial', 'file:ser.txt'], ['-serial', 'none'],
    ['-serial', 'unix:s.sock,server=on,wait=off'],
    ['-icount', 'shift=0'], ['-icount', '3'],
    ['-accel', 'tcg,tcg-backend=interp'], ['-accel', 'tcg,tb-size=8'],
    ['-accel', 'tcg,tcg-backend=native'],
    ['-name', 'guest=fuzz'], ['-d', 'guest_errors,unimp'],
    ['-D', 'log.txt'], ['-no-reboot'], ['-append', 'console=uart0'],
    ['-semihosting'], ['-nodefaults'], ['-S'], ['-no-shutdown'],
    ['-bios', 'none'], ['-kernel', 'nothing.elf'],
    ['-mon', 'chardev=c0,mode=readline'],
]

NAMES = sorted({o[0] for o in OPTIONS} | {'-machine', '-M', '-frobnicate',
                                          '--m', '-', '--', '-version',
                                          '-h'})
EXTREME = ['', 'help', '?', '0', '-1', '99999999999999999999',
           '18446744073709551616', '4G', '1T', '0x', 'on', 'off', ',', ',,',
           '=', 'id=', 'a' * 300, 'slot=-1', 'slots=0', 'slots=99',
           'shift=99', 'tb-size=0', 'tb-size=999999', 'x=y=z',
           'ns16550a,chardev=', 'cr16-memcard,size=3', 'chardev:',
           'mon:', 'null,id=', 'virt,slots=', 'sim,load-vma=maybe']


# Command lines that once crashed the emulator: the first cases.
REGRESSIONS = [
    # The serial port's chardev already taken by a monitor: the board set
    # the UART's chardev with &error_abort.  Now a clean error.
    ['-M', 'virt', '-mon', 'chardev=c0,mode=readline',
     '-serial', 'chardev:c0', '-chardev', 'null,id=c0'],
]


def mutate_text(rng, text):
    chars = list(text)
    for _ in range(rng.randrange(1, 4)):
        op = rng.randrange(5)
        i = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            chars[min(i, len(chars) - 1)] = chr(rng.randrange(32, 127))
        elif op == 1 and chars:
            del chars[min(i, len(chars) - 1)]
        elif op == 2:
            chars.insert(i, rng.choice(',=:.-0 \t'))
        elif op == 3:
            chars[i:i] = chars[i:i + rng.randrange(1, 8)] * 2
        else:
            chars[i:] = list(rng.choice(EXTREME))
    return ''.join(chars)


def safe_arg(arg):
    """No host path outside the work dir, no socket that waits."""
    if '/' in arg:
        return False
    if 'server' in arg and 'wait=off' not in arg:
        return False
    if any(w in arg for w in ('host=', 'port=', 'tcp:', 'udp:',
                              'telnet', 'daemonize', 'pidfile')):
        return False
    return True


def build_args(rng):
    args = list(rng.choice(BOARDS))
    for opt in rng.sample(OPTIONS, rng.randrange(1, 7)):
        args += opt
    if any('c0' in a for a in args) and 'null,id=c0' not in args:
        args += ['-chardev', 'null,id=c0']
    # Some cases stay valid, to check that they really start.
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        i = rng.randrange(len(args))
        pick = rng.random()
        if pick < 0.6:
            args[i] = mutate_text(rng, args[i]) if args[i] else 'x'
        elif pick < 0.75:
            args[i] = rng.choice(EXTREME)
        elif pick < 0.85:
            args[i] = rng.choice(NAMES)
        elif pick < 0.92:
            args.insert(i, rng.choice(NAMES))
        else:
            del args[i:]
            args.append(rng.choice(NAMES))
    args = [a for a in args if safe_arg(a)]
    # A guest or a board that wants a monitor on stdio must not get one.
    return args + ['-display', 'none', '-monitor', 'none']


def run_case(opts, rng, index, workdir):
    if index < len(REGRESSIONS):
        args = REGRESSIONS[index] + ['-display', 'none', '-monitor', 'none']
    else:
        args = build_args(rng)
    q = fz.Qemu(opts.qemu, args, workdir)
    shown = ' '.join(fz.shellquote(a) for a in args)
    try:
        note = fz.start_or_refuse(q, shown)
    except fz.CaseFailure as e:
        if shown not in str(e):
            raise fz.CaseFailure('%s\nargs: %s' % (e, shown))
        raise
    finally:
        q.kill()
    return '%s: %s' % (note, shown) if not note.startswith('refused') \
        else note


def main():
    ap = fz.arg_parser('command-line fuzzing', cases=500)
    opts = fz.parse_args(ap)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-cmdline-') as workdir:
        fz.run_cases(tap, 'cmdline', opts.cases,
                     lambda rng, i: run_case(opts, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
