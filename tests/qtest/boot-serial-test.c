/*
 * Boot each board's own firmware with the CPU running (TCG) and read
 * what it prints on the first serial port, here a socket this test
 * holds.  Boards whose firmware has a monitor are also talked to.
 * Boards without firmware of their own (none; sim, which runs -kernel
 * programs) are covered elsewhere (tests/tcg).
 */
#include "qemu/osdep.h"
#include "cr16-board.h"

typedef struct BootCase {
    const char *machine;
    const char *args;           /* extra command-line arguments */
    const char *const expect[4];  /* lines the output must contain */
} BootCase;

static const BootCase boot_cases[] = {
    {
        .machine = "virt",
        .args = "",
        .expect = { "qemu-cr16 virt firmware", "CPU: cr16c",
                    "RAM: 1024 KiB", "> " },
    },
    {
        .machine = "virt",
        .args = "-m 2M -device cr16-memcard,bus=slot.1",
        .expect = { "qemu-cr16 virt firmware", "RAM: 2048 KiB",
                    "slot 1", "memory card" },
    },
};

typedef struct Serial {
    CR16SocketPeer *peer;
    GString *out;
} Serial;

/* Read the serial output until it contains @text, up to @timeout_s. */
static bool serial_wait_for(Serial *ser, const char *text, int timeout_s)
{
    int64_t deadline = g_get_monotonic_time() + timeout_s * G_USEC_PER_SEC;

    while (!strstr(ser->out->str, text)) {
        char buf[256];
        size_t n;

        if (g_get_monotonic_time() >= deadline) {
            return false;
        }
        n = cr16_peer_recv(ser->peer, buf, sizeof(buf), 100);
        /* Short reads are normal: take what came. */
        if (!n) {
            continue;
        }
        g_string_append_len(ser->out, buf, n);
    }
    return true;
}

static QTestState *boot(const BootCase *bc, Serial *ser)
{
    g_autofree char *chardev = NULL;
    g_autofree char *args = NULL;
    QTestState *qts;

    ser->peer = cr16_peer_new();
    ser->out = g_string_new(NULL);
    chardev = cr16_peer_chardev_args(ser->peer, "serial0");
    args = g_strdup_printf("-machine %s %s -serial chardev:serial0 %s",
                           bc->machine, chardev, bc->args);
    qts = qtest_init_with_cpu(args);
    cr16_peer_accept(ser->peer);
    return qts;
}

static void serial_free(Serial *ser)
{
    cr16_peer_free(ser->peer);
    g_string_free(ser->out, true);
}

static void test_boot(const void *data)
{
    const BootCase *bc = data;
    int timeout = qtest_timeout_seconds();
    QTestState *qts;
    Serial ser;
    json_t *st;

    if (!qtest_has_machine(bc->machine)) {
        g_test_skip("this binary has no such machine yet");
        return;
    }
    qts = boot(bc, &ser);
    for (int i = 0; i < 4 && bc->expect[i]; i++) {
        if (!serial_wait_for(&ser, bc->expect[i], timeout)) {
            g_test_message("serial output so far:\n%s", ser.out->str);
            g_test_fail_printf("'%s' did not appear on the serial port "
                               "within %d s", bc->expect[i], timeout);
            break;
        }
    }
    /* The guest is really running. */
    st = qtest_qmp_assert_success_ref(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(json_string_value(json_object_get(st, "status")), ==,
                    "running");
    json_decref(st);
    qtest_quit(qts);
    serial_free(&ser);
}

/* The virt firmware's monitor answers on the same line. */
static void test_virt_monitor(void)
{
    QTestState *qts;
    Serial ser;

    if (!qtest_has_machine("virt")) {
        g_test_skip("this binary has no 'virt' machine yet");
        return;
    }
    qts = boot(&boot_cases[0], &ser);
    g_assert_true(serial_wait_for(&ser, "> ", qtest_timeout_seconds()));
    g_string_truncate(ser.out, 0);
    cr16_peer_send(ser.peer, "help\r", 5);
    /* The help text ends with the "demo" command's line. */
    if (!serial_wait_for(&ser, "demo", qtest_timeout_seconds())) {
        g_test_message("serial output:\n%s", ser.out->str);
        g_test_fail_printf("no help text from the firmware's monitor");
    }
    qtest_quit(qts);
    serial_free(&ser);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    for (size_t i = 0; i < G_N_ELEMENTS(boot_cases); i++) {
        g_autofree char *path = g_strdup_printf("boot-serial/%s/%zu",
                                                boot_cases[i].machine, i);

        qtest_add_data_func(path, &boot_cases[i], test_boot);
    }
    qtest_add_func("boot-serial/virt/monitor", test_virt_monitor);
    return g_test_run();
}
