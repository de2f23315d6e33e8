/*
 * TYPE_CPU: the generic part of every CPU model.
 *
 * It keeps the list of CPUs, the interrupt/exit flags the execution loop
 * polls, breakpoints, watchpoints and single-step state for the gdbstub,
 * and debugger access to guest memory.  Everything that depends on the
 * accelerator (TLB, jump cache, invalidating translated code) goes
 * through cpu_accel_hooks, which accel/tcg installs, so hw/core does not
 * depend on accel/tcg.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/error-report.h"
#include "qapi/error.h"
#include "hw/core/cpu.h"
#include "hw/qdev-core.h"
#include "system/memory.h"

CPUState *first_cpu;
CPUState *current_cpu;
void (*cpu_kick_notify)(CPUState *cpu);
const CPUAccelHooks *cpu_accel_hooks;

#define UNASSIGNED_CPU_INDEX -1

/* Generated code relies on neg being the very end of CPUState. */
QEMU_BUILD_BUG_ON(offsetof(CPUState, neg) + sizeof(CPUNegativeOffsetState) !=
                  sizeof(CPUState));

/* ---- the list of CPUs ---------------------------------------------- */

void cpu_list_add(CPUState *cpu)
{
    CPUState **link = &first_cpu;
    int index = 0;

    /* Keep the list sorted by index; reuse the lowest free index. */
    while (*link && (*link)->cpu_index == index) {
        index++;
        link = &(*link)->next_cpu;
    }
    if (cpu->cpu_index == UNASSIGNED_CPU_INDEX) {
        cpu->cpu_index = index;
    } else {
        link = &first_cpu;
        while (*link && (*link)->cpu_index < cpu->cpu_index) {
            link = &(*link)->next_cpu;
        }
    }
    cpu->next_cpu = *link;
    *link = cpu;
}

void cpu_list_remove(CPUState *cpu)
{
    for (CPUState **link = &first_cpu; *link; link = &(*link)->next_cpu) {
        if (*link == cpu) {
            *link = cpu->next_cpu;
            cpu->next_cpu = NULL;
            break;
        }
    }
    cpu->cpu_index = UNASSIGNED_CPU_INDEX;
}

CPUState *qemu_get_cpu(int index)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

CPUState *cpu_by_arch_id(int64_t id)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->cc->get_arch_id(cpu) == id) {
            return cpu;
        }
    }
    return NULL;
}

bool cpu_exists(int64_t id)
{
    return cpu_by_arch_id(id) != NULL;
}

/* ---- simple accessors ---------------------------------------------- */

void cpu_reset(CPUState *cpu)
{
    device_cold_reset(DEVICE(cpu));
}

void cpu_dump_state(CPUState *cpu, FILE *f, int flags)
{
    if (cpu->cc->dump_state) {
        cpu->cc->dump_state(cpu, f, flags);
    }
}

void cpu_set_pc(CPUState *cpu, vaddr addr)
{
    g_assert(cpu->cc->set_pc);
    cpu->cc->set_pc(cpu, addr);
}

vaddr cpu_get_pc(CPUState *cpu)
{
    g_assert(cpu->cc->get_pc);
    return cpu->cc->get_pc(cpu);
}

int cpu_mmu_index(CPUState *cpu, bool ifetch)
{
    int idx = cpu->cc->mmu_index ? cpu->cc->mmu_index(cpu, ifetch) : 0;

    g_assert(idx >= 0 && idx < NB_MMU_MODES);
    return idx;
}

bool cpu_has_work(CPUState *cpu)
{
    return cpu->cc->has_work ? cpu->cc->has_work(cpu) : false;
}

/* ---- interrupts and exit requests ---------------------------------- */

void cpu_exit(CPUState *cpu)
{
    cpu->exit_request = 1;
    /*
     * Setting the high half makes the counter negative, which every TB
     * checks on entry, so running code leaves at the next TB boundary.
     */
    cpu->neg.icount_decr.u16.high = 0xffff;
}

