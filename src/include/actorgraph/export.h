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
 * ag_export_layout() filled them).  Each layout runs in a forked child
 * process (Graphviz cannot be interrupted otherwise), so the caller should
 * not reap unknown children meanwhile.  A layout that exceeds its time
 * budget (20 s; AG_LAYOUT_BUDGET in the environment, in seconds) is stopped
 * and redone with sfdp, then with a cheaper sfdp; the picture says so in a
 * comment.
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
 * @param opts  may be NULL; only opts->layout is used.
 * @return AG_OK, AG_ENOMEM, AG_EINVAL (unknown engine) or AG_EDEP.
 */
AG_EXTERN(int) ag_export_layout(ag_graph *g, ag_ctx *ctx, const ag_export_options *opts);

#ifdef __cplusplus
}
#endif
#endif
