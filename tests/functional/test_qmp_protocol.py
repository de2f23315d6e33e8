#!/usr/bin/env python3
"""QMP over a Unix socket against the real qemu-system-cr16.

The client (qemu_test.QMP) is a plain one that hides nothing: raw bytes
go out as given and every message comes back as parsed, so the test
checks the wire format itself: greeting, negotiation, framing,
malformed input, id echo, events and a clean quit.  Prints TAP.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Emulator, Harness, parse_args  # noqa: E402


def is_error(rsp, cls, desc=None):
    err = rsp.get('error')
    if not err or err.get('class') != cls:
        return False
    return desc is None or err.get('desc') == desc


def main():
    opts = parse_args(asm=False)

    t = Harness(sep=' ')
    t.plan(20)
    with Emulator([opts.qemu, '-M', 'none', '-display', 'none'],
                  qmp=True) as emu:
        try:
            run(emu, t)
        except Exception as e:  # report instead of dying without a plan
            t.check(False, 'unexpected exception', repr(e))
    return t.finish()


def run(emu, t):
    # Lines must end in CRLF, as QEMU's do.
    q = emu.connect_qmp(negotiate=False, newline=b'\r\n')
    g = q.greeting
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
    q.wait_events(1)
    ev = q.events[0] if q.events else {}
    t.check(r == {'return': {}} and ev.get('event') == 'SHUTDOWN' and
            ev.get('data') == {'guest': False,
                               'reason': 'host-qmp-quit'},
            'quit: SHUTDOWN event', (r, q.events))
    rc = emu.wait(timeout=10)
    t.check(rc == 0, 'process exits with status 0 after quit', rc)


if __name__ == '__main__':
    sys.exit(main())
