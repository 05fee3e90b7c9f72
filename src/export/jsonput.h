/* actorgraph: building cJSON trees safely, shared by the JSON, Cytoscape and
 * HTML exporters.  Each call attaches a new item to its parent (key NULL:
 * append to an array); an item that cannot be attached is freed. */
#ifndef AG_EXPORT_JSONPUT_H
#define AG_EXPORT_JSONPUT_H

#include <cjson/cJSON.h>

#include "export/export_internal.h"

/* Attach item (which may be NULL after a failed create); 0 or -1. */
int ag_export__jattach(cJSON *parent, const char *key, cJSON *item);
/* A string, or null for NULL; 0 or -1. */
int ag_export__jstr(cJSON *o, const char *key, const char *v);
/* A number rounded to decimals places (deterministic output); 0 or -1. */
int ag_export__jnum(cJSON *o, const char *key, double v, int decimals);
/* A new object (array: 1, an array) attached to parent; NULL on failure. */
cJSON *ag_export__jnew(cJSON *parent, const char *key, int array);

/* The graph's documents (name, date, url, title) as an array under key; 0 or -1. */
int ag_export__jdocuments(cJSON *parent, const char *key, const ag_graph *g);
/* Pretty-print root into out with a final newline; 0 or -1. */
int ag_export__jprint(ag_buf *out, const cJSON *root);

#endif
