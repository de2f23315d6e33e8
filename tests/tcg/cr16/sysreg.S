# Processor registers and the small system instructions (isa.md 2.3-2.5,
# instructions.md 10: F168-F171, F319-F328): LPR/SPR on every 16-bit
# code and LPRD/SPRD on every 32-bit one, with the fixed bits (bit 0 of
# ISP and INTBASE reads 0; bits 31:24 of INTBASE, ISP, USP, CAR0, CAR1
# are 0 and the "h" halves keep bits 7:0; USP bit 0 is kept), LPRD of a
# 16-bit register ignoring bits 31:16 and SPRD zero-extending it, LPR psr
# leaving U alone, DI/EI changing only E, and CINV in all six forms and
# NOP changing nothing.  DBS, DSR and DCR are plain storage here (isa.md
# 2.6, marked [U] there).
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F168 lpr / F170 spr on dbs, dsr, dcrl and dcrh (plain storage;
    # sprd dcr shows the two halves)
    movw $1, r10
    movw $0x1234, r1
    lpr r1, dbs
    movw $0x2345, r1
    lpr r1, dsr
    movw $0x5678, r1
    lpr r1, dcrl
    movw $0x9abc, r1
    lpr r1, dcrh
    spr dbs, r2
    cmpw $0x1234, r2
    bne fail
    spr dsr, r2
    cmpw $0x2345, r2
    bne fail
    spr dcrl, r2
    cmpw $0x5678, r2
    bne fail
    spr dcrh, r2
    cmpw $0x9abc, r2
    bne fail
    sprd dcr, (r3,r2)
    cmpd $0x9abc5678, (r3,r2)
    bne fail

    # 2: F168/F170 on car0l/car0h and car1l/car1h: the high halves keep
    # bits 7:0 only, bit 0 is not forced
    movw $2, r10
    movw $0xffff, r1
    lpr r1, car0l
    movw $0xabcd, r1
    lpr r1, car0h
    movw $0x0001, r1
    lpr r1, car1l
    movw $0xff80, r1
    lpr r1, car1h
    spr car0l, r2
    cmpw $0xffff, r2
    bne fail
    spr car0h, r2
    cmpw $0x00cd, r2
    bne fail
    sprd car0, (r3,r2)
    cmpd $0x00cdffff, (r3,r2)
    bne fail
    spr car1h, r2
    cmpw $0x0080, r2
    bne fail
    sprd car1, (r3,r2)
    cmpd $0x00800001, (r3,r2)
    bne fail

    # 3: F168/F170 on intbasel/h and ispl/h: bit 0 reads 0, the high
    # halves keep bits 7:0
    movw $3, r10
    movw $0x1235, r1
    lpr r1, intbasel
    movw $0xff12, r1
    lpr r1, intbaseh
    spr intbasel, r2
    cmpw $0x1234, r2
    bne fail
    spr intbaseh, r2
    cmpw $0x0012, r2
    bne fail
    movw $0x7001, r1
    lpr r1, ispl
    movw $0x3400, r1
    lpr r1, isph
    spr ispl, r2
    cmpw $0x7000, r2
    bne fail
    spr isph, r2
    cmpw $0x0000, r2
    bne fail
    sprd isp, (r3,r2)
    cmpd $0x00007000, (r3,r2)
    bne fail

    # 4: F168/F170 on uspl/usph: bit 0 kept, bits 31:24 zero; and cfg
    movw $4, r10
    movw $0x0001, r1
    lpr r1, uspl
    movw $0xff03, r1
    lpr r1, usph
    spr uspl, r2
    cmpw $0x0001, r2
    bne fail
    spr usph, r2
    cmpw $0x0003, r2
    bne fail
    movw $0x013c, r1            # ED, LIC, IC, LDC, DC
    lpr r1, cfg
    spr cfg, r2
    cmpw $0x013c, r2
    bne fail
    movw $0, r1
    lpr r1, cfg

    # 5: F169 lprd / F171 sprd on the 16-bit registers: bits 31:16 of
    # the source ignored, the result zero-extended
    movw $5, r10
    movd $0xabcd1234, (r1,r0)
    lprd (r1,r0), dbs
    sprd dbs, (r3,r2)
    cmpd $0x00001234, (r3,r2)
    bne fail
    movd $0x5555aaaa, (r1,r0)
    lprd (r1,r0), dsr
    sprd dsr, (r3,r2)
    cmpd $0x0000aaaa, (r3,r2)
    bne fail
    movd $0xffff0110, (r1,r0)
    lprd (r1,r0), cfg
    sprd cfg, (r3,r2)
    cmpd $0x00000110, (r3,r2)
    bne fail
    movd $0x12340245, (r1,r0)   # E Z L C
    lprd (r1,r0), psr
    sprd psr, (r3,r2)
    cmpd $0x00000245, (r3,r2)
    bne fail
    movw $0, r1
    lpr r1, cfg

    # 6: F169/F171 on the 32-bit registers: dcr is stored whole; car0,
    # car1, intbase, isp, usp lose bits 31:24; intbase and isp lose bit 0
    movw $6, r10
    movd $0x89abcdef, (r1,r0)
    lprd (r1,r0), dcr
    sprd dcr, (r3,r2)
    cmpd $0x89abcdef, (r3,r2)
    bne fail
    movd $0xff123457, (r1,r0)
    lprd (r1,r0), car0
    sprd car0, (r3,r2)
    cmpd $0x00123457, (r3,r2)
    bne fail
    movd $0x80fedcbb, (r1,r0)
    lprd (r1,r0), car1
    sprd car1, (r3,r2)
    cmpd $0x00fedcbb, (r3,r2)
    bne fail
    movd $0xab123457, (r1,r0)
    lprd (r1,r0), intbase
    sprd intbase, (r3,r2)
    cmpd $0x00123456, (r3,r2)
    bne fail
    movd $0xcd007001, (r1,r0)
    lprd (r1,r0), isp
    sprd isp, (r3,r2)
    cmpd $0x00007000, (r3,r2)
    bne fail
    movd $0xef030001, (r1,r0)
    lprd (r1,r0), usp
    sprd usp, (r3,r2)
    cmpd $0x00030001, (r3,r2)
    bne fail

    # 7: F168 lpr psr never changes U (supervisor mode stays)
    movw $7, r10
    movw $0x0208, r1
    lpr r1, psr
    spr psr, r2
    cmpw $0x0200, r2
    bne fail
    cmpd $STACK_TOP, (sp)       # still the supervisor stack pointer
    bne fail

    # 8: F327 di clears only E; F328 ei sets only E
    movw $8, r10
    movw $0x0ae5, r1            # I E N Z F L C
    lpr r1, psr
    di
    spr psr, r2
    movw $0x0ae5, r1
    lpr r1, psr
    ei
    spr psr, r3
    movw $0x08e5, r1
    lpr r1, psr
    ei
    spr psr, r4
    movw $0x0200, r1
    lpr r1, psr
    cmpw $0x08e5, r2
    bne fail
    cmpw $0x0ae5, r3
    bne fail
    cmpw $0x0ae5, r4
    bne fail

    # 9: F319-F324 cinv [i] [i,u] [d] [d,u] [d,i] [d,i,u] and F325 nop
    # change no register and no flag
    movw $9, r10
    movw $0x1111, r1
    movw $0x2222, r2
    movd $0x33334444, (r12)
    movw $0x02a5, r0
    lpr r0, psr
    cinv [i]
    cinv [i,u]
    cinv [d]
    cinv [d,u]
    cinv [d,i]
    cinv [d,i,u]
    nop
    spr psr, r3
    cmpw $0x02a5, r3
    bne fail
    cmpw $0x1111, r1
    bne fail
    cmpw $0x2222, r2
    bne fail
    cmpd $0x33334444, (r12)
    bne fail
    cmpw $0x02a5, r0
    bne fail

    br pass
    .include "cr16-test-tail.inc"
