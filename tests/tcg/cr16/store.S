# Register stores in all twelve addressing modes for bytes, words and
# double words (instructions.md 7, 7.2: F265-F300).  Before each store
# "prep" fills the twelve bytes from T-4 with 0xee (T = the target in
# (r7,r6)); afterwards "chk" reads the double words at T-2 and T+2 and
# compares them with (r9,r8) and (r5,r4), so the stored bytes are checked
# in little-endian order together with both neighbours: a byte store
# writes one byte (not rs[15:8]), a word store two, a double word four.
# Also checked: unaligned targets (PRM 2.5.1), the abs20 remap of
# 0xF0000-0xFFFFF to 0xFF0000-0xFFFFFF (and nothing written at the
# unremapped address), [rx]abs20 without the remap, zero-extended disp16,
# disp20 and 16-bit base register, -disp20 = disp20 - 0x100000, the disp4
# maxima, and a 32-bit r12 as the data register of STORD.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F265 storb abs20
    movw $1, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    storb r1, 0x90005
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 2: F265 storb abs20 0xf1235 writes 0xff1235 (remap), not 0x0f1235
    movw $2, r10
    movd $0xf1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    storb r1, 0xff1235
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xf1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 3: F266 storb abs24
    movw $3, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    storb r1, 0x123445
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 4: F267 storb [r12]abs20: r12 + 0xf0040, no remap
    movw $4, r10
    movd $0xff0140, (r7,r6)
    bal (ra), prep
    movd $0xf0140, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x100, (r12)
    storb r1, [r12]0xf0040
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xff0140, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 5: F268 storb disp4(rp) with the maximum 13
    movw $5, r10
    movd $0x90007, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x90007 - 13, (r3,r2)
    storb r1, 13(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 6: F269 storb [r13]0(rpx)
    movw $6, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x90006, (r13)
    movd $3, (r3,r2)
    storb r1, [r13]0(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 7: F270 storb [r12]disp14(rpx) with the maximum 0x3fff
    movw $7, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x9000b - 0x3fff - 2, (r12)
    movd $2, (r3,r2)
    storb r1, [r12]0x3fff(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 8: F271 storb -disp20(rb)
    movw $8, r10
    movd $0xe005, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movw $0xe015, r4
    storb r1, -0x10(r4)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 9: F272 storb disp20(rb): rb 0xffff zero-extended
    movw $9, r10
    movd $0x90006, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movw $0xffff, r4
    storb r1, 0x80007(r4)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 10: F273 storb disp16(rp): 0xfff5 zero-extended
    movw $10, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x90005 - 0xfff5, (r3,r2)
    storb r1, 0xfff5(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 11: F274 storb disp20(rp)
    movw $11, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x10, (r3,r2)
    storb r1, 0x8fffd(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 12: F275 storb -disp20(rp)
    movw $12, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x110003, (r3,r2)
    storb r1, -0x80000(r3,r2)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 13: F276 storb [r13]disp20(rpx) with (r5,r4)
    movw $13, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0x12ab, r1
    movd $0x40000, (r13)
    movd $0x30000, (r5,r4)
    storb r1, [r13]0x20009(r5,r4)
    movd $0xeeabeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 14: F289 storw abs20
    movw $14, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    storw r1, 0x90005
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 15: F289 storw abs20 0xf1235 writes 0xff1235 (remap), not 0x0f1235
    movw $15, r10
    movd $0xf1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    storw r1, 0xff1235
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xf1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 16: F290 storw abs24
    movw $16, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    storw r1, 0x123445
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 17: F291 storw [r12]abs20: r12 + 0xf0040, no remap
    movw $17, r10
    movd $0xff0140, (r7,r6)
    bal (ra), prep
    movd $0xf0140, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x100, (r12)
    storw r1, [r12]0xf0040
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0xff0140, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 18: F292 storw disp4(rp) with the maximum 26
    movw $18, r10
    movd $0x90007, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x90007 - 26, (r3,r2)
    storw r1, 26(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 19: F293 storw [r13]0(rpx)
    movw $19, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x90006, (r13)
    movd $3, (r3,r2)
    storw r1, [r13]0(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 20: F294 storw [r12]disp14(rpx) with the maximum 0x3fff
    movw $20, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x9000b - 0x3fff - 2, (r12)
    movd $2, (r3,r2)
    storw r1, [r12]0x3fff(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 21: F295 storw -disp20(rb)
    movw $21, r10
    movd $0xe005, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movw $0xe015, r4
    storw r1, -0x10(r4)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 22: F296 storw disp20(rb): rb 0xffff zero-extended
    movw $22, r10
    movd $0x90006, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movw $0xffff, r4
    storw r1, 0x80007(r4)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 23: F297 storw disp16(rp): 0xfff5 zero-extended
    movw $23, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x90005 - 0xfff5, (r3,r2)
    storw r1, 0xfff5(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 24: F298 storw disp20(rp)
    movw $24, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x10, (r3,r2)
    storw r1, 0x8fffd(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 25: F299 storw -disp20(rp)
    movw $25, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x110003, (r3,r2)
    storw r1, -0x80000(r3,r2)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 26: F300 storw [r13]disp20(rpx) with (r5,r4)
    movw $26, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    movd $0x40000, (r13)
    movd $0x30000, (r5,r4)
    storw r1, [r13]0x20009(r5,r4)
    movd $0xabcdeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 27: F277 stord abs20
    movw $27, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    stord (r12), 0x90005
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 28: F277 stord abs20 0xf1235 writes 0xff1235 (remap), not 0x0f1235
    movw $28, r10
    movd $0xf1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    stord (r12), 0xff1235
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk
    movd $0xf1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 29: F278 stord abs24
    movw $29, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    stord (r12), 0x123445
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 30: F279 stord [r12]abs20: r12 + 0xf0040, no remap
    movw $30, r10
    movd $0xff0140, (r7,r6)
    bal (ra), prep
    movd $0xf0140, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r1,r0)
    movd $0x100, (r12)
    stord (r1,r0), [r12]0xf0040
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk
    movd $0xff0140, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 31: F280 stord disp4(rp) with the maximum 26
    movw $31, r10
    movd $0x90007, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x90007 - 26, (r3,r2)
    stord (r12), 26(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 32: F281 stord [r13]0(rpx)
    movw $32, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x90006, (r13)
    movd $3, (r3,r2)
    stord (r12), [r13]0(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 33: F282 stord [r12]disp14(rpx) with the maximum 0x3fff
    movw $33, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r1,r0)
    movd $0x9000b - 0x3fff - 2, (r12)
    movd $2, (r3,r2)
    stord (r1,r0), [r12]0x3fff(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 34: F283 stord -disp20(rb)
    movw $34, r10
    movd $0xe005, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movw $0xe015, r4
    stord (r12), -0x10(r4)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 35: F284 stord disp20(rb): rb 0xffff zero-extended
    movw $35, r10
    movd $0x90006, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movw $0xffff, r4
    stord (r12), 0x80007(r4)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 36: F285 stord disp16(rp): 0xfff5 zero-extended
    movw $36, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x90005 - 0xfff5, (r3,r2)
    stord (r12), 0xfff5(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 37: F286 stord disp20(rp)
    movw $37, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x10, (r3,r2)
    stord (r12), 0x8fffd(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 38: F287 stord -disp20(rp)
    movw $38, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x110003, (r3,r2)
    stord (r12), -0x80000(r3,r2)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 39: F288 stord [r13]disp20(rpx) with (r5,r4)
    movw $39, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r12)
    movd $0x40000, (r13)
    movd $0x30000, (r5,r4)
    stord (r12), [r13]0x20009(r5,r4)
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk

    # 40: F277 stord and F289 storw across a 1 KiB page boundary
    movw $40, r10
    movd $0x903fe, (r7,r6)
    bal (ra), prep
    movd $0x12345678, (r1,r0)
    stord (r1,r0), 0x903fe
    movd $0x5678eeee, (r9,r8)
    movd $0xeeee1234, (r5,r4)
    bal (ra), chk
    movd $0x903ff, (r7,r6)
    bal (ra), prep
    movw $0xabcd, r1
    storw r1, 0x903ff
    movd $0xabcdeeee, (r9,r8)
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
