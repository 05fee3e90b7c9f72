/* actorgraph: error codes and the error context.
 * Every fallible function returns one of the AG_E* codes and, on failure,
 * leaves a message (and where known the document, line and byte offset) in
 * the ag_ctx it was given.  There is no global error state. */
#ifndef ACTORGRAPH_ERROR_H
#define ACTORGRAPH_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes: 0 on success, a negative value on failure. */
typedef enum {
    AG_OK = 0,
    AG_ENOMEM = -1,  /**< out of memory */
    AG_EIO = -2,     /**< reading or writing a file failed */
    AG_EPARSE = -3,  /**< input is malformed (bad UTF-8, bad JSON ...) */
    AG_EINVAL = -4,  /**< an argument or option is invalid */
    AG_EDEP = -5     /**< a dependency (igraph, Graphviz) reported an error */
} ag_error_code;

/** Error context: one per thread of work, passed to every call. */
typedef struct ag_ctx ag_ctx;

/**
 * Create an error context.
 * @param[out] out  the new context; the caller frees it with ag_ctx_free().
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_ctx_new(ag_ctx **out);

/** Free a context; NULL is a no-op. */
AG_EXTERN(void) ag_ctx_free(ag_ctx *ctx);

/** The code of the last error, AG_OK if none was recorded. */
AG_EXTERN(int) ag_ctx_errcode(const ag_ctx *ctx);

/**
 * The last error as one line: "doc:line: message" or "doc: byte N: message"
 * where a location is known.  Borrowed; valid until the next call that
 * records an error in @p ctx.  Never NULL.
 */
AG_EXTERN(const char *) ag_ctx_errmsg(const ag_ctx *ctx);

/** Forget the last error. */
AG_EXTERN(void) ag_ctx_clear(ag_ctx *ctx);

/**
 * Record an error and return @p code, so callers can write
 * `return ag_error_set(ctx, AG_EINVAL, "bad %s", what);`.
 * Replaces any earlier message.
 */
AG_EXTERN(int) ag_error_set(ag_ctx *ctx, int code, const char *fmt, ...) AG_PRINTF(3, 4);

/**
 * Like ag_error_set() but with a location: @p doc (may be NULL), a 1-based
 * @p line (0: unknown) and a byte @p offset (-1: unknown).
 */
AG_EXTERN(int) ag_error_set_at(ag_ctx *ctx, int code, const char *doc, unsigned long line,
                               long long offset, const char *fmt, ...) AG_PRINTF(6, 7);

#ifdef __cplusplus
}
#endif
#endif
