/* actorgraph: loading and querying the lexicon (docs/LEXICON.md).  The
 * built-in JSON files are embedded at build time; more files can be added.
 * Look-ups are hash-table probes on lower-case words: no scans per token. */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "actorgraph/nlp.h"
#include "text/tokenize.h"

/* Every JSON file of src/data, embedded at build time (see CMakeLists.txt). */
extern const struct ag_embedded_file {
    const char *name;
    const unsigned char *data;
    const size_t *len;
} ag_embedded_files[];


static char *lower_dup(ag_arena *a, const char *s)
{
    size_t n = strlen(s), i;
    char *p = ag_arena_strndup(a, s, n);

    if (p)
        for (i = 0; i < n; i++)
            if (p[i] >= 'A' && p[i] <= 'Z')
                p[i] = (char)(p[i] + 32);
    return p;
}

static int set_add(ag_lexicon *lex, ag_wordset set, const char *word)
{
    char *l = lower_dup(&lex->arena, word);
    ag_tokvec tv = {0};
    int rc;

    if (!l)
        return AG_ENOMEM;
    /* store the word as the tokenizer will see it (folded quotes, case) */
    if ((rc = ag_text__tokenize(&tv, &lex->arena, l, strlen(l), 0)))
        goto out;
    if (tv.n == 1)
        rc = ag_strmap_put(&lex->sets[set], tv.v[0].lower, 1);
    else
        rc = ag_strmap_put(&lex->sets[set], l, 1);
out:
    free(tv.v);
    return rc;
}

int ag_lexicon__has(const ag_lexicon *lex, ag_wordset set, const char *lower)
{
    return lex && ag_strmap_get(&lex->sets[set], lower, NULL);
}

int ag_lexicon__has_tok(const ag_lexicon *lex, ag_wordset set, const ag_token *t)
{
    return lex && ag_strmap_get_hashed(&lex->sets[set], t->lower, t->hash, NULL);
}

uint64_t ag_lexicon__word_mask(const ag_lexicon *lex, const ag_token *t)
{
    size_t mask = 0;

    if (lex)
        ag_strmap_get_hashed(&lex->word_masks, t->lower, t->hash, &mask);
    return (uint64_t)mask;
}

/* Rebuild the word -> sets map after a file added words. */
static int build_word_masks(ag_lexicon *lex)
{
    size_t s, i, mask;
    int rc;

    ag_strmap_free(&lex->word_masks);
    for (s = 0; s < AG_WS_COUNT_; s++)
        for (i = 0; i < lex->sets[s].cap; i++) {
            const char *w = lex->sets[s].keys[i];
            if (!w)
                continue;
            mask = 0;
            ag_strmap_get(&lex->word_masks, w, &mask);
            if ((rc = ag_strmap_put(&lex->word_masks, w, mask | ((size_t)1 << s))))
                return rc;
        }
    for (i = 0; i < lex->phrase_first.cap; i++)
        if (lex->phrase_first.keys[i]) {
            mask = 0;
            ag_strmap_get(&lex->word_masks, lex->phrase_first.keys[i], &mask);
            if ((rc = ag_strmap_put(&lex->word_masks, lex->phrase_first.keys[i], mask | ((size_t)1 << AG_WS_PHRASE_START))))
                return rc;
        }
    for (i = 0; i < lex->rule_first.cap; i++)
        if (lex->rule_first.keys[i]) {
            mask = 0;
            ag_strmap_get(&lex->word_masks, lex->rule_first.keys[i], &mask);
            if ((rc = ag_strmap_put(&lex->word_masks, lex->rule_first.keys[i], mask | ((size_t)1 << AG_WS_RULE_START))))
                return rc;
        }
    return AG_OK;
}

static int add_actor(ag_lexicon *lex, const char *name, ag_actor_type type, uint32_t *index)
{
    size_t found;
    char *key = lower_dup(&lex->arena, name);

    if (!key)
        return AG_ENOMEM;
    if (ag_strmap_get(&lex->actor_by_name, key, &found)) {
        *index = (uint32_t)found;
        if (type != AG_ACTOR_UNKNOWN)
            lex->actors[found].type = type;
        return AG_OK;
    }
    AG_GROW(lex->actors, lex->n_actors, lex->cap_actors);
    lex->actors[lex->n_actors].name = ag_arena_strndup(&lex->arena, name, strlen(name));
    lex->actors[lex->n_actors].type = type;
    lex->actors[lex->n_actors].demonym = NULL;
    lex->actors[lex->n_actors].channel = 0;
    if (!lex->actors[lex->n_actors].name)
        return AG_ENOMEM;
    *index = (uint32_t)lex->n_actors;
    if (ag_strmap_put(&lex->actor_by_name, key, lex->n_actors))
        return AG_ENOMEM;
    lex->n_actors++;
    return AG_OK;
}

/* Insert phrase index p into its first word's bucket, keeping longest first
 * (stable for equal lengths, so earlier files win ties). */
