# Traps and RETX (isa.md 7.1-7.7, instructions.md 10): every EXCP vector
# (SVC 5, DVZ 6, FLG 7, BPT 8, UND 10) and EXCP with a reserved vector
# (UND), reserved words (UND), the reserved no-operations, TRC, UND from
# LPR/LPRD in user mode, IAD from a load, a store and a PUSH beyond
# 0xFFFFFF, nested traps, RETX itself, JUSR, and 16-bit dispatch entries.
#
# For every trap the handler records what the manual fixes (isa.md 7.3):
# the vector, the PSR inside the handler (U, T, P cleared; I and E kept
# for traps), ISP inside the handler (ISP - 6), the frame (PC >> 1 at
# ISP, the old PSR at ISP + 4), and chkrec compares them and the PSR that
# RETX restored.  Saved PC: the trapping instruction for SVC, DVZ, FLG,
# BPT and UND; the next one for TRC and IAD.
#
# The guest runs with semihosting on (sim machine, test-cr16-tcg): r0
# holds 0x0abc, no system-call number, so each EXCP really traps.
    .include "cr16-test.inc"
    .equ ISP_TOP, 0x7000
    .equ REC, 0x7100            # vector, handler PSR, ISP, frame PC, PSR
    .equ NTRAPS, REC + 14
    .equ RESUME, 0x7120         # @c address to return to (0: the frame's)
    .equ PSRAND, 0x7124         # mask applied to the saved PSR
    .equ NEST, 0x7130
    .equ NOSYS, 0x0abc
    .equ E, 0x0200
    .equ I, 0x0800
    .equ U, 0x0008
    .equ T, 0x0002
    .equ Z, 0x0040
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab32, (r1,r0)
    lprd (r1,r0), intbase
    movw $0x100, r0             # CFG.ED: 32-bit dispatch entries
    lpr r0, cfg

    # 1: F172 excp svc: vector 5, saved PC = the EXCP, flags kept
    movw $1, r10
    movd $a1@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
    movw $E|0xe5, r1
    lpr r1, psr
t1: excp svc
    br fail
a1: spr psr, r6
    movw $5, r1
    movw $E|0xe5, r2
    movw $E|0xe5, r3
    movd $t1@c, (r5,r4)
    movw $E|0xe5, r7
    bal (ra), chkrec

    # 2: F172 excp dvz with PSR.I set: a trap keeps I
    movw $2, r10
    movd $a2@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
    movw $E|I, r1
    lpr r1, psr
t2: excp dvz
    br fail
a2: spr psr, r6
    movw $6, r1
    movw $E|I, r2
    movw $E|I, r3
    movd $t2@c, (r5,r4)
    movw $E|I, r7
    bal (ra), chkrec

    # 3: F172 excp flg with E clear: E is never touched
    movw $3, r10
    movd $a3@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
    movw $0x0001, r1
    lpr r1, psr
t3: excp flg
    br fail
a3: spr psr, r6
    movw $7, r1
    movw $0x0001, r2
    movw $0x0001, r3
    movd $t3@c, (r5,r4)
    movw $0x0001, r7
    bal (ra), chkrec

    # 4: F172 excp bpt
    movw $4, r10
    movd $a4@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
    movw $E|0x40, r1
    lpr r1, psr
t4: excp bpt
    br fail
a4: spr psr, r6
    movw $8, r1
    movw $E|0x40, r2
    movw $E|0x40, r3
    movd $t4@c, (r5,r4)
    movw $E|0x40, r7
    bal (ra), chkrec

    # 5: F172 excp und
    movw $5, r10
    movd $a5@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
    movw $E|0x80, r1
    lpr r1, psr
t5: excp und
    br fail
a5: spr psr, r6
    movw $10, r1
    movw $E|0x80, r2
    movw $E|0x80, r3
    movd $t5@c, (r5,r4)
    movw $E|0x80, r7
    bal (ra), chkrec

    # 6: F172 excp with each reserved vector (0-4, 9, 11-15): UND with
    # the EXCP's own address.  r11 walks the table "resv" of
    # (instruction, resume) pairs.
    movw $6, r10
    movw $0, r11
