#!/usr/bin/env python3
#
# cr16-coverage.py: which CR16C instruction forms the guest tests contain.
#
#   cr16-coverage.py [--isa TABLE] [--tests DIR] [--output FILE] [--quiet]
#
# Every tests/tcg/cr16/*.S is assembled with scripts/cr16-as (imported as
# a module, so the assembler's own items tell code from data).  The bytes
# of each instruction are then decoded again with the ISA table, the same
# way the CPU's decoder does (decode order, escapes first), so the form
# counted is the one the CPU executes, not just the one the assembler
# meant.  Words written with .word in a code section count as an
# instruction only when their line carries the marker "[insn]" in a
# comment: that is how the tests place encodings the assembler cannot
# produce (the reserved UND word, the reserved no-operations).
#
# A form counts as covered only where a test checks it: the tests number
# their checks with a comment "# N: ..." (followed by more comment lines
# if needed) that names the form ids the check is about, and the form
# must be assembled inside that check, i.e. between its comment and the
# next one.  Forms that merely appear in a test (a helper routine, the
# set-up code) are listed as "also in" but do not count.  The numbered
# checks exit with their number on failure (tests/tcg/cr16/cr16-test.inc),
# so a passing test has run and verified every check it contains.
#
# The result is a Markdown table, one row per form of the table (F001..
# F330 plus the U/R ids of insn.decode): id, mnemonic, operands, the
# checks that cover it and the other tests that contain it.  The exit
# status is 1 when a form is covered by no check (they are listed on
# stderr) or a test does not assemble or decode consistently, else 0.
#
# Copyright (c) 2026 qemu-cr16 contributors
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import glob
import importlib.machinery
import importlib.util
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import cr16isa  # noqa: E402

INSN_MARKER = '[insn]'


