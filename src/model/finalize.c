/* actorgraph: ag_graph_finalize(): join actors that are one (shared name
 * keys, a lone surname, an acronym), pick labels, sort, assign ids, recount
 * weights, then hand over to metrics.c.  Every choice depends only on the
 * set of facts, never on the order they arrived in, so merging articles in
 * any order gives the same bytes, and finalizing twice changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "model/model_internal.h"

/* ---- union-find over actor indices ---- */
static size_t uf_find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Union keeping the smaller index as root, so group order is first-member order. */
static int uf_union(size_t *parent, size_t a, size_t b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a == b)
        return 0;
    if (a < b)
        parent[b] = a;
    else
        parent[a] = b;
    return 1;
}

/* ---- choosing the label ---- */
static size_t count_tokens(const char *s)
{
    size_t n = *s ? 1 : 0;

    for (; *s; s++)
        if (*s == ' ')
            n++;
    return n;
}

static int starts_with_the(const char *s)
{
    return (s[0] == 'T' || s[0] == 't') && (s[1] == 'h' || s[1] == 'H') &&
           (s[2] == 'e' || s[2] == 'E') && s[3] == ' ';
}

static size_t count_codepoints(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static int has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return 1;
    return 0;
}

/* Negative when form @p a makes the better label: the most complete form
 * (most words, then most characters, a leading "The" not counting), then
 * mixed case over ALL CAPS, then a form without "The", then bytewise.  Mention
 * counts are kept per actor, not per form, so they cannot rank the forms of
 * one actor; using them would also make a second finalize choose again. */
