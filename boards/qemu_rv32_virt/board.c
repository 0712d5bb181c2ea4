/* SPDX-License-Identifier: Apache-2.0 */
/* qemu_rv32_virt default kernel: platform with debug writer, then main loop. */
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "os/board/platform.h"
#include "os/platform/arch.h"

void board_main(void)
{
    static const struct board_platform_params params = {
        .debug_writer = true,
    };
    const struct board_platform *platform = board_platform_init(&params);

    kernel_run(platform->kernel, board_cap_main_loop());
}
