/*
 * Accesses through the memory API: RAM, ROM, ROM devices, MMIO access
 * splitting and widening, byte order, alignment policy, bus errors,
 * unmapped space, and code-page write notification.
 *
 * Most MMIO tests use a "byte device": it keeps a small byte array and
 * its callbacks present it in the device's declared byte order, so any
 * access through the core, however it is split, must see exactly the
 * bytes of that array.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "system/memory.h"

#define DEV_SIZE 0x20

typedef struct ByteDev {
    uint8_t mem[DEV_SIZE];
    bool big;
    GString *calls;         /* "r1@3 w4@0=..." */
    MemTxAttrs last_attrs;
    bool fail;              /* answer MEMTX_ERROR */
} ByteDev;

static MemTxResult bytedev_read(void *opaque, hwaddr addr, uint64_t *data,
                                unsigned size, MemTxAttrs attrs)
{
    ByteDev *d = opaque;
    uint64_t v = 0;

    g_assert_cmpuint(addr + size, <=, DEV_SIZE);
    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)d->mem[addr + (d->big ? size - 1 - i : i)] << (8 * i);
    }
    g_string_append_printf(d->calls, "r%u@%" PRIx64 " ", size, addr);
    d->last_attrs = attrs;
    *data = v;
    return d->fail ? MEMTX_ERROR : MEMTX_OK;
}

static MemTxResult bytedev_write(void *opaque, hwaddr addr, uint64_t data,
                                 unsigned size, MemTxAttrs attrs)
{
    ByteDev *d = opaque;

    g_assert_cmpuint(addr + size, <=, DEV_SIZE);
    for (unsigned i = 0; i < size; i++) {
        d->mem[addr + (d->big ? size - 1 - i : i)] = data >> (8 * i);
    }
    g_string_append_printf(d->calls, "w%u@%" PRIx64 "=%" PRIx64 " ", size,
                           addr, data);
    d->last_attrs = attrs;
    return d->fail ? MEMTX_ERROR : MEMTX_OK;
}

typedef struct Fixture {
    Object *owner;
    MemoryRegion *root;
    AddressSpace as;
    ByteDev dev;
    MemoryRegionOps ops;
    MemoryRegion *mmio;
} Fixture;

static void fixture_init(Fixture *f)
{
    memset(f, 0, sizeof(*f));
    f->owner = object_new(TYPE_CONTAINER);
    f->root = memory_region_new(f->owner, "root", 0x100000);
    address_space_init(&f->as, f->root, "test");
    f->dev.calls = g_string_new(NULL);
    for (unsigned i = 0; i < DEV_SIZE; i++) {
        f->dev.mem[i] = 0x10 + i;
    }
    f->ops.read_with_attrs = bytedev_read;
    f->ops.write_with_attrs = bytedev_write;
    f->ops.endianness = DEVICE_LITTLE_ENDIAN;
}

/* Map the byte device at 0x1000 with the ops as set up by the test. */
static void map_dev(Fixture *f)
{
    f->dev.big = f->ops.endianness == DEVICE_BIG_ENDIAN;
    f->mmio = memory_region_new_io(f->owner, &f->ops, &f->dev, "dev",
                                   DEV_SIZE);
    memory_region_add_subregion(f->root, 0x1000, f->mmio);
}

static void fixture_fini(Fixture *f)
{
    address_space_destroy(&f->as);
    object_unref(f->owner);
    g_string_free(f->dev.calls, true);
}

/* What the device saw since the last call. */
static char *calls(Fixture *f)
{
    char *s = g_strdup(f->dev.calls->str);

    g_string_truncate(f->dev.calls, 0);
    return g_strchomp(s);
}

#define assert_calls(f, expected) \
    do { \
        g_autofree char *c_ = calls(f); \
        g_assert_cmpstr(c_, ==, (expected)); \
    } while (0)

/* Capture what -d guest_errors would log. */
static char *log_path;

static void log_begin(void)
{
    log_path = g_build_filename(g_get_tmp_dir(), "test-memory-log-XXXXXX",
                                NULL);
    g_assert_cmpint(g_mkstemp(log_path), >=, 0);
    qemu_set_log_filename(log_path, &error_abort);
    qemu_set_log(LOG_GUEST_ERROR, &error_abort);
}

