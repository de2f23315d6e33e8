/*
 * qdev static properties: class properties backed by a field of the
 * device struct (see hw/qdev-properties.h).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-properties.h"
#include "qdev-internal.h"

void *object_field_prop_ptr(Object *obj, const Property *prop)
{
    return (char *)obj + prop->offset;
}

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    if (dev->id) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", name, dev->id,
                   object_get_typename(OBJECT(dev)));
    } else {
        error_setg(errp, "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized", name,
                   object_get_typename(OBJECT(dev)));
    }
}

void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name,
                                             Object *val, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        error_setg(errp, "Attempt to set link property '%s' on device "
                   "'%s' (type '%s') after it was realized", name,
                   dev->id ? dev->id : "<anonymous>",
                   object_get_typename(OBJECT(obj)));
    }
}

void error_set_from_qdev_prop_error(Error **errp, int ret, Object *obj,
                                    const char *name, const char *value)
{
    switch (ret) {
    case 0:
        break;
    case -EEXIST:
        error_setg(errp, "Property '%s.%s' can't take value '%s', it's in "
                   "use", object_get_typename(obj), name, value);
        break;
    case -ENOENT:
        error_setg(errp, "Property '%s.%s' can't find value '%s'",
                   object_get_typename(obj), name, value);
        break;
    default:
        error_setg(errp, "Property '%s.%s' doesn't take value '%s'",
                   object_get_typename(obj), name, value);
        break;
    }
}

/* The value as the user wrote it, for error messages. */
static char *value_text(json_t *value)
{
    char *s, *ret;

    if (json_is_string(value)) {
        return g_strdup(json_string_value(value));
    }
    s = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
    ret = g_strdup(s ? s : "?");
    free(s);
    return ret;
}

static void range_error(Error **errp, Object *obj, const char *name,
                        json_t *value)
{
    g_autofree char *text = value_text(value);

    error_set_from_qdev_prop_error(errp, -ERANGE, obj, name, text);
}

static bool value_is_negative(json_t *value)
{
    if (json_is_integer(value)) {
        return json_integer_value(value) < 0;
    }
    return json_is_string(value) && json_string_value(value)[0] == '-';
}

/* ---------------------------------------------------------------------- */
/* Wrappers and defaults                                                   */
/* ---------------------------------------------------------------------- */

static bool field_prop_set(Object *obj, const char *name, json_t *value,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    if (dev && dev->realized && !prop->info->realized_set_allowed) {
        qdev_prop_set_after_realize(dev, name, errp);
        return false;
    }
    return prop->info->set(obj, name, value, opaque, errp);
}

static void set_default_value_bool(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_bool(op, prop->defval.u);
}

void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

void qdev_propinfo_set_default_value_uint(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_uint(op, prop->defval.u);
}

void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_str(op,
        qapi_enum_lookup(prop->info->enum_table, prop->defval.i));
}

/* ---------------------------------------------------------------------- */
/* bool and bits                                                           */
/* ---------------------------------------------------------------------- */

static json_t *prop_get_bool(Object *obj, const char *name, void *opaque,
                             Error **errp)
{
    return json_boolean(*(bool *)object_field_prop_ptr(obj, opaque));
}

static bool prop_set_bool(Object *obj, const char *name, json_t *value,
                          void *opaque, Error **errp)
{
    return qom_json_get_bool(value, name,
                             object_field_prop_ptr(obj, opaque), errp);
}

const PropertyInfo qdev_prop_bool = {
    .type = "bool",
    .description = "on/off",
    .get = prop_get_bool,
    .set = prop_set_bool,
    .set_default_value = set_default_value_bool,
};

static json_t *prop_get_bit(Object *obj, const char *name, void *opaque,
                            Error **errp)
{
    Property *prop = opaque;
    uint32_t *p = object_field_prop_ptr(obj, prop);

    return json_boolean((*p >> prop->bitnr) & 1);
}

static bool prop_set_bit(Object *obj, const char *name, json_t *value,
                         void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint32_t *p = object_field_prop_ptr(obj, prop);
    bool v;

    if (!qom_json_get_bool(value, name, &v, errp)) {
        return false;
    }
    *p = v ? (*p | (1U << prop->bitnr)) : (*p & ~(1U << prop->bitnr));
    return true;
}

const PropertyInfo qdev_prop_bit = {
    .type = "bool",
    .description = "on/off",
    .get = prop_get_bit,
    .set = prop_set_bit,
    .set_default_value = set_default_value_bool,
};

static json_t *prop_get_bit64(Object *obj, const char *name, void *opaque,
                              Error **errp)
{
    Property *prop = opaque;
    uint64_t *p = object_field_prop_ptr(obj, prop);

    return json_boolean((*p >> prop->bitnr) & 1);
}

