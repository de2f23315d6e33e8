/*
 * CR16C disassembler.
 *
 * All knowledge of encodings lives in insn.decode: the build turns it into
 * disas-insn.c.inc, a table with one entry per form (its template and the
 * bit ranges of its fields) and a matcher.  This file only extracts the
 * fields and prints them in GNU as syntax.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "target/cr16/disas.h"
#include "target/cr16/disas-insn.c.inc"

/* An output buffer that never overflows and always stays terminated. */
typedef struct DisBuf {
    char *p;
    size_t size;
    size_t pos;
} DisBuf;

static void QEMU_PRINTF(2, 3) dis_printf(DisBuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (b->pos >= b->size) {
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(b->p + b->pos, b->size - b->pos, fmt, ap);
    va_end(ap);
    if (n > 0) {
        b->pos = MIN(b->pos + (size_t)n, b->size - 1);
    }
}

static const char *const reg_names[16] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "ra", "sp",
};

/* Base registers of disp20(rb): 12..15 are the low halves, and must not
 * read as the 32-bit pairs (r12), (r13), (ra), (sp). */
static const char *const reg16_names[16] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12_L", "r13_L", "ra_L", "sp_L",
};

static const char *const pair_names[16] = {
    "r1,r0", "r2,r1", "r3,r2", "r4,r3", "r5,r4", "r6,r5", "r7,r6",
    "r8,r7", "r9,r8", "r10,r9", "r11,r10", "r12,r11",
    "r12", "r13", "ra", "sp",
};

/* b<cc>: 14 is "br"; 15 (always, which GNU as cannot emit) is "buc". */
static const char *const bcond_suffix[16] = {
    "eq", "ne", "cs", "cc", "hi", "ls", "gt", "le",
    "fs", "fc", "lo", "hs", "lt", "ge", "r", "uc",
};

static const char *const preg16_names[16] = {
    "dbs", "dsr", "dcrl", "dcrh", "car0l", "car0h", "car1l", "car1h",
    "cfg", "psr", "intbasel", "intbaseh", "ispl", "isph", "uspl", "usph",
};

/* Reserved 32-bit codes print with their 16-bit names (isa.md 2.3). */
static const char *const preg32_names[16] = {
    "dbs", "dsr", "dcr", "dcrh", "car0", "car0h", "car1", "car1h",
    "cfg", "psr", "intbase", "intbaseh", "isp", "isph", "usp", "usph",
};

static const char *const vec_names[16] = {
    NULL, NULL, NULL, NULL, NULL, "svc", "dvz", "flg",
    "bpt", "trc", "und", NULL, "iad", NULL, "dbg", "ise",
};

static uint32_t dis_field_raw(const CR16DisField *f, const uint16_t w[3])
{
    uint32_t v = 0;

    for (int i = 0; i < f->nranges; i++) {
        int word = f->range[i][0];
        int hi = f->range[i][1];
        int lo = f->range[i][2];
        int n = hi - lo + 1;

        v = (v << n) | ((w[word] >> lo) & ((1u << n) - 1));
    }
    return v;
}

static void dis_hex(DisBuf *b, int32_t v)
{
    if (v < 0) {
        dis_printf(b, "-0x%" PRIx32, (uint32_t)0 - (uint32_t)v);
    } else {
        dis_printf(b, "0x%" PRIx32, (uint32_t)v);
    }
}

