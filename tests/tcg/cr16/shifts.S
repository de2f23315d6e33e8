# Shifts in every form (instructions.md 5: F096-F110) with counts of 0,
# 1 and the maximum each way: ASHU right is arithmetic, LSH right is
# logical, the extreme right counts -8/-16/-32 shift by the full width
# (sign fill for ASHU, 0 for LSH), register counts are the signed low
# byte (bits 15:8 of the count register ignored), byte forms keep bits
# 15:8, word forms on r12 keep bits 31:16, and no shift changes a flag.
    .include "cr16-test.inc"
    .equ ALL, 0xe5
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # ---- byte ------------------------------------------------------------
    # 1: F096 ashub $7 and $0
    movw $1, r10
    bal (ra), setall
    movw $0x12ff, r1
    ashub $7, r1
    movw $0x12ab, r2
    ashub $0, r2
    bal (ra), chkfl
    cmpw $0x1280, r1
    bne fail
    cmpw $0x12ab, r2
    bne fail

    # 2: F097 ashub $-8 fills with the sign; $-1 is arithmetic
    movw $2, r10
    bal (ra), setall
    movw $0x3480, r1
    ashub $-8, r1
    movw $0x3481, r2
    ashub $-1, r2
    movw $0x347f, r3
    ashub $-8, r3
    bal (ra), chkfl
    cmpw $0x34ff, r1
    bne fail
    cmpw $0x34c0, r2
    bne fail
    cmpw $0x3400, r3
    bne fail

    # 3: F098 ashub rc: +7, -7, and 0x0100 (low byte 0: no shift)
    movw $3, r10
    bal (ra), setall
    movw $0x5501, r1
    movw $7, r2
    ashub r2, r1
    movw $0x5580, r3
    movw $0xfff9, r4
    ashub r4, r3
    movw $0x55aa, r5
    movw $0x0100, r6
    ashub r6, r5
    bal (ra), chkfl
    cmpw $0x5580, r1
    bne fail
    cmpw $0x55ff, r3
    bne fail
    cmpw $0x55aa, r5
    bne fail

    # 4: F105 lshb $-8 gives 0; $-1 is logical
    movw $4, r10
    bal (ra), setall
    movw $0x34ff, r1
    lshb $-8, r1
    movw $0x3481, r2
    lshb $-1, r2
    bal (ra), chkfl
    cmpw $0x3400, r1
    bne fail
    cmpw $0x3440, r2
    bne fail

    # 5: F106 lshb rc: -7 (logical) and +3 (bits past 7 are lost)
    movw $5, r10
    bal (ra), setall
    movw $0x6680, r1
    movw $0x00f9, r2
    lshb r2, r1
    movw $0x6621, r3
    movw $3, r4
    lshb r4, r3
    bal (ra), chkfl
    cmpw $0x6601, r1
    bne fail
    cmpw $0x6608, r3
    bne fail

    # ---- word ------------------------------------------------------------
    # 6: F102 ashuw $15 and $0; on r12 bits 31:16 stay
    movw $6, r10
    bal (ra), setall
    movw $0x0001, r1
    ashuw $15, r1
    movw $0x1234, r2
    ashuw $0, r2
    movd $0x12340001, (r12)
    ashuw $4, r12
    bal (ra), chkfl
    cmpw $0x8000, r1
    bne fail
    cmpw $0x1234, r2
    bne fail
    cmpd $0x12340010, (r12)
    bne fail

    # 7: F103 ashuw $-16 fills with the sign; $-1 is arithmetic
    movw $7, r10
    bal (ra), setall
    movw $0x8000, r1
    ashuw $-16, r1
    movw $0x7fff, r2
    ashuw $-16, r2
    movw $0x8001, r3
    ashuw $-1, r3
    bal (ra), chkfl
    cmpw $0xffff, r1
    bne fail
    cmpw $0, r2
    bne fail
    cmpw $0xc000, r3
    bne fail

    # 8: F104 ashuw rc: +15, -15, 0
    movw $8, r10
    bal (ra), setall
    movw $1, r1
    movw $15, r2
    ashuw r2, r1
    movw $0x8000, r3
    movw $0xfff1, r4
    ashuw r4, r3
    movw $0x4321, r5
    movw $0, r6
    ashuw r6, r5
    bal (ra), chkfl
    cmpw $0x8000, r1
    bne fail
    cmpw $0xffff, r3
    bne fail
    cmpw $0x4321, r5
    bne fail

    # 9: F109 lshw $-16 gives 0, $-15 keeps the top bit, $-1 logical
    movw $9, r10
    bal (ra), setall
    movw $0xffff, r1
    lshw $-16, r1
    movw $0x8000, r2
    lshw $-15, r2
    movw $0x8000, r3
    lshw $-1, r3
    bal (ra), chkfl
    cmpw $0, r1
    bne fail
    cmpw $1, r2
    bne fail
    cmpw $0x4000, r3
    bne fail

    # 10: F110 lshw rc: -8, +8 and a count register with bits 15:8 set
    # (0xff08: low byte +8)
    movw $10, r10
    bal (ra), setall
    movw $0xab00, r1
    movw $0xfff8, r2
    lshw r2, r1
    movw $0x00ab, r3
    movw $0xff08, r4
    lshw r4, r3
    bal (ra), chkfl
    cmpw $0x00ab, r1
    bne fail
    cmpw $0xab00, r3
    bne fail

    # ---- double ------------------------------------------------------------
    # 11: F099 ashud $31, $16 and $0
    movw $11, r10
    bal (ra), setall
    movd $1, (r1,r0)
    ashud $31, (r1,r0)
    movd $0x00001234, (r3,r2)
    ashud $16, (r3,r2)
    movd $0xcafef00d, (r5,r4)
    ashud $0, (r5,r4)
    bal (ra), chkfl
    cmpd $0x80000000, (r1,r0)
    bne fail
    cmpd $0x12340000, (r3,r2)
    bne fail
    cmpd $0xcafef00d, (r5,r4)
    bne fail

    # 12: F100 ashud $-32 fills with the sign; $-1 crosses the halves
    movw $12, r10
    bal (ra), setall
    movd $0x80000000, (r1,r0)
    ashud $-32, (r1,r0)
    movd $0x80010002, (r3,r2)
    ashud $-1, (r3,r2)
    movd $0x7fffffff, (r5,r4)
    ashud $-32, (r5,r4)
    bal (ra), chkfl
    cmpd $0xffffffff, (r1,r0)
    bne fail
    cmpd $0xc0008001, (r3,r2)
    bne fail
    cmpd $0, (r5,r4)
    bne fail

    # 13: F101 ashud rc: +31, -31, +16
    movw $13, r10
    bal (ra), setall
    movd $1, (r1,r0)
    movw $31, r6
    ashud r6, (r1,r0)
    movd $0x80000000, (r3,r2)
    movw $0xffe1, r7
    ashud r7, (r3,r2)
    movd $0x00001234, (r5,r4)
    movw $16, r6
    ashud r6, (r5,r4)
    bal (ra), chkfl
    cmpd $0x80000000, (r1,r0)
    bne fail
    cmpd $0xffffffff, (r3,r2)
    bne fail
    cmpd $0x12340000, (r5,r4)
    bne fail

    # 14: F107 lshd $-32 gives 0 (libgcc's 64-bit shifts need it);
    # $-31 and $-1 are logical
    movw $14, r10
    bal (ra), setall
    movd $0xffffffff, (r1,r0)
    lshd $-32, (r1,r0)
    movd $0x80000000, (r3,r2)
    lshd $-31, (r3,r2)
    movd $0x80010001, (r5,r4)
    lshd $-1, (r5,r4)
    bal (ra), chkfl
    cmpd $0, (r1,r0)
    bne fail
    cmpd $1, (r3,r2)
    bne fail
    cmpd $0x40008000, (r5,r4)
    bne fail

    # 15: F108 lshd rc: -16 and +4
    movw $15, r10
    bal (ra), setall
    movd $0xabcd1234, (r1,r0)
    movw $0xfff0, r6
    lshd r6, (r1,r0)
    movd $0x0abcd123, (r3,r2)
    movw $4, r7
    lshd r7, (r3,r2)
    bal (ra), chkfl
    cmpd $0x0000abcd, (r1,r0)
    bne fail
    cmpd $0xabcd1230, (r3,r2)
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
