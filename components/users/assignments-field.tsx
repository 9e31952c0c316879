"use client";

import { useTranslations } from "next-intl";

type Assignment = { spaceId: string; role: "operator" | "viewer" };

/** One row per space with a role choice; "no access" removes the space from the list. */
export function AssignmentsField({
  spaces,
  value,
  onChange,
  disabled,
}: {
  spaces: { id: string; name: string }[];
  value: Assignment[];
  onChange: (v: Assignment[]) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("users");
  const roleOf = new Map(value.map((a) => [a.spaceId, a.role]));
  if (spaces.length === 0) return <p className="text-sm text-muted-foreground">—</p>;
  return (
    <ul className="max-h-56 space-y-2 overflow-y-auto rounded-md border p-2">
      {spaces.map((s) => {
        const id = `assign-${s.id}`;
        return (
          <li key={s.id} className="flex items-center justify-between gap-2">
            <label htmlFor={id} className="truncate text-sm">
              {s.name}
            </label>
            <select
              id={id}
              disabled={disabled}
              className="h-8 rounded-md border bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
              value={roleOf.get(s.id) ?? ""}
              onChange={(e) => {
                const role = e.target.value as "" | "operator" | "viewer";
                const rest = value.filter((a) => a.spaceId !== s.id);
                onChange(role ? [...rest, { spaceId: s.id, role }] : rest);
              }}
            >
              <option value="">{t("roleNone")}</option>
              <option value="operator">{t("roleOperator")}</option>
              <option value="viewer">{t("roleViewer")}</option>
            </select>
          </li>
        );
      })}
    </ul>
  );
}
