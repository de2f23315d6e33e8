#!/usr/bin/env python3
#
# The gdbstub against the real emulator: each test starts
#   qemu-system-cr16 -M sim -nographic -kernel guest.elf -S -gdb tcp::PORT
# and drives it with tests/functional/rsp_client.py, which speaks the
# remote protocol the way GDB does.  The guest program and its labels are
# in rsp_client.py (GUEST_PROGRAM).  Bad input has its own file,
# test_gdb_badinput.py.
#
#   test_gdb.py --qemu PATH --as scripts/cr16-as
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import (Harness, arg_parser, check, eq, free_port,  # noqa: E402
                       machines)
from rsp_client import (GdbEmulator, RSPClient, RSPError,  # noqa: E402
                        StopReply, build_guest, le_hex, le_int, GUEST_EXIT,
                        REG_NAMES, REG_SIZES, REG_R2, REG_R3, REG_R4,
                        REG_R5, REG_R6, REG_SP, REG_PC, REG_ISP,
                        REG_INTBASE, REG_PSR, REG_CFG)

OPTS = None
ELF = None
SYM = None
# Generous: the sanitizer build is slow.
TIMEOUT = 30


def start(tap, paused=True, **kw):
    """An emulator and a client that went through GDB's handshake."""
    emu = GdbEmulator(OPTS.qemu, ELF, paused=paused, **kw)
    tap.defer(emu.stop)
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    return emu, c


def regs(c):
    """The g packet as a list of integers."""
    g = c.read_registers()
    out, pos = [], 0
    for size in REG_SIZES:
        out.append(le_int(g[pos:pos + 2 * size]))
        pos += 2 * size
    eq(pos, len(g), 'g packet length')
    return out


def reg(c, n):
    return le_int(c.read_register(n))


def set_reg(c, n, value):
    eq(c.write_register(n, le_hex(value, REG_SIZES[n])), 'OK', 'P%x' % n)


def run_to(c, label, kind=0):
    """Continue to a breakpoint at @label, then remove it."""
    eq(c.insert(kind, SYM[label]), 'OK', 'Z%d %s' % (kind, label))
    stop = c.cont(TIMEOUT)
    eq(c.remove(kind, SYM[label]), 'OK', 'z%d %s' % (kind, label))
    eq(stop.signal, 5, 'signal at %s' % label)
    eq(stop.reg(REG_PC), SYM[label], 'pc in stop reply')
    return stop


def exit_code(emu):
    return emu.wait(TIMEOUT)


# ---- attaching -------------------------------------------------------------------


def test_attach_at_reset(tap):
    emu, c = start(tap)
    feats = c.features
    eq(feats.get('PacketSize'), '1000', 'PacketSize')
    for f in ('qXfer:features:read+', 'vContSupported+', 'swbreak+',
              'hwbreak+', 'QStartNoAckMode+'):
        check(f in feats, 'qSupported lacks ' + f)
    stop = c.stop_reason()
    eq(stop.signal, 5, '? signal')
    eq(stop.info.get('thread'), '01', '? thread')
    eq(stop.reg(REG_PC), SYM['_start'], 'pc at reset')
    # -S: nothing runs until the debugger says so.
    time.sleep(0.3)
    eq(reg(c, REG_PC), SYM['_start'], 'pc after a while')
    eq(c.command('qC'), 'QC1', 'qC')
    eq(c.command('qfThreadInfo'), 'm1', 'qfThreadInfo')
    eq(c.command('qsThreadInfo'), 'l', 'qsThreadInfo')
    eq(c.command('qAttached'), '1', 'qAttached')
    eq(c.command('Hg0'), 'OK', 'Hg0')
    eq(c.command('Hc-1'), 'OK', 'Hc-1')
    eq(c.command('T1'), 'OK', 'T1')
    eq(c.command('vCont?'), 'vCont;c;C;s;S', 'vCont?')


