/* actorgraph: format names, the default layout engine, and ag_export(),
 * which hands a finalized graph to one writer and returns its bytes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"
#include "model/model_internal.h"

static const char *const format_names[AG_FORMAT_COUNT_] = {"json", "dot",  "svg",  "graphml", "gexf",
                                                           "cyjs", "html", "png",  "pdf"};

int ag_format_parse(ag_format *out, ag_ctx *ctx, const char *name)
{
    int i;

    for (i = 0; name && i < AG_FORMAT_COUNT_; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (ag_format)i;
            return AG_OK;
        }
    }
    return ag_error_set(ctx, AG_EINVAL,
                        "unknown format \"%s\" (json, dot, svg, graphml, gexf, cyjs, html, png, pdf)",
                        name ? name : "(null)");
}

static int ext_is(const char *ext, const char *want)
{
    for (; *ext && *want; ext++, want++) {
        char c = *ext >= 'A' && *ext <= 'Z' ? (char)(*ext - 'A' + 'a') : *ext;
        if (c != *want)
            return 0;
    }
    return !*ext && !*want;
}

int ag_format_from_path(ag_format *out, ag_ctx *ctx, const char *path)
{
    static const struct {
        const char *ext;
        ag_format fmt;
    } exts[] = {{"json", AG_FORMAT_JSON},       {"jgf", AG_FORMAT_JSON},  {"dot", AG_FORMAT_DOT},
                {"gv", AG_FORMAT_DOT},          {"svg", AG_FORMAT_SVG},   {"graphml", AG_FORMAT_GRAPHML},
                {"xml", AG_FORMAT_GRAPHML},     {"gexf", AG_FORMAT_GEXF}, {"cyjs", AG_FORMAT_CYJS},
                {"html", AG_FORMAT_HTML},       {"htm", AG_FORMAT_HTML},  {"png", AG_FORMAT_PNG},
                {"pdf", AG_FORMAT_PDF}};
    const char *dot = path ? strrchr(path, '.') : NULL, *slash = path ? strrchr(path, '/') : NULL;
    size_t i;

    if (dot && (!slash || dot > slash)) {
        for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
            if (ext_is(dot + 1, exts[i].ext)) {
                *out = exts[i].fmt;
                return AG_OK;
            }
        }
    }
    return ag_error_set(ctx, AG_EINVAL, "cannot tell the format of \"%s\" from its extension",
                        path ? path : "(null)");
}

const char *ag_format_name(ag_format fmt)
{
    if ((int)fmt < 0 || fmt >= AG_FORMAT_COUNT_)
        return "unknown";
    return format_names[fmt];
}

/*
 * dot draws the clearest pictures of small graphs, but its cost grows fast
 * with labelled edges, so it is kept to graphs that fit a page.  neato
 * (stress majorization, iterations capped in graphviz.c) handles the middle,
 * sfdp (multilevel) the rest.  Measured here (2 cores, Graphviz 2.42, random
 * graphs with a labelled edge per relation, SVG included, settings of
 * tune_layout): dot 40/80 nodes/edges 0.03 s, 100/200 0.2 s, 300/900 90 s;
 * neato 300/900 0.3 s, 1,000/3,000 3 s; sfdp 1,000/3,000 0.8 s,
 * 5,000/10,000 1.6 s.  INTEROP.md saw dot take 13 s at 100 nodes on denser
 * input, hence the margin.
 */
const char *ag_export_default_layout(const ag_graph *g)
{
    size_t n = ag_graph_actor_count(g), m = ag_graph_edge_count(g);

    if (n <= 40 && m <= 80)
        return "dot";
    if (n <= 300 && m <= 900)
        return "neato";
    return "sfdp";
}

double ag_export__round(double x, int decimals)
{
    double scale = pow(10.0, decimals), r;

    if (!isfinite(x))
        return 0.0;
    r = round(x * scale) / scale;
    if (!isfinite(r))
        return x;
    return r == 0.0 ? 0.0 : r; /* no "-0" */
}

