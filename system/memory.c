/*
 * The memory API: regions, their lifetime, the region tree, and dispatch
 * of single accesses to a region.
 *
 * Flat views and address spaces are in flatview.c, guest-physical
 * accesses and RAM blocks in physmem.c, "info mtree" in memory-mtree.c.
 * docs/devel/memory.rst describes the model and the lifetime rules.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "system/memory.h"
#include "system/memory-internal.h"

#ifndef TARGET_BIG_ENDIAN
#define TARGET_BIG_ENDIAN 0     /* CR16 is little-endian */
#endif

/* ------------------------------------------------------------------ */
/* References                                                          */
/* ------------------------------------------------------------------ */

/*
 * A reference from outside the owner keeps the region and, through the
 * region, the owner alive: the region's storage or callbacks may live in
 * the owner.  The owner is pinned once, by the first such reference.
 */
void memory_region_ref(MemoryRegion *mr)
{
    object_ref(OBJECT(mr));
    if (mr->ext_refs++ == 0 && mr->owner) {
        object_ref(mr->owner);
    }
}

void memory_region_unref(MemoryRegion *mr)
{
    Object *owner = mr->owner;
    bool last;

    g_assert(mr->ext_refs > 0);
    last = --mr->ext_refs == 0;
    /* The region goes first, so it is always finalized before its owner. */
    object_unref(OBJECT(mr));
    if (last && owner) {
        object_unref(owner);
    }
}

/*
 * Links between two regions of the same owner (a container and its
 * subregion, an alias and its target) live and die with that owner, so
 * pinning the owner through them would only create a cycle that nothing
 * breaks (design rule 4).  They still reference the region itself, which
 * keeps the target of a same-owner alias alive after it is unparented.
 */
static bool memory_region_link_internal(MemoryRegion *holder,
                                        MemoryRegion *mr)
{
    return holder->owner && holder->owner == mr->owner;
}

static void memory_region_link_ref(MemoryRegion *holder, MemoryRegion *mr)
{
    if (memory_region_link_internal(holder, mr)) {
        object_ref(OBJECT(mr));
    } else {
        memory_region_ref(mr);
    }
}

static void memory_region_link_unref(MemoryRegion *holder, MemoryRegion *mr)
{
    if (memory_region_link_internal(holder, mr)) {
        object_unref(OBJECT(mr));
    } else {
        memory_region_unref(mr);
    }
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

static unsigned memory_transaction_depth;
static bool memory_update_pending;

static void memory_region_mark_update(void)
{
    memory_update_pending = true;
}

void memory_region_transaction_begin(void)
{
    memory_transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    g_assert(memory_transaction_depth > 0);
    if (--memory_transaction_depth == 0 && memory_update_pending) {
        memory_update_pending = false;
        /*
         * Re-rendering may free old views and so finalize regions whose
         * unparent hooks start transactions of their own: they see depth
         * zero and commit on their own, which is what we want.
         */
        memory_region_update_topology();
    }
}

void memory_region_request_update(void)
{
    memory_region_transaction_begin();
    memory_region_mark_update();
    memory_region_transaction_commit();
}

/* ------------------------------------------------------------------ */
/* The QOM type                                                        */
/* ------------------------------------------------------------------ */

static void memory_region_instance_init(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    mr->enabled = true;
    mr->romd_mode = true;
}

static void subregion_unlink(MemoryRegion *mr, MemoryRegion *sub)
{
    if (sub->sub_prev) {
        sub->sub_prev->sub_next = sub->sub_next;
    } else {
        mr->subregions = sub->sub_next;
    }
    if (sub->sub_next) {
        sub->sub_next->sub_prev = sub->sub_prev;
    }
    sub->sub_next = sub->sub_prev = NULL;
}

/*
 * Insert in priority order.  Among equal priorities the newest comes
 * first, which is also the order "info mtree" shows them in.
 */
static void subregion_link(MemoryRegion *mr, MemoryRegion *sub)
{
    MemoryRegion *other, *last = NULL;

    for (other = mr->subregions; other; other = other->sub_next) {
        if (sub->priority >= other->priority) {
            sub->sub_next = other;
            sub->sub_prev = other->sub_prev;
            if (other->sub_prev) {
                other->sub_prev->sub_next = sub;
            } else {
                mr->subregions = sub;
            }
            other->sub_prev = sub;
            return;
        }
        last = other;
    }
    sub->sub_prev = last;
    sub->sub_next = NULL;
    if (last) {
        last->sub_next = sub;
    } else {
        mr->subregions = sub;
    }
}

/*
 * ObjectClass::unparent: the owner no longer wants the region (qdev calls
 * object_unparent() on every region of a device after unrealize, or on
 * the realize error path).  Take it off the guest's memory map now; it is
 * freed when whatever still references it lets go (rule 3 and 5).
 */
static void memory_region_unparent(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
}

static void memory_region_finalize(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    /* A container or an outside user would still hold a reference. */
    g_assert(!mr->container);
    g_assert(mr->ext_refs == 0);

    /*
     * Nobody can reach this region any more, so neither can the guest
     * reach its subregions through it: let them go without re-rendering.
     */
    while (mr->subregions) {
        MemoryRegion *sub = mr->subregions;

        subregion_unlink(mr, sub);
        sub->container = NULL;
        memory_region_link_unref(mr, sub);
    }
    if (mr->alias) {
        MemoryRegion *target = mr->alias;

        mr->alias = NULL;
        memory_region_link_unref(mr, target);
    }
    if (mr->ram_block) {
        qemu_ram_free(mr->ram_block);
        mr->ram_block = NULL;
    }
    g_free(mr->name);
    mr->name = NULL;
}

static void memory_region_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = memory_region_unparent;
}

