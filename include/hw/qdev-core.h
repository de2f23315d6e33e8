/*
 * qdev: devices and buses on top of QOM.
 *
 * A device is built in two steps: instance_init (cannot fail; creates
 * child objects, memory regions, GPIO lines, properties) and realize
 * (can fail through errp; validates properties and makes the device
 * live).  Setting the "realized" property runs realize; unrealize undoes
 * it.  After unrealize, and when realize fails, qdev unparents every
 * memory-region child of the device (design.md section 5, rule 3), so a
 * device never removes its own regions by hand.
 *
 * Buses connect devices: a bus is a QOM child of the device that provides
 * it and holds a reference on each device plugged into it.  See
 * docs/devel/qdev.rst.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "qom/object.h"
#include "qemu/bitops.h"
#include "hw/resettable.h"

typedef struct Property Property;
typedef struct HotplugHandler HotplugHandler;
typedef struct Monitor Monitor;
typedef struct BusState BusState;
typedef struct BusChild BusChild;
typedef struct NamedGPIOList NamedGPIOList;

/* An interrupt/GPIO line: see hw/irq.h. */
typedef struct IRQState *qemu_irq;
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

#ifndef DECLARE_BITMAP
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#endif

/* What "-device help" groups devices by. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

/* "Controller/Bridge/Hub", "Storage devices", ..., "Uncategorized". */
const char *qdev_category_name(DeviceCategory category);

#define TYPE_DEVICE "device"
OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);

struct DeviceClass {
    ObjectClass parent_class;

    DECLARE_BITMAP(categories, DEVICE_CATEGORY_MAX);
    const char *fw_name;
    const char *desc;

    /* Static properties: set with device_class_set_props(). */
    const Property *props_;
    uint16_t props_count_;

    /* May -device / device_add create it?  Default true. */
    bool user_creatable;
    /* May it be plugged or unplugged while the machine runs?  Default
     * true; the bus must also be hotpluggable. */
    bool hotpluggable;

    /* Single-function reset, run in the hold phase (both names work). */
    union {
        DeviceReset legacy_reset;
        DeviceReset reset;
    };
    DeviceRealize realize;
    DeviceUnrealize unrealize;

    /* The type of bus the device plugs into, or NULL for none. */
    const char *bus_type;
};

typedef struct NamedGPIOList {
    char *name;
    qemu_irq *in;
    int num_in;
    int num_out;
    NamedGPIOList *next;
} NamedGPIOList;

struct DeviceState {
    Object parent_obj;

    /* User-given id (-device id=...); NULL for anonymous devices. */
    char *id;
    /* Path recorded at realize, reported when the device is deleted. */
    char *canonical_path;
    bool realized;
    /* Unrealized (or unplug requested): deletion will be announced. */
    bool pending_deleted_event;
    int64_t pending_deleted_expires_ms;
    /* Created after the machine was ready (device_add). */
    bool hotplugged;
    /* The options it was created with (device_add), or NULL. */
    json_t *opts;

    BusState *parent_bus;
    NamedGPIOList *gpios;
    BusState *child_bus;        /* first; linked by BusState.sibling */
    int num_child_bus;

    ResettableState reset;
};

/* Static properties, e.g. device_class_set_props(dc, my_props). */
void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n);
/* @props must be an array (not a pointer): its size is taken here. */
#define device_class_set_props(dc, props) \
    do { \
        QEMU_BUILD_BUG_ON(__builtin_types_compatible_p( \
                              __typeof__(props), __typeof__(&(props)[0]))); \
        device_class_set_props_n((dc), (props), ARRAY_SIZE(props)); \
    } while (0)

void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize);
void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize);
void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset);

/* Create ------------------------------------------------------------- */

/* A new, unrealized device; aborts if @name is not a device type. */
DeviceState *qdev_new(const char *name);
/* Same, but NULL when the type does not exist. */
DeviceState *qdev_try_new(const char *name);

/*
 * Plug @dev into @bus (NULL for bus-less devices) and realize it.  A
 * device with no QOM parent is put at /machine/unattached/device[N].
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
/* Same, then drop the caller's reference (also on failure). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
void qdev_unrealize(DeviceState *dev);

static inline bool qdev_is_realized(DeviceState *dev)
{
    return dev->realized;
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp);
BusState *qdev_get_parent_bus(const DeviceState *dev);
/* The child bus of @dev called @name, or NULL. */
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
/* "/machine/peripheral/foo" style path of @dev (g_free it) or NULL. */
char *qdev_get_dev_path(DeviceState *dev);
const char *qdev_fw_name(DeviceState *dev);

