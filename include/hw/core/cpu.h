/*
 * The generic CPU object: TYPE_CPU ("cpu"), an abstract device that every
 * target CPU model derives from, and the state the execution machinery in
 * accel/tcg keeps for each vCPU.
 *
 * A target defines its ArchCPU as { CPUState parent_obj; CPUArchState env; }
 * with env immediately after parent_obj: the generated code reaches the
 * TLB and the exit/instruction counter at small negative offsets from env
 * (see CPUNegativeOffsetState), and cpu_env() relies on the same layout.
 * The target names its state struct "struct CPUArchState" (and typedefs
 * its own name for it) so that the hooks in TCGCPUOps type-check.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include <setjmp.h>
#include "hw/qdev-core.h"
#include "exec/cpu-defs.h"
#include "exec/memattrs.h"
#include "exec/tlb-common.h"

typedef struct CPUState CPUState;
typedef struct CPUClass CPUClass;
typedef struct CPUArchState CPUArchState;
typedef struct ArchCPU ArchCPU;
typedef struct TCGCPUOps TCGCPUOps;
typedef struct TranslationBlock TranslationBlock;
typedef struct AddressSpace AddressSpace;
typedef struct MemoryRegion MemoryRegion;
typedef struct CPUJumpCache CPUJumpCache;
typedef struct CPUTLBEntryFull CPUTLBEntryFull;
typedef struct CPUBreakpoint CPUBreakpoint;
typedef struct CPUWatchpoint CPUWatchpoint;

#define TYPE_CPU "cpu"
DECLARE_OBJ_CHECKERS(CPUState, CPUClass, CPU, TYPE_CPU)

/* Flags for cpu_dump_state() and CPUClass.dump_state. */
#define CPU_DUMP_CODE   0x00010000   /* also disassemble around the PC */
#define CPU_DUMP_FPU    0x00020000   /* include floating-point state */
#define CPU_DUMP_CCOP   0x00040000   /* include lazy condition-code state */
#define CPU_DUMP_VPU    0x00080000   /* include vector state */

/*
 * Interrupt request bits (CPUState.interrupt_request).  The generic code
 * only interprets HALT, EXITTB, DEBUG and RESET; the target gives HARD and
 * the TGT_* bits their meaning in its cpu_exec_interrupt hook.
 */
#define CPU_INTERRUPT_HARD        0x0002  /* external (maskable) line */
#define CPU_INTERRUPT_EXITTB      0x0004  /* leave the TB, re-read flags */
#define CPU_INTERRUPT_TGT_EXT_0   0x0008  /* target: external, e.g. NMI */
#define CPU_INTERRUPT_TGT_EXT_1   0x0010
#define CPU_INTERRUPT_HALT        0x0020  /* halt the CPU */
#define CPU_INTERRUPT_TGT_EXT_2   0x0040
#define CPU_INTERRUPT_DEBUG       0x0080  /* deliver EXCP_DEBUG */
#define CPU_INTERRUPT_TGT_INT_0   0x0100  /* target: internal */
#define CPU_INTERRUPT_TGT_EXT_3   0x0200
#define CPU_INTERRUPT_RESET       0x0400
#define CPU_INTERRUPT_TGT_INT_1   0x0800
#define CPU_INTERRUPT_TGT_EXT_4   0x1000
#define CPU_INTERRUPT_TGT_INT_2   0x2000

/* Interrupts single-stepping with SSTEP_NOIRQ holds back. */
#define CPU_INTERRUPT_SSTEP_MASK \
    (CPU_INTERRUPT_HARD | CPU_INTERRUPT_TGT_EXT_0 | CPU_INTERRUPT_TGT_EXT_1 | \
     CPU_INTERRUPT_TGT_EXT_2 | CPU_INTERRUPT_TGT_EXT_3 | \
     CPU_INTERRUPT_TGT_EXT_4)

