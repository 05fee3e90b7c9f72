/* actorgraph: the lexicon's internal interface, shared by the text and
 * extract stages.  Word lists are hash sets of lower-case words; names,
 * titles and triggers are token sequences indexed by their first token. */
#ifndef AG_EXTRACT_LEXICON_H
#define AG_EXTRACT_LEXICON_H

#include "actorgraph/extract.h"
#include "util/util.h"

/* Make room for one more element of a growable array (doubling, 64 first);
 * returns AG_ENOMEM from the enclosing function when out of memory. */
#define AG_GROW(ptr, n, cap)                                                         \
    do {                                                                          \
        if ((n) == (cap)) {                                                       \
            size_t c_ = (cap) ? (cap) * 2 : 64;                                   \
            void *p_ = realloc((ptr), c_ * sizeof(*(ptr)));                       \
            if (!p_)                                                              \
                return AG_ENOMEM;                                                 \
            (ptr) = p_;                                                           \
            (cap) = c_;                                                           \
        }                                                                         \
    } while (0)

/* What a lexicon phrase stands for. */
typedef enum {
    AG_LX_ACTOR,      /* the name or an alias of a known actor */
    AG_LX_CAPITAL,    /* a capital: the country's government */
    AG_LX_METONYM,    /* a seat of government ("the Kremlin") */
    AG_LX_DEMONYM,    /* "South Korean": nationality, modifies what follows */
    AG_LX_TITLE,      /* "foreign minister", "Mr" */
    AG_LX_MEDIA_NOUN  /* "newspaper", "news agency" */
} ag_lx_kind;

typedef enum { AG_TITLE_OFFICE = 1, AG_TITLE_HONORIFIC, AG_TITLE_DESCRIPTOR } ag_title_kind;

typedef struct ag_lx_actor {
    char *name;
    ag_actor_type type;
    const char *demonym;  /* a country's first adjective ("Japanese"), or NULL */
    int channel;          /* a platform people post on ("wrote on X"): an actor only when related */
} ag_lx_actor;

typedef struct ag_lx_phrase {
    uint32_t ntok;
    const char **lower;   /* lower-case words */
    uint8_t *casing;      /* per word: 0 any case, 1 capitalized, 2 all caps */
    ag_lx_kind kind;
    uint32_t actor;       /* index into actors for ACTOR/CAPITAL/METONYM/DEMONYM */
    ag_title_kind title;  /* for AG_LX_TITLE */
} ag_lx_phrase;

/* Rule patterns. */
typedef enum { AG_PAT_SVO = 0, AG_PAT_SUBJECT_ONLY, AG_PAT_ATTRIBUTION, AG_PAT_CITING, AG_PAT_REPORTED } ag_rule_pattern;

typedef struct ag_rule {
    char *id;
    char *relation;
    uint32_t ntok;
    const char **words;   /* lower case; "_" any word */
    uint8_t *prefix;      /* word ends in '*' */
    ag_rule_pattern pattern;
    int passive, symmetric;
    int fillers;          /* filler words may stand between its words */
    int noun;             /* a noun ("invasion of"): only its owner is its subject */
    int nationality;      /* a noun whose nationality is its subject ("a Russian drone attack on") */
    int object_previous;  /* no object in the sentence: the previous sentence's source */
    const char *object_prep; /* the object may stand behind this preposition ("provided X to Y") */
    uint32_t subject_types, object_types; /* bit (1 << ag_actor_type); 0 = any */
    double confidence;
    int max_gap;
} ag_rule;

/* Dependency-path rules (docs/LEXICON.md, "dep_rules"): a trigger lemma and
 * the paths from the trigger to each actor in the parse. */
typedef struct ag_dep_step {
    const char *rel;      /* a UD relation ("obj", "nmod:poss"); "*" any */
    const char *case_word;/* "with" in "obl:with": the case marker the dependent must carry */
    int up;               /* "^rel": to the head, when the word hangs by rel */
    int set;              /* "rel{set}": the word reached must be in this word set; -1 none */
    int set_negated;      /* "rel{!set}": must not be */
} ag_dep_step;

