/*
 * MemOp: size, signedness, byte order and alignment of one memory access.
 * Shared by the memory API (dispatch to MemoryRegionOps) and TCG (guest
 * loads and stores).
 */
#ifndef EXEC_MEMOP_H
#define EXEC_MEMOP_H

typedef enum MemOp {
    MO_8     = 0,
    MO_16    = 1,
    MO_32    = 2,
    MO_64    = 3,
    MO_SIZE  = 3,           /* mask for the log2 of the size */

    MO_SIGN  = 4,           /* sign-extend the loaded value */

    MO_BSWAP = 8,           /* opposite of the host byte order */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    MO_LE    = MO_BSWAP,
    MO_BE    = 0,
#else
    MO_LE    = 0,
    MO_BE    = MO_BSWAP,
#endif
    MO_TE    = MO_LE,       /* the target (CR16) is little-endian */

    /* Alignment requirement, as log2 of the number of bytes, in bits 4-6. */
    MO_ASHIFT = 4,
    MO_AMASK  = 7 << MO_ASHIFT,
    MO_UNALN  = 0,
    MO_ALIGN  = 7 << MO_ASHIFT,     /* aligned to the access size */

    MO_UB    = MO_8,
    MO_UW    = MO_16,
    MO_UL    = MO_32,
    MO_UQ    = MO_64,
    MO_SB    = MO_SIGN | MO_8,
    MO_SW    = MO_SIGN | MO_16,
    MO_SL    = MO_SIGN | MO_32,

    MO_LEUW  = MO_LE | MO_UW,
    MO_LEUL  = MO_LE | MO_UL,
    MO_LEUQ  = MO_LE | MO_UQ,
    MO_LESW  = MO_LE | MO_SW,
    MO_LESL  = MO_LE | MO_SL,
    MO_BEUW  = MO_BE | MO_UW,
    MO_BEUL  = MO_BE | MO_UL,
    MO_BEUQ  = MO_BE | MO_UQ,
    MO_TEUW  = MO_TE | MO_UW,
    MO_TEUL  = MO_TE | MO_UL,
    MO_TEUQ  = MO_TE | MO_UQ,
    MO_TESW  = MO_TE | MO_SW,
    MO_TESL  = MO_TE | MO_SL,
} MemOp;

/* Size of the access in bytes. */
static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}

/* MemOp for an access of @size bytes (1, 2, 4 or 8). */
static inline MemOp size_memop(unsigned size)
{
    return (MemOp)__builtin_ctz(size);
}

/* Required alignment in bytes (1 = none). */
static inline unsigned memop_alignment_bytes(MemOp op)
{
    unsigned a = op & MO_AMASK;

    if (a == MO_ALIGN) {
        return memop_size(op);
    }
    return 1u << (a >> MO_ASHIFT);
}

/* Endianness of devices and regions as seen by the memory API. */
typedef enum device_endian {
    DEVICE_NATIVE_ENDIAN,
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
} device_endian;

#endif /* EXEC_MEMOP_H */
