/*
 * qdev static properties: defaults, values from key=value strings,
 * range and syntax errors, links, and the after-realize rule.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"

#define TYPE_PDEV "test-pdev"
#define TYPE_OLD_STYLE "test-old-style"
#define TYPE_TARGET "test-target"

typedef enum Speed {
    SPEED_LOW,
    SPEED_HIGH,
    SPEED__MAX,
} Speed;

static const char *const speed_names[] = { "low", "high" };
static const QEnumLookup speed_lookup = { speed_names, SPEED__MAX };

static const PropertyInfo prop_speed = {
    .type = "Speed",
    .description = "low/high",
    .enum_table = &speed_lookup,
    .get = qdev_propinfo_get_enum,
    .set = qdev_propinfo_set_enum,
    .set_default_value = qdev_propinfo_set_default_value_enum,
};


typedef struct PDev {
    DeviceState parent_obj;
    bool flag;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int32_t i32;
    int64_t i64;
    uint64_t size;
    char *str;
    uint32_t bits;
    int speed;
    uint32_t live;
    Object *target;
} PDev;

#define PDEV(obj) OBJECT_CHECK(PDev, (obj), TYPE_PDEV)

/*
 * A uint32 that may change at run time (like a link status): a copy of
 * qdev_prop_uint32 with realized_set_allowed, filled in by main().
 */
static PropertyInfo live_info;

static const Property pdev_props[] = {
    DEFINE_PROP_BOOL("flag", PDev, flag, true),
    DEFINE_PROP_UINT8("u8", PDev, u8, 8),
    DEFINE_PROP_UINT16("u16", PDev, u16, 16),
    DEFINE_PROP_UINT32("u32", PDev, u32, 32),
    DEFINE_PROP_UINT64("u64", PDev, u64, 64),
    DEFINE_PROP_INT32("i32", PDev, i32, -32),
    DEFINE_PROP_INT64("i64", PDev, i64, -64),
    DEFINE_PROP_SIZE("size", PDev, size, 4 * KiB),
    DEFINE_PROP_STRING("str", PDev, str),
    DEFINE_PROP_BIT("bit0", PDev, bits, 0, true),
    DEFINE_PROP_BIT("bit3", PDev, bits, 3, false),
    DEFINE_PROP_SIGNED("speed", PDev, speed, SPEED_HIGH, prop_speed, int),
    DEFINE_PROP_UNSIGNED("live", PDev, live, 1, live_info, uint32_t),
    DEFINE_PROP_LINK("target", PDev, target, TYPE_TARGET, Object *),
};

static void pdev_class_init(ObjectClass *oc, void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), pdev_props);
}

/* Older code ends its list with a terminator; that works too. */
typedef struct OldStyle {
    DeviceState parent_obj;
    uint32_t a;
} OldStyle;

static const Property old_style_props[] = {
    DEFINE_PROP_UINT32("a", OldStyle, a, 5),
    DEFINE_PROP_END_OF_LIST(),
};

static void old_style_class_init(ObjectClass *oc, void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), old_style_props);
}

static int targets_finalized;

static void target_finalize(Object *obj)
{
    targets_finalized++;
}

static const TypeInfo props_types[] = {
    {
        .name = TYPE_PDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(PDev),
        .class_init = pdev_class_init,
    },
    {
        .name = TYPE_OLD_STYLE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(OldStyle),
        .class_init = old_style_class_init,
    },
    {
        .name = TYPE_TARGET,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .instance_finalize = target_finalize,
    },
};

DEFINE_TYPES(props_types)

#define assert_error(ok, err, msg) \
    do { \
        g_assert_false(ok); \
        g_assert_nonnull(err); \
        g_assert_cmpstr(error_get_pretty(err), ==, (msg)); \
        error_free(err); \
        (err) = NULL; \
    } while (0)

static DeviceState *new_pdev(void)
{
    return qdev_new(TYPE_PDEV);
}

