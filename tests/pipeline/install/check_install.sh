#!/usr/bin/env bash
# Install the build into a temporary prefix and use it as another project
# would: the files are there, pkg-config and find_package(actorgraph) both
# build a program that runs, against the static and the shared library.
# usage: check_install.sh BUILD_DIR SOURCE_DIR CC CMAKE [SANITIZER]
set -euo pipefail
build=$1
src=$2
cc=$3
cmake=$4
sanitizer=${5:-}
here=$src/tests/pipeline/install
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*"; exit 1; }

flags=()
if [ -n "$sanitizer" ]; then
    # an instrumented library needs an instrumented program
    flags=(-fsanitize="$sanitizer")
    export ASAN_OPTIONS=detect_leaks=0
fi

"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }

pc=$(find "$prefix" -name actorgraph.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || fail "no actorgraph.pc installed"
libdir=$(dirname "$(dirname "$pc")")
for f in "$prefix/include/actorgraph/actorgraph.h" "$prefix/include/actorgraph/model.h" \
         "$libdir/libactorgraph.a" "$libdir/cmake/actorgraph/actorgraphConfig.cmake" \
         "$libdir/cmake/actorgraph/actorgraphConfigVersion.cmake" \
         "$libdir/cmake/actorgraph/actorgraphTargets.cmake" "$prefix/bin/actorgraph"; do
    [ -f "$f" ] || fail "not installed: ${f#$prefix/}"
done
man=$(find "$prefix" -name actorgraph.1 | head -n 1)
[ -n "$man" ] && cmp -s "$man" "$src/docs/actorgraph.1" || fail "the man page is not installed as docs/actorgraph.1"
if find "$prefix/include" -name '*_internal.h' | grep -q .; then
    fail "internal headers installed"
fi
shared=0
[ -e "$libdir/libactorgraph.so" ] && shared=1

# One version everywhere: the project, the header and the .pc file.
export PKG_CONFIG_PATH=$libdir/pkgconfig
header_version=$(sed -n 's/^#define AG_VERSION "\(.*\)"/\1/p' "$prefix/include/actorgraph/common.h")
[ "$(pkg-config --modversion actorgraph)" = "$header_version" ] ||
    fail "pkg-config says $(pkg-config --modversion actorgraph), common.h says $header_version"
if pkg-config --help 2>&1 | grep -q -- --validate; then
    pkg-config --validate actorgraph || fail "pkg-config --validate"
fi

# pkg-config, static: what the archive needs must come from Requires.private
# and Libs.private.  `pkg-config --static` also pulls in the private
# libraries of igraph's own .pc (glpk, arpack ...), which only a static
# igraph needs and Debian does not ship for linking; so link the private
# modules' ordinary libraries, as a program using shared dependencies does.
read -r -a cflags <<<"$(pkg-config --cflags actorgraph)"
read -r -a own <<<"$(pkg-config --libs actorgraph | sed 's/-lactorgraph\b/-Wl,-Bstatic -lactorgraph -Wl,-Bdynamic/')"
read -r -a deps <<<"$(pkg-config --libs $(pkg-config --print-requires-private actorgraph))"
read -r -a private <<<"$(sed -n 's/^Libs.private: *//p' "$pc")"
"$cc" "${flags[@]}" "${cflags[@]}" "$here/consumer.c" -o "$tmp/pc-static" "${own[@]}" "${deps[@]}" "${private[@]}" ||
    fail "building against the static library with the .pc file's private requirements"
"$tmp/pc-static" || fail "the pkg-config static program failed"
if ldd "$tmp/pc-static" | grep -q libactorgraph; then
    fail "the static program links libactorgraph.so"
fi
# pkg-config, shared
if [ "$shared" = 1 ]; then
    read -r -a libs <<<"$(pkg-config --libs actorgraph)"
    "$cc" "${flags[@]}" "${cflags[@]}" "$here/consumer.c" -o "$tmp/pc-shared" "${libs[@]}" -Wl,-rpath,"$libdir" ||
        fail "building against the shared library with pkg-config"
    "$tmp/pc-shared" || fail "the pkg-config shared program failed"
    # compare real paths: the prefix may be reached through a link; print
    # what ldd said when it does not match
    so=$(ldd "$tmp/pc-shared" | awk '/libactorgraph\.so/ {print $3; exit}')
    want=$(realpath "$libdir")
    if [ -z "$so" ] || [ "$(dirname "$(realpath "$so")")" != "$want" ]; then
        ldd "$tmp/pc-shared"
        fail "the shared program does not use the installed .so (ldd: ${so:-none}, installed in $want)"
    fi
fi

# CMake: find_package(actorgraph 0.1) and the exported targets.
cflag_arg=()
[ -n "$sanitizer" ] && cflag_arg=(-DCMAKE_C_FLAGS="-fsanitize=$sanitizer")
"$cmake" -S "$here/consumer" -B "$tmp/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
    "${cflag_arg[@]}" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "configuring the find_package project"; }
"$cmake" --build "$tmp/cmake" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "building the find_package project"; }
"$tmp/cmake/consumer_static" || fail "the CMake static program failed"
if [ "$shared" = 1 ]; then
    [ -x "$tmp/cmake/consumer_shared" ] || fail "no actorgraph::actorgraph_shared target"
    "$tmp/cmake/consumer_shared" || fail "the CMake shared program failed"
fi
# A version this one does not satisfy is refused.
if "$cmake" -S "$here/consumer" -B "$tmp/cmake-new" -DCMAKE_PREFIX_PATH="$prefix" -DAG_WANT_VERSION=99.0 \
    >"$tmp/cmake-new.log" 2>&1; then
    fail "find_package(actorgraph 99.0) succeeded"
fi
echo "installed library, headers, pkg-config file, CMake package and man page work"
