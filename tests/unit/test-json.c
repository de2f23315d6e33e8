/*
 * Tests for util/json-util.c: QEMU-style rendering and the streaming
 * message splitter used for QMP input.
 */
#include "qemu/osdep.h"
#include "qemu/json-util.h"

/* What the splitter emitted: rendered messages and error texts in order. */
typedef struct Collected {
    GPtrArray *items;       /* "ok: <json>" or "error: <message>" */
} Collected;

static void collect_emit(void *opaque, json_t *json, Error *err)
{
    Collected *c = opaque;

    g_assert_true((json == NULL) != (err == NULL));
    if (json) {
        g_autofree char *text = json_dumps_compact(json);

        g_ptr_array_add(c->items, g_strdup_printf("ok: %s", text));
        json_decref(json);
    } else {
        g_ptr_array_add(c->items, g_strdup_printf("error: %s",
                                                  error_get_pretty(err)));
        error_free(err);
    }
}

typedef struct Fixture {
    JSONMessageParser parser;
    Collected got;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    f->got.items = g_ptr_array_new_with_free_func(g_free);
    json_message_parser_init(&f->parser, collect_emit, &f->got);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    json_message_parser_destroy(&f->parser);
    g_ptr_array_free(f->got.items, true);
}

static void feed(Fixture *f, const char *s)
{
    json_message_parser_feed(&f->parser, s, strlen(s));
}

static const char *item(Fixture *f, guint i)
{
    g_assert_cmpuint(i, <, f->got.items->len);
    return g_ptr_array_index(f->got.items, i);
}

/* --- rendering --- */

static void test_render_qmp_return(void)
{
    json_t *v = json_pack("{s:{}}", "return");
    g_autofree char *text = json_dumps_compact(v);

    g_assert_cmpstr(text, ==, "{\"return\": {}}");
    json_decref(v);
}

static void test_render_separators_and_order(void)
{
    json_t *v = json_object();
    g_autofree char *text = NULL;

    /* Insertion order, not alphabetical. */
    json_object_set_new(v, "z", json_integer(1));
    json_object_set_new(v, "a", json_pack("[iis]", 2, 3, "x"));
    json_object_set_new(v, "m", json_true());
    text = json_dumps_compact(v);
    g_assert_cmpstr(text, ==, "{\"z\": 1, \"a\": [2, 3, \"x\"], \"m\": true}");
    json_decref(v);
}

static void test_render_scalars(void)
{
    json_t *s = json_string("hi");
    json_t *n = json_null();
    json_t *e = json_array();
    g_autofree char *ts = json_dumps_compact(s);
    g_autofree char *tn = json_dumps_compact(n);
    g_autofree char *te = json_dumps_compact(e);

    g_assert_cmpstr(ts, ==, "\"hi\"");
    g_assert_cmpstr(tn, ==, "null");
    g_assert_cmpstr(te, ==, "[]");
    json_decref(s);
    json_decref(n);
    json_decref(e);
}

static void test_render_escapes(void)
{
    json_t *s = json_string("a\"b\\c\n\x01\xc3\xa9");
    g_autofree char *text = json_dumps_compact(s);

    /* Control and non-ASCII characters are escaped, QEMU style. */
    g_assert_cmpstr(text, ==, "\"a\\\"b\\\\c\\n\\u0001\\u00E9\"");
    json_decref(s);
}

static void test_render_pretty(void)
{
    json_t *v = json_pack("{s:i}", "a", 1);
    g_autofree char *text = json_dumps_pretty(v);

    g_assert_cmpstr(text, ==, "{\n    \"a\": 1\n}");
    json_decref(v);
}

static void test_parse_string_error(void)
{
    Error *err = NULL;
    json_t *ok = json_parse_string("{\"a\": [1]}", &error_abort);

    g_assert_true(json_is_object(ok));
    json_decref(ok);
    g_assert_null(json_parse_string("{\"a\": }", &err));
    g_assert_true(g_str_has_prefix(error_get_pretty(err),
                                   "JSON parse error, "));
    error_free(err);
}

