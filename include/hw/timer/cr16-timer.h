/*
 * cr16-timer: two 32-bit down-counters with reload and a shared
 * prescaler, counting on the virtual clock.
 *
 * Register map (0x40 bytes, little-endian, 16- or 32-bit access; 32-bit
 * registers may be written one half at a time):
 *
 *   0x00 + 0x10 * n   LOAD     RW   reload value of counter n; writing
 *                                   it also restarts the count from it
 *   0x04 + 0x10 * n   COUNT    RO   current value
 *   0x08 + 0x10 * n   CTRL     RW   bit 0 EN (count), bit 1 PERIODIC
 *                                   (reload at 0; else stop there),
 *                                   bit 2 IE (interrupt on expiry)
 *   0x0C + 0x10 * n   STATUS   W1C  bit 0 EXPIRED: the counter reached 0
 *   0x20              PRESCALE RW   counters tick every PRESCALE + 1
 *                                   input clock cycles
 *   0x24              ID       RO   CR16_TIMER_ID_VALUE
 *
 * A counter starting at COUNT = c expires c ticks later; LOAD = 0 never
 * expires.  Enabling a stopped counter whose COUNT is 0 reloads it.
 * Interrupt n (sysbus IRQ n) is high while STATUS.EXPIRED and CTRL.IE.
 *
 * Property: "clock-frequency" (Hz, default 10 MHz).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_TIMER_CR16_TIMER_H
#define HW_TIMER_CR16_TIMER_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_CR16_TIMER "cr16-timer"
OBJECT_DECLARE_SIMPLE_TYPE(CR16TimerState, CR16_TIMER)

#define CR16_TIMER_CHANNELS     2

#define CR16_TIMER_LOAD(n)      (0x00 + 0x10 * (n))
#define CR16_TIMER_COUNT(n)     (0x04 + 0x10 * (n))
#define CR16_TIMER_CTRL(n)      (0x08 + 0x10 * (n))
#define CR16_TIMER_STATUS(n)    (0x0c + 0x10 * (n))
#define CR16_TIMER_PRESCALE     0x20
#define CR16_TIMER_ID           0x24
#define CR16_TIMER_MMIO_SIZE    0x40

#define CR16_TIMER_ID_VALUE     0x7133

#define CR16_TIMER_CTRL_EN      0x01
#define CR16_TIMER_CTRL_PERIODIC 0x02
#define CR16_TIMER_CTRL_IE      0x04
#define CR16_TIMER_ST_EXPIRED   0x01

typedef struct CR16TimerChannel {
    struct CR16TimerState *parent;
    QEMUTimer timer;
    qemu_irq irq;
    uint32_t load;
    uint32_t count;         /* value at base_ns (the live value if stopped) */
    int64_t base_ns;        /* when count was valid, while enabled */
    uint16_t ctrl;
    uint16_t status;
} CR16TimerChannel;

struct CR16TimerState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    CR16TimerChannel ch[CR16_TIMER_CHANNELS];
    uint16_t prescale;
    uint32_t freq;
};

#endif /* HW_TIMER_CR16_TIMER_H */
