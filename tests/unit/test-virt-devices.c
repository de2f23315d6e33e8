/*
 * The virt board's devices, each driven directly through its registers:
 * ns16550a, cr16-timer, cr16-icu, cr16-rtc, unimplemented-device,
 * cr16-dmatest, cr16-memcard and the expansion-slot hotplug controller.
 *
 * Devices are mapped into system memory and accessed with
 * address_space_ld and _st calls, as the CPU would; virtual time runs in qtest
 * mode and moves only when a test steps it; interrupt outputs are wired
 * to probe lines that record their level.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "chardev/char-fe.h"
#include "hw/qdev-properties.h"
#include "hw/char/ns16550a.h"
#include "hw/cr16/virt-slots.h"
#include "hw/intc/cr16-icu.h"
#include "hw/misc/cr16-dmatest.h"
#include "hw/misc/cr16-memcard.h"
#include "hw/misc/unimp.h"
#include "hw/rtc/cr16-rtc.h"
#include "hw/timer/cr16-timer.h"
#include "system/memory.h"

/* Where the tests map things (the virt board's addresses where it has). */
#define UART_BASE       0xff0000
#define TIMER_BASE      0xff0100
#define RTC_BASE        0xff0200
#define SLOTCTRL_BASE   0xff0400
#define SLOTWIN_BASE    0xff4000
#define ICU_BASE        0xfffe00
#define UNIMP_BASE      0xf00000
#define RAM_SIZE        0x10000

/* ---- memory access ------------------------------------------------- */

static uint8_t rd8(hwaddr addr)
{
    MemTxResult r;
    uint8_t v = address_space_ldub(&address_space_memory, addr,
                                   MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr8(hwaddr addr, uint8_t v)
{
    MemTxResult r;

    address_space_stb(&address_space_memory, addr, v,
                      MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static uint16_t rd16(hwaddr addr)
{
    MemTxResult r;
    uint16_t v = address_space_lduw_le(&address_space_memory, addr,
                                       MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr16(hwaddr addr, uint16_t v)
{
    MemTxResult r;

    address_space_stw_le(&address_space_memory, addr, v,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static uint32_t rd32(hwaddr addr)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&address_space_memory, addr,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr32(hwaddr addr, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, addr, v,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

/* Whether anything answers at @addr. */
static bool mapped_at(hwaddr addr)
{
    MemTxResult r;

    address_space_ldub(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       &r);
    return r == MEMTX_OK;
}

/* ---- time, interrupts, deletions ---------------------------------- */

static void clock_step(int64_t ns)
{
    qemu_clock_advance_virtual_time(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                                    ns);
}

typedef struct IrqProbe {
    int level;
    int raises;     /* 0 -> 1 transitions seen */
} IrqProbe;

static void probe_set(void *opaque, int n, int level)
{
    IrqProbe *p = opaque;

    if (level && !p->level) {
        p->raises++;
    }
    p->level = level;
}

static qemu_irq probe_new(IrqProbe *p)
{
    memset(p, 0, sizeof(*p));
    return qemu_allocate_irq(probe_set, p, 0);
}

/* "id;" for every device with an id finalized after being realized. */
static GString *deleted;

static void record_deleted(void *opaque, const char *id, const char *path)
{
    if (id) {
        g_string_append_printf(deleted, "%s;", id);
    }
}

/* ---- a chardev that records output --------------------------------- */

#define TYPE_CHARDEV_TESTBUF "chardev-testbuf"

typedef struct TestBufChardev {
    Chardev parent_obj;
    GString *out;
} TestBufChardev;

#define TESTBUF(obj) OBJECT_CHECK(TestBufChardev, (obj), TYPE_CHARDEV_TESTBUF)

static int testbuf_write(Chardev *chr, const uint8_t *buf, int len)
{
    g_string_append_len(TESTBUF(chr)->out, (const char *)buf, len);
    return len;
}

static void testbuf_init(Object *obj)
{
    TESTBUF(obj)->out = g_string_new(NULL);
}

static void testbuf_finalize(Object *obj)
{
    g_string_free(TESTBUF(obj)->out, true);
}

static void testbuf_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = testbuf_write;
    cc->internal = true;
}

static const TypeInfo testbuf_info = {
    .name = TYPE_CHARDEV_TESTBUF,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(TestBufChardev),
    .instance_init = testbuf_init,
    .instance_finalize = testbuf_finalize,
    .class_init = testbuf_class_init,
};

static TestBufChardev *testbuf_new(const char *id)
{
    Object *obj = object_new(TYPE_CHARDEV_TESTBUF);

    CHARDEV(obj)->label = g_strdup(id);
    object_property_add_child(object_get_container("chardevs"), id, obj);
    object_unref(obj);
    return TESTBUF(obj);
}

/* Offer @len bytes as the host end would: only what the UART takes. */
static int testbuf_send(TestBufChardev *t, const char *buf, int len)
{
    int room = qemu_chr_be_can_write(CHARDEV(t));
    int n = MIN(room, len);

    if (n > 0) {
        qemu_chr_be_write(CHARDEV(t), (const uint8_t *)buf, n);
    }
    return n;
}

/* ==================================================================== */
/* ns16550a                                                             */
/* ==================================================================== */

typedef struct Uart {
    TestBufChardev *chr;
    BusState *bus;
    DeviceState *dev;
    qemu_irq line;
    IrqProbe irq;
    unsigned shift;
} Uart;

static void uart_setup(Uart *u, unsigned regshift)
{
    u->chr = testbuf_new("uart-chr");
    u->bus = BUS(cr16_slot_bus_new_onboard(qdev_get_machine(), "uart-bus"));
    u->dev = qdev_new(TYPE_NS16550A);
    u->shift = regshift;
    qdev_prop_set_string(u->dev, "chardev", "uart-chr");
    qdev_prop_set_uint8(u->dev, "regshift", regshift);
    qdev_realize_and_unref(u->dev, u->bus, &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(u->dev), 0, UART_BASE);
    u->line = probe_new(&u->irq);
    sysbus_connect_irq(SYS_BUS_DEVICE(u->dev), 0, u->line);
}

static void uart_teardown(Uart *u)
{
    object_unparent(OBJECT(u->dev));
    object_unparent(OBJECT(u->bus));
    qemu_free_irq(u->line);
    object_unparent(OBJECT(u->chr));
    g_assert_false(mapped_at(UART_BASE));
}

static uint8_t uart_rd(Uart *u, unsigned reg)
{
    return rd8(UART_BASE + (reg << u->shift));
}

static void uart_wr(Uart *u, unsigned reg, uint8_t v)
{
    wr8(UART_BASE + (reg << u->shift), v);
}

static void test_uart_reset_values(void)
{
    Uart u;

    uart_setup(&u, 0);
    g_assert_cmphex(uart_rd(&u, UART_LSR), ==, UART_LSR_THRE | UART_LSR_TEMT);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_NO_INT);
    g_assert_cmphex(uart_rd(&u, UART_IER), ==, 0);
    /* Null modem: CTS, DSR and DCD asserted, no deltas. */
    g_assert_cmphex(uart_rd(&u, UART_MSR), ==, 0xb0);
    g_assert_cmpint(u.irq.level, ==, 0);
    uart_teardown(&u);
}

static void test_uart_tx_to_chardev(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_THR, 'o');
    uart_wr(&u, UART_THR, 'k');
    g_assert_cmpstr(u.chr->out->str, ==, "ok");
    /* Sent at once: THR and the shifter are empty again. */
    g_assert_cmphex(uart_rd(&u, UART_LSR) & 0x60, ==, 0x60);
    uart_teardown(&u);
}

static void test_uart_thr_empty_irq(void)
{
    Uart u;

    uart_setup(&u, 0);
    /* Enabling the THRE interrupt while THR is empty fires at once. */
    uart_wr(&u, UART_IER, UART_IER_THRI);
    g_assert_cmpint(u.irq.level, ==, 1);
    /* Reading IIR while it says THRE acknowledges it. */
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_THRI);
    g_assert_cmpint(u.irq.level, ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_NO_INT);
    /* Each transmitted byte empties THR again and interrupts again. */
    uart_wr(&u, UART_THR, 'x');
    g_assert_cmpint(u.irq.level, ==, 1);
    g_assert_cmpint(u.irq.raises, ==, 2);
    uart_teardown(&u);
}

static void test_uart_rx_16450_mode(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_RDI);
    /* Without FIFOs the receiver holds one byte. */
    g_assert_cmpint(testbuf_send(u.chr, "ab", 2), ==, 1);
    g_assert_cmpint(u.irq.level, ==, 1);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_RDI);
    g_assert_cmphex(uart_rd(&u, UART_LSR) & UART_LSR_DR, ==, UART_LSR_DR);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 'a');
    g_assert_cmpint(u.irq.level, ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_LSR) & UART_LSR_DR, ==, 0);
    g_assert_cmpint(testbuf_send(u.chr, "b", 1), ==, 1);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 'b');
    uart_teardown(&u);
}

