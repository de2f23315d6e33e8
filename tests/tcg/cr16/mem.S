# Loads, stores and bit operations in every addressing mode
# (instructions.md 6-8): abs20 with the 0xF0000 remap, abs24, index,
# pair-relative with 4/16/20-bit and negative displacements, 16-bit base
# register, unaligned accesses, store-immediate, LOADM/STORM, PUSH/POP.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: abs20 store and load
    movw $1, r10
    movw $0x1234, r1
    storw r1, 0x80000
    loadw 0x80000, r2
    cmpw $0x1234, r2
    bne fail

    # 2: abs20 0xf1234 addresses 0xff1234 (stored there through abs24)
    movw $2, r10
    movw $0xbeef, r1
    storw r1, 0xff1234
    .word 0x892f, 0x1234        # loadw 0xf1234 (abs20 form), r2
    cmpw $0xbeef, r2
    bne fail

    # 3: loadb keeps bits 15:8; storb writes one byte
    movw $3, r10
    movw $0xab00, r2
    loadb 0x80000, r2
    cmpw $0xab34, r2
    bne fail
    movw $0x5566, r3
    storb r3, 0x80001
    loadw 0x80000, r2
    cmpw $0x6634, r2
    bne fail

    # 4: double words: low word at EA
    movw $4, r10
    movd $0x11223344, (r3,r2)
    stord (r3,r2), 0x80010
    loadw 0x80010, r4
    cmpw $0x3344, r4
    bne fail
    loadw 0x80012, r4
    cmpw $0x1122, r4
    bne fail
    loadd 0x80010, (r5,r4)
    cmpd $0x11223344, (r5,r4)
    bne fail

    # 5: pair-relative: disp4 (scaled for words), disp16, disp20
    movw $5, r10
    movd $0x80000, (r1,r0)
    movw $0xa1a1, r2
    storw r2, 0x8(r1,r0)
    loadw 0x80008, r3
    cmpw $0xa1a1, r3
    bne fail
    movw $0xb2b2, r2
    storw r2, 0x1234(r1,r0)
    loadw 0x81234, r3
    cmpw $0xb2b2, r3
    bne fail
    movd $0x10000, (r1,r0)
    movw $0xc3c3, r2
    storw r2, 0x75000(r1,r0)
    loadw 0x85000, r3
    cmpw $0xc3c3, r3
    bne fail

    # 6: negative disp20 on a pair and on a 16-bit register base
    movw $6, r10
    movd $0x80020, (r1,r0)
    loadw -0x10(r1,r0), r3
    cmpw $0x3344, r3
    bne fail
    movw $0x0020, r7
    movw $0x5a5a, r2
    storw r2, 0x80000(r7)
    loadw 0x80020, r3
    cmpw $0x5a5a, r3
    bne fail

    # 7: index modes: [r12]abs20 and [r13]disp(rp)
    movw $7, r10
    movd $0x80000, (r12)
    loadw [r12]0x10, r3
    cmpw $0x3344, r3
    bne fail
    movd $0x80000, (r13)
    movd $0x10, (r1,r0)
    loadd [r13]0x0(r1,r0), (r5,r4)
    cmpd $0x11223344, (r5,r4)
    bne fail
    loadw [r13]0x2(r1,r0), r3
    cmpw $0x1122, r3
    bne fail

    # 8: unaligned word and double-word accesses
    movw $8, r10
    movd $0xdeadbeef, (r3,r2)
    stord (r3,r2), 0x80041
    loadd 0x80041, (r5,r4)
    cmpd $0xdeadbeef, (r5,r4)
    bne fail
    loadw 0x80043, r4
    cmpw $0xdead, r4
    bne fail

    # 9: store immediate (zero-extended 0..15)
    movw $9, r10
    movd $0x80050, (r1,r0)
    storw $15, 0(r1,r0)
    loadw 0x80050, r3
    cmpw $15, r3
    bne fail
    storb $5, 0x80051
    loadw 0x80050, r3
    cmpw $0x050f, r3
    bne fail

    # 10: bit operations: F is the old bit
    movw $10, r10
    movd $0x80060, (r1,r0)
    storw $0, 0(r1,r0)
    sbitw $9, 0(r1,r0)
    bfs fail
    sbitw $9, 0(r1,r0)
    bfc fail
    loadw 0x80060, r3
    cmpw $0x0200, r3
    bne fail
    tbitw $9, 0x80060
    bfc fail
    cbitw $9, 0x80060
    bfc fail
    tbitw $9, 0(r1,r0)
    bfs fail
    sbitb $7, 0x80061
    loadw 0x80060, r3
    cmpw $0x8000, r3
    bne fail
    tbit $15, r3
    bfc fail
    movw $14, r4
    tbit r4, r3
    bfs fail

    # 11: storm/loadm: r2, r3, r4, r5, r8... ; pointer updated
    movw $11, r10
    movw $0x1111, r2
    movw $0x2222, r3
    movw $0x3333, r4
    movw $0x4444, r5
    movw $0x0100, r1
    storm $4
    cmpw $0x0108, r1
    bne fail
    movw $0, r2
    movw $0, r5
    movw $0x0100, r0
    loadm $4
    cmpw $0x0108, r0
    bne fail
    cmpw $0x1111, r2
    bne fail
    cmpw $0x4444, r5
    bne fail

    # 12: push/pop layout: lowest register at the lowest address, RA on top
    movw $12, r10
    movd $0x20000, (sp)
    movw $0x0505, r5
    movw $0x0606, r6
    movd $0x00123456, (ra)
    push $2, r5, ra
    cmpd $0x1fff8, (sp)
    bne fail
    loadw 0x1fff8, r3
    cmpw $0x0505, r3
    bne fail
    loadw 0x1fffa, r3
    cmpw $0x0606, r3
    bne fail
    loadd 0x1fffc, (r4,r3)
    cmpd $0x00123456, (r4,r3)
    bne fail
    movw $0, r5
    movw $0, r6
    movd $0, (ra)
    pop $2, r5, ra
    cmpd $0x20000, (sp)
    bne fail
    cmpw $0x0606, r6
    bne fail
    cmpd $0x00123456, (ra)
    bne fail

    # 13: a 32-bit register counts two words
    movw $13, r10
    movd $0xcafef00d, (r12)
    push $2, r12
    loadd 0(sp), (r4,r3)
    cmpd $0xcafef00d, (r4,r3)
    bne fail
    pop $2, r12

    # 14: popret returns through RA
    movw $14, r10
    movw $0x7777, r7
    bal (ra), func
    cmpw $0x7777, r7
    bne fail
    cmpd $0x20000, (sp)
    bne fail

    br pass

func:
    push $1, r7, ra
    movw $0, r7
    popret $1, r7, ra

    .include "cr16-test-tail.inc"
