/*
 * "info mtree" output, compared with text written by hand from QEMU's
 * documented layout (never captured from this code):
 *
 *   address-space: NAME              one line per address space sharing
 *                                    a root, sorted by name
 *     START-END (prio P, KIND): NAME  two spaces per level, 16 hex digits,
 *                                    END inclusive; KIND ram/rom/romd/i/o
 *     ... alias NAME @TARGET TSTART-TEND
 *   (blank line)
 *   memory-region: TARGET            each alias target, as its own tree
 *
 * and for -f, per distinct flat view:
 *
 *   FlatView #N
 *    AS "NAME", root: ROOT
 *    Root memory region: ROOT
 *     START-END (prio P, KIND): NAME [@OFFSET when not 0]
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "system/memory.h"

#define TYPE_TEST_UART "test-mtree-uart"

static const TypeInfo test_uart_info = {
    .name = TYPE_TEST_UART,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(DeviceState),
};

static void register_types(void)
{
    type_register_static(&test_uart_info);
}

type_init(register_types)

static const MemoryRegionOps dummy_ops = {
    .endianness = DEVICE_LITTLE_ENDIAN,
};

typedef struct Board {
    Object *board;
    DeviceState *uart;
    MemoryRegion *scratch;
    MemoryRegion *boot;
    MemoryRegion *sys, *ioport, *nothing;
    AddressSpace as_memory, as_dma, as_io, as_empty;
} Board;

/*
 * sys (board, 2^64)
 *   ram        RAM 64 KiB at 0
 *   boot       ROM 32 KiB at 0x100000, no owner (machine's)
 *   uart       MMIO at 0x200000, priority 1, owned by device "uart0"
 *   bus        container at 0x300000
 *     timer    MMIO at +0x100
 *     spare    MMIO at +0x200, disabled
 *   ram-mirror alias of ram [0x1000, 0x3000) at 0x800000
 *   scratch    MMIO at 0x900000, no owner and no machine: an orphan
 * ioport (board)
 *   pit        MMIO at 0x40
 * nothing (board): empty container
 */
static void board_build(Board *b)
{
    MemoryRegion *ram, *bus, *spare;

    /* Created before /machine exists: belongs to nobody. */
    b->scratch = memory_region_new_io(NULL, &dummy_ops, NULL, "scratch",
                                      0x10);
    qdev_get_machine();

    b->board = object_new(TYPE_CONTAINER);
    object_property_add_child(object_get_root(), "board", b->board);
    object_unref(b->board);
    b->uart = qdev_new(TYPE_TEST_UART);
    qdev_set_id(b->uart, g_strdup("uart0"), &error_abort);
    object_unref(OBJECT(b->uart));

    b->sys = memory_region_new(b->board, "sys", UINT64_MAX);
    ram = memory_region_new_ram(b->board, "ram", 0x10000, &error_abort);
    memory_region_add_subregion(b->sys, 0, ram);
    b->boot = memory_region_new_rom(NULL, "boot", 0x8000, &error_abort);
    memory_region_add_subregion(b->sys, 0x100000, b->boot);
    memory_region_add_subregion_overlap(b->sys, 0x200000,
        memory_region_new_io(OBJECT(b->uart), &dummy_ops, NULL, "uart",
                             0x100), 1);
    bus = memory_region_new(b->board, "bus", 0x10000);
    memory_region_add_subregion(bus, 0x100,
        memory_region_new_io(b->board, &dummy_ops, NULL, "timer", 0x20));
    spare = memory_region_new_io(b->board, &dummy_ops, NULL, "spare", 0x10);
    memory_region_set_enabled(spare, false);
    memory_region_add_subregion(bus, 0x200, spare);
    memory_region_add_subregion(b->sys, 0x300000, bus);
    memory_region_add_subregion(b->sys, 0x800000,
        memory_region_new_alias(b->board, "ram-mirror", ram, 0x1000, 0x2000));
    memory_region_add_subregion(b->sys, 0x900000, b->scratch);

    b->ioport = memory_region_new(b->board, "ioport", 0x10000);
    memory_region_add_subregion(b->ioport, 0x40,
        memory_region_new_io(b->board, &dummy_ops, NULL, "pit", 4));
    b->nothing = memory_region_new(b->board, "nothing", 0x1000);

    address_space_init(&b->as_memory, b->sys, "memory");
    address_space_init(&b->as_dma, b->sys, "dma");
    address_space_init(&b->as_io, b->ioport, "io");
    address_space_init(&b->as_empty, b->nothing, "empty");
}

static void board_destroy(Board *b)
{
    address_space_destroy(&b->as_memory);
    address_space_destroy(&b->as_dma);
    address_space_destroy(&b->as_io);
    address_space_destroy(&b->as_empty);
    object_unparent(b->board);
    object_unparent(OBJECT(b->uart));
    object_unparent(OBJECT(b->boot));
    object_unref(OBJECT(b->scratch));
    object_unparent(qdev_get_machine());
    g_assert_false(memory_reclaim_pending());
}

static char *mtree(bool flatview, bool dispatch_tree, bool owner,
                   bool disabled)
{
    GString *out = g_string_new(NULL);

    mtree_info_to_gstring(out, flatview, dispatch_tree, owner, disabled);
    return g_string_free(out, false);
}

