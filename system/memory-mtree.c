/*
 * "info mtree": the region trees and flat views as text, in the layout
 * QEMU's monitor uses, so scripts and people used to it can read ours.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "system/memory-internal.h"

#define MTREE_INDENT "  "

/* Inclusive end offset of something @size long (0 for empty). */
static hwaddr mtree_last(Int128 size)
{
    return size ? (hwaddr)(size - 1) : 0;
}

/* " owner:{dev id=uart0}", " parent:{obj path=/machine/unattached}" */
static void mtree_expand_owner(GString *out, const char *label, Object *obj)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    g_string_append_printf(out, " %s:{%s", label, dev ? "dev" : "obj");
    if (dev && dev->id) {
        g_string_append_printf(out, " id=%s", dev->id);
    } else {
        g_autofree char *path = object_get_canonical_path(obj);

        if (path) {
            g_string_append_printf(out, " path=%s", path);
        } else {
            g_string_append_printf(out, " type=%s",
                                   object_get_typename(obj));
        }
    }
    g_string_append_c(out, '}');
}

static void mtree_print_owner(GString *out, const MemoryRegion *mr)
{
    Object *owner = mr->owner;
    Object *parent = OBJECT(mr)->parent;

    if (!owner && !parent) {
        g_string_append(out, " orphan");
        return;
    }
    if (owner) {
        mtree_expand_owner(out, "owner", owner);
    }
    if (parent && parent != owner) {
        mtree_expand_owner(out, "parent", parent);
    }
}

typedef struct MtreeState {
    GString *out;
    bool owner;
    bool disabled;
    GPtrArray *alias_targets;   /* printed after the address spaces */
} MtreeState;

/* Children in address order; at one address, higher priority first. */
static gint mtree_child_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = *(MemoryRegion *const *)a;
    const MemoryRegion *y = *(MemoryRegion *const *)b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    if (x->priority != y->priority) {
        return x->priority > y->priority ? -1 : 1;
    }
    return 0;
}

static void mtree_print_mr(MtreeState *st, const MemoryRegion *mr,
                           unsigned level, hwaddr base)
{
    GString *out = st->out;
    hwaddr start = base + mr->addr;
    hwaddr last = start + mtree_last(mr->size);
    g_autoptr(GPtrArray) children = NULL;

    if (start < base || last < start) {
        g_string_append(out, "[DETECTED OVERFLOW!] ");
    }
    if (mr->alias && !g_ptr_array_find(st->alias_targets, mr->alias, NULL)) {
        g_ptr_array_add(st->alias_targets, mr->alias);
    }
    if (mr->enabled || st->disabled) {
        for (unsigned i = 0; i < level; i++) {
            g_string_append(out, MTREE_INDENT);
        }
        g_string_append_printf(out, HWADDR_FMT_plx "-" HWADDR_FMT_plx
                               " (prio %d, %s%s): ",
                               start, last, mr->priority,
                               mr->nonvolatile ? "nv-" : "",
                               memory_region_type_name(mr));
        if (mr->alias) {
            g_string_append_printf(out, "alias %s @%s " HWADDR_FMT_plx
                                   "-" HWADDR_FMT_plx,
                                   memory_region_name(mr),
                                   memory_region_name(mr->alias),
                                   mr->alias_offset,
                                   mr->alias_offset + mtree_last(mr->size));
        } else {
            g_string_append(out, memory_region_name(mr));
        }
        if (!mr->enabled) {
            g_string_append(out, " [disabled]");
        }
        if (st->owner) {
            mtree_print_owner(out, mr);
        }
        g_string_append_c(out, '\n');
    }

    children = g_ptr_array_new();
    for (MemoryRegion *c = mr->subregions; c; c = c->sub_next) {
        g_ptr_array_add(children, c);
    }
    /* g_ptr_array_sort is stable, keeping the container's order on ties. */
    g_ptr_array_sort(children, mtree_child_cmp);
    for (guint i = 0; i < children->len; i++) {
        mtree_print_mr(st, g_ptr_array_index(children, i), level + 1, start);
    }
}

static gint mtree_as_name_cmp(gconstpointer a, gconstpointer b)
{
    const AddressSpace *x = *(AddressSpace *const *)a;
    const AddressSpace *y = *(AddressSpace *const *)b;

    return g_strcmp0(x->name, y->name);
}

