/* actorgraph: documents and the text stage.
 * A document is the raw bytes of one article; the text stage checks UTF-8,
 * drops page furniture, splits sentences and tokens.  Every span is a byte
 * offset into the document's original bytes, so evidence points at the source
 * even where matching used normalized (ASCII-folded) forms. */
#ifndef ACTORGRAPH_TEXT_H
#define ACTORGRAPH_TEXT_H

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One article: bytes plus optional metadata (from JSONL or options). */
typedef struct ag_doc ag_doc;

/**
 * Create a document from @p len bytes, copying them.  The bytes must be valid
 * UTF-8: otherwise AG_EPARSE with the byte offset and line of the first bad
 * byte.  A UTF-8 byte order mark is skipped; CRLF is accepted.
 * @param[out] out   the document; the caller frees it with ag_doc_free().
 * @param name       the name evidence refers to (a file name); copied.
 * @return AG_OK, AG_EPARSE or AG_ENOMEM.
 */
AG_EXTERN(int) ag_doc_new(ag_doc **out, ag_ctx *ctx, const char *name, const char *bytes, size_t len);

/** Free a document; NULL is a no-op. */
AG_EXTERN(void) ag_doc_free(ag_doc *doc);

/** Borrowed name of the document. */
AG_EXTERN(const char *) ag_doc_name(const ag_doc *doc);

/** Borrowed bytes of the document (not NUL-terminated past @p len). */
AG_EXTERN(const char *) ag_doc_bytes(const ag_doc *doc, size_t *len);

/** Metadata keys a document may carry. */
typedef enum { AG_META_TITLE, AG_META_DATE, AG_META_URL, AG_META_SOURCE, AG_META_COUNT_ } ag_doc_meta;

/** Set a metadata value (copied; NULL clears).  @return AG_OK or AG_ENOMEM. */
AG_EXTERN(int) ag_doc_set_meta(ag_doc *doc, ag_ctx *ctx, ag_doc_meta key, const char *value);

/** Borrowed metadata value or NULL. */
AG_EXTERN(const char *) ag_doc_meta_get(const ag_doc *doc, ag_doc_meta key);

/* Token flags. */
#define AG_TOK_WORD       0x0001u /**< letters or digits */
#define AG_TOK_PUNCT      0x0002u /**< one punctuation character */
#define AG_TOK_NUMBER     0x0004u /**< starts with a digit */
#define AG_TOK_CAP        0x0008u /**< first letter upper case */
#define AG_TOK_ALLCAPS    0x0010u /**< every letter upper case, at least two */
#define AG_TOK_SENT_START 0x0020u /**< first token of its sentence */
#define AG_TOK_SPACE      0x0040u /**< whitespace before this token */
#define AG_TOK_QUOTE      0x0080u /**< a quotation mark (any style) */
#define AG_TOK_POSS       0x0100u /**< possessive marker 's or ' */
#define AG_TOK_HYPHEN     0x0200u /**< word contains a hyphen */
#define AG_TOK_ABBREV     0x0400u /**< ends in a period that is not a full stop (U.S., Jan.) */
#define AG_TOK_QUOTED     0x0800u /**< inside quotation marks within its sentence (the marks themselves are not) */

/** A token: a span of the original bytes and its normalized forms. */
typedef struct ag_token {
    uint32_t start, end;  /**< byte span in the document */
    const char *norm;     /**< ASCII-folded text, case kept (quotes ' ", dashes -); NUL-terminated */
    const char *lower;    /**< @ref norm in lower case; NUL-terminated */
    uint64_t hash;        /**< hash of @ref lower, for table look-ups */
    uint32_t len;         /**< strlen(norm) == strlen(lower) */
    uint32_t flags;       /**< AG_TOK_* */
} ag_token;

/** A sentence: a run of tokens. */
typedef struct ag_sentence {
    uint32_t first, count; /**< tokens [first, first + count) */
    uint32_t start, end;   /**< byte span in the document */
    uint32_t line;         /**< 1-based line of the first byte */
    uint32_t paragraph;    /**< 0-based paragraph index */
    int headline;          /**< from a line without final punctuation (a title) */
    int allcaps;           /**< most words are upper case: capitals say nothing here */
} ag_sentence;

/** The analysed text of one document; fields are read-only for callers. */
typedef struct ag_text {
    const ag_doc *doc;        /**< borrowed; must outlive this */
    ag_token *tokens;
    size_t n_tokens;
    ag_sentence *sentences;
    size_t n_sentences;
    size_t dropped_lines;     /**< page-furniture lines removed */
    const char *published;    /**< publication date stated in the text (YYYY-MM-DD) or NULL; owned by the text */
    void *internal_;          /**< arena; private */
} ag_text;

/**
 * Analyse a document: drop furniture, split sentences, tokenize.
 * @param[out] out  the result; free with ag_text_free().  It borrows @p doc.
 * @param lex       word lists (abbreviations, furniture, common words); NULL
 *                  analyses without them (no furniture is dropped).
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_text_analyze(ag_text **out, ag_ctx *ctx, const ag_doc *doc, const ag_lexicon *lex);

/** Free an analysis; NULL is a no-op. */
AG_EXTERN(void) ag_text_free(ag_text *text);

/**
 * Check that @p len bytes are valid UTF-8 (no overlongs, surrogates or
 * code points past U+10FFFF).  @return the offset of the first bad byte, or
 * -1 if all are valid.
 */
AG_EXTERN(long long) ag_text_utf8_check(const char *bytes, size_t len);

/** 1 if @p year-@p month-@p day is a day of the (Gregorian) calendar: no
 *  February 30, no February 29 outside leap years; else 0. */
AG_EXTERN(int) ag_text_calendar_day(int year, int month, int day);

#ifdef __cplusplus
}
#endif
#endif
