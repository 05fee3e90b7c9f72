#!/usr/bin/env python3
"""CLI tests: exit codes, messages, input forms and atomic output of the
actorgraph executable.  One ctest per case (tests/cli/tests.cmake):

    test_cli.py ACTORGRAPH SOURCE_DIR CASE     run one case
    test_cli.py ACTORGRAPH SOURCE_DIR --list   print the case names

Stdlib only.  Exit 0 pass, 1 fail, 77 skip.  No timing assertions, except
that a process stopped by a signal must be gone within a generous second.
"""
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

BIN = SRC = None
SKIP = 77

ARTICLE = (
    "Ministers agree to keep talking\n\n"
    "Spanish Foreign Minister Elena Marquez spoke by phone with her Moroccan counterpart, "
    "Karim Haddad, on Tuesday, the Spanish news agency EFE reported.\n\n"
    "Marquez told reporters the two governments would meet again in March.\n"
)


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def run(args, stdin=b"", cwd=None, preexec=None):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=cwd, preexec_fn=preexec, timeout=120)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def expect(args, code, stderr_has=(), **kw):
    rc, out, err = run(args, **kw)
    check(rc == code, f"actorgraph {' '.join(args)}: exit {rc}, expected {code}; stderr: {err!r}")
    for s in stderr_has:
        check(s in err, f"actorgraph {' '.join(args)}: stderr lacks {s!r}: {err!r}")
    return out, err


