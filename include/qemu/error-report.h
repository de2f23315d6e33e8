/*
 * Messages for the user: "qemu-system-cr16: <location>: message".
 *
 * The location is a stack: command-line option being parsed ("-device foo"),
 * file and line of a config file, or none.  Each message is one line.
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

typedef struct Location {
    /* Kinds: none, command-line argument, file:line */
    enum { LOC_NONE, LOC_CMDLINE, LOC_FILE } kind;
    int num;
    const void *ptr;
    struct Location *prev;
} Location;

Location *loc_push_restore(Location *loc);
Location *loc_push_none(Location *loc);
Location *loc_pop(Location *loc);
Location *loc_save(Location *loc);
void loc_restore(Location *loc);
void loc_set_none(void);
/* Location "-opt value": argv[idx..idx+cnt-1] */
void loc_set_cmdline(char **argv, int idx, int cnt);
void loc_set_file(const char *fname, int lno);

/* Name printed before every message; defaults to g_get_prgname(). */
void error_set_progname(const char *name);
const char *error_get_progname(void);

void error_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void error_printf(const char *fmt, ...) QEMU_PRINTF(1, 2);

void error_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void warn_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void info_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);

void error_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void warn_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void info_report(const char *fmt, ...) QEMU_PRINTF(1, 2);

/*
 * Where error_printf() output goes.  The monitor redirects it while it runs
 * a command so that errors reach the monitor client instead of stderr.
 */
typedef void ErrorPrintFunc(void *opaque, const char *msg);
void error_printf_set_sink(ErrorPrintFunc *fn, void *opaque,
                           ErrorPrintFunc **old_fn, void **old_opaque);

#endif /* QEMU_ERROR_REPORT_H */
