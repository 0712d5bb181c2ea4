/* SPDX-License-Identifier: Apache-2.0 */
/* console: the console driver (1): writes, reads, abort and the error paths.
 *
 * The harness types "abcd" when it sees "console: waiting for 4 bytes".
 * Prints one line per check and "console: <n> passed, 0 failed".
 */
#include <string.h>

#include "check.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"

#define CON DRIVER_NUM_CONSOLE

static const char message[] = "console: raw write of 31 bytes\n";
static char rx[80];

static struct syscall_return allow_ro(const void *p, uint32_t len)
{
    return syscall_allow_ro(CON, 1, (uint32_t)(uintptr_t)p, len);
}

static struct syscall_return allow_rw(void *p, uint32_t len)
{
    return syscall_allow_rw(CON, 1, (uint32_t)(uintptr_t)p, len);
}

/* Raw operations run back to back, checks print afterwards: every printed
 * line is itself a console write, which would disturb the operation. */
static void write_checks(void)
{
    struct syscall_return first;
    struct syscall_yield_result done;

    /* (A second write while one is pending gets BUSY; QEMU's UART finishes
     * before the process runs again, so that is checked in the host test.) */
    (void)allow_ro(message, sizeof(message) - 1);
    first = syscall_command(CON, 1, sizeof(message) - 1, 0);
    done = syscall_yield_wait_for(CON, 1);
    check_success("write", first, SYSCALL_RET_SUCCESS, 0, 0);
    check("write done upcall (bytes written, 0, 0)", NULL,
          done.data[0] == sizeof(message) - 1 && done.data[1] == 0, "got %lu %lu",
          (unsigned long)done.data[0], (unsigned long)done.data[1]);
    (void)allow_ro(message, sizeof(message) - 1);
    first = syscall_command(CON, 1, 1000, 0);
    done = syscall_yield_wait_for(CON, 1);
    check_success("write capped to the allowed length", first, SYSCALL_RET_SUCCESS, 0, 0);
    check("capped write done", NULL, done.data[0] == sizeof(message) - 1, "got %lu",
          (unsigned long)done.data[0]);
    (void)allow_ro(NULL, 0);
    first = syscall_command(CON, 1, 8, 0);
    done = syscall_yield_wait_for(CON, 1);
    check_success("write without buffer", first, SYSCALL_RET_SUCCESS, 0, 0);
    check("write without buffer completes with 0", NULL, done.data[0] == 0, "got %lu",
          (unsigned long)done.data[0]);
}

/* Start a read of len bytes; the prompt tells the harness to type. */
static struct syscall_return start_read(uint32_t len, const char *prompt,
                                        struct syscall_return *busy)
{
    struct syscall_return ret;

    (void)allow_rw(rx, sizeof(rx));
    ret = syscall_command(CON, 2, len, 0);
    if (busy != NULL) {
        *busy = syscall_command(CON, 2, len, 0);
    }
    check_pass(prompt, NULL);
    return ret;
}

static void read_checks(void)
{
    struct syscall_return ret;
    struct syscall_return busy;
    struct syscall_yield_result done;

    (void)allow_rw(rx, sizeof(rx));
    check_failure("read above the kernel buffer", syscall_command(CON, 2, sizeof(rx), 0),
                  SYSCALL_RET_FAILURE, OS_EINVAL, 0, 0);
    ret = start_read(4, "console: waiting for 4 bytes", &busy);
    done = syscall_yield_wait_for(CON, 2);
    check_success("read", ret, SYSCALL_RET_SUCCESS, 0, 0);
    check_failure("second read while reading", busy, SYSCALL_RET_FAILURE, OS_EBUSY, 0, 0);
    check("read done (status 0, 4 bytes)", NULL,
          done.data[0] == 0 && done.data[1] == 4 && memcmp(rx, "abcd", 4) == 0,
          "status %lu len %lu", (unsigned long)done.data[0], (unsigned long)done.data[1]);
    /* Abort a read nobody types for: it ends at once with CANCEL and 0
     * bytes. (Typed input arrives at a host-dependent moment, so a partial
     * read before an abort cannot be checked deterministically.) */
    ret = start_read(8, "console: read to abort", NULL);
    busy = syscall_command(CON, 3, 0, 0);
    done = syscall_yield_wait_for(CON, 2);
    check_success("read for abort", ret, SYSCALL_RET_SUCCESS, 0, 0);
    check_success("abort read", busy, SYSCALL_RET_SUCCESS, 0, 0);
    check("aborted read done (CANCEL, 0 bytes)", NULL,
          done.data[0] == OS_ECANCEL && done.data[1] == 0, "status %lu len %lu",
          (unsigned long)done.data[0], (unsigned long)done.data[1]);
    (void)allow_rw(NULL, 0);
}

int main(void)
{
    check_begin("console");
    check_success("exists", syscall_command(CON, 0, 0, 0), SYSCALL_RET_SUCCESS, 0, 0);
    check_failure("unknown command", syscall_command(CON, 9, 0, 0), SYSCALL_RET_FAILURE,
                  OS_ENOSUPPORT, 0, 0);
    check_failure("subscribe out of range", syscall_subscribe_raw(CON, 3, 0, 0),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, 0, 0);
    write_checks();
    read_checks();
    return check_finish();
}
