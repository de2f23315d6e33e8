# Bit operations on memory in all nine addressing modes, bytes and words
# (instructions.md 6: F173-F226), and TBIT on a register (F227, F228).
# For each form the target T (in (r7,r6)) gets a known byte or word with
# 0xee around it; the PSR's F is first set to the opposite of the
# expected result, so the check proves F was written.  CBIT clears and
# SBIT sets the bit, both leave the bit's old value in F; TBIT only reads.
# chkf checks F (only F: mask 0x20), chk the bytes from T-2 to T+5, so
# bits that must not change and the neighbours are checked too.  Word
# targets are mostly odd (unaligned read-modify-write), bit numbers
# include 0, 7 and 15, and the abs20 forms are also checked with the
# 0xF0000 -> 0xFF0000 remap.
    .include "cr16-test.inc"
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)

    # 1: F173 cbitb $7, abs20: 0x80 -> 0x00, F = 1
    movw $1, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x80, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    cbitb $7, 0x90005
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 2: F174 cbitb $7, abs24: 0x7f -> 0x7f, F = 0
    movw $2, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x7f, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    cbitb $7, 0x123445
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee7feeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 3: F175 cbitb $0, [rx]abs20: 0x01 -> 0x00, F = 1
    movw $3, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x1, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x101, (r12)
    cbitb $0, [r12]0xf0040
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 4: F176 cbitb $0, [rx]disp14(rpx): 0xfe -> 0xfe, F = 0
    movw $4, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xfe, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    cbitb $0, [r13]0x3fff(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeefeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 5: F177 cbitb $4, disp20(rb): 0x10 -> 0x00, F = 1
    movw $5, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x10, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movw $0xffff, r4
    cbitb $4, 0x80004(r4)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 6: F178 cbitb $4, 0(rp): 0xef -> 0xef, F = 0
    movw $6, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xef, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    cbitb $4, 0(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeeefeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 7: F179 cbitb $7, disp16(rp): 0xff -> 0x7f, F = 1
    movw $7, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xff, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    cbitb $7, 0xfff0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee7feeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 8: F180 cbitb $3, disp20(rp): 0x00 -> 0x00, F = 0
    movw $8, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    cbitb $3, 0x80000(r12)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 9: F181 cbitb $3, [rx]disp20(rpx): 0x08 -> 0x00, F = 1
    movw $9, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x8, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    cbitb $3, [r12]0x2000d(r9,r8)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee00eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 10: F182 sbitb $7, abs20: 0x00 -> 0x80, F = 0
    movw $10, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    sbitb $7, 0x90005
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee80eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 11: F183 sbitb $0, abs24: 0xff -> 0xff, F = 1
    movw $11, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0xff, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    sbitb $0, 0x123445
    movw $0x20, r9
    bal (ra), chkf
    movd $0xeeffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 12: F184 sbitb $7, [rx]abs20: 0x7f -> 0xff, F = 0
    movw $12, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x7f, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x101, (r12)
    sbitb $7, [r12]0xf0040
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeeffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 13: F185 sbitb $0, [rx]disp14(rpx): 0x01 -> 0x01, F = 1
    movw $13, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x1, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    sbitb $0, [r13]0x3fff(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee01eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 14: F186 sbitb $4, disp20(rb): 0x00 -> 0x10, F = 0
    movw $14, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movw $0xffff, r4
    sbitb $4, 0x80004(r4)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee10eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 15: F187 sbitb $4, 0(rp): 0x10 -> 0x10, F = 1
    movw $15, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0x10, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    sbitb $4, 0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee10eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 16: F188 sbitb $6, disp16(rp): 0x40 -> 0x40, F = 1
    movw $16, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x40, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    sbitb $6, 0xfff0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee40eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 17: F189 sbitb $6, disp20(rp): 0xbf -> 0xff, F = 0
    movw $17, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0xbf, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    sbitb $6, 0x80000(r12)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeeffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 18: F190 sbitb $0, [rx]disp20(rpx): 0x00 -> 0x01, F = 0
    movw $18, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    sbitb $0, [r12]0x2000d(r9,r8)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee01eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 19: F191 tbitb $7, abs20: 0x80 -> 0x80, F = 1
    movw $19, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x80, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    tbitb $7, 0x90005
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee80eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 20: F192 tbitb $7, abs24: 0x7f -> 0x7f, F = 0
    movw $20, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x7f, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    tbitb $7, 0x123445
    movw $0x0, r9
    bal (ra), chkf
    movd $0xee7feeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 21: F193 tbitb $0, [rx]abs20: 0x01 -> 0x01, F = 1
    movw $21, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x1, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x101, (r12)
    tbitb $0, [r12]0xf0040
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee01eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 22: F194 tbitb $0, [rx]disp14(rpx): 0xfe -> 0xfe, F = 0
    movw $22, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xfe, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    tbitb $0, [r13]0x3fff(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeefeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 23: F195 tbitb $4, disp20(rb): 0x11 -> 0x11, F = 1
    movw $23, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x11, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movw $0xffff, r4
    tbitb $4, 0x80004(r4)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee11eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 24: F196 tbitb $4, 0(rp): 0xef -> 0xef, F = 0
    movw $24, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xef, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    tbitb $4, 0(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeeefeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 25: F197 tbitb $5, disp16(rp): 0x20 -> 0x20, F = 1
    movw $25, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x20, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    tbitb $5, 0xfff0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee20eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 26: F198 tbitb $5, disp20(rp): 0xdf -> 0xdf, F = 0
    movw $26, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0xdf, r1
    storb r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    tbitb $5, 0x80000(r12)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xeedfeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 27: F199 tbitb $2, [rx]disp20(rpx): 0x04 -> 0x04, F = 1
    movw $27, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x4, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    tbitb $2, [r12]0x2000d(r9,r8)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xee04eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 28: F200 cbitw $15, abs20: 0x8001 -> 0x0001, F = 1
    movw $28, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x8001, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    cbitw $15, 0x90005
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0001eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 29: F201 cbitw $15, abs24: 0x7fff -> 0x7fff, F = 0
    movw $29, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x7fff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    cbitw $15, 0x123445
    movw $0x0, r9
    bal (ra), chkf
    movd $0x7fffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 30: F202 cbitw $8, [rx]abs20: 0x0100 -> 0x0000, F = 1
    movw $30, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x100, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x101, (r12)
    cbitw $8, [r12]0xf0040
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 31: F203 cbitw $8, [rx]disp14(rpx): 0xfeff -> 0xfeff, F = 0
    movw $31, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xfeff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    cbitw $8, [r13]0x3fff(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xfeffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 32: F204 cbitw $0, disp20(rb): 0x0001 -> 0x0000, F = 1
    movw $32, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x1, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movw $0xffff, r4
    cbitw $0, 0x80004(r4)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 33: F205 cbitw $0, 0(rp): 0xfffe -> 0xfffe, F = 0
    movw $33, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xfffe, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    cbitw $0, 0(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xfffeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 34: F206 cbitw $15, disp16(rp): 0xffff -> 0x7fff, F = 1
    movw $34, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xffff, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    cbitw $15, 0xfff0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x7fffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 35: F207 cbitw $9, disp20(rp): 0x0000 -> 0x0000, F = 0
    movw $35, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    cbitw $9, 0x80000(r12)
    movw $0x0, r9
    bal (ra), chkf
    movd $0x0000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 36: F208 cbitw $14, [rx]disp20(rpx): 0x4000 -> 0x0000, F = 1
    movw $36, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x4000, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    cbitw $14, [r12]0x2000d(r9,r8)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 37: F209 sbitw $15, abs20: 0x0000 -> 0x8000, F = 0
    movw $37, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    sbitw $15, 0x90005
    movw $0x0, r9
    bal (ra), chkf
    movd $0x8000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 38: F210 sbitw $15, abs24: 0x8000 -> 0x8000, F = 1
    movw $38, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x8000, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    sbitw $15, 0x123445
    movw $0x20, r9
    bal (ra), chkf
    movd $0x8000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 39: F211 sbitw $8, [rx]abs20: 0x0000 -> 0x0100, F = 0
    movw $39, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x101, (r12)
    sbitw $8, [r12]0xf0040
    movw $0x0, r9
    bal (ra), chkf
    movd $0x0100eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 40: F212 sbitw $8, [rx]disp14(rpx): 0x0100 -> 0x0100, F = 1
    movw $40, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x100, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    sbitw $8, [r13]0x3fff(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0100eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 41: F213 sbitw $15, disp20(rb): 0x7fff -> 0xffff, F = 0
    movw $41, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x7fff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movw $0xffff, r4
    sbitw $15, 0x80004(r4)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xffffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 42: F214 sbitw $0, 0(rp): 0xffff -> 0xffff, F = 1
    movw $42, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xffff, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    sbitw $0, 0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0xffffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 43: F215 sbitw $0, disp16(rp): 0x0000 -> 0x0001, F = 0
    movw $43, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    sbitw $0, 0xfff0(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0x0001eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 44: F216 sbitw $12, disp20(rp): 0x1234 -> 0x1234, F = 1
    movw $44, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0x1234, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    sbitw $12, 0x80000(r12)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x1234eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 45: F217 sbitw $11, [rx]disp20(rpx): 0x0000 -> 0x0800, F = 0
    movw $45, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x0, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    sbitw $11, [r12]0x2000d(r9,r8)
    movw $0x0, r9
    bal (ra), chkf
    movd $0x0800eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 46: F218 tbitw $15, abs20: 0x8000 -> 0x8000, F = 1
    movw $46, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x8000, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    tbitw $15, 0x90005
    movw $0x20, r9
    bal (ra), chkf
    movd $0x8000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 47: F219 tbitw $15, abs24: 0x7fff -> 0x7fff, F = 0
    movw $47, r10
    movd $0x123445, (r7,r6)
    bal (ra), prep
    movw $0x7fff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    tbitw $15, 0x123445
    movw $0x0, r9
    bal (ra), chkf
    movd $0x7fffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 48: F220 tbitw $8, [rx]abs20: 0x0100 -> 0x0100, F = 1
    movw $48, r10
    movd $0xf0141, (r7,r6)
    bal (ra), prep
    movw $0x100, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x101, (r12)
    tbitw $8, [r12]0xf0040
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0100eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 49: F221 tbitw $8, [rx]disp14(rpx): 0xfeff -> 0xfeff, F = 0
    movw $49, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0xfeff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x8c000, (r13)
    movd $0x6, (r3,r2)
    tbitw $8, [r13]0x3fff(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xfeffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 50: F222 tbitw $0, disp20(rb): 0x0001 -> 0x0001, F = 1
    movw $50, r10
    movd $0x90003, (r7,r6)
    bal (ra), prep
    movw $0x1, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movw $0xffff, r4
    tbitw $0, 0x80004(r4)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0001eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 51: F223 tbitw $0, 0(rp): 0xfffe -> 0xfffe, F = 0
    movw $51, r10
    movd $0x90009, (r7,r6)
    bal (ra), prep
    movw $0xfffe, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x90009, (r3,r2)
    tbitw $0, 0(r3,r2)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xfffeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 52: F224 tbitw $14, disp16(rp): 0x4000 -> 0x4000, F = 1
    movw $52, r10
    movd $0x90005, (r7,r6)
    bal (ra), prep
    movw $0x4000, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x90005 - 0xfff0, (r3,r2)
    tbitw $14, 0xfff0(r3,r2)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x4000eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 53: F225 tbitw $14, disp20(rp): 0xbfff -> 0xbfff, F = 0
    movw $53, r10
    movd $0x9000b, (r7,r6)
    bal (ra), prep
    movw $0xbfff, r1
    storw r1, 0(r7,r6)
    movw $0x220, r0
    lpr r0, psr
    movd $0x1000b, (r12)
    tbitw $14, 0x80000(r12)
    movw $0x0, r9
    bal (ra), chkf
    movd $0xbfffeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 54: F226 tbitw $11, [rx]disp20(rpx): 0x0800 -> 0x0800, F = 1
    movw $54, r10
    movd $0x9000d, (r7,r6)
    bal (ra), prep
    movw $0x800, r1
    storw r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    movd $0x40000, (r12)
    movd $0x30000, (r9,r8)
    tbitw $11, [r12]0x2000d(r9,r8)
    movw $0x20, r9
    bal (ra), chkf
    movd $0x0800eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 55: F191 tbitb $4, abs20 0xf1235 reads 0xff1235 (0x11), not
    # 0x0f1235 (0xee: bit 4 clear)
    movw $55, r10
    movd $0x0f1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    movw $0x11, r1
    storb r1, 0(r7,r6)
    movw $0x200, r0
    lpr r0, psr
    tbitb $4, 0xff1235
    movw $0x20, r9
    bal (ra), chkf

    # 56: F209 sbitw $0, abs20 0xf1235 writes 0xff1235, not 0x0f1235
    movw $56, r10
    movd $0x0f1235, (r7,r6)
    bal (ra), prep
    movd $0xff1235, (r7,r6)
    bal (ra), prep
    movw $0x0000, r1
    storw r1, 0(r7,r6)
    sbitw $0, 0xff1235
    movd $0x0001eeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk
    movd $0x0f1235, (r7,r6)
    movd $0xeeeeeeee, (r9,r8)
    movd $0xeeeeeeee, (r5,r4)
    bal (ra), chk

    # 57: F227 tbit $bit, rs: bit 15 and bit 0 of r1; bit 15 of r12's
    # word view (r12 bits 31:16 are not looked at)
    movw $57, r10
    movw $0x8000, r1
    movw $0x200, r0
    lpr r0, psr
    tbit $15, r1
    movw $0x20, r9
    bal (ra), chkf
    tbit $0, r1
    movw $0, r9
    bal (ra), chkf
    movd $0xffff7fff, (r12)
    tbit $15, r12
    movw $0, r9
    bal (ra), chkf

    # 58: F228 tbit rpos, rs: the position is the low 4 bits of rpos
    # (0x13 -> bit 3)
    movw $58, r10
    movw $0x0008, r1
    movw $0x0013, r2
    movw $0x200, r0
    lpr r0, psr
    tbit r2, r1
    movw $0x20, r9
    bal (ra), chkf
    movw $0x000f, r2
    tbit r2, r1
    movw $0, r9
    bal (ra), chkf
    cmpw $0x0008, r1
    bne fail

    br pass

# PSR.F must equal r9 (0 or 0x20)
chkf:
    spr psr, r0
    andw $0x20, r0
    cmpw r9, r0
    bne fail
    jump (ra)

# Fill T-4 .. T+7 with 0xee (T in (r7,r6)); changes r8, r9 only.
prep:
    push $2, r4
    movd (r7,r6), (r5,r4)
    subd $4, (r5,r4)
    movd $0xeeeeeeee, (r9,r8)
    stord (r9,r8), 0(r5,r4)
    stord (r9,r8), 4(r5,r4)
    stord (r9,r8), 8(r5,r4)
    pop $2, r4
    jump (ra)

# The double words at T-2 and T+2 must be (r9,r8) and (r5,r4).
chk:
    movd (r7,r6), (r1,r0)
    subd $2, (r1,r0)
    loadd 0(r1,r0), (r3,r2)
    cmpd (r9,r8), (r3,r2)
    bne fail
    loadd 4(r1,r0), (r3,r2)
    cmpd (r5,r4), (r3,r2)
    bne fail
    jump (ra)

    .include "cr16-test-tail.inc"
