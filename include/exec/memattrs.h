/*
 * Attributes of a memory transaction and its result.
 */
#ifndef EXEC_MEMATTRS_H
#define EXEC_MEMATTRS_H

typedef struct MemTxAttrs {
    /* Requester: 0 = CPU, other values identify a bus master (DMA). */
    unsigned int requester_id:16;
    /* Access made by a debugger (gdbstub, monitor memory dump). */
    unsigned int debug:1;
    /* Access made while the CPU is in user mode (PSR.U). */
    unsigned int user:1;
    /* The attributes were not specified by the caller. */
    unsigned int unspecified:1;
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs) { .unspecified = 1 })

typedef uint32_t MemTxResult;

#define MEMTX_OK                0
#define MEMTX_ERROR             (1U << 0)   /* device returned an error */
#define MEMTX_DECODE_ERROR      (1U << 1)   /* nothing at that address */
#define MEMTX_ACCESS_ERROR      (1U << 2)   /* access type not allowed */

#endif /* EXEC_MEMATTRS_H */
