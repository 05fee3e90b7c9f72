/* actorgraph: relations read off the dependency parse.  Each sentence that
 * names two different actors is tagged and parsed;
 * every word whose lemma triggers a rule follows the rule's paths to its
 * actors, through conjuncts, appositions, relative pronouns and controlled
 * or shared subjects, and passives swap the roles. */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/nlp.h"
#include "extract_internal.h"

#define TOK(i) (&x->text->tokens[(i)])
/* the token of word w of the sentence being parsed */
#define DTOK(d, w) (&(d)->x->text->tokens[(d)->first + (uint32_t)(w)])
#define MAX_FOUND 16

typedef struct dep_sent {
    ag_extractor *x;
    const ag_nlp_model *model;
    ag_nlp_sentence *s;
    uint32_t sent, first;    /* sentence index, its first token */
    size_t n;
    int *first_child, *next_sibling; /* children in word order; -1 ends */
    int *mention;            /* per word: an actor mention covering it, or -1 */
    int *case_child;         /* per word: its first "case" dependent, or -1 */
    int *antecedent;         /* per third-person pronoun: the one actor earlier in the sentence it can mean, or -1 */
    int rc;
    int trig;                /* the word whose rules are firing */
    int root;                /* the word that heads the sentence, or -1 */
    struct pending_index *index;
    size_t first_new;        /* the pendings this sentence's rules added start here */
} dep_sent;

/* The phrase and surface rules' relations by sentence, and the article's
 * affiliations by actor, so that checking a pair costs the sentence's
 * relations, not the article's. */
typedef struct pending_index {
    size_t *sent_start;      /* [n_sentences + 1] into order */
    uint32_t *order;         /* pending indices, by sentence */
    uint64_t *aff;           /* (entity << 32 | entity), both ways, sorted */
    size_t n_aff, cap_aff;
} pending_index;

typedef struct found {
    int v[MAX_FOUND];
    int n;
} found;

static const char *rel_of(const dep_sent *d, int w)
{
    return ag_nlp_deprel_name(d->model, d->s->deprels[w]);
}

static const char *lower_of(const dep_sent *d, int w)
{
    return DTOK(d, w)->lower;
}

/* Is word w, by its lemma or its form, in the set? */
static int word_in(const dep_sent *d, int w, ag_wordset set)
{
    return ag_lexicon__has(d->x->lex, set, d->s->lemmas[w]) || ag_extract__ws(d->x, set, DTOK(d, w));
}

static int in_set(const dep_sent *d, int w, const ag_dep_step *st)
{
    int in;

    if (st->set < 0)
        return 1;
    in = word_in(d, w, (ag_wordset)st->set);
    return st->set_negated ? !in : in;
}

static int is_actor_mention(const ag_extractor *x, int mi)
{
    ag_actor_type t;

    if (mi < 0 || x->m[mi].entity < 0)
        return 0;
    t = x->e[x->m[mi].entity].type;
    return t == AG_ACTOR_PERSON || t == AG_ACTOR_ORGANIZATION || t == AG_ACTOR_COUNTRY || t == AG_ACTOR_MEDIA ||
           t == AG_ACTOR_GROUP;
}

static void found_add(found *f, int mi)
{
    int i;

    for (i = 0; i < f->n; i++)
        if (f->v[i] == mi)
            return;
    if (f->n < MAX_FOUND)
        f->v[f->n++] = mi;
}

/* Does word w hang from its head by the step's relation (and case word)? */
static int step_matches(const dep_sent *d, int w, const ag_dep_step *st)
{
    const char *rel = rel_of(d, w);
    size_t len = strlen(st->rel);

    if (st->rel[0] == '*' && !st->rel[1])
        return 1;
    if (st->case_word) {
        /* "obl:with": obl (or a subtype such as obl:agent) marked by "with" */
        if (strncmp(rel, st->rel, len) || (rel[len] && rel[len] != ':') || !strcmp(rel, "nmod:poss"))
            return 0;
        return d->case_child[w] >= 0 && !strcmp(lower_of(d, d->case_child[w]), st->case_word);
    }
    return !strcmp(rel, st->rel);
}

static int has_rel_child(const dep_sent *d, int w, const char *rel)
{
    int c;

    for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), rel))
            return c + 1;
    return 0;
}

static int is_relative_pronoun(const dep_sent *d, int w)
{
    return ag_extract__ws(d->x, AG_WS_RELATIVE_PRONOUN, DTOK(d, w));
}

/* The noun a relative pronoun stands for ("the deal that was brokered by
 * X": "that" is the deal), or -1 when w is none. */
static int antecedent(const dep_sent *d, int w)
{
    int verb = d->s->heads[w] - 1;

    if (verb < 0 || !is_relative_pronoun(d, w) || strncmp(rel_of(d, verb), "acl", 3))
        return -1;
    return d->s->heads[verb] - 1;
}

static int infinitive(const dep_sent *d, int w)
{
    int c;

    for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), "mark") && !strcmp(lower_of(d, c), "to"))
            return 1;
    return 0;
}

static int is_quote_mark(const dep_sent *d, int w)
{
    const char *l = lower_of(d, w);
    return d->s->upos[w] == AG_UPOS_PUNCT &&
           (!strcmp(l, "\"") || !strcmp(l, "\xe2\x80\x9c") || !strcmp(l, "\xe2\x80\x9d") || !strcmp(l, "''") ||
            !strcmp(l, "``"));
}

/* Is word @p a inside a quotation that closes before word @p b?  An odd
 * number of quotation marks before it, and one between the two: "'We
 * thank President X ...,' Y said" gives "said" no subject inside. */
static int inside_quote_before(const dep_sent *d, int a, int b)
{
    int i, before = 0, between = 0;

    for (i = 0; i < a; i++)
        before += is_quote_mark(d, i);
    for (i = a + 1; i < b; i++)
        between += is_quote_mark(d, i);
    return (before & 1) && between > 0;
}

/* A verb's subject: the nsubj nearest it, since a parse that gives a verb
 * two subjects has glued a neighbouring clause's onto it. */
