import { createHmac } from "node:crypto";
import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { linkSpace } from "./helpers/keys";
import { ensureSandboxSpace } from "./helpers/qr";
import { sandbox } from "./helpers/sandbox";
import { startSmtp } from "./helpers/smtp";
import { expect, test } from "./helpers/test";
import { editAllowedNetworks, startReceiver, type Receiver } from "./helpers/webhooks";

/**
 * Alert delivery as an admin sets it up: an SMTP server and a webhook receiver started here (the
 * receiver on this machine's non-loopback address, which the admin allows under Settings → Network,
 * as the webhook spec does), a rule's channels for one space; a
 * quality drop made through the sandbox's control API and seen by a refresh → the mail arrives,
 * the webhook arrives with a valid signature, and the delivery log shows both delivered.
 */
test.describe.configure({ mode: "serial" });

const SPACE = { custSpaceId: "e2e-alert-channels", name: "E2E Alert channels" };
const TO = "oncall@alerts.e2e.test";

test("an alert reaches an SMTP server and a signed webhook; the delivery log shows both ok", async ({ page }) => {
  const phone = (await ensureSandboxSpace(SPACE.custSpaceId, SPACE.name, 1))[0]!.phoneNumber;
  const smtp = await startSmtp();
  const { mails, port: smtpPort } = smtp;
  const receiver: Receiver = await startReceiver();
  const entry = `${receiver.host}/32 ports ${receiver.port}`;
  try {
    await signInAsAdmin(page);
    const spaceId = await linkSpace(page, SPACE.name, SPACE.custSpaceId);
    await page.goto(`/s/${spaceId}/phone-numbers`);
    await expect(page.getByTestId(`phone-row-${phone}`)).toContainText("Connected");

    await test.step("the receiver's address is allowed (Settings → Network)", async () => {
      await editAllowedNetworks(page, (lines) => [...lines, entry]);
    });

    let secret = "";
    await test.step("the admin sets the SMTP server and the rule's channels for this space", async () => {
      await page.goto("/settings/alerts");
      const form = page.getByTestId("smtp-form");
      await form.getByLabel("Host", { exact: true }).fill("127.0.0.1");
      await form.getByLabel("Port", { exact: true }).fill(String(smtpPort));
      await form.getByLabel("TLS", { exact: true }).selectOption("none");
      await form.getByLabel("Sender address").fill("alerts@cams.e2e.test");
      await form.getByRole("button", { name: "Save SMTP settings" }).click();
      await expect(page.getByText("SMTP settings saved.")).toBeVisible();

      const channels = page.getByTestId("alert-channels-form");
      await channels.getByLabel("Rule", { exact: true }).selectOption("qualityDropped");
      await channels.getByLabel("For", { exact: true }).selectOption({ label: SPACE.name });
      await channels.getByLabel("Other addresses").fill(TO);
      await channels.getByLabel("Webhook URL").fill(`${receiver.url}/alerts`);
      await channels.getByRole("button", { name: "Save channels" }).click();
      await expect(page.getByText("Alert channels saved.")).toBeVisible();
      secret = (await page.getByTestId("alert-webhook-secret-value").textContent()) ?? "";
      expect(secret).toMatch(/^whsec_/);
      await expectAccessible(page, "alert delivery settings");
    });

    await test.step("a quality drop seen by a refresh is mailed and posted, signed", async () => {
      await sandbox("PATCH", `numbers/${phone}`, { QualityRating: "RED" });
      await page.goto(`/s/${spaceId}/phone-numbers`);
      await page.getByTestId("refresh-now").click();
      await expect(page.getByTestId(`phone-row-${phone}`)).toContainText("Low");
      await expect.poll(() => mails.filter((m) => m.to === TO).length, { timeout: 30_000 }).toBe(1);
      const mail = mails.find((m) => m.to === TO)!;
      expect(mail.subject).toBe(`[CAMS Admin] Quality dropped: ${phone} (${SPACE.name})`);
      expect(mail.text).toMatch(/Change: \S+ → RED/);
      expect(mail.text).toContain(`/s/${spaceId}/phone-numbers/${phone}/history`);
      await expect.poll(() => receiver.hits.filter((h) => h.path === "/alerts").length, { timeout: 30_000 }).toBe(1);
      const hit = receiver.hits.find((h) => h.path === "/alerts")!;
      const ts = String(hit.headers["x-cams-admin-timestamp"]);
      const want = `sha256=${createHmac("sha256", secret).update(`${ts}.${hit.body}`).digest("hex")}`;
      expect(hit.headers["x-cams-admin-signature"]).toBe(want);
      expect(JSON.parse(hit.body)).toMatchObject({ kind: "qualityDropped", state: "alert", spaceId, spaceName: SPACE.name, phoneNumber: phone, field: "qualityRating", newValue: "RED" });
    });

    await test.step("the delivery log shows both delivered", async () => {
      await page.goto("/settings/alerts");
      await expect(page.getByTestId("delivery-log-email").locator('[data-testid="delivery-row"]', { hasText: TO }).first()).toHaveAttribute("data-status", "ok");
      await expect(page.getByTestId("delivery-log-webhook").locator('[data-testid="delivery-row"]', { hasText: `${receiver.url}/alerts` }).first()).toHaveAttribute("data-status", "ok");
      await expect(page.getByTestId("delivery-failing-email")).toHaveCount(0);
    });

    // Removed again: the list is shared with the other specs.
    await editAllowedNetworks(page, (lines) => lines.filter((l) => l !== entry));
  } finally {
    await receiver.close();
    await smtp.close();
  }
});
