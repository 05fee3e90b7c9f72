/* actorgraph: finding mentions.  A left-to-right chunker over each sentence
 * reads noun phrases the way news writes them: [determiner] [owner 's]
 * [demonym] [title]* NAME, with appositions on either side.  Names are
 * lexicon entries or capitalized runs typed by their head word and cues. */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "text/tokenize.h"

#define TOK(i) (&x->text->tokens[(i)])

/* Prepositions after which a capital is a place, not its government. */

int ag_extract__is_word(const ag_token *t, const char *lower)
{
    return !strcmp(t->lower, lower);
}

char *ag_extract__span_text(ag_extractor *x, uint32_t start, uint32_t end)
{
    size_t n = 0, i;
    char *s, *o;

    for (i = start; i < end; i++)
        n += TOK(i)->len + 1;
    s = o = ag_arena_alloc(&x->arena, n + 1);
    if (!s)
        return NULL;
    for (i = start; i < end; i++) {
        if (i > start && (TOK(i)->flags & AG_TOK_SPACE))
            *o++ = ' ';
        memcpy(o, TOK(i)->norm, TOK(i)->len);
        o += TOK(i)->len;
    }
    *o = '\0';
    return s;
}

static int is_cap_word(const ag_token *t)
{
    return (t->flags & AG_TOK_WORD) && (t->flags & (AG_TOK_CAP | AG_TOK_ALLCAPS)) && !(t->flags & AG_TOK_NUMBER);
}

static int is_ordinal(const ag_token *t)
{
    size_t n = t->len;
    return (t->flags & AG_TOK_NUMBER) && n >= 3 &&
           (!strcmp(t->lower + n - 2, "th") || !strcmp(t->lower + n - 2, "st") || !strcmp(t->lower + n - 2, "nd") ||
            !strcmp(t->lower + n - 2, "rd"));
}

typedef struct sent_ctx {
    uint32_t sent, begin, end;
    int headline;  /* title case or all caps: capitals say little */
} sent_ctx;

/* "Idaho-based", "London-born": a place made an adjective, never a name */
static int place_adjective(const ag_token *t)
{
    static const char *const suffixes[] = {"-based", "-born", "-headquartered", "-bred", "-raised"};
    size_t k, n = t->len;

    if (!(t->flags & AG_TOK_HYPHEN))
        return 0;
    for (k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
        size_t sl = strlen(suffixes[k]);
        if (n > sl && !strcmp(t->lower + n - sl, suffixes[k]))
            return 1;
    }
    return 0;
}

/* The key of the capitalized word at i, with the next one when that is
 * capitalized too ("dollar tree"), into out; 0 if it does not fit. */
static int cap_key(const ag_extractor *x, uint32_t i, uint32_t end, char *out, size_t cap)
{
    const ag_token *t = TOK(i), *n = i + 1 < end ? TOK(i + 1) : NULL;
    int two = n && is_cap_word(n);
    size_t need = t->len + (two ? n->len + 1 : 0) + 1;

    if (need > cap)
        return 0;
    memcpy(out, t->lower, t->len);
    out[t->len] = '\0';
    if (two) {
        out[t->len] = ' ';
        memcpy(out + t->len + 1, n->lower, n->len);
        out[t->len + 1 + n->len] = '\0';
    }
    return 1;
}

/* Has the article written the common word at i, capitalized, inside a
 * sentence: the same two words, or the word alone at least twice? */
static int capitalized_elsewhere(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    char key[96];
    size_t seen = 0;

    if (!cap_key(x, i, sc->end, key, sizeof key) || !ag_strmap_get(&x->mid_caps, key, &seen))
        return 0;
    return strchr(key, ' ') ? seen >= 1 : seen >= 2;
}

/* Count the words the article capitalizes inside sentences (not at their
 * start, not in titles), alone or with the capitalized word after them. */
static int count_mid_caps(ag_extractor *x)
{
    const ag_text *t = x->text;
    size_t s;
    char key[96];

    for (s = 0; s < t->n_sentences; s++) {
        const ag_sentence *se = &t->sentences[s];
        uint32_t i, end = se->first + se->count;
        if (se->headline || se->allcaps)
            continue;
        for (i = se->first + 1; i < end; i++) {
            size_t n = 0;
            if (!is_cap_word(TOK(i)) || is_cap_word(TOK(i - 1)) || (TOK(i)->flags & AG_TOK_SENT_START) ||
                (TOK(i - 1)->flags & (AG_TOK_QUOTE | AG_TOK_PUNCT)) || !ag_extract__ws(x, AG_WS_COMMON, TOK(i)) ||
                !cap_key(x, i, end, key, sizeof key))
                continue;
            ag_strmap_get(&x->mid_caps, key, &n);
            if (ag_strmap_put(&x->mid_caps, key, n + 1))
                return AG_ENOMEM;
        }
    }
    return AG_OK;
}

/* Can token i be part of a name? */
static int name_token(ag_extractor *x, const sent_ctx *sc, uint32_t i, int first)
{
    const ag_token *t = TOK(i);

    if (!is_cap_word(t) || place_adjective(t))
        return 0;
    /* "in May" is a date, "Theresa May" a name */
    if (first && (ag_extract__ws(x, AG_WS_MONTH, t) || ag_extract__ws(x, AG_WS_WEEKDAY, t)))
        return 0;
    /* sentence starts and headlines capitalize ordinary words, unless the
     * article capitalizes them mid-sentence too ("Dollar Tree said") */
    if ((first && (t->flags & AG_TOK_SENT_START)) || sc->headline) {
        /* "Big-spending Liverpool", "Cash-strapped Ghana": a compound
         * adjective, its second part in lower case */
        const char *dash = strrchr(t->norm, '-');
        if (first && dash && dash[1] >= 'a' && dash[1] <= 'z' && !(t->flags & AG_TOK_ALLCAPS))
            return 0;
        if (ag_extract__ws(x, AG_WS_COMMON, t) && !(first && !sc->headline && capitalized_elsewhere(x, sc, i)) &&
            /* "High Court judge X", "Central Bank data": an ordinary word
             * opening a body's name */
            !(first && !sc->headline && i + 1 < sc->end && is_cap_word(TOK(i + 1)) &&
              ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(i + 1)) && !ag_extract__ws(x, AG_WS_DET, t) &&
              !ag_extract__ws(x, AG_WS_PREP, t) && !ag_extract__ws(x, AG_WS_PRONOUN, t) &&
              !ag_extract__ws(x, AG_WS_OPENER, t)))
            return 0;
    }
    /* pronouns and function words are never names, wherever they stand */
    if (first && !(t->flags & AG_TOK_ALLCAPS) &&
        (ag_extract__ws(x, AG_WS_PRONOUN, t) || ag_extract__ws(x, AG_WS_DET, t) ||
         ag_extract__ws(x, AG_WS_PREP, t) || ag_extract__ws(x, AG_WS_OPENER, t)))
        return 0;
    return 1;
}

static int starts_title(ag_extractor *x, uint32_t i, uint32_t end)
{
    uint32_t ph, n;
    return ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &n);
}

/* "el-Sissi", "al-Assad", "bin-Salman": a lower-case particle joined to a name. */
static int hyphen_particle(ag_extractor *x, const ag_token *t)
{
    const char *dash = strchr(t->norm, '-');
    char part[16];
    size_t n;

    if (!dash || dash == t->norm || !(dash[1] >= 'A' && dash[1] <= 'Z'))
        return 0;
    n = (size_t)(dash - t->norm);
    if (n >= sizeof(part))
        return 0;
    memcpy(part, t->lower, n);
    part[n] = '\0';
    return ag_lexicon__has(x->lex, AG_WS_PARTICLE, part);
}

/* A body no state owns by its name: a firm, club, party or association
 * ("Zotye Auto", "British Medical Association"), or a name after a word
 * for a firm ("Chinese carmaker X"). */
static int private_body(ag_extractor *x, const ag_mention *h)
{
    return ag_extract__ws(x, AG_WS_PRIVATE_HEAD, TOK(h->end - 1)) ||
           (h->start > 0 && ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(h->start - 1)));
}

/* A state body whose name needs its country ("Foreign Ministry", "Supreme Court"). */
static int state_body(ag_extractor *x, const ag_mention *h)
{
    static const char *const heads[] = {"ministry", "department", "court", "parliament", "police", "army", "navy",
                                        "embassy", "agency", "commission", "office", "council", "cabinet", "guard",
                                        "forces", "military", "government", "senate", "assembly", "bank", "prosecutors",
                                        "service", NULL};
    const char *last = TOK(h->end - 1)->lower;
    const char *const *p;

    for (p = heads; *p; p++)
        if (!strcmp(*p, last))
            return 1;
    return 0;
}

/* A body every state has, so a description names it ("foreign ministry",
 * "supreme court"); an "intelligence agency" may be one of several. */
static int generic_state_body(ag_extractor *x, const ag_mention *h)
{
    static const char *const heads[] = {"ministry", "department", "court", "parliament", "police", "army", "navy",
                                        "embassy", "cabinet", "government", "military", "senate", NULL};
    const char *last = TOK(h->end - 1)->lower;
    const char *const *p;

    for (p = heads; *p; p++)
        if (!strcmp(*p, last))
            return 1;
    return 0;
}

/* Where a lower-case description of an organization starting at i ends:
 * up to three words, the last organization word among them is its head
 * ("intelligence agency", "foreign ministry").  0 if there is none. */
static uint32_t described_org_end(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    uint32_t k, last_head = 0, end = sc->end;

    for (k = i; k < end && k < i + 3 && (TOK(k)->flags & AG_TOK_WORD) && !(TOK(k)->flags & AG_TOK_CAP) &&
                !ag_extract__ws(x, AG_WS_PREP, TOK(k)) && !ag_extract__ws(x, AG_WS_DET, TOK(k)) &&
                !ag_extract__ws(x, AG_WS_OPENER, TOK(k)) && !ag_extract__ws(x, AG_WS_PRONOUN, TOK(k)) &&
                !ag_extract__ws(x, AG_WS_SPEECH, TOK(k)) && strcmp(TOK(k)->lower, "and");
         k++)
        if (ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(k)))
            last_head = k;
    if (last_head <= i)
        return 0;
    /* "the ministry officials": another noun follows, the phrase goes on */
    if (last_head + 1 < end && (TOK(last_head + 1)->flags & AG_TOK_WORD) &&
        !ag_extract__ws(x, AG_WS_PREP, TOK(last_head + 1)) &&
        !ag_extract__ws(x, AG_WS_SPEECH, TOK(last_head + 1)) &&
        ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(last_head + 1)))
        return 0;
    return last_head;
}

/* Where a lower-case body after the organization's name [a, b) ends
 * ("commission", "appeals panel"): one or two words, the last a body's head,
 * in a definite phrase ("the ECOWAS commission") or before a title or name
 * ("ECOWAS commission President X").  0 if there is none. */
static uint32_t lower_body_end(ag_extractor *x, const sent_ctx *sc, uint32_t a, uint32_t b)
{
    uint32_t k, end = sc->end;

    for (k = b; k < end && k < b + 2; k++) {
        const ag_token *t = TOK(k);
        if (!(t->flags & AG_TOK_WORD) || (t->flags & (AG_TOK_CAP | AG_TOK_ALLCAPS)) ||
            ag_extract__ws(x, AG_WS_PREP, t) || ag_extract__ws(x, AG_WS_DET, t) || ag_extract__ws(x, AG_WS_SPEECH, t))
            return 0;
        if (ag_extract__ws(x, AG_WS_SUB_BODY, t))
            break;
    }
    if (k >= end || k == b + 2)
        return 0;
    k++;
    if ((a > sc->begin && ag_extract__is_word(TOK(a - 1), "the")) ||
        (k < end && (name_token(x, sc, k, 1) || starts_title(x, k, end))))
        return k;
    return 0;
}

/* "Qatari" + "foreign ministry" -> "Qatari Foreign Ministry". */
static char *title_case_label(ag_extractor *x, const char *dem, uint32_t a, uint32_t b)
{
    char *words = ag_extract__span_text(x, a, b), *out, *w;
    size_t n;

    if (!words)
        return NULL;
    n = strlen(dem) + strlen(words) + 2;
    if (!(out = ag_arena_alloc(&x->arena, n)))
        return NULL;
    strcpy(out, dem);
    strcat(out, " ");
    w = out + strlen(out);
    strcat(out, words);
    for (; *w; w++)
        if ((w == out + strlen(dem) + 1 || w[-1] == ' ') && *w >= 'a' && *w <= 'z')
            *w = (char)(*w - 32);
    return out;
}