static int nearest_subject(const dep_sent *d, int w)
{
    int c, best = -1;

    for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), "nsubj") && (best < 0 || abs(c - w) < abs(best - w)))
            best = c;
    if (best >= 0 && best < w && inside_quote_before(d, best, w))
        best = -1; /* a quotation's word is no subject of the verb after it */
    if (best < 0 && w > 0 && d->s->upos[w - 1] == AG_UPOS_PUNCT && word_in(d, w, AG_WS_SPEECH_LEMMA))
        /* "..., said spokesperson X": the parser takes an inverted speaker
         * for an object, a clause or a predicate; the first noun (or a
         * nationality, "said Romanian President X") after the verb that
         * hangs from it unmarked is the speaker */
        for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
            if (c > w &&
                (d->s->upos[c] == AG_UPOS_NOUN || d->s->upos[c] == AG_UPOS_PROPN || d->s->upos[c] == AG_UPOS_ADJ) &&
                d->case_child[c] < 0 && strcmp(rel_of(d, c), "obl") && strncmp(rel_of(d, c), "nmod", 4))
                return c;
    return best;
}

/* The subject of a clause, or for a verb without one, the subject it shares
 * with the verb it depends on ("X agreed to exchange ...", "X met Y and
 * discussed ...", "X sued, seeking to block ...").  A negating verb does not
 * share it ("X refused to meet Y"), and a verb of object control passes on
 * its object to an infinitive ("X urged Y to meet Z": Y meets Z; but "X
 * reached a deal to end Z": X ends it).  With @p noun, a clause that
 * modifies a noun ends on the noun: *noun is 1 for a relative clause, 2 for
 * another ("efforts to mediate").  @p skip_own: the clause's own subject has
 * been tried. */
static int clause_subject(const dep_sent *d, int w, int skip_own, int *noun)
{
    int hops;

    if (noun)
        *noun = 0;
    for (hops = 0; hops < 4; hops++) {
        int s = nearest_subject(d, w), h = d->s->heads[w] - 1, c;
        const char *r = rel_of(d, w);
        if (hops && s < 0 && (c = has_rel_child(d, w, "nsubj:pass")))
            return c - 1;
        if ((hops || !skip_own) && (s >= 0 || has_rel_child(d, w, "nsubj:pass")))
            return s;
        if (h < 0)
            return -1;
        if (noun && (!strcmp(r, "acl:relcl") || !strcmp(r, "acl"))) {
            *noun = !strcmp(r, "acl") ? 2 : 1;
            return h;
        }
        /* a headline's "X and Y to resume talks": the name is the subject */
        if ((!strcmp(r, "acl") || !strcmp(r, "advcl")) && infinitive(d, w) && d->s->upos[h] == AG_UPOS_PROPN)
            return h;
        if (strcmp(r, "xcomp") && strcmp(r, "conj") && strcmp(r, "advcl"))
            return -1;
        /* a subject is shared between verbs; a noun heading the clause is a
         * misparse ("our government plans to ..." read as a noun) */
        if (d->s->upos[h] != AG_UPOS_VERB && d->s->upos[h] != AG_UPOS_AUX && d->s->upos[h] != AG_UPOS_ADJ)
            return -1;
        if (!strcmp(r, "xcomp")) {
            if (word_in(d, h, AG_WS_NEGATING_VERB))
                return -1;
            /* object control, but a participle in xcomp is mostly a misread
             * adverbial clause ("validated X, resolving Y") that keeps the
             * subject */
            if (((c = has_rel_child(d, h, "obj")) || (c = has_rel_child(d, h, "iobj"))) &&
                word_in(d, h, AG_WS_CONTROL_VERB) && strcmp(ag_nlp_xpos_name(d->model, d->s->xpos[w]), "VBG"))
                return c - 1;
        }
        /* a participle or an infinitive of purpose ("X flew to Doha to
         * mediate") shares the subject; a finite adverbial clause has its own */
        if (!strcmp(r, "advcl") && strcmp(ag_nlp_xpos_name(d->model, d->s->xpos[w]), "VBG") && !infinitive(d, w))
            return -1;
        /* "X sanctioned Y for supplying Z", "praised Y for helping": the
         * reason's doer is the object */
        if (!strcmp(r, "advcl") && (c = has_rel_child(d, w, "mark")) && !strcmp(lower_of(d, c - 1), "for") &&
            (c = has_rel_child(d, h, "obj")))
            return c - 1;
        w = h;
    }
    return -1;
}

/* Follow a path from the trigger; the words it ends on go into @p out.  A
 * relative pronoun half-way stands for its noun, so "the deal that was
 * mediated by X" reaches the deal's own dependents. */
static void walk(const dep_sent *d, const ag_dep_path *p, uint32_t k, int w, int *out, int *n_out, int max)
{
    const ag_dep_step *st;
    int c;

    if (k == p->n) {
        if (*n_out < max)
            out[(*n_out)++] = w;
        return;
    }
    if (k > 0 && (c = antecedent(d, w)) >= 0)
        w = c;
    st = &p->steps[k];
    if (!strcmp(st->rel, "@root")) {
        /* a phrase at the sentence's edge ("..., according to CNN.") is often
         * attached low by the parser; it still speaks of the main clause */
        if (w > 0 && d->s->upos[w - 1] != AG_UPOS_PUNCT)
            return;
        if (d->root >= 0 && d->root != w && in_set(d, d->root, st))
            walk(d, p, k + 1, d->root, out, n_out, max);
        return;
    }
    if (st->up) {
        int h = d->s->heads[w] - 1;
        if (h >= 0 && step_matches(d, w, st) && in_set(d, h, st))
            walk(d, p, k + 1, h, out, n_out, max);
        return;
    }
    if (!st->case_word && !strcmp(st->rel, "nsubj")) {
        /* past the trigger, a clause's subject may be shared (the trigger's
         * own is left to inherited_subjects, which knows its relatives) */
        c = k > 0 ? clause_subject(d, w, 0, NULL) : nearest_subject(d, w);
        if (c >= 0 && in_set(d, c, st))
            walk(d, p, k + 1, c, out, n_out, max);
        return;
    }
    for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
        if (step_matches(d, c, st) && in_set(d, c, st))
            walk(d, p, k + 1, c, out, n_out, max);
}

/* A qualifier ("Brazil" in "Brazil's President Maria Souza") stands for
 * the name its phrase is about, when the phrase has one. */
static int phrase_head(const dep_sent *d, int mi)
{
    const ag_extractor *x = d->x;
    const ag_mention *m = &x->m[mi];
    size_t k;

    if (!(m->flags & AG_M_QUALIFIER))
        return mi;
    for (k = x->sent_first[d->sent]; k < x->sent_first[d->sent + 1]; k++) {
        const ag_mention *h = &x->m[k];
        if ((int)k != mi && !(h->flags & AG_M_QUALIFIER) && is_actor_mention(x, (int)k) &&
            h->np_start <= m->start && m->end <= h->np_end)
            return (int)k;
    }
    return mi;
}