void qemu_cpu_kick(CPUState *cpu)
{
    cpu_exit(cpu);
    if (cpu_kick_notify) {
        cpu_kick_notify(cpu);
    }
}

void cpu_interrupt(CPUState *cpu, int mask)
{
    cpu->interrupt_request |= mask;
    /* Leave the TB so the loop looks at the request, but stay in cpu_exec. */
    cpu->neg.icount_decr.u16.high = 0xffff;
    if (cpu_kick_notify) {
        cpu_kick_notify(cpu);
    }
}

void cpu_reset_interrupt(CPUState *cpu, int mask)
{
    cpu->interrupt_request &= ~mask;
}

/* ---- breakpoints --------------------------------------------------- */

static void cpu_breakpoint_changed(CPUState *cpu, vaddr pc)
{
    if (cpu_accel_hooks && cpu_accel_hooks->breakpoint_changed) {
        cpu_accel_hooks->breakpoint_changed(cpu, pc);
    }
}

int cpu_breakpoint_insert(CPUState *cpu, vaddr pc, int flags,
                          CPUBreakpoint **breakpoint)
{
    CPUBreakpoint *bp = g_new0(CPUBreakpoint, 1);

    bp->pc = pc;
    bp->flags = flags;
    /* gdb's breakpoints go first so they win over the guest's own. */
    if (flags & BP_GDB) {
        cpu->breakpoints = g_list_prepend(cpu->breakpoints, bp);
    } else {
        cpu->breakpoints = g_list_append(cpu->breakpoints, bp);
    }
    cpu_breakpoint_changed(cpu, pc);
    if (breakpoint) {
        *breakpoint = bp;
    }
    return 0;
}

void cpu_breakpoint_remove_by_ref(CPUState *cpu, CPUBreakpoint *bp)
{
    vaddr pc = bp->pc;

    cpu->breakpoints = g_list_remove(cpu->breakpoints, bp);
    g_free(bp);
    cpu_breakpoint_changed(cpu, pc);
}

int cpu_breakpoint_remove(CPUState *cpu, vaddr pc, int flags)
{
    for (GList *l = cpu->breakpoints; l; l = l->next) {
        CPUBreakpoint *bp = l->data;

        if (bp->pc == pc && bp->flags == flags) {
            cpu_breakpoint_remove_by_ref(cpu, bp);
            return 0;
        }
    }
    return -ENOENT;
}

void cpu_breakpoint_remove_all(CPUState *cpu, int mask)
{
    GList *l = cpu->breakpoints;

    while (l) {
        CPUBreakpoint *bp = l->data;

        l = l->next;
        if (bp->flags & mask) {
            cpu_breakpoint_remove_by_ref(cpu, bp);
        }
    }
}

bool cpu_breakpoint_test(CPUState *cpu, vaddr pc, int mask)
{
    for (GList *l = cpu->breakpoints; l; l = l->next) {
        CPUBreakpoint *bp = l->data;

        if (bp->pc == pc && (bp->flags & mask)) {
            return true;
        }
    }
    return false;
}

/* ---- watchpoints --------------------------------------------------- */

static void cpu_watchpoint_changed(CPUState *cpu, vaddr addr, vaddr len)
{
    if (cpu_accel_hooks && cpu_accel_hooks->watchpoint_changed) {
        cpu_accel_hooks->watchpoint_changed(cpu, addr, len);
    }
}