static int index_phrase(ag_lexicon *lex, uint32_t p)
{
    const char *first = lex->phrases[p].lower[0];
    size_t b, i;
    uint32_t *v;

    if (!ag_strmap_get(&lex->phrase_first, first, &b)) {
        AG_GROW(lex->buckets, lex->n_buckets, lex->cap_buckets);
        if (lex->n_buckets >= lex->cap_buckets)
            return AG_ENOMEM;
        {
            size_t *bl = realloc(lex->bucket_len, lex->cap_buckets * sizeof(size_t));
            if (!bl)
                return AG_ENOMEM;
            lex->bucket_len = bl;
        }
        b = lex->n_buckets++;
        lex->buckets[b] = NULL;
        lex->bucket_len[b] = 0;
        if (ag_strmap_put(&lex->phrase_first, first, b))
            return AG_ENOMEM;
    }
    v = realloc(lex->buckets[b], (lex->bucket_len[b] + 1) * sizeof(uint32_t));
    if (!v)
        return AG_ENOMEM;
    lex->buckets[b] = v;
    i = lex->bucket_len[b];
    while (i > 0 && lex->phrases[v[i - 1]].ntok < lex->phrases[p].ntok) {
        v[i] = v[i - 1];
        i--;
    }
    v[i] = p;
    lex->bucket_len[b]++;
    return AG_OK;
}

static int add_phrase(ag_lexicon *lex, const char *text, ag_lx_kind kind, uint32_t actor, ag_title_kind title)
{
    ag_tokvec tv = {0};
    ag_lx_phrase *ph;
    size_t i;
    int rc;
    const char *s = text;

    /* "the Kremlin": the article is optional in text, so it is not part of the phrase */
    if (strncmp(s, "the ", 4) == 0 || strncmp(s, "The ", 4) == 0)
        s += 4;
    if ((rc = ag_text__tokenize(&tv, &lex->arena, s, strlen(s), 0)))
        goto out;
    if (tv.n == 0)
        goto out;
    if (lex->n_phrases == lex->cap_phrases) {
        size_t c = lex->cap_phrases ? lex->cap_phrases * 2 : 256;
        ag_lx_phrase *p = realloc(lex->phrases, c * sizeof(*p));
        if (!p) {
            rc = AG_ENOMEM;
            goto out;
        }
        lex->phrases = p;
        lex->cap_phrases = c;
    }
    ph = &lex->phrases[lex->n_phrases];
    ph->ntok = (uint32_t)tv.n;
    ph->lower = ag_arena_alloc(&lex->arena, tv.n * sizeof(char *));
    ph->casing = ag_arena_alloc(&lex->arena, tv.n);
    if (!ph->lower || !ph->casing) {
        rc = AG_ENOMEM;
        goto out;
    }
    for (i = 0; i < tv.n; i++) {
        ph->lower[i] = tv.v[i].lower;
        /* titles match in any case; names keep their capitals (US is not "us") */
        if (kind == AG_LX_TITLE || kind == AG_LX_MEDIA_NOUN)
            ph->casing[i] = 0;
        else if (tv.v[i].flags & AG_TOK_ALLCAPS && tv.v[i].len <= 5)
            ph->casing[i] = 2;
        else if (tv.v[i].flags & AG_TOK_CAP)
            ph->casing[i] = 1;
        else
            ph->casing[i] = 0;
    }
    ph->kind = kind;
    ph->actor = actor;
    ph->title = title;
    lex->n_phrases++;
    rc = index_phrase(lex, (uint32_t)(lex->n_phrases - 1));
out:
    free(tv.v);
    return rc;
}

/* @p inflect: 0 the words as listed, else the AG_UPOS_* whose regular forms
 * join them (lists of lemmas the parser's words are checked against). */
static int load_strings(ag_lexicon *lex, const cJSON *arr, ag_wordset set, int inflect)
{
    const cJSON *it;
    int rc;

    cJSON_ArrayForEach(it, arr) {
        char forms[12][AG_NLP_FORM_MAX];
        size_t k, n;
        if (!cJSON_IsString(it))
            continue;
        if (!inflect) {
            if ((rc = set_add(lex, set, it->valuestring)))
                return rc;
            continue;
        }
        n = ag_nlp_inflect(it->valuestring, inflect, forms, 12);
        for (k = 0; k < n; k++)
            if ((rc = set_add(lex, set, forms[k])))
                return rc;
    }
    return AG_OK;
}

static int load_phrase_list(ag_lexicon *lex, const cJSON *arr, ag_lx_kind kind, uint32_t actor, ag_title_kind t)
{
    const cJSON *it;
    int rc;

    cJSON_ArrayForEach(it, arr) {
        if (cJSON_IsString(it) && it->valuestring[0] && (rc = add_phrase(lex, it->valuestring, kind, actor, t)))
            return rc;
    }
    return AG_OK;
}

static int load_countries(ag_lexicon *lex, ag_ctx *ctx, const cJSON *arr, const char *name)
{
    const cJSON *c;
    int rc;

    cJSON_ArrayForEach(c, arr) {
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(c, "name");
        uint32_t a;
        if (!cJSON_IsString(n))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "a country has no \"name\"");
        if ((rc = add_actor(lex, n->valuestring, AG_ACTOR_COUNTRY, &a)) ||
            (rc = add_phrase(lex, n->valuestring, AG_LX_ACTOR, a, 0)) ||
            (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(c, "aliases"), AG_LX_ACTOR, a, 0)) ||
            (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(c, "capitals"), AG_LX_CAPITAL, a, 0)) ||
            (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(c, "metonyms"), AG_LX_METONYM, a, 0)) ||
            (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(c, "demonyms"), AG_LX_DEMONYM, a, 0)))
            return rc;
        {
            const cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(c, "demonyms"), 0);
            if (cJSON_IsString(d) && !lex->actors[a].demonym &&
                !(lex->actors[a].demonym = ag_arena_strndup(&lex->arena, d->valuestring, strlen(d->valuestring))))
                return AG_ENOMEM;
        }
    }
    return AG_OK;
}