def test_target_xml(tap):
    emu, c = start(tap)
    target = ET.fromstring(c.read_xml('target.xml', chunk=0x40))
    eq(target.findtext('architecture'), 'cr16', 'architecture')
    xi = '{http://www.w3.org/2001/XInclude}include'
    hrefs = [e.get('href') for e in target.iter(xi)]
    eq(hrefs, ['cr16-core.xml', 'cr16-proc.xml'], 'includes')
    seen = []
    features = []
    for href in hrefs:
        feat = ET.fromstring(c.read_xml(href))
        features.append(feat.get('name'))
        for r in feat.iter('reg'):
            seen.append((int(r.get('regnum')), r.get('name'),
                         int(r.get('bitsize'))))
        if href == 'cr16-proc.xml':
            fields = [f.get('name') for f in feat.iter('field')]
            check('Z' in fields and 'I' in fields, 'psr flags %r' % fields)
    eq(features, ['org.gnu.gdb.cr16.core', 'org.gnu.gdb.cr16.proc'],
       'feature names')
    want = [(n, REG_NAMES[n], REG_SIZES[n] * 8) for n in range(27)]
    eq(seen, want, 'registers in the description')
    # The g packet agrees with the description.
    eq(len(c.read_registers()) // 2, sum(REG_SIZES), 'g size')
    eq(c.command('qXfer:features:read:nosuch.xml:0,100'), 'E00',
       'unknown annex')
    eq(c.command('qXfer:features:read:target.xml:100000,10'), 'l',
       'offset past the end')


def test_registers(tap):
    emu, c = start(tap)
    run_to(c, 'after_loop')
    r = regs(c)
    eq(r[REG_R2], 5, 'r2 after the loop')
    eq(r[REG_SP], 0x100000, 'sp')
    eq(r[REG_ISP], 0x7000, 'isp')
    eq(r[REG_INTBASE], SYM['vtab'], 'intbase')
    eq(r[REG_CFG], 0x100, 'cfg')
    eq(r[REG_PC], SYM['after_loop'], 'pc')
    # P and p, a 16-bit and a 32-bit register.
    set_reg(c, REG_R3, 0xabcd)
    eq(reg(c, REG_R3), 0xabcd, 'r3 written with P')
    set_reg(c, 13, 0x12345678)
    eq(reg(c, 13), 0x12345678, 'r13 written with P')
    # G writes everything; change r0..r11 and keep the rest.
    g = c.read_registers()
    new = ''.join(le_hex(0x1111 * (n + 1) & 0xffff, 2) for n in range(12))
    eq(c.command('G' + new + g[48:]), 'OK', 'G')
    r = regs(c)
    eq(r[:12], [0x1111 * (n + 1) & 0xffff for n in range(12)], 'r0-r11')
    eq(r[REG_SP], 0x100000, 'sp kept by G')
    # The guest sees what the debugger wrote: run the store with r4 set.
    set_reg(c, REG_R4, 0x4242)
    eq(c.command('P%x=%s' % (REG_PC, le_hex(SYM['store_var'], 4))), 'OK',
       'P pc')
    run_to(c, 'after_store')
    eq(c.read_memory(SYM['var'], 2), bytes.fromhex('4242'), 'stored r4')


def test_memory(tap):
    emu, c = start(tap)
    var, var2 = SYM['var'], SYM['var2']
    eq(c.read_memory(var, 4), bytes.fromhex('0000efbe'), 'initial data')
    eq(c.write_memory(var, bytes.fromhex('a1b2')), 'OK', 'M')
    eq(c.read_memory(var, 2), bytes.fromhex('a1b2'), 'after M')
    # X carries raw bytes; the special ones travel escaped.
    special = b'#$}*\x00\x03\xff+'
    eq(c.write_memory_binary(var + 0x10, special), 'OK', 'X')
    eq(c.read_memory(var + 0x10, len(special)), special, 'after X')
    eq(c.command('X%x,0:' % var), 'OK', 'X probe of length 0')
    # Code is memory too: the first instruction of the program.
    eq(c.read_memory(SYM['_start'], 2), bytes.fromhex('7f00'), 'code')
    # The guest sees the debugger's write.
    eq(c.write_memory(var2, bytes.fromhex('3412')), 'OK', 'M var2')
    run_to(c, 'after_load2')
    eq(reg(c, REG_R6), 0x1234, 'r6 loaded what M wrote')


def test_patch_code(tap):
    emu, c = start(tap)
    # Stop inside the loop once its code has been translated and run.
    run_to(c, 'loop_bne')
    eq(c.read_memory(SYM['loop_cmp'], 2), bytes.fromhex('5252'),
       'cmpw $5, r2')
    # Make it "cmpw $3, r2": the stale translation must not survive.
    eq(c.write_memory(SYM['loop_cmp'], bytes.fromhex('3252')), 'OK', 'M')
    run_to(c, 'after_loop')
    eq(reg(c, REG_R2), 3, 'the patched compare ended the loop')


def test_sw_breakpoint(tap):
    emu, c = start(tap)
    eq(c.insert(0, SYM['after_loop']), 'OK', 'Z0')
    stop = c.cont(TIMEOUT)
    eq(stop.signal, 5, 'signal')
    check('swbreak' in stop.info, 'swbreak reason in %r' % stop)
    eq(stop.reg(REG_PC), SYM['after_loop'], 'pc')
    eq(reg(c, REG_R2), 5, 'the loop ran to its end first')
    # A breakpoint stops before its instruction: continuing without
    # removing it stops at once, as on QEMU (GDB steps over it).
    stop = c.cont(TIMEOUT)
    eq(stop.reg(REG_PC), SYM['after_loop'], 'pc, breakpoint still there')
    eq(c.remove(0, SYM['after_loop']), 'OK', 'z0')
    eq(c.remove(0, SYM['after_loop']), 'E22', 'z0 twice')
    stop = c.cont(TIMEOUT)
    eq(stop.kind, 'W', 'runs to the end once removed')
    eq(stop.exit_code, GUEST_EXIT, 'exit code')


def test_hw_breakpoint(tap):
    emu, c = start(tap)
    eq(c.insert(1, SYM['trap_insn']), 'OK', 'Z1')
    stop = c.cont(TIMEOUT)
    check('hwbreak' in stop.info, 'hwbreak reason in %r' % stop)
    eq(stop.reg(REG_PC), SYM['trap_insn'], 'pc')
    eq(reg(c, REG_R6), 0xbeef, 'r6 loaded before the breakpoint')
    eq(c.remove(1, SYM['trap_insn']), 'OK', 'z1')
    eq(c.cont(TIMEOUT).exit_code, GUEST_EXIT, 'exit code')


def test_hw_breakpoint_every_iteration(tap):
    emu, c = start(tap)
    eq(c.insert(1, SYM['loop_cmp']), 'OK', 'Z1')
    for i in range(1, 6):
        stop = c.cont(TIMEOUT)
        eq(stop.reg(REG_PC), SYM['loop_cmp'], 'pc, iteration %d' % i)
        eq(reg(c, REG_R2), i, 'r2, iteration %d' % i)
        # Step over the breakpoint as GDB does.
        eq(c.remove(1, SYM['loop_cmp']), 'OK', 'z1')
        c.step(TIMEOUT)
        eq(c.insert(1, SYM['loop_cmp']), 'OK', 'Z1 again')
    eq(c.remove(1, SYM['loop_cmp']), 'OK', 'z1')
    eq(c.cont(TIMEOUT).exit_code, GUEST_EXIT, 'exit code')


def test_watch_write(tap):
    emu, c = start(tap)
    # A read watchpoint on var first: the store must not trigger it.
    eq(c.insert(2, SYM['var'], 2), 'OK', 'Z2')
    stop = c.cont(TIMEOUT)
    eq(stop.signal, 5, 'signal')
    eq(stop.info.get('watch'), '%x' % SYM['var'], 'watch: address')
    # The stop comes after the access: the value is in memory.
    eq(stop.reg(REG_PC), SYM['after_store'], 'pc after the store')
    eq(c.read_memory(SYM['var'], 2), bytes.fromhex('3412'), 'stored value')
    eq(c.remove(2, SYM['var'], 2), 'OK', 'z2')
    eq(c.cont(TIMEOUT).exit_code, GUEST_EXIT, 'exit code')


def test_watch_read(tap):
    emu, c = start(tap)
    # The store to var comes first and must not stop a read watchpoint.
    eq(c.insert(3, SYM['var'], 2), 'OK', 'Z3')
    stop = c.cont(TIMEOUT)
    eq(stop.info.get('rwatch'), '%x' % SYM['var'], 'rwatch: address')
    eq(stop.reg(REG_PC), SYM['after_load'], 'pc after the load')
    eq(reg(c, REG_R5), 0x1234, 'r5 loaded')
    eq(c.remove(3, SYM['var'], 2), 'OK', 'z3')


def test_watch_access(tap):
    emu, c = start(tap)
    eq(c.insert(4, SYM['var'], 2), 'OK', 'Z4')
    stop = c.cont(TIMEOUT)
    eq(stop.info.get('awatch'), '%x' % SYM['var'], 'awatch on the store')
    eq(stop.reg(REG_PC), SYM['after_store'], 'pc after the store')
    stop = c.cont(TIMEOUT)
    eq(stop.info.get('awatch'), '%x' % SYM['var'], 'awatch on the load')
    eq(stop.reg(REG_PC), SYM['after_load'], 'pc after the load')
    eq(c.remove(4, SYM['var'], 2), 'OK', 'z4')
    # var2 is only read: an access watchpoint there stops once.
    eq(c.insert(4, SYM['var2'], 2), 'OK', 'Z4 var2')
    stop = c.cont(TIMEOUT)
    eq(stop.info.get('awatch'), '%x' % SYM['var2'], 'awatch on var2')
    eq(stop.reg(REG_PC), SYM['after_load2'], 'pc after the load of var2')
    eq(c.remove(4, SYM['var2'], 2), 'OK', 'z4 var2')
    eq(c.cont(TIMEOUT).exit_code, GUEST_EXIT, 'exit code')


def test_step_across_branch(tap):
    emu, c = start(tap)
    run_to(c, 'loop_bne')
    eq(reg(c, REG_R2), 1, 'r2 in the first iteration')
    stop = c.step(TIMEOUT)
    eq(stop.signal, 5, 'signal')
    check('swbreak' not in stop.info and 'hwbreak' not in stop.info,
          'a step is no breakpoint: %r' % stop)
    eq(stop.reg(REG_PC), SYM['loop_top'], 'taken branch')
    # Last iteration: the branch falls through.
    set_reg(c, REG_R2, 4)
    eq(c.step(TIMEOUT).reg(REG_PC), SYM['loop_cmp'], 'addw')
    eq(c.step(TIMEOUT).reg(REG_PC), SYM['loop_bne'], 'cmpw')
    eq(c.step(TIMEOUT).reg(REG_PC), SYM['after_loop'], 'branch not taken')
    eq(reg(c, REG_R2), 5, 'r2')
    # s with an address resumes there.
    stop = StopReply(c.command('s%x' % SYM['loop_top'], TIMEOUT))
    eq(stop.reg(REG_PC), SYM['loop_cmp'], 's ADDR')
    eq(reg(c, REG_R2), 6, 'r2 after s ADDR')
    # S with a signal (ignored) and an address.
    stop = StopReply(c.command('S05;%x' % SYM['loop_top'], TIMEOUT))
    eq(stop.reg(REG_PC), SYM['loop_cmp'], 'S SIG;ADDR')
    eq(reg(c, REG_R2), 7, 'r2 after S SIG;ADDR')


def test_step_into_excp(tap):
    emu, c = start(tap)
    run_to(c, 'trap_insn')
    isp = reg(c, REG_ISP)
    stop = c.step(TIMEOUT)
    eq(stop.reg(REG_PC), SYM['h_svc'], 'step lands in the handler')
    # The frame: the EXCP's address (>> 1, 32 bits), then the PSR (16).
    eq(reg(c, REG_ISP), isp - 6, 'frame pushed on ISP')
    frame = c.read_memory(isp - 6, 6)
    eq(int.from_bytes(frame[:4], 'little'), SYM['trap_insn'] >> 1,
       'saved pc')
    check(int.from_bytes(frame[4:], 'little') & 0x200, 'saved PSR.E')
    for _ in range(5):
        stop = c.step(TIMEOUT)
    eq(stop.reg(REG_PC), SYM['after_trap'], 'retx returned past the EXCP')
    eq(reg(c, REG_R6), 0x55, 'the handler ran')
    eq(reg(c, REG_ISP), isp, 'frame popped')


def test_vcont(tap):
    emu, c = start(tap)
    stop = StopReply(c.command('vCont;s:1', TIMEOUT))
    eq(stop.reg(REG_PC), 6, 'vCont;s:1 stepped one instruction')
    stop = StopReply(c.command('vCont;s', TIMEOUT))
    eq(stop.reg(REG_PC), 0xa, 'vCont;s')
    eq(c.insert(0, SYM['after_loop']), 'OK', 'Z0')
    stop = StopReply(c.command('vCont;c:-1', TIMEOUT))
    eq(stop.reg(REG_PC), SYM['after_loop'], 'vCont;c')
    eq(c.remove(0, SYM['after_loop']), 'OK', 'z0')
    eq(c.command('vCont;t'), 'E22', 'vCont;t is not offered')
    eq(c.command('vCont;s:2'), 'E22', 'no thread 2')
    eq(c.command('vCont;x'), 'E22', 'unknown action')
    stop = StopReply(c.command('vCont;C05', TIMEOUT))
    eq(stop.exit_code, GUEST_EXIT, 'vCont;C05 runs to the end')


def test_continue_to_exit(tap):
    emu, c = start(tap)
    stop = c.cont(TIMEOUT)
    eq(stop.kind, 'W', 'exit reported')
    eq(stop.exit_code, GUEST_EXIT, 'W code')
    eq(exit_code(emu), GUEST_EXIT, 'emulator exit status')


def test_ctrl_c(tap):
    emu, c = start(tap)
    set_reg(c, REG_PC, SYM['spin'])
    for round in (1, 2):
        c.send_packet('c')
        time.sleep(0.3)
        check(c.nothing_pending(), 'no stop before Ctrl-C')
        c.interrupt()
        stop = c.wait_stop(TIMEOUT)
        eq(stop.signal, 2, 'SIGINT, round %d' % round)
        check(stop.reg(REG_PC) in (SYM['spin'], SYM['spin'] + 2),
              'pc in the spin loop: %r' % stop)
        # It did run: r3 counts iterations.
        check(reg(c, REG_R3) > 0, 'the guest ran')
    # A stray Ctrl-C while stopped changes nothing.
    c.interrupt()
    eq(c.stop_reason().signal, 2, '? after Ctrl-C')


def test_detach(tap):
    emu, c = start(tap)
    eq(c.insert(0, SYM['after_loop']), 'OK', 'Z0')
    eq(c.insert(2, SYM['var'], 2), 'OK', 'Z2')
    eq(c.command('D'), 'OK', 'D')
    c.close()
    # Breakpoints gone, guest running: it exits by itself.
    eq(exit_code(emu), GUEST_EXIT, 'guest ran to its end after D')


def test_disconnect_resumes(tap):
    emu, c = start(tap)
    eq(c.insert(0, SYM['after_loop']), 'OK', 'Z0')
    stop = c.cont(TIMEOUT)
    eq(stop.reg(REG_PC), SYM['after_loop'], 'stopped at the breakpoint')
    # Vanish without D: the stub cleans up and lets the guest go.
    c.close()
    eq(exit_code(emu), GUEST_EXIT, 'guest ran to its end')


def test_reattach(tap):
    emu, c = start(tap)
    set_reg(c, REG_PC, SYM['spin'])
    c.send_packet('c')
    c.close()
    time.sleep(0.3)
    check(emu.alive(), 'emulator still there')
    # A new client finds the guest stopped, still spinning where it was.
    c2 = emu.connect(timeout=TIMEOUT)
    tap.defer(c2.close)
    c2.handshake(noack=False)
    stop = c2.stop_reason()
    check(stop.reg(REG_PC) in (SYM['spin'], SYM['spin'] + 2),
          'pc in the spin loop: %r' % stop)
    r3 = reg(c2, REG_R3)
    check(r3 > 0, 'the guest ran while detached')
    time.sleep(0.2)
    eq(reg(c2, REG_R3), r3, 'stopped while attached')
    # And it can be debugged as before.
    set_reg(c2, REG_PC, SYM['_start'])
    eq(c2.insert(0, SYM['after_loop']), 'OK', 'Z0')
    eq(c2.cont(TIMEOUT).reg(REG_PC), SYM['after_loop'], 'breakpoint')


def test_kill(tap):
    emu, c = start(tap)
    c.send_packet('k')
    eq(exit_code(emu), 0, 'emulator exit status after k')


def test_vkill(tap):
    emu, c = start(tap)
    eq(c.command('vKill;1'), 'OK', 'vKill')
    eq(exit_code(emu), 0, 'emulator exit status after vKill')


def test_monitor_command(tap):
    emu, c = start(tap)
    out = c.monitor('info status')
    check('VM status' in out, 'info status: %r' % out)
    out = c.monitor('info registers')
    check('PC' in out.upper(), 'info registers: %r' % out)
    # Long output arrives in several O packets.
    out = c.monitor('help')
    check(len(out) > 1000 and 'info' in out, 'help: %d bytes' % len(out))
    out = c.monitor('nosuchcommand')
    check(out, 'an unknown command says so')
    # Moving the stub from its own connection is refused, not fatal.
    out = c.monitor('gdbserver tcp::1')
    check('Error' in out, 'gdbserver from qRcmd: %r' % out)
    eq(c.stop_reason().signal, 5, 'still serving')
    eq(c.command('qRcmd,zz'), 'E22', 'bad hex')


def test_unix_socket(tap):
    path = os.path.join(TMP, 'gdb.sock')
    emu = GdbEmulator(OPTS.qemu, ELF, gdb='unix:' + path)
    tap.defer(emu.stop)
    c = RSPClient.connect_unix(path, timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    eq(c.stop_reason().reg(REG_PC), SYM['_start'], 'pc over a unix socket')
    eq(c.cont(TIMEOUT).exit_code, GUEST_EXIT, 'exit code')


def test_hmp_gdbserver(tap):
    emu = GdbEmulator(OPTS.qemu, ELF, gdb='none', hmp=True)
    tap.defer(emu.stop)
    mon = emu.connect_hmp(timeout=TIMEOUT, connect_timeout=TIMEOUT)
    port = free_port()
    out = mon.raw('gdbserver tcp::%d' % port, eol='\n')
    check('Waiting for gdb connection' in out, out)
    c = RSPClient.connect_tcp(port, timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    eq(c.stop_reason().reg(REG_PC), SYM['_start'], 'attached')
    eq(c.insert(0, SYM['after_loop']), 'OK', 'Z0')
    # Released guests run: keep this one busy until the next client.
    set_reg(c, REG_PC, SYM['spin'])
    # Moving the stub drops the client and its breakpoint.
    port2 = free_port()
    out = mon.raw('gdbserver tcp::%d' % port2, eol='\n')
    check('Waiting for gdb connection' in out, out)
    try:
        c.command('qC')
        raise AssertionError('old connection still served')
    except (RSPError, OSError):
        pass
    c2 = RSPClient.connect_tcp(port2, timeout=TIMEOUT)
    tap.defer(c2.close)
    c2.handshake()
    set_reg(c2, REG_PC, SYM['_start'])
    stop = c2.cont(TIMEOUT)
    eq(stop.exit_code, GUEST_EXIT, 'no breakpoint left from the old client')


def test_hmp_gdbserver_none(tap):
    emu = GdbEmulator(OPTS.qemu, ELF, hmp=True)
    tap.defer(emu.stop)
    mon = emu.connect_hmp(timeout=TIMEOUT, connect_timeout=TIMEOUT)
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    out = mon.raw('gdbserver none', eol='\n')
    check('Disabled gdbserver' in out, out)
    # The client is gone and the guest, no longer held, runs to its end.
    eq(emu.wait(TIMEOUT), GUEST_EXIT, 'guest ran to its end')


def test_single_step_flags(tap):
    emu, c = start(tap)
    eq(c.command('qqemu.sstepbits'), 'ENABLE=1,NOIRQ=2,NOTIMER=4',
       'sstepbits')
    eq(c.command('qqemu.sstep'), '0x7', 'default flags')
    eq(c.command('Qqemu.sstep=1'), 'OK', 'set flags')
    eq(c.command('qqemu.sstep'), '0x1', 'flags now')
    eq(c.command('Qqemu.sstep=8'), 'E22', 'unknown flag')
    eq(c.command('Qqemu.sstep=2'), 'E22', 'stepping must stay enabled')
    eq(c.step(TIMEOUT).reg(REG_PC), 6, 'steps with the new flags')


# ---- interrupts (virt board) ------------------------------------------------------------

# For the virt board (-bios none: the CPU starts at _start in RAM).  Timer
# 0 is started and polled until it expires with interrupts still masked,
# so its interrupt (ICU input 1, vector 0x11) is pending at "ready"; the
# next instructions enable it.  h_timer acknowledges it and counts in r7.
IRQ_PROGRAM = '''
    .equ TIMER, 0xff0100
    .equ ICU, 0xfffe00
    .text
    .global _start
_start:
    movd $0x100000, (sp)
    movd $0x80000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
    movw $0x100, r0
    lpr r0, cfg
    movw $0, r7
    movd $ICU, (r1,r0)
    movw $2, r2
    storw r2, 0xe(r1,r0)        # IENAM0: timer 0
    movd $TIMER, (r1,r0)
    movw $100, r2
    storw r2, 0(r1,r0)          # LOAD(0): 100 ticks
    movw $5, r2
    storw r2, 8(r1,r0)          # CTRL(0): EN | IE, one shot
poll:
    loadw 0xc(r1,r0), r2        # STATUS(0)
    cmpw $0, r2
    beq poll
ready:
    spr psr, r0
    orw $0x800, r0
enable:
    lpr r0, psr
spin:
    addw $1, r3
    br spin
h_timer:
    movd $TIMER, (r5,r4)
    movw $1, r6
    storw r6, 0xc(r5,r4)        # acknowledge: STATUS(0).EXPIRED
    addw $1, r7
    retx
    .align 4
vtab:
    .long h_timer@c, h_timer@c, h_timer@c, h_timer@c
    .long h_timer@c, h_timer@c, h_timer@c, h_timer@c
    .long h_timer@c, h_timer@c, h_timer@c, h_timer@c
    .long h_timer@c, h_timer@c, h_timer@c, h_timer@c
    .long h_timer@c, h_timer@c, h_timer@c, h_timer@c
'''

ICU_ISTAT0 = 0xfffe0a


def have_virt():
    return 'virt' in machines(OPTS.qemu)


def test_step_into_interrupt(tap):
    elf, sym = build_guest(OPTS.asm, TMP, IRQ_PROGRAM, 'irq',
                           ttext=0x10000, tdata=0x40000)
    emu = GdbEmulator(OPTS.qemu, elf, machine='virt',
                      extra=['-bios', 'none'])
    tap.defer(emu.stop)
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    eq(c.stop_reason().reg(REG_PC), sym['_start'], 'pc at reset')
    eq(c.insert(0, sym['ready']), 'OK', 'Z0 ready')
    eq(c.cont(TIMEOUT).reg(REG_PC), sym['ready'], 'timer expired')
    eq(c.remove(0, sym['ready']), 'OK', 'z0')
    # The debugger reads the device: the timer's input is pending.
    check(int.from_bytes(c.read_memory(ICU_ISTAT0, 2), 'little') & 2,
          'ICU input 1 pending')
    # Default flags: steps hold interrupts back even once enabled.
    c.step(TIMEOUT)
    eq(c.step(TIMEOUT).reg(REG_PC), sym['enable'], 'spr, orw')
    eq(c.step(TIMEOUT).reg(REG_PC), sym['spin'], 'lpr enabled I')
    check(reg(c, REG_PSR) & 0x800, 'PSR.I set')
    eq(c.step(TIMEOUT).reg(REG_PC), sym['spin'] + 2, 'no interrupt taken')
    eq(reg(c, 7), 0, 'handler not run')
    # Let interrupts in: the next step stops on the handler's first insn.
    eq(c.command('Qqemu.sstep=1'), 'OK', 'sstep flags')
    isp = reg(c, REG_ISP)
    stop = c.step(TIMEOUT)
    eq(stop.reg(REG_PC), sym['h_timer'], 'stepped into the handler')
    eq(reg(c, REG_ISP), isp - 6, 'interrupt frame pushed')
    saved = int.from_bytes(c.read_memory(isp - 6, 4), 'little') << 1
    eq(saved, sym['spin'] + 2, 'interrupted pc saved')
    check(not reg(c, REG_PSR) & 0x800, 'PSR.I cleared in the handler')
    # Every instruction of the handler, then back where it left off.
    for name in ('movw', 'storw', 'addw', 'retx'):
        c.step(TIMEOUT)
    eq(reg(c, 7), 1, 'handler counted')
    eq(c.step(TIMEOUT).reg(REG_PC), sym['spin'] + 2, 'retx returned')
    check(reg(c, REG_PSR) & 0x800, 'PSR.I restored')
    check(not int.from_bytes(c.read_memory(ICU_ISTAT0, 2), 'little') & 2,
          'acknowledged')


def test_breakpoint_in_interrupt_handler(tap):
    elf, sym = build_guest(OPTS.asm, TMP, IRQ_PROGRAM, 'irq2',
                           ttext=0x10000, tdata=0x40000)
    emu = GdbEmulator(OPTS.qemu, elf, machine='virt',
                      extra=['-bios', 'none'])
    tap.defer(emu.stop)
    c = emu.connect(timeout=TIMEOUT)
    tap.defer(c.close)
    c.handshake()
    # The handler's third instruction (the acknowledging store).
    target = sym['h_timer'] + 8
    eq(c.insert(1, target), 'OK', 'Z1 in the handler')
    stop = c.cont(TIMEOUT)
    eq(stop.reg(REG_PC), target, 'stopped inside the handler')
    check(int.from_bytes(c.read_memory(ICU_ISTAT0, 2), 'little') & 2,
          'not yet acknowledged')
    eq(reg(c, 7), 0, 'r7 not yet counted')
    eq(c.remove(1, target), 'OK', 'z1')
    eq(c.insert(0, sym['spin']), 'OK', 'Z0 spin')
    stop = c.cont(TIMEOUT)
    eq(stop.reg(REG_PC), sym['spin'], 'back in the loop')
    eq(reg(c, 7), 1, 'the handler ran once')


# ---- the acceptance session ------------------------------------------------------------


def test_session(tap):
    """Break at a label, step 10, read registers, watch, run to exit."""
    emu, c = start(tap)
    eq(c.insert(0, SYM['loop_top']), 'OK', 'break at loop_top')
    stop = c.cont(TIMEOUT)
    eq(stop.reg(REG_PC), SYM['loop_top'], 'stopped at loop_top')
    check('swbreak' in stop.info, 'reported as a breakpoint')
    eq(c.remove(0, SYM['loop_top']), 'OK', 'remove it')

    # Ten steps through the loop: addw, cmpw, bne (taken) ...
    cycle = [SYM['loop_cmp'], SYM['loop_bne'], SYM['loop_top']]
    for i in range(10):
        stop = c.step(TIMEOUT)
        eq(stop.reg(REG_PC), cycle[i % 3], 'pc after step %d' % (i + 1))
        eq(reg(c, REG_PC), cycle[i % 3], 'p pc after step %d' % (i + 1))

    r = regs(c)
    eq(r[REG_R2], 4, 'r2: four additions')
    eq(r[REG_PC], SYM['loop_cmp'], 'pc')
    eq(r[REG_SP], 0x100000, 'sp')
    eq(r[REG_ISP], 0x7000, 'isp')
    eq(r[REG_INTBASE], SYM['vtab'], 'intbase')
    eq(r[REG_CFG], 0x100, 'cfg')
    eq(r[REG_R0], 0x100, 'r0')
    # 4 - 5 borrows: cmpw left the flags of a "not equal, lower" compare.
    check(r[REG_PSR] & 0x200, 'PSR.E still set')
    check(not r[REG_PSR] & 0x40, 'PSR.Z clear after cmpw 5, 4')

    eq(c.insert(2, SYM['var'], 2), 'OK', 'watch var')
    stop = c.cont(TIMEOUT)
    eq(stop.info.get('watch'), '%x' % SYM['var'], 'watchpoint hit')
    eq(stop.reg(REG_PC), SYM['after_store'], 'after the store')
    eq(c.read_memory(SYM['var'], 2), bytes.fromhex('3412'), 'var')
    eq(reg(c, REG_R2), 5, 'the loop finished')
    eq(c.remove(2, SYM['var'], 2), 'OK', 'unwatch')

    stop = c.cont(TIMEOUT)
    eq(stop.kind, 'W', 'exited')
    eq(stop.exit_code, GUEST_EXIT, 'exit code')
    eq(exit_code(emu), GUEST_EXIT, 'emulator exit status')


REG_R0 = 0
TMP = None

TESTS = [
    ('attach-at-reset', test_attach_at_reset),
    ('target-xml', test_target_xml),
    ('registers', test_registers),
    ('memory', test_memory),
    ('patch-code', test_patch_code),
    ('z0-software-breakpoint', test_sw_breakpoint),
    ('z1-hardware-breakpoint', test_hw_breakpoint),
    ('z1-every-iteration', test_hw_breakpoint_every_iteration),
    ('z2-write-watchpoint', test_watch_write),
    ('z3-read-watchpoint', test_watch_read),
    ('z4-access-watchpoint', test_watch_access),
    ('step-across-branch', test_step_across_branch),
    ('step-into-excp-handler', test_step_into_excp),
    ('vcont', test_vcont),
    ('continue-to-exit', test_continue_to_exit),
    ('ctrl-c', test_ctrl_c),
    ('detach', test_detach),
    ('disconnect-resumes', test_disconnect_resumes),
    ('reattach', test_reattach),
    ('kill', test_kill),
    ('vkill', test_vkill),
    ('qrcmd-monitor', test_monitor_command),
    ('unix-socket', test_unix_socket),
    ('single-step-flags', test_single_step_flags),
    ('hmp-gdbserver', test_hmp_gdbserver),
    ('hmp-gdbserver-none', test_hmp_gdbserver_none),
    ('session', test_session),
    ('step-into-interrupt-handler', test_step_into_interrupt),
    ('breakpoint-in-interrupt-handler', test_breakpoint_in_interrupt_handler),
]


def main():
    global OPTS, ELF, SYM, TMP
    ap = arg_parser()
    ap.add_argument('tests', nargs='*', help='names of tests to run')
    OPTS = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    TMP = tmp.name
    ELF, SYM = build_guest(OPTS.asm, TMP)
    tap = Harness(sep=' ')
    virt = have_virt()
    for name, fn in TESTS:
        if OPTS.tests and name not in OPTS.tests:
            continue
        if name.endswith('interrupt-handler') and not virt:
            # The sim board has no interrupt source.
            tap.skip(name, 'this build has no virt machine')
            continue
        tap.run(name, lambda: fn(tap))
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
