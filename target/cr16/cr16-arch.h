/*
 * CR16C architectural state and the rules that act on it.
 *
 * This header holds everything about the CR16C programmer's model that does
 * not need the QEMU core: the register file with its 16-bit views and
 * register pairs, the PSR, the processor registers of LPR/SPR, exception
 * entry and RETX, the dispatch table, condition codes, the gdb register
 * layout and the register dump.  cpu.h wraps it in a QOM CPU; keeping the
 * rules here lets unit tests drive them on a bare CPUCR16State with a fake
 * memory (see CR16Mem), and keeps each rule in exactly one place.
 *
 * References: docs/cr16/isa.md (sections named "isa.md N"),
 * docs/cr16/instructions.md, docs/cr16/toolchain-abi.md.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_CR16_ARCH_H
#define TARGET_CR16_CR16_ARCH_H

#include "target/cr16/cr16-uncertain.h"

/* isa.md 2.1: register numbers with names of their own. */
enum {
    CR16_REG_R12 = 12,
    CR16_REG_R13 = 13,
    CR16_REG_RA = 14,
    CR16_REG_SP = 15,
    CR16_NUM_GPRS = 16,
};

/* isa.md 2.4: PSR bit positions. */
#define CR16_PSR_C_SHIFT    0
#define CR16_PSR_T_SHIFT    1
#define CR16_PSR_L_SHIFT    2
#define CR16_PSR_U_SHIFT    3
#define CR16_PSR_F_SHIFT    5
#define CR16_PSR_Z_SHIFT    6
#define CR16_PSR_N_SHIFT    7
#define CR16_PSR_E_SHIFT    9
#define CR16_PSR_P_SHIFT    10
#define CR16_PSR_I_SHIFT    11

#define CR16_PSR_C          (1u << CR16_PSR_C_SHIFT)
#define CR16_PSR_T          (1u << CR16_PSR_T_SHIFT)
#define CR16_PSR_L          (1u << CR16_PSR_L_SHIFT)
#define CR16_PSR_U          (1u << CR16_PSR_U_SHIFT)
#define CR16_PSR_F          (1u << CR16_PSR_F_SHIFT)
#define CR16_PSR_Z          (1u << CR16_PSR_Z_SHIFT)
#define CR16_PSR_N          (1u << CR16_PSR_N_SHIFT)
#define CR16_PSR_E          (1u << CR16_PSR_E_SHIFT)
#define CR16_PSR_P          (1u << CR16_PSR_P_SHIFT)
#define CR16_PSR_I          (1u << CR16_PSR_I_SHIFT)

/* Bits 4, 8 and 12-15 are reserved and always read 0. */
#define CR16_PSR_MASK       0x0EEFu
/* The five condition flags, which the translator keeps in separate words. */
#define CR16_PSR_FLAGS      (CR16_PSR_C | CR16_PSR_L | CR16_PSR_F | \
                             CR16_PSR_Z | CR16_PSR_N)
/* isa.md 3: after reset only E is set. */
#define CR16_PSR_RESET      CR16_PSR_E

/* isa.md 2.5: CFG bits; only ED changes what the core does. */
#define CR16_CFG_DC         (1u << 2)
#define CR16_CFG_LDC        (1u << 3)
#define CR16_CFG_IC         (1u << 4)
#define CR16_CFG_LIC        (1u << 5)
#define CR16_CFG_ED         (1u << 8)
#define CR16_CFG_SR         (1u << 9)
#define CR16_CFG_MASK       0x033Cu

/* isa.md 7.1: dispatch-table vector numbers. */
enum {
    CR16_VEC_NMI = 1,
    CR16_VEC_SVC = 5,
    CR16_VEC_DVZ = 6,
    CR16_VEC_FLG = 7,
    CR16_VEC_BPT = 8,
    CR16_VEC_TRC = 9,
    CR16_VEC_UND = 10,
    CR16_VEC_IAD = 12,
    CR16_VEC_DBG = 14,
    CR16_VEC_ISE = 15,
    CR16_VEC_INT_FIRST = 16,    /* maskable interrupts 16..127 */
};

/* isa.md 7.3 / 7.8: interrupt-acknowledge addresses. */
#define CR16_IACK_MASKABLE  0xFFFE00u
#define CR16_IACK_NMI       0xFFFF00u
#define CR16_IACK_ISE       0xFFFC00u