static int load_actors(ag_lexicon *lex, ag_ctx *ctx, const cJSON *arr, const char *name)
{
    const cJSON *c;
    int rc;

    cJSON_ArrayForEach(c, arr) {
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(c, "name");
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(c, "type");
        const cJSON *channel = cJSON_GetObjectItemCaseSensitive(c, "channel");
        ag_actor_type type = AG_ACTOR_ORGANIZATION;
        uint32_t a;
        if (!cJSON_IsString(n))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "an actor has no \"name\"");
        if (cJSON_IsString(t) && ag_actor_type_parse(&type, NULL, t->valuestring))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "actor \"%s\": unknown type \"%s\"",
                                   n->valuestring, t->valuestring);
        if ((rc = add_actor(lex, n->valuestring, type, &a)) ||
            (rc = add_phrase(lex, n->valuestring, AG_LX_ACTOR, a, 0)) ||
            (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(c, "aliases"), AG_LX_ACTOR, a, 0)))
            return rc;
        if (channel && !cJSON_IsBool(channel))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "actor \"%s\": \"channel\" must be true or false",
                                   n->valuestring);
        lex->actors[a].channel = cJSON_IsTrue(channel);
    }
    return AG_OK;
}

/* "foreign minister", "home affairs secretary": the words before the office
 * name portfolios, which "Minister of Home Affairs X" may spell out. */
static int add_portfolio_words(ag_lexicon *lex, const char *title)
{
    const char *last = strrchr(title, ' '), *p = title;
    int rc;

    if (!last || (strcmp(last + 1, "minister") && strcmp(last + 1, "secretary")))
        return AG_OK;
    while (p < last) {
        const char *e = strchr(p, ' ');
        char word[48];
        size_t n = (size_t)(e - p);
        if (n && n < sizeof word) {
            memcpy(word, p, n);
            word[n] = '\0';
            if ((rc = set_add(lex, AG_WS_PORTFOLIO, word)))
                return rc;
        }
        p = e + 1;
    }
    return AG_OK;
}

static int load_titles(ag_lexicon *lex, ag_ctx *ctx, const cJSON *arr, const char *name)
{
    const cJSON *c;
    int rc;

    cJSON_ArrayForEach(c, arr) {
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "words");
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(c, "kind");
        ag_title_kind kind = AG_TITLE_OFFICE;
        if (cJSON_IsString(c)) {
            w = c;
            k = NULL;
        }
        if (!cJSON_IsString(w))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "a title has no \"words\"");
        if (cJSON_IsString(k)) {
            if (!strcmp(k->valuestring, "honorific"))
                kind = AG_TITLE_HONORIFIC;
            else if (!strcmp(k->valuestring, "descriptor"))
                kind = AG_TITLE_DESCRIPTOR;
            else if (strcmp(k->valuestring, "office"))
                return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "title \"%s\": unknown kind \"%s\"",
                                       w->valuestring, k->valuestring);
        }
        if ((rc = add_phrase(lex, w->valuestring, AG_LX_TITLE, 0, kind)) || (rc = add_portfolio_words(lex, w->valuestring)))
            return rc;
    }
    return AG_OK;
}

static const char *const relation_names[] = {
    "communicates_with", "told", "meets", "negotiates_with", "role_of", "member_of", "quoted_by", "cites",
    "says_about", "echoes", "agrees_with", "supports", "cooperates_with", "offers_to", "requests_from",
    "exchanges_with", "opposes", "accuses", "denies", "attacks", "captures", "other",
    /* finer kinds of "other" (the scorer's class for anything outside its table) */
    "acquires", "owns", "investigates", "succeeds", "related_to"};

int ag_lexicon__known_relation(const char *r)
{
    size_t i;
    for (i = 0; i < sizeof(relation_names) / sizeof(relation_names[0]); i++)
        if (!strcmp(r, relation_names[i]))
            return 1;
    return 0;
}

static uint32_t type_mask(const cJSON *arr)
{
    const cJSON *it;
    uint32_t m = 0;
    cJSON_ArrayForEach(it, arr) {
        ag_actor_type t;
        if (cJSON_IsString(it) && !ag_actor_type_parse(&t, NULL, it->valuestring))
            m |= 1u << t;
    }
    return m;
}

static int index_rule(ag_lexicon *lex, uint32_t r)
{
    const ag_rule *rule = &lex->rules[r];
    size_t b;
    uint32_t *v;

    if (rule->prefix[0] || !strcmp(rule->words[0], "_")) {
        v = realloc(lex->prefix_rules, (lex->n_prefix_rules + 1) * sizeof(uint32_t));
        if (!v)
            return AG_ENOMEM;
        lex->prefix_rules = v;
        v[lex->n_prefix_rules++] = r;
        if (!strcmp(rule->words[0], "_"))
            memset(lex->prefix_first, 1, sizeof(lex->prefix_first));
        else
            lex->prefix_first[(unsigned char)rule->words[0][0]] = 1;
        return AG_OK;
    }
    if (!ag_strmap_get(&lex->rule_first, rule->words[0], &b)) {
        AG_GROW(lex->rule_buckets, lex->n_rule_buckets, lex->cap_rule_buckets);
        {
            size_t *bl = realloc(lex->rule_bucket_len, lex->cap_rule_buckets * sizeof(size_t));
            if (!bl)
                return AG_ENOMEM;
            lex->rule_bucket_len = bl;
        }
        b = lex->n_rule_buckets++;
        lex->rule_buckets[b] = NULL;
        lex->rule_bucket_len[b] = 0;
        if (ag_strmap_put(&lex->rule_first, rule->words[0], b))
            return AG_ENOMEM;
    }
    v = realloc(lex->rule_buckets[b], (lex->rule_bucket_len[b] + 1) * sizeof(uint32_t));
    if (!v)
        return AG_ENOMEM;
    lex->rule_buckets[b] = v;
    v[lex->rule_bucket_len[b]++] = r;
    return AG_OK;
}