static int form_rank_cmp(const char *a, const char *b)
{
    int ta = starts_with_the(a), tb = starts_with_the(b);
    const char *ca = ta ? a + 4 : a, *cb = tb ? b + 4 : b;
    size_t na = count_tokens(ca), nb = count_tokens(cb);

    if (na != nb)
        return na > nb ? -1 : 1;
    na = count_codepoints(ca);
    nb = count_codepoints(cb);
    if (na != nb)
        return na > nb ? -1 : 1;
    if (has_lower(a) != has_lower(b))
        return has_lower(a) ? -1 : 1;
    if (ta != tb)
        return ta ? 1 : -1;
    return strcmp(a, b);
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- rebuilding the graph from a partition of its actors ---- */

/* Replace @p g's actors by one actor per group of @p parent (in order of each
 * group's smallest member), labels chosen among all forms, and remap the
 * edges, dropping the self-loops a join creates.  Takes over the strings. */
static int rebuild(ag_graph *g, ag_ctx *ctx, size_t *parent)
{
    size_t n = g->n_actors, n_new = 0, i, j, k;
    size_t *group = NULL, *first = NULL;
    ag_actor *actors = NULL;
    ag_actor_priv *priv = NULL;
    ag_edge *old_edges = g->edges;
    size_t n_old_edges = g->n_edges;
    ag_edge_priv *old_priv = g->epriv;
    int err = AG_OK;

    if (n && (!(group = malloc(n * sizeof(*group))) || !(first = malloc(n * sizeof(*first)))))
        goto nomem;
    for (i = 0; i < n; i++) {
        size_t r = uf_find(parent, i);
        if (r == i)
            first[i] = n_new++;
        group[i] = first[r];
    }
    if (n_new && (!(actors = calloc(n_new, sizeof(*actors))) || !(priv = calloc(n_new, sizeof(*priv)))))
        goto nomem;
    for (i = 0; i < n; i++) {
        ag_actor *a = &g->actors[i], *b = &actors[group[i]];
        ag_actor_priv *p = &g->priv[i], *q = &priv[group[i]];
        int t;

        /* forms go to aliases for now; the label is chosen below */
        if (ag_graph__push_alias(b, q, a->label))
            goto nomem;
        for (j = 0; j < a->n_aliases; j++)
            if (ag_graph__push_alias(b, q, a->aliases[j]))
                goto nomem;
        for (j = 0; j < a->n_docs; j++)
            if (ag_graph__actor_add_doc(g, b, q, a->docs[j], p->doc_mentions[j]))
                goto nomem;
        {
            uint32_t by_doc = 0;
            for (j = 0; j < a->n_docs; j++)
                by_doc += p->doc_mentions[j];
            if (a->mentions > by_doc)
                b->mentions += a->mentions - by_doc;
        }
        for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++)
            q->votes[t] += p->votes[t];
        /* without votes (none recorded) the most specific member type wins */
        if (b->type == AG_ACTOR_UNKNOWN || (a->type != AG_ACTOR_UNKNOWN && a->type < b->type))
            b->type = a->type;
    }
    for (k = 0; k < n_new; k++) {
        ag_actor *b = &actors[k];
        size_t best = 0, m = 0;

        b->type = ag_graph__choose_type(&priv[k], b->type);
        qsort(b->aliases, b->n_aliases, sizeof(char *), cmp_str_ptr);
        for (j = 0; j < b->n_aliases; j++) { /* unique */
            if (m && strcmp(b->aliases[m - 1], b->aliases[j]) == 0)
                free(b->aliases[j]);
            else
                b->aliases[m++] = b->aliases[j];
        }
        b->n_aliases = m;
        for (j = 1; j < m; j++)
            if (form_rank_cmp(b->aliases[j], b->aliases[best]) < 0)
                best = j;
        b->label = b->aliases[best];
        memmove(&b->aliases[best], &b->aliases[best + 1], (m - best - 1) * sizeof(char *));
        b->n_aliases--;
    }
    /* swap in the new actors, then re-add the edges */
    for (i = 0; i < n; i++)
        ag_graph__actor_clear(&g->actors[i], &g->priv[i]);
    free(g->actors);
    free(g->priv);
    g->actors = actors;
    g->priv = priv;
    g->n_actors = g->cap_actors = n_new;
    actors = NULL;
    priv = NULL;
    g->edges = NULL;
    g->epriv = NULL;
    g->n_edges = g->cap_edges = 0;
    g->ev_stale = 1; /* the index points into the old edges */
    free(g->edge_slots); /* it indexes the old edges */
    g->edge_slots = NULL;
    g->edge_slot_cap = 0;
    for (i = 0; i < n_old_edges; i++) {
        ag_edge *e = &old_edges[i];
        size_t s = group[e->source], t = group[e->target], idx;
        if (s == t)
            continue;
        if ((err = ag_graph__edge_get(g, ctx, &idx, s, t, e->relation)) < 0)
            goto out;
        for (j = 0; j < e->n_evidence; j++)
            if (ag_graph__edge_add_evidence_ex(g, idx, &e->evidence[j], 0))
                goto nomem;
        if (ag_graph__edge_carry_counts(g, idx, e, &old_priv[i], 1))
            goto nomem;
    }
    if (ag_graph__reindex(g))
        goto nomem;
out:
    for (i = 0; i < n_old_edges && old_edges != g->edges; i++)
        ag_graph__edge_clear(g, &old_edges[i], &old_priv[i]);
    if (old_edges != g->edges) {
        free(old_edges);
        free(old_priv);
    }
    if (actors) {
        for (k = 0; k < n_new; k++)
            ag_graph__actor_clear(&actors[k], &priv[k]);
    }
    free(actors);
    free(priv);
    free(group);
    free(first);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

/* ---- which actors are one ---- */

/* Join actors sharing a name key (label or alias).  Returns 1 if any joined,
 * 0 if none, AG_ENOMEM. */
static int join_shared_keys(ag_graph *g, size_t *parent)
{
    ag_strmap seen = AG_STRMAP_INIT;
    size_t i, j, other;
    int joined = 0, err = AG_OK;

    for (i = 0; i < g->n_actors && !err; i++) {
        const ag_actor *a = &g->actors[i];
        for (j = 0; j <= a->n_aliases && !err; j++) {
            char *k = ag_name_key(j == 0 ? a->label : a->aliases[j - 1]);
            if (!k) {
                err = AG_ENOMEM;
                break;
            }
            if (*k) {
                if (ag_strmap_get(&seen, k, &other))
                    joined |= uf_union(parent, other, i);
                else
                    err = ag_strmap_put(&seen, k, i);
            }
            free(k);
        }
    }
    ag_strmap_free(&seen);
    return err ? err : joined;
}

/* Name key of the first or last space-separated word of @p s. */
static char *word_key(const char *s, int last)
{
    const char *b = s, *e;
    char *w, *k;

    if (last) {
        const char *sp = strrchr(s, ' ');
        b = sp ? sp + 1 : s;
        e = b + strlen(b);
    } else {
        e = strchr(s, ' ');
        if (!e)
            e = s + strlen(s);
    }
    if (!(w = malloc((size_t)(e - b) + 1)))
        return NULL;
    memcpy(w, b, (size_t)(e - b));
    w[e - b] = '\0';
    k = ag_name_key(w);
    free(w);
    return k;
}

/* A one-word PERSON ("Marlowe") joins the single multi-word PERSON whose first
 * or last word it is ("Ada Marlowe"); with two candidates ("Ada Marlowe",
 * "Ben Marlowe") it stays alone, since guessing would merge two people. */
static int join_surnames(ag_graph *g, size_t *parent)
{
    ag_strmap owner = AG_STRMAP_INIT; /* word key -> actor+1, or 0 when ambiguous */
    size_t i, j, v;
    int joined = 0, err = AG_OK;

    for (i = 0; i < g->n_actors && !err; i++) {
        const ag_actor *a = &g->actors[i];
        if (a->type != AG_ACTOR_PERSON)
            continue;
        for (j = 0; j <= a->n_aliases && !err; j++) {
            const char *f = j == 0 ? a->label : a->aliases[j - 1];
            int last;
            if (count_tokens(f) < 2)
                continue;
            for (last = 0; last <= 1 && !err; last++) {
                char *k = word_key(f, last);
                if (!k) {
                    err = AG_ENOMEM;
                    break;
                }
                if (*k) {
                    if (!ag_strmap_get(&owner, k, &v))
                        err = ag_strmap_put(&owner, k, i + 1);
                    else if (v != i + 1)
                        err = ag_strmap_put(&owner, k, 0);
                }
                free(k);
            }
        }
    }
    for (i = 0; i < g->n_actors && !err; i++) {
        const ag_actor *a = &g->actors[i];
        char *k;
        if (a->type != AG_ACTOR_PERSON || count_tokens(a->label) != 1)
            continue;
        if (!(k = ag_name_key(a->label))) {
            err = AG_ENOMEM;
            break;
        }
        if (*k && ag_strmap_get(&owner, k, &v) && v && v - 1 != i)
            joined |= uf_union(parent, v - 1, i);
        free(k);
    }
    ag_strmap_free(&owner);
    return err ? err : joined;
}

/* Acronym of a multi-word name: first letters of its capitalised words,
 * skipping short function words ("Union of Example Workers" -> UEW).
 * Empty when a word starts with neither a capital nor a function word. */
static void initials(const char *s, char *out, size_t size)
{
    static const char *const skip[] = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "&"};
    size_t n = 0, words = 0;

    out[0] = '\0';
    while (*s) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s), i;
        int skipped = 0;

        for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
            if (strlen(skip[i]) == len && strncmp(s, skip[i], len) == 0)
                skipped = 1;
        if (!skipped) {
            if (!(*s >= 'A' && *s <= 'Z') || n + 1 >= size) {
                out[0] = '\0';
                return;
            }
            out[n++] = *s;
            words++;
        }
        s += len;
        while (*s == ' ')
            s++;
    }
    out[words >= 2 ? n : 0] = '\0';
}

