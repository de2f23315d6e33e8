/*
 * Hotplug through QMP on the virt board's expansion slots, aimed at the
 * memory-region lifetime rules (docs/devel/memory.rst):
 *
 *  - every device type that plugs into a slot goes in and out, with the
 *    guest-visible registers checked in between;
 *  - a soak of 1,000 plug/unplug cycles (memory card and DMA engine,
 *    each unplug waiting for DEVICE_DELETED) leaves "info mtree" exactly
 *    as it was, the QOM tree too, and (outside the sanitizer build) the
 *    emulator's memory use flat; under the sanitizers, LeakSanitizer
 *    checks for leaks when the emulator exits;
 *  - unplugging a DMA engine in the middle of a transfer, and unplugging
 *    the memory card a transfer is writing into;
 *  - a failed plug leaves nothing behind.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/cr16/virt-slots.h"
#include "hw/char/ns16550a.h"
#include "hw/misc/cr16-dmatest.h"
#include "hw/misc/cr16-memcard.h"

#define SOAK_CYCLES 1000

typedef struct HpTest {
    QTestState *qts;
    CR16Slots sl;
} HpTest;

static bool hp_setup(HpTest *t, const char *extra)
{
    t->qts = cr16_virt_init(extra);
    if (!t->qts) {
        return false;
    }
    if (!cr16_slots_find(t->qts, &t->sl)) {
        g_test_skip("the virt board has no cr16-slot-controller");
        qtest_quit(t->qts);
        return false;
    }
    return true;
}

/*
 * One plug/unplug cycle before a baseline is taken: the first device_add
 * creates /machine/peripheral, which then stays (as in QEMU).
 */
static void warm_up(HpTest *t)
{
    qtest_qmp_device_add(t->qts, "cr16-memcard", "warm-up",
                         "{'bus': 'slot.0'}");
    g_assert_true(qtest_qmp_device_del(t->qts, "warm-up"));
}

static void hp_teardown(HpTest *t)
{
    qtest_quit(t->qts);
    cr16_slots_clear(&t->sl);
}

static uint16_t ctrl_rd(HpTest *t, unsigned reg)
{
    return qtest_readw(t->qts, t->sl.regs + reg);
}

/* What the guest should see in a slot for each type we know. */
static void check_device_registers(HpTest *t, const char *type,
                                   uint64_t win)
{
    if (!strcmp(type, TYPE_NS16550A)) {
        g_assert_cmphex(qtest_readb(t->qts, win + UART_LSR), ==,
                        UART_LSR_THRE | UART_LSR_TEMT);
        qtest_writeb(t->qts, win + UART_SCR, 0x5a);
        g_assert_cmphex(qtest_readb(t->qts, win + UART_SCR), ==, 0x5a);
    } else if (!strcmp(type, TYPE_CR16_DMATEST)) {
        g_assert_cmphex(qtest_readl(t->qts, win + DMATEST_ID), ==,
                        DMATEST_ID_VALUE);
    } else if (!strcmp(type, TYPE_CR16_MEMCARD)) {
        g_assert_cmphex(qtest_readw(t->qts, win + MEMCARD_R_ID), ==,
                        MEMCARD_ID_VALUE);
        qtest_writel(t->qts, win + MEMCARD_RAM_OFF, 0xc0ffee);
        g_assert_cmphex(qtest_readl(t->qts, win + MEMCARD_RAM_OFF), ==,
                        0xc0ffee);
    }
}

/* Every slot is empty and its window reads as nothing. */
static void check_all_empty(HpTest *t)
{
    g_assert_cmphex(ctrl_rd(t, SLOTCTRL_PRESENT), ==, 0);
    for (unsigned n = 0; n < t->sl.nslots; n++) {
        g_assert_cmphex(ctrl_rd(t, SLOTCTRL_KIND(n)), ==, SLOT_KIND_EMPTY);
    }
}

/*
 * Try every concrete device type in slot 0.  Those that plug in must
 * show up in PRESENT/KIND and their own registers, and go away again on
 * device_del; those that do not must leave the machine untouched.
 */
