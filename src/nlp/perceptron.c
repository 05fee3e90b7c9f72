/* actorgraph: the averaged perceptron behind the tagger and the parser.
 * Training keeps dense integer rows (exact, so the same corpus and seed give
 * the same model bytes); the shipped model keeps only the rows and classes
 * whose averaged weight survives pruning, quantized to 16 bits. */
#define _DEFAULT_SOURCE /* madvise(MADV_HUGEPAGE) */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "nlp/nlp_internal.h"

void *ag_nlp__big_calloc(size_t n, size_t size)
{
    size_t bytes = n * size, huge = (size_t)2 << 20;
    void *p = NULL;

    if (size && n > SIZE_MAX / size)
        return NULL;
    if (bytes < huge)
        return calloc(n ? n : 1, size ? size : 1);
    /* tables of megabytes are read at random: huge pages spare the TLB */
    if (posix_memalign(&p, huge, (bytes + huge - 1) / huge * huge))
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, (bytes + huge - 1) / huge * huge, MADV_HUGEPAGE);
#endif
    memset(p, 0, bytes);
    return p;
}

uint32_t ag_nlp__slot(const ag_nlp_weights *wt, uint32_t key)
{
    uint32_t mask = wt->cap - 1, i = (key * 2654435761u) & mask;

    while (wt->slots[i].key && wt->slots[i].key != key)
        i = (i + 1) & mask;
    return i;
}

#define SCORE_BATCH 128

static void add_row(int32_t *restrict scores, const int16_t *restrict row, uint32_t n)
{
    uint32_t c;

    for (c = 0; c < n; c++)
        scores[c] += row[c];
}

/* The slot holding @p key in a table of @p mask + 1 slots, from its home
 * slot @p i; NULL if absent. */
static inline const ag_nlp_slot *probe(const ag_nlp_slot *slots, uint32_t mask, uint32_t key, uint32_t i)
{
    while (slots[i].key && slots[i].key != key)
        i = (i + 1) & mask;
    return slots[i].key ? &slots[i] : NULL;
}

void ag_nlp__score(const ag_nlp_weights *wt, const uint64_t *feats, size_t n, int32_t *scores)
{
    ag_nlp__score_each(wt, feats, NULL, n, scores, 0);
}

void ag_nlp__score_each(const ag_nlp_weights *wt, const uint64_t *feats, const uint32_t *dst, size_t n,
                        int32_t *scores, size_t stride)
{
    uint32_t keys[SCORE_BATCH], home[SCORE_BATCH];
    const ag_nlp_entry *rows[SCORE_BATCH];
    const int16_t *dense[SCORE_BATCH];
    int32_t *row_out[SCORE_BATCH], *dense_out[SCORE_BATCH];
    uint32_t lens[SCORE_BATCH];
    uint32_t mask = wt->cap - 1;
    size_t f, base;

    if (!wt->cap)
        return;
    for (base = 0; base < n; base += SCORE_BATCH) {
        size_t m = n - base < SCORE_BATCH ? n - base : SCORE_BATCH, nr = 0, nd = 0;
        /* Three passes, so that the cache misses overlap instead of queueing:
         * ask for every slot, then read the slots and ask for every row,
         * then add the rows.  Most look-ups miss the cache (the tables are
         * larger than it): this is where the time goes. */
        for (f = 0; f < m; f++) {
            keys[f] = ag_nlp__key32(feats[base + f]);
            home[f] = (keys[f] * 2654435761u) & mask;
#if defined(__GNUC__)
            __builtin_prefetch(&wt->slots[home[f]]);
#endif
        }
        for (f = 0; f < m; f++) {
            const ag_nlp_slot *sl = probe(wt->slots, mask, keys[f], home[f]);
            if (!sl)
                continue;
            if (sl->len == AG_NLP_DENSE) {
                const int16_t *row = wt->dense + sl->start;
#if defined(__GNUC__)
                /* a dense row spans four or five cache lines */
                const char *p = (const char *)row, *end = (const char *)(row + wt->n_classes);
                for (; p < end; p += 64)
                    __builtin_prefetch(p);
                __builtin_prefetch(end - 1);
#endif
                dense_out[nd] = dst ? scores + dst[base + f] * stride : scores;
                dense[nd++] = row;
                continue;
            }
            row_out[nr] = dst ? scores + dst[base + f] * stride : scores;
            rows[nr] = wt->entries + sl->start;
            lens[nr] = sl->len;
#if defined(__GNUC__)
            __builtin_prefetch(rows[nr]);
            __builtin_prefetch(rows[nr] + lens[nr] - 1);
#endif
            nr++;
        }
        for (f = 0; f < nr; f++) {
            const ag_nlp_entry *e = rows[f], *end = e + lens[f];
            int32_t *out = row_out[f];
            for (; e < end; e++)
                out[e->cls] += e->w;
        }
        for (f = 0; f < nd; f++)
            add_row(dense_out[f], dense[f], wt->n_classes);
    }
}

