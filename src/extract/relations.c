/* actorgraph: relations from trigger rules.  For each sentence, rules whose
 * trigger words match are looked up by hash of the token; the rule's pattern
 * says where its two actors stand (subject before, object after, a
 * coordinated pair, the sentence's speaker and its source). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define TOK(i) (&x->text->tokens[(i)])

int ag_extract__pending(ag_extractor *x, int a, int b, const char *relation, const char *rule, double confidence)
{
    ag_pending *p;

    if (x->n_p == x->cap_p) {
        size_t c = x->cap_p ? x->cap_p * 2 : 64;
        ag_pending *v = realloc(x->p, c * sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        x->p = v;
        x->cap_p = c;
    }
    p = &x->p[x->n_p++];
    p->a = a;
    p->b = b;
    p->relation = relation;
    p->rule = rule;
    p->confidence = confidence;
    p->sent = x->m[a].sent;
    return AG_OK;
}

static int is_actor(const ag_extractor *x, int mi)
{
    const ag_mention *m;
    ag_actor_type t;

    if (mi < 0)
        return 0;
    m = &x->m[mi];
    if (m->entity < 0)
        return 0;
    t = x->e[m->entity].type;
    return t == AG_ACTOR_PERSON || t == AG_ACTOR_ORGANIZATION || t == AG_ACTOR_COUNTRY || t == AG_ACTOR_MEDIA ||
           t == AG_ACTOR_GROUP;
}

static int prep_of(const ag_extractor *x, const ag_mention *m, const char *w)
{
    const ag_sentence *s = &x->text->sentences[m->sent];
    return m->np_start > s->first && !strcmp(TOK(m->np_start - 1)->lower, w);
}

typedef struct sent_state {
    ag_extractor *x;
    uint32_t sent, begin, end;
    size_t m0, m1;          /* mentions of the sentence */
    int prev_speaker;
    int rc;
    const ag_rule *found[16]; /* rules matching at the current token */
    size_t found_len[16], n_found, longest;
} sent_state;

static void collect(const ag_rule *r, size_t start, size_t len, void *payload)
{
    sent_state *st = payload;

    (void)start;
    if (st->n_found == 0)
        st->longest = 0;
    if (st->n_found < 16) {
        st->found[st->n_found] = r;
        st->found_len[st->n_found++] = len;
        if (len > st->longest)
            st->longest = len;
    }
}

/* The verbs that open a reported clause ("X said Y met Z"): say_verbs. */
static int is_say_verb(const ag_extractor *x, const ag_token *t)
{
    return ag_extract__ws(x, AG_WS_SAY, t);
}

/* "the cabinet intends to hold talks with Chile": walking back over the
 * verb's auxiliaries reaches a noun that is no actor, so the clause's subject
 * is not one; the actor further left belongs to another clause. */
static int subject_is_not_an_actor(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    uint32_t i = pos, walked = 0;
    size_t k;
    const ag_token *t;

    while (i > st->begin) {
        if (!ag_extract__ws(x, AG_WS_AUX, TOK(i - 1)))
            break;
        i--;
        walked++;
    }
    if (!walked || i == st->begin)
        return 0;
    for (k = st->m0; k < st->m1; k++)
        if (x->m[k].np_end == i || x->m[k].end == i)
            return 0;
    t = TOK(i - 1);
    if (t->norm[0] == ')' && t->len == 1)
        return 1;
    /* a noun with its determiner ("our government", "the company"), not a verb ("pledged to") */
    if (i < st->begin + 2 || !(ag_extract__ws(x, AG_WS_DET, TOK(i - 2)) ||
                               ag_extract__ws(x, AG_WS_PRONOUN, TOK(i - 2))))
        return 0;
    return (t->flags & AG_TOK_WORD) && !(t->flags & AG_TOK_CAP) && !(t->flags & AG_TOK_NUMBER) &&
           strcmp(t->lower, "and") && strcmp(t->lower, "but") && strcmp(t->lower, "that") && strcmp(t->lower, "who") &&
           strcmp(t->lower, "which") && strcmp(t->lower, "he") && strcmp(t->lower, "she") && strcmp(t->lower, "it") &&
           strcmp(t->lower, "they") && strcmp(t->lower, "also") && strcmp(t->lower, "not");
}