/* Do titles starting at i lead to a name ("spokesperson John Kirby",
 * "CEO, Jane Doe") or stand alone as an office ("the NIS spokesman said")?
 * A verb that is also a title ("Greece accused ...") leads nowhere. */
static int title_then_name(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    uint32_t ph, n, end = sc->end;
    int office = 0;

    while (i < end && ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &n)) {
        office |= x->lex->phrases[ph].title == AG_TITLE_OFFICE;
        i += n;
        if (i < end && (!strcmp(TOK(i)->lower, "and") || !strcmp(TOK(i)->lower, "&")))
            i++;
    }
    if (i < end && TOK(i)->norm[0] == ',' && TOK(i)->len == 1)
        i++;
    return (i < end && name_token(x, sc, i, 1)) || office;
}

/* Where a speculative reading of a phrase began: when the reading is
 * refused, the mentions and relations it added are taken back, so that the
 * words are read once ("chairman of Ghana's Maria Lopez" is not three
 * mentions of each). */
typedef struct np_mark {
    size_t mentions, pendings;
} np_mark;

static np_mark np_mark_here(const ag_extractor *x)
{
    np_mark k;
    k.mentions = x->n_m;
    k.pendings = x->n_p;
    return k;
}

static void np_rewind(ag_extractor *x, np_mark k)
{
    x->n_m = k.mentions;
    x->n_p = k.pendings;
}

static int add_mention(ag_extractor *x, const sent_ctx *sc, uint32_t start, uint32_t end, ag_actor_type type,
                       int lex_actor, unsigned flags);

/* "Iran-backed": a known actor before "-backed", "-funded", "-owned" ...
 * Adds that actor as a qualifier mention over the token, and says which
 * relation it has to the phrase's head; -1 if the token is not one, -2 out of memory. */
static int hyphen_backer(ag_extractor *x, const sent_ctx *sc, uint32_t i, const char **relation)
{
    static const struct { const char *suffix, *relation; } kinds[] = {
        {"-backed", "supports"}, {"-funded", "supports"}, {"-supported", "supports"}, {"-sponsored", "supports"},
        {"-allied", "cooperates_with"}, {"-aligned", "cooperates_with"}, {"-owned", "member_of"},
        {"-controlled", "member_of"}, {"-run", "member_of"}};
    const ag_token *t = TOK(i);
    size_t k, n = t->len;
    ag_tokvec tv = {0};
    uint32_t ph, len;
    int m = -1;

    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        size_t sl = strlen(kinds[k].suffix);
        if (n > sl + 1 && !strcmp(t->lower + n - sl, kinds[k].suffix))
            break;
    }
    if (k == sizeof(kinds) / sizeof(kinds[0]))
        return -1;
    if (ag_text__tokenize(&tv, &x->arena, t->norm, n - strlen(kinds[k].suffix), 0)) {
        free(tv.v);
        return -2; /* out of memory */
    }
    if (tv.n && ag_lexicon__match(x->lex, tv.v, 0, tv.n,
                                  (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL) | (1u << AG_LX_METONYM) |
                                      (1u << AG_LX_DEMONYM),
                                  &ph, &len) &&
        len == tv.n) {
        const ag_lx_phrase *p = &x->lex->phrases[ph];
        m = add_mention(x, sc, i, i + 1, x->lex->actors[p->actor].type, (int)p->actor, AG_M_QUALIFIER);
        if (m >= 0 && !(x->m[m].text = ag_arena_strndup(&x->arena, t->norm, n - strlen(kinds[k].suffix))))
            m = -2;
        else if (m < 0)
            m = -2; /* add_mention fails only for memory */
        *relation = kinds[k].relation;
    }
    free(tv.v);
    return m;
}

/* Does the title at i name a government portfolio ("minister", "secretary")? */
static int portfolio_title(ag_extractor *x, uint32_t i, uint32_t end)
{
    uint32_t ph, n;
    const char *last;

    if (!ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &n))
        return 0;
    last = x->lex->phrases[ph].lower[x->lex->phrases[ph].ntok - 1];
    return !strcmp(last, "minister") || !strcmp(last, "secretary") || !strcmp(last, "commissioner") ||
           !strcmp(last, "czar") || !strcmp(last, "tsar");
}

/* Does a person's name visibly start at j: a known first name, or initials
 * (one letter, or up to three capitals) before another capitalized word? */
static int name_starts(ag_extractor *x, const sent_ctx *sc, uint32_t j)
{
    const ag_token *t = TOK(j);

    if (!name_token(x, sc, j, 1) || j + 1 >= sc->end || !is_cap_word(TOK(j + 1)))
        return 0;
    if (ag_extract__ws(x, AG_WS_GIVEN, t))
        return 1;
    return t->len == 1 || ((t->flags & AG_TOK_ALLCAPS) && t->len <= 3);
}

/* A word of a portfolio's name ("Affairs", "Labour", "Industries"). */
static int portfolio_word(ag_extractor *x, const ag_token *t)
{
    char sing[48];
    size_t n = t->len;

    if (ag_extract__ws(x, AG_WS_PORTFOLIO, t))
        return 1;
    /* "Industries" for "industry" */
    if (n > 3 && n < sizeof sing && t->lower[n - 1] == 's') {
        memcpy(sing, t->lower, n - 1);
        sing[n - 1] = '\0';
        if (n > 4 && !strcmp(sing + n - 3, "ie"))
            strcpy(sing + n - 3, "y");
        return ag_lexicon__has(x->lex, AG_WS_PORTFOLIO, sing);
    }
    return 0;
}

/* After a minister's title at @p i ("of Labour", "for Industries", "for
 * MSME"): where the portfolio's words end and a name begins, or @p i when
 * the words are no portfolio (a country, an organization, nothing). */
static uint32_t portfolio_end(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    uint32_t j, end = sc->end, ph, n;

    if (i + 2 >= end || (!ag_extract__is_word(TOK(i), "of") && !ag_extract__is_word(TOK(i), "for")))
        return i;
    j = i + 1;
    if (ag_lexicon__match(x->lex, x->text->tokens, j, end, (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL), &ph, &n) &&
        x->lex->actors[x->lex->phrases[ph].actor].type == AG_ACTOR_COUNTRY)
        return i; /* "Prime Minister of India Narendra Modi" */
    /* a short acronym portfolio ("MSME") before a name */
    if ((TOK(j)->flags & AG_TOK_ALLCAPS) && TOK(j)->len <= 6 && j + 1 < end && is_cap_word(TOK(j + 1)))
        j++;
    else
        /* portfolio words run until a name visibly starts: a first name, or
         * initials ("C V Ganesan", "TRB Rajaa"), or the first two words that
         * are no portfolio's ("External Affairs Subrahmanyam Jaishankar") */
        while (j < end && j < i + 6 && !name_starts(x, sc, j) &&
               ((is_cap_word(TOK(j)) && !(TOK(j)->flags & AG_TOK_ALLCAPS) &&
                 (portfolio_word(x, TOK(j)) || (j + 1 < end && portfolio_word(x, TOK(j + 1))) ||
                  !name_token(x, sc, j + 1, 0))) ||
                ((ag_extract__is_word(TOK(j), "and") || TOK(j)->norm[0] == '&') && j + 1 < end && is_cap_word(TOK(j + 1)))))
            j++;
    if (j == i + 1 || j + 1 >= end || !name_token(x, sc, j, 1) || !is_cap_word(TOK(j + 1)) || portfolio_word(x, TOK(j)))
        return i;
    return j;
}

/* "(Ilham) Aliyev": "(", one capitalized word, ")", then a name. */
static int paren_given(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    return i + 3 < sc->end && TOK(i)->len == 1 && TOK(i)->norm[0] == '(' && is_cap_word(TOK(i + 1)) &&
           !(TOK(i + 1)->flags & AG_TOK_ALLCAPS) && !(TOK(i + 1)->flags & AG_TOK_SPACE) && TOK(i + 2)->len == 1 &&
           TOK(i + 2)->norm[0] == ')' && !(TOK(i + 2)->flags & AG_TOK_SPACE) && (TOK(i + 3)->flags & AG_TOK_SPACE) &&
           name_token(x, sc, i + 3, 1) && !(TOK(i + 3)->flags & AG_TOK_ALLCAPS) &&
           !ag_extract__ws(x, AG_WS_COMMON, TOK(i + 1));
}

/* "Choe Son Hui": a capitalized kinship word between two names is part of
 * the name ("the minister's son" is never capitalized in running text). */
static int kinship_in_name(ag_extractor *x, const sent_ctx *sc, uint32_t j)
{
    /* inside a run of names, a capitalized kinship word is a name too
     * ("Choe Son Hui", "Nguyen Bac Son"): the relation itself is lower case */
    return !sc->headline && ag_extract__ws(x, AG_WS_KINSHIP, TOK(j)) &&
           ((j + 1 < sc->end && is_cap_word(TOK(j + 1))) ||
            ((TOK(j)->flags & AG_TOK_CAP) && !(TOK(j)->flags & (AG_TOK_SENT_START | AG_TOK_ALLCAPS))));
}

/* Where "Federal Prosecutor's Office" starting at i ends: up to two
 * capitalized words, a capitalized title, "'s", then one organization head
 * ("Office", "Bureau") that ends the name.  i when there is none. */
static uint32_t office_bureau_end(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    uint32_t j = i, ph, n, end = sc->end;

    if (sc->headline)
        return i;
    while (j < end && j < i + 2 && is_cap_word(TOK(j)) && !starts_title(x, j, end))
        j++;
    if (j >= end || !(TOK(j)->flags & AG_TOK_CAP) ||
        !ag_lexicon__match(x->lex, x->text->tokens, j, end, 1u << AG_LX_TITLE, &ph, &n) ||
        x->lex->phrases[ph].title != AG_TITLE_OFFICE)
        return i;
    j += n;
    if (j + 1 >= end || !(TOK(j)->flags & AG_TOK_POSS) || !is_cap_word(TOK(j + 1)) ||
        !ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(j + 1)) || (j + 2 < end && is_cap_word(TOK(j + 2))))
        return i;
    return j + 2;
}

/* "Sports and Recreation Committee", "Monopolies and Mergers Commission":
 * an "and" at j inside a run from i joins one body's name when the words
 * after it end in a word that names a body and the words before it neither
 * name a body nor a known actor ("Britain and the European Commission"). */
static int and_inside_body(ag_extractor *x, const sent_ctx *sc, uint32_t i, uint32_t j)
{
    uint32_t k, ph, n;

    if (ag_lexicon__match(x->lex, x->text->tokens, i, j, 1u << AG_LX_ACTOR, &ph, &n))
        return 0;
    /* at most two words before "and", and two only before a public body's
     * word ("Defence Research and Development Organisation"): "Changan
     * Automobile and Jiangling Motors Corporation" are two companies */
    if (j > i + 2)
        return 0;
    for (k = i; k < j; k++)
        if (ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(k)) || ag_lexicon__has(x->lex, AG_WS_GIVEN, TOK(k)->lower))
            return 0;
    for (k = j + 1; k < sc->end && k < j + 5 && name_token(x, sc, k, 0); k++)
        if (ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(k)))
            return j == i + 1 || (ag_extract__ws(x, AG_WS_GENERIC_HEAD, TOK(k)) && strcmp(TOK(k)->lower, "corporation") &&
                                  strcmp(TOK(k)->lower, "company") && strcmp(TOK(k)->lower, "group"));
    return 0;
}

/* "Dean Jones scored", "Earl Woods said": a title that is also a first name,
 * before one more name and with no article or title before it, is the name. */
static int given_name_not_title(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    const ag_token *t = TOK(i);

    if (!(t->flags & AG_TOK_CAP) || !ag_lexicon__has(x->lex, AG_WS_GIVEN, t->lower) || i + 1 >= sc->end ||
        !name_token(x, sc, i + 1, 0) || (i + 2 < sc->end && name_token(x, sc, i + 2, 0)))
        return 0;
    return i == 0 || i <= sc->begin || (!ag_extract__ws(x, AG_WS_DET, TOK(i - 1)) && !starts_title(x, i - 1, i) &&
                                         strcmp(TOK(i - 1)->norm, "'s") && strcmp(TOK(i - 1)->norm, "\xE2\x80\x99s"));
}

