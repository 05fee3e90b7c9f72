/* actorgraph: the layout as a step of its own: which engine each fallback
 * step runs, one attempt in this process (ag_layout_compute), and the bytes
 * that carry a layout from the process that made it to the one that exports.
 * The library never forks: bounding the time is the host's business. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"
#include "model/model_internal.h"

/* The next engine to try after @p engine ran out of time or crashed: sfdp,
 * then "sfdp-fast", whose cost grows about as n log n. */
static const char *faster(const char *engine)
{
    if (strcmp(engine, "sfdp-fast") == 0)
        return NULL;
    if (strcmp(engine, "sfdp") == 0)
        return "sfdp-fast";
    return "sfdp";
}

static const char *engine_text(const char *engine)
{
    return strcmp(engine, "sfdp-fast") == 0 ? "sfdp with fewer iterations, overlaps kept" : engine;
}

/* The engine name of step @p step, NULL past the last. */
static const char *step_engine(const ag_graph *g, const ag_export_options *opts, unsigned step)
{
    const char *e = opts && opts->layout ? opts->layout : ag_export_default_layout(g);

    for (; e && step; step--)
        e = faster(e);
    return e;
}

const char *ag_layout_step_engine(const ag_graph *g, const ag_export_options *opts, unsigned step)
{
    const char *e = g ? step_engine(g, opts, step) : NULL;

    return e ? engine_text(e) : NULL;
}

int ag_format_needs_layout(ag_format fmt)
{
    return fmt != AG_FORMAT_JSON && fmt != AG_FORMAT_DOT && (int)fmt >= 0 && fmt < AG_FORMAT_COUNT_;
}

/* What a format draws: NULL when it only needs positions. */
static const char *drawing_of(ag_format fmt)
{
    switch (fmt) {
    case AG_FORMAT_SVG:
    case AG_FORMAT_HTML:
        return "svg";
    case AG_FORMAT_PNG:
        return "png";
    case AG_FORMAT_PDF:
        return "pdf";
    default:
        return NULL;
    }
}

/* The picture says why it is not drawn by the engine asked for. */
static void write_note(ag_layout *lay, const ag_graph *g, const ag_export_options *opts,
                       const ag_layout_options *lo)
{
    char tried[96] = "";
    unsigned s;

    lay->note[0] = '\0';
    if (!lo || !lo->step)
        return;
    for (s = 0; s < lo->step; s++) {
        size_t used = strlen(tried);
        snprintf(tried + used, sizeof(tried) - used, "%s%s", used ? " and " : "",
                 engine_text(step_engine(g, opts, s)));
    }
    snprintf(lay->note, sizeof(lay->note), " layout: %s, as %s %stook longer than %g s ",
             engine_text(lay->engine), tried, lo->crashed ? "crashed or " : "", lo->budget);
}

static int check_options(ag_ctx *ctx, const ag_export_options *opts, const ag_layout_options *lo)
{
    if (opts && opts->version != AG_EXPORT_OPTIONS_VERSION)
        return ag_error_set(ctx, AG_EINVAL, "export options version %d, expected %d", opts->version,
                            AG_EXPORT_OPTIONS_VERSION);
    if (lo && lo->version != AG_LAYOUT_OPTIONS_VERSION)
        return ag_error_set(ctx, AG_EINVAL, "layout options version %d, expected %d", lo->version,
                            AG_LAYOUT_OPTIONS_VERSION);
    if (lo && ((int)lo->format < 0 || lo->format >= AG_FORMAT_COUNT_))
        return ag_error_set(ctx, AG_EINVAL, "unknown format %d", (int)lo->format);
    return AG_OK;
}

