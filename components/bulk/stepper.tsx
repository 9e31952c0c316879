import { Check } from "lucide-react";
import { cn } from "@/lib/utils";

/** The wizard's steps; the current one is marked for screen readers with aria-current. */
export function Stepper({ steps, current, label }: { steps: string[]; current: number; label: string }) {
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap items-center gap-2 text-sm">
        {steps.map((s, i) => (
          <li key={s} className="flex items-center gap-2" aria-current={i === current ? "step" : undefined}>
            <span
              className={cn(
                "flex size-6 items-center justify-center rounded-full border text-xs font-medium",
                i < current && "border-primary bg-primary text-primary-foreground",
                i === current && "border-primary text-primary",
                i > current && "text-muted-foreground",
              )}
            >
              {i < current ? <Check className="size-3.5" aria-hidden="true" /> : i + 1}
            </span>
            <span className={cn(i === current ? "font-medium" : "text-muted-foreground")}>{s}</span>
            {i < steps.length - 1 ? <span aria-hidden="true" className="mx-1 h-px w-8 bg-border" /> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
