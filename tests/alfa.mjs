// Siteimprove Alfa (the W3C ACT rules) over pages the axe sweep has open in Chromium.
//
// The sweep (tests/test_quality.py) loads each page once: axe checks it, then the page is
// serialised in the browser with Alfa's own serialisers and sent here, one JSON line a page:
//   {"site", "setting", "page", "url", "snapshot": {"document", "device"}}
// Each line is audited as it comes; one JSON line a page goes to OUT:
//   {site, setting, page, rules, outcomes, failed: [{rule, criteria, target, html, why}]}
//
// Usage: node tests/alfa.mjs OUT.jsonl < snapshots
//        node tests/alfa.mjs --serialisers   (prints the browser-side functions, as JSON)
//
// The rules run are those that map to a WCAG 2.2 success criterion at level A or AA (the level
// the site promises); rules for AAA or best practice only are left out.
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { Audit } from "@siteimprove/alfa-act";
import { Device } from "@siteimprove/alfa-device";
import * as deviceNative from "@siteimprove/alfa-device/native";
import { Document } from "@siteimprove/alfa-dom";
import * as domNative from "@siteimprove/alfa-dom/native";
import { Header, Headers, Request, Response } from "@siteimprove/alfa-http";
import { Rules } from "@siteimprove/alfa-rules";
import { URL } from "@siteimprove/alfa-url";
import { Criterion } from "@siteimprove/alfa-wcag";
import { Page } from "@siteimprove/alfa-web";

if (process.argv[2] === "--serialisers") {
  // The same functions alfa-playwright runs in the page; each is self-contained.
  process.stdout.write(JSON.stringify({
    document: domNative.Native.fromNode.toString(),
    device: deviceNative.Native.fromWindow.toString(),
  }));
  process.exit(0);
}

/** The WCAG 2.2 criteria at level A or AA that a rule's outcome speaks for. */
function levelAA(rule) {
  return rule.requirements
    .filter((requirement) => requirement instanceof Criterion)
    .filter((criterion) => criterion.level.toArray().some(([level, versions]) => (level === "A" || level === "AA") && versions.includes("2.2")))
    .map((criterion) => criterion.chapter);
}

const rules = [...Rules.values()].filter((rule) => levelAA(rule).length > 0);

/** What failed, where, and why, in a few words a person can act on. */
function describe(outcome) {
  const target = outcome.target;
  const path = typeof target.path === "function" ? target.path() : String(target);
  const html = String(target).replace(/\s+/g, " ").slice(0, 160);
  const why = [];
  for (const [, expectation] of outcome.expectations ?? []) {
    if (expectation.isErr?.()) why.push(String(expectation.getErr().message ?? expectation.getErr()));
  }
  return { rule: outcome.rule.uri.split("/").pop(), criteria: levelAA(outcome.rule), target: path, html, why: why.join(" ") };
}

/** An Alfa page from a snapshot, as alfa-playwright builds one (a GET that answered 200 with HTML). */
function toPage(record) {
  const device = Device.from(record.snapshot.device);
  const url = URL.parse(record.url).getUnsafe();
  const response = Response.of(url, 200, Headers.of([Header.of("Content-Type", "text/html")]));
  return Page.of(Request.of("GET", url), response, Document.from(record.snapshot.document, device), device);
}

const out = createWriteStream(process.argv[2]);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const record = JSON.parse(line);
  const outcomes = [...(await Audit.of(toPage(record), rules).evaluate())];
  out.write(JSON.stringify({
    site: record.site,
    setting: record.setting,
    page: record.page,
    rules: rules.length,
    outcomes: outcomes.length,
    failed: outcomes.filter((outcome) => outcome.outcome === "failed").map(describe),
  }) + "\n");
}
await new Promise((resolve) => out.end(resolve));
