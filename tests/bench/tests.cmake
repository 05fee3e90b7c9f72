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
