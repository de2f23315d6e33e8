/*
 * gdbstub packet handlers: one function per packet, dispatched on the
 * first character (and for q/Q/v on the name).
 *
 * Error replies follow the usual errno convention of GDB stubs:
 *   E22  the request is malformed or asks for something impossible
 *        (bad hex, wrong length, unknown thread, absurd sizes);
 *   E14  the address or register does not exist (nothing is touched).
 * Unknown packets get the empty reply, which tells the client "not
 * supported".
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "exec/memattrs.h"
#include "gdbstub/internal.h"
#include "monitor/hmp.h"
#include "system/memory.h"

/* CR16 addresses fit in 32 bits; nothing is mapped above. */
#define GDB_ADDR_MAX UINT32_MAX

/*
 * The most bytes one m/M/X may move: a reply of hex pairs (m) and a
 * request of hex pairs (M) must each fit in one packet.
 */
#define GDB_MEM_MAX ((GDB_PACKET_SIZE - 32) / 2)

static void reply(GDBState *s, const char *str)
{
    gdb_put_str(s, str);
}

static void reply_ok(GDBState *s)
{
    reply(s, "OK");
}

static void reply_einval(GDBState *s)
{
    reply(s, "E22");
}

static void reply_efault(GDBState *s)
{
    reply(s, "E14");
}

static void reply_gstring(GDBState *s, GString *out)
{
    gdb_put_packet(s, out->str, out->len);
}

/* "ADDR,LEN" followed by @end (a ':' or the end of the packet). */
static bool parse_addr_len(const char **p, uint64_t *addr, uint64_t *len,
                           char end)
{
    if (!gdb_parse_hex(p, addr) || **p != ',') {
        return false;
    }
    (*p)++;
    if (!gdb_parse_hex(p, len) || **p != end) {
        return false;
    }
    if (end) {
        (*p)++;
    }
    return true;
}

/* Thread ids: "1" is our thread, "0" any thread, "-1" all threads. */
static bool parse_thread_id(const char *p, bool allow_any)
{
    uint64_t tid;

    if (!strcmp(p, "-1") || !strcmp(p, "0")) {
        return allow_any;
    }
    return gdb_parse_hex(&p, &tid) && !*p && tid == GDB_THREAD_ID;
}

/* ---- memory ------------------------------------------------------------------- */

/*
 * Is every byte of [addr, addr + len) backed by something?  Checked
 * before a write so that a partly unmapped range leaves memory as it was.
 */
static bool gdb_mem_mapped(CPUState *cpu, uint64_t addr, uint64_t len,
                           bool is_write)
{
    MemTxAttrs attrs = { .debug = 1 };

    while (len) {
        vaddr page = addr & TARGET_PAGE_MASK;
        uint64_t phys = cpu->cc->get_phys_page_debug(cpu, page);
        uint64_t chunk = MIN(len, page + TARGET_PAGE_SIZE - addr);

        if (phys == (uint64_t)-1) {
            return false;
        }
        phys += addr & ~TARGET_PAGE_MASK;
        while (chunk) {
            hwaddr xlat, plen = chunk;

            if (!address_space_translate(cpu->as, phys, &xlat, &plen,
                                         is_write, attrs) || !plen) {
                return false;
            }
            phys += plen;
            addr += plen;
            len -= plen;
            chunk -= plen;
        }
    }
    return true;
}

/* The range is valid for the CPU at all (no wrap-around, 32 bits). */
static bool gdb_mem_range_ok(uint64_t addr, uint64_t len)
{
    return addr <= GDB_ADDR_MAX && len <= GDB_ADDR_MAX - addr + 1;
}

static int gdb_mem_rw(uint64_t addr, uint8_t *buf, uint64_t len,
                      bool is_write)
{
    CPUState *cpu = gdb_cpu();

    if (!gdb_mem_range_ok(addr, len) ||
        !gdb_mem_mapped(cpu, addr, len, is_write)) {
        return -1;
    }
    return cpu_memory_rw_debug(cpu, addr, buf, len, is_write);
}

/* m ADDR,LEN */
static void handle_read_memory(GDBState *s, const char *p)
{
    g_autoptr(GString) out = g_string_new(NULL);
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, len;

    if (!parse_addr_len(&p, &addr, &len, 0) || len > GDB_MEM_MAX) {
        reply_einval(s);
        return;
    }
    buf = g_malloc0(len ? len : 1);
    if (gdb_mem_rw(addr, buf, len, false) < 0) {
        reply_efault(s);
        return;
    }
    gdb_hex_encode(out, buf, len);
    reply_gstring(s, out);
}

