# Pipeline tests: merge, stats and the graph filters (test_pipeline.py, one
# ctest per case_<name>, pipeline.<name>), the library's ag_graph_filter()
# (test_filter.c), and installing the library for other programs
# (install.cmake).
if(TARGET actorgraph)
  find_package(Python3 COMPONENTS Interpreter QUIET)
  set(AG_PIPE_PYTHON python3)
  if(Python3_Interpreter_FOUND)
    set(AG_PIPE_PYTHON ${Python3_EXECUTABLE})
  endif()
  set(script ${CMAKE_CURRENT_LIST_DIR}/test_pipeline.py)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${script})
  file(STRINGS ${script} defs REGEX "^def case_[a-z0-9_]+\\(")
  foreach(def ${defs})
    string(REGEX REPLACE "^def case_([a-z0-9_]+)\\(.*" "\\1" name "${def}")
    add_test(NAME pipeline.${name}
      COMMAND ${AG_PIPE_PYTHON} ${script} $<TARGET_FILE:actorgraph> ${CMAKE_SOURCE_DIR} ${name})
    set_tests_properties(pipeline.${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS pipeline)
  endforeach()
endif()

# cmake --install into a temporary prefix, then build programs against it
# with pkg-config and with find_package (install/check_install.sh; it also
# checks the installed command and man page, hence the CLI condition).
if(TARGET actorgraph)
  add_test(NAME pipeline.install
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/install/check_install.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
      ${CMAKE_C_COMPILER} ${CMAKE_COMMAND} "${AG_SANITIZER}")
  set_tests_properties(pipeline.install PROPERTIES LABELS "pipeline;install")
endif()

# ag_graph_filter() through the library alone.
add_executable(test_filter ${CMAKE_CURRENT_LIST_DIR}/test_filter.c)
target_include_directories(test_filter PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
target_compile_definitions(test_filter PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(test_filter PRIVATE actorgraph_lib)
add_test(NAME pipeline.filter_library COMMAND test_filter)
set_tests_properties(pipeline.filter_library PROPERTIES SKIP_RETURN_CODE 77 LABELS pipeline)

# Merging saved shards equals one run, through the library (test_merge.c).
add_executable(test_merge ${CMAKE_CURRENT_LIST_DIR}/test_merge.c)
target_include_directories(test_merge PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
target_compile_definitions(test_merge PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(test_merge PRIVATE actorgraph_lib)
add_test(NAME pipeline.merge_library COMMAND test_merge)
set_tests_properties(pipeline.merge_library PROPERTIES SKIP_RETURN_CODE 77 LABELS pipeline)
