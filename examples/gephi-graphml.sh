#!/usr/bin/env bash
# Use 2: a network for Gephi.  Write GraphML with labels, types, colours,
# sizes and weights, then open it with File > Open in Gephi (choose "don't
# merge" for parallel edges to keep each relation).  Where python3-networkx
# is installed, read it back to show what Gephi will get.
# usage: examples/gephi-graphml.sh [OUTPUT.graphml]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACTORGRAPH:-build/actorgraph}
out=${1:-actors.graphml}
export LC_ALL=C

"$bin" -o "$out" examples/*.txt
echo "wrote $out"
if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
    /usr/bin/python3 - "$out" <<'PY'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(f"{g.number_of_nodes()} actors, {g.number_of_edges()} relations; the five most connected:")
for node, deg in sorted(g.degree, key=lambda nd: (-nd[1], nd[0]))[:5]:
    print(f"  {deg:3d}  {g.nodes[node].get('label', node)} ({g.nodes[node].get('type', '?')})")
PY
fi
