/*
 * gdbstub internals shared by its files:
 *   packet.c      byte layer (include/gdbstub/packet.h)
 *   gdbstub.c     the connection: chardev, acks, run state, stop replies
 *   commands.c    one handler per packet
 *   target-xml.c  the target description
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef GDBSTUB_INTERNAL_H
#define GDBSTUB_INTERNAL_H

#include "chardev/char-fe.h"
#include "gdbstub/packet.h"
#include "hw/core/cpu.h"
#include "system/runstate.h"

/* GDB's signal numbers (not the host's) used in stop replies. */
enum {
    GDB_SIGNAL_0 = 0,
    GDB_SIGNAL_INT = 2,
    GDB_SIGNAL_QUIT = 3,
    GDB_SIGNAL_TRAP = 5,
    GDB_SIGNAL_ABRT = 6,
};

/* The only thread we report: the one CPU. */
#define GDB_THREAD_ID 1

/* Z/z types. */
enum {
    GDB_BP_SW = 0,
    GDB_BP_HW = 1,
    GDB_WP_WRITE = 2,
    GDB_WP_READ = 3,
    GDB_WP_ACCESS = 4,
};

/* A breakpoint the client inserted with Z0/Z1, to report its kind. */
typedef struct GdbBreakpoint {
    vaddr addr;
    int type;           /* GDB_BP_SW or GDB_BP_HW */
} GdbBreakpoint;

typedef struct GDBState {
    /* The chardev we serve on; chr_owned: we created it (delete it). */
    CharBackend chr;
    bool chr_attached;
    bool chr_owned;

    bool connected;     /* a client is there (CHR_EVENT_OPENED seen) */
    bool handling;      /* inside a packet handler */
    bool noack;         /* QStartNoAckMode accepted */
    bool client_swbreak;
    bool client_hwbreak;

    GdbPacketReader rx;
    GString *last_packet;   /* framed, for retransmission on '-' */
    GString *reply;         /* the reply being built */

    /*
     * running: the client resumed the VM (or someone did while it was
     * attached) and is owed a stop reply.  stopped_by_us: the VM is
     * stopped because of the debugger (attach, Ctrl-C, a breakpoint), so
     * losing the client must start it again.
     */
    bool running;
    bool stopped_by_us;
    bool stepping;          /* the resume was a single step */
    bool interrupting;      /* Ctrl-C asked for the pending stop */
    bool killed;            /* k: no exit report */
    bool exiting;           /* gdb_exit() was called: hands off the VM */
    bool disconnect_pending;    /* the client left during a handler */
    int last_signal;

    int sstep_flags;
    GArray *breakpoints;    /* GdbBreakpoint */

    VMChangeStateEntry *vmse;
} GDBState;

extern GDBState gdbserver_state;

/* The CPU the client debugs. */
CPUState *gdb_cpu(void);

/* Send @len bytes as one packet (framed, escaped) and remember it. */
void gdb_put_packet(GDBState *s, const void *data, size_t len);
void gdb_put_str(GDBState *s, const char *str);

/*
 * Handle one packet (NUL-terminated, @len bytes of binary-safe data).
 * The reply, if any, is sent before it returns.
 */
void gdb_handle_packet(GDBState *s, const char *pkt, size_t len);

/*
 * Append a stop reply "T<signal>...thread:01;<pc>:<value>;" to @out, with
 * the reason (watch:, swbreak:, ...) when @reasons.
 */
void gdb_append_stop_reply(GDBState *s, GString *out, int signal,
                           bool reasons);

/*
 * Resume the VM (single-stepping one instruction with @step).  Returns
 * false if the VM cannot run (it must be reset first); the caller then
 * answers with a stop reply at once.
 */
bool gdb_resume(GDBState *s, bool step);

/* Remove everything the client inserted and stop single-stepping. */
void gdb_remove_all_debug(GDBState *s);

/* Answer a resume that cannot happen with the current stop at once. */
void gdb_report_now(GDBState *s);

/*
 * D and disconnect: remove what the client inserted and let the guest
 * run: always with @force_resume (D), else only if the debugger stopped
 * it (a VM stopped from the monitor stays stopped).
 */
void gdb_detach(GDBState *s, bool force_resume);

/* Ask the emulator to quit (k, vKill). */
void gdb_kill(GDBState *s);

/* qXfer:features: the document called @annex, or NULL. */
const char *gdb_get_xml(const char *annex);
/* gdb regnum of the program counter. */
int gdb_pc_regnum(void);

#endif /* GDBSTUB_INTERNAL_H */
