/* actorgraph-train clusters: word classes for the tagger and parser from
 * pretrained word vectors, so that a word the treebank never shows still
 * looks like the words it behaves like.  Bisecting 2-means over the unit
 * vectors gives each word a bit string (its path in the tree), used like a
 * Brown cluster: short prefixes act as coarse tags, the whole as a word. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_internal.h"
#include "nlp/train/clusters.h"

typedef struct vectors {
    char **word;
    float *v;     /* n * dim, unit length */
    size_t n, dim;
} vectors;

static void fail(const char *what, const char *arg)
{
    fprintf(stderr, "actorgraph-train clusters: %s%s\n", what, arg);
    exit(1);
}

/* GloVe's text format: a word, then its numbers, one line each, most
 * frequent first.  The first line fixes the dimension. */
static void read_vectors(const char *path, size_t max_words, vectors *vs)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;

    if (!f)
        fail("cannot open ", path);
    memset(vs, 0, sizeof *vs);
    vs->word = calloc(max_words, sizeof *vs->word);
    if (!vs->word)
        fail("out of memory", "");
    while (vs->n < max_words && (got = getline(&line, &cap, f)) > 0) {
        char *p = line, *end, *sp;
        size_t d = 0;
        double norm = 0;
        lineno++;
        if (!(sp = strchr(line, ' ')))
            continue;
        *sp = 0;
        p = sp + 1;
        if (!vs->dim) {
            /* count the numbers on the first line */
            char *q = p;
            while (strtod(q, &end), end != q)
                q = end, vs->dim++;
            if (!vs->dim || !(vs->v = malloc(max_words * vs->dim * sizeof *vs->v)))
                fail("no numbers after the first word in ", path);
        }
        for (d = 0; d < vs->dim; d++) {
            float x = strtof(p, &end);
            if (end == p) {
                fprintf(stderr, "actorgraph-train clusters: %s:%zu: expected %zu numbers\n", path, lineno,
                        vs->dim);
                exit(1);
            }
            vs->v[vs->n * vs->dim + d] = x;
            norm += (double)x * x;
            p = end;
        }
        if (norm <= 0)
            continue; /* a zero vector says nothing about the word */
        norm = sqrt(norm);
        for (d = 0; d < vs->dim; d++)
            vs->v[vs->n * vs->dim + d] = (float)(vs->v[vs->n * vs->dim + d] / norm);
        if (!(vs->word[vs->n] = strdup(line)))
            fail("out of memory", "");
        vs->n++;
    }
    free(line);
    fclose(f);
    if (!vs->n)
        fail("no vectors in ", path);
}

/* Row i of the rows chosen: idx[i], or i itself without idx. */
#define ROW(vs, idx, i) ((vs)->v + ((idx) ? (idx)[i] : (i)) * (vs)->dim)

/* The direction along which the chosen rows, less @p mean (none: zero),
 * vary most: power iteration from a fixed start, so no random state. */
static void principal(const vectors *vs, const size_t *idx, size_t n, const double *mean, int iterations,
                      double *dir, double *next)
{
    size_t dim = vs->dim, i, d;
    int it;

    for (d = 0; d < dim; d++)
        dir[d] = 1.0 / (double)(d + 1);
    for (it = 0; it < iterations; it++) {
        double norm = 0;
        memset(next, 0, dim * sizeof *next);
        for (i = 0; i < n; i++) {
            const float *x = ROW(vs, idx, i);
            double p = 0;
            for (d = 0; d < dim; d++)
                p += (x[d] - (mean ? mean[d] : 0.0)) * dir[d];
            for (d = 0; d < dim; d++)
                next[d] += p * (x[d] - (mean ? mean[d] : 0.0));
        }
        for (d = 0; d < dim; d++)
            norm += next[d] * next[d];
        if (norm <= 0)
            return;
        norm = sqrt(norm);
        for (d = 0; d < dim; d++)
            dir[d] = next[d] / norm;
    }
}

/* Frequent words share a few common directions that say how frequent they
 * are, not how they are used: left in, the first splits sort words by
 * frequency.  Remove the mean and the top directions, then rescale
 * (Mu and Viswanath 2018, "all-but-the-top"). */
