/*
 * The gdbstub's connection: the chardev it serves on, acknowledgements,
 * retransmission, Ctrl-C, and how the VM's run state turns into stop
 * replies.  Packet handlers are in commands.c.
 *
 * Run state.  The stub never runs the CPU itself: "continue" and "step"
 * start the VM with vm_start() (after cpu_single_step() for a step), and
 * the TCG loop returns EXCP_DEBUG at a breakpoint, watchpoint or after
 * the stepped instruction.  system/cpus.c turns that into a debug stop
 * request, the main loop calls vm_stop(RUN_STATE_DEBUG), and our
 * VM-state handler, seeing the VM stop while the client waits, sends the
 * stop reply.  Ctrl-C is vm_stop(RUN_STATE_PAUSED) and is answered the
 * same way (signal 2).  So every stop, whoever caused it, reaches the
 * client through one path.
 *
 * Connections.  When a client connects the VM stops (as QEMU does), so
 * the client finds it still.  When it detaches (D) or just goes away, the
 * breakpoints and watchpoints it left are removed and, if the debugger
 * was what kept the VM stopped, the VM runs again.  A VM stopped from the
 * monitor stays stopped.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "chardev/char.h"
#include "gdbstub/gdbstub.h"
#include "gdbstub/internal.h"
#include "system/system.h"

/* The chardev id we give the stub's own chardev ("info chardev"). */
#define GDB_CHARDEV_LABEL "gdb"

GDBState gdbserver_state;

CPUState *gdb_cpu(void)
{
    return first_cpu;
}

/* ---- output ---------------------------------------------------------------- */

static void gdb_write(GDBState *s, const void *buf, size_t len)
{
    if (s->chr_attached && s->connected) {
        qemu_chr_fe_write_all(&s->chr, buf, len);
    }
}

void gdb_put_packet(GDBState *s, const void *data, size_t len)
{
    g_string_truncate(s->last_packet, 0);
    gdb_packet_encode(s->last_packet, data, len);
    gdb_write(s, s->last_packet->str, s->last_packet->len);
}

void gdb_put_str(GDBState *s, const char *str)
{
    gdb_put_packet(s, str, strlen(str));
}

/* ---- stop replies ------------------------------------------------------------- */

static const char *gdb_watch_kind(const CPUWatchpoint *wp)
{
    switch (wp->flags & BP_MEM_ACCESS) {
    case BP_MEM_READ:
        return "rwatch";
    case BP_MEM_WRITE:
        return "watch";
    default:
        return "awatch";
    }
}

/* Was the CPU stopped by a Z0 or Z1 breakpoint at @pc?  -1: neither. */
static int gdb_breakpoint_type_at(GDBState *s, vaddr pc)
{
    for (guint i = 0; i < s->breakpoints->len; i++) {
        GdbBreakpoint *bp = &g_array_index(s->breakpoints, GdbBreakpoint, i);

        if (bp->addr == pc) {
            return bp->type;
        }
    }
    return -1;
}

/* Why a SIGTRAP stop happened, in the words of the stop reply. */
static void gdb_append_stop_reason(GDBState *s, GString *out, CPUState *cpu)
{
    CPUWatchpoint *wp = cpu->watchpoint_hit;
    int type;

    if (wp) {
        g_string_append_printf(out, "%s:%" PRIx64 ";", gdb_watch_kind(wp),
                               (uint64_t)wp->hitaddr);
        return;
    }
    if (s->stepping) {
        return;     /* a finished step needs no explanation */
    }
    /* Only the reasons the client said it understands (qSupported). */
    type = gdb_breakpoint_type_at(s, cpu_get_pc(cpu));
    if (type == GDB_BP_SW && s->client_swbreak) {
        g_string_append(out, "swbreak:;");
    } else if (type == GDB_BP_HW && s->client_hwbreak) {
        g_string_append(out, "hwbreak:;");
    }
}

void gdb_append_stop_reply(GDBState *s, GString *out, int signal,
                           bool reasons)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GByteArray) pc = g_byte_array_new();
    int pc_reg = gdb_pc_regnum();

    g_string_append_printf(out, "T%02x", signal);
    if (reasons && signal == GDB_SIGNAL_TRAP) {
        gdb_append_stop_reason(s, out, cpu);
    }
    g_string_append_printf(out, "thread:%02x;", GDB_THREAD_ID);
    /* The PC saves the client a round trip at every stop. */
    if (cpu->cc->gdb_read_register(cpu, pc, pc_reg) > 0) {
        g_string_append_printf(out, "%02x:", pc_reg);
        gdb_hex_encode(out, pc->data, pc->len);
        g_string_append_c(out, ';');
    }
}

