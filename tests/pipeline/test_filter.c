/* actorgraph tests: ag_graph_filter() on a small hand-built graph: each
 * filter alone, their order (types and relations before the ego network,
 * isolates last), what a subgraph keeps (evidence, documents, fresh
 * metrics) and the errors (unknown focus, unfinalized graph, bad version). */
#include <stdlib.h>
#include <string.h>

#include <actorgraph/actorgraph.h>

#include "check.h"

static ag_ctx *ctx;

/*
 * Ada Quill (person) -told-> Ben Roth (person)        d1, d2
 * Ben Roth -member_of-> Civic Union (organization)     d1
 * Civic Union -opposes-> Daria (country)               d2
 * Daria -quoted_by-> Echo News (media)                 d3
 * Grey Corp (organization) -supports-> Civic Union     d1, d2, d3
 * Finn Vale (person): mentioned in d4, no relation
 */
static void edge(ag_graph *g, size_t s, size_t t, const char *rel, const char *doc)
{
    ag_evidence ev = {doc, 1, 0, 20, "A sentence stating it.", "test.rule", 0.8};
    AG_CHECK(ag_graph_add_edge(g, ctx, s, t, rel, &ev) == AG_OK);
}

static size_t actor(ag_graph *g, const char *label, ag_actor_type type, const char *doc)
{
    size_t i = 0;
    AG_CHECK(ag_graph_add_actor(g, ctx, &i, label, type) == AG_OK);
    AG_CHECK(ag_graph_add_mentions(g, ctx, i, doc, 2) == AG_OK);
    return i;
}

static ag_graph *sample(void)
{
    ag_graph *g = NULL;
    size_t a, b, c, d, e, f, gr;

    AG_CHECK(ag_graph_new(&g, ctx) == AG_OK);
    for (int i = 1; i <= 4; i++) {
        char name[8], date[16];
        snprintf(name, sizeof(name), "d%d", i);
        snprintf(date, sizeof(date), "2025-01-1%d", i);
        AG_CHECK(ag_graph_add_document(g, ctx, name, date, NULL, NULL) == AG_OK);
    }
    a = actor(g, "Ada Quill", AG_ACTOR_PERSON, "d1");
    AG_CHECK(ag_graph_add_alias(g, ctx, a, "A. Quill") == AG_OK);
    b = actor(g, "Ben Roth", AG_ACTOR_PERSON, "d1");
    c = actor(g, "Civic Union", AG_ACTOR_ORGANIZATION, "d1");
    d = actor(g, "Daria", AG_ACTOR_COUNTRY, "d2");
    e = actor(g, "Echo News", AG_ACTOR_MEDIA, "d3");
    f = actor(g, "Finn Vale", AG_ACTOR_PERSON, "d4");
    gr = actor(g, "Grey Corp", AG_ACTOR_ORGANIZATION, "d1");
    (void)f;
    edge(g, a, b, "told", "d1");
    edge(g, a, b, "told", "d2");
    edge(g, b, c, "member_of", "d1");
    edge(g, c, d, "opposes", "d2");
    edge(g, d, e, "quoted_by", "d3");
    edge(g, gr, c, "supports", "d1");
    edge(g, gr, c, "supports", "d2");
    edge(g, gr, c, "supports", "d3");
    AG_CHECK(ag_graph_finalize(g, ctx) == AG_OK);
    return g;
}

/* The labels of @p g joined by "|", in graph order (sorted by label). */
static char *labels(const ag_graph *g)
{
    size_t n = ag_graph_actor_count(g), len = 1;
    char *out;

    for (size_t i = 0; i < n; i++)
        len += strlen(ag_graph_actor(g, i)->label) + 1;
    out = calloc(1, len);
    for (size_t i = 0; out && i < n; i++) {
        if (i)
            strcat(out, "|");
        strcat(out, ag_graph_actor(g, i)->label);
    }
    return out;
}

