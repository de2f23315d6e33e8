/*
 * Run states, shutdown/reset/debug requests and their handling by the
 * main loop; see include/system/runstate.h.
 *
 * Requests only record what was asked (in sig_atomic_t variables, so a
 * signal handler may post one), kick the running CPU out of its slice
 * and wake the main loop.  main_loop_should_exit() acts on them between
 * slices, where no device code is on the stack.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "hw/boards.h"
#include "system/cpus.h"
#include "system/reset.h"
#include "system/runstate.h"
#include "monitor/qapi-events.h"

bool no_shutdown;
bool no_reboot;

static RunState current_run_state = RUN_STATE_PRELAUNCH;

static const char *const runstate_names[RUN_STATE__MAX] = {
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
};

static const char *const shutdown_cause_names[SHUTDOWN_CAUSE__MAX] = {
    [SHUTDOWN_CAUSE_NONE] = "none",
    [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
    [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
    [SHUTDOWN_CAUSE_HOST_UI] = "host-ui",
    [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
    [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
    [SHUTDOWN_CAUSE_SUBSYSTEM_RESET] = "subsystem-reset",
};

const char *runstate_name(RunState state)
{
    g_assert(state >= 0 && state < RUN_STATE__MAX);
    return runstate_names[state];
}

const char *shutdown_cause_name(ShutdownCause cause)
{
    g_assert(cause >= 0 && cause < SHUTDOWN_CAUSE__MAX);
    return shutdown_cause_names[cause];
}

/*
 * Which transitions make sense.  Anything else is a bug in the caller:
 * e.g. "running" straight out of "shutdown" would run a guest that
 * asked to be switched off without resetting it first.
 */
static bool runstate_transition_ok(RunState from, RunState to)
{
    switch (from) {
    case RUN_STATE_PRELAUNCH:
        return to != RUN_STATE_GUEST_PANICKED;
    case RUN_STATE_RUNNING:
        return to != RUN_STATE_PRELAUNCH;
    case RUN_STATE_PAUSED:
    case RUN_STATE_DEBUG:
        return to == RUN_STATE_RUNNING || to == RUN_STATE_PRELAUNCH ||
               to == RUN_STATE_PAUSED || to == RUN_STATE_DEBUG ||
               to == RUN_STATE_SHUTDOWN;
    case RUN_STATE_SHUTDOWN:
    case RUN_STATE_INTERNAL_ERROR:
    case RUN_STATE_GUEST_PANICKED:
        return to == RUN_STATE_PAUSED || to == RUN_STATE_PRELAUNCH ||
               to == RUN_STATE_DEBUG;
    default:
        return false;
    }
}

RunState runstate_get(void)
{
    return current_run_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

void runstate_set(RunState new_state)
{
    g_assert(new_state >= 0 && new_state < RUN_STATE__MAX);
    if (new_state == current_run_state) {
        return;
    }
    if (!runstate_transition_ok(current_run_state, new_state)) {
        error_report("invalid runstate transition: '%s' -> '%s'",
                     runstate_name(current_run_state),
                     runstate_name(new_state));
        abort();
    }
    current_run_state = new_state;
}

bool runstate_is_running(void)
{
    return runstate_check(RUN_STATE_RUNNING);
}

bool runstate_needs_reset(void)
{
    return runstate_check(RUN_STATE_INTERNAL_ERROR) ||
           runstate_check(RUN_STATE_SHUTDOWN) ||
           runstate_check(RUN_STATE_GUEST_PANICKED);
}

/* ---- state change handlers ----------------------------------------- */

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

/* Newest first, like notifier lists. */
static GList *vm_change_state_head;

VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_state_head = g_list_prepend(vm_change_state_head, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_change_state_head = g_list_remove(vm_change_state_head, e);
    g_free(e);
}

void vm_state_notify(bool running, RunState state)
{
    GList *l = vm_change_state_head;

    while (l) {
        /* A handler may remove itself. */
        GList *next = l->next;
        VMChangeStateEntry *e = l->data;

        e->cb(e->opaque, running, state);
        l = next;
    }
}

/* ---- start / stop ------------------------------------------------------ */

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    cpu_enable_ticks();
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    resume_all_vcpus();
}

int vm_stop(RunState state)
{
    if (cpus_in_vcpu_context()) {
        /* Called from a device inside the CPU loop: defer to the loop. */
        qemu_system_vmstop_request(state);
        return 0;
    }
    if (runstate_is_running()) {
        pause_all_vcpus();
        cpu_disable_ticks();
        runstate_set(state);
        vm_state_notify(false, state);
    } else {
        runstate_set(state);
    }
    return 0;
}

/* ---- requests ------------------------------------------------------------- */

static volatile sig_atomic_t shutdown_requested;    /* ShutdownCause */
static volatile sig_atomic_t reset_requested;       /* ShutdownCause */
static volatile sig_atomic_t powerdown_requested;
static volatile sig_atomic_t debug_requested;
static volatile sig_atomic_t vmstop_requested;      /* RunState + 1 */
static volatile sig_atomic_t shutdown_signal;
static volatile sig_atomic_t shutdown_pid;
static int shutdown_exit_code;

static NotifierList powerdown_notifiers =
    NOTIFIER_LIST_INITIALIZER(powerdown_notifiers);