6:  movw r11, r0
    ashuw $3, r0
    loadd resv(r0), (r13)       # the EXCP, @c
    loadd resv + 4(r0), (r1,r0) # its resume point, @c
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movw $NOSYS, r0
    jump (r13)
back6: spr psr, r6
    movw $10, r1
    movw $E, r2
    movw $E, r3
    movd (r13), (r5,r4)
    movw $E, r7
    bal (ra), chkrec
    addw $1, r11
    cmpw $11, r11
    bne 6b
    br 7f
x0: excp 0
    br back6
x1: excp 1
    br back6
x2: excp 2
    br back6
x3: excp 3
    br back6
x4: excp 4
    br back6
x9: excp 9
    br back6
x11: excp 11
    br back6
x12: excp 12
    br back6
x13: excp 13
    br back6
x14: excp 14
    br back6
x15: excp 15
    br back6
7:

    # 7: U001 the reserved word 0xffff, and other reserved words (0x0000,
    # 0x00e0, Scond with cc 14 and 15): UND at the word itself
    movw $7, r10
    movw $0, r11
7:  movw r11, r0
    ashuw $3, r0
    loadd resw(r0), (r13)
    loadd resw + 4(r0), (r1,r0)
    bal (ra), arm
    movw $E|0x20, r1
    lpr r1, psr
    jump (r13)
back7: spr psr, r6
    movw $10, r1
    movw $E|0x20, r2
    movw $E|0x20, r3
    movd (r13), (r5,r4)
    movw $E|0x20, r7
    bal (ra), chkrec
    addw $1, r11
    cmpw $5, r11
    bne 7b
    br 8f
w0: .word 0xffff                # [insn] U001
    br back7
w1: .word 0x0000
    br back7
w2: .word 0x00e0
    br back7
w3: .word 0x08e1                # "s<14> r1"
    br back7
w4: .word 0x08f1                # "s<15> r1"
    br back7
8:

    # 8: R001 R002 R003 the PRM's reserved no-operations (48, 48 and 32
    # bits): no trap, no register or flag changes, execution goes on
    # right after them
    movw $8, r10
    movd $0, (r1,r0)
    bal (ra), arm
    movw $E|0xa5, r1
    lpr r1, psr
    movw $0x1111, r1
    movw $0x2222, r2
    movw $0x3333, r3
    movw $0, r4
    .word 0x0010, 0x1abc, 0x5678 # [insn] R001
    adduw $1, r4
    .word 0x0011, 0x0def, 0x9abc # [insn] R002
    adduw $1, r4
    .word 0x0014, 0x4567         # [insn] R003
    adduw $1, r4
    spr psr, r6
    cmpw $E|0xa5, r6
    bne fail
    cmpw $3, r4
    bne fail
    cmpw $0x1111, r1
    bne fail
    cmpw $0x2222, r2
    bne fail
    cmpw $0x3333, r3
    bne fail
    loadw NTRAPS, r0
    cmpw $0, r0
    bne fail

    # 9: TRC (vector 9): T set; the next instruction runs, the one after
    # it traps with P cleared before saving; the handler runs with T
    # and P clear; the saved PC is the instruction after the traced one
    movw $9, r10
    movd $0, (r1,r0)
    movw $~T, r2
    bal (ra), armmask
    movw $E|T, r1
    lpr r1, psr
    nop
t9: spr psr, r6
    movw $9, r1
    movw $E, r2
    movw $E|T, r3
    movd $t9@c, (r5,r4)
    movw $E, r7
    bal (ra), chkrec

    # 10: F133 jusr enters user mode; SPR is allowed there and PUSH uses
    # USP; F168 lpr and F169 lprd are privileged: UND with the LPR's
    # address, U cleared in the handler, U = 1 in the saved PSR, and RETX
    # goes back to user mode
    movw $10, r10
    movd $0x30000, (r1,r0)
    lprd (r1,r0), usp
    movd $a10@c, (r1,r0)
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movd $u10@c, (r1,r0)
    jusr (r1,r0)
    br fail
u10:
    spr psr, r6
    cmpw $E|U, r6
    bne fail
    push $1, r6                 # to USP
