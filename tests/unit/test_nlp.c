/* actorgraph tests: the language layer (inflection, the built-in model's
 * header and loader, tagging and parsing short sentences written for these
 * tests, hostile model bytes and sizes). */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "check.h"
#include "nlp/nlp_internal.h"

extern const unsigned char ag_nlp_builtin_model[];
extern const unsigned char ag_nlp_builtin_model_end[];

static ag_ctx *ctx;
static ag_nlp_model *model;

static int has_form(const char *lemma, int upos, const char *form)
{
    char forms[12][AG_NLP_FORM_MAX];
    size_t i, n = ag_nlp_inflect(lemma, upos, forms, 12);
    for (i = 0; i < n; i++)
        if (!strcmp(forms[i], form))
            return 1;
    return 0;
}

static void test_nlp_inflect__regular_forms(void)
{
    AG_CHECK(has_form("decline", AG_UPOS_VERB, "declined"));
    AG_CHECK(has_form("decline", AG_UPOS_VERB, "declining"));
    AG_CHECK(has_form("deny", AG_UPOS_VERB, "denied"));
    AG_CHECK(has_form("deny", AG_UPOS_VERB, "denies"));
    AG_CHECK(has_form("ban", AG_UPOS_VERB, "banned"));
    AG_CHECK(has_form("open", AG_UPOS_VERB, "opened"));
    AG_CHECK(has_form("push", AG_UPOS_VERB, "pushes"));
    AG_CHECK(has_form("attack", AG_UPOS_VERB, "attack"));
    AG_CHECK(has_form("authority", AG_UPOS_NOUN, "authorities"));
    AG_CHECK(!has_form("authority", AG_UPOS_NOUN, "authorityed"));
    AG_CHECK(!has_form("meet", AG_UPOS_VERB, "met")); /* irregular forms come from the lemmatizer */
}

static void test_nlp_model__names_its_treebank(void)
{
    const char *about = ag_nlp_model_about(model);
    AG_CHECK(strstr(about, "UD English EWT") != NULL);
    AG_CHECK(strstr(about, "CC BY-SA 4.0") != NULL);
    AG_CHECK(strstr(about, "actorgraph-train") != NULL);
    AG_CHECK(ag_nlp_deprel_index(model, "nsubj") >= 0);
    AG_CHECK(ag_nlp_deprel_index(model, "no-such-relation") == -1);
    AG_CHECK_STR(ag_nlp_upos_name(AG_UPOS_PROPN), "PROPN");
    AG_CHECK_STR(ag_nlp_upos_name(99), "_");
}

/* Word i's relation and head, as a string "rel:head". */
static const char *arc(const ag_nlp_sentence *s, size_t i, char *buf)
{
    snprintf(buf, 64, "%s:%d", ag_nlp_deprel_name(model, s->deprels[i]), s->heads[i]);
    return buf;
}

static void test_nlp_analyze__simple_clause(void)
{
    const char *forms[] = {"Norway", "criticized", "the", "new", "sanctions", "on", "Monday", "."};
    ag_nlp_sentence s = {0};
    char buf[64];
    size_t i, roots = 0;

    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, forms, 8) == AG_OK);
    AG_CHECK(ag_nlp_analyze(model, ctx, &s) == AG_OK);
    AG_CHECK_STR(ag_nlp_upos_name(s.upos[0]), "PROPN");
    AG_CHECK_STR(ag_nlp_upos_name(s.upos[1]), "VERB");
    AG_CHECK_STR(s.lemmas[1], "criticize");
    AG_CHECK_STR(s.lemmas[4], "sanction");
    AG_CHECK_STR(arc(&s, 0, buf), "nsubj:2");
    AG_CHECK_STR(arc(&s, 1, buf), "root:0");
    AG_CHECK_STR(arc(&s, 4, buf), "obj:2");
    AG_CHECK_STR(arc(&s, 7, buf), "punct:2");
    for (i = 0; i < s.n; i++) {
        AG_CHECK(s.heads[i] >= 0 && s.heads[i] <= (int)s.n && s.heads[i] != (int)i + 1);
        roots += s.heads[i] == 0;
    }
    AG_CHECK_INT(roots, 1);
    ag_nlp_sentence_release(&s);
}

static void test_nlp_analyze__deterministic_and_reusable(void)
{
    const char *a[] = {"The", "minister", "said", "Chile", "would", "meet", "Peru", "."};
    const char *b[] = {"Talks", "resumed", "."};
    ag_nlp_sentence s = {0};
    int heads[8];
    size_t i;

    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, a, 8) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    memcpy(heads, s.heads, sizeof heads);
    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, b, 3) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    AG_CHECK_INT(s.n, 3);
    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, a, 8) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    for (i = 0; i < 8; i++)
        AG_CHECK_INT(s.heads[i], heads[i]);
    ag_nlp_sentence_release(&s);
}