static int load_rules(ag_lexicon *lex, ag_ctx *ctx, const cJSON *arr, const char *name)
{
    const cJSON *c;
    int rc;

    cJSON_ArrayForEach(c, arr) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "id");
        const cJSON *rel = cJSON_GetObjectItemCaseSensitive(c, "relation");
        const cJSON *trig = cJSON_GetObjectItemCaseSensitive(c, "trigger");
        const cJSON *pat = cJSON_GetObjectItemCaseSensitive(c, "pattern");
        const cJSON *conf = cJSON_GetObjectItemCaseSensitive(c, "confidence");
        const cJSON *gap = cJSON_GetObjectItemCaseSensitive(c, "max_gap");
        ag_rule *r;
        char *copy, *w, *save = NULL;
        size_t n = 0, i;

        if (!cJSON_IsString(id) || !cJSON_IsString(rel) || !cJSON_IsString(trig))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "a rule needs \"id\", \"relation\" and \"trigger\"");
        if (!ag_lexicon__known_relation(rel->valuestring))
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "rule %s: unknown relation \"%s\"",
                                   id->valuestring, rel->valuestring);
        AG_GROW(lex->rules, lex->n_rules, lex->cap_rules);
        r = &lex->rules[lex->n_rules];
        memset(r, 0, sizeof(*r));
        r->id = ag_arena_strndup(&lex->arena, id->valuestring, strlen(id->valuestring));
        r->relation = ag_arena_strndup(&lex->arena, rel->valuestring, strlen(rel->valuestring));
        copy = lower_dup(&lex->arena, trig->valuestring);
        if (!r->id || !r->relation || !copy)
            return AG_ENOMEM;
        for (i = 0; copy[i]; i++)
            n += (copy[i] != ' ' && (i == 0 || copy[i - 1] == ' '));
        if (!n)
            return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "rule %s: empty trigger", id->valuestring);
        r->words = ag_arena_alloc(&lex->arena, n * sizeof(char *));
        r->prefix = ag_arena_alloc(&lex->arena, n);
        if (!r->words || !r->prefix)
            return AG_ENOMEM;
        for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            size_t len = strlen(w);
            r->prefix[r->ntok] = len > 1 && w[len - 1] == '*';
            if (r->prefix[r->ntok])
                w[len - 1] = '\0';
            r->words[r->ntok++] = w;
        }
        /* fillers go between a verb or noun and its words ("held new talks",
         * "in close contact"), not after prepositional openings like "to" */
        r->fillers = r->ntok > 1 && strcmp(r->words[0], "to") && strcmp(r->words[0], "with") &&
                     strcmp(r->words[0], "of") && strcmp(r->words[0], "for") && strcmp(r->words[0], "on");
        r->pattern = AG_PAT_SVO;
        if (cJSON_IsString(pat)) {
            if (!strcmp(pat->valuestring, "subject_only"))
                r->pattern = AG_PAT_SUBJECT_ONLY;
            else if (!strcmp(pat->valuestring, "attribution"))
                r->pattern = AG_PAT_ATTRIBUTION;
            else if (!strcmp(pat->valuestring, "citing"))
                r->pattern = AG_PAT_CITING;
            else if (!strcmp(pat->valuestring, "reported"))
                r->pattern = AG_PAT_REPORTED;
            else if (strcmp(pat->valuestring, "svo"))
                return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "rule %s: unknown pattern \"%s\"",
                                       id->valuestring, pat->valuestring);
        }
        r->passive = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "passive"));
        r->symmetric = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "symmetric"));
        r->object_previous = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "object_previous"));
        r->noun = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "noun"));
        r->nationality = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "nationality"));
        {
            const cJSON *op = cJSON_GetObjectItemCaseSensitive(c, "object_prep");
            if (cJSON_IsString(op) && !(r->object_prep = lower_dup(&lex->arena, op->valuestring)))
                return AG_ENOMEM;
        }
        r->subject_types = type_mask(cJSON_GetObjectItemCaseSensitive(c, "subject_types"));
        r->object_types = type_mask(cJSON_GetObjectItemCaseSensitive(c, "object_types"));
        r->confidence = cJSON_IsNumber(conf) ? conf->valuedouble : 0.7;
        r->max_gap = cJSON_IsNumber(gap) ? gap->valueint : 6;
        lex->n_rules++;
        if ((rc = index_rule(lex, (uint32_t)(lex->n_rules - 1))))
            return rc;
    }
    return AG_OK;
}

