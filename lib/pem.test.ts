import { execFileSync } from "node:child_process";
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkEncryptionPublicKey,
  containsPrivateKey,
  describePublicKey,
  fingerprintOf,
  normalizeLineEndings,
  PEM_MAX_CHARS,
  toPublicKeyPem,
} from "./pem";

// Real keys, made at test time: nothing here is a fixture that could drift from what tools emit.
function rsa(bits: number) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    spki: String(publicKey.export({ type: "spki", format: "pem" })),
    pkcs1Public: String(publicKey.export({ type: "pkcs1", format: "pem" })),
    pkcs8: String(privateKey.export({ type: "pkcs8", format: "pem" })),
    pkcs1: String(privateKey.export({ type: "pkcs1", format: "pem" })),
    der: publicKey.export({ type: "spki", format: "der" }),
  };
}
const rsa2048 = rsa(2048);
const rsa1024 = rsa(1024);
const rsa4096 = rsa(4096);
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");

/** A self-signed certificate from the openssl binary (node:crypto can read X.509 but not write it). */
function selfSignedCertificate(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pem-test-"));
  try {
    const out = path.join(dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=t", "-keyout", path.join(dir, "k.pem"), "-out", out, "-days", "1"], {
      stdio: "ignore",
    });
    return fs.readFileSync(out, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const certificate = selfSignedCertificate();

const issue = (text: string) => {
  const r = checkEncryptionPublicKey(text);
  return r.ok ? "ok" : r.issue;
};

describe("checkEncryptionPublicKey on real keys", () => {
  it("accepts an RSA 2048 SPKI PEM and re-encodes it canonically", () => {
    const r = checkEncryptionPublicKey(rsa2048.spki);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info).toEqual({ keyType: "RSA", bits: 2048 });
    expect(r.pem).toBe(rsa2048.spki.trim());
    expect(Buffer.from(r.der).equals(rsa2048.der)).toBe(true);
    // node:crypto agrees with the hand-written DER reader.
    const node = createPublicKey(r.pem);
    expect(node.asymmetricKeyType).toBe("rsa");
    expect(node.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("fingerprints the DER with SHA-256 like openssl does", () => {
    const r = checkEncryptionPublicKey(rsa2048.spki);
    const expected = createHash("sha256").update(rsa2048.der).digest("hex").match(/../g)!.join(":");
    expect(r.ok && r.fingerprint).toBe(expected);
  });

  it("refuses RSA 1024 and 4096 as the wrong size, naming the size", () => {
    expect(checkEncryptionPublicKey(rsa1024.spki)).toEqual({ ok: false, issue: "wrongSize", info: { keyType: "RSA", bits: 1024 } });
    expect(checkEncryptionPublicKey(rsa4096.spki)).toEqual({ ok: false, issue: "wrongSize", info: { keyType: "RSA", bits: 4096 } });
  });

  it("refuses EC and Ed25519 public keys as not RSA", () => {
    const ecPem = String(ec.publicKey.export({ type: "spki", format: "pem" }));
    expect(checkEncryptionPublicKey(ecPem)).toEqual({ ok: false, issue: "notRsa", info: { keyType: "EC", bits: 256 } });
    const edPem = String(ed.publicKey.export({ type: "spki", format: "pem" }));
    expect(issue(edPem)).toBe("notRsa");
  });

  it("recognises a certificate and says so", () => {
    expect(certificate).toContain("-----BEGIN CERTIFICATE-----");
    expect(issue(certificate)).toBe("certificate");
    // Relabelled as a public key, the structure still gives it away.
    expect(issue(certificate.replace(/CERTIFICATE/g, "PUBLIC KEY"))).toBe("certificate");
  });

  it("recognises a PKCS#1 RSA public key (wrong format, not wrong key)", () => {
    expect(issue(rsa2048.pkcs1Public)).toBe("pkcs1PublicKey");
    expect(issue(rsa2048.pkcs1Public.replace(/RSA PUBLIC KEY/g, "PUBLIC KEY"))).toBe("pkcs1PublicKey");
  });
});

describe("private keys are refused before anything else", () => {
  const ecPkcs8 = String(ec.privateKey.export({ type: "pkcs8", format: "pem" }));
  const ecSec1 = String(ec.privateKey.export({ type: "sec1", format: "pem" }));
  const encrypted = String(
    generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "x" }),
  );

  it.each([
    ["PKCS#8", rsa2048.pkcs8],
    ["PKCS#1", rsa2048.pkcs1],
    ["EC PKCS#8", ecPkcs8],
    ["EC SEC1", ecSec1],
    ["encrypted PKCS#8", encrypted],
  ])("%s PEM", (_name, pem) => {
    expect(containsPrivateKey(pem)).toBe(true);
    expect(issue(pem)).toBe("privateKey");
  });

  it("even relabelled as a public key, without headers, with CRLF or beside a public key", () => {
    const body = rsa2048.pkcs8.replace(/-----[A-Z ]+-----/g, "").trim();
    expect(issue(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toBe("privateKey");
    expect(issue(body)).toBe("privateKey");
    expect(issue(rsa2048.pkcs1.replace(/\n/g, "\r\n"))).toBe("privateKey");
    expect(issue(`${rsa2048.spki}\n${rsa2048.pkcs8}`)).toBe("privateKey");
    // Longer than the size limit: still named a private key, not "too long".
    expect(issue(rsa2048.pkcs8 + " ".repeat(PEM_MAX_CHARS))).toBe("privateKey");
  });

  it("a public key is not mistaken for a private one", () => {
    expect(containsPrivateKey(rsa2048.spki)).toBe(false);
    expect(containsPrivateKey(certificate)).toBe(false);
  });
});

describe("text handling", () => {
  it("CRLF, CR and literal \\n line endings are normalised", () => {
    const crlf = rsa2048.spki.replace(/\n/g, "\r\n");
    const r = checkEncryptionPublicKey(crlf);
    expect(r.ok && r.pem).toBe(rsa2048.spki.trim());
    expect(normalizeLineEndings("a\r\nb\rc")).toBe("a\nb\nc");
    const oneLine = rsa2048.spki.trim().replace(/\n/g, "\\n");
    expect(issue(oneLine)).toBe("ok");
    expect(issue(rsa2048.spki.replace(/\n/g, "\r"))).toBe("ok");
  });

  it("surrounding text and indentation are dropped; the sent PEM is canonical", () => {
    const messy = `Here is our key:\n\n   ${rsa2048.spki.split("\n").join("\n   ")}\nthanks`;
    const r = checkEncryptionPublicKey(messy);
    expect(r.ok && r.pem).toBe(rsa2048.spki.trim());
    // Re-wrapped at 64 columns whatever the input wrapping.
    const unwrapped = rsa2048.spki.replace(/\n(?!-----)/g, "").replace("-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\n");
    const u = checkEncryptionPublicKey(unwrapped);
    expect(u.ok && u.pem).toBe(rsa2048.spki.trim());
  });

  it.each([
    ["empty", "", "empty"],
    ["blank", "  \n ", "empty"],
    ["garbage", "hello world, this is not a key", "notPem"],
    ["random base64", randomBytes(300).toString("base64"), "notPem"],
    ["bad base64", "-----BEGIN PUBLIC KEY-----\n!!!not base64***\n-----END PUBLIC KEY-----", "malformed"],
    ["random DER", `-----BEGIN PUBLIC KEY-----\n${randomBytes(294).toString("base64")}\n-----END PUBLIC KEY-----`, "malformed"],
    ["truncated", rsa2048.spki.replace(/\n[^\n]+\n-----END/, "\n-----END"), "malformed"],
    ["unterminated", rsa2048.spki.replace(/-----END PUBLIC KEY-----/, ""), "notPem"],
    ["two keys", rsa2048.spki + rsa1024.spki, "multipleBlocks"],
    ["other block", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----", "notPublicKey"],
    ["ssh key", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC user@host", "notPem"],
    ["too long", rsa2048.spki + "\n".repeat(PEM_MAX_CHARS), "tooLong"],
  ])("%s → %s", (_n, text, expected) => {
    expect(issue(text)).toBe(expected);
  });
});

describe("helpers", () => {
  it("fingerprintOf is node:crypto's SHA-256 on several lengths", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 294, 1000]) {
      const data = randomBytes(n);
      expect(fingerprintOf(data)).toBe(createHash("sha256").update(data).digest("hex").match(/../g)!.join(":"));
    }
  });

  it("describePublicKey reports type, size and fingerprint of any SPKI key", () => {
    expect(describePublicKey(rsa4096.spki)).toEqual({ info: { keyType: "RSA", bits: 4096 }, fingerprint: fingerprintOf(rsa4096.der) });
    expect(describePublicKey(String(ec.publicKey.export({ type: "spki", format: "pem" })))?.info).toEqual({ keyType: "EC", bits: 256 });
    expect(describePublicKey("nonsense")).toBeNull();
    expect(describePublicKey(rsa2048.pkcs8)).toBeNull();
  });

  it("toPublicKeyPem round-trips through node:crypto", () => {
    const pem = toPublicKeyPem(new Uint8Array(rsa4096.der));
    expect(createPublicKey(pem).asymmetricKeyDetails?.modulusLength).toBe(4096);
  });
});
