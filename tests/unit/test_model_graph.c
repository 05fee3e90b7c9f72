/* actorgraph tests: the model (src/model): finding actors by any name,
 * evidence dedup, merge, surname and acronym resolution, ids, finalize
 * idempotence, merge-order independence, JSON round trip and JSON errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "actorgraph/actorgraph.h"
#include "check.h"
#include "model/model_internal.h"

static ag_ctx *ctx;

static size_t actor(ag_graph *g, const char *name, ag_actor_type t)
{
    size_t i = (size_t)-1;

    AG_CHECK_INT(ag_graph_add_actor(g, ctx, &i, name, t), AG_OK);
    return i;
}

static void ev_edge(ag_graph *g, size_t s, size_t t, const char *rel, const char *doc, uint32_t sent,
                    const char *rule, double conf)
{
    ag_evidence ev = {doc, sent, sent * 100, sent * 100 + 40, "An invented sentence.", rule, conf};

    AG_CHECK_INT(ag_graph_add_edge(g, ctx, s, t, rel, &ev), AG_OK);
}

static char *export_json(const ag_graph *g)
{
    char *out = NULL;
    size_t len;

    AG_CHECK_INT(ag_export(&out, &len, ctx, g, AG_FORMAT_JSON, NULL), AG_OK);
    AG_CHECK(out && strlen(out) == len);
    return out;
}

static void test_model_graph__add_finds_by_any_alias(void)
{
    ag_graph *g;
    size_t a, b;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    a = actor(g, "Ada Marlowe", AG_ACTOR_UNKNOWN);
    AG_CHECK_INT(ag_graph_add_alias(g, ctx, a, "Minister Ada"), AG_OK);
    AG_CHECK_INT(actor(g, "ada-marlowe", AG_ACTOR_PERSON), a);  /* case, hyphen */
    AG_CHECK_INT(actor(g, "Ms. Ada Marlowe", AG_ACTOR_ORGANIZATION), a);
    AG_CHECK_INT(actor(g, "MINISTER ADA", AG_ACTOR_UNKNOWN), a);
    AG_CHECK_INT(ag_graph_actor(g, a)->type, AG_ACTOR_PERSON); /* UNKNOWN took the first type */
    b = actor(g, "Ben Okafor", AG_ACTOR_PERSON);
    AG_CHECK(a != b);
    AG_CHECK_INT(ag_graph_actor_count(g), 2);
    AG_CHECK_INT(ag_graph_find_actor(g, "Ben Okafor"), b);
    AG_CHECK_INT(ag_graph_find_actor(g, "minister ada"), a);
    AG_CHECK_INT(ag_graph_find_actor(g, "Nobody"), -1);
    /* empty after cleaning, self-loops, bad indices */
    AG_CHECK_INT(ag_graph_add_actor(g, ctx, &a, " \x01\t ", AG_ACTOR_PERSON), AG_EINVAL);
    AG_CHECK_INT(ag_graph_add_edge(g, ctx, b, b, "told", NULL), AG_EINVAL);
    AG_CHECK_INT(ag_graph_add_edge(g, ctx, b, 99, "told", NULL), AG_EINVAL);
    AG_CHECK_INT(ag_graph_add_mentions(g, ctx, 99, "d", 1), AG_EINVAL);
    ag_graph_free(g);
}

static void test_model_graph__evidence_deduplicated(void)
{
    ag_graph *g;
    size_t a, b;
    const ag_edge *e;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    a = actor(g, "Ada Marlowe", AG_ACTOR_PERSON);
    b = actor(g, "Harbor Daily", AG_ACTOR_MEDIA);
    ev_edge(g, a, b, "quoted_by", "d1", 3, "r1", 0.5);
    ev_edge(g, a, b, "quoted_by", "d1", 3, "r1", 0.9); /* same (doc, sentence, rule) */
    ev_edge(g, a, b, "quoted_by", "d1", 3, "r2", 0.4); /* another rule */
    ev_edge(g, a, b, "quoted_by", "d2", 0, "r1", 0.7);
    ev_edge(g, a, b, "told", "d2", 0, "r1", 0.7);     /* parallel relation */
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_edge_count(g), 2);
    e = ag_graph_edge(g, 0);
    AG_CHECK_STR(e->relation, "quoted_by");
    AG_CHECK_INT(e->n_evidence, 3);
    AG_CHECK_INT(e->weight, 2); /* distinct documents */
    AG_CHECK(fabs(e->confidence - 0.9) < 1e-12);
    AG_CHECK_STR(e->evidence[0].rule, "r1");
    AG_CHECK_STR(e->evidence[2].doc, "d2");
    AG_CHECK_INT(ag_graph_document_count(g), 2);
    ag_graph_free(g);
}

