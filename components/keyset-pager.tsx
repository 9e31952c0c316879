import Link from "next/link";
import { Button } from "@/components/ui/button";

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
