/*
 * Devices created and removed by users: -device, device_add, device_del,
 * and the "info qtree" text.
 *
 * qdev_device_add_from_json() is the one path for -device and QMP
 * device_add.  Any failure after the device object exists unparents and
 * drops it, so a failed add leaves nothing behind (no QOM node, no bus
 * slot, no reference).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"

/* ---------------------------------------------------------------------- */
/* Finding the class and the bus                                           */
/* ---------------------------------------------------------------------- */

static DeviceClass *qdev_get_device_class(const char *driver, Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    if (!DEVICE_CLASS(oc)->user_creatable) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    }
    return DEVICE_CLASS(oc);
}

/* The only child bus of @dev, or NULL when it has none or several. */
static BusState *qdev_single_child_bus(DeviceState *dev)
{
    return dev->num_child_bus == 1 ? dev->child_bus : NULL;
}

/*
 * A bus named by the user: "busname", "devid/busname", "devid" (a
 * device with exactly one bus) or an absolute QOM path to either.
 */
static BusState *qbus_find(const char *path, Error **errp)
{
    g_auto(GStrv) parts = NULL;
    BusState *bus = NULL;
    DeviceState *dev;
    Object *obj;

    if (path[0] == '/') {
        obj = object_resolve_path(path, NULL);
        if (obj && object_dynamic_cast(obj, TYPE_BUS)) {
            bus = BUS(obj);
        } else if (obj && object_dynamic_cast(obj, TYPE_DEVICE)) {
            bus = qdev_single_child_bus(DEVICE(obj));
        }
    } else {
        parts = g_strsplit(path, "/", 2);
        dev = qdev_find_device_state(parts[0], NULL);
        if (!parts[1]) {
            bus = qbus_find_recursive(NULL, parts[0], NULL);
            if (!bus && dev) {
                bus = qdev_single_child_bus(dev);
            }
        } else if (dev) {
            bus = qdev_get_child_bus(dev, parts[1]);
        }
    }
    if (!bus) {
        error_setg(errp, "Bus '%s' not found", path);
    }
    return bus;
}

/* ---------------------------------------------------------------------- */
/* Adding                                                                  */
/* ---------------------------------------------------------------------- */

/* Letters, digits, '-', '.', '_', starting with a letter. */
static bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

const char *qdev_set_id(DeviceState *dev, char *id, Error **errp)
{
    ObjectProperty *prop;

    g_assert(!dev->id && !OBJECT(dev)->parent);
    if (id) {
        if (!id_wellformed(id)) {
            error_setg(errp, "Parameter 'id' expects an identifier");
            error_append_hint(errp, "Identifiers consist of letters, "
                              "digits, '-', '.', '_', starting with a "
                              "letter.\n");
            g_free(id);
            return NULL;
        }
        prop = object_property_try_add_child(qdev_get_peripheral(), id,
                                             OBJECT(dev), NULL);
        if (!prop) {
            error_setg(errp, "Duplicate device ID '%s'", id);
            g_free(id);
            return NULL;
        }
        dev->id = id;
    } else {
        prop = object_property_add_child(qdev_get_peripheral_anon(),
                                         "device[*]", OBJECT(dev));
    }
    return prop->name;
}

/* Every member but driver/bus/id is a property, as a string or a value. */
static bool qdev_set_props_from_json(DeviceState *dev, json_t *opts,
                                     Error **errp)
{
    const char *key;
    json_t *value;

    json_object_foreach(opts, key, value) {
        Error *local_err = NULL;

        if (!strcmp(key, "driver") || !strcmp(key, "bus") ||
            !strcmp(key, "id") || !strcmp(key, "slot")) {
            continue;
        }
        if (!object_property_find_err(OBJECT(dev), key, errp)) {
            return false;
        }
        if (json_is_string(value)) {
            object_property_parse(OBJECT(dev), key,
                                  json_string_value(value), &local_err);
        } else {
            object_property_set(OBJECT(dev), key, value, &local_err);
        }
        if (local_err) {
            error_propagate(errp, local_err);
            return false;
        }
    }
    return true;
}

/*
 * "slot=N": the board's expansion slot N, the same as naming its bus.
 * A number from QMP, a string from -device and HMP.
 */
static BusState *qdev_find_slot_bus(json_t *v, Error **errp)
{
    MachineState *ms = MACHINE(qdev_get_machine());
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    int64_t slot;

    if (json_is_integer(v)) {
        slot = json_integer_value(v);
    } else {
        const char *str = json_string_value(v);
        char *end = NULL;

        errno = 0;
        slot = str ? g_ascii_strtoll(str, &end, 0) : 0;
        if (!str || !*str || *end || errno) {
            error_setg(errp, "Invalid parameter type for 'slot', expected: "
                       "integer");
            return NULL;
        }
    }
    if (!mc->get_slot_bus) {
        error_setg(errp, "Machine '%s' has no expansion slots", mc->name);
        return NULL;
    }
    return mc->get_slot_bus(ms, slot, errp);
}

