/*
 * QOM typed properties: bool, string, enum, integers backed by memory,
 * child<T>, link<T> and aliases, plus the typed get/set wrappers.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom-internal.h"

bool object_property_is_child(const ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "child<");
}

bool object_property_is_link(const ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "link<");
}

/* ---------------------------------------------------------------------- */
/* bool                                                                    */
/* ---------------------------------------------------------------------- */

typedef struct BoolProperty {
    bool (*get)(Object *, Error **);
    void (*set)(Object *, bool, Error **);
} BoolProperty;

static json_t *property_get_bool(Object *obj, const char *name,
                                 void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    Error *err = NULL;
    bool value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return json_boolean(value);
}

static bool property_set_bool(Object *obj, const char *name, json_t *value,
                              void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    Error *err = NULL;
    bool v;

    if (!qom_json_get_bool(value, name, &v, errp)) {
        return false;
    }
    prop->set(obj, v, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    BoolProperty *prop = g_new0(BoolProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_opaque, prop);
}

ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **))
{
    /* Class properties live as long as the class: never released. */
    BoolProperty *prop = g_new0(BoolProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL,
                                     NULL, prop);
}

/* ---------------------------------------------------------------------- */
/* str                                                                     */
/* ---------------------------------------------------------------------- */

typedef struct StringProperty {
    char *(*get)(Object *, Error **);
    void (*set)(Object *, const char *, Error **);
} StringProperty;

static json_t *property_get_str(Object *obj, const char *name,
                                void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    Error *err = NULL;
    char *value = prop->get(obj, &err);
    json_t *ret;

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    ret = json_string(value ? value : "");
    g_free(value);
    return ret;
}

static bool property_set_str(Object *obj, const char *name, json_t *value,
                             void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    Error *err = NULL;
    const char *s = qom_json_get_str(value, name, errp);

    if (!s) {
        return false;
    }
    prop->set(obj, s, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    StringProperty *prop = g_new0(StringProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, "str",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_opaque, prop);
}

ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **))
{
    StringProperty *prop = g_new0(StringProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, "str",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL,
                                     NULL, prop);
}

/* ---------------------------------------------------------------------- */
/* enum                                                                    */
/* ---------------------------------------------------------------------- */

typedef struct EnumProperty {
    const QEnumLookup *lookup;
    int (*get)(Object *, Error **);
    void (*set)(Object *, int, Error **);
} EnumProperty;

static json_t *property_get_enum(Object *obj, const char *name,
                                 void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    Error *err = NULL;
    int value = prop->get(obj, &err);
    const char *str;

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    str = qapi_enum_lookup(prop->lookup, value);
    if (!str) {
        error_setg(errp, "Property '%s' has invalid value %d", name, value);
        return NULL;
    }
    return json_string(str);
}

static bool property_set_enum(Object *obj, const char *name, json_t *value,
                              void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    Error *err = NULL;
    const char *s = qom_json_get_str(value, name, errp);
    int v;

    if (!s) {
        return false;
    }
    v = qapi_enum_parse(prop->lookup, s, -1, NULL);
    if (v < 0) {
        error_setg(errp, "Parameter '%s' does not accept value '%s'",
                   name, s);
        return false;
    }
    prop->set(obj, v, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **))
{
    EnumProperty *prop = g_new0(EnumProperty, 1);

    prop->lookup = lookup;
    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, typename,
                               get ? property_get_enum : NULL,
                               set ? property_set_enum : NULL,
                               property_release_opaque, prop);
}

ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               int (*get)(Object *,
                                                          Error **),
                                               void (*set)(Object *, int,
                                                           Error **))
{
    EnumProperty *prop = g_new0(EnumProperty, 1);

    prop->lookup = lookup;
    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, typename,
                                     get ? property_get_enum : NULL,
                                     set ? property_set_enum : NULL,
                                     NULL, prop);
}

