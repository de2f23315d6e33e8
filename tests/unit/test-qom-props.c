/*
 * QOM properties: every kind, bad values, ranges, strings for numbers,
 * enums, defaults, class properties and introspection.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

#define TYPE_GADGET "test-gadget"

typedef enum GadgetMode {
    GADGET_MODE_OFF,
    GADGET_MODE_SLOW,
    GADGET_MODE_FAST,
    GADGET_MODE__MAX,
} GadgetMode;

static const char *const gadget_mode_names[] = { "off", "slow", "fast" };
static const QEnumLookup gadget_mode_lookup = {
    .array = gadget_mode_names,
    .size = GADGET_MODE__MAX,
};

typedef struct Gadget {
    Object parent_obj;
    bool power;
    char *label;
    GadgetMode mode;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    uint32_t cls32;        /* class property, default 7 */
    int32_t level;         /* custom int32 property */
    uint64_t size;         /* custom "size" property */
    int released;
} Gadget;

#define GADGET(obj) OBJECT_CHECK(Gadget, (obj), TYPE_GADGET)

static bool gadget_get_power(Object *obj, Error **errp)
{
    return GADGET(obj)->power;
}

static void gadget_set_power(Object *obj, bool value, Error **errp)
{
    GADGET(obj)->power = value;
}

static char *gadget_get_label(Object *obj, Error **errp)
{
    return g_strdup(GADGET(obj)->label);
}

static void gadget_set_label(Object *obj, const char *value, Error **errp)
{
    if (!strcmp(value, "forbidden")) {
        error_setg(errp, "label 'forbidden' is not allowed");
        return;
    }
    g_free(GADGET(obj)->label);
    GADGET(obj)->label = g_strdup(value);
}

static int gadget_get_mode(Object *obj, Error **errp)
{
    return GADGET(obj)->mode;
}

static void gadget_set_mode(Object *obj, int value, Error **errp)
{
    GADGET(obj)->mode = value;
}

static json_t *gadget_get_level(Object *obj, const char *name, void *opaque,
                                Error **errp)
{
    return json_integer(GADGET(obj)->level);
}

static bool gadget_set_level(Object *obj, const char *name, json_t *value,
                             void *opaque, Error **errp)
{
    int64_t v;

    if (!qom_json_get_int(value, name, INT32_MIN, INT32_MAX, "int32", &v,
                          errp)) {
        return false;
    }
    GADGET(obj)->level = v;
    return true;
}

static json_t *gadget_get_size(Object *obj, const char *name, void *opaque,
                               Error **errp)
{
    return qom_json_from_uint(GADGET(obj)->size);
}

static bool gadget_set_size(Object *obj, const char *name, json_t *value,
                            void *opaque, Error **errp)
{
    return qom_json_get_size(value, name, &GADGET(obj)->size, errp);
}

static void gadget_release_counter(Object *obj, const char *name,
                                   void *opaque)
{
    GADGET(obj)->released++;
}

