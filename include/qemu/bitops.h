/*
 * Bit fields and bit maps.
 */
#ifndef QEMU_BITOPS_H
#define QEMU_BITOPS_H

#define BIT(nr)             (1UL << (nr))
#define BIT_ULL(nr)         (1ULL << (nr))
#define BITS_PER_BYTE       8
#define BITS_PER_LONG       (sizeof(unsigned long) * BITS_PER_BYTE)
#define BIT_MASK(nr)        (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)        ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr)   (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define MAKE_64BIT_MASK(shift, length) \
    (((~0ULL) >> (64 - (length))) << (shift))

static inline void set_bit(long nr, unsigned long *addr)
{
    addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void clear_bit(long nr, unsigned long *addr)
{
    addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline bool test_bit(long nr, const unsigned long *addr)
{
    return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/* Bits [start, start+length) of value; length 1..32 (64 for the 64 form). */
static inline uint32_t extract32(uint32_t value, int start, int length)
{
    return (value >> start) & (~0U >> (32 - length));
}

static inline uint64_t extract64(uint64_t value, int start, int length)
{
    return (value >> start) & (~0ULL >> (64 - length));
}

static inline int32_t sextract32(uint32_t value, int start, int length)
{
    return ((int32_t)(value << (32 - length - start))) >> (32 - length);
}

static inline int64_t sextract64(uint64_t value, int start, int length)
{
    return ((int64_t)(value << (64 - length - start))) >> (64 - length);
}

static inline uint32_t deposit32(uint32_t value, int start, int length,
                                 uint32_t fieldval)
{
    uint32_t mask = (~0U >> (32 - length)) << start;

    return (value & ~mask) | ((fieldval << start) & mask);
}

static inline uint64_t deposit64(uint64_t value, int start, int length,
                                 uint64_t fieldval)
{
    uint64_t mask = (~0ULL >> (64 - length)) << start;

    return (value & ~mask) | ((fieldval << start) & mask);
}

static inline uint32_t rol32(uint32_t word, unsigned int shift)
{
    return (word << (shift & 31)) | (word >> ((32 - shift) & 31));
}

static inline uint32_t ror32(uint32_t word, unsigned int shift)
{
    return (word >> (shift & 31)) | (word << ((32 - shift) & 31));
}

static inline int ctz32(uint32_t v)
{
    return v ? __builtin_ctz(v) : 32;
}

static inline int clz32(uint32_t v)
{
    return v ? __builtin_clz(v) : 32;
}

static inline int ctz64(uint64_t v)
{
    return v ? __builtin_ctzll(v) : 64;
}

static inline int clz64(uint64_t v)
{
    return v ? __builtin_clzll(v) : 64;
}

static inline int ctpop32(uint32_t v)
{
    return __builtin_popcount(v);
}

static inline int ctpop64(uint64_t v)
{
    return __builtin_popcountll(v);
}

static inline bool is_power_of_2(uint64_t v)
{
    return v && !(v & (v - 1));
}

#endif /* QEMU_BITOPS_H */
