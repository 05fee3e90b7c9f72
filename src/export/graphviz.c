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

#define TOOLTIP_MAX 1200
#define TOOLTIP_SENTENCE_MAX 240
#define TOOLTIP_EVIDENCE_MAX 5
/* Above this many edges the relation names leave the picture for the
 * tooltips: a thousand labels are unreadable and dominate layout time. */
#define EDGE_LABELS_MAX 300
/* Longer names are cut (with "…") in the picture, where a 10,000-character
 * label would be a line too wide to see and beyond what dot can place; the
 * tooltip keeps the whole name. */
#define NODE_LABEL_MAX 100

/* Escape for an HTML-like label (Graphviz parses those as XML): entities for
 * & < > ", control characters dropped, at most @p max bytes of @p s. */
static int put_html_text(ag_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s), i;
    int cut = 0, err = AG_OK;

    if (max && n > max) {
        n = max;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = 1;
    }
    for (i = 0; i < n && !err; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&')
            err = ag_buf_puts(b, "&amp;");
        else if (c == '<')
            err = ag_buf_puts(b, "&lt;");
        else if (c == '>')
            err = ag_buf_puts(b, "&gt;");
        else if (c == '"')
            err = ag_buf_puts(b, "&quot;");
        else if (c < 0x20 || c == 0x7f)
            continue;
        else
            err = ag_buf_putc(b, (char)c);
    }
    if (!err && cut)
        err = ag_buf_puts(b, "\xE2\x80\xA6");
    return err;
}

/* The graph label: the title over a row of swatches, one per actor type
 * present.  An HTML-like label rather than legend nodes, because every
 * engine places the graph label at the top while nodes would drift into the
 * layout of neato and sfdp. */
static int set_legend(Agraph_t *G, const char *title, const int present[AG_ACTOR_TYPE_COUNT_])
{
    ag_buf b = AG_BUF_INIT;
    Agsym_t *sym;
    char *h = NULL;
    int t, n = 0, err = AG_ENOMEM;

    for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++)
        n += present[t] != 0;
    if (ag_buf_printf(&b, "<table border=\"0\" cellborder=\"1\" cellspacing=\"3\" cellpadding=\"3\">"
                          "<tr><td border=\"0\" colspan=\"%d\"><font point-size=\"18\">",
                      n ? n : 1) ||
        put_html_text(&b, title, 200) || ag_buf_puts(&b, "</font></td></tr>"))
        goto out;
    if (n) {
        if (ag_buf_puts(&b, "<tr>"))
            goto out;
        for (t = 0; t < AG_ACTOR_TYPE_COUNT_; t++) {
            if (present[t] && ag_buf_printf(&b, "<td bgcolor=\"%s\"><font point-size=\"11\">%s</font></td>",
                                            ag_export__style((ag_actor_type)t)->fill,
                                            ag_actor_type_name((ag_actor_type)t)))
                goto out;
        }
        if (ag_buf_puts(&b, "</tr>"))
            goto out;
    }
    if (ag_buf_puts(&b, "</table>") || !(sym = agattr(G, AGRAPH, "label", "")) ||
        !(h = agstrdup_html(G, b.data)) || agxset(G, sym, h) != 0)
        goto out;
    err = AG_OK;
out:
    if (h)
        agstrfree(G, h);
    ag_buf_free(&b);
    return err;
}

/* The edge tooltip: relation and article count, then up to five evidence
 * sentences with their documents, one per line ("\n" is Graphviz's newline). */
static int edge_tooltip(ag_buf *tip, const ag_edge *e)
{
    char *rel = ag_export__relation_label(e->relation), *part = NULL;
    size_t j;
    int err = AG_ENOMEM;

    if (!rel || !(part = gv_escape(rel, 0, 1)) ||
        ag_buf_printf(tip, "%s (%u article%s)", part, (unsigned)e->weight, e->weight == 1 ? "" : "s"))
        goto out;
    for (j = 0; j < e->n_evidence && j < TOOLTIP_EVIDENCE_MAX; j++) {
        const ag_evidence *ev = &e->evidence[j];
        free(part);
        if (!(part = gv_escape(ev->doc, 80, 1)) || ag_buf_printf(tip, "\\n%s: ", part))
            goto out;
        free(part);
        if (!(part = gv_escape(ev->text ? ev->text : "", TOOLTIP_SENTENCE_MAX, 1)) || ag_buf_puts(tip, part))
            goto out;
        if (tip->len > TOOLTIP_MAX)
            break;
    }
    if (e->evidence_count > j && ag_buf_printf(tip, "\\n(+%zu more)", e->evidence_count - j))
        goto out;
    err = AG_OK;
out:
    free(rel);
    free(part);
    return err;
}

