/*
 * Tests for QemuOpts (util/qemu-option.c) and the option-group registry.
 */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qemu/config-file.h"
#include "qemu/json-util.h"

static QemuOptsList opts_list_chardev = {
    .name = "chardev",
    .implied_opt_name = "backend",
    .desc = {
        { .name = "backend", .type = QEMU_OPT_STRING },
        { .name = "path", .type = QEMU_OPT_STRING, .help = "file name" },
        { .name = "server", .type = QEMU_OPT_BOOL,
          .help = "listen for connections" },
        { .name = "port", .type = QEMU_OPT_NUMBER, .def_value_str = "4444" },
        { .name = "size", .type = QEMU_OPT_SIZE, .def_value_str = "64k" },
        { .name = "wait", .type = QEMU_OPT_BOOL, .def_value_str = "on" },
        { /* end of list */ }
    },
};

static QemuOptsList opts_list_machine = {
    .name = "machine",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = {
        { .name = "type", .type = QEMU_OPT_STRING },
        { .name = "ram", .type = QEMU_OPT_SIZE },
        { }
    },
};

/* A list with no desc[] accepts any key, validated later. */
static QemuOptsList opts_list_any = {
    .name = "any",
    .desc = { { } },
};

static void reset_lists(void)
{
    qemu_opts_reset(&opts_list_chardev);
    qemu_opts_reset(&opts_list_machine);
    qemu_opts_reset(&opts_list_any);
}

/* Parse @params on the chardev list expecting failure with @msg. */
static void check_parse_error(const char *params, const char *msg)
{
    Error *err = NULL;

    g_assert_null(qemu_opts_parse(&opts_list_chardev, params, true, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    /* A failed parse leaves nothing behind. */
    g_assert_null(opts_list_chardev.head);
}

static void test_parse_basic(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "backend=file,path=/tmp/x", false,
                                     &error_abort);

    g_assert_cmpstr(qemu_opt_get(opts, "backend"), ==, "file");
    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "/tmp/x");
    g_assert_null(qemu_opts_id(opts));
    reset_lists();
}

static void test_parse_implied_name(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "socket,port=5",
                                     true, &error_abort);

    g_assert_cmpstr(qemu_opt_get(opts, "backend"), ==, "socket");
    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 0), ==, 5);
    reset_lists();
}

static void test_parse_implied_needs_permit_abbrev(void)
{
    Error *err = NULL;

    /* Without permit_abbrev, a bare word is a flag: socket=on. */
    g_assert_null(qemu_opts_parse(&opts_list_chardev, "socket", false,
                                  &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'socket'");
    error_free(err);
    reset_lists();
}

static void test_parse_bare_flag_is_on(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "socket,server",
                                     true, &error_abort);

    g_assert_true(qemu_opt_get_bool(opts, "server", false));
    reset_lists();
}

static void test_parse_id(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "null,id=s0", true,
                                     &error_abort);

    g_assert_cmpstr(qemu_opts_id(opts), ==, "s0");
    /* "id" is the entry's name, not an option. */
    g_assert_null(qemu_opt_get(opts, "id"));
    g_assert_true(qemu_opts_find(&opts_list_chardev, "s0") == opts);
    reset_lists();
}

static void test_parse_comma_escape(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "file,path=a,,b,id=c0", true,
                                     &error_abort);

    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "a,b");
    g_assert_cmpstr(qemu_opts_id(opts), ==, "c0");
    reset_lists();
}

static void test_parse_escaped_id_not_an_id(void)
{
    /* ",,id=x" is part of the path, so there is no id. */
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "file,path=a,,id=x", true,
                                     &error_abort);

    g_assert_null(qemu_opts_id(opts));
    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "a,id=x");
    reset_lists();
}

