# The benchmark program, build/actorgraph-bench (see README "Benchmark").
# bench.smoke runs it on a small corpus so it keeps working (under asan too);
# it prints numbers and asserts nothing about time.
add_executable(actorgraph-bench ${CMAKE_CURRENT_LIST_DIR}/bench.c)
target_compile_definitions(actorgraph-bench PRIVATE _POSIX_C_SOURCE=200809L
  AG_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(actorgraph-bench PRIVATE actorgraph_lib PkgConfig::IGRAPH PkgConfig::CGRAPH
  PkgConfig::CJSON PkgConfig::UTF8PROC m)
set_target_properties(actorgraph-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
add_test(NAME bench.smoke COMMAND actorgraph-bench --mb 0.3 --names 50 --no-svg)
set_tests_properties(bench.smoke PROPERTIES LABELS bench)

# The render benchmark, build/actorgraph-render-bench: SVG (and other
# picture formats) of synthetic graphs of 100, 1,000 and 5,000 actors.
# bench.render_smoke keeps it working on a small size; no time is asserted.
add_executable(actorgraph-render-bench ${CMAKE_CURRENT_LIST_DIR}/render.c)
target_compile_definitions(actorgraph-render-bench PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(actorgraph-render-bench PRIVATE actorgraph_lib PkgConfig::IGRAPH PkgConfig::CGRAPH
  PkgConfig::CJSON PkgConfig::UTF8PROC m)
set_target_properties(actorgraph-render-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
add_test(NAME bench.render_smoke COMMAND actorgraph-render-bench --sizes 60 --formats svg)
set_tests_properties(bench.render_smoke PROPERTIES LABELS bench)
