"""The GitHub workflow: make test on every pull request, publish site/ to Pages from main only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def load() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True)
    return data


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_every_pull_request_runs_the_whole_test_suite() -> None:
    workflow = load()
    assert "pull_request" in workflow["on"]
    test = workflow["jobs"]["test"]
    assert ".ci/run" in runs(test)
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")
    checkout = next(step for step in test["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    # "Last updated" needs the history.
    assert checkout["with"]["fetch-depth"] == 0
    # git must exist before the checkout, or it downloads a tarball without history.
    steps = [step.get("uses", "") or step.get("run", "") for step in test["steps"]]
    assert steps.index(checkout["uses"]) > next(i for i, s in enumerate(steps) if "apt-get install" in s and " git " in s)


def test_only_main_is_published_and_only_after_the_tests_pass() -> None:
    workflow = load()
    assert workflow["on"]["push"]["branches"] == ["main"]
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test"
    assert "refs/heads/main" in publish["if"] and "push" in publish["if"]
    assert "make build" in runs(publish)
    deploy = next(step for step in publish["steps"] if step.get("uses", "").startswith("JamesIves/github-pages-deploy-action@"))
    assert deploy["with"]["folder"] == "site" and deploy["with"]["branch"] == "gh-pages"
    # A publish keeps the pull requests' previews that live beside the site.
    assert deploy["with"]["clean-exclude"] == "pr-preview/"
    assert publish["permissions"] == {"contents": "write"}
    # Nothing may write unless its job says so.
    assert workflow["permissions"] == {}


def test_the_editors_check_runs_first_and_installs_only_what_it_needs() -> None:
    workflow = load()
    check = workflow["jobs"]["check"]
    # Seconds, not minutes: no browser, no test suite; the tests and the preview wait for it.
    assert "make check" in runs(check)
    assert ".ci/run" not in runs(check) and "make test" not in runs(check)
    assert workflow["jobs"]["test"]["needs"] == "check" and workflow["jobs"]["preview"]["needs"] == "check"
    assert check["permissions"] == {"contents": "read"}
    cache = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert "requirements-check.txt" in cache["with"]["key"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "check: $(VENV)/.installed-check" in makefile


def test_every_pull_request_gets_a_preview_that_runs_no_fork_code_with_write_access() -> None:
    workflow = load()
    assert "pull_request_target" not in workflow["on"]
    assert set(workflow["on"]["pull_request"]["types"]) >= {"opened", "synchronize", "reopened", "closed"}
    preview = workflow["jobs"]["preview"]
    # Right after the check, not after the whole suite; never for a fork's code.
    assert preview["needs"] == "check"
    assert "head.repo.full_name == github.repository" in preview["if"]
    assert "needs.check.result == 'success'" in preview["if"] and "closed" in preview["if"]
    build = next(step for step in preview["steps"] if "make build" in step.get("run", ""))
    assert build["env"]["REGIOVISIE_PR_PREVIEW"] == "1"
    action = next(step for step in preview["steps"] if step.get("uses", "").startswith("rossjrw/pr-preview-action@"))
    # Removed again when the pull request closes (action: auto), under its own folder.
    assert action["with"]["action"] == "auto" and action["with"]["umbrella-dir"] == "pr-preview" and action["with"]["source-dir"] == "site"
    assert preview["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_every_action_is_pinned_to_a_commit_and_no_checkout_keeps_its_credentials() -> None:
    for job in load()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].split("@")[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_zizmor_and_githubs_workflow_schema_pass() -> None:
    """zizmor's audits (offline) and the workflow schema GitHub publishes (check-jsonschema's vendored copy)."""
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    zizmor = subprocess.run([str(bin_dir / "zizmor"), "--offline", "--no-progress", str(WORKFLOW)], capture_output=True, text=True, check=False, timeout=120)
    assert zizmor.returncode == 0, zizmor.stdout + zizmor.stderr
    schema = subprocess.run([str(bin_dir / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True, check=False, timeout=120)
    assert schema.returncode == 0, schema.stdout + schema.stderr
