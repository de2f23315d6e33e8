#!/usr/bin/env python3
#
# cr16isa: the in-memory model of the CR16C ISA table.
#
# target/cr16/insn.decode is the one place where an instruction encoding is
# written down.  This module reads it (or the JSON copy the build generates),
# checks it, and offers what every consumer needs:
#
#   * the field kinds: how raw bits become an architectural value (decode),
#     how a value becomes raw bits again (encode, used by the assembler), and
#     how a value is printed (the style the C disassembler uses);
#   * the forms, each with its per-word match/mask, its fields, its
#     constants, its assembler templates and its place in the decode order;
#   * a reference decoder (match + extract) for tests.
#
# scripts/cr16-decodegen.py turns the model into C; scripts/cr16-as encodes
# from it.  Neither keeps a table of its own.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import json
import os
import re

__all__ = ['TableError', 'Unfit', 'Table', 'load', 'parse_file',
           'parse_text', 'KINDS', 'pair_name', 'REG_NAMES', 'REG16_NAMES']


class TableError(Exception):
    """A malformed insn.decode; str() gives 'file:line: message'."""

    def __init__(self, msg, path=None, line=None):
        super().__init__(msg)
        self.msg = msg
        self.path = path
        self.line = line

    def __str__(self):
        if self.path is not None and self.line is not None:
            return '%s:%d: %s' % (self.path, self.line, self.msg)
        if self.path is not None:
            return '%s: %s' % (self.path, self.msg)
        return self.msg


class Unfit(Exception):
    """A value cannot be encoded in a field (the assembler tries the next
    form, and reports the last reason when no form fits)."""


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

REG_NAMES = ['r%d' % i for i in range(12)] + ['r12', 'r13', 'ra', 'sp']
# The 16-bit views of r12..r15, used where a 16-bit base register has to be
# told apart from the 32-bit pair of the same number (disp20(rb) forms).
REG16_NAMES = ['r%d' % i for i in range(12)] + ['r12_L', 'r13_L', 'ra_L',
                                                'sp_L']


def pair_name(code):
    """The text between the parentheses of a register pair."""
    if code <= 10:
        return 'r%d,r%d' % (code + 1, code)
    if code == 11:
        return 'r12,r11'
    return ['r12', 'r13', 'ra', 'sp'][code - 12]


# Index-mode pair codes (3 bits) to ordinary pair codes (isa.md 2.2).
RPX_TO_PAIR = [0, 2, 4, 6, 8, 10, 3, 5]

COND_NAMES = ['eq', 'ne', 'cs', 'cc', 'hi', 'ls', 'gt', 'le', 'fs', 'fc',
              'lo', 'hs', 'lt', 'ge']
# Suffix of b<cc>: 14 is "br"; 15 ("uc", always) is not emitted by GNU as
# but decodes, so it gets a name of its own.
BCOND_SUFFIX = COND_NAMES + ['r', 'uc']

PREG16_NAMES = ['dbs', 'dsr', 'dcrl', 'dcrh', 'car0l', 'car0h', 'car1l',
                'car1h', 'cfg', 'psr', 'intbasel', 'intbaseh', 'ispl',
                'isph', 'uspl', 'usph']
# 32-bit processor registers.  The odd codes between them are reserved;
# they print (and assemble) with their 16-bit names so that a disassembly
# loses nothing.
PREG32_NAMES = {0: 'dbs', 1: 'dsr', 2: 'dcr', 4: 'car0', 6: 'car1',
                8: 'cfg', 9: 'psr', 10: 'intbase', 12: 'isp', 14: 'usp'}
PREG32_RESERVED = {3: 'dcrh', 5: 'car0h', 7: 'car1h', 11: 'intbaseh',
                   13: 'isph', 15: 'usph'}
VEC_NAMES = {5: 'svc', 6: 'dvz', 7: 'flg', 8: 'bpt', 9: 'trc', 10: 'und',
             12: 'iad', 14: 'dbg', 15: 'ise'}


