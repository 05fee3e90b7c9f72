/* actorgraph: the HTML report, one self-contained file: the SVG inline, a
 * panel listing actors by PageRank with a search box, and every evidence
 * sentence of an actor or relation on a click.  The data rides along as
 * JSON in a <script type="application/json"> with '<' written \u003c, so no
 * name can close the script or open a comment; the page's script builds
 * everything with textContent, and a Content-Security-Policy forbids any
 * request, so the report works offline and leaks nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "export/export_internal.h"
#include "export/jsonput.h"
#include "model/model_internal.h"

static const char page_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
    "<meta name=\"generator\" content=\"actorgraph " AG_VERSION "\">\n";

static const char page_style[] =
    "<style>\n"
    "*{box-sizing:border-box}\n"
    "html,body{margin:0;height:100%}\n"
    "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#222;"
    "display:flex;flex-direction:column;background:#fafafa}\n"
    "header{padding:8px 16px;border-bottom:1px solid #ddd;background:#fff}\n"
    "header h1{font-size:18px;margin:0;overflow-wrap:anywhere}\n"
    "header .meta{color:#666;font-size:12px}\n"
    "main{flex:1;display:flex;min-height:0}\n"
    "#graph{flex:1;display:flex;flex-direction:column;min-width:0}\n"
    ".toolbar{display:flex;gap:4px;padding:4px 8px;border-bottom:1px solid #eee;background:#fff}\n"
    ".toolbar button{font:inherit;padding:2px 10px;border:1px solid #bbb;border-radius:4px;background:#fff;"
    "cursor:pointer}\n"
    "#canvas{flex:1;overflow:auto;background:#fff}\n"
    "#canvas svg{display:block;margin:0 auto}\n"
    "#canvas g.node,#canvas g.edge{cursor:pointer}\n"
    "#canvas g.node.selected polygon,#canvas g.node.selected ellipse,#canvas g.node.selected path"
    "{stroke:#d62728;stroke-width:4px}\n"
    "#canvas g.edge.selected path{stroke:#d62728;stroke-width:3px}\n"
    "#canvas g.edge.selected polygon{stroke:#d62728;fill:#d62728}\n"
    "#canvas g.edge.selected text{fill:#d62728;font-weight:bold}\n"
    "aside{width:400px;max-width:45%;display:flex;flex-direction:column;border-left:1px solid #ddd;"
    "background:#fff;min-height:0}\n"
    "#search{margin:8px;padding:6px 8px;font:inherit;border:1px solid #bbb;border-radius:4px}\n"
    "#actors{list-style:none;margin:0;padding:0 8px;overflow:auto;flex:0 1 40%;"
    "border-bottom:1px solid #ddd}\n"
    "#actors li{display:flex;align-items:center;gap:6px;padding:3px 4px;cursor:pointer;border-radius:3px}\n"
    "#actors li:hover,#actors li:focus{background:#eef3fb;outline:none}\n"
    "#actors li.selected{background:#dbe7f7}\n"
    "#actors li.hidden{display:none}\n"
    "#actors .name{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n"
    "#actors .rank{color:#888;font-size:12px;font-variant-numeric:tabular-nums}\n"
    ".swatch{display:inline-block;width:12px;height:12px;border:1px solid #777;border-radius:2px;"
    "flex:none}\n"
    "#details{flex:1;overflow:auto;padding:8px 12px}\n"
    "#details h2{font-size:16px;margin:4px 0;overflow-wrap:anywhere}\n"
    "#details .facts{color:#555;font-size:12px;margin-bottom:8px}\n"
    "#details .relation{margin:10px 0 4px;font-weight:600;overflow-wrap:anywhere}\n"
    "#details .relation .rel{color:#555;font-weight:normal}\n"
    "#details .actor-link{color:#1f5fa8;cursor:pointer;text-decoration:underline}\n"
    ".evidence{margin:4px 0 8px;padding:6px 8px;border-left:3px solid #a6cee3;background:#f6f8fa}\n"
    ".evidence .sentence{overflow-wrap:anywhere}\n"
    ".evidence .source{font-size:12px;color:#555;margin-top:2px;overflow-wrap:anywhere}\n"
    ".hint{color:#777}\n"
    "</style>\n"
    "</head>\n";

static const char page_script[] =
    "<script>\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var data = JSON.parse(document.getElementById('ag-data').textContent);\n"
    "  var docs = Object.create(null), byId = Object.create(null), selected = [];\n"
    "  data.docs.forEach(function (d) { docs[d.name] = d; });\n"
    "  data.actors.forEach(function (a, i) { byId[a.id] = i; });\n"
    "  var list = document.getElementById('actors'), details = document.getElementById('details');\n"
    "  var canvas = document.getElementById('canvas'), svg = canvas.querySelector('svg');\n"
    "  function el(tag, cls, text) {\n"
    "    var e = document.createElement(tag);\n"
    "    if (cls) e.className = cls;\n"
    "    if (text !== undefined && text !== null) e.textContent = String(text);\n"
    "    return e;\n"
    "  }\n"
    "  function swatch(a) { var s = el('span', 'swatch'); s.style.background = a.color; return s; }\n"
    "  function fmt(x) { return (Math.round(x * 1000) / 1000).toString(); }\n"
    "  function svgNode(i) { return svg && svg.getElementById('actor-' + data.actors[i].id); }\n"
    "  function svgEdge(k) { return svg && svg.getElementById('rel-e' + k); }\n"
    "  function clearSelection() {\n"
    "    selected.forEach(function (e) { e.classList.remove('selected'); });\n"
    "    selected = [];\n"
    "  }\n"
    "  function mark(e) { if (e) { e.classList.add('selected'); selected.push(e); } }\n"
    "  function actorLink(i) {\n"
    "    var s = el('span', 'actor-link', data.actors[i].label);\n"
    "    s.addEventListener('click', function () { showActor(i, true); });\n"
    "    return s;\n"
    "  }\n"
    "  function evidence(ev) {\n"
    "    var box = el('div', 'evidence'), d = docs[ev.doc] || {name: ev.doc};\n"
    "    box.appendChild(el('div', 'sentence', ev.text));\n"
    "    var src = el('div', 'source');\n"
    "    var name = d.title ? d.title + ' (' + d.name + ')' : d.name;\n"
    "    if (d.url) {\n"
    "      var a = el('a', null, name);\n"
    "      a.href = d.url; a.target = '_blank'; a.rel = 'noopener noreferrer';\n"
    "      src.appendChild(a);\n"
    "    } else {\n"
    "      src.appendChild(document.createTextNode(name));\n"
    "    }\n"
    "    var facts = (d.date ? ' \\u00b7 ' + d.date : '') + ' \\u00b7 sentence ' + (ev.sentence + 1) +\n"
    "      ' \\u00b7 rule ' + ev.rule + ' \\u00b7 confidence ' + fmt(ev.confidence);\n"
    "    src.appendChild(document.createTextNode(facts));\n"
    "    box.appendChild(src);\n"
    "    return box;\n"
    "  }\n"
    "  function relation(k, from) {\n"
    "    var e = data.edges[k], frag = document.createDocumentFragment();\n"
    "    var head = el('div', 'relation');\n"
    "    head.appendChild(e.source === from ? el('span', null, data.actors[e.source].label) : actorLink(e.source));\n"
    "    head.appendChild(el('span', 'rel', ' \\u2014 ' + e.label + ' \\u2192 '));\n"
    "    head.appendChild(e.target === from ? el('span', null, data.actors[e.target].label) : actorLink(e.target));\n"
    "    head.appendChild(el('span', 'rel', ' (' + e.evidence.length + ' sentence' +\n"
    "      (e.evidence.length === 1 ? '' : 's') + ', ' + e.weight + ' article' + (e.weight === 1 ? '' : 's') + ')'));\n"
    "    frag.appendChild(head);\n"
    "    e.evidence.forEach(function (ev) { frag.appendChild(evidence(ev)); });\n"
    "    return frag;\n"
    "  }\n"
    "  function selectListItem(i) {\n"
    "    Array.prototype.forEach.call(list.children, function (li) {\n"
    "      li.classList.toggle('selected', +li.dataset.index === i);\n"
    "    });\n"
    "  }\n"
    "  function showActor(i, scroll) {\n"
    "    var a = data.actors[i], edges = [];\n"
    "    clearSelection();\n"
    "    selectListItem(i);\n"
    "    details.textContent = '';\n"
    "    var h = el('h2'); h.appendChild(swatch(a)); h.appendChild(document.createTextNode(' ' + a.label));\n"
    "    details.appendChild(h);\n"
    "    details.appendChild(el('div', 'facts', a.type + ' \\u00b7 ' + a.mentions + ' mentions in ' + a.documents +\n"
    "      ' article' + (a.documents === 1 ? '' : 's') + ' \\u00b7 PageRank ' + fmt(a.pagerank) + ' \\u00b7 degree ' +\n"
    "      a.degree + ' \\u00b7 community ' + a.community));\n"
    "    if (a.aliases.length) details.appendChild(el('div', 'facts', 'also: ' + a.aliases.join('; ')));\n"
    "    data.edges.forEach(function (e, k) { if (e.source === i || e.target === i) edges.push(k); });\n"
    "    if (!edges.length) details.appendChild(el('p', 'hint', 'No relation of this actor was found.'));\n"
    "    edges.forEach(function (k) { details.appendChild(relation(k, i)); mark(svgEdge(k)); });\n"
    "    var n = svgNode(i);\n"
    "    mark(n);\n"
    "    if (n && scroll) n.scrollIntoView({block: 'center', inline: 'center'});\n"
    "    details.scrollTop = 0;\n"
    "  }\n"
    "  function showEdge(k) {\n"
    "    var e = data.edges[k];\n"
    "    clearSelection();\n"
    "    selectListItem(-1);\n"
    "    details.textContent = '';\n"
    "    details.appendChild(el('h2', null, e.label));\n"
    "    details.appendChild(el('div', 'facts', 'relation ' + e.relation + ' \\u00b7 confidence ' +\n"
    "      fmt(e.confidence)));\n"
    "    details.appendChild(relation(k, -1));\n"
    "    mark(svgEdge(k)); mark(svgNode(e.source)); mark(svgNode(e.target));\n"
    "    details.scrollTop = 0;\n"
    "  }\n"
    "  var order = data.actors.map(function (a, i) { return i; });\n"
    "  order.sort(function (x, y) {\n"
    "    var a = data.actors[x], b = data.actors[y];\n"
    "    return b.pagerank - a.pagerank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);\n"
    "  });\n"
    "  order.forEach(function (i) {\n"
    "    var a = data.actors[i], li = el('li');\n"
    "    li.dataset.index = i; li.tabIndex = 0; li.title = a.label + ' (' + a.type + ')';\n"
    "    li.appendChild(swatch(a)); li.appendChild(el('span', 'name', a.label));\n"
    "    li.appendChild(el('span', 'rank', fmt(a.pagerank)));\n"
    "    li.addEventListener('click', function () { showActor(i, true); });\n"
    "    li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') showActor(i, true); });\n"
    "    list.appendChild(li);\n"
    "  });\n"
    "  document.getElementById('search').addEventListener('input', function () {\n"
    "    var q = this.value.trim().toLowerCase();\n"
    "    Array.prototype.forEach.call(list.children, function (li) {\n"
    "      var a = data.actors[+li.dataset.index];\n"
    "      var hit = !q || a.label.toLowerCase().indexOf(q) >= 0 ||\n"
    "        a.aliases.some(function (s) { return s.toLowerCase().indexOf(q) >= 0; });\n"
    "      li.classList.toggle('hidden', !hit);\n"
    "    });\n"
    "  });\n"
    "  canvas.addEventListener('click', function (ev) {\n"
    "    var g = ev.target.closest && ev.target.closest('g.node, g.edge');\n"
    "    if (!g) return;\n"
    "    ev.preventDefault();\n"
    "    if (g.classList.contains('node')) {\n"
    "      var t = g.querySelector('title');\n"
    "      if (t && t.textContent in byId) showActor(byId[t.textContent], false);\n"
    "    } else {\n"
    "      var m = /^rel-e(\\d+)$/.exec(g.id);\n"
    "      if (m) showEdge(+m[1]);\n"
    "    }\n"
    "  });\n"
    "  var scale = 1, baseW = 0, baseH = 0;\n"
    "  if (svg) {\n"
    "    var vb = svg.viewBox && svg.viewBox.baseVal;\n"
    "    baseW = vb && vb.width ? vb.width : svg.getBoundingClientRect().width;\n"
    "    baseH = vb && vb.height ? vb.height : svg.getBoundingClientRect().height;\n"
    "  }\n"
    "  function zoom(s) {\n"
    "    if (!svg || !baseW) return;\n"
    "    scale = Math.max(0.05, Math.min(8, s));\n"
    "    svg.setAttribute('width', (baseW * scale).toFixed(1) + 'pt');\n"
    "    svg.setAttribute('height', (baseH * scale).toFixed(1) + 'pt');\n"
    "  }\n"
    "  function fit() {\n"
    "    if (!baseW) return;\n"
    "    var w = canvas.clientWidth / (baseW * 4 / 3), h = canvas.clientHeight / (baseH * 4 / 3);\n"
    "    zoom(Math.min(1, w, h));\n"
    "  }\n"
    "  document.getElementById('zoom-in').addEventListener('click', function () { zoom(scale * 1.25); });\n"
    "  document.getElementById('zoom-out').addEventListener('click', function () { zoom(scale / 1.25); });\n"
    "  document.getElementById('zoom-fit').addEventListener('click', fit);\n"
    "  fit();\n"
    "  var want = decodeURIComponent(location.hash.slice(1));\n"
    "  if (want in byId) showActor(byId[want], true);\n"
    "})();\n"
    "</script>\n";

/* Text for HTML element content and attribute values. */
static int put_html(ag_buf *b, const char *s)
{
    int err = AG_OK;

    for (; *s && !err; s++) {
        switch (*s) {
        case '&': err = ag_buf_puts(b, "&amp;"); break;
        case '<': err = ag_buf_puts(b, "&lt;"); break;
        case '>': err = ag_buf_puts(b, "&gt;"); break;
        case '"': err = ag_buf_puts(b, "&quot;"); break;
        case '\'': err = ag_buf_puts(b, "&#39;"); break;
        default: err = ag_buf_putc(b, *s);
        }
    }
    return err;
}

