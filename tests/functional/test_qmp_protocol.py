#!/usr/bin/env python3
"""QMP over a Unix socket against the real qemu-system-cr16.

A deliberately plain client (socket + json, nothing else) so that the
test checks the wire format itself: greeting, negotiation, framing,
malformed input, id echo, events and a clean quit.  Prints TAP.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time


class QMP:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError('cannot connect to ' + path)
        self.sock.settimeout(10)
        self.buf = b''

    def send_raw(self, data):
        self.sock.sendall(data)

    def line(self):
        while b'\r\n' not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('QMP connection closed')
            self.buf += chunk
        text, self.buf = self.buf.split(b'\r\n', 1)
        return json.loads(text)

    def cmd(self, name, args=None, **extra):
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        msg.update(extra)
        self.send_raw(json.dumps(msg).encode() + b'\n')
        return self.reply()

    def reply(self):
        """The next reply, keeping events aside."""
        while True:
            msg = self.line()
            if 'event' in msg:
                self.events.append(msg)
            else:
                return msg

    events = []


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=''):
        self.n += 1
        if ok:
            print('ok %d %s' % (self.n, name))
        else:
            self.failed += 1
            print('not ok %d %s' % (self.n, name))
            if detail:
                print('# ' + str(detail).replace('\n', '\n# '))
        sys.stdout.flush()


def is_error(rsp, cls, desc=None):
    err = rsp.get('error')
    if not err or err.get('class') != cls:
        return False
    return desc is None or err.get('desc') == desc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True)
    opts = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix='qmp-test-')
    path = os.path.join(tmp, 'qmp.sock')
    proc = subprocess.Popen([opts.qemu, '-M', 'none', '-display', 'none',
                             '-qmp', 'unix:%s,server=on,wait=off' % path],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t = Tap()
    print('1..20')
    try:
        q = QMP(path)
        g = q.line()
        ver = g.get('QMP', {}).get('version', {})
        t.check(set(ver.get('qemu', {})) == {'major', 'minor', 'micro'} and
                'package' in ver and g['QMP'].get('capabilities') == [],
                'greeting shape', g)

        r = q.cmd('query-status')
        t.check(is_error(r, 'CommandNotFound',
                         "Expecting capabilities negotiation with "
                         "'qmp_capabilities'"),
                'commands refused before negotiation', r)
        r = q.cmd('qmp_capabilities')
        t.check(r == {'return': {}}, 'qmp_capabilities', r)
        r = q.cmd('qmp_capabilities')
        t.check(is_error(r, 'CommandNotFound'), 'negotiation only once', r)

        r = q.cmd('query-status')
        t.check(r.get('return', {}).get('running') is True and
                r['return'].get('status') == 'running',
                'query-status running', r)

        # One message split over several writes, two in one write.
        q.send_raw(b'{"execute": "query-')
        time.sleep(0.1)
        q.send_raw(b'name", "id": "split"}')
        r = q.reply()
        t.check(r.get('id') == 'split' and 'return' in r,
                'message split across writes', r)
        q.send_raw(b'{"execute": "query-name", "id": 1}'
                   b'{"execute": "query-name", "id": 2}')
        r1, r2 = q.reply(), q.reply()
        t.check(r1.get('id') == 1 and r2.get('id') == 2,
                'two messages in one write', (r1, r2))

        bad = [
            (b'[1]', 'QMP input must be a JSON object'),
            (b'{"id": 5}', "QMP input lacks member 'execute'"),
            (b'{"execute": "stop", "foo": 1}',
             "QMP input member 'foo' is unexpected"),
            (b'{"execute": "qom-list"}', "Parameter 'path' is missing"),
            (b'{"execute": "qom-list", "arguments": {"path": 3}}',
             "Invalid parameter type for 'path', expected: string"),
            (b'{"execute": "qom-list", "arguments": {"path": "/", "x": 1}}',
             "Parameter 'x' is unexpected"),
        ]
        for raw, desc in bad:
            q.send_raw(raw)
            r = q.reply()
            alive = q.cmd('query-version')
            t.check(is_error(r, 'GenericError', desc) and 'return' in alive,
                    'malformed %s -> %s' % (raw.decode(), desc), r)

        q.send_raw(b'{"execute": }')
        r = q.reply()
        t.check(is_error(r, 'GenericError') and
                r['error']['desc'].startswith('JSON parse error') and
                'return' in q.cmd('query-version'),
                'bad JSON answered, connection alive', r)

        ids = [7, 'x', [1, {'a': None}], {'k': 1.5}, None, True]
        ok = all(q.cmd('query-version', id=i).get('id') == i for i in ids)
        t.check(ok, 'id echoed verbatim for every JSON type')

        q.events = []
        r = q.cmd('stop')
        st = q.cmd('query-status')['return']
        t.check(r == {'return': {}} and st['status'] == 'paused' and
                [e['event'] for e in q.events] == ['STOP'] and
                set(q.events[0]['timestamp']) == {'seconds',
                                                  'microseconds'},
                'stop: STOP event with timestamp, status paused',
                (r, st, q.events))
        q.events = []
        q.cmd('cont')
        t.check([e['event'] for e in q.events] == ['RESUME'],
                'cont: RESUME event', q.events)

        r = q.cmd('human-monitor-command',
                  {'command-line': 'info status'})
        t.check(r.get('return') == 'VM status: running\r\n',
                'human-monitor-command info status', r)

        q.events = []
        r = q.cmd('quit')
        try:
            while not q.events:
                msg = q.line()
                if 'event' in msg:
                    q.events.append(msg)
        except (EOFError, OSError):
            pass
        ev = q.events[0] if q.events else {}
        t.check(r == {'return': {}} and ev.get('event') == 'SHUTDOWN' and
                ev.get('data') == {'guest': False,
                                   'reason': 'host-qmp-quit'},
                'quit: SHUTDOWN event', (r, q.events))
        rc = proc.wait(timeout=10)
        t.check(rc == 0, 'process exits with status 0 after quit', rc)
    except Exception as e:  # report instead of dying without a plan
        t.check(False, 'unexpected exception', repr(e))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        try:
            os.unlink(path)
        except OSError:
            pass
        os.rmdir(tmp)
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
