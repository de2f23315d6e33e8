/*
 * QemuOpts: groups of "key=value" options; see include/qemu/option.h.
 */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/help_option.h"

typedef struct QemuOpt {
    char *name;
    char *str;
    const QemuOptDesc *desc;    /* NULL until checked against a desc[] */
    union {
        bool boolean;
        uint64_t uint;
    } value;
} QemuOpt;

struct QemuOpts {
    char *id;
    QemuOptsList *list;
    Location loc;
    GQueue opts;                /* of QemuOpt *, in the order set */
};

/* The name a help request is stored under (see qemu_opt_has_help_opt). */
#define HELP_OPT_NAME "help"

static void qemu_opt_free(QemuOpt *opt)
{
    g_free(opt->name);
    g_free(opt->str);
    g_free(opt);
}

static const QemuOptDesc *find_desc_by_name(const QemuOptDesc *desc,
                                            const char *name)
{
    for (; desc->name; desc++) {
        if (!strcmp(desc->name, name)) {
            return desc;
        }
    }
    return NULL;
}

static bool opts_accept_any(const QemuOptsList *list)
{
    return list->desc[0].name == NULL;
}

/* The most recently set value of @name, or NULL. */
static QemuOpt *qemu_opt_find(QemuOpts *opts, const char *name)
{
    for (GList *l = opts->opts.tail; l; l = l->prev) {
        QemuOpt *opt = l->data;

        if (!strcmp(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

static bool parse_option_number(const char *name, const char *value,
                                uint64_t *ret, Error **errp)
{
    int err = qemu_strtou64(value, NULL, 0, ret);

    if (err == -ERANGE) {
        error_setg(errp, "Value '%s' is too large for parameter '%s'",
                   value, name);
        return false;
    }
    if (err) {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return false;
    }
    return true;
}

static bool parse_option_size(const char *name, const char *value,
                              uint64_t *ret, Error **errp)
{
    int err = qemu_strtosz(value, NULL, ret);

    if (err == -ERANGE) {
        error_setg(errp, "Value '%s' is out of range for parameter '%s'",
                   value, name);
        return false;
    }
    if (err) {
        error_setg(errp, "Parameter '%s' expects a size", name);
        error_append_hint(errp, "You may use k, M, G, T, P or E suffixes "
                          "for kilobytes, megabytes, gigabytes, terabytes, "
                          "petabytes and exabytes.\n");
        return false;
    }
    return true;
}

/* Convert @opt->str according to @desc and remember the desc. */
static bool qemu_opt_parse(QemuOpt *opt, const QemuOptDesc *desc,
                           Error **errp)
{
    switch (desc->type) {
    case QEMU_OPT_STRING:
        break;
    case QEMU_OPT_BOOL:
        if (!qapi_bool_parse(opt->name, opt->str, &opt->value.boolean,
                             errp)) {
            return false;
        }
        break;
    case QEMU_OPT_NUMBER:
        if (!parse_option_number(opt->name, opt->str, &opt->value.uint,
                                 errp)) {
            return false;
        }
        break;
    case QEMU_OPT_SIZE:
        if (!parse_option_size(opt->name, opt->str, &opt->value.uint,
                               errp)) {
            return false;
        }
        break;
    default:
        g_assert_not_reached();
    }
    opt->desc = desc;
    return true;
}

/*
 * Add @name=@value to @opts, checking it against the list's desc[] unless
 * the list accepts anything.  Help requests skip the check so that
 * "-chardev socket,help" reaches the caller.
 */
static bool opt_set(QemuOpts *opts, const char *name, const char *value,
                    Error **errp)
{
    const QemuOptDesc *desc = find_desc_by_name(opts->list->desc, name);
    QemuOpt *opt;

    if (!desc && !opts_accept_any(opts->list) &&
        strcmp(name, HELP_OPT_NAME) != 0) {
        error_setg(errp, "Invalid parameter '%s'", name);
        return false;
    }
    opt = g_new0(QemuOpt, 1);
    opt->name = g_strdup(name);
    opt->str = g_strdup(value);
    if (desc && !qemu_opt_parse(opt, desc, errp)) {
        qemu_opt_free(opt);
        return false;
    }
    g_queue_push_tail(&opts->opts, opt);
    return true;
}

QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id)
{
    for (GList *l = list->head; l; l = l->next) {
        QemuOpts *opts = l->data;

        if (g_strcmp0(opts->id, id) == 0) {
            return opts;
        }
    }
    return NULL;
}

QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           int fail_if_exists, Error **errp)
{
    QemuOpts *opts;

    if (list->merge_lists) {
        if (id) {
            error_setg(errp, "Invalid parameter 'id'");
            return NULL;
        }
        opts = qemu_opts_find(list, NULL);
        if (opts) {
            return opts;
        }
    } else if (id) {
        if (!id_wellformed(id)) {
            error_setg(errp, "Parameter 'id' expects an identifier");
            error_append_hint(errp, "Identifiers consist of letters, "
                              "digits, '-', '.', '_', starting with a "
                              "letter.\n");
            return NULL;
        }
        opts = qemu_opts_find(list, id);
        if (opts) {
            if (fail_if_exists) {
                error_setg(errp, "Duplicate ID '%s' for %s", id, list->name);
                return NULL;
            }
            return opts;
        }
    }

    opts = g_new0(QemuOpts, 1);
    opts->id = g_strdup(id);
    opts->list = list;
    g_queue_init(&opts->opts);
    loc_save(&opts->loc);
    list->head = g_list_append(list->head, opts);
    return opts;
}

const char *qemu_opts_id(QemuOpts *opts)
{
    return opts->id;
}

QemuOptsList *qemu_opts_list(QemuOpts *opts)
{
    return opts->list;
}

void qemu_opts_del(QemuOpts *opts)
{
    if (!opts) {
        return;
    }
    opts->list->head = g_list_remove(opts->list->head, opts);
    g_queue_clear_full(&opts->opts, (GDestroyNotify)qemu_opt_free);
    g_free(opts->id);
    g_free(opts);
}

void qemu_opts_reset(QemuOptsList *list)
{
    while (list->head) {
        qemu_opts_del(list->head->data);
    }
}

void qemu_opts_loc_restore(QemuOpts *opts)
{
    loc_restore(&opts->loc);
}

/*
 * Read one parameter value starting at @p: it ends at a single ',' (which
 * is consumed) or the end of the string; ",," is a literal comma.
 */
static char *read_value(const char *p, const char **next)
{
    GString *val = g_string_new(NULL);

    while (*p) {
        if (*p == ',') {
            if (p[1] != ',') {
                p++;
                break;
            }
            p++;
        }
        g_string_append_c(val, *p);
        p++;
    }
    *next = p;
    return g_string_free(val, false);
}

/*
 * Split the next parameter at @p into *@name and *@value (both
 * g_free()d by the caller).  @firstname, when set, names a leading bare
 * value.  A bare help word becomes help=on.
 */
static const char *get_opt_name_value(const char *p, const char *firstname,
                                      char **name, char **value)
{
    size_t len = strcspn(p, "=,");
    const char *next;

    if (p[len] == '=') {
        *name = g_strndup(p, len);
        *value = read_value(p + len + 1, &next);
        return next;
    }

    /* A bare word, ended by ',' or the end of the string. */
    {
        g_autofree char *word = g_strndup(p, len);

        if (is_help_option(word)) {
            *name = g_strdup(HELP_OPT_NAME);
            *value = g_strdup("on");
            next = p + len;
            return *next == ',' ? next + 1 : next;
        }
    }
    if (firstname) {
        *name = g_strdup(firstname);
        *value = read_value(p, &next);
        return next;
    }
    *name = g_strndup(p, len);
    *value = g_strdup("on");
    next = p + len;
    return *next == ',' ? next + 1 : next;
}

static bool opts_do_parse(QemuOpts *opts, const char *params,
                          const char *firstname, Error **errp)
{
    const char *p = params;

    while (*p) {
        g_autofree char *name = NULL;
        g_autofree char *value = NULL;

        p = get_opt_name_value(p, firstname, &name, &value);
        firstname = NULL;
        if (!*name) {
            error_setg(errp, "Invalid parameter ''");
            return false;
        }
        if (!strcmp(name, "id")) {
            /* Consumed by qemu_opts_create(). */
            continue;
        }
        if (!opt_set(opts, name, value, errp)) {
            return false;
        }
    }
    return true;
}

bool qemu_opts_do_parse(QemuOpts *opts, const char *params,
                        const char *firstname, Error **errp)
{
    return opts_do_parse(opts, params, firstname, errp);
}

/*
 * The value of "id=" in @params (the last one wins), or NULL.  It is found
 * with the same splitter as the real parse so that escaped commas and an
 * implied first value cannot fool it.
 */
static char *opts_parse_id(const char *params, const char *firstname)
{
    const char *p = params;
    char *id = NULL;

    while (*p) {
        g_autofree char *name = NULL;
        char *value = NULL;

        p = get_opt_name_value(p, firstname, &name, &value);
        firstname = NULL;
        if (!strcmp(name, "id")) {
            g_free(id);
            id = value;
        } else {
            g_free(value);
        }
    }
    return id;
}

QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp)
{
    const char *firstname = permit_abbrev ? list->implied_opt_name : NULL;
    g_autofree char *id = opts_parse_id(params, firstname);
    /* A merge_lists list may hand back an existing entry: keep it. */
    bool existed = list->merge_lists && qemu_opts_find(list, NULL);
    QemuOpts *opts;

    opts = qemu_opts_create(list, id, 1, errp);
    if (!opts) {
        return NULL;
    }
    if (!opts_do_parse(opts, params, firstname, errp)) {
        if (!existed) {
            qemu_opts_del(opts);
        }
        return NULL;
    }
    return opts;
}

QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(list, params, permit_abbrev, &err);

    if (!opts) {
        error_report_err(err);
        return NULL;
    }
    if (qemu_opt_has_help_opt(opts)) {
        qemu_opts_print_help(list, true);
        qemu_opts_del(opts);
        return NULL;
    }
    return opts;
}

