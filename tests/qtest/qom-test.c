/*
 * Walk the whole QOM composition tree of every machine with qom-list and
 * read every property with qom-get.  A getter may refuse (with a proper
 * error), but nothing may crash, hang or leave the monitor confused.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

typedef struct QomWalk {
    QTestState *qts;
    unsigned objects;
    unsigned properties;
    unsigned refused;
} QomWalk;

static void walk_object(QomWalk *w, const char *path)
{
    json_t *list = qtest_qmp_assert_success_ref(w->qts,
        "{'execute': 'qom-list', 'arguments': {'path': %s}}", path);
    json_t *prop;
    size_t i;

    w->objects++;
    g_assert_true(json_is_array(list));
    json_array_foreach(list, i, prop) {
        const char *name = json_string_value(json_object_get(prop, "name"));
        const char *type = json_string_value(json_object_get(prop, "type"));
        json_t *rsp;

        g_assert_nonnull(name);
        g_assert_nonnull(type);
        if (g_str_has_prefix(type, "child<")) {
            g_autofree char *child = g_strcmp0(path, "/") ?
                g_strdup_printf("%s/%s", path, name) :
                g_strdup_printf("/%s", name);

            walk_object(w, child);
            continue;
        }
        w->properties++;
        rsp = qtest_qmp(w->qts, "{'execute': 'qom-get', 'arguments':"
                        " {'path': %s, 'property': %s}}", path, name);
        if (json_object_get(rsp, "error")) {
            json_t *err = json_object_get(rsp, "error");

            /* Write-only or unreadable properties: a clean refusal. */
            g_assert_true(json_is_string(json_object_get(err, "class")));
            g_assert_true(json_is_string(json_object_get(err, "desc")));
            w->refused++;
        } else {
            g_assert_nonnull(json_object_get(rsp, "return"));
            if (g_str_has_prefix(type, "link<")) {
                /* A link reads as the target's path, or "" if unset. */
                g_assert_true(json_is_string(json_object_get(rsp,
                                                             "return")));
            }
        }
        json_decref(rsp);
    }
    json_decref(list);
}

static void test_machine(const void *data)
{
    const char *machine = data;
    QTestState *qts = qtest_initf("-machine %s", machine);
    QomWalk w = { .qts = qts };
    json_t *st;

    walk_object(&w, "/");
    g_test_message("%s: %u objects, %u properties, %u refused", machine,
                   w.objects, w.properties, w.refused);
    /* The machine and the containers are there at least. */
    g_assert_cmpuint(w.objects, >=, 3);
    g_assert_cmpuint(w.properties, >, w.objects);

    /* Reading everything changed nothing the monitor can see. */
    st = qtest_qmp_assert_success_ref(qts, "{'execute': 'query-status'}");
    g_assert_true(json_is_string(json_object_get(st, "status")));
    json_decref(st);
    qtest_quit(qts);
}

/* Paths that do not exist are errors, not crashes. */
static void test_bad_paths(void)
{
    QTestState *qts = qtest_init("-machine none");

    qmp_expect_error_and_unref(qtest_qmp(qts, "{'execute': 'qom-list',"
        " 'arguments': {'path': '/no/such/object'}}"), "DeviceNotFound");
    qmp_expect_error_and_unref(qtest_qmp(qts, "{'execute': 'qom-get',"
        " 'arguments': {'path': '/machine', 'property': 'no-such-prop'}}"),
        "GenericError");
    qtest_quit(qts);
}

static void add_machine_test(const char *machine)
{
    g_autofree char *path = g_strdup_printf("qom/%s", machine);

    qtest_add_data_func_full(path, g_strdup(machine), test_machine, g_free);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("qom/bad-paths", test_bad_paths);
    qtest_cb_for_every_machine(add_machine_test, false);
    return g_test_run();
}
