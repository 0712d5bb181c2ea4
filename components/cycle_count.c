/* SPDX-License-Identifier: Apache-2.0 */
/* Cycle-count component: grant and capsule. */
#include "components/cycle_count.h"

#include "os/abi/driver_num.h"

struct cycle_count *cycle_count_component_finalize(struct cycle_count *cc, struct kernel *kernel,
                                                   const struct cap_memory_alloc *cap,
                                                   struct hil_alarm *alarm,
                                                   cycle_count_read_fn read,
                                                   cycle_count_stat_fn mpu_writes)
{
    struct grant *apps = kernel_create_grant(
        kernel, DRIVER_NUM_CYCLE_COUNT, sizeof(struct cycle_count_app), CYCLE_COUNT_GRANT_UPCALLS,
        CYCLE_COUNT_GRANT_RO, CYCLE_COUNT_GRANT_RW, cap);

    cycle_count_init(cc, apps, alarm, read, mpu_writes);
    return cc;
}
