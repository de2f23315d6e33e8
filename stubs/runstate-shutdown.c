/*
 * Stub: qemu_system_shutdown_request() for programs without the system
 * emulator's runstate (unit tests that link the chardev mux, whose C-a x
 * asks for a shutdown).  There is no main loop to stop, so the request
 * is ignored.  One symbol per stub file: a test may define its own.
 */
#include "qemu/osdep.h"
#include "system/runstate.h"

void qemu_system_shutdown_request(ShutdownCause reason)
{
}
