import type { Page } from "@playwright/test";
import { expect, test, keepScreenshot } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { ensureSandboxSpace, linkSpace, sandboxSpace } from "./helpers/keys";
import { sandbox, sandboxCalls } from "./helpers/sandbox";

/**
 * The Automation and Messages tabs of a number, against the sandbox, in spaces of this spec's own
 * (nothing here touches numbers other specs look at).
 */
const SPACE = { custSpaceId: "e2e-auto-1", name: "E2E Automation One" };
const SPACE2 = { custSpaceId: "e2e-auto-2", name: "E2E Automation Two" };

test.describe.configure({ mode: "serial" });

let spaceId = "";
let phone = "";
let quiet = "";

type Held = { enableWelcomeMessage: boolean; prompts: string[]; commands: { CommandName: string; CommandDescription: string }[] };
const held = (number: string) => sandbox<Held>("GET", `numbers/${number}/automation`);
const tab = (number: string, name: "automation" | "messages") => `/s/${spaceId}/phone-numbers/${number}/${name}`;

test.beforeAll(async ({ browser }) => {
  await ensureSandboxSpace(SPACE.custSpaceId, SPACE.name, 3);
  await ensureSandboxSpace(SPACE2.custSpaceId, SPACE2.name, 2);
  const numbers = (await sandboxSpace(SPACE.custSpaceId)).phoneNumbers;
  phone = numbers[0]!.phoneNumber;
  quiet = numbers[1]!.phoneNumber;
  // A QR code with a prefilled message, made outside the console: the tab must warn about it.
  await sandbox("POST", `numbers/${phone}/qr-codes`, { prefilledMessage: "Hi! I saw your poster" });
  const base = Date.UTC(2026, 10, 20, 9);
  const messages = Array.from({ length: 30 }, (_, i) => ({
    eventAction: i % 5 === 0 ? "UP" : "DOWN",
    userNumber: i % 2 ? "447700900201" : "447700900202",
    templateCode: i % 5 === 0 ? "" : "order_update",
    messageStatus: i % 5 === 0 ? "received" : i % 3 === 0 ? "failed" : "delivered",
    failReason: i % 5 !== 0 && i % 3 === 0 ? "131047:Re-engagement message" : "",
    message: `E2E message ${i}`,
    sendTime: base + i * 3_600_000,
  }));
  await sandbox("POST", `numbers/${phone}/messages`, { messages });
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page);
  spaceId = await linkSpace(page, SPACE.name, SPACE.custSpaceId);
  await linkSpace(page, SPACE2.name, SPACE2.custSpaceId);
  await page.context().close();
});

async function openAutomation(page: Page, number: string) {
  await page.goto(tab(number, "automation"));
  await expect(page.getByRole("heading", { name: "Automation", level: 2 })).toBeVisible();
}

