import { Skeleton } from "@/components/ui/skeleton";

/** A number's tab while its settings load: the form's place, and beside it its preview or CAMS's values. */
export function FormBesideSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" role="status" aria-busy="true" aria-label={label}>
      <Skeleton className="h-96" />
      <Skeleton className="h-64" />
    </div>
  );
}