static void test_duplicate_id(void)
{
    Error *err = NULL;

    qemu_opts_parse(&opts_list_chardev, "null,id=s0", true, &error_abort);
    g_assert_null(qemu_opts_parse(&opts_list_chardev, "null,id=s0", true,
                                  &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Duplicate ID 's0' for chardev");
    error_free(err);
    g_assert_cmpuint(g_list_length(opts_list_chardev.head), ==, 1);
    reset_lists();
}

static void test_bad_id(void)
{
    check_parse_error("null,id=0bad", "Parameter 'id' expects an identifier");
}

static void test_err_unknown_param(void)
{
    check_parse_error("null,colour=red", "Invalid parameter 'colour'");
}

static void test_err_bool(void)
{
    check_parse_error("socket,server=maybe",
                      "Parameter 'server' expects 'on' or 'off'");
}

static void test_err_number(void)
{
    check_parse_error("socket,port=12ab", "Parameter 'port' expects a number");
}

static void test_err_number_range(void)
{
    check_parse_error("socket,port=99999999999999999999",
                      "Value '99999999999999999999' is too large for "
                      "parameter 'port'");
}

static void test_err_size(void)
{
    check_parse_error("socket,size=lots", "Parameter 'size' expects a size");
}

static void test_err_size_range(void)
{
    check_parse_error("socket,size=16E",
                      "Value '16E' is out of range for parameter 'size'");
}

static void test_err_empty_name(void)
{
    check_parse_error("null,=x", "Invalid parameter ''");
}

static void test_bool_spellings(void)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };

    for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
        g_autofree char *p1 = g_strdup_printf("socket,server=%s", yes[i]);
        g_autofree char *p2 = g_strdup_printf("socket,server=%s", no[i]);
        QemuOpts *a = qemu_opts_parse(&opts_list_chardev, p1, true,
                                      &error_abort);
        QemuOpts *b = qemu_opts_parse(&opts_list_chardev, p2, true,
                                      &error_abort);

        g_assert_true(qemu_opt_get_bool(a, "server", false));
        g_assert_false(qemu_opt_get_bool(b, "server", true));
        reset_lists();
    }
}

static void test_get_number_and_size(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "socket,port=0x10,size=2M", true,
                                     &error_abort);

    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 0), ==, 16);
    g_assert_cmpuint(qemu_opt_get_size(opts, "size", 0), ==, 2 * MiB);
    reset_lists();
}

static void test_defaults(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "socket", true,
                                     &error_abort);

    /* Declared defaults beat the caller's fallback... */
    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 1), ==, 4444);
    g_assert_cmpuint(qemu_opt_get_size(opts, "size", 1), ==, 64 * KiB);
    g_assert_true(qemu_opt_get_bool(opts, "wait", false));
    g_assert_cmpstr(qemu_opt_get(opts, "port"), ==, "4444");
    /* ...which applies when there is no declared default. */
    g_assert_false(qemu_opt_get_bool(opts, "server", false));
    g_assert_null(qemu_opt_get(opts, "path"));
    g_assert_false(qemu_opt_is_set(opts, "port"));
    reset_lists();
}

static void test_last_value_wins(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "file,path=a,path=b", true,
                                     &error_abort);

    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "b");
    reset_lists();
}

static void test_opt_set(void)
{
    QemuOpts *opts = qemu_opts_create(&opts_list_chardev, "c1", 1,
                                      &error_abort);
    Error *err = NULL;

    g_assert_true(qemu_opt_set(opts, "path", "/dev/null", &error_abort));
    g_assert_true(qemu_opt_set_bool(opts, "server", true, &error_abort));
    g_assert_true(qemu_opt_set_number(opts, "port", 77, &error_abort));
    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "/dev/null");
    g_assert_true(qemu_opt_get_bool(opts, "server", false));
    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 0), ==, 77);
    g_assert_false(qemu_opt_set(opts, "port", "x", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'port' expects a number");
    error_free(err);
    /* The bad value was not stored. */
    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 0), ==, 77);
    reset_lists();
}

