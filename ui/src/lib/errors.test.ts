import { describe, expect, it } from "vitest";
import { errorField, errorTitle, isLodestarError, toLodestarError } from "./errors";

describe("toLodestarError", () => {
  it("keeps an error sent by the core as it is", () => {
    const e = { code: "invalid", message: "The product name cannot be empty.", record: "product", field: "name" };
    expect(toLodestarError(e)).toEqual(e);
  });

  it("fills a missing record and field with null", () => {
    expect(toLodestarError({ code: "io", message: "disk full" })).toEqual({
      code: "io",
      message: "disk full",
      record: null,
      field: null,
    });
  });

  it("turns a plain string rejection into an internal error carrying the text", () => {
    expect(toLodestarError("command update_product not found")).toEqual({
      code: "internal",
      message: "command update_product not found",
      record: null,
      field: null,
    });
  });

  it("turns a thrown Error into an internal error with its message", () => {
    expect(toLodestarError(new TypeError("window.__TAURI_INTERNALS__ is undefined")).message).toBe(
      "window.__TAURI_INTERNALS__ is undefined",
    );
  });

  it("treats an object with an unknown code as internal", () => {
    const e = toLodestarError({ code: "weird", message: "x" });
    expect(e.code).toBe("internal");
    expect(isLodestarError({ code: "weird", message: "x" })).toBe(false);
  });
});

describe("errorField", () => {
  it("names the product field the core blamed", () => {
    expect(errorField({ code: "invalid", message: "m", record: "product", field: "vision" })).toBe("vision");
    expect(errorField({ code: "invalid", message: "m", record: "product", field: "lifecycle_stage" })).toBe(
      "lifecycle_stage",
    );
  });

  it("is null when the error names no field or one not shown here", () => {
    expect(errorField({ code: "io", message: "m", record: null, field: null })).toBeNull();
    expect(errorField({ code: "invalid", message: "m", record: "objective", field: "title" })).toBeNull();
  });
});

describe("errorTitle", () => {
  it("explains refusals of the workspace file in words", () => {
    expect(errorTitle("newer_version")).toMatch(/newer/);
    expect(errorTitle("damaged")).toMatch(/damaged/);
  });
});
