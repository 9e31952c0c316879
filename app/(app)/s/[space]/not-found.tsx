import { NotFoundPanel } from "@/components/shell/not-found-panel";

/** An unknown number or page inside a space the caller may open: back to that space's numbers. */
export default function SpaceNotFound() {
  return <NotFoundPanel inSpace />;
}
