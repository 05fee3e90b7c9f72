/* actorgraph CLI: reading inputs and writing the output.  Outputs are built
 * in memory and then written in one go: to stdout, or to a temporary file
 * beside the target that is synced and renamed over it, so a failed run
 * never leaves a half-written or truncated output behind. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

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

static int write_stdout(const char *bytes, size_t len)
{
    if ((len && fwrite(bytes, 1, len, stdout) != len) || fflush(stdout) != 0) {
        cli_error("writing to stdout: %s", strerror(errno));
        return AG_EXIT_IO;
    }
    return AG_EXIT_OK;
}

/* Devices, FIFOs and the like cannot be replaced by a rename (and as root
 * renaming over /dev/full would replace the device): write them in place. */
static int write_in_place(const char *path, const char *bytes, size_t len)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0 || write_all(fd, bytes, len) < 0) {
        cli_error("%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return AG_EXIT_IO;
    }
    if (close(fd) < 0) {
        cli_error("%s: %s", path, strerror(errno));
        return AG_EXIT_IO;
    }
    return AG_EXIT_OK;
}

/* The temporary file being written, so an interrupt can remove it, and the
 * dispositions it replaced (in guard_signals).  The only globals of the CLI:
 * a signal handler has no other way to find them. */
static char tmp_path[PATH_MAX];
static volatile sig_atomic_t tmp_live;

static void on_signal(int sig)
{
    if (tmp_live)
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* While the temporary file exists: SIGINT, SIGTERM and SIGHUP remove it
 * before the process dies, unless the signal was ignored (nohup), which it
 * stays; SIGXFSZ is ignored so that a write past the file-size limit fails
 * with EFBIG and is cleaned up like any other failed write.  Afterwards
 * every disposition is what it was. */
static void guard_signals(int on)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
    static struct sigaction saved[sizeof(sigs) / sizeof(sigs[0])];
    struct sigaction sa;

    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        if (!on) {
            sigaction(sigs[i], &saved[i], NULL);
            continue;
        }
        sigaction(sigs[i], NULL, &saved[i]);
        if (saved[i].sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = sigs[i] == SIGXFSZ ? SIG_IGN : on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static int write_atomic(const char *target, const struct stat *old, const char *bytes, size_t len)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    int dirlen = slash ? (int)(slash - target) : 1;
    const char *dir = slash ? target : ".";
    mode_t mask;
    int fd = -1, n, rc = AG_EXIT_IO;

    if (slash == target)
        dirlen = 1; /* "/name": the directory is "/" */
    n = snprintf(tmp_path, sizeof(tmp_path), "%.*s/.%s.XXXXXX", dirlen, dir, base);
    if (n < 0 || (size_t)n >= sizeof(tmp_path)) {
        cli_error("%s: %s", target, strerror(ENAMETOOLONG));
        return AG_EXIT_IO;
    }
    guard_signals(1);
    if ((fd = mkstemp(tmp_path)) < 0) {
        cli_error("%s: cannot create a temporary file in %.*s: %s", target, dirlen, dir,
                  strerror(errno));
        goto out;
    }
    tmp_live = 1;
    /* mkstemp makes 0600; give the file the mode the user expects: the old
     * file's, or what open(2) would have used. */
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, old ? (old->st_mode & 07777) : (0666 & ~mask)) < 0 ||
        write_all(fd, bytes, len) < 0 || fsync(fd) < 0) {
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
    {
        char dirbuf[PATH_MAX];
        snprintf(dirbuf, sizeof(dirbuf), "%.*s", dirlen, dir);
        if ((fd = open(dirbuf, O_RDONLY)) >= 0) {
            (void)fsync(fd);
            close(fd);
            fd = -1;
        }
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

int cli_write_output(const char *path, const char *bytes, size_t len)
{
    char resolved[PATH_MAX];
    const char *target = path;
    struct stat st;
    int exists;

    if (!path || cli_is_stdin(path))
        return write_stdout(bytes, len);
    /* Write through a symlink to its file rather than replacing the link. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, resolved))
        target = resolved;
    exists = stat(target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        cli_error("%s: %s", path, strerror(EISDIR));
        return AG_EXIT_IO;
    }
    if (exists && !S_ISREG(st.st_mode))
        return write_in_place(target, bytes, len);
    return write_atomic(target, exists ? &st : NULL, bytes, len);
}

int cli_export_write(ag_ctx *ctx, const ag_graph *g, ag_format fmt, const char *layout,
                     const char *output)
{
    ag_export_options opts = AG_EXPORT_OPTIONS_INIT;
    char *bytes = NULL;
    size_t len = 0;
    int rc;

    opts.layout = layout;
    if (ag_export(&bytes, &len, ctx, g, fmt, &opts) < 0)
        return cli_fail(ctx, 0);
    rc = cli_write_output(output, bytes, len);
    free(bytes);
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