static void test_every_pluggable(void)
{
    HpTest t;
    json_t *types, *info;
    g_autofree char *mtree0 = NULL;
    g_autofree char *qom0 = NULL;
    unsigned plugged = 0;
    size_t i;

    if (!hp_setup(&t, NULL)) {
        return;
    }
    warm_up(&t);
    types = qtest_qmp_assert_success_ref(t.qts, "{'execute':"
        " 'qom-list-types', 'arguments': {'implements': 'device'}}");
    mtree0 = cr16_mtree(t.qts);
    qom0 = qtest_hmp(t.qts, "info qom-tree");
    json_array_foreach(types, i, info) {
        const char *type = json_string_value(json_object_get(info, "name"));
        json_t *rsp = qtest_qmp(t.qts, "{'execute': 'device_add',"
            " 'arguments': {'driver': %s, 'id': 'dut', 'bus': 'slot.0'}}",
            type);
        g_autofree char *mtree = NULL;
        g_autofree char *qom = NULL;

        if (json_object_get(rsp, "error")) {
            json_decref(rsp);
            /* Refused: not a trace of it may remain. */
            check_all_empty(&t);
            mtree = cr16_mtree(t.qts);
            g_assert_cmpstr(mtree, ==, mtree0);
            qom = qtest_hmp(t.qts, "info qom-tree");
            g_assert_cmpstr(qom, ==, qom0);
            continue;
        }
        json_decref(rsp);
        g_test_message("%s plugs into a slot", type);
        plugged++;
        g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_PRESENT), ==, 1);
        g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_KIND(0)), !=, SLOT_KIND_EMPTY);
        check_device_registers(&t, type, cr16_slot_window(&t.sl, 0));
        g_assert_true(qtest_qmp_device_del(t.qts, "dut"));
        check_all_empty(&t);
        mtree = cr16_mtree(t.qts);
        g_assert_cmpstr(mtree, ==, mtree0);
        qom = qtest_hmp(t.qts, "info qom-tree");
        g_assert_cmpstr(qom, ==, qom0);
    }
    /* At least the three slot devices of include/hw/cr16/virt-slots.h. */
    g_assert_cmpuint(plugged, >=, 3);
    json_decref(types);
    hp_teardown(&t);
}

/* The resident set size of the emulator, in KiB (from /proc). */
static long qemu_rss_kib(QTestState *qts)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status",
                                            (int)qtest_pid(qts));
    g_autofree char *text = NULL;
    const char *p;

    if (!g_file_get_contents(path, &text, NULL, NULL) ||
        !(p = strstr(text, "VmRSS:"))) {
        return -1;
    }
    return strtol(p + 6, NULL, 10);
}

static void soak_one(HpTest *t, bool memcard)
{
    uint64_t win = cr16_slot_window(&t->sl, 1);

    if (memcard) {
        qtest_qmp_device_add(t->qts, "cr16-memcard", "soak",
                             "{'bus': 'slot.1'}");
        g_assert_cmphex(qtest_readw(t->qts, win + MEMCARD_R_ID), ==,
                        MEMCARD_ID_VALUE);
        /* Touch the alias so the flat view maps it. */
        qtest_writel(t->qts, win + MEMCARD_MIRROR_OFF, 0x12345678);
    } else {
        qtest_qmp_device_add(t->qts, "cr16-dmatest", "soak",
                             "{'bus': 'slot.1', 'chunk-ns': 0}");
        g_assert_cmphex(qtest_readl(t->qts, win + DMATEST_ID), ==,
                        DMATEST_ID_VALUE);
    }
    g_assert_true(qtest_qmp_device_del(t->qts, "soak"));
}

/* 1,000 cycles leave the memory map, the QOM tree and the RSS as before. */
static void test_soak(void)
{
    HpTest t;
    g_autofree char *mtree0 = NULL;
    g_autofree char *mtree1 = NULL;
    g_autofree char *qom0 = NULL;
    g_autofree char *qom1 = NULL;
    long rss0 = -1, rss1;

    if (!hp_setup(&t, NULL)) {
        return;
    }
    warm_up(&t);
    mtree0 = cr16_mtree(t.qts);
    qom0 = qtest_hmp(t.qts, "info qom-tree");
    for (int i = 0; i < SOAK_CYCLES; i++) {
        soak_one(&t, i % 2 == 0);
        /* Measure after a warm-up: allocators settle in the first ones. */
        if (i == SOAK_CYCLES / 10) {
            rss0 = qemu_rss_kib(t.qts);
        }
    }
    rss1 = qemu_rss_kib(t.qts);
    mtree1 = cr16_mtree(t.qts);
    qom1 = qtest_hmp(t.qts, "info qom-tree");
    g_assert_cmpstr(mtree1, ==, mtree0);
    g_assert_cmpstr(qom1, ==, qom0);
    check_all_empty(&t);
    g_test_message("RSS %ld KiB after warm-up, %ld KiB at the end", rss0,
                   rss1);
#if !defined(__SANITIZE_ADDRESS__)
    /* ASan's quarantine grows on purpose; elsewhere growth means a leak. */
    if (rss0 > 0 && rss1 > 0) {
        g_assert_cmpint(rss1 - rss0, <, 2048);
    }
#endif
    hp_teardown(&t);
}

