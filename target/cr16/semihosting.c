/*
 * CR16 semihosting: the GNU simulator's system calls (toolchain-abi.md 5.3).
 *
 * A program built for cr16-elf-run asks for host services with EXCP: the
 * call number in r0, arguments in r2..r5 (32-bit values split low half
 * first across two registers), 16-bit results in r0, 32-bit ones in
 * (r1,r0), and r4 = errno when the 16-bit result is 0xFFFF, else 0.
 *
 * Nothing the guest passes is trusted: paths and buffers are copied
 * through CR16Mem with bounded lengths, a bad pointer yields EFAULT, and
 * the guest can only use the host descriptors it opened itself (plus
 * stdin/stdout/stderr), so it cannot reach the emulator's own sockets.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/cr16/cr16-arch.h"

#include <time.h>

/* Longest path we copy from the guest, NUL included. */
#define CR16_SEMI_PATH_MAX  4096
/* Guest descriptors; 0-2 are the host's stdin/stdout/stderr. */
#define CR16_SEMI_MAX_FILES 64

/* Host descriptor behind each guest one, -1 when free. */
static int cr16_semi_fds[CR16_SEMI_MAX_FILES];
static bool cr16_semi_fds_ready;

static void cr16_semi_init_fds(void)
{
    if (cr16_semi_fds_ready) {
        return;
    }
    for (int i = 0; i < CR16_SEMI_MAX_FILES; i++) {
        cr16_semi_fds[i] = i < 3 ? i : -1;
    }
    cr16_semi_fds_ready = true;
}

void cr16_semihosting_reset(void)
{
    cr16_semi_init_fds();
    for (int i = 3; i < CR16_SEMI_MAX_FILES; i++) {
        if (cr16_semi_fds[i] >= 0) {
            close(cr16_semi_fds[i]);
            cr16_semi_fds[i] = -1;
        }
    }
}

/* Host errno -> newlib errno (the numbers agree below 35 on Linux). */
static int cr16_semi_errno(int host)
{
    switch (host) {
    case ENOSYS:
        return CR16_U_NEWLIB_ENOSYS;
    case ENOTEMPTY:
        return CR16_U_NEWLIB_ENOTEMPTY;
    case ENAMETOOLONG:
        return CR16_U_NEWLIB_ENAMETOOLONG;
    case ELOOP:
        return CR16_U_NEWLIB_ELOOP;
    default:
        return host > 0 && host < 35 ? host : EIO;
    }
}

static int cr16_semi_host_fd(unsigned guest_fd)
{
    cr16_semi_init_fds();
    return guest_fd < CR16_SEMI_MAX_FILES ? cr16_semi_fds[guest_fd] : -1;
}

static bool cr16_semi_copy(const CR16Mem *mem, uint32_t addr, void *buf,
                           size_t len, bool is_write)
{
    if (!mem->rw) {
        return false;
    }
    return mem->rw(mem->opaque, addr, buf, len, is_write);
}

/*
 * Copy the NUL-terminated guest string at @addr.  Returns NULL and sets
 * *err (a host errno) when it is unreadable or too long.
 */
static char *cr16_semi_path(const CR16Mem *mem, uint32_t addr, int *err)
{
    g_autofree char *s = g_malloc(CR16_SEMI_PATH_MAX);

    for (size_t i = 0; i < CR16_SEMI_PATH_MAX; i++) {
        if (!cr16_semi_copy(mem, addr + i, &s[i], 1, false)) {
            *err = EFAULT;
            return NULL;
        }
        if (s[i] == '\0') {
            return g_steal_pointer(&s);
        }
    }
    *err = ENAMETOOLONG;
    return NULL;
}