static void test_uart_fifo_flow_control(void)
{
    Uart u;
    char buf[20];

    uart_setup(&u, 0);
    memset(buf, 'z', sizeof(buf));
    uart_wr(&u, UART_FCR, UART_FCR_FE);
    /* The host end may push only what fits in the 16-byte FIFO. */
    g_assert_cmpint(testbuf_send(u.chr, buf, 20), ==, 16);
    g_assert_cmpint(testbuf_send(u.chr, buf, 4), ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 'z');
    g_assert_cmpint(testbuf_send(u.chr, buf, 4), ==, 1);
    /* IIR shows the FIFOs are on. */
    g_assert_cmphex(uart_rd(&u, UART_IIR) & UART_IIR_FE, ==, UART_IIR_FE);
    uart_teardown(&u);
}

static void test_uart_fifo_trigger_level(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_RDI);
    /* FIFOs on, trigger level 8 (ITL = 10b). */
    uart_wr(&u, UART_FCR, UART_FCR_FE | 0x80);
    g_assert_cmpint(testbuf_send(u.chr, "1234567", 7), ==, 7);
    g_assert_cmpint(u.irq.level, ==, 0);
    g_assert_cmpint(testbuf_send(u.chr, "8", 1), ==, 1);
    g_assert_cmpint(u.irq.level, ==, 1);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_FE | UART_IIR_RDI);
    /* Below the level again after one read. */
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, '1');
    g_assert_cmpint(u.irq.level, ==, 0);
    uart_teardown(&u);
}

static void test_uart_fifo_char_timeout(void)
{
    Uart u;
    /* 8N1 (10 bits) at divisor 1 of 115200: four characters ~347 us. */
    const int64_t four_chars = 4 * 10 * INT64_C(1000000000) / 115200;

    uart_setup(&u, 0);
    uart_wr(&u, UART_LCR, UART_LCR_DLAB);
    uart_wr(&u, UART_DLL, 1);
    uart_wr(&u, UART_DLM, 0);
    uart_wr(&u, UART_LCR, 0x03);
    uart_wr(&u, UART_IER, UART_IER_RDI);
    uart_wr(&u, UART_FCR, UART_FCR_FE | 0xc0);     /* trigger 14 */
    g_assert_cmpint(testbuf_send(u.chr, "abc", 3), ==, 3);
    g_assert_cmpint(u.irq.level, ==, 0);
    clock_step(four_chars - 1000);
    g_assert_cmpint(u.irq.level, ==, 0);
    clock_step(2000);
    /* Data sits below the trigger with no activity: timeout. */
    g_assert_cmpint(u.irq.level, ==, 1);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_FE | UART_IIR_CTI);
    /* Any read clears it and restarts the count. */
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 'a');
    g_assert_cmpint(u.irq.level, ==, 0);
    clock_step(four_chars + 1000);
    g_assert_cmpint(u.irq.level, ==, 1);
    uart_rd(&u, UART_RBR);
    uart_rd(&u, UART_RBR);
    /* Empty FIFO: no more timeouts. */
    clock_step(10 * four_chars);
    g_assert_cmpint(u.irq.level, ==, 0);
    uart_teardown(&u);
}

static void test_uart_divisor_latch(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_MSI);
    uart_wr(&u, UART_LCR, UART_LCR_DLAB | 0x03);
    uart_wr(&u, UART_DLL, 0x34);
    uart_wr(&u, UART_DLM, 0x12);
    g_assert_cmphex(uart_rd(&u, UART_DLL), ==, 0x34);
    g_assert_cmphex(uart_rd(&u, UART_DLM), ==, 0x12);
    uart_wr(&u, UART_LCR, 0x03);
    /* With DLAB clear the same offsets are IER and RBR again. */
    g_assert_cmphex(uart_rd(&u, UART_IER), ==, UART_IER_MSI);
    g_assert_cmphex(uart_rd(&u, UART_LCR), ==, 0x03);
    g_assert_cmpstr(u.chr->out->str, ==, "");
    uart_teardown(&u);
}

static void test_uart_loopback(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_MCR, UART_MCR_LOOP);
    /* Loopback: the wires to the outside are cut in both directions. */
    g_assert_cmpint(testbuf_send(u.chr, "x", 1), ==, 0);
    uart_wr(&u, UART_THR, 'L');
    g_assert_cmpstr(u.chr->out->str, ==, "");
    g_assert_cmphex(uart_rd(&u, UART_LSR) & UART_LSR_DR, ==, UART_LSR_DR);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 'L');
    /* Modem outputs feed the inputs: RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD */
    uart_rd(&u, UART_MSR);
    uart_wr(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_RTS | UART_MCR_OUT1);
    g_assert_cmphex(uart_rd(&u, UART_MSR) & 0xf0, ==,
                    UART_MSR_CTS | UART_MSR_RI);
    uart_wr(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_DTR | UART_MCR_OUT2);
    /* CTS fell, DSR rose, RI's trailing edge, DCD rose. */
    g_assert_cmphex(uart_rd(&u, UART_MSR), ==,
                    UART_MSR_DSR | UART_MSR_DCD | UART_MSR_DCTS |
                    UART_MSR_DDSR | UART_MSR_TERI | UART_MSR_DDCD);
    /* Deltas clear on read. */
    g_assert_cmphex(uart_rd(&u, UART_MSR) & UART_MSR_DELTAS, ==, 0);
    uart_teardown(&u);
}

static void test_uart_overrun(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_RLSI);
    uart_wr(&u, UART_MCR, UART_MCR_LOOP);
    /* 16450 mode: a second byte before the first was read overruns. */
    uart_wr(&u, UART_THR, '1');
    g_assert_cmpint(u.irq.level, ==, 0);
    uart_wr(&u, UART_THR, '2');
    g_assert_cmpint(u.irq.level, ==, 1);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_RLSI);
    g_assert_cmphex(uart_rd(&u, UART_LSR) & UART_LSR_OE, ==, UART_LSR_OE);
    /* Reading LSR clears the error and the interrupt. */
    g_assert_cmpint(u.irq.level, ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_LSR) & UART_LSR_OE, ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, '2');
    uart_teardown(&u);
}

static void test_uart_break(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_RLSI | UART_IER_RDI);
    qemu_chr_be_event(CHARDEV(u.chr), CHR_EVENT_BREAK);
    g_assert_cmpint(u.irq.level, ==, 1);
    /* Line status outranks received data. */
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_RLSI);
    g_assert_cmphex(uart_rd(&u, UART_LSR) & (UART_LSR_BI | UART_LSR_DR), ==,
                    UART_LSR_BI | UART_LSR_DR);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_RDI);
    g_assert_cmphex(uart_rd(&u, UART_RBR), ==, 0);
    g_assert_cmpint(u.irq.level, ==, 0);
    uart_teardown(&u);
}

static void test_uart_priority_rx_over_thre(void)
{
    Uart u;

    uart_setup(&u, 0);
    uart_wr(&u, UART_IER, UART_IER_RDI | UART_IER_THRI);
    testbuf_send(u.chr, "q", 1);
    /* Both pending: received data first, THRE after it is served. */
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_RDI);
    uart_rd(&u, UART_RBR);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_THRI);
    g_assert_cmphex(uart_rd(&u, UART_IIR), ==, UART_IIR_NO_INT);
    uart_teardown(&u);
}

