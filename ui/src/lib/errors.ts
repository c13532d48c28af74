import type { ErrorCode } from "./api/types/ErrorCode";
import type { LodestarError } from "./api/types/LodestarError";
import type { ProductField } from "./api/types/ProductField";
import { PRODUCT_FIELDS } from "./fields";
import { ERROR_CODES } from "./api/constants";

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** True when `value` has the shape of an error sent by the core. */
export function isLodestarError(value: unknown): value is LodestarError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === "string";
}

/** Whatever a rejected invoke carried, as a LodestarError (unknown shapes become `internal`). */
export function toLodestarError(e: unknown): LodestarError {
  if (isLodestarError(e)) {
    const v = e as Record<string, unknown>;
    return {
      code: e.code,
      message: e.message,
      record: typeof v.record === "string" ? v.record : null,
      field: typeof v.field === "string" ? v.field : null,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: "internal", message, record: null, field: null };
}

/** The product field an error names, or null when it names none (or one this view does not show). */
export function errorField(error: LodestarError): ProductField | null {
  const f = error.field;
  return f !== null && (PRODUCT_FIELDS as readonly string[]).includes(f) ? (f as ProductField) : null;
}

/** A short heading for errors that are not about one field. */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case "invalid":
      return "That value was not accepted";
    case "not_found":
      return "Not found";
    case "not_a_workspace":
      return "This file is not a Lodestar workspace";
    case "damaged":
      return "The workspace file is damaged";
    case "newer_version":
      return "The workspace was made by a newer Lodestar";
    case "io":
      return "The workspace file could not be read or written";
    case "offline":
      return "The team server cannot be reached";
    case "denied":
      return "The team server refused";
    case "internal":
      return "Something went wrong";
  }
}

/**
 * Runs a write from a form: on failure returns its error, for the form to show at the
 * field; on success runs `then` (close the form, reload, announce) and returns null.
 */
export async function attempt(write: () => Promise<unknown>, then: () => Promise<void>): Promise<LodestarError | null> {
  try {
    await write();
  } catch (e) {
    return toLodestarError(e);
  }
  await then();
  return null;
}
