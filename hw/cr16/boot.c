/*
 * CPU creation and -kernel loading for the CR16 boards.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/loader.h"
#include "hw/cr16/boot.h"
#include "system/reset.h"

static void cr16_cpu_reset_handler(void *opaque)
{
    cpu_reset(CPU(opaque));
}

CR16CPU *cr16_cpu_create(MachineState *ms, bool semihosting,
                         uint32_t addr_limit)
{
    DeviceState *dev = qdev_new(ms->cpu_type);

    object_property_set_bool(OBJECT(dev), "semihosting", semihosting,
                             &error_abort);
    if (addr_limit) {
        object_property_set_uint(OBJECT(dev), "addr-limit", addr_limit,
                                 &error_abort);
    }
    /* /machine/unattached holds it from here on. */
    qdev_realize_and_unref(dev, NULL, &error_fatal);
    qemu_register_reset(cr16_cpu_reset_handler, dev);
    return CR16_CPU(dev);
}

bool cr16_load_kernel(MachineState *ms, CR16CPU *cpu, bool load_vma,
                      hwaddr raw_addr, Error **errp)
{
    const char *file = ms->kernel_filename;
    uint64_t entry;

    if (access(file, R_OK) < 0) {
        error_setg_errno(errp, errno, "could not load kernel '%s'", file);
        return false;
    }
    if (file_is_elf(file)) {
        ElfLoadInfo info;

        if (load_elf_as(file, EM_CR16, load_vma, NULL, &info, errp) < 0) {
            return false;
        }
        entry = info.entry;
    } else {
        uint64_t room = ms->ram_size > raw_addr ? ms->ram_size - raw_addr : 0;

        if (load_image_targphys_as(file, raw_addr, room, NULL, errp) < 0) {
            return false;
        }
        entry = raw_addr;
    }
    if (entry & 1) {
        error_setg(errp, "'%s': entry point 0x%" PRIx64 " is odd (CR16 "
                   "instructions are 16-bit aligned)", file, entry);
        return false;
    }
    object_property_set_uint(OBJECT(cpu), "reset-pc", entry, &error_abort);
    return true;
}
