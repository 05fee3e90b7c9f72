#!/usr/bin/env python3
"""Read one of our files back with the program its users read it with and
check that it says what our JSON says: every actor with its name intact (the
hostile set has quotes, backslashes, &, <script>, control characters, an RTL
mark, an emoji and a 10,000-character name), every relation, and for the
positioned formats the same layout.

usage: check_formats.py DIR SET FORMAT
  DIR     where golden_graph wrote SET.json, SET.svg, ... (tests/consumers)
  SET     graph | hostile
  FORMAT  svg | dot | graphml | gexf | cyjs | html | png | pdf | positions
Exit 0 ok, 1 mismatch, 77 (skip) when the consumer is not installed.
"""
import collections
import html.parser
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
LABEL_MAX = 100  # NODE_LABEL_MAX in src/export/graphviz.c


class Skip(Exception):
    pass


def reference(d, s):
    with open(os.path.join(d, f"{s}.json"), encoding="utf-8") as f:
        g = json.load(f)["graph"]
    nodes = {nid: n["label"] for nid, n in g["nodes"].items()}
    edges = collections.Counter((e["source"], e["target"], e["relation"]) for e in g["edges"])
    return nodes, edges


def same(what, got, want):
    if got != want:
        if isinstance(got, dict):
            diff = sorted(set(got.items()) ^ set(want.items()))[:4]
            raise SystemExit(f"{what}: differs from the JSON: {[(k, v[:80]) for k, v in diff]}")
        raise SystemExit(f"{what}: differs from the JSON: {(got - want) + (want - got)}")


def svg_actors(root):
    """id -> (full name from the tooltip, text shown) of every actor node."""
    out = {}
    for g in root.iter(f"{SVG}g"):
        if "actor" not in (g.get("class") or "").split():
            continue
        node_id = g.find(f"{SVG}title").text
        a = g.find(f".//{SVG}a")
        tip = a.get(f"{XLINK}title") if a is not None else ""
        first = tip.split("\n")[0]
        name = first[: first.rfind(" (")] if " (" in first else first
        shown = "".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
        out[node_id] = (name, shown)
    return out


def check_svg_tree(root, nodes, what):
    got = svg_actors(root)
    same(f"{what}: names in tooltips", {k: v[0] for k, v in got.items()}, nodes)
    for nid, (name, shown) in got.items():
        if len(name) <= LABEL_MAX:
            if shown != name:
                raise SystemExit(f"{what}: node {nid} shows {shown[:80]!r}, not {name[:80]!r}")
        elif not (shown.endswith("\u2026") and name.startswith(shown[:-1])):
            raise SystemExit(f"{what}: node {nid}'s cut label {shown[:80]!r} is no prefix of its name")
    return len(got)


def check_svg(d, s, nodes, edges):
    root = ET.parse(os.path.join(d, f"{s}.svg")).getroot()
    n = check_svg_tree(root, nodes, "svg")
    rels = [g for g in root.iter(f"{SVG}g") if "relation" in (g.get("class") or "").split()]
    if len(rels) != sum(edges.values()):
        raise SystemExit(f"svg: {len(rels)} relations, JSON has {sum(edges.values())}")
    return f"{n} actors, {len(rels)} relations"


def check_dot(d, s, nodes, edges):
    dot = shutil.which("dot")
    if not dot:
        raise Skip("dot is not installed")
    r = subprocess.run([dot, "-Tsvg", os.path.join(d, f"{s}.dot")], capture_output=True)
    if r.returncode:
        raise SystemExit(f"dot: cannot read our DOT: {r.stderr.decode(errors='replace')[:300]}")
    n = check_svg_tree(ET.fromstring(r.stdout), nodes, "dot -Tsvg")
    return f"dot read it: {n} actors"


def networkx(version=None):
    try:
        import networkx as nx
    except ImportError as e:
        raise Skip(str(e))
    if version and int(nx.__version__.split(".")[0]) < version:
        raise Skip(f"networkx {nx.__version__} cannot read GEXF 1.3 (needs 3.x)")
    return nx


def check_graphml(d, s, nodes, edges):
    G = networkx().read_graphml(os.path.join(d, f"{s}.graphml"))
    same("graphml", {n: a.get("label") for n, a in G.nodes(data=True)}, nodes)
    same("graphml edges", collections.Counter((u, v, a.get("relation")) for u, v, a in G.edges(data=True)), edges)
    return f"networkx: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges"


def check_gexf(d, s, nodes, edges):
    nx = networkx(3)
    G = nx.read_gexf(os.path.join(d, f"{s}.gexf"))
    if not G.is_directed():
        raise SystemExit("gexf: graph is not directed")
    same("gexf", {n: a.get("label") for n, a in G.nodes(data=True)}, nodes)
    same("gexf edges", collections.Counter((u, v, a.get("relation")) for u, v, a in G.edges(data=True)), edges)
    for n, a in G.nodes(data=True):
        viz = a.get("viz", {})
        if not {"color", "size", "position"} <= viz.keys():
            raise SystemExit(f"gexf: node {n!r} lacks viz color, size or position: {viz}")
        if not isinstance(a.get("pagerank"), float) or not isinstance(a.get("community"), int):
            raise SystemExit(f"gexf: node {n!r} metrics are not numbers")
    for u, v, a in G.edges(data=True):
        if not isinstance(a.get("weight"), float) or not a.get("label"):
            raise SystemExit(f"gexf: edge {u}->{v} lacks weight or label")
    if G.graph.get("mode") == "dynamic" and not all(a.get("spells") for _, _, a in G.edges(data=True)):
        raise SystemExit("gexf: a dynamic graph with an edge without spells")
    return f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, mode {G.graph.get('mode')}"


