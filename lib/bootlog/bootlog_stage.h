/* SPDX-License-Identifier: BSD-3-Clause */
/* The stages of one PXE install as its servers see them, and which one
 * failed: firmware DHCP -> TFTP of the boot file -> iPXE DHCP -> HTTP (or
 * TFTP) script, kernel, initrd -> installer DHCP -> preseed/kickstart.
 *
 * Input: one client's events (DHCP lines of its MAC, TFTP and HTTP lines
 * of the addresses its ACKs gave it), in time order. Output: its boots,
 * each a list of rows (a DHCP round, or one fetch) and a verdict. Pure:
 * no I/O; the caller owns every array (bootlog_client_free). */
#ifndef PR_BOOTLOG_STAGE_H
#define PR_BOOTLOG_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum bootlog_event_kind {
    BOOTLOG_EV_DISCOVER,
    BOOTLOG_EV_OFFER,
    BOOTLOG_EV_REQUEST,
    BOOTLOG_EV_ACK,
    BOOTLOG_EV_NAK,
    BOOTLOG_EV_TFTP_REQUEST,   /* tftpd-hpa's RRQ: asked (its end is not logged) */
    BOOTLOG_EV_TFTP_SENT,      /* dnsmasq: sent in full */
    BOOTLOG_EV_TFTP_NOT_FOUND, /* dnsmasq: no such file */
    BOOTLOG_EV_TFTP_FAILED,    /* dnsmasq: the transfer broke off */
    BOOTLOG_EV_HTTP,           /* an access log's GET, with its status */
};

/* One line that matters, as the timeline keeps it. */
struct bootlog_event {
    int64_t time_us;
    uint64_t mac;      /* DHCP: the client's; fetches: joined through the ACKs, 0 none */
    uint32_t ip;       /* DHCP: offered/acked address; fetches: the client's */
    uint32_t file_off; /* fetches: the name in the timeline's text (see file) */
    uint16_t file_len; /* fetches: its length */
    uint16_t status;   /* HTTP status */
    uint8_t kind;      /* enum bootlog_event_kind */
    uint8_t program;   /* index into bootlog_program_names */
    uint8_t named;     /* fetches: bootlog_file_stage of the name plus 1; 0 not worked out yet */
    uint16_t source;   /* which input file (0-based) */
    uint32_t line;     /* its line number there (1-based) */
    const char *file;  /* fetches: the name, once reading is over */
};

extern const char
    *const bootlog_program_names[]; /* "dhcpd", "dnsmasq", "Kea", "tftpd-hpa", "http" */

enum bootlog_stage {
    BOOTLOG_STAGE_FIRMWARE_DHCP,
    BOOTLOG_STAGE_BOOT_FILE,
    BOOTLOG_STAGE_IPXE_DHCP,
    BOOTLOG_STAGE_SCRIPT,
    BOOTLOG_STAGE_KERNEL,
    BOOTLOG_STAGE_INITRD,
    BOOTLOG_STAGE_INSTALLER_DHCP,
    BOOTLOG_STAGE_PRESEED,
    BOOTLOG_STAGE_COUNT,
    BOOTLOG_STAGE_NONE = BOOTLOG_STAGE_COUNT,
};

