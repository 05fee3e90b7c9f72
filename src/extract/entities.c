/* actorgraph: coreference inside one article, precision first.  Full names
 * and known actors become entities; then one-word mentions ("Lee", "Mr
 * Zelensky", "NIS") join the one entity they can mean, or stay out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define TOK(i) (&x->text->tokens[(i)])

static char *arena_key(ag_extractor *x, const char *s)
{
    char *k = ag_name_key(s), *a;

    if (!k)
        return NULL;
    a = ag_arena_strndup(&x->arena, k, strlen(k));
    free(k);
    return a;
}

static int add_form(ag_extractor *x, ag_entity *e, const char *form)
{
    size_t i;
    char **v;

    if (!form || !form[0])
        return AG_OK;
    for (i = 0; i < e->n_forms; i++)
        if (!strcmp(e->forms[i], form))
            return AG_OK;
    v = realloc(e->forms, (e->n_forms + 1) * sizeof(char *));
    if (!v)
        return AG_ENOMEM;
    e->forms = v;
    v[e->n_forms++] = (char *)form;
    return AG_OK;
}

static int count_words(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static int new_entity(ag_extractor *x, const ag_mention *m, const char *label)
{
    ag_entity *e;

    if (x->n_e == x->cap_e) {
        size_t c = x->cap_e ? x->cap_e * 2 : 64;
        ag_entity *v = realloc(x->e, c * sizeof(*v));
        if (!v)
            return -1;
        x->e = v;
        x->cap_e = c;
    }
    e = &x->e[x->n_e];
    memset(e, 0, sizeof(*e));
    e->label = (char *)label;
    e->first_mention = -1;
    e->type = m->type;
    e->lex_actor = m->lex_actor;
    if (m->type == AG_ACTOR_PERSON && count_words(m->text) >= 2) {
        const char *sp = strchr(m->text, ' '), *last = strrchr(m->text, ' ');
        char *first = ag_arena_strndup(&x->arena, m->text, (size_t)(sp - m->text));
        if (!first || !(e->first_key = arena_key(x, first)) || !(e->last_key = arena_key(x, last + 1)))
            return -1;
    }
    return (int)x->n_e++;
}

/* The key of a mention's text, computed once. */
static char *mention_key(ag_extractor *x, ag_mention *m)
{
    if (!m->key)
        m->key = arena_key(x, m->text);
    return m->key;
}

static int register_key_k(ag_extractor *x, char *k, int ent)
{
    size_t found;

    if (!k)
        return AG_ENOMEM;
    if (!k[0] || ag_strmap_get(&x->entity_by_key, k, &found))
        return AG_OK;
    return ag_strmap_put(&x->entity_by_key, k, (size_t)ent);
}

static int find_key_k(ag_extractor *x, const char *k)
{
    size_t found;

    if (k && k[0] && ag_strmap_get(&x->entity_by_key, k, &found))
        return (int)found;
    return -1;
}

static int register_key(ag_extractor *x, const char *text, int ent)
{
    return register_key_k(x, arena_key(x, text), ent);
}

/* The entity of @p text's key, -1 for none, -2 when out of memory. */
static int find_key(ag_extractor *x, const char *text)
{
    char *k = arena_key(x, text);
    return k ? find_key_k(x, k) : -2;
}

/* A person's better name: more words wins ("Cho Tae-yul" over "Cho"). */
static void maybe_relabel(ag_entity *e, const ag_mention *m)
{
    if (e->lex_actor >= 0)
        return;
    if (count_words(m->text) > count_words(e->label))
        e->label = m->text;
}

static int attach(ag_extractor *x, size_t mi, int ent)
{
    ag_mention *m = &x->m[mi];
    ag_entity *e = &x->e[ent];

    m->entity = ent;
    if (e->first_mention < 0)
        e->first_mention = (int)mi;
    e->mentions++;
    if (e->type == AG_ACTOR_UNKNOWN && m->type != AG_ACTOR_UNKNOWN)
        e->type = m->type;
    if (!(m->flags & AG_M_DEMONYM))
        e->named = 1;
    maybe_relabel(e, m);
    /* "Moscow" and "the Kremlin" stand for Russia but are not its names: keep
     * them out of the aliases, so the label stays the country's */
    if (!(m->flags & (AG_M_DEMONYM | AG_M_CAPITAL)) && add_form(x, e, m->text))
        return AG_ENOMEM;
    if (m->alias && (add_form(x, e, m->alias) || register_key(x, m->alias, ent)))
        return AG_ENOMEM;
    if (m->alias2 && (add_form(x, e, m->alias2) || register_key(x, m->alias2, ent)))
        return AG_ENOMEM;
    return register_key_k(x, mention_key(x, m), ent);
}

static int is_single(const ag_mention *m)
{
    return m->lex_actor < 0 && !strchr(m->text, ' ') && !(m->flags & AG_M_DESCRIBED) &&
           (m->type == AG_ACTOR_UNKNOWN || m->type == AG_ACTOR_PERSON || (m->flags & AG_M_ACRONYM));
}

/* Initials of an organization's name, for matching acronyms ("NSC"). */
static void initials(const char *label, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = label;

    while (*p && n + 1 < cap) {
        const char *w = p;
        size_t len;
        while (*p && *p != ' ')
            p++;
        len = (size_t)(p - w);
        if (!(len == 2 && !strncmp(w, "of", 2)) && !(len == 3 && (!strncmp(w, "the", 3) || !strncmp(w, "for", 3) ||
                                                                    !strncmp(w, "and", 3))) &&
            w[0] >= 'A' && w[0] <= 'Z')
            out[n++] = w[0];
        while (*p == ' ')
            p++;
    }
    out[n] = '\0';
}

static int followed_by_speech(ag_extractor *x, const ag_mention *m)
{
    const ag_sentence *s = &x->text->sentences[m->sent];
    uint32_t end = s->first + s->count, i = m->np_end;

    while (i < end && (!strcmp(TOK(i)->lower, "also") || !strcmp(TOK(i)->lower, "has") || !strcmp(TOK(i)->lower, "had") ||
                       !strcmp(TOK(i)->lower, "have") || !strcmp(TOK(i)->lower, "later") || !strcmp(TOK(i)->lower, "then")))
        i++;
    if (i < end && ag_extract__ws(x, AG_WS_SPEECH, TOK(i)))
        return 1;
    /* '"...," said Lee' */
    return m->np_start >= s->first + 2 && ag_extract__ws(x, AG_WS_SAY, TOK(m->np_start - 1)) &&
           (TOK(m->np_start - 2)->flags & (AG_TOK_QUOTE | AG_TOK_PUNCT));
}

