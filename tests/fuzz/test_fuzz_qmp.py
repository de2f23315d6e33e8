#!/usr/bin/env python3
#
# QMP protocol fuzzing against a live emulator.
#
#   test_fuzz_qmp.py --qemu QEMU --bios cr16-virt.bin [--seed N] [--case K]
#
# Each case starts "virt" (running its firmware, devices in the slots) with
# a QMP socket and sends a few hundred messages:
#
# - every command from query-commands with random arguments: the right
#   names with values of every JSON type, missing and unknown members;
# - qom-get/qom-set on the real QOM tree (found with qom-list) with values
#   of every type, device_add of every type with random properties,
#   device_del, HMP command lines through human-monitor-command;
# - broken input: random bytes, invalid UTF-8, deep nesting, huge strings
#   and numbers, unterminated texts, mutated valid messages, messages
#   split over many writes;
# - on a second socket, the human monitor typed at: command words, line
#   editing keys, escape sequences, random bytes (never a "q").
#
# Case 0 first sets every property of every object in the QOM tree to a
# value of every JSON type.  After each batch a tagged query-status must
# be answered, on the same connection or, if the input left the JSON
# splitter waiting (or the emulator closed the connection), on a new one;
# the human monitor must answer "info status" the same way.  The case ends with
# "quit"; the emulator must exit with status 0 and no sanitizer report.
# Commands that end the process or write host files are only sent in safe
# forms (quit never, memsave/pmemsave only into the test's directory).
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import json
import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

# Argument names per command (docs/interop/qmp.rst).
ARGS = {
    'qmp_capabilities': ['enable'],
    'x-query-registers': ['cpu-index'],
    'qom-list': ['path'],
    'qom-get': ['path', 'property'],
    'qom-set': ['path', 'property', 'value'],
    'qom-list-types': ['implements', 'abstract'],
    'device-list-properties': ['typename'],
    'qom-list-properties': ['typename'],
    'device_add': ['driver', 'id', 'bus', 'slot'],
    'device_del': ['id'],
    'memsave': ['val', 'size', 'filename', 'cpu-index'],
    'pmemsave': ['val', 'size', 'filename'],
    'human-monitor-command': ['command-line', 'cpu-index'],
}
NEVER = {'quit'}

HMP_WORDS = ['help', 'info', 'stop', 'c', 'cont', 'system_reset',
             'device_add', 'device_del', 'qom-list', 'qom-get', 'qom-set',
             'x', 'xp', 'log', 'cpu', '?', 'info registers', 'info mtree',
             'info mtree -f -d -o -D', 'info qtree', 'info qom-tree',
             'info chardev', 'info history', 'info cpus', 'info status',
             'x/16xh $pc', 'xp/8i 0', 'x/4096xb 0xff0000', 'xp/3c 0x10000',
             'log none', 'log guest_errors', 'cpu 0', 'cpu 7']
HMP_BAD = ('q', 'quit', 'gdbserver', 'memsave', 'pmemsave', 'log')


def rand_string(rng):
    pick = rng.random()
    if pick < 0.15:
        return ''
    if pick < 0.25:
        return 'x' * rng.choice([255, 256, 4096, 65536, 300000])
    if pick < 0.4:
        return ''.join(chr(rng.choice([0, 1, 0x7f, 0xe9, 0x2028, 0xfeff,
                                       0xd7ff, 0x1f600, 0x10ffff]))
                       for _ in range(rng.randrange(1, 8)))
    if pick < 0.6:
        return rng.choice(['/machine', '/machine/peripheral', '/',
                           '//', '/machine/..', '/machine/unattached/'
                           'device[0]', 'slot.0', 'slot.9', 'on', 'off',
                           'true', '0x10', '-1', '18446744073709551616',
                           '1e9', 'ns16550a', 'cr16-dmatest', 'memory',
                           'realized', 'cr16c-cpu', 'id=x', 'a,b=c',
                           '%s%n%x', '\\', '"', '{}', 'help', '?'])
    return ''.join(chr(rng.randrange(32, 127))
                   for _ in range(rng.randrange(1, 40)))


