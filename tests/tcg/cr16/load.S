# Loads in all twelve addressing modes for bytes, words and double words
# (instructions.md 7, 7.1: F229-F264).  The test fills a few 64-byte
# areas with the pattern byte[k] = 0xc0 + k, so the word at offset k is
# (0xc1+k) << 8 | (0xc0+k) and the double word is the four bytes from k
# upwards, little-endian.  Checked along the way:
#  - LOADB writes rd[7:0] only; LOADW into r12 keeps bits 31:16;
#  - unaligned word and double-word loads (PRM 2.5.1: any boundary);
#  - abs20 addresses 0xF0000-0xFFFFF reach 0xFF0000-0xFFFFFF, but the
#    [rx]abs20 index forms add abs20 without that remap;
#  - disp16 and disp20 are zero-extended, -disp20 is disp20 - 0x100000;
#  - disp20(rb) zero-extends the 16-bit base register;
#  - the disp4 maxima (13 for bytes, 26 for words and double words);
#  - index pairs from the 3-bit list, including (r4,r3) and (r6,r5).
    .include "cr16-test.inc"
    .equ PAT, DATA              # 0x80000
    .equ LOW, 0xe000            # below 64 KiB, for -disp20(rb)
    .equ HI24, 0x123440         # only abs24 reaches it
    .equ REMAP, 0xff1230        # abs20 0xf1230 after the remap
    .equ NOREMAP, 0x0f1230      # what abs20 0xf1230 would be without it
    .equ IDX, 0x0f0140          # [rx]abs20 target: no remap
    .equ IDXREMAP, 0xff0140
    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $PAT, (r1,r0)
    bal (ra), fillpat
    movd $LOW, (r1,r0)
    bal (ra), fillpat
    movd $HI24, (r1,r0)
    bal (ra), fillpat
    movd $REMAP, (r1,r0)
    bal (ra), fillpat
    movd $IDX, (r1,r0)
    bal (ra), fillpat
    movd $NOREMAP, (r1,r0)
    movw $0x5a, r2
    bal (ra), fillval
    movd $IDXREMAP, (r1,r0)
    movw $0x5a, r2
    bal (ra), fillval

    # ---- LOADB ---------------------------------------------------------------
    # 1: F229 loadb abs20; bits 15:8 of rd kept
    movw $1, r10
    movw $0x3300, r1
    loadb 0x80005, r1
    cmpw $0x33c5, r1
    bne fail

    # 2: F229 loadb abs20 0xf1235 reads 0xff1235 (remap)
    movw $2, r10
    movw $0, r1
    loadb 0xff1235, r1
    cmpw $0x00c5, r1
    bne fail

    # 3: F230 loadb abs24
    movw $3, r10
    movw $0xaa00, r1
    loadb 0x123445, r1
    cmpw $0xaac5, r1
    bne fail

    # 4: F231 loadb [r12]abs20 and [r13]abs20: r12 + 0xf0040 is not
    # remapped
    movw $4, r10
    movd $0x100, (r12)
    movw $0, r1
    loadb [r12]0xf0040, r1
    cmpw $0x00c0, r1
    bne fail
    movd $0x7ff00, (r13)
    loadb [r13]0x107, r1
    cmpw $0x00c7, r1
    bne fail

    # 5: F232 loadb disp4(rp): 0 and the maximum 13
    movw $5, r10
    movd $PAT, (r3,r2)
    movw $0x1100, r1
    loadb 13(r3,r2), r1
    cmpw $0x11cd, r1
    bne fail
    loadb 0(r3,r2), r1
    cmpw $0x11c0, r1
    bne fail

    # 6: F233 loadb [r13]0(r1,r0)
    movw $6, r10
    movd $PAT, (r13)
    movd $3, (r1,r0)
    movw $0x2200, r4
    loadb [r13]0(r1,r0), r4
    cmpw $0x22c3, r4
    bne fail

    # 7: F234 loadb [r12]disp14(rpx): r12 + 2 + 0x3ff0
    movw $7, r10
    movd $PAT - 0x3ff0, (r12)
    movd $2, (r3,r2)
    movw $0, r4
    loadb [r12]0x3ff0(r3,r2), r4
    cmpw $0x00c2, r4
    bne fail

    # 8: F235 loadb -disp20(rb): 0xe010 - 0x10
    movw $8, r10
    movw $LOW + 0x10, r4
    movw $0, r1
    loadb -0x10(r4), r1
    cmpw $0x00c0, r1
    bne fail

    # 9: F236 loadb disp20(rb): rb 0xffff is zero-extended
    movw $9, r10
    movw $0xffff, r4
    movw $0, r1
    loadb 0x70001(r4), r1
    cmpw $0x00c0, r1
    bne fail

    # 10: F237 loadb disp16(rp): 0xfff5 is zero-extended
    movw $10, r10
    movd $PAT - 0xfff0, (r3,r2)
    movw $0, r1
    loadb 0xfff5(r3,r2), r1
    cmpw $0x00c5, r1
    bne fail

    # 11: F238 loadb disp20(rp)
    movw $11, r10
    movd $0x10, (r3,r2)
    movw $0, r1
    loadb 0x7fff6(r3,r2), r1
    cmpw $0x00c6, r1
    bne fail

    # 12: F239 loadb -disp20(rp): 0x100008 - 0x80000
    movw $12, r10
    movd $0x100008, (r3,r2)
    movw $0, r1
    loadb -0x80000(r3,r2), r1
    cmpw $0x00c8, r1
    bne fail

    # 13: F240 loadb [r13]disp20(rpx): 0x40000 + 0x30000 + 0x10009
    movw $13, r10
    movd $0x40000, (r13)
    movd $0x30000, (r5,r4)
    movw $0, r1
    loadb [r13]0x10009(r5,r4), r1
    cmpw $0x00c9, r1
    bne fail

    # ---- LOADW ---------------------------------------------------------------
    # 14: F253 loadw abs20, unaligned, into r12 (bits 31:16 kept)
    movw $14, r10
    movd $0x55550000, (r12)
    loadw 0x80001, r12
    cmpd $0x5555c2c1, (r12)
    bne fail

    # 15: F253 loadw abs20 with the remap
    movw $15, r10
    loadw 0xff1232, r1
    cmpw $0xc3c2, r1
    bne fail

    # 16: F254 loadw abs24, unaligned
    movw $16, r10
    loadw 0x123447, r1
    cmpw $0xc8c7, r1
    bne fail

    # 17: F255 loadw [r13]abs20
    movw $17, r10
    movd $0x100, (r13)
    loadw [r13]0x7ff02, r1
    cmpw $0xc3c2, r1
    bne fail

    # 18: F256 loadw disp4(rp): the maximum 26 (field 13, times 2)
    movw $18, r10
    movd $PAT, (r3,r2)
    loadw 26(r3,r2), r1
    cmpw $0xdbda, r1
    bne fail

    # 19: F257 loadw [r12]0(rpx) with the pair (r7,r6)
    movw $19, r10
    movd $PAT, (r12)
    movd $5, (r7,r6)
    loadw [r12]0(r7,r6), r1
    cmpw $0xc6c5, r1
    bne fail

    # 20: F258 loadw [r12]disp14(rpx): the maximum disp14 0x3fff
    movw $20, r10
    movd $PAT - 0x4000, (r12)
    movd $1, (r1,r0)
    loadw [r12]0x3fff(r1,r0), r2
    cmpw $0xc1c0, r2
    bne fail

    # 21: F259 loadw -disp20(rb)
    movw $21, r10
    movw $LOW + 0x20, r4
    loadw -0x1f(r4), r1
    cmpw $0xc2c1, r1
    bne fail

    # 22: F260 loadw disp20(rb)
    movw $22, r10
    movw $0x8000, r4
    loadw 0x78003(r4), r1
    cmpw $0xc4c3, r1
    bne fail

    # 23: F261 loadw disp16(rp): 0x11 and a zero-extended 0xfff4
    movw $23, r10
    movd $PAT, (r3,r2)
    loadw 0x11(r3,r2), r1
    cmpw $0xd2d1, r1
    bne fail
    movd $PAT - 0xfff0, (r3,r2)
    loadw 0xfff4(r3,r2), r1
    cmpw $0xc5c4, r1
    bne fail

    # 24: F262 loadw disp20(rp)
    movw $24, r10
    movd $0, (r3,r2)
    loadw 0x8000c(r3,r2), r1
    cmpw $0xcdcc, r1
    bne fail

    # 25: F263 loadw -disp20(rp)
    movw $25, r10
    movd $PAT + 0x100, (r3,r2)
    loadw -0xf1(r3,r2), r1
    cmpw $0xd0cf, r1
    bne fail

    # 26: F264 loadw [r12]disp20(rpx) with the pair (r4,r3)
    movw $26, r10
    movd $1, (r12)
    movd $0x4000f, (r4,r3)
    loadw [r12]0x40000(r4,r3), r1
    cmpw $0xd1d0, r1
    bne fail

    # ---- LOADD ---------------------------------------------------------------
    # 27: F241 loadd abs20, unaligned (offset 2 is word- but not
    # double-aligned, offset 3 is odd)
    movw $27, r10
    loadd 0x80002, (r1,r0)
    cmpd $0xc5c4c3c2, (r1,r0)
    bne fail
    loadd 0x80003, (r1,r0)
    cmpd $0xc6c5c4c3, (r1,r0)
    bne fail

    # 28: F242 loadd abs24
    movw $28, r10
    loadd 0x123443, (r1,r0)
    cmpd $0xc6c5c4c3, (r1,r0)
    bne fail

    # 29: F243 loadd [r12]abs20
    movw $29, r10
    movd $PAT - 0x10, (r12)
    loadd [r12]0x11, (r1,r0)
    cmpd $0xc4c3c2c1, (r1,r0)
    bne fail

    # 30: F244 loadd disp4(rp): 0 and the maximum 26
    movw $30, r10
    movd $PAT, (r3,r2)
    loadd 0(r3,r2), (r1,r0)
    cmpd $0xc3c2c1c0, (r1,r0)
    bne fail
    loadd 26(r3,r2), (r1,r0)
    cmpd $0xdddcdbda, (r1,r0)
    bne fail

    # 31: F245 loadd [r13]0(rpx)
    movw $31, r10
    movd $PAT, (r13)
    movd $8, (r3,r2)
    loadd [r13]0(r3,r2), (r1,r0)
    cmpd $0xcbcac9c8, (r1,r0)
    bne fail

    # 32: F246 loadd [r13]disp14(rpx) with (r9,r8)
    movw $32, r10
    movd $PAT, (r13)
    movd $0, (r9,r8)
    loadd [r13]0xc(r9,r8), (r1,r0)
    cmpd $0xcfcecdcc, (r1,r0)
    bne fail

    # 33: F247 loadd -disp20(rb)
    movw $33, r10
    movw $LOW + 4, r4
    loadd -4(r4), (r1,r0)
    cmpd $0xc3c2c1c0, (r1,r0)
    bne fail

    # 34: F248 loadd disp20(rb)
    movw $34, r10
    movw $1, r5
    loadd 0x80000(r5), (r1,r0)
    cmpd $0xc4c3c2c1, (r1,r0)
    bne fail

    # 35: F249 loadd disp16(rp)
    movw $35, r10
    movd $PAT, (r3,r2)
    loadd 0x20(r3,r2), (r1,r0)
    cmpd $0xe3e2e1e0, (r1,r0)
    bne fail

    # 36: F250 loadd disp20(rp) with the 32-bit r12 as base
    movw $36, r10
    movd $1, (r12)
    loadd 0x8001f(r12), (r1,r0)
    cmpd $0xe3e2e1e0, (r1,r0)
    bne fail

    # 37: F251 loadd -disp20(rp) with r13
    movw $37, r10
    movd $PAT + 0x10000, (r13)
    loadd -0xfff0(r13), (r1,r0)
    cmpd $0xd3d2d1d0, (r1,r0)
    bne fail

    # 38: F252 loadd [r13]disp20(rpx) with (r6,r5)
    movw $38, r10
    movd $0x40000, (r13)
    movd $0x30000, (r6,r5)
    loadd [r13]0x10006(r6,r5), (r1,r0)
    cmpd $0xc9c8c7c6, (r1,r0)
    bne fail

    # 39: F241 loadd and F253 loadw across a 1 KiB page boundary (the
    # softmmu's page size): the pattern at 0x803fc..0x80403 is written
    # byte by byte first
    movw $39, r10
    movd $0x803fc, (r1,r0)
    bal (ra), fillpat
    loadd 0x803fe, (r1,r0)
    cmpd $0xc5c4c3c2, (r1,r0)
    bne fail
    loadw 0x803ff, r2
    cmpw $0xc4c3, r2
    bne fail

    br pass

# 64 bytes at (r1,r0): 0xc0, 0xc1, ... 0xff
fillpat:
    movw $0xc0, r2
1:  storb r2, 0(r1,r0)
    addd $1, (r1,r0)
    addw $1, r2
    cmpw $0x100, r2
    bne 1b
    jump (ra)

# 64 bytes of r2 at (r1,r0)
fillval:
    movw $64, r3
1:  storb r2, 0(r1,r0)
    addd $1, (r1,r0)
    subw $1, r3
    cmpw $0, r3
    bne 1b
    jump (ra)

    .include "cr16-test-tail.inc"
