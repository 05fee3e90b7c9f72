/* actorgraph-train: trains the language model (tagger, lemmatizer, parser)
 * on a CoNLL-U treebank and measures a model on one.  The same corpus,
 * options and seed give the same model bytes: every choice is ordered and
 * the only randomness is a seeded generator. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actorgraph/text.h"
#include "actorgraph/extract.h"
#include "nlp/nlp_internal.h"
#include "nlp/train/clusters.h"

/* ---- the treebank ---- */

typedef struct word {
    char *form, *lemma, *upos, *xpos, *deprel;
    int head;
    int tag;      /* joint class */
    int label;    /* deprel index */
    int phead;    /* projectivized head */
} word;

typedef struct sent {
    word *w;      /* [n + 1]; w[0] is the root */
    size_t n;
    char *text;   /* "# text =" */
} sent;

typedef struct bank {
    sent *s;
    size_t n, cap;
} bank;

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "actorgraph-train: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

/* Room for element n of a doubling array (first capacity @p first). */
#define GROW_OR_DIE(ptr, n, cap, first)                                          \
    do {                                                                        \
        if ((n) >= (cap)) {                                                     \
            (cap) = (cap) ? (cap) * 2 : (first);                                \
            if (!((ptr) = realloc((ptr), (cap) * sizeof *(ptr))))               \
                die("%s", "out of memory");                                     \
        }                                                                       \
    } while (0)

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        die("%s", "out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    char *p = xmalloc(strlen(s) + 1);
    strcpy(p, s);
    return p;
}

/* Read a CoNLL-U file: multiword-token lines and empty nodes are skipped,
 * syntactic words kept. */
static void read_bank(const char *path, bank *b)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    word *ws = NULL;
    size_t n = 0, cap = 0;
    char *text = NULL;
    unsigned long lineno = 0;

    if (!f)
        die("cannot open %s", path);
    memset(b, 0, sizeof *b);
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        size_t len = got ? strlen(line) : 0;

        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!got || !len) {
            if (n) {
                GROW_OR_DIE(b->s, b->n, b->cap, 1024);
                b->s[b->n].w = ws;
                b->s[b->n].n = n;
                b->s[b->n].text = text;
                b->n++;
                ws = NULL, n = cap = 0, text = NULL;
            }
            if (!got)
                break;
            continue;
        }
        if (line[0] == '#') {
            if (!strncmp(line, "# text = ", 9)) {
                free(text);
                text = xstrdup(line + 9);
            }
            continue;
        }
        {
            char *col[10], *p = line;
            int c;
            for (c = 0; c < 10; c++) {
                col[c] = p;
                p = strchr(p, '\t');
                if (!p && c < 9) {
                    fprintf(stderr, "actorgraph-train: %s:%lu: expected 10 columns\n", path, lineno);
                    exit(1);
                }
                if (p)
                    *p++ = 0;
            }
            if (strchr(col[0], '-') || strchr(col[0], '.'))
                continue;
            if (n + 2 > cap) {
                cap = cap ? cap * 2 : 32;
                ws = realloc(ws, cap * sizeof *ws);
                if (!ws)
                    die("%s", "out of memory");
            }
            if (!n) {
                memset(&ws[0], 0, sizeof ws[0]);
                ws[0].form = "<root>";
            }
            n++;
            memset(&ws[n], 0, sizeof ws[n]);
            ws[n].form = xstrdup(col[1]);
            ws[n].lemma = xstrdup(col[2]);
            ws[n].upos = xstrdup(col[3]);
            ws[n].xpos = xstrdup(col[4]);
            ws[n].head = atoi(col[6]);
            ws[n].deprel = xstrdup(col[7]);
            if ((size_t)atoi(col[0]) != n || ws[n].head < 0) {
                fprintf(stderr, "actorgraph-train: %s:%lu: word ids must count 1, 2, ...\n", path, lineno);
                exit(1);
            }
        }
    }
    fclose(f);
    free(text);
    if (!b->n)
        die("no sentences in %s", path);
    {
        size_t i, j;
        for (i = 0; i < b->n; i++)
            for (j = 1; j <= b->s[i].n; j++)
                if ((size_t)b->s[i].w[j].head > b->s[i].n)
                    die("a head points outside its sentence in %s", path);
    }
}

/* ---- label sets, in sorted order ---- */

typedef struct names {
    char **v;
    size_t n;
} names;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int name_index(const names *ns, const char *s)
{
    char **hit = bsearch(&s, ns->v, ns->n, sizeof *ns->v, cmp_str);
    return hit ? (int)(hit - ns->v) : -1;
}

static void names_add(names *ns, const char *s)
{
    size_t i;
    for (i = 0; i < ns->n; i++)
        if (!strcmp(ns->v[i], s))
            return;
    ns->v = realloc(ns->v, (ns->n + 1) * sizeof *ns->v);
    if (!ns->v)
        die("%s", "out of memory");
    ns->v[ns->n++] = (char *)s;
}

static char *joint(const char *upos, const char *xpos)
{
    char *s = xmalloc(strlen(upos) + strlen(xpos) + 2);
    sprintf(s, "%s|%s", upos, xpos);
    return s;
}

/* ---- deterministic randomness ---- */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static void shuffle(size_t *order, size_t n, uint64_t *rng)
{
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i), t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* ---- tagger ---- */

static ag_nlp_wordinfo *infos_of(const ag_nlp_model *m, const sent *s)
{
    ag_nlp_wordinfo *wi = xmalloc((s->n + 1) * sizeof *wi);
    size_t i;
    for (i = 1; i <= s->n; i++) {
        ag_nlp__word_info(s->w[i].form, &wi[i]);
        wi[i].cluster = ag_nlp__cluster_of(m, s->w[i].form);
    }
    ag_nlp__word_prefixes(wi, s->n);
    return wi;
}

typedef struct corpus_cache {
    ag_nlp_wordinfo **info; /* per sentence, [n + 1] */
} corpus_cache;

