/*
 * The monitor: QMP (JSON, for programs) and HMP (text, for people) on
 * top of any chardev.
 *
 * Start-up creates monitors from -qmp / -monitor / -mon with
 * monitor_init_qmp(), monitor_init_hmp() or monitor_init_opts().  Any
 * number of monitors may exist at once; each has its own state (QMP
 * negotiation, HMP line editor and current CPU).  Everything runs in the
 * main loop: a command is executed as soon as its input is complete, and
 * its reply is written before the next input is read.
 *
 * Code that runs on behalf of a monitor command may print to it with
 * monitor_printf(monitor_cur(), ...); printing to a QMP monitor is
 * silently dropped (QMP replies are JSON only).
 *
 * See docs/interop/qmp.rst and docs/system/monitor.rst.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qemu/option.h"
#include "qapi/error.h"

typedef struct Monitor Monitor;
typedef struct Chardev Chardev;
typedef struct CPUState CPUState;

/*
 * Register the QMP commands and hook the monitor up to run-state changes
 * and device deletion (for the events).  Idempotent; the monitor_init_*
 * functions call it, so start-up need not.
 */
void monitor_init_globals(void);

/*
 * Attach a QMP monitor to @chr.  @pretty indents replies over several
 * lines.  Fails (chardev already in use) through @errp.
 */
void monitor_init_qmp(Chardev *chr, bool pretty, Error **errp);
/*
 * Attach an HMP monitor to @chr.  With @use_readline the monitor prints
 * a prompt, echoes and edits the line (history, completion); without, it
 * reads plain lines.
 */
void monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp);
/*
 * Create a monitor from an entry of the "mon" option group (qemu_mon_opts
 * in system/system.h): chardev=ID, mode=readline|control, pretty=on|off.
 * Returns 0, or -1 with @errp set (unknown chardev, bad mode).
 */
int monitor_init_opts(QemuOpts *opts, Error **errp);
/* The same for system/vl.c (declared in system/system.h). */
bool monitor_init_from_opts(QemuOpts *opts, Error **errp);

/* Detach and free every monitor (at exit, before the chardevs go). */
void monitor_cleanup(void);

/* The monitor whose command is running now, or NULL. */
Monitor *monitor_cur(void);
/* Make @mon the current monitor; returns the previous one. */
Monitor *monitor_set_cur(Monitor *mon);
bool monitor_is_qmp(const Monitor *mon);
/* Whether the running command came from QMP. */
bool monitor_cur_is_qmp(void);

/*
 * Text output for people.  A '\n' goes out as "\r\n" (terminals in raw
 * mode and telnet need both).  Return the number of bytes queued, or -1
 * when @mon is NULL or a QMP monitor.
 */
int monitor_puts(Monitor *mon, const char *str);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
    QEMU_PRINTF(2, 0);
int monitor_printf(Monitor *mon, const char *fmt, ...) QEMU_PRINTF(2, 3);
/* Push queued output to the chardev. */
void monitor_flush(Monitor *mon);

/*
 * The monitor's current CPU ("cpu N" in HMP; cpu-index in QMP), the
 * first CPU by default; NULL when there is none.
 */
CPUState *mon_get_cpu(Monitor *mon);
int monitor_get_cpu_index(Monitor *mon);
/* Select CPU @cpu_index; -1 if there is no such CPU. */
int monitor_set_cpu(Monitor *mon, int cpu_index);

#endif /* MONITOR_MONITOR_H */