static void test_type_names(void)
{
    json_t *v = json_pack("[{}, [], s, i, f, b, n]", "s", 1, 1.5, 1);
    static const char *const names[] = {
        "object", "array", "string", "integer", "number", "boolean", "null",
    };

    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        g_assert_cmpstr(json_type_name(json_array_get(v, i)), ==, names[i]);
    }
    json_decref(v);
}

/* --- splitter --- */

static void test_split_single(Fixture *f, gconstpointer data)
{
    feed(f, "{\"execute\": \"qmp_capabilities\"}");
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==,
                    "ok: {\"execute\": \"qmp_capabilities\"}");
}

static void test_split_across_reads(Fixture *f, gconstpointer data)
{
    const char *msg = "{\"execute\": \"query-status\", \"id\": [1, {}]}";

    /* One byte at a time: nothing until the last byte. */
    for (size_t i = 0; msg[i]; i++) {
        g_assert_cmpuint(f->got.items->len, ==, 0);
        json_message_parser_feed(&f->parser, msg + i, 1);
    }
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==,
                    "ok: {\"execute\": \"query-status\", \"id\": [1, {}]}");
}

static void test_split_batched(Fixture *f, gconstpointer data)
{
    feed(f, "{\"a\": 1}{\"b\": 2}\n  {\"c\": 3}\r\n[4]");
    g_assert_cmpuint(f->got.items->len, ==, 4);
    g_assert_cmpstr(item(f, 0), ==, "ok: {\"a\": 1}");
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"b\": 2}");
    g_assert_cmpstr(item(f, 2), ==, "ok: {\"c\": 3}");
    g_assert_cmpstr(item(f, 3), ==, "ok: [4]");
}

static void test_split_braces_in_strings(Fixture *f, gconstpointer data)
{
    feed(f, "{\"s\": \"}{][\"}");
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==, "ok: {\"s\": \"}{][\"}");
}

static void test_split_escaped_quote(Fixture *f, gconstpointer data)
{
    /* The \" does not end the string, so the } inside stays text. */
    feed(f, "{\"s\": \"a\\\"}\\\\\"}");
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==, "ok: {\"s\": \"a\\\"}\\\\\"}");
}

static void test_split_escape_split_across_reads(Fixture *f,
                                                 gconstpointer data)
{
    feed(f, "{\"s\": \"a\\");
    feed(f, "\"}\"}");
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==, "ok: {\"s\": \"a\\\"}\"}");
}

static void test_split_top_level_scalars(Fixture *f, gconstpointer data)
{
    feed(f, "42 true \"str\"{}");
    g_assert_cmpuint(f->got.items->len, ==, 4);
    g_assert_cmpstr(item(f, 0), ==, "ok: 42");
    g_assert_cmpstr(item(f, 1), ==, "ok: true");
    g_assert_cmpstr(item(f, 2), ==, "ok: \"str\"");
    g_assert_cmpstr(item(f, 3), ==, "ok: {}");
}

static void test_split_scalar_flushed_at_eof(Fixture *f, gconstpointer data)
{
    feed(f, "123");
    g_assert_cmpuint(f->got.items->len, ==, 0);     /* could be 1234... */
    json_message_parser_flush(&f->parser);
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==, "ok: 123");
}

static void test_split_parse_error_then_recover(Fixture *f,
                                                gconstpointer data)
{
    feed(f, "{\"a\": nope}{\"b\": 1}");
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_true(g_str_has_prefix(item(f, 0), "error: JSON parse error, "));
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"b\": 1}");
}

static void test_split_stray_close(Fixture *f, gconstpointer data)
{
    feed(f, "}{\"ok\": 1}");
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_true(g_str_has_prefix(item(f, 0), "error: JSON parse error"));
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"ok\": 1}");
}

static void test_split_oversize_rejected(Fixture *f, gconstpointer data)
{
    /* A valid but too large message, then a small one. */
    size_t n = JSON_MESSAGE_MAX_SIZE + 16;
    g_autofree char *big = g_malloc(n + 32);
    size_t len;

    len = g_snprintf(big, 32, "{\"pad\": \"");
    memset(big + len, 'x', n);
    len += n;
    memcpy(big + len, "\"}", 3);
    len += 2;
    /* Feed it in chunks, as a socket would deliver it. */
    for (size_t off = 0; off < len; off += 65536) {
        json_message_parser_feed(&f->parser, big + off,
                                 MIN(65536, len - off));
    }
    feed(f, "{\"after\": true}");
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_cmpstr(item(f, 0), ==,
                    "error: JSON message exceeds the size limit of "
                    "10485760 bytes");
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"after\": true}");
}

