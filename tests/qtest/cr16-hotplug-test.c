/*
 * The virt board's hotplug controller, as a guest driver sees it:
 * PRESENT/KIND, the plug, unplug and eject-request events and their
 * interrupt, the two removal policies of device_del (at once without a
 * driver, on the guest's EJECT with one), and the slot windows.
 * Register map: include/hw/cr16/virt-slots.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/cr16/virt-slots.h"
#include "hw/misc/cr16-memcard.h"
#include "hw/char/ns16550a.h"
#include "hw/intc/cr16-icu.h"

typedef struct SlotTest {
    QTestState *qts;
    CR16Slots sl;
} SlotTest;

static bool slot_setup_args(SlotTest *t, const char *args)
{
    t->qts = cr16_virt_init(args);
    if (!t->qts) {
        return false;
    }
    if (!cr16_slots_find(t->qts, &t->sl)) {
        g_test_skip("the virt board has no cr16-slot-controller");
        qtest_quit(t->qts);
        return false;
    }
    g_assert_cmpuint(t->sl.nslots, >=, 2);
    return true;
}

static bool slot_setup(SlotTest *t)
{
    return slot_setup_args(t, NULL);
}

static void slot_teardown(SlotTest *t)
{
    qtest_quit(t->qts);
    cr16_slots_clear(&t->sl);
}

static uint16_t rd(SlotTest *t, unsigned reg)
{
    return qtest_readw(t->qts, t->sl.regs + reg);
}

static void wr(SlotTest *t, unsigned reg, uint16_t val)
{
    qtest_writew(t->qts, t->sl.regs + reg, val);
}

static void add_memcard(SlotTest *t, const char *id, unsigned slot)
{
    g_autofree char *bus = g_strdup_printf("slot.%u", slot);

    qtest_qmp_device_add(t->qts, "cr16-memcard", id, "{'bus': %s}", bus);
}

/* The controller describes itself and the empty slots. */
static void test_registers(void)
{
    SlotTest t;
    uint64_t win0;

    if (!slot_setup(&t)) {
        return;
    }
    g_assert_cmphex(rd(&t, SLOTCTRL_ID), ==, SLOTCTRL_ID_VALUE);
    g_assert_cmpuint(t.sl.nslots, <=, CR16_SLOT_MAX);
    g_assert_cmphex(rd(&t, SLOTCTRL_CTRL), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_EJECT_REQ), ==, 0);
    for (unsigned n = 0; n < t.sl.nslots; n++) {
        g_assert_cmphex(rd(&t, SLOTCTRL_KIND(n)), ==, SLOT_KIND_EMPTY);
    }
    /* WINBASE/WINSIZE agree with where the windows really are. */
    g_assert_true(cr16_find_region(t.qts, "slot.0", &win0, NULL));
    g_assert_cmphex(win0, ==, t.sl.win_base);
    g_assert_true(cr16_find_region(t.qts, "slot.1", &win0, NULL));
    g_assert_cmphex(win0, ==, t.sl.win_base + t.sl.win_size);
    slot_teardown(&t);
}

/* Without a guest driver device_del removes at once; events are kept. */
static void test_plug_unplug_no_driver(void)
{
    SlotTest t;
    uint64_t win;

    if (!slot_setup(&t)) {
        return;
    }
    win = cr16_slot_window(&t.sl, 1);
    add_memcard(&t, "mc", 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_KIND(1)), ==, SLOT_KIND_MEMCARD);
    g_assert_cmphex(rd(&t, SLOTCTRL_PLUG_EVT), ==, 1 << 1);
    /* The card answers in slot 1's window. */
    g_assert_cmphex(qtest_readw(t.qts, win + MEMCARD_R_ID), ==,
                    MEMCARD_ID_VALUE);

    g_assert_true(qtest_qmp_device_del(t.qts, "mc"));
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_KIND(1)), ==, SLOT_KIND_EMPTY);
    g_assert_cmphex(rd(&t, SLOTCTRL_UNPLUG_EVT), ==, 1 << 1);
    /* The window is empty again. */
    g_assert_cmphex(qtest_readw(t.qts, win + MEMCARD_R_ID), ==, 0);
    /* Events are write-one-to-clear. */
    wr(&t, SLOTCTRL_PLUG_EVT, 1 << 1);
    wr(&t, SLOTCTRL_UNPLUG_EVT, 1 << 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_PLUG_EVT), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_UNPLUG_EVT), ==, 0);
    slot_teardown(&t);
}

