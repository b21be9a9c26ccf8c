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
  | "RequestPayloadSizeLimitExceeded"
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

const PAYLOAD_DOCS =
  "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins";

/** Excel on the web's refusal of a request, or of the answer to one, over its payload limit (5 MB). */
export function payloadTooLarge(side: "request" | "response", bytes: number, limit: number): FakeOfficeError {
  return new FakeOfficeError(
    side === "request" ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded",
    `The ${side} payload size has exceeded the limit. Please refer to the documentation: "${PAYLOAD_DOCS}".`,
    `${side}: ${bytes} bytes, limit ${limit}`,
  );
}
