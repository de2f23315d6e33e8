/*
 * Notifier lists; see include/qemu/notify.h.
 */
#include "qemu/osdep.h"
#include "qemu/notify.h"

void notifier_list_init(NotifierList *list)
{
    list->notifiers = NULL;
}

void notifier_list_add(NotifierList *list, Notifier *notifier)
{
    g_assert(!notifier->owner);
    notifier->owner = list;
    list->notifiers = g_list_prepend(list->notifiers, notifier);
}

void notifier_remove(Notifier *notifier)
{
    NotifierList *list = notifier->owner;

    if (list) {
        list->notifiers = g_list_remove(list->notifiers, notifier);
        notifier->owner = NULL;
    }
}

void notifier_list_remove(NotifierList *list, Notifier *notifier)
{
    g_assert(notifier->owner == list);
    notifier_remove(notifier);
}

void notifier_list_notify(NotifierList *list, void *data)
{
    GList *l = list->notifiers;

    while (l) {
        /* Step first: the callback may unlink (and free) its own node. */
        Notifier *n = l->data;

        l = l->next;
        n->notify(n, data);
    }
}

bool notifier_list_empty(NotifierList *list)
{
    return list->notifiers == NULL;
}

void notifier_with_return_list_init(NotifierWithReturnList *list)
{
    list->notifiers = NULL;
}

void notifier_with_return_list_add(NotifierWithReturnList *list,
                                   NotifierWithReturn *notifier)
{
    g_assert(!notifier->owner);
    notifier->owner = list;
    list->notifiers = g_list_prepend(list->notifiers, notifier);
}

void notifier_with_return_remove(NotifierWithReturn *notifier)
{
    NotifierWithReturnList *list = notifier->owner;

    if (list) {
        list->notifiers = g_list_remove(list->notifiers, notifier);
        notifier->owner = NULL;
    }
}

int notifier_with_return_list_notify(NotifierWithReturnList *list,
                                     void *data, Error **errp)
{
    GList *l = list->notifiers;

    while (l) {
        NotifierWithReturn *n = l->data;
        int ret;

        l = l->next;
        ret = n->notify(n, data, errp);
        if (ret != 0) {
            return ret;
        }
    }
    return 0;
}
