/* SPDX-License-Identifier: Apache-2.0 */
/* Process-info component: grant and capsule. */
#include "components/process_info.h"

#include "os/abi/driver_num.h"

struct process_info_driver *process_info_component_finalize(struct process_info_driver *d,
                                                            struct kernel *kernel,
                                                            const struct cap_memory_alloc *cap,
                                                            const struct cap_process_mgmt *control)
{
    struct grant *apps =
        kernel_create_grant(kernel, DRIVER_NUM_PROCESS_INFO, 4, PROCESS_INFO_GRANT_UPCALLS,
                            PROCESS_INFO_GRANT_RO, PROCESS_INFO_GRANT_RW, cap);

    process_info_driver_init(d, apps, control);
    return d;
}
