/* actorgraph: the extraction driver.  Runs mentions -> entities -> relations
 * over one analysed article and writes the article's own graph: the actors
 * it names and the edges it states, each edge with its evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define TOK(i) (&x->text->tokens[(i)])

static int emit_actor(ag_extractor *x, ag_graph *g, int ent, size_t *index, int *emitted, size_t *graph_index)
{
    ag_entity *e = &x->e[ent];
    const char *doc = ag_doc_name(x->text->doc);
    size_t i, idx;
    int rc;

    if (emitted[ent]) {
        *index = graph_index[ent];
        return AG_OK;
    }
    if ((rc = ag_graph_add_actor(g, x->ctx, &idx, e->label, e->type)))
        return rc;
    for (i = 0; i < e->n_forms; i++)
        if (strcmp(e->forms[i], e->label) && (rc = ag_graph_add_alias(g, x->ctx, idx, e->forms[i])))
            return rc;
    if ((rc = ag_graph_add_mentions(g, x->ctx, idx, doc, e->mentions ? e->mentions : 1)))
        return rc;
    emitted[ent] = 1;
    graph_index[ent] = idx;
    *index = idx;
    return AG_OK;
}

static int emittable(const ag_entity *e)
{
    return e->type == AG_ACTOR_PERSON || e->type == AG_ACTOR_ORGANIZATION || e->type == AG_ACTOR_COUNTRY ||
           e->type == AG_ACTOR_MEDIA || e->type == AG_ACTOR_GROUP;
}

/* The --explain lines of sentence s; AG_ENOMEM when a line cannot be made. */
static int explain_sentence(ag_extractor *x, size_t s)
{
    const ag_sentence *se = &x->text->sentences[s];
    ag_buf b = AG_BUF_INIT;
    size_t k;
    int bad = 0;
    char *text = ag_clean_text(ag_doc_bytes(x->text->doc, NULL) + se->start, se->end - se->start);

    bad |= !text || ag_buf_printf(&b, "%s: sentence %zu (line %u): %s", ag_doc_name(x->text->doc), s, se->line,
                                  text ? text : "") != 0;
    if (!bad)
        x->opts->explain(b.data, x->opts->explain_payload);
    if (x->parse_notes && x->parse_notes[s])
        x->opts->explain(x->parse_notes[s], x->opts->explain_payload);
    b.len = 0;
    bad |= ag_buf_puts(&b, "  actors:") != 0;
    for (k = x->sent_first[s]; k < x->sent_first[s + 1] && !bad; k++) {
        const ag_mention *m = &x->m[k];
        bad |= ag_buf_printf(&b, " [%s/%s%s%s]", m->entity >= 0 ? x->e[m->entity].label : m->text,
                             ag_actor_type_name(m->entity >= 0 ? x->e[m->entity].type : m->type),
                             m->flags & AG_M_QUALIFIER ? ",qualifier" : "", m->entity < 0 ? ",unresolved" : "") != 0;
    }
    if (!bad)
        x->opts->explain(b.data, x->opts->explain_payload);
    for (k = 0; k < x->n_p && !bad; k++) {
        const ag_pending *p = &x->p[k];
        if (p->sent != s || p->confidence < 0 || x->m[p->a].entity < 0 || x->m[p->b].entity < 0)
            continue;
        b.len = 0;
        bad |= ag_buf_printf(&b, "  edge: %s -%s-> %s (rule %s, confidence %.2f)", x->e[x->m[p->a].entity].label,
                             p->relation, x->e[x->m[p->b].entity].label, p->rule, p->confidence) != 0;
        if (!bad)
            x->opts->explain(b.data, x->opts->explain_payload);
    }
    ag_buf_free(&b);
    free(text);
    return bad ? AG_ENOMEM : AG_OK;
}

/* "officials", "forces", "government": a noun a state's name may stand in for */
static int stands_for_state(ag_extractor *x, const ag_token *t)
{
    return ag_extract__ws(x, AG_WS_STAND_IN, t) || ag_extract__ws(x, AG_WS_GROUP_HEAD, t);
}

/* A mention that names a country only as a place or as a describing
 * adjective ("arrived in Qatar", "a Greek MEP", "U.S. state"), or a
 * platform people post on ("wrote on X"): by itself it makes no actor.
 * @p placed: the word before it, or before the list it ends, is a place's. */