static bool prop_set_bit64(Object *obj, const char *name, json_t *value,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint64_t *p = object_field_prop_ptr(obj, prop);
    bool v;

    if (!qom_json_get_bool(value, name, &v, errp)) {
        return false;
    }
    *p = v ? (*p | (1ULL << prop->bitnr)) : (*p & ~(1ULL << prop->bitnr));
    return true;
}

const PropertyInfo qdev_prop_bit64 = {
    .type = "bool",
    .description = "on/off",
    .get = prop_get_bit64,
    .set = prop_set_bit64,
    .set_default_value = set_default_value_bool,
};

/* ---------------------------------------------------------------------- */
/* Integers                                                                */
/* ---------------------------------------------------------------------- */

/* An unsigned value up to @max, range errors in qdev's words. */
static bool prop_parse_uint(Object *obj, const char *name, json_t *value,
                            uint64_t max, uint64_t *out, Error **errp)
{
    uint64_t v;

    if (max != UINT64_MAX && value_is_negative(value)) {
        int64_t dummy;

        /* A well-formed negative number is a range error. */
        if (qom_json_get_int(value, name, INT64_MIN, INT64_MAX, "int64",
                             &dummy, errp)) {
            range_error(errp, obj, name, value);
        }
        return false;
    }
    if (!qom_json_get_uint(value, name, UINT64_MAX, "uint64", &v, errp)) {
        return false;
    }
    if (v > max) {
        range_error(errp, obj, name, value);
        return false;
    }
    *out = v;
    return true;
}

static bool prop_parse_int(Object *obj, const char *name, json_t *value,
                           int64_t min, int64_t max, int64_t *out,
                           Error **errp)
{
    int64_t v;

    if (!qom_json_get_int(value, name, INT64_MIN, INT64_MAX, "int64", &v,
                          errp)) {
        return false;
    }
    if (v < min || v > max) {
        range_error(errp, obj, name, value);
        return false;
    }
    *out = v;
    return true;
}

#define DEFINE_QDEV_UINT_PROP(bits, desc) \
static json_t *prop_get_uint##bits(Object *obj, const char *name, \
                                   void *opaque, Error **errp) \
{ \
    return qom_json_from_uint( \
        *(uint##bits##_t *)object_field_prop_ptr(obj, opaque)); \
} \
static bool prop_set_uint##bits(Object *obj, const char *name, \
                                json_t *value, void *opaque, Error **errp) \
{ \
    uint64_t v; \
    if (!prop_parse_uint(obj, name, value, UINT##bits##_MAX, &v, errp)) { \
        return false; \
    } \
    *(uint##bits##_t *)object_field_prop_ptr(obj, opaque) = v; \
    return true; \
} \
const PropertyInfo qdev_prop_uint##bits = { \
    .type = "uint" #bits, \
    .description = desc, \
    .get = prop_get_uint##bits, \
    .set = prop_set_uint##bits, \
    .set_default_value = qdev_propinfo_set_default_value_uint, \
};

DEFINE_QDEV_UINT_PROP(8, "uint8")
DEFINE_QDEV_UINT_PROP(16, "uint16")
DEFINE_QDEV_UINT_PROP(32, "uint32")
DEFINE_QDEV_UINT_PROP(64, "uint64")

#define DEFINE_QDEV_INT_PROP(bits) \
static json_t *prop_get_int##bits(Object *obj, const char *name, \
                                  void *opaque, Error **errp) \
{ \
    return json_integer(*(int##bits##_t *)object_field_prop_ptr(obj, \
                                                                opaque)); \
} \
static bool prop_set_int##bits(Object *obj, const char *name, \
                               json_t *value, void *opaque, Error **errp) \
{ \
    int64_t v; \
    if (!prop_parse_int(obj, name, value, INT##bits##_MIN, INT##bits##_MAX, \
                        &v, errp)) { \
        return false; \
    } \
    *(int##bits##_t *)object_field_prop_ptr(obj, opaque) = v; \
    return true; \
} \
const PropertyInfo qdev_prop_int##bits = { \
    .type = "int" #bits, \
    .description = "int" #bits, \
    .get = prop_get_int##bits, \
    .set = prop_set_int##bits, \
    .set_default_value = qdev_propinfo_set_default_value_int, \
};

DEFINE_QDEV_INT_PROP(32)
DEFINE_QDEV_INT_PROP(64)

static bool prop_set_size(Object *obj, const char *name, json_t *value,
                          void *opaque, Error **errp)
{
    return qom_json_get_size(value, name,
                             object_field_prop_ptr(obj, opaque), errp);
}

