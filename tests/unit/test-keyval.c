/*
 * Tests for keyval_parse(): "key=value,..." into a JSON object.
 */
#include "qemu/osdep.h"
#include "qemu/keyval.h"
#include "qemu/json-util.h"

/* Parse @params, which must succeed, and compare the QEMU-style rendering. */
static void check_parse(const char *params, const char *implied_key,
                        const char *expected_json)
{
    json_t *obj = keyval_parse(params, implied_key, NULL, &error_abort);
    g_autofree char *text = json_dumps_compact(obj);

    g_assert_cmpstr(text, ==, expected_json);
    json_decref(obj);
}

/* Parse @params, which must fail with exactly @expected_msg. */
static void check_error(const char *params, const char *implied_key,
                        const char *expected_msg)
{
    Error *err = NULL;
    bool help = false;
    json_t *obj = keyval_parse(params, implied_key, &help, &err);

    g_assert_null(obj);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, expected_msg);
    error_free(err);
}

static void test_empty_string(void)
{
    check_parse("", NULL, "{}");
}

static void test_simple_pairs(void)
{
    check_parse("a=1,b=two", NULL, "{\"a\": \"1\", \"b\": \"two\"}");
}

static void test_values_are_strings(void)
{
    json_t *obj = keyval_parse("n=42,flag=on", NULL, NULL, &error_abort);

    g_assert_true(json_is_string(json_object_get(obj, "n")));
    g_assert_cmpstr(json_string_value(json_object_get(obj, "n")), ==, "42");
    g_assert_true(json_is_string(json_object_get(obj, "flag")));
    json_decref(obj);
}

static void test_empty_value(void)
{
    check_parse("a=", NULL, "{\"a\": \"\"}");
}

static void test_value_with_equals(void)
{
    check_parse("path=a=b", NULL, "{\"path\": \"a=b\"}");
}

static void test_comma_escape(void)
{
    check_parse("path=a,,b,c=d", NULL, "{\"path\": \"a,b\", \"c\": \"d\"}");
}

static void test_comma_escape_at_end(void)
{
    check_parse("a=x,,", NULL, "{\"a\": \"x,\"}");
}

static void test_trailing_comma_ignored(void)
{
    check_parse("a=1,", NULL, "{\"a\": \"1\"}");
}

static void test_repeated_key_last_wins(void)
{
    check_parse("a=1,a=2", NULL, "{\"a\": \"2\"}");
}

static void test_dotted_nesting(void)
{
    check_parse("a.b=1,a.c=2,d=3", NULL,
                "{\"a\": {\"b\": \"1\", \"c\": \"2\"}, \"d\": \"3\"}");
}

static void test_deep_nesting(void)
{
    check_parse("x.y.z=deep", NULL, "{\"x\": {\"y\": {\"z\": \"deep\"}}}");
}

static void test_index_fragment(void)
{
    check_parse("list.0=a,list.1=b", NULL,
                "{\"list\": {\"0\": \"a\", \"1\": \"b\"}}");
}

static void test_implied_key(void)
{
    check_parse("ns16550a,chardev=s0", "driver",
                "{\"driver\": \"ns16550a\", \"chardev\": \"s0\"}");
}

static void test_implied_key_with_escape(void)
{
    check_parse("a,,b,x=1", "file", "{\"file\": \"a,b\", \"x\": \"1\"}");
}

static void test_implied_key_only_first(void)
{
    check_error("a=1,bare", "driver", "Expected '=' after parameter 'bare'");
}

static void test_implied_key_explicit(void)
{
    /* Naming the implied key explicitly is just an ordinary pair. */
    check_parse("driver=foo,a=1", "driver",
                "{\"driver\": \"foo\", \"a\": \"1\"}");
}

static void test_help_alone(void)
{
    bool help = false;
    json_t *obj = keyval_parse("help", "driver", &help, &error_abort);

    g_assert_true(help);
    g_assert_cmpint(json_object_size(obj), ==, 0);
    json_decref(obj);
}

static void test_help_question_mark(void)
{
    bool help = false;
    json_t *obj = keyval_parse("?", NULL, &help, &error_abort);

    g_assert_true(help);
    json_decref(obj);
}

static void test_help_after_driver(void)
{
    bool help = false;
    json_t *obj = keyval_parse("ns16550a,help", "driver", &help,
                               &error_abort);

    g_assert_true(help);
    g_assert_cmpstr(json_string_value(json_object_get(obj, "driver")), ==,
                    "ns16550a");
    json_decref(obj);
}

static void test_help_not_requested(void)
{
    bool help = true;
    json_t *obj = keyval_parse("a=help", NULL, &help, &error_abort);

    /* "help" as a value is just a value. */
    g_assert_false(help);
    json_decref(obj);
}

