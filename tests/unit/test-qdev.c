/*
 * qdev core: realize/unrealize, error unwinding, the memory-region
 * lifetime rule, buses and the device tree.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"

#define TYPE_TEST_DEV "test-dev"
#define TYPE_TEST_BUS "test-bus"
#define TYPE_BRIDGE "test-bridge"
#define TYPE_ON_BUS "test-on-bus"
#define TYPE_BUS_BRIDGE "test-bus-bridge"
#define TYPE_SUB_DEV "test-sub-dev"
#define TYPE_FAKE_MR "test-fake-mr"
#define TYPE_PLAIN_CHILD "test-plain-child"

static GString *trace;
static int live_devices;

static void trace_add(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void trace_add(const char *fmt, ...)
{
    va_list ap;

    if (trace->len) {
        g_string_append_c(trace, ' ');
    }
    va_start(ap, fmt);
    g_string_append_vprintf(trace, fmt, ap);
    va_end(ap);
}

/*
 * test-dev: realize fails when fail_realize is set; it owns a region-like
 * child (is-a "memory-region") and a plain child.
 */
typedef struct TestDev {
    DeviceState parent_obj;
    bool fail_realize;
    bool with_children;
    Object *mr;
    Object *plain;
} TestDev;

#define TEST_DEV(obj) OBJECT_CHECK(TestDev, (obj), TYPE_TEST_DEV)

static void test_dev_realize(DeviceState *dev, Error **errp)
{
    TestDev *s = TEST_DEV(dev);

    trace_add("realize:%s", object_get_typename(OBJECT(dev)));
    if (s->fail_realize) {
        error_setg(errp, "realize refused");
    }
}

static void test_dev_unrealize(DeviceState *dev)
{
    trace_add("unrealize:%s", object_get_typename(OBJECT(dev)));
}

static void test_dev_init(Object *obj)
{
    live_devices++;
}

static void test_dev_finalize(Object *obj)
{
    live_devices--;
}

static const Property test_dev_props[] = {
    DEFINE_PROP_BOOL("fail-realize", TestDev, fail_realize, false),
};

static void test_dev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = test_dev_realize;
    dc->unrealize = test_dev_unrealize;
    device_class_set_props(dc, test_dev_props);
}

/* A subclass that chains its realize to the parent's. */
static DeviceRealize sub_parent_realize;

static void sub_dev_realize(DeviceState *dev, Error **errp)
{
    trace_add("sub-realize");
    sub_parent_realize(dev, errp);
}

static void sub_dev_class_init(ObjectClass *oc, void *data)
{
    device_class_set_parent_realize(DEVICE_CLASS(oc), sub_dev_realize,
                                    &sub_parent_realize);
}

/* A bridge provides a test-bus; a test-on-bus device plugs into one. */
typedef struct Bridge {
    TestDev parent_obj;
    BusState *bus;
} Bridge;

#define BRIDGE(obj) OBJECT_CHECK(Bridge, (obj), TYPE_BRIDGE)

static void bridge_init(Object *obj)
{
    BRIDGE(obj)->bus = qbus_new(TYPE_TEST_BUS, DEVICE(obj), NULL);
}

static void on_bus_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_TEST_BUS;
}

static void bus_realize(BusState *bus, Error **errp)
{
    trace_add("bus-realize");
}

static void bus_unrealize(BusState *bus)
{
    trace_add("bus-unrealize");
}

static void test_bus_class_init(ObjectClass *oc, void *data)
{
    BusClass *bc = BUS_CLASS(oc);

    bc->realize = bus_realize;
    bc->unrealize = bus_unrealize;
}

static void fake_mr_unparent(Object *obj)
{
    trace_add("mr-unparent");
}

static void fake_mr_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = fake_mr_unparent;
}

static const TypeInfo qdev_test_types[] = {
    {
        .name = TYPE_TEST_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestDev),
        .instance_init = test_dev_init,
        .instance_finalize = test_dev_finalize,
        .class_init = test_dev_class_init,
    },
    {
        .name = TYPE_SUB_DEV,
        .parent = TYPE_TEST_DEV,
        .class_init = sub_dev_class_init,
    },
    {
        .name = TYPE_BRIDGE,
        .parent = TYPE_TEST_DEV,
        .instance_size = sizeof(Bridge),
        .instance_init = bridge_init,
    },
    {
        .name = TYPE_ON_BUS,
        .parent = TYPE_TEST_DEV,
        .class_init = on_bus_class_init,
    },
    {
        /* A bridge that itself sits on a test-bus. */
        .name = TYPE_BUS_BRIDGE,
        .parent = TYPE_BRIDGE,
        .class_init = on_bus_class_init,
    },
    {
        .name = TYPE_TEST_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_init = test_bus_class_init,
    },
    {
        .name = TYPE_PLAIN_CHILD,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
    },
};

