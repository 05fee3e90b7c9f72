# Fuzz targets (docs in tests/fuzz/README).  With -DAG_FUZZ=ON and clang they
# are libFuzzer binaries; otherwise each is linked with driver.c and ctest
# runs its seed inputs as a regression test.
set(AG_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})

# ag_fuzz_target(name [more sources...])
function(ag_fuzz_target name)
  add_executable(${name} ${AG_FUZZ_DIR}/${name}.c ${ARGN})
  if(AG_FUZZ)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  else()
    target_sources(${name} PRIVATE ${AG_FUZZ_DIR}/driver.c)
  endif()
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE actorgraph_lib PkgConfig::IGRAPH PkgConfig::CGRAPH
    PkgConfig::CJSON PkgConfig::UTF8PROC PkgConfig::LIBXML2 m)
endfunction()

ag_fuzz_target(fuzz_nlp_model)
ag_fuzz_target(fuzz_lexicon)
ag_fuzz_target(fuzz_extract ${AG_FUZZ_DIR}/fuzz_check.c)
ag_fuzz_target(fuzz_graph_json ${AG_FUZZ_DIR}/fuzz_check.c)
# The JSONL reader lives in the CLI; its one source file has no other CLI
# dependency, so it is built in rather than moved into the library.
ag_fuzz_target(fuzz_jsonl ${AG_FUZZ_DIR}/fuzz_check.c ${CMAKE_SOURCE_DIR}/src/cli/jsonl.c)

if(TARGET actorgraph-train AND NOT AG_FUZZ)
  # The seed: a tiny model trained on two sentences of ours, and its cuts.
  add_test(NAME fuzz.nlp_model_seeds
    COMMAND sh -c "set -e; d=$1; mkdir -p $d; $2 train --tagger-epochs 1 --parser-epochs 1 --folds 0 $3 $3 -o $d/tiny.agm 2>/dev/null; for n in 0 1 20 100 400 1000 3000; do head -c $n $d/tiny.agm > $d/cut$n; done; $4 $d/tiny.agm $d/cut*"
      sh ${CMAKE_CURRENT_BINARY_DIR}/fuzz-seeds $<TARGET_FILE:actorgraph-train> ${AG_FUZZ_DIR}/tiny.conllu
      $<TARGET_FILE:fuzz_nlp_model>)
  set_tests_properties(fuzz.nlp_model_seeds PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()
if(NOT AG_FUZZ)
  # Lexicons of ours: valid ones of each kind, a wrong type, a cut file.
  file(GLOB AG_LEXICON_SEEDS ${AG_FUZZ_DIR}/lexicon-seeds/*.json)
  list(SORT AG_LEXICON_SEEDS)
  add_test(NAME fuzz.lexicon_seeds COMMAND fuzz_lexicon ${AG_LEXICON_SEEDS})
  # Inputs of ours for the other readers (tests/fuzz/README), and inputs that
  # once crashed a target, kept as regression tests.
  foreach(target extract graph_json jsonl)
    file(GLOB seeds ${AG_FUZZ_DIR}/${target}-seeds/*)
    list(SORT seeds)
    add_test(NAME fuzz.${target}_seeds COMMAND fuzz_${target} ${seeds})
  endforeach()
endif()
