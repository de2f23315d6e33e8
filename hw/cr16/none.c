/*
 * The "none" machine: an empty board, for tests that only need the
 * monitor or qtest.  It has no devices; -m gives it RAM at address 0 and
 * -cpu a CPU (which -kernel then loads a program for), so -device can
 * add the rest.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/boards.h"
#include "hw/cr16/boot.h"
#include "system/memory.h"
#include "system/system.h"

static void none_init(MachineState *ms)
{
    CR16CPU *cpu = NULL;
    Error *err = NULL;

    if (ms->ram_size) {
        MemoryRegion *ram = memory_region_new_ram(OBJECT(ms), "none.ram",
                                                  ms->ram_size, &error_fatal);

        memory_region_add_subregion(get_system_memory(), 0, ram);
        ms->ram = ram;
    }
    if (ms->cpu_type) {
        cpu = cr16_cpu_create(ms, semihosting_enabled(), 0);
    }
    if (ms->firmware) {
        error_report("none: -bios is not supported (use -kernel)");
        exit(1);
    }
    if (ms->kernel_filename) {
        if (!cpu) {
            error_report("none: -kernel needs a CPU to run it: add -cpu "
                         "cr16c (and -m for RAM)");
            exit(1);
        }
        if (!cr16_load_kernel(ms, cpu, false, 0, &err)) {
            error_report_err(err);
            exit(1);
        }
    }
}

static void none_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "empty machine";
    mc->init = none_init;
    mc->default_ram_size = 0;
    mc->max_ram_size = 4 * GiB;
    mc->max_cpus = 1;
    mc->no_serial = true;
}

static const TypeInfo none_machine_info = {
    .name = MACHINE_TYPE_NAME("none"),
    .parent = TYPE_MACHINE,
    .class_init = none_machine_class_init,
};

static void none_machine_register_types(void)
{
    type_register_static(&none_machine_info);
}

type_init(none_machine_register_types)