DEFINE_TYPES(qdev_test_types)

/*
 * The region-like child type.  When the memory API is linked in, the
 * real "memory-region" type exists and ours derives from it; otherwise
 * a stand-in of that name is registered so qdev's is-a check still
 * sees a memory region.  Either way unparenting it calls
 * fake_mr_unparent only for the stand-in; the test checks the child is
 * gone from the device, which holds in both cases.
 */
static void register_fake_mr(void)
{
    static const TypeInfo standin = {
        .name = "memory-region",
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = fake_mr_class_init,
    };
    static TypeInfo fake = {
        .name = TYPE_FAKE_MR,
        .parent = "memory-region",
    };

    if (!type_exists("memory-region")) {
        type_register_static(&standin);
    }
    type_register_static(&fake);
}

/* A test-dev with a region child "mr" and a plain child "plain". */
static DeviceState *new_dev_with_children(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);

    s->mr = object_new(TYPE_FAKE_MR);
    object_property_add_child(OBJECT(dev), "mr", s->mr);
    object_unref(s->mr);
    s->plain = object_new(TYPE_PLAIN_CHILD);
    object_property_add_child(OBJECT(dev), "plain", s->plain);
    object_unref(s->plain);
    return dev;
}

static void reset_state(void)
{
    g_string_truncate(trace, 0);
}

/* ---------------------------------------------------------------------- */

