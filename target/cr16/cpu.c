/*
 * CR16C CPU: QOM types, models, reset, input lines and class hooks.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "target/cr16/cpu.h"
#include "hw/core/tcg-cpu-ops.h"
#include "exec/exec-all.h"

/* ---- program counter and state for the TB machinery ---------------------- */

static void cr16_cpu_set_pc(CPUState *cs, vaddr value)
{
    cpu_env(cs)->pc = value & CR16_PC_MASK;
}

static vaddr cr16_cpu_get_pc(CPUState *cs)
{
    return cpu_env(cs)->pc;
}

void cr16_cpu_get_tb_cpu_state(CPUCR16State *env, vaddr *pc,
                               uint64_t *cs_base, uint32_t *flags)
{
    uint32_t f = 0;

    *pc = env->pc;
    *cs_base = 0;
    if (env->psr & CR16_PSR_U) {
        f |= CR16_TBFLAG_USER;
    }
    if (env->psr & (CR16_PSR_T | CR16_PSR_P)) {
        f |= CR16_TBFLAG_TRACE;
    }
    *flags = f;
}

static void cr16_cpu_synchronize_from_tb(CPUState *cs,
                                         const TranslationBlock *tb)
{
    cpu_env(cs)->pc = tb->pc;
}

static void cr16_cpu_restore_state_to_opc(CPUState *cs,
                                          const TranslationBlock *tb,
                                          const uint64_t *data)
{
    /* insn_start word 0 is the PC of the instruction (translate.c). */
    cpu_env(cs)->pc = data[0];
}

static int cr16_cpu_mmu_index(CPUState *cs, bool ifetch)
{
    return cr16_env_mmu_index(cpu_env(cs));
}

static const char *cr16_cpu_gdb_arch_name(CPUState *cs)
{
    return "cr16";
}

void cr16_cpu_dump_state(CPUState *cs, FILE *f, int flags)
{
    cr16_dump_state_to(cpu_env(cs), f);
}

/* ---- input lines ----------------------------------------------------------- */

static void cr16_cpu_set_irq(void *opaque, int n, int level)
{
    CR16CPU *cpu = opaque;
    CPUState *cs = CPU(cpu);
    CPUCR16State *env = &cpu->env;

    switch (n) {
    case CR16_CPU_IRQ:
        /* A level: the ICU keeps it high while a source is pending. */
        env->irq_level = level != 0;
        if (level) {
            cpu_interrupt(cs, CPU_INTERRUPT_HARD);
        } else {
            cpu_reset_interrupt(cs, CPU_INTERRUPT_HARD);
        }
        break;
    case CR16_CPU_NMI:
        /* Edge-triggered: each rising edge is one NMI (isa.md 7.5). */
        if (level && !cpu->nmi_line) {
            env->nmi_pending = 1;
            cpu_interrupt(cs, CPU_INTERRUPT_NMI);
        }
        cpu->nmi_line = level != 0;
        break;
    default:
        g_assert_not_reached();
    }
}

/* ---- reset -------------------------------------------------------------- */

static void cr16_cpu_reset_hold(Object *obj, ResetType type)
{
    CR16CPU *cpu = CR16_CPU(obj);
    CR16CPUClass *ccc = CR16_CPU_GET_CLASS(obj);
    CPUCR16State *env = &cpu->env;
    bool irq = env->irq_level;

    if (ccc->parent_phases.hold) {
        ccc->parent_phases.hold(obj, type);
    }
    cr16_arch_reset(env, cpu->reset_pc);
    /* The input line's level survives a CPU reset; a latched NMI does not. */
    env->irq_level = irq;
    cpu->nmi_line = false;
    if (env->semihosting) {
        cr16_semihosting_reset();
    }
}

/* ---- models ------------------------------------------------------------- */

char *cr16_cpu_type_name(const char *cpu_model)
{
    char *name;

    if (g_str_has_suffix(cpu_model, CR16_CPU_TYPE_SUFFIX)) {
        name = g_strdup(cpu_model);
    } else {
        name = g_strconcat(cpu_model, CR16_CPU_TYPE_SUFFIX, NULL);
    }
    if (!object_class_dynamic_cast(object_class_by_name(name),
                                   TYPE_CR16_CPU) ||
        object_class_is_abstract(object_class_by_name(name))) {
        g_free(name);
        return NULL;
    }
    return name;
}

ObjectClass *cr16_cpu_class_by_name(const char *cpu_model)
{
    g_autofree char *name = cr16_cpu_type_name(cpu_model);

    return name ? object_class_by_name(name) : NULL;
}

static void cr16_cpu_list_entry(gpointer data, gpointer user_data)
{
    ObjectClass *oc = data;
    const char *type = object_class_get_name(oc);
    g_autofree char *model = g_strndup(type, strlen(type) -
                                       strlen(CR16_CPU_TYPE_SUFFIX));

    printf("  %-12s %s\n", model, CR16_CPU_CLASS(oc)->description);
}

void cr16_cpu_list(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_CR16_CPU, false);

    printf("Available CPUs:\n");
    g_slist_foreach(list, cr16_cpu_list_entry, NULL);
    g_slist_free(list);
}

/* ---- object lifecycle ----------------------------------------------------- */

static void cr16_cpu_realize(DeviceState *dev, Error **errp)
{
    CR16CPU *cpu = CR16_CPU(dev);
    CR16CPUClass *ccc = CR16_CPU_GET_CLASS(dev);
    Error *local_err = NULL;

    if (cpu->env.addr_limit < CR16_ADDR_MAX) {
        error_setg(errp, "addr-limit 0x%x is below the 24-bit address "
                   "space (0x%x)", cpu->env.addr_limit, CR16_ADDR_MAX);
        return;
    }
    if (ccc->parent_class.parent_realize) {
        ccc->parent_class.parent_realize(dev, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            return;
        }
    }
    cpu_reset(CPU(dev));
}

