#!/usr/bin/env python3
#
# Random guest code must never hurt the host process.
#
#   test_fuzz_guest.py --qemu QEMU --isa cr16-isa.json --mode MODE [--seed N]
#
# MODE words: random 16-bit words; MODE insns: random instructions of every
# form of the ISA table (branches, traps, system calls, WAIT, control
# registers included).  Each case puts a prologue that loads random values
# into the general registers, PSR, INTBASE and ISP in front of the random
# body, loads the image as a raw -kernel on "virt" (-bios none, with
# devices in its slots) or "sim", on the native or the interpreting TCG
# backend, with or without -icount, and lets it run.  Meanwhile QMP must
# answer; at the end "quit" must be answered and the emulator must exit
# with status 0, with no sanitizer report.
#
# MODE mmio: the random guest code is a list of loads and stores to the
# peripheral page 0xFF0000-0xFFFFFF (all devices, the slot windows with a
# ns16550a, a cr16-dmatest and a cr16-memcard plugged), including DMA
# transfers with random source, destination and length, while QMP plugs
# and unplugs devices.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

VIRT_LOAD = 0x010000
SIM_LOAD = 0x000000
SLOT_BASE = 0xFF4000
SLOT_SIZE = 0x1000
TESTDEV = 0xFF0300

# (board, backend) for case i is COMBOS[i % 4]: every combination runs.
COMBOS = [('virt', 'native'), ('sim', 'interp'), ('sim', 'native'),
          ('virt', 'interp')]


def board_args(board, backend, rng, image, devices=True):
    args = ['-display', 'none', '-monitor', 'none', '-no-shutdown',
            '-d', 'guest_errors,unimp', '-D', os.devnull,
            '-accel', 'tcg,tcg-backend=' + backend, '-kernel', image]
    if rng.random() < 0.5:
        args += ['-icount', 'shift=%d' % rng.choice([0, 0, 1, 3])]
    if board == 'virt':
        args += ['-M', 'virt', '-bios', 'none', '-serial', 'null']
        if devices:
            args += ['-device', 'cr16-dmatest,slot=0,id=dma0',
                     '-device', 'cr16-memcard,slot=1,id=card0',
                     '-device', 'ns16550a,slot=2,id=uart2']
    else:
        args += ['-M', 'sim']
    return args


def random_psr(rng):
    # Trace (T) and pending trace (P) make every instruction trap; keep
    # them rare so that most cases run the body.
    psr = rng.getrandbits(16) & 0x0fe5
    if rng.random() < 0.9:
        psr &= ~0x0402
    return psr


def build_image(isa, rng, board, body):
    load = VIRT_LOAD if board == 'virt' else SIM_LOAD
    ram_end = 0x110000 if board == 'virt' else 0x1400000
    regs = fz.random_regs(rng, pointer_base=load, pointer_span=0x8000)
    intbase = rng.choice([load + rng.randrange(0x4000) * 2,
                          rng.getrandbits(24) & ~1, 0])
    isp = rng.choice([ram_end - 0x100, rng.getrandbits(24), 0])
    code = fz.prologue(isa, regs, psr=random_psr(rng), intbase=intbase,
                       isp=isp)
    return fz.words_to_bytes(code + body)


def body_words(isa, rng):
    n = rng.randrange(64, 1024)
    style = rng.random()
    words = []
    for _ in range(n):
        if style < 0.3:
            # Favour the escape prefixes and the "0x00xx" page.
            words.append(rng.choice([0x0000, 0x0014, 0x0013, 0x0019,
                                     0x0010, 0x00ff, 0xffff]) if
                         rng.random() < 0.3 else rng.getrandbits(16))
        else:
            words.append(rng.getrandbits(16))
    return words


def body_insns(isa, rng):
    n = rng.randrange(32, 512)
    words = []
    while n:
        form = rng.choice(isa.forms)
        w = isa.random_insn(rng, form)
        if w is not None:
            words += w
            n -= 1
    return words


def run_guest(opts, isa, rng, index, mode, workdir):
    board, backend = COMBOS[index % len(COMBOS)]
    body = body_words(isa, rng) if mode == 'words' else body_insns(isa, rng)
    image = os.path.join(workdir, 'case%d.bin' % index)
    with open(image, 'wb') as f:
        f.write(build_image(isa, rng, board, body))
    args = board_args(board, backend, rng, image)
    run_for = rng.uniform(0.15, 0.4)
    return drive(opts, args, workdir, run_for, rng)


def drive(opts, args, workdir, run_for, rng, during=None):
    """Start, keep QMP busy for @run_for seconds, quit; check the exit."""
    q = fz.Qemu(opts.qemu, args, workdir)
    note = ''
    try:
        try:
            mon = q.qmp()
            mon.negotiate()
        except (EOFError, OSError, fz.CaseFailure):
            if not q.alive():
                # The guest may end the run itself (sim exit call, WAIT).
                q.finish(want_status=None)
                return 'guest ended the run: status %d' % q.proc.returncode
            raise
        deadline = time.monotonic() + run_for
        pings = 0
        states = set()
        try:
            while time.monotonic() < deadline:
                t0 = time.monotonic()
                states.add(mon.ping('p%d' % pings)['status'])
                lag = time.monotonic() - t0
                fz.check(lag < 5, 'QMP took %.1f s to answer while the '
                         'guest ran' % lag)
                pings += 1
                if during:
                    during(mon, pings)
                time.sleep(0.03)
            states.add(mon.ping('last')['status'])
            r = mon.cmd('x-query-registers')
            fz.check('return' in r, 'x-query-registers: %r' % r)
            if rng.random() < 0.5:
                fz.check(mon.cmd('stop') == {'return': {}}, 'stop failed')
                mon.cmd('cont')
            mon.quit()
            mon.drain()
        except (EOFError, ConnectionResetError, BrokenPipeError):
            q.finish(want_status=None)
            return 'guest ended the run: status %d' % q.proc.returncode
        mon.close()
        # With -no-shutdown a guest exit (sim exit call, test device) only
        # stops the machine, and its status is kept for the final exit.
        guest_exit = 'shutdown' in states or any(
            e['event'] == 'SHUTDOWN' and e.get('data', {}).get('guest')
            for e in mon.events)
        q.finish(want_status=None if guest_exit else (0,))
        note = '%d QMP round trips' % pings
        if guest_exit:
            note += ', guest exit (status %d)' % q.proc.returncode
    finally:
        q.kill()
    return note


