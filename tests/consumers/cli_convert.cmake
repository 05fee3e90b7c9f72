# `actorgraph convert` of our own JSON must give back the same bytes, in JSON
# and in the formats written from the original graph.
# cmake -DCLI=actorgraph -DOUT=dir -P cli_convert.cmake
set(failed "")
foreach(set graph hostile)
  foreach(fmt json dot graphml)
    set(got "${OUT}/${set}.convert.${fmt}")
    execute_process(COMMAND "${CLI}" convert -f ${fmt} -o "${got}" "${OUT}/${set}.json"
      RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      list(APPEND failed "${set}.${fmt}: exit ${rc}: ${err}")
      continue()
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${got}" "${OUT}/${set}.${fmt}"
      RESULT_VARIABLE diff)
    if(NOT diff EQUAL 0)
      list(APPEND failed "${set}.${fmt} differs")
    endif()
  endforeach()
endforeach()
if(failed)
  message(FATAL_ERROR "convert round trip: ${failed}")
endif()
