/*
 * NS16550A UART (register map in include/hw/char/ns16550a.h).
 *
 * What is modelled: both FIFOs with the four receiver trigger levels,
 * the divisor latch, the four interrupt sources with the datasheet's
 * priorities (line status > received data / character timeout > THR
 * empty > modem status), the THRE interrupt's "cleared by reading IIR"
 * rule, overrun, break (from the chardev's BREAK event), and loopback
 * (MCR.LOOP: transmitted bytes come back to the receiver and the modem
 * outputs drive the modem inputs).
 *
 * Transmission is instantaneous: a byte written to THR goes to the
 * chardev at once and THR is empty again, so the THRE interrupt follows
 * every write.  Line speed matters only for the character timeout, which
 * runs on the virtual clock.  Parity and framing errors never happen.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/char/ns16550a.h"
#include "hw/cr16/virt-slots.h"
#include "hw/qdev-properties.h"

/* Modem inputs when nothing is in loopback: a null-modem cable. */
#define UART_MSR_IDLE   (UART_MSR_CTS | UART_MSR_DSR | UART_MSR_DCD)
#define UART_NS_PER_SEC UINT64_C(1000000000)

/* ---- FIFOs ---------------------------------------------------------- */

static void fifo_reset(NS16550AFifo *f)
{
    f->head = 0;
    f->count = 0;
}

static bool fifo_full(NS16550AFifo *f)
{
    return f->count == UART_FIFO_LEN;
}

static void fifo_push(NS16550AFifo *f, uint8_t data, uint8_t err)
{
    unsigned slot = (f->head + f->count) % UART_FIFO_LEN;

    g_assert(!fifo_full(f));
    f->data[slot] = data;
    f->err[slot] = err;
    f->count++;
}

static uint8_t fifo_pop(NS16550AFifo *f)
{
    uint8_t v = f->data[f->head];

    g_assert(f->count);
    f->head = (f->head + 1) % UART_FIFO_LEN;
    f->count--;
    return v;
}

static bool fifo_has_error(NS16550AFifo *f)
{
    for (unsigned i = 0; i < f->count; i++) {
        if (f->err[(f->head + i) % UART_FIFO_LEN]) {
            return true;
        }
    }
    return false;
}

/* ---- interrupt logic ------------------------------------------------ */

static bool uart_fifo_enabled(NS16550AState *s)
{
    return s->fcr & UART_FCR_FE;
}

static unsigned uart_trigger_level(NS16550AState *s)
{
    static const unsigned levels[4] = { 1, 4, 8, 14 };

    return levels[(s->fcr & UART_FCR_ITL) >> 6];
}

/* Data at or above the trigger level (FIFO mode) or in RBR (16450 mode). */
static bool uart_rx_triggered(NS16550AState *s)
{
    if (uart_fifo_enabled(s)) {
        return s->rx_fifo.count >= uart_trigger_level(s);
    }
    return s->lsr & UART_LSR_DR;
}

/* The identity of the highest-priority pending, enabled interrupt. */
static uint8_t uart_compute_iir(NS16550AState *s)
{
    if ((s->ier & UART_IER_RLSI) && (s->lsr & UART_LSR_INT_ANY)) {
        return UART_IIR_RLSI;
    }
    if ((s->ier & UART_IER_RDI) && uart_rx_triggered(s)) {
        return UART_IIR_RDI;
    }
    if ((s->ier & UART_IER_RDI) && s->timeout_ipending) {
        return UART_IIR_CTI;
    }
    if ((s->ier & UART_IER_THRI) && s->thr_ipending) {
        return UART_IIR_THRI;
    }
    if ((s->ier & UART_IER_MSI) && (s->msr & UART_MSR_DELTAS)) {
        return UART_IIR_MSI;
    }
    return UART_IIR_NO_INT;
}

static void uart_update_irq(NS16550AState *s)
{
    s->last_iir = uart_compute_iir(s);
    qemu_set_irq(s->irq, s->last_iir != UART_IIR_NO_INT);
}

/* ---- receiver ------------------------------------------------------- */

/* Four character times at the programmed line settings, in ns. */
static int64_t uart_timeout_ns(NS16550AState *s)
{
    unsigned bits = 1 + 5 + (s->lcr & UART_LCR_WLS) +
                    ((s->lcr & UART_LCR_PEN) ? 1 : 0) +
                    ((s->lcr & UART_LCR_STB) ? 2 : 1);
    uint64_t div = s->divider ? s->divider : 1;

    return (int64_t)(4 * bits * div * UART_NS_PER_SEC / s->baudbase);
}