/* M ADDR,LEN:HEX */
static void handle_write_memory_hex(GDBState *s, const char *p,
                                    const char *end)
{
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, len;

    if (!parse_addr_len(&p, &addr, &len, ':') || len > GDB_MEM_MAX ||
        (uint64_t)(end - p) != len * 2) {
        reply_einval(s);
        return;
    }
    buf = g_malloc0(len ? len : 1);
    if (!gdb_hex_decode(p, len, buf)) {
        reply_einval(s);
        return;
    }
    if (gdb_mem_rw(addr, buf, len, true) < 0) {
        reply_efault(s);
        return;
    }
    reply_ok(s);
}

/* X ADDR,LEN:BINARY (escapes already undone by the packet layer) */
static void handle_write_memory_bin(GDBState *s, const char *p,
                                    const char *end)
{
    uint64_t addr, len;

    if (!parse_addr_len(&p, &addr, &len, ':') ||
        (uint64_t)(end - p) != len) {
        reply_einval(s);
        return;
    }
    /* "X addr,0:" is how a client asks whether X works at all. */
    if (len && gdb_mem_rw(addr, (uint8_t *)p, len, true) < 0) {
        reply_efault(s);
        return;
    }
    reply_ok(s);
}

/* ---- registers ------------------------------------------------------------------ */

static int gdb_num_regs(CPUState *cpu)
{
    return cpu->cc->gdb_num_core_regs;
}

/* g */
static void handle_read_all_regs(GDBState *s)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GByteArray) regs = g_byte_array_new();
    g_autoptr(GString) out = g_string_new(NULL);

    for (int n = 0; n < gdb_num_regs(cpu); n++) {
        cpu->cc->gdb_read_register(cpu, regs, n);
    }
    gdb_hex_encode(out, regs->data, regs->len);
    reply_gstring(s, out);
}

/* G HEX: every register, in order, exactly. */
static void handle_write_all_regs(GDBState *s, const char *p,
                                  const char *end)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GByteArray) cur = g_byte_array_new();
    g_autofree uint8_t *buf = NULL;
    size_t off = 0;

    /* The current values give the size of each register. */
    for (int n = 0; n < gdb_num_regs(cpu); n++) {
        cpu->cc->gdb_read_register(cpu, cur, n);
    }
    if ((size_t)(end - p) != cur->len * 2) {
        reply_einval(s);
        return;
    }
    buf = g_malloc(cur->len);
    if (!gdb_hex_decode(p, cur->len, buf)) {
        reply_einval(s);
        return;
    }
    for (int n = 0; n < gdb_num_regs(cpu) && off < cur->len; n++) {
        off += cpu->cc->gdb_write_register(cpu, buf + off, n);
    }
    reply_ok(s);
}

/* p N */
static void handle_read_reg(GDBState *s, const char *p)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GByteArray) val = g_byte_array_new();
    g_autoptr(GString) out = g_string_new(NULL);
    uint64_t n;

    if (!gdb_parse_hex(&p, &n) || *p) {
        reply_einval(s);
        return;
    }
    if (n >= (uint64_t)gdb_num_regs(cpu) ||
        cpu->cc->gdb_read_register(cpu, val, n) <= 0) {
        reply_efault(s);
        return;
    }
    gdb_hex_encode(out, val->data, val->len);
    reply_gstring(s, out);
}

/* P N=HEX: the value must have exactly the register's size. */
static void handle_write_reg(GDBState *s, const char *p, const char *end)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GByteArray) cur = g_byte_array_new();
    uint8_t buf[16];
    uint64_t n;

    if (!gdb_parse_hex(&p, &n) || *p != '=') {
        reply_einval(s);
        return;
    }
    p++;
    if (n >= (uint64_t)gdb_num_regs(cpu) ||
        cpu->cc->gdb_read_register(cpu, cur, n) <= 0) {
        reply_efault(s);
        return;
    }
    if (cur->len > sizeof(buf) || (size_t)(end - p) != cur->len * 2 ||
        !gdb_hex_decode(p, cur->len, buf)) {
        reply_einval(s);
        return;
    }
    cpu->cc->gdb_write_register(cpu, buf, n);
    reply_ok(s);
}

/* ---- running ---------------------------------------------------------------------- */

static void gdb_continue(GDBState *s, bool step)
{
    if (!gdb_resume(s, step)) {
        gdb_report_now(s);
    }
    /* Otherwise the reply comes when the VM stops. */
}

/*
 * c [ADDR], s [ADDR], C SIG[;ADDR], S SIG[;ADDR].  The signal has no
 * meaning for a bare-metal CPU and is ignored, as a hardware probe would.
 */
