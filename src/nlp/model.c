/* actorgraph: the model file (a text header naming its treebank, license and
 * command, then little-endian binary sections) and the built-in copy that
 * the build embeds.  The reader checks every length against the bytes left. */
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_internal.h"
#include "util/ctx_internal.h"

#define MAGIC "actorgraph-nlp-model 1\n"

extern const unsigned char ag_nlp_builtin_model[];
extern const unsigned char ag_nlp_builtin_model_end[];

int ag_nlp__model_new(ag_nlp_model **out)
{
    ag_nlp_model *m = calloc(1, sizeof *m);

    *out = m;
    return m ? AG_OK : AG_ENOMEM;
}

void ag_nlp_model_free(ag_nlp_model *m)
{
    if (!m)
        return;
    ag_strmap_free(&m->lemma_exceptions);
    ag_strmap_free(&m->lemma_rules);
    free(m->exception_lemmas);
    free(m->rules);
    ag_nlp__weights_free(&m->tagger);
    ag_nlp__weights_free(&m->parser);
    free(m->cluster_slots);
    free(m->cluster_words);
    free(m->cluster_codes);
    ag_arena_free(&m->strings);
    free(m);
}

/* The slot of @p word (length @p len, hash @p h): its entry or the empty
 * slot where it would go.  The table is kept under half full. */
static uint32_t *cluster_slot(const ag_nlp_model *m, const char *word, size_t len, uint64_t h)
{
    size_t i = (size_t)h & m->cluster_mask;

    while (m->cluster_slots[i]) {
        const char *w = m->cluster_words[m->cluster_slots[i] - 1];
        if (!strncmp(w, word, len) && !w[len])
            break;
        i = (i + 1) & m->cluster_mask;
    }
    return &m->cluster_slots[i];
}

static int cluster_rehash(ag_nlp_model *m, size_t cap)
{
    size_t k;

    free(m->cluster_slots);
    if (!(m->cluster_slots = calloc(cap, sizeof *m->cluster_slots)))
        return AG_ENOMEM;
    m->cluster_mask = cap - 1;
    for (k = 0; k < m->n_clusters; k++) {
        const char *w = m->cluster_words[k];
        size_t len = strlen(w);
        *cluster_slot(m, w, len, ag_hash_bytes(w, len)) = (uint32_t)k + 1;
    }
    return AG_OK;
}

int ag_nlp__model_add_cluster(ag_nlp_model *m, const char *word, uint32_t code)
{
    size_t len = strlen(word);
    uint32_t *slot;
    char *copy;

    if (m->n_clusters == m->cap_clusters) {
        size_t cap = m->cap_clusters ? m->cap_clusters * 2 : 1024;
        char **w = realloc(m->cluster_words, cap * sizeof *w);
        uint32_t *c;
        if (!w)
            return AG_ENOMEM;
        m->cluster_words = w;
        if (!(c = realloc(m->cluster_codes, cap * sizeof *c)))
            return AG_ENOMEM;
        m->cluster_codes = c;
        m->cap_clusters = cap;
        if (cluster_rehash(m, cap * 2))
            return AG_ENOMEM;
    }
    slot = cluster_slot(m, word, len, ag_hash_bytes(word, len));
    if (*slot) { /* a word twice: the later class wins, as in a map */
        m->cluster_codes[*slot - 1] = code;
        return AG_OK;
    }
    if (!(copy = ag_arena_strndup(&m->strings, word, len)))
        return AG_ENOMEM;
    m->cluster_words[m->n_clusters] = copy;
    m->cluster_codes[m->n_clusters++] = code;
    *slot = (uint32_t)m->n_clusters;
    return AG_OK;
}

uint32_t ag_nlp__cluster_of(const ag_nlp_model *m, const char *form)
{
    char buf[64];
    size_t i;
    uint32_t slot;

    if (!m->n_clusters)
        return 0;
    for (i = 0; form[i]; i++) {
        if (i + 1 >= sizeof buf)
            return 0; /* longer than any word with a class */
        buf[i] = ag_nlp__to_lower((unsigned char)form[i]);
    }
    buf[i] = 0;
    slot = *cluster_slot(m, buf, i, ag_hash_bytes(buf, i));
    return slot ? m->cluster_codes[slot - 1] : 0;
}

const char *ag_nlp_model_about(const ag_nlp_model *m)
{
    return m->about ? m->about : "";
}

const char *ag_nlp_xpos_name(const ag_nlp_model *m, int xpos)
{
    return xpos >= 0 && (unsigned)xpos < m->n_xpos ? m->xpos_names[xpos] : "_";
}