/* isa.md 2.3: processor-register codes of LPR/SPR (16-bit views). */
enum {
    CR16_PREG_DBS = 0,
    CR16_PREG_DSR = 1,
    CR16_PREG_DCRL = 2,
    CR16_PREG_DCRH = 3,
    CR16_PREG_CAR0L = 4,
    CR16_PREG_CAR0H = 5,
    CR16_PREG_CAR1L = 6,
    CR16_PREG_CAR1H = 7,
    CR16_PREG_CFG = 8,
    CR16_PREG_PSR = 9,
    CR16_PREG_INTBASEL = 10,
    CR16_PREG_INTBASEH = 11,
    CR16_PREG_ISPL = 12,
    CR16_PREG_ISPH = 13,
    CR16_PREG_USPL = 14,
    CR16_PREG_USPH = 15,
};

/* Code addresses are 24 bits and even (isa.md 2.3, instructions.md 1.5). */
#define CR16_PC_MASK        0xFFFFFEu
/* isa.md 4: the highest address a real core can drive. */
#define CR16_ADDR_MAX       0xFFFFFFu

/*
 * The architectural state.
 *
 * r[0..11] always hold a 16-bit value (bits 31:16 are zero: the translator
 * relies on it when it builds a register pair); r[12..15] are 32-bit.
 * r[15] is the *active* stack pointer: the supervisor SP when PSR.U = 0,
 * USP when PSR.U = 1 (isa.md 7.7); sp_banked holds the other one and the
 * two swap whenever U changes, so instructions never test U.
 *
 * The PSR is split: C, F, Z, N and L live in their own words as 0 or 1 so
 * generated code can write and test them without masking; psr holds the
 * remaining bits (T, U, E, P, I) with the flag bits clear.  Use
 * cr16_psr_get()/cr16_psr_set() for the architectural 16-bit value.
 */
typedef struct CPUArchState CPUCR16State;

/* Named CPUArchState so generic TCG hooks (hw/core/cpu.h) type-check. */
struct CPUArchState {
    uint32_t r[CR16_NUM_GPRS];
    uint32_t pc;

    uint32_t psr_c;
    uint32_t psr_f;
    uint32_t psr_z;
    uint32_t psr_n;
    uint32_t psr_l;
    uint32_t psr;

    uint32_t cfg;
    uint32_t intbase;
    uint32_t isp;
    uint32_t sp_banked;

    /* isa.md 2.6: debug registers, plain storage [U]. */
    uint32_t dbs;
    uint32_t dsr;
    uint32_t dcr;
    uint32_t car0;
    uint32_t car1;

    /* Inputs from the board (see cpu.c): level IRQ and latched NMI. */
    uint32_t irq_level;
    uint32_t nmi_pending;

    /*
     * Highest data address that does not raise IAD.  Real parts drive 24
     * address bits (isa.md 4); the sim board raises it to its 20 MiB.
     */
    uint32_t addr_limit;

    /* GNU-simulator system calls on EXCP (toolchain-abi.md 5.3). */
    bool semihosting;
    /* The program exited through semihosting: stay halted until reset. */
    bool exited;
};

/*
 * Guest memory for the architectural helpers.  The CPU supplies one backed
 * by the softmmu (so MMIO, watchpoints and self-modifying code work);
 * unit tests supply an array.  load/store move 1, 2 or 4 bytes
 * little-endian; rw moves a block for semihosting and returns false when
 * any byte of it is not backed by memory.
 */
typedef struct CR16Mem {
    uint32_t (*load)(void *opaque, uint32_t addr, unsigned size);
    void (*store)(void *opaque, uint32_t addr, uint32_t val, unsigned size);
    bool (*rw)(void *opaque, uint32_t addr, void *buf, size_t len,
               bool is_write);
    void *opaque;
} CR16Mem;

/* ---- register file ------------------------------------------------------ */

/* Power-on state (isa.md 3), with the unpredictable registers zeroed. */
void cr16_arch_reset(CPUCR16State *env, uint32_t entry_pc);

/* Word write to rN: r0-r11 take it whole, r12-r15 keep bits 31:16. */
static inline void cr16_set_reg_w(CPUCR16State *env, unsigned n, uint32_t v)
{
    if (n < CR16_REG_R12 || !CR16_U_WORD_WRITE_KEEPS_HIGH) {
        env->r[n] = v & 0xFFFF;
    } else {
        env->r[n] = (env->r[n] & 0xFFFF0000u) | (v & 0xFFFF);
    }
}

/* Byte write: bits 7:0 only (isa.md 2.1). */
static inline void cr16_set_reg_b(CPUCR16State *env, unsigned n, uint32_t v)
{
    env->r[n] = (env->r[n] & ~0xFFu) | (v & 0xFF);
}