static void gadget_init(Object *obj)
{
    Gadget *g = GADGET(obj);

    object_property_add_bool(obj, "power", gadget_get_power,
                             gadget_set_power);
    object_property_add_str(obj, "label", gadget_get_label,
                            gadget_set_label);
    object_property_add_enum(obj, "mode", "GadgetMode", &gadget_mode_lookup,
                             gadget_get_mode, gadget_set_mode);
    object_property_add_uint8_ptr(obj, "u8", &g->u8,
                                  OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint16_ptr(obj, "u16", &g->u16,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "u32", &g->u32,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint64_ptr(obj, "u64", &g->u64,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "ro32", &g->u32, OBJ_PROP_FLAG_READ);
    object_property_add(obj, "level", "int32", gadget_get_level,
                        gadget_set_level, NULL, NULL);
    object_property_add(obj, "size", "size", gadget_get_size,
                        gadget_set_size, NULL, NULL);
    object_property_set_description(obj, "power", "Whether it is on");
}

static void gadget_finalize(Object *obj)
{
    g_free(GADGET(obj)->label);
}

static void gadget_class_init(ObjectClass *oc, void *data)
{
    ObjectProperty *op;

    op = object_class_property_add_uint32_ptr(oc, "cls32",
                                              offsetof(Gadget, cls32),
                                              OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_uint(op, 7);
    object_class_property_set_description(oc, "cls32", "A class property");
}

static const TypeInfo gadget_info = {
    .name = TYPE_GADGET,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Gadget),
    .instance_init = gadget_init,
    .instance_finalize = gadget_finalize,
    .class_init = gadget_class_init,
};

static void register_types(void)
{
    type_register_static(&gadget_info);
}

type_init(register_types)

/* Expect @ok to be false with exactly @msg, then free the error. */
#define assert_error(ok, err, msg) \
    do { \
        g_assert_false(ok); \
        g_assert_nonnull(err); \
        g_assert_cmpstr(error_get_pretty(err), ==, (msg)); \
        error_free(err); \
        (err) = NULL; \
    } while (0)

/* ---------------------------------------------------------------------- */

static void test_bool(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_set_bool(obj, "power", true,
                                           &error_abort));
    g_assert_true(object_property_get_bool(obj, "power", &error_abort));
    g_assert_true(object_property_parse(obj, "power", "off", &error_abort));
    g_assert_false(GADGET(obj)->power);
    g_assert_true(object_property_parse(obj, "power", "yes", &error_abort));
    g_assert_true(GADGET(obj)->power);
    g_assert_true(object_property_set_str(obj, "power", "false",
                                          &error_abort));
    g_assert_false(GADGET(obj)->power);
    assert_error(object_property_parse(obj, "power", "maybe", &err), err,
                 "Parameter 'power' expects 'on' or 'off'");
    assert_error(object_property_set_int(obj, "power", 1, &err), err,
                 "Parameter 'power' expects 'on' or 'off'");
    object_unref(obj);
}

static void test_str(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;
    g_autofree char *label = NULL;

    g_assert_true(object_property_set_str(obj, "label", "hello",
                                          &error_abort));
    label = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(label, ==, "hello");
    /* The setter's own refusal comes through unchanged. */
    assert_error(object_property_set_str(obj, "label", "forbidden", &err),
                 err, "label 'forbidden' is not allowed");
    assert_error(object_property_set_int(obj, "label", 3, &err), err,
                 "Invalid parameter type for 'label', expected: string");
    /* Reading a string property as an integer is a type error. */
    g_assert_cmpint(object_property_get_int(obj, "label", &err), ==, -1);
    assert_error(false, err,
                 "Invalid parameter type for 'label', expected: int");
    object_unref(obj);
}

static void test_uint8_range(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_set_uint(obj, "u8", 255, &error_abort));
    g_assert_cmpuint(GADGET(obj)->u8, ==, 255);
    assert_error(object_property_set_uint(obj, "u8", 256, &err), err,
                 "Parameter 'u8' expects uint8");
    assert_error(object_property_set_int(obj, "u8", -1, &err), err,
                 "Parameter 'u8' expects uint8");
    assert_error(object_property_parse(obj, "u8", "300", &err), err,
                 "Parameter 'u8' expects uint8");
    assert_error(object_property_parse(obj, "u8", "-1", &err), err,
                 "Parameter 'u8' expects uint8");
    /* A failed set leaves the old value. */
    g_assert_cmpuint(GADGET(obj)->u8, ==, 255);
    object_unref(obj);
}

static void test_uint_strings(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    /* QMP clients often send numbers as strings. */
    g_assert_true(object_property_set_str(obj, "u16", "0x1234",
                                          &error_abort));
    g_assert_cmpuint(GADGET(obj)->u16, ==, 0x1234);
    g_assert_true(object_property_parse(obj, "u32", "4000000000",
                                        &error_abort));
    g_assert_cmpuint(GADGET(obj)->u32, ==, 4000000000u);
    assert_error(object_property_parse(obj, "u32", "abc", &err), err,
                 "Parameter 'u32' expects a number");
    assert_error(object_property_parse(obj, "u32", "12abc", &err), err,
                 "Parameter 'u32' expects a number");
    assert_error(object_property_parse(obj, "u32", "", &err), err,
                 "Parameter 'u32' expects a number");
    assert_error(object_property_parse(obj, "u16", "65536", &err), err,
                 "Parameter 'u16' expects uint16");
    object_unref(obj);
}

static void test_uint64_full_range(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_parse(obj, "u64", "18446744073709551615",
                                        &error_abort));
    g_assert_cmpuint(GADGET(obj)->u64, ==, UINT64_MAX);
    /* Reading back gives the same value through the typed getter. */
    g_assert_cmpuint(object_property_get_uint(obj, "u64", &error_abort), ==,
                     UINT64_MAX);
    g_assert_true(object_property_set_uint(obj, "u64", 1ULL << 63,
                                           &error_abort));
    g_assert_cmpuint(GADGET(obj)->u64, ==, 1ULL << 63);
    assert_error(object_property_parse(obj, "u64", "18446744073709551616",
                                       &err), err,
                 "Parameter 'u64' expects uint64");
    object_unref(obj);
}