/* After "X said", the first pronoun that can mean X says what X is:
 * 'i' for one of the lexicon's other_pronouns ("Saint-Gobain said it will
 * buy ...", "Chelsea said they would appeal"), 'p' for a person's, 0 for none. */
static int speaker_pronoun(ag_extractor *x, const ag_mention *m)
{
    const ag_sentence *s = &x->text->sentences[m->sent];
    uint32_t end = s->first + s->count, i;

    for (i = m->np_end; i < end && i < m->np_end + 12; i++) {
        const ag_token *t = TOK(i);
        if (ag_extract__ws(x, AG_WS_PERSON_PRONOUN, t))
            return 'p';
        if (!ag_extract__ws(x, AG_WS_OTHER_PRONOUN, t))
            continue;
        if (!strcmp(t->lower, "it") && i + 1 < end) {
            /* "X said it was a mistake": "it" before a copula is often no one */
            const char *v = TOK(i + 1)->lower;
            if (!strcmp(v, "is") || !strcmp(v, "was") || !strcmp(v, "'s"))
                return 0;
            /* "it would be a mistake" is no one; "it would appeal" is X */
            if ((!strcmp(v, "would") || !strcmp(v, "will")) && (i + 2 >= end || !strcmp(TOK(i + 2)->lower, "be")))
                return 0;
        }
        return 'i';
    }
    return 0;
}

/* "Chelsea have agreed", "Juventus were banned": one name with a plural
 * verb is a body of people (a club, a company); a person takes "has".
 * Coordinated names ("Smith and Jones were") say nothing. */
static int collective_verb(ag_extractor *x, const ag_mention *m)
{
    const ag_sentence *s = &x->text->sentences[m->sent];
    const ag_token *next = m->np_end < s->first + s->count ? TOK(m->np_end) : NULL;

    if (!next || (strcmp(next->lower, "have") && strcmp(next->lower, "are") && strcmp(next->lower, "were")))
        return 0;
    if (m->np_start > s->first && (ag_extract__is_word(TOK(m->np_start - 1), "and") ||
                                   ag_extract__is_word(TOK(m->np_start - 1), "or") ||
                                   TOK(m->np_start - 1)->norm[0] == ','))
        return 0;
    return 1;
}

/* Is the first word of mention @p m, which opens its sentence, a plural
 * common noun there ("Doctors said", "Dealers expect")?  The tagger decides what a
 * capital at a sentence's start cannot; 0 without a language model.  Sets
 * *rc on failure. */
static int common_noun_opening(ag_extractor *x, const ag_mention *m, int *rc)
{
    const ag_sentence *se = &x->text->sentences[m->sent];
    const ag_nlp_model *model = x->opts && x->opts->version >= 2 ? x->opts->nlp : NULL;
    ag_nlp_sentence s;
    const char **forms;
    size_t i;
    int noun = 0;

    if (!model || m->start != se->first || se->count > 200)
        return 0;
    if (!(forms = malloc(se->count * sizeof *forms))) {
        *rc = AG_ENOMEM;
        return 0;
    }
    for (i = 0; i < se->count; i++)
        forms[i] = TOK(se->first + i)->norm;
    memset(&s, 0, sizeof s);
    if ((*rc = ag_nlp_sentence_reset(&s, x->ctx, forms, se->count)) == AG_OK &&
        (*rc = ag_nlp_tag(model, x->ctx, &s)) == AG_OK)
        /* plural only: a name with a plural verb ("Chelsea have") tags as a
         * singular common noun */
        noun = s.upos[0] == AG_UPOS_NOUN && !strcmp(ag_nlp_xpos_name(model, s.xpos[0]), "NNS");
    ag_nlp_sentence_release(&s);
    free(forms);
    return noun;
}

/* A name of two or more words with no cue in its own phrase ("Family Dollar",
 * "Dollar Tree") is the entity of the same name, or an organization when
 * it speaks and "it" follows ("Dollar Tree said it would ..."). */
static int resolve_untyped_run(ag_extractor *x, size_t mi)
{
    ag_mention *m = &x->m[mi];
    char *k = mention_key(x, m);
    int ent;

    if (!k)
        return AG_ENOMEM;
    if ((ent = find_key_k(x, k)) >= 0)
        return attach(x, mi, ent);
    if ((m->flags & AG_M_QUOTED) || !followed_by_speech(x, m) || speaker_pronoun(x, m) != 'i')
        return AG_OK;
    m->type = AG_ACTOR_ORGANIZATION;
    if ((ent = new_entity(x, m, m->text)) < 0)
        return AG_ENOMEM;
    if (register_key_k(x, k, ent))
        return AG_ENOMEM;
    return attach(x, mi, ent);
}

