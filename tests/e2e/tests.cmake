# End-to-end tests: graphs/ is fresh, and the README's example scripts work.
if(TARGET actorgraph)
  add_test(NAME e2e.graphs_fresh
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_graphs.sh $<TARGET_FILE:actorgraph> ${CMAKE_SOURCE_DIR})
  add_test(NAME e2e.examples
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_examples.sh $<TARGET_FILE:actorgraph> ${CMAKE_SOURCE_DIR})
  set_tests_properties(e2e.graphs_fresh e2e.examples PROPERTIES SKIP_RETURN_CODE 77 LABELS e2e)
endif()
