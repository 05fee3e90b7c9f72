/* actorgraph: reading dependency-path rules from a lexicon file.  A rule
 * names trigger lemmas and, per role, paths such as "nsubj", "obl:with" or
 * "^obj/nsubj"; the loader checks every field's type and names the rule and
 * field it refuses. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "actorgraph/nlp.h"
#include "lexicon.h"

/* UD subtypes that are part of a relation's name; any other ":x" after obl,
 * nmod, advcl or acl names the case marker the dependent carries. */
static int is_subtype(const char *s)
{
    static const char *const subtypes[] = {"poss", "agent", "relcl", "pass", "prt", "outer", "unmarked",
                                           "desc", "tmod", "npmod", "predet", "preconj", NULL};
    size_t i;
    for (i = 0; subtypes[i]; i++)
        if (!strcmp(s, subtypes[i]))
            return 1;
    return 0;
}

static int parse_step(ag_lexicon *lex, char *text, ag_dep_step *step)
{
    char *colon;

    memset(step, 0, sizeof *step);
    step->set = -1;
    {
        char *brace = strchr(text, '{');
        if (brace) {
            size_t n = strlen(brace);
            if (n < 3 || brace[n - 1] != '}')
                return -1;
            brace[n - 1] = 0;
            *brace++ = 0;
            if (*brace == '!') {
                step->set_negated = 1;
                brace++;
            }
            if ((step->set = ag_lexicon__wordset_named(brace)) < 0)
                return -1;
        }
    }
    if (*text == '^') {
        step->up = 1;
        text++;
    }
    if (!*text)
        return -1;
    colon = strchr(text, ':');
    if (colon && !is_subtype(colon + 1)) {
        *colon = 0;
        if (!colon[1])
            return -1;
        step->case_word = colon + 1;
    }
    step->rel = text;
    (void)lex;
    return 0;
}

/* "nsubj" or "^obj/nsubj" or "obj/nmod:poss" */
static int parse_path(ag_lexicon *lex, const char *text, ag_dep_path *path)
{
    char *copy = ag_arena_strndup(&lex->arena, text, strlen(text)), *p, *save = NULL;
    uint32_t n = 1, i = 0;

    if (!copy)
        return AG_ENOMEM;
    for (p = copy; *p; p++)
        n += *p == '/';
    path->steps = ag_arena_alloc(&lex->arena, n * sizeof *path->steps);
    if (!path->steps)
        return AG_ENOMEM;
    for (p = strtok_r(copy, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
        if (i == n || parse_step(lex, p, &path->steps[i]))
            return AG_EPARSE;
        i++;
    }
    path->n = i;
    return i ? AG_OK : AG_EPARSE;
}

static int load_paths(ag_lexicon *lex, ag_ctx *ctx, const cJSON *rule, const char *field, ag_dep_paths *out,
                      const char *id, const char *name)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rule, field), *it;
    uint32_t i = 0;
    int rc;

    memset(out, 0, sizeof *out);
    if (!arr)
        return AG_OK;
    if (cJSON_IsString(arr)) {
        out->v = ag_arena_alloc(&lex->arena, sizeof *out->v);
        if (!out->v)
            return AG_ENOMEM;
        out->n = 1;
        rc = parse_path(lex, arr->valuestring, &out->v[0]);
        goto check;
    }
    if (!cJSON_IsArray(arr))
        return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: \"%s\" must be a path or a list of paths",
                               id, field);
    out->v = ag_arena_alloc(&lex->arena, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof *out->v);
    if (!out->v)
        return AG_ENOMEM;
    rc = AG_OK;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: \"%s\" holds a non-string", id, field);
        if ((rc = parse_path(lex, it->valuestring, &out->v[i])))
            break;
        i++;
    }
    out->n = i;
check:
    if (rc == AG_EPARSE)
        return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: bad path in \"%s\"", id, field);
    return rc;
}

static int index_lemma(ag_lexicon *lex, const char *lemma, uint32_t rule)
{
    size_t first = 0;
    struct ag_deprule_entry *e;

    AG_GROW(lex->deprule_entries, lex->n_deprule_entries, lex->cap_deprule_entries);
    ag_strmap_get(&lex->deprule_first, lemma, &first);
    e = &lex->deprule_entries[lex->n_deprule_entries++];
    e->rule = rule;
    e->next = (uint32_t)first;
    return ag_strmap_put(&lex->deprule_first, lemma, lex->n_deprule_entries);
}

static uint32_t upos_mask(const cJSON *arr, int *bad)
{
    const cJSON *it;
    uint32_t m = 0;
    int u;

    cJSON_ArrayForEach(it, arr) {
        for (u = 0; u < AG_UPOS_COUNT_; u++)
            if (cJSON_IsString(it) && !strcmp(it->valuestring, ag_nlp_upos_name(u)))
                break;
        if (u == AG_UPOS_COUNT_)
            *bad = 1;
        else
            m |= 1u << u;
    }
    return m;
}

static uint32_t types_mask(const cJSON *arr, int *bad)
{
    const cJSON *it;
    uint32_t m = 0;

    cJSON_ArrayForEach(it, arr) {
        ag_actor_type t;
        if (!cJSON_IsString(it) || ag_actor_type_parse(&t, NULL, it->valuestring))
            *bad = 1;
        else
            m |= 1u << t;
    }
    return m;
}