static void remove_common_directions(vectors *vs, unsigned top)
{
    size_t dim = vs->dim, i, d;
    double *mean = calloc(dim, sizeof *mean), *dir = malloc(dim * sizeof *dir), *next = malloc(dim * sizeof *next);
    unsigned t;

    if (!mean || !dir || !next)
        fail("out of memory", "");
    for (i = 0; i < vs->n; i++)
        for (d = 0; d < dim; d++)
            mean[d] += vs->v[i * dim + d];
    for (d = 0; d < dim; d++)
        mean[d] /= (double)vs->n;
    for (i = 0; i < vs->n; i++)
        for (d = 0; d < dim; d++)
            vs->v[i * dim + d] -= (float)mean[d];
    for (t = 0; t < top; t++) {
        principal(vs, NULL, vs->n, NULL, 20, dir, next);
        for (i = 0; i < vs->n; i++) {
            double p = 0;
            for (d = 0; d < dim; d++)
                p += vs->v[i * dim + d] * dir[d];
            for (d = 0; d < dim; d++)
                vs->v[i * dim + d] -= (float)(p * dir[d]);
        }
    }
    for (i = 0; i < vs->n; i++) {
        double norm = 0;
        for (d = 0; d < dim; d++)
            norm += (double)vs->v[i * dim + d] * vs->v[i * dim + d];
        norm = norm > 0 ? sqrt(norm) : 1;
        for (d = 0; d < dim; d++)
            vs->v[i * dim + d] = (float)(vs->v[i * dim + d] / norm);
    }
    free(mean), free(dir), free(next);
}

/* Split idx[0..n) in two, in place; returns the size of the first part.
 * The start is the sign of the projection on the principal direction (found
 * by power iteration from a fixed vector, so the result does not depend on
 * any random state); a few rounds of spherical 2-means refine it. */
static size_t bisect(const vectors *vs, size_t *idx, size_t n, double *work)
{
    size_t dim = vs->dim, i, d, it, left = 0;
    double *mean = work, *dir = work + dim, *next = work + 2 * dim, *c0 = work + 3 * dim, *c1 = work + 4 * dim;
    unsigned char *side = malloc(n);

    if (!side)
        fail("out of memory", "");
    memset(mean, 0, dim * sizeof *mean);
    for (i = 0; i < n; i++)
        for (d = 0; d < dim; d++)
            mean[d] += vs->v[idx[i] * dim + d];
    for (d = 0; d < dim; d++)
        mean[d] /= (double)n;
    principal(vs, idx, n, mean, 12, dir, next);
    for (i = 0; i < n; i++) {
        const float *x = vs->v + idx[i] * dim;
        double p = 0;
        for (d = 0; d < dim; d++)
            p += (x[d] - mean[d]) * dir[d];
        side[i] = p > 0;
    }
    for (it = 0; it < 8; it++) {
        size_t n0 = 0, n1 = 0, moved = 0;
        memset(c0, 0, dim * sizeof *c0);
        memset(c1, 0, dim * sizeof *c1);
        for (i = 0; i < n; i++) {
            double *c = side[i] ? c1 : c0;
            for (d = 0; d < dim; d++)
                c[d] += vs->v[idx[i] * dim + d];
            side[i] ? n1++ : n0++;
        }
        if (!n0 || !n1)
            break;
        for (i = 0; i < n; i++) {
            const float *x = vs->v + idx[i] * dim;
            double s0 = 0, s1 = 0;
            unsigned char s;
            for (d = 0; d < dim; d++)
                s0 += x[d] * c0[d] / (double)n0, s1 += x[d] * c1[d] / (double)n1;
            s = s1 > s0;
            moved += s != side[i];
            side[i] = s;
        }
        if (!moved)
            break;
    }
    /* stable partition: the first part keeps its words' frequency order */
    {
        size_t *tmp = malloc(n * sizeof *tmp), k = 0;
        if (!tmp)
            fail("out of memory", "");
        for (i = 0; i < n; i++)
            if (!side[i])
                tmp[k++] = idx[i];
        left = k;
        for (i = 0; i < n; i++)
            if (side[i])
                tmp[k++] = idx[i];
        memcpy(idx, tmp, n * sizeof *idx);
        free(tmp);
    }
    free(side);
    return left;
}

