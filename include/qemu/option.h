/*
 * QemuOpts: named groups of "key=value" options, the store behind
 * -chardev, -machine, -serial, -mon and friends.
 *
 * A QemuOptsList describes one group ("chardev"): which keys it accepts
 * (desc[], terminated by an entry with a NULL name; an empty desc[]
 * accepts any key as a string), which key a leading bare value belongs to
 * (implied_opt_name: "-chardev socket,..." means backend=socket), and
 * whether repeated options merge into one set (merge_lists, as -machine
 * does).  Each parsed option string becomes a QemuOpts on the list,
 * optionally named by "id=...".
 *
 * Typical use:
 *
 *     static QemuOptsList qemu_foo_opts = {
 *         .name = "foo",
 *         .implied_opt_name = "type",
 *         .desc = {
 *             { .name = "type", .type = QEMU_OPT_STRING },
 *             { .name = "size", .type = QEMU_OPT_SIZE,
 *               .help = "buffer size", .def_value_str = "4K" },
 *             { }
 *         },
 *     };
 *
 *     QemuOpts *opts = qemu_opts_parse(&qemu_foo_opts, optarg, true, errp);
 *     uint64_t size = qemu_opt_get_size(opts, "size", 0);
 *
 * Values are checked against their declared type when they are set, so the
 * getters never fail; a key that is set several times yields its last
 * value.  A bare "help" or "?" is recorded as a help request (see
 * qemu_opt_has_help_opt()) instead of being checked against desc[].
 */
#ifndef QEMU_OPTION_H
#define QEMU_OPTION_H

#include <jansson.h>
#include "qapi/error.h"

enum QemuOptType {
    QEMU_OPT_STRING = 0,    /* any string */
    QEMU_OPT_BOOL,          /* on/off, yes/no, true/false, y/n */
    QEMU_OPT_NUMBER,        /* unsigned 64-bit, any base strtoull() takes */
    QEMU_OPT_SIZE,          /* a size with an optional K/M/G/T/P/E suffix */
};

typedef struct QemuOptDesc {
    const char *name;
    enum QemuOptType type;
    const char *help;
    const char *def_value_str;  /* used by the getters when unset */
} QemuOptDesc;

typedef struct QemuOpts QemuOpts;

typedef struct QemuOptsList {
    const char *name;
    const char *implied_opt_name;
    bool merge_lists;
    GList *head;                /* of QemuOpts *, in creation order */
    QemuOptDesc desc[];
} QemuOptsList;

/*
 * Create an empty QemuOpts on @list.  @id (may be NULL) must be
 * well-formed (see id_wellformed()).  If an entry with the same id exists,
 * fail with "Duplicate ID" when @fail_if_exists, otherwise return it.
 * On a merge_lists list an id is refused and the single anonymous entry is
 * returned if it exists.
 */
QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           int fail_if_exists, Error **errp);
/* The entry called @id on @list (@id NULL: the first anonymous one). */
QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id);
const char *qemu_opts_id(QemuOpts *opts);
QemuOptsList *qemu_opts_list(QemuOpts *opts);
/* Unlink @opts from its list and free it.  NULL is ignored. */
void qemu_opts_del(QemuOpts *opts);
/* Delete every entry of @list. */
void qemu_opts_reset(QemuOptsList *list);
/* Make @opts's saved command-line location current for error messages. */
void qemu_opts_loc_restore(QemuOpts *opts);

/*
 * Parse @params ("a=b,c=d,id=x") into a new QemuOpts on @list.  With
 * @permit_abbrev, a first parameter without '=' is the value of the list's
 * implied_opt_name.  A later bare "key" means key=on.  ",," is a literal
 * comma inside a value.  Returns NULL with @errp set on error; a partially
 * parsed entry is not left behind.
 */
QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp);
/*
 * Like qemu_opts_parse(), but report errors with error_report_err(); if
 * help was asked for, print the list's help and return NULL.
 */
QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev);
/* Parse more parameters into an existing @opts ("id" is ignored). */
bool qemu_opts_do_parse(QemuOpts *opts, const char *params,
                        const char *firstname, Error **errp);
/* True if the options asked for help ("help" or "?"). */
bool qemu_opt_has_help_opt(QemuOpts *opts);

/*
 * Check every option of @opts (created on a list that accepts anything)
 * against @desc and convert it to its declared type.
 */
bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc, Error **errp);

/* The value of @name, its default, or NULL. */
const char *qemu_opt_get(QemuOpts *opts, const char *name);
/* Typed getters: the value, else the declared default, else @defval. */
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval);
uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval);
uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name, uint64_t defval);
/* True if @name was set explicitly (defaults do not count). */
bool qemu_opt_is_set(QemuOpts *opts, const char *name);
/* Remove every value of @name; false if there was none. */
bool qemu_opt_unset(QemuOpts *opts, const char *name);

bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp);
bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool val,
                       Error **errp);
bool qemu_opt_set_number(QemuOpts *opts, const char *name, int64_t val,
                         Error **errp);

/*
 * Iterate over the options of @opts, or the entries of @list, in order.
 * A non-zero return from @func stops the walk and is returned.  @func may
 * delete the entry it is given.
 */
typedef int (*qemu_opt_loopfunc)(void *opaque, const char *name,
                                 const char *value, Error **errp);
int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp);
typedef int (*qemu_opts_loopfunc)(void *opaque, QemuOpts *opts,
                                  Error **errp);
int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp);

/*
 * Add the options of @opts to the JSON object @obj as strings (a later
 * value of the same key wins) and return @obj; with @obj NULL, a new
 * object is created.  The id, if any, becomes "id".
 */
json_t *qemu_opts_to_json(QemuOpts *opts, json_t *obj);
/*
 * The reverse: a new QemuOpts on @list from a JSON object whose members
 * are strings, numbers or booleans ("id" names the entry).
 */
QemuOpts *qemu_opts_from_json(QemuOptsList *list, const json_t *obj,
                              Error **errp);

/*
 * Print the accepted keys of @list, one per line, sorted, like
 * "  path=<str>              - file name".  With @print_caption, a
 * "<name> options:" line comes first.
 */
void qemu_opts_print_help(QemuOptsList *list, bool print_caption);
/* The same text as a string (g_free() it). */
char *qemu_opts_help_str(QemuOptsList *list, bool print_caption);

#endif /* QEMU_OPTION_H */
