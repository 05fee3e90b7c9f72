/* actorgraph: analysing one sentence: greedy tagging, lemmas from learned
 * suffix rules and exceptions, then a greedy arc-hybrid parse that always
 * yields one tree (every word gets a head, exactly one word hangs from the
 * root). */
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_internal.h"

typedef struct scratch {
    size_t cap;
    ag_nlp_wordinfo *words; /* [cap + 1], 0 = root */
    uint8_t *tags;          /* [cap + 1] */
    ag_arena lemmas;
    /* contractions split as the treebank writes them ("did" "n't") */
    ag_nlp_sentence *inner; /* the split words' analysis, or NULL */
    const char **split_forms;
    size_t *host;           /* per token: its first word in inner */
    size_t *token_of;       /* per word of inner: its token */
    size_t split_cap;
    ag_arena splits;
    ag_nlp_state st;        /* the parser's state, kept between sentences */
    int have_st;
    int32_t *pre;           /* scores of the features scored ahead, per word */
    size_t pre_cap;
} scratch;

void ag_nlp_sentence_release(ag_nlp_sentence *s)
{
    scratch *sc = s->internal_;

    free(s->upos), free(s->xpos), free(s->lemmas), free(s->heads), free(s->deprels);
    if (sc) {
        free(sc->words), free(sc->tags);
        ag_arena_free(&sc->lemmas);
        if (sc->inner) {
            ag_nlp_sentence_release(sc->inner);
            free(sc->inner);
        }
        free(sc->split_forms), free(sc->host), free(sc->token_of);
        ag_arena_free(&sc->splits);
        if (sc->have_st)
            ag_nlp__state_free(&sc->st);
        free(sc->pre);
        free(sc);
    }
    memset(s, 0, sizeof *s);
}

int ag_nlp_sentence_reset(ag_nlp_sentence *s, ag_ctx *ctx, const char **forms, size_t n)
{
    scratch *sc = s->internal_;

    if (!sc) {
        if (!(sc = calloc(1, sizeof *sc)))
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        s->internal_ = sc;
    }
    ag_arena_free(&sc->lemmas);
    ag_arena_free(&sc->splits);
    if (n > sc->cap || !s->upos) {
        size_t cap = n < 16 ? 16 : n;
        free(s->upos), free(s->xpos), free(s->lemmas), free(s->heads), free(s->deprels);
        free(sc->words), free(sc->tags);
        s->upos = malloc(cap);
        s->xpos = malloc(cap);
        s->lemmas = malloc(cap * sizeof *s->lemmas);
        s->heads = malloc(cap * sizeof *s->heads);
        s->deprels = malloc(cap);
        sc->words = malloc((cap + 1) * sizeof *sc->words);
        sc->tags = malloc(cap + 1);
        sc->cap = cap;
        if (!s->upos || !s->xpos || !s->lemmas || !s->heads || !s->deprels || !sc->words || !sc->tags) {
            ag_nlp_sentence_release(s);
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        }
    }
    s->n = n;
    s->forms = forms;
    memset(s->heads, 0, n * sizeof *s->heads);
    memset(s->deprels, 0, n);
    return AG_OK;
}

/* "text\ttag" into key (which holds 96 bytes; text is at most 64): the
 * lemma tables' key, built by hand because snprintf showed in profiles. */
static void lemma_key(char *key, const char *text, size_t len, unsigned tag)
{
    char digits[4];
    size_t k = 0;

    memcpy(key, text, len);
    key[len++] = '\t';
    do
        digits[k++] = (char)('0' + tag % 10);
    while ((tag /= 10) && k < sizeof digits);
    while (k)
        key[len++] = digits[--k];
    key[len] = 0;
}

