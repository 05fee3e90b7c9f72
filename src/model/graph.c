/* actorgraph: the ag_graph container: actors found by any of their names,
 * edges keyed by (source, target, relation) with deduplicated evidence,
 * documents, and ag_graph_merge(), where articles meet. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "model/model_internal.h"

static const char *const type_names[AG_ACTOR_TYPE_COUNT_] = {
    "unknown", "person", "organization", "country", "media", "group", "place"};

const char *ag_actor_type_name(ag_actor_type type)
{
    if ((int)type < 0 || type >= AG_ACTOR_TYPE_COUNT_)
        return "unknown";
    return type_names[type];
}

int ag_actor_type_parse(ag_actor_type *out, ag_ctx *ctx, const char *name)
{
    int i;

    for (i = 0; name && i < AG_ACTOR_TYPE_COUNT_; i++) {
        if (strcmp(name, type_names[i]) == 0) {
            *out = (ag_actor_type)i;
            return AG_OK;
        }
    }
    return ag_error_set(ctx, AG_EINVAL, "unknown actor type \"%s\"", name ? name : "(null)");
}

/* Unicode space separators and line/paragraph separators count as spaces so a
 * pasted U+2028 cannot reach an exporter. */
static int is_space_cp(utf8proc_int32_t cp)
{
    utf8proc_category_t cat;

    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return 1;
    cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

char *ag_graph__clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), i;

    /* printable ASCII, single spaces, trimmed: nothing to change, copy it */
    for (i = 0; i < n; i++)
        if (p[i] < 0x20 || p[i] >= 0x7f || (p[i] == ' ' && (i == 0 || i + 1 == n || p[i + 1] == ' ')))
            break;
    if (i == n) {
        char *copy = malloc(n + 1);
        if (copy)
            memcpy(copy, p, n + 1);
        return copy;
    }
    /* an invalid byte becomes U+FFFD (3 bytes): at most three times the input */
    char *out = malloc(3 * n + 1), *o = out;
    int space = 0;

    if (!out)
        return NULL;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;

        if (*p < 0x80) { /* ASCII: no decoding (most of every article) */
            unsigned char c = *p++;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                space = 1;
                continue;
            }
            if (c < 0x20 || c == 0x7f)
                continue;
            if (space && o != out)
                *o++ = ' ';
            space = 0;
            *o++ = (char)c;
            continue;
        }
        k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0) { /* invalid byte: one U+FFFD per byte, as browsers do */
            cp = 0xFFFD;
            k = 1;
        }
        p += k;
        if (is_space_cp(cp)) {
            space = 1;
            continue;
        }
        /* C1 controls and the XML non-characters U+FFFE/U+FFFF */
        if ((cp >= 0x7f && cp <= 0x9f) || cp == 0xFFFE || cp == 0xFFFF)
            continue;
        if (space && o != out)
            *o++ = ' ';
        space = 0;
        o += utf8proc_encode_char(cp, (utf8proc_uint8_t *)o);
    }
    *o = '\0';
    return out;
}

const char *ag_graph__title(const ag_graph *g)
{
    return g ? g->title : NULL;
}

int ag_graph_new(ag_graph **out, ag_ctx *ctx)
{
    *out = calloc(1, sizeof(ag_graph));
    if (!*out)
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    return AG_OK;
}

void ag_graph__actor_clear(ag_actor *a, ag_actor_priv *p)
{
    size_t i;

    free(a->id);
    free(a->label);
    for (i = 0; i < a->n_aliases; i++)
        free(a->aliases[i]);
    free(a->aliases);
    free(a->docs); /* the names are the graph's documents' */
    free(p->doc_mentions);
    memset(a, 0, sizeof(*a));
    memset(p, 0, sizeof(*p));
}

void ag_graph__evidence_clear(ag_graph *g, ag_evidence *ev)
{
    ag_strpool_unref(&g->pool, ev->text);
    ag_strpool_unref(&g->pool, ev->rule);
    memset(ev, 0, sizeof(*ev));
}

static void seen_free(ag_edge_priv *ep);

void ag_graph__edge_clear(ag_graph *g, ag_edge *e, ag_edge_priv *ep)
{
    size_t i;

    if (ep) {
        seen_free(ep);
        memset(ep, 0, sizeof(*ep));
    }
    for (i = 0; i < e->n_evidence; i++)
        ag_graph__evidence_clear(g, &e->evidence[i]);
    free(e->evidence);
    ag_strpool_unref(&g->pool, e->relation);
    memset(e, 0, sizeof(*e));
}

void ag_graph_free(ag_graph *g)
{
    size_t i;

    if (!g)
        return;
    for (i = 0; i < g->n_actors; i++)
        ag_graph__actor_clear(&g->actors[i], &g->priv[i]);
    free(g->actors);
    free(g->priv);
    for (i = 0; i < g->n_edges; i++)
        ag_graph__edge_clear(g, &g->edges[i], &g->epriv[i]);
    free(g->edges);
    free(g->epriv);
    free(g->ev_slot_edge);
    free(g->ev_slot_item);
    ag_strpool_free(&g->pool);
    for (i = 0; i < g->n_docs; i++) {
        free(g->docs[i].name);
        free(g->docs[i].date);
        free(g->docs[i].url);
        free(g->docs[i].title);
    }
    free(g->docs);
    ag_strmap_free(&g->actor_keys);
    free(g->edge_slots);
    ag_strmap_free(&g->doc_keys);
    g->ev_stale = 1;
    free(g->title);
    free(g);
}