static void cache_build(const ag_nlp_model *m, const bank *b, corpus_cache *c)
{
    size_t i;
    c->info = xmalloc(b->n * sizeof *c->info);
    for (i = 0; i < b->n; i++)
        c->info[i] = infos_of(m, &b->s[i]);
}

/* Train a tagger on the sentences whose index % folds != skip (skip < 0: all). */
static void train_tagger(const bank *b, const corpus_cache *cc, unsigned n_tags, int epochs, int folds,
                         int skip, uint64_t seed, ag_nlp_weights *out, const bank *dev,
                         const corpus_cache *dc, int verbose)
{
    ag_nlp_trainer t;
    uint64_t feats[AG_NLP_TAGGER_MAX_FEATS];
    int32_t scores[AG_NLP_MAX_TAGS];
    uint8_t tags[1024];
    size_t *order = xmalloc(b->n * sizeof *order), n_order = 0, i, j, k;
    uint64_t rng = seed;
    int e;

    if (ag_nlp__trainer_init(&t, n_tags, 1))
        die("%s", "out of memory");
    for (i = 0; i < b->n; i++)
        if (skip < 0 || (int)(i % (size_t)folds) != skip)
            order[n_order++] = i;
    for (k = 0; k < n_order; k++) {
        const sent *s = &b->s[order[k]];
        for (j = 1; j <= s->n && j < 1024; j++)
            tags[j] = (uint8_t)s->w[j].tag;
        for (j = 0; j < s->n && j + 1 < 1024; j++) {
            size_t nf = ag_nlp__tagger_features(cc->info[order[k]] + 1, s->n, j, tags + 1, feats);
            if (ag_nlp__trainer_count(&t, feats, nf))
                die("%s", "out of memory");
        }
    }
    if (ag_nlp__trainer_commit(&t))
        die("%s", "out of memory");
    for (e = 0; e < epochs; e++) {
        size_t right = 0, total = 0;
        shuffle(order, n_order, &rng);
        for (k = 0; k < n_order; k++) {
            const sent *s = &b->s[order[k]];
            for (j = 0; j < s->n && j + 1 < 1024; j++) {
                size_t nf = ag_nlp__tagger_features(cc->info[order[k]] + 1, s->n, j, tags + 1, feats);
                unsigned best;
                memset(scores, 0, n_tags * sizeof *scores);
                ag_nlp__trainer_score(&t, feats, nf, scores);
                best = ag_nlp__argmax(scores, n_tags);
                ag_nlp__trainer_update(&t, feats, nf, s->w[j + 1].tag, (int)best);
                tags[j + 1] = (uint8_t)best; /* the model's own history, as at run time */
                right += (int)best == s->w[j + 1].tag;
                total++;
            }
        }
        if (verbose && dev) {
            ag_nlp_weights wt;
            size_t dr = 0, dt = 0;
            if (ag_nlp__trainer_export(&t, 0, &wt))
                die("%s", "out of memory");
            for (i = 0; i < dev->n; i++) {
                const sent *s = &dev->s[i];
                for (j = 0; j < s->n && j + 1 < 1024; j++) {
                    size_t nf = ag_nlp__tagger_features(dc->info[i] + 1, s->n, j, tags + 1, feats);
                    unsigned best;
                    memset(scores, 0, n_tags * sizeof *scores);
                    ag_nlp__score(&wt, feats, nf, scores);
                    best = ag_nlp__argmax(scores, n_tags);
                    tags[j + 1] = (uint8_t)best;
                    dr += (int)best == s->w[j + 1].tag;
                    dt++;
                }
            }
            ag_nlp__weights_free(&wt);
            fprintf(stderr, "tagger epoch %d: train %.4f dev %.4f (joint tag)\n", e + 1,
                    (double)right / (double)total, (double)dr / (double)dt);
        }
    }
    if (ag_nlp__trainer_export(&t, 0, out))
        die("%s", "out of memory");
    ag_nlp__trainer_free(&t);
    free(order);
}

static void tag_with(const ag_nlp_weights *wt, unsigned n_tags, const sent *s, const ag_nlp_wordinfo *info,
                     uint8_t *tags /* [n + 1] */)
{
    uint64_t feats[AG_NLP_TAGGER_MAX_FEATS];
    int32_t scores[AG_NLP_MAX_TAGS];
    size_t j;

    tags[0] = 255;
    for (j = 0; j < s->n; j++) {
        size_t nf = ag_nlp__tagger_features(info + 1, s->n, j, tags + 1, feats);
        unsigned best;
        memset(scores, 0, n_tags * sizeof *scores);
        ag_nlp__score(wt, feats, nf, scores);
        best = ag_nlp__argmax(scores, n_tags);
        tags[j + 1] = (uint8_t)best;
    }
}

/* ---- parser ---- */

/* Lift non-projective arcs to their grandparent until the tree is projective. */
static void projectivize(sent *s)
{
    size_t n = s->n, d;
    int changed = 1;

    for (d = 1; d <= n; d++)
        s->w[d].phead = s->w[d].head;
    while (changed) {
        size_t best = 0, best_span = (size_t)-1;
        changed = 0;
        for (d = 1; d <= n; d++) {
            int h = s->w[d].phead;
            size_t lo = (size_t)(h < (int)d ? h : (int)d), hi = (size_t)(h < (int)d ? (int)d : h), k;
            for (k = lo + 1; k < hi; k++) {
                int a = (int)k, steps = 0;
                while (a != h && a != 0 && steps++ <= (int)n)
                    a = s->w[a].phead;
                if (a != h) {
                    if (hi - lo < best_span) {
                        best_span = hi - lo;
                        best = d;
                    }
                    break;
                }
            }
        }
        if (best) {
            s->w[best].phead = s->w[s->w[best].phead].phead;
            changed = 1;
        }
    }
}

/* Cost of each action against the (projective) gold tree: the gold arcs it
 * makes unreachable (Goldberg and Nivre 2013, arc-hybrid). */