/* Which actors a pronoun can mean: 1 a person ("he", "his"), 2 any other
 * actor ("it", "their"), 0 none (first person is the quotation's speaker). */
static int pronoun_kind(const dep_sent *d, int w)
{
    if (d->s->upos[w] != AG_UPOS_PRON)
        return 0;
    if (ag_extract__ws(d->x, AG_WS_PERSON_PRONOUN, DTOK(d, w)))
        return 1;
    if (ag_extract__ws(d->x, AG_WS_OTHER_PRONOUN, DTOK(d, w)))
        return 2;
    return 0;
}

/* A third-person pronoun means an actor named earlier in the sentence only
 * when exactly one actor of its kind is there ("Peru said it would expel
 * ..."); with two candidates it stays unresolved.  One pass, left to right. */
static void resolve_pronouns(dep_sent *d)
{
    int cand[3] = {-1, -1, -1}; /* per kind: a mention, -1 none, -2 several */
    size_t i;

    for (i = 0; i < d->n; i++) {
        int mi = d->mention[i], kind = pronoun_kind(d, (int)i);
        if (mi >= 0 && (i == 0 || d->mention[i - 1] != mi)) {
            int head = phrase_head(d, mi), k = d->x->e[d->x->m[head].entity].type == AG_ACTOR_PERSON ? 1 : 2;
            if (cand[k] == -1)
                cand[k] = head;
            else if (cand[k] >= 0 && d->x->m[cand[k]].entity != d->x->m[head].entity)
                cand[k] = -2;
        }
        if (mi < 0 && kind && cand[kind] >= 0)
            d->antecedent[i] = cand[kind];
    }
}

static int is_first_person(const dep_sent *d, int w)
{
    if (d->s->upos[w] != AG_UPOS_PRON)
        return 0;
    if (ag_extract__ws(d->x, AG_WS_FIRST_PERSON, DTOK(d, w)))
        return 1;
    return 0;
}

/* The subject of the say-verb a quotation hangs from ("'We will ...,' X
 * said": X), or -1: the first person inside a quotation is its speaker. */
static int quoted_speaker(const dep_sent *d, int w)
{
    int a = w, hops, c;

    for (hops = 0; hops < 8 && d->s->heads[a] > 0; hops++) {
        int h = d->s->heads[a] - 1;
        const char *r = rel_of(d, a);
        if ((!strcmp(r, "ccomp") || !strcmp(r, "parataxis")) && word_in(d, h, AG_WS_SPEECH_LEMMA))
            return nearest_subject(d, h);
        a = h;
    }
    if (d->s->heads[a] > 0)
        return -1;
    /* a quotation before its say-verb is the root, the say-verb its parataxis */
    for (c = d->first_child[a]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), "parataxis") && word_in(d, c, AG_WS_SPEECH_LEMMA))
            return nearest_subject(d, c);
    return -1;
}

/* An apposition that is rather the second item of a bare list of names
 * ("Spain, Morocco to resume talks"): a name of the same actor type as the
 * word, another actor, with nothing of its own but name parts and
 * punctuation, and no news outlet ("BEIJING (Reuters)"). */
static int appos_list_member(const dep_sent *d, int w, int c)
{
    const ag_extractor *x = d->x;
    int mw = d->mention[w], mc = d->mention[c], k;
    ag_actor_type t;

    if (mc < 0 || mc == mw || !is_actor_mention(x, mc) || (x->m[mc].flags & (AG_M_QUALIFIER | AG_M_DEMONYM)))
        return 0;
    t = x->e[x->m[mc].entity].type;
    if (t == AG_ACTOR_MEDIA || t != x->e[x->m[mw].entity].type || x->m[mc].entity == x->m[mw].entity)
        return 0;
    for (k = d->first_child[c]; k >= 0; k = d->next_sibling[k]) {
        const char *r = rel_of(d, k);
        if (strcmp(r, "punct") && strcmp(r, "flat") && strcmp(r, "compound") && strcmp(r, "conj") && strcmp(r, "cc"))
            return 0;
        if (k < c && strcmp(r, "punct") && d->mention[k] != mc)
            return 0;
    }
    return 1;
}

/* The actors a word stands for: its own mention, or the name in apposition,
 * or (for "Russian forces", "Iran's government") the nationality or owner
 * of a stand-in noun, or the noun a relative pronoun refers to; then every
 * conjunct of the word too. */
static void actors_of(const dep_sent *d, int w, found *f, int depth)
{
    const ag_extractor *x = d->x;
    int c, before = f->n;

    if (depth > 4)
        return;
    if (is_actor_mention(x, d->mention[w])) {
        found_add(f, phrase_head(d, d->mention[w]));
    } else if (d->antecedent[w] >= 0) {
        found_add(f, d->antecedent[w]);
    } else if (is_first_person(d, w)) {
        int s = quoted_speaker(d, w);
        if (s >= 0 && s != w && !is_first_person(d, s))
            actors_of(d, s, f, depth + 1);
    } else {
        if (is_relative_pronoun(d, w) && d->s->heads[w] > 0) {
            int verb = d->s->heads[w] - 1;
            if (!strncmp(rel_of(d, verb), "acl", 3) && d->s->heads[verb] > 0)
                actors_of(d, d->s->heads[verb] - 1, f, depth + 1);
        }
        for (c = d->first_child[w]; c >= 0 && f->n == before; c = d->next_sibling[c]) {
            const char *r = rel_of(d, c);
            /* a nationality names its state only on a stand-in noun (below):
             * "told South Korean lawmakers" tells no state */
            /* an unmarked nmod is an apposition the parser misread */
            if ((!strcmp(r, "appos") || !strcmp(r, "flat") || !strcmp(r, "compound") ||
                 (!strcmp(r, "nmod") && d->case_child[c] < 0)) &&
                is_actor_mention(x, d->mention[c]) && !(x->m[d->mention[c]].flags & (AG_M_QUALIFIER | AG_M_DEMONYM)))
                found_add(f, d->mention[c]);
        }
        /* "three ministers, including X and Y": the named members, also when
         * the parser hangs them from the verb right after the noun */
        for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
            if (!strncmp(rel_of(d, c), "nmod", 4) && d->case_child[c] >= 0 &&
                !strcmp(lower_of(d, d->case_child[c]), "including"))
                actors_of(d, c, f, depth + 1);
        if (f->n == before && d->s->heads[w] > 0 && !strcmp(rel_of(d, w), "obj"))
            for (c = d->first_child[d->s->heads[w] - 1]; c >= 0; c = d->next_sibling[c])
                if (c > w && !strncmp(rel_of(d, c), "obl", 3) && d->case_child[c] >= 0 &&
                    !strcmp(lower_of(d, d->case_child[c]), "including"))
                    actors_of(d, c, f, depth + 1);
        if (f->n == before && word_in(d, w, AG_WS_STAND_IN))
            for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c]) {
                const char *r = rel_of(d, c);
                /* "officials from X", "representatives of X" too */
                if ((!strcmp(r, "amod") || !strcmp(r, "compound") || !strcmp(r, "nmod:poss") ||
                     (!strcmp(r, "nmod") && d->case_child[c] >= 0 &&
                      (!strcmp(lower_of(d, d->case_child[c]), "from") || !strcmp(lower_of(d, d->case_child[c]), "of")))) &&
                    is_actor_mention(x, d->mention[c]))
                    found_add(f, d->mention[c]);
            }
    }
    {
        /* a coordination ends with its "and": a conjunct after the one
         * that carries it is a misparse ("Regarding the talks between X
         * and Y, Z said": Z opens the main clause) */
        int closed = 0;
        for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
            if (!strcmp(rel_of(d, c), "conj")) {
                if (closed && c > w)
                    continue;
                if (has_rel_child(d, c, "cc"))
                    closed = 1;
                actors_of(d, c, f, depth + 1);
            } else if (!strcmp(rel_of(d, c), "flat") && d->mention[c] != d->mention[w] &&
                       is_actor_mention(x, d->mention[c])) {
                /* "China, Australia to ...": a list the parser read as one name */
                actors_of(d, c, f, depth + 1);
            } else if (!strcmp(rel_of(d, c), "appos") && c > w && is_actor_mention(x, d->mention[w]) &&
                       appos_list_member(d, w, c)) {
                /* "Spain, Morocco to ...": the same list read as an apposition */
                actors_of(d, c, f, depth + 1);
            }
    }
}

