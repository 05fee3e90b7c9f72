#!/bin/sh
# Scale benchmark: generated news of each size (default 10 and 100 MB) as
# JSON Lines and as one plain file, run through the CLI with all evidence and
# with --max-evidence 20; prints seconds, MB/s, peak memory against the input
# and the time ratio of the largest size to the smallest.  Numbers only.
#   tests/bench/scale.sh [-b BUILD_DIR] [-w WORK_DIR] [MB...]
set -eu
build=build work=${TMPDIR:-/tmp}/actorgraph-scale
while getopts b:w: o; do
    case $o in
    b) build=$OPTARG ;;
    w) work=$OPTARG ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-w WORK_DIR] [MB...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- 10 100
sizes=$* smallest=$1
bin=$build/actorgraph bench=$build/actorgraph-bench
[ -x "$bin" ] && [ -x "$bench" ] || { echo "$0: build $bin and $bench first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "$0: needs /usr/bin/time (Debian: time)" >&2; exit 2; }
mkdir -p "$work"

printf '%-6s %-6s %-13s %9s %8s %10s %8s %9s\n' MB input evidence seconds MB/s "peak MB" "x input" "out MB"
for mb in $sizes; do
    # about 200 new names per MB, so the graph grows with the corpus as news does
    names=$(awk "BEGIN { print int($mb * 200) }")
    for shape in jsonl text; do
        in=$work/news-$mb.$shape
        if [ ! -s "$in" ]; then
            if [ $shape = jsonl ]; then
                "$bench" --mb "$mb" --names "$names" --emit "$in" >/dev/null
            else
                "$bench" --mb "$mb" --names "$names" --emit "$in" --one-file >/dev/null
            fi
        fi
        bytes=$(wc -c < "$in")
        for ev in all 20; do
            set -- -q -f json -o "$work/out.json"
            [ $ev = all ] || set -- "$@" --max-evidence "$ev"
            [ $shape = jsonl ] && set -- "$@" --jsonl
            /usr/bin/time -f '%e %M' -o "$work/time" "$bin" "$@" "$in" || true
            read -r secs kb < "$work/time"
            out=$(wc -c < "$work/out.json")
            awk -v mb="$mb" -v shape="$shape" -v ev="$ev" -v s="$secs" -v kb="$kb" -v b="$bytes" -v o="$out" \
                'BEGIN { printf "%-6s %-6s %-13s %9.1f %8.2f %10.0f %8.2f %9.1f\n", mb, shape,
                         (ev == "all" ? "all" : "max " ev), s, b / 1e6 / s, kb / 1024, kb * 1024 / b, o / 1e6 }'
            echo "$mb $shape $ev $secs" >> "$work/times.$$"
        done
    done
done
# time of the largest size over the smallest, per input shape and evidence
awk -v lo="$smallest" '
    { t[$1 " " $2 " " $3] = $4; if ($1 + 0 > hi + 0) hi = $1; shapes[$2 " " $3] = 1 }
    END { for (k in shapes) { split(k, p, " ")
              a = t[lo " " k]; b = t[hi " " k]
              if (a > 0 && hi != lo)
                  printf "time ratio %s MB / %s MB, %s, evidence %s: %.1f\n", hi, lo, p[1], p[2], b / a } }' \
    "$work/times.$$" | sort
rm -f "$work/times.$$" "$work/out.json" "$work/time"
