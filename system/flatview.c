/*
 * Flat views, address spaces, listeners and deferred reclamation.
 *
 * A FlatView is what the guest sees through an address space: the
 * region tree rendered into sorted, non-overlapping ranges, each showing
 * one leaf region at some offset.  Views are immutable; a commit that
 * changed the tree renders new ones, tells the listeners the difference
 * and drops the old ones.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "system/memory.h"
#include "system/memory-internal.h"

AddressSpace *memory_address_spaces;
unsigned memory_dispatch_depth;

/* Signed, so an alias can shift its target below address 0. */
typedef __int128 s128;

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

static FlatView *flatview_new(MemoryRegion *root)
{
    FlatView *fv = g_new0(FlatView, 1);

    fv->ref = 1;
    fv->root = root;
    if (root) {
        memory_region_ref(root);
    }
    return fv;
}

static void flatview_insert(FlatView *fv, unsigned pos, const FlatRange *fr)
{
    if (fv->nr == fv->nr_allocated) {
        fv->nr_allocated = MAX(2 * fv->nr_allocated, 8);
        fv->ranges = g_renew(FlatRange, fv->ranges, fv->nr_allocated);
    }
    memmove(&fv->ranges[pos + 1], &fv->ranges[pos],
            (fv->nr - pos) * sizeof(FlatRange));
    fv->ranges[pos] = *fr;
    fv->nr++;
}

