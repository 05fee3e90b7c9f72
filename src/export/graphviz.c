/* actorgraph: DOT (cgraph's agwrite into memory) and SVG (gvc layout and
 * render) from one cgraph graph built the same way for both.  Graphviz keeps
 * global state (error hooks, plugin registry), so this must run on one thread
 * at a time; the error hooks are set for the call and restored after. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export/export_internal.h"

/* ---- Graphviz errors go into a buffer, not to stderr ---- */
static _Thread_local char gv_errors[512];

static int on_gv_error(char *msg)
{
    size_t used = strlen(gv_errors);

    if (used + 1 < sizeof(gv_errors))
        snprintf(gv_errors + used, sizeof(gv_errors) - used, "%s", msg);
    return 0;
}

typedef struct {
    agusererrf old_fn;
    agerrlevel_t old_level;
} gv_hooks;

static void hooks_install(gv_hooks *h)
{
    gv_errors[0] = '\0';
    h->old_fn = agseterrf(on_gv_error);
    h->old_level = agseterr(AGERR); /* warnings ("too many labels") are not errors */
}

static void hooks_restore(const gv_hooks *h)
{
    agseterrf(h->old_fn);
    agseterr(h->old_level);
}

/* The collected message as one line. */
static const char *gv_reason(void)
{
    char *p;

    for (p = gv_errors; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    while (p > gv_errors && p[-1] == ' ')
        *--p = '\0';
    return gv_errors[0] ? gv_errors : "unknown error";
}

/* ---- agwrite into an ag_buf ---- */
typedef struct {
    ag_buf *b;
    int failed;
} sink;

static int sink_putstr(void *chan, const char *s)
{
    sink *k = chan;

    if (ag_buf_puts(k->b, s)) {
        k->failed = 1;
        return EOF;
    }
    return 0;
}

static int sink_flush(void *chan)
{
    return 0;
}

/* A string as a Graphviz label: backslashes doubled so \N, \n, \l ... and a
 * trailing backslash stay literal, '&' written as &amp; so no entity is
 * read into it, control characters dropped (INTEROP.md, DOT section).
 * Tooltips are unescaped twice by Graphviz 2.42 (once more than labels:
 * "\\N" in a tooltip still shows the node name), so they get each backslash
 * four times: @p tooltip.  At most @p max bytes of @p s are used (cut at a
 * character boundary, "…" appended); 0 means no limit.  malloc'ed, NULL on
 * ENOMEM. */
static char *gv_escape(const char *s, size_t max, int tooltip)
{
    ag_buf b = AG_BUF_INIT;
    size_t n = strlen(s), i;
    int cut = 0;

    if (max && n > max) {
        n = max;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = 1;
    }
    if (ag_buf_reserve(&b, n + 16))
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int err;
        if (c == '\\')
            err = ag_buf_puts(&b, tooltip ? "\\\\\\\\" : "\\\\");
        else if (c == '&')
            err = ag_buf_puts(&b, "&amp;");
        else if (c < 0x20 || c == 0x7f)
            continue;
        else
            err = ag_buf_putc(&b, (char)c);
        if (err)
            goto nomem;
    }
    if ((cut && ag_buf_puts(&b, "\xE2\x80\xA6")) || ag_buf_append(&b, "", 0))
        goto nomem;
    return ag_buf_detach(&b, NULL);
nomem:
    ag_buf_free(&b);
    return NULL;
}

/* agsafeset with an escaped copy of @p value. */
static int set_escaped(void *obj, char *name, const char *value, size_t max)
{
    char *v = gv_escape(value, max, strcmp(name, "tooltip") == 0);
    int r;

    if (!v)
        return AG_ENOMEM;
    r = agsafeset(obj, name, v, "");
    free(v);
    return r == 0 ? AG_OK : AG_ENOMEM;
}

#define TOOLTIP_MAX 300

/* Build the cgraph graph of @p g: nodes named by id, labelled by name, shaped
 * and coloured by type; edges labelled by relation with the first evidence
 * sentence as tooltip; a legend cluster with one entry per type present. */
