/* actorgraph: buffer, hash map, arena and name keys (see util.h). */
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

int ag_buf_flush(ag_buf *b)
{
    if (!b->sink || b->sink_failed)
        return b->sink_failed ? AG_EIO : AG_OK;
    if (b->len && b->sink(b->sink_user, b->data, b->len) != 0) {
        b->sink_failed = 1;
        return AG_EIO;
    }
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    return AG_OK;
}

int ag_buf_reserve(ag_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    /* a failed sink is an I/O error the writer reports as ENOMEM at worst;
     * ag_export_write() reads sink_failed to say which it was */
    if (b->sink && b->len >= AG_BUF_FLUSH_AT && ag_buf_flush(b))
        return AG_EIO;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return AG_OK;
    cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    p = realloc(b->data, cap);
    if (!p)
        return AG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return AG_OK;
}

int ag_buf_append(ag_buf *b, const char *s, size_t n)
{
    if (ag_buf_reserve(b, n))
        return AG_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return AG_OK;
}

int ag_buf_puts(ag_buf *b, const char *s)
{
    return ag_buf_append(b, s, strlen(s));
}

int ag_buf_putc(ag_buf *b, char c)
{
    return ag_buf_append(b, &c, 1);
}

int ag_buf_printf(ag_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || ag_buf_reserve(b, (size_t)n))
        return AG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return AG_OK;
}

char *ag_buf_detach(ag_buf *b, size_t *len)
{
    char *p = b->data;

    if (!p)
        p = calloc(1, 1);
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void ag_buf_free(ag_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* FNV-1a: short keys, good enough spread, no seed needed for determinism. */
uint64_t ag_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static size_t slot_of(const ag_strmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;

    while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
        i = (i + 1) & mask;
    return i;
}

static int strmap_grow(ag_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64, i;
    ag_strmap n = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)), calloc(cap, sizeof(uint64_t)), cap,
                   m->count};

    if (!n.keys || !n.vals || !n.hashes) {
        free(n.keys);
        free(n.vals);
        free(n.hashes);
        return AG_ENOMEM;
    }
    for (i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t s = slot_of(&n, m->keys[i], m->hashes[i]);
            n.keys[s] = m->keys[i];
            n.vals[s] = m->vals[i];
            n.hashes[s] = m->hashes[i];
        }
    }
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    *m = n;
    return AG_OK;
}

int ag_strmap_put(ag_strmap *m, const char *key, size_t val)
{
    uint64_t h = ag_hash_bytes(key, strlen(key));
    size_t s;

    if ((m->count + 1) * 2 > m->cap && strmap_grow(m))
        return AG_ENOMEM;
    s = slot_of(m, key, h);
    if (!m->keys[s]) {
        if (!(m->keys[s] = ag_strdup(key)))
            return AG_ENOMEM;
        m->hashes[s] = h;
        m->count++;
    }
    m->vals[s] = val;
    return AG_OK;
}

int ag_strmap_get_hashed(const ag_strmap *m, const char *key, uint64_t hash, size_t *val)
{
    size_t s;

    if (!m->cap)
        return 0;
    s = slot_of(m, key, hash);
    if (!m->keys[s])
        return 0;
    if (val)
        *val = m->vals[s];
    return 1;
}

int ag_strmap_get(const ag_strmap *m, const char *key, size_t *val)
{
    return ag_strmap_get_hashed(m, key, ag_hash_bytes(key, strlen(key)), val);
}

