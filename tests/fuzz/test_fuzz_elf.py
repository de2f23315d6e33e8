#!/usr/bin/env python3
#
# Malformed -kernel ELF files.
#
#   test_fuzz_elf.py --qemu QEMU --as scripts/cr16-as [--seed N] [--case K]
#
# A valid CR16 executable is assembled once with cr16-as (two PT_LOAD
# segments, .bss included); each case damages a copy of it and boots it
# on "sim", "sim,load-vma=on", "virt" (-bios none) or "none".  Damage:
# truncation anywhere; random bytes in the ELF header, the program
# headers or anywhere; and targeted field values (class, byte order,
# machine, type, entry, e_phoff/e_phnum/e_phentsize past the end, huge
# p_offset/p_filesz/p_memsz, segments outside RAM, over the devices or
# across the end of the address space, more segments than the file
# holds).  Every run must either start (QMP answers; quit ends it with
# status 0) or stop at once with status 1 and exactly one line on
# stderr, "qemu-system-cr16: ..."; never crash, hang or report a
# sanitizer error.
#
# Output is TAP.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import os
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib as fz  # noqa: E402

PROGRAM = '''
    .text
    .global _start
_start:
    movd $0x12345, (r1,r0)
    movw $0x410, r0
    movw $0, r2
    excp bpt
    .data
value:
    .word 0x1234, 0x5678
    .bss
buf:
    .space 64
'''

BOARDS = [
    (['-M', 'sim'], 0x10000),
    (['-M', 'sim,load-vma=on'], 0x10000),
    (['-M', 'virt', '-bios', 'none', '-serial', 'null'], 0x10000),
    (['-M', 'none', '-cpu', 'cr16c', '-m', '1M'], 0x10000),
]

EHDR = '<16sHHIIIIIHHHHHH'      # Elf32_Ehdr
PHDR = '<IIIIIIII'              # Elf32_Phdr



def huge_bss(good):
    # p_memsz 0xffffffff: the loader allocated and copied 4 GiB (twice)
    # before finding that the range is not memory; now refused at once.
    data = bytearray(good)
    eh = ehdr_fields(data)
    ph = list(struct.unpack_from(PHDR, data, eh[5]))
    ph[5] = 0xffffffff
    struct.pack_into(PHDR, data, eh[5], *ph)
    return bytes(data), 'regression: segment 0 p_memsz = 0xffffffff', 0


# Damaged files that once broke the loader: the first cases.
REGRESSIONS = [huge_bss]


def ehdr_fields(data):
    return list(struct.unpack_from(EHDR, data, 0))


def set_ehdr(data, fields):
    struct.pack_into(EHDR, data, 0, *fields)


