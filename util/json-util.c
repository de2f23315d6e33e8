/*
 * jansson helpers and the streaming JSON splitter; see
 * include/qemu/json-util.h.
 */
#include "qemu/osdep.h"
#include "qemu/json-util.h"

/* jansson allocates its dump results with malloc(); hand out g_malloc(). */
static char *json_dumps_flags(const json_t *json, size_t flags)
{
    char *text = json_dumps(json, flags);
    char *copy;

    g_assert(text);
    copy = g_strdup(text);
    free(text);
    return copy;
}

char *json_dumps_compact(const json_t *json)
{
    /*
     * Without JSON_COMPACT jansson separates with ", " and ": ", which is
     * exactly QEMU's single-line style.
     */
    return json_dumps_flags(json, JSON_ENCODE_ANY | JSON_ENSURE_ASCII |
                                  JSON_PRESERVE_ORDER);
}

char *json_dumps_pretty(const json_t *json)
{
    return json_dumps_flags(json, JSON_ENCODE_ANY | JSON_ENSURE_ASCII |
                                  JSON_PRESERVE_ORDER | JSON_INDENT(4));
}

json_t *json_parse_string(const char *text, Error **errp)
{
    json_error_t jerr;
    json_t *json = json_loads(text, JSON_DECODE_ANY, &jerr);

    if (!json) {
        error_setg(errp, "JSON parse error, %s", jerr.text);
    }
    return json;
}

const char *json_type_name(const json_t *json)
{
    switch (json_typeof(json)) {
    case JSON_OBJECT:
        return "object";
    case JSON_ARRAY:
        return "array";
    case JSON_STRING:
        return "string";
    case JSON_INTEGER:
        return "integer";
    case JSON_REAL:
        return "number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "boolean";
    case JSON_NULL:
        return "null";
    }
    g_assert_not_reached();
}

/* --- Streaming splitter --- */

void json_message_parser_init(JSONMessageParser *parser,
                              JSONMessageEmit *emit, void *opaque)
{
    memset(parser, 0, sizeof(*parser));
    parser->emit = emit;
    parser->opaque = opaque;
    parser->buf = g_string_new(NULL);
}

void json_message_parser_destroy(JSONMessageParser *parser)
{
    if (parser->buf) {
        g_string_free(parser->buf, true);
        parser->buf = NULL;
    }
}

static void emit_error(JSONMessageParser *parser, const char *fmt, int arg)
{
    Error *err = NULL;

    error_setg(&err, fmt, arg);
    parser->emit(parser->opaque, NULL, err);
}

/*
 * Give up on the current text: report it once, then skip bytes until its
 * brackets (or its string) close, so the next text is parsed cleanly.
 */
static void reject_text(JSONMessageParser *parser, const char *fmt, int limit)
{
    g_string_truncate(parser->buf, 0);
    parser->discarding = true;
    emit_error(parser, fmt, limit);
}

/* The current top-level text is complete: parse and emit it. */
static void end_text(JSONMessageParser *parser)
{
    json_error_t jerr;
    json_t *json;
    Error *err = NULL;

    parser->in_scalar = false;
    if (parser->discarding) {
        /* The tail of a rejected text: already reported. */
        parser->discarding = false;
        g_string_truncate(parser->buf, 0);
        return;
    }
    json = json_loadb(parser->buf->str, parser->buf->len, JSON_DECODE_ANY,
                      &jerr);
    g_string_truncate(parser->buf, 0);
    if (!json) {
        error_setg(&err, "JSON parse error, %s", jerr.text);
    }
    /* State is clean before the callback, which may feed us again. */
    parser->emit(parser->opaque, json, err);
}

static void collect(JSONMessageParser *parser, char c)
{
    if (parser->discarding) {
        return;
    }
    g_string_append_c(parser->buf, c);
    if (parser->buf->len > JSON_MESSAGE_MAX_SIZE) {
        reject_text(parser, "JSON message exceeds the size limit of %d bytes",
                    JSON_MESSAGE_MAX_SIZE);
    }
}

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes that end a bare top-level scalar such as 42 or true. */
static bool ends_scalar(char c)
{
    return is_json_space(c) || strchr("{}[]\",:", c) != NULL;
}

static void parser_byte(JSONMessageParser *parser, char c)
{
    if (parser->in_string) {
        collect(parser, c);
        if (parser->escape) {
            parser->escape = false;
        } else if (c == '\\') {
            parser->escape = true;
        } else if (c == '"') {
            parser->in_string = false;
            if (parser->depth == 0) {
                end_text(parser);
            }
        }
        return;
    }

    if (parser->in_scalar) {
        if (!ends_scalar(c)) {
            collect(parser, c);
            return;
        }
        end_text(parser);
        /* @c starts whatever comes next. */
    }

    if (parser->depth == 0) {
        if (is_json_space(c)) {
            return;
        }
        collect(parser, c);
        switch (c) {
        case '{':
        case '[':
            parser->depth = 1;
            break;
        case '"':
            parser->in_string = true;
            break;
        case '}':
        case ']':
        case ',':
        case ':':
            /* Stray punctuation: let the parser say what is wrong. */
            end_text(parser);
            break;
        default:
            parser->in_scalar = true;
            break;
        }
        return;
    }

    collect(parser, c);
    switch (c) {
    case '"':
        parser->in_string = true;
        break;
    case '{':
    case '[':
        parser->depth++;
        if (parser->depth > JSON_MESSAGE_MAX_DEPTH && !parser->discarding) {
            reject_text(parser, "JSON nesting exceeds the depth limit of %d",
                        JSON_MESSAGE_MAX_DEPTH);
        }
        break;
    case '}':
    case ']':
        parser->depth--;
        if (parser->depth == 0) {
            end_text(parser);
        }
        break;
    default:
        break;
    }
}

void json_message_parser_feed(JSONMessageParser *parser, const char *buf,
                              size_t size)
{
    for (size_t i = 0; i < size; i++) {
        parser_byte(parser, buf[i]);
    }
}

void json_message_parser_flush(JSONMessageParser *parser)
{
    bool unfinished = (parser->depth > 0 || parser->in_string) &&
                      !parser->discarding;
    int pending = parser->buf->len;

    if (parser->in_scalar) {
        end_text(parser);
        return;
    }
    g_string_truncate(parser->buf, 0);
    parser->depth = 0;
    parser->in_string = false;
    parser->escape = false;
    parser->discarding = false;
    if (unfinished) {
        emit_error(parser, "JSON parse error, premature end of input after "
                   "%d bytes", pending);
    }
}
