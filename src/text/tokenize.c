/* actorgraph: one pass over UTF-8 bytes into word, number and punctuation
 * tokens.  Typographic quotes, apostrophes and dashes are folded to ASCII in
 * the token's normalized forms, while spans keep pointing at original bytes. */
#include "tokenize.h"

#include <string.h>

#include <utf8proc.h>

size_t ag_text__decode(const char *s, size_t len, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);

    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

int ag_text__is_space(int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return 1;
    if (cp < 0x80)
        return 0;
    if (cp == 0xA0 || cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
        cp == 0x200E || cp == 0x200F || cp == 0xAD)
        return 1;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static int is_letter(int32_t cp)
{
    utf8proc_category_t c;

    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static int is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static int is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032 || cp == 0x60;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* ASCII stand-in for typographic punctuation, or 0 to keep the code point. */
static char fold_punct(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x60:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x2026:
        return '.';
    default:
        return 0;
    }
}

typedef struct {
    char *norm, *lower;
    size_t len, cap;
} tokbuf;

static int push_token(ag_tokvec *out, ag_arena *arena, const char *norm, size_t len, uint32_t start,
                      uint32_t end, uint32_t flags)
{
    ag_token *t;
    char *n, *l;
    size_t i;
    utf8proc_uint8_t *lowered = NULL;

    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 256;
        ag_token *v = realloc(out->v, cap * sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        out->v = v;
        out->cap = cap;
    }
    n = ag_arena_strndup(arena, norm, len);
    if (!n)
        return AG_ENOMEM;
    int upper = 0;

    for (i = 0; i < len && (unsigned char)norm[i] < 0x80; i++)
        upper |= norm[i] >= 'A' && norm[i] <= 'Z';
    if (i == len && !upper) {
        l = n; /* already lower case: share the string */
    } else if (i == len) {
        l = ag_arena_strndup(arena, norm, len);
        if (!l)
            return AG_ENOMEM;
        for (i = 0; i < len; i++)
            if (l[i] >= 'A' && l[i] <= 'Z')
                l[i] = (char)(l[i] + 32);
    } else {
        utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)n, (utf8proc_ssize_t)len, &lowered,
                                          UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (k < 0)
            l = n;
        else {
            l = ag_arena_strndup(arena, (const char *)lowered, (size_t)k);
            free(lowered);
            if (!l)
                return AG_ENOMEM;
        }
    }
    t = &out->v[out->n++];
    t->start = start;
    t->end = end;
    t->norm = n;
    t->lower = l;
    t->len = (uint32_t)strlen(n);
    t->hash = ag_hash_bytes(l, strlen(l));
    t->flags = flags;
    return AG_OK;
}

/* Is s[i] (an apostrophe) followed by "s" and then a non-letter? */
static int possessive_s_at(const char *s, size_t len, size_t i, size_t alen)
{
    size_t j = i + alen;
    int32_t cp;

    if (j >= len || (s[j] != 's' && s[j] != 'S'))
        return 0;
    if (j + 1 >= len)
        return 1;
    ag_text__decode(s + j + 1, len - j - 1, &cp);
    return !is_letter(cp) && !is_digit(cp);
}

