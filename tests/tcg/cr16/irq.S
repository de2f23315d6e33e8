# Interrupts (isa.md 7.3, 7.5, 8; instructions.md 10: F329 WAIT, F330
# EIWAIT): a maskable interrupt taken while halted in WAIT or EIWAIT, the
# E and I masks, nested maskable interrupts, an NMI nested in a maskable
# handler, and WAIT with interrupts off waking only for an NMI.  Entry
# clears I (and U, T, P), never E; the frame goes on ISP (PC >> 1, then
# PSR); the saved PC is the instruction after WAIT/EIWAIT; the vector of
# a maskable interrupt is read from 0xFFFE00 (one acknowledge each), NMI
# is vector 1.
#
# The interrupt lines need a source: test-cr16-tcg's interrupt
# controller has, next to IVCT at 0xFFFE00, a LINE register (+2: vector
# in bits 7:0, the IRQ level in bit 8), an ID register (+6, reads
# 0x4352), an ON_HALT register (+8: the same as LINE, or 0x200 for an
# NMI, done when the CPU next halts) and an acknowledge counter (+0xa).
# Elsewhere (the sim machine) 0xFFFE06 is plain memory: the program then
# has nothing to drive the lines with and passes without the checks.
#
# Each handler logs (rec) the PSR it started with, ISP, and the frame,
# and appends its vector to LOG.
    .include "cr16-test.inc"
    .equ ISP_TOP, 0x7000
    .equ ICU_IVCT, 0xfffe00
    .equ ICU_LINE, 0xfffe02
    .equ ICU_ID, 0xfffe06
    .equ ICU_ON_HALT, 0xfffe08
    .equ ICU_ACKS, 0xfffe0a
    .equ LINE_HIGH, 0x100
    .equ HALT_NMI, 0x200
    .equ REC20, 0x7100          # +0 PSR, +2 ISP, +6 frame PC, +10 PSR
    .equ REC21, 0x7110
    .equ RECNMI, 0x7120
    .equ MODE, 0x7130           # what the vector 0x20 handler does
    .equ SEQ, 0x7132
    .equ ACK0, 0x7134
    .equ LOG, 0x7140
    .equ E, 0x0200
    .equ I, 0x0800
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase
    movw $0x100, r0
    lpr r0, cfg
    di
    loadw ICU_ID, r0
    cmpw $0x4352, r0
    beq 1f
    br pass                     # no interrupt source here
1:

    # 1: F330 eiwait with E clear and I set: E becomes 1, the CPU halts,
    # the interrupt raised meanwhile (vector 0x20) is taken with the
    # address after EIWAIT saved, PSR.I cleared in the handler, E kept
    movw $1, r10
    bal (ra), reset
    movw $I, r0
    lpr r0, psr
    movw $LINE_HIGH | 0x20, r0
    storw r0, ICU_ON_HALT
    eiwait
a1: spr psr, r6
    cmpw $I|E, r6               # RETX restored E and I
    bne fail
    movd $REC20, (r1,r0)
    movd $a1@c, (r3,r2)
    movw $E, r4                 # PSR in the handler
    movw $I|E, r5               # saved PSR
    movd $ISP_TOP - 6, (r7,r6)
    bal (ra), chkrec
    bal (ra), acks
    cmpw $1, r0
    bne fail

    # 2: F329 wait with E and I set: halts until the interrupt, which
    # returns to the instruction after WAIT; flags survive
    movw $2, r10
    bal (ra), reset
    movw $I|E|0x85, r0
    lpr r0, psr
    movw $LINE_HIGH | 0x20, r0
    storw r0, ICU_ON_HALT
    wait
a2: spr psr, r6
    cmpw $I|E|0x85, r6
    bne fail
    movd $REC20, (r1,r0)
    movd $a2@c, (r3,r2)
    movw $E|0x85, r4
    movw $I|E|0x85, r5
    movd $ISP_TOP - 6, (r7,r6)
    bal (ra), chkrec
    bal (ra), acks
    cmpw $1, r0
    bne fail

    # 3: masks: with E clear, then with I clear, a raised line is not
    # taken; EI (with I set) lets it in
    movw $3, r10
    bal (ra), reset
    movw $I, r0                 # E clear
    lpr r0, psr
    movw $LINE_HIGH | 0x20, r0
    storw r0, ICU_LINE
    nop
    br 1f                       # a few TB boundaries
1:  nop
    loadw SEQ, r0
    cmpw $0, r0
    bne fail
    movw $E, r0                 # I clear
    lpr r0, psr
    nop
    br 1f
1:  loadw SEQ, r0
    cmpw $0, r0
    bne fail
    movw $I, r0
    lpr r0, psr
    ei
a3: nop
b3: loadw SEQ, r0
    cmpw $1, r0
    bne fail
    loadd REC20 + 6, (r1,r0)    # taken right after EI, or (the PRM's
    cmpd $a3@c, (r1,r0)         # delay) one instruction later
    beq 1f
    cmpd $b3@c, (r1,r0)
    bne fail
1:  loadw REC20, r0
    cmpw $E, r0
    bne fail

    # 4: nested maskable interrupts: the 0x20 handler raises vector 0x21
    # and sets PSR.I; 0x21 is taken inside it with a second frame 6 bytes
    # lower holding the handler's own address and PSR
    movw $4, r10
    bal (ra), reset
    movw $1, r0
    storw r0, MODE
    movw $I|E, r0
    lpr r0, psr
    movw $LINE_HIGH | 0x20, r0
    storw r0, ICU_ON_HALT
    wait
