/**
 * ExcelJS 4.4.0 drops `<calculatedColumnFormula>` from table columns, both reading and writing.
 * Without it Excel does not fill a formula column into rows users add to a table. This patch
 * of its table-column serializer carries the element through; tests pin the behaviour.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform.js") as {
  prototype: Record<string, unknown>;
};

interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}

interface ParserState {
  model: ColumnModel;
  inFormula: boolean;
  formulaText: string;
}

let patched = false;

export function patchExcelJs(): void {
  if (patched) return;
  patched = true;
  const proto = TableColumnXform.prototype;
  proto.render = function render(xmlStream: XmlStream, model: ColumnModel): boolean {
    const attributes = {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    };
    if (!model.calculatedColumnFormula) {
      xmlStream.leafNode("tableColumn", attributes);
      return true;
    }
    xmlStream.openNode("tableColumn", attributes);
    xmlStream.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
    xmlStream.closeNode();
    return true;
  };
  proto.parseOpen = function parseOpen(this: ParserState, node: { name: string; attributes: Record<string, string> }): boolean {
    if (node.name === "tableColumn") {
      const a = node.attributes;
      this.model = { id: 0, name: a.name ?? "", totalsRowLabel: a.totalsRowLabel, totalsRowFunction: a.totalsRowFunction, dxfId: a.dxfId };
      this.inFormula = false;
      return true;
    }
    if (node.name === "calculatedColumnFormula") {
      this.inFormula = true;
      this.formulaText = "";
    }
    return true;
  };
  proto.parseText = function parseText(this: ParserState, text: string): void {
    if (this.inFormula) this.formulaText += text;
  };
  proto.parseClose = function parseClose(this: ParserState, name: string): boolean {
    if (name === "calculatedColumnFormula") {
      this.model.calculatedColumnFormula = this.formulaText;
      this.inFormula = false;
    }
    return name !== "tableColumn";
  };
}
