/* actorgraph: exporters.
 * Each writes a finalized graph into a memory buffer, so a caller can write
 * it atomically (temporary file and rename) or to stdout. */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_FORMAT_JSON = 0, /**< JSON Graph Format v2 */
    AG_FORMAT_DOT,      /**< Graphviz DOT via cgraph */
    AG_FORMAT_SVG,      /**< SVG via Graphviz gvc */
    AG_FORMAT_GRAPHML,  /**< GraphML for Gephi, networkx, igraph */
    AG_FORMAT_GEXF,     /**< GEXF 1.3 for Gephi (viz, timeline) via libxml2 */
    AG_FORMAT_CYJS,     /**< Cytoscape.js elements JSON with positions */
    AG_FORMAT_HTML,     /**< self-contained HTML report: SVG, actor list, evidence */
    AG_FORMAT_PNG,      /**< PNG via Graphviz's cairo plugin (binary) */
    AG_FORMAT_PDF,      /**< PDF via Graphviz's cairo plugin (binary) */
    AG_FORMAT_COUNT_
} ag_format;

/** Parse "json", "dot", "svg", "graphml", "gexf", "cyjs", "html", "png", "pdf";
 * @return AG_OK or AG_EINVAL. */
AG_EXTERN(int) ag_format_parse(ag_format *out, ag_ctx *ctx, const char *name);

/** Guess a format from a path's extension; @return AG_OK or AG_EINVAL. */
AG_EXTERN(int) ag_format_from_path(ag_format *out, ag_ctx *ctx, const char *path);

/** Name of a format ("json" ...). */
AG_EXTERN(const char *) ag_format_name(ag_format fmt);

typedef struct ag_export_options {
    int version;          /**< AG_EXPORT_OPTIONS_VERSION */
    const char *layout;   /**< layout engine: dot, neato, fdp, sfdp, circo, twopi, osage,
                               patchwork; NULL picks by size (ag_export_default_layout) */
    const char *title;    /**< graph label; NULL: "actorgraph" */
} ag_export_options;

#define AG_EXPORT_OPTIONS_VERSION 1
#define AG_EXPORT_OPTIONS_INIT {AG_EXPORT_OPTIONS_VERSION, NULL, NULL}

/**
 * Write @p g (finalized) in @p fmt.
 * The picture formats (svg, html, png, pdf) and the positions written by
 * graphml, gexf and cyjs come from the same deterministic Graphviz layout
 * (graphml, gexf and cyjs take the actors' x, y instead when
 * ag_export_layout() filled them).  The layout runs in this process, with
 * the engine of opts->layout or ag_export_default_layout(), and like
 * ag_layout_compute() it cannot be interrupted and is not thread-safe.  A
 * caller that needs a time limit computes the layout itself in a process it
 * controls and passes it to ag_export_with_layout().
 * @param[out] out  malloc'ed bytes, NUL-terminated (png and pdf are binary:
 *                  use @p len); the caller frees them with free().
 * @param[out] len  their length without the NUL.
 * @param opts      may be NULL for defaults.
 * @return AG_OK, AG_ENOMEM, AG_EINVAL (bad option) or AG_EDEP (Graphviz or igraph failed).
 */
AG_EXTERN(int) ag_export(char **out, size_t *len, ag_ctx *ctx, const ag_graph *g, ag_format fmt,
                         const ag_export_options *opts);

/** The layout engine ag_export() picks for @p g when none is given. */
AG_EXTERN(const char *) ag_export_default_layout(const ag_graph *g);

/**
 * Lay @p g (finalized) out once and store the positions in its actors' x, y
 * (points, y upwards, as Graphviz gives them), so that exporting several
 * formats of one graph computes no further layout for graphml, gexf and cyjs.
 * Runs in this process, like ag_layout_compute().
 * @param opts  may be NULL; only opts->layout is used.
 * @return AG_OK, AG_ENOMEM, AG_EINVAL (unknown engine) or AG_EDEP.
 */
AG_EXTERN(int) ag_export_layout(ag_graph *g, ag_ctx *ctx, const ag_export_options *opts);

/* ---- the layout as a step of its own ----
 *
 * Graphviz has no way to stop a layout once started, and on large graphs a
 * slow engine can take minutes.  The library never forks: a host that wants
 * a time limit runs ag_layout_compute() in a process it controls (it may
 * kill it), sends the result back as bytes (ag_layout_save), reads them
 * (ag_layout_load) and exports with ag_export_with_layout().  When the time
 * runs out it kills the process and tries the next, cheaper step
 * (ag_layout_step_engine).  The actorgraph command does exactly this. */

/** One computed layout of one graph: every actor's position, the engine
 * that made it, and for the picture formats the drawing itself. */
typedef struct ag_layout ag_layout;

/** 1 when exporting @p fmt needs a layout (svg, html, png, pdf, graphml,
 * gexf, cyjs), 0 for json and dot. */
AG_EXTERN(int) ag_format_needs_layout(ag_format fmt);

