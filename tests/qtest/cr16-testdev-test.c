/*
 * cr16-testdev: the device guest tests use to end the run with a status.
 * Each exit form is checked through the emulator's real exit status and
 * the SHUTDOWN event, on the "none" board with the device mapped by its
 * own "addr" property, and on virt where the board provides one.
 * Register map: include/hw/misc/cr16-testdev.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/misc/cr16-testdev.h"

#define TESTDEV_ADDR 0xff0000

static QTestState *testdev_init(void)
{
    return qtest_initf("-machine none -device cr16-testdev,addr=0x%x",
                       TESTDEV_ADDR);
}

static void test_id(void)
{
    QTestState *qts = testdev_init();

    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + TESTDEV_R_ID), ==,
                    TESTDEV_ID);
    /* EXIT reads as 0. */
    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + TESTDEV_R_EXIT), ==, 0);
    qtest_quit(qts);
}

/* Write @val to EXIT; the emulator must exit with @status. */
static void check_exit(uint32_t val, int status)
{
    QTestState *qts = testdev_init();
    json_t *ev;

    qtest_writew(qts, TESTDEV_ADDR + TESTDEV_R_EXIT, val);
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "reason")), ==, "guest-shutdown");
    g_assert_true(json_is_true(json_object_get(
        json_object_get(ev, "data"), "guest")));
    json_decref(ev);
    g_assert_true(qtest_wait_qemu(qts));
    qtest_set_expected_status(qts, status);
    qtest_quit(qts);
}

static void test_exit_pass(void)
{
    check_exit(TESTDEV_PASS, 0);
}

static void test_exit_fail(void)
{
    check_exit(TESTDEV_FAIL, 1);
}

/* (code << 1) | 1 exits with code. */
static void test_exit_code(void)
{
    check_exit((42 << 1) | 1, 42);
}

static void test_exit_zero(void)
{
    check_exit(1, 0);
}

/* A guest reset request resets the machine, emits RESET with reason
 * guest-reset, and the emulator keeps running. */
static void test_reset(void)
{
    QTestState *qts = testdev_init();
    json_t *ev;

    qtest_writew(qts, TESTDEV_ADDR + TESTDEV_R_EXIT, TESTDEV_RESET);
    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + TESTDEV_R_ID), ==,
                    TESTDEV_ID);
    g_assert_true(qtest_probe_child(qts));
    ev = qtest_qmp_eventwait_timeout(qts, "RESET", 2000);
    g_assert_nonnull(ev);
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "reason")), ==, "guest-reset");
    json_decref(ev);
    qtest_quit(qts);
}

/* Unknown even values and writes to ID are ignored. */
static void test_ignored_writes(void)
{
    QTestState *qts = testdev_init();

    qtest_writew(qts, TESTDEV_ADDR + TESTDEV_R_EXIT, 0x1234);
    qtest_writew(qts, TESTDEV_ADDR + TESTDEV_R_ID, 1);
    g_assert_true(qtest_probe_child(qts));
    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + TESTDEV_R_ID), ==,
                    TESTDEV_ID);
    qtest_quit(qts);
}

/* With -no-shutdown a guest exit only stops the VM. */
static void test_no_shutdown(void)
{
    QTestState *qts = qtest_initf("-machine none -no-shutdown "
                                  "-device cr16-testdev,addr=0x%x",
                                  TESTDEV_ADDR);
    json_t *st;

    qtest_writew(qts, TESTDEV_ADDR + TESTDEV_R_EXIT, TESTDEV_FAIL);
    qtest_qmp_eventwait(qts, "STOP");
    st = qtest_qmp_assert_success_ref(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(json_string_value(json_object_get(st, "status")), ==,
                    "shutdown");
    json_decref(st);
    /* As in QEMU, the guest's status is kept for the eventual exit. */
    qtest_set_expected_status(qts, 1);
    qtest_quit(qts);
}

/* The virt board's own test device, wherever the board put it. */
static void test_virt(void)
{
    QTestState *qts = cr16_virt_init(NULL);
    uint64_t base;

    if (!qts) {
        return;
    }
    base = cr16_region_base(qts, "cr16-testdev");
    g_assert_cmphex(qtest_readw(qts, base + TESTDEV_R_ID), ==, TESTDEV_ID);
    qtest_writew(qts, base + TESTDEV_R_EXIT, (3 << 1) | 1);
    qtest_qmp_eventwait(qts, "SHUTDOWN");
    g_assert_true(qtest_wait_qemu(qts));
    qtest_set_expected_status(qts, 3);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-testdev/id", test_id);
    qtest_add_func("cr16-testdev/exit-pass", test_exit_pass);
    qtest_add_func("cr16-testdev/exit-fail", test_exit_fail);
    qtest_add_func("cr16-testdev/exit-code", test_exit_code);
    qtest_add_func("cr16-testdev/exit-one", test_exit_zero);
    qtest_add_func("cr16-testdev/reset", test_reset);
    qtest_add_func("cr16-testdev/ignored-writes", test_ignored_writes);
    qtest_add_func("cr16-testdev/no-shutdown", test_no_shutdown);
    qtest_add_func("cr16-testdev/virt", test_virt);
    return g_test_run();
}
