/*
 * QOM: the object model.
 *
 * Types are registered by name (TypeInfo).  Each type has one class
 * struct, created the first time it is needed, which begins with its
 * parent's class struct; instances begin with their parent's instance
 * struct.  Objects are reference counted and arranged in a composition
 * tree through "child<T>" properties; "link<T>" properties point at other
 * objects without (by default) owning them.
 *
 * Property values are JSON values (jansson's json_t), the same type QMP
 * uses on the wire, so qom-get/qom-set, -device key=value and device_add
 * share one conversion path.  See docs/devel/qom.rst.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include <jansson.h>
#include "qapi/util.h"

typedef struct Error Error;
typedef struct TypeImpl *Type;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct InterfaceClass InterfaceClass;
typedef struct InterfaceInfo InterfaceInfo;
typedef struct TypeInfo TypeInfo;
typedef struct ObjectProperty ObjectProperty;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"
#define TYPE_CONTAINER "container"

/* ---------------------------------------------------------------------- */
/* Properties                                                              */
/* ---------------------------------------------------------------------- */

/*
 * Read a property.  Returns a NEW reference to the value, or NULL with
 * @errp set.
 */
typedef json_t *ObjectPropertyAccessorGet(Object *obj, const char *name,
                                          void *opaque, Error **errp);
/* Write a property.  @value is borrowed.  Returns false with @errp set. */
typedef bool ObjectPropertyAccessorSet(Object *obj, const char *name,
                                       json_t *value, void *opaque,
                                       Error **errp);
/* Follow one path component through a child/link property. */
typedef Object *ObjectPropertyResolve(Object *obj, void *opaque,
                                      const char *part);
/* Called when the property is deleted (or its object finalized). */
typedef void ObjectPropertyRelease(Object *obj, const char *name,
                                   void *opaque);
/* Class properties only: give a new instance its initial value. */
typedef void ObjectPropertyInit(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;
    char *description;
    ObjectPropertyAccessorGet *get;
    ObjectPropertyAccessorSet *set;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;
    void *opaque;
    json_t *defval;     /* default value for introspection, or NULL */
};

typedef struct ObjectPropertyIterator {
    ObjectClass *nextclass;
    GPtrArray *list;    /* borrowed: properties of the current level */
    guint index;
} ObjectPropertyIterator;

/* Access flags for the *_ptr property helpers. */
typedef enum ObjectPropertyFlags {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE,
} ObjectPropertyFlags;

/* Flags for link properties. */
typedef enum ObjectPropertyLinkFlags {
    /* The link holds a reference on its target. */
    OBJ_PROP_LINK_STRONG = 1 << 0,
    /* Internal: the target pointer is a field at an offset in the object. */
    OBJ_PROP_LINK_DIRECT = 1 << 1,
    OBJ_PROP_LINK_CLASS = 1 << 2,
} ObjectPropertyLinkFlags;

/* ---------------------------------------------------------------------- */
/* Types, classes, objects                                                 */
/* ---------------------------------------------------------------------- */

typedef void ObjectUnparent(Object *obj);
typedef void ObjectFree(void *obj);

struct ObjectClass {
    /* private: */
    Type type;
    GSList *interfaces;          /* InterfaceClass * of this class */
    GHashTable *properties;      /* name -> ObjectProperty * */
    GPtrArray *prop_order;       /* the same, in the order they were added */
    /* public: */
    /*
     * Called when the object is removed from its parent (before the
     * parent's reference is dropped); devices use it to unrealize.
     */
    ObjectUnparent *unparent;
};

struct Object {
    /* private: */
    ObjectClass *class;
    ObjectFree *free;            /* NULL for embedded objects */
    GHashTable *properties;      /* name -> ObjectProperty * */
    GPtrArray *prop_order;       /* instance properties, insertion order */
    uint32_t ref;
    Object *parent;
};

struct InterfaceInfo {
    const char *type;
};

struct TypeInfo {
    const char *name;
    const char *parent;

    size_t instance_size;
    size_t instance_align;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    size_t class_size;

    /* @data is class_data; "void *" as in most QEMU code. */
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    const InterfaceInfo *interfaces;   /* terminated by { } */
};

