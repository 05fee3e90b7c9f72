/* actorgraph: what a word looks like to the models (normalized form,
 * affixes, shape) and the tagger's features.  The tagger is greedy, left to
 * right, over joint UPOS+Penn classes. */
#include <string.h>

#include "nlp/nlp_internal.h"

static const char *const upos_names[AG_UPOS_COUNT_] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *ag_nlp_upos_name(int upos)
{
    return upos >= 0 && upos < AG_UPOS_COUNT_ ? upos_names[upos] : "_";
}

int ag_nlp__upos_index(const char *name)
{
    int i;

    for (i = 0; i < AG_UPOS_COUNT_; i++)
        if (!strcmp(upos_names[i], name))
            return i;
    return -1;
}

#define WORD_MAX 40

/* Lower case with digits folded to '0', so 1998 and 2024 share features. */
static size_t normalize(const char *form, char *out)
{
    size_t i, n = 0;

    for (i = 0; form[i] && n < WORD_MAX; i++) {
        unsigned char ch = (unsigned char)form[i];
        out[n++] = ag_nlp__digit(ch) ? '0' : ag_nlp__to_lower(ch);
    }
    out[n] = 0;
    return n;
}

uint64_t ag_nlp__word_hash(const char *form)
{
    char buf[WORD_MAX + 1];
    size_t n = normalize(form, buf);
    return ag_hash_bytes(buf, n);
}

/* Xxxx, xxxx, XXXX, dd, X.X., with runs collapsed past two. */
static uint64_t shape_of(const char *form)
{
    char buf[16];
    size_t i, n = 0;
    char last = 0;
    int run = 0;

    for (i = 0; form[i] && n < sizeof buf - 1; i++) {
        unsigned char ch = (unsigned char)form[i];
        char k = ag_nlp__upper(ch) ? 'X' : ag_nlp__lower(ch) ? 'x' : ag_nlp__digit(ch) ? 'd' : ch >= 0x80 ? 'u' : (char)ch;
        run = k == last ? run + 1 : 1;
        last = k;
        if (run <= 2)
            buf[n++] = k;
    }
    return ag_hash_bytes(buf, n);
}

void ag_nlp__word_info(const char *form, ag_nlp_wordinfo *w)
{
    char buf[WORD_MAX + 1];
    size_t n = normalize(form, buf), i;

    memset(w, 0, sizeof *w);
    w->word = ag_hash_bytes(buf, n);
    w->exact = ag_hash_bytes(form, strlen(form));
    w->suf1 = ag_hash_bytes(buf + (n > 1 ? n - 1 : 0), n > 1 ? 1 : n);
    w->suf2 = ag_hash_bytes(buf + (n > 2 ? n - 2 : 0), n > 2 ? 2 : n);
    w->suf3 = ag_hash_bytes(buf + (n > 3 ? n - 3 : 0), n > 3 ? 3 : n);
    w->suf4 = ag_hash_bytes(buf + (n > 4 ? n - 4 : 0), n > 4 ? 4 : n);
    w->pre1 = ag_hash_bytes(buf, n ? 1 : 0);
    w->pre3 = ag_hash_bytes(buf, n > 3 ? 3 : n);
    w->shape = shape_of(form);
    w->first_cap = ag_nlp__upper((unsigned char)form[0]);
    w->cap = w->first_cap;
    w->separator = (!strcmp(form, ",") || !strcmp(form, ";") || !strcmp(form, ":") || !strcmp(form, "-") ||
                    !strcmp(form, "--"));
    w->punct = form[0] != 0;
    for (i = 0; form[i]; i++) {
        if (ag_nlp__alnum((unsigned char)form[i]) || (unsigned char)form[i] >= 0x80)
            w->punct = 0;
        if (ag_nlp__digit((unsigned char)form[i]))
            w->has_digit = 1;
        if (form[i] == '-')
            w->has_hyphen = 1;
    }
}

