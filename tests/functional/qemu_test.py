#
# What every functional test needs to drive qemu-system-cr16 from
# outside, in one place:
#
#   Harness     TAP output: check(), run() with clean-ups, skip(), plan
#   Emulator    one emulator process: its arguments, a temporary
#               directory for its sockets, QMP/HMP/qtest sockets, serial
#               capture, an orderly stop (quit, SIGTERM, then SIGKILL),
#               its exit status and stderr, and the sanitizer check
#   run_qemu    a one-shot run (subprocess.run) with the same check
#   QMP, HMP, QTest   clients for the three monitor protocols
#   assemble    scripts/cr16-as on a program text or a .S file
#   parse_args  the --qemu and --as options every test takes
#
# The sanitizer rule: every emulator a test starts has its stderr
# searched for an ASan, LSan or UBSan report when it ends.  A report
# found while Harness.run() runs a test case fails that case; one found
# outside a case fails an extra TAP line named after the emulator.  So a
# clean run prints exactly the lines the test itself asks for.
#
# SPDX-License-Identifier: GPL-2.0-or-later

import argparse
import importlib.machinery
import importlib.util
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

# What ASan, LSan, UBSan (and MSan/TSan, should anyone build with them)
# print when they find something.
SANITIZER_RE = re.compile(r'(Address|Leak|Undefined|Memory|Thread)'
                          r'Sanitizer|runtime error:')

# Failure details are printed as TAP comments; a sanitizer report can be
# thousands of lines, the first ones say what matters.
DETAIL_LINES = 100


def arg_parser(asm=True):
    """The options every test takes: --qemu PATH (qemu-system-cr16) and,
    with @asm, --as PATH (scripts/cr16-as; asm='optional' makes it so).
    Add a test's own options to the parser returned."""
    ap = argparse.ArgumentParser()
    ap.add_argument('--qemu', required=True, help='qemu-system-cr16 to test')
    if asm:
        ap.add_argument('--as', dest='asm', required=asm != 'optional',
                        help='scripts/cr16-as')
    return ap


def parse_args(asm=True):
    return arg_parser(asm).parse_args()


def check(cond, msg='check failed'):
    if not cond:
        raise AssertionError(msg)


def eq(got, want, what=''):
    if got != want:
        raise AssertionError('%s: got %r, want %r' % (what, got, want))


# ---- TAP ----------------------------------------------------------------


class Harness:
    """TAP output.  check() prints one result line; run() runs a function
    as one test case, with the clean-ups it registered through defer().

    @sep goes between the number and the name: ' - ' or ' ' (TAP allows
    both; each test keeps the form its names were registered with)."""

    # The harness emulators report sanitizer findings to.
    current = None

    def __init__(self, sep=' - '):
        self.sep = sep
        self.n = 0
        self.failed = 0
        self.planned = False
        self._case = None       # errors of the run() in progress
        self._deferred = []
        Harness.current = self

    def plan(self, count):
        """Print the plan first (otherwise finish() prints it last)."""
        self.planned = True
        print('1..%d' % count, flush=True)

    def _detail(self, detail):
        lines = str(detail).splitlines()
        for line in lines[:DETAIL_LINES]:
            print('# ' + line)
        if len(lines) > DETAIL_LINES:
            print('# ... %d more lines' % (len(lines) - DETAIL_LINES))

    def check(self, ok, name, detail=''):
        self.n += 1
        print('%s %d%s%s' % ('ok' if ok else 'not ok', self.n, self.sep,
                             name))
        if not ok:
            self.failed += 1
            self._detail(detail)
        sys.stdout.flush()
        return bool(ok)

    def skip(self, name, why):
        self.n += 1
        print('ok %d%s%s # SKIP %s' % (self.n, self.sep, name, why),
              flush=True)

    def skip_all(self, why):
        print('1..0 # SKIP %s' % why, flush=True)
        return 0

    def defer(self, fn):
        """Call @fn when the current run() ends (last registered, first
        called); what it raises fails the test case."""
        self._deferred.append(fn)

    def run(self, name, fn):
        """One test case: ok if @fn returns and its clean-ups (and the
        emulators it stopped) found nothing wrong."""
        self._case = errors = []
        try:
            fn()
        except Exception as e:      # report it, go on with the next case
            errors.append(e)
        while self._deferred:
            try:
                self._deferred.pop()()
            except Exception as e:
                errors.append(e)
        self._case = None
        detail = '\n'.join(str(e) if isinstance(e, AssertionError) else
                           '%s: %s' % (type(e).__name__, e) for e in errors)
        return self.check(not errors, name, detail)

    def run_steps(self, steps):
        """Run (name, fn) pairs as test cases in order, each building on
        the one before: after a failure the rest fail without running."""
        for i, (name, fn) in enumerate(steps):
            if not self.run(name, fn):
                for rest, _ in steps[i + 1:]:
                    self.check(False, rest, 'not run: an earlier step failed')
                return False
        return True

    def problem(self, name, detail):
        """Something wrong that no check of the test looks at (e.g. a
        sanitizer report): it fails the running case, or gets a result
        line of its own between cases."""
        if self._case is not None:
            self._case.append(AssertionError('%s:\n%s' % (name, detail)))
        else:
            self.check(False, name, detail)

    def finish(self):
        if not self.planned:
            print('1..%d' % self.n, flush=True)
        return 1 if self.failed else 0