static const TypeInfo memory_region_info = {
    .name = TYPE_MEMORY_REGION,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MemoryRegion),
    .instance_init = memory_region_instance_init,
    .instance_finalize = memory_region_finalize,
    .class_init = memory_region_class_init,
};

static void memory_register_types(void)
{
    type_register_static(&memory_region_info);
}

type_init(memory_register_types)

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/*
 * Start a region: in place (memory_region_init*) or on the heap
 * (memory_region_new*).  Either way the caller holds the one reference
 * until memory_region_attach() hands it to the QOM parent.
 */
static MemoryRegion *memory_region_start(MemoryRegion *mr, Object *owner,
                                         const char *name, uint64_t size)
{
    if (mr) {
        object_initialize(mr, sizeof(*mr), TYPE_MEMORY_REGION);
    } else {
        mr = MEMORY_REGION(object_new(TYPE_MEMORY_REGION));
    }
    mr->owner = owner;
    mr->size = size == UINT64_MAX ? int128_2_64() : int128_make64(size);
    mr->name = g_strdup(name);
    return mr;
}

/* Characters QOM does not allow in a property name. */
static char *memory_region_escape_name(const char *name)
{
    GString *s = g_string_new(NULL);

    for (const char *p = name; *p; p++) {
        if (*p == '/' || *p == '[' || *p == ']' || !g_ascii_isprint(*p)) {
            g_string_append_printf(s, "\\x%02x", (unsigned char)*p);
        } else {
            g_string_append_c(s, *p);
        }
    }
    return g_string_free(s, false);
}

/*
 * Where an owner-less region lives: /machine/unattached when a machine
 * (or the tests' stand-in container) exists, else nowhere.  We look
 * without creating /machine, so that early users such as the system
 * memory map do not invent one before start-up creates the real machine.
 */
static Object *memory_region_machine_parent(void)
{
    Object *machine = object_resolve_path_component(object_get_root(),
                                                    "machine");

    return machine ? container_get(machine, "/unattached") : NULL;
}

/* Make the region its parent's child "name[N]" (rule: every MR is a child). */
static void memory_region_attach(MemoryRegion *mr)
{
    Object *parent = mr->owner ? mr->owner : memory_region_machine_parent();
    g_autofree char *escaped = NULL;
    g_autofree char *propname = NULL;

    if (!parent) {
        return;
    }
    escaped = memory_region_escape_name(mr->name ? mr->name : "anonymous");
    propname = g_strdup_printf("%s[*]", escaped);
    object_property_add_child(parent, propname, OBJECT(mr));
    object_unref(OBJECT(mr));
    if (!mr->name) {
        mr->name = object_get_canonical_path_component(OBJECT(mr));
    }
}

static void memory_region_setup_io(MemoryRegion *mr,
                                   const MemoryRegionOps *ops, void *opaque)
{
    mr->ops = ops;
    mr->opaque = opaque;
    mr->terminates = true;
}

