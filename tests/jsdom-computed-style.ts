/**
 * window.getComputedStyle for the jsdom suites (installed by tests/setup-dom.ts): the declaration jsdom 20 computes,
 * computed without repeating the whole cascade once for every ancestor.
 *
 * Why: jsdom resolves `visibility` (inherited) by matching every CSS rule against the element, and when none sets it,
 * against its parent, and so on up to <html>: for an element 20 levels deep that is the ~120 rules of jsdom's own
 * default style sheet plus the document's, 21 times over. Testing Library calls getComputedStyle for every node it
 * visits when it computes an accessible name (`getByRole(…, { name })`) or decides what is hidden, so in the UI suites
 * most of a role query's time was this walk. Here each element's rules are matched once; up the ancestors only the
 * few rules that set `visibility` are tried, which is what the walk can find there (the default sheet sets none).
 *
 * The result is jsdom's, property for property, in jsdom's order: the matching rules of its default sheet and of the
 * document's sheets (`@media` rules whose list names `screen`), in sheet order; then `visibility`, inherited; then the
 * inline style. tests/taskpane/computed-style.test.tsx compares the two on the task pane and on planted cases. A
 * pseudo-element or anything not an element goes to jsdom's own function, as does everything when jsdom's default
 * sheet cannot be found (another jsdom version).
 */

/** The parts of a CSSOM rule the cascade reads (a style rule or an `@media` rule). */
interface SheetRule {
  readonly selectorText?: string;
  readonly style?: CSSStyleDeclaration;
  readonly media?: ArrayLike<string>;
  readonly cssRules?: ArrayLike<SheetRule>;
}

type GetComputedStyle = (element: Element, pseudoElement?: string | null) => CSSStyleDeclaration;

/** jsdom's default style sheet, parsed as jsdom parses it (cssom); null if this jsdom keeps it elsewhere. */
function defaultSheetRules(): ArrayLike<SheetRule> | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jsdom's own files, not an import of the product
    const text: unknown = require("jsdom/lib/jsdom/browser/default-stylesheet");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cssom = require("cssom") as { parse(css: string): { cssRules: ArrayLike<SheetRule> } };
    return typeof text === "string" ? cssom.parse(text).cssRules : null;
  } catch {
    return null;
  }
}

/** The style rules that apply on a screen, in cascade order (jsdom: forEachMatchingSheetRuleOfElement). */
function screenRules(sheet: ArrayLike<SheetRule>, into: IndexedRule[]): void {
  for (const rule of Array.from(sheet)) {
    if (rule.media) {
      if (Array.prototype.indexOf.call(rule.media, "screen") !== -1 && rule.cssRules)
        for (const inner of Array.from(rule.cssRules)) into.push(indexRule(inner));
    } else into.push(indexRule(rule));
  }
}

/** Selectors the DOM cannot parse (jsdom's default sheet has one: its `@namespace` line): they match nothing. */
const unparsable = new Set<string>();

/** jsdom's matchesDontThrow: a selector it cannot parse matches nothing (remembered: a throw builds a DOMException). */
function matches(element: Element, selector: string): boolean {
  if (unparsable.has(selector)) return false;
  try {
    return element.matches(selector);
  } catch {
    unparsable.add(selector);
    return false;
  }
}

/**
 * What an element needs for a rule to have a chance: per selector of the list, the type and the classes of its
 * subject (its last compound, outside `[…]` and `(…)`: `:not(.a)` requires nothing). null when a selector is beyond
 * this reading (escapes, quotes or a namespace outside `[…]`, an at-rule, no selector at all): such a rule is always
 * tried. Only a rule that cannot match is
 * skipped; every other is decided by `element.matches`.
 */
interface Subject {
  readonly type: string | null;
  readonly classes: readonly string[];
}

