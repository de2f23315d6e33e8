/*
 * The registry of option groups: each command-line option that produces
 * QemuOpts ("-chardev", "-machine", ...) registers its QemuOptsList here
 * at start-up so that code elsewhere can look the group up by name.
 */
#ifndef QEMU_CONFIG_FILE_H
#define QEMU_CONFIG_FILE_H

#include "qemu/option.h"

/* Register @list; registering the same list twice is harmless. */
void qemu_add_opts(QemuOptsList *list);
/* Look a group up; error_report()s and returns NULL if it is unknown. */
QemuOptsList *qemu_find_opts(const char *group);
QemuOptsList *qemu_find_opts_err(const char *group, Error **errp);
/* The single anonymous entry of a group, created on first use. */
QemuOpts *qemu_find_opts_singleton(const char *group);

#endif /* QEMU_CONFIG_FILE_H */
