/* actorgraph: graph metrics with igraph 0.10 (degree, weighted degree,
 * PageRank, betweenness, communities).  igraph's default error handler
 * aborts, so every call runs under our handler, which keeps the reason and
 * lets the call return; AG_IGRAPH turns a failure into AG_EDEP in the ctx. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "model/model_internal.h"

/* The first non-empty reason igraph gave since the last AG_IGRAPH call.
 * Thread-local so two threads finalizing two graphs keep their own
 * (Debian's igraph is built without thread safety, see the note on
 * ag_graph__metrics). */
static _Thread_local char igraph_reason[256];

/* igraph calls this on every error, once per unwound level; freeing the
 * FINALLY stack and returning is what igraph_error_handler_ignore does, plus
 * keeping the first message. */
static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    if (!igraph_reason[0] && reason && reason[0])
        snprintf(igraph_reason, sizeof(igraph_reason), "%s (%s)", reason, igraph_strerror(code));
    else if (!igraph_reason[0])
        snprintf(igraph_reason, sizeof(igraph_reason), "%s", igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

/* Warnings (e.g. "PageRank of an empty graph") are not ours to print. */
static void on_igraph_warning(const char *reason, const char *file, int line)
{
}

#define AG_IGRAPH(ctx, call)                                                                 \
    do {                                                                                     \
        igraph_error_t ag_r_;                                                                \
        igraph_reason[0] = '\0';                                                             \
        ag_r_ = (call);                                                                      \
        if (ag_r_ != IGRAPH_SUCCESS) {                                                       \
            err = ag_error_set((ctx), AG_EDEP, "igraph: %.*s failed: %s",                   \
                               (int)strcspn(#call, "("), #call,                              \
                               igraph_reason[0] ? igraph_reason : igraph_strerror(ag_r_));   \
            goto out;                                                                        \
        }                                                                                    \
    } while (0)

/* igraph keeps its attribute table, handlers, RNG and FINALLY stack in
 * process-wide variables (Debian's build has no thread-local storage), so
 * one graph is measured at a time; the lock is what lets two threads
 * finalize two graphs safely.  A host using igraph on its own threads must
 * not do so during ag_graph_finalize (model.h says so). */
static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

/* Steps of exact betweenness beyond which it is estimated (about a second),
 * and the fewest pivots an estimate uses. */
#define AG_BETWEENNESS_WORK 2e7
#define AG_BETWEENNESS_MIN_PIVOTS 64

typedef struct {
    size_t a, b;
    double w;
} pair;

static int cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;

    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return 0;
}

/* Metric weight of an edge: the documents stating it, at least 1 so an edge
 * recorded without evidence still counts and Louvain never sees a zero total. */
static double metric_weight(const ag_edge *e)
{
    return e->weight ? (double)e->weight : 1.0;
}

/*
 * Fill the actors' metrics.  The attribute table, the handlers and the
 * default RNG are ours for the duration of the call and the previous ones
 * restored, so a host program's own igraph setup survives.
 *
 * Betweenness and communities use the undirected simple projection (parallel
 * relations and both directions joined, weights summed): who brokers between
 * whom in the news does not depend on who spoke first.  Betweenness ignores
 * weights (igraph would read them as distances, the wrong way round here).
 * Louvain shuffles vertices with igraph's default RNG, so a private,
 * fixed-seed RNG is made the default for the call and the caller's restored.
 */
int ag_graph__metrics(ag_graph *g, ag_ctx *ctx)
{
    igraph_error_handler_t *old_err;
    igraph_warning_handler_t *old_warn;
    igraph_attribute_table_t *old_table;
    igraph_rng_t rng, *old_rng = NULL;
    igraph_t dg, ug;
    igraph_vector_int_t el, uel, deg, memb;
    igraph_vector_t w, uw, res;
    igraph_real_t value;
    pair *pairs = NULL;
    size_t n = g->n_actors, m = g->n_edges, np = 0, i;
    int have_dg = 0, have_ug = 0, have_el = 0, have_uel = 0, have_deg = 0, have_memb = 0;
    int have_w = 0, have_uw = 0, have_res = 0, have_rng = 0, err = AG_OK;
    size_t *first = NULL;

    for (i = 0; i < n; i++) {
        ag_actor *a = &g->actors[i];
        a->degree = a->weighted_degree = a->pagerank = a->betweenness = 0.0;
        a->community = 0;
    }
    if (n == 0)
        return AG_OK;
    pthread_mutex_lock(&igraph_lock);
    /* igraph's C attribute handler carries the model's names, types,
     * relations and weights on the igraph_t for the call; the host's table
     * (usually none) is back when it returns */
    old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    old_err = igraph_set_error_handler(on_igraph_error);
    old_warn = igraph_set_warning_handler(on_igraph_warning);

    if (m && !(pairs = malloc(m * sizeof(*pairs))))
        goto nomem;
    for (i = 0; i < m; i++) {
        const ag_edge *e = &g->edges[i];
        pairs[i].a = e->source < e->target ? e->source : e->target;
        pairs[i].b = e->source < e->target ? e->target : e->source;
        pairs[i].w = metric_weight(e);
    }
    if (m)
        qsort(pairs, m, sizeof(*pairs), cmp_pair);
    for (i = 0; i < m; i++) {
        if (np && pairs[np - 1].a == pairs[i].a && pairs[np - 1].b == pairs[i].b)
            pairs[np - 1].w += pairs[i].w;
        else
            pairs[np++] = pairs[i];
    }

    AG_IGRAPH(ctx, igraph_vector_int_init(&el, (igraph_integer_t)(2 * m)));
    have_el = 1;
    AG_IGRAPH(ctx, igraph_vector_init(&w, (igraph_integer_t)m));
    have_w = 1;
    for (i = 0; i < m; i++) {
        VECTOR(el)[2 * i] = (igraph_integer_t)g->edges[i].source;
        VECTOR(el)[2 * i + 1] = (igraph_integer_t)g->edges[i].target;
        VECTOR(w)[i] = metric_weight(&g->edges[i]);
    }
    AG_IGRAPH(ctx, igraph_vector_int_init(&uel, (igraph_integer_t)(2 * np)));
    have_uel = 1;
    AG_IGRAPH(ctx, igraph_vector_init(&uw, (igraph_integer_t)np));
    have_uw = 1;
    for (i = 0; i < np; i++) {
        VECTOR(uel)[2 * i] = (igraph_integer_t)pairs[i].a;
        VECTOR(uel)[2 * i + 1] = (igraph_integer_t)pairs[i].b;
        VECTOR(uw)[i] = pairs[i].w;
    }
    AG_IGRAPH(ctx, igraph_create(&dg, &el, (igraph_integer_t)n, IGRAPH_DIRECTED));
    have_dg = 1;
    /* the model on the igraph_t: actors' id, label and type, relations and
     * weights; the weighted measures read the weights back from it */
    for (i = 0; i < n; i++) {
        AG_IGRAPH(ctx, SETVAS(&dg, "id", (igraph_integer_t)i, g->actors[i].id ? g->actors[i].id : ""));
        AG_IGRAPH(ctx, SETVAS(&dg, "label", (igraph_integer_t)i, g->actors[i].label));
        AG_IGRAPH(ctx, SETVAS(&dg, "type", (igraph_integer_t)i, ag_actor_type_name(g->actors[i].type)));
    }
    for (i = 0; i < m; i++) {
        AG_IGRAPH(ctx, SETEAS(&dg, "relation", (igraph_integer_t)i, g->edges[i].relation));
        AG_IGRAPH(ctx, SETEAN(&dg, "weight", (igraph_integer_t)i, VECTOR(w)[i]));
    }
    if (m)
        AG_IGRAPH(ctx, igraph_cattribute_EANV(&dg, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &w));
    AG_IGRAPH(ctx, igraph_create(&ug, &uel, (igraph_integer_t)n, IGRAPH_UNDIRECTED));
    have_ug = 1;
    AG_IGRAPH(ctx, igraph_vector_int_init(&deg, 0));
    have_deg = 1;
    AG_IGRAPH(ctx, igraph_vector_init(&res, 0));
    have_res = 1;

    AG_IGRAPH(ctx, igraph_degree(&dg, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    for (i = 0; i < n; i++)
        g->actors[i].degree = (double)VECTOR(deg)[i];
    AG_IGRAPH(ctx, igraph_strength(&dg, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w));
    for (i = 0; i < n; i++)
        g->actors[i].weighted_degree = VECTOR(res)[i];
    AG_IGRAPH(ctx, igraph_pagerank(&dg, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                                   IGRAPH_DIRECTED, 0.85, &w, NULL));
    for (i = 0; i < n; i++)
        g->actors[i].pagerank = VECTOR(res)[i];
    /* Exact betweenness costs about actors x (actors + pairs) steps.  Past
     * AG_BETWEENNESS_WORK it is estimated from k evenly spaced source actors
     * (Brandes and Pich's pivots), scaled by n / k: the time stays bounded and
     * the brokers keep their rank (docs/FORMATS.md).  The pivots depend only
     * on the sorted actor order, so the figures stay deterministic. */
    if ((double)n * (double)(n + np) <= AG_BETWEENNESS_WORK) {
        AG_IGRAPH(ctx, igraph_betweenness(&ug, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL));
    } else {
        size_t k = (size_t)(AG_BETWEENNESS_WORK / (double)(n + np));
        igraph_vector_int_t pivots;

        if (k < AG_BETWEENNESS_MIN_PIVOTS)
            k = AG_BETWEENNESS_MIN_PIVOTS;
        if (k > n)
            k = n;
        AG_IGRAPH(ctx, igraph_vector_int_init(&pivots, (igraph_integer_t)k));
        for (i = 0; i < k; i++)
            VECTOR(pivots)[i] = (igraph_integer_t)(i * n / k);
        igraph_reason[0] = '\0';
        if (igraph_betweenness_subset(&ug, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, igraph_vss_vector(&pivots),
                                      igraph_vss_all(), NULL) != IGRAPH_SUCCESS) {
            igraph_vector_int_destroy(&pivots);
            err = ag_error_set(ctx, AG_EDEP, "igraph: igraph_betweenness_subset failed: %s",
                               igraph_reason[0] ? igraph_reason : "error");
            goto out;
        }
        igraph_vector_int_destroy(&pivots);
        for (i = 0; i < n; i++)
            VECTOR(res)[i] *= (double)n / (double)k;
    }
    for (i = 0; i < n; i++)
        g->actors[i].betweenness = VECTOR(res)[i];

    AG_IGRAPH(ctx, igraph_rng_init(&rng, &igraph_rngtype_mt19937));
    have_rng = 1;
    AG_IGRAPH(ctx, igraph_rng_seed(&rng, 20240607));
    old_rng = igraph_rng_default();
    igraph_rng_set_default(&rng);
    AG_IGRAPH(ctx, igraph_vector_int_init(&memb, 0));
    have_memb = 1;
    AG_IGRAPH(ctx, igraph_community_multilevel(&ug, &uw, 1.0, &memb, NULL, NULL));
    /* renumber: community k is the one whose smallest actor index is k-th smallest */
    if (!(first = malloc(n * sizeof(*first))))
        goto nomem;
    for (i = 0; i < n; i++)
        first[i] = (size_t)-1;
    {
        size_t next = 0;
        for (i = 0; i < n; i++) {
            size_t c = (size_t)VECTOR(memb)[i];
            if (c >= n) {
                err = ag_error_set(ctx, AG_EDEP, "igraph: community id %zu out of range", c);
                goto out;
            }
            if (first[c] == (size_t)-1)
                first[c] = next++;
            g->actors[i].community = (int)first[c];
        }
    }
    for (i = 0; i < n; i++) {
        ag_actor *a = &g->actors[i];
        if (!isfinite(a->pagerank))
            a->pagerank = 0.0;
        if (!isfinite(a->betweenness))
            a->betweenness = 0.0;
        if (!isfinite(a->weighted_degree))
            a->weighted_degree = 0.0;
    }
out:
    if (old_rng)
        igraph_rng_set_default(old_rng);
    if (have_rng)
        igraph_rng_destroy(&rng);
    if (have_memb)
        igraph_vector_int_destroy(&memb);
    if (have_res)
        igraph_vector_destroy(&res);
    if (have_deg)
        igraph_vector_int_destroy(&deg);
    if (have_ug)
        igraph_destroy(&ug);
    if (have_dg)
        igraph_destroy(&dg);
    if (have_uw)
        igraph_vector_destroy(&uw);
    if (have_uel)
        igraph_vector_int_destroy(&uel);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_el)
        igraph_vector_int_destroy(&el);
    free(pairs);
    free(first);
    igraph_set_warning_handler(old_warn);
    igraph_set_error_handler(old_err);
    igraph_set_attribute_table(old_table);
    pthread_mutex_unlock(&igraph_lock);
    return err;
nomem:
    err = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    goto out;
}
