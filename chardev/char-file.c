/*
 * chardev-file: output goes to a host file (path=, append=on|off).
 * There is no input.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fd.h"

static void file_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
    int fd;

    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return;
    }
    flags |= qemu_opt_get_bool(opts, "append", false) ? O_APPEND : O_TRUNC;
    fd = open(path, flags, 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return;
    }
    chr->filename = g_strdup_printf("file:%s", path);
    qemu_chr_fd_attach(chr, -1, fd, true);
}

static void file_chr_class_init(ObjectClass *oc, void *data)
{
    CHARDEV_CLASS(oc)->open = file_chr_open;
}

const TypeInfo char_file_type_info = {
    .name = TYPE_CHARDEV_FILE,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .class_init = file_chr_class_init,
};

static void char_file_register_types(void)
{
    type_register_static(&char_file_type_info);
}

type_init(char_file_register_types)
