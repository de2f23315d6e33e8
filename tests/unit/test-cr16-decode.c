/*
 * Tests of the CR16C decoder and disassembler generated from
 * target/cr16/insn.decode.
 *
 * The decoder is compiled here against trans_ stubs (generated from the
 * same table) that record which function was called with which arguments,
 * so every test checks what the translator will see.  Expected values come
 * from the ISA reference (instructions.md), not from the table.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "target/cr16/disas.h"

typedef struct DisasContext {
    int calls;
    bool result;            /* what the trans_ stubs return */
    char name[32];
    int n;
    char names[8][16];
    int vals[8];
} DisasContext;

static bool cr16_test_record(DisasContext *ctx, const char *name, int n,
                             const char *const *names, const int *vals)
{
    ctx->calls++;
    g_strlcpy(ctx->name, name, sizeof(ctx->name));
    g_assert_cmpint(n, <=, 8);
    ctx->n = n;
    for (int i = 0; i < n; i++) {
        g_strlcpy(ctx->names[i], names[i], sizeof(ctx->names[i]));
        ctx->vals[i] = vals[i];
    }
    return ctx->result;
}

#include "target/cr16/decode-insn.c.inc"
#include "target/cr16/decode-test-stubs.c.inc"

/* Decode one instruction; returns the length decode_insn() reports. */
static int decode3(DisasContext *ctx, uint16_t w0, uint16_t w1, uint16_t w2)
{
    const uint16_t w[3] = { w0, w1, w2 };

    memset(ctx, 0, sizeof(*ctx));
    ctx->result = true;
    return decode_insn(ctx, w);
}

static int arg(DisasContext *ctx, const char *name)
{
    for (int i = 0; i < ctx->n; i++) {
        if (!strcmp(ctx->names[i], name)) {
            return ctx->vals[i];
        }
    }
    g_test_message("no argument %s in trans_%s", name, ctx->name);
    g_assert_not_reached();
}

/* Disassemble the words at PC and return the text (static buffer). */
static const char *disas3(uint32_t pc, uint16_t w0, uint16_t w1, uint16_t w2,
                          int *len)
{
    static char text[128];
    const uint8_t buf[6] = { w0, w0 >> 8, w1, w1 >> 8, w2, w2 >> 8 };

    *len = cr16_disas_insn(pc, buf, sizeof(buf), text, sizeof(text));
    return text;
}

static void check_disas(uint32_t pc, uint16_t w0, uint16_t w1, uint16_t w2,
                        const char *want, int want_len)
{
    int len;
    const char *got = disas3(pc, w0, w1, w2, &len);

    g_assert_cmpstr(got, ==, want);
    g_assert_cmpint(len, ==, want_len);
}

/* ---- decoding of encodings quoted in the ISA reference ---------------- */

/* isa.md 4.1 / instructions.md 1.4: movd $-5,(r1,r0) is "b0 54 fb ff" and
 * the imm16 of a double-word operation is sign-extended. */
static void test_movd_imm16_sign_extends(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x54b0, 0xfffb, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "MOV_imm");
    g_assert_cmpint(arg(&ctx, "imm"), ==, -5);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 0);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 2);
}

/* isa.md 4.1: movd $0x12345678,(r1,r0) is 70 00 34 12 78 56 (high half
 * of the immediate in W1). */
static void test_movd_imm32_word_order(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x0070, 0x1234, 0x5678), ==, 6);
    g_assert_cmpstr(ctx.name, ==, "MOV_imm");
    g_assert_cmpint(arg(&ctx, "imm"), ==, 0x12345678);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 2);
}

/* toolchain-abi.md 4: the breakpoint "excp bpt" is 0x00C8. */
static void test_excp_bpt(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x00c8, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "EXCP");
    g_assert_cmpint(arg(&ctx, "vec"), ==, 8);
}

/* instructions.md 1.4: imm4 9 means -1; 11 escapes to the imm16 form. */
static void test_imm4_escapes(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x3291, 0, 0), ==, 2);    /* addw $-1 */
    g_assert_cmpstr(ctx.name, ==, "ADD_imm");
    g_assert_cmpint(arg(&ctx, "imm"), ==, -1);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 1);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 1);

    g_assert_cmpint(decode3(&ctx, 0x32b1, 0x0009, 0), ==, 4); /* addw $9 */
    g_assert_cmpint(arg(&ctx, "imm"), ==, 9);

    g_assert_cmpint(decode3(&ctx, 0x30b1, 0x1234, 0), ==, 4); /* addb */
    g_assert_cmpint(arg(&ctx, "imm"), ==, 0x34);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 0);

    g_assert_cmpint(decode3(&ctx, 0x5aa2, 0, 0), ==, 2);    /* movw $10 */
    g_assert_cmpint(arg(&ctx, "imm"), ==, 10);
}

