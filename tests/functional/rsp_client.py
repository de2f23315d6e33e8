#
# A small GDB remote serial protocol client for the gdbstub tests.
#
# No Debian GDB knows CR16, so the tests talk to the stub with this
# client instead.  It behaves on the wire the way GDB does: every packet
# is framed and checksummed, each packet received is acknowledged with
# '+' (or '-' when its checksum is wrong, asking for it again), each
# packet sent waits for the stub's '+' and is sent again on '-', and after
# QStartNoAckMode neither side acknowledges any more.  Replies are
# run-length decoded as GDB's reader does; '}' escapes are undone only
# for binary replies (qXfer), as in GDB.
#
# Besides the protocol, a few helpers the tests share: reading symbols
# from an ELF file, and starting qemu-system-cr16 with a gdbstub on a
# free TCP port (the rest of the plumbing is qemu_test.py's).
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, assemble, connect_unix, free_port  # noqa: E402


class RSPError(Exception):
    pass


def checksum(data):
    return sum(data) & 0xff


def escape(data):
    """Escape '#', '$', '}' and '*' for a binary packet body."""
    out = bytearray()
    for b in data:
        if b in b'#$}*':
            out += bytes([0x7d, b ^ 0x20])
        else:
            out.append(b)
    return bytes(out)


def unescape(data):
    out = bytearray()
    it = iter(data)
    for b in it:
        if b == 0x7d:
            out.append(next(it) ^ 0x20)
        else:
            out.append(b)
    return bytes(out)


def frame(data):
    """'$data#cc' for data already escaped."""
    if isinstance(data, str):
        data = data.encode('latin-1')
    return b'$' + data + b'#' + b'%02x' % checksum(data)


def rle_decode(data):
    """Expand 'X*N' runs (N - 29 more copies of X)."""
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x2a and out and i + 1 < len(data):
            out += bytes([out[-1]]) * (data[i + 1] - 29)
            i += 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


def le_int(hexstr):
    """A register value in target (little-endian) byte order."""
    return int.from_bytes(bytes.fromhex(hexstr), 'little')


def le_hex(value, size):
    return value.to_bytes(size, 'little').hex()


class StopReply:
    """A parsed stop reply: T/S (stopped), W (exited) or X (killed)."""

    def __init__(self, text):
        self.text = text
        self.kind = text[:1]
        self.signal = None
        self.exit_code = None
        self.info = {}
        if self.kind in ('T', 'S'):
            self.signal = int(text[1:3], 16)
            for item in text[3:].split(';'):
                if not item:
                    continue
                key, _, val = item.partition(':')
                self.info[key] = val
        elif self.kind in ('W', 'X'):
            self.exit_code = int(text[1:].split(';')[0], 16)
        else:
            raise RSPError('not a stop reply: %r' % text)

    def reg(self, regnum):
        """Value of register @regnum given in the reply, or None."""
        val = self.info.get('%02x' % regnum)
        return None if val is None else le_int(val)

    def __repr__(self):
        return 'StopReply(%r)' % self.text


