/* actorgraph golden test: build a fixed graph through the public API (two
 * invented articles merged, so surname and acronym resolution run), finalize
 * it and write every format into the directory given as argv[1]:
 * graph.json, .dot, .graphml, .svg, .gexf, .cyjs, .html, .png, .pdf.  With --hostile, write
 * hostile.* instead: a graph of names built to break escaping, which the
 * consumer tests (tests/consumers) feed to dot, xmllint, networkx and igraph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"

/* Graphviz's plugin config, fontconfig and pango keep caches they never free;
 * LeakSanitizer (asan preset) would blame us for them. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}

#define TRY(call)                                                                      \
    do {                                                                               \
        if ((call) < 0) {                                                              \
            fprintf(stderr, "golden_graph: %s: %s\n", #call, ag_ctx_errmsg(ctx));      \
            return 1;                                                                  \
        }                                                                              \
    } while (0)

static int edge(ag_graph *g, ag_ctx *ctx, size_t s, size_t t, const char *rel, const char *doc,
                uint32_t sentence, uint32_t start, const char *text, const char *rule, double conf)
{
    ag_evidence ev = {doc, sentence, start, start + (uint32_t)strlen(text), text, rule, conf};

    return ag_graph_add_edge(g, ctx, s, t, rel, &ev);
}

/* Article one: a minister of an invented country calls an invented company. */
static int article_one(ag_graph *g, ag_ctx *ctx)
{
    const char *d = "harbor-01.txt";
    size_t ada, estoria, ministry, council, daily;

    TRY(ag_graph_add_document(g, ctx, d, "2031-04-02", "https://example.org/harbor/01?a=1&b=2",
                              "Estoria & the \"Harbor\" talks"));
    TRY(ag_graph_add_actor(g, ctx, &ada, "Ada Marlowe", AG_ACTOR_PERSON));
    TRY(ag_graph_add_mentions(g, ctx, ada, d, 3));
    TRY(ag_graph_add_actor(g, ctx, &estoria, "Republic of Estoria", AG_ACTOR_COUNTRY));
    TRY(ag_graph_add_alias(g, ctx, estoria, "Estoria"));
    TRY(ag_graph_add_mentions(g, ctx, estoria, d, 4));
    TRY(ag_graph_add_actor(g, ctx, &ministry, "Estorian Ministry of Ports", AG_ACTOR_ORGANIZATION));
    TRY(ag_graph_add_mentions(g, ctx, ministry, d, 1));
    TRY(ag_graph_add_actor(g, ctx, &council, "United Shipping Council", AG_ACTOR_ORGANIZATION));
    TRY(ag_graph_add_mentions(g, ctx, council, d, 2));
    TRY(ag_graph_add_actor(g, ctx, &daily, "Harbor Daily", AG_ACTOR_MEDIA));
    TRY(ag_graph_add_mentions(g, ctx, daily, d, 1));
    TRY(edge(g, ctx, ada, ministry, "role_of", d, 0, 0,
             "Ada Marlowe, head of the Estorian Ministry of Ports, spoke on Tuesday.", "role.appos", 0.9));
    TRY(edge(g, ctx, ada, council, "communicates_with", d, 1, 72,
             "Marlowe spoke by phone with the United Shipping Council.", "comm.phone", 0.8));
    TRY(edge(g, ctx, ada, daily, "quoted_by", d, 2, 129,
             "\"We remain open to talks,\" Marlowe told Harbor Daily.", "attr.told_media", 0.85));
    TRY(edge(g, ctx, ministry, estoria, "member_of", d, 0, 0,
             "Ada Marlowe, head of the Estorian Ministry of Ports, spoke on Tuesday.", "member.adj", 0.7));
    return 0;
}

/* Article two: the surname alone, the acronym, a new person and a group. */
static int article_two(ag_graph *g, ag_ctx *ctx)
{
    const char *d = "harbor-02.txt";
    size_t marlowe, usc, ben, dockers, estoria;

    TRY(ag_graph_add_document(g, ctx, d, "2031-04-03", NULL, "Dockers back the council"));
    TRY(ag_graph_add_actor(g, ctx, &marlowe, "Marlowe", AG_ACTOR_PERSON));
    TRY(ag_graph_add_mentions(g, ctx, marlowe, d, 2));
    TRY(ag_graph_add_actor(g, ctx, &usc, "USC", AG_ACTOR_ORGANIZATION));
    TRY(ag_graph_add_mentions(g, ctx, usc, d, 3));
    TRY(ag_graph_add_actor(g, ctx, &ben, "Ben Okafor", AG_ACTOR_PERSON));
    TRY(ag_graph_add_mentions(g, ctx, ben, d, 2));
    TRY(ag_graph_add_actor(g, ctx, &dockers, "Coastal Dockers' Union", AG_ACTOR_GROUP));
    TRY(ag_graph_add_mentions(g, ctx, dockers, d, 1));
    TRY(ag_graph_add_actor(g, ctx, &estoria, "Estoria", AG_ACTOR_UNKNOWN));
    TRY(ag_graph_add_mentions(g, ctx, estoria, d, 1));
    TRY(edge(g, ctx, marlowe, usc, "communicates_with", d, 0, 0,
             "Marlowe and the USC exchanged letters on Wednesday.", "comm.exchange", 0.75));
    TRY(edge(g, ctx, marlowe, usc, "negotiates_with", d, 0, 0, /* a parallel relation */
             "Marlowe and the USC exchanged letters on Wednesday.", "neg.letters", 0.5));
    TRY(edge(g, ctx, ben, usc, "role_of", d, 1, 53,
             "Ben Okafor, a USC spokesman, said <talks> would resume \\ soon.", "role.appos", 0.9));
    TRY(edge(g, ctx, dockers, usc, "supports", d, 2, 120,
             "The Coastal Dockers' Union backs the USC & its members.", "coop.backs", 0.6));
    TRY(edge(g, ctx, ben, estoria, "accuses", d, 3, 178,
             "Okafor accused Estoria of stalling.", "conflict.accuse", 0.65));
    return 0;
}