/* The address of the first evidence document that has an http(s) URL,
 * percent-encoded with '&' as "&amp;" (Graphviz writes URL values into
 * xlink:href unescaped); NULL when there is none. */
static char *edge_url(const ag_edge *e, const ag_graph *g, const ag_strmap *docs, int *nomem)
{
    size_t j, d;

    *nomem = 0;
    for (j = 0; j < e->n_evidence; j++) {
        const char *url = NULL;
        char *safe, *p;
        ag_buf b = AG_BUF_INIT;
        if (!ag_strmap_get(docs, e->evidence[j].doc, &d))
            continue;
        ag_graph_document(g, d, NULL, &url, NULL);
        if (!(safe = ag_export__safe_url(url, nomem))) {
            if (*nomem)
                return NULL;
            continue;
        }
        for (p = safe; *p; p++)
            if (*p == '&' ? ag_buf_puts(&b, "&amp;") : ag_buf_putc(&b, *p))
                break;
        *nomem = *p != '\0' || ag_buf_append(&b, "", 0);
        free(safe);
        if (*nomem) {
            ag_buf_free(&b);
            *nomem = 1;
            return NULL;
        }
        return ag_buf_detach(&b, NULL);
    }
    return NULL;
}

/* Build the cgraph graph of @p g: nodes named by id (the SVG <title>), with
 * id="actor-ID" and class="actor" for scripts, labelled by name, shaped and
 * coloured by type, lettered larger by PageRank; edges labelled by relation
 * (up to EDGE_LABELS_MAX edges), id="rel-eN" (N as in the JSON), tooltips
 * with the evidence, a link to the first article that has a URL; the title
 * and a legend as the graph label. */
