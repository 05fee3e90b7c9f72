/* actorgraph tests: extraction through the public API on short texts we
 * wrote: names, coreference, roles, rules, evidence and negation. */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "check.h"
#include "extract/lexicon.h"

static ag_ctx *ctx;
static ag_lexicon *lex;

static ag_graph *extract(const char *s)
{
    ag_doc *doc = NULL;
    ag_text *t = NULL;
    ag_graph *g = NULL;
    AG_CHECK(ag_doc_new(&doc, ctx, "case.txt", s, strlen(s)) == AG_OK);
    AG_CHECK(ag_text_analyze(&t, ctx, doc, lex) == AG_OK);
    AG_CHECK(ag_extract(&g, ctx, lex, t, NULL) == AG_OK);
    if (g)
        AG_CHECK(ag_graph_finalize(g, ctx) == AG_OK);
    ag_text_free(t);
    ag_doc_free(doc);
    return g;
}

static const ag_actor *actor(const ag_graph *g, const char *label)
{
    long i = ag_graph_find_actor(g, label);
    return i < 0 ? NULL : ag_graph_actor(g, (size_t)i);
}

/* 1 if an edge label relates a and b (in that order). */
static int has_edge(const ag_graph *g, const char *a, const char *rel, const char *b)
{
    long ia = ag_graph_find_actor(g, a), ib = ag_graph_find_actor(g, b);
    size_t i;
    for (i = 0; ia >= 0 && ib >= 0 && i < ag_graph_edge_count(g); i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        if (e->source == (size_t)ia && e->target == (size_t)ib && !strcmp(e->relation, rel))
            return 1;
    }
    return 0;
}

static void test_extract_names__titles_make_people_and_roles(void)
{
    ag_graph *g = extract("Kenyan President Wanjiru Otieno met French Foreign Minister Claire Dubois in Nairobi on Tuesday.");
    const ag_actor *a = g ? actor(g, "Wanjiru Otieno") : NULL;
    AG_CHECK(a && a->type == AG_ACTOR_PERSON);
    AG_CHECK(g && actor(g, "Claire Dubois"));
    AG_CHECK(g && has_edge(g, "Wanjiru Otieno", "role_of", "Kenya"));
    AG_CHECK(g && has_edge(g, "Claire Dubois", "role_of", "France"));
    AG_CHECK(g && (has_edge(g, "Wanjiru Otieno", "meets", "Claire Dubois") || has_edge(g, "Claire Dubois", "meets", "Wanjiru Otieno")));
    ag_graph_free(g);
}

static void test_extract_coref__surname_joins_the_one_person(void)
{
    ag_graph *g = extract("Senator Maria Alvarez criticized the plan. Alvarez told Reuters the vote would fail.");
    size_t i, people = 0;
    for (i = 0; g && i < ag_graph_actor_count(g); i++)
        people += ag_graph_actor(g, i)->type == AG_ACTOR_PERSON;
    AG_CHECK_INT(people, 1);
    AG_CHECK(g && has_edge(g, "Maria Alvarez", "quoted_by", "Reuters"));
    ag_graph_free(g);
}

static void test_extract_coref__same_surname_stays_apart(void)
{
    ag_graph *g = extract("Coach Daniel Park praised striker Min-jun Park after the match. Park said the team was ready.");
    AG_CHECK(g && actor(g, "Daniel Park"));
    AG_CHECK(g && actor(g, "Min-jun Park"));
    AG_CHECK(g && !actor(g, "Park"));
    ag_graph_free(g);
}