def report_problem(name, detail):
    if Harness.current:
        Harness.current.problem(name, detail)
    else:
        # Without a harness, at least fail loudly.
        raise AssertionError('%s:\n%s' % (name, detail))


# ---- sanitizers -------------------------------------------------------------


def sanitizer_env(env=None):
    """The environment for an emulator: leak checking on (a no-op in a
    build without sanitizers), unless the caller chose otherwise."""
    env = dict(os.environ if env is None else env)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1')
    return env


def sanitizer_report(text):
    """The sanitizer report in @text (with a little context), or None."""
    if isinstance(text, bytes):
        text = text.decode('utf-8', 'replace')
    m = SANITIZER_RE.search(text or '')
    return text[max(0, m.start() - 200):] if m else None


def _label(argv):
    text = ' '.join([os.path.basename(argv[0])] + list(argv[1:]))
    return text if len(text) <= 120 else text[:117] + '...'


def run_qemu(argv, check_sanitizers=True, **kw):
    """subprocess.run(@argv) capturing text output, with the sanitizer
    environment; a sanitizer report on stderr is a problem for the
    harness.  Keywords go to subprocess.run (stdin is not redirected
    unless asked)."""
    kw.setdefault('capture_output', True)
    kw.setdefault('text', True)
    kw['env'] = sanitizer_env(kw.get('env'))
    r = subprocess.run(argv, **kw)
    if check_sanitizers:
        report = sanitizer_report(r.stderr)
        if report:
            report_problem('sanitizer report from ' + _label(argv), report)
    return r


def machines(qemu):
    """The machine names "-machine help" lists."""
    out = run_qemu([qemu, '-machine', 'help'], check=True).stdout
    return [l.split()[0] for l in out.splitlines()[1:] if l.strip()]


# ---- sockets ----------------------------------------------------------------


def connect_unix(path, timeout=10):
    """Connect to the server socket at @path, waiting up to @timeout s
    for the emulator to create it."""
    end = time.monotonic() + timeout
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() >= end:
                raise ConnectionError('cannot connect to ' + path)
            time.sleep(0.05)


def listen_unix(path):
    """A listening socket at @path, for an emulator that connects to us
    (-qtest unix:PATH)."""
    if os.path.exists(path):
        os.unlink(path)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    s.listen(1)
    return s


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ---- QMP --------------------------------------------------------------------


class QMPError(RuntimeError):
    pass


class QMPTimeout(TimeoutError):
    pass


_EOF = object()


