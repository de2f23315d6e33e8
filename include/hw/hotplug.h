/*
 * HotplugHandler: the interface of whoever controls plugging devices
 * into a bus (a bus controller, the machine).
 *
 * The flow for device_add: pre_plug (before realize; may refuse), the
 * device's realize, plug (after realize; wire it up, tell the guest).
 * For device_del: unplug_request (ask the guest; the device goes later)
 * or, when the handler has none, unplug at once; unplug undoes plug and
 * the device is then unparented.  See docs/devel/qdev.rst.
 */
#ifndef HW_HOTPLUG_H
#define HW_HOTPLUG_H

#include "qom/object.h"

#define TYPE_HOTPLUG_HANDLER "hotplug-handler"

typedef struct HotplugHandlerClass HotplugHandlerClass;
typedef struct HotplugHandler HotplugHandler;
typedef struct DeviceState DeviceState;
typedef struct BusState BusState;

DECLARE_CLASS_CHECKERS(HotplugHandlerClass, HOTPLUG_HANDLER,
                       TYPE_HOTPLUG_HANDLER)
#define HOTPLUG_HANDLER(obj) \
    INTERFACE_CHECK(HotplugHandler, (obj), TYPE_HOTPLUG_HANDLER)

typedef void (*hotplug_fn)(HotplugHandler *plug_handler,
                           DeviceState *plugged_dev, Error **errp);

struct HotplugHandlerClass {
    InterfaceClass parent;

    hotplug_fn pre_plug;
    hotplug_fn plug;
    hotplug_fn unplug_request;
    hotplug_fn unplug;
    /* Optional: may @bus take hotplug now?  (Default: yes.) */
    bool (*is_hotpluggable_bus)(HotplugHandler *plug_handler, BusState *bus);
};

void hotplug_handler_pre_plug(HotplugHandler *plug_handler,
                              DeviceState *plugged_dev, Error **errp);
void hotplug_handler_plug(HotplugHandler *plug_handler,
                          DeviceState *plugged_dev, Error **errp);
void hotplug_handler_unplug_request(HotplugHandler *plug_handler,
                                    DeviceState *plugged_dev, Error **errp);
void hotplug_handler_unplug(HotplugHandler *plug_handler,
                            DeviceState *plugged_dev, Error **errp);

#endif /* HW_HOTPLUG_H */
