/*
 * QMP command table, request checking and dispatch.
 *
 * The checks follow the order QEMU's clients see: the request must be an
 * object; its members must be the known ones with the right types; it
 * must name a command; the command must exist (and be allowed in the
 * current mode); the arguments must match the schema (missing ones and
 * type errors first, in schema order, then unexpected ones).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "monitor/qmp-dispatch.h"

static GHashTable *qmp_commands;

void qmp_register_command(const QmpCommand *cmd)
{
    if (!qmp_commands) {
        qmp_commands = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_assert(!g_hash_table_contains(qmp_commands, cmd->name));
    g_hash_table_insert(qmp_commands, (gpointer)cmd->name, (gpointer)cmd);
}

void qmp_register_commands(const QmpCommand *cmds, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        qmp_register_command(&cmds[i]);
    }
}

const QmpCommand *qmp_find_command(const char *name)
{
    if (!qmp_commands) {
        return NULL;
    }
    return g_hash_table_lookup(qmp_commands, name);
}

static gint qmp_command_compare(gconstpointer a, gconstpointer b)
{
    const QmpCommand *ca = *(const QmpCommand *const *)a;
    const QmpCommand *cb = *(const QmpCommand *const *)b;

    return strcmp(ca->name, cb->name);
}

void qmp_for_each_command(void (*fn)(const QmpCommand *cmd, void *opaque),
                          void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    g_autoptr(GPtrArray) list = g_ptr_array_new();

    if (!qmp_commands) {
        return;
    }
    g_hash_table_iter_init(&iter, qmp_commands);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        g_ptr_array_add(list, value);
    }
    g_ptr_array_sort(list, qmp_command_compare);
    for (guint i = 0; i < list->len; i++) {
        fn(g_ptr_array_index(list, i), opaque);
    }
}

/* ---- arguments --------------------------------------------------------- */

static const char *qmp_arg_type_name(QmpArgType type)
{
    switch (type) {
    case QMP_ARG_STR:
        return "string";
    case QMP_ARG_INT:
        return "integer";
    case QMP_ARG_NUMBER:
        return "number";
    case QMP_ARG_BOOL:
        return "boolean";
    case QMP_ARG_OBJECT:
        return "object";
    case QMP_ARG_ARRAY:
        return "array";
    case QMP_ARG_ANY:
        return "any";
    }
    g_assert_not_reached();
}

static bool qmp_arg_type_ok(QmpArgType type, json_t *v)
{
    switch (type) {
    case QMP_ARG_STR:
        return json_is_string(v);
    case QMP_ARG_INT:
        return json_is_integer(v);
    case QMP_ARG_NUMBER:
        return json_is_number(v);
    case QMP_ARG_BOOL:
        return json_is_boolean(v);
    case QMP_ARG_OBJECT:
        return json_is_object(v);
    case QMP_ARG_ARRAY:
        return json_is_array(v);
    case QMP_ARG_ANY:
        return true;
    }
    return false;
}

static const QmpArgSpec *qmp_find_arg(const QmpCommand *cmd,
                                      const char *name)
{
    for (const QmpArgSpec *a = cmd->args; a && a->name; a++) {
        if (!strcmp(a->name, name)) {
            return a;
        }
    }
    return NULL;
}

bool qmp_check_args(const QmpCommand *cmd, json_t *args, Error **errp)
{
    const char *key;
    json_t *v;

    for (const QmpArgSpec *a = cmd->args; a && a->name; a++) {
        v = args ? json_object_get(args, a->name) : NULL;
        if (!v) {
            if (!a->optional) {
                error_setg(errp, "Parameter '%s' is missing", a->name);
                return false;
            }
            continue;
        }
        if (!qmp_arg_type_ok(a->type, v)) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       a->name, qmp_arg_type_name(a->type));
            return false;
        }
    }
    if (args && !(cmd->options & QCO_ALLOW_EXTRA_ARGS)) {
        json_object_foreach(args, key, v) {
            if (!qmp_find_arg(cmd, key)) {
                error_setg(errp, "Parameter '%s' is unexpected", key);
                return false;
            }
        }
    }
    return true;
}

