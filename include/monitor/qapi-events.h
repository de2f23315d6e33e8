/*
 * QMP events.
 *
 * An event goes to every QMP monitor that has finished capabilities
 * negotiation, as one line:
 *   {"timestamp": {"seconds": S, "microseconds": U}, "event": "NAME",
 *    "data": {...}}
 * ("data" only when the event has some).
 *
 * The monitor raises the run-state events itself from the hooks in
 * system/runstate.h (VM state change handlers, the powerdown and
 * shutdown notifiers) and DEVICE_DELETED from qdev's deleted listener,
 * so the code that changes the state must not send them again.  The
 * other senders are for code that has no generic hook: a hotplug
 * controller whose guest refused an unplug, or the reset path.
 */
#ifndef MONITOR_QAPI_EVENTS_H
#define MONITOR_QAPI_EVENTS_H

#include <jansson.h>
#include "system/runstate.h"

/* Send event @name with @data (an object, or NULL; the reference is taken). */
void qapi_event_emit(const char *name, json_t *data);

void qapi_event_send_stop(void);
void qapi_event_send_resume(void);
/* {"guest": ..., "reason": "host-qmp-system-reset"|...} */
void qapi_event_send_reset(bool guest, ShutdownCause reason);
void qapi_event_send_shutdown(bool guest, ShutdownCause reason);
void qapi_event_send_powerdown(void);
/* @device is the id (NULL: the member is left out). */
void qapi_event_send_device_deleted(const char *device, const char *path);
void qapi_event_send_device_unplug_guest_error(const char *device,
                                               const char *path);

/* Whether @reason was the guest's doing ("guest" member of the events). */
bool shutdown_caused_by_guest(ShutdownCause reason);

#endif /* MONITOR_QAPI_EVENTS_H */
