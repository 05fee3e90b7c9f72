/* actorgraph: regular English inflection, used to match rule lemmas against
 * the words as written when a lemma was guessed wrong ("declined" read as
 * "declin").  Over-generation is harmless here: a form nobody writes never
 * matches. */
#include <string.h>

#include "nlp/nlp_internal.h"

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static void add(char (*out)[AG_NLP_FORM_MAX], size_t max, size_t *n, const char *stem, size_t len,
                const char *suffix)
{
    size_t k, sl = strlen(suffix);

    if (*n >= max || len + sl + 1 > AG_NLP_FORM_MAX)
        return;
    memcpy(out[*n], stem, len);
    memcpy(out[*n] + len, suffix, sl + 1);
    for (k = 0; k < *n; k++)
        if (!strcmp(out[k], out[*n]))
            return;
    (*n)++;
}

size_t ag_nlp_inflect(const char *lemma, int upos, char (*out)[AG_NLP_FORM_MAX], size_t max)
{
    size_t n = 0, len = strlen(lemma);
    char last = len ? lemma[len - 1] : 0, before = len > 1 ? lemma[len - 2] : 0;
    int sibilant = last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 's' || before == 'c'));
    int consonant_y = last == 'y' && len > 1 && !is_vowel(before);

    add(out, max, &n, lemma, len, "");
    if (!len || strchr(lemma, ' '))
        return n;
    /* plural or third person */
    if (consonant_y)
        add(out, max, &n, lemma, len - 1, "ies");
    else
        add(out, max, &n, lemma, len, sibilant ? "es" : "s");
    if (upos != AG_UPOS_VERB)
        return n;
    if (last == 'e') {
        add(out, max, &n, lemma, len, "d");
        add(out, max, &n, lemma, len - 1, "ing");
        if (len > 2 && lemma[len - 2] == 'i') /* tie -> tying */
            add(out, max, &n, lemma, len - 2, "ying");
        return n;
    }
    if (consonant_y) {
        add(out, max, &n, lemma, len - 1, "ied");
        add(out, max, &n, lemma, len, "ing");
        return n;
    }
    add(out, max, &n, lemma, len, "ed");
    add(out, max, &n, lemma, len, "ing");
    /* consonant-vowel-consonant endings may double: ban -> banned, admit -> admitted */
    if (len >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(before) &&
        !is_vowel(lemma[len - 3])) {
        char doubled[AG_NLP_FORM_MAX];
        if (len + 1 < sizeof doubled) {
            memcpy(doubled, lemma, len);
            doubled[len] = last;
            add(out, max, &n, doubled, len + 1, "ed");
            add(out, max, &n, doubled, len + 1, "ing");
        }
    }
    /* panic -> panicked */
    if (last == 'c')
        add(out, max, &n, lemma, len, "ked");
    return n;
}
