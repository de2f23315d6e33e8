/*
 * The machine-wide reset list (system/reset.h).
 *
 * Everything registered lives in one resettable container, so a machine
 * reset is a single three-phase reset: every device enters reset before
 * any of them holds it.  Plain handler functions are wrapped in small
 * "legacy-reset" objects whose hold phase calls the function.
 */
#include "qemu/osdep.h"
#include "system/reset.h"

#define TYPE_LEGACY_RESET "legacy-reset"

typedef struct LegacyReset {
    Object parent_obj;
    ResettableState reset_state;
    QEMUResetHandler *func;
    void *opaque;
    bool skip_on_snapshot_load;
} LegacyReset;

DECLARE_INSTANCE_CHECKER(LegacyReset, LEGACY_RESET, TYPE_LEGACY_RESET)

static ResettableContainer *root_reset_container;

static ResettableContainer *get_root_reset_container(void)
{
    if (!root_reset_container) {
        root_reset_container =
            RESETTABLE_CONTAINER(object_new(TYPE_RESETTABLE_CONTAINER));
    }
    return root_reset_container;
}

void qemu_register_resettable(Object *obj)
{
    resettable_container_add(get_root_reset_container(), obj);
}

void qemu_unregister_resettable(Object *obj)
{
    resettable_container_remove(get_root_reset_container(), obj);
}

static void register_legacy(QEMUResetHandler *func, void *opaque,
                            bool skip_snapshot)
{
    LegacyReset *lr = LEGACY_RESET(object_new(TYPE_LEGACY_RESET));

    lr->func = func;
    lr->opaque = opaque;
    lr->skip_on_snapshot_load = skip_snapshot;
    /* The list owns the wrapper (the object_new reference). */
    qemu_register_resettable(OBJECT(lr));
}

void qemu_register_reset(QEMUResetHandler *func, void *opaque)
{
    register_legacy(func, opaque, false);
}

void qemu_register_reset_nosnapshotload(QEMUResetHandler *func,
                                        void *opaque)
{
    register_legacy(func, opaque, true);
}

typedef struct LegacyFind {
    QEMUResetHandler *func;
    void *opaque;
    LegacyReset *found;
} LegacyFind;

static void legacy_find(Object *obj, void *opaque, ResetType type)
{
    LegacyFind *f = opaque;
    LegacyReset *lr = (LegacyReset *)object_dynamic_cast(obj,
                                                         TYPE_LEGACY_RESET);

    if (lr && !f->found && lr->func == f->func && lr->opaque == f->opaque) {
        f->found = lr;
    }
}

void qemu_unregister_reset(QEMUResetHandler *func, void *opaque)
{
    ResettableContainer *root = get_root_reset_container();
    ResettableClass *rc = RESETTABLE_GET_CLASS(root);
    LegacyFind f = { .func = func, .opaque = opaque };

    rc->child_foreach(OBJECT(root), legacy_find, &f, RESET_TYPE_COLD);
    if (f.found) {
        qemu_unregister_resettable(OBJECT(f.found));
        object_unref(OBJECT(f.found));
    }
}

void qemu_devices_reset(ResetType type)
{
    resettable_reset(OBJECT(get_root_reset_container()), type);
}

static ResettableState *legacy_reset_get_state(Object *obj)
{
    return &LEGACY_RESET(obj)->reset_state;
}

static void legacy_reset_hold(Object *obj, ResetType type)
{
    LegacyReset *lr = LEGACY_RESET(obj);

    if (type == RESET_TYPE_SNAPSHOT_LOAD && lr->skip_on_snapshot_load) {
        return;
    }
    lr->func(lr->opaque);
}

static void legacy_reset_class_init(ObjectClass *oc, void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    rc->get_state = legacy_reset_get_state;
    rc->phases.hold = legacy_reset_hold;
}

static const TypeInfo legacy_reset_info = {
    .name = TYPE_LEGACY_RESET,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(LegacyReset),
    .class_init = legacy_reset_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_RESETTABLE_INTERFACE },
        { }
    },
};

static void reset_register_types(void)
{
    type_register_static(&legacy_reset_info);
}

type_init(reset_register_types)