/* "retracts": relation names, each known */
static int load_retracts(ag_lexicon *lex, ag_ctx *ctx, const cJSON *rule, ag_deprule *r, const char *name)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rule, "retracts"), *it;
    uint32_t n = 0;

    if (!arr)
        return AG_OK;
    if (!cJSON_IsArray(arr))
        return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: \"retracts\" must be a list", r->id);
    r->retracts = ag_arena_alloc(&lex->arena, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof *r->retracts);
    if (!r->retracts)
        return AG_ENOMEM;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it) || !ag_lexicon__known_relation(it->valuestring))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: unknown relation in \"retracts\"",
                                   r->id);
        if (!(r->retracts[n++] = ag_arena_strndup(&lex->arena, it->valuestring, strlen(it->valuestring))))
            return AG_ENOMEM;
    }
    r->n_retracts = n;
    return AG_OK;
}

int ag_lexicon__load_deprules(ag_lexicon *lex, ag_ctx *ctx, const cJSON *arr, const char *name)
{
    const cJSON *c;
    int rc;

    if (!arr)
        return AG_OK;
    if (!cJSON_IsArray(arr))
        return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "\"dep_rules\" must be an array");
    cJSON_ArrayForEach(c, arr) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "id");
        const cJSON *rel = cJSON_GetObjectItemCaseSensitive(c, "relation");
        const cJSON *lemmas = cJSON_GetObjectItemCaseSensitive(c, "lemmas");
        const cJSON *media = cJSON_GetObjectItemCaseSensitive(c, "media_relation");
        const cJSON *conf = cJSON_GetObjectItemCaseSensitive(c, "confidence");
        const cJSON *pos = cJSON_GetObjectItemCaseSensitive(c, "upos");
        const cJSON *it;
        ag_deprule *r;
        int bad = 0;

        if (!cJSON_IsObject(c) || !cJSON_IsString(id) || !cJSON_IsString(rel) || !cJSON_IsArray(lemmas))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1,
                                   "dep_rules: a rule needs \"id\", \"relation\" and a \"lemmas\" array");
        if (!ag_lexicon__known_relation(rel->valuestring) ||
            (media && (!cJSON_IsString(media) || !ag_lexicon__known_relation(media->valuestring))))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: unknown relation", id->valuestring);
        if ((conf && !cJSON_IsNumber(conf)) || (pos && !cJSON_IsArray(pos)))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1,
                                   "dep_rules: rule %s: \"confidence\" must be a number and \"upos\" a list", id->valuestring);
        AG_GROW(lex->deprules, lex->n_deprules, lex->cap_deprules);
        r = &lex->deprules[lex->n_deprules];
        memset(r, 0, sizeof *r);
        r->id = ag_arena_strndup(&lex->arena, id->valuestring, strlen(id->valuestring));
        r->relation = ag_arena_strndup(&lex->arena, rel->valuestring, strlen(rel->valuestring));
        if (!r->id || !r->relation)
            return AG_ENOMEM;
        if (media && !(r->media_relation = ag_arena_strndup(&lex->arena, media->valuestring, strlen(media->valuestring))))
            return AG_ENOMEM;
        r->confidence = conf ? conf->valuedouble : 0.7;
        r->symmetric = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "symmetric"));
        r->statement = !strcmp(r->relation, "says_about");
        r->overrides = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "overrides"));
        if ((rc = load_retracts(lex, ctx, c, r, name)))
            return rc;
        r->upos_mask = upos_mask(pos, &bad);
        r->subject_types = types_mask(cJSON_GetObjectItemCaseSensitive(c, "subject_types"), &bad);
        r->object_types = types_mask(cJSON_GetObjectItemCaseSensitive(c, "object_types"), &bad);
        if (bad)
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: unknown tag or actor type",
                                   id->valuestring);
        if ((rc = load_paths(lex, ctx, c, "source", &r->source, r->id, name)) ||
            (rc = load_paths(lex, ctx, c, "target", &r->target, r->id, name)) ||
            (rc = load_paths(lex, ctx, c, "pairs", &r->pairs, r->id, name)) ||
            (rc = load_paths(lex, ctx, c, "mutual", &r->mutual, r->id, name)))
            return rc;
        if (!r->pairs.n && (!r->source.n || !r->target.n))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1,
                                   "dep_rules: rule %s: needs \"source\" and \"target\", or \"pairs\"", r->id);
        cJSON_ArrayForEach(it, lemmas) {
            char *low;
            size_t i;
            if (!cJSON_IsString(it) || !*it->valuestring)
                return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "dep_rules: rule %s: a lemma must be a word", r->id);
            if (!(low = ag_arena_strndup(&lex->arena, it->valuestring, strlen(it->valuestring))))
                return AG_ENOMEM;
            for (i = 0; low[i]; i++)
                if (low[i] >= 'A' && low[i] <= 'Z')
                    low[i] = (char)(low[i] - 'A' + 'a');
            {
                /* the rule also answers to the lemma's regular forms, so it
                 * fires where the tagger's lemma is off */
                char forms[12][AG_NLP_FORM_MAX];
                int as_noun = r->upos_mask && !(r->upos_mask & (1u << AG_UPOS_VERB));
                size_t k, nf = ag_nlp_inflect(low, as_noun ? AG_UPOS_NOUN : AG_UPOS_VERB, forms, 12);
                for (k = 0; k < nf; k++)
                    if ((rc = index_lemma(lex, forms[k], (uint32_t)lex->n_deprules)))
                        return rc;
            }
        }
        lex->n_deprules++;
    }
    return AG_OK;
}

void ag_lexicon__deprules_for(const ag_lexicon *lex, const char *lemma, ag_deprule_fn fn, void *payload)
{
    size_t e = 0;

    if (!ag_strmap_get(&lex->deprule_first, lemma, &e))
        return;
    while (e) {
        const struct ag_deprule_entry *en = &lex->deprule_entries[e - 1];
        fn(&lex->deprules[en->rule], payload);
        e = en->next;
    }
}