/* Iterate the child buses of @dev. */
#define QDEV_FOREACH_CHILD_BUS(bus, dev) \
    for ((bus) = (dev)->child_bus; (bus); (bus) = (bus)->sibling)

/* The machine, and its containers ------------------------------------- */

/*
 * The object at /machine.  Until a machine exists (unit tests), an
 * empty container is created there.
 */
Object *qdev_get_machine(void);
/* /machine/<name>: "unattached", "peripheral", "peripheral-anon". */
Object *machine_get_container(const char *name);
Object *qdev_get_peripheral(void);
Object *qdev_get_peripheral_anon(void);

/*
 * Machine creation phases: plug-time checks ask whether the machine is
 * ready (then every plug is a hotplug).
 */
typedef enum MachineInitPhase {
    PHASE_NO_MACHINE,
    PHASE_MACHINE_CREATED,
    PHASE_ACCEL_CREATED,
    PHASE_LATE_BACKENDS_CREATED,
    PHASE_MACHINE_INITIALIZED,
    PHASE_MACHINE_READY,
} MachineInitPhase;

bool phase_check(MachineInitPhase phase);
/* Move to @phase (must not go back). */
void phase_advance(MachineInitPhase phase);
/* Unit tests only: back to PHASE_NO_MACHINE. */
void phase_reset_for_test(void);
/* The machine is built: from now on plugging a device is a hotplug. */
void qdev_machine_creation_done(void);

/* Hotplug ------------------------------------------------------------- */

/* The machine's handler for @dev if it wants one, else the bus's. */
HotplugHandler *qdev_get_hotplug_handler(DeviceState *dev);
HotplugHandler *qdev_get_machine_hotplug_handler(DeviceState *dev);
HotplugHandler *qdev_get_bus_hotplug_handler(DeviceState *dev);
/* May @dev be hotplugged now (on @bus)?  Asks the machine's hook. */
bool qdev_hotplug_allowed(DeviceState *dev, BusState *bus, Error **errp);

/*
 * Ask for @dev to be removed: the handler's unplug_request (the guest
 * may take its time), or unplug + unparent at once when the handler has
 * no request step.
 */
void qdev_unplug(DeviceState *dev, Error **errp);
/* An unplug callback for handlers that simply drop the device. */
void qdev_simple_device_unplug_cb(HotplugHandler *hotplug_dev,
                                  DeviceState *dev, Error **errp);

/*
 * Device deletion notification: called when a device that was realized
 * is finalized (its memory is about to go), with its id (may be NULL)
 * and the canonical path it had.  QMP's DEVICE_DELETED hangs off this;
 * a leaked reference therefore means no event.
 */
typedef void QDevDeletedFn(void *opaque, const char *id, const char *path);
void qdev_add_deleted_listener(QDevDeletedFn *fn, void *opaque);
void qdev_remove_deleted_listener(QDevDeletedFn *fn, void *opaque);

/* GPIOs --------------------------------------------------------------- */

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque, const char *name,
                                         int n);
/* Named input lines; @handler gets @dev as opaque. */
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);
/* Output lines: @pins is the device's own qemu_irq array. */
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
/* Wire output @n of @dev to the input line @pin (NULL disconnects). */
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq input_pin);
/* What output @n of @dev is connected to, or NULL. */
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);
/*
 * Expose @dev's GPIO lines called @name (NULL: unnamed) as lines of
 * @container (an SoC forwarding a part's lines).
 */
void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name);

/* Reset --------------------------------------------------------------- */

/* Reset @dev and everything below it (three phases, see resettable.h). */
void device_cold_reset(DeviceState *dev);
void bus_cold_reset(BusState *bus);
bool device_is_in_reset(DeviceState *dev);
bool bus_is_in_reset(BusState *bus);

/* Buses --------------------------------------------------------------- */

#define TYPE_BUS "bus"
typedef struct BusClass BusClass;
DECLARE_OBJ_CHECKERS(BusState, BusClass, BUS, TYPE_BUS)

