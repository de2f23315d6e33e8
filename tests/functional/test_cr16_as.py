#!/usr/bin/env python3
#
# Tests of scripts/cr16-as: golden encodings from the ISA reference,
# operand size selection, branch relaxation, labels, expressions,
# directives, ELF and binary output, and one test per error case.
# TAP output.
#
#   test_cr16_as.py --as scripts/cr16-as [--disas build/.../cr16-disas]
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_test import Harness, check, eq, load_assembler  # noqa: E402

ARGS = None
ASM = None          # the cr16-as module
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def asm(src, **kw):
    """Assemble in-process; return the Assembler."""
    return ASM.assemble_text(src, 'test.S', **kw)


def text_bytes(src, **kw):
    return bytes(asm(src, **kw).sections['.text'].data)


def hexb(src, **kw):
    return text_bytes(src, **kw).hex(' ')


def run_as(src, *args, files=None):
    """Run the command-line assembler on src in a temporary directory;
    returns (status, stderr, output bytes or None, dir)."""
    d = tempfile.mkdtemp(prefix='cr16-as-test-')
    path = os.path.join(d, 'prog.S')
    with open(path, 'w') as fh:
        fh.write(src)
    for name, body in (files or {}).items():
        os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
        with open(os.path.join(d, name), 'w') as fh:
            fh.write(body)
    out = os.path.join(d, 'out')
    proc = subprocess.run([sys.executable, ARGS.assembler, '-o', out] +
                          list(args) + [path], capture_output=True,
                          text=True, cwd=d)
    data = None
    if os.path.exists(out):
        with open(out, 'rb') as fh:
            data = fh.read()
    return proc.returncode, proc.stderr, data, d


def expect_error(src, line, words, *args, files=None):
    """The CLI must fail with "prog.S:LINE: ..." mentioning WORDS."""
    status, err, _, d = run_as(src, *args, files=files)
    eq(status, 1, 'exit status')
    first = err.strip().splitlines()[0] if err.strip() else ''
    prefix = '%s:%d: ' % (os.path.join(d, 'prog.S'), line)
    check(first.startswith(prefix), 'error "%s" does not start with "%s"'
          % (first, prefix))
    for w in words.split('|'):
        check(w in first, 'error "%s" does not mention "%s"' % (first, w))


# ---------------------------------------------------------------------------
# Golden encodings quoted in the ISA reference
# ---------------------------------------------------------------------------

@test
def golden_movd_imm16():
    # instructions.md 1.4 [V]: movd $-5,(r1,r0) -> b0 54 fb ff
    eq(hexb('movd $-5,(r1,r0)'), 'b0 54 fb ff')


@test
def golden_movd_imm32():
    # isa.md 4.1 [V]: 70 00 34 12 78 56
    eq(hexb('movd $0x12345678, (r1,r0)'), '70 00 34 12 78 56')


@test
def golden_long():
    # isa.md 4 [V]: .long 0x12345678 -> 78 56 34 12
    eq(hexb('.long 0x12345678'), '78 56 34 12')


@test
def golden_excp_bpt_push_ra_nop():
    eq(hexb('excp bpt'), 'c8 00')           # toolchain-abi.md 4
    eq(hexb('push ra'), '1e 01')            # instructions.md 8.2
    eq(hexb('pop ra'), '1e 02')
    eq(hexb('popret ra'), '1e 03')
    eq(hexb('nop'), '00 2c')                # instructions.md 10


@test
def golden_imm4_escape_values():
    # instructions.md 1.4 [V]: $9 and $11 need the 32-bit form.
    eq(hexb('movw $9, r1'), 'b1 5a 09 00')
    eq(hexb('movw $11, r1'), 'b1 5a 0b 00')
    eq(hexb('movw $10, r1'), 'a1 5a')
    eq(hexb('movw $-1, r1'), '91 5a')


@test
def golden_corrected_gnu_bugs():
    # instructions.md 11.1: the data register goes to W1[7:4] (GNU as 2.40
    # wrongly emits ca 86 0d eb).
    eq(hexb('loadd [r13]0x2bcd(r5,r4),(r5,r4)'), '8a 86 4d eb')
    # 11.2: positive disp20(rb) uses 0x0012, not GNU's 0x0018.
    eq(hexb('loadw 0x10(r3),r4'), '12 00 43 c0 10 00')


@test
def lsh_positive_is_ashu():
    # instructions.md 5 [V]: lshw $+n assembles as ashuw $+n.
    eq(hexb('lshw $3, r1'), hexb('ashuw $3, r1'))
    eq(hexb('lshw $-3, r1'), 'd1 49')


