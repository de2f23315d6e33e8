# Multiplies and multiply-accumulate (instructions.md 4): truncating
# MULB/MULW, signed MULSB/MULSW, unsigned MULUW, saturating MAC forms.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: mulw keeps the low 16 bits
    movw $1, r10
    movw $0x1234, r1
    mulw $3, r1
    cmpw $0x369c, r1
    bne fail
    movw $0x1000, r2
    mulw r2, r1
    cmpw $0xc000, r1
    bne fail

    # 2: mulb writes bits 7:0 only
    movw $2, r10
    movw $0x1210, r1
    movw $0x0010, r2
    mulb r2, r1
    cmpw $0x1200, r1
    bne fail

    # 3: mulsb: signed bytes, 16-bit product
    movw $3, r10
    movw $0x33ff, r1
    movw $0x4402, r2
    mulsb r2, r1
    cmpw $0xfffe, r1
    bne fail

    # 4: mulsw: low register of the pair times rs, signed 32-bit result
    movw $4, r10
    movd $0x1234ffff, (r1,r0)
    movw $0x7fff, r2
    mulsw r2, (r1,r0)
    cmpd $0xffff8001, (r1,r0)
    bne fail

    # 5: muluw: unsigned
    movw $5, r10
    movd $0x0000ffff, (r1,r0)
    movw $0xffff, r2
    muluw r2, (r1,r0)
    cmpd $0xfffe0001, (r1,r0)
    bne fail

    # 6: macsw accumulates a signed product
    movw $6, r10
    movd $10, (r5,r4)
    movw $0xfffe, r2
    movw $3, r3
    macsw r2, r3, (r5,r4)
    cmpd $4, (r5,r4)
    bne fail

    # 7: macsw saturates at 0x7fffffff
    movw $7, r10
    movd $0x7ffffff0, (r5,r4)
    movw $0x100, r2
    movw $0x100, r3
    macsw r2, r3, (r5,r4)
    cmpd $0x7fffffff, (r5,r4)
    bne fail

    # 8: macuw saturates at 0xffffffff
    movw $8, r10
    movd $0xfffffff0, (r5,r4)
    movw $0xffff, r2
    movw $0xffff, r3
    macuw r2, r3, (r5,r4)
    cmpd $0xffffffff, (r5,r4)
    bne fail

    # 9: macqw doubles the product; 0x8000 * 0x8000 saturates
    movw $9, r10
    movd $1, (r5,r4)
    movw $0x4000, r2
    movw $0x4000, r3
    macqw r2, r3, (r5,r4)
    cmpd $0x20000001, (r5,r4)
    bne fail
    movd $0, (r5,r4)
    movw $0x8000, r2
    movw $0x8000, r3
    macqw r2, r3, (r5,r4)
    cmpd $0x7fffffff, (r5,r4)
    bne fail

    br pass
    .include "cr16-test-tail.inc"
