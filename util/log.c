/*
 * Debug log: masks selected with -d, output file selected with -D.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"

int qemu_loglevel;
static FILE *log_file;       /* NULL means stderr */
static char *log_filename;

const QEMULogItem qemu_log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm",
      "show generated host assembly code for each compiled TB" },
    { CPU_LOG_TB_IN_ASM, "in_asm",
      "show target assembly code for each compiled TB" },
    { CPU_LOG_TB_OP, "op",
      "show micro ops for each compiled TB" },
    { CPU_LOG_TB_OP_OPT, "op_opt",
      "show micro ops after optimization" },
    { CPU_LOG_INT, "int",
      "show interrupts/exceptions in short format" },
    { CPU_LOG_EXEC, "exec",
      "show trace before each executed TB (lots of logs)" },
    { CPU_LOG_TB_CPU, "cpu",
      "show CPU registers before entering a TB (lots of logs)" },
    { CPU_LOG_MMU, "mmu",
      "log MMU-related activities" },
    { CPU_LOG_PCALL, "pcall",
      "x86 only: show protected mode far calls/returns/exceptions" },
    { CPU_LOG_RESET, "cpu_reset",
      "show CPU state before CPU resets" },
    { LOG_UNIMP, "unimp",
      "log unimplemented functionality" },
    { LOG_GUEST_ERROR, "guest_errors",
      "log when the guest OS does something invalid (eg accessing a\n"
      "non-existent register)" },
    { CPU_LOG_PAGE, "page",
      "dump pages at beginning of user mode emulation" },
    { CPU_LOG_TB_NOCHAIN, "nochain",
      "do not chain compiled TBs so that \"exec\" and \"cpu\" show\n"
      "complete traces" },
    { LOG_STRACE, "strace",
      "log every user-mode syscall, its input, and its result" },
    { LOG_INVALID_MEM, "invalid_mem",
      "log invalid memory accesses" },
    { 0, NULL, NULL },
};

FILE *qemu_log_trylock(void)
{
    return log_file ? log_file : stderr;
}

void qemu_log_unlock(FILE *fd)
{
    if (fd) {
        fflush(fd);
    }
}

void qemu_log_vprintf(const char *fmt, va_list ap)
{
    FILE *f = qemu_log_trylock();

    vfprintf(f, fmt, ap);
    qemu_log_unlock(f);
}

void qemu_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qemu_log_vprintf(fmt, ap);
    va_end(ap);
}

int qemu_log_parse_mask(const char *str, char **bad)
{
    int mask = 0;
    char **items = g_strsplit(str, ",", -1);
    const QEMULogItem *item;

    for (char **p = items; *p; p++) {
        bool found = false;

        if (**p == '\0') {
            continue;
        }
        if (g_str_equal(*p, "all")) {
            for (item = qemu_log_items; item->mask; item++) {
                mask |= item->mask;
            }
            continue;
        }
        for (item = qemu_log_items; item->mask; item++) {
            if (g_str_equal(*p, item->name)) {
                mask |= item->mask;
                found = true;
                break;
            }
        }
        if (!found) {
            if (bad) {
                *bad = g_strdup(*p);
            }
            g_strfreev(items);
            return -1;
        }
    }
    g_strfreev(items);
    return mask;
}

int qemu_str_to_log_mask(const char *str)
{
    int mask = qemu_log_parse_mask(str, NULL);

    return mask < 0 ? 0 : mask;
}

void qemu_print_log_usage(FILE *f)
{
    const QEMULogItem *item;

    fprintf(f, "Log items (comma separated):\n");
    for (item = qemu_log_items; item->mask; item++) {
        char **lines = g_strsplit(item->help, "\n", -1);

        fprintf(f, "%-15s %s\n", item->name, lines[0]);
        for (char **l = lines + 1; *l; l++) {
            fprintf(f, "%-15s %s\n", "", *l);
        }
        g_strfreev(lines);
    }
}

bool qemu_set_log_filename(const char *filename, Error **errp)
{
    FILE *f = NULL;

    if (filename && *filename) {
        f = fopen(filename, "w");
        if (!f) {
            error_setg_errno(errp, errno, "Error opening logfile %s",
                             filename);
            return false;
        }
        setvbuf(f, NULL, _IOLBF, 0);
    }
    qemu_log_close();
    log_file = f;
    log_filename = g_strdup(filename);
    return true;
}

bool qemu_set_log(int log_flags, Error **errp)
{
    qemu_loglevel = log_flags;
    return true;
}

void qemu_log_close(void)
{
    if (log_file) {
        fclose(log_file);
        log_file = NULL;
    }
    g_free(log_filename);
    log_filename = NULL;
}