test("save ice breakers and commands: the sandbox holds them as sent, the tab reads them back, with the QR warning", async ({ page }) => {
  await signInAsAdmin(page);
  await openAutomation(page, phone);
  await expect(page.getByTestId("qr-warning")).toContainText("1 QR code of this number opens the chat with a prefilled message");
  await expect(page.getByTestId("qr-warning")).toContainText("Hi! I saw your poster");
  await expect(page.getByText("your webhook must answer the event with a message")).toBeVisible();
  await expectAccessible(page, "automation tab");
  await keepScreenshot(page, "automation-tab.png", { fullPage: true });

  await page.getByRole("switch", { name: "Welcome message" }).click();
  const add = page.getByRole("button", { name: /^Add ice breaker/ });
  for (const text of ["Where is my order?", "Opening hours", "Hi 😀"]) {
    await add.click();
    await page.getByLabel(`Ice breaker ${await page.getByTestId("ice-breaker").count()}`, { exact: true }).fill(text);
  }
  await expect(page.getByTestId("ice-breaker").nth(0)).toContainText("18/80");
  await page.getByRole("button", { name: /^Add command/ }).click();
  await page.getByLabel("Name of command 1").fill("help");
  await page.getByLabel("Description of command 1").fill("What this number can do");
  await page.getByRole("button", { name: /^Add command/ }).click();
  await page.getByLabel("Name of command 2").fill("orders");
  await page.getByLabel("Description of command 2").fill("Your recent orders & returns");

  await test.step("an emoji is refused in the field before anything is sent", async () => {
    const before = (await sandboxCalls(SPACE.custSpaceId)).byAction.UpdateConversationalAutomation ?? 0;
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("ice-breaker").nth(2).getByRole("alert")).toHaveText("WhatsApp does not allow emoji here.");
    expect((await sandboxCalls(SPACE.custSpaceId)).byAction.UpdateConversationalAutomation ?? 0).toBe(before);
    // What was typed is all still there.
    await expect(page.getByLabel("Ice breaker 1", { exact: true })).toHaveValue("Where is my order?");
    await page.getByLabel("Ice breaker 3", { exact: true }).fill("Talk to a person");
  });

  await test.step("reorder with the keyboard-reachable buttons; the preview follows", async () => {
    await page.getByRole("button", { name: "Move ice breaker 3 up" }).click();
    await expect(page.getByLabel("Ice breaker 2", { exact: true })).toHaveValue("Talk to a person");
    await expect(page.getByTestId("preview-prompts")).toContainText("Talk to a person");
    await expect(page.getByTestId("preview-commands")).toContainText("/orders");
  });

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. The settings below are read back from CAMS.")).toBeVisible();
  expect(await held(phone)).toEqual({
    enableWelcomeMessage: true,
    prompts: ["Where is my order?", "Talk to a person", "Opening hours"],
    commands: [
      { CommandName: "help", CommandDescription: "What this number can do" },
      { CommandName: "orders", CommandDescription: "Your recent orders & returns" },
    ],
  });

  await test.step("after a reload the values come back from CAMS, in order", async () => {
    await page.reload();
    await expect(page.getByRole("switch", { name: "Welcome message" })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByLabel("Ice breaker 1", { exact: true })).toHaveValue("Where is my order?");
    await expect(page.getByLabel("Ice breaker 2", { exact: true })).toHaveValue("Talk to a person");
    await expect(page.getByLabel("Ice breaker 3", { exact: true })).toHaveValue("Opening hours");
    await expect(page.getByLabel("Name of command 2")).toHaveValue("orders");
    await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  });

  await test.step("a number without prefilled QR codes shows no warning", async () => {
    await openAutomation(page, quiet);
    await expect(page.getByText("No ice breakers.")).toBeVisible();
    await expect(page.getByTestId("qr-warning")).toHaveCount(0);
  });
});