static int resolve_single(ag_extractor *x, size_t mi)
{
    ag_mention *m = &x->m[mi];
    int ent = find_key_k(x, mention_key(x, m));
    char *k;
    size_t e = 0;

    if (ent >= 0 && (x->e[ent].type == m->type || m->type == AG_ACTOR_UNKNOWN || x->e[ent].type == AG_ACTOR_UNKNOWN))
        return attach(x, mi, ent);
    /* "the Board" is the one body of the article whose name it ends, or the
     * last such body named before it, or no one */
    if (m->flags & AG_M_GENERIC) {
        size_t j, wl = strlen(m->text);
        if (ag_strmap_get(&x->by_head_word, m->text, &e) && e)
            return attach(x, mi, (int)e - 1);
        /* a bounded look back: the body meant is named nearby, and a long
         * document must not make this quadratic */
        for (j = mi; j-- > 0 && j + 200 > mi;) {
            const ag_mention *o = &x->m[j];
            const char *label;
            size_t ll;
            if (o->entity < 0 || x->e[o->entity].type != AG_ACTOR_ORGANIZATION)
                continue;
            label = x->e[o->entity].label;
            ll = strlen(label);
            if (ll > wl && label[ll - wl - 1] == ' ' && !strcmp(label + ll - wl, m->text))
                return attach(x, mi, o->entity);
        }
        return AG_OK;
    }
    k = mention_key(x, m);
    if (!k)
        return AG_ENOMEM;
    /* a surname or first name of exactly one person ("Lee" for "Lee Jae-woong") */
    if ((!(m->flags & AG_M_ACRONYM) || m->type == AG_ACTOR_PERSON) && ag_strmap_get(&x->by_name_part, k, &e)) {
        if (!e)
            return AG_OK; /* two people share the name: say nothing */
        return attach(x, mi, (int)e - 1);
    }
    /* a title alone ("Director", "Administrator") is no one's name */
    {
        uint32_t ph, len;
        if (!(m->flags & AG_M_ACRONYM) &&
            ag_lexicon__match(x->lex, x->text->tokens, m->start, m->end, 1u << AG_LX_TITLE, &ph, &len) &&
            len == m->end - m->start)
            return AG_OK;
    }
    /* after the people: "Djokovic beat Nadal" names two players */
    if (m->type == AG_ACTOR_UNKNOWN && !(m->flags & AG_M_ACRONYM) && ag_strmap_get(&x->teams, k, &e))
        m->type = AG_ACTOR_ORGANIZATION;
    /* an acronym of exactly one organization's name */
    if ((m->flags & AG_M_ACRONYM) && ag_strmap_get(&x->by_initials, m->text, &e) && e)
        return attach(x, mi, (int)e - 1);
    /* "Pioneer" for "Pioneer Natural Resources": the one organization it begins */
    if (!(m->flags & AG_M_ACRONYM) && m->type != AG_ACTOR_PERSON && ag_strmap_get(&x->by_first_word, m->text, &e) && e)
        return attach(x, mi, (int)e - 1);
    /* a one-word name the article keeps using, never as a place: a company or
     * body ("Redbox", "Tronox") */
    if (m->type == AG_ACTOR_UNKNOWN && !(m->flags & (AG_M_ACRONYM | AG_M_QUOTED)) &&
        ag_strmap_get(&x->single_count, k, &e) && e >= 2 && !ag_lexicon__has(x->lex, AG_WS_GIVEN, x->text->tokens[m->start].lower))
        m->type = AG_ACTOR_ORGANIZATION;
    /* "Halvex founder X": an office belongs to a body unless the name is a
     * person's of the article ("Biden adviser X" found "Biden" above) */
    if (m->type == AG_ACTOR_UNKNOWN && (m->flags & AG_M_OFFICE_OWNER) && !(m->flags & AG_M_QUOTED) &&
        !ag_lexicon__has(x->lex, AG_WS_GIVEN, x->text->tokens[m->start].lower))
        m->type = AG_ACTOR_ORGANIZATION;
    /* not resolved: it stands alone only with a cue saying what it is, and
     * never as a common noun that opens a sentence */
    if (m->type == AG_ACTOR_UNKNOWN && (TOK(m->start)->flags & AG_TOK_SENT_START)) {
        int rc = AG_OK, noun = common_noun_opening(x, m, &rc);
        if (rc || noun)
            return rc;
    }
    if (m->type == AG_ACTOR_UNKNOWN && followed_by_speech(x, m) && !(m->flags & AG_M_QUOTED))
        m->type = (m->flags & AG_M_ACRONYM) || speaker_pronoun(x, m) == 'i' || collective_verb(x, m)
                      ? AG_ACTOR_ORGANIZATION
                      : AG_ACTOR_PERSON;
    if (m->type == AG_ACTOR_UNKNOWN || m->type == AG_ACTOR_PLACE)
        return AG_OK;
    if ((ent = new_entity(x, m, m->text)) < 0)
        return AG_ENOMEM;
    return attach(x, mi, ent);
}

/* "South Korea's intelligence agency" is the one named organization of that
 * owner whose name has the description's words ("National Intelligence Service"). */
static int resolve_described(ag_extractor *x, size_t mi)
{
    ag_mention *m = &x->m[mi];
    size_t e, i;
    int match = -1, n = 0, ent;

    for (e = 0; e < x->n_e; e++) {
        const ag_entity *en = &x->e[e];
        int all = 1;
        if (en->type != AG_ACTOR_ORGANIZATION || en->lex_actor >= 0)
            continue;
        for (i = m->start; i + 1 < m->end; i++) {
            const char *w = TOK(i)->lower;
            size_t f, found = 0;
            for (f = 0; f < en->n_forms && !found; f++) {
                char *k = ag_name_key(en->forms[f]);
                if (!k)
                    return AG_ENOMEM;
                found = strstr(k, w) != NULL;
                free(k);
            }
            all &= found > 0;
        }
        if (all && m->end - m->start >= 2) {
            n++;
            match = (int)e;
        }
    }
    if (n == 1)
        return attach(x, mi, match);
    if ((ent = find_key_k(x, mention_key(x, m))) >= 0)
        return attach(x, mi, ent);
    /* a description names no one unless it is a state body ("South Korea's
     * spy agency"): "the Commission's legal authority" is no actor */
    if (mi == 0 || x->m[mi - 1].sent != m->sent || !(x->m[mi - 1].flags & AG_M_QUALIFIER) ||
        x->m[mi - 1].type != AG_ACTOR_COUNTRY || m->end <= m->start ||
        !(ag_lexicon__has_tok(x->lex, AG_WS_SUB_BODY, TOK(m->end - 1)) ||
          ag_lexicon__has_tok(x->lex, AG_WS_STAND_IN, TOK(m->end - 1)) ||
          (ag_lexicon__has_tok(x->lex, AG_WS_ORG_HEAD, TOK(m->end - 1)) && strcmp(TOK(m->end - 1)->lower, "party"))))
        return AG_OK; /* "Mozambique's main opposition party" is no state body */
    if ((ent = new_entity(x, m, m->text)) < 0)
        return AG_ENOMEM;
    return attach(x, mi, ent);
}

/* The last word of an office ("foreign minister" -> "minister"): "the
 * Egyptian minister" may refer back to "Egyptian Foreign Minister X". */
static const char *title_head(const ag_extractor *x, int ph)
{
    const ag_lx_phrase *p = &x->lex->phrases[ph];
    return p->lower[p->ntok - 1];
}