static int says_then_pronoun(const sent_state *st, uint32_t i, uint32_t pos)
{
    const ag_extractor *x = st->x;
    uint32_t j = i + 1, k;

    while (j < pos && (TOK(j)->flags & AG_TOK_PUNCT))
        j++;
    if (j == pos)
        return 1;
    /* "said in a statement carried by NHK that it had lodged a protest" */
    for (k = j; k + 1 < pos && k < j + 12; k++)
        if (!strcmp(TOK(k)->lower, "that") && (!strcmp(TOK(k + 1)->lower, "it") || !strcmp(TOK(k + 1)->lower, "he") ||
                                              !strcmp(TOK(k + 1)->lower, "she") || !strcmp(TOK(k + 1)->lower, "they")))
            return 1;
    if (j < pos && !strcmp(TOK(j)->lower, "that"))
        j++;
    return j < pos && (!strcmp(TOK(j)->lower, "it") || !strcmp(TOK(j)->lower, "he") || !strcmp(TOK(j)->lower, "she") ||
                       !strcmp(TOK(j)->lower, "they") || !strcmp(TOK(j)->lower, "we"));
}

/* Is the phrase the object of a verb ("Peru detained three Chilean
 * soldiers")?  Then it is no subject for a later trigger. */
static int in_object_position(const sent_state *st, const ag_mention *m)
{
    const ag_extractor *x = st->x;
    const ag_token *t;

    uint32_t b = m->np_start;

    /* "former", "senior", "acting" belong to the phrase */
    while (b > st->begin && ag_extract__ws(x, AG_WS_TITLE_MOD, TOK(b - 1)))
        b--;
    if (b <= st->begin)
        return 0;
    t = TOK(b - 1);
    if (!(t->flags & AG_TOK_WORD) || (t->flags & (AG_TOK_CAP | AG_TOK_NUMBER)))
        return 0;
    if (ag_extract__ws(x, AG_WS_OPENER, t))
        return 0;
    if (is_say_verb(x, t) || ag_extract__ws(x, AG_WS_SPEECH, t))
        return 0;
    return 1;
}

/* Nearest actor before token pos that can be a clause subject. */
static int find_subject(const sent_state *st, uint32_t pos, int skip_entity)
{
    const ag_extractor *x = st->x;
    size_t k;
    uint32_t i;

    if (subject_is_not_an_actor(st, pos))
        return -1;
    /* "Venezuela, which broke all ties with Colombia": the relative pronoun's antecedent */
    {
        uint32_t j = pos;
        while (j > st->begin && ag_extract__ws(x, AG_WS_AUX, TOK(j - 1)))
            j--;
        if (j >= st->begin + 2 && (!strcmp(TOK(j - 1)->lower, "which") || !strcmp(TOK(j - 1)->lower, "who")) &&
            TOK(j - 2)->norm[0] == ',')
            for (k = st->m1; k > st->m0; k--) {
                const ag_mention *m = &x->m[k - 1];
                if (m->np_end == j - 2 && is_actor(x, (int)(k - 1)) && !(m->flags & AG_M_QUALIFIER) &&
                    (skip_entity < 0 || m->entity != skip_entity))
                    return (int)(k - 1);
            }
    }

    for (k = st->m1; k > st->m0; k--) {
        const ag_mention *m = &x->m[k - 1];
        if (m->end > pos || (m->flags & AG_M_QUALIFIER) || !is_actor(x, (int)(k - 1)))
            continue;
        if (m->np_end < pos && pos - m->np_end > 24)
            return -1;
        /* "deployed by North Korea to support Russia": the agent of a passive
         * is the subject of what follows it at once, not of a later verb */
        if ((m->flags & AG_M_PREP) && (!prep_of(x, m, "by") || (m->np_end < pos && pos - m->np_end > 2)))
            continue;
        if (skip_entity >= 0 && m->entity == skip_entity)
            continue;
        if (in_object_position(st, m))
            continue;
        /* another verb of saying in between has its own subject, unless a
         * pronoun takes it up ("China said it would retaliate") or the
         * trigger follows it ("the Times reported, citing") */
        for (i = m->np_end; i + 1 < pos; i++)
            if (is_say_verb(x, TOK(i)) && !says_then_pronoun(st, i, pos))
                return -1;
        return (int)(k - 1);
    }
    return -1;
}

