/*
 * Property values as JSON: conversion helpers shared by every setter,
 * object_property_parse() (strings from the command line) and
 * object_property_print() (qom-get, info qtree), and enum tables.
 *
 * Setters accept a JSON string wherever they accept a number or a bool,
 * because -device key=value and many QMP clients send everything as
 * strings.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/util.h"
#include "qom/object.h"
#include "qom-internal.h"

/* ---------------------------------------------------------------------- */
/* Enum tables                                                             */
/* ---------------------------------------------------------------------- */

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val)
{
    if (val < 0 || val >= lookup->size) {
        return NULL;
    }
    return lookup->array[val];
}

int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp)
{
    if (!buf) {
        return def;
    }
    for (int i = 0; i < lookup->size; i++) {
        if (lookup->array[i] && !strcmp(lookup->array[i], buf)) {
            return i;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", buf);
    return -1;
}

/* ---------------------------------------------------------------------- */
/* Scalars                                                                 */
/* ---------------------------------------------------------------------- */

/* A whole string as a signed or unsigned number, base 0 (0x, 0 octal). */
static bool parse_int64(const char *s, int64_t *out)
{
    char *end;

    if (!*s || g_ascii_isspace(*s)) {
        return false;
    }
    errno = 0;
    *out = g_ascii_strtoll(s, &end, 0);
    return *end == '\0' && errno == 0;
}

static bool parse_uint64(const char *s, uint64_t *out)
{
    char *end;

    if (!*s || g_ascii_isspace(*s) || *s == '-') {
        return false;
    }
    errno = 0;
    *out = g_ascii_strtoull(s, &end, 0);
    return *end == '\0' && errno == 0;
}

json_t *qom_json_from_uint(uint64_t v)
{
    /* Above INT64_MAX the value travels as its two's complement. */
    return json_integer((json_int_t)v);
}

bool qom_json_get_int(json_t *value, const char *name, int64_t min,
                      int64_t max, const char *typename, int64_t *out,
                      Error **errp)
{
    int64_t v;

    if (json_is_integer(value)) {
        v = json_integer_value(value);
    } else if (json_is_string(value)) {
        const char *s = json_string_value(value);

        if (!parse_int64(s, &v)) {
            if (errno == ERANGE) {
                error_setg(errp, "Parameter '%s' expects %s", name,
                           typename);
            } else {
                error_setg(errp, "Parameter '%s' expects a number", name);
            }
            return false;
        }
    } else {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return false;
    }
    if (v < min || v > max) {
        error_setg(errp, "Parameter '%s' expects %s", name, typename);
        return false;
    }
    *out = v;
    return true;
}

bool qom_json_get_uint(json_t *value, const char *name, uint64_t max,
                       const char *typename, uint64_t *out, Error **errp)
{
    uint64_t v;

    if (json_is_integer(value)) {
        json_int_t i = json_integer_value(value);

        /* Negative integers only stand for the top half of uint64. */
        if (i < 0 && max != UINT64_MAX) {
            error_setg(errp, "Parameter '%s' expects %s", name, typename);
            return false;
        }
        v = (uint64_t)i;
    } else if (json_is_string(value)) {
        const char *s = json_string_value(value);
        int64_t neg;

        if (*s == '-') {
            if (!parse_int64(s, &neg)) {
                error_setg(errp, "Parameter '%s' expects a number", name);
                return false;
            }
            if (max != UINT64_MAX) {
                error_setg(errp, "Parameter '%s' expects %s", name,
                           typename);
                return false;
            }
            v = (uint64_t)neg;
        } else if (!parse_uint64(s, &v)) {
            if (errno == ERANGE) {
                error_setg(errp, "Parameter '%s' expects %s", name,
                           typename);
            } else {
                error_setg(errp, "Parameter '%s' expects a number", name);
            }
            return false;
        }
    } else {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return false;
    }
    if (v > max) {
        error_setg(errp, "Parameter '%s' expects %s", name, typename);
        return false;
    }
    *out = v;
    return true;
}

bool qom_json_get_bool(json_t *value, const char *name, bool *out,
                       Error **errp)
{
    if (json_is_boolean(value)) {
        *out = json_is_true(value);
        return true;
    }
    if (json_is_string(value)) {
        const char *s = json_string_value(value);

        if (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "true")) {
            *out = true;
            return true;
        }
        if (!strcmp(s, "off") || !strcmp(s, "no") || !strcmp(s, "false")) {
            *out = false;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
    return false;
}

const char *qom_json_get_str(json_t *value, const char *name, Error **errp)
{
    if (!json_is_string(value)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   name);
        return NULL;
    }
    return json_string_value(value);
}

static int size_suffix_shift(char c)
{
    switch (g_ascii_toupper(c)) {
    case 'B':
        return 0;
    case 'K':
        return 10;
    case 'M':
        return 20;
    case 'G':
        return 30;
    case 'T':
        return 40;
    case 'P':
        return 50;
    case 'E':
        return 60;
    default:
        return -1;
    }
}

bool qom_parse_size(const char *str, uint64_t *out)
{
    const char *p = str;
    char *end;
    uint64_t whole;
    double frac = 0;
    int shift = 0;

    if (!*p || !g_ascii_isdigit(*p)) {
        return false;
    }
    errno = 0;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        whole = g_ascii_strtoull(p, &end, 16);
        if (end == p + 2) {
            return false;
        }
    } else {
        whole = g_ascii_strtoull(p, &end, 10);
        if (*end == '.') {
            const char *fs = end;

            frac = g_ascii_strtod(fs, &end);
            if (end == fs + 1) {
                return false;
            }
        }
    }
    if (errno == ERANGE) {
        return false;
    }
    if (*end) {
        shift = size_suffix_shift(*end);
        if (shift < 0 || end[1] != '\0') {
            return false;
        }
    }
    if (frac != 0 && shift == 0) {
        /* "1.5" bytes makes no sense. */
        return false;
    }
    if (shift && whole > (UINT64_MAX >> shift)) {
        return false;
    }
    whole <<= shift;
    if (frac != 0) {
        double extra = frac * (double)(UINT64_C(1) << shift);

        if ((double)(UINT64_MAX - whole) < extra) {
            return false;
        }
        whole += (uint64_t)extra;
    }
    *out = whole;
    return true;
}

bool qom_json_get_size(json_t *value, const char *name, uint64_t *out,
                       Error **errp)
{
    if (json_is_string(value)) {
        if (!qom_parse_size(json_string_value(value), out)) {
            error_setg(errp, "Parameter '%s' expects a non-negative number "
                       "below 2^64", name);
            error_append_hint(errp, "Optional suffix k, M, G, T, P or E "
                              "means kilo-, mega-, giga-, tera-, peta-\n"
                              "and exabytes, respectively.\n");
            return false;
        }
        return true;
    }
    return qom_json_get_uint(value, name, UINT64_MAX, "size", out, errp);
}

char *qom_size_to_str(uint64_t val)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    int i = 0;
    double d = val;

    while (d >= 1024 && i < (int)ARRAY_SIZE(units) - 1) {
        d /= 1024;
        i++;
    }
    return g_strdup_printf("%0.3g %s", d, units[i]);
}

