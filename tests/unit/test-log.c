/*
 * Tests for -d log mask parsing and -D log files.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"

static void test_parse_items(void)
{
    char *bad = NULL;
    int mask = qemu_log_parse_mask("in_asm,guest_errors", &bad);

    g_assert_cmpint(mask, ==, CPU_LOG_TB_IN_ASM | LOG_GUEST_ERROR);
    g_assert_null(bad);
    g_assert_cmpint(qemu_log_parse_mask("unimp", NULL), ==, LOG_UNIMP);
}

static void test_parse_unknown(void)
{
    char *bad = NULL;

    g_assert_cmpint(qemu_log_parse_mask("int,bogus,cpu", &bad), ==, -1);
    g_assert_cmpstr(bad, ==, "bogus");
    g_free(bad);
}

static void test_mask_gates_output(void)
{
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    int fd = g_file_open_tmp("qemu-log-XXXXXX", &path, NULL);

    g_assert_cmpint(fd, >=, 0);
    close(fd);
    g_assert_true(qemu_set_log_filename(path, &error_abort));
    qemu_set_log(LOG_GUEST_ERROR, &error_abort);
    qemu_log_mask(LOG_UNIMP, "not logged\n");
    qemu_log_mask(LOG_GUEST_ERROR, "bad write at 0x%x\n", 0x10);
    qemu_log_close();
    qemu_set_log(0, &error_abort);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "bad write at 0x10\n");
    unlink(path);
}

static void test_bad_log_file(void)
{
    Error *err = NULL;

    g_assert_false(qemu_set_log_filename("/nonexistent-dir/x.log", &err));
    g_assert_nonnull(err);
    g_assert_true(strstr(error_get_pretty(err), "/nonexistent-dir/x.log"));
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/log/parse-items", test_parse_items);
    g_test_add_func("/log/parse-unknown", test_parse_unknown);
    g_test_add_func("/log/mask-gates-output", test_mask_gates_output);
    g_test_add_func("/log/bad-log-file", test_bad_log_file);
    return g_test_run();
}