typedef struct ag_dep_path {
    uint32_t n;
    ag_dep_step *steps;
} ag_dep_path;

typedef struct ag_dep_paths {
    uint32_t n;
    ag_dep_path *v;
} ag_dep_paths;

typedef struct ag_deprule {
    char *id, *relation;
    const char *media_relation; /* when the target is a news outlet ("told Reuters": quoted_by) */
    uint32_t upos_mask;   /* bit (1 << AG_UPOS_*) the trigger may have; 0 = any */
    ag_dep_paths source, target;
    ag_dep_paths pairs;   /* each two actors found here are related ("talks between X and Y") */
    ag_dep_paths mutual;  /* likewise, but only when no target is found ("X and Y held talks") */
    int symmetric;
    int statement;        /* says_about: only for pairs no other rule relates */
    int overrides;        /* replaces what the surface rules said of the same pair in the sentence */
    const char **retracts;/* surface relations ending on the source actor that the rule takes back,
                           * where the source is no outlet or nobody in the sentence speaks */
    uint32_t n_retracts;
    double confidence;
    uint32_t subject_types, object_types;
} ag_deprule;

/* Named word sets. */
typedef enum {
    AG_WS_COMMON, AG_WS_GIVEN, AG_WS_MONTH, AG_WS_WEEKDAY, AG_WS_ORG_HEAD, AG_WS_MEDIA_HEAD,
    AG_WS_GROUP_HEAD, AG_WS_PLACE_HEAD, AG_WS_PARTICLE, AG_WS_SPEECH, AG_WS_ABBREV,
    AG_WS_COUNTRY_NOUN, AG_WS_FURN_LINE, AG_WS_FILLER, AG_WS_DET, AG_WS_PREP, AG_WS_LOCATIVE,
    AG_WS_TITLE_MOD, AG_WS_SAY, AG_WS_AUX, AG_WS_OPENER, AG_WS_NEGATION, AG_WS_PRONOUN, AG_WS_STOP_VERB, AG_WS_ORG_NOUN,
    AG_WS_SUB_BODY, AG_WS_STAND_IN, AG_WS_NEGATING_VERB, AG_WS_SPEECH_LEMMA, AG_WS_LIGHT_VERB, AG_WS_CONDITIONAL, AG_WS_STATEMENT_NOUN, AG_WS_CONTROL_VERB, AG_WS_RELAY_VERB,
    AG_WS_RELATIVE_PRONOUN, AG_WS_PERSON_PRONOUN, AG_WS_OTHER_PRONOUN, AG_WS_FIRST_PERSON, AG_WS_NEGATOR,
    AG_WS_LEADER_BODY, AG_WS_EXACT_ACRONYM, AG_WS_BODY_OFFICE, AG_WS_STATE_MEDIA, AG_WS_KINSHIP,
    AG_WS_GENERIC_HEAD, AG_WS_PRIVATE_HEAD, AG_WS_SURNAME_TITLE, AG_WS_SPORT_WORD, AG_WS_TEAM_BEFORE, AG_WS_TEAM_PREP_CUE, AG_WS_TEAM_AFTER,
    AG_WS_PORTFOLIO,  /* not a list in the file: words before "minister"/"secretary" in the titles */
    AG_WS_COUNT_,
    /* not lists: a lexicon phrase / a rule trigger starts with the word */
    AG_WS_PHRASE_START = AG_WS_COUNT_, AG_WS_RULE_START
} ag_wordset;