static void test_uart_regshift(void)
{
    Uart u;

    uart_setup(&u, 2);
    uart_wr(&u, UART_SCR, 0x5a);
    g_assert_cmphex(uart_rd(&u, UART_SCR), ==, 0x5a);
    /* Registers are 4 bytes apart: SCR lives at 0x1c. */
    g_assert_cmphex(rd8(UART_BASE + 0x1c), ==, 0x5a);
    g_assert_cmphex(rd8(UART_BASE + 7), ==, 0);
    g_assert_cmphex(uart_rd(&u, UART_LSR), ==, 0x60);
    uart_teardown(&u);
}

static void test_uart_bad_regshift(void)
{
    DeviceState *dev = qdev_new(TYPE_NS16550A);
    BusState *bus = BUS(cr16_slot_bus_new_onboard(qdev_get_machine(),
                                                  "uart-bus"));
    Error *err = NULL;

    qdev_prop_set_uint8(dev, "regshift", 3);
    g_assert_false(qdev_realize(dev, bus, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "regshift"));
    error_free(err);
    object_unparent(OBJECT(bus));
    object_unref(OBJECT(dev));
}

/* ==================================================================== */
/* cr16-timer                                                           */
/* ==================================================================== */

typedef struct Timer {
    DeviceState *dev;
    qemu_irq line[2];
    IrqProbe irq[2];
} Timer;

static void timer_setup(Timer *t)
{
    t->dev = qdev_new(TYPE_CR16_TIMER);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(t->dev), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(t->dev), 0, TIMER_BASE);
    for (int i = 0; i < 2; i++) {
        t->line[i] = probe_new(&t->irq[i]);
        sysbus_connect_irq(SYS_BUS_DEVICE(t->dev), i, t->line[i]);
    }
}

static void timer_teardown(Timer *t)
{
    object_unparent(OBJECT(t->dev));
    qemu_free_irq(t->line[0]);
    qemu_free_irq(t->line[1]);
}

/* 10 MHz input clock: one tick is 100 ns with PRESCALE = 0. */
static void test_timer_oneshot_irq(void)
{
    Timer t;

    timer_setup(&t);
    g_assert_cmphex(rd16(TIMER_BASE + CR16_TIMER_ID), ==,
                    CR16_TIMER_ID_VALUE);
    wr32(TIMER_BASE + CR16_TIMER_LOAD(0), 100);
    wr16(TIMER_BASE + CR16_TIMER_CTRL(0),
         CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_IE);
    clock_step(9999);
    g_assert_cmpint(t.irq[0].level, ==, 0);
    g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(0)), ==, 1);
    clock_step(1);
    g_assert_cmpint(t.irq[0].level, ==, 1);
    /* One-shot: stopped at 0, EN cleared. */
    g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(0)), ==, 0);
    g_assert_cmphex(rd16(TIMER_BASE + CR16_TIMER_CTRL(0)) &
                    CR16_TIMER_CTRL_EN, ==, 0);
    /* STATUS is write-1-to-clear and takes the interrupt with it. */
    g_assert_cmphex(rd16(TIMER_BASE + CR16_TIMER_STATUS(0)), ==, 1);
    wr16(TIMER_BASE + CR16_TIMER_STATUS(0), 1);
    g_assert_cmpint(t.irq[0].level, ==, 0);
    g_assert_cmpint(t.irq[1].raises, ==, 0);
    timer_teardown(&t);
}

static void test_timer_periodic(void)
{
    Timer t;

    timer_setup(&t);
    wr32(TIMER_BASE + CR16_TIMER_LOAD(1), 50);     /* 5 us */
    wr16(TIMER_BASE + CR16_TIMER_CTRL(1), CR16_TIMER_CTRL_EN |
         CR16_TIMER_CTRL_PERIODIC | CR16_TIMER_CTRL_IE);
    for (int i = 1; i <= 3; i++) {
        clock_step(5000);
        g_assert_cmpint(t.irq[1].level, ==, 1);
        g_assert_cmpint(t.irq[1].raises, ==, i);
        /* Reloaded: counting down from LOAD again. */
        g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(1)), ==, 50);
        wr16(TIMER_BASE + CR16_TIMER_STATUS(1), 1);
        g_assert_cmpint(t.irq[1].level, ==, 0);
    }
    g_assert_cmpint(t.irq[0].raises, ==, 0);
    timer_teardown(&t);
}

static void test_timer_prescaler(void)
{
    Timer t;

    timer_setup(&t);
    /* PRESCALE 9: one tick per microsecond. */
    wr16(TIMER_BASE + CR16_TIMER_PRESCALE, 9);
    wr32(TIMER_BASE + CR16_TIMER_LOAD(0), 20);
    wr16(TIMER_BASE + CR16_TIMER_CTRL(0),
         CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_IE);
    clock_step(5000);
    g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(0)), ==, 15);
    clock_step(15000);
    g_assert_cmpint(t.irq[0].level, ==, 1);
    timer_teardown(&t);
}

static void test_timer_disable_freezes(void)
{
    Timer t;

    timer_setup(&t);
    wr32(TIMER_BASE + CR16_TIMER_LOAD(0), 1000);
    wr16(TIMER_BASE + CR16_TIMER_CTRL(0),
         CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_IE);
    clock_step(30000);
    wr16(TIMER_BASE + CR16_TIMER_CTRL(0), CR16_TIMER_CTRL_IE);
    g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(0)), ==, 700);
    clock_step(1000000);
    g_assert_cmpuint(rd32(TIMER_BASE + CR16_TIMER_COUNT(0)), ==, 700);
    g_assert_cmpint(t.irq[0].level, ==, 0);
    /* Re-enabling resumes from where it stopped. */
    wr16(TIMER_BASE + CR16_TIMER_CTRL(0),
         CR16_TIMER_CTRL_EN | CR16_TIMER_CTRL_IE);
    clock_step(70000);
    g_assert_cmpint(t.irq[0].level, ==, 1);
    timer_teardown(&t);
}

static void test_timer_load_halves(void)
{
    Timer t;

    timer_setup(&t);
    /* A 16-bit CPU writes a 32-bit reload value one half at a time. */
    wr16(TIMER_BASE + CR16_TIMER_LOAD(0), 0x5678);
    wr16(TIMER_BASE + CR16_TIMER_LOAD(0) + 2, 0x1234);
    g_assert_cmphex(rd32(TIMER_BASE + CR16_TIMER_LOAD(0)), ==, 0x12345678);
    g_assert_cmphex(rd16(TIMER_BASE + CR16_TIMER_COUNT(0) + 2), ==, 0x1234);
    timer_teardown(&t);
}

/* ==================================================================== */
/* cr16-icu                                                             */
/* ==================================================================== */

typedef struct Icu {
    DeviceState *dev;
    qemu_irq cpu_irq, cpu_nmi;
    IrqProbe irq, nmi;
} Icu;

static void icu_setup(Icu *c, uint32_t edge_mask)
{
    c->dev = qdev_new(TYPE_CR16_ICU);
    qdev_prop_set_uint32(c->dev, "edge-mask", edge_mask);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(c->dev), &error_abort);
    device_cold_reset(c->dev);
    sysbus_mmio_map(SYS_BUS_DEVICE(c->dev), 0, ICU_BASE);
    c->cpu_irq = probe_new(&c->irq);
    c->cpu_nmi = probe_new(&c->nmi);
    sysbus_connect_irq(SYS_BUS_DEVICE(c->dev), 0, c->cpu_irq);
    sysbus_connect_irq(SYS_BUS_DEVICE(c->dev), 1, c->cpu_nmi);
}

static void icu_teardown(Icu *c)
{
    object_unparent(OBJECT(c->dev));
    qemu_free_irq(c->cpu_irq);
    qemu_free_irq(c->cpu_nmi);
}

static void icu_line(Icu *c, int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(c->dev, n), level);
}

