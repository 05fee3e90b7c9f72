/* actorgraph CLI: reading inputs and writing the output.  Outputs are built
 * in memory and then written in one go: to stdout, or to a temporary file
 * beside the target that is synced and renamed over it, so a failed run
 * never leaves a half-written or truncated output behind; signals clean up
 * the temporary file and the layout child (supervise.c) alike. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "cli.h"

int cli_is_stdin(const char *path)
{
    return path && strcmp(path, "-") == 0;
}

int cli_open_input(FILE **out, const char *path)
{
    struct stat st;
    FILE *f;

    *out = NULL;
    if (cli_is_stdin(path)) {
        *out = stdin;
        return AG_EXIT_OK;
    }
    if (!(f = fopen(path, "rb"))) {
        cli_error("%s: %s", path, strerror(errno));
        return AG_EXIT_IO;
    }
    /* fopen() happily opens a directory for reading; the read would then
     * fail with a less helpful message. */
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error("%s: %s", path, strerror(EISDIR));
        fclose(f);
        return AG_EXIT_IO;
    }
    *out = f;
    return AG_EXIT_OK;
}

int cli_read_file(char **out, size_t *len, const char *path)
{
    const char *name = cli_is_stdin(path) ? "stdin" : path;
    char *buf = NULL, *grown;
    size_t used = 0, cap, n;
    struct stat st;
    FILE *f;
    int rc;

    *out = NULL;
    *len = 0;
    if ((rc = cli_open_input(&f, path)) != AG_EXIT_OK)
        return rc;
    /* Size the buffer from the file where known; +1 to see EOF in one read. */
    cap = 65536;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 1;
    if (!(buf = malloc(cap)))
        goto nomem;
    for (;;) {
        if (used + 1 == cap) {
            if (cap * 2 < cap || !(grown = realloc(buf, cap * 2)))
                goto nomem;
            buf = grown;
            cap *= 2;
        }
        n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        cli_error("%s: read error: %s", name, strerror(errno));
        rc = AG_EXIT_IO;
        goto out;
    }
    buf[used] = '\0';
    *out = buf;
    *len = used;
    buf = NULL;
    rc = AG_EXIT_OK;
    goto out;
nomem:
    cli_error("%s: out of memory reading the file", name);
    rc = AG_EXIT_PROCESSING;
out:
    free(buf);
    if (f != stdin)
        fclose(f);
    return rc;
}

static int write_all(int fd, const char *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}

/* What goes into an output: bytes in hand, or a graph exported while it is
 * written (ag_export_write), so a graph's file is never held in memory whole. */
typedef struct payload {
    const char *bytes;
    size_t len;
    ag_ctx *ctx; /* non-NULL: export g instead */
    const ag_graph *g;
    ag_format fmt;
    const ag_export_options *opts;
    const ag_layout *lay;
} payload;

static int sink_fd(void *user, const char *data, size_t len)
{
    return write_all(*(const int *)user, data, len);
}

/* 0; -1: a write failed (errno says why); -2: the export failed (ctx says). */
static int payload_write(int fd, const payload *p)
{
    int err;

    if (!p->ctx)
        return write_all(fd, p->bytes, p->len);
    errno = 0;
    err = ag_export_write(p->ctx, p->g, p->fmt, p->opts, p->lay, sink_fd, &fd);
    if (err == AG_EIO)
        return errno ? -1 : -2;
    return err < 0 ? -2 : 0;
}

/* The message of a failed payload_write; AG_EXIT_IO or the export's code. */
static int payload_fail(const payload *p, int how, const char *target)
{
    if (how == -2)
        return cli_fail(p->ctx, 0);
    if (target)
        cli_error("%s: %s", target, strerror(errno));
    else
        cli_error("writing to stdout: %s", strerror(errno));
    return AG_EXIT_IO;
}

static int write_stdout(const payload *p)
{
    int how;

    if (fflush(stdout) != 0)
        return payload_fail(p, -1, NULL);
    if ((how = payload_write(STDOUT_FILENO, p)) < 0)
        return payload_fail(p, how, NULL);
    return AG_EXIT_OK;
}

/* Devices, FIFOs and the like cannot be replaced by a rename (and as root
 * renaming over /dev/full would replace the device): write them in place. */
static int write_in_place(const char *path, const payload *p)
{
    int fd = open(path, O_WRONLY | O_TRUNC), how = -1;

    if (fd < 0 || (how = payload_write(fd, p)) < 0) {
        int rc = payload_fail(p, how, path);
        if (fd >= 0)
            close(fd);
        return rc;
    }
    if (close(fd) < 0) {
        cli_error("%s: %s", path, strerror(errno));
        return AG_EXIT_IO;
    }
    return AG_EXIT_OK;
}

