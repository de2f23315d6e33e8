# Logic, compare and moves on bytes and words in every operand form
# (instructions.md 2 and 3: F001-F018, F049-F060, F067-F071): AND/OR/XOR
# and MOV change no flag and byte forms keep bits 15:8; CMP writes only
# Z, N and L (Z = src == dst, N = src >s dst, L = src >u dst at the
# operand width) and leaves C and F; imm4 9 is -1 while 10 and 12-15 are
# unsigned; MOVX/MOVZ extend; MOVZW into the pair (r12,r11) keeps r12's
# upper half.
#
# chkfl compares the five flags (C L F Z N, mask 0xe5) with r9; setpsr
# loads r9 | E into the PSR; eqw compares r6 with r7 without touching a
# flag, so the flag checks see only what the instruction under test did.
    .include "cr16-test.inc"
    .equ C, 0x01
    .equ L, 0x04
    .equ F, 0x20
    .equ Z, 0x40
    .equ N, 0x80
    .equ ALL, C|L|F|Z|N
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # ---- AND (flags stay as set: all five on) ------------------------------
    # 1: F001 andb $imm4
    movw $1, r10
    movw $ALL, r9
    bal (ra), setpsr
    movw $0xabcd, r1
    andb $6, r1
    movw r1, r6
    movw $0xab04, r7
    bal (ra), eqw
    # 2: F002 andb $imm16
    movw $2, r10
    movw $0xabcd, r1
    andb $0xf0, r1
    movw r1, r6
    movw $0xabc0, r7
    bal (ra), eqw
    # 3: F003 andb rs: only bits 7:0 of rd change
    movw $3, r10
    movw $0x12ff, r1
    movw $0x3455, r2
    andb r2, r1
    movw r1, r6
    movw $0x1255, r7
    bal (ra), eqw
    # 4: F004 andw $imm4: 9 is -1, 10 is 10
    movw $4, r10
    movw $0xf00f, r1
    andw $-1, r1
    movw r1, r6
    movw $0xf00f, r7
    bal (ra), eqw
    movw $0xffff, r1
    andw $10, r1
    movw r1, r6
    movw $0x000a, r7
    bal (ra), eqw
    # 5: F005 andw $imm16
    movw $5, r10
    movw $0x1234, r1
    andw $0x0ff0, r1
    movw r1, r6
    movw $0x0230, r7
    bal (ra), eqw
    # 6: F006 andw rs
    movw $6, r10
    movw $0xf0f0, r1
    movw $0x3c3c, r2
    andw r2, r1
    movw r1, r6
    movw $0x3030, r7
    bal (ra), eqw
    movw $ALL, r9
    bal (ra), chkfl

    # ---- OR (flags all off) ------------------------------------------------
    # 7: F007 orb $imm4 (12 is unsigned)
    movw $7, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0xab00, r1
    orb $12, r1
    movw r1, r6
    movw $0xab0c, r7
    bal (ra), eqw
    # 8: F008 orb $imm16
    movw $8, r10
    movw $0x1200, r1
    orb $0x80, r1
    movw r1, r6
    movw $0x1280, r7
    bal (ra), eqw
    # 9: F009 orb rs
    movw $9, r10
    movw $0x1201, r1
    movw $0xff10, r2
    orb r2, r1
    movw r1, r6
    movw $0x1211, r7
    bal (ra), eqw
    # 10: F010 orw $imm4 (-1)
    movw $10, r10
    movw $0x8000, r1
    orw $-1, r1
    movw r1, r6
    movw $0xffff, r7
    bal (ra), eqw
    # 11: F011 orw $imm16 on r12: bits 31:16 kept
    movw $11, r10
    movd $0x89ab1200, (r12)
    orw $0x00ff, r12
    cmpd $0x89ab12ff, (r12)
    bne fail
    bal (ra), setpsr
    # 12: F012 orw rs
    movw $12, r10
    movw $0x1234, r1
    movw $0x8421, r2
    orw r2, r1
    movw r1, r6
    movw $0x9635, r7
    bal (ra), eqw
    movw $0, r9
    bal (ra), chkfl

    # ---- XOR ---------------------------------------------------------------
    # 13: F013 xorb $imm4 (15)
    movw $13, r10
    movw $C|Z, r9
    bal (ra), setpsr
    movw $0x55aa, r1
    xorb $15, r1
    movw r1, r6
    movw $0x55a5, r7
    bal (ra), eqw
    # 14: F014 xorb $imm16
    movw $14, r10
    movw $0x55aa, r1
    xorb $0x5a, r1
    movw r1, r6
    movw $0x55f0, r7
    bal (ra), eqw
    # 15: F015 xorb rs
    movw $15, r10
    movw $0x0f0f, r1
    movw $0xffff, r2
    xorb r2, r1
    movw r1, r6
    movw $0x0ff0, r7
    bal (ra), eqw
    # 16: F016 xorw $imm4 (-1): one's complement
    movw $16, r10
    movw $0x1234, r1
    xorw $-1, r1
    movw r1, r6
    movw $0xedcb, r7
    bal (ra), eqw
    # 17: F017 xorw $imm16
    movw $17, r10
    movw $0xa5a5, r1
    xorw $0x5a5a, r1
    movw r1, r6
    movw $0xffff, r7
    bal (ra), eqw
    # 18: F018 xorw rs with itself gives 0 (and sets no Z)
    movw $18, r10
    movw $0x7777, r1
    xorw r1, r1
    movw r1, r6
    movw $0, r7
    bal (ra), eqw
    movw $0x7777, r1
    xorw r1, r1
    movw $C|Z, r9
    bal (ra), chkfl

    # ---- CMP: Z N L written, C F kept ---------------------------------------
    # 19: F049 cmpb $imm4: src 15, dst 0xf0 (-16 / 240): N only
    movw $19, r10
    movw $C|F, r9
    bal (ra), setpsr
    movw $0x12f0, r1
    cmpb $15, r1
    movw $C|F|N, r9
    bal (ra), chkfl
    # 20: F050 cmpb $imm16: 0x80 == 0x80, bits 15:8 ignored: Z only
    movw $20, r10
    movw $0, r9
    bal (ra), setpsr
    movw $0xff80, r1
    cmpb $0x80, r1
    movw $Z, r9
    bal (ra), chkfl
    # 21: F051 cmpb rs both ways round: 1 vs 0xff (-1 / 255)
    movw $21, r10
    movw $0x0001, r2
    movw $0x00ff, r1
    cmpb r2, r1                 # src 1 > dst -1 signed, < 255 unsigned
    movw $N, r9
    bal (ra), chkfl
    cmpb r1, r2                 # src 0xff: < 1 signed, > 1 unsigned
    movw $L, r9
    bal (ra), chkfl
    # 22: F052 cmpw $imm4 (-1 = 0xffff) against 9: L only
    movw $22, r10
    movw $N|Z, r9
    bal (ra), setpsr
    movw $9, r1
    cmpw $-1, r1
    movw $L, r9
    bal (ra), chkfl
    # 23: F053 cmpw $imm16: src 0x7fff, dst 0x8000: N, not L
    movw $23, r10
    movw $0x8000, r1
    cmpw $0x7fff, r1
    movw $N, r9
    bal (ra), chkfl
    # 24: F054 cmpw rs: equal gives Z alone; then src < dst clears all
    movw $24, r10
    movw $L|N|C, r9
    bal (ra), setpsr
    movw $0x1234, r1
    movw $0x1234, r2
    cmpw r2, r1
    movw $Z|C, r9
    bal (ra), chkfl
    movw $1, r2
    movw $5, r1
    cmpw r2, r1
    movw $C, r9
    bal (ra), chkfl

    # ---- MOV ---------------------------------------------------------------
    # 25: F055 movb $imm4: -1 and 5 into bits 7:0 only
    movw $25, r10
    movw $ALL, r9
    bal (ra), setpsr
    movw $0xabcd, r1
    movb $-1, r1
    movw r1, r6
    movw $0xabff, r7
    bal (ra), eqw
    movb $5, r1
    movw r1, r6
    movw $0xab05, r7
    bal (ra), eqw
    # 26: F056 movb $imm16
    movw $26, r10
    movw $0xabcd, r1
    movb $0x80, r1
    movw r1, r6
    movw $0xab80, r7
    bal (ra), eqw
    # 27: F057 movb rs
    movw $27, r10
    movw $0xabcd, r1
    movw $0x1234, r2
    movb r2, r1
    movw r1, r6
    movw $0xab34, r7
    bal (ra), eqw
    # 28: F058 movw $imm4: 10 is 10, -1 is 0xffff
    movw $28, r10
    movw $0x5555, r1
    movw $10, r1
    movw r1, r6
    movw $0x000a, r7
    bal (ra), eqw
    movw $-1, r1
    movw r1, r6
    movw $0xffff, r7
    bal (ra), eqw
    # 29: F059 movw $imm16 into r12 keeps bits 31:16
    movw $29, r10
    movd $0x12345678, (r12)
    movw $0x8000, r12
    cmpd $0x12348000, (r12)
    bne fail
    bal (ra), setpsr
    # 30: F060 movw rs
    movw $30, r10
    movw $0xbeef, r3
    movw r3, r4
    movw r4, r6
    movw $0xbeef, r7
    bal (ra), eqw
    # 31: F067 movxb: sign-extends bits 7:0 over the whole word
    movw $31, r10
    movw $0x0080, r1
    movxb r1, r2
    movw r2, r6
    movw $0xff80, r7
    bal (ra), eqw
    movw $0x807f, r1
    movxb r1, r2
    movw r2, r6
    movw $0x007f, r7
    bal (ra), eqw
    # 32: F068 movzb
    movw $32, r10
    movw $0xff80, r1
    movzb r1, r2
    movw r2, r6
    movw $0x0080, r7
    bal (ra), eqw
    # 33: F070 movxw rs, rpd: 0x8000 and 0x7fff; into (r12) too
    movw $33, r10
    movw $0x8000, r1
    movxw r1, (r3,r2)
    cmpd $0xffff8000, (r3,r2)
    bne fail
    bal (ra), setpsr
    movw $0x7fff, r1
    movxw r1, (r12)
    cmpd $0x00007fff, (r12)
    bne fail
    bal (ra), setpsr
    # 34: F071 movzw rs, rpd; into (r12,r11): r12 bits 31:16 kept
    movw $34, r10
    movw $0xffff, r1
    movzw r1, (r3,r2)
    cmpd $0x0000ffff, (r3,r2)
    bne fail
    bal (ra), setpsr
    movd $0xaaaabbbb, (r12)
    movw $0x9999, r11
    movzw r1, (r12,r11)
    movw r11, r6
    movw $0xffff, r7
    bal (ra), eqw
    cmpd $0xaaaa0000, (r12)
    bne fail
    bal (ra), setpsr
    movw $ALL, r9
    bal (ra), chkfl

    br pass

# (PSR & 0xe5) must equal r9
chkfl:
    spr psr, r8
    andw $ALL, r8
    cmpw r9, r8
    bne fail
    jump (ra)

# PSR = r9 | E
setpsr:
    movw r9, r8
    orw $0x0200, r8
    lpr r8, psr
    jump (ra)

# r6 must equal r7; changes no flag
eqw:
    xorw r7, r6
    beq0w r6, 1f
    br fail
1:  jump (ra)

    .include "cr16-test-tail.inc"
