import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableHeader, TableRow } from "@/components/ui/table";

/** Newest / Older links of a list paged by keyset (a `before` cursor in the URL). */
export function KeysetPager({ label, newest, older, newerHref, olderHref }: { label: string; newest: string; older: string; newerHref: string | null; olderHref: string | null }) {
  return (
    <nav aria-label={label} className="flex justify-between">
      {newerHref ? (
        <Button asChild variant="outline" size="sm">
          <Link href={newerHref}>{newest}</Link>
        </Button>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Button asChild variant="outline" size="sm">
          <Link href={olderHref}>{older}</Link>
        </Button>
      ) : null}
    </nav>
  );
}

/** The hrefs of a keyset page: `query` holds the filters (without the cursor). */
export function keysetHrefs(path: string, query: URLSearchParams, before: number | undefined, nextBefore: number | null) {
  return {
    newerHref: before ? `${path}?${query.toString()}` : null,
    olderHref: nextBefore ? `${path}?${new URLSearchParams([...query, ["before", String(nextBefore)]]).toString()}` : null,
  };
}

/** A log paged by keyset (audit, history): its table in a scrolling bordered box, the pager under it. */
export function KeysetTable({ head, pager, children }: { head: ReactNode; pager: Parameters<typeof KeysetPager>[0]; children: ReactNode }) {
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>{head}</TableRow>
          </TableHeader>
          <TableBody>{children}</TableBody>
        </Table>
      </div>
      <KeysetPager {...pager} />
    </div>
  );
}
