/* actorgraph: lexicon, actor and relation extraction.
 * The lexicon (countries, titles, organization words, outlets, trigger rules)
 * is data: JSON embedded at build time, extendable with more JSON files.
 * Extraction turns one analysed article into its own partial graph. */
#ifndef ACTORGRAPH_EXTRACT_H
#define ACTORGRAPH_EXTRACT_H

#include "model.h"
#include "nlp.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Load the built-in lexicon and rules.
 * @param[out] out  free with ag_lexicon_free().
 * @return AG_OK, AG_ENOMEM or AG_EPARSE (a broken build).
 */
AG_EXTERN(int) ag_lexicon_new(ag_lexicon **out, ag_ctx *ctx);

/**
 * Add entries and rules from a JSON document in the lexicon format
 * (docs/LEXICON.md).  @p name is used in error messages.
 * @return AG_OK, AG_EPARSE (with byte offset or entry), AG_ENOMEM.
 */
AG_EXTERN(int) ag_lexicon_add_json(ag_lexicon *lex, ag_ctx *ctx, const char *bytes, size_t len,
                                   const char *name);

/** Free a lexicon; NULL is a no-op. */
AG_EXTERN(void) ag_lexicon_free(ag_lexicon *lex);

/** Called by ag_extract() for --explain: one line of text per call. */
typedef void (*ag_explain_fn)(const char *line, void *payload);

typedef struct ag_extract_options {
    int version;              /**< AG_EXTRACT_OPTIONS_VERSION */
    double min_confidence;    /**< drop edges below this (0: keep all) */
    ag_explain_fn explain;    /**< NULL: no explanation */
    void *explain_payload;
    /** The language model (version 2 on); NULL: relations come from the
     *  surface rules alone, without a parse. */
    const ag_nlp_model *nlp;
    /** Version 3 on: where the text starts in its document, when a long
     *  document is analysed piece by piece (each piece an ag_doc of the same
     *  name): added to the evidence's byte spans and sentence numbers. */
    size_t byte_base;
    uint32_t sentence_base;
} ag_extract_options;

#define AG_EXTRACT_OPTIONS_VERSION 3
#define AG_EXTRACT_OPTIONS_INIT {AG_EXTRACT_OPTIONS_VERSION, 0.0, NULL, NULL, NULL, 0, 0}

/**
 * Extract the actors and relations of one article.
 * @param[out] out  a new graph holding only this article; free with ag_graph_free().
 * @param opts      may be NULL.
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_extract(ag_graph **out, ag_ctx *ctx, const ag_lexicon *lex, const ag_text *text,
                          const ag_extract_options *opts);

#ifdef __cplusplus
}
#endif
#endif
