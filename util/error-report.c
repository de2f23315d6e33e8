/*
 * User-facing messages with a location prefix.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"

static Location std_loc = { .kind = LOC_NONE };
static Location *cur_loc = &std_loc;
static char *progname;

static ErrorPrintFunc *print_sink;
static void *print_sink_opaque;

void error_set_progname(const char *name)
{
    g_free(progname);
    progname = g_strdup(name);
}

const char *error_get_progname(void)
{
    if (progname) {
        return progname;
    }
    return g_get_prgname() ? g_get_prgname() : "qemu-system-cr16";
}

void error_printf_set_sink(ErrorPrintFunc *fn, void *opaque,
                           ErrorPrintFunc **old_fn, void **old_opaque)
{
    if (old_fn) {
        *old_fn = print_sink;
    }
    if (old_opaque) {
        *old_opaque = print_sink_opaque;
    }
    print_sink = fn;
    print_sink_opaque = opaque;
}

void error_vprintf(const char *fmt, va_list ap)
{
    if (print_sink) {
        char *msg = g_strdup_vprintf(fmt, ap);
        print_sink(print_sink_opaque, msg);
        g_free(msg);
        return;
    }
    vfprintf(stderr, fmt, ap);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprintf(fmt, ap);
    va_end(ap);
}

Location *loc_push_restore(Location *loc)
{
    g_assert(!loc->prev);
    loc->prev = cur_loc;
    cur_loc = loc;
    return loc;
}

Location *loc_push_none(Location *loc)
{
    g_assert(!loc->prev);
    loc->kind = LOC_NONE;
    loc->prev = cur_loc;
    cur_loc = loc;
    return loc;
}

Location *loc_pop(Location *loc)
{
    g_assert(cur_loc == loc && loc->prev);
    cur_loc = loc->prev;
    loc->prev = NULL;
    return loc;
}

Location *loc_save(Location *loc)
{
    *loc = *cur_loc;
    loc->prev = NULL;
    return loc;
}

void loc_restore(Location *loc)
{
    Location *prev = cur_loc->prev;

    g_assert(!loc->prev);
    *cur_loc = *loc;
    cur_loc->prev = prev;
}

void loc_set_none(void)
{
    cur_loc->kind = LOC_NONE;
}

void loc_set_cmdline(char **argv, int idx, int cnt)
{
    cur_loc->kind = LOC_CMDLINE;
    cur_loc->num = cnt;
    cur_loc->ptr = argv + idx;
}

void loc_set_file(const char *fname, int lno)
{
    g_assert(fname || cur_loc->kind == LOC_FILE);
    cur_loc->kind = LOC_FILE;
    cur_loc->num = lno;
    if (fname) {
        cur_loc->ptr = fname;
    }
}

static void print_loc(void)
{
    const char *sep = "";
    int i;
    char *const *argp;

    /*
     * A sink means the message goes to someone who asked for it (the
     * HMP user who typed the command): naming the program there is
     * noise.  On stderr it says who is talking.
     */
    if (!print_sink) {
        error_printf("%s: ", error_get_progname());
    }
    switch (cur_loc->kind) {
    case LOC_CMDLINE:
        argp = cur_loc->ptr;
        for (i = 0; i < cur_loc->num; i++) {
            error_printf("%s%s", sep, argp[i]);
            sep = " ";
        }
        error_printf(": ");
        break;
    case LOC_FILE:
        error_printf("%s:", (const char *)cur_loc->ptr);
        if (cur_loc->num) {
            error_printf("%d:", cur_loc->num);
        }
        error_printf(" ");
        break;
    default:
        break;
    }
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
    print_loc();
    if (kind) {
        error_printf("%s", kind);
    }
    error_vprintf(fmt, ap);
    error_printf("\n");
}

void error_vreport(const char *fmt, va_list ap)
{
    vreport(NULL, fmt, ap);
}

void warn_vreport(const char *fmt, va_list ap)
{
    vreport("warning: ", fmt, ap);
}

void info_vreport(const char *fmt, va_list ap)
{
    vreport("info: ", fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport(fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warn_vreport(fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    info_vreport(fmt, ap);
    va_end(ap);
}
