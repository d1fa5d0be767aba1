/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct follow_state {
    const struct dhcplog_input_options *options;
    int64_t deadline_ms; /* 0 none */
};

static bool stopped(const struct follow_state *f)
{
    if (f->options->stop != NULL && *f->options->stop)
        return true;
    return f->deadline_ms != 0 && monotonic_ms() >= f->deadline_ms;
}

static void nap(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL); /* a signal cuts it short, which is what we want */
}

static int read_error(const char *path, struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_IO, "cannot read %s: %s", path, strerror(errno));
}

/* Most bytes one drain takes before the caller looks at the stop flag,
 * the deadline and the file's name again: a file that never ends (a link
 * to /dev/zero, a device) is read in bounded steps, never to its end. */
#define DRAIN_MAX ((ssize_t)1 << 20)

/* Reads fd to its current end, or (f not NULL) DRAIN_MAX bytes, or until
 * a signal that set f's stop flag. Returns bytes read, or -1; *more is
 * set when it stopped before the end. */
static ssize_t drain(struct dhcplog_splitter *sp, int fd, const struct follow_state *f, bool *more)
{
    ssize_t total = 0;
    if (more != NULL)
        *more = false;
    for (;;) {
        if (f != NULL && total >= DRAIN_MAX) {
            if (more != NULL)
                *more = true;
            return total;
        }
        ssize_t n = dhcplog_splitter_read(sp, fd);
        if (n > 0) {
            total += n;
            continue;
        }
        if (n == 0)
            return total;
        if (errno == EINTR && (f == NULL || !stopped(f)))
            continue;
        if (errno == EINTR)
            return total;
        return -1;
    }
}

/* Follows a pipe or terminal: ends when the writer closes it. */
static int follow_stream(const char *path, int fd, struct dhcplog_splitter *sp,
                         const struct follow_state *f, struct pr_error *err)
{
    while (!stopped(f)) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int ready = poll(&p, 1, f->options->poll_ms);
        if (ready < 0 && errno != EINTR)
            return read_error(path, err);
        if (ready <= 0)
            continue;
        ssize_t n = dhcplog_splitter_read(sp, fd);
        if (n == 0)
            break;
        if (n < 0 && errno != EINTR)
            return read_error(path, err);
    }
    return dhcplog_splitter_flush(sp) == 0 ? 0 : read_error(path, err);
}

/* Follows a regular file by name (rotation aware); fd is open on it. */
static int follow_file(const char *path, int fd, bool by_name, struct dhcplog_splitter *sp,
                       const struct follow_state *f, struct pr_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return read_error(path, err);
    dev_t dev = st.st_dev;
    ino_t ino = st.st_ino;
    off_t offset = 0;
    int rc = 0;
    for (;;) {
        bool more;
        ssize_t n = drain(sp, fd, f, &more);
        if (n < 0) {
            rc = read_error(path, err);
            break;
        }
        offset += n;
        if (stopped(f))
            break;
        if (by_name && stat(path, &st) == 0) {
            if (st.st_dev != dev || st.st_ino != ino) {
                /* Rotated: finish the old file, then open the new one. */
                int fresh = open(path, O_RDONLY | O_CLOEXEC);
                if (fresh >= 0) {
                    if (drain(sp, fd, f, NULL) < 0 || dhcplog_splitter_flush(sp) != 0) {
                        close(fresh);
                        rc = read_error(path, err);
                        break;
                    }
                    close(fd);
                    fd = fresh;
                    if (fstat(fd, &st) != 0) {
                        rc = read_error(path, err);
                        break;
                    }
                    dev = st.st_dev;
                    ino = st.st_ino;
                    offset = 0;
                    continue;
                }
            } else if (st.st_size < offset) {
                /* Truncated in place: start over. */
                if (lseek(fd, 0, SEEK_SET) == 0) {
                    dhcplog_splitter_drop(sp);
                    offset = 0;
                    continue;
                }
            }
        }
        if (!more)
            nap(f->options->poll_ms);
    }
    if (rc == 0 && dhcplog_splitter_flush(sp) != 0)
        rc = read_error(path, err);
    if (by_name)
        close(fd);
    return rc;
}

static bool is_dev_null(const struct stat *st)
{
    struct stat null;
    return stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) && null.st_rdev == st->st_rdev;
}

int dhcplog_input_read(const char *path, struct dhcplog_splitter *sp,
                       const struct dhcplog_input_options *options, struct pr_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            errno = EISDIR;
        int rc = read_error(name, err);
        if (!is_stdin)
            close(fd);
        return rc;
    }
    /* A device is no log: /dev/zero or a disk would be read forever
     * (/dev/null, empty, is harmless: standard input is often it). */
    if ((S_ISCHR(st.st_mode) && !isatty(fd) && !is_dev_null(&st)) || S_ISBLK(st.st_mode)) {
        if (!is_stdin)
            close(fd);
        return pr_error_set(err, PR_ERR_INPUT,
                            "cannot read %s: a %s device, not a log (give a file, a pipe or -)",
                            name, S_ISBLK(st.st_mode) ? "block" : "character");
    }
    struct dhcplog_input_options defaults = *options;
    if (defaults.poll_ms <= 0)
        defaults.poll_ms = 100;
    struct follow_state f = {.options = &defaults, .deadline_ms = 0};
    if (options->follow && options->follow_ms > 0)
        f.deadline_ms = monotonic_ms() + options->follow_ms;

    if (options->follow) {
        if (S_ISREG(st.st_mode))
            return follow_file(name, fd, !is_stdin, sp, &f, err);
        int rc = follow_stream(name, fd, sp, &f, err);
        if (!is_stdin)
            close(fd);
        return rc;
    }
    int rc = 0;
    if (drain(sp, fd, NULL, NULL) < 0 || dhcplog_splitter_flush(sp) != 0)
        rc = read_error(name, err);
    if (!is_stdin)
        close(fd);
    return rc;
}