const char *ag_nlp_deprel_name(const ag_nlp_model *m, int deprel)
{
    return deprel >= 0 && (unsigned)deprel < m->n_deprels ? m->deprel_names[deprel] : "_";
}

int ag_nlp_deprel_index(const ag_nlp_model *m, const char *name)
{
    unsigned i;

    for (i = 0; i < m->n_deprels; i++)
        if (!strcmp(m->deprel_names[i], name))
            return (int)i;
    return -1;
}

/* ---- writing ---- */

static void put_u32(FILE *f, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}

static void put_str(FILE *f, const char *s)
{
    size_t n = strlen(s);
    unsigned char len = (unsigned char)(n > 255 ? 255 : n);
    fputc(len, f);
    fwrite(s, 1, len, f);
}

/* A row's (class, weight) pairs, dense or sparse; returns how many. */
static uint32_t row_pairs(const ag_nlp_weights *wt, const ag_nlp_slot *sl, uint8_t *cls, int16_t *w)
{
    uint32_t j, n = 0;

    if (sl->len == AG_NLP_DENSE) {
        for (j = 0; j < wt->n_classes; j++)
            if (wt->dense[sl->start + j])
                cls[n] = (uint8_t)j, w[n++] = wt->dense[sl->start + j];
        return n;
    }
    for (j = sl->start; j < (uint32_t)sl->start + (uint32_t)sl->len; j++)
        cls[n] = wt->entries[j].cls, w[n++] = wt->entries[j].w;
    return n;
}

static void put_weights(FILE *f, const ag_nlp_weights *wt)
{
    uint8_t cls[256];
    int16_t w[256];
    uint32_t s, j, rows = 0, entries = 0;

    for (s = 0; s < wt->cap; s++) {
        uint32_t n = wt->slots[s].key ? row_pairs(wt, &wt->slots[s], cls, w) : 0;
        rows += n > 0;
        entries += n;
    }
    put_u32(f, wt->n_classes);
    put_u32(f, rows);
    put_u32(f, entries);
    for (s = 0; s < wt->cap; s++) {
        uint32_t n = wt->slots[s].key ? row_pairs(wt, &wt->slots[s], cls, w) : 0;
        if (!n)
            continue;
        put_u32(f, wt->slots[s].key);
        fputc((int)(n & 0xff), f);
        fputc((int)(n >> 8), f);
        for (j = 0; j < n; j++) {
            fputc(cls[j], f);
            fputc((uint16_t)w[j] & 0xff, f);
            fputc((uint16_t)w[j] >> 8, f);
        }
    }
}

int ag_nlp__model_write(const ag_nlp_model *m, FILE *f)
{
    unsigned i;
    size_t k;

    fputs(MAGIC, f);
    fputs(m->about ? m->about : "", f);
    fputc('\n', f); /* a blank line ends the header */
    fputc(0, f);
    put_u32(f, m->n_xpos);
    for (i = 0; i < m->n_xpos; i++)
        put_str(f, m->xpos_names[i]);
    put_u32(f, m->n_tags);
    for (i = 0; i < m->n_tags; i++) {
        fputc(m->tag_upos[i], f);
        fputc(m->tag_xpos[i], f);
    }
    put_u32(f, m->n_deprels);
    for (i = 0; i < m->n_deprels; i++)
        put_str(f, m->deprel_names[i]);
    put_u32(f, m->max_suffix);
    put_u32(f, (uint32_t)m->n_rules);
    for (k = 0; k < m->n_rules; k++) {
        put_str(f, m->rules[k].suffix);
        fputc(m->rules[k].tag, f);
        fputc(m->rules[k].strip, f);
        put_str(f, m->rules[k].append);
    }
    /* exceptions: "form\ttag" keys in the map's slot order are not stable
     * across builds, so they are written from the trainer's ordered list */
    put_u32(f, (uint32_t)m->n_exceptions);
    for (k = 0; k < m->n_exceptions; k++)
        put_str(f, m->exception_lemmas[k]);
    put_weights(f, &m->tagger);
    put_weights(f, &m->parser);
    put_u32(f, (uint32_t)m->n_clusters);
    for (k = 0; k < m->n_clusters; k++) {
        put_str(f, m->cluster_words[k]);
        put_u32(f, m->cluster_codes[k]);
    }
    return ferror(f) ? AG_EIO : AG_OK;
}

/* ---- reading ---- */

typedef struct reader {
    const unsigned char *p, *base;
    size_t left;
    int bad;
} reader;

