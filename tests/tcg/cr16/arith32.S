# Double-word (register pair) moves, arithmetic, compare and logic in
# every operand form (instructions.md 2 and 3.3: F074-F095): carry out of
# bit 31 and of the low half into the high half, signed overflow at 32
# bits, imm4 9 = -1, imm16 sign-extended, imm20 zero-extended, imm32;
# CMPD's Z/N/L at 32 bits with C and F kept; logic and moves change no
# flag; pair (r12,r11) writes keep r12 bits 31:16.
#
# After each instruction chkfl compares the flags (C L F Z N) with r9,
# chkcf only C and F (for ADDD/SUBD), before any compare of the value;
# setpsr loads r9 | E.
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

    # ---- MOVD ------------------------------------------------------------
    # 1: F074 movd $imm4: 9 is -1 over 32 bits, 12 is 12; no flags
    movw $1, r10
    movw $ALL, r9
    bal (ra), setpsr
    movd $-1, (r1,r0)
    movd $12, (r3,r2)
    bal (ra), chkfl
    cmpd $0xffffffff, (r1,r0)
    bne fail
    cmpd $0x0000000c, (r3,r2)
    bne fail

    # 2: F075 movd $imm16 sign-extends: -5 and 0x7fff
    movw $2, r10
    movw $0, r9
    bal (ra), setpsr
    movd $-5, (r1,r0)
    movd $0x7fff, (r3,r2)
    bal (ra), chkfl
    cmpw $0xfffb, r0
    bne fail
    cmpw $0xffff, r1
    bne fail
    cmpd $0x00007fff, (r3,r2)
    bne fail

    # 3: F076 movd rps, rpd; into (r12,r11) r12's upper half stays
    movw $3, r10
    movd $0x13579bdf, (r1,r0)
    movd (r1,r0), (r5,r4)
    cmpd $0x13579bdf, (r5,r4)
    bne fail
    movd $0xaaaa5555, (r12)
    movd (r1,r0), (r12,r11)
    cmpw $0x9bdf, r11
    bne fail
    cmpd $0xaaaa1357, (r12)
    bne fail
    movd (r12), (r13)
    cmpd $0xaaaa1357, (r13)
    bne fail

    # 4: F083 movd $imm20 zero-extends: 0xfffff and 0x8000
    movw $4, r10
    movd $0xfffff, (r1,r0)
    movd $0x8000, (r3,r2)
    cmpd $0x000fffff, (r1,r0)
    bne fail
    cmpd $0x00008000, (r3,r2)
    bne fail

    # 5: F085 movd $imm32
    movw $5, r10
    movd $0x80000001, (r1,r0)
    cmpw $0x0001, r0
    bne fail
    cmpw $0x8000, r1
    bne fail

    # ---- ADDD / SUBD ---------------------------------------------------------
    # 6: F077 addd $imm4: 0xffffffff + 1 = 0: carry out of bit 31
    movw $6, r10
    movw $F, r9
    bal (ra), setpsr
    movd $0xffffffff, (r1,r0)
    addd $1, (r1,r0)
    movw $C, r9
    bal (ra), chkcf
    cmpd $0, (r1,r0)
    bne fail

    # 7: F077 addd $-1 (imm4 9): 0x80000000 - 1: carry and overflow
    movw $7, r10
    movd $0x80000000, (r1,r0)
    addd $-1, (r1,r0)
    movw $C|F, r9
    bal (ra), chkcf
    cmpd $0x7fffffff, (r1,r0)
    bne fail

    # 8: F078 addd $imm16 is sign-extended: 1 + -2 = 0xffffffff
    movw $8, r10
    movd $1, (r1,r0)
    addd $-2, (r1,r0)
    movw $0, r9
    bal (ra), chkcf
    cmpd $0xffffffff, (r1,r0)
    bne fail

    # 9: F079 addd rps: carry from the low half into the high half,
    # then out of bit 31
    movw $9, r10
    movd $0x0000ffff, (r1,r0)
    movd $0x00000001, (r3,r2)
    addd (r3,r2), (r1,r0)
    movw $0, r9
    bal (ra), chkcf
    cmpd $0x00010000, (r1,r0)
    bne fail
    movd $0xffff0000, (r1,r0)
    movd $0x00010000, (r3,r2)
    addd (r3,r2), (r1,r0)
    movw $C, r9
    bal (ra), chkcf
    cmpd $0, (r1,r0)
    bne fail

    # 10: F079 addd on (r12,r11): r11 + 1 carries into r12 bits 15:0 only
    movw $10, r10
    movd $0xabcd0001, (r12)
    movw $0xffff, r11
    movd $1, (r1,r0)
    addd (r1,r0), (r12,r11)
    cmpw $0, r11
    bne fail
    cmpd $0xabcd0002, (r12)
    bne fail

    # 11: F084 addd $imm20: 0xfff00001 + 0xfffff = 0: carry, no overflow
    movw $11, r10
    movd $0xfff00001, (r1,r0)
    addd $0xfffff, (r1,r0)
    movw $C, r9
    bal (ra), chkcf
    cmpd $0, (r1,r0)
    bne fail

    # 12: F086 addd $imm32: 0x7fffffff + 0x7fffffff: overflow, no carry
    movw $12, r10
    movd $0x7fffffff, (r1,r0)
    addd $0x7fffffff, (r1,r0)
    movw $F, r9
    bal (ra), chkcf
    cmpd $0xfffffffe, (r1,r0)
    bne fail

    # 13: F087 subd $imm32: 0 - 1 borrows; 0x80000000 - 1 overflows
    movw $13, r10
    movd $0, (r1,r0)
    subd $1, (r1,r0)
    movw $C, r9
    bal (ra), chkcf
    cmpd $0xffffffff, (r1,r0)
    bne fail
    movd $0x80000000, (r1,r0)
    subd $1, (r1,r0)
    movw $F, r9
    bal (ra), chkcf
    cmpd $0x7fffffff, (r1,r0)
    bne fail

    # 14: F095 subd rps: 0x7fffffff - 0xffffffff: borrow and overflow
    movw $14, r10
    movd $0x7fffffff, (r1,r0)
    movd $0xffffffff, (r3,r2)
    subd (r3,r2), (r1,r0)
    movw $C|F, r9
    bal (ra), chkcf
    cmpd $0x80000000, (r1,r0)
    bne fail
    cmpd $0xffffffff, (r3,r2)
    bne fail

    # 15: F095 subd rps: equal values give 0, C and F clear
    movw $15, r10
    movw $C|F, r9
    bal (ra), setpsr
    movd $0x12345678, (r1,r0)
    movd $0x12345678, (r3,r2)
    subd (r3,r2), (r1,r0)
    movw $0, r9
    bal (ra), chkcf
    cmpd $0, (r1,r0)
    bne fail

    # ---- CMPD (C and F set beforehand and kept) ------------------------------
    # 16: F080 cmpd $imm4 (-1) against 9: L only
    movw $16, r10
    movw $C|F, r9
    bal (ra), setpsr
    movd $9, (r1,r0)
    cmpd $-1, (r1,r0)
    movw $C|F|L, r9
    bal (ra), chkfl

    # 17: F081 cmpd $imm16 is sign-extended: -2 equals 0xfffffffe
    movw $17, r10
    movd $0xfffffffe, (r1,r0)
    cmpd $-2, (r1,r0)
    movw $C|F|Z, r9
    bal (ra), chkfl

    # 18: F082 cmpd rps: src 0x7fffffff, dst 0x80000000: N, not L
    movw $18, r10
    movd $0x80000000, (r1,r0)
    movd $0x7fffffff, (r3,r2)
    cmpd (r3,r2), (r1,r0)
    movw $C|F|N, r9
    bal (ra), chkfl

    # 19: F082: operands differing only in the high half are not equal
    movw $19, r10
    movd $0x00010000, (r1,r0)
    movd $0x00000000, (r3,r2)
    cmpd (r3,r2), (r1,r0)
    movw $C|F, r9
    bal (ra), chkfl

    # 20: F088 cmpd $imm32: src 0x80000000, dst 1: L, not N
    movw $20, r10
    movd $1, (r1,r0)
    cmpd $0x80000000, (r1,r0)
    movw $C|F|L, r9
    bal (ra), chkfl

    # ---- logic on pairs: no flags --------------------------------------------
    # 21: F089 andd $imm32
    movw $21, r10
    movw $Z|N, r9
    bal (ra), setpsr
    movd $0xf0f0f0f0, (r1,r0)
    andd $0x0ff00ff0, (r1,r0)
    bal (ra), chkfl
    cmpd $0x00f000f0, (r1,r0)
    bne fail

    # 22: F090 ord $imm32
    movw $22, r10
    movw $L|C, r9
    bal (ra), setpsr
    movd $0x12340000, (r1,r0)
    ord $0x00005678, (r1,r0)
    bal (ra), chkfl
    cmpd $0x12345678, (r1,r0)
    bne fail

    # 23: F091 xord $imm32
    movw $23, r10
    movw $F, r9
    bal (ra), setpsr
    movd $0xffffffff, (r1,r0)
    xord $0x0000ffff, (r1,r0)
    bal (ra), chkfl
    cmpd $0xffff0000, (r1,r0)
    bne fail

    # 24: F092 ord rps
    movw $24, r10
    movw $ALL, r9
    bal (ra), setpsr
    movd $0x0f000000, (r1,r0)
    movd $0x000000f0, (r3,r2)
    ord (r3,r2), (r1,r0)
    bal (ra), chkfl
    cmpd $0x0f0000f0, (r1,r0)
    bne fail

    # 25: F093 xord rps
    movw $25, r10
    movw $0, r9
    bal (ra), setpsr
    movd $0xaaaa5555, (r1,r0)
    movd $0xffff0000, (r3,r2)
    xord (r3,r2), (r1,r0)
    bal (ra), chkfl
    cmpd $0x55555555, (r1,r0)
    bne fail

    # 26: F094 andd rps
    movw $26, r10
    movw $C|N, r9
    bal (ra), setpsr
    movd $0x12345678, (r1,r0)
    movd $0xff00ff00, (r3,r2)
    andd (r3,r2), (r1,r0)
    bal (ra), chkfl
    cmpd $0x12005600, (r1,r0)
    bne fail

    br pass

# (PSR & 0xe5) must equal r9
chkfl:
    spr psr, r8
    andw $ALL, r8
    cmpw r9, r8
    bne fail
    jump (ra)

# (PSR & (C|F)) must equal r9
chkcf:
    spr psr, r8
    andw $C|F, r8
    cmpw r9, r8
    bne fail
    jump (ra)

# PSR = r9 | E
setpsr:
    movw r9, r8
    orw $0x0200, r8
    lpr r8, psr
    jump (ra)

    .include "cr16-test-tail.inc"
