# Byte and word add/subtract in every operand form (instructions.md 3.1,
# 3.2: F019-F048): ADDU (no flags), ADD, ADDC, SUB, SUBC with the carry
# and borrow out of bit 7 and bit 15, signed overflow in F, the carry
# input of ADDC/SUBC, imm4 9 meaning -1, the imm16 escape, byte results
# keeping bits 15:8 and word results in r12 keeping bits 31:16.
#
# Expected values are worked out from the manual's formulas:
#   ADD:  C = carry out of bit w-1, F = same-sign operands, result differs
#   SUB:  C = dst <u src (+C), F = operand signs differ and the result's
#         sign differs from dst's
# chkcf compares PSR.C|PSR.F (mask 0x21) with r9; setpsr loads r9|E.
    .include "cr16-test.inc"
    .equ C, 0x01
    .equ F, 0x20
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # ---- ADDU: no flag changes -------------------------------------------
    # 1: F019 addub $imm4: 0xff + 1 wraps in the byte, C/F stay 0
    movw $1, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x55ff, r1
    addub $1, r1
    cmpw $0x5500, r1
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # 2: F020 addub $imm16: 0x01 + 0x7f = 0x80, C and F stay 1
    movw $2, r10
    movw $C|F, r9
    bal (ra), setpsr
    movw $0x5501, r1
    addub $0x7f, r1
    cmpw $0x5580, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    # 3: F021 addub rs: 0xfe + 0x03, high byte of rd kept, rs unchanged
    movw $3, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0xa5fe, r1
    movw $0x4403, r2
    addub r2, r1
    cmpw $0xa501, r1
    bne fail
    cmpw $0x4403, r2
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # 4: F022 adduw $imm4 (9 = -1): 0 - 1 = 0xffff, no borrow flag
    movw $4, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0, r1
    adduw $-1, r1
    cmpw $0xffff, r1
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # 5: F023 adduw $imm16 on r12: 0x0011 + 0xfff0 wraps, bits 31:16 kept
    movw $5, r10
    movw $C, r9
    bal (ra), setpsr
    movd $0xabcd0011, (r12)
    adduw $0xfff0, r12
    cmpd $0xabcd0001, (r12)
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 6: F024 adduw rs: 0x8000 + 0x8000 = 0 (would overflow and carry)
    movw $6, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x8000, r1
    movw $0x8000, r2
    adduw r2, r1
    cmpw $0, r1
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # ---- ADD ---------------------------------------------------------------
    # 7: F025 addb $imm4: 0xff + 1 = 0x00 with carry out of bit 7
    movw $7, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x12ff, r1
    addb $1, r1
    cmpw $0x1200, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 8: F026 addb $imm16: 0x80 + 0x80: carry and overflow
    movw $8, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x3480, r1
    addb $0x80, r1
    cmpw $0x3400, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    # 9: F027 addb rs: 0x7f + 0x01 = 0x80: overflow, no carry
    movw $9, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x107f, r1
    movw $0xaa01, r2
    addb r2, r1
    cmpw $0x1080, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 10: F028 addw $imm4 (9 = -1): 1 + 0xffff = 0, carry out of bit 15
    movw $10, r10
    movw $F, r9
    bal (ra), setpsr
    movw $1, r1
    addw $-1, r1
    cmpw $0, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 11: F029 addw $imm16: 0x8000 + 0x8000 = 0: carry and overflow
    movw $11, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x8000, r1
    addw $0x8000, r1
    cmpw $0, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    # 12: F030 addw rs: 0x7fff + 0x7fff = 0xfffe: overflow only
    movw $12, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x7fff, r1
    movw $0x7fff, r2
    addw r2, r1
    cmpw $0xfffe, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 13: F030 on r12: the sum is 16 bits, r12 bits 31:16 are kept
    movw $13, r10
    movd $0x5555ffff, (r12)
    movw $2, r2
    addw r2, r12
    cmpd $0x55550001, (r12)
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # ---- ADDC --------------------------------------------------------------
    # 14: F031 addcb $imm4: 0xf0 + 0x0f + C(1) = 0x100: carry, no overflow
    movw $14, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x00f0, r1
    addcb $15, r1
    cmpw $0x0000, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 15: F032 addcb $imm16 with C = 0: 0x7f + 0x10 = 0x8f: overflow
    movw $15, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x667f, r1
    addcb $0x10, r1
    cmpw $0x668f, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 16: F033 addcb rs: 0x7f + 0x00 + C(1) = 0x80: the carry input
    # alone overflows
    movw $16, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x017f, r1
    movw $0xff00, r2
    addcb r2, r1
    cmpw $0x0180, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 17: F033 addcb rs: 0x80 + 0x7f + C(1) = 0x100: carry, no overflow
    movw $17, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x0080, r1
    movw $0x007f, r2
    addcb r2, r1
    cmpw $0x0000, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 18: F034 addcw $imm4: 0xffff + 0 + C(1) = 0 with carry
    movw $18, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0xffff, r1
    addcw $0, r1
    cmpw $0, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 19: F035 addcw $imm16: 0x7fff + 0x0100 + 1 = 0x8100: overflow
    movw $19, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x7fff, r1
    addcw $0x0100, r1
    cmpw $0x8100, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 20: F036 addcw rs: 0xffff + 0xffff + 1 = 0x1ffff: carry, no overflow
    movw $20, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0xffff, r1
    movw $0xffff, r2
    addcw r2, r1
    cmpw $0xffff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 21: F036 with C = 0 adds only the operands: 2 + 3 = 5
    movw $21, r10
    movw $F, r9
    bal (ra), setpsr
    movw $2, r1
    movw $3, r2
    addcw r2, r1
    cmpw $5, r1
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # ---- SUB ---------------------------------------------------------------
    # 22: F037 subb $imm4: 0x00 - 1 = 0xff: borrow out of bit 7
    movw $22, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x1200, r1
    subb $1, r1
    cmpw $0x12ff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 23: F038 subb $imm16: 0x80 - 0x10 = 0x70: overflow, no borrow
    movw $23, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x0080, r1
    subb $0x10, r1
    cmpw $0x0070, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 24: F039 subb rs: 0x7f - 0xff (127 - -1) = 0x80: borrow and overflow
    movw $24, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x347f, r1
    movw $0x00ff, r2
    subb r2, r1
    cmpw $0x3480, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    # 25: F040 subw $imm4 (9 = -1): 0 - 0xffff = 1, borrow, no overflow
    movw $25, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0, r1
    subw $-1, r1
    cmpw $1, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 26: F041 subw $imm16: 0x7fff - 0x8000 = 0xffff: borrow and overflow
    movw $26, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x7fff, r1
    subw $0x8000, r1
    cmpw $0xffff, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    # 27: F042 subw rs: 5 - 5 = 0: C and F cleared
    movw $27, r10
    movw $C|F, r9
    bal (ra), setpsr
    movw $5, r1
    movw $5, r2
    subw r2, r1
    cmpw $0, r1
    bne fail
    cmpw $5, r2
    bne fail
    movw $0, r9
    bal (ra), chkcf

    # 28: F042 subw rs: 0x8000 - 1 = 0x7fff: overflow, no borrow
    movw $28, r10
    movw $0x8000, r1
    movw $1, r2
    subw r2, r1
    cmpw $0x7fff, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # ---- SUBC --------------------------------------------------------------
    # 29: F043 subcb $imm4: 0 - 0 - C(1) = 0xff: borrow
    movw $29, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x4400, r1
    subcb $0, r1
    cmpw $0x44ff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 30: F044 subcb $imm16: 0x80 - 0x7f - 1 = 0x00: overflow (-256),
    # no borrow (0x80 >= 0x80)
    movw $30, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x0080, r1
    subcb $0x7f, r1
    cmpw $0x0000, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 31: F045 subcb rs: 0x10 - 0x10 - 1 = 0xff: the borrow input alone
    # borrows out; bits 15:8 kept
    movw $31, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x9910, r1
    movw $0x0010, r2
    subcb r2, r1
    cmpw $0x99ff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 32: F046 subcw $imm4 with C = 0: 0x8000 - 1 = 0x7fff: overflow
    movw $32, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0x8000, r1
    subcw $1, r1
    cmpw $0x7fff, r1
    bne fail
    movw $F, r9
    bal (ra), chkcf

    # 33: F047 subcw $imm16: 0x1234 - 0x1234 - 1 = 0xffff: borrow
    movw $33, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0x1234, r1
    subcw $0x1234, r1
    cmpw $0xffff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 34: F048 subcw rs: 0xffff - 0xffff - 1 = 0xffff: borrow, no overflow
    movw $34, r10
    movw $C, r9
    bal (ra), setpsr
    movw $0xffff, r1
    movw $0xffff, r2
    subcw r2, r1
    cmpw $0xffff, r1
    bne fail
    movw $C, r9
    bal (ra), chkcf

    # 35: F048 subcw rs with C = 0: 0x0000 - 0x8000 = 0x8000: borrow and
    # overflow (0 - -32768 = 32768)
    movw $35, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0, r1
    movw $0x8000, r2
    subcw r2, r1
    cmpw $0x8000, r1
    bne fail
    movw $C|F, r9
    bal (ra), chkcf

    br pass

# PSR.C|PSR.F must equal r9
chkcf:
    spr psr, r8
    andw $C|F, r8
    cmpw r9, r8
    bne fail
    jump (ra)

# PSR = r9 | E (supervisor, interrupts off)
setpsr:
    orw $0x0200, r9
    lpr r9, psr
    jump (ra)

    .include "cr16-test-tail.inc"
