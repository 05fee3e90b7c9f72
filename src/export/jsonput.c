/* actorgraph: the cJSON helpers of jsonput.h: every Create is checked and
 * every item that fails to attach is deleted, so no tree leaks on ENOMEM. */
#include "export/jsonput.h"

#include <string.h>

#include "export_internal.h"

int ag_export__jattach(cJSON *parent, const char *key, cJSON *item)
{
    cJSON_bool ok;

    if (!item)
        return -1;
    ok = key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item);
    if (!ok) {
        cJSON_Delete(item);
        return -1;
    }
    return 0;
}

int ag_export__jstr(cJSON *o, const char *key, const char *v)
{
    return ag_export__jattach(o, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

int ag_export__jnum(cJSON *o, const char *key, double v, int decimals)
{
    return ag_export__jattach(o, key, cJSON_CreateNumber(ag_export__round(v, decimals)));
}

cJSON *ag_export__jnew(cJSON *parent, const char *key, int array)
{
    cJSON *c = array ? cJSON_CreateArray() : cJSON_CreateObject();

    return ag_export__jattach(parent, key, c) ? NULL : c;
}

int ag_export__jdocuments(cJSON *parent, const char *key, const ag_graph *g)
{
    cJSON *docs = ag_export__jnew(parent, key, 1);
    size_t i;

    if (!docs)
        return -1;
    for (i = 0; i < ag_graph_document_count(g); i++) {
        const char *date, *url, *title, *name = ag_graph_document(g, i, &date, &url, &title);
        cJSON *d = ag_export__jnew(docs, NULL, 0);
        if (!d || ag_export__jstr(d, "name", name) || ag_export__jstr(d, "date", date) || ag_export__jstr(d, "url", url) ||
            ag_export__jstr(d, "title", title))
            return -1;
    }
    return 0;
}

int ag_export__jprint(ag_buf *out, const cJSON *root)
{
    char *text = cJSON_Print(root);
    int rc = !text || ag_buf_puts(out, text) || ag_buf_putc(out, '\n') ? -1 : 0;

    if (text)
        cJSON_free(text);
    return rc;
}

int ag_export__jplaceholder(cJSON *parent, const char *key, int slot)
{
    char mark[3] = {'\x01', (char)('0' + slot), '\0'};

    return ag_export__jstr(parent, key, mark);
}

/* Append @p text with @p tabs more tabs after each newline: cJSON's
 * indentation of an item printed alone, shifted to where it sits.  Strings
 * never hold a raw newline (cJSON escapes it), so each one is structure. */
static int put_shifted(ag_buf *out, const char *text, size_t len, size_t tabs)
{
    size_t i, k, from = 0;

    for (i = 0; i < len; i++) {
        if (text[i] != '\n')
            continue;
        if (ag_buf_append(out, text + from, i + 1 - from))
            return -1;
        for (k = 0; k < tabs; k++)
            if (ag_buf_putc(out, '\t'))
                return -1;
        from = i + 1;
    }
    return ag_buf_append(out, text + from, len - from) ? -1 : 0;
}

/* The items of one stream, where the placeholder's key sits @p tabs deep. */
static int put_stream(ag_buf *out, const ag_export__jstream *st, size_t tabs)
{
    size_t i, k, chunks = 0;

    if (ag_buf_putc(out, st->array ? '[' : '{') || (!st->array && ag_buf_putc(out, '\n')))
        return -1;
    for (i = 0; i < st->count; i++) {
        cJSON *tmp = st->array ? cJSON_CreateArray() : cJSON_CreateObject();
        char *text = NULL;
        size_t len;
        int bad;

        bad = !tmp || st->fill(tmp, st->user, i) || !tmp->child || !(text = cJSON_Print(tmp));
        if (!bad) {
            /* strip the container alone printed around the item: "[...]" or "{\n...\n}" */
            len = strlen(text);
            bad = st->array ? len < 2 : len < 4;
        }
        if (!bad) {
            const char *body = text + (st->array ? 1 : 2);
            size_t body_len = len - (st->array ? 2 : 4);
            if (chunks++)
                bad = ag_buf_puts(out, st->array ? ", " : ",\n") != 0;
            for (k = 0; !bad && !st->array && k < tabs; k++)
                bad = ag_buf_putc(out, '\t') != 0;
            bad = bad || put_shifted(out, body, body_len, tabs);
        }
        if (text)
            cJSON_free(text);
        cJSON_Delete(tmp);
        if (bad)
            return -1;
    }
    if (st->array)
        return ag_buf_putc(out, ']') ? -1 : 0;
    if (chunks && ag_buf_putc(out, '\n'))
        return -1;
    for (k = 0; k < tabs; k++)
        if (ag_buf_putc(out, '\t'))
            return -1;
    return ag_buf_putc(out, '}') ? -1 : 0;
}

int ag_export__jprint_streamed(ag_buf *out, const cJSON *root, const ag_export__jstream *streams, int n_streams)
{
    char *text = cJSON_Print(root);
    const char *at, *from;
    int slot, rc = -1;

    if (!text)
        return -1;
    from = text;
    for (slot = 0; slot < n_streams; slot++) {
        char mark[10] = "\"\\u0001?\"";
        const char *line;
        size_t tabs = 0;

        mark[7] = (char)('0' + slot);
        if (!(at = strstr(from, mark)))
            goto out;
        for (line = at; line > text && line[-1] != '\n'; line--)
            ;
        while (line[tabs] == '\t')
            tabs++;
        if (ag_buf_append(out, from, (size_t)(at - from)) || put_stream(out, &streams[slot], tabs))
            goto out;
        from = at + strlen(mark);
    }
    rc = ag_buf_puts(out, from) || ag_buf_putc(out, '\n') ? -1 : 0;
out:
    cJSON_free(text);
    return rc;
}
