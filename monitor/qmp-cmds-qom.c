/*
 * QMP commands on the object model: browsing and changing properties,
 * listing types, and plugging and unplugging devices.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "hw/qdev-core.h"
#include "monitor/qmp-dispatch.h"
#include "monitor-internal.h"

/* The object at @path, or DeviceNotFound as QEMU reports it. */
static Object *qmp_resolve(const char *path, Error **errp)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
    }
    return obj;
}

static json_t *qmp_qom_list(json_t *args, Error **errp)
{
    Object *obj = qmp_resolve(qmp_arg_str(args, "path"), errp);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    json_t *ret;

    if (!obj) {
        return NULL;
    }
    ret = json_array();
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        json_array_append_new(ret, json_pack("{s:s, s:s}",
                                             "name", prop->name,
                                             "type", prop->type));
    }
    return ret;
}

static json_t *qmp_qom_get(json_t *args, Error **errp)
{
    Object *obj = qmp_resolve(qmp_arg_str(args, "path"), errp);

    if (!obj) {
        return NULL;
    }
    return object_property_get(obj, qmp_arg_str(args, "property"), errp);
}

/*
 * "realized" of a device or bus only changes through device_add and
 * device_del (or the board).  Toggled by hand it unrealizes board devices
 * nothing maps again, and realizing one a second time is nothing they
 * are written for (cr16-slot-controller aborted on it).
 */
bool monitor_qom_set_allowed(Object *obj, const char *property,
                             Error **errp)
{
    if (property && !strcmp(property, "realized") &&
        (object_dynamic_cast(obj, TYPE_DEVICE) ||
         object_dynamic_cast(obj, TYPE_BUS))) {
        error_setg(errp, "Property '%s.realized' cannot be set with "
                   "qom-set; use device_add and device_del",
                   object_get_typename(obj));
        return false;
    }
    return true;
}

static json_t *qmp_qom_set(json_t *args, Error **errp)
{
    Object *obj = qmp_resolve(qmp_arg_str(args, "path"), errp);

    if (!obj || !monitor_qom_set_allowed(obj, qmp_arg_str(args, "property"),
                                         errp)) {
        return NULL;
    }
    if (!object_property_set(obj, qmp_arg_str(args, "property"),
                             json_object_get(args, "value"), errp)) {
        return NULL;
    }
    return json_object();
}

static json_t *qmp_qom_list_types(json_t *args, Error **errp)
{
    const char *implements = qmp_arg_str(args, "implements");
    bool abstract = qmp_arg_bool(args, "abstract", false);
    GSList *list;
    json_t *ret = json_array();

    if (implements && !type_exists(implements)) {
        /* QEMU lists nothing for an unknown type rather than failing. */
        return ret;
    }
    list = object_class_get_list_sorted(implements, abstract);
    for (GSList *l = list; l; l = l->next) {
        ObjectClass *klass = l->data;
        ObjectClass *parent = object_class_get_parent(klass);
        json_t *info = json_pack("{s:s}", "name",
                                 object_class_get_name(klass));

        if (object_class_is_abstract(klass)) {
            json_object_set_new(info, "abstract", json_true());
        }
        if (parent) {
            json_object_set_new(info, "parent",
                                json_string(object_class_get_name(parent)));
        }
        json_array_append_new(ret, info);
    }
    g_slist_free(list);
    return ret;
}

static json_t *property_info(ObjectProperty *prop)
{
    json_t *info = json_pack("{s:s, s:s}", "name", prop->name,
                             "type", prop->type);

    if (prop->description) {
        json_object_set_new(info, "description",
                            json_string(prop->description));
    }
    if (prop->defval) {
        json_object_set(info, "default-value", prop->defval);
    }
    return info;
}

/* The properties qdev adds to every device; device_add cannot set them. */
static bool is_generic_device_prop(const char *name)
{
    static const char *const skip[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(skip); i++) {
        if (!strcmp(name, skip[i])) {
            return true;
        }
    }
    return strstart(name, "legacy-", NULL);
}

static json_t *qmp_device_list_properties(json_t *args, Error **errp)
{
    const char *typename = qmp_arg_str(args, "typename");
    ObjectClass *klass = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj;
    json_t *ret;

    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_DEVICE)) {
        error_setg(errp, "Parameter 'typename' expects device");
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "Parameter 'typename' expects non-abstract device "
                   "type");
        return NULL;
    }
    /* Instance properties only exist on an instance: make a throwaway. */
    obj = object_new(typename);
    ret = json_array();
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (!is_generic_device_prop(prop->name)) {
            json_array_append_new(ret, property_info(prop));
        }
    }
    object_unref(obj);
    return ret;
}

static json_t *qmp_qom_list_properties(json_t *args, Error **errp)
{
    const char *typename = qmp_arg_str(args, "typename");
    ObjectClass *klass = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj = NULL;
    json_t *ret;

    if (!klass) {
        error_setg(errp, "Class '%s' not found", typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_OBJECT)) {
        error_setg(errp, "Parameter 'typename' expects subtype of %s",
                   TYPE_OBJECT);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        object_class_property_iter_init(&iter, klass);
    } else {
        obj = object_new(typename);
        object_property_iter_init(&iter, obj);
    }
    ret = json_array();
    while ((prop = object_property_iter_next(&iter))) {
        json_array_append_new(ret, property_info(prop));
    }
    if (obj) {
        object_unref(obj);
    }
    return ret;
}

static json_t *qmp_device_add(json_t *args, Error **errp)
{
    /* The device is owned by /machine/peripheral*; nothing to release. */
    if (!qdev_device_add_from_json(args, errp)) {
        return NULL;
    }
    return json_object();
}

static json_t *qmp_device_del(json_t *args, Error **errp)
{
    if (!qdev_device_del(qmp_arg_str(args, "id"), errp)) {
        return NULL;
    }
    return json_object();
}

static const QmpArgSpec path_args[] = {
    { "path", QMP_ARG_STR },
    { }
};

static const QmpArgSpec qom_get_args[] = {
    { "path", QMP_ARG_STR },
    { "property", QMP_ARG_STR },
    { }
};

static const QmpArgSpec qom_set_args[] = {
    { "path", QMP_ARG_STR },
    { "property", QMP_ARG_STR },
    { "value", QMP_ARG_ANY },
    { }
};

static const QmpArgSpec list_types_args[] = {
    { "implements", QMP_ARG_STR, true },
    { "abstract", QMP_ARG_BOOL, true },
    { }
};

static const QmpArgSpec typename_args[] = {
    { "typename", QMP_ARG_STR },
    { }
};

static const QmpArgSpec device_add_args[] = {
    { "driver", QMP_ARG_STR },
    { "bus", QMP_ARG_STR, true },
    { "id", QMP_ARG_STR, true },
    { }
};

static const QmpArgSpec device_del_args[] = {
    { "id", QMP_ARG_STR },
    { }
};

static const QmpCommand qom_commands[] = {
    { "qom-list", qmp_qom_list, path_args },
    { "qom-get", qmp_qom_get, qom_get_args },
    { "qom-set", qmp_qom_set, qom_set_args },
    { "qom-list-types", qmp_qom_list_types, list_types_args },
    { "device-list-properties", qmp_device_list_properties, typename_args },
    { "qom-list-properties", qmp_qom_list_properties, typename_args },
    { "device_add", qmp_device_add, device_add_args, QCO_ALLOW_EXTRA_ARGS },
    { "device_del", qmp_device_del, device_del_args },
};

void qmp_register_qom_commands(void)
{
    qmp_register_commands(qom_commands, G_N_ELEMENTS(qom_commands));
}
