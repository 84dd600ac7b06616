import ExcelJS from "exceljs";

/**
 * A workbook full of someone else's content, around and inside sheets with our names: a sheet of
 * their own, a foreign "Cam kết", an older tblNhiemVu with their rows and notes, their villages.
 */
export async function buildUserWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const own = book.addWorksheet("Sổ của tôi");
  own.getCell("A1").value = "Ghi chép riêng";
  own.getCell("A1").font = { bold: true, size: 14 };
  own.getCell("A2").value = 1500000;
  own.getCell("A2").numFmt = "#,##0";
  own.getCell("A3").value = new Date(Date.UTC(2021, 5, 15));
  own.getCell("A3").numFmt = "dd/mm/yyyy";
  own.getCell("A4").value = { formula: "A2*2", result: 3000000 };
  own.getCell("A5").value = "=không phải công thức";
  own.getCell("A6").value = { richText: [{ text: "Chữ " }, { text: "đậm", font: { bold: true } }] };
  own.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  own.getCell("B2").value = "ô tô vàng";
  own.mergeCells("C1:E1");
  own.getCell("C1").value = "Tiêu đề gộp ô";
  own.getCell("F1").note = "Ghi chú của người dùng";
  own.getCell("F1").value = "có ghi chú";
  (own as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("G2:G20", {
    type: "list",
    allowBlank: true,
    formulae: ['"Có,Không"'],
  });
  own.addConditionalFormatting({
    ref: "A2:A20",
    rules: [{ type: "cellIs", operator: "greaterThan", priority: 1, formulae: ["1000000"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } } }],
  });
  own.addTable({ name: "tblCuaToi", ref: "I1", headerRow: true, columns: [{ name: "Tên" }, { name: "Số" }], rows: [["a", 1], ["b", 2]] });

  const camKet = book.addWorksheet("Cam kết");
  camKet.getCell("A1").value = "Danh sách cam kết viết tay";
  camKet.getCell("A2").value = "Thôn Đông: 120 hộ";

  const nv = book.addWorksheet("Nhiệm vụ");
  const headers = ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành"];
  const rows = [
    [1, "Công an xã", "Tuần tra chốt kiểm soát", "III.3", new Date(Date.UTC(2021, 6, 31)), "Hoàn thành", new Date(Date.UTC(2021, 6, 20))],
    [2, "Trạm y tế xã", "Tiêm vắc xin đợt 1", "III.2", null, "Đang thực hiện", null],
    [3, "Trường học", "Ký cam kết học sinh", "III.6", new Date(Date.UTC(2021, 5, 30)), "Chưa thực hiện", null],
  ];
  headers.forEach((h, i) => (nv.getCell(1, i + 1).value = h));
  rows.forEach((r, i) => r.forEach((v, j) => (nv.getCell(i + 2, j + 1).value = v)));
  nv.addTable({ name: "tblNhiemVu", ref: "A1", headerRow: true, columns: headers.map((name) => ({ name })), rows });
  nv.getCell("K3").value = "Ghi chú bên cạnh bảng";
  nv.getCell("A8").value = "Ghi chú của tổ dưới bảng";

  const dm = book.addWorksheet("Danh mục");
  dm.addTable({ name: "tblThon", ref: "A1", headerRow: true, columns: [{ name: "Thôn" }, { name: "Ghi chú" }], rows: [["Thôn Đông", null], ["Thôn Tây", "mới sáp nhập"]] });
  dm.addTable({ name: "tblDonVi", ref: "D1", headerRow: true, columns: [{ name: "Đơn vị" }, { name: "Nhóm" }], rows: [["Công an xã", "Lực lượng vũ trang"]] });
  await book.xlsx.writeFile(file);
}
