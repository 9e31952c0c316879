import { Writable } from "node:stream";
import pino from "pino";
import { expect, it } from "vitest";
import { session } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-support";
import { errForLog } from "./logger";

const database = withTestDatabase();

const SECRET_TOKEN = "tok-0f9c2b7e4d1a-very-secret";

/** A real failing statement with a secret bound parameter: a session whose user does not exist. */
async function failingInsert(): Promise<unknown> {
  try {
    await database.db.insert(session).values({ id: "s-log", token: SECRET_TOKEN, userId: "no-such-user", expiresAt: new Date() });
  } catch (e) {
    return e;
  }
  throw new Error("the insert should have failed");
}

function logged(fn: (log: pino.Logger) => void): string {
  let out = "";
  const sink = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  });
  fn(pino({ serializers: { err: errForLog } }, sink));
  return out;
}

it("a failing database statement is logged with its code and statement text, never its bound parameters", async () => {
  const err = await failingInsert();
  // The library's error really carries the token (message and params), so the test means something.
  expect(String((err as Error).message)).toContain(SECRET_TOKEN);
  const shown = errForLog(err);
  expect(shown).toMatchObject({ name: "DatabaseError", code: "23503" });
  expect(shown.statement).toMatch(/^insert into "session"/);
  const line = logged((log) => {
    log.error({ err }, "action failed");
    // The same error passed on by hand (its message only) loses its parameters too.
    log.warn({ err: { message: (err as Error).message } }, "lease renewal failed");
  });
  expect(line).not.toContain(SECRET_TOKEN);
  expect(line).not.toContain("no-such-user");
  expect(line.match(/insert into \\"session\\"/g)).toHaveLength(2);
  expect(line).toContain("23503");
});

it("other errors keep name, message and stack", () => {
  const e = errForLog(new TypeError("boom"));
  expect(e).toMatchObject({ name: "TypeError", message: "boom" });
  expect(e.stack).toContain("boom");
  expect(errForLog("plain")).toEqual({ message: "plain" });
});
