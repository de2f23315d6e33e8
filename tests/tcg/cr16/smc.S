# Self-modifying code (design.md 6, issue "accel/tcg: a guest write to a
# page holding translated code invalidates those TBs before the next
# instruction executes").  The stores change instructions that are
# already translated, some in the very translation block doing the
# store: the next instruction, the immediate word of a 32-bit
# instruction, one byte of an instruction, two instructions at once; and
# code copied to another page, run, patched and run again.
# Encodings (instructions.md 2, 3.2): movw $imm4, rd = 0x5a00 | i << 4 |
# d; addw $imm4, rd = 0x3200 | i << 4 | d; movw $imm16, rd = 0x5ab0 | d,
# imm16; jump (ra) = 0x0aee.
    .include "cr16-test.inc"
    .equ CODE2, 0x50000
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: the instruction right after the store, in the same block
    movw $1, r10
    movw $0x5a13, r1            # movw $1, r3
    movw $0, r3
    storw r1, p1
p1: movw $0, r3
    cmpw $1, r3
    bne fail

    # 2: the imm16 word of the next instruction
    movw $2, r10
    movw $0x4321, r1
    storw r1, p2 + 2
p2: movw $0x1234, r4
    cmpw $0x4321, r4
    bne fail

    # 3: one byte of the next instruction: addw $1, r5 -> addw $2, r5
    movw $3, r10
    movw $0x25, r1
    movw $10, r5
    storb r1, p3
p3: addw $1, r5
    cmpw $12, r5
    bne fail

    # 4: two instructions with one double-word store
    movw $4, r10
    movd $0x5a675a56, (r1,r0)   # movw $5, r6 ; movw $6, r7
    movw $0, r6
    movw $0, r7
    stord (r1,r0), p4
p4: nop
    nop
    cmpw $5, r6
    bne fail
    cmpw $6, r7
    bne fail

    # 5: a loop whose body is patched on the first pass: the second pass
    # runs the new instruction
    movw $5, r10
    movw $0, r8
    movw $0, r9
    movw $0x3219, r1            # addw $1, r9
    movw $2, r2
1:
p5: addw $1, r8
    storw r1, p5
    subw $1, r2
    cmpw $0, r2
    bne 1b
    cmpw $1, r8                 # first pass: the old instruction
    bne fail
    cmpw $1, r9                 # second pass: the new one
    bne fail

    # 6: code copied to another page, run, patched, run again
    movw $6, r10
    movd $CODE2, (r3,r2)
    loadd c6, (r1,r0)
    stord (r1,r0), 0(r3,r2)     # movw $7, r3 ; jump (ra)
    movd $CODE2@c, (r5,r4)
    movw $0, r3
    jal (r5,r4)
    cmpw $7, r3
    bne fail
    movw $0x5a93, r1            # movw $-1, r3 (imm4 9)
    storw r1, CODE2
    jal (r5,r4)
    cmpw $0xffff, r3
    bne fail

    br pass

c6: movw $7, r3
    jump (ra)

    .include "cr16-test-tail.inc"