static int incidental_mention(ag_extractor *x, const ag_mention *m, const ag_entity *e, int placed)
{
    const ag_sentence *se = &x->text->sentences[m->sent];
    uint32_t sent_end = se->first + se->count;

    if (e->lex_actor >= 0 && x->lex->actors[e->lex_actor].channel)
        return 1;
    if (e->type != AG_ACTOR_COUNTRY)
        return 0;
    if (placed) /* "in Qatar", or a conjunct of it */
        return 1;
    if (m->end < sent_end && (TOK(m->end)->flags & AG_TOK_POSS)) /* "Chad's neighbours": an owner */
        return 0;
    if (m->flags & (AG_M_DEMONYM | AG_M_QUALIFIER)) {
        /* "Qatari officials", "U.S. forces", "the Iranian government" stand for the state;
         * the mention may cover the noun ("Chilean officials") or stop before it */
        const ag_token *next = m->end < sent_end ? TOK(m->end) : NULL;
        uint32_t ph, n;
        if (m->end > m->start + 1 && stands_for_state(x, TOK(m->end - 1)))
            return 0;
        return !next || !(stands_for_state(x, next) || ag_extract__ws(x, AG_WS_ORG_HEAD, next) ||
                          ag_extract__ws(x, AG_WS_ORG_NOUN, next) || ag_extract__ws(x, AG_WS_LEADER_BODY, next) ||
                          ag_lexicon__match(x->lex, x->text->tokens, m->end, sent_end, 1u << AG_LX_TITLE, &ph, &n));
    }
    return m->np_start > se->first && ag_extract__is_word(TOK(m->np_start - 1), "of");
}

/* Is the word before the mention's phrase a place's ("in", "from", "visited")? */
static int after_locative(ag_extractor *x, const ag_mention *m)
{
    return m->np_start > x->text->sentences[m->sent].first && ag_extract__ws(x, AG_WS_LOCATIVE, TOK(m->np_start - 1));
}

/* "ended in Lisbon, and Norway said": ", and" after the first of two names
 * joins clauses, not a list ("in Canada, the U.S., and the U.K." is one);
 * @p inherited is 2 when @p a itself was reached through a list. */
static int clause_and(ag_extractor *x, const ag_mention *a, const ag_mention *b, int inherited)
{
    uint32_t t;
    int comma = 0, conj = 0;

    if (inherited == 2)
        return 0;
    for (t = a->np_end; t < b->np_start; t++) {
        comma |= TOK(t)->norm[0] == ',';
        conj |= ag_extract__is_word(TOK(t), "and") || ag_extract__is_word(TOK(t), "or");
    }
    return comma && conj;
}

/* Countries named only as places and platforms only posted on stay out of
 * the graph unless a relation needs them (docs/EXTRACTION.md, "Actors"). */
static int drop_incidental(ag_extractor *x)
{
    char *needed = calloc(x->n_e + 1, 1), *placed;
    size_t i;

    if (!needed)
        return AG_ENOMEM;
    for (i = 0; i < x->n_p; i++)
        if (x->p[i].confidence >= 0) {
            if (x->m[x->p[i].a].entity >= 0)
                needed[x->m[x->p[i].a].entity] = 1;
            if (x->m[x->p[i].b].entity >= 0)
                needed[x->m[x->p[i].b].entity] = 1;
        }
    /* "in Canada, the U.S. and the U.K.": the conjuncts of a place are places */
    if (!(placed = calloc(x->n_m + 1, 1))) {
        free(needed);
        return AG_ENOMEM;
    }
    for (i = 0; i < x->n_m; i++) {
        const ag_mention *m = &x->m[i];
        int e = m->entity;
        if (!placed[i] && after_locative(x, m))
            placed[i] = 1;
        if (placed[i] && m->coord > (int)i && (size_t)m->coord < x->n_m && !clause_and(x, m, &x->m[m->coord], placed[i]))
            placed[m->coord] = 2;
        if (e >= 0 && !needed[e] && !incidental_mention(x, m, &x->e[e], placed[i]))
            needed[e] = 1;
    }
    free(placed);
    for (i = 0; i < x->n_e; i++)
        if (!needed[i])
            x->e[i].named = 0;
    free(needed);
    return AG_OK;
}

