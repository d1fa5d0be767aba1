/* SPDX-License-Identifier: BSD-3-Clause */
/* Test tool: fetches a configuration with netconf_get_config() and prints
 * the <data> XML, one document per line; on error prints it and exits 3.
 *
 *   pr_netconf_get --netconf [USER@]HOST[:PORT] [--ssh-key FILE]
 *                  [--password-file FILE] [--known-hosts FILE]
 *                  [--accept-new-hostkey] [-t SECONDS]
 *                  [--filter junos|iosxe|none] [--threads N] [--repeat N]
 *
 * The password comes from --password-file or PORTREADY_NETCONF_PASSWORD.
 * --threads N runs N fetches at once, one per thread, in this process.
 * --repeat N does it all N times and then checks that the process holds no
 * more file descriptors than before the first fetch (exit 4 if it does). */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "netconf/netconf.h"
#include "util/strutil.h"

#define GET_MAX_THREADS 16

struct get_job {
    const struct netconf_options *opts;
    const char *filter;
    char *xml;
    size_t len;
    struct pr_error err;
    int rc;
};

static void *get_run(void *arg)
{
    struct get_job *job = arg;
    job->rc = netconf_get_config(job->opts, job->filter, &job->xml, &job->len, &job->err);
    return NULL;
}

static int get_read_password(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    if (fgets(buf, (int)len, f) == NULL)
        buf[0] = '\0';
    fclose(f);
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

static int get_open_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL)
        return -1;
    int n = 0;
    while (readdir(dir) != NULL)
        n++;
    closedir(dir);
    return n;
}

static int get_usage(const char *why)
{
    fprintf(stderr, "pr_netconf_get: %s\n", why);
    return 3;
}

static int get_round(const struct netconf_options *opts, const char *filter, int threads);

int main(int argc, char **argv)
{
    struct netconf_options opts;
    netconf_options_init(&opts);
    const char *filter = NULL;
    int threads = 1, repeat = 1;
    struct pr_error err = {0};
    bool have_target = false;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--accept-new-hostkey") == 0) {
            opts.accept_new_hostkey = true;
            continue;
        }
        if (value == NULL)
            return get_usage("missing value after an option");
        i++;
        if (strcmp(arg, "--netconf") == 0) {
            if (netconf_target_parse(value, &opts, &err) != 0)
                return get_usage(err.msg);
            have_target = true;
        } else if (strcmp(arg, "--ssh-key") == 0) {
            pr_strlcpy(opts.ssh_key, value, sizeof opts.ssh_key);
        } else if (strcmp(arg, "--password-file") == 0) {
            if (get_read_password(value, opts.password, sizeof opts.password) != 0)
                return get_usage("cannot read the password file");
        } else if (strcmp(arg, "--known-hosts") == 0) {
            pr_strlcpy(opts.known_hosts, value, sizeof opts.known_hosts);
        } else if (strcmp(arg, "-t") == 0) {
            opts.timeout_s = strtod(value, NULL);
        } else if (strcmp(arg, "--filter") == 0) {
            if (strcmp(value, "junos") == 0)
                filter = pr_driver_juniper.netconf_filter;
            else if (strcmp(value, "iosxe") == 0)
                filter = pr_driver_cisco.netconf_filter;
            else if (strcmp(value, "none") == 0)
                filter = NULL;
            else
                return get_usage("--filter takes junos, iosxe or none");
        } else if (strcmp(arg, "--threads") == 0) {
            threads = atoi(value);
            if (threads < 1 || threads > GET_MAX_THREADS)
                return get_usage("--threads takes 1 to 16");
        } else if (strcmp(arg, "--repeat") == 0) {
            repeat = atoi(value);
            if (repeat < 1)
                return get_usage("--repeat takes a positive count");
        } else {
            return get_usage("unknown option");
        }
    }
    if (!have_target)
        return get_usage("--netconf [USER@]HOST[:PORT] is required");
    const char *env = getenv(NETCONF_PASSWORD_ENV);
    if (opts.password[0] == '\0' && env != NULL)
        pr_strlcpy(opts.password, env, sizeof opts.password);

    int fds_before = get_open_fds();
    int status = 0;
    for (int round = 0; round < repeat; round++) {
        if (get_round(&opts, filter, threads) != 0)
            status = 3;
    }
    int fds_after = get_open_fds();
    if (fds_after > fds_before) {
        fprintf(stderr, "pr_netconf_get: descriptor leak: %d open before, %d after\n", fds_before,
                fds_after);
        return 4;
    }
    return status;
}

static int get_round(const struct netconf_options *opts, const char *filter, int threads)
{
    struct get_job jobs[GET_MAX_THREADS];
    pthread_t ids[GET_MAX_THREADS];
    for (int t = 0; t < threads; t++) {
        jobs[t] = (struct get_job){.opts = opts, .filter = filter};
        if (threads == 1)
            get_run(&jobs[t]);
        else if (pthread_create(&ids[t], NULL, get_run, &jobs[t]) != 0)
            return get_usage("cannot start a thread"); /* test tool: leaks the rest */
    }
    int status = 0;
    for (int t = 0; t < threads; t++) {
        if (threads > 1)
            pthread_join(ids[t], NULL);
        if (jobs[t].rc != 0) {
            fprintf(stderr, "pr_netconf_get: %s error: %s\n", pr_error_code_name(jobs[t].err.code),
                    jobs[t].err.msg);
            status = 3;
        } else {
            printf("%s\n", jobs[t].xml);
        }
        free(jobs[t].xml);
    }
    return status;
}
