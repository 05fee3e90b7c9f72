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
    {NULL, 0, NULL, 0},
};

int cmd_convert(int argc, char **argv)
{
    const char *format_arg = NULL, *output = NULL, *layout = NULL, *input, *name;
    ag_ctx *ctx = NULL;
    ag_graph *g = NULL;
    char *bytes = NULL;
    size_t len;
    ag_format fmt;
    int opt, rc;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:qh", long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': format_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'q': break; /* nothing to silence yet; accepted like the extract command */
        case OPT_LAYOUT:
            if (!cli_layout_valid(optarg))
                return cli_usage_error("convert",
                                       "unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, twopi)", optarg);
            layout = optarg;
            break;
        case 'h':
            fputs(ag_cli_help_convert, stdout);
            return AG_EXIT_OK;
        default:
            return cli_getopt_error("convert", opt, argv);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("convert", "convert reads one graph (use - for stdin)");
    input = optind < argc ? argv[optind] : "-";
    name = cli_is_stdin(input) ? "stdin" : input;

    if (ag_ctx_new(&ctx) < 0) {
        cli_error("out of memory");
        return AG_EXIT_PROCESSING;
    }
    if ((rc = cli_pick_format(&fmt, ctx, "convert", format_arg, output)) != AG_EXIT_OK ||
        (rc = cli_read_file(&bytes, &len, input)) != AG_EXIT_OK)
        goto out;
    if (ag_graph_from_json(&g, ctx, bytes, len, name) < 0 || ag_graph_finalize(g, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    rc = cli_export_write(ctx, g, fmt, layout, output);
out:
    free(bytes);
    ag_graph_free(g);
    ag_ctx_free(ctx);
    return rc;
}