static char *log_end(void)
{
    char *text = NULL;

    qemu_set_log(0, &error_abort);
    qemu_log_close();
    g_assert_true(g_file_get_contents(log_path, &text, NULL, NULL));
    unlink(log_path);
    g_free(log_path);
    log_path = NULL;
    return text;
}

static void test_ram_rw(void)
{
    Fixture f;
    uint8_t out[4] = { 1, 2, 3, 4 }, in[4];
    MemTxResult r;

    fixture_init(&f);
    memory_region_add_subregion(f.root, 0,
        memory_region_new_ram(f.owner, "ram", 0x1000, &error_abort));
    g_assert_cmpint(address_space_write(&f.as, 0x10, MEMTXATTRS_UNSPECIFIED,
                                        out, 4), ==, MEMTX_OK);
    g_assert_cmpint(address_space_read(&f.as, 0x10, MEMTXATTRS_UNSPECIFIED,
                                       in, 4), ==, MEMTX_OK);
    g_assert_cmpmem(in, 4, out, 4);
    /* RAM is little-endian bytes in memory; the helpers honour that. */
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x10, MEMTXATTRS_UNSPECIFIED,
                                         &r), ==, 0x04030201);
    g_assert_cmpint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x10, MEMTXATTRS_UNSPECIFIED,
                                         NULL), ==, 0x01020304);
    address_space_stq_le(&f.as, 0x20, 0x1122334455667788ULL,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldub(&f.as, 0x20, MEMTXATTRS_UNSPECIFIED,
                                       NULL), ==, 0x88);
    g_assert_cmphex(address_space_lduw_be(&f.as, 0x26,
                                          MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x2211);
    g_assert_cmphex(address_space_ldq_be(&f.as, 0x20,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x8877665544332211ULL);
    fixture_fini(&f);
}

static void test_mmio_single_access(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    map_dev(&f);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1004,
                                         MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0x17161514);
    g_assert_cmpint(r, ==, MEMTX_OK);
    /* One device access with the offset in the region. */
    assert_calls(&f, "r4@4");
    address_space_stw_le(&f.as, 0x1008, 0xbeef, MEMTXATTRS_UNSPECIFIED, &r);
    assert_calls(&f, "w2@8=beef");
    g_assert_cmphex(f.dev.mem[8], ==, 0xef);
    g_assert_cmphex(f.dev.mem[9], ==, 0xbe);
    fixture_fini(&f);
}

static void test_big_endian_device(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.endianness = DEVICE_BIG_ENDIAN;
    map_dev(&f);
    /* Bytes are bytes: a LE load sees the same memory either way. */
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1004,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x17161514);
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x1004,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x14151617);
    assert_calls(&f, "r4@4 r4@4");
    fixture_fini(&f);
}

static void test_split_by_impl_max(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.impl.max_access_size = 1;
    map_dev(&f);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1000,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x13121110);
    assert_calls(&f, "r1@0 r1@1 r1@2 r1@3");
    address_space_stl_le(&f.as, 0x1004, 0xa1b2c3d4, MEMTXATTRS_UNSPECIFIED,
                         NULL);
    assert_calls(&f, "w1@4=d4 w1@5=c3 w1@6=b2 w1@7=a1");
    fixture_fini(&f);
}

static void test_split_big_endian_pieces(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.endianness = DEVICE_BIG_ENDIAN;
    f.ops.impl.max_access_size = 2;
    map_dev(&f);
    /* Two 16-bit device reads; the lower address holds the high bytes. */
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x1000,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x10111213);
    assert_calls(&f, "r2@0 r2@2");
    fixture_fini(&f);
}

static void test_widen_narrow_read(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.impl.min_access_size = 4;
    map_dev(&f);
    /* The device only does 32 bits: read the word, keep byte 1. */
    g_assert_cmphex(address_space_ldub(&f.as, 0x1005, MEMTXATTRS_UNSPECIFIED,
                                       NULL), ==, 0x15);
    assert_calls(&f, "r4@4");
    fixture_fini(&f);
}

static void test_narrow_write_merges(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.impl.min_access_size = 4;
    map_dev(&f);
    address_space_stb(&f.as, 0x1006, 0xaa, MEMTXATTRS_UNSPECIFIED, NULL);
    /* Read-merge-write keeps the other three bytes. */
    assert_calls(&f, "r4@4 w4@4=17aa1514");
    fixture_fini(&f);
}

