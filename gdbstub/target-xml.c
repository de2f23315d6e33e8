/*
 * The CR16C target description served by qXfer:features:read.
 *
 * target.xml names the architecture and includes two feature files:
 *   cr16-core.xml  org.gnu.gdb.cr16.core  r0-r11 (16 bits), r12, r13, ra,
 *                                         sp, pc (32 bits)    regnums 0-16
 *   cr16-proc.xml  org.gnu.gdb.cr16.proc  isp, usp, intbase, psr, cfg,
 *                                         dbs, dcr, dsr, car0, car1
 *                                         (32 bits)           regnums 17-26
 * The numbering, names and sizes are the target's (cr16_gdb_reg_name /
 * cr16_gdb_reg_size, toolchain-abi.md 4), so the `g` packet, `p`/`P`
 * and this description can never disagree.  Every register carries an
 * explicit regnum so a client need not count.
 *
 * No upstream GDB knows CR16; the feature names follow GDB's convention
 * for a port that would, and docs/system/gdb.rst documents them.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "gdbstub/internal.h"
#include "target/cr16/cr16-arch.h"

/* The first processor register; everything before it is "core". */
#define CR16_GDB_FIRST_PROC 17

/* PSR bits for a <flags> type, so a debugger can print them by name. */
static const struct {
    const char *name;
    int bit;
} cr16_psr_fields[] = {
    { "C", CR16_PSR_C_SHIFT }, { "T", CR16_PSR_T_SHIFT },
    { "L", CR16_PSR_L_SHIFT }, { "U", CR16_PSR_U_SHIFT },
    { "F", CR16_PSR_F_SHIFT }, { "Z", CR16_PSR_Z_SHIFT },
    { "N", CR16_PSR_N_SHIFT }, { "E", CR16_PSR_E_SHIFT },
    { "P", CR16_PSR_P_SHIFT }, { "I", CR16_PSR_I_SHIFT },
};

static const char *cr16_reg_type(int n)
{
    const char *name = cr16_gdb_reg_name(n);

    if (!strcmp(name, "pc")) {
        return "code_ptr";
    }
    if (!strcmp(name, "sp") || !strcmp(name, "isp") ||
        !strcmp(name, "usp")) {
        return "data_ptr";
    }
    if (!strcmp(name, "psr")) {
        return "cr16_psr";
    }
    return cr16_gdb_reg_size(n) == 2 ? "uint16" : "uint32";
}

static void xml_header(GString *s, const char *doctype)
{
    g_string_append(s, "<?xml version=\"1.0\"?>\n");
    g_string_append_printf(s, "<!DOCTYPE %s SYSTEM \"gdb-target.dtd\">\n",
                           doctype);
}

static char *xml_feature(const char *name, int first, int last, bool psr)
{
    GString *s = g_string_new(NULL);

    xml_header(s, "feature");
    g_string_append_printf(s, "<feature name=\"%s\">\n", name);
    if (psr) {
        g_string_append(s, "  <flags id=\"cr16_psr\" size=\"4\">\n");
        for (size_t i = 0; i < G_N_ELEMENTS(cr16_psr_fields); i++) {
            g_string_append_printf(s, "    <field name=\"%s\" start=\"%d\" "
                                   "end=\"%d\"/>\n", cr16_psr_fields[i].name,
                                   cr16_psr_fields[i].bit,
                                   cr16_psr_fields[i].bit);
        }
        g_string_append(s, "  </flags>\n");
    }
    for (int n = first; n <= last; n++) {
        g_string_append_printf(s, "  <reg name=\"%s\" bitsize=\"%u\" "
                               "regnum=\"%d\" type=\"%s\"/>\n",
                               cr16_gdb_reg_name(n),
                               cr16_gdb_reg_size(n) * 8, n,
                               cr16_reg_type(n));
    }
    g_string_append(s, "</feature>\n");
    return g_string_free(s, false);
}

/*
 * The namespace goes on each include (gdb-target.dtd fixes it there) so
 * that strict XML parsers accept the document too.
 */
#define XI_NS "xmlns:xi=\"http://www.w3.org/2001/XInclude\""

static char *xml_target(void)
{
    GString *s = g_string_new(NULL);

    xml_header(s, "target");
    g_string_append(s, "<target version=\"1.0\">\n"
                       "  <architecture>cr16</architecture>\n"
                       "  <xi:include href=\"cr16-core.xml\" " XI_NS "/>\n"
                       "  <xi:include href=\"cr16-proc.xml\" " XI_NS "/>\n"
                       "</target>\n");
    return g_string_free(s, false);
}

typedef struct GdbXmlFile {
    const char *annex;
    char *text;
} GdbXmlFile;

static GdbXmlFile gdb_xml_files[] = {
    { "target.xml" },
    { "cr16-core.xml" },
    { "cr16-proc.xml" },
};

/* Built once on first use; they live as long as the process. */
static void gdb_xml_build(void)
{
    if (gdb_xml_files[0].text) {
        return;
    }
    gdb_xml_files[0].text = xml_target();
    gdb_xml_files[1].text = xml_feature("org.gnu.gdb.cr16.core", 0,
                                        CR16_GDB_FIRST_PROC - 1, false);
    gdb_xml_files[2].text = xml_feature("org.gnu.gdb.cr16.proc",
                                        CR16_GDB_FIRST_PROC,
                                        CR16_GDB_NUM_REGS - 1, true);
}

const char *gdb_get_xml(const char *annex)
{
    gdb_xml_build();
    for (size_t i = 0; i < G_N_ELEMENTS(gdb_xml_files); i++) {
        if (!strcmp(annex, gdb_xml_files[i].annex)) {
            return gdb_xml_files[i].text;
        }
    }
    return NULL;
}

int gdb_pc_regnum(void)
{
    for (int n = 0; n < CR16_GDB_NUM_REGS; n++) {
        if (!strcmp(cr16_gdb_reg_name(n), "pc")) {
            return n;
        }
    }
    g_assert_not_reached();
}