/* A nationality adjective names its state only as the trigger's own
 * modifier ("a Russian attack") or a stand-in's ("Iranian officials"), not
 * on any noun a path reaches ("North Korean prisoners"). */
static int nationality_only(const dep_sent *d, int w, int trig)
{
    int mi = d->mention[w], h = d->s->heads[w] - 1;

    if (mi < 0 || !(d->x->m[mi].flags & AG_M_DEMONYM) || h < 0)
        return 0;
    if (h == trig) /* a modifier, not an argument the parser made of it */
        return strcmp(rel_of(d, w), "amod") && strcmp(rel_of(d, w), "compound");
    return !word_in(d, h, AG_WS_STAND_IN);
}

static void collect(const dep_sent *d, const ag_dep_paths *paths, int from, found *f)
{
    int ends[32];
    uint32_t i;

    for (i = 0; i < paths->n; i++) {
        int n = 0, k;
        walk(d, &paths->v[i], 0, from, ends, &n, 32);
        for (k = 0; k < n; k++)
            if (!nationality_only(d, ends[k], from))
                actors_of(d, ends[k], f, 0);
    }
}

/* A passive trigger ("X was accused by Y"): a path opening with nsubj takes
 * the agent instead, one opening with obj the passive subject. */
static void collect_role(const dep_sent *d, const ag_dep_paths *paths, int trig, int passive, found *f)
{
    static const ag_dep_step agent = {"obl", "by", 0, -1, 0}, subj_pass = {"nsubj:pass", NULL, 0, -1, 0};
    uint32_t i;

    if (!passive) {
        collect(d, paths, trig, f);
        return;
    }
    for (i = 0; i < paths->n; i++) {
        const ag_dep_path *p = &paths->v[i];
        ag_dep_path q = *p;
        ag_dep_step steps[8];
        ag_dep_paths one = {1, &q};
        if (p->n == 0 || p->n > 8 || p->steps[0].up)
            continue;
        memcpy(steps, p->steps, p->n * sizeof *steps);
        if (!strcmp(p->steps[0].rel, "nsubj"))
            steps[0] = agent;
        else if (!strcmp(p->steps[0].rel, "obj"))
            steps[0] = subj_pass;
        q.steps = steps;
        collect(d, &one, trig, f);
    }
}

/* Subjects a trigger without its own shares with another verb: "X agreed to
 * meet Y" (xcomp), "X met Y and discussed Z" (conj), "X, who met Y"
 * (relative clause), "X struck Y, killing Z" (participle). */
static void inherited_subjects(const dep_sent *d, int trig, found *f)
{
    int noun, before = f->n, c, s = clause_subject(d, trig, 1, &noun);

    if (s < 0)
        return;
    actors_of(d, s, f, 0);
    /* "Qatar's efforts to mediate", "an attempt by X to block": the owner
     * of the noun acts */
    if (f->n == before && noun == 2)
        for (c = d->first_child[s]; c >= 0; c = d->next_sibling[c])
            if (!strcmp(rel_of(d, c), "nmod:poss") || (!strncmp(rel_of(d, c), "nmod", 4) && d->case_child[c] >= 0 &&
                                                       !strcmp(lower_of(d, d->case_child[c]), "by")))
                actors_of(d, c, f, 0);
}

/* Marked by "if" or "unless" (a conditional clause). */
static int conditional_clause(const dep_sent *d, int w)
{
    int c;

    for (c = d->first_child[w]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), "mark") && word_in(d, c, AG_WS_CONDITIONAL))
            return 1;
    return 0;
}

/* The content of a denial: "X denied that Y met Z", "X rejected reports
 * that Y met Z". */
static int denied_content(const dep_sent *d, int trig)
{
    int h = d->s->heads[trig] - 1, g;
    const char *r = rel_of(d, trig);

    if (h < 0)
        return 0;
    if (!strcmp(r, "ccomp") && word_in(d, h, AG_WS_NEGATING_VERB))
        return 1;
    g = d->s->heads[h] - 1;
    return (!strcmp(r, "ccomp") || (!strncmp(r, "acl", 3) && strcmp(r, "acl:relcl"))) && g >= 0 &&
           !strcmp(rel_of(d, h), "obj") && word_in(d, g, AG_WS_NEGATING_VERB);
}

/* Negated, denied or only conditional: "did not meet", "denied that X
 * met", "would meet if elected". */