/* Evidence of one edge in a capped graph, given in a scrambled order. */
static ag_graph *capped_graph(size_t max, int reverse, const char *prefix)
{
    ag_graph *g;
    size_t a, b, c, k;
    char doc[16];

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_set_max_evidence(g, ctx, max), AG_OK);
    a = actor(g, "Ada Marlowe", AG_ACTOR_PERSON);
    b = actor(g, "Harbor Daily", AG_ACTOR_MEDIA);
    c = actor(g, "Marlowe", AG_ACTOR_PERSON); /* joins Ada Marlowe at finalize */
    for (k = 0; k < 12; k++) {
        size_t i = reverse ? 11 - k : (k * 5) % 12;
        snprintf(doc, sizeof(doc), "%s%02zu", prefix, i / 2);
        ev_edge(g, i % 3 ? a : c, b, "quoted_by", doc, (uint32_t)(i % 2), "r1", 0.1 + 0.05 * (double)i);
        ev_edge(g, a, b, "quoted_by", doc, (uint32_t)(i % 2), "r1", 0.2); /* a repeat */
    }
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    return g;
}

static void test_model_graph__max_evidence_keeps_first_and_counts_all(void)
{
    ag_graph *one = capped_graph(3, 0, "d"), *two = capped_graph(3, 1, "d"), *all = capped_graph(0, 0, "d");
    ag_graph *other = capped_graph(3, 1, "e"), *sum;
    const ag_edge *e = ag_graph_edge(one, 0);
    char *j1 = export_json(one), *j2 = export_json(two), *j3;
    ag_graph *back;

    AG_CHECK_INT(ag_graph_edge_count(one), 1);
    AG_CHECK_INT(e->n_evidence, 3);
    AG_CHECK_INT(e->evidence_count, 12);
    AG_CHECK_INT(e->weight, 6);
    AG_CHECK(fabs(e->confidence - 0.65) < 1e-12); /* from a dropped piece */
    AG_CHECK_STR(e->evidence[0].doc, "d00");
    AG_CHECK_STR(e->evidence[2].doc, "d01");
    AG_CHECK_STR(j1, j2); /* the order of arrival does not matter */
    AG_CHECK_INT(ag_graph_edge(all, 0)->n_evidence, 12);
    AG_CHECK_INT(ag_graph_edge(all, 0)->evidence_count, 12);
    AG_CHECK(strstr(j1, "\"evidence_count\":\t12") != NULL);
    AG_CHECK(strstr(j3 = export_json(all), "evidence_count") == NULL);
    /* read back, the counts hold; merged with another file they add up */
    AG_CHECK_INT(ag_graph_from_json(&back, ctx, j1, strlen(j1), "one.json"), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(back, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_edge(back, 0)->evidence_count, 12);
    AG_CHECK_INT(ag_graph_edge(back, 0)->weight, 6);
    AG_CHECK_INT(ag_graph_new(&sum, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_set_max_evidence(sum, ctx, 2), AG_OK);
    AG_CHECK_INT(ag_graph_merge(sum, ctx, back), AG_OK);
    AG_CHECK_INT(ag_graph_merge(sum, ctx, other), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(sum, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_edge(sum, 0)->n_evidence, 2);
    AG_CHECK_STR(ag_graph_edge(sum, 0)->evidence[1].doc, "d00");
    AG_CHECK_INT(ag_graph_edge(sum, 0)->evidence_count, 24);
    AG_CHECK_INT(ag_graph_edge(sum, 0)->weight, 12);
    AG_CHECK_INT(ag_graph_set_max_evidence(sum, ctx, 5), AG_EINVAL);
    free(j1);
    free(j2);
    free(j3);
    ag_graph_free(one);
    ag_graph_free(two);
    ag_graph_free(other);
    ag_graph_free(all);
    ag_graph_free(back);
    ag_graph_free(sum);
}

/* "Land0007's intelligence agency" joins the one intelligence body that is a
 * member of Land0007, among thousands of bodies (each description looks at
 * its candidates' own member_of edges, not at every edge). */
/* A made-up word for @p i (consonant, vowel, consonant, vowel: never a
 * doubled letter, which name keys fold). */
static void word_of(char out[5], size_t i)
{
    static const char c[] = "bdfgklmnprstvz", v[] = "aeiou";

    out[0] = (char)(c[(i / 350) % 14] - 'a' + 'A');
    out[1] = v[(i / 70) % 5];
    out[2] = c[(i / 5) % 14];
    out[3] = v[i % 5];
    out[4] = '\0';
}

static void test_model_graph__descriptions_join_in_a_large_graph(void)
{
    ag_graph *g;
    char name[64], w[5];
    size_t i, body, land, desc;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    for (i = 0; i < 3000; i++) {
        word_of(w, i);
        snprintf(name, sizeof(name), "%s Intelligence Service", w);
        body = actor(g, name, AG_ACTOR_ORGANIZATION);
        snprintf(name, sizeof(name), "Land %s", w);
        land = actor(g, name, AG_ACTOR_COUNTRY);
        ev_edge(g, body, land, "member_of", "d1", (uint32_t)i, "r1", 0.9);
        if (i % 15 == 0) {
            snprintf(name, sizeof(name), "Land %s's intelligence agency", w);
            desc = actor(g, name, AG_ACTOR_ORGANIZATION);
            ev_edge(g, desc, land, "met", "d2", (uint32_t)i, "r1", 0.9);
        }
    }
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), 6000);
    word_of(w, 15);
    snprintf(name, sizeof(name), "Land %s's intelligence agency", w);
    i = (size_t)ag_graph_find_actor(g, name);
    snprintf(name, sizeof(name), "%s Intelligence Service", w);
    AG_CHECK_INT(i, ag_graph_find_actor(g, name));
    ag_graph_free(g);
}

static void test_model_graph__merge_meets_by_alias(void)
{
    ag_graph *one, *two;
    size_t a, c;

    AG_CHECK_INT(ag_graph_new(&one, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_new(&two, ctx), AG_OK);
    a = actor(one, "Republic of Estoria", AG_ACTOR_COUNTRY);
    AG_CHECK_INT(ag_graph_add_alias(one, ctx, a, "Estoria"), AG_OK);
    AG_CHECK_INT(ag_graph_add_mentions(one, ctx, a, "d1", 2), AG_OK);
    c = actor(two, "Estoria", AG_ACTOR_UNKNOWN);
    AG_CHECK_INT(ag_graph_add_mentions(two, ctx, c, "d2", 5), AG_OK);
    AG_CHECK_INT(ag_graph_add_document(two, ctx, "d2", "2031-01-01", NULL, "Title"), AG_OK);
    AG_CHECK_INT(ag_graph_merge(one, ctx, two), AG_OK);
    AG_CHECK_INT(ag_graph_merge(one, ctx, one), AG_EINVAL);
    AG_CHECK_INT(ag_graph_finalize(one, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(one), 1);
    AG_CHECK_STR(ag_graph_actor(one, 0)->label, "Republic of Estoria");
    AG_CHECK_STR(ag_graph_actor(one, 0)->id, "republic-of-estoria");
    AG_CHECK_INT(ag_graph_actor(one, 0)->type, AG_ACTOR_COUNTRY);
    AG_CHECK_INT(ag_graph_actor(one, 0)->mentions, 7);
    AG_CHECK_INT(ag_graph_actor(one, 0)->n_docs, 2);
    AG_CHECK_INT(ag_graph_actor(one, 0)->n_aliases, 1);
    {
        const char *date = NULL, *title = NULL;
        AG_CHECK_STR(ag_graph_document(one, 1, &date, NULL, &title), "d2");
        AG_CHECK_STR(date, "2031-01-01");
        AG_CHECK_STR(title, "Title");
    }
    ag_graph_free(one);
    ag_graph_free(two);
}

static void test_model_graph__surname_joins_only_one_person(void)
{
    ag_graph *g;
    size_t i;

    /* one person of that surname: joined */
    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    actor(g, "Ada Marlowe", AG_ACTOR_PERSON);
    actor(g, "Marlowe", AG_ACTOR_PERSON);
    actor(g, "Okafor", AG_ACTOR_ORGANIZATION); /* not a person: never joined */
    actor(g, "Ben Okafor", AG_ACTOR_PERSON);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), 3);
    AG_CHECK_STR(ag_graph_actor(g, 0)->label, "Ada Marlowe");
    AG_CHECK_STR(ag_graph_actor(g, 0)->aliases[0], "Marlowe");
    ag_graph_free(g);

    /* two people share it: the surname stays alone */
    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    actor(g, "Ada Marlowe", AG_ACTOR_PERSON);
    actor(g, "Ben Marlowe", AG_ACTOR_PERSON);
    actor(g, "Marlowe", AG_ACTOR_PERSON);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), 3);
    for (i = 0; i < 3; i++)
        AG_CHECK_INT(ag_graph_actor(g, i)->n_aliases, 0);
    ag_graph_free(g);
}

