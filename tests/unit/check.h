/* actorgraph tests: a minimal clar-style harness.  Each test is a function
 * test_<module>_<file>__<behavior>(); AG_RUN() runs it and counts failures;
 * main() returns non-zero if any check failed, and prints "N passed, N failed". */
#ifndef AG_TEST_CHECK_H
#define AG_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int ag_test_failures_, ag_test_passed_, ag_test_failed_;

#define AG_CHECK(cond)                                                                  \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
            ag_test_failures_++;                                                        \
        }                                                                               \
    } while (0)

#define AG_CHECK_STR(a, b)                                                              \
    do {                                                                                \
        const char *a_ = (a), *b_ = (b);                                                \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                        \
            fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__,            \
                    a_ ? a_ : "(null)", b_ ? b_ : "(null)");                            \
            ag_test_failures_++;                                                        \
        }                                                                               \
    } while (0)

#define AG_CHECK_INT(a, b)                                                              \
    do {                                                                                \
        long long a_ = (long long)(a), b_ = (long long)(b);                             \
        if (a_ != b_) {                                                                 \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__,   \
                    #a, a_, b_);                                                        \
            ag_test_failures_++;                                                        \
        }                                                                               \
    } while (0)

#define AG_RUN(fn)                                                                      \
    do {                                                                                \
        int before_ = ag_test_failures_;                                                \
        fn();                                                                           \
        if (ag_test_failures_ == before_) {                                             \
            ag_test_passed_++;                                                          \
        } else {                                                                        \
            ag_test_failed_++;                                                          \
            fprintf(stderr, "FAIL %s\n", #fn);                                          \
        }                                                                               \
    } while (0)

#define AG_TEST_END()                                                                   \
    (printf("%d passed, %d failed\n", ag_test_passed_, ag_test_failed_), ag_test_failed_ ? 1 : 0)

#endif
