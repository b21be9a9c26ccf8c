/**
 * Which `selfeval review` runs get the raised tier-up budget (src/cli/review-tiering.ts): the ones that will check files
 * on a pool of threads, read from the arguments before anything is parsed.
 */
import { workersArgument } from "../../src/cli/review-tiering";

describe("the --workers argument as the tier-up setting reads it", () => {
  it("reads --workers N and --workers=N", () => {
    expect(workersArgument(["review", "收到", "--out", "汇总.xlsx", "--workers", "0"])).toBe(0);
    expect(workersArgument(["review", "--workers=3", "收到"])).toBe(3);
    expect(workersArgument(["--workers", "1", "review", "收到"])).toBe(1);
  });

  it("reads nothing when the option is absent, has no number, or follows --", () => {
    expect(workersArgument(["review", "收到", "--out", "汇总.xlsx"])).toBeNull();
    expect(workersArgument(["review", "收到", "--workers", "two"])).toBeNull();
    expect(workersArgument(["review", "收到", "--workers"])).toBeNull();
    expect(workersArgument(["review", "--", "--workers", "0"])).toBeNull();
  });
});