static void handle_resume(GDBState *s, const char *p, bool step,
                          bool with_signal)
{
    uint64_t val;

    if (with_signal) {
        if (!gdb_parse_hex(&p, &val) || val > 0xff ||
            (*p && *p != ';') || !strcmp(p, ";")) {
            reply_einval(s);
            return;
        }
        p += *p == ';';
    }
    if (*p) {
        if (!gdb_parse_hex(&p, &val) || *p || val > GDB_ADDR_MAX) {
            reply_einval(s);
            return;
        }
        cpu_set_pc(gdb_cpu(), val);
    }
    gdb_continue(s, step);
}

/*
 * vCont;ACTION[:TID]...  With one thread, the first action that applies
 * to it decides: c/C continue, s/S step.
 */
static void handle_vcont(GDBState *s, const char *p)
{
    while (*p == ';') {
        char action = *++p;
        const char *tid_start;
        uint64_t sig;
        bool applies = true;

        if (!action) {
            break;
        }
        p++;
        if (action == 'C' || action == 'S') {
            if (!gdb_parse_hex(&p, &sig) || sig > 0xff) {
                break;
            }
        } else if (action != 'c' && action != 's') {
            break;
        }
        if (*p == ':') {
            g_autofree char *tid = NULL;

            tid_start = ++p;
            while (*p && *p != ';') {
                p++;
            }
            tid = g_strndup(tid_start, p - tid_start);
            if (strcmp(tid, "-1") && !parse_thread_id(tid, false)) {
                applies = false;
            }
        }
        if (*p && *p != ';') {
            break;
        }
        if (applies) {
            gdb_continue(s, action == 's' || action == 'S');
            return;
        }
    }
    reply_einval(s);
}

/* ---- breakpoints and watchpoints ------------------------------------------------------ */

static int gdb_watch_flags(int type)
{
    switch (type) {
    case GDB_WP_WRITE:
        return BP_MEM_WRITE;
    case GDB_WP_READ:
        return BP_MEM_READ;
    default:
        return BP_MEM_ACCESS;
    }
}

static int gdb_find_breakpoint(GDBState *s, vaddr addr, int type)
{
    for (guint i = 0; i < s->breakpoints->len; i++) {
        GdbBreakpoint *bp = &g_array_index(s->breakpoints, GdbBreakpoint, i);

        if (bp->addr == addr && bp->type == type) {
            return i;
        }
    }
    return -1;
}

static int gdb_insert_breakpoint(GDBState *s, int type, vaddr addr,
                                 vaddr len)
{
    CPUState *cpu = gdb_cpu();
    GdbBreakpoint bp = { .addr = addr, .type = type };
    int ret;

    switch (type) {
    case GDB_BP_SW:
    case GDB_BP_HW:
        /* Both are exact in the TCG loop; only the reported kind differs. */
        if (gdb_find_breakpoint(s, addr, type) >= 0) {
            return 0;   /* inserting twice is harmless, as on a target */
        }
        ret = cpu_breakpoint_insert(cpu, addr, BP_GDB, NULL);
        if (ret == 0) {
            g_array_append_val(s->breakpoints, bp);
        }
        return ret;
    default:
        return cpu_watchpoint_insert(cpu, addr, len,
                                     gdb_watch_flags(type) | BP_GDB, NULL);
    }
}

static int gdb_remove_breakpoint(GDBState *s, int type, vaddr addr,
                                 vaddr len)
{
    CPUState *cpu = gdb_cpu();
    int i;

    switch (type) {
    case GDB_BP_SW:
    case GDB_BP_HW:
        i = gdb_find_breakpoint(s, addr, type);
        if (i < 0) {
            return -ENOENT;
        }
        g_array_remove_index(s->breakpoints, i);
        return cpu_breakpoint_remove(cpu, addr, BP_GDB);
    default:
        return cpu_watchpoint_remove(cpu, addr, len,
                                     gdb_watch_flags(type) | BP_GDB);
    }
}

