# Shifts (instructions.md 5): both directions, counts 0 and the maximum,
# byte forms keeping bits 15:8, register counts (signed low byte).
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: ashuw left
    movw $1, r10
    movw $0x1234, r1
    ashuw $3, r1
    cmpw $0x91a0, r1
    bne fail

    # 2: ashuw right is arithmetic, lshw right is logical
    movw $2, r10
    movw $0x8000, r1
    ashuw $-4, r1
    cmpw $0xf800, r1
    bne fail
    movw $0x8000, r1
    lshw $-4, r1
    cmpw $0x0800, r1
    bne fail

    # 3: count 0 leaves the value
    movw $3, r10
    movw $0x8421, r1
    ashuw $0, r1
    cmpw $0x8421, r1
    bne fail

    # 4: byte shifts keep bits 15:8; maximum counts 7 and -8
    movw $4, r10
    movw $0x1201, r1
    ashub $7, r1
    cmpw $0x1280, r1
    bne fail
    ashub $-8, r1
    cmpw $0x12ff, r1
    bne fail
    lshb $-8, r1
    cmpw $0x1200, r1
    bne fail

    # 5: word maximum counts 15 and -16
    movw $5, r10
    movw $1, r1
    ashuw $15, r1
    cmpw $0x8000, r1
    bne fail
    ashuw $-16, r1
    cmpw $0xffff, r1
    bne fail
    lshw $-16, r1
    cmpw $0, r1
    bne fail

    # 6: double shifts, counts 31 and -32 (libgcc's 64-bit shift needs 0)
    movw $6, r10
    movd $1, (r3,r2)
    ashud $31, (r3,r2)
    cmpd $0x80000000, (r3,r2)
    bne fail
    ashud $-31, (r3,r2)
    cmpd $0xffffffff, (r3,r2)
    bne fail
    lshd $-32, (r3,r2)
    cmpd $0, (r3,r2)
    bne fail
    movd $0x80000000, (r3,r2)
    lshd $-31, (r3,r2)
    cmpd $1, (r3,r2)
    bne fail

    # 7: register counts: the low byte, signed
    movw $7, r10
    movw $0x00fd, r2
    movw $0x8000, r1
    ashuw r2, r1
    cmpw $0xf000, r1
    bne fail
    movw $0x8000, r1
    lshw r2, r1
    cmpw $0x1000, r1
    bne fail
    movw $0x0004, r2
    ashuw r2, r1
    cmpw $0x0000, r1
    bne fail
    movw $0x0101, r1
    movw $0x0003, r2
    lshb r2, r1
    cmpw $0x0108, r1
    bne fail
    movw $0x00ff, r2
    ashub r2, r1
    cmpw $0x0104, r1
    bne fail

    # 8: double shifts by register
    movw $8, r10
    movd $0x00010000, (r5,r4)
    movw $0x00f0, r2
    lshd r2, (r5,r4)
    cmpd $1, (r5,r4)
    bne fail
    movw $20, r2
    ashud r2, (r5,r4)
    cmpd $0x00100000, (r5,r4)
    bne fail

    br pass
    .include "cr16-test-tail.inc"
