/* SPDX-License-Identifier: Apache-2.0 */
/* Layering probe: a capsule reaching for a kernel-private header.
 * Built only by the negative build test; the build must fail. */
#include "os/capsule.h"
#include "os/board/kernel.h"
#include "kernel/process_table.h"

int bad_include_probe(void);

int bad_include_probe(void)
{
    return 0;
}