test("filter the message log in the URL, page through it and export the filtered rows as CSV", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(tab(phone, "messages"));
  await expect(page.getByRole("heading", { name: "Messages", level: 2 })).toBeVisible();
  await expect(page.getByTestId("message-row")).toHaveCount(20);
  await expect(page.getByTestId("message-row").first()).toContainText("E2E message 29");
  await expectAccessible(page, "messages tab");
  await keepScreenshot(page, "messages-tab.png", { fullPage: true });

  await test.step("no total: Next until a short page, which has no Next", async () => {
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("message-row")).toHaveCount(10);
    await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Previous" })).toBeVisible();
  });

  await test.step("direction Sent and status Failed: the failure in plain words", async () => {
    await page.getByLabel("Direction").selectOption("DOWN");
    await page.getByLabel("Status").selectOption("failed");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/direction=DOWN/);
    await expect(page).toHaveURL(/status=failed/);
    await expect(page).not.toHaveURL(/page=2/);
    const rows = page.getByTestId("message-row");
    // i % 3 === 0 and i % 5 !== 0 for i < 30: 3, 6, 9, 12, 18, 21, 24, 27.
    await expect(rows).toHaveCount(8);
    await expect(rows.first().getByTestId("fail-reason")).toContainText("more than 24 hours passed since the customer last wrote");
    await expect(rows.first().getByTestId("fail-reason")).toContainText("CAMS says: 131047:Re-engagement message");
  });

  await test.step("a customer number that is not one is refused in its field", async () => {
    await page.getByLabel("Customer number").fill("+44 abc");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("Country code and number, digits only (8–15).")).toBeVisible();
    await page.getByLabel("Customer number").fill("447700900201");
    await page.getByRole("button", { name: "Apply" }).click();
    // Odd i among the 8: 3, 9, 21, 27.
    await expect(page.getByTestId("message-row")).toHaveCount(4);
  });

  await test.step("the CSV holds exactly the filtered rows", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^messages-${phone}-.*\\.csv$`));
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("sent_at,direction,status,user_number,message_type,template_code,template_name,message,fail_reason,fail_explanation,message_id,conversation_id");
    expect(lines.slice(1).map((l) => l.split(",")[7])).toEqual(['"E2E message 27"', '"E2E message 21"', '"E2E message 9"', '"E2E message 3"']);
    for (const l of lines.slice(1)) {
      expect(l).toContain('"DOWN","failed","447700900201"');
      expect(l).toContain("131047");
    }
  });
});

test("a bulk automation change over two spaces: same preview, every number holds the settings", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await page.goto("/bulk/new");
  await expect(page.getByRole("heading", { name: "New bulk operation", level: 1 })).toBeVisible();
  for (const s of [SPACE, SPACE2]) await page.getByRole("checkbox", { name: new RegExp(`^${s.name}`) }).check();
  await expect(page.getByTestId("wizard-chosen")).toHaveText("5 numbers chosen");
  await page.getByRole("button", { name: "Next" }).click();

  await test.step("change: the Automation tab's own fields", async () => {
    await page.getByRole("radio", { name: /Welcome message, ice breakers and commands/ }).check();
    await page.getByRole("switch", { name: "Welcome message" }).click();
    await page.getByRole("button", { name: /^Add ice breaker/ }).click();
    await page.getByLabel("Ice breaker 1", { exact: true }).fill("Book a table");
    // On a loaded machine one click on "Add command" was seen to add nothing (the page was still
    // scrolling to the focused ice breaker): click until the row is there, never twice after it is.
    await expect(async () => {
      if ((await page.getByTestId("command-row").count()) === 0) await page.getByRole("button", { name: /^Add command/ }).click();
      await expect(page.getByLabel("Name of command 1")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("command-row")).toHaveCount(1);
    await page.getByLabel("Name of command 1").fill("menu");
    await page.getByLabel("Description of command 1").fill("Today's menu");
    await expectAccessible(page, "bulk wizard, automation");
    await page.getByRole("button", { name: "Next" }).click();
  });

  await test.step("review: what every number gets", async () => {
    await expect(page.getByTestId("review-total")).toHaveText("5");
    await expect(page.getByTestId("job-change")).toContainText("Book a table");
    await expect(page.getByTestId("job-change")).toContainText("/menu");
    await page.getByRole("button", { name: "Start the job" }).click();
  });

  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome message, ice breakers and commands on 5 numbers");
  await expect(page.getByTestId("job-progress")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("count-ok")).toHaveText("5");
  const numbers = [...(await sandboxSpace(SPACE.custSpaceId)).phoneNumbers, ...(await sandboxSpace(SPACE2.custSpaceId)).phoneNumbers];
  expect(numbers).toHaveLength(5);
  for (const n of numbers) {
    expect(await held(n.phoneNumber)).toEqual({
      enableWelcomeMessage: true,
      prompts: ["Book a table"],
      commands: [{ CommandName: "menu", CommandDescription: "Today's menu" }],
    });
  }

  await test.step("a number's Automation tab reads the job's settings back", async () => {
    await page.getByTestId(`item-${numbers[0]!.phoneNumber}`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/phone-numbers/${numbers[0]!.phoneNumber}/automation$`));
    await expect(page.getByLabel("Ice breaker 1", { exact: true })).toHaveValue("Book a table");
  });
});
