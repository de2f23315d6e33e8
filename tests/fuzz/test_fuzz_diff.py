#!/usr/bin/env python3
#
# Differential test of the two TCG backends.
#
#   test_fuzz_diff.py --qemu QEMU --isa cr16-isa.json [--seed N] [--case K]
#
# Each case is a random program of valid instructions (every form of the
# ISA table except those that leave the program: jumps, calls, returns,
# system calls, WAIT) with forward branches to instruction boundaries
# mixed in, random initial registers (PSR included) and a random data
# window.  It runs once under -accel tcg,tcg-backend=native and once under
# tcg-backend=interp on the "sim" board, each driven through the gdbstub:
# the program, registers and data are written with M/G packets, a
# breakpoint sits after the last instruction and another on the handler
# every exception vector points to (IAD from a wild address, UND, trace
# traps), and after the stop the registers ("g") and the memory windows
# ("m") of both runs must be identical.  A difference prints the seed, the
# initial state, the program (as words) and both final states.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

VECTORS = 0x0200        # INTBASE: 16-bit entries, all -> HANDLER
HANDLER = 0x0400
ISP = 0x0ff0
CODE = 0x1000
DATA = 0x8000
DATA_SIZE = 0x2000

# Forms that leave the program or talk to the host; branches are made
# separately, with known targets.
EXCLUDED = {'BCOND', 'BEQ0', 'BNE0', 'JCOND', 'JUSR', 'BAL', 'JAL',
            'POPRET', 'RETX', 'EXCP', 'WAIT', 'EIWAIT'}

REG16 = ['r%d' % i for i in range(12)]
REG32 = ['r12', 'r13', 'ra', 'sp', 'pc', 'isp', 'usp', 'intbase', 'psr',
         'cfg', 'dbs', 'dcr', 'dsr', 'car0', 'car1']


def regs_to_g(regs):
    out = ''
    for name in REG16:
        out += (regs.get(name, 0) & 0xffff).to_bytes(2, 'little').hex()
    for name in REG32:
        out += (regs.get(name, 0) & 0xffffffff).to_bytes(4, 'little').hex()
    return out


def g_to_regs(text):
    fz.check(len(text) == 168, 'g reply of %d digits: %r' % (len(text),
                                                             text[:200]))
    raw = bytes.fromhex(text)
    regs = {}
    pos = 0
    for name in REG16:
        regs[name] = int.from_bytes(raw[pos:pos + 2], 'little')
        pos += 2
    for name in REG32:
        regs[name] = int.from_bytes(raw[pos:pos + 4], 'little')
        pos += 4
    return regs


class Program:
    """Random instructions plus forward branches, laid out at CODE."""

    def __init__(self, isa, rng, count):
        self.isa = isa
        forms = [f for f in isa.forms if f['trans'] not in EXCLUDED]
        items = []
        while len(items) < count:
            pick = rng.random()
            if pick < 0.08:
                kind = rng.choice(['F111', 'F111', 'F112', 'F114', 'F115',
                                   'F116', 'F117'])
                items.append(('branch', kind, rng.randrange(1, 12),
                              rng.randrange(16)))
                continue
            form = rng.choice(forms)
            words = isa.random_insn(rng, form)
            if words is None:
                continue
            if form['trans'] == 'LPR':
                # Only PSR: INTBASE/ISP/CFG would send traps elsewhere.
                words = isa.encode(form['id'], rs=rng.randrange(16),
                                   pr=9)
            if rng.random() < 0.95:
                # Mostly aim memory accesses at the data window, so that
                # the program goes on instead of taking IAD at once.
                fields = isa.fields(form, words)
                for pair in self.pointer_pairs(fields, form):
                    ptr = DATA + rng.randrange(DATA_SIZE - 0x100)
                    if fields.get('disp', ('',))[0] == 'nd20':
                        # base - (0x100000 - raw) must stay >= 0
                        ptr += 0x100000 - fields['disp'][1]
                    items.append(('insn', isa.encode('F085', imm=ptr,
                                                     rd=pair)))
            items.append(('insn', words))
        self.items = items
        self.words = self.layout()

    @staticmethod
    def pointer_pairs(fields, form):
        """Register pairs an instruction takes an address from."""
        pairs = []
        for name, (kind, raw) in fields.items():
            if name == 'rp' and kind == 'pair':
                pairs.append(raw)
            elif kind == 'rpx':
                pairs.append([0, 2, 4, 6, 8, 10, 3, 5][raw])
            elif kind == 'xi':
                pairs.append(12 + raw)
        if form['trans'] in ('PUSH', 'POP'):
            pairs.append(15)
        elif form['trans'] in ('LOADM', 'STORM'):
            pairs.append(0)
        return pairs

    def layout(self):
        nop = self.isa.encode('F325')
        offsets = []
        pos = 0
        for it in self.items:
            offsets.append(pos)
            if it[0] == 'branch':
                pos += 2 * len(self.isa.by_id[it[1]]['match'])
            else:
                pos += 2 * len(it[1])
        offsets.append(pos)
        self.offsets = offsets
        words = []
        for i, it in enumerate(self.items):
            if it[0] == 'insn':
                words += it[1]
                continue
            _, fid, ahead, cc = it
            target = min(i + ahead, len(self.items))
            disp = offsets[target] - offsets[i]
            size = len(self.isa.by_id[fid]['match'])
            if fid == 'F111' and 2 <= disp <= 254:
                words += self.isa.encode(fid, cc=cc, disp=disp >> 1)
            elif fid == 'F112' and 2 <= disp <= 0xfffe:
                words += self.isa.encode(fid, cc=cc, disp=disp)
            elif fid in ('F114', 'F115', 'F116', 'F117') and \
                    2 <= disp <= 32:
                words += self.isa.encode(fid, rs=cc, disp=(disp - 2) >> 1)
            else:
                words += nop * size
        return words

    def bytes(self):
        return fz.words_to_bytes(self.words)