static int load_furniture(ag_lexicon *lex, const cJSON *obj)
{
    const cJSON *it;
    int rc;

    if ((rc = load_strings(lex, cJSON_GetObjectItemCaseSensitive(obj, "lines"), AG_WS_FURN_LINE, 0)))
        return rc;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(obj, "prefixes")) {
        char **v;
        if (!cJSON_IsString(it))
            continue;
        v = realloc(lex->furn_prefixes, (lex->n_furn_prefixes + 1) * sizeof(char *));
        if (!v)
            return AG_ENOMEM;
        lex->furn_prefixes = v;
        if (!(v[lex->n_furn_prefixes++] = lower_dup(&lex->arena, it->valuestring)))
            return AG_ENOMEM;
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(obj, "phrases")) {
        char **v, *p, word[64];
        size_t *nx, n = 0, head;
        if (!cJSON_IsString(it) || !it->valuestring[0])
            continue;
        v = realloc(lex->furn_phrases, (lex->n_furn_phrases + 1) * sizeof(char *));
        if (!v)
            return AG_ENOMEM;
        lex->furn_phrases = v;
        nx = realloc(lex->furn_next, (lex->n_furn_phrases + 1) * sizeof(size_t));
        if (!nx)
            return AG_ENOMEM;
        lex->furn_next = nx;
        if (!(p = v[lex->n_furn_phrases] = lower_dup(&lex->arena, it->valuestring)))
            return AG_ENOMEM;
        /* chain phrases by their first word, so a line is scanned once */
        while (p[n] && p[n] != ' ' && n + 1 < sizeof(word)) {
            word[n] = p[n];
            n++;
        }
        word[n] = '\0';
        nx[lex->n_furn_phrases] = ag_strmap_get(&lex->furn_first, word, &head) ? head : (size_t)-1;
        if (ag_strmap_put(&lex->furn_first, word, lex->n_furn_phrases))
            return AG_ENOMEM;
        lex->n_furn_phrases++;
    }
    return AG_OK;
}

/* The lexicon keys that hold word lists, and their sets. */
static const struct { const char *key; ag_wordset set; int inflect; } word_lists[] = {
    {"common_words", AG_WS_COMMON, 0}, {"given_names", AG_WS_GIVEN, 0}, {"months", AG_WS_MONTH, 0},
    {"weekdays", AG_WS_WEEKDAY, 0}, {"org_heads", AG_WS_ORG_HEAD, 0}, {"media_heads", AG_WS_MEDIA_HEAD, 0},
    {"group_heads", AG_WS_GROUP_HEAD, 0}, {"place_heads", AG_WS_PLACE_HEAD, 0},
    {"name_particles", AG_WS_PARTICLE, 0}, {"speech_verbs", AG_WS_SPEECH, 0},
    {"abbreviations", AG_WS_ABBREV, 0}, {"country_nouns", AG_WS_COUNTRY_NOUN, 0}, {"trigger_fillers", AG_WS_FILLER, 0},
    {"determiners", AG_WS_DET, 0}, {"prepositions", AG_WS_PREP, 0}, {"locatives", AG_WS_LOCATIVE, 0},
    {"title_modifiers", AG_WS_TITLE_MOD, 0}, {"say_verbs", AG_WS_SAY, 0}, {"aux_words", AG_WS_AUX, 0},
    {"clause_openers", AG_WS_OPENER, 0}, {"negation_cues", AG_WS_NEGATION, 0},
    {"pronouns", AG_WS_PRONOUN, 0}, {"stop_verbs", AG_WS_STOP_VERB, 0},
    {"org_nouns", AG_WS_ORG_NOUN, 0}, {"sub_body_heads", AG_WS_SUB_BODY, 0},
    {"stand_in_nouns", AG_WS_STAND_IN, AG_UPOS_NOUN}, {"negating_verbs", AG_WS_NEGATING_VERB, AG_UPOS_VERB},
    {"speech_lemmas", AG_WS_SPEECH_LEMMA, AG_UPOS_VERB}, {"light_verbs", AG_WS_LIGHT_VERB, AG_UPOS_VERB},
    {"conditional_marks", AG_WS_CONDITIONAL, 0}, {"statement_nouns", AG_WS_STATEMENT_NOUN, AG_UPOS_NOUN},
    {"object_control_verbs", AG_WS_CONTROL_VERB, AG_UPOS_VERB}, {"relay_verbs", AG_WS_RELAY_VERB, AG_UPOS_VERB},
    {"relative_pronouns", AG_WS_RELATIVE_PRONOUN, 0}, {"person_pronouns", AG_WS_PERSON_PRONOUN, 0},
    {"other_pronouns", AG_WS_OTHER_PRONOUN, 0}, {"first_person_pronouns", AG_WS_FIRST_PERSON, 0},
    {"negators", AG_WS_NEGATOR, 0}, {"leader_body_nouns", AG_WS_LEADER_BODY, 0},
    {"exact_acronyms", AG_WS_EXACT_ACRONYM, 0}, {"body_offices", AG_WS_BODY_OFFICE, 0},
    {"state_media_words", AG_WS_STATE_MEDIA, 0}, {"kinship_words", AG_WS_KINSHIP, 0},
    {"generic_heads", AG_WS_GENERIC_HEAD, 0}, {"private_heads", AG_WS_PRIVATE_HEAD, 0},
    {"surname_titles", AG_WS_SURNAME_TITLE, 0}, {"sport_words", AG_WS_SPORT_WORD, 0}, {"team_cues_before", AG_WS_TEAM_BEFORE, 0},
    {"team_cues_before_preposition", AG_WS_TEAM_PREP_CUE, 0}, {"team_cues_after", AG_WS_TEAM_AFTER, 0}};

int ag_lexicon__wordset_named(const char *key)
{
    size_t i;
    for (i = 0; i < sizeof(word_lists) / sizeof(word_lists[0]); i++)
        if (!strcmp(word_lists[i].key, key))
            return (int)word_lists[i].set;
    return -1;
}

/* ---- the shape of a lexicon file ----
 * Every known key must hold the type the loaders read; a wrong type is an
 * error naming its JSON path ("actors[3].aliases[1]"), never a silent skip.
 * Unknown keys are allowed (a newer file, or "_comment"). */

typedef enum { SH_STRING, SH_NUMBER, SH_BOOL, SH_STRINGS } shape_kind;

typedef struct shape_field {
    const char *key;
    shape_kind kind;
    int required;
} shape_field;

