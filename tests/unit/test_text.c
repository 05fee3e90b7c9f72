/* actorgraph tests: the text stage (UTF-8 check, tokens, sentences, page
 * furniture), on short texts written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "check.h"

static ag_ctx *ctx;
static ag_lexicon *lex;

static ag_text *analyze(const char *s, ag_doc **doc)
{
    ag_text *t = NULL;
    AG_CHECK(ag_doc_new(doc, ctx, "test.txt", s, strlen(s)) == AG_OK);
    AG_CHECK(ag_text_analyze(&t, ctx, *doc, lex) == AG_OK);
    return t;
}

static const char *sentence_text(const ag_text *t, size_t i, char *buf, size_t cap)
{
    size_t len;
    const char *b = ag_doc_bytes(t->doc, &len);
    size_t n = t->sentences[i].end - t->sentences[i].start;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, b + t->sentences[i].start, n);
    buf[n] = '\0';
    return buf;
}

static void test_text_utf8__rejects_bad_bytes_with_offset(void)
{
    ag_doc *doc = NULL;
    const char bad[] = "Fine line\nthen \xC3\x28 broken";
    AG_CHECK_INT(ag_text_utf8_check("caf\xC3\xA9", 5), -1);
    AG_CHECK_INT(ag_text_utf8_check("\xED\xA0\x80", 3), 0);       /* surrogate */
    AG_CHECK_INT(ag_text_utf8_check("ab\xC0\xAF", 4), 2);          /* overlong */
    AG_CHECK_INT(ag_text_utf8_check("ab\xF4\x90\x80\x80", 6), 2);  /* past U+10FFFF */
    AG_CHECK_INT(ag_text_utf8_check("abc\xE2\x82", 5), 3);         /* truncated */
    AG_CHECK(ag_doc_new(&doc, ctx, "bad.txt", bad, sizeof(bad) - 1) == AG_EPARSE);
    AG_CHECK(doc == NULL);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "bad.txt:2") != NULL);
    AG_CHECK(strstr(ag_ctx_errmsg(ctx), "byte 15") != NULL);
}

static void test_text_tokens__possessives_hyphens_abbreviations(void)
{
    ag_doc *doc;
    ag_text *t = analyze("Japan\xE2\x80\x99s envoy met Lee Min-ho in the U.S. capital.", &doc);
    size_t i;
    int poss = 0, hyph = 0, us = 0;
    for (i = 0; t && i < t->n_tokens; i++) {
        poss |= (t->tokens[i].flags & AG_TOK_POSS) && !strcmp(t->tokens[i].norm, "'s");
        hyph |= !strcmp(t->tokens[i].norm, "Min-ho") && (t->tokens[i].flags & AG_TOK_HYPHEN);
        us |= !strcmp(t->tokens[i].norm, "U.S.") && (t->tokens[i].flags & AG_TOK_ABBREV);
    }
    AG_CHECK(t && !strcmp(t->tokens[0].norm, "Japan"));
    AG_CHECK(poss);
    AG_CHECK(hyph);
    AG_CHECK(us);
    /* the span of the typographic possessive covers the original 3-byte apostrophe */
    AG_CHECK(t && t->tokens[1].end - t->tokens[1].start == 4);
    AG_CHECK_INT(t ? t->n_sentences : 0, 1);
    ag_text_free(t);
    ag_doc_free(doc);
}

/* "China-U.S. ties": the abbreviation after a hyphen neither splits the
 * sentence nor glues to the word before it */
static void test_text_tokens__abbreviation_after_hyphen(void)
{
    ag_doc *doc;
    ag_text *t = analyze("Wang said China-U.S. ties had stabilised. The U.S.-brokered deal held.", &doc);
    size_t i;
    int china = 0, us = 0;
    for (i = 0; t && i < t->n_tokens; i++) {
        china |= !strcmp(t->tokens[i].norm, "China");
        us += !strcmp(t->tokens[i].norm, "U.S.");
    }
    AG_CHECK(china);
    AG_CHECK_INT(us, 2);
    AG_CHECK_INT(t ? t->n_sentences : 0, 2);
    ag_text_free(t);
    ag_doc_free(doc);
}