void ag_export__num(char *out, size_t size, double x, int decimals)
{
    long long scale = 1, v, ip, fp;
    double r;
    char *p;
    int neg, n;

    if (!isfinite(x))
        x = 0.0;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 15)
        decimals = 15;
    for (n = 0; n < decimals; n++)
        scale *= 10;
    r = round(x * (double)scale);
    if (fabs(r) >= 9e15) { /* too big for the integer path: no fraction to print */
        snprintf(out, size, "%.0f", x);
        return;
    }
    v = (long long)r;
    neg = v < 0;
    if (neg)
        v = -v;
    ip = v / scale;
    fp = v % scale;
    if (decimals > 0 && fp) {
        char frac[24];
        for (n = decimals; n > 0; n--) {
            frac[n - 1] = (char)('0' + fp % 10);
            fp /= 10;
        }
        frac[decimals] = '\0';
        for (p = frac + decimals - 1; p > frac && *p == '0'; p--)
            *p = '\0';
        snprintf(out, size, "%s%lld.%s", neg ? "-" : "", ip, frac);
    } else {
        snprintf(out, size, "%s%lld", neg && v ? "-" : "", ip);
    }
}

/* Colour-blind-safe pastels (ColorBrewer Paired/Set3) so labels stay legible. */
static const ag_type_style styles[AG_ACTOR_TYPE_COUNT_] = {
    {"ellipse", "#d9d9d9", 217, 217, 217},   /* unknown */
    {"ellipse", "#a6cee3", 166, 206, 227},   /* person */
    {"box", "#b2df8a", 178, 223, 138},       /* organization */
    {"hexagon", "#fdbf6f", 253, 191, 111},   /* country */
    {"note", "#cab2d6", 202, 178, 214},      /* media */
    {"component", "#fb9a99", 251, 154, 153}, /* group */
    {"house", "#ffff99", 255, 255, 153},     /* place */
};

const ag_type_style *ag_export__style(ag_actor_type type)
{
    if ((int)type < 0 || type >= AG_ACTOR_TYPE_COUNT_)
        type = AG_ACTOR_UNKNOWN;
    return &styles[type];
}

const char *ag_export__title(const ag_graph *g, const ag_export_options *opts)
{
    if (opts && opts->title && *opts->title)
        return opts->title;
    if (ag_graph__title(g) && *ag_graph__title(g))
        return ag_graph__title(g);
    return "actorgraph";
}

/* Run the writer of @p fmt into @p b (which may stream to a sink). */
static int export_into(ag_buf *b, ag_ctx *ctx, const ag_graph *g, ag_format fmt, const ag_export_options *opts,
                       const ag_layout *lay)
{
    int err;

    if (!g)
        return ag_error_set(ctx, AG_EINVAL, "no graph to export");
    if (opts && opts->version != AG_EXPORT_OPTIONS_VERSION)
        return ag_error_set(ctx, AG_EINVAL, "export options version %d, expected %d", opts->version,
                            AG_EXPORT_OPTIONS_VERSION);
    switch (fmt) {
    case AG_FORMAT_JSON:
        err = ag_export__json(b, ctx, g, opts);
        break;
    case AG_FORMAT_DOT:
        err = ag_export__dot(b, ctx, g, opts);
        break;
    case AG_FORMAT_GRAPHML:
        err = ag_export__graphml(b, ctx, g, opts, lay);
        break;
    case AG_FORMAT_GEXF:
        err = ag_export__gexf(b, ctx, g, opts, lay);
        break;
    case AG_FORMAT_CYJS:
        err = ag_export__cyjs(b, ctx, g, opts, lay);
        break;
    case AG_FORMAT_HTML:
        err = ag_export__html(b, ctx, g, opts, lay);
        break;
    case AG_FORMAT_SVG:
    case AG_FORMAT_PNG:
    case AG_FORMAT_PDF:
        err = ag_export__picture(b, ctx, g, opts, fmt, lay);
        break;
    default:
        return ag_error_set(ctx, AG_EINVAL, "unknown format %d", (int)fmt);
    }
    return err;
}

int ag_export(char **out, size_t *len, ag_ctx *ctx, const ag_graph *g, ag_format fmt,
              const ag_export_options *opts)
{
    return ag_export_with_layout(out, len, ctx, g, fmt, opts, NULL);
}