static int shape_error(ag_ctx *ctx, const char *name, const char *path, const char *what)
{
    return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "%s: must be %s", path, what);
}

static int check_strings(ag_ctx *ctx, const char *name, const cJSON *arr, const char *path)
{
    const cJSON *it;
    char sub[192];
    int k = 0;

    if (!cJSON_IsArray(arr))
        return shape_error(ctx, name, path, "an array of strings");
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it)) {
            snprintf(sub, sizeof sub, "%s[%d]", path, k);
            return shape_error(ctx, name, sub, "a string");
        }
        k++;
    }
    return AG_OK;
}

static int check_fields(ag_ctx *ctx, const char *name, const cJSON *obj, const char *path, const shape_field *f,
                        size_t n)
{
    static const char *const what[] = {"a string", "a number", "true or false", "an array of strings"};
    char sub[192];
    size_t i;

    if (!cJSON_IsObject(obj))
        return shape_error(ctx, name, path, "an object");
    for (i = 0; i < n; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, f[i].key);
        int ok;
        snprintf(sub, sizeof sub, "%s.%s", path, f[i].key);
        if (!v) {
            if (f[i].required)
                return ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "%s: missing", sub);
            continue;
        }
        if (f[i].kind == SH_STRINGS) {
            int rc = check_strings(ctx, name, v, sub);
            if (rc)
                return rc;
            continue;
        }
        ok = f[i].kind == SH_STRING ? cJSON_IsString(v) : f[i].kind == SH_NUMBER ? cJSON_IsNumber(v) : cJSON_IsBool(v);
        if (!ok)
            return shape_error(ctx, name, sub, what[f[i].kind]);
    }
    return AG_OK;
}

/* Each element of root[key] is an object of fields @p f (or, with
 * @p strings_too, a plain string). */
static int check_objects(ag_ctx *ctx, const char *name, const cJSON *root, const char *key, const shape_field *f,
                         size_t n, int strings_too)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key), *it;
    char path[96];
    int k = 0, rc;

    if (!arr)
        return AG_OK;
    if (!cJSON_IsArray(arr))
        return shape_error(ctx, name, key, "an array");
    cJSON_ArrayForEach(it, arr) {
        snprintf(path, sizeof path, "%s[%d]", key, k++);
        if (strings_too && cJSON_IsString(it))
            continue;
        if ((rc = check_fields(ctx, name, it, path, f, n)))
            return rc;
    }
    return AG_OK;
}

#define N_FIELDS(a) (sizeof(a) / sizeof((a)[0]))

static int check_shape(ag_ctx *ctx, const char *name, const cJSON *root)
{
    static const shape_field country[] = {{"name", SH_STRING, 1},     {"aliases", SH_STRINGS, 0},
                                          {"capitals", SH_STRINGS, 0}, {"demonyms", SH_STRINGS, 0},
                                          {"metonyms", SH_STRINGS, 0}};
    static const shape_field actor[] = {
        {"name", SH_STRING, 1}, {"type", SH_STRING, 0}, {"aliases", SH_STRINGS, 0}, {"channel", SH_BOOL, 0}};
    static const shape_field title[] = {{"words", SH_STRING, 1}, {"kind", SH_STRING, 0}};
    static const shape_field rule[] = {
        {"id", SH_STRING, 1},           {"relation", SH_STRING, 1},         {"trigger", SH_STRING, 1},
        {"pattern", SH_STRING, 0},      {"object_prep", SH_STRING, 0},      {"confidence", SH_NUMBER, 0},
        {"max_gap", SH_NUMBER, 0},      {"passive", SH_BOOL, 0},            {"symmetric", SH_BOOL, 0},
        {"object_previous", SH_BOOL, 0}, {"noun", SH_BOOL, 0},              {"nationality", SH_BOOL, 0},
        {"subject_types", SH_STRINGS, 0}, {"object_types", SH_STRINGS, 0}};
    static const shape_field dep_rule[] = {
        {"id", SH_STRING, 1},           {"relation", SH_STRING, 1},     {"lemmas", SH_STRINGS, 0},
        {"upos", SH_STRINGS, 0},        {"source", SH_STRINGS, 0},      {"target", SH_STRINGS, 0},
        {"mutual", SH_STRINGS, 0},      {"pairs", SH_STRINGS, 0},       {"retracts", SH_STRINGS, 0},
        {"subject_types", SH_STRINGS, 0}, {"object_types", SH_STRINGS, 0}, {"media_relation", SH_STRING, 0},
        {"overrides", SH_BOOL, 0},      {"symmetric", SH_BOOL, 0},      {"confidence", SH_NUMBER, 0}};
    static const shape_field furniture[] = {
        {"lines", SH_STRINGS, 0}, {"prefixes", SH_STRINGS, 0}, {"phrases", SH_STRINGS, 0}};
    const cJSON *v;
    size_t i;
    int rc;

    for (i = 0; i < sizeof(word_lists) / sizeof(word_lists[0]); i++)
        if ((v = cJSON_GetObjectItemCaseSensitive(root, word_lists[i].key)) &&
            (rc = check_strings(ctx, name, v, word_lists[i].key)))
            return rc;
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "media_nouns")) && (rc = check_strings(ctx, name, v, "media_nouns")))
        return rc;
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "furniture")) &&
        (rc = check_fields(ctx, name, v, "furniture", furniture, N_FIELDS(furniture))))
        return rc;
    if ((rc = check_objects(ctx, name, root, "countries", country, N_FIELDS(country), 0)) ||
        (rc = check_objects(ctx, name, root, "actors", actor, N_FIELDS(actor), 0)) ||
        (rc = check_objects(ctx, name, root, "titles", title, N_FIELDS(title), 1)) ||
        (rc = check_objects(ctx, name, root, "rules", rule, N_FIELDS(rule), 0)) ||
        (rc = check_objects(ctx, name, root, "dep_rules", dep_rule, N_FIELDS(dep_rule), 0)))
        return rc;
    return AG_OK;
}

