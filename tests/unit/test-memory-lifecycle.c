/*
 * Memory region lifetime rules (docs/devel/memory.rst, design.md section
 * 5), one test per case, with real qdev devices.
 *
 * Every region a test device creates carries a watch property whose
 * release hook runs when the region is finalized, and every device logs
 * its own finalization.  Tests then check that everything was freed, and
 * that each region went before its owner.  Leaks and use-after-free are
 * the sanitizer build's job: this file must run clean under ASan/LSan.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "system/memory.h"

/* ------------------------------------------------------------------ */
/* Finalization log                                                    */
/* ------------------------------------------------------------------ */

/* "mr:A.regs", "dev:A": in the order they happened. */
static GPtrArray *events;
static bool log_events = true;
static unsigned long mrs_finalized, owners_finalized;

static void log_event(const char *prefix, const char *label)
{
    if (log_events) {
        g_ptr_array_add(events, g_strdup_printf("%s:%s", prefix, label));
    }
}

static void mr_watch_release(Object *obj, const char *name, void *opaque)
{
    char *label = opaque;

    mrs_finalized++;
    log_event("mr", label);
    g_free(label);
}

/* Log "mr:<owner>.<what>" when @mr is finalized. */
static void watch_mr(MemoryRegion *mr, const char *owner, const char *what)
{
    object_property_add(OBJECT(mr), "test-watch", "bool", NULL, NULL,
                        mr_watch_release,
                        g_strdup_printf("%s.%s", owner, what));
}

static void owner_watch_release(Object *obj, const char *name, void *opaque)
{
    char *label = opaque;

    owners_finalized++;
    log_event("dev", label);
    g_free(label);
}

/* For owners that are not test devices (plain objects). */
static void watch_owner(Object *obj, const char *label)
{
    object_property_add(obj, "test-watch", "bool", NULL, NULL,
                        owner_watch_release, g_strdup(label));
}

static int find_event(const char *ev)
{
    for (guint i = 0; i < events->len; i++) {
        if (!strcmp(g_ptr_array_index(events, i), ev)) {
            return i;
        }
    }
    return -1;
}

static void events_reset(void)
{
    g_ptr_array_set_size(events, 0);
}

/*
 * @owner was finalized, exactly @nr_mrs of its regions were finalized,
 * and all of them before it.
 */
static void assert_freed_in_order(const char *owner, unsigned nr_mrs)
{
    g_autofree char *dev_ev = g_strdup_printf("dev:%s", owner);
    g_autofree char *prefix = g_strdup_printf("mr:%s.", owner);
    int dev_pos = find_event(dev_ev);
    unsigned seen = 0;

    g_assert_cmpint(dev_pos, >=, 0);
    for (guint i = 0; i < events->len; i++) {
        if (g_str_has_prefix(g_ptr_array_index(events, i), prefix)) {
            g_assert_cmpint(i, <, dev_pos);
            seen++;
        }
    }
    g_assert_cmpuint(seen, ==, nr_mrs);
}

static void assert_not_freed(const char *owner)
{
    g_autofree char *dev_ev = g_strdup_printf("dev:%s", owner);

    g_assert_cmpint(find_event(dev_ev), <, 0);
}

static unsigned count_subregions(MemoryRegion *mr)
{
    unsigned n = 0;

    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->sub_next) {
        n++;
    }
    return n;
}

static bool mapped_at(hwaddr addr)
{
    return address_space_lookup_section(&address_space_memory, addr).mr;
}

/* ------------------------------------------------------------------ */
/* Test devices                                                        */
/* ------------------------------------------------------------------ */

/* Label given to the next test device instance. */
static const char *next_label = "X";

static uint64_t regs_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x5a;
}

static void regs_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
}