class QMP:
    """A QMP client on a Unix socket.

    A thread reads the socket all the time, as a well-behaved client
    does (the emulator drops clients whose output piles up), and queues
    every message.  The test's own thread takes them in order: cmd() and
    reply() move the events they pass into .events, which the test may
    inspect and reset.  .event_count counts every event received; with
    keep_events=False events are only counted (for floods).

    Every wait is bounded by @timeout (seconds) unless a call gives its
    own; running out raises QMPTimeout (a TimeoutError, so an OSError)."""

    def __init__(self, path, timeout=10, connect_timeout=10, negotiate=True,
                 keep_events=True, newline=b'\n'):
        self.sock = connect_unix(path, connect_timeout)
        self.timeout = timeout
        self.newline = newline
        self.keep_events = keep_events
        self.events = []
        self.event_count = 0
        self._inbox = queue.Queue()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self.greeting = self.recv()
        if negotiate:
            r = self.cmd('qmp_capabilities')
            if r != {'return': {}}:
                raise QMPError('qmp_capabilities: %r' % r)

    def _read_loop(self):
        buf = b''
        try:
            while True:
                chunk = self.sock.recv(1 << 20)
                if not chunk:
                    break
                buf += chunk
                while self.newline in buf:
                    text, buf = buf.split(self.newline, 1)
                    try:
                        msg = json.loads(text)
                    except ValueError as e:
                        self._inbox.put(e)
                        continue
                    if isinstance(msg, dict) and 'event' in msg:
                        self.event_count += 1
                        if not self.keep_events:
                            continue
                    self._inbox.put(msg)
        except OSError:
            pass
        self._inbox.put(_EOF)

    def _deadline(self, timeout):
        return time.monotonic() + (self.timeout if timeout is None
                                   else timeout)

    def recv(self, timeout=None):
        """The next message, event or not."""
        t = self.timeout if timeout is None else timeout
        try:
            msg = self._inbox.get(timeout=max(0, t))
        except queue.Empty:
            raise QMPTimeout('no QMP message within %.1f s' % t)
        if msg is _EOF:
            self._inbox.put(_EOF)       # for the next caller too
            raise EOFError('QMP connection closed')
        if isinstance(msg, Exception):
            raise msg
        return msg

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, name, args=None, **extra):
        """Send a command without waiting for its reply."""
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        msg.update(extra)
        self.send_raw(json.dumps(msg).encode() + b'\n')

    def reply(self, timeout=None):
        """The next message that is not an event (events go to .events)."""
        end = self._deadline(timeout)
        while True:
            msg = self.recv(end - time.monotonic())
            if 'event' not in msg:
                return msg
            self.events.append(msg)

    def cmd(self, name, args=None, timeout=None, **extra):
        """Run a command and return its reply (the whole message).  Extra
        keywords become members of the request (e.g. id=...)."""
        self.send(name, args, **extra)
        return self.reply(timeout)

    def ok(self, name, args=None, timeout=None):
        """Run a command that must succeed; its "return" value."""
        r = self.cmd(name, args, timeout)
        check('return' in r, '%s %r: %r' % (name, args, r))
        return r['return']

    def hmp(self, line):
        """An HMP command through human-monitor-command; its output."""
        return self.ok('human-monitor-command', {'command-line': line})

    def wait_events(self, count, timeout=None):
        """Read until .events holds @count events, the connection closes
        or @timeout passes; the names of the events in .events."""
        end = self._deadline(timeout)
        try:
            while len(self.events) < count:
                msg = self.recv(end - time.monotonic())
                if 'event' in msg:
                    self.events.append(msg)
        except (EOFError, OSError):
            pass
        return [e['event'] for e in self.events]

    def wait_event(self, name, match=None, timeout=None):
        """Take the first event @name (for which @match(event) holds, if
        given) out of .events, reading more as needed; None if it does
        not come within @timeout or the connection closes."""
        end = self._deadline(timeout)
        while True:
            for e in self.events:
                if e['event'] == name and (match is None or match(e)):
                    self.events.remove(e)
                    return e
            try:
                msg = self.recv(end - time.monotonic())
            except (EOFError, OSError):
                return None
            if 'event' in msg:
                self.events.append(msg)

    def collect_events(self, seconds):
        """Keep reading events into .events for @seconds."""
        end = time.monotonic() + seconds
        while True:
            try:
                msg = self.recv(end - time.monotonic())
            except QMPTimeout:
                return
            if 'event' in msg:
                self.events.append(msg)

    def drain(self, timeout=None):
        """Every message until the emulator closes the connection."""
        end = self._deadline(timeout)
        out = []
        try:
            while True:
                out.append(self.recv(end - time.monotonic()))
        except EOFError:
            return out

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


