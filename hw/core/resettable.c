/*
 * Three-phase reset (see hw/resettable.h for the rules).
 *
 * Each phase is a depth-first walk with children handled before their
 * parent; the whole tree finishes one phase before the next starts.
 * The per-object count makes nested asserts work: only the first assert
 * runs enter/hold and only the last release runs exit.
 */
#include "qemu/osdep.h"
#include "hw/resettable.h"

/* Beyond this, somebody asserts reset in a loop and never releases. */
#define RESETTABLE_MAX_COUNT 50

static ResettableTrFunction resettable_get_tr_func(ResettableClass *rc,
                                                   Object *obj)
{
    return rc->get_transitional_function ?
           rc->get_transitional_function(obj) : NULL;
}

static void resettable_phase_enter(Object *obj, void *opaque,
                                   ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);
    bool first = s->count == 0;

    /* Entering again while leaving would run exit and enter interleaved. */
    g_assert(!s->exit_phase_in_progress);
    s->count++;
    g_assert(s->count <= RESETTABLE_MAX_COUNT);

    /* Children count every assert too, so releases balance. */
    if (rc->child_foreach) {
        rc->child_foreach(obj, resettable_phase_enter, opaque, type);
    }
    if (first) {
        if (rc->phases.enter && !resettable_get_tr_func(rc, obj)) {
            rc->phases.enter(obj, type);
        }
        s->hold_phase_pending = true;
    }
}

static void resettable_phase_hold(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    if (rc->child_foreach) {
        rc->child_foreach(obj, resettable_phase_hold, opaque, type);
    }
    if (s->hold_phase_pending) {
        ResettableTrFunction tr = resettable_get_tr_func(rc, obj);

        s->hold_phase_pending = false;
        if (tr) {
            tr(obj);
        } else if (rc->phases.hold) {
            rc->phases.hold(obj, type);
        }
    }
}

static void resettable_phase_exit(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    if (rc->child_foreach) {
        rc->child_foreach(obj, resettable_phase_exit, opaque, type);
    }
    g_assert(s->count > 0);
    if (--s->count == 0) {
        s->exit_phase_in_progress = true;
        if (rc->phases.exit && !resettable_get_tr_func(rc, obj)) {
            rc->phases.exit(obj, type);
        }
        s->exit_phase_in_progress = false;
    }
}

void resettable_assert_reset(Object *obj, ResetType type)
{
    resettable_phase_enter(obj, NULL, type);
    resettable_phase_hold(obj, NULL, type);
}

void resettable_release_reset(Object *obj, ResetType type)
{
    resettable_phase_exit(obj, NULL, type);
}

void resettable_reset(Object *obj, ResetType type)
{
    resettable_assert_reset(obj, type);
    resettable_release_reset(obj, type);
}

bool resettable_is_in_reset(Object *obj)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);

    return rc->get_state(obj)->count > 0;
}

void resettable_cold_reset_fn(void *opaque)
{
    resettable_reset(OBJECT(opaque), RESET_TYPE_COLD);
}

void resettable_state_clear(ResettableState *state)
{
    memset(state, 0, sizeof(*state));
}

void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases)
{
    *parent_phases = rc->phases;
    if (enter) {
        rc->phases.enter = enter;
    }
    if (hold) {
        rc->phases.hold = hold;
    }
    if (exit) {
        rc->phases.exit = exit;
    }
}

/* ---------------------------------------------------------------------- */
/* Containers                                                              */
/* ---------------------------------------------------------------------- */

struct ResettableContainer {
    Object parent_obj;
    ResettableState reset_state;
    GPtrArray *children;    /* not owned */
};

void resettable_container_add(ResettableContainer *rc, Object *obj)
{
    g_ptr_array_add(rc->children, obj);
}

void resettable_container_remove(ResettableContainer *rc, Object *obj)
{
    g_ptr_array_remove(rc->children, obj);
}

static ResettableState *container_get_state(Object *obj)
{
    return &RESETTABLE_CONTAINER(obj)->reset_state;
}

static void container_child_foreach(Object *obj, ResettableChildCallback cb,
                                    void *opaque, ResetType type)
{
    ResettableContainer *rc = RESETTABLE_CONTAINER(obj);

    for (guint i = 0; i < rc->children->len; i++) {
        cb(g_ptr_array_index(rc->children, i), opaque, type);
    }
}

static void container_init(Object *obj)
{
    RESETTABLE_CONTAINER(obj)->children = g_ptr_array_new();
}

static void container_finalize(Object *obj)
{
    g_ptr_array_free(RESETTABLE_CONTAINER(obj)->children, true);
}

static void container_class_init(ObjectClass *oc, void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    rc->get_state = container_get_state;
    rc->child_foreach = container_child_foreach;
}

static const TypeInfo resettable_types[] = {
    {
        .name = TYPE_RESETTABLE_INTERFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(ResettableClass),
    },
    {
        .name = TYPE_RESETTABLE_CONTAINER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(ResettableContainer),
        .instance_init = container_init,
        .instance_finalize = container_finalize,
        .class_init = container_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    },
};

DEFINE_TYPES(resettable_types)