static void test_opt_unset(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "file,path=a,path=b", true,
                                     &error_abort);

    g_assert_true(qemu_opt_unset(opts, "path"));
    g_assert_null(qemu_opt_get(opts, "path"));
    g_assert_false(qemu_opt_unset(opts, "path"));
    reset_lists();
}

static void test_create_existing_without_fail(void)
{
    QemuOpts *a = qemu_opts_create(&opts_list_chardev, "x", 0, &error_abort);
    QemuOpts *b = qemu_opts_create(&opts_list_chardev, "x", 0, &error_abort);

    g_assert_true(a == b);
    reset_lists();
}

static void test_merge_lists(void)
{
    QemuOpts *a = qemu_opts_parse(&opts_list_machine, "virt", true,
                                  &error_abort);
    QemuOpts *b = qemu_opts_parse(&opts_list_machine, "ram=1M", true,
                                  &error_abort);

    /* Two -machine options end up in one entry. */
    g_assert_true(a == b);
    g_assert_cmpstr(qemu_opt_get(a, "type"), ==, "virt");
    g_assert_cmpuint(qemu_opt_get_size(a, "ram", 0), ==, MiB);
    g_assert_cmpuint(g_list_length(opts_list_machine.head), ==, 1);
    reset_lists();
}

static void test_merge_lists_reject_id(void)
{
    Error *err = NULL;

    g_assert_null(qemu_opts_parse(&opts_list_machine, "virt,id=m", true,
                                  &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'id'");
    error_free(err);
    reset_lists();
}

static void test_help_detected(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "help", true,
                                     &error_abort);

    /* "help" in the implied position is a request, not a backend. */
    g_assert_true(qemu_opt_has_help_opt(opts));
    g_assert_null(qemu_opt_get(opts, "backend"));
    reset_lists();
}

static void test_help_after_value(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "socket,?", true,
                                     &error_abort);

    g_assert_true(qemu_opt_has_help_opt(opts));
    g_assert_cmpstr(qemu_opt_get(opts, "backend"), ==, "socket");
    reset_lists();
}

static void test_no_help(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "socket", true,
                                     &error_abort);

    g_assert_false(qemu_opt_has_help_opt(opts));
    reset_lists();
}

static void test_print_help_text(void)
{
    g_autofree char *text = qemu_opts_help_str(&opts_list_chardev, true);

    g_assert_cmpstr(text, ==,
        "chardev options:\n"
        "  backend=<str>\n"
        "  path=<str>               - file name\n"
        "  port=<num> (default: 4444)\n"
        "  server=<bool (on/off)>   - listen for connections\n"
        "  size=<size> (default: 64k)\n"
        "  wait=<bool (on/off)> (default: on)\n");
}

