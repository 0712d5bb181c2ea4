/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf command line: the options, their defaults and their validation. */
#include "options.h"

#include <getopt.h>
#include <string.h>

#include "kernel/tbf.h"
#include "util.h"

#define DEFAULT_HEAP 1024u

enum {
    OPT_STACK = 256,
    OPT_APP_HEAP,
    OPT_KERNEL_HEAP,
    OPT_KERNEL_MAJOR,
    OPT_KERNEL_MINOR,
    OPT_PROTECTED,
    OPT_FOOTER,
    OPT_DISABLED,
    OPT_STICKY,
    OPT_SHORT_ID,
    OPT_APP_VERSION,
    OPT_PERMISSION,
    OPT_WRITE_ID,
    OPT_READ_ID,
    OPT_MODIFY_ID,
    OPT_INSPECT,
    OPT_PRIORITY,
    OPT_PERIOD,
    OPT_BUDGET,
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"package-name", required_argument, NULL, 'n'},
    {"stack", required_argument, NULL, OPT_STACK},
    {"app-heap", required_argument, NULL, OPT_APP_HEAP},
    {"kernel-heap", required_argument, NULL, OPT_KERNEL_HEAP},
    {"kernel-major", required_argument, NULL, OPT_KERNEL_MAJOR},
    {"kernel-minor", required_argument, NULL, OPT_KERNEL_MINOR},
    {"protected-region-size", required_argument, NULL, OPT_PROTECTED},
    {"minimum-footer-size", required_argument, NULL, OPT_FOOTER},
    {"disabled", no_argument, NULL, OPT_DISABLED},
    {"sticky", no_argument, NULL, OPT_STICKY},
    {"short-id", required_argument, NULL, OPT_SHORT_ID},
    {"app-version", required_argument, NULL, OPT_APP_VERSION},
    {"permission", required_argument, NULL, OPT_PERMISSION},
    {"write-id", required_argument, NULL, OPT_WRITE_ID},
    {"read-id", required_argument, NULL, OPT_READ_ID},
    {"modify-id", required_argument, NULL, OPT_MODIFY_ID},
    {"inspect", no_argument, NULL, OPT_INSPECT},
    {"priority", required_argument, NULL, OPT_PRIORITY},
    {"period-us", required_argument, NULL, OPT_PERIOD},
    {"budget-us", required_argument, NULL, OPT_BUDGET},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

void options_usage(FILE *f)
{
    fputs("usage: elf2tbf [options] -o APP.tbf APP.elf\n"
          "       elf2tbf --inspect [--kernel-major N] [--kernel-minor N] FILE.tbf...\n"
          "\n"
          "Packs a 32-bit ARM or RISC-V userspace ELF into a Tock Binary Format (TBF v2)\n"
          "object, or prints and validates TBF files.\n"
          "\n"
          "  -o, --output FILE             write the TBF here (required to pack)\n"
          "  -n, --package-name NAME       Package Name TLV (UTF-8)\n"
          "      --stack BYTES             stack size (default: size of .stack, else 2048)\n"
          "      --app-heap BYTES          app heap size (default 1024)\n"
          "      --kernel-heap BYTES       kernel heap (grant) size (default 1024)\n"
          "      --kernel-major N          required kernel major version (default 2)\n"
          "      --kernel-minor N          required kernel minor version (default 2)\n"
          "      --protected-region-size BYTES\n"
          "                                header + protected trailer (default: the header;\n"
          "                                for fixed-address apps, up to the 256-byte\n"
          "                                boundary below the linked flash address)\n"
          "      --minimum-footer-size BYTES\n"
          "                                reserve footer space (Reserved credential)\n"
          "      --disabled                do not start the app at boot (flags bit 0 clear)\n"
          "      --sticky                  set the sticky flag (flags bit 1)\n"
          "      --short-id N              Short ID TLV\n"
          "      --app-version N           Program TLV version (default 0)\n"
          "      --permission DRIVER,CMD   allow command CMD of DRIVER (repeatable); adds a\n"
          "                                Permissions TLV\n"
          "      --write-id N              storage write ID; adds a Storage Permissions TLV\n"
          "      --read-id N               storage read ID (repeatable, at most 8)\n"
          "      --modify-id N             storage modify ID (repeatable, at most 8)\n"
          "      --priority N              fixed scheduling priority 0..255 (0 = highest);\n"
          "                                adds Bulkhead's scheduling TLV (type 0x8001)\n"
          "      --period-us N             EDF period in microseconds (at most 60 s)\n"
          "      --budget-us N             EDF CPU budget per period, 1..period\n"
          "      --inspect                 print every field, TLV and footer of each FILE\n"
          "                                and validate it (exit 1 if it is not valid)\n"
          "  -v, --verbose                 explain the layout decisions\n"
          "  -h, --help                    show this text\n"
          "\n"
          "Numbers are decimal or 0x-prefixed hexadecimal.\n",
          f);
}

static bool number(const char *name, const char *arg, uint32_t max, uint32_t *out)
{
    if (!util_parse_u32(arg, max, out)) {
        util_error("--%s: '%s' is not a number from 0 to %u", name, arg, max);
        return false;
    }
    return true;
}

static bool permission(struct options *opt, const char *arg)
{
    char copy[64];
    char *comma;
    struct options_perm p;

    if (strlen(arg) >= sizeof(copy) || (comma = strchr(strcpy(copy, arg), ',')) == NULL) {
        util_error("--permission: '%s' is not DRIVER,COMMAND", arg);
        return false;
    }
    *comma = '\0';
    if (!number("permission", copy, UINT32_MAX, &p.driver) ||
        !number("permission", comma + 1, UINT32_MAX, &p.command)) {
        return false;
    }
    if (opt->perm_count == OPTIONS_MAX_PERMS) {
        util_error("--permission: at most %u permissions", OPTIONS_MAX_PERMS);
        return false;
    }
    opt->perms[opt->perm_count++] = p;
    return true;
}