static void test_text_sentences__abbreviations_and_initials(void)
{
    ag_doc *doc;
    char buf[256];
    ag_text *t = analyze("Mr. Smith met Gen. Ortiz on Jan. 5 in Washington. John F. Kennedy was not there. "
                         "\"Will you come?\" she asked. The talks ended.", &doc);
    AG_CHECK_INT(t ? t->n_sentences : 0, 4);
    if (t && t->n_sentences == 4) {
        AG_CHECK_STR(sentence_text(t, 0, buf, sizeof(buf)), "Mr. Smith met Gen. Ortiz on Jan. 5 in Washington.");
        AG_CHECK_STR(sentence_text(t, 1, buf, sizeof(buf)), "John F. Kennedy was not there.");
        AG_CHECK_STR(sentence_text(t, 2, buf, sizeof(buf)), "\"Will you come?\" she asked.");
    }
    ag_text_free(t);
    ag_doc_free(doc);
}

static void test_text_lines__headlines_and_hard_wraps(void)
{
    ag_doc *doc;
    char buf[256];
    ag_text *t = analyze("Ministers Meet in Geneva\n"
                         "The foreign ministers of the two countries met on Friday in Geneva, where\n"
                         "they discussed the border dispute that has soured relations for a decade and\n"
                         "agreed to meet again in the spring, officials from both delegations said.\n", &doc);
    AG_CHECK_INT(t ? t->n_sentences : 0, 2);
    if (t && t->n_sentences == 2) {
        AG_CHECK(t->sentences[0].headline);
        AG_CHECK(!t->sentences[1].headline);
        AG_CHECK(strstr(sentence_text(t, 1, buf, sizeof(buf)), "officials from both delegations said.") != NULL);
    }
    ag_text_free(t);
    ag_doc_free(doc);
}

static void test_text_furniture__dropped_by_general_rules(void)
{
    ag_doc *doc;
    size_t i;
    char buf[512];
    ag_text *t = analyze("examplenews.com\n\n"
                         "THE DAILY EXAMPLE | Published March 3, 2024\n"
                         "Officials in Lima announced a new budget on Monday.\n"
                         "Related:\n"
                         "READ FULL ARTICLE\n"
                         "Leave a Reply\n"
                         "Maria Gomez\n\n"
                         "Maria Gomez is a respected journalist with twenty years of experience.\n", &doc);
    AG_CHECK_INT(t ? t->n_sentences : 0, 1);
    AG_CHECK(t && t->dropped_lines >= 5);
    for (i = 0; t && i < t->n_sentences; i++)
        AG_CHECK(strstr(sentence_text(t, i, buf, sizeof(buf)), "Gomez") == NULL);
    AG_CHECK_STR(t ? t->published : NULL, "2024-03-03");
    ag_text_free(t);
    ag_doc_free(doc);
}

/* a name alone on its line, then a reading time or a date: a byline, even
 * with no biography to confirm it */
static void test_text_furniture__byline_before_reading_time(void)
{
    ag_doc *doc;
    size_t i;
    char buf[512];
    ag_text *t = analyze("Council delays harbour vote again\n\n"
                         "Tomas Berg\n\n"
                         "3 min read\n\n"
                         "The council postponed the harbour vote for a third time on Tuesday.\n", &doc);
    AG_CHECK(t && t->n_sentences >= 1);
    for (i = 0; t && i < t->n_sentences; i++)
        AG_CHECK(strstr(sentence_text(t, i, buf, sizeof(buf)), "Berg") == NULL);
    ag_text_free(t);
    ag_doc_free(doc);
}

/* A wire dateline is no part of the first sentence; a dash or colon in
 * running text or a headline's label is left alone. */
/* A wire dateline is a sentence of its own (its agency is named), never
 * part of the story's first sentence, which is the last one here. */
static void test_text_datelines__apart_from_the_story(void)
{
    static const struct { const char *text, *first; } cases[] = {
        {"OSLO (AFP) \xE2\x80\x93 Norway's parliament voted on Monday.", "Norway's parliament voted on Monday."},
        {"Quito [Ecuador], March 4 : The two sides agreed to talk.", "The two sides agreed to talk."},
        {"HANOI, Jan. 9 (VNA) -- Officials met in the morning.", "Officials met in the morning."},
        {"NAIROBI \xE2\x80\x94 The court ruled on Friday.", "The court ruled on Friday."},
        {"LISBON, May 2. /TASS/. The ministers met at noon.", "The ministers met at noon."},
        {"MAPUTO Jan 6 The spokesman was arrested.", "The spokesman was arrested."},
        {"The vote on May 3 was delayed.", "The vote on May 3 was delayed."},
        {"Exports rose 4 percent / year, officials said.", "Exports rose 4 percent / year, officials said."},
        {"NATO: allies agree to send more troops.", "NATO: allies agree to send more troops."},
        {"Kestrel \xE2\x80\x93 the grocer \xE2\x80\x93 said it would appeal.",
         "Kestrel \xE2\x80\x93 the grocer \xE2\x80\x93 said it would appeal."},
        {"The vote - the third this year - failed.", "The vote - the third this year - failed."},
    };
    size_t k;
    char buf[256];

    for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        ag_doc *doc = NULL;
        ag_text *t = analyze(cases[k].text, &doc);
        AG_CHECK(t && t->n_sentences >= 1);
        if (t && t->n_sentences >= 1)
            AG_CHECK_STR(sentence_text(t, t->n_sentences - 1, buf, sizeof buf), cases[k].first);
        ag_text_free(t);
        ag_doc_free(doc);
    }
}

