/*
 * Hotplug: handler call order, device_add from JSON with each of its
 * errors, unplug (asynchronous and synchronous), and the device-deleted
 * notification that only fires when the device object is finalized.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/hotplug.h"
#include "hw/boards.h"

#define TYPE_HP_BUS "test-hp-bus"
#define TYPE_OTHER_BUS "test-other-bus"
#define TYPE_MISSING_BUS "test-missing-bus"
#define TYPE_HP_CTRL "test-hp-ctrl"
#define TYPE_HP_CTRL_SYNC "test-hp-ctrl-sync"
#define TYPE_PLAIN_CTRL "test-plain-ctrl"
#define TYPE_OTHER_CTRL "test-other-ctrl"
#define TYPE_HP_DEV "test-hp-dev"
#define TYPE_NOHP_DEV "test-nohp-dev"
#define TYPE_NOUSER_DEV "test-nouser-dev"
#define TYPE_ORPHAN_DEV "test-orphan-dev"
#define TYPE_BUSLESS_DEV "test-busless-dev"
#define TYPE_MACHINE_DEV "test-machine-dev"
#define TYPE_TEST_MACHINE MACHINE_TYPE_NAME("test")

static GString *trace;
static int live_devices;
static GString *deleted;    /* "id@path;" per notification */

static void trace_add(const char *what)
{
    if (trace->len) {
        g_string_append_c(trace, ' ');
    }
    g_string_append(trace, what);
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct HpDev {
    DeviceState parent_obj;
    uint8_t val;
    bool fail;
} HpDev;

#define HP_DEV(obj) OBJECT_CHECK(HpDev, (obj), TYPE_HP_DEV)

static void hp_dev_realize(DeviceState *dev, Error **errp)
{
    trace_add("realize");
    if (HP_DEV(dev)->fail) {
        error_setg(errp, "device refused to realize");
    }
}

static void hp_dev_unrealize(DeviceState *dev)
{
    trace_add("unrealize");
}

static void hp_dev_reset(DeviceState *dev)
{
    trace_add("reset");
}

static void hp_dev_init(Object *obj)
{
    live_devices++;
}

static void hp_dev_finalize(Object *obj)
{
    live_devices--;
}

static const Property hp_dev_props[] = {
    DEFINE_PROP_UINT8("val", HpDev, val, 0),
    DEFINE_PROP_BOOL("fail", HpDev, fail, false),
};

static void hp_dev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = hp_dev_realize;
    dc->unrealize = hp_dev_unrealize;
    dc->bus_type = TYPE_HP_BUS;
    device_class_set_legacy_reset(dc, hp_dev_reset);
    device_class_set_props(dc, hp_dev_props);
}

static void nohp_dev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->hotpluggable = false;
}

static void nouser_dev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->user_creatable = false;
}

static void orphan_dev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_MISSING_BUS;
}

static void busless_dev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = NULL;
}

/* ---------------------------------------------------------------------- */
/* Hotplug controllers: devices providing a bus and handling its plugs     */
/* ---------------------------------------------------------------------- */

typedef struct HpCtrl {
    DeviceState parent_obj;
    BusState *bus;
    bool refuse;
} HpCtrl;

#define HP_CTRL(obj) OBJECT_CHECK(HpCtrl, (obj), TYPE_PLAIN_CTRL)

static void ctrl_pre_plug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    trace_add("pre_plug");
    if (HP_CTRL(h)->refuse) {
        error_setg(errp, "slot is locked");
    }
}

static void ctrl_plug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    trace_add("plug");
}

static void ctrl_unplug_request(HotplugHandler *h, DeviceState *dev,
                                Error **errp)
{
    /* The guest is asked; it answers later (see complete_unplug()). */
    trace_add("unplug_request");
}

static void ctrl_unplug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    trace_add("unplug");
    qdev_simple_device_unplug_cb(h, dev, errp);
}