def _sext(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v & (1 << (bits - 1)) else v


# ---------------------------------------------------------------------------
# Field kinds
# ---------------------------------------------------------------------------

class Kind:
    """How one kind of field is decoded, encoded and printed.

    width    required raw width in bits (None: any width)
    syntax   which operand syntax carries it: reg, pair, idx, imm, expr,
             preg, vec, cond
    style    how the disassembler prints the decoded value
    size     the @s/@m/@l class that may select it (None: no suffix)
    cexpr    C expression of the decoded value; {x} is the raw value
             (uint32_t), {w} the field width
    """

    def __init__(self, name, syntax, style, cexpr, dec, enc, width=None,
                 size=None, doc=''):
        self.name = name
        self.syntax = syntax
        self.style = style
        self.cexpr = cexpr
        self._dec = dec
        self._enc = enc
        self.width = width
        self.size = size
        self.doc = doc

    def decode(self, raw, width):
        return self._dec(raw, width)

    def encode(self, value, width, pc=0):
        """Raw field bits for value, or raise Unfit."""
        return self._enc(value, width, pc)


def _range_enc(lo, hi, what='value'):
    def enc(v, w, pc):
        if not lo <= v <= hi:
            raise Unfit('%s %s out of range %s..%s'
                        % (what, _fmt(v), _fmt(lo), _fmt(hi)))
        return v & ((1 << w) - 1)
    return enc


def _fmt(v):
    return '-0x%x' % -v if v < 0 else '0x%x' % v


def _enc_reg(v, w, pc):
    if not 0 <= v < (1 << w):
        raise Unfit('register number %d out of range' % v)
    return v


def _enc_i4(bits):
    """imm4 of an ALU form: 0-8, 10, 12-15 as they are, all ones as 9;
    everything else (including 9 and 11 themselves) needs imm16."""
    full = (1 << bits) - 1

    def enc(v, w, pc):
        if not -(1 << (bits - 1)) <= v <= full:
            raise Unfit('immediate %s does not fit %d bits' % (_fmt(v), bits))
        n = v & full
        if n == full:
            return 9
        if n <= 8 or n == 10 or 12 <= n <= 15:
            return n
        raise Unfit('immediate %s has no 4-bit encoding' % _fmt(v))
    return enc


def _enc_i16b(v, w, pc):
    if not -0x80 <= v <= 0xff:
        raise Unfit('immediate %s does not fit a byte' % _fmt(v))
    return v & 0xff


def _enc_i16w(v, w, pc):
    if not -0x8000 <= v <= 0xffff:
        raise Unfit('immediate %s does not fit 16 bits' % _fmt(v))
    return v & 0xffff


def _enc_i16d(v, w, pc):
    # A 32-bit operand: both 0xfffffffb and -5 mean the same value.
    if 0x80000000 <= v <= 0xffffffff:
        v -= 1 << 32
    if not -0x8000 <= v <= 0x7fff:
        raise Unfit('immediate %s does not fit a signed 16-bit field'
                    % _fmt(v))
    return v & 0xffff


def _enc_i32(v, w, pc):
    if not -0x80000000 <= v <= 0xffffffff:
        raise Unfit('immediate %s does not fit 32 bits' % _fmt(v))
    return v & 0xffffffff


def _enc_ncnt(v, w, pc):
    lo = -(1 << w)
    if not lo <= v <= -1:
        raise Unfit('count %d out of range %d..-1' % (v, lo))
    return v + (1 << w)


def _enc_plus1(v, w, pc):
    if not 1 <= v <= (1 << w):
        raise Unfit('count %d out of range 1..%d' % (v, 1 << w))
    return v - 1


def _enc_branch(lo, hi, pack):
    def enc(target, w, pc):
        d = target - pc
        if d & 1:
            raise Unfit('odd branch displacement %d' % d)
        if not lo <= d <= hi:
            raise Unfit('branch displacement %d out of range %d..%d'
                        % (d, lo, hi))
        return pack(d)
    return enc


def _enc_abs20(v, w, pc):
    # The short absolute form reaches 0..0xEFFFF and, through the remap,
    # the top 64 KiB 0xFF0000..0xFFFFFF (isa.md 4).
    if 0 <= v <= 0xeffff:
        return v
    if 0xff0000 <= v <= 0xffffff:
        return v & 0xfffff
    raise Unfit('address %s is not reachable with abs20' % _fmt(v))


def _enc_d4w(v, w, pc):
    if v & 1:
        raise Unfit('odd displacement %d needs a byte-granular form' % v)
    if not 0 <= v <= 26:
        raise Unfit('displacement %s out of range 0..26' % _fmt(v))
    return v >> 1


def _enc_nd20(v, w, pc):
    if not -0x100000 <= v <= -1:
        raise Unfit('displacement %s out of range -0x100000..-0x1' % _fmt(v))
    return v + 0x100000


def _enc_name(table, what):
    def enc(v, w, pc):
        if not 0 <= v < (1 << w):
            raise Unfit('%s %d out of range' % (what, v))
        return v
    return enc


def _mk_kinds():
    k = {}

    def add(*a, **kw):
        kind = Kind(*a, **kw)
        k[kind.name] = kind

    ident = '(int32_t)({x})'
    add('reg', 'reg', 'reg', ident, lambda x, w: x, _enc_reg, 4,
        doc='general register number 0-15 (r14 = ra, r15 = sp)')
    add('rb', 'reg', 'reg16', ident, lambda x, w: x, _enc_reg, 4,
        doc='16-bit base register of disp20(rb) (12-15: low halves)')
    add('pair', 'pair', 'pair', ident, lambda x, w: x, _enc_reg, 4,
        doc='register pair code 0-15 (isa.md 2.2)')
    add('rpx', 'pair', 'pair', 'cr16_rpx_pair[{x}]',
        lambda x, w: RPX_TO_PAIR[x], None, 3,
        doc='3-bit index pair code, decoded to the ordinary pair code')
    add('xi', 'idx', 'reg', '(12 + (int32_t)({x}))', lambda x, w: 12 + x,
        None, 1, doc='index register select, decoded to 12 (r12) or 13')
    for bits, suf in ((8, 'b'), (16, 'w'), (32, 'd')):
        add('i4' + suf, 'imm', 'simm', '((int32_t)({x}) == 9 ? -1 : '
            '(int32_t)({x}))', lambda x, w: -1 if x == 9 else x,
            _enc_i4(bits), 4, size='s',
            doc='ALU imm4 of a %d-bit operation: 9 means -1' % bits)
    add('i16b', 'imm', 'uimm', '(int32_t)({x} & 0xff)',
        lambda x, w: x & 0xff, _enc_i16b, 16, size='m',
        doc='imm16 of a byte operation (only W1[7:0] is used)')
    add('i16w', 'imm', 'uimm', ident, lambda x, w: x, _enc_i16w, 16,
        size='m', doc='imm16 of a word operation')
    add('i16d', 'imm', 'simm', 'cr16_sextract({x}, 16)',
        lambda x, w: _sext(x, 16), _enc_i16d, 16, size='m',
        doc='imm16 of a double-word operation, sign-extended')
    add('i20', 'imm', 'uimm', ident, lambda x, w: x,
        _range_enc(0, 0xfffff, 'immediate'), 20, size='m',
        doc='imm20, zero-extended')
    add('i32', 'imm', 'uimm', ident, lambda x, w: _sext(x, 32), _enc_i32,
        32, size='l', doc='imm32 (W1 holds the high half)')
    add('u4', 'imm', 'uimm', ident, lambda x, w: x,
        _range_enc(0, 15, 'immediate'), 4, size='s',
        doc='unsigned 4-bit store immediate')
    add('cnt', 'imm', 'dec', ident, lambda x, w: x,
        lambda v, w, pc: _range_enc(0, (1 << w) - 1, 'count')(v, w, pc),
        doc='non-negative shift count')
    add('ncnt', 'imm', 'dec', '((int32_t)({x}) - (1 << {w}))',
        lambda x, w: x - (1 << w), _enc_ncnt,
        doc='negative shift count: raw - 2^width')
    add('bit', 'imm', 'dec', ident, lambda x, w: x,
        lambda v, w, pc: _range_enc(0, (1 << w) - 1, 'bit number')(v, w, pc),
        doc='bit position')
    add('plus1', 'imm', 'dec', '((int32_t)({x}) + 1)', lambda x, w: x + 1,
        _enc_plus1, doc='count stored minus one')
    add('dsp9', 'expr', 'target', 'cr16_sextract({x} << 1, 9)',
        lambda x, w: _sext(x << 1, 9),
        _enc_branch(-254, 254, lambda d: (d >> 1) & 0xff), 8, size='s',
        doc='Bcond 9-bit displacement (-256 is the 32-bit escape)')
    add('dsp17', 'expr', 'target',
        'cr16_sextract((({x} & 1) << 16) | ({x} & 0xfffe), 17)',
        lambda x, w: _sext(((x & 1) << 16) | (x & 0xfffe), 17),
        _enc_branch(-0x10000, 0xfffe,
                    lambda d: (d & 0xfffe) | ((d >> 16) & 1)), 16, size='m',
        doc='Bcond 17-bit displacement, sign in bit 0')
    add('dsp25', 'expr', 'target',
        'cr16_sextract((({x} & 1) << 24) | ({x} & 0xfffffe), 25)',
        lambda x, w: _sext(((x & 1) << 24) | (x & 0xfffffe), 25),
        _enc_branch(-0x1000000, 0xfffffe,
                    lambda d: (d & 0xfffffe) | ((d >> 24) & 1)), 24,
        size='l', doc='25-bit displacement, sign in bit 0')
    add('dsp5', 'expr', 'target', '(2 * (int32_t)({x}) + 2)',
        lambda x, w: 2 * x + 2,
        _enc_branch(2, 32, lambda d: (d - 2) >> 1), 4, size='s',
        doc='BEQ0/BNE0 forward displacement 2..32')
    add('abs20', 'expr', 'addr',
        '(int32_t)({x} < 0xf0000 ? {x} : ({x} | 0xf00000))',
        lambda x, w: x if x < 0xf0000 else x | 0xf00000, _enc_abs20, 20,
        size='m', doc='abs20 with the 0xF0000 -> 0xFF0000 remap')
    add('abs20x', 'expr', 'addr', ident, lambda x, w: x,
        _range_enc(0, 0xfffff, 'address'), 20, size='m',
        doc='abs20 of an index form (no remap)')
    add('abs24', 'expr', 'addr', ident, lambda x, w: x,
        _range_enc(0, 0xffffff, 'address'), 24, size='l', doc='abs24')
    add('d4b', 'expr', 'disp', ident, lambda x, w: x,
        _range_enc(0, 13, 'displacement'), 4, size='s',
        doc='byte disp4 0..13 (14 and 15 select other forms)')
    add('d4w', 'expr', 'disp', '(2 * (int32_t)({x}))', lambda x, w: 2 * x,
        _enc_d4w, 4, size='s', doc='word/double disp4, scaled by 2')
    add('d14', 'expr', 'disp', ident, lambda x, w: x,
        _range_enc(0, 0x3fff, 'displacement'), 14, size='m',
        doc='disp14 of the index forms')
    add('d16', 'expr', 'disp', ident, lambda x, w: x,
        _range_enc(0, 0xffff, 'displacement'), 16, size='m', doc='disp16')
    add('d20', 'expr', 'disp', ident, lambda x, w: x,
        _range_enc(0, 0xfffff, 'displacement'), 20, size='l', doc='disp20')
    add('nd20', 'expr', 'disp', '((int32_t)({x}) - 0x100000)',
        lambda x, w: x - 0x100000, _enc_nd20, 20, size='l',
        doc='negative disp20: raw - 0x100000')
    add('cc', 'cond', 'cond', ident, lambda x, w: x,
        _range_enc(0, 15, 'condition'), 4, doc='condition code')
    add('preg', 'preg', 'preg16', ident, lambda x, w: x,
        _enc_name(PREG16_NAMES, 'register'), 4,
        doc='16-bit processor register code')
    add('pregd', 'preg', 'preg32', ident, lambda x, w: x,
        _enc_name(PREG32_NAMES, 'register'), 4,
        doc='32-bit processor register code')
    add('vec', 'vec', 'vec', ident, lambda x, w: x,
        _range_enc(0, 15, 'vector'), 4, doc='trap vector')

    # rpx and xi encode from the parsed register, not from a number.
    def enc_rpx(v, w, pc):
        if v not in RPX_TO_PAIR:
            raise Unfit('pair (%s) cannot be used as an index pair'
                        % pair_name(v))
        return RPX_TO_PAIR.index(v)

    def enc_xi(v, w, pc):
        if v not in (12, 13):
            raise Unfit('index register must be r12 or r13')
        return v - 12
    k['rpx']._enc = enc_rpx
    k['xi']._enc = enc_xi
    return k


KINDS = _mk_kinds()
STYLES = ['reg', 'reg16', 'pair', 'simm', 'uimm', 'dec', 'target', 'addr',
          'disp', 'cond', 'preg16', 'preg32', 'vec']


# ---------------------------------------------------------------------------
# The table model
# ---------------------------------------------------------------------------

class Field:
    """An argument member filled from instruction bits."""

    def __init__(self, name, kind, ranges):
        self.name = name
        self.kind = kind            # a Kind
        self.ranges = ranges        # [(word, hi, lo)], most significant first

    @property
    def width(self):
        return sum(hi - lo + 1 for _, hi, lo in self.ranges)

    def extract(self, words):
        v = 0
        for w, hi, lo in self.ranges:
            n = hi - lo + 1
            v = (v << n) | ((words[w] >> lo) & ((1 << n) - 1))
        return v

    def insert(self, words, raw):
        shift = self.width
        for w, hi, lo in self.ranges:
            n = hi - lo + 1
            shift -= n
            part = (raw >> shift) & ((1 << n) - 1)
            words[w] |= part << lo

    def to_json(self):
        return {'name': self.name, 'kind': self.kind.name,
                'ranges': [list(r) for r in self.ranges]}


class Form:
    """One encoding form: one line of insn.decode."""

    def __init__(self, fid, trans, argset, lineno):
        self.id = fid
        self.trans = trans          # trans_ name, or 'UND'
        self.argset = argset        # ArgSet, or None for UND
        self.lineno = lineno
        self.pattern = []           # one 16-character string per word
        self.match = []
        self.mask = []
        self.fields = []            # [Field]
        self.consts = {}            # member -> int
        self.after = []             # ids this form is tried after
        self.templates = []         # assembler templates, canonical first
        self.syntax = ''            # the comment line above the form
        self.order = None           # position in the decode order

    @property
    def nwords(self):
        return len(self.pattern)

    @property
    def length(self):
        return 2 * len(self.pattern)

    @property
    def und(self):
        return self.trans == 'UND'

    @property
    def decode_only(self):
        return self.templates == ['.word']

    def matches(self, words):
        for i in range(self.nwords):
            if (words[i] & self.mask[i]) != self.match[i]:
                return False
        return True

    def field(self, name):
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def decode(self, words):
        """Argument values as the C decoder hands them to trans_."""
        vals = {}
        if self.argset is not None:
            for m, d in self.argset.members:
                vals[m] = d
        vals.update(self.consts)
        for f in self.fields:
            vals[f.name] = f.kind.decode(f.extract(words), f.width)
        return vals

    def raw_fields(self, words):
        return {f.name: f.extract(words) for f in self.fields}

    def encode(self, raws):
        """Instruction words from raw field values (don't-care bits 0)."""
        words = list(self.match)
        for f in self.fields:
            raw = raws[f.name]
            if raw < 0 or raw >> f.width:
                raise ValueError('%s: raw %s=%#x does not fit %d bits'
                                 % (self.id, f.name, raw, f.width))
            f.insert(words, raw)
        return words

    def to_json(self):
        return {'id': self.id, 'trans': self.trans,
                'argset': self.argset.name if self.argset else None,
                'line': self.lineno, 'syntax': self.syntax,
                'pattern': self.pattern,
                'match': self.match, 'mask': self.mask,
                'fields': [f.to_json() for f in self.fields],
                'consts': self.consts, 'after': self.after,
                'templates': self.templates, 'order': self.order}


class ArgSet:
    def __init__(self, name, members, lineno):
        self.name = name
        self.members = members      # [(name, default or None)]
        self.lineno = lineno

    def member_names(self):
        return [m for m, _ in self.members]


_RANGE_RE = re.compile(r'W([0-2])\[(\d+):(\d+)\]')
_IDENT_RE = re.compile(r'[A-Za-z_][A-Za-z0-9_]*$')


def _parse_ranges(text, err):
    parts = text.split(':W')
    ranges = []
    for i, p in enumerate(parts):
        if i:
            p = 'W' + p
        m = _RANGE_RE.fullmatch(p)
        if not m:
            err('bad bit range "%s" (want W<n>[hi:lo] joined by ":")' % p)
        w, hi, lo = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not 15 >= hi >= lo >= 0:
            err('bad bit range "%s"' % p)
        ranges.append((w, hi, lo))
    return ranges


class Table:
    def __init__(self, path='<table>', full_check=True):
        self.path = path
        # The length check walks all 65536 first words; the generator needs
        # it, a tool that only reads the table can skip it.
        self.full_check = full_check
        self.fielddefs = {}         # %name -> (Kind, ranges)
        self.argsets = {}
        self.forms = []
        self.decode_order = []

    def err(self, msg, line=None):
        raise TableError(msg, self.path, line)

    # -- parsing ----------------------------------------------------------

    def parse(self, text):
        prev_comment = None
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line:
                prev_comment = None
                continue
            if line.startswith('#'):
                prev_comment = line[1:].strip()
                continue
            if line.startswith('%'):
                self._parse_fielddef(line, lineno)
            elif line.startswith('&'):
                self._parse_argset(line, lineno)
            else:
                if prev_comment is None:
                    self.err('form without the assembler syntax in a '
                             'comment on the line above', lineno)
                self._parse_form(line, lineno, prev_comment)
            prev_comment = None
        self._check()
        return self

    def _parse_fielddef(self, line, lineno):
        toks = line.split()
        if len(toks) != 3:
            self.err('field definition wants "%name kind ranges"', lineno)
        name = toks[0][1:]
        if not _IDENT_RE.match(name) or name in self.fielddefs:
            self.err('bad or duplicate field name "%s"' % name, lineno)
        kind = KINDS.get(toks[1])
        if kind is None:
            self.err('unknown field kind "%s"' % toks[1], lineno)
        ranges = _parse_ranges(toks[2], lambda m: self.err(m, lineno))
        self.fielddefs[name] = (kind, ranges)

    def _parse_argset(self, line, lineno):
        toks = line.split()
        name = toks[0][1:]
        if not _IDENT_RE.match(name) or name in self.argsets:
            self.err('bad or duplicate argument set "%s"' % name, lineno)
        members = []
        for t in toks[1:]:
            m, _, d = t.partition('=')
            if not _IDENT_RE.match(m) or m in dict(members):
                self.err('bad member "%s" in &%s' % (t, name), lineno)
            try:
                members.append((m, int(d, 0) if d else None))
            except ValueError:
                self.err('bad default "%s"' % t, lineno)
        self.argsets[name] = ArgSet(name, members, lineno)

    def _parse_form(self, line, lineno, syntax):
        def err(m):
            self.err(m, lineno)

        head, sep, tmpl = line.partition(' : ')
        if not sep:
            err('form without " : template"')
        toks = head.split()
        if len(toks) < 3:
            err('form line too short')
        fid, trans = toks[0], toks[1]
        if not re.fullmatch(r'[A-Z]\d{3}', fid):
            err('bad form id "%s"' % fid)
        if any(f.id == fid for f in self.forms):
            err('duplicate form id %s' % fid)
        if not re.fullmatch(r'[A-Z][A-Za-z0-9_]*', trans):
            err('bad trans name "%s"' % trans)
        i = 2
        argset = None
        if trans != 'UND':
            if not toks[2].startswith('&'):
                err('missing &argset')
            argset = self.argsets.get(toks[2][1:])
            if argset is None:
                err('unknown argument set %s' % toks[2])
            i = 3
        form = Form(fid, trans, argset, lineno)
        form.syntax = syntax
        # Pattern: 4-character nibble groups, words split by "|".
        words = ['']
        while i < len(toks) and '=' not in toks[i]:
            t = toks[i]
            if t == '|':
                words.append('')
            elif re.fullmatch(r'[01.A-Za-z]{4}', t):
                words[-1] += t
            else:
                err('bad pattern group "%s"' % t)
            i += 1
        if not 1 <= len(words) <= 3:
            err('a form has 1 to 3 words')
        for wtxt in words:
            if len(wtxt) != 16:
                err('pattern word "%s" is not 16 bits' % wtxt)
        form.pattern = words
        for wtxt in words:
            m = v = 0
            for ch in wtxt:
                m <<= 1
                v <<= 1
                if ch in '01':
                    m |= 1
                    v |= int(ch)
            form.match.append(v)
            form.mask.append(m)
        # Assignments.
        seen = set()
        for t in toks[i:]:
            name, eq, val = t.partition('=')
            if not eq:
                err('expected name=value, got "%s"' % t)
            if name == 'after':
                form.after = val.split(',')
                continue
            if argset is None:
                err('UND forms take no arguments')
            if name not in argset.member_names():
                err('"%s" is not a member of &%s' % (name, argset.name))
            if name in seen:
                err('member "%s" assigned twice' % name)
            seen.add(name)
            if val.startswith('%'):
                fd = self.fielddefs.get(val[1:])
                if fd is None:
                    err('unknown field %s' % val)
                form.fields.append(Field(name, fd[0], fd[1]))
            elif ':' in val and not re.fullmatch(r'-?\w+', val):
                kname, _, rtxt = val.partition(':')
                kind = KINDS.get(kname)
                if kind is None:
                    err('unknown field kind "%s"' % kname)
                form.fields.append(Field(name, kind,
                                         _parse_ranges(rtxt, err)))
            else:
                try:
                    form.consts[name] = int(val, 0)
                except ValueError:
                    err('bad value "%s" for %s' % (val, name))
        if argset is not None:
            for m, d in argset.members:
                if m not in seen and d is None:
                    err('member "%s" of &%s is not set' % (m, argset.name))
        form.templates = [t.strip() for t in tmpl.split(' || ')]
        if any(not t for t in form.templates):
            err('empty template')
        self.forms.append(form)

    # -- checks -----------------------------------------------------------

    def _check(self):
        byid = {f.id: f for f in self.forms}
        trans_sets = {}
        for f in self.forms:
            def err(m, f=f):
                self.err('%s: %s' % (f.id, m), f.lineno)
            self._check_bits(f, err)
            for a in f.after:
                if a not in byid:
                    err('after=%s names no form' % a)
                if a == f.id:
                    err('a form cannot come after itself')
            if f.argset is not None:
                prev = trans_sets.setdefault(f.trans, f.argset)
                if prev is not f.argset:
                    err('trans_%s is used with &%s and &%s; one trans '
                        'function has one argument set'
                        % (f.trans, prev.name, f.argset.name))
            if not f.und and not f.decode_only:
                for t in f.templates:
                    try:
                        tmpl = compile_template(t, f)
                    except TableError as e:
                        err(e.msg)
                    used = tmpl.field_names()
                    for fld in f.fields:
                        if used.count(fld.name) != 1:
                            err('field "%s" must appear once in template '
                                '"%s"' % (fld.name, t))
            elif f.und and f.templates != ['.word']:
                err('an UND form prints as ".word"')
        self._order()
        self._check_overlaps()
        if self.full_check:
            self.length_table()

    def _check_bits(self, f, err):
        owner = {}
        for fld in f.fields:
            k = fld.kind
            if k.width is not None and fld.width != k.width:
                err('field "%s" of kind %s must be %d bits, not %d'
                    % (fld.name, k.name, k.width, fld.width))
            letters = set()
            for w, hi, lo in fld.ranges:
                if w >= f.nwords:
                    err('field "%s" uses W%d of a %d-word form'
                        % (fld.name, w, f.nwords))
                for b in range(lo, hi + 1):
                    if (w, b) in owner:
                        err('bit W%d[%d] belongs to "%s" and "%s"'
                            % (w, b, owner[(w, b)], fld.name))
                    owner[(w, b)] = fld.name
                    ch = f.pattern[w][15 - b]
                    if ch in '01.':
                        err('field "%s" covers W%d[%d], which the pattern '
                            'gives as "%s"' % (fld.name, w, b, ch))
                    letters.add(ch)
            if len(letters) > 1:
                err('field "%s" mixes pattern letters %s'
                    % (fld.name, ''.join(sorted(letters))))
        for w, wtxt in enumerate(f.pattern):
            for i, ch in enumerate(wtxt):
                if ch not in '01.' and (w, 15 - i) not in owner:
                    err('pattern bit W%d[%d] ("%s") belongs to no field'
                        % (w, 15 - i, ch))

    def _order(self):
        """Decode order: every form after the forms its after= names;
        otherwise table order."""
        pending = list(self.forms)
        done = set()
        order = []
        while pending:
            for f in pending:
                if all(a in done for a in f.after):
                    break
            else:
                self.err('after= relations form a cycle among %s'
                         % ', '.join(f.id for f in pending))
            pending.remove(f)
            done.add(f.id)
            order.append(f)
        for n, f in enumerate(order):
            f.order = n
        self.decode_order = order
        # "before" closure, for the overlap check.
        self._before = {}
        for f in order:
            s = set()
            for a in f.after:
                s.add(a)
                s |= self._before[a]
            self._before[f.id] = s

    @staticmethod
    def overlap(a, b):
        for i in range(min(a.nwords, b.nwords)):
            if (a.match[i] ^ b.match[i]) & a.mask[i] & b.mask[i]:
                return False
        return True

    def _check_overlaps(self):
        forms = self.forms
        for i, a in enumerate(forms):
            for b in forms[i + 1:]:
                if not self.overlap(a, b):
                    continue
                if a.id in self._before[b.id] or b.id in self._before[a.id]:
                    continue
                self.err('%s and %s overlap (e.g. %s) but neither is '
                         'ordered after the other; add after=' %
                         (a.id, b.id, self._witness(a, b)), b.lineno)

    @staticmethod
    def _witness(a, b):
        ws = []
        for i in range(max(a.nwords, b.nwords)):
            v = 0
            if i < a.nwords:
                v |= a.match[i]
            if i < b.nwords:
                v |= b.match[i]
            ws.append('%04x' % v)
        return ' '.join(ws)

    def length_table(self):
        """Length in bytes for every W0 (0: no form, the decoder says UND).

        A W0 matched by forms of different lengths is only allowed when the
        first form in decode order that matches it does not look at W1/W2:
        that form always wins, whatever follows."""
        if getattr(self, '_lengths', None) is not None:
            return self._lengths
        lengths = [0] * 65536
        by_hi = [[] for _ in range(256)]
        for f in self.decode_order:
            m, v = f.mask[0], f.match[0]
            for hi in range(256):
                if ((hi << 8) ^ v) & m & 0xff00 == 0:
                    by_hi[hi].append(f)
        for hi in range(256):
            cands = by_hi[hi]
            for lo in range(256):
                w0 = (hi << 8) | lo
                hits = [f for f in cands
                        if (w0 & f.mask[0]) == f.match[0]]
                if not hits:
                    continue
                first = hits[0]
                if all(m == 0 for m in first.mask[1:]):
                    lengths[w0] = first.length
                    continue
                lens = {f.length for f in hits}
                if len(lens) != 1:
                    self.err('W0=%04x is matched by forms of different '
                             'lengths (%s) and the first one depends on '
                             'later words' % (w0, ', '.join(
                                 '%s:%d' % (f.id, f.length) for f in hits)),
                             first.lineno)
                lengths[w0] = first.length
        self._lengths = lengths
        return lengths

    # -- queries ------------------------------------------------------------

    def form(self, fid):
        for f in self.forms:
            if f.id == fid:
                return f
        raise KeyError(fid)

    def lookup(self, words):
        """The form the decoder picks for these words, or None."""
        words = list(words) + [0] * (3 - len(words))
        for f in self.decode_order:
            if f.matches(words):
                return None if f.und else f
        return None

    def trans_names(self):
        seen = {}
        for f in self.forms:
            if f.argset is not None:
                seen.setdefault(f.trans, (f.argset, []))[1].append(f.id)
        return seen

    def to_json(self):
        return {
            'source': os.path.basename(self.path),
            'argsets': {a.name: [[m, d] for m, d in a.members]
                        for a in self.argsets.values()},
            'forms': [f.to_json() for f in self.forms],
            'decode_order': [f.id for f in self.decode_order],
            'kinds': {k.name: {'syntax': k.syntax, 'style': k.style,
                               'size': k.size, 'doc': k.doc}
                      for k in KINDS.values()},
        }


def parse_text(text, path='<table>', full_check=True):
    return Table(path, full_check).parse(text)


def parse_file(path, full_check=True):
    with open(path, encoding='utf-8') as fh:
        return parse_text(fh.read(), path, full_check)


def _from_json(path, full_check=True):
    with open(path, encoding='utf-8') as fh:
        data = json.load(fh)
    t = Table(path, full_check)
    for name, members in data['argsets'].items():
        t.argsets[name] = ArgSet(name, [(m, d) for m, d in members], 0)
    for fj in data['forms']:
        f = Form(fj['id'], fj['trans'],
                 t.argsets[fj['argset']] if fj['argset'] else None,
                 fj['line'])
        f.syntax = fj['syntax']
        f.pattern = fj['pattern']
        f.match = fj['match']
        f.mask = fj['mask']
        f.fields = [Field(x['name'], KINDS[x['kind']],
                          [tuple(r) for r in x['ranges']])
                    for x in fj['fields']]
        f.consts = fj['consts']
        f.after = fj['after']
        f.templates = fj['templates']
        t.forms.append(f)
    t._check()
    return t


def load(path=None, full_check=True):
    """Load the ISA table from insn.decode (default: the one in this source
    tree) or from the JSON file the build generates."""
    if path is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            '..', 'target', 'cr16', 'insn.decode')
    if path.endswith('.json'):
        return _from_json(path, full_check)
    return parse_file(path, full_check)


