"""The two exception types, problems in the input the user can fix and faults of the machine, and a collector."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path


class BuildError(Exception):
    """A problem in the user's input: shown as ``error: <message>``, never as a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class Problems:
    """Errors and warnings collected by one stage, so the rest of the digest still builds. (A plain class: the
    command line imports this module before its no-op check, which imports nothing it can do without.)"""

    def __init__(self) -> None:
        self.errors: list[BuildError] = []
        """Inputs that were rejected; the build exits 1 when any are present."""
        self.warnings: list[str] = []
        """Things the operator should know about that did not stop anything."""

    def error(self, err: BuildError) -> None:
        self.errors.append(err)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


class Fault(Exception):
    """A fault of the machine, not of the input (a full disk, a folder it may not write, a tool that
    crashed, a worker killed): shown as one ``error:`` line naming the path or tool, the cause and
    what to do; the build exits 2 and leaves the site and content/ as they were."""


class Stopped(KeyboardInterrupt):
    """Ctrl-C or SIGTERM, with what it left: shown as one line, not a traceback."""

    def __init__(self, message: str = "stopped; the published site and content/ are unchanged") -> None:
        super().__init__(message)
        self.message = message


CAUSES = {
    errno.ENOSPC: ("no space left on the device", "free some space on it (df -h shows how much is left), then build again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or ask for a larger quota, then build again"),
    errno.EACCES: ("permission denied", "give the user running the build access to it (ls -ld shows its owner "
                                        "and mode), or run the build as its owner"),
    errno.EPERM: ("operation not permitted", "check its owner, mode and attributes (ls -ld, lsattr), or run the build as its owner"),
    errno.EROFS: ("read-only file system", "remount it read-write, or point paths: in config.yaml at a writable disk"),
    errno.EIO: ("input/output error", "the disk may be failing: check it (dmesg), then build again"),
    errno.EMFILE: ("too many open files", "raise the limit (ulimit -n), then build again"),
    errno.ENOMEM: ("out of memory", "stop other programs or add memory, then build again"),
}


def describe_os_error(exc: OSError, root: Path) -> str:
    """One line for an OSError: the path (relative to the project, staging folders shown as the folder
    they stand for), the cause in words, what to do."""
    cause, todo = CAUSES.get(exc.errno, (exc.strerror or str(exc), "fix that, then build again"))
    where = ""
    if exc.filename is not None:
        path = Path(os.fsdecode(exc.filename))
        shown = path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else str(path)
        shown = STAGING.sub(lambda m: f"{m[1]}/", shown, count=1)
        where = f"{shown}: "
    return f"{where}{cause}: {todo}"


STAGING = re.compile(r"\.([^/]+)\.(?:new|journal|search)-[^/]+(?:/files)?(?:/|$)")
"""A build's staging folder or journal beside the output folder: named as the output folder itself."""


QUOTE_PROBLEMS = ("mapping values are not allowed", "that cannot start any token", "expected <block end>, but found",
                  "did not find expected key", "found undefined alias")
"""What PyYAML (and libyaml, in its words) says when a plain value holds YAML syntax: ': ' (read as a new key), a leading quote with more
after it, a leading @ or ` (reserved), a leading * (an alias)."""
KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)([^\s#:'\"][^#:]*?)[ \t]*:[ \t]+(\S.*?)[ \t]*$")


def yaml_problem(exc: Exception, text: str) -> tuple[str, int | None]:
    """A yaml.YAMLError on `text` -> (what is wrong, 0-based line of `text` where it is). When a value holds
    what YAML reads as syntax (an unquoted colon, most often: `title: Budget: what changes`), say so and show
    the line with the value in quotes."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return f"not valid YAML: {problem}", None
    lines, line = text.split("\n"), mark.line
    if any(p in problem for p in QUOTE_PROBLEMS):
        for i in range(min(mark.line, len(lines) - 1), max(-1, mark.line - 20), -1):   # a value may run over lines
            m = KEY_LINE.match(lines[i])
            if m and (i < mark.line or m.end(2) < mark.column):
                value = " ".join([m[3], *(l.strip() for l in lines[i + 1:mark.line + 1])])
                quoted = f"'{value}'" if '"' in value and "'" not in value else \
                    '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
                why = ("holds ': ', which YAML reads as the start of another key" if ": " in value else
                       "starts with a quote that closes before the value ends" if value[0] in "'\"" else
                       f"starts with {value[0]}, which YAML reserves" if value[0] in "@`*&!%|>" else
                       "holds characters YAML reads as its own")
                return f"not valid YAML: the value of '{m[2]}' {why}: put it in quotes: {m[2]}: {quoted}", i
    return f"not valid YAML: {problem}", line
