/* libFuzzer target: the language-model reader.  Any bytes must load or be
 * refused with AG_EPARSE, never read out of bounds; a model that loads
 * must analyze a sentence into one tree. */
#include <stddef.h>
#include <stdint.h>

#include "actorgraph/actorgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *forms[] = {"Chile", "and", "Peru", "signed", "a", "deal", "."};
    ag_ctx *ctx = NULL;
    ag_nlp_model *m = NULL;
    ag_nlp_sentence s = {0};

    if (ag_ctx_new(&ctx))
        return 0;
    if (ag_nlp_model_load(&m, ctx, data, size) == AG_OK) {
        size_t i, roots = 0;
        if (ag_nlp_sentence_reset(&s, ctx, forms, 7) == AG_OK && ag_nlp_analyze(m, ctx, &s) == AG_OK) {
            for (i = 0; i < s.n; i++) {
                if (s.heads[i] < 0 || s.heads[i] > (int)s.n)
                    __builtin_trap();
                roots += s.heads[i] == 0;
            }
            if (roots != 1)
                __builtin_trap();
        }
        ag_nlp_sentence_release(&s);
        ag_nlp_model_free(m);
    } else if (ag_ctx_errcode(ctx) != AG_EPARSE && ag_ctx_errcode(ctx) != AG_ENOMEM) {
        __builtin_trap();
    }
    ag_ctx_free(ctx);
    return 0;
}
