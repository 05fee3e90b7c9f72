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

/* Read one saved graph and merge it into @p all; exit code. */
static int merge_one(ag_ctx *ctx, ag_graph *all, const char *path)
{
    const char *name = cli_is_stdin(path) ? "stdin" : path;
    ag_graph *part = NULL;
    char *bytes = NULL;
    size_t len;
    int rc;

    if ((rc = cli_read_file(&bytes, &len, path)) != AG_EXIT_OK)
        return rc;
    if (ag_graph_from_json(&part, ctx, bytes, len, name) < 0 || ag_graph_merge(all, ctx, part) < 0)
        rc = cli_fail(ctx, 0);
    ag_graph_free(part);
    free(bytes);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    const char *format_arg = NULL, *output = NULL, *layout = NULL;
    cli_filter filter = CLI_FILTER_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *all = NULL;
    size_t n_inputs, n_stdin = 0;
    ag_format fmt;
    int opt, rc, quiet = 0, progress;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:qh", long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': format_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'q': quiet = 1; break;
        case OPT_LAYOUT:
            if (!cli_layout_valid(optarg)) {
                rc = cli_usage_error("merge", "unknown layout engine '%s' (" CLI_LAYOUT_ENGINES ")",
                                     optarg);
                goto out;
            }
            layout = optarg;
            break;
        case 'h':
            fputs(ag_cli_help_merge, stdout);
            rc = AG_EXIT_OK;
            goto out;
        default:
            if ((rc = cli_filter_option(&filter, "merge", opt, optarg)) < 0)
                rc = cli_getopt_error("merge", opt, argv);
            if (rc != AG_EXIT_OK)
                goto out;
        }
    }
    if ((rc = cli_filter_check(&filter, "merge")) != AG_EXIT_OK)
        goto out;
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
    if ((rc = cli_pick_format(&fmt, ctx, "merge", format_arg, output)) != AG_EXIT_OK)
        goto out;
    if (ag_graph_new(&all, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    progress = !quiet && n_inputs >= PROGRESS_MIN_INPUTS && isatty(STDERR_FILENO);
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
    if ((rc = cli_filter_apply(&all, ctx, &filter, "merge", quiet)) != AG_EXIT_OK)
        goto out;
    rc = cli_export_write(ctx, all, fmt, layout, output);
out:
    cli_progress_clear();
    ag_graph_free(all);
    ag_ctx_free(ctx);
    cli_filter_free(&filter);
    return rc;
}