static void test_model_graph__acronym_joins(void)
{
    ag_graph *g;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    actor(g, "United Shipping Council", AG_ACTOR_ORGANIZATION);
    actor(g, "USC", AG_ACTOR_UNKNOWN);
    actor(g, "Union of Port Workers", AG_ACTOR_GROUP);
    actor(g, "U.P.W.", AG_ACTOR_GROUP);
    actor(g, "Nordic Trade League", AG_ACTOR_ORGANIZATION);
    actor(g, "Northern Trade Lobby", AG_ACTOR_ORGANIZATION);
    actor(g, "NTL", AG_ACTOR_ORGANIZATION); /* ambiguous: stays */
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), 5);
    AG_CHECK_INT(ag_graph_find_actor(g, "USC"), ag_graph_find_actor(g, "United Shipping Council"));
    AG_CHECK_INT(ag_graph_find_actor(g, "U.P.W."), ag_graph_find_actor(g, "Union of Port Workers"));
    AG_CHECK_STR(ag_graph_actor(g, (size_t)ag_graph_find_actor(g, "USC"))->label, "United Shipping Council");
    AG_CHECK_INT(ag_graph_actor(g, (size_t)ag_graph_find_actor(g, "USC"))->type, AG_ACTOR_ORGANIZATION);
    ag_graph_free(g);
}

