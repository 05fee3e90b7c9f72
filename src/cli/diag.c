/* actorgraph CLI: diagnostics on stderr ("actorgraph: error: ...") and the
 * checks of option values that more than one command accepts. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Whether a progress line is on the terminal; a diagnostic erases it first
 * so the two never share a line. */
static int progress_shown;

void cli_progress(size_t n, size_t total, const char *what)
{
    fprintf(stderr, "\r\033[K[%zu/%zu] %s", n, total, what);
    progress_shown = 1;
}

void cli_progress_clear(void)
{
    if (progress_shown)
        fputs("\r\033[K", stderr);
    progress_shown = 0;
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
    char small[1024], *msg = small;
    const unsigned char *p;
    va_list again;
    int n;

    cli_progress_clear();
    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    if (!msg)
        msg = small; /* out of memory: the message, cut */
    fprintf(stderr, "%s: %s: ", AG_CLI_NAME, kind);
    /* a file name or a JSON string may carry terminal control bytes: show
     * them, never send them */
    for (p = (const unsigned char *)msg; n > 0 && *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(stderr, "\\x%02x", *p);
        else
            fputc(*p, stderr);
    }
    fputc('\n', stderr);
    if (msg != small)
        free(msg);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("error", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("warning", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("error", fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s%s%s --help' for more information.\n", AG_CLI_NAME,
            command ? " " : "", command ? command : "");
    return AG_EXIT_USAGE;
}

int cli_fail(const ag_ctx *ctx, int in_usage)
{
    cli_error("%s", ag_ctx_errmsg(ctx));
    return ag_exit_for(ag_ctx_errcode(ctx), in_usage);
}

/* getopt_long was called with a leading ':' and opterr = 0, so it reports a
 * missing argument as ':' and anything unknown as '?', and leaves the
 * wording to us; optopt is 0 for an unknown long option. */
int cli_getopt_error(const char *command, int opt, char **argv)
{
    const char *arg = argv[optind - 1];

    if (opt == ':')
        return cli_usage_error(command, "option '%s' needs an argument", arg);
    if (optopt && (!arg || strncmp(arg, "--", 2) != 0))
        return cli_usage_error(command, "unknown option '-%c'", optopt);
    return cli_usage_error(command, "unknown option '%s'", arg);
}

int cli_layout_valid(const char *engine)
{
    static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"};
    for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
        if (strcmp(engine, engines[i]) == 0)
            return 1;
    return 0;
}

const char *cli_format_list(void)
{
    static char list[256];
    size_t used = 0;

    if (list[0])
        return list;
    for (int i = 0; i < AG_FORMAT_COUNT_; i++) {
        int n = snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "",
                         ag_format_name((ag_format)i));
        if (n < 0 || (size_t)n >= sizeof(list) - used)
            break;
        used += (size_t)n;
    }
    return list;
}

int cli_pick_format(ag_format *fmt, ag_ctx *ctx, const char *command, const char *format_arg,
                    const char *output)
{
    if (format_arg) {
        if (ag_format_parse(fmt, ctx, format_arg) < 0) {
            ag_ctx_clear(ctx);
            return cli_usage_error(command, "unknown format '%s' (%s)", format_arg, cli_format_list());
        }
        return AG_EXIT_OK;
    }
    /* An unknown extension is not an error: the spec's default is JSON. */
    if (output && !cli_is_stdin(output) && ag_format_from_path(fmt, ctx, output) == AG_OK)
        return AG_EXIT_OK;
    ag_ctx_clear(ctx);
    *fmt = AG_FORMAT_JSON;
    return AG_EXIT_OK;
}
