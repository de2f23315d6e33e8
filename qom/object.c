/*
 * QOM core: the type registry, class creation, instances, casts,
 * reference counting and the property tables.
 *
 * Typed properties (bool, str, integers, child, link, ...) are in
 * object-props.c, value conversion in object-json.c, and the composition
 * tree (root, containers, paths) in container.c.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qom/object.h"
#include "qom-internal.h"

struct TypeImpl {
    const char *name;
    const char *parent;
    Type parent_type;

    size_t class_size;
    size_t instance_size;
    size_t instance_align;

    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    int num_interfaces;
    const char **interfaces;

    ObjectClass *class;
    bool initializing;
};

/* name -> TypeImpl, plus the registration order for stable listings. */
static GHashTable *type_table;
static GPtrArray *type_order;
static Type type_interface_cached;

static void type_table_ensure(void)
{
    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
        type_order = g_ptr_array_new();
    }
}

static Type type_get_by_name(const char *name)
{
    if (!name) {
        return NULL;
    }
    type_table_ensure();
    return g_hash_table_lookup(type_table, name);
}

static Type type_new(const TypeInfo *info, bool copy)
{
    Type ti = g_new0(struct TypeImpl, 1);
    int n = 0;

    g_assert(info->name);
    ti->name = copy ? g_strdup(info->name) : info->name;
    ti->parent = copy ? g_strdup(info->parent) : info->parent;
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->instance_align = info->instance_align;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;

    while (info->interfaces && info->interfaces[n].type) {
        n++;
    }
    ti->num_interfaces = n;
    ti->interfaces = g_new0(const char *, n + 1);
    for (int i = 0; i < n; i++) {
        ti->interfaces[i] = copy ? g_strdup(info->interfaces[i].type)
                                 : info->interfaces[i].type;
    }
    return ti;
}

static Type type_register_internal(const TypeInfo *info, bool copy)
{
    Type ti;

    type_table_ensure();
    if (g_hash_table_lookup(type_table, info->name)) {
        /* Two types with one name is a programming error. */
        fprintf(stderr, "qom: type '%s' registered twice\n", info->name);
        abort();
    }
    ti = type_new(info, copy);
    g_hash_table_insert(type_table, (gpointer)ti->name, ti);
    g_ptr_array_add(type_order, ti);
    return ti;
}

Type type_register_static(const TypeInfo *info)
{
    return type_register_internal(info, false);
}

