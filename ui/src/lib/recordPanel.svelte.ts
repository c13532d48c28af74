// The side panel of a record view (Experiments, Decisions): which record it shows (or a new
// one), the form's draft, the errors the core gave back and whether a save is under way; it
// saves, deletes and closes. The view renders it; the form binds to `draft`.
import type { LodestarError } from "./api/types/LodestarError";
import { toLodestarError } from "./errors";
import { placeError, type FieldErrors, type Parsed } from "./okrForms";

export type RecordPanelOptions<R, F, I> = {
  /** The form's fields for a record, or for a new one (null). */
  draft: (record: R | null) => F;
  /** The draft as the core's input, or the errors found before asking the core. */
  input: (draft: F) => Parsed<I>;
  /** The fields the form shows: the core's error for one of them goes under it, any other above the buttons. */
  fields: readonly string[];
  create: (input: I) => Promise<unknown>;
  update: (record: R, input: I) => Promise<unknown>;
  remove: (record: R) => Promise<unknown>;
  /** What the view says after each write ("Decision logged", …). */
  said: { created: string; saved: string; deleted: string };
  /** After a write, once the panel is closed: reload the view and announce `said`. */
  after: (said: string) => Promise<void>;
  /** On every open (e.g. to load the pickers' lists). */
  onopen?: (record: R | null) => void;
};

export class RecordPanel<R, F, I> {
  /** The record shown (null: a new one) and a key that changes on every open; null when closed. */
  current = $state<{ record: R | null; key: number } | null>(null);
  draft = $state<F>() as F;
  errors = $state<FieldErrors>({});
  /** The core's error when it names no field of the form. */
  general = $state<string | null>(null);
  saving = $state(false);

  #opens = 0;
  readonly #o: RecordPanelOptions<R, F, I>;

  constructor(options: RecordPanelOptions<R, F, I>) {
    this.#o = options;
  }

  /** The record being edited; null when the panel is closed or holds a new one. */
  get record(): R | null {
    return this.current?.record ?? null;
  }

  /** Opens the panel on `record` (null: a new one) with a fresh draft and no errors. */
  open(record: R | null): void {
    this.current = { record, key: ++this.#opens };
    this.draft = this.#o.draft(record);
    this.errors = {};
    this.general = null;
    this.saving = false;
    this.#o.onopen?.(record);
  }

  close(): void {
    this.current = null;
  }

  /** Creates or updates from the draft. True when the core accepted it (the panel is then closed). */
  async save(): Promise<boolean> {
    const current = this.current;
    if (!current || this.saving) return false;
    const parsed = this.#o.input(this.draft);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      return false;
    }
    const record = current.record;
    this.saving = true;
    const err = await this.#write(
      () => (record === null ? this.#o.create(parsed.value) : this.#o.update(record, parsed.value)),
      record === null ? this.#o.said.created : this.#o.said.saved,
    );
    this.saving = false;
    this.#place(err);
    return err === null;
  }

  /** Deletes the record being edited. True when it is gone (the panel is then closed). */
  async remove(): Promise<boolean> {
    const record = this.record;
    if (record === null) return false;
    const err = await this.#write(() => this.#o.remove(record), this.#o.said.deleted);
    this.#place(err);
    return err === null;
  }

  async #write(run: () => Promise<unknown>, said: string): Promise<LodestarError | null> {
    try {
      await run();
    } catch (e) {
      return toLodestarError(e);
    }
    this.close();
    await this.#o.after(said);
    return null;
  }

  #place(err: LodestarError | null): void {
    ({ errors: this.errors, general: this.general } = err ? placeError(err, this.#o.fields) : { errors: {}, general: null });
  }
}
