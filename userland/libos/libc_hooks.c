/* SPDX-License-Identifier: Apache-2.0 */
/* picolibc operating-system hooks that need only the kernel: sbrk and _exit.
 *
 * stdio (stdin/stdout/stderr) and exit() are in libos-sync, because writing blocks.
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "libos/memop.h"
#include "libos/syscall.h"

/* picolibc's malloc grows the heap with sbrk; memory from the kernel is zeroed. Returns
 * the old break or (void *)-1 when the kernel refuses (errno is not set: on Cortex-M,
 * picolibc's thread-local errno is not reachable from position-independent code). */
void *sbrk(ptrdiff_t increment)
{
    void *old = memop_sbrk((int32_t)increment);

    if (old == NULL) {
        /* SAFETY: (void *)-1 is the documented sbrk failure value, never dereferenced. */
        return (void *)(intptr_t)-1;
    }
    return old;
}

void _exit(int code)
{
    syscall_exit_terminate((uint32_t)code);
}
