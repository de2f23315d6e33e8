/*
 * cr16-dmatest: a DMA test engine (register map and copy strategy in
 * include/hw/misc/cr16-dmatest.h).
 *
 * The one rule this device exists to exercise: a mapping taken with
 * address_space_map() pins the destination region (and its owner) until
 * address_space_unmap().  Every way a transfer can end -- completion,
 * error, ABORT, reset, unrealize -- goes through dmatest_finish(), which
 * gives the mapping back.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/misc/cr16-dmatest.h"
#include "hw/cr16/virt-slots.h"
#include "hw/qdev-properties.h"

bool cr16_dmatest_has_mapping(CR16DMATestState *s)
{
    return s->map != NULL;
}

static void dmatest_update_irq(CR16DMATestState *s)
{
    bool level = (s->ctrl & DMATEST_CTRL_IE) &&
                 (s->status & (DMATEST_ST_DONE | DMATEST_ST_ERROR));

    qemu_set_irq(s->irq, level);
}

static void dmatest_unmap(CR16DMATestState *s)
{
    if (s->map) {
        address_space_unmap(s->as, s->map, s->map_len, true, s->map_used);
        s->map = NULL;
        s->map_len = 0;
        s->map_used = 0;
    }
}

/* End the transfer (if any) with the STATUS bits @why. */
static void dmatest_finish(CR16DMATestState *s, uint32_t why)
{
    timer_del(&s->chunk_timer);
    dmatest_unmap(s);
    s->status = (s->status & ~DMATEST_ST_BUSY) | why;
    dmatest_update_irq(s);
}

/* Map as much of the rest of the destination as the bus allows. */
static void dmatest_map_dst(CR16DMATestState *s)
{
    dmatest_unmap(s);
    s->map_addr = (hwaddr)s->cur_dst + s->copied;
    s->map_len = s->cur_len - s->copied;
    s->map = address_space_map(s->as, s->map_addr, &s->map_len, true,
                               MEMTXATTRS_UNSPECIFIED);
    if (!s->map) {
        s->map_len = 0;     /* not mappable: write chunk by chunk */
    }
}

/* Copy one chunk; false when the transfer has ended. */
static bool dmatest_step(CR16DMATestState *s)
{
    hwaddr pos = (hwaddr)s->cur_dst + s->copied;
    uint32_t n = MIN(s->chunk_size, s->cur_len - s->copied);
    MemTxResult r;

    if (!s->map || pos >= s->map_addr + s->map_len) {
        dmatest_map_dst(s);
    }
    if (s->map) {
        n = MIN(n, s->map_addr + s->map_len - pos);
    }
    r = address_space_read(s->as, (hwaddr)s->cur_src + s->copied,
                           MEMTXATTRS_UNSPECIFIED, s->buf, n);
    if (r == MEMTX_OK) {
        if (s->map) {
            memcpy((uint8_t *)s->map + s->map_used, s->buf, n);
            s->map_used += n;
        } else {
            r = address_space_write(s->as, pos, MEMTXATTRS_UNSPECIFIED,
                                    s->buf, n);
        }
    }
    if (r != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-dmatest: bus error copying "
                      "0x%x bytes from 0x%" HWADDR_PRIx " to 0x%"
                      HWADDR_PRIx "\n", n,
                      (hwaddr)s->cur_src + s->copied, pos);
        dmatest_finish(s, DMATEST_ST_ERROR);
        return false;
    }
    s->copied += n;
    if (s->copied == s->cur_len) {
        dmatest_finish(s, DMATEST_ST_DONE);
        return false;
    }
    return true;
}

static void dmatest_chunk_cb(void *opaque)
{
    CR16DMATestState *s = opaque;

    if ((s->status & DMATEST_ST_BUSY) && dmatest_step(s)) {
        timer_mod_ns(&s->chunk_timer,
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + s->chunk_ns);
    }
}

static void dmatest_start(CR16DMATestState *s)
{
    if (s->status & DMATEST_ST_BUSY) {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-dmatest: START while busy "
                      "ignored\n");
        return;
    }
    s->cur_src = s->src;
    s->cur_dst = s->dst;
    s->cur_len = s->len;
    s->copied = 0;
    s->status = DMATEST_ST_BUSY;
    dmatest_update_irq(s);
    if (!s->cur_len) {
        dmatest_finish(s, DMATEST_ST_DONE);
    } else if (!s->chunk_ns) {
        while (dmatest_step(s)) {
            /* all at once */
        }
    } else {
        timer_mod_ns(&s->chunk_timer,
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + s->chunk_ns);
    }
}

/* ---- registers ------------------------------------------------------ */

static uint32_t *dmatest_reg(CR16DMATestState *s, hwaddr reg)
{
    switch (reg) {
    case DMATEST_SRC:
        return &s->src;
    case DMATEST_DST:
        return &s->dst;
    case DMATEST_LEN:
        return &s->len;
    case DMATEST_CTRL:
        return &s->ctrl;
    default:
        return NULL;
    }
}

static uint64_t dmatest_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16DMATestState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t v;

    switch (reg) {
    case DMATEST_ID:
        v = DMATEST_ID_VALUE;
        break;
    case DMATEST_CMD:
        v = 0;
        break;
    case DMATEST_STATUS:
        v = s->status;
        break;
    case DMATEST_COPIED:
        v = s->copied;
        break;
    default:
        v = *dmatest_reg(s, reg);
        break;
    }
    return (v >> shift) & (size == 4 ? 0xffffffffu : 0xffffu);
}

