/* actorgraph: JSON Graph Format v2 writer (cJSON, default tab-indented
 * printing).  Reals are rounded to AG_EXPORT_DECIMALS so the bytes do not
 * depend on the last bits of igraph's arithmetic, and model/json_read.c reads
 * every field back.  Node metadata adds "mentions_by_doc" to the JGF fields so
 * a saved graph can be merged again without losing which article said what. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "export/export_internal.h"
#include "export/jsonput.h"
#include "model/model_internal.h"

/* Attach @p item (may be NULL: creation failed) to an object or array;
 * on failure the item is deleted and -1 returned. */
static int put_num(cJSON *o, const char *key, double v)
{
    return ag_export__jnum(o, key, v, AG_EXPORT_DECIMALS);
}

static int put_bool(cJSON *o, const char *key, int v)
{
    return ag_export__jattach(o, key, cJSON_CreateBool(v));
}

static int write_node(cJSON *nodes, const ag_graph *g, size_t i)
{
    const ag_actor *a = ag_graph_actor(g, i);
    cJSON *n = ag_export__jnew(nodes, a->id, 0), *m, *arr;
    size_t j;

    if (!n || ag_export__jstr(n, "label", a->label) || !(m = ag_export__jnew(n, "metadata", 0)) ||
        ag_export__jstr(m, "type", ag_actor_type_name(a->type)) || !(arr = ag_export__jnew(m, "aliases", 1)))
        return -1;
    for (j = 0; j < a->n_aliases; j++)
        if (ag_export__jstr(arr, NULL, a->aliases[j]))
            return -1;
    if (put_num(m, "mentions", a->mentions) || put_num(m, "documents", (double)a->n_docs) ||
        !(arr = ag_export__jnew(m, "mentions_by_doc", 0)))
        return -1;
    for (j = 0; j < a->n_docs; j++)
        if (put_num(arr, a->docs[j], g->priv[i].doc_mentions[j]))
            return -1;
    /* The type votes behind "type", so that merging saved graphs picks
     * each actor's type as one run over all their articles does. */
    if (!(arr = ag_export__jnew(m, "type_votes", 0)))
        return -1;
    for (j = 0; j < AG_ACTOR_TYPE_COUNT_; j++)
        if (g->priv[i].votes[j] && put_num(arr, ag_actor_type_name((ag_actor_type)j), g->priv[i].votes[j]))
            return -1;
    if (put_num(m, "degree", a->degree) || put_num(m, "weighted_degree", a->weighted_degree) ||
        put_num(m, "pagerank", a->pagerank) || put_num(m, "betweenness", a->betweenness) ||
        put_num(m, "community", a->community))
        return -1;
    return 0;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int write_edge(cJSON *edges, const ag_graph *g, size_t i)
{
    const ag_edge *e = ag_graph_edge(g, i);
    const char **rules = NULL;
    char id[32], *label = NULL, *p;
    cJSON *o = ag_export__jnew(edges, NULL, 0), *m, *arr;
    size_t j, n = 0;
    int err = -1;

    snprintf(id, sizeof(id), "e%zu", i);
    if (!(label = ag_strdup(e->relation)))
        goto out;
    for (p = label; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (!o || ag_export__jstr(o, "id", id) || ag_export__jstr(o, "source", ag_graph_actor(g, e->source)->id) ||
        ag_export__jstr(o, "target", ag_graph_actor(g, e->target)->id) || ag_export__jstr(o, "relation", e->relation) ||
        put_bool(o, "directed", 1) || ag_export__jstr(o, "label", label) || !(m = ag_export__jnew(o, "metadata", 0)) ||
        put_num(m, "weight", e->weight) || put_num(m, "confidence", e->confidence) ||
        (e->evidence_count != e->n_evidence && put_num(m, "evidence_count", (double)e->evidence_count)) ||
        !(arr = ag_export__jnew(m, "rules", 1)))
        goto out;
    if (e->n_evidence && !(rules = malloc(e->n_evidence * sizeof(*rules))))
        goto out;
    for (j = 0; j < e->n_evidence; j++)
        rules[j] = e->evidence[j].rule;
    if (e->n_evidence)
        qsort(rules, e->n_evidence, sizeof(*rules), cmp_str_ptr);
    for (j = 0; j < e->n_evidence; j++) {
        if (n && strcmp(rules[n - 1], rules[j]) == 0)
            continue;
        rules[n++] = rules[j];
        if (ag_export__jstr(arr, NULL, rules[j]))
            goto out;
    }
    if (!(arr = ag_export__jnew(m, "evidence", 1)))
        goto out;
    for (j = 0; j < e->n_evidence; j++) {
        const ag_evidence *ev = &e->evidence[j];
        cJSON *x = ag_export__jnew(arr, NULL, 0);
        if (!x || ag_export__jstr(x, "doc", ev->doc && *ev->doc ? ev->doc : NULL) || put_num(x, "sentence", ev->sentence) ||
            put_num(x, "start", ev->start) || put_num(x, "end", ev->end) || ag_export__jstr(x, "text", ev->text) ||
            ag_export__jstr(x, "rule", ev->rule) || put_num(x, "confidence", ev->confidence))
            goto out;
    }
    err = 0;
out:
    free(label);
    free(rules);
    return err;
}

static int fill_node(cJSON *nodes, const void *g, size_t i)
{
    return write_node(nodes, g, i);
}

static int fill_edge(cJSON *edges, const void *g, size_t i)
{
    return write_edge(edges, g, i);
}

int ag_export__json(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts)
{
    cJSON *root = cJSON_CreateObject(), *graph, *meta;
    const ag_export__jstream streams[2] = {{0, ag_graph_actor_count(g), fill_node, g},
                                           {1, ag_graph_edge_count(g), fill_edge, g}};
    int err = AG_OK;

    if (!root || !(graph = ag_export__jnew(root, "graph", 0)) || ag_export__jstr(graph, "id", "actorgraph") ||
        ag_export__jstr(graph, "label", ag_export__title(g, opts)) || put_bool(graph, "directed", 1) ||
        ag_export__jstr(graph, "type", "actorgraph") || !(meta = ag_export__jnew(graph, "metadata", 0)) ||
        ag_export__jdocuments(meta, "documents", g) || ag_export__jstr(meta, "generator", "actorgraph " AG_VERSION) ||
        ag_export__jplaceholder(graph, "nodes", 0) || ag_export__jplaceholder(graph, "edges", 1) ||
        ag_export__jprint_streamed(out, root, streams, 2))
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory while writing JSON");
    cJSON_Delete(root);
    return err;
}
