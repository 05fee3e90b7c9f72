#!/bin/sh
# The shipped model on EWT test.conllu, which it never trained or tuned on.
# The floors are the model's measured figures less a margin for rounding:
# a retrained model that falls below them fails here.
set -eu
train=$1 ewt=$2
[ -f "$ewt/test.conllu" ] || { echo "skip: $ewt/test.conllu is absent"; exit 77; }
"$train" eval --min-upos 0.945 --min-uas 0.840 --min-las 0.805 "$ewt/test.conllu"
"$train" eval --raw --min-upos 0.85 --min-uas 0.74 --min-las 0.71 "$ewt/test.conllu"