/* ---------------------------------------------------------------------- */
/* Strings in, strings out                                                 */
/* ---------------------------------------------------------------------- */

static bool type_is_signed_int(const char *type)
{
    return !strcmp(type, "int") || !strcmp(type, "int8") ||
           !strcmp(type, "int16") || !strcmp(type, "int32") ||
           !strcmp(type, "int64");
}

static bool type_is_unsigned_int(const char *type)
{
    return !strcmp(type, "uint8") || !strcmp(type, "uint16") ||
           !strcmp(type, "uint32") || !strcmp(type, "uint64") ||
           !strcmp(type, "uint");
}

bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    json_t *str, *value;
    bool ok;

    if (!prop) {
        return false;
    }
    /*
     * Only the syntax is checked here; the range belongs to the setter,
     * which knows the field and phrases its own error.
     */
    str = json_string(string);
    if (!str) {
        error_setg(errp, "Parameter '%s' is not valid UTF-8", name);
        return false;
    }
    if (!strcmp(prop->type, "bool")) {
        bool b;

        if (!qom_json_get_bool(str, name, &b, errp)) {
            json_decref(str);
            return false;
        }
        value = json_boolean(b);
    } else if (type_is_signed_int(prop->type)) {
        int64_t i;

        if (!qom_json_get_int(str, name, INT64_MIN, INT64_MAX, prop->type,
                              &i, errp)) {
            json_decref(str);
            return false;
        }
        value = json_integer(i);
    } else if (type_is_unsigned_int(prop->type)) {
        int64_t i;
        uint64_t u;

        /* Keep a leading '-' visible so the setter can reject it. */
        if (string[0] == '-' && parse_int64(string, &i)) {
            value = json_integer(i);
        } else if (qom_json_get_uint(str, name, UINT64_MAX, prop->type,
                                     &u, errp)) {
            value = qom_json_from_uint(u);
        } else {
            json_decref(str);
            return false;
        }
    } else if (!strcmp(prop->type, "size")) {
        uint64_t u;

        if (!qom_json_get_size(str, name, &u, errp)) {
            json_decref(str);
            return false;
        }
        value = qom_json_from_uint(u);
    } else {
        value = json_incref(str);
    }
    json_decref(str);
    ok = object_property_set(obj, name, value, errp);
    json_decref(value);
    return ok;
}

char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    json_t *value;
    char *ret;

    if (!prop) {
        return NULL;
    }
    value = object_property_get(obj, name, errp);
    if (!value) {
        return NULL;
    }
    if (!human) {
        ret = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
        /* jansson allocates with malloc; hand back glib memory. */
        char *copy = g_strdup(ret);

        free(ret);
        json_decref(value);
        return copy;
    }
    if (json_is_string(value)) {
        ret = g_strdup_printf("\"%s\"", json_string_value(value));
    } else if (json_is_integer(value)) {
        json_int_t i = json_integer_value(value);

        if (!strcmp(prop->type, "size")) {
            g_autofree char *sz = qom_size_to_str((uint64_t)i);

            ret = g_strdup_printf("%" PRIu64 " (%s)", (uint64_t)i, sz);
        } else if (type_is_unsigned_int(prop->type)) {
            ret = g_strdup_printf("%" PRIu64 " (0x%" PRIx64 ")",
                                  (uint64_t)i, (uint64_t)i);
        } else {
            ret = g_strdup_printf("%" PRId64 " (0x%" PRIx64 ")",
                                  (int64_t)i, (uint64_t)i);
        }
    } else if (json_is_boolean(value)) {
        ret = g_strdup(json_is_true(value) ? "true" : "false");
    } else {
        char *s = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);

        ret = g_strdup(s);
        free(s);
    }
    json_decref(value);
    return ret;
}