/* "its planned acquisition of": a noun owned by the clause's subject. */
static int after_possessive_pronoun(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    uint32_t i;

    for (i = pos; i > st->begin && i + 3 > pos; i--) {
        const char *w = TOK(i - 1)->lower;
        size_t n = strlen(w);
        if (!strcmp(w, "its") || !strcmp(w, "their") || !strcmp(w, "his") || !strcmp(w, "her"))
            return 1;
        /* "after confirming the sacking of X", "completed the acquisition of":
         * the noun is the object of the clause's verb */
        if (!strcmp(w, "the") && i - 1 > st->begin && (TOK(i - 2)->flags & AG_TOK_WORD) &&
            !(TOK(i - 2)->flags & AG_TOK_CAP) &&
            ((n = TOK(i - 2)->len) > 4 && (!strcmp(TOK(i - 2)->lower + n - 3, "ing") ||
                                           !strcmp(TOK(i - 2)->lower + n - 2, "ed"))))
            return 1;
        if (!(TOK(i - 1)->flags & AG_TOK_WORD) || (TOK(i - 1)->flags & AG_TOK_CAP))
            return 0;
    }
    return 0;
}

/* "in a call with", "during talks with", "after a meeting with": a noun
 * trigger in a phrase of time or manner, whose subject is the sentence's. */
static int in_a_phrase(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    uint32_t i = pos;

    while (i > st->begin && i + 3 > pos && ag_extract__ws(x, AG_WS_DET, TOK(i - 1)))
        i--;
    while (i > st->begin && i + 4 > pos && (TOK(i - 1)->flags & AG_TOK_WORD) && !(TOK(i - 1)->flags & AG_TOK_CAP) &&
           ag_extract__ws(x, AG_WS_FILLER, TOK(i - 1)))
        i--;
    if (i == st->begin)
        return 0;
    return !strcmp(TOK(i - 1)->lower, "in") || !strcmp(TOK(i - 1)->lower, "during") ||
           !strcmp(TOK(i - 1)->lower, "after") || !strcmp(TOK(i - 1)->lower, "following");
}

/* "Russia's invasion of Ukraine", "China's backing of Moscow": the owner of
 * a noun trigger, right before it, is its subject. */
static int owner_before(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    size_t k;

    if (pos > st->begin && (TOK(pos - 1)->flags & AG_TOK_POSS)) {
        /* "of Russia's invasion": the name right before the 's, whatever
         * phrase the chunker grew around it */
        for (k = st->m1; k > st->m0; k--) {
            const ag_mention *m = &x->m[k - 1];
            if (m->end == pos - 1 && is_actor(x, (int)(k - 1)))
                return (int)(k - 1);
            if (m->end < pos - 1)
                break;
        }
        return -1;
    }
    for (k = st->m1; k > st->m0; k--) {
        const ag_mention *m = &x->m[k - 1];
        if (m->np_end == pos && m->end < pos && is_actor(x, (int)(k - 1)) && !(m->flags & AG_M_QUALIFIER) &&
            (TOK(m->end)->flags & AG_TOK_POSS))
            return (int)(k - 1);
        if (m->np_end < pos)
            break;
    }
    return -1;
}

/* "a Russian drone attack on Kyiv", "Israeli airstrikes on Beirut": the
 * nationality before an attack noun is its subject, across at most three
 * lower-case modifiers. */
static int demonym_before(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    size_t k;

    for (k = st->m1; k > st->m0; k--) {
        const ag_mention *m = &x->m[k - 1];
        uint32_t j;
        if (m->end > pos)
            continue;
        if (!(m->flags & AG_M_DEMONYM) || pos - m->end > 3)
            return -1;
        for (j = m->end; j < pos; j++)
            if (!(TOK(j)->flags & AG_TOK_WORD) || (TOK(j)->flags & AG_TOK_CAP) ||
                ag_extract__ws(x, AG_WS_PREP, TOK(j)) || ag_extract__ws(x, AG_WS_DET, TOK(j)))
                return -1;
        return (int)(k - 1);
    }
    return -1;
}

static int find_object(const sent_state *st, uint32_t pos, int max_gap);

/* "the invasion of Ukraine by Russia", "the sale of USS to Nippon": with no
 * owner, the actor after the noun's object can stand as its subject. */
static int agent_after(const sent_state *st, int o, const char *relation)
{
    const ag_extractor *x = st->x;
    uint32_t p = x->m[o].np_end > x->m[o].end ? x->m[o].np_end : x->m[o].end;
    const char *w;

    if (p + 1 >= st->end)
        return -1;
    w = TOK(p)->lower;
    if (!strcmp(w, "by") || (!strcmp(relation, "cooperates_with") && (!strcmp(w, "to") || !strcmp(w, "with"))))
        return find_object(st, p + 1, 2);
    return -1;
}