Type type_register(const TypeInfo *info)
{
    return type_register_internal(info, true);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (int i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

bool type_exists(const char *typename)
{
    return type_get_by_name(typename) != NULL;
}

/* TYPE_INTERFACE, looked up lazily: registration order is arbitrary. */
static Type type_interface(void)
{
    if (!type_interface_cached) {
        type_interface_cached = type_get_by_name(TYPE_INTERFACE);
    }
    return type_interface_cached;
}

static Type type_get_parent(Type ti)
{
    if (!ti->parent_type && ti->parent) {
        ti->parent_type = type_get_by_name(ti->parent);
        if (!ti->parent_type) {
            fprintf(stderr, "qom: type '%s' has unknown parent type '%s'\n",
                    ti->name, ti->parent);
            abort();
        }
    }
    return ti->parent_type;
}

static bool type_is_ancestor(Type type, Type target)
{
    while (type) {
        if (type == target) {
            return true;
        }
        type = type_get_parent(type);
    }
    return false;
}

static size_t type_class_get_size(Type ti)
{
    if (ti->class_size) {
        return ti->class_size;
    }
    if (type_get_parent(ti)) {
        return type_class_get_size(type_get_parent(ti));
    }
    return sizeof(ObjectClass);
}

static size_t type_object_get_size(Type ti)
{
    if (ti->instance_size) {
        return ti->instance_size;
    }
    if (type_get_parent(ti)) {
        return type_object_get_size(type_get_parent(ti));
    }
    return 0;
}

static size_t type_object_get_align(Type ti)
{
    if (ti->instance_align) {
        return ti->instance_align;
    }
    if (type_get_parent(ti)) {
        return type_object_get_align(type_get_parent(ti));
    }
    return 0;
}

static void type_initialize(Type ti);

/* Does @klass already carry an interface class that is-a @iface? */
static bool class_has_interface(ObjectClass *klass, Type iface)
{
    for (GSList *l = klass->interfaces; l; l = l->next) {
        InterfaceClass *ic = l->data;

        if (type_is_ancestor(ic->interface_type, iface)) {
            return true;
        }
    }
    return false;
}

/*
 * Give @ti's class its own copy of @iface's class struct: the inherited
 * one from the parent class when there is one (so implementations are
 * inherited and can be overridden), else the interface's defaults.
 */
static void type_initialize_interface(Type ti, Type iface,
                                      InterfaceClass *inherited)
{
    InterfaceClass *ic;

    type_initialize(iface);
    ic = g_malloc0(iface->class_size);
    memcpy(ic, inherited ? (void *)inherited : (void *)iface->class,
           iface->class_size);
    ic->parent_class.type = iface;
    ic->parent_class.interfaces = NULL;
    ic->parent_class.properties = NULL;
    ic->parent_class.prop_order = NULL;
    ic->concrete_class = ti->class;
    ic->interface_type = iface;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, ic);
}

static void type_initialize(Type ti)
{
    Type parent;

    if (ti->class) {
        return;
    }
    if (ti->initializing) {
        fprintf(stderr, "qom: type '%s' is its own ancestor\n", ti->name);
        abort();
    }
    ti->initializing = true;

    ti->class_size = type_class_get_size(ti);
    ti->instance_size = type_object_get_size(ti);
    ti->instance_align = type_object_get_align(ti);
    if (ti->instance_size == 0) {
        /* Interfaces and pure class hierarchies cannot be instantiated. */
        ti->abstract = true;
    }

    ti->class = g_malloc0(ti->class_size);
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        g_assert(parent->class_size <= ti->class_size);
        g_assert(parent->instance_size <= ti->instance_size ||
                 ti->instance_size == 0);
        memcpy(ti->class, parent->class, parent->class_size);
        ti->class->interfaces = NULL;
        for (GSList *l = parent->class->interfaces; l; l = l->next) {
            InterfaceClass *ic = l->data;

            type_initialize_interface(ti, ic->interface_type, ic);
        }
    }
    ti->class->properties = g_hash_table_new(g_str_hash, g_str_equal);
    ti->class->prop_order = g_ptr_array_new();
    ti->class->type = ti;

    for (int i = 0; i < ti->num_interfaces; i++) {
        Type iface = type_get_by_name(ti->interfaces[i]);

        if (!iface) {
            fprintf(stderr, "qom: type '%s' implements unknown interface "
                    "'%s'\n", ti->name, ti->interfaces[i]);
            abort();
        }
        if (!type_is_ancestor(iface, type_interface())) {
            fprintf(stderr, "qom: '%s' (implemented by '%s') is not an "
                    "interface\n", iface->name, ti->name);
            abort();
        }
        if (!class_has_interface(ti->class, iface)) {
            type_initialize_interface(ti, iface, NULL);
        }
    }

    /* Ancestors' class_base_init see every subclass before its init. */
    for (Type p = parent; p; p = type_get_parent(p)) {
        if (p->class_base_init) {
            p->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
    ti->initializing = false;
}

/* ---------------------------------------------------------------------- */
/* Classes                                                                 */
/* ---------------------------------------------------------------------- */

ObjectClass *object_class_by_name(const char *typename)
{
    Type ti = type_get_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

ObjectClass *module_object_class_by_name(const char *typename)
{
    return object_class_by_name(typename);
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    Type parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    Type target, type;

    if (!klass) {
        return NULL;
    }
    type = klass->type;
    if (type->name == typename || !strcmp(type->name, typename)) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    if (type_is_ancestor(type, target)) {
        return klass;
    }
    if (klass->interfaces && type_is_ancestor(target, type_interface())) {
        for (GSList *l = klass->interfaces; l; l = l->next) {
            InterfaceClass *ic = l->data;

            if (type_is_ancestor(ic->interface_type, target)) {
                return OBJECT_CLASS(ic);
            }
        }
    }
    return NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!klass) {
        return NULL;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (!ret) {
        fprintf(stderr, "%s:%d:%s: class '%s' is not an instance of "
                "type '%s'\n", file, line, func, klass->type->name,
                typename);
        abort();
    }
    return ret;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    type_table_ensure();
    /* Snapshot: class_init may register further types. */
    g_autoptr(GPtrArray) types = g_ptr_array_copy(type_order, NULL, NULL);

    for (guint i = 0; i < types->len; i++) {
        Type ti = g_ptr_array_index(types, i);
        ObjectClass *k;

        type_initialize(ti);
        k = ti->class;
        if (ti->abstract && !include_abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(k, implements_type)) {
            continue;
        }
        fn(k, opaque);
    }
}

static void class_list_add(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(class_list_add, implements_type, include_abstract,
                         &list);
    return g_slist_reverse(list);
}

static gint class_cmp_name(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements_type,
                                              include_abstract),
                        class_cmp_name);
}

/* ---------------------------------------------------------------------- */
/* Instances                                                               */
/* ---------------------------------------------------------------------- */

static void object_init_with_type(Object *obj, Type ti)
{
    if (type_get_parent(ti)) {
        object_init_with_type(obj, type_get_parent(ti));
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, Type ti)
{
    if (type_get_parent(ti)) {
        object_post_init_with_type(obj, type_get_parent(ti));
    }
    if (ti->instance_post_init) {
        ti->instance_post_init(obj);
    }
}

/* Apply class property initial values (defaults), base class first. */
static void object_class_property_init_all(Object *obj, ObjectClass *klass)
{
    ObjectClass *parent = object_class_get_parent(klass);

    if (parent) {
        object_class_property_init_all(obj, parent);
    }
    for (guint i = 0; i < klass->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(klass->prop_order, i);

        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

static void object_initialize_with_type(Object *obj, size_t size, Type ti)
{
    type_initialize(ti);
    if (ti->abstract) {
        fprintf(stderr, "qom: cannot create an object of abstract type "
                "'%s'\n", ti->name);
        abort();
    }
    g_assert(size >= ti->instance_size);

    memset(obj, 0, ti->instance_size);
    obj->class = ti->class;
    obj->ref = 1;
    obj->properties = g_hash_table_new(g_str_hash, g_str_equal);
    obj->prop_order = g_ptr_array_new();
    object_class_property_init_all(obj, ti->class);
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

void object_initialize(void *data, size_t size, const char *typename)
{
    Type ti = type_get_by_name(typename);

    if (!ti) {
        fprintf(stderr, "qom: missing object type '%s'\n", typename);
        abort();
    }
    object_initialize_with_type(data, size, ti);
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type)
{
    object_initialize(child, size, type);
    object_property_add_child(parent, propname, OBJECT(child));
    /* The parent's reference is now the only one. */
    object_unref(child);
}

static void object_free_aligned(void *p)
{
    free(p);
}

static Object *object_new_with_type(Type ti)
{
    Object *obj;
    size_t align;

    g_assert(ti);
    type_initialize(ti);
    align = ti->instance_align;
    if (align > 2 * sizeof(void *)) {
        void *p = NULL;

        if (posix_memalign(&p, align, ti->instance_size)) {
            g_error("qom: out of memory allocating '%s'", ti->name);
        }
        obj = p;
        object_initialize_with_type(obj, ti->instance_size, ti);
        obj->free = object_free_aligned;
    } else {
        obj = g_malloc0(ti->instance_size ? ti->instance_size
                                          : sizeof(Object));
        object_initialize_with_type(obj, ti->instance_size, ti);
        obj->free = g_free;
    }
    return obj;
}

Object *object_new(const char *typename)
{
    Type ti = type_get_by_name(typename);

    if (!ti) {
        fprintf(stderr, "qom: missing object type '%s'\n", typename);
        abort();
    }
    return object_new_with_type(ti);
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new_with_type(klass->type);
}

static void object_property_free(ObjectProperty *prop)
{
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    json_decref(prop->defval);
    g_free(prop);
}

/*
 * Release every property: instance properties newest first (so children
 * go in the reverse of the order they were added), then the per-instance
 * state of class properties (strong links, strings).  A release hook may
 * delete other properties, so the table is re-read on each step.
 */
static void object_property_del_all(Object *obj)
{
    while (obj->prop_order->len) {
        ObjectProperty *prop =
            g_ptr_array_remove_index(obj->prop_order,
                                     obj->prop_order->len - 1);

        g_hash_table_remove(obj->properties, prop->name);
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
        object_property_free(prop);
    }
    for (ObjectClass *k = obj->class; k; k = object_class_get_parent(k)) {
        for (guint i = 0; i < k->prop_order->len; i++) {
            ObjectProperty *prop = g_ptr_array_index(k->prop_order, i);

            if (prop->release) {
                prop->release(obj, prop->name, prop->opaque);
            }
        }
    }
}

/* instance_finalize runs subclass first, then each ancestor. */
static void object_deinit(Object *obj, Type ti)
{
    if (ti->instance_finalize) {
        ti->instance_finalize(obj);
    }
    if (type_get_parent(ti)) {
        object_deinit(obj, type_get_parent(ti));
    }
}

static void object_finalize(Object *obj)
{
    object_property_del_all(obj);
    object_deinit(obj, obj->class->type);
    g_assert(obj->ref == 0);
    g_assert(obj->parent == NULL);
    g_hash_table_unref(obj->properties);
    g_ptr_array_free(obj->prop_order, true);
    obj->properties = NULL;
    obj->prop_order = NULL;
    if (obj->free) {
        obj->free(obj);
    }
}

Object *object_ref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return NULL;
    }
    g_assert(obj->ref > 0);
    obj->ref++;
    return obj;
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref == 0) {
        object_finalize(obj);
    }
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: object %p of type '%s' is not an "
                "instance of type '%s'\n", file, line, func, (void *)obj,
                object_get_typename(obj), typename);
        abort();
    }
    return obj;
}

