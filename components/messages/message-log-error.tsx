"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ReadErrorPanel } from "@/components/read-error";
import type { ActionServerError } from "@/lib/action-error";

/** The log's read failed on the server: the explained error, and a retry that renders the page again. */
export function MessageLogError({ error }: { error: ActionServerError }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return <ReadErrorPanel error={error} retrying={pending} onRetry={() => start(() => router.refresh())} />;
}