static void plain_ctrl_init(Object *obj)
{
    HpCtrl *c = HP_CTRL(obj);
    const char *bus_type = object_dynamic_cast(obj, TYPE_OTHER_CTRL) ?
                           TYPE_OTHER_BUS : TYPE_HP_BUS;

    c->bus = qbus_new(bus_type, DEVICE(obj), NULL);
    if (object_dynamic_cast(obj, TYPE_HOTPLUG_HANDLER)) {
        qbus_set_bus_hotplug_handler(c->bus);
    }
}

static void hp_ctrl_class_init(ObjectClass *oc, void *data)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    hc->pre_plug = ctrl_pre_plug;
    hc->plug = ctrl_plug;
    hc->unplug_request = ctrl_unplug_request;
    hc->unplug = ctrl_unplug;
}

static void hp_ctrl_sync_class_init(ObjectClass *oc, void *data)
{
    /* No request step: unplug happens at once. */
    HOTPLUG_HANDLER_CLASS(oc)->unplug_request = NULL;
}

/* ---------------------------------------------------------------------- */
/* A machine whose own handler takes test-machine-dev                      */
/* ---------------------------------------------------------------------- */

static void machine_pre_plug(HotplugHandler *h, DeviceState *dev,
                             Error **errp)
{
    trace_add("machine-pre_plug");
}

static void machine_plug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    trace_add("machine-plug");
}

static HotplugHandler *test_machine_get_hotplug_handler(MachineState *ms,
                                                        DeviceState *dev)
{
    if (object_dynamic_cast(OBJECT(dev), TYPE_MACHINE_DEV)) {
        return HOTPLUG_HANDLER(ms);
    }
    return NULL;
}

static void test_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    mc->desc = "unit test machine";
    mc->get_hotplug_handler = test_machine_get_hotplug_handler;
    hc->pre_plug = machine_pre_plug;
    hc->plug = machine_plug;
}

static const TypeInfo hotplug_test_types[] = {
    { .name = TYPE_HP_BUS, .parent = TYPE_BUS },
    { .name = TYPE_OTHER_BUS, .parent = TYPE_BUS },
    { .name = TYPE_MISSING_BUS, .parent = TYPE_BUS },
    {
        .name = TYPE_HP_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(HpDev),
        .instance_init = hp_dev_init,
        .instance_finalize = hp_dev_finalize,
        .class_init = hp_dev_class_init,
    },
    {
        .name = TYPE_NOHP_DEV,
        .parent = TYPE_HP_DEV,
        .class_init = nohp_dev_class_init,
    },
    {
        .name = TYPE_NOUSER_DEV,
        .parent = TYPE_HP_DEV,
        .class_init = nouser_dev_class_init,
    },
    {
        .name = TYPE_ORPHAN_DEV,
        .parent = TYPE_HP_DEV,
        .class_init = orphan_dev_class_init,
    },
    {
        .name = TYPE_BUSLESS_DEV,
        .parent = TYPE_HP_DEV,
        .class_init = busless_dev_class_init,
    },
    {
        .name = TYPE_MACHINE_DEV,
        .parent = TYPE_BUSLESS_DEV,
    },
    {
        .name = TYPE_PLAIN_CTRL,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(HpCtrl),
        .instance_init = plain_ctrl_init,
    },
    {
        .name = TYPE_OTHER_CTRL,
        .parent = TYPE_PLAIN_CTRL,
    },
    {
        .name = TYPE_HP_CTRL,
        .parent = TYPE_PLAIN_CTRL,
        .class_init = hp_ctrl_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_HOTPLUG_HANDLER },
            { }
        },
    },
    {
        .name = TYPE_HP_CTRL_SYNC,
        .parent = TYPE_HP_CTRL,
        .class_init = hp_ctrl_sync_class_init,
    },
    {
        .name = TYPE_TEST_MACHINE,
        .parent = TYPE_MACHINE,
        .class_init = test_machine_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_HOTPLUG_HANDLER },
            { }
        },
    },
};

