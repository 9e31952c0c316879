import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anyOf } from "./any-of";
import { testEngines } from "./test-db";
import { withTestDatabase } from "@/server/test-database";

describe.each(testEngines())("anyOf on %s", (engine) => {
  const database = withTestDatabase(engine, { install: false });

  const odd = ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "", "空间"];
  const matched = async (values: string[]) => {
    const r = await database.db.execute(
      sql`SELECT v FROM (VALUES ${sql.join([...odd, "other"].map((v) => sql`(${v})`), sql`, `)}) AS t(v) WHERE ${anyOf(sql`v`, values)}`,
    );
    return (r.rows as { v: string }[]).map((x) => x.v).sort();
  };

  it("matches exactly the given values, however they are spelled, as one parameter", async () => {
    expect(await matched(odd)).toEqual([...odd].sort());
    expect(await matched(["e", "f", "g"])).toEqual([]);
    expect(await matched(["other"])).toEqual(["other"]);
  });

  it("matches nothing for no value", async () => {
    expect(await matched([])).toEqual([]);
  });

  it("binds a thousand ids as one parameter", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `id-${i}`);
    const q = database.db.select().from(sql`x`).where(anyOf(sql`id`, ids)).toSQL();
    expect(q.params).toHaveLength(1);
  });
});
