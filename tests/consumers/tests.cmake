# Consumer tests: the files we write, read by the programs people will use:
# Graphviz `dot` reads our DOT, xmllint accepts our SVG, GraphML and GEXF,
# and networkx and python-igraph (Debian's /usr/bin/python3) read our GraphML
# with the same nodes, edges and labels as our JSON.  Inputs come from the
# golden program: the golden graph and the hostile-names graph.  A consumer
# missing at configure time is left out; a missing Python module skips (77).
#
# consumers.formats.SET.FORMAT (check_formats.py, the python3 on PATH, which
# must have networkx 3 for GEXF 1.3) is the property test over every format:
# each file, read by its consumer (dot, networkx read_graphml/read_gexf, a
# JSON reader, Python's HTML parser), has every actor with its name intact,
# every relation, and GraphML, GEXF and Cytoscape JSON share one layout.
set(AG_CONSUMER_OUT ${CMAKE_BINARY_DIR}/consumers-out)
find_program(AG_DOT dot)
find_program(AG_XMLLINT xmllint)
find_program(AG_SYS_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(AG_PYTHON3 python3)

add_test(NAME consumers.setup
  COMMAND ${CMAKE_COMMAND} -DGOLDEN=$<TARGET_FILE:golden_graph> -DOUT=${AG_CONSUMER_OUT}
    -P ${CMAKE_CURRENT_LIST_DIR}/generate.cmake)
set_tests_properties(consumers.setup PROPERTIES FIXTURES_SETUP ag_consumer_files)

foreach(set graph hostile)
  set(tests "")
  if(AG_DOT)
    add_test(NAME consumers.dot_reads_dot.${set}
      COMMAND ${AG_DOT} -Tsvg -o ${AG_CONSUMER_OUT}/${set}.redone.svg ${AG_CONSUMER_OUT}/${set}.dot)
    list(APPEND tests consumers.dot_reads_dot.${set})
  endif()
  if(AG_XMLLINT)
    add_test(NAME consumers.xmllint.${set}
      COMMAND ${AG_XMLLINT} --noout ${AG_CONSUMER_OUT}/${set}.svg ${AG_CONSUMER_OUT}/${set}.graphml
        ${AG_CONSUMER_OUT}/${set}.gexf)
    list(APPEND tests consumers.xmllint.${set})
    if(AG_DOT)
      add_test(NAME consumers.xmllint_dot_svg.${set}
        COMMAND ${AG_XMLLINT} --noout ${AG_CONSUMER_OUT}/${set}.redone.svg)
      set_tests_properties(consumers.xmllint_dot_svg.${set} PROPERTIES DEPENDS consumers.dot_reads_dot.${set})
      list(APPEND tests consumers.xmllint_dot_svg.${set})
    endif()
  endif()
  if(AG_SYS_PYTHON)
    foreach(lib networkx igraph)
      add_test(NAME consumers.${lib}.${set}
        COMMAND ${AG_SYS_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_graphml.py ${lib}
          ${AG_CONSUMER_OUT}/${set}.json ${AG_CONSUMER_OUT}/${set}.graphml)
      list(APPEND tests consumers.${lib}.${set})
    endforeach()
  endif()
  if(AG_PYTHON3)
    foreach(fmt svg dot graphml gexf cyjs html png pdf positions)
      add_test(NAME consumers.formats.${set}.${fmt}
        COMMAND ${AG_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/check_formats.py ${AG_CONSUMER_OUT} ${set} ${fmt})
      list(APPEND tests consumers.formats.${set}.${fmt})
    endforeach()
  endif()
  if(tests)
    set_tests_properties(${tests} PROPERTIES FIXTURES_REQUIRED ag_consumer_files SKIP_RETURN_CODE 77)
  endif()
endforeach()

# Our own reader as a consumer: `actorgraph convert` reads the golden JSON
# back and writes JSON, DOT and GraphML identical to the golden program's.
if(TARGET actorgraph)
  add_test(NAME consumers.cli_convert_roundtrip
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:actorgraph> -DOUT=${AG_CONSUMER_OUT}
      -P ${CMAKE_CURRENT_LIST_DIR}/cli_convert.cmake)
  set_tests_properties(consumers.cli_convert_roundtrip PROPERTIES FIXTURES_REQUIRED ag_consumer_files)
endif()