static void test_icu_ivct_priority(void)
{
    Icu c;

    icu_setup(&c, 0);
    wr16(ICU_BASE + CR16_ICU_IENAM0, 0xffff);
    wr16(ICU_BASE + CR16_ICU_IENAM1, 0xffff);
    /* Nothing pending: no vector, CPU line low. */
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0);
    icu_line(&c, 3, 1);
    icu_line(&c, 20, 1);
    g_assert_cmpint(c.irq.level, ==, 1);
    /* The CPU's acknowledge byte read: highest number wins. */
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0x10 + 20);
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_ISTAT0), ==, 1 << 3);
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_ISTAT1), ==, 1 << 4);
    icu_line(&c, 20, 0);
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0x10 + 3);
    icu_line(&c, 3, 0);
    g_assert_cmpint(c.irq.level, ==, 0);
    icu_teardown(&c);
}

static void test_icu_enable_mask(void)
{
    Icu c;

    icu_setup(&c, 0);
    icu_line(&c, 5, 1);
    /* Pending but disabled: visible in ISTAT, no interrupt. */
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_ISTAT0), ==, 1 << 5);
    g_assert_cmpint(c.irq.level, ==, 0);
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0);
    wr16(ICU_BASE + CR16_ICU_IENAM0, 1 << 5);
    g_assert_cmpint(c.irq.level, ==, 1);
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0x15);
    wr16(ICU_BASE + CR16_ICU_IENAM0, 0);
    g_assert_cmpint(c.irq.level, ==, 0);
    icu_teardown(&c);
}

static void test_icu_edge_latch(void)
{
    Icu c;

    icu_setup(&c, 1u << 7);
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_IEDGE0), ==, 1 << 7);
    wr16(ICU_BASE + CR16_ICU_IENAM0, 1 << 7);
    qemu_irq_pulse(qdev_get_gpio_in(c.dev, 7));
    /* The pulse is over, the request stays until IECLR. */
    g_assert_cmpint(c.irq.level, ==, 1);
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_IVCT), ==, 0x17);
    /* The acknowledge read itself clears nothing. */
    g_assert_cmpint(c.irq.level, ==, 1);
    wr16(ICU_BASE + CR16_ICU_IECLR0, 1 << 7);
    g_assert_cmpint(c.irq.level, ==, 0);
    icu_teardown(&c);
}

static void test_icu_nmi_gating(void)
{
    Icu c;
    qemu_irq pin;

    icu_setup(&c, 0);
    pin = qdev_get_gpio_in_named(c.dev, CR16_ICU_GPIO_NMI, 0);
    /* Off after reset: the pin does nothing. */
    qemu_irq_pulse(pin);
    g_assert_cmpint(c.nmi.raises, ==, 0);
    /* EN allows exactly one NMI. */
    wr16(ICU_BASE + CR16_ICU_EXNMI, CR16_ICU_EXNMI_EN);
    qemu_irq_pulse(pin);
    g_assert_cmpint(c.nmi.raises, ==, 1);
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_EXNMI) & CR16_ICU_EXNMI_EN, ==,
                    0);
    qemu_irq_pulse(pin);
    g_assert_cmpint(c.nmi.raises, ==, 1);
    /* NMISTAT says why, and clears when read. */
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_NMISTAT), ==,
                    CR16_ICU_NMISTAT_EXT);
    g_assert_cmphex(rd16(ICU_BASE + CR16_ICU_NMISTAT), ==, 0);
    /* ENLCK: enabled for good, and cannot be cleared by software. */
    wr16(ICU_BASE + CR16_ICU_EXNMI, CR16_ICU_EXNMI_ENLCK);
    wr16(ICU_BASE + CR16_ICU_EXNMI, 0);
    qemu_irq_pulse(pin);
    qemu_irq_pulse(pin);
    g_assert_cmpint(c.nmi.raises, ==, 3);
    /* The NMI acknowledge read at 0xFFFF00 is answered quietly. */
    g_assert_cmphex(rd8(ICU_BASE + CR16_ICU_NMI_ACK), ==, 0);
    icu_teardown(&c);
}

/* ==================================================================== */
/* cr16-rtc                                                             */
/* ==================================================================== */

typedef struct Rtc {
    DeviceState *dev;
    qemu_irq line;
    IrqProbe irq;
} Rtc;

static void rtc_setup(Rtc *r, const char *clock)
{
    r->dev = qdev_new(TYPE_CR16_RTC);
    qdev_prop_set_string(r->dev, "clock", clock);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(r->dev), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(r->dev), 0, RTC_BASE);
    r->line = probe_new(&r->irq);
    sysbus_connect_irq(SYS_BUS_DEVICE(r->dev), 0, r->line);
}

static void rtc_teardown(Rtc *r)
{
    object_unparent(OBJECT(r->dev));
    qemu_free_irq(r->line);
}

static void test_rtc_counts_vm_seconds(void)
{
    Rtc r;
    uint32_t t0;

    rtc_setup(&r, "vm");
    t0 = rd32(RTC_BASE + CR16_RTC_SECONDS);
    clock_step(INT64_C(3000000000));
    g_assert_cmpuint(rd32(RTC_BASE + CR16_RTC_SECONDS), ==, t0 + 3);
    /* Setting the time moves the count, which keeps running. */
    wr32(RTC_BASE + CR16_RTC_SECONDS, 1000);
    clock_step(INT64_C(2000000000));
    g_assert_cmpuint(rd32(RTC_BASE + CR16_RTC_SECONDS), ==, 1002);
    rtc_teardown(&r);
}

static void test_rtc_alarm_irq(void)
{
    Rtc r;

    rtc_setup(&r, "vm");
    wr32(RTC_BASE + CR16_RTC_SECONDS, 100);
    wr32(RTC_BASE + CR16_RTC_ALARM, 105);
    wr16(RTC_BASE + CR16_RTC_CTRL, CR16_RTC_CTRL_AIE);
    clock_step(INT64_C(4000000000));
    g_assert_cmpint(r.irq.level, ==, 0);
    clock_step(INT64_C(1000000000));
    g_assert_cmpint(r.irq.level, ==, 1);
    g_assert_cmphex(rd16(RTC_BASE + CR16_RTC_STATUS), ==, CR16_RTC_ST_AF);
    wr16(RTC_BASE + CR16_RTC_STATUS, CR16_RTC_ST_AF);
    g_assert_cmpint(r.irq.level, ==, 0);
    rtc_teardown(&r);
}

static void test_rtc_host_clock(void)
{
    Rtc r;

    rtc_setup(&r, "host");
    /* Host mode starts at the host's Unix time (after 2020-01-01). */
    g_assert_cmpuint(rd32(RTC_BASE + CR16_RTC_SECONDS), >, 1577836800u);
    g_assert_cmphex(rd16(RTC_BASE + CR16_RTC_ID), ==, CR16_RTC_ID_VALUE);
    rtc_teardown(&r);
}

static void test_rtc_bad_clock(void)
{
    DeviceState *dev = qdev_new(TYPE_CR16_RTC);
    Error *err = NULL;

    qdev_prop_set_string(dev, "clock", "sundial");
    g_assert_false(sysbus_realize(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "sundial"));
    error_free(err);
    object_unref(OBJECT(dev));
}

/* ==================================================================== */
/* unimplemented-device                                                 */
/* ==================================================================== */

static void test_unimp_reads_zero_and_logs(void)
{
    g_autofree char *path = g_build_filename(g_get_tmp_dir(),
                                             "test-virt-unimp.log", NULL);
    g_autofree char *log = NULL;
    DeviceState *dev;

    dev = create_unimplemented_device("virt.test-unimp", UNIMP_BASE, 0x100);
    g_assert_true(qemu_set_log_filename(path, &error_abort));
    g_assert_true(qemu_set_log(LOG_UNIMP, &error_abort));
    wr16(UNIMP_BASE + 0x10, 0xbeef);
    g_assert_cmphex(rd16(UNIMP_BASE + 0x10), ==, 0);
    g_assert_true(qemu_set_log(0, &error_abort));
    g_assert_true(qemu_set_log_filename(NULL, &error_abort));
    g_assert_true(g_file_get_contents(path, &log, NULL, NULL));
    /* Each access names the device, the offset and the value. */
    g_assert_nonnull(strstr(log, "virt.test-unimp: unimplemented device "
                                 "write (size 2, offset 0x00010, value "
                                 "0xbeef)"));
    g_assert_nonnull(strstr(log, "virt.test-unimp: unimplemented device "
                                 "read (size 2, offset 0x00010)"));
    unlink(path);
    object_unparent(OBJECT(dev));
    g_assert_false(mapped_at(UNIMP_BASE));
}