/* JSON inside <script>: every '<' as \u003c (JSON only has '<' inside
 * strings, where the escape means the same), so neither "</script" nor
 * "<!--" can occur; U+2028 and U+2029 escaped for older parsers. */
static int put_script_json(ag_buf *b, const char *json)
{
    const char *p;
    int err = AG_OK;

    for (p = json; *p && !err; p++) {
        if (*p == '<')
            err = ag_buf_puts(b, "\\u003c");
        else if (p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9')) {
            err = ag_buf_puts(b, p[2] == '\xA8' ? "\\u2028" : "\\u2029");
            p += 2;
        } else
            err = ag_buf_putc(b, *p);
    }
    return err;
}

static int put_num(cJSON *o, const char *key, double v)
{
    return ag_export__jnum(o, key, v, AG_EXPORT_DECIMALS);
}

/* What the page's script reads: documents (only http(s) links kept),
 * actors in graph order, edges with source/target as actor indices. */
static char *page_data(const ag_graph *g, const ag_export_options *opts, const char *engine, const char *note)
{
    cJSON *root = cJSON_CreateObject(), *arr, *o, *ev;
    char *text = NULL;
    size_t i, j;

    if (!root || ag_export__jstr(root, "title", ag_export__title(g, opts)) || ag_export__jstr(root, "engine", engine) ||
        ag_export__jstr(root, "note", note) || !(arr = ag_export__jnew(root, "docs", 1)))
        goto out;
    for (i = 0; i < ag_graph_document_count(g); i++) {
        const char *date, *url, *title, *name = ag_graph_document(g, i, &date, &url, &title);
        int nomem;
        char *safe = ag_export__safe_url(url, &nomem);
        int bad = nomem || !(o = ag_export__jnew(arr, NULL, 0)) || ag_export__jstr(o, "name", name) ||
                  ag_export__jstr(o, "date", date) || ag_export__jstr(o, "url", safe) || ag_export__jstr(o, "title", title);
        free(safe);
        if (bad)
            goto out;
    }
    if (!(arr = ag_export__jnew(root, "actors", 1)))
        goto out;
    for (i = 0; i < ag_graph_actor_count(g); i++) {
        const ag_actor *a = ag_graph_actor(g, i);
        cJSON *al;
        if (!(o = ag_export__jnew(arr, NULL, 0)) || ag_export__jstr(o, "id", a->id) || ag_export__jstr(o, "label", a->label) ||
            ag_export__jstr(o, "type", ag_actor_type_name(a->type)) || ag_export__jstr(o, "color", ag_export__style(a->type)->fill) ||
            !(al = ag_export__jnew(o, "aliases", 1)))
            goto out;
        for (j = 0; j < a->n_aliases; j++)
            if (ag_export__jstr(al, NULL, a->aliases[j]))
                goto out;
        if (put_num(o, "mentions", a->mentions) || put_num(o, "documents", (double)a->n_docs) ||
            put_num(o, "degree", a->degree) || put_num(o, "pagerank", a->pagerank) ||
            put_num(o, "betweenness", a->betweenness) || put_num(o, "community", a->community))
            goto out;
    }
    if (!(arr = ag_export__jnew(root, "edges", 1)))
        goto out;
    for (i = 0; i < ag_graph_edge_count(g); i++) {
        const ag_edge *e = ag_graph_edge(g, i);
        char *label = ag_export__relation_label(e->relation);
        int bad = !label || !(o = ag_export__jnew(arr, NULL, 0)) || put_num(o, "source", (double)e->source) ||
                  put_num(o, "target", (double)e->target) || ag_export__jstr(o, "relation", e->relation) ||
                  ag_export__jstr(o, "label", label) || put_num(o, "weight", e->weight) ||
                  put_num(o, "confidence", e->confidence) || !(ev = ag_export__jnew(o, "evidence", 1));
        free(label);
        if (bad)
            goto out;
        for (j = 0; j < e->n_evidence; j++) {
            const ag_evidence *x = &e->evidence[j];
            cJSON *item = ag_export__jnew(ev, NULL, 0);
            if (!item || ag_export__jstr(item, "doc", x->doc && *x->doc ? x->doc : NULL) || put_num(item, "sentence", x->sentence) ||
                ag_export__jstr(item, "text", x->text) || ag_export__jstr(item, "rule", x->rule) ||
                put_num(item, "confidence", x->confidence))
                goto out;
        }
    }
    text = cJSON_PrintUnformatted(root);
out:
    cJSON_Delete(root);
    return text;
}

