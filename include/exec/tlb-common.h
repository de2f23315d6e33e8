/*
 * The part of the softmmu TLB that generated code reads directly.
 *
 * accel/tcg owns the TLB; tcg/ only needs to know this layout and, at
 * context init, where the per-MMU-index CPUTLBDescFast array sits relative
 * to env (TCGContext.tlb_fast_offset), the page size (page_bits) and the
 * number of MMU indexes.  tcg/ has no compile-time knowledge of the target.
 */
#ifndef EXEC_TLB_COMMON_H
#define EXEC_TLB_COMMON_H

/* log2 of sizeof(CPUTLBEntry); the inline lookup scales the index by it. */
#define CPU_TLB_ENTRY_BITS 5

typedef union CPUTLBEntry {
    struct {
        /*
         * Page-aligned guest address of the page for each kind of access,
         * with TLB_* flag bits below the page boundary.  -1 means "no
         * mapping" (it has TLB_INVALID_MASK set).  Any flag bit makes the
         * inline compare fail, sending the access to the slow path.
         */
        uint64_t addr_read;
        uint64_t addr_write;
        uint64_t addr_code;
        /* host address = guest address + addend, for RAM pages. */
        uintptr_t addend;
    };
    uint64_t pad[1 << (CPU_TLB_ENTRY_BITS - 3)];
} CPUTLBEntry;

QEMU_BUILD_BUG_ON(sizeof(CPUTLBEntry) != (1 << CPU_TLB_ENTRY_BITS));

/*
 * Flag bits in the addr_* fields.  They sit just below the smallest page
 * size any target may use (1 KiB), above the alignment bits that the
 * inline compare keeps from the access address (at most 3 for 8 bytes).
 */
#define TLB_FLAGS_MIN_PAGE_BITS 10
#define TLB_INVALID_MASK   (1u << 9)   /* entry unused or page not mapped */
#define TLB_NOTDIRTY       (1u << 8)   /* writes must invalidate TBs first */
#define TLB_MMIO           (1u << 7)   /* go through the memory API */
#define TLB_WATCHPOINT     (1u << 6)   /* check watchpoints */
#define TLB_DISCARD_WRITE  (1u << 5)   /* ROM: writes are dropped */
#define TLB_FLAGS_MASK     (TLB_INVALID_MASK | TLB_NOTDIRTY | TLB_MMIO | \
                            TLB_WATCHPOINT | TLB_DISCARD_WRITE)

/*
 * What the inline fast path reads, one per MMU index, in an array at
 * env + TCGContext.tlb_fast_offset.  @mask is (number of entries - 1)
 * << CPU_TLB_ENTRY_BITS, so (addr >> (page_bits - CPU_TLB_ENTRY_BITS)) &
 * mask is already the byte offset of the entry in @table.
 */
typedef struct CPUTLBDescFast {
    uintptr_t mask;
    CPUTLBEntry *table;
} CPUTLBDescFast;

#endif /* EXEC_TLB_COMMON_H */