def rand_scalar(rng):
    pick = rng.randrange(9)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, 1, -1, 2, 255, 0x10000, 2**31 - 1, 2**31,
                           2**32, 2**63 - 1, -2**63, 0xffffff, 0xff4000])
    if pick == 3:
        return rng.getrandbits(rng.choice([8, 16, 24, 32, 64])) - \
            (2**63 if rng.random() < 0.2 else 0)
    if pick == 4:
        return rng.choice([0.5, -0.0, 1e308, -1e-300, 3.0])
    return rand_string(rng)


def rand_value(rng, depth=0):
    pick = rng.random()
    if depth > 3 or pick < 0.7:
        return rand_scalar(rng)
    if pick < 0.85:
        return [rand_value(rng, depth + 1)
                for _ in range(rng.randrange(0, 4))]
    return {rand_string(rng)[:20]: rand_value(rng, depth + 1)
            for _ in range(rng.randrange(0, 4))}


class Fuzzer:
    def __init__(self, rng, workdir, commands, tree, types):
        self.rng = rng
        self.workdir = workdir
        self.commands = [c for c in commands if c not in NEVER]
        self.tree = tree            # [(path, [(prop, type)])]
        self.types = types

    def path_and_prop(self):
        path, props = self.rng.choice(self.tree)
        if props and self.rng.random() < 0.9:
            return path, self.rng.choice(props)[0]
        return path, rand_string(self.rng)

    def hmp_line(self):
        rng = self.rng
        words = [rng.choice(HMP_WORDS)]
        for _ in range(rng.randrange(0, 4)):
            words.append(rng.choice([rand_string(rng)[:30],
                                     hex(rng.getrandbits(24)),
                                     self.path_and_prop()[0],
                                     rng.choice(self.types)]))
        line = ' '.join(words)
        if rng.random() < 0.2:
            line = mutate(rng, line.encode()).decode('latin-1')
        first = line.split(' ')[0] if line.split() else ''
        if first in HMP_BAD or first.startswith(('q', 'gdb')):
            line = 'info status'
        return line.replace('\n', ' ')

    def command(self):
        """A well-formed message with random or nearly-right arguments."""
        rng = self.rng
        name = rng.choice(self.commands)
        args = {}
        for arg in ARGS.get(name, []):
            if rng.random() < 0.7:
                args[arg] = rand_value(rng)
        if name in ('qom-get', 'qom-set', 'qom-list') and \
                rng.random() < 0.8:
            args['path'], prop = self.path_and_prop()
            if name != 'qom-list':
                args['property'] = prop
        if name in ('device_add', 'device-list-properties',
                    'qom-list-properties') and rng.random() < 0.8:
            key = 'driver' if name == 'device_add' else 'typename'
            args[key] = rng.choice(self.types)
            if name == 'device_add':
                for _ in range(rng.randrange(0, 4)):
                    args[rng.choice(['chardev', 'addr', 'size', 'memory',
                                     'chunk-size', 'chunk-ns', 'regshift',
                                     'baudbase', 'data', 'data-len',
                                     'cpu-num', 'force-raw', 'file',
                                     'id', 'bus', 'slot'])] = \
                        rand_value(rng)
        if name == 'device_del' and rng.random() < 0.6:
            args['id'] = rng.choice(['dma0', 'card0', 'uart2', 'x1', 'x2',
                                     self.path_and_prop()[0]])
        if name == 'human-monitor-command':
            args['command-line'] = self.hmp_line()
        if name in ('memsave', 'pmemsave'):
            # Never a host file outside the test directory, never huge.
            args['filename'] = os.path.join(self.workdir, 'dump.bin')
            if not isinstance(args.get('size'), int) or \
                    not 0 <= args['size'] <= 0x10000:
                args['size'] = rng.choice([0, 1, 0x100, 0x10000, -1,
                                           'big', None])
        if 'file' in args:
            args['file'] = os.path.join(self.workdir, 'nonexistent.bin')
        if rng.random() < 0.1:
            args[rand_string(rng)[:16]] = rand_value(rng)
        msg = {'execute': name}
        if args or rng.random() < 0.5:
            msg['arguments'] = args
        if rng.random() < 0.3:
            msg['id'] = rand_value(rng)
        return (json.dumps(msg) + '\n').encode()

    def garbage(self):
        rng = self.rng
        pick = rng.randrange(14)
        if pick == 0:
            return bytes(rng.getrandbits(8) for _ in range(rng.randrange(
                1, 300))) + b'\n'
        if pick == 1:
            n = rng.choice([1000, 1025, 5000, 200000])
            return b'[' * n + b']' * rng.choice([0, n]) + b'\n'
        if pick == 2:
            n = rng.choice([1023, 1024, 1025, 3000])
            return (b'{"execute":"query-status","arguments":' +
                    b'{"a":' * n + b'1' + b'}' * (n + 1) + b'}\n')
        if pick == 3:
            size = rng.choice([1 << 16, 1 << 20, (10 << 20) + 10])
            return b'{"execute":"' + b'a' * size + b'"}\n'
        if pick == 4:
            return rng.choice([b'{"execute": "\xff\xfe"}\n',
                               b'{"execute": "query-\xc3"}\n',
                               b'{"\xed\xa0\x80": 1}\n',
                               b'"\xf4\x90\x80\x80"\n',
                               b'{"execute": "qom-get", "arguments": '
                               b'{"path": "/\xc0\xaf", "property": "x"}}\n'])
        if pick == 5:
            return rng.choice([b'1e999999\n', b'-\n', b'}\n', b']]]]\n',
                               b'{"execute"}\n', b'{,}\n', b'[1,]\n',
                               b'nul\n', b'truefalse\n', b'\x00\n',
                               b'{"execute":"query-status"\x00}\n',
                               b'\\u0000\n', b'"\\ud800"\n',
                               b'"\\uZZZZ"\n', b'{"a":"\\u0000"}\n',
                               b'123456789012345678901234567890\n',
                               b'{"execute": "query-status", "id": '
                               b'18446744073709551616}\n',
                               b'-0.0e-0\n', b'\xef\xbb\xbf{}\n'])
        if pick == 6:
            # An unterminated string: what follows is swallowed until the
            # splitter gives up or the connection is renewed.
            return b'{"execute": "abc\n'
        if pick == 7:
            return b'{"execute": "query-status", "arguments": ' + \
                json.dumps(rand_value(rng)).encode() + b'}\n'
        if pick == 8:
            return (b'{"execute": ' + json.dumps(rand_value(rng)).encode() +
                    b'}\n')
        if pick == 9:
            return json.dumps(rand_value(rng)).encode() + b'\n'
        if pick == 10:
            return b'{"execute": "query-status"}' * rng.randrange(2, 50) + \
                b'\n'
        return mutate(rng, self.command())


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        if not data:
            break
        op = rng.randrange(4)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] = rng.getrandbits(8)
        elif op == 1:
            del data[i]
        elif op == 2:
            data.insert(i, rng.choice(b'{}[]",:\\\x00\xff0e-'))
        else:
            j = rng.randrange(len(data))
            data[i:i] = data[j:j + rng.randrange(1, 16)]
    return bytes(data)