/* What a signal handler must reach: the temporary file being written, the
 * layout child (supervise.c), and the message SIGXFSZ prints.  The only
 * globals of the CLI: a handler has no other way to find them. */
static char tmp_path[PATH_MAX];
static volatile sig_atomic_t tmp_live;
static volatile sig_atomic_t layout_child;
static char xfsz_msg[PATH_MAX + 64];
static volatile sig_atomic_t xfsz_len;

/* SIGINT, SIGTERM, SIGHUP and SIGXFSZ end the run alike: the layout child
 * (its whole process group) is killed and the temporary file removed.  The
 * first three then end the process by the same signal, so the caller sees
 * what stopped it.  SIGXFSZ means the output could not be written (a write
 * past the file-size limit): an error message and exit 4, as for any other
 * failed write, rather than its default core dump. */
static void on_signal(int sig)
{
    pid_t child = (pid_t)layout_child;

    if (child > 0) {
        kill(-child, SIGKILL);
        kill(child, SIGKILL);
    }
    if (tmp_live)
        unlink(tmp_path);
    if (sig == SIGXFSZ) {
        static const char generic[] = AG_CLI_NAME ": error: file size limit exceeded (SIGXFSZ)\n";
        if (tmp_live && xfsz_len > 0)
            (void)!write(STDERR_FILENO, xfsz_msg, (size_t)xfsz_len);
        else
            (void)!write(STDERR_FILENO, generic, sizeof(generic) - 1);
        _exit(AG_EXIT_IO);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Install the handlers above (on, nested: only the outermost call acts) or
 * put every disposition back as it was (off).  A signal that was ignored
 * stays ignored (nohup); an ignored SIGXFSZ makes a write past the limit
 * fail with EFBIG, which is cleaned up like any other failed write. */
static void guard_signals(int on)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
    static struct sigaction saved[sizeof(sigs) / sizeof(sigs[0])];
    static int depth;
    struct sigaction sa;

    if (on ? depth++ > 0 : --depth > 0)
        return;
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        if (!on) {
            sigaction(sigs[i], &saved[i], NULL);
            continue;
        }
        sigaction(sigs[i], NULL, &saved[i]);
        if (saved[i].sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* one cleanup at a time: a second signal waits for the first */
        for (size_t j = 0; j < sizeof(sigs) / sizeof(sigs[0]); j++)
            sigaddset(&sa.sa_mask, sigs[j]);
        sigaction(sigs[i], &sa, NULL);
    }
}

void cli_guard_child(long pid)
{
    layout_child = (sig_atomic_t)pid;
}

/* The temporary file of @p base in @p dir is ".BASE.actorgraph-tmp.PID":
 * only SIGKILL (or a crash) leaves one behind, and the name says whose it
 * is.  Remove those of processes that no longer exist; ours cannot exist
 * yet, so one with our PID is a dead process's too. */
#define TMP_TAG ".actorgraph-tmp."

static void remove_stale(const char *dir, const char *base)
{
    size_t blen = strlen(base), tlen = strlen(TMP_TAG);
    struct dirent *e;
    char path[PATH_MAX];
    DIR *d;

    if (!(d = opendir(dir)))
        return;
    while ((e = readdir(d))) {
        const char *name = e->d_name, *p;
        char *end;
        long pid;
        if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 || strncmp(name + 1 + blen, TMP_TAG, tlen) != 0)
            continue;
        p = name + 1 + blen + tlen;
        if (*p < '1' || *p > '9')
            continue;
        errno = 0;
        pid = strtol(p, &end, 10);
        if (*end || errno || pid <= 0 || (pid_t)pid != pid)
            continue;
        if (pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue; /* alive, or another user's and alive */
        if (snprintf(path, sizeof(path), "%s/%s", dir, name) < (int)sizeof(path))
            (void)unlink(path);
    }
    closedir(d);
}

static int write_atomic(const char *target, const struct stat *old, const payload *p)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    int dirlen = slash ? (int)(slash - target) : 1;
    const char *dir = slash ? target : ".";
    char dirbuf[PATH_MAX];
    mode_t mask;
    int fd = -1, n, how, rc = AG_EXIT_IO;

    if (slash == target)
        dirlen = 1; /* "/name": the directory is "/" */
    n = snprintf(tmp_path, sizeof(tmp_path), "%.*s/.%s" TMP_TAG "%ld", dirlen, dir, base, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof(tmp_path)) {
        cli_error("%s: %s", target, strerror(ENAMETOOLONG));
        return AG_EXIT_IO;
    }
    snprintf(dirbuf, sizeof(dirbuf), "%.*s", dirlen, dir);
    remove_stale(dirbuf, base);
    n = snprintf(xfsz_msg, sizeof(xfsz_msg), AG_CLI_NAME ": error: %s: file size limit exceeded\n", target);
    xfsz_len = n > 0 && (size_t)n < sizeof(xfsz_msg) ? n : 0;
    guard_signals(1);
    if ((fd = open(tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
        cli_error("%s: cannot create a temporary file in %.*s: %s", target, dirlen, dir,
                  strerror(errno));
        goto out;
    }
    tmp_live = 1;
    /* made 0600 while empty; give the file the mode the user expects: the
     * old file's, or what open(2) would have used. */
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, old ? (old->st_mode & 07777) : (0666 & ~mask)) < 0) {
        cli_error("%s: %s", target, strerror(errno));
        goto out;
    }
    if ((how = payload_write(fd, p)) < 0) {
        rc = payload_fail(p, how, target);
        goto out;
    }
    if (fsync(fd) < 0) {
        cli_error("%s: %s", target, strerror(errno));
        goto out;
    }
    n = close(fd);
    fd = -1;
    if (n < 0) {
        cli_error("%s: %s", target, strerror(errno));
        goto out;
    }
    if (rename(tmp_path, target) < 0) {
        cli_error("%s: %s", target, strerror(errno));
        goto out;
    }
    tmp_live = 0;
    /* Make the rename itself durable; best effort, the data is already safe. */
    if ((fd = open(dirbuf, O_RDONLY)) >= 0) {
        (void)fsync(fd);
        close(fd);
        fd = -1;
    }
    rc = AG_EXIT_OK;
out:
    if (fd >= 0)
        close(fd);
    if (tmp_live)
        unlink(tmp_path);
    tmp_live = 0;
    guard_signals(0);
    return rc;
}