static void test_extract_rules__evidence_is_kept(void)
{
    ag_graph *g = extract("Headline here\n\nThe Tanzanian government held talks with Kenya over the border.");
    size_t i;
    int found = 0;
    for (i = 0; g && i < ag_graph_edge_count(g); i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        if (!strcmp(e->relation, "negotiates_with")) {
            found = 1;
            AG_CHECK(e->n_evidence == 1);
            AG_CHECK(e->n_evidence && strstr(e->evidence[0].text, "held talks with Kenya") != NULL);
            AG_CHECK(e->n_evidence && e->evidence[0].sentence == 1);
            AG_CHECK(e->n_evidence && e->evidence[0].rule && !strncmp(e->evidence[0].rule, "neg.", 4));
        }
    }
    AG_CHECK(found);
    ag_graph_free(g);
}

static void test_extract_rules__negation_blocks_an_edge(void)
{
    ag_graph *g = extract("Chancellor Otto Brenner did not meet Prime Minister Ana Costa during the summit.");
    AG_CHECK(g && !has_edge(g, "Otto Brenner", "meets", "Ana Costa") && !has_edge(g, "Ana Costa", "meets", "Otto Brenner"));
    ag_graph_free(g);
}

static void test_extract_rules__acronym_and_owner(void)
{
    ag_graph *g = extract("Brazil's Federal Police Agency (FPA) said on Monday it had arrested three suspects. "
                          "The FPA told Reuters the operation continues.");
    const ag_actor *a = g ? actor(g, "Brazilian Federal Police Agency") : NULL;
    size_t i;
    int acronym = 0, owner_form = 0;
    /* one actor under the country's adjective, with the acronym and the owner's form as aliases */
    AG_CHECK(a && a->type == AG_ACTOR_ORGANIZATION);
    for (i = 0; a && i < a->n_aliases; i++) {
        acronym |= !strcmp(a->aliases[i], "FPA");
        owner_form |= !strcmp(a->aliases[i], "Brazil's Federal Police Agency");
    }
    AG_CHECK(acronym && owner_form);
    AG_CHECK(g && has_edge(g, "Brazilian Federal Police Agency", "member_of", "Brazil"));
    AG_CHECK(g && has_edge(g, "Brazilian Federal Police Agency", "quoted_by", "Reuters"));
    ag_graph_free(g);
}

static void test_extract_merge__description_joins_the_named_organization(void)
{
    const char *a = "Japan's National Police Agency (NPA) said on Monday it had arrested two men.";
    const char *b = "Japan's police agency said the suspects would be charged on Friday.";
    ag_doc *da = NULL, *db = NULL;
    ag_text *ta = NULL, *tb = NULL;
    ag_graph *ga = NULL, *gb = NULL, *all = NULL;
    size_t i, orgs = 0;

    AG_CHECK(ag_doc_new(&da, ctx, "a.txt", a, strlen(a)) == AG_OK && ag_doc_new(&db, ctx, "b.txt", b, strlen(b)) == AG_OK);
    AG_CHECK(ag_text_analyze(&ta, ctx, da, lex) == AG_OK && ag_text_analyze(&tb, ctx, db, lex) == AG_OK);
    AG_CHECK(ag_extract(&ga, ctx, lex, ta, NULL) == AG_OK && ag_extract(&gb, ctx, lex, tb, NULL) == AG_OK);
    AG_CHECK(ag_graph_new(&all, ctx) == AG_OK);
    AG_CHECK(ag_graph_merge(all, ctx, ga) == AG_OK && ag_graph_merge(all, ctx, gb) == AG_OK);
    AG_CHECK(ag_graph_finalize(all, ctx) == AG_OK);
    /* "Japan's police agency" is the one Japanese organization with "police" in its name */
    for (i = 0; all && i < ag_graph_actor_count(all); i++)
        orgs += ag_graph_actor(all, i)->type == AG_ACTOR_ORGANIZATION;
    AG_CHECK_INT(orgs, 1);
    ag_graph_free(ga);
    ag_graph_free(gb);
    ag_graph_free(all);
    ag_text_free(ta);
    ag_text_free(tb);
    ag_doc_free(da);
    ag_doc_free(db);
}

/* A lexicon's "channel" must be true or false; a platform marked so is an
 * actor only when a relation needs it. */