/* Unplug the engine mid-transfer: it stops, nothing dangles. */
static void test_unplug_during_dma(void)
{
    HpTest t;
    uint64_t ram, ram_size, src, dst, regs;
    g_autofree char *mtree0 = NULL;
    g_autofree char *mtree1 = NULL;
    uint8_t after[64], before[64];

    if (!hp_setup(&t, NULL)) {
        return;
    }
    g_assert_true(cr16_find_ram(t.qts, &ram, &ram_size));
    src = ram + ram_size / 2;
    dst = src + 0x2000;
    mtree0 = cr16_mtree(t.qts);
    qtest_memset(t.qts, src, 0xab, 0x1000);
    qtest_memset(t.qts, dst, 0x00, 0x1000);
    qtest_qmp_device_add(t.qts, "cr16-dmatest", "dma",
                         "{'bus': 'slot.0', 'chunk-size': 64,"
                         " 'chunk-ns': 1000}");
    regs = cr16_slot_window(&t.sl, 0);
    qtest_writel(t.qts, regs + DMATEST_SRC, src);
    qtest_writel(t.qts, regs + DMATEST_DST, dst);
    qtest_writel(t.qts, regs + DMATEST_LEN, 0x1000);
    qtest_writel(t.qts, regs + DMATEST_CMD, DMATEST_CMD_START);
    qtest_clock_step(t.qts, 10 * 1000);
    g_assert_cmphex(qtest_readl(t.qts, regs + DMATEST_STATUS) &
                    DMATEST_ST_BUSY, ==, DMATEST_ST_BUSY);

    g_assert_true(qtest_qmp_device_del(t.qts, "dma"));
    /* Time goes on; the gone engine must not write another byte. */
    qtest_memread(t.qts, dst + 0x800, before, sizeof(before));
    qtest_clock_step(t.qts, 1000 * 1000);
    qtest_memread(t.qts, dst + 0x800, after, sizeof(after));
    g_assert_cmpmem(before, sizeof(before), after, sizeof(after));
    mtree1 = cr16_mtree(t.qts);
    g_assert_cmpstr(mtree1, ==, mtree0);
    hp_teardown(&t);
}

/*
 * Unplug the memory card a transfer is writing into.  The engine's
 * mapping keeps the card's RAM alive (rule 5), so the card is unplugged
 * from the guest's view at once but finalized, and announced, only when
 * the transfer lets go of it.
 */
static void test_unplug_dma_target(void)
{
    HpTest t;
    uint64_t ram, ram_size, src, regs, card;
    g_autofree char *mtree0 = NULL;
    g_autofree char *mtree1 = NULL;
    json_t *ev;

    if (!hp_setup(&t, NULL)) {
        return;
    }
    g_assert_true(cr16_find_ram(t.qts, &ram, &ram_size));
    src = ram + ram_size / 2;
    mtree0 = cr16_mtree(t.qts);
    qtest_memset(t.qts, src, 0x5c, MEMCARD_SIZE_MAX);
    qtest_qmp_device_add(t.qts, "cr16-dmatest", "dma",
                         "{'bus': 'slot.0', 'chunk-size': 64,"
                         " 'chunk-ns': 1000}");
    qtest_qmp_device_add(t.qts, "cr16-memcard", "card",
                         "{'bus': 'slot.1'}");
    regs = cr16_slot_window(&t.sl, 0);
    card = cr16_slot_window(&t.sl, 1) + MEMCARD_RAM_OFF;
    qtest_writel(t.qts, regs + DMATEST_SRC, src);
    qtest_writel(t.qts, regs + DMATEST_DST, card);
    qtest_writel(t.qts, regs + DMATEST_LEN, MEMCARD_SIZE_MAX);
    qtest_writel(t.qts, regs + DMATEST_CMD, DMATEST_CMD_START);
    qtest_clock_step(t.qts, 5 * 1000);

    qtest_qmp_device_del_send(t.qts, "card");
    /* Gone from the slot at once... */
    for (int i = 0; i < 100 && (ctrl_rd(&t, SLOTCTRL_PRESENT) & 2); i++) {
        g_usleep(1000);
    }
    g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    /* ...and the transfer runs to its end into the orphaned RAM. */
    qtest_clock_step(t.qts, 100 * 1000);
    g_assert_cmphex(qtest_readl(t.qts, regs + DMATEST_STATUS) &
                    (DMATEST_ST_BUSY | DMATEST_ST_DONE | DMATEST_ST_ERROR),
                    !=, DMATEST_ST_BUSY);
    ev = qtest_qmp_eventwait_ref(t.qts, "DEVICE_DELETED");
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "device")), ==, "card");
    json_decref(ev);
    g_assert_true(qtest_qmp_device_del(t.qts, "dma"));
    mtree1 = cr16_mtree(t.qts);
    g_assert_cmpstr(mtree1, ==, mtree0);
    hp_teardown(&t);
}

