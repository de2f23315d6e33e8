/*
 * QOM core: type registration, casts, classes, interfaces, instance
 * lifecycle and reference counting.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

/* Every hook appends a word here so tests can check the order. */
static GString *trace;

static void trace_add(const char *what)
{
    if (trace->len) {
        g_string_append_c(trace, ' ');
    }
    g_string_append(trace, what);
}

static void trace_reset(void)
{
    g_string_truncate(trace, 0);
}

/*
 * animal (abstract) <- dog <- puppy
 *                   <- cat            (implements "pettable")
 * "pettable" interface with a pet() method; dog implements it, puppy
 * inherits it and overrides pet().
 */
#define TYPE_ANIMAL "test-animal"
#define TYPE_DOG "test-dog"
#define TYPE_PUPPY "test-puppy"
#define TYPE_CAT "test-cat"
#define TYPE_PETTABLE "test-pettable"

typedef struct Animal {
    Object parent_obj;
    int legs;
    char *name;
} Animal;

typedef struct AnimalClass {
    ObjectClass parent_class;
    const char *(*speak)(Animal *a);
    int base_init_calls;
} AnimalClass;

typedef struct Dog {
    Animal parent_obj;
    int tricks;
} Dog;

typedef struct DogClass {
    AnimalClass parent_class;
    const char *(*parent_speak)(Animal *a);
} DogClass;

typedef struct PettableClass {
    InterfaceClass parent_class;
    const char *(*pet)(Object *obj);
} PettableClass;

#define ANIMAL(obj) OBJECT_CHECK(Animal, (obj), TYPE_ANIMAL)
#define ANIMAL_CLASS(k) OBJECT_CLASS_CHECK(AnimalClass, (k), TYPE_ANIMAL)
#define ANIMAL_GET_CLASS(obj) OBJECT_GET_CLASS(AnimalClass, (obj), TYPE_ANIMAL)
#define DOG(obj) OBJECT_CHECK(Dog, (obj), TYPE_DOG)
#define DOG_CLASS(k) OBJECT_CLASS_CHECK(DogClass, (k), TYPE_DOG)
#define PETTABLE_CLASS(k) \
    OBJECT_CLASS_CHECK(PettableClass, (k), TYPE_PETTABLE)
#define PETTABLE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(PettableClass, (obj), TYPE_PETTABLE)

static const char *animal_speak(Animal *a)
{
    return "...";
}

static void animal_class_base_init(ObjectClass *oc, void *data)
{
    ANIMAL_CLASS(oc)->base_init_calls++;
}

static void animal_class_init(ObjectClass *oc, void *data)
{
    ANIMAL_CLASS(oc)->speak = animal_speak;
    trace_add("class:animal");
}

static void animal_init(Object *obj)
{
    ANIMAL(obj)->legs = 4;
    ANIMAL(obj)->name = g_strdup("animal");
    trace_add("init:animal");
}

static void animal_post_init(Object *obj)
{
    trace_add("post:animal");
}

static void animal_finalize(Object *obj)
{
    g_free(ANIMAL(obj)->name);
    trace_add("fin:animal");
}

static const char *dog_speak(Animal *a)
{
    /* Override that still calls the parent's implementation. */
    static char buf[64];
    DogClass *dc = DOG_CLASS(object_get_class(OBJECT(a)));

    snprintf(buf, sizeof(buf), "woof %s", dc->parent_speak(a));
    return buf;
}

static const char *dog_pet(Object *obj)
{
    return "wag";
}

static void dog_class_init(ObjectClass *oc, void *data)
{
    DogClass *dc = DOG_CLASS(oc);
    AnimalClass *ac = ANIMAL_CLASS(oc);
    PettableClass *pc = PETTABLE_CLASS(oc);

    dc->parent_speak = ac->speak;
    ac->speak = dog_speak;
    pc->pet = dog_pet;
    trace_add("class:dog");
}

static void dog_init(Object *obj)
{
    DOG(obj)->tricks = ANIMAL(obj)->legs;   /* parent init ran first */
    trace_add("init:dog");
}

static void dog_finalize(Object *obj)
{
    trace_add("fin:dog");
}

static const char *puppy_pet(Object *obj)
{
    return "lick";
}