static void test_extract_lexicon__channel_field(void)
{
    static const char bad[] = "{\"actors\": [{\"name\": \"Chirp\", \"type\": \"media\", \"channel\": \"yes\"}]}";
    static const char good[] = "{\"actors\": [{\"name\": \"Chirp\", \"type\": \"media\", \"channel\": true}]}";
    ag_lexicon *own = NULL;
    ag_graph *g;

    AG_CHECK(ag_lexicon_new(&own, ctx) == AG_OK);
    AG_CHECK(ag_lexicon_add_json(own, ctx, bad, sizeof bad - 1, "bad.json") == AG_EPARSE);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "channel") != NULL);
    AG_CHECK(ag_lexicon_add_json(lex, ctx, good, sizeof good - 1, "good.json") == AG_OK);
    g = extract("Foreign Minister Lena Varga wrote on Chirp that the talks had failed.");
    AG_CHECK(g && actor(g, "Lena Varga") != NULL);
    AG_CHECK(g && actor(g, "Chirp") == NULL);
    ag_graph_free(g);
    ag_lexicon_free(own);
}

/* A name and a comma at the very end of a document, then only the words an
 * apposition would go on with: nothing may be read past the last token (the
 * sanitizer build runs this).  The lexicon's look-ups answer "nothing" at
 * the end itself. */
static void test_extract_bounds__apposition_at_the_end(void)
{
    static const char *const texts[] = {"The envoy met Lena Varga, the", "The envoy met Lena Varga, a",
                                        "The envoy met Lena Varga, the former", "Talks with Halvex, from",
                                        "Lena Varga,", "Varga, South"};
    size_t k;
    ag_doc *doc = NULL;
    ag_text *t = NULL;

    for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        ag_graph *g = extract(texts[k]);
        AG_CHECK(g != NULL);
        ag_graph_free(g);
    }
    AG_CHECK(ag_doc_new(&doc, ctx, "case.txt", "Seoul", 5) == AG_OK);
    AG_CHECK(ag_text_analyze(&t, ctx, doc, lex) == AG_OK);
    if (t) {
        uint32_t ph = 0, n = 0;
        AG_CHECK(ag_lexicon__match(lex, t->tokens, t->n_tokens, t->n_tokens, ~0u, &ph, &n) == 0);
    }
    ag_text_free(t);
    ag_doc_free(doc);
}

/* A reading tried and refused takes back what it added: each name of
 * "chairman of Ghana's Maria Lopez" is one mention, not one per attempt. */
static void test_extract_mentions__refused_readings_rewound(void)
{
    ag_graph *g = extract("Peter Rake is currently chairman of Ghana's Maria Lopez, officials said.");
    const ag_actor *a = g ? actor(g, "Maria Lopez") : NULL, *c = g ? actor(g, "Ghana") : NULL;
    AG_CHECK(a && a->mentions == 1);
    AG_CHECK(c && c->mentions == 1);
    ag_graph_free(g);
}

int main(void)
{
    if (ag_ctx_new(&ctx) || ag_lexicon_new(&lex, ctx)) {
        fprintf(stderr, "setup failed: %s\n", ag_ctx_errmsg(ctx));
        return 1;
    }
    AG_RUN(test_extract_names__titles_make_people_and_roles);
    AG_RUN(test_extract_coref__surname_joins_the_one_person);
    AG_RUN(test_extract_coref__same_surname_stays_apart);
    AG_RUN(test_extract_rules__evidence_is_kept);
    AG_RUN(test_extract_rules__negation_blocks_an_edge);
    AG_RUN(test_extract_rules__acronym_and_owner);
    AG_RUN(test_extract_merge__description_joins_the_named_organization);
    AG_RUN(test_extract_lexicon__channel_field);
    AG_RUN(test_extract_bounds__apposition_at_the_end);
    AG_RUN(test_extract_mentions__refused_readings_rewound);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
