/**
 * What the fake throws where ET refuses a call. ET's JavaScript API reports a refused COM call as a thrown Error whose
 * message is the application's; the gateway must not depend on the wording, only on having checked first (protection,
 * names) — so each refusal carries a stable `reason` for the tests, and the HRESULT Excel-compatible hosts use for a
 * refused method (0x800A03EC) as `number`.
 */
export type FakeEtRefusal =
  | "protected-sheet"
  | "protected-structure"
  | "bad-index"
  | "bad-name"
  | "duplicate-name"
  | "last-visible-sheet"
  | "dialog"
  | "partial-merge"
  | "shape-mismatch"
  | "not-active"
  | "hidden-sheet";

export class FakeEtError extends Error {
  override readonly name = "Error";
  readonly number = -2146827284;

  constructor(
    readonly reason: FakeEtRefusal,
    message: string,
  ) {
    super(message);
  }
}

export function refuse(reason: FakeEtRefusal, message: string): never {
  throw new FakeEtError(reason, message);
}
