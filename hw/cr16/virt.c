/*
 * The "virt" machine (memory map, interrupts and boot protocol in
 * include/hw/cr16/virt.h and docs/system/cr16/virt.rst).
 *
 * Read it top to bottom: RAM and ROM, the CPU, the interrupt controller,
 * the fixed devices, the expansion slots, then the firmware, the kernel
 * and the boot information.  The device tree is rebuilt at every reset,
 * so that it lists what the slots hold at that moment (devices from
 * -device are plugged after the board is built, before the first reset).
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/bswap.h"
#include "qemu/error-report.h"
#include "hw/char/ns16550a.h"
#include "hw/cr16/boot.h"
#include "hw/cr16/virt.h"
#include "hw/intc/cr16-icu.h"
#include "hw/loader.h"
#include "hw/misc/cr16-testdev.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"
#include "hw/rtc/cr16-rtc.h"
#include "hw/timer/cr16-timer.h"
#include "chardev/char.h"
#include "system/memory.h"
#include "system/reset.h"
#include "system/qtest.h"
#include "system/system.h"

#include <libfdt.h>

static qemu_irq virt_irq(VirtMachineState *vms, int n)
{
    return qdev_get_gpio_in(vms->icu, n);
}

/* ---- firmware ------------------------------------------------------- */

/*
 * Where a firmware file name is looked for when it is not a path that
 * exists as given: the build tree (so an uninstalled binary finds the
 * firmware it was built with), next to the binary, and the install
 * directory.
 */
static char *virt_find_firmware(const char *name)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *exe_dir = exe ? g_path_get_dirname(exe) : NULL;
    const char *dirs[] = {
        CONFIG_BUILD_DIR "/pc-bios",
        NULL,   /* <exe dir>/pc-bios */
        NULL,   /* <exe dir>/../share/qemu-cr16 */
        CONFIG_DATADIR,
    };
    g_autofree char *d1 = NULL;
    g_autofree char *d2 = NULL;

    if (strchr(name, '/') || access(name, R_OK) == 0) {
        return g_strdup(name);
    }
    if (exe_dir) {
        d1 = g_build_filename(exe_dir, "pc-bios", NULL);
        d2 = g_build_filename(exe_dir, "..", "share", "qemu-cr16", NULL);
        dirs[1] = d1;
        dirs[2] = d2;
    }
    for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
        g_autofree char *path = NULL;

        if (!dirs[i]) {
            continue;
        }
        path = g_build_filename(dirs[i], name, NULL);
        if (access(path, R_OK) == 0) {
            return g_steal_pointer(&path);
        }
    }
    return NULL;
}

/*
 * false (with a message) if the firmware cannot be found or loaded.
 * Under the qtest accelerator no CPU runs, so a firmware that is not
 * there is simply left out (device tests need no boot code); one that
 * is there still gets loaded.
 */
static bool virt_load_firmware(MachineState *ms, Error **errp)
{
    const char *name = ms->firmware ? ms->firmware : VIRT_BIOS_DEFAULT;
    g_autofree char *path = virt_find_firmware(name);

    if (!path && qtest_enabled()) {
        return true;
    }
    if (!path) {
        /* One line: the user sees it and the exit status 1, nothing more. */
        error_setg(errp, "could not find the firmware '%s' (build "
                   "pc-bios/%s, pass -bios FILE, or use -bios none "
                   "-kernel FILE)", name, VIRT_BIOS_DEFAULT);
        return false;
    }
    /* The last 256 bytes of the ROM are the boot information block. */
    return load_image_targphys_as(path, VIRT_ROM_BASE, VIRT_BOOTINFO_ADDR,
                                  NULL, errp) >= 0;
}

/* ---- kernel --------------------------------------------------------- */

/*
 * Load -kernel: an ELF executable's segments where they were linked, or
 * a raw image at the start of RAM.  With firmware, the program must stay
 * out of the boot ROM (the firmware jumps to it); without firmware
 * (-bios none) the CPU starts at its entry point directly.
 */