/* Index of the first range that ends above @addr (nr if none). */
static unsigned flatview_first_ending_above(FlatView *fv, s128 addr)
{
    unsigned lo = 0, hi = fv->nr;

    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;

        if ((s128)flatrange_end(&fv->ranges[mid]) <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/*
 * Show leaf @mr (whose offset 0 is at @region_start) in the parts of
 * [@lo, @hi) that nothing rendered earlier covers.  Earlier means higher
 * priority, so this is what makes priorities and fall-through work.
 */
static void flatview_fill_holes(FlatView *fv, MemoryRegion *mr,
                                s128 region_start, s128 lo, s128 hi,
                                bool readonly, bool nonvolatile)
{
    unsigned i = flatview_first_ending_above(fv, lo);
    s128 pos = lo;

    while (pos < hi) {
        FlatRange fr;
        s128 gap_end;

        if (i < fv->nr && (s128)fv->ranges[i].start <= pos) {
            pos = flatrange_end(&fv->ranges[i]);
            i++;
            continue;
        }
        gap_end = hi;
        if (i < fv->nr && (s128)fv->ranges[i].start < gap_end) {
            gap_end = fv->ranges[i].start;
        }
        fr = (FlatRange) {
            .mr = mr,
            .offset_in_region = (hwaddr)(pos - region_start),
            .start = (hwaddr)pos,
            .size = (Int128)(gap_end - pos),
            .readonly = readonly,
            .romd_mode = mr->romd_mode,
            .nonvolatile = nonvolatile,
        };
        flatview_insert(fv, i, &fr);
        i++;
        pos = gap_end;
    }
}

/*
 * Render @mr, whose container starts at @base, clipped to [@lo, @hi).
 * Subregions go first, highest priority first, so a leaf only fills what
 * is still free; a pure container fills nothing, so its holes show what
 * lower-priority siblings of it have there.
 */
static void render_region(FlatView *fv, MemoryRegion *mr, s128 base,
                          s128 lo, s128 hi, bool readonly, bool nonvolatile)
{
    s128 start, end;

    if (!mr->enabled) {
        return;
    }
    start = base + (s128)mr->addr;
    end = start + (s128)mr->size;
    lo = MAX(lo, start);
    hi = MIN(hi, end);
    if (lo >= hi) {
        return;
    }
    readonly |= mr->readonly;
    nonvolatile |= mr->nonvolatile;

    if (mr->alias) {
        /* Place the target so that alias_offset lands on our start. */
        s128 tbase = start - (s128)mr->alias_offset - (s128)mr->alias->addr;

        render_region(fv, mr->alias, tbase, lo, hi, readonly, nonvolatile);
        return;
    }
    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->sub_next) {
        render_region(fv, sub, start, lo, hi, readonly, nonvolatile);
    }
    if (mr->terminates) {
        flatview_fill_holes(fv, mr, start, lo, hi, readonly, nonvolatile);
    }
}

static bool flatrange_mergeable(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr &&
           flatrange_end(a) == b->start &&
           (Int128)a->offset_in_region + a->size == b->offset_in_region &&
           a->readonly == b->readonly &&
           a->romd_mode == b->romd_mode &&
           a->nonvolatile == b->nonvolatile;
}

/* Join neighbours that continue each other (e.g. around a disabled hole). */
static void flatview_simplify(FlatView *fv)
{
    unsigned out = 0;

    for (unsigned i = 0; i < fv->nr; i++) {
        if (out && flatrange_mergeable(&fv->ranges[out - 1],
                                       &fv->ranges[i])) {
            fv->ranges[out - 1].size += fv->ranges[i].size;
        } else {
            fv->ranges[out++] = fv->ranges[i];
        }
    }
    fv->nr = out;
}

/*
 * The region actually worth rendering for @mr: look through an alias
 * that shows its whole target from offset 0, and through a container
 * whose only enabled child covers it from offset 0, so that address
 * spaces built on such wrappers share one view.  NULL: nothing visible.
 */
static MemoryRegion *flatview_root_of(MemoryRegion *mr)
{
    while (mr && mr->enabled) {
        if (mr->readonly || mr->nonvolatile) {
            /* Its attributes apply to what is below: render it. */
            return mr;
        }
        if (mr->alias) {
            if (mr->alias_offset == 0 && mr->size >= mr->alias->size) {
                mr = mr->alias;
                continue;
            }
            return mr;
        }
        if (!mr->terminates) {
            MemoryRegion *only = NULL;
            unsigned enabled = 0;

            for (MemoryRegion *c = mr->subregions; c; c = c->sub_next) {
                if (c->enabled) {
                    enabled++;
                    only = c;
                }
            }
            if (enabled == 0) {
                return NULL;
            }
            if (enabled == 1 && only->addr == 0 && mr->size >= only->size) {
                mr = only;
                continue;
            }
        }
        return mr;
    }
    return NULL;
}

static FlatView *generate_memory_topology(MemoryRegion *root)
{
    FlatView *fv = flatview_new(root);

    if (root) {
        /* The root's own origin is address 0 of the address space. */
        render_region(fv, root, -(s128)root->addr, 0, (s128)int128_2_64(),
                      false, false);
    }
    flatview_simplify(fv);
    for (unsigned i = 0; i < fv->nr; i++) {
        memory_region_ref(fv->ranges[i].mr);
    }
    return fv;
}

/* ------------------------------------------------------------------ */
/* Reference counting and deferred reclamation                         */
/* ------------------------------------------------------------------ */

static FlatView *reclaim_head;
static FlatView **reclaim_tail = &reclaim_head;
/* Runs memory_reclaim_run() from the main loop, between dispatches. */
static QEMUBH *reclaim_bh;

static void memory_reclaim_bh(void *opaque)
{
    memory_reclaim_run();
}

static void flatview_destroy(FlatView *fv)
{
    for (unsigned i = 0; i < fv->nr; i++) {
        memory_region_unref(fv->ranges[i].mr);
    }
    if (fv->root) {
        memory_region_unref(fv->root);
    }
    g_free(fv->ranges);
    g_free(fv);
}

void flatview_ref(FlatView *fv)
{
    fv->ref++;
}

void flatview_unref(FlatView *fv)
{
    g_assert(fv->ref > 0);
    if (--fv->ref > 0) {
        return;
    }
    if (memory_dispatch_depth > 0) {
        /*
         * A dispatch is on the stack and may still be walking this view
         * or running a callback of a region it keeps alive (rule 6).
         */
        fv->reclaim_next = NULL;
        *reclaim_tail = fv;
        reclaim_tail = &fv->reclaim_next;
        if (!reclaim_bh) {
            reclaim_bh = qemu_bh_new(memory_reclaim_bh, NULL);
        }
        qemu_bh_schedule(reclaim_bh);
        return;
    }
    flatview_destroy(fv);
}

bool memory_reclaim_pending(void)
{
    return reclaim_head != NULL;
}

void memory_reclaim_run(void)
{
    g_assert(memory_dispatch_depth == 0);
    /* Freeing may finalize owners that queue nothing new (depth is 0). */
    while (reclaim_head) {
        FlatView *fv = reclaim_head;

        reclaim_head = fv->reclaim_next;
        if (!reclaim_head) {
            reclaim_tail = &reclaim_head;
        }
        flatview_destroy(fv);
    }
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr)
{
    const FlatRange *fr;
    unsigned i;

    if (!fv || !fv->nr) {
        return NULL;
    }
    fr = &fv->ranges[fv->mru];
    if (addr >= fr->start && (Int128)addr < flatrange_end(fr)) {
        return fr;
    }
    i = flatview_first_ending_above(fv, addr);
    if (i < fv->nr && fv->ranges[i].start <= addr) {
        fv->mru = i;
        return &fv->ranges[i];
    }
    return NULL;
}

Int128 flatview_next_start(FlatView *fv, hwaddr addr)
{
    unsigned i;

    if (!fv) {
        return int128_2_64();
    }
    i = flatview_first_ending_above(fv, addr);
    while (i < fv->nr && fv->ranges[i].start <= addr) {
        i++;
    }
    return i < fv->nr ? (Int128)fv->ranges[i].start : int128_2_64();
}

/* ------------------------------------------------------------------ */
/* Listeners                                                           */
/* ------------------------------------------------------------------ */

static MemoryRegionSection section_of(FlatView *fv, const FlatRange *fr)
{
    return (MemoryRegionSection) {
        .size = fr->size,
        .mr = fr->mr,
        .fv = fv,
        .offset_within_region = fr->offset_in_region,
        .offset_within_address_space = fr->start,
        .readonly = fr->readonly,
        .nonvolatile = fr->nonvolatile,
    };
}

static bool flatrange_equal(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr &&
           a->start == b->start &&
           a->size == b->size &&
           a->offset_in_region == b->offset_in_region &&
           a->readonly == b->readonly &&
           a->romd_mode == b->romd_mode &&
           a->nonvolatile == b->nonvolatile;
}

typedef void ListenerRangeFn(MemoryListener *l, MemoryRegionSection *s);

static void as_listeners_range(AddressSpace *as, FlatView *fv,
                               const FlatRange *fr, size_t hook_offset,
                               bool reverse)
{
    MemoryRegionSection s = section_of(fv, fr);
    guint n = as->listeners->len;

    for (guint k = 0; k < n; k++) {
        MemoryListener *l =
            g_ptr_array_index(as->listeners, reverse ? n - 1 - k : k);
        ListenerRangeFn *fn = *(ListenerRangeFn **)((char *)l + hook_offset);

        if (fn) {
            fn(l, &s);
        }
    }
}

#define LISTENER_HOOK(name) offsetof(MemoryListener, name)

/*
 * Tell @as's listeners how @new_view differs from @old_view: first every
 * removal (so no listener ever sees two ranges overlap), then additions
 * and unchanged ranges.
 */
static void address_space_update_listeners(AddressSpace *as,
                                           FlatView *old_view,
                                           FlatView *new_view)
{
    unsigned old_nr = old_view ? old_view->nr : 0;
    unsigned new_nr = new_view ? new_view->nr : 0;

    if (!as->listeners->len) {
        return;
    }
    for (int adding = 0; adding <= 1; adding++) {
        unsigned io = 0, in = 0;

        while (io < old_nr || in < new_nr) {
            const FlatRange *fo = io < old_nr ? &old_view->ranges[io] : NULL;
            const FlatRange *fn = in < new_nr ? &new_view->ranges[in] : NULL;

            if (fo && fn && flatrange_equal(fo, fn)) {
                if (adding) {
                    as_listeners_range(as, new_view, fn,
                                       LISTENER_HOOK(region_nop), false);
                }
                io++;
                in++;
            } else if (fo && (!fn || fo->start <= fn->start)) {
                if (!adding) {
                    as_listeners_range(as, old_view, fo,
                                       LISTENER_HOOK(region_del), true);
                }
                io++;
            } else {
                if (adding) {
                    as_listeners_range(as, new_view, fn,
                                       LISTENER_HOOK(region_add), false);
                }
                in++;
            }
        }
    }
}

static void listeners_call_all(bool commit)
{
    for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
        for (guint k = 0; k < as->listeners->len; k++) {
            MemoryListener *l = g_ptr_array_index(as->listeners, k);
            void (*fn)(MemoryListener *) = commit ? l->commit : l->begin;

            if (fn) {
                fn(l);
            }
        }
    }
}

