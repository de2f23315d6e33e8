/*
 * The gdbstub: a GDB remote serial protocol server on a chardev.
 *
 * Start it with gdbserver_start() (declared in system/system.h, used by
 * -s, -gdb and HMP "gdbserver"; "none" stops it).  It serves one client
 * at a time; when a client connects the VM stops, when it detaches or
 * disconnects the breakpoints it left are removed and the VM runs again
 * (unless the monitor had stopped it).  See docs/system/gdb.rst for the
 * protocol subset and the CR16 register layout.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef GDBSTUB_GDBSTUB_H
#define GDBSTUB_GDBSTUB_H

#include "system/system.h"

/*
 * The emulator is about to exit with status @code: tell a connected
 * client the program exited ("W" stop reply) before its connection goes.
 * Called by qemu_cleanup(); harmless without a client.
 */
void gdb_exit(int code);

#endif /* GDBSTUB_GDBSTUB_H */
