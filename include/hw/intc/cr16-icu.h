/*
 * cr16-icu: the interrupt control unit of the virt board, modelled on the
 * ICU of National/Nuvoton CR16C parts as their firmware sees it
 * (/work/shared/docs/cr16/isa.md section 7.8: IVCT, NMISTAT, EXNMI,
 * ISTAT, IENAM and IECLR at the same offsets).
 *
 * 32 interrupt inputs INT0..INT31 (unnamed GPIO inputs 0..31) and an
 * external NMI pin (GPIO input "nmi").  Outputs: sysbus IRQ 0 drives the
 * CPU's maskable-interrupt line (CR16_CPU_IRQ), sysbus IRQ 1 its NMI line
 * (CR16_CPU_NMI).  Map the device at 0xFFFE00 so that the CPU's
 * interrupt-acknowledge byte read hits IVCT (and the NMI acknowledge
 * read at 0xFFFF00 lands inside it too).
 *
 * Register map (0x200 bytes, little-endian; 16-bit registers, byte and
 * word access):
 *
 *   0x000 IVCT     RO   (byte) 0x10 + n for the highest-numbered pending,
 *                       enabled input INTn (highest number = highest
 *                       priority), or 0x00 when none is pending
 *   0x002 NMISTAT  RC   bit 0 EXT: an external NMI was taken; clears
 *                       when read
 *   0x004 EXNMI    RW   bit 0 EN: the NMI pin may raise one NMI (cleared
 *                       when it does); bit 1 PIN (RO): the pin's level;
 *                       bit 2 ENLCK: EN stays on until reset (write 1
 *                       only)
 *   0x00A ISTAT0   RO   pending inputs 15..0
 *   0x00C ISTAT1   RO   pending inputs 31..16
 *   0x00E IENAM0   RW   enable mask 15..0
 *   0x010 IENAM1   RW   enable mask 31..16
 *   0x012 IECLR0   W1C  clear latched edge inputs 15..0
 *   0x014 IECLR1   W1C  ... 31..16
 *   0x016 IEDGE0   RW   1 = input is edge-triggered (rising edge latches
 *                       ISTAT until IECLR), 0 = level (ISTAT follows the
 *                       line); 15..0
 *   0x018 IEDGE1   RW   ... 31..16
 *   0x100          RO   the NMI acknowledge cycle's byte (reads 0)
 *
 * The CPU's IRQ line is high while (ISTAT & IENAM) != 0.  Reading IVCT
 * changes nothing (the sources clear their own requests).
 *
 * Property: "edge-mask" (uint32): the reset value of IEDGE.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_INTC_CR16_ICU_H
#define HW_INTC_CR16_ICU_H

#include "hw/sysbus.h"

#define TYPE_CR16_ICU "cr16-icu"
OBJECT_DECLARE_SIMPLE_TYPE(CR16ICUState, CR16_ICU)

#define CR16_ICU_NUM_IRQS   32
#define CR16_ICU_VECTOR_BASE 0x10
#define CR16_ICU_GPIO_NMI   "nmi"

#define CR16_ICU_IVCT       0x000
#define CR16_ICU_NMISTAT    0x002
#define CR16_ICU_EXNMI      0x004
#define CR16_ICU_ISTAT0     0x00a
#define CR16_ICU_ISTAT1     0x00c
#define CR16_ICU_IENAM0     0x00e
#define CR16_ICU_IENAM1     0x010
#define CR16_ICU_IECLR0     0x012
#define CR16_ICU_IECLR1     0x014
#define CR16_ICU_IEDGE0     0x016
#define CR16_ICU_IEDGE1     0x018
#define CR16_ICU_NMI_ACK    0x100
#define CR16_ICU_MMIO_SIZE  0x200

#define CR16_ICU_NMISTAT_EXT    0x0001
#define CR16_ICU_EXNMI_EN       0x0001
#define CR16_ICU_EXNMI_PIN      0x0002
#define CR16_ICU_EXNMI_ENLCK    0x0004

struct CR16ICUState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq cpu_irq;
    qemu_irq cpu_nmi;

    uint32_t edge_mask_reset;   /* property "edge-mask" */

    uint32_t level;             /* input line levels */
    uint32_t latched;           /* edge inputs that saw a rising edge */
    uint32_t enable;            /* IENAM */
    uint32_t edge;              /* IEDGE */
    uint16_t nmistat;
    uint16_t exnmi;
    bool nmi_pin;
};

/* ISTAT: the pending inputs (for tests and "info irq"-style dumps). */
uint32_t cr16_icu_pending(CR16ICUState *s);

#endif /* HW_INTC_CR16_ICU_H */