class Session:
    """The QMP connection; renewed when the old one stops answering."""

    def __init__(self, q):
        self.q = q
        self.mon = None
        self.renewals = 0
        self.tag = 0
        self.connect()

    def connect(self):
        if self.mon:
            self.mon.close()
        self.mon = self.q.qmp()
        self.mon.negotiate()

    def send(self, data, rng):
        try:
            if rng.random() < 0.2 and len(data) < 4096:
                # Byte by byte, in random pieces.
                pos = 0
                while pos < len(data):
                    n = rng.randrange(1, 8)
                    self.mon.send(data[pos:pos + n])
                    pos += n
            else:
                self.mon.send(data)
        except (BrokenPipeError, ConnectionResetError):
            self.renew('the emulator closed the connection while we sent')

    def renew(self, why):
        fz.check(self.q.alive(), 'emulator died (%s)\n%s' %
                 (why, self.q.stderr()[-4000:]))
        self.renewals += 1
        self.connect()

    def alive_check(self):
        """A tagged query-status must come back, here or on a new link."""
        self.tag += 1
        tag = 'alive-%d' % self.tag
        for attempt in range(2):
            try:
                self.mon.sock.settimeout(0.5 if attempt == 0 else 20)
                self.mon.send(json.dumps({'execute': 'query-status',
                                          'id': tag}) + '\n')
                deadline = time.monotonic() + (0.5 if attempt == 0 else 20)
                while time.monotonic() < deadline:
                    r = self.mon.reply()
                    if r.get('id') == tag:
                        fz.check('return' in r, 'query-status: %r' % r)
                        self.mon.sock.settimeout(20)
                        return
            except (socket.timeout, EOFError, ConnectionResetError,
                    BrokenPipeError, json.JSONDecodeError):
                pass
            if attempt == 0:
                self.renew('no answer to query-status')
        raise fz.CaseFailure('QMP does not answer query-status even on a '
                             'new connection')