/* instructions.md 3.1: nop is 0x2C00, carved out of addub $0, r0. */
static void test_nop_before_addub(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x2c00, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "NOP");
    g_assert_cmpint(decode3(&ctx, 0x2c01, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "ADDU_imm");
}

/* instructions.md 8.2: push ra is 0x011E, i.e. $2 words from ra. */
static void test_push_ra(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x011e, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "PUSH");
    g_assert_cmpint(arg(&ctx, "cnt"), ==, 2);
    g_assert_cmpint(arg(&ctx, "rs"), ==, 14);
    g_assert_cmpint(arg(&ctx, "ra"), ==, 0);

    g_assert_cmpint(decode3(&ctx, 0x01a7, 0, 0), ==, 2); /* $3, r7, ra */
    g_assert_cmpint(arg(&ctx, "cnt"), ==, 3);
    g_assert_cmpint(arg(&ctx, "rs"), ==, 7);
    g_assert_cmpint(arg(&ctx, "ra"), ==, 1);
}

/* instructions.md 1.5: the three Bcond displacement encodings. */
static void test_branch_displacements(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x1001, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "BCOND");
    g_assert_cmpint(arg(&ctx, "disp"), ==, 2);
    g_assert_cmpint(decode3(&ctx, 0x1fef, 0, 0), ==, 2);
    g_assert_cmpint(arg(&ctx, "cc"), ==, 14);
    g_assert_cmpint(arg(&ctx, "disp"), ==, -2);

    /* 0001 1000 cccc 0000: the 32-bit form, W1 bit 0 is the sign. */
    g_assert_cmpint(decode3(&ctx, 0x1860, 0x0001, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "cc"), ==, 6);
    g_assert_cmpint(arg(&ctx, "disp"), ==, -65536);
    g_assert_cmpint(decode3(&ctx, 0x1860, 0xfffe, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 65534);
    g_assert_cmpint(decode3(&ctx, 0x1860, 0xffff, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "disp"), ==, -2);

    /* 48-bit: F = W1[3:0]:W1[11:8]:W2, bit 0 of F is the sign. */
    g_assert_cmpint(decode3(&ctx, 0x0010, 0x00e0, 0x0001), ==, 6);
    g_assert_cmpint(arg(&ctx, "cc"), ==, 14);
    g_assert_cmpint(arg(&ctx, "disp"), ==, -(1 << 24));
    g_assert_cmpint(decode3(&ctx, 0x0010, 0x0fef, 0xfffe), ==, 6);
    g_assert_cmpint(arg(&ctx, "disp"), ==, (1 << 24) - 2);

    /* beq0b: forward only, 2 * n + 2. */
    g_assert_cmpint(decode3(&ctx, 0x0cf3, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "BEQ0");
    g_assert_cmpint(arg(&ctx, "disp"), ==, 32);
    g_assert_cmpint(arg(&ctx, "rs"), ==, 3);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 0);

    /* bal (ra), disp24: 32 bits, link in ra. */
    g_assert_cmpint(decode3(&ctx, 0xc000, 0x0022, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "BAL");
    g_assert_cmpint(arg(&ctx, "rl"), ==, 14);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0x22);
}

