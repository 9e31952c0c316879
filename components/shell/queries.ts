// Not a client module: plain query factories (see lib/query-client.ts).
import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/query-client";
import { shellSpaceKeys } from "@/lib/query-keys";
import type { ShellSpacesDto } from "@/lib/schemas/spaces";

/** The switcher's spaces matching `q` (name or CustSpaceId), first SHELL_SPACES_SHOWN by name. */
export const shellSpacesQuery = (q: string) =>
  queryOptions({ queryKey: shellSpaceKeys.search(q), queryFn: getJson<ShellSpacesDto>(`/api/spaces?q=${encodeURIComponent(q)}`), staleTime: 10_000 });

/** One readable space by id: its name, role and sandbox flag for the header (no space when not readable). */
export const shellSpaceQuery = (id: string) =>
  queryOptions({ queryKey: shellSpaceKeys.one(id), queryFn: getJson<ShellSpacesDto>(`/api/spaces?id=${encodeURIComponent(id)}`), staleTime: 60_000 });

/** The spaces the caller may change matching `q`, first SHELL_SPACES_SHOWN by name (Add number on All spaces). */
export const writableSpacesQuery = (q: string) =>
  queryOptions({ queryKey: shellSpaceKeys.writable(q), queryFn: getJson<ShellSpacesDto>(`/api/spaces?writable=1&q=${encodeURIComponent(q)}`), staleTime: 10_000 });
