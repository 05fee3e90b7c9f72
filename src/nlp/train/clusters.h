/* actorgraph-train: word classes from word vectors (the clusters command)
 * and their loading into a model being trained. */
#ifndef AG_TRAIN_CLUSTERS_H
#define AG_TRAIN_CLUSTERS_H

#define AG_TRAIN_CLUSTER_MAX_DEPTH 16

struct ag_nlp_model;

/* `actorgraph-train clusters ...`; returns the exit code. */
int ag_train_clusters_main(int argc, char **argv);
/* Read "word<TAB>bits" lines into @p m's class table; exits on bad input. */
void ag_train_clusters_load(const char *path, struct ag_nlp_model *m);

#endif
