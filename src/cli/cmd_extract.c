/* actorgraph CLI: the default command, `actorgraph [OPTIONS] FILE...`.
 * Each article is analysed and extracted on its own and merged into one
 * graph, so memory grows with the graph and not with the corpus; the merged
 * graph is finalized once and exported in the chosen format. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Progress lines appear only for runs longer than this many inputs. */
#define PROGRESS_MIN_INPUTS 4

enum { OPT_LAYOUT = 256, OPT_MIN_CONFIDENCE, OPT_EXPLAIN, OPT_JSONL, OPT_DATE, OPT_VERSION, OPT_STRICT };

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"lexicon", required_argument, NULL, 'L'},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"date", required_argument, NULL, OPT_DATE},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    CLI_FILTER_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

typedef struct run {
    ag_ctx *ctx;
    ag_lexicon *lex;
    ag_graph *all;
    ag_extract_options xopts;
    ag_nlp_model *nlp;        /* the built-in language model */
    const char *default_date; /* --date */
    int quiet;
    int strict;               /* --strict: an article that fails stops the run */
    size_t skipped;           /* articles skipped with a warning */
    size_t processed;         /* articles extracted */
    int first_skip;           /* the exit code of the first skip */
} run;

/* An article that cannot be processed costs only itself: warn (naming it and
 * the reason) and go on, unless --strict or out of memory, which stop the run
 * with @p code.  Returns AG_EXIT_OK to go on. */
static int skip_or_fail(run *r, int code, const char *where, const char *why)
{
    size_t n = strlen(where);
    int named = !strncmp(why, where, n) && why[n] == ':'; /* the library's message names the file */

    if (r->strict || code == AG_EXIT_PROCESSING) {
        cli_error("%s%s%s", named ? "" : where, named ? "" : ": ", why);
        return code;
    }
    cli_warn("%s%sskipped: %s", named ? "" : where, named ? "" : ": ", why);
    if (!r->skipped++)
        r->first_skip = code;
    return AG_EXIT_OK;
}

/* Metadata of one article; all may be NULL. */
typedef struct meta {
    const char *title, *date, *url, *source;
} meta;