static void free_dev(DeviceState *dev)
{
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
}

/* ---------------------------------------------------------------------- */

static void test_defaults(void)
{
    DeviceState *dev = new_pdev();
    PDev *s = PDEV(dev);

    g_assert_true(s->flag);
    g_assert_cmpuint(s->u8, ==, 8);
    g_assert_cmpuint(s->u16, ==, 16);
    g_assert_cmpuint(s->u32, ==, 32);
    g_assert_cmpuint(s->u64, ==, 64);
    g_assert_cmpint(s->i32, ==, -32);
    g_assert_cmpint(s->i64, ==, -64);
    g_assert_cmpuint(s->size, ==, 4096);
    g_assert_null(s->str);
    g_assert_cmpuint(s->bits, ==, 1);
    g_assert_cmpint(s->speed, ==, SPEED_HIGH);
    g_assert_null(s->target);
    free_dev(dev);
}

static void test_parse_strings(void)
{
    DeviceState *dev = new_pdev();
    PDev *s = PDEV(dev);
    Object *obj = OBJECT(dev);

    /* What -device test-pdev,flag=off,u8=0x7f,... turns into. */
    g_assert_true(object_property_parse(obj, "flag", "off", &error_abort));
    g_assert_true(object_property_parse(obj, "u8", "0x7f", &error_abort));
    g_assert_true(object_property_parse(obj, "u16", "65535",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "u32", "0xdeadbeef",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "u64", "0x123456789abc",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "i32", "-2147483648",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "i64", "-1", &error_abort));
    g_assert_true(object_property_parse(obj, "size", "2M", &error_abort));
    g_assert_true(object_property_parse(obj, "str", "hello",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "bit3", "on", &error_abort));
    g_assert_true(object_property_parse(obj, "bit0", "off", &error_abort));
    g_assert_true(object_property_parse(obj, "speed", "low", &error_abort));
    g_assert_false(s->flag);
    g_assert_cmpuint(s->u8, ==, 0x7f);
    g_assert_cmpuint(s->u16, ==, 65535);
    g_assert_cmpuint(s->u32, ==, 0xdeadbeef);
    g_assert_cmpuint(s->u64, ==, 0x123456789abcULL);
    g_assert_cmpint(s->i32, ==, INT32_MIN);
    g_assert_cmpint(s->i64, ==, -1);
    g_assert_cmpuint(s->size, ==, 2 * MiB);
    g_assert_cmpstr(s->str, ==, "hello");
    g_assert_cmpuint(s->bits, ==, 8);
    g_assert_cmpint(s->speed, ==, SPEED_LOW);
    free_dev(dev);
}

static void test_out_of_range(void)
{
    DeviceState *dev = new_pdev();
    Object *obj = OBJECT(dev);
    Error *err = NULL;

    assert_error(object_property_parse(obj, "u8", "300", &err), err,
                 "Property 'test-pdev.u8' doesn't take value '300'");
    assert_error(object_property_parse(obj, "u8", "-1", &err), err,
                 "Property 'test-pdev.u8' doesn't take value '-1'");
    assert_error(object_property_parse(obj, "u16", "0x10000", &err), err,
                 "Property 'test-pdev.u16' doesn't take value '65536'");
    assert_error(object_property_set_uint(obj, "u32", 1ULL << 32, &err),
                 err,
                 "Property 'test-pdev.u32' doesn't take value '4294967296'");
    assert_error(object_property_parse(obj, "i32", "2147483648", &err), err,
                 "Property 'test-pdev.i32' doesn't take value "
                 "'2147483648'");
    /* Nothing changed. */
    g_assert_cmpuint(PDEV(dev)->u8, ==, 8);
    g_assert_cmpint(PDEV(dev)->i32, ==, -32);
    free_dev(dev);
}