int object_property_get_enum(Object *obj, const char *name,
                             const char *typename, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    EnumProperty *enumprop;
    json_t *value;
    int ret;

    if (!prop) {
        return -1;
    }
    if (prop->get != property_get_enum ||
        strcmp(prop->type, typename) != 0) {
        error_setg(errp, "Property '%s.%s' is not of enum type '%s'",
                   object_get_typename(obj), name, typename);
        return -1;
    }
    enumprop = prop->opaque;
    value = object_property_get(obj, name, errp);
    if (!value) {
        return -1;
    }
    ret = qapi_enum_parse(enumprop->lookup, json_string_value(value), -1,
                          errp);
    json_decref(value);
    return ret;
}

/* ---------------------------------------------------------------------- */
/* Integers backed by memory                                               */
/* ---------------------------------------------------------------------- */

/*
 * Instance properties keep a pointer in opaque; class properties keep the
 * offset of the field in the instance.
 */
#define DEFINE_UINT_PTR_PROP(bits) \
static json_t *property_get_uint##bits##_ptr(Object *obj, const char *name, \
                                             void *opaque, Error **errp) \
{ \
    return qom_json_from_uint(*(uint##bits##_t *)opaque); \
} \
static bool property_set_uint##bits##_ptr(Object *obj, const char *name, \
                                          json_t *value, void *opaque, \
                                          Error **errp) \
{ \
    uint64_t v; \
    if (!qom_json_get_uint(value, name, UINT##bits##_MAX, "uint" #bits, \
                           &v, errp)) { \
        return false; \
    } \
    *(uint##bits##_t *)opaque = v; \
    return true; \
} \
static json_t *property_get_class_uint##bits##_ptr(Object *obj, \
                                                   const char *name, \
                                                   void *opaque, \
                                                   Error **errp) \
{ \
    return property_get_uint##bits##_ptr(obj, name, \
        (char *)obj + (ptrdiff_t)(uintptr_t)opaque, errp); \
} \
static bool property_set_class_uint##bits##_ptr(Object *obj, \
                                                const char *name, \
                                                json_t *value, void *opaque, \
                                                Error **errp) \
{ \
    return property_set_uint##bits##_ptr(obj, name, value, \
        (char *)obj + (ptrdiff_t)(uintptr_t)opaque, errp); \
} \
ObjectProperty *object_property_add_uint##bits##_ptr( \
    Object *obj, const char *name, const uint##bits##_t *v, \
    ObjectPropertyFlags flags) \
{ \
    return object_property_add(obj, name, "uint" #bits, \
        (flags & OBJ_PROP_FLAG_READ) ? property_get_uint##bits##_ptr : NULL, \
        (flags & OBJ_PROP_FLAG_WRITE) ? property_set_uint##bits##_ptr \
                                      : NULL, \
        NULL, (void *)v); \
} \
ObjectProperty *object_class_property_add_uint##bits##_ptr( \
    ObjectClass *klass, const char *name, ptrdiff_t offset, \
    ObjectPropertyFlags flags) \
{ \
    return object_class_property_add(klass, name, "uint" #bits, \
        (flags & OBJ_PROP_FLAG_READ) ? property_get_class_uint##bits##_ptr \
                                     : NULL, \
        (flags & OBJ_PROP_FLAG_WRITE) ? property_set_class_uint##bits##_ptr \
                                      : NULL, \
        NULL, (void *)(uintptr_t)offset); \
}

DEFINE_UINT_PTR_PROP(8)
DEFINE_UINT_PTR_PROP(16)
DEFINE_UINT_PTR_PROP(32)
DEFINE_UINT_PTR_PROP(64)

/* ---------------------------------------------------------------------- */
/* child<T>                                                                */
/* ---------------------------------------------------------------------- */

static json_t *object_get_child_property(Object *obj, const char *name,
                                         void *opaque, Error **errp)
{
    g_autofree char *path = object_get_canonical_path(opaque);

    return json_string(path ? path : "");
}

static Object *object_resolve_child_property(Object *parent, void *opaque,
                                             const char *part)
{
    return opaque;
}

/*
 * Removing a child: tell the child first (devices unrealize in their
 * unparent hook), then cut the tie and drop the parent's reference.
 */
