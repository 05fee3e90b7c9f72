#!/usr/bin/env bash
# The three uses of the README run as written: the report SVG, GraphML for
# Gephi (read back by networkx where it is installed) and the jq pipeline.
# usage: check_examples.sh ACTORGRAPH SOURCE_DIR
set -euo pipefail
export ACTORGRAPH=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$src/examples/report-svg.sh" "$tmp/report.svg"
xmllint --noout "$tmp/report.svg"

"$src/examples/gephi-graphml.sh" "$tmp/actors.graphml"
xmllint --noout "$tmp/actors.graphml"

if ! command -v jq >/dev/null; then
    echo "SKIP: jq is not installed (apt-get install jq)"
    exit 77
fi
"$src/examples/pipeline-jq.sh" quoted_by "$tmp"
xmllint --noout "$tmp/graph-quoted_by.svg"
jq -e '.graph.edges | all(.relation == "quoted_by")' "$tmp/graph-quoted_by.json" >/dev/null