static void test_bad_syntax(void)
{
    DeviceState *dev = new_pdev();
    Object *obj = OBJECT(dev);
    Error *err = NULL;

    assert_error(object_property_parse(obj, "u8", "abc", &err), err,
                 "Parameter 'u8' expects a number");
    assert_error(object_property_parse(obj, "i64", "1e3", &err), err,
                 "Parameter 'i64' expects a number");
    assert_error(object_property_parse(obj, "flag", "2", &err), err,
                 "Parameter 'flag' expects 'on' or 'off'");
    assert_error(object_property_parse(obj, "speed", "medium", &err), err,
                 "Parameter 'speed' does not accept value 'medium'");
    assert_error(object_property_parse(obj, "nosuch", "1", &err), err,
                 "Property 'test-pdev.nosuch' not found");
    free_dev(dev);
}

static void test_json_values(void)
{
    DeviceState *dev = new_pdev();
    Object *obj = OBJECT(dev);
    json_t *v;

    /* device_add may send real JSON numbers and booleans too. */
    v = json_integer(200);
    g_assert_true(object_property_set(obj, "u8", v, &error_abort));
    json_decref(v);
    v = json_false();
    g_assert_true(object_property_set(obj, "flag", v, &error_abort));
    json_decref(v);
    g_assert_cmpuint(PDEV(dev)->u8, ==, 200);
    g_assert_false(PDEV(dev)->flag);
    v = object_property_get(obj, "size", &error_abort);
    g_assert_cmpint(json_integer_value(v), ==, 4096);
    json_decref(v);
    free_dev(dev);
}

static void test_set_after_realize(void)
{
    DeviceState *dev = new_pdev();
    Error *err = NULL;

    qdev_realize(dev, NULL, &error_abort);
    assert_error(object_property_parse(OBJECT(dev), "u8", "1", &err), err,
                 "Attempt to set property 'u8' on anonymous device "
                 "(type 'test-pdev') after it was realized");
    dev->id = g_strdup("d0");
    assert_error(object_property_set_bool(OBJECT(dev), "flag", false, &err),
                 err, "Attempt to set property 'flag' on device 'd0' "
                 "(type 'test-pdev') after it was realized");
    /* Reading is fine, and a property that allows it can still change. */
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "u8",
                                              &error_abort), ==, 8);
    g_assert_true(object_property_parse(OBJECT(dev), "live", "9",
                                        &error_abort));
    g_assert_cmpuint(PDEV(dev)->live, ==, 9);
    free_dev(dev);
}

static void test_link_prop(void)
{
    DeviceState *dev = new_pdev();
    Object *target = object_new(TYPE_TARGET);
    Object *other = object_new(TYPE_CONTAINER);
    Error *err = NULL;

    targets_finalized = 0;
    g_assert_cmpstr(object_property_get_type(OBJECT(dev), "target",
                                             &error_abort), ==,
                    "link<test-target>");
    assert_error(object_property_set_link(OBJECT(dev), "target", other,
                                          &err), err,
                 "Invalid parameter type for 'target', expected: "
                 "test-target");
    qdev_prop_set_link(dev, "target", target);
    g_assert_true(PDEV(dev)->target == target);
    /* A strong link: the device keeps the target alive. */
    object_unref(target);
    g_assert_cmpint(targets_finalized, ==, 0);
    qdev_realize(dev, NULL, &error_abort);
    g_assert_false(object_property_set_link(OBJECT(dev), "target", NULL,
                                            &err));
    g_assert_nonnull(err);
    g_assert_true(strstr(error_get_pretty(err), "after it was realized"));
    error_free(err);
    free_dev(dev);
    g_assert_cmpint(targets_finalized, ==, 1);
    object_unref(other);
}

