/* actorgraph: the error context (ag_ctx).  Holds the last error's code,
 * message and location; formatting the location into the message happens
 * once, when the error is recorded, so ag_ctx_errmsg() is a plain read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctx_internal.h"

int ag_ctx_new(ag_ctx **out)
{
    ag_ctx *ctx = calloc(1, sizeof(*ctx));
    *out = ctx;
    return ctx ? AG_OK : AG_ENOMEM;
}

void ag_ctx_free(ag_ctx *ctx)
{
    free(ctx);
}

int ag_ctx_errcode(const ag_ctx *ctx)
{
    return ctx ? ctx->code : AG_OK;
}

const char *ag_ctx_errmsg(const ag_ctx *ctx)
{
    if (!ctx || !ctx->code)
        return "no error";
    return ctx->msg;
}

void ag_ctx_clear(ag_ctx *ctx)
{
    if (ctx) {
        ctx->code = AG_OK;
        ctx->msg[0] = '\0';
    }
}

static int set_v(ag_ctx *ctx, int code, const char *doc, unsigned long line, long long offset,
                 const char *fmt, va_list ap)
{
    size_t used = 0;
    int n;

    if (!ctx)
        return code;
    ctx->code = code;
    if (doc && line)
        n = snprintf(ctx->msg, sizeof(ctx->msg), "%s:%lu: ", doc, line);
    else if (doc && offset >= 0)
        n = snprintf(ctx->msg, sizeof(ctx->msg), "%s: byte %lld: ", doc, offset);
    else if (doc)
        n = snprintf(ctx->msg, sizeof(ctx->msg), "%s: ", doc);
    else
        n = 0;
    if (n > 0)
        used = (size_t)n < sizeof(ctx->msg) ? (size_t)n : sizeof(ctx->msg) - 1;
    vsnprintf(ctx->msg + used, sizeof(ctx->msg) - used, fmt, ap);
    return code;
}

int ag_error_set(ag_ctx *ctx, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_v(ctx, code, NULL, 0, -1, fmt, ap);
    va_end(ap);
    return code;
}

int ag_error_set_at(ag_ctx *ctx, int code, const char *doc, unsigned long line, long long offset,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_v(ctx, code, doc, line, offset, fmt, ap);
    va_end(ap);
    return code;
}
