#!/usr/bin/env python3
#
# Shared pieces of the robustness ("fuzz") tests in tests/fuzz/.
#
# Every test here drives a real qemu-system-cr16 with inputs made by a
# seeded pseudo-random generator, so a failure is reproduced by running the
# same script with the same --seed (and --case to run just one case).  The
# helpers below start the emulator, speak QMP and the GDB remote protocol
# through plain sockets, look for sanitizer reports on its stderr and build
# CR16 machine code from the ISA table the assembler uses.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import traceback

# Lines that mean the emulator itself went wrong, whatever its exit status:
# sanitizer reports, glib assertion failures and criticals.
BAD_STDERR = (
    'ERROR: AddressSanitizer',
    'ERROR: LeakSanitizer',
    'AddressSanitizer:DEADLYSIGNAL',
    'runtime error:',
    'UndefinedBehaviorSanitizer',
    'SUMMARY: AddressSanitizer',
    'SUMMARY: UndefinedBehaviorSanitizer',
    'assertion failed',
    'Assertion `',
    '-CRITICAL **',
    '**ERROR**',
    'Bail out!',
)


# The seed "make check" uses; FUZZ_SEED in the environment overrides it.
DEFAULT_SEED = 20261121


class CaseFailure(Exception):
    """One fuzz case found a problem; the message says which and why."""


def check(cond, msg):
    if not cond:
        raise CaseFailure(msg)


# ---------------------------------------------------------------------------
# Command line and TAP


def arg_parser(desc, cases, budget=45.0):
    ap = argparse.ArgumentParser(description=desc)
    ap.add_argument('--qemu', required=True, help='qemu-system-cr16 binary')
    ap.add_argument('--as', dest='asm', help='scripts/cr16-as')
    ap.add_argument('--isa', help='cr16-isa.json from the build tree')
    ap.add_argument('--seed', type=int,
                    default=int(os.environ.get('FUZZ_SEED', DEFAULT_SEED)),
                    help='base seed (every case derives its own from it); '
                    'default $FUZZ_SEED or %d' % DEFAULT_SEED)
    ap.add_argument('--cases', type=int, default=cases,
                    help='number of cases to run')
    ap.add_argument('--case', type=int, action='append',
                    help='run only this case number (repeatable)')
    ap.add_argument('--budget', type=float,
                    default=float(os.environ.get('FUZZ_BUDGET', budget)),
                    help='stop starting new cases after this many seconds')
    ap.add_argument('--verbose', '-v', action='store_true')
    return ap


def parse_args(ap):
    """Parse; make the paths absolute (the emulator runs in a temp dir)."""
    opts = ap.parse_args()
    for name in ('qemu', 'asm', 'isa'):
        if getattr(opts, name):
            setattr(opts, name, os.path.abspath(getattr(opts, name)))
    return opts


def case_rng(seed, name, index):
    """The generator of one case: depends only on (seed, name, index)."""
    return random.Random('%d:%s:%d' % (seed, name, index))


class Tap:
    """Minimal TAP producer; the plan is printed at the end."""

    def __init__(self, script, opts):
        self.n = 0
        self.failed = 0
        self.script = script
        self.opts = opts
        self.start = time.monotonic()
        print('# %s: seed %d, %d cases, budget %.0f s' %
              (os.path.basename(script), opts.seed, opts.cases, opts.budget))
        print('# reproduce one case: %s --qemu QEMU ... --seed %d --case N' %
              (os.path.basename(script), opts.seed))
        sys.stdout.flush()

    def elapsed(self):
        return time.monotonic() - self.start

    def over_budget(self):
        return self.elapsed() > self.opts.budget

    def wanted(self, index):
        return not self.opts.case or index in self.opts.case

    def run(self, name, fn, *args):
        self.n += 1
        t0 = time.monotonic()
        try:
            note = fn(*args)
            print('ok %d - %s (%.1f s)%s' % (self.n, name,
                                              time.monotonic() - t0,
                                              ' # ' + note if note else ''))
        except (CaseFailure, AssertionError, subprocess.TimeoutExpired,
                OSError, EOFError, ValueError) as e:
            self.failed += 1
            print('not ok %d - %s' % (self.n, name))
            print('# seed %d; rerun with --seed %d and the case number' %
                  (self.opts.seed, self.opts.seed))
            for line in str(e).splitlines()[:80]:
                print('#   ' + line)
            if not isinstance(e, CaseFailure):
                # Where a timeout or a broken connection hit us.
                for line in traceback.format_exc(limit=-4).splitlines():
                    print('#   ' + line)
        sys.stdout.flush()

    def note(self, text):
        for line in text.splitlines():
            print('# ' + line)
        sys.stdout.flush()

    def finish(self):
        if self.n == 0:
            print('1..0 # SKIP nothing selected')
            return 0
        print('1..%d' % self.n)
        print('# %d cases in %.1f s, %d failed' % (self.n, self.elapsed(),
                                                   self.failed))
        return 1 if self.failed else 0


