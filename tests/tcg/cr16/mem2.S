# More addressing forms (instructions.md 6-8): index with 0/14/20-bit
# displacements and the odd index pairs, 16-bit base registers, negative
# stores, store-immediate and bit operations in index modes, LOADMP and
# STORMP, PUSH/POP of RA alone and of half a 32-bit register.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $DATA, (r12)
    movd $DATA + 0x1000, (r13)

    # 1: [r12]disp20(rp) and [r13]disp14(rp) stores and loads
    movw $1, r10
    movd $0x10, (r1,r0)
    movw $0x1357, r2
    storw r2, [r12]0x12340(r1,r0)
    loadw DATA + 0x12350, r3
    cmpw $0x1357, r3
    bne fail
    movw $0x2468, r2
    storw r2, [r13]0x100(r1,r0)
    loadw DATA + 0x1110, r3
    cmpw $0x2468, r3
    bne fail
    loadw [r13]0x100(r1,r0), r4
    cmpw $0x2468, r4
    bne fail

    # 2: index pairs (r4,r3) and (r6,r5) with disp 0
    movw $2, r10
    movw $0x20, r3
    movw $0, r4
    movw $0xabcd, r2
    storw r2, [r12]0(r4,r3)
    movw $0x20, r5
    movw $0, r6
    loadw [r12]0(r6,r5), r7
    cmpw $0xabcd, r7
    bne fail
    loadb [r12]0(r6,r5), r7
    cmpw $0xabcd, r7
    bne fail

    # 3: byte store with disp4, negative disp20 store, 16-bit base loads
    movw $3, r10
    movd $DATA + 0x40, (r1,r0)
    movw $0x0077, r2
    storb r2, 5(r1,r0)
    loadb DATA + 0x45, r3
    cmpb $0x77, r3
    bne fail
    movw $0x0088, r2
    storw r2, -0x20(r1,r0)
    loadw DATA + 0x20, r3
    cmpw $0x0088, r3
    bne fail
    movw $0x20, r7
    loadw DATA(r7), r3
    cmpw $0x0088, r3
    bne fail
    loadd DATA(r7), (r3,r2)
    cmpd $0x00000088, (r3,r2)
    bne fail

    # 4: store-immediate in index and disp20 modes
    movw $4, r10
    movd $0x30, (r1,r0)
    storw $9, [r12]0(r1,r0)
    loadw DATA + 0x30, r3
    cmpw $9, r3
    bne fail
    storb $12, [r13]0x10
    loadb DATA + 0x1010, r3
    cmpb $12, r3
    bne fail
    storw $7, 0x23456(r1,r0)
    loadw 0x23486, r3
    cmpw $7, r3
    bne fail

    # 5: bit operations in index, disp14, disp20 and 16-bit base modes
    movw $5, r10
    storw $0, DATA + 0x50
    sbitb $3, [r12]0x50
    bfs fail
    loadw DATA + 0x50, r3
    cmpw $0x0008, r3
    bne fail
    movd $0x40, (r1,r0)
    tbitb $3, [r12]0x10(r1,r0)
    bfc fail
    movw $0x50, r7
    sbitw $15, DATA(r7)
    bfs fail
    cbitw $3, 0x80000(r7)
    bfc fail
    loadw DATA + 0x50, r3
    cmpw $0x8000, r3
    bne fail
    movd $DATA, (r1,r0)
    tbitw $15, 0x50(r1,r0)
    bfc fail

    # 6: STORMP / LOADMP use and update a 32-bit pointer
    movw $6, r10
    movd $DATA + 0x20000, (r7,r6)
    movw $0x0a0a, r2
    movw $0x0b0b, r3
    movw $0x0c0c, r4
    stormp $3
    cmpd $DATA + 0x20006, (r7,r6)
    bne fail
    movw $0, r2
    movw $0, r4
    movd $DATA + 0x20000, (r1,r0)
    loadmp $3
    cmpd $DATA + 0x20006, (r1,r0)
    bne fail
    cmpw $0x0a0a, r2
    bne fail
    cmpw $0x0c0c, r4
    bne fail

    # 7: push ra / pop ra transfer RA as one 32-bit register
    movw $7, r10
    movd $0x00abcdef, (ra)
    push ra
    cmpd $STACK_TOP - 4, (sp)
    bne fail
    movd $0, (ra)
    pop ra
    cmpd $0x00abcdef, (ra)
    bne fail
    cmpd $STACK_TOP, (sp)
    bne fail

    # 8: a count ending inside r12 moves only its low half
    movw $8, r10
    movw $0x1111, r11
    movd $0x22223333, (r12)
    push $2, r11
    cmpd $STACK_TOP - 4, (sp)
    bne fail
    loadw 2(sp), r3
    cmpw $0x3333, r3
    bne fail
    movd $0x55550000, (r12)
    pop $2, r11
    cmpd $0x55553333, (r12)
    bne fail

    br pass
    .include "cr16-test-tail.inc"
