/*
 * The composition tree: child and link properties, unparent, finalize
 * order, path resolution, canonical paths and containers.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

#define TYPE_NODE "test-node"
#define TYPE_LEAF "test-leaf"

static GString *trace;

typedef struct Node {
    Object parent_obj;
    char *tag;
    Object *peer;           /* weak link "peer" */
    Object *owner;          /* strong link "owner" */
    Object *checked;        /* link "checked" with a check callback */
    Object *fixed;          /* read-only link */
    int unparent_calls;
} Node;

#define NODE(obj) OBJECT_CHECK(Node, (obj), TYPE_NODE)

typedef struct Leaf {
    Node parent_obj;
} Leaf;

static void trace_add(const char *what, Object *obj)
{
    const char *tag = object_dynamic_cast(obj, TYPE_NODE) ? NODE(obj)->tag
                                                           : NULL;

    g_string_append_printf(trace, "%s%s:%s", trace->len ? " " : "", what,
                           tag ? tag : "?");
}

static void refuse_self(const Object *obj, const char *name, Object *val,
                        Error **errp)
{
    if (val == obj) {
        error_setg(errp, "a node cannot check itself");
    }
}

static void node_init(Object *obj)
{
    Node *n = NODE(obj);

    object_property_add_link(obj, "peer", TYPE_NODE, &n->peer,
                             object_property_allow_set_link, 0);
    object_property_add_link(obj, "owner", TYPE_OBJECT, &n->owner,
                             object_property_allow_set_link,
                             OBJ_PROP_LINK_STRONG);
    object_property_add_link(obj, "checked", TYPE_NODE, &n->checked,
                             refuse_self, 0);
    object_property_add_link(obj, "fixed", TYPE_NODE, &n->fixed, NULL, 0);
}

static void node_finalize(Object *obj)
{
    trace_add("fin", obj);
    g_free(NODE(obj)->tag);
}

static void node_unparent(Object *obj)
{
    NODE(obj)->unparent_calls++;
    trace_add("unparent", obj);
}

static void node_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = node_unparent;
}

static const TypeInfo path_types[] = {
    {
        .name = TYPE_NODE,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Node),
        .instance_init = node_init,
        .instance_finalize = node_finalize,
        .class_init = node_class_init,
    },
    {
        .name = TYPE_LEAF,
        .parent = TYPE_NODE,
        .instance_size = sizeof(Leaf),
    },
};

DEFINE_TYPES(path_types)

static Object *new_node(const char *type, const char *tag)
{
    Object *obj = object_new(type);

    NODE(obj)->tag = g_strdup(tag);
    return obj;
}

/* A node @tag added as child @name of @parent; the parent owns it. */
static Object *add_node(Object *parent, const char *name, const char *type,
                        const char *tag)
{
    Object *obj = new_node(type, tag);

    object_property_add_child(parent, name, obj);
    object_unref(obj);
    return obj;
}

/* Each test builds below /test and removes it when done. */
static Object *test_root(void)
{
    return container_get(object_get_root(), "/test");
}

static void test_root_done(void)
{
    object_unparent(test_root());
    g_string_truncate(trace, 0);
}

/* ---------------------------------------------------------------------- */

static void test_child_holds_reference(void)
{
    Object *parent = add_node(test_root(), "p", TYPE_NODE, "p");
    Object *child = new_node(TYPE_NODE, "c");
    ObjectProperty *prop;

    prop = object_property_add_child(parent, "c", child);
    g_assert_cmpstr(prop->type, ==, "child<test-node>");
    g_assert_true(child->parent == parent);
    g_assert_cmpint(child->ref, ==, 2);
    object_unref(child);
    /* The parent's reference keeps it alive. */
    g_assert_cmpint(child->ref, ==, 1);
    g_assert_cmpstr(trace->str, ==, "");
    g_assert_true(object_property_get_link(parent, "c", &error_abort) ==
                  child);
    test_root_done();
}

static void test_unparent_finalizes(void)
{
    Object *parent = add_node(test_root(), "p", TYPE_NODE, "p");
    Object *child = add_node(parent, "c", TYPE_NODE, "c");

    object_unparent(child);
    /* The unparent hook ran, then the last reference went. */
    g_assert_cmpstr(trace->str, ==, "unparent:c fin:c");
    g_assert_null(object_property_find(parent, "c"));
    /* Unparenting an orphan does nothing. */
    child = new_node(TYPE_NODE, "o");
    object_unparent(child);
    g_assert_cmpint(NODE(child)->unparent_calls, ==, 0);
    object_unref(child);
    test_root_done();
}

