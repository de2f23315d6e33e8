/*
 * QMP protocol and command tests: a QMP monitor on an in-memory chardev,
 * driven the way a client drives it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/json-util.h"
#include "hw/qdev-core.h"
#include "monitor/monitor.h"
#include "monitor/qapi-events.h"
#include "test-qmp-harness.h"

/* ---- a device to plug -------------------------------------------------- */

#define TYPE_TEST_MON_DEV "test-mon-dev"

typedef struct TestMonDev {
    DeviceState parent_obj;
    uint32_t level;
} TestMonDev;

static void test_mon_dev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->desc = "monitor test device";
    object_class_property_add_uint32_ptr(oc, "level",
                                         offsetof(TestMonDev, level),
                                         OBJ_PROP_FLAG_READWRITE);
}

static const TypeInfo test_mon_dev_info = {
    .name = TYPE_TEST_MON_DEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TestMonDev),
    .class_init = test_mon_dev_class_init,
};

static void test_mon_dev_register(void)
{
    type_register_static(&test_mon_dev_info);
}
type_init(test_mon_dev_register)

/* ---- helpers ----------------------------------------------------------- */

/* A QMP monitor whose client is connected; the greeting is consumed. */
static Chardev *qmp_open(const char *label)
{
    Chardev *chr = test_chr_new(label, true);
    json_t *greeting;

    fake_runstate_reset();
    monitor_init_qmp(chr, false, &error_abort);
    greeting = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(greeting, "QMP"));
    json_decref(greeting);
    return chr;
}

static json_t *qmp_cmd(Chardev *chr, const char *text)
{
    json_t *rsp;

    test_chr_send(chr, text);
    rsp = test_chr_next_json(chr);
    g_assert_nonnull(rsp);
    return rsp;
}

/* Negotiated: in command mode. */
static Chardev *qmp_open_negotiated(const char *label)
{
    Chardev *chr = qmp_open(label);
    json_t *rsp = qmp_cmd(chr, "{\"execute\": \"qmp_capabilities\"}");

    g_assert_nonnull(json_object_get(rsp, "return"));
    json_decref(rsp);
    return chr;
}

static void qmp_close(Chardev *chr)
{
    monitor_cleanup();
    test_chr_free(chr);
}

/* Assert @rsp is an error of @cls whose desc is @desc (NULL: any). */
static void assert_error(json_t *rsp, const char *cls, const char *desc)
{
    json_t *err = json_object_get(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_string_value(json_object_get(err, "class")), ==,
                    cls);
    if (desc) {
        g_assert_cmpstr(json_string_value(json_object_get(err, "desc")),
                        ==, desc);
    }
    json_decref(rsp);
}

static void assert_cmd_error(Chardev *chr, const char *text,
                             const char *cls, const char *desc)
{
    assert_error(qmp_cmd(chr, text), cls, desc);
}

/* The command succeeds; returns its "return" value (a new reference). */
static json_t *qmp_ok(Chardev *chr, const char *text)
{
    json_t *rsp = qmp_cmd(chr, text);
    json_t *ret = json_object_get(rsp, "return");

    if (!ret) {
        g_error("%s failed: %s", text, json_dumps(rsp, 0));
    }
    json_incref(ret);
    json_decref(rsp);
    return ret;
}

/* The connection still answers a simple command. */
static void assert_alive(Chardev *chr)
{
    json_t *ret = qmp_ok(chr, "{\"execute\": \"query-version\"}");

    g_assert_nonnull(json_object_get(ret, "qemu"));
    json_decref(ret);
}

static json_t *next_event(Chardev *chr, const char *name)
{
    json_t *ev = test_chr_next_json(chr);
    json_t *ts;

    g_assert_nonnull(ev);
    g_assert_cmpstr(json_string_value(json_object_get(ev, "event")), ==,
                    name);
    ts = json_object_get(ev, "timestamp");
    g_assert_true(json_is_integer(json_object_get(ts, "seconds")));
    g_assert_true(json_is_integer(json_object_get(ts, "microseconds")));
    g_assert_cmpint(json_integer_value(json_object_get(ts, "seconds")), >,
                    0);
    return ev;
}

/* ---- greeting and negotiation ------------------------------------------ */