# ---- MMIO -------------------------------------------------------------------

def mmio_target(rng, slot_kinds):
    """A random address in the peripheral page (never the exit door)."""
    while True:
        pick = rng.random()
        if pick < 0.45:
            slot = rng.randrange(4)
            off = rng.randrange(0x40) if rng.random() < 0.7 else \
                rng.randrange(SLOT_SIZE)
            addr = SLOT_BASE + slot * SLOT_SIZE + off
        elif pick < 0.8:
            base = rng.choice([0xFF0000, 0xFF0100, 0xFF0200, 0xFF0400,
                               0xFFFE00, 0xFFFF00])
            addr = base + rng.randrange(0x40)
        else:
            addr = 0xFF0000 + rng.randrange(0x10000)
        if not TESTDEV <= addr < TESTDEV + 0x10:
            return addr


def mmio_program(isa, rng):
    code = []

    def movd(pair, value):
        code.extend(isa.encode('F085', imm=value & 0xffffffff, rd=pair))

    def store(size, addr, value):
        movd(0, value)
        fid = {1: 'F266', 2: 'F290', 4: 'F278'}[size]
        code.extend(isa.encode(fid, rs=0, disp=addr))

    def load(size, addr):
        fid = {1: 'F230', 2: 'F254', 4: 'F242'}[size]
        code.extend(isa.encode(fid, rd=2, disp=addr))

    def dma_start():
        base = SLOT_BASE
        for reg in (0x04, 0x08):
            store(4, base + reg, rng.choice([
                rng.getrandbits(32), rng.getrandbits(24),
                VIRT_LOAD + rng.randrange(0x10000), 0xFF0000 +
                rng.randrange(0x10000), SLOT_BASE + rng.randrange(0x40),
                0x000000 + rng.randrange(0x10000)]))
        store(4, base + 0x0C, rng.choice([rng.randrange(1, 0x100),
                                          rng.randrange(0x10000),
                                          rng.getrandbits(32), 0]))
        store(4, base + 0x18, rng.getrandbits(1))
        store(4, base + 0x10, 1)

    regs = fz.random_regs(rng, pointer_base=0xFF0000, pointer_span=0x10000)
    code += fz.prologue(isa, regs, psr=random_psr(rng),
                        intbase=VIRT_LOAD + 0x8000, isp=0x10F000)
    for _ in range(rng.randrange(100, 400)):
        pick = rng.random()
        size = rng.choice([1, 2, 4])
        if pick < 0.08:
            dma_start()
        elif pick < 0.65:
            store(size, mmio_target(rng, None),
                  rng.getrandbits(8 * size))
        else:
            load(size, mmio_target(rng, None))
    code += [0x10e0]            # br . : spin while the devices work
    return code


def run_mmio(opts, isa, rng, index, workdir):
    backend = COMBOS[index % len(COMBOS)][1]
    image = os.path.join(workdir, 'mmio%d.bin' % index)
    with open(image, 'wb') as f:
        f.write(fz.words_to_bytes(mmio_program(isa, rng)))
    args = board_args('virt', backend, rng, image, devices=False)
    args += ['-device', 'cr16-dmatest,slot=0,id=dma0,chunk-size=%d,'
             'chunk-ns=%d' % (rng.choice([1, 64, 4096]),
                              rng.choice([0, 100, 1000, 100000])),
             '-device', 'cr16-memcard,slot=1,id=card0',
             '-device', 'ns16550a,slot=2,id=uart2']
    plug = ['cr16-memcard', 'ns16550a', 'cr16-dmatest']

    def hotplug(mon, n):
        # Unplug and replug devices while the guest hammers them.
        if n % 3 == 1:
            mon.cmd('device_del', {'id': rng.choice(['dma0', 'card0',
                                                     'uart2', 'x%d' % n])})
        elif n % 3 == 2:
            mon.cmd('device_add', {'driver': rng.choice(plug),
                                   'id': 'x%d' % (n + 2)})
    return drive(opts, args, workdir, rng.uniform(0.3, 0.6), rng,
                 during=hotplug)


def main():
    ap = fz.arg_parser('random guest code', cases=None)
    ap.add_argument('--mode', choices=['words', 'insns', 'mmio'],
                    required=True)
    opts = fz.parse_args(ap)
    if opts.cases is None:
        opts.cases = 32 if opts.mode == 'mmio' else 48
    isa = fz.Isa(opts.isa)
    tap = fz.Tap(__file__ + ' --mode ' + opts.mode, opts)
    with fz.tmpdir('fuzz-guest-') as workdir:
        if opts.mode == 'mmio':
            fz.run_cases(tap, 'mmio', opts.cases,
                         lambda rng, i: run_mmio(opts, isa, rng, i, workdir),
                         lambda i: COMBOS[i % 4][1])
        else:
            fz.run_cases(tap, opts.mode, opts.cases,
                         lambda rng, i: run_guest(opts, isa, rng, i,
                                                  opts.mode, workdir),
                         lambda i: '%s/%s' % COMBOS[i % 4])
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
