# PUSH, POP, POPRET and LOADM/STORM in every form (instructions.md 8:
# F155-F167).  The memory layout is the manual's: PUSH moves SP down by
# 2 * cnt words (+4 with RA), the lowest-numbered register lands at the
# lowest address, r12-r15 take two words each (low half first), RA sits
# above the registers; POP reverses it and POPRET then returns through RA
# (popped or not).  LOADM/STORM use r2 r3 r4 r5 r8 r9 r10 r11 in that
# order (r6, r7 skipped); the 16-bit pointer register r0/r1 runs on past
# 0xFFFF in memory but keeps only its low half; the pair forms use (r1,r0)
# and (r7,r6); odd addresses are allowed.  r10 is both the check number
# and a LOADM/STORM register: where it is transferred, the memory slot
# holds the check number.
    .include "cr16-test.inc"
    .equ S, STACK_TOP
    .text
    .global _start
_start:
    movd $S, (sp)

    # 1: F156 push $3, r7 / F159 pop $3, r7
    movw $1, r10
    movw $0x7777, r7
    movw $0x8888, r8
    movw $0x9999, r9
    push $3, r7
    cmpd $S - 6, (sp)
    bne fail
    loadw S - 6, r0
    cmpw $0x7777, r0
    bne fail
    loadw S - 4, r0
    cmpw $0x8888, r0
    bne fail
    loadw S - 2, r0
    cmpw $0x9999, r0
    bne fail
    movw $0, r7
    movw $0, r8
    movw $0, r9
    pop $3, r7
    cmpd $S, (sp)
    bne fail
    cmpw $0x7777, r7
    bne fail
    cmpw $0x8888, r8
    bne fail
    cmpw $0x9999, r9
    bne fail

    # 2: F155 push $2, r0, ra / F158 pop $2, r0, ra: RA above the words
    movw $2, r10
    movw $0x1111, r0
    movw $0x2222, r1
    movd $0x00abcdef, (ra)
    push $2, r0, ra
    cmpd $S - 8, (sp)
    bne fail
    loadd S - 8, (r3,r2)
    cmpd $0x22221111, (r3,r2)
    bne fail
    loadd S - 4, (r3,r2)
    cmpd $0x00abcdef, (r3,r2)
    bne fail
    movd $0, (r1,r0)
    movd $0, (ra)
    pop $2, r0, ra
    cmpd $S, (sp)
    bne fail
    cmpd $0x22221111, (r1,r0)
    bne fail
    cmpd $0x00abcdef, (ra)
    bne fail

    # 3: F156 with 32-bit registers: push $4, r12 is r12 and r13 (two
    # words each, low half first); push $3, r11 is r11 and r12
    movw $3, r10
    movd $0x12345678, (r12)
    movd $0x9abcdef0, (r13)
    push $4, r12
    cmpd $S - 8, (sp)
    bne fail
    loadd S - 8, (r1,r0)
    cmpd $0x12345678, (r1,r0)
    bne fail
    loadd S - 4, (r1,r0)
    cmpd $0x9abcdef0, (r1,r0)
    bne fail
    movd $0, (r12)
    movd $0, (r13)
    pop $4, r12
    cmpd $0x12345678, (r12)
    bne fail
    cmpd $0x9abcdef0, (r13)
    bne fail
    movw $0xbbbb, r11
    push $3, r11
    cmpd $S - 6, (sp)
    bne fail
    loadw S - 6, r0
    cmpw $0xbbbb, r0
    bne fail
    loadd S - 4, (r1,r0)
    cmpd $0x12345678, (r1,r0)
    bne fail
    pop $3, r11
    cmpd $S, (sp)
    bne fail

    # 4: F157 push ra / F160 pop ra: RA as one 32-bit register
    movw $4, r10
    movd $0x00fedcba, (ra)
    push ra
    cmpd $S - 4, (sp)
    bne fail
    loadd S - 4, (r1,r0)
    cmpd $0x00fedcba, (r1,r0)
    bne fail
    movd $0, (ra)
    pop ra
    cmpd $S, (sp)
    bne fail
    cmpd $0x00fedcba, (ra)
    bne fail

    # 5: F156/F159 with the largest count: push $8, r0 is r0..r7
    movw $5, r10
    movw $0x1000, r0
    movw $0x1001, r1
    movw $0x1002, r2
    movw $0x1003, r3
    movw $0x1004, r4
    movw $0x1005, r5
    movw $0x1006, r6
    movw $0x1007, r7
    push $8, r0
    cmpd $S - 16, (sp)
    bne fail
    loadw S - 16, r8
    cmpw $0x1000, r8
    bne fail
    loadw S - 2, r8
    cmpw $0x1007, r8
    bne fail
    movd $0, (r1,r0)
    movd $0, (r3,r2)
    movd $0, (r5,r4)
    movd $0, (r7,r6)
    pop $8, r0
    cmpd $S, (sp)
    bne fail
    cmpw $0x1000, r0
    bne fail
    cmpw $0x1004, r4
    bne fail
    cmpw $0x1007, r7
    bne fail

    # 6: F161 popret $2, r7, ra: a GCC-style function epilogue
    movw $6, r10
    movw $0x0707, r7
    movw $0x0808, r8
    br 1f