/* ---------------------------------------------------------------------- */
/* Property tables                                                         */
/* ---------------------------------------------------------------------- */

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        ObjectProperty *prop;

        if (!klass->properties) {
            continue;
        }
        prop = g_hash_table_lookup(klass->properties, name);
        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name,
                                               Error **errp)
{
    ObjectProperty *prop = object_class_property_find(klass, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_class_get_name(klass), name);
    }
    return prop;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    if (prop) {
        return prop;
    }
    return g_hash_table_lookup(obj->properties, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

static ObjectProperty *property_new(const char *name, const char *type,
                                    ObjectPropertyAccessorGet *get,
                                    ObjectPropertyAccessorSet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    return prop;
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessorGet *get,
                                        ObjectPropertyAccessorSet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    ObjectProperty *prop;
    size_t len = strlen(name);

    if (len >= 3 && g_str_has_suffix(name, "[*]")) {
        g_autofree char *base = g_strndup(name, len - 3);

        for (int i = 0; i < INT_MAX; i++) {
            g_autofree char *full = g_strdup_printf("%s[%d]", base, i);

            if (!object_property_find(obj, full)) {
                return object_property_try_add(obj, full, type, get, set,
                                               release, opaque, errp);
            }
        }
        g_assert_not_reached();
    }

    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to "
                   "object (type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    prop = property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(obj->properties, prop->name, prop);
    g_ptr_array_add(obj->prop_order, prop);
    return prop;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessorGet *get,
                                    ObjectPropertyAccessorSet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessorGet *get,
                                          ObjectPropertyAccessorSet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    ObjectProperty *prop;

    if (object_class_property_find(klass, name)) {
        fprintf(stderr, "qom: duplicate class property '%s' in '%s'\n",
                name, object_class_get_name(klass));
        abort();
    }
    prop = property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(klass->properties, prop->name, prop);
    g_ptr_array_add(klass->prop_order, prop);
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = g_hash_table_lookup(obj->properties, name);

    if (!prop) {
        return;
    }
    /* Unlink first: the release hook may look the table up again. */
    g_hash_table_remove(obj->properties, name);
    g_ptr_array_remove(obj->prop_order, prop);
    if (prop->release) {
        prop->release(obj, prop->name, prop->opaque);
    }
    object_property_free(prop);
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    iter->list = obj->prop_order;
    iter->nextclass = obj->class;
    iter->index = 0;
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->list = NULL;
    iter->nextclass = klass;
    iter->index = 0;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    while (!iter->list || iter->index >= iter->list->len) {
        if (!iter->nextclass) {
            return NULL;
        }
        iter->list = iter->nextclass->prop_order;
        iter->nextclass = object_class_get_parent(iter->nextclass);
        iter->index = 0;
    }
    return g_ptr_array_index(iter->list, iter->index++);
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *op = object_property_find_err(obj, name, &error_abort);

    g_free(op->description);
    op->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *op = object_class_property_find_err(klass, name,
                                                        &error_abort);

    g_free(op->description);
    op->description = g_strdup(description);
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    g_assert(prop->set);
    if (!prop->set(obj, prop->name, prop->defval, prop->opaque, NULL)) {
        fprintf(stderr, "qom: default of property '%s.%s' is invalid\n",
                object_get_typename(obj), prop->name);
        abort();
    }
}

void object_property_set_default(ObjectProperty *prop, json_t *value)
{
    g_assert(!prop->defval);
    prop->defval = value;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(prop, json_boolean(value));
}

void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value)
{
    object_property_set_default(prop, json_string(value));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop, json_integer(value));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    object_property_set_default(prop, qom_json_from_uint(value));
}