int cpu_watchpoint_insert(CPUState *cpu, vaddr addr, vaddr len, int flags,
                          CPUWatchpoint **watchpoint)
{
    CPUWatchpoint *wp;

    /* Zero-length or wrapping ranges cannot match anything sensibly. */
    if (len == 0 || addr + len - 1 < addr) {
        error_report("tried to set invalid watchpoint at 0x%" VADDR_PRIx
                     ", len=%" VADDR_PRIu, addr, len);
        return -EINVAL;
    }
    wp = g_new0(CPUWatchpoint, 1);
    wp->vaddr = addr;
    wp->len = len;
    wp->flags = flags;
    if (flags & BP_GDB) {
        cpu->watchpoints = g_list_prepend(cpu->watchpoints, wp);
    } else {
        cpu->watchpoints = g_list_append(cpu->watchpoints, wp);
    }
    cpu_watchpoint_changed(cpu, addr, len);
    if (watchpoint) {
        *watchpoint = wp;
    }
    return 0;
}

void cpu_watchpoint_remove_by_ref(CPUState *cpu, CPUWatchpoint *wp)
{
    vaddr addr = wp->vaddr, len = wp->len;

    cpu->watchpoints = g_list_remove(cpu->watchpoints, wp);
    if (cpu->watchpoint_hit == wp) {
        cpu->watchpoint_hit = NULL;
    }
    g_free(wp);
    cpu_watchpoint_changed(cpu, addr, len);
}

int cpu_watchpoint_remove(CPUState *cpu, vaddr addr, vaddr len, int flags)
{
    for (GList *l = cpu->watchpoints; l; l = l->next) {
        CPUWatchpoint *wp = l->data;

        if (wp->vaddr == addr && wp->len == len &&
            (wp->flags & ~BP_WATCHPOINT_HIT) == flags) {
            cpu_watchpoint_remove_by_ref(cpu, wp);
            return 0;
        }
    }
    return -ENOENT;
}

void cpu_watchpoint_remove_all(CPUState *cpu, int mask)
{
    GList *l = cpu->watchpoints;

    while (l) {
        CPUWatchpoint *wp = l->data;

        l = l->next;
        if (wp->flags & mask) {
            cpu_watchpoint_remove_by_ref(cpu, wp);
        }
    }
}

int cpu_watchpoint_address_matches(CPUState *cpu, vaddr addr, vaddr len)
{
    int ret = 0;

    for (GList *l = cpu->watchpoints; l; l = l->next) {
        CPUWatchpoint *wp = l->data;
        vaddr wp_last = wp->vaddr + wp->len - 1;
        vaddr last = addr + len - 1;

        if (addr <= wp_last && wp->vaddr <= last) {
            ret |= wp->flags;
        }
    }
    return ret & BP_MEM_ACCESS;
}

/* ---- single-step --------------------------------------------------- */

void cpu_single_step(CPUState *cpu, int enabled)
{
    if (cpu->singlestep_enabled != enabled) {
        cpu->singlestep_enabled = enabled;
        /*
         * Translations made for normal running chain into each other;
         * the next TB lookup uses single-step flags.  Leaving the current
         * TB (without ending cpu_exec) makes a running CPU get there.
         */
        cpu->neg.icount_decr.u16.high = 0xffff;
    }
}

/* ---- debugger memory access ---------------------------------------- */

static uint64_t cpu_common_get_phys_page_debug(CPUState *cpu, vaddr addr)
{
    /* CPUs without an MMU: virtual == physical. */
    return addr & TARGET_PAGE_MASK;
}

int cpu_memory_rw_debug(CPUState *cpu, vaddr addr, void *ptr, size_t len,
                        bool is_write)
{
    uint8_t *buf = ptr;
    MemTxAttrs attrs = { .debug = 1 };
    int ret = 0;

    if (cpu->cc->memory_rw_debug) {
        return cpu->cc->memory_rw_debug(cpu, addr, buf, len, is_write);
    }
    while (len > 0) {
        vaddr page = addr & TARGET_PAGE_MASK;
        uint64_t phys = cpu->cc->get_phys_page_debug(cpu, page);
        size_t chunk = MIN(len, page + TARGET_PAGE_SIZE - addr);
        MemTxResult res;

        if (phys == (uint64_t)-1) {
            if (!is_write) {
                memset(buf, 0, chunk);
            }
            ret = -1;
        } else {
            phys += addr & ~TARGET_PAGE_MASK;
            /* A debugger may patch ROM (software breakpoints in flash). */
            if (is_write) {
                res = address_space_write_rom(cpu->as, phys, attrs, buf,
                                              chunk);
            } else {
                res = address_space_read(cpu->as, phys, attrs, buf, chunk);
            }
            if (res != MEMTX_OK) {
                ret = -1;
            }
        }
        addr += chunk;
        buf += chunk;
        len -= chunk;
    }
    return ret;
}

