// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useDataTable } from "@/components/use-data-table";
import { byNumber, groupBySettings, sharedCounts, webhookColumns, type SortKey, type WebhookListRow } from "./table-model";

const row = (phoneNumber: string, status: string | null, up: string | null, queue = false): WebhookListRow => ({
  phoneNumber,
  spaceId: "s1",
  verifiedName: null,
  status: "CONNECTED",
  statusCallbackUrl: status,
  upCallbackUrl: up,
  statusQueue: queue ? "q-status" : null,
  upQueue: queue ? "q-up" : null,
  httpFlag: status || up ? "Y" : "N",
  queueFlag: queue ? "Y" : "N",
});

/** The rows in the order the Webhooks table shows them for one sort (as webhooks-table.tsx builds it). */
function sortRows(data: WebhookListRow[], id: SortKey, dir: "asc" | "desc") {
  const { result } = renderHook(() => useDataTable({ data, columns: webhookColumns(data), tieOrder: byNumber(), sort: { id, dir } }));
  return result.current.rows;
}

const A = "https://a.example/status";
const B = "https://b.example/status";
const rows = [
  row("6580000003", A, null),
  row("6580000001", null, null),
  row("6580000002", A, null),
  row("6580000004", B, "https://b.example/in"),
  row("6580000005", A, null),
  row("6580000006", A, null, true),
];

describe("webhook table model", () => {
  it("groups numbers with identical settings, largest group first", () => {
    const groups = groupBySettings(rows);
    expect(groups.map((g) => g.rows.map((r) => r.phoneNumber))).toEqual([
      ["6580000003", "6580000002", "6580000005"],
      ["6580000006"],
      ["6580000004"],
      ["6580000001"],
    ]);
    expect(groups.map((g) => g.index)).toEqual([1, 2, 3, 4]);
  });

  it("the queue flag alone makes a different setting", () => {
    const counts = sharedCounts(rows);
    expect(Math.max(...counts.values())).toBe(3);
    expect(counts.size).toBe(4);
  });

  it("sorts by a URL with unset values last in both directions", () => {
    const asc = sortRows(rows, "statusUrl", "asc").map((r) => r.phoneNumber);
    expect(asc.at(-1)).toBe("6580000001");
    expect(asc.slice(0, 4)).toEqual(["6580000002", "6580000003", "6580000005", "6580000006"]);
    const desc = sortRows(rows, "statusUrl", "desc").map((r) => r.phoneNumber);
    expect(desc[0]).toBe("6580000004");
    expect(desc.at(-1)).toBe("6580000001");
  });

  it("sorts by how many numbers share the settings", () => {
    expect(sortRows(rows, "shared", "desc").slice(0, 3).map((r) => r.phoneNumber)).toEqual(["6580000002", "6580000003", "6580000005"]);
  });

  it("sorts by number and by flag", () => {
    expect(sortRows(rows, "number", "desc")[0]!.phoneNumber).toBe("6580000006");
    expect(sortRows(rows, "http", "asc")[0]!.phoneNumber).toBe("6580000001");
    expect(sortRows(rows, "queue", "desc")[0]!.phoneNumber).toBe("6580000006");
  });
});
