/* A program built against an installed actorgraph (tests/pipeline/install):
 * one article through the whole public API, so a missing header, symbol or
 * private dependency of the installed library fails to build or to run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/actorgraph.h>

static const char article[] =
    "Ministers agree to keep talking\n\n"
    "Spanish Foreign Minister Elena Marquez spoke by phone with her Moroccan counterpart, "
    "Karim Haddad, on Tuesday, the Spanish news agency EFE reported.\n";

int main(void)
{
    ag_ctx *ctx = NULL;
    ag_lexicon *lex = NULL;
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    ag_graph *part = NULL, *all = NULL, *sub = NULL;
    ag_filter_options fopts = AG_FILTER_OPTIONS_INIT;
    char *json = NULL;
    size_t len = 0;
    int rc = 1;

    if (ag_ctx_new(&ctx) < 0)
        return 1;
    if (ag_lexicon_new(&lex, ctx) < 0 || ag_doc_new(&doc, ctx, "article.txt", article, strlen(article)) < 0 ||
        ag_text_analyze(&text, ctx, doc, lex) < 0 || ag_extract(&part, ctx, lex, text, NULL) < 0 ||
        ag_graph_new(&all, ctx) < 0 || ag_graph_merge(all, ctx, part) < 0 || ag_graph_finalize(all, ctx) < 0)
        goto out;
    fopts.drop_isolates = 1;
    if (ag_graph_filter(&sub, ctx, all, &fopts) < 0 ||
        ag_export(&json, &len, ctx, sub, AG_FORMAT_JSON, NULL) < 0)
        goto out;
    if (ag_graph_actor_count(all) < 2 || ag_graph_edge_count(sub) < 1 || len == 0 || json[0] != '{') {
        fprintf(stderr, "consumer: unexpected graph: %zu actors, %zu edges, %zu bytes\n",
                ag_graph_actor_count(all), ag_graph_edge_count(sub), len);
        goto out;
    }
    printf("actorgraph %s: %zu actors, %zu edges, %zu bytes of JSON\n", AG_VERSION, ag_graph_actor_count(all),
           ag_graph_edge_count(sub), len);
    rc = 0;
out:
    if (rc)
        fprintf(stderr, "consumer: %s\n", ag_ctx_errmsg(ctx));
    free(json);
    ag_graph_free(sub);
    ag_graph_free(all);
    ag_graph_free(part);
    ag_text_free(text);
    ag_doc_free(doc);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
    return rc;
}
