/* actorgraph: the averaged perceptron behind the tagger and the parser.
 * Training keeps dense integer rows (exact, so the same corpus and seed give
 * the same model bytes); the shipped model keeps only the rows and classes
 * whose averaged weight survives pruning, quantized to 16 bits. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_internal.h"

static uint32_t slot32(const ag_nlp_weights *wt, uint32_t key)
{
    uint32_t mask = wt->cap - 1, i = (key * 2654435761u) & mask;

    while (wt->keys[i] && wt->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

void ag_nlp__score(const ag_nlp_weights *wt, const uint64_t *feats, size_t n, int32_t *scores)
{
    size_t f;

    if (!wt->cap)
        return;
    for (f = 0; f < n; f++) {
        uint32_t s = slot32(wt, ag_nlp__key32(feats[f]));
        uint32_t j, start, end;

        if (!wt->keys[s])
            continue;
        start = wt->starts[s];
        end = start + wt->lens[s];
        for (j = start; j < end; j++)
            scores[wt->cls[j]] += wt->w[j];
    }
}

void ag_nlp__weights_free(ag_nlp_weights *wt)
{
    free(wt->keys);
    free(wt->starts);
    free(wt->lens);
    free(wt->cls);
    free(wt->w);
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
    while (cap < rows * 2 + 2)
        cap <<= 1;
    out->n_classes = (uint32_t)C;
    out->cap = cap;
    out->keys = calloc(cap, sizeof *out->keys);
    out->starts = calloc(cap, sizeof *out->starts);
    out->lens = calloc(cap, sizeof *out->lens);
    out->cls = malloc(entries + 1);
    out->w = malloc((entries + 1) * sizeof *out->w);
    if (!out->keys || !out->starts || !out->lens || !out->cls || !out->w) {
        free(avg);
        ag_nlp__weights_free(out);
        return AG_ENOMEM;
    }
    /* Rows in key order so the exported bytes depend on the weights only. */
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
        s = slot32(out, key);
        if (out->keys[s])
            continue; /* a 32-bit collision: the first row wins */
        for (c = 0; c < C; c++) {
            if (fabs(avg[c]) >= prune) {
                double q = round(avg[c] / maxabs * 32767.0);
                if (q == 0)
                    continue;
                if (!len)
                    out->starts[s] = e;
                out->cls[e] = (uint8_t)c;
                out->w[e] = (int16_t)q;
                e++, len++;
            }
        }
        if (len) {
            out->keys[s] = key;
            out->lens[s] = (uint16_t)len;
            out->n_rows++;
        }
    }
    out->n_entries = e;
    free(avg);
    return AG_OK;
}
