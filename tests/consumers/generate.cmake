# Write the golden and hostile graphs in every format for the consumer tests.
# cmake -DGOLDEN=exe -DOUT=dir -P generate.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
foreach(args "${OUT}" "--hostile;${OUT}")
  execute_process(COMMAND "${GOLDEN}" ${args} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "golden_graph ${args} failed (${rc})")
  endif()
endforeach()
