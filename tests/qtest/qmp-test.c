/*
 * QMP protocol conformance over the real binary: the greeting,
 * capabilities negotiation, malformed input, ids, run-control events and
 * quit.  Whatever a client sends, the session must go on.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* The machine does not matter here: the emptiest one starts fastest. */
#define QMP_TEST_ARGS "-machine none"

/* Send raw text and expect one error reply of @class. */
static void expect_raw_error(QTestState *qts, const char *text,
                             const char *class)
{
    qtest_qmp_send_raw(qts, "%s", text);
    qmp_expect_error_and_unref(qtest_qmp_receive(qts), class);
}

/* The session still works: a harmless command succeeds. */
static void assert_alive(QTestState *qts)
{
    json_t *ret = qtest_qmp_assert_success_ref(qts,
                                               "{'execute': 'query-version'}");

    g_assert_true(json_is_object(json_object_get(ret, "qemu")));
    json_decref(ret);
}

/* {"QMP": {"version": {"qemu": {...}, "package": s}, "capabilities": []}} */
static void test_greeting(void)
{
    QTestState *qts = qtest_init_without_qmp_handshake(QMP_TEST_ARGS);
    json_t *greeting = qtest_qmp_receive_dict(qts);
    json_t *qmp = json_object_get(greeting, "QMP");
    json_t *version = json_object_get(qmp, "version");
    json_t *qemu = json_object_get(version, "qemu");

    g_assert_true(json_is_object(qmp));
    g_assert_true(json_is_integer(json_object_get(qemu, "major")));
    g_assert_true(json_is_integer(json_object_get(qemu, "minor")));
    g_assert_true(json_is_integer(json_object_get(qemu, "micro")));
    g_assert_true(json_is_string(json_object_get(version, "package")));
    /* No out-of-band capability: the monitor runs in the main loop. */
    g_assert_true(json_is_array(json_object_get(qmp, "capabilities")));
    g_assert_cmpint(json_array_size(json_object_get(qmp, "capabilities")),
                    ==, 0);
    json_decref(greeting);
    qtest_quit(qts);
}

/* Before qmp_capabilities only qmp_capabilities runs; after, it doesn't. */
static void test_negotiation(void)
{
    QTestState *qts = qtest_init_without_qmp_handshake(QMP_TEST_ARGS);
    json_t *rsp;

    json_decref(qtest_qmp_receive_dict(qts));    /* greeting */

    rsp = qtest_qmp(qts, "{'execute': 'query-version', 'id': 'early'}");
    g_assert_cmpstr(json_string_value(json_object_get(rsp, "id")), ==,
                    "early");
    qmp_expect_error_and_unref(rsp, "CommandNotFound");

    /* Nothing was offered, so nothing can be enabled. */
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'qmp_capabilities', 'arguments': {'enable': ['oob']}}"),
        "GenericError");

    qtest_qmp_assert_success(qts, "{'execute': 'qmp_capabilities'}");
    assert_alive(qts);
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'qmp_capabilities'}"), "CommandNotFound");
    qtest_quit(qts);
}

/* Malformed requests each get one GenericError; the session goes on. */
static void test_bad_input(void)
{
    static const char *const bad[] = {
        "{]\n",                                     /* not JSON */
        "\"just a string\"\n",                      /* not an object */
        "[1, 2, 3]\n",
        "42\n",
        "{}\n",                                     /* no execute */
        "{\"arguments\": {}}\n",
        "{\"execute\": 42}\n",                      /* execute not a string */
        "{\"execute\": \"query-version\", \"arguments\": []}\n",
        "{\"execute\": \"query-version\", \"extra\": 1}\n",
        "{\"exec-oob\": \"query-version\"}\n",       /* no OOB here */
        "{\"execute\": \"query-version\", \"exec-oob\": \"stop\"}\n",
        "{\"execute\": \"query-version\"\n\n\"oops\"}\n",
    };
    QTestState *qts = qtest_init(QMP_TEST_ARGS);

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        expect_raw_error(qts, bad[i], "GenericError");
        assert_alive(qts);
    }
    qtest_quit(qts);
}

/* Unknown commands and bad arguments. */
static void test_bad_commands(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);

    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'no-such-command'}"), "CommandNotFound");
    /* Missing mandatory argument. */
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'qom-list'}"), "GenericError");
    /* Wrong argument type. */
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'qom-list', 'arguments': {'path': 42}}"),
        "GenericError");
    /* Unknown argument. */
    qmp_expect_error_and_unref(qtest_qmp(qts,
        "{'execute': 'query-version', 'arguments': {'bogus': true}}"),
        "GenericError");
    assert_alive(qts);
    qtest_quit(qts);
}