static bool memory_region_setup_ram(MemoryRegion *mr, void *host,
                                    Error **errp)
{
    uint64_t size = mr->size > UINT64_MAX ? UINT64_MAX : (uint64_t)mr->size;

    mr->ram_block = qemu_ram_alloc_internal(mr, size, host, errp);
    if (!mr->ram_block) {
        return false;
    }
    mr->terminates = true;
    return true;
}

static void memory_region_setup_alias(MemoryRegion *mr, MemoryRegion *orig,
                                      hwaddr offset)
{
    g_assert(orig);
    mr->alias = orig;
    mr->alias_offset = offset;
    memory_region_link_ref(mr, orig);
}

/* Kinds, shared by the init and new forms. */

static MemoryRegion *mr_container(MemoryRegion *mr, Object *owner,
                                  const char *name, uint64_t size)
{
    mr = memory_region_start(mr, owner, name, size);
    memory_region_attach(mr);
    return mr;
}

static MemoryRegion *mr_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    mr = memory_region_start(mr, owner, name, size);
    memory_region_setup_io(mr, ops, opaque);
    memory_region_attach(mr);
    return mr;
}

static MemoryRegion *mr_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, bool readonly,
                            void *host, Error **errp)
{
    mr = memory_region_start(mr, owner, name, size);
    mr->ram = true;
    mr->readonly = readonly;
    if (!memory_region_setup_ram(mr, host, errp)) {
        /* Never attached: dropping the caller's reference finalizes it. */
        object_unref(OBJECT(mr));
        return NULL;
    }
    memory_region_attach(mr);
    return mr;
}

static MemoryRegion *mr_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   Error **errp)
{
    mr = memory_region_start(mr, owner, name, size);
    mr->rom_device = true;
    mr->romd_mode = true;
    mr->ops = ops;
    mr->opaque = opaque;
    if (!memory_region_setup_ram(mr, NULL, errp)) {
        object_unref(OBJECT(mr));
        return NULL;
    }
    memory_region_attach(mr);
    return mr;
}

static MemoryRegion *mr_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    mr = memory_region_start(mr, owner, name, size);
    memory_region_setup_alias(mr, orig, offset);
    memory_region_attach(mr);
    return mr;
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    mr_container(mr, owner, name, size);
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    mr_io(mr, owner, ops, opaque, name, size);
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return mr_ram(mr, owner, name, size, false, NULL, errp) != NULL;
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return mr_ram(mr, owner, name, size, true, NULL, errp) != NULL;
}

bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   Error **errp)
{
    return mr_rom_device(mr, owner, ops, opaque, name, size, errp) != NULL;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr)
{
    g_assert(ptr);
    mr_ram(mr, owner, name, size, false, ptr, &error_abort);
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    mr_alias(mr, owner, name, orig, offset, size);
}

MemoryRegion *memory_region_new(Object *owner, const char *name,
                                uint64_t size)
{
    return mr_container(NULL, owner, name, size);
}

MemoryRegion *memory_region_new_io(Object *owner, const MemoryRegionOps *ops,
                                   void *opaque, const char *name,
                                   uint64_t size)
{
    return mr_io(NULL, owner, ops, opaque, name, size);
}

MemoryRegion *memory_region_new_ram(Object *owner, const char *name,
                                    uint64_t size, Error **errp)
{
    return mr_ram(NULL, owner, name, size, false, NULL, errp);
}

MemoryRegion *memory_region_new_rom(Object *owner, const char *name,
                                    uint64_t size, Error **errp)
{
    return mr_ram(NULL, owner, name, size, true, NULL, errp);
}

MemoryRegion *memory_region_new_rom_device(Object *owner,
                                           const MemoryRegionOps *ops,
                                           void *opaque, const char *name,
                                           uint64_t size, Error **errp)
{
    return mr_rom_device(NULL, owner, ops, opaque, name, size, errp);
}

MemoryRegion *memory_region_new_ram_ptr(Object *owner, const char *name,
                                        uint64_t size, void *ptr)
{
    g_assert(ptr);
    return mr_ram(NULL, owner, name, size, false, ptr, &error_abort);
}

MemoryRegion *memory_region_new_alias(Object *owner, const char *name,
                                      MemoryRegion *orig, hwaddr offset,
                                      uint64_t size)
{
    return mr_alias(NULL, owner, name, orig, offset, size);
}

