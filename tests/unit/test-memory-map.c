/*
 * DMA mappings: address_space_map()/unmap() on RAM (direct pointers) and
 * on MMIO (the bounce buffer), and the reference a mapping holds.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory.h"

typedef struct Fixture {
    Object *owner;
    MemoryRegion *root;
    AddressSpace as;
    MemoryRegion *ram;          /* 0x0000-0x0fff */
    MemoryRegion *mmio;         /* 0x2000-0x20ff */
    uint8_t regs[0x100];
} Fixture;

static uint64_t regs_read(void *opaque, hwaddr addr, unsigned size)
{
    Fixture *f = opaque;
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)f->regs[addr + i] << (8 * i);
    }
    return v;
}

static void regs_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    Fixture *f = opaque;

    for (unsigned i = 0; i < size; i++) {
        f->regs[addr + i] = v >> (8 * i);
    }
}

static const MemoryRegionOps regs_ops = {
    .read = regs_read,
    .write = regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void fixture_init(Fixture *f)
{
    memset(f, 0, sizeof(*f));
    f->owner = object_new(TYPE_CONTAINER);
    f->root = memory_region_new(f->owner, "root", 0x10000);
    f->ram = memory_region_new_ram(f->owner, "ram", 0x1000, &error_abort);
    f->mmio = memory_region_new_io(f->owner, &regs_ops, f, "regs", 0x100);
    memory_region_add_subregion(f->root, 0, f->ram);
    memory_region_add_subregion(f->root, 0x2000, f->mmio);
    address_space_init(&f->as, f->root, "dma");
    for (unsigned i = 0; i < sizeof(f->regs); i++) {
        f->regs[i] = i;
    }
}

static void fixture_fini(Fixture *f)
{
    address_space_destroy(&f->as);
    /* No mapping may be left holding a region. */
    g_assert_cmpuint(f->owner->ref, ==, 1);
    object_unref(f->owner);
}

static void test_ram_direct(void)
{
    Fixture f;
    hwaddr len = 0x100;
    uint8_t *p;

    fixture_init(&f);
    p = address_space_map(&f.as, 0x80, &len, false, MEMTXATTRS_UNSPECIFIED);
    /* Straight into the RAM's storage. */
    g_assert(p == (uint8_t *)memory_region_get_ram_ptr(f.ram) + 0x80);
    g_assert_cmpuint(len, ==, 0x100);
    address_space_unmap(&f.as, p, len, false, 0);
    fixture_fini(&f);
}

static void test_ram_clipped_at_end(void)
{
    Fixture f;
    hwaddr len = 0x1000;
    void *p;

    fixture_init(&f);
    p = address_space_map(&f.as, 0xf00, &len, true, MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p);
    /* Only what is contiguous RAM is mapped; the caller loops. */
    g_assert_cmpuint(len, ==, 0x100);
    address_space_unmap(&f.as, p, len, true, 0);
    fixture_fini(&f);
}

static void test_ram_write_visible(void)
{
    Fixture f;
    hwaddr len = 4;
    uint8_t *p;

    fixture_init(&f);
    p = address_space_map(&f.as, 0x10, &len, true, MEMTXATTRS_UNSPECIFIED);
    memcpy(p, "\x01\x02\x03\x04", 4);
    address_space_unmap(&f.as, p, len, true, 4);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x10,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x04030201);
    fixture_fini(&f);
}

static void test_mmio_bounce_read(void)
{
    Fixture f;
    hwaddr len = 8;
    uint8_t *p;

    fixture_init(&f);
    p = address_space_map(&f.as, 0x2010, &len, false,
                          MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p);
    g_assert_cmpuint(len, ==, 8);
    /* Not the device state itself: a copy filled through the callbacks. */
    g_assert(p < f.regs || p >= f.regs + sizeof(f.regs));
    for (unsigned i = 0; i < 8; i++) {
        g_assert_cmphex(p[i], ==, 0x10 + i);
    }
    address_space_unmap(&f.as, p, len, false, 0);
    fixture_fini(&f);
}

static void test_mmio_bounce_write(void)
{
    Fixture f;
    hwaddr len = 8;
    uint8_t *p;

    fixture_init(&f);
    p = address_space_map(&f.as, 0x2020, &len, true, MEMTXATTRS_UNSPECIFIED);
    memset(p, 0xaa, 8);
    /* Nothing reaches the device before unmap... */
    g_assert_cmphex(f.regs[0x20], ==, 0x20);
    /* ...and then only the bytes actually written. */
    address_space_unmap(&f.as, p, len, true, 3);
    g_assert_cmphex(f.regs[0x20], ==, 0xaa);
    g_assert_cmphex(f.regs[0x22], ==, 0xaa);
    g_assert_cmphex(f.regs[0x23], ==, 0x23);
    fixture_fini(&f);
}