/* With CTRL.EN, device_del asks the guest and waits for its EJECT. */
static void test_eject_request(void)
{
    SlotTest t;
    json_t *ev;

    if (!slot_setup(&t)) {
        return;
    }
    qtest_irq_intercept_out_named(t.qts, t.sl.ctrl_path, "sysbus-irq");
    wr(&t, SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    add_memcard(&t, "mc", 0);
    /* The plug event interrupts the driver; acknowledging it lowers it. */
    g_assert_true(qtest_get_irq(t.qts, 0));
    wr(&t, SLOTCTRL_PLUG_EVT, 1 << 0);
    g_assert_false(qtest_get_irq(t.qts, 0));

    qtest_qmp_device_del_send(t.qts, "mc");
    g_assert_cmphex(rd(&t, SLOTCTRL_EJECT_REQ), ==, 1 << 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_EJREQ_EVT), ==, 1 << 0);
    g_assert_true(qtest_get_irq(t.qts, 0));
    /* Still there until the guest agrees. */
    g_assert_null(qtest_qmp_eventwait_timeout(t.qts, "DEVICE_DELETED", 200));
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    /* Asking twice is refused while the first request is pending. */
    qmp_expect_error_and_unref(qtest_qmp(t.qts, "{'execute': 'device_del',"
                                         " 'arguments': {'id': 'mc'}}"),
                               "GenericError");

    wr(&t, SLOTCTRL_EJREQ_EVT, 1 << 0);
    wr(&t, SLOTCTRL_EJECT, 1 << 0);
    ev = qtest_qmp_eventwait_ref(t.qts, "DEVICE_DELETED");
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "device")), ==, "mc");
    json_decref(ev);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_EJECT_REQ), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_UNPLUG_EVT), ==, 1 << 0);
    slot_teardown(&t);
}

/* Turning the driver off completes the pending requests. */
static void test_disable_flushes_requests(void)
{
    SlotTest t;

    if (!slot_setup(&t)) {
        return;
    }
    wr(&t, SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    add_memcard(&t, "mc", 1);
    qtest_qmp_device_del_send(t.qts, "mc");
    g_assert_cmphex(rd(&t, SLOTCTRL_EJECT_REQ), ==, 1 << 1);
    wr(&t, SLOTCTRL_CTRL, 0);
    qtest_qmp_eventwait(t.qts, "DEVICE_DELETED");
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 0);
    slot_teardown(&t);
}