/* YYYY-MM-DD, a day of the calendar. */
static int is_iso_date(const char *s)
{
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return ag_text_calendar_day((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                           (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0'));
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void explain_to_stderr(const char *line, void *payload)
{
    (void)payload;
    cli_progress_clear();
    fprintf(stderr, "%s\n", line);
}

/* Longest title taken from a headline, in bytes. */
#define TITLE_MAX 200

/* The article's headline, when its text opens with one: malloc'ed, with
 * whitespace collapsed and cut at a character boundary; NULL otherwise. */
static char *headline_title(const ag_text *text)
{
    const ag_sentence *first = text->n_sentences ? &text->sentences[0] : NULL;
    const char *bytes;
    size_t len, n, o = 0;
    char *out;

    if (!first || !first->headline || first->end <= first->start)
        return NULL;
    bytes = ag_doc_bytes(text->doc, &len);
    if (first->end > len)
        return NULL;
    n = first->end - first->start;
    if (n > TITLE_MAX)
        n = TITLE_MAX;
    while (n > 0 && n < (size_t)(first->end - first->start) &&
           ((unsigned char)bytes[first->start + n] & 0xC0) == 0x80)
        n--; /* never split a UTF-8 sequence */
    if (!(out = malloc(n + 1)))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = bytes[first->start + i];
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        out[o++] = c;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    if (o == 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* A text longer than PIECE_MIN is analysed in pieces of about PIECE_BYTES
 * cut at paragraph breaks, so that one huge file costs memory for a piece,
 * not for the whole (tokens, sentences and parses take about 30 times the
 * bytes).  Relations across a cut are lost; a 1 MB piece has thousands of
 * paragraphs, so that is rare. */
#define PIECE_MIN ((size_t)4 << 20)
#define PIECE_BYTES ((size_t)1 << 20)

/* Where the piece starting at @p from ends: a blank line after PIECE_BYTES,
 * else a line break, else a sentence end, else a character boundary. */
static size_t piece_end(const char *b, size_t len, size_t from)
{
    size_t want = from + PIECE_BYTES, limit, i;

    if (len - from <= PIECE_BYTES + PIECE_BYTES / 2)
        return len;
    limit = want + PIECE_BYTES / 2;
    for (i = want; i + 1 < limit; i++)
        if (b[i] == '\n' && b[i + 1] == '\n')
            return i + 2;
    for (i = want; i < limit; i++)
        if (b[i] == '\n')
            return i + 1;
    for (i = want; i + 1 < limit; i++)
        if ((b[i] == '.' || b[i] == '!' || b[i] == '?') && b[i + 1] == ' ')
            return i + 2;
    for (i = want; i > from && ((unsigned char)b[i] & 0xC0) == 0x80; i--)
        ;
    return i;
}

/* Analyse, extract and merge one article (piece by piece when it is long).
 * On failure the message is in r->ctx; returns an AG_E* code. */
static int process_doc(run *r, const char *name, const char *bytes, size_t len, const meta *m)
{
    ag_doc *doc = NULL;
    ag_text *text = NULL;
    ag_graph *part = NULL;
    const char *date = m->date, *title = m->title;
    char *date_copy = NULL;
    ag_extract_options xopts = r->xopts;
    size_t from = 0, to, sentences = 0;
    int rc = AG_OK, first;

    for (first = 1; first || from < len; first = 0, from = to) {
        to = len <= PIECE_MIN ? len : piece_end(bytes, len, from);
        if ((rc = ag_doc_new(&doc, r->ctx, name, bytes + from, to - from)) < 0 ||
            (rc = ag_doc_set_meta(doc, r->ctx, AG_META_TITLE, m->title)) < 0 ||
            (rc = ag_doc_set_meta(doc, r->ctx, AG_META_URL, m->url)) < 0 ||
            (rc = ag_doc_set_meta(doc, r->ctx, AG_META_SOURCE, m->source)) < 0 ||
            (rc = ag_doc_set_meta(doc, r->ctx, AG_META_DATE, m->date)) < 0 ||
            (rc = ag_text_analyze(&text, r->ctx, doc, r->lex)) < 0)
            goto out;
        if (first) {
            /* Which date an article has: its own metadata, else the date its
             * text states, else the run's --date default. */
            date = m->date ? m->date : text->published ? text->published : r->default_date;
            if (!m->date && date && !(date = date_copy = strdup(date))) {
                rc = ag_error_set(r->ctx, AG_ENOMEM, "out of memory");
                goto out;
            }
            /* Without a title in the metadata, the headline the text opens with. */
            if (!title)
                title = headline_title(text);
            /* The document record goes in before the merge so that our
             * metadata wins over anything the partial graph carries. */
            if ((rc = ag_graph_add_document(r->all, r->ctx, name, date, m->url, title)) < 0)
                goto out;
        }
        xopts.byte_base = from;
        xopts.sentence_base = (uint32_t)sentences;
        if ((rc = ag_extract(&part, r->ctx, r->lex, text, &xopts)) < 0 ||
            (rc = ag_graph_merge(r->all, r->ctx, part)) < 0)
            goto out;
        sentences += text->n_sentences;
        ag_graph_free(part);
        ag_text_free(text);
        ag_doc_free(doc);
        part = NULL;
        text = NULL;
        doc = NULL;
    }
    if (sentences == 0 && len > 0 && !r->quiet)
        cli_warn("%s: no sentences (nothing to extract)", name);
    r->processed++;
out:
    if (title != m->title)
        free((char *)title);
    free(date_copy);
    ag_graph_free(part);
    ag_text_free(text);
    ag_doc_free(doc);
    return rc;
}

static int process_file(run *r, const char *path)
{
    const char *name = cli_is_stdin(path) ? "stdin" : path;
    meta m = {NULL, NULL, NULL, NULL};
    char *bytes = NULL;
    size_t len;
    int rc;

    if ((rc = cli_read_file(&bytes, &len, path)) != AG_EXIT_OK) {
        if (r->strict)
            return rc;
        if (!r->skipped++) /* cli_read_file said why */
            r->first_skip = rc;
        return AG_EXIT_OK;
    }
    if (len == 0 && !r->quiet)
        cli_warn("%s: empty input", name);
    rc = process_doc(r, name, bytes, len, &m) < 0
             ? skip_or_fail(r, ag_exit_for(ag_ctx_errcode(r->ctx), 0), name, ag_ctx_errmsg(r->ctx))
             : AG_EXIT_OK;
    free(bytes);
    return rc;
}

/* One JSON object per line; blank lines are skipped.  Lines are read one at
 * a time, so a large JSONL corpus is never held in memory at once. */
static int process_jsonl(run *r, const char *path)
{
    const char *name = cli_is_stdin(path) ? "stdin" : path;
    char *line = NULL, *docname = NULL, err[160], where[4096];
    size_t cap = 0;
    unsigned long lineno = 0;
    cli_record rec = {0};
    ssize_t n;
    FILE *f;
    int rc;

    if ((rc = cli_open_input(&f, path)) != AG_EXIT_OK)
        return rc;
    while ((n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        long long bad;
        meta m;

        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (strspn(line, " \t") >= len)
            continue;
        snprintf(where, sizeof(where), "%s:%lu", name, lineno);
        if ((bad = ag_text_utf8_check(line, len)) >= 0) {
            snprintf(err, sizeof(err), "column %lld: invalid UTF-8", bad + 1);
            if ((rc = skip_or_fail(r, AG_EXIT_BAD_INPUT, where, err)) != AG_EXIT_OK)
                goto out;
            continue;
        }
        if ((rc = cli_record_parse(&rec, line, len, err, sizeof(err))) < 0) {
            if ((rc = skip_or_fail(r, ag_exit_for(rc, 0), where, err)) != AG_EXIT_OK)
                goto out;
            cli_record_free(&rec);
            continue;
        }
        if (!rec.text) {
            if ((rc = skip_or_fail(r, AG_EXIT_BAD_INPUT, where, "the record has no \"text\"")) != AG_EXIT_OK)
                goto out;
            cli_record_free(&rec);
            continue;
        }
        if (rec.date && !is_iso_date(rec.date)) {
            if (!r->quiet)
                cli_warn("%s:%lu: ignoring date \"%s\" (not YYYY-MM-DD)", name, lineno, rec.date);
            free(rec.date);
            rec.date = NULL;
        } else if (rec.date) {
            rec.date[10] = '\0'; /* "2025-01-15T09:30:00Z" is that day */
        }
        /* Evidence refers to the record's id; without one, to its line. */
        free(docname);
        docname = NULL;
        if (!(rec.id && *rec.id)) {
            size_t need = strlen(name) + 24;
            if (!(docname = malloc(need))) {
                cli_error("out of memory");
                rc = AG_EXIT_PROCESSING;
                goto out;
            }
            snprintf(docname, need, "%s:%lu", name, lineno);
        }
        m = (meta){rec.title, rec.date, rec.url, rec.source};
        if (process_doc(r, docname ? docname : rec.id, rec.text, rec.text_len, &m) < 0 &&
            (rc = skip_or_fail(r, ag_exit_for(ag_ctx_errcode(r->ctx), 0), where, ag_ctx_errmsg(r->ctx))) !=
                AG_EXIT_OK)
            goto out;
        cli_record_free(&rec);
    }
    if (ferror(f)) {
        cli_error("%s: read error: %s", name, strerror(errno));
        rc = AG_EXIT_IO;
        goto out;
    }
    rc = AG_EXIT_OK;
out:
    cli_record_free(&rec);
    free(docname);
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    const char *format_arg = NULL, *output = NULL, *layout = NULL;
    const char **lexicons = NULL;
    size_t n_lexicons = 0, n_inputs, n_stdin = 0;
    int explain = 0, jsonl = 0, progress, opt, rc;
    run r = {NULL, NULL, NULL, AG_EXTRACT_OPTIONS_INIT, NULL, NULL, 0, 0, 0, 0, AG_EXIT_OK};
    char **inputs, *end;
    static char *stdin_only[] = {"-"};
    cli_filter filter = CLI_FILTER_INIT;
    ag_format fmt;

    if (!(lexicons = malloc(sizeof(*lexicons) * (size_t)argc))) {
        cli_error("out of memory");
        return AG_EXIT_PROCESSING;
    }
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:L:qh", long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': format_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'L': lexicons[n_lexicons++] = optarg; break;
        case 'q': r.quiet = 1; break;
        case OPT_EXPLAIN: explain = 1; break;
        case OPT_JSONL: jsonl = 1; break;
        case OPT_STRICT: r.strict = 1; break;
        case OPT_LAYOUT:
            if (!cli_layout_valid(optarg)) {
                rc = cli_usage_error(NULL, "unknown layout engine '%s' (" CLI_LAYOUT_ENGINES ")",
                                     optarg);
                goto out;
            }
            layout = optarg;
            break;
        case OPT_MIN_CONFIDENCE:
            errno = 0;
            r.xopts.min_confidence = strtod(optarg, &end);
            if (errno || end == optarg || *end || !isfinite(r.xopts.min_confidence) ||
                r.xopts.min_confidence < 0.0 || r.xopts.min_confidence > 1.0) {
                rc = cli_usage_error(NULL, "--min-confidence needs a number from 0 to 1, not '%s'", optarg);
                goto out;
            }
            break;
        case OPT_DATE:
            if (strlen(optarg) != 10 || !is_iso_date(optarg)) {
                rc = cli_usage_error(NULL, "--date needs YYYY-MM-DD, not '%s'", optarg);
                goto out;
            }
            r.default_date = optarg;
            break;
        case 'h':
            fputs(ag_cli_help_extract, stdout);
            rc = AG_EXIT_OK;
            goto out;
        case OPT_VERSION:
            cli_print_version(stdout);
            rc = AG_EXIT_OK;
            goto out;
        default:
            if ((rc = cli_filter_option(&filter, NULL, opt, optarg)) < 0)
                rc = cli_getopt_error(NULL, opt, argv);
            if (rc != AG_EXIT_OK)
                goto out;
        }
    }
    if ((rc = cli_filter_check(&filter, NULL)) != AG_EXIT_OK)
        goto out;
    inputs = argv + optind;
    n_inputs = (size_t)(argc - optind);
    if (n_inputs == 0) {
        inputs = stdin_only;
        n_inputs = 1;
    }
    for (size_t i = 0; i < n_inputs; i++)
        n_stdin += cli_is_stdin(inputs[i]);
    for (size_t i = 0; i < n_lexicons; i++)
        n_stdin += cli_is_stdin(lexicons[i]);
    if (n_stdin > 1) {
        rc = cli_usage_error(NULL, "standard input ('-') can be read only once");
        goto out;
    }
    if (explain) {
        r.xopts.explain = explain_to_stderr;
        r.xopts.explain_payload = NULL;
    }

    if (ag_ctx_new(&r.ctx) < 0) {
        cli_error("out of memory");
        rc = AG_EXIT_PROCESSING;
        goto out;
    }
    if ((rc = cli_pick_format(&fmt, r.ctx, NULL, format_arg, output)) != AG_EXIT_OK)
        goto out;
    if ((rc = cli_filter_new_graph(&r.all, r.ctx, &filter)) != AG_EXIT_OK)
        goto out;
    if (ag_lexicon_new(&r.lex, r.ctx) < 0 || ag_nlp_model_builtin(&r.nlp, r.ctx) < 0) {
        rc = cli_fail(r.ctx, 0);
        goto out;
    }
    r.xopts.nlp = r.nlp;
    for (size_t i = 0; i < n_lexicons; i++)
        if ((rc = cli_add_lexicon(r.lex, r.ctx, lexicons[i])) != AG_EXIT_OK)
            goto out;

    /* one article alone has no rest to save: its error is the run's */
    if (n_inputs == 1 && !jsonl && !has_suffix(inputs[0], ".jsonl"))
        r.strict = 1;
    progress = !r.quiet && n_inputs >= PROGRESS_MIN_INPUTS && isatty(STDERR_FILENO);
    for (size_t i = 0; i < n_inputs; i++) {
        if (progress)
            cli_progress(i + 1, n_inputs, inputs[i]);
        rc = jsonl || has_suffix(inputs[i], ".jsonl") ? process_jsonl(&r, inputs[i])
                                                      : process_file(&r, inputs[i]);
        if (rc != AG_EXIT_OK)
            goto out;
    }
    cli_progress_clear();
    /* nothing left to make a graph of: the skip was the run's error */
    if (r.skipped && !r.processed) {
        rc = r.first_skip;
        goto out;
    }

    if (ag_graph_finalize(r.all, r.ctx) < 0) {
        rc = cli_fail(r.ctx, 0);
        goto out;
    }
    if ((rc = cli_filter_apply(&r.all, r.ctx, &filter, NULL, r.quiet)) != AG_EXIT_OK)
        goto out;
    rc = cli_export_write(r.ctx, r.all, fmt, layout, output);
    if (rc == AG_EXIT_OK && r.skipped) {
        if (!r.quiet)
            cli_warn("%zu article%s skipped; the graph holds the rest", r.skipped, r.skipped == 1 ? "" : "s");
        rc = AG_EXIT_SKIPPED;
    }
out:
    cli_filter_free(&filter);
    ag_graph_free(r.all);
    ag_lexicon_free(r.lex);
    ag_nlp_model_free(r.nlp);
    ag_ctx_free(r.ctx);
    free(lexicons);
    return rc;
}
