/*
 * Helpers shared by the fd-based chardev backends.
 *
 * qemu_chr_read_watch_new() watches a host fd for input, but only while
 * the chardev's front end can take bytes: the GSource asks
 * qemu_chr_be_can_write() before every poll and leaves the fd out of
 * the poll set when the answer is 0.  That is the flow control of
 * char-fe.h without a callback from the front end: the next main loop
 * iteration simply asks again.
 */
#ifndef CHARDEV_CHAR_IO_H
#define CHARDEV_CHAR_IO_H

#include "chardev/char.h"

/* Called when @fd is readable (or hung up); @len is what the fe takes. */
typedef void ChrReadWatchFunc(Chardev *chr, int fd, int len);

/*
 * Watch @fd for input on behalf of @chr; @fn is called from the main
 * loop.  Remove with qemu_chr_read_watch_remove().
 */
GSource *qemu_chr_read_watch_new(Chardev *chr, int fd, ChrReadWatchFunc *fn);
/* Remove a watch (NULL is ignored) and clear the pointer. */
void qemu_chr_read_watch_remove(GSource **watch);

/*
 * Write @len bytes to @fd, retrying on EINTR and short writes.  Returns
 * @len, or -1 with errno set (EAGAIN for a non-blocking fd that is
 * full: the bytes before that point have been written and the return
 * value is then the count written, if any).
 */
int qemu_chr_write_fd(int fd, const uint8_t *buf, int len);

/* Make @fd non-blocking (true) or blocking. */
void qemu_chr_set_nonblock(int fd, bool nonblock);

#endif /* CHARDEV_CHAR_IO_H */