static void test_unimp_loses_to_real_devices(void)
{
    DeviceState *dev = create_unimplemented_device("virt.io", 0xff0000,
                                                   0x10000);
    Timer t;

    timer_setup(&t);
    /* The timer sits inside the stub's range and still answers. */
    g_assert_cmphex(rd16(TIMER_BASE + CR16_TIMER_ID), ==,
                    CR16_TIMER_ID_VALUE);
    g_assert_cmphex(rd16(TIMER_BASE + 0x1000), ==, 0);
    timer_teardown(&t);
    object_unparent(OBJECT(dev));
}

/* ==================================================================== */
/* The slot controller                                                  */
/* ==================================================================== */

typedef struct Slots {
    DeviceState *dev;
    CR16SlotCtrlState *s;
    qemu_irq hp_line;
    IrqProbe hp;
    qemu_irq slot_line[CR16_SLOT_DEFAULT];
    IrqProbe slot[CR16_SLOT_DEFAULT];
    Object *ram_owner;
    MemoryRegion *ram;
} Slots;

static hwaddr win(unsigned n)
{
    return SLOTWIN_BASE + n * CR16_SLOT_WINDOW;
}

static void slots_setup(Slots *f, uint32_t surprise)
{
    f->dev = qdev_new(TYPE_CR16_SLOT_CTRL);
    f->s = CR16_SLOT_CTRL(f->dev);
    qdev_prop_set_uint32(f->dev, "surprise-removal", surprise);
    qdev_prop_set_uint64(f->dev, "window-base", SLOTWIN_BASE);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(f->dev), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(f->dev), 0, SLOTCTRL_BASE);
    sysbus_mmio_map(SYS_BUS_DEVICE(f->dev), 1, SLOTWIN_BASE);
    f->hp_line = probe_new(&f->hp);
    sysbus_connect_irq(SYS_BUS_DEVICE(f->dev), 0, f->hp_line);
    for (int n = 0; n < CR16_SLOT_DEFAULT; n++) {
        f->slot_line[n] = probe_new(&f->slot[n]);
        qdev_connect_gpio_out_named(f->dev, CR16_SLOT_GPIO_OUT, n,
                                    f->slot_line[n]);
    }
    /* RAM for the DMA tests at address 0. */
    f->ram_owner = object_new(TYPE_CONTAINER);
    f->ram = memory_region_new_ram(f->ram_owner, "test-ram", RAM_SIZE,
                                   &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, f->ram);
    g_string_truncate(deleted, 0);
}

static void slots_teardown(Slots *f)
{
    /* Takes the buses and any device still plugged with it. */
    object_unparent(OBJECT(f->dev));
    qemu_free_irq(f->hp_line);
    for (int n = 0; n < CR16_SLOT_DEFAULT; n++) {
        qemu_free_irq(f->slot_line[n]);
    }
    memory_region_del_subregion(get_system_memory(), f->ram);
    /* Views retired inside an MMIO dispatch are freed here (rule 6). */
    memory_reclaim_run();
    /* Nothing (no DMA mapping) may still hold the RAM. */
    g_assert_cmpuint(f->ram_owner->ref, ==, 1);
    object_unref(f->ram_owner);
    g_assert_false(mapped_at(SLOTCTRL_BASE));
    g_assert_false(mapped_at(SLOTWIN_BASE));
    phase_reset_for_test();
}

static DeviceState *add_json(const char *text, Error **errp)
{
    json_t *opts = json_loads(text, 0, NULL);
    DeviceState *dev;

    g_assert_nonnull(opts);
    dev = qdev_device_add_from_json(opts, errp);
    json_decref(opts);
    return dev;
}

/* From here on every plug is a hotplug. */
static void machine_ready(void)
{
    qdev_machine_creation_done();
}

static void test_slots_registers(void)
{
    Slots f;

    slots_setup(&f, 0x2);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_ID), ==, SLOTCTRL_ID_VALUE);
    g_assert_cmpuint(rd16(SLOTCTRL_BASE + SLOTCTRL_NSLOTS), ==, 4);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_WINSIZE), ==, 0x1000);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_WINBASE_LO), ==, 0x4000);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_WINBASE_HI), ==, 0x00ff);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_SURPRISE), ==, 0x2);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_CTRL), ==, 0);
    /* Empty windows are holes. */
    g_assert_false(mapped_at(win(0)));
    slots_teardown(&f);
}

static void test_slots_coldplug(void)
{
    Slots f;
    Error *err = NULL;

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                              "\"slot.1\", \"id\": \"cold\"}", &err));
    g_assert_null(err);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0x2);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_KIND(1)), ==,
                    SLOT_KIND_NS16550A);
    /* There at start-up: no plug event, no interrupt. */
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PLUG_EVT), ==, 0);
    g_assert_cmpint(f.hp.level, ==, 0);
    /* The UART answers in slot 1's window. */
    g_assert_cmphex(rd8(win(1) + UART_LSR), ==, 0x60);
    slots_teardown(&f);
    g_assert_cmpstr(deleted->str, ==, "cold;");
}

static void test_slots_hotplug_event(void)
{
    Slots f;
    Error *err = NULL;

    slots_setup(&f, 0);
    machine_ready();
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\", \"bus\": "
                              "\"slot.2\", \"id\": \"mc\"}", &err));
    g_assert_null(err);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PLUG_EVT), ==, 0x4);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0x4);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_KIND(2)), ==,
                    SLOT_KIND_MEMCARD);
    g_assert_cmpint(f.hp.level, ==, 1);
    /* The guest acknowledges the event. */
    wr16(SLOTCTRL_BASE + SLOTCTRL_PLUG_EVT, 0x4);
    g_assert_cmpint(f.hp.level, ==, 0);
    g_assert_cmphex(rd16(win(2) + MEMCARD_R_ID), ==, MEMCARD_ID_VALUE);
    slots_teardown(&f);
}

static void test_slots_irq_needs_driver(void)
{
    Slots f;

    slots_setup(&f, 0);
    machine_ready();
    /* No driver enabled the controller: the event is kept, no IRQ. */
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\"}", &error_abort));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PLUG_EVT), ==, 0x1);
    g_assert_cmpint(f.hp.level, ==, 0);
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_cmpint(f.hp.level, ==, 1);
    slots_teardown(&f);
}

static void test_slots_first_free(void)
{
    Slots f;

    slots_setup(&f, 0);
    machine_ready();
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                              "\"slot.0\"}", &error_abort));
    /* Without bus=, the first slot with room. */
    g_assert_nonnull(add_json("{\"driver\": \"cr16-dmatest\"}",
                              &error_abort));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0x3);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_KIND(1)), ==,
                    SLOT_KIND_DMATEST);
    g_assert_cmphex(rd16(win(1) + DMATEST_ID), ==, DMATEST_ID_VALUE);
    slots_teardown(&f);
}

static void test_slots_busy_and_full(void)
{
    Slots f;
    Error *err = NULL;

    slots_setup(&f, 0);
    machine_ready();
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                              "\"slot.3\", \"id\": \"a\"}", &error_abort));
    /* The named slot is taken: refused, and nothing is left behind. */
    g_assert_null(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                           "\"slot.3\", \"id\": \"b\"}", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "full"));
    error_free(err);
    err = NULL;
    g_assert_null(object_resolve_path_component(qdev_get_peripheral(), "b"));
    /* A duplicate id is refused, and the slot it would have taken stays free. */
    g_assert_null(add_json("{\"driver\": \"ns16550a\", \"id\": \"a\"}",
                           &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "Duplicate"));
    error_free(err);
    err = NULL;
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0x8);
    for (int i = 0; i < 3; i++) {
        g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\"}",
                                  &error_abort));
    }
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0xf);
    /* Every slot taken. */
    g_assert_null(add_json("{\"driver\": \"cr16-memcard\", \"id\": \"c\"}",
                           &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "cr16-slot-bus"));
    error_free(err);
    g_assert_null(object_resolve_path_component(qdev_get_peripheral(), "c"));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0xf);
    slots_teardown(&f);
}

