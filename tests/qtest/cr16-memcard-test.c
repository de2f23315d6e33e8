/*
 * cr16-memcard in a virt expansion slot: its registers, info ROM, RAM and
 * the RAM's mirror alias, the size property, and what survives a reset.
 * Window layout: include/hw/misc/cr16-memcard.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/misc/cr16-memcard.h"

typedef struct CardTest {
    QTestState *qts;
    CR16Slots sl;
    uint64_t win;
} CardTest;

/* Plug a card of @size bytes (0: the default) into slot 2. */
static bool card_setup(CardTest *t, unsigned size)
{
    t->qts = cr16_virt_init(NULL);
    if (!t->qts) {
        return false;
    }
    if (!cr16_slots_find(t->qts, &t->sl)) {
        g_test_skip("the virt board has no cr16-slot-controller");
        qtest_quit(t->qts);
        return false;
    }
    g_assert_cmpuint(t->sl.nslots, >=, 3);
    if (size) {
        qtest_qmp_device_add(t->qts, "cr16-memcard", "card",
                             "{'bus': 'slot.2', 'size': %u}", size);
    } else {
        qtest_qmp_device_add(t->qts, "cr16-memcard", "card",
                             "{'bus': 'slot.2'}");
    }
    t->win = cr16_slot_window(&t->sl, 2);
    return true;
}

static void card_teardown(CardTest *t)
{
    qtest_quit(t->qts);
    cr16_slots_clear(&t->sl);
}

static uint16_t reg(CardTest *t, unsigned r)
{
    return qtest_readw(t->qts, t->win + MEMCARD_REGS_OFF + r);
}

static void test_registers(void)
{
    CardTest t;

    if (!card_setup(&t, 0)) {
        return;
    }
    g_assert_cmphex(reg(&t, MEMCARD_R_ID), ==, MEMCARD_ID_VALUE);
    g_assert_cmphex(reg(&t, MEMCARD_R_SIZE), ==, MEMCARD_SIZE_MAX);
    g_assert_cmphex(reg(&t, MEMCARD_R_CTRL), ==, MEMCARD_CTRL_MIRROR);
    g_assert_cmphex(reg(&t, MEMCARD_R_RAM_OFF), ==, MEMCARD_RAM_OFF);
    g_assert_cmphex(reg(&t, MEMCARD_R_MIRROR_OFF), ==, MEMCARD_MIRROR_OFF);
    qtest_writew(t.qts, t.win + MEMCARD_R_SCRATCH, 0xbeef);
    g_assert_cmphex(reg(&t, MEMCARD_R_SCRATCH), ==, 0xbeef);
    /* ID is read-only. */
    qtest_writew(t.qts, t.win + MEMCARD_R_ID, 0);
    g_assert_cmphex(reg(&t, MEMCARD_R_ID), ==, MEMCARD_ID_VALUE);
    card_teardown(&t);
}

/* The info ROM names the card and its size, and ignores writes. */
static void test_info_rom(void)
{
    CardTest t;
    char name[16] = { 0 };

    if (!card_setup(&t, 512)) {
        return;
    }
    qtest_memread(t.qts, t.win + MEMCARD_INFO_OFF, name, sizeof(name) - 1);
    g_assert_cmpstr(name, ==, "cr16-memcard");
    g_assert_cmphex(qtest_readl(t.qts, t.win + MEMCARD_INFO_OFF + 0x10), ==,
                    512);
    qtest_writel(t.qts, t.win + MEMCARD_INFO_OFF, 0);
    qtest_memread(t.qts, t.win + MEMCARD_INFO_OFF, name, sizeof(name) - 1);
    g_assert_cmpstr(name, ==, "cr16-memcard");
    card_teardown(&t);
}

