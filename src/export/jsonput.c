/* actorgraph: the cJSON helpers of jsonput.h: every Create is checked and
 * every item that fails to attach is deleted, so no tree leaks on ENOMEM. */
#include "export/jsonput.h"

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