static int gdb_signal_for_state(RunState state)
{
    switch (state) {
    case RUN_STATE_DEBUG:
        return GDB_SIGNAL_TRAP;
    case RUN_STATE_PAUSED:
        return GDB_SIGNAL_INT;
    case RUN_STATE_SHUTDOWN:
        return GDB_SIGNAL_QUIT;
    case RUN_STATE_INTERNAL_ERROR:
    case RUN_STATE_GUEST_PANICKED:
        return GDB_SIGNAL_ABRT;
    default:
        return GDB_SIGNAL_TRAP;
    }
}

/* Send the stop reply for a stop in @state and forget the stop's cause. */
static void gdb_report_stop(GDBState *s, RunState state)
{
    CPUState *cpu = gdb_cpu();
    g_autoptr(GString) out = g_string_new(NULL);

    s->last_signal = gdb_signal_for_state(state);
    gdb_append_stop_reply(s, out, s->last_signal, true);
    if (cpu->watchpoint_hit) {
        cpu->watchpoint_hit->flags &= ~BP_WATCHPOINT_HIT;
        cpu->watchpoint_hit = NULL;
    }
    cpu_single_step(cpu, 0);
    s->stepping = false;
    gdb_put_packet(s, out->str, out->len);
}

static void gdb_vm_state_change(void *opaque, bool running, RunState state)
{
    GDBState *s = opaque;

    if (!s->connected) {
        return;
    }
    if (running) {
        /* Whoever started it, the client is owed the next stop. */
        s->running = true;
        s->stopped_by_us = false;
        return;
    }
    if (!s->running) {
        return;     /* our own stop at attach: nothing was asked */
    }
    s->running = false;
    s->stopped_by_us = state == RUN_STATE_DEBUG || s->interrupting;
    s->interrupting = false;
    gdb_report_stop(s, state);
}

bool gdb_resume(GDBState *s, bool step)
{
    CPUState *cpu = gdb_cpu();

    if (runstate_needs_reset()) {
        /* Shut down or crashed: vm_start would be an invalid transition. */
        return false;
    }
    s->stepping = step;
    cpu_single_step(cpu, step ? s->sstep_flags : 0);
    s->running = true;
    if (!runstate_is_running()) {
        vm_start();
    }
    return true;
}

void gdb_report_now(GDBState *s)
{
    gdb_report_stop(s, runstate_get());
}

/* ---- debugger state ------------------------------------------------------------- */

void gdb_remove_all_debug(GDBState *s)
{
    CPUState *cpu = gdb_cpu();

    if (cpu) {
        cpu_breakpoint_remove_all(cpu, BP_GDB);
        cpu_watchpoint_remove_all(cpu, BP_GDB);
        cpu_single_step(cpu, 0);
        if (cpu->watchpoint_hit) {
            cpu->watchpoint_hit = NULL;
        }
    }
    g_array_set_size(s->breakpoints, 0);
    s->stepping = false;
}

void gdb_detach(GDBState *s, bool force_resume)
{
    bool resume = force_resume || s->stopped_by_us;

    gdb_remove_all_debug(s);
    s->running = false;
    s->stopped_by_us = false;
    s->interrupting = false;
    if (resume && !runstate_is_running() && !runstate_needs_reset()) {
        vm_start();
    }
    /* The start above is not owed to anyone. */
    s->running = false;
}