static void test_slots_not_elsewhere(void)
{
    Slots f;
    CR16SlotBus *onboard;
    Error *err = NULL;

    slots_setup(&f, 0);
    onboard = cr16_slot_bus_new_onboard(qdev_get_machine(), "onboard");
    machine_ready();
    /* A board's own bus of the same type takes no hotplug. */
    g_assert_null(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                           "\"onboard\"}", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "hotplug"));
    error_free(err);
    object_unparent(OBJECT(onboard));
    slots_teardown(&f);
}

static void test_slots_unplug_without_driver(void)
{
    Slots f;

    slots_setup(&f, 0);
    machine_ready();
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"id\": \"u\"}",
                              &error_abort));
    /* CTRL.EN clear: nobody to ask, the device goes at once... */
    g_assert_true(qdev_device_del("u", &error_abort));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJECT_REQ), ==, 0);
    /* ...right after the command returns, from a bottom half. */
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "u;");
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_UNPLUG_EVT), ==, 0x1);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_KIND(0)), ==, 0);
    g_assert_false(mapped_at(win(0)));
    g_assert_null(cr16_slot_ctrl_get_device(f.s, 0));
    slots_teardown(&f);
}

static void test_slots_unplug_guest_ack(void)
{
    Slots f;
    Error *err = NULL;

    slots_setup(&f, 0);
    machine_ready();
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\", \"bus\": "
                              "\"slot.1\", \"id\": \"m\"}", &error_abort));
    wr16(SLOTCTRL_BASE + SLOTCTRL_PLUG_EVT, 0xf);
    g_assert_true(qdev_device_del("m", &error_abort));
    /* The guest is asked and the device stays meanwhile. */
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJECT_REQ), ==, 0x2);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJREQ_EVT), ==, 0x2);
    g_assert_cmpint(f.hp.level, ==, 1);
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "");
    g_assert_cmphex(rd16(win(1) + MEMCARD_R_ID), ==, MEMCARD_ID_VALUE);
    /* A second device_del is refused while the first waits. */
    g_assert_false(qdev_device_del("m", &err));
    error_free(err);
    /* The guest's acknowledge removes it there and then... */
    wr16(SLOTCTRL_BASE + SLOTCTRL_EJECT, 0x2);
    g_assert_null(cr16_slot_ctrl_get_device(f.s, 1));
    g_assert_false(mapped_at(win(1)));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJECT_REQ), ==, 0);
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_UNPLUG_EVT), ==, 0x2);
    /*
     * ...but the memory core frees what that dispatch's view still
     * held only at the next quiescent point (rule 6).
     */
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "m;");
    slots_teardown(&f);
}

static void test_slots_surprise_removal(void)
{
    Slots f;

    slots_setup(&f, 0x4);
    machine_ready();
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"bus\": "
                              "\"slot.2\", \"id\": \"s\"}", &error_abort));
    /* Slot 2 is for surprise removal: no request, it just goes. */
    g_assert_true(qdev_device_del("s", &error_abort));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJECT_REQ), ==, 0);
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "s;");
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_UNPLUG_EVT), ==, 0x4);
    slots_teardown(&f);
}

static void test_slots_driver_gone_completes(void)
{
    Slots f;

    slots_setup(&f, 0);
    machine_ready();
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, SLOTCTRL_CTRL_EN);
    g_assert_nonnull(add_json("{\"driver\": \"ns16550a\", \"id\": \"d\"}",
                              &error_abort));
    g_assert_true(qdev_device_del("d", &error_abort));
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_EJECT_REQ), ==, 0x1);
    /* The driver switches off: pending requests are honoured now. */
    wr16(SLOTCTRL_BASE + SLOTCTRL_CTRL, 0);
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "d;");
    slots_teardown(&f);
}

static void test_slots_guest_eject_coldplugged(void)
{
    Slots f;

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\", \"bus\": "
                              "\"slot.3\", \"id\": \"card\"}",
                              &error_abort));
    machine_ready();
    /* The guest may eject on its own, like pressing an eject button. */
    wr16(SLOTCTRL_BASE + SLOTCTRL_EJECT, 0x8);
    g_assert_null(cr16_slot_ctrl_get_device(f.s, 3));
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "card;");
    slots_teardown(&f);
}

static void test_slots_irq_forwarding(void)
{
    Slots f;
    DeviceState *dev;

    slots_setup(&f, 0);
    machine_ready();
    dev = add_json("{\"driver\": \"ns16550a\", \"bus\": \"slot.1\", "
                   "\"id\": \"irq\"}", &error_abort);
    /* The UART's THRE interrupt comes out on slot 1's line. */
    wr8(win(1) + UART_IER, UART_IER_THRI);
    g_assert_cmpint(f.slot[1].level, ==, 1);
    g_assert_cmpint(f.slot[0].level, ==, 0);
    /* Removing it with the line high must not leave the line stuck. */
    g_assert_true(qdev_device_del("irq", &error_abort));
    main_loop_wait(true);
    g_assert_cmpstr(deleted->str, ==, "irq;");
    g_assert_cmpint(f.slot[1].level, ==, 0);
    (void)dev;
    slots_teardown(&f);
}

static unsigned count_char(const char *str, char c)
{
    unsigned n = 0;

    for (; *str; str++) {
        n += *str == c;
    }
    return n;
}

static void test_slots_plug_unplug_cycles(void)
{
    Slots f;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    GString *mtree = g_string_new(NULL);

    slots_setup(&f, 0);
    machine_ready();
    mtree_info_to_gstring(mtree, false, false, false, false);
    before = g_string_free(mtree, false);
    for (int i = 0; i < 50; i++) {
        const char *drv[] = { "cr16-memcard", "cr16-dmatest", "ns16550a" };
        g_autofree char *json = g_strdup_printf(
            "{\"driver\": \"%s\", \"id\": \"cyc%d\"}", drv[i % 3], i);
        g_autofree char *id = g_strdup_printf("cyc%d", i);

        g_assert_nonnull(add_json(json, &error_abort));
        g_assert_true(qdev_device_del(id, &error_abort));
        main_loop_wait(true);
    }
    /* Every device finalized, and the map back as it was. */
    g_assert_cmpuint(count_char(deleted->str, ';'), ==, 50);
    mtree = g_string_new(NULL);
    mtree_info_to_gstring(mtree, false, false, false, false);
    after = g_string_free(mtree, false);
    g_assert_cmpstr(before, ==, after);
    slots_teardown(&f);
}

/* ==================================================================== */
/* cr16-memcard                                                         */
/* ==================================================================== */

static void test_memcard_layout(void)
{
    Slots f;
    hwaddr w = win(0);

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\", \"size\": "
                              "1024}", &error_abort));
    g_assert_cmphex(rd16(w + MEMCARD_R_SIZE), ==, 1024);
    g_assert_cmphex(rd16(w + MEMCARD_R_RAM_OFF), ==, MEMCARD_RAM_OFF);
    /* The info ROM names the card. */
    g_assert_cmphex(rd8(w + MEMCARD_INFO_OFF), ==, 'c');
    g_assert_cmphex(rd16(w + MEMCARD_INFO_OFF + 0x10), ==, 1024);
    wr8(w + MEMCARD_INFO_OFF, 'X');
    g_assert_cmphex(rd8(w + MEMCARD_INFO_OFF), ==, 'c');
    /* RAM, and its mirror through the alias. */
    wr32(w + MEMCARD_RAM_OFF + 0x20, 0xcafef00d);
    g_assert_cmphex(rd32(w + MEMCARD_RAM_OFF + 0x20), ==, 0xcafef00d);
    g_assert_cmphex(rd32(w + MEMCARD_MIRROR_OFF + 0x20), ==, 0xcafef00d);
    wr16(w + MEMCARD_MIRROR_OFF + 0x40, 0x1234);
    g_assert_cmphex(rd16(w + MEMCARD_RAM_OFF + 0x40), ==, 0x1234);
    /* CTRL.MIRROR off: the alias leaves the map. */
    wr16(w + MEMCARD_R_CTRL, 0);
    g_assert_false(mapped_at(w + MEMCARD_MIRROR_OFF));
    wr16(w + MEMCARD_R_CTRL, MEMCARD_CTRL_MIRROR);
    g_assert_true(mapped_at(w + MEMCARD_MIRROR_OFF));
    /* Beyond a 1 KiB card's RAM there is nothing. */
    g_assert_false(mapped_at(w + MEMCARD_RAM_OFF + 1024));
    slots_teardown(&f);
}

