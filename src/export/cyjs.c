/* actorgraph: Cytoscape.js elements JSON (what cy.json() gives and
 * cytoscape({elements}) or Cytoscape's "Import network from file" take):
 * one {data, position} per actor with the metrics, one {data} per edge with
 * its evidence.  Positions are the SVG layout's, y flipped because Cytoscape
 * counts y downwards as the screen does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "export/export_internal.h"
#include "export/jsonput.h"
#include "model/model_internal.h"

static int write_node(cJSON *nodes, const ag_actor *a, double max_pr, const double *xy)
{
    const ag_type_style *st = ag_export__style(a->type);
    cJSON *n = ag_export__jnew(nodes, NULL, 0), *d, *arr, *pos;
    size_t j;

    if (!n || !(d = ag_export__jnew(n, "data", 0)) || ag_export__jstr(d, "id", a->id) || ag_export__jstr(d, "label", a->label) ||
        ag_export__jstr(d, "type", ag_actor_type_name(a->type)) || !(arr = ag_export__jnew(d, "aliases", 1)))
        return -1;
    for (j = 0; j < a->n_aliases; j++)
        if (ag_export__jstr(arr, NULL, a->aliases[j]))
            return -1;
    if (ag_export__jnum(d, "mentions", a->mentions, 0) || ag_export__jnum(d, "documents", (double)a->n_docs, 0) ||
        ag_export__jnum(d, "degree", a->degree, AG_EXPORT_DECIMALS) ||
        ag_export__jnum(d, "weighted_degree", a->weighted_degree, AG_EXPORT_DECIMALS) ||
        ag_export__jnum(d, "pagerank", a->pagerank, AG_EXPORT_DECIMALS) ||
        ag_export__jnum(d, "betweenness", a->betweenness, AG_EXPORT_DECIMALS) ||
        ag_export__jnum(d, "community", a->community, 0) || ag_export__jstr(d, "color", st->fill) ||
        ag_export__jstr(d, "shape", st->shape) || ag_export__jnum(d, "size", ag_export__size(a, max_pr), 2) ||
        !(pos = ag_export__jnew(n, "position", 0)) || ag_export__jnum(pos, "x", xy[0], 2) || ag_export__jnum(pos, "y", -xy[1], 2))
        return -1;
    return 0;
}

static int write_edge(cJSON *edges, const ag_graph *g, size_t i)
{
    const ag_edge *e = ag_graph_edge(g, i);
    cJSON *o = ag_export__jnew(edges, NULL, 0), *d, *arr;
    char id[32], *label = ag_export__relation_label(e->relation);
    size_t j;
    int err = -1;

    snprintf(id, sizeof(id), "e%zu", i);
    if (!o || !label || !(d = ag_export__jnew(o, "data", 0)) || ag_export__jstr(d, "id", id) ||
        ag_export__jstr(d, "source", ag_graph_actor(g, e->source)->id) ||
        ag_export__jstr(d, "target", ag_graph_actor(g, e->target)->id) || ag_export__jstr(d, "relation", e->relation) ||
        ag_export__jstr(d, "label", label) || ag_export__jnum(d, "weight", e->weight, 0) ||
        ag_export__jnum(d, "confidence", e->confidence, AG_EXPORT_DECIMALS) || !(arr = ag_export__jnew(d, "evidence", 1)))
        goto out;
    for (j = 0; j < e->n_evidence; j++) {
        const ag_evidence *ev = &e->evidence[j];
        cJSON *x = ag_export__jnew(arr, NULL, 0);
        if (!x || ag_export__jstr(x, "doc", ev->doc && *ev->doc ? ev->doc : NULL) || ag_export__jnum(x, "sentence", ev->sentence, 0) ||
            ag_export__jstr(x, "text", ev->text) || ag_export__jstr(x, "rule", ev->rule) ||
            ag_export__jnum(x, "confidence", ev->confidence, AG_EXPORT_DECIMALS))
            goto out;
    }
    err = 0;
out:
    free(label);
    return err;
}

/* What fill_node needs beside the index. */
typedef struct node_ctx {
    const ag_graph *g;
    double max_pr;
    const double *xy;
} node_ctx;

static int fill_node(cJSON *nodes, const void *user, size_t i)
{
    const node_ctx *nc = user;

    return write_node(nodes, ag_graph_actor(nc->g, i), nc->max_pr, nc->xy + 2 * i);
}

static int fill_edge(cJSON *edges, const void *g, size_t i)
{
    return write_edge(edges, g, i);
}

int ag_export__cyjs(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay)
{
    cJSON *root = cJSON_CreateObject(), *data, *elements;
    double *xy = NULL;
    node_ctx nc = {g, ag_export__max_pagerank(g), NULL};
    ag_export__jstream streams[2] = {{1, ag_graph_actor_count(g), fill_node, &nc},
                                     {1, ag_graph_edge_count(g), fill_edge, g}};
    int err;

    if ((err = ag_export__positions(ctx, g, opts, lay, &xy)) < 0)
        goto out;
    nc.xy = xy;
    if (!root || ag_export__jstr(root, "format_version", "1.0") ||
        ag_export__jstr(root, "generated_by", "actorgraph " AG_VERSION) ||
        ag_export__jstr(root, "target_cytoscapejs_version", "~3") || !(data = ag_export__jnew(root, "data", 0)) ||
        ag_export__jstr(data, "name", ag_export__title(g, opts)) || ag_export__jdocuments(data, "documents", g))
        goto nomem;
    if (!(elements = ag_export__jnew(root, "elements", 0)) || ag_export__jplaceholder(elements, "nodes", 0) ||
        ag_export__jplaceholder(elements, "edges", 1) || ag_export__jprint_streamed(out, root, streams, 2))
        goto nomem;
out:
    cJSON_Delete(root);
    free(xy);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory while writing Cytoscape JSON");
    goto out;
}
