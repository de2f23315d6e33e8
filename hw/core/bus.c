/*
 * qdev buses: the base type, naming, plugging devices in, walking and
 * searching the device tree.
 *
 * A bus is a QOM child of the device that provides it.  It holds a
 * reference on every device plugged into it (and a "child[N]" link to
 * it); each device holds a reference on its bus.  The pair is taken
 * apart when either is unparented.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/hotplug.h"
#include "qdev-internal.h"

void bus_add_child(BusState *bus, DeviceState *child)
{
    BusChild *kid = g_new0(BusChild, 1);
    g_autofree char *name = NULL;

    kid->index = bus->max_index++;
    kid->child = child;
    object_ref(OBJECT(child));

    kid->prev = bus->children_tail;
    if (bus->children_tail) {
        bus->children_tail->next = kid;
    } else {
        bus->children = kid;
    }
    bus->children_tail = kid;
    bus->num_children++;

    name = g_strdup_printf("child[%d]", kid->index);
    object_property_add_link(OBJECT(bus), name,
                             object_get_typename(OBJECT(child)),
                             (Object **)&kid->child, NULL, 0);
}

void bus_remove_child(BusState *bus, DeviceState *child)
{
    BusChild *kid;

    QBUS_FOREACH_CHILD(kid, bus) {
        if (kid->child == child) {
            g_autofree char *name = g_strdup_printf("child[%d]",
                                                    kid->index);

            if (kid->prev) {
                kid->prev->next = kid->next;
            } else {
                bus->children = kid->next;
            }
            if (kid->next) {
                kid->next->prev = kid->prev;
            } else {
                bus->children_tail = kid->prev;
            }
            bus->num_children--;
            object_property_del(OBJECT(bus), name);
            g_free(kid);
            object_unref(OBJECT(child));
            return;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Creation                                                                */
/* ---------------------------------------------------------------------- */

static void qbus_init_internal(BusState *bus, DeviceState *parent,
                               const char *name)
{
    bus->parent = parent;
    if (name) {
        bus->name = g_strdup(name);
    } else if (parent && parent->id) {
        bus->name = g_strdup_printf("%s.%d", parent->id,
                                    parent->num_child_bus);
    } else {
        BusClass *bc = BUS_GET_CLASS(bus);
        g_autofree char *type =
            g_ascii_strdown(object_get_typename(OBJECT(bus)), -1);

        bus->name = g_strdup_printf("%s.%d", type, bc->automatic_ids++);
    }

    if (parent) {
        BusState **tail = &parent->child_bus;

        while (*tail) {
            tail = &(*tail)->sibling;
        }
        *tail = bus;
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        /* The parent device's child property now owns the bus. */
        object_unref(OBJECT(bus));
    }
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_init_internal(bus, parent, name);
}

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_init_internal(bus, parent, name);
    return bus;
}

/* ---------------------------------------------------------------------- */
/* Realize                                                                 */
/* ---------------------------------------------------------------------- */

static bool bus_get_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

static void bus_set_realized(Object *obj, bool value, Error **errp)
{
    BusState *bus = BUS(obj);
    BusClass *bc = BUS_GET_CLASS(bus);
    Error *local_err = NULL;
    BusChild *kid;

    if (value && !bus->realized) {
        if (bc->realize) {
            bc->realize(bus, &local_err);
            if (local_err) {
                error_propagate(errp, local_err);
                return;
            }
        }
        bus->realized = true;
    } else if (!value && bus->realized) {
        /* Devices below go first, as for any parent and child. */
        QBUS_FOREACH_CHILD(kid, bus) {
            qdev_unrealize(kid->child);
        }
        if (bc->unrealize) {
            bc->unrealize(bus);
        }
        bus->realized = false;
    }
}

bool qbus_realize(BusState *bus, Error **errp)
{
    return object_property_set_bool(OBJECT(bus), "realized", true, errp);
}

void qbus_unrealize(BusState *bus)
{
    object_property_set_bool(OBJECT(bus), "realized", false, &error_abort);
}

/* ---------------------------------------------------------------------- */
/* Hotplug and capacity                                                    */
/* ---------------------------------------------------------------------- */

bool qbus_is_hotpluggable(BusState *bus)
{
    HotplugHandler *handler = bus->hotplug_handler;
    HotplugHandlerClass *hdc;

    if (!handler) {
        return false;
    }
    hdc = HOTPLUG_HANDLER_GET_CLASS(handler);
    if (hdc->is_hotpluggable_bus) {
        return hdc->is_hotpluggable_bus(handler, bus);
    }
    return true;
}

void qbus_set_hotplug_handler(BusState *bus, Object *handler)
{
    object_property_set_link(OBJECT(bus), "hotplug-handler", handler,
                             &error_abort);
}

void qbus_set_bus_hotplug_handler(BusState *bus)
{
    qbus_set_hotplug_handler(bus, OBJECT(bus->parent));
}

bool qbus_is_full(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    return bus->full || (bc->max_dev && bus->num_children >= bc->max_dev);
}

void qbus_mark_full(BusState *bus)
{
    bus->full = true;
}

/* ---------------------------------------------------------------------- */
/* Walking                                                                 */
/* ---------------------------------------------------------------------- */

