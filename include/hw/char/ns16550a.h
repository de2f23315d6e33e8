/*
 * NS16550A UART: the classic PC-style serial port with 16-byte FIFOs.
 *
 * Register map (byte registers; register n sits at offset n << regshift):
 *
 *   0  RBR (read)  receive buffer        THR (write) transmit holding
 *      DLL (LCR.DLAB = 1) divisor latch, low byte
 *   1  IER         interrupt enable      DLM (LCR.DLAB = 1) divisor, high
 *   2  IIR (read)  interrupt identity    FCR (write) FIFO control
 *   3  LCR         line control (bit 7: DLAB)
 *   4  MCR         modem control (bit 4: loopback)
 *   5  LSR         line status
 *   6  MSR         modem status
 *   7  SCR         scratch
 *
 * Properties: "chardev" (the host end), "regshift" (register stride is
 * 1 << regshift bytes; default 0), "baudbase" (input clock / 16, used
 * only to time the FIFO character timeout; default 115200).
 *
 * One interrupt output (sysbus IRQ 0), level-triggered, high while any
 * enabled condition is pending.  Unlike a PC, MCR.OUT2 does not gate it:
 * boards wire it straight to their interrupt controller.
 *
 * The device sits on a "cr16-slot-bus" (include/hw/cr16/virt-slots.h): the
 * virt board's expansion slots, or the board's own on-board bus.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CHAR_NS16550A_H
#define HW_CHAR_NS16550A_H

#include "hw/sysbus.h"
#include "chardev/char-fe.h"
#include "qemu/timer.h"

#define TYPE_NS16550A "ns16550a"
OBJECT_DECLARE_SIMPLE_TYPE(NS16550AState, NS16550A)

/* Register numbers (NS16550A datasheet, "Register Summary" table). */
#define UART_RBR    0   /* receiver buffer (read, DLAB = 0) */
#define UART_THR    0   /* transmitter holding (write, DLAB = 0) */
#define UART_DLL    0   /* divisor latch LSB (DLAB = 1) */
#define UART_IER    1   /* interrupt enable (DLAB = 0) */
#define UART_DLM    1   /* divisor latch MSB (DLAB = 1) */
#define UART_IIR    2   /* interrupt identification (read) */
#define UART_FCR    2   /* FIFO control (write) */
#define UART_LCR    3   /* line control */
#define UART_MCR    4   /* modem control */
#define UART_LSR    5   /* line status */
#define UART_MSR    6   /* modem status */
#define UART_SCR    7   /* scratch */
#define UART_NR_REGS 8

/* IER bits (datasheet "Interrupt Enable Register"). */
#define UART_IER_RDI    0x01    /* received data available */
#define UART_IER_THRI   0x02    /* transmitter holding register empty */
#define UART_IER_RLSI   0x04    /* receiver line status */
#define UART_IER_MSI    0x08    /* modem status */

/* IIR values, highest priority first ("Interrupt Control Functions"). */
#define UART_IIR_NO_INT 0x01
#define UART_IIR_RLSI   0x06    /* priority 1: overrun/parity/framing/break */
#define UART_IIR_RDI    0x04    /* priority 2: data at the trigger level */
#define UART_IIR_CTI    0x0c    /* priority 2: character timeout */
#define UART_IIR_THRI   0x02    /* priority 3: THR empty */
#define UART_IIR_MSI    0x00    /* priority 4: modem status change */
#define UART_IIR_FE     0xc0    /* FIFOs enabled */

/* FCR bits. */
#define UART_FCR_FE     0x01    /* FIFO enable */
#define UART_FCR_RFR    0x02    /* receiver FIFO reset */
#define UART_FCR_XFR    0x04    /* transmitter FIFO reset */
#define UART_FCR_DMS    0x08    /* DMA mode select (no effect here) */
#define UART_FCR_ITL    0xc0    /* receiver trigger level: 1, 4, 8, 14 */

/* LCR bits. */
#define UART_LCR_WLS    0x03    /* word length 5..8 */
#define UART_LCR_STB    0x04    /* 2 stop bits */
#define UART_LCR_PEN    0x08    /* parity enable */
#define UART_LCR_SBC    0x40    /* set break */
#define UART_LCR_DLAB   0x80    /* divisor latch access */

/* MCR bits. */
#define UART_MCR_DTR    0x01
#define UART_MCR_RTS    0x02
#define UART_MCR_OUT1   0x04
#define UART_MCR_OUT2   0x08
#define UART_MCR_LOOP   0x10

/* LSR bits. */
#define UART_LSR_DR     0x01    /* data ready */
#define UART_LSR_OE     0x02    /* overrun error */
#define UART_LSR_PE     0x04    /* parity error */
#define UART_LSR_FE     0x08    /* framing error */
#define UART_LSR_BI     0x10    /* break interrupt */
#define UART_LSR_THRE   0x20    /* THR (or TX FIFO) empty */
#define UART_LSR_TEMT   0x40    /* transmitter empty */
#define UART_LSR_RXFE   0x80    /* an error somewhere in the RX FIFO */
#define UART_LSR_INT_ANY (UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | \
                          UART_LSR_BI)

/* MSR bits. */
#define UART_MSR_DCTS   0x01
#define UART_MSR_DDSR   0x02
#define UART_MSR_TERI   0x04
#define UART_MSR_DDCD   0x08
#define UART_MSR_CTS    0x10
#define UART_MSR_DSR    0x20
#define UART_MSR_RI     0x40
#define UART_MSR_DCD    0x80
#define UART_MSR_DELTAS 0x0f

#define UART_FIFO_LEN   16

/* A byte FIFO; @err holds an LSR error bit per entry (break, overrun). */
typedef struct NS16550AFifo {
    uint8_t data[UART_FIFO_LEN];
    uint8_t err[UART_FIFO_LEN];
    unsigned head;
    unsigned count;
} NS16550AFifo;

struct NS16550AState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    CharBackend chr;
    /* Character timeout (four character times of silence). */
    QEMUTimer timeout_timer;

    /* Properties. */
    uint8_t regshift;
    uint32_t baudbase;

    /* Registers. */
    uint16_t divider;
    uint8_t ier;
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    uint8_t fcr;
    uint8_t rbr;                /* non-FIFO mode holding register */
    NS16550AFifo rx_fifo;
    NS16550AFifo tx_fifo;

    /* Interrupt conditions that are events rather than levels. */
    bool thr_ipending;          /* THRE interrupt not yet acknowledged */
    bool timeout_ipending;
    uint8_t last_iir;
};

#endif /* HW_CHAR_NS16550A_H */
