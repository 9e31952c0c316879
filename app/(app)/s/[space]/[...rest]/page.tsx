import { notFound } from "next/navigation";

/** Any other path under a space: the space layout checks access first, then the shell's 404. */
export default function UnknownSpacePage() {
  notFound();
}