DEFINE_TYPES(hotplug_test_types)

/* ---------------------------------------------------------------------- */
/* Fixture                                                                 */
/* ---------------------------------------------------------------------- */

static HpCtrl *hp_ctrl, *sync_ctrl, *plain_ctrl;

static void record_deleted(void *opaque, const char *id, const char *path)
{
    g_string_append_printf(deleted, "%s@%s;", id ? id : "-", path);
}

/* The machine with three controllers: buses hp.0, sync.0 and plain.0. */
static HpCtrl *add_ctrl(const char *type, const char *name)
{
    DeviceState *dev = qdev_new(type);

    object_property_add_child(qdev_get_machine(), name, OBJECT(dev));
    qdev_realize_and_unref(dev, NULL, &error_abort);
    return HP_CTRL(dev);
}

static void build_machine(void)
{
    Object *machine = object_new(TYPE_TEST_MACHINE);

    object_property_add_child(object_get_root(), "machine", machine);
    object_unref(machine);
    current_machine = MACHINE(machine);
    hp_ctrl = add_ctrl(TYPE_HP_CTRL, "hp");
    sync_ctrl = add_ctrl(TYPE_HP_CTRL_SYNC, "sync");
    plain_ctrl = add_ctrl(TYPE_PLAIN_CTRL, "plain");
    add_ctrl(TYPE_OTHER_CTRL, "other");
    /* Fixed names so the tests can say bus=hp.0. */
    g_free(hp_ctrl->bus->name);
    hp_ctrl->bus->name = g_strdup("hp.0");
    g_free(sync_ctrl->bus->name);
    sync_ctrl->bus->name = g_strdup("sync.0");
    g_free(plain_ctrl->bus->name);
    plain_ctrl->bus->name = g_strdup("plain.0");
    qdev_add_deleted_listener(record_deleted, NULL);
}

/* Start each test with a running machine and empty records. */
static void machine_running(void)
{
    phase_reset_for_test();
    qdev_machine_creation_done();
    g_string_truncate(trace, 0);
    g_string_truncate(deleted, 0);
    hp_ctrl->refuse = false;
}

static DeviceState *add_json(const char *text, Error **errp)
{
    json_t *opts = json_loads(text, 0, NULL);
    DeviceState *dev;

    g_assert_nonnull(opts);
    dev = qdev_device_add_from_json(opts, errp);
    json_decref(opts);
    return dev;
}

/* The guest acknowledged the unplug request. */
static void complete_unplug(DeviceState *dev)
{
    HotplugHandler *h = qdev_get_hotplug_handler(dev);

    hotplug_handler_unplug(h, dev, &error_abort);
    object_unparent(OBJECT(dev));
}

static int count_children(Object *obj)
{
    int n = 0;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        n += g_str_has_prefix(prop->type, "child<");
    }
    return n;
}

/*
 * device_add must fail with exactly @msg and leave no trace: no new
 * object, nothing in the containers or on a bus, no deleted event.
 */
