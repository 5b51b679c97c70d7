# tools/setup-debian.sh - sourced (not run) by tools/test and tools/demo.
#
# lrsched_setup_debian PROG CXX
#   Makes sure the Debian 12 packages needed to build lrsched with the C++ compiler CXX are installed:
#   the compiler's package (g++ for g++, clang and libclang-rt-dev for clang++), cmake, ninja-build,
#   libboost-dev (Boost.Hana headers), doctest-dev and libbenchmark-dev. Missing ones are installed with apt-get when running as
#   root; otherwise it prints the apt-get command to run and returns 1. PROG prefixes the messages.

# The Debian package that provides the compiler command $1 (empty when unknown).
lrsched_compiler_package() {
  case "$(basename "$1")" in
    clang++*) echo clang ;;
    g++* | c++) echo g++ ;;
    *) echo "" ;;
  esac
}

lrsched_setup_debian() {
  local prog=$1 cxx=$2 compiler_pkg pkg
  local -a wanted missing=()
  compiler_pkg=$(lrsched_compiler_package "$cxx")
  if [ -z "$compiler_pkg" ]; then
    echo "$prog: note: no Debian package known for CXX=$cxx; not checking the compiler's package" >&2
  fi
  wanted=(cmake ninja-build libboost-dev doctest-dev libbenchmark-dev)
  if [ -n "$compiler_pkg" ]; then wanted=("$compiler_pkg" "${wanted[@]}"); fi
  # clang's sanitizer and libFuzzer runtimes (tools/test fuzzes with clang) are only a recommendation of clang.
  if [ "$compiler_pkg" = clang ]; then wanted+=(libclang-rt-dev); fi

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "$prog: note: not a Debian system (no dpkg-query); not checking packages: ${wanted[*]}" >&2
    return 0
  fi
  for pkg in "${wanted[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done

  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "$prog: missing Debian packages: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
      return 1
    fi
    echo "$prog: installing missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || return 1
    apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  fi

  if ! command -v "$cxx" >/dev/null 2>&1; then
    echo "$prog: C++ compiler '$cxx' not found (set CXX to g++ or clang++)" >&2
    return 1
  fi
}