static int negated(const dep_sent *d, int trig)
{
    int c;

    if (denied_content(d, trig))
        return 1;
    /* "had no plans to send", "no intention of meeting": the noun the
     * trigger completes is denied */
    {
        int h = d->s->heads[trig] - 1, n = -1;
        const char *r = rel_of(d, trig);
        if (h >= 0 && !strncmp(r, "acl", 3) && strcmp(r, "acl:relcl"))
            n = h;
        else if (h >= 0 && !strcmp(r, "xcomp"))
            n = has_rel_child(d, h, "obj") - 1;
        if (n >= 0)
            for (c = d->first_child[n]; c >= 0; c = d->next_sibling[c])
                if (!strcmp(rel_of(d, c), "det") && !strcmp(lower_of(d, c), "no"))
                    return 1;
    }

    if (!strncmp(rel_of(d, trig), "advcl", 5) && conditional_clause(d, trig))
        return 1;
    /* "If elected, candidate X would meet Y" read as a noun with a relative
     * clause: the condition hangs from the noun, before the trigger */
    if (!strcmp(rel_of(d, trig), "acl:relcl") && d->s->heads[trig] > 0)
        for (c = d->first_child[d->s->heads[trig] - 1]; c >= 0 && c < trig; c = d->next_sibling[c])
            if (!strncmp(rel_of(d, c), "advcl", 5) && conditional_clause(d, c))
                return 1;
    for (c = d->first_child[trig]; c >= 0; c = d->next_sibling[c]) {
        if (!strncmp(rel_of(d, c), "advcl", 5) && conditional_clause(d, c))
            return 1;
        const char *r = rel_of(d, c), *low = lower_of(d, c);
        size_t n = strlen(low);
        /* "didn't" is one token here: its ending negates too */
        if ((!strcmp(r, "advmod") || !strcmp(r, "aux") || !strcmp(r, "aux:pass") || !strcmp(r, "cop")) &&
            (ag_extract__ws(d->x, AG_WS_NEGATOR, DTOK(d, c)) || (n > 3 && !strcmp(low + n - 3, "n't"))))
            return 1;
    }
    return 0;
}

static int type_ok(const ag_extractor *x, uint32_t mask, int mi)
{
    return !mask || (mask >> x->e[x->m[mi].entity].type & 1u);
}

static int same_pair(const ag_extractor *x, const ag_pending *p, int ea, int eb)
{
    int pa = x->m[p->a].entity, pb = x->m[p->b].entity;
    return (pa == ea && pb == eb) || (pa == eb && pb == ea);
}

static int is_affiliation(const char *relation)
{
    return !strcmp(relation, "role_of") || !strcmp(relation, "member_of");
}

static int is_dropped(const ag_pending *p)
{
    return p->confidence < 0;
}

/* Calls fn on each live relation of the sentence: the earlier rules' and
 * the ones this pass added; stops when fn returns non-zero. */
static int each_in_sentence(const dep_sent *d, int (*fn)(const dep_sent *, ag_pending *, void *), void *payload)
{
    ag_extractor *x = d->x;
    const pending_index *ix = d->index;
    size_t k;

    for (k = ix->sent_start[d->sent]; k < ix->sent_start[d->sent + 1]; k++)
        if (!is_dropped(&x->p[ix->order[k]]) && fn(d, &x->p[ix->order[k]], payload))
            return 1;
    for (k = d->first_new; k < x->n_p; k++)
        if (!is_dropped(&x->p[k]) && fn(d, &x->p[k], payload))
            return 1;
    return 0;
}

static int aff_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether entity a holds an office in, or belongs to, entity b (either way). */
static int affiliated(const pending_index *ix, int a, int b)
{
    uint64_t key = (uint64_t)(uint32_t)a << 32 | (uint32_t)b;
    return a >= 0 && b >= 0 && ix->n_aff && bsearch(&key, ix->aff, ix->n_aff, sizeof key, aff_cmp) != NULL;
}

/* @p sorted: keep the list sorted now (the index is built unsorted, then
 * sorted once). */
static int add_affiliation(pending_index *ix, int a, int b, int sorted)
{
    size_t need = ix->n_aff + 2;

    if (need > ix->cap_aff) {
        size_t cap = need * 2;
        uint64_t *v = realloc(ix->aff, cap * sizeof *v);
        if (!v)
            return AG_ENOMEM;
        ix->aff = v;
        ix->cap_aff = cap;
    }
    ix->aff[ix->n_aff++] = (uint64_t)(uint32_t)a << 32 | (uint32_t)b;
    ix->aff[ix->n_aff++] = (uint64_t)(uint32_t)b << 32 | (uint32_t)a;
    if (sorted)
        qsort(ix->aff, ix->n_aff, sizeof *ix->aff, aff_cmp);
    return AG_OK;
}

typedef struct pair_query {
    int ea, eb;
} pair_query;

static int pair_hit(const dep_sent *d, ag_pending *p, void *payload)
{
    const pair_query *q = payload;
    return same_pair(d->x, p, q->ea, q->eb);
}

/* Already related in this sentence (by a phrase rule or an earlier rule)?
 * For a statement, also anywhere in the article by affiliation, directly or
 * through the body the speaker serves: what a minister or a ministry's
 * spokesperson says of their own country is not news about it. */