static void assert_add_fails(const char *json, const char *msg)
{
    int live = live_devices;
    int periph = count_children(qdev_get_peripheral());
    int anon = count_children(qdev_get_peripheral_anon());
    int on_bus = hp_ctrl->bus->num_children + plain_ctrl->bus->num_children;
    Error *err = NULL;

    g_assert_null(add_json(json, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_cmpint(live_devices, ==, live);
    g_assert_cmpint(count_children(qdev_get_peripheral()), ==, periph);
    g_assert_cmpint(count_children(qdev_get_peripheral_anon()), ==, anon);
    g_assert_cmpint(hp_ctrl->bus->num_children +
                    plain_ctrl->bus->num_children, ==, on_bus);
    g_assert_cmpstr(deleted->str, ==, "");
}

/* ---------------------------------------------------------------------- */

static void test_add_call_order(void)
{
    DeviceState *dev;
    g_autofree char *path = NULL;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d1\", "
                   "\"bus\": \"hp.0\", \"val\": \"0x10\"}", &error_abort);
    /* Hotplugged devices are reset once they are plugged. */
    g_assert_cmpstr(trace->str, ==, "pre_plug realize plug reset");
    path = object_get_canonical_path(OBJECT(dev));
    g_assert_cmpstr(path, ==, "/machine/peripheral/d1");
    g_assert_cmpstr(dev->id, ==, "d1");
    g_assert_true(dev->hotplugged);
    g_assert_cmpuint(HP_DEV(dev)->val, ==, 16);
    g_assert_true(qdev_get_parent_bus(dev) == hp_ctrl->bus);
    g_assert_true(qdev_find_device_state("d1", &error_abort) == dev);
    qdev_unplug(dev, &error_abort);
    complete_unplug(dev);
}

static void test_unplug_async(void)
{
    DeviceState *dev;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d2\", "
                   "\"bus\": \"hp.0\"}", &error_abort);
    g_string_truncate(trace, 0);
    qdev_unplug(dev, &error_abort);
    /* Only asked: the device is still there. */
    g_assert_cmpstr(trace->str, ==, "unplug_request");
    g_assert_true(dev->pending_deleted_event);
    g_assert_true(dev->realized);
    g_assert_cmpstr(deleted->str, ==, "");
    complete_unplug(dev);
    g_assert_cmpstr(trace->str, ==, "unplug_request unplug unrealize");
    g_assert_cmpstr(deleted->str, ==, "d2@/machine/peripheral/d2;");
    g_assert_null(object_resolve_path("/machine/peripheral/d2", NULL));
}

static void test_unplug_sync(void)
{
    DeviceState *dev;
    int live = live_devices;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d3\", "
                   "\"bus\": \"sync.0\"}", &error_abort);
    g_string_truncate(trace, 0);
    qdev_unplug(dev, &error_abort);
    g_assert_cmpstr(trace->str, ==, "unplug unrealize");
    g_assert_cmpstr(deleted->str, ==, "d3@/machine/peripheral/d3;");
    g_assert_cmpint(live_devices, ==, live);
}

static void test_deleted_only_at_finalize(void)
{
    DeviceState *dev;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d4\", "
                   "\"bus\": \"sync.0\"}", &error_abort);
    /* Somebody still holds the device: it is not deleted yet. */
    object_ref(OBJECT(dev));
    qdev_unplug(dev, &error_abort);
    g_assert_false(dev->realized);
    g_assert_cmpstr(deleted->str, ==, "");
    object_unref(OBJECT(dev));
    g_assert_cmpstr(deleted->str, ==, "d4@/machine/peripheral/d4;");
}

static void test_anonymous(void)
{
    DeviceState *dev;
    g_autofree char *path = NULL;
    g_autofree char *expect = NULL;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"bus\": \"sync.0\"}",
                   &error_abort);
    path = object_get_canonical_path(OBJECT(dev));
    g_assert_true(g_str_has_prefix(path,
                                   "/machine/peripheral-anon/device["));
    g_assert_null(dev->id);
    qdev_unplug(dev, &error_abort);
    expect = g_strdup_printf("-@%s;", path);
    g_assert_cmpstr(deleted->str, ==, expect);
}

static void test_default_bus(void)
{
    DeviceState *dev;

    machine_running();
    /* No bus given: the first hotpluggable test-hp-bus with room. */
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d6\"}",
                   &error_abort);
    g_assert_true(qdev_get_parent_bus(dev) == hp_ctrl->bus);
    qdev_unplug(dev, &error_abort);
    complete_unplug(dev);
}

static void test_json_values(void)
{
    DeviceState *dev;

    machine_running();
    /* QMP may pass real JSON values as well as strings. */
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d7\", "
                   "\"bus\": \"sync.0\", \"val\": 200, \"fail\": false}",
                   &error_abort);
    g_assert_cmpuint(HP_DEV(dev)->val, ==, 200);
    qdev_unplug(dev, &error_abort);
}