static void split(const vectors *vs, size_t *idx, size_t n, unsigned depth, unsigned max_depth, uint32_t code,
                  uint32_t *codes, double *work)
{
    size_t left, i;

    if (depth == max_depth || n < 2) {
        for (i = 0; i < n; i++)
            codes[idx[i]] = code;
        return;
    }
    left = bisect(vs, idx, n, work);
    if (left == 0 || left == n) {
        for (i = 0; i < n; i++)
            codes[idx[i]] = code;
        return;
    }
    split(vs, idx, left, depth + 1, max_depth, code << 1, codes, work);
    split(vs, idx + left, n - left, depth + 1, max_depth, code << 1 | 1, codes, work);
}

int ag_train_clusters_main(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    size_t max_words = 100000, i;
    unsigned depth = 10;
    vectors vs;
    size_t *idx;
    uint32_t *codes;
    double *work;
    char tmp[4096];
    FILE *f;

    for (i = 2; i < (size_t)argc; i++) {
        if (!strcmp(argv[i], "--words") && i + 1 < (size_t)argc)
            max_words = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--depth") && i + 1 < (size_t)argc)
            depth = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-o") && i + 1 < (size_t)argc)
            out = argv[++i];
        else if (argv[i][0] != '-' && !in)
            in = argv[i];
        else
            in = NULL, i = (size_t)argc;
    }
    if (!in || !out || !max_words || depth < 1 || depth > AG_TRAIN_CLUSTER_MAX_DEPTH) {
        fprintf(stderr, "usage: actorgraph-train clusters [--words N (100000)] [--depth D (10, at most %d)] "
                        "VECTORS.txt -o CLUSTERS.tsv\n",
                AG_TRAIN_CLUSTER_MAX_DEPTH);
        return 2;
    }
    read_vectors(in, max_words, &vs);
    remove_common_directions(&vs, 2);
    idx = malloc(vs.n * sizeof *idx);
    codes = calloc(vs.n, sizeof *codes);
    work = malloc(5 * vs.dim * sizeof *work);
    if (!idx || !codes || !work)
        fail("out of memory", "");
    for (i = 0; i < vs.n; i++)
        idx[i] = i;
    split(&vs, idx, vs.n, 0, depth, 1, codes, work);
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    if (!(f = fopen(tmp, "w")))
        fail("cannot write ", tmp);
    /* frequency order, as read: the file diffs well when the vectors grow */
    for (i = 0; i < vs.n; i++) {
        char bits[AG_TRAIN_CLUSTER_MAX_DEPTH + 1];
        int d = 31 - __builtin_clz(codes[i]), b;
        for (b = 0; b < d; b++)
            bits[b] = (char)('0' + ((codes[i] >> (d - 1 - b)) & 1));
        bits[d] = 0;
        fprintf(f, "%s\t%s\n", vs.word[i], d ? bits : "-");
    }
    if (ferror(f) | fclose(f) || rename(tmp, out))
        fail("cannot write ", out);
    fprintf(stderr, "%zu words in up to %u classes (%zu dimensions) -> %s\n", vs.n, 1u << depth, vs.dim, out);
    for (i = 0; i < vs.n; i++)
        free(vs.word[i]);
    free(vs.word), free(vs.v), free(idx), free(codes), free(work);
    return 0;
}

void ag_train_clusters_load(const char *path, ag_nlp_model *m)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, lineno = 0;

    if (!f)
        fail("cannot open ", path);
    while (getline(&line, &cap, f) > 0) {
        char *tab = strchr(line, '\t'), *p;
        uint32_t code = 1;
        lineno++;
        if (!tab)
            continue;
        *tab = 0;
        for (p = tab + 1; *p == '0' || *p == '1'; p++)
            code = code << 1 | (uint32_t)(*p - '0');
        if (p - tab - 1 > AG_TRAIN_CLUSTER_MAX_DEPTH) {
            fprintf(stderr, "actorgraph-train: %s:%zu: a class path longer than %d bits\n", path, lineno,
                    AG_TRAIN_CLUSTER_MAX_DEPTH);
            exit(1);
        }
        if (ag_nlp__model_add_cluster(m, line, code))
            fail("out of memory", "");
    }
    free(line);
    fclose(f);
}
