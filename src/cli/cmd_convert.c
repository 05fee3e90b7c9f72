/* actorgraph CLI: `actorgraph convert [OPTIONS] GRAPH.json` renders a graph
 * saved as JSON (perhaps edited with jq in between) to any format.  The
 * graph is finalized again, so edits get fresh metrics and a canonical order. */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

int cmd_convert(int argc, char **argv)
{
    cli_graph_opts o = CLI_GRAPH_OPTS_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *g = NULL;
    ag_format fmt;
    int rc;

    if ((rc = cli_graph_options(&o, argc, argv, "convert", ag_cli_help_convert)) != AG_EXIT_OK) {
        rc = rc == CLI_HELP_SHOWN ? AG_EXIT_OK : rc;
        goto out;
    }
    if (argc - optind > 1) {
        rc = cli_usage_error("convert", "convert reads one graph (use merge for several, - for stdin)");
        goto out;
    }
    if (ag_ctx_new(&ctx) < 0) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto out;
    }
    if ((rc = cli_pick_format(&fmt, ctx, "convert", o.format_arg, o.output)) != AG_EXIT_OK ||
        (rc = cli_load_graph(&g, ctx, optind < argc ? argv[optind] : "-")) != AG_EXIT_OK)
        goto out;
    if (ag_graph_finalize(g, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    if ((rc = cli_filter_apply(&g, ctx, &o.filter, "convert", o.quiet)) != AG_EXIT_OK)
        goto out;
    rc = cli_export_write(ctx, g, fmt, o.layout, o.output);
out:
    cli_filter_free(&o.filter);
    ag_graph_free(g);
    ag_ctx_free(ctx);
    return rc;
}