int ag_lexicon_add_json(ag_lexicon *lex, ag_ctx *ctx, const char *bytes, size_t len, const char *name)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(bytes, len, &end, 0);
    int rc = AG_OK;

    size_t i;

    if (!root) {
        long long off = end ? (long long)(end - bytes) : -1;
        unsigned long line = 1;
        for (i = 0; end && bytes + i < end; i++)
            line += bytes[i] == '\n';
        return ag_error_set_at(ctx, AG_EPARSE, name, end ? line : 0, end ? -1 : off,
                               "invalid JSON near byte %lld", off);
    }
    if (!cJSON_IsObject(root)) {
        rc = ag_error_set_at(ctx, AG_EPARSE, name, 0, -1, "a lexicon file must be a JSON object");
        goto out;
    }
    if ((rc = check_shape(ctx, name, root)))
        goto out;
    for (i = 0; i < sizeof(word_lists) / sizeof(word_lists[0]); i++)
        if ((rc = load_strings(lex, cJSON_GetObjectItemCaseSensitive(root, word_lists[i].key), word_lists[i].set,
                               word_lists[i].inflect)))
            goto out;
    if ((rc = load_countries(lex, ctx, cJSON_GetObjectItemCaseSensitive(root, "countries"), name)) ||
        (rc = load_actors(lex, ctx, cJSON_GetObjectItemCaseSensitive(root, "actors"), name)) ||
        (rc = load_titles(lex, ctx, cJSON_GetObjectItemCaseSensitive(root, "titles"), name)) ||
        (rc = load_phrase_list(lex, cJSON_GetObjectItemCaseSensitive(root, "media_nouns"), AG_LX_MEDIA_NOUN, 0, 0)) ||
        (rc = load_rules(lex, ctx, cJSON_GetObjectItemCaseSensitive(root, "rules"), name)) ||
        (rc = ag_lexicon__load_deprules(lex, ctx, cJSON_GetObjectItemCaseSensitive(root, "dep_rules"), name)) ||
        (rc = load_furniture(lex, cJSON_GetObjectItemCaseSensitive(root, "furniture"))))
        goto out;
    rc = build_word_masks(lex);
out:
    if (rc == AG_ENOMEM)
        ag_error_set(ctx, rc, "out of memory loading %s", name);
    cJSON_Delete(root);
    return rc;
}

int ag_lexicon__new_empty(ag_lexicon **out, ag_ctx *ctx)
{
    *out = calloc(1, sizeof(**out));
    return *out ? AG_OK : ag_error_set(ctx, AG_ENOMEM, "out of memory");
}

int ag_lexicon_new(ag_lexicon **out, ag_ctx *ctx)
{
    ag_lexicon *lex;
    const struct ag_embedded_file *f;
    int rc;

    if ((rc = ag_lexicon__new_empty(out, ctx)))
        return rc;
    lex = *out;
    *out = NULL;
    for (f = ag_embedded_files; f->name; f++) {
        if ((rc = ag_lexicon_add_json(lex, ctx, (const char *)f->data, *f->len, f->name))) {
            ag_lexicon_free(lex);
            return rc;
        }
    }
    *out = lex;
    return AG_OK;
}

void ag_lexicon_free(ag_lexicon *lex)
{
    size_t i;

    if (!lex)
        return;
    for (i = 0; i < AG_WS_COUNT_; i++)
        ag_strmap_free(&lex->sets[i]);
    for (i = 0; i < lex->n_buckets; i++)
        free(lex->buckets[i]);
    for (i = 0; i < lex->n_rule_buckets; i++)
        free(lex->rule_buckets[i]);
    free(lex->buckets);
    free(lex->bucket_len);
    free(lex->rule_buckets);
    free(lex->rule_bucket_len);
    free(lex->prefix_rules);
    free(lex->actors);
    free(lex->phrases);
    free(lex->rules);
    free(lex->deprules);
    free(lex->deprule_entries);
    ag_strmap_free(&lex->deprule_first);
    free(lex->furn_prefixes);
    free(lex->furn_phrases);
    free(lex->furn_next);
    ag_strmap_free(&lex->furn_first);
    ag_strmap_free(&lex->word_masks);
    ag_strmap_free(&lex->actor_by_name);
    ag_strmap_free(&lex->phrase_first);
    ag_strmap_free(&lex->rule_first);
    ag_arena_free(&lex->arena);
    free(lex);
}

/* Longest line (bytes) a furniture phrase inside it can drop: two or three
 * sentences of page chrome, shorter than a paragraph of news. */
#define AG_FURNITURE_PHRASE_LINE_MAX 240

