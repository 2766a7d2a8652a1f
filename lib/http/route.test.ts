import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idParamsSchema, textSchema } from "./fields";
import { route } from "./route";

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function errorOf(response: Response) {
  return (await response.json()).error as { code: string; issues: { field: string }[] };
}

describe("route", () => {
  const echo = route(
    {
      role: "public",
      params: idParamsSchema,
      query: z
        .object({ page: z.coerce.number().int().min(1).default(1), q: textSchema(10).optional() })
        .strict(),
      body: z.object({ name: z.string().min(1) }).strict(),
      status: 201,
    },
    async ({ params, query, body }) => ({ id: params.id, page: query.page, q: query.q, name: body.name }),
  );
  const post = (url: string, body: string, type: string | null = "application/json") =>
    new Request(url, { method: "POST", body, headers: type ? { "content-type": type } : {} });

  it("hands the handler parsed params, query and body and sends its data with the status", async () => {
    const response = await echo(
      post("http://x/?page=2&q=%20hi%20", '{"name":"A"}'),
      context({ id: "abc_1" }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "abc_1", page: 2, q: "hi", name: "A" });
  });

  it("names the field of a bad param, query value, unknown query key or body field", async () => {
    const cases: [Request, Record<string, string>, string][] = [
      [post("http://x/", '{"name":"A"}'), { id: "a\u0000" }, "id"],
      [post("http://x/?page=0", '{"name":"A"}'), { id: "a" }, "page"],
      [post("http://x/?q=%00", '{"name":"A"}'), { id: "a" }, "q"],
      [post("http://x/?nope=1", '{"name":"A"}'), { id: "a" }, "nope"],
      [post("http://x/", '{"name":""}'), { id: "a" }, "name"],
      [post("http://x/", "[1]"), { id: "a" }, "(body)"],
    ];
    for (const [request, params, field] of cases) {
      const response = await echo(request, context(params));
      expect(response.status, field).toBe(400);
      expect((await errorOf(response)).issues.map((i) => i.field)).toContain(field);
    }
  });

  it("answers 400 to a body that is not JSON and 415 to one that says it is something else", async () => {
    const invalid = await echo(post("http://x/", "{nope"), context({ id: "a" }));
    expect(invalid.status).toBe(400);
    expect(await errorOf(invalid)).toMatchObject({ code: "bad_request" });

    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      null,
    ]) {
      const response = await echo(post("http://x/", '{"name":"A"}', type), context({ id: "a" }));
      expect(response.status, String(type)).toBe(415);
      expect(await errorOf(response)).toMatchObject({
        code: "unsupported_media_type",
        issues: [{ field: "content-type" }],
      });
    }
    const charset = await echo(
      post("http://x/", '{"name":"A"}', "application/json; charset=utf-8"),
      context({ id: "a" }),
    );
    expect(charset.status).toBe(201);
  });

  it("refuses a non-JSON content type on a mutation without a body schema too", async () => {
    const stop = route({ role: "public", params: idParamsSchema }, async () => ({ ok: true }));
    expect(
      (await stop(post("http://x/", "a=1", "application/x-www-form-urlencoded"), context({ id: "a" })))
        .status,
    ).toBe(415);
    expect((await stop(new Request("http://x/", { method: "POST" }), context({ id: "a" }))).status).toBe(200);
  });

  it("takes an upload only as multipart/form-data, and hands the handler the request to read", async () => {
    const upload = route({ role: "public", multipart: true }, async ({ request }) => {
      const form = await request.formData();
      return { files: form.getAll("files").length };
    });
    const form = new FormData();
    form.append("files", new Blob(["[]"]), "a.json");
    const ok = await upload(new Request("http://x/", { method: "POST", body: form }), context());
    expect(await ok.json()).toEqual({ files: 1 });
    for (const type of ["application/json", "text/plain", null]) {
      const response = await upload(post("http://x/", "[]", type), context());
      expect(response.status, String(type)).toBe(415);
      expect(await errorOf(response)).toMatchObject({ issues: [{ field: "content-type" }] });
    }
  });

  it("reads an empty body as no fields", async () => {
    const run = route(
      { role: "public", body: z.object({ mode: z.enum(["a", "b"]).default("a") }) },
      async ({ body }) => body,
    );
    expect(await (await run(new Request("http://x/", { method: "POST" }), context())).json()).toEqual({
      mode: "a",
    });
  });

  it("passes AppError status through and hides other errors behind a 500", async () => {
    const conflict = route({ role: "public" }, async () => {
      throw new AppError("conflict", "Session is already running");
    });
    const response = await conflict(new Request("http://x/"), context());
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("conflict");

    const broken = route({ role: "public" }, async () => {
      throw new Error("secret detail");
    });
    const failure = await broken(new Request("http://x/"), context());
    expect(failure.status).toBe(500);
    expect(JSON.stringify(await failure.json())).not.toContain("secret");
  });

  it("checks data against the response schema, and a Response is sent as it is", async () => {
    const drifted = route({ role: "public", response: z.object({ n: z.number() }) }, async () => ({
      n: "1",
    }));
    expect((await drifted(new Request("http://x/"), context())).status).toBe(500);

    const raw = route({ role: "public" }, async () => new Response("plain", { status: 203 }));
    const response = await raw(new Request("http://x/"), context());
    expect(response.status).toBe(203);
    expect(await response.text()).toBe("plain");
  });
});
