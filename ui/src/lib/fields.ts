import type { Product } from "./api/types/Product";
import type { ProductField } from "./api/types/ProductField";
import type { Revision } from "./api/types/Revision";
import { stageLabel } from "./stages";

/** Where a field's save stands; an error is shown separately, at the field. */
export type SaveStatus = "idle" | "saving" | "saved";

export const PRODUCT_FIELDS: readonly ProductField[] = ["name", "vision", "strategy", "lifecycle_stage"];

const LABELS: Record<ProductField, string> = {
  name: "Product name",
  vision: "Vision",
  strategy: "Strategy",
  lifecycle_stage: "Lifecycle stage",
};

const DOM_IDS: Record<ProductField, string> = {
  name: "product-name",
  vision: "product-vision",
  strategy: "product-strategy",
  lifecycle_stage: "product-stage",
};

/** Human label of a field name as the core spells it; unknown names are shown as given. */
export function fieldLabel(field: string): string {
  return (LABELS as Record<string, string>)[field] ?? field;
}

/** The id of the control that edits `field`. */
export function fieldControlId(field: ProductField): string {
  return DOM_IDS[field];
}

/** The id of the element carrying `field`'s error (for aria-describedby). */
export function fieldErrorId(field: ProductField): string {
  return `${DOM_IDS[field]}-error`;
}

/** The value stored for `field`, as text for an input (null shows as empty). */
export function savedText(product: Product, field: ProductField): string {
  return product[field] ?? "";
}

/**
 * What to send for the text in a control. The name is sent exactly as typed (the core
 * decides what is acceptable); an empty optional field means "not set" and is sent as null.
 */
export function toWire(field: ProductField, text: string): string | null {
  if (field === "name") return text;
  return text === "" ? null : text;
}

/** True when committing `text` would change what is stored (only then is the core called). */
export function isChange(product: Product, field: ProductField, text: string): boolean {
  return toWire(field, text) !== product[field];
}

/** The revisions of one field, keeping the core's order (newest first). */
export function revisionsOf(revisions: readonly Revision[], field: ProductField): Revision[] {
  return revisions.filter((r) => r.field === field);
}

/** A revision value as shown in history; null is "Not set", stages get their label. */
export function revisionValueText(field: string, value: string | null): string {
  if (value === null || value === "") return "Not set";
  if (field === "lifecycle_stage") return stageLabel(value);
  return value;
}