static void test_model_graph__ids_are_slugs_without_collisions(void)
{
    ag_graph *g;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    actor(g, "Zo\xC3\xAB O'Hara-Li", AG_ACTOR_PERSON);   /* Zoë */
    actor(g, "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD", AG_ACTOR_PERSON); /* Cyrillic: no ASCII form */
    actor(g, "\xD0\x9F\xD1\x91\xD1\x82\xD1\x80", AG_ACTOR_PERSON);
    actor(g, "Actor", AG_ACTOR_UNKNOWN);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    AG_CHECK_INT(ag_graph_actor_count(g), 4);
    AG_CHECK_STR(ag_graph_actor(g, 0)->id, "actor");
    AG_CHECK_STR(ag_graph_actor(g, 1)->id, "zoe-o-hara-li");
    AG_CHECK_STR(ag_graph_actor(g, 2)->id, "actor-2");
    AG_CHECK_STR(ag_graph_actor(g, 3)->id, "actor-3");
    ag_graph_free(g);
}

/* Three invented articles; @p only < 0 builds all into @p g. */
static void article(ag_graph *g, int which)
{
    size_t a, b, c, d;
    char doc[16];

    snprintf(doc, sizeof(doc), "art-%d.txt", which);
    AG_CHECK_INT(ag_graph_add_document(g, ctx, doc, "2031-05-0", NULL, NULL), AG_OK);
    switch (which) {
    case 0:
        a = actor(g, "Ada Marlowe", AG_ACTOR_PERSON);
        b = actor(g, "United Shipping Council", AG_ACTOR_ORGANIZATION);
        c = actor(g, "Harbor Daily", AG_ACTOR_MEDIA);
        ag_graph_add_mentions(g, ctx, a, doc, 2);
        ag_graph_add_mentions(g, ctx, b, doc, 1);
        ev_edge(g, a, b, "communicates_with", doc, 1, "comm", 0.8);
        ev_edge(g, a, c, "quoted_by", doc, 2, "attr", 0.7);
        break;
    case 1:
        a = actor(g, "Marlowe", AG_ACTOR_PERSON);
        b = actor(g, "USC", AG_ACTOR_UNKNOWN);
        c = actor(g, "Ben Okafor", AG_ACTOR_PERSON);
        d = actor(g, "Estoria", AG_ACTOR_COUNTRY);
        ag_graph_add_mentions(g, ctx, a, doc, 1);
        ag_graph_add_mentions(g, ctx, c, doc, 3);
        ev_edge(g, a, b, "communicates_with", doc, 0, "comm", 0.6);
        ev_edge(g, c, b, "role_of", doc, 4, "role", 0.9);
        ev_edge(g, c, d, "accuses", doc, 5, "conflict", 0.5);
        break;
    default:
        a = actor(g, "Okafor", AG_ACTOR_PERSON);
        b = actor(g, "Republic of Estoria", AG_ACTOR_COUNTRY);
        AG_CHECK_INT(ag_graph_add_alias(g, ctx, b, "Estoria"), AG_OK);
        c = actor(g, "Harbor Daily", AG_ACTOR_MEDIA);
        ag_graph_add_mentions(g, ctx, a, doc, 1);
        ag_graph_add_mentions(g, ctx, b, doc, 2);
        ev_edge(g, a, b, "accuses", doc, 0, "conflict", 0.55);
        ev_edge(g, c, a, "cites", doc, 1, "attr", 0.65);
        break;
    }
}

