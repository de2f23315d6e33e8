/*
 * Helper list for the TCG unit tests (HELPER_H for exec/helper-*.h).
 * One of each interesting signature and call flag.
 */
DEF_HELPER_FLAGS_2(t_add, TCG_CALL_NO_RWG_SE, i32, i32, i32)
DEF_HELPER_FLAGS_5(t_mix5, TCG_CALL_NO_RWG_SE, i64, i64, i32, s32, i64, ptr)
DEF_HELPER_FLAGS_1(t_pure, TCG_CALL_NO_RWG_SE, i32, i32)
DEF_HELPER_FLAGS_1(t_read_r3, TCG_CALL_NO_WG, i32, env)
DEF_HELPER_1(t_write_r4, void, env)
DEF_HELPER_FLAGS_1(t_peek_r5, TCG_CALL_NO_RWG, i32, env)
DEF_HELPER_FLAGS_0(t_count, 0, void)
DEF_HELPER_FLAGS_2(t_raise, TCG_CALL_NO_WG, noreturn, env, i32)
DEF_HELPER_FLAGS_2(t_mul64, TCG_CALL_NO_RWG_SE, s64, s32, s32)
