/*
 * Enumeration lookup tables shared by properties and option parsing.
 *
 * An enum property maps between an integer value and a name.  The table
 * is a plain array of names indexed by value, with its size, so the same
 * table serves parsing ("on-error=stop" -> 1) and printing (1 -> "stop").
 * The implementation lives in qom/qom-enum.c.
 */
#ifndef QAPI_UTIL_H
#define QAPI_UTIL_H

typedef struct Error Error;

typedef struct QEnumLookup {
    const char *const *array;
    int size;
} QEnumLookup;

/* The name of @val, or NULL when @val is outside the table. */
const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);

/*
 * The value whose name is @buf.  A NULL @buf yields @def without error;
 * an unknown name sets @errp and returns -1.
 */
int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp);

#endif /* QAPI_UTIL_H */
