/*
 * Helpers on top of jansson for QOM and QMP: rendering in QEMU's wire
 * style, parsing with Error **errp, type names for error messages, and a
 * streaming splitter that cuts a byte stream (a QMP socket) into complete
 * JSON texts.
 */
#ifndef QEMU_JSON_UTIL_H
#define QEMU_JSON_UTIL_H

#include <jansson.h>
#include "qapi/error.h"

/*
 * Render @json on one line the way QEMU's QMP does: members in insertion
 * order, ", " between members, ": " after keys, non-ASCII characters as
 * \uXXXX escapes, no trailing newline:  {"return": {}}
 * Any value may be rendered, not only objects and arrays.  g_free() it.
 */
char *json_dumps_compact(const json_t *json);
/* The same, indented by four spaces per level. */
char *json_dumps_pretty(const json_t *json);

/*
 * Parse one JSON value from @text.  NULL with "JSON parse error, <why>" in
 * @errp on failure.
 */
json_t *json_parse_string(const char *text, Error **errp);

/*
 * The QAPI name of @json's type for messages such as "expected: string":
 * "object", "array", "string", "integer", "number", "boolean", "null".
 */
const char *json_type_name(const json_t *json);

/* --- Streaming message splitter --- */

/* Limits that protect the emulator from a hostile or broken client. */
#define JSON_MESSAGE_MAX_SIZE  (10 * 1024 * 1024)
#define JSON_MESSAGE_MAX_DEPTH 1024

/*
 * Called once per top-level JSON text.  Exactly one of @json and @err is
 * set, and the callee owns it (json_decref() / error_free()).
 */
typedef void JSONMessageEmit(void *opaque, json_t *json, Error *err);

/*
 * Feed bytes as they arrive: a message may be split across reads, and one
 * read may hold several messages.  Braces and brackets inside strings are
 * ignored.  Each complete top-level text (an object, array, string or bare
 * scalar) is parsed and handed to @emit.
 *
 * A text larger than JSON_MESSAGE_MAX_SIZE bytes or nested deeper than
 * JSON_MESSAGE_MAX_DEPTH is reported once through @emit and then skipped
 * up to its end (where its brackets balance again), after which parsing
 * resumes with the next text.
 */
typedef struct JSONMessageParser {
    JSONMessageEmit *emit;
    void *opaque;
    GString *buf;       /* the text being collected */
    int depth;          /* open '{' and '[' */
    bool in_string;
    bool escape;        /* previous byte was a backslash in a string */
    bool in_scalar;     /* collecting a top-level number or literal */
    bool discarding;    /* skipping the rest of a rejected text */
} JSONMessageParser;

void json_message_parser_init(JSONMessageParser *parser,
                              JSONMessageEmit *emit, void *opaque);
void json_message_parser_feed(JSONMessageParser *parser, const char *buf,
                              size_t size);
/*
 * End of input: emit a pending bare scalar, report an unfinished text as
 * an error, and reset.
 */
void json_message_parser_flush(JSONMessageParser *parser);
void json_message_parser_destroy(JSONMessageParser *parser);

#endif /* QEMU_JSON_UTIL_H */
