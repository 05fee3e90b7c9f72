/* actorgraph benchmark: generate a news-like corpus (default 20 MB) from
 * sentence templates with generated names plus paragraphs of examples/, run
 * text analysis and extraction article by article on one core, merge,
 * finalize and export, and print the throughput and the time of each step.
 * It prints numbers only; it asserts nothing about time.
 *
 *   actorgraph-bench [--mb N] [--names N] [--examples DIR] [--articles DIR] [--no-svg] [--seed N]
 *
 * --articles DIR measures real text instead: the .txt files of DIR as they
 * are (furniture included), repeated in name order until N MB.
 *
 * --emit FILE writes the corpus instead of processing it, as JSON Lines
 * ({"id", "text"} per article) or, with --one-file, as one plain text, for
 * tests/bench/scale.sh to run the CLI on.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <actorgraph/actorgraph.h>

#ifndef AG_SOURCE_DIR
#define AG_SOURCE_DIR "."
#endif

#if defined(__SANITIZE_ADDRESS__)
/* Graphviz, fontconfig and pango caches live until exit (see src/cli/main.c). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}
#endif

/* ---- a growable string ---- */
typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("actorgraph-bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        if (!(b->p = realloc(b->p, cap)))
            die("out of memory");
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* One JSONL record: the text as a JSON string (the generator writes ASCII and
 * newlines; anything below 0x20 is escaped). */
static void put_jsonl(FILE *f, const char *id, const sbuf *b)
{
    fprintf(f, "{\"id\": \"%s\", \"text\": \"", id);
    for (size_t i = 0; i < b->len; i++) {
        unsigned char ch = (unsigned char)b->p[i];
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", f);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputs("\"}\n", f);
}

/* ---- deterministic random numbers (xorshift64*) ---- */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

#define PICK(arr) (arr[rnd(sizeof(arr) / sizeof(arr[0]))])

/* ---- the corpus ---- */
static const char *const syll_a[] = {"Ka", "Mi", "To", "Ra", "Le", "Su", "Da", "No", "Vi", "Ha",
                                     "Jo", "El", "Ma", "Ri", "An", "Be", "Lo", "Ta", "Fe", "Yu"};
static const char *const syll_b[] = {"ren", "lia", "mar", "sen", "dor", "vik", "nah", "tis", "lan", "rov",
                                     "ga", "mi", "ko", "bel", "dra", "shi", "nor", "vel", "tan", "sa"};
static const char *const countries[] = {"France", "Brazil", "Kenya", "Japan", "Canada", "India",
                                        "Egypt", "Poland", "Mexico", "Germany", "Turkey", "Chile"};
static const char *const demonyms[] = {"French", "Brazilian", "Kenyan", "Japanese", "Canadian", "Indian",
                                       "Egyptian", "Polish", "Mexican", "German", "Turkish", "Chilean"};
static const char *const offices[] = {"Foreign Minister", "Defence Minister", "President", "Prime Minister",
                                      "Trade Minister", "Interior Minister"};
static const char *const outlets[] = {"Reuters", "the Associated Press", "AFP", "the BBC", "Al Jazeera",
                                      "Bloomberg", "CNN", "The Guardian"};
static const char *const ministries[] = {"Foreign", "Defence", "Interior", "Finance", "Trade", "Health"};
static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
static const char *const months[] = {"March", "April", "May", "June", "September", "October"};
static const char *const topics[] = {"border security", "grain exports", "a prisoner exchange",
                                     "energy prices", "a new trade deal", "the peace talks"};

typedef struct corpus {
    char **paragraphs; /* from examples/, used as filler */
    size_t n_paragraphs;
    char **names;      /* generated people */
    size_t n_names;
} corpus;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    sbuf b = {0};
    char chunk[8192];
    size_t n;
    if (!f)
        die("cannot read %s", path);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        sb_add(&b, chunk, n);
    fclose(f);
    return b.p ? b.p : calloc(1, 1);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .txt file of dir, whole, in name order. */
static char **load_articles(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL, **texts;
    size_t k = 0, i;

    if (!d)
        die("cannot open %s", dir);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".txt")) {
            names = realloc(names, (k + 1) * sizeof(*names));
            names[k] = malloc(strlen(dir) + len + 2);
            snprintf(names[k], strlen(dir) + len + 2, "%s/%s", dir, e->d_name);
            k++;
        }
    }
    closedir(d);
    if (!k)
        die("no .txt files in %s", dir);
    qsort(names, k, sizeof(*names), cmp_str);
    texts = malloc(k * sizeof(*texts));
    for (i = 0; i < k; i++) {
        texts[i] = read_all(names[i]);
        free(names[i]);
    }
    free(names);
    *n = k;
    return texts;
}

