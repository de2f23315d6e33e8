# Store-immediate in all nine addressing modes (instructions.md 7.3:
# F301-F318).  The immediate is an unsigned 4-bit value: STORW zero-
# extends it (storw $9 writes 0x0009, not -1; $15 writes 0x000f) and
# STORB writes one byte.  prep/chk work as in store.S: the bytes around
# the target T stay 0xee.  Also checked: the abs20 remap (and nothing at
# the unremapped address), no remap for [rx]abs20, zero-extended disp16,
# disp20 and base register, an odd target for every word store.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F301 storb $11, abs20 (remap: 0xff1235, not 0x0f1235)
    movw $1, r10
    movd $0xf1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    storb $11, 0xff1235
    movd $0xee0beeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xf1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 2: F302 storb $15, abs24
    movw $2, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    storb $15, 0x123445
    movd $0xee0feeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 3: F303 storb $0, [r13]abs20 (no remap)
    movw $3, r10
    movd $0xff0141, (r7,r6)
    bal (ra), prep
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movd $0x101, (r13)
    storb $0, [r13]0xf0040
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xff0141, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 4: F304 storb $9, [r12]disp14(rpx)
    movw $4, r10
    movd $0x90007, (r7,r6)
    bal (ra), prep
    movd $0x90000, (r12)
    movd $4, (r5,r4)
    storb $9, [r12]0x3(r5,r4)
    movd $0xee09eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 5: F305 storb $7, 0(rp)
    movw $5, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movd $0x90009, (r3,r2)
    storb $7, 0(r3,r2)
    movd $0xee07eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 6: F306 storb $1, disp20(rb): rb 0x8001 zero-extended
    movw $6, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x8001, r4
    storb $1, 0x88002(r4)
    movd $0xee01eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 7: F307 storb $12, disp16(rp): 0xfffb zero-extended
    movw $7, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movd $0x90005 - 0xfffb, (r3,r2)
    storb $12, 0xfffb(r3,r2)
    movd $0xee0ceeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 8: F308 storb $13, disp20(rp) with the 32-bit r13
    movw $8, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movd $0x1000a, (r13)
    storb $13, 0x80001(r13)
    movd $0xee0deeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 9: F309 storb $14, [r12]disp20(rpx) with (r4,r3)
    movw $9, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movd $0x10000, (r12)
    movd $0x20000, (r4,r3)
    storb $14, [r12]0x6000d(r4,r3)
    movd $0xee0eeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 10: F310 storw $9, abs20 (remap: 0xff1235, not 0x0f1235)
    movw $10, r10
    movd $0xf1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    storw $9, 0xff1235
    movd $0x0009eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xf1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 11: F311 storw $15, abs24
    movw $11, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    storw $15, 0x123445
    movd $0x000feeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 12: F312 storw $0, [r13]abs20 (no remap)
    movw $12, r10
    movd $0xff0141, (r7,r6)
    bal (ra), prep
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movd $0x101, (r13)
    storw $0, [r13]0xf0040
    movd $0x0000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xff0141, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 13: F313 storw $11, [r12]disp14(rpx)
    movw $13, r10
    movd $0x90007, (r7,r6)
    bal (ra), prep
    movd $0x90000, (r12)
    movd $4, (r5,r4)
    storw $11, [r12]0x3(r5,r4)
    movd $0x000beeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 14: F314 storw $10, 0(rp)
    movw $14, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movd $0x90009, (r3,r2)
    storw $10, 0(r3,r2)
    movd $0x000aeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 15: F315 storw $1, disp20(rb): rb 0x8001 zero-extended
    movw $15, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x8001, r4
    storw $1, 0x88002(r4)
    movd $0x0001eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 16: F316 storw $12, disp16(rp): 0xfffb zero-extended
    movw $16, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movd $0x90005 - 0xfffb, (r3,r2)
    storw $12, 0xfffb(r3,r2)
    movd $0x000ceeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 17: F317 storw $13, disp20(rp) with the 32-bit r13
    movw $17, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movd $0x1000a, (r13)
    storw $13, 0x80001(r13)
    movd $0x000deeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 18: F318 storw $14, [r12]disp20(rpx) with (r4,r3)
    movw $18, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movd $0x10000, (r12)
    movd $0x20000, (r4,r3)
    storw $14, [r12]0x6000d(r4,r3)
    movd $0x000eeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    br pass

# Fill T-4 .. T+7 with 0xee (T in (r7,r6)); changes r8, r9 only.
prep:
    push $2, r4
    movd (r7,r6), (r5,r4)
    subd $4, (r5,r4)
    movd $0xeeeeeeee, (r9,r8)
    stord (r9,r8), 0(r5,r4)
    stord (r9,r8), 4(r5,r4)
    stord (r9,r8), 8(r5,r4)
    pop $2, r4
    jump (ra)

# The double words at T-2 and T+2 must be (r9,r8) and (r5,r4).
chk:
    movd (r7,r6), (r1,r0)
    subd $2, (r1,r0)
    loadd 0(r1,r0), (r3,r2)
    cmpd (r9,r8), (r3,r2)
    bne fail
    loadd 4(r1,r0), (r3,r2)
    cmpd (r5,r4), (r3,r2)
    bne fail
    jump (ra)

    .include "cr16-test-tail.inc"