bool qemu_opt_has_help_opt(QemuOpts *opts)
{
    return qemu_opt_find(opts, HELP_OPT_NAME) != NULL &&
           !find_desc_by_name(opts->list->desc, HELP_OPT_NAME);
}

bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc, Error **errp)
{
    for (GList *l = opts->opts.head; l; l = l->next) {
        QemuOpt *opt = l->data;
        const QemuOptDesc *d = find_desc_by_name(desc, opt->name);

        if (!d) {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
            return false;
        }
        if (!qemu_opt_parse(opt, d, errp)) {
            return false;
        }
    }
    return true;
}

const char *qemu_opt_get(QemuOpts *opts, const char *name)
{
    QemuOpt *opt;
    const QemuOptDesc *desc;

    if (!opts) {
        return NULL;
    }
    opt = qemu_opt_find(opts, name);
    if (opt) {
        return opt->str;
    }
    desc = find_desc_by_name(opts->list->desc, name);
    return desc ? desc->def_value_str : NULL;
}

bool qemu_opt_is_set(QemuOpts *opts, const char *name)
{
    return opts && qemu_opt_find(opts, name) != NULL;
}

/*
 * Shared body of the typed getters: find the value (or the declared
 * default) and convert it with @type's rules.  A value that does not
 * convert, possible only on lists that accept anything, yields @defval.
 */