def qom_tree(mon, rng, limit=60):
    tree = []
    todo = ['/machine']
    while todo and len(tree) < limit:
        path = todo.pop(0)
        r = mon.cmd('qom-list', {'path': path})
        props = [(p['name'], p['type']) for p in r.get('return', [])]
        tree.append((path, props))
        for name, typ in props:
            if typ.startswith('child<'):
                todo.append(path.rstrip('/') + '/' + name)
    return tree


# Values every writable property gets in the qom-set sweep (case 0).
SWEEP_VALUES = [None, True, False, 0, 1, -1, 2**32, 2**63 - 1, -2**63,
                1.5, '', 'x', 'on', '0x10', '/machine', 'ns16550a', [], {}]


def qom_set_sweep(mon, tree):
    """Every property of every object set to every kind of value.

    This found a crash: qom-set realized=false, then true, on the
    cr16-slot-controller (it cannot be realized twice).  "realized" of
    devices and buses is now refused by qom-set.
    """
    count = 0
    for path, props in tree:
        for name, typ in props:
            if typ.startswith('child<') or name == 'type':
                continue
            for value in SWEEP_VALUES:
                mon.cmd('qom-set', {'path': path, 'property': name,
                                    'value': value})
                count += 1
            mon.ping()
    return count


# Keystrokes for the human monitor: words, line editing, escape sequences.
KEYS = [b'info ', b'registers', b'mtree -f', b'qtree', b'x/', b'xp/',
        b'8xh ', b'4i ', b'$pc', b'0x', b'ffffff', b'help', b'?', b' ',
        b'\t', b'\x1b[A', b'\x1b[B', b'\x1b[C', b'\x1b[D', b'\x1b[H',
        b'\x1b[F', b'\x1b[3~', b'\x1bO', b'\x1b[', b'\x1b[1;5', b'\x7f',
        b'\x08', b'\x01', b'\x05', b'\x0b', b'\x15', b'\x17', b'\x10',
        b'\x0e', b'\x04', b'\r', b'\n', b'\r\n', b'qom-list ', b'/machine',
        b'qom-get /machine/uart0 ', b'device_add ', b'cr16-memcard,id=k',
        b'ns16550a,chardev=', b'device_del ', b'stop', b'cont', b'"', b"'",
        b'(', b')', b'cpu ', b'system_reset', b'log ', b'guest_errors',
        b'x' * 3000]

# Lines that once crashed the human monitor: typed first in case 0.
HMP_REGRESSIONS = [
    # A string argument that is not UTF-8 was dropped by the JSON
    # library and reached the handler as NULL ("log" crashed).
    b'log \xff\r', b'device_del \xfe\xfe\r', b'qom-get \xc3 x\r',
]


