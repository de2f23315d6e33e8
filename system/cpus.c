/*
 * The vCPU side of the single-threaded main loop; see
 * include/system/cpus.h.
 *
 * Slices: without -icount a slice is a number of instructions that is
 * tuned as we go so that one takes about CPUS_SLICE_TARGET_NS of host
 * time: long enough to amortise the trip through the main loop, short
 * enough that chardev input and the monitor stay responsive.  A timer
 * armed during the slice for an earlier deadline ends it early (the TCG
 * timer hook calls cpu_exit).  Under -icount the slice is exactly the
 * number of instructions until the next virtual-clock deadline (or the
 * adaptive budget, if that is smaller), so runs are deterministic.
 *
 * -icount and halted CPUs: the virtual clock is the instruction count,
 * so it would stand still while every CPU waits for an interrupt and a
 * guest waiting for a timer would wait forever.  When nothing can run,
 * the clock jumps to the next virtual deadline instead (QEMU's
 * "-icount sleep=off" behaviour): the jump is kept as extra
 * instructions in our icount source, which wraps the TCG one.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "exec/cpu-defs.h"
#include "system/cpus.h"
#include "system/runstate.h"
#include "system/tcg.h"

#define SLICE_MIN_INSNS 1000
#define SLICE_MAX_INSNS (16 * 1000 * 1000)

static bool vcpus_paused = true;
static void (*cpus_halt_hook)(CPUState *cpu);
/* The adaptive budget (non-icount), starting small. */
static int64_t slice_insns = 20000;
/* Instructions credited to the virtual clock while all CPUs were idle. */
static int64_t icount_warp_insns;

static int64_t cpus_icount_get(void)
{
    return tcg_icount_get_raw() + icount_warp_insns;
}

void cpus_icount_init(void)
{
    qemu_clock_set_icount_source(cpus_icount_get);
}

/*
 * Every CPU is idle under -icount: move the virtual clock to the next
 * deadline so the timer that should wake the guest fires.  Returns true
 * if it did (the main loop must then not sleep).
 */
static bool cpus_icount_warp(void)
{
    int64_t deadline;

    if (!icount_enabled() || qemu_clock_get_qtest_mode() ||
        !runstate_is_running()) {
        return false;
    }
    deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);
    if (deadline <= 0) {
        return deadline == 0;
    }
    icount_warp_insns += tcg_slice_budget(deadline);
    return true;
}

void pause_all_vcpus(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        cpu->stopped = true;
    }
    vcpus_paused = true;
    cpus_kick_current();
}

void resume_all_vcpus(void)
{
    CPUState *cpu;

    vcpus_paused = false;
    CPU_FOREACH(cpu) {
        cpu->stopped = false;
    }
    qemu_notify_event();
}

bool all_vcpus_paused(void)
{
    return vcpus_paused;
}

void cpus_kick_current(void)
{
    CPUState *cpu = current_cpu;

    if (cpu) {
        cpu_exit(cpu);
    }
}

bool cpus_in_vcpu_context(void)
{
    return current_cpu != NULL;
}

void cpus_set_halt_hook(void (*hook)(CPUState *cpu))
{
    cpus_halt_hook = hook;
}

static bool cpu_is_runnable(CPUState *cpu)
{
    if (vcpus_paused || cpu->stopped || !runstate_is_running() ||
        !tcg_enabled()) {
        return false;
    }
    return !cpu->halted || cpu_has_work(cpu);
}

bool cpus_have_runnable(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu_is_runnable(cpu)) {
            return true;
        }
    }
    return false;
}

/* Retune the budget from how long a full slice took. */
static void slice_adapt(int64_t executed, int64_t elapsed_ns)
{
    if (executed < slice_insns) {
        return;     /* cut short: says nothing about speed */
    }
    if (elapsed_ns < CPUS_SLICE_TARGET_NS / 2) {
        slice_insns = MIN(slice_insns * 2, SLICE_MAX_INSNS);
    } else if (elapsed_ns > CPUS_SLICE_TARGET_NS * 2) {
        slice_insns = MAX(slice_insns / 2, SLICE_MIN_INSNS);
    }
}

static void cpu_run_one_slice(CPUState *cpu)
{
    int64_t budget, executed = 0, start;
    int ret;

    if (icount_enabled()) {
        budget = tcg_slice_budget(
            qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL));
        if (budget == 0) {
            /* A virtual timer is due: let the main loop run it first. */
            return;
        }
        /*
         * The next deadline may be far away in instructions; the host
         * must still get the main loop every few milliseconds.  Ending
         * the slice early is invisible to the guest: the virtual clock
         * is the instruction count, so no timer fires sooner.
         */
        budget = MIN(budget, slice_insns);
    } else {
        budget = slice_insns;
    }

    start = get_clock();
    ret = tcg_cpu_exec_slice(cpu, budget, &executed);
    if (budget == slice_insns) {
        /* Deliveries used budget too: a fault storm retunes the slice. */
        slice_adapt(executed + cpu->icount_deliveries, get_clock() - start);
    }

    switch (ret) {
    case EXCP_DEBUG:
        /* Breakpoint, watchpoint or single-step: stop for the debugger. */
        qemu_system_debug_request();
        break;
    case EXCP_HLT:
    case EXCP_HALTED:
        if (cpu->halted && !cpu_has_work(cpu) && cpus_halt_hook) {
            cpus_halt_hook(cpu);
        }
        break;
    default:
        break;
    }
}

void cpus_run_slice(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu_is_runnable(cpu)) {
            cpu_run_one_slice(cpu);
        }
    }
}

int qemu_main_loop(void)
{
    int status = 0;

    while (!main_loop_should_exit(&status)) {
        if (cpus_have_runnable()) {
            cpus_run_slice();
            /* Look at fds and timers, but do not sleep: the CPU has work. */
            main_loop_wait(true);
        } else {
            /* Nothing to execute: sleep until an fd, timer or kick. */
            main_loop_wait(cpus_icount_warp());
        }
    }
    return status;
}