/* Body paragraphs (long lines) of every .txt file in the examples folder, in name order. */
static void load_examples(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **files = NULL;
    size_t n_files = 0;

    if (!d)
        die("cannot open %s (use --examples DIR)", dir);
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0) {
            files = realloc(files, (n_files + 1) * sizeof(*files));
            sbuf path = {0};
            sb_puts(&path, dir);
            sb_puts(&path, "/");
            sb_puts(&path, e->d_name);
            files[n_files++] = path.p;
        }
    }
    closedir(d);
    qsort(files, n_files, sizeof(*files), cmp_str);
    for (size_t i = 0; i < n_files; i++) {
        char *text = read_all(files[i]), *line = text, *nl;
        for (; *line; line = nl ? nl + 1 : line + strlen(line)) {
            nl = strchr(line, '\n');
            size_t n = nl ? (size_t)(nl - line) : strlen(line);
            if (n < 120) /* headlines, bylines, furniture */
                continue;
            c->paragraphs = realloc(c->paragraphs, (c->n_paragraphs + 1) * sizeof(char *));
            c->paragraphs[c->n_paragraphs] = malloc(n + 1);
            memcpy(c->paragraphs[c->n_paragraphs], line, n);
            c->paragraphs[c->n_paragraphs++][n] = '\0';
            if (!nl)
                break;
        }
        free(text);
        free(files[i]);
    }
    free(files);
    if (!c->n_paragraphs)
        die("no example paragraphs in %s", dir);
}

static void make_names(corpus *c, size_t n)
{
    c->names = malloc(n * sizeof(char *));
    c->n_names = n;
    for (size_t i = 0; i < n; i++) {
        char buf[64];
        snprintf(buf, sizeof(buf), "%s%s %s%s%s", PICK(syll_a), PICK(syll_b), PICK(syll_a), PICK(syll_b),
                 PICK(syll_b));
        c->names[i] = strdup(buf);
    }
}

static const char *person(const corpus *c)
{
    return c->names[rnd((uint32_t)c->n_names)];
}

static void add_sentence(sbuf *b, const corpus *c)
{
    char s[512];
    size_t k = rnd(12), k2 = (k + 1 + rnd(11)) % 12;
    const char *p1 = person(c), *p2 = person(c);

    switch (rnd(8)) {
    case 0:
        snprintf(s, sizeof(s), "%s %s %s spoke by phone with %s %s %s on %s, %s reported. ", demonyms[k],
                 PICK(offices), p1, demonyms[k2], PICK(offices), p2, PICK(weekdays), PICK(outlets));
        break;
    case 1:
        snprintf(s, sizeof(s), "\"We will keep working on %s,\" %s told %s. ", PICK(topics), p1, PICK(outlets));
        break;
    case 2:
        snprintf(s, sizeof(s), "%s, spokesperson for the %s %s Ministry, said talks on %s would resume in %s. ",
                 p1, demonyms[k], PICK(ministries), PICK(topics), PICK(months));
        break;
    case 3:
        snprintf(s, sizeof(s), "According to %s, %s met %s in the capital of %s on %s. ", PICK(outlets), p1, p2,
                 countries[k], PICK(weekdays));
        break;
    case 4:
        snprintf(s, sizeof(s), "%s and %s held consultations on %s, the officials said. ", countries[k],
                 countries[k2], PICK(topics));
        break;
    case 5:
        snprintf(s, sizeof(s), "%s %s %s denied the reports and said %s would not change course. ", demonyms[k],
                 PICK(offices), p1, countries[k]);
        break;
    case 6:
        snprintf(s, sizeof(s), "Mr %s said about %u people had been affected, %s reported, citing officials. ",
                 strchr(p1, ' ') + 1, 100 + rnd(5000), PICK(outlets));
        break;
    default:
        snprintf(s, sizeof(s), "%s echoed the concerns of %s %s %s about %s. ", p2, demonyms[k2],
                 PICK(offices), p1, PICK(topics));
        break;
    }
    sb_puts(b, s);
}

/* One article of about 2.5 KB: headline, byline, paragraphs of template
 * sentences and one example paragraph, furniture at the end. */
