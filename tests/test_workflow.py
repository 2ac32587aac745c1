"""The GitHub workflow: make test on every pull request, publish site/ to Pages from main only."""

from __future__ import annotations

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
    assert uses(publish)[-3:] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    upload = next(step for step in publish["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    # Everything else may only read.
    assert workflow["permissions"] == {"contents": "read"}


def test_the_editors_check_runs_first_and_the_built_site_is_kept_for_the_editor() -> None:
    workflow = load()
    check = workflow["jobs"]["check"]
    # Seconds, not minutes: no browser, no test suite; the tests wait for it.
    assert "make check" in runs(check)
    assert ".ci/run" not in runs(check) and "make test" not in runs(check)
    assert workflow["jobs"]["test"]["needs"] == "check"
    test = workflow["jobs"]["test"]
    upload = [step for step in test["steps"] if step.get("uses", "").startswith("actions/upload-artifact@") and step["with"]["path"] in ("site", "site/")]
    assert upload, "the built site is not kept as an artifact"
    build = [step for step in test["steps"] if "make build" in step.get("run", "")]
    assert build and test["steps"].index(build[0]) < test["steps"].index(upload[0])