t10: lpr r0, cfg                # the flags here: Z from the cmpw above
    br fail
a10: spr psr, r6
    movw $10, r1
    movw $E|Z, r2
    movw $E|U|Z, r3
    movd $t10@c, (r5,r4)
    movw $E|U|Z, r7
    bal (ra), chkrec
    movd $a10b@c, (r1,r0)
    bal (ra), arm
t10b: lprd (r1,r0), intbase      # Z again, from chkrec
    br fail
a10b: spr psr, r6
    movw $10, r1
    movw $E|Z, r2
    movw $E|U|Z, r3
    movd $t10b@c, (r5,r4)
    movw $E|U|Z, r7
    bal (ra), chkrec
    # back to supervisor mode: an SVC whose handler clears U in the frame
    movd $s10@c, (r1,r0)
    movw $~U, r2
    bal (ra), armmask
    movw $NOSYS, r0
    excp svc
    br fail
s10:
    spr psr, r6
    cmpw $E|Z, r6
    bne fail
    cmpd $STACK_TOP, (sp)       # the supervisor SP was never used
    bne fail
    sprd usp, (r1,r0)
    cmpd $0x2fffe, (r1,r0)
    bne fail
    loadw 0x2fffe, r1
    cmpw $E|U, r1
    bne fail

    # 11: IAD from a load beyond 0xFFFFFF: vector 12, the saved PC is the
    # next instruction, I kept, the register not written
    movw $11, r10
    movd $0, (r1,r0)
    bal (ra), arm
    movw $E|I, r1
    lpr r1, psr
    movd $0x2000000, (r1,r0)
    movw $0x7777, r2
    loadw 0(r1,r0), r2
t11: spr psr, r6
    cmpw $0x7777, r2
    bne fail
    movw $12, r1
    movw $E|I, r2
    movw $E|I, r3
    movd $t11@c, (r5,r4)
    movw $E|I, r7
    bal (ra), chkrec

    # 12: IAD from a store beyond 0xFFFFFF (EA 0x2000000, computed in 32
    # bits from a pair and a displacement)
    movw $12, r10
    movd $0, (r1,r0)
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movd $0x1fffffe, (r1,r0)
    stord (r3,r2), 2(r1,r0)
t12: spr psr, r6
    movw $12, r1
    movw $E, r2
    movw $E, r3
    movd $t12@c, (r5,r4)
    movw $E, r7
    bal (ra), chkrec

    # 13: IAD from PUSH with the stack pointer beyond 0xFFFFFF.  In user
    # mode (so the handler has a good stack) sp is USP; LPRD would clear
    # its bits 31:24, but a register write to sp does not.  The saved PC
    # is the next instruction and sp is unchanged.
    movw $13, r10
    movd $0x30000, (r1,r0)
    lprd (r1,r0), usp
    movd $0, (r1,r0)
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movd $u13@c, (r1,r0)
    jusr (r1,r0)
u13:
    movd $0x2000010, (sp)
    push $1, r0
t13: spr psr, r6
    movw $12, r1
    movw $E, r2
    movw $E|U, r3
    movd $t13@c, (r5,r4)
    movw $E|U, r7
    bal (ra), chkrec
    cmpd $0x2000010, (sp)
    bne fail
    movd $s13@c, (r1,r0)
    movw $~U, r2
    bal (ra), armmask
    movw $NOSYS, r0
    excp svc
s13:
    cmpd $STACK_TOP, (sp)
    bne fail
    sprd usp, (r1,r0)
    cmpd $0x2000010, (r1,r0)
    bne fail

    # 14: nested traps: the SVC handler of table "vtabn" raises FLG; the
    # FLG frame sits 6 bytes below the SVC frame and holds the address of
    # the EXCP inside the handler
    movw $14, r10
    movd $vtabn, (r1,r0)
    lprd (r1,r0), intbase
    movw $E|0x41, r1
    lpr r1, psr
    movw $NOSYS, r0