static void test_bounce_busy(void)
{
    Fixture f;
    hwaddr len1 = 4, len2 = 4, len3 = 4, len4 = 4;
    void *p1, *p2, *p3, *p4;

    fixture_init(&f);
    p1 = address_space_map(&f.as, 0x2000, &len1, false,
                           MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p1);
    /* One bounce buffer: a second MMIO mapping fails clearly... */
    p2 = address_space_map(&f.as, 0x2040, &len2, false,
                           MEMTXATTRS_UNSPECIFIED);
    g_assert_null(p2);
    g_assert_cmpuint(len2, ==, 0);
    /* ...while RAM mappings still work. */
    p3 = address_space_map(&f.as, 0, &len3, false, MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p3);
    address_space_unmap(&f.as, p3, len3, false, 0);
    address_space_unmap(&f.as, p1, len1, false, 0);
    /* Free again. */
    p4 = address_space_map(&f.as, 0x2040, &len4, false,
                           MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p4);
    address_space_unmap(&f.as, p4, len4, false, 0);
    fixture_fini(&f);
}

static void test_unmapped_null(void)
{
    Fixture f;
    hwaddr len = 16;

    fixture_init(&f);
    g_assert_null(address_space_map(&f.as, 0x8000, &len, false,
                                    MEMTXATTRS_UNSPECIFIED));
    g_assert_cmpuint(len, ==, 0);
    fixture_fini(&f);
}

static void test_rom_write_bounced(void)
{
    Fixture f;
    MemoryRegion *rom;
    hwaddr len = 4;
    uint8_t *p;

    fixture_init(&f);
    rom = memory_region_new_rom(f.owner, "rom", 0x100, &error_abort);
    memory_region_add_subregion(f.root, 0x4000, rom);
    p = address_space_map(&f.as, 0x4000, &len, true, MEMTXATTRS_UNSPECIFIED);
    /* Writing ROM is not direct: the bounce buffer absorbs it. */
    g_assert(p != memory_region_get_ram_ptr(rom));
    memset(p, 0xff, len);
    address_space_unmap(&f.as, p, len, true, len);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x4000,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0);
    fixture_fini(&f);
}

static void note_finalized(Object *obj, const char *name, void *opaque)
{
    *(bool *)opaque = true;
}

static void test_mapping_holds_region(void)
{
    Fixture f;
    Object *other = object_new(TYPE_CONTAINER);
    MemoryRegion *buf;
    bool finalized = false;
    hwaddr len = 0x10;
    uint8_t *p;

    fixture_init(&f);
    buf = memory_region_new_ram(other, "buf", 0x100, &error_abort);
    object_property_add(OBJECT(buf), "watch", "bool", NULL, NULL,
                        note_finalized, &finalized);
    memory_region_add_subregion(f.root, 0x8000, buf);
    p = address_space_map(&f.as, 0x8000, &len, true, MEMTXATTRS_UNSPECIFIED);

    /* Its owner lets it go and drops its own reference... */
    object_unparent(OBJECT(buf));
    object_unref(other);
    g_assert_null(address_space_lookup_section(&f.as, 0x8000).mr);
    /* ...but the mapping keeps the storage (and the owner) valid. */
    g_assert_false(finalized);
    memset(p, 0x5a, len);
    g_assert_cmphex(p[len - 1], ==, 0x5a);

    address_space_unmap(&f.as, p, len, true, len);
    g_assert_true(finalized);
    fixture_fini(&f);
}

static ram_addr_t notified;

static void code_written(ram_addr_t start, ram_addr_t length)
{
    notified = start;
}

static void test_unmap_notifies_code_write(void)
{
    Fixture f;
    hwaddr len = 0x10;
    uint8_t *p;
    MemoryCodeWriteNotify *old = memory_set_code_write_notify(code_written);

    fixture_init(&f);
    cpu_physical_memory_set_code(memory_region_get_ram_addr(f.ram) + 0x400);
    notified = RAM_ADDR_INVALID;
    p = address_space_map(&f.as, 0x400, &len, true, MEMTXATTRS_UNSPECIFIED);
    p[0] = 1;
    g_assert_cmpuint(notified, ==, RAM_ADDR_INVALID);
    /* DMA into translated code is reported when the transfer completes. */
    address_space_unmap(&f.as, p, len, true, 1);
    g_assert_cmphex(notified, ==, memory_region_get_ram_addr(f.ram) + 0x400);
    cpu_physical_memory_clear_code(memory_region_get_ram_addr(f.ram), 0x1000);
    memory_set_code_write_notify(old);
    fixture_fini(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/map/ram-direct", test_ram_direct);
    g_test_add_func("/memory/map/ram-clipped-at-end",
                    test_ram_clipped_at_end);
    g_test_add_func("/memory/map/ram-write-visible", test_ram_write_visible);
    g_test_add_func("/memory/map/mmio-bounce-read", test_mmio_bounce_read);
    g_test_add_func("/memory/map/mmio-bounce-write", test_mmio_bounce_write);
    g_test_add_func("/memory/map/bounce-busy", test_bounce_busy);
    g_test_add_func("/memory/map/unmapped-null", test_unmapped_null);
    g_test_add_func("/memory/map/rom-write-bounced", test_rom_write_bounced);
    g_test_add_func("/memory/map/mapping-holds-region",
                    test_mapping_holds_region);
    g_test_add_func("/memory/map/unmap-notifies-code-write",
                    test_unmap_notifies_code_write);
    return g_test_run();
}