# ---- HMP --------------------------------------------------------------------


class HMP:
    """A client of a readline monitor on a Unix socket (-monitor unix:).
    The banner and first prompt are read on connecting (.banner)."""

    PROMPT = b'(qemu) '

    def __init__(self, path, timeout=10, connect_timeout=10):
        self.sock = connect_unix(path, connect_timeout)
        self.sock.settimeout(timeout)
        self.banner = self.until_prompt()

    def until_prompt(self):
        """Everything up to and including the next prompt."""
        buf = b''
        while not buf.endswith(self.PROMPT):
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('monitor closed: %r' % buf)
            buf += chunk
        return buf.decode(errors='replace')

    def send(self, line, eol='\r'):
        self.sock.sendall((line + eol).encode())

    def raw(self, line, eol='\r'):
        """Type @line; everything up to the next prompt, echo included."""
        self.send(line, eol)
        return self.until_prompt()

    def cmd(self, line):
        """What @line printed, without its echo and the next prompt."""
        out = self.raw(line)
        echo = line + '\r\n'
        check(out.startswith(echo), 'no echo of %r: %r' % (line, out))
        return out[len(echo):-len(self.PROMPT)]

    def close(self):
        self.sock.close()


# ---- qtest ------------------------------------------------------------------


class QTest:
    """The qtest protocol on a socket the emulator connected to."""

    def __init__(self, sock, timeout=10):
        self.sock = sock
        self.sock.settimeout(timeout)
        self.buf = b''

    def cmd(self, line):
        """Send @line; the reply (IRQ notifications are skipped)."""
        self.sock.sendall(line.encode() + b'\n')
        while True:
            while b'\n' not in self.buf:
                chunk = self.sock.recv(4096)
                if not chunk:
                    raise EOFError('qtest connection closed')
                self.buf += chunk
            reply, self.buf = self.buf.split(b'\n', 1)
            reply = reply.decode()
            if not reply.startswith('IRQ'):
                return reply

    def readw(self, addr):
        r = self.cmd('readw 0x%x' % addr)
        check(r.startswith('OK '), r)
        return int(r.split()[1], 16)

    def close(self):
        self.sock.close()


# ---- the emulator -----------------------------------------------------------