void object_property_set_default_list(ObjectProperty *prop)
{
    g_assert(!prop->defval);
    prop->defval = json_array();
}

/* Generic get/set ------------------------------------------------------- */

bool object_property_set(Object *obj, const char *name, json_t *value,
                         Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    Error *local_err = NULL;

    if (!prop) {
        return false;
    }
    if (!prop->set) {
        error_setg(errp, "Property '%s.%s' is not writable",
                   object_get_typename(obj), name);
        return false;
    }
    if (!value) {
        error_setg(errp, "Parameter '%s' is missing", name);
        return false;
    }
    if (!prop->set(obj, name, value, prop->opaque, &local_err)) {
        if (!local_err) {
            error_setg(&local_err, "Property '%s.%s' could not be set",
                       object_get_typename(obj), name);
        }
        error_propagate(errp, local_err);
        return false;
    }
    return true;
}

json_t *object_property_get(Object *obj, const char *name, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    Error *local_err = NULL;
    json_t *ret;

    if (!prop) {
        return NULL;
    }
    if (!prop->get) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return NULL;
    }
    ret = prop->get(obj, name, prop->opaque, &local_err);
    if (!ret && !local_err) {
        error_setg(&local_err, "Property '%s.%s' could not be read",
                   object_get_typename(obj), name);
    }
    error_propagate(errp, local_err);
    return ret;
}

/* ---------------------------------------------------------------------- */
/* The base types                                                          */
/* ---------------------------------------------------------------------- */

static char *object_get_type(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

static void object_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_str(klass, "type", object_get_type, NULL);
}

static const TypeInfo qom_base_types[] = {
    {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = object_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    },
    {
        .name = TYPE_CONTAINER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
    },
};

DEFINE_TYPES(qom_base_types)
