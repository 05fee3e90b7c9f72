/* The output checks the fuzz targets share (fuzz_check.h): each exporter's
 * bytes go to the reader a user would open them with -- cJSON, our own JSON
 * graph reader, cgraph, libxml2 -- and whatever they refuse is a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include "fuzz_check.h"
#include "model/model_internal.h"

void fuzz_fail(const ag_ctx *ctx, const char *what)
{
    fprintf(stderr, "fuzz check failed: %s (%s)\n", what, ctx ? ag_ctx_errmsg(ctx) : "");
    abort();
}

void fuzz_export_ok(const ag_ctx *ctx, int rc, const char *what)
{
    if (rc < 0 && rc != AG_ENOMEM)
        fuzz_fail(ctx, what);
}

static void check_cjson(const char *bytes, size_t len, const char *what)
{
    cJSON *root = cJSON_ParseWithLength(bytes, len);

    if (!root)
        fuzz_fail(NULL, what);
    cJSON_Delete(root);
}

void fuzz_json_roundtrip(ag_ctx *ctx, const ag_graph *g, char **json_out)
{
    char *first = NULL, *second = NULL;
    size_t n1 = 0, n2 = 0;
    ag_graph *back = NULL;
    int rc;

    if (json_out)
        *json_out = NULL;
    if ((rc = ag_export(&first, &n1, ctx, g, AG_FORMAT_JSON, NULL)) < 0) {
        fuzz_export_ok(ctx, rc, "JSON export");
        return;
    }
    check_cjson(first, n1, "JSON export is not JSON");
    rc = ag_graph_from_json(&back, ctx, first, n1, "roundtrip.json");
    if (rc == AG_OK)
        rc = ag_export(&second, &n2, ctx, back, AG_FORMAT_JSON, NULL);
    if (rc < 0 && rc != AG_ENOMEM) {
        fwrite(first, 1, n1, stderr);
        fuzz_fail(ctx, "our JSON does not read back");
    }
    if (rc == AG_OK && (n1 != n2 || memcmp(first, second, n1) != 0)) {
        fprintf(stderr, "---- written\n%s\n---- read back and written\n%s\n", first, second);
        fuzz_fail(NULL, "JSON round trip changed the graph");
    }
    ag_graph_free(back);
    free(second);
    if (json_out)
        *json_out = first;
    else
        free(first);
}

/* Positions as if laid out, so graphml, gexf and cyjs skip the layout (a
 * forked Graphviz run per input would cost more than the rest together).
 * The first actor is off the origin: all-zero positions mean "not laid out". */
static void fuzz_place(ag_graph *g)
{
    for (size_t i = 0; i < g->n_actors; i++) {
        g->actors[i].x = 72.0 * (double)(i + 1);
        g->actors[i].y = 36.0 * (double)(i % 7);
    }
}

static void check_xml(const char *bytes, size_t len, const char *name)
{
    xmlDocPtr doc = xmlReadMemory(bytes, (int)len, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    if (!doc) {
        fwrite(bytes, 1, len, stderr);
        fuzz_fail(NULL, name);
    }
    xmlFreeDoc(doc);
}

static void check_dot(const char *bytes, size_t len)
{
    Agraph_t *G;

    if (strlen(bytes) != len) /* agmemread stops at a NUL */
        fuzz_fail(NULL, "DOT export holds a NUL byte");
    if (!(G = agmemread(bytes))) {
        fwrite(bytes, 1, len, stderr);
        fuzz_fail(NULL, "DOT export does not parse with cgraph");
    }
    agclose(G);
}

/* The SVG inside an HTML report must be XML, and its data block JSON. */
static void check_html(const char *bytes)
{
    static const char data_open[] = "<script type=\"application/json\" id=\"ag-data\">";
    const char *svg = strstr(bytes, "<svg"), *svg_end = svg ? strstr(svg, "</svg>") : NULL;
    const char *data = strstr(bytes, data_open), *data_end;

    if (!svg || !svg_end)
        fuzz_fail(NULL, "HTML report without an SVG");
    check_xml(svg, (size_t)(svg_end + 6 - svg), "SVG inside the HTML report is not XML");
    if (!data)
        fuzz_fail(NULL, "HTML report without its data block");
    data += sizeof data_open - 1;
    if (!(data_end = strstr(data, "</script>")))
        fuzz_fail(NULL, "HTML data block not closed");
    check_cjson(data, (size_t)(data_end - data), "HTML data block is not JSON");
}

void fuzz_check_exports(ag_ctx *ctx, ag_graph *g, int pictures)
{
    static const struct {
        ag_format fmt;
        const char *name;
    } formats[] = {
        {AG_FORMAT_DOT, "DOT"},      {AG_FORMAT_GRAPHML, "GraphML"}, {AG_FORMAT_GEXF, "GEXF"},
        {AG_FORMAT_CYJS, "Cytoscape JSON"}, {AG_FORMAT_SVG, "SVG"},  {AG_FORMAT_HTML, "HTML"},
    };

    fuzz_json_roundtrip(ctx, g, NULL);
    if (!pictures)
        fuzz_place(g);
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        ag_format fmt = formats[i].fmt;
        char *out = NULL;
        size_t len = 0;
        int rc;

        if (!pictures && (fmt == AG_FORMAT_SVG || fmt == AG_FORMAT_HTML))
            continue;
        if ((rc = ag_export(&out, &len, ctx, g, fmt, NULL)) < 0) {
            fuzz_export_ok(ctx, rc, formats[i].name);
            continue;
        }
        switch (fmt) {
        case AG_FORMAT_DOT: check_dot(out, len); break;
        case AG_FORMAT_GRAPHML: check_xml(out, len, "GraphML is not XML"); break;
        case AG_FORMAT_GEXF: check_xml(out, len, "GEXF is not XML"); break;
        case AG_FORMAT_CYJS: check_cjson(out, len, "Cytoscape JSON is not JSON"); break;
        case AG_FORMAT_SVG: check_xml(out, len, "SVG is not XML"); break;
        case AG_FORMAT_HTML: check_html(out); break;
        default: break;
        }
        free(out);
    }
}