# ---------------------------------------------------------------------------
# Assembler templates
# ---------------------------------------------------------------------------

class Template:
    """A compiled template: mnemonic spec plus one spec per operand.

    mnemonic: ('lit', 'addb') or ('cond', 'b', 'cc') for b<cc>.
    operands: tuples
      ('imm', f)              $expr
      ('reg', f)              register
      ('reglit', n)           a fixed register (ra in push lists)
      ('pair', f)             (pair)
      ('pairlit', n)          a fixed pair, e.g. (ra)
      ('expr', f)             bare expression (address, branch target)
      ('name', f)             processor register / trap vector name
      ('mem', d, base)        d(base): d is a field name or 0,
                              base is ('pair', f) or ('reg', f)
      ('idx', x, d, base)     [x]d(base) or [x]d (base None)
      ('lit', text)           literal text such as [i,u]
    """

    def __init__(self, text, mnemonic, operands, fmt):
        self.text = text
        self.mnemonic = mnemonic
        self.operands = operands
        self.fmt = fmt          # disassembler format: {N} = field N

    def field_names(self):
        """Every field the template mentions (to check each is printed)."""
        names = []
        if self.mnemonic[0] == 'cond':
            names.append(self.mnemonic[2])
        for op in self.operands:
            tag = op[0]
            if tag in ('imm', 'reg', 'pair', 'expr', 'name'):
                names.append(op[1])
            elif tag == 'mem':
                if op[1] != 0:
                    names.append(op[1])
                names.append(op[2][1])
            elif tag == 'idx':
                names.append(op[1])
                if op[2] != 0:
                    names.append(op[2])
                if op[3] is not None:
                    names.append(op[3][1])
        return names

    def mnemonics(self):
        """[(mnemonic, {field: value})] this template answers to."""
        if self.mnemonic[0] == 'lit':
            return [(self.mnemonic[1], {})]
        pre, fname = self.mnemonic[1], self.mnemonic[2]
        return [(pre + suf, {fname: n}) for n, suf in enumerate(BCOND_SUFFIX)]


