/*
 * Brown clustering (Brown et al. 1992, "Class-based n-gram models of natural language"), in the
 * windowed form of Liang (2005, "Semi-supervised learning for natural language", MIT M.Eng.
 * thesis, section 3): words in order of frequency enter a window of C + 1 clusters one at a
 * time, and after each the two clusters whose merge loses the least average mutual information
 * of adjacent classes are merged; when every word is in, the C clusters left are merged down to
 * one, and the order of those merges is the binary tree whose root-to-leaf paths are the
 * bit strings. Written from the papers for Qalam; run by build_brown_clusters.py.
 *
 * Input (stdin): text, one integer per line: word ids 0 … V-1 numbered by falling frequency,
 * -1 between sentences. Arguments: V and C. Output (stdout): V lines, the bit string of each
 * word id in order. Deterministic (ties broken by slot order).
 *
 * Cost: each step updates the merge loss of every pair of the window from cached terms, so the
 * whole run is O(V C^2) log evaluations.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) { fprintf(stderr, "brown_clusters: out of memory\n"); exit(1); }
    return p;
}

/* Window state. */
static int S;            /* slots: C + 1 */
static double *B;        /* B[s*S+t]: bigram count, cluster in slot s followed by slot t */
static double *PL, *PR;  /* left / right marginal counts of each slot */
static double *Q;        /* Q[s*S+t] = q(s, t) */
static double *L;        /* L[s*S+t], s < t: loss of merging s and t */
static int *live;        /* slot holds a cluster */
static double N;         /* total bigram count */

static inline double qterm(double joint, double left, double right) {
    if (joint <= 0) return 0;
    return joint / N * log(joint * N / (left * right));
}

static void refresh_q(int s) {
    for (int t = 0; t < S; t++) {
        if (!live[t]) continue;
        Q[s * S + t] = qterm(B[s * S + t], PL[s], PR[t]);
        Q[t * S + s] = qterm(B[t * S + s], PL[t], PR[s]);
    }
}

/* The loss of merging slots s and t, in full: O(S). */
static double full_loss(int s, int t) {
    double loss = Q[s * S + s] + Q[s * S + t] + Q[t * S + s] + Q[t * S + t];
    double pl = PL[s] + PL[t], pr = PR[s] + PR[t];
    loss -= qterm(B[s * S + s] + B[s * S + t] + B[t * S + s] + B[t * S + t], pl, pr);
    for (int x = 0; x < S; x++) {
        if (!live[x] || x == s || x == t) continue;
        loss += Q[s * S + x] + Q[t * S + x] + Q[x * S + s] + Q[x * S + t];
        loss -= qterm(B[s * S + x] + B[t * S + x], pl, PR[x]);
        loss -= qterm(B[x * S + s] + B[x * S + t], PL[x], pr);
    }
    return loss;
}

/* What slot x adds to the loss of merging c and d (x not c or d). */
static inline double contribution(int x, int c, int d) {
    double value = Q[c * S + x] + Q[d * S + x] + Q[x * S + c] + Q[x * S + d];
    value -= qterm(B[c * S + x] + B[d * S + x], PL[c] + PL[d], PR[x]);
    value -= qterm(B[x * S + c] + B[x * S + d], PL[x], PR[c] + PR[d]);
    return value;
}

static void find_best(int *best_a, int *best_b) {
    double best = INFINITY;
    *best_a = *best_b = -1;
    for (int s = 0; s < S; s++) {
        if (!live[s]) continue;
        for (int t = s + 1; t < S; t++) {
            if (!live[t]) continue;
            if (L[s * S + t] < best) { best = L[s * S + t]; *best_a = s; *best_b = t; }
        }
    }
}

