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

/* A container too big to hold as one tree (a graph's nodes or edges): the
 * skeleton carries a placeholder (ag_export__jplaceholder) and the items are
 * made one at a time, fill() attaching item i to an empty object or array,
 * printed and freed, so memory holds one item while the bytes are those of
 * printing the whole tree. */
typedef struct ag_export__jstream {
    int array;
    size_t count;
    int (*fill)(cJSON *container, const void *user, size_t i);
    const void *user;
} ag_export__jstream;

/* Attach placeholder number @p slot (0-9, in document order) under key; 0 or -1. */
int ag_export__jplaceholder(cJSON *parent, const char *key, int slot);
/* ag_export__jprint, with streams[k] printed where placeholder k is; 0 or -1. */
int ag_export__jprint_streamed(ag_buf *out, const cJSON *root, const ag_export__jstream *streams, int n_streams);

#endif