static void test_nlp_analyze__odd_sentences(void)
{
    const char *punct[] = {"-", "-", "!"};
    const char *one[] = {"Yes"};
    ag_nlp_sentence s = {0};
    const char **many = malloc(3000 * sizeof *many);
    size_t i, roots = 0;

    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, punct, 3) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    for (i = 0; i < 3; i++)
        roots += s.heads[i] == 0;
    AG_CHECK_INT(roots, 1);
    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, one, 1) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    AG_CHECK_INT(s.heads[0], 0);
    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, one, 0) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    /* a run-on of 3000 words still gives one tree */
    for (i = 0; i < 3000; i++)
        many[i] = i % 7 == 6 ? "," : i % 2 ? "talks" : "Chile";
    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, many, 3000) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    for (roots = 0, i = 0; i < 3000; i++) {
        AG_CHECK(s.heads[i] >= 0 && s.heads[i] <= 3000);
        roots += s.heads[i] == 0;
    }
    AG_CHECK_INT(roots, 1);
    free(many);
    ag_nlp_sentence_release(&s);
}

static void test_nlp_analyze__contractions_as_the_treebank_splits_them(void)
{
    const char *forms[] = {"They", "didn't", "meet", "Peru", "and", "we're", "glad", "."};
    ag_nlp_sentence s = {0};
    size_t i, roots = 0;

    AG_CHECK(ag_nlp_sentence_reset(&s, ctx, forms, 8) == AG_OK && ag_nlp_analyze(model, ctx, &s) == AG_OK);
    AG_CHECK_INT(s.n, 8); /* one analysis per token, as given */
    AG_CHECK_STR(s.lemmas[1], "do");
    AG_CHECK_STR(ag_nlp_upos_name(s.upos[1]), "AUX");
    AG_CHECK_INT(s.heads[1], 3);
    AG_CHECK_STR(s.lemmas[5], "we");
    for (i = 0; i < s.n; i++) {
        AG_CHECK(s.heads[i] >= 0 && s.heads[i] <= 8 && s.heads[i] != (int)i + 1);
        roots += s.heads[i] == 0;
    }
    AG_CHECK_INT(roots, 1);
    ag_nlp_sentence_release(&s);
}

static void test_nlp_model__refuses_broken_bytes(void)
{
    size_t len = (size_t)(ag_nlp_builtin_model_end - ag_nlp_builtin_model), cut;
    unsigned char *copy = malloc(len);
    ag_nlp_model *m = NULL;

    memcpy(copy, ag_nlp_builtin_model, len);
    AG_CHECK(ag_nlp_model_load(&m, ctx, copy, 0) == AG_EPARSE && m == NULL);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "language model") != NULL);
    /* cut anywhere: refused, never read past the end (the asan build checks) */
    for (cut = 1; cut < len; cut += cut < 4096 ? 97 : len / 37)
        AG_CHECK(ag_nlp_model_load(&m, ctx, copy, cut) == AG_EPARSE && m == NULL);
    /* a length field blown up: refused before allocating for it */
    {
        const unsigned char *nul = memchr(copy, 0, len);
        size_t at = (size_t)(nul - copy) + 1;
        copy[at + 3] = 0x7f;
        AG_CHECK(ag_nlp_model_load(&m, ctx, copy, len) == AG_EPARSE && m == NULL);
    }
    /* the right bytes load */
    memcpy(copy, ag_nlp_builtin_model, len);
    AG_CHECK(ag_nlp_model_load(&m, ctx, copy, len) == AG_OK);
    ag_nlp_model_free(m);
    free(copy);
}

/* Word classes from word vectors: looked up in lower case, a class path
 * cut to a prefix is a coarser class, and unknown words have none. */
static void test_nlp_model__word_classes(void)
{
    uint32_t said = ag_nlp__cluster_of(model, "said");

    AG_CHECK(said != 0);
    AG_CHECK(ag_nlp__cluster_of(model, "Said") == said);
    AG_CHECK(ag_nlp__cluster_of(model, "SAID") == said);
    AG_CHECK(ag_nlp__cluster_of(model, "qzxvkwplm") == 0);
    AG_CHECK(ag_nlp__cluster_of(model, "") == 0);
    AG_CHECK(ag_nlp__cluster_prefix(0, 4) == 0);
    AG_CHECK(ag_nlp__cluster_prefix(0x5a3u /* 1 0110100011 */, 4) == 0x16u /* 1 0110 */);
    AG_CHECK(ag_nlp__cluster_prefix(0x5u /* 1 01: shorter than asked */, 4) == 0x5u);
}

int main(void)
{
    if (ag_ctx_new(&ctx) || ag_nlp_model_builtin(&model, ctx)) {
        fprintf(stderr, "cannot load the built-in model: %s\n", ctx ? ag_ctx_errmsg(ctx) : "");
        return 1;
    }
    AG_RUN(test_nlp_inflect__regular_forms);
    AG_RUN(test_nlp_model__names_its_treebank);
    AG_RUN(test_nlp_analyze__simple_clause);
    AG_RUN(test_nlp_analyze__deterministic_and_reusable);
    AG_RUN(test_nlp_analyze__odd_sentences);
    AG_RUN(test_nlp_analyze__contractions_as_the_treebank_splits_them);
    AG_RUN(test_nlp_model__refuses_broken_bytes);
    AG_RUN(test_nlp_model__word_classes);
    ag_nlp_model_free(model);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
