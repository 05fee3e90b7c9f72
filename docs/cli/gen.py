#!/usr/bin/env python3
"""Generate the CLI's --help text (src/cli/help.c) and the man page
(docs/actorgraph.1) from one source: docs/cli/actorgraph.md, one page per
command (convert.md, merge.md, stats.md), EXIT-CODES.md and one
docs/cli/options/<option>.md per option.

    python3 docs/cli/gen.py           # rewrite both files
    python3 docs/cli/gen.py --check   # exit 1 if either is out of date

Both outputs are committed, so building needs no Python; the cli.docs test
runs --check. Stdlib only, output is deterministic (no dates).

Option files: "Key: value" lines (Long, Short, Arg, Help, Commands, Order),
a line "---", then the man page text in a small Markdown subset: paragraphs,
"- " lists, ``` blocks, `code` (bold) and *words* (italic).  Command pages:
"Summary:" and "Usage:" lines, "---", then the text.  @FORMATS@ anywhere
stands for the format names of src/export/export.c, so a new format shows
up in --help (and the check fails until the outputs are regenerated).
"""
import os
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HELP_C = os.path.join(ROOT, "src", "cli", "help.c")
MAN = os.path.join(ROOT, "docs", "actorgraph.1")
WIDTH = 79
EXPORT_C = os.path.join(ROOT, "src", "export", "export.c")
# The commands besides extraction, in the order --help and the man page list them.
COMMANDS = ["convert", "merge", "stats", "parse"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read().replace("@FORMATS@", ", ".join(FORMATS))


def formats():
    with open(EXPORT_C, encoding="utf-8") as f:
        m = re.search(r"format_names\[[^\]]*\]\s*=\s*\{([^}]*)\}", f.read())
    if not m:
        sys.exit("gen.py: no format_names table in src/export/export.c")
    return re.findall(r'"([^"]+)"', m.group(1))


FORMATS = formats()


def split_front(text, path):
    head, sep, body = text.partition("\n---\n")
    if not sep:
        sys.exit(f"gen.py: {path}: no '---' line after the header")
    meta = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            sys.exit(f"gen.py: {path}: header line without ':': {line!r}")
        meta[key.strip().lower()] = value.strip()
    return meta, body.strip("\n")


def load_options():
    opts = []
    d = os.path.join(HERE, "options")
    for name in sorted(os.listdir(d)):
        if not name.endswith(".md"):
            continue
        meta, body = split_front(read(os.path.join(d, name)), name)
        for key in ("long", "help", "commands", "order"):
            if key not in meta:
                sys.exit(f"gen.py: options/{name}: missing '{key}'")
        if meta["long"] + ".md" != name:
            sys.exit(f"gen.py: options/{name}: file name must be the long option")
        meta["body"] = body
        meta["order"] = int(meta["order"])
        meta["commands"] = meta["commands"].split()
        opts.append(meta)
    opts.sort(key=lambda o: (o["order"], o["long"]))
    return opts


def exit_codes():
    rows = []
    for line in read(os.path.join(HERE, "EXIT-CODES.md")).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows.append(cells)
    if not rows:
        sys.exit("gen.py: EXIT-CODES.md has no table rows")
    return rows


def sections(text):
    """Split a page into [(title, body)] at '# TITLE' lines."""
    out, title, buf = [], None, []
    for line in text.splitlines():
        m = re.match(r"^# (.+)$", line)
        if m:
            if title:
                out.append((title, "\n".join(buf).strip("\n")))
            title, buf = m.group(1).strip(), []
        else:
            buf.append(line)
    if title:
        out.append((title, "\n".join(buf).strip("\n")))
    return out


def plain(text):
    """Markdown subset to plain text (for --help)."""
    return re.sub(r"`([^`]*)`", r"\1", re.sub(r"\*(\S[^*]*)\*", r"\1", text))


def paragraphs(body):
    return [p for p in re.split(r"\n\s*\n", body) if p.strip()]


def opt_spec(o):
    spec = (f"-{o['short']}, " if o.get("short") else "    ") + f"--{o['long']}"
    if o.get("arg"):
        spec += " " + o["arg"]
    return spec


# ---------------------------------------------------------------- --help

def help_text(command, opts, page, codes, pages):
    lines = []
    if command == "extract":
        lines += ["Usage: actorgraph [OPTIONS] [FILE...]"]
        lines += ["       " + pages[c][0]["usage"] for c in COMMANDS] + [""]
        desc = dict(sections(page))["DESCRIPTION"]
        lines += textwrap.wrap(plain(" ".join(paragraphs(desc)[0].split())), WIDTH)
    else:
        meta, body = page
        lines += ["Usage: " + meta["usage"], ""]
        lines += textwrap.wrap(plain(" ".join(paragraphs(body)[0].split())), WIDTH)
    lines += ["", "Options:"]
    col = 2 + max(len(opt_spec(o)) for o in opts) + 2
    for o in opts:
        if command not in o["commands"]:
            continue
        spec = "  " + opt_spec(o)
        wrapped = textwrap.wrap(plain(o["help"]), WIDTH - col)
        first = wrapped[0] if wrapped else ""
        lines.append(spec.ljust(col) + first if len(spec) + 2 <= col else spec)
        for more in wrapped[1:]:
            lines.append(" " * col + more)
    lines.append("")
    # No-break spaces keep each code with its name when wrapping.
    status = ", ".join(f"{c[0]}\xa0{c[2]}".replace(" ", "\xa0") for c in codes)
    lines += [x.replace("\xa0", " ") for x in textwrap.wrap(f"Exit status: {status}.", WIDTH)]
    lines.append("The manual: man actorgraph (docs/actorgraph.1).")
    return "\n".join(lines) + "\n"


def c_string(text):
    out = []
    for line in text.splitlines(keepends=True):
        esc = line.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        out.append(f'    "{esc}"')
    return "\n".join(out)


def help_c(opts, page, pages, codes):
    out = ("/* actorgraph CLI: the --help texts.  Generated by docs/cli/gen.py from\n"
           " * docs/cli/ (options/NAME.md, actorgraph.md, one page per command,\n"
           " * EXIT-CODES.md); do not edit: change those files and run\n"
           " * `python3 docs/cli/gen.py`. */\n"
           '#include "cli.h"\n\n'
           "const char ag_cli_help_extract[] =\n"
           f"{c_string(help_text('extract', opts, page, codes, pages))};\n")
    for c in COMMANDS:
        out += (f"\nconst char ag_cli_help_{c}[] =\n"
                f"{c_string(help_text(c, opts, pages[c], codes, pages))};\n")
    return out


# ---------------------------------------------------------------- man page

def roff_escape(s):
    s = s.replace("\\", "\\e").replace("-", "\\-")
    s = re.sub(r"`([^`]*)`", r"\\fB\1\\fR", s)
    s = re.sub(r"\*(\S[^*]*)\*", r"\\fI\1\\fR", s)
    return s


def roff_line(s):
    # A line starting with . or ' would be read as a request.
    return "\\&" + s if s[:1] in (".", "'") else s


def roff_body(body, tagged=False):
    """Markdown subset to man(7) requests.  Inside a .TP item (@tagged),
    paragraphs continue at the item's indent and lists nest below it."""
    out, pending = [], []
    para = ".IP" if tagged else ".PP"
    in_list = False

    def end_list():
        nonlocal in_list
        if in_list and tagged:
            out.append(".RE")
        in_list = False

    def flush():
        if pending:
            out.append(roff_line(roff_escape(" ".join(x.strip() for x in pending))))
            pending.clear()

    lines = body.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.lstrip().startswith("```"):
            flush()
            end_list()
            out += [para, ".RS 4", ".nf"]
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                out.append(roff_line(lines[i].replace("\\", "\\e").replace("-", "\\-")))
                i += 1
            out += [".fi", ".RE"]
            i += 1
        elif not line.strip():
            flush()
        elif line.startswith("- "):
            flush()
            if not in_list and tagged:
                out.append(".RS")
            in_list = True
            out.append(".IP \\(bu 2")
            pending.append(line[2:])
        elif pending:
            pending.append(line)
        else:
            end_list()
            out.append(para)
            pending.append(line)
    flush()
    end_list()
    # The first paragraph needs no request of its own.
    while out and out[0] == para:
        out.pop(0)
    return out


def command_names(commands):
    names = ["extraction" if c == "extract" else f"`{c}`" for c in commands]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return text[0].upper() + text[1:]


def roff_usage(usage):
    """'actorgraph merge [OPTIONS] GRAPH.json...' as a .TP tag."""
    _, name, rest = (usage + " ").split(" ", 2)
    rest = re.sub(r"([A-Z][A-Za-z.]*)", r"\\fI\1\\fR", rest.strip())
    return f"\\fB{name}\\fR {rest}".rstrip()


def man_page(opts, page, pages, codes, summary, version):
    out = ['.\\" Generated by docs/cli/gen.py from docs/cli/; do not edit.',
           f'.TH ACTORGRAPH 1 "" "actorgraph {version}" "User Commands"',
           ".SH NAME", f"actorgraph \\- {roff_escape(summary)}"]
    secs = sections(page)
    for title, body in secs:
        out.append(f".SH {title}")
        out += roff_body(body)
        if title == "DESCRIPTION":
            out.append(".SH OPTIONS")
            for o in opts:
                spec = (f"\\fB\\-{o['short']}\\fR, " if o.get("short") else "") + \
                       f"\\fB\\-\\-{o['long'].replace('-', chr(92) + '-')}\\fR"
                if o.get("arg"):
                    spec += f" \\fI{o['arg']}\\fR"
                out += [".TP", spec] + roff_body(o["body"], tagged=True)
                if len(o["commands"]) < 1 + len(COMMANDS):
                    out += [".IP", roff_escape(f"({command_names(o['commands'])} only.)")]
            out.append(".SH COMMANDS")
            for c in COMMANDS:
                meta, body2 = pages[c]
                out += [".TP", roff_usage(meta["usage"])]
                out += roff_body(body2, tagged=True)
            out.append(".SH EXIT STATUS")
            for code, name, short, meaning in codes:
                out += [".TP", f"\\fB{code}\\fR  {roff_escape(short)}", roff_line(roff_escape(meaning))]
    return "\n".join(out) + "\n"


def version():
    m = re.search(r'#define AG_VERSION "([^"]+)"',
                  read(os.path.join(ROOT, "src", "include", "actorgraph", "common.h")))
    return m.group(1) if m else "unknown"


def main(argv):
    check = "--check" in argv
    opts = load_options()
    meta, page = split_front(read(os.path.join(HERE, "actorgraph.md")), "actorgraph.md")
    pages = {c: split_front(read(os.path.join(HERE, c + ".md")), c + ".md") for c in COMMANDS}
    for c, (m, _) in pages.items():
        if "usage" not in m or not m["usage"].startswith("actorgraph " + c):
            sys.exit(f"gen.py: {c}.md: needs 'Usage: actorgraph {c} ...'")
    for o in opts:
        for c in o["commands"]:
            if c != "extract" and c not in COMMANDS:
                sys.exit(f"gen.py: options/{o['long']}.md: unknown command {c!r}")
    codes = exit_codes()
    outputs = {HELP_C: help_c(opts, page, pages, codes),
               MAN: man_page(opts, page, pages, codes, meta["summary"], version())}
    stale = []
    for path, text in outputs.items():
        old = read(path) if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"gen.py: wrote {os.path.relpath(path, ROOT)}")
    if stale:
        print("gen.py: out of date (run `python3 docs/cli/gen.py` and commit): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