static void test_unparent_keeps_extra_ref(void)
{
    Object *parent = add_node(test_root(), "p", TYPE_NODE, "p");
    Object *child = add_node(parent, "c", TYPE_NODE, "c");

    object_ref(child);
    object_unparent(child);
    g_assert_cmpstr(trace->str, ==, "unparent:c");
    g_assert_null(child->parent);
    object_unref(child);
    g_assert_cmpstr(trace->str, ==, "unparent:c fin:c");
    test_root_done();
}

static void test_finalize_releases_children(void)
{
    Object *parent = new_node(TYPE_NODE, "p");

    add_node(parent, "a", TYPE_NODE, "a");
    add_node(parent, "b", TYPE_NODE, "b");
    object_unref(parent);
    /*
     * Children go first, newest first, each told it is unparented; the
     * parent's instance_finalize runs last, with its children gone.
     */
    g_assert_cmpstr(trace->str, ==,
                    "unparent:b fin:b unparent:a fin:a fin:p");
    g_string_truncate(trace, 0);
}

static void test_embedded_child(void)
{
    Object *parent = add_node(test_root(), "p", TYPE_NODE, "p");
    Leaf *leaf = g_new0(Leaf, 1);

    object_initialize_child(parent, "leaf", leaf, TYPE_LEAF);
    NODE(leaf)->tag = g_strdup("leaf");
    g_assert_cmpint(OBJECT(leaf)->ref, ==, 1);
    g_assert_true(OBJECT(leaf)->parent == parent);
    object_unparent(OBJECT(leaf));
    g_assert_cmpstr(trace->str, ==, "unparent:leaf fin:leaf");
    /* Not freed by QOM: the storage is ours. */
    g_free(leaf);
    test_root_done();
}

static void test_embedded_child_with_props(void)
{
    Object *parent = add_node(test_root(), "p", TYPE_NODE, "p");
    Object *other = add_node(parent, "other", TYPE_NODE, "other");
    Leaf leaf;
    Error *err = NULL;

    g_assert_true(object_initialize_child_with_props(
                      parent, "leaf", &leaf, sizeof(leaf), TYPE_LEAF,
                      &error_abort, "peer", "/test/p/other", NULL));
    g_assert_true(NODE(&leaf)->peer == other);
    object_unparent(OBJECT(&leaf));
    /* A bad property: the child is not added. */
    g_assert_false(object_initialize_child_with_props(
                       parent, "leaf", &leaf, sizeof(leaf), TYPE_LEAF,
                       &err, "peer", "/nowhere", NULL));
    g_assert_nonnull(err);
    error_free(err);
    g_assert_null(object_property_find(parent, "leaf"));
    test_root_done();
}

static void test_link_set_by_path(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *b = add_node(test_root(), "b", TYPE_NODE, "b");
    g_autofree char *path = NULL;

    object_property_set_str(a, "peer", "/test/b", &error_abort);
    g_assert_true(NODE(a)->peer == b);
    path = object_property_get_str(a, "peer", &error_abort);
    g_assert_cmpstr(path, ==, "/test/b");
    /* A weak link takes no reference. */
    g_assert_cmpint(b->ref, ==, 1);
    g_assert_true(object_resolve_path_component(a, "peer") == b);
    /* "" clears it. */
    object_property_set_str(a, "peer", "", &error_abort);
    g_assert_null(NODE(a)->peer);
    test_root_done();
}