/* End of the capitalized run starting at i. */
static uint32_t run_end(ag_extractor *x, const sent_ctx *sc, uint32_t i)
{
    uint32_t j = i, end = sc->end;
    int org_of = 0; /* the name went on past "of" after an organization word */

    if (j < end && is_ordinal(TOK(j)) && j + 1 < end && is_cap_word(TOK(j + 1)))
        j++;
    while (j < end) {
        const ag_token *t = TOK(j);
        /* "Abdel Fattah el-Sissi", "Bashar al-Assad" */
        if (j > i && (t->flags & AG_TOK_HYPHEN) && !(t->flags & AG_TOK_CAP) && hyphen_particle(x, t)) {
            j++;
            continue;
        }
        /* "Workers' Party", "Teachers' Union": a plural's possessive inside a name */
        if (j > i && (!strcmp(t->norm, "'") || !strcmp(t->norm, "\xE2\x80\x99")) && !(t->flags & AG_TOK_SPACE) &&
            TOK(j - 1)->lower[TOK(j - 1)->len - 1] == 's' && j + 1 < end && is_cap_word(TOK(j + 1)) &&
            !(TOK(j + 1)->flags & AG_TOK_SENT_START)) {
            j++;
            continue;
        }
        /* an initial inside a name: "George W. Bush", "Fernando L. Aenlle-Rocha" */
        if (j > i && t->len == 1 && (t->flags & AG_TOK_CAP) && j + 2 < end && TOK(j + 1)->norm[0] == '.' &&
            !(TOK(j + 1)->flags & AG_TOK_SPACE) && is_cap_word(TOK(j + 2))) {
            j += 2;
            continue;
        }
        if (name_token(x, sc, j, j == i)) {
            if (j > i && starts_title(x, j, end) && !(TOK(j - 1)->flags & AG_TOK_ALLCAPS) &&
                !ag_extract__ws(x, AG_WS_ORG_HEAD, t) && !kinship_in_name(x, sc, j) &&
                /* "James Earl Ray": a middle name that is also a title; "Joshua
                 * King,": a surname that is one, with no name after it */
                !(ag_lexicon__has(x->lex, AG_WS_GIVEN, t->lower) && j + 1 < end && is_cap_word(TOK(j + 1))) &&
                !(ag_extract__ws(x, AG_WS_SURNAME_TITLE, t) && (j + 1 >= end || !is_cap_word(TOK(j + 1))))) {
                /* "Foreign Minister" inside a run ends the name before it, unless
                 * the title is followed by more name ("Prime Minister's Office" is rare) */
                break;
            }
            j++;
            continue;
        }
        if (j > i && ag_extract__ws(x, AG_WS_PARTICLE, t) && !(t->flags & AG_TOK_CAP)) {
            uint32_t k = j;
            while (k < end && k < j + 3 && ag_extract__ws(x, AG_WS_PARTICLE, TOK(k)) && !(TOK(k)->flags & AG_TOK_CAP))
                k++;
            if (k < end && is_cap_word(TOK(k)) && !starts_title(x, k, end)) {
                j = k;
                continue;
            }
        }
        if (j > i && j + 1 < end && is_cap_word(TOK(j + 1)) && !org_of && !strcmp(t->lower, "and") &&
            and_inside_body(x, sc, i, j)) {
            j++;
            continue;
        }
        if (j > i && j + 1 < end && is_cap_word(TOK(j + 1))) {
            if (t->norm[0] == '&' && t->len == 1) {
                j++;
                continue;
            }
            /* "Ministry of Foreign Affairs", "Bank of the West" */
            if ((!strcmp(t->lower, "of") || !strcmp(t->lower, "for")) &&
                ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(j - 1))) {
                org_of = 1;
                j++;
                continue;
            }
        }
        /* "Office of Management and Budget", "U.S. District Court for the District of Rhode Island":
         * once a name has gone on past "of", "and" and "of" may join more of it */
        if (j > i && j + 1 < end && org_of && (!strcmp(t->lower, "and") || !strcmp(t->lower, "of")) &&
            is_cap_word(TOK(j + 1)) && !starts_title(x, j + 1, end) &&
            /* "and" joins one more word ("Management and Budget"), not a second name
             * ("Bank of New York and Lehman Brothers") */
            (strcmp(t->lower, "and") || j + 2 >= end || !is_cap_word(TOK(j + 2)))) {
            j++;
            continue;
        }
        if (j > i && j + 2 < end && (!strcmp(t->lower, "of") || !strcmp(t->lower, "for")) && !strcmp(TOK(j + 1)->lower, "the") &&
            is_cap_word(TOK(j + 2)) && ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(j - 1))) {
            org_of = 1;
            j += 2;
            continue;
        }
        break;
    }
    return j;
}

static int add_mention(ag_extractor *x, const sent_ctx *sc, uint32_t start, uint32_t end, ag_actor_type type,
                       int lex_actor, unsigned flags)
{
    ag_mention *m;

    if (x->n_m == x->cap_m) {
        size_t c = x->cap_m ? x->cap_m * 2 : 256;
        ag_mention *v = realloc(x->m, c * sizeof(*v));
        if (!v)
            return -1;
        x->m = v;
        x->cap_m = c;
    }
    m = &x->m[x->n_m];
    memset(m, 0, sizeof(*m));
    m->sent = sc->sent;
    m->start = start;
    m->end = end;
    m->np_start = start;
    m->np_end = end;
    m->type = type;
    m->lex_actor = lex_actor;
    m->flags = flags;
    m->entity = -1;
    m->coord = -1;
    m->title_ph = -1;
    m->qual_lex = -1;
    m->portfolio = -1;
    m->text = ag_extract__span_text(x, start, end);
    if (!m->text)
        return -1;
    return (int)x->n_m++;
}

/* Type a capitalized run [a, b) by its words. */
/* "Attorney for Redbox Michael Geibelson": a known first name inside a run
 * starts a person's name; the words before it are another name. */
static uint32_t given_name_split(ag_extractor *x, uint32_t a, uint32_t b)
{
    uint32_t i;

    if (b - a < 3)
        return b;
    /* "..., Mumtaz Zahra Baloch, ...": a run that opens the sentence or a
     * clause is one name, its middle name a known first name */
    if (a == 0 || !(TOK(a - 1)->flags & AG_TOK_WORD))
        return b;
    /* "former MEP Pier Antonio Panzeri": after a title comes one person's name */
    if (starts_title(x, a - 1, a))
        return b;
    for (i = a + 1; i + 1 < b; i++)
        if (ag_extract__ws(x, AG_WS_GIVEN, TOK(i)) && !ag_extract__ws(x, AG_WS_GIVEN, TOK(i - 1)) &&
            !ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(b - 1)) && !ag_extract__ws(x, AG_WS_MEDIA_HEAD, TOK(b - 1)) &&
            (TOK(i - 1)->flags & AG_TOK_CAP) && !(TOK(i - 1)->flags & AG_TOK_HYPHEN))
            return i;
    return b;
}

/* "II", "IV", "XIV": an upper-case Roman numeral */
static int roman_numeral(const ag_token *t)
{
    size_t k;

    if (!(t->flags & AG_TOK_ALLCAPS) || t->len > 5)
        return 0;
    for (k = 0; k < t->len; k++)
        if (!strchr("IVXL", t->norm[k]))
            return 0;
    return 1;
}

static ag_actor_type classify_run(ag_extractor *x, uint32_t a, uint32_t b, unsigned *flags)
{
    const ag_token *last = TOK(b - 1);
    uint32_t i;

    if (b - a == 1 && (last->flags & AG_TOK_ALLCAPS)) {
        *flags |= AG_M_ACRONYM;
        return AG_ACTOR_UNKNOWN;
    }
    /* "U.S. District Court for the District of Rhode Island": an organization of a place */
    for (i = a + 1; i + 1 < b; i++)
        if ((!strcmp(TOK(i)->lower, "of") || !strcmp(TOK(i)->lower, "for")) &&
            ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(i - 1)))
            return AG_ACTOR_ORGANIZATION;
    /* "Pre-Trial Chamber II", "Vatican Council II": a numeral after the head */
    if (b - a >= 3 && roman_numeral(last) && ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(b - 2)))
        return AG_ACTOR_ORGANIZATION;
    /* "Daniel Park", "Mary Hall": a first name outweighs a place word */
    if (ag_extract__ws(x, AG_WS_PLACE_HEAD, last) && b - a >= 2 &&
        !(ag_extract__ws(x, AG_WS_GIVEN, TOK(a)) && b - a <= 3))
        return AG_ACTOR_PLACE;
    /* "my Administration", "the October Board meeting", "the Government":
     * a word that only says what kind of body it is names none alone; it
     * may still stand for the one body of its kind the article names */
    if (b - a == 1 && ag_extract__ws(x, AG_WS_GENERIC_HEAD, last)) {
        *flags |= AG_M_SINGLE | AG_M_GENERIC;
        return AG_ACTOR_UNKNOWN;
    }
    /* "Reuters News Agency", "Kyodo Press Agency" */
    if (b - a >= 2 && !strcmp(last->lower, "agency") &&
        (!strcmp(TOK(b - 2)->lower, "news") || !strcmp(TOK(b - 2)->lower, "press")))
        return AG_ACTOR_MEDIA;
    /* one body word alone names a body unless it is a plural ("Congress" is none) */
    if (ag_extract__ws(x, AG_WS_ORG_HEAD, last))
        return b - a >= 2 || (!(last->flags & AG_TOK_SENT_START) &&
                              (last->lower[last->len - 1] != 's' ||
                               (last->len >= 2 && last->lower[last->len - 2] == 's')))
                   ? AG_ACTOR_ORGANIZATION
                   : AG_ACTOR_UNKNOWN;
    for (i = a + 1; i + 1 < b; i++)
        if ((!strcmp(TOK(i)->lower, "of") || !strcmp(TOK(i)->lower, "for")) &&
            ag_extract__ws(x, AG_WS_ORG_HEAD, TOK(i - 1)))
            return AG_ACTOR_ORGANIZATION;
    if (ag_extract__ws(x, AG_WS_MEDIA_HEAD, last) && b - a >= 2)
        return AG_ACTOR_MEDIA;
    if (ag_extract__ws(x, AG_WS_GROUP_HEAD, last) && b - a >= 2)
        return AG_ACTOR_GROUP;
    if (b - a == 1) {
        *flags |= AG_M_SINGLE;
        return AG_ACTOR_UNKNOWN;
    }
    if (ag_extract__ws(x, AG_WS_GIVEN, TOK(a)))
        return AG_ACTOR_PERSON;
    if (b - a > 4)
        return AG_ACTOR_UNKNOWN;
    for (i = a; i < b; i++) {
        uint32_t ph, n;
        if ((TOK(i)->flags & AG_TOK_NUMBER) || (TOK(i)->flags & AG_TOK_ALLCAPS))
            return AG_ACTOR_UNKNOWN;
        /* "Pacific Economic Cooperation": ordinary words are no person's name parts */
        if (i > a && !(TOK(i)->flags & AG_TOK_SENT_START) && ag_extract__ws(x, AG_WS_COMMON, TOK(i)) &&
            !ag_extract__ws(x, AG_WS_GIVEN, TOK(i)))
            return AG_ACTOR_UNKNOWN;
        /* "Korean War", "Paris Agreement": a place or nation inside is no person's name */
        if (ag_lexicon__match(x->lex, x->text->tokens, i, b,
                              (1u << AG_LX_DEMONYM) | (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL), &ph, &n))
            return AG_ACTOR_UNKNOWN;
    }
    /* "Penalty Corners": a plural of an ordinary noun ends no person's name */
    if (last->len > 3 && last->lower[last->len - 1] == 's') {
        char sing[64];
        if (last->len - 1 < sizeof(sing)) {
            memcpy(sing, last->lower, last->len - 1);
            sing[last->len - 1] = '\0';
            if (ag_lexicon__has(x->lex, AG_WS_COMMON, sing))
                return AG_ACTOR_UNKNOWN;
        }
    }
    /* two to four capitalized words with no organization or place head:
     * in news text that is overwhelmingly a person's name */
    return AG_ACTOR_PERSON;
}

static const char *prep_before(ag_extractor *x, const sent_ctx *sc, uint32_t np_start)
{
    if (np_start > sc->begin && ag_extract__ws(x, AG_WS_PREP, TOK(np_start - 1)))
        return TOK(np_start - 1)->lower;
    return NULL;
}

/* The word before a phrase, if it makes a capital a place ("visiting London"). */
static const char *locative_before(ag_extractor *x, const sent_ctx *sc, uint32_t np_start)
{
    if (np_start > sc->begin && ag_extract__ws(x, AG_WS_LOCATIVE, TOK(np_start - 1)))
        return TOK(np_start - 1)->lower;
    return NULL;
}

/* "the state-run KCNA", "Iran's official IRNA news agency": an outlet its
 * phrase says the state runs; other outlets belong to no country. */
