/*
 * The "sim" machine: the environment of the GNU simulator (cr16-elf-run),
 * so that programs built for it run unchanged (toolchain-abi.md 5).
 *
 *  - one flat RAM of 20 MiB at address 0 (-m changes the size);
 *  - all registers 0 at start, PC = the ELF entry point;
 *  - EXCP is the simulator's system-call trap (write/read/open/... on
 *    the host, through the CPU's semihosting); the program's exit call
 *    ends the emulator with the status it passed;
 *  - -kernel loads PT_LOAD segments at their load address (LMA).  With
 *    "-M sim,load-vma=on" they go to their run address (VMA) instead,
 *    like the simulator's --load-vma;
 *  - an undecodable word whose high byte is 0x00 (0x0000 typically: a
 *    program that falls off its end into zeroed RAM) ends the run with
 *    status r2, as in the simulator (toolchain-abi.md 5.2), unless the
 *    program set up a dispatch table (INTBASE != 0) for real traps;
 *  - no interrupts exist, so WAIT can never end: like the simulator
 *    (which stops with SIGTRAP), the run ends, here with status 5 and a
 *    message.
 *
 * The program owns the host's stdin/stdout: -nographic puts no monitor
 * there (use -monitor or -qmp with a socket for one).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/boards.h"
#include "hw/cr16/boot.h"
#include "system/cpus.h"
#include "system/memory.h"
#include "system/runstate.h"

#define SIM_RAM_SIZE    (20 * MiB)
/* The status for a WAIT nothing can end: SIGTRAP's number. */
#define SIM_WAIT_STATUS 5

#define TYPE_SIM_MACHINE MACHINE_TYPE_NAME("sim")
OBJECT_DECLARE_SIMPLE_TYPE(SimMachineState, SIM_MACHINE)

struct SimMachineState {
    MachineState parent_obj;

    MemoryRegion ram;
    CR16CPU *cpu;
    bool load_vma;
};

static void sim_cpu_halted(CPUState *cs)
{
    CR16CPU *cpu = CR16_CPU(cs);

    if (cpu->env.exited) {
        return;     /* the exit call already asked for the shutdown */
    }
    error_report("sim: WAIT at 0x%06x with no interrupt source: the program "
                 "stopped (the GNU simulator reports SIGTRAP)",
                 cpu->env.pc);
    qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                           SIM_WAIT_STATUS);
}

static void sim_init(MachineState *ms)
{
    SimMachineState *s = SIM_MACHINE(ms);
    Error *err = NULL;

    if (ms->firmware) {
        error_report("sim: the simulator has no firmware; -bios is not "
                     "supported (use -kernel)");
        exit(1);
    }
    memory_region_init_ram(&s->ram, OBJECT(ms), "sim.ram", ms->ram_size,
                           &error_fatal);
    memory_region_add_subregion(get_system_memory(), 0, &s->ram);
    ms->ram = &s->ram;

    /*
     * The simulator checks data addresses against its memory, not
     * against 24 bits: 20 MiB of RAM are all reachable.
     */
    s->cpu = cr16_cpu_create(ms, true,
                             MAX(MIN(ms->ram_size, 4 * GiB) - 1,
                                 0xffffff));
    /* A program that runs into zeroed memory exits like in cr16-elf-run. */
    s->cpu->sim_zero_word_exits = true;
    cpus_set_halt_hook(sim_cpu_halted);

    if (ms->kernel_filename &&
        !cr16_load_kernel(ms, s->cpu, s->load_vma, 0, &err)) {
        error_report_err(err);
        exit(1);
    }
}

static bool sim_get_load_vma(Object *obj, Error **errp)
{
    return SIM_MACHINE(obj)->load_vma;
}

static void sim_set_load_vma(Object *obj, bool value, Error **errp)
{
    SIM_MACHINE(obj)->load_vma = value;
}

static void sim_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "GNU simulator environment (cr16-elf-run programs)";
    mc->init = sim_init;
    mc->default_cpu_type = TYPE_CR16C_CPU;
    mc->default_ram_size = SIM_RAM_SIZE;
    /* A 32-bit flat space; the CPU itself reaches the first 16 MiB. */
    mc->max_ram_size = 4 * GiB;
    mc->max_cpus = 1;
    mc->no_serial = true;
    mc->guest_uses_stdio = true;

    object_class_property_add_bool(oc, "load-vma", sim_get_load_vma,
                                   sim_set_load_vma);
    object_class_property_set_description(oc, "load-vma",
        "load ELF segments at their VMA instead of their LMA");
}

static const TypeInfo sim_machine_info = {
    .name = TYPE_SIM_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(SimMachineState),
    .class_init = sim_machine_class_init,
};

static void sim_machine_register_types(void)
{
    type_register_static(&sim_machine_info);
}

type_init(sim_machine_register_types)