/* Restart the "no activity for four characters" countdown. */
static void uart_rearm_timeout(NS16550AState *s)
{
    s->timeout_ipending = false;
    if (uart_fifo_enabled(s) && s->rx_fifo.count) {
        timer_mod_ns(&s->timeout_timer,
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                     uart_timeout_ns(s));
    } else {
        timer_del(&s->timeout_timer);
    }
}

static void uart_timeout_cb(void *opaque)
{
    NS16550AState *s = opaque;

    if (uart_fifo_enabled(s) && s->rx_fifo.count) {
        s->timeout_ipending = true;
        uart_update_irq(s);
    }
}

/* A character arrives at the receiver; @err is an LSR error bit or 0. */
static void uart_receive_char(NS16550AState *s, uint8_t data, uint8_t err)
{
    if (uart_fifo_enabled(s)) {
        if (fifo_full(&s->rx_fifo)) {
            /* The datasheet: the FIFO keeps its data, the new one is lost. */
            s->lsr |= UART_LSR_OE;
        } else {
            fifo_push(&s->rx_fifo, data, err);
            if (err) {
                s->lsr |= UART_LSR_RXFE;
            }
        }
    } else {
        if (s->lsr & UART_LSR_DR) {
            s->lsr |= UART_LSR_OE;
        }
        s->rbr = data;
    }
    s->lsr |= UART_LSR_DR | err;
    uart_rearm_timeout(s);
    uart_update_irq(s);
}

static int uart_can_receive(void *opaque)
{
    NS16550AState *s = opaque;

    /* In loopback the receiver listens to our own transmitter only. */
    if (s->mcr & UART_MCR_LOOP) {
        return 0;
    }
    if (uart_fifo_enabled(s)) {
        return UART_FIFO_LEN - s->rx_fifo.count;
    }
    return (s->lsr & UART_LSR_DR) ? 0 : 1;
}

static void uart_receive(void *opaque, const uint8_t *buf, int size)
{
    NS16550AState *s = opaque;

    for (int i = 0; i < size; i++) {
        uart_receive_char(s, buf[i], 0);
    }
}

static void uart_event(void *opaque, QEMUChrEvent event)
{
    NS16550AState *s = opaque;

    if (event == CHR_EVENT_BREAK && !(s->mcr & UART_MCR_LOOP)) {
        /* A break reads as a NUL character with BI set. */
        uart_receive_char(s, 0, UART_LSR_BI);
    }
}

