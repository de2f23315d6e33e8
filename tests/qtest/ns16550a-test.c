/*
 * ns16550a: the virt board's UART, with its host end on a socket this
 * test holds.  Registers, the divisor latch, transmit and receive
 * through the chardev (with flow control), the FIFOs and their trigger
 * levels, overrun, the character timeout in virtual time, loopback, and
 * the interrupt identities and line, watched with irq_intercept.
 * Register map: include/hw/char/ns16550a.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/char/ns16550a.h"
#include "hw/intc/cr16-icu.h"

typedef struct UartTest {
    QTestState *qts;
    CR16SocketPeer *peer;
    uint64_t base;
    unsigned shift;         /* the board's regshift */
    char *path;
} UartTest;

static bool uart_setup(UartTest *t)
{
    g_autofree char *chardev = NULL;
    json_t *v;

    t->peer = cr16_peer_new();
    chardev = cr16_peer_chardev_args(t->peer, "ser0");
    t->qts = cr16_virt_initf("%s -serial chardev:ser0", chardev);
    if (!t->qts) {
        cr16_peer_free(t->peer);
        return false;
    }
    cr16_peer_accept(t->peer);
    t->path = cr16_find_object(t->qts, "/machine", TYPE_NS16550A);
    g_assert_nonnull(t->path);
    t->base = cr16_region_base(t->qts, "ns16550a");
    v = qtest_qmp_assert_success_ref(t->qts, "{'execute': 'qom-get',"
        " 'arguments': {'path': %s, 'property': 'regshift'}}", t->path);
    t->shift = json_integer_value(v);
    json_decref(v);
    return true;
}

static void uart_teardown(UartTest *t)
{
    qtest_quit(t->qts);
    cr16_peer_free(t->peer);
    g_free(t->path);
}

static uint8_t rd(UartTest *t, unsigned reg)
{
    return qtest_readb(t->qts, t->base + (reg << t->shift));
}

static void wr(UartTest *t, unsigned reg, uint8_t val)
{
    qtest_writeb(t->qts, t->base + (reg << t->shift), val);
}

/* Watch the UART's own interrupt output as line 0. */
static void watch_irq(UartTest *t)
{
    qtest_irq_intercept_out_named(t->qts, t->path, "sysbus-irq");
}

/* Poll LSR until DR (bytes from the socket arrive via the main loop). */
static bool wait_data_ready(UartTest *t)
{
    for (int i = 0; i < 2000; i++) {
        if (rd(t, UART_LSR) & UART_LSR_DR) {
            return true;
        }
        g_usleep(1000);
    }
    return false;
}

static void test_reset_state(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    g_assert_cmphex(rd(&t, UART_IER), ==, 0);
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_NO_INT);
    g_assert_cmphex(rd(&t, UART_LCR), ==, 0);
    g_assert_cmphex(rd(&t, UART_MCR), ==, 0);
    g_assert_cmphex(rd(&t, UART_LSR), ==, UART_LSR_THRE | UART_LSR_TEMT);
    /* A null-modem cable: CTS, DSR and DCD asserted, nothing changed. */
    g_assert_cmphex(rd(&t, UART_MSR), ==,
                    UART_MSR_CTS | UART_MSR_DSR | UART_MSR_DCD);
    uart_teardown(&t);
}

static void test_scratch(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    for (int v = 0; v < 256; v += 0x55) {
        wr(&t, UART_SCR, v);
        g_assert_cmphex(rd(&t, UART_SCR), ==, v);
    }
    uart_teardown(&t);
}

/* DLAB switches offsets 0 and 1 to the divisor latch and back. */
static void test_divisor_latch(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    wr(&t, UART_IER, UART_IER_RDI);
    wr(&t, UART_LCR, UART_LCR_DLAB | 0x03);
    wr(&t, UART_DLL, 0x0c);
    wr(&t, UART_DLM, 0x01);
    g_assert_cmphex(rd(&t, UART_DLL), ==, 0x0c);
    g_assert_cmphex(rd(&t, UART_DLM), ==, 0x01);
    /* Writing the latch sent nothing. */
    g_assert_cmpuint(cr16_peer_recv(t.peer, (char[1]){0}, 1, 50), ==, 0);
    wr(&t, UART_LCR, 0x03);
    g_assert_cmphex(rd(&t, UART_IER), ==, UART_IER_RDI);
    g_assert_cmphex(rd(&t, UART_LCR), ==, 0x03);
    uart_teardown(&t);
}