static int action_cost(const ag_nlp_state *st, const sent *s, int action)
{
    int s0 = st->stack[st->depth - 1];
    int s1 = st->depth >= 2 ? st->stack[st->depth - 2] : -1;
    int b = st->next <= st->n ? (int)st->next : -1;
    size_t k;
    int cost = 0;

    if (action == AG_NLP_SHIFT) {
        for (k = 0; k + 1 < st->depth; k++) /* stack below s0 */
            if (s->w[b].phead == st->stack[k])
                cost++;
        for (k = 0; k < st->depth; k++)
            if (st->stack[k] && s->w[st->stack[k]].phead == b)
                cost++;
        return cost;
    }
    /* both arcs pop s0: its dependents still in the buffer are lost */
    for (k = st->next; k <= st->n; k++)
        if (s->w[k].phead == s0)
            cost++;
    if (action % 2 == 1) { /* head b */
        int h = s->w[s0].phead;
        if (h == s1)
            cost++;
        else if (h > b)
            cost++;
        else if (h == b && s->w[s0].label != (action - 1) / 2)
            cost++;
    } else { /* head s1 */
        int h = s->w[s0].phead;
        if (b >= 0 && h >= b)
            cost++;
        else if (h == s1 && s->w[s0].label != (action - 2) / 2)
            cost++;
    }
    return cost;
}

static void parse_with(const ag_nlp_weights *wt, const sent *s, const ag_nlp_wordinfo *info,
                       const uint8_t *tags, const uint8_t *tag_upos, int *heads, int *labels)
{
    uint64_t feats[AG_NLP_PARSER_MAX_FEATS];
    int32_t scores[256];
    ag_nlp_state st;
    size_t i;
    int C = (int)wt->n_classes;

    if (ag_nlp__state_init(&st, s->n))
        die("%s", "out of memory");
    while (!ag_nlp__state_done(&st)) {
        size_t nf = ag_nlp__parser_features(&st, info, tags, tag_upos, feats);
        int c, best = -1;
        memset(scores, 0, (size_t)C * sizeof *scores);
        ag_nlp__score(wt, feats, nf, scores);
        for (c = 0; c < C; c++)
            if (ag_nlp__legal(&st, c) && (best < 0 || scores[c] > scores[best]))
                best = c;
        ag_nlp__apply(&st, best);
    }
    for (i = 1; i <= s->n; i++) {
        heads[i] = st.heads[i];
        labels[i] = st.labels[i];
    }
    ag_nlp__state_free(&st);
}

static void eval_parser(const ag_nlp_weights *wt, const bank *dev, const corpus_cache *dc, uint8_t **dtags,
                        const uint8_t *tag_upos, double *uas, double *las)
{
    size_t i, j, total = 0, u = 0, l = 0;
    int heads[1024], labels[1024];

    for (i = 0; i < dev->n; i++) {
        const sent *s = &dev->s[i];
        if (s->n >= 1024)
            continue;
        parse_with(wt, s, dc->info[i], dtags[i], tag_upos, heads, labels);
        for (j = 1; j <= s->n; j++) {
            total++;
            if (heads[j] == s->w[j].head) {
                u++;
                l += labels[j] == s->w[j].label;
            }
        }
    }
    *uas = (double)u / (double)total;
    *las = (double)l / (double)total;
}

static void train_parser(const bank *b, const corpus_cache *cc, uint8_t **tags, const uint8_t *tag_upos,
                         unsigned n_labels,
                         int epochs, unsigned min_count, uint64_t seed, ag_nlp_trainer *t, const bank *dev,
                         const corpus_cache *dc, uint8_t **dtags)
{
    uint64_t feats[AG_NLP_PARSER_MAX_FEATS];
    int C = 1 + 2 * (int)n_labels;
    int32_t *scores = xmalloc((size_t)C * sizeof *scores);
    int *costs = xmalloc((size_t)C * sizeof *costs);
    size_t *order = xmalloc(b->n * sizeof *order), i, oracle_ok = 0;
    uint64_t rng = seed;
    int e;

    if (ag_nlp__trainer_init(t, (uint32_t)C, min_count))
        die("%s", "out of memory");
    for (i = 0; i < b->n; i++)
        order[i] = i;
    /* counting pass along the oracle's path */
    for (i = 0; i < b->n; i++) {
        const sent *s = &b->s[i];
        ag_nlp_state st;
        if (s->n >= 1024)
            continue;
        if (ag_nlp__state_init(&st, s->n))
            die("%s", "out of memory");
        while (!ag_nlp__state_done(&st)) {
            size_t nf = ag_nlp__parser_features(&st, cc->info[i], tags[i], tag_upos, feats);
            int c, pick = -1;
            if (ag_nlp__trainer_count(t, feats, nf))
                die("%s", "out of memory");
            for (c = 0; c < C && pick < 0; c++)
                if (ag_nlp__legal(&st, c) && action_cost(&st, s, c) == 0)
                    pick = c;
            if (pick < 0)
                for (c = 0; c < C && pick < 0; c++)
                    if (ag_nlp__legal(&st, c))
                        pick = c;
            ag_nlp__apply(&st, pick);
        }
        {
            size_t j, ok = 1;
            for (j = 1; j <= s->n; j++)
                ok &= st.heads[j] == s->w[j].phead && st.labels[j] == s->w[j].label;
            oracle_ok += ok;
        }
        ag_nlp__state_free(&st);
    }
    /* the costs are right only if following zero-cost actions rebuilds
     * every (projectivized) training tree */
    fprintf(stderr, "parser: the oracle rebuilds %zu of %zu training trees\n", oracle_ok, b->n);
    if (ag_nlp__trainer_commit(t))
        die("%s", "out of memory");
    fprintf(stderr, "parser: %zu features, %zu with weights\n", t->n_keys, t->n_rows);
    for (e = 0; e < epochs; e++) {
        size_t k, right = 0, total = 0;
        clock_t t0 = clock();
        shuffle(order, b->n, &rng);
        for (k = 0; k < b->n; k++) {
            const sent *s = &b->s[order[k]];
            ag_nlp_state st;
            if (s->n >= 1024)
                continue;
            if (ag_nlp__state_init(&st, s->n))
                die("%s", "out of memory");
            while (!ag_nlp__state_done(&st)) {
                size_t nf = ag_nlp__parser_features(&st, cc->info[order[k]], tags[order[k]], tag_upos, feats);
                int c, pred = -1, gold = -1, next;
                memset(scores, 0, (size_t)C * sizeof *scores);
                ag_nlp__trainer_score(t, feats, nf, scores);
                for (c = 0; c < C; c++) {
                    costs[c] = ag_nlp__legal(&st, c) ? action_cost(&st, s, c) : -1;
                    if (costs[c] < 0)
                        continue;
                    if (pred < 0 || scores[c] > scores[pred])
                        pred = c;
                }
                {
                    int mincost = -1;
                    for (c = 0; c < C; c++)
                        if (costs[c] >= 0 && (mincost < 0 || costs[c] < mincost))
                            mincost = costs[c];
                    for (c = 0; c < C; c++)
                        if (costs[c] == mincost && (gold < 0 || scores[c] > scores[gold]))
                            gold = c;
                }
                ag_nlp__trainer_update(t, feats, nf, gold, costs[pred] == costs[gold] ? gold : pred);
                right += costs[pred] == costs[gold];
                total++;
                /* error exploration after the first epoch: follow the
                 * model's mistake nine times in ten */
                next = gold;
                if (costs[pred] != costs[gold] && e >= 1 && rng_next(&rng) % 10 < 9)
                    next = pred;
                ag_nlp__apply(&st, next);
            }
            ag_nlp__state_free(&st);
        }
        {
            ag_nlp_weights wt;
            double uas, las;
            if (ag_nlp__trainer_export(t, 0, &wt))
                die("%s", "out of memory");
            eval_parser(&wt, dev, dc, dtags, tag_upos, &uas, &las);
            fprintf(stderr, "parser epoch %d: train actions %.4f dev UAS %.4f LAS %.4f (%.0f s)\n", e + 1,
                    (double)right / (double)total, uas, las, (double)(clock() - t0) / CLOCKS_PER_SEC);
            ag_nlp__weights_free(&wt);
        }
    }
    free(scores), free(costs), free(order);
}