int ag_export_with_layout(char **out, size_t *len, ag_ctx *ctx, const ag_graph *g, ag_format fmt,
                          const ag_export_options *opts, const ag_layout *lay)
{
    ag_buf b = AG_BUF_INIT;
    int err;

    *out = NULL;
    if (len)
        *len = 0;
    if ((err = export_into(&b, ctx, g, fmt, opts, lay)) < 0) {
        ag_buf_free(&b);
        return err;
    }
    if (!(*out = ag_buf_detach(&b, len)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    return AG_OK;
}

int ag_export_write(ag_ctx *ctx, const ag_graph *g, ag_format fmt, const ag_export_options *opts,
                    const ag_layout *lay, ag_export_sink sink, void *user)
{
    ag_buf b = AG_BUF_INIT;
    int err;

    if (!sink)
        return ag_error_set(ctx, AG_EINVAL, "no sink to export to");
    b.sink = sink;
    b.sink_user = user;
    err = export_into(&b, ctx, g, fmt, opts, lay);
    if (err >= 0 || b.sink_failed)
        err = ag_buf_flush(&b) ? ag_error_set(ctx, AG_EIO, "writing the %s output failed", ag_format_name(fmt))
                               : err;
    ag_buf_free(&b);
    return err;
}

double ag_export__max_pagerank(const ag_graph *g)
{
    double max = 0.0;
    size_t i;

    for (i = 0; i < ag_graph_actor_count(g); i++)
        if (ag_graph_actor(g, i)->pagerank > max)
            max = ag_graph_actor(g, i)->pagerank;
    return max;
}

double ag_export__size(const ag_actor *a, double max_pr)
{
    return 10.0 + 40.0 * (max_pr > 0 && isfinite(a->pagerank) ? a->pagerank / max_pr : 0.0);
}

char *ag_export__relation_label(const char *relation)
{
    char *s = ag_strdup(relation ? relation : ""), *p;

    for (p = s; p && *p; p++)
        if (*p == '_')
            *p = ' ';
    return s;
}

static int digits(const char *s, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int ag_export__iso_date(char out[11], const char *date)
{
    int month, day;

    if (!date || strlen(date) < 10 || !digits(date, 4) || date[4] != '-' || !digits(date + 5, 2) ||
        date[7] != '-' || !digits(date + 8, 2) || (date[10] && date[10] != 'T' && date[10] != ' '))
        return 0;
    month = (date[5] - '0') * 10 + (date[6] - '0');
    day = (date[8] - '0') * 10 + (date[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return 0;
    memcpy(out, date, 10);
    out[10] = '\0';
    return 1;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char *ag_export__safe_url(const char *url, int *nomem)
{
    static const char keep[] = "-._~:/?#[]@!$&'()*+,;=";
    ag_buf b = AG_BUF_INIT;
    const char *p;

    *nomem = 0;
    if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0))
        return NULL;
    for (p = url; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int err;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c != '\0' && strchr(keep, c)) || (c == '%' && is_hex(p[1]) && is_hex(p[2])))
            err = ag_buf_putc(&b, (char)c);
        else if (c < 0x20 || c == 0x7f)
            continue; /* never part of a real address */
        else
            err = ag_buf_printf(&b, "%%%02X", c);
        if (err) {
            ag_buf_free(&b);
            *nomem = 1;
            return NULL;
        }
    }
    if (!b.data && ag_buf_append(&b, "", 0)) {
        *nomem = 1;
        return NULL;
    }
    return ag_buf_detach(&b, NULL);
}

int ag_export_layout(ag_graph *g, ag_ctx *ctx, const ag_export_options *opts)
{
    ag_layout_options lo = AG_LAYOUT_OPTIONS_INIT;
    ag_layout *lay = NULL;
    size_t i;
    int err;

    lo.format = AG_FORMAT_GRAPHML; /* positions, no drawing */
    if ((err = ag_layout_compute(&lay, ctx, g, opts, &lo)) < 0)
        return err;
    for (i = 0; i < g->n_actors; i++) {
        g->actors[i].x = lay->xy[2 * i];
        g->actors[i].y = lay->xy[2 * i + 1];
    }
    ag_layout_free(lay);
    return AG_OK;
}
