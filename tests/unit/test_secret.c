/* SPDX-License-Identifier: BSD-3-Clause */
/* Secrets from files and the environment: first line only, limits, modes,
 * pipes, and messages that name the source but never the value. */
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

#include "util/secret.h"

static char tmpdir[256];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/portready-secret.XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[320];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes len bytes to tmpdir/name (mode 0600); returns the path. */
static const char *write_bytes(const char *name, const char *data, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    assert_int_equal(chmod(path, 0600), 0);
    return path;
}

static const char *write_text(const char *name, const char *text)
{
    return write_bytes(name, text, strlen(text));
}

static void test_first_line(void **state)
{
    (void)state;
    char out[64], warning[256];
    struct pr_error err = {0};
    const char *path = write_text("two-lines", "s3cret\nnot this\n");
    assert_int_equal(secret_read_file(path, out, sizeof out, warning, sizeof warning, &err), 0);
    assert_string_equal(out, "s3cret");
    assert_string_equal(warning, "");

    path = write_text("crlf", "dos-secret\r\n");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), 0);
    assert_string_equal(out, "dos-secret");

    path = write_text("no-newline", "bare");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), 0);
    assert_string_equal(out, "bare");
}

static void test_length_limit(void **state)
{
    (void)state;
    char out[8]; /* room for 7 characters */
    struct pr_error err = {0};
    const char *path = write_text("seven", "1234567\n");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), 0);
    assert_string_equal(out, "1234567");
    path = write_text("seven-eof", "1234567");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), 0);
    assert_string_equal(out, "1234567");

    path = write_text("eight", "12345678\n");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    char want[600];
    snprintf(want, sizeof want, "the secret in credential file %s is longer than 7 characters",
             path);
    assert_string_equal(err.msg, want);
    /* Wiped on failure. */
    for (size_t i = 0; i < sizeof out; i++)
        assert_int_equal(out[i], 0);
}

static void test_bad_files(void **state)
{
    (void)state;
    char out[64];
    struct pr_error err = {0};
    char want[600];

    const char *path = write_text("empty", "");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), -1);
    snprintf(want, sizeof want, "credential file %s is empty (the secret is its first line)", path);
    assert_string_equal(err.msg, want);

    path = write_text("blank-first", "\nsecond\n");
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);

    path = write_bytes("nul", "ab\0cd\n", 6);
    assert_int_equal(secret_read_file(path, out, sizeof out, NULL, 0, &err), -1);
    snprintf(want, sizeof want, "credential file %s contains a NUL byte", path);
    assert_string_equal(err.msg, want);

    assert_int_equal(secret_read_file(tmpdir, out, sizeof out, NULL, 0, &err), -1);
    snprintf(want, sizeof want, "credential file %s is a directory", tmpdir);
    assert_string_equal(err.msg, want);

    snprintf(want, sizeof want, "%s/absent", tmpdir);
    assert_int_equal(secret_read_file(want, out, sizeof out, NULL, 0, &err), -1);
    assert_int_equal(err.code, PR_ERR_IO);
    assert_non_null(strstr(err.msg, "No such file or directory"));
}

static void test_mode_warning(void **state)
{
    (void)state;
    char out[64], warning[256], want[600];
    struct pr_error err = {0};
    const char *path = write_text("loose", "x-secret\n");
    assert_int_equal(chmod(path, 0604), 0);
    assert_int_equal(secret_read_file(path, out, sizeof out, warning, sizeof warning, &err), 0);
    snprintf(want, sizeof want,
             "credential file %s is readable by others (mode 0604); chmod 600 it", path);
    assert_string_equal(warning, want);
    assert_null(strstr(warning, "x-secret"));

    assert_int_equal(chmod(path, 0440), 0);
    assert_int_equal(secret_read_file(path, out, sizeof out, warning, sizeof warning, &err), 0);
    snprintf(want, sizeof want,
             "credential file %s is readable by its group (mode 0440); chmod 600 it", path);
    assert_string_equal(warning, want);

    /* Writable but not readable by the group: nothing to say. */
    assert_int_equal(chmod(path, 0620), 0);
    assert_int_equal(secret_read_file(path, out, sizeof out, warning, sizeof warning, &err), 0);
    assert_string_equal(warning, "");
}

/* A pipe (what --password-file <(cmd) gives): read to the first newline,
 * no mode warning. */
