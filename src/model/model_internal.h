/* actorgraph: the layout of ag_graph, shared by the model's files
 * (graph.c, finalize.c, metrics.c, json_read.c) and read by the exporters.
 * Not installed. */
#ifndef AG_MODEL_INTERNAL_H
#define AG_MODEL_INTERNAL_H

#include "actorgraph/model.h"
#include "util/util.h"

/* What the public ag_actor does not show: mentions per document (parallel to
 * actor.docs) and per-type votes, so that merging in any order ends with the
 * same type (see ag_graph__choose_type). */
typedef struct ag_actor_priv {
    uint32_t *doc_mentions;
    size_t cap_docs, cap_aliases;
    uint32_t votes[AG_ACTOR_TYPE_COUNT_];
} ag_actor_priv;

/* Fingerprints of an edge that dropped evidence: every distinct (document,
 * sentence, rule) and every document seen (documents have the top bit set),
 * so its counts and weight stay exact. */
typedef struct ag_edge_seen {
    uint64_t *slots; /* open addressing; 0 is empty */
    size_t cap, count, evidence, docs;
} ag_edge_seen;

/* What the public ag_edge does not show.  seen is made when the edge first
 * drops evidence under max_evidence; extra_*: what a file read back said
 * beyond the evidence it listed; dropped_confidence: the best confidence of
 * evidence not listed. */
typedef struct ag_edge_priv {
    size_t cap_evidence;
    ag_edge_seen *seen;
    size_t extra_evidence, extra_docs;
    double dropped_confidence;
} ag_edge_priv;

typedef struct ag_document {
    char *name, *date, *url, *title;
} ag_document;

struct ag_graph {
    ag_actor *actors;
    ag_actor_priv *priv;
    size_t n_actors, cap_actors;
    ag_strmap actor_keys; /* ag_name_key of label and aliases -> first actor index */

    ag_edge *edges;
    size_t n_edges, cap_edges;
    ag_edge_priv *epriv; /* parallel to edges */
    size_t max_evidence; /* 0: keep all */
    size_t *edge_slots; /* (source, target, relation) -> edge index + 1; 0: empty */
    size_t edge_slot_cap;

    ag_document *docs;
    size_t n_docs, cap_docs;
    ag_strmap doc_keys; /* name -> index */

    /* Evidence strings: an evidence's doc and an actor's docs point at the
     * graph's own document names (docs[i].name, never freed while the graph
     * lives); sentence texts and rule ids are shared from the pool. */
    ag_strpool pool;
    /* (edge, doc, sentence, rule) -> where that evidence sits, so adding one
     * costs the same however much an edge already has.  Slots hold edge + 1
     * (0: empty) and the index in that edge's evidence; rebuilt from the
     * edges when stale (edges or evidence were moved). */
    size_t *ev_slot_edge, *ev_slot_item;
    size_t ev_cap, ev_count;
    int ev_stale;

    char *title; /* graph label read back by ag_graph_from_json, or NULL */
    int finalized;
};

/* Strings as the model stores them: valid UTF-8 (bad bytes become U+FFFD),
 * no control characters or XML-forbidden code points, whitespace collapsed,
 * trimmed.  malloc'ed; NULL on ENOMEM. */
char *ag_graph__clean(const char *s);

/* The graph's title (from JSON) or NULL. */
const char *ag_graph__title(const ag_graph *g);

/* Free the strings of one actor / evidence / edge of @p g. */
void ag_graph__actor_clear(ag_actor *a, ag_actor_priv *p);
void ag_graph__evidence_clear(ag_graph *g, ag_evidence *ev);
void ag_graph__edge_clear(ag_graph *g, ag_edge *e, ag_edge_priv *ep);

/* Append a form to an actor's alias list (no key bookkeeping, no dedupe
 * against the label); AG_OK or AG_ENOMEM. */
int ag_graph__push_alias(ag_actor *a, ag_actor_priv *p, const char *alias);

/* Add @p n mentions in @p doc (a clean name, recorded in @p g if new) to an
 * actor's sorted doc list, which points at @p g's document names. */
int ag_graph__actor_add_doc(ag_graph *g, ag_actor *a, ag_actor_priv *p, const char *doc, uint32_t n);

/* Copy-merge evidence into an edge, deduplicated by (doc, sentence, rule):
 * on a clash the higher confidence and the smaller (start, end, text) win,
 * so the result does not depend on the order evidence arrives in.  An
 * unknown document is recorded.  @p clean 0: the strings are already clean
 * (from a graph). */
int ag_graph__edge_add_evidence(ag_graph *g, size_t edge, const ag_evidence *ev);
int ag_graph__edge_add_evidence_ex(ag_graph *g, size_t edge, const ag_evidence *ev, int clean);

/* Order of an edge's evidence: document, sentence, start, rule. */
int ag_graph__evidence_cmp(const void *x, const void *y);

/* Fold what edge @p fe (@p fp its private part) counted beyond its listed
 * evidence into edge @p edge of @p g, after its evidence was added: the
 * fingerprints when @p same (fe was an edge of g), else the remainder as
 * extra counts (the two are then taken to share no document). */
int ag_graph__edge_carry_counts(ag_graph *g, size_t edge, const ag_edge *fe, const ag_edge_priv *fp, int same);

/* Distinct documents of an edge's listed evidence: O(n^2), for capped edges. */
size_t ag_graph__edge_listed_docs(const ag_edge *e);

/* The edge's distinct evidence, counting what was dropped. */
size_t ag_graph__edge_evidence_total(const ag_graph *g, size_t edge);

/* Find or create the edge (source, target, relation); *index gets it. */
int ag_graph__edge_get(ag_graph *g, ag_ctx *ctx, size_t *index, size_t source, size_t target,
                       const char *relation);

/* The type with most votes; ties go to the lower enum value; UNKNOWN only
 * when no specific type has a vote. */
ag_actor_type ag_graph__choose_type(const ag_actor_priv *p, ag_actor_type current);

/* Rebuild actor_keys, the edge index and doc_keys from the arrays. */
int ag_graph__reindex(ag_graph *g);

/* Compute degree, weighted degree, PageRank, betweenness and communities
 * with igraph (metrics.c).  AG_OK, AG_ENOMEM or AG_EDEP. */
int ag_graph__metrics(ag_graph *g, ag_ctx *ctx);

#endif
