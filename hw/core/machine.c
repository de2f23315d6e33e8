/*
 * The machine base type and the /machine containers.
 *
 * Kept small on purpose: the system emulator adds its own fields and
 * properties.  qdev only needs to find the machine (for its hotplug
 * hooks) and the containers devices are put in.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/boards.h"

MachineState *current_machine;

Object *qdev_get_machine(void)
{
    Object *root = object_get_root();
    Object *machine = object_resolve_path_component(root, "machine");

    /* Unit tests run without a machine: give devices a home anyway. */
    return machine ? machine : container_get(root, "/machine");
}

MachineState *qdev_get_machine_state(void)
{
    Object *machine = object_resolve_path_component(object_get_root(),
                                                    "machine");

    return (MachineState *)object_dynamic_cast(machine, TYPE_MACHINE);
}

Object *machine_get_container(const char *name)
{
    return container_get(qdev_get_machine(), name);
}

Object *qdev_get_peripheral(void)
{
    return machine_get_container("peripheral");
}

Object *qdev_get_peripheral_anon(void)
{
    return machine_get_container("peripheral-anon");
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->cpu_type);
    g_free(ms->kernel_filename);
    g_free(ms->kernel_cmdline);
    g_free(ms->firmware);
    if (current_machine == ms) {
        current_machine = NULL;
    }
}

static void machine_instance_init(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(obj);

    ms->ram_size = mc->default_ram_size;
    ms->cpu_type = g_strdup(mc->default_cpu_type);
}

static void machine_class_base_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    const char *type = object_class_get_name(oc);

    /* "virt-machine" answers to -machine virt. */
    if (g_str_has_suffix(type, TYPE_MACHINE_SUFFIX)) {
        mc->name = g_strndup(type, strlen(type) -
                                   strlen(TYPE_MACHINE_SUFFIX));
    }
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_base_init = machine_class_base_init,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_instance_init,
    .instance_finalize = machine_finalize,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)