/* "lawmakers", "officials": many people, not the one holder of an office. */
static int plural_title(const ag_extractor *x, const ag_mention *m)
{
    const ag_token *t = &x->text->tokens[m->end - 1];
    return t->len > 3 && t->lower[t->len - 1] == 's' && t->lower[t->len - 2] != 's';
}

/* "the foreign minister": the one person the article gave that office (and
 * the same country, when the phrase names one). */
static int resolve_title(ag_extractor *x, size_t mi)
{
    const ag_mention *m = &x->m[mi];
    size_t k;
    int match = -1;

    for (k = 0; k < x->n_m; k++) {
        const ag_mention *o = &x->m[k];
        if (o->entity < 0 || (o->flags & AG_M_TITLE_REF) || o->title_ph < 0 ||
            strcmp(title_head(x, o->title_ph), title_head(x, m->title_ph)))
            continue;
        if (m->qual_lex >= 0 && o->qual_lex >= 0 && o->qual_lex != m->qual_lex)
            continue;
        if (match >= 0 && o->entity != match)
            return AG_OK; /* two holders: say nothing */
        match = o->entity;
    }
    if (match < 0 && m->qual_lex >= 0 && !plural_title(x, m)) {
        /* "summoned Belarus's ambassador": an unnamed official speaks for the country */
        size_t e;
        for (e = 0; e < x->n_e; e++)
            if (x->e[e].lex_actor == m->qual_lex) {
                match = (int)e;
                break;
            }
    }
    if (match < 0)
        return AG_OK;
    x->m[mi].entity = match;
    x->e[match].mentions++;
    return AG_OK;
}

/* A sports story names its clubs after their towns ("Liverpool", "Genk"):
 * a name that plays ("rivals X", "beat X", "a defeat to X", "X striker",
 * "X are top") is a team wherever the story uses it, and so is a name in a
 * list with one ("rivals Arsenal and Tottenham").  Countries are left to the
 * lexicon: their national sides are not actors of their own. */
static int team_cue(ag_extractor *x, const ag_mention *m)
{
    const ag_sentence *s = &x->text->sentences[m->sent];
    uint32_t first = s->first, end = s->first + s->count;

    if (m->np_start > first) {
        const ag_token *prev = TOK(m->np_start - 1);
        if (ag_extract__ws(x, AG_WS_TEAM_BEFORE, prev))
            return 1;
        /* "goals from X" names a player, "signed from X" a club */
        if (m->np_start > first + 1 && ag_extract__ws(x, AG_WS_TEAM_PREP_CUE, TOK(m->np_start - 2)) &&
            (!strcmp(prev->lower, "to") || !strcmp(prev->lower, "over") || !strcmp(prev->lower, "against") ||
             !strcmp(prev->lower, "with") || !strcmp(prev->lower, "for") ||
             (!strcmp(prev->lower, "from") && strncmp(TOK(m->np_start - 2)->lower, "goal", 4))))
            return 1;
    }
    if (m->np_end < end && ag_extract__ws(x, AG_WS_TEAM_AFTER, TOK(m->np_end)))
        return 1;
    return collective_verb(x, m);
}

static int find_teams(ag_extractor *x)
{
    size_t i, sport = 0;
    int prev_team = -1; /* the last mention found a team, for the names listed after it */

    for (i = 0; i < x->text->n_tokens && sport < 3; i++)
        sport += ag_extract__ws(x, AG_WS_SPORT_WORD, TOK(i)) != 0;
    if (sport < 3)
        return AG_OK;
    for (i = 0; i < x->n_m; i++) {
        ag_mention *m = &x->m[i];
        int team;
        char *k;
        if (m->lex_actor >= 0 || (m->type != AG_ACTOR_UNKNOWN && m->type != AG_ACTOR_ORGANIZATION) ||
            (m->flags & (AG_M_QUOTED | AG_M_DESCRIBED)))
            continue;
        team = team_cue(x, m);
        if (!team && prev_team >= 0 && x->m[prev_team].sent == m->sent && m->np_start >= 1 &&
            x->m[prev_team].np_end + 1 == m->np_start &&
            (ag_extract__is_word(TOK(m->np_start - 1), "and") || TOK(m->np_start - 1)->norm[0] == ','))
            team = 1;
        prev_team = team ? (int)i : -1;
        if (!team)
            continue;
        if (!(k = mention_key(x, m)) || ag_strmap_put(&x->teams, k, 1))
            return AG_ENOMEM;
    }
    return AG_OK;
}

/* Count the one-word names that could be organizations: not plural
 * acronyms ("POWs"), not hyphenated, never after a word of place. */
