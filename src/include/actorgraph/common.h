/* actorgraph: macros shared by every public header (export markers,
 * printf-format checking).  Included by the other headers; not useful alone. */
#ifndef ACTORGRAPH_COMMON_H
#define ACTORGRAPH_COMMON_H

#if defined(AG_BUILDING_LIBRARY) && defined(__GNUC__)
#define AG_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define AG_EXTERN(type) type
#endif

#if defined(__GNUC__)
#define AG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define AG_PRINTF(fmt, args)
#endif

#define AG_VERSION "0.1.0"

/* The lexicon is used by the text and extract stages (see extract.h). */
typedef struct ag_lexicon ag_lexicon;

#endif