# ---------------------------------------------------------------------------
# Choosing the shortest form
# ---------------------------------------------------------------------------

@test
def imm_sizes():
    eq(len(text_bytes('movd $5, (r1,r0)')), 2)         # imm4
    eq(len(text_bytes('movd $-0x8000, (r1,r0)')), 4)   # imm16, sign-ext.
    eq(hexb('movd $0xffff, (r1,r0)'), '00 05 ff ff')   # imm20
    eq(len(text_bytes('movd $0x100000, (r1,r0)')), 6)  # imm32
    eq(len(text_bytes('cmpd $0xffff, (r1,r0)')), 6)    # no imm20 for cmpd
    eq(len(text_bytes('addd $-1, (sp)')), 2)


@test
def abs_sizes():
    eq(len(text_bytes('loadw 0x1234, r1')), 4)         # abs20
    eq(len(text_bytes('loadw 0xf0000, r1')), 6)        # not abs20-reachable
    # 0xFF0000.. is reachable through the abs20 remap (isa.md 4).
    eq(hexb('loadw 0xff1234, r1'), '1f 89 34 12')
    eq(len(text_bytes('loadw 0x123456, r1')), 6)


@test
def disp_sizes():
    eq(len(text_bytes('loadw 4(r1,r0), r2')), 2)
    eq(len(text_bytes('loadw 3(r1,r0), r2')), 4)       # odd: no disp4
    eq(len(text_bytes('loadb 13(r1,r0), r2')), 2)
    eq(len(text_bytes('loadb 14(r1,r0), r2')), 4)
    eq(len(text_bytes('loadw 0x10000(r1,r0), r2')), 6)
    eq(text_bytes('loadw -4(r1,r0), r2')[:2], b'\x18\x00')
    eq(len(text_bytes('loadw [r12]0(r1,r0), r2')), 2)
    eq(len(text_bytes('loadw (r1,r0), r2')), 2)
    eq(hexb('storb $5, 0(r1,r0)'), hexb('storb $5, (r1,r0)'))


@test
def size_suffixes():
    eq(len(text_bytes('br 1f\n1:', )), 2)
    eq(len(text_bytes('br 1f@m\n1:')), 4)
    eq(len(text_bytes('br 1f@l\n1:')), 6)
    eq(len(text_bytes('movw $5@m, r1')), 4)
    eq(len(text_bytes('loadw 0x1234@l, r1')), 6)


# ---------------------------------------------------------------------------
# Branches and relaxation
# ---------------------------------------------------------------------------

@test
def branch_relaxation_grows_with_distance():
    for gap, size in ((200, 2), (300, 4), (70000, 6)):
        a = asm('x: beq y\n.space %d\ny: nop' % gap)
        eq(a.env['y'] - a.env['x'], size + gap, 'layout for gap %d' % gap)
        w0 = struct.unpack('<H', bytes(a.sections['.text'].data)[:2])[0]
        if size == 2:
            check(w0 >> 12 == 1 and w0 & 0xff0f != 0x1800, 'disp9 form')
        elif size == 4:
            eq(w0 & 0xff0f, 0x1800, 'disp17 form')
        else:
            eq(w0, 0x0010, 'disp25 form')


@test
def branch_relaxation_fixed_point():
    # Each branch jumps over the next; growing one pushes the other over
    # the 9-bit limit, so the layout needs several passes.
    src = '''
    a:  br c
        .space 240
    b:  br d
        .space 10
    c:  nop
        .space 250
    d:  nop
    '''
    a = asm(src)
    eq(a.env['c'] - a.env['b'], 4 + 10, 'second branch grows')
    # ... which pushes the first one past 254 bytes: it grows too.
    eq(a.env['b'] - a.env['a'], 4 + 240, 'first branch grows')
    eq(a.env['c'] - a.env['a'], 258)


@test
def branch_backwards_and_star():
    eq(hexb('1: nop\n br 1b'), '00 2c ef 1f')           # -2
    eq(hexb('br *+0x22'), 'e1 11')
    eq(hexb('bal (ra), *+0x22'), '00 c0 22 00')
    a = text_bytes('beq0b r1, *+32')
    eq(a, bytes([0xf1, 0x0c]))


@test
def local_labels():
    src = '''
    1:  nop
        br 1f
    1:  br 1b
        br 2f
    2:  br 1b
    '''
    a = asm(src)
    b = bytes(a.sections['.text'].data)
    eq(b.hex(' '), '00 2c e1 10 e0 10 e1 10 ee 1f')


# ---------------------------------------------------------------------------
# Expressions, symbols and directives
# ---------------------------------------------------------------------------

