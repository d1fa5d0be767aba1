/* SPDX-License-Identifier: BSD-3-Clause */
/* known_hosts markers: @revoked of the server's key whatever the hosts,
 * @cert-authority by host pattern (wildcards, negation, ports), revoked
 * before authority across files, lines that are no markers or do not
 * parse, missing and unreadable files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ssh/known_hosts.h"

static char tmpdir[256];
static ssh_key server, other, ca;
static char server_line[200], other_line[200], ca_line[200]; /* "ssh-ed25519 BASE64" */

static void key_line(ssh_key key, char *out, size_t len)
{
    char *b64 = NULL;
    assert_int_equal(ssh_pki_export_pubkey_base64(key, &b64), SSH_OK);
    snprintf(out, len, "ssh-ed25519 %s", b64);
    ssh_string_free_char(b64);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/portready-kh.XXXXXX");
    if (mkdtemp(tmpdir) == NULL)
        return -1;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &server) != SSH_OK ||
        ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &other) != SSH_OK ||
        ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &ca) != SSH_OK)
        return -1;
    key_line(server, server_line, sizeof server_line);
    key_line(other, other_line, sizeof other_line);
    key_line(ca, ca_line, sizeof ca_line);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ssh_key_free(server);
    ssh_key_free(other);
    ssh_key_free(ca);
    char cmd[320];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes text to tmpdir/name; returns the path (static, one per name
 * slot). */
static const char *write_file(int slot, const char *name, const char *text)
{
    static char paths[4][512];
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", tmpdir, name);
    FILE *f = fopen(paths[slot], "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return paths[slot];
}

/* The marker found for host in one file of text. */
static struct known_hosts_mark find(const char *host, const char *text)
{
    const char *files[] = {write_file(0, "known_hosts", text)};
    struct known_hosts_mark mark;
    struct pr_error err = {0};
    assert_int_equal(known_hosts_find_marker(host, server, files, 1, &mark, &err), 0);
    return mark;
}

static void test_revoked(void **state)
{
    (void)state;
    char text[1024];
    /* Whatever hosts the line names; comments and plain lines around it;
     * leading blanks and a tab after the marker. */
    snprintf(text, sizeof text,
             "# switches\n[10.0.0.1]:830 %s\n\n  @revoked\tsomewhere.else %s retired\n",
             server_line, server_line);
    struct known_hosts_mark mark = find("[10.0.0.1]:830", text);
    assert_int_equal(mark.marker, KNOWN_HOSTS_REVOKED);
    assert_int_equal(mark.line, 4);
    assert_string_equal(mark.file, write_file(0, "known_hosts", text));

    /* Another key revoked: nothing. */
    snprintf(text, sizeof text, "@revoked * %s\n[10.0.0.1]:830 %s\n", other_line, server_line);
    assert_int_equal(find("[10.0.0.1]:830", text).marker, KNOWN_HOSTS_NO_MARKER);
}

static void test_cert_authority(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "@cert-authority core1,*.rack12.example %s\n", ca_line);
    struct known_hosts_mark mark = find("SW1.rack12.example", text);
    assert_int_equal(mark.marker, KNOWN_HOSTS_CERT_AUTHORITY);
    assert_int_equal(mark.line, 1);
    assert_int_equal(find("core1", text).marker, KNOWN_HOSTS_CERT_AUTHORITY);
    assert_int_equal(find("sw1.rack13.example", text).marker, KNOWN_HOSTS_NO_MARKER);
    /* Ports: a bare name is port 22 only. */
    snprintf(text, sizeof text, "@cert-authority [10.0.0.1]:830 %s\n", ca_line);
    assert_int_equal(find("[10.0.0.1]:830", text).marker, KNOWN_HOSTS_CERT_AUTHORITY);
    assert_int_equal(find("[10.0.0.1]:831", text).marker, KNOWN_HOSTS_NO_MARKER);
    snprintf(text, sizeof text, "@cert-authority 10.0.0.1 %s\n", ca_line);
    assert_int_equal(find("10.0.0.1", text).marker, KNOWN_HOSTS_CERT_AUTHORITY);
    assert_int_equal(find("[10.0.0.1]:830", text).marker, KNOWN_HOSTS_NO_MARKER);
}

/* Revoked wins over an authority met first, also in a later file. */
static void test_revoked_first(void **state)
{
    (void)state;
    char a[512], b[512];
    snprintf(a, sizeof a, "@cert-authority * %s\n", ca_line);
    snprintf(b, sizeof b, "host %s\n@revoked host %s\n", server_line, server_line);
    const char *files[] = {write_file(1, "a", a), NULL, "", write_file(2, "b", b)};
    struct known_hosts_mark mark;
    struct pr_error err = {0};
    assert_int_equal(known_hosts_find_marker("host", server, files, 4, &mark, &err), 0);
    assert_int_equal(mark.marker, KNOWN_HOSTS_REVOKED);
    assert_string_equal(mark.file, files[3]);
    assert_int_equal(mark.line, 2);
}

/* Lines that are no markers, unknown markers, marker lines that do not
 * parse: nothing (libssh judges the rest). */
static void test_not_markers(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text,
             "host %s\n@Revoked * %s\n@revoked* %s\n@foo * %s\n@revoked * ssh-ed25519 AAAA!\n"
             "@revoked\n@cert-authority\n# @revoked * %s\n",
             server_line, server_line, server_line, server_line, server_line);
    assert_int_equal(find("host", text).marker, KNOWN_HOSTS_NO_MARKER);
}

static void test_files(void **state)
{
    (void)state;
    struct known_hosts_mark mark;
    struct pr_error err = {0};
    char missing[600];
    snprintf(missing, sizeof missing, "%s/no-such-file", tmpdir);
    const char *none[] = {missing, "/nonexistent/dir/known_hosts"};
    assert_int_equal(known_hosts_find_marker("host", server, none, 2, &mark, &err), 0);
    assert_int_equal(mark.marker, KNOWN_HOSTS_NO_MARKER);

    const char *dir[] = {tmpdir};
    assert_int_equal(known_hosts_find_marker("host", server, dir, 1, &mark, &err), -1);
    assert_int_equal(err.code, PR_ERR_IO);
    char want[600];
    snprintf(want, sizeof want, "cannot read known_hosts file %s", tmpdir);
    assert_string_equal(err.msg, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_revoked),       cmocka_unit_test(test_cert_authority),
        cmocka_unit_test(test_revoked_first), cmocka_unit_test(test_not_markers),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