class Emulator:
    """One qemu-system-cr16 process.

    @argv is the whole command line (binary first).  With @qmp, @hmp or
    @qtest the matching "-qmp unix:...", "-monitor unix:..." or "-qtest
    unix:..." is appended, its socket in @tmpdir (a private temporary
    directory if not given): .qmp_path, .hmp_path, .qtest_path.  With
    @serial, stdin and stdout are pipes: send() types, expect() waits
    for output (.out).  stderr is always captured (.err).  Other Popen
    keywords pass through (stdin=, stdout= for a pty, ...).

    stop() ends it in order: QMP quit if a QMP client is connected, then
    SIGTERM (both let the sanitizers check for leaks), SIGKILL only as
    the last resort; then stderr is searched for a sanitizer report
    unless @check_sanitizers is False (for tests that check it
    themselves with sanitizer_report()).  As a context manager it stops
    on leaving the block."""

    def __init__(self, argv, qmp=False, hmp=False, qtest=False,
                 serial=False, tmpdir=None, env=None,
                 check_sanitizers=True, label=None, **popen):
        self._tmp = None
        if tmpdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix='qemu-test-')
            tmpdir = self._tmp.name
        self.tmpdir = tmpdir
        self.check_sanitizers = check_sanitizers
        self.clients = []
        self.stopped = False
        argv = list(argv)
        self.qmp_path = self.hmp_path = self.qtest_path = None
        self._listener = None
        if qmp:
            self.qmp_path = self._socket('qmp.sock')
            argv += ['-qmp', 'unix:%s,server=on,wait=off' % self.qmp_path]
        if hmp:
            self.hmp_path = self._socket('hmp.sock')
            argv += ['-monitor', 'unix:%s,server=on,wait=off' %
                     self.hmp_path]
        if qtest:
            # -qtest connects while the board is built: listen first.
            self.qtest_path = os.path.join(tmpdir, 'qtest.sock')
            self._listener = listen_unix(self.qtest_path)
            argv += ['-qtest', 'unix:' + self.qtest_path]
        self.argv = argv
        self.label = label or _label(argv)
        self.mark = 0
        self._out = bytearray()
        self._err = bytearray()
        self._cond = threading.Condition()
        self._out_open = False
        popen.setdefault('stdin', subprocess.PIPE if serial
                         else subprocess.DEVNULL)
        popen.setdefault('stdout', subprocess.PIPE if serial
                         else subprocess.DEVNULL)
        self.proc = subprocess.Popen(argv, stderr=subprocess.PIPE,
                                     env=sanitizer_env(env), **popen)
        self._readers = [self._reader(self.proc.stderr, self._err)]
        if popen['stdout'] == subprocess.PIPE:
            self._out_open = True
            self._readers.append(self._reader(self.proc.stdout, self._out))

    def _socket(self, name):
        path = os.path.join(self.tmpdir, name)
        if os.path.exists(path):
            os.unlink(path)     # left by an earlier emulator in @tmpdir
        return path

    def _reader(self, pipe, into):
        def loop():
            while True:
                data = pipe.read1(65536)
                with self._cond:
                    if not data:
                        if into is self._out:
                            self._out_open = False
                        self._cond.notify_all()
                        return
                    into.extend(data)
                    self._cond.notify_all()
        t = threading.Thread(target=loop, daemon=True)
        t.start()
        return t

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    # ---- output ----

    @property
    def out(self):
        """Everything the emulator wrote to stdout (bytes), with @serial."""
        with self._cond:
            return bytes(self._out)

    @property
    def err(self):
        """What the emulator wrote to stderr so far (text)."""
        with self._cond:
            return self._err.decode('utf-8', 'replace')

    def expect(self, want, timeout=20):
        """Wait for @want (bytes, or a compiled regex) in the output after
        .mark; move .mark past it and return what came before it (or the
        match object)."""
        end = time.monotonic() + timeout
        with self._cond:
            while True:
                if isinstance(want, bytes):
                    i = self._out.find(want, self.mark)
                    if i >= 0:
                        before = bytes(self._out[self.mark:i])
                        self.mark = i + len(want)
                        return before
                else:
                    m = want.search(self._out, self.mark)
                    if m:
                        self.mark = m.end()
                        return m
                rest = bytes(self._out[self.mark:])
                check(self._out_open, 'the emulator closed its output '
                      'while we waited for %r; got %r\nstatus %r, '
                      'stderr %r' % (want, rest, self.proc.poll(),
                                     self._err.decode(errors='replace')))
                left = end - time.monotonic()
                check(left > 0, 'timed out after %d s waiting for %r; got '
                      '%r\nstderr %r' % (timeout, want, rest,
                                         self._err.decode(errors='replace')))
                self._cond.wait(left)

    def quiet(self, seconds):
        """Let the emulator run for @seconds (output is still collected)."""
        time.sleep(seconds)

    def send(self, data):
        """Type @data (bytes) on the emulator's stdin."""
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    # ---- clients ----

    def connect_qmp(self, **kw):
        """A QMP client on the -qmp socket (see QMP for the keywords)."""
        c = QMP(self.qmp_path, **kw)
        self.clients.append(c)
        return c

    def connect_hmp(self, **kw):
        c = HMP(self.hmp_path, **kw)
        self.clients.append(c)
        return c

    def connect_qtest(self, timeout=20):
        """Wait for the emulator to connect to the -qtest socket."""
        self._listener.settimeout(timeout)
        try:
            sock, _ = self._listener.accept()
        except socket.timeout:
            raise AssertionError('qemu did not connect to %s: %r' %
                                 (self.qtest_path, self.err))
        c = QTest(sock)
        self.clients.append(c)
        return c

    # ---- the process ----

    def poll(self):
        return self.proc.poll()

    def alive(self):
        return self.proc.poll() is None

    def terminate(self):
        self.proc.send_signal(signal.SIGTERM)

    def wait(self, timeout=30):
        """Wait for the emulator to end; its status (TimeoutExpired if it
        does not end within @timeout).  Its output is complete then."""
        status = self.proc.wait(timeout=timeout)
        for t in self._readers:
            t.join(10)
        return status

    def _try_quit(self):
        for c in self.clients:
            if isinstance(c, QMP):
                try:
                    c.cmd('quit', timeout=5)
                    self.wait(10)
                except (OSError, EOFError, ValueError,
                        subprocess.TimeoutExpired):
                    pass
                return

    def stop(self, timeout=30):
        """End the emulator if it still runs; its exit status.  Runs once;
        afterwards it only returns the status."""
        if self.stopped:
            return self.proc.returncode
        self.stopped = True
        if self.alive():
            self._try_quit()
        if self.alive():
            self.terminate()
            try:
                self.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.wait(timeout)
                report_problem('%s did not end on SIGTERM' % self.label,
                               self.err[-4000:])
        self.wait(timeout)
        for c in self.clients:
            try:
                c.close()
            except OSError:
                pass
        if self._listener:
            self._listener.close()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f:
                try:
                    f.close()
                except OSError:
                    pass
        if self.check_sanitizers:
            report = self.sanitizer_report()
            if report:
                report_problem('sanitizer report from ' + self.label, report)
        if self._tmp:
            self._tmp.cleanup()
        return self.proc.returncode

    def sanitizer_report(self):
        """The sanitizer report on stderr so far, or None."""
        with self._cond:
            return sanitizer_report(bytes(self._err))


