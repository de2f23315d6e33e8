/*
 * Tests for notifier lists (util/notify.c).
 */
#include "qemu/osdep.h"
#include "qemu/notify.h"

typedef struct Listener {
    Notifier notifier;
    GString *log;
    char name;
    bool remove_self;
} Listener;

static void listener_cb(Notifier *n, void *data)
{
    Listener *l = container_of(n, Listener, notifier);

    g_string_append_c(l->log, l->name);
    g_string_append(l->log, data);
    if (l->remove_self) {
        notifier_remove(n);
    }
}

static void listener_init(Listener *l, GString *log, char name)
{
    memset(l, 0, sizeof(*l));
    l->notifier.notify = listener_cb;
    l->log = log;
    l->name = name;
}

static void test_notify_newest_first(void)
{
    g_autoptr(GString) log = g_string_new(NULL);
    NotifierList list;
    Listener a, b, c;

    notifier_list_init(&list);
    g_assert_true(notifier_list_empty(&list));
    listener_init(&a, log, 'a');
    listener_init(&b, log, 'b');
    listener_init(&c, log, 'c');
    notifier_list_add(&list, &a.notifier);
    notifier_list_add(&list, &b.notifier);
    notifier_list_add(&list, &c.notifier);
    notifier_list_notify(&list, "!");
    g_assert_cmpstr(log->str, ==, "c!b!a!");
    notifier_remove(&a.notifier);
    notifier_remove(&b.notifier);
    notifier_remove(&c.notifier);
    g_assert_true(notifier_list_empty(&list));
}

static void test_notify_removed_not_called(void)
{
    g_autoptr(GString) log = g_string_new(NULL);
    NotifierList list;
    Listener a, b;

    notifier_list_init(&list);
    listener_init(&a, log, 'a');
    listener_init(&b, log, 'b');
    notifier_list_add(&list, &a.notifier);
    notifier_list_add(&list, &b.notifier);
    notifier_list_remove(&list, &b.notifier);
    notifier_remove(&b.notifier);       /* twice is harmless */
    notifier_list_notify(&list, ".");
    g_assert_cmpstr(log->str, ==, "a.");
    notifier_remove(&a.notifier);
}

static void test_notify_remove_self(void)
{
    g_autoptr(GString) log = g_string_new(NULL);
    NotifierList list;
    Listener a, b;

    notifier_list_init(&list);
    listener_init(&a, log, 'a');
    listener_init(&b, log, 'b');
    b.remove_self = true;
    notifier_list_add(&list, &a.notifier);
    notifier_list_add(&list, &b.notifier);
    notifier_list_notify(&list, "1");
    /* b removed itself and the walk still reached a. */
    g_assert_cmpstr(log->str, ==, "b1a1");
    notifier_list_notify(&list, "2");
    g_assert_cmpstr(log->str, ==, "b1a1a2");
    notifier_remove(&a.notifier);
}

typedef struct Vetoer {
    NotifierWithReturn notifier;
    int ret;
    int *calls;
} Vetoer;

static int vetoer_cb(NotifierWithReturn *n, void *data, Error **errp)
{
    Vetoer *v = container_of(n, Vetoer, notifier);

    (*v->calls)++;
    if (v->ret) {
        error_setg(errp, "vetoed");
    }
    return v->ret;
}

static void test_with_return_stops_at_error(void)
{
    NotifierWithReturnList list;
    int calls = 0;
    Vetoer ok = { .notifier.notify = vetoer_cb, .calls = &calls };
    Vetoer veto = { .notifier.notify = vetoer_cb, .ret = -EBUSY,
                    .calls = &calls };
    Error *err = NULL;

    notifier_with_return_list_init(&list);
    notifier_with_return_list_add(&list, &ok.notifier);
    notifier_with_return_list_add(&list, &veto.notifier);
    /* veto is newest, so it runs first and stops the walk. */
    g_assert_cmpint(notifier_with_return_list_notify(&list, NULL, &err),
                    ==, -EBUSY);
    g_assert_cmpint(calls, ==, 1);
    g_assert_cmpstr(error_get_pretty(err), ==, "vetoed");
    error_free(err);
    notifier_with_return_remove(&veto.notifier);
    g_assert_cmpint(notifier_with_return_list_notify(&list, NULL,
                                                     &error_abort), ==, 0);
    g_assert_cmpint(calls, ==, 2);
    notifier_with_return_remove(&ok.notifier);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/notify/list/newest-first", test_notify_newest_first);
    g_test_add_func("/notify/list/removed", test_notify_removed_not_called);
    g_test_add_func("/notify/list/remove-self", test_notify_remove_self);
    g_test_add_func("/notify/with-return/veto",
                    test_with_return_stops_at_error);

    return g_test_run();
}
