/*
 * The human monitor: a text command line on a chardev.
 *
 * Input goes through the line editor (readline.c) or, without one,
 * is cut into plain lines.  A line is split into the command word and
 * its arguments; the command's args_type (see monitor/hmp.h) drives a
 * generic parser that turns the arguments into a JSON object, and the
 * handler runs with error_printf() output redirected to this monitor.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "hw/core/cpu.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

#define HMP_PROMPT "(qemu) "

/* ---- argument accessors ----------------------------------------------- */

const char *hmp_arg_str(json_t *args, const char *name)
{
    return json_string_value(json_object_get(args, name));
}

int64_t hmp_arg_int(json_t *args, const char *name, int64_t def)
{
    json_t *v = json_object_get(args, name);

    return json_is_integer(v) ? json_integer_value(v) : def;
}

bool hmp_arg_flag(json_t *args, const char *name)
{
    return json_is_true(json_object_get(args, name));
}

void hmp_handle_error(Monitor *mon, Error *err)
{
    /*
     * Through error_report, like every other error: while a command
     * runs, its output (hints included) goes to the monitor that ran it.
     */
    if (err) {
        error_reportf_err(err, "Error: ");
    }
}

/* ---- words ------------------------------------------------------------- */

static const char *skip_spaces(const char *p)
{
    while (*p && g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

/*
 * The next word at *pp: up to a space, or a double-quoted string with
 * \" \\ \n escapes.  NULL at the end of the line or on an unfinished
 * quote (with *err_msg set).
 */
static char *get_word(const char **pp, const char **err_msg)
{
    const char *p = skip_spaces(*pp);
    GString *w;

    *err_msg = NULL;
    if (!*p) {
        *pp = p;
        return NULL;
    }
    w = g_string_new(NULL);
    if (*p == '"') {
        p++;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1]) {
                p++;
                g_string_append_c(w, *p == 'n' ? '\n' : *p);
            } else {
                g_string_append_c(w, *p);
            }
            p++;
        }
        if (*p != '"') {
            *err_msg = "unterminated string literal";
            g_string_free(w, true);
            *pp = p;
            return NULL;
        }
        p++;
    } else {
        int depth = 0;

        /* Spaces inside parentheses belong to an expression. */
        while (*p && (depth > 0 || !g_ascii_isspace(*p))) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')' && depth > 0) {
                depth--;
            }
            g_string_append_c(w, *p++);
        }
    }
    *pp = p;
    return g_string_free(w, false);
}

/* ---- integer expressions ----------------------------------------------- */

typedef struct ExprParser {
    Monitor *mon;
    const char *p;
    const char *error;
} ExprParser;

static int64_t expr_or(ExprParser *e);

static void expr_skip(ExprParser *e)
{
    e->p = skip_spaces(e->p);
}

static int64_t expr_primary(ExprParser *e)
{
    int64_t v = 0;

    expr_skip(e);
    if (*e->p == '(') {
        e->p++;
        v = expr_or(e);
        expr_skip(e);
        if (*e->p != ')') {
            e->error = "')' expected";
            return 0;
        }
        e->p++;
        return v;
    }
    if (*e->p == '$') {
        const char *start = ++e->p;
        CPUState *cpu;

        while (g_ascii_isalnum(*e->p) || *e->p == '_') {
            e->p++;
        }
        cpu = mon_get_cpu(e->mon);
        if (e->p - start == 2 && !strncmp(start, "pc", 2) && cpu) {
            return cpu_get_pc(cpu);
        }
        e->error = "unknown register";
        return 0;
    }
    if (*e->p == '\'' && e->p[1] && e->p[2] == '\'') {
        v = (unsigned char)e->p[1];
        e->p += 3;
        return v;
    }
    if (g_ascii_isdigit(*e->p)) {
        char *end;

        errno = 0;
        v = (int64_t)strtoull(e->p, &end, 0);
        if (errno) {
            e->error = "number too large";
            return 0;
        }
        e->p = end;
        return v;
    }
    e->error = *e->p ? "invalid char in expression" : "unexpected end of "
               "expression";
    return 0;
}