static void test_tree(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(false, false, false, false);
    g_assert_cmpstr(text, ==,
        "address-space: dma\n"
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): sys\n"
        "    0000000000000000-000000000000ffff (prio 0, ram): ram\n"
        "    0000000000100000-0000000000107fff (prio 0, rom): boot\n"
        "    0000000000200000-00000000002000ff (prio 1, i/o): uart\n"
        "    0000000000300000-000000000030ffff (prio 0, i/o): bus\n"
        "      0000000000300100-000000000030011f (prio 0, i/o): timer\n"
        "    0000000000800000-0000000000801fff (prio 0, ram): alias "
        "ram-mirror @ram 0000000000001000-0000000000002fff\n"
        "    0000000000900000-000000000090000f (prio 0, i/o): scratch\n"
        "\n"
        "address-space: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): ioport\n"
        "    0000000000000040-0000000000000043 (prio 0, i/o): pit\n"
        "\n"
        "address-space: empty\n"
        "  0000000000000000-0000000000000fff (prio 0, i/o): nothing\n"
        "\n"
        "memory-region: ram\n"
        "  0000000000000000-000000000000ffff (prio 0, ram): ram\n"
        "\n");
    board_destroy(&b);
}

static void test_tree_disabled(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(false, false, false, true);
    /* -d: the disabled region appears, marked. */
    g_assert_nonnull(strstr(text,
        "      0000000000300100-000000000030011f (prio 0, i/o): timer\n"
        "      0000000000300200-000000000030020f (prio 0, i/o): spare "
        "[disabled]\n"
        "    0000000000800000-"));
    board_destroy(&b);
}

static void test_tree_owners(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(false, false, true, false);
    g_assert_cmpstr(text, ==,
        "address-space: dma\n"
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): sys"
        " owner:{obj path=/board}\n"
        "    0000000000000000-000000000000ffff (prio 0, ram): ram"
        " owner:{obj path=/board}\n"
        "    0000000000100000-0000000000107fff (prio 0, rom): boot"
        " parent:{obj path=/machine/unattached}\n"
        "    0000000000200000-00000000002000ff (prio 1, i/o): uart"
        " owner:{dev id=uart0}\n"
        "    0000000000300000-000000000030ffff (prio 0, i/o): bus"
        " owner:{obj path=/board}\n"
        "      0000000000300100-000000000030011f (prio 0, i/o): timer"
        " owner:{obj path=/board}\n"
        "    0000000000800000-0000000000801fff (prio 0, ram): alias "
        "ram-mirror @ram 0000000000001000-0000000000002fff"
        " owner:{obj path=/board}\n"
        "    0000000000900000-000000000090000f (prio 0, i/o): scratch"
        " orphan\n"
        "\n"
        "address-space: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): ioport"
        " owner:{obj path=/board}\n"
        "    0000000000000040-0000000000000043 (prio 0, i/o): pit"
        " owner:{obj path=/board}\n"
        "\n"
        "address-space: empty\n"
        "  0000000000000000-0000000000000fff (prio 0, i/o): nothing"
        " owner:{obj path=/board}\n"
        "\n"
        "memory-region: ram\n"
        "  0000000000000000-000000000000ffff (prio 0, ram): ram"
        " owner:{obj path=/board}\n"
        "\n");
    board_destroy(&b);
}

static void test_flatview(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(true, false, false, false);
    g_assert_cmpstr(text, ==,
        "FlatView #0\n"
        " AS \"memory\", root: sys\n"
        " AS \"dma\", root: sys\n"
        " Root memory region: sys\n"
        "  0000000000000000-000000000000ffff (prio 0, ram): ram\n"
        "  0000000000100000-0000000000107fff (prio 0, rom): boot\n"
        "  0000000000200000-00000000002000ff (prio 1, i/o): uart\n"
        "  0000000000300100-000000000030011f (prio 0, i/o): timer\n"
        "  0000000000800000-0000000000801fff (prio 0, ram): ram"
        " @0000000000001000\n"
        "  0000000000900000-000000000090000f (prio 0, i/o): scratch\n"
        "\n"
        "FlatView #1\n"
        " AS \"io\", root: ioport\n"
        " Root memory region: ioport\n"
        "  0000000000000040-0000000000000043 (prio 0, i/o): pit\n"
        "\n"
        "FlatView #2\n"
        " AS \"empty\", root: nothing\n"
        " Root memory region: (none)\n"
        "  No rendered FlatView\n"
        "\n");
    board_destroy(&b);
}

static void test_flatview_owners(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(true, false, true, false);
    g_assert_nonnull(strstr(text,
        "  0000000000200000-00000000002000ff (prio 1, i/o): uart"
        " owner:{dev id=uart0}\n"));
    g_assert_nonnull(strstr(text,
        "  0000000000800000-0000000000801fff (prio 0, ram): ram"
        " @0000000000001000 owner:{obj path=/board}\n"));
    board_destroy(&b);
}

static void test_dispatch_tree(void)
{
    Board b;
    g_autofree char *text = NULL;

    board_build(&b);
    text = mtree(true, true, false, false);
    /* Our own lookup structure: every range is one section. */
    g_assert_nonnull(strstr(text,
        "  0000000000000040-0000000000000043 (prio 0, i/o): pit\n"
        "  Dispatch\n"
        "    Physical sections\n"
        "      #0 @0000000000000040..0000000000000043 pit"));
    board_destroy(&b);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/mtree/tree", test_tree);
    g_test_add_func("/memory/mtree/tree-disabled", test_tree_disabled);
    g_test_add_func("/memory/mtree/tree-owners", test_tree_owners);
    g_test_add_func("/memory/mtree/flatview", test_flatview);
    g_test_add_func("/memory/mtree/flatview-owners", test_flatview_owners);
    g_test_add_func("/memory/mtree/dispatch-tree", test_dispatch_tree);
    return g_test_run();
}
