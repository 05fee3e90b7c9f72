/* actorgraph: GEXF 1.3, Gephi's own format, written with libxml2's
 * xmlwriter (which does the escaping): labels, the metrics as attributes,
 * viz colour by type, size by PageRank and position from the SVG layout,
 * edges with weight and kind = relation (so Gephi keeps parallel relations
 * apart), and spells from the articles' dates so Gephi's timeline replays
 * the story: an edge lives on the dates of the articles that state it, an
 * actor on the dates of the articles that mention it or its relations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "export/export_internal.h"
#include "model/model_internal.h"

#define X(s) ((const xmlChar *)(s))

typedef struct {
    xmlTextWriterPtr w;
    const ag_graph *g;
    char (*dates)[11];  /* sorted distinct dates */
    size_t n_dates;
    size_t *doc_date;   /* per document: index into dates, or (size_t)-1 */
    ag_strmap docs;     /* document name -> index */
} gexf;

static int attr(gexf *x, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(x->w, X(name), X(value)) < 0;
}

static int attr_num(gexf *x, const char *name, double v, int decimals)
{
    char num[64];

    ag_export__num(num, sizeof(num), v, decimals);
    return attr(x, name, num);
}

static int start(gexf *x, const char *name)
{
    return xmlTextWriterStartElement(x->w, X(name)) < 0;
}

static int end(gexf *x)
{
    return xmlTextWriterEndElement(x->w) < 0;
}

static int attvalue(gexf *x, const char *key, const char *value)
{
    if (!value || !*value)
        return 0; /* networkx and Gephi read a missing value as unset */
    return start(x, "attvalue") || attr(x, "for", key) || attr(x, "value", value) || end(x);
}

static int attvalue_num(gexf *x, const char *key, double v, int decimals)
{
    char num[64];

    ag_export__num(num, sizeof(num), v, decimals);
    return attvalue(x, key, num);
}

static int cmp_date(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;

    return x < y ? -1 : x > y;
}

/* The distinct dates of the documents, sorted, and each document's index. */
static int index_dates(gexf *x)
{
    size_t n = ag_graph_document_count(x->g), i, k;

    if (!n)
        return AG_OK;
    if (!(x->dates = calloc(n, sizeof(*x->dates))) || !(x->doc_date = malloc(n * sizeof(size_t))))
        return AG_ENOMEM;
    for (i = 0; i < n; i++) {
        const char *date;
        if (ag_strmap_put(&x->docs, ag_graph_document(x->g, i, &date, NULL, NULL), i))
            return AG_ENOMEM;
        if (ag_export__iso_date(x->dates[x->n_dates], date))
            x->n_dates++;
    }
    qsort(x->dates, x->n_dates, sizeof(*x->dates), cmp_date);
    for (i = k = 0; i < x->n_dates; i++)
        if (!k || strcmp(x->dates[k - 1], x->dates[i]) != 0)
            memmove(x->dates[k++], x->dates[i], 11);
    x->n_dates = k;
    for (i = 0; i < n; i++) {
        const char *date;
        char iso[11];
        void *hit;
        ag_graph_document(x->g, i, &date, NULL, NULL);
        hit = ag_export__iso_date(iso, date) ? bsearch(iso, x->dates, x->n_dates, sizeof(*x->dates), cmp_date) : NULL;
        x->doc_date[i] = hit ? (size_t)((char(*)[11])hit - x->dates) : (size_t)-1;
    }
    return AG_OK;
}

/* Append the date index of document @p doc to @p list (unknown dates skipped). */
static int add_doc_date(gexf *x, const char *doc, size_t **list, size_t *n, size_t *cap)
{
    size_t d;

    if (!ag_strmap_get(&x->docs, doc, &d) || x->doc_date[d] == (size_t)-1)
        return 0;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        size_t *p = realloc(*list, c * sizeof(size_t));
        if (!p)
            return -1;
        *list = p;
        *cap = c;
    }
    (*list)[(*n)++] = x->doc_date[d];
    return 0;
}

/* <spells> with one point spell per distinct date in @p list (sorted here). */
static int spells(gexf *x, size_t *list, size_t n)
{
    size_t i;

    if (!n)
        return 0;
    qsort(list, n, sizeof(size_t), cmp_size);
    if (start(x, "spells"))
        return -1;
    for (i = 0; i < n; i++) {
        if (i && list[i] == list[i - 1])
            continue;
        if (start(x, "spell") || attr(x, "start", x->dates[list[i]]) || attr(x, "end", x->dates[list[i]]) ||
            end(x))
            return -1;
    }
    return end(x);
}

