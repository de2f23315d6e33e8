/*
 * Error reporting through Error **errp.
 *
 * A function that can fail takes "Error **errp" as its last argument and
 * returns a value that also says whether it failed (false, NULL, -1).  On
 * failure it sets *errp with error_setg() unless errp is NULL (the caller
 * does not care).  Two special destinations exist: &error_fatal (report and
 * exit(1)) and &error_abort (report and abort(): an internal bug).
 *
 * Rules for callers:
 *  - pass errp straight through when you have nothing to add;
 *  - to look at an error, use a local "Error *local_err = NULL" and
 *    error_propagate(errp, local_err) afterwards;
 *  - error_prepend() adds context ("-device foo: ").
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR = 0,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
    ERROR_CLASS__MAX,
} ErrorClass;

typedef struct Error Error;

/* The QMP wire name of a class: "GenericError", "CommandNotFound", ... */
const char *error_class_name(ErrorClass cls);

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, ErrorClass cls,
                         const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#define error_setg(errp, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, \
                        ERROR_CLASS_GENERIC_ERROR, __VA_ARGS__)
#define error_set(errp, cls, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, \
                        (cls), __VA_ARGS__)
#define error_setg_errno(errp, os_errno, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), __VA_ARGS__)

/* Message text, without any hint. */
const char *error_get_pretty(const Error *err);
ErrorClass error_get_class(const Error *err);

/* A copy of @err. */
Error *error_copy(const Error *err);

/*
 * Move @local_err into *dst_errp.  If dst_errp is &error_fatal or
 * &error_abort, report and exit/abort.  If *dst_errp is already set (or
 * dst_errp is NULL), @local_err is freed.
 */
void error_propagate(Error **dst_errp, Error *local_err);
void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Add a prefix to the message of *errp, if any. */
void error_prepend(Error *const *errp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Add a hint, printed on its own line by error_report_err(). */
void error_append_hint(Error *const *errp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print "prog: message" (and the hint) to the error stream, then free. */
void error_report_err(Error *err);
void warn_report_err(Error *err);
/* Same as error_report_err() with a prefix. */
void error_reportf_err(Error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void error_free(Error *err);
/* Free *errp (if set) and set it to NULL. */
void error_free_or_abort(Error **errp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

extern Error *error_abort;
extern Error *error_fatal;

#endif /* QAPI_ERROR_H */