/* Bytes written to THR reach the host end in order. */
static void test_transmit(void)
{
    static const char msg[] = "Hello, CR16!\r\n";
    char got[sizeof(msg)] = { 0 };
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    for (size_t i = 0; i < strlen(msg); i++) {
        wr(&t, UART_THR, msg[i]);
        /* Sent at once: THR is empty again after every byte. */
        g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_THRE, ==,
                        UART_LSR_THRE);
    }
    g_assert_cmpuint(cr16_peer_recv(t.peer, got, strlen(msg), 5000), ==,
                     strlen(msg));
    g_assert_cmpstr(got, ==, msg);
    uart_teardown(&t);
}

/* Bytes from the host end are read from RBR in order. */
static void test_receive(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    cr16_peer_send(t.peer, "xyz", 3);
    g_assert_true(wait_data_ready(&t));
    g_assert_cmphex(rd(&t, UART_RBR), ==, 'x');
    /* Without FIFOs one byte is held at a time; the next one follows. */
    g_assert_true(wait_data_ready(&t));
    g_assert_cmphex(rd(&t, UART_RBR), ==, 'y');
    g_assert_true(wait_data_ready(&t));
    g_assert_cmphex(rd(&t, UART_RBR), ==, 'z');
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_DR, ==, 0);
    uart_teardown(&t);
}

/* More input than the FIFO holds is held back by the chardev: no loss. */
static void test_receive_flow_control(void)
{
    char sent[64], got[64];
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    wr(&t, UART_FCR, UART_FCR_FE);
    for (size_t i = 0; i < sizeof(sent); i++) {
        sent[i] = 'A' + i % 26;
    }
    cr16_peer_send(t.peer, sent, sizeof(sent));
    for (size_t i = 0; i < sizeof(got); i++) {
        g_assert_true(wait_data_ready(&t));
        got[i] = rd(&t, UART_RBR);
    }
    g_assert_cmpmem(sent, sizeof(sent), got, sizeof(got));
    g_assert_cmphex(rd(&t, UART_LSR) & (UART_LSR_OE | UART_LSR_DR), ==, 0);
    uart_teardown(&t);
}

/* Loopback: transmitted bytes come back, nothing reaches the host. */
static void test_loopback(void)
{
    UartTest t;
    char c;

    if (!uart_setup(&t)) {
        return;
    }
    wr(&t, UART_MCR, UART_MCR_LOOP);
    wr(&t, UART_THR, 0xa5);
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_DR, ==, UART_LSR_DR);
    g_assert_cmphex(rd(&t, UART_RBR), ==, 0xa5);
    g_assert_cmpuint(cr16_peer_recv(t.peer, &c, 1, 50), ==, 0);
    /* The modem outputs drive the inputs: RTS -> CTS, OUT2 -> DCD. */
    wr(&t, UART_MCR, UART_MCR_LOOP | UART_MCR_RTS | UART_MCR_OUT2);
    g_assert_cmphex(rd(&t, UART_MSR) & (UART_MSR_CTS | UART_MSR_DCD |
                                       UART_MSR_DSR), ==,
                    UART_MSR_CTS | UART_MSR_DCD);
    uart_teardown(&t);
}

/* The RDI interrupt comes at the FIFO trigger level, not before. */
static void test_fifo_trigger(void)
{
    static const struct {
        uint8_t itl;
        unsigned level;
    } levels[] = { { 0x00, 1 }, { 0x40, 4 }, { 0x80, 8 }, { 0xc0, 14 } };
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    watch_irq(&t);
    wr(&t, UART_MCR, UART_MCR_LOOP);
    wr(&t, UART_IER, UART_IER_RDI);
    for (size_t l = 0; l < G_N_ELEMENTS(levels); l++) {
        wr(&t, UART_FCR, UART_FCR_FE | UART_FCR_RFR | levels[l].itl);
        for (unsigned i = 1; i < levels[l].level; i++) {
            wr(&t, UART_THR, i);
        }
        g_assert_false(qtest_get_irq(t.qts, 0));
        wr(&t, UART_THR, 0xff);
        g_assert_true(qtest_get_irq(t.qts, 0));
        g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_FE | UART_IIR_RDI);
        /* Draining below the level clears it. */
        rd(&t, UART_RBR);
        g_assert_false(qtest_get_irq(t.qts, 0));
    }
    uart_teardown(&t);
}

/* A 17th byte into a full FIFO is lost and sets OE, which reading clears. */
static void test_fifo_overrun(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    wr(&t, UART_MCR, UART_MCR_LOOP);
    wr(&t, UART_FCR, UART_FCR_FE);
    for (int i = 0; i <= UART_FIFO_LEN; i++) {
        wr(&t, UART_THR, 0x30 + i);
    }
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_OE, ==, UART_LSR_OE);
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_OE, ==, 0);
    for (int i = 0; i < UART_FIFO_LEN; i++) {
        g_assert_cmphex(rd(&t, UART_RBR), ==, 0x30 + i);
    }
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_DR, ==, 0);
    uart_teardown(&t);
}