const char *qmp_arg_str(json_t *args, const char *name)
{
    return json_string_value(json_object_get(args, name));
}

int64_t qmp_arg_int(json_t *args, const char *name, int64_t def)
{
    json_t *v = json_object_get(args, name);

    return json_is_integer(v) ? json_integer_value(v) : def;
}

bool qmp_arg_bool(json_t *args, const char *name, bool def)
{
    json_t *v = json_object_get(args, name);

    return json_is_boolean(v) ? json_is_true(v) : def;
}

bool qmp_arg_has(json_t *args, const char *name)
{
    return json_object_get(args, name) != NULL;
}

/* ---- requests ---------------------------------------------------------- */

json_t *qmp_error_response(Error *err)
{
    json_t *rsp = json_pack("{s:{s:s, s:s}}", "error",
                            "class",
                            error_class_name(error_get_class(err)),
                            "desc", error_get_pretty(err));

    error_free(err);
    return rsp;
}

/*
 * The wire-level checks: returns the command name (borrowed), with
 * *args set to the arguments (borrowed, may be NULL).
 */
static const char *qmp_check_request(json_t *req, json_t **args,
                                     Error **errp)
{
    const char *key;
    const char *exec = NULL;
    bool oob = false;
    json_t *v;

    if (!json_is_object(req)) {
        error_setg(errp, "QMP input must be a JSON object");
        return NULL;
    }
    *args = NULL;
    json_object_foreach(req, key, v) {
        if (!strcmp(key, "execute") || !strcmp(key, "exec-oob")) {
            if (!json_is_string(v)) {
                error_setg(errp, "QMP input member '%s' must be a string",
                           key);
                return NULL;
            }
            if (exec) {
                error_setg(errp, "QMP input must not contain both "
                           "'execute' and 'exec-oob'");
                return NULL;
            }
            exec = json_string_value(v);
            oob = !strcmp(key, "exec-oob");
        } else if (!strcmp(key, "arguments")) {
            if (!json_is_object(v)) {
                error_setg(errp, "QMP input member 'arguments' must be an "
                           "object");
                return NULL;
            }
            *args = v;
        } else if (strcmp(key, "id") != 0) {
            error_setg(errp, "QMP input member '%s' is unexpected", key);
            return NULL;
        }
    }
    if (!exec) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return NULL;
    }
    if (oob) {
        /* No command runs out of band here (no capability offered). */
        error_setg(errp, "The command %s does not support OOB", exec);
        return NULL;
    }
    return exec;
}

json_t *qmp_dispatch(json_t *req, bool cmd_mode)
{
    Error *err = NULL;
    const QmpCommand *cmd = NULL;
    const char *name;
    json_t *args = NULL;
    json_t *ret = NULL;
    json_t *rsp;
    json_t *empty = NULL;

    name = qmp_check_request(req, &args, &err);
    if (name) {
        cmd = qmp_find_command(name);
        if (!cmd || (!cmd_mode && !(cmd->options & QCO_ALLOW_NEGOTIATION))) {
            error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND,
                      "The command %s has not been found", name);
        }
    }
    if (!err && qmp_check_args(cmd, args, &err)) {
        if (!args) {
            args = empty = json_object();
        }
        ret = cmd->fn(args, &err);
        json_decref(empty);
        /* A handler must either succeed with a value or fail. */
        g_assert(!ret != !err);
    }

    if (err) {
        if (!cmd_mode &&
            error_get_class(err) == ERROR_CLASS_COMMAND_NOT_FOUND) {
            error_free(err);
            err = NULL;
            error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND,
                      "Expecting capabilities negotiation with "
                      "'qmp_capabilities'");
        }
        rsp = qmp_error_response(err);
    } else {
        rsp = json_object();
        json_object_set_new(rsp, "return", ret);
    }
    if (json_is_object(req) && json_object_get(req, "id")) {
        json_object_set(rsp, "id", json_object_get(req, "id"));
    }
    return rsp;
}
