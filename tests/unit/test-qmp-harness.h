/*
 * Shared by the monitor unit tests (test-qmp.c, test-hmp.c): an in-memory
 * chardev to talk to a monitor, and a stand-in for system/runstate.c
 * (which only the emulator binary links) that tests can watch.
 */
#ifndef TEST_QMP_HARNESS_H
#define TEST_QMP_HARNESS_H

#include <jansson.h>
#include "chardev/char.h"
#include "system/runstate.h"

#define TYPE_CHARDEV_TESTBUF "chardev-testbuf"

/*
 * A chardev whose host end is a buffer: what the monitor writes is
 * collected, and test_chr_send() plays the client.  It is put at
 * /chardevs/@label; with @open, the host end starts connected.
 */
Chardev *test_chr_new(const char *label, bool open);
/* Unparent and drop it (after monitor_cleanup()). */
void test_chr_free(Chardev *chr);
/* Bytes from the client, delivered in one read. */
void test_chr_send(Chardev *chr, const char *text);
/* Everything the monitor wrote since the last take (g_free it). */
char *test_chr_take(Chardev *chr);
/* Whether the monitor wrote anything not taken yet. */
bool test_chr_has_output(Chardev *chr);
/*
 * The next reply line (which must end in CRLF) parsed as JSON; NULL if
 * there is no complete line.
 */
json_t *test_chr_next_json(Chardev *chr);

/* ---- the fake run state ------------------------------------------------ */

/* Back to a running VM with no pending request. */
void fake_runstate_reset(void);
/* The last request of each kind (SHUTDOWN_CAUSE_NONE: none). */
extern ShutdownCause fake_shutdown_request;
extern ShutdownCause fake_reset_request;
extern int fake_powerdown_requests;
/* Act on pending shutdown/powerdown requests, as the main loop would. */
void fake_main_loop_act(void);

#endif /* TEST_QMP_HARNESS_H */