def load_assembler(path):
    """scripts/cr16-as has no .py suffix: load it by path as a module."""
    loader = importlib.machinery.SourceFileLoader('cr16_as', path)
    spec = importlib.util.spec_from_loader('cr16_as', loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def words_of(data):
    n = len(data) // 2
    return list(struct.unpack('<%dH' % n, bytes(data[:2 * n])))


def decode_run(table, data, addr, what, problems):
    """Decode consecutive instructions in @data; yield form ids."""
    ws = words_of(data)
    i = 0
    while i < len(ws):
        f = table.lookup(ws[i:i + 3])
        if f is None:
            # The reserved words (U ids) decode to no form: find them.
            w3 = ws[i:i + 3] + [0] * (3 - len(ws[i:i + 3]))
            und = [u for u in table.forms if u.und and u.matches(w3)]
            if und:
                yield und[0].id
                i += und[0].nwords
                continue
            problems.append('%s: 0x%06x: %04x decodes to no form'
                            % (what, addr + 2 * i, ws[i]))
            return
        yield f.id
        i += f.nwords


CHECK_RE = re.compile(r'^\s*#\s*(\d+):\s*(.*)$')
COMMENT_RE = re.compile(r'^\s*#(.*)$')
FORM_RE = re.compile(r'\b([FUR])(\d{3})(?:-\1?(\d{3}))?\b')


def named_forms(text):
    """Form ids a comment names: "F101", "F319-F324" or "F319-324"."""
    out = set()
    for letter, lo, hi in FORM_RE.findall(text):
        for n in range(int(lo), int(hi or lo) + 1):
            out.add('%s%03d' % (letter, n))
    return out


def find_checks(path):
    """[(number, first line, last line, {named form ids})] of a test."""
    with open(path, encoding='utf-8', errors='surrogateescape') as fh:
        lines = fh.read().split('\n')
    checks = []
    i = 0
    while i < len(lines):
        m = CHECK_RE.match(lines[i])
        if not m:
            i += 1
            continue
        named = named_forms(m.group(2))
        j = i + 1
        while j < len(lines) and not CHECK_RE.match(lines[j]) and \
                COMMENT_RE.match(lines[j]):
            named.update(named_forms(lines[j]))
            j += 1
        if checks:
            checks[-1][2] = i
        checks.append([int(m.group(1)), i + 1, len(lines), named])
        i = j
    return checks


def scan_program(asm_mod, table, path, incdir):
    """Forms present in @path's code, per line; and problems found."""
    asm = asm_mod.Assembler(table, include_dirs=[incdir])
    asm.add_file(path)
    asm.assemble()
    by_line = {}
    problems = []
    for it in asm.items:
        sec = asm.sections[it.section]
        if not sec.code or not it.data:
            continue
        addr = sec.base + it.offset
        where = '%s:%d' % (os.path.basename(it.loc[0]), it.loc[1])
        ids = []
        if it.kind == 'insn':
            ids = list(decode_run(table, it.data, addr, where, problems))
            if len(ids) != 1 or ids[0] != it.form.id:
                problems.append('%s: "%s" was assembled as %s but decodes '
                                'as %s' % (where, it.text, it.form.id,
                                           ','.join(ids) or 'nothing'))
        elif it.kind == 'data' and INSN_MARKER in it.text:
            ids = list(decode_run(table, it.data, addr, where, problems))
        if not ids:
            continue
        # Lines of included files belong to no check of this test.
        line = it.loc[1] if os.path.abspath(it.loc[0]) == \
            os.path.abspath(path) else 0
        by_line.setdefault(line, set()).update(ids)
    return by_line, problems


def check_coverage(path, by_line):
    """{form: [check numbers]} for the forms @path's checks verify."""
    out = {}
    for num, first, last, named in find_checks(path):
        present = set()
        for line, ids in by_line.items():
            if first <= line <= last:
                present |= ids
        for fid in sorted(named & present):
            out.setdefault(fid, []).append(num)
    return out


def split_syntax(form):
    """Mnemonic and operands for the table, from the form's comment."""
    text = form.syntax or (form.templates[0] if form.templates else '')
    if form.decode_only:
        if text.startswith('(reserved)'):
            text = text[len('(reserved)'):].strip()
        return '(reserved)', text
    mn, _, ops = text.partition(' ')
    return mn, ops.strip()


def form_sort_key(fid):
    return ('FUR'.index(fid[0]) if fid[0] in 'FUR' else 9, fid)


def write_table(table, checked, present, ntests, out):
    lines = [
        '# CR16C instruction forms covered by the guest tests',
        '',
        'Generated by scripts/cr16-coverage.py from target/cr16/insn.decode '
        'and tests/tcg/cr16/*.S.  "checked by" lists test#check for each '
        'numbered check that names the form and contains it; "also in" '
        'lists other tests that contain the form.',
        '',
        '| form | mnemonic | operands | checked by | also in |',
        '| --- | --- | --- | --- | --- |',
    ]
    for f in sorted(table.forms, key=lambda f: form_sort_key(f.id)):
        mn, ops = split_syntax(f)
        chk = checked.get(f.id, {})
        who = ', '.join('%s#%s' % (t, ','.join(str(n) for n in chk[t]))
                        for t in sorted(chk)) or '**none**'
        also = ', '.join(sorted(present.get(f.id, set()) - set(chk)))
        lines.append('| %s | %s | %s | %s | %s |' % (
            f.id, mn.replace('|', '\\|'), ops.replace('|', '\\|'), who,
            also))
    total = len(table.forms)
    done = sum(1 for f in table.forms if checked.get(f.id))
    lines += ['', '%d of %d forms covered by %d test programs.'
              % (done, total, ntests), '']
    text = '\n'.join(lines)
    if out == '-':
        sys.stdout.write(text)
    else:
        with open(out, 'w', encoding='utf-8') as fh:
            fh.write(text)
    return done, total


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog='cr16-coverage.py',
        description='List the CR16C instruction forms each guest test '
        'contains; fail if a form is in no test.')
    ap.add_argument('--isa', help='insn.decode or the build\'s cr16-isa.json'
                    ' (default: target/cr16/insn.decode)')
    ap.add_argument('--as', dest='assembler',
                    default=os.path.join(HERE, 'cr16-as'))
    ap.add_argument('--tests', default=os.path.join(SRCDIR, 'tests', 'tcg',
                                                    'cr16'))
    ap.add_argument('--output', default='cr16-coverage.md',
                    help='Markdown table to write ("-": stdout)')
    ap.add_argument('--quiet', action='store_true')
    args = ap.parse_args(argv)

    table = cr16isa.load(args.isa, full_check=False)
    asm_mod = load_assembler(args.assembler)
    sources = sorted(glob.glob(os.path.join(args.tests, '*.S')))
    if not sources:
        print('cr16-coverage: no tests in %s' % args.tests, file=sys.stderr)
        return 1

    checked = {}        # form -> {test: [check numbers]}
    present = {}        # form -> {tests}
    problems = []
    for src in sources:
        name = os.path.basename(src)
        try:
            by_line, probs = scan_program(asm_mod, table, src, args.tests)
        except (asm_mod.AsmErrors, asm_mod.AsmError) as e:
            errs = getattr(e, 'errors', [e])
            problems += ['%s' % x for x in errs]
            continue
        problems += probs
        for ids in by_line.values():
            for fid in ids:
                present.setdefault(fid, set()).add(name)
        for fid, nums in check_coverage(src, by_line).items():
            checked.setdefault(fid, {})[name] = nums

    done, total = write_table(table, checked, present, len(sources),
                              args.output)
    missing = [f for f in sorted(table.forms,
                                 key=lambda f: form_sort_key(f.id))
               if not checked.get(f.id)]
    for p in problems:
        print('cr16-coverage: %s' % p, file=sys.stderr)
    for f in missing:
        mn, ops = split_syntax(f)
        where = sorted(present.get(f.id, ()))
        print('cr16-coverage: %s %s %s: checked by no test%s'
              % (f.id, mn, ops, ' (present in %s)' % ', '.join(where)
                 if where else ''), file=sys.stderr)
    if not args.quiet:
        print('cr16-coverage: %d of %d forms covered by %d test programs%s'
              % (done, total, len(sources),
                 '' if args.output == '-' else ' (%s)' % args.output))
    return 1 if missing or problems else 0


if __name__ == '__main__':
    sys.exit(main())
