/** The little of fast-formula-parser (untyped CommonJS) that fast-formula.ts uses. */
/* eslint-disable @typescript-eslint/no-unused-vars -- ambient classes, reached through FormulaParser's statics. */
declare module "fast-formula-parser" {
  interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  interface CellReference extends Position {
    address?: string;
  }
  interface RangeReference {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  interface ParserConfig {
    onCell?: (ref: CellReference) => unknown;
    onRange?: (ref: RangeReference) => unknown[][];
  }
  class FormulaError extends Error {
    constructor(error: string, details?: unknown);
    readonly error: string;
  }
  class DepParser {
    constructor(config?: object);
    parse(formula: string, position: Position): (CellReference | RangeReference)[];
  }
  class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    static FormulaError: typeof FormulaError;
    static DepParser: typeof DepParser;
  }
  export = FormulaParser;
}