/* Merges slot b into slot a and updates every loss. */
static void merge(int a, int b) {
    for (int c = 0; c < S; c++) {
        if (!live[c] || c == a || c == b) continue;
        for (int d = c + 1; d < S; d++) {
            if (!live[d] || d == a || d == b) continue;
            L[c * S + d] -= contribution(a, c, d) + contribution(b, c, d);
        }
    }
    for (int t = 0; t < S; t++) {
        B[a * S + t] += B[b * S + t];
    }
    for (int t = 0; t < S; t++) {
        B[t * S + a] += B[t * S + b];
        B[t * S + b] = 0;
        B[b * S + t] = 0;
    }
    PL[a] += PL[b];
    PR[a] += PR[b];
    PL[b] = PR[b] = 0;
    live[b] = 0;
    refresh_q(a);
    for (int c = 0; c < S; c++) {
        if (!live[c] || c == a) continue;
        for (int d = c + 1; d < S; d++) {
            if (!live[d] || d == a) continue;
            L[c * S + d] += contribution(a, c, d);
        }
    }
    for (int t = 0; t < S; t++) {
        if (!live[t] || t == a) continue;
        double loss = full_loss(a, t);
        if (a < t) L[a * S + t] = loss; else L[t * S + a] = loss;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: brown_clusters V C < ids\n"); return 2; }
    int V = atoi(argv[1]), C = atoi(argv[2]);
    if (V < 2 || C < 2) { fprintf(stderr, "brown_clusters: V and C must be at least 2\n"); return 2; }
    if (C > V) C = V;

    /* Bigrams, as sorted (u, v) keys. */
    size_t capacity = 1 << 20, count = 0;
    uint64_t *pairs = xcalloc(capacity, sizeof(uint64_t));
    double *left = xcalloc(V, sizeof(double)), *right = xcalloc(V, sizeof(double));
    long previous = -1, id;
    int read;
    while ((read = scanf("%ld", &id)) == 1) {
        if (id >= V) { fprintf(stderr, "brown_clusters: id %ld out of range\n", id); return 1; }
        if (id >= 0 && previous >= 0) {
            if (count == capacity) {
                capacity *= 2;
                pairs = realloc(pairs, capacity * sizeof(uint64_t));
                if (!pairs) { fprintf(stderr, "brown_clusters: out of memory\n"); return 1; }
            }
            pairs[count++] = ((uint64_t)previous << 32) | (uint64_t)id;
            left[previous] += 1;
            right[id] += 1;
            N += 1;
        }
        previous = id;
    }
    if (read != EOF) { fprintf(stderr, "brown_clusters: the input is not a list of integers\n"); return 1; }
    qsort(pairs, count, sizeof(uint64_t), cmp_u64);
    /* Unique bigrams, each filed under its later word (the one that enters the window last). */
    size_t unique = 0;
    for (size_t i = 0; i < count; i++) if (i == 0 || pairs[i] != pairs[i - 1]) unique++;
    int *owner_start = xcalloc((size_t)V + 1, sizeof(int));
    uint32_t *bu = xcalloc(unique, sizeof(uint32_t)), *bv = xcalloc(unique, sizeof(uint32_t));
    double *bc = xcalloc(unique, sizeof(double));
    size_t u = 0;
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && pairs[i] == pairs[i - 1]) { bc[u - 1] += 1; continue; }
        bu[u] = (uint32_t)(pairs[i] >> 32);
        bv[u] = (uint32_t)(pairs[i] & 0xffffffffu);
        bc[u] = 1;
        u++;
    }
    free(pairs);
    for (size_t i = 0; i < unique; i++) {
        uint32_t later = bu[i] > bv[i] ? bu[i] : bv[i];
        owner_start[later + 1]++;
    }
    for (int w = 0; w < V; w++) owner_start[w + 1] += owner_start[w];
    int *fill = xcalloc((size_t)V, sizeof(int));
    int *owned = xcalloc(unique, sizeof(int));
    for (size_t i = 0; i < unique; i++) {
        uint32_t later = bu[i] > bv[i] ? bu[i] : bv[i];
        owned[owner_start[later] + fill[later]++] = (int)i;
    }
    free(fill);

    S = C + 1;
    B = xcalloc((size_t)S * S, sizeof(double));
    Q = xcalloc((size_t)S * S, sizeof(double));
    L = xcalloc((size_t)S * S, sizeof(double));
    PL = xcalloc(S, sizeof(double));
    PR = xcalloc(S, sizeof(double));
    live = xcalloc(S, sizeof(int));
    int *slot_cluster = xcalloc(S, sizeof(int));  /* cluster id held in a slot */
    int *parent = xcalloc((size_t)V, sizeof(int)); /* union-find over cluster ids (= word ids) */
    int *slot_of = xcalloc((size_t)V, sizeof(int)); /* slot of a root cluster id */
    for (int w = 0; w < V; w++) parent[w] = w;