MemoryRegion *memory_region_new_reservation(Object *owner, const char *name,
                                            uint64_t size)
{
    MemoryRegion *mr = memory_region_start(NULL, owner, name, size);

    memory_region_setup_io(mr, NULL, mr);
    memory_region_attach(mr);
    return mr;
}

/* ------------------------------------------------------------------ */
/* The region tree                                                     */
/* ------------------------------------------------------------------ */

static void memory_region_add_subregion_common(MemoryRegion *mr,
                                               hwaddr offset,
                                               MemoryRegion *subregion)
{
    g_assert(mr != subregion);
    /* Programming error: a region is in at most one container. */
    g_assert(!subregion->container);

    memory_region_transaction_begin();
    memory_region_link_ref(mr, subregion);
    subregion->container = mr;
    subregion->addr = offset;
    subregion_link(mr, subregion);
    memory_region_mark_update();
    memory_region_transaction_commit();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    subregion->priority = 0;
    memory_region_add_subregion_common(mr, offset, subregion);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority)
{
    subregion->priority = priority;
    memory_region_add_subregion_common(mr, offset, subregion);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    g_assert(subregion->container == mr);

    memory_region_transaction_begin();
    subregion->container = NULL;
    subregion_unlink(mr, subregion);
    memory_region_mark_update();
    memory_region_transaction_commit();
    /*
     * Dropped after the commit so the region is intact while the views
     * are re-rendered; the old view (if not yet freed) still holds it.
     */
    memory_region_link_unref(mr, subregion);
}

/* Change one flag that affects rendering, re-rendering only on a change. */
static void memory_region_update_flag(bool *flag, bool value)
{
    if (*flag == value) {
        return;
    }
    memory_region_transaction_begin();
    *flag = value;
    memory_region_mark_update();
    memory_region_transaction_commit();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    memory_region_update_flag(&mr->enabled, enabled);
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    if (mr->addr == addr) {
        return;
    }
    memory_region_transaction_begin();
    mr->addr = addr;
    memory_region_mark_update();
    memory_region_transaction_commit();
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    g_assert(mr->alias);
    if (mr->alias_offset == offset) {
        return;
    }
    memory_region_transaction_begin();
    mr->alias_offset = offset;
    memory_region_mark_update();
    memory_region_transaction_commit();
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    Int128 s = size == UINT64_MAX ? int128_2_64() : int128_make64(size);

    /* RAM storage is not resized; never let the view reach past it. */
    if (mr->ram_block && s > mr->ram_block->used_length) {
        s = mr->ram_block->used_length;
    }
    if (mr->size == s) {
        return;
    }
    memory_region_transaction_begin();
    mr->size = s;
    memory_region_mark_update();
    memory_region_transaction_commit();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    memory_region_update_flag(&mr->readonly, readonly);
}

void memory_region_set_nonvolatile(MemoryRegion *mr, bool nonvolatile)
{
    memory_region_update_flag(&mr->nonvolatile, nonvolatile);
}

void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode)
{
    g_assert(mr->rom_device);
    memory_region_update_flag(&mr->romd_mode, romd_mode);
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size > UINT64_MAX ? UINT64_MAX : (uint64_t)mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "anonymous";
}

Object *memory_region_owner(MemoryRegion *mr)
{
    return mr->owner;
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->ram;
}

bool memory_region_is_rom(MemoryRegion *mr)
{
    return mr->ram && mr->readonly;
}

bool memory_region_is_romd(MemoryRegion *mr)
{
    return mr->rom_device && mr->romd_mode;
}

bool memory_region_is_rom_device(MemoryRegion *mr)
{
    return mr->rom_device;
}

bool memory_region_is_mapped(MemoryRegion *mr)
{
    return mr->container != NULL;
}

bool memory_region_is_enabled(MemoryRegion *mr)
{
    return mr->enabled;
}

const char *memory_region_type_name(const MemoryRegion *mr)
{
    while (mr->alias) {
        mr = mr->alias;
    }
    if (mr->rom_device && mr->romd_mode) {
        return "romd";
    }
    if (mr->ram && mr->readonly) {
        return "rom";
    }
    if (mr->ram) {
        return "ram";
    }
    return "i/o";
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram_block) {
        return NULL;
    }
    return mr->ram_block->host + offset;
}

ram_addr_t memory_region_get_ram_addr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram_block) {
        return RAM_ADDR_INVALID;
    }
    return mr->ram_block->offset + offset;
}