static void test_unaligned_rejected(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    map_dev(&f);
    log_begin();
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1002,
                                         MEMTXATTRS_UNSPECIFIED, &r), ==, 0);
    {
        g_autofree char *log = log_end();

        g_assert_nonnull(strstr(log, "misaligned"));
    }
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    /* The device never saw it. */
    assert_calls(&f, "");
    fixture_fini(&f);
}

static void test_unaligned_accepted_split(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    f.ops.valid.unaligned = true;
    map_dev(&f);
    /* The device implements aligned accesses only: 1 + 2 + 1 bytes. */
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1001,
                                         MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0x14131211);
    g_assert_cmpint(r, ==, MEMTX_OK);
    assert_calls(&f, "r1@1 r2@2 r1@4");
    fixture_fini(&f);
}

static void test_impl_unaligned_single_call(void)
{
    Fixture f;

    fixture_init(&f);
    f.ops.valid.unaligned = true;
    f.ops.impl.unaligned = true;
    map_dev(&f);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x1001,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x14131211);
    assert_calls(&f, "r4@1");
    fixture_fini(&f);
}

static void test_every_split_sees_same_bytes(void)
{
    static const unsigned sizes[] = { 1, 2, 4, 8 };

    /* Whatever the device's sizes and byte order, bytes stay bytes. */
    for (int big = 0; big <= 1; big++) {
        for (unsigned imin = 1; imin <= 4; imin *= 2) {
            for (unsigned imax = imin; imax <= 8; imax *= 2) {
                Fixture f;

                fixture_init(&f);
                f.ops.endianness = big ? DEVICE_BIG_ENDIAN
                                       : DEVICE_LITTLE_ENDIAN;
                f.ops.valid.unaligned = true;
                f.ops.valid.max_access_size = 8;
                f.ops.impl.min_access_size = imin;
                f.ops.impl.max_access_size = imax;
                map_dev(&f);
                for (unsigned si = 0; si < ARRAY_SIZE(sizes); si++) {
                    unsigned size = sizes[si];

                    for (hwaddr a = 0; a + size <= 16; a++) {
                        uint64_t v, expect = 0;
                        MemOp op = size_memop(size) | MO_LE;

                        for (unsigned i = 0; i < size; i++) {
                            expect |= (uint64_t)f.dev.mem[a + i] << (8 * i);
                        }
                        g_assert_cmpint(memory_region_dispatch_read(f.mmio,
                                        a, &v, op, MEMTXATTRS_UNSPECIFIED),
                                        ==, MEMTX_OK);
                        g_assert_cmphex(v, ==, expect);
                        /* Write it back inverted, read it again. */
                        memory_region_dispatch_write(f.mmio, a, ~expect, op,
                                                     MEMTXATTRS_UNSPECIFIED);
                        memory_region_dispatch_read(f.mmio, a, &v, op,
                                                    MEMTXATTRS_UNSPECIFIED);
                        g_assert_cmphex(v, ==,
                                        ~expect & (size == 8 ? UINT64_MAX :
                                        (UINT64_C(1) << (8 * size)) - 1));
                        memory_region_dispatch_write(f.mmio, a, expect, op,
                                                     MEMTXATTRS_UNSPECIFIED);
                    }
                }
                fixture_fini(&f);
            }
        }
    }
}