static NotifierList shutdown_notifiers =
    NOTIFIER_LIST_INITIALIZER(shutdown_notifiers);

/* Make the main loop look at the requests now. */
static void request_attention(void)
{
    cpus_kick_current();
    qemu_notify_event();
}

void qemu_system_shutdown_request_with_code(ShutdownCause reason,
                                            int exit_code)
{
    shutdown_exit_code = exit_code;
    qemu_system_shutdown_request(reason);
}

void qemu_system_shutdown_request(ShutdownCause reason)
{
    g_assert(reason > SHUTDOWN_CAUSE_NONE && reason < SHUTDOWN_CAUSE__MAX);
    shutdown_requested = reason;
    request_attention();
}

void qemu_system_reset_request(ShutdownCause reason)
{
    if (no_reboot && reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        /* -no-reboot: a guest that reboots is done. */
        shutdown_requested = reason;
    } else {
        reset_requested = reason;
    }
    request_attention();
}

void qemu_system_powerdown_request(void)
{
    powerdown_requested = 1;
    request_attention();
}

void qemu_system_debug_request(void)
{
    debug_requested = 1;
    request_attention();
}

void qemu_system_vmstop_request(RunState state)
{
    vmstop_requested = state + 1;
    request_attention();
}

void qemu_system_killed(int signal, pid_t pid)
{
    shutdown_signal = signal;
    shutdown_pid = pid;
    /* Signals never pause, even with -no-shutdown. */
    no_shutdown = false;
    shutdown_requested = SHUTDOWN_CAUSE_HOST_SIGNAL;
    request_attention();
}

ShutdownCause qemu_shutdown_requested_get(void)
{
    return shutdown_requested;
}

ShutdownCause qemu_reset_requested_get(void)
{
    return reset_requested;
}

void qemu_register_powerdown_notifier(Notifier *notifier)
{
    notifier_list_add(&powerdown_notifiers, notifier);
}

void qemu_register_shutdown_notifier(Notifier *notifier)
{
    notifier_list_add(&shutdown_notifiers, notifier);
}

void qemu_system_reset(ShutdownCause reason)
{
    MachineClass *mc = current_machine ? MACHINE_GET_CLASS(current_machine)
                                       : NULL;

    if (mc && mc->reset) {
        mc->reset(current_machine, RESET_TYPE_COLD);
    } else {
        qemu_devices_reset(RESET_TYPE_COLD);
    }
    /* The power-on reset (no cause) and device-level resets are not
     * machine resets a management client asked for or should hear about. */
    if (reason != SHUTDOWN_CAUSE_NONE &&
        reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        qapi_event_send_reset(shutdown_caused_by_guest(reason), reason);
    }
}

/* "terminating on signal 15 from pid 1234 (bash)" */
static void qemu_kill_report(void)
{
    g_autofree char *comm = NULL;
    g_autofree char *path = NULL;

    if (!shutdown_signal) {
        return;
    }
    if (shutdown_pid <= 0 || shutdown_pid == getpid()) {
        error_report("terminating on signal %d", (int)shutdown_signal);
        return;
    }
    path = g_strdup_printf("/proc/%d/comm", (int)shutdown_pid);
    if (g_file_get_contents(path, &comm, NULL, NULL)) {
        g_strchomp(comm);
    }
    error_report("terminating on signal %d from pid %d (%s)",
                 (int)shutdown_signal, (int)shutdown_pid,
                 comm ? comm : "<unknown process>");
}

bool main_loop_should_exit(int *status)
{
    ShutdownCause request;
    RunState stop;

    if (debug_requested) {
        debug_requested = 0;
        vm_stop(RUN_STATE_DEBUG);
    }
    request = shutdown_requested;
    if (request) {
        shutdown_requested = SHUTDOWN_CAUSE_NONE;
        qemu_kill_report();
        if (no_shutdown && request != SHUTDOWN_CAUSE_HOST_QMP_QUIT &&
            request != SHUTDOWN_CAUSE_HOST_UI) {
            /*
             * -no-shutdown: tell management the guest shut down (the
             * SHUTDOWN event, then STOP from vm_stop), and wait for the
             * monitor.  The shutdown notifiers are for a process that
             * exits; this one goes on.
             */
            qapi_event_send_shutdown(shutdown_caused_by_guest(request),
                                     request);
            vm_stop(RUN_STATE_SHUTDOWN);
        } else {
            notifier_list_notify(&shutdown_notifiers, &request);
            *status = shutdown_exit_code;
            return true;
        }
    }
    request = reset_requested;
    if (request) {
        reset_requested = SHUTDOWN_CAUSE_NONE;
        pause_all_vcpus();
        qemu_system_reset(request);
        resume_all_vcpus();
        if (!runstate_is_running()) {
            /* A reset guest is a fresh one: "cont" may start it. */
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (powerdown_requested) {
        ShutdownCause cause = SHUTDOWN_CAUSE_HOST_QMP_QUIT;

        powerdown_requested = 0;
        notifier_list_notify(&powerdown_notifiers, &cause);
    }
    stop = vmstop_requested;
    if (stop) {
        vmstop_requested = 0;
        vm_stop(stop - 1);
    }
    return false;
}
