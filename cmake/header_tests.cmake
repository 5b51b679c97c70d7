# Header self-containment tests (the habit of Hana's and range-v3's cmake/TestHeaders.cmake).
#
# lrsched_add_header_tests() generates one translation unit per public header under include/lrsched/
# (detail/ excluded), containing nothing but `#include <lrsched/...>`, and compiles them all in the OBJECT
# library `lrsched_header_tests`. That target is part of `all`, so building is the test: a header that
# misses an include of its own, or that warns under lrsched_warnings (-Werror with LRSCHED_WERROR), breaks
# the build. The glob is re-checked at build time (CONFIGURE_DEPENDS), so new headers are picked up.
function(lrsched_add_header_tests)
  set(include_dir ${PROJECT_SOURCE_DIR}/include)
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS RELATIVE ${include_dir} ${include_dir}/lrsched/*.hpp)
  list(FILTER headers EXCLUDE REGEX "(^|/)detail/")
  list(SORT headers)
  if(NOT headers)
    message(STATUS "lrsched: no public headers under include/lrsched/ yet, no header tests")
    return()
  endif()

  set(sources)
  foreach(header IN LISTS headers)
    string(REGEX REPLACE "\\.hpp$" ".cpp" source ${header})
    set(source ${PROJECT_BINARY_DIR}/header_tests/${source})
    # file(CONFIGURE) only rewrites the file when its content changes, so re-configuring rebuilds nothing.
    file(CONFIGURE OUTPUT ${source} CONTENT "#include <${header}>\n" @ONLY)
    list(APPEND sources ${source})
  endforeach()

  add_library(lrsched_header_tests OBJECT ${sources})
  target_link_libraries(lrsched_header_tests PRIVATE lrsched::lrsched lrsched_warnings)
  list(LENGTH headers count)
  message(STATUS "lrsched: ${count} header tests (target lrsched_header_tests)")
endfunction()