static inline uint32_t cr16_get_reg_w(const CPUCR16State *env, unsigned n)
{
    return env->r[n] & 0xFFFF;
}

/* isa.md 2.2: 32-bit value of pair code p (0..15). */
static inline uint32_t cr16_get_pair(const CPUCR16State *env, unsigned p)
{
    if (p >= CR16_REG_R12) {
        return env->r[p];
    }
    return (env->r[p] & 0xFFFF) | ((env->r[p + 1] & 0xFFFF) << 16);
}

/* Pair write; code 11 = (r12,r11) keeps r12[31:16] (isa.md 9.2). */
static inline void cr16_set_pair(CPUCR16State *env, unsigned p, uint32_t v)
{
    if (p >= CR16_REG_R12) {
        env->r[p] = v;
        return;
    }
    env->r[p] = v & 0xFFFF;
    if (p + 1 == CR16_REG_R12) {
        env->r[CR16_REG_R12] = (env->r[CR16_REG_R12] & 0xFFFF0000u) |
                               (v >> 16);
    } else {
        env->r[p + 1] = v >> 16;
    }
}

/* isa.md 2.2: 3-bit index-mode pair code rpx -> ordinary pair code. */
static inline unsigned cr16_index_pair(unsigned rpx)
{
    static const uint8_t map[8] = { 0, 2, 4, 6, 8, 10, 3, 5 };
    return map[rpx & 7];
}

/* ---- PSR ---------------------------------------------------------------- */

static inline uint32_t cr16_psr_get(const CPUCR16State *env)
{
    return env->psr | (env->psr_c << CR16_PSR_C_SHIFT) |
           (env->psr_l << CR16_PSR_L_SHIFT) |
           (env->psr_f << CR16_PSR_F_SHIFT) |
           (env->psr_z << CR16_PSR_Z_SHIFT) |
           (env->psr_n << CR16_PSR_N_SHIFT);
}

/* Enter or leave user mode, swapping the active SP (isa.md 7.7). */
void cr16_set_user_mode(CPUCR16State *env, bool user);

/* Load every PSR bit, U included (RETX, gdb, reset). */
void cr16_psr_set(CPUCR16State *env, uint32_t val);

/* ---- processor registers (LPR/LPRD/SPR/SPRD, isa.md 2.3) ------------------ */

/* Whether an LPRD/SPRD code names a register (0,1,2,4,6,8,9,10,12,14). */
bool cr16_preg_dword_valid(unsigned code);

/* SPR: 16-bit view @code; SPRD: 32-bit register @code. */
uint32_t cr16_preg_read(const CPUCR16State *env, unsigned code, bool dword);

/*
 * LPR / LPRD.  Applies the fixed bits (ISP/INTBASE bit 0, bits 31:24 of the
 * 24-bit registers) and keeps PSR.U.  The caller checks privilege.
 */
void cr16_preg_write(CPUCR16State *env, unsigned code, uint32_t val,
                     bool dword);

/* USP as LPR/SPR see it, whatever the current mode. */
uint32_t cr16_get_usp(const CPUCR16State *env);

/* ---- conditions (isa.md 6) ------------------------------------------------ */

/* Whether condition code @cc (0..15) holds; 14 and 15 are "always". */
bool cr16_cond_holds(const CPUCR16State *env, unsigned cc);

/* Condition mnemonic suffix ("eq".."ge", "" for 14, "uc" for 15). */
const char *cr16_cond_name(unsigned cc);

/* ---- exceptions (isa.md 7) ------------------------------------------------ */

/* Handler address from the dispatch table for @vector, honouring CFG.ED. */
uint32_t cr16_dispatch_target(CPUCR16State *env, const CR16Mem *mem,
                              unsigned vector);

/*
 * isa.md 7.3 steps 2-4: push the frame on ISP (return address >> 1, then
 * PSR), clear U/T/P (and I when @clear_i), jump through the table.
 * @ret_pc is the PC to save.  The caller clears P first for TRC.
 */
void cr16_exception_entry(CPUCR16State *env, const CR16Mem *mem,
                          unsigned vector, uint32_t ret_pc, bool clear_i);

/* Whether taking @vector clears PSR.I (interrupts and DBG, isa.md 7.3). */
bool cr16_vector_clears_i(unsigned vector);

/* isa.md 7.4: pop PC and PSR from ISP. */
void cr16_retx(CPUCR16State *env, const CR16Mem *mem);