/* A row this long is cheaper summed densely than entry by entry. */
static int long_row(const ag_nlp_weights *wt, uint32_t len)
{
    return wt->n_classes >= 8 && len * 6 >= wt->n_classes;
}

int ag_nlp__weights_densify(ag_nlp_weights *wt)
{
    uint32_t s, n = 0, k = 0, j;

    for (s = 0; s < wt->cap; s++)
        n += wt->slots[s].key && long_row(wt, wt->slots[s].len);
    while (n && (uint64_t)n * wt->n_classes > AG_NLP_MAX_START)
        n--; /* more than the offsets can hold: the rest stays sparse */
    if (!n)
        return AG_OK;
    if (!(wt->dense = ag_nlp__big_calloc((size_t)n * wt->n_classes, sizeof *wt->dense)))
        return AG_ENOMEM;
    for (s = 0; s < wt->cap; s++) {
        ag_nlp_slot *sl = &wt->slots[s];
        int16_t *row;
        if (!sl->key || !long_row(wt, sl->len) || k == n)
            continue;
        row = wt->dense + (size_t)k * wt->n_classes;
        for (j = sl->start; j < (uint32_t)sl->start + (uint32_t)sl->len; j++)
            row[wt->entries[j].cls] = wt->entries[j].w;
        sl->start = k * wt->n_classes;
        sl->len = AG_NLP_DENSE;
        k++;
    }
    wt->n_dense = n;
    return AG_OK;
}

void ag_nlp__weights_free(ag_nlp_weights *wt)
{
    free(wt->slots);
    free(wt->dense);
    free(wt->entries);
    memset(wt, 0, sizeof *wt);
}

/* ---- training ---- */

