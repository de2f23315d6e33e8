/*
 * keyval: the "key=value,key=value" syntax of -device, -object, -blockdev,
 * parsed into a JSON object so that the command line and QMP share one
 * value representation (design.md section 4).
 *
 * Syntax:
 *  - parameters are separated by ','; a ',' inside a value is written ",,";
 *  - a key is one or more fragments joined by '.', each fragment a letter
 *    followed by letters, digits, '-' and '_' (fragments after the first may
 *    also be all digits); "a.b=1,a.c=2" builds {"a": {"b": "1", "c": "2"}};
 *  - every value is a JSON string: conversion to the target type is the
 *    consumer's job (QOM property setters do it);
 *  - a repeated key keeps its last value;
 *  - the first parameter may omit "key=" when an implied key is given:
 *    "ns16550a,chardev=s0" with implied key "driver" gives
 *    {"driver": "ns16550a", "chardev": "s0"};
 *  - a bare "help" or "?" asks for help: *p_help is set to true and the
 *    rest is still parsed.
 */
#ifndef QEMU_KEYVAL_H
#define QEMU_KEYVAL_H

#include <jansson.h>
#include "qapi/error.h"

/*
 * Parse @params.  Returns a new JSON object (json_decref() it), or NULL
 * with @errp set.  @implied_key may be NULL.  @p_help may be NULL: then
 * "help" has no special meaning and is parsed like any other word.
 */
json_t *keyval_parse(const char *params, const char *implied_key,
                     bool *p_help, Error **errp);

#endif /* QEMU_KEYVAL_H */
