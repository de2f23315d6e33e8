# Register jumps, Scond, BEQ0/BNE0, calls and their links (instructions.md
# 9, 1.5, 1.6: F114-F131, F132, F134-F151).  Jcond and Scond run through
# every condition under the five flag settings of bcond.S (expected
# outcomes from isa.md 6); Scond must write 1 or 0 over the whole word.
# Then: a jump target is (pair << 1) with pair bits 31:23 ignored;
# BEQ0/BNE0 test bytes or words and reach +32 at most; the links are the
# next instruction's address >> 1: (PC+4)>>1 for bal (ra), (PC+6)>>1 for
# the 48-bit bal rp, (PC+2)>>1 for jal rp, (PC+4)>>1 for jal rp, rp.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $0x7000, (r1,r0)
    lprd (r1,r0), isp
    movd $vtab, (r1,r0)
    lprd (r1,r0), intbase

    # 1: F118-F131 j<cc> (rp), every condition, all flags clear (0x00)
    movw $1, r10
    movw $0x200, r0
    lpr r0, psr
    movd $L346@c, (r3,r2)
    jeq (r3,r2)
    br L347
L346: br fail
L347:
    movd $L348@c, (r3,r2)
    jne (r3,r2)
    br fail
L348:
    movd $L349@c, (r3,r2)
    jcs (r3,r2)
    br L350
L349: br fail
L350:
    movd $L351@c, (r3,r2)
    jcc (r3,r2)
    br fail
L351:
    movd $L352@c, (r3,r2)
    jhi (r3,r2)
    br L353
L352: br fail
L353:
    movd $L354@c, (r3,r2)
    jls (r3,r2)
    br fail
L354:
    movd $L355@c, (r3,r2)
    jgt (r3,r2)
    br L356
L355: br fail
L356:
    movd $L357@c, (r3,r2)
    jle (r3,r2)
    br fail
L357:
    movd $L358@c, (r3,r2)
    jfs (r3,r2)
    br L359
L358: br fail
L359:
    movd $L360@c, (r3,r2)
    jfc (r3,r2)
    br fail
L360:
    movd $L361@c, (r3,r2)
    jlo (r3,r2)
    br fail
L361:
    movd $L362@c, (r3,r2)
    jhs (r3,r2)
    br L363
L362: br fail
L363:
    movd $L364@c, (r3,r2)
    jlt (r3,r2)
    br fail
L364:
    movd $L365@c, (r3,r2)
    jge (r3,r2)
    br L366
L365: br fail
L366:

    # 2: F118-F131 j<cc> (rp), every condition, C L F Z N set (0xe5)
    movw $2, r10
    movw $0x2e5, r0
    lpr r0, psr
    movd $L367@c, (r3,r2)
    jeq (r3,r2)
    br fail
L367:
    movd $L368@c, (r3,r2)
    jne (r3,r2)
    br L369
L368: br fail
L369:
    movd $L370@c, (r3,r2)
    jcs (r3,r2)
    br fail
L370:
    movd $L371@c, (r3,r2)
    jcc (r3,r2)
    br L372
L371: br fail
L372:
    movd $L373@c, (r3,r2)
    jhi (r3,r2)
    br fail
L373:
    movd $L374@c, (r3,r2)
    jls (r3,r2)
    br L375
L374: br fail
L375:
    movd $L376@c, (r3,r2)
    jgt (r3,r2)
    br fail
L376:
    movd $L377@c, (r3,r2)
    jle (r3,r2)
    br L378
L377: br fail
L378:
    movd $L379@c, (r3,r2)
    jfs (r3,r2)
    br fail
L379:
    movd $L380@c, (r3,r2)
    jfc (r3,r2)
    br L381
L380: br fail
L381:
    movd $L382@c, (r3,r2)
    jlo (r3,r2)
    br L383
L382: br fail
L383:
    movd $L384@c, (r3,r2)
    jhs (r3,r2)
    br fail
L384:
    movd $L385@c, (r3,r2)
    jlt (r3,r2)
    br L386
L385: br fail
L386:
    movd $L387@c, (r3,r2)
    jge (r3,r2)
    br fail
L387:

    # 3: F118-F131 j<cc> (rp), every condition, Z alone (0x40)
    movw $3, r10
    movw $0x240, r0
    lpr r0, psr
    movd $L388@c, (r3,r2)
    jeq (r3,r2)
    br fail
L388:
    movd $L389@c, (r3,r2)
    jne (r3,r2)
    br L390
L389: br fail
L390:
    movd $L391@c, (r3,r2)
    jcs (r3,r2)
    br L392
L391: br fail
L392:
    movd $L393@c, (r3,r2)
    jcc (r3,r2)
    br fail
L393:
    movd $L394@c, (r3,r2)
    jhi (r3,r2)
    br L395
L394: br fail
L395:
    movd $L396@c, (r3,r2)
    jls (r3,r2)
    br fail