static int state_media(ag_extractor *x, const ag_mention *h, uint32_t from)
{
    uint32_t i;

    for (i = from; i < h->end; i++)
        if (ag_extract__ws(x, AG_WS_STATE_MEDIA, TOK(i)))
            return 1;
    return 0;
}

/* An office only a body has ("founder", "chief executive", "coach"); a
 * person has advisers, aides and spokesmen too ("Trump adviser X"). */
static int body_office(const ag_extractor *x, int ph)
{
    const ag_lx_phrase *p = &x->lex->phrases[ph];
    return ag_lexicon__has(x->lex, AG_WS_BODY_OFFICE, p->lower[p->ntok - 1]);
}

/* Apply what the phrase said about its head: titles make persons and
 * role_of edges, owners and demonyms make member_of edges. */
static int finish_head(ag_extractor *x, int head, int owner, int qual, int title_kind, int media_cue, int office_ph,
                       int portfolio)
{
    ag_mention *h = &x->m[head];

    if (portfolio >= 0 && h->portfolio < 0)
        h->portfolio = portfolio;

    if (office_ph >= 0 && title_kind == AG_TITLE_OFFICE) {
        int q = qual >= 0 ? qual : owner;
        h->title_ph = office_ph;
        h->qual_lex = q >= 0 ? x->m[q].lex_actor : -1;
    }

    if (title_kind && (h->type == AG_ACTOR_UNKNOWN || h->type == AG_ACTOR_PERSON ||
                       (h->type == AG_ACTOR_PLACE && h->lex_actor < 0))) {
        h->type = AG_ACTOR_PERSON;
        h->flags &= ~AG_M_SINGLE;
    }
    if (title_kind == AG_TITLE_OFFICE)
        h->office = 1;
    if (media_cue && h->type != AG_ACTOR_PERSON) {
        h->type = AG_ACTOR_MEDIA;
        h->flags &= ~AG_M_SINGLE;
    }
    if (h->type == AG_ACTOR_PERSON && title_kind == AG_TITLE_OFFICE && owner >= 0 &&
        x->m[owner].type == AG_ACTOR_UNKNOWN && x->m[owner].lex_actor < 0) {
        /* "Maersk's chief executive, X": whoever has an office is an organization,
         * unless the article names a person so ("Rousseff's chief of staff"):
         * the entity stage, which knows the people, decides */
        x->m[owner].flags |= AG_M_OFFICE_OWNER;
    }
    if (h->type == AG_ACTOR_PERSON && !title_kind && owner >= 0 && qual < 0 &&
        (x->m[owner].type == AG_ACTOR_ORGANIZATION || x->m[owner].type == AG_ACTOR_MEDIA ||
         x->m[owner].type == AG_ACTOR_GROUP)) {
        /* "Labour Party's Peter Obi", "The Wall Street Journal's Keach Hagey" */
        if (ag_extract__pending(x, head, owner, "role_of", "phrase.owner_person", 0.7))
            return -1;
    }
    if (h->type == AG_ACTOR_PERSON && title_kind == AG_TITLE_DESCRIPTOR && qual >= 0 &&
        (x->m[qual].type == AG_ACTOR_ORGANIZATION || x->m[qual].type == AG_ACTOR_MEDIA) &&
        !(x->m[qual].flags & AG_M_DEMONYM)) {
        /* "Disney attorney Glenn Pomerantz", "BBC correspondent X": works for it */
        if (ag_extract__pending(x, head, qual, "role_of", "phrase.title", 0.75))
            return -1;
    }
    if (h->type == AG_ACTOR_PERSON && title_kind == AG_TITLE_OFFICE) {
        int org = qual >= 0 ? qual : owner;
        if (org >= 0 && ag_extract__pending(x, head, org, "role_of", "phrase.title", 0.9))
            return -1;
        if (org >= 0 && x->m[org].type == AG_ACTOR_UNKNOWN && office_ph >= 0 && body_office(x, office_ph))
            x->m[org].flags |= AG_M_OFFICE_OWNER;
    } else if (h->type == AG_ACTOR_ORGANIZATION ||
               (h->type == AG_ACTOR_MEDIA &&
                state_media(x, h, owner >= 0 ? x->m[owner].start : qual >= 0 ? x->m[qual].start : h->start))) {
        /* "Japan's Defense Ministry", "the UN's World Food Programme", "South Korean Foreign Ministry";
         * "Belgian newspaper L'Echo" is only where the paper comes from */
        /* a country's firm, club or association ("China's Huawei", "Chinese
         * carmaker Zotye", "British Medical Association") is only from there:
         * member_of a country is for the state's own bodies */
        int state = h->type == AG_ACTOR_MEDIA || !private_body(x, h);
        if (owner >= 0 &&
            ((x->m[owner].type == AG_ACTOR_COUNTRY && state) || x->m[owner].type == AG_ACTOR_ORGANIZATION) &&
            ag_extract__pending(x, head, owner, "member_of", "phrase.owner", h->lex_actor < 0 ? 0.85 : 0.8))
            return -1;
        if (owner < 0 && qual >= 0 && x->m[qual].type == AG_ACTOR_COUNTRY && h->lex_actor < 0 && state &&
            ag_extract__pending(x, head, qual, "member_of", "phrase.demonym", 0.85))
            return -1;
    }
    return 0;
}

/* Parse one noun phrase at *pos; returns its head mention or -1, and moves
 * *pos past the phrase (at least one token). */
/* Do the words [a, b) spell the acronym?  An all-capitals word gives all its
 * letters ("UN"), a capitalized word its first, a lower-case word its first
 * or nothing ("in" counts in UNIFIL, not in OSCE); callers keep [a, b) short,
 * as each lower-case word doubles the search. */
static int initials_match(const ag_extractor *x, uint32_t a, uint32_t b, const char *acronym)
{
    const ag_token *t;
    size_t k, n = 0;

    if (a == b)
        return !acronym[0];
    t = TOK(a);
    if (!(t->flags & AG_TOK_WORD))
        return initials_match(x, a + 1, b, acronym);
    if (!(t->flags & AG_TOK_CAP) && initials_match(x, a + 1, b, acronym))
        return 1;
    for (k = 0; k < t->len && ((t->flags & AG_TOK_ALLCAPS) || k == 0); k++) {
        if (t->norm[k] == '.')
            continue;
        if (!acronym[n] || (acronym[n] | 0x20) != (t->norm[k] | 0x20))
            return 0;
        n++;
    }
    return initials_match(x, a + 1, b, acronym + n);
}

/* "Russia's ...", "Blinken's Chinese counterpart": the name at @p owner
 * qualifies the phrase that goes on after its 's (token @p i) and any
 * determiners; returns the token the phrase goes on at. */
static uint32_t past_owner(ag_extractor *x, int owner, uint32_t i, uint32_t end)
{
    x->m[owner].flags |= AG_M_QUALIFIER;
    i++;
    while (i < end && ag_extract__ws(x, AG_WS_DET, TOK(i)))
        i++;
    return i;
}

