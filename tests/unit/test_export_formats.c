/* actorgraph tests: the exporters (src/export): format names, the default
 * layout, and hostile names (quotes, trailing backslash, &, <script>, control
 * characters, emoji, RTL mark, a 10,000-character name) in every format, each
 * read back by a real parser: cJSON and our reader, cgraph, xmllint. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <graphviz/cgraph.h>

#include "actorgraph/actorgraph.h"
#include "check.h"

/* Graphviz's plugin config, fontconfig and pango keep caches they never free;
 * LeakSanitizer (asan preset) would blame us for them. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}

static ag_ctx *ctx;

static const char *const hostile[] = {
    "Quote \"Q\" O'Neil",
    "Back\\slash\\",
    "A & B <script>alert(1)</script>",
    "Ctl\x01\x02\x1f\x7fName\tTab",
    "\xF0\x9F\xA6\x8A Fox Media",               /* emoji */
    "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Shalom", /* RTL mark + Hebrew */
    "\\N \\G \\L \\n label escapes",
    "&amp; already &lt;escaped&gt;",
    "]]> -- <!-- cdata",
    "Bad UTF-8 \xC3\x28 here \xFF",
};

static ag_graph *hostile_graph(void)
{
    ag_graph *g = NULL;
    size_t idx[16], n = sizeof(hostile) / sizeof(hostile[0]), i;
    char *longname = malloc(10001);

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    if (!longname || !g)
        return g;
    for (i = 0; i < 10000; i++)
        longname[i] = (char)('a' + i % 26);
    longname[10000] = '\0';
    AG_CHECK_INT(ag_graph_add_document(g, ctx, "doc \"1\" & <2>", "2031", "https://x.test/?a=1&b=<2>",
                                       "Title \\ \x01 end"), AG_OK);
    for (i = 0; i < n; i++) {
        AG_CHECK_INT(ag_graph_add_actor(g, ctx, &idx[i], hostile[i], (ag_actor_type)(i % 7)), AG_OK);
        AG_CHECK_INT(ag_graph_add_mentions(g, ctx, idx[i], "doc \"1\" & <2>", 1), AG_OK);
    }
    AG_CHECK_INT(ag_graph_add_actor(g, ctx, &idx[n], longname, AG_ACTOR_PERSON), AG_OK);
    AG_CHECK_INT(ag_graph_add_alias(g, ctx, idx[0], "Alias; with \"quotes\" & \\"), AG_OK);
    for (i = 0; i < n; i++) {
        ag_evidence ev = {"doc \"1\" & <2>", (uint32_t)i, 0, 5, NULL, "rule<&>\"", 0.5};
        ev.text = hostile[(i + 1) % n];
        AG_CHECK_INT(ag_graph_add_edge(g, ctx, idx[i], idx[i + 1], i % 2 ? "told" : "says_about", &ev), AG_OK);
    }
    {
        ag_evidence ev = {"d2", 0, 0, 10000, longname, "long", 1.0};
        AG_CHECK_INT(ag_graph_add_edge(g, ctx, idx[n], idx[0], "other", &ev), AG_OK);
    }
    free(longname);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), n + 1);
    return g;
}

static int no_control_chars(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return 0;
    }
    return 1;
}

/* 1 if xmllint accepts the bytes, 0 if not, -1 if xmllint is missing. */
static int xmllint_ok(const char *bytes, size_t len, const char *tag)
{
    char path[256], cmd[512];
    FILE *f;
    int rc;

    if (system("command -v xmllint >/dev/null 2>&1") != 0)
        return -1;
    snprintf(path, sizeof(path), "test_export_formats.%s.xml", tag);
    if (!(f = fopen(path, "wb")))
        return 0;
    fwrite(bytes, 1, len, f);
    fclose(f);
    snprintf(cmd, sizeof(cmd), "xmllint --noout %s", path);
    rc = system(cmd);
    if (rc == 0)
        remove(path);
    return rc == 0;
}

static void test_export_formats__hostile_json(void)
{
    ag_graph *g = hostile_graph(), *back = NULL;
    char *out = NULL, *again = NULL;
    size_t len = 0, len2 = 0;

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, NULL), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    AG_CHECK_INT(ag_graph_from_json(&back, ctx, out, len, "hostile.json"), AG_OK);
    if (back)
        AG_CHECK_INT(ag_export(&again, &len2, ctx, back, AG_FORMAT_JSON, NULL), AG_OK);
    AG_CHECK(again && len == len2 && memcmp(out, again, len) == 0);
    AG_CHECK(out && strstr(out, "<script>alert(1)</script>") != NULL); /* JSON needs no XML escaping */
    AG_CHECK(out && strstr(out, "\\u0001") == NULL);
    AG_CHECK(out && strstr(out, "Bad UTF-8 \xEF\xBF\xBD( here \xEF\xBF\xBD") != NULL);
    free(out);
    free(again);
    ag_graph_free(back);
    ag_graph_free(g);
}