void ag_strmap_free(ag_strmap *m)
{
    size_t i;

    for (i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    m->keys = NULL;
    m->vals = NULL;
    m->hashes = NULL;
    m->cap = m->count = 0;
}

struct ag_arena_block {
    ag_arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

void *ag_arena_alloc(ag_arena *a, size_t n)
{
    ag_arena_block *b = a->head;
    size_t align = sizeof(max_align_t);
    char *p;

    n = (n + align - 1) / align * align;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        b = malloc(sizeof(*b) + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *ag_arena_strndup(ag_arena *a, const char *s, size_t n)
{
    char *p = ag_arena_alloc(a, n + 1);

    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void ag_arena_free(ag_arena *a)
{
    ag_arena_block *b = a->head, *next;

    for (; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
}

char *ag_strdup(const char *s)
{
    size_t n;
    char *p;

    if (!s)
        return NULL;
    n = strlen(s);
    p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* ag_name_key() for ASCII names: one pass, one allocation (this runs for
 * every mention and every alias). */
static char *ascii_name_key(const char *name, size_t n)
{
    static const char *const prefixes[] = {"the ", "mr. ", "mr ", "mrs. ", "mrs ", "ms. ", "ms ", "dr. ", "dr "};
    char *out = malloc(n + 1), *o = out;
    const char *s = name;
    size_t i, len;

    if (!out)
        return NULL;
    for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t k = strlen(prefixes[i]), j;
        if (k > n)
            continue;
        for (j = 0; j < k && ((name[j] >= 'A' && name[j] <= 'Z') ? name[j] + 32 : name[j]) == prefixes[i][j]; j++)
            ;
        if (j == k) {
            s += k;
            break;
        }
    }
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            *o++ = c;
    }
    *o = '\0';
    len = (size_t)(o - out);
    /* as below: doubled letters collapse in longer names */
    if (len >= 6) {
        char *r = out, *w = out;
        for (; *r; r++)
            if (w == out || *r != w[-1])
                *w++ = *r;
        *w = '\0';
    }
    return out;
}

char *ag_name_key(const char *name)
{
    utf8proc_uint8_t *folded = NULL;
    const char *s;
    char *out, *o;
    size_t i;
    static const char *const prefixes[] = {"the ", "mr. ", "mr ", "mrs. ", "mrs ", "ms. ", "ms ", "dr. ", "dr "};

    /* NFKC + casefold as shared/tools/score-graph does; marks are stripped too so
     * "José" and "Jose" meet. */
    for (s = name; *s && (unsigned char)*s < 0x80; s++)
        ;
    if (!*s)
        return ascii_name_key(name, (size_t)(s - name));
    if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
        folded = (utf8proc_uint8_t *)ag_strdup(name);
    if (!folded)
        return NULL;
    s = (const char *)folded;
    for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(s, prefixes[i], n) == 0) {
            s += n;
            break;
        }
    }
    out = malloc(strlen(s) + 1);
    if (!out) {
        free(folded);
        return NULL;
    }
    o = out;
    while (*s) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;
        utf8proc_category_t cat;
        if ((unsigned char)*s < 0x80) {
            char c = *s++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                *o++ = c;
            continue;
        }
        k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
        if (k <= 0) {
            s++;
            continue;
        }
        cat = utf8proc_category(cp);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
            memcpy(o, s, (size_t)k);
            o += k;
        }
        s += k;
    }
    *o = '\0';
    free(folded);
    /* Transliterations differ by a doubled letter (Zelensky / Zelenskyy); in
     * names long enough that a collision is unlikely, collapse doubled letters. */
    if (o - out >= 6) {
        char *r = out, *w = out;
        for (; *r; r++)
            if (w == out || *r != w[-1] || (unsigned char)*r >= 0x80)
                *w++ = *r;
        *w = '\0';
    }
    return out;
}

char *ag_clean_text(const char *s, size_t n)
{
    char *out = malloc(n + 1), *o = out;
    size_t i;
    int space = 0;

    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7f)
            continue;
        if (space && o != out)
            *o++ = ' ';
        space = 0;
        *o++ = (char)c;
    }
    *o = '\0';
    return out;
}

struct ag_strpool_entry {
    uint64_t hash;
    size_t refs, len;
    char text[];
};

static ag_strpool_entry *pool_entry(const char *pooled)
{
    return (ag_strpool_entry *)(void *)(pooled - offsetof(ag_strpool_entry, text));
}

static int pool_grow(ag_strpool *p)
{
    size_t cap = p->cap ? p->cap * 2 : 64, i, j;
    ag_strpool_entry **slots = calloc(cap, sizeof(*slots));

    if (!slots)
        return AG_ENOMEM;
    for (i = 0; i < p->cap; i++) {
        if (!p->slots[i])
            continue;
        for (j = p->slots[i]->hash & (cap - 1); slots[j]; j = (j + 1) & (cap - 1))
            ;
        slots[j] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->cap = cap;
    return AG_OK;
}

const char *ag_strpool_ref(ag_strpool *p, const char *s, size_t n)
{
    uint64_t h = ag_hash_bytes(s, n);
    ag_strpool_entry *e;
    size_t j;

    if ((p->count + 1) * 2 > p->cap && pool_grow(p))
        return NULL;
    for (j = h & (p->cap - 1); (e = p->slots[j]); j = (j + 1) & (p->cap - 1))
        if (e->hash == h && e->len == n && memcmp(e->text, s, n) == 0) {
            e->refs++;
            return e->text;
        }
    if (!(e = malloc(sizeof(*e) + n + 1)))
        return NULL;
    e->hash = h;
    e->refs = 1;
    e->len = n;
    memcpy(e->text, s, n);
    e->text[n] = '\0';
    p->slots[j] = e;
    p->count++;
    return e->text;
}

const char *ag_strpool_dup(const char *pooled)
{
    if (pooled)
        pool_entry(pooled)->refs++;
    return pooled;
}

void ag_strpool_unref(ag_strpool *p, const char *pooled)
{
    ag_strpool_entry *e;
    size_t j, k, home;

    if (!pooled || --(e = pool_entry(pooled))->refs)
        return;
    for (j = e->hash & (p->cap - 1); p->slots[j] != e; j = (j + 1) & (p->cap - 1))
        ;
    /* backward-shift deletion: later entries of the run move up so that no
     * lookup stops early at the hole */
    for (k = (j + 1) & (p->cap - 1); p->slots[k]; k = (k + 1) & (p->cap - 1)) {
        home = p->slots[k]->hash & (p->cap - 1);
        if (((k - home) & (p->cap - 1)) >= ((k - j) & (p->cap - 1))) {
            p->slots[j] = p->slots[k];
            j = k;
        }
    }
    p->slots[j] = NULL;
    p->count--;
    free(e);
}

void ag_strpool_free(ag_strpool *p)
{
    size_t i;

    for (i = 0; i < p->cap; i++)
        free(p->slots[i]);
    free(p->slots);
    p->slots = NULL;
    p->cap = p->count = 0;
}