/* Z TYPE,ADDR,KIND[;cond...] and z TYPE,ADDR,KIND */
static void handle_breakpoint(GDBState *s, const char *p, bool insert)
{
    uint64_t type, addr, kind;
    int ret;

    /* Conditions and commands after ';' are for agents: ignored. */
    if (!gdb_parse_hex(&p, &type) || *p++ != ',' ||
        !gdb_parse_hex(&p, &addr) || *p++ != ',' ||
        !gdb_parse_hex(&p, &kind) || (*p && *p != ';')) {
        reply_einval(s);
        return;
    }
    if (type > GDB_WP_ACCESS) {
        reply(s, "");   /* a kind of point we do not offer */
        return;
    }
    /* KIND is the instruction size for breakpoints, the length for
     * watchpoints: it must describe a real range. */
    if (kind == 0 || kind > GDB_MEM_MAX || !gdb_mem_range_ok(addr, kind)) {
        reply_einval(s);
        return;
    }
    ret = insert ? gdb_insert_breakpoint(s, type, addr, kind)
                 : gdb_remove_breakpoint(s, type, addr, kind);
    if (ret) {
        reply_einval(s);
        return;
    }
    reply_ok(s);
}

/* ---- queries ------------------------------------------------------------------------ */

static void handle_supported(GDBState *s, const char *p)
{
    g_auto(GStrv) feats = g_strsplit(*p == ':' ? p + 1 : p, ";", -1);
    g_autofree char *out = NULL;

    s->client_swbreak = g_strv_contains((const char * const *)feats,
                                        "swbreak+");
    s->client_hwbreak = g_strv_contains((const char * const *)feats,
                                        "hwbreak+");
    out = g_strdup_printf("PacketSize=%x;qXfer:features:read+;"
                          "vContSupported+;swbreak+;hwbreak+;"
                          "QStartNoAckMode+", GDB_PACKET_SIZE);
    reply(s, out);
}

/* qXfer:features:read:ANNEX:OFFSET,LENGTH */
static void handle_xfer_features(GDBState *s, const char *p)
{
    const char *colon = strchr(p, ':');
    g_autofree char *annex = NULL;
    g_autoptr(GString) out = g_string_new(NULL);
    const char *doc;
    uint64_t off, len;
    size_t doc_len, n = 0, room;

    if (!colon) {
        reply_einval(s);
        return;
    }
    annex = g_strndup(p, colon - p);
    p = colon + 1;
    if (!parse_addr_len(&p, &off, &len, 0)) {
        reply_einval(s);
        return;
    }
    doc = gdb_get_xml(annex);
    if (!doc) {
        reply(s, "E00");
        return;
    }
    doc_len = strlen(doc);
    if (off >= doc_len) {
        reply(s, "l");
        return;
    }
    /* As much as was asked for that fits in one packet once escaped. */
    room = GDB_PACKET_SIZE - 1;
    while (n < len && off + n < doc_len) {
        size_t cost = gdb_packet_escaped_len((const uint8_t *)doc + off + n,
                                             1);
        if (cost > room) {
            break;
        }
        room -= cost;
        n++;
    }
    g_string_append_c(out, off + n < doc_len ? 'm' : 'l');
    g_string_append_len(out, doc + off, n);
    reply_gstring(s, out);
}

/* qRcmd,HEX: a monitor command; its output as O packets, then OK. */
static void handle_rcmd(GDBState *s, const char *p)
{
    size_t hexlen = strlen(p);
    g_autofree char *cmd = NULL;
    g_autofree char *text = NULL;
    size_t text_len, chunk = (GDB_PACKET_SIZE - 1) / 2;

    if (hexlen % 2) {
        reply_einval(s);
        return;
    }
    cmd = g_malloc0(hexlen / 2 + 1);
    if (!gdb_hex_decode(p, hexlen / 2, (uint8_t *)cmd) ||
        strlen(cmd) != hexlen / 2) {
        /* Bad hex, or a NUL inside the command. */
        reply_einval(s);
        return;
    }
    text = hmp_run_command_capture(cmd, gdb_cpu()->cpu_index);
    text_len = text ? strlen(text) : 0;
    for (size_t off = 0; off < text_len; off += chunk) {
        g_autoptr(GString) out = g_string_new("O");

        gdb_hex_encode(out, (uint8_t *)text + off, MIN(chunk, text_len - off));
        reply_gstring(s, out);
    }
    reply_ok(s);
}

