# html.report.SET: the HTML report of the golden and the hostile graph,
# opened in Debian's Chromium through playwright-core (report_test.js):
# the actor list, clicks in the list and the SVG show every evidence
# sentence, the search box filters, no request leaves the page, no script
# error or dialog; screenshots go to the build dir (html-SET.png).
# Skips (77) without node, /usr/bin/chromium or tests/html/node_modules
# (`npm ci` in tests/html; .ci/setup does it).
find_program(AG_NODE node)
foreach(set graph hostile)
  if(AG_NODE)
    add_test(NAME html.report.${set}
      COMMAND ${AG_NODE} ${CMAKE_CURRENT_LIST_DIR}/report_test.js ${AG_CONSUMER_OUT}/${set}.html
        ${CMAKE_BINARY_DIR}/html-${set}.png)
  else()
    add_test(NAME html.report.${set}
      COMMAND ${CMAKE_COMMAND} -E echo "SKIP: node is not installed")
  endif()
  set_tests_properties(html.report.${set} PROPERTIES FIXTURES_REQUIRED ag_consumer_files
    SKIP_RETURN_CODE 77 SKIP_REGULAR_EXPRESSION "SKIP: " TIMEOUT 120 LABELS html)
endforeach()
