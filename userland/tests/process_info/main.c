/* SPDX-License-Identifier: Apache-2.0 */
/* process_info: every command of the process-info driver (0x10002).
 *
 * Runs alone or beside other apps; prints one line per check and
 * "process_info: <n> passed, 0 failed". The board's driver is read-only, so
 * command 6 (control) must answer NOSUPPORT.
 */
#include <string.h>

#include "check.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"

#define PI DRIVER_NUM_PROCESS_INFO
#define MAX_IDS 8u

static uint32_t ids[MAX_IDS];
static char name[32];
static uint32_t stats[4];

/* Command cmd with RW allow 0 = buf for its duration. */
static struct syscall_return with_buffer(uint32_t cmd, uint32_t arg, void *buf, uint32_t len)
{
    struct syscall_return ret;

    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)buf, len);
    ret = syscall_command(PI, cmd, arg, 0);
    (void)syscall_allow_rw(PI, 0, 0, 0);
    return ret;
}

/* Our own identifier: the listed process whose name is ours. */
static uint32_t own_id(uint32_t count)
{
    for (uint32_t i = 0; i < count && i < MAX_IDS; i++) {
        memset(name, 0, sizeof(name));
        (void)with_buffer(4, ids[i], name, sizeof(name) - 1);
        if (strcmp(name, APP_NAME) == 0) {
            return ids[i];
        }
    }
    return 0;
}

int main(void)
{
    struct syscall_return ret;
    uint32_t count;
    uint32_t me;

    check_begin("process_info");
    check_success("exists", syscall_command(PI, 0, 0, 0), SYSCALL_RET_SUCCESS, 0, 0);
    ret = syscall_command(PI, 1, 0, 0);
    count = ret.data[0];
    check("count", NULL, ret.variant == SYSCALL_RET_SUCCESS_U32 && count >= 1 && count <= 4,
          "variant %lu count %lu", (unsigned long)ret.variant, (unsigned long)count);
    ret = with_buffer(2, 0, ids, sizeof(ids));
    check("list identifiers", NULL, ret.variant == SYSCALL_RET_SUCCESS_U32 && ret.data[0] == count,
          "variant %lu count %lu", (unsigned long)ret.variant, (unsigned long)ret.data[0]);
    me = own_id(count);
    check("own name found", NULL, me != 0, "no process named %s", APP_NAME);
    ret = with_buffer(4, me, name, 3);
    check("name truncated, full length returned", NULL,
          ret.variant == SYSCALL_RET_SUCCESS_U32 && ret.data[0] == strlen(APP_NAME) &&
              strncmp(name, APP_NAME, 3) == 0,
          "length %lu", (unsigned long)ret.data[0]);
    ret = with_buffer(5, me, stats, sizeof(stats));
    check("own stats", NULL,
          ret.variant == SYSCALL_RET_SUCCESS && stats[1] > 5 && stats[2] == 0 && stats[3] == 0,
          "syscalls %lu restarts %lu state %lu", (unsigned long)stats[1], (unsigned long)stats[2],
          (unsigned long)stats[3]);
    check_failure("stats of a missing process", with_buffer(5, 0x7fffffff, stats, sizeof(stats)),
                  SYSCALL_RET_FAILURE, OS_EINVAL, 0, 0);
    check_failure("name of a missing process", with_buffer(4, 0, name, sizeof(name)),
                  SYSCALL_RET_FAILURE, OS_EINVAL, 0, 0);
    check_failure("control on a read-only board", syscall_command(PI, 6, me, 2),
                  SYSCALL_RET_FAILURE, OS_ENOSUPPORT, 0, 0);
    check_failure("unknown command", syscall_command(PI, 99, 0, 0), SYSCALL_RET_FAILURE,
                  OS_ENOSUPPORT, 0, 0);
    check_failure("subscribe (no upcalls)", syscall_subscribe_raw(PI, 0, 0, 0),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, 0, 0);
    return check_finish();
}
