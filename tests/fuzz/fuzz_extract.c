/* libFuzzer target: article text through the whole pipeline.  Any bytes are
 * refused as bad UTF-8 (and only then) or analysed, extracted with the
 * built-in lexicon and language model, merged and finalized as one run of
 * the CLI would; the graph must then export in every format, each output
 * readable by its consumer (fuzz_check.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Longer inputs add run time, not new paths: an article's sentences are
 * analysed one at a time. */
#define MAX_INPUT 65536

/* The built-in lexicon and model take far longer to load than one input
 * takes to run, and neither changes once loaded, so they are loaded once for
 * the process (a harness may keep what the library must not). */
typedef struct resources {
    ag_lexicon *lex;
    ag_nlp_model *nlp;
} resources;

static const resources *shared_resources(void)
{
    static resources res;
    static int loaded;
    ag_ctx *ctx = NULL;

    if (!loaded) {
        if (ag_ctx_new(&ctx) || ag_lexicon_new(&res.lex, ctx) || ag_nlp_model_builtin(&res.nlp, ctx))
            fuzz_fail(ctx, "cannot load the built-in lexicon and model");
        ag_ctx_free(ctx);
        loaded = 1;
    }
    return &res;
}

/* Every span evidence gives lies inside the article. */
static void check_spans(const ag_graph *g, size_t len)
{
    for (size_t i = 0; i < ag_graph_edge_count(g); i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        for (size_t j = 0; j < e->n_evidence; j++)
            if (e->evidence[j].start > e->evidence[j].end || e->evidence[j].end > len)
                fuzz_fail(NULL, "evidence span outside the article");
    }
}

/* libFuzzer calls this once before the first input, outside the per-input
 * timeout (loading the model takes seconds on a busy machine); the seed
 * driver does not, and the first input loads them instead. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    shared_resources();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const resources *res;
    ag_extract_options xopts = AG_EXTRACT_OPTIONS_INIT;
    ag_ctx *ctx = NULL;
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    ag_graph *part = NULL, *all = NULL;
    const char *bytes = (const char *)data;
    int rc;

    if (size > MAX_INPUT)
        return 0;
    res = shared_resources();
    xopts.nlp = res->nlp;
    if (ag_ctx_new(&ctx))
        return 0;
    rc = ag_doc_new(&doc, ctx, "fuzz.txt", bytes, size);
    if ((rc == AG_EPARSE) != (ag_text_utf8_check(bytes, size) >= 0) || (rc < 0 && rc != AG_EPARSE && rc != AG_ENOMEM))
        fuzz_fail(ctx, "ag_doc_new refused valid UTF-8 or took invalid");
    if (rc < 0)
        goto out;
    if ((rc = ag_text_analyze(&text, ctx, doc, res->lex)) < 0 ||
        (rc = ag_extract(&part, ctx, res->lex, text, &xopts)) < 0 || (rc = ag_graph_new(&all, ctx)) < 0 ||
        (rc = ag_graph_add_document(all, ctx, "fuzz.txt", text->published, NULL, NULL)) < 0 ||
        (rc = ag_graph_merge(all, ctx, part)) < 0 || (rc = ag_graph_finalize(all, ctx)) < 0) {
        if (rc != AG_ENOMEM)
            fuzz_fail(ctx, "extraction failed");
        goto out;
    }
    check_spans(all, size);
    fuzz_check_exports(ctx, all, getenv("AG_FUZZ_PICTURES") != NULL);
out:
    ag_graph_free(all);
    ag_graph_free(part);
    ag_text_free(text);
    ag_doc_free(doc);
    ag_ctx_free(ctx);
    return 0;
}