/* RAM holds data; the mirror shows its first bytes and goes with CTRL. */
static void test_ram_and_mirror(void)
{
    CardTest t;
    uint64_t ram, mirror;

    if (!card_setup(&t, 0)) {
        return;
    }
    ram = t.win + MEMCARD_RAM_OFF;
    mirror = t.win + MEMCARD_MIRROR_OFF;
    qtest_writel(t.qts, ram, 0x11223344);
    qtest_writel(t.qts, ram + MEMCARD_SIZE_MAX - 4, 0x55667788);
    g_assert_cmphex(qtest_readl(t.qts, ram), ==, 0x11223344);
    g_assert_cmphex(qtest_readl(t.qts, ram + MEMCARD_SIZE_MAX - 4), ==,
                    0x55667788);
    /* Through the alias, both ways. */
    g_assert_cmphex(qtest_readl(t.qts, mirror), ==, 0x11223344);
    qtest_writel(t.qts, mirror + 8, 0xa5a5a5a5);
    g_assert_cmphex(qtest_readl(t.qts, ram + 8), ==, 0xa5a5a5a5);
    /* Mirror off: the alias is gone, the RAM keeps its data. */
    qtest_writew(t.qts, t.win + MEMCARD_R_CTRL, 0);
    g_assert_cmphex(qtest_readl(t.qts, mirror), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, ram), ==, 0x11223344);
    qtest_writew(t.qts, t.win + MEMCARD_R_CTRL, MEMCARD_CTRL_MIRROR);
    g_assert_cmphex(qtest_readl(t.qts, mirror), ==, 0x11223344);
    card_teardown(&t);
}

/* A small card's RAM ends at its size; the mirror is as small. */
static void test_small_card(void)
{
    CardTest t;
    uint64_t ram;

    if (!card_setup(&t, MEMCARD_SIZE_MIN)) {
        return;
    }
    ram = t.win + MEMCARD_RAM_OFF;
    g_assert_cmphex(reg(&t, MEMCARD_R_SIZE), ==, MEMCARD_SIZE_MIN);
    qtest_writeb(t.qts, ram + MEMCARD_SIZE_MIN - 1, 0x77);
    g_assert_cmphex(qtest_readb(t.qts, ram + MEMCARD_SIZE_MIN - 1), ==, 0x77);
    qtest_writeb(t.qts, ram + MEMCARD_SIZE_MIN, 0x77);
    g_assert_cmphex(qtest_readb(t.qts, ram + MEMCARD_SIZE_MIN), ==, 0);
    g_assert_cmphex(qtest_readb(t.qts, t.win + MEMCARD_MIRROR_OFF +
                                MEMCARD_SIZE_MIN), ==, 0);
    card_teardown(&t);
}

/* Sizes that are not a power of two in range are refused. */
static void test_bad_size(void)
{
    static const unsigned bad[] = { 0, 128, 300, 4096 };
    CardTest t;

    if (!card_setup(&t, 0)) {
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        qmp_expect_error_and_unref(qtest_qmp(t.qts, "{'execute':"
            " 'device_add', 'arguments': {'driver': 'cr16-memcard',"
            " 'id': 'bad', 'bus': 'slot.3', 'size': %u}}", bad[i]),
            "GenericError");
    }
    card_teardown(&t);
}

/* A reset restores CTRL but the RAM keeps its contents. */
static void test_reset(void)
{
    CardTest t;

    if (!card_setup(&t, 0)) {
        return;
    }
    qtest_writel(t.qts, t.win + MEMCARD_RAM_OFF + 0x40, 0xfeedf00d);
    qtest_writew(t.qts, t.win + MEMCARD_R_CTRL, 0);
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(reg(&t, MEMCARD_R_CTRL), ==, MEMCARD_CTRL_MIRROR);
    g_assert_cmphex(qtest_readl(t.qts, t.win + MEMCARD_RAM_OFF + 0x40), ==,
                    0xfeedf00d);
    card_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-memcard/registers", test_registers);
    qtest_add_func("cr16-memcard/info-rom", test_info_rom);
    qtest_add_func("cr16-memcard/ram-and-mirror", test_ram_and_mirror);
    qtest_add_func("cr16-memcard/small-card", test_small_card);
    qtest_add_func("cr16-memcard/bad-size", test_bad_size);
    qtest_add_func("cr16-memcard/reset", test_reset);
    return g_test_run();
}