static void test_link_errors(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Error *err = NULL;

    g_assert_false(object_property_set_str(a, "peer", "/test/nothing",
                                           &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device '/test/nothing' not found");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);
    err = NULL;
    /* Exists, but is not a test-node. */
    g_assert_false(object_property_set_str(a, "peer", "/test", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'peer', expected: "
                    "test-node");
    error_free(err);
    err = NULL;
    g_assert_false(object_property_set_link(a, "peer", test_root(), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'peer', expected: "
                    "test-node");
    error_free(err);
    err = NULL;
    /* Without a check callback the link is read-only. */
    g_assert_false(object_property_set_link(a, "fixed", a, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-node.fixed' is not writable");
    error_free(err);
    test_root_done();
}

static void test_link_check_callback(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *b = add_node(test_root(), "b", TYPE_NODE, "b");
    Error *err = NULL;

    g_assert_true(object_property_set_link(a, "checked", b, &error_abort));
    g_assert_true(NODE(a)->checked == b);
    g_assert_false(object_property_set_link(a, "checked", a, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "a node cannot check itself");
    error_free(err);
    /* A refused change leaves the old target. */
    g_assert_true(NODE(a)->checked == b);
    test_root_done();
}

static void test_strong_link(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *x = new_node(TYPE_NODE, "x");
    Object *y = new_node(TYPE_NODE, "y");

    /* By pointer: the target needs no place in the tree. */
    object_property_set_link(a, "owner", x, &error_abort);
    g_assert_cmpint(x->ref, ==, 2);
    object_unref(x);
    g_assert_cmpstr(trace->str, ==, "");
    /* Re-pointing drops the old target's reference. */
    object_property_set_link(a, "owner", y, &error_abort);
    g_assert_cmpstr(trace->str, ==, "fin:x");
    object_unref(y);
    /* The owner's finalization drops the last one. */
    object_unparent(a);
    g_assert_cmpstr(trace->str, ==, "fin:x unparent:a fin:y fin:a");
    test_root_done();
}

static void test_strong_link_same_target(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *x = new_node(TYPE_NODE, "x");

    object_property_set_link(a, "owner", x, &error_abort);
    object_unref(x);
    /* Setting the same target again must not drop it to zero. */
    object_property_set_link(a, "owner", x, &error_abort);
    g_assert_cmpint(x->ref, ==, 1);
    object_property_set_link(a, "owner", NULL, &error_abort);
    g_assert_cmpstr(trace->str, ==, "fin:x");
    test_root_done();
}

static void test_canonical_path(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *b = add_node(a, "b", TYPE_NODE, "b");
    Object *orphan = new_node(TYPE_NODE, "o");
    g_autofree char *pb = object_get_canonical_path(b);
    g_autofree char *comp = object_get_canonical_path_component(b);
    g_autofree char *proot = object_get_canonical_path(object_get_root());

    g_assert_cmpstr(pb, ==, "/test/a/b");
    g_assert_cmpstr(comp, ==, "b");
    g_assert_cmpstr(proot, ==, "/");
    g_assert_null(object_get_canonical_path(orphan));
    g_assert_null(object_get_canonical_path_component(orphan));
    object_unref(orphan);
    test_root_done();
}

static void test_resolve_absolute(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *b = add_node(a, "b", TYPE_NODE, "b");

    g_assert_true(object_resolve_path("/test/a/b", NULL) == b);
    g_assert_true(object_resolve_path("/", NULL) == object_get_root());
    g_assert_null(object_resolve_path("/test/a/zz", NULL));
    g_assert_null(object_resolve_path("", NULL));
    /* Through a link too. */
    object_property_set_link(b, "peer", a, &error_abort);
    g_assert_true(object_resolve_path("/test/a/b/peer", NULL) == a);
    g_assert_true(object_resolve_path_at(a, "b") == b);
    g_assert_true(object_resolve_path_type("/test/a/b", TYPE_NODE, NULL) ==
                  b);
    g_assert_null(object_resolve_path_type("/test/a/b", TYPE_LEAF, NULL));
    test_root_done();
}

static void test_resolve_partial(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *uniq = add_node(a, "unique-name", TYPE_NODE, "u");
    bool ambiguous = true;

    g_assert_true(object_resolve_path("unique-name", &ambiguous) == uniq);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("a/unique-name", &ambiguous) == uniq);
    g_assert_null(object_resolve_path("no-such-name", &ambiguous));
    g_assert_false(ambiguous);
    test_root_done();
}

static void test_resolve_ambiguous(void)
{
    Object *a = add_node(test_root(), "a", TYPE_NODE, "a");
    Object *b = add_node(test_root(), "b", TYPE_NODE, "b");
    Object *leaf;
    bool ambiguous = false;

    add_node(a, "twin", TYPE_NODE, "t1");
    leaf = add_node(b, "twin", TYPE_LEAF, "t2");
    g_assert_null(object_resolve_path("twin", &ambiguous));
    g_assert_true(ambiguous);
    /* A longer suffix tells them apart. */
    ambiguous = false;
    g_assert_true(object_resolve_path("b/twin", &ambiguous) == leaf);
    g_assert_false(ambiguous);
    /* So does the type: only one twin is a leaf. */
    g_assert_true(object_resolve_path_type("twin", TYPE_LEAF, &ambiguous) ==
                  leaf);
    g_assert_false(ambiguous);
    test_root_done();
}

static void test_containers(void)
{
    Object *c = container_get(object_get_root(), "/test/x/y");
    g_autofree char *path = object_get_canonical_path(c);
    g_autofree char *objects = NULL;

    g_assert_cmpstr(path, ==, "/test/x/y");
    g_assert_cmpstr(object_get_typename(c), ==, TYPE_CONTAINER);
    /* Asking again finds the same one. */
    g_assert_true(container_get(object_get_root(), "test/x/y") == c);
    objects = object_get_canonical_path(object_get_objects_root());
    g_assert_cmpstr(objects, ==, "/objects");
    g_assert_true(object_get_container("objects") ==
                  object_get_objects_root());
    test_root_done();
}

static int collect_tags(Object *child, void *opaque)
{
    if (object_dynamic_cast(child, TYPE_NODE)) {
        g_string_append_printf(opaque, "%s,", NODE(child)->tag);
    }
    return 0;
}

static int unparent_all(Object *child, void *opaque)
{
    object_unparent(child);
    return 0;
}

static int stop_at_b(Object *child, void *opaque)
{
    return !strcmp(NODE(child)->tag, "b") ? 42 : 0;
}

static void test_child_foreach(void)
{
    Object *p = add_node(test_root(), "p", TYPE_NODE, "p");
    Object *a = add_node(p, "a", TYPE_NODE, "a");
    g_autoptr(GString) tags = g_string_new("");

    add_node(a, "a1", TYPE_NODE, "a1");
    add_node(p, "b", TYPE_NODE, "b");
    add_node(p, "c", TYPE_NODE, "c");
    object_child_foreach(p, collect_tags, tags);
    g_assert_cmpstr(tags->str, ==, "a,b,c,");
    g_string_truncate(tags, 0);
    object_child_foreach_recursive(p, collect_tags, tags);
    g_assert_cmpstr(tags->str, ==, "a,a1,b,c,");
    g_assert_cmpint(object_child_foreach(p, stop_at_b, NULL), ==, 42);
    /* The callback may unparent the children it is given. */
    object_child_foreach(p, unparent_all, NULL);
    g_assert_null(object_property_find(p, "a"));
    g_assert_null(object_property_find(p, "c"));
    test_root_done();
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/child/holds-reference", test_child_holds_reference);
    g_test_add_func("/qom/child/unparent-finalizes", test_unparent_finalizes);
    g_test_add_func("/qom/child/unparent-keeps-extra-ref",
                    test_unparent_keeps_extra_ref);
    g_test_add_func("/qom/child/finalize-releases-children",
                    test_finalize_releases_children);
    g_test_add_func("/qom/child/embedded", test_embedded_child);
    g_test_add_func("/qom/child/embedded-with-props",
                    test_embedded_child_with_props);
    g_test_add_func("/qom/child/foreach", test_child_foreach);
    g_test_add_func("/qom/link/set-by-path", test_link_set_by_path);
    g_test_add_func("/qom/link/errors", test_link_errors);
    g_test_add_func("/qom/link/check-callback", test_link_check_callback);
    g_test_add_func("/qom/link/strong", test_strong_link);
    g_test_add_func("/qom/link/strong-same-target",
                    test_strong_link_same_target);
    g_test_add_func("/qom/path/canonical", test_canonical_path);
    g_test_add_func("/qom/path/resolve-absolute", test_resolve_absolute);
    g_test_add_func("/qom/path/resolve-partial", test_resolve_partial);
    g_test_add_func("/qom/path/resolve-ambiguous", test_resolve_ambiguous);
    g_test_add_func("/qom/path/containers", test_containers);
    ret = g_test_run();
    g_string_free(trace, true);
    return ret;
}
