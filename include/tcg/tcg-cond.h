/*
 * TCG condition codes.
 *
 * The encoding lets the helpers below work by bit twiddling: bit 0 inverts
 * a condition, bit 1 marks "ordered" comparisons (LT/GE/LE/GT family),
 * bit 2 marks unsigned ones, bit 3 flips between "less" and "greater".
 */
#ifndef TCG_TCG_COND_H
#define TCG_TCG_COND_H

typedef enum TCGCond {
    TCG_COND_NEVER  = 0,
    TCG_COND_ALWAYS = 1,
    TCG_COND_EQ     = 8,
    TCG_COND_NE     = 8 | 1,
    TCG_COND_LT     = 2,
    TCG_COND_GE     = 2 | 1,
    TCG_COND_LE     = 8 | 2,
    TCG_COND_GT     = 8 | 2 | 1,
    TCG_COND_LTU    = 4,
    TCG_COND_GEU    = 4 | 1,
    TCG_COND_LEU    = 8 | 4,
    TCG_COND_GTU    = 8 | 4 | 1,
} TCGCond;

/* The condition that is true exactly when @c is false. */
static inline TCGCond tcg_invert_cond(TCGCond c)
{
    return (TCGCond)(c ^ 1);
}

/* The condition to use when the two operands are exchanged. */
static inline TCGCond tcg_swap_cond(TCGCond c)
{
    /* EQ/NE/ALWAYS/NEVER are symmetric; LT<->GT and LE<->GE. */
    return (c & 6) ? (TCGCond)(c ^ 9) : c;
}

static inline bool is_unsigned_cond(TCGCond c)
{
    return (c & 4) != 0;
}

static inline bool is_signed_cond(TCGCond c)
{
    return (c & 2) != 0;
}

/* Turn a signed condition into the unsigned one of the same shape. */
static inline TCGCond tcg_unsigned_cond(TCGCond c)
{
    return is_signed_cond(c) ? (TCGCond)(c + 2) : c;
}

/* Turn an unsigned condition into the signed one of the same shape. */
static inline TCGCond tcg_signed_cond(TCGCond c)
{
    return is_unsigned_cond(c) ? (TCGCond)(c - 2) : c;
}

#endif /* TCG_TCG_COND_H */
