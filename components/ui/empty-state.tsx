import { SearchX } from "lucide-react";
import * as React from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** Decorative icon element, e.g. `<Inbox />`. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Optional call to action, e.g. a `<Button>`. */
  action?: React.ReactNode;
  /** Heading level of the title (default "h2"). */
  titleAs?: "h2" | "h3" | "h4" | "p";
};

function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h2",
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <div className="flex max-w-md flex-col gap-1">
        <Title className="text-base font-semibold">{title}</Title>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
      {action ? <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

/** What a filtered list shows when nothing matches: why, and one button that clears the filters. */
function NoMatchState({
  clearLabel,
  onClear,
  ...props
}: Omit<EmptyStateProps, "icon" | "action"> & { clearLabel: React.ReactNode; onClear: () => void }) {
  return (
    <EmptyState
      icon={<SearchX />}
      action={
        <Button variant="outline" onClick={onClear}>
          {clearLabel}
        </Button>
      }
      {...props}
    />
  );
}

export { EmptyState, NoMatchState, type EmptyStateProps };