static bool virt_load_kernel(VirtMachineState *vms, bool have_firmware,
                             Error **errp)
{
    MachineState *ms = MACHINE(vms);
    const char *file = ms->kernel_filename;
    uint64_t entry, low, high;

    if (access(file, R_OK) < 0) {
        error_setg_errno(errp, errno, "could not load kernel '%s'", file);
        return false;
    }
    if (file_is_elf(file)) {
        ElfLoadInfo info;

        if (load_elf_as(file, EM_CR16, false, NULL, &info, errp) < 0) {
            return false;
        }
        entry = info.entry;
        low = info.lowaddr;
        high = info.highaddr;
    } else {
        int64_t size = load_image_targphys_as(file, VIRT_RAM_BASE,
                                              ms->ram_size, NULL, errp);

        if (size < 0) {
            return false;
        }
        entry = low = VIRT_RAM_BASE;
        high = VIRT_RAM_BASE + size;
    }
    if (entry & 1) {
        error_setg(errp, "'%s': entry point 0x%" PRIx64 " is odd (CR16 "
                   "instructions are 16-bit aligned)", file, entry);
        return false;
    }
    if (have_firmware && low < VIRT_ROM_BASE + VIRT_ROM_SIZE) {
        error_setg(errp, "'%s' loads at 0x%" PRIx64 ", inside the boot ROM "
                   "(0x0-0xffff) where the firmware lives", file, low);
        error_append_hint(errp, "Link it into RAM (0x10000 up), or use "
                          "-bios none to run it without firmware.\n");
        return false;
    }
    if (high > VIRT_RAM_BASE + ms->ram_size - VIRT_FDT_SIZE &&
        low < VIRT_RAM_BASE + ms->ram_size) {
        warn_report("'%s' reaches into the last 8 KiB of RAM, where the "
                    "board puts the device tree at reset", file);
    }
    vms->have_kernel = true;
    vms->kernel_entry = entry;
    if (!have_firmware) {
        object_property_set_uint(OBJECT(vms->cpu), "reset-pc", entry,
                                 &error_abort);
    }
    return true;
}

/* ---- boot information and device tree ------------------------------- */

static hwaddr virt_fdt_addr(MachineState *ms)
{
    return VIRT_RAM_BASE + ms->ram_size - VIRT_FDT_SIZE;
}

static void virt_cpu_model(VirtMachineState *vms, char *buf, size_t len)
{
    const char *type = object_get_typename(OBJECT(vms->cpu));
    size_t n = strlen(type);

    if (g_str_has_suffix(type, CR16_CPU_TYPE_SUFFIX)) {
        n -= strlen(CR16_CPU_TYPE_SUFFIX);
    }
    memset(buf, 0, len);
    memcpy(buf, type, MIN(n, len - 1));
}

static void virt_write_bootinfo(VirtMachineState *vms, int fdt_size)
{
    MachineState *ms = MACHINE(vms);
    uint8_t bi[VIRT_BOOTINFO_SIZE] = { 0 };

    stl_le_p(bi + VIRT_BI_MAGIC, VIRT_BOOTINFO_MAGIC);
    stw_le_p(bi + VIRT_BI_VERSION, 1);
    stw_le_p(bi + VIRT_BI_FLAGS, vms->have_kernel ? VIRT_BOOTINFO_F_KERNEL
                                                  : 0);
    stl_le_p(bi + VIRT_BI_RAM_BASE, VIRT_RAM_BASE);
    stl_le_p(bi + VIRT_BI_RAM_SIZE, ms->ram_size);
    stl_le_p(bi + VIRT_BI_ENTRY, vms->kernel_entry);
    stl_le_p(bi + VIRT_BI_FDT_ADDR, virt_fdt_addr(ms));
    stl_le_p(bi + VIRT_BI_FDT_SIZE, fdt_size);
    stw_le_p(bi + VIRT_BI_NSLOTS, vms->num_slots);
    virt_cpu_model(vms, (char *)bi + VIRT_BI_CPU_MODEL,
                   VIRT_BI_CPU_MODEL_LEN);
    address_space_write_rom(&address_space_memory, VIRT_BOOTINFO_ADDR,
                            MEMTXATTRS_UNSPECIFIED, bi, sizeof(bi));
}