t14: excp svc
    spr psr, r6
    movd $vtab32, (r1,r0)
    lprd (r1,r0), intbase
    cmpw $E|0x41, r6            # both RETX done: the flags are back
    bne fail
    loadd NEST, (r1,r0)         # ISP in the SVC handler
    cmpd $ISP_TOP - 6, (r1,r0)
    bne fail
    loadd ISP_TOP - 6, (r1,r0)  # the SVC frame, moved past the EXCP
    cmpd $t14@c + 1, (r1,r0)
    bne fail
    loadw REC, r1               # FLG, seen by the common handler
    cmpw $7, r1
    bne fail
    loadd REC + 4, (r1,r0)
    cmpd $ISP_TOP - 12, (r1,r0)
    bne fail
    loadd REC + 8, (r1,r0)
    cmpd $n14@c, (r1,r0)
    bne fail
    loadw REC + 12, r1          # the PSR in the SVC handler
    cmpw $E|0x41, r1
    bne fail
    sprd isp, (r1,r0)
    cmpd $ISP_TOP, (r1,r0)
    bne fail

    # 15: F326 retx from a frame built by hand: PC = (mem32 << 1) with
    # bits above 23 dropped, PSR = mem16 (every bit), ISP += 6
    movw $15, r10
    movd $r15@c, (r1,r0)
    ord $0xff800000, (r1,r0)
    stord (r1,r0), 0x6ff0
    movw $E|0xc1, r1
    storw r1, 0x6ff4
    movd $0x6ff0, (r1,r0)
    lprd (r1,r0), isp
    retx
    br fail
r15:
    spr psr, r6
    sprd isp, (r1,r0)
    cmpd $0x6ff6, (r1,r0)
    bne fail
    cmpw $E|0xc1, r6
    bne fail
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp

    # 16: F172 with 16-bit dispatch entries (CFG.ED = 0): handler bits
    # 16:1 from mem16[INTBASE + 2 * 5]
    movw $16, r10
    movw $0, r0
    lpr r0, cfg
    movd $vtab16, (r1,r0)
    lprd (r1,r0), intbase
    movd $a16@c, (r1,r0)
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movw $NOSYS, r0
t16: excp svc
    br fail
a16: spr psr, r6
    movw $5, r1
    movw $E, r2
    movw $E, r3
    movd $t16@c, (r5,r4)
    movw $E, r7
    bal (ra), chkrec

    # 17: F112 a branch whose target lies beyond 0xFFFFFF: IAD.  The
    # branch (br +0x100, 32-bit) is copied to 0xFFFF80; the saved PC is
    # the next instruction (the PRM leaves it open; isa.md 7.3's rule for
    # IAD, as in excp.S)
    movw $17, r10
    movw $0x100, r0
    lpr r0, cfg
    movd $vtab32, (r1,r0)
    lprd (r1,r0), intbase
    movd $0x010018e0, (r1,r0)
    stord (r1,r0), 0xffff80
    movd $a17@c, (r1,r0)
    bal (ra), arm
    movw $E, r1
    lpr r1, psr
    movd $0xffff80 >> 1, (r1,r0)
    jump (r1,r0)
    br fail
a17: spr psr, r6
    movw $12, r1
    movw $E, r2
    movw $E, r3
    movd $0xffff84 >> 1, (r5,r4)
    movw $E, r7
    bal (ra), chkrec

    br pass

# RESUME = (r1,r0); PSRAND = 0xffff (armmask: r2); the record cleared
arm:
    movw $0xffff, r2
armmask:
    stord (r1,r0), RESUME
    storw r2, PSRAND
    movd $0, (r1,r0)
    stord (r1,r0), REC
    stord (r1,r0), REC + 4
    stord (r1,r0), REC + 8
    stord (r1,r0), REC + 12
    jump (ra)

# Compare the record: r1 vector, r2 PSR in the handler, (r5,r4) saved
# PC >> 1, r3 saved PSR, one trap, ISP - 6 in the handler and ISP back
# afterwards; r6 (PSR after RETX) must equal r7.
chkrec:
    loadw REC, r8
    cmpw r1, r8
    bne fail
    loadw REC + 2, r8
    cmpw r2, r8
    bne fail
    loadd REC + 4, (r9,r8)
    cmpd $ISP_TOP - 6, (r9,r8)
    bne fail
    loadd REC + 8, (r9,r8)
    cmpd (r5,r4), (r9,r8)
    bne fail
    loadw REC + 12, r8
    cmpw r3, r8
    bne fail
    loadw NTRAPS, r8
    cmpw $1, r8
    bne fail
    cmpw r7, r6
    bne fail
    sprd isp, (r9,r8)
    cmpd $ISP_TOP, (r9,r8)
    bne fail
    jump (ra)