static void object_finalize_child_property(Object *obj, const char *name,
                                           void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        child->class->unparent(child);
    }
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *op;

    g_assert(!child->parent);
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    op = object_property_try_add(obj, name, type, object_get_child_property,
                                 NULL, object_finalize_child_property,
                                 child, errp);
    if (!op) {
        return NULL;
    }
    op->resolve = object_resolve_child_property;
    object_ref(child);
    child->parent = obj;
    return op;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (!parent) {
        return;
    }
    object_property_iter_init(&iter, parent);
    while ((prop = object_property_iter_next(&iter))) {
        if (object_property_is_child(prop) && prop->opaque == obj) {
            g_autofree char *name = g_strdup(prop->name);

            object_property_del(parent, name);
            return;
        }
    }
    g_assert_not_reached();
}

/* ---------------------------------------------------------------------- */
/* link<T>                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct LinkProperty {
    union {
        Object **targetp;
        ptrdiff_t offset;   /* OBJ_PROP_LINK_CLASS */
    };
    ObjectPropertyLinkCheck *check;
    ObjectPropertyLinkFlags flags;
} LinkProperty;

static Object **link_targetp(Object *obj, LinkProperty *lprop)
{
    if (lprop->flags & OBJ_PROP_LINK_CLASS) {
        return (Object **)((char *)obj + lprop->offset);
    }
    return lprop->targetp;
}

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    /* Any target will do. */
}

static json_t *object_get_link_property(Object *obj, const char *name,
                                        void *opaque, Error **errp)
{
    Object *target = *link_targetp(obj, opaque);
    g_autofree char *path = NULL;

    if (target) {
        path = object_get_canonical_path(target);
    }
    return json_string(path ? path : "");
}

/* The T of "link<T>"; g_free the result. */
static char *link_target_type(const ObjectProperty *prop)
{
    const char *start = prop->type + strlen("link<");

    return g_strndup(start, strlen(start) - 1);
}

/* Point a link at @target (NULL clears), applying type and check rules. */
static bool link_set_target(Object *obj, ObjectProperty *prop,
                            Object *target, Error **errp)
{
    LinkProperty *lprop = prop->opaque;
    Object **targetp = link_targetp(obj, lprop);
    Object *old = *targetp;
    g_autofree char *type = link_target_type(prop);
    Error *local_err = NULL;

    if (target && !object_dynamic_cast(target, type)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   prop->name, type);
        return false;
    }
    lprop->check(obj, prop->name, target, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    /* Take the new reference before dropping the old: they may be equal. */
    *targetp = target;
    if (lprop->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(target);
        object_unref(old);
    }
    return true;
}

static bool object_set_link_property(Object *obj, const char *name,
                                     json_t *value, void *opaque,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);
    g_autofree char *type = link_target_type(prop);
    const char *path = qom_json_get_str(value, name, errp);
    Object *target = NULL;
    bool ambiguous = false;

    if (!path) {
        return false;
    }
    if (*path) {
        target = object_resolve_path_type(path, type, &ambiguous);
        if (ambiguous) {
            error_setg(errp, "Path '%s' does not uniquely identify an "
                       "object", path);
            return false;
        }
        if (!target) {
            if (object_resolve_path(path, &ambiguous) || ambiguous) {
                error_setg(errp, "Invalid parameter type for '%s', "
                           "expected: %s", name, type);
            } else {
                error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                          "Device '%s' not found", path);
            }
            return false;
        }
    }
    return link_set_target(obj, prop, target, errp);
}

static Object *object_resolve_link_property(Object *parent, void *opaque,
                                            const char *part)
{
    return *link_targetp(parent, opaque);
}

static void object_release_link_property(Object *obj, const char *name,
                                         void *opaque)
{
    LinkProperty *lprop = opaque;
    Object **targetp = link_targetp(obj, lprop);

    if ((lprop->flags & OBJ_PROP_LINK_STRONG) && *targetp) {
        Object *target = *targetp;

        *targetp = NULL;
        object_unref(target);
    }
    if (!(lprop->flags & OBJ_PROP_LINK_CLASS)) {
        g_free(lprop);
    }
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectPropertyLinkCheck *check,
                                         ObjectPropertyLinkFlags flags)
{
    LinkProperty *lprop = g_new0(LinkProperty, 1);
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *op;

    lprop->targetp = targetp;
    lprop->check = check;
    lprop->flags = flags & OBJ_PROP_LINK_STRONG;
    op = object_property_add(obj, name, full_type, object_get_link_property,
                             check ? object_set_link_property : NULL,
                             object_release_link_property, lprop);
    op->resolve = object_resolve_link_property;
    return op;
}

