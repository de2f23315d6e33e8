/*
 * libqtest: registering tests under the target's name, and what the
 * emulator binary offers (machines, device types), asked once and
 * remembered.  See libqtest.h.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

const char *qtest_get_arch(void)
{
    const char *bin = qtest_qemu_binary();
    const char *end = bin + strlen(bin);
    const char *p = g_strrstr(bin, "-system-");

    if (!p || p + 8 >= end) {
        fprintf(stderr, "libqtest: cannot tell the target from "
                "QTEST_QEMU_BINARY=%s (want .../qemu-system-ARCH)\n", bin);
        exit(1);
    }
    return p + 8;
}

void qtest_add_func(const char *str, void (*fn)(void))
{
    g_autofree char *path = g_strdup_printf("/%s/%s", qtest_get_arch(), str);

    g_test_add_func(path, fn);
}

void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *))
{
    g_autofree char *path = g_strdup_printf("/%s/%s", qtest_get_arch(), str);

    g_test_add_data_func(path, data, fn);
}

void qtest_add_data_func_full(const char *str, void *data,
                              void (*fn)(const void *),
                              GDestroyNotify data_free_func)
{
    g_autofree char *path = g_strdup_printf("/%s/%s", qtest_get_arch(), str);

    g_test_add_data_func_full(path, data, fn, data_free_func);
}

typedef struct QTestTargetInfo {
    GPtrArray *machines;
    char *default_machine;
    GHashTable *types;
} QTestTargetInfo;

static QTestTargetInfo *target_info;

static void qtest_free_target_info(void)
{
    g_ptr_array_free(target_info->machines, true);
    g_free(target_info->default_machine);
    g_hash_table_destroy(target_info->types);
    g_free(target_info);
    target_info = NULL;
}

/* Ask the binary once for its machines and types. */
static QTestTargetInfo *qtest_target_info(void)
{
    QTestState *s;
    json_t *list, *item;
    size_t i;

    if (target_info) {
        return target_info;
    }
    target_info = g_new0(QTestTargetInfo, 1);
    target_info->machines = g_ptr_array_new_with_free_func(g_free);
    target_info->types = g_hash_table_new_full(g_str_hash, g_str_equal,
                                               g_free, NULL);
    s = qtest_init("-machine none");
    list = qtest_qmp_assert_success_ref(s, "{'execute': 'query-machines'}");
    json_array_foreach(list, i, item) {
        const char *name = json_string_value(json_object_get(item, "name"));

        if (!name) {
            continue;
        }
        g_ptr_array_add(target_info->machines, g_strdup(name));
        if (json_is_true(json_object_get(item, "is-default"))) {
            target_info->default_machine = g_strdup(name);
        }
    }
    json_decref(list);
    list = qtest_qmp_assert_success_ref(s, "{'execute': 'qom-list-types',"
                                        " 'arguments': {'implements': 'device',"
                                        " 'abstract': false}}");
    json_array_foreach(list, i, item) {
        const char *name = json_string_value(json_object_get(item, "name"));

        if (name) {
            g_hash_table_add(target_info->types, g_strdup(name));
        }
    }
    json_decref(list);
    qtest_quit(s);
    atexit(qtest_free_target_info);
    return target_info;
}

void qtest_cb_for_every_machine(void (*cb)(const char *machine),
                                bool skip_old_versioned)
{
    QTestTargetInfo *ti = qtest_target_info();

    for (guint i = 0; i < ti->machines->len; i++) {
        cb(g_ptr_array_index(ti->machines, i));
    }
}

bool qtest_has_machine(const char *machine)
{
    QTestTargetInfo *ti = qtest_target_info();

    for (guint i = 0; i < ti->machines->len; i++) {
        if (!strcmp(g_ptr_array_index(ti->machines, i), machine)) {
            return true;
        }
    }
    return false;
}

bool qtest_has_device(const char *device)
{
    return g_hash_table_contains(qtest_target_info()->types, device);
}

const char *qtest_default_machine(void)
{
    return qtest_target_info()->default_machine;
}
