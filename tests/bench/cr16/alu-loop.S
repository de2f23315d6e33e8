# alu-loop: a tight loop of register ALU instructions (8 instructions per
# iteration: five ALU operations and the loop control).  Result check:
# adduw $1 ran once per iteration.
    .include "bench.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    loadd ITERS, (r1,r0)
    cmpd $0, (r1,r0)             # nothing written there: once
    bne 1f
    movd $1, (r1,r0)
1:
    movw r0, r7                 # expected low half of the count
    movw $0, r5
    movw $0x1234, r2
    movw $0x5678, r3
1:  addw r2, r3
    xorw r3, r4
    adduw $1, r5
    orw r4, r6
    ashuw $1, r6
    addd $-1, (r1,r0)
    cmpd $0, (r1,r0)
    bne 1b
    movw $0, r2
    cmpw r7, r5
    beq 2f
    movw $1, r2
2:  movw $SYS_EXIT, r0
    excp bpt
