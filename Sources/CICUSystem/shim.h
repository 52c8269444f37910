// Marker header for the system ICU library (libicu-dev). Only the CICU C target uses
// it: SwiftPM reads `pkgConfig: "icu-uc icu-i18n"` from this system-library target and
// passes ICU's compiler and linker flags to the targets that depend on it.
#include <unicode/utypes.h>
