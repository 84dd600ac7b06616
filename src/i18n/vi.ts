import { formatDate, formatNumber } from "../domain/format";
import type { Catalog } from "./catalog";

const num = (v: unknown) => (typeof v === "number" ? formatNumber(v) : String(v));
const dmy = (iso: unknown) => (typeof iso === "string" ? formatDate(iso) : String(iso));

/** Vietnamese, the default language of every message. */
export const vi: Catalog = {
  // Templates
  "sheet-created": (p) => `Đã tạo trang tính "${p.sheet}".`,
  "table-created": (p) => `Đã tạo bảng ${p.table} tại ${p.address} trên trang "${p.sheet}".`,
  "columns-added": (p) => `Bảng ${p.table} (trang "${p.sheet}") thiếu cột ${p.headers}: đã thêm vào cuối bảng (cột ${p.columns}).`,
  "rows-prefilled": (p) => `Đã điền sẵn ${num(p.count)} dòng từ kế hoạch vào bảng ${p.table} (trang "${p.sheet}").`,
  "rows-sample": (p) => `Đã điền ${num(p.count)} dòng dữ liệu mẫu vào bảng ${p.table} (trang "${p.sheet}").`,
  "sheet-not-ours": (p) =>
    `Trang tính "${p.sheet}" đã có dữ liệu khác, không phải bảng của sổ theo dõi: giữ nguyên, không sửa. Hãy đổi tên trang này (ví dụ thành "${p.suggestion}") rồi chạy lại để tạo trang "${p.sheet}" mới.`,
  "table-not-ours": (p) =>
    `Bảng ${p.table} ở trang "${p.sheet}" trùng tên với một bảng của sổ theo dõi nhưng có các cột khác: giữ nguyên, không sửa. Hãy đổi tên bảng đó (Table Design > Table Name, ví dụ thành ${p.suggestion}) rồi chạy lại để tạo bảng ${p.table} mới.`,
  "table-elsewhere": (p) => `Các bảng của trang "${p.expected}" đang nằm ở trang "${p.sheet}": vẫn dùng tại đó.`,
  "columns-blocked": (p) =>
    `Không thêm được cột ${p.headers} vào bảng ${p.table} (trang "${p.sheet}") vì cột ${p.columns} bên phải bảng đang có dữ liệu. Hãy chèn cột trống bên phải bảng hoặc chuyển dữ liệu đó đi, rồi chạy lại.`,
  "prefill-skipped": (p) =>
    `Bảng ${p.table} (trang "${p.sheet}") đang trống nhưng các dòng ngay dưới bảng có dữ liệu, nên chưa điền sẵn danh sách từ kế hoạch. Hãy dời dữ liệu đó đi rồi chạy lại.`,
  "list-source-missing": (p) =>
    `Chưa tạo danh sách chọn cho cột "${p.header}" của bảng ${p.table} vì không tìm thấy bảng ${p.source}. Hãy tạo lại trang "Danh mục" rồi chạy lại.`,
  "templates-up-to-date": () => "Sổ đã có đủ các trang, bảng và cột mẫu: không thay đổi gì.",
  // Files
  "file-not-found": (p) => `Không tìm thấy tệp "${p.file}". Hãy kiểm tra lại đường dẫn và tên tệp.`,
  "file-not-a-workbook": (p) =>
    `Tệp "${p.file}" không phải sổ tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
  "file-too-large": (p) =>
    `Tệp "${p.file}" nặng ${p.detail} MB, quá sức đọc của bản xem thử trong trình duyệt. Hãy mở tệp trong Excel và dùng bổ trợ ở đó, hoặc dùng dòng lệnh (npm run cli).`,
  "file-legacy-or-encrypted": (p) =>
    `Tệp "${p.file}" là sổ Excel 97-2003 (.xls) hoặc có đặt mật khẩu mở tệp. Hãy mở trong Excel, bỏ mật khẩu mở tệp nếu có, rồi lưu dưới dạng "Excel Workbook (*.xlsx)".`,
  "file-read-only": (p) => `Không ghi được vào "${p.file}": tệp hoặc thư mục chỉ cho phép đọc. Hãy bỏ thuộc tính chỉ đọc hoặc chọn nơi lưu khác (--out).`,
  "file-locked": (p) => `Tệp "${p.file}" đang được mở trong Excel. Hãy đóng tệp trong Excel rồi chạy lại.`,
  "file-write-failed": (p) => `Không ghi được tệp "${p.file}" (${p.detail}). Tệp gốc vẫn giữ nguyên. Hãy kiểm tra chỗ trống trên đĩa rồi chạy lại.`,
  "file-would-overwrite": (p) =>
    p.sheet ? `Không ghi vì sẽ ghi đè lên dữ liệu đang có ở trang "${p.sheet}", ô ${p.detail}. Tệp giữ nguyên.` : `Không ghi "${p.file}": ${p.detail}. Hãy chọn tên tệp khác.`,
  "file-damaged-part": (p) =>
    `Tệp "${p.file}" bị hỏng một phần nên không đọc được (${p.detail}). Tệp giữ nguyên. Hãy mở tệp trong Excel (Excel sẽ đề nghị sửa), lưu lại rồi chạy lại.`,
  "file-folder-missing": (p) => `Không có thư mục "${p.file}" (hoặc một phần đường dẫn không phải thư mục). Hãy tạo thư mục đó hoặc chọn nơi lưu khác.`,
  "file-read-only-fs": (p) => `Không ghi được "${p.file}": ổ đĩa hoặc thư mục chỉ cho phép đọc (ví dụ USB khóa ghi, ổ mạng chỉ đọc). Tệp gốc giữ nguyên. Hãy chép tệp sang ổ khác rồi chạy lại, hoặc dùng --out.`,
  "file-disk-full": (p) => `Không ghi được "${p.file}": ổ đĩa đã đầy. Tệp gốc giữ nguyên. Hãy giải phóng chỗ trống rồi chạy lại.`,
  "file-busy": (p) => `Tệp "${p.file}" đang được một lệnh khác của sổ theo dõi ghi${p.detail ? ` (${p.detail})` : ""}. Hãy đợi lệnh đó xong rồi chạy lại.`,
  "file-in-use": (p) => `Tệp "${p.file}" đang bị một chương trình khác giữ. Hãy đóng chương trình đó rồi chạy lại. Tệp gốc giữ nguyên.`,
  "file-changed-meanwhile": (p) => `Không ghi: tệp "${p.file}" đã bị thay đổi (có thể trong Excel) trong lúc lệnh đang chạy. Tệp giữ nguyên như lần lưu gần nhất; hãy chạy lại lệnh.`,
  "file-not-verified": (p) =>
    `Không ghi "${p.file}": khi kiểm tra bản ghi thử, phát hiện có phần ngoài nội dung cần thêm bị khác đi (${p.detail}). Tệp gốc giữ nguyên. Hãy gửi tệp này cho người hỗ trợ để xem xét.`,
  "grid-no-sheet": (p) => `Không có trang tính "${p.sheet}" để ghi vào. Tệp giữ nguyên.`,
  "grid-not-a-worksheet": (p) => `"${p.sheet}" là trang biểu đồ hoặc trang macro, không ghi được dữ liệu vào đó. Hãy đổi tên trang đó rồi chạy lại. Tệp giữ nguyên.`,
  "grid-table-exists": (p) => `Sổ đã có một bảng tên ${p.detail}. Hãy đổi tên bảng đó (Table Design > Table Name) rồi chạy lại. Tệp giữ nguyên.`,
  "grid-name-taken": (p) => `Sổ đã có một tên ${p.detail} (Formulas > Name Manager), trùng với tên bảng cần tạo. Hãy đổi tên đó rồi chạy lại. Tệp giữ nguyên.`,
  "grid-table-overlap": (p) => `Bảng mới ở trang "${p.sheet}" sẽ chồng lên bảng ${p.detail}. Hãy dời bảng đó rồi chạy lại. Tệp giữ nguyên.`,
  "cell-too-long": (p) => `Ô ${p.cell} cần ghi dài quá 32.767 ký tự, giới hạn của Excel. Hãy rút ngắn nội dung gốc rồi chạy lại. Tệp giữ nguyên.`,
  "cell-not-a-number": (p) => `Ô ${p.cell}: số cần ghi không phải một số hữu hạn. Hãy kiểm tra dữ liệu nguồn. Tệp giữ nguyên.`,
  // What a report was built over, when it is less than a plain success
  "report-with-errors": (p) => `Số liệu còn ${num(p.count)} lỗi (trang Kiểm tra liệt kê từng ô): báo cáo lập trên số liệu đó. Hãy sửa rồi lập lại báo cáo trước khi trình ký.`,
  "report-text-values": (p) => `Có ${num(p.count)} ô ngày hoặc số đang lưu dạng chữ: báo cáo đã đọc và tính các ô này, còn công thức của trang "Tổng hợp" thì không, nên hai bên có thể lệch nhau. Hãy chạy Kiểm tra và bấm "Sửa" để lưu đúng dạng.`,
  "report-plan-unreadable": (p) => `Chưa đọc được kế hoạch trong sổ (trang "${p.sheet}", ô ${p.cell}): ${p.message} Báo cáo vẫn lập theo trang "Thông tin chung", nhưng chưa nêu được các mốc của kế hoạch.`,
  "report-no-data": (p) => `Không có số liệu nào trong kỳ ${p.label}: báo cáo sẽ toàn số 0. Hãy kiểm tra lại kỳ báo cáo.`,
  "report-excluded": (p) => `Có ${num(p.count)} dòng không đọc được nên chưa tính vào báo cáo (${p.sections}). Hãy kiểm tra và sửa các dòng đó rồi lập lại báo cáo.`,
  "report-negative-cash": (p) => `Tồn quỹ tiền đến ngày ${dmy(p.to)} là số âm (${num(p.amount)} đồng): sổ đã ghi chi nhiều hơn thu. Hãy kiểm tra các khoản thu, chi trước khi trình ký.`,
  "report-missing-tables": (p) => `Sổ thiếu bảng ${p.tables}: các phần tương ứng của báo cáo để trống. Hãy thêm mẫu biểu để bổ sung.`,
  "report-summary-skipped": (p) => `Chưa thêm trang "Tổng hợp" vì sổ thiếu cột hoặc bảng mà công thức cần (${p.columns}). Hãy thêm mẫu biểu rồi lập lại báo cáo.`,
  // Failures, told in the pane, on the ribbon and on the command line
  "changed-nothing": () => "Sổ chưa bị thay đổi.",
  "changed-maybe": () => "Một phần việc có thể đã được ghi vào sổ trước khi lỗi xảy ra: hãy xem lại các trang vừa ghi (hoặc bấm Hoàn tác, Ctrl+Z) trước khi chạy lại.",
  "error-cancelled": () => "Đã dừng theo yêu cầu. Sổ không thay đổi.",
  "error-no-tracking-tables": () => "Sổ chưa có bảng theo dõi nào (Nhiệm vụ, Cam kết, Đóng góp, Khen thưởng) nên không lập được báo cáo. Hãy tạo các trang mẫu trước (nút \"Mẫu biểu\" của Sổ theo dõi, hoặc lệnh template).",
  "error-unexpected": () => "Đã xảy ra lỗi không lường trước. Hãy lưu sổ, đóng rồi mở lại, và chạy lại; nếu vẫn lỗi, hãy gửi sổ cho người hỗ trợ.",
  "office-table-growth": (p) =>
    `Bảng ${p.table} cần thêm cột hoặc dòng, nhưng phiên bản Excel này chưa có Table.resize (ExcelApi 1.13) nên việc thêm sẽ đẩy các ô ${p.cells} đi chỗ khác. Hãy cập nhật Office (Microsoft 365, Excel 2021 trở lên), hoặc dời các ô đó ra xa bảng rồi chạy lại.`,
  "office-sheet-protected": (p) => `Trang "${p.sheet}" đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang (Review > Unprotect Sheet, cần mật khẩu nếu có) rồi chạy lại.`,
  "office-read-only": () => "Sổ đang mở ở chế độ chỉ đọc nên không ghi được. Hãy bấm \"Enable Editing\" / \"Chỉnh sửa sổ làm việc\" (hoặc mở bản có quyền sửa) rồi chạy lại.",
  "office-hidden-sheet": (p) => `Ô ${p.cell} nằm ở trang "${p.sheet}" đang bị ẩn. Hãy hiện trang đó (bấm chuột phải vào tên một trang > Unhide, chọn "${p.sheet}") rồi bấm lại vào ô.`,
  "office-workbook-switched": (p) =>
    `Excel không thêm được trang${p.sheets ? ` ${p.sheets}` : ""} vì lúc đó cửa sổ đang hiện một sổ khác. Chưa có ô nào được ghi. Hãy bấm vào cửa sổ của sổ này rồi chạy lại; nếu Excel đã kịp thêm một trang trống, lần chạy lại sẽ dùng tiếp trang đó.`,
  "office-access-denied": () => "Excel không cho ghi vào sổ (sổ hoặc trang đang được bảo vệ, hoặc bạn chỉ có quyền xem). Hãy kiểm tra quyền sửa sổ rồi chạy lại.",
  "office-too-large": () => "Lượng dữ liệu gửi qua Excel cho web vượt giới hạn 5 MB một lần. Hãy chạy lại; nếu vẫn lỗi, hãy mở sổ bằng Excel trên máy tính.",
  "office-item-not-found": () => "Không tìm thấy trang hoặc bảng cần dùng: có thể nó vừa bị đổi tên hoặc xóa. Hãy bấm \"Kiểm tra\" lại.",
  "office-cell-edit": () => "Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc để thoát khỏi ô đang gõ rồi chạy lại.",
  "office-busy": () => "Excel đang bận hoặc mất kết nối với máy chủ. Hãy đợi một lát rồi chạy lại.",
  "office-conflict": () => "Một người khác đang sửa cùng vùng của sổ. Hãy đợi một lát rồi chạy lại.",
  "office-old-excel": () => "Phiên bản Excel này thiếu chức năng cần dùng. Hãy cập nhật Office rồi chạy lại.",
  "office-merged": () => "Vùng cần ghi có ô đã gộp (Merge). Hãy bỏ gộp ô trong vùng đó rồi chạy lại.",
  "office-filtered": () => "Bảng đang được lọc. Hãy bỏ lọc (Data > Clear) rồi chạy lại.",
  "office-error": (p) => `Excel báo lỗi (mã ${p.code}). Hãy chạy lại; nếu vẫn lỗi, lưu sổ, đóng rồi mở lại.`,
  // Command line
  "cli-usage": () =>
    [
      "Cách dùng: npm run cli -- <lệnh>",
      "  demo [--out TỆP]      tạo sổ mẫu (mặc định demo/chau-son-2021.xlsx)",
      "  template TỆP [--plan KẾ-HOẠCH.json]   thêm hoặc nâng cấp các trang mẫu trong TỆP theo kế hoạch (mặc định: kế hoạch đã lưu trong sổ)",
      "  plan import TỆP [--json] [--out KẾ-HOẠCH.json]   đọc kế hoạch từ văn bản (.txt hoặc .docx)",
      "  plan show TỆP [--json]   xem kế hoạch đang lưu trong sổ",
      "  validate TỆP [--json] [--fix [--out TỆP2]]   kiểm tra dữ liệu; --fix sửa các lỗi định dạng (có bản sao trước khi sửa)",
      "  report TỆP --period KỲ [--json] [--out TỆP2 | --docx BÁO-CÁO.docx] [--today NGÀY]   thêm trang báo cáo, hoặc ghi báo cáo ra tệp Word (KỲ: 2021, 2021-S1, 2021-S2, 2021-Q1..Q4, 2021-06, 2021-06-11..2021-12-31)",
      "  disclosure TỆP --period KỲ [--json] [--out TỆP2 | --docx TỆP.docx]   thêm bảng công khai các khoản đóng góp (Nghị định 93/2021)",
      "  nominations TỆP --period KỲ [--out TỆP2 | --docx TỆP.docx]   thêm hồ sơ khen thưởng: tờ trình, danh sách đề nghị, dự thảo quyết định",
    ].join("\n"),
  "cli-plan-usage": () => "Cách dùng: npm run cli -- plan import ke-hoach.docx [--json] [--out ke-hoach.json], hoặc plan show so-theo-doi.xlsx [--json]",
  "cli-plan-missing-file": () => "Tùy chọn --plan cần tên tệp kế hoạch (.json do lệnh plan import ghi ra).",
  "cli-plan-sample": () => "Sổ chưa lưu kế hoạch nào: dùng kế hoạch mẫu (Châu Sơn, 2021). Muốn dùng kế hoạch của mình, hãy chạy plan import rồi template --plan.",
  "cli-plan-none": (p) => `Sổ "${p.file}" chưa lưu kế hoạch (chưa có trang "Kế hoạch"). Hãy chạy template --plan để thêm.`,
  "cli-plan-unplaced": (p) => `Có ${num(p.count)} dòng chưa xếp được vào kế hoạch (hãy xem lại và bổ sung bằng tay):`,
  "plan-invalid": (p) => `Kế hoạch chưa hợp lệ: trường "${p.field}" ${p.reason}. Hãy sửa trong tệp kế hoạch rồi chạy lại.`,
  "plan-file-not-a-docx": (p) => `Tệp "${p.file}" không phải văn bản Word (.docx) đọc được. Hãy mở trong Word và lưu lại dưới dạng "Word Document (*.docx)", hoặc chép nội dung vào tệp .txt.`,
  "plan-file-unsupported": (p) => `Tệp "${p.file}" không phải .docx hay .txt. Hãy lưu kế hoạch dưới dạng Word (.docx) hoặc văn bản (.txt).`,
  "cli-unknown-command": (p) => `Không có lệnh "${p.command}".`,
  "cli-missing-file": (p) => `Lệnh ${p.command} cần tên tệp, ví dụ: npm run cli -- ${p.command} so-theo-doi.xlsx`,
  "cli-demo-target-exists": (p) => `Tệp "${p.file}" đã có và không phải sổ mẫu: không ghi đè. Hãy chọn tên khác bằng --out.`,
  "cli-sheet-counts": (p) => `Trang "${p.sheet}": ${num(p.errors)} lỗi, ${num(p.warnings)} cảnh báo`,
  "cli-total-counts": (p) =>
    `Tổng cộng: ${num(p.errors)} lỗi, ${num(p.warnings)} cảnh báo.${Number(p.fixable) > 0 ? ` ${num(p.fixable)} vấn đề sửa được tự động: thêm --fix vào lệnh.` : ""}`,
  "cli-no-issues": () => "Không có lỗi hay cảnh báo nào.",
  "cli-fixed": (p) => `Đã sửa ${num(p.applied)} ô${Number(p.skipped) > 0 ? ` (bỏ qua ${num(p.skipped)} ô đã thay đổi trong lúc kiểm tra)` : ""}; ghi vào ${p.file}.`,
  "cli-backup": (p) => `Đã lưu bản sao trước khi sửa: ${p.file}`,
  "cli-out-exists": (p) => `Tệp "${p.file}" đã có: không ghi đè. Hãy chọn tên tệp khác.`,
  "cli-docx-written": (p) => `Đã ghi tệp Word "${p.file}" (sổ không thay đổi).`,
  "cli-collect-usage": () => "Cách dùng: collect TỆP --period KỲ --out THƯ-MỤC [--due NGÀY]",
  "cli-collect-written": (p) => `Đã tạo phiếu ${p.file} (${p.who}).`,
  "cli-collect-exists": (p) => `Tệp "${p.file}" đã có: không ghi đè (${p.who}).`,
  "cli-collect-done": (p) => `Đã tạo ${p.count} phiếu trong ${p.dir}; hạn gửi lại ${p.due}.`,
  "cli-collect-no-plan": () => "Sổ chưa có kế hoạch (trang Kế hoạch): chưa biết gửi phiếu cho đơn vị, thôn nào. Hãy lập mẫu biểu theo kế hoạch trước.",
  "cli-merge-usage": () => "Cách dùng: merge TỆP PHIẾU.xlsx… [--dry-run] [--json] [--period KỲ]",
  "cli-merge-file": (p) => `${p.file} (${p.who}): ${p.updates} ô cập nhật, ${p.appends} dòng mới, ${p.conflicts} xung đột.`,
  "cli-merge-conflict": (p) => `XUNG ĐỘT ${p.file}, trang "${p.sheet}", ô ${p.cell} (${p.column}, nhiệm vụ "${p.task}"): trong sổ là "${p.ours}", phiếu gửi lại "${p.theirs}" (lúc gửi đi: "${p.sent}"). Giữ nguyên giá trị trong sổ; hãy xem và sửa tay nếu cần.`,
  "cli-merge-skipped": (p) => `Bỏ qua ô ${p.cell} trang "${p.sheet}": ô đã đổi trong lúc gộp.`,
  "cli-merge-dry": () => "Chạy thử (--dry-run): sổ không thay đổi.",
  "cli-merge-done": (p) => `Đã gộp ${p.files} phiếu vào ${p.file}: ${p.updates} ô cập nhật, ${p.appends} dòng mới; ghi lại trong trang "Nhật ký cập nhật".`,
  "cli-merge-nothing": (p) => `Không có gì mới để gộp vào ${p.file}.`,
  "merge-not-a-return": (p) => `${p.file}: không phải phiếu báo cáo (không có trang "Phiếu"). Không gộp.`,
  "merge-bad-identity": (p) => `${p.file}: trang "Phiếu" thiếu hoặc sai mục "${p.key}". Không gộp; hãy gửi lại phiếu mới.`,
  "merge-foreign": (p) => `${p.file}: là phiếu của sổ khác (${p.body}, ${p.name}). Không gộp.`,
  "merge-other-period": (p) => `${p.file}: là phiếu của kỳ khác (${p.label}). Không gộp.`,
  "merge-unreadable": (p) => `${p.file}: không đọc được (${p.reason}). Không gộp.`,
  "merge-unknown-task": (p) => `${p.file}, ô ${p.cell}: nhiệm vụ "${p.task}" không có trong sổ (nội dung đã bị sửa?). Không gộp dòng này.`,
  "merge-invalid-state": (p) => `${p.file}, ô ${p.cell}: trạng thái không thuộc danh sách (Chưa thực hiện, Đang thực hiện, Hoàn thành). Không gộp ô này.`,
  "merge-invalid-date": (p) => `${p.file}, ô ${p.cell} (${p.column}): không đọc được ngày. Hãy ghi dd/mm/yyyy. Không gộp ô này.`,
  "merge-future-date": (p) => `${p.file}, ô ${p.cell} (${p.column}): ngày sau hôm nay. Không gộp ô này.`,
  "merge-invalid-number": (p) => `${p.file}, ô ${p.cell} (${p.column}): phải là số nguyên không âm. Không gộp dòng này.`,
  "merge-signed-over": (p) => `${p.file}, ô ${p.cell}: số hộ đã ký lớn hơn số hộ. Không gộp dòng này.`,
  "merge-invalid-choice": (p) => `${p.file}, ô ${p.cell} (${p.column}): giá trị không thuộc danh sách. Không gộp dòng này.`,
  "cli-consolidate-usage": () => "Cách dùng: consolidate TỆP|THƯ-MỤC… --period KỲ --out TỔNG-HỢP.xlsx [--json] [--expect DANH-SÁCH.txt]",
  "cli-consolidate-no-body": () => "không có tên cơ quan trong Thông tin chung",
  "cli-consolidate-done": (p) => `Đã tổng hợp ${p.count} sổ vào ${p.file}; ${p.unreadable} tệp không đọc được; thiếu ${p.missing} xã.`,
  "cli-docx-with-out": () => "Chỉ dùng một trong hai: --out (thêm trang vào bản sao của sổ) hoặc --docx (ghi tệp Word, sổ không thay đổi).",
  "cli-bad-period": (p) =>
    `Không hiểu kỳ báo cáo "${p.period}". Các dạng được nhận (năm từ 2000 đến 2100): 2021 (cả năm), 2021-S1 (6 tháng đầu năm), 2021-S2 (6 tháng cuối năm), 2021-Q1 đến 2021-Q4 (quý), 2021-06 (tháng), 2021-06-11..2021-12-31 (từ ngày đến ngày, dạng năm-tháng-ngày).`,
  "cli-bad-today": (p) => `Ngày "${p.today}" ở --today không hợp lệ. Hãy ghi một ngày có thật dạng năm-tháng-ngày, năm từ 2000 đến 2100, ví dụ --today 2022-01-05.`,
  "cli-report-added": (p) => `Đã thêm trang báo cáo "${p.sheet}" vào ${p.file}.`,
  "cli-summary-added": (p) => `Đã thêm trang "Tổng hợp" (công thức tự cập nhật) vào ${p.file}.`,
  "cli-see-validate": (p) => `Xem và sửa từng ô: npm run cli -- validate ${p.file}`,
  "cli-see-template": (p) => `Thêm bảng, cột còn thiếu: npm run cli -- template ${p.file}`,
  "cli-technical": (p) => `Chi tiết kỹ thuật (để gửi người hỗ trợ): ${p.detail}`,
  "cli-written": (p) => `Đã ghi ${p.file}.`,
  "cli-unchanged": (p) => `Tệp ${p.file} không thay đổi.`,
};
