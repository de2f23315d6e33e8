/*
 * qdev: the device base type and its lifecycle.
 *
 * realize/unrealize run through the "realized" property; the parent bus
 * link, hotplug handler calls, the memory-region lifetime rule and the
 * device-deleted notification live here.  Buses are in bus.c, GPIOs in
 * gpio.c, static properties in qdev-properties.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/hotplug.h"
#include "hw/boards.h"
#include "qdev-internal.h"

/* ---------------------------------------------------------------------- */
/* Machine creation phases                                                 */
/* ---------------------------------------------------------------------- */

static MachineInitPhase machine_phase;

bool phase_check(MachineInitPhase phase)
{
    return machine_phase >= phase;
}

void phase_advance(MachineInitPhase phase)
{
    g_assert(phase >= machine_phase);
    machine_phase = phase;
}

void phase_reset_for_test(void)
{
    machine_phase = PHASE_NO_MACHINE;
}

void qdev_machine_creation_done(void)
{
    phase_advance(PHASE_MACHINE_READY);
}

/* ---------------------------------------------------------------------- */
/* Deleted notification                                                    */
/* ---------------------------------------------------------------------- */

typedef struct DeletedListener {
    QDevDeletedFn *fn;
    void *opaque;
} DeletedListener;

static GSList *deleted_listeners;

void qdev_add_deleted_listener(QDevDeletedFn *fn, void *opaque)
{
    DeletedListener *l = g_new0(DeletedListener, 1);

    l->fn = fn;
    l->opaque = opaque;
    deleted_listeners = g_slist_append(deleted_listeners, l);
}

void qdev_remove_deleted_listener(QDevDeletedFn *fn, void *opaque)
{
    for (GSList *e = deleted_listeners; e; e = e->next) {
        DeletedListener *l = e->data;

        if (l->fn == fn && l->opaque == opaque) {
            deleted_listeners = g_slist_delete_link(deleted_listeners, e);
            g_free(l);
            return;
        }
    }
}

static void qdev_notify_deleted(const char *id, const char *path)
{
    /* A listener may remove itself: walk a copy. */
    GSList *copy = g_slist_copy(deleted_listeners);

    for (GSList *e = copy; e; e = e->next) {
        DeletedListener *l = e->data;

        if (g_slist_find(deleted_listeners, l)) {
            l->fn(l->opaque, id, path);
        }
    }
    g_slist_free(copy);
}

/* ---------------------------------------------------------------------- */
/* Class helpers                                                           */
/* ---------------------------------------------------------------------- */

void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize)
{
    g_assert(!*parent_realize);
    *parent_realize = dc->realize;
    dc->realize = dev_realize;
}

void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize)
{
    g_assert(!*parent_unrealize);
    *parent_unrealize = dc->unrealize;
    dc->unrealize = dev_unrealize;
}

void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset)
{
    dc->legacy_reset = dev_reset;
}

