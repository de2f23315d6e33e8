/*
 * Tests for the string helpers and number parsers in util/cutils.c.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

/* --- qemu_strtoi --- */

static void test_strtoi_decimal(void)
{
    int res = -1;

    g_assert_cmpint(qemu_strtoi("12345", NULL, 10, &res), ==, 0);
    g_assert_cmpint(res, ==, 12345);
}

static void test_strtoi_base0_hex_and_octal(void)
{
    int res;

    g_assert_cmpint(qemu_strtoi("0x1f", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 31);
    g_assert_cmpint(qemu_strtoi("017", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 15);
}

static void test_strtoi_negative_and_space(void)
{
    int res;

    g_assert_cmpint(qemu_strtoi("  \t-42", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, -42);
}

static void test_strtoi_endptr_points_past_number(void)
{
    const char *str = "123xyz";
    const char *end = NULL;
    int res;

    g_assert_cmpint(qemu_strtoi(str, &end, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 123);
    g_assert_true(end == str + 3);
}

static void test_strtoi_trailing_without_endptr(void)
{
    int res;

    /* The number is still reported, but the call fails. */
    g_assert_cmpint(qemu_strtoi("123xyz", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(res, ==, 123);
}

static void test_strtoi_no_digits(void)
{
    const char *str = "  xyz";
    const char *end = NULL;
    int res = 99;

    g_assert_cmpint(qemu_strtoi(str, &end, 0, &res), ==, -EINVAL);
    g_assert_cmpint(res, ==, 0);
    g_assert_true(end == str);
}

static void test_strtoi_empty(void)
{
    int res = 99;

    g_assert_cmpint(qemu_strtoi("", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(res, ==, 0);
}

static void test_strtoi_null(void)
{
    const char *end = "x";
    int res = 99;

    g_assert_cmpint(qemu_strtoi(NULL, &end, 0, &res), ==, -EINVAL);
    g_assert_cmpint(res, ==, 0);
    g_assert_null(end);
}

static void test_strtoi_overflow(void)
{
    g_autofree char *big = g_strdup_printf("%lld", (long long)INT_MAX + 1);
    g_autofree char *small = g_strdup_printf("%lld", (long long)INT_MIN - 1);
    int res;

    g_assert_cmpint(qemu_strtoi(big, NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpint(res, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi(small, NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpint(res, ==, INT_MIN);
}

static void test_strtoi_limits(void)
{
    g_autofree char *max = g_strdup_printf("%d", INT_MAX);
    g_autofree char *min = g_strdup_printf("%d", INT_MIN);
    int res;

    g_assert_cmpint(qemu_strtoi(max, NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi(min, NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, INT_MIN);
}

/* --- qemu_strtoui --- */

static void test_strtoui_decimal(void)
{
    unsigned int res;

    g_assert_cmpint(qemu_strtoui("4000000000", NULL, 10, &res), ==, 0);
    g_assert_cmpuint(res, ==, 4000000000u);
}

static void test_strtoui_minus_one_wraps(void)
{
    unsigned int res;

    g_assert_cmpint(qemu_strtoui("-1", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-321", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, (unsigned int)-321);
}

static void test_strtoui_overflow(void)
{
    unsigned int res;

    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT_MAX);
    /* A negative number whose magnitude does not fit is out of range. */
    g_assert_cmpint(qemu_strtoui("-4294967296", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT_MAX);
}

/* --- qemu_strtol / qemu_strtoul --- */

static void test_strtol_decimal(void)
{
    long res;

    g_assert_cmpint(qemu_strtol("-9876543210", NULL, 10, &res), ==, 0);
    g_assert_cmpint(res, ==, -9876543210L);
}

static void test_strtol_overflow(void)
{
    long res;

    g_assert_cmpint(qemu_strtol("99999999999999999999", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(res, ==, LONG_MAX);
}

static void test_strtol_trailing(void)
{
    long res;

    g_assert_cmpint(qemu_strtol("12 ", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(res, ==, 12);
}

static void test_strtoul_hex(void)
{
    unsigned long res;

    g_assert_cmpint(qemu_strtoul("ffff", NULL, 16, &res), ==, 0);
    g_assert_cmpuint(res, ==, 0xffff);
}

static void test_strtoul_overflow(void)
{
    unsigned long res;

    g_assert_cmpint(qemu_strtoul("0x10000000000000000", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpuint(res, ==, ULONG_MAX);
}

/* --- qemu_strtoi64 / qemu_strtou64 --- */

static void test_strtoi64_limits(void)
{
    int64_t res;

    g_assert_cmpint(qemu_strtoi64("-9223372036854775808", NULL, 0, &res),
                    ==, 0);
    g_assert_cmpint(res, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(res, ==, INT64_MAX);
}

static void test_strtou64_max(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &res),
                    ==, 0);
    g_assert_cmpuint(res, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT64_MAX);
}

static void test_strtou64_endptr(void)
{
    const char *str = "0x10,rest";
    const char *end;
    uint64_t res;

    g_assert_cmpint(qemu_strtou64(str, &end, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, 16);
    g_assert_cmpstr(end, ==, ",rest");
}

static void test_strtod_basic(void)
{
    double res;

    g_assert_cmpint(qemu_strtod("1.5", NULL, &res), ==, 0);
    g_assert_cmpfloat(res, ==, 1.5);
    g_assert_cmpint(qemu_strtod("1e999", NULL, &res), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod("x", NULL, &res), ==, -EINVAL);
}

/* --- parse_uint --- */

static void test_parse_uint_full_ok(void)
{
    uint64_t v;

    g_assert_cmpint(parse_uint_full("0x100", 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 256);
}

static void test_parse_uint_negative(void)
{
    uint64_t v = 7;

    g_assert_cmpint(parse_uint_full(" -1", 0, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, 0);
}

static void test_parse_uint_trailing(void)
{
    const char *end;
    uint64_t v = 7;

    g_assert_cmpint(parse_uint_full("12a", 10, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(parse_uint("12a", &end, 10, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12);
    g_assert_cmpstr(end, ==, "a");
}

static void test_parse_uint_overflow(void)
{
    uint64_t v;

    g_assert_cmpint(parse_uint_full("18446744073709551616", 0, &v),
                    ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT64_MAX);
}

static void test_parse_uint_empty(void)
{
    uint64_t v = 7;

    g_assert_cmpint(parse_uint_full("", 0, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 0);
}

/* --- qemu_strtosz --- */

static void test_strtosz_plain_bytes(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz("12345", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 12345);
}

static void test_strtosz_suffixes(void)
{
    static const struct {
        const char *str;
        uint64_t val;
    } cases[] = {
        { "1B", 1 },
        { "1K", KiB },
        { "1k", KiB },
        { "2M", 2 * MiB },
        { "3G", 3 * GiB },
        { "1T", 1ULL << 40 },
        { "1P", 1ULL << 50 },
        { "1E", 1ULL << 60 },
    };
    uint64_t res;

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_assert_cmpint(qemu_strtosz(cases[i].str, NULL, &res), ==, 0);
        g_assert_cmpuint(res, ==, cases[i].val);
    }
}

static void test_strtosz_fraction(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz("1.5M", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, MiB + MiB / 2);
    g_assert_cmpint(qemu_strtosz("0.5k", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 512);
}

static void test_strtosz_fraction_of_byte_rejected(void)
{
    uint64_t res = 7;

    g_assert_cmpint(qemu_strtosz("1.5", NULL, &res), ==, -EINVAL);
    g_assert_cmpuint(res, ==, 0);
    g_assert_cmpint(qemu_strtosz("1.5B", NULL, &res), ==, -EINVAL);
}

static void test_strtosz_hex(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz("0x1000", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 4096);
    g_assert_cmpint(qemu_strtosz("0x2M", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 2 * MiB);
    g_assert_cmpint(qemu_strtosz("0x1.8M", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("0x", NULL, &res), ==, -EINVAL);
}

static void test_strtosz_negative(void)
{
    uint64_t res = 7;

    g_assert_cmpint(qemu_strtosz("-1", NULL, &res), ==, -EINVAL);
    g_assert_cmpuint(res, ==, 0);
    g_assert_cmpint(qemu_strtosz("-0", NULL, &res), ==, -EINVAL);
}

static void test_strtosz_invalid(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz("", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("M", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("12X", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("12MB", NULL, &res), ==, -EINVAL);
}

static void test_strtosz_trailing_with_endptr(void)
{
    const char *str = "8M,next";
    const char *end;
    uint64_t res;

    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, 0);
    g_assert_cmpuint(res, ==, 8 * MiB);
    g_assert_cmpstr(end, ==, ",next");
}

static void test_strtosz_error_resets_endptr(void)
{
    const char *str = "-5k";
    const char *end = NULL;
    uint64_t res;

    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, -EINVAL);
    g_assert_true(end == str);
}

static void test_strtosz_overflow(void)
{
    uint64_t res = 7;

    g_assert_cmpint(qemu_strtosz("16E", NULL, &res), ==, -ERANGE);
    g_assert_cmpuint(res, ==, 0);
    g_assert_cmpint(qemu_strtosz("18446744073709551616", NULL, &res),
                    ==, -ERANGE);
    g_assert_cmpint(qemu_strtosz("15.99999E", NULL, &res), ==, 0);
}

static void test_strtosz_mib_default_unit(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz_MiB("64", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 64 * MiB);
    g_assert_cmpint(qemu_strtosz_MiB("1G", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, GiB);
    g_assert_cmpint(qemu_strtosz_MiB("512k", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 512 * KiB);
    g_assert_cmpint(qemu_strtosz_MiB("1.5", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, MiB + MiB / 2);
}

static void test_strtosz_metric(void)
{
    uint64_t res;

    g_assert_cmpint(qemu_strtosz_metric("2k", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 2000);
    g_assert_cmpint(qemu_strtosz_metric("1.5M", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 1500000);
}

/* --- string helpers --- */

static void test_pstrcpy_truncates(void)
{
    char buf[5];

    memset(buf, 'x', sizeof(buf));
    pstrcpy(buf, sizeof(buf), "abcdefgh");
    g_assert_cmpstr(buf, ==, "abcd");
    pstrcpy(buf, sizeof(buf), "ab");
    g_assert_cmpstr(buf, ==, "ab");
}

static void test_pstrcat(void)
{
    char buf[8] = "abc";

    pstrcat(buf, sizeof(buf), "defghij");
    g_assert_cmpstr(buf, ==, "abcdefg");
}

static void test_strstart(void)
{
    const char *rest = NULL;

    g_assert_true(strstart("-device foo", "-device", &rest));
    g_assert_cmpstr(rest, ==, " foo");
    rest = NULL;
    g_assert_false(strstart("-dev", "-device", &rest));
    g_assert_null(rest);
    g_assert_true(stristart("HeLLo", "hello", NULL));
}

static void test_strchrnul(void)
{
    const char *s = "a,b";

    g_assert_true(qemu_strchrnul(s, ',') == s + 1);
    g_assert_true(qemu_strchrnul(s, '=') == s + 3);
}

static void test_size_to_str(void)
{
    static const struct {
        uint64_t val;
        const char *str;
    } cases[] = {
        { 0, "0 B" },
        { 512, "512 B" },
        { 1000, "0.977 KiB" },
        { 1024, "1 KiB" },
        { 1536, "1.5 KiB" },
        { 64 * MiB, "64 MiB" },
        { 3 * GiB, "3 GiB" },
        { UINT64_MAX, "16 EiB" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *s = size_to_str(cases[i].val);

        g_assert_cmpstr(s, ==, cases[i].str);
    }
}

static void test_freq_to_str(void)
{
    g_autofree char *a = freq_to_str(100000000);
    g_autofree char *b = freq_to_str(32768);
    g_autofree char *c = freq_to_str(7);

    g_assert_cmpstr(a, ==, "100 MHz");
    g_assert_cmpstr(b, ==, "32.8 KHz");
    g_assert_cmpstr(c, ==, "7 Hz");
}

static void test_bool_parse(void)
{
    Error *err = NULL;
    bool v = false;

    g_assert_true(qapi_bool_parse("x", "on", &v, &error_abort));
    g_assert_true(v);
    g_assert_true(qapi_bool_parse("x", "no", &v, &error_abort));
    g_assert_false(v);
    g_assert_true(qapi_bool_parse("x", "true", &v, &error_abort));
    g_assert_true(v);
    g_assert_false(qapi_bool_parse("x", "maybe", &v, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'x' expects 'on' or 'off'");
    error_free(err);
}

static void test_id_wellformed(void)
{
    g_assert_true(id_wellformed("serial0"));
    g_assert_true(id_wellformed("a-b.c_d"));
    g_assert_false(id_wellformed("0abc"));
    g_assert_false(id_wellformed(""));
    g_assert_false(id_wellformed("a b"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/cutils/strtoi/decimal", test_strtoi_decimal);
    g_test_add_func("/cutils/strtoi/base0", test_strtoi_base0_hex_and_octal);
    g_test_add_func("/cutils/strtoi/negative", test_strtoi_negative_and_space);
    g_test_add_func("/cutils/strtoi/endptr",
                    test_strtoi_endptr_points_past_number);
    g_test_add_func("/cutils/strtoi/trailing",
                    test_strtoi_trailing_without_endptr);
    g_test_add_func("/cutils/strtoi/no-digits", test_strtoi_no_digits);
    g_test_add_func("/cutils/strtoi/empty", test_strtoi_empty);
    g_test_add_func("/cutils/strtoi/null", test_strtoi_null);
    g_test_add_func("/cutils/strtoi/overflow", test_strtoi_overflow);
    g_test_add_func("/cutils/strtoi/limits", test_strtoi_limits);
    g_test_add_func("/cutils/strtoui/decimal", test_strtoui_decimal);
    g_test_add_func("/cutils/strtoui/minus-one-wraps",
                    test_strtoui_minus_one_wraps);
    g_test_add_func("/cutils/strtoui/overflow", test_strtoui_overflow);
    g_test_add_func("/cutils/strtol/decimal", test_strtol_decimal);
    g_test_add_func("/cutils/strtol/overflow", test_strtol_overflow);
    g_test_add_func("/cutils/strtol/trailing", test_strtol_trailing);
    g_test_add_func("/cutils/strtoul/hex", test_strtoul_hex);
    g_test_add_func("/cutils/strtoul/overflow", test_strtoul_overflow);
    g_test_add_func("/cutils/strtoi64/limits", test_strtoi64_limits);
    g_test_add_func("/cutils/strtou64/max", test_strtou64_max);
    g_test_add_func("/cutils/strtou64/endptr", test_strtou64_endptr);
    g_test_add_func("/cutils/strtod/basic", test_strtod_basic);
    g_test_add_func("/cutils/parse-uint/full", test_parse_uint_full_ok);
    g_test_add_func("/cutils/parse-uint/negative", test_parse_uint_negative);
    g_test_add_func("/cutils/parse-uint/trailing", test_parse_uint_trailing);
    g_test_add_func("/cutils/parse-uint/overflow", test_parse_uint_overflow);
    g_test_add_func("/cutils/parse-uint/empty", test_parse_uint_empty);
    g_test_add_func("/cutils/strtosz/plain-bytes", test_strtosz_plain_bytes);
    g_test_add_func("/cutils/strtosz/suffixes", test_strtosz_suffixes);
    g_test_add_func("/cutils/strtosz/fraction", test_strtosz_fraction);
    g_test_add_func("/cutils/strtosz/fraction-of-byte",
                    test_strtosz_fraction_of_byte_rejected);
    g_test_add_func("/cutils/strtosz/hex", test_strtosz_hex);
    g_test_add_func("/cutils/strtosz/negative", test_strtosz_negative);
    g_test_add_func("/cutils/strtosz/invalid", test_strtosz_invalid);
    g_test_add_func("/cutils/strtosz/trailing-endptr",
                    test_strtosz_trailing_with_endptr);
    g_test_add_func("/cutils/strtosz/error-endptr",
                    test_strtosz_error_resets_endptr);
    g_test_add_func("/cutils/strtosz/overflow", test_strtosz_overflow);
    g_test_add_func("/cutils/strtosz/mib-default",
                    test_strtosz_mib_default_unit);
    g_test_add_func("/cutils/strtosz/metric", test_strtosz_metric);
    g_test_add_func("/cutils/pstrcpy/truncates", test_pstrcpy_truncates);
    g_test_add_func("/cutils/pstrcat", test_pstrcat);
    g_test_add_func("/cutils/strstart", test_strstart);
    g_test_add_func("/cutils/strchrnul", test_strchrnul);
    g_test_add_func("/cutils/size-to-str", test_size_to_str);
    g_test_add_func("/cutils/freq-to-str", test_freq_to_str);
    g_test_add_func("/cutils/bool-parse", test_bool_parse);
    g_test_add_func("/cutils/id-wellformed", test_id_wellformed);

    return g_test_run();
}
