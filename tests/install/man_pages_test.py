#!/usr/bin/env python3
"""man_pages_test.py TOOL MAN_DIR: every manual page the build made renders without a
warning (groff -ww, as `man` renders it) and says, word for word, what the tool's --help
says now; there is one page for the tool and one for each command its --help lists, and no
other. So a help text edited without the pages being rebuilt, or a command added without
a page, fails here."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

HEADING = re.compile(r"^[A-Z][A-Za-z ]*:$")


def fail(message):
    sys.exit("FAIL: " + message)


def rendered(page):
    """The page as text, and groff's warnings."""
    result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-P-cbou", str(page)],
                            capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    if result.returncode != 0:
        fail(f"groff failed on {page.name} (exit {result.returncode}): {result.stderr}")
    return result.stdout, result.stderr


def page_words(text):
    """The words of the page's sections after NAME and before SEE ALSO, without the
    section headings (unindented lines) or the header and footer lines."""
    lines = text.split("\n")
    words = []
    section = None
    for line in lines:
        if line and not line.startswith(" "):
            section = line.strip()  # a heading, or the header or footer line
            continue
        if section in ("NAME", "SEE ALSO") or section is None:
            continue
        if section.startswith("CLAIMGRAPH") or section.startswith("claimgraph "):
            continue
        words += line.split()
    return words


def help_words(text):
    """The words of --help without "Usage:" and without headings such as "Options:"."""
    words = []
    for number, line in enumerate(text.split("\n")):
        if HEADING.match(line):
            continue
        line_words = line.split()
        if number == 0:
            line_words = line_words[1:]  # "Usage:"
        words += line_words
    return words


def first_difference(expected, actual):
    for position, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            return position
    return min(len(expected), len(actual))


def main():
    tool, man_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    if shutil.which("groff") is None:
        print("skipped: groff is not installed (scripts/setup installs groff-base)")
        sys.exit(77)
    tool_help = subprocess.run([tool, "--help"], capture_output=True, text=True, check=True).stdout
    commands = re.findall(r"^  ([a-z][a-z-]*)  ", tool_help.split("Commands:\n")[1].split("\n\n")[0],
                          re.MULTILINE)
    if not commands:
        fail("claimgraph --help lists no commands")
    expected_pages = ["claimgraph.1"] + [f"claimgraph-{command}.1" for command in commands]
    actual_pages = sorted(page.name for page in man_dir.glob("*.1"))
    if sorted(expected_pages) != actual_pages:
        fail(f"pages in {man_dir}: expected {sorted(expected_pages)}, found {actual_pages}")

    for page_name in expected_pages:
        command = page_name[len("claimgraph-"):-len(".1")] if page_name != "claimgraph.1" else None
        arguments = [tool] + ([command] if command else []) + ["--help"]
        help_text = subprocess.run(arguments, capture_output=True, text=True, check=True).stdout
        text, warnings = rendered(man_dir / page_name)
        if warnings:
            fail(f"groff -ww warns on {page_name}:\n{warnings}")
        expected, actual = help_words(help_text), page_words(text)
        if expected != actual:
            at = first_difference(expected, actual)
            fail(f"{page_name} does not say what '{' '.join(arguments[1:])}' says; from word {at}:\n"
                 f"  --help: {' '.join(expected[at:at + 12])}\n"
                 f"  page:   {' '.join(actual[at:at + 12])}")
        name_line = text.split("NAME\n")[1].split("\n")[0].strip()
        title = page_name[:-len(".1")]
        if not name_line.startswith(title + " - "):
            fail(f"{page_name}: the NAME line is '{name_line}'")
    print(f"{len(expected_pages)} manual pages render without warnings and match --help")


if __name__ == "__main__":
    main()
