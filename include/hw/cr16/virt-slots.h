/*
 * The virt board's expansion bus: slots, the bus type devices plug into,
 * and the hotplug controller the guest talks to.
 *
 * Each slot is one "cr16-slot-bus" (named "slot.<n>") holding at most one
 * device, an MMIO window (window-size bytes; the device's MMIO region 0
 * is mapped at its start) and an interrupt line (the device's sysbus
 * IRQ 0, forwarded to the controller's "slot-irq" output n).  The
 * controller is the buses' HotplugHandler, so "-device ns16550a,bus=slot.1"
 * and QMP device_add/device_del work, and devices are hot-pluggable only
 * there.  Devices that can go in a slot (ns16550a, cr16-dmatest,
 * cr16-memcard) have this bus type as their bus_type.
 *
 * Guest registers (MMIO region 0, 0x100 bytes, 16-bit, little-endian):
 *
 *   0x00 ID          RO   SLOTCTRL_ID_VALUE
 *   0x02 NSLOTS      RO   number of slots
 *   0x04 CTRL        RW   bit 0 EN: a guest driver handles hotplug; it
 *                         enables the interrupt and makes device_del wait
 *                         for the guest's acknowledge
 *   0x06 PRESENT     RO   bit n: slot n holds a device
 *   0x08 PLUG_EVT    W1C  bit n: a device was plugged into slot n
 *   0x0A UNPLUG_EVT  W1C  bit n: the device in slot n was removed
 *   0x0C EJREQ_EVT   W1C  bit n: removal of slot n's device was requested
 *   0x0E EJECT_REQ   RO   bit n: a removal request is waiting for the guest
 *   0x10 EJECT       WO   write 1 to bit n: remove slot n's device now
 *                         (acknowledges a request, or ejects on the
 *                         guest's own initiative)
 *   0x12 SURPRISE    RO   bit n: slot n is set for surprise removal
 *   0x14 WINSIZE     RO   bytes per slot window
 *   0x16 WINBASE_LO  RO   guest address of slot 0's window, bits 15:0
 *   0x18 WINBASE_HI  RO   ... bits 31:16 (slot n is at base + n * WINSIZE)
 *   0x20 + 2n KIND   RO   what slot n holds: SLOT_KIND_*
 *
 * The interrupt (sysbus IRQ 0) is high while CTRL.EN is set and any bit
 * of PLUG_EVT | UNPLUG_EVT | EJREQ_EVT is set.
 *
 * Removal policy for device_del: when CTRL.EN is clear (no guest driver)
 * or the slot is in the "surprise-removal" mask, the device is removed
 * at once (from a bottom half, right after the command returns);
 * otherwise EJECT_REQ/EJREQ_EVT are set, the interrupt is raised, and the
 * device is removed when the guest writes its bit to EJECT.  Clearing
 * CTRL.EN (or a reset) completes every pending request.  Removal
 * unrealizes and unparents the device; DEVICE_DELETED follows when the
 * object is finalized.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CR16_VIRT_SLOTS_H
#define HW_CR16_VIRT_SLOTS_H

#include "hw/sysbus.h"
#include "hw/hotplug.h"

#define TYPE_CR16_SLOT_BUS "cr16-slot-bus"
OBJECT_DECLARE_SIMPLE_TYPE(CR16SlotBus, CR16_SLOT_BUS)

#define TYPE_CR16_SLOT_CTRL "cr16-slot-controller"
OBJECT_DECLARE_SIMPLE_TYPE(CR16SlotCtrlState, CR16_SLOT_CTRL)

#define CR16_SLOT_MAX           8
#define CR16_SLOT_DEFAULT       4
#define CR16_SLOT_WINDOW        0x1000

/* Named GPIO lines of the controller. */
#define CR16_SLOT_GPIO_IN       "slot-dev-irq"  /* from the devices */
#define CR16_SLOT_GPIO_OUT      "slot-irq"      /* to the board's ICU */

/* Register offsets. */
#define SLOTCTRL_ID             0x00
#define SLOTCTRL_NSLOTS         0x02
#define SLOTCTRL_CTRL           0x04
#define SLOTCTRL_PRESENT        0x06
#define SLOTCTRL_PLUG_EVT       0x08
#define SLOTCTRL_UNPLUG_EVT     0x0a
#define SLOTCTRL_EJREQ_EVT      0x0c
#define SLOTCTRL_EJECT_REQ      0x0e
#define SLOTCTRL_EJECT          0x10
#define SLOTCTRL_SURPRISE       0x12
#define SLOTCTRL_WINSIZE        0x14
#define SLOTCTRL_WINBASE_LO     0x16
#define SLOTCTRL_WINBASE_HI     0x18
#define SLOTCTRL_KIND(n)        (0x20 + 2 * (n))
#define SLOTCTRL_MMIO_SIZE      0x100

#define SLOTCTRL_ID_VALUE       0x5107
#define SLOTCTRL_CTRL_EN        0x0001

/* KIND values. */
#define SLOT_KIND_EMPTY         0
#define SLOT_KIND_NS16550A      1
#define SLOT_KIND_DMATEST       2
#define SLOT_KIND_MEMCARD       3
#define SLOT_KIND_OTHER         0xff

typedef struct QEMUBH QEMUBH;

struct CR16SlotBus {
    BusState parent_obj;

    int slot;       /* the slot number, or -1 for a board's on-board bus */
};

struct CR16SlotCtrlState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    /* All windows, back to back; each slot's window is a subregion. */
    MemoryRegion windows;
    MemoryRegion window[CR16_SLOT_MAX];
    CR16SlotBus *bus[CR16_SLOT_MAX];
    qemu_irq irq;
    qemu_irq slot_irq[CR16_SLOT_MAX];
    /* Removals that need no guest: done by this BH. */
    QEMUBH *remove_bh;

    /* Properties. */
    uint32_t num_slots;
    uint32_t window_size;
    uint32_t surprise;
    uint64_t window_base;

    /* Registers. */
    uint16_t ctrl;
    uint16_t present;
    uint16_t plug_evt;
    uint16_t unplug_evt;
    uint16_t ejreq_evt;
    uint16_t eject_req;
    uint16_t kind[CR16_SLOT_MAX];

    uint16_t pending_removal;
    bool slot_level[CR16_SLOT_MAX];
};

/*
 * A bus of the slot type that is not hot-pluggable, for a board's own
 * devices of slot-capable types (the virt board's built-in UART).  It is
 * a QOM child "<name>" of @parent and holds one device.
 */
CR16SlotBus *cr16_slot_bus_new_onboard(Object *parent, const char *name);

/* The device in slot @n, or NULL. */
DeviceState *cr16_slot_ctrl_get_device(CR16SlotCtrlState *s, unsigned n);
/* The slot bus @n ("slot.<n>"). */
BusState *cr16_slot_ctrl_get_bus(CR16SlotCtrlState *s, unsigned n);
/* SLOT_KIND_* for a device type name. */
unsigned cr16_slot_kind_of(const char *type);

#endif /* HW_CR16_VIRT_SLOTS_H */
