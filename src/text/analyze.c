/* actorgraph: the text stage.  Lines -> page furniture dropped -> blocks
 * (paragraphs, hard-wrapped lines joined) -> tokens -> sentences.  One pass
 * over the bytes per step; every span stays an offset into the original. */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/text.h"
#include "extract/lexicon.h"
#include "tokenize.h"

typedef struct line {
    uint32_t start, end;   /* trimmed content */
    uint32_t raw_start;
    uint32_t story;        /* after a wire dateline, where the story starts; else start */
    int blank, drop;
} line;

typedef struct text_internal {
    ag_arena arena;
} text_internal;

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim ASCII and common Unicode blanks (NBSP, BOM, zero-width) at both ends. */
static void trim(const char *s, uint32_t *a, uint32_t *b)
{
    for (;;) {
        int32_t cp;
        size_t k;
        if (*a >= *b)
            return;
        k = ag_text__decode(s + *a, *b - *a, &cp);
        if (!ag_text__is_space(cp))
            break;
        *a += (uint32_t)k;
    }
    while (*b > *a) {
        uint32_t p = *b - 1;
        int32_t cp;
        while (p > *a && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        ag_text__decode(s + p, *b - p, &cp);
        if (!ag_text__is_space(cp))
            break;
        *b = p;
    }
}

/* Words in s[0, n), counting no further than 32: every caller compares the
 * count with a small threshold, and paragraphs are long. */
static size_t count_words(const char *s, size_t n)
{
    size_t i, w = 0;
    int in = 0;

    for (i = 0; i < n && w <= 32; i++) {
        int sp = is_ws(s[i]) || s[i] == '\n';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

static int has_sub(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;

    for (i = 0; i + k <= n; i++)
        if (!strncmp(s + i, needle, k))
            return 1;
    return 0;
}

static int ends_sentence(const char *s, uint32_t a, uint32_t b)
{
    unsigned char c;

    if (b <= a)
        return 0;
    c = (unsigned char)s[b - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':' || c == ';' || c == '\'' || c == ')')
        return 1;
    /* closing typographic quote (U+201D, U+2019) */
    return b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
           (c == 0x9D || c == 0x99);
}

/* Ends in . ! ? (a closing quote or bracket after it allowed): a sentence,
 * not a headline, which may well end in a quote. */
static int ends_in_stop(const char *s, uint32_t a, uint32_t b)
{
    while (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']')
            b--;
        else if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
                 (c == 0x9D || c == 0x99))
            b -= 3;
        else
            break;
    }
    return b > a && (s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?' || s[b - 1] == ':');
}

static int starts_lower(const char *s, uint32_t a, uint32_t b)
{
    return a < b && s[a] >= 'a' && s[a] <= 'z';
}

/* A line ending in a comma, hyphen or function word goes on in the next. */
static int ends_mid_phrase(const char *s, const line *ln)
{
    static const char *const words[] = {" with", " of", " the", " and", " to", " for", " a", " an", " in", " on",
                                        " at", " by", " from", " that", " his", " her", " their", " its", NULL};
    const char *const *w;
    uint32_t n = ln->end - ln->start;

    if (!n)
        return 0;
    if (s[ln->end - 1] == ',' || s[ln->end - 1] == '-')
        return 1;
    for (w = words; *w; w++) {
        size_t k = strlen(*w);
        if (n > k && !strncmp(s + ln->end - k, *w, k))
            return 1;
    }
    return 0;
}

/* "Foreign Minister Siobhan\nO'Connell arrived ... talks with\nCanadian ...":
 * a capitalized word ends the line, a capitalized word starts the next, and
 * the next does not end a sentence while one follows that does. */
static int name_split(const char *s, const line *lines, size_t nlines, size_t j)
{
    const line *a = &lines[j], *b = &lines[j + 1];
    uint32_t k = a->end;

    if (j + 2 >= nlines || lines[j + 2].blank || lines[j + 2].drop)
        return 0;
    while (k > a->start && s[k - 1] != ' ')
        k--;
    return !(s[a->end - 1] == '.' || s[a->end - 1] == '!' || s[a->end - 1] == '?') && s[k] >= 'A' && s[k] <= 'Z' &&
           b->end > b->start && s[b->start] >= 'A' && s[b->start] <= 'Z' && !ends_sentence(s, b->start, b->end) &&
           ends_sentence(s, lines[j + 2].start, lines[j + 2].end);
}

/* Site names, mastheads and URLs: short lines with a domain or a " | ". */
static int looks_like_masthead(const char *s, uint32_t a, uint32_t b)
{
    size_t n = b - a, w;

    if (n > 200)
        return 0; /* a paragraph */
    w = count_words(s + a, n);

    if (w <= 10 && (has_sub(s + a, n, "www.") || has_sub(s + a, n, "http") || has_sub(s + a, n, ".com") ||
                    has_sub(s + a, n, ".org") || has_sub(s + a, n, ".co.") || has_sub(s + a, n, ".net")))
        return 1;
    return w <= 16 && has_sub(s + a, n, " | ");
}

/* A line of two to four capitalized words and nothing else: a byline name,
 * if the next paragraph is a biography starting with it. */
static int is_name_line(const char *s, uint32_t a, uint32_t b)
{
    size_t w = count_words(s + a, b - a);
    uint32_t i;
    int at_word = 1;

    if (w < 2 || w > 4 || ends_sentence(s, a, b))
        return 0;
    for (i = a; i < b; i++) {
        if (at_word && !(s[i] >= 'A' && s[i] <= 'Z') && !((unsigned char)s[i] >= 0x80))
            return 0;
        at_word = s[i] == ' ';
    }
    return 1;
}

static int is_bio_of(const char *s, const line *name, const line *bio)
{
    uint32_t first_end = name->start;
    size_t n = bio->end - bio->start;

    while (first_end < name->end && s[first_end] != ' ')
        first_end++;
    if (n < first_end - name->start || strncmp(s + bio->start, s + name->start, first_end - name->start))
        return 0;
    return has_sub(s + bio->start, n > 200 ? 200 : n, " is a") || has_sub(s + bio->start, n > 200 ? 200 : n, " is an") ||
           has_sub(s + bio->start, n > 200 ? 200 : n, " writes ");
}

/* Does the line begin with two to four capitalized words followed by one of
 * the verbs of a biography ("Jane Doe is the political editor of ...")?
 * Returns the length of the name, 0 if not. */
static uint32_t bio_name(const char *s, const line *ln)
{
    static const char *const verbs[] = {" is a ", " is an ", " is the ", " writes ", " covers ", " reports on ",
                                        " has covered ", " has written ", " joined ", NULL};
    static const char *const jobs[] = {"journalist", "correspondent", "reporter", "editor", "writer", "columnist",
                                       "author", "contributor", "freelance", "covers", "writes", "news", "career", NULL};
    uint32_t i = ln->start, words = 0;
    const char *const *v;
    size_t n = ln->end - ln->start;

    while (i < ln->end && words < 5) {
        if (!(s[i] >= 'A' && s[i] <= 'Z') && !((unsigned char)s[i] >= 0xC0))
            break;
        while (i < ln->end && s[i] != ' ')
            i++;
        words++;
        for (v = verbs; *v; v++)
            if (!strncmp(s + i, *v, strlen(*v)) && words >= 2 && words <= 4) {
                const char *const *j;
                for (j = jobs; *j; j++)
                    if (has_sub(s + ln->start, n > 300 ? 300 : n, *j))
                        return i - ln->start;
                return 0;
            }
        if (i < ln->end)
            i++;
    }
    return 0;
}

/* Navigation glued together by a scraper ("FinancialGovernment SolutionsLegal"):
 * two or more words with a capital right after a small letter. */
static int glued_navigation(const char *s, const line *ln)
{
    uint32_t k;
    int glued = 0;

    /* a capital between two runs of small letters, four before and three
     * after: "FinancialGovernment", not "OpenAI", "LinkedIn" or "McDonald" */
    for (k = ln->start + 4; k + 3 < ln->end; k++) {
        uint32_t j;
        int ok = s[k] >= 'A' && s[k] <= 'Z';
        for (j = k - 4; ok && j < k; j++)
            ok = s[j] >= 'a' && s[j] <= 'z';
        for (j = k + 1; ok && j <= k + 3; j++)
            ok = s[j] >= 'a' && s[j] <= 'z';
        glued += ok;
    }
    return glued >= 2;
}

/* Photo credits: "Eugene Hoshiko/AP Photo", "AP Photo/Jane Doe" alone on a
 * line; "... REUTERS/Jane Doe/File Photo" at the end of a caption. */
static int photo_credit(const char *s, line *ln)
{
    static const char *const marks[] = {"REUTERS/", "Reuters/", "AP Photo/", "/AP Photo", "AFP/", "/AFP", "EPA/",
                                        "Getty Images", "/Getty", "Photo by ", "Photograph: ", "FILE PHOTO", NULL};
    const char *const *m;
    uint32_t n = ln->end - ln->start, k;
    int slash = 0;

    for (k = ln->start; k < ln->end; k++)
        slash |= s[k] == '/';
    if (slash && count_words(s + ln->start, n) <= 8 && !ends_in_stop(s, ln->start, ln->end))
        return 1;
    for (m = marks; *m; m++) {
        size_t ml = strlen(*m);
        const char *p = s + ln->start, *e = s + ln->end;
        /* jump from one occurrence of the mark's first byte to the next */
        while (p + ml <= e && (p = memchr(p, (*m)[0], (size_t)(e - p - ml + 1))) != NULL) {
            if (!strncmp(p, *m, ml)) {
                k = (uint32_t)(p - s);
                if (k == ln->start)
                    return 1;
                ln->end = k; /* keep the caption, drop the credit */
                trim(s, &ln->start, &ln->end);
                return ln->end <= ln->start;
            }
            p++;
        }
    }
    return 0;
}

static const char *const month_names[] = {"january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"};

/* Do the n bytes at w spell month m, whole or cut to three letters or more
 * ("March", "Dec"), in any case? */
static int spells_month(const char *w, size_t n, size_t m)
{
    size_t k;

    if (n < 3 || n > strlen(month_names[m]))
        return 0;
    for (k = 0; k < n; k++)
        if ((w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]) != month_names[m][k])
            return 0;
    return 1;
}

/* The line after a byline: a reading time ("2 min read") or a date. */
static int after_byline(const char *s, const line *ln)
{
    uint32_t n = ln->end - ln->start, i;
    size_t m;

    if (ln->blank || count_words(s + ln->start, n) > 8)
        return 0;
    if (has_sub(s + ln->start, n, "min read") || has_sub(s + ln->start, n, "minute read") ||
        has_sub(s + ln->start, n, "mins read"))
        return 1;
    /* "November 25, 2026", "25 Nov 2026 09:00", "Published: Nov. 25": a
     * month's first three letters with a digit soon after */
    for (i = ln->start; i + 3 <= ln->end; i++) {
        uint32_t j;
        if (i > ln->start && s[i - 1] != ' ')
            continue;
        for (m = 0; m < 12; m++)
            if (s[i] >= 'A' && s[i] <= 'Z' && spells_month(s + i, 3, m))
                break;
        if (m == 12)
            continue;
        for (j = i + 3; j < ln->end && j < i + 12; j++)
            if (s[j] >= '0' && s[j] <= '9')
                return 1;
    }
    return 0;
}

/* Author biographies anywhere ("X is a senior correspondent ..."), the byline
 * lines that repeat their name, "@handles" and short ALL-CAPS section labels,
 * photo credits, glued navigation and menu bullets. */
static void drop_bylines_and_bios(const char *s, line *lines, size_t nlines)
{
    size_t i, j;

    for (i = 0; i < nlines; i++) {
        line *ln = &lines[i];
        uint32_t n, k;
        int lower = 0, words;
        if (ln->blank || ln->drop)
            continue;
        if (photo_credit(s, ln) || glued_navigation(s, ln)) {
            ln->drop = 1;
            continue;
        }
        n = ln->end - ln->start;
        /* "• Small Medium Big": a menu item, not a sentence */
        if (n > 3 && (unsigned char)s[ln->start] == 0xE2 && (unsigned char)s[ln->start + 1] == 0x80 &&
            (unsigned char)s[ln->start + 2] == 0xA2 && count_words(s + ln->start, n) <= 7 &&
            !ends_in_stop(s, ln->start, ln->end)) {
            ln->drop = 1;
            continue;
        }
        if (s[ln->start] == '@' && !memchr(s + ln->start, ' ', n)) {
            ln->drop = 1;
            continue;
        }
        for (k = ln->start; k < ln->end; k++)
            lower |= s[k] >= 'a' && s[k] <= 'z';
        words = (int)count_words(s + ln->start, n);
        if (!lower && words <= 4 && !ends_in_stop(s, ln->start, ln->end)) {
            ln->drop = 1; /* "WORLD NEWS", "BREAKING" */
            continue;
        }
        /* a name alone on its line, then a reading time or a date: the byline */
        if (is_name_line(s, ln->start, ln->end)) {
            for (j = i + 1; j < nlines && lines[j].blank; j++)
                ;
            if (j < nlines && after_byline(s, &lines[j])) {
                ln->drop = 1;
                continue;
            }
        }
        if ((k = bio_name(s, ln)) != 0) {
            ln->drop = 1;
            /* the same name alone on an earlier or later line is its byline */
            for (j = 0; j < nlines; j++)
                if (!lines[j].blank && lines[j].end - lines[j].start == k &&
                    !strncmp(s + lines[j].start, s + ln->start, k))
                    lines[j].drop = 1;
        }
    }
}

/* "(President X/Telegram)", "(Photo: ...)", "(AP Photo/...)": credits at a line's end. */
static void strip_credit(const char *s, line *ln)
{
    uint32_t open, i;
    int slash = 0;

    if (ln->end <= ln->start || s[ln->end - 1] != ')')
        return;
    for (open = ln->end - 1; open > ln->start && s[open] != '('; open--)
        ;
    if (s[open] != '(')
        return;
    for (i = open; i < ln->end; i++)
        slash |= s[i] == '/';
    if (slash || has_sub(s + open, ln->end - open, "Photo") || has_sub(s + open, ln->end - open, "photo") ||
        has_sub(s + open, ln->end - open, "Credit") || has_sub(s + open, ln->end - open, "Getty") ||
        has_sub(s + open, ln->end - open, "Image")) {
        ln->end = open;
        trim(s, &ln->start, &ln->end);
        if (ln->end <= ln->start)
            ln->drop = 1;
    }
}

/* Where a wire dateline opening the line ends ("LIMA (AFP) – ", "Baku
 * [Azerbaijan], December 8 : ", "SEOUL, Dec. 3 (Yonhap) -- ", "NEW DELHI: "):
 * the offset of the story's first byte, or @p a when there is none.  The
 * place and the agency are no part of the story's first sentence, and read
 * as its subject they relate the wrong actors.  A dateline is a few
 * capitalized words, numbers and bracketed parts before a dash or colon,
 * with an upper-case place or a date to tell it from an ordinary dash. */
static uint32_t dateline_end(const char *s, uint32_t a, uint32_t b)
{
    uint32_t i, words = 0, sep = 0, after = 0;
    int allcaps_place = 0, month = 0, digits = 0, depth = 0, depth_seen = 0;
    uint32_t date_end = 0, last_word_start = 0;

    for (i = a; i < b && i < a + 72; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(' || c == '[') {
            depth++;
            depth_seen = 1;
            continue;
        }
        if (c == ')' || c == ']') {
            depth--;
            continue;
        }
        if (depth == 0 && i > a && s[i - 1] == ' ' &&
            (c == '-' || (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
                          ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)))) {
            sep = i;
            after = c == '-' ? i + 1 : i + 3;
            while (after < b && s[after] == '-')
                after++;
            break;
        }
        if (depth == 0 && c == ':') {
            sep = i;
            after = i + 1;
            break;
        }
        /* "TOKYO, October 20. /TASS/. The ...": the agency between slashes */
        if (depth == 0 && c == '/' && i > a && s[i - 1] == ' ') {
            uint32_t e = i + 1;
            while (e < b && e < i + 24 && s[e] != '/' && s[e] != ' ')
                e++;
            if (e + 1 < b && s[e] == '/' && e > i + 1 && s[e + 1] == '.') {
                sep = i;
                after = e + 2;
                depth_seen = 1;
                break;
            }
            return a;
        }
        if (c == ' ' || c == ',' || c == '.' || c == '/')
            continue;
        /* a word: capitalized, or a number */
        if (i == a || strchr(" ,([/", s[i - 1])) {
            uint32_t e = i, up = 0, letters = 0;
            size_t m;
            while (e < b && !strchr(" ,.:()[]/", s[e]))
                e++;
            for (uint32_t k = i; k < e; k++) {
                letters += ((unsigned char)s[k] >= 'A' && (unsigned char)s[k] <= 'Z') ||
                           ((unsigned char)s[k] >= 'a' && (unsigned char)s[k] <= 'z');
                up += (unsigned char)s[k] >= 'A' && (unsigned char)s[k] <= 'Z';
            }
            if (c >= '0' && c <= '9') {
                digits = 1;
                if (month && depth == 0)
                    date_end = e; /* "MAPUTO Jan 6 The ...": the day may end it */
            } else if (!(c >= 'A' && c <= 'Z') && c < 0x80) {
                /* a lower-case word: running text, after an old wire dateline
                 * without a dash ("MAPUTO Jan 6 The spokesman ...") or none */
                if (allcaps_place && date_end && date_end < last_word_start) {
                    while (date_end < b && s[date_end] == ' ')
                        date_end++;
                    return date_end;
                }
                return a;
            }
            last_word_start = i;
            if (depth == 0 && words == 0 && letters >= 2 && up == letters)
                allcaps_place = 1;
            for (m = 0; m < 12; m++)
                if (spells_month(s + i, e - i, m))
                    month = 1;
            if (++words > 10)
                return a;
            i = e - 1;
        }
    }
    /* "NATO: allies agree" is a headline's label, not a place: an upper-case
     * word alone needs a dash ("LIMA (AFP) –") */
    if (!sep || words == 0 || !((allcaps_place && (s[sep] != ':' || depth_seen)) || (month && digits)))
        return a;
    while (after < b && s[after] == ' ')
        after++;
    return after < b ? after : a;
}

/* A line that reads like a link to another story: short, no full stop. */
static int teaser_like(const char *s, const line *ln)
{
    size_t w = count_words(s + ln->start, ln->end - ln->start);
    char c = s[ln->end - 1];

    if (ln->blank || ln->drop)
        return 0;
    if (w <= 3)
        return 1; /* "01:03", "Go to video", "All news" */
    return w <= 25 && c != '.' && c != '"' && c != ':' && !ends_sentence(s, ln->start, ln->end - (c == '?'));
}

/* After the article has begun, three or more teaser-like lines in a row are
 * a list of other stories (their names are not this article's actors). */
static void drop_teasers(const char *s, line *lines, size_t nlines)
{
    size_t i, first_prose = nlines;

    for (i = 0; i < nlines; i++) {
        const line *ln = &lines[i];
        if (!ln->blank && !ln->drop && ln->end > ln->start && s[ln->end - 1] != ':' &&
            ends_sentence(s, ln->start, ln->end) && count_words(s + ln->start, ln->end - ln->start) >= 8) {
            first_prose = i;
            break;
        }
    }
    for (i = first_prose + 1; i < nlines;) {
        size_t j = i, teasers = 0, k;
        while (j < nlines && (lines[j].blank || lines[j].drop || teaser_like(s, &lines[j]))) {
            teasers += !lines[j].blank && !lines[j].drop;
            j++;
        }
        if (teasers >= 3)
            for (k = i; k < j; k++)
                lines[k].drop = 1;
        i = j > i ? j : i + 1;
    }
}

/* "Published January 15, 2025" -> "2025-01-15"; NULL if the line has no such date. */
static char *find_date(ag_arena *arena, const char *s, uint32_t a, uint32_t b)
{
    uint32_t i;
    size_t m;

    for (i = a; i < b; i++) {
        if (i > a && s[i - 1] != ' ')
            continue;
        for (m = 0; m < 12; m++) {
            size_t k = strlen(month_names[m]);
            uint32_t p = i + (uint32_t)k;
            int day = 0, year = 0, nd = 0, ny = 0;
            if (p >= b || !spells_month(s + i, k, m) || s[p] != ' ')
                continue;
            p++;
            while (p < b && s[p] >= '0' && s[p] <= '9' && nd < 2)
                day = day * 10 + (s[p++] - '0'), nd++;
            if (!nd || day < 1 || day > 31)
                continue;
            if (p < b && s[p] == ',')
                p++;
            if (p < b && s[p] == ' ')
                p++;
            while (p < b && s[p] >= '0' && s[p] <= '9' && ny < 4)
                year = year * 10 + (s[p++] - '0'), ny++;
            if (ny == 4 && year >= 1900 && year <= 2999 && ag_text_calendar_day(year, (int)m + 1, day)) {
                char *out = ag_arena_alloc(arena, 11);
                if (out) {
                    out[0] = (char)('0' + year / 1000);
                    out[1] = (char)('0' + year / 100 % 10);
                    out[2] = (char)('0' + year / 10 % 10);
                    out[3] = (char)('0' + year % 10);
                    out[4] = '-';
                    out[5] = (char)('0' + (m + 1) / 10);
                    out[6] = (char)('0' + (m + 1) % 10);
                    out[7] = '-';
                    out[8] = (char)('0' + day / 10);
                    out[9] = (char)('0' + day % 10);
                    out[10] = '\0';
                }
                return out;
            }
        }
    }
    return NULL;
}

static int is_terminal(const ag_token *t)
{
    return (t->flags & AG_TOK_PUNCT) && t->len == 1 && (t->norm[0] == '.' || t->norm[0] == '!' || t->norm[0] == '?');
}

/* A closing quote or bracket: attached to what precedes it (an opening
 * quote has a space before it). */
static int is_closer(const ag_token *t)
{
    return !(t->flags & AG_TOK_SPACE) && ((t->flags & AG_TOK_QUOTE) || ((t->flags & AG_TOK_PUNCT) && t->norm[0] == ')'));
}

/* Does the period after token @p prev end a sentence, given what follows? */
static int period_ends(const ag_lexicon *lex, const ag_token *prev, const ag_token *next)
{
    if (!next)
        return 1;
    if (!(next->flags & (AG_TOK_CAP | AG_TOK_NUMBER | AG_TOK_QUOTE)) && !(next->flags & AG_TOK_PUNCT))
        return 0; /* lower case follows: "e.g. this", "Jan. 14" handled below */
    if (prev && (prev->flags & AG_TOK_WORD)) {
        /* "Mr. Kim", "Jan. 14", "Gen. Smith": an abbreviation, unless a common
         * sentence opener follows ("... in Washington D.C. The talks") */
        int abbrev = ag_lexicon__has_tok(lex, AG_WS_ABBREV, prev) ||
                     (prev->len == 1 && (prev->flags & AG_TOK_CAP)); /* an initial: John F. Kennedy */
        if (abbrev && !(prev->flags & AG_TOK_ABBREV))
            return (next->flags & AG_TOK_CAP) && ag_lexicon__has_tok(lex, AG_WS_COMMON, next) &&
                   !ag_lexicon__has_tok(lex, AG_WS_ABBREV, prev) && prev->len > 1;
    }
    return 1;
}

static int add_sentence(ag_text *t, size_t *cap, const ag_tokvec *tv, size_t first, size_t end, const line *lines,
                        size_t nlines, size_t *line_cursor, uint32_t para, int headline)
{
    ag_sentence *s;
    size_t i, words = 0, caps = 0;

    while (first < end && (tv->v[first].flags & AG_TOK_PUNCT) && !(tv->v[first].flags & AG_TOK_QUOTE))
        first++;
    if (first >= end)
        return AG_OK;
    if (t->n_sentences == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        ag_sentence *v = realloc(t->sentences, c * sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        t->sentences = v;
        *cap = c;
    }
    s = &t->sentences[t->n_sentences++];
    s->first = (uint32_t)first;
    s->count = (uint32_t)(end - first);
    s->start = tv->v[first].start;
    s->end = tv->v[end - 1].end;
    s->paragraph = para;
    s->headline = headline;
    while (*line_cursor + 1 < nlines && lines[*line_cursor + 1].raw_start <= s->start)
        (*line_cursor)++;
    s->line = (uint32_t)*line_cursor + 1;
    /* quotation marks open and close in turn within the sentence; the
     * extraction stage reads speakers and mentions against this */
    {
        int quoted = 0;
        for (i = first; i < end; i++) {
            if ((tv->v[i].flags & AG_TOK_QUOTE) && tv->v[i].norm[0] == '"')
                quoted = !quoted;
            else if (quoted)
                tv->v[i].flags |= AG_TOK_QUOTED;
        }
    }
    for (i = first; i < end; i++) {
        if ((tv->v[i].flags & AG_TOK_WORD) && !(tv->v[i].flags & AG_TOK_NUMBER)) {
            words++;
            caps += (tv->v[i].flags & AG_TOK_ALLCAPS) != 0;
        }
    }
    s->allcaps = words >= 3 && caps * 10 >= words * 6;
    {
        /* Title Case: most longer words capitalized, as in headlines */
        size_t longw = 0, capw = 0;
        for (i = first; i < end; i++) {
            const ag_token *k = &tv->v[i];
            if ((k->flags & AG_TOK_WORD) && !(k->flags & AG_TOK_NUMBER) && k->len >= 4) {
                longw++;
                capw += (k->flags & AG_TOK_CAP) != 0;
            }
        }
        /* a sentence ending in a full stop is prose, however many names it has */
        if (longw >= 4 && capw * 10 >= longw * 8 && !is_terminal(&tv->v[end - 1]))
            s->headline = 1;
    }
    for (i = first; i < end; i++)
        if (tv->v[i].flags & AG_TOK_WORD) {
            tv->v[i].flags |= AG_TOK_SENT_START;
            break;
        }
    return AG_OK;
}

/* Split the tokens [from, to) of one block into sentences. */
static int split_block(ag_text *t, size_t *cap, const ag_lexicon *lex, ag_tokvec *tv, size_t from, size_t to,
                       const line *lines, size_t nlines, size_t *cursor, uint32_t para, int headline)
{
    size_t i, start = from;
    int rc;
    int depth = 0; /* inside a quotation: a "?" or "!" there does not end the sentence */

    for (i = from; i < to; i++) {
        const ag_token *tok = &tv->v[i];
        /* A run-on "sentence" (a table, a list without stops) is cut at a
         * comma past 150 tokens and anywhere past 250, so the work per
         * sentence stays bounded whatever the input. */
        if ((i - start > 150 && (tok->flags & AG_TOK_PUNCT) && (tok->norm[0] == ',' || tok->norm[0] == ';')) ||
            i - start > 250) {
            if ((rc = add_sentence(t, cap, tv, start, i + 1, lines, nlines, cursor, para, headline)))
                return rc;
            start = i + 1;
            depth = 0;
            continue;
        }
        if (tok->flags & AG_TOK_QUOTE && tok->norm[0] == '"')
            depth = !depth;
        if (is_terminal(tok)) {
            size_t j = i + 1;
            const ag_token *prev = i > from ? &tv->v[i - 1] : NULL;
            while (j < to && (is_terminal(&tv->v[j]) || is_closer(&tv->v[j])))
                j++;
            if (tok->norm[0] == '.' && !period_ends(lex, prev, j < to ? &tv->v[j] : NULL))
                continue;
            if (tok->norm[0] != '.' && depth && j < to && !(tv->v[j].flags & AG_TOK_CAP))
                continue;
            if ((rc = add_sentence(t, cap, tv, start, j, lines, nlines, cursor, para, headline)))
                return rc;
            depth = 0;
            start = j;
            i = j - 1;
        }
    }
    if (start < to)
        return add_sentence(t, cap, tv, start, to, lines, nlines, cursor, para, headline);
    return AG_OK;
}

int ag_text_analyze(ag_text **out, ag_ctx *ctx, const ag_doc *doc, const ag_lexicon *lex)
{
    size_t len, nlines = 0, i, cap_sent = 0, cursor = 0, wrapped = 0, content = 0;
    const char *s = ag_doc_bytes(doc, &len);
    line *lines = NULL;
    ag_text *t = calloc(1, sizeof(*t));
    text_internal *in = calloc(1, sizeof(*in));
    ag_tokvec tv = {0};
    uint32_t para = 0;
    int rc = AG_OK, hard_wrapped;

    *out = NULL;
    if (!t || !in) {
        rc = AG_ENOMEM;
        goto out;
    }
    t->doc = doc;
    t->internal_ = in;

    /* 1. lines */
    {
        size_t cap = 0, a = 0;
        while (a <= len) {
            size_t b = a;
            line *ln;
            while (b < len && s[b] != '\n')
                b++;
            if (nlines == cap) {
                size_t c = cap ? cap * 2 : 64;
                line *v = realloc(lines, c * sizeof(*v));
                if (!v) {
                    rc = AG_ENOMEM;
                    goto out;
                }
                lines = v;
                cap = c;
            }
            ln = &lines[nlines++];
            ln->raw_start = (uint32_t)a;
            ln->start = (uint32_t)a;
            ln->end = (uint32_t)b;
            trim(s, &ln->start, &ln->end);
            ln->story = ln->start;
            ln->blank = ln->end <= ln->start;
            ln->drop = 0;
            if (b >= len)
                break;
            a = b + 1;
        }
    }

    /* 2. furniture */
    for (i = 0; i < nlines; i++) {
        line *ln = &lines[i];
        if (ln->blank)
            continue;
        int furniture = ag_lexicon__furniture(lex, s + ln->start, ln->end - ln->start) ||
                        looks_like_masthead(s, ln->start, ln->end);
        if (!t->published && i < 40 && (furniture || count_words(s + ln->start, ln->end - ln->start) <= 6))
            t->published = find_date(&in->arena, s, ln->start, ln->end);
        if (lex && furniture)
            ln->drop = 1;
        else {
            strip_credit(s, ln);
            if (ends_in_stop(s, ln->start, ln->end)) /* a body paragraph, not a title */
                ln->story = dateline_end(s, ln->start, ln->end);
        }
    }
    /* a name alone on a line followed by a biography that starts with it */
    for (i = 0; lex && i < nlines; i++) {
        size_t j = i + 1;
        if (lines[i].blank || lines[i].drop || !is_name_line(s, lines[i].start, lines[i].end))
            continue;
        while (j < nlines && lines[j].blank)
            j++;
        if (j < nlines && is_bio_of(s, &lines[i], &lines[j])) {
            lines[i].drop = lines[j].drop = 1;
        }
    }
    drop_bylines_and_bios(s, lines, nlines);
    drop_teasers(s, lines, nlines);
    for (i = 0; i < nlines; i++)
        t->dropped_lines += !lines[i].blank && lines[i].drop;

    /* 3. is the text hard-wrapped?  Then single line breaks are spaces. */
    for (i = 0; i + 1 < nlines; i++) {
        uint32_t n = lines[i].end - lines[i].start;
        if (lines[i].blank || lines[i].drop)
            continue;
        content++;
        if (n >= 50 && n <= 100 && !lines[i + 1].blank && !ends_sentence(s, lines[i].start, lines[i].end))
            wrapped++;
    }
    hard_wrapped = content >= 3 && wrapped * 10 >= content * 3;

    /* 4. blocks -> tokens -> sentences */
    i = 0;
    while (i < nlines) {
        size_t j = i, from;
        int headline;
        if (lines[i].blank || lines[i].drop) {
            if (lines[i].blank)
                para++;
            i++;
            continue;
        }
        /* extend the block over following lines that continue it */
        while (j + 1 < nlines && !lines[j + 1].blank && !lines[j + 1].drop) {
            uint32_t n = lines[j].end - lines[j].start;
            int soft = starts_lower(s, lines[j + 1].start, lines[j + 1].end) || ends_mid_phrase(s, &lines[j]) ||
                       name_split(s, lines, nlines, j) ||
                       (hard_wrapped && n >= 40 && !ends_sentence(s, lines[j].start, lines[j].end)) ||
                       (hard_wrapped && n >= 40 && lines[j + 1].end - lines[j + 1].start >= 1 &&
                        !ends_sentence(s, lines[j].start, lines[j].end));
            if (!soft)
                break;
            j++;
        }
        headline = i == j && !ends_in_stop(s, lines[i].start, lines[i].end);
        if (lines[i].story > lines[i].start) {
            /* the dateline is a sentence of its own: its agency is named
             * ("(Reuters)"), but it is no subject of the story's first clause */
            from = tv.n;
            if ((rc = ag_text__tokenize(&tv, &in->arena, s + lines[i].start, lines[i].story - lines[i].start,
                                        lines[i].start)))
                goto out;
            if ((rc = split_block(t, &cap_sent, lex, &tv, from, tv.n, lines, nlines, &cursor, para, 0)))
                goto out;
            lines[i].start = lines[i].story;
        }
        from = tv.n;
        if ((rc = ag_text__tokenize(&tv, &in->arena, s + lines[i].start, lines[j].end - lines[i].start,
                                    lines[i].start)))
            goto out;
        if ((rc = split_block(t, &cap_sent, lex, &tv, from, tv.n, lines, nlines, &cursor, para, headline)))
            goto out;
        para++;
        i = j + 1;
    }
    t->tokens = tv.v;
    t->n_tokens = tv.n;
    tv.v = NULL;
out:
    free(lines);
    free(tv.v);
    if (rc) {
        ag_text_free(t);
        if (!t)
            free(in);
        return ag_error_set(ctx, rc, "%s: out of memory", ag_doc_name(doc));
    }
    *out = t;
    return AG_OK;
}

void ag_text_free(ag_text *t)
{
    text_internal *in;

    if (!t)
        return;
    in = t->internal_;
    if (in) {
        ag_arena_free(&in->arena);
        free(in);
    }
    free(t->tokens);
    free(t->sentences);
    free(t);
}