static int64_t expr_unary(ExprParser *e)
{
    expr_skip(e);
    switch (*e->p) {
    case '-':
        e->p++;
        return -(uint64_t)expr_unary(e);
    case '+':
        e->p++;
        return expr_unary(e);
    case '~':
        e->p++;
        return ~expr_unary(e);
    default:
        return expr_primary(e);
    }
}

static int64_t expr_prod(ExprParser *e)
{
    int64_t v = expr_unary(e);

    for (;;) {
        char op;
        int64_t r;

        expr_skip(e);
        op = *e->p;
        if (e->error || (op != '*' && op != '/' && op != '%')) {
            return v;
        }
        e->p++;
        r = expr_unary(e);
        if (op == '*') {
            v = (uint64_t)v * (uint64_t)r;
        } else if (r == 0) {
            e->error = "division by zero";
            return 0;
        } else if (op == '/') {
            v = (uint64_t)v / (uint64_t)r;
        } else {
            v = (uint64_t)v % (uint64_t)r;
        }
    }
}

static int64_t expr_sum(ExprParser *e)
{
    int64_t v = expr_prod(e);

    for (;;) {
        char op;
        int64_t r;

        expr_skip(e);
        op = *e->p;
        if (e->error || (op != '+' && op != '-')) {
            return v;
        }
        e->p++;
        r = expr_prod(e);
        v = op == '+' ? (uint64_t)v + r : (uint64_t)v - r;
    }
}

static int64_t expr_shift(ExprParser *e)
{
    int64_t v = expr_sum(e);

    for (;;) {
        bool left;
        int64_t r;

        expr_skip(e);
        if (e->error || !((e->p[0] == '<' && e->p[1] == '<') ||
                          (e->p[0] == '>' && e->p[1] == '>'))) {
            return v;
        }
        left = e->p[0] == '<';
        e->p += 2;
        r = expr_sum(e) & 63;
        v = left ? (int64_t)((uint64_t)v << r) : (int64_t)((uint64_t)v >> r);
    }
}

static int64_t expr_bits(ExprParser *e, char op)
{
    int64_t v = op == '&' ? expr_shift(e) :
                op == '^' ? expr_bits(e, '&') : expr_bits(e, '^');

    for (;;) {
        int64_t r;

        expr_skip(e);
        if (e->error || *e->p != op) {
            return v;
        }
        e->p++;
        r = op == '&' ? expr_shift(e) :
            op == '^' ? expr_bits(e, '&') : expr_bits(e, '^');
        v = op == '&' ? (v & r) : op == '^' ? (v ^ r) : (v | r);
    }
}

static int64_t expr_or(ExprParser *e)
{
    return expr_bits(e, '|');
}

/* Evaluate @str; false with *err_msg set when it is no valid expression. */
static bool hmp_eval(Monitor *mon, const char *str, int64_t *val,
                     const char **err_msg)
{
    ExprParser e = { .mon = mon, .p = str };

    *val = expr_or(&e);
    expr_skip(&e);
    if (!e.error && *e.p) {
        e.error = "invalid char in expression";
    }
    *err_msg = e.error;
    return !e.error;
}

/* ---- argument parsing -------------------------------------------------- */

/* /Nfu: count, format letter, unit size. */
static bool parse_format(MonitorHMP *mon, const char *fmt, json_t *args,
                         const char *name, const char **err_msg)
{
    int64_t count = 1;
    char format = mon->last_format ? mon->last_format : 'x';
    int size = mon->last_size ? mon->last_size : 4;
    bool size_given = false;

    if (fmt && *fmt == '/') {
        fmt++;
        if (g_ascii_isdigit(*fmt)) {
            count = strtol(fmt, (char **)&fmt, 10);
        }
        for (; *fmt; fmt++) {
            switch (*fmt) {
            case 'x': case 'd': case 'u': case 'o': case 'c': case 'i':
                format = *fmt;
                break;
            case 'b':
                size = 1, size_given = true;
                break;
            case 'h':
                size = 2, size_given = true;
                break;
            case 'w':
                size = 4, size_given = true;
                break;
            case 'g':
                size = 8, size_given = true;
                break;
            default:
                *err_msg = "invalid char in format";
                return false;
            }
        }
    }
    if (format == 'c' && !size_given) {
        size = 1;
    }
    json_object_set_new(args, name, json_pack("{s:I, s:s#, s:i}",
                                              "count", (json_int_t)count,
                                              "format", &format, 1,
                                              "size", size));
    return true;
}

