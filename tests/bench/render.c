/* actorgraph render benchmark: build synthetic news-like graphs (sparse,
 * hub-heavy, one labelled edge per relation, evidence on every edge) of a
 * few sizes and time each picture format's export, printing the layout
 * engine ag_export picked.  It prints numbers only; nothing is asserted.
 *
 *   actorgraph-render-bench [--sizes 100,1000,5000] [--formats svg,html] [--out DIR]
 *
 * --out DIR also writes each output to DIR/bench-N.FORMAT, to look at.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <actorgraph/actorgraph.h>

#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}
#endif

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(ag_ctx *ctx, const char *what)
{
    fprintf(stderr, "actorgraph-render-bench: %s: %s\n", what, ctx ? ag_ctx_errmsg(ctx) : "failed");
    exit(1);
}

static const char *const syll[] = {"ka", "mi", "to", "ra", "le", "su", "da", "no", "vi", "ha",
                                   "jo", "el", "ma", "ri", "an", "be", "lo", "ta", "fe", "yu"};
static const char *const relations[] = {"communicates_with", "negotiates_with", "quoted_by", "role_of",
                                        "member_of", "supports", "accuses", "meets", "told", "criticizes"};

/* A unique two-word name for actor @p i: its digits in base 20 as syllables. */
static void name_of(char *out, size_t size, size_t i)
{
    char a[16] = "", b[16] = "";
    size_t k = i;
    int n;

    for (n = 0; n < 3; n++, k /= 20)
        strcat(a, syll[k % 20]);
    for (n = 0; n < 3; n++, k /= 20)
        strcat(b, syll[(k + (size_t)n * 7) % 20]);
    a[0] = (char)(a[0] - 'a' + 'A');
    b[0] = (char)(b[0] - 'a' + 'A');
    snprintf(out, size, "%s %s", a, b);
}

/* @p n actors, about 2n edges; targets drawn towards earlier actors, so a
 * few become hubs as in news. */
static ag_graph *make_graph(ag_ctx *ctx, size_t n)
{
    ag_graph *g;
    size_t *idx = malloc(n * sizeof(*idx)), i, e, docs = n / 4 + 1;
    char name[64], doc[32], date[16], sentence[256];

    if (!idx || ag_graph_new(&g, ctx) < 0)
        die(ctx, "graph");
    for (i = 0; i < docs; i++) {
        snprintf(doc, sizeof(doc), "bench-%05zu.txt", i);
        snprintf(date, sizeof(date), "2031-%02zu-%02zu", 1 + i % 12, 1 + i % 28);
        if (ag_graph_add_document(g, ctx, doc, date, NULL, NULL) < 0)
            die(ctx, "document");
    }
    for (i = 0; i < n; i++) {
        name_of(name, sizeof(name), i);
        if (ag_graph_add_actor(g, ctx, &idx[i], name, (ag_actor_type)(1 + rnd(6))) < 0)
            die(ctx, "actor");
    }
    for (e = 0; e < 2 * n; e++) {
        size_t s = rnd((uint32_t)n), t = rnd((uint32_t)(1 + rnd((uint32_t)n)));
        const char *rel = relations[rnd(10)];
        ag_evidence ev = {doc, 0, 0, 0, sentence, "bench.rule", 0.5 + rnd(50) / 100.0};
        if (s == t)
            continue;
        snprintf(doc, sizeof(doc), "bench-%05u.txt", rnd((uint32_t)docs));
        snprintf(sentence, sizeof(sentence), "Sentence %zu says that actor %zu %s actor %zu.", e, s, rel, t);
        ev.sentence = (uint32_t)e;
        ev.end = (uint32_t)strlen(sentence);
        if (ag_graph_add_mentions(g, ctx, idx[s], doc, 1) < 0 || ag_graph_add_mentions(g, ctx, idx[t], doc, 1) < 0 ||
            ag_graph_add_edge(g, ctx, idx[s], idx[t], rel, &ev) < 0)
            die(ctx, "edge");
    }
    free(idx);
    if (ag_graph_finalize(g, ctx) < 0)
        die(ctx, "finalize");
    return g;
}

int main(int argc, char **argv)
{
    const char *sizes = "100,1000,5000", *formats = "svg", *outdir = NULL;
    ag_ctx *ctx;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc)
            sizes = argv[++i];
        else if (strcmp(argv[i], "--formats") == 0 && i + 1 < argc)
            formats = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            outdir = argv[++i];
        else {
            fprintf(stderr, "usage: actorgraph-render-bench [--sizes 100,1000,5000] [--formats svg,html,...] "
                            "[--out DIR]\n");
            return 2;
        }
    }
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    for (const char *s = sizes; *s;) {
        size_t n = strtoul(s, NULL, 10);
        ag_graph *g;
        double t0;

        if (n < 2)
            break;
        t0 = now();
        g = make_graph(ctx, n);
        printf("%5zu actors %6zu edges (built in %.2f s), default layout %s\n", ag_graph_actor_count(g),
               ag_graph_edge_count(g), now() - t0, ag_export_default_layout(g));
        fflush(stdout);
        for (const char *f = formats; *f;) {
            char fname[16];
            size_t len = strcspn(f, ",");
            ag_format fmt;
            char *out = NULL;
            size_t bytes = 0;

            snprintf(fname, sizeof(fname), "%.*s", (int)(len < 15 ? len : 15), f);
            if (ag_format_parse(&fmt, ctx, fname) < 0)
                die(ctx, fname);
            t0 = now();
            if (ag_export(&out, &bytes, ctx, g, fmt, NULL) < 0)
                die(ctx, fname);
            printf("      %-8s %7.2f s  %8.2f MB\n", fname, now() - t0, (double)bytes / 1e6);
            fflush(stdout);
            if (outdir) {
                char path[4096];
                FILE *fp;
                snprintf(path, sizeof(path), "%s/bench-%zu.%s", outdir, n, fname);
                if (!(fp = fopen(path, "wb")) || fwrite(out, 1, bytes, fp) != bytes || fclose(fp) != 0) {
                    fprintf(stderr, "actorgraph-render-bench: cannot write %s\n", path);
                    return 1;
                }
            }
            free(out);
            f += len + (f[len] == ',');
        }
        ag_graph_free(g);
        s += strcspn(s, ",");
        s += *s == ',';
    }
    ag_ctx_free(ctx);
    return 0;
}
