/* actorgraph: ag_graph_from_json(), the reader of what export/json.c writes
 * (JSON Graph Format v2 plus our metadata), so `convert` and merging of saved
 * graphs lose nothing.  The result is finalized; a file we wrote comes back
 * byte-identical through the JSON exporter. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "model/model_internal.h"

typedef struct {
    ag_graph *g;
    ag_ctx *ctx;
    const char *name;
    ag_strmap ids; /* node id -> actor index */
} reader;

static int bad(reader *r, const char *fmt, const char *what, const char *where)
{
    return ag_error_set_at(r->ctx, AG_EPARSE, r->name, 0, -1, fmt, what, where ? where : "");
}

/* The model refuses empty names, labels and relations (all that is left
 * after cleaning) with AG_EINVAL, an argument error.  Coming from a file they
 * are malformed input, so the reader reports AG_EPARSE, naming the place. */
static int model_err(reader *r, int err, const char *where)
{
    char msg[256];

    if (err != AG_EINVAL)
        return err;
    snprintf(msg, sizeof(msg), "%s", ag_ctx_errmsg(r->ctx));
    return bad(r, "%s in %s", msg, where);
}

/* Optional string member: NULL when absent or null; AG_EPARSE when another type. */
static int opt_string(reader *r, const cJSON *obj, const char *key, const char *where, const char **out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

    *out = NULL;
    if (!it || cJSON_IsNull(it))
        return AG_OK;
    if (!cJSON_IsString(it))
        return bad(r, "\"%s\" must be a string in %s", key, where);
    *out = it->valuestring;
    return AG_OK;
}

static int opt_uint(reader *r, const cJSON *obj, const char *key, const char *where, uint32_t *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    double v;

    *out = 0;
    if (!it || cJSON_IsNull(it))
        return AG_OK;
    v = it->valuedouble;
    if (!cJSON_IsNumber(it) || !(v >= 0.0) || v > 4294967295.0 || floor(v) != v)
        return bad(r, "\"%s\" must be a whole number 0..4294967295 in %s", key, where);
    *out = (uint32_t)v;
    return AG_OK;
}

static int read_documents(reader *r, const cJSON *meta)
{
    const cJSON *docs = meta ? cJSON_GetObjectItemCaseSensitive(meta, "documents") : NULL, *d;
    int err;

    if (!docs || cJSON_IsNull(docs))
        return AG_OK;
    if (!cJSON_IsArray(docs))
        return bad(r, "\"%s\" must be an array%s", "graph.metadata.documents", "");
    cJSON_ArrayForEach(d, docs) {
        const char *name, *date, *url, *title;
        if (!cJSON_IsObject(d))
            return bad(r, "%s must hold objects%s", "graph.metadata.documents", "");
        if ((err = opt_string(r, d, "name", "a document", &name)) < 0 ||
            (err = opt_string(r, d, "date", "a document", &date)) < 0 ||
            (err = opt_string(r, d, "url", "a document", &url)) < 0 ||
            (err = opt_string(r, d, "title", "a document", &title)) < 0)
            return err;
        if (!name)
            return bad(r, "a document has no \"%s\"%s", "name", "");
        if ((err = ag_graph_add_document(r->g, r->ctx, name, date, url, title)) < 0)
            return model_err(r, err, "graph.metadata.documents");
    }
    return AG_OK;
}

/* "type_votes" replace the one vote ag_graph_add_actor() cast for the node's
 * type, so a merge of saved graphs weighs types as one run did.  When the
 * votes elect another type than "type" says, the type was edited by hand
 * and the edit wins: the votes are ignored. */
