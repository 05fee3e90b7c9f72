/* actorgraph tests: the shared layout (src/export/layout.c) and the formats
 * added around it: one deterministic layout behind GraphML, GEXF and
 * Cytoscape positions, the fallback steps and the layout's bytes, GEXF
 * time, the HTML report's escaping, source links, and PDF dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "check.h"

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}

static ag_ctx *ctx;

static int contains(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;

    for (i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

/* @p n people in a ring with chords, all in one article dated @p date. */
static ag_graph *ring(size_t n, const char *date, const char *url)
{
    ag_graph *g = NULL;
    size_t *idx = calloc(n, sizeof(*idx)), i;
    char name[64], text[128];

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_add_document(g, ctx, "ring.txt", date, url, "The ring"), AG_OK);
    for (i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "Person %c%c Number", (char)('A' + i % 26), (char)('a' + i / 26));
        AG_CHECK_INT(ag_graph_add_actor(g, ctx, &idx[i], name, AG_ACTOR_PERSON), AG_OK);
        AG_CHECK_INT(ag_graph_add_mentions(g, ctx, idx[i], "ring.txt", 1), AG_OK);
    }
    for (i = 0; i < n; i++) {
        ag_evidence ev = {"ring.txt", (uint32_t)i, 0, 10, text, "test.rule", 0.5};
        snprintf(text, sizeof(text), "Sentence %zu links two people.", i);
        AG_CHECK_INT(ag_graph_add_edge(g, ctx, idx[i], idx[(i + 1) % n], "meets", &ev), AG_OK);
        if (i % 3 == 0)
            AG_CHECK_INT(ag_graph_add_edge(g, ctx, idx[i], idx[(i + n / 2) % n], "told", &ev), AG_OK);
    }
    free(idx);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    return g;
}

static char *export(const ag_graph *g, ag_format fmt, const ag_export_options *opts, size_t *len)
{
    char *out = NULL;
    size_t n = 0;

    AG_CHECK_INT(ag_export(&out, &n, ctx, g, fmt, opts), AG_OK);
    if (len)
        *len = n;
    return out;
}

static void test_export_layout__one_layout_for_every_format(void)
{
    ag_graph *g = ring(60, "2031-05-06", NULL);
    char *before = export(g, AG_FORMAT_GRAPHML, NULL, NULL), *after, *cyjs;
    size_t i, placed = 0;
    char want[256];

    AG_CHECK_STR(ag_export_default_layout(g), "neato");
    AG_CHECK_INT(ag_export_layout(g, ctx, NULL), AG_OK);
    for (i = 0; i < ag_graph_actor_count(g); i++)
        placed += ag_graph_actor(g, i)->x != 0.0 || ag_graph_actor(g, i)->y != 0.0;
    AG_CHECK_INT(placed, ag_graph_actor_count(g));
    /* computed on the fly or stored first: the same positions, to the byte */
    after = export(g, AG_FORMAT_GRAPHML, NULL, NULL);
    AG_CHECK(before && after && strcmp(before, after) == 0);
    cyjs = export(g, AG_FORMAT_CYJS, NULL, NULL);
    {
        const ag_actor *a = ag_graph_actor(g, 0);
        char x[64], y[64];
        /* cJSON prints these numbers with %.15g once they are rounded to 2 places */
        snprintf(x, sizeof(x), "%.15g", a->x);
        snprintf(y, sizeof(y), "%.15g", a->y == 0 ? 0 : -a->y);
        snprintf(want, sizeof(want), "\"position\":\t{\n\t\t\t\t\t\"x\":\t%s,\n\t\t\t\t\t\"y\":\t%s\n", x, y);
        AG_CHECK(cyjs && strstr(cyjs, want) != NULL);
        snprintf(want, sizeof(want), "<data key=\"x\">%s</data>", x);
        AG_CHECK(after && strstr(after, want) != NULL);
    }
    free(before);
    free(after);
    free(cyjs);
    ag_graph_free(g);
}

/* The fallback steps a supervising host walks through when a step runs out
 * of time: their engines, the note the picture then carries, and the bytes
 * that carry a layout between processes. */
