/*
 * cr16-dmatest in a virt expansion slot: copies between RAM areas all at
 * once and chunk by chunk in virtual time, progress in COPIED, the DONE
 * interrupt, abort, bus errors, and copying into another slot device's
 * RAM.  Register map: include/hw/misc/cr16-dmatest.h.
 */
#include "qemu/osdep.h"
#include "cr16-board.h"
#include "hw/misc/cr16-dmatest.h"
#include "hw/misc/cr16-memcard.h"

typedef struct DmaTest {
    QTestState *qts;
    CR16Slots sl;
    uint64_t regs;          /* the engine's registers (slot 0) */
    uint64_t src, dst;      /* two areas of board RAM */
} DmaTest;

/* Plug an engine with @props (a JSON object text) into slot 0. */
static bool dma_setup(DmaTest *t, const char *props)
{
    uint64_t ram, ram_size;
    json_t *args;

    t->qts = cr16_virt_init(NULL);
    if (!t->qts) {
        return false;
    }
    if (!cr16_slots_find(t->qts, &t->sl)) {
        g_test_skip("the virt board has no cr16-slot-controller");
        qtest_quit(t->qts);
        return false;
    }
    g_assert_true(cr16_find_ram(t->qts, &ram, &ram_size));
    g_assert_cmpuint(ram_size, >=, 0x4000);
    /* Work in the upper half of RAM, away from anything at its start. */
    t->src = ram + ram_size / 2;
    t->dst = t->src + 0x1000;
    args = json_loads(props ? props : "{}", 0, NULL);
    g_assert_nonnull(args);
    json_object_set_new(args, "id", json_string("dma"));
    json_object_set_new(args, "bus", json_string("slot.0"));
    qtest_qmp_device_add_json(t->qts, "cr16-dmatest", args);
    t->regs = cr16_slot_window(&t->sl, 0);
    return true;
}

static void dma_teardown(DmaTest *t)
{
    qtest_quit(t->qts);
    cr16_slots_clear(&t->sl);
}

static uint32_t rd(DmaTest *t, unsigned reg)
{
    return qtest_readl(t->qts, t->regs + reg);
}

static void wr(DmaTest *t, unsigned reg, uint32_t val)
{
    qtest_writel(t->qts, t->regs + reg, val);
}

static void fill_pattern(DmaTest *t, uint64_t addr, size_t len, uint8_t seed)
{
    g_autofree uint8_t *buf = g_malloc(len);

    for (size_t i = 0; i < len; i++) {
        buf[i] = seed + i * 13;
    }
    qtest_bufwrite(t->qts, addr, buf, len);
}

static void program(DmaTest *t, uint64_t src, uint64_t dst, uint32_t len)
{
    wr(t, DMATEST_SRC, src);
    wr(t, DMATEST_DST, dst);
    wr(t, DMATEST_LEN, len);
}

static void assert_copied(DmaTest *t, uint64_t src, uint64_t dst, size_t len)
{
    g_autofree uint8_t *a = g_malloc(len);
    g_autofree uint8_t *b = g_malloc(len);

    qtest_bufread(t->qts, src, a, len);
    qtest_bufread(t->qts, dst, b, len);
    g_assert_cmpmem(a, len, b, len);
}

static void test_id(void)
{
    DmaTest t;

    if (!dma_setup(&t, NULL)) {
        return;
    }
    g_assert_cmphex(rd(&t, DMATEST_ID), ==, DMATEST_ID_VALUE);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, 0);
    program(&t, 0x1234, 0x5678, 0x9a);
    g_assert_cmphex(rd(&t, DMATEST_SRC), ==, 0x1234);
    g_assert_cmphex(rd(&t, DMATEST_DST), ==, 0x5678);
    g_assert_cmphex(rd(&t, DMATEST_LEN), ==, 0x9a);
    dma_teardown(&t);
}

/* chunk-ns = 0: the whole copy happens inside the START write. */
static void test_copy_instant(void)
{
    DmaTest t;

    if (!dma_setup(&t, "{\"chunk-ns\": 0}")) {
        return;
    }
    fill_pattern(&t, t.src, 1000, 7);
    program(&t, t.src, t.dst, 1000);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 1000);
    assert_copied(&t, t.src, t.dst, 1000);
    dma_teardown(&t);
}

/* Chunk by chunk: progress follows virtual time exactly. */
static void test_copy_chunked(void)
{
    DmaTest t;
    uint8_t b;

    if (!dma_setup(&t, "{\"chunk-size\": 100, \"chunk-ns\": 1000}")) {
        return;
    }
    fill_pattern(&t, t.src, 450, 3);
    qtest_memset(t.qts, t.dst, 0, 450);
    program(&t, t.src, t.dst, 450);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, DMATEST_ST_BUSY);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 0);
    qtest_clock_step(t.qts, 2000);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 200);
    /* Byte 200 is not there yet. */
    qtest_memread(t.qts, t.dst + 200, &b, 1);
    g_assert_cmphex(b, ==, 0);
    qtest_clock_step(t.qts, 3000);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 450);
    assert_copied(&t, t.src, t.dst, 450);
    dma_teardown(&t);
}