static bool qemu_opt_get_typed(QemuOpts *opts, const char *name,
                               enum QemuOptType type, QemuOpt *out)
{
    QemuOpt *opt;
    const QemuOptDesc *desc;
    QemuOpt tmp = { .name = (char *)name };
    QemuOptDesc want = { .name = name, .type = type };

    if (!opts) {
        return false;
    }
    opt = qemu_opt_find(opts, name);
    if (opt && opt->desc) {
        g_assert(opt->desc->type == type);
        *out = *opt;
        return true;
    }
    if (opt) {
        tmp.str = opt->str;
    } else {
        desc = find_desc_by_name(opts->list->desc, name);
        if (!desc || !desc->def_value_str) {
            return false;
        }
        g_assert(desc->type == type);
        tmp.str = (char *)desc->def_value_str;
    }
    if (!qemu_opt_parse(&tmp, &want, NULL)) {
        return false;
    }
    *out = tmp;
    return true;
}

bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval)
{
    QemuOpt v;

    return qemu_opt_get_typed(opts, name, QEMU_OPT_BOOL, &v)
           ? v.value.boolean : defval;
}

uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval)
{
    QemuOpt v;

    return qemu_opt_get_typed(opts, name, QEMU_OPT_NUMBER, &v)
           ? v.value.uint : defval;
}

uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name, uint64_t defval)
{
    QemuOpt v;

    return qemu_opt_get_typed(opts, name, QEMU_OPT_SIZE, &v)
           ? v.value.uint : defval;
}

bool qemu_opt_unset(QemuOpts *opts, const char *name)
{
    bool found = false;
    GList *l = opts->opts.head;

    while (l) {
        GList *next = l->next;
        QemuOpt *opt = l->data;

        if (!strcmp(opt->name, name)) {
            g_queue_delete_link(&opts->opts, l);
            qemu_opt_free(opt);
            found = true;
        }
        l = next;
    }
    return found;
}

bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp)
{
    return opt_set(opts, name, value, errp);
}

bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool val,
                       Error **errp)
{
    return opt_set(opts, name, val ? "on" : "off", errp);
}

bool qemu_opt_set_number(QemuOpts *opts, const char *name, int64_t val,
                         Error **errp)
{
    g_autofree char *str = g_strdup_printf("%" PRId64, val);

    return opt_set(opts, name, str, errp);
}