static void test_noisily_prints_help(void)
{
    if (g_test_subprocess()) {
        g_assert_null(qemu_opts_parse_noisily(&opts_list_chardev, "help",
                                              true));
        g_assert_null(opts_list_chardev.head);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("chardev options:\n*path=<str>*");
}

static void test_noisily_reports_error(void)
{
    if (g_test_subprocess()) {
        g_assert_null(qemu_opts_parse_noisily(&opts_list_chardev,
                                              "null,bogus=1", true));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*Invalid parameter 'bogus'*");
}

static void test_validate(void)
{
    static const QemuOptDesc desc[] = {
        { .name = "n", .type = QEMU_OPT_NUMBER },
        { .name = "s", .type = QEMU_OPT_STRING },
        { }
    };
    QemuOpts *opts = qemu_opts_parse(&opts_list_any, "n=12,s=x", false,
                                     &error_abort);
    QemuOpts *bad = qemu_opts_parse(&opts_list_any, "n=twelve", false,
                                    &error_abort);
    QemuOpts *unknown = qemu_opts_parse(&opts_list_any, "q=1", false,
                                        &error_abort);
    Error *err = NULL;

    g_assert_true(qemu_opts_validate(opts, desc, &error_abort));
    g_assert_cmpuint(qemu_opt_get_number(opts, "n", 0), ==, 12);
    g_assert_false(qemu_opts_validate(bad, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'n' expects a number");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_opts_validate(unknown, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'q'");
    error_free(err);
    reset_lists();
}

static int count_opts(void *opaque, QemuOpts *opts, Error **errp)
{
    (*(int *)opaque)++;
    return 0;
}

static int stop_at_b(void *opaque, QemuOpts *opts, Error **errp)
{
    return !g_strcmp0(qemu_opts_id(opts), "b") ? 42 : 0;
}

static int delete_each(void *opaque, QemuOpts *opts, Error **errp)
{
    qemu_opts_del(opts);
    return 0;
}

static void test_opts_foreach(void)
{
    int n = 0;

    qemu_opts_parse(&opts_list_chardev, "null,id=a", true, &error_abort);
    qemu_opts_parse(&opts_list_chardev, "null,id=b", true, &error_abort);
    qemu_opts_parse(&opts_list_chardev, "null,id=c", true, &error_abort);
    g_assert_cmpint(qemu_opts_foreach(&opts_list_chardev, count_opts, &n,
                                      NULL), ==, 0);
    g_assert_cmpint(n, ==, 3);
    g_assert_cmpint(qemu_opts_foreach(&opts_list_chardev, stop_at_b, NULL,
                                      NULL), ==, 42);
    /* The callback may delete the entry it is handed. */
    qemu_opts_foreach(&opts_list_chardev, delete_each, NULL, NULL);
    g_assert_null(opts_list_chardev.head);
}

static int collect_opt(void *opaque, const char *name, const char *value,
                       Error **errp)
{
    g_string_append_printf(opaque, "%s=%s;", name, value);
    return 0;
}

static void test_opt_foreach_in_order(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "socket,port=1,server=on", true,
                                     &error_abort);
    g_autoptr(GString) s = g_string_new(NULL);

    qemu_opt_foreach(opts, collect_opt, s, NULL);
    g_assert_cmpstr(s->str, ==, "backend=socket;port=1;server=on;");
    reset_lists();
}

static void test_opts_del(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev, "null,id=z", true,
                                     &error_abort);

    qemu_opts_del(opts);
    g_assert_null(qemu_opts_find(&opts_list_chardev, "z"));
    qemu_opts_del(NULL);
}

static void test_to_json(void)
{
    QemuOpts *opts = qemu_opts_parse(&opts_list_chardev,
                                     "socket,id=s0,port=1,port=2,server", true,
                                     &error_abort);
    json_t *obj = qemu_opts_to_json(opts, NULL);
    g_autofree char *text = json_dumps_compact(obj);

    g_assert_cmpstr(text, ==, "{\"id\": \"s0\", \"backend\": \"socket\", "
                    "\"port\": \"2\", \"server\": \"on\"}");
    json_decref(obj);
    reset_lists();
}

static void test_from_json(void)
{
    json_t *obj = json_pack("{s:s, s:s, s:i, s:b}", "id", "j0",
                            "backend", "socket", "port", 9, "server", 1);
    QemuOpts *opts = qemu_opts_from_json(&opts_list_chardev, obj,
                                         &error_abort);

    g_assert_cmpstr(qemu_opts_id(opts), ==, "j0");
    g_assert_cmpuint(qemu_opt_get_number(opts, "port", 0), ==, 9);
    g_assert_true(qemu_opt_get_bool(opts, "server", false));
    json_decref(obj);
    reset_lists();
}

static void test_from_json_rejects_object(void)
{
    json_t *obj = json_pack("{s:{}}", "path");
    Error *err = NULL;

    g_assert_null(qemu_opts_from_json(&opts_list_chardev, obj, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'path' expects a scalar value");
    error_free(err);
    json_decref(obj);
    g_assert_null(opts_list_chardev.head);
}

static void test_config_registry(void)
{
    Error *err = NULL;

    qemu_add_opts(&opts_list_chardev);
    qemu_add_opts(&opts_list_machine);
    g_assert_true(qemu_find_opts("chardev") == &opts_list_chardev);
    g_assert_true(qemu_find_opts_err("machine", NULL) == &opts_list_machine);
    g_assert_null(qemu_find_opts_err("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "There is no option group 'nope'");
    error_free(err);
    g_assert_true(qemu_find_opts_singleton("machine") ==
                  qemu_find_opts_singleton("machine"));
    reset_lists();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qemu-opts/parse/basic", test_parse_basic);
    g_test_add_func("/qemu-opts/parse/implied-name", test_parse_implied_name);
    g_test_add_func("/qemu-opts/parse/implied-needs-abbrev",
                    test_parse_implied_needs_permit_abbrev);
    g_test_add_func("/qemu-opts/parse/bare-flag", test_parse_bare_flag_is_on);
    g_test_add_func("/qemu-opts/parse/id", test_parse_id);
    g_test_add_func("/qemu-opts/parse/comma-escape", test_parse_comma_escape);
    g_test_add_func("/qemu-opts/parse/escaped-id",
                    test_parse_escaped_id_not_an_id);
    g_test_add_func("/qemu-opts/id/duplicate", test_duplicate_id);
    g_test_add_func("/qemu-opts/id/malformed", test_bad_id);
    g_test_add_func("/qemu-opts/error/unknown", test_err_unknown_param);
    g_test_add_func("/qemu-opts/error/bool", test_err_bool);
    g_test_add_func("/qemu-opts/error/number", test_err_number);
    g_test_add_func("/qemu-opts/error/number-range", test_err_number_range);
    g_test_add_func("/qemu-opts/error/size", test_err_size);
    g_test_add_func("/qemu-opts/error/size-range", test_err_size_range);
    g_test_add_func("/qemu-opts/error/empty-name", test_err_empty_name);
    g_test_add_func("/qemu-opts/get/bool-spellings", test_bool_spellings);
    g_test_add_func("/qemu-opts/get/number-size", test_get_number_and_size);
    g_test_add_func("/qemu-opts/get/defaults", test_defaults);
    g_test_add_func("/qemu-opts/get/last-wins", test_last_value_wins);
    g_test_add_func("/qemu-opts/set/typed", test_opt_set);
    g_test_add_func("/qemu-opts/set/unset", test_opt_unset);
    g_test_add_func("/qemu-opts/create/existing",
                    test_create_existing_without_fail);
    g_test_add_func("/qemu-opts/merge/one-entry", test_merge_lists);
    g_test_add_func("/qemu-opts/merge/reject-id", test_merge_lists_reject_id);
    g_test_add_func("/qemu-opts/help/detected", test_help_detected);
    g_test_add_func("/qemu-opts/help/after-value", test_help_after_value);
    g_test_add_func("/qemu-opts/help/absent", test_no_help);
    g_test_add_func("/qemu-opts/help/text", test_print_help_text);
    g_test_add_func("/qemu-opts/noisily/help", test_noisily_prints_help);
    g_test_add_func("/qemu-opts/noisily/error", test_noisily_reports_error);
    g_test_add_func("/qemu-opts/validate", test_validate);
    g_test_add_func("/qemu-opts/foreach/list", test_opts_foreach);
    g_test_add_func("/qemu-opts/foreach/opts", test_opt_foreach_in_order);
    g_test_add_func("/qemu-opts/del", test_opts_del);
    g_test_add_func("/qemu-opts/json/to", test_to_json);
    g_test_add_func("/qemu-opts/json/from", test_from_json);
    g_test_add_func("/qemu-opts/json/from-rejects-object",
                    test_from_json_rejects_object);
    g_test_add_func("/qemu-opts/config/registry", test_config_registry);

    return g_test_run();
}