static void test_greeting_shape(void)
{
    Chardev *chr = test_chr_new("qmp0", true);
    g_autofree char *text = NULL;
    json_t *g, *version, *qemu;

    monitor_init_qmp(chr, false, &error_abort);
    text = test_chr_take(chr);
    /* One line, CRLF-terminated. */
    g_assert_true(g_str_has_suffix(text, "}\r\n"));
    g_assert_true(strchr(text, '\n') == text + strlen(text) - 1);
    g = json_loads(text, 0, NULL);
    g_assert_nonnull(g);
    version = json_object_get(json_object_get(g, "QMP"), "version");
    qemu = json_object_get(version, "qemu");
    g_assert_cmpint(json_integer_value(json_object_get(qemu, "major")), ==,
                    0);
    g_assert_cmpint(json_integer_value(json_object_get(qemu, "minor")), ==,
                    1);
    g_assert_cmpint(json_integer_value(json_object_get(qemu, "micro")), ==,
                    0);
    g_assert_true(json_is_string(json_object_get(version, "package")));
    g_assert_true(json_is_array(json_object_get(json_object_get(g, "QMP"),
                                                "capabilities")));
    g_assert_cmpint(json_array_size(json_object_get(
        json_object_get(g, "QMP"), "capabilities")), ==, 0);
    json_decref(g);
    qmp_close(chr);
}

static void test_greeting_on_connect(void)
{
    Chardev *chr = test_chr_new("qmp0", false);
    json_t *g;

    monitor_init_qmp(chr, false, &error_abort);
    /* Nobody is connected yet: nothing to say. */
    g_assert_false(test_chr_has_output(chr));
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    g = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(g, "QMP"));
    json_decref(g);
    qmp_close(chr);
}

static void test_negotiation_rejects_commands(void)
{
    Chardev *chr = qmp_open("qmp0");
    const char *expect = "Expecting capabilities negotiation with "
                         "'qmp_capabilities'";

    assert_cmd_error(chr, "{\"execute\": \"query-status\"}",
                     "CommandNotFound", expect);
    assert_cmd_error(chr, "{\"execute\": \"no-such-command\"}",
                     "CommandNotFound", expect);
    /* Still in negotiation: capabilities now succeeds. */
    json_decref(qmp_ok(chr, "{\"execute\": \"qmp_capabilities\"}"));
    assert_alive(chr);
    qmp_close(chr);
}

static void test_negotiation_twice(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"qmp_capabilities\"}",
                     "CommandNotFound",
                     "Capabilities negotiation is already complete, "
                     "command ignored");
    qmp_close(chr);
}

static void test_negotiation_unknown_capability(void)
{
    Chardev *chr = qmp_open("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"qmp_capabilities\", "
                     "\"arguments\": {\"enable\": [\"oob\"]}}",
                     "GenericError", "Capability 'oob' not available");
    /* The failed negotiation left the monitor in negotiation mode. */
    assert_cmd_error(chr, "{\"execute\": \"query-status\"}",
                     "CommandNotFound", NULL);
    qmp_close(chr);
}

static void test_negotiation_reconnect(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *g;

    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    g = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(g, "QMP"));
    json_decref(g);
    /* The new client starts in negotiation mode. */
    assert_cmd_error(chr, "{\"execute\": \"query-status\"}",
                     "CommandNotFound", NULL);
    qmp_close(chr);
}

/* ---- framing ----------------------------------------------------------- */

static void test_input_split(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    const char *msg = "{\"execute\": \"query-status\", \"id\": \"x{[\"}";
    json_t *rsp;

    for (const char *p = msg; *p; p++) {
        char one[2] = { *p, 0 };

        g_assert_false(test_chr_has_output(chr));
        test_chr_send(chr, one);
    }
    rsp = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(rsp, "return"));
    g_assert_cmpstr(json_string_value(json_object_get(rsp, "id")), ==,
                    "x{[");
    json_decref(rsp);
    qmp_close(chr);
}

static void test_input_batched(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *rsp;

    test_chr_send(chr, "{\"execute\": \"query-status\", \"id\": 1}"
                  "{\"execute\": \"nope\", \"id\": 2}\n"
                  "{\"execute\": \"query-name\", \"id\": 3}");
    for (int i = 1; i <= 3; i++) {
        rsp = test_chr_next_json(chr);
        g_assert_nonnull(rsp);
        g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==,
                        i);
        g_assert_true((i == 2) == !!json_object_get(rsp, "error"));
        json_decref(rsp);
    }
    g_assert_false(test_chr_has_output(chr));
    qmp_close(chr);
}