void memory_listener_register(MemoryListener *listener, AddressSpace *as)
{
    FlatView *fv = address_space_get_flatview(as);
    guint pos = 0;

    g_assert(!listener->address_space);
    listener->address_space = as;
    while (pos < as->listeners->len &&
           ((MemoryListener *)g_ptr_array_index(as->listeners, pos))
               ->priority <= listener->priority) {
        pos++;
    }
    g_ptr_array_insert(as->listeners, pos, listener);

    if (listener->begin) {
        listener->begin(listener);
    }
    for (unsigned i = 0; fv && i < fv->nr; i++) {
        if (listener->region_add) {
            MemoryRegionSection s = section_of(fv, &fv->ranges[i]);

            listener->region_add(listener, &s);
        }
    }
    if (listener->commit) {
        listener->commit(listener);
    }
}

void memory_listener_unregister(MemoryListener *listener)
{
    AddressSpace *as = listener->address_space;
    FlatView *fv;

    if (!as) {
        return;
    }
    fv = as->current_map;
    if (listener->begin) {
        listener->begin(listener);
    }
    for (unsigned i = fv ? fv->nr : 0; i-- > 0;) {
        if (listener->region_del) {
            MemoryRegionSection s = section_of(fv, &fv->ranges[i]);

            listener->region_del(listener, &s);
        }
    }
    if (listener->commit) {
        listener->commit(listener);
    }
    g_ptr_array_remove(as->listeners, listener);
    listener->address_space = NULL;
}