class RSPClient:
    def __init__(self, sock, timeout=10.0):
        self.sock = sock
        self.sock.settimeout(timeout)
        self.timeout = timeout
        self.ack = True
        self.buf = bytearray()
        # Every ack or nack the stub sent us, for tests of that layer.
        self.acks = bytearray()
        self.retransmits = 0

    # ---- connecting -----------------------------------------------------

    @classmethod
    def connect_tcp(cls, port, host='127.0.0.1', timeout=10.0, wait=10.0):
        deadline = time.monotonic() + wait
        while True:
            try:
                sock = socket.create_connection((host, port), timeout=timeout)
                return cls(sock, timeout)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @classmethod
    def connect_unix(cls, path, timeout=10.0, wait=10.0):
        # qemu_test.connect_unix, the module function, does the waiting.
        return cls(connect_unix(path, wait), timeout)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    # ---- the byte layer -------------------------------------------------

    def send_raw(self, data):
        if isinstance(data, str):
            data = data.encode('latin-1')
        self.sock.sendall(data)

    def _read_byte(self, timeout=None):
        if not self.buf:
            self.sock.settimeout(timeout if timeout is not None
                                 else self.timeout)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                raise RSPError('timed out waiting for the stub')
            if not chunk:
                raise RSPError('connection closed by the stub')
            self.buf += chunk
        b = self.buf[0]
        del self.buf[:1]
        return b

    def _wait_ack(self):
        """Wait for '+' / '-' (skipping anything else); True for '+'."""
        while True:
            b = self._read_byte()
            if b in b'+-':
                self.acks.append(b)
                return b == 0x2b
            if b == 0x24:
                raise RSPError('a packet arrived instead of an ack')

    def send_packet(self, data, retries=3):
        """Send one packet (bytes or str, not yet escaped)."""
        if isinstance(data, str):
            data = data.encode('latin-1')
        framed = frame(data)
        for _ in range(retries + 1):
            self.send_raw(framed)
            if not self.ack or self._wait_ack():
                return
            self.retransmits += 1
        raise RSPError('stub kept rejecting %r' % framed)

    def recv_packet(self, timeout=None, binary=False):
        """The next packet's body (str; bytes with @binary)."""
        while True:
            b = self._read_byte(timeout)
            if b == 0x24:
                break
            # '+' here acknowledges nothing we wait for; other bytes are
            # noise, as GDB treats them.
        body = bytearray()
        while True:
            b = self._read_byte(timeout)
            if b == 0x23:
                break
            body.append(b)
        cs = bytes([self._read_byte(timeout), self._read_byte(timeout)])
        if int(cs, 16) != checksum(body):
            if self.ack:
                self.send_raw(b'-')
            raise RSPError('bad checksum on %r' % bytes(body))
        if self.ack:
            self.send_raw(b'+')
        data = rle_decode(bytes(body))
        if binary:
            return unescape(data)
        return data.decode('latin-1')

    def command(self, data, timeout=None, binary=False):
        self.send_packet(data)
        return self.recv_packet(timeout, binary)

    def nothing_pending(self, wait=0.3):
        """True if the stub sends nothing more within @wait seconds."""
        if self.buf:
            return False
        self.sock.settimeout(wait)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return True
        finally:
            self.sock.settimeout(self.timeout)
        self.buf += chunk
        return not chunk

    # ---- the protocol, as GDB uses it ---------------------------------------

    def handshake(self, noack=True):
        """qSupported like GDB, then QStartNoAckMode if @noack."""
        feats = self.command('qSupported:multiprocess+;swbreak+;hwbreak+;'
                             'qRelocInsn+;vContSupported+;'
                             'xmlRegisters=i386')
        self.features = dict(f.partition('=')[::2] if '=' in f else (f, '')
                             for f in feats.split(';'))
        if noack:
            if self.command('QStartNoAckMode') != 'OK':
                raise RSPError('QStartNoAckMode refused')
            self.ack = False
        return feats

    def read_xml(self, annex, chunk=0x200):
        """A qXfer:features document, read in @chunk pieces."""
        out = b''
        while True:
            r = self.command('qXfer:features:read:%s:%x,%x' %
                             (annex, len(out), chunk), binary=True)
            if r[:1] not in (b'm', b'l'):
                raise RSPError('qXfer %s: %r' % (annex, r))
            out += r[1:]
            if r[:1] == b'l':
                return out.decode()

    def stop_reason(self):
        return StopReply(self.command('?'))

    def read_registers(self):
        return self.command('g')

    def read_register(self, n):
        return self.command('p%x' % n)

    def write_register(self, n, hexval):
        return self.command('P%x=%s' % (n, hexval))

    def read_memory(self, addr, length):
        r = self.command('m%x,%x' % (addr, length))
        if r.startswith('E'):
            raise RSPError('m%x,%x: %s' % (addr, length, r))
        return bytes.fromhex(r)

    def write_memory(self, addr, data):
        return self.command('M%x,%x:%s' % (addr, len(data), data.hex()))

    def write_memory_binary(self, addr, data):
        return self.command(b'X%x,%x:' % (addr, len(data)) + escape(data))

    def insert(self, kind, addr, length=2):
        return self.command('Z%d,%x,%x' % (kind, addr, length))

    def remove(self, kind, addr, length=2):
        return self.command('z%d,%x,%x' % (kind, addr, length))

    def wait_stop(self, timeout=None):
        return StopReply(self.recv_packet(timeout))

    def cont(self, timeout=None):
        self.send_packet('c')
        return self.wait_stop(timeout)

    def step(self, timeout=None):
        self.send_packet('s')
        return self.wait_stop(timeout)

    def interrupt(self):
        self.send_raw(b'\x03')

    def monitor(self, cmd):
        """qRcmd: the output of a monitor command (O packets, then OK)."""
        self.send_packet('qRcmd,' + cmd.encode().hex())
        out = ''
        while True:
            r = self.recv_packet()
            if r == 'OK':
                return out
            if r.startswith('O') and r != 'OK':
                out += bytes.fromhex(r[1:]).decode('latin-1')
                continue
            raise RSPError('qRcmd %r: %r' % (cmd, r))


# ---- test helpers -------------------------------------------------------------