/* A node "name@addr" with reg = <addr size> below @parent. */
static int fdt_add_dev(void *fdt, int parent, const char *name, hwaddr addr,
                       hwaddr size, const char *compat)
{
    g_autofree char *node = g_strdup_printf("%s@%" HWADDR_PRIx, name, addr);
    int off = fdt_add_subnode(fdt, parent, node);
    uint32_t reg[2] = { cpu_to_fdt32(addr), cpu_to_fdt32(size) };

    g_assert(off >= 0);
    fdt_setprop(fdt, off, "reg", reg, sizeof(reg));
    if (compat) {
        fdt_setprop_string(fdt, off, "compatible", compat);
    }
    return off;
}

static const char *virt_slot_compat(DeviceState *dev)
{
    switch (cr16_slot_kind_of(object_get_typename(OBJECT(dev)))) {
    case SLOT_KIND_NS16550A:
        return "ns16550a";
    case SLOT_KIND_DMATEST:
        return "qemu-cr16,dmatest";
    case SLOT_KIND_MEMCARD:
        return "qemu-cr16,memcard";
    default:
        return "qemu-cr16,unknown";
    }
}

void *virt_build_fdt(VirtMachineState *vms, int *size)
{
    MachineState *ms = MACHINE(vms);
    void *fdt = g_malloc0(VIRT_FDT_SIZE);
    const uint32_t icu_phandle = 1;
    char model[VIRT_BI_CPU_MODEL_LEN];
    g_autofree char *cpu_compat = NULL;
    uint32_t timer_irqs[2] = { cpu_to_fdt32(VIRT_IRQ_TIMER0),
                               cpu_to_fdt32(VIRT_IRQ_TIMER1) };
    uint32_t slots_reg[4];
    int root, node, soc, slots;

    g_assert(fdt_create_empty_tree(fdt, VIRT_FDT_SIZE) == 0);
    root = fdt_path_offset(fdt, "/");
    fdt_setprop_string(fdt, root, "compatible", "qemu-cr16,virt");
    fdt_setprop_string(fdt, root, "model", "qemu-cr16 virt board");
    fdt_setprop_cell(fdt, root, "#address-cells", 1);
    fdt_setprop_cell(fdt, root, "#size-cells", 1);
    fdt_setprop_cell(fdt, root, "interrupt-parent", icu_phandle);

    node = fdt_add_subnode(fdt, root, "chosen");
    fdt_setprop_string(fdt, node, "stdout-path", "/soc/serial@ff0000");
    fdt_setprop_cell(fdt, node, "qemu-cr16,bootinfo", VIRT_BOOTINFO_ADDR);
    if (ms->kernel_cmdline && *ms->kernel_cmdline) {
        fdt_setprop_string(fdt, node, "bootargs", ms->kernel_cmdline);
    }
    if (vms->have_kernel) {
        fdt_setprop_cell(fdt, node, "qemu-cr16,kernel-entry",
                         vms->kernel_entry);
    }

    node = fdt_add_subnode(fdt, root, "cpus");
    fdt_setprop_cell(fdt, node, "#address-cells", 1);
    fdt_setprop_cell(fdt, node, "#size-cells", 0);
    node = fdt_add_subnode(fdt, node, "cpu@0");
    fdt_setprop_string(fdt, node, "device_type", "cpu");
    virt_cpu_model(vms, model, sizeof(model));
    cpu_compat = g_strdup_printf("nsc,%s", model);
    fdt_setprop_string(fdt, node, "compatible", cpu_compat);
    fdt_setprop_cell(fdt, node, "reg", 0);

    node = fdt_add_dev(fdt, root, "memory", VIRT_RAM_BASE, ms->ram_size,
                       NULL);
    fdt_setprop_string(fdt, node, "device_type", "memory");
    fdt_add_dev(fdt, root, "rom", VIRT_ROM_BASE, VIRT_ROM_SIZE,
                "qemu-cr16,boot-rom");

    soc = fdt_add_subnode(fdt, root, "soc");
    fdt_setprop_string(fdt, soc, "compatible", "simple-bus");
    fdt_setprop_cell(fdt, soc, "#address-cells", 1);
    fdt_setprop_cell(fdt, soc, "#size-cells", 1);
    fdt_setprop(fdt, soc, "ranges", NULL, 0);

    node = fdt_add_dev(fdt, soc, "interrupt-controller", VIRT_ICU_BASE,
                       CR16_ICU_MMIO_SIZE, "qemu-cr16,icu");
    fdt_setprop(fdt, node, "interrupt-controller", NULL, 0);
    fdt_setprop_cell(fdt, node, "#interrupt-cells", 1);
    fdt_setprop_cell(fdt, node, "phandle", icu_phandle);

    node = fdt_add_dev(fdt, soc, "serial", VIRT_UART0_BASE, UART_NR_REGS,
                       "ns16550a");
    fdt_setprop_cell(fdt, node, "interrupts", VIRT_IRQ_UART0);
    fdt_setprop_cell(fdt, node, "clock-frequency", VIRT_UART_BAUDBASE * 16);
    fdt_setprop_cell(fdt, node, "reg-shift", 0);

    node = fdt_add_dev(fdt, soc, "timer", VIRT_TIMER_BASE,
                       CR16_TIMER_MMIO_SIZE, "qemu-cr16,timer");
    fdt_setprop(fdt, node, "interrupts", timer_irqs, sizeof(timer_irqs));
    fdt_setprop_cell(fdt, node, "clock-frequency", VIRT_TIMER_FREQ);

    node = fdt_add_dev(fdt, soc, "rtc", VIRT_RTC_BASE, CR16_RTC_MMIO_SIZE,
                       "qemu-cr16,rtc");
    fdt_setprop_cell(fdt, node, "interrupts", VIRT_IRQ_RTC);

    fdt_add_dev(fdt, soc, "test", VIRT_TESTDEV_BASE, TESTDEV_MMIO_SIZE,
                "qemu-cr16,testdev");

    slots = fdt_add_dev(fdt, soc, "slots", VIRT_SLOTCTRL_BASE,
                        SLOTCTRL_MMIO_SIZE, "qemu-cr16,virt-slots");
    slots_reg[0] = cpu_to_fdt32(VIRT_SLOTCTRL_BASE);
    slots_reg[1] = cpu_to_fdt32(SLOTCTRL_MMIO_SIZE);
    slots_reg[2] = cpu_to_fdt32(VIRT_SLOTWIN_BASE);
    slots_reg[3] = cpu_to_fdt32(vms->num_slots * CR16_SLOT_WINDOW);
    fdt_setprop(fdt, slots, "reg", slots_reg, sizeof(slots_reg));
    fdt_setprop_cell(fdt, slots, "interrupts", VIRT_IRQ_HOTPLUG);
    fdt_setprop_cell(fdt, slots, "#address-cells", 1);
    fdt_setprop_cell(fdt, slots, "#size-cells", 1);
    fdt_setprop(fdt, slots, "ranges", NULL, 0);
    for (unsigned n = 0; n < vms->num_slots; n++) {
        DeviceState *dev = cr16_slot_ctrl_get_device(vms->slots, n);
        hwaddr base = VIRT_SLOTWIN_BASE + n * CR16_SLOT_WINDOW;

        node = fdt_add_dev(fdt, slots, "slot", base, CR16_SLOT_WINDOW, NULL);
        fdt_setprop_cell(fdt, node, "interrupts", VIRT_IRQ_SLOT(n));
        if (dev) {
            fdt_setprop_string(fdt, node, "compatible",
                               virt_slot_compat(dev));
            if (dev->id) {
                fdt_setprop_string(fdt, node, "qemu-cr16,id", dev->id);
            }
        }
    }

    g_assert(fdt_pack(fdt) == 0);
    *size = fdt_totalsize(fdt);
    return fdt;
}