static size_t slot64(const ag_nlp_trainer *t, uint64_t key)
{
    size_t mask = t->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;

    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

static int trainer_grow(ag_nlp_trainer *t)
{
    size_t old_cap = t->cap, i, cap = old_cap ? old_cap * 2 : (1u << 16);
    uint64_t *old_keys = t->keys;
    uint32_t *old_counts = t->counts;
    int64_t *old_rows = t->rows;

    t->keys = calloc(cap, sizeof *t->keys);
    t->counts = calloc(cap, sizeof *t->counts);
    t->rows = malloc(cap * sizeof *t->rows);
    if (!t->keys || !t->counts || !t->rows) {
        free(t->keys), free(t->counts), free(t->rows);
        t->keys = old_keys, t->counts = old_counts, t->rows = old_rows;
        return AG_ENOMEM;
    }
    t->cap = cap;
    for (i = 0; i < cap; i++)
        t->rows[i] = -1;
    for (i = 0; i < old_cap; i++) {
        if (old_keys[i]) {
            size_t s = slot64(t, old_keys[i]);
            t->keys[s] = old_keys[i];
            t->counts[s] = old_counts[i];
            t->rows[s] = old_rows[i];
        }
    }
    free(old_keys), free(old_counts), free(old_rows);
    return AG_OK;
}

int ag_nlp__trainer_init(ag_nlp_trainer *t, uint32_t n_classes, uint32_t min_count)
{
    memset(t, 0, sizeof *t);
    t->n_classes = n_classes;
    t->min_count = min_count ? min_count : 1;
    return trainer_grow(t);
}

void ag_nlp__trainer_free(ag_nlp_trainer *t)
{
    free(t->keys), free(t->counts), free(t->rows);
    free(t->w), free(t->total), free(t->stamp);
    memset(t, 0, sizeof *t);
}

int ag_nlp__trainer_count(ag_nlp_trainer *t, const uint64_t *feats, size_t n)
{
    size_t f;

    for (f = 0; f < n; f++) {
        uint64_t key = feats[f] ? feats[f] : 1;
        size_t s;

        if ((t->n_keys + 1) * 2 > t->cap && trainer_grow(t))
            return AG_ENOMEM;
        s = slot64(t, key);
        if (!t->keys[s]) {
            t->keys[s] = key;
            t->n_keys++;
        }
        if (t->counts[s] < UINT32_MAX)
            t->counts[s]++;
    }
    return AG_OK;
}

int ag_nlp__trainer_commit(ag_nlp_trainer *t)
{
    size_t i, n = 0, C = t->n_classes;

    for (i = 0; i < t->cap; i++)
        if (t->keys[i] && t->counts[i] >= t->min_count)
            t->rows[i] = (int64_t)n++;
    t->n_rows = n;
    t->w = calloc(n * C + 1, sizeof *t->w);
    t->total = calloc(n * C + 1, sizeof *t->total);
    t->stamp = calloc(n + 1, sizeof *t->stamp);
    return t->w && t->total && t->stamp ? AG_OK : AG_ENOMEM;
}

static int64_t row_of(const ag_nlp_trainer *t, uint64_t key)
{
    size_t s = slot64(t, key ? key : 1);
    return t->keys[s] ? t->rows[s] : -1;
}

void ag_nlp__trainer_score(const ag_nlp_trainer *t, const uint64_t *feats, size_t n, int32_t *scores)
{
    size_t f, c, C = t->n_classes;

    for (f = 0; f < n; f++) {
        int64_t r = row_of(t, feats[f]);
        const int32_t *w;

        if (r < 0)
            continue;
        w = t->w + (size_t)r * C;
        for (c = 0; c < C; c++)
            scores[c] += w[c];
    }
}

/* Bring a row's running totals up to now before its weights change. */
static void catch_up(ag_nlp_trainer *t, size_t r)
{
    size_t c, C = t->n_classes;
    int64_t dt = t->now - t->stamp[r];
    int32_t *w = t->w + r * C;
    int64_t *tot = t->total + r * C;

    if (dt) {
        for (c = 0; c < C; c++)
            tot[c] += (int64_t)w[c] * dt;
    }
    t->stamp[r] = t->now;
}

void ag_nlp__trainer_update(ag_nlp_trainer *t, const uint64_t *feats, size_t n, int truth, int guess)
{
    size_t f, C = t->n_classes;

    t->now++;
    if (truth == guess)
        return;
    for (f = 0; f < n; f++) {
        int64_t r = row_of(t, feats[f]);

        if (r < 0)
            continue;
        catch_up(t, (size_t)r);
        t->w[(size_t)r * C + (size_t)truth]++;
        t->w[(size_t)r * C + (size_t)guess]--;
    }
}

int ag_nlp__trainer_export(const ag_nlp_trainer *t, double prune, ag_nlp_weights *out)
{
    size_t i, c, C = t->n_classes, rows = 0, entries = 0;
    double now = t->now ? (double)t->now : 1.0, maxabs = 0;
    double *avg = malloc(C * sizeof *avg);
    uint32_t cap = 1;
    uint32_t e = 0;

    memset(out, 0, sizeof *out);
    if (!avg)
        return AG_ENOMEM;
    /* First pass: the scale (largest averaged weight) and the kept sizes. */
    for (i = 0; i < t->cap; i++) {
        int64_t r = t->keys[i] ? t->rows[i] : -1;
        size_t kept = 0;

        if (r < 0)
            continue;
        for (c = 0; c < C; c++) {
            size_t k = (size_t)r * C + c;
            double a = ((double)t->total[k] + (double)t->w[k] * (double)(t->now - t->stamp[r])) / now;
            if (fabs(a) > maxabs)
                maxabs = fabs(a);
            if (fabs(a) >= prune)
                kept++;
        }
        if (kept) {
            rows++;
            entries += kept;
        }
    }
    if (maxabs <= 0)
        maxabs = 1;
    while (cap < rows + rows / 2 + 2)
        cap <<= 1;
    out->n_classes = (uint32_t)C;
    out->cap = cap;
    out->slots = ag_nlp__big_calloc(cap, sizeof *out->slots);
    out->entries = ag_nlp__big_calloc(entries + 1, sizeof *out->entries);
    if (!out->slots || !out->entries) {
        free(avg);
        ag_nlp__weights_free(out);
        return AG_ENOMEM;
    }
    /* Rows in the trainer's slot order: fixed by the features' keys and the
     * order they were first seen, so the same training gives the same bytes. */
    for (i = 0; i < t->cap; i++) {
        int64_t r = t->keys[i] ? t->rows[i] : -1;
        uint32_t key, s, len = 0;

        if (r < 0)
            continue;
        for (c = 0; c < C; c++) {
            size_t k = (size_t)r * C + c;
            avg[c] = ((double)t->total[k] + (double)t->w[k] * (double)(t->now - t->stamp[r])) / now;
        }
        key = ag_nlp__key32(t->keys[i]);
        s = ag_nlp__slot(out, key);
        if (out->slots[s].key)
            continue; /* a 32-bit collision: the first row wins */
        if (e + C > AG_NLP_MAX_START) { /* more than a slot can point at */
            free(avg);
            ag_nlp__weights_free(out);
            return AG_EINVAL;
        }
        for (c = 0; c < C; c++) {
            if (fabs(avg[c]) >= prune) {
                double q = round(avg[c] / maxabs * 32767.0);
                if (q == 0)
                    continue;
                if (!len)
                    out->slots[s].start = e;
                out->entries[e].cls = (uint8_t)c;
                out->entries[e].w = (int16_t)q;
                e++, len++;
            }
        }
        if (len) {
            out->slots[s].key = key;
            out->slots[s].len = len;
            out->n_rows++;
        }
    }
    out->n_entries = e;
    free(avg);
    return AG_OK;
}
