"use client";

import { keepPreviousData, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchJson, NO_RETRY } from "@/lib/query-client";
import { bulkKeys } from "@/lib/query-keys";
import type { BulkNumbersResponse, ItemFilter, JobPageData, JobProgress, JobSummary } from "@/lib/schemas/bulk";

const jobUrl = (jobId: string) => `/api/bulk/jobs/${encodeURIComponent(jobId)}`;

/** A job is live while it may still change: counts move, items finish. */
export const isLive = (j: Pick<JobProgress, "status" | "finishedAt">) =>
  j.status === "queued" || j.status === "running" || (j.status !== "done" && !j.finishedAt);

export function useJobs(initial: JobSummary[]) {
  return useQuery({
    queryKey: bulkKeys.jobs(),
    queryFn: ({ signal }) => fetchJson<{ jobs: JobSummary[] }>("/api/bulk/jobs", { signal }),
    initialData: { jobs: initial },
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.jobs.some(isLive) ? 3000 : false),
  });
}

/**
 * The job page's one poll: its figures and the shown page of numbers come in the same answer, so
 * the summary and the rows always agree (no row still "waiting" under a "Done" badge). Every
 * second while the job runs; every few seconds while it is paused; not at all once it is over.
 */
export function useJobPage(initial: JobProgress, filter: ItemFilter, page: number) {
  const q = useQuery({
    queryKey: bulkKeys.items(initial.id, filter, page),
    queryFn: ({ signal }) => fetchJson<JobPageData>(`${jobUrl(initial.id)}/items?filter=${filter}&page=${page}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) => {
      const j = query.state.data?.job ?? initial;
      if (!isLive(j)) return false;
      return j.status === "paused" ? 3000 : 1000;
    },
    refetchIntervalInBackground: false,
  });
  return { ...q, job: q.data?.job ?? initial };
}

/** One query per chosen space, so adding a space reads just that space from CAMS. */
export function useBulkNumbers(spaceIds: string[], status: string | null) {
  return useQueries({
    queries: spaceIds.map((spaceId) => ({
      queryKey: bulkKeys.numbers(spaceId, status),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchJson<BulkNumbersResponse>(`/api/bulk/numbers?spaces=${encodeURIComponent(spaceId)}${status ? `&status=${encodeURIComponent(status)}` : ""}`, {
          signal,
        }),
      ...NO_RETRY,
      staleTime: 60_000,
    })),
  });
}

/** After a job was started or changed (paused, resumed, cancelled, retried): the jobs list, and that job's page when named. */
export function useInvalidateJobs() {
  const qc = useQueryClient();
  return useCallback(
    (jobId?: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: bulkKeys.jobs() }),
        jobId ? qc.invalidateQueries({ queryKey: bulkKeys.job(jobId) }) : null,
      ]),
    [qc],
  );
}