static const MemoryRegionOps regs_ops = {
    .read = regs_read,
    .write = regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

/*
 * test-memdev: an embedded container holding three subregions (MMIO
 * "regs", RAM "ram", MMIO "ctrl") and an alias "alias" onto part of the
 * RAM, all owned by the device.  Realize maps the container into system
 * memory at .base (unless it is -1) and fails afterwards if asked to.
 * Unrealize does nothing: qdev takes the regions away (rule 3).
 */
#define TYPE_TEST_MEMDEV "test-memdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestMemDev, TEST_MEMDEV)

struct TestMemDev {
    DeviceState parent_obj;
    char *label;
    hwaddr base;
    bool fail_realize;
    MemoryRegion container;
    MemoryRegion regs;
    MemoryRegion ram;
    MemoryRegion ctrl;
    MemoryRegion alias;
};

#define MEMDEV_NR_MRS 5

static void test_memdev_init(Object *obj)
{
    TestMemDev *s = TEST_MEMDEV(obj);

    s->label = g_strdup(next_label);
    s->base = (hwaddr)-1;
    memory_region_init(&s->container, obj, "container", 0x10000);
    memory_region_init_io(&s->regs, obj, &regs_ops, s, "regs", 0x100);
    memory_region_init_ram(&s->ram, obj, "ram", 0x1000, &error_abort);
    memory_region_init_io(&s->ctrl, obj, &regs_ops, s, "ctrl", 0x10);
    memory_region_init_alias(&s->alias, obj, "alias", &s->ram, 0x800, 0x800);
    memory_region_add_subregion(&s->container, 0, &s->regs);
    memory_region_add_subregion(&s->container, 0x1000, &s->ram);
    memory_region_add_subregion(&s->container, 0x3000, &s->ctrl);
    memory_region_add_subregion(&s->container, 0x4000, &s->alias);
    watch_mr(&s->container, s->label, "container");
    watch_mr(&s->regs, s->label, "regs");
    watch_mr(&s->ram, s->label, "ram");
    watch_mr(&s->ctrl, s->label, "ctrl");
    watch_mr(&s->alias, s->label, "alias");
}

static void test_memdev_realize(DeviceState *dev, Error **errp)
{
    TestMemDev *s = TEST_MEMDEV(dev);

    if (s->base != (hwaddr)-1) {
        memory_region_add_subregion(get_system_memory(), s->base,
                                    &s->container);
    }
    if (s->fail_realize) {
        error_setg(errp, "test-memdev: asked to fail");
    }
}

static void test_memdev_finalize(Object *obj)
{
    TestMemDev *s = TEST_MEMDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

static void test_memdev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->realize = test_memdev_realize;
}

/*
 * test-parentdev: has a child test-memdev "b" and a container "window";
 * realize puts b's container into its own window (rule 3's cross-device
 * case) and maps the window at .base.
 */
#define TYPE_TEST_PARENTDEV "test-parentdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestParentDev, TEST_PARENTDEV)

struct TestParentDev {
    DeviceState parent_obj;
    char *label;
    hwaddr base;
    MemoryRegion window;
    TestMemDev b;
};

static void test_parentdev_init(Object *obj)
{
    TestParentDev *s = TEST_PARENTDEV(obj);
    const char *saved = next_label;

    s->label = g_strdup(next_label);
    memory_region_init(&s->window, obj, "window", 0x1000);
    watch_mr(&s->window, s->label, "window");
    next_label = "B";
    object_initialize_child(obj, "b", &s->b, TYPE_TEST_MEMDEV);
    next_label = saved;
}

static void test_parentdev_realize(DeviceState *dev, Error **errp)
{
    TestParentDev *s = TEST_PARENTDEV(dev);

    if (!qdev_realize(DEVICE(&s->b), NULL, errp)) {
        return;
    }
    memory_region_add_subregion(&s->window, 0x100, &s->b.container);
    memory_region_add_subregion(get_system_memory(), s->base, &s->window);
}

static void test_parentdev_unrealize(DeviceState *dev)
{
    TestParentDev *s = TEST_PARENTDEV(dev);

    /* Undo what realize did to the child; its regions are qdev's job. */
    qdev_unrealize(DEVICE(&s->b));
}

static void test_parentdev_finalize(Object *obj)
{
    TestParentDev *s = TEST_PARENTDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

static void test_parentdev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = test_parentdev_realize;
    dc->unrealize = test_parentdev_unrealize;
}

/* test-aliasdev: realize makes an alias onto .target and maps it. */
#define TYPE_TEST_ALIASDEV "test-aliasdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestAliasDev, TEST_ALIASDEV)

struct TestAliasDev {
    DeviceState parent_obj;
    char *label;
    hwaddr base;
    MemoryRegion *target;
    MemoryRegion alias;
};

static void test_aliasdev_init(Object *obj)
{
    TEST_ALIASDEV(obj)->label = g_strdup(next_label);
}

static void test_aliasdev_realize(DeviceState *dev, Error **errp)
{
    TestAliasDev *s = TEST_ALIASDEV(dev);

    memory_region_init_alias(&s->alias, OBJECT(dev), "alias", s->target, 0,
                             memory_region_size(s->target));
    watch_mr(&s->alias, s->label, "alias");
    memory_region_add_subregion(get_system_memory(), s->base, &s->alias);
}

static void test_aliasdev_finalize(Object *obj)
{
    TestAliasDev *s = TEST_ALIASDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

static void test_aliasdev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->realize = test_aliasdev_realize;
}

/*
 * test-ejectdev: a write of a non-zero byte to its "ctrl" register makes
 * it unplug itself, from inside the MMIO callback.  The callbacks take
 * one byte at a time, so a wider write keeps calling into the device
 * after it has removed itself.
 */
#define TYPE_TEST_EJECTDEV "test-ejectdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestEjectDev, TEST_EJECTDEV)

struct TestEjectDev {
    DeviceState parent_obj;
    char *label;
    MemoryRegion ctrl;
    bool ejected;
    unsigned writes;
};

static void eject_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    TestEjectDev *s = opaque;

    s->writes++;
    if (v && !s->ejected) {
        s->ejected = true;
        object_unparent(OBJECT(s));
    }
}