static void puppy_class_init(ObjectClass *oc, void *data)
{
    PETTABLE_CLASS(oc)->pet = puppy_pet;
    trace_add("class:puppy");
}

static void puppy_finalize(Object *obj)
{
    trace_add("fin:puppy");
}

static const char *pettable_default_pet(Object *obj)
{
    return "purr";
}

static void pettable_class_init(ObjectClass *oc, void *data)
{
    PETTABLE_CLASS(oc)->pet = pettable_default_pet;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_PETTABLE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(PettableClass),
        .class_init = pettable_class_init,
    },
    {
        .name = TYPE_ANIMAL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(Animal),
        .instance_init = animal_init,
        .instance_post_init = animal_post_init,
        .instance_finalize = animal_finalize,
        .class_size = sizeof(AnimalClass),
        .class_init = animal_class_init,
        .class_base_init = animal_class_base_init,
    },
    {
        .name = TYPE_DOG,
        .parent = TYPE_ANIMAL,
        .instance_size = sizeof(Dog),
        .instance_init = dog_init,
        .instance_finalize = dog_finalize,
        .class_size = sizeof(DogClass),
        .class_init = dog_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_PETTABLE },
            { }
        },
    },
    {
        .name = TYPE_PUPPY,
        .parent = TYPE_DOG,
        .instance_finalize = puppy_finalize,
        .class_init = puppy_class_init,
    },
    {
        .name = TYPE_CAT,
        .parent = TYPE_ANIMAL,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_PETTABLE },
            { }
        },
    },
};

DEFINE_TYPES(test_types)

/* ---------------------------------------------------------------------- */

static void test_register_and_create(void)
{
    Object *obj = object_new(TYPE_DOG);

    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_DOG);
    g_assert_true(type_exists(TYPE_DOG));
    g_assert_false(type_exists("test-no-such-type"));
    g_assert_cmpint(ANIMAL(obj)->legs, ==, 4);
    /* instance_init ran for the parent before the child. */
    g_assert_cmpint(DOG(obj)->tricks, ==, 4);
    object_unref(obj);
}

static void test_cast_up_and_down(void)
{
    Object *obj = object_new(TYPE_PUPPY);

    g_assert_true(object_dynamic_cast(obj, TYPE_OBJECT) == obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_ANIMAL) == obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_DOG) == obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_PUPPY) == obj);
    g_assert_true((Object *)DOG(obj) == obj);
    object_unref(obj);
}

