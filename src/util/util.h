/* actorgraph: small containers the modules share: a growable byte buffer,
 * a string-keyed hash map, an arena for many small strings, and the name key
 * under which actor names are compared. */
#ifndef AG_UTIL_H
#define AG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "actorgraph/error.h"

/* ---- growable buffer (always NUL-terminated once non-empty) ---- */

/* Where a streaming buffer sends its bytes; 0 on success. */
typedef int (*ag_buf_sink)(void *user, const char *data, size_t len);

typedef struct ag_buf {
    char *data;
    size_t len, cap;
    /* With a sink, the bytes written so far go to it whenever they pass
     * AG_BUF_FLUSH_AT, so a writer holds a chunk, not its whole output; a
     * writer may then only append (never read back or patch earlier bytes). */
    ag_buf_sink sink;
    void *sink_user;
    int sink_failed;
} ag_buf;

#define AG_BUF_INIT {NULL, 0, 0, NULL, NULL, 0}
#define AG_BUF_FLUSH_AT ((size_t)1 << 16)
/* Send what is buffered to the sink (no-op without one); AG_OK or AG_EIO. */
int ag_buf_flush(ag_buf *b);
int ag_buf_reserve(ag_buf *b, size_t extra);
int ag_buf_append(ag_buf *b, const char *s, size_t n);
int ag_buf_puts(ag_buf *b, const char *s);
int ag_buf_putc(ag_buf *b, char c);
int ag_buf_printf(ag_buf *b, const char *fmt, ...) AG_PRINTF(2, 3);
/* Hand the bytes to the caller (who frees them) and reset the buffer. */
char *ag_buf_detach(ag_buf *b, size_t *len);
void ag_buf_free(ag_buf *b);

/* ---- hash map from NUL-terminated string to size_t; keys are copied ---- */
typedef struct ag_strmap {
    char **keys;
    size_t *vals;
    uint64_t *hashes;
    size_t cap, count;
} ag_strmap;

#define AG_STRMAP_INIT {NULL, NULL, NULL, 0, 0}
uint64_t ag_hash_bytes(const void *p, size_t n);
/* Insert or overwrite. AG_OK or AG_ENOMEM. */
int ag_strmap_put(ag_strmap *m, const char *key, size_t val);
/* 1 and *val if found, else 0. */
int ag_strmap_get(const ag_strmap *m, const char *key, size_t *val);
/* The same with the key's ag_hash_bytes() already known (tokens carry it). */
int ag_strmap_get_hashed(const ag_strmap *m, const char *key, uint64_t hash, size_t *val);
void ag_strmap_free(ag_strmap *m);

/* ---- pool of shared, reference-counted strings ---- */
/* A graph holds the same sentence as evidence of several relations and the
 * same rule name thousands of times: one copy each, freed with its last user. */
typedef struct ag_strpool_entry ag_strpool_entry;
typedef struct ag_strpool {
    ag_strpool_entry **slots; /* open addressing, linear probing */
    size_t cap, count;
} ag_strpool;

#define AG_STRPOOL_INIT {NULL, 0, 0}
/* The pooled copy of s[0..n) with one more reference; NULL on ENOMEM. */
const char *ag_strpool_ref(ag_strpool *p, const char *s, size_t n);
/* One more reference to a string the pool returned. */
const char *ag_strpool_dup(const char *pooled);
/* Drop a reference (NULL is a no-op); the copy goes with the last one. */
void ag_strpool_unref(ag_strpool *p, const char *pooled);
/* Free every copy, referenced or not. */
void ag_strpool_free(ag_strpool *p);

/* ---- arena of strings, freed at once ---- */
typedef struct ag_arena_block ag_arena_block;
typedef struct ag_arena {
    ag_arena_block *head;
} ag_arena;

#define AG_ARENA_INIT {NULL}
void *ag_arena_alloc(ag_arena *a, size_t n);
char *ag_arena_strndup(ag_arena *a, const char *s, size_t n);
void ag_arena_free(ag_arena *a);

/* ---- names ---- */
/* The key two names are compared under: NFKC-ish case-folded letters and
 * digits only, a leading "the "/"mr "/"mrs "/"ms "/"dr " dropped (the same
 * rule as shared/tools/score-graph).  Writes into a malloc'ed string; NULL on
 * ENOMEM. */
char *ag_name_key(const char *name);

/* Remove control characters (except tab, LF, CR) and collapse runs of
 * whitespace to one space; malloc'ed, NULL on ENOMEM. */
char *ag_clean_text(const char *s, size_t n);

/* strdup that returns NULL for NULL. */
char *ag_strdup(const char *s);

#endif