const char *qdev_category_name(DeviceCategory category)
{
    static const char *const names[DEVICE_CATEGORY_MAX] = {
        [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
        [DEVICE_CATEGORY_USB] = "USB",
        [DEVICE_CATEGORY_STORAGE] = "Storage",
        [DEVICE_CATEGORY_NETWORK] = "Network",
        [DEVICE_CATEGORY_INPUT] = "Input",
        [DEVICE_CATEGORY_DISPLAY] = "Display",
        [DEVICE_CATEGORY_SOUND] = "Sound",
        [DEVICE_CATEGORY_MISC] = "Misc",
        [DEVICE_CATEGORY_CPU] = "CPU",
        [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
    };

    if (category < 0 || category >= DEVICE_CATEGORY_MAX) {
        return "Uncategorized";
    }
    return names[category];
}

/* ---------------------------------------------------------------------- */
/* Creation                                                                */
/* ---------------------------------------------------------------------- */

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return DEVICE(object_new_with_class(oc));
}

DeviceState *qdev_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    if (!dev) {
        error_report("unknown or abstract device type '%s'", name);
        abort();
    }
    return dev;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    g_assert(!dev->realized);
    if (bus) {
        if (dev->parent_bus != bus &&
            !qdev_set_parent_bus(dev, bus, errp)) {
            return false;
        }
    } else if (DEVICE_GET_CLASS(dev)->bus_type && !dev->parent_bus) {
        error_setg(errp, "Device '%s' needs a '%s' bus",
                   object_get_typename(OBJECT(dev)),
                   DEVICE_GET_CLASS(dev)->bus_type);
        return false;
    }
    return object_property_set_bool(OBJECT(dev), "realized", true, errp);
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ret = qdev_realize(dev, bus, errp);

    object_unref(OBJECT(dev));
    return ret;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

BusState *qdev_get_parent_bus(const DeviceState *dev)
{
    return dev->parent_bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    BusState *bus;

    QDEV_FOREACH_CHILD_BUS(bus, dev) {
        if (!strcmp(name, bus->name)) {
            return bus;
        }
    }
    return NULL;
}

char *qdev_get_dev_path(DeviceState *dev)
{
    BusClass *bc;

    if (!dev || !dev->parent_bus) {
        return NULL;
    }
    bc = BUS_GET_CLASS(dev->parent_bus);
    if (bc->get_dev_path) {
        return bc->get_dev_path(dev);
    }
    return NULL;
}

const char *qdev_fw_name(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    return dc->fw_name ? dc->fw_name : object_get_typename(OBJECT(dev));
}

/* ---------------------------------------------------------------------- */
/* Hotplug                                                                 */
/* ---------------------------------------------------------------------- */

HotplugHandler *qdev_get_machine_hotplug_handler(DeviceState *dev)
{
    MachineState *machine = qdev_get_machine_state();
    MachineClass *mc;

    if (!machine) {
        return NULL;
    }
    mc = MACHINE_GET_CLASS(machine);
    return mc->get_hotplug_handler ? mc->get_hotplug_handler(machine, dev)
                                   : NULL;
}

HotplugHandler *qdev_get_bus_hotplug_handler(DeviceState *dev)
{
    return dev->parent_bus ? dev->parent_bus->hotplug_handler : NULL;
}

HotplugHandler *qdev_get_hotplug_handler(DeviceState *dev)
{
    /* The machine may claim any device; otherwise the bus decides. */
    HotplugHandler *handler = qdev_get_machine_hotplug_handler(dev);

    return handler ? handler : qdev_get_bus_hotplug_handler(dev);
}

bool qdev_hotplug_allowed(DeviceState *dev, BusState *bus, Error **errp)
{
    MachineState *machine = qdev_get_machine_state();
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (!dc->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    if (machine) {
        MachineClass *mc = MACHINE_GET_CLASS(machine);

        if (mc->hotplug_allowed) {
            return mc->hotplug_allowed(machine, dev, errp);
        }
    }
    return true;
}

void qdev_unplug(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    HotplugHandler *handler;
    HotplugHandlerClass *hdc;
    Error *local_err = NULL;

    if (dev->parent_bus && !qbus_is_hotpluggable(dev->parent_bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   dev->parent_bus->name);
        return;
    }
    if (!dc->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    handler = qdev_get_hotplug_handler(dev);
    if (!handler) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    hdc = HOTPLUG_HANDLER_GET_CLASS(handler);
    if (hdc->unplug_request) {
        /* Asynchronous: the handler removes the device when it is done. */
        hotplug_handler_unplug_request(handler, dev, &local_err);
        if (!local_err) {
            dev->pending_deleted_event = true;
        }
    } else {
        hotplug_handler_unplug(handler, dev, &local_err);
        if (!local_err) {
            dev->pending_deleted_event = true;
            object_unparent(OBJECT(dev));
        }
    }
    error_propagate(errp, local_err);
}

void qdev_simple_device_unplug_cb(HotplugHandler *hotplug_dev,
                                  DeviceState *dev, Error **errp)
{
    qdev_unrealize(dev);
}

/* ---------------------------------------------------------------------- */
/* Realize / unrealize                                                     */
/* ---------------------------------------------------------------------- */

static int unparent_memory_region(Object *child, void *opaque)
{
    /* By name, so hw/core needs nothing from the memory API. */
    if (object_dynamic_cast(child, "memory-region")) {
        object_unparent(child);
    }
    return 0;
}

/*
 * design.md section 5, rule 3: the owner <-> region cycle is broken here,
 * after unrealize and on the realize error path.
 */
static void qdev_unparent_memory_regions(DeviceState *dev)
{
    object_child_foreach(OBJECT(dev), unparent_memory_region, NULL);
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_realize_on(DeviceState *dev, Error **errp)
{
    Object *obj = OBJECT(dev);
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    HotplugHandler *handler;
    bool unattached_parent = false;
    Error *local_err = NULL;
    BusState *bus;

    if (!obj->parent) {
        object_property_add_child(machine_get_container("unattached"),
                                  "device[*]", obj);
        unattached_parent = true;
    }

    handler = qdev_get_hotplug_handler(dev);
    if (handler) {
        hotplug_handler_pre_plug(handler, dev, &local_err);
        if (local_err) {
            goto fail;
        }
    }
    if (dc->realize) {
        dc->realize(dev, &local_err);
        if (local_err) {
            goto fail;
        }
    }

    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(obj);
    dev->pending_deleted_event = false;

    if (handler) {
        hotplug_handler_plug(handler, dev, &local_err);
        if (local_err) {
            goto post_realize_fail;
        }
    }
    QDEV_FOREACH_CHILD_BUS(bus, dev) {
        if (!qbus_realize(bus, &local_err)) {
            goto child_realize_fail;
        }
    }
    dev->realized = true;
    if (dev->hotplugged) {
        /* Cold-plugged devices are reset with the machine; this one not. */
        device_cold_reset(dev);
    }
    return;

child_realize_fail:
    QDEV_FOREACH_CHILD_BUS(bus, dev) {
        qbus_unrealize(bus);
    }
post_realize_fail:
    g_free(dev->canonical_path);
    dev->canonical_path = NULL;
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
fail:
    error_propagate(errp, local_err);
    qdev_unparent_memory_regions(dev);
    if (unattached_parent) {
        /* Undo the adoption; the caller's reference keeps @dev alive. */
        object_unparent(obj);
    }
}

static void device_realize_off(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusState *bus;

    QDEV_FOREACH_CHILD_BUS(bus, dev) {
        qbus_unrealize(bus);
    }
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->pending_deleted_event = true;
    dev->realized = false;
    qdev_unparent_memory_regions(dev);
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value && !dev->realized) {
        device_realize_on(dev, errp);
    } else if (!value && dev->realized) {
        device_realize_off(dev);
    }
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    DeviceState *dev = DEVICE(obj);
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    return dc->hotpluggable &&
           (!dev->parent_bus || qbus_is_hotpluggable(dev->parent_bus));
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged;
}

/* Unplug from the parent bus: drop both references of the pair. */
void qdev_detach_from_bus(DeviceState *dev)
{
    BusState *bus = dev->parent_bus;

    if (!bus) {
        return;
    }
    dev->parent_bus = NULL;
    bus_remove_child(bus, dev);
    object_unref(OBJECT(bus));
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);

    if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (bc->check_address && !bc->check_address(bus, dev, errp)) {
        return false;
    }
    if (dev->parent_bus == bus) {
        return true;
    }
    qdev_detach_from_bus(dev);
    dev->parent_bus = bus;
    object_ref(OBJECT(bus));
    bus_add_child(bus, dev);
    return true;
}

static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    }
    while (dev->child_bus) {
        object_unparent(OBJECT(dev->child_bus));
    }
    qdev_detach_from_bus(dev);
}

