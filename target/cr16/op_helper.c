/*
 * CR16C TCG helpers: traps, EXCP (and semihosting), RETX, trace, WAIT,
 * processor registers, multiply-accumulate and register-count shifts.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/cr16/cpu.h"
#include "target/cr16/disas.h"
#include "exec/exec-all.h"
#include "exec/cpu-ldst.h"

#define HELPER_H "target/cr16/helper.h"
#include "exec/helper-proto.h"
#include "exec/helper-info.c.inc"

/* ---- traps -------------------------------------------------------------- */

void helper_raise(CPUCR16State *env, uint32_t vector, uint32_t pc)
{
    cr16_raise_exception(env, vector, pc, GETPC());
}

void helper_debug(CPUCR16State *env)
{
    CPUState *cs = env_cpu(env);

    cs->exception_index = EXCP_DEBUG;
    cpu_loop_exit(cs);
}

static QEMU_NORETURN void cr16_semihosting_exit(CPUCR16State *env,
                                                int status, uint32_t next);

/*
 * Is the instruction at @pc one the GNU simulator treats as "exit with
 * status r2": no form decodes it and its first word's high byte is zero
 * (toolchain-abi.md 5.2)?  The translator already fetched these words.
 */
static bool cr16_is_sim_exit_word(CPUCR16State *env, uint32_t pc)
{
    uint16_t w[3] = { 0, 0, 0 };
    int len;

    w[0] = cpu_lduw_code(env, pc);
    if (w[0] & 0xFF00) {
        return false;
    }
    len = cr16_disas_insn_length(w[0]);
    for (int i = 1; i < len / 2; i++) {
        w[i] = cpu_lduw_code(env, (pc + 2 * i) & CR16_PC_MASK);
    }
    return cr16_disas_form_id(w) == NULL;
}

void helper_und(CPUCR16State *env, uint32_t pc)
{
    /*
     * The simulator has no exception dispatch; a program that installed
     * a dispatch table of its own (a CPU test) gets the architecture's
     * UND instead.
     */
    if (CR16_CPU(env_cpu(env))->sim_zero_word_exits && env->intbase == 0 &&
        cr16_is_sim_exit_word(env, pc)) {
        cr16_semihosting_exit(env, env->r[2] & 0xFFFF, pc);
    }
    qemu_log_mask(LOG_GUEST_ERROR | LOG_UNIMP, "cr16: undefined instruction "
                  "0x%04x at pc=0x%06x: UND\n", cpu_lduw_code(env, pc), pc);
    cr16_raise_exception(env, CR16_VEC_UND, pc, GETPC());
}

/* ---- semihosting exit ----------------------------------------------------- */

static void (*cr16_semi_exit_handler)(int status);
static int cr16_semi_exit_status = -1;

void cr16_semihosting_set_exit_handler(void (*fn)(int status))
{
    cr16_semi_exit_handler = fn;
}

int cr16_semihosting_exit_status(void)
{
    return cr16_semi_exit_status;
}

static QEMU_NORETURN void cr16_semihosting_exit(CPUCR16State *env,
                                                int status, uint32_t next)
{
    CPUState *cs = env_cpu(env);

    qemu_log_mask(CPU_LOG_INT, "cr16: semihosting exit(%d)\n", status);
    cr16_semi_exit_status = status;
    env->exited = true;
    if (cr16_semi_exit_handler) {
        cr16_semi_exit_handler(status);
    }
    /* The guest is done: halt here (has_work stays false until reset). */
    env->pc = next & CR16_PC_MASK;
    cs->halted = 1;
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

/* ---- EXCP, RETX, trace, WAIT, JUSR ---------------------------------------- */

void helper_excp(CPUCR16State *env, uint32_t vec, uint32_t pc)
{
    if (env->semihosting) {
        /* The GNU simulator routes every EXCP vector to its syscalls. */
        CR16SoftMem sm;
        int status = 0;

        cr16_softmem_init(&sm, env, GETPC(), cr16_env_mmu_index(env));
        switch (cr16_semihosting_call(env, &sm.mem, &status)) {
        case CR16_SEMI_DONE:
            return;
        case CR16_SEMI_EXIT:
            cr16_semihosting_exit(env, status, pc + 2);
        case CR16_SEMI_UNKNOWN:
            qemu_log_mask(LOG_GUEST_ERROR, "cr16: unknown semihosting call "
                          "0x%x at pc=0x%06x: taking the trap\n",
                          env->r[0] & 0xFFFF, pc);
            break;
        }
    }
    /* isa.md 7.1: only SVC, DVZ, FLG, BPT and UND; anything else is UND. */
    if (!cr16_excp_vector_valid(vec)) {
        qemu_log_mask(LOG_GUEST_ERROR, "cr16: excp with reserved vector %u "
                      "at pc=0x%06x: UND\n", vec, pc);
        vec = CR16_VEC_UND;
    }
    cr16_raise_exception(env, vec, pc, GETPC());
}

void helper_retx(CPUCR16State *env)
{
    CR16SoftMem sm;

    cr16_softmem_init(&sm, env, GETPC(), CR16_MMU_IDX_SUPER);
    cr16_retx(env, &sm.mem);
}

void helper_trace(CPUCR16State *env, uint32_t pc)
{
    /*
     * isa.md 7.6: P set means the previous instruction was traced: clear
     * P (before it is saved) and trap with this instruction's address.
     * Otherwise copy T into P and run the instruction.
     */
    if (env->psr & CR16_PSR_P) {
        env->psr &= ~CR16_PSR_P;
        cr16_raise_exception(env, CR16_VEC_TRC, pc, GETPC());
    }
    if (env->psr & CR16_PSR_T) {
        env->psr |= CR16_PSR_P;
    }
}

void helper_wait(CPUCR16State *env, uint32_t next)
{
    CPUState *cs = env_cpu(env);

    /* An interrupt taken while halted saves the address after WAIT. */
    env->pc = next & CR16_PC_MASK;
    cs->halted = 1;
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

void helper_jusr(CPUCR16State *env)
{
    cr16_set_user_mode(env, true);
}

/* ---- processor registers -------------------------------------------------- */

void helper_lpr(CPUCR16State *env, uint32_t code, uint32_t val)
{
    cr16_preg_write(env, code, val, false);
}

void helper_lprd(CPUCR16State *env, uint32_t code, uint32_t val)
{
    cr16_preg_write(env, code, val, true);
}

uint32_t helper_spr(CPUCR16State *env, uint32_t code)
{
    return cr16_preg_read(env, code, false);
}

uint32_t helper_sprd(CPUCR16State *env, uint32_t code)
{
    return cr16_preg_read(env, code, true);
}

/* ---- arithmetic ----------------------------------------------------------- */

uint32_t helper_macqw(uint32_t acc, uint32_t a, uint32_t b)
{
    return cr16_macqw(acc, a, b);
}

uint32_t helper_macuw(uint32_t acc, uint32_t a, uint32_t b)
{
    return cr16_macuw(acc, a, b);
}

uint32_t helper_macsw(uint32_t acc, uint32_t a, uint32_t b)
{
    return cr16_macsw(acc, a, b);
}

/* The count is the low byte of the count register, signed (instr.md 5). */
uint32_t helper_ashu(uint32_t val, uint32_t count, uint32_t width)
{
    return cr16_ashu(val, (int8_t)count, width);
}

uint32_t helper_lsh(uint32_t val, uint32_t count, uint32_t width)
{
    return cr16_lsh(val, (int8_t)count, width);
}
