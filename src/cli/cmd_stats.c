/* actorgraph CLI: `actorgraph stats [--tsv] GRAPH.json` lists the actors of
 * a saved graph ranked by PageRank with their other metrics: an aligned
 * table for people, or TSV with a header line for scripts.  The graph is
 * finalized on reading, so the metrics are fresh even after edits. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Widest actor name in the table, in columns; TSV keeps names whole. */
#define LABEL_COLUMNS 40

static const struct option long_options[] = {
    {"tsv", no_argument, NULL, 't'},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    CLI_FILTER_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

/* Decode one UTF-8 sequence (the model keeps strings valid); its length. */
static size_t utf8_next(const char *s, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;

    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0 && p[1]) {
        *cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
        *cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    if ((p[0] & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
        *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* Terminal columns of a code point: 0 for combining marks and format
 * characters, 2 for East Asian wide ones and emoji, else 1.  Rough, but
 * enough to keep the columns straight for the names news carries. */
static int cp_width(unsigned cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Write @p s padded (or cut, with an ellipsis) to @p cols columns; a
 * cell that is last on its line is not padded. */
static void put_cell(FILE *f, const char *s, size_t cols, int last)
{
    size_t width = 0, n, i;
    unsigned cp;
    const char *p;

    for (p = s; *p; p += n) {
        n = utf8_next(p, &cp);
        width += (size_t)cp_width(cp);
    }
    if (width <= cols) {
        fputs(s, f);
    } else {
        /* keep what fits in cols - 1 columns, then "…" */
        size_t used = 0;
        for (p = s; *p; p += n) {
            int w;
            n = utf8_next(p, &cp);
            w = cp_width(cp);
            if (used + (size_t)w > cols - 1)
                break;
            used += (size_t)w;
            fwrite(p, 1, n, f);
        }
        fputs("\xe2\x80\xa6", f);
        width = used + 1;
    }
    for (i = width; !last && i < cols; i++)
        fputc(' ', f);
}

static size_t text_width(const char *s)
{
    size_t width = 0, n;
    unsigned cp;

    for (; *s; s += n) {
        n = utf8_next(s, &cp);
        width += (size_t)cp_width(cp);
    }
    return width;
}

/* TSV cells must not hold tabs or line breaks; the model has none, but a
 * hand-edited graph is only cleaned on reading, so check anyway. */
static void put_tsv(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

typedef struct row {
    size_t actor;
    double pagerank;
} row;

static int cmp_row(const void *x, const void *y)
{
    const row *a = x, *b = y;

    if (a->pagerank != b->pagerank)
        return a->pagerank > b->pagerank ? -1 : 1;
    return a->actor < b->actor ? -1 : a->actor > b->actor; /* graph order: by label */
}

enum { COL_RANK, COL_ACTOR, COL_TYPE, COL_PAGERANK, COL_DEGREE, COL_WDEGREE, COL_BETWEENNESS,
       COL_COMMUNITY, COL_MENTIONS, COL_DOCS, N_COLS };

static const char *const table_head[N_COLS] = {"rank", "actor", "type", "pagerank", "degree", "weighted",
                                                "betweenness", "community", "mentions", "docs"};

/* The cells of one table row, formatted (the actor cell is the label). */
static void table_cells(char cells[N_COLS][40], const ag_actor *a, size_t rank)
{
    snprintf(cells[COL_RANK], 40, "%zu", rank);
    cells[COL_ACTOR][0] = '\0';
    snprintf(cells[COL_TYPE], 40, "%s", ag_actor_type_name(a->type));
    snprintf(cells[COL_PAGERANK], 40, "%.4f", a->pagerank);
    snprintf(cells[COL_DEGREE], 40, "%.0f", a->degree);
    snprintf(cells[COL_WDEGREE], 40, "%.0f", a->weighted_degree);
    snprintf(cells[COL_BETWEENNESS], 40, "%.1f", a->betweenness);
    snprintf(cells[COL_COMMUNITY], 40, "%d", a->community);
    snprintf(cells[COL_MENTIONS], 40, "%u", (unsigned)a->mentions);
    snprintf(cells[COL_DOCS], 40, "%zu", a->n_docs);
}

static void write_table(FILE *f, const ag_graph *g, const row *rows, size_t n)
{
    size_t width[N_COLS], i, c;
    char cells[N_COLS][40];

    for (c = 0; c < N_COLS; c++)
        width[c] = strlen(table_head[c]);
    for (i = 0; i < n; i++) {
        const ag_actor *a = ag_graph_actor(g, rows[i].actor);
        size_t w = text_width(a->label);
        table_cells(cells, a, i + 1);
        for (c = 0; c < N_COLS; c++) {
            size_t cw = c == COL_ACTOR ? (w < LABEL_COLUMNS ? w : LABEL_COLUMNS) : strlen(cells[c]);
            if (cw > width[c])
                width[c] = cw;
        }
    }
    /* text left-aligned, numbers right-aligned, two spaces between columns */
    for (i = 0; i <= n; i++) {
        const ag_actor *a = i ? ag_graph_actor(g, rows[i - 1].actor) : NULL;
        if (a)
            table_cells(cells, a, i);
        for (c = 0; c < N_COLS; c++) {
            const char *s = a ? cells[c] : table_head[c];
            int text = c == COL_ACTOR || c == COL_TYPE, last = c == N_COLS - 1;
            if (c)
                fputs("  ", f);
            if (a && c == COL_ACTOR)
                put_cell(f, a->label, width[c], last);
            else if (text)
                put_cell(f, s, width[c], last);
            else
                fprintf(f, "%*s", (int)width[c], s);
        }
        fputc('\n', f);
    }
}

static void write_tsv(FILE *f, const ag_graph *g, const row *rows, size_t n)
{
    fputs("rank\tid\tlabel\ttype\tpagerank\tdegree\tweighted_degree\tbetweenness\tcommunity\tmentions\t"
          "documents\n",
          f);
    for (size_t i = 0; i < n; i++) {
        const ag_actor *a = ag_graph_actor(g, rows[i].actor);
        fprintf(f, "%zu\t", i + 1);
        put_tsv(f, a->id);
        fputc('\t', f);
        put_tsv(f, a->label);
        fprintf(f, "\t%s\t%.6f\t%.0f\t%.0f\t%.3f\t%d\t%u\t%zu\n", ag_actor_type_name(a->type), a->pagerank,
                a->degree, a->weighted_degree, a->betweenness, a->community, (unsigned)a->mentions, a->n_docs);
    }
}

/* The ranking as text: malloc'ed bytes in *out; exit code. */
static int render(char **out, size_t *len, const ag_graph *g, int tsv)
{
    size_t n = ag_graph_actor_count(g);
    row *rows = n ? malloc(n * sizeof(*rows)) : NULL;
    FILE *f;

    *out = NULL;
    if (n && !rows)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        rows[i].actor = i;
        rows[i].pagerank = ag_graph_actor(g, i)->pagerank;
    }
    if (n)
        qsort(rows, n, sizeof(*rows), cmp_row);
    if (!(f = open_memstream(out, len)))
        goto nomem;
    if (tsv)
        write_tsv(f, g, rows, n);
    else
        write_table(f, g, rows, n);
    if (ferror(f) | (fclose(f) != 0)) {
        free(*out);
        *out = NULL;
        goto nomem;
    }
    free(rows);
    return AG_EXIT_OK;
nomem:
    free(rows);
    cli_error("out of memory");
    return AG_EXIT_PROCESSING;
}

int cmd_stats(int argc, char **argv)
{
    const char *output = NULL;
    cli_filter filter = CLI_FILTER_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *g = NULL;
    char *text = NULL;
    size_t text_len = 0;
    int opt, rc, tsv = 0, quiet = 0;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:qh", long_options, NULL)) != -1) {
        switch (opt) {
        case 't': tsv = 1; break;
        case 'o': output = optarg; break;
        case 'q': quiet = 1; break;
        case 'h':
            fputs(ag_cli_help_stats, stdout);
            rc = AG_EXIT_OK;
            goto out;
        default:
            if ((rc = cli_filter_option(&filter, "stats", opt, optarg)) < 0)
                rc = cli_getopt_error("stats", opt, argv);
            if (rc != AG_EXIT_OK)
                goto out;
        }
    }
    if ((rc = cli_filter_check(&filter, "stats")) != AG_EXIT_OK)
        goto out;
    if (argc - optind > 1) {
        rc = cli_usage_error("stats", "stats reads one graph (use merge first, or - for stdin)");
        goto out;
    }
    if (ag_ctx_new(&ctx) < 0) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto out;
    }
    if ((rc = cli_load_graph(&g, ctx, optind < argc ? argv[optind] : "-")) != AG_EXIT_OK)
        goto out;
    if (ag_graph_finalize(g, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto out;
    }
    if ((rc = cli_filter_apply(&g, ctx, &filter, "stats", quiet)) != AG_EXIT_OK ||
        (rc = render(&text, &text_len, g, tsv)) != AG_EXIT_OK)
        goto out;
    rc = cli_write_output(output, text, text_len);
out:
    free(text);
    ag_graph_free(g);
    ag_ctx_free(ctx);
    cli_filter_free(&filter);
    return rc;
}
