// Not a client module: the server pages import the factories below for their prefetch.
import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { getJson, type Fetcher } from "@/lib/query-client";
import { bulkKeys } from "@/lib/query-keys";
import type { BulkNumbersResponse, ItemFilter, JobPageData, JobProgress, JobSummary } from "@/lib/schemas/bulk";

const jobUrl = (jobId: string) => `/api/bulk/jobs/${encodeURIComponent(jobId)}`;

/** A job is live while it may still change: counts move, items finish. */
export const isLive = (j: Pick<JobProgress, "status" | "finishedAt">) =>
  j.status === "queued" || j.status === "running" || (j.status !== "done" && !j.finishedAt);

/** The jobs list (the bulk page prefetches it with listJobs). */
export const jobsQuery = (fetcher: Fetcher<{ jobs: JobSummary[] }> = getJson("/api/bulk/jobs")) =>
  queryOptions({
    queryKey: bulkKeys.jobs(),
    queryFn: fetcher,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.jobs.some(isLive) ? 3000 : false),
  });

export function useJobs() {
  return useQuery(jobsQuery());
}

/**
 * The job page's one poll: its figures and the shown page of numbers come in the same answer, so
 * the summary and the rows always agree (no row still "waiting" under a "Done" badge). Every
 * second while the job runs; every few seconds while it is paused; not at all once it is over.
 */
export const jobPageQuery = (jobId: string, filter: ItemFilter, page: number, fetcher: Fetcher<JobPageData> = getJson(`${jobUrl(jobId)}/items?filter=${filter}&page=${page}`)) =>
  queryOptions({
    queryKey: bulkKeys.items(jobId, filter, page),
    queryFn: fetcher,
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) => {
      const j = query.state.data?.job;
      if (!j || !isLive(j)) return false;
      return j.status === "paused" ? 3000 : 1000;
    },
    refetchIntervalInBackground: false,
  });

/** The job page prefetches its first view ("all", page 1); another filter or page keeps the last answer shown until its own arrives. */
export function useJobPage(jobId: string, filter: ItemFilter, page: number) {
  return useQuery(jobPageQuery(jobId, filter, page));
}

const bulkNumbersQuery = (spaceId: string, status: string | null) =>
  queryOptions({
    queryKey: bulkKeys.numbers(spaceId, status),
    queryFn: getJson<BulkNumbersResponse>(`/api/bulk/numbers?spaces=${encodeURIComponent(spaceId)}${status ? `&status=${encodeURIComponent(status)}` : ""}`),
    staleTime: 60_000,
  });

/** One query per chosen space, so adding a space reads just that space from CAMS. */
export function useBulkNumbers(spaceIds: string[], status: string | null) {
  return useQueries({ queries: spaceIds.map((spaceId) => bulkNumbersQuery(spaceId, status)) });
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