/* isa.md 4: abs20 0xF0000.. reaches 0xFF0000..; index forms do not remap. */
static void test_abs20_remap(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x892f, 0x1234, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "LOAD");
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0xff1234);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 2);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 1);
    g_assert_cmpint(arg(&ctx, "rx"), ==, -1);
    g_assert_cmpint(arg(&ctx, "rp"), ==, -1);
    g_assert_cmpint(arg(&ctx, "rb"), ==, -1);

    g_assert_cmpint(decode3(&ctx, 0x8921, 0x1234, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0x11234);

    /* loadw [r13]abs20: index select in W0[8]. */
    g_assert_cmpint(decode3(&ctx, 0x8f2f, 0x1234, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0xf1234);
    g_assert_cmpint(arg(&ctx, "rx"), ==, 13);
}

/* instructions.md 1.5 and 7: scaled disp4, index pairs, disp14 layout and
 * the negative disp20. */
static void test_memory_operands(void)
{
    DisasContext ctx;

    /* loadw 0x4(r1,r0), r2 */
    g_assert_cmpint(decode3(&ctx, 0x9220, 0, 0), ==, 2);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 4);
    g_assert_cmpint(arg(&ctx, "rp"), ==, 0);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 2);

    /* loadb [r12]0(r4,r3), r5: index pair code 6 is (r4,r3). */
    g_assert_cmpint(decode3(&ctx, 0xbe56, 0, 0), ==, 2);
    g_assert_cmpint(arg(&ctx, "rx"), ==, 12);
    g_assert_cmpint(arg(&ctx, "rp"), ==, 3);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 5);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0);

    /* loadd [r13]0x2bcd(r5,r4), (r5,r4) with the data pair in W1[7:4]
     * (instructions.md 11.1 gives the corrected layout). */
    g_assert_cmpint(decode3(&ctx, 0x868a, 0xeb4d, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "LOAD");
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0x2bcd);
    g_assert_cmpint(arg(&ctx, "rx"), ==, 13);
    g_assert_cmpint(arg(&ctx, "rp"), ==, 4);
    g_assert_cmpint(arg(&ctx, "rd"), ==, 4);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 2);

    /* loadw -0x4(r1,r0), r2: field 0xffffc means -4. */
    g_assert_cmpint(decode3(&ctx, 0x0018, 0xdf20, 0xfffc), ==, 6);
    g_assert_cmpint(arg(&ctx, "disp"), ==, -4);
    g_assert_cmpint(arg(&ctx, "rp"), ==, 0);

    /* storb $imm4, 0(rp): the immediate is unsigned. */
    g_assert_cmpint(decode3(&ctx, 0x82f2, 0, 0), ==, 2);
    g_assert_cmpstr(ctx.name, ==, "STOR_imm");
    g_assert_cmpint(arg(&ctx, "imm"), ==, 15);
}

/* Short load/store disp nibble 0xE and 0xF select other forms. */
static void test_disp4_escapes(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x9e20, 0, 0), ==, 2);
    g_assert_cmpint(arg(&ctx, "rx"), ==, 12);
    g_assert_cmpint(decode3(&ctx, 0x9f20, 0x1234, 0), ==, 4);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0x1234);
    g_assert_cmpint(arg(&ctx, "rx"), ==, -1);
    g_assert_cmpint(decode3(&ctx, 0x9d20, 0, 0), ==, 2);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 26);
}

/* instructions.md 6 and 12: byte bit forms ignore W1[7] on decode. */
static void test_byte_bit_position_w1_7(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x0010, 0x75f4, 0x5678), ==, 6);
    g_assert_cmpstr(ctx.name, ==, "CBIT");
    g_assert_cmpint(arg(&ctx, "bit"), ==, 7);
    g_assert_cmpint(arg(&ctx, "sz"), ==, 0);
    g_assert_cmpint(arg(&ctx, "disp"), ==, 0x455678);
}

/* ---- reserved encodings ------------------------------------------------ */

/* Every W0 that instructions.md 1.2 lists as reserved, plus Scond 14/15. */
static const struct {
    uint16_t first, last;
} reserved_w0[] = {
    { 0x0000, 0x0002 }, { 0x0008, 0x0009 }, { 0x0015, 0x0017 },
    { 0x001a, 0x001f }, { 0x0080, 0x008f }, { 0x00e0, 0x00ff },
    { 0x08e0, 0x08ff }, { 0x0900, 0x097f }, { 0x8000, 0x80ff },
    { 0xffff, 0xffff },
};

static void test_reserved_w0_is_und(void)
{
    static const uint16_t fill[] = { 0x0000, 0xffff, 0x5a5a, 0x1234 };

    for (size_t i = 0; i < G_N_ELEMENTS(reserved_w0); i++) {
        for (uint32_t w0 = reserved_w0[i].first; w0 <= reserved_w0[i].last;
             w0++) {
            for (size_t j = 0; j < G_N_ELEMENTS(fill); j++) {
                DisasContext ctx;

                if (decode3(&ctx, w0, fill[j], fill[j] ^ 0xf0f0) != 0 ||
                    ctx.calls != 0) {
                    g_test_message("W0=%04x decoded as trans_%s", w0,
                                   ctx.name);
                    g_test_fail();
                    return;
                }
            }
        }
    }
}