static int parse_np(ag_extractor *x, const sent_ctx *sc, uint32_t *pos)
{
    uint32_t i = *pos, end = sc->end, np_start = *pos, ph, len, ph2, len2;
    int owner = -1, qual = -1, head = -1, title_kind = 0, media_cue = 0, org_cue = 0, rank, office_ph = -1, backer = -1;
    int portfolio = -1, its = 0;
    const char *backer_rel = NULL;
    const ag_lexicon *lex = x->lex;
    const unsigned lexkinds = (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL) | (1u << AG_LX_METONYM) | (1u << AG_LX_DEMONYM);

    /* most tokens start nothing: a lower-case word that no lexicon phrase
     * begins with and that is no determiner is passed over with one look-up */
    if (i < end && !(TOK(i)->flags & (AG_TOK_CAP | AG_TOK_NUMBER | AG_TOK_ALLCAPS)) &&
        !ag_extract__ws(x, AG_WS_PHRASE_START, TOK(i)) && !ag_extract__ws(x, AG_WS_DET, TOK(i)) &&
        !(ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(i)) && i + 1 < end && (TOK(i + 1)->flags & AG_TOK_CAP))) {
        *pos = i + 1;
        return -1;
    }
    /* "US$494,000", "A$5 billion": a country's letters on a currency sign */
    if (i + 1 < end && !strcmp(TOK(i + 1)->norm, "$") && !(TOK(i + 1)->flags & AG_TOK_SPACE)) {
        *pos = i + 1;
        return -1;
    }
    while (i < end && ag_extract__ws(x, AG_WS_DET, TOK(i))) {
        its |= !strcmp(TOK(i)->lower, "its") || !strcmp(TOK(i)->lower, "their");
        i++;
    }
    /* "Iran-backed Hezbollah", "Kremlin-funded outlets": the backer inside the word
 * (-2: out of memory) */
    if (i + 1 < end && (TOK(i)->flags & AG_TOK_HYPHEN) && (backer = hyphen_backer(x, sc, i, &backer_rel)) >= 0)
        i++;
    else if (backer == -2)
        return -2;
    for (;;) {
        if (i >= end)
            break;
        /* "Economist Laura Oduya said": a title that leads to a name beats an outlet's name */
        if (ag_lexicon__match(lex, x->text->tokens, i, end, lexkinds, &ph, &len) &&
            !(head < 0 && owner < 0 && (TOK(i)->flags & AG_TOK_SENT_START) &&
              ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph2, &len2) && len2 >= len &&
              title_then_name(x, sc, i))) {
            const ag_lx_phrase *p = &lex->phrases[ph];
            const ag_lx_actor *la = &lex->actors[p->actor];
            uint32_t re = run_end(x, sc, i);
            unsigned fl = 0;
            if (p->kind != AG_LX_DEMONYM && re > i + len) {
                ag_actor_type t = classify_run(x, i, re, &fl);
                /* "Zimbabwe Cricket", "England Rugby": a country's governing body of a sport */
                if (t == AG_ACTOR_UNKNOWN && re == i + len + 1 && la->type == AG_ACTOR_COUNTRY &&
                    ag_extract__ws(x, AG_WS_SPORT_WORD, TOK(i + len)) && !(TOK(i + len)->flags & AG_TOK_ALLCAPS))
                    t = AG_ACTOR_ORGANIZATION;
                if ((t == AG_ACTOR_ORGANIZATION || t == AG_ACTOR_MEDIA) && p->kind == AG_LX_ACTOR &&
                    la->type == AG_ACTOR_COUNTRY) {
                    /* "US Federal Trade Commission": the country qualifies a state body, as a
                     * demonym would; "U.S. Steel" or "China Telecom" are just names */
                    if ((head = add_mention(x, sc, i + len, re, t, -1, fl)) < 0)
                        return -2;
                    if (state_body(x, &x->m[head])) {
                        int h2;
                        x->n_m--;
                        if ((qual = add_mention(x, sc, i, i + len, la->type, (int)p->actor, AG_M_QUALIFIER)) < 0 ||
                            (h2 = add_mention(x, sc, i + len, re, t, -1, fl)) < 0)
                            return -2;
                        head = h2;
                        x->m[head].alias = x->m[head].text;
                    } else {
                        x->m[head].start = i;
                    }
                    x->m[head].text = ag_extract__span_text(x, i, re);
                    i = re;
                    goto after_head;
                }
                if (t == AG_ACTOR_ORGANIZATION || t == AG_ACTOR_MEDIA || t == AG_ACTOR_PLACE) {
                    /* "White House National Security Council": the known name is part of a longer one */
                    if ((head = add_mention(x, sc, i, re, t, -1, fl)) < 0)
                        return -2;
                    i = re;
                    goto after_head;
                }
                /* "the Rome Statute", "the Beijing Olympics": a capital that begins a longer
                 * name is no government ("Washington Tuesday" is a date after it) */
                if (p->kind == AG_LX_CAPITAL && (t == AG_ACTOR_UNKNOWN || t == AG_ACTOR_PERSON) && !sc->headline &&
                    !ag_extract__ws(x, AG_WS_WEEKDAY, TOK(i + len)) && !ag_extract__ws(x, AG_WS_MONTH, TOK(i + len)) &&
                    !(TOK(i + len)->flags & AG_TOK_ALLCAPS)) {
                    *pos = re;
                    return -1;
                }
            }
            if (p->kind == AG_LX_DEMONYM) {
                /* "Ukrainian forces" stand for Ukraine; "Iranian Ministry of Petroleum" is a name */
                if (i + len < end && ag_extract__ws(x, AG_WS_COUNTRY_NOUN, TOK(i + len)) &&
                    (!(TOK(i + len)->flags & AG_TOK_CAP) || sc->headline)) {
                    if ((head = add_mention(x, sc, i, i + len, la->type, (int)p->actor, AG_M_DEMONYM)) < 0)
                        return -2;
                    i += len + 1;
                    goto after_head;
                }
                if ((qual = add_mention(x, sc, i, i + len, la->type, (int)p->actor, AG_M_QUALIFIER | AG_M_DEMONYM)) < 0)
                    return -2;
                i += len;
                continue;
            }
            /* "the Tamil Nadu government": a region's government is an organization
             * of its own (a country's is the country) */
            if (p->kind == AG_LX_ACTOR && la->type == AG_ACTOR_PLACE && head < 0 && i + len < end &&
                (TOK(i + len)->flags & AG_TOK_WORD) && !(TOK(i + len)->flags & AG_TOK_CAP) &&
                (ag_extract__is_word(TOK(i + len), "government") || ag_extract__is_word(TOK(i + len), "govt") ||
                 ag_extract__ws(x, AG_WS_LEADER_BODY, TOK(i + len)))) {
                if ((head = add_mention(x, sc, i, i + len + 1, AG_ACTOR_ORGANIZATION, -1, 0)) < 0)
                    return -2;
                i += len + 1;
                goto after_head;
            }
            /* "the ECOWAS commission", "the FIFA appeals panel": a body of a known
             * organization, named in lower case (the compound alone states no member_of) */
            if (p->kind == AG_LX_ACTOR && la->type == AG_ACTOR_ORGANIZATION && head < 0 && owner < 0) {
                uint32_t body = lower_body_end(x, sc, i, i + len);
                if (body) {
                    int q;
                    char *label = title_case_label(x, ag_extract__span_text(x, i, i + len), i + len, body);
                    if (!label || (q = add_mention(x, sc, i, i + len, la->type, (int)p->actor, AG_M_QUALIFIER)) < 0 ||
                        (head = add_mention(x, sc, i + len, body, AG_ACTOR_ORGANIZATION, -1, 0)) < 0)
                        return -2;
                    x->m[head].text = label;
                    i = body;
                    goto after_head;
                }
            }
            if ((head = add_mention(x, sc, i, i + len, la->type, (int)p->actor,
                                    p->kind == AG_LX_CAPITAL || p->kind == AG_LX_METONYM ? AG_M_CAPITAL : 0)) < 0)
                return -2;
            i += len;
            if (i < end && (TOK(i)->flags & AG_TOK_POSS)) {
                owner = head;
                head = -1;
                i = past_owner(x, owner, i, end);
                continue;
            }
            goto after_head;
        }
        /* "the Belgian Federal Prosecutor's Office", "the Prosecutor General's Office":
         * an office's bureau is an organization named after it */
        if (head < 0 && (len = office_bureau_end(x, sc, i)) > i) {
            uint32_t from = qual >= 0 && x->m[qual].end == i && (x->m[qual].flags & AG_M_DEMONYM) ? x->m[qual].start : i;
            if ((head = add_mention(x, sc, i, len, AG_ACTOR_ORGANIZATION, -1, 0)) < 0 ||
                !(x->m[head].text = ag_extract__span_text(x, from, len)))
                return -2;
            title_kind = 0;
            office_ph = -1;
            portfolio = -1;
            i = len;
            goto after_head;
        }
        /* "its interim CEO X", "the former foreign minister" */
        if (i + 1 < end && ag_extract__ws(x, AG_WS_TITLE_MOD, TOK(i)) && !(TOK(i)->flags & AG_TOK_CAP) &&
            starts_title(x, i + 1, end)) {
            i++;
            continue;
        }
        if (!given_name_not_title(x, sc, i) &&
            ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len)) {
            rank = lex->phrases[ph].title == AG_TITLE_OFFICE ? 3 : lex->phrases[ph].title == AG_TITLE_DESCRIPTOR ? 2 : 1;
            if (rank > (title_kind == AG_TITLE_OFFICE ? 3 : title_kind == AG_TITLE_DESCRIPTOR ? 2 : title_kind ? 1 : 0))
                title_kind = (int)lex->phrases[ph].title;
            if (lex->phrases[ph].title == AG_TITLE_OFFICE) {
                office_ph = (int)ph;
                /* "Interior Minister": the portfolio is the title's first word */
                if (len >= 2 && portfolio_title(x, i, end))
                    portfolio = (int)i;
            }
            {
                /* "Minister for Industries TRB Rajaa", "the Minister of Labour C V Ganesan":
                 * the portfolio after "of"/"for" is no organization; the name follows it */
                uint32_t after = i + len, pe;
                if (head < 0 && portfolio_title(x, i, end) && (pe = portfolio_end(x, sc, after)) > after) {
                    i = pe;
                    continue;
                }
            }
            i += len;
            if (i + 1 < end && TOK(i)->norm[0] == '.' && TOK(i)->len == 1 && !(TOK(i)->flags & AG_TOK_SPACE) &&
                name_token(x, sc, i + 1, 1))
                i++; /* "Gen. Smith" */
            /* "the chief executive of Nordlys Energy, Henrik Aas": the office's organization */
            if (head < 0 && i + 1 < end && (!strcmp(TOK(i)->lower, "of") || !strcmp(TOK(i)->lower, "for") ||
                                            !strcmp(TOK(i)->lower, "at"))) {
                uint32_t p = i + 1;
                np_mark before = np_mark_here(x);
                int q = parse_np(x, sc, &p);
                if (q == -2)
                    return -2;
                if (q >= 0 && (x->m[q].type == AG_ACTOR_ORGANIZATION || x->m[q].type == AG_ACTOR_COUNTRY ||
                               x->m[q].type == AG_ACTOR_MEDIA || x->m[q].type == AG_ACTOR_GROUP)) {
                    x->m[q].flags |= AG_M_QUALIFIER | AG_M_PREP;
                    qual = q;
                    i = p;
                } else {
                    np_rewind(x, before);
                }
            }
            continue;
        }
        if (ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_MEDIA_NOUN, &ph, &len)) {
            media_cue = 1;
            i += len;
            /* "the weekly “Jeune Afrique”": the outlet's name in quotes */
            if (i + 1 < end && (TOK(i)->flags & AG_TOK_QUOTE) && is_cap_word(TOK(i + 1)))
                i++;
            continue;
        }
        /* "rival steel manufacturer Cleveland-Cliffs", "the telecoms group Savanna":
         * a common noun for a company before a name types it */
        if (head < 0 && !title_kind && (TOK(i)->flags & AG_TOK_WORD) && !(TOK(i)->flags & AG_TOK_CAP) &&
            ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(i)) && i + 1 < end && name_token(x, sc, i + 1, 1)) {
            org_cue = 1;
            i++;
            continue;
        }
        /* "Indian women's hockey team coach Sjoerd Marijne": words between a
         * nationality and the title of the name that follows */
        if (qual >= 0 && !title_kind && head < 0 && (x->m[qual].flags & AG_M_DEMONYM)) {
            uint32_t j = i;
            while (j < end && j < i + 5 &&
                   (((TOK(j)->flags & AG_TOK_WORD) && !(TOK(j)->flags & AG_TOK_CAP) &&
                     !ag_extract__ws(x, AG_WS_PREP, TOK(j)) && !starts_title(x, j, end)) ||
                    (TOK(j)->flags & AG_TOK_POSS)))
                j++;
            if (j > i && j < end && starts_title(x, j, end) && title_then_name(x, sc, j)) {
                i = j;
                continue;
            }
        }
        /* "President (Ilham) Aliyev": a given name in parentheses after a title
         * belongs to the name that follows it */
        if (title_kind && paren_given(x, sc, i)) {
            uint32_t re = run_end(x, sc, i + 3);
            char *last = ag_extract__span_text(x, i + 3, re), *label;
            size_t n;
            if (!last)
                return -2;
            n = TOK(i + 1)->len + strlen(last) + 2;
            if (!(label = ag_arena_alloc(&x->arena, n)))
                return -2;
            memcpy(label, TOK(i + 1)->norm, TOK(i + 1)->len);
            label[TOK(i + 1)->len] = ' ';
            strcpy(label + TOK(i + 1)->len + 1, last);
            if ((head = add_mention(x, sc, i + 1, re, AG_ACTOR_PERSON, -1, 0)) < 0)
                return -2;
            x->m[head].text = label;
            i = re;
            goto after_head;
        }
        if (name_token(x, sc, i, 1) || (is_ordinal(TOK(i)) && i + 1 < end && name_token(x, sc, i + 1, 1))) {
            uint32_t re = run_end(x, sc, i);
            unsigned fl = 0;
            ag_actor_type t;
            if (re == i)
                break;
            re = given_name_split(x, i, re);
            t = classify_run(x, i, re, &fl);
            /* "the Biden administration": a leader's administration is an organization */
            if ((t == AG_ACTOR_PERSON || t == AG_ACTOR_UNKNOWN) && !(fl & AG_M_ACRONYM) && re - i <= 3 && re < end &&
                !(TOK(re)->flags & AG_TOK_CAP) && ag_extract__ws(x, AG_WS_LEADER_BODY, TOK(re))) {
                re++;
                t = AG_ACTOR_ORGANIZATION;
                fl &= ~AG_M_SINGLE;
            }
            if ((head = add_mention(x, sc, i, re, t, -1, fl)) < 0)
                return -2;
            i = re;
            if (i + 1 < end && (TOK(i)->flags & AG_TOK_POSS) && re == x->m[head].start + 1 && name_token(x, sc, i + 1, 0)) {
                /* "People's Democratic Party", "Women's Super League": the possessive is inside the name */
                uint32_t re2 = run_end(x, sc, i + 1);
                unsigned fl2 = 0;
                ag_actor_type t2 = classify_run(x, i + 1, re2, &fl2);
                if (t2 == AG_ACTOR_ORGANIZATION || t2 == AG_ACTOR_GROUP || t2 == AG_ACTOR_MEDIA) {
                    x->n_m--;
                    if ((head = add_mention(x, sc, x->m[x->n_m].start, re2, t2, -1, 0)) < 0)
                        return -2;
                    i = re2;
                    goto after_head;
                }
            }
            if (i < end && (TOK(i)->flags & AG_TOK_POSS) && (t != AG_ACTOR_PERSON || !title_kind)) {
                /* "Blinken's Chinese counterpart": an owner, the phrase goes on */
                owner = head;
                head = -1;
                i = past_owner(x, owner, i, end);
                continue;
            }
            goto after_head;
        }
        {
            /* "South Korea's intelligence agency", "Qatari foreign ministry": a description
             * of an organization by its owner or nationality */
            int by = owner >= 0 ? owner : qual;
            uint32_t j = by >= 0 ? described_org_end(x, sc, i) : 0;
            if (j && (x->m[by].type == AG_ACTOR_COUNTRY || x->m[by].type == AG_ACTOR_ORGANIZATION)) {
                const char *dem = x->m[by].lex_actor >= 0 ? lex->actors[x->m[by].lex_actor].demonym : NULL;
                if ((head = add_mention(x, sc, i, j + 1, AG_ACTOR_ORGANIZATION, -1, AG_M_DESCRIBED)) < 0)
                    return -2;
                if (dem && generic_state_body(x, &x->m[head])) {
                    /* a state body: "Seoul's foreign ministry" is the "South Korean Foreign Ministry" */
                    char *label = title_case_label(x, dem, i, j + 1);
                    if (!label)
                        return -2;
                    x->m[head].flags &= ~AG_M_DESCRIBED;
                    x->m[head].text = label;
                } else if (owner >= 0) {
                    size_t n = strlen(x->m[owner].text) + strlen(x->m[head].text) + 4;
                    char *label = ag_arena_alloc(&x->arena, n);
                    if (!label)
                        return -2;
                    memcpy(label, x->m[owner].text, strlen(x->m[owner].text));
                    memcpy(label + strlen(x->m[owner].text), "'s ", 3);
                    strcpy(label + strlen(x->m[owner].text) + 3, x->m[head].text);
                    x->m[head].text = label;
                } else {
                    x->n_m--; /* "Russian forces"-like nouns are handled above; others are no names */
                    head = -1;
                    break;
                }
                i = j + 1;
                goto after_head;
            }
        }
        /* "the Ukrainian foreign minister, Andrii Sybiha": the name follows a comma */
        if (title_kind && i + 1 < end && TOK(i)->norm[0] == ',' && TOK(i)->len == 1 && name_token(x, sc, i + 1, 1)) {
            i++;
            continue;
        }
        break;
    }
    /* no name, only an office: "the US president" means the one person in the
     * article who holds it; entities.c decides whether there is one */
    if (office_ph >= 0 && i > np_start && (TOK(np_start)->flags & AG_TOK_WORD) &&
        (!strcmp(TOK(np_start)->lower, "the") || qual >= 0 || owner >= 0)) {
        int q = qual >= 0 ? qual : owner;
        if ((head = add_mention(x, sc, np_start, i, AG_ACTOR_PERSON, -1, AG_M_TITLE_REF)) < 0)
            return -2;
        x->m[head].title_ph = office_ph;
        x->m[head].qual_lex = q >= 0 ? x->m[q].lex_actor : -1;
        if (prep_before(x, sc, np_start))
            x->m[head].flags |= AG_M_PREP;
        *pos = i;
        return head;
    }
    /* no head: an owner stands for the phrase ("Russia's war effort") */
    if (owner >= 0) {
        x->m[owner].flags &= ~AG_M_QUALIFIER;
        /* "a summit of Sudan's neighbors": behind "of", not the verb's object */
        if (prep_before(x, sc, np_start))
            x->m[owner].flags |= AG_M_PREP;
        x->m[owner].np_start = np_start;
        x->m[owner].np_end = i > x->m[owner].end ? i : x->m[owner].end;
        *pos = i > *pos ? i : *pos + 1;
        return owner;
    }
    *pos = i > *pos ? i : *pos + 1;
    return -1;

