import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import { expect, type Page } from "@playwright/test";

const RANK: Record<string, number> = { minor: 1, moderate: 2, serious: 3, critical: 4 };
const SERIOUS = RANK.serious!;

interface AuditRule {
  id: string;
  impact?: string;
  any: (string | { id: string })[];
  all: (string | { id: string })[];
  none: (string | { id: string })[];
}

/**
 * The rules none of whose results can be serious or critical: axe gives every result of a rule
 * with an impact that impact, and a rule without one the highest of its failing checks', so these
 * can never fail the check below and are not run (with the passes' details left out, about 40 % of
 * a scan's time; `region` walks the whole page). Read from the axe-core the scans inject, so a rule
 * an upgrade makes serious runs again.
 */
export const RULES_NEVER_SERIOUS: string[] = (() => {
  const audit = (axe as unknown as { _audit: { rules: AuditRule[]; checks: Record<string, { impact?: string } | undefined> } })._audit;
  const highest = (r: AuditRule): number => {
    if (r.impact) return RANK[r.impact] ?? RANK.critical!;
    const checks = [...r.any, ...r.all, ...r.none].map((c) => audit.checks[typeof c === "string" ? c : c.id]?.impact);
    // A check with no impact on record: nothing says the rule cannot be serious.
    return checks.length && checks.every((i) => i !== undefined) ? Math.max(...checks.map((i) => RANK[i!] ?? RANK.critical!)) : RANK.critical!;
  };
  return audit.rules.filter((r) => highest(r) < SERIOUS).map((r) => r.id);
})();

/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .disableRules(RULES_NEVER_SERIOUS)
    // Only the violations' nodes are collected: the assertion reads nothing else.
    .options({ resultTypes: ["violations"] })
    // axe.run in the page itself. The default runs each frame apart and opens a blank page of the
    // context to put the results together (for cross-origin frames, which the app has none of):
    // about 700 ms of a new renderer per scan, more than the rules themselves on most pages.
    .setLegacyMode(true)
    .analyze();
  const bad = results.violations.filter((v) => (RANK[v.impact ?? ""] ?? 0) >= SERIOUS);
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${label}`,
  ).toEqual([]);
}
