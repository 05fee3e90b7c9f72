/* actorgraph: the arc-hybrid transition system and the parser's features.
 * Shift moves the buffer's first word onto the stack; left-arc makes it the
 * head of the stack's top; right-arc makes the word below the top its head.
 * Every word is shifted once and attached once: 2n transitions. */
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_internal.h"

int ag_nlp__state_init(ag_nlp_state *st, size_t n)
{
    size_t m = n + 1;

    memset(st, 0, sizeof *st);
    st->stack = malloc(m * sizeof(int));
    st->heads = malloc(m * sizeof(int));
    st->labels = malloc(m * sizeof(int));
    st->lc1 = malloc(m * sizeof(int));
    st->lc2 = malloc(m * sizeof(int));
    st->rc1 = malloc(m * sizeof(int));
    st->rc2 = malloc(m * sizeof(int));
    st->nl = malloc(m * sizeof(int));
    st->nr = malloc(m * sizeof(int));
    st->lset = malloc(m * sizeof(uint64_t));
    st->rset = malloc(m * sizeof(uint64_t));
    if (!st->stack || !st->heads || !st->labels || !st->lc1 || !st->lc2 || !st->rc1 || !st->rc2 ||
        !st->nl || !st->nr || !st->lset || !st->rset) {
        ag_nlp__state_free(st);
        return AG_ENOMEM;
    }
    st->cap = m;
    return ag_nlp__state_reset(st, n);
}

