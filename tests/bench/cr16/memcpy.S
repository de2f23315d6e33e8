# memcpy: copies a 4 KiB buffer with double-word loads and stores (four
# per loop pass), once per iteration, alternating the direction between
# two buffers.  Result check: both buffers hold the start pattern.
    .include "bench.inc"
    .equ BUF_A, 0x20000
    .equ BUF_B, 0x30000
    .equ SIZE, 4096
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    # pattern: the double word at offset k holds k + 0x01020304
    movd $BUF_A, (r1,r0)
    movd $0x01020304, (r3,r2)
    movw $SIZE / 4, r4
1:  stord (r3,r2), 0(r1,r0)
    addd $4, (r1,r0)
    addd $4, (r3,r2)
    subw $1, r4
    cmpw $0, r4
    bne 1b
    loadd ITERS, (r13)
    cmpd $0, (r13)             # nothing written there: once
    bne 1f
    movd $1, (r13)
1:
    movw $0, r12                # iteration parity
again:
    movd $BUF_A, (r1,r0)
    movd $BUF_B, (r3,r2)
    tbit $0, r12                # odd iterations copy B back to A
    bfc 1f
    movd $BUF_B, (r1,r0)
    movd $BUF_A, (r3,r2)
1:  movw $SIZE / 16, r4
copy:
    loadd 0(r1,r0), (r6,r5)
    loadd 4(r1,r0), (r8,r7)
    stord (r6,r5), 0(r3,r2)
    stord (r8,r7), 4(r3,r2)
    loadd 8(r1,r0), (r6,r5)
    loadd 12(r1,r0), (r8,r7)
    stord (r6,r5), 8(r3,r2)
    stord (r8,r7), 12(r3,r2)
    addd $16, (r1,r0)
    addd $16, (r3,r2)
    subw $1, r4
    cmpw $0, r4
    bne copy
    xorw $1, r12
    addd $-1, (r13)
    cmpd $0, (r13)
    bne again
    # check both buffers
    movd $BUF_A, (r1,r0)
    movd $BUF_B, (r3,r2)
    movd $0x01020304, (r5,r4)
    movw $SIZE / 4, r6
    movw $0, r11
chk:
    loadd 0(r1,r0), (r8,r7)
    cmpd (r5,r4), (r8,r7)
    beq 1f
    movw $1, r11
1:  loadd 0(r3,r2), (r8,r7)
    cmpd (r5,r4), (r8,r7)
    beq 1f
    movw $1, r11
1:  addd $4, (r1,r0)
    addd $4, (r3,r2)
    addd $4, (r5,r4)
    subw $1, r6
    cmpw $0, r6
    bne chk
    movw r11, r2
    movw $SYS_EXIT, r0
    excp bpt
