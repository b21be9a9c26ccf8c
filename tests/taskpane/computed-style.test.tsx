/** @jest-environment jsdom */
/**
 * The UI suites' getComputedStyle (tests/jsdom-computed-style.ts, installed by tests/setup-dom.ts) gives what jsdom's
 * own gives, property for property, on every element: of planted cases (jsdom's default sheet, class rules, inherited
 * visibility, @media, inline styles, selectors the DOM cannot parse) and of the Fluent components the pane is made of.
 */
import { configure, render, screen } from "@testing-library/react";
import {
  Button,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
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

test("Fluent's components as the pane uses them, their styles included", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <TabList selectedValue="a">
        <Tab value="a">生成报告</Tab>
        <Tab value="b">一致性检查</Tab>
      </TabList>
      <Button appearance="primary" icon={<DismissRegular />}>
        一键生成自评报告
      </Button>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>未能生成自评报告</MessageBarTitle>
          Excel 正在编辑单元格
        </MessageBarBody>
      </MessageBar>
      <Field label="合计容差（表格单位）" validationMessage="请输入 0 到 1 之间的数。">
        <Input value="3" readOnly />
      </Field>
      <Switch label="按预算执行率限制总分" />
      <ProgressBar value={0.25} />
    </FluentProvider>,
  );
  expect(document.styleSheets.length).toBeGreaterThan(0);
  expect(differences(document.documentElement)).toEqual([]);
  // Fluent's rules do reach the elements: an unselected Tab keeps a hidden copy of its label (it reserves the width
  // of the bold label), which is not part of the tab's name.
  const hidden = Array.from(document.body.querySelectorAll("*")).filter(
    (element) => window.getComputedStyle(element).visibility === "hidden",
  );
  expect(hidden.map((element) => element.textContent)).toEqual(["一致性检查"]);
  expect(screen.getByRole("tab", { name: "一致性检查" }).textContent).toBe("一致性检查一致性检查");
  expect(window.getComputedStyle(screen.getByRole("group")).display).toBe("grid");
});
