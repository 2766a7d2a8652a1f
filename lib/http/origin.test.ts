import { describe, expect, it } from "vitest";
import { requestOrigin } from "./origin";

describe("requestOrigin", () => {
  it("uses the Host the browser sent and a forwarded protocol", () => {
    const request = (headers: Record<string, string>) =>
      new Request("http://localhost:3000/api/x", { headers });
    expect(requestOrigin(request({ host: "127.0.0.1:3377" }))).toBe("http://127.0.0.1:3377");
    expect(requestOrigin(request({ host: "studio.example.org", "x-forwarded-proto": "https" }))).toBe(
      "https://studio.example.org",
    );
    expect(requestOrigin(request({ host: "a.example", "x-forwarded-proto": "gopher" }))).toBe(
      "http://a.example",
    );
    expect(requestOrigin(request({}))).toBe("http://localhost:3000");
  });
});
