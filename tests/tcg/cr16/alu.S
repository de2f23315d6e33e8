# Integer arithmetic, compare, logic and moves (instructions.md 2-3):
# carry out of bit 7, 15 and 31, signed overflow, borrow, CMP's Z/N/L,
# byte writes keeping bits 15:8, word writes to r12 keeping bits 31:16.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: addw 0x7fff + 1 = 0x8000, signed overflow, no carry
    movw $1, r10
    movw $0x7fff, r1
    addw $1, r1
    bfc fail
    bcs fail
    cmpw $0x8000, r1
    bne fail

    # 2: addw 0xffff + 1 = 0 with carry, no overflow
    movw $2, r10
    movw $0xffff, r1
    addw $1, r1
    bcc fail
    bfs fail
    cmpw $0, r1
    bne fail

    # 3: addb keeps bits 15:8; 0x7f + 1 overflows at bit 7
    movw $3, r10
    movw $0x127f, r1
    addb $1, r1
    bfc fail
    bcs fail
    cmpw $0x1280, r1
    bne fail

    # 4: addd 0xffffffff + 1 = 0: carry out of bit 31
    movw $4, r10
    movd $0xffffffff, (r1,r0)
    addd $1, (r1,r0)
    bcc fail
    bfs fail
    cmpd $0, (r1,r0)
    bne fail

    # 5: addd overflow 0x7fffffff + 1
    movw $5, r10
    movd $0x7fffffff, (r3,r2)
    movd $1, (r5,r4)
    addd (r5,r4), (r3,r2)
    bfc fail
    bcs fail
    cmpd $0x80000000, (r3,r2)
    bne fail

    # 6: addcw adds the carry: C=1 from 0xffff + 1, then 5 + 0 + C = 6
    movw $6, r10
    movw $0xffff, r1
    addw $1, r1
    movw $5, r3
    addcw $0, r3
    cmpw $6, r3
    bne fail
    bcs fail

    # 7: subw 1 - 2 = 0xffff: borrow, no overflow
    movw $7, r10
    movw $1, r1
    subw $2, r1
    bcc fail
    bfs fail
    cmpw $0xffff, r1
    bne fail

    # 8: subw 0x8000 - 1 = 0x7fff: overflow, no borrow
    movw $8, r10
    movw $0x8000, r1
    subw $1, r1
    bfc fail
    bcs fail
    cmpw $0x7fff, r1
    bne fail

    # 9: subcw with borrow in: 5 - 1 - C(1) = 3
    movw $9, r10
    movw $0, r1
    subw $1, r1
    movw $5, r3
    movw $1, r4
    subcw r4, r3
    cmpw $3, r3
    bne fail

    # 10: subd pair - pair with borrow out of bit 31
    movw $10, r10
    movd $1, (r3,r2)
    movd $2, (r5,r4)
    subd (r5,r4), (r3,r2)
    bcc fail
    cmpd $0xffffffff, (r3,r2)
    bne fail

    # 11: cmpw r4, r5 compares r5 against r4: 3 < 5 signed and unsigned
    movw $11, r10
    movw $3, r4
    movw $5, r5
    cmpw r4, r5
    beq fail
    bgt fail
    bhi fail
    blt 1f
    br fail
1:  blo 1f
    br fail
1:
    # 12: cmpw $-1, r1 (r1 = 1): src > dst unsigned, src < dst signed
    movw $12, r10
    movw $1, r1
    cmpw $0xffff, r1
    bls fail
    bgt fail
    bge fail

    # 13: cmp leaves C and F alone
    movw $13, r10
    movw $0x7fff, r1
    addw $1, r1
    cmpw $0, r1
    bfc fail
    movw $0xffff, r1
    addw $1, r1
    cmpw $0, r1
    bcc fail

    # 14: cmpb looks at 8 bits only; cmpd at 32
    movw $14, r10
    movw $0x1280, r1
    cmpb $0x80, r1
    bne fail
    movd $0x00010000, (r3,r2)
    cmpd $0, (r3,r2)
    beq fail

    # 15: logic ops, byte forms keep bits 15:8, no flags
    movw $15, r10
    movw $0x1200, r1
    orb $0xf0, r1
    cmpw $0x12f0, r1
    bne fail
    andw $0x0ff0, r1
    cmpw $0x02f0, r1
    bne fail
    xorb $0xff, r1
    cmpw $0x020f, r1
    bne fail
    movd $0xf0f0f0f0, (r3,r2)
    andd $0xff00ff00, (r3,r2)
    movd $0x0000000f, (r5,r4)
    ord (r5,r4), (r3,r2)
    xord $0x10000000, (r3,r2)
    cmpd $0xe000f00f, (r3,r2)
    bne fail

    # 16: word writes to r12/r13 keep bits 31:16
    movw $16, r10
    movd $0x12345678, (r12)
    movw $0x1111, r12
    cmpd $0x12341111, (r12)
    bne fail
    addw $1, r12
    cmpd $0x12341112, (r12)
    bne fail
    movd $0xaaaabbbb, (r12,r11)
    cmpw $0xbbbb, r11
    bne fail
    cmpd $0x1234aaaa, (r12)
    bne fail

    # 17: sign and zero extension
    movw $17, r10
    movw $0x1280, r1
    movxb r1, r2
    cmpw $0xff80, r2
    bne fail
    movzb r1, r2
    cmpw $0x0080, r2
    bne fail
    movw $0x8001, r1
    movxw r1, (r3,r2)
    cmpd $0xffff8001, (r3,r2)
    bne fail
    movzw r1, (r3,r2)
    cmpd $0x00008001, (r3,r2)
    bne fail

    # 18: immediates: imm4 9 is -1, movd imm16 sign-extends, imm20 does not
    movw $18, r10
    movw $-1, r1
    cmpw $0xffff, r1
    bne fail
    movd $-5, (r3,r2)
    cmpd $0xfffffffb, (r3,r2)
    bne fail
    movd $0xfffff, (r3,r2)
    cmpd $0x000fffff, (r3,r2)
    bne fail

    # 19: addu changes no flag
    movw $19, r10
    movw $0xffff, r1
    addw $1, r1
    movw $0xffff, r1
    adduw $2, r1
    bcc fail
    cmpw $1, r1
    bne fail
    nop

    # 20: register forms of and/xor/addu/addc and subc with an immediate
    movw $20, r10
    movw $0x0ff0, r1
    movw $0x3c3c, r2
    andw r1, r2
    cmpw $0x0c30, r2
    bne fail
    xorw r1, r2
    cmpw $0x03c0, r2
    bne fail
    movw $0x12ff, r3
    movw $0x0002, r4
    addub r4, r3
    cmpw $0x1201, r3
    bne fail
    movw $0xffff, r1
    addw $1, r1                 # C = 1
    movw $0x0010, r3
    addcw r4, r3                # 0x10 + 2 + 1
    cmpw $0x0013, r3
    bne fail
    movw $0, r1
    subw $1, r1                 # C = 1 (borrow)
    movw $0x1210, r3
    subcb $0x0f, r3             # 0x10 - 0x0f - 1 = 0
    cmpw $0x1200, r3
    bne fail
    bcs fail

    br pass
    .include "cr16-test-tail.inc"