after_head:
    {
        ag_mention *h = &x->m[head];
        const char *prep = prep_before(x, sc, np_start);
        /* "rival manufacturer Cleveland-Cliffs"; "the United Steelworkers union" */
        /* "the Renamo opposition party": one modifier may stand before the noun */
        uint32_t on = i;
        if (on + 1 < end && (TOK(on)->flags & AG_TOK_WORD) && !(TOK(on)->flags & AG_TOK_CAP) &&
            !ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(on)) && ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(on + 1)) &&
            !ag_extract__ws(x, AG_WS_PREP, TOK(on)) && !ag_extract__ws(x, AG_WS_SPEECH, TOK(on)) &&
            !ag_extract__ws(x, AG_WS_AUX, TOK(on)) && !ag_extract__ws(x, AG_WS_DET, TOK(on)) &&
            strcmp(TOK(on)->lower, "and") && strcmp(TOK(on)->lower, "or"))
            on++;
        if (h->lex_actor < 0 && !title_kind && (h->type == AG_ACTOR_UNKNOWN || h->type == AG_ACTOR_PERSON) &&
            !ag_extract__ws(x, AG_WS_GIVEN, TOK(h->start)) &&
            (org_cue || (on < end && (TOK(on)->flags & AG_TOK_WORD) && !(TOK(on)->flags & AG_TOK_CAP) &&
                         ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(on)) &&
                         (on + 1 >= end || !(TOK(on + 1)->flags & AG_TOK_WORD) || ag_extract__ws(x, AG_WS_PREP, TOK(on + 1)) ||
                          !strcmp(TOK(on + 1)->lower, "and") || !strcmp(TOK(on + 1)->lower, "or") ||
                          ag_extract__ws(x, AG_WS_SPEECH, TOK(on + 1)))))) {
            h->type = AG_ACTOR_ORGANIZATION;
            h->flags &= ~(AG_M_SINGLE | AG_M_ACRONYM);
        }
        /* "UN Interim Force in Lebanon (UNIFIL)": the acronym vouches for a name
         * that goes on past "in" or "for" */
        if (i + 4 < end && (!strcmp(TOK(i)->lower, "in") || !strcmp(TOK(i)->lower, "for") || !strcmp(TOK(i)->lower, "on")) &&
            is_cap_word(TOK(i + 1))) {
            uint32_t re = run_end(x, sc, i + 1);
            uint32_t from = (qual >= 0 && x->m[qual].end == h->start) ? x->m[qual].start : h->start;
            if (re + 2 < end && TOK(re)->norm[0] == '(' && (TOK(re + 1)->flags & AG_TOK_ALLCAPS) &&
                TOK(re + 2)->norm[0] == ')' && re - from <= 12 && initials_match(x, from, re, TOK(re + 1)->norm)) {
                h->end = re;
                h->np_end = re > h->np_end ? re : h->np_end;
                if (!(h->text = ag_extract__span_text(x, h->start, re)))
                    return -2;
                i = re;
            }
        }
        /* acronym defined in parentheses: "National Intelligence Service (NIS)";
         * but "LIMA (AFP)" is a dateline and "Smith (U.S.)" a nationality: an
         * acronym the lexicon knows as another actor is that actor */
        if (i + 2 < end && TOK(i)->norm[0] == '(' && (TOK(i + 1)->flags & AG_TOK_ALLCAPS) && TOK(i + 2)->norm[0] == ')' &&
            !(ag_lexicon__match(lex, x->text->tokens, i + 1, i + 2, 1u << AG_LX_ACTOR, &ph, &len) &&
              (h->lex_actor < 0 || (int)x->lex->phrases[ph].actor != h->lex_actor) &&
              (lex->actors[lex->phrases[ph].actor].type == AG_ACTOR_COUNTRY ||
               lex->actors[lex->phrases[ph].actor].type == AG_ACTOR_MEDIA || h->type == AG_ACTOR_PERSON ||
               h->type == AG_ACTOR_COUNTRY || h->type == AG_ACTOR_PLACE) &&
              !initials_match(x, h->start, h->end, TOK(i + 1)->norm))) {
            h->alias = TOK(i + 1)->norm;
            i += 3;
        }
        /* "the Oil Ministry news service SHANA": the name after the noun is the outlet */
        if (i < end && ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_MEDIA_NOUN, &ph, &len) &&
            i + len < end && name_token(x, sc, i + len, 1) && h->type != AG_ACTOR_PERSON) {
            uint32_t re = run_end(x, sc, i + len);
            unsigned fl = 0;
            int m2;
            (void)classify_run(x, i + len, re, &fl);
            if ((m2 = add_mention(x, sc, i + len, re, AG_ACTOR_MEDIA, -1, fl & ~(AG_M_SINGLE | AG_M_ACRONYM))) < 0)
                return -2;
            h = &x->m[head];
            h->flags |= AG_M_QUALIFIER;
            if ((h->type == AG_ACTOR_ORGANIZATION || h->type == AG_ACTOR_COUNTRY) &&
                ag_extract__pending(x, m2, head, "member_of", "phrase.media_owner", 0.7))
                return -2;
            head = m2;
            h = &x->m[head];
            i = re;
        }
        /* "Chosun newspaper", "the Yonhap news agency" */
        if (i < end && ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_MEDIA_NOUN, &ph, &len) &&
            h->type != AG_ACTOR_PERSON && h->type != AG_ACTOR_COUNTRY) {
            if (h->lex_actor < 0) {
                h->type = AG_ACTOR_MEDIA;
                h->flags &= ~AG_M_SINGLE;
                h->alias = ag_extract__span_text(x, h->start, i + len);
            }
            i += len;
        }
        /* a demonym before an organization belongs to its name: "South Korean Foreign Ministry" */
        if (qual >= 0 && x->m[qual].type == AG_ACTOR_COUNTRY && (h->type == AG_ACTOR_ORGANIZATION) &&
            h->lex_actor < 0 && x->m[qual].end == h->start) {
            h->alias = h->text;
            h->text = ag_extract__span_text(x, x->m[qual].start, h->end);
        }
        if (owner >= 0 && h->lex_actor < 0 && h->type == AG_ACTOR_ORGANIZATION && !(h->flags & AG_M_DESCRIBED) &&
            x->m[owner].lex_actor >= 0 && lex->actors[x->m[owner].lex_actor].demonym && state_body(x, h) &&
            strncmp(h->text, lex->actors[x->m[owner].lex_actor].demonym,
                    strlen(lex->actors[x->m[owner].lex_actor].demonym))) {
            /* "Japan's Defense Ministry" is the "Japanese Defense Ministry" other sentences name */
            const char *dem = lex->actors[x->m[owner].lex_actor].demonym;
            size_t n = strlen(dem) + strlen(h->text) + 2, m2 = strlen(x->m[owner].text) + strlen(h->text) + 4;
            char *label = ag_arena_alloc(&x->arena, n), *al = ag_arena_alloc(&x->arena, m2);
            if (!label || !al)
                return -2;
            strcpy(label, dem);
            strcat(label, " ");
            strcat(label, h->text);
            strcpy(al, x->m[owner].text);
            strcat(al, "'s ");
            strcat(al, h->text);
            if (h->alias)
                h->alias2 = al;
            else
                h->alias = h->text, h->alias2 = al;
            h->text = label;
        } else if (owner >= 0 && h->lex_actor < 0 && h->type == AG_ACTOR_ORGANIZATION && !(h->flags & AG_M_DESCRIBED)) {
            size_t n = strlen(x->m[owner].text) + strlen(h->text) + 4;
            char *al = ag_arena_alloc(&x->arena, n);
            if (!al)
                return -2;
            strcpy(al, x->m[owner].text);
            strcat(al, "'s ");
            strcat(al, h->text);
            if (h->alias)
                h->alias2 = al;
            else
                h->alias = al;
        }
        /* a capital after "in", "at", "from": the city, not its government */
        if (locative_before(x, sc, np_start) && (h->flags & AG_M_CAPITAL)) {
            h->type = AG_ACTOR_PLACE;
            h->lex_actor = -1;
        }
        if (its && qual < 0 && owner < 0 && title_kind == AG_TITLE_OFFICE && h->type == AG_ACTOR_PERSON) {
            /* "OpenAI, under its interim CEO Mira Murati": "its" is the organization just named */
            size_t k;
            for (k = x->n_m - 1; k > x->sent_first[sc->sent] && (int)k > 0; k--) {
                const ag_mention *o = &x->m[k - 1];
                if (o->type == AG_ACTOR_ORGANIZATION || o->type == AG_ACTOR_MEDIA || o->type == AG_ACTOR_COUNTRY) {
                    qual = (int)(k - 1);
                    break;
                }
                if (o->type == AG_ACTOR_PERSON)
                    break;
            }
        }
        if (finish_head(x, head, owner, qual, title_kind, media_cue, office_ph, portfolio))
            return -2;
        /* "State Department spokesperson Jane Doe":
         * the organization qualifies the person named after the title */
        while (i + 1 < end && !starts_title(x, i, end) && ag_extract__ws(x, AG_WS_TITLE_MOD, TOK(i)) &&
               starts_title(x, i + 1, end) && h->type != AG_ACTOR_PERSON)
            i++; /* "UN special envoy Lars Eklund" */
        if (h->type != AG_ACTOR_PERSON && i < end && starts_title(x, i, end) && title_then_name(x, sc, i)) {
            if (h->type == AG_ACTOR_UNKNOWN && h->lex_actor < 0 && head == (int)x->n_m - 1 && qual >= 0) {
                /* "British Trade Secretary X": "Trade" belongs to the title, the demonym qualifies */
                x->n_m--;
            } else {
                if (h->type == AG_ACTOR_UNKNOWN && h->lex_actor < 0 && h->end == h->start + 1 &&
                    portfolio_title(x, i, end))
                    portfolio = (int)h->start; /* "Interior Minister X": the ministry, if the article names it */
                /* "Tronox CEO Jeffry Quinn": a name before an office is the office's organization
                 * (but "Petroleum Minister", "Defense Secretary" name a portfolio) */
                uint32_t tph, tlen;
                if (h->type == AG_ACTOR_UNKNOWN && h->lex_actor < 0 && !portfolio_title(x, i, end) && !sc->headline &&
                    !(TOK(h->start)->flags & AG_TOK_SENT_START) &&
                    /* "Putin spokesman X", "Trump adviser X": a person has those too */
                    ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &tph, &tlen) &&
                    body_office(x, (int)tph)) {
                    h->type = AG_ACTOR_ORGANIZATION;
                    h->flags &= ~AG_M_SINGLE;
                }
                h->flags |= AG_M_QUALIFIER;
                qual = head;
            }
            head = -1;
            for (;;) {
                uint32_t save = i;
                if (ag_lexicon__match(lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len)) {
                    if (lex->phrases[ph].title == AG_TITLE_OFFICE || !title_kind)
                        title_kind = (int)lex->phrases[ph].title;
                    if (lex->phrases[ph].title == AG_TITLE_OFFICE)
                        office_ph = (int)ph;
                    i += len;
                    /* "Sen. Charles Grassley": the abbreviation's period */
                    if (i + 1 < end && TOK(i)->norm[0] == '.' && TOK(i)->len == 1 && !(TOK(i)->flags & AG_TOK_SPACE) &&
                        name_token(x, sc, i + 1, 1))
                        i++;
                    /* "Chairman and CEO Darren Woods" */
                    if (i + 1 < end && (!strcmp(TOK(i)->lower, "and") || !strcmp(TOK(i)->lower, "&")) &&
                        starts_title(x, i + 1, end))
                        i++;
                    /* "UN special envoy for Yemen Lars Eklund": Yemen is the post's domain */
                    if (i + 2 < end && (!strcmp(TOK(i)->lower, "for") || !strcmp(TOK(i)->lower, "to") ||
                                        !strcmp(TOK(i)->lower, "on")) &&
                        ag_lexicon__match(lex, x->text->tokens, i + 1, end,
                                          (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL), &ph, &len) &&
                        i + 1 + len < end && name_token(x, sc, i + 1 + len, 1))
                        i += 1 + len;
                    continue;
                }
                if (i + 1 < end && TOK(i)->norm[0] == ',' && name_token(x, sc, i + 1, 1))
                    i++;
                if (name_token(x, sc, i, 1)) {
                    uint32_t re = run_end(x, sc, i);
                    unsigned fl = 0;
                    ag_actor_type t = classify_run(x, i, re, &fl);
                    if (t == AG_ACTOR_PERSON || t == AG_ACTOR_UNKNOWN) {
                        if ((head = add_mention(x, sc, i, re, AG_ACTOR_PERSON, -1, fl & ~AG_M_SINGLE)) < 0)
                            return -2;
                        x->m[head].portfolio = portfolio;
                        i = re;
                        if (finish_head(x, head, -1, qual, title_kind, 0, office_ph, portfolio))
                            return -2;
                    }
                }
                if (head < 0)
                    i = save;
                break;
            }
            if (head < 0 && office_ph >= 0 && x->m[qual].type == AG_ACTOR_COUNTRY) {
                /* "the US president also said": an office without a name */
                if ((head = add_mention(x, sc, np_start, i, AG_ACTOR_PERSON, -1, AG_M_TITLE_REF)) < 0)
                    return -2;
                x->m[head].title_ph = office_ph;
                x->m[head].qual_lex = x->m[qual].lex_actor;
            } else if (head < 0 && x->m[qual].type == AG_ACTOR_UNKNOWN && x->m[qual].lex_actor < 0 &&
                       qual == (int)x->n_m - 1) {
                /* "Interior Ministers says": a portfolio word and an office, no actor */
                x->n_m--;
                *pos = i > *pos ? i : *pos + 1;
                return -1;
            } else if (head < 0) {
                /* "the NIS spokesman said": the organization is the phrase's head after all */
                x->m[qual].flags &= ~AG_M_QUALIFIER;
                head = qual;
            }
        }
        h = &x->m[head];
        /* "Judge John J. McConnell of the U.S. District Court": any organization */
        if (h->type == AG_ACTOR_PERSON && h->office && qual < 0 && owner < 0 && i + 2 < end &&
            !strcmp(TOK(i)->lower, "of") && !strcmp(TOK(i + 1)->lower, "the") && name_token(x, sc, i + 2, 1)) {
            uint32_t p = i + 1;
            np_mark before = np_mark_here(x);
            int q = parse_np(x, sc, &p);
            if (q == -2)
                return -2;
            h = &x->m[head];
            if (q >= 0 && (x->m[q].type == AG_ACTOR_ORGANIZATION || x->m[q].type == AG_ACTOR_COUNTRY)) {
                x->m[q].flags |= AG_M_QUALIFIER | AG_M_PREP;
                if (ag_extract__pending(x, head, q, "role_of", "phrase.title_of", 0.8))
                    return -2;
                i = p;
            } else {
                np_rewind(x, before);
            }
        }
        /* "Prime Minister Kofi Mensah of Ghana" */
        if (h->type == AG_ACTOR_PERSON && h->office && qual < 0 && owner < 0 && i + 1 < end &&
            !strcmp(TOK(i)->lower, "of") &&
            ag_lexicon__match(lex, x->text->tokens, i + 1, end,
                              (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL) | (1u << AG_LX_METONYM), &ph, &len)) {
            const ag_lx_actor *la = &lex->actors[lex->phrases[ph].actor];
            int q = add_mention(x, sc, i + 1, i + 1 + len, la->type, (int)lex->phrases[ph].actor,
                                AG_M_QUALIFIER | AG_M_PREP);
            if (q < 0)
                return -2;
            h = &x->m[head];
            h->qual_lex = x->m[q].lex_actor;
            if (ag_extract__pending(x, head, q, "role_of", "phrase.title_of", 0.85))
                return -2;
            i += 1 + len;
        }
        if (backer >= 0 && h->type != AG_ACTOR_PERSON &&
            ag_extract__pending(x, backer, head, backer_rel, "phrase.hyphen_backer", 0.75))
            return -2;
        h->np_start = np_start;
        h->np_end = i;
        if (prep)
            h->flags |= AG_M_PREP;
        *pos = i > *pos ? i : *pos + 1;
        return head;
    }
}