static void test_help_without_p_help(void)
{
    Error *err = NULL;

    g_assert_null(keyval_parse("a=1,help", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Expected '=' after parameter 'help'");
    error_free(err);
}

static void test_err_missing_equals(void)
{
    check_error("a=1,b", NULL, "Expected '=' after parameter 'b'");
}

static void test_err_bare_first_without_implied(void)
{
    check_error("foo", NULL, "Expected '=' after parameter 'foo'");
}

static void test_err_empty_key(void)
{
    check_error("=x", NULL, "Invalid parameter ''");
}

static void test_err_leading_comma(void)
{
    check_error(",a=1", NULL, "Invalid parameter ''");
}

static void test_err_empty_key_between(void)
{
    check_error("a=1,=2", NULL, "Invalid parameter ''");
}

static void test_err_bad_character(void)
{
    check_error("a b=1", NULL, "Invalid parameter 'a b'");
}

static void test_err_key_starts_with_digit(void)
{
    check_error("1a=1", NULL, "Invalid parameter '1a'");
}

static void test_err_empty_fragment(void)
{
    check_error("a..b=1", NULL, "Invalid parameter 'a..b'");
    check_error(".a=1", NULL, "Invalid parameter '.a'");
    check_error("a.=1", NULL, "Invalid parameter 'a.'");
}

static void test_err_scalar_then_object(void)
{
    check_error("a=1,a.b=2", NULL, "Parameters 'a.*' used inconsistently");
}

static void test_err_object_then_scalar(void)
{
    check_error("a.b=2,a=1", NULL, "Parameters 'a.*' used inconsistently");
}

static void test_err_inner_conflict(void)
{
    check_error("a.b=1,a.b.c=2", NULL,
                "Parameters 'a.b.*' used inconsistently");
}

static void test_err_not_utf8(void)
{
    check_error("a=\xff", NULL, "Parameter 'a' is not valid UTF-8");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/keyval/parse/empty", test_empty_string);
    g_test_add_func("/keyval/parse/pairs", test_simple_pairs);
    g_test_add_func("/keyval/parse/values-are-strings",
                    test_values_are_strings);
    g_test_add_func("/keyval/parse/empty-value", test_empty_value);
    g_test_add_func("/keyval/parse/value-with-equals", test_value_with_equals);
    g_test_add_func("/keyval/escape/comma", test_comma_escape);
    g_test_add_func("/keyval/escape/comma-at-end", test_comma_escape_at_end);
    g_test_add_func("/keyval/parse/trailing-comma",
                    test_trailing_comma_ignored);
    g_test_add_func("/keyval/parse/repeated-key", test_repeated_key_last_wins);
    g_test_add_func("/keyval/nesting/dotted", test_dotted_nesting);
    g_test_add_func("/keyval/nesting/deep", test_deep_nesting);
    g_test_add_func("/keyval/nesting/index", test_index_fragment);
    g_test_add_func("/keyval/implied/first", test_implied_key);
    g_test_add_func("/keyval/implied/escape", test_implied_key_with_escape);
    g_test_add_func("/keyval/implied/only-first", test_implied_key_only_first);
    g_test_add_func("/keyval/implied/explicit", test_implied_key_explicit);
    g_test_add_func("/keyval/help/alone", test_help_alone);
    g_test_add_func("/keyval/help/question-mark", test_help_question_mark);
    g_test_add_func("/keyval/help/after-driver", test_help_after_driver);
    g_test_add_func("/keyval/help/as-value", test_help_not_requested);
    g_test_add_func("/keyval/help/not-supported", test_help_without_p_help);
    g_test_add_func("/keyval/error/missing-equals", test_err_missing_equals);
    g_test_add_func("/keyval/error/bare-no-implied",
                    test_err_bare_first_without_implied);
    g_test_add_func("/keyval/error/empty-key", test_err_empty_key);
    g_test_add_func("/keyval/error/leading-comma", test_err_leading_comma);
    g_test_add_func("/keyval/error/empty-key-between",
                    test_err_empty_key_between);
    g_test_add_func("/keyval/error/bad-character", test_err_bad_character);
    g_test_add_func("/keyval/error/leading-digit",
                    test_err_key_starts_with_digit);
    g_test_add_func("/keyval/error/empty-fragment", test_err_empty_fragment);
    g_test_add_func("/keyval/error/scalar-then-object",
                    test_err_scalar_then_object);
    g_test_add_func("/keyval/error/object-then-scalar",
                    test_err_object_then_scalar);
    g_test_add_func("/keyval/error/inner-conflict", test_err_inner_conflict);
    g_test_add_func("/keyval/error/not-utf8", test_err_not_utf8);

    return g_test_run();
}
