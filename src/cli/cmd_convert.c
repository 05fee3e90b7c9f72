/* actorgraph CLI: `actorgraph convert [OPTIONS] GRAPH.json` renders a graph
 * saved as JSON (perhaps edited with jq in between) to any format.  The
 * graph is finalized again, so edits get fresh metrics and a canonical order. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

enum { OPT_LAYOUT = 256 };

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    CLI_FILTER_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

int cmd_convert(int argc, char **argv)
{
    const char *format_arg = NULL, *output = NULL, *layout = NULL, *input, *name;
    cli_filter filter = CLI_FILTER_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *g = NULL;
    char *bytes = NULL;
    size_t len;
    ag_format fmt;
    int opt, rc, quiet = 0;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:qh", long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': format_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'q': quiet = 1; break;
        case OPT_LAYOUT:
            if (!cli_layout_valid(optarg)) {
                rc = cli_usage_error("convert", "unknown layout engine '%s' (" CLI_LAYOUT_ENGINES ")",
                                     optarg);
                goto out;
            }
            layout = optarg;
            break;
        case 'h':
            fputs(ag_cli_help_convert, stdout);
            rc = AG_EXIT_OK;
            goto out;
        default:
            if ((rc = cli_filter_option(&filter, "convert", opt, optarg)) < 0)
                rc = cli_getopt_error("convert", opt, argv);
            if (rc != AG_EXIT_OK)
                goto out;
        }
    }
    if ((rc = cli_filter_check(&filter, "convert")) != AG_EXIT_OK)
        goto out;
    if (argc - optind > 1) {
        rc = cli_usage_error("convert", "convert reads one graph (use merge for several, - for stdin)");
        goto out;
    }
    input = optind < argc ? argv[optind] : "-";
    name = cli_is_stdin(input) ? "stdin" : input;

    if (ag_ctx_new(&ctx) < 0) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto out;
    }
    if ((rc = cli_pick_format(&fmt, ctx, "convert", format_arg, output)) != AG_EXIT_OK ||
        (rc = cli_read_file(&bytes, &len, input)) != AG_EXIT_OK)
        goto out;
    if (ag_graph_from_json(&g, ctx, bytes, len, name) < 0 || ag_graph_finalize(g, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    if ((rc = cli_filter_apply(&g, ctx, &filter, "convert", quiet)) != AG_EXIT_OK)
        goto out;
    rc = cli_export_write(ctx, g, fmt, layout, output);
out:
    cli_filter_free(&filter);
    free(bytes);
    ag_graph_free(g);
    ag_ctx_free(ctx);
    return rc;
}