/* Fill *field from @p value when it is still empty; AG_OK or AG_ENOMEM. */
static int fill_field(char **field, const char *value)
{
    char *c;

    if (*field || !value)
        return AG_OK;
    if (!(c = ag_graph__clean(value)))
        return AG_ENOMEM;
    if (!*c) {
        free(c);
        return AG_OK;
    }
    *field = c;
    return AG_OK;
}

int ag_graph_add_document(ag_graph *g, ag_ctx *ctx, const char *name, const char *date,
                          const char *url, const char *title)
{
    char *clean = NULL;
    size_t i;
    int err = AG_OK;

    if (!name)
        return ag_error_set(ctx, AG_EINVAL, "document without a name");
    if (!(clean = ag_graph__clean(name)))
        goto nomem;
    if (!*clean) {
        err = ag_error_set(ctx, AG_EINVAL, "document with an empty name");
        goto out;
    }
    if (!ag_strmap_get(&g->doc_keys, clean, &i)) {
        if (g->n_docs == g->cap_docs) {
            size_t cap = g->cap_docs ? g->cap_docs * 2 : 8;
            ag_document *d = realloc(g->docs, cap * sizeof(*d));
            if (!d)
                goto nomem;
            g->docs = d;
            g->cap_docs = cap;
        }
        i = g->n_docs;
        if (ag_strmap_put(&g->doc_keys, clean, i))
            goto nomem;
        memset(&g->docs[i], 0, sizeof(g->docs[i]));
        g->docs[i].name = clean;
        clean = NULL;
        g->n_docs++;
        g->finalized = 0;
    }
    if (fill_field(&g->docs[i].date, date) || fill_field(&g->docs[i].url, url) ||
        fill_field(&g->docs[i].title, title))
        goto nomem;
out:
    free(clean);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

/* The key under which a name is found.  A name without letters or digits
 * ("!!!") gets a private key so it does not meet every other such name. */
static char *name_key(const char *clean)
{
    char *k = ag_name_key(clean);
    ag_buf b = AG_BUF_INIT;

    if (!k || *k)
        return k;
    free(k);
    if (ag_buf_putc(&b, '\x01') || ag_buf_puts(&b, clean)) {
        ag_buf_free(&b);
        return NULL;
    }
    return ag_buf_detach(&b, NULL);
}

int ag_graph__push_alias(ag_actor *a, ag_actor_priv *p, const char *alias)
{
    char *c;

    if (a->n_aliases == p->cap_aliases) {
        size_t cap = p->cap_aliases ? p->cap_aliases * 2 : 4;
        char **v = realloc(a->aliases, cap * sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        a->aliases = v;
        p->cap_aliases = cap;
    }
    if (!(c = ag_strdup(alias)))
        return AG_ENOMEM;
    a->aliases[a->n_aliases++] = c;
    return AG_OK;
}

static int has_form(const ag_actor *a, const char *form)
{
    size_t i;

    if (strcmp(a->label, form) == 0)
        return 1;
    for (i = 0; i < a->n_aliases; i++)
        if (strcmp(a->aliases[i], form) == 0)
            return 1;
    return 0;
}

/* Record @p clean as a form of actor @p idx (alias unless it is known) and
 * make its key find the actor unless another actor already owns the key;
 * finalize joins actors that share a key. */
static int add_form(ag_graph *g, size_t idx, const char *clean)
{
    char *key;
    int err = AG_OK;

    if (!has_form(&g->actors[idx], clean) &&
        ag_graph__push_alias(&g->actors[idx], &g->priv[idx], clean))
        return AG_ENOMEM;
    if (!(key = name_key(clean)))
        return AG_ENOMEM;
    if (!ag_strmap_get(&g->actor_keys, key, NULL))
        err = ag_strmap_put(&g->actor_keys, key, idx);
    free(key);
    return err;
}

/* Append a new actor with an already clean label; *index gets it. */
static int new_actor(ag_graph *g, size_t *index, const char *clean, ag_actor_type type)
{
    ag_actor *a;
    char *key;

    if (g->n_actors == g->cap_actors) {
        size_t cap = g->cap_actors ? g->cap_actors * 2 : 16;
        ag_actor *v = realloc(g->actors, cap * sizeof(*v));
        ag_actor_priv *p;
        if (!v)
            return AG_ENOMEM;
        g->actors = v;
        if (!(p = realloc(g->priv, cap * sizeof(*p))))
            return AG_ENOMEM;
        g->priv = p;
        g->cap_actors = cap;
    }
    a = &g->actors[g->n_actors];
    memset(a, 0, sizeof(*a));
    memset(&g->priv[g->n_actors], 0, sizeof(ag_actor_priv));
    if (!(a->label = ag_strdup(clean)))
        return AG_ENOMEM;
    a->type = ((int)type >= 0 && type < AG_ACTOR_TYPE_COUNT_) ? type : AG_ACTOR_UNKNOWN;
    if (!(key = name_key(clean))) {
        free(a->label);
        return AG_ENOMEM;
    }
    if (!ag_strmap_get(&g->actor_keys, key, NULL) &&
        ag_strmap_put(&g->actor_keys, key, g->n_actors)) {
        free(key);
        free(a->label);
        return AG_ENOMEM;
    }
    free(key);
    *index = g->n_actors++;
    g->finalized = 0;
    return AG_OK;
}

int ag_graph_add_actor(ag_graph *g, ag_ctx *ctx, size_t *index, const char *label,
                       ag_actor_type type)
{
    char *clean = NULL, *key = NULL;
    size_t idx;
    int err = AG_OK;

    if (!label)
        return ag_error_set(ctx, AG_EINVAL, "actor without a label");
    if ((int)type < 0 || type >= AG_ACTOR_TYPE_COUNT_)
        return ag_error_set(ctx, AG_EINVAL, "bad actor type %d", (int)type);
    if (!(clean = ag_graph__clean(label)))
        goto nomem;
    if (!*clean) {
        err = ag_error_set(ctx, AG_EINVAL, "actor with an empty label");
        goto out;
    }
    if (!(key = name_key(clean)))
        goto nomem;
    if (ag_strmap_get(&g->actor_keys, key, &idx)) {
        if (add_form(g, idx, clean))
            goto nomem;
        if (g->actors[idx].type == AG_ACTOR_UNKNOWN)
            g->actors[idx].type = type;
    } else if (new_actor(g, &idx, clean, type)) {
        goto nomem;
    }
    if (type != AG_ACTOR_UNKNOWN)
        g->priv[idx].votes[type]++;
    g->finalized = 0;
    *index = idx;
out:
    free(clean);
    free(key);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

int ag_graph_add_alias(ag_graph *g, ag_ctx *ctx, size_t actor, const char *alias)
{
    char *clean;
    int err = AG_OK;

    if (actor >= g->n_actors)
        return ag_error_set(ctx, AG_EINVAL, "no actor %zu", actor);
    if (!alias)
        return AG_OK;
    if (!(clean = ag_graph__clean(alias)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    if (*clean && add_form(g, actor, clean))
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    g->finalized = 0;
    free(clean);
    return err;
}

/* The graph's own copy of document name @p doc (clean), recorded if new;
 * NULL on ENOMEM or an empty name. */
static const char *canonical_doc(ag_graph *g, const char *doc)
{
    size_t i;

    if (!ag_strmap_get(&g->doc_keys, doc, &i)) {
        if (ag_graph_add_document(g, NULL, doc, NULL, NULL, NULL) < 0 || !ag_strmap_get(&g->doc_keys, doc, &i))
            return NULL;
    }
    return g->docs[i].name;
}

int ag_graph__actor_add_doc(ag_graph *g, ag_actor *a, ag_actor_priv *p, const char *doc, uint32_t n)
{
    size_t lo = 0, hi = a->n_docs;
    char *c;

    if (!(doc = canonical_doc(g, doc)))
        return AG_ENOMEM;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(a->docs[mid], doc);
        if (cmp == 0) {
            p->doc_mentions[mid] += n;
            a->mentions += n;
            return AG_OK;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (a->n_docs == p->cap_docs) {
        size_t cap = p->cap_docs ? p->cap_docs * 2 : 4;
        char **d = realloc(a->docs, cap * sizeof(*d));
        uint32_t *m;
        if (!d)
            return AG_ENOMEM;
        a->docs = d;
        if (!(m = realloc(p->doc_mentions, cap * sizeof(*m))))
            return AG_ENOMEM;
        p->doc_mentions = m;
        p->cap_docs = cap;
    }
    c = (char *)doc;
    memmove(&a->docs[lo + 1], &a->docs[lo], (a->n_docs - lo) * sizeof(char *));
    memmove(&p->doc_mentions[lo + 1], &p->doc_mentions[lo], (a->n_docs - lo) * sizeof(uint32_t));
    a->docs[lo] = c;
    p->doc_mentions[lo] = n;
    a->n_docs++;
    a->mentions += n;
    return AG_OK;
}

int ag_graph_add_mentions(ag_graph *g, ag_ctx *ctx, size_t actor, const char *doc, uint32_t n)
{
    char *clean;
    size_t known;
    int err;

    if (actor >= g->n_actors)
        return ag_error_set(ctx, AG_EINVAL, "no actor %zu", actor);
    if (!doc)
        return ag_error_set(ctx, AG_EINVAL, "mentions without a document");
    /* a document already recorded under this exact name: its stored name is clean */
    if (ag_strmap_get(&g->doc_keys, doc, &known)) {
        if (ag_graph__actor_add_doc(g, &g->actors[actor], &g->priv[actor], g->docs[known].name, n))
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        g->finalized = 0;
        return AG_OK;
    }
    if ((err = ag_graph_add_document(g, ctx, doc, NULL, NULL, NULL)) < 0)
        return err;
    if (!(clean = ag_graph__clean(doc)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    if (ag_graph__actor_add_doc(g, &g->actors[actor], &g->priv[actor], clean, n))
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    g->finalized = 0;
    free(clean);
    return err;
}

static uint64_t edge_hash(size_t source, size_t target, const char *relation)
{
    uint64_t h = ag_hash_bytes(relation, strlen(relation));

    h ^= (uint64_t)source * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)target * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 31);
}

/* The slot of (source, target, relation), or the empty slot it would take. */
static size_t edge_slot(const ag_graph *g, size_t source, size_t target, const char *relation)
{
    size_t mask = g->edge_slot_cap - 1, j, k;

    for (j = edge_hash(source, target, relation) & mask; (k = g->edge_slots[j]); j = (j + 1) & mask) {
        const ag_edge *e = &g->edges[k - 1];
        if (e->source == source && e->target == target && strcmp(e->relation, relation) == 0)
            break;
    }
    return j;
}

/* Room in the edge index for @p n edges: rebuilt at twice that. */
static int edge_index_reserve(ag_graph *g, size_t n)
{
    size_t cap = 64, i;

    if (n * 2 <= g->edge_slot_cap)
        return AG_OK;
    while (cap < n * 2)
        cap *= 2;
    free(g->edge_slots);
    g->edge_slot_cap = 0;
    if (!(g->edge_slots = calloc(cap, sizeof(size_t))))
        return AG_ENOMEM;
    g->edge_slot_cap = cap;
    for (i = 0; i < g->n_edges; i++)
        g->edge_slots[edge_slot(g, g->edges[i].source, g->edges[i].target, g->edges[i].relation)] = i + 1;
    return AG_OK;
}

static void edge_index_clear(ag_graph *g)
{
    free(g->edge_slots);
    g->edge_slots = NULL;
    g->edge_slot_cap = 0;
}

int ag_graph__edge_get(ag_graph *g, ag_ctx *ctx, size_t *index, size_t source, size_t target,
                       const char *relation)
{
    ag_edge *e;
    size_t j;

    if (edge_index_reserve(g, g->n_edges + 1))
        goto nomem;
    j = edge_slot(g, source, target, relation);
    if (g->edge_slots[j]) {
        *index = g->edge_slots[j] - 1;
        return AG_OK;
    }
    if (g->n_edges == g->cap_edges) {
        size_t cap = g->cap_edges ? g->cap_edges * 2 : 16;
        ag_edge *v = realloc(g->edges, cap * sizeof(*v));
        ag_edge_priv *c;
        if (!v)
            goto nomem;
        g->edges = v;
        if (!(c = realloc(g->epriv, cap * sizeof(*c))))
            goto nomem;
        g->epriv = c;
        g->cap_edges = cap;
    }
    e = &g->edges[g->n_edges];
    memset(e, 0, sizeof(*e));
    memset(&g->epriv[g->n_edges], 0, sizeof(g->epriv[0]));
    e->source = source;
    e->target = target;
    /* a handful of relation names over all edges: shared from the pool */
    if (!(e->relation = (char *)ag_strpool_ref(&g->pool, relation, strlen(relation))))
        goto nomem;
    g->edge_slots[j] = g->n_edges + 1;
    *index = g->n_edges++;
    g->finalized = 0;
    return AG_OK;
nomem:
    return ag_error_set(ctx, AG_ENOMEM, "out of memory");
}

static int str_or_empty_cmp(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* (start, end, text) order used to pick one of two clashing evidence records. */
static int span_cmp(const ag_evidence *a, const ag_evidence *b)
{
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return str_or_empty_cmp(a->text, b->text);
}

static double clamp01(double x)
{
    if (!(x >= 0.0)) /* also NaN */
        return 0.0;
    return x > 1.0 ? 1.0 : x;
}

int ag_graph__edge_add_evidence(ag_graph *g, size_t edge, const ag_evidence *ev)
{
    return ag_graph__edge_add_evidence_ex(g, edge, ev, 1);
}

/* ---- the evidence index ---- */

static uint64_t evidence_hash(size_t edge, const ag_evidence *ev)
{
    uint64_t h = (uint64_t)edge * 0x9E3779B97F4A7C15ull;

    /* doc and rule are the graph's shared copies: their addresses identify them */
    h ^= (uint64_t)(uintptr_t)ev->doc * 0xC2B2AE3D27D4EB4Full;
    h ^= (uint64_t)(uintptr_t)ev->rule * 0x165667B19E3779F9ull;
    h ^= (uint64_t)ev->sentence * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
}

static int same_evidence(const ag_evidence *a, const ag_evidence *b)
{
    return a->sentence == b->sentence && a->doc == b->doc && a->rule == b->rule;
}

/* The slot holding (edge, ev) or the empty slot where it would go. */
static size_t evidence_slot(const ag_graph *g, size_t edge, const ag_evidence *ev)
{
    size_t mask = g->ev_cap - 1, j;

    for (j = evidence_hash(edge, ev) & mask; g->ev_slot_edge[j]; j = (j + 1) & mask)
        if (g->ev_slot_edge[j] == edge + 1 &&
            same_evidence(&g->edges[edge].evidence[g->ev_slot_item[j]], ev))
            break;
    return j;
}

/* Room for @p more entries; rebuilt from the edges when stale or grown. */
static int evidence_index_reserve(ag_graph *g, size_t more)
{
    size_t cap = g->ev_cap ? g->ev_cap : 64, i, k, j;

    if (!g->ev_stale && (g->ev_count + more) * 2 <= g->ev_cap)
        return AG_OK;
    if (g->ev_stale) {
        g->ev_count = 0;
        for (i = 0; i < g->n_edges; i++)
            g->ev_count += g->edges[i].n_evidence;
    }
    while ((g->ev_count + more) * 2 > cap)
        cap *= 2;
    free(g->ev_slot_edge);
    free(g->ev_slot_item);
    g->ev_slot_item = NULL;
    g->ev_cap = g->ev_count = 0;
    if (!(g->ev_slot_edge = calloc(cap, sizeof(size_t))) || !(g->ev_slot_item = malloc(cap * sizeof(size_t))))
        return AG_ENOMEM;
    g->ev_cap = cap;
    g->ev_stale = 0;
    for (i = 0; i < g->n_edges; i++)
        for (k = 0; k < g->edges[i].n_evidence; k++) {
            j = evidence_slot(g, i, &g->edges[i].evidence[k]);
            if (g->ev_slot_edge[j])
                continue; /* a duplicate cannot be stored; keep the first */
            g->ev_slot_edge[j] = i + 1;
            g->ev_slot_item[j] = k;
            g->ev_count++;
        }
    return AG_OK;
}

/* The pool's copy of @p s (NULL: ""), cleaned first unless @p clean is 0. */
static const char *pooled(ag_graph *g, const char *s, int clean)
{
    char *tmp = NULL;
    const char *r;

    if (!s)
        s = "";
    if (clean && !(s = tmp = ag_graph__clean(s)))
        return NULL;
    r = ag_strpool_ref(&g->pool, s, strlen(s));
    free(tmp);
    return r;
}

/* Two records of one (doc, sentence, rule): keep the higher confidence and
 * the smaller span, whichever came first; @p c is consumed. */
static void merge_clash(ag_graph *g, ag_evidence *o, ag_evidence *c)
{
    double conf = o->confidence > c->confidence ? o->confidence : c->confidence;

    if (span_cmp(c, o) < 0) {
        ag_graph__evidence_clear(g, o);
        *o = *c;
    } else {
        ag_graph__evidence_clear(g, c);
    }
    o->confidence = conf;
}

/* Append @p c (taken over on success) to the edge's evidence. */
static int push_evidence(ag_graph *g, size_t edge, const ag_evidence *c)
{
    ag_edge *e = &g->edges[edge];
    ag_edge_priv *ep = &g->epriv[edge];

    if (e->n_evidence == ep->cap_evidence) {
        size_t cap = ep->cap_evidence ? ep->cap_evidence * 2 : 1; /* most edges have one */
        ag_evidence *v = realloc(e->evidence, cap * sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        e->evidence = v;
        ep->cap_evidence = cap;
    }
    e->evidence[e->n_evidence++] = *c;
    return AG_OK;
}

/* ---- counting what a capped graph drops ---- */

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
}

/* Fingerprints from the strings, not their addresses, so that they mean the
 * same in every graph; evidence has the top bit clear, documents set. */
static uint64_t evidence_print(const ag_evidence *ev)
{
    uint64_t h = ag_hash_bytes(ev->doc, strlen(ev->doc));

    h = mix64(h ^ ((uint64_t)ev->sentence << 1));
    h = mix64(h ^ ag_hash_bytes(ev->rule, strlen(ev->rule)));
    return (h >> 1) | 1; /* never 0 (an empty slot) */
}

static uint64_t doc_print(const char *doc)
{
    return (mix64(ag_hash_bytes(doc, strlen(doc))) | ((uint64_t)1 << 63)) | 1;
}

/* Record one fingerprint; 1 if it was new, 0 if seen, AG_ENOMEM. */
static int seen_add(ag_edge_seen *sn, uint64_t print)
{
    size_t j, mask;

    if ((sn->count + 1) * 2 > sn->cap) {
        size_t cap = sn->cap ? sn->cap * 2 : 16, i;
        uint64_t *v = calloc(cap, sizeof(*v));
        if (!v)
            return AG_ENOMEM;
        for (i = 0; i < sn->cap; i++) {
            if (!sn->slots[i])
                continue;
            for (j = sn->slots[i] & (cap - 1); v[j]; j = (j + 1) & (cap - 1))
                ;
            v[j] = sn->slots[i];
        }
        free(sn->slots);
        sn->slots = v;
        sn->cap = cap;
    }
    mask = sn->cap - 1;
    for (j = print & mask; sn->slots[j]; j = (j + 1) & mask)
        if (sn->slots[j] == print)
            return 0;
    sn->slots[j] = print;
    sn->count++;
    return 1;
}

/* Record one piece of evidence and its document; 1 if the evidence was
 * new, 0 if seen before, AG_ENOMEM. */
static int seen_evidence(ag_edge_seen *sn, const ag_evidence *ev)
{
    int r = seen_add(sn, evidence_print(ev)), d;

    if (r < 0 || (d = seen_add(sn, doc_print(ev->doc))) < 0)
        return AG_ENOMEM;
    sn->evidence += (size_t)r;
    sn->docs += (size_t)d;
    return r;
}

/* The fingerprints start when an edge first drops evidence: until then its
 * list is the count, and most edges never get there. */
static int seen_start(ag_edge_priv *ep, const ag_edge *e)
{
    size_t i;

    if (!(ep->seen = calloc(1, sizeof(*ep->seen))))
        return AG_ENOMEM;
    for (i = 0; i < e->n_evidence; i++)
        if (seen_evidence(ep->seen, &e->evidence[i]) < 0)
            return AG_ENOMEM;
    return AG_OK;
}

static void seen_free(ag_edge_priv *ep)
{
    if (ep->seen)
        free(ep->seen->slots);
    free(ep->seen);
    ep->seen = NULL;
}

/* A capped edge keeps the max_evidence smallest of its evidence in
 * ag_graph__evidence_cmp order, whatever order they came in; a scan of so
 * few is cheaper than keeping an index.  Takes @p c over. */
static int add_capped(ag_graph *g, size_t edge, ag_evidence *c)
{
    ag_edge *e = &g->edges[edge];
    ag_edge_priv *ep = &g->epriv[edge];
    size_t i, worst = 0;
    int r;

    for (i = 0; i < e->n_evidence; i++) {
        ag_evidence *o = &e->evidence[i];
        if (o->sentence == c->sentence && o->doc == c->doc && o->rule == c->rule) {
            merge_clash(g, o, c);
            return AG_OK;
        }
        if (ag_graph__evidence_cmp(o, &e->evidence[worst]) > 0)
            worst = i;
    }
    if (e->n_evidence < g->max_evidence && !ep->seen) {
        if (push_evidence(g, edge, c))
            goto nomem;
        return AG_OK;
    }
    if (c->confidence > ep->dropped_confidence)
        ep->dropped_confidence = c->confidence;
    if ((!ep->seen && seen_start(ep, e)) || (r = seen_evidence(ep->seen, c)) < 0)
        goto nomem;
    if (r && e->n_evidence < g->max_evidence) {
        if (push_evidence(g, edge, c))
            goto nomem;
    } else if (r && ag_graph__evidence_cmp(c, &e->evidence[worst]) < 0) {
        if (e->evidence[worst].confidence > ep->dropped_confidence) /* dropped, still counted */
            ep->dropped_confidence = e->evidence[worst].confidence;
        ag_graph__evidence_clear(g, &e->evidence[worst]);
        e->evidence[worst] = *c;
    } else {
        ag_graph__evidence_clear(g, c);
    }
    return AG_OK;
nomem:
    ag_graph__evidence_clear(g, c);
    return AG_ENOMEM;
}

int ag_graph__evidence_cmp(const void *x, const void *y)
{
    const ag_evidence *a = x, *b = y;
    int c = strcmp(a->doc, b->doc);

    if (c)
        return c;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

/* Distinct documents among an edge's listed evidence (a capped edge's few). */
size_t ag_graph__edge_listed_docs(const ag_edge *e)
{
    size_t i, j, n = 0;

    for (i = 0; i < e->n_evidence; i++) {
        for (j = 0; j < i && strcmp(e->evidence[j].doc, e->evidence[i].doc) != 0; j++)
            ;
        n += j == i;
    }
    return n;
}

size_t ag_graph__edge_evidence_total(const ag_graph *g, size_t edge)
{
    const ag_edge_priv *ep = &g->epriv[edge];

    return (ep->seen ? ep->seen->evidence : g->edges[edge].n_evidence) + ep->extra_evidence;
}

int ag_graph__edge_carry_counts(ag_graph *g, size_t edge, const ag_edge *fe, const ag_edge_priv *fp, int same)
{
    ag_edge_priv *ep = &g->epriv[edge];
    size_t i;

    if (same && g->max_evidence && fp->seen) {
        const ag_edge_seen *fs = fp->seen;
        if (!ep->seen && seen_start(ep, &g->edges[edge]))
            return AG_ENOMEM;
        for (i = 0; i < fs->cap; i++) {
            int r;
            if (!fs->slots[i])
                continue;
            if ((r = seen_add(ep->seen, fs->slots[i])) < 0)
                return r;
            if (fs->slots[i] >> 63)
                ep->seen->docs += (size_t)r;
            else
                ep->seen->evidence += (size_t)r;
        }
    } else if (fp->seen) {
        ep->extra_evidence += fp->seen->evidence - fe->n_evidence;
        ep->extra_docs += fp->seen->docs - ag_graph__edge_listed_docs(fe);
    }
    if (fp->dropped_confidence > ep->dropped_confidence)
        ep->dropped_confidence = fp->dropped_confidence;
    ep->extra_evidence += fp->extra_evidence;
    ep->extra_docs += fp->extra_docs;
    return AG_OK;
}

int ag_graph__edge_add_evidence_ex(ag_graph *g, size_t edge, const ag_evidence *ev, int clean)
{
    ag_edge *e = &g->edges[edge];
    ag_evidence c = {0};
    char *tmp = NULL;
    size_t j;

    c.sentence = ev->sentence;
    c.start = ev->start;
    c.end = ev->end;
    c.confidence = clamp01(ev->confidence);
    c.doc = ""; /* no document: one shared empty name */
    if (ev->doc && *ev->doc) {
        const char *name = ev->doc;
        if (clean && !(name = tmp = ag_graph__clean(ev->doc)))
            goto nomem;
        if (*name && !(c.doc = canonical_doc(g, name)))
            goto nomem;
        free(tmp);
        tmp = NULL;
    }
    if (!(c.text = pooled(g, ev->text, clean)) || !(c.rule = pooled(g, ev->rule, clean)))
        goto nomem;
    if (g->max_evidence)
        return add_capped(g, edge, &c);
    if (evidence_index_reserve(g, 1))
        goto nomem;
    j = evidence_slot(g, edge, &c);
    if (g->ev_slot_edge[j]) {
        merge_clash(g, &e->evidence[g->ev_slot_item[j]], &c);
        return AG_OK;
    }
    if (push_evidence(g, edge, &c))
        goto nomem;
    g->ev_slot_edge[j] = edge + 1;
    g->ev_slot_item[j] = e->n_evidence - 1;
    g->ev_count++;
    return AG_OK;
nomem:
    free(tmp);
    ag_graph__evidence_clear(g, &c);
    return AG_ENOMEM;
}

int ag_graph_add_edge(ag_graph *g, ag_ctx *ctx, size_t source, size_t target, const char *relation,
                      const ag_evidence *ev)
{
    char *rel = NULL;
    size_t idx;
    int err = AG_OK;

    if (source >= g->n_actors || target >= g->n_actors)
        return ag_error_set(ctx, AG_EINVAL, "edge between unknown actors %zu and %zu", source, target);
    if (source == target)
        return ag_error_set(ctx, AG_EINVAL, "self-loop on \"%s\" refused", g->actors[source].label);
    if (!relation)
        return ag_error_set(ctx, AG_EINVAL, "edge without a relation");
    if (!(rel = ag_graph__clean(relation)))
        goto nomem;
    if (!*rel) {
        err = ag_error_set(ctx, AG_EINVAL, "edge with an empty relation");
        goto out;
    }
    if ((err = ag_graph__edge_get(g, ctx, &idx, source, target, rel)) < 0)
        goto out;
    if (ev) {
        if (ev->doc && !ag_strmap_get(&g->doc_keys, ev->doc, NULL) &&
            (err = ag_graph_add_document(g, ctx, ev->doc, NULL, NULL, NULL)) < 0)
            goto out;
        if (ag_graph__edge_add_evidence(g, idx, ev))
            goto nomem;
    }
    g->finalized = 0;
out:
    free(rel);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

ag_actor_type ag_graph__choose_type(const ag_actor_priv *p, ag_actor_type current)
{
    int best = AG_ACTOR_UNKNOWN, t;

    for (t = AG_ACTOR_UNKNOWN + 1; t < AG_ACTOR_TYPE_COUNT_; t++)
        if (p->votes[t] > (best == AG_ACTOR_UNKNOWN ? 0 : p->votes[best]))
            best = t;
    return best == AG_ACTOR_UNKNOWN ? current : (ag_actor_type)best;
}

/* Find the actor of @p from in @p into by label, then by aliases. */
static int find_by_forms(const ag_graph *into, const ag_actor *a, size_t *idx, int *found)
{
    char *key;
    size_t i;

    *found = 0;
    for (i = 0; i <= a->n_aliases && !*found; i++) {
        if (!(key = name_key(i == 0 ? a->label : a->aliases[i - 1])))
            return AG_ENOMEM;
        *found = ag_strmap_get(&into->actor_keys, key, idx);
        free(key);
    }
    return AG_OK;
}

int ag_graph_merge(ag_graph *into, ag_ctx *ctx, const ag_graph *from)
{
    size_t *map = NULL, i, j;
    int err = AG_OK;

    if (into == from)
        return ag_error_set(ctx, AG_EINVAL, "cannot merge a graph into itself");
    for (i = 0; i < from->n_docs; i++) {
        const ag_document *d = &from->docs[i];
        if ((err = ag_graph_add_document(into, ctx, d->name, d->date, d->url, d->title)) < 0)
            goto out;
    }
    if (!into->title && from->title && !(into->title = ag_strdup(from->title)))
        goto nomem;
    if (from->n_actors && !(map = malloc(from->n_actors * sizeof(*map))))
        goto nomem;
    for (i = 0; i < from->n_actors; i++) {
        const ag_actor *a = &from->actors[i];
        const ag_actor_priv *p = &from->priv[i];
        ag_actor *b;
        uint32_t by_doc = 0;
        size_t idx;
        int found, t;

        if (find_by_forms(into, a, &idx, &found))
            goto nomem;
        if (!found && new_actor(into, &idx, a->label, a->type))
            goto nomem;
        if (add_form(into, idx, a->label))
            goto nomem;
        for (j = 0; j < a->n_aliases; j++)
            if (add_form(into, idx, a->aliases[j]))
                goto nomem;
        b = &into->actors[idx];
        for (j = 0; j < a->n_docs; j++) {
            if (ag_graph__actor_add_doc(into, b, &into->priv[idx], a->docs[j], p->doc_mentions[j]))
                goto nomem;
            by_doc += p->doc_mentions[j];
        }
        /* mentions not tied to a document (hand-written JSON) still count */
        if (a->mentions > by_doc)
            b->mentions += a->mentions - by_doc;
        for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++)
            into->priv[idx].votes[t] += p->votes[t];
        if (b->type == AG_ACTOR_UNKNOWN)
            b->type = a->type;
        map[i] = idx;
    }
    for (i = 0; i < from->n_edges; i++) {
        const ag_edge *e = &from->edges[i];
        size_t s = map[e->source], t = map[e->target], idx;

        if (s == t) /* two actors of @p from are one here */
            continue;
        if ((err = ag_graph__edge_get(into, ctx, &idx, s, t, e->relation)) < 0)
            goto out;
        for (j = 0; j < e->n_evidence; j++)
            if (ag_graph__edge_add_evidence_ex(into, idx, &e->evidence[j], 0))
                goto nomem;
        if (ag_graph__edge_carry_counts(into, idx, e, &from->epriv[i], 0))
            goto nomem;
    }
    into->finalized = 0;
out:
    free(map);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

int ag_graph__reindex(ag_graph *g)
{
    size_t i, j;
    int err = AG_ENOMEM;

    ag_strmap_free(&g->actor_keys);
    edge_index_clear(g);
    ag_strmap_free(&g->doc_keys);
    g->ev_stale = 1;
    for (i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        for (j = 0; j <= a->n_aliases; j++) {
            char *k = name_key(j == 0 ? a->label : a->aliases[j - 1]);
            int e2 = AG_OK;
            if (!k)
                goto out;
            if (!ag_strmap_get(&g->actor_keys, k, NULL))
                e2 = ag_strmap_put(&g->actor_keys, k, i);
            free(k);
            if (e2)
                goto out;
        }
    }
    if (edge_index_reserve(g, g->n_edges))
        goto out;
    for (i = 0; i < g->n_docs; i++)
        if (ag_strmap_put(&g->doc_keys, g->docs[i].name, i))
            goto out;
    err = AG_OK;
out:
    return err;
}

size_t ag_graph_actor_count(const ag_graph *g)
{
    return g ? g->n_actors : 0;
}

const ag_actor *ag_graph_actor(const ag_graph *g, size_t i)
{
    return g && i < g->n_actors ? &g->actors[i] : NULL;
}

size_t ag_graph_edge_count(const ag_graph *g)
{
    return g ? g->n_edges : 0;
}

const ag_edge *ag_graph_edge(const ag_graph *g, size_t i)
{
    return g && i < g->n_edges ? &g->edges[i] : NULL;
}

size_t ag_graph_document_count(const ag_graph *g)
{
    return g ? g->n_docs : 0;
}

const char *ag_graph_document(const ag_graph *g, size_t i, const char **date, const char **url,
                              const char **title)
{
    const ag_document *d;

    if (!g || i >= g->n_docs)
        return NULL;
    d = &g->docs[i];
    if (date)
        *date = d->date;
    if (url)
        *url = d->url;
    if (title)
        *title = d->title;
    return d->name;
}

long ag_graph_find_actor(const ag_graph *g, const char *name)
{
    size_t i;
    char *key;

    if (!g || !name)
        return -1;
    for (i = 0; i < g->n_actors; i++)
        if ((g->actors[i].id && strcmp(g->actors[i].id, name) == 0) ||
            strcmp(g->actors[i].label, name) == 0)
            return (long)i;
    /* then any form, compared as names are */
    if ((key = ag_name_key(name)) && *key && ag_strmap_get(&g->actor_keys, key, &i)) {
        free(key);
        return (long)i;
    }
    free(key);
    return -1;
}

int ag_graph_set_max_evidence(ag_graph *g, ag_ctx *ctx, size_t max)
{
    if (!g)
        return ag_error_set(ctx, AG_EINVAL, "no graph");
    if (g->n_edges && max != g->max_evidence)
        return ag_error_set(ctx, AG_EINVAL, "the evidence limit must be set before the graph has edges");
    g->max_evidence = max;
    return AG_OK;
}
