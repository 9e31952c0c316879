import { cn } from "@/lib/utils";

/**
 * Done (green) and failed (red) segments of one bar. The accessible value is the share of numbers
 * that are finished, whatever their outcome; the figures beside it say how many of each.
 */
export function ProgressBar({
  total,
  ok,
  failed,
  cancelled,
  label,
  className,
  testId,
}: {
  total: number;
  ok: number;
  failed: number;
  cancelled: number;
  label: string;
  className?: string;
  testId?: string;
}) {
  const pct = (n: number) => (total ? (n / total) * 100 : 0);
  const settled = Math.round(pct(ok + failed + cancelled));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={settled}
      aria-valuetext={`${settled}%`}
      data-testid={testId}
      className={cn("flex h-3 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div className="h-full bg-success transition-[width] duration-500" style={{ width: `${pct(ok)}%` }} />
      <div className="h-full bg-destructive transition-[width] duration-500" style={{ width: `${pct(failed)}%` }} />
      <div className="h-full bg-muted-foreground/40 transition-[width] duration-500" style={{ width: `${pct(cancelled)}%` }} />
    </div>
  );
}