typedef struct ag_layout_options {
    int version;      /**< AG_LAYOUT_OPTIONS_VERSION */
    ag_format format; /**< the export it is for: svg, html, png and pdf also get
                           their drawing made, so that it is bounded too */
    unsigned step;    /**< 0: the engine of opts->layout or ag_export_default_layout();
                           each further step a cheaper engine (ag_layout_step_engine) */
    double budget;    /**< for step > 0: the seconds each earlier step was given;
                           the picture names them in a comment */
    int crashed;      /**< for step > 0: an earlier step crashed rather than ran late */
} ag_layout_options;

#define AG_LAYOUT_OPTIONS_VERSION 1
#define AG_LAYOUT_OPTIONS_INIT {AG_LAYOUT_OPTIONS_VERSION, AG_FORMAT_SVG, 0, 0.0, 0}

/**
 * The engine that step @p step of laying @p g out uses, as words for
 * messages ("dot", "sfdp", "sfdp with fewer iterations, overlaps kept"),
 * or NULL when there is no such step.  Step 0 is the engine asked for
 * (opts->layout, even unknown: ag_layout_compute() refuses it) or picked by
 * size; then sfdp, then sfdp with few iterations that keeps overlaps and
 * whose cost grows about as n log n, the step to run without a limit.
 * @param opts  may be NULL; only opts->layout is used.
 */
AG_EXTERN(const char *) ag_layout_step_engine(const ag_graph *g, const ag_export_options *opts,
                                              unsigned step);

/**
 * Lay @p g (finalized) out with the engine of step lopts->step, in this
 * process, and for a picture format draw it too.
 * It cannot be interrupted: Graphviz offers no way to stop a layout, so a
 * caller that needs a time limit runs this in a child process and kills it
 * (see above).  It is not thread-safe: Graphviz keeps process-wide state (its
 * plugins, error hooks), so no two threads may run it, ag_export() of a
 * format that needs a layout, or any other Graphviz code at the same time.
 * @param[out] out  the layout; the caller frees it with ag_layout_free().
 * @param opts      may be NULL; only opts->layout and opts->title are used
 *                  (the title is drawn in the pictures).
 * @param lopts     may be NULL: step 0 for svg.
 * @return AG_OK, AG_ENOMEM, AG_EINVAL (unknown engine, no such step, bad
 *         version) or AG_EDEP (Graphviz failed).
 */
AG_EXTERN(int) ag_layout_compute(ag_layout **out, ag_ctx *ctx, const ag_graph *g,
                                 const ag_export_options *opts, const ag_layout_options *lopts);

/**
 * The actors' positions: x, y for actor i at [2 i] and [2 i + 1] (points,
 * y upwards, rounded to 2 decimals), in the order of ag_graph_actor().
 * Borrowed from @p lay.  @p n (may be NULL) receives the number of actors.
 */
AG_EXTERN(const double *) ag_layout_positions(const ag_layout *lay, size_t *n);

/**
 * @p lay as bytes, to pass to ag_layout_load() in another process of the
 * same build (it is not a file format: native byte order, no promise
 * across versions).
 * @param[out] out  malloc'ed; the caller frees it with free().
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_layout_save(char **out, size_t *len, ag_ctx *ctx, const ag_layout *lay);

/**
 * Read bytes from ag_layout_save() back, for @p g (the graph they were
 * computed for: the actor count is checked, and every length).
 * @param[out] out  the layout; the caller frees it with ag_layout_free().
 * @return AG_OK, AG_ENOMEM or AG_EPARSE (not a layout of this graph).
 */
AG_EXTERN(int) ag_layout_load(ag_layout **out, ag_ctx *ctx, const ag_graph *g, const char *bytes,
                              size_t len);

/** Free a layout; NULL is a no-op. */
AG_EXTERN(void) ag_layout_free(ag_layout *lay);

/**
 * ag_export() with a layout computed beforehand (ag_layout_compute(), maybe
 * in another process): no Graphviz layout runs here.  @p lay NULL is
 * ag_export().  Pictures need a layout computed for their format (html can
 * use one for svg); the other formats take the positions of any.
 * @return as ag_export(); AG_EINVAL when @p lay does not fit @p g or @p fmt.
 */
AG_EXTERN(int) ag_export_with_layout(char **out, size_t *len, ag_ctx *ctx, const ag_graph *g,
                                     ag_format fmt, const ag_export_options *opts,
                                     const ag_layout *lay);

/** Receives the bytes of ag_export_write() in order; 0 to go on, non-zero to
 *  stop (ag_export_write() then returns AG_EIO; the sink keeps its errno). */
typedef int (*ag_export_sink)(void *user, const char *data, size_t len);

/**
 * ag_export_with_layout() (@p lay may be NULL), writing through @p sink in chunks of about 64 KB instead of
 * returning one buffer, so that a large graph's JSON, GraphML, GEXF, cyjs or
 * DOT is never held in memory whole.  On failure part of the output may
 * already have gone to the sink.
 * @return AG_OK, AG_EIO (the sink failed) or what ag_export() returns.
 */
AG_EXTERN(int) ag_export_write(ag_ctx *ctx, const ag_graph *g, ag_format fmt, const ag_export_options *opts,
                               const ag_layout *lay, ag_export_sink sink, void *user);

#ifdef __cplusplus
}
#endif
#endif
