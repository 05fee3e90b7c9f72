/* actorgraph CLI: entry point.  Picks the command (a first argument
 * "convert", "merge", "stats" or "parse", else extraction), runs it, and checks that
 * everything written to stdout really got out, since a full disk shows up
 * only at fclose. */
#include <errno.h>
#include <string.h>

#include "cli.h"

#if defined(__SANITIZE_ADDRESS__)
/* Graphviz's plugin configuration, fontconfig and pango keep per-process
 * caches they never free; LeakSanitizer (asan preset) would blame us. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\n";
}
#endif

void cli_print_version(FILE *f)
{
    fprintf(f, "%s %s\n", AG_CLI_NAME, AG_VERSION);
    /* Versions of the libraries we were built against, when the build
     * passes them in (pkg-config knows them at configure time). */
#ifdef AG_DEP_VERSIONS
    fprintf(f, "%s\n", AG_DEP_VERSIONS);
#endif
}

int main(int argc, char **argv)
{
    int rc;

    if (argc > 1 && strcmp(argv[1], "convert") == 0)
        rc = cmd_convert(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "merge") == 0)
        rc = cmd_merge(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "stats") == 0)
        rc = cmd_stats(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "parse") == 0)
        rc = cmd_parse(argc - 1, argv + 1);
    else
        rc = cmd_extract(argc, argv);

    /* ferror catches a failed write whose error was not reported; fclose
     * catches data still buffered.  Either loses output: exit 4. */
    if (ferror(stdout) | (fclose(stdout) != 0)) {
        if (rc == AG_EXIT_OK) {
            cli_error("writing to stdout: %s", errno ? strerror(errno) : "write error");
            rc = AG_EXIT_IO;
        }
    }
    return rc;
}
