# Regenerate the expected files after an intended change: AG_UPDATE_GOLDEN=1 ctest -R golden
#
# golden.formats builds a fixed, invented graph through the public API
# (tests/golden/golden_graph.c), writes every format, and compares JSON, DOT,
# GraphML, GEXF and Cytoscape JSON byte for byte with tests/golden/expected.*
# (layout positions masked: they follow font metrics); the SVG depends on
# font metrics throughout, so it is only checked with xmllint, as the GEXF is.
add_executable(golden_graph ${CMAKE_CURRENT_LIST_DIR}/golden_graph.c)
target_compile_definitions(golden_graph PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(golden_graph PRIVATE actorgraph_lib PkgConfig::IGRAPH PkgConfig::CGRAPH
  PkgConfig::CJSON PkgConfig::UTF8PROC m)

find_program(AG_XMLLINT xmllint)
add_test(NAME golden.formats
  COMMAND ${CMAKE_COMMAND} -DGOLDEN=$<TARGET_FILE:golden_graph>
    -DOUT=${CMAKE_BINARY_DIR}/golden-out -DEXPECTED=${CMAKE_CURRENT_LIST_DIR}
    -DXMLLINT=${AG_XMLLINT} -P ${CMAKE_CURRENT_LIST_DIR}/compare.cmake)