def initial_state(rng, end):
    regs = fz.random_regs(rng, pointer_base=DATA, pointer_span=DATA_SIZE)
    # Any PSR bit but the reserved ones; U=1 runs the program in user
    # mode (sp is then USP, LPR traps).
    psr = rng.getrandbits(16) & 0x0fed
    if rng.random() < 0.95:
        psr &= ~0x0402                      # T and P: trace traps
    regs.update(pc=CODE, isp=ISP, intbase=VECTORS, psr=psr,
                usp=DATA + rng.randrange(DATA_SIZE))
    return regs


class Run:
    """One backend's emulator, driven over the gdbstub."""

    def __init__(self, opts, backend, extra, workdir):
        self.sock = os.path.join(workdir, backend + '-gdb.sock')
        if os.path.exists(self.sock):
            os.unlink(self.sock)
        args = ['-M', 'sim', '-S', '-display', 'none', '-monitor', 'none',
                '-accel', 'tcg,tcg-backend=' + backend,
                '-gdb', 'unix:%s,server=on,wait=off' % self.sock] + extra
        self.q = fz.Qemu(opts.qemu, args, workdir, qmp=False, name=backend)
        self.gdb = None

    def connect(self):
        deadline = time.monotonic() + 20
        while True:
            fz.check(self.q.alive(), 'emulator exited: %s' %
                     self.q.stderr())
            try:
                self.gdb = fz.GDB(self.sock)
                break
            except OSError:
                fz.check(time.monotonic() < deadline, 'no gdb socket')
                time.sleep(0.01)
        self.gdb.start_noack()
        fz.check(self.gdb.cmd('?').startswith('T'), 'not stopped')

    def write(self, addr, data):
        for off in range(0, len(data), 1024):
            chunk = data[off:off + 1024]
            r = self.gdb.cmd('M%x,%x:%s' % (addr + off, len(chunk),
                                           chunk.hex()))
            fz.check(r == 'OK', 'M at %#x: %r' % (addr + off, r))

    def read(self, addr, size):
        out = b''
        for off in range(0, size, 2000):
            n = min(2000, size - off)
            r = self.gdb.cmd('m%x,%x' % (addr + off, n))
            fz.check(len(r) == 2 * n, 'm at %#x: %r' % (addr + off, r[:40]))
            out += bytes.fromhex(r)
        return out

    def setup(self, prog, regs, data):
        handler = fz.words_to_bytes(self.isa_nop * 8)
        table = ((HANDLER >> 1).to_bytes(2, 'little')) * 64
        self.write(VECTORS, table)
        self.write(HANDLER, handler)
        self.write(DATA, data)
        self.write(CODE, prog)
        r = self.gdb.cmd('G' + regs_to_g(regs))
        fz.check(r == 'OK', 'G: %r' % r)
        for addr in (HANDLER, CODE + len(prog)):
            r = self.gdb.cmd('Z0,%x,2' % addr)
            fz.check(r == 'OK', 'Z0 at %#x: %r' % (addr, r))

    def go(self):
        if not self.step:
            self.gdb.send('c')

    def single_steps(self, stops):
        """Step one instruction at a time until a stop address."""
        for _ in range(20000):
            reply = self.gdb.cmd('s', timeout=20)
            pc = None
            for part in reply.split(';'):
                if part.startswith('10:'):
                    pc = int.from_bytes(bytes.fromhex(part[3:]), 'little')
            fz.check(pc is not None, 'stop reply without pc: %r' % reply)
            if pc in stops:
                return reply
        return 'timeout (stepped 20000 times)'

    def result(self, timeout, stops):
        if self.step:
            stop = self.single_steps(stops)
        else:
            try:
                stop = self.gdb.packet(timeout)
            except (TimeoutError, OSError):
                self.gdb.interrupt()
                stop = 'timeout ' + self.gdb.packet(10)
        regs = g_to_regs(self.gdb.cmd('g'))
        mem = (self.read(DATA, DATA_SIZE), self.read(0x0e00, 0x200),
               self.read(CODE, 0x400))
        return stop, regs, mem

    def quit(self):
        self.gdb.send('k')
        self.q.finish(want_status=(0,), timeout=30)


