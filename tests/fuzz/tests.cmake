# Fuzz targets (docs in tests/fuzz/README).  With -DAG_FUZZ=ON and clang they
# are libFuzzer binaries; otherwise each is linked with driver.c and ctest
# runs its seed inputs as a regression test.
set(AG_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
add_executable(fuzz_nlp_model ${AG_FUZZ_DIR}/fuzz_nlp_model.c)
if(AG_FUZZ)
  target_compile_options(fuzz_nlp_model PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_nlp_model PRIVATE -fsanitize=fuzzer)
else()
  target_sources(fuzz_nlp_model PRIVATE ${AG_FUZZ_DIR}/driver.c)
endif()
target_link_libraries(fuzz_nlp_model PRIVATE actorgraph_lib PkgConfig::IGRAPH PkgConfig::CGRAPH
  PkgConfig::CJSON PkgConfig::UTF8PROC PkgConfig::LIBXML2 m)
if(TARGET actorgraph-train AND NOT AG_FUZZ)
  # The seed: a tiny model trained on two sentences of ours, and its cuts.
  add_test(NAME fuzz.nlp_model_seeds
    COMMAND sh -c "set -e; d=$1; mkdir -p $d; $2 train --tagger-epochs 1 --parser-epochs 1 --folds 0 $3 $3 -o $d/tiny.agm 2>/dev/null; for n in 0 1 20 100 400 1000 3000; do head -c $n $d/tiny.agm > $d/cut$n; done; $4 $d/tiny.agm $d/cut*"
      sh ${CMAKE_CURRENT_BINARY_DIR}/fuzz-seeds $<TARGET_FILE:actorgraph-train> ${AG_FUZZ_DIR}/tiny.conllu
      $<TARGET_FILE:fuzz_nlp_model>)
  set_tests_properties(fuzz.nlp_model_seeds PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()