function subjects(selectorText: string | undefined): readonly Subject[] | null {
  if (typeof selectorText !== "string") return null;
  let bare = selectorText.replace(/\[[^[\]]*\]/g, "[]");
  if (/[\\'"@|]/.test(bare)) return null;
  for (let before = ""; before !== bare;) [before, bare] = [bare, bare.replace(/\([^()]*\)/g, "")];
  const list: Subject[] = [];
  for (const selector of bare.split(",")) {
    const subject =
      selector
        .trim()
        .split(/[\s>+~]+/)
        .pop() ?? "";
    if (subject === "") return null;
    const type = /^[A-Za-z][A-Za-z0-9-]*/.exec(subject)?.[0].toLowerCase() ?? null;
    list.push({ type, classes: [...subject.matchAll(/\.([^.#:[\]]+)/g)].map(([, name]) => name) });
  }
  return list;
}

/** A style rule with what its selectors require, read once. */
interface IndexedRule {
  readonly rule: SheetRule;
  readonly subjects: readonly Subject[] | null;
}

const indexed = new WeakMap<SheetRule, IndexedRule>();

function indexRule(rule: SheetRule): IndexedRule {
  let entry = indexed.get(rule);
  if (!entry) indexed.set(rule, (entry = { rule, subjects: subjects(rule.selectorText) }));
  return entry;
}

/** Whether the rule's selector matches the element (jsdom: forEachMatchingSheetRuleOfElement's test). */
function ruleMatches(element: Element, { rule, subjects: list }: IndexedRule): boolean {
  // Class names compare exactly in a no-quirks document only; in quirks mode every rule is tried.
  const strict = element.ownerDocument.compatMode === "CSS1Compat";
  const type = element.localName.toLowerCase();
  const possible =
    list === null ||
    !strict ||
    list.some(
      (subject) =>
        (subject.type === null || subject.type === type) &&
        subject.classes.every((name) => element.classList.contains(name)),
    );
  return possible && matches(element, rule.selectorText as string);
}

/** The value the rules (in order) and then the inline style give `property`, or "" (jsdom: getCascadedPropertyValue). */
function cascaded(element: Element, rules: readonly IndexedRule[], property: string): string {
  let value = "";
  for (const { rule } of rules) {
    const ruleValue = rule.style?.getPropertyValue(property) ?? "";
    if (ruleValue !== "") value = ruleValue;
  }
  const inline = (element as HTMLElement).style?.getPropertyValue(property);
  if (inline !== "" && inline !== null && inline !== undefined) value = inline;
  return value;
}

/** jsdom's own getComputedStyle of each window where it was replaced (for the comparison test). */
const replaced = new WeakMap<Window, GetComputedStyle>();

/** jsdom's own getComputedStyle of the window, also after installComputedStyle. */
export function jsdomsComputedStyle(win: Window & typeof globalThis): GetComputedStyle {
  return replaced.get(win) ?? win.getComputedStyle.bind(win);
}

/**
 * Replaces `window.getComputedStyle` by the faster equivalent. Does nothing when jsdom's default sheet cannot be
 * read (then the cascade below may not be jsdom's).
 */
export function installComputedStyle(win: Window & typeof globalThis): void {
  if (replaced.has(win)) return;
  const jsdoms: GetComputedStyle = win.getComputedStyle.bind(win);
  const defaults = defaultSheetRules();
  if (!defaults) return;
  const defaultRules: IndexedRule[] = [];
  screenRules(defaults, defaultRules);

  function getComputedStyle(element: Element, pseudoElement?: string | null): CSSStyleDeclaration {
    const isPseudo = pseudoElement !== undefined && pseudoElement !== null && String(pseudoElement) !== "";
    if (isPseudo || !(element instanceof win.Element)) return jsdoms(element, pseudoElement);

    const rules = [...defaultRules];
    for (const sheet of Array.from(element.ownerDocument.styleSheets))
      screenRules(sheet.cssRules as unknown as ArrayLike<SheetRule>, rules);
    const own = rules.filter((rule) => ruleMatches(element, rule));

    const declaration = new win.CSSStyleDeclaration();
    for (const { rule } of own) {
      const style = rule.style as CSSStyleDeclaration;
      for (const property of Array.from(style))
        declaration.setProperty(
          property,
          style.getPropertyValue(property),
          style.getPropertyPriority(property),
        );
    }

    // `visibility` is inherited: the nearest of the element and its ancestors that has a value gives it.
    const setsVisibility = rules.filter(({ rule }) => rule.style?.getPropertyValue("visibility"));
    let visibility = cascaded(element, own, "visibility");
    for (
      let ancestor = element.parentElement;
      visibility === "" && ancestor;
      ancestor = ancestor.parentElement
    ) {
      const on = ancestor;
      visibility = cascaded(
        on,
        setsVisibility.filter((rule) => ruleMatches(on, rule)),
        "visibility",
      );
    }
    declaration.setProperty("visibility", visibility === "" ? "visible" : visibility);

    const inline = (element as HTMLElement).style;
    if (inline)
      for (const property of Array.from(inline))
        declaration.setProperty(
          property,
          inline.getPropertyValue(property),
          inline.getPropertyPriority(property),
        );
    return declaration;
  }

  win.getComputedStyle = getComputedStyle as typeof win.getComputedStyle;
  replaced.set(win, jsdoms);
}
