/*
 * Stub: the -name value for programs without system/vl.c (unit tests
 * that link the monitor).  No name was given.
 */
#include "qemu/osdep.h"
#include "system/system.h"

const char *qemu_name;
