/* actorgraph CLI: the graph filter options every graph-writing command
 * takes (--focus, --depth, --min-weight, --types, --relations,
 * --drop-isolates), parsed into ag_filter_options and applied with
 * ag_graph_filter() to the finalized graph just before export. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Longest --depth accepted: any graph we can hold is shallower. */
#define DEPTH_MAX 1000000UL

/* A whole number in [0, max]; 0 on success. */
static int parse_count(const char *s, unsigned long max, unsigned long *out)
{
    char *end;

    if (!*s || *s == '-' || *s == '+' || *s == ' ')
        return -1;
    errno = 0;
    *out = strtoul(s, &end, 10);
    return errno || *end || *out > max ? -1 : 0;
}

static char *trim(char *s)
{
    char *e;

    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

/* "person, organization, ..., unknown" for messages; "unknown" last: it is
 * a type too (actors no rule could place). */
static void types_list(char *list, size_t size)
{
    size_t used = 0;

    list[0] = '\0';
    for (int t = AG_ACTOR_UNKNOWN + 1; t <= AG_ACTOR_TYPE_COUNT_; t++) {
        ag_actor_type type = t == AG_ACTOR_TYPE_COUNT_ ? AG_ACTOR_UNKNOWN : (ag_actor_type)t;
        int n = snprintf(list + used, size - used, "%s%s", used ? ", " : "", ag_actor_type_name(type));
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

static int add_types(cli_filter *f, const char *command, const char *arg)
{
    char *copy = strdup(arg), *item, *save = NULL;
    int rc = AG_EXIT_OK, any = 0;

    if (!copy) {
        cli_error("out of memory");
        return AG_EXIT_PROCESSING;
    }
    for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        ag_actor_type t;
        char *name = trim(item);
        if (!*name)
            continue;
        if (ag_actor_type_parse(&t, NULL, name) < 0) {
            char list[160];
            types_list(list, sizeof(list));
            rc = cli_usage_error(command, "--types: unknown actor type '%s' (%s)", name, list);
            goto out;
        }
        f->opts.types |= AG_FILTER_TYPE(t);
        any = 1;
    }
    if (!any)
        rc = cli_usage_error(command, "--types needs a comma-separated list of actor types");
out:
    free(copy);
    return rc;
}

static int add_relations(cli_filter *f, const char *command, const char *arg)
{
    char *copy = strdup(arg), *item, *save = NULL, **owned;
    const char **rel;
    size_t n = 0;

    if (!copy)
        goto nomem;
    if (!(owned = realloc(f->owned, (f->n_owned + 1) * sizeof(*owned)))) {
        free(copy);
        goto nomem;
    }
    f->owned = owned;
    f->owned[f->n_owned++] = copy;
    /* at most one name per comma, plus one */
    for (const char *c = arg; *c; c++)
        n += *c == ',';
    if (!(rel = realloc(f->relations, (f->opts.n_relations + n + 1) * sizeof(*rel))))
        goto nomem;
    f->relations = rel;
    n = 0;
    for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *name = trim(item);
        if (*name) {
            f->relations[f->opts.n_relations++] = name;
            n++;
        }
    }
    if (!n)
        return cli_usage_error(command, "--relations needs a comma-separated list of relation names");
    f->opts.relations = f->relations;
    return AG_EXIT_OK;
nomem:
    cli_error("out of memory");
    return AG_EXIT_PROCESSING;
}

int cli_filter_option(cli_filter *f, const char *command, int opt, const char *arg)
{
    unsigned long v;

    switch (opt) {
    case CLI_OPT_FOCUS:
        if (!*arg)
            return cli_usage_error(command, "--focus needs an actor's id, name or alias");
        f->opts.focus = arg;
        break;
    case CLI_OPT_DEPTH:
        if (parse_count(arg, DEPTH_MAX, &v))
            return cli_usage_error(command, "--depth needs a whole number of hops (0 or more), not '%s'", arg);
        f->opts.depth = (unsigned)v;
        f->depth_given = 1;
        break;
    case CLI_OPT_MIN_WEIGHT:
        if (parse_count(arg, UINT32_MAX, &v))
            return cli_usage_error(command, "--min-weight needs a whole number of documents, not '%s'", arg);
        f->opts.min_weight = (uint32_t)v;
        break;
    case CLI_OPT_TYPES: {
        int rc = add_types(f, command, arg);
        if (rc != AG_EXIT_OK)
            return rc;
        break;
    }
    case CLI_OPT_RELATIONS: {
        int rc = add_relations(f, command, arg);
        if (rc != AG_EXIT_OK)
            return rc;
        break;
    }
    case CLI_OPT_DROP_ISOLATES:
        f->opts.drop_isolates = 1;
        break;
    case CLI_OPT_MAX_EVIDENCE:
        if (parse_count(arg, SIZE_MAX, &v) || v == 0)
            return cli_usage_error(command, "--max-evidence needs a whole number of 1 or more, not '%s'", arg);
        f->opts.max_evidence = (size_t)v;
        return AG_EXIT_OK; /* applied while building, or by cli_filter_apply */
    default:
        return -1;
    }
    f->active = 1;
    return AG_EXIT_OK;
}

int cli_filter_check(const cli_filter *f, const char *command)
{
    if (f->depth_given && !f->opts.focus)
        return cli_usage_error(command, "--depth needs --focus");
    return AG_EXIT_OK;
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && ascii_lower((unsigned char)hay[i]) == ascii_lower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return n == 0;
}

/* The focus names no actor: say so, and name up to five actors whose
 * label or id contains it, so a partial name leads somewhere. */
static int focus_not_found(const ag_graph *g, const char *focus, const char *command)
{
    size_t n = ag_graph_actor_count(g), shown = 0;

    cli_error("--focus: no actor '%s' in the graph (give an id, a name or an alias)", focus);
    for (size_t i = 0; i < n && shown < 5; i++) {
        const ag_actor *a = ag_graph_actor(g, i);
        if (contains_nocase(a->label, focus) || contains_nocase(a->id, focus)) {
            fprintf(stderr, "%s  %s (%s)\n", shown ? "" : "Did you mean:\n", a->label, a->id);
            shown++;
        }
    }
    fprintf(stderr, "'%s stats' on the JSON graph lists every actor.\n", AG_CLI_NAME);
    (void)command;
    return AG_EXIT_USAGE;
}

int cli_filter_apply(ag_graph **g, ag_ctx *ctx, const cli_filter *f, const char *command, int quiet)
{
    ag_graph *sub = NULL;

    if (!f->active && (!f->opts.max_evidence || f->cap_applied))
        return AG_EXIT_OK;
    if (f->opts.focus && ag_graph_find_actor(*g, f->opts.focus) < 0)
        return focus_not_found(*g, f->opts.focus, command);
    /* A misspelt relation silently empties the graph; say which name no
     * edge carries. */
    for (size_t i = 0; !quiet && i < f->opts.n_relations; i++) {
        size_t m = ag_graph_edge_count(*g), j;
        for (j = 0; j < m && strcmp(ag_graph_edge(*g, j)->relation, f->opts.relations[i]) != 0; j++)
            ;
        if (j == m)
            cli_warn("--relations: no edge has the relation '%s'", f->opts.relations[i]);
    }
    if (ag_graph_filter(&sub, ctx, *g, &f->opts) < 0)
        return cli_fail(ctx, 1);
    ag_graph_free(*g);
    *g = sub;
    return AG_EXIT_OK;
}

int cli_filter_new_graph(ag_graph **g, ag_ctx *ctx, cli_filter *f)
{
    *g = NULL;
    if (ag_graph_new(g, ctx) < 0 || ag_graph_set_max_evidence(*g, ctx, f->opts.max_evidence) < 0)
        return cli_fail(ctx, 0);
    f->cap_applied = 1;
    return AG_EXIT_OK;
}

void cli_filter_free(cli_filter *f)
{
    for (size_t i = 0; i < f->n_owned; i++)
        free(f->owned[i]);
    free(f->owned);
    free(f->relations);
    f->owned = NULL;
    f->relations = NULL;
    f->n_owned = 0;
}

enum { OPT_LAYOUT = 256 };

static const struct option graph_long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    CLI_FILTER_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

int cli_graph_options(cli_graph_opts *o, int argc, char **argv, const char *command, const char *help)
{
    int opt, rc;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:qh", graph_long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': o->format_arg = optarg; break;
        case 'o': o->output = optarg; break;
        case 'q': o->quiet = 1; break;
        case OPT_LAYOUT:
            if (!cli_layout_valid(optarg))
                return cli_usage_error(command, "unknown layout engine '%s' (" CLI_LAYOUT_ENGINES ")", optarg);
            o->layout = optarg;
            break;
        case 'h':
            fputs(help, stdout);
            return CLI_HELP_SHOWN;
        default:
            if ((rc = cli_filter_option(&o->filter, command, opt, optarg)) < 0)
                rc = cli_getopt_error(command, opt, argv);
            if (rc != AG_EXIT_OK)
                return rc;
        }
    }
    return cli_filter_check(&o->filter, command);
}
