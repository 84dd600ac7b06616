import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../../src/domain/plan/chauSon";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { FakeExcel } from "../fakes/excel/workbook";
import { modelOfFake, modelOfXlsx } from "./model";

describe("both adapters, one contract", () => {
  it("apply the templates with sample rows to an empty workbook and end in the same workbook", async () => {
    const xlsx = XlsxWorkbook.empty();
    const fake = new FakeExcel();
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await applyTemplates(xlsx, chauSonPlan, demoRows(chauSonPlan));
    await applyTemplates(office, chauSonPlan, demoRows(chauSonPlan));
    const a = modelOfXlsx(xlsx.book);
    const b = modelOfFake(fake.state);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    for (let i = 0; i < a.sheets.length; i++) expect(b.sheets[i]).toEqual(a.sheets[i]);
  });
});