/* ------------------------------------------------------------------ */
/* Dispatch to one region                                              */
/* ------------------------------------------------------------------ */

static bool memory_region_device_big_endian(const MemoryRegion *mr)
{
    switch (mr->ops->endianness) {
    case DEVICE_BIG_ENDIAN:
        return true;
    case DEVICE_LITTLE_ENDIAN:
        return false;
    default:
        return TARGET_BIG_ENDIAN;
    }
}

static bool memory_region_access_valid(MemoryRegion *mr, hwaddr addr,
                                       unsigned size, bool is_write,
                                       MemTxAttrs attrs, const char **why)
{
    const MemoryRegionOps *ops = mr->ops;

    if (!ops) {
        *why = "nothing is implemented there";
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        *why = "misaligned";
        return false;
    }
    if (ops->valid.max_access_size &&
        (size > ops->valid.max_access_size ||
         size < ops->valid.min_access_size)) {
        *why = "size not supported";
        return false;
    }
    if (ops->valid.accepts &&
        !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        *why = "refused by the device";
        return false;
    }
    return true;
}

static uint64_t size_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : (UINT64_C(1) << (size * 8)) - 1;
}

static MemTxResult mr_call_read(MemoryRegion *mr, hwaddr addr, unsigned size,
                                uint64_t *pval, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    MemTxResult r = MEMTX_OK;
    uint64_t v = 0;

    if (ops->read_with_attrs) {
        r = ops->read_with_attrs(mr->opaque, addr, &v, size, attrs);
    } else if (ops->read) {
        v = ops->read(mr->opaque, addr, size);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "memory: read of %u bytes at 0x%" HWADDR_PRIx
                      " in write-only region '%s'\n",
                      size, addr, memory_region_name(mr));
        r = MEMTX_DECODE_ERROR;
    }
    *pval = v & size_mask(size);
    return r;
}

static MemTxResult mr_call_write(MemoryRegion *mr, hwaddr addr,
                                 unsigned size, uint64_t v, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    v &= size_mask(size);
    if (ops->write_with_attrs) {
        return ops->write_with_attrs(mr->opaque, addr, v, size, attrs);
    }
    if (ops->write) {
        ops->write(mr->opaque, addr, v, size);
        return MEMTX_OK;
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "memory: write of %u bytes at 0x%" HWADDR_PRIx
                  " in read-only region '%s'\n",
                  size, addr, memory_region_name(mr));
    return MEMTX_DECODE_ERROR;
}

/* The widest size the callbacks implement that fits at @pos, or 0. */
static unsigned impl_piece_size(hwaddr pos, hwaddr left, unsigned imin,
                                unsigned imax, bool unaligned)
{
    for (unsigned s = imax; s >= imin && s > 0; s >>= 1) {
        if (s <= left && (unaligned || !(pos & (s - 1)))) {
            return s;
        }
    }
    return 0;
}

/*
 * One valid access of @size bytes, done with the access sizes the device
 * implements.  The general case works on byte lanes in address order:
 * each device access moves its bytes (in the device's byte order) into
 * or out of the lanes, and the lanes convert to or from the caller's
 * value in the caller's byte order.  An access too narrow or too
 * misaligned for the device uses one implemented unit around it: reads
 * keep the bytes asked for, writes read the unit, merge and write it
 * back (devices with read side effects should implement narrow sizes).
 */
