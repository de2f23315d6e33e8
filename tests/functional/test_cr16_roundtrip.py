#!/usr/bin/env python3
#
# Round trip over every form of target/cr16/insn.decode:
#
#   sample operands -> scripts/cr16-as -> bytes
#     -> the bytes carry the form's fixed bits, and its fields decode back
#        to the sample's values
#     -> the C disassembler (cr16-disas) -> text -> cr16-as again
#     -> the same bytes
#
# Samples cover the edges of every field (minimum, maximum, negative
# displacements, every register and pair).  A sample that the assembler
# rightly puts into a shorter form (e.g. a value that fits imm4) does not
# count for the form it was made for; every form must still be covered.
#
#   test_cr16_roundtrip.py --as scripts/cr16-as --disas build/.../cr16-disas
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import load_assembler  # noqa: E402

PC = 0x800000       # room for branches both ways in the 24-bit space


def kind_values(kind, width):
    """Edge values for a field kind (architectural values)."""
    k = kind.name
    full = (1 << width) - 1
    table = {
        'reg': list(range(16)), 'rb': list(range(16)),
        'pair': list(range(16)), 'rpx': [0, 2, 4, 6, 8, 10, 3, 5],
        'xi': [12, 13],
        'i4b': [-1, 0, 1, 8, 10, 12, 15],
        'i4w': [-1, 0, 1, 8, 10, 12, 15],
        'i4d': [-1, 0, 1, 8, 10, 12, 15],
        'i16b': [-128, -2, 9, 11, 0x7f, 0x80, 0xfe],
        'i16w': [-32768, -2, 9, 11, 0x1234, 0x7fff, 0x8000, 0xfffe],
        'i16d': [-32768, -2, 9, 11, 0x1234, 0x7fff],
        'i20': [0x8000, 0x12345, 0xfffff],
        'i32': [0x12345678, -0x80000000, 0x100000, -0x8001, 0xfffffffe],
        'u4': [0, 1, 7, 15],
        'cnt': [0, 1, full], 'ncnt': [-(1 << width), -2, -1],
        'bit': [0, 1, full], 'plus1': [1, 2, 1 << width],
        'dsp9': [-254, -2, 0, 2, 254],
        'dsp17': [-65536, -258, 256, 65534],
        'dsp25': [-0x800000, -65538, 65536, 0x7ffffe],
        'dsp5': [2, 4, 32],
        'abs20': [0, 0x12345, 0xeffff, 0xff0000, 0xffffff],
        'abs20x': [0, 0x12345, 0xfffff],
        'abs24': [0xf0000, 0x123456, 0xfeffff, 0x100000],
        'd4b': [0, 1, 13], 'd4w': [0, 2, 26],
        'd14': [1, 0x2bcd, 0x3fff], 'd16': [27, 28, 0x100, 0xffff],
        'd20': [0x10000, 0x12345, 0xfffff],
        'nd20': [-1, -0x1234, -0x100000],
        'cc': list(range(16)),
        'preg': list(range(16)),
        'pregd': list(range(16)),
        'vec': list(range(16)),
    }
    return table[k]


def render(isa, form, tmpl, vals):
    """Source text for the template with these field values."""
    out = []
    fmt = tmpl.fmt
    i = 0
    while i < len(fmt):
        if fmt[i] == '{':
            j = fmt.index('}', i)
            f = form.fields[int(fmt[i + 1:j])]
            out.append(render_field(isa, f, vals[f.name]))
            i = j + 1
        else:
            out.append(fmt[i])
            i += 1
    return ''.join(out)


def render_field(isa, f, v):
    k = f.kind.name
    if k in ('reg', 'xi'):
        return isa.REG_NAMES[v]
    if k == 'rb':
        return isa.REG16_NAMES[v]
    if k in ('pair', 'rpx'):
        return isa.pair_name(v)
    if k == 'cc':
        return isa.BCOND_SUFFIX[v]
    if k == 'preg':
        return isa.PREG16_NAMES[v]
    if k == 'pregd':
        return isa.PREG32_NAMES.get(v) or isa.PREG32_RESERVED[v]
    if k == 'vec':
        return isa.VEC_NAMES.get(v, str(v))
    if f.kind.style == 'target':
        return '0x%x' % (PC + v)
    return '-0x%x' % -v if v < 0 else '0x%x' % v


def samples(form, isa):
    """Field-value dicts: every field through its edge values, the others
    at their first value."""
    fields = form.fields
    lists = {f.name: kind_values(f.kind, f.width) for f in fields}
    base = {f.name: lists[f.name][0] for f in fields}
    out = [dict(base)]
    for f in fields:
        for v in lists[f.name][1:]:
            s = dict(base)
            s[f.name] = v
            out.append(s)
    return out


