/*
 * Three-phase reset: phase order over a device tree, legacy reset
 * functions, nesting, parent phase chaining and the machine reset list.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/resettable.h"
#include "system/reset.h"

#define TYPE_RDEV "test-rdev"
#define TYPE_RBRIDGE "test-rbridge"
#define TYPE_RLEAF "test-rleaf"
#define TYPE_RLEGACY "test-rlegacy"
#define TYPE_RSUB "test-rsub"
#define TYPE_RBUS "test-rbus"

static GString *trace;

static void trace_add(const char *phase, const char *who)
{
    g_string_append_printf(trace, "%s%s:%s", trace->len ? " " : "", phase,
                           who);
}

static const char *who(Object *obj)
{
    if (object_dynamic_cast(obj, TYPE_BUS)) {
        return BUS(obj)->name;
    }
    return DEVICE(obj)->id;
}

static void phase_enter(Object *obj, ResetType type)
{
    trace_add("enter", who(obj));
}

static void phase_hold(Object *obj, ResetType type)
{
    /* During hold the object knows it is in reset. */
    g_assert_true(resettable_is_in_reset(obj));
    trace_add("hold", who(obj));
}

static void phase_exit(Object *obj, ResetType type)
{
    trace_add("exit", who(obj));
}

static void rdev_class_init(ObjectClass *oc, void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    rc->phases.enter = phase_enter;
    rc->phases.hold = phase_hold;
    rc->phases.exit = phase_exit;
    DEVICE_CLASS(oc)->bus_type = TYPE_RBUS;
}

static void rbus_class_init(ObjectClass *oc, void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    rc->phases.enter = phase_enter;
    rc->phases.hold = phase_hold;
    rc->phases.exit = phase_exit;
}

typedef struct RBridge {
    DeviceState parent_obj;
    BusState *bus;
} RBridge;

static void legacy_reset(DeviceState *dev)
{
    trace_add("legacy", dev->id);
}

static void rlegacy_class_init(ObjectClass *oc, void *data)
{
    device_class_set_legacy_reset(DEVICE_CLASS(oc), legacy_reset);
}

static ResettablePhases rsub_parent_phases;

static void rsub_hold(Object *obj, ResetType type)
{
    trace_add("sub-hold", who(obj));
    rsub_parent_phases.hold(obj, type);
}

static void rsub_class_init(ObjectClass *oc, void *data)
{
    resettable_class_set_parent_phases(RESETTABLE_CLASS(oc), NULL, rsub_hold,
                                       NULL, &rsub_parent_phases);
}

static const TypeInfo reset_types[] = {
    {
        .name = TYPE_RDEV,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(RBridge),
        .class_init = rdev_class_init,
    },
    { .name = TYPE_RLEAF, .parent = TYPE_RDEV },
    { .name = TYPE_RBRIDGE, .parent = TYPE_RDEV },
    {
        .name = TYPE_RLEGACY,
        .parent = TYPE_RDEV,
        .class_init = rlegacy_class_init,
    },
    {
        .name = TYPE_RSUB,
        .parent = TYPE_RDEV,
        .class_init = rsub_class_init,
    },
    {
        .name = TYPE_RBUS,
        .parent = TYPE_BUS,
        .class_init = rbus_class_init,
    },
};

DEFINE_TYPES(reset_types)

/* Every test device needs a bus: the top ones sit on this one. */
static BusState *root_bus;

/* A device called @id of @type, on @bus (NULL: the root bus), realized. */
static DeviceState *add_dev(const char *type, const char *id, BusState *bus)
{
    DeviceState *dev = qdev_new(type);

    dev->id = g_strdup(id);
    if (!strcmp(type, TYPE_RBRIDGE)) {
        g_autofree char *name = g_strdup_printf("%s.0", id);

        ((RBridge *)dev)->bus = qbus_new(TYPE_RBUS, dev, name);
    }
    /* Adopted by /machine/unattached, which keeps it. */
    qdev_realize_and_unref(dev, bus ? bus : root_bus, &error_abort);
    return dev;
}

static BusState *bus_of(DeviceState *dev)
{
    return ((RBridge *)dev)->bus;
}

/*
 * A tree:  A --A.0--> B
 *                 \-> C --C.0--> D
 */
static DeviceState *build_tree(void)
{
    DeviceState *a = add_dev(TYPE_RBRIDGE, "A", NULL);
    DeviceState *c;

    add_dev(TYPE_RLEAF, "B", bus_of(a));
    c = add_dev(TYPE_RBRIDGE, "C", bus_of(a));
    add_dev(TYPE_RLEAF, "D", bus_of(c));
    g_string_truncate(trace, 0);
    return a;
}

/* Unparenting the root takes its buses and their devices along. */
static void free_tree(DeviceState *a)
{
    object_unparent(OBJECT(a));
    g_string_truncate(trace, 0);
}