DeviceState *qdev_device_add_from_json(json_t *opts, Error **errp)
{
    const char *driver, *path, *id;
    DeviceClass *dc;
    DeviceState *dev = NULL;
    BusState *bus = NULL;
    json_t *v;

    if (!json_is_object(opts)) {
        error_setg(errp, "Invalid parameter type, expected: object");
        return NULL;
    }
    v = json_object_get(opts, "driver");
    if (!v) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    driver = json_string_value(v);
    if (!driver) {
        error_setg(errp, "Invalid parameter type for 'driver', expected: "
                   "string");
        return NULL;
    }
    dc = qdev_get_device_class(driver, errp);
    if (!dc) {
        return NULL;
    }

    v = json_object_get(opts, "bus");
    if (v && json_object_get(opts, "slot")) {
        error_setg(errp, "Give either 'bus' or 'slot', not both");
        return NULL;
    }
    if (v) {
        path = json_string_value(v);
        if (!path) {
            error_setg(errp, "Invalid parameter type for 'bus', expected: "
                       "string");
            return NULL;
        }
        bus = qbus_find(path, errp);
        if (!bus) {
            return NULL;
        }
    } else if ((v = json_object_get(opts, "slot"))) {
        bus = qdev_find_slot_bus(v, errp);
        if (!bus) {
            return NULL;
        }
        path = bus->name;
    }
    if (bus) {
        if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus),
                                                  dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus", driver,
                       object_get_typename(OBJECT(bus)));
            return NULL;
        }
        if (qbus_is_full(bus)) {
            error_setg(errp, "Bus '%s' is full", path);
            return NULL;
        }
    } else if (dc->bus_type) {
        bus = qbus_find_recursive(NULL, NULL, dc->bus_type);
        if (!bus) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, driver);
            return NULL;
        }
    }

    if (phase_check(PHASE_MACHINE_READY) && bus &&
        !qbus_is_hotpluggable(bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   bus->name);
        return NULL;
    }

    v = json_object_get(opts, "id");
    if (v && !json_is_string(v)) {
        error_setg(errp, "Invalid parameter type for 'id', expected: "
                   "string");
        return NULL;
    }
    id = v ? json_string_value(v) : NULL;

    dev = qdev_new(driver);

    if (phase_check(PHASE_MACHINE_READY)) {
        if (!qdev_hotplug_allowed(dev, bus, errp)) {
            goto err_del_dev;
        }
        if (!bus && !qdev_get_machine_hotplug_handler(dev)) {
            error_setg(errp, "Device '%s' can not be hotplugged on this "
                       "machine", driver);
            goto err_del_dev;
        }
    }

    if (!qdev_set_id(dev, g_strdup(id), errp)) {
        goto err_del_dev;
    }
    dev->opts = json_deep_copy(opts);
    if (!qdev_set_props_from_json(dev, opts, errp)) {
        goto err_del_dev;
    }
    if (!qdev_realize(dev, bus, errp)) {
        goto err_del_dev;
    }
    /* The peripheral container's reference keeps the device. */
    object_unref(OBJECT(dev));
    return dev;

err_del_dev:
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Finding and deleting                                                    */
/* ---------------------------------------------------------------------- */

DeviceState *qdev_find_device_state(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_at(qdev_get_peripheral(), id);
    DeviceState *dev;

    if (!obj) {
        obj = object_resolve_path(id, NULL);
    }
    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", id);
        return NULL;
    }
    dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    if (!dev) {
        error_setg(errp, "%s is not a hotpluggable device", id);
        return NULL;
    }
    return dev;
}

bool qdev_device_del(const char *id, Error **errp)
{
    DeviceState *dev = qdev_find_device_state(id, errp);
    Error *local_err = NULL;

    if (!dev) {
        return false;
    }
    if (dev->pending_deleted_event) {
        error_setg(errp, "Device %s is already in the process of unplug",
                   id);
        return false;
    }
    qdev_unplug(dev, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* info qtree                                                              */
/* ---------------------------------------------------------------------- */

static void qtree_print_bus(GString *out, BusState *bus, int indent);

static void qtree_print_props(GString *out, DeviceState *dev, int indent)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));

    /* Static properties, most derived class first. */
    for (; object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        DeviceClass *dc = DEVICE_CLASS(oc);

        for (int i = 0; i < dc->props_count_; i++) {
            const char *name = dc->props_[i].name;
            g_autofree char *value =
                object_property_print(OBJECT(dev), name, true, NULL);

            g_string_append_printf(out, "%*s%s = %s\n", indent, "", name,
                                   value ? value : "<null>");
        }
    }
}

static void qtree_print_dev(GString *out, DeviceState *dev, int indent)
{
    NamedGPIOList *ngl;
    BusState *child;

    g_string_append_printf(out, "%*sdev: %s, id \"%s\"\n", indent, "",
                           object_get_typename(OBJECT(dev)),
                           dev->id ? dev->id : "");
    indent += 2;
    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (ngl->num_in) {
            g_string_append_printf(out, "%*sgpio-in \"%s\" %d\n", indent,
                                   "", ngl->name ? ngl->name : "",
                                   ngl->num_in);
        }
        if (ngl->num_out) {
            g_string_append_printf(out, "%*sgpio-out \"%s\" %d\n", indent,
                                   "", ngl->name ? ngl->name : "",
                                   ngl->num_out);
        }
    }
    qtree_print_props(out, dev, indent);
    QDEV_FOREACH_CHILD_BUS(child, dev) {
        qtree_print_bus(out, child, indent);
    }
}

static void qtree_print_bus(GString *out, BusState *bus, int indent)
{
    BusChild *kid;

    g_string_append_printf(out, "%*sbus: %s\n", indent, "", bus->name);
    indent += 2;
    g_string_append_printf(out, "%*stype %s\n", indent, "",
                           object_get_typename(OBJECT(bus)));
    QBUS_FOREACH_CHILD(kid, bus) {
        qtree_print_dev(out, kid->child, indent);
    }
}

static int qtree_root_bus(Object *obj, void *opaque)
{
    BusState *bus = (BusState *)object_dynamic_cast(obj, TYPE_BUS);

    if (bus && !bus->parent) {
        qtree_print_bus(opaque, bus, 0);
    }
    return 0;
}

void qdev_print_qtree(GString *out, BusState *bus)
{
    if (bus) {
        qtree_print_bus(out, bus, 0);
        return;
    }
    object_child_foreach_recursive(qdev_get_machine(), qtree_root_bus, out);
}
