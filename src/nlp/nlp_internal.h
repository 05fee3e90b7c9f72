/* actorgraph: what the language layer's modules share: the averaged
 * perceptron (sparse, quantized weights at run time; dense rows while
 * training), feature keys, and the model's parts.  Private to src/nlp and
 * to the training program. */
#ifndef AG_NLP_INTERNAL_H
#define AG_NLP_INTERNAL_H

#include <stdint.h>
#include <stdio.h>

#include "actorgraph/nlp.h"
#include "util/util.h"

/* ---- ASCII character classes: the models must not change with the
 * host's locale (bytes past 0x7f are letters of other scripts) ---- */
static inline int ag_nlp__upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int ag_nlp__lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int ag_nlp__digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int ag_nlp__alnum(unsigned char c) { return ag_nlp__upper(c) || ag_nlp__lower(c) || ag_nlp__digit(c); }
static inline char ag_nlp__to_lower(unsigned char c) { return (char)(ag_nlp__upper(c) ? c + ('a' - 'A') : c); }

/* ---- feature keys ---- */
/* A feature is a template number and up to three values (word hashes, tag
 * numbers, distances) mixed into 64 bits.  Runtime tables keep 32 bits of
 * it; with about a million features that costs a handful of collisions. */
static inline uint64_t ag_nlp__mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

static inline uint64_t ag_nlp__feat(unsigned tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    return ag_nlp__mix(ag_nlp__mix(ag_nlp__mix(ag_nlp__mix(0x51ed27f3u, tmpl), a), b), c);
}

static inline uint32_t ag_nlp__key32(uint64_t f)
{
    uint32_t k = (uint32_t)(f ^ (f >> 32));
    return k ? k : 1u; /* 0 marks an empty slot */
}

/* ---- run-time weights: key -> a short row of (class, weight) ----
 * One slot and one run of entries per feature, so a look-up costs about
 * two cache misses; scoring prefetches every slot first. */
typedef struct ag_nlp_slot {
    uint32_t key;        /* 0 = empty */
    uint32_t start : 24; /* first entry of the row; for a dense row, its offset in dense */
    uint32_t len : 8;    /* entries; AG_NLP_DENSE: the row is dense (n_classes weights) */
} ag_nlp_slot;

#define AG_NLP_DENSE 255u
#define AG_NLP_MAX_START ((1u << 24) - 1)

typedef struct ag_nlp_entry {
    int16_t w;
    uint8_t cls;
    uint8_t pad_;
} ag_nlp_entry;

typedef struct ag_nlp_weights {
    uint32_t n_classes;
    uint32_t n_rows, n_entries;
    uint32_t cap;        /* power of two, > 2 * n_rows */
    ag_nlp_slot *slots;  /* [cap] */
    ag_nlp_entry *entries; /* [n_entries] */
    int16_t *dense;      /* long rows, n_classes each, for vectorized adds */
    uint32_t n_dense;
} ag_nlp_weights;

/* Store the long rows densely (a run-time form; files keep them sparse).
 * Sparse entries stay in place, so writing a model works either way. */
int ag_nlp__weights_densify(ag_nlp_weights *wt);

/* calloc for the weight tables, on huge pages where they are large; free() frees it. */
void *ag_nlp__big_calloc(size_t n, size_t size);

/* The slot of @p key in @p wt (empty if absent); for building tables. */
uint32_t ag_nlp__slot(const ag_nlp_weights *wt, uint32_t key);

/* Add the row of every feature in @p feats to @p scores[n_classes]. */
void ag_nlp__score(const ag_nlp_weights *wt, const uint64_t *feats, size_t n, int32_t *scores);
/* The same for features of several items at once: feature f's row goes to
 * @p scores + @p dst[f] * @p stride. */
void ag_nlp__score_each(const ag_nlp_weights *wt, const uint64_t *feats, const uint32_t *dst, size_t n,
                        int32_t *scores, size_t stride);