/* ---------------------------------------------------------------------- */
/* Reset plumbing                                                          */
/* ---------------------------------------------------------------------- */

static ResettableState *device_get_reset_state(Object *obj)
{
    return &DEVICE(obj)->reset;
}

static void device_reset_child_foreach(Object *obj,
                                       ResettableChildCallback cb,
                                       void *opaque, ResetType type)
{
    BusState *bus;

    QDEV_FOREACH_CHILD_BUS(bus, DEVICE(obj)) {
        cb(OBJECT(bus), opaque, type);
    }
}

static void device_transitional_reset(Object *obj)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    dc->legacy_reset(DEVICE(obj));
}

static ResettableTrFunction device_get_transitional_reset(Object *obj)
{
    return DEVICE_GET_CLASS(obj)->legacy_reset ? device_transitional_reset
                                               : NULL;
}

void device_cold_reset(DeviceState *dev)
{
    resettable_reset(OBJECT(dev), RESET_TYPE_COLD);
}

bool device_is_in_reset(DeviceState *dev)
{
    return resettable_is_in_reset(OBJECT(dev));
}

/* ---------------------------------------------------------------------- */
/* The type                                                                */
/* ---------------------------------------------------------------------- */

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->hotplugged = phase_check(PHASE_MACHINE_READY);
    object_property_add_link(obj, "parent_bus", TYPE_BUS,
                             (Object **)&dev->parent_bus, NULL, 0);
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    NamedGPIOList *ngl = dev->gpios;

    while (ngl) {
        NamedGPIOList *next = ngl->next;

        /* The lines themselves were children, released already. */
        g_free(ngl->in);
        g_free(ngl->name);
        g_free(ngl);
        ngl = next;
    }
    dev->gpios = NULL;

    /*
     * Announce the deletion now that the memory really goes: a device
     * somebody still holds a reference to is not deleted.
     */
    if (dev->pending_deleted_event && dev->canonical_path) {
        qdev_notify_deleted(dev->id, dev->canonical_path);
    }
    g_free(dev->canonical_path);
    g_free(dev->id);
    json_decref(dev->opts);
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    oc->unparent = device_unparent;
    dc->hotpluggable = true;
    dc->user_creatable = true;

    rc->get_state = device_get_reset_state;
    rc->child_foreach = device_reset_child_foreach;
    rc->get_transitional_function = device_get_transitional_reset;

    object_class_property_add_bool(oc, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_add_bool(oc, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_bool(oc, "hotplugged", device_get_hotplugged,
                                   NULL);
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_initfn,
    .instance_finalize = device_finalize,
    .class_init = device_class_init,
    .abstract = true,
    .class_size = sizeof(DeviceClass),
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_RESETTABLE_INTERFACE },
        { }
    },
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
