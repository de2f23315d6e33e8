# Exceptions (isa.md 7): UND from a reserved word, IAD from an address
# beyond 24 bits, TRC from PSR.T, UND from LPR in user mode; dispatch
# through 32-bit (CFG.ED = 1) and 16-bit (ED = 0) tables; the frame on
# ISP (return address >> 1, then PSR); RETX restoring PC and PSR; user
# mode with its own stack pointer; IAD from a branch target below 0.
#
# The handlers record the vector in r8, count calls in r9, keep the saved
# PSR in r11, check the saved PC against (r5,r4) (an @c value), then
# clear T, P and U in the saved PSR and return to (r13).
    .include "cr16-test.inc"
    .equ ISP_TOP, 0x7000
    .text
    .global _start
_start:
    br main
    # Check 6 needs a branch near address 0: "br -32" lands below 0.
iad_branch:
    .word 0x1fe0                # br *-0x20: target 0x2 - 0x20 < 0
iad_branch_next:
    br fail
main:
    movd $STACK_TOP, (sp)
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab32, (r1,r0)
    lprd (r1,r0), intbase
    movw $0x100, r0
    lpr r0, cfg
    movw $0, r9

    # 1: UND saves the reserved word's address; RETX restores the flags
    movw $1, r10
    movd $und1@c, (r5,r4)
    movd $res1@c, (r13)
    cmpw r10, r10
und1:
    .word 0x0000
    br fail
res1:
    bne fail
    cmpw $1, r9
    bne fail
    cmpw $10, r8
    bne fail
    movw r11, r6
    andw $0x0e40, r6
    cmpw $0x0240, r6            # E and Z saved, I clear
    bne fail
    sprd isp, (r1,r0)
    cmpd $ISP_TOP, (r1,r0)
    bne fail

    # 2: IAD: the saved PC is the next instruction
    movw $2, r10
    movd $iad_next@c, (r5,r4)
    movd $res2@c, (r13)
    movd $0x2000000, (r1,r0)
    loadw 0(r1,r0), r3
iad_next:
    br fail
res2:
    cmpw $12, r8
    bne fail

    # 3: 16-bit dispatch entries with CFG.ED = 0
    movw $3, r10
    movw $0, r0
    lpr r0, cfg
    movd $vtab16, (r1,r0)
    lprd (r1,r0), intbase
    movd $und3@c, (r5,r4)
    movd $res3@c, (r13)
und3:
    .word 0x0000
    br fail
res3:
    cmpw $10, r8
    bne fail
    cmpw $3, r9
    bne fail

    # 4: trace: T set, the instruction after the next one traps
    movw $4, r10
    movd $trc_b@c, (r5,r4)
    movd $res4@c, (r13)
    spr psr, r0
    orw $2, r0
    lpr r0, psr
    nop
trc_b:
    nop
    br fail
res4:
    cmpw $9, r8
    bne fail
    movw r11, r6
    andw $0x0402, r6
    cmpw $0x0002, r6            # saved with T set and P already clear
    bne fail

    # 5: user mode: SP means USP; LPR is privileged
    movw $5, r10
    movd $0x30000, (r1,r0)
    lprd (r1,r0), usp
    movd $user5@c, (r1,r0)
    movd $lpr5@c, (r5,r4)
    movd $res5@c, (r13)
    jusr (r1,r0)
user5:
    push $1, r2
lpr5:
    lpr r0, psr
    br fail
res5:
    cmpw $10, r8
    bne fail
    movw r11, r6
    andw $0x0008, r6
    cmpw $0x0008, r6            # saved in user mode
    bne fail
    cmpd $STACK_TOP, (sp)
    bne fail
    sprd usp, (r1,r0)
    cmpd $0x2fffe, (r1,r0)
    bne fail

    # 6: a taken branch whose target is below 0 raises IAD; the saved PC
    # is the instruction after the branch
    movw $6, r10
    movd $iad_branch_next@c, (r5,r4)
    movd $res6@c, (r13)
    br iad_branch
res6:
    cmpw $12, r8
    bne fail

    br pass

h_bad:
    addw $0x100, r10
    br fail
h_trc:
    movw $9, r8
    br h_common
h_und:
    movw $10, r8
    br h_common
h_iad:
    movw $12, r8
h_common:
    addw $1, r9
    sprd isp, (r1,r0)
    loadd 0(r1,r0), (r3,r2)
    cmpd (r5,r4), (r3,r2)
    bne fail
    loadw 4(r1,r0), r6
    movw r6, r11
    andw $0xfbf5, r6
    storw r6, 4(r1,r0)
    stord (r13), 0(r1,r0)
    retx

    .align 4
vtab32:
    .long h_bad@c, h_bad@c, h_bad@c, h_bad@c
    .long h_bad@c, h_bad@c, h_bad@c, h_bad@c
    .long h_bad@c, h_trc@c, h_und@c, h_bad@c
    .long h_iad@c, h_bad@c, h_bad@c, h_bad@c
vtab16:
    .word h_bad@c, h_bad@c, h_bad@c, h_bad@c
    .word h_bad@c, h_bad@c, h_bad@c, h_bad@c
    .word h_bad@c, h_trc@c, h_und@c, h_bad@c
    .word h_iad@c, h_bad@c, h_bad@c, h_bad@c

    .include "cr16-test-tail.inc"
