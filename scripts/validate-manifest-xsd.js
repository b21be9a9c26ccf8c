#!/usr/bin/env node
/**
 * `npm run validate:xsd [-- --schemas DIR] [manifest.xml …]`: checks add-in manifests against Microsoft's manifest
 * schema (XSD) with xmllint, offline (--nonet).
 *
 * The schemas are vendored, unchanged, in schemas/office-addin-manifest/ (ORIGIN.md there says where from, at which
 * commit, under which licence); that folder is the default. --schemas DIR or OFFICE_MANIFEST_XSD_DIR give another one:
 * a folder that holds OfficeAppManifestV1_1.xsd and the schemas it imports, or a `taskpane/` subfolder holding them.
 * The folder is only read: libxml2 cannot compile Microsoft's files as published, so they are copied into a temporary
 * folder with three mechanical fixes:
 *   1. the W3C namespace URIs written with https (`https://www.w3.org/2001/XMLSchema`) get the http the specs define;
 *   2. a lazy quantifier in a pattern (`{0,3}?`), which XML Schema's regular expressions do not have, loses its `?`;
 *   3. an <xs:import> of a schema that is not in the folder (ContentAppVersionOverrides: a task-pane manifest never
 *      uses it, and it is missing from the history the others come from) is dropped, with the <xs:element ref="…">
 *      that point into its namespace.
 * Every fix applied is printed with --verbose.
 *
 * Exit codes: 0 every manifest is valid, 1 one is not (xmllint's messages on stderr), 2 wrong arguments, a schema
 * folder without the root schema, schemas that do not compile, or no xmllint.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
/** The vendored schemas (see ORIGIN.md there). */
const VENDORED_SCHEMAS = path.join(__dirname, "..", "schemas", "office-addin-manifest");
const XMLLINT = process.env.XMLLINT || "xmllint";

/** The folder holding the root schema: DIR itself or DIR/taskpane; null when neither has it. */
function findSchemaFolder(dir) {
  for (const candidate of [dir, path.join(dir, "taskpane")]) {
    if (fs.existsSync(path.join(candidate, ROOT_SCHEMA))) return candidate;
  }
  return null;
}