static void test_realize_unrealize(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    g_autofree char *path = NULL;

    reset_state();
    g_assert_false(dev->realized);
    g_assert_true(qdev_realize(dev, NULL, &error_abort));
    g_assert_true(dev->realized);
    g_assert_true(object_property_get_bool(OBJECT(dev), "realized",
                                           &error_abort));
    /* An orphan device is adopted by /machine/unattached. */
    path = object_get_canonical_path(OBJECT(dev));
    g_assert_true(g_str_has_prefix(path, "/machine/unattached/device["));
    g_assert_cmpstr(dev->canonical_path, ==, path);
    qdev_unrealize(dev);
    g_assert_false(dev->realized);
    g_assert_cmpstr(trace->str, ==, "realize:test-dev unrealize:test-dev");
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_unparent_unrealizes(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);

    qdev_realize_and_unref(dev, NULL, &error_abort);
    reset_state();
    /* The unattached container holds the only reference. */
    object_unparent(OBJECT(dev));
    g_assert_cmpstr(trace->str, ==, "unrealize:test-dev");
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_realize_error_no_leak(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Error *err = NULL;

    qdev_prop_set_bit(dev, "fail-realize", true);
    reset_state();
    g_assert_false(qdev_realize(dev, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "realize refused");
    error_free(err);
    g_assert_false(dev->realized);
    /* The adoption was undone; no unrealize for a failed realize. */
    g_assert_null(OBJECT(dev)->parent);
    g_assert_cmpstr(trace->str, ==, "realize:test-dev");
    object_unref(OBJECT(dev));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_realize_and_unref_failure_frees(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Error *err = NULL;

    qdev_prop_set_bit(dev, "fail-realize", true);
    g_assert_false(qdev_realize_and_unref(dev, NULL, &err));
    error_free(err);
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_realize_twice_is_noop(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);

    qdev_realize(dev, NULL, &error_abort);
    reset_state();
    object_property_set_bool(OBJECT(dev), "realized", true, &error_abort);
    g_assert_cmpstr(trace->str, ==, "");
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
}

static void test_mr_children_unparented_after_unrealize(void)
{
    DeviceState *dev = new_dev_with_children();

    qdev_realize(dev, NULL, &error_abort);
    g_assert_nonnull(object_property_find(OBJECT(dev), "mr"));
    qdev_unrealize(dev);
    /* design.md 5.3: regions are unparented by qdev, other children stay */
    g_assert_null(object_property_find(OBJECT(dev), "mr"));
    g_assert_nonnull(object_property_find(OBJECT(dev), "plain"));
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_mr_children_unparented_on_realize_error(void)
{
    DeviceState *dev = new_dev_with_children();
    Error *err = NULL;

    qdev_prop_set_bit(dev, "fail-realize", true);
    g_assert_false(qdev_realize(dev, NULL, &err));
    error_free(err);
    g_assert_null(object_property_find(OBJECT(dev), "mr"));
    g_assert_nonnull(object_property_find(OBJECT(dev), "plain"));
    object_unref(OBJECT(dev));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_mr_unparent_hook_runs(void)
{
    DeviceState *dev;

    if (object_class_get_parent(object_class_by_name(TYPE_FAKE_MR)) !=
        object_class_by_name("memory-region") ||
        OBJECT_CLASS(object_class_by_name("memory-region"))->unparent !=
        fake_mr_unparent) {
        g_test_skip("the real memory-region type is linked in");
        return;
    }
    dev = new_dev_with_children();
    qdev_realize(dev, NULL, &error_abort);
    reset_state();
    qdev_unrealize(dev);
    /* The region's own unparent hook ran after the device's unrealize. */
    g_assert_cmpstr(trace->str, ==, "unrealize:test-dev mr-unparent");
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
}

static void test_parent_realize_chain(void)
{
    DeviceState *dev = qdev_new(TYPE_SUB_DEV);

    reset_state();
    qdev_realize(dev, NULL, &error_abort);
    g_assert_cmpstr(trace->str, ==, "sub-realize realize:test-sub-dev");
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
}

static void test_new_unknown(void)
{
    g_assert_null(qdev_try_new("test-no-such-device"));
    g_assert_null(qdev_try_new(TYPE_DEVICE));         /* abstract */
    g_assert_null(qdev_try_new(TYPE_PLAIN_CHILD));    /* not a device */
    if (g_test_subprocess()) {
        qdev_new("test-no-such-device");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-no-such-device*");
}

static void test_bus_naming(void)
{
    DeviceState *anon = qdev_new(TYPE_BRIDGE);
    DeviceState *named = qdev_new(TYPE_BRIDGE);
    BusState *b1, *b2;

    g_assert_true(g_str_has_prefix(BRIDGE(anon)->bus->name, "test-bus."));
    /* A parent with an id names its buses "<id>.<n>". */
    named->id = g_strdup("br0");
    b1 = qbus_new(TYPE_TEST_BUS, named, NULL);
    b2 = qbus_new(TYPE_TEST_BUS, named, "custom");
    g_assert_cmpstr(b1->name, ==, "br0.1");
    g_assert_cmpstr(b2->name, ==, "custom");
    g_assert_cmpint(named->num_child_bus, ==, 3);
    g_assert_true(qdev_get_child_bus(named, "custom") == b2);
    g_assert_null(qdev_get_child_bus(named, "nothing"));
    g_assert_true(OBJECT(b2)->parent == OBJECT(named));
    object_unref(OBJECT(anon));
    object_unref(OBJECT(named));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_bus_plug_and_realize(void)
{
    DeviceState *bridge = qdev_new(TYPE_BRIDGE);
    BusState *bus = BRIDGE(bridge)->bus;
    DeviceState *dev = qdev_new(TYPE_ON_BUS);
    g_autofree char *link = NULL;

    qdev_realize(bridge, NULL, &error_abort);
    reset_state();
    g_assert_true(qdev_realize(dev, bus, &error_abort));
    g_assert_true(qdev_get_parent_bus(dev) == bus);
    g_assert_cmpint(bus->num_children, ==, 1);
    g_assert_true(bus->children->child == dev);
    /* The bus shows the device as a link "child[N]". */
    link = object_property_get_str(OBJECT(bus), "child[0]", &error_abort);
    g_assert_cmpstr(link, ==, dev->canonical_path);
    g_assert_true(object_property_get_link(OBJECT(dev), "parent_bus",
                                           &error_abort) == OBJECT(bus));
    object_unref(OBJECT(dev));

    /* Unrealizing the bridge unrealizes the device below it first. */
    qdev_unrealize(bridge);
    g_assert_cmpstr(trace->str, ==, "realize:test-on-bus "
                    "unrealize:test-on-bus bus-unrealize "
                    "unrealize:test-bridge");
    /* Unparenting the bridge takes the bus and its device with it. */
    object_unparent(OBJECT(bridge));
    object_unref(OBJECT(bridge));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_bus_realized_with_parent(void)
{
    DeviceState *bridge = qdev_new(TYPE_BRIDGE);

    reset_state();
    qdev_realize(bridge, NULL, &error_abort);
    g_assert_cmpstr(trace->str, ==, "realize:test-bridge bus-realize");
    g_assert_true(BRIDGE(bridge)->bus->realized);
    object_unparent(OBJECT(bridge));
    object_unref(OBJECT(bridge));
}

static void test_bus_type_mismatch(void)
{
    DeviceState *bridge = qdev_new(TYPE_BRIDGE);
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    DeviceState *needs_bus = qdev_new(TYPE_ON_BUS);
    Error *err = NULL;

    g_assert_false(qdev_realize(dev, BRIDGE(bridge)->bus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-dev' can't go on test-bus bus");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_realize(needs_bus, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-on-bus' needs a 'test-bus' bus");
    error_free(err);
    object_unref(OBJECT(dev));
    object_unref(OBJECT(needs_bus));
    object_unref(OBJECT(bridge));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_failed_realize_on_bus_no_leak(void)
{
    DeviceState *bridge = qdev_new(TYPE_BRIDGE);
    DeviceState *dev = qdev_new(TYPE_ON_BUS);
    Error *err = NULL;

    qdev_realize(bridge, NULL, &error_abort);
    qdev_prop_set_bit(dev, "fail-realize", true);
    g_assert_false(qdev_realize_and_unref(dev, BRIDGE(bridge)->bus, &err));
    error_free(err);
    /* The bus let go of it, so it is gone. */
    g_assert_cmpint(BRIDGE(bridge)->bus->num_children, ==, 0);
    g_assert_cmpint(live_devices, ==, 1);
    object_unparent(OBJECT(bridge));
    object_unref(OBJECT(bridge));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_find_and_walk(void)
{
    DeviceState *bridge = qdev_new(TYPE_BRIDGE);
    BusState *bus = BRIDGE(bridge)->bus;
    DeviceState *inner = qdev_new(TYPE_BUS_BRIDGE);
    DeviceState *leaf = qdev_new(TYPE_ON_BUS);

    qdev_realize(bridge, NULL, &error_abort);
    qdev_realize_and_unref(inner, bus, &error_abort);
    leaf->id = g_strdup("deep");
    qdev_realize_and_unref(leaf, BRIDGE(inner)->bus, &error_abort);
    g_assert_true(qdev_find_recursive(bus, "deep") == leaf);
    g_assert_null(qdev_find_recursive(bus, "nothing"));
    g_assert_true(qbus_find_recursive(bus, BRIDGE(inner)->bus->name,
                                      NULL) == BRIDGE(inner)->bus);
    g_assert_true(qbus_find_recursive(NULL, bus->name, TYPE_TEST_BUS) ==
                  bus);
    object_unparent(OBJECT(bridge));
    object_unref(OBJECT(bridge));
    g_assert_cmpint(live_devices, ==, 0);
}

static void test_hotplug_props(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);

    /* Created before the machine is ready: cold-plugged. */
    g_assert_false(object_property_get_bool(OBJECT(dev), "hotplugged",
                                            &error_abort));
    g_assert_true(object_property_get_bool(OBJECT(dev), "hotpluggable",
                                           &error_abort));
    object_unref(OBJECT(dev));
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    register_fake_mr();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/realize/basic", test_realize_unrealize);
    g_test_add_func("/qdev/realize/unparent-unrealizes",
                    test_unparent_unrealizes);
    g_test_add_func("/qdev/realize/error-no-leak",
                    test_realize_error_no_leak);
    g_test_add_func("/qdev/realize/and-unref-failure-frees",
                    test_realize_and_unref_failure_frees);
    g_test_add_func("/qdev/realize/twice-is-noop",
                    test_realize_twice_is_noop);
    g_test_add_func("/qdev/realize/parent-chain", test_parent_realize_chain);
    g_test_add_func("/qdev/realize/new-unknown", test_new_unknown);
    g_test_add_func("/qdev/realize/hotplug-props", test_hotplug_props);
    g_test_add_func("/qdev/lifetime/mr-unparented-after-unrealize",
                    test_mr_children_unparented_after_unrealize);
    g_test_add_func("/qdev/lifetime/mr-unparented-on-realize-error",
                    test_mr_children_unparented_on_realize_error);
    g_test_add_func("/qdev/lifetime/mr-unparent-hook-runs",
                    test_mr_unparent_hook_runs);
    g_test_add_func("/qdev/bus/naming", test_bus_naming);
    g_test_add_func("/qdev/bus/plug-and-realize", test_bus_plug_and_realize);
    g_test_add_func("/qdev/bus/realized-with-parent",
                    test_bus_realized_with_parent);
    g_test_add_func("/qdev/bus/type-mismatch", test_bus_type_mismatch);
    g_test_add_func("/qdev/bus/failed-realize-no-leak",
                    test_failed_realize_on_bus_no_leak);
    g_test_add_func("/qdev/bus/find-and-walk", test_find_and_walk);
    ret = g_test_run();
    g_string_free(trace, true);
    return ret;
}