static void test_cold_plug_any_bus(void)
{
    DeviceState *dev;

    /* Before the machine is ready, buses need no hotplug support. */
    phase_reset_for_test();
    g_string_truncate(trace, 0);
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"cold\", "
                   "\"bus\": \"plain.0\"}", &error_abort);
    g_assert_false(dev->hotplugged);
    /* Cold-plugged devices wait for the machine reset. */
    g_assert_cmpstr(trace->str, ==, "realize");
    object_unparent(OBJECT(dev));
    machine_running();
}

static void test_machine_handler(void)
{
    DeviceState *dev;

    machine_running();
    dev = add_json("{\"driver\": \"test-machine-dev\", \"id\": \"m1\"}",
                   &error_abort);
    g_assert_cmpstr(trace->str, ==,
                    "machine-pre_plug realize machine-plug reset");
    g_assert_true(qdev_get_hotplug_handler(dev) ==
                  HOTPLUG_HANDLER(current_machine));
    object_unparent(OBJECT(dev));
}

static void test_device_del(void)
{
    Error *err = NULL;

    machine_running();
    add_json("{\"driver\": \"test-hp-dev\", \"id\": \"d5\", "
             "\"bus\": \"hp.0\"}", &error_abort);
    g_assert_true(qdev_device_del("d5", &error_abort));
    g_assert_false(qdev_device_del("d5", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device d5 is already in the process of unplug");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_device_del("zz", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'zz' not found");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);
    complete_unplug(qdev_find_device_state("d5", &error_abort));
    g_assert_cmpstr(deleted->str, ==, "d5@/machine/peripheral/d5;");
}

static void test_unplug_errors(void)
{
    DeviceState *dev;
    Error *err = NULL;

    phase_reset_for_test();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"p1\", "
                   "\"bus\": \"plain.0\"}", &error_abort);
    machine_running();
    qdev_unplug(dev, &err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bus 'plain.0' does not support hotplugging");
    error_free(err);
    err = NULL;
    object_unparent(OBJECT(dev));

    phase_reset_for_test();
    dev = add_json("{\"driver\": \"test-nohp-dev\", \"id\": \"p2\", "
                   "\"bus\": \"hp.0\"}", &error_abort);
    machine_running();
    qdev_unplug(dev, &err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-nohp-dev' does not support hotplugging");
    error_free(err);
    object_unparent(OBJECT(dev));
    g_assert_cmpstr(trace->str, ==, "unrealize");
}

static void test_add_errors(void)
{
    machine_running();
    assert_add_fails("{\"id\": \"x\"}", "Parameter 'driver' is missing");
    assert_add_fails("{\"driver\": \"nonsense\"}",
                     "'nonsense' is not a valid device model name");
    assert_add_fails("{\"driver\": \"container\"}",
                     "'container' is not a valid device model name");
    assert_add_fails("{\"driver\": \"device\"}",
                     "Parameter 'driver' expects a non-abstract device "
                     "type");
    assert_add_fails("{\"driver\": \"test-nouser-dev\"}",
                     "Parameter 'driver' expects a pluggable device type");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"bus\": \"nobus\"}",
                     "Bus 'nobus' not found");
    assert_add_fails("{\"driver\": \"test-orphan-dev\"}",
                     "No 'test-missing-bus' bus found for device "
                     "'test-orphan-dev'");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"bus\": \"other.0\"}",
                     "Bus 'other.0' not found");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"bus\": \"plain.0\"}",
                     "Bus 'plain.0' does not support hotplugging");
    assert_add_fails("{\"driver\": \"test-nohp-dev\", \"bus\": \"hp.0\"}",
                     "Device 'test-nohp-dev' does not support hotplugging");
    assert_add_fails("{\"driver\": \"test-busless-dev\"}",
                     "Device 'test-busless-dev' can not be hotplugged on "
                     "this machine");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"nope\": \"1\"}",
                     "Property 'test-hp-dev.nope' not found");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"val\": \"300\"}",
                     "Property 'test-hp-dev.val' doesn't take value '300'");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"val\": \"x\"}",
                     "Parameter 'val' expects a number");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"id\": \"9lives\"}",
                     "Parameter 'id' expects an identifier");
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"fail\": \"on\"}",
                     "device refused to realize");
    g_assert_cmpstr(trace->str, ==, "pre_plug realize");
    hp_ctrl->refuse = true;
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"bus\": \"hp.0\"}",
                     "slot is locked");
    hp_ctrl->refuse = false;
}

