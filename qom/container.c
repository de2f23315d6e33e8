/*
 * The composition tree: the root object, containers, walking children
 * and resolving paths.
 *
 * Every object reachable from the root through child<> properties has a
 * canonical path: the names of those properties from the root down,
 * e.g. "/machine/peripheral/net0".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom-internal.h"

static Object *root;

Object *object_get_root(void)
{
    if (!root) {
        root = object_new(TYPE_CONTAINER);
    }
    return root;
}

Object *container_get(Object *parent, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", -1);
    Object *obj = parent;

    for (int i = 0; parts[i]; i++) {
        Object *child;

        if (!*parts[i]) {
            continue;
        }
        child = object_resolve_path_component(obj, parts[i]);
        if (!child) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, parts[i], child);
            object_unref(child);
        }
        obj = child;
    }
    return obj;
}

Object *object_get_container(const char *name)
{
    return container_get(object_get_root(), name);
}

Object *object_get_objects_root(void)
{
    return object_get_container("objects");
}

/* ---------------------------------------------------------------------- */
/* Walking children                                                        */
/* ---------------------------------------------------------------------- */

/* The children of @obj, each with a reference the caller must drop. */
static GPtrArray *object_children_snapshot(Object *obj)
{
    GPtrArray *children = g_ptr_array_new();
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, object_ref(prop->opaque));
        }
    }
    return children;
}

static int do_object_child_foreach(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque, bool recurse)
{
    /*
     * Walk a snapshot, holding a reference on each child, so that @fn may
     * unparent children (even the one it is looking at) safely.
     */
    GPtrArray *children = object_children_snapshot(obj);
    int ret = 0;
    guint i;

    for (i = 0; i < children->len && ret == 0; i++) {
        Object *child = g_ptr_array_index(children, i);

        /* Skip children an earlier call removed from @obj. */
        if (child->parent != obj) {
            continue;
        }
        ret = fn(child, opaque);
        if (ret == 0 && recurse) {
            ret = do_object_child_foreach(child, fn, opaque, true);
        }
    }
    for (i = 0; i < children->len; i++) {
        object_unref(g_ptr_array_index(children, i));
    }
    g_ptr_array_free(children, true);
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, true);
}

/* ---------------------------------------------------------------------- */
/* Canonical paths                                                         */
/* ---------------------------------------------------------------------- */

char *object_get_canonical_path_component(const Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (!obj->parent) {
        return NULL;
    }
    object_property_iter_init(&iter, obj->parent);
    while ((prop = object_property_iter_next(&iter))) {
        if (object_property_is_child(prop) && prop->opaque == obj) {
            return g_strdup(prop->name);
        }
    }
    g_assert_not_reached();
}

char *object_get_canonical_path(const Object *obj)
{
    Object *r = object_get_root();
    GString *path;
    GPtrArray *parts;

    if (obj == r) {
        return g_strdup("/");
    }
    parts = g_ptr_array_new_with_free_func(g_free);
    while (obj != r) {
        char *component = object_get_canonical_path_component(obj);

        if (!component) {
            /* Not in the tree rooted at "/". */
            g_ptr_array_free(parts, true);
            return NULL;
        }
        g_ptr_array_add(parts, component);
        obj = obj->parent;
    }
    path = g_string_new("");
    for (guint i = parts->len; i > 0; i--) {
        g_string_append_c(path, '/');
        g_string_append(path, g_ptr_array_index(parts, i - 1));
    }
    g_ptr_array_free(parts, true);
    return g_string_free(path, false);
}

/* ---------------------------------------------------------------------- */
/* Resolution                                                              */
/* ---------------------------------------------------------------------- */

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

/* Follow @parts from @parent; the result must be-a @typename. */
static Object *object_resolve_abs_path(Object *parent, char **parts,
                                       const char *typename)
{
    Object *obj = parent;

    for (; *parts; parts++) {
        if (!**parts) {
            continue;
        }
        obj = object_resolve_path_component(obj, *parts);
        if (!obj) {
            return NULL;
        }
    }
    return object_dynamic_cast(obj, typename);
}

/*
 * Every object under @parent whose path ends with @parts: one match wins,
 * two or more are ambiguous.
 */
static Object *object_resolve_partial_path(Object *parent, char **parts,
                                           const char *typename,
                                           bool *ambiguous)
{
    Object *obj = object_resolve_abs_path(parent, parts, typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_property_iter_init(&iter, parent);
    while ((prop = object_property_iter_next(&iter))) {
        Object *found;

        if (!object_property_is_child(prop)) {
            continue;
        }
        found = object_resolve_partial_path(prop->opaque, parts, typename,
                                            ambiguous);
        if (*ambiguous) {
            return NULL;
        }
        if (found) {
            if (obj && obj != found) {
                *ambiguous = true;
                return NULL;
            }
            obj = found;
        }
    }
    return obj;
}

static Object *resolve_path_type_at(Object *parent, const char *path,
                                    const char *typename, bool *ambiguousp)
{
    g_auto(GStrv) parts = NULL;
    bool ambiguous = false;
    Object *obj;

    if (!path || !*path) {
        return NULL;
    }
    parts = g_strsplit(path, "/", -1);
    if (path[0] == '/') {
        obj = object_resolve_abs_path(object_get_root(), parts, typename);
    } else {
        obj = object_resolve_partial_path(parent, parts, typename,
                                          &ambiguous);
    }
    if (ambiguousp) {
        *ambiguousp = ambiguous;
    }
    return obj;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous)
{
    return resolve_path_type_at(object_get_root(), path, typename,
                                ambiguous);
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    g_auto(GStrv) parts = NULL;

    if (!path || !*path) {
        return NULL;
    }
    parts = g_strsplit(path, "/", -1);
    if (path[0] == '/') {
        return object_resolve_abs_path(object_get_root(), parts,
                                       TYPE_OBJECT);
    }
    return object_resolve_abs_path(parent, parts, TYPE_OBJECT);
}
