import "server-only";
import { randomInt } from "node:crypto";
import type { OperationName } from "@/lib/cams/operations";
import { applyDemoSeed } from "./seed";
import { NonceCache } from "./signature";
import { SandboxState } from "./state";

/** Everything a running sandbox holds: state, credentials, faults, counters, limiter, nonces. */

export interface Credential {
  accessKeyId: string;
  accessKeySecret: string;
}

export const FAULT_KINDS = ["error", "http", "latency", "malformed", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  action?: OperationName;
  custSpaceId?: string;
  kind: FaultKind;
  code?: string;
  httpStatus?: number;
  message?: string;
  latencyMs?: number;
  /** Calls left to fault; -1 = until cleared. */
  remaining: number;
}

export interface CallCounters {
  byAction: Partial<Record<OperationName, number>>;
  limitControl: number;
  /** System.LimitControl answers per operation (each also counted in byAction). */
  limitControlByAction: Partial<Record<OperationName, number>>;
  total: number;
}

const emptyCounters = (): CallCounters => ({ byAction: {}, limitControl: 0, limitControlByAction: {}, total: 0 });

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomString = (n: number) => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join("");

export function randomCredential(): Credential {
  return { accessKeyId: `LTAI5t${randomString(18)}`, accessKeySecret: randomString(30) };
}

/** Per-AccessKeyId, per-operation sliding one-second window. */
export class RateLimiter {
  private windows = new Map<string, number[]>();

  /** True when the call may proceed (and is recorded); false when it exceeds `qps`. */
  take(accessKeyId: string, action: string, qps: number, now: number): boolean {
    const key = `${accessKeyId}\u0000${action}`;
    const w = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
    const ok = w.length < qps;
    if (ok) w.push(now);
    this.windows.set(key, w);
    return ok;
  }

  clear(): void {
    this.windows.clear();
  }
}

export class SandboxRuntime {
  readonly state = new SandboxState();
  readonly limiter = new RateLimiter();
  readonly nonces = new NonceCache();
  faults: Fault[] = [];
  calls: CallCounters = emptyCounters();
  /** The same counters per CustSpaceId, so tests running side by side each count their own space's calls. */
  callsBySpace = new Map<string, CallCounters>();
  private nextFaultId = 1;
  private secrets: Map<string, string>;

  constructor(
    readonly credentials: Credential[],
    private readonly initialSpaces: string[] | undefined,
    private readonly seed: boolean,
    readonly now: () => number,
  ) {
    this.secrets = new Map(credentials.map((c) => [c.accessKeyId, c.accessKeySecret]));
    this.reset();
  }

  /** The account that owns the seed and spaces created through the control API. */
  get primaryOwner(): string {
    return this.credentials[0].accessKeyId;
  }

  secretFor = (accessKeyId: string): string | undefined => this.secrets.get(accessKeyId);

  reset(): void {
    this.state.clear();
    if (this.initialSpaces) {
      for (const id of this.initialSpaces) this.state.addSpace(id, id, this.primaryOwner);
    } else if (this.seed) {
      applyDemoSeed(this.state, this.primaryOwner);
    }
    this.faults = [];
    this.resetCalls();
    this.limiter.clear();
  }

  resetCalls(): void {
    this.calls = emptyCounters();
    this.callsBySpace.clear();
  }

  /** The counters of one CustSpaceId (zeros when it had no call). */
  spaceCalls(custSpaceId: string): CallCounters {
    return this.callsBySpace.get(custSpaceId) ?? emptyCounters();
  }

  private countersOf(custSpaceId: string | undefined): CallCounters[] {
    if (!custSpaceId) return [this.calls];
    let c = this.callsBySpace.get(custSpaceId);
    if (!c) this.callsBySpace.set(custSpaceId, (c = emptyCounters()));
    return [this.calls, c];
  }

  countCall(action: OperationName, custSpaceId?: string): void {
    for (const c of this.countersOf(custSpaceId)) {
      c.byAction[action] = (c.byAction[action] ?? 0) + 1;
      c.total++;
    }
  }

  countLimitControl(action: OperationName, custSpaceId?: string): void {
    for (const c of this.countersOf(custSpaceId)) {
      c.limitControl++;
      c.limitControlByAction[action] = (c.limitControlByAction[action] ?? 0) + 1;
    }
  }

  /** Removes every fault, or only those injected for one CustSpaceId. */
  clearFaults(custSpaceId?: string): void {
    this.faults = custSpaceId ? this.faults.filter((f) => f.custSpaceId !== custSpaceId) : [];
  }

  addFault(f: Omit<Fault, "id">): Fault {
    const fault = { ...f, id: this.nextFaultId++ };
    this.faults.push(fault);
    return fault;
  }

  /** The first fault matching this call, consumed by one. */
  takeFault(action: OperationName, custSpaceId: string | undefined): Fault | undefined {
    const f = this.faults.find(
      (x) => x.remaining !== 0 && (!x.action || x.action === action) && (!x.custSpaceId || x.custSpaceId === custSpaceId),
    );
    if (!f) return undefined;
    if (f.remaining > 0) f.remaining--;
    this.faults = this.faults.filter((x) => x.remaining !== 0);
    return f;
  }
}