static void test_int32(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_parse(obj, "level", "-5", &error_abort));
    g_assert_cmpint(GADGET(obj)->level, ==, -5);
    g_assert_cmpint(object_property_get_int(obj, "level", &error_abort), ==,
                    -5);
    g_assert_true(object_property_parse(obj, "level", "-0x10",
                                        &error_abort));
    g_assert_cmpint(GADGET(obj)->level, ==, -16);
    assert_error(object_property_set_int(obj, "level", 1LL << 31, &err),
                 err, "Parameter 'level' expects int32");
    assert_error(object_property_parse(obj, "level", "1.5", &err), err,
                 "Parameter 'level' expects a number");
    object_unref(obj);
}

static void test_size(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_parse(obj, "size", "64K", &error_abort));
    g_assert_cmpuint(GADGET(obj)->size, ==, 64 * KiB);
    g_assert_true(object_property_parse(obj, "size", "1.5M", &error_abort));
    g_assert_cmpuint(GADGET(obj)->size, ==, 3 * MiB / 2);
    g_assert_true(object_property_parse(obj, "size", "2G", &error_abort));
    g_assert_cmpuint(GADGET(obj)->size, ==, 2 * GiB);
    g_assert_true(object_property_parse(obj, "size", "0x1000",
                                        &error_abort));
    g_assert_cmpuint(GADGET(obj)->size, ==, 0x1000);
    g_assert_true(object_property_set_str(obj, "size", "1T", &error_abort));
    g_assert_cmpuint(GADGET(obj)->size, ==, 1ULL << 40);
    assert_error(object_property_parse(obj, "size", "12Q", &err), err,
                 "Parameter 'size' expects a non-negative number below "
                 "2^64");
    assert_error(object_property_parse(obj, "size", "-1", &err), err,
                 "Parameter 'size' expects a non-negative number below "
                 "2^64");
    assert_error(object_property_parse(obj, "size", "16E", &err), err,
                 "Parameter 'size' expects a non-negative number below "
                 "2^64");
    object_unref(obj);
}

static void test_enum(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;
    g_autofree char *mode = NULL;

    g_assert_true(object_property_parse(obj, "mode", "fast", &error_abort));
    g_assert_cmpint(GADGET(obj)->mode, ==, GADGET_MODE_FAST);
    mode = object_property_get_str(obj, "mode", &error_abort);
    g_assert_cmpstr(mode, ==, "fast");
    g_assert_cmpint(object_property_get_enum(obj, "mode", "GadgetMode",
                                             &error_abort), ==,
                    GADGET_MODE_FAST);
    assert_error(object_property_parse(obj, "mode", "turbo", &err), err,
                 "Parameter 'mode' does not accept value 'turbo'");
    g_assert_cmpint(object_property_get_enum(obj, "mode", "OtherEnum", &err),
                    ==, -1);
    assert_error(false, err,
                 "Property 'test-gadget.mode' is not of enum type "
                 "'OtherEnum'");
    g_assert_cmpstr(object_property_get_type(obj, "mode", &error_abort), ==,
                    "GadgetMode");
    object_unref(obj);
}

static void test_enum_lookup(void)
{
    Error *err = NULL;

    g_assert_cmpint(qapi_enum_parse(&gadget_mode_lookup, "slow", -1, NULL),
                    ==, GADGET_MODE_SLOW);
    g_assert_cmpint(qapi_enum_parse(&gadget_mode_lookup, NULL, 2, NULL), ==,
                    2);
    g_assert_cmpint(qapi_enum_parse(&gadget_mode_lookup, "x", -1, &err), ==,
                    -1);
    assert_error(false, err, "Invalid parameter 'x'");
    g_assert_cmpstr(qapi_enum_lookup(&gadget_mode_lookup, 0), ==, "off");
    g_assert_null(qapi_enum_lookup(&gadget_mode_lookup, 3));
}

static void test_read_only(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    GADGET(obj)->u32 = 42;
    g_assert_cmpuint(object_property_get_uint(obj, "ro32", &error_abort), ==,
                     42);
    assert_error(object_property_set_uint(obj, "ro32", 1, &err), err,
                 "Property 'test-gadget.ro32' is not writable");
    object_unref(obj);
}

static void test_not_found(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_null(object_property_find(obj, "nope"));
    assert_error(object_property_set_bool(obj, "nope", true, &err), err,
                 "Property 'test-gadget.nope' not found");
    g_assert_null(object_property_get(obj, "nope", &err));
    assert_error(false, err, "Property 'test-gadget.nope' not found");
    object_unref(obj);
}