/* "ABC" (2-6 capitals, dots allowed) as plain capitals, or "" if not an acronym. */
static void acronym_of(const char *s, char *out)
{
    size_t n = 0;

    for (; *s; s++) {
        if (*s >= 'A' && *s <= 'Z' && n < 6)
            out[n++] = *s;
        else if (*s != '.') {
            n = 0;
            break;
        }
    }
    out[n >= 2 ? n : 0] = '\0';
}

static int types_compatible(ag_actor_type a, ag_actor_type b)
{
    return a == b || a == AG_ACTOR_UNKNOWN || b == AG_ACTOR_UNKNOWN;
}

/* An actor labelled with an acronym joins the single non-person actor whose
 * name spells it.  (An acronym equal to another actor's alias already shares
 * its name key and was joined by join_shared_keys.) */
static int join_acronyms(ag_graph *g, size_t *parent)
{
    ag_strmap owner = AG_STRMAP_INIT;
    size_t i, j, v;
    char buf[64];
    int joined = 0, err = AG_OK;

    for (i = 0; i < g->n_actors && !err; i++) {
        const ag_actor *a = &g->actors[i];
        if (a->type == AG_ACTOR_PERSON)
            continue;
        for (j = 0; j <= a->n_aliases && !err; j++) {
            initials(j == 0 ? a->label : a->aliases[j - 1], buf, sizeof(buf));
            if (!buf[0])
                continue;
            if (!ag_strmap_get(&owner, buf, &v))
                err = ag_strmap_put(&owner, buf, i + 1);
            else if (v != i + 1)
                err = ag_strmap_put(&owner, buf, 0);
        }
    }
    for (i = 0; i < g->n_actors && !err; i++) {
        const ag_actor *a = &g->actors[i];
        char acr[8];
        if (a->type == AG_ACTOR_PERSON || count_tokens(a->label) != 1)
            continue;
        acronym_of(a->label, acr);
        if (acr[0] && ag_strmap_get(&owner, acr, &v) && v && v - 1 != i &&
            types_compatible(a->type, g->actors[v - 1].type))
            joined |= uf_union(parent, v - 1, i);
    }
    ag_strmap_free(&owner);
    return err ? err : joined;
}