static void test_export_formats__hostile_dot(void)
{
    ag_graph *g = hostile_graph();
    char *out = NULL;
    size_t len = 0, i;
    Agraph_t *G;

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_DOT, NULL), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    G = out ? agmemread(out) : NULL;
    AG_CHECK(G != NULL);
    if (G) {
        Agnode_t *n;
        /* the legend is part of the graph label: no extra nodes */
        AG_CHECK_INT(agnnodes(G), ag_graph_actor_count(g));
        AG_CHECK_INT(agnedges(G), ag_graph_edge_count(g));
        for (i = 0; i < ag_graph_actor_count(g); i++) {
            const ag_actor *a = ag_graph_actor(g, i);
            AG_CHECK((n = agnode(G, a->id, 0)) != NULL);
        }
        n = agnode(G, (char *)ag_graph_actor(g, (size_t)ag_graph_find_actor(g, "Back\\slash\\"))->id, 0);
        AG_CHECK(n && strcmp(agget(n, "label"), "Back\\\\slash\\\\") == 0);
        agclose(G);
    }
    free(out);
    ag_graph_free(g);
}

static void test_export_formats__hostile_graphml_and_svg(void)
{
    ag_graph *g = hostile_graph();
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len = 0;
    int ok;

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_GRAPHML, NULL), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    AG_CHECK(out && strstr(out, "&lt;script&gt;") != NULL && strstr(out, "<script>") == NULL);
    AG_CHECK(out && strstr(out, "<data key=\"aliases\"></data>") == NULL);
    ok = out ? xmllint_ok(out, len, "graphml") : 0;
    AG_CHECK(ok != 0);
    free(out);
    out = NULL;
    opts.title = "Title <&> \"\\\x01";
    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_SVG, &opts), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    AG_CHECK(out && strstr(out, "<svg") != NULL && strstr(out, "<script>") == NULL);
    ok = out ? xmllint_ok(out, len, "svg") : 0;
    AG_CHECK(ok != 0);
    free(out);
    ag_graph_free(g);
}

/* GEXF, Cytoscape JSON and the HTML report of the hostile graph: each
 * parses with its kind of reader and carries every name whole (the Python
 * consumer tests read them with networkx, a browser's parser and Chromium). */
static void test_export_formats__hostile_gexf_cyjs_html(void)
{
    ag_graph *g = hostile_graph();
    char *out = NULL;
    size_t len = 0, i;
    cJSON *root, *nodes, *n;
    int ok;

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_GEXF, NULL), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    AG_CHECK(out && strstr(out, "label=\"A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;\"") != NULL);
    AG_CHECK(out && strstr(out, "<script>") == NULL);
    ok = out ? xmllint_ok(out, len, "gexf") : 0;
    AG_CHECK(ok != 0);
    free(out);

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_CYJS, NULL), AG_OK);
    root = out ? cJSON_Parse(out) : NULL;
    AG_CHECK(root != NULL);
    nodes = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "elements"), "nodes");
    AG_CHECK_INT(cJSON_GetArraySize(nodes), ag_graph_actor_count(g));
    i = 0;
    cJSON_ArrayForEach(n, nodes) {
        const ag_actor *a = ag_graph_actor(g, i++);
        cJSON *data = cJSON_GetObjectItem(n, "data");
        AG_CHECK(a && cJSON_IsString(cJSON_GetObjectItem(data, "label")) &&
                 strcmp(cJSON_GetObjectItem(data, "label")->valuestring, a->label) == 0);
        AG_CHECK(cJSON_IsNumber(cJSON_GetObjectItem(cJSON_GetObjectItem(n, "position"), "x")));
    }
    cJSON_Delete(root);
    free(out);

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_HTML, NULL), AG_OK);
    AG_CHECK(out && no_control_chars(out, len));
    AG_CHECK(out && strstr(out, "<script>alert") == NULL);
    AG_CHECK(out && strstr(out, "A & B \\u003cscript>alert(1)\\u003c/script>") != NULL);
    AG_CHECK(out && strstr(out, "\"Back\\\\slash\\\\\"") != NULL); /* JSON-escaped in the data */
    /* the long name travels whole in the data, cut only in the drawing */
    for (i = 0, len = 0; i < ag_graph_actor_count(g); i++) {
        const ag_actor *a = ag_graph_actor(g, i);
        if (strlen(a->label) == 10000 && ++len)
            AG_CHECK(out && strstr(out, a->label) != NULL);
    }
    AG_CHECK_INT(len, 1);
    free(out);
    ag_graph_free(g);
}