/* DONE with CTRL.IE interrupts; writing DONE back clears it. */
static void test_done_irq(void)
{
    DmaTest t;

    if (!dma_setup(&t, NULL)) {
        return;
    }
    /* Devices with an id live at /machine/peripheral/<id>. */
    qtest_irq_intercept_out_named(t.qts, "/machine/peripheral/dma",
                                  "sysbus-irq");
    wr(&t, DMATEST_CTRL, DMATEST_CTRL_IE);
    program(&t, t.src, t.dst, 64);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    g_assert_false(qtest_get_irq(t.qts, 0));
    qtest_clock_step_next(t.qts);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, DMATEST_ST_DONE);
    g_assert_true(qtest_get_irq(t.qts, 0));
    wr(&t, DMATEST_STATUS, DMATEST_ST_DONE);
    g_assert_false(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, 0);
    dma_teardown(&t);
}

/* ABORT stops a transfer where it is; nothing more is written. */
static void test_abort(void)
{
    DmaTest t;
    uint8_t tail[100], zero[100] = { 0 };

    if (!dma_setup(&t, "{\"chunk-size\": 100, \"chunk-ns\": 1000}")) {
        return;
    }
    fill_pattern(&t, t.src, 500, 1);
    qtest_memset(t.qts, t.dst, 0, 500);
    program(&t, t.src, t.dst, 500);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    qtest_clock_step(t.qts, 2000);
    wr(&t, DMATEST_CMD, DMATEST_CMD_ABORT);
    g_assert_cmphex(rd(&t, DMATEST_STATUS) & (DMATEST_ST_BUSY |
                                             DMATEST_ST_ABORTED), ==,
                    DMATEST_ST_ABORTED);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 200);
    qtest_clock_step(t.qts, 10000);
    g_assert_cmpuint(rd(&t, DMATEST_COPIED), ==, 200);
    qtest_memread(t.qts, t.dst + 400, tail, sizeof(tail));
    g_assert_cmpmem(tail, sizeof(tail), zero, sizeof(zero));
    dma_teardown(&t);
}

/* A source with nothing behind it ends the transfer with ERROR. */
static void test_bus_error(void)
{
    DmaTest t;

    if (!dma_setup(&t, "{\"chunk-ns\": 0}")) {
        return;
    }
    /* Beyond the CPU's 24-bit reach: nothing can be mapped there. */
    program(&t, 0x7fffff00, t.dst, 64);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    g_assert_cmphex(rd(&t, DMATEST_STATUS) & DMATEST_ST_ERROR, ==,
                    DMATEST_ST_ERROR);
    g_assert_cmphex(rd(&t, DMATEST_STATUS) & DMATEST_ST_BUSY, ==, 0);
    dma_teardown(&t);
}

/* Copy into a memory card's RAM in slot 1 and read it back there. */
static void test_copy_to_memcard(void)
{
    DmaTest t;
    uint64_t card;

    if (!dma_setup(&t, "{\"chunk-size\": 32, \"chunk-ns\": 100}")) {
        return;
    }
    qtest_qmp_device_add(t.qts, "cr16-memcard", "mc", "{'bus': 'slot.1'}");
    card = cr16_slot_window(&t.sl, 1) + MEMCARD_RAM_OFF;
    fill_pattern(&t, t.src, 256, 9);
    program(&t, t.src, card, 256);
    wr(&t, DMATEST_CMD, DMATEST_CMD_START);
    qtest_clock_step(t.qts, 100 * 8);
    g_assert_cmphex(rd(&t, DMATEST_STATUS), ==, DMATEST_ST_DONE);
    assert_copied(&t, t.src, card, 256);
    /* The card's mirror shows the same bytes. */
    assert_copied(&t, t.src, cr16_slot_window(&t.sl, 1) + MEMCARD_MIRROR_OFF,
                  256);
    dma_teardown(&t);
}

/* Out-of-range properties are refused at device_add. */
static void test_bad_properties(void)
{
    DmaTest t;

    if (!dma_setup(&t, NULL)) {
        return;
    }
    qmp_expect_error_and_unref(qtest_qmp(t.qts, "{'execute': 'device_add',"
        " 'arguments': {'driver': 'cr16-dmatest', 'id': 'bad',"
        " 'bus': 'slot.1', 'chunk-size': 0}}"), "GenericError");
    qmp_expect_error_and_unref(qtest_qmp(t.qts, "{'execute': 'device_add',"
        " 'arguments': {'driver': 'cr16-dmatest', 'id': 'bad',"
        " 'bus': 'slot.1', 'chunk-size': 5000}}"), "GenericError");
    dma_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cr16-dmatest/id", test_id);
    qtest_add_func("cr16-dmatest/copy-instant", test_copy_instant);
    qtest_add_func("cr16-dmatest/copy-chunked", test_copy_chunked);
    qtest_add_func("cr16-dmatest/done-irq", test_done_irq);
    qtest_add_func("cr16-dmatest/abort", test_abort);
    qtest_add_func("cr16-dmatest/bus-error", test_bus_error);
    qtest_add_func("cr16-dmatest/copy-to-memcard", test_copy_to_memcard);
    qtest_add_func("cr16-dmatest/bad-properties", test_bad_properties);
    return g_test_run();
}