static void dis_field(DisBuf *b, const CR16DisField *f, const uint16_t w[3],
                      uint32_t pc)
{
    int32_t v = cr16_dec_value(f->kind, dis_field_raw(f, w), f->width);

    switch (f->style) {
    case CR16_STYLE_REG:
        dis_printf(b, "%s", reg_names[v & 15]);
        break;
    case CR16_STYLE_REG16:
        dis_printf(b, "%s", reg16_names[v & 15]);
        break;
    case CR16_STYLE_PAIR:
        dis_printf(b, "%s", pair_names[v & 15]);
        break;
    case CR16_STYLE_SIMM:
    case CR16_STYLE_DISP:
        dis_hex(b, v);
        break;
    case CR16_STYLE_UIMM:
    case CR16_STYLE_ADDR:
        dis_printf(b, "0x%" PRIx32, (uint32_t)v);
        break;
    case CR16_STYLE_DEC:
        dis_printf(b, "%" PRId32, v);
        break;
    case CR16_STYLE_TARGET:
        /* The branch target wraps in the 24-bit code space. */
        dis_printf(b, "0x%" PRIx32, (pc + (uint32_t)v) & 0xffffff);
        break;
    case CR16_STYLE_COND:
        dis_printf(b, "%s", bcond_suffix[v & 15]);
        break;
    case CR16_STYLE_PREG16:
        dis_printf(b, "%s", preg16_names[v & 15]);
        break;
    case CR16_STYLE_PREG32:
        dis_printf(b, "%s", preg32_names[v & 15]);
        break;
    case CR16_STYLE_VEC:
        if (vec_names[v & 15]) {
            dis_printf(b, "%s", vec_names[v & 15]);
        } else {
            dis_printf(b, "%" PRId32, v);
        }
        break;
    default:
        dis_printf(b, "?");
        break;
    }
}

static void dis_words(DisBuf *b, const uint16_t w[3], int nwords)
{
    dis_printf(b, ".word ");
    for (int i = 0; i < nwords; i++) {
        dis_printf(b, "%s0x%04x", i ? ", " : "", w[i]);
    }
}

static void dis_form(DisBuf *b, const CR16DisForm *form, const uint16_t w[3],
                     uint32_t pc)
{
    const char *p = form->fmt;

    if (strcmp(p, ".word") == 0) {
        dis_words(b, w, form->len / 2);
        return;
    }
    while (*p) {
        if (*p == '{') {
            int idx = 0;

            for (p++; *p >= '0' && *p <= '9'; p++) {
                idx = idx * 10 + (*p - '0');
            }
            if (*p == '}') {
                p++;
            }
            if (idx < form->nfields) {
                dis_field(b, &form->fields[idx], w, pc);
            }
        } else {
            const char *q = strchr(p, '{');
            size_t n = q ? (size_t)(q - p) : strlen(p);

            dis_printf(b, "%.*s", (int)n, p);
            p += n;
        }
    }
}

int cr16_disas_insn_length(uint16_t w0)
{
    return cr16_insn_length(w0);
}

const char *cr16_disas_form_id(const uint16_t w[3])
{
    int idx = cr16_dis_match(w);

    return idx < 0 ? NULL : cr16_dis_forms[idx].id;
}

int cr16_disas_insn(uint32_t pc, const uint8_t *buf, size_t len,
                    char *out, size_t outlen)
{
    DisBuf b = { .p = out, .size = outlen, .pos = 0 };
    uint16_t w[3] = { 0, 0, 0 };
    size_t need;
    int idx;

    if (outlen) {
        out[0] = '\0';
    }
    if (len == 0) {
        return 0;
    }
    if (len < 2) {
        dis_printf(&b, ".byte 0x%02x", buf[0]);
        return 1;
    }
    need = cr16_insn_length(buf[0] | (buf[1] << 8));
    for (size_t i = 0; i < 3 && 2 * i + 1 < MIN(len, need); i++) {
        w[i] = buf[2 * i] | (buf[2 * i + 1] << 8);
    }
    if (len < need) {
        /* A truncated instruction: show what is there. */
        dis_words(&b, w, 1);
        return 2;
    }
    idx = cr16_dis_match(w);
    if (idx < 0) {
        dis_words(&b, w, 1);
        return 2;
    }
    dis_form(&b, &cr16_dis_forms[idx], w, pc);
    return cr16_dis_forms[idx].len;
}

void cr16_disas_fprintf(FILE *f, uint32_t pc, const uint8_t *buf, size_t len,
                        int count)
{
    char text[128];
    size_t off = 0;

    for (int n = 0; off < len && (count <= 0 || n < count); n++) {
        char hex[3 * 6 + 1] = "";
        int used = cr16_disas_insn(pc + off, buf + off, len - off, text,
                                   sizeof(text));

        for (int i = 0; i < used; i++) {
            snprintf(hex + 3 * i, sizeof(hex) - 3 * i, "%02x ",
                     buf[off + i]);
        }
        fprintf(f, "0x%06" PRIx32 ":  %-18s %s\n",
                (uint32_t)(pc + off), hex, text);
        off += used;
    }
}