static const MemoryRegionOps eject_ops = {
    .read = regs_read,
    .write = eject_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl.max_access_size = 1,
};

static void test_ejectdev_init(Object *obj)
{
    TestEjectDev *s = TEST_EJECTDEV(obj);

    s->label = g_strdup(next_label);
    memory_region_init_io(&s->ctrl, obj, &eject_ops, s, "ctrl", 0x10);
    watch_mr(&s->ctrl, s->label, "ctrl");
}

static void test_ejectdev_finalize(Object *obj)
{
    TestEjectDev *s = TEST_EJECTDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

/*
 * test-newdev: all regions come from memory_region_new*() and the device
 * keeps no pointer to any of them; realize finds its container by its
 * QOM name.
 */
#define TYPE_TEST_NEWDEV "test-newdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestNewDev, TEST_NEWDEV)

struct TestNewDev {
    DeviceState parent_obj;
    char *label;
    hwaddr base;
};

static void test_newdev_init(Object *obj)
{
    TestNewDev *s = TEST_NEWDEV(obj);
    MemoryRegion *c, *ram, *regs, *alias;

    s->label = g_strdup(next_label);
    c = memory_region_new(obj, "container", 0x10000);
    ram = memory_region_new_ram(obj, "ram", 0x1000, &error_abort);
    regs = memory_region_new_io(obj, &regs_ops, s, "regs", 0x100);
    alias = memory_region_new_alias(obj, "alias", ram, 0, 0x100);
    memory_region_add_subregion(c, 0, regs);
    memory_region_add_subregion(c, 0x1000, ram);
    memory_region_add_subregion(c, 0x8000, alias);
    watch_mr(c, s->label, "container");
    watch_mr(ram, s->label, "ram");
    watch_mr(regs, s->label, "regs");
    watch_mr(alias, s->label, "alias");
}

static void test_newdev_realize(DeviceState *dev, Error **errp)
{
    TestNewDev *s = TEST_NEWDEV(dev);
    Object *c = object_resolve_path_component(OBJECT(dev), "container[0]");

    memory_region_add_subregion(get_system_memory(), s->base,
                                MEMORY_REGION(c));
}

static void test_newdev_finalize(Object *obj)
{
    TestNewDev *s = TEST_NEWDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

static void test_newdev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->realize = test_newdev_realize;
}

/* test-sysbusdev: a sysbus device with one MMIO region and one IRQ. */
#define TYPE_TEST_SYSBUSDEV "test-sysbusdev"
OBJECT_DECLARE_SIMPLE_TYPE(TestSysBusDev, TEST_SYSBUSDEV)

struct TestSysBusDev {
    SysBusDevice parent_obj;
    char *label;
    MemoryRegion regs;
    qemu_irq irq;
};

static void test_sysbusdev_init(Object *obj)
{
    TestSysBusDev *s = TEST_SYSBUSDEV(obj);

    s->label = g_strdup(next_label);
    memory_region_init_io(&s->regs, obj, &regs_ops, s, "regs", 0x100);
    watch_mr(&s->regs, s->label, "regs");
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void test_sysbusdev_finalize(Object *obj)
{
    TestSysBusDev *s = TEST_SYSBUSDEV(obj);

    owners_finalized++;
    log_event("dev", s->label);
    g_free(s->label);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_MEMDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestMemDev),
        .instance_init = test_memdev_init,
        .instance_finalize = test_memdev_finalize,
        .class_init = test_memdev_class_init,
    }, {
        .name = TYPE_TEST_PARENTDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestParentDev),
        .instance_init = test_parentdev_init,
        .instance_finalize = test_parentdev_finalize,
        .class_init = test_parentdev_class_init,
    }, {
        .name = TYPE_TEST_ALIASDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestAliasDev),
        .instance_init = test_aliasdev_init,
        .instance_finalize = test_aliasdev_finalize,
        .class_init = test_aliasdev_class_init,
    }, {
        .name = TYPE_TEST_EJECTDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestEjectDev),
        .instance_init = test_ejectdev_init,
        .instance_finalize = test_ejectdev_finalize,
    }, {
        .name = TYPE_TEST_NEWDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestNewDev),
        .instance_init = test_newdev_init,
        .instance_finalize = test_newdev_finalize,
        .class_init = test_newdev_class_init,
    }, {
        .name = TYPE_TEST_SYSBUSDEV,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TestSysBusDev),
        .instance_init = test_sysbusdev_init,
        .instance_finalize = test_sysbusdev_finalize,
    },
};

