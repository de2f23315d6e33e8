#!/usr/bin/env python3
#
# GDB remote protocol fuzzing against a live emulator.
#
#   test_fuzz_gdb.py --qemu QEMU --isa cr16-isa.json [--seed N] [--case K]
#
# Each case starts "virt" (-bios none, a small counting loop as -kernel,
# -no-shutdown) with the gdbstub on a Unix socket and a QMP socket, and
# sends batches of packets: valid ones with random arguments (registers,
# memory anywhere, breakpoints and watchpoints of every kind and length,
# qXfer offsets, vCont actions, single steps and continues, monitor
# commands), the same packets mutated (flipped, cut, repeated bytes),
# bad checksums, run-length and escape sequences, oversized packets,
# raw garbage between packets, interrupts and acknowledgements.  Half of
# the cases stay in acknowledgement mode, half switch to no-ack mode.
#
# After each batch the stub must answer "qC" on the same connection or,
# if the input left it waiting in the middle of a packet, on a new one;
# QMP must answer too.  The case ends with "k": the emulator must exit
# with status 0 (or the status of a guest that exited) and no sanitizer
# report.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import select
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

LOAD = 0x10000
MONITOR_SAFE = ['info registers', 'info status', 'info mtree',
                'info qtree', 'info cpus', 'x/8xh $pc', 'xp/4i 0x10000',
                'stop', 'cont', 'system_reset', 'info chardev', 'help',
                'info qom-tree', 'xp/1000xb 0xff0000', 'info history',
                'device_add cr16-memcard,id=gm', 'device_del gm']


def hexnum(rng, bits=32):
    pick = rng.random()
    if pick < 0.5:
        return '%x' % (LOAD + rng.randrange(0x2000))
    if pick < 0.7:
        return '%x' % rng.getrandbits(bits)
    if pick < 0.8:
        return '%x' % rng.choice([0, 0xffffff, 0x1000000, 0xff0000,
                                  0xfffffe, 0xffffffff, 2**64 - 1])
    return rng.choice(['', '-1', 'g', '0x10', 'ffffffffffffffffff',
                       '1' * 40, ' 1', '1,2'])


def length(rng):
    return '%x' % rng.choice([0, 1, 2, 3, 4, 8, 0x10, 0x100, 0x7f0, 0x7f1,
                              0x1000, 0xffff, 0x7fffffff, 0xffffffff,
                              rng.randrange(0x80)])


def hexbytes(rng, n):
    return ''.join('%02x' % rng.getrandbits(8) for _ in range(n))


