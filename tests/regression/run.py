#!/usr/bin/env python3
"""Regression suite runner: feeds each hand-written case to actorgraph and checks its graph.

Cases live in cases/<group>.jsonl, one JSON object a line (see README.md). Matching follows
../../shared/tools/score-graph: names compare by a key (casefold, no leading the/mr/mrs/ms/dr,
no non-alphanumerics), relations by coarse class; affiliation, attribution and statement are
directed, the other classes unordered, and `cites` is `quoted_by` seen from the outlet.

usage: run.py ACTORGRAPH [--group G] [--case ID] [--verbose]
       run.py --lint            (check the case files only)
Stdlib only. Exit 0 when every case without "xfail" passes, 1 otherwise, 2 on bad input.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "cases")

# Keep in step with score-graph's CLASSES.
CLASSES = {
    "communicates_with": ("communication", False), "told": ("communication", False),
    "meets": ("communication", False), "negotiates_with": ("communication", False),
    "role_of": ("affiliation", True), "member_of": ("affiliation", True),
    "quoted_by": ("attribution", True), "cites": ("attribution", True),
    "cooperates_with": ("cooperation", False), "supports": ("cooperation", False),
    "agrees_with": ("cooperation", False), "echoes": ("cooperation", False),
    "offers_to": ("cooperation", False), "exchanges_with": ("cooperation", False),
    "requests_from": ("cooperation", False),
    "opposes": ("conflict", False), "accuses": ("conflict", False),
    "denies": ("conflict", False), "attacks": ("conflict", False),
    "captures": ("conflict", False),
    "says_about": ("statement", True),
}
# relations outside the scorer's table, which it counts as class "other"
OTHER_TYPES = {"other", "acquires", "owns", "investigates", "succeeds", "related_to"}
CLASS_DIRECTED = {"communication": False, "affiliation": True, "attribution": True,
                  "cooperation": False, "conflict": False, "statement": True, "other": False}
TYPES = {"person", "organization", "country", "media", "group", "place"}
CASE_KEYS = {"id", "text", "actors", "relations", "absent", "absent_actors", "note", "xfail"}


def key(s):
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"^(the|mr|mrs|ms|dr)\.?\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def rel_class(rel):
    """(class, directed) of a relation type or class name; 'any' matches every class."""
    if rel in CLASSES:
        return CLASSES[rel]
    if rel in CLASS_DIRECTED:
        return rel, CLASS_DIRECTED[rel]
    if rel == "any":
        return "any", False
    return "other", False


def load_cases(cases_dir, only_group=None, only_case=None):
    """All cases as (group, case) in file then line order; exits 2 on a malformed file."""
    out, errors, seen = [], [], {}
    for fn in sorted(os.listdir(cases_dir)):
        if not fn.endswith(".jsonl"):
            continue
        group = fn[:-len(".jsonl")]
        with open(os.path.join(cases_dir, fn), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{fn}:{ln}"
                try:
                    c = json.loads(line)
                except ValueError as e:
                    errors.append(f"{where}: bad JSON: {e}")
                    continue
                errors.extend(f"{where}: {m}" for m in lint_case(c))
                cid = c.get("id", "?")
                if cid in seen:
                    errors.append(f"{where}: id {cid} already used at {seen[cid]}")
                seen[cid] = where
                if only_group and group != only_group:
                    continue
                if only_case and cid != only_case:
                    continue
                out.append((group, c))
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        sys.exit(2)
    return out


def lint_case(c):
    msgs = []
    for k in c:
        if k not in CASE_KEYS:
            msgs.append(f"unknown key {k!r}")
    if not isinstance(c.get("id"), str) or not isinstance(c.get("text"), str) or not c["text"].strip():
        return msgs + ["needs a string id and a non-empty text"]
    names = set()
    for a in c.get("actors", []):
        if not isinstance(a, dict) or "name" not in a:
            msgs.append(f"actor without a name: {a!r}")
            continue
        if a.get("type") not in TYPES:
            msgs.append(f"actor {a['name']!r}: type {a.get('type')!r}")
        names.add(a["name"])
    for t in c.get("relations", []):
        if len(t) != 3:
            msgs.append(f"relation {t!r} is not a triple")
            continue
        if t[1] not in CLASSES and t[1] not in OTHER_TYPES:
            msgs.append(f"relation {t!r}: unknown type {t[1]!r}")
        for end in (t[0], t[2]):
            if end not in names:
                msgs.append(f"relation {t!r}: {end!r} is not listed in actors")
    for t in c.get("absent", []):
        if len(t) != 3 or rel_class(t[1])[0] == "other":
            msgs.append(f"absent {t!r}: needs [source, type-or-class-or-any, target]")
    return msgs


def run_binary(binary, text, timeout):
    """The binary's JGF for @text, or (None, why)."""
    fd, path = tempfile.mkstemp(prefix="agreg-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text if text.endswith("\n") else text + "\n")
        try:
            p = subprocess.run([binary, "-f", "json", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout}s"
        except OSError as e:
            return None, f"cannot run {binary}: {e}"
        if p.returncode != 0:
            err = p.stderr.decode("utf-8", "replace").strip().splitlines()
            return None, f"exit {p.returncode}: {err[-1] if err else ''}"
        try:
            return json.loads(p.stdout.decode("utf-8")), None
        except ValueError as e:
            return None, f"output is not JSON: {e}"
    finally:
        os.unlink(path)


def graph_parts(doc):
    """Nodes {id: {label, type, names}} and edges [(src, dst, relation)] of a JGF document."""
    g = doc.get("graph") or (doc.get("graphs") or [None])[0]
    if not isinstance(g, dict):
        raise ValueError("no 'graph' object")
    nodes = g.get("nodes") or {}
    if isinstance(nodes, list):
        nodes = {str(n.get("id")): n for n in nodes}
    out = {}
    for nid, n in nodes.items():
        md = n.get("metadata") or {}
        names = [n.get("label") or nid] + list(md.get("aliases") or [])
        out[str(nid)] = {"label": names[0], "type": md.get("type"), "names": names}
    edges = []
    for e in g.get("edges") or []:
        md = e.get("metadata") or {}
        rel = e.get("relation") or md.get("relation") or md.get("type") or "other"
        edges.append((str(e.get("source")), str(e.get("target")), str(rel)))
    return out, edges


def check_case(case, doc):
    """List of problems (empty: the case passes) and a short summary of the graph."""
    problems = []
    nodes, edges = graph_parts(doc)
    actors = case.get("actors", [])
    index = {}
    for a in actors:
        for n in [a["name"]] + a.get("aliases", []):
            index.setdefault(key(n), a["name"])
    # as score-graph: a label decides before an alias, so an alias never steals a node
    assigned = {}  # actor name -> node ids
    for nid, n in sorted(nodes.items(), key=lambda kv: kv[1]["label"]):
        hit = index.get(key(n["label"])) or next(
            (index[key(x)] for x in n["names"] if key(x) in index), None)
        if hit:
            assigned.setdefault(hit, []).append(nid)
    for a in actors:
        ids = assigned.get(a["name"], [])
        if not ids:
            problems.append(f"missing actor {a['name']!r}")
            continue
        if len(ids) > 1:
            problems.append(f"actor {a['name']!r} split over nodes " +
                            ", ".join(repr(nodes[i]["label"]) for i in ids))
        types = sorted({str(nodes[i]["type"]) for i in ids})
        if a.get("type") and a["type"] not in types:
            problems.append(f"actor {a['name']!r} has type {'/'.join(types)}, expected {a['type']}")

    def ends(name):
        if name in assigned:
            return set(assigned[name])
        listed = {a["name"] for a in actors}
        if name in listed:
            return set()
        k = key(name)
        return {nid for nid, n in nodes.items() if any(key(x) == k for x in n["names"])}

    def found(src, rel, dst):
        cls, directed = rel_class(rel)
        if rel == "cites":  # X cites Y == Y quoted_by X
            src, dst = dst, src
        S, T = ends(src), ends(dst)
        for s, t, r in edges:
            ecls, _ = CLASSES.get(r, ("other", False))
            if cls != "any" and ecls != cls:
                continue
            if r == "cites":
                s, t = t, s
            if (s in S and t in T) or ((not directed or cls == "any") and s in T and t in S):
                return f"{nodes.get(s, {}).get('label', s)} -{r}-> {nodes.get(t, {}).get('label', t)}"
        return None

    for src, rel, dst in case.get("relations", []):
        if not found(src, rel, dst):
            cls = rel_class(rel)[0]
            problems.append(f"missing relation {src} -{rel} ({cls})-> {dst}")
    for src, rel, dst in case.get("absent", []):
        hit = found(src, rel, dst)
        if hit:
            problems.append(f"unwanted relation {hit} (absent: {src} -{rel}-> {dst})")
    # as score-graph's negatives: a label always counts, an alias only on a node that is
    # none of the listed actors (a title-bearing alias like "President X" is fine there)
    owned = {nid for ids in assigned.values() for nid in ids}
    for name in case.get("absent_actors", []):
        k = key(name)
        bad = [n["label"] for nid, n in nodes.items()
               if key(n["label"]) == k or (nid not in owned and any(key(x) == k for x in n["names"]))]
        if bad:
            problems.append(f"unwanted actor {name!r} (node {bad[0]!r})")
    summary = "nodes: " + "; ".join(f"{n['label']} [{n['type']}]" for n in nodes.values())
    summary += "\n    edges: " + "; ".join(
        f"{nodes.get(s, {}).get('label', s)} -{r}-> {nodes.get(t, {}).get('label', t)}"
        for s, t, r in edges)
    return problems, summary


def main(argv):
    ap = argparse.ArgumentParser(prog="run.py", description="Run the regression cases.")
    ap.add_argument("binary", nargs="?", help="path to the actorgraph executable")
    ap.add_argument("--group", help="run one group (file name without .jsonl)")
    ap.add_argument("--case", help="run one case by id")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print every case with the graph it got")
    ap.add_argument("--lint", action="store_true", help="only check the case files")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    ap.add_argument("--cases", default=CASES_DIR, help="folder of <group>.jsonl files")
    opt = ap.parse_args(argv)

    cases = load_cases(opt.cases, opt.group, opt.case)
    if opt.lint:
        groups = {}
        for g, _ in cases:
            groups[g] = groups.get(g, 0) + 1
        for g in sorted(groups):
            print(f"{g:15} {groups[g]:4} cases")
        print(f"{len(cases)} cases, case files are well-formed")
        return 0
    if not opt.binary:
        ap.error("the actorgraph binary is required (or --lint)")
    if not cases:
        print("no case matched", file=sys.stderr)
        return 2

    per_group = {}  # group -> [passed, failed, xfailed]
    passed = failed = unexpected = 0
    for group, c in cases:
        stats = per_group.setdefault(group, [0, 0, 0])
        doc, err = run_binary(opt.binary, c["text"], opt.timeout)
        summary = ""
        if doc is None:
            problems = [err]
        else:
            try:
                problems, summary = check_case(c, doc)
            except (ValueError, AttributeError, TypeError) as e:
                problems = [f"unreadable graph: {e}"]
        xfail = c.get("xfail")
        if problems:
            failed += 1
            stats[1] += 1
            if xfail:
                stats[2] += 1
            else:
                unexpected += 1
            tag = "XFAIL" if xfail else "FAIL"
            print(f"{tag} {c['id']}: " + "; ".join(problems))
        else:
            passed += 1
            stats[0] += 1
            if xfail:
                print(f"XPASS {c['id']}: passes although marked xfail ({xfail})")
            elif opt.verbose:
                print(f"ok   {c['id']}")
        if opt.verbose and summary:
            print("    " + summary)
    print()
    for g in sorted(per_group):
        p, f, x = per_group[g]
        tot = p + f
        print(f"{g:15} {p:4}/{tot:<4} passed ({100.0 * p / tot:5.1f}%)" +
              (f", {x} xfail" if x else ""))
    print(f"{'total':15} {passed:4}/{passed + failed:<4} passed "
          f"({100.0 * passed / (passed + failed):5.1f}%), {unexpected} unexpected failures")
    # the closing line counts known gaps (xfail) apart from failures
    print(f"{passed} passed, {unexpected} failed, {failed - unexpected} xfailed")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