static void test_setters(void)
{
    DeviceState *dev = new_pdev();
    PDev *s = PDEV(dev);

    qdev_prop_set_bit(dev, "flag", false);
    qdev_prop_set_uint8(dev, "u8", 1);
    qdev_prop_set_uint16(dev, "u16", 2);
    qdev_prop_set_uint32(dev, "u32", 3);
    qdev_prop_set_uint64(dev, "u64", UINT64_MAX);
    qdev_prop_set_int32(dev, "i32", -5);
    qdev_prop_set_int64(dev, "i64", INT64_MIN);
    qdev_prop_set_string(dev, "str", "a");
    qdev_prop_set_string(dev, "str", "b");
    qdev_prop_set_enum(dev, "speed", SPEED_LOW);
    g_assert_false(s->flag);
    g_assert_cmpuint(s->u8, ==, 1);
    g_assert_cmpuint(s->u16, ==, 2);
    g_assert_cmpuint(s->u32, ==, 3);
    g_assert_cmpuint(s->u64, ==, UINT64_MAX);
    g_assert_cmpint(s->i32, ==, -5);
    g_assert_cmpint(s->i64, ==, INT64_MIN);
    g_assert_cmpstr(s->str, ==, "b");
    g_assert_cmpint(s->speed, ==, SPEED_LOW);
    /* The string is freed with the device (LSan checks). */
    free_dev(dev);
}

static void test_introspection(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_PDEV);
    ObjectProperty *op;

    op = object_class_property_find(oc, "u16");
    g_assert_cmpstr(op->type, ==, "uint16");
    g_assert_cmpint(json_integer_value(op->defval), ==, 16);
    op = object_class_property_find(oc, "flag");
    g_assert_true(json_is_true(op->defval));
    g_assert_cmpstr(op->description, ==, "on/off");
    op = object_class_property_find(oc, "speed");
    g_assert_cmpstr(json_string_value(op->defval), ==, "high");
    op = object_class_property_find(oc, "str");
    g_assert_null(op->defval);
    g_assert_cmpint(DEVICE_CLASS(oc)->props_count_, ==,
                    ARRAY_SIZE(pdev_props));
    /* Common device properties are there too. */
    g_assert_nonnull(object_class_property_find(oc, "realized"));
}

static void test_end_of_list(void)
{
    DeviceState *dev = qdev_new(TYPE_OLD_STYLE);
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    g_assert_cmpint(dc->props_count_, ==, 1);
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "a",
                                              &error_abort), ==, 5);
    object_unref(OBJECT(dev));
}

static void test_print_human(void)
{
    DeviceState *dev = new_pdev();
    g_autofree char *a = object_property_print(OBJECT(dev), "u32", true,
                                               &error_abort);
    g_autofree char *b = object_property_print(OBJECT(dev), "i32", true,
                                               &error_abort);
    g_autofree char *c = object_property_print(OBJECT(dev), "str", true,
                                               &error_abort);

    g_assert_cmpstr(a, ==, "32 (0x20)");
    g_assert_cmpstr(b, ==, "-32 (0xffffffffffffffe0)");
    g_assert_cmpstr(c, ==, "\"\"");
    free_dev(dev);
}

int main(int argc, char **argv)
{
    /* A uint32 property that stays writable after realize. */
    live_info = qdev_prop_uint32;
    live_info.realized_set_allowed = true;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/props/defaults", test_defaults);
    g_test_add_func("/qdev/props/parse-strings", test_parse_strings);
    g_test_add_func("/qdev/props/out-of-range", test_out_of_range);
    g_test_add_func("/qdev/props/bad-syntax", test_bad_syntax);
    g_test_add_func("/qdev/props/json-values", test_json_values);
    g_test_add_func("/qdev/props/set-after-realize", test_set_after_realize);
    g_test_add_func("/qdev/props/link", test_link_prop);
    g_test_add_func("/qdev/props/setters", test_setters);
    g_test_add_func("/qdev/props/introspection", test_introspection);
    g_test_add_func("/qdev/props/end-of-list", test_end_of_list);
    g_test_add_func("/qdev/props/print-human", test_print_human);
    return g_test_run();
}