/* 0x0018/0x0019 exist only for sub-opcodes 4, 5, 8, 9, C, D; LPR/SPR need
 * W1[11:8] = 0. */
static void test_reserved_sub_opcodes_are_und(void)
{
    static const int bad[] = { 0, 1, 2, 3, 6, 7, 0xa, 0xb, 0xe, 0xf };
    DisasContext ctx;

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_cmpint(decode3(&ctx, 0x0018, bad[i] << 12, 0), ==, 0);
        g_assert_cmpint(decode3(&ctx, 0x0019, bad[i] << 12, 0), ==, 0);
    }
    g_assert_cmpint(decode3(&ctx, 0x0018, 0xc000, 0), ==, 6);
    g_assert_cmpint(decode3(&ctx, 0x0014, 0x0191, 0), ==, 0);
    g_assert_cmpint(decode3(&ctx, 0x0014, 0x0091, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "LPR");
    g_assert_cmpint(arg(&ctx, "pr"), ==, 9);
}

/* instructions.md 12: the PRM's 48/48/32-bit no-operations. */
static void test_reserved_nops(void)
{
    DisasContext ctx;

    g_assert_cmpint(decode3(&ctx, 0x0010, 0x1000, 0), ==, 6);
    g_assert_cmpstr(ctx.name, ==, "RESERVED_NOP");
    g_assert_cmpint(decode3(&ctx, 0x0010, 0x3fff, 0xffff), ==, 6);
    g_assert_cmpint(decode3(&ctx, 0x0011, 0x2000, 0), ==, 6);
    g_assert_cmpstr(ctx.name, ==, "RESERVED_NOP");
    g_assert_cmpint(decode3(&ctx, 0x0014, 0x7000, 0), ==, 4);
    g_assert_cmpstr(ctx.name, ==, "RESERVED_NOP");
}

/* A trans_ function that refuses its arguments makes the insn UND. */
static void test_trans_false_means_und(void)
{
    DisasContext ctx = { .result = false };
    const uint16_t w[3] = { 0x00c3, 0, 0 };

    g_assert_cmpint(decode_insn(&ctx, w), ==, 0);
    g_assert_cmpint(ctx.calls, ==, 1);
    g_assert_cmpstr(ctx.name, ==, "EXCP");
}

/* ---- lengths ------------------------------------------------------------ */

static void test_insn_length_rules(void)
{
    g_assert_cmpint(cr16_insn_length(0x0012), ==, 6);
    g_assert_cmpint(cr16_insn_length(0x0014), ==, 4);
    g_assert_cmpint(cr16_insn_length(0x0070), ==, 6);
    g_assert_cmpint(cr16_insn_length(0x0503), ==, 4);
    g_assert_cmpint(cr16_insn_length(0x18c0), ==, 4);
    g_assert_cmpint(cr16_insn_length(0x18c1), ==, 2);
    g_assert_cmpint(cr16_insn_length(0x30b1), ==, 4);
    g_assert_cmpint(cr16_insn_length(0x3091), ==, 2);
    g_assert_cmpint(cr16_insn_length(0xbf00), ==, 4);
    g_assert_cmpint(cr16_insn_length(0xbe00), ==, 2);
    g_assert_cmpint(cr16_insn_length(0xc000), ==, 4);
    g_assert_cmpint(cr16_insn_length(0xffff), ==, 2);
    g_assert_cmpint(cr16_disas_insn_length(0x0013), ==, 6);
}

/*
 * All 65536 first words, each with several W1/W2: the decoder never
 * crashes, its length agrees with cr16_insn_length(), it calls exactly one
 * trans_ function when it accepts, and the disassembler agrees on what is
 * an instruction.
 */