void ag_nlp__lemmatize(const ag_nlp_model *m, const char *form, unsigned tag, char *out, size_t outsz)
{
    char key[96];
    size_t n, k;
    size_t idx;

    for (n = 0; form[n] && n + 1 < outsz && n < 64; n++)
        out[n] = ag_nlp__to_lower((unsigned char)form[n]);
    out[n] = 0;
    if (form[n]) { /* too long for a lemma to differ: the form itself, cut to fit */
        snprintf(out, outsz, "%s", form);
        return;
    }
    lemma_key(key, out, n, tag);
    if (ag_strmap_get(&m->lemma_exceptions, key, &idx)) {
        const char *lemma = strchr(strchr(m->exception_lemmas[idx], '\t') + 1, '\t') + 1;
        snprintf(out, outsz, "%s", lemma);
        return;
    }
    if (m->tag_upos[tag] == AG_UPOS_PROPN) {
        snprintf(out, outsz, "%s", form);
        return;
    }
    for (k = n < m->max_suffix ? n : m->max_suffix;; k--) {
        lemma_key(key, out + n - k, k, tag);
        if (ag_strmap_get(&m->lemma_rules, key, &idx)) {
            const ag_nlp_lemma_rule *r = &m->rules[idx];
            size_t add = strlen(r->append);
            if (r->strip < n && n - r->strip + add + 1 <= outsz) {
                memcpy(out + n - r->strip, r->append, add + 1);
                return;
            }
        }
        if (k == 0)
            break;
    }
}

static int argmax_legal(const int32_t *scores, int n_classes, const ag_nlp_state *st)
{
    /* legality depends on the kind of action only: shift (0), left arcs
     * (odd) or right arcs (even); ties go to the first class */
    int shift = ag_nlp__legal(st, AG_NLP_SHIFT), left = ag_nlp__legal(st, 1), right = ag_nlp__legal(st, 2);
    int best = -1, c;

    if (shift && left && right)
        return n_classes > 0 ? (int)ag_nlp__argmax(scores, (unsigned)n_classes) : -1;
    if (shift && n_classes > 0)
        best = AG_NLP_SHIFT;
    if (left || right) {
        for (c = left ? 1 : 2; c < n_classes; c += left && right ? 1 : 2)
            if (best < 0 || scores[c] > scores[best])
                best = c;
    }
    return best;
}

/* Room in sc->pre for @p n score rows of @p stride; @return AG_OK or AG_ENOMEM. */
static int pre_reserve(scratch *sc, size_t n, size_t stride)
{
    int32_t *p;

    if (n * stride <= sc->pre_cap)
        return AG_OK;
    if (!(p = malloc(n * stride * 2 * sizeof *p)))
        return AG_ENOMEM;
    free(sc->pre);
    sc->pre = p;
    sc->pre_cap = n * stride * 2;
    return AG_OK;
}

#define AHEAD_FEATS 256

static int tag_words(const ag_nlp_model *m, ag_nlp_sentence *s, scratch *sc)
{
    uint64_t feats[AHEAD_FEATS];
    uint32_t dst[AHEAD_FEATS];
    int32_t scores[AG_NLP_MAX_TAGS];
    size_t i, k = 0, stride = m->n_tags;

    for (i = 0; i < s->n; i++) {
        ag_nlp__word_info(s->forms[i], &sc->words[i + 1]);
        sc->words[i + 1].cluster = ag_nlp__cluster_of(m, s->forms[i]);
    }
    ag_nlp__word_prefixes(sc->words, s->n);
    if (pre_reserve(sc, s->n, stride))
        return AG_ENOMEM;
    /* the features of the words alone, for the whole sentence in large
     * batches: the look-ups' cache misses overlap */
    memset(sc->pre, 0, s->n * stride * sizeof *sc->pre);
    for (i = 0; i < s->n; i++) {
        size_t nf, j;
        if (k + AG_NLP_TAGGER_MAX_FEATS > AHEAD_FEATS) {
            ag_nlp__score_each(&m->tagger, feats, dst, k, sc->pre, stride);
            k = 0;
        }
        nf = ag_nlp__tagger_features_part(sc->words + 1, s->n, i, NULL, AG_NLP_FEATS_WORDS, feats + k);
        for (j = 0; j < nf; j++)
            dst[k + j] = (uint32_t)i;
        k += nf;
    }
    ag_nlp__score_each(&m->tagger, feats, dst, k, sc->pre, stride);
    /* then the tags' history, word by word */
    for (i = 0; i < s->n; i++) {
        size_t nf = ag_nlp__tagger_features_part(sc->words + 1, s->n, i, sc->tags + 1, AG_NLP_FEATS_HISTORY, feats);
        unsigned best;

        memcpy(scores, sc->pre + i * stride, stride * sizeof *scores);
        ag_nlp__score(&m->tagger, feats, nf, scores);
        best = ag_nlp__argmax(scores, m->n_tags);
        sc->tags[i + 1] = (uint8_t)best;
        s->upos[i] = m->tag_upos[best];
        s->xpos[i] = m->tag_xpos[best];
    }
    return AG_OK;
}

