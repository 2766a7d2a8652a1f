import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJsonBody, parseSearchParams, route } from "./route";

describe("route", () => {
  it("turns validation errors into a 400 naming the field", async () => {
    const handler = route(async () => {
      parseSearchParams(z.object({ page: z.coerce.number().int().min(1) }), new URLSearchParams("page=0"));
      return new Response("unreachable");
    });
    const response = await handler(new Request("http://x/"), {});
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.issues[0].field).toBe("page");
  });

  it("passes AppError status through", async () => {
    const handler = route(async () => {
      throw new AppError("conflict", "Session is already running");
    });
    const response = await handler(new Request("http://x/"), {});
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe("Session is already running");
  });

  it("rejects a body that is not JSON", async () => {
    const request = new Request("http://x/", { method: "POST", body: "{nope" });
    await expect(parseJsonBody(z.object({}), request)).rejects.toMatchObject({ code: "bad_request" });
  });
});