int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp)
{
    for (GList *l = opts->opts.head; l; l = l->next) {
        QemuOpt *opt = l->data;
        int ret = func(opaque, opt->name, opt->str, errp);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp)
{
    GList *l = list->head;

    while (l) {
        /* Step first: @func may delete the entry it is given. */
        QemuOpts *opts = l->data;
        Location loc = opts->loc;   /* a copy: @opts may be freed */
        int ret;

        l = l->next;
        loc_push_restore(&loc);
        ret = func(opaque, opts, errp);
        loc_pop(&loc);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

json_t *qemu_opts_to_json(QemuOpts *opts, json_t *obj)
{
    if (!obj) {
        obj = json_object();
    }
    if (opts->id) {
        json_object_set_new(obj, "id", json_string(opts->id));
    }
    for (GList *l = opts->opts.head; l; l = l->next) {
        QemuOpt *opt = l->data;
        json_t *str = json_string(opt->str);

        /* A value that is not UTF-8 cannot be a JSON string: leave it. */
        if (str) {
            json_object_set_new(obj, opt->name, str);
        }
    }
    return obj;
}

QemuOpts *qemu_opts_from_json(QemuOptsList *list, const json_t *obj,
                              Error **errp)
{
    const json_t *jid = json_object_get(obj, "id");
    const char *id = NULL;
    const char *key;
    json_t *val;
    QemuOpts *opts;

    if (jid) {
        if (!json_is_string(jid)) {
            error_setg(errp, "Parameter 'id' expects a string");
            return NULL;
        }
        id = json_string_value(jid);
    }
    opts = qemu_opts_create(list, id, 1, errp);
    if (!opts) {
        return NULL;
    }
    json_object_foreach((json_t *)obj, key, val) {
        g_autofree char *str = NULL;

        if (!strcmp(key, "id")) {
            continue;
        }
        switch (json_typeof(val)) {
        case JSON_STRING:
            str = g_strdup(json_string_value(val));
            break;
        case JSON_INTEGER:
            str = g_strdup_printf("%" JSON_INTEGER_FORMAT,
                                  json_integer_value(val));
            break;
        case JSON_REAL:
            str = g_strdup_printf("%.17g", json_real_value(val));
            break;
        case JSON_TRUE:
            str = g_strdup("on");
            break;
        case JSON_FALSE:
            str = g_strdup("off");
            break;
        default:
            error_setg(errp, "Parameter '%s' expects a scalar value", key);
            qemu_opts_del(opts);
            return NULL;
        }
        if (!opt_set(opts, key, str, errp)) {
            qemu_opts_del(opts);
            return NULL;
        }
    }
    return opts;
}

static const char *opt_type_to_str(enum QemuOptType type)
{
    switch (type) {
    case QEMU_OPT_STRING:
        return "str";
    case QEMU_OPT_BOOL:
        return "bool (on/off)";
    case QEMU_OPT_NUMBER:
        return "num";
    case QEMU_OPT_SIZE:
        return "size";
    }
    g_assert_not_reached();
}

static gint desc_cmp(gconstpointer a, gconstpointer b)
{
    const QemuOptDesc *da = *(const QemuOptDesc *const *)a;
    const QemuOptDesc *db = *(const QemuOptDesc *const *)b;

    return strcmp(da->name, db->name);
}

char *qemu_opts_help_str(QemuOptsList *list, bool print_caption)
{
    GString *out = g_string_new(NULL);
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();

    for (const QemuOptDesc *d = list->desc; d->name; d++) {
        g_ptr_array_add(sorted, (gpointer)d);
    }
    g_ptr_array_sort(sorted, desc_cmp);

    if (print_caption && list->name) {
        g_string_append_printf(out, "%s options:\n", list->name);
    }
    if (sorted->len == 0) {
        g_string_append(out, "  There are no options.\n");
    }
    for (guint i = 0; i < sorted->len; i++) {
        const QemuOptDesc *d = g_ptr_array_index(sorted, i);
        g_autofree char *lhs = g_strdup_printf("%s=<%s>", d->name,
                                               opt_type_to_str(d->type));

        if (d->help) {
            g_string_append_printf(out, "  %-24s - %s", lhs, d->help);
        } else {
            g_string_append_printf(out, "  %s", lhs);
        }
        if (d->def_value_str) {
            g_string_append_printf(out, " (default: %s)", d->def_value_str);
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, false);
}

void qemu_opts_print_help(QemuOptsList *list, bool print_caption)
{
    g_autofree char *text = qemu_opts_help_str(list, print_caption);

    fputs(text, stdout);
    fflush(stdout);
}