static void test_wrong_bus_type(void)
{
    Error *err = NULL;

    machine_running();
    /* other.0 exists under its automatic name: look it up. */
    BusState *other = qbus_find_recursive(NULL, NULL, TYPE_OTHER_BUS);
    g_autofree char *json =
        g_strdup_printf("{\"driver\": \"test-hp-dev\", \"bus\": \"%s\"}",
                        other->name);

    g_assert_null(add_json(json, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-hp-dev' can't go on test-other-bus bus");
    error_free(err);
}

static void test_duplicate_id(void)
{
    DeviceState *dev;

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"dup\", "
                   "\"bus\": \"sync.0\"}", &error_abort);
    assert_add_fails("{\"driver\": \"test-hp-dev\", \"id\": \"dup\", "
                     "\"bus\": \"sync.0\"}", "Duplicate device ID 'dup'");
    qdev_unplug(dev, &error_abort);
}

static void test_qtree(void)
{
    DeviceState *dev;
    g_autoptr(GString) out = g_string_new("");

    machine_running();
    dev = add_json("{\"driver\": \"test-hp-dev\", \"id\": \"q1\", "
                   "\"bus\": \"sync.0\", \"val\": \"7\"}", &error_abort);
    qdev_print_qtree(out, sync_ctrl->bus);
    g_assert_cmpstr(out->str, ==,
                    "bus: sync.0\n"
                    "  type test-hp-bus\n"
                    "  dev: test-hp-dev, id \"q1\"\n"
                    "    val = 7 (0x7)\n"
                    "    fail = false\n");
    qdev_unplug(dev, &error_abort);
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    deleted = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    build_machine();
    g_test_add_func("/qdev/hotplug/add-call-order", test_add_call_order);
    g_test_add_func("/qdev/hotplug/unplug-async", test_unplug_async);
    g_test_add_func("/qdev/hotplug/unplug-sync", test_unplug_sync);
    g_test_add_func("/qdev/hotplug/deleted-only-at-finalize",
                    test_deleted_only_at_finalize);
    g_test_add_func("/qdev/hotplug/anonymous", test_anonymous);
    g_test_add_func("/qdev/hotplug/default-bus", test_default_bus);
    g_test_add_func("/qdev/hotplug/json-values", test_json_values);
    g_test_add_func("/qdev/hotplug/cold-plug-any-bus",
                    test_cold_plug_any_bus);
    g_test_add_func("/qdev/hotplug/machine-handler", test_machine_handler);
    g_test_add_func("/qdev/hotplug/device-del", test_device_del);
    g_test_add_func("/qdev/hotplug/unplug-errors", test_unplug_errors);
    g_test_add_func("/qdev/hotplug/add-errors", test_add_errors);
    g_test_add_func("/qdev/hotplug/wrong-bus-type", test_wrong_bus_type);
    g_test_add_func("/qdev/hotplug/duplicate-id", test_duplicate_id);
    g_test_add_func("/qdev/hotplug/qtree", test_qtree);
    ret = g_test_run();
    qdev_remove_deleted_listener(record_deleted, NULL);
    object_unparent(qdev_get_machine());
    g_string_free(trace, true);
    g_string_free(deleted, true);
    return ret;
}