static void test_memcard_bad_size(void)
{
    Slots f;
    Error *err = NULL;

    slots_setup(&f, 0);
    g_assert_null(add_json("{\"driver\": \"cr16-memcard\", \"size\": 3000}",
                           &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "power of two"));
    error_free(err);
    /* A failed realize leaves the slot empty and nothing mapped. */
    g_assert_cmphex(rd16(SLOTCTRL_BASE + SLOTCTRL_PRESENT), ==, 0);
    g_assert_false(mapped_at(win(0)));
    slots_teardown(&f);
}

static void test_memcard_unplug_while_mapped(void)
{
    Slots f;
    DeviceState *dev;
    hwaddr len = 0x100;
    void *p;

    slots_setup(&f, 0);
    machine_ready();
    dev = add_json("{\"driver\": \"cr16-memcard\", \"id\": \"pinned\"}",
                   &error_abort);
    wr8(win(0) + MEMCARD_RAM_OFF, 0x42);
    /* Someone holds a DMA mapping of the card's RAM. */
    p = address_space_map(&address_space_memory, win(0) + MEMCARD_RAM_OFF,
                          &len, false, MEMTXATTRS_UNSPECIFIED);
    g_assert_nonnull(p);
    g_assert_true(qdev_device_del("pinned", &error_abort));
    main_loop_wait(true);
    /* Gone from the map and the tree, but its RAM lives on (rule 5). */
    g_assert_false(mapped_at(win(0)));
    g_assert_null(cr16_slot_ctrl_get_device(f.s, 0));
    g_assert_cmpstr(deleted->str, ==, "");
    g_assert_cmphex(*(uint8_t *)p, ==, 0x42);
    address_space_unmap(&address_space_memory, p, len, false, 0);
    main_loop_wait(true);
    /* Now the card is finalized. */
    g_assert_cmpstr(deleted->str, ==, "pinned;");
    (void)dev;
    slots_teardown(&f);
}

/* ==================================================================== */
/* cr16-dmatest                                                         */
/* ==================================================================== */

static void fill_pattern(hwaddr addr, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        wr8(addr + i, (i * 7 + 3) & 0xff);
    }
}

static bool check_pattern(hwaddr addr, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        if (rd8(addr + i) != ((i * 7 + 3) & 0xff)) {
            return false;
        }
    }
    return true;
}

static void dma_program(hwaddr w, uint32_t src, uint32_t dst, uint32_t len)
{
    wr32(w + DMATEST_SRC, src);
    wr32(w + DMATEST_DST, dst);
    wr32(w + DMATEST_LEN, len);
    wr16(w + DMATEST_CTRL, DMATEST_CTRL_IE);
    wr16(w + DMATEST_CMD, DMATEST_CMD_START);
}

static void test_dma_copy_at_once(void)
{
    Slots f;
    hwaddr w = win(0);

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-dmatest\", "
                              "\"chunk-ns\": 0}", &error_abort));
    fill_pattern(0x1000, 300);
    dma_program(w, 0x1000, 0x2001, 300);
    /* chunk-ns 0: the whole copy happened inside the START write. */
    g_assert_true(check_pattern(0x2001, 300));
    g_assert_cmphex(rd16(w + DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 300);
    g_assert_cmpint(f.slot[0].level, ==, 1);
    wr16(w + DMATEST_STATUS, DMATEST_ST_DONE);
    g_assert_cmpint(f.slot[0].level, ==, 0);
    slots_teardown(&f);
}

static void test_dma_copy_over_time(void)
{
    Slots f;
    hwaddr w = win(0);
    CR16DMATestState *dma;
    unsigned refs;

    slots_setup(&f, 0);
    dma = CR16_DMATEST(add_json("{\"driver\": \"cr16-dmatest\", "
                                "\"chunk-size\": 64, \"chunk-ns\": 1000}",
                                &error_abort));
    fill_pattern(0x1000, 256);
    refs = f.ram->ext_refs;
    dma_program(w, 0x1000, 0x3000, 256);
    g_assert_cmphex(rd16(w + DMATEST_STATUS), ==, DMATEST_ST_BUSY);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 0);
    clock_step(1000);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 64);
    /* The destination stays mapped while the transfer runs. */
    g_assert_true(cr16_dmatest_has_mapping(dma));
    g_assert_cmpuint(f.ram->ext_refs, ==, refs + 1);
    g_assert_cmpint(f.slot[0].level, ==, 0);
    clock_step(3000);
    g_assert_true(check_pattern(0x3000, 256));
    g_assert_cmphex(rd16(w + DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_cmpint(f.slot[0].level, ==, 1);
    g_assert_false(cr16_dmatest_has_mapping(dma));
    g_assert_cmpuint(f.ram->ext_refs, ==, refs);
    slots_teardown(&f);
}

static void test_dma_abort(void)
{
    Slots f;
    hwaddr w = win(0);
    unsigned refs;

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-dmatest\"}",
                              &error_abort));
    refs = f.ram->ext_refs;
    dma_program(w, 0x1000, 0x3000, 1024);
    clock_step(2000);
    g_assert_cmpuint(f.ram->ext_refs, ==, refs + 1);
    wr16(w + DMATEST_CMD, DMATEST_CMD_ABORT);
    g_assert_cmphex(rd16(w + DMATEST_STATUS), ==, DMATEST_ST_ABORTED);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 128);
    /* No interrupt for an abort, and no more progress. */
    g_assert_cmpint(f.slot[0].level, ==, 0);
    clock_step(100000);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 128);
    g_assert_cmpuint(f.ram->ext_refs, ==, refs);
    slots_teardown(&f);
}

static void test_dma_bus_error(void)
{
    Slots f;
    hwaddr w = win(0);
    unsigned refs;

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-dmatest\", "
                              "\"chunk-ns\": 0}", &error_abort));
    /* The source runs off the end of RAM into nothing. */
    refs = f.ram->ext_refs;
    dma_program(w, RAM_SIZE - 16, 0x100, 64);
    g_assert_cmphex(rd16(w + DMATEST_STATUS), ==, DMATEST_ST_ERROR);
    g_assert_cmpint(f.slot[0].level, ==, 1);
    /* The failed transfer gave its mapping back. */
    g_assert_cmpuint(f.ram->ext_refs, ==, refs);
    slots_teardown(&f);
}