def same_value(kind, a, b):
    """Compare a decoded value with the sample value; immediates of byte and
    word operations only matter modulo their width."""
    mask = {'i4b': 0xff, 'i16b': 0xff, 'i4w': 0xffff, 'i16w': 0xffff,
            'i4d': 0xffffffff, 'i16d': 0xffffffff, 'i20': 0xffffffff,
            'i32': 0xffffffff}.get(kind.name)
    if mask:
        return (a - b) & mask == 0
    return a == b


class Result:
    def __init__(self):
        self.failures = []
        self.covered = {}
        self.aliases = 0

    def fail(self, form, text, msg):
        self.failures.append('%s "%s": %s' % (form.id, text, msg))


def assemble(asm_mod, table, text):
    a = asm_mod.assemble_text(text + '\n', '<sample>', isa=table,
                              section_starts={'.text': PC})
    return bytes(a.sections['.text'].data)


def words_of(data):
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--as', dest='assembler', required=True)
    ap.add_argument('--disas', required=True)
    ap.add_argument('--isa')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    asm_mod = load_assembler(args.assembler)
    isa = asm_mod.cr16isa
    table = isa.load(args.isa)
    res = Result()
    good = []           # (form, source text, bytes)

    forms = [f for f in table.forms if not f.und and not f.decode_only]
    for form in forms:
        tmpl = isa.compile_template(form.templates[0], form)
        for vals in samples(form, isa):
            text = render(isa, form, tmpl, vals)
            try:
                data = assemble(asm_mod, table, text)
            except asm_mod.AsmErrors as e:
                res.fail(form, text, 'does not assemble: %s' % e)
                continue
            words = words_of(data) + [0, 0]
            got = table.lookup(words)
            if got is not form:
                # The assembler chose another form: it must be no longer,
                # and either the same operation or a carve-out of this one.
                if got is None or len(data) > form.length or (
                        got.trans != form.trans and got.id not in form.after):
                    res.fail(form, text, 'assembled as %s (%s)' % (
                        got.id if got else 'nothing', data.hex(' ')))
                else:
                    res.aliases += 1
                continue
            if len(data) != form.length:
                res.fail(form, text, 'length %d' % len(data))
                continue
            for i in range(form.nwords):
                dont_care = ~form.mask[i] & 0xffff
                letters = 0
                for f in form.fields:
                    for w, hi, lo in f.ranges:
                        if w == i:
                            letters |= ((1 << (hi - lo + 1)) - 1) << lo
                if words[i] & dont_care & ~letters:
                    res.fail(form, text, 'ignored bits of W%d not zero' % i)
            dec = form.decode(words)
            for f in form.fields:
                if not same_value(f.kind, dec[f.name], vals[f.name]):
                    res.fail(form, text, 'field %s decodes as %s, not %s'
                             % (f.name, dec[f.name], vals[f.name]))
            good.append((form, text, data))

    # One run of the C disassembler over every good sample.
    lines = ''.join('0x%x %s\n' % (PC, data.hex()) for _, _, data in good)
    proc = subprocess.run([args.disas, '--lines'], input=lines,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print('cr16-disas failed: %s' % proc.stderr)
        return 1
    outs = proc.stdout.splitlines()
    if len(outs) != len(good):
        print('cr16-disas printed %d lines for %d samples'
              % (len(outs), len(good)))
        return 1
    for (form, text, data), out in zip(good, outs):
        n, _, dis = out.partition('\t')
        if int(n) != len(data):
            res.fail(form, text, 'disassembler consumed %s bytes: %s'
                     % (n, dis))
            continue
        try:
            again = assemble(asm_mod, table, dis)
        except asm_mod.AsmErrors as e:
            res.fail(form, text, 'disassembly "%s" does not assemble: %s'
                     % (dis, e))
            continue
        if again != data:
            res.fail(form, text, 'disassembly "%s" assembles to %s, not %s'
                     % (dis, again.hex(' '), data.hex(' ')))
            continue
        res.covered[form.id] = res.covered.get(form.id, 0) + 1
        if args.verbose:
            print('%s  %-40s %-18s %s' % (form.id, text, data.hex(' '), dis))

    missing = [f.id for f in forms if f.id not in res.covered]
    for msg in res.failures[:50]:
        print('FAIL', msg)
    if len(res.failures) > 50:
        print('... and %d more failures' % (len(res.failures) - 50))
    print('round trip: %d of %d forms covered by %d samples '
          '(%d more samples went to shorter or carved-out forms), '
          '%d failures' % (len(res.covered), len(forms),
                           sum(res.covered.values()), res.aliases,
                           len(res.failures)))
    if missing:
        print('forms without a round-tripped sample: %s'
              % ' '.join(missing))
    return 1 if res.failures or missing else 0


if __name__ == '__main__':
    sys.exit(main())
