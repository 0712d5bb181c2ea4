/* SPDX-License-Identifier: Apache-2.0 */
/* Names and messages for TBF results, reasons, TLV types and footers (boot messages, tools). */
#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *tbf_result_name(enum tbf_result result)
{
    static const char *const names[] = {
        [TBF_APP] = "app",      [TBF_DISABLED] = "disabled", [TBF_PADDING] = "padding",
        [TBF_SKIP] = "skipped", [TBF_END] = "end",
    };

    if ((unsigned)result >= COUNT(names)) {
        return "?";
    }
    return names[result];
}

const char *tbf_reason_str(enum tbf_reason reason)
{
    static const char *const msgs[TBF_REASON_COUNT] = {
        [TBF_REASON_NONE] = "ok",
        [TBF_REASON_SHORT] = "fewer than 16 bytes of application flash left",
        [TBF_REASON_VERSION] = "no TBF header (version is not 2: erased or blank flash)",
        [TBF_REASON_TOTAL_TOO_SMALL] = "total_size is smaller than the 16-byte base header",
        [TBF_REASON_PAST_END] = "total_size runs past the end of application flash",
        [TBF_REASON_HEADER_SIZE] = "header_size is smaller than 16 or larger than total_size",
        [TBF_REASON_CHECKSUM] = "header checksum mismatch",
        [TBF_REASON_TLV_OVERRUN] = "a header TLV runs past the end of the header",
        [TBF_REASON_TLV_TRAILING] = "stray bytes after the last header TLV",
        [TBF_REASON_TLV_LENGTH] = "a header TLV has the wrong length for its type",
        [TBF_REASON_BAD_NAME] = "package name is not valid UTF-8",
        [TBF_REASON_NO_KERNEL_VERSION] = "no kernel version TLV",
        [TBF_REASON_KERNEL_VERSION] = "requires an incompatible kernel version",
        [TBF_REASON_BINARY_END] = "binary_end_offset is beyond total_size",
        [TBF_REASON_LAYOUT] = "entry point or app start outside the binary",
        [TBF_REASON_WFR_RANGE] = "writeable flash region outside the app",
        [TBF_REASON_FIXED_FLASH] = "linked for a different flash address",
        [TBF_REASON_SCHEDULING] = "scheduling TLV: priority above 255, or budget not in 1..period "
                                  "(period at most 60 s)",
    };

    if ((unsigned)reason >= COUNT(msgs) || msgs[reason] == NULL) {
        return "?";
    }
    return msgs[reason];
}

const char *tbf_tlv_type_name(uint16_t type)
{
    static const char *const names[] = {
        [TBF_TLV_MAIN] = "Main",
        [TBF_TLV_WFR] = "Writeable Flash Regions",
        [TBF_TLV_PACKAGE_NAME] = "Package Name",
        [TBF_TLV_PIC_OPTION1] = "PicOption1 (obsolete)",
        [TBF_TLV_FIXED_ADDRESSES] = "Fixed Addresses",
        [TBF_TLV_PERMISSIONS] = "Permissions",
        [TBF_TLV_STORAGE_PERMISSIONS] = "Storage Permissions",
        [TBF_TLV_KERNEL_VERSION] = "Kernel Version",
        [TBF_TLV_PROGRAM] = "Program",
        [TBF_TLV_SHORT_ID] = "Short ID",
    };

    if (type == TBF_TLV_CREDENTIALS) {
        return "Credentials";
    }
    if (type == TBF_TLV_SCHEDULING) {
        return "Bulkhead Scheduling";
    }
    if (type >= COUNT(names) || names[type] == NULL) {
        return "unknown";
    }
    return names[type];
}

const char *tbf_credential_format_name(uint32_t format)
{
    static const char *const names[] = {
        [TBF_CRED_RESERVED] = "Reserved",
        [TBF_CRED_RSA3072] = "Rsa3072Key",
        [TBF_CRED_RSA4096] = "Rsa4096Key",
        [TBF_CRED_SHA256] = "SHA256",
        [TBF_CRED_SHA384] = "SHA384",
        [TBF_CRED_SHA512] = "SHA512",
        [TBF_CRED_ECDSA_P256] = "EcdsaNistP256",
    };

    if (format >= COUNT(names)) {
        return "unknown";
    }
    return names[format];
}

const char *tbf_footer_status_str(enum tbf_footer_status status)
{
    static const char *const msgs[] = {
        [TBF_FOOTER_OK] = "ok",
        [TBF_FOOTER_END] = "end of footers",
        [TBF_FOOTER_NOT_CRED] = "footer TLV is not a credential (type 128)",
        [TBF_FOOTER_OVERRUN] = "footer runs past the end of the app",
        [TBF_FOOTER_BAD_FORMAT] = "unknown credential format",
        [TBF_FOOTER_BAD_LENGTH] = "credential too short for its format",
    };

    if ((unsigned)status >= COUNT(msgs)) {
        return "?";
    }
    return msgs[status];
}
