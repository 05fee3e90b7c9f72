/* actorgraph CLI: the Graphviz layout in a child process the CLI controls.
 * Graphviz cannot be interrupted, so the library only offers an in-process
 * layout; here it runs in a child that dies with us, within a time budget,
 * and sends the layout back through a pipe.  A child that runs late or
 * crashes is killed and the next, cheaper step (ag_layout_step_engine) tried. */
#define _GNU_SOURCE /* pipe2 */

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
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "cli.h"

/* Seconds a step may take before the next, cheaper one is tried.  The
 * engines are picked by size with limits far below it, so the normal path
 * never depends on timing; AG_LAYOUT_BUDGET (seconds, > 0) overrides it, so
 * tests can force the fallback.  The last step runs without a budget. */
#define LAYOUT_BUDGET_S 20.0

/* What the child sends first: the library's result code, then the message
 * (on failure) or the layout's bytes (ag_layout_save). */
typedef struct {
    int32_t code;
    uint32_t msg_len;
    uint64_t len;
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

static const int guarded[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

/* The child: tie its life to the parent's, compute, send, leave without
 * atexit handlers or the parent's stdio buffers. */
static void child(int fd, pid_t parent, const sigset_t *mask, ag_ctx *ctx, const ag_graph *g,
                  const ag_export_options *opts, const ag_layout_options *lo)
{
    ag_layout *lay = NULL;
    char *bytes = NULL;
    size_t len = 0, i;
    const char *msg = "";
    wire_head h;
    int err, null;

    /* its own group, so the parent can kill whatever it may start, and a
     * terminal's ^C reaches only the parent, which then kills it */
    setpgid(0, 0);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    /* the parent may have died before the line above: no signal comes then */
    if (getppid() != parent)
        _exit(1);
    /* the parent's handlers clean up the parent's files; ignored stays ignored */
    for (i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++) {
        struct sigaction sa;
        if (sigaction(guarded[i], NULL, &sa) == 0 && sa.sa_handler != SIG_IGN)
            signal(guarded[i], SIG_DFL);
    }
    sigprocmask(SIG_SETMASK, mask, NULL);
    /* what Graphviz's plugins print straight to stderr ("graph is too large
     * for cairo-renderer bitmaps") is a library talking to the user's
     * terminal; its errors reach us through the context */
    if ((null = open("/dev/null", O_WRONLY)) >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
    err = ag_layout_compute(&lay, ctx, g, opts, lo);
    if (err == AG_OK)
        err = ag_layout_save(&bytes, &len, ctx, lay);
    if (err < 0)
        msg = ag_ctx_errmsg(ctx);
    h.code = err;
    h.msg_len = (uint32_t)strlen(msg);
    h.len = err < 0 ? 0 : len;
    err = write_all(fd, &h, sizeof(h)) || write_all(fd, msg, h.msg_len) || write_all(fd, bytes, (size_t)h.len);
    free(bytes);
    ag_layout_free(lay);
    _exit(err ? 1 : 0);
}

enum { RUN_OK = 0, RUN_FAILED = 1, RUN_TIMEOUT = 2, RUN_CRASH = 3, RUN_NOFORK = 4 };

/* Run one step in a child within @p budget seconds (<= 0: no limit).
 * RUN_OK with the layout in *out; RUN_FAILED with the library's message in
 * @p ctx; else why the step gave nothing (*sig: the signal that ended the
 * child, if one of its own did). */
static int run_step(ag_layout **out, ag_ctx *ctx, const ag_graph *g, const ag_export_options *opts,
                    const ag_layout_options *lo, double budget, int *sig)
{
    double deadline = budget > 0 ? now_s() + budget : 0;
    sigset_t block, old;
    int fds[2], status = 0, r, rc = RUN_CRASH;
    char *msg = NULL, *bytes = NULL;
    wire_head h;
    pid_t pid, w, parent = getpid();
    size_t i;

    *out = NULL;
    *sig = 0;
    if (pipe2(fds, O_CLOEXEC) != 0)
        return RUN_NOFORK;
    /* no handler may run between fork and noting the child's pid, or it
     * would not know whom to kill */
    sigemptyset(&block);
    for (i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++)
        sigaddset(&block, guarded[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], parent, &old, ctx, g, opts, lo);
    }
    if (pid > 0) {
        setpgid(pid, pid); /* as the child does: whichever runs first */
        cli_guard_child(pid);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return RUN_NOFORK;
    }
    r = read_all(fds[0], &h, sizeof(h), deadline);
    if (r == 0 && h.code < 0) {
        if (h.msg_len && !(msg = calloc(1, (size_t)h.msg_len + 1)))
            r = -3;
        else if (h.msg_len)
            r = read_all(fds[0], msg, h.msg_len, deadline);
        if (r == 0) {
            ag_error_set(ctx, h.code, "%s", msg ? msg : "graphviz failed");
            rc = RUN_FAILED;
        }
    } else if (r == 0) {
        if (h.len >= SIZE_MAX || !(bytes = malloc((size_t)h.len + 1)))
            r = -3;
        else
            r = read_all(fds[0], bytes, (size_t)h.len, deadline);
        if (r == 0 && ag_layout_load(out, ctx, g, bytes, (size_t)h.len) < 0) {
            /* our own child wrote them: a bug, not bad input; the message
             * is copied as the context cannot format from itself */
            char why[256];
            snprintf(why, sizeof(why), "%s", ag_ctx_errmsg(ctx));
            ag_error_set(ctx, AG_EDEP, "the layout process sent a bad layout: %s", why);
            rc = RUN_FAILED;
        } else if (r == 0) {
            rc = RUN_OK;
        }
    }
    if (r == -2)
        rc = RUN_TIMEOUT;
    else if (r == -3) {
        ag_error_set(ctx, AG_ENOMEM, "out of memory reading the layout");
        rc = RUN_FAILED;
    }
    if (rc != RUN_OK && rc != RUN_FAILED) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    close(fds[0]);
    do
        w = waitpid(pid, &status, 0);
    while (w < 0 && errno == EINTR);
    cli_guard_child(0);
    if (w == pid && WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
        *sig = WTERMSIG(status);
    free(msg);
    free(bytes);
    return rc;
}

int cli_layout(ag_layout **out, ag_ctx *ctx, const ag_graph *g, ag_format fmt, const ag_export_options *opts)
{
    ag_layout_options lo = AG_LAYOUT_OPTIONS_INIT;
    double budget = budget_seconds();
    int rc, sig;

    *out = NULL;
    lo.format = fmt;
    lo.budget = budget;
    for (;;) {
        const char *engine = ag_layout_step_engine(g, opts, lo.step);
        const char *next = ag_layout_step_engine(g, opts, lo.step + 1);
        rc = run_step(out, ctx, g, opts, &lo, next ? budget : 0, &sig);
        if (rc == RUN_OK)
            return AG_EXIT_OK;
        if (rc == RUN_FAILED)
            return cli_fail(ctx, 0);
        if (rc == RUN_NOFORK) /* no process to spare: lay out here, unbounded */
            return ag_layout_compute(out, ctx, g, opts, &lo) < 0 ? cli_fail(ctx, 0) : AG_EXIT_OK;
        if (!next) {
            if (rc == RUN_TIMEOUT)
                ag_error_set(ctx, AG_EDEP, "graphviz: layout \"%s\" ran out of time", engine);
            else if (sig)
                ag_error_set(ctx, AG_EDEP, "graphviz: layout \"%s\" crashed (signal %d)", engine, sig);
            else
                ag_error_set(ctx, AG_EDEP, "graphviz: layout \"%s\" ended without a result", engine);
            return cli_fail(ctx, 0);
        }
        lo.crashed |= rc == RUN_CRASH;
        lo.step++;
    }
}