#define FIND(x) ({ int r_ = (x); while (parent[r_] != r_) { parent[r_] = parent[parent[r_]]; r_ = parent[r_]; } r_; })

    /* Enter word w into a free slot. */
    int free_slot = C; /* the window's last slot is empty until word C enters */
    for (int w = 0; w < V; w++) {
        int s;
        if (w < C) s = w; else s = free_slot;
        live[s] = 1;
        slot_cluster[s] = w;
        slot_of[w] = s;
        PL[s] = left[w];
        PR[s] = right[w];
        for (int t = 0; t < S; t++) { B[s * S + t] = 0; B[t * S + s] = 0; }
        for (int k = owner_start[w]; k < owner_start[w + 1]; k++) {
            int i = owned[k];
            int su = (int)bu[i] == w ? s : slot_of[FIND((int)bu[i])];
            int sv = (int)bv[i] == w ? s : slot_of[FIND((int)bv[i])];
            B[su * S + sv] += bc[i];
        }
        refresh_q(s);
        if (w < C - 1) continue;
        if (w == C - 1) {
            /* The window is full for the first time: every loss in full. */
            for (int a = 0; a < S; a++) {
                if (!live[a]) continue;
                for (int b = a + 1; b < S; b++) if (live[b]) L[a * S + b] = full_loss(a, b);
            }
            continue;
        }
        for (int t = 0; t < S; t++) {
            if (!live[t] || t == s) continue;
            double loss = full_loss(s, t);
            if (s < t) L[s * S + t] = loss; else L[t * S + s] = loss;
        }
        /* The new cluster also changes the other pairs' losses: it is a new x for each. */
        for (int c = 0; c < S; c++) {
            if (!live[c] || c == s) continue;
            for (int d = c + 1; d < S; d++) {
                if (!live[d] || d == s) continue;
                L[c * S + d] += contribution(s, c, d);
            }
        }
        int a, b;
        find_best(&a, &b);
        int ca = slot_cluster[a], cb = slot_cluster[b];
        merge(a, b);
        parent[cb] = ca;
        free_slot = b;
        if ((w + 1) % 5000 == 0) fprintf(stderr, "brown_clusters: %d of %d words\n", w + 1, V);
    }

    /* Merge the clusters left down to one; the merges make a binary tree. */
    int nodes = 0, max_nodes = 2 * S;
    int *left_child = xcalloc(max_nodes, sizeof(int)), *right_child = xcalloc(max_nodes, sizeof(int));
    int *leaf_cluster = xcalloc(max_nodes, sizeof(int));
    int *slot_node = xcalloc(S, sizeof(int));
    for (int s = 0; s < S; s++) {
        if (!live[s]) continue;
        left_child[nodes] = right_child[nodes] = -1;
        leaf_cluster[nodes] = slot_cluster[s];
        slot_node[s] = nodes++;
    }
    int root = nodes - 1;
    for (;;) {
        int a, b;
        find_best(&a, &b);
        if (a < 0) break;
        merge(a, b);
        left_child[nodes] = slot_node[a];
        right_child[nodes] = slot_node[b];
        leaf_cluster[nodes] = -1;
        slot_node[a] = nodes;
        root = nodes++;
    }

    /* Paths: depth-first from the root. */
    char **path_of_cluster = xcalloc((size_t)V, sizeof(char *));
    int *stack = xcalloc(max_nodes, sizeof(int));
    char **stack_path = xcalloc(max_nodes, sizeof(char *));
    int top = 0;
    stack[top] = root;
    stack_path[top++] = strdup("");
    while (top > 0) {
        int node = stack[--top];
        char *path = stack_path[top];
        if (left_child[node] < 0) {
            path_of_cluster[leaf_cluster[node]] = path;
            continue;
        }
        size_t length = strlen(path);
        char *zero = xcalloc(length + 2, 1), *one = xcalloc(length + 2, 1);
        memcpy(zero, path, length); zero[length] = '0';
        memcpy(one, path, length); one[length] = '1';
        free(path);
        stack[top] = left_child[node]; stack_path[top++] = zero;
        stack[top] = right_child[node]; stack_path[top++] = one;
    }
    for (int w = 0; w < V; w++) {
        const char *path = path_of_cluster[FIND(w)];
        printf("%s\n", path && *path ? path : "0");
    }
    return 0;
}
