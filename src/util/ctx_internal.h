/* actorgraph: the layout of ag_ctx, shared by the library's modules only. */
#ifndef AG_CTX_INTERNAL_H
#define AG_CTX_INTERNAL_H

#include "actorgraph/error.h"

struct ag_ctx {
    int code;
    char msg[512];
};

#endif