static uint32_t get_u32(reader *r)
{
    uint32_t v;

    if (r->left < 4) {
        r->bad = 1;
        return 0;
    }
    v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4, r->left -= 4;
    return v;
}

static unsigned get_u8(reader *r)
{
    if (r->left < 1) {
        r->bad = 1;
        return 0;
    }
    r->left--;
    return *r->p++;
}

static char *get_str(reader *r, ag_arena *a)
{
    unsigned n = get_u8(r);
    char *s;

    if (r->bad || r->left < n) {
        r->bad = 1;
        return NULL;
    }
    s = ag_arena_strndup(a, (const char *)r->p, n);
    r->p += n, r->left -= n;
    if (!s)
        r->bad = 2;
    return s;
}

static int get_weights(reader *r, ag_nlp_weights *wt)
{
    uint32_t rows, entries, cap = 1, i, e = 0;

    memset(wt, 0, sizeof *wt);
    wt->n_classes = get_u32(r);
    rows = get_u32(r);
    entries = get_u32(r);
    /* each row takes at least 6 bytes and each entry 3: refuse sizes the
     * bytes cannot hold before allocating for them */
    if (r->bad || wt->n_classes == 0 || wt->n_classes > 256 || rows > r->left / 6 ||
        entries > r->left / 3)
        return r->bad = 1, AG_EPARSE;
    while (cap < rows + rows / 2 + 2)
        cap <<= 1;
    wt->cap = cap;
    if (entries > AG_NLP_MAX_START)
        return r->bad = 1, AG_EPARSE;
    wt->slots = ag_nlp__big_calloc(cap, sizeof *wt->slots);
    wt->entries = ag_nlp__big_calloc((size_t)entries + 1, sizeof *wt->entries);
    if (!wt->slots || !wt->entries)
        return AG_ENOMEM;
    for (i = 0; i < rows && !r->bad; i++) {
        uint32_t key = get_u32(r), s, len, j;

        len = get_u8(r);
        len |= get_u8(r) << 8;
        if (r->bad || !key || len >= AG_NLP_DENSE || len > entries - e || (size_t)len * 3 > r->left)
            return r->bad = 1, AG_EPARSE;
        s = ag_nlp__slot(wt, key);
        if (wt->slots[s].key)
            return r->bad = 1, AG_EPARSE; /* a key twice */
        wt->slots[s].key = key;
        wt->slots[s].start = e;
        wt->slots[s].len = len;
        for (j = 0; j < len; j++, e++) {
            unsigned c = get_u8(r);
            uint16_t w = (uint16_t)get_u8(r);
            w |= (uint16_t)(get_u8(r) << 8);
            if (c >= wt->n_classes)
                return r->bad = 1, AG_EPARSE;
            wt->entries[e].cls = (uint8_t)c;
            wt->entries[e].w = (int16_t)w;
        }
    }
    wt->n_rows = rows;
    wt->n_entries = e;
    if (r->bad)
        return AG_EPARSE;
    return ag_nlp__weights_densify(wt);
}

