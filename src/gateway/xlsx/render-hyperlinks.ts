/**
 * Makes exceljs 4.4 write links to a cell of the same workbook the way Excel writes them.
 *
 * exceljs writes every hyperlink as an external relationship, and for an internal target ("#'Sheet'!C8") it adds a
 * `location` attribute too, so Excel follows "#'Sheet'!C8##'Sheet'!C8" and the link is dead
 * (github.com/exceljs/exceljs/issues/3027). It also drops location-only links when reading, so a user's own internal
 * links would vanish from the input sheets when we re-save their workbook.
 *
 * This patch (installed once, idempotent) changes exactly those two things:
 * - writing: a hyperlink whose target starts with "#" becomes `<hyperlink ref=… location="'Sheet'!C8"/>` with no
 *   relationship, as Excel itself writes it;
 * - reading: a location-only hyperlink becomes the cell value `{ text, hyperlink: "#'Sheet'!C8" }`.
 * External links are untouched.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's xform classes are not exported by its index. */

interface HyperlinkModel {
  address: string;
  target?: string;
  rId?: string;
  tooltip?: string;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

interface XmlStream {
  leafNode(name: string, attributes: Record<string, string | undefined>): void;
}

interface HyperlinkXformClass {
  prototype: {
    render(xmlStream: XmlStream, model: HyperlinkModel): void;
    __selfevalPatched?: boolean;
  };
}

interface WorksheetModel {
  hyperlinks?: HyperlinkModel[];
  rels?: Relationship[];
  relationships?: Relationship[];
}

interface WorksheetXformClass {
  prototype: {
    prepare(model: WorksheetModel, options: unknown): void;
    reconcile(model: WorksheetModel, options: unknown): void;
  };
}

const HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

function isInternal(target: string | undefined): target is string {
  return typeof target === "string" && target.startsWith("#");
}

export function installInternalHyperlinkFix(): void {
  const HyperlinkXform = require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform") as HyperlinkXformClass;
  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as WorksheetXformClass;
  if (HyperlinkXform.prototype.__selfevalPatched) return;
  HyperlinkXform.prototype.__selfevalPatched = true;

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (xmlStream: XmlStream, model: HyperlinkModel): void {
    if (!isInternal(model.target)) {
      render.call(this, xmlStream, model);
      return;
    }
    xmlStream.leafNode("hyperlink", {
      ref: model.address,
      location: model.target.slice(1),
      tooltip: model.tooltip,
    });
  };

  const prepare = WorksheetXform.prototype.prepare;
  WorksheetXform.prototype.prepare = function (model: WorksheetModel, options: unknown): void {
    prepare.call(this, model, options);
    // Drop the external relationships exceljs made for internal links; the other ids stay as assigned.
    const internalIds = new Set(
      (model.hyperlinks ?? []).filter((h) => isInternal(h.target)).map((h) => h.rId as string),
    );
    if (internalIds.size > 0 && model.rels) model.rels = model.rels.filter((r) => !internalIds.has(r.Id));
  };

  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (model: WorksheetModel, options: unknown): void {
    // Give each location-only link a relationship of its own so exceljs's reconcile maps it onto its cell.
    let n = 0;
    for (const h of model.hyperlinks ?? []) {
      if (h.rId || !h.target) continue;
      n += 1;
      h.rId = `selfevalLocation${n}`;
      model.relationships = [
        ...(model.relationships ?? []),
        { Id: h.rId, Type: HYPERLINK_REL, Target: `#${h.target}`, TargetMode: "External" },
      ];
    }
    reconcile.call(this, model, options);
  };
}