static bool storage_id(const char *name, const char *arg, uint32_t *ids, uint16_t *count)
{
    if (*count == OPTIONS_MAX_IDS) {
        util_error("--%s: at most %u IDs", name, OPTIONS_MAX_IDS);
        return false;
    }
    return number(name, arg, UINT32_MAX, &ids[(*count)++]);
}

static bool kernel_version(const char *name, const char *arg, uint16_t *out)
{
    uint32_t v;

    if (!number(name, arg, UINT16_MAX, &v)) {
        return false;
    }
    *out = (uint16_t)v;
    return true;
}

/* Options with a numeric argument stored in a plain field. */
static bool numeric(struct options *opt, int c, const char *arg)
{
    switch (c) {
    case OPT_STACK:
        opt->has_stack = true;
        return number("stack", arg, UINT32_MAX / 4, &opt->stack);
    case OPT_APP_HEAP:
        return number("app-heap", arg, UINT32_MAX / 4, &opt->app_heap);
    case OPT_KERNEL_HEAP:
        return number("kernel-heap", arg, UINT32_MAX / 4, &opt->kernel_heap);
    case OPT_PROTECTED:
        opt->has_protected_size = true;
        return number("protected-region-size", arg, 1u << 20, &opt->protected_size);
    case OPT_FOOTER:
        return number("minimum-footer-size", arg, 1u << 24, &opt->minimum_footer_size);
    case OPT_SHORT_ID:
        opt->has_short_id = true;
        return number("short-id", arg, UINT32_MAX, &opt->short_id);
    case OPT_PRIORITY:
        opt->has_scheduling = true;
        return number("priority", arg, 255, &opt->priority);
    case OPT_PERIOD:
        opt->has_scheduling = true;
        return number("period-us", arg, 60000000u, &opt->period_us);
    case OPT_BUDGET:
        opt->has_scheduling = true;
        return number("budget-us", arg, 60000000u, &opt->budget_us);
    default: /* OPT_APP_VERSION */
        return number("app-version", arg, UINT32_MAX, &opt->app_version);
    }
}

/* One option character c with argument arg. */
static bool apply(struct options *opt, int c, const char *arg)
{
    switch (c) {
    case 'o':
        opt->output = arg;
        return true;
    case 'n':
        opt->package_name = arg;
        return true;
    case 'v':
        opt->verbose = true;
        return true;
    case OPT_KERNEL_MAJOR:
        return kernel_version("kernel-major", arg, &opt->kernel_major);
    case OPT_KERNEL_MINOR:
        return kernel_version("kernel-minor", arg, &opt->kernel_minor);
    case OPT_DISABLED:
        opt->disabled = true;
        return true;
    case OPT_STICKY:
        opt->sticky = true;
        return true;
    case OPT_PERMISSION:
        return permission(opt, arg);
    case OPT_WRITE_ID:
        opt->has_storage = true;
        return number("write-id", arg, UINT32_MAX, &opt->write_id);
    case OPT_READ_ID:
        opt->has_storage = true;
        return storage_id("read-id", arg, opt->read_ids, &opt->read_count);
    case OPT_MODIFY_ID:
        opt->has_storage = true;
        return storage_id("modify-id", arg, opt->modify_ids, &opt->modify_count);
    case OPT_INSPECT:
        opt->inspect = true;
        return true;
    default:
        return numeric(opt, c, arg);
    }
}

/* Cross-option checks once everything is parsed. */
static enum options_action finish(struct options *opt)
{
    const char *name = opt->package_name;

    if (name != NULL &&
        (strlen(name) > 0xFF00 || !tbf_utf8_valid((const uint8_t *)name, strlen(name)))) {
        util_error("--package-name: the name must be valid UTF-8 of at most 65280 bytes");
        return OPTIONS_ERROR;
    }
    if ((opt->period_us == 0) != (opt->budget_us == 0) || opt->budget_us > opt->period_us) {
        util_error("--period-us and --budget-us go together, with a budget of at most the period");
        return OPTIONS_ERROR;
    }
    if (opt->inspect) {
        if (opt->input_count < 1) {
            util_error("--inspect needs a TBF file (see --help)");
            return OPTIONS_ERROR;
        }
        return OPTIONS_INSPECT;
    }
    if (opt->input_count != 1 || opt->output == NULL) {
        util_error(opt->input_count != 1 ? "expected exactly one input ELF (see --help)"
                                         : "no output file: use -o APP.tbf (see --help)");
        return OPTIONS_ERROR;
    }
    return OPTIONS_PACK;
}

enum options_action options_parse(struct options *opt, int argc, char **argv)
{
    int c;

    memset(opt, 0, sizeof(*opt));
    opt->app_heap = DEFAULT_HEAP;
    opt->kernel_heap = DEFAULT_HEAP;
    opt->kernel_major = 2;
    opt->kernel_minor = 2;
    opt->priority = 0xFFFFFFFFu; /* none: the kernel uses the slot */
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:n:vh", long_options, NULL)) != -1) {
        if (c == 'h') {
            return OPTIONS_HELP;
        }
        if (c == '?' || c == ':') {
            util_error("unknown option or missing argument: '%s' (see --help)", argv[optind - 1]);
            return OPTIONS_ERROR;
        }
        if (!apply(opt, c, optarg)) {
            return OPTIONS_ERROR;
        }
    }
    opt->inputs = argv + optind;
    opt->input_count = argc - optind;
    return finish(opt);
}
