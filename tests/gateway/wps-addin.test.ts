/**
 * The WPS add-in package: ribbon.xml parses and names only callbacks the built main.js defines on `ribbon`; the
 * buttons run the pipeline with the WPS host and open the pane; the deployment lists name the add-in folder.
 * The build test compiles main.js alone (webpack.wps.config.js with `--env only=main`) into a temporary folder and runs
 * it in a sandbox with a stub WPS `Application`, so it checks the script WPS would load, not only its sources. The
 * pane's React bundle is built by `npm run build:wps`, which CI runs.
 */
import { createHash } from "crypto";
import { execFile } from "child_process";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runInNewContext } from "vm";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import {
  CALLBACK_NAMES,
  PANE_ID_KEY,
  RIBBON_BUTTONS,
  createRibbon,
  type AddinRoot,
  type RibbonCallbacks,
} from "../../src/wps/ribbon";
import { FakeWorkbookHost } from "../app/fake-host";
import { fixtureSnapshot } from "../app/fixtures";
import { FakeEtApp } from "../fakes/wps/workbook";

const ROOT = join(__dirname, "..", "..");
const RIBBON_XML = readFileSync(join(ROOT, "src", "wps", "ribbon.xml"), "utf8");

interface XmlNode {
  [key: string]: unknown;
}

/** Every attribute value of the XML that names a callback (onLoad, onAction, getImage, getLabel…). */
function callbackNames(xml: string): string[] {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as XmlNode;
  const names: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node as XmlNode)) {
      if (/^@(on[A-Z]|get[A-Z])/.test(key) && typeof value === "string") names.push(value);
      else walk(value);
    }
  };
  walk(tree);
  return names;
}

function buttonsOf(xml: string): { id: string; label: string }[] {
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (n) => n === "button",
  }).parse(xml) as {
    customUI: { ribbon: { tabs: { tab: { "@label": string; group: { button: XmlNode[] } } } } };
  };
  const tab = tree.customUI.ribbon.tabs.tab;
  expect(tab["@label"]).toBe("绩效自评");
  return tab.group.button.map((b) => ({ id: String(b["@id"]), label: String(b["@label"]) }));
}

describe("ribbon.xml", () => {
  test("is well-formed and holds the 绩效自评 tab with the three buttons of the callback table", () => {
    expect(XMLValidator.validate(RIBBON_XML)).toBe(true);
    expect(buttonsOf(RIBBON_XML)).toEqual(RIBBON_BUTTONS.map((b) => ({ id: b.id, label: b.label["zh-CN"] })));
    expect(buttonsOf(RIBBON_XML).map((b) => b.label)).toEqual(["一键生成自评报告", "一致性检查", "打开助手"]);
  });

  test("names only callbacks of the global ribbon object that the table defines", () => {
    const named = [...new Set(callbackNames(RIBBON_XML))].sort();
    expect(named).toEqual(["ribbon.GetImage", "ribbon.OnAction", "ribbon.OnAddinLoad", "ribbon.OnGetLabel"]);
    for (const name of named) expect(CALLBACK_NAMES).toContain(name.replace(/^ribbon\./, ""));
  });
});

function stubAddin(): AddinRoot & { created: string[]; panes: { ID: number; Visible: boolean }[] } {
  const storage = new Map<string, string>();
  const panes: { ID: number; Visible: boolean }[] = [];
  const created: string[] = [];
  const addin = {
    created,
    panes,
    PluginStorage: {
      getItem: (key: string) => storage.get(key) ?? "",
      setItem: (key: string, value: number | boolean | string) => void storage.set(key, String(value)),
    },
    CreateTaskPane: (url: string) => {
      created.push(url);
      const pane = { ID: panes.length + 1, Visible: false };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id),
  };
  return addin as unknown as AddinRoot & typeof addin;
}