class Hmp:
    """The human monitor on a socket, typed at with random keys."""

    def __init__(self, q, path):
        self.q = q
        self.path = path
        self.sock = None
        self.renewals = 0
        self.connect()

    def connect(self):
        if self.sock:
            self.sock.close()
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)
        self.sock.setblocking(False)

    def drain(self):
        out = b''
        try:
            while True:
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    break
                out += chunk
        except (BlockingIOError, ConnectionResetError):
            pass
        return out

    def type(self, data):
        try:
            self.sock.sendall(data)
        except (BlockingIOError, BrokenPipeError, ConnectionResetError):
            pass
        self.drain()

    def alive_check(self):
        """Clear the line, ask for the status, expect the answer."""
        for attempt in range(2):
            self.type(b'\x15\r')
            self.drain()
            self.type(b'info status\r')
            deadline = time.monotonic() + (1 if attempt == 0 else 20)
            out = b''
            while time.monotonic() < deadline:
                out += self.drain()
                if b'VM status' in out:
                    return
                time.sleep(0.01)
            fz.check(self.q.alive(), 'emulator died\n%s' %
                     self.q.stderr()[-4000:])
            self.renewals += 1
            self.connect()
        raise fz.CaseFailure('HMP does not answer "info status", even on a '
                             'new connection')


def hmp_keys(rng):
    data = b''.join(rng.choice(KEYS) if rng.random() < 0.75 else
                    bytes(rng.getrandbits(8) for _ in range(
                        rng.randrange(1, 12)))
                    for _ in range(rng.randrange(5, 40)))
    # Never type "q" (quit); "gdbserver" and "memsave" need a "q" or
    # are not in KEYS and random bytes will not spell them.
    return data.replace(b'q', b'Q').replace(b'Q', b'k')


def run_case(opts, rng, index, workdir):
    hpath = os.path.join(workdir, 'hmp.sock')
    if os.path.exists(hpath):
        os.unlink(hpath)
    args = ['-M', 'virt', '-display', 'none', '-serial', 'null',
            '-monitor', 'unix:%s,server=on,wait=off' % hpath,
            '-no-shutdown', '-bios', opts.bios,
            '-device', 'cr16-dmatest,slot=0,id=dma0',
            '-device', 'cr16-memcard,slot=1,id=card0',
            '-device', 'ns16550a,slot=2,id=uart2',
            '-d', 'guest_errors,unimp', '-D', os.devnull]
    if index % 3 == 1:
        args += ['-icount', 'shift=0']
    q = fz.Qemu(opts.qemu, args, workdir)
    try:
        s = Session(q)
        mon = s.mon
        commands = [c['name'] for c in mon.cmd('query-commands')['return']]
        types = [t['name'] for t in mon.cmd('qom-list-types')['return']]
        tree = qom_tree(mon, rng)
        fuzzer = Fuzzer(rng, workdir, commands, tree, types)
        sent = qom_set_sweep(mon, tree) if index == 0 else 0
        hmp = Hmp(q, hpath)
        if index == 0:
            for keys in HMP_REGRESSIONS:
                hmp.type(keys)
            hmp.alive_check()
        for batch in range(rng.randrange(10, 16)):
            for _ in range(rng.randrange(1, 12)):
                data = fuzzer.command() if rng.random() < 0.6 else \
                    fuzzer.garbage()
                s.send(data, rng)
                sent += 1
                if rng.random() < 0.3:
                    hmp.type(hmp_keys(rng))
            s.alive_check()
            hmp.alive_check()
        s.mon.quit()
        s.mon.drain()
        s.mon.close()
        q.finish(want_status=(0,))
    finally:
        q.kill()
    return '%d messages%s, %d + %d reconnects' % (
        sent, ' (a qom-set sweep first)' if index == 0 else '', s.renewals,
        hmp.renewals)


def main():
    ap = fz.arg_parser('QMP fuzzing', cases=10)
    ap.add_argument('--bios', required=True)
    opts = fz.parse_args(ap)
    opts.bios = os.path.abspath(opts.bios)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-qmp-') as workdir:
        fz.run_cases(tap, 'qmp', opts.cases,
                     lambda rng, i: run_case(opts, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
