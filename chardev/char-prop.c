/*
 * qdev_prop_chr: the "chardev=<id>" property of devices (DEFINE_PROP_CHR).
 *
 * It lives with the chardevs rather than in hw/core so that qdev does
 * not depend on them.  Setting it attaches the device's CharBackend to
 * the chardev; releasing it (device finalize) detaches it again.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-properties.h"
#include "chardev/char-fe.h"

static json_t *prop_get_chr(Object *obj, const char *name, void *opaque,
                            Error **errp)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);

    return json_string(be->chr && be->chr->label ? be->chr->label : "");
}

static bool prop_set_chr(Object *obj, const char *name, json_t *value,
                         void *opaque, Error **errp)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);
    const char *str = qom_json_get_str(value, name, errp);
    Chardev *chr;

    if (!str) {
        return false;
    }
    if (be->chr) {
        /* Re-pointing before realize: let go of the old one first. */
        qemu_chr_fe_deinit(be, false);
    }
    if (!*str) {
        /* "chardev=" explicitly leaves the device unconnected. */
        return true;
    }
    chr = qemu_chr_find(str);
    if (!chr) {
        error_set_from_qdev_prop_error(errp, -ENOENT, obj, name, str);
        return false;
    }
    if (!qemu_chr_fe_init(be, chr, NULL)) {
        error_set_from_qdev_prop_error(errp, -EEXIST, obj, name, str);
        return false;
    }
    return true;
}

static void prop_release_chr(Object *obj, const char *name, void *opaque)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);

    qemu_chr_fe_deinit(be, false);
}

const PropertyInfo qdev_prop_chr = {
    .type = "str",
    .description = "ID of a chardev to use as a backend",
    .get = prop_get_chr,
    .set = prop_set_chr,
    .release = prop_release_chr,
};