void gdb_kill(GDBState *s)
{
    info_report("gdbstub: the debugger asked the emulator to quit");
    s->killed = true;
    gdb_remove_all_debug(s);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

void gdb_exit(int code)
{
    GDBState *s = &gdbserver_state;
    char buf[8];

    /*
     * From here on the machine is being torn down: a client that goes
     * away now must not make us restart the VM.
     */
    s->exiting = true;
    if (!s->connected || s->killed) {
        return;
    }
    snprintf(buf, sizeof(buf), "W%02x", code & 0xff);
    gdb_put_str(s, buf);
}

/* ---- input ------------------------------------------------------------------------ */

static void gdb_on_connect(GDBState *s)
{
    gdb_packet_reader_reset(&s->rx);
    g_string_truncate(s->last_packet, 0);
    s->connected = true;
    s->noack = false;
    s->client_swbreak = false;
    s->client_hwbreak = false;
    s->running = false;
    s->interrupting = false;
    s->killed = false;
    s->last_signal = GDB_SIGNAL_TRAP;
    /* A client finds the VM stopped; it is ours to restart. */
    s->stopped_by_us = runstate_is_running() ||
                       runstate_check(RUN_STATE_PRELAUNCH);
    if (!runstate_needs_reset()) {
        vm_stop(RUN_STATE_PAUSED);
    }
}

static void gdb_on_disconnect(GDBState *s)
{
    if (!s->connected) {
        return;
    }
    if (s->handling) {
        /* Finish the packet first: its handler may still use our state. */
        s->disconnect_pending = true;
        return;
    }
    s->connected = false;
    s->disconnect_pending = false;
    if (s->exiting) {
        return;
    }
    gdb_detach(s, false);
    gdb_packet_reader_reset(&s->rx);
}

static void gdb_packet_error_reply(GDBState *s)
{
    /* Framing was fine but the contents were not usable. */
    gdb_put_str(s, "E22");
}

static int gdb_chr_can_receive(void *opaque)
{
    /* Everything is consumed at once: there is no queue to fill. */
    return GDB_PACKET_SIZE;
}

static void gdb_chr_receive(void *opaque, const uint8_t *buf, int size)
{
    GDBState *s = opaque;

    for (int i = 0; i < size && s->connected && !s->disconnect_pending;
         i++) {
        switch (gdb_packet_reader_feed(&s->rx, buf[i])) {
        case GDB_RX_NONE:
        case GDB_RX_ACK:
            break;
        case GDB_RX_PACKET:
            if (!s->noack) {
                gdb_write(s, "+", 1);
            }
            s->handling = true;
            gdb_handle_packet(s, (const char *)s->rx.buf, s->rx.len);
            s->handling = false;
            break;
        case GDB_RX_BAD_CHECKSUM:
            /* Without acks there is nobody to ask: drop it. */
            if (!s->noack) {
                gdb_write(s, "-", 1);
            }
            break;
        case GDB_RX_ERROR:
            if (!s->noack) {
                gdb_write(s, "+", 1);
            }
            gdb_packet_error_reply(s);
            break;
        case GDB_RX_NACK:
            if (!s->noack && s->last_packet->len) {
                gdb_write(s, s->last_packet->str, s->last_packet->len);
            }
            break;
        case GDB_RX_INTERRUPT:
            if (s->running && runstate_is_running()) {
                s->interrupting = true;
                vm_stop(RUN_STATE_PAUSED);
            }
            break;
        }
    }
    if (s->disconnect_pending) {
        gdb_on_disconnect(s);
    }
}

static void gdb_chr_event(void *opaque, QEMUChrEvent event)
{
    GDBState *s = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        gdb_on_connect(s);
        break;
    case CHR_EVENT_CLOSED:
        gdb_on_disconnect(s);
        break;
    default:
        break;
    }
}

/* ---- starting and stopping the server ------------------------------------------------ */

static void gdb_state_init(GDBState *s)
{
    if (s->last_packet) {
        return;
    }
    gdb_packet_reader_init(&s->rx, GDB_PACKET_SIZE);
    s->last_packet = g_string_new(NULL);
    s->breakpoints = g_array_new(false, false, sizeof(GdbBreakpoint));
    s->sstep_flags = SSTEP_ENABLE | SSTEP_NOIRQ | SSTEP_NOTIMER;
    s->vmse = qemu_add_vm_change_state_handler(gdb_vm_state_change, s);
}

/* Let go of the current chardev (and its client). */
static void gdb_close_chardev(GDBState *s)
{
    if (!s->chr_attached) {
        return;
    }
    if (s->connected) {
        s->connected = false;
        gdb_detach(s, false);
    }
    qemu_chr_fe_deinit(&s->chr, s->chr_owned);
    s->chr_attached = false;
    s->chr_owned = false;
}

/*
 * "tcp:..." and "unix:..." become listening sockets that do not block
 * start-up, unless the user said otherwise.
 */
static char *gdb_chardev_spec(const char *device)
{
    if ((g_str_has_prefix(device, "tcp:") ||
         g_str_has_prefix(device, "unix:")) && !strstr(device, "server=")) {
        return g_strdup_printf("%s,server=on,wait=off", device);
    }
    return g_strdup(device);
}

bool gdbserver_start(const char *device, Error **errp)
{
    GDBState *s = &gdbserver_state;
    g_autofree char *spec = NULL;
    Chardev *chr;

    if (!device || !*device) {
        error_setg(errp, "gdbstub: no device given");
        return false;
    }
    if (s->handling) {
        error_setg(errp, "gdbstub: cannot be moved from its own connection");
        return false;
    }
    if (!strcmp(device, "none")) {
        gdb_close_chardev(s);
        return true;
    }
    if (!first_cpu) {
        error_setg(errp, "gdbstub: the machine has no CPU to debug");
        return false;
    }
    gdb_state_init(s);
    gdb_close_chardev(s);

    spec = gdb_chardev_spec(device);
    chr = qemu_chr_new_err(GDB_CHARDEV_LABEL, spec, errp);
    if (!chr) {
        error_prepend(errp, "gdbstub: ");
        return false;
    }
    if (!qemu_chr_fe_init(&s->chr, chr, errp)) {
        error_prepend(errp, "gdbstub: ");
        if (!g_str_has_prefix(device, "chardev:")) {
            qemu_chr_delete(GDB_CHARDEV_LABEL, NULL);
        }
        return false;
    }
    s->chr_attached = true;
    s->chr_owned = !g_str_has_prefix(device, "chardev:");
    qemu_chr_fe_set_handlers(&s->chr, gdb_chr_can_receive, gdb_chr_receive,
                             gdb_chr_event, NULL, s, NULL, true);
    return true;
}