@test
def expressions():
    cases = {
        '2+3*4': 14, '(2+3)*4': 20, '1<<4|1': 17, '~0 & 0xff': 0xff,
        '10/3': 3, '-10/3': -3, '7%3': 1, '0x10>>2': 4, "'a'": 97,
        '010': 8, '0b101': 5, '-(1)': -1, '0x100 - 1': 255, '6^3': 5,
        # GNU precedence: | & ^ bind tighter than + -.
        '1 + 2 & 3': 3,
    }
    for e, want in cases.items():
        a = asm('.set x, %s' % e)
        eq(a.env['x'], want, e)


@test
def symbols_and_dot():
    a = asm('''
        .equ base, 0x100
        .set off, base + 4
        cnt = 3
        .text
    s:  .word .
        .word s + cnt
        .word off
    ''', section_starts={'.text': 0x2000})
    b = bytes(a.sections['.text'].data)
    eq(struct.unpack('<3H', b), (0x2000, 0x2003, 0x104))


@test
def set_is_sequential():
    # .set gives a symbol a new value from that point on.
    eq(hexb('.set n, 0\n.word n\n.set n, n + 1\n.word n'), '00 00 01 00')


@test
def defsym():
    b = text_bytes('.word magic', defsyms={'magic': 0x4242})
    eq(b, b'\x42\x42')


@test
def code_address_suffix():
    a = asm('''
        .text
        nop
    f:  nop
        movd $f@c, (r1,r0)
        .data
        .long f@c
    ''', section_starts={'.text': 0x1000})
    eq(bytes(a.sections['.data'].data), struct.pack('<I', 0x1002 >> 1))
    eq(bytes(a.sections['.text'].data)[4:], bytes.fromhex('b0 54 01 08'))


@test
def data_directives():
    b = text_bytes('''
        .byte 1, -1, 0xff
        .word 0x1234, -2
        .short 1
        .hword 2
        .long 0x01020304
        .4byte 5
        .ascii "ab", "c"
        .asciz "d\\n"
        .string "e"
        .space 2
        .skip 1, 0x7
        .fill 2, 3, 0x0102
    ''')
    want = bytes([1, 0xff, 0xff, 0x34, 0x12, 0xfe, 0xff, 1, 0, 2, 0,
                  4, 3, 2, 1, 5, 0, 0, 0]) + b'abcd\n\0e\0' + \
        b'\0\0\x07' + b'\x02\x01\x00' * 2
    eq(b[:len(want)], want)


@test
def alignment():
    # .align takes a byte count (toolchain-abi.md 1), like .balign.
    a = asm('.data\n.byte 1\n.align 4\nx: .byte 2\n.p2align 3\ny: .byte 3\n'
            '.balign 2, 0xee\nz: .byte 4', section_starts={'.data': 0x100})
    eq(a.env['x'], 0x104)
    eq(a.env['y'], 0x108)
    eq(a.env['z'], 0x10a)
    eq(bytes(a.sections['.data'].data)[9], 0xee)
    # In code, padding is nops.
    eq(hexb('nop\n.align 8\nnop')[:17], '00 2c 00 2c 00 2c')


@test
def org():
    a = asm('nop\n.org 0x10\nx: nop\n.org . + 4\ny: nop',
            section_starts={'.text': 0x1000})
    eq(a.env['x'], 0x1010)
    eq(a.env['y'], 0x1016)


@test
def sections_and_layout():
    a = asm('''
        .text
        nop
        .data
    d:  .word 1
        .bss
    b:  .space 8
        .section .rodata
    r:  .byte 9
    ''', section_starts={'.text': 0x100, '.data': 0x400000})
    eq(a.env['d'], 0x400000)
    check(a.env['r'] >= 0x102, 'rodata after text')
    check(a.env['b'] >= 0x400002, 'bss after data')
    eq(a.sections['.bss'].nobits, True)


@test
def include_and_statement_separator():
    status, err, data, _ = run_as(
        '.include "inc/defs.i"\nmovw $VAL, r1 ; nop # comment\n',
        '-I', 'inc', '-O', 'binary', files={'inc/defs.i': '.equ VAL, 7\n'})
    eq(status, 0, err)
    eq(data.hex(' '), '71 5a 00 2c')


@test
def registers_and_pairs():
    eq(hexb('movw r12, r1'), hexb('movw r12_L, r1'))
    eq(hexb('movw ra, sp'), hexb('movw r14, r15'))
    eq(hexb('movd (r12,r11), (ra)'), 'be 55')
    eq(hexb('loadw 2(r12), r1'), '1c 91')               # pair 12
    eq(hexb('loadw 2(r12_L), r1'), '12 00 1c c0 02 00')  # 16-bit base