/* "accused him of": the one person, other than the subject, named earlier in
 * the sentence or in the one before. */
static int pronoun_object(const sent_state *st, uint32_t pos, int subject)
{
    const ag_extractor *x = st->x;
    size_t k, m0 = st->sent > 0 ? x->sent_first[st->sent - 1] : st->m0;
    int found = -1, entity = -1;

    for (k = m0; k < st->m1; k++) {
        const ag_mention *m = &x->m[k];
        if (m->start >= pos && k >= st->m0)
            break;
        if (!is_actor(x, (int)k) || x->e[m->entity].type != AG_ACTOR_PERSON || m->entity == x->m[subject].entity)
            continue;
        if (entity >= 0 && m->entity != entity)
            return -1;
        entity = m->entity;
        found = (int)k;
    }
    return found;
}

/* "He told CNN": a he or she just before the trigger stands for the one
 * person named in the previous sentence, when there is exactly one. */
static int pronoun_subject(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    uint32_t i = pos > st->begin + 4 ? pos - 4 : st->begin;
    size_t k, m0;
    int found = -1, entity = -1;

    for (; i < pos; i++)
        if (!strcmp(TOK(i)->lower, "he") || !strcmp(TOK(i)->lower, "she"))
            break;
    if (i >= pos || st->sent == 0)
        return -1;
    for (k = st->m0; k < st->m1; k++)
        if (x->m[k].end <= pos && x->m[k].start >= i && is_actor(x, (int)k))
            return -1; /* a name stands between the pronoun and the trigger */
    m0 = x->sent_first[st->sent - 1];
    for (k = m0; k < st->m0; k++) {
        const ag_mention *m = &x->m[k];
        if (!is_actor(x, (int)k) || x->e[m->entity].type != AG_ACTOR_PERSON)
            continue;
        if (entity >= 0 && m->entity != entity)
            return -1;
        entity = m->entity;
        if (found < 0 || !(m->flags & AG_M_QUALIFIER))
            found = (int)k;
    }
    return found;
}

/* First actor whose phrase starts within max_gap tokens after pos. */
static int find_object_p(const sent_state *st, uint32_t pos, int max_gap, const char *obj_prep)
{
    const ag_extractor *x = st->x;
    size_t k;

    uint32_t i;

    for (k = st->m0; k < st->m1; k++) {
        const ag_mention *m = &x->m[k];
        if (m->np_start < pos || (m->flags & AG_M_QUALIFIER))
            continue;
        if (m->np_start - pos > (uint32_t)max_gap)
            return -1;
        /* a clause or quotation boundary in between: the phrase is not this trigger's */
        for (i = pos; i < m->np_start; i++)
            if ((TOK(i)->flags & AG_TOK_PUNCT) && TOK(i)->norm[0] != '-' && TOK(i)->norm[0] != '(' &&
                TOK(i)->norm[0] != '$' && !((TOK(i)->flags & AG_TOK_QUOTE) && i + 1 == m->np_start))
                return -1;
        if (!is_actor(x, (int)k))
            continue;
        /* "captured in Ukraine": behind its own preposition, not the verb's object,
         * unless the rule names it ("provided shells to Poland") */
        if ((m->flags & AG_M_PREP) && m->np_start != pos &&
            !(obj_prep && m->np_start > 0 && !strcmp(TOK(m->np_start - 1)->lower, obj_prep)))
            continue;
        return (int)k;
    }
    return -1;
}

static int find_object(const sent_state *st, uint32_t pos, int max_gap)
{
    return find_object_p(st, pos, max_gap, NULL);
}

/* The members of the coordination that mention mi belongs to. */
static size_t group_of(const sent_state *st, int mi, int *out, size_t cap)
{
    const ag_extractor *x = st->x;
    int head = mi, changed = 1;
    size_t n = 0, k;

    while (changed) {
        changed = 0;
        for (k = st->m0; k < st->m1; k++)
            if (x->m[k].coord == head) {
                head = (int)k;
                changed = 1;
                break;
            }
    }
    for (; head >= 0 && n < cap; head = x->m[head].coord)
        if (is_actor(x, head))
            out[n++] = head;
    return n;
}

