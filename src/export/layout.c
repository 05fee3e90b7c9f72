/* actorgraph: the layout every positioned format shares, with a time budget.
 * Graphviz cannot be interrupted, so each attempt runs in a forked child that
 * sends back positions and rendering through a pipe; a child that overruns
 * its budget is killed and the work redone with a faster engine.  The engine
 * is chosen by size (ag_export_default_layout) with limits far below the
 * budget, so the normal path never depends on timing. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "export/export_internal.h"
#include "model/model_internal.h"

/* Seconds an attempt may take before the next, faster engine is tried.
 * AG_LAYOUT_BUDGET (seconds, > 0) overrides it, so tests can force the
 * fallback.  The last resort (sfdp without overlap removal, few iterations)
 * runs without a budget: its cost grows about as n log n. */
#define LAYOUT_BUDGET_S 20.0

typedef struct {
    int32_t code;
    uint32_t msg_len;
    uint64_t n_xy, len;
} wire_head;

static double budget_seconds(void)
{
    const char *env = getenv("AG_LAYOUT_BUDGET");
    double v;
    char *end;

    if (env && *env) {
        v = strtod(env, &end);
        if (*end == '\0' && v > 0 && v < 1e6)
            return v;
    }
    return LAYOUT_BUDGET_S;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;

    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Read exactly @p n bytes before @p deadline (<= 0: none).
 * 0 ok, -1 end of file or error, -2 deadline passed. */
static int read_all(int fd, void *p, size_t n, double deadline)
{
    char *c = p;

    while (n) {
        struct pollfd pfd = {fd, POLLIN, 0};
        int ms = -1, r;
        ssize_t got;
        if (deadline > 0) {
            double left = deadline - now_s();
            if (left <= 0)
                return -2;
            ms = (int)(left * 1000.0) + 1;
        }
        r = poll(&pfd, 1, ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return -2;
        got = read(fd, c, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        c += got;
        n -= (size_t)got;
    }
    return 0;
}

/* The child: do the job, send the result, leave without running atexit
 * handlers or flushing the parent's stdio buffers. */
static void child(int fd, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts, ag_gv_job *job)
{
    const char *msg;
    wire_head h;
    int err, null = open("/dev/null", O_WRONLY);

    /* Graphviz's errors reach us through agseterrf; what its plugins print
     * straight to stderr ("graph is too large for cairo-renderer bitmaps")
     * is a library talking to the user's terminal */
    if (null >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
    err = ag_export__graphviz_job(ctx, g, opts, job);
    msg = err < 0 ? ag_ctx_errmsg(ctx) : "";

    h.code = err;
    h.msg_len = (uint32_t)strlen(msg);
    h.n_xy = err < 0 || !job->xy ? 0 : 2 * (uint64_t)ag_graph_actor_count(g);
    h.len = err < 0 ? 0 : job->len;
    if (write_all(fd, &h, sizeof(h)) || write_all(fd, msg, h.msg_len) ||
        write_all(fd, job->xy, h.n_xy * sizeof(double)) || write_all(fd, job->bytes, h.len))
        _exit(1);
    _exit(0);
}

enum { RUN_OK = 0, RUN_TIMEOUT = 1, RUN_CRASH = 2, RUN_NOFORK = 3 };

/* Run @p job in a child within @p budget seconds (<= 0: no limit).
 * Returns an AG_E* code (< 0, message set) when the job itself failed,
 * else one of RUN_*. */
static int run_forked(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts, ag_gv_job *job,
                      double budget, int *signal_out)
{
    int fds[2], status = 0, r, rc = RUN_CRASH;
    double deadline = budget > 0 ? now_s() + budget : 0;
    wire_head h;
    char *msg = NULL;
    pid_t pid, w;

    *signal_out = 0;
    if (pipe(fds) != 0)
        return RUN_NOFORK;
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return RUN_NOFORK;
    }
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], ctx, g, opts, job);
    }
    close(fds[1]);
    r = read_all(fds[0], &h, sizeof(h), deadline);
    if (r == 0 && h.msg_len && !(msg = calloc(1, (size_t)h.msg_len + 1)))
        r = -3;
    if (r == 0 && msg)
        r = read_all(fds[0], msg, h.msg_len, deadline);
    if (r == 0 && h.code < 0) {
        rc = ag_error_set(ctx, h.code, "%s", msg ? msg : "graphviz failed");
        goto done;
    }
    if (r == 0 && h.n_xy != 2 * (uint64_t)ag_graph_actor_count(g))
        r = -1;
    if (r == 0 && h.n_xy && !(job->xy = malloc((size_t)h.n_xy * sizeof(double))))
        r = -3;
    if (r == 0 && h.n_xy)
        r = read_all(fds[0], job->xy, (size_t)h.n_xy * sizeof(double), deadline);
    if (r == 0 && !(job->bytes = malloc((size_t)h.len + 1)))
        r = -3;
    if (r == 0 && (r = read_all(fds[0], job->bytes, (size_t)h.len, deadline)) == 0) {
        job->bytes[h.len] = '\0';
        job->len = (size_t)h.len;
        rc = RUN_OK;
    } else if (r == -2) {
        rc = RUN_TIMEOUT;
    } else if (r == -3) {
        rc = ag_error_set(ctx, AG_ENOMEM, "out of memory");
    }
done:
    if (rc != RUN_OK) {
        kill(pid, SIGKILL);
        ag_export__job_free(job);
    }
    close(fds[0]);
    do
        w = waitpid(pid, &status, 0);
    while (w < 0 && errno == EINTR);
    if (w == pid && WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
        *signal_out = WTERMSIG(status);
    free(msg);
    return rc;
}

/* The next engine to try after @p engine ran out of time or crashed. */
static const char *faster(const char *engine)
{
    if (strcmp(engine, "sfdp-fast") == 0)
        return NULL;
    if (strcmp(engine, "sfdp") == 0)
        return "sfdp-fast";
    return "sfdp";
}

static const char *engine_text(const char *engine)
{
    return strcmp(engine, "sfdp-fast") == 0 ? "sfdp with fewer iterations, overlaps kept" : engine;
}

int ag_export__layout(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts, ag_gv_job *job)
{
    const char *engine = opts && opts->layout ? opts->layout : ag_export_default_layout(g);
    double budget = budget_seconds();
    char note[256] = "", tried[96] = "";
    int rc, sig, crashed = 0;

    if (!ag_export__engine_known(engine))
        return ag_error_set(ctx, AG_EINVAL,
                            "unknown layout \"%s\" (dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)",
                            engine);
    job->note = NULL;
    for (;;) {
        const char *next = faster(engine);
        size_t used = strlen(tried);
        job->engine = engine;
        rc = run_forked(ctx, g, opts, job, next ? budget : 0, &sig);
        if (rc == RUN_NOFORK) /* no processes to spare: lay out here, unbounded */
            return ag_export__graphviz_job(ctx, g, opts, job);
        if (rc != RUN_TIMEOUT && rc != RUN_CRASH)
            return rc < 0 ? rc : AG_OK;
        if (!next) {
            if (rc == RUN_TIMEOUT)
                return ag_error_set(ctx, AG_EDEP, "graphviz: layout \"%s\" ran out of time", engine_text(engine));
            return ag_error_set(ctx, AG_EDEP, "graphviz: layout \"%s\" crashed (signal %d)", engine_text(engine),
                                sig);
        }
        /* the picture says why it is not drawn by the engine asked for */
        crashed |= rc == RUN_CRASH;
        snprintf(tried + used, sizeof(tried) - used, "%s%s", used ? " and " : "", engine_text(engine));
        if (crashed)
            snprintf(note, sizeof(note), " layout: %s, as %s crashed or took longer than %g s ", engine_text(next),
                     tried, budget);
        else
            snprintf(note, sizeof(note), " layout: %s, as %s took longer than %g s ", engine_text(next), tried,
                     budget);
        job->note = note;
        engine = next;
    }
}

int ag_export__positions(ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts, double **xy)
{
    ag_gv_job job = {0};
    size_t n = ag_graph_actor_count(g), i;
    int laid_out = 0, err;

    *xy = NULL;
    if (!n)
        return AG_OK;
    for (i = 0; i < n && !laid_out; i++)
        laid_out = ag_graph_actor(g, i)->x != 0.0 || ag_graph_actor(g, i)->y != 0.0;
    if (laid_out) {
        if (!(*xy = malloc(2 * n * sizeof(double))))
            return ag_error_set(ctx, AG_ENOMEM, "out of memory");
        for (i = 0; i < n; i++) {
            (*xy)[2 * i] = ag_graph_actor(g, i)->x;
            (*xy)[2 * i + 1] = ag_graph_actor(g, i)->y;
        }
        return AG_OK;
    }
    if ((err = ag_export__layout(ctx, g, opts, &job)) < 0)
        return err;
    *xy = job.xy;
    job.xy = NULL;
    ag_export__job_free(&job);
    return AG_OK;
}