static int read_votes(reader *r, const char *id, const cJSON *votes, size_t idx, ag_actor_type type)
{
    uint32_t v[AG_ACTOR_TYPE_COUNT_] = {0};
    ag_actor_priv *p = &r->g->priv[idx];
    const cJSON *it;
    int t, best = AG_ACTOR_UNKNOWN;

    if (!votes || cJSON_IsNull(votes))
        return AG_OK;
    if (!cJSON_IsObject(votes))
        return bad(r, "\"type_votes\" of node \"%s\" must be an object%s", id, "");
    cJSON_ArrayForEach(it, votes) {
        ag_actor_type vt;
        double n = it->valuedouble;
        if (ag_actor_type_parse(&vt, NULL, it->string) < 0 || !cJSON_IsNumber(it) || !(n >= 0.0) ||
            n > 4294967295.0 || floor(n) != n)
            return bad(r, "\"type_votes\" of node \"%s\" must map actor types to whole numbers%s", id, "");
        v[vt] += (uint32_t)n;
    }
    for (t = AG_ACTOR_UNKNOWN + 1; t < AG_ACTOR_TYPE_COUNT_; t++) /* as ag_graph__choose_type */
        if (v[t] > (best == AG_ACTOR_UNKNOWN ? 0 : v[best]))
            best = t;
    if (best == AG_ACTOR_UNKNOWN || (ag_actor_type)best != type)
        return AG_OK;
    p->votes[type]--;
    for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++)
        p->votes[t] += v[t];
    return AG_OK;
}

static int read_node(reader *r, const char *id, const cJSON *node)
{
    const cJSON *meta, *aliases, *by_doc, *it;
    const char *label, *type_name;
    ag_actor_type type = AG_ACTOR_UNKNOWN;
    uint32_t mentions, counted = 0;
    char where[160];
    size_t idx;
    int err;

    if (!cJSON_IsObject(node))
        return bad(r, "node \"%s\" must be an object%s", id, "");
    if ((err = opt_string(r, node, "label", id, &label)) < 0)
        return err;
    if (!label)
        label = id;
    meta = cJSON_GetObjectItemCaseSensitive(node, "metadata");
    if (meta && !cJSON_IsObject(meta))
        return bad(r, "\"metadata\" of node \"%s\" must be an object%s", id, "");
    if ((err = opt_string(r, meta, "type", id, &type_name)) < 0 ||
        (err = opt_uint(r, meta, "mentions", id, &mentions)) < 0)
        return err;
    if (type_name && ag_actor_type_parse(&type, NULL, type_name) < 0)
        return bad(r, "unknown type \"%s\" of node \"%s\"", type_name, id);
    snprintf(where, sizeof(where), "node \"%.120s\"", id);
    if ((err = ag_graph_add_actor(r->g, r->ctx, &idx, label, type)) < 0)
        return model_err(r, err, where);
    if (ag_strmap_put(&r->ids, id, idx))
        return ag_error_set(r->ctx, AG_ENOMEM, "out of memory");
    aliases = cJSON_GetObjectItemCaseSensitive(meta, "aliases");
    if (aliases && !cJSON_IsArray(aliases))
        return bad(r, "\"aliases\" of node \"%s\" must be an array%s", id, "");
    cJSON_ArrayForEach(it, aliases) {
        if (!cJSON_IsString(it))
            return bad(r, "\"aliases\" of node \"%s\" must hold strings%s", id, "");
        if ((err = ag_graph_add_alias(r->g, r->ctx, idx, it->valuestring)) < 0)
            return err;
    }
    by_doc = cJSON_GetObjectItemCaseSensitive(meta, "mentions_by_doc");
    if (by_doc && !cJSON_IsObject(by_doc))
        return bad(r, "\"mentions_by_doc\" of node \"%s\" must be an object%s", id, "");
    cJSON_ArrayForEach(it, by_doc) {
        double v = it->valuedouble;
        if (!cJSON_IsNumber(it) || !(v >= 0.0) || v > 4294967295.0 || floor(v) != v)
            return bad(r, "\"mentions_by_doc\" of node \"%s\" must hold whole numbers%s", id, "");
        if ((err = ag_graph_add_mentions(r->g, r->ctx, idx, it->string, (uint32_t)v)) < 0)
            return model_err(r, err, where);
        counted += (uint32_t)v;
    }
    /* a hand-written file may give only the total */
    if (mentions > counted)
        r->g->actors[idx].mentions += mentions - counted;
    return read_votes(r, id, cJSON_GetObjectItemCaseSensitive(meta, "type_votes"), idx, type);
}

