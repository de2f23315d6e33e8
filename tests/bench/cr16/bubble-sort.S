# bubble-sort: each iteration fills an array of 64 words with 64, 63,
# ..., 1 (the worst case) and sorts it in place with bubble sort.
# Result check: the array is 1, 2, ..., 64.
    .include "bench.inc"
    .equ ARRAY, 0x20000
    .equ N, 64
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    loadd ITERS, (r13)
    cmpd $0, (r13)             # nothing written there: once
    bne 1f
    movd $1, (r13)
1:
again:
    movd $ARRAY, (r1,r0)
    movw $N, r2
fill:
    storw r2, 0(r1,r0)
    addd $2, (r1,r0)
    subw $1, r2
    cmpw $0, r2
    bne fill
    movw $N - 1, r8             # passes left
pass:
    movd $ARRAY, (r1,r0)
    movw r8, r9                 # pairs in this pass
inner:
    loadw 0(r1,r0), r2
    loadw 2(r1,r0), r3
    cmpw r2, r3                 # a[i] <= a[i+1]: in order
    ble 1f
    storw r3, 0(r1,r0)
    storw r2, 2(r1,r0)
1:  addd $2, (r1,r0)
    subw $1, r9
    cmpw $0, r9
    bne inner
    subw $1, r8
    cmpw $0, r8
    bne pass
    addd $-1, (r13)
    cmpd $0, (r13)
    bne again
    # check: a[i] = i + 1
    movd $ARRAY, (r1,r0)
    movw $1, r2
    movw $0, r6
chk:
    loadw 0(r1,r0), r3
    cmpw r2, r3
    beq 1f
    movw $1, r6
1:  addd $2, (r1,r0)
    addw $1, r2
    cmpw $N + 1, r2
    bne chk
    movw r6, r2
    movw $SYS_EXIT, r0
    excp bpt