L396:
    movd $L397@c, (r3,r2)
    jgt (r3,r2)
    br L398
L397: br fail
L398:
    movd $L399@c, (r3,r2)
    jle (r3,r2)
    br fail
L399:
    movd $L400@c, (r3,r2)
    jfs (r3,r2)
    br L401
L400: br fail
L401:
    movd $L402@c, (r3,r2)
    jfc (r3,r2)
    br fail
L402:
    movd $L403@c, (r3,r2)
    jlo (r3,r2)
    br L404
L403: br fail
L404:
    movd $L405@c, (r3,r2)
    jhs (r3,r2)
    br fail
L405:
    movd $L406@c, (r3,r2)
    jlt (r3,r2)
    br L407
L406: br fail
L407:
    movd $L408@c, (r3,r2)
    jge (r3,r2)
    br fail
L408:

    # 4: F118-F131 j<cc> (rp), every condition, L and N (0x84)
    movw $4, r10
    movw $0x284, r0
    lpr r0, psr
    movd $L409@c, (r3,r2)
    jeq (r3,r2)
    br L410
L409: br fail
L410:
    movd $L411@c, (r3,r2)
    jne (r3,r2)
    br fail
L411:
    movd $L412@c, (r3,r2)
    jcs (r3,r2)
    br L413
L412: br fail
L413:
    movd $L414@c, (r3,r2)
    jcc (r3,r2)
    br fail
L414:
    movd $L415@c, (r3,r2)
    jhi (r3,r2)
    br fail
L415:
    movd $L416@c, (r3,r2)
    jls (r3,r2)
    br L417
L416: br fail
L417:
    movd $L418@c, (r3,r2)
    jgt (r3,r2)
    br fail
L418:
    movd $L419@c, (r3,r2)
    jle (r3,r2)
    br L420
L419: br fail
L420:
    movd $L421@c, (r3,r2)
    jfs (r3,r2)
    br L422
L421: br fail
L422:
    movd $L423@c, (r3,r2)
    jfc (r3,r2)
    br fail
L423:
    movd $L424@c, (r3,r2)
    jlo (r3,r2)
    br L425
L424: br fail
L425:
    movd $L426@c, (r3,r2)
    jhs (r3,r2)
    br fail
L426:
    movd $L427@c, (r3,r2)
    jlt (r3,r2)
    br L428
L427: br fail
L428:
    movd $L429@c, (r3,r2)
    jge (r3,r2)
    br fail
L429:

    # 5: F118-F131 j<cc> (rp), every condition, C and F (0x21)
    movw $5, r10
    movw $0x221, r0
    lpr r0, psr
    movd $L430@c, (r3,r2)
    jeq (r3,r2)
    br L431
L430: br fail
L431:
    movd $L432@c, (r3,r2)
    jne (r3,r2)
    br fail
L432:
    movd $L433@c, (r3,r2)
    jcs (r3,r2)
    br fail
L433:
    movd $L434@c, (r3,r2)
    jcc (r3,r2)
    br L435
L434: br fail
L435:
    movd $L436@c, (r3,r2)
    jhi (r3,r2)
    br L437
L436: br fail
L437:
    movd $L438@c, (r3,r2)
    jls (r3,r2)
    br fail
L438:
    movd $L439@c, (r3,r2)
    jgt (r3,r2)
    br L440
L439: br fail
L440:
    movd $L441@c, (r3,r2)
    jle (r3,r2)
    br fail
L441:
    movd $L442@c, (r3,r2)
    jfs (r3,r2)
    br fail
L442:
    movd $L443@c, (r3,r2)
    jfc (r3,r2)
    br L444
L443: br fail
L444:
    movd $L445@c, (r3,r2)
    jlo (r3,r2)
    br fail
L445:
    movd $L446@c, (r3,r2)
    jhs (r3,r2)
    br L447
L446: br fail
L447:
    movd $L448@c, (r3,r2)
    jlt (r3,r2)
    br fail
L448:
    movd $L449@c, (r3,r2)
    jge (r3,r2)
    br L450