/* ---------------------------------------------------------------------- */

static void test_phase_order(void)
{
    DeviceState *a = build_tree();

    device_cold_reset(a);
    /* Each phase over the whole tree, children before their parent. */
    g_assert_cmpstr(trace->str, ==,
                    "enter:B enter:D enter:C.0 enter:C enter:A.0 enter:A "
                    "hold:B hold:D hold:C.0 hold:C hold:A.0 hold:A "
                    "exit:B exit:D exit:C.0 exit:C exit:A.0 exit:A");
    g_assert_false(device_is_in_reset(a));
    free_tree(a);
}

static void test_bus_reset_subtree(void)
{
    DeviceState *a = build_tree();
    DeviceState *c = qdev_find_recursive(bus_of(a), "C");

    bus_cold_reset(bus_of(c));
    g_assert_cmpstr(trace->str, ==, "enter:D enter:C.0 hold:D hold:C.0 "
                    "exit:D exit:C.0");
    free_tree(a);
}

static void test_legacy_reset(void)
{
    DeviceState *a = build_tree();

    add_dev(TYPE_RLEGACY, "E", bus_of(a));
    g_string_truncate(trace, 0);
    bus_cold_reset(bus_of(a));
    /* The single function runs in place of hold; no enter or exit. */
    g_assert_cmpstr(trace->str, ==,
                    "enter:B enter:D enter:C.0 enter:C enter:A.0 "
                    "hold:B hold:D hold:C.0 hold:C legacy:E hold:A.0 "
                    "exit:B exit:D exit:C.0 exit:C exit:A.0");
    free_tree(a);
}

static void test_nested(void)
{
    DeviceState *a = add_dev(TYPE_RLEAF, "N", NULL);

    g_string_truncate(trace, 0);
    resettable_assert_reset(OBJECT(a), RESET_TYPE_COLD);
    resettable_assert_reset(OBJECT(a), RESET_TYPE_COLD);
    /* The second assert runs nothing. */
    g_assert_cmpstr(trace->str, ==, "enter:N hold:N");
    resettable_release_reset(OBJECT(a), RESET_TYPE_COLD);
    g_assert_true(device_is_in_reset(a));
    g_assert_cmpstr(trace->str, ==, "enter:N hold:N");
    resettable_release_reset(OBJECT(a), RESET_TYPE_COLD);
    g_assert_cmpstr(trace->str, ==, "enter:N hold:N exit:N");
    g_assert_false(device_is_in_reset(a));
    free_tree(a);
}

static void test_parent_phases(void)
{
    DeviceState *a = add_dev(TYPE_RSUB, "S", NULL);

    g_string_truncate(trace, 0);
    device_cold_reset(a);
    g_assert_cmpstr(trace->str, ==, "enter:S sub-hold:S hold:S exit:S");
    free_tree(a);
}

static int handler_calls;

static void reset_handler(void *opaque)
{
    handler_calls++;
    trace_add("handler", opaque);
}

static void test_machine_reset_list(void)
{
    DeviceState *a = add_dev(TYPE_RLEAF, "M", NULL);

    g_string_truncate(trace, 0);
    qemu_register_reset(reset_handler, (void *)"h1");
    qemu_register_resettable(OBJECT(a));
    qemu_register_reset_nosnapshotload(reset_handler, (void *)"h2");
    qemu_devices_reset(RESET_TYPE_COLD);
    /* One three-phase reset over everything, in registration order. */
    g_assert_cmpstr(trace->str, ==,
                    "enter:M handler:h1 hold:M handler:h2 exit:M");
    g_string_truncate(trace, 0);
    qemu_devices_reset(RESET_TYPE_SNAPSHOT_LOAD);
    g_assert_cmpstr(trace->str, ==, "enter:M handler:h1 hold:M exit:M");
    g_string_truncate(trace, 0);
    qemu_unregister_reset(reset_handler, (void *)"h1");
    qemu_unregister_reset(reset_handler, (void *)"h2");
    qemu_unregister_resettable(OBJECT(a));
    qemu_devices_reset(RESET_TYPE_COLD);
    g_assert_cmpstr(trace->str, ==, "");
    free_tree(a);
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    root_bus = qbus_new(TYPE_RBUS, NULL, "root");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/reset/phase-order", test_phase_order);
    g_test_add_func("/qdev/reset/bus-subtree", test_bus_reset_subtree);
    g_test_add_func("/qdev/reset/legacy", test_legacy_reset);
    g_test_add_func("/qdev/reset/nested", test_nested);
    g_test_add_func("/qdev/reset/parent-phases", test_parent_phases);
    g_test_add_func("/qdev/reset/machine-list", test_machine_reset_list);
    ret = g_test_run();
    object_unref(OBJECT(root_bus));
    g_string_free(trace, true);
    return ret;
}
