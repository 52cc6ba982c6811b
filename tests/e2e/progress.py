# SPDX-License-Identifier: MIT
"""Run smeaudit with stderr on a pseudo-terminal and check what it draws.

argv: SMEAUDIT PLUGIN_DIR ROOT TMPDIR.  The plugins are test-progress
(slow, reports "files", may warn half way) and test-progress-b.
"""
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import unicodedata

SMEAUDIT, PLUGINS, ROOT, TMP = sys.argv[1:5]
CLEAR = "\r\x1b[K"
WARNING = "smeaudit: test-progress: warning: half way through\n"


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def config(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


TWO = config("two.ini", """[core]
jobs = 2
[plugin.test-progress]
steps = 20
step_ms = 60
warn = yes
[plugin.test-progress-b]
steps = 5
step_ms = 60
what = entries
""")


def run(args, tty=True, cols=80, env=None):
    """(exit status, stdout bytes, stderr bytes) of one smeaudit run."""
    cmd = [SMEAUDIT, "--plugin-dir", PLUGINS, "--root", ROOT, "--format", "json"] + args
    e = dict(os.environ, TERM="xterm")
    e.update(env or {})
    if not tty:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=e, timeout=120)
        return p.returncode, p.stdout, p.stderr
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    # No output processing: the bytes read are the bytes smeaudit wrote.
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=slave, env=e)
    os.close(slave)
    out, err = b"", b""
    fds = [p.stdout.fileno(), master]
    while fds:
        ready, _, _ = select.select(fds, [], [], 120)
        if not ready:
            p.kill()
            fail("smeaudit did not finish: %s" % cmd)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:		# EIO: the terminal's last writer is gone
                data = b""
            if not data:
                fds.remove(fd)
            elif fd == master:
                err += data
            else:
                out += data
    os.close(master)
    return p.wait(), out, err


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def report(out, what):
    if b"\x1b" in out:
        fail("%s: escape sequences in the report on stdout" % what)
    try:
        d = json.loads(out.decode("utf-8"))
    except ValueError as e:
        fail("%s: the report is not JSON (%s): %r" % (what, e, out[:200]))
    return d


# Two plugins at once on an 80-column terminal.
status, out, err = run(["--plugin", "test-progress,test-progress-b", "-c", TWO])
d = report(out, "two plugins")
if status != 0 or [p["status"] for p in d["plugins"]] != ["ok", "ok"]:
    fail("two plugins: exit %d, plugins %r" % (status, d["plugins"]))
err = err.decode("utf-8")
frames = err.split(CLEAR)
if frames[0] != "":
    fail("stderr does not start with a status line: %r" % err[:120])
if frames[-1] != "":
    fail("the status line is not cleared at the end: %r" % err[-160:])
status_lines = [f for f in frames[1:-1] if f != WARNING]
if WARNING not in frames:
    fail("the warning is not on a line of its own after a clear: %r" % err)
if any("warning" in f or "\n" in f for f in status_lines):
    fail("a status line holds a message or a line end: %r" % err)
if not any("test-progress: files " in f and "test-progress-b: entries " in f
           for f in status_lines):
    fail("no one status line shows both plugins: %r" % status_lines)
if not all(f.startswith("[") for f in status_lines):
    fail("a status line without the [done/total] count: %r" % status_lines)
if not any(f.startswith("[1/2] test-progress: files ") for f in status_lines):
    fail("no status line counts the plugin that finished: %r" % status_lines)
if any(width(f) > 79 for f in status_lines):
    fail("a status line wider than the terminal: %r" % status_lines)

# A narrow terminal: the line is cut, never wrapped.
status, out, err = run(["--plugin", "test-progress,test-progress-b", "-c", TWO], cols=30)
report(out, "narrow terminal")
frames = [f for f in err.decode("utf-8").split(CLEAR)[1:-1] if f != WARNING]
if not frames or any(width(f) > 29 for f in frames):
    fail("30 columns: %r" % frames)

# In-process (--no-fork): the same line, cleared at the end.
status, out, err = run(["--no-fork", "--plugin", "test-progress"])
report(out, "--no-fork")
err = err.decode("utf-8")
if "test-progress: files " not in err or not err.endswith(CLEAR):
    fail("--no-fork: %r" % err)

# --quiet: nothing on stderr at all.
status, out, err = run(["--quiet", "--plugin", "test-progress", "-c", TWO])
report(out, "--quiet")
if err != b"":
    fail("--quiet on a terminal wrote %r" % err)

# Not a terminal: the warning only, as a plain line.
status, out, err = run(["--plugin", "test-progress", "-c", TWO], tty=False)
report(out, "no terminal")
if err.decode("utf-8") != WARNING:
    fail("stderr not a terminal: %r" % err)

# A terminal that cannot erase a line.
status, out, err = run(["--plugin", "test-progress", "-c", TWO], env={"TERM": "dumb"})
report(out, "TERM=dumb")
if err.decode("utf-8") != WARNING:
    fail("TERM=dumb: %r" % err)