int ag_text__tokenize(ag_tokvec *out, ag_arena *arena, const char *s, size_t len, uint32_t base)
{
    size_t i = 0;
    int space = 1;
    char small[512];
    ag_buf big = AG_BUF_INIT;
    int rc = AG_OK;

    while (i < len) {
        int32_t cp;
        size_t k = ag_text__decode(s + i, len - i, &cp);

        if (ag_text__is_space(cp)) {
            space = 1;
            i += k;
            continue;
        }
        if (is_letter(cp) || is_digit(cp)) {
            /* a word: letters/digits, joined by inner hyphens, apostrophes
             * (not a possessive 's), and periods of abbreviations (U.S.) or
             * numbers (3.5, 11,000) */
            size_t st = i, j = i, nlen = 0;
            uint32_t flags = AG_TOK_WORD | (space ? AG_TOK_SPACE : 0);
            int letters = 0, uppers = 0, first = 1, abbrev = 0;
            big.len = 0;
            if (is_digit(cp))
                flags |= AG_TOK_NUMBER;
            while (j < len) {
                int32_t c;
                size_t kk = ag_text__decode(s + j, len - j, &c);
                if (is_letter(c) || is_digit(c)) {
                    if (is_letter(c)) {
                        letters++;
                        if (is_upper(c))
                            uppers++;
                        if (first && is_upper(c))
                            flags |= AG_TOK_CAP;
                    }
                    first = 0;
                    if (ag_buf_append(&big, s + j, kk)) {
                        rc = AG_ENOMEM;
                        goto out;
                    }
                    j += kk;
                    continue;
                }
                if ((is_hyphen(c) || is_apostrophe(c) || c == '.' || c == ',') && j + kk < len) {
                    int32_t nx;
                    ag_text__decode(s + j + kk, len - j - kk, &nx);
                    if (is_apostrophe(c) && possessive_s_at(s, len, j, kk))
                        break;
                    if (c == ',' && !(flags & AG_TOK_NUMBER && is_digit(nx)))
                        break;
                    if (c == '.') {
                        /* 3.5 or U.S. / a.m.: a single letter before and after */
                        int num = (flags & AG_TOK_NUMBER) && is_digit(nx);
                        int abbr = !num && is_letter(nx) && big.len >= 1 &&
                                   (j - st == 1 || (j >= 2 && s[j - 2] == '.'));
                        if (!num && !abbr)
                            break;
                        if (abbr) {
                            size_t after = j + kk + ag_text__decode(s + j + kk, len - j - kk, &nx);
                            /* the letter after must itself end the word or take a period */
                            if (after < len && s[after] != '.')
                                break;
                            abbrev = 1;
                        }
                    } else if (!(is_letter(nx) || is_digit(nx))) {
                        break;
                    } else if (is_hyphen(c)) {
                        /* "China-U.S. ties": an abbreviation after a hyphen is a word of its own */
                        size_t after = j + kk + ag_text__decode(s + j + kk, len - j - kk, &nx);
                        int32_t c2;
                        if (after + 1 < len && s[after] == '.' &&
                            (ag_text__decode(s + after + 1, len - after - 1, &c2), is_letter(c2)))
                            break;
                    }
                    if (ag_buf_putc(&big, is_hyphen(c) ? '-' : is_apostrophe(c) ? '\'' : (char)c)) {
                        rc = AG_ENOMEM;
                        goto out;
                    }
                    if (is_hyphen(c))
                        flags |= AG_TOK_HYPHEN;
                    j += kk;
                    first = is_hyphen(c) ? 0 : first;
                    continue;
                }
                break;
            }
            /* the final period of an abbreviation such as U.S. belongs to it */
            if (abbrev && j < len && s[j] == '.') {
                if (ag_buf_putc(&big, '.')) {
                    rc = AG_ENOMEM;
                    goto out;
                }
                j++;
                flags |= AG_TOK_ABBREV;
            }
            if (letters >= 2 && uppers == letters)
                flags |= AG_TOK_ALLCAPS;
            nlen = big.len;
            (void)small;
            if ((rc = push_token(out, arena, big.data, nlen, base + (uint32_t)st, base + (uint32_t)j, flags)))
                goto out;
            i = j;
            space = 0;
            continue;
        }
        if (is_apostrophe(cp) && possessive_s_at(s, len, i, k) && !space) {
            if ((rc = push_token(out, arena, "'s", 2, base + (uint32_t)i, base + (uint32_t)(i + k + 1),
                                 AG_TOK_POSS)))
                goto out;
            i += k + 1;
            space = 0;
            continue;
        }
        {
            char f = fold_punct(cp);
            uint32_t flags = AG_TOK_PUNCT | (space ? AG_TOK_SPACE : 0);
            char one[8];
            size_t n = 1;
            if (f) {
                one[0] = f;
            } else if (cp < 0x80) {
                one[0] = (char)cp;
            } else {
                memcpy(one, s + i, k);
                n = k;
            }
            if (one[0] == '"' && n == 1)
                flags |= AG_TOK_QUOTE;
            if (one[0] == '\'' && n == 1) {
                /* after "s" with no space: plural possessive (the soldiers' families) */
                if (!space && out->n && out->v[out->n - 1].end == base + i && out->v[out->n - 1].len &&
                    (out->v[out->n - 1].lower[out->v[out->n - 1].len - 1] == 's'))
                    flags |= AG_TOK_POSS;
                else
                    flags |= AG_TOK_QUOTE;
            }
            if ((rc = push_token(out, arena, one, n, base + (uint32_t)i, base + (uint32_t)(i + k), flags)))
                goto out;
            i += k;
            space = 0;
        }
    }
out:
    ag_buf_free(&big);
    return rc;
}