/* Whether EXCP @vec is one of SVC/DVZ/FLG/BPT/UND (others raise UND). */
bool cr16_excp_vector_valid(unsigned vec);

/* Short name of a vector for logs ("svc", "int23", ...). */
const char *cr16_vector_name(unsigned vector, char *buf, size_t len);

/*
 * Interrupt choice at an instruction boundary (isa.md 7.5/7.8): returns
 * CR16_VEC_NMI, CR16_PICK_MASKABLE or 0 for none.
 */
#define CR16_PICK_MASKABLE  0x100
int cr16_pick_interrupt(const CPUCR16State *env);

/* ---- arithmetic with no flags (instructions.md 4, 5) ---------------------- */

/*
 * ASHU / LSH by a signed count at @width bits (8, 16, 32): positive counts
 * shift left, negative ones right (arithmetic for ASHU, logical for LSH).
 * Counts of the full width or more give all sign bits / zero [U].
 */
uint32_t cr16_ashu(uint32_t val, int count, unsigned width);
uint32_t cr16_lsh(uint32_t val, int count, unsigned width);

/* MACSW / MACUW / MACQW: new accumulator from @acc and two 16-bit values. */
uint32_t cr16_macsw(uint32_t acc, uint32_t a, uint32_t b);
uint32_t cr16_macuw(uint32_t acc, uint32_t a, uint32_t b);
uint32_t cr16_macqw(uint32_t acc, uint32_t a, uint32_t b);

/* ---- gdb (toolchain-abi.md 4) and register dump --------------------------- */

#define CR16_GDB_NUM_REGS   27

/* Size in bytes of gdb register @n (2 or 4), 0 if it does not exist. */
unsigned cr16_gdb_reg_size(int n);
/* Name of gdb register @n, NULL if it does not exist. */
const char *cr16_gdb_reg_name(int n);
/* Read / write register @n little-endian; return the size or 0. */
int cr16_gdb_read_reg(const CPUCR16State *env, int n, uint8_t *buf);
int cr16_gdb_write_reg(CPUCR16State *env, int n, const uint8_t *buf);
/* The target description XML for this layout (static string). */
const char *cr16_gdb_target_xml(void);

/*
 * PSR as flag letters, most significant first: I P E N Z F U L T C, each
 * replaced by '-' when clear.  @buf must hold 11 bytes.
 */
void cr16_psr_letters(uint32_t psr, char *buf);

/* The `-d cpu` / `info registers` text. */
void cr16_dump_state_to(const CPUCR16State *env, FILE *f);

/* ---- semihosting (toolchain-abi.md 5.3, semihosting.c) -------------------- */

typedef enum CR16SemiResult {
    CR16_SEMI_DONE,         /* call handled; continue after the EXCP */
    CR16_SEMI_EXIT,         /* program asked to exit; status filled in */
    CR16_SEMI_UNKNOWN,      /* not a system call we know */
} CR16SemiResult;

/* Call numbers in r0 (toolchain-abi.md 5.3). */
enum {
    CR16_SYS_FORK = 2,
    CR16_SYS_EXECV = 11,
    CR16_SYS_CHMOD = 15,
    CR16_SYS_CHOWN = 16,
    CR16_SYS_GETPID = 20,
    CR16_SYS_STAT = 38,
    CR16_SYS_PIPE = 42,
    CR16_SYS_EXECVE = 59,
    CR16_SYS_KILL = 60,
    CR16_SYS_UTIME = 201,
    CR16_SYS_WAIT = 202,
    CR16_SYS_TIME = 0x300,
    CR16_SYS_OPEN = 0x401,
    CR16_SYS_CLOSE = 0x402,
    CR16_SYS_READ = 0x403,
    CR16_SYS_WRITE = 0x404,
    CR16_SYS_LSEEK = 0x405,
    CR16_SYS_RENAME = 0x406,
    CR16_SYS_UNLINK = 0x407,
    CR16_SYS_GETENV = 0x408,
    CR16_SYS_EXIT = 0x410,
};

/* The fixed pid the GNU simulator reports. */
#define CR16_SEMI_PID       47

/*
 * Perform the system call described by r0 and r2..r5.  On CR16_SEMI_EXIT
 * *exit_status holds the status.  Never trusts guest pointers or lengths.
 */
CR16SemiResult cr16_semihosting_call(CPUCR16State *env, const CR16Mem *mem,
                                     int *exit_status);

/* Forget every file the guest opened (closing the host descriptors). */
void cr16_semihosting_reset(void);

#endif /* TARGET_CR16_CR16_ARCH_H */