static void test_cast_failed(void)
{
    Object *obj = object_new(TYPE_CAT);

    g_assert_null(object_dynamic_cast(obj, TYPE_DOG));
    g_assert_null(object_dynamic_cast(obj, "test-no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_DOG));
    g_assert_null(object_class_dynamic_cast(object_get_class(obj),
                                            TYPE_PUPPY));
    object_unref(obj);
}

static void test_cast_assert_aborts(void)
{
    if (g_test_subprocess()) {
        Object *obj = object_new(TYPE_CAT);

        DOG(obj);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*is not an instance of type 'test-dog'*");
}

static void test_method_override(void)
{
    Object *dog = object_new(TYPE_DOG);
    Object *cat = object_new(TYPE_CAT);

    /* The override chains up to the parent's implementation. */
    g_assert_cmpstr(ANIMAL_GET_CLASS(dog)->speak(ANIMAL(dog)), ==,
                    "woof ...");
    /* A class that does not override inherits the parent's. */
    g_assert_cmpstr(ANIMAL_GET_CLASS(cat)->speak(ANIMAL(cat)), ==, "...");
    object_unref(dog);
    object_unref(cat);
}

static void test_abstract(void)
{
    ObjectClass *animal = object_class_by_name(TYPE_ANIMAL);
    GSList *list, *all;

    g_assert_true(object_class_is_abstract(animal));
    g_assert_false(object_class_is_abstract(object_class_by_name(TYPE_DOG)));

    list = object_class_get_list(TYPE_ANIMAL, false);
    g_assert_null(g_slist_find(list, animal));
    g_assert_nonnull(g_slist_find(list, object_class_by_name(TYPE_DOG)));
    g_assert_cmpint(g_slist_length(list), ==, 3);
    all = object_class_get_list(TYPE_ANIMAL, true);
    g_assert_nonnull(g_slist_find(all, animal));
    g_slist_free(list);
    g_slist_free(all);
}

static void test_abstract_new_aborts(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract type 'test-animal'*");
}

static void test_class_init_order(void)
{
    /* Run in a child so the classes are created fresh. */
    if (g_test_subprocess()) {
        trace_reset();
        object_class_by_name(TYPE_PUPPY);
        printf("%s\n", trace->str);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("class:animal class:dog class:puppy\n");
}

static void test_class_base_init(void)
{
    /* animal's base_init runs once for each subclass, not for itself. */
    AnimalClass *ac = ANIMAL_CLASS(object_class_by_name(TYPE_ANIMAL));
    AnimalClass *dc = ANIMAL_CLASS(object_class_by_name(TYPE_DOG));
    AnimalClass *pc = ANIMAL_CLASS(object_class_by_name(TYPE_PUPPY));

    g_assert_cmpint(ac->base_init_calls, ==, 0);
    /* Copied from the parent's class, then incremented once more. */
    g_assert_cmpint(dc->base_init_calls, ==, 1);
    g_assert_cmpint(pc->base_init_calls, ==, 2);
}

static void test_instance_init_order(void)
{
    Object *obj;

    object_class_by_name(TYPE_PUPPY);
    trace_reset();
    obj = object_new(TYPE_PUPPY);
    g_assert_cmpstr(trace->str, ==, "init:animal init:dog post:animal");
    object_unref(obj);
}

static void test_finalize_order(void)
{
    Object *obj = object_new(TYPE_PUPPY);

    trace_reset();
    object_unref(obj);
    g_assert_cmpstr(trace->str, ==, "fin:puppy fin:dog fin:animal");
}

static void test_refcount(void)
{
    Object *obj = object_new(TYPE_DOG);

    g_assert_cmpint(obj->ref, ==, 1);
    g_assert_true(object_ref(obj) == obj);
    g_assert_cmpint(obj->ref, ==, 2);
    trace_reset();
    object_unref(obj);
    /* Still referenced: nothing finalized. */
    g_assert_cmpstr(trace->str, ==, "");
    g_assert_cmpint(obj->ref, ==, 1);
    object_unref(obj);
    g_assert_cmpstr(trace->str, ==, "fin:dog fin:animal");
    /* NULL is accepted by both. */
    g_assert_null(object_ref(NULL));
    object_unref(NULL);
}

static void test_embedded(void)
{
    struct {
        int before;
        Dog dog;
        int after;
    } s = { .before = 1, .after = 2 };

    object_initialize(&s.dog, sizeof(s.dog), TYPE_DOG);
    g_assert_cmpint(s.dog.tricks, ==, 4);
    trace_reset();
    /* Finalized but not freed: it is not heap memory (ASan would say). */
    object_unref(&s.dog);
    g_assert_cmpstr(trace->str, ==, "fin:dog fin:animal");
    g_assert_cmpint(s.before, ==, 1);
    g_assert_cmpint(s.after, ==, 2);
}

static void test_interface_cast(void)
{
    Object *dog = object_new(TYPE_DOG);
    Object *cat = object_new(TYPE_CAT);
    Object *puppy = object_new(TYPE_PUPPY);

    g_assert_true(object_dynamic_cast(dog, TYPE_PETTABLE) == dog);
    g_assert_true(object_dynamic_cast(dog, TYPE_INTERFACE) == dog);
    /* Each class has its own method table for the interface. */
    g_assert_cmpstr(PETTABLE_GET_CLASS(dog)->pet(dog), ==, "wag");
    /* cat did not fill it in: the interface's default. */
    g_assert_cmpstr(PETTABLE_GET_CLASS(cat)->pet(cat), ==, "purr");
    /* puppy inherits the interface from dog and overrides the method. */
    g_assert_true(object_dynamic_cast(puppy, TYPE_PETTABLE) == puppy);
    g_assert_cmpstr(PETTABLE_GET_CLASS(puppy)->pet(puppy), ==, "lick");
    g_assert_cmpstr(PETTABLE_GET_CLASS(dog)->pet(dog), ==, "wag");
    object_unref(dog);
    object_unref(cat);
    object_unref(puppy);
}

static void test_interface_class(void)
{
    ObjectClass *dogc = object_class_by_name(TYPE_DOG);
    ObjectClass *ic = object_class_dynamic_cast(dogc, TYPE_PETTABLE);
    InterfaceClass *iface = (InterfaceClass *)ic;

    g_assert_nonnull(ic);
    g_assert_true(ic != dogc);
    g_assert_true(iface->concrete_class == dogc);
    g_assert_cmpstr(object_class_get_name(ic), ==, TYPE_PETTABLE);
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_PETTABLE)));
}

static void test_interface_not_implemented(void)
{
    Object *obj = object_new(TYPE_CONTAINER);

    g_assert_null(object_dynamic_cast(obj, TYPE_PETTABLE));
    object_unref(obj);
}

static void test_class_lookup(void)
{
    ObjectClass *puppy = object_class_by_name(TYPE_PUPPY);

    g_assert_null(object_class_by_name("test-no-such-type"));
    g_assert_cmpstr(object_class_get_name(puppy), ==, TYPE_PUPPY);
    g_assert_cmpstr(object_class_get_name(object_class_get_parent(puppy)),
                    ==, TYPE_DOG);
    g_assert_null(object_class_get_parent(object_class_by_name(TYPE_OBJECT)));
}

static void count_class(ObjectClass *k, void *opaque)
{
    (*(int *)opaque)++;
}

static void test_class_foreach(void)
{
    int n = 0;
    GSList *sorted = object_class_get_list_sorted(TYPE_PETTABLE, false);

    object_class_foreach(count_class, TYPE_PETTABLE, false, &n);
    /* dog, puppy (inherited), cat. */
    g_assert_cmpint(n, ==, 3);
    g_assert_cmpint(g_slist_length(sorted), ==, 3);
    g_assert_cmpstr(object_class_get_name(sorted->data), ==, TYPE_CAT);
    g_assert_cmpstr(object_class_get_name(sorted->next->data), ==,
                    TYPE_DOG);
    g_slist_free(sorted);
}

static void test_new_with_class(void)
{
    Object *obj = object_new_with_class(object_class_by_name(TYPE_CAT));

    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_CAT);
    g_assert_true(object_get_class(obj) == object_class_by_name(TYPE_CAT));
    object_unref(obj);
}

