/*
 * QMP command table and dispatcher.
 *
 * Every command is one QmpCommand: its name, its handler and the schema
 * of its arguments.  The dispatcher checks a request against the QMP
 * wire rules and the argument schema before the handler runs, so a
 * handler only ever sees arguments of the declared types; errors come
 * back with the messages QEMU's clients expect ("Parameter 'x' is
 * missing", "Invalid parameter type for 'x', expected: string", ...).
 *
 * Adding a command: write the handler, add one QmpCommand to the table of
 * its file (monitor/qmp-cmds*.c), add a test and a line in
 * docs/interop/qmp.rst.
 */
#ifndef MONITOR_QMP_DISPATCH_H
#define MONITOR_QMP_DISPATCH_H

#include <jansson.h>
#include "qapi/error.h"

/* Argument types, named as QAPI names them in error messages. */
typedef enum QmpArgType {
    QMP_ARG_STR,        /* "string" */
    QMP_ARG_INT,        /* "integer" */
    QMP_ARG_NUMBER,     /* "number": an integer is accepted too */
    QMP_ARG_BOOL,       /* "boolean" */
    QMP_ARG_OBJECT,     /* "object" */
    QMP_ARG_ARRAY,      /* "array" */
    QMP_ARG_ANY,        /* any JSON value */
} QmpArgType;

typedef struct QmpArgSpec {
    const char *name;
    QmpArgType type;
    bool optional;
} QmpArgSpec;

/*
 * A handler gets the "arguments" object (never NULL: {} when absent;
 * borrowed) and returns a new reference to its result, or NULL with
 * @errp set.  A command with nothing to return returns json_object().
 */
typedef json_t *QmpCommandFunc(json_t *args, Error **errp);

typedef enum QmpCommandOptions {
    QCO_NO_OPTIONS = 0,
    /* Accept members not in the schema (device_add's properties). */
    QCO_ALLOW_EXTRA_ARGS = 1 << 0,
    /* Also allowed in capabilities negotiation mode (qmp_capabilities). */
    QCO_ALLOW_NEGOTIATION = 1 << 1,
} QmpCommandOptions;

typedef struct QmpCommand {
    const char *name;
    QmpCommandFunc *fn;
    /* Terminated by an entry with a NULL name; NULL for no arguments. */
    const QmpArgSpec *args;
    unsigned options;
} QmpCommand;

/* Register @cmd (which must stay valid).  A second one of a name aborts. */
void qmp_register_command(const QmpCommand *cmd);
void qmp_register_commands(const QmpCommand *cmds, size_t n);
/* The command called @name, or NULL. */
const QmpCommand *qmp_find_command(const char *name);
/* Call @fn for each command, sorted by name. */
void qmp_for_each_command(void (*fn)(const QmpCommand *cmd, void *opaque),
                          void *opaque);

/*
 * Check @args (an object, or NULL) against @cmd's schema.  false with
 * @errp set on the first problem.
 */
bool qmp_check_args(const QmpCommand *cmd, json_t *args, Error **errp);

/*
 * Execute one request (any JSON value, borrowed) and return the response
 * object: {"return": ...} or {"error": {"class": ..., "desc": ...}},
 * with the request's "id" copied verbatim at the end when it had one.
 * In negotiation mode (!@cmd_mode) only qmp_capabilities runs; any
 * CommandNotFound then says "Expecting capabilities negotiation with
 * 'qmp_capabilities'".
 */
json_t *qmp_dispatch(json_t *request, bool cmd_mode);

/* {"error": {"class": ..., "desc": ...}} for @err (which is freed). */
json_t *qmp_error_response(Error *err);

/* ---- handler helpers (arguments were type-checked by the dispatcher) -- */

const char *qmp_arg_str(json_t *args, const char *name);
/* The integer @name, or @def when it is absent. */
int64_t qmp_arg_int(json_t *args, const char *name, int64_t def);
bool qmp_arg_bool(json_t *args, const char *name, bool def);
bool qmp_arg_has(json_t *args, const char *name);

/* Registration entry points of the command files (monitor_init_globals). */
void qmp_register_control_commands(void);
void qmp_register_misc_commands(void);
void qmp_register_qom_commands(void);

#endif /* MONITOR_QMP_DISPATCH_H */
