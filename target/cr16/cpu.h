/*
 * CR16C CPU: the QOM CPU object and the interfaces the rest of the
 * emulator uses (boards, accel/tcg, gdbstub, monitor).
 *
 * The architectural state (CPUCR16State) and its rules live in
 * cr16-arch.h; this header wraps them in a CPUState.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_CPU_H
#define TARGET_CR16_CPU_H

#include "target/cr16/cpu-qom.h"
#include "target/cr16/cr16-arch.h"
#include "exec/cpu-defs.h"
#include "hw/resettable.h"

/*
 * Input lines (qdev GPIO, unnamed): the board's interrupt controller
 * drives CR16_CPU_IRQ as a level (high = a maskable interrupt is pending;
 * the vector is read from 0xFFFE00 when the CPU accepts it), and the NMI
 * source pulses CR16_CPU_NMI (a rising edge latches one NMI).
 */
#define CR16_CPU_IRQ    0
#define CR16_CPU_NMI    1

/* The NMI latch, as an interrupt_request bit. */
#define CPU_INTERRUPT_NMI   CPU_INTERRUPT_TGT_EXT_0

/* MMU indexes: the U pin, for a board MPU; the core protects nothing. */
#define CR16_MMU_IDX_SUPER  0
#define CR16_MMU_IDX_USER   1

/*
 * TB flags: what the translation depends on.  USER: LPR/LPRD raise UND.
 * TRACE: PSR.T or PSR.P is set, so every instruction runs the trace check
 * in its own TB (isa.md 7.6).
 */
#define CR16_TBFLAG_USER    (1u << 0)
#define CR16_TBFLAG_TRACE   (1u << 1)

/* Internal exception number: an EXCP the semihosting layer must see. */
#define CR16_EXCP_SEMIHOST  0x200

struct CR16CPUClass {
    CPUClass parent_class;

    ResettablePhases parent_phases;
    /* One line for -cpu help. */
    const char *description;
};

struct ArchCPU {
    CPUState parent_obj;
    /* Must follow parent_obj directly (see hw/core/cpu.h). */
    CPUCR16State env;

    /* Property "reset-pc": PC after reset (ELF entry or a strap). */
    uint32_t reset_pc;
    /* Last level seen on the NMI input, for edge detection. */
    bool nmi_line;
    /*
     * Set by the sim board: an undecodable word whose W0[15:8] is 0x00
     * ends the program with status r2 instead of raising UND, as the GNU
     * simulator does (toolchain-abi.md 5.2), as long as the program has
     * not set INTBASE (then it wants the architecture's traps).  Outside
     * env so that CPU reset keeps it.
     */
    bool sim_zero_word_exits;
};

/* ---- cpu.c -------------------------------------------------------------- */

/* Print the models for -cpu help. */
void cr16_cpu_list(void);
/* "cr16c", "cr16c-plus" or a full type name -> its class, NULL if none. */
ObjectClass *cr16_cpu_class_by_name(const char *cpu_model);
/* Type name for a -cpu model name (g_free it), NULL if unknown. */
char *cr16_cpu_type_name(const char *cpu_model);
void cr16_cpu_dump_state(CPUState *cs, FILE *f, int flags);

/* ---- excp_helper.c ------------------------------------------------------ */

void cr16_cpu_do_interrupt(CPUState *cs);
bool cr16_cpu_exec_interrupt(CPUState *cs, int interrupt_request);
bool cr16_cpu_has_work(CPUState *cs);
bool cr16_cpu_tlb_fill(CPUState *cs, vaddr address, int size,
                       MMUAccessType access_type, int mmu_idx, bool probe,
                       uintptr_t retaddr);

/*
 * Leave the TB and take exception @vector with @pc as the saved return
 * address (isa.md 7.3 table).  @ra is the helper's GETPC() or 0.
 */
QEMU_NORETURN void cr16_raise_exception(CPUCR16State *env, unsigned vector,
                                        uint32_t pc, uintptr_t ra);

/* A CR16Mem over the CPU's softmmu for the architectural helpers. */
typedef struct CR16SoftMem {
    CR16Mem mem;
    CPUCR16State *env;
    uintptr_t ra;
    int mmu_idx;
} CR16SoftMem;
void cr16_softmem_init(CR16SoftMem *sm, CPUCR16State *env, uintptr_t ra,
                       int mmu_idx);

/*
 * Semihosting exit: the system emulator installs a handler that requests
 * shutdown with the status.  Without one the status is recorded (see
 * cr16_semihosting_exit_status()) and the CPU halts; the library never
 * calls exit().
 */
void cr16_semihosting_set_exit_handler(void (*fn)(int status));
/* Status of the last exit request, or -1 if none. */
int cr16_semihosting_exit_status(void);

/* ---- translate.c -------------------------------------------------------- */

void cr16_translate_init(void);
void cr16_translate_code(CPUState *cs, TranslationBlock *tb, int *max_insns,
                         vaddr pc, void *host_pc);

/* ---- gdbstub.c ---------------------------------------------------------- */

int cr16_cpu_gdb_read_register(CPUState *cs, GByteArray *buf, int reg);
int cr16_cpu_gdb_write_register(CPUState *cs, uint8_t *buf, int reg);

/* ---- TB state ----------------------------------------------------------- */

static inline int cr16_env_mmu_index(const CPUCR16State *env)
{
    return (env->psr & CR16_PSR_U) ? CR16_MMU_IDX_USER : CR16_MMU_IDX_SUPER;
}

void cr16_cpu_get_tb_cpu_state(CPUCR16State *env, vaddr *pc,
                               uint64_t *cs_base, uint32_t *flags);

#endif /* TARGET_CR16_CPU_H */
