/**
 * Errors the fake raises, shaped like OfficeExtension.Error (name "RichApi.Error", a `code` from Excel.ErrorCodes and
 * `debugInfo`), so the gateway's error mapping is exercised with the same fields it meets in Excel.
 */

export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  readonly debugInfo: {
    readonly code: FakeErrorCode;
    readonly message: string;
    readonly errorLocation?: string;
  };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(entity: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}