static int build(Agraph_t **out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                 Agdisc_t *disc)
{
    Agraph_t *G;
    Agnode_t **nodes = NULL;
    size_t n = ag_graph_actor_count(g), m = ag_graph_edge_count(g), i;
    int present[AG_ACTOR_TYPE_COUNT_] = {0}, t, err = AG_OK;
    char num[64], name[64];

    *out = NULL;
    if (!(G = agopen("actorgraph", Agdirected, disc)))
        return ag_error_set(ctx, AG_EDEP, "graphviz: agopen failed: %s", gv_reason());
    /* declaring every attribute first fixes the order agwrite prints them in */
    if (!agattr(G, AGRAPH, "label", "") || !agattr(G, AGRAPH, "labelloc", "t") ||
        !agattr(G, AGRAPH, "fontname", "Helvetica") || !agattr(G, AGNODE, "label", "\\N") ||
        !agattr(G, AGNODE, "shape", "ellipse") || !agattr(G, AGNODE, "style", "filled") ||
        !agattr(G, AGNODE, "fillcolor", "#d9d9d9") || !agattr(G, AGNODE, "fontname", "Helvetica") ||
        !agattr(G, AGNODE, "tooltip", "") || !agattr(G, AGEDGE, "label", "") ||
        !agattr(G, AGEDGE, "fontname", "Helvetica") || !agattr(G, AGEDGE, "fontsize", "10") ||
        !agattr(G, AGEDGE, "penwidth", "1") || !agattr(G, AGEDGE, "tooltip", ""))
        goto nomem;
    if (set_escaped(G, "label", ag_export__title(g, opts), 0))
        goto nomem;
    if (n && !(nodes = calloc(n, sizeof(*nodes))))
        goto nomem;
    for (i = 0; i < n; i++) {
        const ag_actor *a = ag_graph_actor(g, i);
        const ag_type_style *st = ag_export__style(a->type);
        ag_buf tip = AG_BUF_INIT;
        int bad;

        if (!(nodes[i] = agnode(G, a->id, 1)))
            goto nomem;
        present[(int)a->type >= 0 && a->type < AG_ACTOR_TYPE_COUNT_ ? a->type : 0] = 1;
        bad = ag_buf_printf(&tip, "%s (%s)", a->label, ag_actor_type_name(a->type)) ||
              set_escaped(nodes[i], "label", a->label, 0) ||
              set_escaped(nodes[i], "tooltip", tip.data, TOOLTIP_MAX) ||
              agsafeset(nodes[i], "shape", (char *)st->shape, "") ||
              agsafeset(nodes[i], "fillcolor", (char *)st->fill, "");
        ag_buf_free(&tip);
        if (bad)
            goto nomem;
    }
    for (i = 0; i < m; i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        unsigned w = e->weight < 1 ? 1 : e->weight > 7 ? 7 : e->weight;
        Agedge_t *E;

        /* anonymous: a name would be written as key=... */
        if (!(E = agedge(G, nodes[e->source], nodes[e->target], NULL, 1)))
            goto nomem;
        /* 1 pt for one article, +0.75 pt per further article, at most 5.5 */
        ag_export__num(num, sizeof(num), 1.0 + 0.75 * (w - 1), 2);
        if (set_escaped(E, "label", e->relation, 0) ||
            (e->n_evidence && set_escaped(E, "tooltip", e->evidence[0].text, TOOLTIP_MAX)) ||
            agsafeset(E, "penwidth", num, ""))
            goto nomem;
    }
    if (n) {
        Agraph_t *L = agsubg(G, "cluster_legend", 1);
        if (!L || agsafeset(L, "label", "Legend", ""))
            goto nomem;
        for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++) {
            const ag_type_style *st = ag_export__style((ag_actor_type)t);
            Agnode_t *N;
            if (!present[t])
                continue;
            /* '_' never occurs in actor ids, so these names cannot clash */
            snprintf(name, sizeof(name), "legend_%s", ag_actor_type_name((ag_actor_type)t));
            if (!(N = agnode(L, name, 1)) ||
                agsafeset(N, "label", (char *)ag_actor_type_name((ag_actor_type)t), "") ||
                agsafeset(N, "shape", (char *)st->shape, "") ||
                agsafeset(N, "fillcolor", (char *)st->fill, "") ||
                agsafeset(N, "tooltip", "legend", ""))
                goto nomem;
        }
    }
    *out = G;
    G = NULL;
out:
    if (G)
        agclose(G);
    free(nodes);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory while building the Graphviz graph");
    goto out;
}

int ag_export__dot(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts)
{
    Agiodisc_t io;
    Agdisc_t disc;
    Agraph_t *G = NULL;
    sink k = {out, 0};
    gv_hooks h;
    int err;

    io.afread = AgIoDisc.afread;
    io.putstr = sink_putstr;
    io.flush = sink_flush;
    disc.mem = &AgMemDisc;
    disc.id = &AgIdDisc;
    disc.io = &io;
    hooks_install(&h);
    if ((err = build(&G, ctx, g, opts, &disc)) < 0)
        goto out;
    if (agwrite(G, &k) != 0 || k.failed) {
        err = k.failed ? ag_error_set(ctx, AG_ENOMEM, "out of memory while writing DOT")
                       : ag_error_set(ctx, AG_EDEP, "graphviz: agwrite failed: %s", gv_reason());
        goto out;
    }
out:
    if (G)
        agclose(G);
    hooks_restore(&h);
    return err;
}

