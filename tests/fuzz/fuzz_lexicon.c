/* libFuzzer target: the lexicon loader.  Any bytes must load or be refused
 * with AG_EPARSE (naming the problem), never read out of bounds; a lexicon
 * that loads must extract a short article of ours.  The bytes are the whole
 * lexicon (no built-in data), so a run is fast and every rule is theirs. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "extract/lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char article[] = "Halvex chief executive Lena Varga met Chilean President Tomas Vial in Lima "
                                  "on Monday, and the two sides agreed to talk again, Reuters reported.";
    ag_ctx *ctx = NULL;
    ag_lexicon *lex = NULL;
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    ag_graph *g = NULL;
    int rc;

    if (ag_ctx_new(&ctx))
        return 0;
    if (ag_lexicon__new_empty(&lex, ctx) != AG_OK)
        goto out;
    rc = ag_lexicon_add_json(lex, ctx, (const char *)data, size, "fuzz.json");
    if (rc != AG_OK) {
        if ((rc != AG_EPARSE && rc != AG_ENOMEM) || !ag_ctx_errmsg(ctx)[0])
            __builtin_trap();
        goto out;
    }
    if (ag_doc_new(&doc, ctx, "a.txt", article, sizeof article - 1) == AG_OK &&
        ag_text_analyze(&text, ctx, doc, lex) == AG_OK && ag_extract(&g, ctx, lex, text, NULL) == AG_OK &&
        ag_graph_finalize(g, ctx) != AG_OK && ag_ctx_errcode(ctx) != AG_ENOMEM)
        __builtin_trap();
out:
    ag_graph_free(g);
    ag_text_free(text);
    ag_doc_free(doc);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
    return 0;
}
