/*
 * Machine-wide reset: the devices and handlers reset when the machine
 * is (system_reset, start-up).
 *
 * Two kinds of things register: resettable objects (usually the main
 * system bus, whose reset walks all devices below it in three phases)
 * and plain handler functions.  qemu_devices_reset() resets them all,
 * in registration order.  Implemented in hw/core/reset.c.
 */
#ifndef SYSTEM_RESET_H
#define SYSTEM_RESET_H

#include "hw/resettable.h"

typedef void QEMUResetHandler(void *opaque);

void qemu_register_resettable(Object *obj);
void qemu_unregister_resettable(Object *obj);
void qemu_register_reset(QEMUResetHandler *func, void *opaque);
/* Same, but not run for RESET_TYPE_SNAPSHOT_LOAD. */
void qemu_register_reset_nosnapshotload(QEMUResetHandler *func,
                                        void *opaque);
void qemu_unregister_reset(QEMUResetHandler *func, void *opaque);
/* Reset everything registered above. */
void qemu_devices_reset(ResetType type);

#endif /* SYSTEM_RESET_H */
