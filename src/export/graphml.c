/* actorgraph: GraphML writer, by hand so we control every byte: the key ids,
 * the attribute types Gephi, networkx and igraph all accept, the escaping,
 * and the order (see shared/INTEROP.md, GraphML section). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"
#include "model/model_internal.h"

/* XML text and attribute escaping; characters XML 1.0 forbids are dropped
 * (the model never stores them, this keeps the writer safe on its own). */
static int put_xml(ag_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int err = AG_OK;

    for (; *p && !err; p++) {
        switch (*p) {
        case '&': err = ag_buf_puts(b, "&amp;"); break;
        case '<': err = ag_buf_puts(b, "&lt;"); break;
        case '>': err = ag_buf_puts(b, "&gt;"); break;
        case '"': err = ag_buf_puts(b, "&quot;"); break;
        case '\'': err = ag_buf_puts(b, "&apos;"); break;
        default:
            if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                break;
            /* U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters */
            if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
                p += 2;
                break;
            }
            err = ag_buf_putc(b, (char)*p);
        }
    }
    return err;
}

typedef struct {
    const char *id, *for_, *name, *type;
} key_def;

static const key_def keys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"mentions", "node", "mentions", "int"},
    {"documents", "node", "documents", "int"},
    {"degree", "node", "degree", "int"},
    {"weighted_degree", "node", "weighted_degree", "double"},
    {"pagerank", "node", "pagerank", "double"},
    {"betweenness", "node", "betweenness", "double"},
    {"community", "node", "community", "int"},
    {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"size", "node", "size", "double"},
    {"x", "node", "x", "double"},
    {"y", "node", "y", "double"},
    {"edge_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"weight", "edge", "weight", "double"},
    {"confidence", "edge", "confidence", "double"},
    {"evidence", "edge", "evidence", "string"},
    {"evidence_count", "edge", "evidence_count", "int"},
    {"docs", "edge", "docs", "string"},
};

/* <data> with a string value; nothing for an empty one (networkx drops those). */
static int data_str(ag_buf *b, const char *key, const char *v)
{
    if (!v || !*v)
        return AG_OK;
    if (ag_buf_printf(b, "      <data key=\"%s\">", key) || put_xml(b, v) ||
        ag_buf_puts(b, "</data>\n"))
        return AG_ENOMEM;
    return AG_OK;
}

static int data_num(ag_buf *b, const char *key, double v, int decimals)
{
    char num[64];

    ag_export__num(num, sizeof(num), v, decimals);
    return ag_buf_printf(b, "      <data key=\"%s\">%s</data>\n", key, num);
}

static int write_node(ag_buf *b, const ag_actor *a, double max_pr, const double *xy)
{
    const ag_type_style *st = ag_export__style(a->type);
    ag_buf al = AG_BUF_INIT;
    size_t j;
    int err = AG_ENOMEM;

    for (j = 0; j < a->n_aliases; j++)
        if ((j && ag_buf_puts(&al, "; ")) || ag_buf_puts(&al, a->aliases[j]))
            goto out;
    if (ag_buf_puts(b, "    <node id=\"") || put_xml(b, a->id) || ag_buf_puts(b, "\">\n") ||
        data_str(b, "label", a->label) || data_str(b, "type", ag_actor_type_name(a->type)) ||
        data_str(b, "aliases", al.data) || data_num(b, "mentions", a->mentions, 0) ||
        data_num(b, "documents", (double)a->n_docs, 0) || data_num(b, "degree", a->degree, 0) ||
        data_num(b, "weighted_degree", a->weighted_degree, AG_EXPORT_DECIMALS) ||
        data_num(b, "pagerank", a->pagerank, AG_EXPORT_DECIMALS) ||
        data_num(b, "betweenness", a->betweenness, AG_EXPORT_DECIMALS) ||
        data_num(b, "community", a->community, 0) || data_num(b, "r", st->r, 0) ||
        data_num(b, "g", st->g, 0) || data_num(b, "b", st->b, 0) ||
        data_num(b, "size", ag_export__size(a, max_pr), 2) || data_num(b, "x", xy[0], 2) ||
        data_num(b, "y", xy[1], 2) || ag_buf_puts(b, "    </node>\n"))
        goto out;
    err = AG_OK;
out:
    ag_buf_free(&al);
    return err;
}

static int write_edge(ag_buf *b, const ag_graph *g, size_t i)
{
    const ag_edge *e = ag_graph_edge(g, i);
    ag_buf docs = AG_BUF_INIT, label = AG_BUF_INIT;
    const char *p;
    size_t j;
    int err = AG_ENOMEM;

    for (j = 0; j < e->n_evidence; j++) {
        /* evidence is sorted by doc: a new doc is one unlike the previous */
        if (j && strcmp(e->evidence[j].doc, e->evidence[j - 1].doc) == 0)
            continue;
        if ((docs.len && ag_buf_puts(&docs, "; ")) || ag_buf_puts(&docs, e->evidence[j].doc))
            goto out;
    }
    for (p = e->relation; *p; p++)
        if (ag_buf_putc(&label, *p == '_' ? ' ' : *p))
            goto out;
    if (ag_buf_printf(b, "    <edge id=\"e%zu\" source=\"", i) ||
        put_xml(b, ag_graph_actor(g, e->source)->id) || ag_buf_puts(b, "\" target=\"") ||
        put_xml(b, ag_graph_actor(g, e->target)->id) || ag_buf_puts(b, "\">\n") ||
        data_str(b, "edge_label", label.data) || data_str(b, "relation", e->relation) ||
        data_num(b, "weight", e->weight, AG_EXPORT_DECIMALS) ||
        data_num(b, "confidence", e->confidence, AG_EXPORT_DECIMALS) ||
        data_str(b, "evidence", e->n_evidence ? e->evidence[0].text : NULL) ||
        data_num(b, "evidence_count", (double)e->evidence_count, 0) || data_str(b, "docs", docs.data) ||
        ag_buf_puts(b, "    </edge>\n"))
        goto out;
    err = AG_OK;
out:
    ag_buf_free(&docs);
    ag_buf_free(&label);
    return err;
}

int ag_export__graphml(ag_buf *b, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                       const ag_layout *lay)
{
    double max_pr = ag_export__max_pagerank(g), *xy = NULL;
    size_t i;
    int err;

    /* x, y: the layout of the SVG, so Gephi opens the same picture */
    if ((err = ag_export__positions(ctx, g, opts, lay, &xy)) < 0)
        return err;

    if (ag_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                       "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                       "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"))
        goto nomem;
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (ag_buf_printf(b, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                          keys[i].id, keys[i].for_, keys[i].name, keys[i].type))
            goto nomem;
    if (ag_buf_puts(b, "  <graph id=\"actorgraph\" edgedefault=\"directed\">\n"))
        goto nomem;
    for (i = 0; i < ag_graph_actor_count(g); i++)
        if (write_node(b, ag_graph_actor(g, i), max_pr, xy + 2 * i))
            goto nomem;
    for (i = 0; i < ag_graph_edge_count(g); i++)
        if (write_edge(b, g, i))
            goto nomem;
    if (ag_buf_puts(b, "  </graph>\n</graphml>\n"))
        goto nomem;
    free(xy);
    return AG_OK;
nomem:
    free(xy);
    return ag_error_set(ctx, AG_ENOMEM, "out of memory while writing GraphML");
}