struct ag_lexicon {
    ag_arena arena;
    ag_strmap sets[AG_WS_COUNT_];
    ag_lx_actor *actors;
    size_t n_actors, cap_actors;
    ag_strmap actor_by_name;     /* lower-case name -> actor index */
    ag_lx_phrase *phrases;
    size_t n_phrases, cap_phrases;
    ag_strmap phrase_first;      /* first word -> index into buckets */
    uint32_t **buckets;          /* phrase indices, longest first */
    size_t *bucket_len, n_buckets, cap_buckets;
    ag_rule *rules;
    size_t n_rules, cap_rules;
    ag_strmap rule_first;        /* first trigger word -> bucket in rule_buckets */
    uint32_t **rule_buckets;
    size_t *rule_bucket_len, n_rule_buckets, cap_rule_buckets;
    uint32_t *prefix_rules;      /* rules whose first word is a prefix or "_" */
    size_t n_prefix_rules;
    unsigned char prefix_first[256]; /* first bytes of those first words; 1 for all if one is "_" */
    char **furn_prefixes;
    size_t n_furn_prefixes;
    ag_strmap word_masks;        /* lower-case word -> bit (1 << ag_wordset) for every set holding it */
    ag_deprule *deprules;
    size_t n_deprules, cap_deprules;
    ag_strmap deprule_first;     /* lemma -> first entry + 1 in deprule_entries */
    struct ag_deprule_entry { uint32_t rule, next; } *deprule_entries; /* next: entry + 1, 0 ends */
    size_t n_deprule_entries, cap_deprule_entries;
    char **furn_phrases;
    size_t n_furn_phrases;
    ag_strmap furn_first;        /* first word of a phrase -> index of its first phrase + 1 chain */
    size_t *furn_next;           /* next phrase with the same first word, or (size_t)-1 */
};

/* 1 if the lower-case word is in the set. */
/* A lexicon without the built-in data (tests and fuzzing load their own). */
int ag_lexicon__new_empty(ag_lexicon **out, ag_ctx *ctx);
int ag_lexicon__has(const ag_lexicon *lex, ag_wordset set, const char *lower);
/* The same for a token (uses its precomputed hash). */
int ag_lexicon__has_tok(const ag_lexicon *lex, ag_wordset set, const ag_token *t);

/* Every set a token's word is in, as bits (1 << ag_wordset): one look-up.
 * The map stores the bits in a size_t, and callers keep bit 63 as a mark. */
_Static_assert(AG_WS_RULE_START < 63 && sizeof(size_t) >= 8, "word-set bits must fit the mask");
uint64_t ag_lexicon__word_mask(const ag_lexicon *lex, const ag_token *t);

/* Page furniture: 1 if the (trimmed) line should be dropped. */
int ag_lexicon__furniture(const ag_lexicon *lex, const char *line, size_t len);

/* Longest phrase matching tokens [i, n); its index in *phrase and length in
 * *ntok; 0 if none.  @p kinds is a bit mask of (1 << ag_lx_kind) to accept. */
int ag_lexicon__match(const ag_lexicon *lex, const ag_token *toks, size_t i, size_t n, unsigned kinds,
                      uint32_t *phrase, uint32_t *ntok);

/* Load the "dep_rules" array of a lexicon file (deprule_data.c). */
struct cJSON;
int ag_lexicon__load_deprules(ag_lexicon *lex, ag_ctx *ctx, const struct cJSON *arr, const char *name);
/* Calls fn for each dependency rule listed under @p lemma. */
typedef void (*ag_deprule_fn)(const ag_deprule *rule, void *payload);
void ag_lexicon__deprules_for(const ag_lexicon *lex, const char *lemma, ag_deprule_fn fn, void *payload);
int ag_lexicon__known_relation(const char *relation);
/* The word set a lexicon key names ("say_verbs"), or -1. */
int ag_lexicon__wordset_named(const char *key);

/* Rules whose trigger starts with the token: calls fn for each matching rule
 * with the trigger's token length. */
typedef void (*ag_rule_fn)(const ag_rule *rule, size_t start, size_t len, void *payload);
void ag_lexicon__rules_at(const ag_lexicon *lex, const ag_token *toks, size_t i, size_t n, ag_rule_fn fn,
                          void *payload);

#endif