static void test_valid_size_rejected(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    f.ops.valid.min_access_size = 2;
    f.ops.valid.max_access_size = 2;
    map_dev(&f);
    address_space_ldl_le(&f.as, 0x1000, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    address_space_ldub(&f.as, 0x1000, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    address_space_lduw_le(&f.as, 0x1000, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    assert_calls(&f, "r2@0");
    fixture_fini(&f);
}

static bool only_even_offsets(void *opaque, hwaddr addr, unsigned size,
                              bool is_write, MemTxAttrs attrs)
{
    return !(addr & 1) && !is_write;
}

static void test_accepts_veto(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    f.ops.valid.accepts = only_even_offsets;
    map_dev(&f);
    address_space_ldub(&f.as, 0x1001, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    address_space_stb(&f.as, 0x1002, 0, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    address_space_ldub(&f.as, 0x1002, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    assert_calls(&f, "r1@2");
    fixture_fini(&f);
}

static void test_buffer_uses_widest_valid(void)
{
    Fixture f;
    uint8_t buf[7];

    fixture_init(&f);
    map_dev(&f);
    /* 7 bytes from offset 1, naturally aligned pieces: 1 + 2 + 4. */
    g_assert_cmpint(address_space_read(&f.as, 0x1001, MEMTXATTRS_UNSPECIFIED,
                                       buf, sizeof(buf)), ==, MEMTX_OK);
    assert_calls(&f, "r1@1 r2@2 r4@4");
    for (unsigned i = 0; i < sizeof(buf); i++) {
        g_assert_cmphex(buf[i], ==, 0x11 + i);
    }
    fixture_fini(&f);
}

static void test_unmapped_read_zero(void)
{
    Fixture f;
    MemTxResult r;
    g_autofree char *log = NULL;

    fixture_init(&f);
    log_begin();
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x8000,
                                         MEMTXATTRS_UNSPECIFIED, &r), ==, 0);
    log = log_end();
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    /* Logged under -d guest_errors, with the address. */
    g_assert_nonnull(strstr(log, "0x8000"));
    fixture_fini(&f);
}

static void test_unmapped_write_dropped(void)
{
    Fixture f;
    uint8_t b = 0x5a;
    g_autofree char *log = NULL;

    fixture_init(&f);
    log_begin();
    g_assert_cmpint(address_space_write(&f.as, 0x9000,
                                        MEMTXATTRS_UNSPECIFIED, &b, 1),
                    ==, MEMTX_DECODE_ERROR);
    log = log_end();
    g_assert_nonnull(strstr(log, "write"));
    fixture_fini(&f);
}

static void test_buffer_spans_ranges(void)
{
    Fixture f;
    MemoryRegion *ram;
    uint8_t buf[0x20];

    fixture_init(&f);
    map_dev(&f);
    ram = memory_region_new_ram(f.owner, "ram", 0x10, &error_abort);
    memset(memory_region_get_ram_ptr(ram), 0xee, 0x10);
    memory_region_add_subregion(f.root, 0xfe0, ram);
    /* RAM 0xfe0-0xfef, a hole 0xff0-0xfff, then the device. */
    g_assert_cmpint(address_space_read(&f.as, 0xfe0, MEMTXATTRS_UNSPECIFIED,
                                       buf, sizeof(buf)), ==,
                    MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0x0f], ==, 0xee);
    g_assert_cmphex(buf[0x10], ==, 0);
    g_assert_cmphex(buf[0x1f], ==, 0);
    fixture_fini(&f);
}

static void test_value_straddling_ranges(void)
{
    Fixture f;
    MemoryRegion *ram;

    fixture_init(&f);
    map_dev(&f);
    ram = memory_region_new_ram(f.owner, "ram", 0x10, &error_abort);
    memset(memory_region_get_ram_ptr(ram), 0xee, 0x10);
    memory_region_add_subregion(f.root, 0xff0, ram);
    /* Two bytes of RAM, two of the device. */
    g_assert_cmphex(address_space_ldl_le(&f.as, 0xffe,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x1110eeee);
    fixture_fini(&f);
}

static void test_rom_write_ignored(void)
{
    Fixture f;
    MemoryRegion *rom;
    uint8_t data[2] = { 0xaa, 0xbb }, back[2];
    g_autofree char *log = NULL;

    fixture_init(&f);
    rom = memory_region_new_rom(f.owner, "rom", 0x100, &error_abort);
    memory_region_add_subregion(f.root, 0, rom);
    g_assert_true(memory_region_is_rom(rom));
    /* Loaders can fill it... */
    g_assert_cmpint(address_space_write_rom(&f.as, 0x10,
                                            MEMTXATTRS_UNSPECIFIED, data, 2),
                    ==, MEMTX_OK);
    /* ...the guest cannot change it, and that is logged, not fatal. */
    log_begin();
    address_space_stb(&f.as, 0x10, 0x11, MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmpint(address_space_write(&f.as, 0x11, MEMTXATTRS_UNSPECIFIED,
                                        data, 1), ==, MEMTX_OK);
    log = log_end();
    g_assert_nonnull(strstr(log, "ROM 'rom'"));
    address_space_read(&f.as, 0x10, MEMTXATTRS_UNSPECIFIED, back, 2);
    g_assert_cmpmem(back, 2, data, 2);
    fixture_fini(&f);
}

static void test_rom_device(void)
{
    Fixture f;
    MemoryRegion *flash;
    uint8_t image[4] = { 0xde, 0xad, 0xbe, 0xef };

    fixture_init(&f);
    flash = memory_region_new_rom_device(f.owner, &f.ops, &f.dev, "flash",
                                         DEV_SIZE, &error_abort);
    memory_region_add_subregion(f.root, 0x2000, flash);
    g_assert_true(memory_region_is_romd(flash));
    address_space_write_rom(&f.as, 0x2000, MEMTXATTRS_UNSPECIFIED, image, 4);
    /* romd mode: reads come from the storage, not the device... */
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x2000,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0xdeadbeef);
    assert_calls(&f, "");
    /* ...and writes go to the device (a flash command, say). */
    address_space_stw_le(&f.as, 0x2004, 0x90, MEMTXATTRS_UNSPECIFIED, NULL);
    assert_calls(&f, "w2@4=90");
    /* Out of romd mode reads go to the device too. */
    memory_region_rom_device_set_romd(flash, false);
    g_assert_false(memory_region_is_romd(flash));
    g_assert_cmphex(address_space_ldub(&f.as, 0x2000,
                                       MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x10);
    assert_calls(&f, "r1@0");
    fixture_fini(&f);
}

static void test_bus_error_and_attrs(void)
{
    Fixture f;
    MemTxResult r;
    MemTxAttrs attrs = { .requester_id = 7 };

    fixture_init(&f);
    map_dev(&f);
    f.dev.fail = true;
    address_space_stl_le(&f.as, 0x1000, 1, attrs, &r);
    g_assert_cmpint(r, ==, MEMTX_ERROR);
    /* The attributes reach the device unchanged. */
    g_assert_cmpuint(f.dev.last_attrs.requester_id, ==, 7);
    address_space_ldl_le(&f.as, 0x1000, attrs, &r);
    g_assert_cmpint(r, ==, MEMTX_ERROR);
    fixture_fini(&f);
}

static uint64_t plain_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x1234567890abcdefULL;
}

static void test_plain_callbacks_masked(void)
{
    Fixture f;
    static const MemoryRegionOps ops = {
        .read = plain_read,
        .endianness = DEVICE_LITTLE_ENDIAN,
    };

    fixture_init(&f);
    memory_region_add_subregion(f.root, 0,
        memory_region_new_io(f.owner, &ops, NULL, "plain", 0x10));
    /* A sloppy device returning too many bits is cut to the size. */
    g_assert_cmphex(address_space_lduw_le(&f.as, 0, MEMTXATTRS_UNSPECIFIED,
                                          NULL), ==, 0xcdef);
    fixture_fini(&f);
}

static void test_reservation(void)
{
    Fixture f;
    MemTxResult r;

    fixture_init(&f);
    memory_region_add_subregion_overlap(f.root, 0,
        memory_region_new_ram(f.owner, "ram", 0x1000, &error_abort), 0);
    memory_region_add_subregion_overlap(f.root, 0x100,
        memory_region_new_reservation(f.owner, "hole", 0x100), 1);
    /* The reservation hides RAM and answers like unmapped space. */
    address_space_ldub(&f.as, 0x180, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_DECODE_ERROR);
    address_space_ldub(&f.as, 0x80, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
    fixture_fini(&f);
}

static void test_dispatch_direct_ram(void)
{
    Fixture f;
    MemoryRegion *ram;
    uint64_t v;

    fixture_init(&f);
    ram = memory_region_new_ram(f.owner, "ram", 0x100, &error_abort);
    g_assert_cmpint(memory_region_dispatch_write(ram, 8, 0x0102, MO_BEUW,
                                                 MEMTXATTRS_UNSPECIFIED),
                    ==, MEMTX_OK);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(ram))[8], ==, 1);
    memory_region_dispatch_read(ram, 8, &v, MO_LEUW, MEMTXATTRS_UNSPECIFIED);
    g_assert_cmphex(v, ==, 0x0201);
    /* Past the end of the region. */
    g_assert_cmpint(memory_region_dispatch_read(ram, 0xff, &v, MO_LEUW,
                                                MEMTXATTRS_UNSPECIFIED),
                    ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
}

static ram_addr_t notified_start = RAM_ADDR_INVALID;
static ram_addr_t notified_len;

static void code_written(ram_addr_t start, ram_addr_t length)
{
    notified_start = start;
    notified_len = length;
}

static void test_code_write_notify(void)
{
    Fixture f;
    MemoryRegion *ram;
    ram_addr_t base;
    MemoryCodeWriteNotify *old;

    fixture_init(&f);
    ram = memory_region_new_ram(f.owner, "ram", 0x4000, &error_abort);
    memory_region_add_subregion(f.root, 0x10000, ram);
    base = memory_region_get_ram_addr(ram);
    g_assert_cmpuint(base, !=, RAM_ADDR_INVALID);
    old = memory_set_code_write_notify(code_written);

    cpu_physical_memory_set_code(base + 0x2000);
    g_assert_true(cpu_physical_memory_is_code(base + 0x2000));
    g_assert_false(cpu_physical_memory_is_code(base));

    /* A write to a page without code is not reported. */
    address_space_stl_le(&f.as, 0x10000, 1, MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmpuint(notified_start, ==, RAM_ADDR_INVALID);
    /* A write that touches the code page is, with its RAM address. */
    address_space_stl_le(&f.as, 0x12004, 1, MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmphex(notified_start, ==, base + 0x2004);
    g_assert_cmpuint(notified_len, ==, 4);

    cpu_physical_memory_clear_code(base, 0x4000);
    g_assert_false(cpu_physical_memory_range_has_code(base, 0x4000));
    notified_start = RAM_ADDR_INVALID;
    address_space_stl_le(&f.as, 0x12004, 1, MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmpuint(notified_start, ==, RAM_ADDR_INVALID);

    memory_set_code_write_notify(old);
    fixture_fini(&f);
}

static void test_system_memory(void)
{
    MemoryRegion *ram;
    Object *owner = object_new(TYPE_CONTAINER);

    /* The board's view: system memory and its address space. */
    ram = memory_region_new_ram(owner, "ram", 0x1000, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0x4000, ram);
    address_space_stl_le(&address_space_memory, 0x4000, 0xcafe,
                         MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x4000,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0xcafe);
    g_assert_cmpstr(memory_region_name(get_system_memory()), ==, "system");
    memory_map_teardown();
    object_unref(owner);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/access/ram-rw", test_ram_rw);
    g_test_add_func("/memory/access/mmio-single-access",
                    test_mmio_single_access);
    g_test_add_func("/memory/access/big-endian-device",
                    test_big_endian_device);
    g_test_add_func("/memory/access/split-by-impl-max",
                    test_split_by_impl_max);
    g_test_add_func("/memory/access/split-big-endian-pieces",
                    test_split_big_endian_pieces);
    g_test_add_func("/memory/access/widen-narrow-read",
                    test_widen_narrow_read);
    g_test_add_func("/memory/access/narrow-write-merges",
                    test_narrow_write_merges);
    g_test_add_func("/memory/access/unaligned-rejected",
                    test_unaligned_rejected);
    g_test_add_func("/memory/access/unaligned-accepted-split",
                    test_unaligned_accepted_split);
    g_test_add_func("/memory/access/impl-unaligned-single-call",
                    test_impl_unaligned_single_call);
    g_test_add_func("/memory/access/every-split-sees-same-bytes",
                    test_every_split_sees_same_bytes);
    g_test_add_func("/memory/access/valid-size-rejected",
                    test_valid_size_rejected);
    g_test_add_func("/memory/access/accepts-veto", test_accepts_veto);
    g_test_add_func("/memory/access/buffer-uses-widest-valid",
                    test_buffer_uses_widest_valid);
    g_test_add_func("/memory/access/unmapped-read-zero",
                    test_unmapped_read_zero);
    g_test_add_func("/memory/access/unmapped-write-dropped",
                    test_unmapped_write_dropped);
    g_test_add_func("/memory/access/buffer-spans-ranges",
                    test_buffer_spans_ranges);
    g_test_add_func("/memory/access/value-straddling-ranges",
                    test_value_straddling_ranges);
    g_test_add_func("/memory/access/rom-write-ignored",
                    test_rom_write_ignored);
    g_test_add_func("/memory/access/rom-device", test_rom_device);
    g_test_add_func("/memory/access/bus-error-and-attrs",
                    test_bus_error_and_attrs);
    g_test_add_func("/memory/access/plain-callbacks-masked",
                    test_plain_callbacks_masked);
    g_test_add_func("/memory/access/reservation", test_reservation);
    g_test_add_func("/memory/access/dispatch-direct-ram",
                    test_dispatch_direct_ram);
    g_test_add_func("/memory/access/code-write-notify",
                    test_code_write_notify);
    g_test_add_func("/memory/access/system-memory", test_system_memory);
    return g_test_run();
}
