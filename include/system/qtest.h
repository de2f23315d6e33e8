/*
 * The qtest accelerator and protocol server (system/qtest.c).
 *
 * With "-accel qtest" no CPU executes and the virtual clock moves only
 * when a test says so.  "-qtest DEV" (which implies the accelerator)
 * opens a line-based text protocol on chardev DEV through which a test
 * program reads and writes guest memory, moves the virtual clock and
 * watches or drives GPIO lines.  tests/qtest/libqtest.c is the client;
 * docs/devel/testing.rst describes the protocol.
 */
#ifndef SYSTEM_QTEST_H
#define SYSTEM_QTEST_H

#include "qapi/error.h"
#include "qemu/timer.h"

/* Whether the qtest accelerator is in use (no CPU runs). */
static inline bool qtest_enabled(void)
{
    return qemu_clock_get_qtest_mode();
}

/*
 * Start the server on chardev spec @qtest_chrdev ("unix:PATH",
 * "tcp:HOST:PORT", "stdio", "chardev:ID", ...), logging the traffic to
 * file @qtest_log (NULL or "none": no log, "-": stderr).  Called once, by
 * system/vl.c, before the board is built.  Also declared in
 * system/system.h, where start-up looks for its hooks.
 */
void qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp);

/* Whether a qtest server was started (-qtest). */
bool qtest_server_running(void);

#endif /* SYSTEM_QTEST_H */