/*
 * Every interface's class struct starts with this.  A class implementing
 * an interface owns one copy of the interface's class struct, which its
 * class_init fills with method pointers (found with the interface's
 * FOO_CLASS(klass) cast).
 */
struct InterfaceClass {
    ObjectClass parent_class;
    /* private: */
    ObjectClass *concrete_class;  /* the implementing class */
    Type interface_type;
};

/* Casts ------------------------------------------------------------------ */

#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(class) ((ObjectClass *)(class))

#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, class, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(class), \
                                                    (name), __FILE__, \
                                                    __LINE__, __func__))
#define OBJECT_GET_CLASS(class, obj, name) \
    OBJECT_CLASS_CHECK(class, object_get_class(OBJECT(obj)), name)

/* An object cast to an interface is the object itself. */
#define INTERFACE_CHECK(interface, obj, name) \
    ((interface *)object_dynamic_cast_assert(OBJECT((obj)), (name), \
                                             __FILE__, __LINE__, __func__))

#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME) \
    static inline G_GNUC_UNUSED InstanceType *OBJ_NAME(const void *obj) \
    { return OBJECT_CHECK(InstanceType, obj, TYPENAME); }

#define DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME) \
    static inline G_GNUC_UNUSED ClassType * \
    OBJ_NAME##_GET_CLASS(const void *obj) \
    { return OBJECT_GET_CLASS(ClassType, obj, TYPENAME); } \
    static inline G_GNUC_UNUSED ClassType * \
    OBJ_NAME##_CLASS(const void *klass) \
    { return OBJECT_CLASS_CHECK(ClassType, klass, TYPENAME); }

#define DECLARE_OBJ_CHECKERS(InstanceType, ClassType, OBJ_NAME, TYPENAME) \
    DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME) \
    DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)

/*
 * OBJECT_DECLARE_TYPE(MyDevice, MyDeviceClass, MY_DEVICE) declares the
 * typedefs, MY_DEVICE(obj), MY_DEVICE_GET_CLASS(obj), MY_DEVICE_CLASS(k)
 * and g_autoptr(MyDevice) support.  TYPE_MY_DEVICE must be defined.
 */
#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME) \
    typedef struct InstanceType InstanceType; \
    typedef struct ClassType ClassType; \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref) \
    DECLARE_OBJ_CHECKERS(InstanceType, ClassType, MODULE_OBJ_NAME, \
                         TYPE_##MODULE_OBJ_NAME)

/* Same, for a type whose class struct is its parent's. */
#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME) \
    typedef struct InstanceType InstanceType; \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref) \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME, \
                             TYPE_##MODULE_OBJ_NAME)

/*
 * OBJECT_DEFINE_TYPE(MyDevice, my_device, MY_DEVICE, DEVICE) in the .c
 * file: declares my_device_init/finalize/class_init (which you write)
 * and registers the type.  The _WITH_INTERFACES form takes the
 * InterfaceInfo list as extra arguments, e.g. { TYPE_FOO }, { }.
 */
#define OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, \
                                    MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                    ABSTRACT, CLASS_SIZE, ...) \
    static void module_obj_name##_finalize(Object *obj); \
    static void module_obj_name##_class_init(ObjectClass *oc, \
                                             void *data); \
    static void module_obj_name##_init(Object *obj); \
    static const TypeInfo module_obj_name##_info = { \
        .parent = TYPE_##PARENT_MODULE_OBJ_NAME, \
        .name = TYPE_##MODULE_OBJ_NAME, \
        .instance_size = sizeof(ModuleObjName), \
        .instance_align = __alignof__(ModuleObjName), \
        .instance_init = module_obj_name##_init, \
        .instance_finalize = module_obj_name##_finalize, \
        .class_size = CLASS_SIZE, \
        .class_init = module_obj_name##_class_init, \
        .abstract = ABSTRACT, \
        .interfaces = (const InterfaceInfo[]) { __VA_ARGS__ }, \
    }; \
    static void module_obj_name##_register_types(void) \
    { \
        type_register_static(&module_obj_name##_info); \
    } \
    type_init(module_obj_name##_register_types)

#define OBJECT_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, \
                           PARENT_MODULE_OBJ_NAME) \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                false, sizeof(ModuleObjName##Class), { })

#define OBJECT_DEFINE_TYPE_WITH_INTERFACES(ModuleObjName, module_obj_name, \
                                           MODULE_OBJ_NAME, \
                                           PARENT_MODULE_OBJ_NAME, ...) \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                false, sizeof(ModuleObjName##Class), \
                                __VA_ARGS__)

#define OBJECT_DEFINE_SIMPLE_TYPE(ModuleObjName, module_obj_name, \
                                  MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME) \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                false, 0, { })