static void test_w0_sweep(void)
{
    static const uint16_t fill[][2] = {
        { 0x0000, 0x0000 }, { 0xffff, 0xffff }, { 0x8000, 0x0001 },
        { 0x1234, 0xfedc },
    };
    int accepted = 0;

    for (uint32_t w0 = 0; w0 <= 0xffff; w0++) {
        for (size_t j = 0; j < G_N_ELEMENTS(fill); j++) {
            DisasContext ctx;
            uint16_t w[3] = { w0, fill[j][0], fill[j][1] };
            int len = decode3(&ctx, w[0], w[1], w[2]);
            const char *id = cr16_disas_form_id(w);
            int dlen;
            const char *text = disas3(0x1000, w[0], w[1], w[2], &dlen);

            if (len) {
                accepted++;
                g_assert_cmpint(len, ==, cr16_insn_length(w0));
                g_assert_cmpint(ctx.calls, ==, 1);
                g_assert_nonnull(id);
                g_assert_cmpint(id[0], !=, 'U');
                g_assert_cmpint(dlen, ==, len);
            } else {
                g_assert_cmpint(ctx.calls, ==, 0);
                g_assert_true(id == NULL || id[0] == 'U');
                g_assert_cmpint(dlen, ==, 2);
                g_assert_true(g_str_has_prefix(text, ".word 0x"));
            }
            g_assert_cmpint(strlen(text), >, 0);
        }
    }
    /* Nearly all of the 16-bit space is instructions. */
    g_assert_cmpint(accepted, >, 4 * 65000);
}

/* ---- disassembler text ---------------------------------------------------- */

static void test_disas_golden(void)
{
    check_disas(0x1000, 0x54b0, 0xfffb, 0, "movd $-0x5, (r1,r0)", 4);
    check_disas(0x1000, 0x0070, 0x1234, 0x5678,
                "movd $0x12345678, (r1,r0)", 6);
    check_disas(0x1000, 0x5ab1, 0x1234, 0, "movw $0x1234, r1", 4);
    check_disas(0x1000, 0x9220, 0, 0, "loadw 0x4(r1,r0), r2", 2);
    check_disas(0x1000, 0x00c8, 0, 0, "excp bpt", 2);
    check_disas(0x1000, 0x011e, 0, 0, "push ra", 2);
    check_disas(0x1000, 0x01a7, 0, 0, "push $3, r7, ra", 2);
    check_disas(0x1000, 0x2c00, 0, 0, "nop", 2);
    check_disas(0x1000, 0x000f, 0, 0, "cinv [d,i,u]", 2);
    check_disas(0x1000, 0x0014, 0x0091, 0, "lpr r1, psr", 4);
    check_disas(0x1000, 0x0014, 0x30c2, 0, "sprd isp, (r3,r2)", 4);
    check_disas(0x1000, 0x0aee, 0, 0, "jump (ra)", 2);
    check_disas(0x1000, 0x0ade, 0, 0, "jge (ra)", 2);
    check_disas(0x1000, 0x0014, 0x800e, 0, "jal (ra), (r1,r0)", 4);
}

static void test_disas_branch_targets(void)
{
    /* Branches print the absolute target: PC + displacement. */
    check_disas(0x1000, 0x1100, 0, 0, "beq 0x1020", 2);
    check_disas(0x1000, 0x1fef, 0, 0, "br 0xffe", 2);
    check_disas(0x20000, 0x1860, 0x0001, 0, "bgt 0x10000", 4);
    check_disas(0x1000, 0xc000, 0x0022, 0, "bal (ra), 0x1022", 4);
    check_disas(0x1000, 0x0cf3, 0, 0, "beq0b r3, 0x1020", 2);
    /* The 24-bit code space wraps. */
    check_disas(0x0, 0x1fef, 0, 0, "br 0xfffffe", 2);
}

static void test_disas_memory_operands(void)
{
    check_disas(0x1000, 0x892f, 0x1234, 0, "loadw 0xff1234, r2", 4);
    check_disas(0x1000, 0x8f2f, 0x1234, 0, "loadw [r13]0xf1234, r2", 4);
    check_disas(0x1000, 0x868a, 0xeb4d, 0,
                "loadd [r13]0x2bcd(r5,r4), (r5,r4)", 4);
    check_disas(0x1000, 0x0018, 0xdf20, 0xfffc, "loadw -0x4(r1,r0), r2", 6);
    check_disas(0x1000, 0x0012, 0xc04c, 0x0010, "loadw 0x10(r12_L), r4", 6);
    check_disas(0x1000, 0x0012, 0xc043, 0x0010, "loadw 0x10(r3), r4", 6);
    check_disas(0x1000, 0xbe56, 0, 0, "loadb [r12]0(r4,r3), r5", 2);
    check_disas(0x1000, 0x82f2, 0, 0, "storb $0xf, 0(r3,r2)", 2);
}

