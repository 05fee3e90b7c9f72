/* actorgraph: the actor graph.
 * Extraction produces one graph per article; ag_graph_merge() is the single
 * place where actors from different articles (or shards) meet, and
 * ag_graph_finalize() makes the result canonical: merged aliases, sorted
 * actors and edges, stable ids, recounted weights and igraph metrics. */
#ifndef ACTORGRAPH_MODEL_H
#define ACTORGRAPH_MODEL_H

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_ACTOR_UNKNOWN = 0,
    AG_ACTOR_PERSON,
    AG_ACTOR_ORGANIZATION,
    AG_ACTOR_COUNTRY,
    AG_ACTOR_MEDIA,
    AG_ACTOR_GROUP,
    AG_ACTOR_PLACE,
    AG_ACTOR_TYPE_COUNT_
} ag_actor_type;

/** "person", "organization", ... ; "unknown" for out-of-range values. */
AG_EXTERN(const char *) ag_actor_type_name(ag_actor_type type);

/** Parse a type name; @return AG_OK or AG_EINVAL (ctx may be NULL). */
AG_EXTERN(int) ag_actor_type_parse(ag_actor_type *out, ag_ctx *ctx, const char *name);

/** One piece of evidence: where an edge is stated. */
typedef struct ag_evidence {
    const char *doc;    /**< document name */
    uint32_t sentence;  /**< 0-based sentence index in that document */
    uint32_t start, end; /**< byte span of the sentence in the document */
    const char *text;   /**< the sentence, whitespace collapsed */
    const char *rule;   /**< id of the rule that fired */
    double confidence;  /**< 0..1 */
} ag_evidence;

/** An actor as stored in a graph (read-only for callers). */
typedef struct ag_actor {
    char *id;            /**< stable slug, unique in the graph ("cho-tae-yul") */
    char *label;         /**< display name */
    ag_actor_type type;
    char **aliases;      /**< other surface forms, sorted, without the label */
    size_t n_aliases;
    char **docs;         /**< documents that mention it, sorted */
    size_t n_docs;
    uint32_t mentions;   /**< mention count over all documents */
    /* metrics, filled by ag_graph_finalize() */
    double degree, weighted_degree, pagerank, betweenness;
    int community;
    double x, y;         /**< layout position (points), 0 until laid out */
} ag_actor;

/** A relation between two actors (read-only for callers). */
typedef struct ag_edge {
    size_t source, target; /**< actor indices */
    char *relation;        /**< vocabulary of shared/gold/README.md */
    uint32_t weight;       /**< number of documents stating it */
    double confidence;     /**< highest confidence over its evidence */
    ag_evidence *evidence; /**< sorted by doc, sentence */
    size_t n_evidence;
    /** distinct evidence stated; more than n_evidence when the graph keeps
     *  fewer per edge (ag_graph_set_max_evidence) */
    size_t evidence_count;
} ag_edge;

typedef struct ag_graph ag_graph;

/** @param[out] out new empty graph; free with ag_graph_free().  @return AG_OK or AG_ENOMEM. */
AG_EXTERN(int) ag_graph_new(ag_graph **out, ag_ctx *ctx);

/** Free a graph; NULL is a no-op. */
AG_EXTERN(void) ag_graph_free(ag_graph *g);

/**
 * Keep at most @p max pieces of evidence per relation (0: all, the default),
 * so that memory follows the graph rather than the corpus.  The kept ones
 * are the first in (document, sentence, start, rule) order, whatever order
 * they arrive in; the edge's weight, confidence and evidence_count still
 * count everything added.  Set it on an empty graph.
 * @return AG_OK or AG_EINVAL (the graph has edges already).
 */
AG_EXTERN(int) ag_graph_set_max_evidence(ag_graph *g, ag_ctx *ctx, size_t max);

/**
 * Record a source document (name plus optional date, url, title; NULLs allowed).
 * Recording the same name twice keeps the first and fills in missing fields.
 */
AG_EXTERN(int) ag_graph_add_document(ag_graph *g, ag_ctx *ctx, const char *name, const char *date,
                                     const char *url, const char *title);

/**
 * Find the actor whose label or alias matches @p label (compared without case,
 * spaces, hyphens, dots, apostrophes) or add a new one.  A found actor whose
 * type is AG_ACTOR_UNKNOWN takes @p type.
 * @param[out] index  the actor's index.
 * @return AG_OK or AG_ENOMEM.
 */
AG_EXTERN(int) ag_graph_add_actor(ag_graph *g, ag_ctx *ctx, size_t *index, const char *label,
                                  ag_actor_type type);

/** Add a surface form to an actor (ignored if equal to its label or known). */
AG_EXTERN(int) ag_graph_add_alias(ag_graph *g, ag_ctx *ctx, size_t actor, const char *alias);

/** Count @p n mentions of @p actor in document @p doc. */
AG_EXTERN(int) ag_graph_add_mentions(ag_graph *g, ag_ctx *ctx, size_t actor, const char *doc, uint32_t n);

/**
 * Add evidence for the edge (source, relation, target), creating the edge if
 * needed.  Strings in @p ev are copied.  Self-loops are refused with AG_EINVAL.
 */
