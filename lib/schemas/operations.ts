/** Settings → Operations: the CAMS budget and the inventory's freshness (server/data/operations.ts). */
export const LANES = ["person", "change", "sweep"] as const;
export type LaneName = (typeof LANES)[number];

export interface OperationRowDto {
  accountId: string;
  accountName: string;
  operation: string;
  /** Documented calls per second for the account. */
  qps: number;
  /** Calls sent in the last minute, by lane (the budget of a minute is qps × 60). */
  lastMinute: Record<LaneName, number>;
  /** Calls sent since this instance started, by lane. */
  calls: Record<LaneName, number>;
  /** Mean wait for a slot of the budget, ms (null: no call). */
  meanWaitMs: number | null;
  limitControl: number;
  /** Calls CAMS answered with another error, and calls the limiter refused (queue full). */
  failures: number;
}

export interface SyncAccountDto {
  accountId: string;
  accountName: string;
  spaces: number;
  /** Spaces never observed yet. */
  unsynced: number;
  /** Age of the oldest stored record among the account's spaces, seconds (null: none observed). */
  maxLagSeconds: number | null;
  failing: number;
}

export interface FailingSyncDto {
  accountName: string;
  spaceId: string;
  spaceName: string;
  errorCode: string | null;
  lastErrorAt: string | null;
}

export interface OperationsDto {
  /** When this instance's counters started. */
  since: string;
  windowSeconds: number;
  operations: OperationRowDto[];
  sync: SyncAccountDto[];
  failingSyncs: FailingSyncDto[];
}