#define OBJECT_DEFINE_ABSTRACT_TYPE(ModuleObjName, module_obj_name, \
                                    MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME) \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name, \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                true, sizeof(ModuleObjName##Class), { })

/* Registration ----------------------------------------------------------- */

/*
 * type_init(fn): run @fn at program start-up (a constructor), before
 * main().  @fn registers types; registration only records the TypeInfo,
 * so the order between files does not matter.
 */
#define type_init(function) \
    static void __attribute__((constructor)) \
    qom_type_init_##function(void) \
    { \
        function(); \
    }

/* DEFINE_TYPES(array): register every TypeInfo of a static array. */
#define DEFINE_TYPES(type_array) \
    static void do_qemu_init_##type_array(void) \
    { \
        type_register_static_array(type_array, ARRAY_SIZE(type_array)); \
    } \
    type_init(do_qemu_init_##type_array)

/* @info must stay valid for the whole run (its strings are not copied). */
Type type_register_static(const TypeInfo *info);
/* Same, but copies @info and its strings. */
Type type_register(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

/* Instances -------------------------------------------------------------- */

/* A new heap object with one reference (the caller's). */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);

/*
 * Initialize an embedded object in @data (of @size bytes, at least the
 * type's instance size).  The memory is not freed at finalize.
 */
void object_initialize(void *data, size_t size, const char *typename);

/*
 * Initialize @childobj in place and make it the child @propname of
 * @parentobj.  The parent then holds the only reference: the child is
 * finalized when it is unparented (or the parent is finalized).
 */
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type);
#define object_initialize_child(parent, propname, child, type) \
    object_initialize_child_internal(OBJECT(parent), (propname), \
                                     (child), sizeof(*(child)), (type))

/*
 * Same, then set properties from NULL-terminated name/value string pairs
 * (parsed with object_property_parse).  On failure the child is
 * unparented again and false is returned.
 */
bool object_initialize_child_with_props(Object *parentobj,
                                        const char *propname,
                                        void *childobj, size_t size,
                                        const char *type, Error **errp,
                                        ...) G_GNUC_NULL_TERMINATED;

/*
 * Create an object, set its properties from NULL-terminated name/value
 * string pairs, and (when @parent is not NULL) add it as child @id of
 * @parent.  Returns NULL with @errp set on failure, leaving nothing behind.
 */
Object *object_new_with_props(const char *typename, Object *parent,
                              const char *id, Error **errp, ...)
    G_GNUC_NULL_TERMINATED;

/* Set properties from NULL-terminated name/value string pairs. */
bool object_set_props(Object *obj, Error **errp, ...) G_GNUC_NULL_TERMINATED;

/* Returns @obj (typed void * so any instance pointer can be passed). */
Object *object_ref(void *obj);
/* Drop a reference; at zero the object is finalized (see qom.rst). */
void object_unref(void *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Object, object_unref)

/* Remove @obj from its parent; may finalize it. */
void object_unparent(Object *obj);

/* Type queries ----------------------------------------------------------- */

ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);

/* @obj when it is-a @typename (class or interface), else NULL. */
Object *object_dynamic_cast(Object *obj, const char *typename);
/* Same, but abort with a message naming the caller when it is not. */
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/*
 * @klass when it is-a @typename; for an interface name, the interface's
 * class struct owned by @klass.  NULL otherwise.
 */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);

