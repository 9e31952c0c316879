import { cn } from "@/lib/utils";

export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-7 shrink-0", className)}>
      <rect width="32" height="32" rx="7" className="fill-primary" />
      <path
        d="M9 21.5 10.4 17A7 7 0 1 1 13 20.6Z"
        fill="none"
        className="stroke-primary-foreground"
        strokeWidth="2.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