def split_operands(text):
    """Split at top-level commas (not inside (), [] or quotes)."""
    out, depth, cur, quote = [], 0, '', None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in '"\'':
            quote = ch
        elif ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
        elif ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            continue
        cur += ch
    if cur.strip() or out:
        out.append(cur.strip())
    return out


def compile_template(text, form):
    fields = {f.name: f for f in form.fields}
    index = {f.name: i for i, f in enumerate(form.fields)}

    def bad(msg):
        raise TableError('template "%s": %s' % (text, msg))

    def fkind(name, syntaxes):
        if name not in fields:
            bad('"%s" is not a field of the form' % name)
        if fields[name].kind.syntax not in syntaxes:
            bad('field "%s" (%s) cannot appear here'
                % (name, fields[name].kind.name))

    mn, _, rest = text.partition(' ')
    m = re.fullmatch(r'([a-z0-9]*)<(\w+)>', mn)
    if m:
        fkind(m.group(2), ('cond',))
        mnemonic = ('cond', m.group(1), m.group(2))
        fmt = m.group(1) + '{%d}' % index[m.group(2)]
    elif re.fullmatch(r'[a-z][a-z0-9]*', mn):
        mnemonic = ('lit', mn)
        fmt = mn
    else:
        bad('bad mnemonic "%s"' % mn)
    ops = []
    fmt_ops = []
    for op in split_operands(rest) if rest.strip() else []:
        spec = _compile_operand(op, fields, fkind, bad)
        ops.append(spec)
        fmt_ops.append(re.sub(
            r'[A-Za-z_][A-Za-z0-9_]*',
            lambda mm: ('{%d}' % index[mm.group(0)])
            if mm.group(0) in fields else mm.group(0), op))
    if fmt_ops:
        fmt += ' ' + ', '.join(fmt_ops)
    return Template(text, mnemonic, ops, fmt)