# ---------------------------------------------------------------------------
# Output files
# ---------------------------------------------------------------------------

def parse_elf(data):
    ident = data[:16]
    (etype, mach, ver, entry, phoff, shoff, flags, ehsize, phentsize, phnum,
     shentsize, shnum, shstrndx) = struct.unpack('<HHIIIIIHHHHHH',
                                                 data[16:52])
    phdrs = [struct.unpack('<IIIIIIII', data[phoff + 32 * i:
                                            phoff + 32 * i + 32])
             for i in range(phnum)]
    shdrs = [struct.unpack('<IIIIIIIIII', data[shoff + 40 * i:
                                              shoff + 40 * i + 40])
             for i in range(shnum)]
    strsec = shdrs[shstrndx]

    def name(off, sec):
        base = sec[4] + off
        return data[base:data.index(b'\0', base)].decode()
    sections = {name(s[0], strsec): s for s in shdrs[1:]}
    syms = {}
    if '.symtab' in sections:
        st = sections['.symtab']
        strtab = shdrs[st[6]]
        for i in range(1, st[5] // 16):
            n, value, size, info, other, shndx = struct.unpack(
                '<IIIBBH', data[st[4] + 16 * i:st[4] + 16 * i + 16])
            syms[name(n, strtab)] = (value, info >> 4, shndx)
    return dict(ident=ident, type=etype, machine=mach, entry=entry,
                phdrs=phdrs, sections=sections, syms=syms)


ELF_SRC = '''
        .text
        .global _start
_start: movw $1, r2
loop:   br loop
        .data
val:    .word 0x1234
        .bss
buf:    .space 16
'''


@test
def elf_header_and_segments():
    status, err, data, _ = run_as(ELF_SRC, '-Ttext', '0x1000', '-Tdata',
                                  '0x400000')
    eq(status, 0, err)
    e = parse_elf(data)
    eq(e['ident'][:4], b'\x7fELF')
    eq(e['ident'][4], 1, 'ELFCLASS32')
    eq(e['ident'][5], 1, 'ELFDATA2LSB')
    eq(e['type'], 2, 'ET_EXEC')
    eq(e['machine'], 177, 'EM_CR16')
    eq(e['entry'], 0x1000)
    loads = [p for p in e['phdrs'] if p[0] == 1]
    eq(len(loads), 3, 'one PT_LOAD per section')
    text, dat, bss = sorted(loads, key=lambda p: p[2])
    eq((text[2], text[4], text[5]), (0x1000, 4, 4))
    eq(data[text[1]:text[1] + 4], bytes.fromhex('12 5a e0 10'))
    eq(text[6] & 1, 1, 'text is executable')
    eq((dat[2], dat[4]), (0x400000, 2))
    eq(data[dat[1]:dat[1] + 2], b'\x34\x12')
    eq((bss[4], bss[5]), (0, 16), 'bss has no file bytes')
    eq(e['syms']['_start'][:2], (0x1000, 1))
    eq(e['syms']['loop'][:2], (0x1002, 0))
    eq(e['syms']['val'][0], 0x400000)
    eq(e['sections']['.bss'][1], 8, 'SHT_NOBITS')


@test
def cli_defsym_and_section_start():
    status, err, data, _ = run_as('.section .vec, "a"\n.word K\n', '-O',
                                  'binary', '--defsym', 'K=0x55aa',
                                  '--section-start', '.vec=0x80')
    eq(status, 0, err)
    eq(data, b'\xaa\x55')


@test
def elf_entry_without_start():
    status, err, data, _ = run_as('nop\nx: nop\n', '-Ttext', '0x200')
    eq(status, 0, err)
    eq(parse_elf(data)['entry'], 0x200)


@test
def binary_output():
    status, err, data, _ = run_as('.text\nnop\n.data\n.byte 7\n', '-O',
                                  'binary', '-Ttext', '0x10', '-Tdata',
                                  '0x14')
    eq(status, 0, err)
    eq(data, b'\x00\x2c\x00\x00\x07')


@test
def listing():
    d = tempfile.mkdtemp(prefix='cr16-as-test-')
    src = os.path.join(d, 'p.S')
    with open(src, 'w') as fh:
        fh.write('start: movw $0x1234, r1\n')
    proc = subprocess.run([sys.executable, ARGS.assembler, '-o',
                           os.path.join(d, 'p.elf'), '--listing', '-Ttext',
                           '0x100', src], capture_output=True, text=True)
    eq(proc.returncode, 0, proc.stderr)
    line = proc.stdout.splitlines()[0]
    check('000100' in line and 'b1 5a 34 12' in line and
          'movw $0x1234, r1' in line, 'listing line: %s' % line)


@test
def disassembler_reads_assembler_output():
    if not ARGS.disas:
        return
    status, err, data, _ = run_as('movw $0x1234, r1\nloadw 4(r1,r0), r2\n'
                                  'beq 0x1020\n', '-O', 'binary', '-Ttext',
                                  '0x1000')
    eq(status, 0, err)
    proc = subprocess.run([ARGS.disas, '--text', '--pc', '0x1000', '-x',
                           data.hex()], capture_output=True, text=True)
    eq(proc.stdout.splitlines(), ['movw $0x1234, r1', 'loadw 0x4(r1,r0), r2',
                                  'beq 0x1020'])


# ---------------------------------------------------------------------------
# Errors: always "file:line: message" and exit status 1
# ---------------------------------------------------------------------------

@test
def error_unknown_mnemonic():
    expect_error('nop\nfrobw r1, r2\n', 2, 'unknown mnemonic|frobw')


@test
def error_unknown_register():
    expect_error('movw r16, r1\n', 1, 'unknown register|r16')
    expect_error('movw R1, r2\n', 1, 'unknown register')


@test
def error_unknown_directive():
    expect_error('\n\n.frob 1\n', 3, 'unknown directive')


@test
def error_undefined_symbol():
    expect_error('nop\nbr nowhere\n', 2, 'undefined symbol|nowhere')
    expect_error('.word missing\n', 1, 'undefined symbol|missing')


@test
def error_operand_out_of_range():
    expect_error('movb $0x1234, r1\n', 1, 'does not fit a byte')
    expect_error('storb $16, 0(r1,r0)\n', 1, 'out of range')
    expect_error('ashub $8, r1\n', 1, 'out of range')
    expect_error('push $9, r0\n', 1, 'out of range')
    expect_error('loadw [r12]0x100000(r1,r0), r2\n', 1, 'out of range')
    expect_error('loadw [r12]0(r2,r1), r2\n', 1, 'index pair')
    expect_error('.byte 256\n', 1, 'does not fit')
    expect_error('.word 0x10000\n', 1, 'does not fit')


@test
def error_odd_branch_displacement():
    expect_error('br *+3\n', 1, 'odd branch displacement')


@test
def error_branch_out_of_range():
    expect_error('beq0b r1, 1f\n.space 40\n1: nop\n', 1, 'out of range')
    expect_error('br 0x2000000\n', 1, 'out of range')


@test
def error_bad_operands():
    expect_error('addw (r1,r0), r2\n', 1, 'bad operands')
    expect_error('movd $1, (r2,r0)\n', 1, 'bad operands')
    expect_error('excp 16\n', 1, 'out of range')


@test
def error_bad_expression():
    expect_error('movw $1+/2, r1\n', 1, 'bad expression')
    expect_error('.word 1/0\n', 1, 'division by zero')


@test
def error_duplicate_label():
    expect_error('x: nop\nx: nop\n', 2, 'already defined')


@test
def error_org_backwards():
    expect_error('nop\n.org 4\n.org 2\n', 3, 'backwards')


@test
def error_data_in_bss():
    expect_error('.bss\n.word 1\n', 2, '.bss')


@test
def error_missing_include():
    expect_error('.include "nothere.i"\n', 1, 'nothere.i')


@test
def error_in_included_file_names_that_file():
    status, err, _, d = run_as('.include "bad.i"\n',
                               files={'bad.i': 'nop\nfoo\n'})
    eq(status, 1)
    check(err.startswith(os.path.join(d, 'bad.i') + ':2: '), err)


@test
def error_local_label_backwards_without_definition():
    expect_error('br 1b\n', 1, '1b')


@test
def error_several_reported():
    status, err, _, _ = run_as('foo\nnop\nbar\n')
    eq(status, 1)
    lines = err.strip().splitlines()
    eq(len(lines), 2, 'both errors reported')
    check(':3: ' in lines[1], lines[1])


def main():
    global ARGS, ASM
    ap = argparse.ArgumentParser()
    ap.add_argument('--as', dest='assembler', required=True)
    ap.add_argument('--disas')
    ARGS = ap.parse_args()
    ARGS.assembler = os.path.abspath(ARGS.assembler)
    if ARGS.disas:
        ARGS.disas = os.path.abspath(ARGS.disas)
    ASM = load_assembler(ARGS.assembler)
    h = Harness()
    h.plan(len(TESTS))
    for fn in TESTS:
        h.run(fn.__name__, fn)
    return h.finish()

if __name__ == '__main__':
    sys.exit(main())
