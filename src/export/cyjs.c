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
#include "model/model_internal.h"

static int attach(cJSON *parent, const char *key, cJSON *item)
{
    cJSON_bool ok;

    if (!item)
        return -1;
    ok = key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item);
    if (!ok) {
        cJSON_Delete(item);
        return -1;
    }
    return 0;
}

static int put_str(cJSON *o, const char *key, const char *v)
{
    return attach(o, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

static int put_num(cJSON *o, const char *key, double v, int decimals)
{
    return attach(o, key, cJSON_CreateNumber(ag_export__round(v, decimals)));
}

static cJSON *put_new(cJSON *parent, const char *key, int array)
{
    cJSON *c = array ? cJSON_CreateArray() : cJSON_CreateObject();

    return attach(parent, key, c) ? NULL : c;
}

static int write_node(cJSON *nodes, const ag_actor *a, double max_pr, const double *xy)
{
    const ag_type_style *st = ag_export__style(a->type);
    cJSON *n = put_new(nodes, NULL, 0), *d, *arr, *pos;
    size_t j;

    if (!n || !(d = put_new(n, "data", 0)) || put_str(d, "id", a->id) || put_str(d, "label", a->label) ||
        put_str(d, "type", ag_actor_type_name(a->type)) || !(arr = put_new(d, "aliases", 1)))
        return -1;
    for (j = 0; j < a->n_aliases; j++)
        if (put_str(arr, NULL, a->aliases[j]))
            return -1;
    if (put_num(d, "mentions", a->mentions, 0) || put_num(d, "documents", (double)a->n_docs, 0) ||
        put_num(d, "degree", a->degree, AG_EXPORT_DECIMALS) ||
        put_num(d, "weighted_degree", a->weighted_degree, AG_EXPORT_DECIMALS) ||
        put_num(d, "pagerank", a->pagerank, AG_EXPORT_DECIMALS) ||
        put_num(d, "betweenness", a->betweenness, AG_EXPORT_DECIMALS) ||
        put_num(d, "community", a->community, 0) || put_str(d, "color", st->fill) ||
        put_str(d, "shape", st->shape) || put_num(d, "size", ag_export__size(a, max_pr), 2) ||
        !(pos = put_new(n, "position", 0)) || put_num(pos, "x", xy[0], 2) || put_num(pos, "y", -xy[1], 2))
        return -1;
    return 0;
}

static int write_edge(cJSON *edges, const ag_graph *g, size_t i)
{
    const ag_edge *e = ag_graph_edge(g, i);
    cJSON *o = put_new(edges, NULL, 0), *d, *arr;
    char id[32], *label = ag_export__relation_label(e->relation);
    size_t j;
    int err = -1;

    snprintf(id, sizeof(id), "e%zu", i);
    if (!o || !label || !(d = put_new(o, "data", 0)) || put_str(d, "id", id) ||
        put_str(d, "source", ag_graph_actor(g, e->source)->id) ||
        put_str(d, "target", ag_graph_actor(g, e->target)->id) || put_str(d, "relation", e->relation) ||
        put_str(d, "label", label) || put_num(d, "weight", e->weight, 0) ||
        put_num(d, "confidence", e->confidence, AG_EXPORT_DECIMALS) || !(arr = put_new(d, "evidence", 1)))
        goto out;
    for (j = 0; j < e->n_evidence; j++) {
        const ag_evidence *ev = &e->evidence[j];
        cJSON *x = put_new(arr, NULL, 0);
        if (!x || put_str(x, "doc", ev->doc) || put_num(x, "sentence", ev->sentence, 0) ||
            put_str(x, "text", ev->text) || put_str(x, "rule", ev->rule) ||
            put_num(x, "confidence", ev->confidence, AG_EXPORT_DECIMALS))
            goto out;
    }
    err = 0;
out:
    free(label);
    return err;
}

int ag_export__cyjs(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts)
{
    cJSON *root = cJSON_CreateObject(), *data, *docs, *elements, *nodes, *edges;
    double max_pr = ag_export__max_pagerank(g), *xy = NULL;
    char *text = NULL;
    size_t i;
    int err;

    if ((err = ag_export__positions(ctx, g, opts, &xy)) < 0)
        goto out;
    if (!root || put_str(root, "format_version", "1.0") ||
        put_str(root, "generated_by", "actorgraph " AG_VERSION) ||
        put_str(root, "target_cytoscapejs_version", "~3") || !(data = put_new(root, "data", 0)) ||
        put_str(data, "name", ag_export__title(g, opts)) || !(docs = put_new(data, "documents", 1)))
        goto nomem;
    for (i = 0; i < ag_graph_document_count(g); i++) {
        const char *date, *url, *title, *name = ag_graph_document(g, i, &date, &url, &title);
        cJSON *d = put_new(docs, NULL, 0);
        if (!d || put_str(d, "name", name) || put_str(d, "date", date) || put_str(d, "url", url) ||
            put_str(d, "title", title))
            goto nomem;
    }
    if (!(elements = put_new(root, "elements", 0)) || !(nodes = put_new(elements, "nodes", 1)))
        goto nomem;
    for (i = 0; i < ag_graph_actor_count(g); i++)
        if (write_node(nodes, ag_graph_actor(g, i), max_pr, xy + 2 * i))
            goto nomem;
    if (!(edges = put_new(elements, "edges", 1)))
        goto nomem;
    for (i = 0; i < ag_graph_edge_count(g); i++)
        if (write_edge(edges, g, i))
            goto nomem;
    if (!(text = cJSON_Print(root)) || ag_buf_puts(out, text) || ag_buf_putc(out, '\n'))
        goto nomem;
out:
    if (text)
        cJSON_free(text);
    cJSON_Delete(root);
    free(xy);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory while writing Cytoscape JSON");
    goto out;
}
