/* actorgraph CLI: `actorgraph parse [FILE...]` prints the language layer's
 * analysis of articles as CoNLL-U: the text stage's sentences and tokens,
 * then tags, lemmas and the dependency tree, so a user, a test or a bug
 * report can see what the extraction rules saw. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"lexicon", required_argument, NULL, 'L'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* A sentence's text on one line: CoNLL-U comments cannot hold line breaks. */
static void put_text_comment(FILE *out, const char *bytes, size_t start, size_t end)
{
    size_t i;

    fputs("# text = ", out);
    for (i = start; i < end; i++) {
        char c = bytes[i];
        fputc(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, out);
    }
    fputc('\n', out);
}

static int parse_document(FILE *out, ag_ctx *ctx, const ag_lexicon *lex, const ag_nlp_model *model,
                          ag_nlp_sentence *s, const char *name, const char *bytes, size_t len)
{
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    const char **forms = NULL;
    size_t i, k;
    int rc;

    if ((rc = ag_doc_new(&doc, ctx, name, bytes, len)) || (rc = ag_text_analyze(&text, ctx, doc, lex)))
        goto done;
    if (!(forms = malloc((text->n_tokens + 1) * sizeof *forms))) {
        rc = ag_error_set(ctx, AG_ENOMEM, "out of memory");
        goto done;
    }
    for (i = 0; i < text->n_tokens; i++)
        forms[i] = text->tokens[i].norm;
    fprintf(out, "# newdoc id = %s\n", name);
    for (i = 0; i < text->n_sentences; i++) {
        const ag_sentence *se = &text->sentences[i];
        if ((rc = ag_nlp_sentence_reset(s, ctx, forms + se->first, se->count)) ||
            (rc = ag_nlp_analyze(model, ctx, s)))
            break;
        fprintf(out, "# sent_id = %s-%zu\n", name, i + 1);
        put_text_comment(out, bytes, se->start, se->end);
        for (k = 0; k < se->count; k++) {
            const ag_token *t = &text->tokens[se->first + k];
            int glued = k + 1 < se->count && !(text->tokens[se->first + k + 1].flags & AG_TOK_SPACE);
            fprintf(out, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", k + 1, t->norm, s->lemmas[k],
                               ag_nlp_upos_name(s->upos[k]), ag_nlp_xpos_name(model, s->xpos[k]), s->heads[k],
                    ag_nlp_deprel_name(model, s->deprels[k]), glued ? "SpaceAfter=No" : "_");
        }
        fputc('\n', out);
    }
done:
    free(forms);
    ag_text_free(text);
    ag_doc_free(doc);
    return rc;
}

int cmd_parse(int argc, char **argv)
{
    const char *output = NULL;
    const char **lexicons = NULL;
    size_t n_lexicons = 0;
    ag_ctx *ctx = NULL;
    ag_lexicon *lex = NULL;
    ag_nlp_model *model = NULL;
    ag_nlp_sentence s = {0};
    char *result = NULL;
    size_t result_len = 0;
    FILE *out = NULL;
    int opt, rc = AG_EXIT_OK, i;

    if (!(lexicons = malloc(sizeof *lexicons * (size_t)argc))) {
        cli_error("out of memory");
        return AG_EXIT_PROCESSING;
    }
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":o:L:h", long_options, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'L': lexicons[n_lexicons++] = optarg; break;
        case 'h':
            fputs(ag_cli_help_parse, stdout);
            free(lexicons);
            return AG_EXIT_OK;
        default:
            free(lexicons);
            return cli_getopt_error("parse", opt, argv);
        }
    }
    if (ag_ctx_new(&ctx) < 0 || !(out = open_memstream(&result, &result_len))) {
        cli_error("out of memory");
        free(lexicons);
        return AG_EXIT_PROCESSING;
    }
    if (ag_lexicon_new(&lex, ctx) < 0 || ag_nlp_model_builtin(&model, ctx) < 0) {
        rc = cli_fail(ctx, 0);
        goto done;
    }
    for (size_t l = 0; l < n_lexicons; l++)
        if ((rc = cli_add_lexicon(lex, ctx, lexicons[l])) != AG_EXIT_OK)
            goto done;
    for (i = optind; i < argc || (i == optind && optind == argc); i++) {
        const char *path = i < argc ? argv[i] : "-";
        char *bytes;
        size_t len;
        if ((rc = cli_read_file(&bytes, &len, path)) != AG_EXIT_OK)
            goto done;
        if (parse_document(out, ctx, lex, model, &s, cli_is_stdin(path) ? "stdin" : path, bytes, len) < 0)
            rc = cli_fail(ctx, 0);
        free(bytes);
        if (rc != AG_EXIT_OK)
            goto done;
    }
    if (fflush(out) || ferror(out)) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto done;
    }
    rc = cli_write_output(output, result ? result : "", result_len);
done:
    if (out)
        fclose(out);
    free(result);
    ag_nlp_sentence_release(&s);
    ag_nlp_model_free(model);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
    free(lexicons);
    return rc;
}