static int count_singles(ag_extractor *x)
{
    /* "of" is left out: "the capital of X" and "the takeover of X" are as common */
    static const char *const places[] = {"in", "at", "from", "near", "into", "across", "around", "outside", "inside",
                                         "to", "via", "toward", "towards", NULL};
    ag_strmap placed = AG_STRMAP_INIT;
    size_t i, n;
    int rc = AG_OK;
    /* a word that two readings of its phrase both made a mention counts once */
    unsigned char *counted = calloc(x->text->n_tokens + 1, 1);

    if (!counted)
        return AG_ENOMEM;
    for (i = 0; i < x->n_m; i++) {
        const ag_mention *m = &x->m[i];
        const ag_token *t = &x->text->tokens[m->start];
        const char *const *p;
        char *k;
        int place = 0;
        if (counted[m->start])
            continue;
        counted[m->start] = 1;
        if (!is_single(m) || m->type != AG_ACTOR_UNKNOWN || (t->flags & (AG_TOK_HYPHEN | AG_TOK_ALLCAPS)) ||
            x->text->sentences[m->sent].count <= 2 || /* a word alone on a line is a heading */
            (t->len > 2 && t->lower[t->len - 1] == 's' && (x->text->tokens[m->start].norm[t->len - 2] & 0x20) == 0))
            continue;
        /* "Muslim holy month", "Korean electronics giant": a word before a
         * lower-case noun modifies it; before a verb ("Albertsons said",
         * "Kroger agreed", "Redbox has") it may name an actor */
        if (m->end < x->text->n_tokens && m->end < x->text->sentences[m->sent].first + x->text->sentences[m->sent].count) {
            const ag_token *nx = &x->text->tokens[m->end];
            if ((nx->flags & AG_TOK_WORD) && !(nx->flags & (AG_TOK_CAP | AG_TOK_ALLCAPS | AG_TOK_NUMBER)) &&
                !(nx->len > 2 && nx->lower[nx->len - 2] == 'e' && nx->lower[nx->len - 1] == 'd') &&
                !ag_extract__ws(x, AG_WS_AUX, nx) && !ag_extract__ws(x, AG_WS_SPEECH, nx) &&
                !ag_extract__ws(x, AG_WS_SAY, nx) && !ag_extract__ws(x, AG_WS_PREP, nx) &&
                strcmp(nx->lower, "and") && strcmp(nx->lower, "or"))
                continue;
        }
        if (m->np_start > x->text->sentences[m->sent].first)
            for (p = places; *p && !place; p++)
                place = !strcmp(*p, x->text->tokens[m->np_start - 1].lower);
        if (!(k = mention_key(x, (ag_mention *)m))) {
            rc = AG_ENOMEM;
            break;
        }
        if (place) {
            if ((rc = ag_strmap_put(&placed, k, 1)))
                break;
            continue;
        }
        n = 0;
        ag_strmap_get(&x->single_count, k, &n);
        if ((rc = ag_strmap_put(&x->single_count, k, n + 1)))
            break;
    }
    /* once seen as a place, never an organization */
    for (i = 0; !rc && i < placed.cap; i++)
        if (placed.keys[i])
            rc = ag_strmap_put(&x->single_count, placed.keys[i], 0);
    ag_strmap_free(&placed);
    free(counted);
    return rc;
}

/* The one ministry or department named in the article whose name holds the
 * portfolio word of mention mi ("Interior" -> "Ministry of Interior"). */
static int portfolio_ministry(ag_extractor *x, size_t mi)
{
    const char *word = x->text->tokens[x->m[mi].portfolio].lower;
    size_t e, wl = strlen(word);
    int match = -1;

    for (e = 0; e < x->n_e; e++) {
        const ag_entity *en = &x->e[e];
        const char *l = en->label, *p;
        char low[256];
        size_t n = strlen(l), k;
        if (en->type != AG_ACTOR_ORGANIZATION || en->first_mention < 0 || n >= sizeof(low))
            continue;
        for (k = 0; k <= n; k++)
            low[k] = (l[k] >= 'A' && l[k] <= 'Z') ? (char)(l[k] + 32) : l[k];
        if (!strstr(low, "ministry") && !strstr(low, "department"))
            continue;
        for (p = strstr(low, word); p; p = strstr(p + 1, word))
            if ((p == low || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' '))
                break;
        if (!p)
            continue;
        /* "Japanese Foreign Minister X" holds no office in the South Korean ministry */
        if (x->m[mi].qual_lex >= 0) {
            const ag_lx_actor *c = &x->lex->actors[x->m[mi].qual_lex];
            if (strncmp(l, c->name, strlen(c->name)) && !(c->demonym && !strncmp(l, c->demonym, strlen(c->demonym))))
                continue;
        }
        if (match >= 0)
            return AG_OK; /* two ministries could be meant */
        match = (int)e;
    }
    if (match < 0)
        return AG_OK;
    return ag_extract__pending(x, (int)mi, x->e[match].first_mention, "role_of", "phrase.portfolio", 0.75);
}

/* Copies a name's last word to out; 1 if that word is an organization's head
 * ("Commission", "Tribunal", "Parliament"), which the article may use alone. */
static int last_word_is_head(const ag_extractor *x, const char *label, char *out, size_t cap)
{
    const char *last = strrchr(label, ' ');
    char low[32];
    size_t n;

    last = last ? last + 1 : label;
    for (n = 0; last[n] && n + 1 < sizeof(low) && n + 1 < cap; n++) {
        out[n] = last[n];
        low[n] = (char)((last[n] >= 'A' && last[n] <= 'Z') ? last[n] + 32 : last[n]);
    }
    if (last[n])
        return 0;
    out[n] = low[n] = '\0';
    return ag_lexicon__has(x->lex, AG_WS_ORG_HEAD, low) || ag_lexicon__has(x->lex, AG_WS_SUB_BODY, low);
}

/* Map key -> entity + 1, or 0 once two entities claim it. */
static int index_claim(ag_strmap *map, const char *key, size_t ent)
{
    size_t v;

    if (!key || !key[0])
        return AG_OK;
    if (ag_strmap_get(map, key, &v))
        return v == ent + 1 ? AG_OK : ag_strmap_put(map, key, 0);
    return ag_strmap_put(map, key, ent + 1);
}

/* The indexes one-word mentions are resolved against, from the names found
 * in pass 1: first and last names of people, initials and first words of
 * organizations.  One probe per mention instead of a scan of all entities. */
static int build_indexes(ag_extractor *x)
{
    size_t e, f;
    int rc;
    char ini[32];

    for (e = 0; e < x->n_e; e++) {
        const ag_entity *en = &x->e[e];
        if (en->type == AG_ACTOR_PERSON && en->last_key) {
            const char *w = strchr(en->label, ' ');
            if ((rc = index_claim(&x->by_name_part, en->last_key, e)) ||
                (rc = index_claim(&x->by_name_part, en->first_key, e)))
                return rc;
            /* the capitalized middle names too: "Lula" of "Luiz Inacio Lula da Silva" */
            while (w && (w = strchr(w + 1, ' ')) != NULL) {
                const char *start = w, *next;
                size_t n;
                while (start > en->label && start[-1] != ' ')
                    start--;
                n = (size_t)(w - start);
                next = w;
                if (n >= 2 && n < sizeof(ini) && start[0] >= 'A' && start[0] <= 'Z' && start != en->label) {
                    char *k;
                    memcpy(ini, start, n);
                    ini[n] = '\0';
                    if (!(k = arena_key(x, ini)))
                        return AG_ENOMEM;
                    if ((rc = index_claim(&x->by_name_part, k, e)))
                        return rc;
                }
                w = next;
            }
        }
        if (en->type == AG_ACTOR_ORGANIZATION || en->type == AG_ACTOR_MEDIA) {
            const char *sp = strchr(en->label, ' ');
            for (f = 0; f <= en->n_forms; f++) {
                initials(f == 0 ? en->label : en->forms[f - 1], ini, sizeof(ini));
                if (ini[0] && (rc = index_claim(&x->by_initials, ini, e)))
                    return rc;
            }
            if (sp && (size_t)(sp - en->label) < sizeof(ini)) {
                memcpy(ini, en->label, (size_t)(sp - en->label));
                ini[sp - en->label] = '\0';
                if ((rc = index_claim(&x->by_first_word, ini, e)))
                    return rc;
            }
            if (sp && en->type == AG_ACTOR_ORGANIZATION && last_word_is_head(x, en->label, ini, sizeof(ini)) &&
                (rc = index_claim(&x->by_head_word, ini, e)))
                return rc;
        }
    }
    return AG_OK;
}