/* Single-step modes (cpu_single_step). */
#define SSTEP_ENABLE    0x1   /* stop after every instruction */
#define SSTEP_NOIRQ     0x2   /* take no interrupts while stepping */
#define SSTEP_NOTIMER   0x4   /* do not run timers while stepping */

/* Breakpoint and watchpoint flags. */
#define BP_MEM_READ             0x01
#define BP_MEM_WRITE            0x02
#define BP_MEM_ACCESS           (BP_MEM_READ | BP_MEM_WRITE)
#define BP_STOP_BEFORE_ACCESS   0x04    /* stop before, not after, the access */
#define BP_GDB                  0x10    /* inserted by the gdbstub */
#define BP_CPU                  0x20    /* inserted by the guest (debug regs) */
#define BP_ANY                  (BP_GDB | BP_CPU)
#define BP_HIT_SHIFT            6
#define BP_WATCHPOINT_HIT_READ  (BP_MEM_READ << BP_HIT_SHIFT)
#define BP_WATCHPOINT_HIT_WRITE (BP_MEM_WRITE << BP_HIT_SHIFT)
#define BP_WATCHPOINT_HIT       (BP_MEM_ACCESS << BP_HIT_SHIFT)

struct CPUBreakpoint {
    vaddr pc;
    int flags;
};

struct CPUWatchpoint {
    vaddr vaddr;
    vaddr len;
    vaddr hitaddr;      /* address of the access that hit */
    MemTxAttrs hitattrs;
    int flags;          /* BP_* plus BP_WATCHPOINT_HIT_* once hit */
};

/*
 * The exit/instruction counter the generated code checks at the start of
 * every TB.  The low half counts down the instructions the CPU may still
 * execute in this slice; the high half is set to 0xffff to ask running
 * code to leave at the next TB boundary (exit request, interrupt).  Read
 * as one signed 32-bit value, it is negative whenever either applies.
 */
typedef union IcountDecr {
    uint32_t u32;
    struct {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        uint16_t high;
        uint16_t low;
#else
        uint16_t low;
        uint16_t high;
#endif
    } u16;
} IcountDecr;

/*
 * Per-MMU-mode slow-path state of the TLB: the "full" entry for each fast
 * entry, holding what the fast path does not need.
 */
struct CPUTLBEntryFull {
    uint64_t phys_addr;   /* guest physical address of the page */
    MemTxAttrs attrs;
    int prot;             /* PAGE_READ | PAGE_WRITE | PAGE_EXEC */
    uint8_t lg_page_size; /* log2 of the size passed to tlb_set_page */
    /*
     * For a page of RAM (or ROM) backing: host address of the page's
     * first byte, else NULL; ram_addr is its code-tracking key.
     */
    uint8_t *host;
    uint64_t ram_addr;
    /*
     * For a page entirely inside one MMIO (or ROM, for writes) region:
     * the region and the page's offset in it, so the slow path can
     * dispatch without a lookup.  NULL when the page is split between
     * regions or unmapped: then accesses go through the address space.
     * Valid until the next memory transaction commit, which flushes the
     * TLB (see cputlb.c).
     */
    MemoryRegion *mr;
    uint64_t mr_offset;
};

typedef struct CPUTLBDesc {
    CPUTLBEntryFull *fulltlb;   /* CPU_TLB_SIZE entries */
    /* Large pages (bigger than TARGET_PAGE_SIZE) seen since the last flush. */
    vaddr large_page_addr;
    vaddr large_page_mask;
} CPUTLBDesc;

typedef struct CPUTLBCommon {
    size_t full_flush_count;
    size_t page_flush_count;
    size_t fill_count;
} CPUTLBCommon;

typedef struct CPUTLB {
    CPUTLBCommon c;
    CPUTLBDesc d[NB_MMU_MODES];
    /* Last: the fast descriptors are closest to env (small offsets). */
    CPUTLBDescFast f[NB_MMU_MODES];
} CPUTLB;