static int negated(const sent_state *st, uint32_t start)
{
    const ag_extractor *x = st->x;
    uint32_t i, j, clause;

    /* "ruled out talks with", "rejected reports that X had met Y": a
     * negating verb earlier in the clause (negation_cues) */
    /* the clause only: a cue before "and", "but" or a comma negates another verb */
    j = start;
    while (j > st->begin && j + 8 > start && strcmp(TOK(j - 1)->lower, "and") && strcmp(TOK(j - 1)->lower, "but") &&
           strcmp(TOK(j - 1)->lower, ",") && strcmp(TOK(j - 1)->lower, ";"))
        j--;
    clause = j;
    /* "not", "no" within a few words of the trigger, in its clause ("had no
     * plans to send troops to") */
    i = start > clause + 5 ? start - 5 : clause;
    for (; j < start; j++) {
        if ((TOK(j)->flags & AG_TOK_PUNCT) && TOK(j)->norm[0] != '-')
            continue;
        if (ag_extract__ws(x, AG_WS_NEGATION, TOK(j)) ||
            (j + 1 < start && !strcmp(TOK(j)->lower, "ruled") && !strcmp(TOK(j + 1)->lower, "out")) ||
            (j + 1 < start && !strcmp(TOK(j)->lower, "called") && !strcmp(TOK(j + 1)->lower, "off")))
            return 1;
    }
    for (; i < start; i++) {
        const char *w = TOK(i)->lower;
        size_t n = strlen(w);
        if (!strcmp(w, "not") || !strcmp(w, "never") || !strcmp(w, "no") || !strcmp(w, "refused") ||
            !strcmp(w, "declined") || !strcmp(w, "without") || !strcmp(w, "nor") ||
            (n > 3 && !strcmp(w + n - 3, "n't")))
            return 1;
    }
    return 0;
}

static int type_ok(const ag_extractor *x, uint32_t mask, int mi)
{
    return !mask || (mask & (1u << x->e[x->m[mi].entity].type));
}

static void relate(sent_state *st, int a, int b, const char *relation, const ag_rule *r)
{
    ag_extractor *x = st->x;

    if (st->rc || a < 0 || b < 0 || x->m[a].entity == x->m[b].entity)
        return;
    st->rc = ag_extract__pending(x, a, b, relation, r->id, r->confidence);
    if (!st->rc)
        x->p[x->n_p - 1].sent = st->sent;
}

static int demands_to_stop(const sent_state *st, uint32_t from)
{
    const ag_extractor *x = st->x;
    uint32_t i;

    for (i = from; i < st->end && i < from + 6; i++)
        if (ag_extract__ws(x, AG_WS_STOP_VERB, TOK(i)))
            return 1;
    return 0;
}

/* The mention that speaks in the sentence: the subject of a speech verb, or
 * else the first actor standing as a subject. */
static int sentence_speaker(const sent_state *st, int exclude_from, int exclude_to)
{
    const ag_extractor *x = st->x;
    uint32_t i;
    size_t k;

    for (i = st->begin; i < st->end; i++) {
        /* '"... the ministry told her ...," Sanders said': the speaker is outside the quotation */
        if ((TOK(i)->flags & AG_TOK_QUOTED) || !ag_extract__ws(x, AG_WS_SPEECH, TOK(i)))
            continue;
        if (i > st->begin && (TOK(i - 1)->flags & (AG_TOK_QUOTE | AG_TOK_PUNCT))) {
            int o = find_object(st, i + 1, 4);
            if (o >= 0 && (o < exclude_from || o >= exclude_to))
                return o;
        }
        {
            int s = find_subject(st, i, -1);
            if (s >= 0 && (s < exclude_from || s >= exclude_to))
                return s;
        }
    }
    for (k = st->m0; k < st->m1; k++) {
        const ag_mention *m = &x->m[k];
        if ((m->flags & (AG_M_QUALIFIER | AG_M_QUOTED)) || !is_actor(x, (int)k))
            continue;
        if ((int)k >= exclude_from && (int)k < exclude_to)
            continue;
        if (m->flags & AG_M_PREP)
            continue;
        return (int)k;
    }
    return -1;
}

/* Does an actor's phrase open at token @p pos ("to Iran", "to the UN")? */
static int mention_starts_at(const sent_state *st, uint32_t pos)
{
    const ag_extractor *x = st->x;
    size_t k;

    if (pos < st->end && !strcmp(TOK(pos)->lower, "the"))
        pos++;
    for (k = st->m0; k < st->m1; k++)
        if ((x->m[k].np_start == pos || x->m[k].start == pos) && is_actor(x, (int)k))
            return 1;
    return 0;
}

