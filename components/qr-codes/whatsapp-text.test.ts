import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WhatsAppText } from "./whatsapp-text";

const html = (text: string) => renderToStaticMarkup(createElement(WhatsAppText, { text }));

describe("WhatsAppText", () => {
  it("renders elements, not the markers", () => {
    expect(html("*Bold* _it_ ~gone~ ```mono```")).toBe("<strong>Bold</strong> <em>it</em> <s>gone</s> " + '<code class="font-mono text-[0.92em]">mono</code>');
  });

  it("HTML in a message stays text", () => {
    expect(html('*<img src=x onerror="alert(1)">*')).toBe("<strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong>");
    expect(html("<b>hi</b>")).toBe("&lt;b&gt;hi&lt;/b&gt;");
  });
});
