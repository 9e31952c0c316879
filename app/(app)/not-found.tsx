import { NotFoundPanel } from "@/components/shell/not-found-panel";

/** notFound() anywhere in the app (a space the caller may not open included): inside the shell. */
export default function AppNotFound() {
  return <NotFoundPanel />;
}