def valid_packet(rng):
    pick = rng.randrange(30)
    if pick == 0:
        return '?'
    if pick == 1:
        return 'g'
    if pick == 2:
        return 'G' + hexbytes(rng, rng.choice([84, 84, 83, 85, 0, 200]))
    if pick == 3:
        return 'p%x' % rng.choice([0, 12, 15, 16, 20, 26, 27, 255,
                                   rng.getrandbits(32)])
    if pick == 4:
        return 'P%x=%s' % (rng.choice([0, 11, 15, 16, 17, 19, 20, 21, 26,
                                       27, 99]),
                           hexbytes(rng, rng.choice([2, 4, 1, 8])))
    if pick == 5:
        return 'm%s,%s' % (hexnum(rng), length(rng))
    if pick == 6:
        n = rng.choice([0, 1, 2, 4, 16, 100])
        return 'M%s,%x:%s' % (hexnum(rng), rng.choice([n, n, n + 1, 5000]),
                              hexbytes(rng, n))
    if pick == 7:
        n = rng.randrange(0, 20)
        data = bytes(rng.getrandbits(8) for _ in range(n))
        esc = data.replace(b'}', b'}]').replace(b'#', b'}\x03') \
                  .replace(b'$', b'}\x04').replace(b'*', b'}\x0a')
        return 'X%s,%x:' % (hexnum(rng), n) + esc.decode('latin-1')
    if pick in (8, 9):
        kind = rng.randrange(6)
        return '%s%d,%s,%s' % (rng.choice('Zz'), kind, hexnum(rng),
                               length(rng))
    if pick == 10:
        return 's'
    if pick == 11:
        return rng.choice(['c', 'c%s' % hexnum(rng), 's%s' % hexnum(rng),
                           'C05', 'S02'])
    if pick == 12:
        return rng.choice(['vCont?', 'vCont;c', 'vCont;s', 'vCont;s:1',
                           'vCont;c:1', 'vCont;s:2', 'vCont;t',
                           'vCont;r%s,%s' % (hexnum(rng), hexnum(rng)),
                           'vCont;C05', 'vCont;x', 'vCont', 'vCont;'])
    if pick == 13:
        return rng.choice(['Hg1', 'Hc-1', 'Hg0', 'Hgp1.1', 'Hg2', 'H',
                           'T1', 'T2', 'Tp1.1', 'qC', 'qAttached',
                           'qfThreadInfo', 'qsThreadInfo', 'qOffsets',
                           'qTStatus', 'qSymbol::', 'vMustReplyEmpty',
                           '!', 'qThreadExtraInfo,1', 'vAttach;1',
                           'vRun;', 'i', 'I', 'bc', 'bs', 'R00', 'A',
                           'qGetTLSAddr:1,0,0', 'QNonStop:1',
                           'QThreadEvents:1', 'qXfer:threads:read::0,100',
                           'qL1200000000000000000'])
    if pick == 14:
        doc = rng.choice(['target.xml', 'cr16-core.xml', 'cr16-proc.xml',
                          'nothing.xml', '', '../target.xml'])
        return 'qXfer:features:read:%s:%s,%s' % (doc, hexnum(rng),
                                                 length(rng))
    if pick == 15:
        return rng.choice(['qSupported', 'qSupported:swbreak+;hwbreak+',
                           'qSupported:' + 'x' * 3000,
                           'qSupported:multiprocess+;xmlRegisters=i386'])
    if pick == 16:
        return rng.choice(['qqemu.sstepbits', 'qqemu.sstep',
                           'Qqemu.sstep=%x' % rng.randrange(16),
                           'Qqemu.sstep=zz', 'Qqemu.sstep='])
    if pick == 17:
        cmd = rng.choice(MONITOR_SAFE)
        if rng.random() < 0.3:
            # Mangle the text, but never into a command that quits.
            cmd = 'info ' + ''.join(chr(rng.randrange(32, 127))
                                    for _ in range(rng.randrange(0, 10)))
        text = cmd.encode().hex()
        if rng.random() < 0.2:
            text = text[:-1] + 'z'
        return 'qRcmd,' + text
    if pick == 18:
        return 'D'
    if pick == 19:
        return rng.choice(['', 'x' * 5000, 'm' + '0' * 4000 + ',1',
                           'qRcmd,', 'M0,0:', 'X0,0:', 'Z0', 'z', 'p',
                           'P', 'P1', 'Mff0000,2:zz', 'm0,', 'm,1'])
    if pick == 20:
        # Run-length encoding in the input: "0*" repeats the zero.
        return 'm%s,4' % ('1' + '0*' + chr(rng.randrange(29, 127)))
    # The common ones once more, so that state gets built up.
    return rng.choice(['g', '?', 'm10000,20', 'Z0,10004,2', 'z0,10004,2',
                       'Z2,20000,4', 'z2,20000,4', 's', 'vCont;s:1'])


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randrange(1, 4)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.randrange(4)
        if op == 0:
            data[i] = rng.getrandbits(8)
        elif op == 1:
            del data[i:i + rng.randrange(1, 4)]
        elif op == 2:
            data.insert(i, rng.choice(b'$#}*,:;\x03+-0f'))
        else:
            data[i:i] = data[i:i + rng.randrange(1, 10)] * \
                rng.randrange(1, 5)
    return bytes(data)


def safe(data):
    """Never send a packet that asks the emulator to quit."""
    text = data.decode('latin-1')
    if text.startswith('k') or text.startswith('vKill'):
        return b'?'
    if text.startswith('qRcmd,'):
        try:
            cmd = bytes.fromhex(text[6:]).decode('latin-1').strip()
        except ValueError:
            return data
        if cmd.split(' ')[0:1] and cmd.split(' ')[0].startswith(
                ('q', 'gdb', 'mem', 'pmem', 'log')):
            return b'?'
    return data


def wire(rng, payload):
    """@payload framed: usually right, sometimes with a broken frame."""
    pick = rng.random()
    framed = fz.GDB.frame(payload)
    if pick < 0.75:
        return framed
    if pick < 0.82:
        return framed[:-2] + b'%02x' % ((framed[-2] + 1) & 0xff)  # bad sum
    if pick < 0.86:
        return framed[:-3]                                  # no checksum
    if pick < 0.9:
        return framed[:-1] + b'g'                           # bad hex
    if pick < 0.93:
        return bytes(rng.getrandbits(8) for _ in range(
            rng.randrange(1, 40)))
    if pick < 0.96:
        return rng.choice([b'\x03', b'+', b'-', b'++--', b'#00', b'$',
                           b'$#', b'}}}}', b'*' * 10])
    return b'$' + payload + b'$' + framed


