/*
 * The vCPUs as the single-threaded main loop drives them (system/cpus.c).
 *
 * One thread runs everything (design.md section 3, item 4): the loop
 * gives each runnable CPU a bounded slice with tcg_cpu_exec_slice(),
 * then polls file descriptors and runs timers with main_loop_wait();
 * when no CPU can run it sleeps in main_loop_wait() until a device or a
 * request wakes it.
 */
#ifndef SYSTEM_CPUS_H
#define SYSTEM_CPUS_H

#include "hw/core/cpu.h"

/* Stop / restart every vCPU (vm_stop / vm_start use these). */
void pause_all_vcpus(void);
void resume_all_vcpus(void);
bool all_vcpus_paused(void);

/* Make the CPU that is executing (if any) leave its slice. */
void cpus_kick_current(void);
/* True while called from inside a vCPU slice (a device MMIO callback). */
bool cpus_in_vcpu_context(void);

/* Whether some CPU could execute instructions now. */
bool cpus_have_runnable(void);
/* Give each runnable CPU one slice. */
void cpus_run_slice(void);

/*
 * Board hook: called after a slice that left @cpu halted with nothing
 * that could wake it as far as the CPU knows (no pending interrupt).  A
 * board without interrupt sources (sim) uses it to end the run, as the
 * GNU simulator does on WAIT.  NULL: halted CPUs just wait.
 */
void cpus_set_halt_hook(void (*hook)(CPUState *cpu));

/*
 * Under -icount: make the virtual clock read our icount source (the TCG
 * instruction count plus the time skipped while all CPUs were idle).
 * Call after tcg_exec_init().
 */
void cpus_icount_init(void);

/*
 * The slice length in host time that the adaptive instruction budget
 * aims at when -icount is off.
 */
#define CPUS_SLICE_TARGET_NS (4 * 1000 * 1000)

#endif /* SYSTEM_CPUS_H */