L449: br fail
L450:

    # 6: F134-F147 s<cc> rd, every condition, all flags clear (0x00): 1 or 0
    # over the whole word
    movw $6, r10
    movw $0x200, r9
    lpr r9, psr
    movw $0x5555, r1
    seq r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sne r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shi r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sls r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sgt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sle r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slo r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slt r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sge r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8

    # 7: F134-F147 s<cc> rd, every condition, C L F Z N set (0xe5): 1 or 0
    # over the whole word
    movw $7, r10
    movw $0x2e5, r9
    lpr r9, psr
    movw $0x5555, r1
    seq r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sne r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scc r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shi r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sls r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sgt r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sle r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfc r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slo r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sge r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8

    # 8: F134-F147 s<cc> rd, every condition, Z alone (0x40): 1 or 0 over the
    # whole word
    movw $8, r10
    movw $0x240, r9
    lpr r9, psr
    movw $0x5555, r1
    seq r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sne r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shi r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sls r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sgt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sle r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slo r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sge r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8

    # 9: F134-F147 s<cc> rd, every condition, L and N (0x84): 1 or 0 over the
    # whole word
    movw $9, r10
    movw $0x284, r9
    lpr r9, psr
    movw $0x5555, r1
    seq r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sne r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shi r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sls r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sgt r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sle r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfc r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slo r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sge r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8

    # 10: F134-F147 s<cc> rd, every condition, C and F (0x21): 1 or 0 over
    # the whole word
    movw $10, r10
    movw $0x221, r9
    lpr r9, psr
    movw $0x5555, r1
    seq r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sne r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    scc r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shi r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sls r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sgt r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sle r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfs r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sfc r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slo r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    shs r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8
    movw $0x5555, r1
    slt r1
    movw r1, r8
    movw $1, r7
    bal (ra), eqw8
    movw $0x5555, r1
    sge r1
    movw r1, r8
    movw $0, r7
    bal (ra), eqw8


    # 11: F132 jump (rp): pair bits 31:23 are ignored; (r12) and (r13)
    # as 32-bit targets
    movw $11, r10
    movd $j11a@c, (r3,r2)
    ord $0xff800000, (r3,r2)
    jump (r3,r2)
    br fail
j11a:
    movd $j11b@c, (r12)
    jump (r12)
    br fail
j11b:
    movd $j11c@c + 0x7f800000, (r13)
    jump (r13)
    br fail
j11c:

    # 12: F118 jeq with a target whose pair bits 31:23 are set
    movw $12, r10
    movd $j12@c, (r5,r4)
    ord $0xff800000, (r5,r4)
    cmpw r4, r4
    jeq (r5,r4)
    br fail
j12:

    # 13: F114 beq0b / F115 bne0b look at bits 7:0 only
    movw $13, r10
    movw $0xff00, r1
    beq0b r1, 1f
    br fail
1:  bne0b r1, 2f
    br 3f
2:  br fail
3:  movw $0x0001, r1
    bne0b r1, 1f
    br fail
1:  beq0b r1, 2f
    br 3f
2:  br fail
3:

    # 14: F116 beq0w / F117 bne0w look at bits 15:0
    movw $14, r10
    movw $0x0100, r1
    beq0w r1, 2f
    bne0w r1, 1f
2:  br fail
1:  movw $0, r1
    bne0w r1, 2f
    beq0w r1, 1f
2:  br fail
1:

    # 15: F116/F117 with the largest displacement, +32 (field 15)
    movw $15, r10
    movw $0, r1
    beq0w r1, 1f
    br fail
    .space 26                   # zero words trap (UND)
1:  movw $7, r1
    bne0w r1, 1f
    br fail
    .space 26
1:  movw $7, r1
    bne0b r1, 1f
    br fail
    .space 26
1:  movw $0, r1
    beq0b r1, 1f
    br fail
    .space 26
1:

    # 16: F148 bal (ra), disp24: RA = (PC + 4) >> 1, forwards and
    # backwards
    movw $16, r10
    movd $0, (ra)
    bal (ra), f16
r16:
    cmpd $r16@c, (r1,r0)
    bne fail
    br 1f
b16:
    movd (ra), (r3,r2)
    jump (ra)
1:  bal (ra), b16
r16b:
    cmpd $r16b@c, (r3,r2)
    bne fail

    # 17: F149 bal (rp), disp24 (48-bit): rp = (PC + 6) >> 1, RA unchanged
    movw $17, r10
    movd $0x1234, (ra)
    bal (r5,r4), f17
r17:
    cmpd $r17@c, (r5,r4)
    bne fail
    cmpd $0x1234, (ra)
    bne fail

    # 18: F150 jal (rp): RA = (PC + 2) >> 1; target bits 31:23 ignored
    movw $18, r10
    movd $f16@c, (r3,r2)
    ord $0xff800000, (r3,r2)
    jal (r3,r2)
r18:
    cmpd $r18@c, (r1,r0)
    bne fail

    # 19: F151 jal (rp), (rp): link = (PC + 4) >> 1, RA unchanged
    movw $19, r10
    movd $0x4321, (ra)
    movd $f19@c, (r3,r2)
    jal (r7,r6), (r3,r2)
r19:
    cmpd $r19@c, (r7,r6)
    bne fail
    cmpd $0x4321, (ra)
    bne fail

    br pass

f16:
    movd (ra), (r1,r0)
    jump (ra)
f17:
    jump (r5,r4)
f19:
    jump (r7,r6)

# (r8 == r7) or fail, without touching a flag
eqw8:
    xorw r7, r8
    beq0w r8, 1f
    br fail
1:  jump (ra)

trapped:
    addw $0x100, r10
    br fail

    .align 4
vtab:
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c
    .word trapped@c, trapped@c, trapped@c, trapped@c

    .include "cr16-test-tail.inc"
