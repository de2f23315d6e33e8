# Processor registers and system instructions (instructions.md 10):
# LPR/SPR and LPRD/SPRD round trips with the fixed bits, DI/EI on PSR.E,
# CINV and NOP as no-operations, every Scond code, self-modifying code.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: reset state: PSR = E only, CFG = 0
    movw $1, r10
    spr psr, r1
    cmpw $0x0200, r1
    bne fail
    spr cfg, r1
    cmpw $0, r1
    bne fail

    # 2: DI clears E, EI sets it
    movw $2, r10
    di
    spr psr, r1
    andw $0x0200, r1
    cmpw $0x0000, r1
    bne fail
    ei
    spr psr, r1
    andw $0x0200, r1
    cmpw $0x0200, r1
    bne fail

    # 3: LPR psr loads the flags (and SPR reads them back)
    movw $3, r10
    movw $0x02e5, r1            # E N Z F L C
    lpr r1, psr
    beq 1f
    br fail
1:  bcs 1f
    br fail
1:  spr psr, r2
    cmpw $0x02e5, r2
    bne fail
    movw $0x0200, r1
    lpr r1, psr

    # 4: ISP and INTBASE force bit 0 and bits 31:24 to 0
    movw $4, r10
    movd $0x12345679, (r1,r0)
    lprd (r1,r0), isp
    sprd isp, (r3,r2)
    cmpd $0x00345678, (r3,r2)
    bne fail
    movw $0x0fff, r1
    lpr r1, intbasel
    movw $0xabcd, r1
    lpr r1, intbaseh
    sprd intbase, (r3,r2)
    cmpd $0x00cd0ffe, (r3,r2)
    bne fail
    spr intbaseh, r4
    cmpw $0x00cd, r4
    bne fail

    # 5: USP is reachable through LPRD/SPRD; bit 0 is kept
    movw $5, r10
    movd $0x2001, (r1,r0)
    lprd (r1,r0), usp
    sprd usp, (r3,r2)
    cmpd $0x2001, (r3,r2)
    bne fail
    cmpd $STACK_TOP, (sp)
    bne fail

    # 6: CFG bits and the debug registers are plain storage
    movw $6, r10
    movw $0x0114, r1
    lpr r1, cfg
    spr cfg, r2
    cmpw $0x0114, r2
    bne fail
    movw $0, r1
    lpr r1, cfg
    movd $0x00123456, (r1,r0)
    lprd (r1,r0), car0
    sprd car0, (r3,r2)
    cmpd $0x00123456, (r3,r2)
    bne fail
    cinv [i]
    cinv [d,i,u]
    nop

    # 7: Scond for every code after cmpw r4, r5 (3 < 5): expected bits
    movw $7, r10
    movw $3, r4
    movw $5, r5
    movw $0, r1
    addw $0, r1                 # C = 0, F = 0
    cmpw r4, r5
    seq r0
    sne r1
    scs r2
    scc r3
    shi r6
    sls r7
    sgt r8
    sle r9
    cmpw $0, r0
    bne fail
    cmpw $1, r1
    bne fail
    cmpw $0, r2
    bne fail
    cmpw $1, r3
    bne fail
    cmpw $0, r6
    bne fail
    cmpw $1, r7
    bne fail
    cmpw $0, r8
    bne fail
    cmpw $1, r9
    bne fail
    cmpw r4, r5
    sfs r0
    sfc r1
    slo r2
    shs r3
    slt r6
    sge r7
    cmpw $0, r0
    bne fail
    cmpw $1, r1
    bne fail
    cmpw $1, r2
    bne fail
    cmpw $0, r3
    bne fail
    cmpw $1, r6
    bne fail
    cmpw $0, r7
    bne fail

    # 8: self-modifying code: the new instruction runs, not the old one
    movw $8, r10
    movw $0, r3
    bal (ra), patched
    cmpw $1, r3
    bne fail
    movw $0x5a23, r1            # movw $2, r3
    storw r1, patched
    bal (ra), patched
    cmpw $2, r3
    bne fail

    br pass

patched:
    movw $1, r3
    jump (ra)

    .include "cr16-test-tail.inc"