static uint8_t uart_read_rbr(NS16550AState *s)
{
    uint8_t v = 0;

    if (uart_fifo_enabled(s)) {
        if (s->rx_fifo.count) {
            v = fifo_pop(&s->rx_fifo);
        }
        if (!s->rx_fifo.count) {
            s->lsr &= ~UART_LSR_DR;
        }
        if (!fifo_has_error(&s->rx_fifo)) {
            s->lsr &= ~UART_LSR_RXFE;
        }
        uart_rearm_timeout(s);
    } else {
        v = s->rbr;
        s->lsr &= ~UART_LSR_DR;
    }
    uart_update_irq(s);
    /* Room again: let the chardev deliver what it held back. */
    if (!(s->mcr & UART_MCR_LOOP)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
    return v;
}

/* ---- transmitter ---------------------------------------------------- */

static void uart_transmit(NS16550AState *s, uint8_t data)
{
    if (s->mcr & UART_MCR_LOOP) {
        uart_receive_char(s, data, 0);
    } else {
        qemu_chr_fe_write_all(&s->chr, &data, 1);
    }
}

static void uart_write_thr(NS16550AState *s, uint8_t data)
{
    s->thr_ipending = false;
    if (uart_fifo_enabled(s)) {
        fifo_push(&s->tx_fifo, data, 0);
        while (s->tx_fifo.count) {
            uart_transmit(s, fifo_pop(&s->tx_fifo));
        }
    } else {
        uart_transmit(s, data);
    }
    /* Sent already: THR and the shift register are empty again. */
    s->lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    s->thr_ipending = true;
    uart_update_irq(s);
}

/* ---- modem lines ---------------------------------------------------- */

/* New MSR input bits; the delta bits record what changed. */
static void uart_set_msr_inputs(NS16550AState *s, uint8_t in)
{
    uint8_t old = s->msr;

    if ((old ^ in) & UART_MSR_CTS) {
        s->msr |= UART_MSR_DCTS;
    }
    if ((old ^ in) & UART_MSR_DSR) {
        s->msr |= UART_MSR_DDSR;
    }
    if ((old ^ in) & UART_MSR_DCD) {
        s->msr |= UART_MSR_DDCD;
    }
    /* TERI: only the trailing edge of RI. */
    if ((old & UART_MSR_RI) && !(in & UART_MSR_RI)) {
        s->msr |= UART_MSR_TERI;
    }
    s->msr = (s->msr & UART_MSR_DELTAS) | (in & ~UART_MSR_DELTAS);
}

static void uart_write_mcr(NS16550AState *s, uint8_t val)
{
    uint8_t in;

    s->mcr = val & 0x1f;
    if (s->mcr & UART_MCR_LOOP) {
        /* Datasheet loopback wiring: RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD. */
        in = ((s->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0) |
             ((s->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0) |
             ((s->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0) |
             ((s->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0);
    } else {
        in = UART_MSR_IDLE;
    }
    uart_set_msr_inputs(s, in);
    uart_update_irq(s);
    if (!(s->mcr & UART_MCR_LOOP)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void uart_write_fcr(NS16550AState *s, uint8_t val)
{
    /* Turning the FIFOs on or off empties them. */
    if ((val ^ s->fcr) & UART_FCR_FE) {
        val |= UART_FCR_RFR | UART_FCR_XFR;
    }
    if (val & UART_FCR_RFR) {
        fifo_reset(&s->rx_fifo);
        s->lsr &= ~(UART_LSR_DR | UART_LSR_RXFE);
        s->timeout_ipending = false;
        timer_del(&s->timeout_timer);
    }
    if (val & UART_FCR_XFR) {
        fifo_reset(&s->tx_fifo);
    }
    s->fcr = val & (UART_FCR_FE | UART_FCR_DMS | UART_FCR_ITL);
    if (!(s->fcr & UART_FCR_FE)) {
        /* The trigger level is meaningless without the FIFOs. */
        s->fcr = 0;
    }
    uart_update_irq(s);
    qemu_chr_fe_accept_input(&s->chr);
}

/* ---- register access ------------------------------------------------ */

static uint64_t uart_read(void *opaque, hwaddr addr, unsigned size)
{
    NS16550AState *s = opaque;
    unsigned reg = addr >> s->regshift;
    uint8_t v;

    /* With a stride above 1, the other bytes of each slot are padding. */
    if (addr & ((1u << s->regshift) - 1)) {
        return 0;
    }
    switch (reg) {
    case UART_RBR:
        if (s->lcr & UART_LCR_DLAB) {
            return s->divider & 0xff;
        }
        return uart_read_rbr(s);
    case UART_IER:
        if (s->lcr & UART_LCR_DLAB) {
            return s->divider >> 8;
        }
        return s->ier;
    case UART_IIR:
        v = uart_compute_iir(s);
        /* Reading IIR while it reports THRE acknowledges that interrupt. */
        if (v == UART_IIR_THRI) {
            s->thr_ipending = false;
            uart_update_irq(s);
        }
        return v | (uart_fifo_enabled(s) ? UART_IIR_FE : 0);
    case UART_LCR:
        return s->lcr;
    case UART_MCR:
        return s->mcr;
    case UART_LSR:
        v = s->lsr;
        /* The error bits clear when read (RXFE stays while errors remain). */
        s->lsr &= ~UART_LSR_INT_ANY;
        if (!uart_fifo_enabled(s) || !fifo_has_error(&s->rx_fifo)) {
            s->lsr &= ~UART_LSR_RXFE;
        }
        uart_update_irq(s);
        return v;
    case UART_MSR:
        v = s->msr;
        s->msr &= ~UART_MSR_DELTAS;
        uart_update_irq(s);
        return v;
    case UART_SCR:
        return s->scr;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "ns16550a: read at bad offset 0x%"
                      HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void uart_write(void *opaque, hwaddr addr, uint64_t val64,
                       unsigned size)
{
    NS16550AState *s = opaque;
    unsigned reg = addr >> s->regshift;
    uint8_t val = val64;

    if (addr & ((1u << s->regshift) - 1)) {
        return;
    }
    switch (reg) {
    case UART_THR:
        if (s->lcr & UART_LCR_DLAB) {
            s->divider = (s->divider & 0xff00) | val;
        } else {
            uart_write_thr(s, val);
        }
        break;
    case UART_IER:
        if (s->lcr & UART_LCR_DLAB) {
            s->divider = (s->divider & 0x00ff) | (val << 8);
            break;
        }
        /* Enabling THRE while THR is empty interrupts at once. */
        if ((val & UART_IER_THRI) && !(s->ier & UART_IER_THRI) &&
            (s->lsr & UART_LSR_THRE)) {
            s->thr_ipending = true;
        }
        s->ier = val & 0x0f;
        uart_update_irq(s);
        break;
    case UART_FCR:
        uart_write_fcr(s, val);
        break;
    case UART_LCR:
        s->lcr = val;
        break;
    case UART_MCR:
        uart_write_mcr(s, val);
        break;
    case UART_LSR:
    case UART_MSR:
        /* Factory-test writes on real parts; nothing useful here. */
        qemu_log_mask(LOG_GUEST_ERROR, "ns16550a: write 0x%02x to read-only "
                      "%s\n", val, reg == UART_LSR ? "LSR" : "MSR");
        break;
    case UART_SCR:
        s->scr = val;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "ns16550a: write at bad offset 0x%"
                      HWADDR_PRIx "\n", addr);
        break;
    }
}

static const MemoryRegionOps uart_ops = {
    .read = uart_read,
    .write = uart_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 4,
    },
    .impl = {
        .min_access_size = 1,
        .max_access_size = 1,
    },
};

/* ---- the device ----------------------------------------------------- */

static void uart_reset(DeviceState *dev)
{
    NS16550AState *s = NS16550A(dev);

    s->divider = 0;
    s->ier = 0;
    s->lcr = 0;
    s->mcr = 0;
    s->lsr = UART_LSR_THRE | UART_LSR_TEMT;
    s->msr = UART_MSR_IDLE;
    s->scr = 0;
    s->fcr = 0;
    s->rbr = 0;
    fifo_reset(&s->rx_fifo);
    fifo_reset(&s->tx_fifo);
    s->thr_ipending = false;
    s->timeout_ipending = false;
    timer_del(&s->timeout_timer);
    uart_update_irq(s);
}

static void uart_init(Object *obj)
{
    NS16550AState *s = NS16550A(obj);

    timer_init_ns(&s->timeout_timer, QEMU_CLOCK_VIRTUAL, uart_timeout_cb, s);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void uart_realize(DeviceState *dev, Error **errp)
{
    NS16550AState *s = NS16550A(dev);

    if (s->regshift > 2) {
        error_setg(errp, "ns16550a: regshift must be 0, 1 or 2 (registers "
                   "1, 2 or 4 bytes apart), not %u", s->regshift);
        return;
    }
    if (!s->baudbase) {
        error_setg(errp, "ns16550a: baudbase must not be 0");
        return;
    }
    memory_region_init_io(&s->iomem, OBJECT(dev), &uart_ops, s, "ns16550a",
                          UART_NR_REGS << s->regshift);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
    qemu_chr_fe_set_handlers(&s->chr, uart_can_receive, uart_receive,
                             uart_event, NULL, s, NULL, true);
    uart_reset(dev);
}

static void uart_unrealize(DeviceState *dev)
{
    NS16550AState *s = NS16550A(dev);

    /* The chardev may outlive us (hot-unplug): stop its callbacks now. */
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, NULL, NULL,
                             false);
    timer_del(&s->timeout_timer);
    qemu_set_irq(s->irq, 0);
}

static void uart_finalize(Object *obj)
{
    NS16550AState *s = NS16550A(obj);

    timer_deinit(&s->timeout_timer);
}

static const Property uart_props[] = {
    DEFINE_PROP_CHR("chardev", NS16550AState, chr),
    DEFINE_PROP_UINT8("regshift", NS16550AState, regshift, 0),
    DEFINE_PROP_UINT32("baudbase", NS16550AState, baudbase, 115200),
};

static void uart_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "NS16550A UART with 16-byte FIFOs";
    dc->realize = uart_realize;
    dc->unrealize = uart_unrealize;
    device_class_set_legacy_reset(dc, uart_reset);
    dc->bus_type = TYPE_CR16_SLOT_BUS;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    device_class_set_props(dc, uart_props);
}

static const TypeInfo uart_info = {
    .name = TYPE_NS16550A,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(NS16550AState),
    .instance_init = uart_init,
    .instance_finalize = uart_finalize,
    .class_init = uart_class_init,
};

static void uart_register_types(void)
{
    type_register_static(&uart_info);
}

type_init(uart_register_types)