static void test_export_layout__steps_and_bytes(void)
{
    ag_graph *g = ring(120, NULL, NULL);
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    ag_layout_options lo = AG_LAYOUT_OPTIONS_INIT;
    ag_layout *lay = NULL, *back = NULL;
    char *saved = NULL, *svg, *html, *direct, *via;
    size_t saved_len = 0, n = 0, i;
    const double *xy;

    opts.layout = "dot";
    AG_CHECK_STR(ag_layout_step_engine(g, &opts, 0), "dot");
    AG_CHECK_STR(ag_layout_step_engine(g, &opts, 1), "sfdp");
    AG_CHECK_STR(ag_layout_step_engine(g, &opts, 2), "sfdp with fewer iterations, overlaps kept");
    AG_CHECK(ag_layout_step_engine(g, &opts, 3) == NULL);
    AG_CHECK(ag_format_needs_layout(AG_FORMAT_CYJS) && !ag_format_needs_layout(AG_FORMAT_DOT));

    lo.step = 2;
    lo.budget = 0.001;
    AG_CHECK_INT(ag_layout_compute(&lay, ctx, g, &opts, &lo), AG_OK);
    xy = ag_layout_positions(lay, &n);
    AG_CHECK(xy != NULL && n == ag_graph_actor_count(g));
    AG_CHECK_INT(ag_layout_save(&saved, &saved_len, ctx, lay), AG_OK);
    AG_CHECK_INT(ag_layout_load(&back, ctx, g, saved, saved_len), AG_OK);
    for (i = 0; back && i < 2 * n; i++)
        AG_CHECK(ag_layout_positions(back, NULL)[i] == xy[i]);
    svg = NULL;
    AG_CHECK_INT(ag_export_with_layout(&svg, NULL, ctx, g, AG_FORMAT_SVG, &opts, back), AG_OK);
    AG_CHECK(svg && strstr(svg, "<!--  layout: sfdp with fewer iterations, overlaps kept, as dot and sfdp "
                                "took longer than 0.001 s  -->") != NULL);
    html = NULL;
    AG_CHECK_INT(ag_export_with_layout(&html, NULL, ctx, g, AG_FORMAT_HTML, &opts, back), AG_OK);
    AG_CHECK(html && strstr(html, "layout sfdp") != NULL);
    /* a layout for svg has no PNG drawing; any layout has positions */
    AG_CHECK_INT(ag_export_with_layout(&via, NULL, ctx, g, AG_FORMAT_PNG, &opts, back), AG_EINVAL);
    AG_CHECK_INT(ag_export_with_layout(&via, NULL, ctx, g, AG_FORMAT_GRAPHML, &opts, back), AG_OK);
    free(via);
    free(svg);
    free(html);

    /* bytes that are not a whole layout of this graph are refused */
    ag_layout_free(back);
    AG_CHECK_INT(ag_layout_load(&back, ctx, g, saved, saved_len - 1), AG_EPARSE);
    AG_CHECK(back == NULL);
    AG_CHECK_INT(ag_layout_load(&back, ctx, g, saved, 10), AG_EPARSE);
    {
        ag_graph *other = ring(6, NULL, NULL); /* not the graph it was made for */
        AG_CHECK_INT(ag_layout_load(&back, ctx, other, saved, saved_len), AG_EPARSE);
        ag_graph_free(other);
    }
    saved[0] ^= 1;
    AG_CHECK_INT(ag_layout_load(&back, ctx, g, saved, saved_len), AG_EPARSE);
    free(saved);
    ag_layout_free(lay);
    lay = NULL;

    /* computed here or in another process: the same bytes out */
    lo = (ag_layout_options)AG_LAYOUT_OPTIONS_INIT;
    lo.format = AG_FORMAT_SVG;
    AG_CHECK_INT(ag_layout_compute(&lay, ctx, g, &opts, &lo), AG_OK);
    AG_CHECK_INT(ag_layout_save(&saved, &saved_len, ctx, lay), AG_OK);
    AG_CHECK_INT(ag_layout_load(&back, ctx, g, saved, saved_len), AG_OK);
    direct = export(g, AG_FORMAT_SVG, &opts, NULL);
    via = NULL;
    AG_CHECK_INT(ag_export_with_layout(&via, NULL, ctx, g, AG_FORMAT_SVG, &opts, back), AG_OK);
    AG_CHECK(direct && via && strcmp(direct, via) == 0 && strstr(via, "took longer") == NULL);
    free(direct);
    free(via);
    free(saved);
    ag_layout_free(lay);
    ag_layout_free(back);

    lo.step = 3;
    AG_CHECK_INT(ag_layout_compute(&lay, ctx, g, &opts, &lo), AG_EINVAL);
    opts.layout = "nonsense";
    AG_CHECK_INT(ag_export(&svg, NULL, ctx, g, AG_FORMAT_GEXF, &opts), AG_EINVAL);
    AG_CHECK_INT(ag_export_layout(g, ctx, &opts), AG_EINVAL);
    opts.layout = "sfdp-fast";
    AG_CHECK_INT(ag_layout_compute(&lay, ctx, g, &opts, NULL), AG_EINVAL);
    ag_graph_free(g);
}