/* Words between quotation marks carry AG_TOK_QUOTED; the marks and the
 * words outside do not. */
static void test_text_tokens__quoted_words(void)
{
    ag_doc *doc = NULL;
    ag_text *t = analyze("\"We agree,\" Lena Varga said.", &doc);
    size_t i;
    int we = -1, lena = -1, mark = -1;

    for (i = 0; t && i < t->n_tokens; i++) {
        if (!strcmp(t->tokens[i].norm, "We"))
            we = (int)i;
        if (!strcmp(t->tokens[i].norm, "Lena"))
            lena = (int)i;
        if (mark < 0 && (t->tokens[i].flags & AG_TOK_QUOTE))
            mark = (int)i;
    }
    AG_CHECK(we >= 0 && lena >= 0 && mark >= 0);
    if (we >= 0 && lena >= 0 && mark >= 0) {
        AG_CHECK(t->tokens[we].flags & AG_TOK_QUOTED);
        AG_CHECK(!(t->tokens[lena].flags & AG_TOK_QUOTED));
        AG_CHECK(!(t->tokens[mark].flags & AG_TOK_QUOTED));
    }
    ag_text_free(t);
    ag_doc_free(doc);
}

/* A furniture phrase drops a short line of page chrome, never running text
 * that holds it: a whole article on one line (as scraped JSONL has it) keeps
 * every sentence. */
static void test_text_furniture__phrase_never_drops_running_text(void)
{
    ag_doc *doc = NULL;
    ag_text *t = analyze("Supported by readers like you.\n\nThe envoy arrived on Monday.", &doc);
    AG_CHECK(t && t->n_sentences == 1 && t->dropped_lines == 1);
    ag_text_free(t);
    ag_doc_free(doc);
    t = analyze("The envoy arrived in Lima on Monday for two days of talks on trade and fishing rights. "
                "Officials said the visit, covered by a site supported by readers like you, went well. "
                "A second round of talks is planned for June in the capital, the ministry said on Tuesday.",
                &doc);
    AG_CHECK(t && t->n_sentences == 3 && t->dropped_lines == 0);
    ag_text_free(t);
    ag_doc_free(doc);
}

/* The date a text states must be a day of the calendar ("February 30" is none). */
static void test_text_dates__calendar_days_only(void)
{
    ag_doc *doc = NULL;
    ag_text *t = analyze("Published February 29, 2024\n\nThe envoy arrived.", &doc);
    AG_CHECK(t && t->published && !strcmp(t->published, "2024-02-29"));
    ag_text_free(t);
    ag_doc_free(doc);
    t = analyze("Published February 30, 2025\n\nThe envoy arrived.", &doc);
    AG_CHECK(t && !t->published);
    ag_text_free(t);
    ag_doc_free(doc);
}

int main(void)
{
    if (ag_ctx_new(&ctx) || ag_lexicon_new(&lex, ctx)) {
        fprintf(stderr, "setup failed: %s\n", ag_ctx_errmsg(ctx));
        return 1;
    }
    AG_RUN(test_text_utf8__rejects_bad_bytes_with_offset);
    AG_RUN(test_text_tokens__possessives_hyphens_abbreviations);
    AG_RUN(test_text_tokens__abbreviation_after_hyphen);
    AG_RUN(test_text_sentences__abbreviations_and_initials);
    AG_RUN(test_text_lines__headlines_and_hard_wraps);
    AG_RUN(test_text_furniture__dropped_by_general_rules);
    AG_RUN(test_text_furniture__byline_before_reading_time);
    AG_RUN(test_text_datelines__apart_from_the_story);
    AG_RUN(test_text_tokens__quoted_words);
    AG_RUN(test_text_furniture__phrase_never_drops_running_text);
    AG_RUN(test_text_dates__calendar_days_only);
    ag_lexicon_free(lex);
    ag_ctx_free(ctx);
    return AG_TEST_END();
}
