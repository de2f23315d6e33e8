/*
 * Debug logging: "-d item,..." selects what is logged, "-D file" where.
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

#include "qapi/error.h"

#define CPU_LOG_TB_OUT_ASM  (1 << 0)
#define CPU_LOG_TB_IN_ASM   (1 << 1)
#define CPU_LOG_TB_OP       (1 << 2)
#define CPU_LOG_TB_OP_OPT   (1 << 3)
#define CPU_LOG_INT         (1 << 4)
#define CPU_LOG_EXEC        (1 << 5)
#define CPU_LOG_PCALL       (1 << 6)
#define CPU_LOG_TB_CPU      (1 << 8)
#define CPU_LOG_RESET       (1 << 9)
#define LOG_UNIMP           (1 << 10)
#define LOG_GUEST_ERROR     (1 << 11)
#define CPU_LOG_MMU         (1 << 12)
#define CPU_LOG_TB_NOCHAIN  (1 << 13)
#define CPU_LOG_PAGE        (1 << 14)
#define LOG_TRACE           (1 << 15)
#define CPU_LOG_TB_OP_IND   (1 << 16)
#define CPU_LOG_TB_FPU      (1 << 17)
#define CPU_LOG_PLUGIN      (1 << 18)
#define LOG_STRACE          (1 << 19)
#define LOG_PER_THREAD      (1 << 20)
#define CPU_LOG_TB_VPU      (1 << 21)
#define LOG_TB_OP_PLUGIN    (1 << 22)
#define LOG_INVALID_MEM     (1 << 23)

extern int qemu_loglevel;

static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

static inline bool qemu_log_enabled(void)
{
    return qemu_loglevel != 0;
}

/* Write to the log (stderr, or the -D file). */
void qemu_log(const char *fmt, ...) QEMU_PRINTF(1, 2);
void qemu_log_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);

#define qemu_log_mask(MASK, FMT, ...)                   \
    do {                                                \
        if (unlikely(qemu_loglevel_mask(MASK))) {       \
            qemu_log(FMT, ## __VA_ARGS__);              \
        }                                               \
    } while (0)

/* Lock the log for a multi-line dump; returns the stream (or NULL). */
FILE *qemu_log_trylock(void);
void qemu_log_unlock(FILE *fd);

typedef struct QEMULogItem {
    int mask;
    const char *name;
    const char *help;
} QEMULogItem;

extern const QEMULogItem qemu_log_items[];

/* Parse "item1,item2" into a mask; unknown items are ignored. */
int qemu_str_to_log_mask(const char *str);
/* Returns the mask, or -1 on an unknown item (its name is put in *bad). */
int qemu_log_parse_mask(const char *str, char **bad);
void qemu_print_log_usage(FILE *f);

/* Set the mask and the output file (NULL: stderr).  false on I/O error. */
bool qemu_set_log(int log_flags, Error **errp);
bool qemu_set_log_filename(const char *filename, Error **errp);
void qemu_log_close(void);

#endif /* QEMU_LOG_H */