/* The organization that @p e is with a country before its name ("U.S.
 * Capitol Police" -> "Capitol Police"), or -1; AG_ENOMEM as -2. */
static int country_prefixed(ag_extractor *x, size_t e)
{
    const ag_entity *en = &x->e[e];
    const ag_mention *m;
    uint32_t ph, len, from = 0;
    size_t t;

    if (en->type != AG_ACTOR_ORGANIZATION || en->lex_actor >= 0 || !en->mentions || !strchr(en->label, ' ') ||
        en->first_mention < 0)
        return -1;
    m = &x->m[en->first_mention];
    /* the country inside the mention, or as the mention just before it */
    if (ag_lexicon__match(x->lex, x->text->tokens, m->start, m->end, 1u << AG_LX_ACTOR, &ph, &len) &&
        x->lex->actors[x->lex->phrases[ph].actor].type == AG_ACTOR_COUNTRY && m->start + len + 1 < m->end)
        from = m->start + len;
    else if (en->first_mention > 0 && x->m[en->first_mention - 1].end == m->start &&
             x->m[en->first_mention - 1].type == AG_ACTOR_COUNTRY && m->end > m->start + 1)
        from = m->start;
    if (from) {
        const char *rest = ag_extract__span_text(x, from, m->end);
        char *k = rest ? arena_key(x, rest) : NULL;
        if (!k)
            return -2;
        if (ag_strmap_get(&x->entity_by_key, k, &t) && t != e && x->e[t].type == AG_ACTOR_ORGANIZATION &&
            x->e[t].mentions)
            return (int)t;
    }
    return -1;
}

/* Does @p en's name end in a word for a body inside another ("Senate
 * Judiciary Committee")?  Such a name is not the longer form of its start. */
static int sub_body_name(ag_extractor *x, const ag_entity *en)
{
    const char *sp = strrchr(en->label, ' ');
    char low[32];
    size_t n;

    if (!sp)
        return 0;
    for (n = 0; sp[1 + n] && n + 1 < sizeof(low); n++)
        low[n] = (char)((sp[1 + n] >= 'A' && sp[1 + n] <= 'Z') ? sp[1 + n] + 32 : sp[1 + n]);
    low[n] = '\0';
    return ag_lexicon__has(x->lex, AG_WS_SUB_BODY, low);
}

/* The one other entity that @p map gives for @p label's key (stored as
 * entity + 1, 0 when shared), into *other: 1 found, 0 not, -1 out of memory. */
static int other_by_key(ag_extractor *x, const ag_strmap *map, const char *label, size_t self, size_t *other)
{
    char *k = arena_key(x, label);
    size_t v;

    if (!k)
        return -1;
    if (!ag_strmap_get(map, k, &v) || !v || v - 1 == self)
        return 0;
    *other = v - 1;
    return 1;
}

/* "first last" of a person's name, from its keys, into @p out. */
static int first_last(const ag_entity *en, char *out, size_t cap)
{
    return en->first_key && en->last_key &&
           (size_t)snprintf(out, cap, "%s %s", en->first_key, en->last_key) < cap;
}

/* "former Pioneer chief executive X" made "Pioneer" a name of its own in
 * pass 1; when exactly one organization of the article begins with that word
 * ("Pioneer Natural Resources"), it is that organization.  Likewise
 * "Erling Haaland" is the one person named "Erling Braut Haaland" in full. */