int ag_lexicon__furniture(const ag_lexicon *lex, const char *line, size_t len)
{
    char small[512], *low;
    size_t i, n;
    int hit = 0;

    if (!lex || !len)
        return 0;
    /* one lower-cased copy of the line, then a fast substring search per phrase */
    low = len < sizeof(small) ? small : malloc(len + 1);
    if (!low)
        return 0;
    for (i = 0; i < len; i++)
        low[i] = (line[i] >= 'A' && line[i] <= 'Z') ? (char)(line[i] + 32) : line[i];
    low[len] = '\0';
    /* exact line match ignores a trailing colon or "!" */
    n = len;
    while (n && (low[n - 1] == ':' || low[n - 1] == '!' || low[n - 1] == ' '))
        n--;
    if (n && n < 256) {
        char c = low[n];
        low[n] = '\0';
        hit = ag_strmap_get(&lex->sets[AG_WS_FURN_LINE], low, NULL);
        low[n] = c;
    }
    /* a prefix marks a short line only: "By" must not drop a paragraph */
    for (i = 0; !hit && len < 160 && i < lex->n_furn_prefixes; i++)
        hit = !strncmp(low, lex->furn_prefixes[i], strlen(lex->furn_prefixes[i]));
    /* phrases start at a word: look up each word of the line once.  A phrase
     * marks a short line only: running text that happens to hold one ("an
     * outlet supported by readers like you said ...", or a whole article on
     * one line) is never dropped */
    for (i = 0; !hit && len < AG_FURNITURE_PHRASE_LINE_MAX && i < len;) {
        size_t j = i, head;
        while (j < len && low[j] != ' ')
            j++;
        if (j > i) {
            char c = low[j];
            low[j] = '\0';
            if (ag_strmap_get(&lex->furn_first, low + i, &head)) {
                low[j] = c;
                for (; head != (size_t)-1 && !hit; head = lex->furn_next[head])
                    hit = !strncmp(low + i, lex->furn_phrases[head], strlen(lex->furn_phrases[head]));
            }
            low[j] = c;
        }
        i = j + 1;
    }
    if (low != small)
        free(low);
    return hit;
}

/* An acronym of four letters or more also matches the way some papers
 * write it ("Nato", "Uefa", "Unesco"), unless it is also a name ("Rand"). */
static int titlecase_acronym(const ag_lexicon *lex, const ag_token *t)
{
    size_t k;

    if (t->len < 4 || !(t->flags & AG_TOK_CAP) || (t->flags & AG_TOK_ALLCAPS))
        return 0;
    for (k = 1; k < t->len; k++)
        if (!(t->norm[k] >= 'a' && t->norm[k] <= 'z'))
            return 0;
    return !ag_lexicon__has_tok(lex, AG_WS_EXACT_ACRONYM, t) && !ag_lexicon__has_tok(lex, AG_WS_GIVEN, t);
}

static int casing_ok(const ag_lexicon *lex, uint8_t casing, const ag_token *t)
{
    if (casing == 2)
        return (t->flags & AG_TOK_ALLCAPS) != 0 || titlecase_acronym(lex, t);
    if (casing == 1)
        return (t->flags & AG_TOK_CAP) != 0;
    return 1;
}

int ag_lexicon__match(const ag_lexicon *lex, const ag_token *toks, size_t i, size_t n, unsigned kinds,
                      uint32_t *phrase, uint32_t *ntok)
{
    size_t b, k, j;

    /* callers scan up to n and may ask at n itself: nothing starts there */
    if (i >= n || !ag_strmap_get_hashed(&lex->phrase_first, toks[i].lower, toks[i].hash, &b))
        return 0;
    for (k = 0; k < lex->bucket_len[b]; k++) {
        const ag_lx_phrase *p = &lex->phrases[lex->buckets[b][k]];
        if (!(kinds & (1u << p->kind)) || i + p->ntok > n)
            continue;
        for (j = 0; j < p->ntok; j++)
            if (strcmp(toks[i + j].lower, p->lower[j]) || !casing_ok(lex, p->casing[j], &toks[i + j]))
                break;
        if (j == p->ntok) {
            *phrase = lex->buckets[b][k];
            *ntok = p->ntok;
            return 1;
        }
    }
    return 0;
}

static int rule_word_ok(const ag_rule *r, uint32_t j, const ag_token *t)
{
    if (!strcmp(r->words[j], "_"))
        return (t->flags & AG_TOK_WORD) != 0;
    if (r->prefix[j])
        return t->lower[0] == r->words[j][0] && strncmp(t->lower, r->words[j], strlen(r->words[j])) == 0;
    return strcmp(t->lower, r->words[j]) == 0;
}

/* Match rule r at token i.  Between two trigger words up to five filler
 * words may stand ("in close contact with", "held a new round of talks"):
 * the trigger_fillers list. */
static void try_rule(const ag_lexicon *lex, const ag_rule *r, const ag_token *toks, size_t i, size_t n, ag_rule_fn fn,
                     void *payload)
{
    uint32_t j;
    size_t at = i;

    for (j = 0; j < r->ntok; j++) {
        int skipped = 0;
        if (at >= n)
            return;
        while (j > 0 && r->fillers && !rule_word_ok(r, j, &toks[at]) && skipped < 5 && at + 1 < n &&
               ag_strmap_get_hashed(&lex->sets[AG_WS_FILLER], toks[at].lower, toks[at].hash, NULL)) {
            at++;
            skipped++;
        }
        if (!rule_word_ok(r, j, &toks[at]))
            return;
        at++;
    }
    fn(r, i, at - i, payload);
}

void ag_lexicon__rules_at(const ag_lexicon *lex, const ag_token *toks, size_t i, size_t n, ag_rule_fn fn,
                          void *payload)
{
    size_t b, k;

    if (i < n && ag_strmap_get_hashed(&lex->rule_first, toks[i].lower, toks[i].hash, &b))
        for (k = 0; k < lex->rule_bucket_len[b]; k++)
            try_rule(lex, &lex->rules[lex->rule_buckets[b][k]], toks, i, n, fn, payload);
    for (k = 0; k < lex->n_prefix_rules; k++)
        try_rule(lex, &lex->rules[lex->prefix_rules[k]], toks, i, n, fn, payload);
}
