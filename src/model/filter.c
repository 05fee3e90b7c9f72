/* actorgraph: ag_graph_filter(), subgraphs for pipelines: actor types,
 * relations, a minimum weight, the ego network of one actor, no isolates.
 * Works on masks over a finalized graph and copies what survives into a new
 * graph, which is finalized again so its metrics describe the subgraph. */
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

static int relation_kept(const ag_filter_options *o, const char *relation)
{
    size_t i;

    if (!o->relations)
        return 1;
    for (i = 0; i < o->n_relations; i++)
        if (o->relations[i] && strcmp(o->relations[i], relation) == 0)
            return 1;
    return 0;
}

/* Keep the actors within @p depth undirected hops of @p focus over the kept
 * edges: a breadth-first search, level by level, in place of @p keep. */
static int ego_network(const ag_graph *g, char *keep, const char *edge_ok, size_t focus, unsigned depth)
{
    size_t n = g->n_actors, *dist, *queue, head = 0, tail = 0, i;
    /* adjacency in CSR form: offsets, then neighbour lists */
    size_t *off = NULL, *adj = NULL, *fill = NULL;
    int err = AG_ENOMEM;

    dist = malloc(n * sizeof(*dist));
    queue = malloc(n * sizeof(*queue));
    off = calloc(n + 1, sizeof(*off));
    fill = calloc(n, sizeof(*fill));
    if (!dist || !queue || !off || !fill)
        goto out;
    for (i = 0; i < g->n_edges; i++) {
        if (!edge_ok[i])
            continue;
        off[g->edges[i].source + 1]++;
        off[g->edges[i].target + 1]++;
    }
    for (i = 0; i < n; i++)
        off[i + 1] += off[i];
    if (off[n] && !(adj = malloc(off[n] * sizeof(*adj))))
        goto out;
    for (i = 0; i < g->n_edges; i++) {
        size_t s = g->edges[i].source, t = g->edges[i].target;
        if (!edge_ok[i])
            continue;
        adj[off[s] + fill[s]++] = t;
        adj[off[t] + fill[t]++] = s;
    }
    for (i = 0; i < n; i++)
        dist[i] = (size_t)-1;
    dist[focus] = 0;
    queue[tail++] = focus;
    while (head < tail) {
        size_t v = queue[head++], j;
        if (dist[v] >= depth)
            continue;
        for (j = off[v]; j < off[v + 1]; j++) {
            size_t u = adj[j];
            if (dist[u] == (size_t)-1) {
                dist[u] = dist[v] + 1;
                queue[tail++] = u;
            }
        }
    }
    for (i = 0; i < n; i++)
        keep[i] = dist[i] != (size_t)-1;
    err = AG_OK;
out:
    free(dist);
    free(queue);
    free(off);
    free(adj);
    free(fill);
    return err;
}