def elf_symbols(path):
    """{name: value} from the .symtab of a 32-bit little-endian ELF."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF' or data[4] != 1 or data[5] != 1:
        raise ValueError('%s: not an ELF32 little-endian file' % path)
    shoff, = struct.unpack_from('<I', data, 0x20)
    shentsize, shnum = struct.unpack_from('<HH', data, 0x2e)
    sections = [struct.unpack_from('<IIIIIIIIII', data, shoff + i * shentsize)
                for i in range(shnum)]
    syms = {}
    for sh in sections:
        if sh[1] != 2:          # SHT_SYMTAB
            continue
        strtab = sections[sh[6]]
        for off in range(sh[4], sh[4] + sh[5], 16):
            name, value = struct.unpack_from('<II', data, off)
            start = strtab[4] + name
            end = data.index(b'\0', start)
            if end > start:
                syms[data[start:end].decode()] = value
    return syms


class GdbEmulator(Emulator):
    """qemu-system-cr16 -M @machine -nographic -kernel @kernel -gdb DEV,
    stopped at reset unless @paused is False.  DEV is @gdb, or by default
    a TCP port of its own (.port), which connect() reaches.  Other
    keywords go to qemu_test.Emulator (e.g. hmp=True)."""

    def __init__(self, qemu, kernel, extra=(), paused=True, port=None,
                 gdb=None, machine='sim', **kw):
        self.port = port or free_port()
        gdb = gdb or 'tcp::%d' % self.port
        args = [qemu, '-M', machine, '-nographic', '-kernel', kernel,
                '-gdb', gdb]
        if paused:
            args.append('-S')
        super().__init__(args + list(extra), **kw)

    def connect(self, **kw):
        return RSPClient.connect_tcp(self.port, **kw)


# ---- the guest program the gdbstub tests debug ---------------------------------
#
# A short program for the sim machine with a label at each interesting
# point: a counting loop (steps across taken and untaken branches), a
# store, a load from the same variable and a load from another one
# (watchpoints), an EXCP the simulator does not know (it takes the trap
# through the dispatch table at INTBASE, so a step lands in h_svc), then
# exit(7).  "spin" is a loop the tests jump to for Ctrl-C.  Data lives on
# its own page, away from the code.
GUEST_DATA = 0x80000
GUEST_PROGRAM = '''
    .equ SYS_EXIT, 0x410
    .equ STACK_TOP, 0x100000
    .equ ISP_TOP, 0x7000
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
    movw $0x100, r0
    lpr r0, cfg
    movw $0, r2
loop_top:
    addw $1, r2
loop_cmp:
    cmpw $5, r2
loop_bne:
    bne loop_top
after_loop:
    movw $0x1234, r4
store_var:
    storw r4, var
after_store:
    loadw var, r5
after_load:
    loadw var2, r6
after_load2:
    movw $0x7777, r0
trap_insn:
    excp svc
after_trap:
    movw $7, r2
    movw $SYS_EXIT, r0
    excp bpt
spin:
    addw $1, r3
    br spin
h_svc:
    movw $0x55, r6
    sprd isp, (r1,r0)
    movd $after_trap@c, (r13)
    stord (r13), 0(r1,r0)
    retx
    .align 4
vtab:
    .long h_svc@c, h_svc@c, h_svc@c, h_svc@c
    .long h_svc@c, h_svc@c, h_svc@c, h_svc@c
    .long h_svc@c, h_svc@c, h_svc@c, h_svc@c
    .long h_svc@c, h_svc@c, h_svc@c, h_svc@c
    .data
var:
    .word 0
var2:
    .word 0xbeef
'''

# The guest's exit status (exit(7) above).
GUEST_EXIT = 7

# gdb register numbers (docs/system/gdb.rst).
REG_R2, REG_R3, REG_R4, REG_R5, REG_R6 = 2, 3, 4, 5, 6
REG_SP, REG_PC, REG_ISP, REG_INTBASE, REG_PSR, REG_CFG = 15, 16, 17, 19, 20, 21
REG_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9',
             'r10', 'r11', 'r12', 'r13', 'ra', 'sp', 'pc', 'isp', 'usp',
             'intbase', 'psr', 'cfg', 'dbs', 'dcr', 'dsr', 'car0', 'car1']
REG_SIZES = [2] * 12 + [4] * 15


def build_guest(asm, tmpdir, text=GUEST_PROGRAM, name='guest', ttext=None,
                tdata=GUEST_DATA):
    """Assemble @text with scripts/cr16-as; (elf path, symbols)."""
    args = ['-Tdata', '0x%x' % tdata]
    if ttext is not None:
        args += ['-Ttext', '0x%x' % ttext]
    elf = assemble(asm, text, tmpdir, args, name=name)
    return elf, elf_symbols(elf)
