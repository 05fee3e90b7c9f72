# The language layer against the treebank it was trained from: accuracy of
# the shipped model on EWT test (gold words, then the text stage's own
# tokens), and retraining twice on a small corpus gives the same bytes.
# Each skips (exit 77) where ../shared is absent.
set(AG_EWT ${CMAKE_SOURCE_DIR}/../shared/corpora/ud-english-ewt)
if(TARGET actorgraph-train)
  add_test(NAME nlp.accuracy
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/accuracy.sh $<TARGET_FILE:actorgraph-train> ${AG_EWT})
  add_test(NAME nlp.train_deterministic
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/deterministic.sh $<TARGET_FILE:actorgraph-train> ${AG_EWT}
      ${CMAKE_CURRENT_BINARY_DIR}/nlp-determinism)
  # The training program is a batch tool that leaves its corpus to the
  # exit; LeakSanitizer would report that, not a bug.
  set_tests_properties(nlp.accuracy nlp.train_deterministic PROPERTIES SKIP_RETURN_CODE 77
    ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()
