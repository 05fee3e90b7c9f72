/* actorgraph: the public API in one include.
 *
 * Ownership rules, for every function of the library:
 *  - A result returned through a `**out` parameter belongs to the caller and
 *    is freed with the matching ag_<type>_free() (or free() where the
 *    function's comment says so).  ag_<type>_free(NULL) is a no-op.
 *  - A pointer returned directly is borrowed from the object it came from and
 *    stays valid until that object changes or is freed.
 *  - Functions return AG_OK (0) or a negative AG_E* code, and on failure
 *    leave a message in the ag_ctx they were given.
 *
 * Typical use:
 *   ag_ctx_new(&ctx); ag_lexicon_new(&lex, ctx); ag_graph_new(&all, ctx);
 *   for each article: ag_doc_new -> ag_text_analyze -> ag_extract -> ag_graph_merge
 *   ag_graph_finalize(all, ctx); ag_export(&buf, &len, ctx, all, AG_FORMAT_JSON, NULL);
 */
#ifndef ACTORGRAPH_H
#define ACTORGRAPH_H

#include "common.h"
#include "error.h"
#include "text.h"
#include "model.h"
#include "extract.h"
#include "export.h"
#include "nlp.h"

#endif
