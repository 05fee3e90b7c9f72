/* libFuzzer target: the JSON graph reader (ag_graph_from_json, what
 * `convert` and `merge` read).  Any bytes load or are refused with AG_EPARSE
 * and a message; a graph that loads is filtered (options taken from the
 * input's first bytes), merged with itself and with a small graph of ours,
 * and every result must survive a JSON round trip and export cleanly. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 65536

/* Two actors, one relation, one document: names that meet the fuzzed ones
 * often (a country, a surname alias) so merging has something to join. */
static const char fixed_graph[] =
    "{\"graph\": {\"metadata\": {\"documents\": [{\"name\": \"ours.txt\", \"date\": \"2031-04-02\"}]},"
    " \"nodes\": {"
    "  \"lena-varga\": {\"label\": \"Lena Varga\", \"metadata\": {\"type\": \"person\", \"aliases\": [\"Varga\"],"
    "   \"mentions_by_doc\": {\"ours.txt\": 2}}},"
    "  \"chile\": {\"label\": \"Chile\", \"metadata\": {\"type\": \"country\", \"mentions_by_doc\": {\"ours.txt\": 1}}}},"
    " \"edges\": [{\"source\": \"lena-varga\", \"target\": \"chile\", \"relation\": \"visits\","
    "  \"metadata\": {\"evidence\": [{\"doc\": \"ours.txt\", \"sentence\": 0, \"start\": 0, \"end\": 27,"
    "   \"text\": \"Lena Varga arrived in Chile.\", \"rule\": \"ours\", \"confidence\": 0.5}]}}]}}";

static const char *const relations[] = {"visits", "met", "told", "role_of", "quoted_by", "other"};

/* Filter options from a few input bytes, so the corpus steers them too. */
static void pick_filter(ag_filter_options *o, const ag_graph *g, const uint8_t *data, size_t size)
{
    uint8_t b[4] = {0, 0, 0, 0};
    size_t n = ag_graph_actor_count(g);

    memcpy(b, data, size < 4 ? size : 4);
    if (n && (b[0] & 1))
        o->focus = ag_graph_actor(g, (size_t)b[0] % n)->id;
    o->depth = b[1] % 3;
    o->min_weight = b[1] / 64;
    o->types = (b[2] & 0x80) ? b[2] & ((1u << AG_ACTOR_TYPE_COUNT_) - 1) : 0;
    if (b[3] & 1) {
        o->relations = relations;
        o->n_relations = (size_t)(b[3] >> 1) % (sizeof relations / sizeof relations[0] + 1);
    }
    o->drop_isolates = (b[3] & 0x80) != 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_filter_options fopts = AG_FILTER_OPTIONS_INIT;
    ag_ctx *ctx = NULL;
    ag_graph *g = NULL, *sub = NULL, *ours = NULL, *merged = NULL;
    int rc;

    if (size > MAX_INPUT || ag_ctx_new(&ctx))
        return 0;
    rc = ag_graph_from_json(&g, ctx, (const char *)data, size, "fuzz.json");
    if (rc < 0) {
        if ((rc != AG_EPARSE && rc != AG_ENOMEM) || !ag_ctx_errmsg(ctx)[0])
            fuzz_fail(ctx, "the reader failed without AG_EPARSE and a message");
        goto out;
    }
    fuzz_check_exports(ctx, g, 0);

    pick_filter(&fopts, g, data, size);
    rc = ag_graph_filter(&sub, ctx, g, &fopts);
    fuzz_export_ok(ctx, rc, "filter");
    if (rc == AG_OK)
        fuzz_json_roundtrip(ctx, sub, NULL);

    /* Merging a graph with itself and with ours, as `merge` does. */
    if (ag_graph_from_json(&ours, ctx, fixed_graph, sizeof fixed_graph - 1, "ours.json") < 0)
        fuzz_fail(ctx, "the fixed graph does not load");
    if ((rc = ag_graph_new(&merged, ctx)) < 0 || (rc = ag_graph_merge(merged, ctx, g)) < 0 ||
        (rc = ag_graph_merge(merged, ctx, ours)) < 0 || (rc = ag_graph_merge(merged, ctx, g)) < 0 ||
        (rc = ag_graph_finalize(merged, ctx)) < 0) {
        fuzz_export_ok(ctx, rc, "merge");
        goto out;
    }
    fuzz_json_roundtrip(ctx, merged, NULL);
out:
    ag_graph_free(merged);
    ag_graph_free(ours);
    ag_graph_free(sub);
    ag_graph_free(g);
    ag_ctx_free(ctx);
    return 0;
}