int qbus_walk_children(BusState *bus, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque)
{
    BusChild *kid;
    int err;

    if (pre_busfn) {
        err = pre_busfn(bus, opaque);
        if (err) {
            return err;
        }
    }
    QBUS_FOREACH_CHILD(kid, bus) {
        err = qdev_walk_children(kid->child, pre_devfn, pre_busfn,
                                 post_devfn, post_busfn, opaque);
        if (err) {
            return err;
        }
    }
    return post_busfn ? post_busfn(bus, opaque) : 0;
}

int qdev_walk_children(DeviceState *dev, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque)
{
    BusState *bus;
    int err;

    if (pre_devfn) {
        err = pre_devfn(dev, opaque);
        if (err) {
            return err;
        }
    }
    QDEV_FOREACH_CHILD_BUS(bus, dev) {
        err = qbus_walk_children(bus, pre_devfn, pre_busfn, post_devfn,
                                 post_busfn, opaque);
        if (err) {
            return err;
        }
    }
    return post_devfn ? post_devfn(dev, opaque) : 0;
}

DeviceState *qdev_find_recursive(BusState *bus, const char *id)
{
    BusChild *kid;

    QBUS_FOREACH_CHILD(kid, bus) {
        DeviceState *dev = kid->child;
        BusState *child;

        if (dev->id && !strcmp(dev->id, id)) {
            return dev;
        }
        QDEV_FOREACH_CHILD_BUS(child, dev) {
            DeviceState *ret = qdev_find_recursive(child, id);

            if (ret) {
                return ret;
            }
        }
    }
    return NULL;
}

typedef struct BusSearch {
    const char *name;
    const char *type;
    BusState *found;
} BusSearch;

/*
 * A name search takes the bus even when full (the caller reports that);
 * a type search wants one with room.
 */
static bool bus_matches(BusState *bus, BusSearch *s)
{
    if (s->name && strcmp(bus->name, s->name) != 0) {
        return false;
    }
    if (s->type && !object_dynamic_cast(OBJECT(bus), s->type)) {
        return false;
    }
    return s->name || !qbus_is_full(bus);
}

static int bus_search_pre(BusState *bus, void *opaque)
{
    BusSearch *s = opaque;

    if (bus_matches(bus, s)) {
        s->found = bus;
        return 1;
    }
    return 0;
}

static int bus_search_qom(Object *obj, void *opaque)
{
    BusSearch *s = opaque;
    BusState *bus = (BusState *)object_dynamic_cast(obj, TYPE_BUS);

    if (bus && bus_matches(bus, s)) {
        s->found = bus;
        return 1;
    }
    return 0;
}

BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename)
{
    BusSearch s = { .name = name, .type = bus_typename };

    if (bus) {
        qbus_walk_children(bus, NULL, bus_search_pre, NULL, NULL, &s);
    } else {
        /* Every bus in the machine, in composition-tree order. */
        object_child_foreach_recursive(qdev_get_machine(), bus_search_qom,
                                       &s);
    }
    return s.found;
}

/* ---------------------------------------------------------------------- */
/* The type                                                                */
/* ---------------------------------------------------------------------- */

static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);

    /* Devices on a bus that goes away go with it. */
    while (bus->children) {
        DeviceState *dev = bus->children->child;

        if (OBJECT(dev)->parent) {
            object_unparent(OBJECT(dev));
        } else {
            qdev_detach_from_bus(dev);
        }
    }
    if (bus->parent) {
        BusState **link = &bus->parent->child_bus;

        while (*link != bus) {
            link = &(*link)->sibling;
        }
        *link = bus->sibling;
        bus->sibling = NULL;
        bus->parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static ResettableState *bus_get_reset_state(Object *obj)
{
    return &BUS(obj)->reset;
}

static void bus_reset_child_foreach(Object *obj, ResettableChildCallback cb,
                                    void *opaque, ResetType type)
{
    BusChild *kid;

    QBUS_FOREACH_CHILD(kid, BUS(obj)) {
        cb(OBJECT(kid->child), opaque, type);
    }
}

void bus_cold_reset(BusState *bus)
{
    resettable_reset(OBJECT(bus), RESET_TYPE_COLD);
}

bool bus_is_in_reset(BusState *bus)
{
    return resettable_is_in_reset(OBJECT(bus));
}

static void qbus_initfn(Object *obj)
{
    BusState *bus = BUS(obj);

    object_property_add_link(obj, "hotplug-handler", TYPE_HOTPLUG_HANDLER,
                             (Object **)&bus->hotplug_handler,
                             object_property_allow_set_link, 0);
}

static void qbus_finalize(Object *obj)
{
    g_free(BUS(obj)->name);
}

static void bus_class_init(ObjectClass *oc, void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    oc->unparent = bus_unparent;
    rc->get_state = bus_get_reset_state;
    rc->child_foreach = bus_reset_child_foreach;
    object_class_property_add_bool(oc, "realized", bus_get_realized,
                                   bus_set_realized);
}

static const TypeInfo bus_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .abstract = true,
    .class_size = sizeof(BusClass),
    .instance_init = qbus_initfn,
    .instance_finalize = qbus_finalize,
    .class_init = bus_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_RESETTABLE_INTERFACE },
        { }
    },
};

static void bus_register_types(void)
{
    type_register_static(&bus_info);
}

type_init(bus_register_types)