int ag_layout_compute(ag_layout **out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                      const ag_layout_options *lopts)
{
    const char *asked, *engine;
    ag_layout *lay;
    int err;

    *out = NULL;
    if (!g)
        return ag_error_set(ctx, AG_EINVAL, "no graph to lay out");
    if ((err = check_options(ctx, opts, lopts)) < 0)
        return err;
    asked = step_engine(g, opts, 0);
    engine = ag_export__engine(asked);
    /* "sfdp-fast" is a fallback step, not an engine to ask for */
    if (!engine || strcmp(engine, "sfdp-fast") == 0)
        return ag_error_set(ctx, AG_EINVAL,
                            "unknown layout \"%s\" (dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)",
                            asked);
    if (lopts && lopts->step && !(engine = ag_export__engine(step_engine(g, opts, lopts->step))))
        return ag_error_set(ctx, AG_EINVAL, "layout \"%s\" has no fallback step %u", asked, lopts->step);
    if (!(lay = calloc(1, sizeof(*lay))))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    lay->engine = engine;
    lay->render = drawing_of(lopts ? lopts->format : AG_FORMAT_SVG);
    write_note(lay, g, opts, lopts);
    if ((err = ag_export__graphviz_job(ctx, g, opts, lay)) < 0) {
        ag_layout_free(lay);
        return err;
    }
    *out = lay;
    return AG_OK;
}

const double *ag_layout_positions(const ag_layout *lay, size_t *n)
{
    if (n)
        *n = lay ? lay->n : 0;
    return lay ? lay->xy : NULL;
}

void ag_layout_free(ag_layout *lay)
{
    if (!lay)
        return;
    ag_export__layout_clear(lay);
    free(lay);
}

/* ---- bytes between processes ----
 * A fixed header, then the note, the positions and the drawing.  Engine and
 * drawing travel as names, so the reader maps them onto its own static
 * strings and never trusts a pointer or a length it has not checked. */

#define WIRE_MAGIC "AGLAYOUT"

typedef struct {
    char magic[8];
    char engine[16]; /* NUL-padded */
    char render[8];  /* NUL-padded; "" for positions only */
    uint64_t n, note_len, len;
} wire_head;