static void fire(const ag_rule *r, size_t start, size_t len, void *payload)
{
    sent_state *st = payload;
    ag_extractor *x = st->x;
    uint32_t tstart = (uint32_t)start, tend = (uint32_t)(start + len);
    int subj[8], obj[8];
    size_t ns = 0, no = 0, i, j;
    size_t k;

    if (st->rc)
        return;
    /* a trigger inside a name ("Defense Agreement Commission") is not a trigger */
    for (k = st->m0; k < st->m1; k++)
        if (x->m[k].start < tend && x->m[k].end > tstart)
            return;
    if (negated(st, tstart))
        return;
    if (r->pattern == AG_PAT_SVO && !r->passive && tstart > st->begin) {
        const char *w = TOK(tstart - 1)->lower;
        size_t n = strlen(r->words[0]);
        if (n > 2 && !strcmp(r->words[0] + n - 2, "ed") &&
            (!strcmp(w, "the") || !strcmp(w, "that") || !strcmp(w, "a") || !strcmp(w, "two") || !strcmp(w, "of") ||
             !strcmp(w, "any") || !strcmp(w, "all") || !strcmp(w, "some") || !strcmp(w, "several") ||
             !strcmp(w, "many") || !strcmp(w, "more") || !strcmp(w, "recently") || !strcmp(w, "previously") ||
             !strcmp(w, "newly") || !strcmp(w, "those") || !strcmp(w, "these") || (TOK(tstart - 1)->flags & AG_TOK_NUMBER) ||
             is_say_verb(x, TOK(tstart - 1)) || ag_extract__ws(x, AG_WS_SPEECH, TOK(tstart - 1))))
            return; /* "the captured soldiers", "Kirby said captured troops ...": an adjective */
        if (n > 2 && !strcmp(r->words[0] + n - 2, "ed") &&
            (!strcmp(w, "'s") || !strcmp(w, "\xe2\x80\x99s") || !strcmp(w, "his") || !strcmp(w, "her") ||
             !strcmp(w, "its") || !strcmp(w, "their") || !strcmp(w, "our") || !strcmp(w, "with") ||
             !strcmp(w, "for") || !strcmp(w, "against") || !strcmp(w, "about") || !strcmp(w, "by")))
            return; /* "Chad's ousted leader", "talks with detained activists": an adjective */
        if (n > 2 && !strcmp(r->words[0] + n - 2, "ed") && r->ntok == 1 &&
            (!strcmp(w, "was") || !strcmp(w, "were") || !strcmp(w, "been") || !strcmp(w, "being") ||
             !strcmp(w, "is") || !strcmp(w, "are") || !strcmp(w, "be")))
            return; /* "X was informed Y had ...": a passive, its subject is the patient */
    }
    /* "sought to block X", "asked to meet X": an intention, not a request
     * made of X (an appeal names its addressee: "appealed to X") */
    if (!strcmp(r->relation, "requests_from") && tend + 1 < st->end && !strcmp(TOK(tend)->lower, "to") &&
        !mention_starts_at(st, tend + 1))
        return;
    if (x->opts && x->opts->explain) {
        char line[256];
        snprintf(line, sizeof(line), "  trigger %s (%s) at token %u", r->id, r->relation, tstart - st->begin);
        x->opts->explain(line, x->opts->explain_payload);
    }
    switch (r->pattern) {
    case AG_PAT_SVO: {
        int s, o;
        if (r->passive) {
            /* "soldiers captured by Kyiv": the patient stands right before the trigger */
            o = find_object(st, tend, r->max_gap);
            s = -1;
            for (k = st->m1; k > st->m0; k--) {
                const ag_mention *m = &x->m[k - 1];
                if (m->np_end == tstart && is_actor(x, (int)(k - 1)) && !(m->flags & AG_M_QUALIFIER)) {
                    s = (int)(k - 1);
                    break;
                }
            }
            if (s < 0 && tstart >= st->begin + 2) {
                /* "X was captured by", "Nepal's new airport in Pokhara was financed by":
                 * the nearest subject-like actor before the auxiliary */
                uint32_t be = tstart;
                while (be > st->begin && ag_extract__ws(x, AG_WS_AUX, TOK(be - 1)))
                    be--;
                for (k = st->m1; k > st->m0 && be < tstart; k--) {
                    const ag_mention *m = &x->m[k - 1];
                    if (m->np_end > be || !is_actor(x, (int)(k - 1)) || (m->flags & AG_M_QUALIFIER))
                        continue;
                    if (be - m->np_end > 6)
                        break;
                    if (m->flags & AG_M_PREP)
                        continue;
                    s = (int)(k - 1);
                    break;
                }
            }
            if (s < 0 || o < 0)
                return;
            /* the agent is the relation's source */
            ns = group_of(st, o, subj, 8);
            no = group_of(st, s, obj, 8);
        } else {
            o = find_object_p(st, tend, r->max_gap, r->object_prep);
            s = owner_before(st, tstart);
            if (s < 0 && r->nationality)
                s = demonym_before(st, tstart);
            if (s < 0 && r->noun && o >= 0)
                s = agent_after(st, o, r->relation);
            if (s < 0 && r->noun && !after_possessive_pronoun(st, tstart))
                return; /* "the sale of X": no owner, no subject ("its acquisition of": the subject's) */
            if (s < 0)
                s = find_subject(st, tstart, -1);
            if (s < 0)
                s = pronoun_subject(st, tstart);
            if (s < 0 && in_a_phrase(st, tstart))
                s = sentence_speaker(st, o, o + 1); /* "X said that in a call with Y, ..." */
            if (o < 0 && s >= 0 && tend < st->end &&
                (!strcmp(TOK(tend)->lower, "him") || !strcmp(TOK(tend)->lower, "her")))
                o = pronoun_object(st, tend, s); /* "Odinga accused him of ..." */
            if (o < 0 && s >= (int)st->m0 && tend + 1 < st->end &&
                ((!strcmp(TOK(tend)->lower, "each") && !strcmp(TOK(tend + 1)->lower, "other")) ||
                 (!strcmp(TOK(tend)->lower, "one") && !strcmp(TOK(tend + 1)->lower, "another")))) {
                /* "Turkey and Greece accused each other" */
                ns = group_of(st, s, subj, 8);
                for (i = 0; i < ns; i++)
                    for (j = i + 1; j < ns; j++)
                        relate(st, subj[i], subj[j], r->relation, r);
                return;
            }
            if (o < 0 && r->object_previous && st->prev_speaker >= 0)
                o = st->prev_speaker;
            if (s >= 0 && o >= 0 && x->m[s].entity == x->m[o].entity)
                s = find_subject(st, tstart, x->m[o].entity);
            if (s < 0 || o < 0)
                return;
            if (s < (int)st->m0) {
                subj[0] = s;
                ns = 1;
            } else {
                ns = group_of(st, s, subj, 8);
            }
            if (o == st->prev_speaker && (o < (int)st->m0 || o >= (int)st->m1)) {
                obj[0] = o;
                no = 1;
            } else {
                no = group_of(st, o, obj, 8);
            }
        }
        for (i = 0; i < ns; i++)
            for (j = 0; j < no; j++) {
                const char *rel = r->relation;
                if (!type_ok(x, r->subject_types, subj[i]) || !type_ok(x, r->object_types, obj[j]))
                    continue;
                /* "X told CNN": an outlet told is an outlet quoting */
                if (!strcmp(rel, "told") && x->e[x->m[obj[j]].entity].type == AG_ACTOR_MEDIA)
                    rel = "quoted_by";
                /* "urged Manila to cease its provocations": a demand to stop is opposition */
                if (!strcmp(rel, "requests_from") && demands_to_stop(st, x->m[obj[j]].np_end))
                    rel = "opposes";
                relate(st, subj[i], obj[j], rel, r);
            }
        break;
    }
    case AG_PAT_SUBJECT_ONLY: {
        int g = -1;
        /* "X and Y held talks with Z": one side, not a pair ("urged A and
         * B to hold talks with the unions") */
        if (tend < st->end && !strcmp(TOK(tend)->lower, "with"))
            return;
        if (!strcmp(r->words[r->ntok - 1], "between")) {
            g = find_object(st, tend, 6);
        } else {
            for (k = st->m1; k > st->m0; k--) {
                const ag_mention *m = &x->m[k - 1];
                int tmp[8];
                if (m->end > tstart || (m->flags & (AG_M_QUALIFIER | AG_M_PREP)) || !is_actor(x, (int)(k - 1)))
                    continue;
                if (group_of(st, (int)(k - 1), tmp, 8) >= 2) {
                    g = (int)(k - 1);
                    break;
                }
            }
        }
        if (g < 0)
            return;
        ns = group_of(st, g, subj, 8);
        for (i = 0; i < ns; i++)
            for (j = i + 1; j < ns; j++)
                relate(st, subj[i], subj[j], r->relation, r);
        break;
    }
    case AG_PAT_ATTRIBUTION: {
        int src = find_object(st, tend, r->max_gap < 4 ? r->max_gap : 4), sp;
        if (src < 0 || !type_ok(x, r->object_types, src))
            return;
        sp = sentence_speaker(st, src, src + 1);
        if (sp >= 0)
            relate(st, sp, src, "quoted_by", r);
        break;
    }
    case AG_PAT_CITING: {
        int rep = find_subject(st, tstart, -1), cited = find_object(st, tend, 4);
        if (rep < 0 || cited < 0)
            return;
        relate(st, cited, rep, "quoted_by", r);
        break;
    }
    case AG_PAT_REPORTED: {
        int rep = -1, sp;
        for (k = st->m1; k > st->m0; k--) {
            const ag_mention *m = &x->m[k - 1];
            if (m->np_end <= tstart && m->np_end + 3 >= tstart && is_actor(x, (int)(k - 1)) &&
                !(m->flags & AG_M_QUALIFIER)) {
                rep = (int)(k - 1);
                break;
            }
        }
        if (rep < 0 || !type_ok(x, r->subject_types, rep))
            return;
        sp = sentence_speaker(st, rep, rep + 1);
        if (sp >= 0 && sp < rep)
            relate(st, sp, rep, "quoted_by", r);
        break;
    }
    }
}

