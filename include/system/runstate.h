/*
 * Run states and the requests that change them.
 *
 * The VM is in exactly one RunState (QMP query-status reports its name).
 * Guests, devices, the monitor and signal handlers do not change the
 * state directly: they post a request (shutdown, reset, powerdown,
 * debug stop) and the main loop acts on it between vCPU slices, so
 * nothing is torn down under the code that asked.
 *
 * The request functions are safe to call from device callbacks running
 * inside the CPU loop; qemu_system_killed() also from a signal handler.
 */
#ifndef SYSTEM_RUNSTATE_H
#define SYSTEM_RUNSTATE_H

#include "qemu/notify.h"

typedef enum RunState {
    RUN_STATE_DEBUG,            /* stopped by the debugger (gdbstub) */
    RUN_STATE_INTERNAL_ERROR,   /* the emulator hit an internal error */
    RUN_STATE_PAUSED,           /* stopped by "stop" */
    RUN_STATE_PRELAUNCH,        /* start-up; -S stays here until "cont" */
    RUN_STATE_RUNNING,
    RUN_STATE_SHUTDOWN,         /* guest shut down, with -no-shutdown */
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE__MAX
} RunState;

/* Why a shutdown or reset was requested (QMP SHUTDOWN/RESET "reason"). */
typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,            /* no request pending */
    SHUTDOWN_CAUSE_HOST_ERROR,      /* an error in the emulator */
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,   /* QMP/HMP "quit" */
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,     /* SIGINT, SIGTERM, SIGHUP */
    SHUTDOWN_CAUSE_HOST_UI,         /* C-a x on the mux */
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,  /* the guest powered off / exited */
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE__MAX
} ShutdownCause;

/* "running", "paused", ... (QMP names). */
const char *runstate_name(RunState state);
/* "host-signal", "guest-shutdown", ... (QMP names). */
const char *shutdown_cause_name(ShutdownCause cause);

RunState runstate_get(void);
bool runstate_check(RunState state);
/* Move to @new_state; aborts on a transition that makes no sense. */
void runstate_set(RunState new_state);
bool runstate_is_running(void);
/* The guest shut down or panicked: "cont" needs a reset first. */
bool runstate_needs_reset(void);

/* ---- state change notification -------------------------------------- */

typedef void VMChangeStateHandler(void *opaque, bool running,
                                  RunState state);
typedef struct VMChangeStateEntry VMChangeStateEntry;

/*
 * Call @cb whenever the VM starts (running true) or stops; stops are
 * announced after the CPUs stopped, starts before they resume.
 */
VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque);
void qemu_del_vm_change_state_handler(VMChangeStateEntry *e);
void vm_state_notify(bool running, RunState state);

/* ---- starting and stopping ---------------------------------------------- */

/* Start (or resume) the VM: RUNNING, clocks on, CPUs run. */
void vm_start(void);
/* Stop the VM in @state (PAUSED, DEBUG, SHUTDOWN, ...).  Returns 0. */
int vm_stop(RunState state);

/* ---- requests (acted on by the main loop) ------------------------------ */

/* Exit the emulator (with -no-shutdown, a guest request only stops). */
void qemu_system_shutdown_request(ShutdownCause reason);
/*
 * The same with the exit status the process should end with: the
 * test/exit device and the semihosting exit call pass the guest's code.
 */
void qemu_system_shutdown_request_with_code(ShutdownCause reason,
                                            int exit_code);
/* Reset the machine (with -no-reboot a guest reset shuts down). */
void qemu_system_reset_request(ShutdownCause reason);
/* Ask the guest to power down (ACPI-style button; see notifiers). */
void qemu_system_powerdown_request(void);
/* Stop for the debugger (RUN_STATE_DEBUG) at the next opportunity. */
void qemu_system_debug_request(void);
/* Ask for a stop in @state at the next opportunity (QMP "stop"). */
void qemu_system_vmstop_request(RunState state);
/* A signal asked us to terminate (async-signal-safe). */
void qemu_system_killed(int signal, pid_t pid);

/* The pending shutdown cause, without consuming it. */
ShutdownCause qemu_shutdown_requested_get(void);
ShutdownCause qemu_reset_requested_get(void);

/* Notified (data = ShutdownCause *) when the machine is powered down. */
void qemu_register_powerdown_notifier(Notifier *notifier);
/* Notified (data = ShutdownCause *) when the emulator shuts down. */
void qemu_register_shutdown_notifier(Notifier *notifier);

/* Reset the whole machine now (main loop context only). */
void qemu_system_reset(ShutdownCause reason);

/* -no-shutdown, -no-reboot. */
extern bool no_shutdown;
extern bool no_reboot;

/* ---- the main loop ------------------------------------------------------- */

/*
 * Act on pending requests (called by the main loop between slices).
 * Returns true, with the process exit status in *status, when the
 * emulator must exit.
 */
bool main_loop_should_exit(int *status);

/*
 * Run until a shutdown request; returns the process exit status.  Only
 * meant for system/main.c (implemented in system/cpus.c).
 */
int qemu_main_loop(void);
/* Tear everything down (machine, chardevs, ...) before exit. */
void qemu_cleanup(int status);

#endif /* SYSTEM_RUNSTATE_H */
