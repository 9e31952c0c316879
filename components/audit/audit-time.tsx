"use client";

import { useSyncExternalStore } from "react";
import { formatAuditTime } from "@/lib/audit-display";

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * An event's time in the reader's own zone, with the zone shown. The server (which cannot know
 * the zone) renders UTC; hydration switches to the browser's zone without a mismatch.
 */
export function AuditTime({ at }: { at: string }) {
  const zone = useSyncExternalStore(never, browserZone, () => "UTC");
  return (
    <time dateTime={at} className="tabular-nums">
      {formatAuditTime(at, zone)}
    </time>
  );
}
