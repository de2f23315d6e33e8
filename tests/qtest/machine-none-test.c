/*
 * The "none" machine: it starts with nothing but what the command line
 * asks for, and the CPU models can be created on it.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* With no -m and no -cpu the board is empty: no CPU, no RAM. */
static void test_none_is_empty(void)
{
    QTestState *qts = qtest_init("-machine none");
    json_t *cpus, *list;
    g_autofree char *mtree = NULL;

    cpus = qtest_qmp_assert_success_ref(qts,
                                        "{'execute': 'query-cpus-fast'}");
    g_assert_cmpint(json_array_size(cpus), ==, 0);
    json_decref(cpus);

    /* No RAM region: nothing but the root container. */
    mtree = qtest_hmp(qts, "info mtree");
    g_assert_null(strstr(mtree, "none.ram"));

    list = qtest_qmp_assert_success_ref(qts, "{'execute': 'qom-list',"
                                        " 'arguments': {'path': '/machine'}}");
    g_assert_true(json_is_array(list));
    json_decref(list);
    qtest_quit(qts);
}

/* -m gives RAM at address 0 that the qtest protocol can use. */
static void test_none_ram(void)
{
    QTestState *qts = qtest_init("-machine none -m 64K");

    qtest_writel(qts, 0x100, 0xcafef00d);
    g_assert_cmphex(qtest_readl(qts, 0x100), ==, 0xcafef00d);
    /* The last byte of the 64 KiB is RAM, the next one is not. */
    qtest_writeb(qts, 0xffff, 0x5a);
    g_assert_cmphex(qtest_readb(qts, 0xffff), ==, 0x5a);
    qtest_writeb(qts, 0x10000, 0x5a);
    g_assert_cmphex(qtest_readb(qts, 0x10000), ==, 0);
    qtest_quit(qts);
}

/* Each CPU model from query-cpu-definitions can be created on "none". */
static void test_none_cpu(const void *data)
{
    const char *model = data;
    QTestState *qts = qtest_initf("-machine none -cpu %s", model);
    json_t *cpus = qtest_qmp_assert_success_ref(qts,
                       "{'execute': 'query-cpus-fast'}");

    g_assert_cmpint(json_array_size(cpus), ==, 1);
    json_decref(cpus);
    qtest_quit(qts);
}

/* A bad -cpu is refused with a message and status 1, nothing leaked. */
static void test_none_bad_cpu(void)
{
    g_autofree char *err = NULL;
    int status = qtest_run_qemu("-machine none -cpu no-such-cpu", &err);

    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, "no-such-cpu"));
}

static void add_cpu_tests(void)
{
    QTestState *qts = qtest_init("-machine none");
    json_t *defs = qtest_qmp_assert_success_ref(qts,
                       "{'execute': 'query-cpu-definitions'}");
    json_t *def;
    size_t i;

    json_array_foreach(defs, i, def) {
        const char *name = json_string_value(json_object_get(def, "name"));
        g_autofree char *path = NULL;

        if (!name) {
            continue;
        }
        path = g_strdup_printf("machine-none/cpu/%s", name);
        qtest_add_data_func_full(path, g_strdup(name), test_none_cpu,
                                 g_free);
    }
    json_decref(defs);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("machine-none/empty", test_none_is_empty);
    qtest_add_func("machine-none/ram", test_none_ram);
    qtest_add_func("machine-none/bad-cpu", test_none_bad_cpu);
    add_cpu_tests();
    return g_test_run();
}
