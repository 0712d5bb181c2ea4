/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf: packs userspace ELF files into Tock Binary Format objects, and inspects TBFs.
 *
 * Exit status: 0 on success, 1 when the input is invalid or the work failed, 2 for usage
 * errors. Every failure prints a one-line "elf2tbf: error: ..." message. */
#include <stdio.h>
#include <stdlib.h>

#include "inspect.h"
#include "options.h"
#include "pack.h"

int main(int argc, char **argv)
{
    static struct options opt;
    bool ok = true;

    switch (options_parse(&opt, argc, argv)) {
    case OPTIONS_HELP:
        options_usage(stdout);
        return 0;
    case OPTIONS_ERROR:
        return 2;
    case OPTIONS_INSPECT:
        for (int i = 0; i < opt.input_count; i++) {
            ok = inspect_file(opt.inputs[i], opt.kernel_major, opt.kernel_minor) && ok;
        }
        return ok ? 0 : 1;
    default:
        return pack_run(&opt) ? 0 : 1;
    }
}