/* ---- the QOM type -------------------------------------------------- */

static int64_t cpu_common_get_arch_id(CPUState *cpu)
{
    return cpu->cpu_index;
}

static void cpu_common_realizefn(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);

    if (!cpu->as) {
        cpu->as = &address_space_memory;
    }
    cpu_list_add(cpu);
    if (cpu_accel_hooks && cpu_accel_hooks->realize) {
        cpu_accel_hooks->realize(cpu);
    }
    cpu->created = true;
}

static void cpu_common_unrealizefn(DeviceState *dev)
{
    CPUState *cpu = CPU(dev);

    if (cpu_accel_hooks && cpu_accel_hooks->unrealize) {
        cpu_accel_hooks->unrealize(cpu);
    }
    cpu_list_remove(cpu);
    cpu->created = false;
}

static void cpu_common_reset_hold(Object *obj, ResetType type)
{
    CPUState *cpu = CPU(obj);

    if (qemu_loglevel_mask(CPU_LOG_RESET)) {
        qemu_log("CPU Reset (CPU %d)\n", cpu->cpu_index);
        cpu_dump_state(cpu, stderr, 0);
    }
    cpu->interrupt_request = 0;
    cpu->halted = 0;
    cpu->exception_index = -1;
    cpu->crash_occurred = false;
    cpu->cflags_next_tb = -1;
    cpu->neg.can_do_io = true;
    if (cpu_accel_hooks && cpu_accel_hooks->reset) {
        cpu_accel_hooks->reset(cpu);
    }
}

static void cpu_common_initfn(Object *obj)
{
    CPUState *cpu = CPU(obj);

    cpu->cc = CPU_GET_CLASS(obj);
    cpu->cpu_index = UNASSIGNED_CPU_INDEX;
    cpu->exception_index = -1;
    cpu->cflags_next_tb = -1;
    cpu->neg.can_do_io = true;
    /* ArchCPU puts env right after CPUState (see the header comment). */
    cpu->env_ptr = (char *)cpu + sizeof(CPUState);
}

static void cpu_common_finalize(Object *obj)
{
    CPUState *cpu = CPU(obj);

    if (cpu->created && cpu_accel_hooks && cpu_accel_hooks->unrealize) {
        cpu_accel_hooks->unrealize(cpu);
        cpu_list_remove(cpu);
    }
    g_list_free_full(cpu->breakpoints, g_free);
    cpu->breakpoints = NULL;
    g_list_free_full(cpu->watchpoints, g_free);
    cpu->watchpoints = NULL;
}

static void cpu_common_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);
    CPUClass *cc = CPU_CLASS(klass);

    set_bit(DEVICE_CATEGORY_CPU, dc->categories);
    dc->realize = cpu_common_realizefn;
    dc->unrealize = cpu_common_unrealizefn;
    rc->phases.hold = cpu_common_reset_hold;
    /* CPUs are created by the board, not with -device. */
    dc->user_creatable = false;
    cc->get_arch_id = cpu_common_get_arch_id;
    cc->get_phys_page_debug = cpu_common_get_phys_page_debug;
}

static const TypeInfo cpu_type_info = {
    .name = TYPE_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(CPUState),
    .instance_init = cpu_common_initfn,
    .instance_finalize = cpu_common_finalize,
    .abstract = true,
    .class_size = sizeof(CPUClass),
    .class_init = cpu_common_class_init,
};

static void cpu_register_types(void)
{
    type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)
