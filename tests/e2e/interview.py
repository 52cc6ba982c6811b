# SPDX-License-Identifier: MIT
# smeaudit interview driven through a pseudo-terminal, as a person over SSH
# would drive it: scripted answers in English and Japanese, back, skip,
# quit, resume, a session killed with SIGKILL, and the pass over the
# questions left unanswered.  Run by interview.sh (which sets the paths).
import os
import pty
import re
import select
import signal
import stat
import sys

SMEAUDIT = os.environ["SMEAUDIT"]
TMP = os.environ["TMPDIR_TEST"]
TEST_PLUGINS = os.environ["TEST_PLUGINS"]


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


class Session:
    """One smeaudit process on the slave side of a pty."""

    def __init__(self, args, lang_env):
        env = {k: v for k, v in os.environ.items()
               if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
        env.update(lang_env)
        env["TERM"] = "dumb"
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(SMEAUDIT, [SMEAUDIT] + args, env)
        self.pid, self.fd, self.buf, self.log = pid, fd, b"", b""

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        self.log += data
        return data

    def expect(self, pattern, timeout=15):
        rx = re.compile(pattern.encode("utf-8"))
        waited = 0.0
        while True:
            m = rx.search(self.buf)
            if m:
                seen = self.buf[:m.end()]
                self.buf = self.buf[m.end():]
                return seen.decode("utf-8", "replace")
            data = self._read(0.5)
            if data is None:
                waited += 0.5
                if waited >= timeout:
                    fail("timed out waiting for %r; the screen ends with:\n%s" %
                         (pattern, self.buf[-1500:].decode("utf-8", "replace")))
                continue
            if data == b"":
                fail("smeaudit ended while waiting for %r; it printed:\n%s" %
                     (pattern, self.buf[-1500:].decode("utf-8", "replace")))
            self.buf += data

    def send(self, line):
        os.write(self.fd, line.encode("utf-8") + b"\r")

    def answer(self, value, note=None):
        """At an answer prompt: the value, then the note prompt."""
        self.expect(r"\n> $|\n> ")
        self.send(value)
        self.expect(r"Note \(|メモ")
        self.expect(r"> ")
        self.send(note or "")

    def finish(self):
        while True:
            data = self._read(15)
            if data is None:
                fail("smeaudit did not end; it printed:\n" +
                     self.buf[-1500:].decode("utf-8", "replace"))
            if data == b"":
                break
            self.buf += data
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def kill(self):
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL:
            fail("the session was not killed")


def read_answers(path):
    """The answers file as {section: {key: value}} (it is INI-shaped)."""
    out, section = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line[1:-1]
                out.setdefault(section, {})
                continue
            key, _, value = line.partition("=")
            out[section][key.strip()] = value.strip()
    return out


def check_file(path, want, absent=()):
    got = read_answers(path)
    for (section, key), value in want.items():
        v = got.get(section, {}).get(key)
        if v != value:
            fail("%s: [%s] %s is %r, expected %r (file: %r)" %
                 (path, section, key, v, value, got))
    for section, key in absent:
        if key in got.get(section, {}):
            fail("%s: [%s] %s should be unanswered" % (path, section, key))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != 0o600:
        fail("%s has mode %o, not 600" % (path, mode))


EN = {"LC_ALL": "C.UTF-8"}
JA = {"LANG": "ja_JP.UTF-8"}       # no --lang: Japanese by the locale alone
PLUGINS = ["--plugin-dir", TEST_PLUGINS]

# --- English: back, skip, quit, resume --------------------------------------
f1 = os.path.join(TMP, "en.ini")
s = Session(PLUGINS + ["interview", "--answers", f1], EN)
s.expect(r"saved at once to .*en\.ini")
s.expect(r"\[1/\d+\] Organisation name")
s.expect(r"> ")
s.send("Example Trading Co.")
s.expect(r"\[2/\d+\] Site or department")
s.expect(r"> ")
s.send("")
s.expect(r"\[3/\d+\] Basic security policy")
s.expect(r"> ")
s.send("maybe")
s.expect(r"Type yes or no")
s.send("yes")
# items 1 and 2 are machine-checked and test-good covers them: not asked
seen = s.expect(r"\[\d+/\d+\] Item \d+ ")
if not seen.rstrip().endswith("Item 3"):
    fail("the first item asked should be 3 (1 and 2 have a plugin): %r" % seen[-40:])
s.expect(r"What good looks like")
s.expect(r"> ")
s.send("7")
s.expect(r"not an answer here")
s.send("4")
s.expect(r"Note \(optional; Enter for none\)> ")
s.send("at least 12 characters, password manager")
s.expect(r"Item 4 ")
s.expect(r"> ")
s.send("b")
s.expect(r"Item 3 ")
s.expect(r"Current answer: 4 Implemented")
s.expect(r"Note: at least 12 characters, password manager")
s.expect(r"> ")
s.send("")                          # Enter keeps the answer
s.expect(r"Item 4 ")
s.answer("2")
s.expect(r"Item 5 ")
s.expect(r"> ")
s.send("s")                         # skipped: stays unanswered
s.expect(r"Item 6 ")
s.expect(r"> ")
s.send("?")
s.expect(r"skip this question")
s.answer("0", "no mail filter yet")
s.expect(r"Item 7 ")
s.expect(r"> ")
s.send("q")
s.expect(r"Saved in .*en\.ini")
if s.finish() != 0:
    fail("quitting the interview is not an error")
check_file(f1, {("organization", "name"): "Example Trading Co.",
                ("organization", "basic_policy"): "yes",
                ("diagnosis", "3"): "4",
                ("diagnosis", "note.3"): "at least 12 characters, password manager",
                ("diagnosis", "4"): "2",
                ("diagnosis", "6"): "0",
                ("diagnosis", "note.6"): "no mail filter yet"},
           absent=[("diagnosis", "5"), ("diagnosis", "note.4"),
                   ("organization", "site"), ("diagnosis", "1")])

# Resume: after the last question answered (item 6), not at the skipped 5.
s = Session(PLUGINS + ["interview", "--answers", f1], EN)
s.expect(r"Resuming after your last answer")
seen = s.expect(r"\] Item \d+ ")
if not seen.rstrip().endswith("Item 7"):
    fail("resume should continue at item 7: %r" % seen[-40:])
s.expect(r"> ")
s.send("b")
s.expect(r"Item 6 ")
s.expect(r"Current answer: 0 Not implemented")
s.expect(r"> ")
s.send("-")                          # delete this file's answer
s.expect(r"Deleted")
s.expect(r"Item 7 ")
s.expect(r"> ")
s.send("q")
if s.finish() != 0:
    fail("second session status")
check_file(f1, {("diagnosis", "3"): "4"}, absent=[("diagnosis", "6"), ("diagnosis", "note.6")])

# --- Japanese by locale, --all, a cloud service, SIGKILL, resume -------------
f2 = os.path.join(TMP, "ja.ini")
with open(f2, "w", encoding="utf-8") as f:
    f.write("# 手で書いた回答\n[diagnosis]\n")
    for n in range(1, 25):
        f.write("%d = 4\n" % n)
os.chmod(f2, 0o644)
s = Session(PLUGINS + ["interview", "--all", "--answers", f2], JA)
s.expect(r"回答するたびに")
s.expect(r"コメント")                 # its own comments will not be kept
s.expect(r"前回の続き")
s.expect(r"項目25 ")
s.expect(r"望ましい状態")
s.expect(r"> ")
s.send("４")                         # a full-width digit from an input method
s.expect(r"メモ")
s.expect(r"> ")
s.send("全員にハンドブックを配布")
s.expect(r"クラウドサービス")
s.expect(r"サービスID> ")
s.send("メール")                      # not a valid id
s.expect(r"英数字")
s.expect(r"サービスID> ")
s.send("mail")
s.expect(r"表示名")
s.expect(r"> ")
s.send("Googleメール")
s.expect(r"サービスID> ")
s.send("")
s.expect(r"mail \(Googleメール\) · クラウド項目1 ")
s.answer("はい")
s.expect(r"クラウド項目2 ")
s.answer("一部", "比較は未実施")
s.expect(r"クラウド項目3 ")
s.answer("－１")
s.expect(r"クラウド項目4 ")
s.expect(r"> ")
s.send("戻る")
s.expect(r"クラウド項目3 ")
s.expect(r"今の回答: unknown")
s.expect(r"> ")
s.send("")
s.expect(r"クラウド項目4 ")
s.expect(r"> ")
s.send("いいえ")
s.expect(r"メモ")
s.expect(r"> ")
s.kill()                              # mid-note: the answer is already saved
check_file(f2, {("diagnosis", "1"): "4", ("diagnosis", "24"): "4",
                ("diagnosis", "25"): "4",
                ("diagnosis", "note.25"): "全員にハンドブックを配布",
                ("service.mail", "label"): "Googleメール",
                ("service.mail", "1"): "yes",
                ("service.mail", "2"): "partly",
                ("service.mail", "note.2"): "比較は未実施",
                ("service.mail", "3"): "unknown",
                ("service.mail", "4"): "no"})
leftovers = [n for n in os.listdir(TMP) if n.startswith(".ja.ini.")]
if leftovers:
    fail("temporary files left next to the answers file: %r" % leftovers)
s = Session(PLUGINS + ["interview", "--all", "--answers", f2], JA)
s.expect(r"前回の続き")
s.expect(r"mail \(Googleメール\) · クラウド項目5 ")
s.answer("n/a")
s.expect(r"クラウド項目6 ")
s.expect(r"> ")
s.send("終了")
if s.finish() != 0:
    fail("Japanese session status")
check_file(f2, {("service.mail", "4"): "no", ("service.mail", "5"): "na"})

# --- the pass over unanswered questions at the end --------------------------
f3 = os.path.join(TMP, "gaps.ini")
with open(f3, "w", encoding="utf-8") as f:
    f.write("[diagnosis]\n")
    for n in range(1, 26):
        if n not in (5, 7):
            f.write("%d = 2\n" % n)
s = Session(PLUGINS + ["interview", "--answers", f3], EN)
s.expect(r"Cloud services")
s.expect(r"Service id> ")
s.send("")
s.expect(r"2 questions are still unanswered")
s.expect(r"> ")
s.send("yes")
s.expect(r"Item 5 ")
s.answer("-1", "ask the office manager")
s.expect(r"Item 7 ")
s.expect(r"> ")
s.send("s")
m = re.search(r"Answered: (\d+) of (\d+) items", s.expect(r"Answered: \d+ of \d+ items"))
if int(m.group(2)) - int(m.group(1)) != 1:
    fail("exactly item 7 should be left unanswered: %s" % m.group(0))
if s.finish() != 0:
    fail("gaps session status")
check_file(f3, {("diagnosis", "5"): "-1", ("diagnosis", "note.5"): "ask the office manager"},
           absent=[("diagnosis", "7")])

# --- a broken answers file is never overwritten -----------------------------
f4 = os.path.join(TMP, "broken.ini")
with open(f4, "w") as f:
    f.write("[diagnosis]\n5 = 3\n")
s = Session(PLUGINS + ["interview", "--answers", f4], EN)
s.expect(r"broken\.ini:2: item 5")
if s.finish() != 3:
    fail("a broken answers file must stop the interview with status 3")
with open(f4) as f:
    if f.read() != "[diagnosis]\n5 = 3\n":
        fail("the broken answers file was rewritten")
# --- an answers file that cannot be saved is refused before any question ---
s = Session(PLUGINS + ["interview", "--answers", os.path.join(TMP, "no-such-dir", "a.ini")], EN)
s.expect(r"no-such-dir/a\.ini: cannot save answers in .*no-such-dir")
if s.finish() != 3:
    fail("an unwritable answers file must stop the interview with status 3")
if "Organisation name" in s.log.decode("utf-8", "replace"):
    fail("questions were asked although nothing could be saved")
print("interview: all scenarios passed")
