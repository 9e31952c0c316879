import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";

/**
 * Every operation name the app can write to the audit log, read from the code itself: the
 * `operation` of each audited()/recordAudit() call and every action's metadata name (the action
 * clients record refusals under it). Constants, ternaries, lookups in object literals and
 * parameters fed by literal arguments are followed; anything else is reported as unresolved, so
 * a new call site cannot slip past the check below.
 */
const ROOT = process.cwd();
const SCAN = ["server", "app"];
const SKIP = [/\.test\.tsx?$/, /^server\/sandbox\//, /^server\/test-support\.ts$/];
// The recorder itself forwards its caller's operation.
const FORWARDERS = new Set(["server/audit/index.ts"]);

function sourceFiles(): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !SKIP.some((re) => re.test(rel))) {
        out.push(ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), "utf8"), ts.ScriptTarget.Latest, true));
      }
    }
  };
  SCAN.forEach(walk);
  return out;
}

const METADATA_NAME = Symbol("metadata.name");
type Value = string | typeof METADATA_NAME;

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

function collect(files: ts.SourceFile[]) {
  const names = new Set<string>();
  const unresolved: string[] = [];
  const at = (node: ts.Node) => `${node.getSourceFile().fileName}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const exportedConst = (name: string): ts.Expression | undefined => {
    for (const f of files) {
      for (const s of f.statements) {
        if (!ts.isVariableStatement(s)) continue;
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
      }
    }
    return undefined;
  };

  const resolve = (e: ts.Expression, depth = 0): Value[] | null => {
    if (depth > 8) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return resolve(e.expression, depth + 1);
    if (ts.isConditionalExpression(e)) {
      const a = resolve(e.whenTrue, depth + 1);
      const b = resolve(e.whenFalse, depth + 1);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isPropertyAccessExpression(e) && e.getText() === "metadata.name") return [METADATA_NAME];
    if (ts.isObjectLiteralExpression(e)) {
      const all: Value[] = [];
      for (const p of e.properties) {
        const v = ts.isPropertyAssignment(p) ? resolve(p.initializer, depth + 1) : null;
        if (!v) return null;
        all.push(...v);
      }
      return all;
    }
    if (ts.isElementAccessExpression(e)) return resolve(e.expression, depth + 1);
    if (ts.isIdentifier(e)) {
      // A parameter: whatever the enclosing function's callers in this file pass.
      for (let n: ts.Node | undefined = e.parent; n; n = n.parent) {
        if (!ts.isFunctionDeclaration(n) || !n.name) continue;
        const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === e.text);
        if (index < 0) continue;
        const fn = n.name.text;
        const values: Value[] = [];
        let calls = 0;
        const visit = (node: ts.Node): void => {
          if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === fn) {
            calls++;
            const arg = node.arguments[index];
            const v = arg ? resolve(arg, depth + 1) : null;
            if (!v) unresolved.push(`${at(node)} (argument ${index} of ${fn})`);
            else values.push(...v);
          }
          ts.forEachChild(node, visit);
        };
        visit(e.getSourceFile());
        return calls ? values : null;
      }
      // A local or exported constant.
      const local = findLocal(e);
      const init = local ?? exportedConst(e.text);
      return init ? resolve(init, depth + 1) : null;
    }
    return null;
  };

  const findLocal = (id: ts.Identifier): ts.Expression | undefined => {
    let found: ts.Expression | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === id.text && node.initializer) found ??= node.initializer;
      ts.forEachChild(node, visit);
    };
    visit(id.getSourceFile());
    return found;
  };

  const add = (values: Value[] | null, node: ts.Node) => {
    if (!values) return unresolved.push(at(node));
    for (const v of values) if (typeof v === "string") names.add(v);
  };

  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        const arg = node.arguments[0];
        if (name === "metadata" && arg && ts.isObjectLiteralExpression(arg)) {
          const v = property(arg, "name");
          if (v) add(resolve(v), v);
        }
        if ((name === "audited" || name === "recordAudit") && !FORWARDERS.has(file.fileName)) {
          const op = arg && ts.isObjectLiteralExpression(arg) ? property(arg, "operation") : undefined;
          if (!op) unresolved.push(`${at(node)} (${name} without an operation)`);
          else add(resolve(op), op);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { names: [...names].sort(), unresolved };
}

const label = (messages: Record<string, unknown>, operation: string): unknown => {
  const [area, name] = operation.split(".");
  const ops = (messages.audit as { operations?: Record<string, Record<string, unknown>> } | undefined)?.operations;
  return area && name ? ops?.[area]?.[name] : undefined;
};

describe("audit operation names", () => {
  const { names, unresolved } = collect(sourceFiles());

  it("are all found in the code (no call site whose operation cannot be followed)", () => {
    expect(unresolved).toEqual([]);
    // The ways names are given today: literals, a ternary, constants, a lookup table, a parameter.
    for (const n of ["spaces.create", "users.disable", "users.enable", "encryptionKeys.update", "bulk.webhook", "bulk.encryptionKey", "bulk.pause", "webhooks.testDelivery"]) {
      expect(names).toContain(n);
    }
    expect(names.length).toBeGreaterThan(30);
  });

  it.each(["en", "zh-CN"] as const)("each has a label in %s", (locale) => {
    const messages = loadMessages(locale);
    const missing = names.filter((n) => {
      const l = label(messages, n);
      return typeof l !== "string" || l.trim() === "" || l === n;
    });
    expect(missing, `add them to messages/${locale}/audit.json "operations"`).toEqual([]);
  });

  it("the Chinese labels are not the English ones", () => {
    const en = loadMessages("en");
    const zh = loadMessages("zh-CN");
    expect(names.filter((n) => label(en, n) === label(zh, n))).toEqual([]);
  });
});