static int related(const dep_sent *d, int a, int b, int statement)
{
    const ag_extractor *x = d->x;
    const pending_index *ix = d->index;
    pair_query q = {x->m[a].entity, x->m[b].entity};
    size_t lo, k;

    if (each_in_sentence(d, pair_hit, &q))
        return 1;
    if (!statement)
        return 0;
    if (affiliated(ix, q.ea, q.eb))
        return 1;
    /* the bodies the speaker serves, in key order: (ea << 32 | body) */
    {
        uint64_t first = (uint64_t)(uint32_t)q.ea << 32;
        size_t hi = ix->n_aff;
        lo = 0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (ix->aff[mid] < first)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    for (k = lo; k < ix->n_aff && (ix->aff[k] >> 32) == (uint32_t)q.ea && k < lo + 8; k++)
        if (affiliated(ix, (int)(uint32_t)ix->aff[k], q.eb))
            return 1;
    return 0;
}

static int drop_pair(const dep_sent *d, ag_pending *p, void *payload)
{
    if (strncmp(p->rule, "dep.", 4) && pair_hit(d, p, payload))
        p->confidence = -1; /* dropped: the graph and --explain skip it */
    return 0;
}

/* An overriding rule takes the place of what the surface rules said of the
 * pair in this sentence ("according to OUTLET" with no speaker is the
 * outlet's statement, not a quotation). */
static void drop_surface(dep_sent *d, int a, int b)
{
    pair_query q = {d->x->m[a].entity, d->x->m[b].entity};
    each_in_sentence(d, drop_pair, &q);
}

static void note_speech_rule(const ag_deprule *r, void *payload)
{
    int *speech = payload;

    if (!(r->upos_mask & (1u << AG_UPOS_VERB)))
        return;
    *speech |= !strcmp(r->relation, "communicates_with") || !strcmp(r->relation, "told") ||
               !strcmp(r->relation, "quoted_by");
}

/* Does anyone speak in the sentence: a verb of speech, or one that reports
 * words passed on ("communicated with", "told")?  The trigger asking does
 * not count ("according" reads as a verb). */
static int has_speech_verb(const dep_sent *d, int except)
{
    size_t i;
    int speech = 0;

    for (i = 0; i < d->n && !speech; i++)
        if (d->s->upos[i] == AG_UPOS_VERB && (int)i != except) {
            speech = word_in(d, (int)i, AG_WS_SPEECH_LEMMA);
            ag_lexicon__deprules_for(d->x->lex, d->s->lemmas[i], note_speech_rule, &speech);
        }
    return speech;
}

/* The name just after a fixed preposition ("according to the BBC"), which
 * the parser often misreads as a verb with a clause: at most four words on,
 * past its own words and a determiner. */
static void next_name(const dep_sent *d, int trig, found *f)
{
    int w;

    for (w = trig + 1; w < (int)d->n && w <= trig + 4; w++) {
        if (is_actor_mention(d->x, d->mention[w])) {
            found_add(f, phrase_head(d, d->mention[w]));
            return;
        }
        if (d->s->upos[w] != AG_UPOS_ADP && d->s->upos[w] != AG_UPOS_DET)
            return;
    }
}

typedef struct retract_query {
    const ag_deprule *r;
    int entity, outlet;
} retract_query;

static int retract_one(const dep_sent *d, ag_pending *p, void *payload)
{
    const retract_query *q = payload;
    const ag_extractor *x = d->x;
    uint32_t j;
    int hit = 0;

    if (!strncmp(p->rule, "dep.", 4) || (x->m[p->a].entity != q->entity && x->m[p->b].entity != q->entity))
        return 0;
    for (j = 0; j < q->r->n_retracts; j++)
        hit |= !strcmp(p->relation, q->r->retracts[j]);
    if (!hit)
        return 0;
    if (!q->outlet) {
        p->confidence = -1;
        return 0;
    }
    {
        int other = x->m[p->a].entity == q->entity ? p->b : p->a;
        p->a = x->m[p->a].entity == q->entity ? p->a : p->b;
        p->b = other;
        p->relation = q->r->relation;
        p->rule = q->r->id;
    }
    return 0;
}

/* "According to OUTLET" with nobody speaking is the outlet's own report: the
 * phrase rules' quotation of an actor by the outlet becomes the rule's
 * statement about that actor.  "According to a ministry spokesman" names no
 * outlet, and the phrase rules' quotation is dropped. */
static void retract(dep_sent *d, const ag_deprule *r, int trig, const found *src)
{
    ag_extractor *x = d->x;
    int speech = -1, i;

    for (i = 0; i < src->n; i++) {
        int e = x->m[src->v[i]].entity, outlet = x->e[e].type == AG_ACTOR_MEDIA;
        if (outlet) {
            if (speech < 0)
                speech = has_speech_verb(d, trig);
            if (speech)
                continue;
        }
        {
            retract_query q = {r, e, outlet};
            each_in_sentence(d, retract_one, &q);
        }
    }
}

/* The word that heads mention mi's name in the parse: the one whose head
 * lies outside the name. */
static int mention_word(const dep_sent *d, int mi)
{
    const ag_mention *m = &d->x->m[mi];
    uint32_t t;

    for (t = m->start; t < m->end; t++) {
        int w = (int)(t - d->first), h;
        if (t < d->first || w >= (int)d->n)
            continue;
        h = d->s->heads[w] - 1;
        if (h < 0 || h < (int)(m->start - d->first) || h >= (int)(m->end - d->first))
            return w;
    }
    return m->start >= d->first && m->start - d->first < d->n ? (int)(m->start - d->first) : -1;
}

/* One step of a path, as a rule would write it: "obl:with", "^nsubj". */
static void put_step(const dep_sent *d, ag_buf *b, int w, int up)
{
    const char *rel = rel_of(d, w);
    ag_buf_printf(b, "%s%s%s", b->len && b->data[b->len - 1] != '[' && b->data[b->len - 1] != '|' ? "/" : "",
                  up ? "^" : "", rel);
    if (d->case_child[w] >= 0 && (!strncmp(rel, "obl", 3) || !strncmp(rel, "nmod", 4)) && strcmp(rel, "nmod:poss"))
        ag_buf_printf(b, ":%s", lower_of(d, d->case_child[w]));
}

/* The path in the tree from the trigger to word w: up to their lowest
 * common head, then down. */
static void put_path(const dep_sent *d, ag_buf *b, int trig, int w)
{
    int up[16], down[16], n_up = 0, n_down = 0, a, i;

    if (w < 0) {
        ag_buf_puts(b, "?");
        return;
    }
    for (a = trig; n_up < 16; a = d->s->heads[a] - 1) {
        int c = w;
        n_down = 0;
        while (c != a && c >= 0 && n_down < 16) {
            down[n_down++] = c;
            c = d->s->heads[c] - 1;
        }
        if (c == a)
            break;
        if (d->s->heads[a] <= 0) {
            ag_buf_puts(b, "?");
            return;
        }
        up[n_up++] = a;
    }
    for (i = 0; i < n_up; i++)
        put_step(d, b, up[i], 1);
    for (i = n_down; i-- > 0;)
        put_step(d, b, down[i], 0);
}

/* Evidence names the rule and the paths it took: "dep.meet[nsubj|obl:with]". */
static const char *rule_with_paths(dep_sent *d, const ag_deprule *r, int trig, int a, int b)
{
    ag_buf buf = AG_BUF_INIT;
    const char *out = r->id;

    if (trig < 0)
        return r->id;
    ag_buf_printf(&buf, "%s[", r->id);
    put_path(d, &buf, trig, mention_word(d, a));
    ag_buf_putc(&buf, '|');
    put_path(d, &buf, trig, mention_word(d, b));
    ag_buf_putc(&buf, ']');
    if (!buf.data || buf.data[buf.len - 1] != ']' || !(out = ag_arena_strndup(&d->x->arena, buf.data, buf.len)))
        d->rc = AG_ENOMEM; /* an append that failed leaves the text unclosed */
    ag_buf_free(&buf);
    return out ? out : r->id;
}

static void emit(dep_sent *d, const ag_deprule *r, int a, int b)
{
    ag_extractor *x = d->x;
    const char *relation = r->relation;

    if (d->rc || x->m[a].entity == x->m[b].entity)
        return;
    if (!type_ok(x, r->subject_types, a) || !type_ok(x, r->object_types, b))
        return;
    if (r->media_relation && x->e[x->m[b].entity].type == AG_ACTOR_MEDIA)
        relation = r->media_relation;
    if (r->overrides)
        drop_surface(d, a, b);
    /* nothing twice: the phrase rules keep what they found, and a statement
     * only fills a gap */
    if (related(d, a, b, r->statement))
        return;
    {
        const char *rule = rule_with_paths(d, r, d->trig, a, b);
        if (!d->rc)
            d->rc = ag_extract__pending(x, a, b, relation, rule, r->confidence);
        if (!d->rc && is_affiliation(relation))
            d->rc = add_affiliation(d->index, x->m[a].entity, x->m[b].entity, 1);
    }
    if (!d->rc)
        x->p[x->n_p - 1].sent = d->sent;
}

/* "OUTLET reported, citing X": the words are X's, relayed, and no statement
 * of the outlet's own. */
static int relays(const dep_sent *d, int trig)
{
    int c;

    for (c = d->first_child[trig]; c >= 0; c = d->next_sibling[c])
        if (word_in(d, c, AG_WS_RELAY_VERB))
            return 1;
    return 0;
}

/* A passive without an agent in a body's own quoted statement ("'The
 * appeal has been rejected,' the federation said") is the body's act: the
 * speaker, when it is an organization or a state. */
static void quoting_body(const dep_sent *d, int trig, found *f)
{
    int s = quoted_speaker(d, trig), k, before = f->n, c;

    if (s < 0)
        return;
    /* "X was arrested, his party said": the speaker is on X's side */
    for (c = d->first_child[s]; c >= 0; c = d->next_sibling[c])
        if (!strcmp(rel_of(d, c), "nmod:poss") && d->s->upos[c] == AG_UPOS_PRON)
            return;
    actors_of(d, s, f, 0);
    for (k = before; k < f->n; k++) {
        ag_actor_type t = d->x->e[d->x->m[f->v[k]].entity].type;
        if (t != AG_ACTOR_ORGANIZATION && t != AG_ACTOR_COUNTRY) {
            f->n = before;
            return;
        }
    }
}

typedef struct fire_ctx {
    dep_sent *d;
    int trig;
    int statements; /* 0: the specific rules' pass, 1: statements' */
} fire_ctx;

static void fire(const ag_deprule *r, fire_ctx *fc)
{
    dep_sent *d = fc->d;
    int trig = fc->trig, passive, i, j;
    found src = {{0}, 0}, tgt = {{0}, 0};

    d->trig = trig;
    if (r->statement != fc->statements || d->rc)
        return;
    if (r->upos_mask && !(r->upos_mask >> d->s->upos[trig] & 1u))
        return;
    if (negated(d, trig))
        return;
    if (r->statement && relays(d, trig))
        return;
    if (r->pairs.n) {
        found all = {{0}, 0};
        collect(d, &r->pairs, trig, &all);
        for (i = 0; i < all.n; i++)
            for (j = i + 1; j < all.n; j++)
                emit(d, r, all.v[i], all.v[j]);
    }
    if (!r->source.n || !r->target.n)
        return;
    passive = has_rel_child(d, trig, "nsubj:pass") || has_rel_child(d, trig, "aux:pass") ||
              (!strcmp(rel_of(d, trig), "acl") && !strcmp(ag_nlp_xpos_name(d->model, d->s->xpos[trig]), "VBN"));
    collect_role(d, &r->source, trig, passive, &src);
    if (r->n_retracts) {
        if (!src.n)
            next_name(d, trig, &src);
        retract(d, r, trig, &src);
        /* with someone speaking, the outlet relays words: a quotation */
        if (has_speech_verb(d, trig))
            return;
    }
    if (!src.n && !passive)
        inherited_subjects(d, trig, &src);
    if (!src.n && passive)
        quoting_body(d, trig, &src);
    collect_role(d, &r->target, trig, passive, &tgt);
    if (passive && !tgt.n && !strcmp(rel_of(d, trig), "acl") && d->s->heads[trig] > 0)
        actors_of(d, d->s->heads[trig] - 1, &tgt, 0); /* "the men detained by X" */
    for (i = 0; i < src.n; i++)
        for (j = 0; j < tgt.n; j++)
            emit(d, r, src.v[i], tgt.v[j]);
    if (r->mutual.n && !tgt.n) {
        /* a reciprocal event without a partner is between its coordinated
         * subjects ("X and Y held talks"); with one ("X and Y held talks
         * with Z") they are one side */
        found all = {{0}, 0};
        collect(d, &r->mutual, trig, &all);
        for (i = 0; i < all.n; i++)
            for (j = i + 1; j < all.n; j++)
                emit(d, r, all.v[i], all.v[j]);
    }
}

/* For --explain: the sentence's parse, one word after another as
 * "index:form/UPOS<-head:relation". */
static int note_parse(ag_extractor *x, const dep_sent *d)
{
    ag_buf b = AG_BUF_INIT;
    size_t i;

    if (!x->parse_notes && !(x->parse_notes = calloc(x->text->n_sentences + 1, sizeof *x->parse_notes)))
        return AG_ENOMEM;
    ag_buf_puts(&b, "  parse:");
    for (i = 0; i < d->n; i++)
        ag_buf_printf(&b, " %zu:%s/%s<-%d:%s", i + 1, DTOK(d, i)->norm, ag_nlp_upos_name(d->s->upos[i]), d->s->heads[i],
                      rel_of(d, (int)i));
    if (ag_buf_putc(&b, '\n') || !b.data) {
        ag_buf_free(&b);
        return AG_ENOMEM;
    }
    b.data[--b.len] = 0; /* the newline only proved every append succeeded */
    free(x->parse_notes[d->sent]);
    x->parse_notes[d->sent] = ag_buf_detach(&b, NULL);
    return AG_OK;
}

/* The rules a word triggers by its lemma or by its form, each once. */
typedef struct rule_list {
    const ag_deprule *v[32];
    int n;
} rule_list;

static void note_rule(const ag_deprule *r, void *payload)
{
    rule_list *rl = payload;
    int i;

    for (i = 0; i < rl->n; i++)
        if (rl->v[i] == r)
            return;
    if (rl->n < 32)
        rl->v[rl->n++] = r;
}

typedef struct dep_scratch {
    const char **forms;
    int *ints;
    size_t cap;
    ag_nlp_sentence s;
} dep_scratch;

static int sentence_actors(const ag_extractor *x, size_t s)
{
    size_t k;
    int n = 0, first = -1;

    for (k = x->sent_first[s]; k < x->sent_first[s + 1]; k++) {
        if (!is_actor_mention(x, (int)k))
            continue;
        if (first < 0)
            first = x->m[k].entity;
        else if (x->m[k].entity != first)
            return 2;
        n = 1;
    }
    return n;
}

static int run_sentence(ag_extractor *x, const ag_nlp_model *model, dep_scratch *sc, pending_index *ix, size_t s)
{
    const ag_sentence *se = &x->text->sentences[s];
    size_t n = se->count, i, k;
    dep_sent d;
    int rc, pass;

    if (n > sc->cap) {
        size_t cap = n * 2;
        const char **f = realloc(sc->forms, cap * sizeof *f);
        int *ints;
        if (!f)
            return AG_ENOMEM;
        sc->forms = f;
        if (!(ints = realloc(sc->ints, cap * 5 * sizeof *ints)))
            return AG_ENOMEM;
        sc->ints = ints;
        sc->cap = cap;
    }
    for (i = 0; i < n; i++)
        sc->forms[i] = TOK(se->first + i)->norm;
    if ((rc = ag_nlp_sentence_reset(&sc->s, x->ctx, sc->forms, n)) || (rc = ag_nlp_analyze(model, x->ctx, &sc->s)))
        return rc;
    memset(&d, 0, sizeof d);
    d.x = x;
    d.index = ix;
    d.first_new = x->n_p;
    d.model = model;
    d.s = &sc->s;
    d.sent = (uint32_t)s;
    d.first = se->first;
    d.n = n;
    d.first_child = sc->ints;
    d.next_sibling = sc->ints + n;
    d.mention = sc->ints + 2 * n;
    d.case_child = sc->ints + 3 * n;
    d.antecedent = sc->ints + 4 * n;
    for (i = 0; i < n; i++)
        d.first_child[i] = d.next_sibling[i] = d.mention[i] = d.case_child[i] = d.antecedent[i] = -1;
    /* children in word order: link from the last word back */
    d.root = -1;
    for (i = n; i-- > 0;) {
        int h = sc->s.heads[i] - 1;
        if (h < 0) {
            d.root = (int)i;
            continue;
        }
        d.next_sibling[i] = d.first_child[h];
        d.first_child[h] = (int)i;
        if (!strcmp(rel_of(&d, (int)i), "case") && (d.case_child[h] < 0 || (int)i < d.case_child[h]))
            d.case_child[h] = (int)i;
    }
    for (k = x->sent_first[s]; k < x->sent_first[s + 1]; k++) {
        const ag_mention *m = &x->m[k];
        uint32_t t;
        if (!is_actor_mention(x, (int)k))
            continue;
        for (t = m->start; t < m->end && t < se->first + n; t++)
            if (t >= se->first && d.mention[t - se->first] < 0)
                d.mention[t - se->first] = (int)k;
    }
    resolve_pronouns(&d);
    if (x->opts && x->opts->explain && (rc = note_parse(x, &d)))
        return rc;
    /* specific relations first, so statements only fill the gaps */
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < n && !d.rc; i++) {
            fire_ctx fc = {&d, (int)i, pass};
            rule_list rl;
            int r;
            rl.n = 0;
            ag_lexicon__deprules_for(x->lex, sc->s.lemmas[i], note_rule, &rl);
            ag_lexicon__deprules_for(x->lex, TOK(se->first + i)->lower, note_rule, &rl);
            for (r = 0; r < rl.n; r++)
                fire(rl.v[r], &fc);
        }
    }
    return d.rc;
}