func6:
    push $2, r7, ra
    movw $0, r7
    movw $0, r8
    movd $0, (ra)
    popret $2, r7, ra
1:  bal (ra), func6
r6:
    cmpw $0x0707, r7            # restored by popret
    bne fail
    cmpw $0x0808, r8
    bne fail
    cmpd $r6@c, (ra)            # RA popped
    bne fail
    cmpd $S, (sp)
    bne fail

    # 7: F162 popret $1, r7: returns through RA, which it does not pop
    movw $7, r10
    movw $0x0707, r7
    br 1f
func7:
    push $1, r7
    movw $0x1234, r7
    popret $1, r7
1:  bal (ra), func7
    cmpw $0x0707, r7
    bne fail
    cmpd $S, (sp)
    bne fail

    # 8: F163 popret ra: pops RA and returns through it
    movw $8, r10
    br 1f
func8:
    push ra
    movd $0, (ra)
    movw $0x88, r9
    popret ra
1:  bal (ra), func8
r8:
    cmpd $r8@c, (ra)
    bne fail
    cmpd $S, (sp)
    bne fail
    cmpw $0x88, r9
    bne fail

    # 9: F166 storm $8 from r1 = 0xfff8: the transfer runs on past
    # 0xffff (nothing written at 0), r1 = 0x0008
    movw $9, r10
    loadd 0, (r13)              # the first code words, to see they stay
    movw $0x0202, r2
    movw $0x0303, r3
    movw $0x0404, r4
    movw $0x0505, r5
    movw $0x0808, r8
    movw $0x0909, r9
    movw $0x0b0b, r11
    movw $0xfff8, r1
    storm $8
    cmpw $0x0008, r1
    bne fail
    loadd 0xfff8, (r7,r6)
    cmpd $0x03030202, (r7,r6)
    bne fail
    loadd 0xfffc, (r7,r6)
    cmpd $0x05050404, (r7,r6)
    bne fail
    loadd 0x10000, (r7,r6)
    cmpd $0x09090808, (r7,r6)
    bne fail
    loadd 0x10004, (r7,r6)
    cmpd $0x0b0b0009, (r7,r6)   # r10 = 9
    bne fail
    loadd 0, (r7,r6)
    cmpd (r13), (r7,r6)
    bne fail

    # 10: F164 loadm $8 from r0 = 0xfff8 reads them back (r10 gets 10
    # from the slot written here); r0 = 0x0008
    movw $10, r10
    storw r10, 0x10004
    movd $0, (r3,r2)
    movd $0, (r5,r4)
    movd $0, (r9,r8)
    movw $0, r11
    movw $0xfff8, r0
    loadm $8
    cmpw $0x0008, r0
    bne fail
    cmpw $0x0202, r2
    bne fail
    cmpw $0x0505, r5
    bne fail
    cmpw $0x0808, r8
    bne fail
    cmpw $0x0909, r9
    bne fail
    cmpw $0x0b0b, r11
    bne fail

    # 11: F167 stormp $3 to (r7,r6) = 0x123450: r2 r3 r4, then
    # (r7,r6) = 0x123456; r6 and r7 are not in the list
    movw $11, r10
    movw $0xa2a2, r2
    movw $0xa3a3, r3
    movw $0xa4a4, r4
    movd $0x123450, (r7,r6)
    stormp $3
    cmpd $0x123456, (r7,r6)
    bne fail
    loadd 0x123450, (r1,r0)
    cmpd $0xa3a3a2a2, (r1,r0)
    bne fail
    loadw 0x123454, r0
    cmpw $0xa4a4, r0
    bne fail

    # 12: F165 loadmp $1 from (r1,r0) = 0x123452: r2 = 0xa3a3,
    # (r1,r0) = 0x123454, r3 untouched
    movw $12, r10
    movw $0, r2
    movw $0x3333, r3
    movd $0x123452, (r1,r0)
    loadmp $1
    cmpw $0xa3a3, r2
    bne fail
    cmpw $0x3333, r3
    bne fail
    cmpd $0x123454, (r1,r0)
    bne fail

    # 13: F166 storm $2 / F164 loadm $2 at an odd address
    movw $13, r10
    movw $0x5a01, r2
    movw $0xc3b2, r3
    movw $0x9001, r1
    storm $2
    cmpw $0x9005, r1
    bne fail
    loadd 0x9001, (r7,r6)
    cmpd $0xc3b25a01, (r7,r6)
    bne fail
    movd $0, (r3,r2)
    movw $0x9001, r0
    loadm $2
    cmpw $0x5a01, r2
    bne fail
    cmpw $0xc3b2, r3
    bne fail

    br pass

    .include "cr16-test-tail.inc"