static int declare(gexf *x, const char *cls, const char *const (*defs)[2], size_t n)
{
    size_t i;

    if (start(x, "attributes") || attr(x, "class", cls) || attr(x, "mode", "static"))
        return -1;
    for (i = 0; i < n; i++)
        if (start(x, "attribute") || attr(x, "id", defs[i][0]) || attr(x, "title", defs[i][0]) ||
            attr(x, "type", defs[i][1]) || end(x))
            return -1;
    return end(x);
}

static const char *const node_attrs[][2] = {
    {"type", "string"},      {"aliases", "string"},         {"mentions", "integer"},
    {"documents", "integer"}, {"degree", "integer"},         {"weighted_degree", "double"},
    {"pagerank", "double"},  {"betweenness", "double"},     {"community", "integer"},
};

static const char *const edge_attrs[][2] = {
    {"relation", "string"},       {"confidence", "double"}, {"evidence", "string"},
    {"evidence_count", "integer"}, {"docs", "string"},
};

/* A growable list of date indices per actor. */
typedef struct {
    size_t *v, n, cap;
} date_list;

/* Each actor's dates: those of the articles that mention it and of the
 * articles stating its relations (an actor exists whenever one of its
 * relations does); one pass over actors and edges. */
static int actor_dates(gexf *x, date_list **out)
{
    size_t n = ag_graph_actor_count(x->g), i, j;
    date_list *d;

    *out = NULL;
    if (!n || !x->n_dates)
        return 0;
    if (!(d = calloc(n, sizeof(*d))))
        return -1;
    *out = d;
    for (i = 0; i < n; i++) {
        const ag_actor *a = ag_graph_actor(x->g, i);
        for (j = 0; j < a->n_docs; j++)
            if (add_doc_date(x, a->docs[j], &d[i].v, &d[i].n, &d[i].cap))
                return -1;
    }
    for (i = 0; i < ag_graph_edge_count(x->g); i++) {
        const ag_edge *e = ag_graph_edge(x->g, i);
        for (j = 0; j < e->n_evidence; j++)
            if (add_doc_date(x, e->evidence[j].doc, &d[e->source].v, &d[e->source].n, &d[e->source].cap) ||
                add_doc_date(x, e->evidence[j].doc, &d[e->target].v, &d[e->target].n, &d[e->target].cap))
                return -1;
    }
    return 0;
}

static void actor_dates_free(date_list *d, size_t n)
{
    size_t i;

    for (i = 0; d && i < n; i++)
        free(d[i].v);
    free(d);
}

static int write_node(gexf *x, size_t i, double max_pr, const double *xy, date_list *dates)
{
    const ag_actor *a = ag_graph_actor(x->g, i);
    const ag_type_style *st = ag_export__style(a->type);
    ag_buf al = AG_BUF_INIT;
    size_t j;
    int err = -1;

    for (j = 0; j < a->n_aliases; j++)
        if ((j && ag_buf_puts(&al, "; ")) || ag_buf_puts(&al, a->aliases[j]))
            goto out;
    if (start(x, "node") || attr(x, "id", a->id) || attr(x, "label", a->label) || start(x, "attvalues") ||
        attvalue(x, "type", ag_actor_type_name(a->type)) || attvalue(x, "aliases", al.data) ||
        attvalue_num(x, "mentions", a->mentions, 0) || attvalue_num(x, "documents", (double)a->n_docs, 0) ||
        attvalue_num(x, "degree", a->degree, 0) ||
        attvalue_num(x, "weighted_degree", a->weighted_degree, AG_EXPORT_DECIMALS) ||
        attvalue_num(x, "pagerank", a->pagerank, AG_EXPORT_DECIMALS) ||
        attvalue_num(x, "betweenness", a->betweenness, AG_EXPORT_DECIMALS) ||
        attvalue_num(x, "community", a->community, 0) || end(x) ||
        (dates && spells(x, dates->v, dates->n)) ||
        xmlTextWriterStartElement(x->w, X("viz:color")) < 0 || attr_num(x, "r", st->r, 0) ||
        attr_num(x, "g", st->g, 0) || attr_num(x, "b", st->b, 0) || end(x) ||
        xmlTextWriterStartElement(x->w, X("viz:size")) < 0 || attr_num(x, "value", ag_export__size(a, max_pr), 2) ||
        end(x) || xmlTextWriterStartElement(x->w, X("viz:position")) < 0 || attr_num(x, "x", xy[0], 2) ||
        attr_num(x, "y", xy[1], 2) || end(x) || end(x))
        goto out;
    err = 0;
out:
    ag_buf_free(&al);
    return err;
}