/* Engine settings that bound the work (INTEROP.md: Graphviz layout cost).
 * dot: network-simplex and crossing-minimisation passes capped;
 * neato/fdp/sfdp: iterations capped, overlaps removed. */
static int tune_layout(Agraph_t *G, const char *engine, size_t n)
{
    if (strcmp(engine, "dot") == 0) {
        return agsafeset(G, "nslimit", "20", "") || agsafeset(G, "nslimit1", "20", "") ||
               agsafeset(G, "mclimit", "0.5", "") || agsafeset(G, "rankdir", "LR", "");
    }
    if (strcmp(engine, "neato") == 0) {
        return agsafeset(G, "maxiter", "300", "") || agsafeset(G, "overlap", "false", "") ||
               agsafeset(G, "sep", "+6", "") || agsafeset(G, "start", "1", "");
    }
    if (strcmp(engine, "sfdp") == 0 || strcmp(engine, "fdp") == 0) {
        return agsafeset(G, "maxiter", n > 2000 ? "200" : "600", "") ||
               agsafeset(G, "overlap", n > 2000 ? "scale" : "prism", "") || agsafeset(G, "start", "1", "");
    }
    return 0;
}

static int engine_known(const char *e)
{
    static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"};
    size_t i;

    for (i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
        if (strcmp(e, engines[i]) == 0)
            return 1;
    return 0;
}

/*
 * One GVC_t for the whole process, freed at exit.  Not one per call: the
 * pango text plugin of Graphviz 2.42 keeps a static pointer to the last font
 * name, which lives in the context's font table, so after gvFreeContext() the
 * next context's first label compares against freed memory (AddressSanitizer
 * catches it in test_export_formats).
 */
static GVC_t *shared_gvc;
static pthread_once_t shared_gvc_once = PTHREAD_ONCE_INIT;

static void shared_gvc_free(void)
{
    if (shared_gvc)
        gvFreeContext(shared_gvc);
    shared_gvc = NULL;
}

static void shared_gvc_init(void)
{
    /* gvContext() loads the plugins Debian's postinst registered (`dot -c`) */
    shared_gvc = gvContext();
    if (shared_gvc && atexit(shared_gvc_free) != 0) {
        /* cannot free it at exit: keep it anyway, it is still reachable */
    }
}

int ag_export__svg(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts)
{
    const char *engine = opts && opts->layout ? opts->layout : ag_export_default_layout(g);
    GVC_t *gvc = NULL;
    Agraph_t *G = NULL;
    char *data = NULL;
    unsigned int len = 0, i;
    int laid_out = 0, err = AG_OK;
    gv_hooks h;

    if (!engine_known(engine))
        return ag_error_set(ctx, AG_EINVAL,
                            "unknown layout \"%s\" (dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)",
                            engine);
    hooks_install(&h);
    /* the context exists before any graph, as Graphviz wants */
    pthread_once(&shared_gvc_once, shared_gvc_init);
    if (!(gvc = shared_gvc)) {
        err = ag_error_set(ctx, AG_EDEP, "graphviz: gvContext failed: %s", gv_reason());
        goto out;
    }
    if ((err = build(&G, ctx, g, opts, NULL)) < 0)
        goto out;
    if (tune_layout(G, engine, ag_graph_actor_count(g))) {
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    if (gvLayout(gvc, G, engine) != 0) {
        err = ag_error_set(ctx, AG_EDEP,
                           "graphviz: layout \"%s\" failed: %s (are the plugins registered? `dot -c`)",
                           engine, gv_reason());
        goto out;
    }
    laid_out = 1;
    if (gvRenderData(gvc, G, "svg", &data, &len) != 0 || !data) {
        err = ag_error_set(ctx, AG_EDEP, "graphviz: rendering SVG failed: %s", gv_reason());
        goto out;
    }
    if (ag_buf_reserve(out, len)) {
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    /* control characters would make the SVG invalid XML (INTEROP.md) */
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        out->data[out->len++] = (char)c;
    }
    out->data[out->len] = '\0';
out:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, G);
    if (G)
        agclose(G);
    hooks_restore(&h);
    return err;
}