static int fold_first_words(ag_extractor *x)
{
    size_t e, i, t, n_folded = 0;
    int rc = AG_OK;
    int *into = malloc((x->n_e + 1) * sizeof(int));
    ag_strmap long_names = AG_STRMAP_INIT; /* "first last" of people named with a middle name */
    ag_strmap middle_words = AG_STRMAP_INIT; /* inner words of organizations' names (+1; 0 shared) */
    ag_strmap prefixes = AG_STRMAP_INIT;     /* keys of the first words (two or more) of their names */
    char fl[256];

    int *country_of = malloc((x->n_e + 1) * sizeof(int));
    unsigned char *claims = calloc(x->n_e + 1, 1);

    if (!into || !country_of || !claims) {
        rc = AG_ENOMEM;
        goto out;
    }
    for (e = 0; e < x->n_e; e++) {
        const ag_entity *en = &x->e[e];
        const char *sp = strchr(en->label, ' ');
        if ((country_of[e] = country_prefixed(x, e)) == -2) {
            rc = AG_ENOMEM;
            goto out;
        }
        if (country_of[e] >= 0 && claims[country_of[e]] < 2)
            claims[country_of[e]]++;
        if (en->type == AG_ACTOR_ORGANIZATION && en->lex_actor < 0 && en->mentions && sp && !sub_body_name(x, en)) {
            /* its names cut after the second word and later: "Nordic Pacific"
             * of "Nordic Pacific Shipping" */
            const char *q = strchr(sp + 1, ' ');
            for (; q; q = strchr(q + 1, ' ')) {
                size_t n = (size_t)(q - en->label);
                char *k;
                if (n >= sizeof fl)
                    break;
                memcpy(fl, en->label, n);
                fl[n] = '\0';
                if (!(k = arena_key(x, fl))) {
                    rc = AG_ENOMEM;
                    goto out;
                }
                if ((rc = index_claim(&prefixes, k, e)))
                    goto out;
            }
        }
        if (en->type == AG_ACTOR_ORGANIZATION && en->mentions && sp) {
            /* the words between the first and the last, as written */
            const char *w = sp + 1, *q;
            while ((q = strchr(w, ' ')) != NULL) {
                size_t n = (size_t)(q - w);
                if (n >= 3 && n < sizeof fl && w[0] >= 'A' && w[0] <= 'Z') {
                    memcpy(fl, w, n);
                    fl[n] = '\0';
                    if ((rc = index_claim(&middle_words, fl, e)))
                        goto out;
                }
                w = q + 1;
            }
        }
        if (en->type == AG_ACTOR_PERSON && en->mentions && sp && strchr(sp + 1, ' ') &&
            first_last(en, fl, sizeof fl) && (rc = index_claim(&long_names, fl, e)))
            goto out;
        /* "van Boxmeer" of "Jean van Boxmeer": the surname with its particle */
        if (en->type == AG_ACTOR_PERSON && en->mentions && sp) {
            const char *p = sp + 1, *q;
            while ((q = strchr(p, ' ')) != NULL) {
                char part[16];
                size_t n = (size_t)(q - p);
                if (n < sizeof part && p[0] >= 'a' && p[0] <= 'z') {
                    char *k;
                    memcpy(part, p, n);
                    part[n] = '\0';
                    if (ag_lexicon__has(x->lex, AG_WS_PARTICLE, part)) {
                        if (!(k = arena_key(x, p))) {
                            rc = AG_ENOMEM;
                            goto out;
                        }
                        if ((rc = index_claim(&long_names, k, e)))
                            goto out;
                        break;
                    }
                }
                p = q + 1;
            }
        }
    }
    for (e = 0; e < x->n_e; e++) {
        ag_entity *en = &x->e[e];
        const char *sp = strchr(en->label, ' ');
        into[e] = -1;
        if (en->type == AG_ACTOR_PERSON && en->mentions && sp && !strchr(sp + 1, ' ') &&
            first_last(en, fl, sizeof fl) && ag_strmap_get(&long_names, fl, &t) && t && t - 1 != e) {
            t--;
            goto fold;
        }
        /* "U.S. Capitol Police" is the "Capitol Police" of the same article,
         * when no other country's body of that name is there too */
        if (country_of[e] >= 0 && claims[country_of[e]] == 1) {
            t = (size_t)country_of[e];
            goto fold;
        }
        {
            int found = 0;
            /* "Van Boxmeer" as a sentence opens it */
            if (en->type == AG_ACTOR_PERSON && en->mentions && sp && !strchr(sp + 1, ' '))
                found = other_by_key(x, &long_names, en->label, e, &t);
            /* "Nordic Pacific" is the "Nordic Pacific Shipping" of the article, also
             * where a headline typed it a person only by default (no first name) */
            if (!found &&
                (en->type == AG_ACTOR_ORGANIZATION ||
                 (en->type == AG_ACTOR_PERSON && en->first_mention >= 0 &&
                  !ag_lexicon__has(x->lex, AG_WS_GIVEN, TOK(x->m[en->first_mention].start)->lower) &&
                  !x->m[en->first_mention].office && x->m[en->first_mention].title_ph < 0)) &&
                en->lex_actor < 0 && en->mentions && sp)
                found = other_by_key(x, &prefixes, en->label, e, &t);
            if (found < 0) {
                rc = AG_ENOMEM;
                goto out;
            }
            if (found)
                goto fold;
        }
        if (en->type != AG_ACTOR_ORGANIZATION || en->lex_actor >= 0 || !en->mentions || strchr(en->label, ' '))
            continue;
        /* "the Tribunal" for "Competition and Consumer Protection Tribunal": the one
         * organization of the article that the head word ends */
        if (ag_strmap_get(&x->by_head_word, en->label, &t) && t && t - 1 != e) {
            t--;
            goto fold;
        }
        /* "Pacific" after "Canadian" is the "Canadian Pacific Railway" of the
         * article: the one organization with the word inside its name */
        if (ag_strmap_get(&middle_words, en->label, &t) && t && t - 1 != e) {
            t--;
            goto fold;
        }
        if (!ag_strmap_get(&x->by_first_word, en->label, &t) || !t || t - 1 == e)
            continue;
        t--;
        if (x->e[t].type != AG_ACTOR_ORGANIZATION && x->e[t].type != AG_ACTOR_MEDIA)
            continue;
        /* "Senate Judiciary Committee" is a body inside the Senate, not its name */
        if (sub_body_name(x, &x->e[t]))
            continue;
    fold:
        into[e] = (int)t;
        n_folded++;
        en->mentions = 0;
        en->named = 0;
        /* later one-word mentions find the organization, not the husk */
        if ((rc = ag_strmap_put(&x->entity_by_key, arena_key(x, en->label), t)))
            goto out;
        /* and a name part of a folded person finds where it went */
        if (en->type == AG_ACTOR_PERSON) {
            const char *parts[2] = {en->first_key, en->last_key};
            size_t p, v;
            for (p = 0; p < 2; p++)
                if (parts[p] && ag_strmap_get(&x->by_name_part, parts[p], &v) && v == e + 1 &&
                    (rc = ag_strmap_put(&x->by_name_part, parts[p], t + 1)))
                    goto out;
        }
    }
    /* one pass over the mentions for all the folds */
    for (i = 0; n_folded && i < x->n_m; i++) {
        int from = x->m[i].entity, to;
        if (from < 0 || (to = into[from]) < 0)
            continue;
        x->e[to].mentions++;
        if (x->e[to].first_mention < 0 || (int)i < x->e[to].first_mention)
            x->e[to].first_mention = (int)i;
        x->m[i].entity = to;
        x->m[i].type = x->e[to].type; /* one actor: its mentions vote one type */
        if ((rc = add_form(x, &x->e[to], x->m[i].text)))
            goto out;
    }
out:
    ag_strmap_free(&long_names);
    ag_strmap_free(&middle_words);
    ag_strmap_free(&prefixes);
    free(country_of);
    free(claims);
    free(into);
    return rc;
}

/* A line without final punctuation whose longer words are (nearly) all
 * capitalized; a caption or a sentence-case title reads like body text. */