def _compile_operand(op, fields, fkind, bad):
    def base(name):
        if name in fields:
            fkind(name, ('pair', 'reg'))
            return (fields[name].kind.syntax, name)
        bad('base "%s" is not a field' % name)

    def disp(name):
        if name == '0':
            return 0
        fkind(name, ('expr',))
        return name

    if op.startswith('$'):
        fkind(op[1:], ('imm',))
        return ('imm', op[1:])
    m = re.fullmatch(r'\[(\w+)\](\w+)(?:\((\w+)\))?', op)
    if m:
        fkind(m.group(1), ('idx',))
        return ('idx', m.group(1), disp(m.group(2)),
                base(m.group(3)) if m.group(3) else None)
    m = re.fullmatch(r'(\w+)\((\w+)\)', op)
    if m:
        return ('mem', disp(m.group(1)), base(m.group(2)))
    m = re.fullmatch(r'\((\w+)\)', op)
    if m:
        if m.group(1) in fields:
            fkind(m.group(1), ('pair',))
            return ('pair', m.group(1))
        if m.group(1) in REG_NAMES:
            return ('pairlit', REG_NAMES.index(m.group(1)))
        bad('bad pair "%s"' % op)
    if op in fields:
        syn = fields[op].kind.syntax
        if syn == 'reg':
            return ('reg', op)
        if syn == 'expr':
            return ('expr', op)
        if syn in ('preg', 'vec'):
            return ('name', op)
        bad('field "%s" cannot be a bare operand' % op)
    if op in REG_NAMES:
        return ('reglit', REG_NAMES.index(op))
    if re.fullmatch(r'\[[a-z,]+\]', op):
        return ('lit', op)
    bad('cannot understand operand "%s"' % op)