# ---- the CR16 assembler -----------------------------------------------------


def assemble(cr16_as, source, out_dir, extra_args=(), name=None,
             suffix='.elf', timeout=120):
    """Assemble with scripts/cr16-as (@cr16_as) into @out_dir and return
    the output file's path.

    @source is the program text if it contains a newline, otherwise the
    path of a source file.  The output is @out_dir/@name@suffix; @name
    defaults to the source file's name without its extension ("prog"
    for a text, which is written to @out_dir/@name.S).  @extra_args go
    before "-o" (e.g. ['-O', 'binary'], ['-Ttext', '0x20000']).  A
    failure raises AssertionError with the assembler's messages."""
    if '\n' in source:
        name = name or 'prog'
        path = os.path.join(out_dir, name + '.S')
        with open(path, 'w') as f:
            f.write(source)
    else:
        path = source
        name = name or os.path.splitext(os.path.basename(source))[0]
    out = os.path.join(out_dir, name + suffix)
    r = subprocess.run([sys.executable, cr16_as] + list(extra_args) +
                       ['-o', out, path], capture_output=True, text=True,
                       timeout=timeout)
    check(r.returncode == 0, 'cr16-as failed: %s' % r.stderr)
    return out


def load_assembler(path):
    """scripts/cr16-as as a Python module, for in-process assembly."""
    loader = importlib.machinery.SourceFileLoader('cr16_as', path)
    spec = importlib.util.spec_from_loader('cr16_as', loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod
