/*
 * The virt board's expansion slots and their hotplug controller (register
 * map and removal policy in include/hw/cr16/virt-slots.h).
 *
 * Lifetime notes (design.md section 5):
 *  - A plugged device's MMIO region 0 becomes a subregion of the slot's
 *    window; the window is ours, the region is the device's.  Removing a
 *    device never deletes that subregion here: qdev takes every region
 *    of the device out of its container after unrealize (rule 3).
 *  - Removal from the guest's EJECT write happens inside our own MMIO
 *    callback; the memory core defers freeing whatever the dispatch
 *    still uses (rule 6).  Removal for device_del without a guest
 *    driver runs from a bottom half, because qdev_unplug() still uses
 *    the device after our unplug_request returns.
 *  - Slot occupancy is kept in our own registers, updated by plug and
 *    unplug, so the guest view and the bus never disagree for long: a
 *    device going away with the whole machine simply takes its bus with
 *    it.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "hw/cr16/virt-slots.h"
#include "hw/char/ns16550a.h"
#include "hw/misc/cr16-dmatest.h"
#include "hw/misc/cr16-memcard.h"
#include "hw/qdev-properties.h"

/* ---- the bus -------------------------------------------------------- */

static bool slot_bus_check_address(BusState *bus, DeviceState *dev,
                                   Error **errp)
{
    CR16SlotBus *sb = CR16_SLOT_BUS(bus);

    /* One device per slot; say so before anything else happens. */
    if (bus->num_children && bus->children->child != dev) {
        if (sb->slot >= 0) {
            error_setg(errp, "Expansion slot %d ('%s') is already occupied",
                       sb->slot, bus->name);
        } else {
            error_setg(errp, "Bus '%s' already holds a device", bus->name);
        }
        return false;
    }
    return true;
}

static char *slot_bus_get_dev_path(DeviceState *dev)
{
    CR16SlotBus *sb = CR16_SLOT_BUS(dev->parent_bus);

    return sb->slot >= 0 ? g_strdup_printf("slot%d", sb->slot) : NULL;
}

static void slot_bus_init(Object *obj)
{
    CR16_SLOT_BUS(obj)->slot = -1;
}

static void slot_bus_class_init(ObjectClass *oc, void *data)
{
    BusClass *bc = BUS_CLASS(oc);

    bc->max_dev = 1;
    bc->check_address = slot_bus_check_address;
    bc->get_dev_path = slot_bus_get_dev_path;
}

CR16SlotBus *cr16_slot_bus_new_onboard(Object *parent, const char *name)
{
    BusState *bus = qbus_new(TYPE_CR16_SLOT_BUS, NULL, name);

    object_property_add_child(parent, name, OBJECT(bus));
    object_unref(OBJECT(bus));
    qbus_realize(bus, &error_abort);
    return CR16_SLOT_BUS(bus);
}

/* ---- slot bookkeeping ----------------------------------------------- */

static const struct {
    const char *type;
    unsigned kind;
} slot_kinds[] = {
    { TYPE_NS16550A, SLOT_KIND_NS16550A },
    { TYPE_CR16_DMATEST, SLOT_KIND_DMATEST },
    { TYPE_CR16_MEMCARD, SLOT_KIND_MEMCARD },
};

unsigned cr16_slot_kind_of(const char *type)
{
    for (size_t i = 0; i < ARRAY_SIZE(slot_kinds); i++) {
        if (!strcmp(type, slot_kinds[i].type)) {
            return slot_kinds[i].kind;
        }
    }
    return SLOT_KIND_OTHER;
}

BusState *cr16_slot_ctrl_get_bus(CR16SlotCtrlState *s, unsigned n)
{
    return n < s->num_slots && s->bus[n] ? BUS(s->bus[n]) : NULL;
}

DeviceState *cr16_slot_ctrl_get_device(CR16SlotCtrlState *s, unsigned n)
{
    BusState *bus = cr16_slot_ctrl_get_bus(s, n);

    return bus && bus->children ? bus->children->child : NULL;
}

static void slotctrl_update_irq(CR16SlotCtrlState *s)
{
    bool level = (s->ctrl & SLOTCTRL_CTRL_EN) &&
                 (s->plug_evt | s->unplug_evt | s->ejreq_evt);

    qemu_set_irq(s->irq, level);
}

/* Which slot @dev sits in; -1 if it is not on one of our buses. */
static int slotctrl_slot_of(CR16SlotCtrlState *s, DeviceState *dev)
{
    for (unsigned n = 0; n < s->num_slots; n++) {
        if (dev->parent_bus == BUS(s->bus[n])) {
            return n;
        }
    }
    return -1;
}

/*
 * Take the device out of slot @n: the same steps as a device_del that
 * needs no guest.  Unparenting drops the QOM tree's reference; the
 * device is finalized (and DEVICE_DELETED sent) once nobody else holds
 * one, e.g. a DMA mapping.
 */
static void slotctrl_remove(CR16SlotCtrlState *s, unsigned n)
{
    DeviceState *dev = cr16_slot_ctrl_get_device(s, n);
    Error *err = NULL;

    s->pending_removal &= ~BIT(n);
    if (!dev) {
        return;
    }
    hotplug_handler_unplug(HOTPLUG_HANDLER(s), dev, &err);
    if (err) {
        /* Our own unplug cannot fail; keep the message if it ever does. */
        error_report_err(err);
        return;
    }
    object_unparent(OBJECT(dev));
}

static void slotctrl_remove_bh(void *opaque)
{
    CR16SlotCtrlState *s = opaque;

    for (unsigned n = 0; n < s->num_slots; n++) {
        if (s->pending_removal & BIT(n)) {
            slotctrl_remove(s, n);
        }
    }
}

/* No guest driver to ask any more: finish every pending request. */
static void slotctrl_flush_requests(CR16SlotCtrlState *s)
{
    if (s->eject_req) {
        s->pending_removal |= s->eject_req;
        s->eject_req = 0;
        qemu_bh_schedule(s->remove_bh);
    }
}

static void slotctrl_dev_irq(void *opaque, int n, int level)
{
    CR16SlotCtrlState *s = opaque;

    s->slot_level[n] = level;
    qemu_set_irq(s->slot_irq[n], level);
}

/* ---- registers ------------------------------------------------------ */