/* "South Korea's intelligence agency" (a description one article used)
 * joins the one organization another article named with the same owner,
 * "South Korea's National Intelligence Service", when the name holds the
 * description's words.  Returns 1 if any joined, 0 if none, AG_ENOMEM. */
/* Each actor's member_of targets, grouped by source (first[j] to first[j+1]
 * in target), so that a description looks at its candidates' own edges
 * instead of every edge for every candidate. */
static int member_of_index(const ag_graph *g, size_t **first, size_t **target)
{
    size_t n = g->n_actors, k, m = 0;

    *target = NULL;
    if (!(*first = calloc(n + 2, sizeof(size_t))))
        return AG_ENOMEM;
    for (k = 0; k < g->n_edges; k++)
        if (!strcmp(g->edges[k].relation, "member_of")) {
            (*first)[g->edges[k].source + 2]++;
            m++;
        }
    for (k = 2; k < n + 2; k++)
        (*first)[k] += (*first)[k - 1];
    if (m && !(*target = malloc(m * sizeof(size_t)))) {
        free(*first);
        return AG_ENOMEM;
    }
    for (k = 0; k < g->n_edges; k++)
        if (!strcmp(g->edges[k].relation, "member_of"))
            (*target)[(*first)[g->edges[k].source + 1]++] = g->edges[k].target;
    return AG_OK;
}

static int join_descriptions(ag_graph *g, size_t *parent)
{
    size_t i, j, k, *mo_first = NULL, *mo_target = NULL;
    int joined = 0;

    for (i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        const char *poss = strstr(a->label, "'s "), *rest, *w;
        size_t owner_len, match = 0, n = 0;
        int lower = 1;
        if (a->type != AG_ACTOR_ORGANIZATION || !poss)
            continue;
        rest = poss + 3;
        for (w = rest; *w; w++)
            lower &= !(*w >= 'A' && *w <= 'Z');
        if (!lower || !strchr(rest, ' '))
            continue;
        owner_len = (size_t)(poss - a->label) + 3;
        if (!mo_first && member_of_index(g, &mo_first, &mo_target))
            return AG_ENOMEM;
        for (j = 0; j < g->n_actors; j++) {
            const ag_actor *b = &g->actors[j];
            int owned = 0, all = 1;
            char *key;
            const char *word, *space;
            if (j == i || b->type != AG_ACTOR_ORGANIZATION || uf_find(parent, j) == uf_find(parent, i))
                continue;
            for (k = 0; k <= b->n_aliases && !owned; k++) {
                const char *f = k == 0 ? b->label : b->aliases[k - 1];
                owned = !strncmp(f, a->label, owner_len) && f[owner_len] >= 'A' && f[owner_len] <= 'Z';
            }
            /* or a member_of edge to the owner ("National Intelligence Service" member_of "South Korea") */
            for (k = mo_first[j]; k < mo_first[j + 1] && !owned; k++) {
                const ag_actor *t = &g->actors[mo_target[k]];
                size_t q;
                for (q = 0; q <= t->n_aliases && !owned; q++) {
                    const char *f = q == 0 ? t->label : t->aliases[q - 1];
                    owned = strlen(f) == owner_len - 3 && !strncmp(f, a->label, owner_len - 3);
                }
            }
            if (!owned)
                continue;
            if (!(key = ag_name_key(b->label)))
                goto nomem;
            /* every word of the description but its head ("agency") */
            for (word = rest; all && (space = strchr(word, ' ')); word = space + 1) {
                char buf[64];
                size_t wl = (size_t)(space - word);
                if (wl >= sizeof(buf))
                    continue;
                char *wk;
                memcpy(buf, word, wl);
                buf[wl] = '\0';
                /* compare keys with keys: both fold case and doubled letters alike */
                if (!(wk = ag_name_key(buf))) {
                    free(key);
                    goto nomem;
                }
                all = strstr(key, wk) != NULL;
                free(wk);
            }
            free(key);
            if (all) {
                n++;
                match = j;
            }
        }
        if (n == 1)
            joined |= uf_union(parent, match, i);
    }
    free(mo_first);
    free(mo_target);
    return joined;
nomem:
    free(mo_first);
    free(mo_target);
    return AG_ENOMEM;
}