static void test_input_not_object(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    const char *inputs[] = { "[1, 2]", "\"execute\"", "42\n", "null\n" };

    for (size_t i = 0; i < G_N_ELEMENTS(inputs); i++) {
        assert_cmd_error(chr, inputs[i], "GenericError",
                         "QMP input must be a JSON object");
        assert_alive(chr);
    }
    qmp_close(chr);
}

static void test_input_missing_execute(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *rsp = qmp_cmd(chr, "{\"id\": 7}");

    /* The id still comes back, so the client can match the error. */
    g_assert_cmpint(json_integer_value(json_object_get(rsp, "id")), ==, 7);
    assert_error(rsp, "GenericError", "QMP input lacks member 'execute'");
    assert_cmd_error(chr, "{}", "GenericError",
                     "QMP input lacks member 'execute'");
    assert_alive(chr);
    qmp_close(chr);
}

static void test_input_unexpected_member(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"query-status\", \"x\": 1}",
                     "GenericError", "QMP input member 'x' is unexpected");
    assert_alive(chr);
    qmp_close(chr);
}

static void test_input_bad_member_types(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": 1}", "GenericError",
                     "QMP input member 'execute' must be a string");
    assert_cmd_error(chr, "{\"execute\": \"stop\", \"arguments\": []}",
                     "GenericError",
                     "QMP input member 'arguments' must be an object");
    assert_alive(chr);
    qmp_close(chr);
}

static void test_input_bad_json(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *rsp = qmp_cmd(chr, "{\"execute\": }");
    const char *desc;

    desc = json_string_value(json_object_get(json_object_get(rsp, "error"),
                                             "desc"));
    g_assert_true(g_str_has_prefix(desc, "JSON parse error"));
    /* A parse error has no id to echo. */
    g_assert_null(json_object_get(rsp, "id"));
    assert_error(rsp, "GenericError", NULL);
    assert_alive(chr);
    qmp_close(chr);
}

static void test_input_too_deep(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    GString *deep = g_string_new(NULL);

    for (int i = 0; i < JSON_MESSAGE_MAX_DEPTH + 10; i++) {
        g_string_append_c(deep, '[');
    }
    for (int i = 0; i < JSON_MESSAGE_MAX_DEPTH + 10; i++) {
        g_string_append_c(deep, ']');
    }
    assert_cmd_error(chr, deep->str, "GenericError", NULL);
    g_string_free(deep, true);
    g_assert_false(test_chr_has_output(chr));
    assert_alive(chr);
    qmp_close(chr);
}

static void test_input_too_large(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    GString *big = g_string_new("{\"execute\": \"query-status\", \"id\": \"");

    while (big->len < JSON_MESSAGE_MAX_SIZE + 16) {
        g_string_append(big, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    }
    g_string_append(big, "\"}");
    assert_cmd_error(chr, big->str, "GenericError", NULL);
    g_string_free(big, true);
    /* The rest of the oversized text was skipped, not parsed. */
    g_assert_false(test_chr_has_output(chr));
    assert_alive(chr);
    qmp_close(chr);
}

/* ---- id and arguments -------------------------------------------------- */

static void test_id_echo(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    const char *ids[] = {
        "1", "-5", "\"abc\"", "1.5", "null", "true", "false", "[1, \"a\"]",
        "{\"a\": {\"b\": [null]}}", "\"\\u00e9\"",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
        g_autofree char *req = g_strdup_printf(
            "{\"execute\": \"query-status\", \"id\": %s}", ids[i]);
        json_t *want = json_loads(ids[i], JSON_DECODE_ANY, NULL);
        json_t *rsp = qmp_cmd(chr, req);

        g_assert_true(json_equal(json_object_get(rsp, "id"), want));
        json_decref(want);
        json_decref(rsp);
    }
    /* On errors too. */
    {
        json_t *rsp = qmp_cmd(chr, "{\"execute\": \"nope\", \"id\": [3]}");

        g_assert_true(json_is_array(json_object_get(rsp, "id")));
        assert_error(rsp, "CommandNotFound",
                     "The command nope has not been found");
    }
    qmp_close(chr);
}

static void test_args_checked(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"qom-list\"}", "GenericError",
                     "Parameter 'path' is missing");
    assert_cmd_error(chr, "{\"execute\": \"qom-list\", \"arguments\": "
                     "{\"path\": 1}}", "GenericError",
                     "Invalid parameter type for 'path', expected: string");
    assert_cmd_error(chr, "{\"execute\": \"memsave\", \"arguments\": "
                     "{\"val\": \"0\", \"size\": 1, \"filename\": \"f\"}}",
                     "GenericError",
                     "Invalid parameter type for 'val', expected: integer");
    assert_cmd_error(chr, "{\"execute\": \"qom-list\", \"arguments\": "
                     "{\"path\": \"/\", \"bogus\": 1}}", "GenericError",
                     "Parameter 'bogus' is unexpected");
    assert_cmd_error(chr, "{\"execute\": \"stop\", \"arguments\": "
                     "{\"now\": true}}", "GenericError",
                     "Parameter 'now' is unexpected");
    assert_alive(chr);
    qmp_close(chr);
}