/* Names that break naive escaping in one format or another. */
static int hostile(ag_graph *g, ag_ctx *ctx)
{
    static const char *const names[] = {
        "Quote \"Q\" O'Neil", "Back\\slash\\", "A & B <script>alert(1)</script>",
        "Ctl\x01\x02\x1f\x7fName", "\xF0\x9F\xA6\x8A Fox Media", "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D RTL",
        "&amp; pre-escaped &lt;b&gt;", "]]> --> <!-- x", "\\N \\G \\n escapes", "Bad \xC3\x28 UTF-8 \xFF"};
    const char *d = "hostile \"doc\" & <1>.txt";
    size_t n = sizeof(names) / sizeof(names[0]), idx[16], i;
    static char longname[10001];

    for (i = 0; i < 10000; i++)
        longname[i] = (char)('A' + i % 26);
    TRY(ag_graph_add_document(g, ctx, d, "2031-01-01", "https://example.org/?q=a&r=<b>\"c\"", "T\\ & <t>"));
    for (i = 0; i < n; i++) {
        TRY(ag_graph_add_actor(g, ctx, &idx[i], names[i], (ag_actor_type)(i % AG_ACTOR_TYPE_COUNT_)));
        TRY(ag_graph_add_mentions(g, ctx, idx[i], d, (uint32_t)i + 1));
    }
    TRY(ag_graph_add_actor(g, ctx, &idx[n], longname, AG_ACTOR_PERSON));
    TRY(ag_graph_add_alias(g, ctx, idx[0], "alias \"; & \\"));
    for (i = 0; i < n; i++)
        TRY(edge(g, ctx, idx[i], idx[i + 1], i % 2 ? "told" : "says_about", d, (uint32_t)i, 0,
                 names[(i + 3) % n], "rule <&> \"\\", 0.5));
    TRY(edge(g, ctx, idx[n], idx[0], "other", d, 99, 0, longname, "long", 1.0));
    return 0;
}

static int write_file(const char *dir, const char *name, const char *bytes, size_t len)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    if (!(f = fopen(path, "wb")) || fwrite(bytes, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "golden_graph: cannot write %s\n", path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const struct {
        ag_format fmt;
        const char *file;
    } outs[] = {{AG_FORMAT_JSON, "json"}, {AG_FORMAT_DOT, "dot"},   {AG_FORMAT_GRAPHML, "graphml"},
                {AG_FORMAT_SVG, "svg"},   {AG_FORMAT_GEXF, "gexf"}, {AG_FORMAT_CYJS, "cyjs"},
                {AG_FORMAT_HTML, "html"}, {AG_FORMAT_PNG, "png"},   {AG_FORMAT_PDF, "pdf"}};
    ag_ctx *ctx = NULL;
    ag_graph *one = NULL, *two = NULL, *all = NULL;
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    const char *dir = argv[argc - 1], *prefix = "graph";
    char file[64];
    size_t i;

    if (argc == 3 && strcmp(argv[1], "--hostile") == 0) {
        prefix = "hostile";
    } else if (argc != 2) {
        fprintf(stderr, "usage: golden_graph [--hostile] OUTDIR\n");
        return 2;
    }
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    TRY(ag_graph_new(&one, ctx));
    TRY(ag_graph_new(&two, ctx));
    TRY(ag_graph_new(&all, ctx));
    if (strcmp(prefix, "hostile") == 0 ? hostile(one, ctx) : (article_one(one, ctx) || article_two(two, ctx)))
        return 1;
    TRY(ag_graph_merge(all, ctx, one));
    TRY(ag_graph_merge(all, ctx, two));
    TRY(ag_graph_finalize(all, ctx));
    opts.title = "Harbor talks (golden)";
    for (i = 0; i < sizeof(outs) / sizeof(outs[0]); i++) {
        char *bytes;
        size_t len;
        TRY(ag_export(&bytes, &len, ctx, all, outs[i].fmt, &opts));
        snprintf(file, sizeof(file), "%s.%s", prefix, outs[i].file);
        if (write_file(dir, file, bytes, len))
            return 1;
        free(bytes);
    }
    ag_graph_free(one);
    ag_graph_free(two);
    ag_graph_free(all);
    ag_ctx_free(ctx);
    return 0;
}