/* Filter the sample and compare the kept actors and the edge count. */
static ag_graph *expect(const ag_graph *g, const ag_filter_options *o, const char *want, size_t edges)
{
    ag_graph *h = NULL;
    char *got;

    AG_CHECK(ag_graph_filter(&h, ctx, g, o) == AG_OK);
    if (!h)
        return NULL;
    got = labels(h);
    AG_CHECK_STR(got, want);
    AG_CHECK_INT(ag_graph_edge_count(h), edges);
    free(got);
    return h;
}

static char *json(const ag_graph *g)
{
    char *out = NULL;
    size_t len;
    AG_CHECK(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, NULL) == AG_OK);
    return out;
}

static void test_pipeline_filter__no_filter_is_a_copy(void)
{
    ag_graph *g = sample(), *h = NULL;
    ag_filter_options none = AG_FILTER_OPTIONS_INIT;
    char *a, *b, *c;

    AG_CHECK(ag_graph_filter(&h, ctx, g, NULL) == AG_OK);
    a = json(g);
    b = json(h);
    AG_CHECK(a && b && strcmp(a, b) == 0);
    ag_graph_free(h);
    h = NULL;
    AG_CHECK(ag_graph_filter(&h, ctx, g, &none) == AG_OK);
    c = json(h);
    AG_CHECK(a && c && strcmp(a, c) == 0);
    free(a);
    free(b);
    free(c);
    ag_graph_free(h);
    ag_graph_free(g);
}

static void test_pipeline_filter__focus_and_depth(void)
{
    ag_graph *g = sample(), *h;
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;

    o.focus = "Ada Quill";
    o.depth = 0;
    ag_graph_free(expect(g, &o, "Ada Quill", 0));
    o.depth = 1;
    h = expect(g, &o, "Ada Quill|Ben Roth", 1);
    if (h) { /* metrics are the subgraph's */
        AG_CHECK(ag_graph_actor(h, 0)->degree == 1.0 && ag_graph_actor(h, 1)->degree == 1.0);
        AG_CHECK_INT(ag_graph_edge(h, 0)->weight, 2);
        AG_CHECK_INT(ag_graph_edge(h, 0)->n_evidence, 2);
        /* documents: those its actors and edges refer to */
        AG_CHECK_INT(ag_graph_document_count(h), 2);
    }
    ag_graph_free(h);
    o.depth = 2;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union", 2));
    o.depth = 3;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Daria|Grey Corp", 4));
    o.depth = 1000;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Daria|Echo News|Grey Corp", 5));
    /* edges are followed both ways: Echo News reaches Daria against the arrow */
    o.focus = "Echo News";
    o.depth = 1;
    ag_graph_free(expect(g, &o, "Daria|Echo News", 1));
    /* the id, an alias, other case and spacing find the actor */
    o.depth = 1;
    o.focus = "ada-quill";
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth", 1));
    o.focus = "A. Quill";
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth", 1));
    o.focus = "ADA  QUILL";
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth", 1));
    ag_graph_free(g);
}

static void test_pipeline_filter__min_weight(void)
{
    ag_graph *g = sample();
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;
    const char *all = "Ada Quill|Ben Roth|Civic Union|Daria|Echo News|Finn Vale|Grey Corp";

    o.min_weight = 0;
    ag_graph_free(expect(g, &o, all, 5));
    o.min_weight = 1;
    ag_graph_free(expect(g, &o, all, 5));
    o.min_weight = 2;
    ag_graph_free(expect(g, &o, all, 2));
    o.min_weight = 3;
    ag_graph_free(expect(g, &o, all, 1));
    o.min_weight = 4;
    ag_graph_free(expect(g, &o, all, 0));
    ag_graph_free(g);
}

static void test_pipeline_filter__types(void)
{
    ag_graph *g = sample();
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;

    o.types = AG_FILTER_TYPE(AG_ACTOR_PERSON) | AG_FILTER_TYPE(AG_ACTOR_ORGANIZATION);
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Finn Vale|Grey Corp", 3));
    o.types = AG_FILTER_TYPE(AG_ACTOR_MEDIA);
    ag_graph_free(expect(g, &o, "Echo News", 0));
    o.types = AG_FILTER_TYPE(AG_ACTOR_PLACE);
    ag_graph_free(expect(g, &o, "", 0));
    ag_graph_free(g);
}