static void test_split_overdeep_rejected(Fixture *f, gconstpointer data)
{
    int depth = JSON_MESSAGE_MAX_DEPTH + 1;
    GString *s = g_string_new(NULL);

    for (int i = 0; i < depth; i++) {
        g_string_append_c(s, '[');
    }
    for (int i = 0; i < depth; i++) {
        g_string_append_c(s, ']');
    }
    g_string_append(s, "{\"next\": 1}");
    feed(f, s->str);
    g_string_free(s, true);
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_cmpstr(item(f, 0), ==,
                    "error: JSON nesting exceeds the depth limit of 1024");
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"next\": 1}");
}

static void test_split_max_depth_accepted(Fixture *f, gconstpointer data)
{
    int depth = JSON_MESSAGE_MAX_DEPTH;
    GString *s = g_string_new(NULL);

    for (int i = 0; i < depth; i++) {
        g_string_append_c(s, '[');
    }
    for (int i = 0; i < depth; i++) {
        g_string_append_c(s, ']');
    }
    feed(f, s->str);
    g_string_free(s, true);
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_true(g_str_has_prefix(item(f, 0), "ok: [[[["));
}

static void test_split_unfinished_at_flush(Fixture *f, gconstpointer data)
{
    feed(f, "{\"a\": [1, 2");
    json_message_parser_flush(&f->parser);
    g_assert_cmpuint(f->got.items->len, ==, 1);
    g_assert_cmpstr(item(f, 0), ==,
                    "error: JSON parse error, premature end of input after "
                    "11 bytes");
    /* The parser is reset and usable again. */
    feed(f, "{}");
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_cmpstr(item(f, 1), ==, "ok: {}");
}

static void test_split_invalid_utf8(Fixture *f, gconstpointer data)
{
    feed(f, "{\"a\": \"\xff\"}{\"b\": 2}");
    g_assert_cmpuint(f->got.items->len, ==, 2);
    g_assert_true(g_str_has_prefix(item(f, 0), "error: JSON parse error"));
    g_assert_cmpstr(item(f, 1), ==, "ok: {\"b\": 2}");
}

static void add_split_test(const char *path,
                           void (*fn)(Fixture *, gconstpointer))
{
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/json/render/qmp-return", test_render_qmp_return);
    g_test_add_func("/json/render/separators-order",
                    test_render_separators_and_order);
    g_test_add_func("/json/render/scalars", test_render_scalars);
    g_test_add_func("/json/render/escapes", test_render_escapes);
    g_test_add_func("/json/render/pretty", test_render_pretty);
    g_test_add_func("/json/parse/error", test_parse_string_error);
    g_test_add_func("/json/type-names", test_type_names);

    add_split_test("/json/splitter/single", test_split_single);
    add_split_test("/json/splitter/split-reads", test_split_across_reads);
    add_split_test("/json/splitter/batched", test_split_batched);
    add_split_test("/json/splitter/braces-in-strings",
                   test_split_braces_in_strings);
    add_split_test("/json/splitter/escaped-quote", test_split_escaped_quote);
    add_split_test("/json/splitter/escape-split",
                   test_split_escape_split_across_reads);
    add_split_test("/json/splitter/top-level-scalars",
                   test_split_top_level_scalars);
    add_split_test("/json/splitter/scalar-at-eof",
                   test_split_scalar_flushed_at_eof);
    add_split_test("/json/splitter/parse-error-recovers",
                   test_split_parse_error_then_recover);
    add_split_test("/json/splitter/stray-close", test_split_stray_close);
    add_split_test("/json/splitter/oversize", test_split_oversize_rejected);
    add_split_test("/json/splitter/overdeep", test_split_overdeep_rejected);
    add_split_test("/json/splitter/max-depth-ok",
                   test_split_max_depth_accepted);
    add_split_test("/json/splitter/unfinished-at-flush",
                   test_split_unfinished_at_flush);
    add_split_test("/json/splitter/invalid-utf8", test_split_invalid_utf8);

    return g_test_run();
}
