/*
 * chardev-null: output disappears, input never comes.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"

static void null_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    /* Nothing to connect: never report OPENED, like QEMU's null. */
    chr->filename = g_strdup("null");
    *be_opened = false;
}

static void null_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = null_chr_open;
    /* The base class's chr_write already swallows everything. */
}

const TypeInfo char_null_type_info = {
    .name = TYPE_CHARDEV_NULL,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(Chardev),
    .class_init = null_chr_class_init,
};

static void char_null_register_types(void)
{
    type_register_static(&char_null_type_info);
}

type_init(char_null_register_types)