static int has_pronoun(const sent_state *st)
{
    const ag_extractor *x = st->x;
    uint32_t i;

    for (i = st->begin; i < st->end; i++)
        if (!strcmp(TOK(i)->lower, "he") || !strcmp(TOK(i)->lower, "she"))
            return 1;
    return 0;
}

int ag_extract__relations(ag_extractor *x)
{
    const ag_text *t = x->text;
    size_t s;
    int prev = -1;

    x->speaker = malloc((t->n_sentences + 1) * sizeof(int));
    if (!x->speaker)
        return AG_ENOMEM;
    for (s = 0; s < t->n_sentences; s++) {
        const ag_sentence *se = &t->sentences[s];
        sent_state st;
        uint32_t i, covered_to = 0;

        memset(&st, 0, sizeof(st));
        st.x = x;
        st.sent = (uint32_t)s;
        st.begin = se->first;
        st.end = se->first + se->count;
        st.m0 = x->sent_first[s];
        st.m1 = x->sent_first[s + 1];
        st.prev_speaker = prev;

        /* the previous sentence's source is only a fallback within a paragraph or the next one */
        if (s > 0 && se->paragraph > t->sentences[s - 1].paragraph + 1)
            st.prev_speaker = -1;
        /* no actor in the sentence and no pronoun to stand for one: no rule can fire */
        if (st.m0 == st.m1 && !has_pronoun(&st)) {
            x->speaker[s] = -1;
            prev = -1;
            continue;
        }
        for (i = st.begin; i < st.end; i++) {
            size_t k, before;
            if (TOK(i)->flags & AG_TOK_PUNCT && !(TOK(i)->norm[0] == '-'))
                continue;
            if (i < covered_to)
                continue; /* inside a longer trigger that fired: "as reported by" holds "reported" */
            st.n_found = 0;
            /* most words start no trigger; prefix triggers ("collaborat*") are few */
            if (!ag_extract__ws(x, AG_WS_RULE_START, TOK(i)) && !x->lex->prefix_first[(unsigned char)TOK(i)->lower[0]])
                continue;
            ag_lexicon__rules_at(x->lex, t->tokens, i, st.end, collect, &st);
            /* the longest trigger at a position wins: "captured by" over "captured" */
            before = x->n_p;
            for (k = 0; k < st.n_found; k++)
                if (st.found_len[k] == st.longest)
                    fire(st.found[k], i, st.longest, &st);
            /* a longer trigger that stated something covers the shorter ones
             * inside it; one that found no actors ("hold talks" without a
             * pair) leaves them their chance ("talks with") */
            if (x->n_p > before && i + st.longest > covered_to)
                covered_to = i + (uint32_t)st.longest;
            if (st.rc)
                return st.rc;
        }
        x->speaker[s] = sentence_speaker(&st, -1, -1);
        prev = x->speaker[s];
    }
    return AG_OK;
}
