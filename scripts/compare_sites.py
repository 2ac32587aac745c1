"""Proof that a reorganisation changed no reader's byte: build both regions at two versions and
compare the built sites file by file.

    python scripts/compare_sites.py BEFORE [AFTER]

BEFORE and AFTER are git revisions (AFTER defaults to the working tree). Each version is built
from a clean checkout (git worktree) with this project's .venv, for IJsselland and the example
region, with the PDFs and preview images, at one fixed SOURCE_DATE_EPOCH (the commit time of
BEFORE), so that time stamps cannot differ, from the same folder into the same folder (WeasyPrint
names an embedded picture after its file address). Every file that is missing, extra or different is
listed; the exit status is 0 only when both sites are byte-identical.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
REGIONS = {"ijsselland": None, "voorbeeld": "examples/voorbeeld"}


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _checkout(rev: str | None, into: Path) -> Path:
    """A clean copy of ``rev`` (or of the working tree, tracked and new files alike)."""
    if rev is not None:
        _git("worktree", "add", "--detach", str(into), rev)
        return into
    files = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    # history.py reads page dates from git: the copy shares this repository's history.
    shutil.copytree(ROOT / ".git", into / ".git", symlinks=True)
    return into


def build(tree: Path, out: Path, epoch: str) -> None:
    """Both regions of ``tree`` into ``out/<region>``."""
    for name, region in REGIONS.items():
        env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
        env.pop("REGIOVISIE_REGION", None)
        if region:
            env["REGIOVISIE_REGION"] = str(tree / region)
        env["REGIOVISIE_STAGE"] = str(out / f"{name}-stage")
        result = subprocess.run(
            [str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(out / name)], check=False, cwd=tree, env=env, capture_output=True, text=True
        )
        if result.returncode:
            sys.exit(f"the build of {name} in {tree} failed:\n{result.stdout}{result.stderr}")


def differences(before: Path, after: Path) -> list[str]:
    """Every path that is only in one site or differs in content."""
    found = []
    left = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    right = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    found += [f"only before: {p}" for p in sorted(left - right)]
    found += [f"only after:  {p}" for p in sorted(right - left)]
    for path in sorted(left & right):
        if not filecmp.cmp(before / path, after / path, shallow=False):
            found.append(f"differs:     {path}")
    return found


def main() -> int:
    """Build, compare, report."""
    before_rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    after_rev = sys.argv[2] if len(sys.argv) > 2 else None
    epoch = _git("log", "-1", "--format=%ct", before_rev)
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        work = Path(tmp)
        # Both versions are built at the same path: a PDF may carry the address of a file it
        # embeds, and that must not count as a difference.
        tree = work / "tree"
        try:
            for label, rev in (("before", before_rev), ("after", after_rev)):
                _checkout(rev, tree)
                # The same output path too: WeasyPrint names an embedded picture by its address.
                build(tree, work / "site", epoch)
                (work / "site").rename(work / f"site-{label}")
                if (tree / ".git").is_file():
                    _git("worktree", "remove", "--force", str(tree))
                shutil.rmtree(tree, ignore_errors=True)
            report = []
            total = 0
            for name in REGIONS:
                before, after = work / "site-before" / name, work / "site-after" / name
                files = [p for p in before.rglob("*") if p.is_file()]
                total += len(files)
                digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(files))).hexdigest()[:12]
                found = differences(before, after)
                report.append(f"{name}: {len(files)} files, {len(found)} differences (before {digest})")
                report += [f"  {line}" for line in found]
            print(f"{before_rev} -> {after_rev or 'working tree'}, SOURCE_DATE_EPOCH={epoch}")
            print("\n".join(report))
            return 0 if all(" 0 differences" in line for line in report if not line.startswith("  ")) else 1
        finally:
            if (tree / ".git").is_file():
                _git("worktree", "remove", "--force", str(tree))


if __name__ == "__main__":
    sys.exit(main())
