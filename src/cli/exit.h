/* actorgraph CLI: the process exit codes (documented in docs/cli/EXIT-CODES.md)
 * and the one place that maps library error codes onto them. */
#ifndef AG_CLI_EXIT_H
#define AG_CLI_EXIT_H

#include <actorgraph/error.h>

#define AG_EXIT_OK 0         /* success */
#define AG_EXIT_PROCESSING 1 /* processing failed (out of memory, a bad value met while working) */
#define AG_EXIT_USAGE 2      /* bad command line: unknown option, missing or invalid argument */
#define AG_EXIT_BAD_INPUT 3  /* an input is malformed: invalid UTF-8, bad JSON or JSONL, bad lexicon */
#define AG_EXIT_IO 4         /* reading an input or writing the output failed */
#define AG_EXIT_INTERNAL 5   /* a dependency (igraph, Graphviz) failed, or a bug */
#define AG_EXIT_SKIPPED 6    /* some articles were skipped (each named in a warning); the rest was written */

/* Map an AG_E* code to an exit code.  AG_EINVAL means a bad option value
 * when @p in_usage is non-zero (exit 2) and a processing error otherwise. */
static inline int ag_exit_for(int ag_code, int in_usage)
{
    switch (ag_code) {
    case AG_OK: return AG_EXIT_OK;
    case AG_ENOMEM: return AG_EXIT_PROCESSING;
    case AG_EIO: return AG_EXIT_IO;
    case AG_EPARSE: return AG_EXIT_BAD_INPUT;
    case AG_EINVAL: return in_usage ? AG_EXIT_USAGE : AG_EXIT_PROCESSING;
    default: return AG_EXIT_INTERNAL; /* AG_EDEP, and any code this build does not know */
    }
}

#endif
