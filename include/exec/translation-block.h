/*
 * TranslationBlock: one piece of translated guest code, and the interface
 * between tcg/ (which generates and runs the host code) and accel/tcg/
 * (which looks TBs up, chains and invalidates them).  See
 * docs/devel/tcg.rst, "The TB interface".
 */
#ifndef EXEC_TRANSLATION_BLOCK_H
#define EXEC_TRANSLATION_BLOCK_H

/* cflags: how a TB was (or must be) translated. */
#define CF_COUNT_MASK    0x000001ffu   /* max guest insns; 0 = default */
#define CF_NO_GOTO_TB    0x00000200u   /* no direct chaining (-d nochain) */
#define CF_NO_GOTO_PTR   0x00000400u   /* no lookup_and_goto_ptr */
#define CF_SINGLE_STEP   0x00000800u   /* one insn, then exit (gdbstub) */
#define CF_LAST_IO       0x00008000u   /* last insn may do I/O (icount) */
#define CF_MEMI_ONLY     0x00010000u   /* only instrument memory ops */
#define CF_USE_ICOUNT    0x00020000u   /* count instructions for -icount */
#define CF_INVALID       0x00040000u   /* invalidated: do not execute */
#define CF_PARALLEL      0x00080000u   /* other vCPUs run in parallel */
#define CF_NOIRQ         0x00100000u   /* no interrupt check at the start */
#define CF_CLUSTER_MASK  0xff000000u
#define CF_CLUSTER_SHIFT 24

/*
 * The value returned by tcg_qemu_tb_exec(): the last TB executed (the
 * TranslationBlock pointer) with the exit reason in the low bits.
 * Exits 0 and 1 come from the two goto_tb slots of that TB; 3 means the
 * TB stopped early because an exit was requested.  0 with no TB means
 * "left through the epilogue after goto_ptr found nothing".
 */
#define TB_EXIT_MASK      3
#define TB_EXIT_IDX0      0
#define TB_EXIT_IDX1      1
#define TB_EXIT_IDXMAX    1
#define TB_EXIT_REQUESTED 3

/* Sentinel for an unused jmp_reset_offset / jmp_insn_offset slot. */
#define TB_JMP_OFFSET_INVALID 0xffff

typedef struct TranslationBlock TranslationBlock;

struct TranslationBlock {
    uint64_t pc;            /* guest PC of the first instruction */
    uint32_t flags;         /* CPU state flags the translation depends on */
    uint32_t cflags;        /* CF_* */
    uint16_t size;          /* bytes of guest code covered */
    uint16_t icount;        /* guest instructions translated */

    /* The host code (rx view) and its size, excluding the search data. */
    struct tb_tc {
        const void *ptr;
        size_t size;
    } tc;

    /*
     * Direct chaining.  For goto_tb slot n: jmp_reset_offset[n] is the
     * offset from tc.ptr of the code that runs while the slot is not
     * chained (normally the exit_tb that follows goto_tb), and
     * jmp_insn_offset[n] locates the patchable jump.  Chain with
     * tb_set_jmp_target(tb, n, dest->tc.ptr), unchain with
     * tb_set_jmp_target(tb, n, tb->tc.ptr + tb->jmp_reset_offset[n]).
     * jmp_target_addr[n] records the current target for both backends.
     */
    uint16_t jmp_reset_offset[2];
    uint16_t jmp_insn_offset[2];
    uintptr_t jmp_target_addr[2];

    /* Where tcg_gen_code put the insn_start search data (tc.ptr-relative). */
    uint32_t search_offset;

    /*
     * Owned by accel/tcg: page linkage for invalidation, incoming and
     * outgoing jump lists (tagged pointers), hash chain.  tcg/ never
     * touches these.
     */
    uint64_t page_addr[2];
    uintptr_t page_next[2];
    uintptr_t jmp_list_head;
    uintptr_t jmp_list_next[2];
    uintptr_t jmp_dest[2];
    uint32_t hash;
    void *accel_priv;
};

/* See include/tcg/tcg.h for tcg_gen_code(), tcg_qemu_tb_exec() & co. */

#endif /* EXEC_TRANSLATION_BLOCK_H */