/* ---- lemmas: suffix rules and exceptions learned from the treebank ---- */

typedef struct lcount {
    char *key;   /* "suffix\ttag\tstrip\tappend" or "form\ttag\tlemma" */
    size_t count;
} lcount;

static int cmp_lcount(const void *a, const void *b)
{
    return strcmp(((const lcount *)a)->key, ((const lcount *)b)->key);
}

typedef struct counter {
    ag_strmap idx;
    lcount *v;
    size_t n, cap;
} counter;

static void count_key(counter *c, const char *key)
{
    size_t at;
    if (ag_strmap_get(&c->idx, key, &at)) {
        c->v[at].count++;
        return;
    }
    GROW_OR_DIE(c->v, c->n, c->cap, 4096);
    c->v[c->n].key = xstrdup(key);
    c->v[c->n].count = 1;
    if (ag_strmap_put(&c->idx, key, c->n))
        die("%s", "out of memory");
    c->n++;
}

static void lower_into(const char *s, char *out, size_t outsz)
{
    size_t i;
    for (i = 0; s[i] && i + 1 < outsz; i++)
        out[i] = ag_nlp__to_lower((unsigned char)s[i]);
    out[i] = 0;
}

/* The edit from form to lemma: bytes stripped from the end and appended. */
static void edit_of(const char *form, const char *lemma, unsigned *strip, const char **append)
{
    size_t p = 0;
    while (form[p] && form[p] == lemma[p])
        p++;
    *strip = (unsigned)(strlen(form) - p);
    *append = lemma + p;
}

/* Given "a\tb\tc..." entries sorted, pick for each "a\tb" the most frequent rest (ties: first). */
typedef void (*best_fn)(const char *prefix, const char *rest, size_t count, void *payload);

static void for_each_best(counter *c, best_fn fn, void *payload)
{
    size_t i = 0;
    qsort(c->v, c->n, sizeof *c->v, cmp_lcount);
    while (i < c->n) {
        const char *tab = strchr(strchr(c->v[i].key, '\t') + 1, '\t');
        size_t plen = (size_t)(tab - c->v[i].key), j = i, best = i;
        while (j < c->n && !strncmp(c->v[j].key, c->v[i].key, plen) && c->v[j].key[plen] == '\t') {
            if (c->v[j].count > c->v[best].count)
                best = j;
            j++;
        }
        {
            char *prefix = xmalloc(plen + 1);
            memcpy(prefix, c->v[i].key, plen);
            fn(prefix, c->v[best].key + plen + 1, c->v[best].count, payload);
            free(prefix);
        }
        i = j;
    }
}

typedef struct rule_sink {
    ag_nlp_model *m;
    size_t cap;
} rule_sink;

static void add_rule(const char *prefix, const char *rest, size_t count, void *payload)
{
    rule_sink *rs = payload;
    ag_nlp_model *m = rs->m;
    char *tab = strchr(prefix, '\t');
    const char *tab2 = strchr(rest, '\t');
    ag_nlp_lemma_rule *r;

    if (count < 2)
        return;
    GROW_OR_DIE(m->rules, m->n_rules, rs->cap, 4096);
    r = &m->rules[m->n_rules++];
    r->suffix = ag_arena_strndup(&m->strings, prefix, (size_t)(tab - prefix));
    r->tag = (uint8_t)atoi(tab + 1);
    r->strip = (uint8_t)atoi(rest);
    r->append = ag_arena_strndup(&m->strings, tab2 + 1, strlen(tab2 + 1));
}

typedef struct exc_sink {
    ag_nlp_model *m;
    size_t cap;
} exc_sink;