const PropertyInfo qdev_prop_size = {
    .type = "size",
    .description = "size, with an optional K/M/G/T suffix",
    .get = prop_get_uint64,
    .set = prop_set_size,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

/* ---------------------------------------------------------------------- */
/* Strings, links, enums                                                   */
/* ---------------------------------------------------------------------- */

static json_t *prop_get_string(Object *obj, const char *name, void *opaque,
                               Error **errp)
{
    char **p = object_field_prop_ptr(obj, opaque);

    return json_string(*p ? *p : "");
}

static bool prop_set_string(Object *obj, const char *name, json_t *value,
                            void *opaque, Error **errp)
{
    char **p = object_field_prop_ptr(obj, opaque);
    const char *s = qom_json_get_str(value, name, errp);

    if (!s) {
        return false;
    }
    g_free(*p);
    *p = g_strdup(s);
    return true;
}

static void prop_release_string(Object *obj, const char *name, void *opaque)
{
    char **p = object_field_prop_ptr(obj, opaque);

    g_free(*p);
    *p = NULL;
}

const PropertyInfo qdev_prop_string = {
    .type = "str",
    .get = prop_get_string,
    .set = prop_set_string,
    .release = prop_release_string,
};

static ObjectProperty *create_link_property(ObjectClass *oc,
                                            const char *name,
                                            const Property *prop)
{
    return object_class_property_add_link(oc, name, prop->link_type,
                                          prop->offset,
                                          qdev_prop_allow_set_link_before_realize,
                                          OBJ_PROP_LINK_STRONG);
}

const PropertyInfo qdev_prop_link = {
    .type = "link",
    .create = create_link_property,
};

json_t *qdev_propinfo_get_enum(Object *obj, const char *name, void *opaque,
                               Error **errp)
{
    Property *prop = opaque;
    int *p = object_field_prop_ptr(obj, prop);
    const char *str = qapi_enum_lookup(prop->info->enum_table, *p);

    if (!str) {
        error_setg(errp, "Property '%s.%s' has invalid value %d",
                   object_get_typename(obj), name, *p);
        return NULL;
    }
    return json_string(str);
}

bool qdev_propinfo_set_enum(Object *obj, const char *name, json_t *value,
                            void *opaque, Error **errp)
{
    Property *prop = opaque;
    int *p = object_field_prop_ptr(obj, prop);
    const char *s = qom_json_get_str(value, name, errp);
    int v;

    if (!s) {
        return false;
    }
    v = qapi_enum_parse(prop->info->enum_table, s, -1, NULL);
    if (v < 0) {
        error_setg(errp, "Parameter '%s' does not accept value '%s'",
                   name, s);
        return false;
    }
    *p = v;
    return true;
}

/* ---------------------------------------------------------------------- */
/* Registration                                                            */
/* ---------------------------------------------------------------------- */

void qdev_class_add_property(DeviceClass *klass, const char *name,
                             const Property *prop)
{
    ObjectClass *oc = OBJECT_CLASS(klass);
    ObjectProperty *op;

    if (prop->info->create) {
        op = prop->info->create(oc, name, prop);
    } else {
        op = object_class_property_add(oc, name, prop->info->type,
                                       prop->info->get,
                                       prop->info->set ? field_prop_set
                                                       : NULL,
                                       prop->info->release,
                                       (void *)prop);
    }
    if (prop->set_default) {
        prop->info->set_default_value(op, prop);
    }
    if (prop->info->description) {
        object_class_property_set_description(oc, name,
                                              prop->info->description);
    }
}

void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n)
{
    size_t count = 0;

    /* A DEFINE_PROP_END_OF_LIST() terminator also ends the list. */
    while (count < n && props[count].name) {
        qdev_class_add_property(dc, props[count].name, &props[count]);
        count++;
    }
    dc->props_ = props;
    dc->props_count_ = count;
}

void qdev_property_add_static(DeviceState *dev, const Property *prop)
{
    Object *obj = OBJECT(dev);
    ObjectProperty *op;

    g_assert(!prop->info->create);
    op = object_property_add(obj, prop->name, prop->info->type,
                             prop->info->get,
                             prop->info->set ? field_prop_set : NULL,
                             prop->info->release, (void *)prop);
    if (prop->info->description) {
        op->description = g_strdup(prop->info->description);
    }
    if (prop->set_default) {
        prop->info->set_default_value(op, prop);
        if (op->init) {
            op->init(obj, op);
        }
    }
}

/* The static Property called @name of @dev's class or its ancestors. */
static const Property *qdev_prop_find(DeviceState *dev, const char *name)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));

    for (; object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        DeviceClass *dc = DEVICE_CLASS(oc);

        for (int i = 0; i < dc->props_count_; i++) {
            if (!strcmp(dc->props_[i].name, name)) {
                return &dc->props_[i];
            }
        }
    }
    return NULL;
}

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    object_property_set_bool(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int64(DeviceState *dev, const char *name, int64_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value)
{
    object_property_set_str(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_enum(DeviceState *dev, const char *name, int value)
{
    const Property *prop = qdev_prop_find(dev, name);

    g_assert(prop && prop->info->enum_table);
    object_property_set_str(OBJECT(dev), name,
                            qapi_enum_lookup(prop->info->enum_table, value),
                            &error_abort);
}

void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value)
{
    object_property_set_link(OBJECT(dev), name, value, &error_abort);
}
