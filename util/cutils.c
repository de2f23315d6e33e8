/*
 * Small string helpers and number parsing; see include/qemu/cutils.h for
 * the contract every parser here follows.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

#include <math.h>

void pstrcpy(char *buf, int buf_size, const char *str)
{
    int n;

    if (buf_size <= 0) {
        return;
    }
    n = strnlen(str, buf_size - 1);
    memcpy(buf, str, n);
    buf[n] = '\0';
}

char *pstrcat(char *buf, int buf_size, const char *s)
{
    int len = strnlen(buf, buf_size);

    if (len < buf_size) {
        pstrcpy(buf + len, buf_size - len, s);
    }
    return buf;
}

int strstart(const char *str, const char *val, const char **ptr)
{
    size_t n = strlen(val);

    if (strncmp(str, val, n) != 0) {
        return 0;
    }
    if (ptr) {
        *ptr = str + n;
    }
    return 1;
}

int stristart(const char *str, const char *val, const char **ptr)
{
    size_t n = strlen(val);

    if (g_ascii_strncasecmp(str, val, n) != 0) {
        return 0;
    }
    if (ptr) {
        *ptr = str + n;
    }
    return 1;
}

const char *qemu_strchrnul(const char *s, int c)
{
    return strchrnul(s, c);
}

/*
 * Common ending for the integer parsers.  @ep is where the C library
 * stopped and @libc_errno what it left in errno.  Decides the return code
 * and fills *endptr.  *result has already been set by the caller and is
 * only zeroed here when nothing was parsed.
 */
static int strtox_finish(const char *nptr, const char *ep,
                         const char **endptr, int libc_errno)
{
    if (ep == nptr) {
        /* No digits at all: report where we started, like strtol(). */
        if (endptr) {
            *endptr = nptr;
        }
        return -EINVAL;
    }
    if (endptr) {
        *endptr = ep;
    }
    if (libc_errno == ERANGE) {
        return -ERANGE;
    }
    if (!endptr && *ep) {
        return -EINVAL;
    }
    return 0;
}

/* True if the number in @nptr starts with a minus sign. */
static bool strtox_is_negative(const char *nptr)
{
    while (g_ascii_isspace(*nptr)) {
        nptr++;
    }
    return *nptr == '-';
}