enum bootlog_verdict {
    BOOTLOG_COMPLETE,     /* the installer got its lease (and its preseed when it asked) */
    BOOTLOG_SLOW_RENEW,   /* went through, but the chainload's DHCP took BOOTLOG_SLOW_US or more */
    BOOTLOG_NO_LEASE,     /* the firmware's DHCP never completed */
    BOOTLOG_TFTP_TIMEOUT, /* a lease, and no TFTP request after it */
    BOOTLOG_TFTP_NOT_FOUND, /* the boot file is not on the TFTP server */
    BOOTLOG_TFTP_FAILED,    /* the boot file's transfer broke off */
    BOOTLOG_RENEW_FAILED,   /* the boot file went out; the chainload's DHCP never completed */
    BOOTLOG_HTTP_FAILED,    /* script, kernel or initrd: an error status, or never asked for */
    BOOTLOG_INSTALLER_DHCP_FAILED, /* kernel and initrd fetched; the installer's DHCP never
                                      completed */
    BOOTLOG_PRESEED_FAILED,        /* the preseed/kickstart file: an error status */
    BOOTLOG_LEASE_ONLY,            /* a lease and nothing more, and no TFTP log was read: unknown */
    BOOTLOG_NEEDS_HTTP_LOG, /* the iPXE lease and nothing more, and no HTTP log was read: unknown */
    BOOTLOG_SCRIPT_LAST,    /* the script came and nothing after it was fetched: unknown (the
                               script may boot from elsewhere: sanboot, exit to the local disk) */
    BOOTLOG_VERDICT_COUNT,
};

/* Chainload to iPXE lease slower than this: slow-renew. */
#define BOOTLOG_SLOW_US      (10 * 1000000LL)
#define BOOTLOG_ROUND_GAP_US (60 * 1000000LL) /* DISCOVERs further apart start a new round */

/* One row of a boot's timeline: a DHCP round or one fetch. */
struct bootlog_row {
    enum bootlog_stage stage;
    bool dhcp;
    int64_t start_us, end_us;
    size_t first, last; /* indexes into the client's events */
    /* DHCP rounds */
    unsigned discovers, offers, requests, acks, naks;
    uint32_t ip; /* acked (or offered) address */
    bool complete;
    /* fetches */
    const struct bootlog_event *fetch;
    bool ok;
};

struct bootlog_boot {
    struct bootlog_row *rows;
    size_t n_rows, cap_rows;
    enum bootlog_verdict verdict;
    enum bootlog_stage failed_stage;   /* NONE for complete, slow-renew and the unknowns */
    int64_t renew_us;                  /* boot file to the iPXE lease; -1 when not both seen */
    int64_t round_us;                  /* the iPXE round's first DISCOVER to its ACK; -1 none */
    const struct bootlog_row *culprit; /* the row the verdict is about; NULL none */
};

struct bootlog_client {
    uint64_t mac; /* 0: fetches of an address no ACK gave out */
    uint32_t ip;  /* the latest acked address (for mac 0: the fetches' address) */
    const struct bootlog_event **events;
    size_t n_events, cap_events;
    struct bootlog_boot *boots;
    size_t n_boots;
};

/* Which logs were read: a stage whose server's log was not read cannot be
 * said to have failed. */
struct bootlog_logs {
    bool tftp;
    bool http;
};

/* Splits c's events into boots and judges each; -1 when out of memory. */
int bootlog_client_judge(struct bootlog_client *c, const struct bootlog_logs *logs);
void bootlog_client_free(struct bootlog_client *c);

/* The last boot's verdict (complete when there is none). */
enum bootlog_verdict bootlog_client_verdict(const struct bootlog_client *c);

const char *bootlog_stage_name(enum bootlog_stage s);     /* "firmware-dhcp", ... */
const char *bootlog_verdict_name(enum bootlog_verdict v); /* "complete", "renew-failed", ... */
/* 0 complete, 1 slow-renew, 2 failed, 3 unknown (its log was not read). */
int bootlog_verdict_severity(enum bootlog_verdict v);

/* What the operator sees at the console for v (the firmware's, iPXE's or
 * the installer's own words) and whose words they are; NULL when none. */
const char *bootlog_verdict_console(enum bootlog_verdict v);
const char *bootlog_verdict_console_source(enum bootlog_verdict v);

/* The stage a fetched file's name belongs to, by its name alone:
 * SCRIPT for anything not recognised; BOOT_FILE for network boot
 * programs (pxelinux.0, undionly.kpxe, *.efi, *.c32...). */
enum bootlog_stage bootlog_file_stage(const char *name, size_t len);

#endif
