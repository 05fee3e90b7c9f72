/* actorgraph tests: merging saved graphs equals one run, at the library
 * level.  Partial graphs (one per article, as ag_extract makes them) are
 * merged directly ("one run") and through the JSON a shard would be saved
 * as (finalize, export, ag_graph_from_json, merge); the two must give the
 * same bytes, in any grouping.  Exit 77 when only the known type-vote
 * difference shows (see test_pipeline_merge__type_votes). */
#include <stdlib.h>
#include <string.h>

#include <actorgraph/actorgraph.h>

#include "check.h"

static ag_ctx *ctx;

typedef struct {
    const char *label;
    ag_actor_type type;
    int votes; /* how many entities of the article named it */
    const char *alias;
} spec_actor;

typedef struct {
    int source, target;
    const char *relation;
} spec_edge;

typedef struct {
    const char *doc;
    spec_actor actors[6];
    spec_edge edges[6];
} spec;

static ag_graph *article(const spec *s)
{
    ag_graph *g = NULL;
    size_t idx[6] = {0};

    AG_CHECK(ag_graph_new(&g, ctx) == AG_OK);
    AG_CHECK(ag_graph_add_document(g, ctx, s->doc, "2025-02-01", NULL, s->doc) == AG_OK);
    for (int i = 0; i < 6 && s->actors[i].label; i++) {
        for (int v = 0; v < (s->actors[i].votes ? s->actors[i].votes : 1); v++)
            AG_CHECK(ag_graph_add_actor(g, ctx, &idx[i], s->actors[i].label, s->actors[i].type) == AG_OK);
        if (s->actors[i].alias)
            AG_CHECK(ag_graph_add_alias(g, ctx, idx[i], s->actors[i].alias) == AG_OK);
        AG_CHECK(ag_graph_add_mentions(g, ctx, idx[i], s->doc, (uint32_t)(i + 1)) == AG_OK);
    }
    for (int i = 0; i < 6 && s->edges[i].relation; i++) {
        ag_evidence ev = {s->doc, (uint32_t)i, (uint32_t)(10 * i), (uint32_t)(10 * i + 9), "A stated fact.",
                          "test.rule", 0.7};
        AG_CHECK(ag_graph_add_edge(g, ctx, idx[s->edges[i].source], idx[s->edges[i].target], s->edges[i].relation,
                                   &ev) == AG_OK);
    }
    return g;
}

static char *json(const ag_graph *g)
{
    char *out = NULL;
    size_t len;
    AG_CHECK(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, NULL) == AG_OK);
    return out;
}

/* As a shard: finalized, saved, read back. */
static ag_graph *saved(const ag_graph *g0)
{
    ag_graph *g = NULL, *copy = NULL, *back = NULL;
    char *text;

    AG_CHECK(ag_graph_new(&copy, ctx) == AG_OK);
    AG_CHECK(ag_graph_merge(copy, ctx, g0) == AG_OK);
    AG_CHECK(ag_graph_finalize(copy, ctx) == AG_OK);
    text = json(copy);
    if (text)
        AG_CHECK(ag_graph_from_json(&back, ctx, text, strlen(text), "shard") == AG_OK);
    free(text);
    ag_graph_free(copy);
    g = back;
    return g;
}

/* merge and finalize a list of graphs into a new one */
static ag_graph *merged(ag_graph **parts, int n)
{
    ag_graph *g = NULL;

    AG_CHECK(ag_graph_new(&g, ctx) == AG_OK);
    for (int i = 0; i < n; i++)
        AG_CHECK(parts[i] && ag_graph_merge(g, ctx, parts[i]) == AG_OK);
    AG_CHECK(ag_graph_finalize(g, ctx) == AG_OK);
    return g;
}

/* 1 when one run over @p specs and the merge of their saved shards (flat,
 * left- and right-grouped) give the same JSON. */
static int shards_equal_one_run(const spec *specs, int n)
{
    ag_graph *parts[8], *shards[8], *one, *flat, *ab, *bc, *ab_saved, *bc_saved, *pair[2], *left, *right;
    char *a, *b, *l, *r;
    int same;

    for (int i = 0; i < n; i++) {
        parts[i] = article(&specs[i]);
        shards[i] = saved(parts[i]);
    }
    one = merged(parts, n);
    flat = merged(shards, n);
    /* (A B) C and A (B C), each step saved as JSON in between */
    ab = merged(shards, 2);
    pair[0] = ab_saved = saved(ab);
    pair[1] = shards[2];
    left = merged(pair, 2);
    bc = merged(shards + 1, 2);
    pair[0] = shards[0];
    pair[1] = bc_saved = saved(bc);
    right = merged(pair, 2);
    a = json(one);
    b = json(flat);
    l = json(left);
    r = json(right);
    same = a && b && l && r && !strcmp(a, b) && !strcmp(b, l) && !strcmp(b, r);
    if (!same && a && b)
        fprintf(stderr, "one run:\n%s\nmerged shards:\n%s\n", a, b);
    free(a);
    free(b);
    free(l);
    free(r);
    ag_graph_free(ab_saved);
    ag_graph_free(bc_saved);
    ag_graph_free(one);
    ag_graph_free(flat);
    ag_graph_free(ab);
    ag_graph_free(bc);
    ag_graph_free(left);
    ag_graph_free(right);
    for (int i = 0; i < n; i++) {
        ag_graph_free(parts[i]);
        ag_graph_free(shards[i]);
    }
    return same;
}

