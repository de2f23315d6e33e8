/*
 * Byte swapping and unaligned host-memory loads/stores.
 *
 * ld<size>_<endian>_p(ptr) / st<size>_<endian>_p(ptr, v): size is ub, sb,
 * uw, sw, l, q; endian is le or be.  All go through memcpy so they work on
 * any alignment and never break strict aliasing.
 */
#ifndef QEMU_BSWAP_H
#define QEMU_BSWAP_H

static inline uint16_t bswap16(uint16_t x)
{
    return __builtin_bswap16(x);
}

static inline uint32_t bswap32(uint32_t x)
{
    return __builtin_bswap32(x);
}

static inline uint64_t bswap64(uint64_t x)
{
    return __builtin_bswap64(x);
}

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define HOST_BIG_ENDIAN 1
#else
#define HOST_BIG_ENDIAN 0
#endif

static inline uint16_t cpu_to_le16(uint16_t v)
{
    return HOST_BIG_ENDIAN ? bswap16(v) : v;
}

static inline uint32_t cpu_to_le32(uint32_t v)
{
    return HOST_BIG_ENDIAN ? bswap32(v) : v;
}

static inline uint64_t cpu_to_le64(uint64_t v)
{
    return HOST_BIG_ENDIAN ? bswap64(v) : v;
}

static inline uint16_t cpu_to_be16(uint16_t v)
{
    return HOST_BIG_ENDIAN ? v : bswap16(v);
}

static inline uint32_t cpu_to_be32(uint32_t v)
{
    return HOST_BIG_ENDIAN ? v : bswap32(v);
}

static inline uint64_t cpu_to_be64(uint64_t v)
{
    return HOST_BIG_ENDIAN ? v : bswap64(v);
}

#define le16_to_cpu cpu_to_le16
#define le32_to_cpu cpu_to_le32
#define le64_to_cpu cpu_to_le64
#define be16_to_cpu cpu_to_be16
#define be32_to_cpu cpu_to_be32
#define be64_to_cpu cpu_to_be64

static inline int ldub_p(const void *ptr)
{
    return *(const uint8_t *)ptr;
}

static inline int ldsb_p(const void *ptr)
{
    return *(const int8_t *)ptr;
}

static inline void stb_p(void *ptr, uint8_t v)
{
    *(uint8_t *)ptr = v;
}

#define QEMU_DEFINE_LDST(SUFFIX, TYPE, RTYPE, CONV_LD, CONV_ST)         \
    static inline RTYPE ld##SUFFIX##_p(const void *ptr)                 \
    {                                                                   \
        TYPE v;                                                         \
        memcpy(&v, ptr, sizeof(v));                                     \
        return (RTYPE)(TYPE)CONV_LD(v);                                 \
    }

QEMU_DEFINE_LDST(uw_le, uint16_t, int, le16_to_cpu, cpu_to_le16)
QEMU_DEFINE_LDST(sw_le, int16_t, int, le16_to_cpu, cpu_to_le16)
QEMU_DEFINE_LDST(l_le, uint32_t, uint32_t, le32_to_cpu, cpu_to_le32)
QEMU_DEFINE_LDST(q_le, uint64_t, uint64_t, le64_to_cpu, cpu_to_le64)
QEMU_DEFINE_LDST(uw_be, uint16_t, int, be16_to_cpu, cpu_to_be16)
QEMU_DEFINE_LDST(sw_be, int16_t, int, be16_to_cpu, cpu_to_be16)
QEMU_DEFINE_LDST(l_be, uint32_t, uint32_t, be32_to_cpu, cpu_to_be32)
QEMU_DEFINE_LDST(q_be, uint64_t, uint64_t, be64_to_cpu, cpu_to_be64)
#undef QEMU_DEFINE_LDST

static inline void stw_le_p(void *ptr, uint16_t v)
{
    v = cpu_to_le16(v);
    memcpy(ptr, &v, sizeof(v));
}

static inline void stl_le_p(void *ptr, uint32_t v)
{
    v = cpu_to_le32(v);
    memcpy(ptr, &v, sizeof(v));
}

static inline void stq_le_p(void *ptr, uint64_t v)
{
    v = cpu_to_le64(v);
    memcpy(ptr, &v, sizeof(v));
}

static inline void stw_be_p(void *ptr, uint16_t v)
{
    v = cpu_to_be16(v);
    memcpy(ptr, &v, sizeof(v));
}

static inline void stl_be_p(void *ptr, uint32_t v)
{
    v = cpu_to_be32(v);
    memcpy(ptr, &v, sizeof(v));
}

static inline void stq_be_p(void *ptr, uint64_t v)
{
    v = cpu_to_be64(v);
    memcpy(ptr, &v, sizeof(v));
}

/* Load/store of 1, 2, 4 or 8 bytes in the given byte order. */
static inline uint64_t ldn_le_p(const void *ptr, int size)
{
    switch (size) {
    case 1:
        return ldub_p(ptr);
    case 2:
        return (uint16_t)lduw_le_p(ptr);
    case 4:
        return ldl_le_p(ptr);
    default:
        return ldq_le_p(ptr);
    }
}

static inline void stn_le_p(void *ptr, int size, uint64_t v)
{
    switch (size) {
    case 1:
        stb_p(ptr, v);
        break;
    case 2:
        stw_le_p(ptr, v);
        break;
    case 4:
        stl_le_p(ptr, v);
        break;
    default:
        stq_le_p(ptr, v);
        break;
    }
}

static inline uint64_t ldn_be_p(const void *ptr, int size)
{
    switch (size) {
    case 1:
        return ldub_p(ptr);
    case 2:
        return (uint16_t)lduw_be_p(ptr);
    case 4:
        return ldl_be_p(ptr);
    default:
        return ldq_be_p(ptr);
    }
}

static inline void stn_be_p(void *ptr, int size, uint64_t v)
{
    switch (size) {
    case 1:
        stb_p(ptr, v);
        break;
    case 2:
        stw_be_p(ptr, v);
        break;
    case 4:
        stl_be_p(ptr, v);
        break;
    default:
        stq_be_p(ptr, v);
        break;
    }
}

#endif /* QEMU_BSWAP_H */
