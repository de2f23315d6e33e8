/*
 * Small string helpers: bounded copies, prefix tests, and number parsing
 * with QEMU's conventions.
 *
 * The qemu_strto*() family wraps the C library's strto*() so that callers
 * get one consistent contract instead of errno juggling:
 *
 *  - the return value is 0 on success, -EINVAL when there is no number
 *    (or, with a NULL @endptr, when anything follows it) and -ERANGE when
 *    the number does not fit the result type;
 *  - *result is always written: the value on success, the value read so far
 *    when only trailing characters are wrong, 0 when there is no number, and
 *    the saturated limit on -ERANGE;
 *  - if @endptr is not NULL it receives the first unparsed character and
 *    trailing text is the caller's business.  With a NULL @endptr the whole
 *    string must be the number.
 *
 * Leading white space and a sign are accepted as strtol() would.  Unsigned
 * parsers accept a minus sign and wrap around like strtoul() (so "-1" is the
 * maximum value), but a negative number whose magnitude does not fit is
 * -ERANGE.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

#include "qapi/error.h"

/*
 * Copy @str into @buf of @buf_size bytes, truncating if needed.  The result
 * is always NUL-terminated when @buf_size > 0.
 */
void pstrcpy(char *buf, int buf_size, const char *str);
/* Append @s to the string in @buf, truncating to @buf_size. */
char *pstrcat(char *buf, int buf_size, const char *s);

/*
 * Return 1 if @str starts with @val (case-sensitive for strstart,
 * insensitive for stristart) and, if @ptr is not NULL, point *ptr just past
 * the prefix.  Return 0 otherwise and leave *ptr alone.
 */
int strstart(const char *str, const char *val, const char **ptr);
int stristart(const char *str, const char *val, const char **ptr);

/* Like strchr() but returns a pointer to the terminating NUL on a miss. */
const char *qemu_strchrnul(const char *s, int c);

int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result);
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);
int qemu_strtol(const char *nptr, const char **endptr, int base,
                long *result);
int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result);
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);
/* Same contract for floating point; -ERANGE on overflow or underflow. */
int qemu_strtod(const char *nptr, const char **endptr, double *result);

/*
 * Parse an unsigned number.  Unlike qemu_strtou64(), a minus sign is never
 * accepted: "-1" gives -ERANGE and *value = 0.  On any error *value is 0.
 * parse_uint_full() is parse_uint() with a NULL @endptr.
 */
int parse_uint(const char *s, const char **endptr, int base, uint64_t *value);
int parse_uint_full(const char *s, int base, uint64_t *value);

/*
 * Parse a size such as "4096", "64K", "1.5M", "2g" or "0x1000".
 *
 * Suffixes (case-insensitive) are powers of 1024: B, K, M, G, T, P, E.
 * Without a suffix qemu_strtosz() counts bytes and qemu_strtosz_MiB()
 * mebibytes (what -m expects); qemu_strtosz_metric() uses powers of 1000.
 * A decimal fraction is allowed when the unit is larger than a byte
 * ("1.5M"); the result is rounded down to whole bytes.  Hexadecimal needs
 * the "0x" prefix and cannot have a fraction.  Negative sizes are -EINVAL,
 * sizes of 2^64 or more -ERANGE.  *result is 0 on any error.
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);
int qemu_strtosz_metric(const char *nptr, const char **end, uint64_t *result);

/* "1.5 KiB", "64 MiB", "0 B": three significant digits.  g_free() it. */
char *size_to_str(uint64_t val);
/* "100 MHz", "32.8 KHz", "7 Hz".  g_free() it. */
char *freq_to_str(uint64_t freq_hz);

/*
 * Interpret @value as a boolean the way command-line options do: "on",
 * "yes", "true", "y" and "off", "no", "false", "n".  On anything else set
 * "Parameter '@name' expects 'on' or 'off'" and return false.
 */
bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp);

/*
 * True if @id may name a user-created object: a letter followed by
 * letters, digits, '-', '.' and '_'.
 */
bool id_wellformed(const char *id);

/* Printable stand-in for a string that may be NULL. */
#define STR_OR_NULL(str) ((str) ? (str) : "null")

#endif /* QEMU_CUTILS_H */