def examples():
    d = os.path.join(SRC, "examples")
    return [os.path.join("examples", f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def listing(d):
    return sorted(os.listdir(d))


# ------------------------------------------------------------------ cases

def case_max_evidence(tmp):
    """--max-evidence keeps the first N sentences per relation and still
    counts all of them: weights and counts match the unlimited graph, in
    extract, convert and merge; N must be 1 or more."""
    arts = [os.path.join(SRC, f) for f in examples()]
    full, _ = expect(["-f", "json"] + arts, 0)
    capped, _ = expect(["-f", "json", "--max-evidence", "1"] + arts, 0)
    edges = lambda raw: {(e["source"], e["target"], e["relation"]): e["metadata"]
                         for e in json.loads(raw)["graph"]["edges"]}
    f, c = edges(full), edges(capped)
    check(f.keys() == c.keys(), "--max-evidence changed the relations")
    many = 0
    for k, m in f.items():
        n = c[k]
        check(n["weight"] == m["weight"], f"{k}: weight {n['weight']} != {m['weight']}")
        check(n["evidence"] == m["evidence"][:1], f"{k}: not the first piece of evidence")
        check(n.get("evidence_count", len(n["evidence"])) == len(m["evidence"]), f"{k}: count")
        check(("evidence_count" in m) is False, "an unlimited graph writes evidence_count")
        many += len(m["evidence"]) > 1
    check(many > 0, "the examples have no relation stated twice: the test tests nothing")
    cpath, fpath = os.path.join(tmp, "capped.json"), os.path.join(tmp, "full.json")
    with open(cpath, "wb") as fh:
        fh.write(capped)
    with open(fpath, "wb") as fh:
        fh.write(full)
    again, _ = expect(["convert", "-f", "json", cpath], 0)
    check(again == capped, "convert changed a graph written with --max-evidence")
    merged, _ = expect(["merge", "-f", "json", "--max-evidence", "1", fpath], 0)
    check(merged == capped, "merge --max-evidence 1 of the full graph differs from extract's")
    for bad in ("0", "-1", "x"):
        expect(["--max-evidence", bad] + arts, 2, stderr_has=("--max-evidence",))


def case_huge_text_in_pieces(tmp):
    """A text over 4 MB is analysed in pieces: evidence deep in the file still
    points at its own bytes and sentence numbers keep counting."""
    if "ASAN_OPTIONS" in os.environ:  # 4.6 MB through the sanitizer build takes minutes
        return SKIP
    first = ["Ada", "Bo", "Cai", "Dov", "Eli", "Fen", "Gus", "Hal"]
    last = ["Marlowe", "Okafor", "Vance", "Tarrow", "Quill", "Rennick", "Sallow", "Ibsen"]
    paras, n = [], 0
    while sum(len(p) for p in paras) < 4_600_000:
        a = f"{first[n % 8]} {last[(n // 8) % 8]}"
        b = f"{first[(n // 64) % 8]} {last[(n // 3) % 8]}"
        paras.append(f"Minister {a} met envoy {b} in Lisbon on Monday, officials said.\n\n"
                     f"The talks lasted for hours and covered trade and fishing rights.\n\n")
        n += 1
    text = "".join(paras).encode()
    path = os.path.join(tmp, "huge.txt")
    with open(path, "wb") as fh:
        fh.write(text)
    out, _ = expect(["-f", "json", path], 0)
    evs = [ev for e in json.loads(out)["graph"]["edges"] for ev in e["metadata"]["evidence"]]
    check(evs, "no evidence from a 4.6 MB text")
    late = [ev for ev in evs if ev["start"] > 3_000_000]
    check(late, "no evidence beyond the first 3 MB: the later pieces were lost")
    for ev in late[:50]:
        span = text[ev["start"]:ev["end"]].decode()
        check(" ".join(span.split()) == ev["text"], f"evidence at {ev['start']} does not match its bytes")
    check(max(ev["sentence"] for ev in evs) > 60_000, "sentence numbers restart in each piece")


def case_help(tmp):
    out, err = expect(["--help"], 0)
    text = out.decode()
    check(text.startswith("Usage: actorgraph"), f"--help: {text[:80]!r}")
    for opt in ("--format", "--output", "--lexicon", "--layout", "--min-confidence", "--explain",
                "--jsonl", "--date", "--quiet", "--version", "Exit status"):
        check(opt in text, f"--help does not mention {opt}")
    check(err == "", f"--help wrote to stderr: {err!r}")
    out, _ = expect(["-h"], 0)
    check(out.decode() == text, "-h differs from --help")
    for opt in ("--focus", "--depth", "--min-weight", "--types", "--relations", "--drop-isolates",
                "actorgraph merge", "actorgraph stats"):
        check(opt in text, f"--help does not mention {opt}")
    out, _ = expect(["convert", "--help"], 0)
    check(out.decode().startswith("Usage: actorgraph convert"), "convert --help")
    check("--focus" in out.decode(), "convert --help lacks the filters")
    for cmd, opts in (("merge", ("--format", "--output", "--layout", "--focus")),
                      ("stats", ("--tsv", "--output", "--focus"))):
        out, _ = expect([cmd, "--help"], 0)
        text = out.decode()
        check(text.startswith(f"Usage: actorgraph {cmd}"), f"{cmd} --help: {text[:60]!r}")
        for opt in opts:
            check(opt in text, f"{cmd} --help does not mention {opt}")
    check("--tsv" not in expect(["convert", "--help"], 0)[0].decode(), "convert --help offers --tsv")


def case_version(tmp):
    out, _ = expect(["--version"], 0)
    first = out.decode().splitlines()[0]
    check(first.startswith("actorgraph ") and first.split()[1][0].isdigit(), f"--version: {first!r}")
    # the libraries we were built against, each with a version number
    lines = out.decode().splitlines()
    check(len(lines) >= 2, f"--version names no libraries: {out!r}")
    for lib in ("igraph", "graphviz", "cJSON", "utf8proc"):
        words = lines[1].replace(",", "").split()
        check(lib in words and words.index(lib) + 1 < len(words) and words[words.index(lib) + 1][:1].isdigit(),
              f"--version lacks the version of {lib}: {lines[1]!r}")


def case_bad_option(tmp):
    expect(["--bogus"], 2, ["unknown option '--bogus'", "--help"])
    expect(["-Z"], 2, ["unknown option '-Z'"])
    expect(["-f"], 2, ["needs an argument"])
    expect(["--output"], 2, ["needs an argument"])
    expect(["-f", "xml", "-"], 2, ["unknown format 'xml'"])
    expect(["--layout", "spring", "-"], 2, ["unknown layout engine 'spring'"])
    expect(["--min-confidence", "2", "-"], 2, ["--min-confidence"])
    expect(["--min-confidence", "x", "-"], 2, ["--min-confidence"])
    expect(["--date", "2025-13-01", "-"], 2, ["--date"])
    expect(["--date", "yesterday", "-"], 2, ["--date"])
    expect(["-", "-"], 2, ["only once"])
    expect(["-L", "-"], 2, ["only once"])
    expect(["convert", "-f", "xml"], 2, ["unknown format 'xml'", "actorgraph convert --help"])
    expect(["convert", "--bogus"], 2, ["unknown option '--bogus'", "actorgraph convert --help"])
    expect(["convert", "a.json", "b.json"], 2, ["one graph"])


def case_missing_file(tmp):
    path = os.path.join(tmp, "no-such-article.txt")
    expect([path], 4, [path, "No such file or directory"])
    expect(["convert", path], 4, [path])
    expect(["-L", path, "-"], 4, [path])


def case_directory_input(tmp):
    expect([tmp], 4, [tmp, "Is a directory"])


def case_invalid_utf8(tmp):
    data = ARTICLE.encode() + b"A broken \xc3\x28 byte here.\n"
    path = write(os.path.join(tmp, "broken.txt"), data)
    off = data.index(b"\xc3\x28")
    _, err = expect([path], 3, [path, f"byte {off}"])
    check(err.startswith("actorgraph: error: "), f"error prefix: {err!r}")


def case_stdin(tmp):
    out1, _ = expect(["-"], 0, stdin=ARTICLE.encode())
    g = json.loads(out1)
    docs = g["graph"]["metadata"]["documents"]
    names = [d.get("name", d.get("id")) if isinstance(d, dict) else d for d in docs]
    check("stdin" in names, f"stdin document not named 'stdin': {docs}")
    out2, _ = expect([], 0, stdin=ARTICLE.encode())
    check(out1 == out2, "no FILE and '-' differ")


def case_format_from_extension(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    for ext, marker in ((".json", b'"graph"'), (".dot", b"digraph"), (".gv", b"digraph"),
                        (".graphml", b"<graphml"), (".svg", b"<svg")):
        out = os.path.join(tmp, "g" + ext)
        expect(["-o", out, src], 0)
        check(marker in read(out), f"-o g{ext}: no {marker!r} in the output")
    out = os.path.join(tmp, "g.unknown")
    expect(["-o", out, src], 0)
    json.loads(read(out))
    out = os.path.join(tmp, "forced.json")
    expect(["-f", "dot", "-o", out, src], 0)
    check(b"digraph" in read(out), "-f dot must win over the .json extension")
    out, _ = expect(["-f", "graphml", src], 0)
    check(b"<graphml" in out, "-f graphml to stdout")


def case_output_mode(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    out = os.path.join(tmp, "g.json")
    old = os.umask(0o022)
    try:
        expect(["-o", out, src], 0)
    finally:
        os.umask(old)
    mode = os.stat(out).st_mode & 0o777
    check(mode == 0o644, f"new output has mode {oct(mode)}, expected 0o644 (umask 022)")
    os.chmod(out, 0o640)
    expect(["-o", out, src], 0)
    check(os.stat(out).st_mode & 0o777 == 0o640, "rewriting an output must keep its mode")
    check(listing(tmp) == ["a.txt", "g.json"], f"stray files: {listing(tmp)}")


def case_output_symlink(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    real = write(os.path.join(tmp, "real.json"), "old")
    link = os.path.join(tmp, "link.json")
    os.symlink("real.json", link)
    expect(["-o", link, src], 0)
    check(os.path.islink(link), "-o through a symlink replaced the link")
    json.loads(read(real))


def case_atomic_unwritable_dir(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    missing = os.path.join(tmp, "no-such-dir", "g.json")
    expect(["-o", missing, src], 4, [missing])
    check(not os.path.exists(os.path.dirname(missing)), "created the missing directory")
    # A read-only directory: root ignores permission bits, a read-only file
    # system (/proc) stops everyone.
    expect(["-o", "/proc/actorgraph-test.json", src], 4, ["/proc/actorgraph-test.json"])
    if os.geteuid() != 0:
        ro = os.path.join(tmp, "ro")
        os.mkdir(ro)
        os.chmod(ro, 0o555)
        try:
            expect(["-o", os.path.join(ro, "g.json"), src], 4, ["Permission denied"])
            check(listing(ro) == [], f"left files in a read-only directory: {listing(ro)}")
        finally:
            os.chmod(ro, 0o755)
    expect(["-o", tmp, src], 4, ["Is a directory"])


def case_atomic_failed_run_keeps_output(tmp):
    good = write(os.path.join(tmp, "good.txt"), ARTICLE)
    bad = write(os.path.join(tmp, "bad.txt"), b"Valid start.\n\xff\xfe invalid\n")
    out = os.path.join(tmp, "g.json")
    expect(["-o", out, good], 0)
    before, files = read(out), listing(tmp)
    expect(["--strict", "-o", out, good, bad], 3, ["bad.txt"])
    check(read(out) == before, "a failed run changed the previous output")
    check(listing(tmp) == files, f"a failed run left files behind: {listing(tmp)}")


def size_limit_run(tmp, sigxfsz):
    # A file size limit makes write() fail half way: the temporary file must
    # go and the old output must stay, whatever SIGXFSZ's disposition was
    # (the writer ignores it while writing, so the write fails with EFBIG).
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    out = os.path.join(tmp, "g.svg")
    write(out, "previous")

    def limit():
        signal.signal(signal.SIGXFSZ, sigxfsz)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    expect(["-o", out, src], 4, [out], preexec=limit)
    check(read(out) == b"previous", "the old output was damaged")
    check(listing(tmp) == ["a.txt", "g.svg"], f"temporary file left behind: {listing(tmp)}")


def case_atomic_write_error_removes_temp(tmp):
    size_limit_run(tmp, signal.SIG_IGN)


def case_file_size_limit_default_signal(tmp):
    size_limit_run(tmp, signal.SIG_DFL)


def case_dev_full(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    if not os.path.exists("/dev/full"):
        return SKIP
    with open("/dev/full", "wb") as full:
        for args in ([src], ["--help"], ["-f", "dot", src]):
            p = subprocess.run([BIN] + args, stdout=full, stderr=subprocess.PIPE, timeout=120)
            err = p.stderr.decode()
            check(p.returncode == 4, f"actorgraph {' '.join(args)} > /dev/full: exit {p.returncode}: {err!r}")
            check("No space left on device" in err, f"> /dev/full: {err!r}")
    expect(["-o", "/dev/full", src], 4, ["/dev/full", "No space left on device"])
    expect(["-o", "/dev/null", src], 0)
    check(os.path.exists("/dev/null") and not os.path.isfile("/dev/null"), "/dev/null was replaced")


def case_deterministic(tmp):
    files = examples()
    for fmt in ("json", "dot", "graphml"):
        a, _ = expect(["-f", fmt] + files, 0, cwd=SRC)
        b, _ = expect(["-f", fmt] + files, 0, cwd=SRC)
        check(a == b, f"two runs differ ({fmt})")
        check(len(a) > 0, f"empty {fmt} output")


def case_convert_roundtrip(tmp):
    g = os.path.join(tmp, "g.json")
    expect(["-o", g] + [os.path.join(SRC, f) for f in examples()], 0)
    out, _ = expect(["convert", "-f", "json", g], 0)
    check(out == read(g), "convert -f json changed the graph")
    out2, _ = expect(["convert", "-"], 0, stdin=read(g))
    check(out2 == out, "convert from stdin differs")
    direct, _ = expect(["-f", "dot"] + [os.path.join(SRC, f) for f in examples()], 0)
    conv, _ = expect(["convert", "-f", "dot", g], 0)
    check(direct == conv, "convert -f dot differs from extracting to DOT directly")
    for fmt in ("svg", "graphml"):
        out, _ = expect(["convert", "-f", fmt, g], 0)
        check(len(out) > 0, f"convert -f {fmt}: empty")
    bad = write(os.path.join(tmp, "bad.json"), '{"graph": {"nodes": {]}}')
    expect(["convert", bad], 3, ["bad.json", "byte"])


def case_convert_evidence_without_doc(tmp):
    # evidence that names no document reads, writes as null and reads back
    # the same (an earlier convert wrote "" and then refused its own output)
    g = os.path.join(tmp, "g.json")
    expect(["-o", g] + [os.path.join(SRC, f) for f in examples()], 0)
    doc = json.loads(read(g))
    for e in doc["graph"]["edges"]:
        for ev in e["metadata"]["evidence"]:
            ev.pop("doc", None)
    nodoc = write(os.path.join(tmp, "nodoc.json"), json.dumps(doc))
    first, _ = expect(["convert", "-f", "json", nodoc], 0)
    again = write(os.path.join(tmp, "again.json"), first)
    second, _ = expect(["convert", "-f", "json", again], 0)
    check(first == second, "convert of its own output changed it")
    older = write(os.path.join(tmp, "older.json"), first.replace(b'"doc":\tnull', b'"doc":\t""'))
    third, _ = expect(["convert", "-f", "json", older], 0)
    check(third == first, 'an empty "doc" reads as none')


def case_skip_bad_article(tmp):
    # one article that cannot be processed costs only itself: a warning
    # names it and why, the graph of the rest is written, and the exit code
    # says something was skipped; --strict stops with no output
    good = write(os.path.join(tmp, "good.txt"), ARTICLE)
    bad = write(os.path.join(tmp, "bad.txt"), b"Valid start.\n\xff\xfe invalid\n")
    missing = os.path.join(tmp, "missing.txt")
    out = os.path.join(tmp, "g.json")
    _, err = expect(["-o", out, bad, good, missing], 6, ["bad.txt", "missing.txt", "2 articles skipped"])
    docs = [d["name"] for d in json.loads(read(out))["graph"]["metadata"]["documents"]]
    check(docs == [good], f"the graph should hold the good article only: {docs}")
    strict_out = os.path.join(tmp, "strict.json")
    expect(["--strict", "-o", strict_out, good, bad], 3, ["bad.txt"])
    check(not os.path.exists(strict_out), "--strict wrote a graph")
    _, err = expect(["-"], 0, ["no sentences"], stdin=b"... --- !!!")


def case_calendar_dates(tmp):
    # --date and JSONL dates must be days of the calendar
    for bad in ("2025-02-30", "2025-02-29", "2025-04-31", "2025-13-01"):
        expect(["--date", bad, "-"], 2, [bad], stdin=ARTICLE.encode())
    expect(["--date", "2024-02-29", "-"], 0, stdin=ARTICLE.encode())
    path = write(os.path.join(tmp, "d.jsonl"), json.dumps({"id": "a", "date": "2025-02-30", "text": ARTICLE}) + "\n")
    out, err = expect([path], 0, ["ignoring date"])
    check(json.loads(out)["graph"]["metadata"]["documents"][0].get("date") != "2025-02-30", "impossible date kept")


def case_control_bytes_escaped(tmp):
    # a file name with terminal control bytes is shown, never sent raw
    name = os.path.join(tmp, "no\x1b[31msuch.txt")
    _, err = expect([name], 4, ["\\x1b[31m"])
    check("\x1b" not in err, f"raw escape byte in the message: {err!r}")


def case_lexicon_wrong_types(tmp):
    # a lexicon field of the wrong type is an error naming its JSON path,
    # never silently ignored; unknown keys stay allowed
    cases = [
        ('{"countries": [{"name": "Xland", "aliases": ["X", 3]}]}', "countries[0].aliases[1]"),
        ('{"actors": [{"name": "A", "channel": "yes"}]}', "actors[0].channel"),
        ('{"org_heads": "bank"}', "org_heads"),
        ('{"rules": [{"id": "r", "relation": "meets", "trigger": "met", "confidence": "high"}]}',
         "rules[0].confidence"),
        ('{"titles": ["envoy", {"words": 7}]}', "titles[1].words"),
        ('{"dep_rules": [{"id": "d", "relation": "meets", "lemmas": "meet"}]}', "dep_rules[0].lemmas"),
        ('{"actors": [{"type": "media"}]}', "actors[0].name"),
    ]
    for n, (text, path) in enumerate(cases):
        lx = write(os.path.join(tmp, f"lx{n}.json"), text)
        expect(["-L", lx, "-"], 3, [f"lx{n}.json", path], stdin=ARTICLE.encode())
    ok = write(os.path.join(tmp, "ok.json"), '{"_comment": "ours", "future_key": 5, "org_heads": ["syndicate"]}')
    expect(["-L", ok, "-"], 0, stdin=ARTICLE.encode())


def case_jsonl(tmp):
    recs = [
        {"id": "a1", "title": "Talks", "date": "2025-01-14", "url": "https://example.org/a1",
         "source": "Example", "text": ARTICLE},
        {"id": 42, "text": "Brazilian President Lucia Ferraz met Chilean President Tomas Vial in Santiago.",
         "extra": {"nested": [1, 2, {"x": None}]}},
        {"text": "Kenyan Interior Minister Paul Otieno told the BBC that the border would reopen."},
    ]
    lines = "\n".join(json.dumps(r) for r in recs[:2]) + "\n\n" + json.dumps(recs[2]) + "\n"
    path = write(os.path.join(tmp, "corpus.jsonl"), lines)
    out, _ = expect([path], 0)
    g = json.loads(out)
    text = json.dumps(g["graph"]["metadata"]["documents"])
    for name in ("a1", "42", "corpus.jsonl:4"):
        check(name in text, f"document {name!r} missing: {text}")
    check("2025-01-14" in text, f"JSONL date missing: {text}")
    # --jsonl forces the format whatever the extension
    plain = write(os.path.join(tmp, "corpus.txt"), lines)
    out2, _ = expect(["--jsonl", plain], 0)
    check(len(json.loads(out2)["graph"]["metadata"]["documents"]) == 3, "--jsonl on a .txt file")


def case_jsonl_bad_line(tmp):
    good = json.dumps({"id": "ok", "text": ARTICLE})
    for n, (bad, what) in enumerate((('{"id": "x", "text": "unterminated}', "unterminated string"),
                                     ('{"id": "x" "text": "y"}', "expected"),
                                     ('{"id": "x"}', "no \"text\""),
                                     ('{"text": 5}', "must be a string"),
                                     ('["not", "an", "object"]', "JSON object"),
                                     ('{"text": "ok"} trailing', "after the object"))):
        path = write(os.path.join(tmp, f"c{n}.jsonl"), good + "\n" + good + "\n" + bad + "\n")
        expect(["--strict", path], 3, [f"c{n}.jsonl:3:", what])
        out, _ = expect([path], 6, [f"c{n}.jsonl:3:", what, "skipped"])
        check(json.loads(out)["graph"]["nodes"], "the records before a bad line were lost")
    path = write(os.path.join(tmp, "u.jsonl"), good.encode() + b"\n" + b'{"text": "bad \xff"}\n')
    expect(["--strict", path], 3, ["u.jsonl:2:", "invalid UTF-8"])
    expect([path], 6, ["u.jsonl:2:", "invalid UTF-8"])
    expect(["--strict", "--jsonl", "-"], 3, ["stdin:1:"], stdin=b"{oops}\n")


def case_lexicon_errors(tmp):
    bad = write(os.path.join(tmp, "bad-lexicon.json"), '{"actors": [')
    expect(["-L", bad, "-"], 3, ["bad-lexicon.json"], stdin=ARTICLE.encode())


def case_explain(tmp):
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    plain, err0 = expect([src], 0)
    explained, err = expect(["--explain", src], 0)
    check(plain == explained, "--explain changed the graph")
    check(len(err) > len(err0), "--explain printed nothing")


def case_min_confidence(tmp):
    files = [os.path.join(SRC, f) for f in examples()]
    all_edges = json.loads(expect(files, 0)[0])["graph"]["edges"]
    none = json.loads(expect(["--min-confidence", "1"] + files, 0)[0])["graph"]["edges"]
    check(len(none) <= len(all_edges), "--min-confidence 1 added edges")
    for e in none:
        check(e["metadata"].get("confidence", 1) >= 1, f"edge below the threshold kept: {e}")


def case_quiet_empty_input(tmp):
    empty = write(os.path.join(tmp, "empty.txt"), "")
    _, err = expect([empty], 0)
    check("empty input" in err, f"no warning for an empty input: {err!r}")
    _, err = expect(["-q", empty], 0)
    check(err == "", f"-q still printed: {err!r}")


def case_format_list(tmp):
    # the formats a usage error offers are the library's, whatever they are
    _, err = expect(["-f", "nosuchformat", "-"], 2)
    for fmt in ("json", "dot", "svg", "graphml"):
        check(fmt in err, f"the format list lacks {fmt}: {err!r}")
    out, _ = expect(["--help"], 0)
    listed = err.split("(", 1)[1].split(")", 1)[0]
    check(listed in out.decode().replace("\n                          ", " "),
          f"--help lists other formats than the library: {listed!r}")


# ------------------------------------------------------ layout supervision

def many_meetings(tmp, n=300, m=1500):
    """Text of m meetings among n invented people: with --layout dot its
    graph keeps Graphviz busy for well over a minute, so a signal sent once
    the layout child exists lands during the layout."""
    syl = ["ka", "lo", "be", "ra", "min", "tu", "sa", "ven", "kor", "da",
           "mi", "no", "re", "sel", "vi", "ta", "gor", "lan", "pe", "zu"]

    def name(i):
        first = syl[i % 20] + syl[(i // 20) % 20]
        last = syl[(i * 7) % 20] + syl[(i // 3) % 20] + "son"
        return f"{first.capitalize()} {last.capitalize()}"

    state, lines = 5, []
    for _ in range(m):
        state = (state * 1103515245 + 12345) % 2**31
        i, j = state % n, (state // n) % n
        lines.append(f"{name(i)} met {name(j if j != i else (j + 1) % n)} on Tuesday.")
    return write(os.path.join(tmp, "meetings.txt"), "Talks\n\n" + "\n\n".join(lines) + "\n")


def proc_stat(pid):
    """(state, ppid) of a process, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            rest = f.read().rsplit(b")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return rest[0].decode(), int(rest[1])


def running(pid):
    st = proc_stat(pid)
    return st is not None and st[0] not in ("Z", "X")  # a zombie runs nothing


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = proc_stat(int(d))
            if st and st[1] == pid and st[0] not in ("Z", "X"):
                out.append(int(d))
    return out


def start_layout(tmp, out, budget="600", preexec=None):
    """actorgraph laying out many_meetings() with dot into @p out; returns
    the process and its layout child, once that exists."""
    src = many_meetings(tmp)
    env = dict(os.environ, AG_LAYOUT_BUDGET=budget)
    p = subprocess.Popen([BIN, "--layout", "dot", "-o", out, src], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, preexec_fn=preexec)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        kids = children(p.pid)
        if kids:
            return p, kids[0]
        if p.poll() is not None:
            break
        time.sleep(0.02)
    p.kill()
    out_, err = p.communicate()
    raise Fail(f"no layout child appeared (exit {p.returncode}): {err.decode()!r}")


def gone_within(pids, seconds=1.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(running(pid) for pid in pids):
            return True
        time.sleep(0.01)
    return not any(running(pid) for pid in pids)


def stop_during_layout(tmp, sig):
    out = write(os.path.join(tmp, "g.svg"), "previous")
    before = listing(tmp)
    p, child = start_layout(tmp, out)
    before = sorted(before + ["meetings.txt"])
    # the child leads a process group of its own, so ^C reaches only the
    # parent and the parent can kill the group
    leader = os.getpgid(child) == child
    os.kill(p.pid, sig)
    ok = gone_within([p.pid, child])
    for pid in (p.pid, child):
        if running(pid):
            os.kill(pid, signal.SIGKILL)
    p.communicate()
    check(ok, f"{signal.Signals(sig).name}: actorgraph or its layout child still runs after 1 s")
    check(leader, f"layout child {child} was not a process group leader")
    return p, out, before


def case_signal_stops_layout(tmp):
    # SIGTERM, SIGINT and SIGHUP during the layout: the child goes with the
    # parent, which dies of the signal, and nothing is left or changed
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        sub = tempfile.mkdtemp(dir=tmp)
        p, out, before = stop_during_layout(sub, sig)
        check(p.returncode == -sig, f"{signal.Signals(sig).name}: exit {p.returncode}, expected {-sig}")
        check(read(out) == b"previous", f"{signal.Signals(sig).name}: the old output changed")
        check(listing(sub) == before, f"{signal.Signals(sig).name}: files left: {listing(sub)}")


def case_sigxfsz_stops_layout(tmp):
    # SIGXFSZ is handled like SIGTERM, but as the write error it stands for
    p, out, before = stop_during_layout(tmp, signal.SIGXFSZ)
    check(p.returncode == 4, f"SIGXFSZ: exit {p.returncode}, expected 4")
    check(read(out) == b"previous", "SIGXFSZ: the old output changed")
    check(listing(tmp) == before, f"SIGXFSZ: files left: {listing(tmp)}")


def case_sigkill_takes_layout_child(tmp):
    # SIGKILL cannot be caught: the child must notice its parent's death
    # by itself (PR_SET_PDEATHSIG)
    out = os.path.join(tmp, "g.svg")
    p, child = start_layout(tmp, out)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    ok = gone_within([child])
    if not ok:
        os.kill(child, signal.SIGKILL)
    p.communicate()  # the child held the pipes too
    check(ok, f"layout child {child} still runs 1 s after its parent was killed")


def case_nohup_keeps_layout(tmp):
    # under nohup SIGHUP stays ignored and the run goes on; a budget of 2 s
    # stops dot (which needs over a minute here) and sfdp draws instead
    out = os.path.join(tmp, "g.svg")
    p, child = start_layout(tmp, out, budget="2",
                            preexec=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    os.kill(p.pid, signal.SIGHUP)
    try:
        _, err = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        raise Fail("nohup run did not finish")
    check(p.returncode == 0, f"SIGHUP under nohup: exit {p.returncode}: {err.decode()!r}")
    svg = read(out)
    check(b"<!--  layout: sfdp" in svg and b"as dot " in svg, "the picture does not say dot ran out of time")
    check(not running(child), "the late dot child still runs")
    check(listing(tmp) == ["g.svg", "meetings.txt"], f"files left: {listing(tmp)}")


def case_layout_budget_falls_back(tmp):
    # no engine finishes in a millisecond: dot, then sfdp, then the last
    # step, which runs without a budget
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    env = dict(os.environ, AG_LAYOUT_BUDGET="0.001")
    for fmt, want in (("svg", b"<!--  layout: sfdp with fewer iterations, overlaps kept, as dot and sfdp "
                              b"took longer than 0.001 s  -->"), ("html", b"layout sfdp")):
        p = subprocess.run([BIN, "--layout", "dot", "-f", fmt, src], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env, timeout=120)
        check(p.returncode == 0, f"-f {fmt} with a tiny budget: exit {p.returncode}: {p.stderr!r}")
        check(want in p.stdout, f"-f {fmt}: the output does not say the layout fell back")
    out, _ = expect(["--layout", "dot", "-f", "svg", src], 0)
    check(b"took longer" not in out, "fell back without a budget set")


def case_stale_temp_cleaned(tmp):
    # a temporary file is named after its process; SIGKILL leaves one, and
    # the next run writing the same output removes it once that PID is gone
    src = write(os.path.join(tmp, "a.txt"), ARTICLE)
    dead = subprocess.Popen(["true"])
    dead.wait()
    check(not running(dead.pid), "a finished process still runs")
    stale = f".g.json.actorgraph-tmp.{dead.pid}"
    keep = [f".g.json.actorgraph-tmp.{os.getpid()}",  # a live process's
            f".other.json.actorgraph-tmp.{dead.pid}",  # another output's
            ".g.json.actorgraph-tmp.12ab"]             # not a PID
    for name in [stale] + keep:
        write(os.path.join(tmp, name), "half")
    expect(["-o", os.path.join(tmp, "g.json"), src], 0)
    check(listing(tmp) == sorted(["a.txt", "g.json"] + keep), f"after the run: {listing(tmp)}")
    json.loads(read(os.path.join(tmp, "g.json")))


def case_docs_up_to_date(tmp):
    p = subprocess.run([sys.executable, os.path.join(SRC, "docs", "cli", "gen.py"), "--check"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check(p.returncode == 0, p.stdout.decode())
    out, _ = expect(["--help"], 0)
    with open(os.path.join(SRC, "src", "cli", "help.c"), encoding="utf-8") as f:
        check("Usage: actorgraph [OPTIONS]" in f.read(), "help.c is not the generated help")


CASES = {name[5:]: fn for name, fn in sorted(globals().items()) if name.startswith("case_")}


def main(argv):
    global BIN, SRC
    if len(argv) != 3:
        sys.exit(__doc__)
    BIN, SRC = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    if argv[2] == "--list":
        print("\n".join(CASES))
        return 0
    fn = CASES.get(argv[2])
    if not fn:
        sys.exit(f"test_cli.py: no case {argv[2]!r}")
    with tempfile.TemporaryDirectory(prefix="ag-cli-") as tmp:
        try:
            rc = fn(tmp)
        except Fail as e:
            print(f"FAIL {argv[2]}: {e}")
            return 1
    if rc == SKIP:
        print(f"SKIP {argv[2]}")
        return SKIP
    print(f"PASS {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