/* The class of a registered type (initialized on demand), or NULL. */
ObjectClass *object_class_by_name(const char *typename);
/* Like object_class_by_name; kept for QEMU familiarity. */
ObjectClass *module_object_class_by_name(const char *typename);
ObjectClass *object_class_get_parent(ObjectClass *klass);
const char *object_class_get_name(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
/* Whether @typename is registered (without initializing its class). */
bool type_exists(const char *typename);

/*
 * Call @fn for every class that is-a @implements_type (or every class when
 * NULL), skipping abstract ones unless @include_abstract.  The order is
 * the order of registration.
 */
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);
/* The same set as a list (free with g_slist_free). */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
/* Same, sorted by type name. */
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);

/* The composition tree ---------------------------------------------------- */

/*
 * Call @fn for each child of @obj (in the order they were added); stop and
 * return the first non-zero result.  @fn may unparent the child it is
 * given.
 */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
/* Same, depth first over the whole subtree (parents before children). */
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/* The root of the tree, "/". */
Object *object_get_root(void);
/* "/objects", where user-created objects (-object) live. */
Object *object_get_objects_root(void);
/* "/<name>", a container directly under the root (created if missing). */
Object *object_get_container(const char *name);
/*
 * The object at @path under @root ("/a/b" or "a/b" are both relative to
 * @root), creating "container" objects for missing components.
 */
Object *container_get(Object *root, const char *path);

/* "/machine/peripheral/foo", or NULL when @obj is not in the tree. */
char *object_get_canonical_path(const Object *obj);
/* The last component ("foo"), or NULL when @obj has no parent. */
char *object_get_canonical_path_component(const Object *obj);

/*
 * Resolve an absolute path ("/machine/foo") or a partial one ("foo",
 * "bar/foo": any object whose path ends that way).  A partial path that
 * matches more than one object resolves to NULL and sets *@ambiguous.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
/* Same, counting only objects that are-a @typename. */
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
/* Same as object_resolve_path but relative to @parent for partial paths. */
Object *object_resolve_path_at(Object *parent, const char *path);
/* Follow one child or link property of @parent. */
Object *object_resolve_path_component(Object *parent, const char *part);

/* Property tables --------------------------------------------------------- */

/*
 * Add a property.  A @name ending in "[*]" gets the first free index
 * ("device[0]", "device[1]", ...).  object_property_add aborts on a
 * duplicate name; object_property_try_add reports it.
 */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessorGet *get,
                                        ObjectPropertyAccessorSet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessorGet *get,
                                    ObjectPropertyAccessorSet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);
/* A property shared by every instance of @klass and its subclasses. */
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessorGet *get,
                                          ObjectPropertyAccessorSet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);

/* Delete an instance property (calls its release hook). */
void object_property_del(Object *obj, const char *name);

ObjectProperty *object_property_find(Object *obj, const char *name);
/* Same, with "Property 'type.name' not found" when missing. */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);
ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name,
                                               Error **errp);

/*
 * Iterate over every property of @obj: instance properties first, then
 * those of its class and each ancestor class.  Do not add or delete
 * properties while iterating.
 */
void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/*
 * Give a class property a default: recorded for introspection and
 * applied to every new instance before instance_init runs.  @value is
 * stolen.
 */
void object_property_set_default(ObjectProperty *prop, json_t *value);
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);
/* Same, but only recorded for introspection (not applied). */
void object_property_set_default_list(ObjectProperty *prop);

/* The type string of property @name ("uint32", "link<irq>", ...). */
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/* Values -------------------------------------------------------------- */

/* @value is borrowed. */
bool object_property_set(Object *obj, const char *name, json_t *value,
                         Error **errp);
/* A new reference, or NULL with @errp set. */
json_t *object_property_get(Object *obj, const char *name, Error **errp);

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
/* Points link property @name at @value (NULL clears it). */
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);

/* A new string (g_free it), or NULL with @errp set. */
char *object_property_get_str(Object *obj, const char *name, Error **errp);
/* false with @errp set on failure. */
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
/* -1 with @errp set on failure. */
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
/* The target of a link or child property (no reference taken). */
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);
/* The value of an enum property, or -1 with @errp set. */
int object_property_get_enum(Object *obj, const char *name,
                             const char *typename, Error **errp);

