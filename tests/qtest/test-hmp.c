/*
 * HMP through human-monitor-command: every "info" subcommand (as listed
 * by "help info") on every machine, then a set of ordinary commands, and
 * bad input.  The emulator must survive all of it and still answer.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* Commands that change nothing a later command depends on. */
static const char *const hmp_cmds[] = {
    "help",
    "help info",
    "info",
    "stop",
    "cont",
    "x /8xb 0",
    "xp /4xw 0",
    "xp /2i 0",
    "qom-list /",
    "qom-list /machine",
    "qom-get /machine type",
    "log none",
    "info registers",
    "cpu 0",
    "system_reset",
};

/* Bad input: each must produce a message, never a crash. */
static const char *const hmp_bad[] = {
    "no-such-command",
    "info no-such-info",
    "x",
    "x /8xb",
    "xp /8zb 0",
    "qom-get",
    "qom-get /no/where prop",
    "cpu 99",
    "log no-such-item",
    "   ",
    "",
};

/* The "info X" names that "help info" lists. */
static GPtrArray *info_names(QTestState *qts)
{
    g_autofree char *help = qtest_hmp(qts, "help info");
    g_auto(GStrv) lines = g_strsplit(help, "\n", -1);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

    for (int i = 0; lines[i]; i++) {
        const char *l = lines[i];
        size_t n;

        if (!g_str_has_prefix(l, "info ")) {
            continue;
        }
        l += 5;
        n = strcspn(l, " \t\r[");
        if (n) {
            g_ptr_array_add(names, g_strndup(l, n));
        }
    }
    return names;
}

static void assert_alive(QTestState *qts)
{
    g_autofree char *out = qtest_hmp(qts, "info version");

    g_assert_cmpstr(out, !=, "");
}

static void test_info_commands(const void *data)
{
    const char *machine = data;
    QTestState *qts = qtest_initf("-machine %s", machine);
    g_autoptr(GPtrArray) names = info_names(qts);

    /* At least the basics are listed. */
    g_assert_cmpuint(names->len, >=, 5);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_autofree char *out = qtest_hmp(qts, "info %s", name);

        g_assert_nonnull(out);
        /* Nothing is reported as unknown that "help info" listed. */
        g_assert_null(strstr(out, "unknown"));
    }
    assert_alive(qts);
    qtest_quit(qts);
}

static void test_commands(const void *data)
{
    const char *machine = data;
    QTestState *qts = qtest_initf("-machine %s", machine);

    for (size_t i = 0; i < G_N_ELEMENTS(hmp_cmds); i++) {
        g_free(qtest_hmp(qts, "%s", hmp_cmds[i]));
    }
    assert_alive(qts);
    qtest_quit(qts);
}

static void test_bad_input(void)
{
    QTestState *qts = qtest_init("-machine none");

    for (size_t i = 0; i < G_N_ELEMENTS(hmp_bad); i++) {
        g_autofree char *out = qtest_hmp(qts, "%s", hmp_bad[i]);

        /* Anything but silence on a real mistake. */
        if (*hmp_bad[i] && strspn(hmp_bad[i], " ") != strlen(hmp_bad[i])) {
            g_assert_cmpstr(out, !=, "");
        }
    }
    assert_alive(qts);
    qtest_quit(qts);
}

/* "info version" says the version query-version reports. */
static void test_version(void)
{
    QTestState *qts = qtest_init("-machine none");
    json_t *v = qtest_qmp_assert_success_ref(qts,
                                             "{'execute': 'query-version'}");
    json_t *q = json_object_get(v, "qemu");
    g_autofree char *want = g_strdup_printf("%" JSON_INTEGER_FORMAT ".%"
        JSON_INTEGER_FORMAT ".%" JSON_INTEGER_FORMAT,
        json_integer_value(json_object_get(q, "major")),
        json_integer_value(json_object_get(q, "minor")),
        json_integer_value(json_object_get(q, "micro")));
    g_autofree char *out = qtest_hmp(qts, "info version");

    g_assert_nonnull(strstr(out, want));
    json_decref(v);
    qtest_quit(qts);
}

static void add_machine_tests(const char *machine)
{
    g_autofree char *p1 = g_strdup_printf("hmp/info/%s", machine);
    g_autofree char *p2 = g_strdup_printf("hmp/commands/%s", machine);

    qtest_add_data_func_full(p1, g_strdup(machine), test_info_commands,
                             g_free);
    qtest_add_data_func_full(p2, g_strdup(machine), test_commands, g_free);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("hmp/bad-input", test_bad_input);
    qtest_add_func("hmp/version", test_version);
    qtest_cb_for_every_machine(add_machine_tests, false);
    return g_test_run();
}