/* ------------------------------------------------------------------ */
/* Commit                                                              */
/* ------------------------------------------------------------------ */

void memory_region_update_topology(void)
{
    GHashTable *views = g_hash_table_new(NULL, NULL);
    GPtrArray *old_views = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    listeners_call_all(false);
    for (AddressSpace *as = memory_address_spaces; as; as = as->next) {
        MemoryRegion *root = flatview_root_of(as->root);
        FlatView *fv = g_hash_table_lookup(views, root ? (void *)root
                                                        : (void *)views);
        FlatView *old = as->current_map;

        if (!fv) {
            fv = generate_memory_topology(root);
            g_hash_table_insert(views, root ? (void *)root : (void *)views,
                                fv);
        }
        flatview_ref(fv);
        as->current_map = fv;
        address_space_update_listeners(as, old, fv);
        if (old) {
            g_ptr_array_add(old_views, old);
        }
    }
    listeners_call_all(true);

    /*
     * Only now drop references: freeing old views can finalize regions
     * and owners, which may start new transactions of their own.
     */
    g_hash_table_iter_init(&iter, views);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        g_ptr_array_add(old_views, value);   /* the generation reference */
    }
    g_hash_table_destroy(views);
    for (guint i = 0; i < old_views->len; i++) {
        flatview_unref(g_ptr_array_index(old_views, i));
    }
    g_ptr_array_free(old_views, true);
}

/* ------------------------------------------------------------------ */
/* Address spaces                                                      */
/* ------------------------------------------------------------------ */

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    AddressSpace **tail = &memory_address_spaces;

    memory_region_ref(root);
    as->root = root;
    as->name = g_strdup(name ? name : "anonymous");
    as->current_map = NULL;
    as->listeners = g_ptr_array_new();
    as->next = NULL;
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = as;
    memory_region_request_update();
}

void address_space_destroy(AddressSpace *as)
{
    AddressSpace **link = &memory_address_spaces;
    FlatView *fv;

    while (as->listeners->len) {
        memory_listener_unregister(g_ptr_array_index(as->listeners, 0));
    }
    while (*link && *link != as) {
        link = &(*link)->next;
    }
    g_assert(*link == as);
    *link = as->next;
    as->next = NULL;

    fv = as->current_map;
    as->current_map = NULL;
    if (fv) {
        flatview_unref(fv);
    }
    memory_region_unref(as->root);
    as->root = NULL;
    g_ptr_array_free(as->listeners, true);
    as->listeners = NULL;
    g_free(as->name);
    as->name = NULL;
}
