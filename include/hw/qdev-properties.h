/*
 * qdev static properties.
 *
 * A device class lists its configurable fields in a Property array:
 *
 *     static const Property foo_props[] = {
 *         DEFINE_PROP_UINT32("baudbase", FooState, baudbase, 115200),
 *         DEFINE_PROP_BOOL("wakeup", FooState, wakeup, false),
 *         DEFINE_PROP_LINK("dma", FooState, dma_mr, TYPE_MEMORY_REGION,
 *                          MemoryRegion *),
 *     };
 *     device_class_set_props(dc, foo_props);
 *
 * Each becomes a class property backed by the field at the given offset,
 * with its default applied before instance_init runs.  The array size is
 * taken with ARRAY_SIZE; a trailing DEFINE_PROP_END_OF_LIST() is also
 * accepted (the list stops at the first entry without a name).
 *
 * Static properties can only be set before realize: afterwards the
 * setter fails with "Attempt to set property ... after it was realized".
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"

typedef struct PropertyInfo PropertyInfo;

struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    const char *link_type;      /* DEFINE_PROP_LINK: the target type */
    uint64_t bitmask;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    uint8_t bitnr;
    bool set_default;
};

struct PropertyInfo {
    /* The property's QOM type ("uint32", "str", ...); both names work. */
    union {
        const char *type;
        const char *name;
    };
    const char *description;
    const QEnumLookup *enum_table;
    /* May it be changed on a realized device? */
    bool realized_set_allowed;
    void (*set_default_value)(ObjectProperty *op, const Property *prop);
    /* Custom creation (links); NULL means a plain class property. */
    ObjectProperty *(*create)(ObjectClass *oc, const char *name,
                              const Property *prop);
    /* opaque is the Property. */
    ObjectPropertyAccessorGet *get;
    ObjectPropertyAccessorSet *set;
    ObjectPropertyRelease *release;
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bit64;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_link;
/*
 * A character backend (CharBackend field).  Defined by the chardev
 * subsystem, not by hw/core: only devices that use DEFINE_PROP_CHR need
 * it linked in.
 */
extern const PropertyInfo qdev_prop_chr;

/* Compile-time check that a field has the declared type. */
#define qdev_prop_type_check(t1, t2) ((t1 *)0 - (t2 *)0)
#define qdev_prop_typeof_field(type, field) __typeof__(((type *)0)->field)

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) { \
        .name = (_name), \
        .info = &(_prop), \
        .offset = offsetof(_state, _field) + \
            qdev_prop_type_check(_type, \
                                 qdev_prop_typeof_field(_state, _field)), \
        __VA_ARGS__ \
    }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type, \
                .set_default = true, .defval.i = (_type)(_defval))
#define DEFINE_PROP_SIGNED_NODEFAULT(_name, _state, _field, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type)
#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type, \
                .set_default = true, .defval.u = (_type)(_defval))
#define DEFINE_PROP_UNSIGNED_NODEFAULT(_name, _state, _field, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type)

/* One bit of a uint32_t field. */
#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t, \
                .bitnr = (_bit), .set_default = true, \
                .defval.u = (bool)(_defval))
/* One bit of a uint64_t field. */
#define DEFINE_PROP_BIT64(_name, _state, _field, _bit, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit64, uint64_t, \
                .bitnr = (_bit), .set_default = true, \
                .defval.u = (bool)(_defval))

#define DEFINE_PROP_BOOL(_name, _state, _field, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool, \
                .set_default = true, .defval.u = (bool)(_defval))
#define DEFINE_PROP_UINT8(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
/* A byte count: accepts K/M/G/T suffixes from the command line. */
#define DEFINE_PROP_SIZE(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
#define DEFINE_PROP_SIZE32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
/* A g_malloc'ed string, freed with the device; default NULL. */
#define DEFINE_PROP_STRING(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
/* A strong link to an object of type @_type, settable before realize. */
#define DEFINE_PROP_LINK(_name, _state, _field, _type, _ptr_type) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_link, _ptr_type, \
                .link_type = (_type))
/* A chardev backend (CharBackend field; needs chardev/char-fe.h). */
#define DEFINE_PROP_CHR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, CharBackend)

/* Optional terminator, for lists written the older way. */
#define DEFINE_PROP_END_OF_LIST() { }

/* The field a static property is backed by. */
void *object_field_prop_ptr(Object *obj, const Property *prop);
#define qdev_get_prop_ptr(obj, prop) object_field_prop_ptr(OBJECT(obj), prop)

/* Property setters for code (abort on error: values come from code). */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value);
void qdev_prop_set_int64(DeviceState *dev, const char *name, int64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
void qdev_prop_set_enum(DeviceState *dev, const char *name, int value);
void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value);

/* "Attempt to set property 'x' on device 'y' (type 'z') after it was
 * realized". */
void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp);

/* A link check allowing changes only before the device is realized. */
void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name,
                                             Object *val, Error **errp);

/*
 * "Property 'type.name' doesn't take value 'v'" (EINVAL/ERANGE) and
 * friends, for custom PropertyInfo setters.
 */
void error_set_from_qdev_prop_error(Error **errp, int ret, Object *obj,
                                    const char *name, const char *value);

/* Enum helpers for custom PropertyInfo with an enum_table (int field). */
json_t *qdev_propinfo_get_enum(Object *obj, const char *name, void *opaque,
                               Error **errp);
bool qdev_propinfo_set_enum(Object *obj, const char *name, json_t *value,
                            void *opaque, Error **errp);
void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop);
void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop);
void qdev_propinfo_set_default_value_uint(ObjectProperty *op,
                                          const Property *prop);

/* Add @prop as an instance property of @dev (rarely needed). */
void qdev_property_add_static(DeviceState *dev, const Property *prop);

#endif /* HW_QDEV_PROPERTIES_H */
