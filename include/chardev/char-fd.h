/*
 * chardev-fd: the abstract base of backends that are a pair of host file
 * descriptors (stdio, file).  Input is read from fd_in when the front
 * end has room; output is written to fd_out.
 */
#ifndef CHARDEV_CHAR_FD_H
#define CHARDEV_CHAR_FD_H

#include "chardev/char.h"

#define TYPE_CHARDEV_FD "chardev-fd"
#define TYPE_FD_CHARDEV TYPE_CHARDEV_FD
OBJECT_DECLARE_SIMPLE_TYPE(FDChardev, FD_CHARDEV)

struct FDChardev {
    Chardev parent_obj;

    int fd_in;          /* -1: no input */
    int fd_out;         /* -1: output discarded */
    /* Close the fds at finalize (not for the process's own stdio). */
    bool own_fds;
    GSource *read_watch;
};

/*
 * Start using @fd_in / @fd_out (either may be -1).  With @own, they are
 * closed when the chardev is finalized.
 */
void qemu_chr_fd_attach(Chardev *chr, int fd_in, int fd_out, bool own);

#endif /* CHARDEV_CHAR_FD_H */