static void make_article(sbuf *b, const corpus *c)
{
    b->len = 0;
    sb_puts(b, countries[rnd(12)]);
    sb_puts(b, " and ");
    sb_puts(b, countries[rnd(12)]);
    sb_puts(b, " discuss ");
    sb_puts(b, PICK(topics));
    sb_puts(b, "\n\nBy ");
    sb_puts(b, person(c));
    sb_puts(b, "\n\n");
    for (int para = 0; para < 5; para++) {
        int n = 2 + (int)rnd(3);
        for (int i = 0; i < n; i++)
            add_sentence(b, c);
        sb_puts(b, "\n\n");
        if (para == 2) {
            sb_puts(b, c->paragraphs[rnd((uint32_t)c->n_paragraphs)]);
            sb_puts(b, "\n\n");
        }
    }
    sb_puts(b, "Related: More on ");
    sb_puts(b, PICK(topics));
    sb_puts(b, "\n");
}

/* ---- timing ---- */
static double now(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void check(int rc, ag_ctx *ctx, const char *what)
{
    if (rc < 0)
        die("%s: %s", what, ag_ctx_errmsg(ctx));
}

int main(int argc, char **argv)
{
    double mb = 20.0, t0, c0, t_text = 0, c_text = 0, t_merge = 0;
    size_t n_names = 400, bytes = 0, sentences = 0, articles = 0;
    const char *examples = AG_SOURCE_DIR "/examples", *articles_dir = NULL;
    char **real = NULL;
    size_t n_real = 0;
    int svg = 1, parse = 1, one_file = 0;
    const char *emit = NULL;
    FILE *emit_file = NULL;
    double t_parse = 0;
    size_t parsed_tokens = 0;
    ag_nlp_model *nlp = NULL;
    ag_nlp_sentence ps = {0};
    ag_extract_options xopts = AG_EXTRACT_OPTIONS_INIT;
    const char **forms = NULL;
    size_t forms_cap = 0;
    corpus c = {0};
    sbuf art = {0};
    ag_ctx *ctx;
    ag_lexicon *lex;
    ag_graph *all;
    char name[64];

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
            mb = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--names") == 0 && i + 1 < argc)
            n_names = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--examples") == 0 && i + 1 < argc)
            examples = argv[++i];
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            rng_state = strtoull(argv[++i], NULL, 10) | 1;
        else if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc)
            articles_dir = argv[++i];
        else if (strcmp(argv[i], "--no-svg") == 0)
            svg = 0;
        else if (strcmp(argv[i], "--no-parse") == 0)
            parse = 0;
        else if (strcmp(argv[i], "--emit") == 0 && i + 1 < argc)
            emit = argv[++i];
        else if (strcmp(argv[i], "--one-file") == 0)
            one_file = 1;
        else
            die("usage: actorgraph-bench [--mb N] [--names N] [--examples DIR] [--articles DIR] [--no-svg] "
                "[--no-parse] [--seed N] [--emit FILE [--one-file]]");
    }
    if (mb <= 0 || n_names == 0)
        die("--mb and --names must be positive");
    if (articles_dir)
        real = load_articles(articles_dir, &n_real);
    else {
        load_examples(&c, examples);
        make_names(&c, n_names);
    }

    if (emit) {
        if (!(emit_file = fopen(emit, "w")))
            die("%s: cannot write", emit);
        while ((double)bytes < mb * 1e6) {
            if (real) {
                art.len = 0;
                sb_add(&art, real[articles % n_real], strlen(real[articles % n_real]));
            } else {
                make_article(&art, &c);
            }
            snprintf(name, sizeof(name), "bench-%06zu", articles);
            if (one_file) {
                fwrite(art.p, 1, art.len, emit_file);
                fputs("\n\n", emit_file);
            } else {
                put_jsonl(emit_file, name, &art);
            }
            bytes += art.len;
            articles++;
        }
        if (fclose(emit_file) != 0)
            die("%s: write failed", emit);
        printf("%s: %.1f MB, %zu articles\n", emit, (double)bytes / 1e6, articles);
        return 0;
    }
    check(ag_ctx_new(&ctx), NULL, "context");
    check(ag_lexicon_new(&lex, ctx), ctx, "lexicon");
    check(ag_graph_new(&all, ctx), ctx, "graph");
    if (parse) {
        t0 = now(CLOCK_MONOTONIC);
        check(ag_nlp_model_builtin(&nlp, ctx), ctx, "language model");
        printf("model load    %.3f s\n", now(CLOCK_MONOTONIC) - t0);
        xopts.nlp = nlp;
    }

    /* Articles are generated one at a time, outside the timed region, and
     * processed as the CLI does: document, text, extraction, merge. */
    while ((double)bytes < mb * 1e6) {
        ag_doc *doc;
        ag_text *text;
        ag_graph *part;

        if (real) {
            art.len = 0;
            sb_add(&art, real[articles % n_real], strlen(real[articles % n_real]));
        } else {
            make_article(&art, &c);
        }
        snprintf(name, sizeof(name), "bench-%06zu.txt", articles);
        t0 = now(CLOCK_MONOTONIC);
        c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        check(ag_doc_new(&doc, ctx, name, art.p, art.len), ctx, name);
        check(ag_text_analyze(&text, ctx, doc, lex), ctx, name);
        check(ag_extract(&part, ctx, lex, text, &xopts), ctx, name);
        t_text += now(CLOCK_MONOTONIC) - t0;
        c_text += now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        /* the tagger and parser alone, over every sentence (extraction
         * parses only those that can hold a relation) */
        if (nlp) {
            size_t k, w;
            if (text->n_tokens > forms_cap) {
                forms_cap = text->n_tokens * 2;
                if (!(forms = realloc(forms, forms_cap * sizeof *forms)))
                    die("out of memory");
            }
            for (w = 0; w < text->n_tokens; w++)
                forms[w] = text->tokens[w].norm;
            t0 = now(CLOCK_MONOTONIC);
            for (k = 0; k < text->n_sentences; k++) {
                const ag_sentence *se = &text->sentences[k];
                check(ag_nlp_sentence_reset(&ps, ctx, forms + se->first, se->count), ctx, name);
                check(ag_nlp_analyze(nlp, ctx, &ps), ctx, name);
                parsed_tokens += se->count;
            }
            t_parse += now(CLOCK_MONOTONIC) - t0;
        }
        t0 = now(CLOCK_MONOTONIC);
        check(ag_graph_add_document(all, ctx, name, NULL, NULL, NULL), ctx, name);
        check(ag_graph_merge(all, ctx, part), ctx, name);
        t_merge += now(CLOCK_MONOTONIC) - t0;
        sentences += text->n_sentences;
        bytes += art.len;
        articles++;
        ag_graph_free(part);
        ag_text_free(text);
        ag_doc_free(doc);
    }
    if (real)
        printf("corpus        %.1f MB, %zu articles, %zu sentences (the %zu articles of %s, repeated)\n",
               (double)bytes / 1e6, articles, sentences, n_real, articles_dir);
    else
        printf("corpus        %.1f MB, %zu articles, %zu sentences (templates + %zu example paragraphs, %zu names)\n",
               (double)bytes / 1e6, articles, sentences, c.n_paragraphs, n_names);
    printf("text+extract  %.2f s wall, %.2f s cpu: %.1f MB/s, %.0f sentences/s (one core)\n", t_text, c_text,
           (double)bytes / 1e6 / t_text, (double)sentences / t_text);
    if (nlp)
        printf("tag+parse     %.2f s: %.0f tokens/s over all %zu tokens (one core)\n", t_parse,
               (double)parsed_tokens / t_parse, parsed_tokens);
    printf("merge         %.2f s\n", t_merge);

    t0 = now(CLOCK_MONOTONIC);
    check(ag_graph_finalize(all, ctx), ctx, "finalize");
    printf("finalize      %.2f s (%zu actors, %zu edges)\n", now(CLOCK_MONOTONIC) - t0,
           ag_graph_actor_count(all), ag_graph_edge_count(all));

    for (int f = 0; f < AG_FORMAT_COUNT_; f++) {
        char *out = NULL;
        size_t len = 0;
        if (!svg && (f == AG_FORMAT_SVG || f == AG_FORMAT_HTML || f == AG_FORMAT_PNG || f == AG_FORMAT_PDF))
            continue;
        t0 = now(CLOCK_MONOTONIC);
        check(ag_export(&out, &len, ctx, all, (ag_format)f, NULL), ctx, ag_format_name((ag_format)f));
        printf("export %-7s %.2f s (%.1f MB%s%s)\n", ag_format_name((ag_format)f), now(CLOCK_MONOTONIC) - t0,
               (double)len / 1e6, f == AG_FORMAT_SVG ? ", layout " : "",
               f == AG_FORMAT_SVG ? ag_export_default_layout(all) : "");
        free(out);
    }

    ag_graph_free(all);
    ag_lexicon_free(lex);
    ag_nlp_sentence_release(&ps);
    ag_nlp_model_free(nlp);
    free(forms);
    ag_ctx_free(ctx);
    for (size_t i = 0; i < c.n_paragraphs; i++)
        free(c.paragraphs[i]);
    for (size_t i = 0; i < c.n_names; i++)
        free(c.names[i]);
    free(c.paragraphs);
    free(c.names);
    free(art.p);
    return 0;
}