static MemTxResult memory_region_access_split(MemoryRegion *mr, hwaddr addr,
                                              uint64_t *pval, unsigned size,
                                              bool op_big, bool is_write,
                                              MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned imin = ops->impl.min_access_size ? ops->impl.min_access_size : 1;
    unsigned imax = ops->impl.max_access_size ? ops->impl.max_access_size : 4;
    bool unaligned = ops->impl.unaligned;
    bool dev_big = memory_region_device_big_endian(mr);
    MemTxResult r = MEMTX_OK;
    uint8_t lanes[8];
    hwaddr pos, end;
    uint64_t v;

    if (size >= imin && size <= imax &&
        (unaligned || !(addr & (size - 1)))) {
        /* The common case: one call, maybe a byte swap. */
        if (is_write) {
            v = *pval;
            if (dev_big != op_big) {
                v = bswap64(v) >> (64 - size * 8);
            }
            return mr_call_write(mr, addr, size, v, attrs);
        }
        r = mr_call_read(mr, addr, size, &v, attrs);
        if (dev_big != op_big) {
            v = bswap64(v) >> (64 - size * 8);
        }
        *pval = v;
        return r;
    }

    if (is_write) {
        memory_stn(lanes, size, op_big, *pval);
    }
    end = addr + size;
    for (pos = addr; pos < end;) {
        unsigned s = impl_piece_size(pos, end - pos, imin, imax, unaligned);

        if (s) {
            if (is_write) {
                v = memory_ldn(lanes + (pos - addr), s, dev_big);
                r |= mr_call_write(mr, pos, s, v, attrs);
            } else {
                r |= mr_call_read(mr, pos, s, &v, attrs);
                memory_stn(lanes + (pos - addr), s, dev_big, v);
            }
            pos += s;
        } else {
            unsigned unit = imin;
            hwaddr ustart = unaligned ? pos : QEMU_ALIGN_DOWN(pos, unit);
            hwaddr cend = MIN(ustart + unit, end);
            uint8_t ub[8] = { 0 };

            if (!is_write || ops->read || ops->read_with_attrs) {
                r |= mr_call_read(mr, ustart, unit, &v, attrs);
                memory_stn(ub, unit, dev_big, v);
            }
            if (is_write) {
                memcpy(ub + (pos - ustart), lanes + (pos - addr), cend - pos);
                r |= mr_call_write(mr, ustart, unit,
                                   memory_ldn(ub, unit, dev_big), attrs);
            } else {
                memcpy(lanes + (pos - addr), ub + (pos - ustart), cend - pos);
            }
            pos = cend;
        }
    }
    if (!is_write) {
        *pval = memory_ldn(lanes, size, op_big);
    }
    return r;
}

static bool memory_region_in_bounds(MemoryRegion *mr, hwaddr addr,
                                    unsigned size)
{
    return (Int128)addr + size <= mr->size;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, MemOp op,
                                        MemTxAttrs attrs)
{
    unsigned size = memop_size(op);
    bool op_big = memop_big_endian(op);
    const char *why = "outside the region";
    MemTxResult r;

    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    memory_dispatch_enter();
    if (!memory_region_in_bounds(mr, addr, size)) {
        goto invalid;
    }
    if (mr->ram || (mr->rom_device && mr->romd_mode)) {
        *pval = memory_ldn(mr->ram_block->host + addr, size, op_big);
        r = MEMTX_OK;
    } else if (memory_region_access_valid(mr, addr, size, false, attrs,
                                          &why)) {
        r = memory_region_access_split(mr, addr, pval, size, op_big, false,
                                       attrs);
    } else {
        goto invalid;
    }
    memory_dispatch_exit();
    return r;

invalid:
    qemu_log_mask(LOG_GUEST_ERROR,
                  "memory: invalid read of %u bytes at 0x%" HWADDR_PRIx
                  " in region '%s': %s\n",
                  size, addr, memory_region_name(mr), why);
    *pval = 0;
    memory_dispatch_exit();
    return MEMTX_DECODE_ERROR;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, MemOp op,
                                         MemTxAttrs attrs)
{
    unsigned size = memop_size(op);
    bool op_big = memop_big_endian(op);
    const char *why = "outside the region";
    MemTxResult r;

    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    memory_dispatch_enter();
    if (!memory_region_in_bounds(mr, addr, size)) {
        goto invalid;
    }
    if (mr->ram) {
        if (mr->readonly) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "memory: write of %u bytes at 0x%" HWADDR_PRIx
                          " to ROM '%s' ignored\n",
                          size, addr, memory_region_name(mr));
        } else {
            memory_stn(mr->ram_block->host + addr, size, op_big, val);
            memory_notify_code_write(mr->ram_block->offset + addr, size);
        }
        r = MEMTX_OK;
    } else if (memory_region_access_valid(mr, addr, size, true, attrs,
                                          &why)) {
        r = memory_region_access_split(mr, addr, &val, size, op_big, true,
                                       attrs);
    } else {
        goto invalid;
    }
    memory_dispatch_exit();
    return r;

invalid:
    qemu_log_mask(LOG_GUEST_ERROR,
                  "memory: invalid write of %u bytes at 0x%" HWADDR_PRIx
                  " in region '%s': %s\n",
                  size, addr, memory_region_name(mr), why);
    memory_dispatch_exit();
    return MEMTX_DECODE_ERROR;
}