static int read_evidence(reader *r, const cJSON *e, ag_evidence *ev, const char *where)
{
    const cJSON *c;
    int err;

    memset(ev, 0, sizeof(*ev));
    if (!cJSON_IsObject(e))
        return bad(r, "evidence of %s must be objects%s", where, "");
    if ((err = opt_string(r, e, "doc", where, &ev->doc)) < 0 ||
        (err = opt_string(r, e, "text", where, &ev->text)) < 0 ||
        (err = opt_string(r, e, "rule", where, &ev->rule)) < 0 ||
        (err = opt_uint(r, e, "sentence", where, &ev->sentence)) < 0 ||
        (err = opt_uint(r, e, "start", where, &ev->start)) < 0 ||
        (err = opt_uint(r, e, "end", where, &ev->end)) < 0)
        return err;
    if (ev->doc && !*ev->doc)
        ev->doc = NULL; /* older files wrote evidence of no known document as "" */
    c = cJSON_GetObjectItemCaseSensitive(e, "confidence");
    if (c && !cJSON_IsNull(c)) {
        if (!cJSON_IsNumber(c) || !isfinite(c->valuedouble))
            return bad(r, "\"confidence\" must be a number in %s%s", where, "");
        ev->confidence = c->valuedouble;
    }
    return AG_OK;
}

/* A file written with an evidence limit lists fewer than it counted
 * ("evidence_count"); what it did not list is kept as extra counts so that
 * the weight and the count survive a round trip and add up in a merge. */
static int read_counts(reader *r, const cJSON *meta, size_t s, size_t t, const char *rel, const char *where)
{
    uint32_t count = 0, weight = 0;
    const cJSON *conf;
    char *clean;
    size_t idx, docs;
    ag_edge_priv *ep;
    const ag_edge *e;
    int err;

    if (!cJSON_GetObjectItemCaseSensitive(meta, "evidence_count"))
        return AG_OK;
    if ((err = opt_uint(r, meta, "evidence_count", where, &count)) < 0 ||
        (err = opt_uint(r, meta, "weight", where, &weight)) < 0)
        return err;
    if (!(clean = ag_graph__clean(rel)))
        return ag_error_set(r->ctx, AG_ENOMEM, "out of memory");
    err = ag_graph__edge_get(r->g, r->ctx, &idx, s, t, clean);
    free(clean);
    if (err < 0)
        return err;
    e = ag_graph_edge(r->g, idx);
    ep = &r->g->epriv[idx];
    docs = ag_graph__edge_listed_docs(e) + ep->extra_docs;
    if (count > e->n_evidence + ep->extra_evidence)
        ep->extra_evidence = count - e->n_evidence;
    if (weight > docs)
        ep->extra_docs += weight - docs;
    conf = cJSON_GetObjectItemCaseSensitive(meta, "confidence");
    if (cJSON_IsNumber(conf) && conf->valuedouble > ep->dropped_confidence && conf->valuedouble <= 1.0)
        ep->dropped_confidence = conf->valuedouble; /* may come from evidence not listed */
    return AG_OK;
}

static int read_edge(reader *r, const cJSON *e, size_t n)
{
    const char *src, *dst, *rel, *eid;
    const cJSON *meta, *evs, *it;
    char where[64];
    size_t s, t;
    int err;

    snprintf(where, sizeof(where), "edge %zu", n);
    if (!cJSON_IsObject(e))
        return bad(r, "%s must be an object%s", where, "");
    if ((err = opt_string(r, e, "id", where, &eid)) < 0 ||
        (err = opt_string(r, e, "source", where, &src)) < 0 ||
        (err = opt_string(r, e, "target", where, &dst)) < 0 ||
        (err = opt_string(r, e, "relation", where, &rel)) < 0)
        return err;
    if (!src || !dst)
        return bad(r, "%s needs \"source\" and \"target\"%s", where, "");
    if (!ag_strmap_get(&r->ids, src, &s))
        return bad(r, "unknown source node \"%s\" in %s", src, where);
    if (!ag_strmap_get(&r->ids, dst, &t))
        return bad(r, "unknown target node \"%s\" in %s", dst, where);
    meta = cJSON_GetObjectItemCaseSensitive(e, "metadata");
    if (meta && !cJSON_IsObject(meta))
        return bad(r, "\"metadata\" of %s must be an object%s", where, "");
    if (!rel && (err = opt_string(r, meta, "relation", where, &rel)) < 0)
        return err;
    if (!rel)
        rel = "other";
    if (s == t) /* two nodes that are one actor under our name rules */
        return AG_OK;
    evs = cJSON_GetObjectItemCaseSensitive(meta, "evidence");
    if (evs && !cJSON_IsArray(evs))
        return bad(r, "\"evidence\" of %s must be an array%s", where, "");
    if (!evs || !cJSON_GetArraySize(evs))
        return model_err(r, ag_graph_add_edge(r->g, r->ctx, s, t, rel, NULL), where);
    cJSON_ArrayForEach(it, evs) {
        ag_evidence ev;
        if ((err = read_evidence(r, it, &ev, where)) < 0)
            return err;
        if ((err = ag_graph_add_edge(r->g, r->ctx, s, t, rel, &ev)) < 0)
            return model_err(r, err, where);
    }
    return read_counts(r, meta, s, t, rel, where);
}