/*
 * Set a property from a string, converted according to its type: "bool"
 * takes on/off/yes/no/true/false, integers take decimal, 0x hex or octal
 * (negative for signed types), "size" takes K/M/G/T/P/E suffixes, links
 * take a QOM path, enums take a name; anything else gets the string.
 */
bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp);
/*
 * The value as text: JSON when !@human, a plain rendering for people
 * (strings unquoted, unsigned numbers also in hex) when @human.
 */
char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp);

/* Typed properties --------------------------------------------------------- */

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **));
ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **));

/* @get returns a newly allocated string. */
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **));

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **));
ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               int (*get)(Object *,
                                                          Error **),
                                               void (*set)(Object *, int,
                                                           Error **));

/*
 * Properties backed directly by an integer in memory.  For instance
 * properties @v points at the variable; for class properties @offset is
 * its offset in the instance struct.
 */
ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj,
                                               const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj,
                                               const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj,
                                               const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    ptrdiff_t offset,
                                                    ObjectPropertyFlags f);
ObjectProperty *object_class_property_add_uint16_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags f);
ObjectProperty *object_class_property_add_uint32_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags f);
ObjectProperty *object_class_property_add_uint64_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags f);

/*
 * Make @child the child @name of @obj ("child<type>").  @obj takes its own
 * reference; the caller keeps (and usually drops) the one it had.  @child
 * must not already have a parent.
 */
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);

/* A check callback may refuse a new link target by setting @errp. */
typedef void ObjectPropertyLinkCheck(const Object *obj, const char *name,
                                     Object *val, Error **errp);

/* Allows any target. */
void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);

/*
 * A "link<@type>" property stored in *@targetp.  Without @check the link
 * is read-only.  With OBJ_PROP_LINK_STRONG it holds a reference on its
 * target (dropped when re-pointed or when @obj is finalized).
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectPropertyLinkCheck *check,
                                         ObjectPropertyLinkFlags flags);
/* Same, as a class property with the target at @offset in the instance. */
ObjectProperty *object_class_property_add_link(ObjectClass *oc,
                                               const char *name,
                                               const char *type,
                                               ptrdiff_t offset,
                                               ObjectPropertyLinkCheck *check,
                                               ObjectPropertyLinkFlags flags);

/*
 * Make @name of @obj an alias of @target_name of @target_obj: same type,
 * and get/set are forwarded.
 */
ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name);

/* JSON value helpers ----------------------------------------------------- */

/*
 * Read an integer from @value for property @name: a JSON integer, or a
 * string holding one (decimal, 0x hex, 0 octal, optional sign).  The
 * result must lie in [@min, @max]; @typename ("uint8", "int32", ...)
 * names the range in the error.  Unsigned 64-bit values above INT64_MAX
 * travel as negative JSON integers (two's complement), since JSON
 * libraries hold signed 64-bit integers; qom_json_get_uint accepts that.
 */
bool qom_json_get_int(json_t *value, const char *name, int64_t min,
                      int64_t max, const char *typename, int64_t *out,
                      Error **errp);
bool qom_json_get_uint(json_t *value, const char *name, uint64_t max,
                       const char *typename, uint64_t *out, Error **errp);
/* A JSON integer holding @v (see above for values above INT64_MAX). */
json_t *qom_json_from_uint(uint64_t v);
/* JSON true/false, or a string "on/off/yes/no/true/false". */
bool qom_json_get_bool(json_t *value, const char *name, bool *out,
                       Error **errp);
/* A JSON string (borrowed pointer into @value). */
const char *qom_json_get_str(json_t *value, const char *name, Error **errp);
/* A size: a JSON integer, or a string with an optional K/M/G/T/P/E suffix. */
bool qom_json_get_size(json_t *value, const char *name, uint64_t *out,
                       Error **errp);
/* Parse "64K", "1.5M", "0x1000", "4096" into bytes. */
bool qom_parse_size(const char *str, uint64_t *out);
/* "64 KiB", "1.5 MiB": a size for people.  g_free the result. */
char *qom_size_to_str(uint64_t val);

#endif /* QOM_OBJECT_H */
