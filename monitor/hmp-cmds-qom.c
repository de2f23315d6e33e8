/*
 * HMP device and QOM commands: device_add, device_del, qom-list,
 * qom-get, qom-set.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/json-util.h"
#include "hw/qdev-core.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

/* "device_add help": the devices a user may create. */
static void print_device_types(Monitor *mon)
{
    GSList *list = object_class_get_list_sorted(TYPE_DEVICE, false);

    for (GSList *l = list; l; l = l->next) {
        DeviceClass *dc = DEVICE_CLASS(l->data);

        if (!dc->user_creatable) {
            continue;
        }
        monitor_printf(mon, "name \"%s\"", object_class_get_name(l->data));
        if (dc->bus_type) {
            monitor_printf(mon, ", bus %s", dc->bus_type);
        }
        if (dc->desc) {
            monitor_printf(mon, ", desc \"%s\"", dc->desc);
        }
        monitor_printf(mon, "\n");
    }
    g_slist_free(list);
}

void hmp_device_add(Monitor *mon, json_t *args)
{
    json_t *opts = json_object_get(args, "device");
    Error *err = NULL;

    if (!g_strcmp0(json_string_value(json_object_get(opts, "driver")),
                   "help")) {
        print_device_types(mon);
        return;
    }
    if (!qdev_device_add_from_json(opts, &err)) {
        hmp_handle_error(mon, err);
    }
}

void hmp_device_del(Monitor *mon, json_t *args)
{
    Error *err = NULL;

    qdev_device_del(hmp_arg_str(args, "id"), &err);
    hmp_handle_error(mon, err);
}

static Object *hmp_resolve(Monitor *mon, const char *path)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            monitor_printf(mon, "Error: Path '%s' is ambiguous\n", path);
        } else {
            monitor_printf(mon, "Error: Device '%s' not found\n", path);
        }
    }
    return obj;
}

void hmp_qom_list(Monitor *mon, json_t *args)
{
    const char *path = hmp_arg_str(args, "path");
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj = hmp_resolve(mon, path ? path : "/");

    if (!obj) {
        return;
    }
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        monitor_printf(mon, "%s (%s)\n", prop->name, prop->type);
    }
}

void hmp_qom_get(Monitor *mon, json_t *args)
{
    Object *obj = hmp_resolve(mon, hmp_arg_str(args, "path"));
    Error *err = NULL;
    g_autofree char *text = NULL;
    json_t *value;

    if (!obj) {
        return;
    }
    value = object_property_get(obj, hmp_arg_str(args, "property"), &err);
    if (!value) {
        hmp_handle_error(mon, err);
        return;
    }
    text = json_dumps_pretty(value);
    json_decref(value);
    monitor_printf(mon, "%s\n", text);
}

void hmp_qom_set(Monitor *mon, json_t *args)
{
    Object *obj = hmp_resolve(mon, hmp_arg_str(args, "path"));
    const char *property = hmp_arg_str(args, "property");
    const char *text = hmp_arg_str(args, "value");
    Error *err = NULL;

    if (!obj) {
        return;
    }
    if (!monitor_qom_set_allowed(obj, property, &err)) {
        hmp_handle_error(mon, err);
        return;
    }
    if (hmp_arg_flag(args, "json")) {
        json_t *value = json_parse_string(text, &err);

        if (value) {
            object_property_set(obj, property, value, &err);
            json_decref(value);
        }
    } else {
        /* Plain text is converted by the property's type (on, 0x10, 64K). */
        object_property_parse(obj, property, text, &err);
    }
    hmp_handle_error(mon, err);
}
