#!/usr/bin/env python3
"""Count test results from meson's testlog.json files.

A test program that speaks TAP counts each of its "ok"/"not ok" lines; any
other program counts once.  Prints "check: N passed, N failed" (with
", N skipped" when some were skipped) and exits 1 on any failure.
"""
import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')


def count(path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.readlines()
    except OSError:
        print(f'check-summary: no test log at {path}', file=sys.stderr)
        return 0, 1, 0
    for line in lines:
        entry = json.loads(line)
        result = entry.get('result')
        out = entry.get('stdout') or ''
        sub = [TAP_LINE.match(l) for l in out.splitlines()]
        sub = [m for m in sub if m]
        if sub and result in ('OK', 'FAIL', 'EXPECTEDFAIL'):
            for m in sub:
                rest = m.group(2)
                if '# SKIP' in rest.upper():
                    skipped += 1
                elif m.group(1) == 'ok':
                    passed += 1
                else:
                    failed += 1
            # A program that failed without a failing TAP line (crash,
            # sanitizer report at exit) still counts as a failure.
            if result == 'FAIL' and all(m.group(1) == 'ok' for m in sub):
                failed += 1
        elif result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            failed += 1
    return passed, failed, skipped


def main():
    p = f = s = 0
    for path in sys.argv[1:]:
        a, b, c = count(path)
        p += a
        f += b
        s += c
    line = f'check: {p} passed, {f} failed'
    if s:
        line += f', {s} skipped'
    print(line)
    return 1 if f or p == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