static void handle_query(GDBState *s, const char *p)
{
    g_autofree char *buf = NULL;

    if (!strcmp(p, "C")) {
        buf = g_strdup_printf("QC%x", GDB_THREAD_ID);
        reply(s, buf);
    } else if (!strcmp(p, "fThreadInfo")) {
        buf = g_strdup_printf("m%x", GDB_THREAD_ID);
        reply(s, buf);
    } else if (!strcmp(p, "sThreadInfo")) {
        reply(s, "l");
    } else if (!strcmp(p, "Attached") || g_str_has_prefix(p, "Attached:")) {
        /* We did not start the program: detaching must not kill it. */
        reply(s, "1");
    } else if (!strcmp(p, "Supported") || g_str_has_prefix(p, "Supported:")) {
        handle_supported(s, p + strlen("Supported"));
    } else if (g_str_has_prefix(p, "Xfer:features:read:")) {
        handle_xfer_features(s, p + strlen("Xfer:features:read:"));
    } else if (g_str_has_prefix(p, "Rcmd,")) {
        handle_rcmd(s, p + strlen("Rcmd,"));
    } else if (!strcmp(p, "Symbol::")) {
        reply_ok(s);    /* no symbols wanted */
    } else if (!strcmp(p, "qemu.sstepbits")) {
        buf = g_strdup_printf("ENABLE=%x,NOIRQ=%x,NOTIMER=%x", SSTEP_ENABLE,
                              SSTEP_NOIRQ, SSTEP_NOTIMER);
        reply(s, buf);
    } else if (!strcmp(p, "qemu.sstep")) {
        buf = g_strdup_printf("0x%x", s->sstep_flags);
        reply(s, buf);
    } else {
        reply(s, "");
    }
}

static void handle_set(GDBState *s, const char *p)
{
    uint64_t flags;

    if (!strcmp(p, "StartNoAckMode")) {
        /* The OK still goes out under the old rules; then no more acks. */
        reply_ok(s);
        s->noack = true;
    } else if (g_str_has_prefix(p, "qemu.sstep=")) {
        p += strlen("qemu.sstep=");
        if (!gdb_parse_hex(&p, &flags) || *p ||
            (flags & ~(uint64_t)(SSTEP_ENABLE | SSTEP_NOIRQ | SSTEP_NOTIMER))
            || !(flags & SSTEP_ENABLE)) {
            reply_einval(s);
            return;
        }
        s->sstep_flags = flags;
        reply_ok(s);
    } else {
        reply(s, "");
    }
}

static void handle_v(GDBState *s, const char *p)
{
    if (!strcmp(p, "Cont?")) {
        reply(s, "vCont;c;C;s;S");
    } else if (g_str_has_prefix(p, "Cont;")) {
        handle_vcont(s, p + strlen("Cont"));
    } else if (!strcmp(p, "Kill") || g_str_has_prefix(p, "Kill;")) {
        reply_ok(s);
        gdb_kill(s);
    } else {
        reply(s, "");
    }
}

/* H OP TID: select the thread for later operations; we have one. */
static void handle_set_thread(GDBState *s, const char *p)
{
    if ((*p != 'g' && *p != 'c') || !parse_thread_id(p + 1, true)) {
        reply_einval(s);
        return;
    }
    reply_ok(s);
}

/* ---- dispatch ------------------------------------------------------------------------ */

void gdb_handle_packet(GDBState *s, const char *pkt, size_t len)
{
    const char *end = pkt + len;
    const char *args = len ? pkt + 1 : pkt;
    g_autoptr(GString) out = NULL;

    if (!len) {
        reply(s, "");
        return;
    }
    switch (pkt[0]) {
    case '?':
        out = g_string_new(NULL);
        gdb_append_stop_reply(s, out, s->last_signal, false);
        reply_gstring(s, out);
        break;
    case 'g':
        handle_read_all_regs(s);
        break;
    case 'G':
        handle_write_all_regs(s, args, end);
        break;
    case 'p':
        handle_read_reg(s, args);
        break;
    case 'P':
        handle_write_reg(s, args, end);
        break;
    case 'm':
        handle_read_memory(s, args);
        break;
    case 'M':
        handle_write_memory_hex(s, args, end);
        break;
    case 'X':
        handle_write_memory_bin(s, args, end);
        break;
    case 'c':
        handle_resume(s, args, false, false);
        break;
    case 'C':
        handle_resume(s, args, false, true);
        break;
    case 's':
        handle_resume(s, args, true, false);
        break;
    case 'S':
        handle_resume(s, args, true, true);
        break;
    case 'Z':
        handle_breakpoint(s, args, true);
        break;
    case 'z':
        handle_breakpoint(s, args, false);
        break;
    case 'H':
        handle_set_thread(s, args);
        break;
    case 'T':
        if (parse_thread_id(args, false)) {
            reply_ok(s);
        } else {
            reply_einval(s);
        }
        break;
    case 'D':
        reply_ok(s);
        gdb_detach(s, true);
        break;
    case 'k':
        gdb_kill(s);    /* no reply: the connection is going away */
        break;
    case 'q':
        handle_query(s, args);
        break;
    case 'Q':
        handle_set(s, args);
        break;
    case 'v':
        handle_v(s, args);
        break;
    default:
        reply(s, "");
        break;
    }
}