/* Fewer bytes than the trigger level interrupt after 4 character times. */
static void test_char_timeout(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    watch_irq(&t);
    wr(&t, UART_MCR, UART_MCR_LOOP);
    wr(&t, UART_FCR, UART_FCR_FE | 0x80);       /* trigger at 8 */
    wr(&t, UART_IER, UART_IER_RDI);
    wr(&t, UART_THR, 'a');
    wr(&t, UART_THR, 'b');
    g_assert_false(qtest_get_irq(t.qts, 0));
    /* Only the timeout is armed: the next deadline is it. */
    qtest_clock_step_next(t.qts);
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_FE | UART_IIR_CTI);
    /* Reading a byte restarts the countdown and clears the interrupt. */
    g_assert_cmphex(rd(&t, UART_RBR), ==, 'a');
    g_assert_false(qtest_get_irq(t.qts, 0));
    uart_teardown(&t);
}

/* THRE interrupts when enabled with THR empty; reading IIR acks it. */
static void test_thre_irq(void)
{
    UartTest t;
    char buf[1];

    if (!uart_setup(&t)) {
        return;
    }
    watch_irq(&t);
    wr(&t, UART_IER, UART_IER_THRI);
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_THRI);
    g_assert_false(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_NO_INT);
    /* Each byte sent empties THR again: a new THRE interrupt. */
    wr(&t, UART_THR, '!');
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_cmpuint(cr16_peer_recv(t.peer, buf, 1, 5000), ==, 1);
    /* Masking the source lowers the line. */
    wr(&t, UART_IER, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    uart_teardown(&t);
}

/* Line status outranks received data, which outranks THRE. */
static void test_irq_priority(void)
{
    UartTest t;

    if (!uart_setup(&t)) {
        return;
    }
    wr(&t, UART_MCR, UART_MCR_LOOP);
    /* No FIFO: a second byte before the first is read overruns. */
    wr(&t, UART_THR, 1);
    wr(&t, UART_THR, 2);
    wr(&t, UART_IER, UART_IER_RDI | UART_IER_RLSI | UART_IER_THRI);
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_RLSI);
    g_assert_cmphex(rd(&t, UART_LSR) & UART_LSR_OE, ==, UART_LSR_OE);
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_RDI);
    g_assert_cmphex(rd(&t, UART_RBR), ==, 2);
    g_assert_cmphex(rd(&t, UART_IIR), ==, UART_IIR_THRI);
    uart_teardown(&t);
}

/* The UART's interrupt reaches its input of the interrupt controller. */
static void test_irq_routing(void)
{
    UartTest t;
    g_autofree char *icu = NULL;
    int line;

    if (!uart_setup(&t)) {
        return;
    }
    icu = cr16_find_object(t.qts, "/machine", TYPE_CR16_ICU);
    g_assert_nonnull(icu);
    line = cr16_irq_input_of(t.qts, t.path, "sysbus-irq[0]", TYPE_CR16_ICU);
    g_assert_cmpint(line, >=, 0);
    qtest_irq_intercept_in(t.qts, icu);
    wr(&t, UART_IER, UART_IER_THRI);
    g_assert_true(qtest_get_irq(t.qts, line));
    wr(&t, UART_IER, 0);
    g_assert_false(qtest_get_irq(t.qts, line));
    uart_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("ns16550a/reset-state", test_reset_state);
    qtest_add_func("ns16550a/scratch", test_scratch);
    qtest_add_func("ns16550a/divisor-latch", test_divisor_latch);
    qtest_add_func("ns16550a/transmit", test_transmit);
    qtest_add_func("ns16550a/receive", test_receive);
    qtest_add_func("ns16550a/receive-flow-control",
                   test_receive_flow_control);
    qtest_add_func("ns16550a/loopback", test_loopback);
    qtest_add_func("ns16550a/fifo-trigger", test_fifo_trigger);
    qtest_add_func("ns16550a/fifo-overrun", test_fifo_overrun);
    qtest_add_func("ns16550a/char-timeout", test_char_timeout);
    qtest_add_func("ns16550a/thre-irq", test_thre_irq);
    qtest_add_func("ns16550a/irq-priority", test_irq_priority);
    qtest_add_func("ns16550a/irq-routing", test_irq_routing);
    return g_test_run();
}