/* ---- events ------------------------------------------------------------ */

static void test_events_not_before_negotiation(void)
{
    Chardev *chr = qmp_open("qmp0");
    json_t *ev;

    vm_stop(RUN_STATE_PAUSED);
    g_assert_false(test_chr_has_output(chr));
    json_decref(qmp_ok(chr, "{\"execute\": \"qmp_capabilities\"}"));
    vm_start();
    ev = next_event(chr, "RESUME");
    g_assert_null(json_object_get(ev, "data"));
    json_decref(ev);
    qmp_close(chr);
}

static void test_events_stop_resume(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret;

    test_chr_send(chr, "{\"execute\": \"stop\"}");
    /* The VM stops while the command runs: the event comes first. */
    json_decref(next_event(chr, "STOP"));
    ret = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(ret, "return"));
    json_decref(ret);
    g_assert_true(runstate_check(RUN_STATE_PAUSED));

    test_chr_send(chr, "{\"execute\": \"cont\"}");
    json_decref(next_event(chr, "RESUME"));
    ret = test_chr_next_json(chr);
    g_assert_nonnull(json_object_get(ret, "return"));
    json_decref(ret);
    g_assert_true(runstate_is_running());
    qmp_close(chr);
}

static void test_events_shutdown(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ev, *data;

    json_decref(qmp_ok(chr, "{\"execute\": \"quit\"}"));
    g_assert_cmpint(fake_shutdown_request, ==, SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    fake_main_loop_act();
    ev = next_event(chr, "SHUTDOWN");
    data = json_object_get(ev, "data");
    g_assert_true(json_is_false(json_object_get(data, "guest")));
    g_assert_cmpstr(json_string_value(json_object_get(data, "reason")), ==,
                    "host-qmp-quit");
    json_decref(ev);

    /* A guest shutdown says so. */
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    fake_main_loop_act();
    ev = next_event(chr, "SHUTDOWN");
    data = json_object_get(ev, "data");
    g_assert_true(json_is_true(json_object_get(data, "guest")));
    g_assert_cmpstr(json_string_value(json_object_get(data, "reason")), ==,
                    "guest-shutdown");
    json_decref(ev);
    qmp_close(chr);
}

static void test_events_powerdown_reset(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ev;

    json_decref(qmp_ok(chr, "{\"execute\": \"system_powerdown\"}"));
    fake_main_loop_act();
    json_decref(next_event(chr, "POWERDOWN"));

    json_decref(qmp_ok(chr, "{\"execute\": \"system_reset\"}"));
    g_assert_cmpint(fake_reset_request, ==,
                    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    /* What the reset path sends once it has reset the machine. */
    qapi_event_send_reset(false, SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    ev = next_event(chr, "RESET");
    g_assert_cmpstr(json_string_value(json_object_get(
        json_object_get(ev, "data"), "reason")), ==, "host-qmp-system-reset");
    json_decref(ev);
    qmp_close(chr);
}

static void test_events_every_monitor(void)
{
    Chardev *a = qmp_open_negotiated("qmp0");
    Chardev *b = qmp_open_negotiated("qmp1");
    Chardev *c = qmp_open("qmp2");

    vm_stop(RUN_STATE_PAUSED);
    json_decref(next_event(a, "STOP"));
    json_decref(next_event(b, "STOP"));
    /* The one still negotiating hears nothing. */
    g_assert_false(test_chr_has_output(c));
    monitor_cleanup();
    test_chr_free(a);
    test_chr_free(b);
    test_chr_free(c);
}

static void test_events_device_deleted(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    Object *dev;
    json_t *ev, *data;

    json_decref(qmp_ok(chr, "{\"execute\": \"device_add\", \"arguments\": "
                       "{\"driver\": \"test-mon-dev\", \"id\": \"d0\"}}"));
    dev = object_resolve_path("/machine/peripheral/d0", NULL);
    g_assert_nonnull(dev);
    g_assert_false(test_chr_has_output(chr));
    /* Sent when the object is finalized, not before. */
    object_unparent(dev);
    ev = next_event(chr, "DEVICE_DELETED");
    data = json_object_get(ev, "data");
    g_assert_cmpstr(json_string_value(json_object_get(data, "device")), ==,
                    "d0");
    g_assert_cmpstr(json_string_value(json_object_get(data, "path")), ==,
                    "/machine/peripheral/d0");
    json_decref(ev);
    qmp_close(chr);
}

/* ---- commands ---------------------------------------------------------- */

static void test_cmd_query_status(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret = qmp_ok(chr, "{\"execute\": \"query-status\"}");

    g_assert_cmpstr(json_string_value(json_object_get(ret, "status")), ==,
                    "running");
    g_assert_true(json_is_true(json_object_get(ret, "running")));
    g_assert_true(json_is_false(json_object_get(ret, "singlestep")));
    json_decref(ret);
    vm_stop(RUN_STATE_PAUSED);
    json_decref(next_event(chr, "STOP"));
    ret = qmp_ok(chr, "{\"execute\": \"query-status\"}");
    g_assert_cmpstr(json_string_value(json_object_get(ret, "status")), ==,
                    "paused");
    g_assert_true(json_is_false(json_object_get(ret, "running")));
    json_decref(ret);
    qmp_close(chr);
}

static void test_cmd_cont_needs_reset(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    runstate_set(RUN_STATE_SHUTDOWN);
    assert_cmd_error(chr, "{\"execute\": \"cont\"}", "GenericError",
                     "Resetting the Virtual Machine is required");
    g_assert_true(runstate_check(RUN_STATE_SHUTDOWN));
    qmp_close(chr);
}

static bool list_has_name(json_t *list, const char *name)
{
    size_t i;
    json_t *v;

    json_array_foreach(list, i, v) {
        if (!g_strcmp0(json_string_value(json_object_get(v, "name")),
                       name)) {
            return true;
        }
    }
    return false;
}

static void test_cmd_query_commands(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret = qmp_ok(chr, "{\"execute\": \"query-commands\"}");
    const char *expected[] = {
        "qmp_capabilities", "query-version", "query-commands",
        "query-status", "query-name", "query-machines", "query-cpus-fast",
        "query-cpu-definitions", "query-chardev", "stop", "cont",
        "system_reset", "system_powerdown", "quit", "device_add",
        "device_del", "qom-list", "qom-get", "qom-set", "qom-list-types",
        "device-list-properties", "qom-list-properties",
        "human-monitor-command", "memsave", "pmemsave", "x-query-registers",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_assert_true(list_has_name(ret, expected[i]));
    }
    json_decref(ret);
    qmp_close(chr);
}

static void test_cmd_queries(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret;
    json_t *ch;

    ret = qmp_ok(chr, "{\"execute\": \"query-name\"}");
    g_assert_cmpint(json_object_size(ret), ==, 0);
    json_decref(ret);

    ret = qmp_ok(chr, "{\"execute\": \"query-chardev\"}");
    g_assert_cmpint(json_array_size(ret), ==, 1);
    ch = json_array_get(ret, 0);
    g_assert_cmpstr(json_string_value(json_object_get(ch, "label")), ==,
                    "qmp0");
    g_assert_cmpstr(json_string_value(json_object_get(ch, "filename")), ==,
                    "testbuf:qmp0");
    g_assert_true(json_is_true(json_object_get(ch, "frontend-open")));
    json_decref(ret);

    /* The CPU models are not linked into this program: just the shape. */
    ret = qmp_ok(chr, "{\"execute\": \"query-cpu-definitions\"}");
    g_assert_true(json_is_array(ret));
    json_decref(ret);

    ret = qmp_ok(chr, "{\"execute\": \"query-machines\"}");
    g_assert_true(json_is_array(ret));
    json_decref(ret);

    /* No CPU in this program: an empty list, and registers fail cleanly. */
    ret = qmp_ok(chr, "{\"execute\": \"query-cpus-fast\"}");
    g_assert_cmpint(json_array_size(ret), ==, 0);
    json_decref(ret);
    assert_cmd_error(chr, "{\"execute\": \"x-query-registers\"}",
                     "GenericError", "No CPU available");
    qmp_close(chr);
}

static void test_cmd_qom(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret;

    json_decref(qmp_ok(chr, "{\"execute\": \"device_add\", \"arguments\": "
                       "{\"driver\": \"test-mon-dev\", \"id\": \"d1\", "
                       "\"level\": 3}}"));
    ret = qmp_ok(chr, "{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
                 "\"/machine/peripheral/d1\", \"property\": \"level\"}}");
    g_assert_cmpint(json_integer_value(ret), ==, 3);
    json_decref(ret);

    json_decref(qmp_ok(chr, "{\"execute\": \"qom-set\", \"arguments\": "
                       "{\"path\": \"/machine/peripheral/d1\", \"property\":"
                       " \"level\", \"value\": 9}}"));
    ret = qmp_ok(chr, "{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
                 "\"/machine/peripheral/d1\", \"property\": \"level\"}}");
    g_assert_cmpint(json_integer_value(ret), ==, 9);
    json_decref(ret);

    ret = qmp_ok(chr, "{\"execute\": \"qom-list\", \"arguments\": "
                 "{\"path\": \"/machine/peripheral/d1\"}}");
    g_assert_true(list_has_name(ret, "level"));
    g_assert_true(list_has_name(ret, "realized"));
    json_decref(ret);

    assert_cmd_error(chr, "{\"execute\": \"qom-get\", \"arguments\": "
                     "{\"path\": \"/nowhere\", \"property\": \"x\"}}",
                     "DeviceNotFound", "Device '/nowhere' not found");
    assert_cmd_error(chr, "{\"execute\": \"qom-list\", \"arguments\": "
                     "{\"path\": \"/nowhere\"}}",
                     "DeviceNotFound", "Device '/nowhere' not found");
    /* A missing property is the property code's error, not a crash. */
    assert_cmd_error(chr, "{\"execute\": \"qom-get\", \"arguments\": "
                     "{\"path\": \"/machine/peripheral/d1\", \"property\": "
                     "\"nope\"}}", "GenericError", NULL);

    object_unparent(object_resolve_path("/machine/peripheral/d1", NULL));
    json_decref(next_event(chr, "DEVICE_DELETED"));
    qmp_close(chr);
}

static void test_cmd_types(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret;
    size_t i;
    json_t *v;
    bool saw_abstract = false;

    ret = qmp_ok(chr, "{\"execute\": \"qom-list-types\", \"arguments\": "
                 "{\"implements\": \"device\"}}");
    g_assert_true(list_has_name(ret, TYPE_TEST_MON_DEV));
    g_assert_false(list_has_name(ret, "device"));
    json_decref(ret);

    ret = qmp_ok(chr, "{\"execute\": \"qom-list-types\", \"arguments\": "
                 "{\"implements\": \"device\", \"abstract\": true}}");
    json_array_foreach(ret, i, v) {
        if (!g_strcmp0(json_string_value(json_object_get(v, "name")),
                       "device")) {
            saw_abstract = json_is_true(json_object_get(v, "abstract"));
        }
    }
    g_assert_true(saw_abstract);
    json_decref(ret);

    ret = qmp_ok(chr, "{\"execute\": \"device-list-properties\", "
                 "\"arguments\": {\"typename\": \"test-mon-dev\"}}");
    g_assert_true(list_has_name(ret, "level"));
    /* qdev's own properties are not for device_add. */
    g_assert_false(list_has_name(ret, "realized"));
    json_decref(ret);

    assert_cmd_error(chr, "{\"execute\": \"device-list-properties\", "
                     "\"arguments\": {\"typename\": \"nope\"}}",
                     "DeviceNotFound", "Device 'nope' not found");
    assert_cmd_error(chr, "{\"execute\": \"device-list-properties\", "
                     "\"arguments\": {\"typename\": \"container\"}}",
                     "GenericError", "Parameter 'typename' expects device");

    ret = qmp_ok(chr, "{\"execute\": \"qom-list-properties\", "
                 "\"arguments\": {\"typename\": \"test-mon-dev\"}}");
    g_assert_true(list_has_name(ret, "level"));
    g_assert_true(list_has_name(ret, "realized"));
    json_decref(ret);
    assert_cmd_error(chr, "{\"execute\": \"qom-list-properties\", "
                     "\"arguments\": {\"typename\": \"nope\"}}",
                     "GenericError", "Class 'nope' not found");
    qmp_close(chr);
}

static void test_cmd_device_errors(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"device_add\", \"arguments\": "
                     "{\"driver\": \"no-such-device\"}}", "GenericError",
                     NULL);
    assert_cmd_error(chr, "{\"execute\": \"device_add\", \"arguments\": "
                     "{\"id\": \"x\"}}", "GenericError",
                     "Parameter 'driver' is missing");
    /* An unknown property is the device's problem, not "unexpected". */
    assert_cmd_error(chr, "{\"execute\": \"device_add\", \"arguments\": "
                     "{\"driver\": \"test-mon-dev\", \"bogus\": 1}}",
                     "GenericError", NULL);
    g_assert_null(object_resolve_path("/machine/peripheral-anon/device[0]",
                                      NULL));

    json_decref(qmp_ok(chr, "{\"execute\": \"device_add\", \"arguments\": "
                       "{\"driver\": \"test-mon-dev\", \"id\": \"dup\"}}"));
    assert_cmd_error(chr, "{\"execute\": \"device_add\", \"arguments\": "
                     "{\"driver\": \"test-mon-dev\", \"id\": \"dup\"}}",
                     "GenericError", NULL);
    assert_cmd_error(chr, "{\"execute\": \"device_del\", \"arguments\": "
                     "{\"id\": \"nope\"}}", "DeviceNotFound",
                     "Device 'nope' not found");
    /* No hotplug handler in this program: refused, device untouched. */
    assert_cmd_error(chr, "{\"execute\": \"device_del\", \"arguments\": "
                     "{\"id\": \"dup\"}}", "GenericError", NULL);
    g_assert_nonnull(object_resolve_path("/machine/peripheral/dup", NULL));
    object_unparent(object_resolve_path("/machine/peripheral/dup", NULL));
    json_decref(next_event(chr, "DEVICE_DELETED"));
    qmp_close(chr);
}

static void test_cmd_human_monitor_command(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");
    json_t *ret;

    ret = qmp_ok(chr, "{\"execute\": \"human-monitor-command\", "
                 "\"arguments\": {\"command-line\": \"info status\"}}");
    g_assert_cmpstr(json_string_value(ret), ==, "VM status: running\r\n");
    json_decref(ret);

    test_chr_send(chr, "{\"execute\": \"human-monitor-command\", "
                  "\"arguments\": {\"command-line\": \"stop\"}}");
    /* The HMP command had the same effect as QMP's. */
    json_decref(next_event(chr, "STOP"));
    ret = test_chr_next_json(chr);
    g_assert_cmpstr(json_string_value(json_object_get(ret, "return")), ==,
                    "");
    json_decref(ret);
    g_assert_true(runstate_check(RUN_STATE_PAUSED));

    ret = qmp_ok(chr, "{\"execute\": \"human-monitor-command\", "
                 "\"arguments\": {\"command-line\": \"nonsense\"}}");
    g_assert_cmpstr(json_string_value(ret), ==,
                    "unknown command: 'nonsense'\r\n");
    json_decref(ret);

    assert_cmd_error(chr, "{\"execute\": \"human-monitor-command\", "
                     "\"arguments\": {\"command-line\": \"info status\", "
                     "\"cpu-index\": 5}}", "GenericError",
                     "Parameter 'cpu-index' expects a CPU number");
    qmp_close(chr);
}

static void test_cmd_pmemsave_errors(void)
{
    Chardev *chr = qmp_open_negotiated("qmp0");

    assert_cmd_error(chr, "{\"execute\": \"pmemsave\", \"arguments\": "
                     "{\"val\": 0, \"size\": 16, \"filename\": "
                     "\"/nonexistent-dir/x\"}}", "GenericError",
                     "Could not open '/nonexistent-dir/x': No such file or "
                     "directory");
    assert_cmd_error(chr, "{\"execute\": \"memsave\", \"arguments\": "
                     "{\"val\": 0, \"size\": 16, \"filename\": \"x\"}}",
                     "GenericError", "No CPU available");
    qmp_close(chr);
}

static void test_pretty(void)
{
    Chardev *chr = test_chr_new("qmp0", true);
    g_autofree char *text = NULL;
    json_t *g;

    monitor_init_qmp(chr, true, &error_abort);
    text = test_chr_take(chr);
    /* Several lines, each ending in CRLF, forming one JSON text. */
    g_assert_nonnull(strstr(text, "{\r\n"));
    g_assert_true(g_str_has_suffix(text, "}\r\n"));
    g = json_loads(text, 0, NULL);
    g_assert_nonnull(json_object_get(g, "QMP"));
    json_decref(g);
    qmp_close(chr);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qmp/greeting/shape", test_greeting_shape);
    g_test_add_func("/qmp/greeting/on-connect", test_greeting_on_connect);
    g_test_add_func("/qmp/greeting/pretty", test_pretty);
    g_test_add_func("/qmp/negotiation/rejects-commands",
                    test_negotiation_rejects_commands);
    g_test_add_func("/qmp/negotiation/twice", test_negotiation_twice);
    g_test_add_func("/qmp/negotiation/unknown-capability",
                    test_negotiation_unknown_capability);
    g_test_add_func("/qmp/negotiation/reconnect", test_negotiation_reconnect);
    g_test_add_func("/qmp/input/split-across-reads", test_input_split);
    g_test_add_func("/qmp/input/batched", test_input_batched);
    g_test_add_func("/qmp/input/not-object", test_input_not_object);
    g_test_add_func("/qmp/input/missing-execute",
                    test_input_missing_execute);
    g_test_add_func("/qmp/input/unexpected-member",
                    test_input_unexpected_member);
    g_test_add_func("/qmp/input/bad-member-types",
                    test_input_bad_member_types);
    g_test_add_func("/qmp/input/bad-json", test_input_bad_json);
    g_test_add_func("/qmp/input/too-deep", test_input_too_deep);
    g_test_add_func("/qmp/input/too-large", test_input_too_large);
    g_test_add_func("/qmp/id/echo-any-type", test_id_echo);
    g_test_add_func("/qmp/args/checked", test_args_checked);
    g_test_add_func("/qmp/events/not-before-negotiation",
                    test_events_not_before_negotiation);
    g_test_add_func("/qmp/events/stop-resume", test_events_stop_resume);
    g_test_add_func("/qmp/events/shutdown", test_events_shutdown);
    g_test_add_func("/qmp/events/powerdown-reset",
                    test_events_powerdown_reset);
    g_test_add_func("/qmp/events/every-monitor", test_events_every_monitor);
    g_test_add_func("/qmp/events/device-deleted",
                    test_events_device_deleted);
    g_test_add_func("/qmp/cmd/query-status", test_cmd_query_status);
    g_test_add_func("/qmp/cmd/cont-needs-reset", test_cmd_cont_needs_reset);
    g_test_add_func("/qmp/cmd/query-commands", test_cmd_query_commands);
    g_test_add_func("/qmp/cmd/queries", test_cmd_queries);
    g_test_add_func("/qmp/cmd/qom", test_cmd_qom);
    g_test_add_func("/qmp/cmd/types", test_cmd_types);
    g_test_add_func("/qmp/cmd/device-errors", test_cmd_device_errors);
    g_test_add_func("/qmp/cmd/human-monitor-command",
                    test_cmd_human_monitor_command);
    g_test_add_func("/qmp/cmd/memsave-errors", test_cmd_pmemsave_errors);
    return g_test_run();
}