static void dmatest_write(void *opaque, hwaddr addr, uint64_t val64,
                          unsigned size)
{
    CR16DMATestState *s = opaque;
    hwaddr reg = addr & ~3;
    unsigned shift = (addr & 2) * 8;
    uint32_t mask = (size == 4 ? 0xffffffffu : 0xffffu) << shift;
    uint32_t val = (uint32_t)val64 << shift;
    uint32_t *p;

    switch (reg) {
    case DMATEST_CMD:
        if (addr & 2) {
            return;
        }
        switch (val & 0xffff) {
        case DMATEST_CMD_START:
            dmatest_start(s);
            break;
        case DMATEST_CMD_ABORT:
            if (s->status & DMATEST_ST_BUSY) {
                dmatest_finish(s, DMATEST_ST_ABORTED);
            }
            break;
        default:
            qemu_log_mask(LOG_GUEST_ERROR, "cr16-dmatest: unknown command "
                          "0x%x\n", val);
            break;
        }
        return;
    case DMATEST_STATUS:
        s->status &= ~(val & mask & (DMATEST_ST_DONE | DMATEST_ST_ERROR |
                                     DMATEST_ST_ABORTED));
        dmatest_update_irq(s);
        return;
    case DMATEST_ID:
    case DMATEST_COPIED:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-dmatest: write to read-only "
                      "offset 0x%" HWADDR_PRIx "\n", addr);
        return;
    default:
        p = dmatest_reg(s, reg);
        *p = (*p & ~mask) | (val & mask);
        if (reg == DMATEST_CTRL) {
            s->ctrl &= DMATEST_CTRL_IE;
            dmatest_update_irq(s);
        }
        return;
    }
}

static const MemoryRegionOps dmatest_ops = {
    .read = dmatest_read,
    .write = dmatest_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 2,
        .max_access_size = 4,
    },
    .impl = {
        .min_access_size = 2,
        .max_access_size = 4,
    },
};

/* ---- the device ----------------------------------------------------- */

static void dmatest_reset(DeviceState *dev)
{
    CR16DMATestState *s = CR16_DMATEST(dev);

    dmatest_finish(s, 0);
    s->src = s->dst = s->len = 0;
    s->status = 0;
    s->ctrl = 0;
    s->copied = 0;
    dmatest_update_irq(s);
}

static void dmatest_init(Object *obj)
{
    CR16DMATestState *s = CR16_DMATEST(obj);

    memory_region_init_io(&s->iomem, obj, &dmatest_ops, s, "cr16-dmatest",
                          DMATEST_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    timer_init_ns(&s->chunk_timer, QEMU_CLOCK_VIRTUAL, dmatest_chunk_cb, s);
}

static void dmatest_realize(DeviceState *dev, Error **errp)
{
    CR16DMATestState *s = CR16_DMATEST(dev);

    if (!s->chunk_size || s->chunk_size > DMATEST_CHUNK_MAX) {
        error_setg(errp, "cr16-dmatest: chunk-size must be 1..%d, not %u",
                   DMATEST_CHUNK_MAX, s->chunk_size);
        return;
    }
    if (s->dma_mr) {
        address_space_init(&s->own_as, s->dma_mr, "cr16-dmatest");
        s->as = &s->own_as;
    } else {
        s->as = &address_space_memory;
    }
    s->buf = g_malloc(s->chunk_size);
}

static void dmatest_unrealize(DeviceState *dev)
{
    CR16DMATestState *s = CR16_DMATEST(dev);

    /* Unplugged mid-transfer: give the mapping back before we go. */
    dmatest_finish(s, 0);
    s->status = 0;
    qemu_set_irq(s->irq, 0);
    if (s->as == &s->own_as) {
        address_space_destroy(&s->own_as);
    }
    s->as = NULL;
    g_free(s->buf);
    s->buf = NULL;
}

static void dmatest_finalize(Object *obj)
{
    CR16DMATestState *s = CR16_DMATEST(obj);

    timer_deinit(&s->chunk_timer);
}

static const Property dmatest_props[] = {
    DEFINE_PROP_UINT32("chunk-size", CR16DMATestState, chunk_size, 64),
    DEFINE_PROP_UINT64("chunk-ns", CR16DMATestState, chunk_ns, 1000),
    DEFINE_PROP_LINK("memory", CR16DMATestState, dma_mr, TYPE_MEMORY_REGION,
                     MemoryRegion *),
};

static void dmatest_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "DMA test engine (copies guest memory)";
    dc->realize = dmatest_realize;
    dc->unrealize = dmatest_unrealize;
    device_class_set_legacy_reset(dc, dmatest_reset);
    dc->bus_type = TYPE_CR16_SLOT_BUS;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    device_class_set_props(dc, dmatest_props);
}

static const TypeInfo dmatest_info = {
    .name = TYPE_CR16_DMATEST,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CR16DMATestState),
    .instance_init = dmatest_init,
    .instance_finalize = dmatest_finalize,
    .class_init = dmatest_class_init,
};

static void dmatest_register_types(void)
{
    type_register_static(&dmatest_info);
}

type_init(dmatest_register_types)
