# The 32-bit registers r12, r13, ra and sp seen through byte and word
# instructions (isa.md 2.1, 2.2): a word result changes bits 15:0 and
# keeps 31:16, a byte result changes bits 7:0 only, a word operand reads
# bits 15:0; pair code 11 (r12,r11) writes r12 bits 15:0 only.  And
# register jumps to targets at or above 0x800000 (pair bit 22 set), which
# the manual allows and the GNU simulator does not (instructions.md 12).
    .include "cr16-test.inc"
    .equ FAR, 0x900000
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F025 addb / F037 subb / F055 movb on r12 and r13: bits 31:8 kept
    movw $1, r10
    movd $0x123456ff, (r12)
    addb $1, r12
    cmpd $0x12345600, (r12)
    bne fail
    movd $0xabcdef00, (r13)
    subb $1, r13
    cmpd $0xabcdefff, (r13)
    bne fail
    movb $5, r13
    cmpd $0xabcdef05, (r13)
    bne fail

    # 2: F042 subw / F018 xorw / F066 mulw on ra and r13: bits 31:16 kept;
    # F054 cmpw reads only bits 15:0
    movw $2, r10
    movd $0x00ab0005, (ra)
    movw $7, r1
    subw r1, ra
    cmpd $0x00abfffe, (ra)
    bne fail
    movd $0x7777ffff, (r13)
    xorw r13, r13
    cmpd $0x77770000, (r13)
    bne fail
    movd $0x5a5a0003, (r13)
    movw $0x0101, r1
    mulw r1, r13
    cmpd $0x5a5a0303, (r13)
    bne fail
    movd $0xffff0303, (r12)
    cmpw $0x0303, r12
    bne fail

    # 3: F134 seq / F136 scs into r12: bits 31:16 kept
    movw $3, r10
    movd $0xdead5555, (r12)
    cmpw r1, r1
    seq r12
    cmpd $0xdead0001, (r12)
    bne fail
    movw $0x200, r0
    lpr r0, psr
    scs r12
    cmpd $0xdead0000, (r12)
    bne fail

    # 4: F232 loadb / F256 loadw into r13 and ra
    movw $4, r10
    movd $0x1234abcd, (r1,r0)
    stord (r1,r0), DATA
    movd $DATA, (r3,r2)
    movd $0x99999999, (r13)
    loadb 1(r3,r2), r13
    cmpd $0x999999ab, (r13)
    bne fail
    movd $0x00880000, (ra)
    loadw 2(r3,r2), ra
    cmpd $0x00881234, (ra)
    bne fail

    # 5: F102 ashuw / F110 lshw on r13: bits 31:16 kept
    movw $5, r10
    movd $0x4444c001, (r13)
    ashuw $1, r13
    cmpd $0x44448002, (r13)
    bne fail
    movw $-4, r1
    lshw r1, r13
    cmpd $0x44440800, (r13)
    bne fail

    # 6: F079 addd into pair 11 (r12,r11): the carry into
    # r12 bits 15:0 stops at bit 15; r12 bits 31:16 kept
    movw $6, r10
    movd $0xcafeffff, (r12)
    movw $0xffff, r11
    movd $1, (r1,r0)
    addd (r1,r0), (r12,r11)     # 0xffffffff + 1
    cmpw $0, r11
    bne fail
    cmpd $0xcafe0000, (r12)
    bne fail

    # 7: F150 jal / F132 jump to code at 0x900000 (pair bit 22 set): no
    # trap, no sign extension
    movw $7, r10
    loadd far, (r1,r0)
    stord (r1,r0), FAR          # movw $5, r3 ; jump (ra)
    movd $FAR >> 1, (r5,r4)
    movw $0, r3
    jal (r5,r4)
    cmpw $5, r3
    bne fail
    movd $back7@c, (ra)
    movd $FAR >> 1, (r5,r4)
    movw $0, r3
    jump (r5,r4)
    br fail
back7:
    cmpw $5, r3
    bne fail

    br pass

far:
    movw $5, r3
    jump (ra)

    .include "cr16-test-tail.inc"