static void test_pipeline_filter__relations(void)
{
    ag_graph *g = sample();
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;
    const char *const rels[] = {"told", "opposes", "no_such_relation"};

    o.relations = rels;
    o.n_relations = 3;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Daria|Echo News|Finn Vale|Grey Corp", 2));
    o.drop_isolates = 1;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Daria", 2));
    o.n_relations = 0; /* an empty list keeps no relation */
    ag_graph_free(expect(g, &o, "", 0));
    ag_graph_free(g);
}

static void test_pipeline_filter__drop_isolates(void)
{
    ag_graph *g = sample(), *h;
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;

    o.drop_isolates = 1;
    h = expect(g, &o, "Ada Quill|Ben Roth|Civic Union|Daria|Echo News|Grey Corp", 5);
    if (h) /* d4 only named Finn Vale */
        AG_CHECK_INT(ag_graph_document_count(h), 3);
    ag_graph_free(h);
    ag_graph_free(g);
}

static void test_pipeline_filter__order(void)
{
    ag_graph *g = sample();
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;

    /* the focus stays whatever its type; hops only through kept actors */
    o.focus = "Civic Union";
    o.types = AG_FILTER_TYPE(AG_ACTOR_PERSON);
    o.depth = 1;
    ag_graph_free(expect(g, &o, "Ben Roth|Civic Union", 1));
    o.depth = 2;
    ag_graph_free(expect(g, &o, "Ada Quill|Ben Roth|Civic Union", 2));
    /* the weight filter cuts the path before the ego network is taken */
    o.types = 0;
    o.depth = 5;
    o.min_weight = 2;
    ag_graph_free(expect(g, &o, "Civic Union|Grey Corp", 1));
    /* isolates go last: a focus left alone is dropped too */
    o.min_weight = 4;
    o.drop_isolates = 1;
    ag_graph_free(expect(g, &o, "", 0));
    ag_graph_free(g);
}

static void test_pipeline_filter__errors(void)
{
    ag_graph *g = sample(), *fresh = NULL, *h = (ag_graph *)1;
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;
    size_t i;

    o.focus = "Nobody Here";
    AG_CHECK_INT(ag_graph_filter(&h, ctx, g, &o), AG_EINVAL);
    AG_CHECK(h == NULL);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "Nobody Here") != NULL);
    o.focus = NULL;
    o.version = 99;
    AG_CHECK_INT(ag_graph_filter(&h, ctx, g, &o), AG_EINVAL);
    AG_CHECK(ag_graph_new(&fresh, ctx) == AG_OK);
    AG_CHECK(ag_graph_add_actor(fresh, ctx, &i, "Ada Quill", AG_ACTOR_PERSON) == AG_OK);
    AG_CHECK_INT(ag_graph_filter(&h, ctx, fresh, NULL), AG_EINVAL);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "finalized") != NULL);
    ag_graph_free(fresh);
    ag_graph_free(g);
}

static void test_pipeline_filter__result_is_canonical(void)
{
    ag_graph *g = sample(), *h = NULL, *back = NULL;
    ag_filter_options o = AG_FILTER_OPTIONS_INIT;
    char *a, *b = NULL;

    o.focus = "Grey Corp";
    o.depth = 2;
    AG_CHECK(ag_graph_filter(&h, ctx, g, &o) == AG_OK);
    a = json(h);
    /* read back and written again: the same bytes */
    if (a && ag_graph_from_json(&back, ctx, a, strlen(a), "filtered") == AG_OK)
        b = json(back);
    AG_CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    ag_graph_free(back);
    ag_graph_free(h);
    ag_graph_free(g);
}

int main(void)
{
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    AG_RUN(test_pipeline_filter__no_filter_is_a_copy);
    AG_RUN(test_pipeline_filter__focus_and_depth);
    AG_RUN(test_pipeline_filter__min_weight);
    AG_RUN(test_pipeline_filter__types);
    AG_RUN(test_pipeline_filter__relations);
    AG_RUN(test_pipeline_filter__drop_isolates);
    AG_RUN(test_pipeline_filter__order);
    AG_RUN(test_pipeline_filter__errors);
    AG_RUN(test_pipeline_filter__result_is_canonical);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
