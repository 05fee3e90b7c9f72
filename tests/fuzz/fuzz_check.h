/* What the fuzz targets check of a graph they made: every export is readable
 * by its consumer, and JSON reads back to the same bytes.  A broken promise
 * aborts, so libFuzzer (or the seed driver under ctest) reports it. */
#ifndef AG_FUZZ_CHECK_H
#define AG_FUZZ_CHECK_H

#include <stddef.h>

#include "actorgraph/actorgraph.h"

/* Abort with @p what and the context's message on stderr. */
void fuzz_fail(const ag_ctx *ctx, const char *what);

/* An export may fail only for want of memory; anything else is a bug. */
void fuzz_export_ok(const ag_ctx *ctx, int rc, const char *what);

/* Write @p g (finalized) as JSON, check cJSON parses it, read it back with
 * ag_graph_from_json and write again: the two texts must be equal.  With
 * @p json_out, the first text is handed to the caller (free()). */
void fuzz_json_roundtrip(ag_ctx *ctx, const ag_graph *g, char **json_out);

/* Export @p g (finalized) in every text format that needs no layout
 * process, and check each output: JSON (round trip), DOT (cgraph reads it),
 * GraphML and GEXF (libxml2 reads them), Cytoscape JSON (cJSON).  The
 * positioned formats get positions from fuzz_place() instead of a layout.
 * With @p pictures, also SVG and HTML, which run the Graphviz layout in a
 * forked child each: their SVG must be XML and HTML's data block JSON. */
void fuzz_check_exports(ag_ctx *ctx, ag_graph *g, int pictures);

#endif