typedef void (*BusRealize)(BusState *bus, Error **errp);
typedef void (*BusUnrealize)(BusState *bus);

struct BusClass {
    ObjectClass parent_class;

    /* "info qtree": print bus-specific details of @dev. */
    void (*print_dev)(Monitor *mon, DeviceState *dev, int indent);
    char *(*get_dev_path)(DeviceState *dev);
    char *(*get_fw_dev_path)(DeviceState *dev);
    /* Veto a device before it is plugged (e.g. an address clash). */
    bool (*check_address)(BusState *bus, DeviceState *dev, Error **errp);

    BusRealize realize;
    BusUnrealize unrealize;

    /* Most devices the bus takes (0: no limit). */
    int max_dev;
    /* Counter for automatic names ("<type>.<n>"). */
    int automatic_ids;
};

struct BusChild {
    DeviceState *child;
    int index;
    BusChild *next;
    BusChild *prev;
};

struct BusState {
    union {
        Object obj;
        Object parent_obj;
    };
    DeviceState *parent;
    char *name;
    HotplugHandler *hotplug_handler;
    int max_index;
    bool realized;
    bool full;
    int num_children;
    BusChild *children;         /* in plug order */
    BusChild *children_tail;
    BusState *sibling;          /* next bus of the same parent device */
    ResettableState reset;
};

/* Iterate the devices plugged into @bus (in plug order). */
#define QBUS_FOREACH_CHILD(kid, bus) \
    for ((kid) = (bus)->children; (kid); (kid) = (kid)->next)

/*
 * Create a bus in place (@bus points at @size bytes) or on the heap, as
 * the child of @parent (may be NULL).  Without @name it is called
 * "<parent id>.<n>" or "<type>.<n>".
 */
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);
BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);
bool qbus_realize(BusState *bus, Error **errp);
void qbus_unrealize(BusState *bus);

/* A bus with a hotplug handler accepts hotplug and unplug. */
bool qbus_is_hotpluggable(BusState *bus);
/* Make @handler (an object implementing hotplug-handler) the handler. */
void qbus_set_hotplug_handler(BusState *bus, Object *handler);
/* Make the bus's parent device the handler. */
void qbus_set_bus_hotplug_handler(BusState *bus);
bool qbus_is_full(BusState *bus);
void qbus_mark_full(BusState *bus);

typedef int (qbus_walkerfn)(BusState *bus, void *opaque);
typedef int (qdev_walkerfn)(DeviceState *dev, void *opaque);
/*
 * Walk the tree below @bus / @dev: pre_* before children, post_* after
 * (any may be NULL).  A non-zero return stops the walk and is returned.
 */
int qbus_walk_children(BusState *bus, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque);
int qdev_walk_children(DeviceState *dev, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque);

/* The device with id @id below @bus, or NULL. */
DeviceState *qdev_find_recursive(BusState *bus, const char *id);
/*
 * The first bus below /machine called @name (NULL: any) that is-a
 * @bus_typename (NULL: any bus), in tree order.
 */
BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename);

/* User-created devices (hw/core/qdev-monitor.c) ------------------------ */

/*
 * Create, configure and realize a device from a JSON object
 * {"driver": "...", "id": "...", "bus": "...", "prop": value, ...}
 * (values may be strings or JSON values).  This is -device and QMP
 * device_add.  The device lands at /machine/peripheral/<id> or
 * /machine/peripheral-anon/device[N].  On failure nothing is left.
 */
DeviceState *qdev_device_add_from_json(json_t *opts, Error **errp);

/* Give @dev its id and QOM parent (peripheral or peripheral-anon). */
const char *qdev_set_id(DeviceState *dev, char *id, Error **errp);

/*
 * The device named by @id: an id under /machine/peripheral, or a QOM
 * path.  "Device 'x' not found" (DeviceNotFound) otherwise.
 */
DeviceState *qdev_find_device_state(const char *id, Error **errp);
/* QMP device_del: qdev_unplug of the device named by @id. */
bool qdev_device_del(const char *id, Error **errp);

/*
 * "info qtree" text for the tree below @bus (NULL: every bus under
 * /machine that has no parent device).
 */
void qdev_print_qtree(GString *out, BusState *bus);

#endif /* HW_QDEV_CORE_H */
