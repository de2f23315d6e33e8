/*
 * keyval: "key=value,..." into a JSON object; see include/qemu/keyval.h.
 */
#include "qemu/osdep.h"
#include "qemu/keyval.h"
#include "qemu/help_option.h"

/*
 * Is @frag (of @len bytes) an acceptable key fragment?  The first fragment
 * must be a name; later ones may also be list indices ("a.0.b"), which we
 * keep as plain object keys.
 */
static bool keyval_fragment_ok(const char *frag, size_t len, bool first)
{
    size_t i;
    bool all_digits = true;

    if (len == 0) {
        return false;
    }
    for (i = 0; i < len; i++) {
        if (!g_ascii_isdigit(frag[i])) {
            all_digits = false;
            break;
        }
    }
    if (all_digits) {
        return !first;
    }
    if (!g_ascii_isalpha(frag[0])) {
        return false;
    }
    for (i = 1; i < len; i++) {
        if (!g_ascii_isalnum(frag[i]) && frag[i] != '-' && frag[i] != '_') {
            return false;
        }
    }
    return true;
}

static bool keyval_key_ok(const char *key, size_t len)
{
    const char *p = key;
    const char *end = key + len;

    while (p <= end) {
        const char *dot = memchr(p, '.', end - p);
        const char *frag_end = dot ? dot : end;

        if (!keyval_fragment_ok(p, frag_end - p, p == key)) {
            return false;
        }
        if (!dot) {
            break;
        }
        p = dot + 1;
    }
    return true;
}

/*
 * Read a value starting at @s: it runs to the first ',' that is not
 * doubled, and ",," stands for ','.  Returns the unescaped value and
 * points *@next after the terminating ',' (or at the final NUL).
 */
static GString *keyval_read_value(const char *s, const char **next)
{
    GString *val = g_string_new(NULL);

    for (;;) {
        if (*s == '\0') {
            break;
        }
        if (*s == ',') {
            if (s[1] != ',') {
                s++;
                break;
            }
            s++;
        }
        g_string_append_c(val, *s);
        s++;
    }
    *next = s;
    return val;
}

/*
 * Store @value under the dotted @key (of @key_len bytes) in @root,
 * creating intermediate objects.  A key cannot be both a value and an
 * object: that is the "used inconsistently" error.
 */
static bool keyval_put(json_t *root, const char *key, size_t key_len,
                       const char *value, size_t value_len, Error **errp)
{
    json_t *cur = root;
    const char *p = key;
    const char *end = key + key_len;
    json_t *str;

    for (;;) {
        const char *dot = memchr(p, '.', end - p);
        const char *frag_end = dot ? dot : end;
        g_autofree char *frag = g_strndup(p, frag_end - p);
        json_t *old = json_object_get(cur, frag);

        if (!dot) {
            if (old && json_is_object(old)) {
                error_setg(errp, "Parameters '%.*s.*' used inconsistently",
                           (int)key_len, key);
                return false;
            }
            break;
        }
        if (old && !json_is_object(old)) {
            error_setg(errp, "Parameters '%.*s.*' used inconsistently",
                       (int)(frag_end - key), key);
            return false;
        }
        if (!old) {
            old = json_object();
            json_object_set_new(cur, frag, old);
        }
        cur = old;
        p = dot + 1;
    }

    str = json_stringn(value, value_len);
    if (!str) {
        error_setg(errp, "Parameter '%.*s' is not valid UTF-8",
                   (int)key_len, key);
        return false;
    }
    {
        g_autofree char *last = g_strndup(p, end - p);

        json_object_set_new(cur, last, str);
    }
    return true;
}

/*
 * Parse one "key=value" (or bare word) at @s.  Returns where the next
 * parameter starts, or NULL on error.
 */
static const char *keyval_parse_one(json_t *root, const char *s,
                                    const char *implied_key, bool *p_help,
                                    Error **errp)
{
    size_t key_len = strcspn(s, "=,");
    const char *key = s;
    const char *next;
    g_autoptr(GString) val = NULL;

    if (s[key_len] != '=') {
        /* A bare word: help, the implied key's value, or a mistake. */
        g_autofree char *word = g_strndup(s, key_len);

        if (p_help && is_help_option(word)) {
            *p_help = true;
            next = s + key_len;
            return *next == ',' ? next + 1 : next;
        }
        if (implied_key && key_len > 0) {
            val = keyval_read_value(s, &next);
            if (!keyval_put(root, implied_key, strlen(implied_key),
                            val->str, val->len, errp)) {
                return NULL;
            }
            return next;
        }
        if (key_len == 0) {
            error_setg(errp, "Invalid parameter ''");
        } else {
            error_setg(errp, "Expected '=' after parameter '%s'", word);
        }
        return NULL;
    }

    if (!keyval_key_ok(key, key_len)) {
        error_setg(errp, "Invalid parameter '%.*s'", (int)key_len, key);
        return NULL;
    }
    val = keyval_read_value(s + key_len + 1, &next);
    if (!keyval_put(root, key, key_len, val->str, val->len, errp)) {
        return NULL;
    }
    return next;
}

json_t *keyval_parse(const char *params, const char *implied_key,
                     bool *p_help, Error **errp)
{
    json_t *root = json_object();
    const char *s = params;
    bool first = true;

    if (p_help) {
        *p_help = false;
    }
    if (implied_key && !*implied_key) {
        implied_key = NULL;
    }
    while (*s) {
        s = keyval_parse_one(root, s, first ? implied_key : NULL, p_help,
                             errp);
        if (!s) {
            json_decref(root);
            return NULL;
        }
        first = false;
    }
    return root;
}
