/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug component: grant and capsule. */
#include "components/low_level_debug.h"

#include "os/abi/driver_num.h"

struct low_level_debug *low_level_debug_component_finalize(struct low_level_debug *lld,
                                                           struct kernel *kernel,
                                                           const struct cap_memory_alloc *cap)
{
    struct grant *apps = kernel_create_grant(
        kernel, DRIVER_NUM_LOW_LEVEL_DEBUG, sizeof(struct low_level_debug_app),
        LOW_LEVEL_DEBUG_GRANT_UPCALLS, LOW_LEVEL_DEBUG_GRANT_RO, LOW_LEVEL_DEBUG_GRANT_RW, cap);

    low_level_debug_init(lld, apps);
    return lld;
}