static const spec news[3] = {
    {"n1.txt",
     {{"Ada Marlowe", AG_ACTOR_PERSON, 1, "Marlowe"},
      {"Union of Example Workers", AG_ACTOR_ORGANIZATION, 1, NULL},
      {"Ruritania", AG_ACTOR_COUNTRY, 1, NULL},
      {"Daily Wire Service", AG_ACTOR_MEDIA, 1, "DWS"}},
     {{0, 1, "member_of"}, {0, 3, "quoted_by"}, {1, 2, "opposes"}}},
    {"n2.txt",
     {{"Marlowe", AG_ACTOR_PERSON, 1, NULL},
      {"UEW", AG_ACTOR_UNKNOWN, 1, NULL},
      {"Ruritania", AG_ACTOR_COUNTRY, 1, NULL},
      {"Ben Castell", AG_ACTOR_PERSON, 1, NULL}},
     {{0, 1, "member_of"}, {3, 2, "role_of"}, {0, 3, "meets"}}},
    {"n3.txt",
     {{"Ben Castell", AG_ACTOR_PERSON, 1, NULL},
      {"DWS", AG_ACTOR_MEDIA, 1, NULL},
      {"Ruritania", AG_ACTOR_COUNTRY, 2, NULL},
      {"Ada Marlowe", AG_ACTOR_PERSON, 1, NULL}},
     {{0, 1, "quoted_by"}, {3, 0, "meets"}, {0, 2, "role_of"}}},
};

static void test_pipeline_merge__shards_equal_one_run(void)
{
    AG_CHECK(shards_equal_one_run(news, 3));
}

/* Whether the known difference shows: an actor named twice as a person in
 * one article and once as an organization in each of two others is a
 * person in one run (2 votes to 2, ties go to person) but an organization
 * after the shards were saved, since JSON keeps the type and not its votes.
 * Fixed once the JSON carries the votes ("type_votes"). */
static int type_votes_survive(void)
{
    static const spec votes[3] = {
        {"v1.txt", {{"Jordan Vale", AG_ACTOR_PERSON, 2, NULL}, {"Sam Reed", AG_ACTOR_PERSON, 1, NULL}},
         {{0, 1, "told"}}},
        {"v2.txt", {{"Jordan Vale", AG_ACTOR_ORGANIZATION, 1, NULL}, {"Sam Reed", AG_ACTOR_PERSON, 1, NULL}},
         {{0, 1, "told"}}},
        {"v3.txt", {{"Jordan Vale", AG_ACTOR_ORGANIZATION, 1, NULL}, {"Sam Reed", AG_ACTOR_PERSON, 1, NULL}},
         {{0, 1, "told"}}},
    };
    return shards_equal_one_run(votes, 3);
}

/* Whether the JSON exporter writes the votes; from then on a difference
 * is a failure, not the known issue. */
static int json_has_votes(void)
{
    ag_graph *g = article(&news[0]);
    char *text;
    int has;

    AG_CHECK(ag_graph_finalize(g, ctx) == AG_OK);
    text = json(g);
    has = text && strstr(text, "\"type_votes\"") != NULL;
    free(text);
    ag_graph_free(g);
    return has;
}

static void test_pipeline_merge__type_votes(void)
{
    AG_CHECK(type_votes_survive());
}

int main(void)
{
    int votes_ok;

    if (ag_ctx_new(&ctx) < 0)
        return 1;
    AG_RUN(test_pipeline_merge__shards_equal_one_run);
    if (json_has_votes()) {
        AG_RUN(test_pipeline_merge__type_votes);
        ag_ctx_free(ctx);
        return AG_TEST_END();
    }
    votes_ok = type_votes_survive();
    ag_ctx_free(ctx);
    if (!votes_ok && !ag_test_failed_) {
        printf("known issue: type votes are lost in saved JSON, so an actor typed differently across "
               "articles can get another type from merged shards than from one run\n");
        return 77;
    }
    return AG_TEST_END();
}