/*
 * The part of CPUState that generated code reads relative to env.  It is
 * the last member of CPUState and env follows it directly, so these
 * fields sit at fixed negative offsets from env.
 */
typedef struct CPUNegativeOffsetState {
    CPUTLB tlb;
    IcountDecr icount_decr;
    bool can_do_io;
} CPUNegativeOffsetState;

/* Protection bits for tlb_set_page. */
#define PAGE_READ   0x0001
#define PAGE_WRITE  0x0002
#define PAGE_EXEC   0x0004
#define PAGE_RWX    (PAGE_READ | PAGE_WRITE | PAGE_EXEC)

typedef void (*CPUDumpStateFn)(CPUState *cpu, FILE *f, int flags);

/**
 * CPUClass: methods every CPU model provides (or inherits).
 *
 * @has_work: true when a halted CPU should resume (pending interrupt).
 * @dump_state: print registers for "info registers" and -d cpu.
 * @set_pc / @get_pc: the guest program counter, for the gdbstub/loader.
 * @get_arch_id: architectural CPU id (default: cpu_index).
 * @gdb_read_register: append register @reg to @buf, return its size or 0.
 * @gdb_write_register: load register @reg from @buf, return bytes used.
 * @gdb_num_core_regs / @gdb_core_xml_file / @gdb_arch_name: for the stub.
 * @get_phys_page_debug: guest physical address of a page, -1 if none
 *   (default: identity, for MMU-less CPUs).
 * @memory_rw_debug: override of cpu_memory_rw_debug (rarely needed).
 * @mmu_index: the MMU index for data accesses (ifetch false) or code
 *   fetch (ifetch true) in the current CPU mode (default 0).
 * @tcg_ops: the TCG hooks (hw/core/tcg-cpu-ops.h).
 * @parent_realize / @parent_unrealize: saved by subclasses that chain.
 */
struct CPUClass {
    DeviceClass parent_class;

    ObjectClass *(*class_by_name)(const char *cpu_model);
    bool (*has_work)(CPUState *cpu);
    void (*dump_state)(CPUState *cpu, FILE *f, int flags);
    void (*set_pc)(CPUState *cpu, vaddr value);
    vaddr (*get_pc)(CPUState *cpu);
    int64_t (*get_arch_id)(CPUState *cpu);
    int (*gdb_read_register)(CPUState *cpu, GByteArray *buf, int reg);
    int (*gdb_write_register)(CPUState *cpu, uint8_t *buf, int reg);
    const char *(*gdb_arch_name)(CPUState *cpu);
    uint64_t (*get_phys_page_debug)(CPUState *cpu, vaddr addr);
    int (*memory_rw_debug)(CPUState *cpu, vaddr addr, uint8_t *buf,
                           int len, bool is_write);
    int (*mmu_index)(CPUState *cpu, bool ifetch);
    const char *gdb_core_xml_file;
    int gdb_num_core_regs;
    bool gdb_stop_before_watchpoint;

    const TCGCPUOps *tcg_ops;

    DeviceRealize parent_realize;
    DeviceUnrealize parent_unrealize;
};

/**
 * CPUState: the generic state of one vCPU.
 *
 * Execution control:
 * @halted: the CPU is stopped waiting for an interrupt (WAIT).
 * @stop / @stopped: pause requested by the system / pause reached.
 * @exit_request: leave cpu_exec() at the next TB boundary.
 * @interrupt_request: pending CPU_INTERRUPT_* bits.
 * @exception_index: pending exception (target number or EXCP_*), -1 none.
 * @cflags_next_tb: compile flags forced for the next TB, or -1.
 * @singlestep_enabled: SSTEP_* flags set by the gdbstub.
 * @icount_budget: instructions left in the current slice beyond the
 *   16-bit counter in neg.icount_decr.u16.low; @icount_extra is the same
 *   thing, kept under QEMU's name.
 */
struct CPUState {
    DeviceState parent_obj;