static int title_case_headline(const ag_extractor *x, uint32_t sent)
{
    const ag_sentence *se = &x->text->sentences[sent];
    uint32_t i;
    int caps = 0, lower = 0;

    if (!se->headline)
        return 0;
    for (i = se->first; i < se->first + se->count; i++) {
        const ag_token *t = &x->text->tokens[i];
        if (!(t->flags & AG_TOK_WORD) || t->len <= 3)
            continue;
        if (t->flags & AG_TOK_CAP)
            caps++;
        else
            lower++;
    }
    return caps >= 2 && lower * 4 <= caps;
}

/* A title-case headline capitalizes every word ("Push to Keep Criminal-Justice
 * Reform Out of SCOTUS Fray"), so a name found only there is no evidence of
 * an actor unless the lexicon knows it; the body names every real one. */
static int drop_headline_only(ag_extractor *x)
{
    size_t i, ns = x->text->n_sentences;
    char *in_body = calloc(x->n_e + 1, 1), *titled = calloc(ns + 1, 1);

    if (!in_body || !titled) {
        free(in_body);
        free(titled);
        return AG_ENOMEM;
    }
    /* once per sentence, not per mention: a long line holds many names */
    for (i = 0; i < ns; i++)
        titled[i] = (char)title_case_headline(x, (uint32_t)i);
    for (i = 0; i < x->n_m; i++)
        if (x->m[i].entity >= 0 && !titled[x->m[i].sent])
            in_body[x->m[i].entity] = 1;
    for (i = 0; i < x->n_m; i++) {
        int e = x->m[i].entity;
        if (e >= 0 && !in_body[e] && x->e[e].lex_actor < 0) {
            x->m[i].entity = -1;
            x->e[e].named = 0;
            x->e[e].mentions = 0;
        }
    }
    free(in_body);
    free(titled);
    return AG_OK;
}

int ag_extract__entities(ag_extractor *x)
{
    size_t i;
    int rc;

    if ((rc = count_singles(x)) || (rc = find_teams(x)))
        return rc;

    /* 1. names that identify on their own */
    for (i = 0; i < x->n_m; i++) {
        ag_mention *m = &x->m[i];
        int ent;
        if (m->type == AG_ACTOR_PLACE || is_single(m) || (m->flags & (AG_M_DESCRIBED | AG_M_TITLE_REF)))
            continue;
        if (m->type == AG_ACTOR_UNKNOWN && m->lex_actor < 0)
            continue;
        if (m->lex_actor >= 0) {
            const char *name = x->lex->actors[m->lex_actor].name;
            ent = find_key(x, name);
            if (ent == -2 || (ent < 0 && (ent = new_entity(x, m, name)) < 0))
                return AG_ENOMEM;
            if ((rc = register_key(x, name, ent)))
                return rc;
            if ((rc = attach(x, i, ent)))
                return rc;
            continue;
        }
        /* "Silver Spoon said it will ...": two capitalized words are a person
         * only by default; a speaker that "it" follows is an organization */
        int it_speaks = m->type == AG_ACTOR_PERSON && !m->office && m->title_ph < 0 && !(m->flags & AG_M_QUOTED) &&
                        !ag_lexicon__has(x->lex, AG_WS_GIVEN, TOK(m->start)->lower) && followed_by_speech(x, m) &&
                        speaker_pronoun(x, m) == 'i';
        if (it_speaks)
            m->type = AG_ACTOR_ORGANIZATION;
        {
            char *k = mention_key(x, m);
            if (!k)
                return AG_ENOMEM;
            ent = find_key_k(x, k);
        }
        if (ent < 0 && m->alias && (ent = find_key(x, m->alias)) == -2)
            return AG_ENOMEM;
        /* the earlier mentions typed it a person only by default */
        if (it_speaks && ent >= 0 && x->e[ent].type == AG_ACTOR_PERSON)
            x->e[ent].type = AG_ACTOR_ORGANIZATION;
        if (ent >= 0 && x->e[ent].type != m->type && x->e[ent].type != AG_ACTOR_UNKNOWN)
            ent = -1;
        if (ent < 0 && (ent = new_entity(x, m, m->text)) < 0)
            return AG_ENOMEM;
        if ((rc = attach(x, i, ent)))
            return rc;
    }
    if ((rc = build_indexes(x)) || (rc = fold_first_words(x)))
        return rc;
    /* 2. one-word mentions and descriptions, against the names of the whole article */
    for (i = 0; i < x->n_m; i++) {
        ag_mention *m = &x->m[i];
        if (m->entity >= 0 || m->type == AG_ACTOR_PLACE)
            continue;
        if (m->flags & AG_M_TITLE_REF)
            continue;
        if (m->flags & AG_M_DESCRIBED)
            rc = resolve_described(x, i);
        else if (is_single(m))
            rc = resolve_single(x, i);
        else if (m->type == AG_ACTOR_UNKNOWN && m->lex_actor < 0 && !(m->flags & (AG_M_ACRONYM | AG_M_QUALIFIER)))
            rc = resolve_untyped_run(x, i);
        else
            rc = AG_OK;
        if (rc)
            return rc;
    }
    /* an untyped name used before the sentence that typed it */
    for (i = 0; i < x->n_m; i++) {
        ag_mention *m = &x->m[i];
        int ent;
        char *k;
        if (m->entity >= 0 || m->type != AG_ACTOR_UNKNOWN || m->lex_actor >= 0 || is_single(m) ||
            (m->flags & (AG_M_ACRONYM | AG_M_QUALIFIER | AG_M_DESCRIBED | AG_M_TITLE_REF)))
            continue;
        if (!(k = mention_key(x, m)))
            return AG_ENOMEM;
        if ((ent = find_key_k(x, k)) >= 0 && (rc = attach(x, i, ent)))
            return rc;
    }
    /* 3. "Interior Minister X" holds an office in the article's "Ministry of Interior" */
    for (i = 0; i < x->n_m; i++)
        if (x->m[i].portfolio >= 0 && x->m[i].entity >= 0 && x->e[x->m[i].entity].type == AG_ACTOR_PERSON &&
            (rc = portfolio_ministry(x, i)))
            return rc;
    /* 4. offices without names, once every name is known */
    for (i = 0; i < x->n_m; i++)
        if ((x->m[i].flags & AG_M_TITLE_REF) && (rc = resolve_title(x, i)))
            return rc;
    return drop_headline_only(x);
}