static void test_model_graph__merge_order_and_idempotence(void)
{
    static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    ag_graph *single, *all;
    char *want, *got;
    int o, k;

    /* one run: every article straight into one graph */
    AG_CHECK_INT(ag_graph_new(&single, ctx), AG_OK);
    for (k = 0; k < 3; k++)
        article(single, k);
    AG_CHECK_INT(ag_graph_finalize(single, ctx), AG_OK);
    want = export_json(single);
    AG_CHECK_INT(ag_graph_actor_count(single), 5);
    /* finalize again: nothing changes */
    AG_CHECK_INT(ag_graph_finalize(single, ctx), AG_OK);
    got = export_json(single);
    AG_CHECK(want && got && strcmp(want, got) == 0);
    free(got);
    for (o = 0; o < 6; o++) {
        AG_CHECK_INT(ag_graph_new(&all, ctx), AG_OK);
        for (k = 0; k < 3; k++) {
            ag_graph *part;
            AG_CHECK_INT(ag_graph_new(&part, ctx), AG_OK);
            article(part, orders[o][k]);
            if (o % 2) /* finalized parts must merge the same way */
                AG_CHECK_INT(ag_graph_finalize(part, ctx), AG_OK);
            AG_CHECK_INT(ag_graph_merge(all, ctx, part), AG_OK);
            ag_graph_free(part);
        }
        AG_CHECK_INT(ag_graph_finalize(all, ctx), AG_OK);
        got = export_json(all);
        if (!want || !got || strcmp(want, got) != 0) {
            fprintf(stderr, "order %d differs:\n%s\n---\n%s\n", o, want, got);
            AG_CHECK(0);
        }
        free(got);
        ag_graph_free(all);
    }
    free(want);
    ag_graph_free(single);
}