static void add_exception(const char *prefix, const char *rest, size_t count, void *payload)
{
    exc_sink *es = payload;
    ag_nlp_model *m = es->m;
    char *tab = strchr(prefix, '\t');
    char form[256], guess[256], key[600];

    snprintf(form, sizeof form, "%.*s", (int)(tab - prefix), prefix);
    ag_nlp__lemmatize(m, form, (unsigned)atoi(tab + 1), guess, sizeof guess);
    if (!strcmp(guess, rest) || strlen(form) > 60 || strlen(rest) > 60)
        return;
    (void)count;
    GROW_OR_DIE(m->exception_lemmas, m->n_exceptions, es->cap, 1024);
    snprintf(key, sizeof key, "%s\t%s", prefix, rest);
    m->exception_lemmas[m->n_exceptions++] = ag_arena_strndup(&m->strings, key, strlen(key));
}

static void learn_lemmas(const bank *b, ag_nlp_model *m, unsigned max_suffix)
{
    counter rules = {AG_STRMAP_INIT, NULL, 0, 0}, forms = {AG_STRMAP_INIT, NULL, 0, 0};
    rule_sink rs = {m, 0};
    exc_sink es = {m, 0};
    size_t i, j, r;
    char key[600], lf[256], ll[256];

    m->max_suffix = max_suffix;
    for (i = 0; i < b->n; i++) {
        for (j = 1; j <= b->s[i].n; j++) {
            const word *w = &b->s[i].w[j];
            unsigned strip, k, len;
            const char *append;
            if (!strcmp(w->upos, "PROPN"))
                continue;
            lower_into(w->form, lf, sizeof lf);
            lower_into(w->lemma, ll, sizeof ll);
            edit_of(lf, ll, &strip, &append);
            len = (unsigned)strlen(lf);
            for (k = 0; k <= max_suffix && k <= len; k++) {
                snprintf(key, sizeof key, "%s\t%d\t%u\t%s", lf + len - k, w->tag, strip, append);
                count_key(&rules, key);
            }
            snprintf(key, sizeof key, "%s\t%d\t%s", lf, w->tag, ll);
            count_key(&forms, key);
        }
    }
    for_each_best(&rules, add_rule, &rs);
    for (r = 0; r < m->n_rules; r++) {
        snprintf(key, sizeof key, "%s\t%u", m->rules[r].suffix, (unsigned)m->rules[r].tag);
        if (ag_strmap_put(&m->lemma_rules, key, r))
            die("%s", "out of memory");
    }
    for_each_best(&forms, add_exception, &es);
    for (i = 0; i < rules.n; i++)
        free(rules.v[i].key);
    for (i = 0; i < forms.n; i++)
        free(forms.v[i].key);
    free(rules.v), free(forms.v);
    ag_strmap_free(&rules.idx), ag_strmap_free(&forms.idx);
}

/* ---- evaluation of a finished model ---- */

typedef struct scores {
    size_t words, upos, xpos, lemma, uas, las;
} scores_t;

static void eval_model(const ag_nlp_model *m, const bank *b, scores_t *sc, FILE *dump)
{
    ag_ctx *ctx;
    ag_nlp_sentence s;
    const char **forms = NULL;
    size_t i, j, cap = 0;

    memset(sc, 0, sizeof *sc);
    memset(&s, 0, sizeof s);
    if (ag_ctx_new(&ctx))
        die("%s", "out of memory");
    for (i = 0; i < b->n; i++) {
        const sent *g = &b->s[i];
        if (g->n > cap) {
            cap = g->n * 2;
            forms = realloc(forms, cap * sizeof *forms);
            if (!forms)
                die("%s", "out of memory");
        }
        for (j = 0; j < g->n; j++)
            forms[j] = g->w[j + 1].form;
        if (ag_nlp_sentence_reset(&s, ctx, forms, g->n) || ag_nlp_analyze(m, ctx, &s))
            die("%s", ag_ctx_errmsg(ctx));
        for (j = 0; j < g->n; j++) {
            const word *w = &g->w[j + 1];
            char gl[256], pl[256];
            if (dump)
                fprintf(dump, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t%d\t%s\n", j + 1, w->form, s.lemmas[j],
                        ag_nlp_upos_name(s.upos[j]), ag_nlp_xpos_name(m, s.xpos[j]), s.heads[j],
                        ag_nlp_deprel_name(m, s.deprels[j]), w->head, w->deprel);
            sc->words++;
            sc->upos += !strcmp(ag_nlp_upos_name(s.upos[j]), w->upos);
            sc->xpos += !strcmp(ag_nlp_xpos_name(m, s.xpos[j]), w->xpos);
            lower_into(w->lemma, gl, sizeof gl);
            lower_into(s.lemmas[j], pl, sizeof pl);
            sc->lemma += !strcmp(gl, pl);
            if (s.heads[j] == w->head) {
                sc->uas++;
                sc->las += !strcmp(ag_nlp_deprel_name(m, s.deprels[j]), w->deprel);
            }
        }
    }
    ag_nlp_sentence_release(&s);
    free(forms);
    ag_ctx_free(ctx);
}

/* The text stage's tokens of each "# text =", parsed and aligned to the
 * gold words by character offsets: a word counts when our token has the
 * same span, and its head when the head's span matches too. */