static int build(Agraph_t **out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                 Agdisc_t *disc)
{
    Agraph_t *G;
    Agnode_t **nodes = NULL;
    ag_strmap docs = AG_STRMAP_INIT;
    size_t n = ag_graph_actor_count(g), m = ag_graph_edge_count(g), i;
    int present[AG_ACTOR_TYPE_COUNT_] = {0}, err = AG_OK;
    double max_pr = ag_export__max_pagerank(g);
    char num[64], name[64];

    *out = NULL;
    if (!(G = agopen("actorgraph", Agdirected, disc)))
        return ag_error_set(ctx, AG_EDEP, "graphviz: agopen failed: %s", gv_reason());
    /* declaring every attribute first fixes the order agwrite prints them in */
    if (!agattr(G, AGRAPH, "label", "") || !agattr(G, AGRAPH, "labelloc", "t") ||
        !agattr(G, AGRAPH, "fontname", "Helvetica") || !agattr(G, AGNODE, "label", "\\N") ||
        !agattr(G, AGNODE, "id", "") || !agattr(G, AGNODE, "class", "actor") ||
        !agattr(G, AGNODE, "shape", "ellipse") || !agattr(G, AGNODE, "style", "filled") ||
        !agattr(G, AGNODE, "fillcolor", "#d9d9d9") || !agattr(G, AGNODE, "fontname", "Helvetica") ||
        !agattr(G, AGNODE, "fontsize", "14") || !agattr(G, AGNODE, "tooltip", "") ||
        !agattr(G, AGEDGE, "label", "") || !agattr(G, AGEDGE, "id", "") ||
        !agattr(G, AGEDGE, "class", "relation") || !agattr(G, AGEDGE, "fontname", "Helvetica") ||
        !agattr(G, AGEDGE, "fontsize", "10") || !agattr(G, AGEDGE, "penwidth", "1") ||
        !agattr(G, AGEDGE, "tooltip", "") || !agattr(G, AGEDGE, "labeltooltip", "") ||
        !agattr(G, AGEDGE, "URL", "") || !agattr(G, AGEDGE, "target", ""))
        goto nomem;
    for (i = 0; i < ag_graph_document_count(g); i++)
        if (ag_strmap_put(&docs, ag_graph_document(g, i, NULL, NULL, NULL), i))
            goto nomem;
    if (n && !(nodes = calloc(n, sizeof(*nodes))))
        goto nomem;
    for (i = 0; i < n; i++) {
        const ag_actor *a = ag_graph_actor(g, i);
        const ag_type_style *st = ag_export__style(a->type);
        ag_buf tip = AG_BUF_INIT, id = AG_BUF_INIT;
        char *label = gv_escape(a->label, NODE_LABEL_MAX, 0), *tlabel = gv_escape(a->label, 0, 1);
        int bad;

        if (!(nodes[i] = agnode(G, a->id, 1)))
            goto nomem;
        present[(int)a->type >= 0 && a->type < AG_ACTOR_TYPE_COUNT_ ? a->type : 0] = 1;
        /* hubs read first: 12 pt for the least central actor, 22 pt for the most */
        ag_export__num(num, sizeof(num), 12.0 + 10.0 * (max_pr > 0 ? a->pagerank / max_pr : 0.0), 1);
        bad = !label || !tlabel ||
              ag_buf_printf(&tip, "%s (%s)\\n%u mention%s in %zu article%s", tlabel,
                            ag_actor_type_name(a->type), (unsigned)a->mentions, a->mentions == 1 ? "" : "s",
                            a->n_docs, a->n_docs == 1 ? "" : "s") ||
              ag_buf_printf(&id, "actor-%s", a->id) || agsafeset(nodes[i], "label", label, "") ||
              agsafeset(nodes[i], "tooltip", tip.data, "") || set_escaped(nodes[i], "id", id.data, 0) ||
              agsafeset(nodes[i], "shape", (char *)st->shape, "") ||
              agsafeset(nodes[i], "fillcolor", (char *)st->fill, "") || agsafeset(nodes[i], "fontsize", num, "");
        free(label);
        free(tlabel);
        ag_buf_free(&tip);
        ag_buf_free(&id);
        if (bad)
            goto nomem;
    }
    for (i = 0; i < m; i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        unsigned w = e->weight < 1 ? 1 : e->weight > 7 ? 7 : e->weight;
        ag_buf tip = AG_BUF_INIT;
        char *label = NULL, *url;
        Agedge_t *E;
        int bad, nomem;

        /* anonymous: a name would be written as key=... */
        if (!(E = agedge(G, nodes[e->source], nodes[e->target], NULL, 1)))
            goto nomem;
        url = edge_url(e, g, &docs, &nomem);
        snprintf(name, sizeof(name), "rel-e%zu", i);
        /* 1 pt for one article, +0.75 pt per further article, at most 5.5 */
        ag_export__num(num, sizeof(num), 1.0 + 0.75 * (w - 1), 2);
        bad = nomem || edge_tooltip(&tip, e) || !(label = ag_export__relation_label(e->relation)) ||
              (m <= EDGE_LABELS_MAX && set_escaped(E, "label", label, 0)) || agsafeset(E, "id", name, "") ||
              agsafeset(E, "tooltip", tip.data, "") || agsafeset(E, "labeltooltip", tip.data, "") ||
              (url && (agsafeset(E, "URL", url, "") || agsafeset(E, "target", "_blank", ""))) ||
              agsafeset(E, "penwidth", num, "");
        free(url);
        free(label);
        ag_buf_free(&tip);
        if (bad)
            goto nomem;
    }
    if (set_legend(G, ag_export__title(g, opts), present))
        goto nomem;
    *out = G;
    G = NULL;
out:
    if (G)
        agclose(G);
    free(nodes);
    ag_strmap_free(&docs);
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
 * neato/fdp/sfdp: iterations capped, overlaps removed.  "sfdp-fast", the
 * last resort after a timeout, keeps overlaps and stops early. */
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
    if (strcmp(engine, "sfdp-fast") == 0)
        return agsafeset(G, "maxiter", "30", "") || agsafeset(G, "overlap", "true", "") ||
               agsafeset(G, "start", "1", "");
    if (strcmp(engine, "sfdp") == 0 || strcmp(engine, "fdp") == 0) {
        return agsafeset(G, "maxiter", n > 2000 ? "200" : "600", "") ||
               agsafeset(G, "overlap", n > 2000 ? "scale" : "prism", "") || agsafeset(G, "start", "1", "");
    }
    return 0;
}

