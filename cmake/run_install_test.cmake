# Runs the install test as one script, so that one ctest (install.find_package) covers every step and fails
# when any of them fails:
#   1. cmake --install BUILD_DIR --prefix PREFIX
#   2. configure CONSUMER_SOURCE_DIR (tests/install) with CMAKE_PREFIX_PATH=PREFIX, the same C++ compiler and
#      generator, and check that find_package(lrsched) took the installed package, not the build tree
#   3. build it
#   4. run the program
# Usage: cmake -DBUILD_DIR=... -DPREFIX=... -DCONSUMER_SOURCE_DIR=... -DCONSUMER_BINARY_DIR=...
#              -DCXX_COMPILER=... -DGENERATOR=... [-DMAKE_PROGRAM=...] [-DCONFIG=Release] -P run_install_test.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS BUILD_DIR PREFIX CONSUMER_SOURCE_DIR CONSUMER_BINARY_DIR CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_install_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED CONFIG OR CONFIG STREQUAL "")
  set(CONFIG Release)
endif()

# Runs one step, echoing it; stops the script (and so fails the test) when the step fails.
function(step name)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "install test: ${name}: ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install test: step '${name}' failed (${rc})")
  endif()
endfunction()

file(REMOVE_RECURSE ${PREFIX} ${CONSUMER_BINARY_DIR})

step(install ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --config ${CONFIG})

set(configure_args -S ${CONSUMER_SOURCE_DIR} -B ${CONSUMER_BINARY_DIR} -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${PREFIX}
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(DEFINED MAKE_PROGRAM AND NOT MAKE_PROGRAM STREQUAL "")
  list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
step(configure ${CMAKE_COMMAND} ${configure_args})

# The consumer must have found the installed package (share/cmake/lrsched under PREFIX).
file(STRINGS ${CONSUMER_BINARY_DIR}/CMakeCache.txt found REGEX "^lrsched_DIR:")
string(REGEX REPLACE "^lrsched_DIR:[A-Z]+=" "" found "${found}")
file(REAL_PATH "${PREFIX}" real_prefix)
file(REAL_PATH "${found}" real_found)
string(FIND "${real_found}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "install test: find_package(lrsched) used '${found}', not the package installed in ${PREFIX}")
endif()
message(STATUS "install test: lrsched_DIR = ${found}")

step(build ${CMAKE_COMMAND} --build ${CONSUMER_BINARY_DIR} --config ${CONFIG})

if(EXISTS ${CONSUMER_BINARY_DIR}/${CONFIG}/app${CMAKE_EXECUTABLE_SUFFIX})  # multi-config generators
  set(app ${CONSUMER_BINARY_DIR}/${CONFIG}/app${CMAKE_EXECUTABLE_SUFFIX})
else()
  set(app ${CONSUMER_BINARY_DIR}/app${CMAKE_EXECUTABLE_SUFFIX})
endif()
step(run ${app})
message(STATUS "install test: passed")