static int lemmatize_words(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s, scratch *sc)
{
    char buf[128];
    size_t i;

    for (i = 0; i < s->n; i++) {
        ag_nlp__lemmatize(m, s->forms[i], sc->tags[i + 1], buf, sizeof buf);
        if (strlen(s->forms[i]) >= sizeof buf - 1 || !strcmp(buf, s->forms[i])) {
            s->lemmas[i] = s->forms[i];
        } else if (!(s->lemmas[i] = ag_arena_strndup(&sc->lemmas, buf, strlen(buf)))) {
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        }
    }
    return AG_OK;
}

static int tag_sentence(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s)
{
    scratch *sc = s->internal_;

    sc->tags[0] = 255; /* the root */
    memset(&sc->words[0], 0, sizeof sc->words[0]);
    if (tag_words(m, s, sc))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    return lemmatize_words(m, ctx, s, sc);
}

/* Greedy arc-hybrid parse of words[1..n]; heads and labels into st.
 * The features of the buffer's first words stay the same from one shift to
 * the next (arcs leave the buffer alone), so their scores are summed once
 * per word and copied; sums of integers, so the result is the same. */
static void parse_words(const ag_nlp_model *m, const ag_nlp_wordinfo *words, const uint8_t *tags, ag_nlp_state *st)
{
    uint64_t feats[AG_NLP_PARSER_MAX_FEATS];
    int32_t scores[1 + 2 * AG_NLP_MAX_DEPRELS], buffer_scores[1 + 2 * AG_NLP_MAX_DEPRELS];
    size_t n_classes = m->parser.n_classes, scored_next = 0; /* next is never 0 */

    while (!ag_nlp__state_done(st)) {
        size_t nf;
        int action;
        if (st->next != scored_next) {
            nf = ag_nlp__parser_features_part(st, words, tags, m->tag_upos, AG_NLP_FEATS_BUFFER, feats);
            memset(buffer_scores, 0, n_classes * sizeof *buffer_scores);
            ag_nlp__score(&m->parser, feats, nf, buffer_scores);
            scored_next = st->next;
        }
        nf = ag_nlp__parser_features_part(st, words, tags, m->tag_upos, AG_NLP_FEATS_STATE, feats);
        memcpy(scores, buffer_scores, n_classes * sizeof *scores);
        ag_nlp__score(&m->parser, feats, nf, scores);
        action = argmax_legal(scores, (int)n_classes, st);
        if (action < 0)
            break; /* no legal action: a model without relations */
        ag_nlp__apply(st, action);
    }
}

static int analyze_sentence(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s)
{
    scratch *sc = s->internal_;
    ag_nlp_state *st = &sc->st;
    size_t i;
    int rc;

    if ((rc = tag_sentence(m, ctx, s)))
        return rc;
    if (!s->n)
        return AG_OK;
    if (m->parser.n_classes > 1 + 2 * AG_NLP_MAX_DEPRELS)
        return ag_error_set(ctx, AG_EINVAL, "language model with too many relations");
    if (sc->have_st ? ag_nlp__state_reset(st, s->n) : ag_nlp__state_init(st, s->n)) {
        sc->have_st = 0; /* both free what they had on failure */
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    }
    sc->have_st = 1;
    parse_words(m, sc->words, sc->tags, st);
    for (i = 0; i < s->n; i++) {
        s->heads[i] = st->heads[i + 1];
        s->deprels[i] = (unsigned char)st->labels[i + 1];
    }
    return AG_OK;
}

/* Where the treebank splits a contracted word ("did|n't", "ca|n't",
 * "they|'re", "can|not"): the clitic's first byte, or 0 for none. */