static int index_pendings(const ag_extractor *x, pending_index *ix)
{
    size_t n_s = x->text->n_sentences, k;

    memset(ix, 0, sizeof *ix);
    ix->sent_start = calloc(n_s + 2, sizeof *ix->sent_start);
    ix->order = malloc((x->n_p + 1) * sizeof *ix->order);
    if (!ix->sent_start || !ix->order)
        return AG_ENOMEM;
    /* counting sort by sentence, stable */
    for (k = 0; k < x->n_p; k++)
        if (x->p[k].sent < n_s)
            ix->sent_start[x->p[k].sent + 1]++;
    for (k = 0; k < n_s; k++)
        ix->sent_start[k + 1] += ix->sent_start[k];
    {
        size_t *fill = calloc(n_s + 1, sizeof *fill);
        if (!fill)
            return AG_ENOMEM;
        for (k = 0; k < x->n_p; k++) {
            uint32_t se = x->p[k].sent;
            if (se < n_s)
                ix->order[ix->sent_start[se] + fill[se]++] = (uint32_t)k;
        }
        free(fill);
    }
    for (k = 0; k < x->n_p; k++) {
        const ag_pending *p = &x->p[k];
        int rc;
        if (is_affiliation(p->relation) && (rc = add_affiliation(ix, x->m[p->a].entity, x->m[p->b].entity, 0)))
            return rc;
    }
    if (ix->n_aff)
        qsort(ix->aff, ix->n_aff, sizeof *ix->aff, aff_cmp);
    return AG_OK;
}

int ag_extract__deprules(ag_extractor *x, const ag_nlp_model *model)
{
    dep_scratch sc;
    pending_index ix;
    size_t s;
    int rc = AG_OK;

    if (!model || !x->lex->n_deprules)
        return AG_OK;
    memset(&sc, 0, sizeof sc);
    if ((rc = index_pendings(x, &ix)))
        goto done;
    for (s = 0; s < x->text->n_sentences && !rc; s++) {
        /* parse only what can hold a relation: two different actors */
        if (sentence_actors(x, s) < 2)
            continue;
        rc = run_sentence(x, model, &sc, &ix, s);
    }
done:
    free(ix.sent_start);
    free(ix.order);
    free(ix.aff);
    ag_nlp_sentence_release(&sc.s);
    free(sc.forms);
    free(sc.ints);
    return rc;
}