static void mtree_info_as(GString *out, bool owner, bool disabled)
{
    MtreeState st = {
        .out = out,
        .owner = owner,
        .disabled = disabled,
        .alias_targets = g_ptr_array_new(),
    };
    g_autoptr(GPtrArray) roots = g_ptr_array_new();

    /* One tree per distinct root, headed by all its address spaces. */
    for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
        if (!g_ptr_array_find(roots, as->root, NULL)) {
            g_ptr_array_add(roots, as->root);
        }
    }
    for (guint r = 0; r < roots->len; r++) {
        MemoryRegion *root = g_ptr_array_index(roots, r);
        g_autoptr(GPtrArray) names = g_ptr_array_new();

        for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
            if (as->root == root) {
                g_ptr_array_add(names, as);
            }
        }
        g_ptr_array_sort(names, mtree_as_name_cmp);
        for (guint i = 0; i < names->len; i++) {
            g_string_append_printf(out, "address-space: %s\n",
                                   ((AddressSpace *)
                                    g_ptr_array_index(names, i))->name);
        }
        mtree_print_mr(&st, root, 1, 0);
        g_string_append_c(out, '\n');
    }

    /* Regions that aliases point into, each as a tree of its own. */
    for (guint i = 0; i < st.alias_targets->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(st.alias_targets, i);

        g_string_append_printf(out, "memory-region: %s\n",
                               memory_region_name(mr));
        mtree_print_mr(&st, mr, 1, 0);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_free(st.alias_targets, true);
}

/*
 * Our dispatch structure is the flat view itself (binary search with a
 * most-recently-used hint), so that is what the dispatch dump shows.
 */
static void mtree_print_dispatch(GString *out, FlatView *fv)
{
    g_string_append(out, MTREE_INDENT "Dispatch\n");
    g_string_append(out, MTREE_INDENT MTREE_INDENT "Physical sections\n");
    for (unsigned i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];

        g_string_append_printf(out, MTREE_INDENT MTREE_INDENT MTREE_INDENT
                               "#%u @" HWADDR_FMT_plx ".." HWADDR_FMT_plx
                               " %s%s%s",
                               i, fr->start, fr->start + mtree_last(fr->size),
                               memory_region_name(fr->mr),
                               fr->mr == fv->root ? " [ROOT]" : "",
                               i == fv->mru ? " [MRU]" : "");
        g_string_append_c(out, '\n');
    }
    g_string_append_printf(out, MTREE_INDENT MTREE_INDENT
                           "Lookup: binary search over %u ranges\n", fv->nr);
}

static void mtree_print_flatview(GString *out, FlatView *fv,
                                 GPtrArray *spaces, unsigned counter,
                                 bool dispatch_tree, bool owner)
{
    g_string_append_printf(out, "FlatView #%u\n", counter);
    for (guint i = 0; i < spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(spaces, i);

        g_string_append_printf(out, " AS \"%s\", root: %s", as->name,
                               memory_region_name(as->root));
        if (as->root->alias) {
            g_string_append_printf(out, ", alias %s",
                                   memory_region_name(as->root->alias));
        }
        g_string_append_c(out, '\n');
    }
    g_string_append_printf(out, " Root memory region: %s\n",
                           fv && fv->root ? memory_region_name(fv->root)
                                          : "(none)");
    if (!fv || !fv->nr) {
        g_string_append(out, MTREE_INDENT "No rendered FlatView\n\n");
        return;
    }
    for (unsigned i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];

        g_string_append_printf(out, MTREE_INDENT HWADDR_FMT_plx "-"
                               HWADDR_FMT_plx " (prio %d, %s%s): %s",
                               fr->start, fr->start + mtree_last(fr->size),
                               fr->mr->priority,
                               fr->nonvolatile ? "nv-" : "",
                               fr->readonly ? "rom"
                                            : memory_region_type_name(fr->mr),
                               memory_region_name(fr->mr));
        if (fr->offset_in_region) {
            g_string_append_printf(out, " @" HWADDR_FMT_plx,
                                   fr->offset_in_region);
        }
        if (owner) {
            mtree_print_owner(out, fr->mr);
        }
        g_string_append_c(out, '\n');
    }
    if (dispatch_tree && fv->root) {
        mtree_print_dispatch(out, fv);
    }
    g_string_append_c(out, '\n');
}

static void mtree_info_flatview(GString *out, bool dispatch_tree, bool owner)
{
    g_autoptr(GPtrArray) views = g_ptr_array_new();

    for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
        if (!g_ptr_array_find(views, as->current_map, NULL)) {
            g_ptr_array_add(views, as->current_map);
        }
    }
    for (guint v = 0; v < views->len; v++) {
        FlatView *fv = g_ptr_array_index(views, v);
        g_autoptr(GPtrArray) spaces = g_ptr_array_new();

        for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
            if (as->current_map == fv) {
                g_ptr_array_add(spaces, as);
            }
        }
        mtree_print_flatview(out, fv, spaces, v, dispatch_tree, owner);
    }
}

void mtree_info_to_gstring(GString *out, bool flatview, bool dispatch_tree,
                           bool owner, bool disabled)
{
    if (flatview) {
        mtree_info_flatview(out, dispatch_tree, owner);
    } else {
        mtree_info_as(out, owner, disabled);
    }
}

void mtree_info(bool flatview, bool dispatch_tree, bool owner, bool disabled)
{
    g_autoptr(GString) out = g_string_new(NULL);

    mtree_info_to_gstring(out, flatview, dispatch_tree, owner, disabled);
    fputs(out->str, stdout);
    fflush(stdout);
}