a4: loadw SEQ, r0
    cmpw $2, r0
    bne fail
    loadd LOG, (r1,r0)          # 0x20 entered first, then 0x21
    cmpd $0x00210020, (r1,r0)
    bne fail
    movd $REC20, (r1,r0)
    movd $a4@c, (r3,r2)
    movw $E, r4
    movw $I|E, r5
    movd $ISP_TOP - 6, (r7,r6)
    bal (ra), chkrec
    movd $REC21, (r1,r0)
    movd $n4@c, (r3,r2)
    movw $E, r4
    movw $I|E, r5               # the PSR the 0x20 handler set
    movd $ISP_TOP - 12, (r7,r6)
    bal (ra), chkrec
    bal (ra), acks
    cmpw $2, r0
    bne fail

    # 5: an NMI nested in a maskable handler: the 0x20 handler (I clear)
    # waits; only the NMI (vector 1, armed for the halt) wakes it
    movw $5, r10
    bal (ra), reset
    movw $2, r0
    storw r0, MODE
    movw $I|E, r0
    lpr r0, psr
    movw $LINE_HIGH | 0x20, r0
    storw r0, ICU_ON_HALT
    wait
a5: loadd LOG, (r1,r0)
    cmpd $0x00010020, (r1,r0)
    bne fail
    movd $RECNMI, (r1,r0)
    movd $n5@c, (r3,r2)
    movw $E|0x40, r4            # I clear, Z from the handler's compare
    movw $E|0x40, r5
    movd $ISP_TOP - 12, (r7,r6)
    bal (ra), chkrec
    bal (ra), acks              # an NMI reads no vector
    cmpw $1, r0
    bne fail

    # 6: F329 wait with E and I clear sleeps until an NMI; the NMI
    # handler returns after the WAIT
    movw $6, r10
    bal (ra), reset
    movw $0x41, r0
    lpr r0, psr
    movw $HALT_NMI, r0
    storw r0, ICU_ON_HALT
    wait
a6: spr psr, r6
    cmpw $0x41, r6
    bne fail
    movd $RECNMI, (r1,r0)
    movd $a6@c, (r3,r2)
    movw $0x41, r4
    movw $0x41, r5
    movd $ISP_TOP - 6, (r7,r6)
    bal (ra), chkrec
    bal (ra), acks
    cmpw $0, r0
    bne fail

    br pass

# Clear the log, the records and MODE; the ICU's counter is not ours to
# clear, so remember where it stands (see acks).
reset:
    movd $0, (r1,r0)
    movw $0, r2
1:  stord (r1,r0), REC20(r2)
    addw $4, r2
    cmpw $0x60, r2
    bne 1b
    loadw ICU_ACKS, r0
    storw r0, ACK0
    jump (ra)

# r0 = acknowledge cycles since the last reset
acks:
    loadw ICU_ACKS, r0
    loadw ACK0, r1
    subw r1, r0
    jump (ra)

# Record at (r1,r0): handler PSR == r4, ISP == (r7,r6), frame PC ==
# (r3,r2), frame PSR == r5.
chkrec:
    loadw 0(r1,r0), r8
    cmpw r4, r8
    bne fail
    loadd 2(r1,r0), (r9,r8)
    cmpd (r7,r6), (r9,r8)
    bne fail
    loadd 6(r1,r0), (r9,r8)
    cmpd (r3,r2), (r9,r8)
    bne fail
    loadw 10(r1,r0), r8
    cmpw r5, r8
    bne fail
    sprd isp, (r9,r8)
    cmpd $ISP_TOP, (r9,r8)
    bne fail
    jump (ra)

# (r1,r0) = record, r2 = vector, r3 = PSR at entry; r4-r7 scratch
rec:
    storw r3, 0(r1,r0)
    sprd isp, (r5,r4)
    stord (r5,r4), 2(r1,r0)
    loadd 0(r5,r4), (r7,r6)
    stord (r7,r6), 6(r1,r0)
    loadw 4(r5,r4), r6
    storw r6, 10(r1,r0)
    loadw SEQ, r6
    movw r6, r7
    ashuw $1, r7
    storw r2, LOG(r7)
    addw $1, r6
    storw r6, SEQ
    jump (ra)

h20:
    push $8, r0, ra
    spr psr, r3
    movd $REC20, (r1,r0)
    movw $0x20, r2
    bal (ra), rec
    movw $0, r0                 # the source is served: line low
    storw r0, ICU_LINE
    loadw MODE, r0
    cmpw $1, r0
    beq 1f
    cmpw $2, r0
    beq 2f
    br 9f
1:  movw $LINE_HIGH | 0x21, r0  # another source, then allow nesting
    storw r0, ICU_LINE
    movw $I|E, r0
    lpr r0, psr
n4: nop
    br 9f
2:  movw $HALT_NMI, r0
    storw r0, ICU_ON_HALT
    wait
n5: nop
9:  pop $8, r0, ra
    retx

h21:
    push $8, r0, ra
    spr psr, r3
    movd $REC21, (r1,r0)
    movw $0x21, r2
    bal (ra), rec
    movw $0, r0
    storw r0, ICU_LINE
    pop $8, r0, ra
    retx

hnmi:
    push $8, r0, ra
    spr psr, r3
    movd $RECNMI, (r1,r0)
    movw $1, r2
    bal (ra), rec
    pop $8, r0, ra
    retx

# Any other vector is a failure.
trapped:
    addw $0x100, r10
    br fail

    .align 4
vtab:
    .long trapped@c, hnmi@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long trapped@c, trapped@c, trapped@c, trapped@c
    .long h20@c, h21@c

    .include "cr16-test-tail.inc"
