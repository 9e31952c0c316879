import fs from "node:fs";
import path from "node:path";
import { E2E } from "./env";

export function occurrences(haystacks: string[], needle: string): number {
  return haystacks.reduce((n, h) => n + h.split(needle).length - 1, 0);
}

export function appLog(): string {
  const file = path.join(E2E.dataDir, "app.log");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}