def damage(rng, good):
    """A damaged copy of @good and a short description of the damage."""
    data = bytearray(good)
    eh = ehdr_fields(data)
    phoff, phnum = eh[5], eh[10]
    pick = rng.randrange(12)
    if pick == 0:
        n = rng.randrange(len(data))
        return bytes(data[:n]), 'truncated to %d bytes' % n
    if pick == 1:
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(52)] = rng.getrandbits(8)
        return bytes(data), 'random bytes in the ELF header'
    if pick == 2:
        end = min(len(data), phoff + 32 * phnum)
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(phoff, end)] = rng.getrandbits(8)
        return bytes(data), 'random bytes in the program headers'
    if pick == 3:
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.getrandbits(8)
        return bytes(data), 'random bytes anywhere'
    if pick == 4:
        ident = bytearray(eh[0])
        i = rng.choice([4, 5, 6, 7])
        ident[i] = rng.choice([0, 2, 3, 0xff])
        eh[0] = bytes(ident)
        set_ehdr(data, eh)
        return bytes(data), 'e_ident[%d] = %d' % (i, ident[i])
    if pick == 5:
        idx, name = rng.choice([(1, 'e_type'), (2, 'e_machine'),
                                (4, 'e_entry'), (8, 'e_ehsize')])
        eh[idx] = rng.choice([0, 1, 3, 4, 0xffff, rng.getrandbits(16)]) \
            if idx != 4 else rng.choice([1, 0xffffff, 0xffffffff,
                                         0x1000000, rng.getrandbits(32)])
        set_ehdr(data, eh)
        return bytes(data), '%s = %#x' % (name, eh[idx])
    if pick == 6:
        idx, name = rng.choice([(5, 'e_phoff'), (10, 'e_phnum'),
                                (9, 'e_phentsize')])
        big = 0xffffffff if idx == 5 else 0xffff
        eh[idx] = rng.choice([0, 1, 31, 33, big, len(data), len(data) - 8,
                              rng.getrandbits(16)])
        set_ehdr(data, eh)
        return bytes(data), '%s = %#x' % (name, eh[idx])
    # A field of one program header.
    k = rng.randrange(phnum)
    ph = list(struct.unpack_from(PHDR, data, phoff + 32 * k))
    names = ['p_type', 'p_offset', 'p_vaddr', 'p_paddr', 'p_filesz',
             'p_memsz', 'p_flags', 'p_align']
    idx = rng.choice([0, 1, 2, 3, 3, 4, 5, 5])
    if idx == 0:
        value = rng.choice([0, 2, 3, 4, 6, 0x70000000, 0xffffffff])
    elif idx in (2, 3):
        value = rng.choice([0xff0000, 0xff4000, 0xfffffe, 0xffffff00,
                            0xfffffff0, 0x1000000, 0xfff0, 0,
                            0x100000 - 4, rng.getrandbits(32)])
    else:
        value = rng.choice([0xffffffff, 0xfffffff0, 0x80000000, 0x1000000,
                            0x100000, len(data), len(data) + 1, 0,
                            rng.getrandbits(32)])
    ph[idx] = value
    struct.pack_into(PHDR, data, phoff + 32 * k, *ph)
    return bytes(data), 'segment %d %s = %#x' % (k, names[idx], value)


def boot(opts, args, workdir):
    """Run one damaged file; return a note for TAP."""
    q = fz.Qemu(opts.qemu, args, workdir)
    try:
        return fz.start_or_refuse(q, 'the damaged file')
    finally:
        q.kill()


def run_case(opts, good, rng, index, workdir):
    if index < len(REGRESSIONS):
        data, what, board = REGRESSIONS[index](good)
    else:
        data, what = damage(rng, good)
        board = rng.randrange(len(BOARDS))
    path = os.path.join(workdir, 'case%d.elf' % index)
    with open(path, 'wb') as f:
        f.write(data)
    args = BOARDS[board][0] + ['-kernel', path, '-display', 'none',
                               '-monitor', 'none', '-no-shutdown',
                               '-d', 'guest_errors,unimp', '-D', os.devnull]
    if rng.random() < 0.5:
        args.append('-S')
    t0 = time.monotonic()
    try:
        note = boot(opts, args, workdir)
    except fz.CaseFailure as e:
        raise fz.CaseFailure('%s (%s):\n%s' % (what, ' '.join(
            BOARDS[board][0]), e))
    # Loading a few hundred bytes must never take long (4 GiB did).
    fz.check(time.monotonic() - t0 < 20, '%s: took %.1f s' %
             (what, time.monotonic() - t0))
    return '%s; %s' % (what, note)


def main():
    ap = fz.arg_parser('malformed ELF kernels', cases=250)
    opts = fz.parse_args(ap)
    tap = fz.Tap(__file__, opts)
    with fz.tmpdir('fuzz-elf-') as workdir:
        src = os.path.join(workdir, 'good.S')
        elf = os.path.join(workdir, 'good.elf')
        with open(src, 'w') as f:
            f.write(PROGRAM)
        r = subprocess.run([sys.executable, opts.asm, '-O', 'elf',
                            '-Ttext', '0x10000', '-Tdata', '0x11000',
                            '-Tbss', '0x12000', '-o', elf, src],
                           capture_output=True, text=True)
        if r.returncode:
            print('Bail out! cr16-as failed: %s' % r.stderr)
            return 1
        with open(elf, 'rb') as f:
            good = f.read()
        fz.run_cases(tap, 'elf', opts.cases,
                     lambda rng, i: run_case(opts, good, rng, i, workdir))
    return tap.finish()


if __name__ == '__main__':
    fz.main_guard(main)