int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result)
{
    char *ep;
    long long v;
    int err;

    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    err = errno;
    if (v > INT_MAX) {
        v = INT_MAX;
        err = ERANGE;
    } else if (v < INT_MIN) {
        v = INT_MIN;
        err = ERANGE;
    }
    *result = ep == nptr ? 0 : (int)v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    char *ep;
    unsigned long long v;
    int err;

    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(nptr, &ep, base);
    err = errno;
    if (err == ERANGE) {
        v = UINT_MAX;
    } else if (strtox_is_negative(nptr)) {
        /*
         * strtoull() negated the magnitude for us; "-1" wraps to the
         * maximum like strtoul() does, but the magnitude itself must still
         * fit in an unsigned int.
         */
        if (-v > UINT_MAX) {
            v = UINT_MAX;
            err = ERANGE;
        }
    } else if (v > UINT_MAX) {
        v = UINT_MAX;
        err = ERANGE;
    }
    *result = ep == nptr ? 0 : (unsigned int)v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtol(const char *nptr, const char **endptr, int base,
                long *result)
{
    char *ep;
    long v;
    int err;

    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtol(nptr, &ep, base);
    err = errno;
    *result = ep == nptr ? 0 : v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result)
{
    char *ep;
    unsigned long v;
    int err;

    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoul(nptr, &ep, base);
    err = errno;
    *result = ep == nptr ? 0 : v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    char *ep;
    long long v;
    int err;

    QEMU_BUILD_BUG_ON(sizeof(long long) != sizeof(int64_t));
    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    err = errno;
    *result = ep == nptr ? 0 : v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    char *ep;
    unsigned long long v;
    int err;

    QEMU_BUILD_BUG_ON(sizeof(unsigned long long) != sizeof(uint64_t));
    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(nptr, &ep, base);
    err = errno;
    *result = ep == nptr ? 0 : v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtod(const char *nptr, const char **endptr, double *result)
{
    char *ep;
    double v;
    int err;

    if (!nptr) {
        *result = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtod(nptr, &ep);
    err = errno;
    *result = ep == nptr ? 0 : v;
    return strtox_finish(nptr, ep, endptr, err);
}

int parse_uint(const char *s, const char **endptr, int base, uint64_t *value)
{
    char *ep;
    unsigned long long v;
    int r = 0;

    if (!s) {
        *value = 0;
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(s, &ep, base);
    if (ep == s) {
        r = -EINVAL;
        v = 0;
    } else if (strtox_is_negative(s)) {
        /* strtoull() would wrap "-1"; a count can never be negative. */
        r = -ERANGE;
        v = 0;
    } else if (errno == ERANGE) {
        r = -ERANGE;
        v = UINT64_MAX;
    } else if (!endptr && *ep) {
        r = -EINVAL;
        v = 0;
    }
    *value = v;
    if (endptr) {
        *endptr = ep;
    }
    return r;
}

int parse_uint_full(const char *s, int base, uint64_t *value)
{
    return parse_uint(s, NULL, base, value);
}

/* Multiplier for a size suffix letter, or 0 if @c is not one. */
static uint64_t strtosz_suffix_mult(char c, uint64_t unit)
{
    int power;

    switch (g_ascii_toupper(c)) {
    case 'B':
        power = 0;
        break;
    case 'K':
        power = 1;
        break;
    case 'M':
        power = 2;
        break;
    case 'G':
        power = 3;
        break;
    case 'T':
        power = 4;
        break;
    case 'P':
        power = 5;
        break;
    case 'E':
        power = 6;
        break;
    default:
        return 0;
    }

    uint64_t mult = 1;
    while (power-- > 0) {
        mult *= unit;
    }
    return mult;
}

static int do_strtosz(const char *nptr, const char **end, char default_suffix,
                      uint64_t unit, uint64_t *result)
{
    const char *p = nptr;
    char *ep;
    unsigned long long whole;
    double frac = 0;
    bool has_frac = false;
    uint64_t mult;
    uint64_t total;
    int ret;

    *result = 0;
    if (!nptr) {
        ret = -EINVAL;
        goto fail;
    }
    while (g_ascii_isspace(*p)) {
        p++;
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        /*
         * Hex has no fraction and its digits swallow 'B' and 'E', so
         * those two suffixes cannot follow a hex number.
         */
        if (!g_ascii_isxdigit(p[2])) {
            ret = -EINVAL;
            goto fail;
        }
        errno = 0;
        whole = strtoull(p, &ep, 16);
        if (errno == ERANGE) {
            ret = -ERANGE;
            goto fail;
        }
        if (*ep == '.') {
            ret = -EINVAL;
            goto fail;
        }
    } else {
        /* Digits first: this rejects signs, including "-0". */
        if (!g_ascii_isdigit(*p)) {
            ret = -EINVAL;
            goto fail;
        }
        errno = 0;
        whole = strtoull(p, &ep, 10);
        if (errno == ERANGE) {
            ret = -ERANGE;
            goto fail;
        }
        if (*ep == '.') {
            /*
             * Read the fraction digit by digit: strtod() would take an
             * 'e' as an exponent, but here it means exabytes.
             */
            double scale = 0.1;

            has_frac = true;
            ep++;
            while (g_ascii_isdigit(*ep)) {
                frac += (*ep - '0') * scale;
                scale /= 10;
                ep++;
            }
        }
    }

    mult = strtosz_suffix_mult(*ep, unit);
    if (mult) {
        ep++;
    } else {
        mult = strtosz_suffix_mult(default_suffix, unit);
    }
    if (has_frac && frac > 0 && mult == 1) {
        /* Half a byte is not a size. */
        ret = -EINVAL;
        goto fail;
    }
    if (whole > UINT64_MAX / mult) {
        ret = -ERANGE;
        goto fail;
    }
    total = whole * mult;
    if (frac > 0) {
        uint64_t extra = (uint64_t)floor(frac * (double)mult);

        if (total + extra < total) {
            ret = -ERANGE;
            goto fail;
        }
        total += extra;
    }
    if (!end && *ep) {
        ret = -EINVAL;
        goto fail;
    }
    if (end) {
        *end = ep;
    }
    *result = total;
    return 0;

fail:
    if (end) {
        *end = nptr;
    }
    return ret;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1024, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'M', 1024, result);
}

int qemu_strtosz_metric(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1000, result);
}

/*
 * Scale @val down by @step until it is below 1000 (not @step), so that
 * "%.3g" never needs an exponent: 1000 bytes prints as "0.977 KiB".
 */
static char *scaled_to_str(uint64_t val, double step,
                           const char *const *prefixes, int n_prefixes,
                           const char *unit)
{
    double d = (double)val;
    int i = 0;

    while (d >= 1000 && i < n_prefixes - 1) {
        d /= step;
        i++;
    }
    return g_strdup_printf("%0.3g %s%s", d, prefixes[i], unit);
}

char *size_to_str(uint64_t val)
{
    static const char *const prefixes[] = {
        "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    };

    return scaled_to_str(val, 1024, prefixes, ARRAY_SIZE(prefixes), "B");
}

char *freq_to_str(uint64_t freq_hz)
{
    static const char *const prefixes[] = {
        "", "K", "M", "G", "T", "P", "E",
    };

    return scaled_to_str(freq_hz, 1000, prefixes, ARRAY_SIZE(prefixes), "Hz");
}

bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };

    for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
        if (!strcmp(value, yes[i])) {
            *obj = true;
            return true;
        }
        if (!strcmp(value, no[i])) {
            *obj = false;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
    return false;
}

bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}
