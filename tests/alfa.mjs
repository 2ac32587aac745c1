// Siteimprove Alfa (the W3C ACT rules) over every page of one or more built sites, in Debian's Chromium.
//
// Usage: node tests/alfa.mjs JOBS.json OUT.json
// JOBS.json: {"settings": [{"name", "width", "height", "scheme"}], "sites": [{"name", "base", "pages": [...]}]}
// OUT.json:  one record per page and setting: {site, setting, page, rules, outcomes, failed: [{rule, criteria, target, html, why}]}
//
// The rules run are those that map to a WCAG 2.2 success criterion at level A or AA (the
// level the site promises); rules for AAA or best practice only are left out, which also keeps
// the sweep within the test budget. Two tabs work at once: while Node audits one page,
// Chromium loads and serialises the next.
import { readFileSync, writeFileSync } from "node:fs";
import { Audit } from "@siteimprove/alfa-act";
import { Playwright } from "@siteimprove/alfa-playwright";
import { Rules } from "@siteimprove/alfa-rules";
import { Criterion } from "@siteimprove/alfa-wcag";
import { chromium } from "playwright";

const [jobsPath, outPath] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsPath, "utf8"));
const TABS = 2;
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

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

async function audit(tab, site, setting, page) {
  await tab.goto(`${site.base}/${page}`, { waitUntil: "load" });
  const alfaPage = await Playwright.toPage(await tab.evaluateHandle(() => window.document));
  const outcomes = [...(await Audit.of(alfaPage, rules).evaluate())];
  return {
    site: site.name,
    setting: setting.name,
    page,
    rules: rules.length,
    outcomes: outcomes.length,
    failed: outcomes.filter((outcome) => outcome.outcome === "failed").map(describe),
  };
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const records = [];
try {
  for (const setting of jobs.settings) {
    const context = await browser.newContext({
      viewport: { width: setting.width, height: setting.height },
      colorScheme: setting.scheme,
    });
    const queue = jobs.sites.flatMap((site) => site.pages.map((page) => [site, page]));
    const worker = async () => {
      const tab = await context.newPage();
      for (let job = queue.shift(); job; job = queue.shift()) {
        records.push(await audit(tab, job[0], setting, job[1]));
      }
    };
    await Promise.all(Array.from({ length: TABS }, worker));
    await context.close();
  }
} finally {
  await browser.close();
}
writeFileSync(outPath, JSON.stringify(records));
