/*
 * Define gen_helper_<name>() for every DEF_HELPER line in HELPER_H: each
 * emits a call op to the helper, described by its TCGHelperInfo (defined
 * once by exec/helper-info.c.inc).  See exec/helper-head.h.
 */
#ifndef EXEC_HELPER_GEN_H
#define EXEC_HELPER_GEN_H

#include "exec/helper-head.h"

#ifndef HELPER_H
#define HELPER_H "helper.h"
#endif

#define DEF_HELPER_FLAGS_0(name, flags, ret)                              \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl0(ret))          \
{                                                                         \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), NULL);       \
}

#define DEF_HELPER_FLAGS_1(name, flags, ret, t1)                          \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)            \
                                           dh_arg_decl(t1, 1))            \
{                                                                         \
    TCGTemp *args_[1] = { dh_arg(t1, 1) };                                \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), args_);      \
}

#define DEF_HELPER_FLAGS_2(name, flags, ret, t1, t2)                      \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)            \
                                           dh_arg_decl(t1, 1),            \
                                           dh_arg_decl(t2, 2))            \
{                                                                         \
    TCGTemp *args_[2] = { dh_arg(t1, 1), dh_arg(t2, 2) };                 \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), args_);      \
}

#define DEF_HELPER_FLAGS_3(name, flags, ret, t1, t2, t3)                  \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)            \
                                           dh_arg_decl(t1, 1),            \
                                           dh_arg_decl(t2, 2),            \
                                           dh_arg_decl(t3, 3))            \
{                                                                         \
    TCGTemp *args_[3] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3) };  \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), args_);      \
}

#define DEF_HELPER_FLAGS_4(name, flags, ret, t1, t2, t3, t4)              \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)            \
                                           dh_arg_decl(t1, 1),            \
                                           dh_arg_decl(t2, 2),            \
                                           dh_arg_decl(t3, 3),            \
                                           dh_arg_decl(t4, 4))            \
{                                                                         \
    TCGTemp *args_[4] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),    \
                          dh_arg(t4, 4) };                                \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), args_);      \
}

#define DEF_HELPER_FLAGS_5(name, flags, ret, t1, t2, t3, t4, t5)          \
extern TCGHelperInfo glue(helper_info_, name);                           \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)            \
                                           dh_arg_decl(t1, 1),            \
                                           dh_arg_decl(t2, 2),            \
                                           dh_arg_decl(t3, 3),            \
                                           dh_arg_decl(t4, 4),            \
                                           dh_arg_decl(t5, 5))            \
{                                                                         \
    TCGTemp *args_[5] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),    \
                          dh_arg(t4, 4), dh_arg(t5, 5) };                 \
    tcg_gen_callN(&glue(helper_info_, name), dh_retvar(ret), args_);      \
}

#include HELPER_H

#undef DEF_HELPER_FLAGS_0
#undef DEF_HELPER_FLAGS_1
#undef DEF_HELPER_FLAGS_2
#undef DEF_HELPER_FLAGS_3
#undef DEF_HELPER_FLAGS_4
#undef DEF_HELPER_FLAGS_5

#endif /* EXEC_HELPER_GEN_H */