/*
 * Fill @args from @p according to @cmd->args_type.  @fmt is a /format
 * attached to the command word.  Prints the problem and returns false.
 */
/*
 * Store a string argument.  The JSON library refuses text that is not
 * UTF-8 (json_string() returns NULL), and a dropped argument would reach
 * the handler as a NULL "required" string: refuse the line instead.
 */
static bool hmp_set_string_arg(Monitor *m, const char *cmdname,
                               json_t *args, const char *name,
                               const char *value)
{
    json_t *str = json_string(value);

    if (!str) {
        monitor_printf(m, "%s: parameter '%s' is not valid UTF-8\n",
                       cmdname, name);
        return false;
    }
    json_object_set_new(args, name, str);
    return true;
}

static bool hmp_parse_args(MonitorHMP *mon, const HMPCommand *cmd,
                           const char *cmdname, const char *fmt,
                           const char *p, json_t *args)
{
    Monitor *m = &mon->common;
    g_auto(GStrv) specs = g_strsplit(cmd->args_type ? cmd->args_type : "",
                                     ",", -1);
    GString *flags = g_string_new(NULL);
    const char *err_msg = NULL;
    bool ok = false;

    /* Flags ("-f") come first, in any order, possibly combined ("-fd"). */
    for (int i = 0; specs[i]; i++) {
        char *colon = strchr(specs[i], ':');

        if (colon && colon[1] == '-') {
            g_string_append_c(flags, colon[2]);
        }
    }
    for (;;) {
        const char *q = skip_spaces(p);

        if (!flags->len || q[0] != '-' || !g_ascii_isalpha(q[1])) {
            break;
        }
        for (q++; *q && !g_ascii_isspace(*q); q++) {
            bool known = false;

            for (int i = 0; specs[i]; i++) {
                char *colon = strchr(specs[i], ':');

                if (colon && colon[1] == '-' && colon[2] == *q) {
                    g_autofree char *name = g_strndup(specs[i],
                                                      colon - specs[i]);

                    json_object_set_new(args, name, json_true());
                    known = true;
                }
            }
            if (!known) {
                monitor_printf(m, "%s: unsupported option -%c\n", cmdname, *q);
                goto out;
            }
        }
        p = q;
    }

    for (int i = 0; specs[i]; i++) {
        char *colon = strchr(specs[i], ':');
        g_autofree char *name = NULL;
        g_autofree char *word = NULL;
        const char *type;
        bool optional;
        int64_t val;

        if (!colon) {
            continue;
        }
        name = g_strndup(specs[i], colon - specs[i]);
        type = colon + 1;
        optional = type[0] && type[strlen(type) - 1] == '?';
        if (type[0] == '-') {
            if (!json_object_get(args, name)) {
                json_object_set_new(args, name, json_false());
            }
            continue;
        }
        if (type[0] == '/') {
            const char *f = fmt;

            if (!f) {
                const char *q = skip_spaces(p);

                if (*q == '/') {
                    word = get_word(&p, &err_msg);
                    f = word;
                }
            }
            if (!parse_format(mon, f, args, name, &err_msg)) {
                monitor_printf(m, "%s: %s\n", cmdname, err_msg);
                goto out;
            }
            continue;
        }
        if (type[0] == 'S' || type[0] == 'O') {
            g_autofree char *rest = g_strstrip(g_strdup(skip_spaces(p)));

            p += strlen(p);
            if (!*rest) {
                if (optional) {
                    continue;
                }
                monitor_printf(m, "%s: missing parameter '%s'\n", cmdname,
                               name);
                goto out;
            }
            if (type[0] == 'S') {
                if (!hmp_set_string_arg(m, cmdname, args, name, rest)) {
                    goto out;
                }
            } else {
                Error *err = NULL;
                json_t *opts = keyval_parse(rest, "driver", NULL, &err);

                if (!opts) {
                    hmp_handle_error(m, err);
                    goto out;
                }
                json_object_set_new(args, name, opts);
            }
            continue;
        }
        word = get_word(&p, &err_msg);
        if (!word) {
            if (err_msg) {
                monitor_printf(m, "%s: %s\n", cmdname, err_msg);
                goto out;
            }
            if (optional) {
                continue;
            }
            monitor_printf(m, "%s: missing parameter '%s'\n", cmdname, name);
            goto out;
        }
        switch (type[0]) {
        case 'l':
            if (!hmp_eval(m, word, &val, &err_msg)) {
                monitor_printf(m, "%s: %s: '%s'\n", cmdname, err_msg, word);
                goto out;
            }
            json_object_set_new(args, name, json_integer(val));
            break;
        default:    /* 's', 'F' */
            if (!hmp_set_string_arg(m, cmdname, args, name, word)) {
                goto out;
            }
            break;
        }
    }
    if (*skip_spaces(p)) {
        monitor_printf(m, "%s: extraneous characters at the end of line\n",
                       cmdname);
        goto out;
    }
    ok = true;
out:
    g_string_free(flags, true);
    return ok;
}

