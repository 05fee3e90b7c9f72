#!/bin/sh
# Training is deterministic: the same corpus, options and seed give the same
# model bytes, and the same word vectors give the same word classes.  A short
# run on dev.conllu keeps this under a minute.
set -eu
train=$1 ewt=$2 dir=$3
[ -f "$ewt/dev.conllu" ] || { echo "skip: $ewt/dev.conllu is absent"; exit 77; }
mkdir -p "$dir"
# word vectors for the treebank's 3000 most frequent forms: any numbers do
# for determinism, so awk's seeded generator makes them
awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/ { print tolower($2) }' "$ewt/dev.conllu" | sort | uniq -c |
    sort -k1,1nr -k2,2 | head -3000 |
    awk 'BEGIN { srand(11) } { printf "%s", $2; for (d = 0; d < 8; d++) printf " %.4f", rand() - 0.5; print "" }' \
    > "$dir/vectors.txt"
for run in a b; do
    "$train" clusters --depth 6 "$dir/vectors.txt" -o "$dir/$run.tsv" 2>/dev/null
    "$train" train --tagger-epochs 1 --parser-epochs 1 --folds 2 --seed 7 --clusters "$dir/$run.tsv" \
        --about "determinism test" "$ewt/dev.conllu" "$ewt/dev.conllu" -o "$dir/$run.agm" 2>/dev/null
done
cmp "$dir/a.tsv" "$dir/b.tsv"
cmp "$dir/a.agm" "$dir/b.agm"
# every word got a class path of at most 6 bits, and the splits used them
[ "$(wc -l < "$dir/a.tsv")" -eq "$(wc -l < "$dir/vectors.txt")" ]
! grep -qvE '^[^	]+	[01]{1,6}$' "$dir/a.tsv"
[ "$(cut -f2 "$dir/a.tsv" | sort -u | wc -l)" -gt 32 ]
echo "two trainings, identical word classes and models: $(wc -c < "$dir/a.agm") bytes"
