/*
 * Notifier lists: a subsystem announces an event ("machine is done",
 * "device deleted", "VM state changed") to whoever registered interest,
 * without knowing who they are.
 *
 * A Notifier is normally embedded in the listener's own state; the
 * callback gets the Notifier back and uses container_of() to find it.
 * Notifiers run in reverse registration order (newest first), so a
 * listener added later can rely on it seeing the event before the
 * listeners it was built on top of.
 *
 * A callback may remove its own notifier (and free it).  Removing a
 * *different* notifier of the same list while the list is being walked
 * is not allowed.
 */
#ifndef QEMU_NOTIFY_H
#define QEMU_NOTIFY_H

#include "qapi/error.h"

typedef struct Notifier Notifier;
typedef struct NotifierList NotifierList;

struct Notifier {
    void (*notify)(Notifier *notifier, void *data);
    /* Private to notify.c: the list this notifier is on, if any. */
    NotifierList *owner;
};

struct NotifierList {
    GList *notifiers;           /* of Notifier *, newest first */
};

#define NOTIFIER_LIST_INITIALIZER(head) { NULL }

void notifier_list_init(NotifierList *list);
void notifier_list_add(NotifierList *list, Notifier *notifier);
/* Remove @notifier from whatever list it is on; harmless if on none. */
void notifier_remove(Notifier *notifier);
void notifier_list_remove(NotifierList *list, Notifier *notifier);
/* Call every notifier on @list with @data. */
void notifier_list_notify(NotifierList *list, void *data);
bool notifier_list_empty(NotifierList *list);

/*
 * The same with a veto: each callback returns 0 or a negative errno, and
 * the first non-zero return stops the walk and is returned.
 */
typedef struct NotifierWithReturn NotifierWithReturn;
typedef struct NotifierWithReturnList NotifierWithReturnList;

struct NotifierWithReturn {
    int (*notify)(NotifierWithReturn *notifier, void *data, Error **errp);
    NotifierWithReturnList *owner;
};

struct NotifierWithReturnList {
    GList *notifiers;
};

void notifier_with_return_list_init(NotifierWithReturnList *list);
void notifier_with_return_list_add(NotifierWithReturnList *list,
                                   NotifierWithReturn *notifier);
void notifier_with_return_remove(NotifierWithReturn *notifier);
int notifier_with_return_list_notify(NotifierWithReturnList *list,
                                     void *data, Error **errp);

#endif /* QEMU_NOTIFY_H */
