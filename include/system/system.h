/*
 * The system emulator's start-up (system/vl.c) and what it offers the
 * rest of the emulator: the serial chardevs for boards, the -semihosting
 * switch, and the hooks into subsystems that start from the command line.
 */
#ifndef SYSTEM_SYSTEM_H
#define SYSTEM_SYSTEM_H

#include "qemu/option.h"

typedef struct Chardev Chardev;

/*
 * Parse the command line and build the machine (see design.md section 3).
 * Any error is reported as "qemu-system-cr16: -opt value: reason" and
 * exits with status 1 before anything runs; -help, -version and the
 * "help" forms print and exit with status 0.
 */
void qemu_init(int argc, char **argv);

/* The chardev of serial port @i (-serial, -nographic), or NULL. */
Chardev *serial_hd(int i);
/* How many -serial ports were configured (including "none" gaps). */
int serial_max_hds(void);

/* -semihosting: EXCP is a GNU simulator system call (sim: always). */
bool semihosting_enabled(void);

/* -name, or NULL. */
extern const char *qemu_name;

/* The "mon" option group (-mon, and what -monitor/-qmp turn into). */
extern QemuOptsList qemu_mon_opts;

/*
 * Hooks into subsystems that other parts of the project implement.  Until
 * they exist, stubs/ provides stand-ins (see each stub for what it does).
 */

/*
 * Start one monitor from a "mon" entry: chardev=ID (the chardev exists),
 * mode=readline|control, pretty=on|off.  Called for each entry before
 * the board is built, in command-line order.
 */
bool monitor_init_from_opts(QemuOpts *opts, Error **errp);

/*
 * Start the gdbstub on @device ("tcp::1234", "unix:PATH,server=on",
 * "chardev:ID", ...) once the machine is built.
 */
bool gdbserver_start(const char *device, Error **errp);

/*
 * Start the qtest protocol server on chardev spec @qtest_chrdev, logging
 * to @qtest_log (may be NULL).  Called before the board is built.
 */
void qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp);

#endif /* SYSTEM_SYSTEM_H */
