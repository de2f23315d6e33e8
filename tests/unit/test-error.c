/*
 * Tests for the Error **errp API.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

static bool fail_with(int value, Error **errp)
{
    if (value < 0) {
        error_setg(errp, "value %d is negative", value);
        return false;
    }
    return true;
}

static void test_setg_and_pretty(void)
{
    Error *err = NULL;

    g_assert_false(fail_with(-3, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "value -3 is negative");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    error_free(err);
}

static void test_null_errp_ignored(void)
{
    g_assert_false(fail_with(-1, NULL));
    g_assert_true(fail_with(1, NULL));
}

static void test_propagate_keeps_first(void)
{
    Error *dst = NULL, *a = NULL, *b = NULL;

    fail_with(-1, &a);
    fail_with(-2, &b);
    error_propagate(&dst, a);
    error_propagate(&dst, b);   /* freed: dst already holds an error */
    g_assert_cmpstr(error_get_pretty(dst), ==, "value -1 is negative");
    error_free(dst);
}

static void test_prepend(void)
{
    Error *err = NULL;

    fail_with(-7, &err);
    error_prepend(&err, "-device %s: ", "foo");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "-device foo: value -7 is negative");
    error_free(err);
}

static void test_class_names(void)
{
    Error *err = NULL;

    error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'x' not found");
    g_assert_cmpstr(error_class_name(error_get_class(err)), ==,
                    "DeviceNotFound");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_COMMAND_NOT_FOUND), ==,
                    "CommandNotFound");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_GENERIC_ERROR), ==,
                    "GenericError");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_DEVICE_NOT_ACTIVE), ==,
                    "DeviceNotActive");
    error_free(err);
}

static void test_errno_suffix(void)
{
    Error *err = NULL;

    error_setg_errno(&err, ENOENT, "Could not open '%s'", "x.elf");
    g_assert_true(g_str_has_prefix(error_get_pretty(err),
                                   "Could not open 'x.elf': "));
    g_assert_cmpstr(error_get_pretty(err) + strlen("Could not open 'x.elf': "),
                    ==, g_strerror(ENOENT));
    error_free(err);
}

static void test_copy(void)
{
    Error *err = NULL, *copy;

    error_set(&err, ERROR_CLASS_DEVICE_NOT_ACTIVE, "not active");
    error_append_hint(&err, "try later\n");
    copy = error_copy(err);
    error_free(err);
    g_assert_cmpstr(error_get_pretty(copy), ==, "not active");
    g_assert_cmpint(error_get_class(copy), ==, ERROR_CLASS_DEVICE_NOT_ACTIVE);
    error_free(copy);
}

static void test_fatal_exits(void)
{
    if (g_test_subprocess()) {
        error_set_progname("prog");
        fail_with(-5, &error_fatal);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("prog: value -5 is negative\n");
}

static GString *captured;

static void capture(void *opaque, const char *msg)
{
    g_string_append(captured, msg);
}

static void test_report_location(void)
{
    char *argv[] = { (char *)"prog", (char *)"-device", (char *)"foo" };
    Location loc = { 0 };

    captured = g_string_new(NULL);
    error_set_progname("qemu-system-cr16");
    error_printf_set_sink(capture, NULL, NULL, NULL);
    loc_push_none(&loc);
    loc_set_cmdline(argv, 1, 2);
    error_report("'%s' is not a valid device model name", "foo");
    loc_pop(&loc);
    error_report("plain");
    error_printf_set_sink(NULL, NULL, NULL, NULL);
    /* A sink (the HMP user) gets no program-name prefix. */
    g_assert_cmpstr(captured->str, ==,
                    "-device foo: 'foo' is not a valid "
                    "device model name\nplain\n");
    g_string_free(captured, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error/setg", test_setg_and_pretty);
    g_test_add_func("/error/null-errp", test_null_errp_ignored);
    g_test_add_func("/error/propagate-keeps-first", test_propagate_keeps_first);
    g_test_add_func("/error/prepend", test_prepend);
    g_test_add_func("/error/class-names", test_class_names);
    g_test_add_func("/error/errno-suffix", test_errno_suffix);
    g_test_add_func("/error/copy", test_copy);
    g_test_add_func("/error/fatal-exits", test_fatal_exits);
    g_test_add_func("/error/report-location", test_report_location);
    return g_test_run();
}
