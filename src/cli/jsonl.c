/* actorgraph CLI: one JSONL record ({"id", "title", "date", "url", "source",
 * "text"}) from one line.  A small strict JSON reader: the CLI may use only
 * the library's public API, which has no general JSON parser, and a record
 * needs nothing beyond strings, a numeric id and skipping unknown values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Nesting allowed in values we skip; deeper input is refused, not recursed. */
#define MAX_DEPTH 64

typedef struct reader {
    const char *start, *p, *end;
    char *err;
    size_t errlen;
} reader;

static int fail(reader *r, const char *what)
{
    snprintf(r->err, r->errlen, "column %zu: %s", (size_t)(r->p - r->start) + 1, what);
    return AG_EPARSE;
}

static void skip_ws(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n'))
        r->p++;
}

static int hex4(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Read a string at r->p (which is '"').  With @p out, store a malloc'ed,
 * NUL-terminated copy with escapes decoded; without, only check it.  The
 * decoded form is never longer than the escaped one, so one allocation of
 * the remaining line length bounds it. */
static int read_string(reader *r, char **out, size_t *outlen)
{
    char *buf = NULL, *o = NULL;
    unsigned cp, lo;

    r->p++;
    if (out) {
        if (!(buf = malloc((size_t)(r->end - r->p) + 1)))
            return AG_ENOMEM;
        o = buf;
    }
    for (;;) {
        if (r->p >= r->end) {
            free(buf);
            return fail(r, "unterminated string");
        }
        unsigned char c = (unsigned char)*r->p;
        if (c == '"')
            break;
        if (c < 0x20) {
            free(buf);
            return fail(r, "control character in a string (escape it)");
        }
        if (c != '\\') {
            if (o)
                *o++ = (char)c;
            r->p++;
            continue;
        }
        if (r->p + 1 >= r->end) {
            free(buf);
            return fail(r, "unterminated string");
        }
        switch (r->p[1]) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (r->end - r->p < 6 || hex4(r->p + 2, &cp) < 0) {
                free(buf);
                return fail(r, "bad \\u escape");
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                /* A high surrogate must be followed by its low half. */
                if (r->end - r->p < 12 || r->p[6] != '\\' || r->p[7] != 'u' ||
                    hex4(r->p + 8, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF) {
                    free(buf);
                    return fail(r, "unpaired surrogate in \\u escape");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                r->p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(buf);
                return fail(r, "unpaired surrogate in \\u escape");
            }
            if (o)
                o += put_utf8(o, cp);
            r->p += 6;
            continue;
        default:
            free(buf);
            return fail(r, "bad escape in a string");
        }
        if (o)
            *o++ = (char)cp;
        r->p += 2;
    }
    r->p++;
    if (out) {
        *o = '\0';
        *outlen = (size_t)(o - buf);
        *out = buf;
    }
    return AG_OK;
}

static int read_number(reader *r, char **out)
{
    const char *s = r->p;
    int digits = 0;

    if (r->p < r->end && *r->p == '-')
        r->p++;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        r->p++, digits++;
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
            r->p++;
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
            r->p++;
        while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
            r->p++;
    }
    if (!digits) {
        r->p = s;
        return fail(r, "expected a value");
    }
    if (out) {
        size_t n = (size_t)(r->p - s);
        if (!(*out = malloc(n + 1)))
            return AG_ENOMEM;
        memcpy(*out, s, n);
        (*out)[n] = '\0';
    }
    return AG_OK;
}

static int literal(reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return fail(r, "expected a value");
    r->p += n;
    return AG_OK;
}

static int skip_value(reader *r, int depth)
{
    int rc;
    char close;

    if (depth > MAX_DEPTH)
        return fail(r, "nested too deeply");
    skip_ws(r);
    if (r->p >= r->end)
        return fail(r, "expected a value");
    switch (*r->p) {
    case '"': return read_string(r, NULL, NULL);
    case 't': return literal(r, "true");
    case 'f': return literal(r, "false");
    case 'n': return literal(r, "null");
    case '{': close = '}'; break;
    case '[': close = ']'; break;
    default: return read_number(r, NULL);
    }
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return AG_OK;
    }
    for (;;) {
        if (close == '}') {
            skip_ws(r);
            if (r->p >= r->end || *r->p != '"')
                return fail(r, "expected a key");
            if ((rc = read_string(r, NULL, NULL)) < 0)
                return rc;
            skip_ws(r);
            if (r->p >= r->end || *r->p != ':')
                return fail(r, "expected ':'");
            r->p++;
        }
        if ((rc = skip_value(r, depth + 1)) < 0)
            return rc;
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return AG_OK;
        }
        return fail(r, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

/* The record field a key names, or NULL for keys we skip. */
static char **field(cli_record *rec, const char *key, size_t **len)
{
    *len = NULL;
    if (strcmp(key, "id") == 0)
        return &rec->id;
    if (strcmp(key, "title") == 0)
        return &rec->title;
    if (strcmp(key, "date") == 0)
        return &rec->date;
    if (strcmp(key, "url") == 0)
        return &rec->url;
    if (strcmp(key, "source") == 0)
        return &rec->source;
    if (strcmp(key, "text") == 0) {
        *len = &rec->text_len;
        return &rec->text;
    }
    return NULL;
}

int cli_record_parse(cli_record *rec, const char *line, size_t len, char *err, size_t errlen)
{
    reader r = {line, line, line + len, err, errlen};
    char *key = NULL, **slot;
    size_t keylen, *slotlen, ignored;
    int rc;

    memset(rec, 0, sizeof(*rec));
    skip_ws(&r);
    if (r.p >= r.end || *r.p != '{') {
        rc = fail(&r, "expected a JSON object");
        goto out;
    }
    r.p++;
    skip_ws(&r);
    if (r.p < r.end && *r.p == '}') {
        r.p++;
        goto end;
    }
    for (;;) {
        skip_ws(&r);
        if (r.p >= r.end || *r.p != '"') {
            rc = fail(&r, "expected a key");
            goto out;
        }
        if ((rc = read_string(&r, &key, &keylen)) < 0)
            goto out;
        skip_ws(&r);
        if (r.p >= r.end || *r.p != ':') {
            rc = fail(&r, "expected ':'");
            goto out;
        }
        r.p++;
        skip_ws(&r);
        slot = field(rec, key, &slotlen);
        if (!slot || (r.p < r.end && *r.p == 'n')) {
            rc = skip_value(&r, 1); /* unknown key, or null: absent */
        } else {
            free(*slot); /* a repeated key: the last one wins, as in most readers */
            *slot = NULL;
            if (r.p < r.end && *r.p == '"') {
                rc = read_string(&r, slot, slotlen ? slotlen : &ignored);
            } else if (slot == &rec->id && r.p < r.end && (*r.p == '-' || (*r.p >= '0' && *r.p <= '9'))) {
                rc = read_number(&r, slot);
            } else {
                char what[64];
                snprintf(what, sizeof(what), "\"%.32s\" must be a string", key);
                rc = fail(&r, what);
            }
        }
        if (rc < 0)
            goto out;
        free(key);
        key = NULL;
        skip_ws(&r);
        if (r.p < r.end && *r.p == ',') {
            r.p++;
            continue;
        }
        if (r.p < r.end && *r.p == '}') {
            r.p++;
            break;
        }
        rc = fail(&r, "expected ',' or '}'");
        goto out;
    }
end:
    skip_ws(&r);
    rc = r.p == r.end ? AG_OK : fail(&r, "text after the object (one object per line)");
out:
    free(key);
    if (rc == AG_ENOMEM)
        snprintf(err, errlen, "out of memory");
    if (rc < 0)
        cli_record_free(rec);
    return rc;
}

void cli_record_free(cli_record *rec)
{
    if (!rec)
        return;
    free(rec->id);
    free(rec->title);
    free(rec->date);
    free(rec->url);
    free(rec->source);
    free(rec->text);
    memset(rec, 0, sizeof(*rec));
}
