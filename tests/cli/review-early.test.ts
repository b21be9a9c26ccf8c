/**
 * Workers started before `selfeval review` has parsed its options (review-pool.ts `startWorkersEarly`, which main.ts
 * calls as soon as the command is known): the run that follows checks files on them and gives what one thread gives,
 * and a run that needs fewer of them than were started still ends (the ones it does not need are stopped).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { startWorkersEarly } from "../../src/cli/review-pool";
import { editXlsx } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfeval-review-early-"));
}

function review(root: string, workers: number) {
  return runCli([
    "review",
    root,
    "--out",
    join(tempDir(), "汇总.xlsx"),
    "--json",
    "--workers",
    String(workers),
  ]);
}

describe("selfeval review on workers started early", () => {
  it("checks the files on them and gives the same as one thread", async () => {
    const root = join(tempDir(), "收到的自评表");
    mkdirSync(join(root, "二级单位"), { recursive: true });
    const sample = readFileSync(SAMPLE_XLSX);
    writeFileSync(join(root, "a-样例.xlsx"), sample);
    // 2080505's 合计 294,600.00 元 against a 基本支出 of 284,600.00 元: two error findings.
    const faulty = await editXlsx(sample, (wb) => {
      wb.getWorksheet("表二 支出决算表")!.getCell("C12").value = 294600;
    });
    writeFileSync(join(root, "b-合计有误.xlsx"), faulty);
    writeFileSync(join(root, "二级单位", "c-合计有误.xlsx"), faulty);
    writeFileSync(join(root, "二级单位", "损坏.xlsx"), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]));

    const one = await review(root, 0);
    const [early] = startWorkersEarly(1);
    let answered = 0;
    early.on("message", () => (answered += 1));
    const exited = new Promise((resolve) => early.once("exit", resolve));
    const two = await review(root, 2);
    expect(two).toEqual(one);
    // The pool hands its worker the first two files before this thread takes any (review-pool.ts inWorkers); how
    // many more it gets depends on which thread is free first.
    expect(answered).toBeGreaterThanOrEqual(2);
    await exited;
    expect(JSON.parse(two.stdout).summary).toMatchObject({ errors: 4, unreadable: 1 });
  });

  it("stops the ones a run with fewer files does not need", async () => {
    const root = tempDir();
    writeFileSync(join(root, "样例.xlsx"), readFileSync(SAMPLE_XLSX));
    const one = await review(root, 0);
    // One file is checked in this thread alone: both workers started early are stopped unused (else this waits for
    // their exit until the test times out).
    const started = startWorkersEarly(2);
    const exited = Promise.all(started.map((w) => new Promise((resolve) => w.once("exit", resolve))));
    const three = await review(root, 3);
    expect(three).toEqual(one);
    expect(three.code).toBe(0);
    await exited;
  });
});
