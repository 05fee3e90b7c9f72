# Seeds acceptance test (issue 2): one run over ../shared/seeds scored with
# ../shared/tools/score-graph.  The report lands in <build>/seeds-score.txt
# (`ctest -R seeds -V` prints it too).  Skips when ../shared is absent.
if(TARGET actorgraph)
  find_package(Python3 COMPONENTS Interpreter QUIET)
  set(AG_SEEDS_PYTHON python3)
  if(Python3_Interpreter_FOUND)
    set(AG_SEEDS_PYTHON ${Python3_EXECUTABLE})
  endif()
  foreach(case thresholds evidence deterministic)
    add_test(NAME seeds.${case}
      COMMAND ${AG_SEEDS_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_seeds.py
              $<TARGET_FILE:actorgraph> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR} ${case})
    set_tests_properties(seeds.${case} PROPERTIES SKIP_RETURN_CODE 77 LABELS seeds)
  endforeach()
endif()