    /* Cached class pointer: the hot paths avoid the dynamic cast. */
    CPUClass *cc;

    int cpu_index;
    uint32_t halted;
    bool stop;
    bool stopped;
    bool created;
    bool running;       /* inside cpu_exec() */
    bool crash_occurred;
    volatile sig_atomic_t exit_request;
    uint32_t interrupt_request;
    int32_t exception_index;
    uint32_t cflags_next_tb;
    int singlestep_enabled;

    int64_t icount_budget;
    int64_t icount_extra;
    /* Instructions executed since the CPU was created (icount source). */
    int64_t icount_executed;
    /*
     * Budget charged to the current (or last) slice for exception and
     * interrupt deliveries (accel/tcg/cpu-exec.c), so that a fault storm
     * still ends the slice; not instructions, so icount leaves it out.
     */
    int64_t icount_deliveries;

    sigjmp_buf jmp_env;

    AddressSpace *as;
    MemoryRegion *memory;
    /* State of accel/tcg/cputlb.c (memory listener, code-page hook). */
    void *tlb_priv;

    /* Target state (ArchCPU.env); set by the CPU object's instance_init. */
    void *env_ptr;

    CPUJumpCache *tb_jmp_cache;

    GList *breakpoints;         /* CPUBreakpoint *, oldest first */
    GList *watchpoints;         /* CPUWatchpoint * */
    CPUWatchpoint *watchpoint_hit;

    void *opaque;

    /* Linked list of all CPUs, in cpu_index order (see CPU_FOREACH). */
    CPUState *next_cpu;

    /* Must be last: see CPUNegativeOffsetState. */
    CPUNegativeOffsetState neg;
};

/* The target's state, which follows CPUState in ArchCPU. */
static inline CPUArchState *cpu_env(CPUState *cpu)
{
    return (CPUArchState *)cpu->env_ptr;
}

/* From env back to the generic state (the inverse of cpu_env). */
static inline CPUState *env_cpu(CPUArchState *env)
{
    return (CPUState *)((char *)env - sizeof(CPUState));
}

/* Byte offset, relative to env, of a field in CPUNegativeOffsetState. */
#define NEG_ENV_OFFSET(field) \
    ((ptrdiff_t)offsetof(CPUNegativeOffsetState, field) - \
     (ptrdiff_t)sizeof(CPUNegativeOffsetState))

/* All CPUs, in creation order. */
extern CPUState *first_cpu;
#define CPU_NEXT(cpu) ((cpu)->next_cpu)
#define CPU_FOREACH(cpu) for ((cpu) = first_cpu; (cpu); (cpu) = (cpu)->next_cpu)

/* The CPU currently inside cpu_exec(), or NULL (one thread: one CPU). */
extern CPUState *current_cpu;

/* Add @cpu to the list (at realize) with the next free cpu_index. */
void cpu_list_add(CPUState *cpu);
/* Remove @cpu from the list (at unrealize). */
void cpu_list_remove(CPUState *cpu);
/* The CPU with cpu_index @index, or NULL. */
CPUState *qemu_get_cpu(int index);
/* The CPU whose architectural id is @id, or NULL. */
CPUState *cpu_by_arch_id(int64_t id);
/* Whether @cpu exists (it is still in the CPU list). */
bool cpu_exists(int64_t id);

/* Reset @cpu (its class's reset, then the generic fields). */
void cpu_reset(CPUState *cpu);
/* Print the registers to @f (CPU_DUMP_* flags). */
void cpu_dump_state(CPUState *cpu, FILE *f, int flags);

/* Program counter through the class hooks (gdbstub, loader). */
void cpu_set_pc(CPUState *cpu, vaddr addr);
vaddr cpu_get_pc(CPUState *cpu);

/* MMU index for data (ifetch false) or code accesses. */
int cpu_mmu_index(CPUState *cpu, bool ifetch);

/* True when a halted @cpu should wake up. */
bool cpu_has_work(CPUState *cpu);