int ag_export__html(ag_buf *out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout *lay)
{
    const ag_layout *job;
    ag_layout *own = NULL;
    const char *title = ag_export__title(g, opts), *svg;
    char *json = NULL;
    int err;

    if ((err = ag_export__layout_get(&job, &own, ctx, g, opts, AG_FORMAT_HTML, lay)) < 0)
        return err;
    /* the XML prolog and doctype have no place inside HTML */
    svg = strstr(job->bytes, "<svg");
    if (!(json = page_data(g, opts, strcmp(job->engine, "sfdp-fast") ? job->engine : "sfdp",
                           job->note[0] ? job->note : NULL)))
        goto nomem;
    if (ag_buf_puts(out, page_head) || ag_buf_puts(out, "<title>") || put_html(out, title) ||
        ag_buf_puts(out, "</title>\n") || ag_buf_puts(out, page_style) || ag_buf_puts(out, "<body>\n<header><h1>") ||
        put_html(out, title) ||
        ag_buf_printf(out, "</h1><div class=\"meta\">%zu actors \xC2\xB7 %zu relations \xC2\xB7 %zu articles \xC2\xB7 "
                           "layout %s \xC2\xB7 click an actor or a relation to read the sentences that state it</div>"
                           "</header>\n<main>\n<section id=\"graph\">\n<div class=\"toolbar\">"
                           "<button id=\"zoom-in\" title=\"Zoom in\">+</button>"
                           "<button id=\"zoom-out\" title=\"Zoom out\">\xE2\x88\x92</button>"
                           "<button id=\"zoom-fit\" title=\"Fit to the window\">Fit</button></div>\n"
                           "<div id=\"canvas\">\n",
                      ag_graph_actor_count(g), ag_graph_edge_count(g), ag_graph_document_count(g),
                      strcmp(job->engine, "sfdp-fast") ? job->engine : "sfdp") ||
        ag_buf_puts(out, svg ? svg : "") ||
        ag_buf_puts(out, "</div>\n</section>\n<aside id=\"panel\">\n"
                         "<input id=\"search\" type=\"search\" placeholder=\"Search actors\xE2\x80\xA6\" "
                         "aria-label=\"Search actors\">\n<ol id=\"actors\" aria-label=\"Actors by PageRank\"></ol>\n"
                         "<div id=\"details\"><p class=\"hint\">Actors are listed by PageRank. Click one, here "
                         "or in the graph, or click a relation, to see every sentence that states it and its "
                         "article.</p></div>\n</aside>\n</main>\n"
                         "<script type=\"application/json\" id=\"ag-data\">") ||
        put_script_json(out, json) || ag_buf_puts(out, "</script>\n") || ag_buf_puts(out, page_script) ||
        ag_buf_puts(out, "</body>\n</html>\n"))
        goto nomem;
out:
    free(json);
    ag_layout_free(own);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory while writing HTML");
    goto out;
}