int ag_nlp__state_reset(ag_nlp_state *st, size_t n)
{
    size_t m = n + 1, i;

    if (m > st->cap) { /* too small: start over (the run time keeps one state per sentence buffer) */
        ag_nlp__state_free(st);
        return ag_nlp__state_init(st, n);
    }
    st->n = n;
    for (i = 0; i < m; i++) {
        st->heads[i] = -1;
        st->labels[i] = -1;
        st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = -1;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
    st->stack[0] = 0; /* the root waits at the bottom */
    st->depth = 1;
    st->next = 1;
    return AG_OK;
}

void ag_nlp__state_free(ag_nlp_state *st)
{
    free(st->stack), free(st->heads), free(st->labels);
    free(st->lc1), free(st->lc2), free(st->rc1), free(st->rc2);
    free(st->nl), free(st->nr), free(st->lset), free(st->rset);
    memset(st, 0, sizeof *st);
}

int ag_nlp__state_done(const ag_nlp_state *st)
{
    return st->next > st->n && st->depth == 1;
}

int ag_nlp__legal(const ag_nlp_state *st, int action)
{
    int buffer = st->next <= st->n;

    if (action == AG_NLP_SHIFT)
        return buffer;
    if (action % 2 == 1) /* left-arc: the top (not the root) takes the buffer's word as head */
        return buffer && st->depth >= 2;
    /* right-arc: only one word may hang from the root, so the root takes its
     * dependent last, when the buffer is empty. */
    if (st->depth < 3)
        return st->depth == 2 && !buffer;
    return 1;
}

static void attach(ag_nlp_state *st, int head, int dep, int label)
{
    st->heads[dep] = head;
    st->labels[dep] = label;
    if (dep < head) {
        if (st->lc1[head] < 0 || dep < st->lc1[head]) {
            st->lc2[head] = st->lc1[head];
            st->lc1[head] = dep;
        } else if (st->lc2[head] < 0 || dep < st->lc2[head]) {
            st->lc2[head] = dep;
        }
        st->nl[head]++;
        st->lset[head] |= 1ULL << (label % 64);
    } else {
        if (st->rc1[head] < 0 || dep > st->rc1[head]) {
            st->rc2[head] = st->rc1[head];
            st->rc1[head] = dep;
        } else if (st->rc2[head] < 0 || dep > st->rc2[head]) {
            st->rc2[head] = dep;
        }
        st->nr[head]++;
        st->rset[head] |= 1ULL << (label % 64);
    }
}

void ag_nlp__apply(ag_nlp_state *st, int action)
{
    if (action == AG_NLP_SHIFT) {
        st->stack[st->depth++] = (int)st->next++;
    } else if (action % 2 == 1) {
        int dep = st->stack[--st->depth];
        attach(st, (int)st->next, dep, (action - 1) / 2);
    } else {
        int dep = st->stack[--st->depth];
        attach(st, st->stack[st->depth - 1], dep, (action - 2) / 2);
    }
}

/* Templates: never renumber (the numbers are mixed into the weights' keys). */
enum {
    P_S0W = 1, P_S0T, P_S0WT, P_S1W, P_S1T, P_S1WT, P_B0W, P_B0T, P_B0WT, P_B1W, P_B1T, P_B1WT,
    P_B2W, P_B2T, P_S2T, P_S0WT_B0WT, P_S0WT_B0W, P_S0W_B0WT, P_S0WT_B0T, P_S0T_B0WT, P_S0W_B0W,
    P_S0T_B0T, P_B0T_B1T, P_B0T_B1T_B2T, P_S0T_B0T_B1T, P_S1T_S0T_B0T, P_S1T_S0T, P_S1W_S0W,
    P_S2T_S1T_S0T, P_S0W_D, P_S0T_D, P_B0W_D, P_B0T_D, P_S0T_B0T_D, P_S0W_VR, P_S0T_VR, P_S0W_VL,
    P_S0T_VL, P_B0W_VL, P_B0T_VL, P_S0LW, P_S0LT, P_S0LL, P_S0RW, P_S0RT, P_S0RL, P_B0LW, P_B0LT,
    P_B0LL, P_S1LT, P_S1LL, P_S1RT, P_S1RL, P_S0L2T, P_S0L2L, P_S0R2T, P_S0R2L, P_B0L2T, P_B0L2L,
    P_S0T_S0LT_S0L2T, P_S0T_S0RT_S0R2T, P_B0T_B0LT_B0L2T, P_S0W_SL, P_S0T_SL, P_S0W_SR, P_S0T_SR,
    P_B0W_SL, P_B0T_SL, P_S0T_S0LT_B0T, P_S0T_S0RT_B0T, P_S0T_B0T_B0LT, P_S1T_S0T_S0RT,
    P_S1W_B0W, P_S1T_B0T, P_B0SUF, P_S0SUF, P_B1W_B0W, P_S0W_S0RL, P_B0W_B0LL, P_S1T_S1RT_S0T,
    P_S0U_B0U, P_S1U_S0U_B0U, P_S0U_B0U_B1U, P_SEP_S0T_B0T, P_SEP_S0U_B0U_D, P_S0W_B0U, P_S0U_B0W,
    P_S0U_S0LL_S0RL, P_B0U_B0LL, P_S1U_S0U, P_B0PB_S0T, P_S0PA_B0T, P_B0PB_B0T, P_S0PA_S0T,
    P_B0C, P_B1C, P_B0C4_B1C4, P_S0C, P_S1C, P_S0C_B0C, P_S0C4_B0C4_D, P_S0C6_B0T, P_S0T_B0C6,
    P_S1C4_S0C4_B0C4
};

#define UPOS(i) ((i) >= 0 && tags[i] != 255 ? (uint64_t)tag_upos[tags[i]] + 1 : (i) == 0 ? 99 : 0)

#define TAG(i) ((i) >= 0 ? (uint64_t)tags[i] + 1 : 0)
#define WORD(i) ((i) >= 0 ? words[i].word : 0)
/* word classes: padding and the root get values no class code takes */
#define CLASS(i) ((i) > 0 ? (uint64_t)words[i].cluster : (i) == 0 ? 1ULL << 40 : 1ULL << 41)
#define CLASS_PREFIX(i, bits) ((i) > 0 ? (uint64_t)ag_nlp__cluster_prefix(words[i].cluster, bits) : CLASS(i))
#define LAB(i) ((i) >= 0 && st->labels[i] >= 0 ? (uint64_t)st->labels[i] + 1 : 0)

/* Features are computed only for the parts asked for, in one fixed order
 * either way, so that training (all parts) sees the run time's keys. */
#define PUT(part, key)                                                                                          \
    do {                                                                                                        \
        if (parts & (part))                                                                                     \
            feats[k++] = (key);                                                                                 \
    } while (0)

size_t ag_nlp__parser_features(const ag_nlp_state *st, const ag_nlp_wordinfo *words, const uint8_t *tags,
                               const uint8_t *tag_upos, uint64_t *feats)
{
    return ag_nlp__parser_features_part(st, words, tags, tag_upos, AG_NLP_FEATS_ALL, feats);
}

size_t ag_nlp__parser_features_part(const ag_nlp_state *st, const ag_nlp_wordinfo *words, const uint8_t *tags,
                                    const uint8_t *tag_upos, unsigned parts, uint64_t *feats)
{
    int s0 = st->depth >= 1 ? st->stack[st->depth - 1] : -1;
    int s1 = st->depth >= 2 ? st->stack[st->depth - 2] : -1;
    int s2 = st->depth >= 3 ? st->stack[st->depth - 3] : -1;
    int b0 = st->next <= st->n ? (int)st->next : -1;
    int b1 = st->next + 1 <= st->n ? (int)st->next + 1 : -1;
    int b2 = st->next + 2 <= st->n ? (int)st->next + 2 : -1;
    int s0l = s0 >= 0 ? st->lc1[s0] : -1, s0r = s0 >= 0 ? st->rc1[s0] : -1;
    int s0l2 = s0 >= 0 ? st->lc2[s0] : -1, s0r2 = s0 >= 0 ? st->rc2[s0] : -1;
    int s1l = s1 >= 0 ? st->lc1[s1] : -1, s1r = s1 >= 0 ? st->rc1[s1] : -1;
    int b0l = b0 >= 0 ? st->lc1[b0] : -1, b0l2 = b0 >= 0 ? st->lc2[b0] : -1;
    uint64_t s0w = WORD(s0), s1w = WORD(s1), b0w = WORD(b0), b1w = WORD(b1), b2w = WORD(b2);
    uint64_t s0t = TAG(s0), s1t = TAG(s1), s2t = TAG(s2), b0t = TAG(b0), b1t = TAG(b1), b2t = TAG(b2);
    uint64_t dist = 0, s0vl = 0, s0vr = 0, b0vl = 0, s0sl = 0, s0sr = 0, b0sl = 0;
    size_t k = 0;

    /* the root is word 0; its "word" is a constant distinct from padding */
    if (s0 == 0)
        s0w = 7;
    if (s1 == 0)
        s1w = 7;
    if (s0 >= 0 && b0 >= 0) {
        int d = b0 - s0;
        dist = (uint64_t)(s0 == 0 ? 9 : d >= 10 ? 8 : d >= 5 ? 7 : d);
    }
    if (s0 >= 0) {
        s0vl = (uint64_t)st->nl[s0] + 1, s0vr = (uint64_t)st->nr[s0] + 1;
        s0sl = st->lset[s0] + 1, s0sr = st->rset[s0] + 1;
    }
    if (b0 >= 0) {
        b0vl = (uint64_t)st->nl[b0] + 1;
        b0sl = st->lset[b0] + 1;
    }

    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W, s0w, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T, s0t, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0WT, s0w, s0t, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1W, s1w, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T, s1t, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1WT, s1w, s1t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0W, b0w, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0T, b0t, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0WT, b0w, b0t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B1W, b1w, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B1T, b1t, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B1WT, b1w, b1t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B2W, b2w, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B2T, b2t, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S2T, s2t, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0WT_B0WT, ag_nlp__mix(s0w, s0t), b0w, b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0WT_B0W, s0w, s0t, b0w));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_B0WT, s0w, b0w, b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0WT_B0T, s0w, s0t, b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0WT, s0t, b0w, b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_B0W, s0w, b0w, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0T, s0t, b0t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0T_B1T, b0t, b1t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0T_B1T_B2T, b0t, b1t, b2t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0T_B1T, s0t, b0t, b1t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T_S0T_B0T, s1t, s0t, b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T_S0T, s1t, s0t, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1W_S0W, s1w, s0w, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S2T_S1T_S0T, s2t, s1t, s0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_D, s0w, dist, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_D, s0t, dist, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0W_D, b0w, dist, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0T_D, b0t, dist, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0T_D, s0t, b0t, dist));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_VR, s0w, s0vr, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_VR, s0t, s0vr, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_VL, s0w, s0vl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_VL, s0t, s0vl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0W_VL, b0w, b0vl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0T_VL, b0t, b0vl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0LW, WORD(s0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0LT, TAG(s0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0LL, LAB(s0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0RW, WORD(s0r), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0RT, TAG(s0r), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0RL, LAB(s0r), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0LW, WORD(b0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0LT, TAG(b0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0LL, LAB(b0l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1LT, TAG(s1l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1LL, LAB(s1l), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1RT, TAG(s1r), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1RL, LAB(s1r), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0L2T, TAG(s0l2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0L2L, LAB(s0l2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0R2T, TAG(s0r2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0R2L, LAB(s0r2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0L2T, TAG(b0l2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0L2L, LAB(b0l2), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_S0LT_S0L2T, s0t, TAG(s0l), TAG(s0l2)));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_S0RT_S0R2T, s0t, TAG(s0r), TAG(s0r2)));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0T_B0LT_B0L2T, b0t, TAG(b0l), TAG(b0l2)));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_SL, s0w, s0sl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_SL, s0t, s0sl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_SR, s0w, s0sr, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_SR, s0t, s0sr, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0W_SL, b0w, b0sl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0T_SL, b0t, b0sl, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_S0LT_B0T, s0t, TAG(s0l), b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_S0RT_B0T, s0t, TAG(s0r), b0t));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0T_B0LT, s0t, b0t, TAG(b0l)));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T_S0T_S0RT, s1t, s0t, TAG(s0r)));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1W_B0W, s1w, b0w, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T_B0T, s1t, b0t, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0SUF, b0 >= 0 ? words[b0].suf3 : 0, 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0SUF, s0 > 0 ? words[s0].suf3 : 0, 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B1W_B0W, b1w, b0w, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_S0RL, s0w, LAB(s0r), 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0W_B0LL, b0w, LAB(b0l), 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1T_S1RT_S0T, s1t, TAG(s1r), s0t));
    {
        uint64_t s0u = UPOS(s0), s1u = UPOS(s1), b0u = UPOS(b0), b1u = UPOS(b1), sep = 0;
        if (s0 > 0 && b0 > 0) {
            uint32_t between = words[b0].separators_before - words[s0].separators_before - (uint32_t)words[s0].separator;
            sep = between > 2 ? 3 : between + 1;
        }
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0U_B0U, s0u, b0u, 0));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1U_S0U_B0U, s1u, s0u, b0u));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0U_B0U_B1U, s0u, b0u, b1u));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_SEP_S0T_B0T, sep, s0t, b0t));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_SEP_S0U_B0U_D, sep, ag_nlp__mix(s0u, b0u), dist));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0W_B0U, s0w, b0u, 0));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0U_B0W, s0u, b0w, 0));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0U_S0LL_S0RL, s0u, LAB(s0l), LAB(s0r)));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0U_B0LL, b0u, LAB(b0l), 0));
        PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1U_S0U, s1u, s0u, 0));
        /* the punctuation next to a word marks a boundary */
        {
            uint64_t b0pb = b0 > 0 ? words[b0].punct_before : 0, s0pa = s0 > 0 ? words[s0].punct_after : 0;
            PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_B0PB_S0T, b0pb, s0t, b0u));
            PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0PA_B0T, s0pa, b0t, s0u));
            PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0PB_B0T, b0pb, b0t, 0));
            PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0PA_S0T, s0pa, s0t, 0));
        }
    }
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0C, CLASS(b0), 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B1C, CLASS(b1), 0, 0));
    PUT(AG_NLP_FEATS_BUFFER, ag_nlp__feat(P_B0C4_B1C4, CLASS_PREFIX(b0, 4), CLASS_PREFIX(b1, 4), 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0C, CLASS(s0), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S1C, CLASS(s1), 0, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0C_B0C, CLASS(s0), CLASS(b0), 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0C4_B0C4_D, CLASS_PREFIX(s0, 4), CLASS_PREFIX(b0, 4), dist));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0C6_B0T, CLASS_PREFIX(s0, 6), b0t, 0));
    PUT(AG_NLP_FEATS_STATE, ag_nlp__feat(P_S0T_B0C6, s0t, CLASS_PREFIX(b0, 6), 0));
    PUT(AG_NLP_FEATS_STATE,
        ag_nlp__feat(P_S1C4_S0C4_B0C4, CLASS_PREFIX(s1, 4), CLASS_PREFIX(s0, 4), CLASS_PREFIX(b0, 4)));
    return k;
}