/* "Rake is currently chairman of KPMG", "X was named CEO of Y": an office
 * after a copula.  Records role_of and moves *pos past it. */
static int copula_office(ag_extractor *x, const sent_ctx *sc, int head, uint32_t *pos)
{
    static const char *const copulas[] = {"is", "was", "became", "becomes", "remains", "remained", "named",
                                          "appointed", "elected", "serves", "served", NULL};
    uint32_t i = *pos, end = sc->end, ph, len, p;
    const char *const *c;
    int found = 0, org;
    np_mark before;

    if (i >= end || (x->m[head].type != AG_ACTOR_PERSON && x->m[head].type != AG_ACTOR_UNKNOWN))
        return 0;
    for (c = copulas; *c && !found; c++)
        found = !strcmp(TOK(i)->lower, *c);
    if (!found)
        return 0;
    i++;
    while (i < end && ((TOK(i)->flags & AG_TOK_WORD) && !(TOK(i)->flags & AG_TOK_CAP)) &&
           !ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len) && i < *pos + 5 &&
           (ag_extract__ws(x, AG_WS_DET, TOK(i)) || ag_extract__ws(x, AG_WS_TITLE_MOD, TOK(i)) ||
            !strcmp(TOK(i)->lower, "currently") || !strcmp(TOK(i)->lower, "also") || !strcmp(TOK(i)->lower, "as") ||
            !strcmp(TOK(i)->lower, "now") || !strcmp(TOK(i)->lower, "still")))
        i++;
    if (!ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len) ||
        x->lex->phrases[ph].title != AG_TITLE_OFFICE)
        return 0;
    i += len;
    if (i + 1 >= end || (strcmp(TOK(i)->lower, "of") && strcmp(TOK(i)->lower, "at") && strcmp(TOK(i)->lower, "for")))
        return 0;
    p = i + 1;
    /* "accountancy firm KPMG": a common noun may describe the organization first */
    while (p < end && p < i + 4 && (TOK(p)->flags & AG_TOK_WORD) && !(TOK(p)->flags & AG_TOK_CAP) &&
           !ag_extract__ws(x, AG_WS_DET, TOK(p)) && p + 1 < end && !(TOK(p + 1)->flags & AG_TOK_PUNCT))
        p++;
    if (p >= end || !(TOK(p)->flags & (AG_TOK_CAP | AG_TOK_ALLCAPS)))
        p = i + 1;
    before = np_mark_here(x);
    org = parse_np(x, sc, &p);
    if (org == -2)
        return -1;
    if (org < 0) {
        np_rewind(x, before);
        return 0;
    }
    if (x->m[org].type == AG_ACTOR_UNKNOWN && x->m[org].lex_actor < 0) {
        x->m[org].type = AG_ACTOR_ORGANIZATION; /* whatever has a chairman */
        x->m[org].flags &= ~AG_M_SINGLE;
    }
    if (x->m[org].type != AG_ACTOR_ORGANIZATION && x->m[org].type != AG_ACTOR_COUNTRY &&
        x->m[org].type != AG_ACTOR_MEDIA && x->m[org].type != AG_ACTOR_GROUP) {
        np_rewind(x, before);
        return 0;
    }
    x->m[org].flags |= AG_M_PREP;
    x->m[head].type = AG_ACTOR_PERSON;
    x->m[head].flags &= ~AG_M_SINGLE;
    if (ag_extract__pending(x, head, org, "role_of", "phrase.copula", 0.75))
        return -1;
    *pos = p;
    return 0;
}

/* An apposition gave mention head an office in q: head is a person. */
static int holds_office(ag_extractor *x, int head, int q, double confidence)
{
    x->m[head].type = AG_ACTOR_PERSON;
    x->m[head].flags &= ~AG_M_SINGLE;
    x->m[head].office = 1;
    return ag_extract__pending(x, head, q, "role_of", "phrase.apposition", confidence);
}

/* "X, ranking Democrat on the House Intelligence Committee,": a member of
 * the party [a, a + len) who sits on the body after "on" or "in".  Returns
 * -1 when out of memory, else 0 (nothing added unless the body is found). */
static int party_member_on(ag_extractor *x, const sent_ctx *sc, int head, uint32_t a, uint32_t len, int party_lex,
                           uint32_t *pos)
{
    np_mark before = np_mark_here(x);
    uint32_t q = a + len + 1;
    int party, body;

    if ((party = add_mention(x, sc, a, a + len, AG_ACTOR_ORGANIZATION, party_lex, AG_M_QUALIFIER)) < 0)
        return -1;
    if ((body = parse_np(x, sc, &q)) == -2)
        return -1;
    if (body < 0 || x->m[body].type != AG_ACTOR_ORGANIZATION ||
        !(q == sc->end || (TOK(q)->norm[0] == ',' && TOK(q)->len == 1))) {
        np_rewind(x, before);
        return 0;
    }
    x->m[body].flags |= AG_M_PREP;
    x->m[head].type = AG_ACTOR_PERSON;
    x->m[head].flags &= ~AG_M_SINGLE;
    if (ag_extract__pending(x, head, party, "member_of", "phrase.party_member", 0.75) ||
        ag_extract__pending(x, head, body, "role_of", "phrase.party_member", 0.8))
        return -1;
    *pos = q;
    return 0;
}