static void test_export_formats__deterministic(void)
{
    ag_graph *g = hostile_graph();
    int f;

    for (f = 0; f < AG_FORMAT_COUNT_; f++) {
        char *a = NULL, *b = NULL;
        size_t la = 0, lb = 0;
        AG_CHECK_INT(ag_export(&a, &la, ctx, g, (ag_format)f, NULL), AG_OK);
        AG_CHECK_INT(ag_export(&b, &lb, ctx, g, (ag_format)f, NULL), AG_OK);
        AG_CHECK(a && b && la == lb && memcmp(a, b, la) == 0);
        free(a);
        free(b);
    }
    ag_graph_free(g);
}

static void test_export_formats__names_and_options(void)
{
    ag_format f;
    ag_graph *g;
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len, i;

    AG_CHECK_INT(ag_format_parse(&f, ctx, "graphml"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_GRAPHML);
    AG_CHECK_INT(ag_format_parse(&f, ctx, "gexf"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_GEXF);
    AG_CHECK_INT(ag_format_parse(&f, ctx, "GEXF"), AG_EINVAL);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "g.cyjs"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_CYJS);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "report.HTML"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_HTML);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "g.png"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_PNG);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "g.pdf"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_PDF);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "out/Graph.SVG"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_SVG);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "a.gv"), AG_OK);
    AG_CHECK_INT(f, AG_FORMAT_DOT);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "a.dot/graph"), AG_EINVAL);
    AG_CHECK_INT(ag_format_from_path(&f, ctx, "noext"), AG_EINVAL);
    for (i = 0; i < AG_FORMAT_COUNT_; i++) {
        AG_CHECK_INT(ag_format_parse(&f, ctx, ag_format_name((ag_format)i)), AG_OK);
        AG_CHECK_INT(f, i);
    }
    AG_CHECK_STR(ag_format_name(AG_FORMAT_COUNT_), "unknown");

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_STR(ag_export_default_layout(g), "dot");
    /* an empty graph is still a valid file in every format */
    for (i = 0; i < AG_FORMAT_COUNT_; i++) {
        AG_CHECK_INT(ag_export(&out, &len, ctx, g, (ag_format)i, NULL), AG_OK);
        AG_CHECK(out && len > 0);
        free(out);
        out = NULL;
    }
    opts.layout = "bogus";
    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_SVG, &opts), AG_EINVAL);
    opts.layout = NULL;
    opts.version = 99;
    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, &opts), AG_EINVAL);
    for (i = 0; i < 60; i++) {
        char name[32];
        size_t idx;
        snprintf(name, sizeof(name), "Person Number %zu", i);
        AG_CHECK_INT(ag_graph_add_actor(g, ctx, &idx, name, AG_ACTOR_PERSON), AG_OK);
    }
    AG_CHECK_STR(ag_export_default_layout(g), "neato");
    ag_graph_free(g);
}

static void test_export_formats__numbers_ignore_locale(void)
{
    ag_graph *g = hostile_graph();
    char *out = NULL;
    size_t len;

    /* a comma-decimal locale, if this machine has one */
    if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") && !setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
        ag_graph_free(g);
        return;
    }
    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_GRAPHML, NULL), AG_OK);
    AG_CHECK(out && strstr(out, "<data key=\"confidence\">0.5</data>") != NULL);
    free(out);
    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, NULL), AG_OK);
    AG_CHECK(out && strstr(out, "\"confidence\":\t0.5") != NULL);
    free(out);
    setlocale(LC_NUMERIC, "C");
    ag_graph_free(g);
}

int main(void)
{
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    AG_RUN(test_export_formats__hostile_json);
    AG_RUN(test_export_formats__hostile_dot);
    AG_RUN(test_export_formats__hostile_graphml_and_svg);
    AG_RUN(test_export_formats__hostile_gexf_cyjs_html);
    AG_RUN(test_export_formats__deterministic);
    AG_RUN(test_export_formats__names_and_options);
    AG_RUN(test_export_formats__numbers_ignore_locale);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
