/* actorgraph: what the exporters share: locale-free number formatting, the
 * per-type look (shape, colour), the one Graphviz layout every positioned
 * format takes its coordinates from, and the writers' entry points. */
#ifndef AG_EXPORT_INTERNAL_H
#define AG_EXPORT_INTERNAL_H

#include "actorgraph/export.h"
#include "util/util.h"

/* Digits after the point in every exported real number. */
#define AG_EXPORT_DECIMALS 6

/* Round to @p decimals decimals; NaN and Inf become 0. */
double ag_export__round(double x, int decimals);

/* @p x with at most @p decimals decimals, trailing zeros dropped ("0.25", "3"),
 * always '.' whatever the process locale; NaN and Inf become "0".
 * @p out holds at least 64 bytes. */
void ag_export__num(char *out, size_t size, double x, int decimals);

typedef struct ag_type_style {
    const char *shape; /* Graphviz node shape */
    const char *fill;  /* "#rrggbb" */
    int r, g, b;
} ag_type_style;

const ag_type_style *ag_export__style(ag_actor_type type);

/* The graph's label: the option, else the title read from JSON, else "actorgraph". */
const char *ag_export__title(const ag_graph *g, const ag_export_options *opts);

/* Node size for viewers (Gephi, Cytoscape): 10 for the least central actor
 * up to 50 for the most, by PageRank relative to @p max_pr. */
double ag_export__size(const ag_actor *a, double max_pr);

/* The highest PageRank in @p g (0 for an empty graph). */
double ag_export__max_pagerank(const ag_graph *g);

/* Relation name as a label: "communicates_with" -> "communicates with";
 * malloc'ed, NULL on ENOMEM. */
char *ag_export__relation_label(const char *relation);

/* The first YYYY-MM-DD of a document date ("2031-04-02", "2031-04-02T10:00Z")
 * into @p out (11 bytes); 0 if the date has no such prefix. */
int ag_export__iso_date(char out[11], const char *date);

/* Percent-encode an http(s) URL for an href (RFC 3986 characters kept, '%'
 * kept before two hex digits, everything else %XX); NULL for other schemes
 * (javascript:, data: ...) or ENOMEM (*nomem set).  malloc'ed. */
char *ag_export__safe_url(const char *url, int *nomem);

/* ---- the layout (graphviz.c, layout.c) ---- */

/* One layout (public as an opaque type in export.h).  The request fields
 * are set before ag_export__graphviz_job() fills the rest. */
struct ag_layout {
    /* in */
    const char *render;  /* "svg", "png", "pdf", or NULL for positions only */
    const char *engine;  /* the engine to run: a string of ag_export__engine() */
    char note[256];      /* written into the picture as a comment; "" for none */
    /* out */
    size_t n;            /* actors laid out */
    double *xy;          /* 2 per actor (x, y in points, y up); malloc'ed */
    char *bytes;         /* the drawing, malloc'ed, NUL-terminated */
    size_t len;
};

/* Free what a layout owns and reset its outputs (not the struct itself). */
void ag_export__layout_clear(ag_layout *lay);

/* The static copy of the engine named @p e (the eight user engines and
 * "sfdp-fast", the last fallback), or NULL when there is none.  A layout
 * keeps this pointer, so it never owns its engine name. */
const char *ag_export__engine(const char *e);

/* Run @p lay in this process: build the Graphviz graph, lay it out with
 * lay->engine, read the positions and draw lay->render.  Unbounded in time. */
int ag_export__graphviz_job(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                            ag_layout *lay);

/* The layout a writer of @p fmt uses: @p given, checked to fit @p g and to
 * carry the drawing @p fmt needs, or else one computed now (step 0) into
 * *own, which the caller frees with ag_layout_free(). */
int ag_export__layout_get(const ag_layout **use, ag_layout **own, ag_ctx *ctx, const ag_graph *g,
                          const ag_export_options *opts, ag_format fmt, const ag_layout *given);

/* Positions for the formats that only need coordinates: those of @p given,
 * else the actors' x, y if the graph was laid out (ag_export_layout), else a
 * layout run now.  *xy is malloc'ed (2 per actor), NULL for an empty graph. */
int ag_export__positions(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                         const ag_layout *given, double **xy);

/* Writers: each appends its format to @p out. */
int ag_export__json(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);
int ag_export__dot(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);
/* The positioned formats take @p lay, a layout computed beforehand, or NULL
 * to compute one now. */
int ag_export__graphml(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                       const ag_layout *lay);
/* svg, png and pdf: the drawing of the layout (png and pdf by the Graphviz
 * cairo renderers) */
int ag_export__picture(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                       ag_format fmt, const ag_layout *lay);
int ag_export__gexf(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay);
int ag_export__cyjs(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay);
int ag_export__html(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay);

#endif