ObjectProperty *object_class_property_add_link(ObjectClass *oc,
                                               const char *name,
                                               const char *type,
                                               ptrdiff_t offset,
                                               ObjectPropertyLinkCheck *check,
                                               ObjectPropertyLinkFlags flags)
{
    LinkProperty *lprop = g_new0(LinkProperty, 1);
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *op;

    lprop->offset = offset;
    lprop->check = check;
    lprop->flags = (flags & OBJ_PROP_LINK_STRONG) | OBJ_PROP_LINK_CLASS;
    op = object_class_property_add(oc, name, full_type,
                                   object_get_link_property,
                                   check ? object_set_link_property : NULL,
                                   object_release_link_property, lprop);
    op->resolve = object_resolve_link_property;
    return op;
}

/* ---------------------------------------------------------------------- */
/* Aliases                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct AliasProperty {
    Object *target_obj;
    char *target_name;
} AliasProperty;

static json_t *property_get_alias(Object *obj, const char *name,
                                  void *opaque, Error **errp)
{
    AliasProperty *prop = opaque;

    return object_property_get(prop->target_obj, prop->target_name, errp);
}

static bool property_set_alias(Object *obj, const char *name, json_t *value,
                               void *opaque, Error **errp)
{
    AliasProperty *prop = opaque;

    return object_property_set(prop->target_obj, prop->target_name, value,
                               errp);
}

static Object *property_resolve_alias(Object *obj, void *opaque,
                                      const char *part)
{
    AliasProperty *prop = opaque;

    return object_resolve_path_component(prop->target_obj,
                                         prop->target_name);
}

static void property_release_alias(Object *obj, const char *name,
                                   void *opaque)
{
    AliasProperty *prop = opaque;

    g_free(prop->target_name);
    g_free(prop);
}

ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name)
{
    ObjectProperty *target_prop, *op;
    AliasProperty *prop;
    g_autofree char *type = NULL;

    target_prop = object_property_find_err(target_obj, target_name,
                                           &error_abort);
    if (object_property_is_child(target_prop)) {
        /* An alias does not own: it is a link to the child. */
        type = g_strdup_printf("link%s",
                               target_prop->type + strlen("child"));
    } else {
        type = g_strdup(target_prop->type);
    }
    prop = g_new0(AliasProperty, 1);
    prop->target_obj = target_obj;
    prop->target_name = g_strdup(target_name);
    op = object_property_add(obj, name, type,
                             target_prop->get ? property_get_alias : NULL,
                             target_prop->set ? property_set_alias : NULL,
                             property_release_alias, prop);
    op->resolve = property_resolve_alias;
    if (target_prop->description) {
        op->description = g_strdup(target_prop->description);
    }
    return op;
}

/* ---------------------------------------------------------------------- */
/* Typed get/set wrappers                                                  */
/* ---------------------------------------------------------------------- */

