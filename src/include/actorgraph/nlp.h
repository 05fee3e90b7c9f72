/* actorgraph: the language layer.
 * A part-of-speech tagger (UPOS and Penn tags), a lemmatizer and a greedy
 * transition-based dependency parser with Universal Dependencies relations,
 * all trained on the UD English EWT treebank (CC BY-SA 4.0) and shipped as
 * one model embedded in the library.  Linear in sentence length. */
#ifndef ACTORGRAPH_NLP_H
#define ACTORGRAPH_NLP_H

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A trained model: tagger, lemmatizer and parser.  Immutable once loaded,
 *  so one model may serve any number of threads. */
typedef struct ag_nlp_model ag_nlp_model;

/**
 * Load the model built into the library.
 * @param[out] out  free with ag_nlp_model_free().
 * @return AG_OK, AG_ENOMEM or AG_EPARSE (a broken build).
 */
AG_EXTERN(int) ag_nlp_model_builtin(ag_nlp_model **out, ag_ctx *ctx);

/**
 * Load a model from the bytes of a model file (as written by actorgraph-train).
 * The bytes are copied where needed; the caller may free them afterwards.
 * @return AG_OK, AG_ENOMEM or AG_EPARSE (with the byte offset).
 */
AG_EXTERN(int) ag_nlp_model_load(ag_nlp_model **out, ag_ctx *ctx, const void *bytes, size_t len);

/** Free a model; NULL is a no-op. */
AG_EXTERN(void) ag_nlp_model_free(ag_nlp_model *model);

/** The model's header: treebank, license and the command that made it
 *  (borrowed, NUL-terminated text lines). */
AG_EXTERN(const char *) ag_nlp_model_about(const ag_nlp_model *model);

/** One analysed sentence.  The caller fills @ref forms and @ref n; the
 *  analysis fills the rest.  Word i's head is heads[i], a 1-based word index
 *  or 0 for the root, as in CoNLL-U. */
typedef struct ag_nlp_sentence {
    size_t n;              /**< number of words */
    const char **forms;    /**< [n] the words as written; borrowed */
    unsigned char *upos;   /**< [n] AG_UPOS_* */
    unsigned char *xpos;   /**< [n] index into ag_nlp_xpos_name() */
    const char **lemmas;   /**< [n] owned by the sentence (or the caller's form itself); valid until the next reset */
    int *heads;            /**< [n] 0..n */
    unsigned char *deprels;/**< [n] index into ag_nlp_deprel_name() */
    void *internal_;       /**< scratch owned by the sentence */
} ag_nlp_sentence;

/** Universal part-of-speech tags, in the order of the UD documentation. */
enum {
    AG_UPOS_ADJ, AG_UPOS_ADP, AG_UPOS_ADV, AG_UPOS_AUX, AG_UPOS_CCONJ, AG_UPOS_DET,
    AG_UPOS_INTJ, AG_UPOS_NOUN, AG_UPOS_NUM, AG_UPOS_PART, AG_UPOS_PRON, AG_UPOS_PROPN,
    AG_UPOS_PUNCT, AG_UPOS_SCONJ, AG_UPOS_SYM, AG_UPOS_VERB, AG_UPOS_X, AG_UPOS_COUNT_
};

/**
 * Prepare @p s for @p n words (allocating its arrays); @p forms is borrowed
 * and must outlive the analysis.  Reuses earlier storage when it fits.
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_nlp_sentence_reset(ag_nlp_sentence *s, ag_ctx *ctx, const char **forms, size_t n);

/** Free the arrays of @p s (not the forms); the struct may be reused. */
AG_EXTERN(void) ag_nlp_sentence_release(ag_nlp_sentence *s);

/**
 * Tag, lemmatize and parse one sentence in place.  Deterministic; time and
 * memory are linear in the number of words.  A contracted word ("didn't")
 * is analysed as the treebank splits it; its token gets the analysis of its
 * first part, and heads always name tokens.
 * @return AG_OK, AG_ENOMEM, or AG_EINVAL when @p s was not prepared with
 *         ag_nlp_sentence_reset().
 */
AG_EXTERN(int) ag_nlp_analyze(const ag_nlp_model *model, ag_ctx *ctx, ag_nlp_sentence *s);

/** Tag and lemmatize only (no parse); @ref heads and @ref deprels are left 0.
 *  Returns as ag_nlp_analyze(). */
AG_EXTERN(int) ag_nlp_tag(const ag_nlp_model *model, ag_ctx *ctx, ag_nlp_sentence *s);

/** Names of tags and relations ("NOUN", "NNP", "nsubj:pass"); "_" when out of range. */
AG_EXTERN(const char *) ag_nlp_upos_name(int upos);
AG_EXTERN(const char *) ag_nlp_xpos_name(const ag_nlp_model *model, int xpos);
AG_EXTERN(const char *) ag_nlp_deprel_name(const ag_nlp_model *model, int deprel);
/** The index of a relation's name, or -1 when the model has no such relation. */
AG_EXTERN(int) ag_nlp_deprel_index(const ag_nlp_model *model, const char *name);

/** Longest form ag_nlp_inflect() writes, with its NUL. */
#define AG_NLP_FORM_MAX 48

/**
 * The regular English inflections of a lemma, the lemma first: for a verb
 * (AG_UPOS_VERB) -s, -ed and -ing forms, for a noun (AG_UPOS_NOUN) plurals.
 * Spelling variants that cannot be told apart without a dictionary ("plan"
 * -> "planned", "open" -> "opened") are both given, so a form matches when
 * the tagger's lemma misses.  Irregular forms are not made.
 * @return the number of forms written into @p out (at most @p max).
 */
AG_EXTERN(size_t) ag_nlp_inflect(const char *lemma, int upos, char (*out)[AG_NLP_FORM_MAX], size_t max);

#ifdef __cplusplus
}
#endif
#endif
