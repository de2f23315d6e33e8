/*
 * The generic loader device; see include/hw/core/generic-loader.h.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/bswap.h"
#include "hw/core/cpu.h"
#include "hw/core/generic-loader.h"
#include "hw/loader.h"
#include "hw/qdev-properties.h"
#include "system/reset.h"

#define CPU_NONE UINT32_MAX
#define ADDR_NONE UINT64_MAX

/* After the CPUs reset (registered later than them): set the start PC. */
static void generic_loader_reset(void *opaque)
{
    GenericLoaderState *s = opaque;
    CPUState *cpu = qemu_get_cpu(s->cpu_num);

    if (s->set_pc && cpu) {
        cpu_set_pc(cpu, s->pc);
    }
}

static bool generic_loader_store_data(GenericLoaderState *s, Error **errp)
{
    uint8_t buf[8];
    g_autofree char *name = NULL;

    if (s->data_len != 1 && s->data_len != 2 && s->data_len != 4 &&
        s->data_len != 8) {
        error_setg(errp, "loader: data-len must be 1, 2, 4 or 8");
        return false;
    }
    if (s->data_len < 8 && s->data >> (s->data_len * 8)) {
        error_setg(errp, "loader: data 0x%" PRIx64 " does not fit in %u "
                   "bytes", s->data, s->data_len);
        return false;
    }
    for (int i = 0; i < s->data_len; i++) {
        int shift = 8 * (s->data_be ? s->data_len - 1 - i : i);

        buf[i] = s->data >> shift;
    }
    name = g_strdup_printf("loader data at 0x%" PRIx64, s->addr);
    return rom_add_blob_fixed_as(name, buf, s->data_len, s->addr, NULL,
                                 errp);
}

static bool generic_loader_load_file(GenericLoaderState *s, Error **errp)
{
    if (!s->force_raw && file_is_elf(s->file)) {
        ElfLoadInfo info;

        if (load_elf_as(s->file, EM_CR16, false, NULL, &info, errp) < 0) {
            return false;
        }
        s->pc = info.entry;
        return true;
    }
    if (s->addr == ADDR_NONE) {
        error_setg(errp, "loader: a raw file needs addr=");
        return false;
    }
    if (load_image_targphys_as(s->file, s->addr, UINT64_MAX, NULL,
                               errp) < 0) {
        return false;
    }
    s->pc = s->addr;
    return true;
}

static void generic_loader_realize(DeviceState *dev, Error **errp)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);
    bool has_data = s->data_len || s->data;

    if (s->file && has_data) {
        error_setg(errp, "loader: give either file= or data=, not both");
        return;
    }
    if (s->cpu_num != CPU_NONE && !qemu_get_cpu(s->cpu_num)) {
        error_setg(errp, "loader: there is no CPU %u", s->cpu_num);
        return;
    }
    if (s->file) {
        if (!generic_loader_load_file(s, errp)) {
            return;
        }
        s->set_pc = s->cpu_num != CPU_NONE;
    } else if (has_data) {
        if (s->addr == ADDR_NONE) {
            error_setg(errp, "loader: data= needs addr=");
            return;
        }
        if (!generic_loader_store_data(s, errp)) {
            return;
        }
    } else if (s->addr != ADDR_NONE && s->cpu_num != CPU_NONE) {
        s->pc = s->addr;
        s->set_pc = true;
    } else {
        error_setg(errp, "loader: nothing to do (give file=, data= with "
                   "addr=, or addr= with cpu-num=)");
        return;
    }
    if (s->set_pc) {
        /* -device runs before the start-up reset, which applies it. */
        qemu_register_reset(generic_loader_reset, s);
    }
}

static void generic_loader_unrealize(DeviceState *dev)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    if (s->set_pc) {
        qemu_unregister_reset(generic_loader_reset, s);
    }
}

static const Property generic_loader_props[] = {
    DEFINE_PROP_UINT64("addr", GenericLoaderState, addr, ADDR_NONE),
    DEFINE_PROP_UINT64("data", GenericLoaderState, data, 0),
    DEFINE_PROP_UINT8("data-len", GenericLoaderState, data_len, 0),
    DEFINE_PROP_BOOL("data-be", GenericLoaderState, data_be, false),
    DEFINE_PROP_UINT32("cpu-num", GenericLoaderState, cpu_num, CPU_NONE),
    DEFINE_PROP_BOOL("force-raw", GenericLoaderState, force_raw, false),
    DEFINE_PROP_STRING("file", GenericLoaderState, file),
};

static void generic_loader_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "load a file or a value into memory, or set a CPU's PC";
    dc->realize = generic_loader_realize;
    dc->unrealize = generic_loader_unrealize;
    dc->user_creatable = true;
    /* It acts once, at start-up; loading into a running guest is not it. */
    dc->hotpluggable = false;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    device_class_set_props(dc, generic_loader_props);
}

static const TypeInfo generic_loader_info = {
    .name = TYPE_GENERIC_LOADER,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(GenericLoaderState),
    .class_init = generic_loader_class_init,
};

static void generic_loader_register_types(void)
{
    type_register_static(&generic_loader_info);
}

type_init(generic_loader_register_types)
