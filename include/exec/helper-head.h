/*
 * Building blocks for the DEF_HELPER machinery.
 *
 * A target lists its helpers once, in target/<arch>/helper.h:
 *
 *     DEF_HELPER_FLAGS_2(divu, TCG_CALL_NO_WG, i32, env, i32)
 *
 * and includes that list through three headers, each giving the lines a
 * different meaning: exec/helper-proto.h (C prototypes of helper_divu),
 * exec/helper-gen.h (gen_helper_divu(), emitting a call op) and
 * exec/helper-info.c.inc (the TCGHelperInfo describing it, in one .c).
 * The list file is named by HELPER_H (default "helper.h"; a target can
 * #define HELPER_H "target/cr16/helper.h" first).
 *
 * Type names: void, noreturn, i32, s32, int, i64, s64, ptr, cptr, env
 * (pointer to the CPU state), tl (target_ulong = 32 bits).
 */
#ifndef EXEC_HELPER_HEAD_H
#define EXEC_HELPER_HEAD_H

#include "tcg/tcg.h"

#ifndef glue
#define xglue(x, y) x ## y
#define glue(x, y) xglue(x, y)
#endif

#define HELPER(name) glue(helper_, name)

/* C types as seen by the helper's definition. */
#define dh_ctype_void void
#define dh_ctype_noreturn __attribute__((noreturn)) void
#define dh_ctype_i32 uint32_t
#define dh_ctype_s32 int32_t
#define dh_ctype_int int
#define dh_ctype_i64 uint64_t
#define dh_ctype_s64 int64_t
#define dh_ctype_ptr void *
#define dh_ctype_cptr const void *
#define dh_ctype_env struct CPUArchState *
#define dh_ctype_tl uint32_t
#define dh_ctype(t) dh_ctype_##t

/* The kind of TCG value that carries each type. */
#define dh_alias_void void
#define dh_alias_noreturn void
#define dh_alias_i32 i32
#define dh_alias_s32 i32
#define dh_alias_int i32
#define dh_alias_i64 i64
#define dh_alias_s64 i64
#define dh_alias_ptr ptr
#define dh_alias_cptr ptr
#define dh_alias_env ptr
#define dh_alias_tl i32
#define dh_alias(t) glue(dh_alias_, t)

/* Type codes for TCGHelperInfo.typemask (base codes are in tcg.h). */
#define dh_typecode_int dh_typecode_s32
#define dh_typecode_cptr dh_typecode_ptr
#define dh_typecode_env dh_typecode_ptr
#define dh_typecode_tl dh_typecode_i32
#define dh_typecode(t) glue(dh_typecode_, t)
#define dh_typemask(t, n) ((unsigned)dh_typecode(t) << ((n) * 3))

/* Extra call flags implied by the return type. */
#define dh_callflag_void 0
#define dh_callflag_noreturn TCG_CALL_NO_RETURN
#define dh_callflag_i32 0
#define dh_callflag_s32 0
#define dh_callflag_int 0
#define dh_callflag_i64 0
#define dh_callflag_s64 0
#define dh_callflag_ptr 0
#define dh_callflag_cptr 0
#define dh_callflag_env 0
#define dh_callflag_tl 0
#define dh_callflag(t) glue(dh_callflag_, t)

/* Pieces of the gen_helper_<name>() wrappers. */
#define dh_retvar_decl0_void void
#define dh_retvar_decl0_i32 TCGv_i32 retval
#define dh_retvar_decl0_i64 TCGv_i64 retval
#define dh_retvar_decl0_ptr TCGv_ptr retval
#define dh_retvar_decl0(t) glue(dh_retvar_decl0_, dh_alias(t))

#define dh_retvar_decl_void
#define dh_retvar_decl_i32 TCGv_i32 retval,
#define dh_retvar_decl_i64 TCGv_i64 retval,
#define dh_retvar_decl_ptr TCGv_ptr retval,
#define dh_retvar_decl(t) glue(dh_retvar_decl_, dh_alias(t))

#define dh_retvar_void NULL
#define dh_retvar_i32 tcgv_i32_temp(retval)
#define dh_retvar_i64 tcgv_i64_temp(retval)
#define dh_retvar_ptr tcgv_ptr_temp(retval)
#define dh_retvar(t) glue(dh_retvar_, dh_alias(t))

#define dh_arg_decl(t, n) glue(TCGv_, dh_alias(t)) glue(arg, n)
#define dh_arg(t, n) glue(glue(tcgv_, dh_alias(t)), _temp)(glue(arg, n))

/* Helpers without explicit flags may do anything. */
#define DEF_HELPER_0(name, ret) \
    DEF_HELPER_FLAGS_0(name, 0, ret)
#define DEF_HELPER_1(name, ret, t1) \
    DEF_HELPER_FLAGS_1(name, 0, ret, t1)
#define DEF_HELPER_2(name, ret, t1, t2) \
    DEF_HELPER_FLAGS_2(name, 0, ret, t1, t2)
#define DEF_HELPER_3(name, ret, t1, t2, t3) \
    DEF_HELPER_FLAGS_3(name, 0, ret, t1, t2, t3)
#define DEF_HELPER_4(name, ret, t1, t2, t3, t4) \
    DEF_HELPER_FLAGS_4(name, 0, ret, t1, t2, t3, t4)
#define DEF_HELPER_5(name, ret, t1, t2, t3, t4, t5) \
    DEF_HELPER_FLAGS_5(name, 0, ret, t1, t2, t3, t4, t5)

#endif /* EXEC_HELPER_HEAD_H */
