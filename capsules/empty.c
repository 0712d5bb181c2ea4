/* SPDX-License-Identifier: Apache-2.0 */
/* Keeps the capsule library non-empty on boards that wire no capsule. */
#include "os/capsule.h"

/* Marker symbol; never referenced. */
const int capsules_library_marker = 0;
