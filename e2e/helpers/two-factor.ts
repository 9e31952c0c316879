import * as OTPAuth from "otpauth";
import { expect, type Page } from "@playwright/test";

/** The authenticator app: codes from the key the setup dialog shows. */
export const authenticator = (key: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30 });
/** A six-digit code that is not the current one (nor the one either side of it). */
export function wrongCode(totp: OTPAuth.TOTP): string {
  const near = [-1, 0, 1].map((w) => totp.generate({ timestamp: Date.now() + w * 30_000 }));
  let c = "000000";
  for (let i = 0; near.includes(c); i++) c = String(123456 + i * 7919).padStart(6, "0").slice(-6);
  return c;
}

/** The user menu's setup dialog, start to end: returns the authenticator and the recovery codes. */
export async function setUpInDialogOrPage(page: Page, scope: ReturnType<Page["locator"]> | Page, password: string) {
  await scope.getByLabel("Password").fill(`not-${password}`);
  await scope.getByRole("button", { name: "Continue" }).click();
  await expect(scope.getByText("The password is wrong.")).toBeVisible();
  await scope.getByLabel("Password").fill(password);
  await scope.getByRole("button", { name: "Continue" }).click();
  await expect(scope.getByRole("img", { name: "QR code for the authenticator app" })).toBeVisible();
  const totp = authenticator(await scope.getByTestId("totp-secret").innerText());
  await scope.getByLabel("Code from the app").fill(wrongCode(totp));
  await scope.getByRole("button", { name: "Turn on" }).click();
  await expect(scope.getByText("The code is wrong.", { exact: false })).toBeVisible();
  await scope.getByLabel("Code from the app").fill(totp.generate());
  await scope.getByRole("button", { name: "Turn on" }).click();
  const list = scope.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  await scope.getByRole("button", { name: "I have saved them" }).click();
  return { totp, codes };
}