int ag_graph_from_json(ag_graph **out, ag_ctx *ctx, const char *bytes, size_t len, const char *name)
{
    reader r = {NULL, ctx, name ? name : "<json>", AG_STRMAP_INIT};
    const char *end = NULL;
    cJSON *root = NULL;
    const cJSON *graph, *nodes, *edges, *it, *label;
    size_t i, n = 0;
    int err = AG_OK;

    *out = NULL;
    root = cJSON_ParseWithLengthOpts(bytes, len, &end, 0);
    if (!root) {
        long long off = end && end >= bytes && end <= bytes + len ? (long long)(end - bytes) : -1;
        return ag_error_set_at(ctx, AG_EPARSE, r.name, 0, off, "invalid JSON");
    }
    for (i = (size_t)(end - bytes); i < len; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\n' && bytes[i] != '\r') {
            err = ag_error_set_at(ctx, AG_EPARSE, r.name, 0, (long long)i, "data after the JSON value");
            goto out;
        }
    }
    graph = cJSON_GetObjectItemCaseSensitive(root, "graph");
    if (!graph) { /* JGF's multi-graph form: take the first */
        const cJSON *graphs = cJSON_GetObjectItemCaseSensitive(root, "graphs");
        graph = cJSON_IsArray(graphs) ? cJSON_GetArrayItem(graphs, 0) : NULL;
    }
    if (!cJSON_IsObject(graph)) {
        err = bad(&r, "no \"%s\" object%s", "graph", "");
        goto out;
    }
    if ((err = ag_graph_new(&r.g, ctx)) < 0)
        goto out;
    label = cJSON_GetObjectItemCaseSensitive(graph, "label");
    if (cJSON_IsString(label) && !(r.g->title = ag_graph__clean(label->valuestring)))
        goto nomem;
    if ((err = read_documents(&r, cJSON_GetObjectItemCaseSensitive(graph, "metadata"))) < 0)
        goto out;
    nodes = cJSON_GetObjectItemCaseSensitive(graph, "nodes");
    if (cJSON_IsObject(nodes)) {
        cJSON_ArrayForEach(it, nodes)
            if ((err = read_node(&r, it->string, it)) < 0)
                goto out;
    } else if (cJSON_IsArray(nodes)) { /* JGF v1: a list of {"id": ...} */
        cJSON_ArrayForEach(it, nodes) {
            const char *id;
            if ((err = opt_string(&r, it, "id", "a node", &id)) < 0)
                goto out;
            if (!id) {
                err = bad(&r, "a node has no \"%s\"%s", "id", "");
                goto out;
            }
            if ((err = read_node(&r, id, it)) < 0)
                goto out;
        }
    } else if (nodes && !cJSON_IsNull(nodes)) {
        err = bad(&r, "\"%s\" must be an object%s", "nodes", "");
        goto out;
    }
    edges = cJSON_GetObjectItemCaseSensitive(graph, "edges");
    if (edges && !cJSON_IsNull(edges) && !cJSON_IsArray(edges)) {
        err = bad(&r, "\"%s\" must be an array%s", "edges", "");
        goto out;
    }
    cJSON_ArrayForEach(it, edges)
        if ((err = read_edge(&r, it, n++)) < 0)
            goto out;
    if ((err = ag_graph_finalize(r.g, ctx)) < 0)
        goto out;
    *out = r.g;
    r.g = NULL;
out:
    ag_graph_free(r.g);
    ag_strmap_free(&r.ids);
    cJSON_Delete(root);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}
