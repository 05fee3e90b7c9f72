/* libFuzzer target: the CLI's JSONL record reader (src/cli/jsonl.c, built
 * into this target) over a whole corpus.  The bytes are split into lines as
 * `actorgraph --jsonl` splits them; each line is accepted or refused with
 * AG_EPARSE and a message, and every accepted record with a text goes
 * through extraction into one graph, which must then export cleanly. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "cli/cli.h"
#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 65536

/* Loaded once per process: see fuzz_extract.c. */
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

/* A record's date as the CLI keeps it: its first ten bytes when they are a
 * day of the calendar, else none. */
static const char *record_date(char *date)
{
    if (!date || strlen(date) < 10)
        return NULL;
    for (int i = 0; i < 10; i++)
        if ((i == 4 || i == 7) ? date[i] != '-' : (date[i] < '0' || date[i] > '9'))
            return NULL;
    if (!ag_text_calendar_day(atoi(date), atoi(date + 5), atoi(date + 8)))
        return NULL;
    date[10] = '\0';
    return date;
}

/* One accepted record through the text stage and extraction into @p all. */
static void extract_record(ag_ctx *ctx, const resources *res, ag_graph *all, cli_record *rec, unsigned long lineno)
{
    ag_extract_options xopts = AG_EXTRACT_OPTIONS_INIT;
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    ag_graph *part = NULL;
    const char *date = record_date(rec->date);
    char name[48];
    int rc;

    snprintf(name, sizeof name, "fuzz.jsonl:%lu", lineno);
    xopts.nlp = res->nlp;
    rc = ag_doc_new(&doc, ctx, rec->id && *rec->id ? rec->id : name, rec->text, rec->text_len);
    if (rc == AG_EPARSE) /* "\ud800"-free escapes only make valid UTF-8, but a raw NUL stays legal */
        fuzz_fail(ctx, "a record's text decoded to invalid UTF-8");
    if (rc < 0 || (rc = ag_doc_set_meta(doc, ctx, AG_META_TITLE, rec->title)) < 0 ||
        (rc = ag_doc_set_meta(doc, ctx, AG_META_URL, rec->url)) < 0 ||
        (rc = ag_doc_set_meta(doc, ctx, AG_META_SOURCE, rec->source)) < 0 ||
        (rc = ag_doc_set_meta(doc, ctx, AG_META_DATE, date)) < 0 ||
        (rc = ag_text_analyze(&text, ctx, doc, res->lex)) < 0 ||
        (rc = ag_extract(&part, ctx, res->lex, text, &xopts)) < 0 ||
        (rc = ag_graph_add_document(all, ctx, ag_doc_name(doc), date, rec->url, rec->title)) < 0 ||
        (rc = ag_graph_merge(all, ctx, part)) < 0)
        fuzz_export_ok(ctx, rc, "extraction of a record");
    ag_graph_free(part);
    ag_text_free(text);
    ag_doc_free(doc);
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
    const char *p = (const char *)data, *end = p + size;
    ag_ctx *ctx = NULL;
    ag_graph *all = NULL;
    unsigned long lineno = 0;
    char *line = NULL, err[160];

    if (size > MAX_INPUT)
        return 0;
    res = shared_resources();
    if (ag_ctx_new(&ctx) || ag_graph_new(&all, ctx) || !(line = malloc(size + 1)))
        goto out;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        cli_record rec;
        int rc;

        /* a line as getline() gives it, NUL-terminated, ends stripped */
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl != NULL);
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (strspn(line, " \t") >= len || ag_text_utf8_check(line, len) >= 0)
            continue;
        err[0] = '\0';
        rc = cli_record_parse(&rec, line, len, err, sizeof err);
        if (rc < 0) {
            if ((rc != AG_EPARSE && rc != AG_ENOMEM) || !err[0])
                fuzz_fail(NULL, "a refused record without AG_EPARSE and a message");
            continue;
        }
        if (rec.text && rec.text[rec.text_len] != '\0')
            fuzz_fail(NULL, "a record's text is not NUL-terminated at its length");
        if (rec.text)
            extract_record(ctx, res, all, &rec, lineno);
        cli_record_free(&rec);
    }
    if (ag_graph_finalize(all, ctx) < 0) {
        fuzz_export_ok(ctx, ag_ctx_errcode(ctx), "finalize");
        goto out;
    }
    fuzz_check_exports(ctx, all, 0);
out:
    free(line);
    ag_graph_free(all);
    ag_ctx_free(ctx);
    return 0;
}