static size_t clitic_at(const char *form)
{
    static const char *const endings[] = {"n't", "'re", "'ll", "'ve", "'m", "'d", NULL};
    size_t n = strlen(form), k, j;

    if (n == 6) {
        for (j = 0; j < 6 && ag_nlp__to_lower((unsigned char)form[j]) == "cannot"[j]; j++)
            ;
        if (j == 6)
            return 3;
    }
    for (k = 0; endings[k]; k++) {
        size_t e = strlen(endings[k]);
        if (n <= e)
            continue;
        for (j = 0; j < e && ag_nlp__to_lower((unsigned char)form[n - e + j]) == endings[k][j]; j++)
            ;
        if (j == e)
            return n - e;
    }
    return 0;
}

/* Tag (and parse) the words as the treebank would split them, then give
 * each token the analysis of its first word; heads that point at a clitic
 * point at its token. */
static int with_clitics(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s, int parse)
{
    scratch *sc = s->internal_;
    ag_nlp_sentence *in;
    size_t i, n2 = 0, splits = 0;
    int rc;

    if (!sc)
        return ag_error_set(ctx, AG_EINVAL, "sentence not prepared with ag_nlp_sentence_reset");
    for (i = 0; i < s->n; i++)
        splits += clitic_at(s->forms[i]) > 0;
    if (!splits)
        return parse ? analyze_sentence(m, ctx, s) : tag_sentence(m, ctx, s);
    if (s->n + splits > sc->split_cap) {
        size_t cap = (s->n + splits) * 2;
        free(sc->split_forms), free(sc->host), free(sc->token_of);
        sc->split_forms = malloc(cap * sizeof *sc->split_forms);
        sc->host = malloc(cap * sizeof *sc->host);
        sc->token_of = malloc(cap * sizeof *sc->token_of);
        sc->split_cap = sc->split_forms && sc->host && sc->token_of ? cap : 0;
        if (!sc->split_cap)
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    }
    if (!sc->inner && !(sc->inner = calloc(1, sizeof *sc->inner)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    for (i = 0; i < s->n; i++) {
        size_t at = clitic_at(s->forms[i]);
        sc->host[i] = n2;
        if (!at) {
            sc->token_of[n2] = i;
            sc->split_forms[n2++] = s->forms[i];
            continue;
        }
        sc->token_of[n2] = sc->token_of[n2 + 1] = i;
        sc->split_forms[n2] = ag_arena_strndup(&sc->splits, s->forms[i], at);
        sc->split_forms[n2 + 1] = ag_arena_strndup(&sc->splits, s->forms[i] + at, strlen(s->forms[i] + at));
        if (!sc->split_forms[n2] || !sc->split_forms[n2 + 1])
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        n2 += 2;
    }
    in = sc->inner;
    if ((rc = ag_nlp_sentence_reset(in, ctx, sc->split_forms, n2)) ||
        (rc = parse ? analyze_sentence(m, ctx, in) : tag_sentence(m, ctx, in)))
        return rc;
    for (i = 0; i < s->n; i++) {
        size_t w = sc->host[i];
        int h = in->heads[w];
        s->upos[i] = in->upos[w];
        s->xpos[i] = in->xpos[w];
        /* an unsplit token's lemma may be its own form: keep the caller's pointer */
        s->lemmas[i] = sc->split_forms[w] == s->forms[i] && in->lemmas[w] == s->forms[i] ? s->forms[i] : in->lemmas[w];
        s->deprels[i] = in->deprels[w];
        if (!parse)
            continue;
        if (h > 0 && sc->token_of[h - 1] == i) /* the host hangs from its own clitic */
            h = in->heads[h - 1];
        s->heads[i] = h > 0 ? (int)sc->token_of[h - 1] + 1 : 0;
    }
    return AG_OK;
}

int ag_nlp_tag(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s)
{
    return with_clitics(m, ctx, s, 0);
}

int ag_nlp_analyze(const ag_nlp_model *m, ag_ctx *ctx, ag_nlp_sentence *s)
{
    return with_clitics(m, ctx, s, 1);
}