/* ---- command lookup ---------------------------------------------------- */

/* Whether @name is one of the '|'-separated names of @cmd. */
static bool cmd_matches(const HMPCommand *cmd, const char *name, size_t len)
{
    const char *p = cmd->name;

    while (*p) {
        const char *sep = strchr(p, '|');
        size_t n = sep ? (size_t)(sep - p) : strlen(p);

        if (n == len && !strncmp(p, name, len)) {
            return true;
        }
        p += n + (sep ? 1 : 0);
    }
    return false;
}

static const HMPCommand *hmp_find(const HMPCommand *table, const char *name,
                                  size_t len)
{
    for (const HMPCommand *cmd = table; cmd->name; cmd++) {
        if (cmd_matches(cmd, name, len)) {
            return cmd;
        }
    }
    return NULL;
}

static void hmp_print_error_sink(void *opaque, const char *msg)
{
    monitor_puts(opaque, msg);
}

void handle_hmp_command(Monitor *m, const char *cmdline)
{
    MonitorHMP *mon = container_of_hmp(m);
    const HMPCommand *table = hmp_cmds;
    const HMPCommand *cmd;
    const char *p = skip_spaces(cmdline);
    const char *start = p;
    const char *name_end = p;
    g_autofree char *cmdname = NULL;
    g_autofree char *fmt = NULL;
    json_t *args;
    Monitor *old_mon;
    ErrorPrintFunc *old_fn;
    void *old_opaque;

    for (;;) {
        const char *name = p;
        size_t len;

        if (!*p) {
            return;
        }
        while (*p && !g_ascii_isspace(*p) && *p != '/') {
            p++;
        }
        len = p - name;
        name_end = p;
        cmd = hmp_find(table, name, len);
        if (!cmd) {
            monitor_printf(m, "unknown command: '%.*s'\n",
                           (int)(p - start), start);
            return;
        }
        if (*p == '/') {
            const char *f = p;

            while (*p && !g_ascii_isspace(*p)) {
                p++;
            }
            fmt = g_strndup(f, p - f);
        }
        if (!cmd->sub_table) {
            break;
        }
        p = skip_spaces(p);
        if (!*p) {
            /* "info" alone lists what it can show. */
            hmp_info_help(m, NULL);
            return;
        }
        table = cmd->sub_table;
    }

    cmdname = g_strndup(start, name_end - start);
    if (fmt && (!cmd->args_type || !strstr(cmd->args_type, ":/"))) {
        monitor_printf(m, "%s: invalid char in format\n", cmdname);
        return;
    }
    args = json_object();
    /*
     * Errors found while parsing (a bad -device style option list) go to
     * this monitor too, not to the emulator's stderr.
     */
    old_mon = monitor_set_cur(m);
    error_printf_set_sink(hmp_print_error_sink, m, &old_fn, &old_opaque);
    if (hmp_parse_args(mon, cmd, cmdname, fmt, p, args)) {
        cmd->cmd(m, args);
    }
    error_printf_set_sink(old_fn, old_opaque, NULL, NULL);
    monitor_set_cur(old_mon);
    json_decref(args);
}

/* ---- help -------------------------------------------------------------- */

