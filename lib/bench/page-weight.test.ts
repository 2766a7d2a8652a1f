import { describe, expect, it } from "vitest";
import { pageWeight } from "./page-weight";

describe("pageWeight", () => {
  it("splits a page into flight data, other scripts and markup", () => {
    const flight = `<script>self.__next_f.push([1,"0:[\\"héllo\\"]"])</script>`;
    const theme = `<script>document.documentElement.classList.add("dark")</script>`;
    const markup = `<html><body><p>Round 1</p>`;
    const weight = pageWeight(`${markup}${theme}${flight}</body></html>`);
    expect(weight.flightData).toBe(Buffer.byteLength(flight));
    expect(weight.otherScripts).toBe(theme.length);
    expect(weight.markup).toBe(markup.length + "</body></html>".length);
    expect(weight.total).toBe(weight.flightData + weight.otherScripts + weight.markup);
  });
});
