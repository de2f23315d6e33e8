/*
 * cr16-rtc: a seconds counter with an alarm.
 *
 * Register map (0x20 bytes, little-endian, 16- or 32-bit access; 32-bit
 * registers may be written one half at a time):
 *
 *   0x00 SECONDS  RW   the time in seconds; writing sets it
 *   0x04 ALARM    RW   STATUS.AF is set when SECONDS reaches this value
 *   0x08 CTRL     RW   bit 0 AIE: interrupt on the alarm
 *   0x0C STATUS   W1C  bit 0 AF: the alarm went off
 *   0x10 ID       RO   CR16_RTC_ID_VALUE
 *
 * The interrupt (sysbus IRQ 0) is high while STATUS.AF and CTRL.AIE.
 *
 * Property "clock": "host" (the default: SECONDS starts at the host's
 * Unix time and follows the host clock) or "vm" (SECONDS starts at 0 and
 * follows the virtual clock, so runs under icount or qtest are
 * reproducible).  The time the guest set survives a reset.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_RTC_CR16_RTC_H
#define HW_RTC_CR16_RTC_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_CR16_RTC "cr16-rtc"
OBJECT_DECLARE_SIMPLE_TYPE(CR16RTCState, CR16_RTC)

#define CR16_RTC_SECONDS    0x00
#define CR16_RTC_ALARM      0x04
#define CR16_RTC_CTRL       0x08
#define CR16_RTC_STATUS     0x0c
#define CR16_RTC_ID         0x10
#define CR16_RTC_MMIO_SIZE  0x20

#define CR16_RTC_ID_VALUE   0x27c0
#define CR16_RTC_CTRL_AIE   0x01
#define CR16_RTC_ST_AF      0x01

struct CR16RTCState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    QEMUTimer *alarm_timer;
    QEMUClockType clock_type;

    char *clock;                /* property */

    int64_t offset;             /* SECONDS = offset + clock seconds */
    uint32_t alarm;
    uint16_t ctrl;
    uint16_t status;
};

#endif /* HW_RTC_CR16_RTC_H */
