/* SPDX-License-Identifier: Apache-2.0 */
/* Allow checks: read-write, read-only, userspace-readable (syscalls.md 8-10). */
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "libos/driver.h"
#include "libos/memop.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"
#include "syscalls_test.h"

#define CONSOLE DRIVER_NUM_CONSOLE

static uint8_t ram_buffer[32];
static const char flash_text[] = "allow ro text in flash";

static uint32_t addr_of(const void *p)
{
    return (uint32_t)(uintptr_t)p;
}

/* Swapping buffers in and out of RW slot 1 returns the previous one each time. */
static void rw_swap_checks(void)
{
    uint32_t buf = addr_of(ram_buffer);

    check_success("allow rw first returns null", syscall_allow_rw(CONSOLE, 1, buf, 16),
                  SYSCALL_RET_SUCCESS_2U32, 0, 0);
    check_success("allow rw returns previous", syscall_allow_rw(CONSOLE, 1, buf + 16, 8),
                  SYSCALL_RET_SUCCESS_2U32, buf, 16);
    check_success("allow rw revoke returns previous", syscall_allow_rw(CONSOLE, 1, 0, 0),
                  SYSCALL_RET_SUCCESS_2U32, buf + 16, 8);
    check_success("allow rw zero length any address", syscall_allow_rw(CONSOLE, 1, 0xDEADBEEF, 0),
                  SYSCALL_RET_SUCCESS_2U32, 0, 0);
    check_success("allow rw zero length keeps address", syscall_allow_rw(CONSOLE, 1, 0, 0),
                  SYSCALL_RET_SUCCESS_2U32, 0xDEADBEEF, 0);
}

/* Every RW buffer outside [memory_start, break) is INVAL; the passed values come back. */
static void rw_error_checks(void)
{
    uint32_t buf = addr_of(ram_buffer);
    uint32_t brk = addr_of(memop_sbrk(0));
    uint32_t grant = addr_of(memop_grant_start());
    uint32_t start = addr_of(memop_memory_start());
    uint32_t wrap = 0u - buf + 8u;

    check_failure("allow rw into flash", syscall_allow_rw(CONSOLE, 1, addr_of(flash_text), 4),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, addr_of(flash_text), 4);
    check_failure("allow rw into tbf header",
                  syscall_allow_rw(CONSOLE, 1, addr_of(memop_flash_start()), 4),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, addr_of(memop_flash_start()), 4);
    check_failure("allow rw past break", syscall_allow_rw(CONSOLE, 1, brk - 8, 16),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, brk - 8, 16);
    check_failure("allow rw grant region", syscall_allow_rw(CONSOLE, 1, grant, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, grant, 4);
    check_failure("allow rw below memory start", syscall_allow_rw(CONSOLE, 1, start - 4, 8),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, start - 4, 8);
    check_failure("allow rw kernel ram", syscall_allow_rw(CONSOLE, 1, TEST_KERNEL_RAM, 16),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, TEST_KERNEL_RAM, 16);
    check_failure("allow rw wrapping length", syscall_allow_rw(CONSOLE, 1, buf, wrap),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, buf, wrap);
    check_failure("allow rw missing driver", syscall_allow_rw(TEST_MISSING_DRIVER, 1, buf, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_ENODEVICE, buf, 4);
    check_failure("allow rw number out of range", syscall_allow_rw(CONSOLE, 2, buf, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, buf, 4);
    check_success("allow rw slot empty after failures", syscall_allow_rw(CONSOLE, 1, 0, 0),
                  SYSCALL_RET_SUCCESS_2U32, 0, 0);
}

/* RO accepts flash after the protected region and RAM; not the header, not outside.
 * The swap checks use RO slot 0 (unused by the console driver but a valid slot):
 * printf itself allows and revokes slot 1 for every line it prints. */
static void ro_checks(void)
{
    uint32_t text = addr_of(flash_text);
    uint32_t len = (uint32_t)strlen(flash_text);
    uint32_t flash_end = addr_of(memop_flash_end());
    uint32_t header = addr_of(memop_flash_start());

    check_success("allow ro flash text", syscall_allow_ro(CONSOLE, 0, text, len),
                  SYSCALL_RET_SUCCESS_2U32, 0, 0);
    check_success("allow ro ram returns previous",
                  syscall_allow_ro(CONSOLE, 0, addr_of(ram_buffer), 8), SYSCALL_RET_SUCCESS_2U32,
                  text, len);
    check_success("allow ro revoke", syscall_allow_ro(CONSOLE, 0, 0, 0), SYSCALL_RET_SUCCESS_2U32,
                  addr_of(ram_buffer), 8);
    check_failure("allow ro tbf header", syscall_allow_ro(CONSOLE, 1, header, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, header, 4);
    check_failure("allow ro across flash end", syscall_allow_ro(CONSOLE, 1, flash_end - 4, 8),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, flash_end - 4, 8);
    check_failure("allow ro kernel flash", syscall_allow_ro(CONSOLE, 1, TEST_KERNEL_FLASH, 16),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, TEST_KERNEL_FLASH, 16);
    check_failure("allow ro wrapping length", syscall_allow_ro(CONSOLE, 1, text, 0u - text + 8u),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, text, 0u - text + 8u);
    check_failure("allow ro missing driver", syscall_allow_ro(TEST_MISSING_DRIVER, 1, text, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_ENODEVICE, text, 4);
    check_failure("allow ro number out of range", syscall_allow_ro(CONSOLE, 2, text, 4),
                  SYSCALL_RET_FAILURE_2U32, OS_ENOSUPPORT, text, 4);
}

/* Class 7: validated like RW, then handed to the driver (console does not support it). */
static void userspace_readable_checks(void)
{
    uint32_t buf = addr_of(ram_buffer);
    struct syscall_return ret;

    check_failure("allow userspace-readable missing driver",
                  syscall_allow_userspace_read(TEST_MISSING_DRIVER, 0, buf, 16),
                  SYSCALL_RET_FAILURE_2U32, OS_ENODEVICE, buf, 16);
    check_failure("allow userspace-readable into flash",
                  syscall_allow_userspace_read(CONSOLE, 0, addr_of(flash_text), 4),
                  SYSCALL_RET_FAILURE_2U32, OS_EINVAL, addr_of(flash_text), 4);
    check_failure("allow userspace-readable unsupported driver",
                  syscall_allow_userspace_read(CONSOLE, 0, buf, 16), SYSCALL_RET_FAILURE_2U32,
                  OS_ENOSUPPORT, buf, 16);
    if (!driver_exists(DRIVER_NUM_READ_ONLY_STATE)) {
        check_skip("allow userspace-readable read-only state", "no driver 9");
        return;
    }
    ret = syscall_allow_userspace_read(DRIVER_NUM_READ_ONLY_STATE, 0, buf, 16);
    check_success("allow userspace-readable read-only state", ret, SYSCALL_RET_SUCCESS_2U32, 0, 0);
    check_success("allow userspace-readable revoke",
                  syscall_allow_userspace_read(DRIVER_NUM_READ_ONLY_STATE, 0, 0, 0),
                  SYSCALL_RET_SUCCESS_2U32, buf, 16);
}

void allow_checks(void)
{
    rw_swap_checks();
    rw_error_checks();
    ro_checks();
    userspace_readable_checks();
}
