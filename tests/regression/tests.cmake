# Regression suite: hand-written cases in tests/regression/cases/*.jsonl, each run through the
# actorgraph binary by run.py (stdlib Python), one ctest for the whole suite.
if(TARGET actorgraph)
  find_package(Python3 COMPONENTS Interpreter QUIET)
  if(Python3_Interpreter_FOUND)
    set(AG_REGRESSION_PYTHON ${Python3_EXECUTABLE})
  else()
    set(AG_REGRESSION_PYTHON python3)
  endif()
  add_test(NAME regression
    COMMAND ${AG_REGRESSION_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run.py $<TARGET_FILE:actorgraph>)
endif()