static uint64_t slotctrl_read(void *opaque, hwaddr addr, unsigned size)
{
    CR16SlotCtrlState *s = opaque;

    switch (addr) {
    case SLOTCTRL_ID:
        return SLOTCTRL_ID_VALUE;
    case SLOTCTRL_NSLOTS:
        return s->num_slots;
    case SLOTCTRL_CTRL:
        return s->ctrl;
    case SLOTCTRL_PRESENT:
        return s->present;
    case SLOTCTRL_PLUG_EVT:
        return s->plug_evt;
    case SLOTCTRL_UNPLUG_EVT:
        return s->unplug_evt;
    case SLOTCTRL_EJREQ_EVT:
        return s->ejreq_evt;
    case SLOTCTRL_EJECT_REQ:
        return s->eject_req;
    case SLOTCTRL_EJECT:
        return 0;
    case SLOTCTRL_SURPRISE:
        return s->surprise;
    case SLOTCTRL_WINSIZE:
        return s->window_size;
    case SLOTCTRL_WINBASE_LO:
        return s->window_base & 0xffff;
    case SLOTCTRL_WINBASE_HI:
        return (s->window_base >> 16) & 0xffff;
    default:
        if (addr >= SLOTCTRL_KIND(0) && addr < SLOTCTRL_KIND(CR16_SLOT_MAX)) {
            unsigned n = (addr - SLOTCTRL_KIND(0)) / 2;

            return n < s->num_slots ? s->kind[n] : 0;
        }
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-slot-controller: read at bad "
                      "offset 0x%" HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void slotctrl_write(void *opaque, hwaddr addr, uint64_t val64,
                           unsigned size)
{
    CR16SlotCtrlState *s = opaque;
    uint16_t val = val64;
    uint16_t mask = (1u << s->num_slots) - 1;

    switch (addr) {
    case SLOTCTRL_CTRL:
        s->ctrl = val & SLOTCTRL_CTRL_EN;
        if (!(s->ctrl & SLOTCTRL_CTRL_EN)) {
            slotctrl_flush_requests(s);
        }
        break;
    case SLOTCTRL_PLUG_EVT:
        s->plug_evt &= ~val;
        break;
    case SLOTCTRL_UNPLUG_EVT:
        s->unplug_evt &= ~val;
        break;
    case SLOTCTRL_EJREQ_EVT:
        s->ejreq_evt &= ~val;
        break;
    case SLOTCTRL_EJECT:
        if (val & ~(s->present & mask)) {
            qemu_log_mask(LOG_GUEST_ERROR, "cr16-slot-controller: eject of "
                          "empty slots 0x%x ignored\n",
                          val & ~(s->present & mask));
        }
        val &= s->present & mask;
        for (unsigned n = 0; n < s->num_slots; n++) {
            if (val & BIT(n)) {
                slotctrl_remove(s, n);
            }
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "cr16-slot-controller: write of 0x%x "
                      "to read-only or bad offset 0x%" HWADDR_PRIx "\n",
                      val, addr);
        return;
    }
    slotctrl_update_irq(s);
}

static const MemoryRegionOps slotctrl_ops = {
    .read = slotctrl_read,
    .write = slotctrl_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 4,
    },
    .impl = {
        .min_access_size = 2,
        .max_access_size = 2,
    },
};

/* ---- hotplug handler ------------------------------------------------ */

static void slotctrl_pre_plug(HotplugHandler *hotplug_dev, DeviceState *dev,
                              Error **errp)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(hotplug_dev);
    int n = slotctrl_slot_of(s, dev);

    if (n < 0) {
        error_setg(errp, "Device '%s' is not on an expansion slot",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    if (!object_dynamic_cast(OBJECT(dev), TYPE_SYS_BUS_DEVICE)) {
        error_setg(errp, "Device '%s' cannot go in an expansion slot",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    if ((s->present & BIT(n)) || BUS(s->bus[n])->num_children > 1) {
        error_setg(errp, "Expansion slot %d ('%s') is already occupied", n,
                   BUS(s->bus[n])->name);
        return;
    }
}

static void slotctrl_plug(HotplugHandler *hotplug_dev, DeviceState *dev,
                          Error **errp)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(hotplug_dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int n = slotctrl_slot_of(s, dev);
    MemoryRegion *mr;

    g_assert(n >= 0);
    if (!sysbus_has_mmio(sbd, 0)) {
        error_setg(errp, "Device '%s' has no MMIO region to put in slot %d",
                   object_get_typename(OBJECT(dev)), n);
        return;
    }
    mr = sysbus_mmio_get_region(sbd, 0);
    if (memory_region_size(mr) > s->window_size) {
        error_setg(errp, "Device '%s' needs 0x%" PRIx64 " bytes of MMIO, "
                   "more than a slot window (0x%x)",
                   object_get_typename(OBJECT(dev)), memory_region_size(mr),
                   s->window_size);
        return;
    }
    if (mr->container) {
        error_setg(errp, "Device '%s' is already mapped elsewhere",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    memory_region_add_subregion(&s->window[n], 0, mr);
    if (sysbus_has_irq(sbd, 0)) {
        sysbus_connect_irq(sbd, 0,
                           qdev_get_gpio_in_named(DEVICE(s),
                                                  CR16_SLOT_GPIO_IN, n));
    }
    s->present |= BIT(n);
    s->kind[n] = cr16_slot_kind_of(object_get_typename(OBJECT(dev)));
    /* Cold-plugged devices are simply there when the guest starts. */
    if (dev->hotplugged) {
        s->plug_evt |= BIT(n);
    }
    slotctrl_update_irq(s);
}

static void slotctrl_unplug(HotplugHandler *hotplug_dev, DeviceState *dev,
                            Error **errp)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(hotplug_dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int n = slotctrl_slot_of(s, dev);

    g_assert(n >= 0);
    if (sysbus_has_irq(sbd, 0)) {
        sysbus_connect_irq(sbd, 0, NULL);
    }
    /* A device leaving with its interrupt raised must not leave it stuck. */
    slotctrl_dev_irq(s, n, 0);
    /* qdev detaches the device's regions from our window after this. */
    qdev_unrealize(dev);

    s->present &= ~BIT(n);
    s->kind[n] = SLOT_KIND_EMPTY;
    s->eject_req &= ~BIT(n);
    s->ejreq_evt &= ~BIT(n);
    s->pending_removal &= ~BIT(n);
    s->unplug_evt |= BIT(n);
    slotctrl_update_irq(s);
}

static void slotctrl_unplug_request(HotplugHandler *hotplug_dev,
                                    DeviceState *dev, Error **errp)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(hotplug_dev);
    int n = slotctrl_slot_of(s, dev);

    g_assert(n >= 0);
    if ((s->eject_req | s->pending_removal) & BIT(n)) {
        error_setg(errp, "Removal of the device in slot %d is already "
                   "pending", n);
        return;
    }
    if (!(s->ctrl & SLOTCTRL_CTRL_EN) || (s->surprise & BIT(n))) {
        s->pending_removal |= BIT(n);
        qemu_bh_schedule(s->remove_bh);
        return;
    }
    s->eject_req |= BIT(n);
    s->ejreq_evt |= BIT(n);
    slotctrl_update_irq(s);
}

/* ---- the device ----------------------------------------------------- */

static void slotctrl_reset(DeviceState *dev)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(dev);

    s->ctrl = 0;
    s->plug_evt = 0;
    s->unplug_evt = 0;
    s->ejreq_evt = 0;
    /* A reset guest has no driver: pending requests complete now. */
    slotctrl_flush_requests(s);
    slotctrl_update_irq(s);
}

static void slotctrl_init(Object *obj)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->regs, obj, &slotctrl_ops, s,
                          "cr16-slot-controller", SLOTCTRL_MMIO_SIZE);
    sysbus_init_mmio(sbd, &s->regs);
    sysbus_init_irq(sbd, &s->irq);
}

static void slotctrl_realize(DeviceState *dev, Error **errp)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (s->num_slots < 1 || s->num_slots > CR16_SLOT_MAX) {
        error_setg(errp, "cr16-slot-controller: slots must be 1..%d, not %u",
                   CR16_SLOT_MAX, s->num_slots);
        return;
    }
    if (s->window_size < 0x100 || s->window_size > 0x8000 ||
        !is_power_of_2(s->window_size)) {
        error_setg(errp, "cr16-slot-controller: window-size must be a power "
                   "of two from 0x100 to 0x8000, not 0x%x", s->window_size);
        return;
    }
    s->surprise &= (1u << s->num_slots) - 1;

    memory_region_init(&s->windows, OBJECT(dev), "slot-windows",
                       (uint64_t)s->num_slots * s->window_size);
    for (unsigned n = 0; n < s->num_slots; n++) {
        g_autofree char *name = g_strdup_printf("slot.%u", n);

        memory_region_init(&s->window[n], OBJECT(dev), name,
                           s->window_size);
        memory_region_add_subregion(&s->windows, n * s->window_size,
                                    &s->window[n]);
    }
    sysbus_init_mmio(sbd, &s->windows);

    qdev_init_gpio_in_named(dev, slotctrl_dev_irq, CR16_SLOT_GPIO_IN,
                            s->num_slots);
    qdev_init_gpio_out_named(dev, s->slot_irq, CR16_SLOT_GPIO_OUT,
                             s->num_slots);

    for (unsigned n = 0; n < s->num_slots; n++) {
        g_autofree char *name = g_strdup_printf("slot.%u", n);
        BusState *bus = qbus_new(TYPE_CR16_SLOT_BUS, dev, name);

        s->bus[n] = CR16_SLOT_BUS(bus);
        s->bus[n]->slot = n;
        qbus_set_bus_hotplug_handler(bus);
    }
    s->remove_bh = qemu_bh_new(slotctrl_remove_bh, s);
}

static void slotctrl_unrealize(DeviceState *dev)
{
    CR16SlotCtrlState *s = CR16_SLOT_CTRL(dev);

    /* The buses (and the devices on them) go with us when unparented. */
    qemu_bh_delete(s->remove_bh);
    s->remove_bh = NULL;
    s->pending_removal = 0;
}

static const Property slotctrl_props[] = {
    DEFINE_PROP_UINT32("slots", CR16SlotCtrlState, num_slots,
                       CR16_SLOT_DEFAULT),
    DEFINE_PROP_UINT32("window-size", CR16SlotCtrlState, window_size,
                       CR16_SLOT_WINDOW),
    DEFINE_PROP_UINT32("surprise-removal", CR16SlotCtrlState, surprise, 0),
    DEFINE_PROP_UINT64("window-base", CR16SlotCtrlState, window_base, 0),
};

static void slotctrl_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    dc->desc = "virt expansion slots and hotplug controller";
    dc->realize = slotctrl_realize;
    dc->unrealize = slotctrl_unrealize;
    device_class_set_legacy_reset(dc, slotctrl_reset);
    dc->user_creatable = false;
    dc->hotpluggable = false;
    set_bit(DEVICE_CATEGORY_BRIDGE, dc->categories);
    device_class_set_props(dc, slotctrl_props);

    hc->pre_plug = slotctrl_pre_plug;
    hc->plug = slotctrl_plug;
    hc->unplug_request = slotctrl_unplug_request;
    hc->unplug = slotctrl_unplug;
}

static const TypeInfo slot_types[] = {
    {
        .name = TYPE_CR16_SLOT_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(CR16SlotBus),
        .instance_init = slot_bus_init,
        .class_init = slot_bus_class_init,
    },
    {
        .name = TYPE_CR16_SLOT_CTRL,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(CR16SlotCtrlState),
        .instance_init = slotctrl_init,
        .class_init = slotctrl_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_HOTPLUG_HANDLER },
            { }
        },
    },
};

DEFINE_TYPES(slot_types)