/** `prefix` → namespace URI for every xmlns:prefix declared in the text. */
function namespacePrefixes(text) {
  const prefixes = new Map();
  for (const m of text.matchAll(/\bxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) prefixes.set(m[1], m[2]);
  return prefixes;
}

function attribute(tag, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

/**
 * One schema's text with the fixes libxml2 needs. `present(file)` says whether an imported schema is in the folder.
 * Returns the text and the fixes applied, in words.
 */
function fixSchemaText(text, present) {
  const fixes = [];
  let out = text;

  const https = out.match(/https:\/\/www\.w3\.org\//g);
  if (https) {
    out = out.replace(/https:\/\/www\.w3\.org\//g, "http://www.w3.org/");
    fixes.push(`https://www.w3.org/ → http://www.w3.org/ (${https.length}×)`);
  }

  out = out.replace(/(<xs:pattern\b[^>]*\bvalue\s*=\s*")([^"]*)(")/g, (whole, open, value, close) => {
    const fixed = value.replace(/(\{\d+(?:,\d*)?\})\?/g, "$1");
    if (fixed === value) return whole;
    fixes.push(`lazy quantifier removed: ${value} → ${fixed}`);
    return open + fixed + close;
  });

  const prefixes = namespacePrefixes(out);
  const importTag = /<xs:import\b[^>]*?(?:\/>|>[\s\S]*?<\/xs:import>)/g;
  for (const tag of out.match(importTag) || []) {
    const location = attribute(tag, "schemaLocation");
    if (!location || present(location)) continue;
    const namespace = attribute(tag, "namespace");
    out = out.replace(tag, "");
    fixes.push(`import of ${location} dropped (not in the folder)`);
    for (const [prefix, uri] of prefixes) {
      if (uri !== namespace) continue;
      const refs = new RegExp(
        `<xs:element\\b[^>]*\\bref\\s*=\\s*"${prefix}:[^"]*"[^>]*?(?:/>|>[\\s\\S]*?</xs:element>)`,
        "g",
      );
      const dropped = out.match(refs) || [];
      out = out.replace(refs, "");
      if (dropped.length > 0) fixes.push(`${dropped.length} element ref(s) into ${prefix}: dropped`);
    }
  }
  return { text: out, fixes };
}

/** Copies the folder's schemas into a temporary folder with the fixes applied; returns where, and what was fixed. */
function prepareSchemas(schemaDir) {
  const folder = findSchemaFolder(schemaDir);
  if (!folder) return null;
  const files = fs.readdirSync(folder).filter((f) => f.toLowerCase().endsWith(".xsd"));
  const present = (location) => files.includes(path.basename(location));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-xsd-"));
  const fixes = [];
  for (const file of files) {
    const result = fixSchemaText(fs.readFileSync(path.join(folder, file), "utf8"), present);
    fs.writeFileSync(path.join(tmp, file), result.text);
    for (const fix of result.fixes) fixes.push(`${file}: ${fix}`);
  }
  return { folder, dir: tmp, root: path.join(tmp, ROOT_SCHEMA), fixes };
}

/** xmllint's exit status when the schema itself does not compile (3 and 4: the document is not valid). */
const XMLLINT_SCHEMA_ERROR = 5;

/** xmllint on one manifest against the prepared root schema, with no network. */
function validate(manifest, rootSchema) {
  const result = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", rootSchema, manifest], {
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return {
    ok: result.status === 0,
    schemaError: result.status === XMLLINT_SCHEMA_ERROR,
    output: `${result.stdout}${result.stderr}`.trim(),
  };
}

function xmllintAvailable() {
  const result = spawnSync(XMLLINT, ["--version"], { encoding: "utf8" });
  return !result.error && result.status === 0;
}

const USAGE =
  "usage: node scripts/validate-manifest-xsd.js [--schemas DIR] [--verbose] [manifest.xml …]\n" +
  "  DIR holds OfficeAppManifestV1_1.xsd and the schemas it imports (or a taskpane/ folder with them);\n" +
  "  OFFICE_MANIFEST_XSD_DIR may give it instead. Default schemas: the vendored schemas/office-addin-manifest/.\n" +
  "  Default manifest: manifest.xml.";

function main(argv) {
  let schemaDir = process.env.OFFICE_MANIFEST_XSD_DIR || VENDORED_SCHEMAS;
  let verbose = false;
  const manifests = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--schemas") {
      schemaDir = argv[++i] ?? null;
      if (!schemaDir) {
        console.error(`--schemas needs a folder\n${USAGE}`);
        return 2;
      }
    } else if (arg === "--verbose") verbose = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith("-")) {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else manifests.push(arg);
  }
  if (manifests.length === 0) manifests.push("manifest.xml");
  if (!xmllintAvailable()) {
    console.error(`${XMLLINT} is not installed (Debian: apt-get install -y libxml2-utils).`);
    return 2;
  }
  const missing = manifests.filter((m) => !fs.existsSync(m));
  if (missing.length > 0) {
    console.error(`No such manifest: ${missing.join(", ")}`);
    return 2;
  }
  const prepared = prepareSchemas(schemaDir);
  if (!prepared) {
    console.error(`${schemaDir} has no ${ROOT_SCHEMA} (nor a taskpane/ folder with one).`);
    return 2;
  }
  try {
    if (verbose) for (const fix of prepared.fixes) console.log(`fixed ${fix}`);
    let failed = 0;
    for (const manifest of manifests) {
      const result = validate(manifest, prepared.root);
      if (result.schemaError) {
        console.error(
          `The schemas in ${prepared.folder} do not compile, even with the fixes:\n${result.output}`,
        );
        return 2;
      }
      if (result.ok) {
        console.log(`${manifest}: valid against ${ROOT_SCHEMA} (${prepared.folder})`);
      } else {
        failed += 1;
        console.error(`${manifest}: not valid against ${ROOT_SCHEMA}\n${result.output}`);
      }
    }
    return failed === 0 ? 0 : 1;
  } finally {
    fs.rmSync(prepared.dir, { recursive: true, force: true });
  }
}

module.exports = {
  fixSchemaText,
  prepareSchemas,
  validate,
  findSchemaFolder,
  main,
  ROOT_SCHEMA,
  VENDORED_SCHEMAS,
  XMLLINT_SCHEMA_ERROR,
};

if (require.main === module) process.exitCode = main(process.argv.slice(2));