class Link:
    """The gdb connection, renewed when the stub stops answering."""

    def __init__(self, sock_path, q, noack):
        self.path = sock_path
        self.q = q
        self.noack = noack
        self.gdb = None
        self.renewals = 0
        self.connect()

    def connect(self):
        if self.gdb:
            self.gdb.close()
        deadline = time.monotonic() + 20
        while True:
            fz.check(self.q.alive(), 'emulator exited\n%s' %
                     self.q.stderr()[-4000:])
            try:
                self.gdb = fz.GDB(self.path)
                break
            except OSError:
                fz.check(time.monotonic() < deadline, 'no gdb socket')
                time.sleep(0.02)
        if self.noack:
            self.gdb.start_noack()

    def send(self, data):
        try:
            self.gdb.sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            self.renew()

    def drain(self, quiet=0.05):
        """Throw away whatever the stub sent (acknowledging packets)."""
        sock = self.gdb.sock
        while True:
            r, _, _ = select.select([sock], [], [], quiet)
            if not r:
                return
            try:
                chunk = sock.recv(1 << 16)
            except (ConnectionResetError, OSError):
                return
            if not chunk:
                return
            if not self.noack and b'#' in chunk:
                try:
                    sock.sendall(b'+' * chunk.count(b'#'))
                except OSError:
                    return

    def renew(self):
        fz.check(self.q.alive(), 'emulator died\n%s' %
                 self.q.stderr()[-4000:])
        self.renewals += 1
        self.connect()

    def alive_check(self):
        """Stop the guest if it runs; then qC must be answered."""
        for attempt in range(2):
            try:
                self.send(b'\x03')
                self.drain(0.1)
                self.gdb.buf = b''
                self.gdb.send('qC')
                deadline = time.monotonic() + (1 if attempt == 0 else 20)
                while time.monotonic() < deadline:
                    r = self.gdb.packet(timeout=max(
                        0.05, deadline - time.monotonic()))
                    if r.startswith('QC'):
                        return
            except (socket.timeout, EOFError, ConnectionResetError,
                    BrokenPipeError):
                pass
            if attempt == 0:
                self.renew()
        raise fz.CaseFailure('the gdbstub does not answer qC, even on a '
                             'new connection')


def loop_image(isa):
    # r0 counts, r1 is stored to RAM so that watchpoints can fire.
    code = isa.encode('F085', imm=0x20000, rd=2)       # movd $0x20000,(r3,r2)
    top = len(code) * 2
    code += isa.encode('F025', imm=1, rd=0)            # addb $1, r0
    code += isa.encode('F292', rs=0, rp=2, disp=0)     # storw r0, 0(r3,r2)
    disp = top - len(code) * 2
    code += isa.encode('F111', cc=14, disp=(disp >> 1) & 0xff)  # br top
    return fz.words_to_bytes(code)


def run_case(opts, isa, rng, index, workdir):
    gpath = os.path.join(workdir, 'gdb.sock')
    if os.path.exists(gpath):
        os.unlink(gpath)
    image = os.path.join(workdir, 'loop.bin')
    with open(image, 'wb') as f:
        f.write(loop_image(isa))
    args = ['-M', 'virt', '-bios', 'none', '-kernel', image,
            '-display', 'none', '-serial', 'null', '-monitor', 'none',
            '-no-shutdown', '-d', 'guest_errors,unimp', '-D', os.devnull,
            '-gdb', 'unix:%s,server=on,wait=off' % gpath]
    if index % 2:
        args += ['-S']
    if index % 3 == 2:
        args += ['-accel', 'tcg,tcg-backend=interp']
    q = fz.Qemu(opts.qemu, args, workdir)
    sent = 0
    try:
        mon = q.qmp()
        mon.negotiate()
        link = Link(gpath, q, noack=index % 4 >= 2)
        for batch in range(rng.randrange(10, 20)):
            for _ in range(rng.randrange(5, 40)):
                payload = valid_packet(rng).encode('latin-1')
                if rng.random() < 0.3:
                    payload = mutate(rng, payload)
                link.send(wire(rng, safe(payload)))
                sent += 1
                if rng.random() < 0.3:
                    link.drain(0)
            link.drain(0.02)
            link.alive_check()
            mon.ping()
        state = mon.ping()['status']
        link.drain(0)
        link.gdb.send('k')
        q.finish(want_status=None if state == 'shutdown' else (0,))
    finally:
        q.kill()
    return '%d packets, %d reconnects%s' % (sent, link.renewals,
                                           ', no-ack' if link.noack else '')


def main():
    ap = fz.arg_parser('gdbstub fuzzing', cases=12)
    opts = fz.parse_args(ap)
    isa = fz.Isa(opts.isa)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-gdb-') as workdir:
        fz.run_cases(tap, 'gdb', opts.cases,
                     lambda rng, i: run_case(opts, isa, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