/* Templates; the numbers are part of the model's meaning, so never reuse one. */
enum {
    T_BIAS = 1, T_W, T_EXACT, T_SUF1, T_SUF2, T_SUF3, T_SUF4, T_PRE1, T_PRE3, T_SHAPE, T_FLAGS,
    T_WM1, T_WP1, T_WM2, T_WP2, T_SUF3M1, T_SUF3P1, T_TM1, T_TM2TM1, T_TM1W, T_WM1W, T_WWP1,
    T_SHAPEM1, T_SHAPEP1, T_TM1WP1, T_FIRSTCAP
};

/* Features are computed only for the parts asked for, in one fixed order
 * either way, so that training (all parts) sees the run time's keys. */
#define PUT(part, key)                                                                                          \
    do {                                                                                                        \
        if (parts & (part))                                                                                     \
            feats[k++] = (key);                                                                                 \
    } while (0)

size_t ag_nlp__tagger_features(const ag_nlp_wordinfo *words, size_t n, size_t i, const uint8_t *tags,
                               uint64_t *feats)
{
    return ag_nlp__tagger_features_part(words, n, i, tags, AG_NLP_FEATS_ALL, feats);
}

size_t ag_nlp__tagger_features_part(const ag_nlp_wordinfo *words, size_t n, size_t i, const uint8_t *tags,
                                    unsigned parts, uint64_t *feats)
{
    static const ag_nlp_wordinfo none; /* beyond the sentence: all hashes 0 */
    const ag_nlp_wordinfo *w = &words[i];
    const ag_nlp_wordinfo *m1 = i >= 1 ? &words[i - 1] : &none, *m2 = i >= 2 ? &words[i - 2] : &none;
    const ag_nlp_wordinfo *p1 = i + 1 < n ? &words[i + 1] : &none, *p2 = i + 2 < n ? &words[i + 2] : &none;
    /* tags is read only for the history part (NULL will do otherwise) */
    uint64_t t1 = 0, t2 = 0;
    size_t k = 0;

    if (parts & AG_NLP_FEATS_HISTORY) {
        t1 = i >= 1 ? (uint64_t)tags[i - 1] + 1 : 0;
        t2 = i >= 2 ? (uint64_t)tags[i - 2] + 1 : 0;
    }
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_BIAS, 0, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_W, w->word, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_EXACT, w->exact, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF1, w->suf1, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF2, w->suf2, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF3, w->suf3, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF4, w->suf4, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_PRE1, w->pre1, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_PRE3, w->pre3, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SHAPE, w->shape, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_FLAGS, (uint64_t)w->has_digit * 4 + (uint64_t)w->has_hyphen * 2 + (uint64_t)w->cap, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_FIRSTCAP, (uint64_t)w->first_cap, i == 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WM1, m1->word, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WP1, p1->word, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WM2, m2->word, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WP2, p2->word, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF3M1, m1->suf3, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SUF3P1, p1->suf3, 0, 0));
    PUT(AG_NLP_FEATS_HISTORY, ag_nlp__feat(T_TM1, t1, 0, 0));
    PUT(AG_NLP_FEATS_HISTORY, ag_nlp__feat(T_TM2TM1, t2, t1, 0));
    PUT(AG_NLP_FEATS_HISTORY, ag_nlp__feat(T_TM1W, t1, w->word, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WM1W, m1->word, w->word, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_WWP1, w->word, p1->word, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SHAPEM1, m1->shape, 0, 0));
    PUT(AG_NLP_FEATS_WORDS, ag_nlp__feat(T_SHAPEP1, p1->shape, 0, 0));
    PUT(AG_NLP_FEATS_HISTORY, ag_nlp__feat(T_TM1WP1, t1, p1->word, 0));
    return k;
}

void ag_nlp__word_prefixes(ag_nlp_wordinfo *words, size_t n)
{
    uint32_t count = 0;
    size_t i;

    for (i = 1; i <= n; i++) {
        words[i].separators_before = count;
        count += (uint32_t)words[i].separator;
        words[i].punct_before = i > 1 && words[i - 1].punct ? words[i - 1].exact : 0;
        words[i].punct_after = i < n && words[i + 1].punct ? words[i + 1].exact : 0;
    }
}