/* At every reset: describe the board as it is now. */
static void virt_boot_reset(void *opaque)
{
    VirtMachineState *vms = opaque;
    int size;
    g_autofree void *fdt = virt_build_fdt(vms, &size);

    address_space_write(&address_space_memory, virt_fdt_addr(MACHINE(vms)),
                        MEMTXATTRS_UNSPECIFIED, fdt, size);
    virt_write_bootinfo(vms, size);
}

/* ---- the board ------------------------------------------------------ */

static void virt_init(MachineState *ms)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    MemoryRegion *sysmem = get_system_memory();
    bool no_firmware = ms->firmware && !strcmp(ms->firmware, "none");
    Chardev *serial0 = serial_hd(0);
    SysBusDevice *sbd;
    Error *err = NULL;

    if (ms->ram_size < VIRT_RAM_MIN ||
        ms->ram_size > VIRT_RAM_LIMIT - VIRT_RAM_BASE) {
        error_report("virt: RAM size must be between 64 KiB and %u KiB",
                     (unsigned)((VIRT_RAM_LIMIT - VIRT_RAM_BASE) / KiB));
        exit(1);
    }

    /* Memory. */
    memory_region_init_rom(&vms->rom, OBJECT(ms), "virt.rom", VIRT_ROM_SIZE,
                           &error_fatal);
    memory_region_add_subregion(sysmem, VIRT_ROM_BASE, &vms->rom);
    memory_region_init_ram(&vms->ram, OBJECT(ms), "virt.ram", ms->ram_size,
                           &error_fatal);
    memory_region_add_subregion(sysmem, VIRT_RAM_BASE, &vms->ram);
    ms->ram = &vms->ram;

    /* The CPU and the interrupt controller in front of it. */
    vms->cpu = cr16_cpu_create(ms, semihosting_enabled(), 0);
    vms->icu = qdev_new(TYPE_CR16_ICU);
    object_property_add_child(OBJECT(ms), "icu", OBJECT(vms->icu));
    sbd = SYS_BUS_DEVICE(vms->icu);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, VIRT_ICU_BASE);
    sysbus_connect_irq(sbd, 0, qdev_get_gpio_in(DEVICE(vms->cpu),
                                                CR16_CPU_IRQ));
    sysbus_connect_irq(sbd, 1, qdev_get_gpio_in(DEVICE(vms->cpu),
                                                CR16_CPU_NMI));

    /* Everything in the I/O page nobody models. */
    create_unimplemented_device("virt.io", VIRT_IO_BASE, VIRT_IO_SIZE);

    /* UART0, on the board's own (not hot-pluggable) slot-type bus. */
    vms->onboard_bus = cr16_slot_bus_new_onboard(OBJECT(ms), "virt-io-bus");
    qemu_register_resettable(OBJECT(vms->onboard_bus));
    vms->uart0 = qdev_new(TYPE_NS16550A);
    object_property_add_child(OBJECT(ms), "uart0", OBJECT(vms->uart0));
    if (serial0) {
        /*
         * The user may have given the same chardev to another front end
         * (-mon chardev=ID -serial chardev:ID without mux=on): a command
         * line error, not a bug, so not qdev_prop_set_string's abort.
         */
        object_property_set_str(OBJECT(vms->uart0), "chardev",
                                serial0->label, &error_fatal);
    }
    qdev_prop_set_uint32(vms->uart0, "baudbase", VIRT_UART_BAUDBASE);
    qdev_realize_and_unref(vms->uart0, BUS(vms->onboard_bus), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(vms->uart0), 0, VIRT_UART0_BASE);
    sysbus_connect_irq(SYS_BUS_DEVICE(vms->uart0), 0,
                       virt_irq(vms, VIRT_IRQ_UART0));

    /* Timers and the RTC. */
    vms->timer = qdev_new(TYPE_CR16_TIMER);
    object_property_add_child(OBJECT(ms), "timer", OBJECT(vms->timer));
    qdev_prop_set_uint32(vms->timer, "clock-frequency", VIRT_TIMER_FREQ);
    sbd = SYS_BUS_DEVICE(vms->timer);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, VIRT_TIMER_BASE);
    sysbus_connect_irq(sbd, 0, virt_irq(vms, VIRT_IRQ_TIMER0));
    sysbus_connect_irq(sbd, 1, virt_irq(vms, VIRT_IRQ_TIMER1));

    vms->rtc = qdev_new(TYPE_CR16_RTC);
    object_property_add_child(OBJECT(ms), "rtc", OBJECT(vms->rtc));
    if (vms->rtc_clock) {
        qdev_prop_set_string(vms->rtc, "clock", vms->rtc_clock);
    }
    sbd = SYS_BUS_DEVICE(vms->rtc);
    if (!sysbus_realize_and_unref(sbd, &err)) {
        error_report_err(err);
        exit(1);
    }
    sysbus_mmio_map(sbd, 0, VIRT_RTC_BASE);
    sysbus_connect_irq(sbd, 0, virt_irq(vms, VIRT_IRQ_RTC));

    /* The test/exit door. */
    vms->testdev = qdev_new(TYPE_CR16_TESTDEV);
    object_property_add_child(OBJECT(ms), "testdev", OBJECT(vms->testdev));
    sbd = SYS_BUS_DEVICE(vms->testdev);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, VIRT_TESTDEV_BASE);

    /* The expansion slots and their hotplug controller. */
    vms->slots = CR16_SLOT_CTRL(qdev_new(TYPE_CR16_SLOT_CTRL));
    object_property_add_child(OBJECT(ms), "expansion",
                              OBJECT(vms->slots));
    qdev_prop_set_uint32(DEVICE(vms->slots), "slots", vms->num_slots);
    qdev_prop_set_uint32(DEVICE(vms->slots), "surprise-removal",
                         vms->surprise);
    qdev_prop_set_uint64(DEVICE(vms->slots), "window-base",
                         VIRT_SLOTWIN_BASE);
    sbd = SYS_BUS_DEVICE(vms->slots);
    if (!sysbus_realize_and_unref(sbd, &err)) {
        error_report_err(err);
        exit(1);
    }
    sysbus_mmio_map(sbd, 0, VIRT_SLOTCTRL_BASE);
    sysbus_mmio_map(sbd, 1, VIRT_SLOTWIN_BASE);
    sysbus_connect_irq(sbd, 0, virt_irq(vms, VIRT_IRQ_HOTPLUG));
    for (unsigned n = 0; n < vms->num_slots; n++) {
        qdev_connect_gpio_out_named(DEVICE(vms->slots), CR16_SLOT_GPIO_OUT, n,
                                    virt_irq(vms, VIRT_IRQ_SLOT(n)));
    }

    /* Firmware, program, and what the firmware needs to know. */
    if (!no_firmware && !virt_load_firmware(ms, &err)) {
        error_report_err(err);
        exit(1);
    }
    if (ms->kernel_filename) {
        if (!virt_load_kernel(vms, !no_firmware, &err)) {
            error_report_err(err);
            exit(1);
        }
    } else if (no_firmware && !qtest_enabled()) {
        error_report("virt: -bios none needs -kernel (there is nothing to "
                     "run)");
        exit(1);
    }
    qemu_register_reset(virt_boot_reset, vms);
    virt_boot_reset(vms);
}

