# crc32: bitwise CRC-32 (reflected, polynomial 0xEDB88320, initial and
# final value 0xFFFFFFFF) of the nine bytes "123456789", once per
# iteration.  Result check: the standard check value 0xCBF43926.
    .include "bench.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    loadd ITERS, (r13)
    cmpd $0, (r13)             # nothing written there: once
    bne 1f
    movd $1, (r13)
1:
    movd $0xedb88320, (r9,r8)
again:
    movd $0xffffffff, (r3,r2)
    movd $msg, (r5,r4)
    movw $9, r11
byte:
    loadb 0(r5,r4), r6
    movzb r6, r6
    xorw r6, r2
    movw $8, r7
bit:
    tbit $0, r2                 # F = the bit shifted out
    lshd $-1, (r3,r2)
    bfc 1f
    xord (r9,r8), (r3,r2)
1:  subw $1, r7
    cmpw $0, r7
    bne bit
    addd $1, (r5,r4)
    subw $1, r11
    cmpw $0, r11
    bne byte
    xord $0xffffffff, (r3,r2)
    addd $-1, (r13)
    cmpd $0, (r13)
    bne again
    movw $0, r6
    cmpd $0xcbf43926, (r3,r2)
    beq 2f
    movw $1, r6
2:  movw r6, r2
    movw $SYS_EXIT, r0
    excp bpt

msg:
    .ascii "123456789"