static void test_model_graph__metrics(void)
{
    ag_graph *g;
    size_t a, b, c, i;
    double sum = 0;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    a = actor(g, "Alpha One", AG_ACTOR_PERSON);
    b = actor(g, "Beta Two", AG_ACTOR_PERSON);
    c = actor(g, "Gamma Three", AG_ACTOR_PERSON);
    actor(g, "Delta Alone", AG_ACTOR_PERSON);
    ev_edge(g, a, b, "told", "d1", 0, "r", 1);
    ev_edge(g, a, b, "told", "d2", 0, "r", 1);
    ev_edge(g, b, c, "meets", "d1", 1, "r", 1);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    for (i = 0; i < ag_graph_actor_count(g); i++)
        sum += ag_graph_actor(g, i)->pagerank;
    AG_CHECK(fabs(sum - 1.0) < 1e-9);
    /* sorted: Alpha One, Beta Two, Delta Alone, Gamma Three */
    AG_CHECK_STR(ag_graph_actor(g, 1)->label, "Beta Two");
    AG_CHECK(ag_graph_actor(g, 1)->degree == 2.0);
    AG_CHECK(ag_graph_actor(g, 1)->weighted_degree == 3.0);
    AG_CHECK(ag_graph_actor(g, 1)->betweenness == 1.0);
    AG_CHECK_INT(ag_graph_actor(g, 0)->community, 0);
    AG_CHECK_INT(ag_graph_actor(g, 2)->degree, 0);
    AG_CHECK(ag_graph_actor(g, 2)->community != ag_graph_actor(g, 0)->community);
    ag_graph_free(g);
}

static void test_model_graph__json_round_trip(void)
{
    ag_graph *g, *back = NULL, *back2 = NULL;
    char *one, *two = NULL, *three = NULL;
    int k;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    for (k = 0; k < 3; k++)
        article(g, k);
    AG_CHECK_INT(ag_graph_add_document(g, ctx, "art-0.txt", NULL, "https://example.org/?a=1&b=\"2\"",
                                       "T\xC3\xADtulo \\ <b>"), AG_OK);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    one = export_json(g);
    AG_CHECK_INT(ag_graph_from_json(&back, ctx, one, strlen(one), "one.json"), AG_OK);
    if (back)
        two = export_json(back);
    AG_CHECK(one && two && strcmp(one, two) == 0);
    /* and the read graph merges like the original */
    AG_CHECK_INT(ag_graph_from_json(&back2, ctx, one, strlen(one), "one.json"), AG_OK);
    if (back && back2) {
        AG_CHECK_INT(ag_graph_merge(back, ctx, back2), AG_OK);
        AG_CHECK_INT(ag_graph_finalize(back, ctx), AG_OK);
        three = export_json(back);
        AG_CHECK(three && strstr(three, "\"mentions\":\t6") != NULL);
    }
    free(one);
    free(two);
    free(three);
    ag_graph_free(g);
    ag_graph_free(back);
    ag_graph_free(back2);
}

