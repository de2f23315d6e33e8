/*
 * The generic translation loop: a frontend describes how to translate one
 * instruction (TranslatorOps) and translator_loop() drives it over a
 * translation block, adding the code every TB needs (the exit-request and
 * instruction-count check at its start), stopping at breakpoints, page
 * boundaries and the instruction limit.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXEC_TRANSLATOR_H
#define EXEC_TRANSLATOR_H

#include "exec/exec-all.h"

/*
 * How translation of the current instruction ended.
 *
 * DISAS_NEXT: go on with the next instruction.
 * DISAS_TOO_MANY: stop here (limit reached); tb_stop must emit code that
 *   continues at pc_next (normally goto_tb / lookup).
 * DISAS_NORETURN: the instruction ends with code that never falls through
 *   (exception raised, exit_tb or goto_ptr already emitted).
 * DISAS_TARGET_*: the frontend's own reasons, handled by its tb_stop.
 */
typedef enum DisasJumpType {
    DISAS_NEXT,
    DISAS_TOO_MANY,
    DISAS_NORETURN,
    DISAS_TARGET_0,
    DISAS_TARGET_1,
    DISAS_TARGET_2,
    DISAS_TARGET_3,
    DISAS_TARGET_4,
    DISAS_TARGET_5,
    DISAS_TARGET_6,
    DISAS_TARGET_7,
} DisasJumpType;

/*
 * The frontend's DisasContext starts with this.
 *
 * @tb: the block being translated.
 * @pc_first: guest PC of its first instruction.
 * @pc_next: PC of the next instruction; translate_insn advances it.
 * @is_jmp: see DisasJumpType.
 * @num_insns: instructions started so far (including the current one).
 * @max_insns: the limit; the loop stops with DISAS_TOO_MANY there.
 * @singlestep_enabled: the gdbstub is single-stepping: the frontend must
 *   not chain and must raise EXCP_DEBUG instead of continuing (the loop
 *   also enforces it after the TB, so forgetting is not fatal).
 * @host_addr: host addresses of the (at most two) code pages, for fast
 *   fetches; NULL when that page is not RAM.
 */
typedef struct DisasContextBase {
    TranslationBlock *tb;
    vaddr pc_first;
    vaddr pc_next;
    DisasJumpType is_jmp;
    int num_insns;
    int max_insns;
    bool singlestep_enabled;
    void *host_addr[2];
    /* private: guest page addresses of host_addr[] (-1 if unused). */
    vaddr page_addr[2];
} DisasContextBase;

/*
 * @init_disas_context: set up the frontend's context from the TB and CPU
 *   (flags, MMU index); may lower db->max_insns.
 * @tb_start: emit code at the start of the TB (after the generic check).
 * @insn_start: emit tcg_gen_insn_start() with the words that
 *   restore_state_to_opc needs (data[0] is the PC).
 * @translate_insn: translate one instruction at db->pc_next, advance
 *   pc_next past it, and set is_jmp if the TB must end.
 * @tb_stop: emit the end of the TB according to is_jmp.
 * @disas_log: optional: print the guest code of the TB (-d in_asm); return
 *   false to get the generic hex dump instead.
 */
typedef struct TranslatorOps {
    void (*init_disas_context)(DisasContextBase *db, CPUState *cpu);
    void (*tb_start)(DisasContextBase *db, CPUState *cpu);
    void (*insn_start)(DisasContextBase *db, CPUState *cpu);
    void (*translate_insn)(DisasContextBase *db, CPUState *cpu);
    void (*tb_stop)(DisasContextBase *db, CPUState *cpu);
    bool (*disas_log)(const DisasContextBase *db, CPUState *cpu, FILE *f);
} TranslatorOps;

/*
 * Translate the TB at @pc (the arguments of TCGCPUOps.translate_code)
 * with @ops into the current TCG context, using @db (the frontend's
 * DisasContext).  On return *max_insns is the number translated.
 */
void translator_loop(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                     vaddr pc, void *host_pc, const TranslatorOps *ops,
                     DisasContextBase *db);

/*
 * May the TB jump directly (goto_tb) to @dest?  False when chaining is
 * disabled (single-step, -d nochain) or @dest is on another page, whose
 * mapping must be looked up again (use lookup_and_goto_ptr then).
 */
bool translator_use_goto_tb(DisasContextBase *db, vaddr dest);

/*
 * Is @addr in a page this TB already fetched from?  Frontends use it to
 * end the TB before an instruction that would start a third page.
 */
bool translator_is_same_page(const DisasContextBase *db, vaddr addr);

/*
 * For instructions that do I/O: returns true (and marks the TB) when an
 * I/O access must be the last thing in the TB.  With instruction counting
 * done at TB granularity this build never requires it: returns false.
 */
bool translator_io_start(DisasContextBase *db);

/*
 * Fetch code bytes for the translator.  The page is recorded in the TB so
 * that writing it invalidates the translation.  A fetch that faults in a
 * page other than the TB's first ends the TB before the current
 * instruction instead (the fault is raised when that instruction is
 * executed on its own).
 */
uint8_t translator_ldub(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint16_t translator_lduw(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint32_t translator_ldl(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint64_t translator_ldq(CPUArchState *env, DisasContextBase *db, vaddr pc);

#endif /* EXEC_TRANSLATOR_H */
