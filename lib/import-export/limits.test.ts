import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { MAX_IMPORT_BYTES } from "./limits";

describe("the upload limit", () => {
  it("reaches the import route whole: the proxy's copy of a body is not cut off below it", () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBeGreaterThan(MAX_IMPORT_BYTES);
  });
});