/* ---- properties ----------------------------------------------------- */

static json_t *virt_get_slots(Object *obj, const char *name, void *opaque,
                              Error **errp)
{
    return qom_json_from_uint(VIRT_MACHINE(obj)->num_slots);
}

static bool virt_set_slots(Object *obj, const char *name, json_t *value,
                           void *opaque, Error **errp)
{
    uint64_t n;

    if (!qom_json_get_uint(value, name, UINT32_MAX, "uint32", &n, errp)) {
        return false;
    }
    if (n < 1 || n > CR16_SLOT_MAX) {
        error_setg(errp, "slots must be 1..%d, not %" PRIu64, CR16_SLOT_MAX,
                   n);
        return false;
    }
    VIRT_MACHINE(obj)->num_slots = n;
    return true;
}

static char *virt_get_rtc_clock(Object *obj, Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);

    return g_strdup(vms->rtc_clock ? vms->rtc_clock : "host");
}

static void virt_set_rtc_clock(Object *obj, const char *value, Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);

    if (strcmp(value, "host") && strcmp(value, "vm")) {
        error_setg(errp, "rtc-clock must be 'host' or 'vm', not '%s'", value);
        return;
    }
    g_free(vms->rtc_clock);
    vms->rtc_clock = g_strdup(value);
}

static void virt_instance_init(Object *obj)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);

    vms->num_slots = CR16_SLOT_DEFAULT;
    object_property_add(obj, "slots", "uint32", virt_get_slots,
                        virt_set_slots, NULL, NULL);
    object_property_set_description(obj, "slots",
        "number of expansion slots (1-8, default 4)");
    object_property_add_uint32_ptr(obj, "surprise-removal", &vms->surprise,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_set_description(obj, "surprise-removal",
        "bit mask of slots whose devices device_del removes at once");
    object_property_add_str(obj, "rtc-clock", virt_get_rtc_clock,
                            virt_set_rtc_clock);
    object_property_set_description(obj, "rtc-clock",
        "what the RTC follows: host (wall clock) or vm (virtual clock)");
}