static void test_export_layout__gexf_time(void)
{
    ag_graph *dated = ring(6, "2031-05-06T09:30:00Z", NULL), *undated = ring(6, "May 2031", NULL);
    char *a = export(dated, AG_FORMAT_GEXF, NULL, NULL), *b = export(undated, AG_FORMAT_GEXF, NULL, NULL);

    AG_CHECK(a && strstr(a, "mode=\"dynamic\" timeformat=\"date\"") != NULL);
    AG_CHECK(a && strstr(a, "<spell start=\"2031-05-06\" end=\"2031-05-06\"/>") != NULL);
    AG_CHECK(a && strstr(a, "kind=\"meets\"") != NULL);
    AG_CHECK(b && strstr(b, "mode=\"static\"") != NULL && strstr(b, "<spell") == NULL);
    free(a);
    free(b);
    ag_graph_free(dated);
    ag_graph_free(undated);
}

static void test_export_layout__html_and_links_are_safe(void)
{
    ag_graph *g = NULL, *bad = NULL;
    size_t x, y;
    ag_evidence ev = {"d.txt", 0, 0, 10, "</script><script>alert(2)</script><!-- said", "r", 0.9};
    char *html, *svg, *p;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_add_document(g, ctx, "d.txt", "2031-01-02", "https://x.test/a b?q=\"1\"&r=<2>", NULL), AG_OK);
    AG_CHECK_INT(ag_graph_add_actor(g, ctx, &x, "</script><script>alert(1)</script>", AG_ACTOR_PERSON), AG_OK);
    AG_CHECK_INT(ag_graph_add_actor(g, ctx, &y, "Other <!-- Name", AG_ACTOR_MEDIA), AG_OK);
    AG_CHECK_INT(ag_graph_add_edge(g, ctx, x, y, "quoted_by", &ev), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    html = export(g, AG_FORMAT_HTML, NULL, NULL);
    /* the data script: nothing the HTML parser could take for a tag */
    p = html ? strstr(html, "<script type=\"application/json\" id=\"ag-data\">") : NULL;
    AG_CHECK(p != NULL);
    if (p) {
        char *end = strstr(p + 10, "</script>"), *q;
        AG_CHECK(end != NULL);
        for (q = strchr(p, '>') + 1; end && q < end; q++)
            AG_CHECK(*q != '<');
        AG_CHECK(strstr(p, "\\u003c/script>\\u003cscript>alert(1)") != NULL);
    }
    AG_CHECK(html && strstr(html, "<script>alert") == NULL);
    AG_CHECK(html && strstr(html, "https://x.test/a%20b?q=%221%22&r=%3C2%3E") != NULL);
    svg = export(g, AG_FORMAT_SVG, NULL, NULL);
    AG_CHECK(svg && strstr(svg, "xlink:href=\"https://x.test/a%20b?q=%221%22&amp;r=%3C2%3E\"") != NULL);
    free(html);
    free(svg);

    /* only http(s) addresses become links */
    AG_CHECK_INT(ag_graph_new(&bad, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_add_document(bad, ctx, "d.txt", NULL, "javascript:alert(3)", NULL), AG_OK);
    AG_CHECK_INT(ag_graph_add_actor(bad, ctx, &x, "One", AG_ACTOR_PERSON), AG_OK);
    AG_CHECK_INT(ag_graph_add_actor(bad, ctx, &y, "Two", AG_ACTOR_PERSON), AG_OK);
    AG_CHECK_INT(ag_graph_add_edge(bad, ctx, x, y, "meets", &ev), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(bad, ctx), AG_OK);
    html = export(bad, AG_FORMAT_HTML, NULL, NULL);
    svg = export(bad, AG_FORMAT_SVG, NULL, NULL);
    AG_CHECK(html && strstr(html, "javascript:") == NULL);
    AG_CHECK(svg && strstr(svg, "javascript:") == NULL && strstr(svg, "xlink:href") == NULL);
    free(html);
    free(svg);
    ag_graph_free(bad);
    ag_graph_free(g);
}

static void test_export_layout__pictures(void)
{
    ag_graph *g = ring(8, "2031-05-06", "https://x.test/ring");
    size_t la, lb;
    char *a = export(g, AG_FORMAT_PDF, NULL, &la), *b = export(g, AG_FORMAT_PDF, NULL, &lb), *png;

    AG_CHECK(a && la > 5 && memcmp(a, "%PDF-", 5) == 0);
    AG_CHECK(a && b && la == lb && memcmp(a, b, la) == 0);
    /* cairo's clock time replaced by a fixed stamp */
    AG_CHECK(a && contains(a, la, "/CreationDate (D:20000101000000"));
    png = export(g, AG_FORMAT_PNG, NULL, &la);
    AG_CHECK(png && la > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(a);
    free(b);
    free(png);
    ag_graph_free(g);
}

int main(void)
{
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    AG_RUN(test_export_layout__one_layout_for_every_format);
    AG_RUN(test_export_layout__steps_and_bytes);
    AG_RUN(test_export_layout__gexf_time);
    AG_RUN(test_export_layout__html_and_links_are_safe);
    AG_RUN(test_export_layout__pictures);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
