/**
 * Nothing let in, nothing sent out: the pages' Content-Security-Policy allows scripts only from the add-in's own origin
 * and Microsoft's Office script host and connections only to its own origin; the sources never evaluate strings as code,
 * never write HTML from strings and never talk to anything but relative URLs; the manifest asks for ReadWriteDocument
 * and trusts no other domain.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { XMLParser } from "fast-xml-parser";

const ROOT = join(__dirname, "..", "..");
const OFFICE_SCRIPT_HOST = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_SCRIPT_HOST}/lib/1/hosted/office.js`;

/** The page templates webpack copies verbatim (meta tags included), plus the built pages when a build exists. */
function pages(): string[] {
  const sources = [
    "src/taskpane/taskpane.html",
    "src/commands/commands.html",
    "src/taskpane/support.html",
  ].map((p) => join(ROOT, p));
  const dist = join(ROOT, "dist");
  const built = existsSync(dist)
    ? readdirSync(dist)
        .filter((f) => f.endsWith(".html"))
        .map((f) => join(dist, f))
    : [];
  return [...sources, ...built];
}

type Policy = Map<string, string[]>;

/** A tag's attributes, quoted or not (the built pages are minified: content="…" but also src=x.js). */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const body = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function policiesOf(html: string): Policy[] {
  return [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => attributesOf(m[0]))
    .filter((a) => a.get("http-equiv")?.toLowerCase() === "content-security-policy")
    .map((a) => {
      const policy: Policy = new Map();
      for (const directive of (a.get("content") ?? "").split(";")) {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (name) policy.set(name.toLowerCase(), sources);
      }
      return policy;
    });
}

/** The sources a fetch directive allows, falling back to default-src as browsers do. */
function sourcesFor(policy: Policy, directive: string): string[] {
  return policy.get(directive) ?? policy.get("default-src") ?? ["*"];
}

describe("the pages' Content-Security-Policy", () => {
  const list = pages();

  it("covers the task pane, the commands page and the support page", () => {
    const names = list.map((p) => relative(ROOT, p));
    expect(names).toEqual(
      expect.arrayContaining([
        "src/taskpane/taskpane.html",
        "src/commands/commands.html",
        "src/taskpane/support.html",
      ]),
    );
  });

  it.each(list.map((p) => [relative(ROOT, p), p]))("%s", (_name, path) => {
    const html = readFileSync(path, "utf8");
    const policies = policiesOf(html);
    expect(policies).toHaveLength(1);
    const policy = policies[0];

    expect(policy.get("default-src")).toEqual(["'self'"]);
    // Scripts: this origin, and Microsoft's host for office.js only. No eval, no inline script, no wildcard.
    for (const source of sourcesFor(policy, "script-src")) {
      expect(["'self'", OFFICE_SCRIPT_HOST]).toContain(source);
    }
    // Network: this origin only — the workbook's figures go nowhere.
    expect(sourcesFor(policy, "connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      expect({ name, sources }).toEqual({
        name,
        sources: sources.filter((s) => s !== "*" && s !== "'unsafe-eval'" && s !== "http:" && s !== "https:"),
      });
    }

    // Every script the page loads is its own or office.js, and no script is written inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attrs, body] of scripts) {
      const src = attributesOf(`<script ${attrs}>`).get("src");
      expect(body.trim()).toBe("");
      expect(src).toBeDefined();
      if (src && /^[a-z]+:|^\/\//i.test(src)) expect(src).toBe(OFFICE_JS);
    }
  });

  it("the build uses no eval-based source maps (the policy forbids eval)", () => {
    const config = readFileSync(join(ROOT, "webpack.config.js"), "utf8");
    const devtools = [...config.matchAll(/devtool\s*:\s*([^,\n]+)/g)].map((m) => m[1]);
    expect(devtools.length).toBeGreaterThan(0);
    for (const d of devtools) expect(d).not.toMatch(/eval/);
  });
});