/* Plugs that fail, for every reason we can provoke, change nothing. */
static void test_failed_plug(void)
{
    static const char *const bad[] = {
        /* unknown driver */
        "{'execute': 'device_add', 'arguments': {'driver': 'no-such-dev',"
        " 'id': 'x', 'bus': 'slot.0'}}",
        /* no such bus */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-memcard',"
        " 'id': 'x', 'bus': 'slot.99'}}",
        /* realize fails (bad property value) */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-memcard',"
        " 'id': 'x', 'bus': 'slot.0', 'size': 1000}}",
        /* unknown property */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-memcard',"
        " 'id': 'x', 'bus': 'slot.0', 'colour': 'blue'}}",
        /* property of the wrong type */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-dmatest',"
        " 'id': 'x', 'bus': 'slot.0', 'chunk-size': 'big'}}",
        /* a device that is not for slots */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-timer',"
        " 'id': 'x', 'bus': 'slot.0'}}",
        /* a bad id */
        "{'execute': 'device_add', 'arguments': {'driver': 'cr16-memcard',"
        " 'id': '1-bad id!', 'bus': 'slot.0'}}",
    };
    HpTest t;
    g_autofree char *mtree0 = NULL;
    g_autofree char *qom0 = NULL;

    if (!hp_setup(&t, NULL)) {
        return;
    }
    warm_up(&t);
    mtree0 = cr16_mtree(t.qts);
    qom0 = qtest_hmp(t.qts, "info qom-tree");
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *mtree = NULL;
        g_autofree char *qom = NULL;
        g_autofree char *text = g_strdelimit(g_strdup(bad[i]), "'", '"');
        json_t *rsp = qtest_qmp(t.qts, "%p", json_loads(text, 0, NULL));

        g_assert_nonnull(json_object_get(rsp, "error"));
        json_decref(rsp);
        check_all_empty(&t);
        mtree = cr16_mtree(t.qts);
        qom = qtest_hmp(t.qts, "info qom-tree");
        g_assert_cmpstr(mtree, ==, mtree0);
        g_assert_cmpstr(qom, ==, qom0);
    }
    /* The id "x" was never taken. */
    qtest_qmp_device_add(t.qts, "cr16-memcard", "x", "{'bus': 'slot.0'}");
    g_assert_true(qtest_qmp_device_del(t.qts, "x"));
    hp_teardown(&t);
}

/*
 * A device whose interrupt a test intercepts can still be unplugged:
 * the interception must not keep it alive.
 */
static void test_unplug_intercepted(void)
{
    HpTest t;
    uint64_t win;

    if (!hp_setup(&t, NULL)) {
        return;
    }
    qtest_qmp_device_add(t.qts, "cr16-dmatest", "dma",
                         "{'bus': 'slot.2', 'chunk-ns': 0}");
    qtest_irq_intercept_out_named(t.qts, "/machine/peripheral/dma",
                                  "sysbus-irq");
    win = cr16_slot_window(&t.sl, 2);
    /* An empty transfer is DONE at once: the interrupt goes up. */
    qtest_writel(t.qts, win + DMATEST_CTRL, DMATEST_CTRL_IE);
    qtest_writel(t.qts, win + DMATEST_LEN, 0);
    qtest_writel(t.qts, win + DMATEST_CMD, DMATEST_CMD_START);
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_true(qtest_qmp_device_del(t.qts, "dma"));
    check_all_empty(&t);
    hp_teardown(&t);
}

/* Devices given on the command line are in their slots from the start. */
static void test_coldplug(void)
{
    HpTest t;

    if (!hp_setup(&t, "-device cr16-memcard,bus=slot.1,id=cold")) {
        return;
    }
    g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_PRESENT), ==, 1 << 1);
    g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_KIND(1)), ==, SLOT_KIND_MEMCARD);
    /* Cold-plugged devices raise no plug event. */
    g_assert_cmphex(ctrl_rd(&t, SLOTCTRL_PLUG_EVT), ==, 0);
    check_device_registers(&t, TYPE_CR16_MEMCARD,
                           cr16_slot_window(&t.sl, 1));
    g_assert_true(qtest_qmp_device_del(t.qts, "cold"));
    check_all_empty(&t);
    hp_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("hotplug/every-pluggable", test_every_pluggable);
    qtest_add_func("hotplug/coldplug", test_coldplug);
    qtest_add_func("hotplug/failed-plug", test_failed_plug);
    qtest_add_func("hotplug/unplug-during-dma", test_unplug_during_dma);
    qtest_add_func("hotplug/unplug-dma-target", test_unplug_dma_target);
    qtest_add_func("hotplug/unplug-intercepted", test_unplug_intercepted);
    qtest_add_func("hotplug/soak", test_soak);
    return g_test_run();
}