static void eval_raw(const ag_nlp_model *m, const bank *b, scores_t *sc, size_t *ours)
{
    ag_ctx *ctx;
    ag_lexicon *lex;
    ag_nlp_sentence s;
    size_t i;

    memset(sc, 0, sizeof *sc);
    memset(&s, 0, sizeof s);
    *ours = 0;
    if (ag_ctx_new(&ctx) || ag_lexicon_new(&lex, ctx))
        die("%s", "cannot load the lexicon");
    for (i = 0; i < b->n; i++) {
        const sent *g = &b->s[i];
        size_t *gstart = NULL, *gend = NULL, j, t, pos = 0;
        ag_doc *doc = NULL;
        ag_text *text = NULL;
        const char **forms;
        size_t *tok_of_word; /* gold word -> our token + 1, or 0 */
        long *word_of_tok;

        if (!g->text)
            continue;
        gstart = xmalloc((g->n + 1) * sizeof *gstart);
        gend = xmalloc((g->n + 1) * sizeof *gend);
        for (j = 1; j <= g->n; j++) {
            const char *hit = strstr(g->text + pos, g->w[j].form);
            if (hit) {
                gstart[j] = (size_t)(hit - g->text);
                gend[j] = gstart[j] + strlen(g->w[j].form);
                pos = gend[j];
            } else {
                gstart[j] = gend[j] = (size_t)-1; /* a word the text spells otherwise */
            }
        }
        sc->words += g->n;
        if (ag_doc_new(&doc, ctx, "raw", g->text, strlen(g->text)) ||
            ag_text_analyze(&text, ctx, doc, lex))
            die("%s", ag_ctx_errmsg(ctx));
        forms = xmalloc((text->n_tokens + 1) * sizeof *forms);
        word_of_tok = xmalloc((text->n_tokens + 1) * sizeof *word_of_tok);
        tok_of_word = xmalloc((g->n + 1) * sizeof *tok_of_word);
        for (t = 0; t < text->n_tokens; t++) {
            forms[t] = text->tokens[t].norm;
            word_of_tok[t] = -1;
            for (j = 1; j <= g->n; j++)
                if (gstart[j] == text->tokens[t].start && gend[j] == text->tokens[t].end) {
                    word_of_tok[t] = (long)j;
                    tok_of_word[j] = t + 1;
                }
        }
        *ours += text->n_tokens;
        /* the text stage may split the line into several sentences: parse each */
        for (t = 0; t < text->n_sentences; t++) {
            const ag_sentence *se = &text->sentences[t];
            size_t k;
            if (ag_nlp_sentence_reset(&s, ctx, forms + se->first, se->count) || ag_nlp_analyze(m, ctx, &s))
                die("%s", ag_ctx_errmsg(ctx));
            for (k = 0; k < se->count; k++) {
                long gw = word_of_tok[se->first + k];
                const word *w;
                long ph;
                if (gw < 0)
                    continue;
                w = &g->w[gw];
                sc->upos += !strcmp(ag_nlp_upos_name(s.upos[k]), w->upos);
                ph = s.heads[k] ? word_of_tok[se->first + (size_t)s.heads[k] - 1] : 0;
                if ((w->head == 0 && s.heads[k] == 0) || (w->head > 0 && ph == w->head)) {
                    sc->uas++;
                    sc->las += !strcmp(ag_nlp_deprel_name(m, s.deprels[k]), w->deprel);
                }
            }
        }
        free(forms), free(word_of_tok), free(tok_of_word), free(gstart), free(gend);
        ag_text_free(text);
        ag_doc_free(doc);
    }
    ag_nlp_sentence_release(&s);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
}

/* ---- main ---- */

