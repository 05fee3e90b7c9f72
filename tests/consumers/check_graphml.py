#!/usr/bin/python3
"""Read our GraphML with networkx or python-igraph and check it says what
our JSON says: same node ids and labels, same edges (source, target,
relation), directed, and the attributes Gephi relies on.

usage: check_graphml.py networkx|igraph GRAPH.json GRAPH.graphml
Exit 0 ok, 1 mismatch, 77 (skip) when the library is not installed.
"""
import collections
import json
import sys


def expected(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)["graph"]
    nodes = {nid: n["label"] for nid, n in g["nodes"].items()}
    edges = collections.Counter((e["source"], e["target"], e["relation"]) for e in g["edges"])
    return nodes, edges


def read_networkx(path):
    import networkx as nx
    G = nx.read_graphml(path)
    if not G.is_directed():
        raise SystemExit("networkx: graph is not directed")
    nodes = {n: d.get("label") for n, d in G.nodes(data=True)}
    edges = collections.Counter((u, v, d.get("relation")) for u, v, d in G.edges(data=True))
    for n, d in G.nodes(data=True):
        for k in ("r", "g", "b", "mentions", "community"):
            if not isinstance(d.get(k), int):
                raise SystemExit(f"networkx: node {n!r} {k}={d.get(k)!r} is not an int")
        if not isinstance(d.get("pagerank"), float):
            raise SystemExit(f"networkx: node {n!r} pagerank is not a float")
    for u, v, d in G.edges(data=True):
        if not isinstance(d.get("weight"), float) or d.get("label") is None:
            raise SystemExit(f"networkx: edge {u!r}->{v!r} lacks weight or label")
    return nodes, edges


def read_igraph(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        raise SystemExit("igraph: graph is not directed")
    ids = g.vs["id"]
    nodes = dict(zip(ids, g.vs["label"])) if g.vcount() else {}
    edges = collections.Counter(
        (ids[e.source], ids[e.target], e["relation"]) for e in g.es) if g.ecount() else collections.Counter()
    if g.ecount() and not all(isinstance(w, float) for w in g.es["weight"]):
        raise SystemExit("igraph: edge weights are not numbers")
    return nodes, edges


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("networkx", "igraph"):
        raise SystemExit(__doc__)
    lib, js, gml = sys.argv[1:]
    try:
        got = (read_networkx if lib == "networkx" else read_igraph)(gml)
    except ImportError as e:
        print(f"SKIP: {e}")
        sys.exit(77)
    want = expected(js)
    if got[0] != want[0]:
        diff = set(got[0].items()) ^ set(want[0].items())
        raise SystemExit(f"{lib}: nodes differ from the JSON: {sorted(diff)[:5]}")
    if got[1] != want[1]:
        raise SystemExit(f"{lib}: edges differ from the JSON: {(got[1] - want[1]) + (want[1] - got[1])}")
    print(f"{lib}: {len(got[0])} nodes, {sum(got[1].values())} edges, labels match")


if __name__ == "__main__":
    main()