static int cr16_semi_open_flags(uint32_t guest)
{
    int host;

    switch (guest & 3) {
    case CR16_U_NEWLIB_O_WRONLY:
        host = O_WRONLY;
        break;
    case CR16_U_NEWLIB_O_RDWR:
        host = O_RDWR;
        break;
    default:
        host = O_RDONLY;
        break;
    }
    if (guest & CR16_U_NEWLIB_O_APPEND) {
        host |= O_APPEND;
    }
    if (guest & CR16_U_NEWLIB_O_CREAT) {
        host |= O_CREAT;
    }
    if (guest & CR16_U_NEWLIB_O_TRUNC) {
        host |= O_TRUNC;
    }
    if (guest & CR16_U_NEWLIB_O_EXCL) {
        host |= O_EXCL;
    }
    /* Never leak guest files into anything the emulator spawns. */
    return host | O_CLOEXEC;
}

static int64_t cr16_semi_open(const CR16Mem *mem, uint32_t path_addr,
                              uint32_t flags, int *err)
{
    g_autofree char *path = cr16_semi_path(mem, path_addr, err);
    int slot, fd;

    if (!path) {
        return -1;
    }
    cr16_semi_init_fds();
    for (slot = 3; slot < CR16_SEMI_MAX_FILES; slot++) {
        if (cr16_semi_fds[slot] < 0) {
            break;
        }
    }
    if (slot == CR16_SEMI_MAX_FILES) {
        *err = EMFILE;
        return -1;
    }
    fd = open(path, cr16_semi_open_flags(flags), 0666);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    cr16_semi_fds[slot] = fd;
    return slot;
}

static int64_t cr16_semi_close(unsigned guest_fd, int *err)
{
    int fd = cr16_semi_host_fd(guest_fd);

    if (fd < 0) {
        *err = EBADF;
        return -1;
    }
    cr16_semi_fds[guest_fd] = -1;
    /* The emulator's own stdio stays open; the guest just loses it. */
    if (guest_fd >= 3 && close(fd) < 0) {
        *err = errno;
        return -1;
    }
    return 0;
}

static int64_t cr16_semi_read(const CR16Mem *mem, unsigned guest_fd,
                              uint32_t buf_addr, uint32_t count, int *err)
{
    int fd = cr16_semi_host_fd(guest_fd);
    g_autofree uint8_t *buf = NULL;
    ssize_t n;

    if (fd < 0) {
        *err = EBADF;
        return -1;
    }
    /* count is a 16-bit register, so the buffer is at most 64 KiB. */
    buf = g_malloc(count ? count : 1);
    n = read(fd, buf, count);
    if (n < 0) {
        *err = errno;
        return -1;
    }
    if (n > 0 && !cr16_semi_copy(mem, buf_addr, buf, n, true)) {
        *err = EFAULT;
        return -1;
    }
    return n;
}

static int64_t cr16_semi_write(const CR16Mem *mem, unsigned guest_fd,
                               uint32_t buf_addr, uint32_t count, int *err)
{
    int fd = cr16_semi_host_fd(guest_fd);
    g_autofree uint8_t *buf = NULL;
    ssize_t n;

    if (fd < 0) {
        *err = EBADF;
        return -1;
    }
    buf = g_malloc(count ? count : 1);
    if (count && !cr16_semi_copy(mem, buf_addr, buf, count, false)) {
        *err = EFAULT;
        return -1;
    }
    n = write(fd, buf, count);
    if (n < 0) {
        *err = errno;
        return -1;
    }
    return n;
}

static int64_t cr16_semi_lseek(unsigned guest_fd, int32_t offset,
                               uint32_t whence, int *err)
{
    int fd = cr16_semi_host_fd(guest_fd);
    off_t r;

    if (fd < 0) {
        *err = EBADF;
        return -1;
    }
    if (whence > 2) {
        *err = EINVAL;
        return -1;
    }
    /* SEEK_SET/CUR/END are 0/1/2 for newlib and the host alike. */
    r = lseek(fd, offset, (int)whence);
    if (r < 0) {
        *err = errno;
        return -1;
    }
    if (r > INT32_MAX) {
        *err = EINVAL;
        return -1;
    }
    return r;
}