# One stub per vector: save r0-r5 on SP, note the vector, then "common"
# fills the record, applies RESUME and PSRAND to the frame and returns.
h0: push $6, r0
    movw $0, r0
    br common
h1: push $6, r0
    movw $1, r0
    br common
h2: push $6, r0
    movw $2, r0
    br common
h3: push $6, r0
    movw $3, r0
    br common
h4: push $6, r0
    movw $4, r0
    br common
h5: push $6, r0
    movw $5, r0
    br common
h6: push $6, r0
    movw $6, r0
    br common
h7: push $6, r0
    movw $7, r0
    br common
h8: push $6, r0
    movw $8, r0
    br common
h9: push $6, r0
    movw $9, r0
    br common
h10: push $6, r0
    movw $10, r0
    br common
h11: push $6, r0
    movw $11, r0
    br common
h12: push $6, r0
    movw $12, r0
    br common
h13: push $6, r0
    movw $13, r0
    br common
h14: push $6, r0
    movw $14, r0
    br common
h15: push $6, r0
    movw $15, r0
common:
    storw r0, REC
    spr psr, r1
    storw r1, REC + 2
    sprd isp, (r3,r2)
    stord (r3,r2), REC + 4
    loadd 0(r3,r2), (r5,r4)
    stord (r5,r4), REC + 8
    loadw 4(r3,r2), r1
    storw r1, REC + 12
    loadw PSRAND, r0
    andw r0, r1
    storw r1, 4(r3,r2)
    loadw NTRAPS, r1
    addw $1, r1
    storw r1, NTRAPS
    loadd RESUME, (r5,r4)
    cmpd $0, (r5,r4)
    beq 1f
    stord (r5,r4), 0(r3,r2)
1:  pop $6, r0
    retx

# The SVC handler for check 14: raise FLG from inside, then return
# after the outer EXCP.
hn5:
    push $6, r0, ra
    sprd isp, (r3,r2)
    stord (r3,r2), NEST
    movd $a14@c, (r1,r0)
    bal (ra), arm
    movw $NOSYS, r0
n14: excp flg
    br fail
a14:
    sprd isp, (r3,r2)
    loadd 0(r3,r2), (r5,r4)
    addd $1, (r5,r4)            # resume after the 2-byte EXCP
    stord (r5,r4), 0(r3,r2)
    pop $6, r0, ra
    retx

    .align 4
vtab32:
    .long h0@c, h1@c, h2@c, h3@c, h4@c, h5@c, h6@c, h7@c
    .long h8@c, h9@c, h10@c, h11@c, h12@c, h13@c, h14@c, h15@c
vtabn:
    .long h0@c, h1@c, h2@c, h3@c, h4@c, hn5@c, h6@c, h7@c
    .long h8@c, h9@c, h10@c, h11@c, h12@c, h13@c, h14@c, h15@c
vtab16:
    .word h0@c, h1@c, h2@c, h3@c, h4@c, h5@c, h6@c, h7@c
    .word h8@c, h9@c, h10@c, h11@c, h12@c, h13@c, h14@c, h15@c
# check 6: (EXCP, resume point) pairs, @c
resv:
    .long x0@c, x0@c + 1, x1@c, x1@c + 1, x2@c, x2@c + 1
    .long x3@c, x3@c + 1, x4@c, x4@c + 1, x9@c, x9@c + 1
    .long x11@c, x11@c + 1, x12@c, x12@c + 1, x13@c, x13@c + 1
    .long x14@c, x14@c + 1, x15@c, x15@c + 1
# check 7: (reserved word, resume point) pairs, @c
resw:
    .long w0@c, w0@c + 1, w1@c, w1@c + 1, w2@c, w2@c + 1
    .long w3@c, w3@c + 1, w4@c, w4@c + 1

    .include "cr16-test-tail.inc"