static void test_dma_to_mmio(void)
{
    Slots f;
    hwaddr w0 = win(0), w1 = win(1);

    slots_setup(&f, 0);
    g_assert_nonnull(add_json("{\"driver\": \"cr16-dmatest\", "
                              "\"chunk-ns\": 0, \"chunk-size\": 16}",
                              &error_abort));
    g_assert_nonnull(add_json("{\"driver\": \"cr16-memcard\"}",
                              &error_abort));
    fill_pattern(0x1000, 100);
    /* Into the card in slot 1: RAM of another device, through a window. */
    dma_program(w0, 0x1000, w1 + MEMCARD_RAM_OFF, 100);
    g_assert_cmphex(rd16(w0 + DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_true(check_pattern(w1 + MEMCARD_RAM_OFF, 100));
    /* And into a register: a mapping through the bounce buffer. */
    wr8(0x1100, 0x77);
    wr8(0x1101, 0x66);
    dma_program(w0, 0x1100, w1 + MEMCARD_R_SCRATCH, 2);
    g_assert_cmphex(rd16(w0 + DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_cmphex(rd16(w1 + MEMCARD_R_SCRATCH), ==, 0x6677);
    slots_teardown(&f);
}

static void test_dma_unplug_mid_transfer(void)
{
    Slots f;
    hwaddr w = win(2);
    CR16DMATestState *dma;
    unsigned refs;

    slots_setup(&f, 0);
    machine_ready();
    dma = CR16_DMATEST(add_json("{\"driver\": \"cr16-dmatest\", \"bus\": "
                                "\"slot.2\", \"id\": \"dma\"}",
                                &error_abort));
    fill_pattern(0x1000, 0x1000);
    refs = f.ram->ext_refs;
    dma_program(w, 0x1000, 0x8000, 0x1000);
    clock_step(2500);
    g_assert_cmpuint(rd32(w + DMATEST_COPIED), ==, 128);
    g_assert_true(cr16_dmatest_has_mapping(dma));
    g_assert_cmpuint(f.ram->ext_refs, ==, refs + 1);

    g_assert_true(qdev_device_del("dma", &error_abort));
    main_loop_wait(true);
    /* Gone, finalized, and the mapping of our RAM given back. */
    g_assert_cmpstr(deleted->str, ==, "dma;");
    g_assert_cmpuint(f.ram->ext_refs, ==, refs);
    /* Time goes on; nothing of the dead transfer runs (ASan watches). */
    clock_step(1000000);
    g_assert_true(check_pattern(0x8000, 128));
    g_assert_cmphex(rd8(0x8000 + 128), ==, 0);
    g_assert_false(mapped_at(w));
    slots_teardown(&f);
}

static void test_dma_own_address_space(void)
{
    Object *owner = object_new(TYPE_CONTAINER);
    MemoryRegion *root = memory_region_new(owner, "dma-root", 0x10000);
    MemoryRegion *ram = memory_region_new_ram(owner, "dma-ram", 0x1000,
                                              &error_abort);
    BusState *bus = BUS(cr16_slot_bus_new_onboard(qdev_get_machine(),
                                                  "dma-bus"));
    DeviceState *dev = qdev_new(TYPE_CR16_DMATEST);
    uint8_t *host = memory_region_get_ram_ptr(ram);

    memory_region_add_subregion(root, 0, ram);
    object_property_set_link(OBJECT(dev), "memory", OBJECT(root),
                             &error_abort);
    qdev_prop_set_uint64(dev, "chunk-ns", 0);
    qdev_realize_and_unref(dev, bus, &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, 0xfe0000);
    memcpy(host, "private", 8);
    dma_program(0xfe0000, 0, 0x800, 8);
    /* It copied inside its own address space, not system memory. */
    g_assert_cmpstr((char *)host + 0x800, ==, "private");
    object_unparent(OBJECT(dev));
    object_unparent(OBJECT(bus));
    g_assert_cmpuint(owner->ref, ==, 1);
    object_unref(owner);
}

/* ==================================================================== */

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_init_main_loop(&error_abort);
    qemu_clock_set_qtest_mode(true);
    qtest_set_virtual_clock(0);
    type_register_static(&testbuf_info);
    deleted = g_string_new(NULL);
    qdev_add_deleted_listener(record_deleted, NULL);

    g_test_add_func("/ns16550a/reset-values", test_uart_reset_values);
    g_test_add_func("/ns16550a/tx-to-chardev", test_uart_tx_to_chardev);
    g_test_add_func("/ns16550a/thr-empty-irq", test_uart_thr_empty_irq);
    g_test_add_func("/ns16550a/rx-16450-mode", test_uart_rx_16450_mode);
    g_test_add_func("/ns16550a/fifo-flow-control",
                    test_uart_fifo_flow_control);
    g_test_add_func("/ns16550a/fifo-trigger-level",
                    test_uart_fifo_trigger_level);
    g_test_add_func("/ns16550a/fifo-char-timeout",
                    test_uart_fifo_char_timeout);
    g_test_add_func("/ns16550a/divisor-latch", test_uart_divisor_latch);
    g_test_add_func("/ns16550a/loopback", test_uart_loopback);
    g_test_add_func("/ns16550a/overrun", test_uart_overrun);
    g_test_add_func("/ns16550a/break", test_uart_break);
    g_test_add_func("/ns16550a/priority-rx-over-thre",
                    test_uart_priority_rx_over_thre);
    g_test_add_func("/ns16550a/regshift", test_uart_regshift);
    g_test_add_func("/ns16550a/bad-regshift", test_uart_bad_regshift);

    g_test_add_func("/cr16-timer/oneshot-irq", test_timer_oneshot_irq);
    g_test_add_func("/cr16-timer/periodic", test_timer_periodic);
    g_test_add_func("/cr16-timer/prescaler", test_timer_prescaler);
    g_test_add_func("/cr16-timer/disable-freezes",
                    test_timer_disable_freezes);
    g_test_add_func("/cr16-timer/load-halves", test_timer_load_halves);

    g_test_add_func("/cr16-icu/ivct-priority", test_icu_ivct_priority);
    g_test_add_func("/cr16-icu/enable-mask", test_icu_enable_mask);
    g_test_add_func("/cr16-icu/edge-latch", test_icu_edge_latch);
    g_test_add_func("/cr16-icu/nmi-gating", test_icu_nmi_gating);

    g_test_add_func("/cr16-rtc/counts-vm-seconds",
                    test_rtc_counts_vm_seconds);
    g_test_add_func("/cr16-rtc/alarm-irq", test_rtc_alarm_irq);
    g_test_add_func("/cr16-rtc/host-clock", test_rtc_host_clock);
    g_test_add_func("/cr16-rtc/bad-clock", test_rtc_bad_clock);

    g_test_add_func("/unimp/reads-zero-and-logs",
                    test_unimp_reads_zero_and_logs);
    g_test_add_func("/unimp/loses-to-real-devices",
                    test_unimp_loses_to_real_devices);

    g_test_add_func("/virt-slots/registers", test_slots_registers);
    g_test_add_func("/virt-slots/coldplug", test_slots_coldplug);
    g_test_add_func("/virt-slots/hotplug-event", test_slots_hotplug_event);
    g_test_add_func("/virt-slots/irq-needs-driver",
                    test_slots_irq_needs_driver);
    g_test_add_func("/virt-slots/first-free", test_slots_first_free);
    g_test_add_func("/virt-slots/busy-and-full", test_slots_busy_and_full);
    g_test_add_func("/virt-slots/not-elsewhere", test_slots_not_elsewhere);
    g_test_add_func("/virt-slots/unplug-without-driver",
                    test_slots_unplug_without_driver);
    g_test_add_func("/virt-slots/unplug-guest-ack",
                    test_slots_unplug_guest_ack);
    g_test_add_func("/virt-slots/surprise-removal",
                    test_slots_surprise_removal);
    g_test_add_func("/virt-slots/driver-gone-completes",
                    test_slots_driver_gone_completes);
    g_test_add_func("/virt-slots/guest-eject-coldplugged",
                    test_slots_guest_eject_coldplugged);
    g_test_add_func("/virt-slots/irq-forwarding", test_slots_irq_forwarding);
    g_test_add_func("/virt-slots/plug-unplug-cycles",
                    test_slots_plug_unplug_cycles);

    g_test_add_func("/cr16-memcard/layout", test_memcard_layout);
    g_test_add_func("/cr16-memcard/bad-size", test_memcard_bad_size);
    g_test_add_func("/cr16-memcard/unplug-while-mapped",
                    test_memcard_unplug_while_mapped);

    g_test_add_func("/cr16-dmatest/copy-at-once", test_dma_copy_at_once);
    g_test_add_func("/cr16-dmatest/copy-over-time", test_dma_copy_over_time);
    g_test_add_func("/cr16-dmatest/abort", test_dma_abort);
    g_test_add_func("/cr16-dmatest/bus-error", test_dma_bus_error);
    g_test_add_func("/cr16-dmatest/to-mmio", test_dma_to_mmio);
    g_test_add_func("/cr16-dmatest/unplug-mid-transfer",
                    test_dma_unplug_mid_transfer);
    g_test_add_func("/cr16-dmatest/own-address-space",
                    test_dma_own_address_space);

    int ret = g_test_run();

    memory_map_teardown();
    g_string_free(deleted, true);
    return ret;
}