int ag_layout_save(char **out, size_t *len, ag_ctx *ctx, const ag_layout *lay)
{
    wire_head h;
    size_t note_len = strlen(lay->note), xy_len = 2 * lay->n * sizeof(double), total;
    char *p;

    *out = NULL;
    *len = 0;
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, WIRE_MAGIC, sizeof(h.magic));
    snprintf(h.engine, sizeof(h.engine), "%s", lay->engine);
    snprintf(h.render, sizeof(h.render), "%s", lay->render ? lay->render : "");
    h.n = lay->n;
    h.note_len = note_len;
    h.len = lay->len;
    total = sizeof(h) + note_len + xy_len + lay->len;
    if (!(p = malloc(total)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    memcpy(p, &h, sizeof(h));
    memcpy(p + sizeof(h), lay->note, note_len);
    if (xy_len)
        memcpy(p + sizeof(h) + note_len, lay->xy, xy_len);
    if (lay->len)
        memcpy(p + sizeof(h) + note_len + xy_len, lay->bytes, lay->len);
    *out = p;
    *len = total;
    return AG_OK;
}

static const char *known_render(const char *r)
{
    static const char *const renders[] = {"svg", "png", "pdf"};
    size_t i;

    for (i = 0; i < sizeof(renders) / sizeof(renders[0]); i++)
        if (strcmp(r, renders[i]) == 0)
            return renders[i];
    return NULL;
}

int ag_layout_load(ag_layout **out, ag_ctx *ctx, const ag_graph *g, const char *bytes, size_t len)
{
    size_t n = g ? ag_graph_actor_count(g) : 0, rest;
    ag_layout *lay;
    wire_head h;

    *out = NULL;
    if (!g || !bytes || len < sizeof(h))
        return ag_error_set(ctx, AG_EPARSE, "not a layout: %zu bytes", len);
    memcpy(&h, bytes, sizeof(h));
    rest = len - sizeof(h);
    h.engine[sizeof(h.engine) - 1] = '\0';
    h.render[sizeof(h.render) - 1] = '\0';
    if (memcmp(h.magic, WIRE_MAGIC, sizeof(h.magic)) != 0 || !ag_export__engine(h.engine) ||
        (h.render[0] && !known_render(h.render)) || h.note_len >= sizeof(lay->note))
        return ag_error_set(ctx, AG_EPARSE, "not a layout (bad header)");
    if (h.n != n)
        return ag_error_set(ctx, AG_EPARSE, "a layout of %llu actors, not of this graph's %zu",
                            (unsigned long long)h.n, n);
    /* n is the graph's, so 2 n doubles fit in memory already */
    if (h.note_len > rest || 2 * n * sizeof(double) > rest - h.note_len ||
        h.len != rest - h.note_len - 2 * n * sizeof(double))
        return ag_error_set(ctx, AG_EPARSE, "a layout of %zu bytes does not hold what its header says", len);
    if (!(lay = calloc(1, sizeof(*lay))))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    lay->engine = ag_export__engine(h.engine);
    lay->render = h.render[0] ? known_render(h.render) : NULL;
    memcpy(lay->note, bytes + sizeof(h), (size_t)h.note_len);
    lay->note[h.note_len] = '\0';
    lay->n = n;
    bytes += sizeof(h) + h.note_len;
    if ((n && !(lay->xy = malloc(2 * n * sizeof(double)))) || !(lay->bytes = malloc((size_t)h.len + 1))) {
        ag_layout_free(lay);
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    }
    if (n)
        memcpy(lay->xy, bytes, 2 * n * sizeof(double));
    memcpy(lay->bytes, bytes + 2 * n * sizeof(double), (size_t)h.len);
    lay->bytes[h.len] = '\0';
    lay->len = (size_t)h.len;
    *out = lay;
    return AG_OK;
}

/* ---- what the writers use ---- */

int ag_export__layout_get(const ag_layout **use, ag_layout **own, ag_ctx *ctx, const ag_graph *g,
                          const ag_export_options *opts, ag_format fmt, const ag_layout *given)
{
    const char *need = drawing_of(fmt);
    ag_layout_options lo = AG_LAYOUT_OPTIONS_INIT;
    int err;

    *use = NULL;
    *own = NULL;
    if (given) {
        if (given->n != ag_graph_actor_count(g))
            return ag_error_set(ctx, AG_EINVAL, "the layout has %zu actors, the graph %zu", given->n,
                                ag_graph_actor_count(g));
        if (need && (!given->render || strcmp(given->render, need) != 0))
            return ag_error_set(ctx, AG_EINVAL, "the layout was computed for %s, not for %s",
                                given->render ? given->render : "positions only", ag_format_name(fmt));
        *use = given;
        return AG_OK;
    }
    lo.format = fmt;
    if ((err = ag_layout_compute(own, ctx, g, opts, &lo)) < 0)
        return err;
    *use = *own;
    return AG_OK;
}

int ag_export__positions(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                         const ag_layout *given, double **xy)
{
    const ag_layout *use;
    ag_layout *own = NULL;
    size_t n = ag_graph_actor_count(g), i;
    int laid_out = 0, err;

    *xy = NULL;
    if (!n)
        return AG_OK;
    for (i = 0; i < n && !laid_out && !given; i++)
        laid_out = ag_graph_actor(g, i)->x != 0.0 || ag_graph_actor(g, i)->y != 0.0;
    if (laid_out) {
        if (!(*xy = malloc(2 * n * sizeof(double))))
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        for (i = 0; i < n; i++) {
            (*xy)[2 * i] = ag_graph_actor(g, i)->x;
            (*xy)[2 * i + 1] = ag_graph_actor(g, i)->y;
        }
        return AG_OK;
    }
    if ((err = ag_export__layout_get(&use, &own, ctx, g, opts, AG_FORMAT_GRAPHML, given)) < 0)
        return err;
    if (!(*xy = malloc(2 * n * sizeof(double))))
        err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    else
        memcpy(*xy, use->xy, 2 * n * sizeof(double));
    ag_layout_free(own);
    return err;
}