/* ---- ids ---- */

/* Lowercase ASCII slug: letters and digits kept (marks stripped first, so
 * "Zoë" gives "zoe"), other letters dropped, anything else one hyphen. */
static char *slug(const char *label)
{
    utf8proc_uint8_t *mapped = NULL;
    const unsigned char *s;
    char *out, *o;
    size_t max = 64;
    int dash = 0;

    if (utf8proc_map((const utf8proc_uint8_t *)label, 0, &mapped,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
        mapped = (utf8proc_uint8_t *)ag_strdup(label);
    if (!mapped || !(out = malloc(max + 8))) {
        free(mapped);
        return NULL;
    }
    o = out;
    for (s = mapped; *s && (size_t)(o - out) < max; s++) {
        unsigned char c = *s;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && o != out)
                *o++ = '-';
            dash = 0;
            *o++ = (char)c;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && o != out)
                *o++ = '-';
            dash = 0;
            *o++ = (char)(c - 'A' + 'a');
        } else if (c < 0x80) {
            dash = 1;
        }
        /* bytes >= 0x80: letters without an ASCII form are dropped */
    }
    *o = '\0';
    free(mapped);
    if (!*out)
        memcpy(out, "actor", 6);
    return out;
}

static int assign_ids(ag_graph *g)
{
    ag_strmap natural = AG_STRMAP_INIT, used = AG_STRMAP_INIT;
    char **base = NULL;
    ag_buf b = AG_BUF_INIT;
    size_t i;
    int err = AG_ENOMEM;

    if (g->n_actors && !(base = calloc(g->n_actors, sizeof(*base))))
        goto out;
    for (i = 0; i < g->n_actors; i++)
        if (!(base[i] = slug(g->actors[i].label)) || ag_strmap_put(&natural, base[i], i))
            goto out;
    for (i = 0; i < g->n_actors; i++) {
        char *id;
        if (!ag_strmap_get(&used, base[i], NULL)) {
            id = base[i];
            base[i] = NULL;
        } else {
            unsigned n;
            /* base-2, base-3 ... skipping any slug another actor has naturally */
            for (n = 2;; n++) {
                b.len = 0;
                if (ag_buf_printf(&b, "%s-%u", base[i], n))
                    goto out;
                if (!ag_strmap_get(&used, b.data, NULL) && !ag_strmap_get(&natural, b.data, NULL))
                    break;
            }
            if (!(id = ag_strdup(b.data)))
                goto out;
        }
        if (ag_strmap_put(&used, id, i)) {
            free(id);
            goto out;
        }
        free(g->actors[i].id);
        g->actors[i].id = id;
    }
    err = AG_OK;
out:
    for (i = 0; base && i < g->n_actors; i++)
        free(base[i]);
    free(base);
    ag_buf_free(&b);
    ag_strmap_free(&natural);
    ag_strmap_free(&used);
    return err;
}

/* ---- sorting ---- */
typedef struct {
    ag_actor a;
    ag_actor_priv p;
    size_t old;
} actor_slot;

static int cmp_actor_slot(const void *x, const void *y)
{
    const actor_slot *a = x, *b = y;
    int c = strcmp(a->a.label, b->a.label);

    if (c)
        return c;
    if (a->a.id && b->a.id && (c = strcmp(a->a.id, b->a.id)))
        return c;
    return a->old < b->old ? -1 : a->old > b->old;
}

typedef struct {
    ag_edge e;
    ag_edge_priv p;
} edge_slot;