def run_cases(tap, name, count, fn, describe=None):
    """Run fn(rng, index) for each case, honouring --case and --budget."""
    skipped = 0
    for i in sorted(tap.opts.case) if tap.opts.case else range(count):
        if not tap.opts.case and tap.over_budget():
            skipped += 1
            continue
        rng = case_rng(tap.opts.seed, name, i)
        label = '%s case %d' % (name, i)
        if describe:
            label += ' (%s)' % describe(i)
        tap.run(label, fn, rng, i)
    if skipped:
        tap.note('%s: time budget reached, %d cases not run' % (name,
                                                                 skipped))


# ---------------------------------------------------------------------------
# The emulator process


def stderr_problems(text):
    """Lines of @text that show a bug in the emulator."""
    bad = []
    for line in text.splitlines():
        if any(p in line for p in BAD_STDERR):
            bad.append(line)
    return bad


class Qemu:
    """One qemu-system-cr16 process with a QMP socket.

    stdout goes to /dev/null, stderr to a file, so a guest that floods
    either cannot block the emulator on a full pipe.
    """

    def __init__(self, binary, args, workdir, qmp=True, stdin=None,
                 name='qemu'):
        self.workdir = workdir
        self.args = list(args)
        self.qmp_path = None
        if qmp:
            self.qmp_path = os.path.join(workdir, name + '-qmp.sock')
            if os.path.exists(self.qmp_path):
                os.unlink(self.qmp_path)
            self.args += ['-qmp', 'unix:%s,server=on,wait=off' %
                          self.qmp_path]
        self.cmdline = [binary] + self.args
        self.err_path = os.path.join(workdir, name + '.stderr')
        with open(self.err_path, 'wb') as err:
            self.proc = subprocess.Popen(self.cmdline, cwd=workdir,
                                         stdin=stdin or subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL,
                                         stderr=err)

    def describe(self):
        return ' '.join(shellquote(a) for a in self.cmdline)

    def alive(self):
        return self.proc.poll() is None

    def stderr(self):
        """stderr; if a guest flooded it, its start and its end.

        A sanitizer report is the last thing the emulator writes, so the
        end is always kept.
        """
        with open(self.err_path, 'rb') as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(0)
            if size <= 2 << 20:
                data = f.read()
            else:
                data = f.read(256 << 10) + b'\n[...]\n'
                f.seek(size - (1 << 20))
                data += f.read()
        return data.decode('utf-8', 'replace')

    def qmp(self, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            check(self.alive(), 'emulator exited (status %s) before QMP '
                  'came up\n%s' % (self.proc.returncode, self.stderr()))
            try:
                return QMP(self.qmp_path)
            except OSError:
                if time.monotonic() > deadline:
                    raise CaseFailure('no QMP socket after %d s' % timeout)
                time.sleep(0.02)

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.alive():
            self.proc.kill()
            self.proc.wait()

    def problems(self):
        """Sanitizer reports, assertions, deaths by signal."""
        bad = stderr_problems(self.stderr())
        rc = self.proc.returncode
        if rc is not None and rc < 0:
            bad.append('killed by signal %d' % -rc)
        return bad

    def finish(self, want_status=(0,), timeout=30):
        """Wait for the exit; fail on a hang, a bad status or a report."""
        rc = self.wait(timeout)
        if rc is None:
            self.kill()
            raise CaseFailure('emulator did not exit within %d s\n%s\n%s' %
                              (timeout, self.describe(), self.stderr()))
        bad = self.problems()
        check(not bad, 'emulator problem:\n%s\n%s\nstderr:\n%s' %
              ('\n'.join(bad), self.describe(), self.stderr()[-6000:]))
        if want_status is not None:
            check(rc in want_status, 'exit status %d, want %s\n%s\n%s' %
                  (rc, want_status, self.describe(), self.stderr()[-3000:]))
        return rc


ERROR_PREFIX = 'qemu-system-cr16: '


def check_refusal(rc, err, what):
    """An exit before start-up: status 1 and one error line (or 0).

    Warnings may come before the error line and a hint after it, as QEMU
    prints for a bad identifier; a second error line is a failure.
    """
    lines = [line for line in err.splitlines() if line.strip()]
    if rc == 0:
        return 'exit 0'
    errors = [line for line in lines if line.startswith(ERROR_PREFIX) and
              not line.startswith((ERROR_PREFIX + 'warning:',
                                   ERROR_PREFIX + 'info:'))]
    check(rc == 1, 'exit status %d for: %s\n%s' % (rc, what, err[-3000:]))
    check(len(errors) == 1 and not any(
        line.startswith(ERROR_PREFIX)
        for line in lines[lines.index(errors[0]) + 1:]),
        'not one error line for: %s\n%s' % (what, err[-3000:]))
    return 'refused: ' + errors[0][len(ERROR_PREFIX):][:100]


def start_or_refuse(q, what, timeout=30):
    """Either the emulator refuses to start, or it starts and quits.

    Returns a note for TAP.  A run that starts and ends by itself at once
    (sim with no program) is judged by its exit like a refusal.
    """
    deadline = time.monotonic() + timeout
    mon = None
    while mon is None and q.alive():
        try:
            mon = QMP(q.qmp_path)
        except (OSError, EOFError, CaseFailure):
            check(time.monotonic() < deadline,
                  'neither QMP nor an exit after %d s: %s' % (timeout, what))
            time.sleep(0.01)
    if mon is not None:
        try:
            mon.negotiate()
            state = mon.ping()['status']
            mon.quit()
            mon.drain()
            mon.close()
            q.finish(want_status=None if state == 'shutdown' else (0,))
            return 'started'
        except (EOFError, ConnectionResetError, BrokenPipeError):
            mon.close()
    rc = q.finish(want_status=None)
    return check_refusal(rc, q.stderr(), what)


def shellquote(s):
    if s and all(c.isalnum() or c in '-_=,.:/+@%' for c in s):
        return s
    return "'" + s.replace("'", "'\\''") + "'"


# ---------------------------------------------------------------------------
# QMP


class QMP:
    def __init__(self, path, timeout=20):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.settimeout(timeout)
        self.buf = b''
        self.events = []
        greeting = self.message()
        check('QMP' in greeting, 'no QMP greeting: %r' % greeting)

    def close(self):
        self.sock.close()

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def message(self):
        while b'\n' not in self.buf:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise EOFError('QMP connection closed by the emulator')
            self.buf += chunk
        line, self.buf = self.buf.split(b'\n', 1)
        return json.loads(line)

    def reply(self):
        while True:
            msg = self.message()
            if 'event' in msg:
                self.events.append(msg)
            else:
                return msg

    def cmd(self, name, args=None, **extra):
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        msg.update(extra)
        self.send(json.dumps(msg) + '\n')
        return self.reply()

    def negotiate(self):
        r = self.cmd('qmp_capabilities')
        check(r == {'return': {}}, 'qmp_capabilities: %r' % r)

    def ping(self, tag='ping'):
        """query-status with an id; every other reply is skipped."""
        self.send(json.dumps({'execute': 'query-status', 'id': tag}) + '\n')
        while True:
            r = self.reply()
            if r.get('id') == tag:
                check('return' in r, 'query-status failed: %r' % r)
                return r['return']

    def drain(self, timeout=30):
        """Read until the emulator closes the connection (after quit)."""
        self.sock.settimeout(timeout)
        try:
            while True:
                self.reply()
        except (EOFError, ConnectionResetError):
            pass

    def quit(self):
        r = self.cmd('quit')
        check(r == {'return': {}}, 'quit: %r' % r)


# ---------------------------------------------------------------------------
# GDB remote serial protocol


class GDB:
    """A small RSP client: no-ack mode after the first exchange."""

    def __init__(self, path, timeout=20):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.settimeout(timeout)
        self.buf = b''
        self.noack = False

    def close(self):
        self.sock.close()

    @staticmethod
    def frame(data):
        if isinstance(data, str):
            data = data.encode('latin-1')
        return b'$' + data + b'#%02x' % (sum(data) & 0xff)

    def _fill(self, timeout=None):
        if timeout is not None:
            self.sock.settimeout(timeout)
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise EOFError('gdbstub closed the connection')
        self.buf += chunk

    def packet(self, timeout=None):
        """The next $...#xx packet (acks and O-less noise skipped)."""
        while True:
            start = self.buf.find(b'$')
            if start >= 0:
                end = self.buf.find(b'#', start)
                if end >= 0 and len(self.buf) >= end + 3:
                    data = self.buf[start + 1:end]
                    self.buf = self.buf[end + 3:]
                    if not self.noack:
                        self.sock.sendall(b'+')
                    return data.decode('latin-1')
            self._fill(timeout)

    def send(self, data):
        self.sock.sendall(self.frame(data))

    def cmd(self, data, timeout=None):
        """Send a packet; return its reply, skipping O packets."""
        self.send(data)
        while True:
            r = self.packet(timeout)
            if not (r.startswith('O') and r != 'OK'):
                return r

    def start_noack(self):
        r = self.cmd('QStartNoAckMode')
        check(r == 'OK', 'QStartNoAckMode: %r' % r)
        self.noack = True
        # Drop the '+' that acknowledged our request.
        self.buf = self.buf.replace(b'+', b'')

    def interrupt(self):
        self.sock.sendall(b'\x03')


# ---------------------------------------------------------------------------
# The ISA table and machine code


class Isa:
    """cr16-isa.json: every encoding form with its match/mask and fields."""

    def __init__(self, path):
        with open(path) as f:
            d = json.load(f)
        self.forms = d['forms']
        self.by_id = {f['id']: f for f in self.forms}
        self.order = [self.by_id[i] for i in d['decode_order']]

    @staticmethod
    def field_width(field):
        return sum(hi - lo + 1 for _, hi, lo in field['ranges'])

    def encode(self, fid, **values):
        """The words of form @fid with raw field values (unset: 0)."""
        form = self.by_id[fid]
        words = list(form['match'])
        for field in form['fields']:
            raw = values.pop(field['name'], 0)
            width = self.field_width(field)
            check(0 <= raw < (1 << width), '%s.%s: %#x does not fit %d bits'
                  % (fid, field['name'], raw, width))
            shift = width
            for w, hi, lo in field['ranges']:
                n = hi - lo + 1
                shift -= n
                words[w] |= ((raw >> shift) & ((1 << n) - 1)) << lo
        check(not values, '%s has no field %s' % (fid, list(values)))
        return words

    def fields(self, form, words):
        """The raw value of each field of @form in @words."""
        out = {}
        for field in form['fields']:
            raw = 0
            for w, hi, lo in field['ranges']:
                n = hi - lo + 1
                raw = raw << n | ((words[w] >> lo) & ((1 << n) - 1))
            out[field['name']] = (field['kind'], raw)
        return out

    def decode(self, words):
        """The form the decoder picks for @words (None: no form)."""
        for form in self.order:
            n = len(form['match'])
            if len(words) < n:
                continue
            if all(words[i] & form['mask'][i] == form['match'][i]
                   for i in range(n)):
                return form
        return None

    def random_insn(self, rng, form):
        """Random operand bits for @form; None if they decode otherwise."""
        words = [m | (rng.getrandbits(16) & ~k & 0xffff)
                 for m, k in zip(form['match'], form['mask'])]
        if self.decode(words) is not form:
            return None
        return words


def words_to_bytes(words):
    return b''.join(w.to_bytes(2, 'little') for w in words)


# Register pair codes: 0..10 = (r{n+1},r{n}), 11 (r12,r11), 12 r12,
# 13 r13, 14 ra, 15 sp.
def prologue(isa, regs, psr=None, intbase=None, isp=None):
    """Code that loads @regs (dict name -> value) and the control registers.

    r0..r11 are loaded two at a time as pairs; r12, r13, ra, sp as 32-bit
    values.  The control registers go through (r1,r0) first, so they are
    loaded before the general registers.
    """
    code = []

    def movd(pair, value):
        code.extend(isa.encode('F085', imm=value & 0xffffffff, rd=pair))

    for value, pr in ((intbase, 10), (isp, 12)):
        if value is not None:
            movd(0, value)
            code.extend(isa.encode('F169', rs=0, pr=pr))   # lprd (r1,r0)
    if psr is not None:
        movd(0, psr)
        code.extend(isa.encode('F168', rs=0, pr=9))        # lpr r0, psr
    for n in range(0, 12, 2):
        lo = regs.get('r%d' % n, 0) & 0xffff
        hi = regs.get('r%d' % (n + 1), 0) & 0xffff
        movd(n, hi << 16 | lo)
    for pair, name in ((12, 'r12'), (13, 'r13'), (14, 'ra'), (15, 'sp')):
        movd(pair, regs.get(name, 0))
    return code


def random_regs(rng, pointer_base=None, pointer_span=0x10000):
    """Random register values; about half of them near @pointer_base."""
    regs = {}

    def value(bits):
        if pointer_base is not None and rng.random() < 0.5:
            return (pointer_base + rng.randrange(pointer_span)) & \
                ((1 << bits) - 1)
        pick = rng.random()
        if pick < 0.15:
            return rng.choice([0, 1, (1 << bits) - 1, 1 << (bits - 1)])
        return rng.getrandbits(bits)

    for n in range(0, 12, 2):
        v = value(32)
        regs['r%d' % n] = v & 0xffff
        regs['r%d' % (n + 1)] = v >> 16
    for name in ('r12', 'r13', 'ra', 'sp'):
        regs[name] = value(32)
    return regs


def tmpdir(prefix):
    return tempfile.TemporaryDirectory(prefix=prefix)


def main_guard(fn):
    try:
        sys.exit(fn())
    except KeyboardInterrupt:
        sys.exit(130)