static void test_disas_unknown_and_short(void)
{
    char text[64];
    const uint8_t one[1] = { 0x12 };
    const uint8_t trunc[3] = { 0x14, 0x00, 0x91 };
    const uint8_t r001[6] = { 0x10, 0x00, 0x00, 0x10, 0x00, 0x00 };

    check_disas(0x1000, 0x0000, 0, 0, ".word 0x0000", 2);
    check_disas(0x1000, 0xffff, 0, 0, ".word 0xffff", 2);
    g_assert_cmpint(cr16_disas_insn(0, one, 1, text, sizeof(text)), ==, 1);
    g_assert_cmpstr(text, ==, ".byte 0x12");
    g_assert_cmpint(cr16_disas_insn(0, trunc, 3, text, sizeof(text)), ==, 2);
    g_assert_cmpstr(text, ==, ".word 0x0014");
    g_assert_cmpint(cr16_disas_insn(0, r001, 6, text, sizeof(text)), ==, 6);
    g_assert_cmpstr(text, ==, ".word 0x0010, 0x1000, 0x0000");
    g_assert_cmpint(cr16_disas_insn(0, one, 0, text, sizeof(text)), ==, 0);
    g_assert_cmpstr(text, ==, "");
}

static void test_disas_output_truncates(void)
{
    char text[8];
    const uint8_t buf[6] = { 0x70, 0x00, 0x34, 0x12, 0x78, 0x56 };

    memset(text, 'x', sizeof(text));
    g_assert_cmpint(cr16_disas_insn(0, buf, 6, text, sizeof(text)), ==, 6);
    g_assert_cmpstr(text, ==, "movd $0");
}

static void test_disas_fprintf(void)
{
    const uint8_t buf[] = { 0xb1, 0x5a, 0x34, 0x12, 0x00, 0x2c };
    g_autofree char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);

    cr16_disas_fprintf(f, 0x1000, buf, sizeof(buf), 0);
    fclose(f);
    g_assert_cmpstr(out, ==,
                    "0x001000:  b1 5a 34 12        movw $0x1234, r1\n"
                    "0x001004:  00 2c              nop\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cr16/decode/golden/movd-imm16-sign-extends",
                    test_movd_imm16_sign_extends);
    g_test_add_func("/cr16/decode/golden/movd-imm32-word-order",
                    test_movd_imm32_word_order);
    g_test_add_func("/cr16/decode/golden/excp-bpt", test_excp_bpt);
    g_test_add_func("/cr16/decode/imm4-escapes", test_imm4_escapes);
    g_test_add_func("/cr16/decode/nop-before-addub", test_nop_before_addub);
    g_test_add_func("/cr16/decode/push-ra", test_push_ra);
    g_test_add_func("/cr16/decode/branch-displacements",
                    test_branch_displacements);
    g_test_add_func("/cr16/decode/abs20-remap", test_abs20_remap);
    g_test_add_func("/cr16/decode/memory-operands", test_memory_operands);
    g_test_add_func("/cr16/decode/disp4-escapes", test_disp4_escapes);
    g_test_add_func("/cr16/decode/byte-bit-ignores-w1-bit7",
                    test_byte_bit_position_w1_7);
    g_test_add_func("/cr16/decode/reserved/w0-is-und",
                    test_reserved_w0_is_und);
    g_test_add_func("/cr16/decode/reserved/sub-opcodes-are-und",
                    test_reserved_sub_opcodes_are_und);
    g_test_add_func("/cr16/decode/reserved/no-operations",
                    test_reserved_nops);
    g_test_add_func("/cr16/decode/trans-false-means-und",
                    test_trans_false_means_und);
    g_test_add_func("/cr16/decode/length-rules", test_insn_length_rules);
    g_test_add_func("/cr16/decode/w0-sweep", test_w0_sweep);
    g_test_add_func("/cr16/disas/golden", test_disas_golden);
    g_test_add_func("/cr16/disas/branch-targets", test_disas_branch_targets);
    g_test_add_func("/cr16/disas/memory-operands",
                    test_disas_memory_operands);
    g_test_add_func("/cr16/disas/unknown-and-short",
                    test_disas_unknown_and_short);
    g_test_add_func("/cr16/disas/output-truncates",
                    test_disas_output_truncates);
    g_test_add_func("/cr16/disas/fprintf", test_disas_fprintf);
    return g_test_run();
}
