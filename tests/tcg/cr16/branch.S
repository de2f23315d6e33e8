# Branches, jumps, calls and Scond (instructions.md 9): every condition,
# the 16/32/48-bit Bcond forms forwards and backwards, BEQ0/BNE0, Jcond,
# JUMP, JAL and BAL with both link forms, Scond writing 0/1.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: after cmpw r4, r5 with r4 = 3, r5 = 5 (3 < 5, both readings)
    movw $1, r10
    movw $3, r4
    movw $5, r5
    cmpw r4, r5
    beq fail
    bhi fail
    bgt fail
    bhs fail
    bge fail
    bne 1f
    br fail
1:  bls 1f
    br fail
1:  ble 1f
    br fail
1:  blo 1f
    br fail
1:  blt 1f
    br fail
1:
    # 2: equal operands: eq, hs, ge, ls, le hold
    movw $2, r10
    cmpw r4, r4
    bne fail
    blo fail
    blt fail
    bhi fail
    bgt fail
    bhs 1f
    br fail
1:  bge 1f
    br fail
1:
    # 3: carry and flag conditions
    movw $3, r10
    movw $0xffff, r1
    addw $1, r1
    bcc fail
    bfs fail
    bcs 1f
    br fail
1:  bfc 1f
    br fail
1:
    # 4: Scond writes 1 or 0 over the whole register
    movw $4, r10
    movw $0xffff, r3
    cmpw r4, r5
    seq r3
    cmpw $0, r3
    bne fail
    cmpw r4, r5
    slt r3
    cmpw $1, r3
    bne fail
    cmpw r4, r5
    shi r3
    cmpw $0, r3
    bne fail

    # 5: 32- and 48-bit forward branches, then a backward one
    movw $5, r10
    br fwd32@m
    br fail
back:
    br 1f
fwd32:
    beq fwd48@l                 # Z is set by the last cmpw
    br fail
fwd48:
    br back
1:
    # 6: beq0/bne0 on bytes and words
    movw $6, r10
    movw $0x0100, r1
    beq0b r1, 1f
    br fail
1:  bne0w r1, 1f
    br fail
1:  beq0w r1, 2f
    movw $0, r1
    bne0b r1, 2f
    br 1f
2:  br fail
1:

    # 7: register jumps take pair << 1
    movw $7, r10
    movd $target7@c, (r1,r0)
    cmpw r4, r4
    jne (r1,r0)
    jeq (r1,r0)
    br fail
target7:
    movd $target7b@c, (r3,r2)
    jump (r3,r2)
    br fail
target7b:

    # 8: bal (ra) links (PC + 4) >> 1; jump (ra) returns
    movw $8, r10
    movw $0, r7
    bal (ra), func8
    cmpw $8, r7
    bne fail

    # 9: bal with a link pair, jal with both forms
    movw $9, r10
    movw $0, r7
    bal (r3,r2), func9
    cmpw $9, r7
    bne fail
    movd $func8@c, (r1,r0)
    jal (r1,r0)
    cmpw $8, r7
    bne fail
    movd $func9b@c, (r1,r0)
    jal (r5,r4), (r1,r0)
    cmpw $10, r7
    bne fail

    br pass

func8:
    movw $8, r7
    jump (ra)
func9:
    movw $9, r7
    jump (r3,r2)
func9b:
    movw $10, r7
    jump (r5,r4)

    .include "cr16-test-tail.inc"
