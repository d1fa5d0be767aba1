/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define LOCK_DIR      "/run/portready"
#define CAP_NET_ADMIN 12

static socklen_t lock_address(const char *key, struct sockaddr_un *sa)
{
    memset(sa, 0, sizeof *sa);
    sa->sun_family = AF_UNIX;
    /* sun_path[0] = 0: the abstract namespace, scoped to this netns. */
    int len = snprintf(sa->sun_path + 1, sizeof sa->sun_path - 1, "portready-time/%s", key);
    if (len < 0 || (size_t)len >= sizeof sa->sun_path - 1)
        len = (int)sizeof sa->sun_path - 2;
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)len);
}

bool timer_lock_status_has_net_admin(const char *status)
{
    const char *line = strstr(status, "\nCapEff:");
    if (line == NULL)
        return false;
    char *end;
    unsigned long long caps = strtoull(line + strlen("\nCapEff:"), &end, 16);
    return end != line + strlen("\nCapEff:") && (caps >> CAP_NET_ADMIN & 1) != 0;
}

/* Could this process take a link down? Unknown (gone, hidden) counts as yes:
 * only a holder proven unable is a squatter. */
static bool may_take_links_down(const struct ucred *cred)
{
    if (cred->uid == 0 || cred->pid <= 0)
        return true;
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/status", (long)cred->pid);
    FILE *f = fopen(path, "re");
    if (f == NULL)
        return true;
    char text[4096];
    size_t n = fread(text + 1, 1, sizeof text - 2, f);
    fclose(f);
    text[0] = '\n';
    text[n + 1] = '\0';
    return timer_lock_status_has_net_admin(text);
}

/* The socket part. Returns 0 held, 1 squatted (*squatter filled), -1 held
 * by a genuine portready or failed (err). */
static int lock_socket(struct timer_lock *lock, const char *key, const char *what,
                       struct ucred *squatter, struct pr_error *err)
{
    struct sockaddr_un sa;
    socklen_t salen = lock_address(key, &sa);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "lock socket: %s", strerror(errno));
    if (bind(fd, (struct sockaddr *)&sa, salen) == 0 && listen(fd, 4) == 0) {
        lock->sock = fd;
        return 0;
    }
    int e = errno;
    close(fd);
    if (e != EADDRINUSE)
        return pr_error_set(err, PR_ERR_IO, "lock %s: %s", what, strerror(e));
    /* Ask the holder who it is. Without waiting: the holder accepts no
     * connection, and once its queue is full (every asker's connection
     * stays in it) a blocking connect would wait for ever. */
    struct ucred cred = {.pid = -1, .uid = 0, .gid = 0};
    bool known = false, full = false;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, salen) == 0) {
        socklen_t len = sizeof cred;
        known = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0;
    } else if (fd >= 0) {
        full = errno == EAGAIN;
    }
    if (fd >= 0)
        close(fd);
    if (known && !may_take_links_down(&cred)) {
        *squatter = cred;
        return 1;
    }
    if (known && cred.pid > 0)
        return pr_error_set(err, PR_ERR_USAGE,
                            "another portready time (pid %ld) is already at work on %s",
                            (long)cred.pid, what);
    if (full)
        return pr_error_set(err, PR_ERR_USAGE,
                            "the lock of %s is held by a process whose queue is full, so it "
                            "cannot say who it is: another portready time may be at work",
                            what);
    return pr_error_set(err, PR_ERR_USAGE, "another portready time is already at work on %s", what);
}

/* The file part (root only). Returns 0 held, 1 when there is no /run to
 * keep it in (a read-only rescue system: the socket alone then), -1 (err). */
static int lock_file(struct timer_lock *lock, const char *key, const char *what,
                     struct pr_error *err)
{
    if (mkdir(LOCK_DIR, 0700) < 0 && errno != EEXIST) {
        if (errno == EROFS || errno == ENOENT)
            return 1;
        return pr_error_set(err, PR_ERR_IO, "creating %s: %s", LOCK_DIR, strerror(errno));
    }
    struct stat st;
    if (lstat(LOCK_DIR, &st) < 0)
        return pr_error_set(err, PR_ERR_IO, "%s: %s", LOCK_DIR, strerror(errno));
    if (!S_ISDIR(st.st_mode) || st.st_uid != 0 || (st.st_mode & 022) != 0)
        return pr_error_set(err, PR_ERR_IO,
                            "%s is not a directory of root's that only root may write: refusing "
                            "to keep the lock there",
                            LOCK_DIR);
    /* The network namespace's inode keeps namespaces apart. */
    struct stat ns;
    if (stat("/proc/self/ns/net", &ns) < 0)
        ns.st_ino = 0;
    char path[512];
    int len = snprintf(path, sizeof path, LOCK_DIR "/time-net%llu-", (unsigned long long)ns.st_ino);
    for (const char *c = key; *c != '\0' && len > 0 && (size_t)len < sizeof path - 6; c++)
        path[len++] = (*c == '/' || *c == '.') ? '_' : *c;
    if (len < 0 || (size_t)len >= sizeof path - 6)
        return pr_error_set(err, PR_ERR_USAGE, "lock name of %s is too long", what);
    strcpy(path + len, ".lock");
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == EROFS)
        return 1;
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "lock %s: %s", path, strerror(errno));
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (fcntl(fd, F_OFD_SETLK, &fl) < 0) {
        int e = errno;
        char pid[32] = "";
        ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
        close(fd);
        if (e != EAGAIN && e != EACCES)
            return pr_error_set(err, PR_ERR_IO, "lock %s: %s", path, strerror(e));
        long holder = n > 0 ? strtol(pid, NULL, 10) : 0;
        if (holder > 0)
            return pr_error_set(err, PR_ERR_USAGE,
                                "another portready time (pid %ld) is already at work on %s", holder,
                                what);
        return pr_error_set(err, PR_ERR_USAGE, "another portready time is already at work on %s",
                            what);
    }
    char pid[32];
    int plen = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) < 0 || pwrite(fd, pid, (size_t)plen, 0) != plen) {
        /* The lock holds without the pid: messages just cannot name it. */
    }
    lock->file = fd;
    return 0;
}

int timer_lock_acquire(struct timer_lock *lock, const char *key, const char *what,
                       struct pr_error *err)
{
    lock->sock = lock->file = -1;
    if (geteuid() == 0 && lock_file(lock, key, what, err) < 0)
        return -1;
    struct ucred squatter = {.pid = -1, .uid = 0, .gid = 0};
    int rc = lock_socket(lock, key, what, &squatter, err);
    if (rc < 0) {
        timer_lock_release(lock);
        return -1;
    }
    if (rc == 1 && lock->file < 0)
        return pr_error_set(
            err, PR_ERR_USAGE,
            "the lock of %s is taken by pid %ld of uid %ld, which cannot take links "
            "down (no CAP_NET_ADMIN): it squats the name; run as root, whose lock "
            "it cannot take",
            what, (long)squatter.pid, (long)squatter.uid);
    /* rc == 1 as root: the file lock is the one that counts. */
    return 0;
}

void timer_lock_release(struct timer_lock *lock)
{
    if (lock == NULL)
        return;
    if (lock->sock >= 0)
        close(lock->sock);
    if (lock->file >= 0)
        close(lock->file);
    lock->sock = lock->file = -1;
}
