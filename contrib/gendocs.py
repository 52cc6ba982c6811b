#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the documentation that follows from what smeaudit says about itself.

  man/smeaudit.ini.5   from man/smeaudit.ini.5.in and
                       smeaudit --list-config --format json (every key)
  README.md            the table between the "generated: items" markers, from
                       smeaudit --list-items / --list --format json

Run through "make update-docs" (--write) after adding a configuration key,
a check or a plugin; tests/e2e/docs.sh runs --check, which fails while a
file is out of date.  The smeaudit given must be the build tree's, which
loads the tree's own plugins and nothing else.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

INI_PAGE = "man/smeaudit.ini.5"
README = "README.md"
README_BEGIN = "<!-- generated: items (make update-docs) -->"
README_END = "<!-- end generated: items -->"

SECTION_WORDS = {
    "sub": "Only in [plugin.%s.SUB] sections.",
    "both": "In [plugin.%s] and in [plugin.%s.SUB] sections.",
}


def run_json(smeaudit, *args):
    """The JSON that smeaudit --lang en ARGS prints."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    out = subprocess.run([smeaudit, "--lang", "en", *args], env=env, check=True,
                         stdout=subprocess.PIPE).stdout
    return json.loads(out.decode("utf-8"))


def check_not_refused(plugins):
    refused = [p for p in plugins if p.get("refused")]
    if refused:
        sys.exit("gendocs: smeaudit refuses plugins of this tree, so their keys "
                 "would be missing: " +
                 "; ".join("%s: %s" % (p["name"], p["refused"]) for p in refused))


# roff ------------------------------------------------------------------

def roff_text(text):
    """Text lines for mdoc: one sentence per line, nothing read as a request."""
    text = text.replace("\\", "\\e")
    # A new sentence starts a new line, as mdoc wants.
    lines = re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", text.strip())
    out = []
    for line in lines:
        if line[:1] in (".", "'"):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)


def roff_arg(text):
    """One quoted macro argument, never a delimiter or a macro name."""
    return '"\\&%s"' % text.replace("\\", "\\e").replace('"', "\\(dq")


def key_entries(keys, plugin=None):
    out = []
    for k in keys:
        out.append(".It Cm %s Li = Ar %s" % (k["name"], k["type"]))
        text = (k["help"] or "").strip()
        if text and text[-1] not in ".!?)":
            text += "."
        out.append(roff_text(text))
        if plugin is not None and k["section"] in SECTION_WORDS:
            out.append(roff_text(SECTION_WORDS[k["section"]].replace("%s", plugin)))
        if k["repeatable"]:
            out.append("May be given several times.")
        if k["default"] not in (None, ""):
            out.append("Default:")
            out.append(".Ql %s ." % roff_arg(k["default"]))
        else:
            out.append("No default.")
    return out


def ini_keys_section(config, plugins):
    desc = {p["name"]: p for p in plugins}
    out = [".Sh CORE", "The", ".Li [core]", "section:",
           ".Bl -tag -width Ds"]
    out += key_entries(config["core"])
    out.append(".El")
    out += [".Sh PLUGINS",
            "Every", ".Li [plugin. Ns Ar name Ns Li \\&]", "section takes these keys:",
            ".Bl -tag -width Ds"]
    out += key_entries(config["plugin_common"])
    out += [".El", ".Pp",
            "The sections of the plugins shipped with this version follow;",
            ".Nm smeaudit Fl \\-list", "describes the installed ones."]
    for name in sorted(config["plugins"]):
        keys = config["plugins"][name]
        out.append(".Ss %s" % roff_arg("[plugin.%s]" % name))
        p = desc.get(name)
        if p is not None and p.get("description"):
            out.append(roff_text(p["description"] + "."))
        items = p.get("items", []) if p else []
        if items:
            out.append(roff_text("Evidence for item%s %s." % (
                "s" if len(items) > 1 else "", ", ".join(str(i) for i in items))))
        if not keys:
            out.append("No keys besides")
            out.append(".Cm enabled")
            out.append("and")
            out.append(".Cm timeout .")
            continue
        out.append(".Bl -tag -width Ds")
        out += key_entries(keys, name)
        out.append(".El")
    return "\n".join(out)


def ini_page(srcdir, smeaudit, old):
    config = run_json(smeaudit, "--list-config", "--format", "json")
    plugins = run_json(smeaudit, "--list", "--format", "json")
    check_not_refused(plugins)
    with open(os.path.join(srcdir, INI_PAGE + ".in"), encoding="utf-8") as f:
        template = f.read()
    if ".\\\" @KEYS@\n" not in template:
        sys.exit("gendocs: %s.in lacks the @KEYS@ line" % INI_PAGE)
    page = template.replace(".\\\" @KEYS@\n", ini_keys_section(config, plugins) + "\n")
    page = page.replace(".\\\" The source of smeaudit.ini.5:", ".\\\" Generated from smeaudit.ini.5.in:")
    # Keep the date while nothing else changes, so that the page only
    # changes with what it says.
    date = None
    if old is not None:
        m = re.search(r"^\.Dd (.*)$", old, re.M)
        if m and strip_date(old) == strip_date(page.replace("@DATE@", m.group(1))):
            date = m.group(1)
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        day = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
               if epoch else datetime.datetime.now(datetime.timezone.utc))
        date = "%s %d, %d" % (day.strftime("%B"), day.day, day.year)
    return page.replace("@DATE@", date)


def strip_date(page):
    return re.sub(r"^\.Dd .*$", ".Dd", page, flags=re.M)


# README ----------------------------------------------------------------

MODE_WORDS = {
    "auto": "no",
    "partly": "too: evidence covers part",
    "human": "yes",
}


def readme_table(smeaudit):
    items = run_json(smeaudit, "--list-items", "--format", "json")
    plugins = run_json(smeaudit, "--list", "--format", "json")
    check_not_refused(plugins)
    checks = {}
    cloud = {}
    for p in plugins:
        for c in p.get("checks", []):
            if c["item"]:
                checks.setdefault(c["item"], []).append(c["id"])
            if c["cloud_item"]:
                cloud.setdefault(c["cloud_item"], []).append(c["id"])
    rows = ["| # | item | needs an answer | plugin checks (evidence) |",
            "|---|---|---|---|"]
    for it in items:
        ids = checks.get(it["number"], [])
        rows.append("| %d | %s | %s | %s |" % (
            it["number"], it["label"], MODE_WORDS.get(it["mode"], it["mode"]),
            ", ".join("`%s`" % i for i in ids) if ids else "—"))
    if cloud:
        rows.append("")
        rows.append("Cloud service checklist items with evidence from plugins: " +
                    "; ".join("cloud %d: %s" % (n, ", ".join("`%s`" % i for i in cloud[n]))
                              for n in sorted(cloud)) + ".")
    return "\n".join(rows)


def readme(srcdir, smeaudit, old):
    if old is None or README_BEGIN not in old or README_END not in old:
        sys.exit("gendocs: %s lacks the markers %s ... %s" % (README, README_BEGIN, README_END))
    head, rest = old.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    return head + README_BEGIN + "\n" + readme_table(smeaudit) + "\n" + README_END + tail


# main ------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smeaudit", required=True, help="the build tree's smeaudit")
    ap.add_argument("--srcdir", default=".", help="the source tree")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="update the files")
    mode.add_argument("--check", action="store_true",
                      help="exit 1 naming each file that is out of date")
    args = ap.parse_args()

    stale = []
    for rel, make in ((INI_PAGE, ini_page), (README, readme)):
        path = os.path.join(args.srcdir, rel)
        try:
            with open(path, encoding="utf-8") as f:
                old = f.read()
        except FileNotFoundError:
            old = None
        new = make(args.srcdir, args.smeaudit, old)
        if old is not None and strip_date(old) == strip_date(new):
            continue
        if args.check:
            stale.append(rel)
            if old is not None:
                import difflib
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), new.splitlines(True), rel, rel + " (generated)"))
            continue
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(new)
        os.replace(path + ".tmp", path)
        print("gendocs: wrote %s" % rel)
    if stale:
        print("gendocs: out of date: %s; run \"make update-docs\" and commit the result"
              % ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
