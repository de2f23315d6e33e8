/*
 * Internal helpers shared by the files of qom/.
 */
#ifndef QOM_INTERNAL_H
#define QOM_INTERNAL_H

#include "qom/object.h"

/* "child<...>" and "link<...>" properties. */
bool object_property_is_child(const ObjectProperty *prop);
bool object_property_is_link(const ObjectProperty *prop);

#endif /* QOM_INTERNAL_H */
