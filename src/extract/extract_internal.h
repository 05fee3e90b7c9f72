/* actorgraph: the extraction stage's shared state.  Mentions (noun phrases
 * naming an actor) are found per sentence, resolved to per-article entities,
 * and then rules relate the entities; all three steps read this struct. */
#ifndef AG_EXTRACT_INTERNAL_H
#define AG_EXTRACT_INTERNAL_H

#include "actorgraph/nlp.h"
#include "lexicon.h"

/* mention flags */
#define AG_M_QUALIFIER 0x01u /* modifies the head of its phrase (demonym, "X's", "X spokesperson") */
#define AG_M_PREP      0x02u /* object of a preposition */
#define AG_M_DEMONYM   0x04u /* came from a demonym ("Ukrainian forces") */
#define AG_M_DESCRIBED 0x08u /* a description, not a name ("Japan's foreign ministry") */
#define AG_M_QUOTED    0x10u /* inside quotation marks */
#define AG_M_ACRONYM   0x20u /* a single all-caps token */
#define AG_M_SPEAKER   0x40u /* subject of a speech verb */
#define AG_M_SINGLE    0x80u /* one-token name with no cue: needs coreference to count */
#define AG_M_CAPITAL   0x100u /* a capital city standing for its country */
#define AG_M_TITLE_REF 0x200u /* an office without a name: "the president" */
#define AG_M_OFFICE_OWNER 0x400u /* an untyped name an office belongs to ("Halvex founder X") */
#define AG_M_GENERIC   0x800u /* one capitalized word that only says what kind of body ("Board") */

typedef struct ag_mention {
    uint32_t sent;            /* sentence index */
    uint32_t start, end;      /* head tokens [start, end) */
    uint32_t np_start;        /* first token of the whole phrase (determiners, titles) */
    uint32_t np_end;          /* one past the phrase's last token */
    ag_actor_type type;
    int lex_actor;            /* lexicon actor or -1 */
    unsigned flags;
    char *text;               /* surface form of the head */
    char *key;                /* ag_name_key of text, once computed (entities.c) */
    const char *alias2;       /* a third form ("South Korea's National Intelligence Service") or NULL */
    const char *alias;        /* another form ("South Korea's Unification Ministry", an acronym) or NULL */
    int entity;               /* resolved entity or -1 */
    int coord;                /* next mention in a coordination ("X and Y") or -1 */
    int office;               /* an office title names this person */
    int title_ph;             /* the office's lexicon phrase, or -1 */
    int portfolio;            /* "Interior" in "Interior Minister X": its token, or -1 */
    int qual_lex;             /* the office's country or organization (lexicon actor), or -1 */
} ag_mention;

/* A relation between two mentions, from a phrase or a rule. */
typedef struct ag_pending {
    int a, b;                 /* mention indices */
    const char *relation;
    const char *rule;
    double confidence;
    uint32_t sent;
} ag_pending;

typedef struct ag_entity {
    char *label;
    ag_actor_type type;
    int lex_actor;
    char **forms;             /* every surface form, label included */
    size_t n_forms;
    uint32_t mentions;
    int named;                /* has at least one name mention that stands alone */
    char *first_key, *last_key; /* person names: keys of the first and last tokens */
    int first_mention;        /* index of its first mention, or -1 */
} ag_entity;

typedef struct ag_extractor {
    ag_ctx *ctx;
    const ag_lexicon *lex;
    const ag_text *text;
    const ag_extract_options *opts;
    ag_arena arena;
    ag_mention *m;
    size_t n_m, cap_m;
    ag_pending *p;
    size_t n_p, cap_p;
    ag_entity *e;
    size_t n_e, cap_e;
    ag_strmap entity_by_key;
    ag_strmap single_count;   /* one-word name key -> uses that could be an organization */
    ag_strmap teams;          /* in a sports story: name keys said to play ("rivals X", "X striker") */
    ag_strmap by_name_part;   /* first or last name key -> person entity + 1, 0 if shared */
    ag_strmap by_initials;    /* "NSC" -> organization entity + 1, 0 if shared */
    ag_strmap by_first_word;  /* "Pioneer" -> organization entity + 1, 0 if shared */
    ag_strmap by_head_word;   /* "Tribunal" -> the organization whose name it ends, + 1; 0 if shared */
    ag_strmap mid_caps;       /* "dollar tree", "apple": capitalized mid-sentence -> times seen */
    size_t *sent_first;       /* first mention of each sentence (n_sentences + 1 entries) */
    uint64_t *wsmask;         /* per token: word sets it is in, bit 63 once looked up */
    int *speaker;             /* per sentence: the mention that speaks, or -1 */
    char **parse_notes;       /* --explain: per sentence, its parse as one line, or NULL */
} ag_extractor;

int ag_extract__mentions(ag_extractor *x);
int ag_extract__entities(ag_extractor *x);
int ag_extract__relations(ag_extractor *x);
/* Relations read off the dependency parse (deprules.c); NULL model: none. */
int ag_extract__deprules(ag_extractor *x, const ag_nlp_model *model);
int ag_extract__pending(ag_extractor *x, int a, int b, const char *relation, const char *rule, double confidence);

/* Is token t's word in the set?  One hash look-up per token, cached. */
static inline int ag_extract__ws(const ag_extractor *x, ag_wordset set, const ag_token *t)
{
    size_t i = (size_t)(t - x->text->tokens);
    uint64_t m;

    if (!x->wsmask || i >= x->text->n_tokens)
        return ag_lexicon__has_tok(x->lex, set, t);
    m = x->wsmask[i];
    if (!(m >> 63))
        x->wsmask[i] = m = ag_lexicon__word_mask(x->lex, t) | (1ULL << 63);
    return (int)((m >> set) & 1u);
}

/* Helpers on tokens. */
char *ag_extract__span_text(ag_extractor *x, uint32_t start, uint32_t end);
int ag_extract__is_word(const ag_token *t, const char *lower);

#endif