void ag_nlp__weights_free(ag_nlp_weights *wt);
/* The highest of @p n scores (the first on ties). */
static inline unsigned ag_nlp__argmax(const int32_t *scores, unsigned n)
{
    unsigned c, best = 0;

    for (c = 1; c < n; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

/* ---- training weights: dense rows, lazily averaged ---- */
typedef struct ag_nlp_trainer {
    uint32_t n_classes;
    uint32_t min_count;  /* features seen fewer times in the counting pass get no row */
    size_t cap, n_keys;
    uint64_t *keys;      /* [cap] 0 = empty */
    uint32_t *counts;    /* [cap] */
    int64_t *rows;       /* [cap] row index or -1 */
    size_t n_rows, rows_cap;
    int32_t *w;          /* [n_rows * n_classes] current weights */
    int64_t *total;      /* [n_rows * n_classes] summed over time */
    int64_t *stamp;      /* [n_rows] time of the last update */
    int64_t now;         /* number of examples seen */
} ag_nlp_trainer;

int ag_nlp__trainer_init(ag_nlp_trainer *t, uint32_t n_classes, uint32_t min_count);
void ag_nlp__trainer_free(ag_nlp_trainer *t);
/* Counting pass: note each feature once per occurrence. */
int ag_nlp__trainer_count(ag_nlp_trainer *t, const uint64_t *feats, size_t n);
/* After counting: give a row to every feature seen min_count times. */
int ag_nlp__trainer_commit(ag_nlp_trainer *t);
/* Current (not averaged) scores. */
void ag_nlp__trainer_score(const ag_nlp_trainer *t, const uint64_t *feats, size_t n, int32_t *scores);
/* One example done: if guess != truth, move weights towards truth. */
void ag_nlp__trainer_update(ag_nlp_trainer *t, const uint64_t *feats, size_t n, int truth, int guess);

/* Averaged weights, quantized to int16 with rows whose |weight| * scale
 * falls under @p prune dropped.  @return AG_OK or AG_ENOMEM. */
int ag_nlp__trainer_export(const ag_nlp_trainer *t, double prune, ag_nlp_weights *out);

/* ---- the model ---- */
#define AG_NLP_MAX_TAGS 250
#define AG_NLP_MAX_DEPRELS 120

typedef struct ag_nlp_lemma_rule {
    const char *suffix;   /* lower-case ending of the form */
    uint8_t tag;          /* tagger class */
    uint8_t strip;        /* bytes removed from the end */
    const char *append;   /* then appended */
} ag_nlp_lemma_rule;

struct ag_nlp_model {
    char *about;                       /* header text */
    unsigned n_tags;                   /* tagger classes: a UPOS with a Penn tag */
    uint8_t tag_upos[AG_NLP_MAX_TAGS];
    uint8_t tag_xpos[AG_NLP_MAX_TAGS];
    unsigned n_xpos;
    char *xpos_names[AG_NLP_MAX_TAGS];
    unsigned n_deprels;
    char *deprel_names[AG_NLP_MAX_DEPRELS];
    ag_strmap lemma_exceptions;        /* "form\ttag" -> index into exception_lemmas */
    char **exception_lemmas;
    size_t n_exceptions;
    ag_strmap lemma_rules;             /* "suffix\ttag" -> index into rules */
    ag_nlp_lemma_rule *rules;
    size_t n_rules;
    unsigned max_suffix;
    ag_nlp_weights tagger, parser;
    /* word classes from word vectors: lower-case form -> class code, a bit
     * path with a leading 1 (see ag_nlp__cluster_prefix); kept in file order */
    char **cluster_words;
    uint32_t *cluster_codes;
    size_t n_clusters, cap_clusters;
    uint32_t *cluster_slots;           /* open addressing by word hash: entry + 1, 0 = empty */
    size_t cluster_mask;
    ag_arena strings;
};

/* Add a word's class (the trainer; the file reader). */
int ag_nlp__model_add_cluster(ag_nlp_model *m, const char *word, uint32_t code);
/* The class code of @p form (looked up in lower case), or 0. */
uint32_t ag_nlp__cluster_of(const ag_nlp_model *m, const char *form);
/* The first @p bits of a class path, as a code of its own (0 stays 0). */
static inline uint32_t ag_nlp__cluster_prefix(uint32_t code, unsigned bits)
{
    unsigned depth;
    if (!code)
        return 0;
    depth = 31u - (unsigned)__builtin_clz(code);
    return depth <= bits ? code : code >> (depth - bits);
}

/* Tags named once so the parser's features can test them. */
int ag_nlp__upos_index(const char *name);

/* ---- words ---- */
/* The form a feature sees: lower case, digits as '0', at most 40 bytes. */
uint64_t ag_nlp__word_hash(const char *form);
/* Hashes of the form's last 1-3 bytes and first byte, and a shape class. */
typedef struct ag_nlp_wordinfo {
    uint64_t word, suf1, suf2, suf3, suf4, pre1, pre3, shape, exact;
    uint32_t cluster;      /* the word's class code, 0 if unknown (set apart: it needs the model) */
    int cap, first_cap, has_digit, has_hyphen;
    int separator;         /* , ; : or a dash: clause boundaries the parser counts */
    int punct;             /* no letter or digit: punctuation the parser leaves out */
    uint32_t separators_before; /* separators among the words before this one */
    uint64_t punct_before, punct_after; /* the punctuation right before / after the word, or 0 */
} ag_nlp_wordinfo;
void ag_nlp__word_info(const char *form, ag_nlp_wordinfo *out);
/* Fill separators_before and the neighbouring punctuation for words[1..n]
 * (word 0 is the root). */
void ag_nlp__word_prefixes(ag_nlp_wordinfo *words, size_t n);

/* Features fall in parts the run time scores apart: the tagger's features
 * of the words alone (scored for a whole sentence at once, which lets the
 * cache misses of many words overlap) and those of the tags chosen before;
 * the parser's features of the buffer's first three words alone (the same
 * from one shift to the next: scored once per word) and the rest. */
enum {
    AG_NLP_FEATS_WORDS = 1, AG_NLP_FEATS_HISTORY = 2, /* tagger */
    AG_NLP_FEATS_BUFFER = 1, AG_NLP_FEATS_STATE = 2,  /* parser */
    AG_NLP_FEATS_ALL = 3
};

/* ---- tagger ---- */
#define AG_NLP_TAGGER_MAX_FEATS 40
/* Features of word i given the tags already chosen for words before it. */
size_t ag_nlp__tagger_features(const ag_nlp_wordinfo *words, size_t n, size_t i, const uint8_t *tags,
                               uint64_t *feats);
size_t ag_nlp__tagger_features_part(const ag_nlp_wordinfo *words, size_t n, size_t i, const uint8_t *tags,
                                    unsigned parts, uint64_t *feats);

/* ---- parser (arc-hybrid) ---- */
#define AG_NLP_PARSER_MAX_FEATS 128
enum { AG_NLP_SHIFT = 0 }; /* then 1 + 2*label: left-arc, 2 + 2*label: right-arc */

typedef struct ag_nlp_state {
    size_t n;             /* words; word 0 is the root, words 1..n */
    size_t cap;           /* words the arrays hold, root included */
    int *stack;           /* [n + 1] */
    size_t depth;
    size_t next;          /* first word of the buffer */
    int *heads, *labels;  /* [n + 1] */
    int *lc1, *lc2, *rc1, *rc2; /* leftmost, second leftmost, rightmost, second rightmost child */
    int *nl, *nr;         /* number of left and right children */
    uint64_t *lset, *rset;/* sets of child labels (bits by label % 64) */
} ag_nlp_state;

int ag_nlp__state_init(ag_nlp_state *st, size_t n);
/* The initial state for @p n words, reusing the arrays when they are large enough. */
int ag_nlp__state_reset(ag_nlp_state *st, size_t n);
void ag_nlp__state_free(ag_nlp_state *st);
int ag_nlp__state_done(const ag_nlp_state *st);
int ag_nlp__legal(const ag_nlp_state *st, int action);
void ag_nlp__apply(ag_nlp_state *st, int action);
/* @p words[1..n] and @p tags[1..n]; index 0 is the root. */
/* @p tag_upos maps a tagger class to its UPOS, for coarse features. */
size_t ag_nlp__parser_features(const ag_nlp_state *st, const ag_nlp_wordinfo *words, const uint8_t *tags,
                               const uint8_t *tag_upos, uint64_t *feats);
size_t ag_nlp__parser_features_part(const ag_nlp_state *st, const ag_nlp_wordinfo *words, const uint8_t *tags,
                                    const uint8_t *tag_upos, unsigned parts, uint64_t *feats);

/* ---- lemmas ---- */
/* Lemma of @p form with tagger class @p tag, into @p out (size >= strlen(form) + 32). */
void ag_nlp__lemmatize(const ag_nlp_model *m, const char *form, unsigned tag, char *out, size_t outsz);

/* ---- model file ---- */
int ag_nlp__model_write(const ag_nlp_model *m, FILE *f);
/* An empty model to be filled by the trainer. */
int ag_nlp__model_new(ag_nlp_model **out);

#endif