static void test_class_default(void)
{
    Object *a = object_new(TYPE_GADGET);
    Object *b;
    ObjectProperty *op;

    /* Applied before instance_init, to every instance. */
    g_assert_cmpuint(GADGET(a)->cls32, ==, 7);
    object_property_set_uint(a, "cls32", 9, &error_abort);
    b = object_new(TYPE_GADGET);
    g_assert_cmpuint(GADGET(b)->cls32, ==, 7);
    g_assert_cmpuint(GADGET(a)->cls32, ==, 9);

    op = object_class_property_find(object_class_by_name(TYPE_GADGET),
                                    "cls32");
    g_assert_nonnull(op);
    g_assert_true(object_property_find(a, "cls32") == op);
    g_assert_true(json_is_integer(op->defval));
    g_assert_cmpint(json_integer_value(op->defval), ==, 7);
    g_assert_cmpstr(op->description, ==, "A class property");
    object_unref(a);
    object_unref(b);
}

static void test_duplicate_and_autonumber(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;
    ObjectProperty *p0, *p1;

    g_assert_null(object_property_try_add(obj, "power", "bool", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(false, err, "attempt to add duplicate property 'power' to "
                 "object (type 'test-gadget')");
    /* A class property name is taken too. */
    g_assert_null(object_property_try_add(obj, "cls32", "bool", NULL, NULL,
                                          NULL, NULL, &err));
    g_assert_nonnull(err);
    error_free(err);

    p0 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    p1 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(p0->name, ==, "slot[0]");
    g_assert_cmpstr(p1->name, ==, "slot[1]");
    object_property_del(obj, "slot[0]");
    /* The freed number is reused. */
    p0 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(p0->name, ==, "slot[0]");
    object_unref(obj);
}

static void test_del_releases(void)
{
    Object *obj = object_new(TYPE_GADGET);

    object_property_add(obj, "tmp1", "int", NULL, NULL,
                        gadget_release_counter, NULL);
    object_property_add(obj, "tmp2", "int", NULL, NULL,
                        gadget_release_counter, NULL);
    object_property_del(obj, "tmp1");
    g_assert_cmpint(GADGET(obj)->released, ==, 1);
    g_assert_null(object_property_find(obj, "tmp1"));
    /* Deleting an unknown name is harmless. */
    object_property_del(obj, "tmp1");
    g_assert_cmpint(GADGET(obj)->released, ==, 1);
    object_unref(obj);
}

static void test_introspection(void)
{
    Object *obj = object_new(TYPE_GADGET);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    int n = 0;

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        g_hash_table_insert(seen, prop->name, prop);
        n++;
    }
    /* Instance, class and base class ("type") properties, each once. */
    g_assert_cmpint(n, ==, g_hash_table_size(seen));
    prop = g_hash_table_lookup(seen, "power");
    g_assert_cmpstr(prop->type, ==, "bool");
    g_assert_cmpstr(prop->description, ==, "Whether it is on");
    g_assert_cmpstr(((ObjectProperty *)
                     g_hash_table_lookup(seen, "u8"))->type, ==, "uint8");
    g_assert_nonnull(g_hash_table_lookup(seen, "cls32"));
    g_assert_nonnull(g_hash_table_lookup(seen, "type"));
    g_hash_table_destroy(seen);

    /* A class alone lists its class properties (for device-list-...). */
    n = 0;
    object_class_property_iter_init(&iter,
                                    object_class_by_name(TYPE_GADGET));
    while ((prop = object_property_iter_next(&iter))) {
        n++;
        g_assert_true(!strcmp(prop->name, "cls32") ||
                      !strcmp(prop->name, "type"));
    }
    g_assert_cmpint(n, ==, 2);
    object_unref(obj);
}

static void test_print(void)
{
    Object *obj = object_new(TYPE_GADGET);
    g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

    object_property_set_uint(obj, "u32", 255, &error_abort);
    object_property_set_str(obj, "label", "hi", &error_abort);
    object_property_parse(obj, "size", "64K", &error_abort);
    a = object_property_print(obj, "u32", false, &error_abort);
    b = object_property_print(obj, "u32", true, &error_abort);
    c = object_property_print(obj, "label", false, &error_abort);
    d = object_property_print(obj, "label", true, &error_abort);
    e = object_property_print(obj, "size", true, &error_abort);
    g_assert_cmpstr(a, ==, "255");
    g_assert_cmpstr(b, ==, "255 (0xff)");
    g_assert_cmpstr(c, ==, "\"hi\"");
    g_assert_cmpstr(d, ==, "\"hi\"");
    g_assert_cmpstr(e, ==, "65536 (64 KiB)");
    object_unref(obj);
}

static void test_json_value(void)
{
    Object *obj = object_new(TYPE_GADGET);
    json_t *v = json_integer(12);
    json_t *got;

    g_assert_true(object_property_set(obj, "u8", v, &error_abort));
    json_decref(v);
    got = object_property_get(obj, "u8", &error_abort);
    g_assert_true(json_is_integer(got));
    g_assert_cmpint(json_integer_value(got), ==, 12);
    json_decref(got);
    object_unref(obj);
}

static void test_alias(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Object *front = object_new(TYPE_CONTAINER);

    object_property_add_alias(front, "volume", obj, "u8");
    g_assert_cmpstr(object_property_get_type(front, "volume", &error_abort),
                    ==, "uint8");
    object_property_parse(front, "volume", "11", &error_abort);
    g_assert_cmpuint(GADGET(obj)->u8, ==, 11);
    g_assert_cmpuint(object_property_get_uint(front, "volume",
                                              &error_abort), ==, 11);
    object_unref(front);
    object_unref(obj);
}

static void test_set_props(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_set_props(obj, &error_abort, "u8", "3",
                                   "label", "x", NULL));
    g_assert_cmpuint(GADGET(obj)->u8, ==, 3);
    g_assert_cmpstr(GADGET(obj)->label, ==, "x");
    g_assert_false(object_set_props(obj, &err, "u8", "4", "bad", "1",
                                    NULL));
    g_assert_nonnull(err);
    error_free(err);
    object_unref(obj);
}