/* Copy the kept actors and edges of @p g into the empty graph @p h. */
static int copy_kept(ag_graph *h, ag_ctx *ctx, const ag_graph *g, const char *keep, const char *edge_ok)
{
    size_t *map = NULL, i, j, idx;
    char *doc_used = NULL;
    int err = AG_OK;

    if (g->n_actors && !(map = malloc(g->n_actors * sizeof(*map))))
        goto nomem;
    if (g->n_docs && !(doc_used = calloc(g->n_docs, 1)))
        goto nomem;
    /* Documents first, with their metadata, in the order of the source. */
    for (i = 0; i < g->n_actors; i++)
        for (j = 0; keep[i] && j < g->actors[i].n_docs; j++)
            if (ag_strmap_get(&g->doc_keys, g->actors[i].docs[j], &idx))
                doc_used[idx] = 1;
    for (i = 0; i < g->n_edges; i++)
        for (j = 0; edge_ok[i] && j < g->edges[i].n_evidence; j++)
            if (g->edges[i].evidence[j].doc && ag_strmap_get(&g->doc_keys, g->edges[i].evidence[j].doc, &idx))
                doc_used[idx] = 1;
    for (i = 0; i < g->n_docs; i++) {
        const ag_document *d = &g->docs[i];
        if (doc_used[i] && (err = ag_graph_add_document(h, ctx, d->name, d->date, d->url, d->title)) < 0)
            goto out;
    }
    if (g->title && !(h->title = ag_strdup(g->title)))
        goto nomem;
    for (i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        const ag_actor_priv *p = &g->priv[i];
        uint32_t by_doc = 0;

        if (!keep[i])
            continue;
        if ((err = ag_graph_add_actor(h, ctx, &idx, a->label, a->type)) < 0)
            goto out;
        /* the source's votes, not the one just cast, so the type is chosen as before */
        memcpy(h->priv[idx].votes, p->votes, sizeof(p->votes));
        for (j = 0; j < a->n_aliases; j++)
            if ((err = ag_graph_add_alias(h, ctx, idx, a->aliases[j])) < 0)
                goto out;
        for (j = 0; j < a->n_docs; j++) {
            if (ag_graph__actor_add_doc(h, &h->actors[idx], &h->priv[idx], a->docs[j], p->doc_mentions[j]))
                goto nomem;
            by_doc += p->doc_mentions[j];
        }
        if (a->mentions > by_doc)
            h->actors[idx].mentions += a->mentions - by_doc;
        map[i] = idx;
    }
    for (i = 0; i < g->n_edges; i++) {
        const ag_edge *e = &g->edges[i];
        size_t s, t;

        if (!edge_ok[i])
            continue;
        s = map[e->source];
        t = map[e->target];
        if (s == t)
            continue;
        if ((err = ag_graph__edge_get(h, ctx, &idx, s, t, e->relation)) < 0)
            goto out;
        for (j = 0; j < e->n_evidence; j++)
            if (ag_graph__edge_add_evidence(h, idx, &e->evidence[j]))
                goto nomem;
        if (ag_graph__edge_carry_counts(h, idx, e, &g->epriv[i], 0))
            goto nomem;
    }
out:
    free(map);
    free(doc_used);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}

int ag_graph_filter(ag_graph **out, ag_ctx *ctx, const ag_graph *g, const ag_filter_options *opts)
{
    static const ag_filter_options defaults = AG_FILTER_OPTIONS_INIT;
    const ag_filter_options *o = opts ? opts : &defaults;
    char *keep = NULL, *edge_ok = NULL;
    ag_graph *h = NULL;
    size_t n, m, i;
    long focus = -1;
    int err = AG_OK;

    *out = NULL;
    if (!g)
        return ag_error_set(ctx, AG_EINVAL, "no graph");
    if (o->version < 1 || o->version > AG_FILTER_OPTIONS_VERSION)
        return ag_error_set(ctx, AG_EINVAL, "unknown ag_filter_options version %d", o->version);
    if (!g->finalized)
        return ag_error_set(ctx, AG_EINVAL, "filtering needs a finalized graph");
    if (o->focus && (focus = ag_graph_find_actor(g, o->focus)) < 0)
        return ag_error_set(ctx, AG_EINVAL, "no actor \"%s\" in the graph", o->focus);
    n = g->n_actors;
    m = g->n_edges;
    if ((n && !(keep = malloc(n))) || (m && !(edge_ok = malloc(m))))
        goto nomem;
    for (i = 0; i < n; i++)
        keep[i] = !o->types || (o->types & AG_FILTER_TYPE(g->actors[i].type)) || (long)i == focus;
    for (i = 0; i < m; i++) {
        const ag_edge *e = &g->edges[i];
        edge_ok[i] = keep[e->source] && keep[e->target] && e->weight >= o->min_weight &&
                     relation_kept(o, e->relation);
    }
    if (focus >= 0) {
        if (ego_network(g, keep, edge_ok, (size_t)focus, o->depth))
            goto nomem;
        for (i = 0; i < m; i++)
            edge_ok[i] = edge_ok[i] && keep[g->edges[i].source] && keep[g->edges[i].target];
    }
    if (o->drop_isolates) {
        for (i = 0; i < n; i++)
            keep[i] = 0;
        for (i = 0; i < m; i++)
            if (edge_ok[i])
                keep[g->edges[i].source] = keep[g->edges[i].target] = 1;
    }
    if ((err = ag_graph_new(&h, ctx)) < 0 || (err = ag_graph_set_max_evidence(h, ctx, opts ? opts->max_evidence : 0)) < 0 ||
        (err = copy_kept(h, ctx, g, keep, edge_ok)) < 0 ||
        (err = ag_graph_finalize(h, ctx)) < 0)
        goto out;
    *out = h;
    h = NULL;
out:
    ag_graph_free(h);
    free(keep);
    free(edge_ok);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}