static int read_model(ag_nlp_model *m, reader *r)
{
    const unsigned char *nul;
    uint32_t i, n;
    char key[300];
    int rc;

    if (r->left < sizeof MAGIC - 1 || memcmp(r->p, MAGIC, sizeof MAGIC - 1))
        return AG_EPARSE;
    nul = memchr(r->p, 0, r->left);
    if (!nul)
        return AG_EPARSE;
    {
        /* the header ends with a blank line the writer adds back */
        size_t len = (size_t)(nul - r->p) - (sizeof MAGIC - 1);
        const char *text = (const char *)r->p + sizeof MAGIC - 1;
        if (len && text[len - 1] == '\n')
            len--;
        m->about = ag_arena_strndup(&m->strings, text, len);
    }
    if (!m->about)
        return AG_ENOMEM;
    r->left -= (size_t)(nul + 1 - r->p);
    r->p = nul + 1;

    n = get_u32(r);
    if (n > AG_NLP_MAX_TAGS)
        return AG_EPARSE;
    for (m->n_xpos = 0; m->n_xpos < n; m->n_xpos++)
        if (!(m->xpos_names[m->n_xpos] = get_str(r, &m->strings)))
            return r->bad == 2 ? AG_ENOMEM : AG_EPARSE;
    n = get_u32(r);
    if (n > AG_NLP_MAX_TAGS || n == 0)
        return AG_EPARSE;
    m->n_tags = n;
    for (i = 0; i < n; i++) {
        m->tag_upos[i] = (uint8_t)get_u8(r);
        m->tag_xpos[i] = (uint8_t)get_u8(r);
        if (m->tag_upos[i] >= AG_UPOS_COUNT_ || m->tag_xpos[i] >= m->n_xpos)
            return AG_EPARSE;
    }
    n = get_u32(r);
    if (n > AG_NLP_MAX_DEPRELS || n == 0)
        return AG_EPARSE;
    for (m->n_deprels = 0; m->n_deprels < n; m->n_deprels++)
        if (!(m->deprel_names[m->n_deprels] = get_str(r, &m->strings)))
            return r->bad == 2 ? AG_ENOMEM : AG_EPARSE;
    m->max_suffix = get_u32(r);
    n = get_u32(r);
    if (r->bad || m->max_suffix > 16 || n > r->left / 4)
        return AG_EPARSE;
    m->rules = calloc((size_t)n + 1, sizeof *m->rules);
    if (!m->rules)
        return AG_ENOMEM;
    for (i = 0; i < n; i++) {
        ag_nlp_lemma_rule *rule = &m->rules[i];
        if (!(rule->suffix = get_str(r, &m->strings)))
            return r->bad == 2 ? AG_ENOMEM : AG_EPARSE;
        rule->tag = (uint8_t)get_u8(r);
        rule->strip = (uint8_t)get_u8(r);
        if (!(rule->append = get_str(r, &m->strings)))
            return r->bad == 2 ? AG_ENOMEM : AG_EPARSE;
        if (rule->tag >= m->n_tags)
            return AG_EPARSE;
        snprintf(key, sizeof key, "%s\t%u", rule->suffix, (unsigned)rule->tag);
        if (ag_strmap_put(&m->lemma_rules, key, i))
            return AG_ENOMEM;
    }
    m->n_rules = n;
    /* exceptions are stored as "form\ttag\tlemma" */
    n = get_u32(r);
    if (r->bad || n > r->left)
        return AG_EPARSE;
    m->exception_lemmas = calloc((size_t)n + 1, sizeof *m->exception_lemmas);
    if (!m->exception_lemmas)
        return AG_ENOMEM;
    for (i = 0; i < n; i++) {
        char *entry = get_str(r, &m->strings), *tab1, *tab2;
        if (!entry)
            return r->bad == 2 ? AG_ENOMEM : AG_EPARSE;
        tab1 = strchr(entry, '\t');
        tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2)
            return AG_EPARSE;
        m->exception_lemmas[i] = entry;
        *tab2 = 0; /* the key is "form\ttag"; the lemma follows */
        if (ag_strmap_put(&m->lemma_exceptions, entry, i))
            return AG_ENOMEM;
        *tab2 = '\t';
    }
    m->n_exceptions = n;
    if ((rc = get_weights(r, &m->tagger)) || (rc = get_weights(r, &m->parser)))
        return rc;
    if (m->tagger.n_classes != m->n_tags || m->parser.n_classes != 1 + 2 * m->n_deprels)
        return AG_EPARSE;
    n = get_u32(r);
    if (r->bad || n > r->left / 5)
        return AG_EPARSE;
    for (i = 0; i < n; i++) {
        unsigned len = get_u8(r);
        uint32_t code;
        if (r->bad || r->left < (size_t)len + 4 || !len)
            return AG_EPARSE;
        memcpy(key, r->p, len);
        key[len] = 0;
        r->p += len, r->left -= len;
        code = get_u32(r);
        if (!code || memchr(key, 0, len))
            return AG_EPARSE;
        if (ag_nlp__model_add_cluster(m, key, code))
            return AG_ENOMEM;
    }
    return r->bad || r->left ? AG_EPARSE : AG_OK;
}

int ag_nlp_model_load(ag_nlp_model **out, ag_ctx *ctx, const void *bytes, size_t len)
{
    reader r = {bytes, bytes, len, 0};
    int rc;

    *out = NULL;
    if ((rc = ag_nlp__model_new(out)))
        return ag_error_set(ctx, rc, "out of memory loading the language model");
    if ((rc = read_model(*out, &r))) {
        ag_nlp_model_free(*out);
        *out = NULL;
        if (rc == AG_ENOMEM)
            return ag_error_set(ctx, rc, "out of memory loading the language model");
        return ag_error_set_at(ctx, AG_EPARSE, "language model", 0, (long long)(r.p - r.base),
                               "not a valid actorgraph language model");
    }
    return AG_OK;
}

int ag_nlp_model_builtin(ag_nlp_model **out, ag_ctx *ctx)
{
    return ag_nlp_model_load(out, ctx, ag_nlp_builtin_model,
                             (size_t)(ag_nlp_builtin_model_end - ag_nlp_builtin_model));
}