def describe_regs(regs):
    return ' '.join('%s=%x' % (k, regs.get(k, 0)) for k in REG16 + REG32)


def run_case(opts, isa, rng, index, workdir):
    prog = Program(isa, rng, rng.randrange(16, 160))
    code = prog.bytes()
    regs = initial_state(rng, CODE + len(code))
    data = bytes(rng.getrandbits(8) for _ in range(DATA_SIZE))
    extra = []
    if rng.random() < 0.4:
        extra = ['-icount', 'shift=0']
    # Every third case the interpreter runs one instruction per TB,
    # stepped by the debugger: that also checks the translation of whole
    # blocks (flags and state carried across instructions) against it.
    step = index % 3 == 2
    runs = [Run(opts, b, extra, workdir) for b in ('native', 'interp')]
    runs[1].step = step
    runs[0].step = False
    results = []
    try:
        for r in runs:
            r.isa_nop = isa.encode('F325')
            r.connect()
            r.setup(code, regs, data)
        for r in runs:
            r.go()
        for r in runs:
            results.append(r.result(20, (HANDLER, CODE + len(code))))
        for r in runs:
            r.quit()
    finally:
        for r in runs:
            r.q.kill()
            if r.gdb:
                r.gdb.close()
    (stop_n, regs_n, mem_n), (stop_i, regs_i, mem_i) = results
    if stop_n.startswith('timeout') and stop_i.startswith('timeout'):
        # Self-modified into an endless loop: nothing to compare.
        return 'both runs looped (inconclusive)'
    diffs = []
    if stop_n.split('thread')[0] != stop_i.split('thread')[0] or \
            regs_n['pc'] != regs_i['pc']:
        diffs.append('stop: native %r, interp %r' % (stop_n, stop_i))
    for k in REG16 + REG32:
        if regs_n[k] != regs_i[k]:
            diffs.append('%s: native %#x, interp %#x' % (k, regs_n[k],
                                                          regs_i[k]))
    names = ('data window %#x' % DATA, 'stack 0xe00', 'code %#x' % CODE)
    for name, a, b in zip(names, mem_n, mem_i):
        if a != b:
            first = next(i for i in range(len(a)) if a[i] != b[i])
            diffs.append('%s differs first at +%#x: native %s, interp %s' %
                         (name, first, a[first:first + 8].hex(),
                          b[first:first + 8].hex()))
    if diffs:
        raise fz.CaseFailure(
            'backends disagree (%s%s):\n%s\ninitial: %s\nprogram at %#x '
            '(%d words): %s\nnative final: %s' %
            (' '.join(extra) or 'no icount',
             ', interp single-stepped' if step else '', '\n'.join(diffs),
             describe_regs(regs), CODE, len(prog.words),
             ' '.join('%04x' % w for w in prog.words),
             describe_regs(regs_n)))
    if regs_n['pc'] == CODE + len(code):
        where = 'the end'
    elif regs_n['pc'] == HANDLER:
        # The frame on the interrupt stack: return address >> 1, PSR.
        frame = regs_n['isp'] - 0x0e00
        ret = int.from_bytes(mem_n[1][frame:frame + 4], 'little') << 1
        off = ret - CODE
        k = sum(1 for o in prog.offsets[:-1] if o <= off)
        where = 'a trap near insn %d' % k
    else:
        where = 'pc %#x' % regs_n['pc']
    return '%d insns, stopped at %s%s' % (len(prog.items), where,
                                          ', stepped' if step else '')


def main():
    ap = fz.arg_parser('TCG backend differential test', cases=150)
    opts = fz.parse_args(ap)
    isa = fz.Isa(opts.isa)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-diff-') as workdir:
        fz.run_cases(tap, 'diff', opts.cases,
                     lambda rng, i: run_case(opts, isa, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