/* "X, spokesperson for Y," / "X, the president of Y" after a name. */
static int apposition(ag_extractor *x, const sent_ctx *sc, int head, uint32_t *pos)
{
    uint32_t i = *pos, end = sc->end, ph, len;
    int kind = 0, org;

    if (i < end && TOK(i)->norm[0] != ',')
        return copula_office(x, sc, head, pos);
    if (i + 2 >= end || TOK(i)->norm[0] != ',' || TOK(i)->len != 1)
        return 0;
    i++;
    /* "Atiku, from the People's Democratic Party," */
    if (!strcmp(TOK(i)->lower, "from") && (x->m[head].type == AG_ACTOR_PERSON || x->m[head].type == AG_ACTOR_UNKNOWN)) {
        uint32_t p = i + 1;
        np_mark before = np_mark_here(x);
        org = parse_np(x, sc, &p);
        if (org == -2)
            return -1;
        if (org >= 0 && p < end && TOK(p)->norm[0] == ',' &&
            (x->m[org].type == AG_ACTOR_ORGANIZATION || x->m[org].type == AG_ACTOR_GROUP)) {
            x->m[org].flags |= AG_M_PREP;
            x->m[head].type = AG_ACTOR_PERSON;
            x->m[head].flags &= ~AG_M_SINGLE;
            if (ag_extract__pending(x, head, org, "role_of", "phrase.apposition_from", 0.7))
                return -1;
            *pos = p;
            return 0;
        }
        np_rewind(x, before);
        return 0;
    }
    while (i < end && ag_extract__ws(x, AG_WS_DET, TOK(i)))
        i++;
    if (i >= end) /* "Lena Varga, the" ends the text: nothing apposed */
        return 0;
    /* "SODIC, a construction company owned by ...": the apposition says what
     * an untyped name is */
    if (i > *pos + 1 && (x->m[head].type == AG_ACTOR_UNKNOWN) && x->m[head].lex_actor < 0) {
        uint32_t k;
        for (k = i; k < end && k < i + 4 && (TOK(k)->flags & AG_TOK_WORD) && !(TOK(k)->flags & AG_TOK_CAP) &&
                    !ag_extract__ws(x, AG_WS_PREP, TOK(k));
             k++)
            if (ag_extract__ws(x, AG_WS_ORG_NOUN, TOK(k)) &&
                (k + 1 >= end || !(TOK(k + 1)->flags & AG_TOK_WORD) || (TOK(k + 1)->flags & AG_TOK_CAP) ||
                 ag_extract__ws(x, AG_WS_PREP, TOK(k + 1)) || !strcmp(TOK(k + 1)->lower, "owned") ||
                 !strcmp(TOK(k + 1)->lower, "based") || !strcmp(TOK(k + 1)->lower, "that") ||
                 !strcmp(TOK(k + 1)->lower, "which"))) {
                x->m[head].type = AG_ACTOR_ORGANIZATION;
                x->m[head].flags &= ~(AG_M_SINGLE | AG_M_ACRONYM);
                break;
            }
    }
    /* optional qualifiers: "a senior", "the former" */
    while (i < end && (TOK(i)->flags & AG_TOK_WORD) && !(TOK(i)->flags & AG_TOK_CAP) && i < *pos + 4 &&
           !ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len) &&
           (!strcmp(TOK(i)->lower, "former") || !strcmp(TOK(i)->lower, "senior") || !strcmp(TOK(i)->lower, "chief") ||
            !strcmp(TOK(i)->lower, "deputy") || !strcmp(TOK(i)->lower, "acting") || !strcmp(TOK(i)->lower, "top") ||
            !strcmp(TOK(i)->lower, "then") || !strcmp(TOK(i)->lower, "current") || !strcmp(TOK(i)->lower, "new") ||
            !strcmp(TOK(i)->lower, "ranking") || !strcmp(TOK(i)->lower, "leading")))
        i++;
    if (i >= end) /* "Lena Varga, the former" ends the text */
        return 0;
    /* "Cho, South Korea's foreign minister," / "Cho, the South Korean foreign minister," */
    if (!ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len) &&
        ag_lexicon__match(x->lex, x->text->tokens, i, end,
                          (1u << AG_LX_ACTOR) | (1u << AG_LX_CAPITAL) | (1u << AG_LX_METONYM) | (1u << AG_LX_DEMONYM), &ph,
                          &len)) {
        const ag_lx_phrase *p = &x->lex->phrases[ph];
        uint32_t j = i + len, tph, tlen, k;
        if (p->kind != AG_LX_DEMONYM && j < end && (TOK(j)->flags & AG_TOK_POSS))
            j++;
        else if (p->kind == AG_LX_ACTOR && x->lex->actors[p->actor].type == AG_ACTOR_ORGANIZATION && j + 1 < end &&
                 (ag_extract__is_word(TOK(j), "on") || ag_extract__is_word(TOK(j), "in")) &&
                 (x->m[head].type == AG_ACTOR_UNKNOWN || x->m[head].type == AG_ACTOR_PERSON))
            return party_member_on(x, sc, head, i, len, (int)p->actor, pos);
        else if (p->kind != AG_LX_DEMONYM)
            return 0;
        /* "The Bank of Korea, South Korea's central bank,": the organization is the owner's */
        if (p->kind != AG_LX_DEMONYM && j > i + len &&
            (x->m[head].type == AG_ACTOR_ORGANIZATION || x->m[head].type == AG_ACTOR_MEDIA) &&
            x->lex->actors[p->actor].type != AG_ACTOR_PERSON) {
            uint32_t w = j;
            while (w < end && w < j + 3 && (TOK(w)->flags & AG_TOK_WORD) && !(TOK(w)->flags & AG_TOK_CAP))
                w++;
            if (w > j && (w == end || (TOK(w)->norm[0] == ',' && TOK(w)->len == 1))) {
                int q = add_mention(x, sc, i, i + len, x->lex->actors[p->actor].type, (int)p->actor, AG_M_QUALIFIER);
                if (q < 0 || ag_extract__pending(x, head, q, "member_of", "phrase.apposition_owner", 0.8))
                    return -1;
                *pos = w;
                return 0;
            }
        }
        /* "the Russian deputy defense minister": a couple of words before the title */
        for (k = 0; k < 2 && j < end && (TOK(j)->flags & AG_TOK_WORD) && !(TOK(j)->flags & AG_TOK_CAP) &&
                    !ag_lexicon__match(x->lex, x->text->tokens, j, end, 1u << AG_LX_TITLE, &tph, &tlen);
             k++)
            j++;
        if (ag_lexicon__match(x->lex, x->text->tokens, j, end, 1u << AG_LX_TITLE, &tph, &tlen) &&
            x->lex->phrases[tph].title == AG_TITLE_OFFICE &&
            (x->m[head].type == AG_ACTOR_UNKNOWN || x->m[head].type == AG_ACTOR_PERSON) &&
            !(j + tlen < end && name_token(x, sc, j + tlen, 1))) { /* "X, Russian counterpart Lavrov": Lavrov's title */
            int q = add_mention(x, sc, i, i + len, x->lex->actors[p->actor].type, (int)p->actor,
                                AG_M_QUALIFIER | (p->kind == AG_LX_DEMONYM ? AG_M_DEMONYM : 0));
            if (q < 0 || holds_office(x, head, q, 0.85))
                return -1;
            *pos = j + tlen;
        }
        return 0;
    }
    /* "Sir Michael Rake, BT's incoming chairman,": an owner that has a chairman is an organization */
    if (!ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len) && name_token(x, sc, i, 1)) {
        uint32_t re = run_end(x, sc, i), j, tph, tlen;
        unsigned fl = 0;
        ag_actor_type t;
        /* "Lisa Dorn, the Kestrel Bank spokeswoman,": the same with the owner as a modifier,
         * where the title ends the apposition */
        int poss = re < end && (TOK(re)->flags & AG_TOK_POSS);
        if (re < end && re - i <= 4 &&
            ((t = classify_run(x, i, re, &fl)) == AG_ACTOR_UNKNOWN || t == AG_ACTOR_ORGANIZATION || t == AG_ACTOR_MEDIA)) {
            j = re + (uint32_t)poss;
            /* "incoming chairman", but "executive" may be the title itself */
            while (j + 1 < end && j < re + 3 && ag_extract__ws(x, AG_WS_TITLE_MOD, TOK(j)) && starts_title(x, j + 1, end))
                j++;
            if (ag_lexicon__match(x->lex, x->text->tokens, j, end, 1u << AG_LX_TITLE, &tph, &tlen) &&
                x->lex->phrases[tph].title == AG_TITLE_OFFICE && !(j + tlen < end && name_token(x, sc, j + tlen, 1)) &&
                (poss || j + tlen == end || (TOK(j + tlen)->norm[0] == ',' && TOK(j + tlen)->len == 1)) &&
                (x->m[head].type == AG_ACTOR_UNKNOWN || x->m[head].type == AG_ACTOR_PERSON)) {
                int q = add_mention(x, sc, i, re, t == AG_ACTOR_UNKNOWN ? AG_ACTOR_ORGANIZATION : t, -1,
                                    AG_M_QUALIFIER | (fl & ~(AG_M_SINGLE | AG_M_ACRONYM)));
                if (q < 0 || holds_office(x, head, q, 0.8))
                    return -1;
                *pos = j + tlen;
            }
        }
        return 0;
    }
    if (!ag_lexicon__match(x->lex, x->text->tokens, i, end, 1u << AG_LX_TITLE, &ph, &len))
        return 0;
    kind = (int)x->lex->phrases[ph].title;
    if (kind == AG_TITLE_HONORIFIC)
        return 0;
    i += len;
    /* "chairman and CEO of Nippon Steel" */
    while (i + 1 < end && (!strcmp(TOK(i)->lower, "and") || !strcmp(TOK(i)->lower, "&")) &&
           ag_lexicon__match(x->lex, x->text->tokens, i + 1, end, 1u << AG_LX_TITLE, &ph, &len)) {
        if (x->lex->phrases[ph].title == AG_TITLE_OFFICE)
            kind = AG_TITLE_OFFICE;
        i += 1 + len;
    }
    if (x->m[head].type == AG_ACTOR_UNKNOWN || x->m[head].type == AG_ACTOR_PERSON) {
        x->m[head].type = AG_ACTOR_PERSON;
        x->m[head].flags &= ~AG_M_SINGLE;
        x->m[head].office |= kind == AG_TITLE_OFFICE;
    } else {
        return 0;
    }
    *pos = i;
    if (i < end && (!strcmp(TOK(i)->lower, "for") || !strcmp(TOK(i)->lower, "of") || !strcmp(TOK(i)->lower, "at") ||
                    !strcmp(TOK(i)->lower, "to") || !strcmp(TOK(i)->lower, "with"))) {
        uint32_t p = i + 1, q = i + 1;
        /* "chief executive of the telecoms group Savanna Telecom": a description before the name */
        if (q < end && ag_extract__ws(x, AG_WS_DET, TOK(q)))
            q++;
        while (q < end && q < i + 5 && (TOK(q)->flags & AG_TOK_WORD) && !(TOK(q)->flags & AG_TOK_CAP) &&
               !ag_extract__ws(x, AG_WS_PREP, TOK(q)))
            q++;
        if (q > p && q < end && q < i + 5 && name_token(x, sc, q, 1))
            p = q;
        np_mark before = np_mark_here(x);
        org = parse_np(x, sc, &p);
        if (org == -2)
            return -1;
        /* "..., the leader of Hamas Ismail Haniyeh said": the title is the next name's */
        if (org >= 0 && p < end && name_token(x, sc, p, 1)) {
            np_rewind(x, before);
            return 0;
        }
        if (org >= 0) {
            x->m[org].flags |= AG_M_PREP;
            if (kind == AG_TITLE_OFFICE && x->m[org].type != AG_ACTOR_PERSON && x->m[org].type != AG_ACTOR_PLACE &&
                x->m[org].type != AG_ACTOR_UNKNOWN &&
                ag_extract__pending(x, head, org, "role_of", "phrase.apposition", 0.85))
                return -1;
            *pos = p;
        }
    }
    return 0;
}

int ag_extract__mentions(ag_extractor *x)
{
    const ag_text *t = x->text;
    size_t s;

    x->sent_first = calloc(t->n_sentences + 1, sizeof(size_t));
    if (!x->sent_first || count_mid_caps(x))
        return AG_ENOMEM;
    for (s = 0; s < t->n_sentences; s++) {
        const ag_sentence *se = &t->sentences[s];
        sent_ctx sc = {(uint32_t)s, se->first, se->first + se->count, se->headline || se->allcaps};
        uint32_t i = sc.begin;
        int prev_head = -1;
        uint32_t prev_end = 0;

        x->sent_first[s] = x->n_m;
        while (i < sc.end) {
            size_t before = x->n_m, k;
            int head;
            uint32_t start = i;
            if (TOK(i)->flags & AG_TOK_QUOTE && TOK(i)->norm[0] == '"') {
                i++;
                continue;
            }
            head = parse_np(x, &sc, &i);
            if (head == -2)
                return AG_ENOMEM;
            if (head >= 0 && apposition(x, &sc, head, &i))
                return AG_ENOMEM;
            for (k = before; k < x->n_m; k++)
                if (TOK(start)->flags & AG_TOK_QUOTED)
                    x->m[k].flags |= AG_M_QUOTED;
            if (head >= 0) {
                /* coordination: "Moscow and Pyongyang", "X, Y and Z" */
                if (prev_head >= 0 && x->m[head].np_start >= 1 && prev_end <= x->m[head].np_start) {
                    uint32_t g = prev_end, stop = x->m[head].np_start;
                    int ok = stop > g, and = 0;
                    for (; g < stop; g++) {
                        const char *w = TOK(g)->lower;
                        and |= !strcmp(w, "and");
                        /* "X, as well as Y" */
                        if (!strcmp(w, "as") && g + 2 < stop && !strcmp(TOK(g + 1)->lower, "well") &&
                            !strcmp(TOK(g + 2)->lower, "as")) {
                            and = 1;
                            g += 2;
                            continue;
                        }
                        if (strcmp(w, "and") && strcmp(w, ",") && strcmp(w, "both"))
                            ok = 0;
                    }
                    /* a comma alone is as often an apposition as a list; a list of
                     * countries or organizations continued by a comma or "and" is one */
                    if (ok && !and) {
                        const ag_mention *a = &x->m[prev_head], *b = &x->m[head];
                        uint32_t after = b->np_end;
                        ok = a->lex_actor >= 0 && b->lex_actor >= 0 && a->type == b->type &&
                             a->type != AG_ACTOR_PERSON && after < sc.end &&
                             (!strcmp(TOK(after)->lower, "and") || !strcmp(TOK(after)->lower, ","));
                    }
                    if (ok && !(x->m[prev_head].flags & AG_M_QUALIFIER))
                        x->m[prev_head].coord = head;
                }
                prev_head = head;
                prev_end = x->m[head].np_end;
            }
            if (i <= start)
                i = start + 1;
        }
    }
    x->sent_first[t->n_sentences] = x->n_m;
    return AG_OK;
}