static void test_model_graph__bad_json_has_offset(void)
{
    static const char bad[] = "{\"graph\": {\"nodes\": {\"a\": {\"label\": \"A\"},}}}";
    static const char trailing[] = "{\"graph\": {}} x";
    static const char wrong[] = "{\"graph\": {\"edges\": [{\"source\": \"nope\", \"target\": \"x\"}]}}";
    ag_graph *g = NULL;

    AG_CHECK_INT(ag_graph_from_json(&g, ctx, bad, strlen(bad), "bad.json"), AG_EPARSE);
    AG_CHECK(g == NULL);
    {
        /* cJSON points at or just after the offending '}' (byte 41) */
        const char *m = strstr(ag_ctx_errmsg(ctx), "bad.json: byte ");
        long off = m ? strtol(m + 15, NULL, 10) : -1;
        AG_CHECK(off >= 40 && off <= 42);
    }
    AG_CHECK_INT(ag_graph_from_json(&g, ctx, trailing, strlen(trailing), "t.json"), AG_EPARSE);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "byte 14") != NULL);
    AG_CHECK_INT(ag_graph_from_json(&g, ctx, wrong, strlen(wrong), "w.json"), AG_EPARSE);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "nope") != NULL);
    AG_CHECK_INT(ag_graph_from_json(&g, ctx, "", 0, "empty.json"), AG_EPARSE);
    AG_CHECK_INT(ag_graph_from_json(&g, ctx, "[1,2]", 5, "arr.json"), AG_EPARSE);
    AG_CHECK_INT(ag_graph_from_json(&g, ctx, "{\"graph\":{}}", 12, "min.json"), AG_OK);
    AG_CHECK(g && ag_graph_actor_count(g) == 0);
    ag_graph_free(g);
}

/* An igraph failure must come back as AG_EDEP with igraph's reason, not abort. */
static void test_model_graph__igraph_error_is_reported(void)
{
    igraph_error_handler_t *host;
    ag_graph *g;
    size_t a, b, saved;

    AG_CHECK_INT(ag_graph_new(&g, ctx), AG_OK);
    a = actor(g, "Alpha One", AG_ACTOR_PERSON);
    b = actor(g, "Beta Two", AG_ACTOR_PERSON);
    ev_edge(g, a, b, "told", "d1", 0, "r", 1);
    AG_CHECK_INT(ag_graph_finalize(g, ctx), AG_OK);
    saved = g->edges[0].target;
    g->edges[0].target = (size_t)-1; /* becomes vertex -1 for igraph */
    AG_CHECK_INT(ag_graph__metrics(g, ctx), AG_EDEP);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "igraph: igraph_create") != NULL);
    fprintf(stderr, "(expected) %s\n", ag_ctx_errmsg(ctx));
    g->edges[0].target = saved;
    /* and igraph still works; the host's igraph state is its own again: its
     * error handler, no attribute table (the default) */
    host = igraph_set_error_handler(igraph_error_handler_printignore);
    AG_CHECK_INT(ag_graph__metrics(g, ctx), AG_OK);
    AG_CHECK(igraph_set_attribute_table(NULL) == NULL);
    AG_CHECK(igraph_set_error_handler(host) == igraph_error_handler_printignore);
    ag_graph_free(g);
}

static void test_model_graph__types(void)
{
    ag_actor_type t;

    AG_CHECK_STR(ag_actor_type_name(AG_ACTOR_MEDIA), "media");
    AG_CHECK_STR(ag_actor_type_name((ag_actor_type)99), "unknown");
    AG_CHECK_INT(ag_actor_type_parse(&t, ctx, "country"), AG_OK);
    AG_CHECK_INT(t, AG_ACTOR_COUNTRY);
    AG_CHECK_INT(ag_actor_type_parse(&t, ctx, "planet"), AG_EINVAL);
}

int main(void)
{
    if (ag_ctx_new(&ctx) < 0)
        return 1;
    AG_RUN(test_model_graph__add_finds_by_any_alias);
    AG_RUN(test_model_graph__evidence_deduplicated);
    AG_RUN(test_model_graph__merge_meets_by_alias);
    AG_RUN(test_model_graph__surname_joins_only_one_person);
    AG_RUN(test_model_graph__acronym_joins);
    AG_RUN(test_model_graph__ids_are_slugs_without_collisions);
    AG_RUN(test_model_graph__merge_order_and_idempotence);
    AG_RUN(test_model_graph__metrics);
    AG_RUN(test_model_graph__json_round_trip);
    AG_RUN(test_model_graph__bad_json_has_offset);
    AG_RUN(test_model_graph__igraph_error_is_reported);
    AG_RUN(test_model_graph__types);
    AG_RUN(test_model_graph__max_evidence_keeps_first_and_counts_all);
    AG_RUN(test_model_graph__descriptions_join_in_a_large_graph);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
