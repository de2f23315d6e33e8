/*
 * cr16-disas: disassemble CR16C code with target/cr16/disas.c.
 *
 *   cr16-disas [--pc ADDR] [--text] FILE      raw bytes from FILE ("-": stdin)
 *   cr16-disas [--pc ADDR] [--text] -x HEX    bytes given as hex digits
 *   cr16-disas --lines                        stdin lines "ADDR HEX": prints
 *                                             "LEN<TAB>TEXT" per line
 *
 * A developer tool and the disassembler half of the round-trip test
 * (tests/functional/test_cr16_roundtrip.py); not installed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "target/cr16/disas.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: cr16-disas [--pc ADDR] [--text] FILE|-\n"
            "       cr16-disas [--pc ADDR] [--text] -x HEXBYTES\n"
            "       cr16-disas --lines < \"ADDR HEXBYTES\" lines\n");
}

/* Append the bytes spelt by hex digits in S (spaces allowed). */
static bool parse_hex(const char *s, GByteArray *out)
{
    int nib = -1;

    for (; *s; s++) {
        int v;

        if (g_ascii_isspace(*s) || *s == ',') {
            continue;
        }
        v = g_ascii_xdigit_value(*s);
        if (v < 0) {
            return false;
        }
        if (nib < 0) {
            nib = v;
        } else {
            guint8 b = nib << 4 | v;

            g_byte_array_append(out, &b, 1);
            nib = -1;
        }
    }
    return nib < 0;
}

static int run_lines(void)
{
    char line[1024];
    char text[128];
    int status = 0;

    while (fgets(line, sizeof(line), stdin)) {
        g_autoptr(GByteArray) bytes = g_byte_array_new();
        char *end;
        unsigned long pc = strtoul(line, &end, 0);

        if (end == line) {
            continue;
        }
        if (!parse_hex(end, bytes)) {
            fprintf(stderr, "cr16-disas: bad hex in line: %s", line);
            status = 1;
            printf("0\t?\n");
            continue;
        }
        printf("%d\t%s\n",
               cr16_disas_insn(pc, bytes->data, bytes->len, text,
                               sizeof(text)),
               text);
    }
    return status;
}

int main(int argc, char **argv)
{
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    unsigned long pc = 0;
    bool text_only = false;
    const char *file = NULL;
    const char *hex = NULL;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lines")) {
            return run_lines();
        } else if (!strcmp(argv[i], "--pc") && i + 1 < argc) {
            pc = strtoul(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "--text")) {
            text_only = true;
        } else if (!strcmp(argv[i], "-x") && i + 1 < argc) {
            hex = argv[++i];
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (!file && (argv[i][0] != '-' || !strcmp(argv[i], "-"))) {
            file = argv[i];
        } else {
            usage(stderr);
            return 1;
        }
    }
    if (hex) {
        if (!parse_hex(hex, bytes)) {
            fprintf(stderr, "cr16-disas: bad hex bytes: %s\n", hex);
            return 1;
        }
    } else if (file) {
        FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
        guint8 chunk[4096];
        size_t n;

        if (!f) {
            fprintf(stderr, "cr16-disas: %s: %s\n", file, strerror(errno));
            return 1;
        }
        while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
            g_byte_array_append(bytes, chunk, n);
        }
        if (f != stdin) {
            fclose(f);
        }
    } else {
        usage(stderr);
        return 1;
    }
    if (text_only) {
        char text[128];
        size_t off = 0;

        while (off < bytes->len) {
            off += cr16_disas_insn(pc + off, bytes->data + off,
                                   bytes->len - off, text, sizeof(text));
            printf("%s\n", text);
        }
    } else {
        cr16_disas_fprintf(stdout, pc, bytes->data, bytes->len, 0);
    }
    return 0;
}