static void usage(FILE *f)
{
    fputs("usage: actorgraph-train train [OPTIONS] TRAIN.conllu DEV.conllu -o MODEL\n"
          "       actorgraph-train prune [--tagger-min N] [--parser-min N] [--about TEXT] MODEL -o SMALLER\n"
          "       actorgraph-train clusters [--words N] [--depth D] VECTORS.txt -o CLUSTERS.tsv\n"
          "       actorgraph-train eval [--model FILE] [--raw] [--min-upos X] [--min-uas X] [--min-las X] GOLD.conllu\n"
          "\n"
          "train: learn the tagger, lemmatizer and parser on TRAIN; DEV chooses nothing by\n"
          "itself but its accuracy is printed after every epoch.\n"
          "  --tagger-epochs N (8)  --parser-epochs N (12)  --folds N (5: jackknifed tags\n"
          "  for the parser)  --min-count N (2)  --prune X (0.05)  --seed N (1)\n"
          "  --about TEXT (a header line naming the treebank and license; repeatable)\n"
          "  --clusters FILE (word classes made by `clusters`: features for unseen words)\n"
          "clusters: word classes by bisecting 2-means over word vectors in GloVe's text\n"
          "format (a word and its numbers per line, most frequent first).\n"
          "eval: measure a model (default: the built-in one) on GOLD: UPOS, XPOS, lemma,\n"
          "UAS, LAS on the treebank's words, or with --raw on the text stage's own\n"
          "tokens of each '# text =' line, aligned by characters.  With --min-*, exit 1\n"
          "when a figure is lower.\n",
          f);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (!f)
        die("cannot open %s", path);
    do {
        if (n + 65536 > cap) {
            cap = (n + 65536) * 2;
            buf = realloc(buf, cap);
            if (!buf)
                die("%s", "out of memory");
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return buf;
}

static int cmd_eval(int argc, char **argv)
{
    const char *model_path = NULL, *gold = NULL;
    double min_upos = 0, min_uas = 0, min_las = 0;
    int raw = 0, i, fail = 0;
    FILE *dump = NULL;
    ag_nlp_model *m = NULL;
    ag_ctx *ctx;
    bank b;
    scores_t sc;

    for (i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model_path = argv[++i];
        else if (!strcmp(argv[i], "--raw"))
            raw = 1;
        else if (!strcmp(argv[i], "--dump"))
            dump = stdout; /* predicted and gold heads and relations, word by word */
        else if (!strcmp(argv[i], "--min-upos") && i + 1 < argc)
            min_upos = atof(argv[++i]);
        else if (!strcmp(argv[i], "--min-uas") && i + 1 < argc)
            min_uas = atof(argv[++i]);
        else if (!strcmp(argv[i], "--min-las") && i + 1 < argc)
            min_las = atof(argv[++i]);
        else if (argv[i][0] != '-' && !gold)
            gold = argv[i];
        else
            return usage(stderr), 2;
    }
    if (!gold)
        return usage(stderr), 2;
    if (ag_ctx_new(&ctx))
        die("%s", "out of memory");
    if (model_path) {
        size_t len;
        char *bytes = read_file(model_path, &len);
        if (ag_nlp_model_load(&m, ctx, bytes, len))
            die("%s", ag_ctx_errmsg(ctx));
        free(bytes);
    } else if (ag_nlp_model_builtin(&m, ctx)) {
        die("%s", ag_ctx_errmsg(ctx));
    }
    read_bank(gold, &b);
    if (raw) {
        size_t ours;
        eval_raw(m, &b, &sc, &ours);
        printf("%s (text stage tokens, %zu gold words, %zu tokens): UPOS %.4f UAS %.4f LAS %.4f\n", gold,
               sc.words, ours, (double)sc.upos / (double)sc.words, (double)sc.uas / (double)sc.words,
               (double)sc.las / (double)sc.words);
    } else {
        eval_model(m, &b, &sc, dump);
        printf("%s (%zu words): UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f\n", gold, sc.words,
               (double)sc.upos / (double)sc.words, (double)sc.xpos / (double)sc.words,
               (double)sc.lemma / (double)sc.words, (double)sc.uas / (double)sc.words,
               (double)sc.las / (double)sc.words);
    }
    if ((double)sc.upos / (double)sc.words < min_upos || (double)sc.uas / (double)sc.words < min_uas ||
        (double)sc.las / (double)sc.words < min_las) {
        printf("below the required figures (UPOS >= %.3f, UAS >= %.3f, LAS >= %.3f)\n", min_upos, min_uas,
               min_las);
        fail = 1;
    }
    ag_nlp_model_free(m);
    ag_ctx_free(ctx);
    return fail;
}

static int cmd_train(int argc, char **argv)
{
    const char *train_path = NULL, *dev_path = NULL, *out_path = NULL, *clusters_path = NULL;
    int tagger_epochs = 8, parser_epochs = 12, folds = 5, i;
    unsigned min_count = 2;
    double prune = 0.05;
    uint64_t seed = 1;
    ag_buf about = AG_BUF_INIT;
    bank train, dev;
    names xpos = {0}, jointn = {0}, labels = {0};
    corpus_cache tc, dc;
    uint8_t **ttags, **dtags;
    ag_nlp_model *m = NULL;
    ag_nlp_trainer pt;
    size_t s, j;

    for (i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--tagger-epochs") && i + 1 < argc)
            tagger_epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--parser-epochs") && i + 1 < argc)
            parser_epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--folds") && i + 1 < argc)
            folds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--min-count") && i + 1 < argc)
            min_count = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--prune") && i + 1 < argc)
            prune = atof(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--clusters") && i + 1 < argc)
            clusters_path = argv[++i];
        else if (!strcmp(argv[i], "--about") && i + 1 < argc)
            ag_buf_printf(&about, "%s\n", argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out_path = argv[++i];
        else if (argv[i][0] != '-' && !train_path)
            train_path = argv[i];
        else if (argv[i][0] != '-' && !dev_path)
            dev_path = argv[i];
        else
            return usage(stderr), 2;
    }
    if (!train_path || !dev_path || !out_path || folds < 0 || folds == 1)
        return usage(stderr), 2;
    if (!seed)
        seed = 1;
    read_bank(train_path, &train);
    read_bank(dev_path, &dev);
    fprintf(stderr, "%zu training sentences, %zu dev sentences\n", train.n, dev.n);

    /* label sets */
    for (s = 0; s < train.n; s++)
        for (j = 1; j <= train.s[s].n; j++) {
            word *w = &train.s[s].w[j];
            names_add(&xpos, w->xpos);
            names_add(&jointn, joint(w->upos, w->xpos));
            names_add(&labels, w->deprel);
        }
    qsort(xpos.v, xpos.n, sizeof *xpos.v, cmp_str);
    qsort(jointn.v, jointn.n, sizeof *jointn.v, cmp_str);
    qsort(labels.v, labels.n, sizeof *labels.v, cmp_str);
    if (jointn.n > AG_NLP_MAX_TAGS || labels.n > AG_NLP_MAX_DEPRELS || labels.n * 2 + 1 > 255)
        die("%s", "too many tags or relations for the model format");
    if (ag_nlp__model_new(&m))
        die("%s", "out of memory");
    m->n_xpos = (unsigned)xpos.n;
    for (j = 0; j < xpos.n; j++)
        m->xpos_names[j] = xpos.v[j];
    m->n_tags = (unsigned)jointn.n;
    for (j = 0; j < jointn.n; j++) {
        char *bar = strchr(jointn.v[j], '|'), up[32];
        snprintf(up, sizeof up, "%.*s", (int)(bar - jointn.v[j]), jointn.v[j]);
        if (ag_nlp__upos_index(up) < 0)
            die("unknown UPOS tag %s", up);
        m->tag_upos[j] = (uint8_t)ag_nlp__upos_index(up);
        m->tag_xpos[j] = (uint8_t)name_index(&xpos, bar + 1);
    }
    m->n_deprels = (unsigned)labels.n;
    for (j = 0; j < labels.n; j++)
        m->deprel_names[j] = labels.v[j];
    for (i = 0; i < 2; i++) {
        bank *b = i ? &dev : &train;
        for (s = 0; s < b->n; s++) {
            for (j = 1; j <= b->s[s].n; j++) {
                word *w = &b->s[s].w[j];
                char *jt = joint(w->upos, w->xpos);
                w->tag = name_index(&jointn, jt);
                w->label = name_index(&labels, w->deprel);
                free(jt);
                if (w->tag < 0)
                    w->tag = 0; /* a tag the training data never shows: always wrong */
            }
            projectivize(&b->s[s]);
        }
    }
    m->about = about.data ? about.data : "";

    if (clusters_path)
        ag_train_clusters_load(clusters_path, m);
    cache_build(m, &train, &tc);
    cache_build(m, &dev, &dc);
    learn_lemmas(&train, m, 4);
    fprintf(stderr, "lemmas: %zu suffix rules, %zu exceptions\n", m->n_rules, m->n_exceptions);

    /* tagger on all of train, then jackknifed tags for the parser */
    train_tagger(&train, &tc, m->n_tags, tagger_epochs, 1, -1, seed, &m->tagger, &dev, &dc, 1);
    ttags = xmalloc(train.n * sizeof *ttags);
    dtags = xmalloc(dev.n * sizeof *dtags);
    for (s = 0; s < dev.n; s++) {
        dtags[s] = xmalloc(dev.s[s].n + 1);
        tag_with(&m->tagger, m->n_tags, &dev.s[s], dc.info[s], dtags[s]);
    }
    for (s = 0; s < train.n; s++)
        ttags[s] = xmalloc(train.s[s].n + 1);
    if (folds >= 2) {
        int f;
        for (f = 0; f < folds; f++) {
            ag_nlp_weights wt;
            train_tagger(&train, &tc, m->n_tags, tagger_epochs, folds, f, seed + (uint64_t)f + 1, &wt, NULL,
                         NULL, 0);
            for (s = (size_t)f; s < train.n; s += (size_t)folds)
                tag_with(&wt, m->n_tags, &train.s[s], tc.info[s], ttags[s]);
            ag_nlp__weights_free(&wt);
            fprintf(stderr, "jackknife fold %d/%d tagged\n", f + 1, folds);
        }
    } else {
        for (s = 0; s < train.n; s++) {
            ttags[s][0] = 255;
            for (j = 1; j <= train.s[s].n; j++)
                ttags[s][j] = (uint8_t)train.s[s].w[j].tag;
        }
    }
    train_parser(&train, &tc, ttags, m->tag_upos, m->n_deprels, parser_epochs, min_count, seed, &pt, &dev, &dc, dtags);

    if (ag_nlp__trainer_export(&pt, prune, &m->parser))
        die("%s", "out of memory");
    ag_nlp__trainer_free(&pt);
    {
        FILE *f;
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
        if (!(f = fopen(tmp, "wb")))
            die("cannot write %s", tmp);
        if (ag_nlp__model_write(m, f) || fclose(f) || rename(tmp, out_path))
            die("cannot write %s", out_path);
    }
    {
        size_t len;
        char *bytes = read_file(out_path, &len);
        ag_nlp_model *back = NULL;
        ag_ctx *ctx;
        scores_t sc;
        if (ag_ctx_new(&ctx) || ag_nlp_model_load(&back, ctx, bytes, len))
            die("the written model does not load back: %s", out_path);
        eval_model(back, &dev, &sc, NULL);
        fprintf(stderr,
                "%s: %zu bytes; tagger %u rows %u entries; parser %u rows %u entries\n"
                "dev with the written model: UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f\n",
                out_path, len, back->tagger.n_rows, back->tagger.n_entries, back->parser.n_rows,
                back->parser.n_entries, (double)sc.upos / (double)sc.words, (double)sc.xpos / (double)sc.words,
                (double)sc.lemma / (double)sc.words, (double)sc.uas / (double)sc.words,
                (double)sc.las / (double)sc.words);
        ag_nlp_model_free(back);
        ag_ctx_free(ctx);
        free(bytes);
    }
    return 0;
}

/* Drop the quantized weights under a threshold from a model file: a smaller
 * model without retraining. */
static void prune_weights(ag_nlp_weights *wt, int min_abs)
{
    ag_nlp_entry *entries = malloc(((size_t)wt->n_entries + 1) * sizeof *entries);
    uint32_t s, j, e = 0, rows = 0;

    if (!entries)
        die("%s", "out of memory");
    for (s = 0; s < wt->cap; s++) {
        ag_nlp_slot *sl = &wt->slots[s];
        uint32_t start = e;
        if (!sl->key)
            continue;
        if (sl->len == AG_NLP_DENSE) { /* dense rows keep their place; small weights become 0 */
            for (j = 0; j < wt->n_classes; j++)
                if (abs(wt->dense[sl->start + j]) < min_abs)
                    wt->dense[sl->start + j] = 0;
            rows++;
            continue;
        }
        for (j = sl->start; j < (uint32_t)sl->start + (uint32_t)sl->len; j++)
            if (abs(wt->entries[j].w) >= min_abs)
                entries[e++] = wt->entries[j];
        sl->start = start;
        sl->len = e - start;
        if (e == start)
            sl->key = 0; /* no look-ups follow: the file is written next */
        else
            rows++;
    }
    free(wt->entries);
    wt->entries = entries;
    wt->n_entries = e;
    wt->n_rows = rows;
}

static int cmd_prune(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    int tagger_min = 0, parser_min = 0, i;
    ag_buf about = AG_BUF_INIT;
    size_t len;
    char *bytes, tmp[4096];
    ag_nlp_model *m = NULL;
    ag_ctx *ctx;
    FILE *f;

    for (i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--tagger-min") && i + 1 < argc)
            tagger_min = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--parser-min") && i + 1 < argc)
            parser_min = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--about") && i + 1 < argc)
            ag_buf_printf(&about, "%s\n", argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (argv[i][0] != '-' && !in)
            in = argv[i];
        else
            return usage(stderr), 2;
    }
    if (!in || !out)
        return usage(stderr), 2;
    bytes = read_file(in, &len);
    if (ag_ctx_new(&ctx) || ag_nlp_model_load(&m, ctx, bytes, len))
        die("cannot load %s", in);
    prune_weights(&m->tagger, tagger_min);
    prune_weights(&m->parser, parser_min);
    if (about.data) /* a new header replaces the old one */
        m->about = about.data;
    /* the writer walks slots in order and the reader re-inserts, so emptied
     * slots cost nothing once written */
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    if (!(f = fopen(tmp, "wb")) || ag_nlp__model_write(m, f) || fclose(f) || rename(tmp, out))
        die("cannot write %s", out);
    fprintf(stderr, "%s: tagger %u rows %u entries; parser %u rows %u entries\n", out, m->tagger.n_rows,
            m->tagger.n_entries, m->parser.n_rows, m->parser.n_entries);
    ag_nlp_model_free(m);
    ag_buf_free(&about);
    ag_ctx_free(ctx);
    free(bytes);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "prune"))
        return cmd_prune(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "train"))
        return cmd_train(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "eval"))
        return cmd_eval(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "clusters"))
        return ag_train_clusters_main(argc, argv);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return 0;
    }
    usage(stderr);
    return 2;
}