const char *ag_export__engine(const char *e)
{
    static const char *const engines[] = {"dot",   "neato", "fdp",       "sfdp",     "circo",
                                          "twopi", "osage", "patchwork", "sfdp-fast"};
    size_t i;

    for (i = 0; e && i < sizeof(engines) / sizeof(engines[0]); i++)
        if (strcmp(e, engines[i]) == 0)
            return engines[i];
    return NULL;
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

/* cairo stamps each PDF with the time it was made; a fixed stamp of the same
 * length keeps the output deterministic and the cross-reference offsets valid. */
static void pdf_fix_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (D:", stamp[] = "20000101000000"; /* YYYYMMDDHHmmSS */
    size_t k = sizeof(key) - 1, i, j;

    for (i = 0; i + k < len; i++) {
        if (memcmp(data + i, key, k) != 0)
            continue;
        for (j = 0; j < sizeof(stamp) - 1 && i + k + j < len && data[i + k + j] >= '0' && data[i + k + j] <= '9'; j++)
            data[i + k + j] = stamp[j];
        return;
    }
}

void ag_export__layout_clear(ag_layout *lay)
{
    free(lay->xy);
    free(lay->bytes);
    lay->xy = NULL;
    lay->bytes = NULL;
    lay->len = 0;
    lay->n = 0;
}

int ag_export__graphviz_job(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts, ag_layout *job)
{
    const char *engine = job->engine;
    size_t n = ag_graph_actor_count(g), i;
    GVC_t *gvc = NULL;
    Agraph_t *G = NULL;
    char *data = NULL;
    unsigned int len = 0;
    int laid_out = 0, err = AG_OK;
    gv_hooks h;

    job->xy = NULL;
    job->bytes = NULL;
    job->len = 0;
    job->n = n;
    hooks_install(&h);
    /* the context exists before any graph, as Graphviz wants */
    pthread_once(&shared_gvc_once, shared_gvc_init);
    if (!(gvc = shared_gvc)) {
        err = ag_error_set(ctx, AG_EDEP, "graphviz: gvContext failed: %s", gv_reason());
        goto out;
    }
    if ((err = build(&G, ctx, g, opts, NULL)) < 0)
        goto out;
    /* a bitmap past 100 x 100 inches (9,600 pixels a side) takes long to
     * paint and no viewer shows it whole: larger drawings are scaled down */
    if (tune_layout(G, engine, n) || (job->note[0] && agsafeset(G, "comment", job->note, "")) ||
        (job->render && strcmp(job->render, "png") == 0 && agsafeset(G, "size", "100,100", "")) ||
        (n && !(job->xy = malloc(2 * n * sizeof(double))))) {
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    if (strcmp(engine, "sfdp-fast") == 0)
        engine = "sfdp";
    if (gvLayout(gvc, G, engine) != 0) {
        err = ag_error_set(ctx, AG_EDEP,
                           "graphviz: layout \"%s\" failed: %s (are the plugins registered? `dot -c`)",
                           engine, gv_reason());
        goto out;
    }
    laid_out = 1;
    for (i = 0; i < n; i++) {
        Agnode_t *N = agnode(G, ag_graph_actor(g, i)->id, 0);
        job->xy[2 * i] = N ? ag_export__round(ND_coord(N).x, 2) : 0.0;
        job->xy[2 * i + 1] = N ? ag_export__round(ND_coord(N).y, 2) : 0.0;
    }
    if (!job->render)
        goto out;
    if (gvRenderData(gvc, G, (char *)job->render, &data, &len) != 0 || !data) {
        err = ag_error_set(ctx, AG_EDEP, "graphviz: rendering %s failed: %s%s", job->render, gv_reason(),
                           strcmp(job->render, "svg") ? " (is the cairo plugin, libgvplugin-pango, installed?)" : "");
        goto out;
    }
    if (!(job->bytes = malloc((size_t)len + 1))) {
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto out;
    }
    if (strcmp(job->render, "svg") == 0) {
        /* control characters would make the SVG invalid XML (INTEROP.md) */
        for (i = 0; i < len; i++) {
            unsigned char c = (unsigned char)data[i];
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                continue;
            job->bytes[job->len++] = (char)c;
        }
    } else {
        memcpy(job->bytes, data, len);
        job->len = len;
        if (strcmp(job->render, "pdf") == 0)
            pdf_fix_date(job->bytes, job->len);
    }
    job->bytes[job->len] = '\0';
out:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, G);
    if (G)
        agclose(G);
    hooks_restore(&h);
    if (err < 0)
        ag_export__layout_clear(job);
    return err;
}

int ag_export__picture(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                       ag_format fmt, const ag_layout *lay)
{
    const ag_layout *use;
    ag_layout *own = NULL;
    int err;

    if ((err = ag_export__layout_get(&use, &own, ctx, g, opts, fmt, lay)) < 0)
        return err;
    if (ag_buf_append(out, use->bytes, use->len))
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    ag_layout_free(own);
    return err;
}