/* Any JSON value works as an id and comes back unchanged. */
static void test_id(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    json_t *rsp;

    rsp = qtest_qmp(qts, "{'execute': 'query-version', 'id': 'str'}");
    g_assert_cmpstr(json_string_value(json_object_get(rsp, "id")), ==, "str");
    json_decref(rsp);

    rsp = qtest_qmp(qts, "{'execute': 'query-version', 'id': 42}");
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 42);
    json_decref(rsp);

    rsp = qtest_qmp(qts, "{'execute': 'query-version',"
                    " 'id': {'a': [1, 'two']}}");
    g_assert_cmpstr(json_string_value(json_array_get(json_object_get(
        json_object_get(rsp, "id"), "a"), 1)), ==, "two");
    json_decref(rsp);

    /* Errors carry the id too. */
    rsp = qtest_qmp(qts, "{'execute': 'nope', 'id': 7}");
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 7);
    qmp_expect_error_and_unref(rsp, "CommandNotFound");
    qtest_quit(qts);
}

/* A request split across writes, and several requests in one write. */
static void test_framing(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    json_t *rsp;

    qtest_qmp_send_raw(qts, "{\"execute\": \"query-");
    qtest_qmp_send_raw(qts, "version\", \"id\": 1}");
    rsp = qtest_qmp_receive(qts);
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 1);
    json_decref(rsp);

    qtest_qmp_send_raw(qts, "{\"execute\": \"query-status\", \"id\": 2}"
                       "{\"execute\": \"query-version\", \"id\": 3}");
    rsp = qtest_qmp_receive(qts);
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 2);
    json_decref(rsp);
    rsp = qtest_qmp_receive(qts);
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 3);
    json_decref(rsp);

    /* Braces inside strings do not confuse the framing. */
    rsp = qtest_qmp(qts, "{'execute': 'query-version', 'id': '}{]['}");
    g_assert_cmpstr(json_string_value(json_object_get(rsp, "id")), ==,
                    "}{][");
    json_decref(rsp);
    qtest_quit(qts);
}

/* Nesting beyond the limit is refused once, then parsing resumes. */
static void test_too_deep(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    GString *deep = g_string_new(NULL);

    for (int i = 0; i < 2000; i++) {
        g_string_append_c(deep, '[');
    }
    for (int i = 0; i < 2000; i++) {
        g_string_append_c(deep, ']');
    }
    g_string_append_c(deep, '\n');
    expect_raw_error(qts, deep->str, "GenericError");
    g_string_free(deep, true);
    assert_alive(qts);
    qtest_quit(qts);
}

/* query-commands lists the commands this session can run. */
static void test_query_commands(void)
{
    static const char *const expected[] = {
        "qmp_capabilities", "query-commands", "query-version",
        "query-status", "stop", "cont", "quit", "qom-list", "qom-get",
        "device_add", "device_del", "device-list-properties",
        "human-monitor-command",
    };
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    json_t *list = qtest_qmp_assert_success_ref(qts,
                       "{'execute': 'query-commands'}");
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    json_t *item;
    size_t i;

    json_array_foreach(list, i, item) {
        const char *name = json_string_value(json_object_get(item, "name"));

        g_assert_nonnull(name);
        g_hash_table_add(names, (gpointer)name);
    }
    for (i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_assert_true(g_hash_table_contains(names, expected[i]));
    }
    json_decref(list);
    qtest_quit(qts);
}

/* stop/cont change query-status and announce STOP and RESUME. */
static void test_stop_cont(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    json_t *st;

    qtest_qmp_assert_success(qts, "{'execute': 'stop'}");
    qtest_qmp_eventwait(qts, "STOP");
    st = qtest_qmp_assert_success_ref(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(json_string_value(json_object_get(st, "status")), ==,
                    "paused");
    g_assert_true(json_is_false(json_object_get(st, "running")));
    json_decref(st);

    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    qtest_qmp_eventwait(qts, "RESUME");
    st = qtest_qmp_assert_success_ref(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(json_string_value(json_object_get(st, "status")), ==,
                    "running");
    json_decref(st);
    qtest_quit(qts);
}

/* quit replies, announces SHUTDOWN and exits with status 0. */
static void test_quit(void)
{
    QTestState *qts = qtest_init(QMP_TEST_ARGS);
    json_t *ev;

    qtest_qmp_assert_success(qts, "{'execute': 'quit'}");
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "reason")), ==, "host-qmp-quit");
    g_assert_true(json_is_object(json_object_get(ev, "timestamp")));
    json_decref(ev);
    g_assert_true(qtest_wait_qemu(qts));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("qmp/greeting", test_greeting);
    qtest_add_func("qmp/negotiation", test_negotiation);
    qtest_add_func("qmp/bad-input", test_bad_input);
    qtest_add_func("qmp/bad-commands", test_bad_commands);
    qtest_add_func("qmp/id", test_id);
    qtest_add_func("qmp/framing", test_framing);
    qtest_add_func("qmp/too-deep", test_too_deep);
    qtest_add_func("qmp/query-commands", test_query_commands);
    qtest_add_func("qmp/stop-cont", test_stop_cont);
    qtest_add_func("qmp/quit", test_quit);
    return g_test_run();
}
