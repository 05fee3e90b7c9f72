#!/usr/bin/env bash
# graphs/ must be what examples/build-graphs.sh makes from examples/ now:
# regenerate into a temporary directory and compare.  JSON, DOT and GraphML
# must match byte for byte (GraphML apart from layout positions); SVG only
# has to be well-formed, since font metrics differ between machines.
# To refresh: examples/build-graphs.sh
# usage: check_graphs.sh ACTORGRAPH SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$src/examples/build-graphs.sh" "$bin" "$tmp" >/dev/null
stale=0
# Node positions come from a Graphviz layout, which depends on the fonts
# installed; everything else in the GraphML must match byte for byte.
xy='<data key="(x|y)">'
for fmt in json dot graphml; do
    if [ ! -f "$src/graphs/graph.$fmt" ]; then
        echo "graphs/graph.$fmt is missing"
        stale=1
    elif [ "$fmt" = graphml ] && ! cmp -s "$tmp/graph.$fmt" "$src/graphs/graph.$fmt" &&
         cmp -s <(grep -Ev "$xy" "$tmp/graph.$fmt") <(grep -Ev "$xy" "$src/graphs/graph.$fmt"); then
        echo "note: graphs/graph.graphml differs only in layout positions (font metrics differ here)"
    elif ! cmp -s "$tmp/graph.$fmt" "$src/graphs/graph.$fmt"; then
        echo "graphs/graph.$fmt is stale:"
        diff -u "$src/graphs/graph.$fmt" "$tmp/graph.$fmt" | head -n 40 || true
        stale=1
    fi
done
for svg in "$tmp/graph.svg" "$src/graphs/graph.svg"; do
    if [ ! -f "$svg" ] || ! xmllint --noout "$svg"; then
        echo "$svg is missing or not well-formed XML"
        stale=1
    fi
done
if [ "$stale" = 1 ]; then
    echo "graphs/ is out of date: run examples/build-graphs.sh and commit graphs/"
    exit 1
fi
echo "graphs/ is up to date"
