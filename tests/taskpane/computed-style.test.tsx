/** @jest-environment jsdom */
/**
 * The UI suites' getComputedStyle (tests/jsdom-computed-style.ts, installed by tests/setup-dom.ts) gives what jsdom's
 * own gives, property for property, on every element: of planted cases (jsdom's default sheet, class rules, inherited
 * visibility, @media, inline styles, selectors the DOM cannot parse) and of the task pane after a generate run.
 */
import { act, configure, fireEvent, render, screen } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/host";
import type { HostInfo } from "../../src/app/hosts";
import { App } from "../../src/taskpane/App";
import { FakeWorkbookHost } from "../app/fake-host";
import { fixtureSnapshot } from "../app/fixtures";
import { jsdomsComputedStyle } from "../jsdom-computed-style";

configure({ defaultHidden: true });

/** Every property (name, value, priority) of a declaration, in order. */
function declared(style: CSSStyleDeclaration): string[] {
  return Array.from(style).map((name) =>
    `${name}: ${style.getPropertyValue(name)} ${style.getPropertyPriority(name)}`.trim(),
  );
}

/** Each element's computed style by both functions, for the elements where they differ (none expected). */
function differences(root: Element): { element: string; ours: string[]; jsdoms: string[] }[] {
  const jsdoms = jsdomsComputedStyle(window);
  expect(jsdoms).not.toBe(window.getComputedStyle);
  const found = [];
  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    const ours = declared(window.getComputedStyle(element));
    const theirs = declared(jsdoms(element));
    if (ours.join("\n") !== theirs.join("\n"))
      found.push({ element: element.outerHTML.slice(0, 120), ours, jsdoms: theirs });
  }
  return found;
}

afterEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

test("planted cases: the default sheet, class rules, inherited visibility, @media, inline styles", () => {
  const style = document.createElement("style");
  style.textContent = `
    .hide { display: none; }
    .ghost { visibility: hidden; }
    .ghost .back { visibility: visible; }
    .a.b { display: flex; }
    .p > .c { display: inline-flex !important; }
    span:not(.keep) { display: block; }
    .名字 { visibility: collapse; }
    @media screen { .screen-only { display: grid; } }
    @media print { .print-only { display: none; } }
    @media screen and (min-width: 1px) { .narrow { display: none; } }
    .x:unknown-pseudo-class { display: none; }
    [data-x="a,b"] .y { visibility: hidden; }
    svg|rect { display: none; }
  `;
  document.head.append(style);
  document.body.innerHTML = `
    <section><h1>Title</h1><article><h1 class="hide">Nested</h1></article></section>
    <ul><li><ul><li>inner</li></ul></li></ul>
    <div class="ghost"><p><span class="keep">hidden by inheritance</span><b class="back">visible again</b></p></div>
    <div class="a b">both classes</div><div class="a">one class</div>
    <div class="p"><i class="c">child</i></div><i class="c">not a child</i>
    <span>plain span</span><span class="名字">non-ASCII class</span>
    <div class="screen-only print-only narrow">media</div>
    <div class="x">unparsable selector</div>
    <div data-x="a,b"><em class="y">attribute with a comma</em></div>
    <input type="hidden"><input type="checkbox" checked><button disabled>disabled</button>
    <dialog>closed</dialog><p hidden>hidden attribute</p>
    <div style="visibility: hidden"><span style="display: inline-block">inline styles</span></div>
    <svg><rect class="hide"></rect><foreignObject><div>in svg</div></foreignObject></svg>
  `;
  expect(differences(document.documentElement)).toEqual([]);
  // The cases are real: the planted rules do reach the elements.
  expect(window.getComputedStyle(document.querySelector("span.keep") as Element).visibility).toBe("hidden");
  expect(window.getComputedStyle(document.querySelector(".back") as Element).visibility).toBe("visible");
  expect(window.getComputedStyle(document.querySelector(".p > .c") as Element).display).toBe("inline-flex");
  expect(window.getComputedStyle(document.querySelector(".screen-only") as Element).display).toBe("grid");
  expect(window.getComputedStyle(document.querySelector("dialog") as Element).display).toBe("none");
  expect(window.getComputedStyle(document.querySelector(".y") as Element).visibility).toBe("hidden");
});

test("the task pane after a generate run, its Fluent styles included", async () => {
  const host = new FakeWorkbookHost(fixtureSnapshot());
  const info: HostInfo = { mode: "excel", host: "Excel", lang: "zh-CN" };
  const connect = (): Promise<WorkbookHost | null> => Promise.resolve(host);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  render(<App detect={() => Promise.resolve(info)} connect={connect} />);
  await screen.findByText("已连接 Excel");
  await act(async () => {
    fireEvent.click(screen.getByText("一键生成自评报告"));
  });
  await screen.findByText("核查发现 3 项错误，详见核查结果");
  expect(document.styleSheets.length).toBeGreaterThan(0);
  expect(differences(document.documentElement)).toEqual([]);
});