static gint cmd_compare(gconstpointer a, gconstpointer b)
{
    return strcmp((*(const HMPCommand *const *)a)->name,
                  (*(const HMPCommand *const *)b)->name);
}

static void help_dump_one(Monitor *mon, const HMPCommand *cmd,
                          const char *prefix)
{
    monitor_printf(mon, "%s%s %s -- %s\n", prefix, cmd->name,
                   cmd->params ? cmd->params : "", cmd->help);
}

static void help_dump_table(Monitor *mon, const HMPCommand *table,
                            const char *prefix)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();

    for (const HMPCommand *cmd = table; cmd->name; cmd++) {
        g_ptr_array_add(sorted, (gpointer)cmd);
    }
    g_ptr_array_sort(sorted, cmd_compare);
    for (guint i = 0; i < sorted->len; i++) {
        help_dump_one(mon, g_ptr_array_index(sorted, i), prefix);
    }
}

void hmp_help(Monitor *mon, json_t *args)
{
    const char *name = args ? hmp_arg_str(args, "name") : NULL;
    const HMPCommand *cmd;

    if (!name) {
        help_dump_table(mon, hmp_cmds, "");
        return;
    }
    if (!strcmp(name, "info")) {
        help_dump_table(mon, hmp_info_cmds, "info ");
        return;
    }
    if (g_str_has_prefix(name, "info ")) {
        const char *sub = skip_spaces(name + 5);

        cmd = hmp_find(hmp_info_cmds, sub, strlen(sub));
        if (cmd) {
            help_dump_one(mon, cmd, "info ");
            return;
        }
    } else {
        cmd = hmp_find(hmp_cmds, name, strlen(name));
        if (cmd) {
            help_dump_one(mon, cmd, "");
            return;
        }
    }
    monitor_printf(mon, "unknown command: '%s'\n", name);
}

void hmp_info_help(Monitor *mon, json_t *args)
{
    help_dump_table(mon, hmp_info_cmds, "info ");
}

/* ---- completion -------------------------------------------------------- */

static void complete_names(ReadLineState *rs, const HMPCommand *table,
                           const char *prefix)
{
    for (const HMPCommand *cmd = table; cmd->name; cmd++) {
        g_auto(GStrv) names = g_strsplit(cmd->name, "|", -1);

        for (int i = 0; names[i]; i++) {
            readline_add_completion_of(rs, prefix, names[i]);
        }
    }
}

static void hmp_completion(void *opaque, const char *cmdline)
{
    MonitorHMP *mon = opaque;
    g_auto(GStrv) words = NULL;
    g_autofree char *copy = g_strdup(cmdline);
    int nwords;
    const char *last;
    bool new_word;

    new_word = !*cmdline || g_ascii_isspace(cmdline[strlen(cmdline) - 1]);
    words = g_strsplit_set(g_strstrip(copy), " \t", -1);
    nwords = 0;
    /* Drop the empty strings runs of spaces leave. */
    for (int i = 0; words[i]; i++) {
        if (*words[i]) {
            words[nwords++] = words[i];
        } else {
            g_free(words[i]);
        }
    }
    words[nwords] = NULL;
    if (new_word) {
        last = "";
    } else {
        last = nwords ? words[nwords - 1] : "";
        nwords--;
    }
    readline_set_completion_index(mon->rs, strlen(last));
    if (nwords == 0) {
        complete_names(mon->rs, hmp_cmds, last);
    } else if (nwords == 1 && (!strcmp(words[0], "info") ||
                               !strcmp(words[0], "help") ||
                               !strcmp(words[0], "?"))) {
        complete_names(mon->rs, strcmp(words[0], "info") ? hmp_cmds
                                                        : hmp_info_cmds,
                       last);
    }
}

/* ---- the chardev side -------------------------------------------------- */

static void G_GNUC_PRINTF(2, 3) hmp_readline_printf(void *opaque,
                                                    const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    monitor_vprintf(opaque, fmt, ap);
    va_end(ap);
}

static void hmp_readline_flush(void *opaque)
{
    monitor_flush(opaque);
}

static void hmp_show_prompt(MonitorHMP *mon)
{
    if (mon->rs && !mon->mux_out) {
        readline_show_prompt(mon->rs);
    }
}

