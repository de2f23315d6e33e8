/*
 * Memory API dispatch cost: MMIO reads per second through the API, RAM
 * loads, and address_space_map/unmap pairs per second.  Prints numbers,
 * never fails on speed.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory.h"

/* How long each measurement runs. */
#define BENCH_USEC (300 * 1000)
/* Operations between two looks at the clock. */
#define BATCH 4096

static uint32_t reg;
/* Results land here so the compiler cannot drop the work. */
static volatile uint64_t bench_sink;

static uint64_t bench_read(void *opaque, hwaddr addr, unsigned size)
{
    return reg + addr;
}

static void bench_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    reg = v;
}

static const MemoryRegionOps bench_ops = {
    .read = bench_read,
    .write = bench_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.max_access_size = 4,
};

/* The same device, implementing only byte accesses: a 4-byte read splits. */
static const MemoryRegionOps bench_ops_bytes = {
    .read = bench_read,
    .write = bench_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl.max_access_size = 1,
};

typedef uint64_t BenchFn(AddressSpace *as, MemoryRegion *mr, uint64_t i);

static void run(const char *what, const char *unit, BenchFn *fn,
                AddressSpace *as, MemoryRegion *mr)
{
    int64_t start = g_get_monotonic_time(), now;
    uint64_t ops = 0, sink = 0;

    do {
        for (int i = 0; i < BATCH; i++) {
            sink += fn(as, mr, ops + i);
        }
        ops += BATCH;
        now = g_get_monotonic_time();
    } while (now - start < BENCH_USEC);
    bench_sink = sink;
    printf("memory: %-44s %12.0f %s/s\n", what,
           ops * 1e6 / (double)(now - start), unit);
}

static uint64_t mmio_ldl(AddressSpace *as, MemoryRegion *mr, uint64_t i)
{
    return address_space_ldl_le(as, 0x1000 + (i & 0xc),
                                MEMTXATTRS_UNSPECIFIED, NULL);
}

static uint64_t mmio_dispatch(AddressSpace *as, MemoryRegion *mr, uint64_t i)
{
    uint64_t v;

    memory_region_dispatch_read(mr, i & 0xc, &v, MO_LEUL,
                                MEMTXATTRS_UNSPECIFIED);
    return v;
}

static uint64_t mmio_split_ldl(AddressSpace *as, MemoryRegion *mr,
                               uint64_t i)
{
    return address_space_ldl_le(as, 0x2000 + (i & 0xc),
                                MEMTXATTRS_UNSPECIFIED, NULL);
}

static uint64_t ram_ldl(AddressSpace *as, MemoryRegion *mr, uint64_t i)
{
    return address_space_ldl_le(as, (i * 4) & 0xffc, MEMTXATTRS_UNSPECIFIED,
                                NULL);
}

static uint64_t map_ram(AddressSpace *as, MemoryRegion *mr, uint64_t i)
{
    hwaddr len = 64;
    void *p = address_space_map(as, (i * 64) & 0xfc0, &len, true,
                                MEMTXATTRS_UNSPECIFIED);

    address_space_unmap(as, p, len, true, len);
    return len;
}

static uint64_t map_bounce(AddressSpace *as, MemoryRegion *mr, uint64_t i)
{
    hwaddr len = 16;
    void *p = address_space_map(as, 0x1000, &len, false,
                                MEMTXATTRS_UNSPECIFIED);

    address_space_unmap(as, p, len, false, 0);
    return len;
}

int main(int argc, char **argv)
{
    Object *owner = object_new(TYPE_CONTAINER);
    MemoryRegion *root = memory_region_new(owner, "root", 0x10000);
    MemoryRegion *mmio = memory_region_new_io(owner, &bench_ops, NULL,
                                              "mmio", 0x100);
    AddressSpace as;

    memory_region_add_subregion(root, 0,
        memory_region_new_ram(owner, "ram", 0x1000, &error_abort));
    memory_region_add_subregion(root, 0x1000, mmio);
    memory_region_add_subregion(root, 0x2000,
        memory_region_new_io(owner, &bench_ops_bytes, NULL, "bytes", 0x100));
    /* Something in between so lookups are not trivially the first range. */
    for (int i = 0; i < 16; i++) {
        memory_region_add_subregion(root, 0x4000 + i * 0x100,
            memory_region_new_io(owner, &bench_ops, NULL, "filler", 0x80));
    }
    address_space_init(&as, root, "bench");

    run("MMIO read, address_space_ldl_le", "reads", mmio_ldl, &as, mmio);
    run("MMIO read, memory_region_dispatch_read", "reads", mmio_dispatch,
        &as, mmio);
    run("MMIO read split into 4 byte accesses", "reads", mmio_split_ldl,
        &as, mmio);
    run("RAM read, address_space_ldl_le", "reads", ram_ldl, &as, mmio);
    run("map/unmap RAM (direct)", "pairs", map_ram, &as, mmio);
    run("map/unmap MMIO (bounce buffer)", "pairs", map_bounce, &as, mmio);

    address_space_destroy(&as);
    object_unref(owner);
    return 0;
}