static int build_graph(ag_extractor *x, ag_graph *g)
{
    const char *doc = ag_doc_name(x->text->doc);
    const char *bytes = ag_doc_bytes(x->text->doc, NULL);
    int *emitted = calloc(x->n_e + 1, sizeof(int));
    size_t *graph_index = calloc(x->n_e + 1, sizeof(size_t));
    char **sent_text = calloc(x->text->n_sentences + 1, sizeof(char *));
    size_t i;
    int rc = AG_OK;
    double min_conf = x->opts ? x->opts->min_confidence : 0.0;
    size_t byte_base = x->opts && x->opts->version >= 3 ? x->opts->byte_base : 0;
    uint32_t sentence_base = x->opts && x->opts->version >= 3 ? x->opts->sentence_base : 0;

    if (!emitted || !graph_index || !sent_text) {
        rc = ag_error_set(x->ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    /* named actors first, in order of first mention, so ids are stable */
    for (i = 0; i < x->n_e; i++) {
        size_t idx;
        if (x->e[i].named && emittable(&x->e[i]) && (rc = emit_actor(x, g, (int)i, &idx, emitted, graph_index)))
            goto out;
    }
    for (i = 0; i < x->n_p; i++) {
        const ag_pending *p = &x->p[i];
        int ea = x->m[p->a].entity, eb = x->m[p->b].entity;
        size_t ia, ib;
        ag_evidence ev;
        const ag_sentence *se = &x->text->sentences[p->sent];
        if (ea < 0 || eb < 0 || ea == eb || !emittable(&x->e[ea]) || !emittable(&x->e[eb]))
            continue;
        if (p->confidence < 0 || p->confidence < min_conf) /* < 0: dropped by a later rule */
            continue;
        if ((rc = emit_actor(x, g, ea, &ia, emitted, graph_index)) || (rc = emit_actor(x, g, eb, &ib, emitted, graph_index)))
            goto out;
        if (ia == ib)
            continue;
        if (!sent_text[p->sent] && !(sent_text[p->sent] = ag_clean_text(bytes + se->start, se->end - se->start))) {
            rc = ag_error_set(x->ctx, AG_ENOMEM, "out of memory");
            goto out;
        }
        ev.doc = doc;
        ev.sentence = sentence_base + p->sent;
        ev.start = (uint32_t)(byte_base + se->start);
        ev.end = (uint32_t)(byte_base + se->end);
        ev.text = sent_text[p->sent];
        ev.rule = p->rule;
        ev.confidence = p->confidence;
        if ((rc = ag_graph_add_edge(g, x->ctx, ia, ib, p->relation, &ev)))
            goto out;
    }
out:
    if (sent_text)
        for (i = 0; i < x->text->n_sentences; i++)
            free(sent_text[i]);
    free(sent_text);
    free(emitted);
    free(graph_index);
    return rc;
}

int ag_extract(ag_graph **out, ag_ctx *ctx, const ag_lexicon *lex, const ag_text *text, const ag_extract_options *opts)
{
    ag_extractor x;
    ag_graph *g = NULL;
    const ag_doc *doc = text->doc;
    const char *date;
    size_t i;
    int rc;

    *out = NULL;
    memset(&x, 0, sizeof(x));
    x.ctx = ctx;
    x.lex = lex;
    x.text = text;
    x.opts = opts;
    date = ag_doc_meta_get(doc, AG_META_DATE);
    if (!date)
        date = text->published;
    if (text->n_tokens && !(x.wsmask = calloc(text->n_tokens, sizeof(uint64_t)))) {
        rc = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    if ((rc = ag_extract__mentions(&x)) || (rc = ag_extract__entities(&x)) || (rc = ag_extract__relations(&x)) ||
        (rc = ag_extract__deprules(&x, opts && opts->version >= 2 ? opts->nlp : NULL)) || (rc = drop_incidental(&x))) {
        ag_error_set(ctx, rc, "%s: out of memory during extraction", ag_doc_name(doc));
        goto out;
    }
    if (opts && opts->explain)
        for (i = 0; i < text->n_sentences; i++)
            if ((rc = explain_sentence(&x, i))) {
                ag_error_set(ctx, rc, "%s: out of memory explaining the extraction", ag_doc_name(doc));
                goto out;
            }
    if ((rc = ag_graph_new(&g, ctx)) ||
        (rc = ag_graph_add_document(g, ctx, ag_doc_name(doc), date, ag_doc_meta_get(doc, AG_META_URL),
                                    ag_doc_meta_get(doc, AG_META_TITLE))) ||
        (rc = build_graph(&x, g)))
        goto out;
    *out = g;
    g = NULL;
out:
    ag_graph_free(g);
    for (i = 0; i < x.n_e; i++)
        free(x.e[i].forms);
    free(x.e);
    free(x.m);
    free(x.p);
    free(x.sent_first);
    free(x.wsmask);
    free(x.speaker);
    if (x.parse_notes)
        for (i = 0; i < text->n_sentences; i++)
            free(x.parse_notes[i]);
    free(x.parse_notes);
    ag_strmap_free(&x.entity_by_key);
    ag_strmap_free(&x.single_count);
    ag_strmap_free(&x.teams);
    ag_strmap_free(&x.by_name_part);
    ag_strmap_free(&x.by_initials);
    ag_strmap_free(&x.by_first_word);
    ag_strmap_free(&x.by_head_word);
    ag_strmap_free(&x.mid_caps);
    ag_arena_free(&x.arena);
    return rc;
}