static int write_edge(gexf *x, size_t i)
{
    const ag_edge *e = ag_graph_edge(x->g, i);
    ag_buf docs = AG_BUF_INIT;
    size_t *dates = NULL, n = 0, cap = 0, j;
    char id[32], *label = ag_export__relation_label(e->relation);
    int err = -1;

    snprintf(id, sizeof(id), "e%zu", i);
    for (j = 0; j < e->n_evidence; j++) {
        if (add_doc_date(x, e->evidence[j].doc, &dates, &n, &cap))
            goto out;
        /* evidence is sorted by doc: a new doc is one unlike the previous */
        if (j && strcmp(e->evidence[j].doc, e->evidence[j - 1].doc) == 0)
            continue;
        if ((docs.len && ag_buf_puts(&docs, "; ")) || ag_buf_puts(&docs, e->evidence[j].doc))
            goto out;
    }
    if (!label || start(x, "edge") || attr(x, "id", id) || attr(x, "source", ag_graph_actor(x->g, e->source)->id) ||
        attr(x, "target", ag_graph_actor(x->g, e->target)->id) || attr(x, "label", label) ||
        attr(x, "kind", e->relation) || attr_num(x, "weight", e->weight, 0) || start(x, "attvalues") ||
        attvalue(x, "relation", e->relation) || attvalue_num(x, "confidence", e->confidence, AG_EXPORT_DECIMALS) ||
        attvalue(x, "evidence", e->n_evidence ? e->evidence[0].text : NULL) ||
        attvalue_num(x, "evidence_count", (double)e->evidence_count, 0) || attvalue(x, "docs", docs.data) ||
        end(x) || spells(x, dates, n) || end(x))
        goto out;
    err = 0;
out:
    free(label);
    free(dates);
    ag_buf_free(&docs);
    return err;
}

int ag_export__gexf(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay)
{
    gexf x = {NULL, g, NULL, 0, NULL, AG_STRMAP_INIT};
    xmlBufferPtr buf = NULL;
    date_list *dates = NULL;
    double max_pr = ag_export__max_pagerank(g), *xy = NULL;
    size_t i;
    int err;

    if ((err = ag_export__positions(ctx, g, opts, lay, &xy)) < 0)
        goto out;
    if (index_dates(&x) || actor_dates(&x, &dates) || !(buf = xmlBufferCreate()) ||
        !(x.w = xmlNewTextWriterMemory(buf, 0)))
        goto nomem;
    if (xmlTextWriterSetIndent(x.w, 1) < 0 || xmlTextWriterSetIndentString(x.w, X("  ")) < 0 ||
        xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL) < 0 || start(&x, "gexf") ||
        attr(&x, "xmlns", "http://gexf.net/1.3") || attr(&x, "xmlns:viz", "http://gexf.net/1.3/viz") ||
        attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance") ||
        attr(&x, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd") ||
        attr(&x, "version", "1.3") || start(&x, "meta") ||
        /* the newest article's date, not the clock: the bytes must not change */
        (x.n_dates && attr(&x, "lastmodifieddate", x.dates[x.n_dates - 1])) ||
        xmlTextWriterWriteElement(x.w, X("creator"), X("actorgraph " AG_VERSION)) < 0 ||
        xmlTextWriterWriteElement(x.w, X("description"), X(ag_export__title(g, opts))) < 0 || end(&x) ||
        start(&x, "graph") || attr(&x, "defaultedgetype", "directed") ||
        attr(&x, "mode", x.n_dates ? "dynamic" : "static") || (x.n_dates && attr(&x, "timeformat", "date")) ||
        declare(&x, "node", node_attrs, sizeof(node_attrs) / sizeof(node_attrs[0])) ||
        declare(&x, "edge", edge_attrs, sizeof(edge_attrs) / sizeof(edge_attrs[0])) || start(&x, "nodes"))
        goto nomem;
    for (i = 0; i < ag_graph_actor_count(g); i++)
        if (write_node(&x, i, max_pr, xy + 2 * i, dates ? &dates[i] : NULL))
            goto nomem;
    if (end(&x) || start(&x, "edges"))
        goto nomem;
    for (i = 0; i < ag_graph_edge_count(g); i++)
        if (write_edge(&x, i))
            goto nomem;
    if (xmlTextWriterEndDocument(x.w) < 0)
        goto nomem;
    xmlFreeTextWriter(x.w); /* flushes into buf */
    x.w = NULL;
    if (ag_buf_append(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf)))
        goto nomem;
out:
    if (x.w)
        xmlFreeTextWriter(x.w);
    if (buf)
        xmlBufferFree(buf);
    ag_strmap_free(&x.docs);
    actor_dates_free(dates, ag_graph_actor_count(g));
    free(x.dates);
    free(x.doc_date);
    free(xy);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory while writing GEXF");
    goto out;
}
