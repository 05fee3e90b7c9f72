#!/bin/sh
# Training is deterministic: the same corpus, options and seed give the same
# model bytes.  A short run on dev.conllu keeps this under a minute.
set -eu
train=$1 ewt=$2 dir=$3
[ -f "$ewt/dev.conllu" ] || { echo "skip: $ewt/dev.conllu is absent"; exit 77; }
mkdir -p "$dir"
for run in a b; do
    "$train" train --tagger-epochs 1 --parser-epochs 1 --folds 2 --seed 7 \
        --about "determinism test" "$ewt/dev.conllu" "$ewt/dev.conllu" -o "$dir/$run.agm" 2>/dev/null
done
cmp "$dir/a.agm" "$dir/b.agm"
echo "two trainings, identical models: $(wc -c < "$dir/a.agm") bytes"
