import { Digest, digest } from "../../src/domain/text";

// A closed period's fingerprints are kept in the workbook: the same rows must give the same
// fingerprint in every later version, or every closed period would seem changed.
describe("the digest a closed period's rows are fingerprinted with", () => {
  it("gives the values recorded in workbooks already closed", () => {
    const d = new Digest();
    d.row(27);
    d.cell("Hộ ông Nguyễn Văn A");
    d.cell(1_000_000);
    d.cell(0.5);
    d.cell(true);
    d.cell(null);
    expect([digest("Kỳ đã chốt"), d.done()]).toEqual(["0c83972dd16d19", "14a2ec01add666"]);
  });

  it("tells a number from its text, and an empty text from nothing apart only by position", () => {
    const of = (...cells: (string | number | null)[]) => {
      const d = new Digest();
      for (const c of cells) d.cell(c);
      return d.done();
    };
    expect(of(1)).not.toBe(of("1"));
    expect(of("")).toBe(of(null));
    expect(of("a", null)).not.toBe(of(null, "a"));
  });
});