static int cmp_edge_slot(const void *x, const void *y)
{
    const ag_edge *a = &((const edge_slot *)x)->e, *b = &((const edge_slot *)y)->e;

    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    return strcmp(a->relation, b->relation);
}

static int cmp_document(const void *x, const void *y)
{
    return strcmp(((const ag_document *)x)->name, ((const ag_document *)y)->name);
}

static int sort_all(ag_graph *g)
{
    actor_slot *as = NULL;
    edge_slot *es = NULL;
    size_t *where = NULL, i, j;

    if (g->n_actors && (!(as = malloc(g->n_actors * sizeof(*as))) ||
                        !(where = malloc(g->n_actors * sizeof(*where)))))
        goto nomem;
    if (g->n_edges && !(es = malloc(g->n_edges * sizeof(*es))))
        goto nomem;
    for (i = 0; i < g->n_actors; i++) {
        as[i].a = g->actors[i];
        as[i].p = g->priv[i];
        as[i].old = i;
    }
    if (g->n_actors)
        qsort(as, g->n_actors, sizeof(*as), cmp_actor_slot);
    for (i = 0; i < g->n_actors; i++) {
        g->actors[i] = as[i].a;
        g->priv[i] = as[i].p;
        where[as[i].old] = i;
    }
    for (i = 0; i < g->n_edges; i++) {
        ag_edge *e = &g->edges[i];
        size_t docs;
        double conf = g->epriv[i].dropped_confidence;

        e->source = where[e->source];
        e->target = where[e->target];
        if (e->n_evidence)
            qsort(e->evidence, e->n_evidence, sizeof(ag_evidence), ag_graph__evidence_cmp);
        docs = 0;
        for (j = 0; j < e->n_evidence; j++) {
            if (j == 0 || strcmp(e->evidence[j].doc, e->evidence[j - 1].doc) != 0)
                docs++;
            if (e->evidence[j].confidence > conf)
                conf = e->evidence[j].confidence;
        }
        docs = (g->epriv[i].seen ? g->epriv[i].seen->docs : docs) + g->epriv[i].extra_docs;
        e->weight = docs > UINT32_MAX ? UINT32_MAX : (uint32_t)docs;
        e->evidence_count = ag_graph__edge_evidence_total(g, i);
        e->confidence = conf;
        es[i].e = *e;
        es[i].p = g->epriv[i];
    }
    if (g->n_edges)
        qsort(es, g->n_edges, sizeof(*es), cmp_edge_slot);
    for (i = 0; i < g->n_edges; i++) {
        g->edges[i] = es[i].e;
        g->epriv[i] = es[i].p;
    }
    if (g->n_docs)
        qsort(g->docs, g->n_docs, sizeof(ag_document), cmp_document);
    free(as);
    free(es);
    free(where);
    return AG_OK;
nomem:
    free(as);
    free(es);
    free(where);
    return AG_ENOMEM;
}

int ag_graph_finalize(ag_graph *g, ag_ctx *ctx)
{
    size_t *parent = NULL, i;
    int err = AG_OK, pass;

    if (!g)
        return ag_error_set(ctx, AG_EINVAL, "no graph");
    /* Each pass joins at least two actors or ends the loop, so it stops. The
     * last pass, which joins nothing, still rebuilds: that chooses labels. */
    for (pass = 0;; pass++) {
        int joined = 0, r;

        free(parent);
        if (!(parent = malloc((g->n_actors ? g->n_actors : 1) * sizeof(*parent))))
            goto nomem;
        for (i = 0; i < g->n_actors; i++)
            parent[i] = i;
        if ((r = join_shared_keys(g, parent)) < 0)
            goto nomem;
        joined |= r;
        if (!joined) {
            if ((r = join_surnames(g, parent)) < 0)
                goto nomem;
            joined |= r;
            if ((r = join_acronyms(g, parent)) < 0)
                goto nomem;
            joined |= r;
            if ((r = join_descriptions(g, parent)) < 0)
                goto nomem;
            joined |= r;
        }
        if ((err = rebuild(g, ctx, parent)) < 0)
            goto out;
        if (!joined)
            break;
    }
    if (sort_all(g) || assign_ids(g) || ag_graph__reindex(g))
        goto nomem;
    if ((err = ag_graph__metrics(g, ctx)) < 0)
        goto out;
    g->finalized = 1;
out:
    free(parent);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}