static void test_pipe(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char *text = "piped-secret\nrest\n";
    assert_int_equal(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
    close(fds[1]);
    char path[64], out[64], warning[256];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    struct pr_error err = {0};
    assert_int_equal(secret_read_file(path, out, sizeof out, warning, sizeof warning, &err), 0);
    assert_string_equal(out, "piped-secret");
    assert_string_equal(warning, "");
    close(fds[0]);
}

static void test_env(void **state)
{
    (void)state;
    char out[8];
    struct pr_error err = {0};
    setenv("PR_TEST_SECRET", "abc", 1);
    assert_int_equal(secret_from_env("PR_TEST_SECRET", out, sizeof out, &err), 0);
    assert_string_equal(out, "abc");

    setenv("PR_TEST_SECRET", "12345678", 1); /* 8 > 7 */
    assert_int_equal(secret_from_env("PR_TEST_SECRET", out, sizeof out, &err), -1);
    assert_string_equal(err.msg,
                        "the value of environment variable PR_TEST_SECRET is longer than 7 "
                        "characters");

    setenv("PR_TEST_SECRET", "", 1);
    assert_int_equal(secret_from_env("PR_TEST_SECRET", out, sizeof out, &err), -1);
    assert_string_equal(err.msg, "environment variable PR_TEST_SECRET is empty");

    unsetenv("PR_TEST_SECRET");
    assert_int_equal(secret_from_env("PR_TEST_SECRET", out, sizeof out, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_string_equal(err.msg, "environment variable PR_TEST_SECRET is not set");

    assert_int_equal(secret_from_env("1BAD", out, sizeof out, &err), -1);
    assert_string_equal(err.msg,
                        "'1BAD' is not an environment variable name (letters, digits and _)");
    assert_int_equal(secret_from_env("", out, sizeof out, &err), -1);
}

extern char **environ;

/* secret_take_env copies then wipes: the value is overwritten where it
 * lies (every entry of a name given twice) and the variable is gone, also
 * when the copy fails. secret_wipe_env only wipes. */
static void test_take_env(void **state)
{
    (void)state;
    char out[8];
    struct pr_error err = {0};
    setenv("PR_TEST_TAKE", "abc", 1);
    char *value = getenv("PR_TEST_TAKE");
    assert_int_equal(secret_take_env("PR_TEST_TAKE", out, sizeof out, &err), 0);
    assert_string_equal(out, "abc");
    assert_null(getenv("PR_TEST_TAKE"));
    assert_memory_equal(value, "\0\0\0", 3);

    setenv("PR_TEST_TAKE", "12345678", 1); /* 8 > 7 */
    value = getenv("PR_TEST_TAKE");
    assert_int_equal(secret_take_env("PR_TEST_TAKE", out, sizeof out, &err), -1);
    assert_string_equal(err.msg, "the value of environment variable PR_TEST_TAKE is longer than 7 "
                                 "characters");
    assert_null(getenv("PR_TEST_TAKE"));
    assert_int_equal(value[0], '\0');
    assert_int_equal(secret_take_env("PR_TEST_TAKE", out, sizeof out, &err), -1);
    assert_string_equal(err.msg, "environment variable PR_TEST_TAKE is not set");

    /* The same name twice, as execve() may hand it over. */
    char first[] = "PR_TEST_TWICE=one", second[] = "PR_TEST_TWICE=two";
    char *env[] = {first, second, NULL};
    char **saved = environ;
    environ = env;
    secret_wipe_env("PR_TEST_TWICE");
    environ = saved;
    assert_memory_equal(first + 14, "\0\0\0", 3);
    assert_memory_equal(second + 14, "\0\0\0", 3);

    secret_wipe_env("PR_TEST_NEVER_SET");
    secret_wipe_env("1BAD");
    secret_wipe_env(NULL);
}

static void test_wipe(void **state)
{
    (void)state;
    char buf[16];
    memset(buf, 'x', sizeof buf);
    secret_wipe(buf, sizeof buf);
    for (size_t i = 0; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0);
    secret_wipe(NULL, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_line), cmocka_unit_test(test_length_limit),
        cmocka_unit_test(test_bad_files),  cmocka_unit_test(test_mode_warning),
        cmocka_unit_test(test_pipe),       cmocka_unit_test(test_env),
        cmocka_unit_test(test_take_env),   cmocka_unit_test(test_wipe),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