static void test_type_property(void)
{
    Object *obj = object_new(TYPE_PUPPY);
    g_autofree char *type = object_property_get_str(obj, "type",
                                                    &error_abort);

    g_assert_cmpstr(type, ==, TYPE_PUPPY);
    object_unref(obj);
}

static void test_autoptr(void)
{
    {
        g_autoptr(Object) obj = object_new(TYPE_DOG);

        g_assert_nonnull(obj);
        trace_reset();
    }
    g_assert_cmpstr(trace->str, ==, "fin:dog fin:animal");
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/type/register-and-create", test_register_and_create);
    g_test_add_func("/qom/class/init-order", test_class_init_order);
    g_test_add_func("/qom/class/base-init", test_class_base_init);
    g_test_add_func("/qom/cast/up-and-down", test_cast_up_and_down);
    g_test_add_func("/qom/cast/failed-returns-null", test_cast_failed);
    g_test_add_func("/qom/cast/assert-aborts", test_cast_assert_aborts);
    g_test_add_func("/qom/class/method-override", test_method_override);
    g_test_add_func("/qom/class/abstract", test_abstract);
    g_test_add_func("/qom/class/abstract-new-aborts",
                    test_abstract_new_aborts);
    g_test_add_func("/qom/class/lookup", test_class_lookup);
    g_test_add_func("/qom/class/foreach", test_class_foreach);
    g_test_add_func("/qom/instance/init-order", test_instance_init_order);
    g_test_add_func("/qom/instance/finalize-order", test_finalize_order);
    g_test_add_func("/qom/instance/refcount", test_refcount);
    g_test_add_func("/qom/instance/embedded", test_embedded);
    g_test_add_func("/qom/instance/new-with-class", test_new_with_class);
    g_test_add_func("/qom/instance/type-property", test_type_property);
    g_test_add_func("/qom/instance/autoptr", test_autoptr);
    g_test_add_func("/qom/interface/cast", test_interface_cast);
    g_test_add_func("/qom/interface/class", test_interface_class);
    g_test_add_func("/qom/interface/not-implemented",
                    test_interface_not_implemented);
    ret = g_test_run();
    g_string_free(trace, true);
    return ret;
}
