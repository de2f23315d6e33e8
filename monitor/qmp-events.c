/*
 * QMP events: building them and sending them to every QMP monitor in
 * command mode, and the hooks that raise the run-state and device
 * events.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "monitor/qapi-events.h"
#include "monitor-internal.h"

static void monitor_qmp_event_one(Monitor *mon, void *opaque)
{
    MonitorQMP *qmp;

    if (!mon->is_qmp) {
        return;
    }
    qmp = container_of_qmp(mon);
    /* A client in negotiation mode has not asked for events yet. */
    if (qmp->cmd_mode) {
        monitor_qmp_send(qmp, opaque);
    }
}

void qapi_event_emit(const char *name, json_t *data)
{
    gint64 now = g_get_real_time();
    json_t *msg;

    msg = json_pack("{s:{s:I, s:I}, s:s}", "timestamp",
                    "seconds", (json_int_t)(now / G_USEC_PER_SEC),
                    "microseconds", (json_int_t)(now % G_USEC_PER_SEC),
                    "event", name);
    if (data) {
        json_object_set_new(msg, "data", data);
    }
    monitor_foreach(monitor_qmp_event_one, msg);
    json_decref(msg);
}

bool shutdown_caused_by_guest(ShutdownCause reason)
{
    return reason >= SHUTDOWN_CAUSE_GUEST_SHUTDOWN &&
           reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET;
}

void qapi_event_send_stop(void)
{
    qapi_event_emit("STOP", NULL);
}

void qapi_event_send_resume(void)
{
    qapi_event_emit("RESUME", NULL);
}

static json_t *shutdown_data(bool guest, ShutdownCause reason)
{
    return json_pack("{s:b, s:s}", "guest", guest,
                     "reason", shutdown_cause_name(reason));
}

void qapi_event_send_reset(bool guest, ShutdownCause reason)
{
    qapi_event_emit("RESET", shutdown_data(guest, reason));
}

void qapi_event_send_shutdown(bool guest, ShutdownCause reason)
{
    qapi_event_emit("SHUTDOWN", shutdown_data(guest, reason));
}

void qapi_event_send_powerdown(void)
{
    qapi_event_emit("POWERDOWN", NULL);
}

static json_t *device_data(const char *device, const char *path)
{
    json_t *data = json_object();

    if (device) {
        json_object_set_new(data, "device", json_string(device));
    }
    json_object_set_new(data, "path", json_string(path ? path : ""));
    return data;
}

void qapi_event_send_device_deleted(const char *device, const char *path)
{
    qapi_event_emit("DEVICE_DELETED", device_data(device, path));
}

void qapi_event_send_device_unplug_guest_error(const char *device,
                                               const char *path)
{
    qapi_event_emit("DEVICE_UNPLUG_GUEST_ERROR", device_data(device, path));
}

/* ---- hooks ------------------------------------------------------------- */

static void monitor_vm_state_changed(void *opaque, bool running,
                                     RunState state)
{
    if (running) {
        qapi_event_send_resume();
    } else {
        qapi_event_send_stop();
    }
}

static void monitor_powerdown_notify(Notifier *n, void *data)
{
    qapi_event_send_powerdown();
}

static void monitor_flush_one(Monitor *mon, void *opaque)
{
    monitor_flush(mon);
}

static void monitor_shutdown_notify(Notifier *n, void *data)
{
    ShutdownCause reason = data ? *(ShutdownCause *)data
                                : SHUTDOWN_CAUSE_HOST_QMP_QUIT;

    qapi_event_send_shutdown(shutdown_caused_by_guest(reason), reason);
    /* The process is about to exit: the event must not stay queued. */
    monitor_foreach(monitor_flush_one, NULL);
}

static void monitor_device_deleted(void *opaque, const char *id,
                                   const char *path)
{
    qapi_event_send_device_deleted(id, path);
}

static Notifier powerdown_notifier = { .notify = monitor_powerdown_notify };
static Notifier shutdown_notifier = { .notify = monitor_shutdown_notify };

void monitor_events_init(void)
{
    qemu_add_vm_change_state_handler(monitor_vm_state_changed, NULL);
    qemu_register_powerdown_notifier(&powerdown_notifier);
    qemu_register_shutdown_notifier(&shutdown_notifier);
    qdev_add_deleted_listener(monitor_device_deleted, NULL);
}
