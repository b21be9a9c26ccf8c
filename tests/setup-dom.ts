/**
 * Jest setup for every suite (jest.config.js); it acts only where a DOM exists (the jsdom suites: the task pane and
 * the preview). Three things, all so that a UI test's outcome and its duration do not depend on the machine:
 *
 * - Testing Library waits for a state, not for a clock: `findBy*` and `waitFor` retry on every DOM change until the
 *   state appears. Its default limit of 1 s turned a busy machine into a red test, so the limit is minutes away:
 *   only a state that never comes fails (with Testing Library's message and the DOM), and a busy machine is slower.
 * - jsdom computes no layout, yet its getComputedStyle matches every CSS rule of the document against the element,
 *   and the accessible-name computation behind `getByRole(…, { name })` calls it for each node it visits. Fluent
 *   (Griffel) inserts thousands of atomic rules (one declaration each) as components render, and they accumulate for
 *   the whole file, so every role query got slower test after test (the language test took 17 s, most of it matching
 *   selectors). The only declarations a DOM query reads are the ones that hide content (display, visibility: a Fluent
 *   Tab keeps a visibility-hidden copy of its label, which is not part of its name), so only those are inserted.
 *   The end-to-end run in Chromium (tests/e2e) shows the real styles.
 * - jsdom's getComputedStyle also repeats that matching for every ancestor, to inherit `visibility`; the same result
 *   computed once per element is installed in its place (tests/jsdom-computed-style.ts, compared with jsdom's by
 *   tests/taskpane/computed-style.test.tsx).
 *
 * It also stands in for the two browser APIs every UI suite needs and jsdom lacks (ResizeObserver, structuredClone),
 * once here instead of in each suite.
 */

import { installComputedStyle } from "./jsdom-computed-style";

/** Half the suite's testTimeout (jest.config.js), so a missing state fails with Testing Library's message. */
const ASYNC_UTIL_TIMEOUT_MS = 5 * 60_000;

/** A Griffel rule that can hide content: `.f1abc{display:none;}`, `.f2def{visibility:hidden;}`, also in @media. */
const HIDES_CONTENT = /(^|[{;])\s*(display|visibility)\s*:/;

if (typeof document !== "undefined") {
  installComputedStyle(window);

  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function insertRuleThatCanHide(
    this: CSSStyleSheet,
    rule: string,
    index?: number,
  ): number {
    return HIDES_CONTENT.test(rule) ? insertRule.call(this, rule, index) : this.cssRules.length;
  };

  // What every Office web view and browser has and jsdom lacks: Fluent's MessageBar measures itself with a
  // ResizeObserver (no layout here, so nothing to observe), and the preview copies cell styles with structuredClone
  // (plain data, so a JSON copy is the same thing).
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (!("structuredClone" in globalThis)) {
    (globalThis as unknown as { structuredClone: unknown }).structuredClone = (v: unknown) =>
      JSON.parse(JSON.stringify(v)) as unknown;
  }

  beforeAll(async () => {
    // Loaded in the DOM suites only: the node suites need not pay for Testing Library.
    const { configure } = await import("@testing-library/dom");
    configure({ asyncUtilTimeout: ASYNC_UTIL_TIMEOUT_MS });
  });
}