/* The guest may eject a device nobody asked to remove. */
static void test_guest_initiated_eject(void)
{
    SlotTest t;

    if (!slot_setup(&t)) {
        return;
    }
    wr(&t, SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    add_memcard(&t, "mc", 0);
    /* Ejecting an empty slot is ignored. */
    wr(&t, SLOTCTRL_EJECT, 1 << 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    wr(&t, SLOTCTRL_EJECT, 1 << 0);
    qtest_qmp_eventwait(t.qts, "DEVICE_DELETED");
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 0);
    /* The id and the slot are free again. */
    add_memcard(&t, "mc", 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    slot_teardown(&t);
}

/* One device per slot; a refused plug changes nothing. */
static void test_occupied_slot(void)
{
    SlotTest t;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    if (!slot_setup(&t)) {
        return;
    }
    add_memcard(&t, "mc0", 0);
    before = cr16_mtree(t.qts);
    qmp_expect_error_and_unref(qtest_qmp(t.qts, "{'execute': 'device_add',"
        " 'arguments': {'driver': 'cr16-memcard', 'id': 'mc1',"
        " 'bus': 'slot.0'}}"), "GenericError");
    after = cr16_mtree(t.qts);
    g_assert_cmpstr(before, ==, after);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    /* The refused id was not taken. */
    add_memcard(&t, "mc1", 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 3);
    slot_teardown(&t);
}

/* A slot device's interrupt reaches the ICU through the controller. */
static void test_slot_irq(void)
{
    SlotTest t;
    g_autofree char *icu = NULL;
    uint64_t win;
    int line;

    if (!slot_setup(&t)) {
        return;
    }
    qtest_qmp_device_add(t.qts, "ns16550a", "uart9", "{'bus': 'slot.1'}");
    icu = cr16_find_object(t.qts, "/machine", TYPE_CR16_ICU);
    g_assert_nonnull(icu);
    line = cr16_irq_input_of(t.qts, "/machine/peripheral/uart9",
                             "sysbus-irq[0]", TYPE_CR16_ICU);
    g_assert_cmpint(line, >=, 0);
    qtest_irq_intercept_in(t.qts, icu);
    win = cr16_slot_window(&t.sl, 1);
    /* THRE interrupt: raised as soon as it is enabled. */
    qtest_writeb(t.qts, win + UART_IER, UART_IER_THRI);
    g_assert_true(qtest_get_irq(t.qts, line));
    /* Unplugging a device with its interrupt raised lowers the line. */
    g_assert_true(qtest_qmp_device_del(t.qts, "uart9"));
    g_assert_false(qtest_get_irq(t.qts, line));
    slot_teardown(&t);
}

/* A reset clears CTRL and the events but keeps the devices. */
static void test_reset(void)
{
    SlotTest t;

    if (!slot_setup(&t)) {
        return;
    }
    wr(&t, SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    add_memcard(&t, "mc", 1);
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(rd(&t, SLOTCTRL_CTRL), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_PLUG_EVT), ==, 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 1);
    g_assert_cmphex(rd(&t, SLOTCTRL_KIND(1)), ==, SLOT_KIND_MEMCARD);
    slot_teardown(&t);
}

/* Slots marked for surprise removal ignore the guest driver. */
static void test_surprise_removal(void)
{
    SlotTest t;

    if (!slot_setup_args(&t, "-machine surprise-removal=2")) {
        return;
    }
    g_assert_cmphex(rd(&t, SLOTCTRL_SURPRISE), ==, 1 << 1);
    wr(&t, SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    add_memcard(&t, "m0", 0);
    add_memcard(&t, "m1", 1);
    /* Slot 1: gone without asking the guest. */
    g_assert_true(qtest_qmp_device_del(t.qts, "m1"));
    g_assert_cmphex(rd(&t, SLOTCTRL_PRESENT), ==, 1 << 0);
    g_assert_cmphex(rd(&t, SLOTCTRL_UNPLUG_EVT), ==, 1 << 1);
    /* Slot 0: the usual request. */
    qtest_qmp_device_del_send(t.qts, "m0");
    g_assert_cmphex(rd(&t, SLOTCTRL_EJECT_REQ), ==, 1 << 0);
    slot_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-slots/registers", test_registers);
    qtest_add_func("cr16-slots/plug-unplug-no-driver",
                   test_plug_unplug_no_driver);
    qtest_add_func("cr16-slots/eject-request", test_eject_request);
    qtest_add_func("cr16-slots/disable-flushes-requests",
                   test_disable_flushes_requests);
    qtest_add_func("cr16-slots/guest-initiated-eject",
                   test_guest_initiated_eject);
    qtest_add_func("cr16-slots/occupied-slot", test_occupied_slot);
    qtest_add_func("cr16-slots/slot-irq", test_slot_irq);
    qtest_add_func("cr16-slots/reset", test_reset);
    qtest_add_func("cr16-slots/surprise-removal", test_surprise_removal);
    return g_test_run();
}
