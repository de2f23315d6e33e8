/*
 * The "virt" machine: a board for CR16C software that exists only in
 * the emulator.  docs/system/cr16/virt.rst describes it for users; this
 * header is the single source of its addresses and interrupt numbers.
 *
 * Memory map (24-bit physical addresses):
 *
 *   0x000000-0x00FFFF  boot ROM (64 KiB): the firmware, with the boot
 *                      information block in its last 256 bytes
 *   0x010000-...       RAM (-m, default 1 MiB, at most up to 0xF00000);
 *                      its last 8 KiB hold the flattened device tree
 *   0xFF0000-0xFFFFFF  peripherals (reachable with abs20 addressing);
 *                      an unimplemented-device stub lies under all of it:
 *     0xFF0000  ns16550a UART0 (8 byte registers)
 *     0xFF0100  cr16-timer (two counters)
 *     0xFF0200  cr16-rtc
 *     0xFF0300  cr16-testdev (exit/reset door for tests)
 *     0xFF0400  cr16-slot-controller registers
 *     0xFF4000  slot windows: slot n at 0xFF4000 + n * 0x1000
 *     0xFFFE00  cr16-icu (IVCT at 0xFFFE00 answers the CPU's interrupt
 *               acknowledge; the NMI acknowledge at 0xFFFF00 is inside)
 *
 * Interrupts (ICU input n = vector 0x10 + n; a higher n wins):
 *   0 UART0, 1 timer 0, 2 timer 1, 3 RTC, 4 hotplug controller,
 *   8 + n expansion slot n.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CR16_VIRT_H
#define HW_CR16_VIRT_H

#include "hw/boards.h"
#include "hw/cr16/virt-slots.h"
#include "target/cr16/cpu.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")
OBJECT_DECLARE_SIMPLE_TYPE(VirtMachineState, VIRT_MACHINE)

/* Memory map. */
#define VIRT_ROM_BASE       0x000000
#define VIRT_ROM_SIZE       0x010000
#define VIRT_BOOTINFO_ADDR  0x00ff00
#define VIRT_BOOTINFO_SIZE  0x000100
#define VIRT_RAM_BASE       0x010000
#define VIRT_RAM_LIMIT      0xf00000    /* RAM ends at or below this */
#define VIRT_RAM_DEFAULT    (1 * MiB)
#define VIRT_RAM_MIN        (64 * KiB)
#define VIRT_FDT_SIZE       0x2000      /* at the end of RAM */
#define VIRT_IO_BASE        0xff0000
#define VIRT_IO_SIZE        0x010000
#define VIRT_UART0_BASE     0xff0000
#define VIRT_TIMER_BASE     0xff0100
#define VIRT_RTC_BASE       0xff0200
#define VIRT_TESTDEV_BASE   0xff0300
#define VIRT_SLOTCTRL_BASE  0xff0400
#define VIRT_SLOTWIN_BASE   0xff4000
#define VIRT_ICU_BASE       0xfffe00

/* ICU inputs. */
#define VIRT_IRQ_UART0      0
#define VIRT_IRQ_TIMER0     1
#define VIRT_IRQ_TIMER1     2
#define VIRT_IRQ_RTC        3
#define VIRT_IRQ_HOTPLUG    4
#define VIRT_IRQ_SLOT(n)    (8 + (n))

#define VIRT_UART_BAUDBASE  115200      /* a 1.8432 MHz crystal / 16 */
#define VIRT_TIMER_FREQ     10000000

/* The firmware -bios defaults to, looked up in the firmware directories. */
#define VIRT_BIOS_DEFAULT   "cr16-virt.bin"

/*
 * Boot information block at VIRT_BOOTINFO_ADDR (ROM; little-endian),
 * written by the board for the firmware:
 *   +0x00 u32 magic VIRT_BOOTINFO_MAGIC ("CR16")
 *   +0x04 u16 version (1)
 *   +0x06 u16 flags: VIRT_BOOTINFO_F_KERNEL when -kernel was loaded
 *   +0x08 u32 RAM base          +0x0C u32 RAM size
 *   +0x10 u32 kernel entry      +0x14 u32 device tree address
 *   +0x18 u32 device tree size  +0x1C u16 number of slots
 *   +0x20 char[16] CPU model ("cr16c"), NUL-terminated
 */
#define VIRT_BOOTINFO_MAGIC     0x36315243u
#define VIRT_BOOTINFO_F_KERNEL  0x0001
#define VIRT_BI_MAGIC       0x00
#define VIRT_BI_VERSION     0x04
#define VIRT_BI_FLAGS       0x06
#define VIRT_BI_RAM_BASE    0x08
#define VIRT_BI_RAM_SIZE    0x0c
#define VIRT_BI_ENTRY       0x10
#define VIRT_BI_FDT_ADDR    0x14
#define VIRT_BI_FDT_SIZE    0x18
#define VIRT_BI_NSLOTS      0x1c
#define VIRT_BI_CPU_MODEL   0x20
#define VIRT_BI_CPU_MODEL_LEN 16

struct VirtMachineState {
    MachineState parent_obj;

    MemoryRegion rom;
    MemoryRegion ram;
    CR16CPU *cpu;
    DeviceState *icu;
    DeviceState *uart0;
    DeviceState *timer;
    DeviceState *rtc;
    DeviceState *testdev;
    CR16SlotCtrlState *slots;
    CR16SlotBus *onboard_bus;

    /* Machine properties. */
    uint32_t num_slots;
    uint32_t surprise;
    char *rtc_clock;

    bool have_kernel;
    uint32_t kernel_entry;
};

/*
 * The device tree describing the board as it is now (slot contents
 * included), ready to copy into RAM; g_free() it.  *@size is its size.
 */
void *virt_build_fdt(VirtMachineState *vms, int *size);

#endif /* HW_CR16_VIRT_H */
