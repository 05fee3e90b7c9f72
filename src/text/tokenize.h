/* actorgraph: the tokenizer, shared by the text stage and the lexicon
 * loader (so lexicon phrases split exactly as article text does). */
#ifndef AG_TEXT_TOKENIZE_H
#define AG_TEXT_TOKENIZE_H

#include "actorgraph/text.h"
#include "util/util.h"

typedef struct ag_tokvec {
    ag_token *v;
    size_t n, cap;
} ag_tokvec;

/* Append the tokens of s[0, len) to @p out; offsets are base + byte index.
 * Strings live in @p arena.  @return AG_OK or AG_ENOMEM. */
int ag_text__tokenize(ag_tokvec *out, ag_arena *arena, const char *s, size_t len, uint32_t base);

/* Decode one UTF-8 code point at s (len > 0); returns its byte length (1 on
 * an invalid byte, with *cp = 0xFFFD). */
size_t ag_text__decode(const char *s, size_t len, int32_t *cp);

/* 1 if the code point is white space (incl. NBSP, zero-width, BOM). */
int ag_text__is_space(int32_t cp);

#endif
