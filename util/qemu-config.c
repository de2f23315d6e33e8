/*
 * The registry of option groups; see include/qemu/config-file.h.
 */
#include "qemu/osdep.h"
#include "qemu/config-file.h"
#include "qemu/error-report.h"

/* Registered lists, in registration order.  Lives as long as the process. */
static GPtrArray *vm_config_groups;

void qemu_add_opts(QemuOptsList *list)
{
    if (!vm_config_groups) {
        vm_config_groups = g_ptr_array_new();
    }
    if (!g_ptr_array_find(vm_config_groups, list, NULL)) {
        g_ptr_array_add(vm_config_groups, list);
    }
}

QemuOptsList *qemu_find_opts_err(const char *group, Error **errp)
{
    for (guint i = 0; vm_config_groups && i < vm_config_groups->len; i++) {
        QemuOptsList *list = g_ptr_array_index(vm_config_groups, i);

        if (!strcmp(list->name, group)) {
            return list;
        }
    }
    error_setg(errp, "There is no option group '%s'", group);
    return NULL;
}

QemuOptsList *qemu_find_opts(const char *group)
{
    Error *err = NULL;
    QemuOptsList *list = qemu_find_opts_err(group, &err);

    if (!list) {
        error_report_err(err);
    }
    return list;
}

QemuOpts *qemu_find_opts_singleton(const char *group)
{
    QemuOptsList *list = qemu_find_opts(group);
    QemuOpts *opts;

    g_assert(list);
    opts = qemu_opts_find(list, NULL);
    if (!opts) {
        opts = qemu_opts_create(list, NULL, 0, &error_abort);
    }
    return opts;
}