static int64_t cr16_semi_rename(const CR16Mem *mem, uint32_t old_addr,
                                uint32_t new_addr, int *err)
{
    g_autofree char *from = cr16_semi_path(mem, old_addr, err);
    g_autofree char *to = NULL;

    if (!from) {
        return -1;
    }
    to = cr16_semi_path(mem, new_addr, err);
    if (!to) {
        return -1;
    }
    if (rename(from, to) < 0) {
        *err = errno;
        return -1;
    }
    return 0;
}

static int64_t cr16_semi_unlink(const CR16Mem *mem, uint32_t path_addr,
                                int *err)
{
    g_autofree char *path = cr16_semi_path(mem, path_addr, err);

    if (!path) {
        return -1;
    }
    if (unlink(path) < 0) {
        *err = errno;
        return -1;
    }
    return 0;
}

CR16SemiResult cr16_semihosting_call(CPUCR16State *env, const CR16Mem *mem,
                                     int *exit_status)
{
    uint32_t nr = env->r[0] & 0xFFFF;
    uint32_t p1 = env->r[2] & 0xFFFF;
    uint32_t p2 = env->r[3] & 0xFFFF;
    uint32_t p3 = env->r[4] & 0xFFFF;
    uint32_t p4 = env->r[5] & 0xFFFF;
    int64_t ret;
    bool wide = false;      /* 32-bit result in (r1,r0) */
    int err = 0;

    switch (nr) {
    case CR16_SYS_EXIT:
        *exit_status = p1;
        return CR16_SEMI_EXIT;
    case CR16_SYS_KILL:
        if (p1 == CR16_SEMI_PID) {
            /* The simulator stops with that signal: exit like a shell. */
            *exit_status = 128 + (p2 & 0x7F);
            return CR16_SEMI_EXIT;
        }
        /* Never signal host processes on the guest's behalf. */
        err = EPERM;
        ret = -1;
        break;
    case CR16_SYS_OPEN:
        ret = cr16_semi_open(mem, p1 | (p2 << 16), p3, &err);
        wide = true;
        break;
    case CR16_SYS_CLOSE:
        ret = cr16_semi_close(p1, &err);
        break;
    case CR16_SYS_READ:
        ret = cr16_semi_read(mem, p1, p2 | (p3 << 16), p4, &err);
        break;
    case CR16_SYS_WRITE:
        ret = cr16_semi_write(mem, p1, p2 | (p3 << 16), p4, &err);
        break;
    case CR16_SYS_LSEEK:
        ret = cr16_semi_lseek(p1, (int32_t)(p2 | (p3 << 16)), p4, &err);
        wide = true;
        break;
    case CR16_SYS_RENAME:
        ret = cr16_semi_rename(mem, p1 | (p2 << 16), p3 | (p4 << 16), &err);
        break;
    case CR16_SYS_UNLINK:
        ret = cr16_semi_unlink(mem, p1 | (p2 << 16), &err);
        break;
    case CR16_SYS_GETENV:
        ret = 0;
        wide = true;
        break;
    case CR16_SYS_TIME:
        ret = (uint32_t)time(NULL);
        wide = true;
        break;
    case CR16_SYS_GETPID:
        ret = CR16_SEMI_PID;
        break;
    case CR16_SYS_FORK:
    case CR16_SYS_EXECV:
    case CR16_SYS_EXECVE:
    case CR16_SYS_PIPE:
    case CR16_SYS_WAIT:
    case CR16_SYS_STAT:
    case CR16_SYS_CHMOD:
    case CR16_SYS_CHOWN:
    case CR16_SYS_UTIME:
        /* Process and file-metadata calls are not offered to guests. */
        qemu_log_mask(LOG_UNIMP, "cr16: semihosting call %u not "
                      "supported\n", nr);
        err = ENOSYS;
        ret = -1;
        break;
    default:
        return CR16_SEMI_UNKNOWN;
    }

    if (wide) {
        cr16_set_pair(env, 0, (uint32_t)ret);
    } else {
        env->r[0] = (uint32_t)ret & 0xFFFF;
    }
    env->r[4] = (env->r[0] & 0xFFFF) == 0xFFFF ? cr16_semi_errno(err) : 0;
    return CR16_SEMI_DONE;
}
