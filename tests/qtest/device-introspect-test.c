/*
 * Device introspection: device-list-properties (and "device_add
 * TYPE,help") on every device type.  Introspection builds a throwaway
 * instance of the type and destroys it; that must leave the QOM tree
 * exactly as it was, and, in the sanitizer build, leak nothing (the
 * emulator's LeakSanitizer report at exit fails the test through
 * qtest_quit()).
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* Introspect on the emptiest board: no device of its own to confuse. */
#define INTRO_ARGS "-machine none"

static char *qom_tree(QTestState *qts)
{
    return qtest_hmp(qts, "info qom-tree");
}

/* The device types: with @abstract, the abstract ones as well. */
static json_t *device_types(QTestState *qts, bool abstract)
{
    json_t *args = json_pack("{s:s, s:b}", "implements", "device",
                             "abstract", abstract);

    return qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-list-types', 'arguments': %p}", args);
}

static bool type_is_abstract(json_t *info)
{
    return json_is_true(json_object_get(info, "abstract"));
}

/* Unknown names are DeviceNotFound; non-devices and abstract types fail. */
static void test_bad_types(void)
{
    QTestState *qts = qtest_init(INTRO_ARGS);

    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'device-list-properties',"
        " 'arguments': {'typename': 'no-such-device'}}"), "DeviceNotFound");
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'device-list-properties',"
        " 'arguments': {'typename': 'device'}}"), "GenericError");
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'device-list-properties',"
        " 'arguments': {'typename': 'irq'}}"), "GenericError");
    qtest_quit(qts);
}

/* The list is non-empty, and the abstract list includes "device". */
static void test_list(void)
{
    QTestState *qts = qtest_init(INTRO_ARGS);
    json_t *all = device_types(qts, true);
    json_t *info;
    bool has_device = false;
    size_t i;

    g_assert_cmpuint(json_array_size(all), >, 1);
    json_array_foreach(all, i, info) {
        const char *name = json_string_value(json_object_get(info, "name"));

        g_assert_nonnull(name);
        if (!strcmp(name, "device")) {
            has_device = true;
            g_assert_true(type_is_abstract(info));
        }
    }
    g_assert_true(has_device);
    json_decref(all);
    qtest_quit(qts);
}

/*
 * Introspect one type: its properties are well formed and the generic
 * qdev ones (realized, parent_bus, ...) are not offered.
 */
static void introspect_one(QTestState *qts, const char *type)
{
    json_t *props = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'device-list-properties',"
        " 'arguments': {'typename': %s}}", type);
    json_t *prop;
    size_t i;
    g_autofree char *help = NULL;

    g_assert_true(json_is_array(props));
    json_array_foreach(props, i, prop) {
        const char *name = json_string_value(json_object_get(prop, "name"));

        g_assert_nonnull(name);
        g_assert_true(json_is_string(json_object_get(prop, "type")));
        g_assert_cmpstr(name, !=, "realized");
        g_assert_cmpstr(name, !=, "parent_bus");
    }
    json_decref(props);

    /* The HMP way to ask must work too and mention the type. */
    help = qtest_hmp(qts, "device_add %s,help", type);
    g_assert_nonnull(help);
}

/* Each concrete type, twice, with the QOM tree compared around it. */
static void test_concrete(void)
{
    QTestState *qts = qtest_init(INTRO_ARGS);
    json_t *types = device_types(qts, false);
    g_autofree char *before = qom_tree(qts);
    g_autofree char *after = NULL;
    json_t *info;
    size_t i;

    json_array_foreach(types, i, info) {
        const char *name = json_string_value(json_object_get(info, "name"));

        g_assert_false(type_is_abstract(info));
        introspect_one(qts, name);
        /* Twice: a first run that breaks class state shows up here. */
        introspect_one(qts, name);
    }
    after = qom_tree(qts);
    g_assert_cmpstr(before, ==, after);
    json_decref(types);
    qtest_quit(qts);
}

/*
 * The same on every machine: the board's devices are in the tree, and
 * introspecting a type that also exists on the board must not disturb
 * them.
 */
static void test_on_machine(const void *data)
{
    const char *machine = data;
    QTestState *qts = qtest_initf("-machine %s", machine);
    json_t *types = device_types(qts, false);
    g_autofree char *before = qom_tree(qts);
    g_autofree char *after = NULL;
    json_t *info;
    size_t i;

    json_array_foreach(types, i, info) {
        introspect_one(qts, json_string_value(json_object_get(info, "name")));
    }
    after = qom_tree(qts);
    g_assert_cmpstr(before, ==, after);
    json_decref(types);
    qtest_quit(qts);
}

static void add_machine_test(const char *machine)
{
    g_autofree char *path = NULL;

    if (!strcmp(machine, "none")) {
        return;     /* test_concrete covers it */
    }
    path = g_strdup_printf("device/introspect/machine/%s", machine);
    qtest_add_data_func_full(path, g_strdup(machine), test_on_machine,
                             g_free);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("device/introspect/bad-types", test_bad_types);
    qtest_add_func("device/introspect/list", test_list);
    qtest_add_func("device/introspect/concrete", test_concrete);
    qtest_cb_for_every_machine(add_machine_test, false);
    return g_test_run();
}
