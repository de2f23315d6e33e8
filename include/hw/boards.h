/*
 * Machines (boards): the skeleton.
 *
 * A machine type is a QOM class derived from TYPE_MACHINE ("machine"),
 * named "<board>-machine"; its init() builds the board.  The machine
 * object lives at /machine, with the containers /machine/unattached,
 * /machine/peripheral and /machine/peripheral-anon below it.
 *
 * This is deliberately small: hw/core provides the type and the hooks
 * qdev needs (hotplug handler lookup); the system emulator extends both
 * structs with what start-up needs.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "hw/qdev-core.h"
#include "hw/hotplug.h"

typedef struct MemoryRegion MemoryRegion;

#define TYPE_MACHINE_SUFFIX "-machine"
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

#define TYPE_MACHINE "machine"
OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

struct MachineClass {
    ObjectClass parent_class;

    /* Short name for -machine (the type name without "-machine"). */
    const char *name;
    const char *alias;
    const char *desc;
    /* Build the board: CPUs, memory, devices. */
    void (*init)(MachineState *state);
    /* Reset the machine (default: reset every registered device). */
    void (*reset)(MachineState *state, ResetType type);
    const char *default_cpu_type;
    uint64_t default_ram_size;
    int max_cpus;
    /* The default machine when -machine is not given. */
    bool is_default;
    /* Refuse -device / device_add of devices the board cannot take. */
    bool no_user_devices;
    /* The board has no serial port: -serial / -nographic give it none. */
    bool no_serial;
    /*
     * The guest itself reads and writes the host's stdin/stdout (the sim
     * board's GNU simulator system calls), so -nographic must not put a
     * monitor or a mux on stdio.
     */
    bool guest_uses_stdio;
    /* Largest -m the board accepts (0: no limit). */
    uint64_t max_ram_size;
    /*
     * The machine's hotplug handler for @dev, or NULL to let the bus's
     * handler (if any) do it.
     */
    HotplugHandler *(*get_hotplug_handler)(MachineState *machine,
                                           DeviceState *dev);
    /* Optional veto on hotplugging @dev once the machine is running. */
    bool (*hotplug_allowed)(MachineState *state, DeviceState *dev,
                            Error **errp);
    /*
     * The bus of expansion slot @slot, for -device/device_add "slot=N";
     * NULL (with @errp set) if there is no such slot.  Boards without
     * numbered slots leave it NULL.
     */
    BusState *(*get_slot_bus)(MachineState *machine, int64_t slot,
                              Error **errp);
};

struct MachineState {
    Object parent_obj;

    uint64_t ram_size;
    char *cpu_type;
    char *kernel_filename;
    char *kernel_cmdline;
    char *firmware;
    /* Main RAM, once the board created it. */
    MemoryRegion *ram;
};

/*
 * The machine being run.  Start-up code creates it, adds it to the root
 * as "machine" and sets this (defined in hw/core/machine.c).
 */
extern MachineState *current_machine;

/* The MachineState at /machine, or NULL when /machine is no machine. */
MachineState *qdev_get_machine_state(void);

#endif /* HW_BOARDS_H */
