/*
 * Resettable: the three-phase reset interface.
 *
 * Resetting a tree of objects (a bus, its devices, their buses, ...) runs
 * in three phases, each over the whole tree before the next begins:
 *
 *   enter  reset the object's own state; do not touch other objects
 *          (their state may not be reset yet), do not raise IRQs;
 *   hold   the tree is in reset: drive outputs (IRQ lines) to their reset
 *          level, talk to other objects;
 *   exit   leave reset: anything that should happen as reset is released.
 *
 * Within a phase children go before their parent.  A device's children
 * are its buses; a bus's children are the devices plugged into it.
 * Reset can be nested (assert twice, release twice): phases only run on
 * the first assert and the last release.  See docs/devel/qdev.rst.
 */
#ifndef HW_RESETTABLE_H
#define HW_RESETTABLE_H

#include "qom/object.h"

#define TYPE_RESETTABLE_INTERFACE "resettable"

typedef struct ResettableClass ResettableClass;
DECLARE_CLASS_CHECKERS(ResettableClass, RESETTABLE, TYPE_RESETTABLE_INTERFACE)

typedef enum ResetType {
    RESET_TYPE_COLD,
    RESET_TYPE_SNAPSHOT_LOAD,
    RESET_TYPE_WAKEUP,
} ResetType;

typedef void (*ResettableEnterPhase)(Object *obj, ResetType type);
typedef void (*ResettableHoldPhase)(Object *obj, ResetType type);
typedef void (*ResettableExitPhase)(Object *obj, ResetType type);

typedef struct ResettableState {
    unsigned count;
    bool hold_phase_pending;
    bool exit_phase_in_progress;
} ResettableState;

typedef ResettableState *(*ResettableGetState)(Object *obj);
/* A single-function ("legacy") reset, run in place of the hold phase. */
typedef void (*ResettableTrFunction)(Object *obj);
typedef ResettableTrFunction (*ResettableGetTrFunction)(Object *obj);
typedef void (*ResettableChildCallback)(Object *obj, void *opaque,
                                        ResetType type);
typedef void (*ResettableChildForeach)(Object *obj,
                                       ResettableChildCallback cb,
                                       void *opaque, ResetType type);

typedef struct ResettablePhases {
    ResettableEnterPhase enter;
    ResettableHoldPhase hold;
    ResettableExitPhase exit;
} ResettablePhases;

struct ResettableClass {
    InterfaceClass parent_class;

    ResettablePhases phases;
    /* Where the object keeps its ResettableState (required). */
    ResettableGetState get_state;
    /* Optional: a legacy reset function, used instead of phases.hold. */
    ResettableGetTrFunction get_transitional_function;
    /* Optional: visit the children to reset along with the object. */
    ResettableChildForeach child_foreach;
};

/* Assert then release: a complete reset of @obj and its subtree. */
void resettable_reset(Object *obj, ResetType type);
/* Run enter and hold; the tree stays in reset until released. */
void resettable_assert_reset(Object *obj, ResetType type);
/* Run exit (when this is the last release). */
void resettable_release_reset(Object *obj, ResetType type);
bool resettable_is_in_reset(Object *obj);
/* resettable_reset(opaque, RESET_TYPE_COLD), as a reset handler. */
void resettable_cold_reset_fn(void *opaque);
void resettable_state_clear(ResettableState *state);

/*
 * Install new phases in @rc and save the parent's in @parent_phases, so
 * the subclass can chain up: parent_phases->hold(obj, type).
 */
void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases);

/*
 * A container of resettable objects, reset in the order they were added.
 * The machine's reset goes through one (see system/reset.h).
 */
#define TYPE_RESETTABLE_CONTAINER "resettable-container"
typedef struct ResettableContainer ResettableContainer;
DECLARE_INSTANCE_CHECKER(ResettableContainer, RESETTABLE_CONTAINER,
                         TYPE_RESETTABLE_CONTAINER)

void resettable_container_add(ResettableContainer *rc, Object *obj);
void resettable_container_remove(ResettableContainer *rc, Object *obj);

#endif /* HW_RESETTABLE_H */
