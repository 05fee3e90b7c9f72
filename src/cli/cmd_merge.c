/* actorgraph CLI: `actorgraph merge [OPTIONS] GRAPH.json...` joins graphs
 * saved as JSON (shards of a corpus, runs of different days) into one.
 * ag_graph_merge() is the same step extraction uses between articles, so
 * merging the graphs of single articles gives the graph of one run. */
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

/* Progress lines appear only for runs longer than this many inputs. */
#define PROGRESS_MIN_INPUTS 4

/* Read one saved graph and merge it into @p all; exit code. */
static int merge_one(ag_ctx *ctx, ag_graph *all, const char *path)
{
    ag_graph *part = NULL;
    int rc = cli_load_graph(&part, ctx, path);

    if (rc == AG_EXIT_OK && ag_graph_merge(all, ctx, part) < 0)
        rc = cli_fail(ctx, 0);
    ag_graph_free(part);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    cli_graph_opts o = CLI_GRAPH_OPTS_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *all = NULL;
    size_t n_inputs, n_stdin = 0;
    ag_format fmt;
    int rc, progress;

    if ((rc = cli_graph_options(&o, argc, argv, "merge", ag_cli_help_merge)) != AG_EXIT_OK) {
        rc = rc == CLI_HELP_SHOWN ? AG_EXIT_OK : rc;
        goto out;
    }
    n_inputs = (size_t)(argc - optind);
    if (n_inputs == 0) {
        rc = cli_usage_error("merge", "merge needs one or more JSON graphs (- for stdin)");
        goto out;
    }
    for (int i = optind; i < argc; i++)
        n_stdin += cli_is_stdin(argv[i]);
    if (n_stdin > 1) {
        rc = cli_usage_error("merge", "standard input ('-') can be read only once");
        goto out;
    }

    if (ag_ctx_new(&ctx) < 0) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto out;
    }
    if ((rc = cli_pick_format(&fmt, ctx, "merge", o.format_arg, o.output)) != AG_EXIT_OK)
        goto out;
    if ((rc = cli_filter_new_graph(&all, ctx, &o.filter)) != AG_EXIT_OK)
        goto out;
    progress = !o.quiet && n_inputs >= PROGRESS_MIN_INPUTS && isatty(STDERR_FILENO);
    for (int i = optind; i < argc; i++) {
        if (progress)
            cli_progress((size_t)(i - optind) + 1, n_inputs, argv[i]);
        if ((rc = merge_one(ctx, all, argv[i])) != AG_EXIT_OK)
            goto out;
    }
    cli_progress_clear();
    if (ag_graph_finalize(all, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    if ((rc = cli_filter_apply(&all, ctx, &o.filter, "merge", o.quiet)) != AG_EXIT_OK)
        goto out;
    rc = cli_export_write(ctx, all, fmt, o.layout, o.output);
out:
    cli_progress_clear();
    ag_graph_free(all);
    ag_ctx_free(ctx);
    cli_filter_free(&o.filter);
    return rc;
}