static void cr16_cpu_initfn(Object *obj)
{
    CR16CPU *cpu = CR16_CPU(obj);

    CPU(obj)->env_ptr = &cpu->env;
    cpu->env.addr_limit = CR16_ADDR_MAX;
    qdev_init_gpio_in(DEVICE(obj), cr16_cpu_set_irq, 2);
}

static bool cr16_cpu_get_semihosting(Object *obj, Error **errp)
{
    return CR16_CPU(obj)->env.semihosting;
}

static void cr16_cpu_set_semihosting(Object *obj, bool value, Error **errp)
{
    CR16_CPU(obj)->env.semihosting = value;
}

static json_t *cr16_cpu_get_addr_limit(Object *obj, const char *name,
                                       void *opaque, Error **errp)
{
    return json_integer(CR16_CPU(obj)->env.addr_limit);
}

/*
 * The IAD path reads the instruction at PC, so every 24-bit address must
 * stay legal: a limit below 0xFFFFFF made an instruction fetch fault
 * inside its own fault handler, for ever.  Realize checks the limit once;
 * this keeps qom-set from lowering it on a running CPU.
 */
static bool cr16_cpu_set_addr_limit(Object *obj, const char *name,
                                    json_t *value, void *opaque,
                                    Error **errp)
{
    CR16CPU *cpu = CR16_CPU(obj);
    json_int_t v;

    if (!json_is_integer(value) || (v = json_integer_value(value)) < 0 ||
        v > UINT32_MAX) {
        error_setg(errp, "Invalid parameter type for '%s', expected: "
                   "uint32", name);
        return false;
    }
    if (DEVICE(obj)->realized) {
        error_setg(errp, "addr-limit cannot change once the CPU is "
                   "realized");
        return false;
    }
    cpu->env.addr_limit = v;
    return true;
}

static const TCGCPUOps cr16_tcg_ops = {
    .initialize = cr16_translate_init,
    .translate_code = cr16_translate_code,
    .get_tb_cpu_state = cr16_cpu_get_tb_cpu_state,
    .synchronize_from_tb = cr16_cpu_synchronize_from_tb,
    .restore_state_to_opc = cr16_cpu_restore_state_to_opc,
    .cpu_exec_interrupt = cr16_cpu_exec_interrupt,
    .cpu_exec_halt = cr16_cpu_has_work,
    .do_interrupt = cr16_cpu_do_interrupt,
    .tlb_fill = cr16_cpu_tlb_fill,
};

static void cr16_cpu_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CPUClass *cc = CPU_CLASS(oc);
    CR16CPUClass *ccc = CR16_CPU_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    cc->parent_realize = dc->realize;
    dc->realize = cr16_cpu_realize;
    resettable_class_set_parent_phases(rc, NULL, cr16_cpu_reset_hold, NULL,
                                       &ccc->parent_phases);

    cc->class_by_name = cr16_cpu_class_by_name;
    cc->has_work = cr16_cpu_has_work;
    cc->dump_state = cr16_cpu_dump_state;
    cc->set_pc = cr16_cpu_set_pc;
    cc->get_pc = cr16_cpu_get_pc;
    cc->mmu_index = cr16_cpu_mmu_index;
    cc->gdb_read_register = cr16_cpu_gdb_read_register;
    cc->gdb_write_register = cr16_cpu_gdb_write_register;
    cc->gdb_num_core_regs = CR16_GDB_NUM_REGS;
    cc->gdb_arch_name = cr16_cpu_gdb_arch_name;
    cc->tcg_ops = &cr16_tcg_ops;

    object_class_property_add_uint32_ptr(oc, "reset-pc",
                                         offsetof(CR16CPU, reset_pc),
                                         OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "reset-pc",
        "PC after reset (the ELF entry point or a strapped start address)");
    object_class_property_add(oc, "addr-limit", "uint32",
                              cr16_cpu_get_addr_limit,
                              cr16_cpu_set_addr_limit, NULL, NULL);
    object_class_property_set_description(oc, "addr-limit",
        "highest data address that does not raise IAD (default 0xffffff)");
    object_class_property_add_bool(oc, "semihosting",
                                   cr16_cpu_get_semihosting,
                                   cr16_cpu_set_semihosting);
    object_class_property_set_description(oc, "semihosting",
        "treat EXCP as a GNU simulator system call");
}

static void cr16c_cpu_class_init(ObjectClass *oc, void *data)
{
    CR16_CPU_CLASS(oc)->description =
        "CompactRISC CR16C (16-bit core, 24-bit PC, 16 MiB)";
}

static void cr16c_plus_cpu_class_init(ObjectClass *oc, void *data)
{
    /*
     * Same instruction set and programmer's model (isa.md 1): CR16C+ only
     * changes what the compiler does with data alignment and models.
     */
    CR16_CPU_CLASS(oc)->description =
        "CompactRISC CR16C+ (CR16C ISA; 32-bit data alignment)";
}

static const TypeInfo cr16_cpu_types[] = {
    {
        .name = TYPE_CR16_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(CR16CPU),
        .instance_init = cr16_cpu_initfn,
        .abstract = true,
        .class_size = sizeof(CR16CPUClass),
        .class_init = cr16_cpu_class_init,
    },
    {
        .name = TYPE_CR16C_CPU,
        .parent = TYPE_CR16_CPU,
        .class_init = cr16c_cpu_class_init,
    },
    {
        .name = TYPE_CR16C_PLUS_CPU,
        .parent = TYPE_CR16_CPU,
        .class_init = cr16c_plus_cpu_class_init,
    },
};

DEFINE_TYPES(cr16_cpu_types)
