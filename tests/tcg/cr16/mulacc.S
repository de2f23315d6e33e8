# Multiplies and multiply-accumulate in every form (instructions.md 4:
# F061-F066, F069, F072, F073, F152-F154): MULB/MULW truncate (imm4 9 is
# -1), MULB keeps bits 15:8, MULW on r12 keeps bits 31:16, MULSB and
# MULSW are signed at full width (0x80 * 0x80, 0x8000 * 0x8000), MULUW is
# unsigned and reads only the low word of its pair, the MAC forms
# accumulate and saturate (positive and negative bounds, the MACQW
# product 0x8000 * 0x8000), and no multiply changes a flag.
    .include "cr16-test.inc"
    .equ ALL, 0xe5
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F061 mulb $imm4: 0xff * -1 = 0x01 in the byte; 0x11 * 15 = 0xff
    movw $1, r10
    bal (ra), setall
    movw $0x12ff, r1
    mulb $-1, r1
    movw $0x3411, r2
    mulb $15, r2
    bal (ra), chkfl
    cmpw $0x1201, r1
    bne fail
    cmpw $0x34ff, r2
    bne fail

    # 2: F062 mulb $imm16: 0x10 * 0x10 = 0x100 truncates to 0
    movw $2, r10
    bal (ra), setall
    movw $0x5610, r1
    mulb $0x10, r1
    bal (ra), chkfl
    cmpw $0x5600, r1
    bne fail

    # 3: F063 mulb rs: 0x80 * 2 = 0x100: 0; rs unchanged
    movw $3, r10
    bal (ra), setall
    movw $0xab80, r1
    movw $0x0002, r2
    mulb r2, r1
    bal (ra), chkfl
    cmpw $0xab00, r1
    bne fail
    cmpw $2, r2
    bne fail

    # 4: F064 mulw $imm4: 0x8000 * 2 = 0; 1 * -1 = 0xffff
    movw $4, r10
    bal (ra), setall
    movw $0x8000, r1
    mulw $2, r1
    movw $1, r2
    mulw $-1, r2
    bal (ra), chkfl
    cmpw $0, r1
    bne fail
    cmpw $0xffff, r2
    bne fail

    # 5: F065 mulw $imm16: 0x0101 * 0x0101 = 0x10201 -> 0x0201
    movw $5, r10
    bal (ra), setall
    movw $0x0101, r1
    mulw $0x0101, r1
    bal (ra), chkfl
    cmpw $0x0201, r1
    bne fail

    # 6: F066 mulw rs: 0xffff * 0xffff -> 0x0001; on r12 bits 31:16 stay
    movw $6, r10
    bal (ra), setall
    movw $0xffff, r1
    movw $0xffff, r2
    mulw r2, r1
    movd $0x77770003, (r12)
    movw $3, r3
    mulw r3, r12
    bal (ra), chkfl
    cmpw $0x0001, r1
    bne fail
    cmpd $0x77770009, (r12)
    bne fail

    # 7: F069 mulsb: (-128) * (-128) = 0x4000; 127 * -128 = 0xc080;
    # bits 15:8 of both operands are ignored
    movw $7, r10
    bal (ra), setall
    movw $0x1280, r1
    movw $0x3480, r2
    mulsb r2, r1
    movw $0xff7f, r3
    mulsb r2, r3
    bal (ra), chkfl
    cmpw $0x4000, r1
    bne fail
    cmpw $0xc080, r3
    bne fail

    # 8: F072 mulsw: (-32768) * (-32768) = 0x40000000; the high register
    # of the pair is not an input; -32768 * 32767 = 0xc0008000
    movw $8, r10
    bal (ra), setall
    movw $0x8000, r1
    movw $0x8000, r2
    movw $0x1234, r3
    mulsw r1, (r3,r2)
    movw $0x7fff, r4
    movw $0xffff, r5
    mulsw r1, (r5,r4)
    bal (ra), chkfl
    cmpd $0x40000000, (r3,r2)
    bne fail
    cmpd $0xc0008000, (r5,r4)
    bne fail

    # 9: F073 muluw: 0xffff * 0x8000 = 0x7fff8000; with (r12) only
    # r12 bits 15:0 are the multiplicand
    movw $9, r10
    bal (ra), setall
    movw $0x8000, r1
    movd $0x5555ffff, (r3,r2)
    muluw r1, (r3,r2)
    movd $0xdead0002, (r12)
    muluw r1, (r12)
    bal (ra), chkfl
    cmpd $0x7fff8000, (r3,r2)
    bne fail
    cmpd $0x00010000, (r12)
    bne fail

    # 10: F154 macsw: -1 + (-2 * -3) = 5
    movw $10, r10
    bal (ra), setall
    movd $0xffffffff, (r5,r4)
    movw $0xfffe, r2
    movw $0xfffd, r3
    macsw r2, r3, (r5,r4)
    bal (ra), chkfl
    cmpd $5, (r5,r4)
    bne fail

    # 11: F154 macsw saturates downwards: 0x80000010 + 0x7fff * -0x8000
    movw $11, r10
    bal (ra), setall
    movd $0x80000010, (r5,r4)
    movw $0x7fff, r2
    movw $0x8000, r3
    macsw r2, r3, (r5,r4)
    cmpd $0x80000000, (r5,r4)
    bne fail

    # 12: F153 macuw: 1 + 0xffff * 0xffff = 0xfffe0002 (no saturation);
    # the operands are unsigned
    movw $12, r10
    bal (ra), setall
    movd $1, (r7,r6)
    movw $0xffff, r2
    movw $0xffff, r3
    macuw r2, r3, (r7,r6)
    bal (ra), chkfl
    cmpd $0xfffe0002, (r7,r6)
    bne fail

    # 13: F153 macuw saturates at 0xffffffff
    movw $13, r10
    bal (ra), setall
    movd $0x0001fffe, (r7,r6)
    macuw r2, r3, (r7,r6)
    cmpd $0xffffffff, (r7,r6)
    bne fail

    # 14: F152 macqw: 0x4000 * 0xc000 doubled = 0xe0000000
    movw $14, r10
    bal (ra), setall
    movd $0, (r1,r0)
    movw $0x4000, r2
    movw $0xc000, r3
    macqw r2, r3, (r1,r0)
    bal (ra), chkfl
    cmpd $0xe0000000, (r1,r0)
    bne fail

    # 15: F152 macqw: 0x8000 * 0x8000 saturates the product to
    # 0x7fffffff, then -1 + 0x7fffffff = 0x7ffffffe
    movw $15, r10
    bal (ra), setall
    movd $0xffffffff, (r1,r0)
    movw $0x8000, r2
    movw $0x8000, r3
    macqw r2, r3, (r1,r0)
    cmpd $0x7ffffffe, (r1,r0)
    bne fail

    # 16: F152 macqw: the sum saturates both ways
    movw $16, r10
    bal (ra), setall
    movd $0x7fffffff, (r1,r0)
    movw $0x4000, r2
    movw $0x4000, r3
    macqw r2, r3, (r1,r0)
    cmpd $0x7fffffff, (r1,r0)
    bne fail
    movd $0x80000000, (r1,r0)
    movw $0x8000, r2
    movw $0x7fff, r3
    macqw r2, r3, (r1,r0)
    cmpd $0x80000000, (r1,r0)
    bne fail

    br pass

# PSR = the five flags | E, before each check (compares change Z N L)
setall:
    movw $ALL|0x200, r8
    lpr r8, psr
    jump (ra)

# The flags must still be the five setall set.
chkfl:
    spr psr, r8
    andw $ALL, r8
    cmpw $ALL, r8
    bne fail
    jump (ra)

    .include "cr16-test-tail.inc"