AG_EXTERN(int) ag_graph_add_edge(ag_graph *g, ag_ctx *ctx, size_t source, size_t target,
                                 const char *relation, const ag_evidence *ev);

/**
 * Merge @p from into @p into: actors meet by label and aliases, edges by
 * (source, relation, target), evidence is kept once.  @p from is unchanged.
 * Call ag_graph_finalize() afterwards.
 */
AG_EXTERN(int) ag_graph_merge(ag_graph *into, ag_ctx *ctx, const ag_graph *from);

/**
 * Make the graph canonical: resolve cross-document aliases (a surname alone to
 * the one person of that surname), sort actors by label and edges by
 * (source, target, relation), assign stable ids, recount weights, and compute
 * degree, weighted degree, PageRank, betweenness and communities with igraph.
 * Idempotent.  igraph's attribute table, error and warning handlers and
 * default RNG are set for the metrics and restored before it returns; two
 * threads may finalize two graphs (the igraph part runs one at a time), but a
 * host must not call igraph on another thread meanwhile, since Debian's igraph
 * keeps that state process-wide.  @return AG_OK, AG_ENOMEM or AG_EDEP.
 */
AG_EXTERN(int) ag_graph_finalize(ag_graph *g, ag_ctx *ctx);

/** Counts and borrowed read-only access; indices are valid until the next change. */
AG_EXTERN(size_t) ag_graph_actor_count(const ag_graph *g);
AG_EXTERN(const ag_actor *) ag_graph_actor(const ag_graph *g, size_t i);
AG_EXTERN(size_t) ag_graph_edge_count(const ag_graph *g);
AG_EXTERN(const ag_edge *) ag_graph_edge(const ag_graph *g, size_t i);
AG_EXTERN(size_t) ag_graph_document_count(const ag_graph *g);
/** Document @p i: name, and its date/url/title (NULL when unknown) through the out pointers (may be NULL). */
AG_EXTERN(const char *) ag_graph_document(const ag_graph *g, size_t i, const char **date,
                                          const char **url, const char **title);

/** Index of the actor with id or label @p name, or -1. */
AG_EXTERN(long) ag_graph_find_actor(const ag_graph *g, const char *name);

/**
 * Read a graph written by the JSON exporter (JSON Graph Format v2) back.
 * @param name  used in error messages.
 * @return AG_OK, AG_EPARSE (with byte offset) or AG_ENOMEM.
 */
AG_EXTERN(int) ag_graph_from_json(ag_graph **out, ag_ctx *ctx, const char *bytes, size_t len,
                                  const char *name);

/** Options of ag_graph_filter(); start from AG_FILTER_OPTIONS_INIT so fields
 * added later keep their "no filter" defaults. */
typedef struct ag_filter_options {
    int version;                  /**< AG_FILTER_OPTIONS_VERSION */
    const char *focus;            /**< keep the ego network of this actor (id, label or alias); NULL: all */
    unsigned depth;               /**< with @ref focus: hops from it, edges followed both ways (0: the actor alone) */
    uint32_t min_weight;          /**< keep edges stated by at least this many documents (0, 1: all) */
    unsigned types;               /**< AG_FILTER_TYPE() bits of the actor types kept; 0: all */
    const char *const *relations; /**< relation names kept; NULL: all */
    size_t n_relations;
    int drop_isolates;            /**< drop actors left without an edge */
    size_t max_evidence;          /**< keep this many pieces of evidence per edge (see
                                       ag_graph_set_max_evidence); 0: all */
} ag_filter_options;

#define AG_FILTER_OPTIONS_VERSION 1
#define AG_FILTER_OPTIONS_INIT {AG_FILTER_OPTIONS_VERSION, NULL, 1, 0, 0, NULL, 0, 0, 0}
/** The bit of one actor type in ag_filter_options.types. */
#define AG_FILTER_TYPE(t) (1u << (unsigned)(t))

/**
 * A subgraph of @p g (finalized), in this order: actors of the kept types and
 * edges of the kept relations with enough weight; then, with a focus, the
 * actors within @ref ag_filter_options.depth hops of it over those edges (the
 * focus is kept whatever its type) and every kept edge among them; then,
 * with drop_isolates, no actor without an edge.  Actors keep their aliases,
 * mentions and documents, edges all their evidence; the document list keeps
 * the documents something kept refers to.  The result is finalized, so
 * metrics are those of the subgraph.  Note that finalizing a subgraph may
 * join what the whole graph kept apart (a lone surname whose other bearer was
 * dropped).
 * @param[out] out  a new graph; free with ag_graph_free().
 * @param opts      NULL keeps everything (a finalized copy).
 * @return AG_OK, AG_ENOMEM, AG_EDEP, or AG_EINVAL when @p g is not finalized,
 *         @p opts has an unknown version, or no actor is called @ref focus.
 */
AG_EXTERN(int) ag_graph_filter(ag_graph **out, ag_ctx *ctx, const ag_graph *g,
                               const ag_filter_options *opts);

#ifdef __cplusplus
}
#endif
#endif
