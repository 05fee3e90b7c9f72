#!/bin/sh
# Retrain the language model shipped in src/data/en-ewt.agm from the UD
# English EWT treebank.  The same treebank and seed give the same bytes.
#   src/nlp/train/make-model.sh [BUILD_DIR [EWT_DIR [OUT]]]
# Defaults: build, ../shared/corpora/ud-english-ewt, src/data/en-ewt.agm.
# About 8 minutes on one core; peak memory about 3 GB.
set -eu
cd "$(dirname "$0")/../../.."
build=${1:-build}
ewt=${2:-../shared/corpora/ud-english-ewt}
out=${3:-src/data/en-ewt.agm}
train="$build/actorgraph-train"
[ -x "$train" ] || { echo "make-model: build $train first (cmake --build --preset dev)" >&2; exit 1; }
tmp=$(mktemp "${out}.full.XXXXXX")
trap 'rm -f "$tmp"' EXIT
options="--tagger-epochs 8 --parser-epochs 12 --folds 5 --min-count 2 --seed 1"
"$train" train $options \
    --about "treebank: UD English EWT (UD_English-EWT release 2025-05-10), train.conllu; epochs chosen on dev.conllu" \
    --about "license: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this model is shared under the same terms" \
    --about "cite: Silveira et al. 2014, A Gold Standard Dependency Corpus for English, LREC; Universal Dependencies" \
    --about "command: actorgraph-train train $options train.conllu dev.conllu; actorgraph-train prune --tagger-min 300 --parser-min 500 (src/nlp/train/make-model.sh)" \
    "$ewt/train.conllu" "$ewt/dev.conllu" -o "$tmp"
"$train" prune --tagger-min 300 --parser-min 500 "$tmp" -o "$out"
"$train" eval --model "$out" "$ewt/dev.conllu"
