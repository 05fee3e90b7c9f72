#!/usr/bin/python3
"""Draw a GraphML file the way Gephi opens it: positions from x/y, colours
from r/g/b, sizes from size, labels from label. Needs networkx and matplotlib
(Debian: python3-networkx python3-matplotlib).

usage: examples/graphml-preview.py GRAPH.graphml OUT.png"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx

g = nx.read_graphml(sys.argv[1])
pos = {n: (float(d.get("x", 0)), float(d.get("y", 0))) for n, d in g.nodes(data=True)}
colours = [(d.get("r", 128) / 255, d.get("g", 128) / 255, d.get("b", 128) / 255) for _, d in g.nodes(data=True)]
sizes = [40 * float(d.get("size", 10)) for _, d in g.nodes(data=True)]
plt.figure(figsize=(12, 7))
nx.draw_networkx_edges(g, pos, alpha=0.4, arrows=True, arrowsize=8, connectionstyle="arc3,rad=0.08")
nx.draw_networkx_nodes(g, pos, node_color=colours, node_size=sizes, edgecolors="#333333", linewidths=0.5)
nx.draw_networkx_labels(g, pos, {n: d.get("label", n) for n, d in g.nodes(data=True)}, font_size=8)
edge_labels = {(u, v): d.get("relation", "") for u, v, d in g.edges(data=True)}
nx.draw_networkx_edge_labels(g, pos, edge_labels, font_size=6, alpha=0.7)
plt.axis("off")
plt.tight_layout()
plt.savefig(sys.argv[2], dpi=100)