/** Every source file of the add-in and the CLI. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(name)) out.push(path);
  }
  return out;
}

/** Comments say why code does not do these things; only code counts. */
function withoutComments(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

describe("a static scan of src/**", () => {
  const files = sourceFiles(join(ROOT, "src"));

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  const FORBIDDEN: [string, RegExp][] = [
    ["eval", /(^|[^.\w])eval\s*\(/],
    ["new Function", /\bnew\s+Function\s*\(/],
    ["Function constructor call", /(^|[^.\w])Function\s*\(\s*["'`]/],
    ["setTimeout/setInterval with a string", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
    ["innerHTML", /\binnerHTML\b/],
    ["outerHTML", /\bouterHTML\b/],
    ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
    ["dangerouslySetInnerHTML", /\bdangerouslySetInnerHTML\b/],
    ["document.write", /\bdocument\s*\.\s*write(ln)?\s*\(/],
    ["XMLHttpRequest", /\bXMLHttpRequest\b/],
    ["WebSocket", /\bWebSocket\b/],
    ["EventSource", /\bEventSource\b/],
    ["sendBeacon", /\bsendBeacon\b/],
    ["importScripts", /\bimportScripts\s*\(/],
  ];

  it.each(FORBIDDEN)("no %s", (_name, pattern) => {
    const hits = files
      .filter((f) => pattern.test(withoutComments(readFileSync(f, "utf8"))))
      .map((f) => relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it("fetch() only with a relative URL literal", () => {
    const offending: string[] = [];
    for (const f of files) {
      const code = withoutComments(readFileSync(f, "utf8"));
      for (const m of code.matchAll(/(^|[^.\w])fetch\s*\(\s*([^,)]*)/g)) {
        const target = m[2].trim();
        // A string literal that is a relative path: "./x", "/x", "x.json" — never a scheme or "//host".
        const relativeLiteral = /^(["'`])(?![a-z][a-z0-9+.-]*:|\/\/)[^"'`$]*\1$/i.test(target);
        if (!relativeLiteral) offending.push(`${relative(ROOT, f)}: fetch(${target}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe("manifest.xml", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: () => true });
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const doc = parser.parse(manifest) as Record<string, unknown[]>;
  const root = (doc.OfficeApp as Record<string, unknown[]>[])[0];

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(root.Permissions).toEqual(["ReadWriteDocument"]);
    expect(manifest.match(/<Permissions>/g)).toHaveLength(1);
  });

  it("trusts no domain beyond its own origin, and every URL it names is on that origin", () => {
    const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)?.[1] as string;
    const origin = new URL(source).origin;
    const appDomains = [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim());
    for (const d of appDomains) expect(new URL(d).origin).toBe(origin);
    // Attribute values naming a location (DefaultValue, Value …), not the XML namespaces of the schema.
    const urls = [...withoutComments(manifest).matchAll(/([\w:]+)="(https?:\/\/[^"]+)"/g)]
      .filter((m) => !/^xmlns(:|$)|^xsi:/.test(m[1]))
      .map((m) => m[2]);
    const foreign = urls.filter((u) => new URL(u).origin !== origin);
    expect(foreign).toEqual([]);
    expect(urls.length).toBeGreaterThan(5);
  });
});

describe("runtime dependencies pinned by the lock file", () => {
  interface LockPackage {
    readonly version?: string;
    readonly dev?: boolean;
  }
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    lockfileVersion: number;
    packages: Record<string, LockPackage>;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };

  /** Every installed copy of a package that ships with the add-in or the CLI (not a dev tool). */
  function runtimeCopies(name: string): string[] {
    return Object.entries(lock.packages)
      .filter(
        ([path, p]) => (path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)) && !p.dev,
      )
      .map(([, p]) => p.version as string);
  }

  function atLeast(version: string, floor: string): boolean {
    const a = version.split(/[.-]/).map(Number);
    const b = floor.split(".").map(Number);
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return true;
  }

  it("pins every runtime dependency of package.json to one exact version", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    for (const name of Object.keys(pkg.dependencies)) {
      expect({ name, versions: runtimeCopies(name).length }).toEqual({ name, versions: 1 });
    }
  });

  /**
   * Advisories known against exceljs's dependency chain (the only runtime dependency with a deep tree), each with its
   * first patched version. The lock file must never fall back below them.
   */
  const ADVISORIES: [name: string, advisory: string, patched: string][] = [
    ["tmp", "GHSA-52f5-9888-hmc6 (high)", "0.2.4"],
    ["minimist", "GHSA-xvch-5gv4-984h (critical)", "1.2.6"],
    ["jszip", "GHSA-jg8v-48h5-wgxg, GHSA-36fh-84j7-cv5h", "3.8.0"],
    ["fstream", "GHSA-xf7w-r453-m56c (high)", "1.0.12"],
    ["@babel/runtime", "GHSA-968p-4wvh-cqc8", "7.26.10"],
    ["brace-expansion", "GHSA-v6h2-p8h4-qcjw", "1.1.12"],
  ];

  it.each(ADVISORIES)("%s is past %s (patched in %s)", (name, _advisory, patched) => {
    const copies = runtimeCopies(name);
    expect(copies.length).toBeGreaterThan(0);
    for (const version of copies)
      expect({ version, patched: atLeast(version, patched) }).toEqual({ version, patched: true });
  });
});