static bool property_set_steal(Object *obj, const char *name, json_t *value,
                               Error **errp)
{
    bool ok = object_property_set(obj, name, value, errp);

    json_decref(value);
    return ok;
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    return property_set_steal(obj, name, json_string(value), errp);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    return property_set_steal(obj, name, json_boolean(value), errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    return property_set_steal(obj, name, json_integer(value), errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    return property_set_steal(obj, name, qom_json_from_uint(value), errp);
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (prop->set == property_set_alias) {
        AliasProperty *alias = prop->opaque;

        return object_property_set_link(alias->target_obj,
                                        alias->target_name, value, errp);
    }
    if (prop->set == object_set_link_property) {
        /* By pointer: the target need not be in the composition tree. */
        return link_set_target(obj, prop, value, errp);
    }
    if (value) {
        g_autofree char *path = object_get_canonical_path(value);

        if (!path) {
            error_setg(errp, "Property '%s.%s': the target has no path",
                       object_get_typename(obj), name);
            return false;
        }
        return object_property_set_str(obj, name, path, errp);
    }
    return object_property_set_str(obj, name, "", errp);
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    json_t *value = object_property_get(obj, name, errp);
    char *ret = NULL;

    if (!value) {
        return NULL;
    }
    if (json_is_string(value)) {
        ret = g_strdup(json_string_value(value));
    } else {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   name);
    }
    json_decref(value);
    return ret;
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    json_t *value = object_property_get(obj, name, errp);
    bool ret = false;

    if (!value) {
        return false;
    }
    if (json_is_boolean(value)) {
        ret = json_is_true(value);
    } else {
        error_setg(errp, "Invalid parameter type for '%s', expected: "
                   "boolean", name);
    }
    json_decref(value);
    return ret;
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    json_t *value = object_property_get(obj, name, errp);
    int64_t ret = -1;

    if (!value) {
        return -1;
    }
    if (json_is_integer(value)) {
        ret = json_integer_value(value);
    } else {
        error_setg(errp, "Invalid parameter type for '%s', expected: int",
                   name);
    }
    json_decref(value);
    return ret;
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    json_t *value = object_property_get(obj, name, errp);
    uint64_t ret = 0;

    if (!value) {
        return 0;
    }
    if (json_is_integer(value)) {
        ret = (uint64_t)json_integer_value(value);
    } else {
        error_setg(errp, "Invalid parameter type for '%s', expected: uint",
                   name);
    }
    json_decref(value);
    return ret;
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;
    Object *target;

    if (!prop) {
        return NULL;
    }
    if (prop->resolve) {
        return prop->resolve(obj, prop->opaque, name);
    }
    path = object_property_get_str(obj, name, errp);
    if (!path || !*path) {
        return NULL;
    }
    target = object_resolve_path(path, NULL);
    if (!target) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", path);
    }
    return target;
}

/* ---------------------------------------------------------------------- */
/* Construction with properties                                            */
/* ---------------------------------------------------------------------- */

static bool object_set_propv(Object *obj, Error **errp, va_list vargs)
{
    const char *propname;

    while ((propname = va_arg(vargs, const char *))) {
        const char *value = va_arg(vargs, const char *);

        g_assert(value != NULL);
        if (!object_property_parse(obj, propname, value, errp)) {
            return false;
        }
    }
    return true;
}

bool object_set_props(Object *obj, Error **errp, ...)
{
    va_list vargs;
    bool ok;

    va_start(vargs, errp);
    ok = object_set_propv(obj, errp, vargs);
    va_end(vargs);
    return ok;
}

bool object_initialize_child_with_props(Object *parentobj,
                                        const char *propname,
                                        void *childobj, size_t size,
                                        const char *type, Error **errp,
                                        ...)
{
    va_list vargs;
    bool ok;

    object_initialize(childobj, size, type);
    va_start(vargs, errp);
    ok = object_set_propv(OBJECT(childobj), errp, vargs);
    va_end(vargs);
    if (ok) {
        object_property_add_child(parentobj, propname, OBJECT(childobj));
    }
    /* Either the parent now owns it, or this finalizes it. */
    object_unref(childobj);
    return ok;
}

Object *object_new_with_props(const char *typename, Object *parent,
                              const char *id, Error **errp, ...)
{
    ObjectClass *klass = object_class_by_name(typename);
    va_list vargs;
    Object *obj;
    bool ok;

    g_assert(!parent || id);
    if (!klass) {
        error_setg(errp, "invalid object type: %s", typename);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", typename);
        return NULL;
    }
    obj = object_new_with_class(klass);
    va_start(vargs, errp);
    ok = object_set_propv(obj, errp, vargs);
    va_end(vargs);
    if (ok && parent &&
        !object_property_try_add_child(parent, id, obj, errp)) {
        ok = false;
    }
    if (!ok) {
        object_unref(obj);
        return NULL;
    }
    if (parent) {
        /* The parent's reference is the one that keeps it. */
        object_unref(obj);
    }
    return obj;
}
