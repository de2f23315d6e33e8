/*
 * Flat view rendering: what an address space shows for a region tree.
 *
 * Each test builds a small tree under a root container, renders it into
 * an address space, and compares the ranges with the expected map.  The
 * map is written "start-last name@offset" per range, holes omitted.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory.h"

/* Everything a test creates is owned by this object. */
typedef struct Fixture {
    Object *owner;
    MemoryRegion *root;
    AddressSpace as;
} Fixture;

static void fixture_init(Fixture *f, uint64_t root_size)
{
    f->owner = object_new(TYPE_CONTAINER);
    f->root = memory_region_new(f->owner, "root", root_size);
    address_space_init(&f->as, f->root, "test");
}

static void fixture_fini(Fixture *f)
{
    address_space_destroy(&f->as);
    /* Nothing outside the owner references its regions any more. */
    g_assert_cmpuint(OBJECT(f->owner)->ref, ==, 1);
    object_unref(f->owner);
    g_assert_false(memory_reclaim_pending());
}

static MemoryRegion *ram(Fixture *f, const char *name, uint64_t size)
{
    return memory_region_new_ram(f->owner, name, size, &error_abort);
}

static const MemoryRegionOps dummy_ops = {
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static MemoryRegion *io(Fixture *f, const char *name, uint64_t size)
{
    return memory_region_new_io(f->owner, &dummy_ops, f, name, size);
}

/* The visible ranges of @as, as text. */
static char *flat_map(AddressSpace *as)
{
    GString *s = g_string_new(NULL);
    Int128 addr = 0;

    while (addr < int128_2_64()) {
        MemoryRegionSection sec =
            address_space_lookup_section(as, (hwaddr)addr);
        Int128 end = (Int128)sec.offset_within_address_space + sec.size;

        if (sec.mr) {
            g_string_append_printf(s, "%s%" PRIx64 "-%" PRIx64 " %s@%"
                                   PRIx64, s->len ? " " : "",
                                   sec.offset_within_address_space,
                                   (uint64_t)(end - 1),
                                   memory_region_name(sec.mr),
                                   sec.offset_within_region);
        }
        g_assert(end > addr);
        addr = end;
    }
    return g_string_free(s, false);
}

#define assert_map(f, expected) \
    do { \
        g_autofree char *map_ = flat_map(&(f)->as); \
        g_assert_cmpstr(map_, ==, (expected)); \
    } while (0)

static void test_single_ram(void)
{
    Fixture f;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion(f.root, 0x1000, ram(&f, "ram", 0x1000));
    assert_map(&f, "1000-1fff ram@0");
    fixture_fini(&f);
}

static void test_nested_offsets(void)
{
    Fixture f;
    MemoryRegion *c;

    fixture_init(&f, 0x100000);
    c = memory_region_new(f.owner, "bus", 0x10000);
    memory_region_add_subregion(c, 0x100, ram(&f, "ram", 0x100));
    memory_region_add_subregion(f.root, 0x20000, c);
    assert_map(&f, "20100-201ff ram@0");
    fixture_fini(&f);
}

static void test_priority_overlap(void)
{
    Fixture f;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion_overlap(f.root, 0, ram(&f, "low", 0x1000),
                                        0);
    memory_region_add_subregion_overlap(f.root, 0x400, io(&f, "high", 0x400),
                                        1);
    /* The low region shows around the high one, at matching offsets. */
    assert_map(&f, "0-3ff low@0 400-7ff high@0 800-fff low@800");
    fixture_fini(&f);
}

static void test_priority_order_independent(void)
{
    Fixture f;

    fixture_init(&f, 0x10000);
    /* Added high first this time: priority, not order, decides. */
    memory_region_add_subregion_overlap(f.root, 0x400, io(&f, "high", 0x400),
                                        1);
    memory_region_add_subregion_overlap(f.root, 0, ram(&f, "low", 0x1000),
                                        0);
    assert_map(&f, "0-3ff low@0 400-7ff high@0 800-fff low@800");
    fixture_fini(&f);
}

static void test_container_hole_falls_through(void)
{
    Fixture f;
    MemoryRegion *c;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion_overlap(f.root, 0, ram(&f, "ram", 0x1000), 0);
    c = memory_region_new(f.owner, "window", 0x1000);
    memory_region_add_subregion(c, 0x100, io(&f, "dev", 0x100));
    memory_region_add_subregion_overlap(f.root, 0, c, 1);
    /* Only the device covers RAM; the container's holes show RAM. */
    assert_map(&f, "0-ff ram@0 100-1ff dev@0 200-fff ram@200");
    fixture_fini(&f);
}

static void test_io_container_fills_holes(void)
{
    Fixture f;
    MemoryRegion *bridge;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion_overlap(f.root, 0, ram(&f, "ram", 0x1000), 0);
    bridge = io(&f, "bridge", 0x1000);
    memory_region_add_subregion(bridge, 0x100, io(&f, "dev", 0x100));
    memory_region_add_subregion_overlap(f.root, 0, bridge, 1);
    /* An MMIO region with children serves its own holes. */
    assert_map(&f, "0-ff bridge@0 100-1ff dev@0 200-fff bridge@200");
    fixture_fini(&f);
}

static void test_alias_offset(void)
{
    Fixture f;
    MemoryRegion *r, *a;

    fixture_init(&f, 0x10000);
    r = ram(&f, "ram", 0x1000);
    memory_region_add_subregion(f.root, 0, r);
    a = memory_region_new_alias(f.owner, "win", r, 0x100, 0x200);
    memory_region_add_subregion(f.root, 0x8000, a);
    /* The alias shows its target's bytes from alias_offset on. */
    assert_map(&f, "0-fff ram@0 8000-81ff ram@100");
    fixture_fini(&f);
}

static void test_alias_clipped_to_target(void)
{
    Fixture f;
    MemoryRegion *r, *a;

    fixture_init(&f, 0x10000);
    r = ram(&f, "ram", 0x1000);
    a = memory_region_new_alias(f.owner, "win", r, 0x800, 0x2000);
    memory_region_add_subregion(f.root, 0x4000, a);
    /* Past the end of the target there is nothing to show. */
    assert_map(&f, "4000-47ff ram@800");
    fixture_fini(&f);
}

static void test_alias_of_container(void)
{
    Fixture f;
    MemoryRegion *c, *a;

    fixture_init(&f, 0x100000);
    c = memory_region_new(f.owner, "bank", 0x10000);
    memory_region_add_subregion(c, 0x1000, ram(&f, "ram", 0x1000));
    memory_region_add_subregion(c, 0x3000, io(&f, "dev", 0x10));
    a = memory_region_new_alias(f.owner, "mirror", c, 0x800, 0x3000);
    memory_region_add_subregion(f.root, 0x50000, a);
    /* Only the window [0x800, 0x3800) of the bank appears, shifted. */
    assert_map(&f, "50800-517ff ram@0 52800-5280f dev@0");
    fixture_fini(&f);
}

static void test_set_alias_offset(void)
{
    Fixture f;
    MemoryRegion *r, *a;

    fixture_init(&f, 0x10000);
    r = ram(&f, "ram", 0x1000);
    a = memory_region_new_alias(f.owner, "win", r, 0, 0x100);
    memory_region_add_subregion(f.root, 0x2000, a);
    memory_region_set_alias_offset(a, 0x300);
    assert_map(&f, "2000-20ff ram@300");
    fixture_fini(&f);
}

static void test_disabled_region(void)
{
    Fixture f;
    MemoryRegion *low, *dev;

    fixture_init(&f, 0x10000);
    low = ram(&f, "ram", 0x1000);
    dev = io(&f, "dev", 0x100);
    memory_region_add_subregion_overlap(f.root, 0, low, 0);
    memory_region_add_subregion_overlap(f.root, 0x100, dev, 1);
    memory_region_set_enabled(dev, false);
    /* Disabled: as if absent, and RAM merges back into one range. */
    assert_map(&f, "0-fff ram@0");
    memory_region_set_enabled(dev, true);
    assert_map(&f, "0-ff ram@0 100-1ff dev@0 200-fff ram@200");
    fixture_fini(&f);
}

static void test_disabled_container_hides_children(void)
{
    Fixture f;
    MemoryRegion *c;

    fixture_init(&f, 0x10000);
    c = memory_region_new(f.owner, "bus", 0x1000);
    memory_region_add_subregion(c, 0, ram(&f, "ram", 0x100));
    memory_region_add_subregion(f.root, 0, c);
    memory_region_set_enabled(c, false);
    assert_map(&f, "");
    fixture_fini(&f);
}

static void test_zero_size(void)
{
    Fixture f;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion(f.root, 0x100, io(&f, "empty", 0));
    memory_region_add_subregion(f.root, 0x200, io(&f, "dev", 0x10));
    assert_map(&f, "200-20f dev@0");
    fixture_fini(&f);
}

static void test_full_address_space(void)
{
    Fixture f;
    MemoryRegion *all;
    MemoryRegionSection s;

    fixture_init(&f, UINT64_MAX);
    all = io(&f, "all", UINT64_MAX);
    g_assert_cmpuint(memory_region_size(all), ==, UINT64_MAX);
    memory_region_add_subregion(f.root, 0, all);
    assert_map(&f, "0-ffffffffffffffff all@0");
    s = address_space_lookup_section(&f.as, UINT64_MAX);
    g_assert(s.mr == all);
    g_assert(s.size == int128_2_64());
    fixture_fini(&f);
}

static void test_full_space_with_overlay(void)
{
    Fixture f;

    fixture_init(&f, UINT64_MAX);
    memory_region_add_subregion_overlap(f.root, 0, io(&f, "bg", UINT64_MAX),
                                        -1);
    memory_region_add_subregion(f.root, 0xfffffffffffff000ULL,
                                ram(&f, "top", 0x1000));
    assert_map(&f, "0-ffffffffffffefff bg@0 fffffffffffff000-ffffffffffffffff"
               " top@0");
    fixture_fini(&f);
}

static void test_clipped_by_container(void)
{
    Fixture f;
    MemoryRegion *c;

    fixture_init(&f, 0x10000);
    c = memory_region_new(f.owner, "small", 0x100);
    memory_region_add_subregion(c, 0x80, ram(&f, "ram", 0x1000));
    memory_region_add_subregion(f.root, 0x1000, c);
    /* A subregion sticking out of its container is cut at its end. */
    assert_map(&f, "1080-10ff ram@0");
    fixture_fini(&f);
}

static void test_set_address_and_size(void)
{
    Fixture f;
    MemoryRegion *dev;

    fixture_init(&f, 0x10000);
    dev = io(&f, "dev", 0x100);
    memory_region_add_subregion(f.root, 0x100, dev);
    memory_region_set_address(dev, 0x400);
    assert_map(&f, "400-4ff dev@0");
    memory_region_set_size(dev, 0x20);
    assert_map(&f, "400-41f dev@0");
    fixture_fini(&f);
}

static void test_del_subregion(void)
{
    Fixture f;
    MemoryRegion *dev;

    fixture_init(&f, 0x10000);
    dev = io(&f, "dev", 0x100);
    memory_region_add_subregion(f.root, 0x100, dev);
    g_assert_true(memory_region_is_mapped(dev));
    memory_region_del_subregion(f.root, dev);
    g_assert_false(memory_region_is_mapped(dev));
    assert_map(&f, "");
    fixture_fini(&f);
}

static void test_readonly_container(void)
{
    Fixture f;
    MemoryRegion *c;
    MemoryRegionSection s;

    fixture_init(&f, 0x10000);
    c = memory_region_new(f.owner, "ro", 0x1000);
    memory_region_add_subregion(c, 0, ram(&f, "ram", 0x1000));
    memory_region_add_subregion(f.root, 0, c);
    s = address_space_lookup_section(&f.as, 0x10);
    g_assert_false(s.readonly);
    memory_region_set_readonly(c, true);
    s = address_space_lookup_section(&f.as, 0x10);
    g_assert_true(s.readonly);
    fixture_fini(&f);
}

static void test_shared_view(void)
{
    Fixture f;
    AddressSpace as2;
    MemoryRegionSection a, b;

    fixture_init(&f, 0x10000);
    memory_region_add_subregion(f.root, 0, ram(&f, "ram", 0x100));
    address_space_init(&as2, f.root, "second");
    a = address_space_lookup_section(&f.as, 0);
    b = address_space_lookup_section(&as2, 0);
    /* Same root, same rendering: one view serves both. */
    g_assert(a.fv == b.fv);
    address_space_destroy(&as2);
    fixture_fini(&f);
}

/* A listener that writes what it is told into a string. */
typedef struct Recorder {
    MemoryListener listener;
    GString *log;
} Recorder;

static void rec_begin(MemoryListener *l)
{
    g_string_append(container_of(l, Recorder, listener)->log, "begin;");
}

static void rec_commit(MemoryListener *l)
{
    g_string_append(container_of(l, Recorder, listener)->log, "commit;");
}

static void rec_section(MemoryListener *l, const char *what,
                        MemoryRegionSection *s)
{
    g_string_append_printf(container_of(l, Recorder, listener)->log,
                           "%s %s %" PRIx64 "+%" PRIx64 ";", what,
                           memory_region_name(s->mr),
                           s->offset_within_address_space,
                           (uint64_t)s->size);
}

static void rec_add(MemoryListener *l, MemoryRegionSection *s)
{
    rec_section(l, "add", s);
}

static void rec_del(MemoryListener *l, MemoryRegionSection *s)
{
    rec_section(l, "del", s);
}

static void rec_nop(MemoryListener *l, MemoryRegionSection *s)
{
    rec_section(l, "nop", s);
}

static void recorder_init(Recorder *r)
{
    *r = (Recorder) {
        .listener = {
            .begin = rec_begin,
            .commit = rec_commit,
            .region_add = rec_add,
            .region_del = rec_del,
            .region_nop = rec_nop,
            .name = "recorder",
        },
        .log = g_string_new(NULL),
    };
}

static void test_listener_add_del(void)
{
    Fixture f;
    Recorder r;
    MemoryRegion *a, *b;

    fixture_init(&f, 0x10000);
    a = ram(&f, "a", 0x100);
    memory_region_add_subregion(f.root, 0, a);
    recorder_init(&r);
    memory_listener_register(&r.listener, &f.as);
    /* Registration replays the current view. */
    g_assert_cmpstr(r.log->str, ==, "begin;add a 0+100;commit;");

    g_string_truncate(r.log, 0);
    b = io(&f, "b", 0x10);
    memory_region_add_subregion(f.root, 0x1000, b);
    g_assert_cmpstr(r.log->str, ==, "begin;nop a 0+100;add b 1000+10;commit;");

    g_string_truncate(r.log, 0);
    memory_region_set_address(b, 0x2000);
    /* A moved range is a removal and an addition; removals come first. */
    g_assert_cmpstr(r.log->str, ==,
                    "begin;del b 1000+10;nop a 0+100;add b 2000+10;commit;");

    g_string_truncate(r.log, 0);
    memory_listener_unregister(&r.listener);
    g_assert_cmpstr(r.log->str, ==,
                    "begin;del b 2000+10;del a 0+100;commit;");
    g_string_free(r.log, true);
    fixture_fini(&f);
}

static void test_transaction_batches(void)
{
    Fixture f;
    Recorder r;

    fixture_init(&f, 0x10000);
    recorder_init(&r);
    memory_listener_register(&r.listener, &f.as);
    g_string_truncate(r.log, 0);

    memory_region_transaction_begin();
    memory_region_add_subregion(f.root, 0, ram(&f, "a", 0x100));
    memory_region_transaction_begin();
    memory_region_add_subregion(f.root, 0x100, io(&f, "b", 0x100));
    memory_region_transaction_commit();
    /* Still inside the outer transaction: nothing rendered yet. */
    g_assert_cmpstr(r.log->str, ==, "");
    g_assert_null(address_space_lookup_section(&f.as, 0).mr);
    memory_region_transaction_commit();
    g_assert_cmpstr(r.log->str, ==, "begin;add a 0+100;add b 100+100;commit;");

    memory_listener_unregister(&r.listener);
    g_string_free(r.log, true);
    fixture_fini(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/flatview/single-ram", test_single_ram);
    g_test_add_func("/memory/flatview/nested-offsets", test_nested_offsets);
    g_test_add_func("/memory/flatview/priority-overlap",
                    test_priority_overlap);
    g_test_add_func("/memory/flatview/priority-order-independent",
                    test_priority_order_independent);
    g_test_add_func("/memory/flatview/container-hole-falls-through",
                    test_container_hole_falls_through);
    g_test_add_func("/memory/flatview/io-container-fills-holes",
                    test_io_container_fills_holes);
    g_test_add_func("/memory/flatview/alias-offset", test_alias_offset);
    g_test_add_func("/memory/flatview/alias-clipped-to-target",
                    test_alias_clipped_to_target);
    g_test_add_func("/memory/flatview/alias-of-container",
                    test_alias_of_container);
    g_test_add_func("/memory/flatview/set-alias-offset",
                    test_set_alias_offset);
    g_test_add_func("/memory/flatview/disabled-region", test_disabled_region);
    g_test_add_func("/memory/flatview/disabled-container-hides-children",
                    test_disabled_container_hides_children);
    g_test_add_func("/memory/flatview/zero-size", test_zero_size);
    g_test_add_func("/memory/flatview/full-address-space",
                    test_full_address_space);
    g_test_add_func("/memory/flatview/full-space-with-overlay",
                    test_full_space_with_overlay);
    g_test_add_func("/memory/flatview/clipped-by-container",
                    test_clipped_by_container);
    g_test_add_func("/memory/flatview/set-address-and-size",
                    test_set_address_and_size);
    g_test_add_func("/memory/flatview/del-subregion", test_del_subregion);
    g_test_add_func("/memory/flatview/readonly-container",
                    test_readonly_container);
    g_test_add_func("/memory/flatview/shared-view", test_shared_view);
    g_test_add_func("/memory/flatview/listener-add-del",
                    test_listener_add_del);
    g_test_add_func("/memory/flatview/transaction-batches",
                    test_transaction_batches);
    return g_test_run();
}