/*
 * Raise @mask in cpu->interrupt_request and make running code leave at
 * the next TB boundary so the interrupt is looked at.
 */
void cpu_interrupt(CPUState *cpu, int mask);
/* Clear @mask from cpu->interrupt_request. */
void cpu_reset_interrupt(CPUState *cpu, int mask);

/*
 * Ask @cpu to return from cpu_exec() at the next TB boundary.  Call it
 * from the main loop's thread (timers, QMP, gdbstub) or from a device
 * callback running inside the CPU; not from a signal handler, as running
 * code updates the same word without atomics.
 */
void cpu_exit(CPUState *cpu);
/* Make sure @cpu notices new work (exit request, then wake the loop). */
void qemu_cpu_kick(CPUState *cpu);
/*
 * Hook called by qemu_cpu_kick after cpu_exit, so the main loop can wake
 * up if it is sleeping (NULL: nothing to do).  Set by the system code.
 */
extern void (*cpu_kick_notify)(CPUState *cpu);

/*
 * Breakpoints: @flags is BP_GDB or BP_CPU.  Inserting or removing one
 * invalidates the translated code covering @pc.  Return 0 or -errno.
 */
int cpu_breakpoint_insert(CPUState *cpu, vaddr pc, int flags,
                          CPUBreakpoint **breakpoint);
int cpu_breakpoint_remove(CPUState *cpu, vaddr pc, int flags);
void cpu_breakpoint_remove_by_ref(CPUState *cpu, CPUBreakpoint *bp);
void cpu_breakpoint_remove_all(CPUState *cpu, int mask);
/* True if a breakpoint with one of the @mask flags is set at @pc. */
bool cpu_breakpoint_test(CPUState *cpu, vaddr pc, int mask);

/*
 * Watchpoints over [addr, addr + len): @flags is BP_MEM_* | BP_GDB/BP_CPU.
 * A hit stops the CPU with EXCP_DEBUG after the access (before it with
 * BP_STOP_BEFORE_ACCESS); cpu->watchpoint_hit says which one.
 */
int cpu_watchpoint_insert(CPUState *cpu, vaddr addr, vaddr len, int flags,
                          CPUWatchpoint **watchpoint);
int cpu_watchpoint_remove(CPUState *cpu, vaddr addr, vaddr len, int flags);
void cpu_watchpoint_remove_by_ref(CPUState *cpu, CPUWatchpoint *wp);
void cpu_watchpoint_remove_all(CPUState *cpu, int mask);
/* Flags (BP_MEM_*) of the watchpoints overlapping [addr, addr + len). */
int cpu_watchpoint_address_matches(CPUState *cpu, vaddr addr, vaddr len);

/* Single-step: @enabled is 0 or SSTEP_ENABLE [| SSTEP_NOIRQ | ...]. */
void cpu_single_step(CPUState *cpu, int enabled);

/*
 * Debugger access to guest memory through the CPU's address space
 * (gdbstub, monitor).  Returns 0, or -1 if part of the range has nothing
 * mapped (the bytes that are mapped are still transferred).
 */
int cpu_memory_rw_debug(CPUState *cpu, vaddr addr, void *buf, size_t len,
                        bool is_write);

/*
 * Hooks accel/tcg installs so hw/core stays independent of it: called at
 * realize / unrealize (set up / tear down the TLB and jump cache) and
 * when a breakpoint changes (invalidate the code covering @pc).
 */
typedef struct CPUAccelHooks {
    void (*realize)(CPUState *cpu);
    void (*unrealize)(CPUState *cpu);
    void (*reset)(CPUState *cpu);
    void (*breakpoint_changed)(CPUState *cpu, vaddr pc);
    void (*watchpoint_changed)(CPUState *cpu, vaddr addr, vaddr len);
} CPUAccelHooks;
extern const CPUAccelHooks *cpu_accel_hooks;

#endif /* HW_CORE_CPU_H */