static int write_output(const char *path, const payload *p)
{
    char resolved[PATH_MAX];
    const char *target = path;
    struct stat st;
    int exists;

    if (!path || cli_is_stdin(path))
        return write_stdout(p);
    /* Write through a symlink to its file rather than replacing the link. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, resolved))
        target = resolved;
    exists = stat(target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        cli_error("%s: %s", path, strerror(EISDIR));
        return AG_EXIT_IO;
    }
    if (exists && !S_ISREG(st.st_mode))
        return write_in_place(target, p);
    return write_atomic(target, exists ? &st : NULL, p);
}

int cli_write_output(const char *path, const char *bytes, size_t len)
{
    payload p = {bytes, len, NULL, NULL, AG_FORMAT_JSON, NULL, NULL};

    return write_output(path, &p);
}

int cli_export_write(ag_ctx *ctx, const ag_graph *g, ag_format fmt, const char *layout,
                     const char *output)
{
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    ag_layout *lay = NULL;
    payload p = {NULL, 0, ctx, g, fmt, &opts, NULL};
    int rc;

    opts.layout = layout;
    /* from the layout child's start to the rename, a signal cleans up */
    guard_signals(1);
    if (ag_format_needs_layout(fmt) && (rc = cli_layout(&lay, ctx, g, fmt, &opts)) != AG_EXIT_OK)
        goto out;
    p.lay = lay;
    rc = write_output(output, &p);
out:
    ag_layout_free(lay);
    guard_signals(0);
    return rc;
}

int cli_load_graph(ag_graph **out, ag_ctx *ctx, const char *path)
{
    char *bytes = NULL;
    size_t len;
    int rc;

    *out = NULL;
    if ((rc = cli_read_file(&bytes, &len, path)) != AG_EXIT_OK)
        return rc;
    if (ag_graph_from_json(out, ctx, bytes, len, cli_is_stdin(path) ? "stdin" : path) < 0)
        rc = cli_fail(ctx, 0);
    free(bytes);
    return rc;
}

int cli_add_lexicon(ag_lexicon *lex, ag_ctx *ctx, const char *path)
{
    char *bytes = NULL;
    size_t len;
    int rc;

    if ((rc = cli_read_file(&bytes, &len, path)) != AG_EXIT_OK)
        return rc;
    rc = ag_lexicon_add_json(lex, ctx, bytes, len, cli_is_stdin(path) ? "stdin" : path) < 0 ? cli_fail(ctx, 0)
                                                                                          : AG_EXIT_OK;
    free(bytes);
    return rc;
}