static void virt_instance_finalize(Object *obj)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);

    if (vms->onboard_bus) {
        qemu_unregister_resettable(OBJECT(vms->onboard_bus));
        qemu_unregister_reset(virt_boot_reset, vms);
    }
    g_free(vms->rtc_clock);
}

/* "slot=N" on -device / device_add: expansion slot N's bus. */
static BusState *virt_get_slot_bus(MachineState *ms, int64_t slot,
                                   Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    BusState *bus;

    if (slot < 0 || slot >= vms->num_slots || !vms->slots) {
        error_setg(errp, "Expansion slot %" PRId64 " does not exist (the "
                   "board has slots 0-%u)", slot, vms->num_slots - 1);
        return NULL;
    }
    bus = cr16_slot_ctrl_get_bus(vms->slots, slot);
    if (!bus) {
        error_setg(errp, "Expansion slot %" PRId64 " does not exist", slot);
        return NULL;
    }
    if (bus->num_children) {
        error_setg(errp, "Expansion slot %" PRId64 " ('%s') is already "
                   "occupied", slot, bus->name);
        return NULL;
    }
    return bus;
}

static void virt_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "CR16C virtual board: UART, timers, RTC, ICU, hotplug slots";
    mc->init = virt_init;
    mc->is_default = true;
    mc->default_cpu_type = TYPE_CR16C_CPU;
    mc->default_ram_size = VIRT_RAM_DEFAULT;
    mc->max_ram_size = VIRT_RAM_LIMIT - VIRT_RAM_BASE;
    mc->max_cpus = 1;
    mc->get_slot_bus = virt_get_slot_bus;
    /*
     * Devices are hot-pluggable only into the expansion slots: those are
     * the board's only buses with a hotplug handler.
     */
}

static const TypeInfo virt_machine_info = {
    .name = TYPE_VIRT_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(VirtMachineState),
    .instance_init = virt_instance_init,
    .instance_finalize = virt_instance_finalize,
    .class_init = virt_machine_class_init,
};

static void virt_machine_register_types(void)
{
    type_register_static(&virt_machine_info);
}

type_init(virt_machine_register_types)