static void test_new_with_props(void)
{
    Object *parent = object_new(TYPE_CONTAINER);
    Error *err = NULL;
    Object *obj;

    obj = object_new_with_props(TYPE_GADGET, parent, "g0", &error_abort,
                                "u16", "500", NULL);
    g_assert_nonnull(obj);
    g_assert_cmpuint(GADGET(obj)->u16, ==, 500);
    g_assert_true(object_resolve_path_component(parent, "g0") == obj);
    /* A bad property: nothing is created. */
    g_assert_null(object_new_with_props(TYPE_GADGET, parent, "g1", &err,
                                        "u16", "70000", NULL));
    assert_error(false, err, "Parameter 'u16' expects uint16");
    g_assert_null(object_resolve_path_component(parent, "g1"));
    g_assert_null(object_new_with_props("test-nothing", NULL, NULL, &err,
                                        NULL));
    assert_error(false, err, "invalid object type: test-nothing");
    object_unref(parent);
}

static void test_parse_size_helper(void)
{
    uint64_t v;

    g_assert_true(qom_parse_size("0", &v));
    g_assert_cmpuint(v, ==, 0);
    g_assert_true(qom_parse_size("512B", &v));
    g_assert_cmpuint(v, ==, 512);
    g_assert_true(qom_parse_size("4k", &v));
    g_assert_cmpuint(v, ==, 4096);
    g_assert_true(qom_parse_size("15E", &v));
    g_assert_cmpuint(v, ==, 15ULL << 60);
    g_assert_false(qom_parse_size("", &v));
    g_assert_false(qom_parse_size("K", &v));
    g_assert_false(qom_parse_size("1KK", &v));
    g_assert_false(qom_parse_size("1.5", &v));
    g_assert_false(qom_parse_size(" 1", &v));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/props/bool", test_bool);
    g_test_add_func("/qom/props/str", test_str);
    g_test_add_func("/qom/props/uint8-range", test_uint8_range);
    g_test_add_func("/qom/props/uint-strings", test_uint_strings);
    g_test_add_func("/qom/props/uint64-full-range", test_uint64_full_range);
    g_test_add_func("/qom/props/int32", test_int32);
    g_test_add_func("/qom/props/size", test_size);
    g_test_add_func("/qom/props/enum", test_enum);
    g_test_add_func("/qom/props/enum-lookup", test_enum_lookup);
    g_test_add_func("/qom/props/read-only", test_read_only);
    g_test_add_func("/qom/props/not-found", test_not_found);
    g_test_add_func("/qom/props/class-default", test_class_default);
    g_test_add_func("/qom/props/duplicate-and-autonumber",
                    test_duplicate_and_autonumber);
    g_test_add_func("/qom/props/del-releases", test_del_releases);
    g_test_add_func("/qom/props/introspection", test_introspection);
    g_test_add_func("/qom/props/print", test_print);
    g_test_add_func("/qom/props/json-value", test_json_value);
    g_test_add_func("/qom/props/alias", test_alias);
    g_test_add_func("/qom/props/set-props", test_set_props);
    g_test_add_func("/qom/props/new-with-props", test_new_with_props);
    g_test_add_func("/qom/props/parse-size", test_parse_size_helper);
    return g_test_run();
}