DEFINE_TYPES(test_types)

/* Create a device labelled @label; the caller holds the only reference. */
static DeviceState *new_dev(const char *type, const char *label)
{
    DeviceState *dev;

    next_label = label;
    dev = qdev_new(type);
    next_label = "X";
    return dev;
}

/* Hot-unplug as device_del does it: unparent (which unrealizes). */
static void remove_dev(DeviceState *dev)
{
    object_unparent(OBJECT(dev));
}

/* ------------------------------------------------------------------ */
/* Rule 1-3: a device and its own regions                              */
/* ------------------------------------------------------------------ */

/* Row 1: container and subregions of one owner, mapped; unplugged. */
static void test_same_owner_container(void)
{
    DeviceState *a = new_dev(TYPE_TEST_MEMDEV, "A");

    events_reset();
    TEST_MEMDEV(a)->base = 0x100000;
    qdev_realize_and_unref(a, NULL, &error_abort);
    g_assert_true(mapped_at(0x101000));
    g_assert_cmphex(address_space_ldub(&address_space_memory, 0x100000,
                                       MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x5a);
    remove_dev(a);
    g_assert_false(mapped_at(0x101000));
    /* Everything went, each region before the device itself. */
    assert_freed_in_order("A", MEMDEV_NR_MRS);
    g_assert_false(memory_reclaim_pending());
}

/* Row 2: realize fails after creating and mapping regions. */
static void test_realize_fails_after_mapping(void)
{
    DeviceState *a = new_dev(TYPE_TEST_MEMDEV, "A");
    Error *err = NULL;

    events_reset();
    TEST_MEMDEV(a)->base = 0x100000;
    TEST_MEMDEV(a)->fail_realize = true;
    g_assert_false(qdev_realize_and_unref(a, NULL, &err));
    g_assert_nonnull(err);
    error_free(err);
    /* The failed realize took its mapping with it. */
    g_assert_false(mapped_at(0x100000));
    assert_freed_in_order("A", MEMDEV_NR_MRS);
}

/* Never realized: the regions must not keep the device alive. */
static void test_never_realized(void)
{
    DeviceState *a = new_dev(TYPE_TEST_MEMDEV, "A");

    events_reset();
    object_unref(OBJECT(a));
    assert_freed_in_order("A", MEMDEV_NR_MRS);
}

/* Row 3: A's container holds its child device B's region; A removed. */
static void test_parent_holds_child_region(void)
{
    DeviceState *a = new_dev(TYPE_TEST_PARENTDEV, "A");

    events_reset();
    TEST_PARENTDEV(a)->base = 0x200000;
    qdev_realize_and_unref(a, NULL, &error_abort);
    /* B's registers appear through A's window. */
    g_assert_cmphex(address_space_ldub(&address_space_memory, 0x200100,
                                       MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x5a);
    remove_dev(a);
    g_assert_false(mapped_at(0x200100));
    assert_freed_in_order("B", MEMDEV_NR_MRS);
    assert_freed_in_order("A", 1);
}

/* Row 4: X's region in unrelated Y's container; X removed, then Y. */
static void test_unrelated_region_in_container(void)
{
    DeviceState *x = new_dev(TYPE_TEST_MEMDEV, "X");
    DeviceState *y = new_dev(TYPE_TEST_MEMDEV, "Y");
    MemTxResult r;

    events_reset();
    TEST_MEMDEV(y)->base = 0x300000;
    qdev_realize_and_unref(y, NULL, &error_abort);
    qdev_realize_and_unref(x, NULL, &error_abort);
    /* The board wires X's container into a free part of Y's. */
    memory_region_add_subregion(&TEST_MEMDEV(y)->container, 0x8000,
                                &TEST_MEMDEV(x)->container);
    address_space_stb(&address_space_memory, 0x309000, 0x42,
                      MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);

    remove_dev(x);
    /* Gone from Y's container and from the view, and freed... */
    g_assert_false(mapped_at(0x309000));
    g_assert_cmpuint(count_subregions(&TEST_MEMDEV(y)->container), ==, 4);
    assert_freed_in_order("X", MEMDEV_NR_MRS);
    /* ...while Y keeps working. */
    assert_not_freed("Y");
    g_assert_cmphex(address_space_ldub(&address_space_memory, 0x300000,
                                       MEMTXATTRS_UNSPECIFIED, &r), ==, 0x5a);
    g_assert_cmpint(r, ==, MEMTX_OK);
    address_space_stb(&address_space_memory, 0x301000, 0x17,
                      MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);

    remove_dev(y);
    g_assert_false(mapped_at(0x300000));
    assert_freed_in_order("Y", MEMDEV_NR_MRS);
}

/* ------------------------------------------------------------------ */
/* Rule 2 and 5: references from elsewhere                             */
/* ------------------------------------------------------------------ */

/* Row 5: A's alias onto B's RAM; B removed while the alias exists. */
static void test_alias_outlives_target_owner(void)
{
    DeviceState *b = new_dev(TYPE_TEST_MEMDEV, "B");
    DeviceState *a = new_dev(TYPE_TEST_ALIASDEV, "A");
    MemTxResult r;

    events_reset();
    TEST_MEMDEV(b)->base = 0x400000;
    qdev_realize_and_unref(b, NULL, &error_abort);
    TEST_ALIASDEV(a)->target = &TEST_MEMDEV(b)->ram;
    TEST_ALIASDEV(a)->base = 0x500000;
    qdev_realize_and_unref(a, NULL, &error_abort);
    address_space_stl_le(&address_space_memory, 0x500010, 0xfeedf00d,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);

    remove_dev(b);
    g_assert_false(mapped_at(0x401000));
    /* B's RAM is still reachable through the alias: B stays. */
    assert_not_freed("B");
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x500010,
                                         MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0xfeedf00d);
    g_assert_cmpint(r, ==, MEMTX_OK);

    remove_dev(a);
    assert_freed_in_order("A", 1);
    assert_freed_in_order("B", MEMDEV_NR_MRS);
}

/* Row 6: a DMA mapping of B's RAM held across B's removal. */
static void test_mapping_outlives_owner(void)
{
    DeviceState *b = new_dev(TYPE_TEST_MEMDEV, "B");
    hwaddr len = 0x100;
    uint8_t *p;

    events_reset();
    TEST_MEMDEV(b)->base = 0x600000;
    qdev_realize_and_unref(b, NULL, &error_abort);
    address_space_stb(&address_space_memory, 0x601000, 0x99,
                      MEMTXATTRS_UNSPECIFIED, NULL);
    p = address_space_map(&address_space_memory, 0x601000, &len, true,
                          MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p);
    g_assert_cmpuint(len, ==, 0x100);

    remove_dev(b);
    assert_not_freed("B");
    /* The DMA engine can still read and write its buffer. */
    g_assert_cmphex(p[0], ==, 0x99);
    memset(p, 0x77, len);

    address_space_unmap(&address_space_memory, p, len, true, len);
    assert_freed_in_order("B", MEMDEV_NR_MRS);
}

/* ------------------------------------------------------------------ */
/* Rule 6: deferred reclamation                                        */
/* ------------------------------------------------------------------ */

/* Row 7: a device removes itself from its own MMIO write callback. */
static void test_self_removal_in_mmio_write(void)
{
    DeviceState *e = new_dev(TYPE_TEST_EJECTDEV, "E");
    TestEjectDev *s = TEST_EJECTDEV(e);
    MemTxResult r;

    events_reset();
    qdev_realize_and_unref(e, NULL, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0x700000, &s->ctrl);

    /* Four one-byte device writes; the first one unplugs the device. */
    address_space_stl_le(&address_space_memory, 0x700000, 0x01010101,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    g_assert_false(mapped_at(0x700000));
    /* Still alive after the dispatch returned (ASan checks the access). */
    g_assert_true(s->ejected);
    g_assert_cmpuint(s->writes, ==, 4);
    assert_not_freed("E");
    g_assert_true(memory_reclaim_pending());

    /* The next quiescent point of the main loop frees it. */
    main_loop_wait(true);
    g_assert_false(memory_reclaim_pending());
    assert_freed_in_order("E", 1);
}

/* ------------------------------------------------------------------ */
/* Rule 7: memory_region_new()                                         */
/* ------------------------------------------------------------------ */

/* Row 8a: heap regions of a device are freed with it. */
static void test_new_regions_freed_with_device(void)
{
    DeviceState *n = new_dev(TYPE_TEST_NEWDEV, "N");

    events_reset();
    TEST_NEWDEV(n)->base = 0x800000;
    qdev_realize_and_unref(n, NULL, &error_abort);
    g_assert_cmphex(address_space_ldub(&address_space_memory, 0x800000,
                                       MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x5a);
    g_assert_true(mapped_at(0x808000));
    remove_dev(n);
    g_assert_false(mapped_at(0x800000));
    assert_freed_in_order("N", 4);
}

/* Row 8b: a plain heap object can own heap regions too. */
static void test_new_regions_heap_owner(void)
{
    Object *owner = object_new(TYPE_CONTAINER);
    MemoryRegion *ram;

    events_reset();
    watch_owner(owner, "O");
    ram = memory_region_new_ram(owner, "ram", 0x2000, &error_abort);
    watch_mr(ram, "O", "ram");
    memory_region_add_subregion(get_system_memory(), 0x900000, ram);
    g_assert_true(mapped_at(0x901000));
    /* A non-device owner breaks the cycle itself by unparenting. */
    object_unparent(OBJECT(ram));
    g_assert_false(mapped_at(0x901000));
    object_unref(owner);
    assert_freed_in_order("O", 1);
}

/* Row 8c: a heap device that is never realized. */
static void test_new_regions_unrealized_device(void)
{
    DeviceState *n = new_dev(TYPE_TEST_NEWDEV, "N");

    events_reset();
    object_unref(OBJECT(n));
    assert_freed_in_order("N", 4);
}

/* sysbus: regions declared with sysbus_init_mmio, mapped by the board. */
static void test_sysbus_device_unplug(void)
{
    DeviceState *d = new_dev(TYPE_TEST_SYSBUSDEV, "S");
    SysBusDevice *sbd = SYS_BUS_DEVICE(d);

    events_reset();
    sysbus_realize_and_unref(sbd, &error_abort);
    g_assert_true(sysbus_has_mmio(sbd, 0));
    g_assert_true(sysbus_has_irq(sbd, 0));
    g_assert_false(sysbus_has_irq(sbd, 1));
    sysbus_mmio_map(sbd, 0, 0xa00000);
    g_assert_true(mapped_at(0xa00000));
    /* Moving it remaps it. */
    sysbus_mmio_map(sbd, 0, 0xb00000);
    g_assert_false(mapped_at(0xa00000));
    g_assert_true(mapped_at(0xb00000));
    remove_dev(d);
    g_assert_false(mapped_at(0xb00000));
    assert_freed_in_order("S", 1);
}

/* ------------------------------------------------------------------ */
/* Row 10: soak                                                        */
/* ------------------------------------------------------------------ */

#ifdef CONFIG_SANITIZERS
/* From the sanitizer runtime (sanitizer/allocator_interface.h). */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/*
 * Memory in use.  Normally the resident set size.  Under ASan freed
 * blocks sit in a quarantine (to catch use-after-free) for a long while,
 * so RSS grows whether or not anything leaks; there the allocator's own
 * count of live heap bytes is the honest measure.
 */
static long memory_in_use(void)
{
#ifdef CONFIG_SANITIZERS
    return __sanitizer_get_current_allocated_bytes();
#else
    long size, resident;
    FILE *f = fopen("/proc/self/statm", "r");

    g_assert_nonnull(f);
    g_assert_cmpint(fscanf(f, "%ld %ld", &size, &resident), ==, 2);
    fclose(f);
    return resident * sysconf(_SC_PAGESIZE);
#endif
}

static void soak_cycle(void)
{
    DeviceState *d = new_dev(TYPE_TEST_MEMDEV, "S");
    MemTxResult r;

    TEST_MEMDEV(d)->base = 0xc00000;
    qdev_realize_and_unref(d, NULL, &error_abort);
    address_space_stb(&address_space_memory, 0xc01000, 1,
                      MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    remove_dev(d);
}

static void test_soak_10000_cycles(void)
{
    unsigned long mrs_before = mrs_finalized;
    unsigned long owners_before = owners_finalized;
    long rss_100, rss_end;

    log_events = false;
    for (int i = 0; i < 100; i++) {
        soak_cycle();
    }
    rss_100 = memory_in_use();
    for (int i = 100; i < 10000; i++) {
        soak_cycle();
    }
    rss_end = memory_in_use();
    log_events = true;

    /* Every cycle freed its device and all five regions... */
    g_assert_cmpuint(owners_finalized - owners_before, ==, 10000);
    g_assert_cmpuint(mrs_finalized - mrs_before, ==, 10000 * MEMDEV_NR_MRS);
    g_assert_false(mapped_at(0xc00000));
    /* ...and memory use stayed flat. */
    if (g_test_verbose()) {
        g_test_message("memory in use after 100 cycles %ld, "
                       "after 10000 %ld",
                       rss_100, rss_end);
    }
    g_assert_cmpint(rss_end - rss_100, <=, 1 * MiB);
}

/* ------------------------------------------------------------------ */
/* Rule 8: owner-less regions (runs last: tears the machine down)      */
/* ------------------------------------------------------------------ */

static MemoryRegion board_io;

static void test_ownerless_live_until_teardown(void)
{
    MemoryRegion *boot;

    events_reset();
    qdev_get_machine();
    boot = memory_region_new_rom(NULL, "boot", 0x1000, &error_abort);
    watch_mr(boot, "machine", "boot");
    memory_region_init_io(&board_io, NULL, &regs_ops, NULL, "board-io",
                          0x10);
    watch_mr(&board_io, "machine", "board-io");
    /* They belong to the machine: /machine/unattached is their parent. */
    g_assert(OBJECT(boot)->parent ==
             object_resolve_path("/machine/unattached", NULL));
    memory_region_add_subregion(get_system_memory(), 0xf00000, boot);
    memory_region_add_subregion(get_system_memory(), 0xf10000, &board_io);

    /* Devices come and go; the machine's regions stay. */
    soak_cycle();
    g_assert_cmpint(find_event("mr:machine.boot"), <, 0);
    g_assert_cmpint(find_event("mr:machine.board-io"), <, 0);
    g_assert_true(mapped_at(0xf00000));
    g_assert_cmphex(address_space_ldub(&address_space_memory, 0xf10000,
                                       MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x5a);

    /* Machine teardown frees them. */
    memory_map_teardown();
    object_unparent(qdev_get_machine());
    g_assert_cmpint(find_event("mr:machine.boot"), >=, 0);
    g_assert_cmpint(find_event("mr:machine.board-io"), >=, 0);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    events = g_ptr_array_new_with_free_func(g_free);

    g_test_add_func("/memory/lifecycle/same-owner-container",
                    test_same_owner_container);
    g_test_add_func("/memory/lifecycle/realize-fails-after-mapping",
                    test_realize_fails_after_mapping);
    g_test_add_func("/memory/lifecycle/never-realized", test_never_realized);
    g_test_add_func("/memory/lifecycle/parent-holds-child-region",
                    test_parent_holds_child_region);
    g_test_add_func("/memory/lifecycle/unrelated-region-in-container",
                    test_unrelated_region_in_container);
    g_test_add_func("/memory/lifecycle/alias-outlives-target-owner",
                    test_alias_outlives_target_owner);
    g_test_add_func("/memory/lifecycle/mapping-outlives-owner",
                    test_mapping_outlives_owner);
    g_test_add_func("/memory/lifecycle/self-removal-in-mmio-write",
                    test_self_removal_in_mmio_write);
    g_test_add_func("/memory/lifecycle/new-regions-freed-with-device",
                    test_new_regions_freed_with_device);
    g_test_add_func("/memory/lifecycle/new-regions-heap-owner",
                    test_new_regions_heap_owner);
    g_test_add_func("/memory/lifecycle/new-regions-unrealized-device",
                    test_new_regions_unrealized_device);
    g_test_add_func("/memory/lifecycle/sysbus-device-unplug",
                    test_sysbus_device_unplug);
    g_test_add_func("/memory/lifecycle/soak-10000-cycles",
                    test_soak_10000_cycles);
    g_test_add_func("/memory/lifecycle/ownerless-live-until-teardown",
                    test_ownerless_live_until_teardown);
    ret = g_test_run();
    g_ptr_array_free(events, true);
    return ret;
}
