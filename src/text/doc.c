/* actorgraph: documents (ag_doc): a private copy of an article's bytes,
 * checked to be UTF-8 before anything else looks at them, plus metadata. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/text.h"
#include "util/util.h"

struct ag_doc {
    char *name;
    char *bytes;
    size_t len;
    char *meta[AG_META_COUNT_];
};

long long ag_text_utf8_check(const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;

    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return (long long)i;
        }
        for (k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return (long long)i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long long)i;
        i += n + 1;
    }
    return -1;
}

int ag_doc_new(ag_doc **out, ag_ctx *ctx, const char *name, const char *bytes, size_t len)
{
    ag_doc *doc;
    long long bad;

    *out = NULL;
    if (!name)
        name = "-";
    /* spans and offsets are 32-bit: refuse what they cannot address */
    if (len > (size_t)UINT32_MAX - 1)
        return ag_error_set(ctx, AG_EINVAL, "%s: %zu bytes: a document must be under 4 GiB (split the file)", name,
                            len);
    bad = ag_text_utf8_check(bytes, len);
    if (bad >= 0) {
        unsigned long line = 1;
        long long i;
        for (i = 0; i < bad; i++)
            line += bytes[i] == '\n';
        return ag_error_set(ctx, AG_EPARSE, "%s:%lu: byte %lld: invalid UTF-8 (byte 0x%02X)", name, line, bad,
                            (unsigned)(unsigned char)bytes[bad]);
    }
    doc = calloc(1, sizeof(*doc));
    if (!doc)
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    doc->name = ag_strdup(name);
    doc->bytes = malloc(len + 1);
    if (!doc->name || !doc->bytes) {
        ag_doc_free(doc);
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    }
    if (len)
        memcpy(doc->bytes, bytes, len);
    doc->bytes[len] = '\0';
    doc->len = len;
    *out = doc;
    return AG_OK;
}

void ag_doc_free(ag_doc *doc)
{
    int i;

    if (!doc)
        return;
    for (i = 0; i < AG_META_COUNT_; i++)
        free(doc->meta[i]);
    free(doc->name);
    free(doc->bytes);
    free(doc);
}

const char *ag_doc_name(const ag_doc *doc)
{
    return doc->name;
}

const char *ag_doc_bytes(const ag_doc *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->bytes;
}

int ag_doc_set_meta(ag_doc *doc, ag_ctx *ctx, ag_doc_meta key, const char *value)
{
    char *v = NULL;

    if ((unsigned)key >= AG_META_COUNT_)
        return ag_error_set(ctx, AG_EINVAL, "unknown metadata key %d", (int)key);
    if (value && !(v = ag_strdup(value)))
        return ag_error_set(ctx, AG_ENOMEM, "out of memory");
    free(doc->meta[key]);
    doc->meta[key] = v;
    return AG_OK;
}

const char *ag_doc_meta_get(const ag_doc *doc, ag_doc_meta key)
{
    return (unsigned)key < AG_META_COUNT_ ? doc->meta[key] : NULL;
}

int ag_text_calendar_day(int year, int month, int day)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] && !(month == 2 && day == 29 && !leap);
}
