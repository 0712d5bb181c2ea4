/* SPDX-License-Identifier: Apache-2.0 */
/* A test app's own process identifier (own_id.h). */
#include "own_id.h"

#include <string.h>

#include "libos/syscall.h"
#include "os/abi/driver_num.h"

#define PI DRIVER_NUM_PROCESS_INFO
#define MAX_IDS 8u

uint32_t test_own_process_id(const char *name)
{
    static uint32_t ids[MAX_IDS];
    static char got[32];
    struct syscall_return r;

    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)ids, sizeof(ids));
    r = syscall_command(PI, 2, 0, 0);
    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)got, sizeof(got) - 1);
    for (uint32_t i = 0; i < r.data[0] && i < MAX_IDS; i++) {
        memset(got, 0, sizeof(got));
        (void)syscall_command(PI, 4, ids[i], 0);
        if (strcmp(got, name) == 0) {
            return ids[i];
        }
    }
    return 0;
}
