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
    ag_ctx *ctx = NULL;
    ag_nlp_model *model = NULL;

    fprintf(f, "%s %s\n", AG_CLI_NAME, AG_VERSION);
    /* Versions of the libraries we were built against, when the build
     * passes them in (pkg-config knows them at configure time). */
#ifdef AG_DEP_VERSIONS
    fprintf(f, "%s\n", AG_DEP_VERSIONS);
#endif
    /* The built-in language model names its treebank and license (CC BY-SA
     * asks that wherever the model ships). */
    if (ag_ctx_new(&ctx) == AG_OK && ag_nlp_model_builtin(&model, ctx) == AG_OK) {
        const char *about = ag_nlp_model_about(model), *eol;
        fputs("language model (docs/NOTICE):\n", f);
        for (; *about; about = *eol ? eol + 1 : eol) {
            eol = strchr(about, '\n');
            if (!eol)
                eol = about + strlen(about);
            if (eol > about)
                fprintf(f, "  %.*s\n", (int)(eol - about), about);
        }
    }
    ag_nlp_model_free(model);
    ag_ctx_free(ctx);
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