static void hmp_command_cb(void *opaque, const char *line,
                           void *readline_opaque)
{
    MonitorHMP *mon = opaque;

    handle_hmp_command(&mon->common, line);
    hmp_show_prompt(mon);
}

static int hmp_can_read(void *opaque)
{
    return CHR_READ_BUF_LEN;
}

static void hmp_read(void *opaque, const uint8_t *buf, int size)
{
    MonitorHMP *mon = opaque;

    for (int i = 0; i < size; i++) {
        if (mon->rs) {
            readline_handle_byte(mon->rs, buf[i]);
            continue;
        }
        if (buf[i] == '\n' || buf[i] == '\r') {
            bool skip = buf[i] == '\n' && mon->last_was_cr;

            mon->last_was_cr = buf[i] == '\r';
            if (!skip) {
                g_autofree char *line = g_strdup(mon->line->str);

                g_string_truncate(mon->line, 0);
                handle_hmp_command(&mon->common, line);
            }
            continue;
        }
        mon->last_was_cr = false;
        if (mon->line->len < READLINE_CMD_BUF_SIZE) {
            g_string_append_c(mon->line, buf[i]);
        }
    }
}

static void hmp_banner(MonitorHMP *mon)
{
    monitor_printf(&mon->common,
                   "QEMU %s monitor - type 'help' for more information\n",
                   QEMU_VERSION);
}

static void hmp_event(void *opaque, QEMUChrEvent event)
{
    MonitorHMP *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        if (mon->rs) {
            readline_restart(mon->rs);
        }
        g_string_truncate(mon->line, 0);
        mon->opened = true;
        if (!mon->mux_out) {
            hmp_banner(mon);
            mon->banner_shown = true;
            hmp_show_prompt(mon);
        }
        break;
    case CHR_EVENT_MUX_IN:
        mon->mux_out = false;
        if (!mon->opened) {
            break;
        }
        /* Under -nographic the user first meets the monitor here. */
        if (!mon->banner_shown) {
            hmp_banner(mon);
            mon->banner_shown = true;
        }
        hmp_show_prompt(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        mon->mux_out = true;
        break;
    case CHR_EVENT_CLOSED:
        mon->opened = false;
        if (mon->rs) {
            readline_restart(mon->rs);
        }
        g_string_truncate(mon->line, 0);
        break;
    default:
        break;
    }
}

static MonitorHMP *monitor_hmp_new(bool use_readline)
{
    MonitorHMP *mon = g_new0(MonitorHMP, 1);

    monitor_data_init(&mon->common, false);
    mon->line = g_string_new(NULL);
    mon->use_readline = use_readline;
    mon->last_format = 'x';
    mon->last_size = 4;
    if (use_readline) {
        mon->rs = readline_init(hmp_readline_printf, hmp_readline_flush,
                                mon, hmp_completion);
        readline_start(mon->rs, HMP_PROMPT, 0, hmp_command_cb, NULL);
    }
    return mon;
}

void monitor_hmp_destroy(MonitorHMP *mon)
{
    monitor_data_destroy(&mon->common);
    readline_free(mon->rs);
    g_string_free(mon->line, true);
    g_free(mon);
}

void monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp)
{
    MonitorHMP *mon;

    monitor_init_globals();
    mon = monitor_hmp_new(use_readline);
    if (!qemu_chr_fe_init(&mon->common.chr, chr, errp)) {
        monitor_hmp_destroy(mon);
        return;
    }
    mon->common.has_chr = true;
    monitor_list_append(&mon->common);
    qemu_chr_fe_set_handlers(&mon->common.chr, hmp_can_read, hmp_read,
                             hmp_event, NULL, mon, NULL, true);
}

char *hmp_run_command_capture(const char *cmdline, int cpu_index)
{
    MonitorHMP *mon;
    char *out;

    monitor_init_globals();
    mon = monitor_hmp_new(false);
    mon->capture = true;
    mon->common.cpu_index = cpu_index;
    handle_hmp_command(&mon->common, cmdline);
    out = g_strdup(mon->common.outbuf->str);
    monitor_hmp_destroy(mon);
    return out;
}
