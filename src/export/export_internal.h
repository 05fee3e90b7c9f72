/* actorgraph: what the exporters share: locale-free number formatting, the
 * per-type look (shape, colour), and the writers' entry points. */
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

/* Writers: each appends its format to @p out. */
int ag_export__json(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);
int ag_export__graphml(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);
int ag_export__dot(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);
int ag_export__svg(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts);

#endif