describe("the ribbon's callbacks", () => {
  test("打开助手 creates the pane once and shows the same pane after", async () => {
    const addin = stubAddin();
    const ribbon = createRibbon({
      host: () => new FakeWorkbookHost(fixtureSnapshot()),
      addin: () => addin,
      paneUrl: () => "file:///jsaddons/selfeval_0.1.0/taskpane.html",
      lang: "zh-CN",
      notify: () => undefined,
    });
    await ribbon.OnAction({ Id: "selfevalOpenPane" });
    addin.panes[0].Visible = false;
    await ribbon.OnAction({ Id: "selfevalOpenPane" });
    expect(addin.created).toEqual(["file:///jsaddons/selfeval_0.1.0/taskpane.html"]);
    expect(addin.panes[0].Visible).toBe(true);
    expect(addin.PluginStorage.getItem(PANE_ID_KEY)).toBe("1");
  });

  test("一致性检查 writes the sheets and shows 核查结果; a failure is told in words", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const messages: string[] = [];
    const ribbon = createRibbon({
      host: () => host,
      addin: stubAddin,
      paneUrl: () => "",
      lang: "zh-CN",
      notify: (m) => messages.push(m),
    });
    await ribbon.OnAction({ Id: "selfevalCheck" });
    expect(host.calls).toEqual(["loadSettings", "read", "writeReport", "selectCells"]);
    expect(host.selections[0]).toEqual({ sheet: "核查结果", addresses: ["A1"] });
    host.fail("read", new Error("boom"));
    await ribbon.OnAction({ Id: "selfevalGenerate" });
    expect(messages).toEqual(["操作未能完成。请再试一次；如仍失败，请保存工作簿后重新打开本加载项。"]);
    expect(ribbon.OnGetLabel({ Id: "selfevalGenerate" })).toBe("一键生成自评报告");
    expect(ribbon.OnGetLabel({ Id: "selfevalTab" })).toBe("绩效自评");
    expect(ribbon.GetImage({ Id: "selfevalCheck" })).toBe("assets/icon-32.png");
    expect(host.settings).toEqual(DEFAULT_SETTINGS);
  });
});

/**
 * Runs webpack in its own process, as `npm run build:wps` does: inside jest's module sandbox webpack's plugins cannot
 * load their ES modules. With webpack's persistent cache in a folder of this checkout's own under the system's
 * temporary folder: the first run builds everything, later runs rebuild what changed (webpack checks every source,
 * package and the config) — the output is the same.
 */
function build(outDir: string): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const cacheDir = join(
    tmpdir(),
    `selfeval-wps-cache-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`,
  );
  const args = [cli, "--config", "webpack.wps.config.js", "--mode", "production", "--env", "only=main"];
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [...args, "--env", `outDir=${outDir}`, "--env", `cacheDir=${cacheDir}`],
      { cwd: ROOT },
      (error, _out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve()),
    ),
  );
}

describe("the built add-in (main.js alone)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "selfeval-wps-"));
    await build(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const folder = () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    return `selfeval_${version}`;
  };

  test("defines every callback ribbon.xml names, and its buttons work on a workbook in the ET fake", async () => {
    const script = readFileSync(join(dir, folder(), "main.js"), "utf8");
    const app = new FakeEtApp();
    for (const sheet of fixtureSnapshot().sheets) {
      const s = app.workbook.addSheet(sheet.name);
      sheet.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (typeof v === "string" || typeof v === "number") s.set(r, c, v);
        }),
      );
    }
    const addin = stubAddin();
    const alerts: string[] = [];
    const sandbox: Record<string, unknown> = {
      Application: Object.assign(app, addin),
      location: { href: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/selfeval/index.html" },
      navigator: { language: "zh-CN" },
      alert: (m: string) => alerts.push(m),
      setTimeout,
      URL,
      console,
    };
    sandbox.window = sandbox;
    runInNewContext(script, sandbox);
    const ribbon = sandbox.ribbon as RibbonCallbacks;
    for (const name of callbackNames(readFileSync(join(dir, folder(), "ribbon.xml"), "utf8")))
      expect(typeof ribbon[name.replace(/^ribbon\./, "") as keyof RibbonCallbacks]).toBe("function");

    await ribbon.OnAction({ Id: "selfevalGenerate" });
    expect(alerts).toEqual([]);
    expect(app.workbook.sheetNames).toEqual(
      expect.arrayContaining(["绩效自评表", "自评报告", "核查结果", "_selfeval"]),
    );
    await ribbon.OnAction({ Id: "selfevalOpenPane" });
    expect(addin.created).toEqual([
      "file:///home/u/.local/share/Kingsoft/wps/jsaddons/selfeval/taskpane.html",
    ]);
  });

  test("the deployment lists name the add-in: online by its address, offline by its folder", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const online = parser.parse(readFileSync(join(dir, "jsplugins.xml"), "utf8")) as {
      jsplugins: { jspluginonline: XmlNode };
    };
    expect(online.jsplugins.jspluginonline).toMatchObject({
      "@name": "selfeval",
      "@type": "et",
      "@enable": "true",
    });
    expect(String(online.jsplugins.jspluginonline["@url"])).toMatch(new RegExp(`/${folder()}/$`));
    const offline = parser.parse(readFileSync(join(dir, "publish.xml"), "utf8")) as {
      jsplugins: { jsplugin: XmlNode };
    };
    expect(offline.jsplugins.jsplugin).toMatchObject({
      "@name": "selfeval",
      "@type": "et",
      "@url": folder(),
    });
  });
});