def load_cyjs(d, s):
    with open(os.path.join(d, f"{s}.cyjs"), encoding="utf-8") as f:
        return json.load(f)


def check_cyjs(d, s, nodes, edges):
    cy = load_cyjs(d, s)["elements"]
    same("cyjs", {n["data"]["id"]: n["data"]["label"] for n in cy["nodes"]}, nodes)
    same("cyjs edges", collections.Counter(
        (e["data"]["source"], e["data"]["target"], e["data"]["relation"]) for e in cy["edges"]), edges)
    ids = [e["data"]["id"] for e in cy["edges"]] + [n["data"]["id"] for n in cy["nodes"]]
    if len(set(ids)) != len(ids):
        raise SystemExit("cyjs: element ids are not unique")
    for n in cy["nodes"]:
        p = n.get("position", {})
        if not all(isinstance(p.get(k), (int, float)) for k in "xy"):
            raise SystemExit(f"cyjs: node {n['data']['id']} has no position")
    return f"{len(cy['nodes'])} nodes, {len(cy['edges'])} edges"


class ScriptGrabber(html.parser.HTMLParser):
    """The HTML parser's view of the page: the data script's text, every
    script element, and any element that would load something."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.loads, self.data, self._in = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a)
            self._in = a.get("id")
        for k in ("src", "srcset", "data", "poster"):
            if a.get(k):
                self.loads.append((tag, k, a[k]))
        if tag == "link" and a.get("href"):
            self.loads.append((tag, "href", a["href"]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in == "ag-data":
            self.data = (self.data or "") + data


def check_html(d, s, nodes, edges):
    with open(os.path.join(d, f"{s}.html"), encoding="utf-8") as f:
        text = f.read()
    p = ScriptGrabber()
    p.feed(text)
    p.close()
    if len(p.scripts) != 2 or p.data is None:
        raise SystemExit(f"html: {len(p.scripts)} script elements (want the data and the page script)")
    if p.loads:
        raise SystemExit(f"html: elements that load from elsewhere: {p.loads[:3]}")
    if "Content-Security-Policy" not in text or "default-src 'none'" not in text:
        raise SystemExit("html: no Content-Security-Policy forbidding requests")
    if "<" in p.data:
        raise SystemExit("html: a '<' inside the data script")
    data = json.loads(p.data)
    ids = [a["id"] for a in data["actors"]]
    same("html data", {a["id"]: a["label"] for a in data["actors"]}, nodes)
    same("html data edges", collections.Counter(
        (ids[e["source"]], ids[e["target"]], e["relation"]) for e in data["edges"]), edges)
    start, end = text.find("<svg"), text.find("</svg>")
    n = check_svg_tree(ET.fromstring(text[start:end + 6]), nodes, "html's svg")
    return f"{len(data['actors'])} actors in the data, {n} in the SVG, no requests"


def check_png(d, s, nodes, edges):
    with open(os.path.join(d, f"{s}.png"), "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise SystemExit("png: not a PNG file")
    w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if not (w and h):
        raise SystemExit("png: empty picture")
    return f"{w}x{h} pixels"


def check_pdf(d, s, nodes, edges):
    with open(os.path.join(d, f"{s}.pdf"), "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise SystemExit("pdf: not a complete PDF file")
    tool = shutil.which("pdftotext")
    if tool and s == "graph":
        out = subprocess.run([tool, os.path.join(d, f"{s}.pdf"), "-"], capture_output=True, text=True).stdout
        missing = [n for n in nodes.values() if n not in " ".join(out.split())]
        if missing:
            raise SystemExit(f"pdf: names not in the text: {missing[:3]}")
    return f"{len(data)} bytes"


def check_positions(d, s, nodes, edges):
    """GraphML x/y, GEXF viz:position and Cytoscape positions: one layout."""
    nx = networkx(3)
    gml = nx.read_graphml(os.path.join(d, f"{s}.graphml"))
    gexf = nx.read_gexf(os.path.join(d, f"{s}.gexf"))
    cy = {n["data"]["id"]: n["position"] for n in load_cyjs(d, s)["elements"]["nodes"]}
    spread = set()
    for n in nodes:
        a = (gml.nodes[n]["x"], gml.nodes[n]["y"])
        p = gexf.nodes[n]["viz"]["position"]
        b = (p["x"], p["y"])
        c = (cy[n]["x"], -cy[n]["y"])
        if not (a == b == c):
            raise SystemExit(f"positions of {n} differ: graphml {a}, gexf {b}, cyjs {c}")
        spread.add(a)
    if len(nodes) > 1 and len(spread) < 2:
        raise SystemExit("positions: every actor at the same place (no layout)")
    return f"{len(nodes)} actors at the same place in graphml, gexf and cyjs"


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    d, s, fmt = sys.argv[1:]
    check = globals().get(f"check_{fmt}")
    if not check:
        raise SystemExit(__doc__)
    nodes, edges = reference(d, s)
    if s == "hostile":
        # the JSON itself keeps the hostile names (its reader is tested in C)
        joined = "\n".join(nodes.values())
        for marker in ("<script>alert(1)</script>", "\\", '"', "&", "\U0001F98A", "\u200f"):
            if marker not in joined:
                raise SystemExit(f"json: hostile marker {marker!r} lost")
        if max(len(n) for n in nodes.values()) < 10000:
            raise SystemExit("json: the 10,000-character name was cut")
    try:
        print(f"{fmt}: {check(d, s, nodes, edges)}")
    except Skip as e:
        print(f"SKIP {fmt}: {e}")
        sys.exit(77)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
