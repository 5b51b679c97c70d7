// lrsched/version.hpp - the library's version.
#ifndef LRSCHED_VERSION_HPP
#define LRSCHED_VERSION_HPP

#define LRSCHED_VERSION_MAJOR 0
#define LRSCHED_VERSION_MINOR 1
#define LRSCHED_VERSION_PATCH 0
/// major * 10000 + minor * 100 + patch
#define LRSCHED_VERSION (LRSCHED_VERSION_MAJOR * 10000 + LRSCHED_VERSION_MINOR * 100 + LRSCHED_VERSION_PATCH)

namespace lrsched {
inline constexpr char version_string[] = "0.1.0";
}

#endif  // LRSCHED_VERSION_HPP
